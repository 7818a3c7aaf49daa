"""The glossary: terms in both languages, read from ``data/glossary.yml`` and checked."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import yaml

from .problems import Problem
from .yaml_nodes import load_with_nodes

LANGUAGE_FIELDS = ("term", "expansion", "definition")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Term:
    """One glossary entry in one language."""

    id: str
    term: str
    expansion: str
    definition: str


def _sort_key(text: str) -> str:
    return unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode().lower()


def load_glossary(text: str, file: str, locales: list[str]) -> tuple[dict[str, list[Term]], list[Problem]]:
    """Parse and check the glossary; return its terms per locale, sorted alphabetically."""
    try:
        entries, root = load_with_nodes(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return {}, [Problem(file, mark.line + 1 if mark else 1, f"el archivo no es YAML válido ({getattr(error, 'problem', error)})",
                            "revisa los dos puntos, las comillas y la sangría de esa línea")]
    if not isinstance(entries, list):
        return {}, [Problem(file, 1, "el glosario debe ser una lista de términos", "empieza cada término con '- id: …'")]
    problems: list[Problem] = []
    terms: dict[str, list[Term]] = {locale: [] for locale in locales}
    seen: dict[str, int] = {}
    for entry, node in zip(entries, root.value):
        line = node.start_mark.line + 1
        entry_id = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(entry_id, str) or not _ID.match(entry_id):
            problems.append(Problem(file, line, f"el término de la línea {line} no tiene un 'id' válido",
                                    "añade  id: rgpd  (minúsculas, números y guiones)"))
            continue
        if entry_id in seen:
            problems.append(Problem(file, line, f"el id '{entry_id}' ya se usa en la línea {seen[entry_id]}",
                                    "cambia uno de los dos o junta los términos"))
            continue
        seen[entry_id] = line
        for locale in locales:
            version = entry.get(locale)
            missing = [f for f in LANGUAGE_FIELDS if not isinstance(version, dict) or not str(version.get(f) or "").strip()]
            if missing:
                problems.append(Problem(file, line, f"al término '{entry_id}' le falta en '{locale}': {', '.join(missing)}",
                                        f"añade  {locale}: {{term: …, expansion: …, definition: …}}"))
                continue
            terms[locale].append(Term(entry_id, str(version["term"]), str(version["expansion"]), str(version["definition"])))
    for locale in locales:
        terms[locale].sort(key=lambda t: _sort_key(t.term))
    return terms, problems


def abbreviation_definitions(terms: list[Term]) -> str:
    """Markdown ``abbr`` definitions, so each term explains itself wherever it appears."""
    return "\n".join(f"*[{t.term}]: {t.expansion}" for t in terms)
