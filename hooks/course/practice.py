"""Practice tools placed by editors: ``!!! practice "sms"`` blocks.

How an editor places one, in a module::

    !!! practice "sms"
        Calzados Xana: botas de agua al 20 % hasta el 30/11. Enseña este SMS en caja.

The title is the kind of tool (:data:`KINDS`); the body, if any, is the text the
tool starts from: the SMS composer's template, or the email preview's sender, subject
and preview text, one per line::

    !!! practice "email-subject"
        De: Panadería Lucía
        Asunto: Reserva ya tu roscón de Reyes
        Vista previa: Hasta el 4 de enero, en la tienda o en panaderialucia.es.

The crisis triage takes no body (its questions are interface text, ``data/strings.yml``).
Each kind may appear once per page.
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


# The email preview's lines: how editors may start each one (either language), and the field it fills.
EMAIL_FIELDS = {"de": "from", "from": "from", "asunto": "subject", "subject": "subject",
                "vista previa": "preview", "preview": "preview", "preview text": "preview"}


@dataclass(frozen=True)
class Practice:
    """One practice block."""

    kind: str  # "sms"
    start: str  # the text the tool starts from ("" when the block has no body)
    line: int
    end: int
    fields: tuple[tuple[str, str], ...] = ()  # email-subject: ("from", "Panadería Lucía"), ("subject", …)…

    def field(self, name: str) -> str:
        return dict(self.fields).get(name, "")


def parse_practice(block: Block, lines: list[str], file: str) -> tuple[Practice, list[Problem]]:
    """One practice block and what is wrong with it."""
    problems = header_problems(block, KIND, file, top_level=True)
    kind = (block.title or "").strip()
    if block.title and kind not in KINDS:
        known = ", ".join(f"«{name}» ({what})" for name, what in KINDS.items())
        problems.append(Problem(file, block.line, f"no existe el bloque de práctica «{kind}»",
                                f"usa uno de estos: {known}"))
    body = body_lines(block, lines)
    start = "\n".join(text for _, text in body).strip("\n")
    fields: list[tuple[str, str]] = []
    if kind == "email-subject":
        fields, more = _email_fields(body, file)
        problems += more
    elif kind == "crisis-triage" and start.strip():
        line = next(number for number, text in body if text.strip())
        problems.append(Problem(file, line, "el bloque de práctica «crisis-triage» no lleva texto debajo: sus "
                                            "preguntas y resultados están en data/strings.yml (los textos triage_…)",
                                'borra las líneas de debajo de !!! practice "crisis-triage"'))
    return Practice(kind, start, block.line, block.end, tuple(fields)), problems


def _email_fields(body: list[tuple[int, str]], file: str) -> tuple[list[tuple[str, str]], list[Problem]]:
    """``De:``, ``Asunto:`` and ``Vista previa:`` lines (or ``From:``, ``Subject:``, ``Preview:``)."""
    fields: dict[str, tuple[int, str]] = {}
    problems = []
    for number, text in body:
        if not text.strip():
            continue
        label, colon, value = text.partition(":")
        name = EMAIL_FIELDS.get(" ".join(label.lower().split())) if colon else None
        if name is None:
            problems.append(Problem(file, number, f"la línea «{text.strip()}» del bloque de práctica «email-subject» "
                                                  "no empieza por «De:», «Asunto:» ni «Vista previa:»",
                                    "empieza cada línea por una de esas palabras y dos puntos, por ejemplo: "
                                    "Asunto: Reserva ya tu roscón de Reyes"))
        elif name in fields:
            problems.append(Problem(file, number, f"el bloque de práctica «email-subject» ya tiene «{label.strip()}:» "
                                                  f"en la línea {fields[name][0]}",
                                    "deja una sola línea de cada: De:, Asunto: y Vista previa:"))
        else:
            fields[name] = (number, value.strip())
    return [(name, value) for name, (_, value) in fields.items()], problems
