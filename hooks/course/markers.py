"""Markers that generated pages use (``<!-- trainer-notes -->``, ``<!-- session-plan -->``).

A marker is an HTML comment alone on its line, on one named page (both languages of
it), exactly once. This module finds markers outside fenced code, checks where they
are, and replaces them with generated content. A near miss such as
``<!-- trainer notes -->`` is reported as misspelt instead of being left in the page
as an invisible comment.

Lines are counted from 1, as an editor sees them; anything inside fenced code
(```` ``` ```` or ``~~~``) is an example and is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .problems import Problem

_FENCE_OPEN = re.compile(r"^ *(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")


@dataclass(frozen=True)
class Marker:
    """A marker, the page it belongs on, and how to recognise a misspelt copy of it."""

    text: str  # "<!-- trainer-notes -->"
    page_key: str  # "notas-formacion": the page (docs/<key>.es.md and .en.md) it goes on
    page_name: str  # "Notas para formadores": how editors call that page
    near_miss: re.Pattern[str]  # matches a whole line that looks like the marker


def code_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to a fenced code block (fence lines included)."""
    in_code, fence = [], None
    for line in lines:
        if fence is None:
            match = _FENCE_OPEN.match(line)
            if match and not (match.group("fence")[0] == "`" and "`" in match.group("info")):
                fence = match.group("fence")
            in_code.append(fence is not None)
        else:
            in_code.append(True)
            stripped = line.strip()
            if stripped and set(stripped) == {fence[0]} and len(stripped) >= len(fence):
                fence = None
    return in_code


def marker_lines(text: str, marker: Marker) -> tuple[list[int], list[int], list[tuple[int, str]]]:
    """Where the marker is: lines (from 1) where it stands alone, lines it shares with
    other text (inline code aside), and misspelt copies as ``(line, text)``."""
    alone, shared, misspelt = [], [], []
    lines = text.splitlines()
    for number, (line, code) in enumerate(zip(lines, code_lines(lines)), start=1):
        if code:
            continue
        if line.strip() == marker.text:
            alone.append(number)
        elif marker.text in _INLINE_CODE.sub("", line):
            shared.append(number)
        elif marker.near_miss.match(line.strip()):
            misspelt.append((number, line.strip()))
    return alone, shared, misspelt


def check_marker(text: str, file: str, marker: Marker, *, is_its_page: bool) -> list[Problem]:
    """The marker is on its page once, alone on its line, spelt right, and on no other page."""
    alone, shared, misspelt = marker_lines(text, marker)
    problems = [Problem(file, line, f"el marcador «{written}» está mal escrito",
                        f"escribe exactamente {marker.text}, solo en su línea")
                for line, written in misspelt]
    if not is_its_page:
        problems += [Problem(file, line, f"el marcador {marker.text} solo puede estar en la página "
                             f"«{marker.page_name}»",
                             f"bórralo de esta página: va en docs/{marker.page_key}.es.md y "
                             f"docs/{marker.page_key}.en.md")
                     for line in sorted(alone + shared)]
        return sorted(problems, key=lambda problem: problem.line)
    problems += [Problem(file, line, f"el marcador {marker.text} comparte la línea con otro texto",
                         "déjalo solo en su línea, con una línea en blanco antes y después")
                 for line in shared]
    if not alone and not shared and not misspelt:
        problems.append(Problem(file, 1, f"la página «{marker.page_name}» no tiene el marcador {marker.text}",
                                f"añade una línea con solo {marker.text} donde debe aparecer el contenido, "
                                "por ejemplo debajo de la introducción"))
    problems += [Problem(file, line, f"el marcador {marker.text} está repetido (ya está en la línea {alone[0]})",
                         "deja solo uno")
                 for line in alone[1:]]
    return sorted(problems, key=lambda problem: problem.line)


def replace_marker(markdown: str, marker: Marker, content: str) -> str:
    """Put the content where the marker line is (never inside fenced code)."""
    lines = markdown.splitlines()
    out = []
    for line, code in zip(lines, code_lines(lines)):
        if not code and line.strip() == marker.text:
            out.extend(["", *content.splitlines(), ""])
        else:
            out.append(line)
    return "\n".join(out) + ("\n" if markdown.endswith("\n") else "")
