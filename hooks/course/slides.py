"""A module as slides: where the presentation view cuts it, within a budget of words per slide.

The presentation view (``assets/javascripts/presentation.js``) shows a module as
slides: a title slide (the title, time, level and objectives, and the opening text
when it fits), then each ``##`` section. A section that does not fit on one slide is
cut following its content: first at its ``###`` headings, then between paragraphs,
lists, tables and other blocks, and a list that alone is too long, between its
items. The plan made here is what the page carries (``hooks/teaching.py`` puts a
hidden break marker where a slide starts inside a section, and the plan itself in
a JSON element), so the browser cuts exactly where this module says, the trainers'
sheet and ``make content-report`` count the same slides, and a test can check them.

The budget, :data:`WORDS_PER_SLIDE`, is in "slide words": a block's words, where a
short line (a list item, a table row, a line of code, an answer) counts as a whole
line, :data:`LINE_WORDS`, because it takes a line of the screen whatever its length.
A slide within the budget fits a 1366 × 768 screen in the view's type (26 px text,
24 px at the smallest, ``presentation.css``), with room for the feedback a question shows
once answered (``tests/test_presenter_browser.py`` measures every slide). A block that alone is over the budget (a
very long paragraph, table, question or checklist) cannot be cut: it gets a slide of
its own and :func:`too_long` reports it (``make content-report``); up to
:data:`SCREEN_WORDS` it still fits the screen, beyond that it would be cut off, and
editors must shorten it. A question or a checklist is meant to have a slide of its
own: it is reported only when it does not fit the screen. A practice tool does not fit the
room's type size: its slide shows its name, what it asks and a button to the tool on the page.

Trainer notes are never shown on a slide; each one belongs to the slide on which it
is written (after the text it is about), and the presenter window shows it there.
Each section's planned minutes come from ``course.timing`` (``course.teaching.section_minutes``:
whole minutes that add up to the module's duration).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from .markdown import TopBlock
from .model import Page
from .prose import TRAINER
from .readability import words
from .sms import EXAMPLE_INFO
from .teaching import section_minutes
from .timing import module_time

WORDS_PER_SLIDE = 120
LINE_WORDS = 8  # a line of a slide holds about 13 words; a short line still takes it whole
CODE_CHARACTERS_PER_LINE = 60  # monospaced, at the slide's size, with room to spare
SCREEN_WORDS = 200  # what a 1366 × 768 screen holds at most in 26 px type, with the slide's title
STUB_WORDS = 20  # a slide that continues a section with less than this is a stub (avoided when possible)

# How the cut is chosen (lower is better): fewer slides, cuts at "###" headings rather
# than between paragraphs, and slides on both sides of a paragraph cut about as full.
_SLIDE_COST = 100
_MID_CUT_COST = 120  # more than a slide: one more slide is better than cutting inside a subsection
_UNEVEN_COST = 80
_STUB_COST = 400
_LATE_HEADING_COST = 150
_OVER_COST = 300  # a slide over the budget to take in what would be a stub (less than a stub, more than two slides)
# Blocks meant to be shown on a slide of their own: only too long when they do not fit the screen.
_OWN_SLIDE = {"checklist", "quiz", "practice"}


@dataclass(frozen=True)
class Unit:
    """One thing a slide holds: a block of the page, one item of a list too long for a slide, or the title's intro."""

    kind: str  # "intro", "heading", "paragraph", "list", "item", "table", "code", "lines", "admonition",
    #            "checklist", "quiz", "note", "practice", "html", "blockquote", "rule"
    line: int
    end: int
    weight: int
    lead_in: bool = False  # a heading, or a paragraph ending in ":", goes with what follows it
    list_line: int = 0  # for an item or lines: the first line of its list or code block
    item: int = 0  # for an item: its position in the list; for lines: the first one's in the code; from 0
    note: int | None = None  # for a note: its position among the page's notes, from 0


