"""Content report: words, reading time, readability and building blocks of every page, and each module's slides.

Run with `make content-report`. It reads the same course model as the
build (hooks/course/model.py), so it counts exactly what the site shows. The slides are the
ones the presentation view shows (hooks/course/slides.py, the same plan the build puts in the
page): for each module, how many, the fullest, and every block longer than a slide, so editors
see which sections to shorten. Exits with 1 when a Spanish module scores under the readability
target, or when a block is too long to fit a projector's screen at all, so it can gate a change.
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
from course.slides import SCREEN_WORDS, WORDS_PER_SLIDE, TooLong, plan_slides, too_long  # noqa: E402
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


@dataclass(frozen=True)
class SlideReport:
    """A module's slides in one language."""

    file: str
    slides: int
    fullest: int  # slide words of its fullest slide
    long_blocks: tuple[TooLong, ...]  # blocks over the budget, each alone on a slide

    @property
    def cut_off(self) -> tuple[TooLong, ...]:
        return tuple(block for block in self.long_blocks if not block.fits_screen)


_KINDS = {"paragraph": "párrafo", "list": "lista", "item": "elemento de lista", "table": "tabla", "code": "código",
          "lines": "código", "checklist": "lista de comprobación", "quiz": "pregunta", "admonition": "recuadro",
          "intro": "objetivos", "heading": "título", "practice": "práctica", "html": "HTML", "blockquote": "cita"}


def report_slides(course: Course) -> list[SlideReport]:
    reports = []
    for locale in course.locales:
        for module in course.modules(locale):
            plan = plan_slides(module)
            reports.append(SlideReport(module.file, len(plan.slides), max(slide.weight for slide in plan.slides),
                                       tuple(too_long(plan))))
    return reports


def format_slides(reports: list[SlideReport]) -> str:
    header = ("Módulo / Module", "Diapositivas", "La más llena", "Bloques más largos que una diapositiva")
    rows = [header]
    for r in reports:
        blocks = "; ".join(f"{block.line} {_KINDS.get(block.kind, block.kind)} en «{block.section}» ({block.weight}"
                           f"{'' if block.fits_screen else ' ✗'})" for block in r.long_blocks) or "-"
        rows.append((r.file, str(r.slides), str(r.fullest), blocks))
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
    slides = report_slides(course)
    print("\nDiapositivas / Slides (vista «Presentar»):\n")
    print(format_slides(slides))
    print(f"\nPresupuesto: {WORDS_PER_SLIDE} palabras por diapositiva (cada línea corta cuenta como una línea entera). "
          "Un bloque más largo va solo en su diapositiva: acórtalo o pártelo en dos si puedes. Con ✗, pasa de "
          f"{SCREEN_WORDS} y no cabe en la pantalla de un proyector: hay que acortarlo.")
    due = tools_due(course)
    print("\nHerramientas pendientes de revisar (más de 12 meses) / Tools due for review: "
          + (", ".join(due) if due else "ninguna / none"))
    below = [r.file for r in reports if r.below_target]
    cut_off = [f"{block.file}:{block.line}" for r in slides for block in r.cut_off]
    if below:
        print(f"\nPor debajo del objetivo / Below target: {', '.join(below)}")
    if cut_off:
        print(f"\nNo caben en una diapositiva / Do not fit a slide: {', '.join(cut_off)}")
    return 1 if below or cut_off else 0


if __name__ == "__main__":
    sys.exit(main())
