"""Practice tools placed by editors: ``!!! practice "sms"`` blocks.

How an editor places one, in a module::

    !!! practice "sms"
        Calzados Xana: botas de agua al 20 % hasta el 30/11. Enseña este SMS en caja.

The title is the kind of tool (:data:`KINDS`); the body, if any, is the text the
tool starts from (the SMS composer's template). Each kind may appear once per page.
The tool itself is a template under ``overrides/partials/digicom/practice-<kind>.html``
with its script; without JavaScript the block says in one line what it would do.
"""

from __future__ import annotations

from dataclasses import dataclass

from .blocks import Kind, body_lines, header_problems
from .markdown import Block
from .problems import Problem

KIND = Kind("practice", "el bloque de práctica", '!!! practice "sms"', "los bloques de práctica no se pliegan",
            "qué herramienta quieres")
# Each kind, and how editors call it in messages.
KINDS = {
    "sms": "el contador de SMS",
    "email-subject": "la vista previa del asunto de un email",
    "crisis-triage": "el diagnóstico de una crisis",
}


@dataclass(frozen=True)
class Practice:
    """One practice block."""

    kind: str  # "sms"
    start: str  # the text the tool starts from ("" when the block has no body)
    line: int
    end: int


def parse_practice(block: Block, lines: list[str], file: str) -> tuple[Practice, list[Problem]]:
    """One practice block and what is wrong with it."""
    problems = header_problems(block, KIND, file, top_level=True)
    kind = (block.title or "").strip()
    if block.title and kind not in KINDS:
        known = ", ".join(f"«{name}» ({what})" for name, what in KINDS.items())
        problems.append(Problem(file, block.line, f"no existe el bloque de práctica «{kind}»",
                                f"usa uno de estos: {known}"))
    start = "\n".join(text for _, text in body_lines(block, lines)).strip("\n")
    return Practice(kind, start, block.line, block.end), problems
