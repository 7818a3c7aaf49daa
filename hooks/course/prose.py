"""The words a reader reads on a page, from the scanner: for word counts, readability and spelling."""

from __future__ import annotations

from collections.abc import Iterator

from .markdown import Prose
from .model import Page

TRAINER = "admonition:trainer"
PRACTICE = "admonition:practice"  # a practice block becomes a tool: its body is the tool's starting text


def reader_prose(page: Page, *, trainer_notes: bool = False) -> Iterator[Prose]:
    """Every paragraph, heading, item and cell a reader reads (trainer notes only if asked; never the
    header and starting text of a practice block, which the page shows as a tool)."""
    for prose in sorted(page.scan.prose, key=lambda p: p.line):
        if TRAINER in prose.inside and not trainer_notes or PRACTICE in prose.inside:
            continue
        yield prose


def reader_text(page: Page, *, trainer_notes: bool = False) -> str:
    """The page as plain text, one block per line (trainer notes excluded unless asked)."""
    return "\n".join(prose.text for prose in reader_prose(page, trainer_notes=trainer_notes))
