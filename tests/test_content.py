"""The course text: both languages mirror each other, and the content report meets its targets."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import content_report  # noqa: E402
from course.frontmatter import read_front_matter  # noqa: E402
from course.prose import reader_text  # noqa: E402
from course.readability import readability  # noqa: E402

DOCS = ROOT / "docs"
SPANISH_PAGES = sorted(DOCS.rglob("*.es.md"))
_HEADING = re.compile(r"^(#{1,6}) .*?(?:\{[^}]*#([\w-]+)[^}]*\})?\s*$")


def _english(spanish: Path) -> Path:
    return spanish.with_name(spanish.name.replace(".es.md", ".en.md"))


def _headings(path: Path) -> list[tuple[str, str | None]]:
    found, fenced = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(("```", "~~~")):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if match:
            found.append((match.group(1), match.group(2)))
    return found


def test_every_page_exists_in_both_languages():
    english = {p.relative_to(DOCS).as_posix().replace(".en.md", "") for p in DOCS.rglob("*.en.md")}
    spanish = {p.relative_to(DOCS).as_posix().replace(".es.md", "") for p in SPANISH_PAGES}
    assert spanish == english, f"pages in one language only: {spanish ^ english}"


@pytest.mark.parametrize("spanish", SPANISH_PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_both_languages_have_the_same_headings_and_anchors(spanish: Path):
    ours, theirs = _headings(spanish), _headings(_english(spanish))
    assert ours == theirs
    missing = [level for level, anchor in ours if level.startswith("##") and anchor is None]
    assert not missing, f"{spanish}: every section heading needs an explicit {{ #anchor }}"


@pytest.mark.parametrize("module", sorted((DOCS / "modulos").glob("*.es.md")), ids=lambda p: p.stem)
def test_modules_mirror_each_other_and_have_the_same_shape(module: Path):
    today = dt.date.today()
    es = content_report.report_page(module.relative_to(DOCS).as_posix(), module.read_text(encoding="utf-8"), today)
    english = _english(module)
    en = content_report.report_page(english.relative_to(DOCS).as_posix(), english.read_text(encoding="utf-8"), today)
    assert (es.checklist_items, es.quiz_questions) == (en.checklist_items, en.quiz_questions)
    assert es.checklist_items >= 5 and es.quiz_questions >= 3 and es.sources >= 1
    anchors = {anchor for _, anchor in _headings(module)}
    assert {"why", "steps", "good-practice", "mistakes", "example", "checklist", "quiz", "key-points"} <= anchors
    front_es, _ = read_front_matter(module.read_text(encoding="utf-8"), str(module))
    front_en, _ = read_front_matter(english.read_text(encoding="utf-8"), str(english))
    for field in ("duration", "level", "last_reviewed"):
        assert front_es.data[field] == front_en.data[field], field
    assert len(front_es.data["objectives"]) == len(front_en.data["objectives"])


def test_every_spanish_module_meets_the_readability_target():
    reports = content_report.report_site(DOCS, dt.date.today())
    modules = [r for r in reports if r.is_module and r.locale == "es"]
    assert modules
    assert not [r.file for r in modules if r.below_target], [(r.file, r.score) for r in modules]


def test_readability_separates_plain_from_dense_spanish():
    plain = "Manda un SMS corto. Di quién eres. Pon la oferta y la fecha. Ofrece la baja."
    dense = ("La consideración pormenorizada de las obligaciones derivadas de la normativa sectorial aplicable "
             "a las comunicaciones comerciales electrónicas exige una interpretación sistemática y exhaustiva.")
    assert readability(plain, "es") >= 65 > 40 >= readability(dense, "es")


def test_reader_text_leaves_out_trainer_notes_and_markup():
    markdown = ('---\ntitle: x\n---\n# Título { #t }\n\nTexto con [enlace](a.md).\n\n'
                '!!! trainer "Para quien imparte: 5 minutos"\n    Secreto del formador.\n\nFin.\n')
    text = reader_text(markdown)
    assert "Secreto" not in text and "title" not in text and "#t" not in text and "a.md" not in text
    assert "enlace" in text and "Fin." in text


def test_content_report_prints_a_row_per_page_and_language(capsys):
    assert content_report.main() == 0
    output = capsys.readouterr().out
    for page in SPANISH_PAGES:
        assert page.relative_to(ROOT).as_posix() in output
        assert _english(page).relative_to(ROOT).as_posix() in output


def test_content_report_lists_tools_due_for_review():
    assert content_report.tools_due(dt.date(2026, 11, 22)) == []
    two_years_on = content_report.tools_due(dt.date(2028, 12, 1))
    assert two_years_on and all("last_verified" in line for line in two_years_on)
    assert any(line.startswith("Metricool ") for line in two_years_on)
