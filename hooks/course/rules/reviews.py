"""Advice, for ``make check`` only: pages and tools not reviewed for over a year.

Warnings, never errors: an old review date does not make a page wrong, and the
build must not start failing on its own one day without anyone changing anything.
"""

from __future__ import annotations

import datetime as dt

from ..model import Course
from ..problems import Problem
from ..reading import parse_date
from ..tools import TOOLS_FILE, tools_due_for_review, valid_tools

REVIEW_MONTHS = 12


def _months_before(today: dt.date, months: int) -> dt.date:
    year, month = divmod(today.month - 1 - months, 12)
    year, month = today.year + year, month + 1
    for day in (today.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def old_reviews(course: Course) -> list[Problem]:
    """A page whose review date is older than 12 months may be out of date."""
    cutoff = _months_before(course.today, REVIEW_MONTHS)
    warnings = []
    for page in course.pages.values():
        reviewed = parse_date(page.front.data.get("last_reviewed")) if page.readable else None
        if reviewed is not None and reviewed < cutoff:
            warnings.append(Problem(
                page.file, page.front.line_of("last_reviewed"),
                f"la página se revisó por última vez el {reviewed.isoformat()}, hace más de {REVIEW_MONTHS} meses",
                "comprueba que el texto, las herramientas y las fuentes siguen al día y pon la fecha de hoy en "
                "last_reviewed, en las dos versiones de la página"))
    return warnings


def old_tools(course: Course) -> list[Problem]:
    """A tool whose details were last checked over 12 months ago."""
    if course.tools.problems:
        return []
    return [Problem(TOOLS_FILE, course.tools.lines.line_of((index, "last_verified")),
                    f"los datos de «{tool['name']}» se comprobaron por última vez el {tool['last_verified']}",
                    "mira la web de la herramienta (precio, plan gratuito, idioma, datos) y pon la fecha de hoy en "
                    "last_verified")
            for index, tool in enumerate(valid_tools(course.tools)) if tool in tools_due_for_review(
                valid_tools(course.tools), course.today)]
