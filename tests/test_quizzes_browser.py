"""Quizzes as a merchant uses them, in Chromium: feedback in the page's language, answers
kept across a reload and the language switch, the self-assessment score, no quiz assets where
there is no quiz, and no axe finding on the quiz markup.

Every test runs on the real site and on the small site in tests/fixtures/quizzes/, built and
served the same way: the fixture proves the hook, templates and scripts on their own while the
real site's content is being written; the real site proves them on the course itself."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from conftest import (ROOT, SITE_PATH, PageWatch, _SiteHandler, built_pages, load_mkdocs_yml, open_context,
                      run_mkdocs_build)
from course.frontmatter import read_front_matter
from course.quizzes import SELF_ASSESSMENT_PER_MODULE, Quiz, parse_page

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "quizzes"
TEXTS = {
    "es": {"prefix": "", "check": "Comprobar", "retry": "Volver a intentarlo",
           "right": "¡Correcto! Lee la explicación de abajo.",
           "wrong": "No es correcta. Lee la explicación de abajo y vuelve a intentarlo.",
           "score": "Has acertado {} de {}.", "left_one": "Te falta 1 pregunta por responder.",
           "left": "Te faltan {} preguntas por responder.", "review": "Repasa el módulo «{}»"},
    "en": {"prefix": "en/", "check": "Check", "retry": "Try again",
           "right": "Correct! Read the explanation below.",
           "wrong": "Not quite. Read the explanation below, then try again.",
           "score": "You got {} of {} right.", "left_one": "1 question left to answer.",
           "left": "{} questions left to answer.", "review": "Review the module “{}”"},
}
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "rules": {"heading-order": {"enabled": True}}}


@dataclass(frozen=True)
class QuizSite:
    """A built site under test and where its sources are."""

    url: str  # served under SITE_PATH, ending in "/"
    built: Path
    root: Path  # the folder holding its mkdocs.yml and docs/
    module: str  # a module with a one-answer question first and a "mark all" question
    nav: list


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """tests/fixtures/quizzes built strictly and served like the real site."""
    built = tmp_path_factory.mktemp("quizzes-fixture-site")
    result = run_mkdocs_build(FIXTURE / "mkdocs.yml", built)
    assert result.returncode == 0, result.stdout + result.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SiteHandler, directory=str(built)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SITE_PATH}", built
    server.shutdown()


@pytest.fixture(params=["real", "fixture"])
def site(request) -> QuizSite:
    if request.param == "real":
        return QuizSite(request.getfixturevalue("site_url"), request.getfixturevalue("site_dir"), ROOT,
                        "modulos/sms", load_mkdocs_yml()["nav"])
    url, built = request.getfixturevalue("fixture_site")
    nav = yaml.safe_load((FIXTURE / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    return QuizSite(url, built, FIXTURE, "modulos/uno", nav)


def quizzes_of(site: QuizSite, page_key: str, locale: str) -> tuple[Quiz, ...]:
    source = site.root / "docs" / f"{page_key}.{locale}.md"
    page, problems = parse_page(source.read_text(encoding="utf-8"), str(source))
    assert problems == []
    return page.quizzes


def modules_in_menu_order(site: QuizSite) -> list[str]:
    """The module pages' keys as the menu lists them (``modulos/sms``)."""
    found = []

    def walk(items: list) -> None:
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            elif value.startswith("modulos/"):
                found.append(value.removesuffix(".md"))

    walk(site.nav)
    return found


def wrong_positions(quiz: Quiz) -> list[int]:
    """A wrong pick: the first wrong answer (a right one too, for "mark all that apply")."""
    first_wrong = next(n for n, a in enumerate(quiz.answers, start=1) if not a.correct)
    return [quiz.correct_positions[0], first_wrong] if quiz.multiple else [first_wrong]


def answer(page, index: int, positions, check: str) -> None:
    """Tick answers (1-based) of the index-th quiz on the page and press its check button."""
    box = page.locator(f"#quiz-{index}")
    for position in positions:
        box.locator(f'label[for="quiz-{index}-{position - 1}"]').click()
    box.get_by_role("button", name=check).click()


