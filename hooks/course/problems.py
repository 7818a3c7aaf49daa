"""Problems an editor must fix, reported with file, line, what is wrong and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class Problem:
    """One mistake in the content, in plain words."""

    file: str
    line: int | None
    problem: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.problem}. Cómo arreglarlo / How to fix it: {self.fix}"


class ContentError(PluginError):
    """Stops the build, listing every problem found, one per line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        listing = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(
            f"El contenido tiene {len(problems)} error(es) / The content has "
            f"{len(problems)} error(s):\n{listing}"
        )


def raise_if_any(problems: list[Problem]) -> None:
    """Stop the build when there is at least one problem."""
    if problems:
        raise ContentError(problems)
