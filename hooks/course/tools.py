"""The tool directory's data (``data/tools.yml``): read, check and prepare it.

The file is read with the line of every entry and field (from ``yaml.compose``
nodes), checked against ``data/tools.schema.json`` with jsonschema, and each
schema error becomes a :class:`~course.problems.Problem` in plain Spanish that
names the file, the line, the tool, the field, what is wrong and how to fix it.
Further checks: repeated ids or names, repeated fields, module ids that are not
real modules, and verification dates in the future. Every problem is collected
before anything is raised.

Dates are read as text (``2026-11-22``), checked with the schema's ``date``
format, and turned into :class:`datetime.date` once the file is valid.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker, ValidationError

from .problems import Problem
from .reading import LineMap, Where, load_yaml, parse_date, repeated_key_problems

FILE_NAME = "tools.yml"
TOOLS_FILE = f"data/{FILE_NAME}"
SCHEMA_FILE = "data/tools.schema.json"
REPO = Path(__file__).resolve().parents[2]
ANCHOR_PREFIX = "tool-"

_BILINGUAL = ("price_note", "data", "good_for")
_BOOLEANS = ("free_plan", "spanish_ui")
_URLS = ("url", "pricing_url")
_LANGUAGES = {"es": "en español", "en": "en inglés"}
_LANGUAGE_NAMES = {"es": "español", "en": "inglés"}
_SHOWN_MAX = 60


# ── Reading ────────────────────────────────────────────────────────────────


@dataclass
class ToolData:
    """``data/tools.yml`` as read: the entries, the line of each field, and reading problems."""

    data: Any = None
    lines: LineMap = field(default_factory=LineMap)
    problems: list[Problem] = field(default_factory=list)
    text: str = ""
    schema: dict[str, Any] = field(default_factory=lambda: read_schema())  # read with the data, once per build

    @property
    def entries(self) -> list[dict[str, Any]]:
        """The entries that are at least a mapping (for anchors and known words, even with problems)."""
        return [entry for entry in self.data if isinstance(entry, dict)] if isinstance(self.data, list) else []


def read_tools(text: str | None, problems: list[Problem]) -> ToolData:
    """The file's data, the line of each entry and field, and any YAML mistakes."""
    if text is None:  # a site without tools (rules.data says when a page needs them)
        return ToolData(problems=list(problems))
    data, lines, found = load_yaml(text, TOOLS_FILE)
    tools = ToolData(data, lines, list(problems) + found, text)
    for where, line, first in lines.repeated:
        tools.problems.append(Problem(
            TOOLS_FILE, line, f"{_entry(data, where)} tiene el campo '{_field(where)}' dos veces "
                              f"(la otra está en la línea {first})", "borra una de las dos líneas y deja la buena"))
    return tools


def line_of(lines: LineMap, path: Iterable[Any]) -> int:
    """The line of a place in the data, or of the nearest enclosing one."""
    return lines.line_of(path)


# ── Describing a place in the data ─────────────────────────────────────────


def _entry(data: Any, path: Where) -> str:
    """How an editor recognises a tool: by its name, or by its position."""
    if not path or not isinstance(path[0], int):
        return "el archivo"
    index = path[0]
    entry = data[index] if isinstance(data, list) and index < len(data) else None
    name = entry.get("name") if isinstance(entry, dict) else None
    if isinstance(name, str) and name.strip():
        return f"la herramienta «{name.strip()}»"
    return f"la herramienta n.º {index + 1}"


def _field(path: Where) -> str:
    """The field a path points at, as written in the file (``price_note.es``); list positions left out."""
    return ".".join(str(part) for part in path[1:] if not isinstance(part, int))