def feedback(page, index: int) -> str:
    return page.locator(f"#quiz-{index} .quiz-feedback").inner_text().strip()


def left_text(texts: dict, left: int) -> str:
    return "" if left == 0 else texts["left_one"] if left == 1 else texts["left"].format(left)


@pytest.mark.parametrize("locale", ["es", "en"])
def test_right_and_wrong_answers_get_feedback_and_the_explanation_in_the_pages_language(page, site, locale):
    texts, quizzes = TEXTS[locale], quizzes_of(site, site.module, locale)
    page.goto(f"{site.url}{texts['prefix']}{site.module}/")
    assert page.locator(".quiz").count() == len(quizzes)
    explanation = page.locator("#quiz-0 section.content")
    assert not explanation.is_visible()

    answer(page, 0, quizzes[0].correct_positions, texts["check"])
    assert feedback(page, 0) == texts["right"]
    assert explanation.is_visible()
    assert quizzes[0].explanation[0][:30] in explanation.inner_text()

    multiple = next(i for i, quiz in enumerate(quizzes) if quiz.multiple)
    answer(page, multiple, wrong_positions(quizzes[multiple]), texts["check"])
    assert feedback(page, multiple) == texts["wrong"]
    right = page.locator(f"#quiz-{multiple} fieldset > div.correct label")
    assert right.count() == len(quizzes[multiple].correct_positions)  # the right answers are shown

    page.locator(f"#quiz-{multiple}").get_by_role("button", name=texts["retry"]).click()
    assert not page.locator(f"#quiz-{multiple} .quiz-feedback").is_visible()
    answer(page, multiple, quizzes[multiple].correct_positions, texts["check"])
    assert feedback(page, multiple) == texts["right"]


def test_the_keyboard_picks_an_answer_without_sending_it(page, site):
    quizzes = quizzes_of(site, site.module, "es")
    single = next(i for i, quiz in enumerate(quizzes) if not quiz.multiple)
    page.goto(f"{site.url}{site.module}/")
    page.focus(f"#quiz-{single}-0")
    page.keyboard.press("Space")
    for _ in range(quizzes[single].correct_positions[0] - 1):
        page.keyboard.press("ArrowDown")
    assert not page.locator(f"#quiz-{single} .quiz-feedback").is_visible()  # nothing sent while choosing
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Comprobar"
    page.keyboard.press("Enter")
    assert feedback(page, single) == TEXTS["es"]["right"]
    assert page.evaluate("document.activeElement.classList.contains('quiz-feedback')")


def test_answers_survive_a_reload_and_the_language_switch_both_ways(page, site):
    spanish, english = quizzes_of(site, site.module, "es"), quizzes_of(site, site.module, "en")
    page.goto(f"{site.url}{site.module}/")
    answer(page, 0, spanish[0].correct_positions, TEXTS["es"]["check"])
    answer(page, 2, wrong_positions(spanish[2]), TEXTS["es"]["check"])
    page.reload()
    assert feedback(page, 0) == TEXTS["es"]["right"] and feedback(page, 2) == TEXTS["es"]["wrong"]

    page.goto(f"{site.url}en/{site.module}/")
    assert feedback(page, 0) == TEXTS["en"]["right"] and feedback(page, 2) == TEXTS["en"]["wrong"]
    checked = page.eval_on_selector_all("#quiz-2 input:checked", "inputs => inputs.map(i => Number(i.value) + 1)")
    assert checked == wrong_positions(english[2])
    assert page.locator("#quiz-1 .quiz-feedback").is_hidden()

    page.locator("#quiz-0").get_by_role("button", name=TEXTS["en"]["retry"]).click()
    answer(page, 0, wrong_positions(english[0]), TEXTS["en"]["check"])
    page.goto(f"{site.url}{site.module}/")
    assert feedback(page, 0) == TEXTS["es"]["wrong"] and feedback(page, 2) == TEXTS["es"]["wrong"]


