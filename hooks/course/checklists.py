"""Checklists that merchants tick: find, check and place ``!!! checklist`` blocks.

How an editor writes one, in a page's Markdown::

    !!! checklist "Antes de enviar tu primer SMS"
        - [ ] Tengo el permiso por escrito de cada cliente.
        - [ ] He quitado de la lista a quien pidió la baja.

Every item gets an id that is the same in every language of the page,
``<page id>/<checklist number>/<item number>`` (``sms/1/3``), so a tick kept by the
browser shows on the Spanish and on the English page alike. That only works when
both versions of a page have the same checklists with the same number of items,
which ``check_translation`` makes sure of.

The marker ``<!-- checklist-progress -->`` is where the "Mi progreso" page shows
every module's checklist; anywhere else it is a mistake.

Lines are counted from 1, as an editor sees them; blocks inside fenced code
(```` ``` ```` or ``~~~``) are examples and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .markers import code_lines
from .problems import Problem

PROGRESS_MARKER = "<!-- checklist-progress -->"
BODY_INDENT = 4  # items sit 4 spaces to the right of "!!! checklist"

_EXAMPLE_HEADER = '!!! checklist "Antes de enviar tu primer SMS"'
_HOW_TO_WRITE_ITEMS = "- [ ] Texto del elemento  (una línea por elemento, con 4 espacios delante)"

_HEADER = re.compile(r"^(?P<indent> *)(?P<marker>!!!|\?\?\?\+?) *checklist(?![\w-])(?P<rest>.*)$")
_TITLE = re.compile(r'^ +"(?P<title>.*)" *$')
_ITEM = re.compile(r"^- \[(?P<mark>[ xX])\](?:[ ]+(?P<text>.*))?$")
_CHECKLIST_ANCHOR = re.compile(r"^#{1,6} .*\{[^}]*#checklist(?![\w-])[^}]*\} *$")


@dataclass(frozen=True)
class Item:
    """One thing to tick, with its language-independent id."""

    id: str  # "sms/1/3"
    text: str
    line: int

    @property
    def dom_id(self) -> str:
        return dom_id(self.id)


@dataclass(frozen=True)
class Checklist:
    """One ``!!! checklist`` block and where it is in the Markdown."""

    id: str  # "sms/1"
    title: str
    line: int  # the line of "!!! checklist"
    items: tuple[Item, ...]
    first: int  # index of the "!!! checklist" line in the text's lines
    last: int  # index of its last item line
    indent: str  # the spaces before "!!!" (a checklist nested in another block)

    @property
    def dom_id(self) -> str:
        return dom_id(self.id)


@dataclass(frozen=True)
class ChecklistPage:
    """The checklists and progress markers found in one Markdown file."""

    file: str  # "docs/modulos/sms.es.md", as error messages show it
    page_id: str  # "sms"
    checklists: tuple[Checklist, ...]
    marker_lines: tuple[int, ...]

    @property
    def item_count(self) -> int:
        return sum(len(checklist.items) for checklist in self.checklists)


@dataclass(frozen=True)
class ModuleChecklists:
    """A module's checklists as the "Mi progreso" page lists them."""

    title: str
    url: str  # the module page's URL from the site's root
    checklists: tuple[Checklist, ...]


def dom_id(stable_id: str) -> str:
    """An HTML id for a checklist or item id (``sms/1/3`` → ``checklist-sms-1-3``)."""
    return "checklist-" + re.sub(r"[^A-Za-z0-9_-]", "-", stable_id)


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _lines_text(numbers: list[int]) -> str:
    if not numbers:
        return "ninguna"
    return ("línea " if len(numbers) == 1 else "líneas ") + ", ".join(str(n) for n in numbers)


