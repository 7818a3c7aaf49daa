"""The course text: both languages mirror each other, and the content report meets its targets.

Everything is read from the real site's course model (the one the build uses), so what is compared is
what the site shows: headings and anchors, checklist items, quiz questions and their right answers,
and each module's duration, level, review date and objectives. Each failure names the page, the line
and what differs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

import content_report
from conftest import ROOT
from course.model import Page, Settings, build_course, load_course, read_settings
from course.prose import reader_text
from course.readability import readability
from course.rules.pages import MODULE_SECTIONS

COURSE = load_course(ROOT, read_settings(ROOT))
DEFAULT, OTHER = COURSE.locales
KEYS = COURSE.keys()
MODULE_KEYS = [page.key for page in COURSE.modules(DEFAULT)]


def pair(key: str) -> tuple[Page, Page]:
    first, second = COURSE.page(key, DEFAULT), COURSE.page(key, OTHER)
    assert first and second, f"{key}: missing in {OTHER if first else DEFAULT}"
    return first, second


def where(page: Page, line: int | None) -> str:
    return f"{page.file}:{line}" if line else page.file


# ── What differs between two versions of a page (empty when nothing does) ──


def heading_differences(first: Page, second: Page) -> list[str]:
    ones, others = first.scan.headings, second.scan.headings
    for one, other in zip(ones, others):
        if (one.level, one.anchor) != (other.level, other.anchor):
            return [f"{where(first, one.line)} «{one.source.strip()}» but {where(second, other.line)} "
                    f"«{other.source.strip()}»"]
    if len(ones) != len(others):
        longer, extra = (first, ones[len(others)]) if len(ones) > len(others) else (second, others[len(ones)])
        return [f"{where(longer, extra.line)} «{extra.source.strip()}» is only in this version "
                f"({len(ones)} headings in {first.file}, {len(others)} in {second.file})"]
    return []


def checklist_differences(first: Page, second: Page) -> list[str]:
    if len(first.checklists) != len(second.checklists):
        return [f"{len(first.checklists)} checklists in {first.file}, {len(second.checklists)} in {second.file}"]
    differences = []
    for one, other in zip(first.checklists, second.checklists):
        if len(one.items) != len(other.items):
            differences.append(f"checklist {where(first, one.line)} has {len(one.items)} items, "
                               f"{where(second, other.line)} has {len(other.items)}")
        elif [item.id for item in one.items] != [item.id for item in other.items]:
            differences.append(f"checklist {where(first, one.line)}: its items have other ids in {second.file}")
    return differences


def quiz_differences(first: Page, second: Page) -> list[str]:
    if len(first.quizzes) != len(second.quizzes):
        return [f"{len(first.quizzes)} questions in {first.file}, {len(second.quizzes)} in {second.file}"]
    differences = []
    for one, other in zip(first.quizzes, second.quizzes):
        if len(one.answers) != len(other.answers):
            differences.append(f"question {where(first, one.line)} has {len(one.answers)} answers, "
                               f"{where(second, other.line)} has {len(other.answers)}")
        elif one.correct_positions != other.correct_positions:
            differences.append(f"question {where(first, one.line)}: right answers {one.correct_positions}, "
                               f"{where(second, other.line)}: {other.correct_positions}")
    return differences


def front_matter_differences(first: Page, second: Page) -> list[str]:
    differences = []
    for field in ("duration", "level", "last_reviewed"):
        one, other = first.front.data.get(field), second.front.data.get(field)
        if one != other:
            differences.append(f"{field}: {one!r} at {where(first, first.front.line_of(field))}, {other!r} at "
                               f"{where(second, second.front.line_of(field))}")
    ones, others = first.front.data.get("objectives") or [], second.front.data.get("objectives") or []
    if len(ones) != len(others):
        differences.append(f"{len(ones)} objectives in {first.file}, {len(others)} in {second.file}")
    return differences


# ── The comparisons can fail, with a message that names what differs ───────

SPANISH = """---
title: SMS
description: SMS.
duration: 20
level: basic
objectives: [Uno., Dos., Tres.]
last_reviewed: 2026-11-01
---
# SMS { #sms }

## Lista { #checklist }

!!! checklist "Antes"
    - [ ] Permiso.
    - [ ] Baja.