def test_finishing_a_module_fires_no_confetti(page, site):
    quizzes = quizzes_of(site, site.module, "es")
    page.goto(f"{site.url}{site.module}/")
    for index, quiz in enumerate(quizzes):
        answer(page, index, quiz.correct_positions, TEXTS["es"]["check"])
    page.wait_for_timeout(700)  # the plugin would start its confetti 500 ms after the last answer
    assert page.locator("canvas").count() == 0
    assert page.locator("#quiz-progress-sidebar, #quiz-progress-mobile, #quiz-results").count() == 0


@pytest.mark.parametrize("locale", ["es", "en"])
def test_the_self_assessment_scores_and_links_back_to_the_modules(page, site, locale):
    texts = TEXTS[locale]
    picked = []  # (module key, module title, quiz) in page order
    for key in modules_in_menu_order(site):
        text = (site.root / "docs" / f"{key}.{locale}.md").read_text(encoding="utf-8")
        title = read_front_matter(text, key)[0].data["title"]
        picked += [(key, title, quiz) for quiz in quizzes_of(site, key, locale)[:SELF_ASSESSMENT_PER_MODULE]]
    total = len(picked)
    assert total >= 3  # enough for two right answers and a wrong one

    page.goto(f"{site.url}{texts['prefix']}autoevaluacion/")
    assert page.locator(".md-content .quiz").count() == total
    score = page.locator("[data-digicom-quiz-score]")
    assert score.locator(".digicom-quiz-score__total").inner_text() == texts["score"].format(0, total)
    assert score.locator(".digicom-quiz-score__left").inner_text() == left_text(texts, total)
    assert score.locator(".digicom-quiz-score__missed").is_hidden()

    answer(page, 0, picked[0][2].correct_positions, texts["check"])
    answer(page, 1, picked[1][2].correct_positions, texts["check"])
    answer(page, 2, wrong_positions(picked[2][2]), texts["check"])
    key, title, missed = picked[2]
    review = page.locator("#quiz-2 .digicom-quiz-review a")
    assert review.is_visible() and review.inner_text() == texts["review"].format(title)
    assert review.evaluate("a => a.href") == f"{site.url}{texts['prefix']}{key}/#quiz"

    assert score.locator(".digicom-quiz-score__total").inner_text() == texts["score"].format(2, total)
    assert score.locator(".digicom-quiz-score__left").inner_text() == left_text(texts, total - 3)
    items = score.locator(".digicom-quiz-score__missed li")
    assert items.count() == 1
    links = items.first.locator("a")
    assert links.nth(0).inner_text() == " ".join(missed.question)
    assert links.nth(0).evaluate("a => a.href") == f"{site.url}{texts['prefix']}autoevaluacion/#quiz-2"
    assert links.nth(1).inner_text() == texts["review"].format(title)
    assert links.nth(1).evaluate("a => a.href") == f"{site.url}{texts['prefix']}{key}/#quiz"

    page.reload()  # the score is rebuilt from the saved answers
    assert score.locator(".digicom-quiz-score__total").inner_text() == texts["score"].format(2, total)
    page.locator("#quiz-2").get_by_role("button", name=texts["retry"]).click()
    answer(page, 2, missed.correct_positions, texts["check"])
    assert score.locator(".digicom-quiz-score__total").inner_text() == texts["score"].format(3, total)
    assert score.locator(".digicom-quiz-score__missed").is_hidden()


def test_quizzes_work_with_storage_blocked(browser, site):
    """Storage that throws on access: answers still work and score, nothing of ours throws."""
    watch = PageWatch()
    context = open_context(browser, watch=watch, viewport={"width": 390, "height": 844})
    context.add_init_script("Object.defineProperty(window, 'localStorage', {get() {"
                            " throw new DOMException('blocked', 'SecurityError'); }});")
    page, uncaught = context.new_page(), []
    page.on("pageerror", lambda error: uncaught.append(str(error)))
    page.on("console", lambda m: m.type == "error" and watch.console_errors.append(m.text))
    page.goto(f"{site.url}autoevaluacion/")
    quizzes = [q for key in modules_in_menu_order(site)[:1] for q in quizzes_of(site, key, "es")[:2]]
    answer(page, 0, quizzes[0].correct_positions, TEXTS["es"]["check"])
    assert feedback(page, 0) == TEXTS["es"]["right"]
    total = page.locator(".md-content .quiz").count()
    assert page.locator(".digicom-quiz-score__total").inner_text() == TEXTS["es"]["score"].format(1, total)
    context.close()
    assert uncaught == [] and not watch.foreign_requests
    # Only the plugin's own notes that it could not load or save (it catches the error itself).
    assert watch.console_errors and all(re.match(r"Failed to (load|save) quiz progress", text)
                                        for text in watch.console_errors), watch.console_errors