@dataclass(frozen=True)
class Slide:
    """One slide of the plan."""

    number: int  # from 1
    section: int  # position in :attr:`SlidePlan.sections`, from 0
    part: int  # from 1, within its section
    parts: int  # how many slides its section has
    units: tuple[Unit, ...]

    @property
    def weight(self) -> int:
        return sum(unit.weight for unit in self.units)

    @property
    def notes(self) -> tuple[int, ...]:
        return tuple(unit.note for unit in self.units if unit.note is not None)

    @property
    def line(self) -> int:
        return self.units[0].line if self.units else 0


@dataclass(frozen=True)
class Section:
    """The module's start (before its first ``##``) or one ``##`` section."""

    title: str
    anchor: str | None
    line: int
    minutes: int  # planned class time: course.timing's, in whole minutes that add up to the module's duration
    exact_minutes: float  # course.timing's, without the module's margin
    words: int  # its slide words


@dataclass(frozen=True)
class Marker:
    """A hidden element the page gets on the blank line ``line``: a slide starts at the next block
    (``starts``) and/or, when the next block is a list, at these items of it, or when it is a piece
    of code, at these lines of it (positions from 0)."""

    line: int
    starts: bool
    items: tuple[int, ...] = ()
    lines: tuple[int, ...] = ()


@dataclass
class SlidePlan:
    page: Page
    sections: list[Section] = field(default_factory=list)
    slides: list[Slide] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    too_long: list[tuple[Unit, int]] = field(default_factory=list)  # blocks over the budget (weight with their lead-in)

    @property
    def minutes(self) -> int:
        return sum(section.minutes for section in self.sections)

    def slides_of(self, section: int) -> list[Slide]:
        return [slide for slide in self.slides if slide.section == section]

    def as_data(self) -> dict:
        """What the page carries for presentation.js (JSON)."""
        return {
            "module": self.page.id,
            "duration": self.page.front.data.get("duration"),
            "minutes": self.minutes,
            "sections": [{"title": s.title, "anchor": s.anchor, "minutes": s.minutes} for s in self.sections],
            "slides": [{"section": s.section, "part": s.part, "parts": s.parts, "notes": list(s.notes)}
                       for s in self.slides],
        }


def slide_words(text: str) -> int:
    """A line of text as slide words: its words, and a whole line at least."""
    return max(len(words(text)), LINE_WORDS)


def _code_weight(lines: list[str]) -> int:
    """Each line of code as a whole line (or more, where it wraps), and its box's padding."""
    return LINE_WORDS * (1 + sum(max(1, math.ceil(len(line.rstrip()) / CODE_CHARACTERS_PER_LINE)) for line in lines))


def _scaled(weight: float, kind: str) -> int:
    """Blocks with more room around their lines than a paragraph (measured on the real slides)."""
    return math.ceil(weight * _ROOM.get(kind, 1.0))


# How much more of the screen a slide word takes in each kind of block than in a paragraph:
# list items, table cells and checklist rows have padding and gaps around them. Measured on
# every slide of the course at 1366 × 768 (a least-squares fit of each slide's height).
_ROOM = {"list": 1.2, "item": 1.2, "table": 1.45, "checklist": 1.35, "intro": 1.1, "code": 1.0, "lines": 0.9,
         "admonition": 1.2, "quiz": 1.1, "practice": 1.2}


class _Text:
    """The page's prose by line, for weighing blocks."""

    def __init__(self, page: Page) -> None:
        self.page = page
        # By line (the words inside quizzes come last in the scan), for bisect.
        self.prose = sorted((p for p in page.scan.prose if TRAINER not in p.inside), key=lambda p: p.line)
        self.prose_lines = [p.line for p in self.prose]
        self.blocks = page.scan.top

    def between(self, first: int, last: int) -> list:
        return self.prose[bisect_left(self.prose_lines, first):bisect_right(self.prose_lines, last)]

    def weight(self, first: int, last: int, *, per_row: bool = False) -> int:
        found = self.between(first, last)
        if not per_row:
            return sum(max(p.word_count, LINE_WORDS) for p in found) or LINE_WORDS
        rows: dict[int, int] = {}
        for p in found:
            rows[p.line] = rows.get(p.line, 0) + p.word_count
        # Cells wrap in their columns: a row takes a little more room than its words.
        return sum(max(math.ceil(count * 1.3), LINE_WORDS) + 2 for count in rows.values()) or LINE_WORDS


