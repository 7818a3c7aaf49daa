"""The glossary: terms in both languages, read from ``data/glossary.yml`` and checked.

Each entry has an ``id`` and, for every language, a ``term``, its ``expansion`` and
a ``definition``. Ids are unique, and so is each language's term: the same term
under two ids would show two tooltips and two glossary entries.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .problems import Problem
from .reading import LineMap, load_yaml, repeated_key_problems

FILE_NAME = "glossary.yml"
FILE = f"data/{FILE_NAME}"
LANGUAGE_FIELDS = ("term", "expansion", "definition")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Term:
    """One glossary entry in one language."""

    id: str
    term: str
    expansion: str
    definition: str
    line: int = 0


@dataclass
class Glossary:
    terms: dict[str, list[Term]] = field(default_factory=dict)  # per locale, sorted alphabetically
    lines: LineMap = field(default_factory=LineMap)
    problems: list[Problem] = field(default_factory=list)
    text: str = ""
    written: set[str] = field(default_factory=set)  # every term the file writes, refused entries' too

    @property
    def words_known(self) -> set[str]:
        """What the spelling check takes as right: the terms, and those of entries refused for another mistake
        (one bad line must not make every use of its term on every page look misspelt)."""
        return self.written | {term.term for terms in self.terms.values() for term in terms}


def sort_key(text: str) -> str:
    return unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode().lower()


def read_glossary(text: str | None, problems: list[Problem], locales: tuple[str, ...]) -> Glossary:
    """Parse and check the glossary; its terms per locale, sorted alphabetically."""
    glossary = Glossary({locale: [] for locale in locales}, problems=list(problems), text=text or "")
    if text is None:  # a site without a glossary (rules.data says when a page needs one)
        return glossary
    entries, lines, found = load_yaml(text, FILE)
    glossary.lines = lines
    glossary.problems += found + repeated_key_problems(lines, FILE)
    if found:
        return glossary
    if not isinstance(entries, list):
        glossary.problems.append(Problem(FILE, 1, "el glosario debe ser una lista de términos",
                                         "empieza cada término con '- id: …'"))
        return glossary
    seen: dict[str, int] = {}
    terms_seen: dict[tuple[str, str], tuple[str, int]] = {}
    for index, entry in enumerate(entries):
        line = lines.line_of((index,))
        if isinstance(entry, dict):
            glossary.written |= {str(version["term"]).strip() for version in entry.values()
                                 if isinstance(version, dict) and str(version.get("term") or "").strip()}
        entry_id = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(entry_id, str) or not _ID.match(entry_id):
            glossary.problems.append(Problem(FILE, line, f"el término de la línea {line} no tiene un 'id' válido",
                                             "añade  id: rgpd  (minúsculas, números y guiones)"))
            continue
        if entry_id in seen:
            glossary.problems.append(Problem(FILE, line, f"el id '{entry_id}' ya se usa en la línea {seen[entry_id]}",
                                             "cambia uno de los dos o junta los términos"))
            continue
        seen[entry_id] = line
        for locale in locales:
            version = entry.get(locale)
            missing = [name for name in LANGUAGE_FIELDS
                       if not isinstance(version, dict) or not str(version.get(name) or "").strip()]
            if missing:
                glossary.problems.append(Problem(
                    FILE, lines.line_of((index, locale)) if isinstance(version, dict) else line,
                    f"al término '{entry_id}' le falta en '{locale}': {', '.join(missing)}",
                    f"añade  {locale}: {{term: …, expansion: …, definition: …}}"))
                continue
            term = Term(entry_id, str(version["term"]).strip(), str(version["expansion"]).strip(),
                        str(version["definition"]).strip(), line)
            key = (locale, term.term.casefold())
            if key in terms_seen:
                other_id, other_line = terms_seen[key]
                glossary.problems.append(Problem(
                    FILE, lines.line_of((index, locale, "term")),
                    f"el término «{term.term}» ({locale}) ya está en el glosario con el id '{other_id}' "
                    f"(línea {other_line})",
                    "deja un solo término con ese nombre: junta las dos explicaciones en una y borra la otra"))
                continue
            terms_seen[key] = (entry_id, line)
            glossary.terms[locale].append(term)
    for terms in glossary.terms.values():
        terms.sort(key=lambda term: sort_key(term.term))
    return glossary


def abbreviation_definitions(terms: list[Term]) -> str:
    """Markdown ``abbr`` definitions, so each term can explain itself where it appears."""
    return "\n".join(f"*[{term.term}]: {term.expansion}" for term in terms)


_SECTION_START = re.compile(r"<h2[\s>]")
_ABBREVIATION = re.compile(r'<abbr title="(?P<title>[^"]*)">(?P<term>[^<]*)</abbr>')


def explained_at_first_use(html: str) -> str:
    """A page's HTML with each term explained at its first use in each section (``<h2>`` to ``<h2>``).

    Markdown marks every use: a module saying "SMS" forty times gets forty dotted underlines
    to read past, and as many tooltips for a phone to set up before it answers a tap. Later
    uses in the same section keep their words, unmarked; a reader who opens the page at a
    section (the menu, a link, "continue") finds each term explained at its first use there.
    """
    if "<abbr" not in html:
        return html
    starts = [0, *(match.start() for match in _SECTION_START.finditer(html)), len(html)]
    sections = []
    for begin, end in zip(starts, starts[1:]):
        explained: set[tuple[str, str]] = set()

        def first_only(match: re.Match) -> str:
            key = (match["term"], match["title"])
            if key in explained:
                return match["term"]
            explained.add(key)
            return match.group(0)

        sections.append(_ABBREVIATION.sub(first_only, html[begin:end]))
    return "".join(sections)
