"""The one page-layout step: where every feature's output goes on a page.

Feature hooks do not edit a page's Markdown themselves. Each one describes what it
adds (:class:`PageParts`): a block of the page to replace (a checklist, a trainer
note, a marker line), or a part for the module's header or footer. The layout hook
then builds the page once (:func:`assemble`): replacements by the model's line
numbers, the header right under the title and the footer at the end, arranged by
the partials ``module-header.html`` and ``module-footer.html``. So the order of
those parts is written once, in the templates, and the order of the hooks in
``mkdocs.yml`` does not matter.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Edit:
    """Replace the file lines ``first``..``last`` (from 1, inclusive) with ``text``."""

    first: int
    last: int
    text: str
    by: str  # which feature, for the error if two overlap


@dataclass
class PageParts:
    """What the features add to one page."""

    edits: list[Edit] = field(default_factory=list)
    header: dict[str, str] = field(default_factory=dict)  # slot → HTML, arranged by module-header.html
    footer: dict[str, str] = field(default_factory=dict)  # slot → Markdown/HTML, arranged by module-footer.html
    appendix: list[str] = field(default_factory=list)  # Markdown after everything (abbreviation definitions)

    def replace(self, first: int, last: int, text: str, by: str) -> None:
        self.edits.append(Edit(first, last, text, by))


class LayoutError(Exception):
    """Two features want the same lines: a programming mistake, never an editor's."""


def assemble(body: str, body_line: int, parts: PageParts, *, title_line: int | None,
             header: str, footer: str) -> str:
    """The page's Markdown with every part in its place.

    ``body`` starts on file line ``body_line``; ``title_line`` is the file line of the
    page's ``#`` title (the header goes right after it, or first when there is none);
    ``header`` and ``footer`` are the rendered header and footer partials ("" for none).
    """
    lines = body.split("\n")
    edits = sorted(parts.edits, key=lambda edit: edit.first)
    for before, after in zip(edits, edits[1:]):
        if after.first <= before.last:
            raise LayoutError(f"{before.by} and {after.by} both replace line {after.first}")
    # (index in `lines`, how many lines to replace, new lines), applied from the bottom up so that
    # every index still refers to the text as the editor wrote it.
    operations = [(edit.first - body_line, edit.last - edit.first + 1, ["", *edit.text.split("\n"), ""])
                  for edit in edits]
    if header:
        at = title_line - body_line + 1 if title_line is not None and title_line >= body_line else 0
        operations.append((at, 0, ["", *header.split("\n"), ""]))
    for start, count, new in sorted(operations, key=lambda operation: operation[0], reverse=True):
        lines[start:start + count] = new
    text = "\n".join(lines).rstrip("\n")
    for addition in ([footer] if footer else []) + parts.appendix:
        text += "\n\n" + addition.strip("\n")
    return text + "\n"
