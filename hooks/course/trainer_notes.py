"""Trainer notes: find and check ``!!! trainer`` blocks, and gather them for the notes page.

How an editor writes one, in a page's Markdown, at the start of the line::

    !!! trainer "Para quien imparte: 5 minutos"
        Pregunta a la sala quién envía hoy SMS a sus clientes y para qué.

The title says who it is for and how long the activity takes; the body, indented by
4 spaces, is ordinary Markdown. Readers never see a note: the site keeps it in the
page, hidden and out of search, for the presentation view and the "Notas para
formadores" page (marker ``<!-- trainer-notes -->``), which lists every module's notes
in menu order.

Both versions of a page must have the same number of notes (``check_translation``).

Lines are counted from 1, as an editor sees them; blocks inside fenced code
(```` ``` ```` or ``~~~``) are examples and are left alone.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass

from .language import page_id, page_key
from .markers import Marker, code_lines
from .problems import Problem

NOTES_PAGE = "notas-formacion"  # page_key of docs/notas-formacion.es.md and .en.md
NOTES_MARKER = Marker("<!-- trainer-notes -->", NOTES_PAGE, "Notas para formadores",
                      re.compile(r"^<!--\s*trainers?[\s_-]*notes?\s*-->$", re.IGNORECASE))
BODY_INDENT = 4  # the body sits 4 spaces to the right of "!!! trainer"

_EXAMPLE = '!!! trainer "Para quien imparte: 5 minutos"'
_HEADER = re.compile(r"^(?P<indent> *)(?P<marker>!!!|\?\?\?\+?) *trainer(?![\w-])(?P<rest>.*)$")
_TITLE = re.compile(r'^ +"(?P<title>.*)" *$')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_INLINE_LINK = re.compile(r"(?P<lead>\]\()(?P<target><[^>\n]*>|[^)\s]+)")
_REFERENCE_LINK = re.compile(r"^(?P<lead> {0,3}\[[^\]\n]+\]:[ \t]*)(?P<target><[^>\n]*>|\S+)", re.MULTILINE)


@dataclass(frozen=True)
class TrainerNote:
    """One ``!!! trainer`` block and where it is in the Markdown."""

    title: str
    body: str  # the body's Markdown, without its 4-space indent
    line: int  # the line of "!!! trainer", from 1
    first: int  # index of that line in the text's lines
    last: int  # index of the block's last non-blank line


@dataclass(frozen=True)
class NotesPage:
    """The trainer notes found in one Markdown file."""

    file: str  # "docs/modulos/sms.es.md", as error messages show it
    notes: tuple[TrainerNote, ...]


@dataclass(frozen=True)
class ModuleNotes:
    """A module's notes as the notes page shows them."""

    id: str  # "sms": the heading's anchor on the notes page
    title: str
    link: str  # Markdown link to the module, relative to the notes page ("modulos/sms.md")
    notes: tuple[TrainerNote, ...]  # bodies with links made relative to the notes page


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _count(number: int) -> str:
    return f"{number} nota" if number == 1 else f"{number} notas"


def parse_notes(text: str, file: str) -> tuple[NotesPage, list[Problem]]:
    """Find and check every trainer note in a page's Markdown."""
    lines = [line.expandtabs(BODY_INDENT) for line in text.splitlines()]
    in_code = code_lines(lines)
    notes: list[TrainerNote] = []
    problems: list[Problem] = []
    index = 0
    while index < len(lines):
        header = None if in_code[index] else _HEADER.match(lines[index])
        if header is None:
            index += 1
            continue
        number = index + 1
        body_indent = len(header.group("indent")) + BODY_INDENT
        last, body = index, index + 1
        while body < len(lines):
            if lines[body].strip():
                if _indent_of(lines[body]) < body_indent:
                    break
                last = body
            body += 1
        body_text = "\n".join(line[body_indent:] for line in lines[index + 1:last + 1])

        rest = header.group("rest")
        title_match = _TITLE.match(rest)
        title = title_match.group("title").strip() if title_match else ""
        if header.group("marker") != "!!!":
            problems.append(Problem(
                file, number, f"la nota para formadores empieza por «{header.group('marker')}» y debe empezar por «!!!»",
                f"escríbela así: {_EXAMPLE}  (las notas no se pliegan)"))
        if header.group("indent"):
            problems.append(Problem(
                file, number, "la nota para formadores tiene espacios delante de «!!!»",
                "escribe «!!! trainer» al principio de la línea: una nota no puede ir dentro de una lista ni de otro bloque"))
        if not rest.strip() or (title_match and not title):
            problems.append(Problem(
                file, number, "la nota para formadores no tiene título",
                f"escribe entre comillas para quién es y cuánto dura la actividad, así: {_EXAMPLE}"))
        elif not title_match:
            problems.append(Problem(
                file, number, f"el título de la nota para formadores («{rest.strip()}») no está entre comillas",
                f"escríbelo entre comillas y sin nada más detrás de trainer, así: {_EXAMPLE}"))
        if last == index:
            name = f"«{title}» " if title else ""
            problems.append(Problem(
                file, number, f"la nota para formadores {name}está vacía",
                "escribe debajo lo que debe hacer quien imparte, con 4 espacios delante de cada línea"))
        notes.append(TrainerNote(title, body_text, number, index, last))
        index = last + 1
    return NotesPage(file, tuple(notes)), problems


