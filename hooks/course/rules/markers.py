"""Rules about markers: the comments (``<!-- glossary -->``) that say where the site puts what it gathers."""

from __future__ import annotations

from ..model import Course
from ..problems import Problem, in_order
from ..roles import BY_MARKER, BY_NAME, PLUGIN_MARKERS, closest_marker, looks_like_marker


def markers(course: Course) -> list[Problem]:
    """Each marker is spelt right, alone on its line, once per page, on one page only, in every language."""
    problems = []
    holders: dict[tuple[str, str], list] = {}  # (role, locale) → the pages that hold it, with the marker's line
    for page in sorted(course.pages.values(), key=lambda p: p.src_uri):
        for comment in page.comments:
            if comment.text in BY_MARKER:
                continue
            if comment.text in PLUGIN_MARKERS:
                problems.append(Problem(page.file, comment.line, f"el marcador {comment.text} no se usa en este curso",
                                        "bórralo: cada pregunta ya guarda la respuesta y la página de autoevaluación "
                                        "muestra la puntuación"))
            elif looks_like_marker(comment.inner):
                meant = closest_marker(comment.inner)
                hint = f"escribe exactamente {meant}, solo en su línea" if meant else \
                    "bórralo, o usa uno de estos: " + ", ".join(BY_MARKER)
                problems.append(Problem(page.file, comment.line, f"el marcador «{comment.text}» no existe", hint))
        for html in page.html:
            for marker in (marker for marker in BY_MARKER if marker in html.html):
                problems.append(Problem(page.file, html.line, f"el marcador {marker} comparte la línea "
                                                              "con otro texto",
                                        "déjalo solo en su línea, con una línea en blanco antes y después"))
        for role, lines in page.markers.items():
            lines = sorted(set(lines))
            marker = BY_NAME[role].marker
            problems += [Problem(page.file, line, f"el marcador {marker} está repetido (ya está en la línea {lines[0]})",
                                 "deja solo uno") for line in lines[1:]]
            holders.setdefault((role, page.locale), []).append((page, lines[0]))
    for (role, _), pages in sorted(holders.items()):
        if len(pages) < 2:
            continue
        marker = BY_NAME[role].marker
        for page, line in pages:
            others = ", ".join(f"docs/{other.src_uri} (línea {other_line})" for other, other_line in pages
                               if other is not page)
            problems.append(Problem(page.file, line, f"el marcador {marker} está en dos páginas, esta y {others}, "
                                                     "y cada marcador va en una sola",
                                    f"déjalo solo en la página que debe mostrar {BY_NAME[role].page_name} (en los "
                                    "dos idiomas) y bórralo de la otra; para llevar al lector allí, usa un enlace "
                                    "normal"))
    for key in course.keys():
        twins = [page for page in course.twins(key) if page.readable]
        for page in twins[1:]:
            first = twins[0]
            for role in sorted(set(first.markers) ^ set(page.markers)):
                if role in _misspelt(first) | _misspelt(page):
                    continue  # the misspelt one is reported; fixing it fixes this too
                has, lacks = (first, page) if role in first.markers else (page, first)
                marker = BY_NAME[role].marker
                problems.append(Problem(lacks.file, 1, f"{has.file} tiene el marcador {marker} y su traducción "
                                                       f"{lacks.file} no",
                                        f"pon {marker} en las dos versiones de la página, en el mismo sitio"))
    return in_order(problems)


def _misspelt(page) -> set[str]:
    """The roles a page means with a misspelt marker (``<!-- tools-directory -->``)."""
    meant = (closest_marker(comment.inner) for comment in page.comments
             if comment.text not in BY_MARKER and looks_like_marker(comment.inner))
    return {BY_MARKER[marker].name for marker in meant if marker}
