"""Read a page's front matter with the line of each field, and check a module's."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem
from .yaml_nodes import load_with_nodes

LEVELS = ("basic", "intermediate", "advanced")
DESCRIPTION_MAX = 160
OBJECTIVES_MIN, OBJECTIVES_MAX = 3, 5
DURATION_MIN, DURATION_MAX = 5, 60


@dataclass
class FrontMatter:
    """The fields of a page's front matter and the file line where each one starts."""

    data: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    end_line: int = 0  # the line of the closing "---"; the body starts after it

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)


def read_front_matter(text: str, file: str) -> tuple[FrontMatter, list[Problem]]:
    """Parse the ``---``-fenced YAML at the top of a Markdown file."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return FrontMatter(), []
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() in ("---", "..."))
    except StopIteration:
        return FrontMatter(), [Problem(file, 1, "el bloque de datos del principio (front matter) no se cierra",
                                       "añade una línea con solo --- al final de los datos")]
    source = "\n".join(lines[1:end])
    try:
        data, node = load_with_nodes(source)
        data = data or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(error, "problem", None) or str(error)
        return FrontMatter(end_line=end + 1), [Problem(
            file, line, f"los datos del principio no son YAML válido ({problem})",
            "revisa los dos puntos, las comillas y la sangría de esa línea")]
    if not isinstance(data, dict):
        return FrontMatter(end_line=end + 1), [Problem(
            file, 2, "los datos del principio deben ser una lista de campos 'nombre: valor'",
            "escribe un campo por línea, por ejemplo  title: Mi página")]
    key_lines = {key.value: key.start_mark.line + 2 for key, _ in node.value} if node else {}
    return FrontMatter(data, key_lines, end + 1), []


def _is_https(url: object) -> bool:
    return isinstance(url, str) and url.startswith("https://") and len(url) > len("https://")


def _missing(front: FrontMatter, file: str, required: tuple[tuple[str, str], ...]) -> list[Problem]:
    problems = []
    for key, fix in required:
        if key not in front.data:
            problems.append(Problem(file, 1, f"falta el campo '{key}' en los datos del principio", fix))
        elif front.data[key] in (None, "", []):
            problems.append(Problem(file, front.line_of(key), f"el campo '{key}' está vacío", fix))
    return problems


def check_page(front: FrontMatter, file: str, today: dt.date) -> list[Problem]:
    """The fields every page has (title, description) and, when present, its review date and sources."""
    data = front.data
    problems = _missing(front, file, (
        ("title", "añade  title: El título de la página"),
        ("description", f"añade  description: una frase de hasta {DESCRIPTION_MAX} caracteres"),
    ))

    def report(key: str, problem: str, fix: str) -> None:
        problems.append(Problem(file, front.line_of(key), problem, fix))

    if data.get("title") not in (None, "") and not isinstance(data["title"], str):
        report("title", "'title' debe ser un texto", "escribe el título entre comillas")
    description = data.get("description")
    if description not in (None, ""):
        if not isinstance(description, str):
            report("description", "'description' debe ser un texto", "escribe la descripción entre comillas")
        elif len(description) > DESCRIPTION_MAX:
            report("description", f"'description' tiene {len(description)} caracteres y el máximo es "
                   f"{DESCRIPTION_MAX}", "acórtala: es el texto que Google muestra bajo el título")
    reviewed = data.get("last_reviewed")
    if reviewed not in (None, ""):
        if not isinstance(reviewed, dt.date):
            report("last_reviewed", f"'last_reviewed' debe ser una fecha AAAA-MM-DD, no '{reviewed}'",
                   "escribe la fecha así: 2026-11-22, sin comillas")
        elif reviewed > today:
            report("last_reviewed", f"'last_reviewed' ({reviewed}) es una fecha futura",
                   "pon la fecha del día en que revisaste la página")
    sources = data.get("sources")
    if sources not in (None, "", []):
        if not isinstance(sources, list):
            report("sources", "'sources' debe ser una lista", "escribe cada fuente en su línea, empezando por '- title:'")
        else:
            for number, source in enumerate(sources, start=1):
                if not isinstance(source, dict) or not isinstance(source.get("title"), str) or not source.get("title"):
                    report("sources", f"la fuente {number} no tiene 'title'", "añade  title: \"Nombre de la fuente\"")
                elif not _is_https(source.get("url")):
                    report("sources", f"la fuente {number} ('{source['title']}') no tiene una 'url' que empiece por https://",
                           "copia la dirección completa de la página, empezando por https://")
    return problems


def check_module(front: FrontMatter, file: str, today: dt.date) -> list[Problem]:
    """Every field a module page needs, with what each must look like."""
    data = front.data
    problems = check_page(front, file, today) + _missing(front, file, (
        ("duration", "añade  duration: 20  (minutos que necesita un comerciante)"),
        ("level", f"añade  level: basic  (uno de: {', '.join(LEVELS)})"),
        ("objectives", f"añade  objectives:  con {OBJECTIVES_MIN} a {OBJECTIVES_MAX} líneas '- Objetivo'"),
        ("last_reviewed", "añade  last_reviewed: AAAA-MM-DD  (la fecha de la última revisión)"),
        ("sources", "añade  sources:  con elementos '- title: …' y 'url: https://…'"),
    ))

    def report(key: str, problem: str, fix: str) -> None:
        problems.append(Problem(file, front.line_of(key), problem, fix))

    duration = data.get("duration")
    if duration not in (None, "") and (not isinstance(duration, int) or isinstance(duration, bool)
                                       or not DURATION_MIN <= duration <= DURATION_MAX):
        report("duration", f"'duration' debe ser un número de minutos entre {DURATION_MIN} y {DURATION_MAX}, "
               f"no '{duration}'", "escribe solo el número, por ejemplo  duration: 20")
    level = data.get("level")
    if level not in (None, "") and level not in LEVELS:
        report("level", f"'level' vale '{level}' y debe ser uno de: {', '.join(LEVELS)}",
               "usa la palabra en inglés, igual en las dos versiones del módulo")
    objectives = data.get("objectives")
    if objectives not in (None, "", []):
        if not isinstance(objectives, list) or not all(isinstance(o, str) and o.strip() for o in objectives):
            report("objectives", "'objectives' debe ser una lista de frases",
                   "escribe cada objetivo en su línea, empezando por '- '")
        elif not OBJECTIVES_MIN <= len(objectives) <= OBJECTIVES_MAX:
            report("objectives", f"hay {len(objectives)} objetivos y deben ser de {OBJECTIVES_MIN} a {OBJECTIVES_MAX}",
                   "junta o separa objetivos hasta tener entre 3 y 5")
    return sorted(problems, key=lambda problem: problem.line or 0)
