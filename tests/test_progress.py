"""Progress in the built pages (no browser): every question carries its stable id (the
workaround for mkdocs-quiz keeping answers by position), the home page's module list and
"Mi progreso" carry the ids their progress is counted from, and the QR code library is
served from the site itself, exactly as npm ships it, or the build says how to get it."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from importlib.resources import files as package_files
from pathlib import Path

import pytest

from conftest import ROOT, build_site, make_site
from course import upstream
from course.model import load_course, read_settings
from progress_assets import QR_IN_SITE, QR_LIBRARY

COURSE = load_course(ROOT, read_settings(ROOT))


class _Attributes(HTMLParser):
    """Every start tag's attributes, for the tags that have ``attribute``."""

    def __init__(self, attribute: str) -> None:
        super().__init__()
        self.attribute, self.found = attribute, []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.attribute in attributes:
            self.found.append(attributes)


def tags_with(html: str, attribute: str) -> list[dict[str, str]]:
    parser = _Attributes(attribute)
    parser.feed(html)
    return parser.found


def html_of(site_dir: Path, page: str) -> str:
    return (site_dir / page / "index.html").read_text(encoding="utf-8")


# ── Questions labelled with their ids (course.upstream.label_quizzes) ──────────

def test_the_quiz_plugin_still_keeps_answers_by_position(site_dir):
    """The reason for the workaround: if an upgrade keys answers by something stable, drop it."""
    script = (package_files("mkdocs_quiz") / "js" / "quiz.js").read_text(encoding="utf-8")
    assert "STORAGE_KEY_PREFIX + window.location.pathname" in script
    assert "const quizId = quiz.id;" in script  # the key an answer is kept under: the element's id
    ids = [quiz["id"] for quiz in tags_with(html_of(site_dir, "modulos/sms"), "data-quiz-id")]
    assert ids == [f"quiz-{n}" for n in range(len(ids))] and ids  # … which is the question's position


def test_label_quizzes_writes_the_ids_in_page_order_and_refuses_a_different_count():
    page = ('<div class="quiz" id="quiz-0">a</div><div class="quizzes">x</div>'
            '<div class="quiz" data-search-exclude id="quiz-1">b</div>')
    labelled = upstream.label_quizzes(page, ["sms/q-1", 'sms/q-"2'])
    assert labelled == ('<div class="quiz" data-quiz-id="sms/q-1" id="quiz-0">a</div><div class="quizzes">x</div>'
                        '<div class="quiz" data-quiz-id="sms/q-&quot;2" data-search-exclude id="quiz-1">b</div>')
    with pytest.raises(ValueError, match="the page has 2 quiz"):
        upstream.label_quizzes(page, ["sms/q-1"])


@pytest.mark.parametrize("locale", ["es", "en"])
def test_every_question_on_a_module_carries_its_id_the_same_in_both_languages(site_dir, locale):
    prefix = "" if locale == "es" else "en/"
    spanish_ids = {module.key: [quiz.id for quiz in module.quizzes] for module in COURSE.modules("es")}
    for module in COURSE.modules(locale):
        quizzes = tags_with(html_of(site_dir, prefix + module.key), "data-quiz-id")
        assert [quiz["data-quiz-id"] for quiz in quizzes] == spanish_ids[module.key], module.key
        assert [quiz["id"] for quiz in quizzes] == [f"quiz-{n}" for n in range(len(quizzes))]
        assert all(quiz_id.startswith(module.id + "/q-") for quiz_id in spanish_ids[module.key])


def test_the_self_assessment_questions_carry_their_modules_ids(site_dir):
    from quizzes import SELF_ASSESSMENT_PER_MODULE

    expected = [quiz.id for module in COURSE.modules("es") for quiz in module.quizzes[:SELF_ASSESSMENT_PER_MODULE]]
    for prefix in ("", "en/"):
        found = [quiz["data-quiz-id"] for quiz in tags_with(html_of(site_dir, prefix + "autoevaluacion"),
                                                             "data-quiz-id")]
        assert found == expected