def _show(value: Any) -> str:
    """A value as the editor wrote it, shortened if long."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif value is None:
        text = ""
    elif isinstance(value, (list, dict)):
        text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True).strip()
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 1] + "…"


def _list(values: Iterable[str]) -> str:
    return ", ".join(values)


# ── Checking against the schema ────────────────────────────────────────────


def _enum(schema: Mapping[str, Any], name: str) -> list[str]:
    if name == "category":
        return list(schema["$defs"]["category"]["enum"])
    return list(schema["$defs"]["tool"]["properties"][name]["enum"])


def _how_to_add(field: str, schema: Mapping[str, Any]) -> str:
    """The fix for a missing or empty field: the line to write."""
    hints = {
        "id": "añade  id: nombre-de-la-herramienta  (en minúsculas, sin tildes ni espacios, con guiones)",
        "name": "añade  name: y el nombre de la herramienta tal como lo escribe su empresa",
        "url": 'añade  url: "https://…"  con la dirección de la web de la herramienta',
        "pricing_url": 'escribe la dirección de su página de precios, "https://…", o borra la línea',
        "categories": f"añade  categories: [email]  con una o varias de: {_list(_enum(schema, 'category'))}",
        "price_tier": f"añade  price_tier:  con uno de: {_list(_enum(schema, 'price_tier'))}",
        "free_plan": "añade  free_plan: true  si tiene plan gratuito, o  free_plan: false  si no lo tiene",
        "spanish_ui": "añade  spanish_ui: true  si se puede usar en español, o  spanish_ui: false  si no",
        "modules": "añade  modules: [email]  con los módulos del curso donde se usa",
        "last_verified": "añade  last_verified: 2026-11-22  con la fecha en que comprobaste los datos",
    }
    if field in _BILINGUAL:
        return f"añade  {field}:  y debajo, con sangría, una línea  es: …  y otra  en: …"
    return hints.get(field, f"añade el campo  {field}:")


def _schema_problem(error: ValidationError, data: Any, lines: LineMap,
                    schema: Mapping[str, Any], file: str) -> list[Problem]:
    """One schema error in plain Spanish (a ``required`` error may list several fields)."""
    path: Where = tuple(error.absolute_path)
    entry, field, value, kind = _entry(data, path), _field(path), error.instance, error.validator
    line = lines.line_of(path)
    top = field.split(".")[0]
    language = path[-1] if len(path) == 3 and path[1] in _BILINGUAL else None

    def one(problem: str, fix: str, at: int = line) -> list[Problem]:
        return [Problem(file, at, problem, fix)]

    if not path:  # the whole file
        if kind == "type":
            return one("el archivo debe ser una lista de herramientas, cada una empezando por '- id:'",
                       "copia el formato de una herramienta de la lista y cambia sus datos")
        if kind == "minItems":
            return one("la lista de herramientas está vacía", "añade al menos una herramienta")
    if len(path) == 1:  # one entry
        if kind == "type":
            return one(f"{entry} no está escrita como una lista de campos 'nombre: valor'",
                       "escribe cada campo en su línea, con la misma sangría que en las demás herramientas")
        if kind == "required":
            missing = [name for name in error.validator_value if name not in value]
            return [Problem(file, line, f"{entry} no tiene el campo '{name}'", _how_to_add(name, schema))
                    for name in missing]
        if kind == "additionalProperties":
            allowed = list(error.schema["properties"])
            return [Problem(file, lines.line_of(path + (name,)),
                            f"{entry} tiene un campo desconocido, '{name}'",
                            f"corrige el nombre o borra la línea; los campos posibles son: {_list(allowed)}")
                    for name in value if name not in allowed]
    if top in _BILINGUAL and len(path) == 2:  # price_note, data, good_for as a whole
        if kind == "type":
            return one(f"{entry} tiene en '{field}' un texto suelto, y debe llevar un texto en español "
                       "y otro en inglés",
                       f"escribe  {field}:  y debajo, con sangría, una línea  es: …  y otra  en: …")
        if kind == "required":
            return [Problem(file, line, f"{entry} no tiene el texto en {_LANGUAGE_NAMES[name]} ('{name}') de "
                            f"'{field}'", f"añade dentro de '{field}' la línea  {name}: …")
                    for name in error.validator_value if name not in value]
        if kind == "additionalProperties":
            return [Problem(file, lines.line_of(path + (name,)),
                            f"{entry} tiene en '{field}' un idioma desconocido, '{name}'",
                            "deja solo las líneas  es:  y  en:")
                    for name in value if name not in ("es", "en")]
    if language is not None and kind in ("type", "pattern"):
        return one(f"{entry} tiene vacío o mal escrito el texto {_LANGUAGES.get(language, language)} de "
                   f"'{top}'", f"escribe el texto {_LANGUAGES.get(language, language)} después de  {language}:")
    if value is None and kind in ("type", "enum"):
        return one(f"{entry} tiene vacío el campo '{field}'", _how_to_add(field, schema))
    if top in _URLS and kind in ("type", "pattern"):
        if isinstance(value, str) and value.strip().startswith("https://"):
            return one(f"{entry} tiene en '{field}' la dirección «{_show(value)}», que no es una dirección "
                       "web válida", "copia la dirección completa desde la barra del navegador, sin espacios")
        return one(f"{entry} tiene en '{field}' la dirección «{_show(value)}», que no empieza por https://",
                   "escribe la dirección completa empezando por https://")
    if top == "last_verified" and kind in ("type", "format"):
        return one(f"{entry} tiene en 'last_verified' el valor «{_show(value)}», que no es una fecha "
                   "válida AAAA-MM-DD", "escribe la fecha así: 2026-11-22")
    if top in _BOOLEANS and kind == "type":
        return one(f"{entry} tiene en '{field}' el valor «{_show(value)}», que no es true ni false",
                   "escribe true (sí) o false (no), sin comillas")
    if top == "id" and kind in ("type", "pattern"):
        return one(f"{entry} tiene en 'id' el valor «{_show(value)}», que no vale como identificador",
                   "usa solo minúsculas sin tildes, números y guiones, por ejemplo  id: mi-herramienta")
    if top == "name" and kind in ("type", "pattern"):
        return one(f"{entry} tiene vacío o mal escrito el campo 'name'", _how_to_add("name", schema))
    if top == "price_tier" and kind == "enum":
        return one(f"{entry} tiene en 'price_tier' el valor «{_show(value)}», que no es uno de los permitidos",
                   f"usa uno de: {_list(_enum(schema, 'price_tier'))}")
    if top in ("categories", "modules"):
        example = "[email]" if top == "categories" else "[email, sms]"
        if kind == "type" and len(path) == 2:
            return one(f"{entry} tiene en '{top}' el valor «{_show(value)}», que no es una lista",
                       f"escríbelo entre corchetes, por ejemplo  {top}: {example}")
        if kind == "minItems":
            what = "ninguna categoría" if top == "categories" else "ningún módulo"
            return one(f"{entry} no tiene {what} en '{top}'", _how_to_add(top, schema))
        if kind == "uniqueItems":
            return one(f"{entry} repite un valor en '{top}'", "deja cada valor una sola vez")
        if top == "categories" and kind == "enum":
            return one(f"{entry} tiene en 'categories' la categoría «{_show(value)}», que no existe",
                       f"usa una o varias de: {_list(_enum(schema, 'category'))}")
        if kind == "type":
            return one(f"{entry} tiene en '{top}' el valor «{_show(value)}», que no es un nombre de módulo",
                       "escribe el nombre del módulo, por ejemplo  email")
    # Anything the schema may check in the future: still say where.
    return one(f"{entry} tiene un error en '{field or 'el archivo'}' ({error.message})",
               "compara esta parte con la de otra herramienta que esté bien")


def schema_problems(data: Any, lines: LineMap, schema: Mapping[str, Any],
                    file: str = TOOLS_FILE) -> list[Problem]:
    """Every place where the data breaks the schema."""
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    problems: list[Problem] = []
    for error in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        for problem in _schema_problem(error, data, lines, schema, file):
            if problem not in problems:
                problems.append(problem)
    return problems


# ── Checks the schema cannot make ──────────────────────────────────────────


def _entries(data: Any) -> list[tuple[int, dict[str, Any]]]:
    return [(i, e) for i, e in enumerate(data)] if isinstance(data, list) else []


def duplicate_problems(data: Any, lines: LineMap, file: str = TOOLS_FILE) -> list[Problem]:
    """Two tools with the same id, or with the same name (ignoring case and spaces)."""
    problems: list[Problem] = []
    first_id: dict[str, int] = {}
    first_name: dict[str, int] = {}
    for index, entry in _entries(data):
        if not isinstance(entry, dict):
            continue
        tool_id, name = entry.get("id"), entry.get("name")
        if isinstance(tool_id, str) and tool_id:
            if tool_id in first_id:
                other = first_id[tool_id]
                problems.append(Problem(
                    file, lines.line_of((index, "id")),
                    f"{_entry(data, (index,))} usa el id «{tool_id}», que ya tiene {_entry(data, (other,))} "
                    f"(línea {lines.line_of((other, 'id'))})",
                    "cambia uno de los dos: cada herramienta necesita un id distinto"))
            else:
                first_id[tool_id] = index
        if isinstance(name, str) and name.strip():
            key = " ".join(name.split()).casefold()
            if key in first_name:
                problems.append(Problem(
                    file, lines.line_of((index, "name")),
                    f"hay dos herramientas llamadas «{name.strip()}» (la otra está en la línea "
                    f"{lines.line_of((first_name[key], 'name'))})",
                    "borra la repetida, o junta sus datos en una sola herramienta"))
            else:
                first_name[key] = index
    return problems


def module_problems(data: Any, lines: LineMap, module_ids: Iterable[str],
                    file: str = TOOLS_FILE) -> list[Problem]:
    """Module ids in ``modules`` that are not real modules (file names of ``docs/modulos/``)."""
    known = sorted(set(module_ids))
    problems: list[Problem] = []
    for index, entry in _entries(data):
        modules = entry.get("modules") if isinstance(entry, dict) else None
        if not isinstance(modules, list):
            continue
        for position, module in enumerate(modules):
            if isinstance(module, str) and module not in known:
                problems.append(Problem(
                    file, lines.line_of((index, "modules", position)),
                    f"{_entry(data, (index,))} tiene en 'modules' el módulo «{module}», que no existe",
                    f"usa el nombre de un archivo de docs/modulos/ sin «.es.md»: {_list(known)}"))
    return problems


def future_date_problems(data: Any, lines: LineMap, today: dt.date,
                         file: str = TOOLS_FILE) -> list[Problem]:
    """A verification date after today is a typo, and would hide the tool from the review list."""
    problems: list[Problem] = []
    for index, entry in _entries(data):
        date = _as_date(entry.get("last_verified")) if isinstance(entry, dict) else None
        if date is not None and date > today:
            problems.append(Problem(
                file, lines.line_of((index, "last_verified")),
                f"{_entry(data, (index,))} tiene en 'last_verified' una fecha futura ({date.isoformat()})",
                "pon la fecha del día en que comprobaste los datos en la web de la herramienta"))
    return problems


def _as_date(value: Any) -> dt.date | None:
    return parse_date(value)


def tool_problems(tools: ToolData, schema: Mapping[str, Any], module_ids: Iterable[str],
                  today: dt.date | None = None) -> list[Problem]:
    """Every mistake in the tool data: reading, schema, repeated tools, unknown modules, future dates."""
    problems = list(tools.problems)
    if tools.data is None and problems:
        return problems
    file = TOOLS_FILE
    problems += schema_problems(tools.data, tools.lines, schema, file)
    problems += duplicate_problems(tools.data, tools.lines, file)
    problems += module_problems(tools.data, tools.lines, module_ids, file)
    if today is not None:
        problems += future_date_problems(tools.data, tools.lines, today, file)
    return sorted(problems, key=lambda problem: problem.line or 0)


def valid_tools(tools: ToolData) -> list[dict[str, Any]]:
    """The tools, each with ``last_verified`` as a date (for data that passed :func:`tool_problems`)."""
    return [{**entry, "last_verified": _as_date(entry.get("last_verified"))} for entry in tools.entries]


def read_schema() -> dict[str, Any]:
    """``data/tools.schema.json`` of this repository (the schema is code: fixture sites share it)."""
    return json.loads((REPO / SCHEMA_FILE).read_text(encoding="utf-8"))


# ── Using the data ─────────────────────────────────────────────────────────


def _one_year_before(today: dt.date) -> dt.date:
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 1, day=28)


def tools_due_for_review(tools: Iterable[Mapping[str, Any]], today: dt.date) -> list[Mapping[str, Any]]:
    """Tools last verified more than 12 months before ``today``, oldest first.

    ``last_verified`` may be a date or ``AAAA-MM-DD`` text; a tool without a
    readable date is due too, since nobody knows when it was checked.
    """
    cutoff = _one_year_before(today)
    due = []
    for tool in tools:
        date = _as_date(tool.get("last_verified"))
        if date is None or date < cutoff:
            due.append((date or dt.date.min, tool))
    return [tool for _, tool in sorted(due, key=lambda item: item[0])]


def tools_for_module(tools: Iterable[Mapping[str, Any]], module_id: str) -> list[Mapping[str, Any]]:
    """The tools a module mentions, in the data file's order."""
    return [tool for tool in tools if module_id in tool["modules"]]


def filter_options(tools: Iterable[Mapping[str, Any]], schema: Mapping[str, Any]) -> dict[str, list[str]]:
    """Categories and price tiers that at least one tool has, in the schema's order."""
    tools = list(tools)
    used_categories = {category for tool in tools for category in tool["categories"]}
    used_tiers = {tool["price_tier"] for tool in tools}
    return {
        "categories": [c for c in _enum(schema, "category") if c in used_categories],
        "price_tiers": [t for t in _enum(schema, "price_tier") if t in used_tiers],
    }


def tool_view(tool: Mapping[str, Any], locale: str) -> dict[str, Any]:
    """A tool as one language's page shows it: the bilingual texts in ``locale``."""
    return {**tool, **{name: tool[name][locale] for name in _BILINGUAL},
            "pricing_url": tool.get("pricing_url"), "anchor": ANCHOR_PREFIX + tool["id"]}


def label_keys(schema: Mapping[str, Any]) -> list[str]:
    """The keys of ``data/strings.yml`` the cards need for every category and price tier."""
    return ([f"tools_category_{c}" for c in _enum(schema, "category")]
            + [f"tools_tier_{t}" for t in _enum(schema, "price_tier")])
