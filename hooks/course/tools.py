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
import re
from collections.abc import Iterable, Mapping
from os import PathLike
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker, ValidationError

from .layout import MODULES_FOLDER
from .problems import Problem, raise_if_any

TOOLS_FILE = "data/tools.yml"
SCHEMA_FILE = "data/tools.schema.json"
REPO = Path(__file__).resolve().parents[2]
DIRECTORY_MARKER = "<!-- tool-directory -->"
ANCHOR_PREFIX = "tool-"

Where = tuple[Any, ...]  # a place in the data: (3, "price_note", "es")

_BILINGUAL = ("price_note", "data", "good_for")
_BOOLEANS = ("free_plan", "spanish_ui")
_URLS = ("url", "pricing_url")
_LANGUAGES = {"es": "en español", "en": "en inglés"}
_LANGUAGE_NAMES = {"es": "español", "en": "inglés"}
_SHOWN_MAX = 60
# A line holding only a comment that looks like one of our markers: <!-- tool-directory -->,
# <!-- tools -->, <!-- herramientas-lista -->… (ordinary comments with sentences are left alone).
_MARKER_LIKE = re.compile(r"^[ \t]*(<!--\s*(?:tools?|herramientas?)(?:[-_:][\w-]*)?\s*-->)[ \t]*$",
                          re.IGNORECASE | re.MULTILINE)


# ── Reading ────────────────────────────────────────────────────────────────


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when present: much faster
    """YAML as data, except that dates stay text: the schema checks their format."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _collect_lines(node: yaml.Node, path: Where, lines: dict[Where, int], problems: list[Problem],
                   data: Any, file: str) -> None:
    """Record the 1-based line of every node; a mapping key's line stands for its field."""
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            key_line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(Problem(
                    file, key_line,
                    f"{_entry(data, path)} tiene el campo '{_field(path + (key,))}' dos veces "
                    f"(la otra está en la línea {seen[key]})",
                    "borra una de las dos líneas y deja la buena"))
                continue
            seen[key] = key_line
            lines[path + (key,)] = key_line
            _collect_lines(value_node, path + (key,), lines, problems, data, file)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, path + (index,), lines, problems, data, file)


def parse_tools(text: str, file: str = TOOLS_FILE) -> tuple[Any, dict[Where, int], list[Problem]]:
    """The file's data, the line of each entry and field, and any YAML mistakes."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        return None, {}, [Problem(file, mark.line + 1 if mark else 1,
                                  f"el archivo deja de entenderse en esta línea o en la anterior "
                                  f"(detalle técnico: {problem})",
                                  "revisa los dos puntos, las comillas y la sangría de esa línea y de la anterior")]
    finally:
        loader.dispose()
    lines: dict[Where, int] = {}
    problems: list[Problem] = []
    if node is not None:
        _collect_lines(node, (), lines, problems, data, file)
    return data, lines, problems


def line_of(lines: Mapping[Where, int], path: Iterable[Any]) -> int:
    """The line of a place in the data, or of the nearest enclosing one."""
    path = tuple(path)
    while path and path not in lines:
        path = path[:-1]
    return lines.get(path, 1)


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


def _schema_problem(error: ValidationError, data: Any, lines: Mapping[Where, int],
                    schema: Mapping[str, Any], file: str) -> list[Problem]:
    """One schema error in plain Spanish (a ``required`` error may list several fields)."""
    path: Where = tuple(error.absolute_path)
    entry, field, value, kind = _entry(data, path), _field(path), error.instance, error.validator
    line = line_of(lines, path)
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
            return [Problem(file, line_of(lines, path + (name,)),
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
            return [Problem(file, line_of(lines, path + (name,)),
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


def schema_problems(data: Any, lines: Mapping[Where, int], schema: Mapping[str, Any],
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


def duplicate_problems(data: Any, lines: Mapping[Where, int], file: str = TOOLS_FILE) -> list[Problem]:
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
                    file, line_of(lines, (index, "id")),
                    f"{_entry(data, (index,))} usa el id «{tool_id}», que ya tiene {_entry(data, (other,))} "
                    f"(línea {line_of(lines, (other, 'id'))})",
                    "cambia uno de los dos: cada herramienta necesita un id distinto"))
            else:
                first_id[tool_id] = index
        if isinstance(name, str) and name.strip():
            key = " ".join(name.split()).casefold()
            if key in first_name:
                problems.append(Problem(
                    file, line_of(lines, (index, "name")),
                    f"hay dos herramientas llamadas «{name.strip()}» (la otra está en la línea "
                    f"{line_of(lines, (first_name[key], 'name'))})",
                    "borra la repetida, o junta sus datos en una sola herramienta"))
            else:
                first_name[key] = index
    return problems


def module_problems(data: Any, lines: Mapping[Where, int], module_ids: Iterable[str],
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
                    file, line_of(lines, (index, "modules", position)),
                    f"{_entry(data, (index,))} tiene en 'modules' el módulo «{module}», que no existe",
                    f"usa el nombre de un archivo de docs/modulos/ sin «.es.md»: {_list(known)}"))
    return problems


def future_date_problems(data: Any, lines: Mapping[Where, int], today: dt.date,
                         file: str = TOOLS_FILE) -> list[Problem]:
    """A verification date after today is a typo, and would hide the tool from the review list."""
    problems: list[Problem] = []
    for index, entry in _entries(data):
        date = _as_date(entry.get("last_verified")) if isinstance(entry, dict) else None
        if date is not None and date > today:
            problems.append(Problem(
                file, line_of(lines, (index, "last_verified")),
                f"{_entry(data, (index,))} tiene en 'last_verified' una fecha futura ({date.isoformat()})",
                "pon la fecha del día en que comprobaste los datos en la web de la herramienta"))
    return problems


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def check_tools(text: str, schema: Mapping[str, Any], module_ids: Iterable[str], *,
                today: dt.date | None = None, file: str = TOOLS_FILE) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Read and check the whole file: ``(tools, problems)``; tools is empty when there are problems.

    Each tool is the entry's dict with ``last_verified`` as a :class:`datetime.date`.
    """
    data, lines, problems = parse_tools(text, file)
    if problems and not lines:  # not YAML at all: nothing more to check
        return [], problems
    problems += schema_problems(data, lines, schema, file)
    problems += duplicate_problems(data, lines, file)
    problems += module_problems(data, lines, module_ids, file)
    if today is not None:
        problems += future_date_problems(data, lines, today, file)
    problems.sort(key=lambda problem: problem.line or 0)
    if problems:
        return [], problems
    return [{**entry, "last_verified": _as_date(entry["last_verified"])} for entry in data], []