@pytest.mark.parametrize("stored", ["[1, 2]", "{not json", '{"quiz-0": {"answered": "yes"}}'])
def test_malformed_saved_answers_are_ignored(page, site, stored):
    page.goto(site.url)
    page.evaluate("""([path, stored]) => {
        localStorage.setItem("quiz_progress_" + path + "en/autoevaluacion/", stored);
        localStorage.setItem("quiz_progress_" + path + "autoevaluacion/", stored);
    }""", [SITE_PATH, stored])
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site.url}autoevaluacion/")
    total = page.locator(".md-content .quiz").count()
    assert page.locator(".digicom-quiz-score__total").inner_text() == TEXTS["es"]["score"].format(0, total)
    assert page.locator(".quiz-feedback-item").count() == 0 and errors == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_home_page_loads_no_quiz_assets(page, site, prefix):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site.url}{prefix}")
    assert requested and not [url for url in requested if "quiz" in url]
    assert page.evaluate("typeof window.mkdocsQuizConfig") == "undefined"
    assert page.locator(".quiz, style").count() == 0


def test_only_pages_with_a_quiz_carry_quiz_css_and_js(site):
    with_quiz = []
    for name in built_pages(site.built):
        path = site.built / name / "index.html" if not name.endswith(".html") else site.built / name
        html = path.read_text(encoding="utf-8")
        traces = [t for t in ("mkdocs-quiz.css", "quizzes.css", "quizzes.js", "mkdocsQuizConfig") if t in html]
        if 'class="quiz"' in html:
            with_quiz.append(name)
            assert len(traces) == 4, name
            body = html[html.index("<body"):]
            assert "<style" not in body and 'id="quiz-progress-sidebar"' not in body, name
            assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*\b(defer|type=\"text/javascript\")", body), name
        else:
            assert traces == [], name
    modules = [f"{prefix}{key}/" for prefix in ("", "en/") for key in modules_in_menu_order(site)]
    assert sorted(with_quiz) == sorted(modules + ["autoevaluacion/", "en/autoevaluacion/"])


@pytest.mark.parametrize(("locale", "scheme"), [("es", "light"), ("en", "dark")])  # both palettes, both languages
def test_axe_finds_nothing_in_a_modules_quiz_section(page, site, locale, scheme):
    texts, quizzes = TEXTS[locale], quizzes_of(site, site.module, locale)
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{site.url}{texts['prefix']}{site.module}/")
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    answer(page, 0, quizzes[0].correct_positions, texts["check"])
    answer(page, 1, wrong_positions(quizzes[1]), texts["check"])
    results = Axe().run(page, context={"include": [["#quiz"], [".quiz"]]}, options=AXE_OPTIONS)
    assert results.response["violations"] == [], results.generate_report()


def test_axe_finds_nothing_on_the_self_assessment_page(page, site):
    quizzes = [q for key in modules_in_menu_order(site)[:1] for q in quizzes_of(site, key, "es")[:2]]
    page.goto(f"{site.url}autoevaluacion/")
    answer(page, 0, quizzes[0].correct_positions, TEXTS["es"]["check"])
    answer(page, 1, wrong_positions(quizzes[1]), TEXTS["es"]["check"])
    results = Axe().run(page, context={"include": [[".md-content"]]}, options=AXE_OPTIONS)
    assert results.response["violations"] == [], results.generate_report()