<quiz>
¿Qué necesitas?
- [ ] Nada.
- [x] Permiso.
</quiz>
"""
ENGLISH = (SPANISH.replace("# SMS { #sms }", "# SMS { #sms }").replace("## Lista", "## Checklist")
           .replace("- [ ] Permiso.", "- [ ] Permission.").replace("¿Qué necesitas?", "What do you need?"))


def model_pair(english: str) -> tuple[Page, Page]:
    course = build_course("/nowhere", Settings(), {"modulos/sms.es.md": SPANISH, "modulos/sms.en.md": english}, {})
    return course.pages["modulos/sms.es.md"], course.pages["modulos/sms.en.md"]


@pytest.mark.parametrize(("english", "compare", "expected"), [
    pytest.param(ENGLISH, heading_differences, [], id="same-headings"),
    pytest.param(ENGLISH.replace("{ #checklist }", "{ #list }"), heading_differences, [
        "docs/modulos/sms.es.md:11 «## Lista { #checklist }» but docs/modulos/sms.en.md:11 «## Checklist { #list }»"],
        id="other-anchor"),
    pytest.param(ENGLISH.replace("## Checklist", "### Checklist"), heading_differences, [
        "docs/modulos/sms.es.md:11 «## Lista { #checklist }» but docs/modulos/sms.en.md:11 "
        "«### Checklist { #checklist }»"], id="other-level"),
    pytest.param(ENGLISH + "\n## More { #more }\n", heading_differences, [
        "docs/modulos/sms.en.md:23 «## More { #more }» is only in this version (2 headings in docs/modulos/sms.es.md, "
        "3 in docs/modulos/sms.en.md)"], id="extra-heading"),
    pytest.param(ENGLISH, checklist_differences, [], id="same-checklists"),
    pytest.param(ENGLISH.replace("    - [ ] Baja.\n", ""), checklist_differences, [
        "checklist docs/modulos/sms.es.md:13 has 2 items, docs/modulos/sms.en.md:13 has 1"], id="missing-item"),
    pytest.param(ENGLISH, quiz_differences, [], id="same-questions"),
    pytest.param(ENGLISH.replace("- [ ] Nada.\n- [x] Permiso.", "- [x] Nada.\n- [ ] Permiso."), quiz_differences, [
        "question docs/modulos/sms.es.md:17: right answers (2,), docs/modulos/sms.en.md:17: (1,)"],
        id="other-right-answer"),
    pytest.param(ENGLISH.replace("- [x] Permiso.", "- [x] Permiso.\n- [ ] Otra."), quiz_differences, [
        "question docs/modulos/sms.es.md:17 has 2 answers, docs/modulos/sms.en.md:17 has 3"], id="extra-answer"),
    pytest.param(ENGLISH.replace("<quiz>", "<!-- no quiz -->\n<!--").replace("</quiz>", "-->"), quiz_differences, [
        "1 questions in docs/modulos/sms.es.md, 0 in docs/modulos/sms.en.md"], id="missing-question"),
    pytest.param(ENGLISH, front_matter_differences, [], id="same-front-matter"),
    pytest.param(ENGLISH.replace("duration: 20", "duration: 25").replace("[Uno., Dos., Tres.]", "[One., Two.]"),
                 front_matter_differences, [
        "duration: 20 at docs/modulos/sms.es.md:4, 25 at docs/modulos/sms.en.md:4",
        "3 objectives in docs/modulos/sms.es.md, 2 in docs/modulos/sms.en.md"], id="other-duration-and-objectives"),
])
def test_each_comparison_names_what_differs(english, compare, expected):
    assert compare(*model_pair(english)) == expected


# ── The real site ──────────────────────────────────────────────────────────


def test_every_page_exists_in_both_languages():
    only = {locale: sorted(page.key for page in COURSE.in_locale(locale)
                           if not COURSE.page(page.key, OTHER if locale == DEFAULT else DEFAULT))
            for locale in COURSE.locales}
    assert only == {DEFAULT: [], OTHER: []}, f"pages in one language only: {only}"
    assert COURSE.odd_pages == [], f"pages whose name does not say their language: {COURSE.odd_pages}"
    assert len(KEYS) >= 10 and len(MODULE_KEYS) >= 5


@pytest.mark.parametrize("key", KEYS)
def test_both_languages_have_the_same_headings_and_anchors(key):
    first, second = pair(key)
    assert heading_differences(first, second) == []
    unanchored = [where(page, heading.line) for page in (first, second) for heading in page.scan.headings
                  if heading.level >= 2 and heading.anchor is None]
    assert unanchored == [], "every section heading needs an explicit { #anchor }"


@pytest.mark.parametrize("key", KEYS)
def test_both_languages_have_the_same_checklist_items(key):
    assert checklist_differences(*pair(key)) == []


@pytest.mark.parametrize("key", KEYS)
def test_both_languages_have_the_same_questions_with_the_same_right_answers(key):
    assert quiz_differences(*pair(key)) == []


@pytest.mark.parametrize("key", MODULE_KEYS)
def test_both_languages_of_a_module_have_the_same_duration_level_review_and_objectives(key):
    assert front_matter_differences(*pair(key)) == []


@pytest.mark.parametrize("key", MODULE_KEYS)
def test_every_module_has_the_shape_of_a_module(key):
    for page in pair(key):
        anchors = [heading.anchor for heading in page.scan.headings if heading.level == 2]
        assert [anchor for anchor in MODULE_SECTIONS if anchor not in anchors] == [], page.file
        items = sum(len(checklist.items) for checklist in page.checklists)
        sources = page.front.data.get("sources") or []
        assert (items >= 5, len(page.quizzes) >= 3, len(sources) >= 1) == (True, True, True), (
            f"{page.file}: {items} checklist items (at least 5), {len(page.quizzes)} questions (at least 3), "
            f"{len(sources)} sources (at least 1)")
        assert all(quiz.valid and quiz.correct_positions for quiz in page.quizzes), page.file
        assert 3 <= len(page.front.data["objectives"]) <= 5, page.file


def test_every_spanish_module_meets_the_readability_target():
    reports = content_report.report_site(COURSE)
    modules = [r for r in reports if r.is_module and r.locale == "es"]
    assert len(modules) == len(MODULE_KEYS)
    assert [(r.file, r.score) for r in modules if r.below_target] == []


def test_the_readability_target_flags_a_dense_spanish_module():
    dense = ("La consideración pormenorizada de las obligaciones derivadas de la normativa sectorial aplicable "
             "a las comunicaciones comerciales electrónicas exige una interpretación sistemática y exhaustiva.")
    text = "---\ntitle: x\n---\n# Título { #t }\n\n" + dense + "\n"
    course = build_course("/nowhere", Settings(), {"modulos/x.es.md": text, "x.es.md": text,
                                                   "modulos/x.en.md": text}, {})
    reports = {r.file: r for r in content_report.report_site(course)}
    assert reports["docs/modulos/x.es.md"].below_target
    assert not reports["docs/x.es.md"].below_target  # only modules have the target
    assert not reports["docs/modulos/x.en.md"].below_target  # English is measured, not held to it


def test_readability_separates_plain_from_dense_spanish():
    plain = "Manda un SMS corto. Di quién eres. Pon la oferta y la fecha. Ofrece la baja."
    dense = ("La consideración pormenorizada de las obligaciones derivadas de la normativa sectorial aplicable "
             "a las comunicaciones comerciales electrónicas exige una interpretación sistemática y exhaustiva.")
    assert readability(plain, "es") >= 65 > 40 >= readability(dense, "es")


def test_reader_text_leaves_out_trainer_notes_and_markup():
    markdown = ('---\ntitle: x\n---\n# Título { #t }\n\nTexto con [enlace](a.md).\n\n'
                '!!! trainer "Para quien imparte: 5 minutos"\n    Secreto del formador.\n\n'
                '```\ncódigo secreto\n```\n\n<span class="x">Fin.</span>\n')
    page = build_course("/nowhere", Settings(), {"x.es.md": markdown}, {}).pages["x.es.md"]
    text = reader_text(page)
    assert "Secreto" not in text and "title" not in text and "#t" not in text and "a.md" not in text
    assert "código" not in text and "span" not in text
    assert "Título" in text and "enlace" in text and "Fin." in text
    assert "Secreto del formador." in reader_text(page, trainer_notes=True)


def test_content_report_measures_what_the_page_shows():
    report = {r.file: r for r in content_report.report_site(COURSE)}["docs/modulos/sms.es.md"]
    page = COURSE.page("modulos/sms", "es")
    assert report.checklist_items == sum(len(c.items) for c in page.checklists)
    assert report.quiz_questions == len(page.quizzes)
    assert report.sources == len(page.front.data["sources"])
    assert report.words > 300 and report.minutes >= 2


def test_content_report_prints_a_row_per_page_and_language(capsys):
    assert content_report.main() == 0
    output = capsys.readouterr().out
    for page in COURSE.pages.values():
        assert f"| {page.file} " in output


def test_content_report_lists_tools_due_for_review():
    assert content_report.tools_due(dataclasses.replace(COURSE, today=dt.date(2026, 11, 22))) == []
    two_years_on = content_report.tools_due(dataclasses.replace(COURSE, today=dt.date(2028, 12, 1)))
    assert two_years_on and all("(last_verified " in line for line in two_years_on)
    assert any(line.startswith("Metricool ") for line in two_years_on)
