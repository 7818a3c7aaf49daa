"""Content report: words, reading time, readability and building blocks of every page.

Run with `make content-report`. It reuses the parsers of the build hooks
(hooks/course), so it counts exactly what the site shows. Exits with 1 when a
Spanish module scores under the readability target, so it can gate a change.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from course import checklists, quizzes  # noqa: E402
from course.frontmatter import read_front_matter  # noqa: E402
from course.language import file_locale, page_id  # noqa: E402
from course.layout import MODULES_FOLDER  # noqa: E402
from course.prose import reader_text  # noqa: E402
from course.readability import reading_minutes, readability, words  # noqa: E402

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


def report_page(src_uri: str, text: str, today: dt.date) -> PageReport:
    """Measure one Markdown page."""
    file = f"docs/{src_uri}"
    locale = file_locale(src_uri, "es")
    front, _ = read_front_matter(text, file)
    prose = reader_text(text)
    checklist_page, _ = checklists.parse_page(text, file, page_id(src_uri))
    quiz_page, _ = quizzes.parse_page(text, file)
    reviewed = front.data.get("last_reviewed")
    return PageReport(
        file=file,
        locale=locale,
        is_module=src_uri.startswith(MODULES_FOLDER),
        words=len(words(prose)),
        minutes=reading_minutes(prose, locale),
        score=round(readability(prose, locale), 1),
        checklist_items=checklist_page.item_count,
        quiz_questions=len(quiz_page.quizzes),
        sources=len(front.data.get("sources") or []),
        reviewed_days_ago=(today - reviewed).days if isinstance(reviewed, dt.date) else None,
    )


def report_site(docs: Path, today: dt.date) -> list[PageReport]:
    return [report_page(path.relative_to(docs).as_posix(), path.read_text(encoding="utf-8"), today)
            for path in sorted(docs.rglob("*.md"))]


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


def tools_due(today: dt.date) -> list[str]:
    """Tools whose data was last verified over 12 months ago."""
    import yaml
    from course.tools import tools_due_for_review

    tools = yaml.safe_load((ROOT / "data" / "tools.yml").read_text(encoding="utf-8")) or []
    return [f"{tool['name']} (last_verified {tool['last_verified']})" for tool in tools_due_for_review(tools, today)]


def main() -> int:
    today = dt.date.today()
    reports = report_site(ROOT / "docs", today)
    print(format_table(reports))
    print("\nLegibilidad: Szigriszt-Pazos/INFLESZ (es), Flesch reading ease (en). "
          f"Objetivo: módulos en español ≥ {SPANISH_MODULE_TARGET:.0f}.")
    due = tools_due(today)
    print("\nHerramientas pendientes de revisar (más de 12 meses) / Tools due for review: "
          + (", ".join(due) if due else "ninguna / none"))
    below = [r.file for r in reports if r.below_target]
    if below:
        print(f"\nPor debajo del objetivo / Below target: {', '.join(below)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