def read_schema() -> dict[str, Any]:
    """``data/tools.schema.json`` of this repository (the schema is code: fixture sites share it)."""
    return json.loads((REPO / SCHEMA_FILE).read_text(encoding="utf-8"))


def module_ids(docs_dir: str | PathLike, default_locale: str) -> list[str]:
    """The module ids: file names of ``docs/modulos/*.<default>.md`` without the suffix."""
    suffix = f".{default_locale}.md"
    return sorted(path.name.removesuffix(suffix) for path in (Path(docs_dir) / MODULES_FOLDER).glob(f"*{suffix}"))


def read_tools_file(root: str | PathLike, *, default_locale: str = "es", today: dt.date | None = None,
                    ) -> list[dict[str, Any]]:
    """The checked tools of a site folder (its ``data/tools.yml`` and ``docs/modulos/``), for scripts and reports.

    Raises :class:`~course.problems.ContentError` like the build does.
    """
    root = Path(root)
    return load_tools((root / TOOLS_FILE).read_text(encoding="utf-8"), read_schema(),
                      module_ids(root / "docs", default_locale), today=today)


def load_tools(text: str, schema: Mapping[str, Any], module_ids: Iterable[str], *,
               today: dt.date | None = None, file: str = TOOLS_FILE) -> list[dict[str, Any]]:
    """The checked tools; raises :class:`~course.problems.ContentError` listing every problem."""
    tools, problems = check_tools(text, schema, module_ids, today=today, file=file)
    raise_if_any(problems)
    return tools


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


# ── The marker on pages ────────────────────────────────────────────────────


_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")


def _fenced_lines(text: str) -> set[int]:
    """1-based numbers of the lines inside fenced code blocks (examples, not markers)."""
    inside, fence, lines = False, "", set()
    for number, line in enumerate(text.splitlines(), start=1):
        match = _FENCE.match(line)
        if match and (not inside or match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence)):
            inside, fence = not inside, match.group(1)
            lines.add(number)
        elif inside:
            lines.add(number)
    return lines


def _markers(text: str) -> list[tuple[int, str, re.Match[str]]]:
    """Every marker-like comment outside fenced code: (line, comment, match)."""
    fenced = _fenced_lines(text)
    found = []
    for match in _MARKER_LIKE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if line not in fenced:
            found.append((line, match.group(1), match))
    return found


def replace_marker(markdown: str, html: str) -> str:
    """Put ``html`` where the directory marker stands on a line of its own, outside fenced code."""
    for _, comment, match in reversed(_markers(markdown)):
        if comment == DIRECTORY_MARKER:
            markdown = markdown[:match.start()] + html + markdown[match.end():]
    return markdown


def marker_problems(source: str, file: str, *, is_directory: bool) -> list[Problem]:
    """The directory marker must be on the directory page, once, and nowhere else.

    ``source`` is the whole Markdown file, front matter included, so lines match the file.
    """
    problems: list[Problem] = []
    found = []
    for line, comment, _ in _markers(source):
        if comment != DIRECTORY_MARKER:
            problems.append(Problem(file, line, f"el marcador «{comment}» no existe",
                                    f"escribe exactamente {DIRECTORY_MARKER} (en la página del directorio) "
                                    "o borra la línea"))
        elif not is_directory:
            problems.append(Problem(file, line, f"el marcador {DIRECTORY_MARKER} solo puede ir en la página "
                                    "del directorio de herramientas (docs/herramientas.es.md y .en.md)",
                                    "borra la línea; para enlazar al directorio, usa un enlace normal"))
        else:
            found.append(line)
    if is_directory and not found:
        problems.append(Problem(file, None, f"falta el marcador {DIRECTORY_MARKER}, que marca dónde va la lista "
                                "de herramientas", f"añade una línea con {DIRECTORY_MARKER} donde quieras la lista"))
    for line in found[1:]:
        problems.append(Problem(file, line, f"el marcador {DIRECTORY_MARKER} aparece más de una vez "
                                f"(la primera en la línea {found[0]})", "deja solo uno"))
    return problems