def test_a_question_keeps_its_id_when_one_is_inserted_above_it(tmp_path):
    before = build_site(make_site(tmp_path / "before"), tmp_path / "before-site")
    after = build_site(make_site(tmp_path / "after", replace=[
        ("docs/modulos/sms.es.md", "<quiz>\n¿Qué necesitas",
         "<quiz>\n¿Cuántos caracteres caben en un SMS?\n- [x] 160\n- [ ] 500\n\nCaben 160.\n</quiz>\n\n"
         "<quiz>\n¿Qué necesitas"),
        ("docs/modulos/sms.en.md", "<quiz>\nWhat do you need",
         "<quiz>\nHow many characters fit in one SMS?\n- [x] 160\n- [ ] 500\n\n160 fit.\n</quiz>\n\n"
         "<quiz>\nWhat do you need"),
    ]), tmp_path / "after-site")
    assert before.ok, before.log
    assert after.ok, after.log
    old = [quiz["data-quiz-id"] for quiz in tags_with(html_of(before.site, "modulos/sms"), "data-quiz-id")]
    new = [quiz["data-quiz-id"] for quiz in tags_with(html_of(after.site, "modulos/sms"), "data-quiz-id")]
    assert len(old) == 1 and len(new) == 2 and new[1] == old[0] and new[0] != old[0]


# ── The ids progress is counted from ───────────────────────────────────────────

def test_the_home_page_lists_each_modules_items_and_questions_and_a_button_to_the_first(site_dir):
    for prefix in ("", "en/"):
        html = html_of(site_dir, prefix.rstrip("/")) if prefix else (site_dir / "index.html").read_text("utf-8")
        modules = tags_with(html, "data-progress-module")
        locale = "en" if prefix else "es"
        assert [m["data-progress-module"] for m in modules] == [module.id for module in COURSE.modules(locale)]
        for found, module in zip(modules, COURSE.modules("es")):
            assert found["data-progress-items"].split() == [item.id for c in module.checklists for item in c.items]
            assert found["data-progress-questions"].split() == [quiz.id for quiz in module.quizzes]
        start = tags_with(html, "data-progress-start")
        first = COURSE.modules(locale)[0]
        assert len(start) == 1 and start[0]["href"] == first.key + "/"
        assert "md-button--primary" in start[0]["class"]


def test_each_module_page_says_which_module_it_is_and_other_pages_do_not(site_dir):
    for module in COURSE.modules("es"):
        scripts = [tag for tag in tags_with(html_of(site_dir, module.key), "src") if "progress.js" in tag["src"]]
        assert [tag.get("data-module") for tag in scripts] == [module.id]
    scripts = [tag for tag in tags_with(html_of(site_dir, "mi-progreso"), "src") if "progress" in tag["src"]]
    assert [tag["src"].rsplit("/", 1)[1] for tag in scripts] == ["progress.js", "progress-page.js"]
    assert all("data-module" not in tag for tag in scripts)


def test_my_progress_lists_every_modules_questions(site_dir):
    sections = tags_with(html_of(site_dir, "mi-progreso"), "data-progress-questions")
    expected = [[quiz.id for quiz in module.quizzes] for module in COURSE.modules("es")
                if module.checklists or module.quizzes]
    assert [section["data-progress-questions"].split() for section in sections] == expected


# ── The QR code library ───────────────────────────────────────────────────────

def test_the_qr_library_is_served_byte_for_byte_and_pinned_exactly(site_dir):
    installed = ROOT / ".cache" / "npm" / QR_LIBRARY
    assert (site_dir / QR_IN_SITE).read_bytes() == installed.read_bytes()
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    pin = re.search(r"^QRCODE := qrcode-generator@(\d+\.\d+\.\d+)$", makefile, re.M)
    assert pin, "the Makefile must pin qrcode-generator to an exact version"
    package = (installed.parents[1] / "package.json").read_text(encoding="utf-8")
    assert f'"version": "{pin.group(1)}"' in package
    assert "vendor/qrcode.js" in (site_dir / "assets/javascripts/progress-page.js").read_text(encoding="utf-8")


def test_without_the_qr_library_the_build_says_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setenv("DIGICOM_CACHE", str(tmp_path / "empty-cache"))
    built = build_site(make_site(tmp_path / "site"), tmp_path / "out")
    assert not built.ok
    assert "needs the QR code library qrcode-generator from npm" in built.log
    assert "construye el sitio con `make build`, que la instala" in built.log
