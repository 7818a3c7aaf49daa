"""How long a module takes in a live session, section by section, from what it holds.

One source for every time the site shows: the rule that checks a module's
``duration`` (``course.rules.timing``), the session plan, and the presenter
window's planned time per section. A section's time is what a trainer spends on
it in class:

- presenting its text (trainer notes excluded) at :data:`PRESENTING_WORDS_PER_MINUTE`,
- the activities of its trainer notes (the minutes in their titles),
- :data:`MINUTES_PER_QUESTION` for each question answered together,
- :data:`MINUTES_PER_CHECKLIST_ITEM` for each item of a checklist read out.

A merchant reading alone needs less: :func:`reading_minutes` (180 words a minute in
Spanish, 200 in English, ``course.readability``).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass, field

from .model import Page
from .prose import TRAINER
from .readability import WORDS_PER_MINUTE

PRESENTING_WORDS_PER_MINUTE = 150  # a trainer speaking to a room, with pauses; a little slower than reading
MINUTES_PER_QUESTION = 1
MINUTES_PER_CHECKLIST_ITEM = 0.25
SLACK_MINUTES = 10  # a module's duration may be this much longer than its parts (questions from the room)


@dataclass
class SectionTime:
    """One ``##`` section (or the module's start, before the first one)."""

    anchor: str | None  # "why"; None for the start
    title: str
    line: int
    words: int = 0
    activities: list[tuple[int, int]] = field(default_factory=list)  # (line, minutes) of its trainer notes
    questions: int = 0
    checklist_items: int = 0

    @property
    def activity_minutes(self) -> int:
        return sum(minutes for _, minutes in self.activities)

    @property
    def presenting_minutes(self) -> float:
        return self.words / PRESENTING_WORDS_PER_MINUTE

    @property
    def minutes(self) -> float:
        return (self.presenting_minutes + self.activity_minutes + self.questions * MINUTES_PER_QUESTION
                + self.checklist_items * MINUTES_PER_CHECKLIST_ITEM)


@dataclass
class ModuleTime:
    sections: list[SectionTime]

    @property
    def minutes(self) -> int:
        """The whole module, rounded up to the minute."""
        return math.ceil(sum(section.minutes for section in self.sections))

    @property
    def words(self) -> int:
        return sum(section.words for section in self.sections)

    @property
    def activity_minutes(self) -> int:
        return sum(section.activity_minutes for section in self.sections)

    @property
    def questions(self) -> int:
        return sum(section.questions for section in self.sections)

    @property
    def activities(self) -> list[tuple[int, int]]:
        return [activity for section in self.sections for activity in section.activities]


def module_time(page: Page) -> ModuleTime:
    """The time each section of a page takes in class (worked out once per page and build)."""
    if "module_time" not in page.derived:
        page.derived["module_time"] = _module_time(page)
    return page.derived["module_time"]


def _module_time(page: Page) -> ModuleTime:
    start = SectionTime(None, page.title, page.front.body_line)
    sections = [start] + [SectionTime(heading.anchor, heading.text, heading.line)
                          for heading in page.scan.headings if heading.level == 2]

    starts = [section.line for section in sections]  # in order: the page's start, then each "##"

    def section_at(line: int) -> SectionTime:
        return sections[max(0, bisect_right(starts, line) - 1)]

    for prose in page.scan.prose:
        if TRAINER not in prose.inside and "quiz" not in prose.inside:
            section_at(prose.line).words += prose.word_count
    for note in page.notes:
        if note.minutes is not None:
            section_at(note.line).activities.append((note.line, note.minutes))
    for quiz in page.quizzes:
        section_at(quiz.line).questions += 1
    for checklist in page.checklists:
        section_at(checklist.line).checklist_items += len(checklist.items)
    return ModuleTime(sections)


def reading_minutes(page: Page) -> int:
    """A merchant reading the module alone (trainer notes are not for them)."""
    total = sum(prose.word_count for prose in page.scan.prose if TRAINER not in prose.inside)
    return max(1, round(total / WORDS_PER_MINUTE.get(page.locale, 180)))
