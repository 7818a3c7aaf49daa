"""Session plan: how long the course takes and which modules fit in a live session.

The "Plan de sesión" page (marker ``<!-- session-plan -->``) lists the modules in menu
order with their time, level, objectives and a running total, the course's total
time, and suggested sessions of 2 and 4 hours.

A session keeps a 10-minute break for every full hour, so a 2-hour session leaves
100 minutes for modules. Modules are chosen greedily in menu order: each one that
still fits goes in, one that does not is left for another session, and the next
ones are still tried.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate


SESSION_LENGTHS = (120, 240)  # minutes: the suggested 2-hour and 4-hour sessions
BREAK_MINUTES = 10  # one break for every full hour of a session


@dataclass(frozen=True)
class PlannedModule:
    """A module as the plan shows it."""

    id: str
    title: str
    url: str  # relative to the plan page
    duration: int
    level: str
    objectives: tuple[str, ...]
    running_total: int = 0  # minutes from the start of the course to the end of this module


@dataclass(frozen=True)
class Session:
    """The modules that fit in a session of a given length, and those left over."""

    length: int  # minutes, breaks included
    breaks: int  # how many breaks
    break_minutes: int
    budget: int  # minutes left for modules
    fits: tuple[PlannedModule, ...]
    left: tuple[PlannedModule, ...]

    @property
    def teaching(self) -> int:
        """Minutes of the modules that fit."""
        return sum(module.duration for module in self.fits)

    @property
    def spare(self) -> int:
        """Minutes of the budget no module uses."""
        return self.budget - self.teaching


def with_running_totals(modules: Sequence[PlannedModule]) -> list[PlannedModule]:
    """The modules, each with the total time from the start of the course to its end."""
    totals = accumulate(module.duration for module in modules)
    return [PlannedModule(m.id, m.title, m.url, m.duration, m.level, m.objectives, total)
            for m, total in zip(modules, totals)]


def total_minutes(modules: Sequence[PlannedModule]) -> int:
    return sum(module.duration for module in modules)


def plan_session(modules: Sequence[PlannedModule], length: int, break_minutes: int = BREAK_MINUTES) -> Session:
    """Choose, in menu order, every module that still fits in a session of ``length`` minutes."""
    breaks = length // 60
    budget = length - breaks * break_minutes
    fits, left, used = [], [], 0
    for module in modules:
        if used + module.duration <= budget:
            fits.append(module)
            used += module.duration
        else:
            left.append(module)
    return Session(length, breaks, break_minutes, budget, tuple(fits), tuple(left))


def hours_and_minutes(minutes: int) -> tuple[int, int]:
    return divmod(minutes, 60)
