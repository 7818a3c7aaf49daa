"""What every ``!!! kind "Title"`` block of ours shares: how its first line must look, and its body.

Checklists, trainer notes and practice tools are written as admonition-style blocks.
:func:`header_problems` checks the first line the same way for each of them, and
:func:`body_lines` gives the indented body, so each block module only checks what
is inside.
"""

from __future__ import annotations

from dataclasses import dataclass

from .markdown import Block
from .problems import Problem

BODY_INDENT = 4  # the body sits 4 spaces to the right of "!!!"


@dataclass(frozen=True)
class Kind:
    """How editors call a kind of block in messages."""

    kind: str  # "checklist"
    name: str  # "la lista de comprobación"
    example: str  # '!!! checklist "Antes de enviar tu primer SMS"'
    folds: str  # why it cannot be "???": "las listas de comprobación no se pliegan"
    title_fix: str  # what the title should say


def header_problems(block: Block, kind: Kind, file: str, *, top_level: bool = False) -> list[Problem]:
    """The block starts with ``!!!``, has a title in double quotes, and (if asked) is not nested."""
    problems = []
    if block.marker != "!!!":
        problems.append(Problem(file, block.line, f"{kind.name} empieza por «{block.marker}» y debe empezar por «!!!»",
                                f"escríbela así: {kind.example}  ({kind.folds})"))
    if top_level and block.indent:
        problems.append(Problem(file, block.line, f"{kind.name} tiene espacios delante de «!!!»",
                                f"escribe «!!! {kind.kind}» al principio de la línea: no puede ir dentro de una "
                                "lista ni de otro bloque"))
    title = block.title
    if not block.rest.strip() or title == "":
        problems.append(Problem(file, block.line, f"{kind.name} no tiene título",
                                f"escribe entre comillas {kind.title_fix}, así: {kind.example}"))
    elif title is None:
        problems.append(Problem(file, block.line, f"el título de {kind.name} («{block.rest.strip()}») no está "
                                                  "entre comillas dobles",
                                f"escríbelo entre comillas y sin nada más detrás de {kind.kind}, así: {kind.example}"))
    return problems


def body_lines(block: Block, lines: list[str]) -> list[tuple[int, str]]:
    """``(line, text)`` of the block's body, without its indentation; blank lines kept as ``""``."""
    indent = block.indent + BODY_INDENT
    body = []
    for number in range(block.line + 1, block.end + 1):
        line = lines[number - 1].expandtabs(BODY_INDENT)
        body.append((number, line[indent:] if line[:indent].strip() == "" else line.lstrip()))
    return body
