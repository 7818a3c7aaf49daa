"""Reading what editors write: text files and YAML, with every mistake as a plain-words problem.

Nothing an editor can save makes this module raise. A file that is not UTF-8, a
YAML syntax error or an impossible date each become a :class:`Problem` that names
the file and the line and says how to fix it:

- :func:`read_text` decodes a file as UTF-8. A byte-order mark is dropped and
  Windows line ends (CRLF) become plain ones, as MkDocs itself reads pages, so the
  lines counted here are the lines the editor sees and MkDocs renders.
- :func:`load_yaml` reads YAML (libyaml when present) keeping a :class:`LineMap`:
  the line of every mapping key and list item, so a later check can point at the
  exact field (``tools.3.price_note.es`` → line 41). Dates stay text; the checks
  that need a date parse it with :func:`parse_date` and report the impossible ones.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

Where = tuple[Any, ...]  # a place in YAML data: (3, "price_note", "es")

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HOW_TO_SAVE_UTF8 = ("ábrelo en tu editor y guárdalo con la codificación «UTF-8» (en el Bloc de notas: "
                    "Guardar como → Codificación: UTF-8; en VS Code: clic en la codificación abajo a la derecha "
                    "→ Guardar con codificación → UTF-8)")


def read_text(path: Path, file: str) -> tuple[str | None, list[Problem]]:
    """A text file as the editor sees it, or ``None`` and the reason it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(file, None, f"no se puede leer el archivo ({error.strerror})",
                              "comprueba que existe y que no está abierto en otro programa")]
    return decode(raw, file)


def decode(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """Bytes as text: UTF-8, no byte-order mark, ``\\n`` line ends."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(file, line, "el archivo no está guardado como UTF-8 y no se puede leer "
                                          "(las tildes y la ñ se verían mal)", HOW_TO_SAVE_UTF8)]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


# ── YAML with the line of every field ──────────────────────────────────────


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when present: much faster
    """YAML as plain data; dates stay text so an impossible one is a message, not a crash."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _TaggedLoader(_Loader):
    """Also accepts MkDocs' own tags (``!ENV``, ``!!python/name:``), read as ``None``."""


_TaggedLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TaggedLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass
class LineMap:
    """The 1-based line of every place in a YAML document, and keys written twice."""

    lines: dict[Where, int] = field(default_factory=dict)
    repeated: list[tuple[Where, int, int]] = field(default_factory=list)  # (place, line, first line)
    offset: int = 0  # added to every line: the document starts after this many lines of its file

    def line_of(self, where: Iterable[Any] = ()) -> int:
        """The line of a place, or of the nearest enclosing one that has a line."""
        path = tuple(where)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1) + self.offset


def _record(node: yaml.Node, path: Where, found: LineMap) -> None:
    found.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key, line = key_node.value, key_node.start_mark.line + 1
            if key in seen:
                found.repeated.append((path + (key,), line, seen[key]))
                continue
            seen[key] = line
            found.lines[path + (key,)] = line
            _record(value_node, path + (key,), found)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record(item, path + (index,), found)


