"""Checklists that merchants tick: read and check ``!!! checklist`` blocks.

How an editor writes one, in a page's Markdown::

    !!! checklist "Antes de enviar tu primer SMS"
        - [ ] Tengo el permiso por escrito de cada cliente.
        - [ ] He quitado de la lista a quien pidió la baja.

Each item has an id that a merchant's browser keeps the tick under. It is made
from the item's text in the site's default language (:func:`item_id`), not from
its position, so adding, removing or reordering items, or fixing a typo in
another item, never moves a tick. The other language's item in the same place
gets the same id (the translation rule makes sure both versions have the same
items), so a tick shows on the Spanish page, the English page and "Mi progreso".
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from .blocks import Kind, body_lines, header_problems
from .markdown import Block
from .problems import Problem

KIND = Kind("checklist", "la lista de comprobación", '!!! checklist "Antes de enviar tu primer SMS"',
            "las listas de comprobación no se pliegan", "qué va a comprobar quien la marque")
_HOW_TO_WRITE_ITEMS = "- [ ] Texto del elemento  (una línea por elemento, con 4 espacios delante)"
_ITEM = re.compile(r"^- \[(?P<mark>[ xX])\](?:[ ]+(?P<text>.*))?$")


@dataclass
class Item:
    """One thing to tick."""

    text: str
    line: int
    position: str  # "sms/1/3": where it is (the id merchants' browsers used before December 2026)
    id: str = ""  # "sms/5d1c9a3e": what the tick is kept under, set by the course model

    @property
    def dom_id(self) -> str:
        return dom_id(self.id)


@dataclass
class Checklist:
    """One ``!!! checklist`` block."""

    title: str
    line: int  # the "!!! checklist" line
    end: int  # its last line
    items: list[Item] = field(default_factory=list)
    position: str = ""  # "sms/1"
    indent: int = 0  # spaces before "!!!" (a checklist inside a list)
    valid: bool = True  # False when the block has a problem (its items are not compared with the translation's)

    @property
    def id(self) -> str:
        return self.position

    @property
    def dom_id(self) -> str:
        return dom_id(self.position)


def dom_id(stable_id: str) -> str:
    """An HTML id for a checklist or item id (``sms/5d1c9a3e`` → ``checklist-sms-5d1c9a3e``)."""
    return "checklist-" + re.sub(r"[^A-Za-z0-9_-]", "-", stable_id)


def normalised(text: str) -> str:
    """An item's text as its id sees it: no accents, case, punctuation or extra spaces."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(char for char in folded if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w]+", " ", letters).split())


def item_id(page_id: str, text: str) -> str:
    """The id a tick is kept under: the page, and a digest of the item's (default-language) text."""
    return f"{page_id}/{hashlib.sha256(normalised(text).encode()).hexdigest()[:10]}"


def _lines_text(numbers: list[int]) -> str:
    if not numbers:
        return "ninguna"
    return ("línea " if len(numbers) == 1 else "líneas ") + ", ".join(str(n) for n in numbers)