def parse_page(text: str, file: str, page_id: str) -> tuple[ChecklistPage, list[Problem]]:
    """Find and check every checklist and progress marker in a page's Markdown."""
    lines = [line.expandtabs(BODY_INDENT) for line in text.splitlines()]
    in_code = code_lines(lines)
    checklists: list[Checklist] = []
    markers: list[int] = []
    problems: list[Problem] = []
    index = 0
    while index < len(lines):
        line, number = lines[index], index + 1
        if in_code[index]:
            index += 1
            continue
        if PROGRESS_MARKER in line:
            markers.append(number)
        header = _HEADER.match(line)
        if not header:
            index += 1
            continue

        checklist_id = f"{page_id}/{len(checklists) + 1}"
        title_match = _TITLE.match(header.group("rest"))
        title = title_match.group("title").strip() if title_match else ""
        if header.group("marker") != "!!!":
            problems.append(Problem(
                file, number, f"la lista de comprobación empieza por «{header.group('marker')}» y debe empezar por «!!!»",
                f"escríbela así: {_EXAMPLE_HEADER}  (las listas de comprobación no se pliegan)"))
        elif not header.group("rest").strip() or (title_match and not title):
            problems.append(Problem(
                file, number, "la lista de comprobación no tiene título",
                f"escribe el título entre comillas detrás de la palabra checklist, así: {_EXAMPLE_HEADER}"))
        elif not title_match:
            problems.append(Problem(
                file, number, "el título de la lista de comprobación debe ir entre comillas dobles",
                f"escríbelo así: {_EXAMPLE_HEADER}"))
        name = f"«{title}»" if title else f"número {len(checklists) + 1}"

        body_indent = _indent_of(line) + BODY_INDENT
        items: list[Item] = []
        seen: dict[str, int] = {}
        last = index
        body = index + 1
        while body < len(lines):
            body_line = lines[body]
            if not body_line.strip():
                body += 1
                continue
            if _indent_of(body_line) < body_indent:
                break
            last = body
            item_number = body + 1
            content = body_line[body_indent:]
            item = _ITEM.match(content)
            if item is None:
                problems.append(Problem(
                    file, item_number,
                    f"la línea «{content.strip()}» de la lista de comprobación {name} no es un elemento de la lista",
                    f"escribe cada elemento así: {_HOW_TO_WRITE_ITEMS}"))
            elif item.group("mark") != " ":
                text_ = (item.group("text") or "").strip()
                problems.append(Problem(
                    file, item_number, f"el elemento «{text_}» de la lista {name} ya está marcado con [{item.group('mark')}]",
                    f"déjalo sin marcar, con un espacio entre los corchetes: - [ ] {text_}  "
                    "(la casilla la marca quien hace el curso)"))
            elif not (item.group("text") or "").strip():
                problems.append(Problem(
                    file, item_number, f"un elemento de la lista {name} está vacío",
                    "escribe el texto detrás de - [ ] o borra la línea"))
            else:
                item_text = item.group("text").strip()
                key = " ".join(item_text.casefold().split())
                if key in seen:
                    problems.append(Problem(
                        file, item_number,
                        f"el elemento «{item_text}» está repetido en la lista {name} (ya está en la línea {seen[key]})",
                        "borra una de las dos líneas o cambia su texto"))
                else:
                    seen[key] = item_number
                    items.append(Item(f"{checklist_id}/{len(items) + 1}", item_text, item_number))
            body += 1

        if last == index:
            problems.append(Problem(
                file, number, f"la lista de comprobación {name} no tiene elementos",
                f"escribe debajo sus elementos, así: {_HOW_TO_WRITE_ITEMS}"))
        checklists.append(Checklist(checklist_id, title, number, tuple(items), index, last, " " * _indent_of(line)))
        index = last + 1
    return ChecklistPage(file, page_id, tuple(checklists), tuple(markers)), problems


def check_progress_marker(page: ChecklistPage, text: str, *, is_progress_page: bool) -> list[Problem]:
    """The progress marker appears once on the progress page, alone on its line, and nowhere else."""
    if not is_progress_page:
        return [Problem(page.file, line, f"el marcador {PROGRESS_MARKER} solo puede estar en la página «Mi progreso»",
                        "bórralo de esta página: la lista de progreso se muestra en "
                        "docs/mi-progreso.es.md y docs/mi-progreso.en.md")
                for line in page.marker_lines]
    if not page.marker_lines:
        return [Problem(page.file, 1, f"la página «Mi progreso» no tiene el marcador {PROGRESS_MARKER}",
                        f"añade una línea con solo {PROGRESS_MARKER} donde debe aparecer el progreso, "
                        "por ejemplo debajo de la introducción")]
    problems = []
    lines = text.splitlines()
    first = page.marker_lines[0]
    for line in page.marker_lines:
        if lines[line - 1].strip() != PROGRESS_MARKER:
            problems.append(Problem(page.file, line, f"el marcador {PROGRESS_MARKER} comparte la línea con otro texto",
                                    "déjalo solo en su línea, con una línea en blanco antes y después"))
        if line != first:
            problems.append(Problem(page.file, line, f"el marcador {PROGRESS_MARKER} está repetido "
                                    f"(ya está en la línea {first})", "deja solo uno"))
    return problems


