"""Problems an editor must fix, reported with file, line, what is wrong and how to fix it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mkdocs.exceptions import PluginError

HOW = "Cómo arreglarlo / How to fix it"


@dataclass(frozen=True)
class Problem:
    """One mistake in the content, in plain words."""

    file: str
    line: int | None
    problem: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.problem}. {HOW}: {self.fix}"


def in_order(problems: Iterable[Problem]) -> list[Problem]:
    """Each problem once, by file and line."""
    return sorted(dict.fromkeys(problems), key=lambda problem: (problem.file, problem.line or 0))


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
        raise ContentError(in_order(problems))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem, kind: str = "error") -> str:
    """A GitHub workflow command that shows the problem on its file and line in a pull request."""
    where = f"file={_escape_property(problem.file)}"
    if problem.line:
        where += f",line={problem.line}"
    return f"::{kind} {where}::{_escape_data(f'{problem.problem}. {HOW}: {problem.fix}')}"