def check_translation(first: NotesPage, second: NotesPage) -> list[Problem]:
    """Both languages of a page have as many notes; reported in the second one.

    The line is that of the second version's first extra note, or of its last note
    when it has fewer.
    """
    mine, theirs = len(second.notes), len(first.notes)
    if mine == theirs:
        return []
    if mine > theirs:
        line = second.notes[theirs].line
    else:
        line = second.notes[-1].line if second.notes else 1
    return [Problem(second.file, line,
                    f"esta página tiene {_count(mine)} para formadores y la otra versión, {first.file}, tiene {theirs}",
                    "las dos versiones deben tener las mismas notas, en el mismo orden: "
                    "traduce la que falta o borra la que sobra")]


def replace_notes(markdown: str, render: Callable[[TrainerNote], str]) -> str:
    """Replace each trainer note in the Markdown with what ``render`` makes of it."""
    page, _ = parse_notes(markdown, "")
    lines = markdown.splitlines()
    for note in reversed(page.notes):
        lines[note.first:note.last + 1] = ["", *render(note).splitlines(), ""]
    return "\n".join(lines) + ("\n" if markdown.endswith("\n") else "")


def _relative(docs_path: str, to_src_uri: str) -> str:
    """A path inside docs/ as a link written on the page ``to_src_uri``."""
    return posixpath.relpath(docs_path, posixpath.dirname(to_src_uri) or ".")


def _rebased(target: str, from_src_uri: str, to_src_uri: str) -> str:
    """A link target written on one page, rewritten to work from another page."""
    bracketed = target.startswith("<") and target.endswith(">")
    bare = target[1:-1] if bracketed else target
    if not bare or _SCHEME.match(bare) or bare.startswith("/"):
        return target
    path, hash_, anchor = bare.partition("#")
    if path:
        absolute = posixpath.normpath(posixpath.join(posixpath.dirname(from_src_uri), path))
    else:  # "#anchor": a section of the page the note was written on
        absolute = page_key(from_src_uri) + ".md"
    moved = _relative(absolute, to_src_uri) + hash_ + anchor
    return f"<{moved}>" if bracketed else moved


def rebase_links(markdown: str, from_src_uri: str, to_src_uri: str) -> str:
    """Rewrite the relative links and images of Markdown moved from one page to another."""

    def move(match: re.Match[str]) -> str:
        return match.group("lead") + _rebased(match.group("target"), from_src_uri, to_src_uri)

    return _REFERENCE_LINK.sub(move, _INLINE_LINK.sub(move, markdown))


def gather_notes(modules: list[tuple[str, str, NotesPage]], notes_src_uri: str) -> list[ModuleNotes]:
    """Every module's notes for the notes page, from ``(src_uri, title, notes)`` in menu order."""
    gathered = []
    for src_uri, title, page in modules:
        notes = tuple(TrainerNote(note.title, rebase_links(note.body, src_uri, notes_src_uri),
                                  note.line, note.first, note.last) for note in page.notes)
        link = _relative(page_key(src_uri) + ".md", notes_src_uri)
        gathered.append(ModuleNotes(page_id(src_uri), title, link, notes))
    return gathered
