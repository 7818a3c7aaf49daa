"""Teaching aids: the handout's QR code, and a module's class time in whole minutes.

``qr_svg`` makes, at build time and without any network, an inline SVG QR code for
the page's online address (its canonical URL), printed on the handout so a
participant can open the page on a phone. ``segno`` is pure Python.

``class_time`` and ``section_minutes`` turn ``course.timing``'s exact minutes into the
whole minutes the session plan, the trainers' sheet and the presenter window show,
rounded so that they always add up: a module's parts and margin to its duration, its
sections to its duration, the modules to the course.
"""

from __future__ import annotations

import hashlib
import math
import os
from dataclasses import dataclass
from pathlib import Path

import segno

from .strings import global_script
from .model import Page
from .timing import MINUTES_PER_CHECKLIST_ITEM, MINUTES_PER_QUESTION, module_time


# The presentation view's words in one language: loaded with presentation.js, not carried by every module page.
PRESENT_TEXTS = "assets/javascripts/present-texts.{locale}.js"
# What the page itself needs before the view has loaded: the button's text, and the line saying it cannot load.
PRESENT_IN_PAGE = ("present_button", "present_unavailable")


def present_texts_script(strings: dict[str, str]) -> str:
    """The file of the view's words (``present_next_slide`` becomes ``nextSlide``), as presentation.js reads them."""
    def name(key: str) -> str:
        first, *rest = key.removeprefix("present_").split("_")
        return first + "".join(word.capitalize() for word in rest)

    texts = {name(key): text for key, text in sorted(strings.items())
             if key.startswith("present_") and key not in PRESENT_IN_PAGE}
    return global_script("DigicomPresentTexts", texts)


def cached_qr_svg(url: str, title: str, cache: Path) -> str:
    """``qr_svg``, kept in ``cache`` between builds: choosing the best QR mask is slow in pure Python."""
    key = hashlib.sha256(f"{segno.__version__}\n{url}\n{title}".encode()).hexdigest()
    stored = cache / f"{key}.svg"
    if stored.is_file():
        return stored.read_text(encoding="utf-8")
    svg = qr_svg(url, title)
    cache.mkdir(parents=True, exist_ok=True)
    partial = stored.with_suffix(f".{os.getpid()}.tmp")  # builds in parallel (tests) never read half a file
    partial.write_text(svg, encoding="utf-8")
    partial.replace(stored)
    return svg


def qr_svg(url: str, title: str) -> str:
    """An inline ``<svg>`` QR code (error correction M) for ``url``, named by ``title``.

    It has a viewBox and no fixed size, so CSS sizes it, and a ``<title>``, so it has
    an accessible name. Black on a transparent background, for paper.
    """
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(scale=1, border=2, title=title, svgclass="digicom-handout__qr", lineclass=None,
                           omitsize=True)


# ── Class time, in whole minutes that add up ─────────────────────────────────


def whole_minutes(exact: list[float], total: int, *, at_least: int = 0) -> list[int]:
    """Whole minutes for each part, in proportion to ``exact``, that add up to exactly ``total``.

    Largest remainders first, so no part is more than a minute off its share. With
    ``at_least``, every part that takes any time gets at least that many minutes (when
    the total allows it); parts of 0 minutes stay 0 (unless every part is 0: then the
    first takes it all).
    """
    if total <= 0 or not exact:
        return [0] * len(exact)
    if sum(exact) <= 0:
        return [total] + [0] * (len(exact) - 1)
    floors = [at_least if value > 0 else 0 for value in exact]
    if sum(floors) > total:
        floors = [0] * len(exact)
    rest = total - sum(floors)
    above = [max(value - floor, 0.0) for value, floor in zip(exact, floors)]
    if sum(above) <= 0:
        above = [value for value in exact]
    shares = [value * rest / sum(above) for value in above]
    minutes = [math.floor(share + 1e-9) for share in shares]
    order = sorted(range(len(shares)), key=lambda i: (shares[i] - minutes[i], shares[i]), reverse=True)
    for i in order[:rest - sum(minutes)]:
        minutes[i] += 1
    return [floor + minute for floor, minute in zip(floors, minutes)]


@dataclass(frozen=True)
class ClassTime:
    """A module's time in class, as the session plan shows it: its parts and the margin, adding up to its duration."""

    duration: int  # the module's "duration" (front matter), checked against its parts by rules.timing
    presenting: int  # presenting its text (course.timing: 150 words a minute)
    activities: int  # the trainer notes' activities
    questions: int  # questions answered together, and checklists read out
    margin: int  # what the duration leaves over its parts (questions from the room)

    @property
    def parts(self) -> int:
        return self.presenting + self.activities + self.questions


def class_time(page: Page) -> ClassTime:
    """``page``'s duration split into presenting, activities, questions and margin (``course.timing``)."""
    time = module_time(page)
    duration = page.front.data.get("duration")
    needed = time.minutes
    if not isinstance(duration, int) or isinstance(duration, bool) or duration < needed:
        duration = needed  # the timing rule stops the build first; this keeps the numbers coherent
    presenting = sum(section.presenting_minutes for section in time.sections)
    questions = sum(section.questions * MINUTES_PER_QUESTION + section.checklist_items * MINUTES_PER_CHECKLIST_ITEM
                    for section in time.sections)
    # The parts are rounded to the minutes the module needs (time.minutes); the rest is margin.
    parts = whole_minutes([presenting, time.activity_minutes, questions], needed)
    if time.activity_minutes and parts[1] != time.activity_minutes:  # activities are whole minutes already
        parts = [parts[0] + parts[1] - time.activity_minutes, time.activity_minutes, parts[2]]
    return ClassTime(duration, parts[0], parts[1], parts[2], duration - needed)


def section_minutes(page: Page) -> list[int]:
    """The minutes planned for each section of ``page`` (the start, then each "##"), adding up to its duration.

    Every section gets a minute at least: even a short one takes a moment in class.
    """
    time = module_time(page)
    return whole_minutes([section.minutes for section in time.sections], class_time(page).duration, at_least=1)
