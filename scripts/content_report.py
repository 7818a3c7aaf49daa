"""Content report: words, reading time, readability and building blocks of every page.

Run with `make content-report`. It reads the same course model as the
build (hooks/course/model.py), so it counts exactly what the site shows. Exits with 1 when a
Spanish module scores under the readability target, so it can gate a change.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from course.model import Course, Page, load_course, read_settings  # noqa: E402
from course.prose import reader_text  # noqa: E402
from course.readability import reading_minutes, readability, words  # noqa: E402
from course.reading import parse_date  # noqa: E402
from course.tools import tools_due_for_review, valid_tools  # noqa: E402

SPANISH_MODULE_TARGET = 55.0  # INFLESZ "normal" starts at 55


@dataclass(frozen=True)
class PageReport:
    """What the report shows for one page in one language."""

    file: str
    locale: str
    is_module: bool
    words: int
    minutes: int
    score: float
    checklist_items: int
    quiz_questions: int
    sources: int
    reviewed_days_ago: int | None

    @property
    def below_target(self) -> bool:
        return self.is_module and self.locale == "es" and self.score < SPANISH_MODULE_TARGET


def report_page(page: Page, today: dt.date) -> PageReport:
    """Measure one page of the course model."""
    prose = reader_text(page)
    reviewed = parse_date(page.front.data.get("last_reviewed"))
    sources = page.front.data.get("sources")
    return PageReport(
        file=page.file,
        locale=page.locale,
        is_module=page.is_module,
        words=len(words(prose)),
        minutes=reading_minutes(prose, page.locale),
        score=round(readability(prose, page.locale), 1),
        checklist_items=sum(len(checklist.items) for checklist in page.checklists),
        quiz_questions=len(page.quizzes),
        sources=len(sources) if isinstance(sources, list) else 0,
        reviewed_days_ago=(today - reviewed).days if reviewed else None,
    )


def report_site(course: Course) -> list[PageReport]:
    return [report_page(page, course.today) for page in sorted(course.pages.values(), key=lambda p: p.src_uri)]


def format_table(reports: list[PageReport]) -> str:
    header = ("Página / Page", "Idioma", "Palabras", "Min", "Legibilidad", "Lista", "Test", "Fuentes", "Revisado hace (días)")
    rows = [header] + [
        (r.file, r.locale, str(r.words), str(r.minutes),
         f"{r.score:.1f}{' ✗' if r.below_target else ''}",
         str(r.checklist_items), str(r.quiz_questions), str(r.sources),
         "-" if r.reviewed_days_ago is None else str(r.reviewed_days_ago))
        for r in reports
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) + " |" for row in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def tools_due(course: Course) -> list[str]:
    """Tools whose data was last verified over 12 months ago."""
    tools = valid_tools(course.tools)
    return [f"{tool['name']} (last_verified {tool['last_verified']})" for tool in tools_due_for_review(tools, course.today)]


def main() -> int:
    course = load_course(ROOT, read_settings(ROOT))
    reports = report_site(course)
    print(format_table(reports))
    print("\nLegibilidad: Szigriszt-Pazos/INFLESZ (es), Flesch reading ease (en). "
          f"Objetivo: módulos en español ≥ {SPANISH_MODULE_TARGET:.0f}.")
    due = tools_due(course)
    print("\nHerramientas pendientes de revisar (más de 12 meses) / Tools due for review: "
          + (", ".join(due) if due else "ninguna / none"))
    below = [r.file for r in reports if r.below_target]
    if below:
        print(f"\nPor debajo del objetivo / Below target: {', '.join(below)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
