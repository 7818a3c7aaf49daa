"""A page's front matter: the ``---`` block of YAML at its top, with the line of each field.

The block is found exactly as MkDocs finds it (``---`` on the first line, ``---`` or
``...`` closing it, each followed by a line end), so the body that MkDocs renders
starts where :attr:`FrontMatter.body_line` says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .problems import Problem
from .reading import LineMap, load_yaml, repeated_key_problems

_BLOCK = re.compile(r"\A-{3}[ \t]*\n(?P<yaml>.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


@dataclass
class FrontMatter:
    """The fields of a page's front matter and the file line where each one starts."""

    data: dict[str, Any] = field(default_factory=dict)
    lines: LineMap = field(default_factory=LineMap)
    present: bool = False  # the page starts with a front matter block
    body_line: int = 1  # the file line where the body MkDocs renders starts

    def line_of(self, key: str) -> int:
        return self.lines.line_of((key,)) if (key,) in self.lines.lines else 1

    def text(self, key: str) -> str | None:
        """A field that must be text, stripped; ``None`` when missing or not text."""
        value = self.data.get(key)
        return value.strip() if isinstance(value, str) else None


def read_front_matter(text: str, file: str) -> tuple[FrontMatter, str, list[Problem]]:
    """``(front matter, body, problems)``: the body is the Markdown after the block, as MkDocs renders it."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip(" \t") != "---":
        return FrontMatter(), text, []
    match = _BLOCK.match(text)
    if match is None:
        return FrontMatter(), text, [Problem(
            file, 1, "el bloque de datos del principio (front matter) no se cierra",
            "añade una línea con solo --- al final de los datos, antes del texto de la página")]
    data, line_map, problems = load_yaml(match.group("yaml"), file, first_line=2)
    rest = text[match.end():]
    skipped = len(rest) - len(rest.lstrip("\n"))
    body_line = match.group(0).count("\n") + 1 + skipped
    if problems:
        return FrontMatter(present=True, body_line=body_line), rest.lstrip("\n"), problems
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return FrontMatter(present=True, body_line=body_line), rest.lstrip("\n"), [Problem(
            file, 2, "los datos del principio deben ser una lista de campos «nombre: valor»",
            "escribe un campo por línea, por ejemplo  title: Mi página")]
    problems = repeated_key_problems(line_map, file)
    return FrontMatter(data, line_map, True, body_line), rest.lstrip("\n"), problems
