"""Slides from the course model (hooks/course/slides.py): where a module is cut into slides within
the budget of words per slide, the markers the page gets for the browser, the planned minutes of
each section (hooks/course/teaching.py), and what `make content-report` tells editors.

The browser follows this plan exactly (tests/test_presenter_browser.py checks that it does, and that
every slide fits a 1366 × 768 and a 1920 × 1080 screen)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import content_report
from conftest import ROOT, build_site, make_site
from course.model import Settings, build_course, load_course, read_settings
from course.rules.timing import module_timing
from course.slides import LINE_WORDS, SCREEN_WORDS, STUB_WORDS, WORDS_PER_SLIDE, plan_slides, too_long
from course.teaching import class_time, section_minutes, whole_minutes

STRINGS = (ROOT / "data" / "strings.yml").read_text(encoding="utf-8")
COURSE = load_course(ROOT, read_settings(ROOT))
FRONT = """---
title: Módulo de prueba
duration: 90
level: basic
objectives:
  - Uno.
  - Dos.
  - Tres.
---

# Módulo de prueba

Texto de entrada.
"""


def sentence(words: int, word: str = "palabra") -> str:
    return " ".join([word] * (words - 1)) + " fin."


def plan_of(body: str):
    course = build_course(ROOT, Settings(nav=["modulos/prueba.md"]), {"modulos/prueba.es.md": FRONT + body},
                          {"strings.yml": STRINGS})
    page = course.pages["modulos/prueba.es.md"]
    return page, plan_slides(page)


def contents(plan) -> list[list[tuple[str, int]]]:
    """Each slide as the kinds and first lines of what it holds."""
    return [[(unit.kind, unit.line) for unit in slide.units] for slide in plan.slides]


def line_of(page, text: str) -> int:
    return next(number for number, line in enumerate(page.lines, start=1) if line.startswith(text))


# ── Where slides start ───────────────────────────────────────────────────────


def test_the_title_slide_holds_the_objectives_and_the_opening_text_and_each_section_starts_a_slide():
    page, plan = plan_of("\n## Uno { #one }\n\nCorto.\n\n## Dos { #two }\n\n- Un punto.\n")
    assert [(slide.section, slide.part, slide.parts) for slide in plan.slides] == [(0, 1, 1), (1, 1, 1), (2, 1, 1)]
    assert [unit.kind for unit in plan.slides[0].units] == ["intro", "paragraph"]
    assert [(section.title, section.anchor) for section in plan.sections] == [
        ("Módulo de prueba", None), ("Uno", "one"), ("Dos", "two")]
    assert plan.markers == []  # "##" headings start slides by themselves


def test_a_long_section_is_cut_at_its_subheadings_first():
    body = "\n## Pasos { #steps }\n\n"
    for n in range(1, 4):
        body += f"### Paso {n} {{ #step-{n} }}\n\n{sentence(45)}\n\n{sentence(40)}\n\n"
    page, plan = plan_of(body)
    steps = plan.slides_of(1)
    assert [slide.units[0].kind for slide in steps] == ["heading"] * 3
    assert [slide.units[0].line for slide in steps] == [line_of(page, f"### Paso {n}") for n in (1, 2, 3)]
    # Each cut is a hidden marker on the blank line right before the subheading.
    assert [(marker.line, marker.starts) for marker in plan.markers] == [
        (line_of(page, "### Paso 2") - 1, True), (line_of(page, "### Paso 3") - 1, True)]
    assert all(not page.lines[marker.line - 1].strip() for marker in plan.markers)


def test_a_long_subsection_is_cut_between_paragraphs_into_slides_about_as_full():
    page, plan = plan_of("\n## Largo { #long }\n\n" + "".join(f"{sentence(40)}\n\n" for _ in range(5)))
    weights = [slide.weight for slide in plan.slides_of(1)]
    assert len(weights) == 2 and sum(weights) == 200 and max(weights) <= WORDS_PER_SLIDE
    assert max(weights) - min(weights) <= 40


def test_a_lead_in_ending_in_a_colon_stays_with_its_list_and_a_note_with_what_it_follows():
    body = (f"\n## Sección {{ #s }}\n\n{sentence(70)}\n\nLo que más importa:\n\n- {sentence(20)}\n- {sentence(20)}\n\n"
            '!!! trainer "Para quien imparte: 5 minutos"\n    Pregunta a la sala.\n\n'
            f"{sentence(30)}\n")
    page, plan = plan_of(body)
    slides = plan.slides_of(1)
    assert len(slides) == 2
    assert [unit.kind for unit in slides[1].units] == ["paragraph", "list", "note", "paragraph"]
    assert slides[1].notes == (0,) and slides[0].notes == ()


def test_a_list_too_long_for_a_slide_is_cut_between_its_items():
    items = "".join(f"- {sentence(30)}\n" for _ in range(6))
    page, plan = plan_of(f"\n## Lista {{ #list }}\n\n{items}")
    slides = plan.slides_of(1)
    assert len(slides) == 2 and all(unit.kind == "item" for slide in slides for unit in slide.units)
    [marker] = plan.markers
    first_item = line_of(page, "- palabra")
    assert (marker.line, marker.starts, marker.items) == (first_item - 1, False, (3,))


def test_a_piece_of_code_too_long_for_a_slide_is_cut_at_its_blank_lines():
    paragraphs = ["\n".join([f"Línea {n} de un correo de ejemplo con bastantes letras."] * 5) for n in range(4)]
    code = "```text\n" + "\n\n".join(paragraphs) + "\n```\n"
    page, plan = plan_of(f"\n## Ejemplo {{ #example }}\n\n{code}")
    slides = plan.slides_of(1)
    assert len(slides) > 1 and all(unit.kind == "lines" for slide in slides for unit in slide.units)
    [marker] = plan.markers
    assert marker.line == line_of(page, "```text") - 1 and not marker.starts
    assert all(page.lines[line_of(page, "```text") + offset - 1].strip() == "" for offset in marker.lines)


def test_no_slide_is_a_stub_of_what_did_not_fit():
    # A list that fills a slide, then a short closing line: the line goes on the same slide, a little
    # over the budget, rather than alone on the next.
    page, plan = plan_of(f"\n## Ideas {{ #ideas }}\n\n" + "".join(f"- {sentence(13)}\n" for _ in range(7))
                         + f"\n{sentence(12)}\n")
    [slide] = plan.slides_of(1)
    assert WORDS_PER_SLIDE < slide.weight < WORDS_PER_SLIDE + STUB_WORDS


def test_a_block_longer_than_a_slide_gets_its_own_and_is_reported():
    page, plan = plan_of(f"\n## Uno {{ #one }}\n\nCorto.\n\n{sentence(150)}\n\n{sentence(250)}\n")
    long = too_long(plan)
    assert [(block.line, block.kind, block.weight, block.section, block.fits_screen) for block in long] == [
        (line_of(page, "palabra") , "paragraph", 150, "Uno", True),
        (line_of(page, "palabra") + 2, "paragraph", 250, "Uno", False)]
    assert [len(slide.units) for slide in plan.slides_of(1)] == [1, 1, 1]


def test_short_lines_count_as_whole_lines():
    page, plan = plan_of("\n## Uno { #one }\n\n- a\n- b\n- c\n")
    assert plan.slides_of(1)[0].weight == pytest.approx(3 * LINE_WORDS * 1.2, abs=1)


def test_the_page_carries_the_plan_and_its_markers(tmp_path: Path):
    """A built module: a hidden marker where each slide starts inside a section, the plan as JSON."""
    steps = "".join(f"### Paso {n} {{ #step-{n} }}\n\n{sentence(45)}\n\n{sentence(45)}\n\n" for n in (1, 2))
    replace = [(f"docs/modulos/sms.{locale}.md", anchor, f"{anchor}\n\n{steps}")
               for locale, anchor in (("es", "## Paso a paso { #steps }"), ("en", "## Step by step { #steps }"))]
    built = build_site(make_site(tmp_path / "src", replace=replace), tmp_path / "site")
    assert built.ok, built.log
    html = (built.site / "modulos/sms/index.html").read_text(encoding="utf-8")
    assert html.count('<div class="digicom-slide-break" hidden data-slide-break></div>') == 1
    plan = re.search(r'<script type="application/json" id="digicom-present-plan">(.*?)</script>', html).group(1)
    assert '"module": "sms"' in plan and '"sheet": "../../notas-formacion/#sms"' in plan
    assert re.search(r'\{"anchor": "steps", "minutes": \d+, "title": "Paso a paso"\}', plan)
    # Nothing of it reaches search.
    index = (built.site / "search/search_index.json").read_text(encoding="utf-8")
    assert "digicom-slide-break" not in index and "digicom-present-plan" not in index


# ── The real course ──────────────────────────────────────────────────────────

MODULES = [module for locale in COURSE.locales for module in COURSE.modules(locale)]


@pytest.mark.parametrize("module", MODULES, ids=[module.file for module in MODULES])
def test_every_real_module_fits_its_slides_and_its_sections_add_up_to_its_time(module):
    plan = plan_slides(module)
    assert [block for block in too_long(plan) if not block.fits_screen] == []
    assert all(slide.weight <= SCREEN_WORDS for slide in plan.slides)
    stubs = [slide.number for slide in plan.slides if slide.part > 1 and slide.weight < STUB_WORDS]
    assert stubs == [], f"{module.file}: slides {stubs} only continue their section"
    assert sum(section.minutes for section in plan.sections) == module.front.data["duration"]
    assert all(section.minutes >= 1 for section in plan.sections)
    assert len(module.notes) == sum(len(slide.notes) for slide in plan.slides)


def test_the_timing_rule_passes_for_every_real_module():
    assert module_timing(COURSE) == []


# ── Minutes that add up ──────────────────────────────────────────────────────


@pytest.mark.parametrize(("exact", "total", "at_least", "expected"), [
    ([1.2, 3.7, 0.0], 5, 0, [1, 4, 0]),
    ([0.5, 0.5, 0.5], 1, 0, [1, 0, 0]),
    ([0.3, 10.0, 0.2], 12, 1, [1, 10, 1]),
    ([0.0, 0.0], 4, 1, [4, 0]),
    ([2.0, 2.0], 0, 1, [0, 0]),
])
def test_whole_minutes_add_up_to_the_total(exact, total, at_least, expected):
    assert whole_minutes(exact, total, at_least=at_least) == expected


@pytest.mark.parametrize("module", MODULES, ids=[module.file for module in MODULES])
def test_a_modules_time_splits_into_parts_and_margin_that_add_up_to_its_duration(module):
    split = class_time(module)
    assert split.duration == module.front.data["duration"]
    assert split.presenting + split.activities + split.questions + split.margin == split.duration
    assert split.activities == sum(note.minutes for note in module.notes)
    assert split.margin >= 0 and sum(section_minutes(module)) == split.duration


# ── What editors read ────────────────────────────────────────────────────────


def test_the_content_report_lists_each_modules_slides_and_blocks_longer_than_a_slide(capsys):
    assert content_report.main() == 0
    printed = capsys.readouterr().out
    for module in MODULES:
        plan = plan_slides(module)
        assert re.search(rf"\| {re.escape(module.file)} +\| {len(plan.slides)} +\|", printed), module.file
    assert f"Presupuesto: {WORDS_PER_SLIDE} palabras por diapositiva" in printed


def test_the_content_report_fails_on_a_block_that_cannot_fit_a_slide():
    course = build_course(ROOT, Settings(nav=["modulos/prueba.md"]),
                          {"modulos/prueba.es.md": FRONT + f"\n## Uno {{ #one }}\n\n{sentence(260)}\n"},
                          {"strings.yml": STRINGS})
    [report] = content_report.report_slides(course)
    line = line_of(course.pages["modulos/prueba.es.md"], "palabra")
    assert [(block.line, block.weight, block.fits_screen) for block in report.cut_off] == [(line, 260, False)]
    table = content_report.format_slides([report])
    assert "| docs/modulos/prueba.es.md | 2            |" in table
    assert f"{line} párrafo en «Uno» (260 ✗)" in table