def _units(page: Page, text: _Text) -> list[list[Unit]]:
    """The page's units, by section (the start first, then each "##")."""
    lines = page.lines
    notes = {note.line: index for index, note in enumerate(page.notes)}
    checklists = {checklist.line for checklist in page.checklists}
    practices = {practice.line for practice in page.practices}
    quizzes = sorted((quiz.line, quiz.end, quiz) for quiz in page.quizzes)
    sections: list[list[Unit]] = [[_intro(page)]]
    blocks = text.blocks
    index = 0
    while index < len(blocks):
        block = blocks[index]
        quiz = next((q for first, last, q in quizzes if first <= block.line <= last), None)
        if quiz is not None:  # CommonMark reads a <quiz> as HTML and paragraphs: one unit
            while index + 1 < len(blocks) and blocks[index + 1].line <= quiz.end:
                index += 1
            sections[-1].append(Unit("quiz", quiz.line, quiz.end, _quiz_weight(quiz)))
        elif block.kind == "heading" and block.level <= 2:
            if block.level == 2:
                sections.append([])
        else:
            sections[-1].append(_unit(block, text, lines, notes, checklists, practices))
        index += 1
    return sections


def _intro(page: Page) -> Unit:
    """What the title slide shows under the title: time and level, a lead-in line, the objectives."""
    objectives = page.front.data.get("objectives")
    weight = 2 * LINE_WORDS + sum(slide_words(str(objective)) for objective in objectives or [])
    return Unit("intro", page.front.body_line, page.front.body_line, _scaled(weight, "intro"))


def _unit(block: TopBlock, text: _Text, lines: list[str], notes: dict[int, int], checklists: set[int],
          practices: set[int]) -> Unit:
    first, last = block.line, block.end
    if block.kind == "admonition":
        if block.line in notes:
            return Unit("note", first, last, 0, note=notes[block.line])
        if block.line in checklists:  # its title, items, and the count and reset button under them
            return Unit("checklist", first, last, _scaled(text.weight(first, last) + 2 * LINE_WORDS, "checklist"))
        if block.line in practices:  # a tool: a field to type in and its result
            return Unit("practice", first, last, _scaled(text.weight(first, last) + 6 * LINE_WORDS, "practice"))
        return Unit("admonition", first, last, _scaled(text.weight(first, last), "admonition"))
    if block.kind == "heading":  # larger type, and room above it
        return Unit("heading", first, last, 2 * text.weight(first, last), lead_in=True)
    if block.kind == "paragraph":
        prose = " ".join(p.text for p in text.between(first, last))
        return Unit("paragraph", first, last, text.weight(first, last), lead_in=prose.rstrip().endswith(":"))
    if block.kind == "table":
        return Unit("table", first, last, _scaled(text.weight(first, last, per_row=True), "table"))
    if block.kind == "code":
        # An SMS example shows its count and alphabet under it (practice-sms-example.html): two more lines.
        caption = 2 * LINE_WORDS if block.info == EXAMPLE_INFO else 0
        return Unit("code", first, last, _scaled(_code_weight(_code(lines, first, last)[1]) + caption, "code"))
    if block.kind == "list":
        return Unit("list", first, last, _scaled(text.weight(first, last), "list"))
    return Unit(block.kind, first, last, text.weight(first, last))


def _code(lines: list[str], first: int, last: int) -> tuple[int, list[str]]:
    """The first line of a piece of code and its lines, without its fences (an indented one has none)."""
    if lines[first - 1].lstrip().startswith(("```", "~~~")):
        return first + 1, lines[first:last - 1]
    return first, lines[first - 1:last]


def _quiz_weight(quiz) -> int:
    """Its question, answers and button, and room for the feedback and explanation it shows once answered."""
    question = sum(slide_words(line) for line in quiz.question if line.strip())
    answers = sum(slide_words(answer.text) for answer in quiz.answers)
    explanation = sum(slide_words(line) for line in quiz.explanation if line.strip())
    return _scaled(question + answers + explanation + 2 * LINE_WORDS, "quiz")