def load_yaml(text: str, file: str, *, first_line: int = 1, mkdocs_tags: bool = False,
              ) -> tuple[Any, LineMap, list[Problem]]:
    """YAML data, the line of each place in it, and a plain-words problem for a syntax error.

    ``first_line`` is the file line the text starts on (front matter starts on line 2).
    """
    lines = LineMap(offset=first_line - 1)
    if "\t" in text:
        number = next(n for n, line in enumerate(text.splitlines(), start=first_line) if "\t" in line)
        if text.splitlines()[number - first_line].lstrip(" ").startswith("\t"):
            return None, lines, [Problem(file, number, "esta línea empieza con un tabulador, y YAML solo admite "
                                                       "espacios para sangrar",
                                         "borra el tabulador y sangra la línea con espacios, como las demás")]
    loader = (_TaggedLoader if mkdocs_tags else _Loader)(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        return None, lines, [_yaml_problem(error, text, file, first_line)]
    finally:
        loader.dispose()
    if node is not None:
        _record(node, (), lines)
    return data, lines, []


def _yaml_problem(error: yaml.YAMLError, text: str, file: str, first_line: int) -> Problem:
    """A YAML syntax error in plain words, at the line where the editor must look."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    context = getattr(error, "context_mark", None)
    problem = (getattr(error, "problem", None) or "").strip()
    lines = text.splitlines()
    line = (mark.line if mark else 0)
    # libyaml notices an unclosed quote only where the next key starts, or further down (a quoted text may
    # go on over several lines): point at the quote, wherever it is before the line libyaml stopped at.
    unclosed = _unclosed_quote(lines, max(context.line, line) if context else line)
    if "found unexpected end of stream" in problem or "while scanning a quoted scalar" in str(error):
        if unclosed is not None:
            return Problem(file, unclosed + first_line,
                           "aquí se abren unas comillas que no se cierran",
                           "cierra las comillas al final del texto, en la misma línea (\"…\"), o quítalas")
    if "mapping values are not allowed" in problem:
        # "campo: valor" right after a line that is only text: that line lacks its colon.
        before = lines[line][: mark.column] if mark and line < len(lines) else ""
        previous = next((number for number in range(line - 1, -1, -1)
                         if lines[number].strip() and not lines[number].lstrip().startswith("#")), None)
        if ":" not in before and previous is not None and ":" not in lines[previous]:
            return _missing_colon(file, previous + first_line)
        return Problem(file, line + first_line,
                       "este texto tiene dos puntos (:) en medio, y YAML cree que empieza otro campo",
                       "pon todo el texto que va después del primer «campo: » entre comillas dobles, "
                       "por ejemplo  description: \"Horario: de 9 a 14\"")
    if "found character '\\t'" in str(error) or "found a tab character" in str(error):
        return Problem(file, line + first_line, "esta línea tiene un tabulador, y YAML solo admite espacios",
                       "cambia el tabulador por espacios")
    if unclosed is not None and unclosed <= line:
        return Problem(file, unclosed + first_line, "aquí se abren unas comillas que no se cierran",
                       "cierra las comillas al final del texto, en la misma línea (\"…\"), o quítalas")
    if "did not find expected key" in problem or "expected <block end>" in problem or \
            "did not find expected '-' indicator" in problem:
        return Problem(file, line + first_line,
                       "la sangría de esta línea no encaja con la de las líneas de alrededor",
                       "alinea esta línea con las del mismo nivel, usando solo espacios (dos por nivel)")
    if "could not find expected ':'" in problem:
        # libyaml notices it on the next line; the line without the colon is where the key started.
        return _missing_colon(file, (context.line if context else line) + first_line)
    return Problem(file, line + first_line,
                   f"el archivo deja de entenderse en esta línea o en la anterior (detalle técnico: {problem or error})",
                   "revisa los dos puntos, las comillas y la sangría de esta línea y de la anterior")


def _missing_colon(file: str, line: int) -> Problem:
    return Problem(file, line, "a esta línea le faltan los dos puntos entre el campo y su valor, o tiene un texto suelto",
                   "escríbela como  campo: valor  (con un espacio después de los dos puntos)")


def _unclosed_quote(lines: list[str], upto: int) -> int | None:
    """The first line (0-based, at most ``upto``) with an odd number of unescaped double quotes."""
    for number, line in enumerate(lines[: upto + 1]):
        stripped = re.sub(r'\\"', "", line.split(" #")[0])
        if stripped.count('"') % 2 == 1:
            return number
    return None


def repeated_key_problems(found: LineMap, file: str, name: str = "") -> list[Problem]:
    """A key written twice in the same place: YAML would silently keep the last one."""
    said = (lambda key: f"{name} tiene el campo '{key}' dos veces") if name else \
        (lambda key: f"el campo '{key}' aparece dos veces")
    return [Problem(file, line + found.offset,
                    f"{said(where[-1])} (la otra está en la línea {first + found.offset})",
                    "borra una de las dos líneas y deja la buena")
            for where, line, first in found.repeated]


def parse_date(value: Any) -> dt.date | None:
    """``2026-11-22`` (text or a date) as a date; ``None`` for anything else, impossible dates included."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