def check_checklist_anchor(page: ChecklistPage, text: str) -> list[Problem]:
    """A module's checklist sits under a heading with ``{ #checklist }``: "Mi progreso" links there."""
    if not page.checklists:
        return []
    lines = text.splitlines()
    in_code = code_lines(lines)
    if any(_CHECKLIST_ANCHOR.match(line) for line, code in zip(lines, in_code) if not code):
        return []
    return [Problem(page.file, page.checklists[0].line,
                    "la lista de comprobación del módulo no está bajo un título con el ancla { #checklist }",
                    "pon encima un título así: ## Lista de comprobación { #checklist }  "
                    "(en inglés: ## Checklist { #checklist })")]


def check_translation(first: ChecklistPage, second: ChecklistPage) -> list[Problem]:
    """Both languages of a page have the same number of checklists and of items in each.

    The problem is reported where the extra checklist or item is, and names both files.
    """
    ones, others = first.checklists, second.checklists
    if len(ones) != len(others):
        longer, shorter = (first, second) if len(ones) > len(others) else (second, first)
        extra = longer.checklists[len(shorter.checklists)]
        return [Problem(
            longer.file, extra.line,
            f"{longer.file} tiene {len(longer.checklists)} lista(s) de comprobación "
            f"({_lines_text([c.line for c in longer.checklists])}) y {shorter.file} tiene "
            f"{len(shorter.checklists)} ({_lines_text([c.line for c in shorter.checklists])})",
            "las dos versiones de la página deben tener las mismas listas, en el mismo orden: "
            "traduce la que falta o borra la que sobra")]
    problems = []
    for number, (one, other) in enumerate(zip(ones, others), start=1):
        if len(one.items) == len(other.items):
            continue
        (longer_page, longer), (shorter_page, shorter) = sorted(
            ((first, one), (second, other)), key=lambda pair: len(pair[1].items), reverse=True)
        extra = longer.items[len(shorter.items)]
        problems.append(Problem(
            longer_page.file, extra.line,
            f"la lista de comprobación {number} tiene {len(longer.items)} elementos en {longer_page.file} "
            f"(línea {longer.line}) y {len(shorter.items)} en {shorter_page.file} (línea {shorter.line})",
            "cada elemento debe estar en las dos versiones, en el mismo orden: "
            "traduce el que falta o borra el que sobra"))
    return problems


def check_unique_page_ids(pages: list[ChecklistPage]) -> list[Problem]:
    """Two pages with checklists must not share a page id, or their ticks would mix."""
    problems, owners = [], {}
    for page in pages:
        if not page.checklists:
            continue
        owner = owners.setdefault(page.page_id, page)
        if owner is not page:
            problems.append(Problem(
                page.file, page.checklists[0].line,
                f"esta página y {owner.file} tienen listas de comprobación y el mismo nombre de archivo "
                f"«{page.page_id}», así que sus marcas se mezclarían",
                "cambia el nombre de uno de los dos archivos (en los dos idiomas)"))
    return problems


def replace_checklists(markdown: str, page_id: str, render: Callable[[Checklist], str]) -> str:
    """Put ``render(checklist)`` (HTML) where each checklist block is."""
    page, _ = parse_page(markdown, "", page_id)
    if not page.checklists:
        return markdown
    lines = markdown.splitlines()
    out: list[str] = []
    at = 0
    for checklist in page.checklists:
        out.extend(lines[at:checklist.first])
        html = [checklist.indent + line if line.strip() else "" for line in render(checklist).splitlines()]
        out.extend(["", *html, ""])
        at = checklist.last + 1
    out.extend(lines[at:])
    return "\n".join(out) + ("\n" if markdown.endswith("\n") else "")


def replace_progress_marker(markdown: str, html: str) -> str:
    """Put the progress HTML where the marker line is (never inside fenced code)."""
    lines = markdown.splitlines()
    in_code = code_lines(lines)
    out = []
    for line, code in zip(lines, in_code):
        if not code and line.strip() == PROGRESS_MARKER:
            out.extend(["", *html.splitlines(), ""])
        else:
            out.append(line)
    return "\n".join(out) + ("\n" if markdown.endswith("\n") else "")
