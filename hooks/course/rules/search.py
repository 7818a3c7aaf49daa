"""Search settings in a page's front matter: ``keywords`` (words merchants type) and Material's ``search``.

``keywords:`` lists the words a merchant may type for a page that the page itself does
not use, or uses rarely: other names (``boletín`` for a newsletter), English words
(``newsletter``), spellings heard in a shop (``wasap``). ``hooks/search_i18n.py`` adds
them to the search index, where they weigh more than the text and less than the title.
``search:`` is Material's: ``boost`` (a number: 0.1 ranks the page below the course,
2 above) and ``exclude`` (true leaves the page out of search).
"""

from __future__ import annotations

from numbers import Real

from ..model import Course, Page
from ..problems import Problem
from ..search import fold

KEYWORD_MAX = 40
SEARCH_FIELDS = {"boost", "exclude"}


def _keywords(page: Page) -> tuple[list[tuple[str, int]], list[Problem]]:
    """``([(keyword, line)], problems)`` of one page's ``keywords`` field."""
    data = page.front.data
    if "keywords" not in data or data["keywords"] in (None, []):
        return [], []
    value = data["keywords"]
    line = page.front.line_of("keywords")
    if not isinstance(value, list):
        return [], [Problem(page.file, line, "'keywords' debe ser una lista",
                            "escribe cada palabra en su línea, empezando por '- ', por ejemplo  - boletín")]
    found, problems, seen = [], [], {}
    for position, keyword in enumerate(value):
        where = page.front.lines.line_of(("keywords", position))
        if not isinstance(keyword, str) or not keyword.strip():
            problems.append(Problem(page.file, where, f"la palabra clave {position + 1} está vacía o no es un texto",
                                    "escribe una palabra o dos, o borra la línea"))
            continue
        keyword = keyword.strip()
        if len(keyword) > KEYWORD_MAX:
            problems.append(Problem(page.file, where, f"la palabra clave «{keyword}» tiene {len(keyword)} caracteres "
                                                      f"y el máximo es {KEYWORD_MAX}",
                                    "pon solo la palabra o las dos palabras que alguien escribiría en el buscador"))
            continue
        folded = fold(keyword)
        if folded in seen:
            problems.append(Problem(page.file, where, f"la palabra clave «{keyword}» ya está en la línea {seen[folded]}",
                                    "bórrala: el buscador no distingue mayúsculas ni tildes"))
            continue
        seen[folded] = where
        found.append((keyword, where))
    return found, problems


def keywords(course: Course) -> list[Problem]:
    """``keywords`` is a list of short words, each once per page and on one page per language."""
    problems = []
    owners: dict[tuple[str, str], tuple[Page, int]] = {}
    for page in course.pages.values():
        if not page.readable:
            continue
        found, wrong = _keywords(page)
        problems += wrong
        for keyword, line in found:
            key = (page.locale, fold(keyword))
            if key in owners and owners[key][0] is not page:
                other, other_line = owners[key]
                problems.append(Problem(
                    page.file, line, f"la palabra clave «{keyword}» también está en {other.file}:{other_line}",
                    "déjala solo en la página que debe salir primero al buscarla"))
            else:
                owners.setdefault(key, (page, line))
    return problems


def search_settings(course: Course) -> list[Problem]:
    """Material's ``search`` field holds only ``boost`` (a positive number) and ``exclude`` (true or false)."""
    problems = []
    for page in course.pages.values():
        if not page.readable or "search" not in page.front.data:
            continue
        value = page.front.data["search"]
        line = page.front.line_of("search")
        if not isinstance(value, dict):
            problems.append(Problem(page.file, line, "'search' debe tener sus ajustes debajo, sangrados",
                                    "escribe  search:  y debajo, con dos espacios delante,  boost: 0.1  o  exclude: true"))
            continue
        for name in sorted(set(value) - SEARCH_FIELDS):
            problems.append(Problem(page.file, page.front.lines.line_of(("search", name)),
                                    f"'search' no tiene el ajuste '{name}'",
                                    "usa  boost: 0.1  (para que salga después) o  exclude: true  (para que no salga)"))
        boost = value.get("boost")
        if "boost" in value and (isinstance(boost, bool) or not isinstance(boost, Real) or boost <= 0):
            problems.append(Problem(page.file, page.front.lines.line_of(("search", "boost")),
                                    f"'boost' debe ser un número mayor que 0, no '{boost}'",
                                    "pon 0.1 para que la página salga después de los módulos, o 2 para que salga antes"))
        if "exclude" in value and not isinstance(value.get("exclude"), bool):
            problems.append(Problem(page.file, page.front.lines.line_of(("search", "exclude")),
                                    f"'exclude' debe ser true o false, no '{value.get('exclude')}'",
                                    "escribe  exclude: true  para que la página no salga en el buscador"))
    return problems
