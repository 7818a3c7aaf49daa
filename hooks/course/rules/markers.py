"""Rules about markers: the comments (``<!-- glossary -->``) that say where the site puts what it gathers."""

from __future__ import annotations

from ..model import Course
from ..problems import Problem
from ..roles import BY_MARKER, BY_NAME, PLUGIN_MARKERS, closest_marker, looks_like_marker


def markers(course: Course) -> list[Problem]:
    """Each marker is spelt right, alone on its line, once per page, on one page only, in every language."""
    problems = []
    holders: dict[tuple[str, str], str] = {}  # (role, locale) → the page key that holds it
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
            holder = holders.setdefault((role, page.locale), page.src_uri)
            if holder != page.src_uri:
                first_line = course.pages[holder].markers[role][0]
                problems.append(Problem(page.file, lines[0],
                                        f"el marcador {marker} está en dos páginas: docs/{holder} (línea {first_line}) "
                                        "y esta, y cada marcador va en una sola",
                                        f"déjalo solo en la página que debe mostrar {BY_NAME[role].page_name} (en los "
                                        "dos idiomas); para llevar al lector allí, usa un enlace normal"))
    for key in course.keys():
        twins = [page for page in course.twins(key) if page.readable]
        for page in twins[1:]:
            first = twins[0]
            for role in sorted(set(first.markers) ^ set(page.markers)):
                has, lacks = (first, page) if role in first.markers else (page, first)
                marker = BY_NAME[role].marker
                problems.append(Problem(lacks.file, 1, f"{has.file} tiene el marcador {marker} y su traducción "
                                                       f"{lacks.file} no",
                                        f"pon {marker} en las dos versiones de la página, en el mismo sitio"))
    return problems