def _pieces(unit: Unit, page: Page, text: _Text) -> list[Unit]:
    """A list too long for one slide, item by item; a piece of code, paragraph by paragraph (at its blank lines)."""
    if unit.kind == "code":
        start, content = _code(page.lines, unit.line, unit.end)
        starts = [0] + [index for index in range(1, len(content)) if content[index].strip() and
                        not content[index - 1].strip()]
        ends = starts[1:] + [len(content)]
        return [Unit("lines", start + first, start + last - 1, _scaled(_code_weight(content[first:last]), "lines"),
                     list_line=unit.line, item=first) for first, last in zip(starts, ends)]
    block = next(block for block in text.blocks if block.line == unit.line)
    starts = list(block.items) + [block.end + 1]
    return [Unit("item", first, next_first - 1, _scaled(text.weight(first, next_first - 1), "item"), list_line=unit.line,
                 item=position)
            for position, (first, next_first) in enumerate(zip(starts, starts[1:]))]


def _chunks(units: list[Unit], page: Page) -> list[list[Unit]]:
    """Units that must share a slide: a lead-in and what follows it, a note and what it follows."""
    chunks: list[list[Unit]] = []
    for unit in units:
        glued = chunks and (chunks[-1][-1].lead_in or unit.kind == "note" or not _blank_before(unit, chunks[-1][-1],
                                                                                                page))
        if glued:
            chunks[-1].append(unit)
        else:
            chunks.append([unit])
    return chunks


def _blank_before(unit: Unit, previous: Unit, page: Page) -> bool:
    """Whether a marker can go right before ``unit``: a blank line between it and the block before."""
    if unit.kind in ("item", "lines"):
        return unit.item > 0 or _blank_line(page, unit.list_line - 1, previous)
    return _blank_line(page, unit.line - 1, previous)


def _blank_line(page: Page, line: int, previous: Unit) -> bool:
    return line > previous.end and not page.lines[line - 1].strip() and not page.scan.is_code(line)


def _weight(chunk: list[Unit]) -> int:
    return sum(unit.weight for unit in chunk)


def _split_long_blocks(units: list[Unit], page: Page, text: _Text, budget: int) -> list[Unit]:
    """Cut a list into its items, or code at its blank lines, where with what goes with it it is over the budget."""
    whole: set[int] = set()  # lists of one item, code of one paragraph: nothing to cut at
    while True:
        long = next((chunk for chunk in _chunks(units, page) if _weight(chunk) > budget
                     and any(unit.kind in ("list", "code") and unit.line not in whole for unit in chunk)), None)
        if long is None:
            return units
        target = max((unit for unit in long if unit.kind in ("list", "code") and unit.line not in whole),
                     key=lambda unit: unit.weight)
        pieces = _pieces(target, page, text)
        if len(pieces) < 2:
            whole.add(target.line)
            continue
        at = units.index(target)
        units = units[:at] + pieces + units[at + 1:]


def _mid(chunk: list[Unit]) -> bool:
    """A cut right before this chunk is inside a subsection (not at a "###" heading)."""
    return chunk[0].kind not in ("heading", "intro")


def _absorbs_stub(weights: list[int], budget: int) -> bool:
    """A slide a little over the budget instead of a stub on the next one: still well within the screen."""
    biggest = max(weights)
    rest = sum(weights) - biggest
    return rest < STUB_WORDS and (biggest > budget and sum(weights) <= SCREEN_WORDS or sum(weights) <= budget + STUB_WORDS)


