"""Rules about links and images: every link leads somewhere, every image exists and says what it shows."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from ..anchors import anchors
from ..links import resolve, written_from
from ..model import Course, Page
from ..problems import Problem


def _closest(word: str, options: Iterable[str]) -> str:
    matches = [match for match in difflib.get_close_matches(word, sorted(set(options)), n=2, cutoff=0.7)
               if match != word]
    return f" ¿Querías decir «{matches[0]}»?" if matches else ""


def links(course: Course) -> list[Problem]:
    """Relative links lead to a page of the site (or a file in docs/), and to an anchor it has."""
    problems = []
    anchor_cache: dict[str, set[str]] = {}

    def anchors_of(page: Page) -> set[str]:
        if page.src_uri not in anchor_cache:
            anchor_cache[page.src_uri] = anchors(page, course)
        return anchor_cache[page.src_uri]

    for page in course.pages.values():
        if not page.readable:
            continue
        for link in page.links:
            shown = f"«{link.target}»" if link.target else "de esta línea"
            kind = "la imagen" if link.image else "el enlace"
            if not link.target:
                problems.append(Problem(page.file, link.line, f"{kind} «{link.text}» no tiene dirección",
                                        "escribe la dirección entre los paréntesis: [texto](pagina.md)"))
                continue
            target = resolve(page.src_uri, link.target)
            if target.kind == "external":
                continue  # another website, an email address or a phone number (see rules.safety)
            if target.kind == "absolute":
                problems.append(Problem(page.file, link.line, f"{kind} {shown} empieza por /",
                                        "escribe la ruta desde esta página, sin / al principio, por ejemplo "
                                        "../ley-y-consentimiento.md"))
                continue
            if target.kind == "outside":
                problems.append(Problem(page.file, link.line, f"{kind} {shown} sale de la carpeta docs/",
                                        "quita un ../: los archivos del sitio están todos dentro de docs/"))
                continue
            if target.kind == "with-language":
                written = written_from(page.src_uri, target.path + ".md") + (f"#{target.anchor}" if target.anchor else "")
                problems.append(Problem(page.file, link.line, f"{kind} {shown} lleva el idioma en el nombre del archivo",
                                        f"escribe {written}: el sitio elige solo la versión del idioma de la página"))
                continue
            if target.kind == "file":
                if target.path not in course.assets:
                    options = [written_from(page.src_uri, asset) for asset in course.assets]
                    problems.append(Problem(page.file, link.line, f"{kind} {shown} no existe en docs/",
                                            "revisa el nombre y la carpeta (../ sube una carpeta) o añade el archivo "
                                            f"a docs/.{_closest(link.target, options)}"))
                continue
            destination = page if target.kind == "same-page" else course.page(target.path, page.locale)
            if destination is None:
                options = [written_from(page.src_uri, f"{other}.md") for other in course.keys()]
                written_target = link.target.partition("#")[0]
                problems.append(Problem(
                    page.file, link.line,
                    f"{kind} {shown} no lleva a ninguna página: no existe docs/{target.path}.{page.locale}.md",
                    "escribe el nombre del archivo sin .es ni .en, desde la carpeta de esta página (../ sube una "
                    f"carpeta).{_closest(written_target, options)}"))
                continue
            if target.anchor and destination.readable and target.anchor not in anchors_of(destination):
                listed = sorted(h.anchor for h in destination.scan.headings if h.anchor)
                where = "esta página" if destination is page else destination.file
                problems.append(Problem(
                    page.file, link.line, f"el ancla #{target.anchor} del enlace {shown} no existe en {where}",
                    f"usa una de las anclas de sus títulos: {', '.join(listed) or 'no tiene ninguna'}."
                    f"{_closest(target.anchor, listed)}"))
    return problems


def images(course: Course) -> list[Problem]:
    """Every image says what it shows (alt text), for people who cannot see it."""
    problems = []
    for page in course.pages.values():
        for link in page.links:
            if link.image and not link.text.strip():
                shown = f"«{link.target}»" if link.target else "de esta línea"
                problems.append(Problem(page.file, link.line, f"la imagen {shown} no tiene texto alternativo",
                                        "escribe entre los corchetes qué muestra la imagen, para quien no la ve: "
                                        "![Escaparate de la tienda con las rebajas](foto.jpg)"))
    return problems