def parse_checklist(block: Block, lines: list[str], file: str, page_id: str, number: int,
                    seen: dict[str, tuple[int, int, str]] | None = None) -> tuple[Checklist, list[Problem]]:
    """One checklist block: its title and items, and what is wrong with them.

    ``seen`` is shared by the checklists of one page (normalised text → line, checklist
    number, checklist name): an item's id comes from its text, so the same item in two
    checklists of a page would be one checkbox ticked in two places.
    """
    problems = header_problems(block, KIND, file)
    title = block.title or ""
    name = f"«{title}»" if title else f"número {number}"
    checklist = Checklist(title, block.line, block.end, position=f"{page_id}/{number}", indent=block.indent)
    seen = {} if seen is None else seen
    for line, content in body_lines(block, lines):
        if not content.strip():
            continue
        item = _ITEM.match(content)
        if item is None:
            problems.append(Problem(file, line, f"la línea «{content.strip()}» de la lista de comprobación {name} "
                                                "no es un elemento de la lista",
                                    f"escribe cada elemento así: {_HOW_TO_WRITE_ITEMS}"))
            continue
        text = (item.group("text") or "").strip()
        if item.group("mark") != " ":
            problems.append(Problem(file, line, f"el elemento «{text}» de la lista {name} ya está marcado con "
                                                f"[{item.group('mark')}]",
                                    f"déjalo sin marcar, con un espacio entre los corchetes: - [ ] {text}  "
                                    "(la casilla la marca quien hace el curso)"))
        if not text:
            problems.append(Problem(file, line, f"un elemento de la lista {name} está vacío",
                                    "escribe el texto detrás de - [ ] o borra la línea"))
        elif (key := normalised(text)) in seen and seen[key][1] == number:
            problems.append(Problem(file, line, f"el elemento «{text}» está repetido en la lista {name} (ya está en "
                                                f"la línea {seen[key][0]})",
                                    "borra una de las dos líneas o cambia su texto"))
        elif key in seen:
            problems.append(Problem(file, line, f"el elemento «{text}» ya está en la lista {seen[key][2]} de esta "
                                                f"página (línea {seen[key][0]}), y las dos casillas se marcarían a la vez",
                                    "cambia el texto de uno de los dos o borra uno"))
        else:
            seen[key] = (line, number, name)
            checklist.items.append(Item(text, line, f"{checklist.position}/{len(checklist.items) + 1}"))
    if not any(content.strip() for _, content in body_lines(block, lines)):
        problems.append(Problem(file, block.line, f"la lista de comprobación {name} no tiene elementos",
                                f"escribe debajo sus elementos, así: {_HOW_TO_WRITE_ITEMS}"))
    checklist.valid = not problems
    return checklist, problems


def assign_ids(page_id: str, default: list[Checklist], others: list[list[Checklist]]) -> None:
    """Give every item its id: from the default language's text; the same id to the item in the same
    place in each translation."""
    for checklist in default:
        for item in checklist.items:
            item.id = item_id(page_id, item.text)
    for checklists in others:
        for number, checklist in enumerate(checklists):
            for position, item in enumerate(checklist.items):
                source = default[number].items[position] if number < len(default) and \
                    position < len(default[number].items) else item
                item.id = item_id(page_id, source.text)


def translation_problems(first: tuple[str, list[Checklist]], second: tuple[str, list[Checklist]]) -> list[Problem]:
    """Both languages of a page have the same checklists with the same number of items.

    ``first`` and ``second`` are ``(file, checklists)``; the problem is reported where
    the extra checklist or item is, and names both files.
    """
    (one_file, ones), (other_file, others) = first, second
    if len(ones) != len(others):
        (longer_file, longer), (shorter_file, shorter) = sorted((first, second), key=lambda pair: -len(pair[1]))
        extra = longer[len(shorter)]
        return [Problem(longer_file, extra.line,
                        f"{longer_file} tiene {len(longer)} lista(s) de comprobación "
                        f"({_lines_text([c.line for c in longer])}) y {shorter_file} tiene "
                        f"{len(shorter)} ({_lines_text([c.line for c in shorter])})",
                        "las dos versiones de la página deben tener las mismas listas, en el mismo orden: "
                        "traduce la que falta o borra la que sobra")]
    problems = []
    for number, (one, other) in enumerate(zip(ones, others), start=1):
        if len(one.items) == len(other.items) or not (one.valid and other.valid):
            continue  # a checklist with a problem of its own is compared once that problem is fixed
        (longer_file, longer), (shorter_file, shorter) = sorted(
            ((one_file, one), (other_file, other)), key=lambda pair: -len(pair[1].items))
        extra = longer.items[len(shorter.items)]
        problems.append(Problem(
            longer_file, extra.line,
            f"la lista de comprobación {number} tiene {len(longer.items)} elementos en {longer_file} "
            f"(línea {longer.line}) y {len(shorter.items)} en {shorter_file} (línea {shorter.line})",
            "cada elemento debe estar en las dos versiones, en el mismo orden: "
            "traduce el que falta o borra el que sobra"))
    return problems