def _cut(chunks: list[list[Unit]], budget: int, first_section: bool) -> list[list[list[Unit]]]:
    """The best way to share the chunks of one section between slides (dynamic programming)."""
    count = len(chunks)
    if count == 0:
        return [[]]
    best: list[tuple[float, list[int]]] = [(0.0, [])] + [(math.inf, [])] * count
    chunk_weights = [_weight(chunk) for chunk in chunks]
    for end in range(1, count + 1):
        for start in range(end - 1, -1, -1):
            weights = chunk_weights[start:end]
            weight = sum(weights)
            if weight > budget and end - start > 1 and not _absorbs_stub(weights, budget):
                if weight > budget + SCREEN_WORDS:
                    break
                continue
            cost = best[start][0] + _SLIDE_COST
            if weight > budget and end - start > 1:
                cost += _OVER_COST
            cut_before = start > 0 and _mid(chunks[start])
            cut_after = end < count and _mid(chunks[end])
            if cut_before:
                cost += _MID_CUT_COST
            if cut_before or cut_after:
                cost += _UNEVEN_COST * ((budget - min(weight, budget)) / budget) ** 2
            if cut_after and any(chunk[0].kind == "heading" for chunk in chunks[start + 1:end]):
                cost += _LATE_HEADING_COST  # a subsection that starts low on a slide and goes on to the next
            if start > 0 and not (first_section and start == 1) and weight < STUB_WORDS:
                cost += _STUB_COST
            if cost < best[end][0]:
                best[end] = (cost, best[start][1] + [start])
    starts = best[count][1] + [count]
    return [chunks[a:b] for a, b in zip(starts, starts[1:])]


def plan_slides(page: Page, budget: int = WORDS_PER_SLIDE) -> SlidePlan:
    """Where a module's slides start, what each holds, and each section's planned minutes."""
    plan = SlidePlan(page)
    text = _Text(page)
    time = module_time(page)
    minutes = section_minutes(page)
    headings = [heading for heading in page.scan.headings if heading.level == 2]
    titles = [(page.title, None, page.front.body_line)] + [(h.text, h.anchor, h.line) for h in headings]
    markers: dict[int, Marker] = {}
    for number, units in enumerate(_units(page, text)):
        units = _split_long_blocks(units, page, text, budget)
        chunks = _chunks(units, page)
        slides = _cut(chunks, budget, number == 0)
        title, anchor, line = titles[number]
        exact = time.sections[number].minutes if number < len(time.sections) else 0.0
        plan.sections.append(Section(_plain(title), anchor, line, minutes[number] if number < len(minutes) else 0,
                                     exact, sum(unit.weight for unit in units)))
        for part, slide_chunks in enumerate(slides, start=1):
            slide_units = tuple(unit for chunk in slide_chunks for unit in chunk)
            plan.slides.append(Slide(len(plan.slides) + 1, number, part, len(slides), slide_units))
            for chunk in slide_chunks:
                biggest = max(chunk, key=lambda unit: unit.weight)
                limit = SCREEN_WORDS if biggest.kind in _OWN_SLIDE else budget
                if _weight(chunk) > limit:
                    plan.too_long.append((biggest, _weight(chunk)))
            if part > 1 and slide_units and slide_units[0].kind != "intro":
                _mark(markers, slide_units[0], page)
    plan.markers = sorted(markers.values(), key=lambda marker: marker.line)
    return plan


def _mark(markers: dict[int, Marker], first: Unit, page: Page) -> None:
    piece = first.kind in ("item", "lines")
    line = (first.list_line if piece else first.line) - 1
    old = markers.get(line, Marker(line, False))
    if piece and first.item > 0:
        items, lines = (old.items + (first.item,), old.lines) if first.kind == "item" else (old.items,
                                                                                          old.lines + (first.item,))
        markers[line] = Marker(line, old.starts, items, lines)
    else:
        markers[line] = Marker(line, True, old.items, old.lines)


_MARKUP = re.compile(r"[*_`]")


def _plain(title: str) -> str:
    return _MARKUP.sub("", title).strip()


@dataclass(frozen=True)
class TooLong:
    """A block longer than a slide, for editors."""

    file: str
    line: int
    kind: str
    weight: int
    section: str

    @property
    def fits_screen(self) -> bool:
        """Alone on its slide, it still fits a 1366 × 768 screen (a long checklist, a question)."""
        return self.weight <= SCREEN_WORDS


def too_long(plan: SlidePlan) -> list[TooLong]:
    """The blocks over the budget: each gets a slide of its own (and over :data:`SCREEN_WORDS`, is cut off)."""
    found = []
    for unit, weight in plan.too_long:
        section = [s for s in plan.sections if s.line <= unit.line][-1]
        found.append(TooLong(plan.page.file, unit.line, unit.kind, weight, section.title))
    return found
