"""Quizzes as a merchant uses them, in Chromium: feedback in the page's language, answers
kept across a reload and the language switch, the self-assessment score, storage blocked or
holding something else, no quiz assets where there is no quiz, and no axe finding on the quiz
markup.

The tests run on the real site (session fixtures ``site_dir`` / ``site_url``); what a page must
show is worked out from the course model (``course.model.load_course``), never from the page."""

from __future__ import annotations

import functools
import re

import pytest
from playwright.sync_api import expect

from conftest import PageWatch, ROOT, SITE_PATH, axe_violations, built_pages, open_context, quiz_set_up, watch_page
from course.model import Course, load_course, read_settings
from course.quizzes import Quiz
from quizzes import SELF_ASSESSMENT_PER_MODULE

MODULE = "modulos/sms"  # a module with a one-answer question first and a "mark all" question
TEXTS = {
    "es": {"prefix": "", "check": "Comprobar", "retry": "Volver a intentarlo",
           "right": "¡Correcto! Lee la explicación de abajo.",
           "wrong": "No es correcta. Lee la explicación de abajo y vuelve a intentarlo.",
           "score": "Has acertado {} de {}.", "left_one": "Te falta 1 pregunta por responder.",
           "left": "Te faltan {} preguntas por responder.", "review": "Repasa el módulo «{}»",
           "offline": "Sin conexión: estas preguntas se podrán responder en cuanto vuelva la conexión, "
                      "sin recargar la página."},
    "en": {"prefix": "en/", "check": "Check", "retry": "Try again",
           "right": "Correct! Read the explanation below.",
           "wrong": "Not quite. Read the explanation below, then try again.",
           "score": "You got {} of {} right.", "left_one": "1 question left to answer.",
           "left": "{} questions left to answer.", "review": "Review the module “{}”"},
}


@functools.cache
def course() -> Course:
    """The real site as its editors wrote it."""
    return load_course(ROOT, read_settings(ROOT))


def quizzes_of(page_key: str, locale: str) -> list[Quiz]:
    page = course().page(page_key, locale)
    assert page is not None and page.block_problems == [], page_key
    return page.quizzes


def modules_in_menu_order(locale: str = "es") -> list[str]:
    """The module pages' keys as the menu lists them (``modulos/sms``)."""
    return [module.key for module in course().modules(locale)]


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


def ready(page, index: int):
    return quiz_set_up(page.locator(f"#quiz-{index}"))


def feedback(page, index: int) -> str:
    return ready(page, index).locator(".quiz-feedback").inner_text().strip()


def left_text(texts: dict, left: int) -> str:
    return "" if left == 0 else texts["left_one"] if left == 1 else texts["left"].format(left)


@pytest.mark.parametrize("locale", ["es", "en"])
def test_right_and_wrong_answers_get_feedback_and_the_explanation_in_the_pages_language(page, site_url, locale):
    texts, quizzes = TEXTS[locale], quizzes_of(MODULE, locale)
    page.goto(f"{site_url}{texts['prefix']}{MODULE}/")
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


def test_the_keyboard_picks_an_answer_without_sending_it(page, site_url):
    quizzes = quizzes_of(MODULE, "es")
    single = next(i for i, quiz in enumerate(quizzes) if not quiz.multiple)
    page.goto(f"{site_url}{MODULE}/")
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


def test_answers_survive_a_reload_and_the_language_switch_both_ways(page, site_url):
    spanish, english = quizzes_of(MODULE, "es"), quizzes_of(MODULE, "en")
    page.goto(f"{site_url}{MODULE}/")
    answer(page, 0, spanish[0].correct_positions, TEXTS["es"]["check"])
    answer(page, 2, wrong_positions(spanish[2]), TEXTS["es"]["check"])
    page.reload()
    assert feedback(page, 0) == TEXTS["es"]["right"] and feedback(page, 2) == TEXTS["es"]["wrong"]

    page.goto(f"{site_url}en/{MODULE}/")
    assert feedback(page, 0) == TEXTS["en"]["right"] and feedback(page, 2) == TEXTS["en"]["wrong"]
    checked = page.eval_on_selector_all("#quiz-2 input:checked", "inputs => inputs.map(i => Number(i.value) + 1)")
    assert checked == wrong_positions(english[2])
    assert page.locator("#quiz-1 .quiz-feedback").is_hidden()

    page.locator("#quiz-0").get_by_role("button", name=TEXTS["en"]["retry"]).click()
    answer(page, 0, wrong_positions(english[0]), TEXTS["en"]["check"])
    page.goto(f"{site_url}{MODULE}/")
    assert feedback(page, 0) == TEXTS["es"]["wrong"] and feedback(page, 2) == TEXTS["es"]["wrong"]


def test_finishing_a_module_fires_no_confetti(page, site_url):
    quizzes = quizzes_of(MODULE, "es")
    page.goto(f"{site_url}{MODULE}/")
    for index, quiz in enumerate(quizzes):
        answer(page, index, quiz.correct_positions, TEXTS["es"]["check"])
    page.wait_for_timeout(700)  # the plugin would start its confetti 500 ms after the last answer
    assert page.locator("canvas").count() == 0
    assert page.locator("#quiz-progress-sidebar, #quiz-progress-mobile, #quiz-results").count() == 0


@pytest.mark.parametrize("locale", ["es", "en"])
def test_the_self_assessment_scores_and_links_back_to_the_modules(page, site_url, locale):
    texts = TEXTS[locale]
    picked = []  # (module key, module title, quiz) in page order
    for module in course().modules(locale):
        picked += [(module.key, module.title, quiz) for quiz in module.quizzes[:SELF_ASSESSMENT_PER_MODULE]]
    total = len(picked)
    assert total >= 3  # enough for two right answers and a wrong one

    page.goto(f"{site_url}{texts['prefix']}autoevaluacion/")
    assert page.locator(".md-content .quiz").count() == total
    ready(page, 0)  # the first questions are on the first screen
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
    assert review.evaluate("a => a.href") == f"{site_url}{texts['prefix']}{key}/#quiz"

    assert score.locator(".digicom-quiz-score__total").inner_text() == texts["score"].format(2, total)
    assert score.locator(".digicom-quiz-score__left").inner_text() == left_text(texts, total - 3)
    items = score.locator(".digicom-quiz-score__missed li")
    assert items.count() == 1
    links = items.first.locator("a")
    assert links.nth(0).inner_text() == " ".join(missed.question)
    assert links.nth(0).evaluate("a => a.href") == f"{site_url}{texts['prefix']}autoevaluacion/#quiz-2"
    assert links.nth(1).inner_text() == texts["review"].format(title)
    assert links.nth(1).evaluate("a => a.href") == f"{site_url}{texts['prefix']}{key}/#quiz"

    page.reload()  # the score is rebuilt from the saved answers
    ready(page, 2)
    assert score.locator(".digicom-quiz-score__total").inner_text() == texts["score"].format(2, total)
    page.locator("#quiz-2").get_by_role("button", name=texts["retry"]).click()
    answer(page, 2, missed.correct_positions, texts["check"])
    assert score.locator(".digicom-quiz-score__total").inner_text() == texts["score"].format(3, total)
    assert score.locator(".digicom-quiz-score__missed").is_hidden()


def test_quizzes_work_with_storage_blocked(browser, site_url):
    """Storage that throws on access: answers still work and score, nothing of ours throws."""
    watch = PageWatch()
    context = open_context(browser, watch=watch, viewport={"width": 390, "height": 844})
    context.add_init_script("Object.defineProperty(window, 'localStorage', {get() {"
                            " throw new DOMException('blocked', 'SecurityError'); }});")
    page, uncaught = context.new_page(), []
    page.on("pageerror", lambda error: uncaught.append(str(error)))
    page.on("console", lambda m: m.type == "error" and watch.console_errors.append(m.text))
    page.goto(f"{site_url}autoevaluacion/")
    quizzes = [q for key in modules_in_menu_order()[:1] for q in quizzes_of(key, "es")[:2]]
    answer(page, 0, quizzes[0].correct_positions, TEXTS["es"]["check"])
    assert feedback(page, 0) == TEXTS["es"]["right"]
    total = page.locator(".md-content .quiz").count()
    assert page.locator(".digicom-quiz-score__total").inner_text() == TEXTS["es"]["score"].format(1, total)
    context.close()
    assert uncaught == [] and not watch.foreign_requests
    # Only the plugin's own notes that it could not load or save (it catches the error itself).
    assert watch.console_errors and all(re.match(r"Failed to (load|save) quiz progress", text)
                                        for text in watch.console_errors), watch.console_errors


@pytest.mark.parametrize("path", [MODULE + "/", "autoevaluacion/"])
def test_without_javascript_the_questions_and_answers_are_readable_and_nothing_breaks(browser, site_url, path):
    """Without JavaScript the plugin cannot check answers; the questions still read as a list of choices,
    a pick stays picked, and no score box or feedback shows half-made."""
    watch = PageWatch()
    context = open_context(browser, watch=watch, java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        watch_page(page, watch)
        page.goto(site_url + path)
        first = quizzes_of(MODULE if path.startswith(MODULE) else modules_in_menu_order()[0], "es")[0]
        quiz = page.locator("#quiz-0")
        assert quiz.locator(".quiz-question").inner_text().strip() == " ".join(first.question)
        labels = quiz.locator("fieldset label")
        assert labels.count() == len(first.answers)
        assert all(labels.nth(n).is_visible() for n in range(labels.count()))
        labels.nth(first.correct_positions[0] - 1).click()
        quiz.locator("button.quiz-button").click()
        assert page.url == site_url + path  # the form goes nowhere: the pick is not lost
        assert quiz.locator("input:checked").evaluate_all("inputs => inputs.map(i => Number(i.value) + 1)") \
            == [first.correct_positions[0]]
        assert quiz.locator(".quiz-feedback").is_hidden()
        score = page.locator("[data-digicom-quiz-score]")
        if path == "autoevaluacion/":
            assert score.count() == 1 and score.is_hidden()  # no "0 of N" that could never change
        else:
            assert score.count() == 0
        assert not watch.foreign_requests and not watch.console_errors
    finally:
        context.close()


@pytest.mark.parametrize("stored", ["[1, 2]", "{not json", '{"quiz-0": {"answered": "yes"}}'])
def test_malformed_saved_answers_are_ignored(page, site_url, stored):
    page.goto(site_url)
    page.evaluate("""([path, stored]) => {
        localStorage.setItem("quiz_progress_" + path + "en/autoevaluacion/", stored);
        localStorage.setItem("quiz_progress_" + path + "autoevaluacion/", stored);
    }""", [SITE_PATH, stored])
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}autoevaluacion/")
    total = page.locator(".md-content .quiz").count()
    ready(page, 0)
    assert page.locator(".digicom-quiz-score__total").inner_text() == TEXTS["es"]["score"].format(0, total)
    assert page.locator(".quiz-feedback-item").count() == 0 and errors == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_home_page_loads_no_quiz_assets(page, site_url, prefix):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}{prefix}")
    assert requested and not [url for url in requested if "quiz" in url]
    assert page.evaluate("typeof window.mkdocsQuizConfig") == "undefined"
    assert page.locator(".quiz, style").count() == 0


def test_only_pages_with_a_quiz_carry_quiz_css_and_js(site_dir):
    with_quiz = []
    for name in built_pages(site_dir):
        path = site_dir / name / "index.html" if not name.endswith(".html") else site_dir / name
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
    modules = [f"{prefix}{key}/" for prefix in ("", "en/") for key in modules_in_menu_order()]
    assert sorted(with_quiz) == sorted(modules + ["autoevaluacion/", "en/autoevaluacion/"])


@pytest.mark.parametrize(("locale", "scheme"), [("es", "light"), ("en", "dark")])  # both palettes, both languages
def test_axe_finds_nothing_in_a_modules_quiz_section(page, site_url, locale, scheme):
    texts, quizzes = TEXTS[locale], quizzes_of(MODULE, locale)
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{site_url}{texts['prefix']}{MODULE}/")
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    answer(page, 0, quizzes[0].correct_positions, texts["check"])
    answer(page, 1, wrong_positions(quizzes[1]), texts["check"])
    assert axe_violations(page, {"include": [["#quiz"], [".quiz"]]}, rules={"heading-order": {"enabled": True}}) == []


def test_axe_finds_nothing_on_the_self_assessment_page(page, site_url):
    quizzes = [q for key in modules_in_menu_order()[:1] for q in quizzes_of(key, "es")[:2]]
    page.goto(f"{site_url}autoevaluacion/")
    answer(page, 0, quizzes[0].correct_positions, TEXTS["es"]["check"])
    answer(page, 1, wrong_positions(quizzes[1]), TEXTS["es"]["check"])
    assert axe_violations(page, {"include": [[".md-content"]]}, rules={"heading-order": {"enabled": True}}) == []


# ── Loaded when the merchant nears a question (load-near.js) ─────────────────

QUIZ_SCRIPTS = ("/assets/javascripts/quizzes.js", "/assets/javascripts/mkdocs-quiz.js")


def test_a_phone_loads_the_quiz_scripts_only_near_a_question_and_sets_each_question_up_once(page, site_url):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}{MODULE}/")
    page.wait_for_load_state("networkidle")
    first = page.locator(".md-content .quiz").first
    screen = page.viewport_size["height"]
    assert first.evaluate("quiz => quiz.getBoundingClientRect().top") > 2 * screen, \
        f"{MODULE}'s first question is near the top: this test needs one further down"
    assert not [url for url in requested if url.endswith(QUIZ_SCRIPTS)]  # the first screen does without them
    ready(page, 0)
    # Fetched together, once each (they run in order: the restore tests in test_progress_browser.py
    # fail if the plugin reads the answers before quizzes.js has handed them over).
    assert sorted(url.split("/assets/")[1] for url in requested if url.endswith(QUIZ_SCRIPTS)) == \
        ["javascripts/mkdocs-quiz.js", "javascripts/quizzes.js"]
    # Loaded after Material's bundle, the plugin would set every question up twice (document$).
    quizzes = page.locator(".md-content .quiz")
    assert page.locator(".quiz-reset-button").count() == quizzes.count() == len(quizzes_of(MODULE, "es"))
    assert page.evaluate("typeof window.document$.subscribe") == "function"  # Material's, given back


def test_an_answer_sent_before_the_quiz_scripts_arrive_counts_when_they_do(page, site_url):
    held = []
    plugin = "**/assets/javascripts/mkdocs-quiz.js"
    page.route(plugin, lambda route: held.append(route))  # a slow line: the plugin's code waits
    quiz = quizzes_of(MODULE, "es")[0]
    page.goto(f"{site_url}{MODULE}/")
    box = page.locator("#quiz-0")
    for position in quiz.correct_positions:
        box.locator(f'label[for="quiz-0-{position - 1}"]').click()
    box.get_by_role("button", name=TEXTS["es"]["check"]).click()
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(50)
    assert held and box.locator(".quiz-feedback").is_hidden()  # sent, with nothing yet to check it
    held[0].fallback()
    expect(box.locator(".quiz-feedback")).to_have_text(TEXTS["es"]["right"])
    page.unroute(plugin)
    page.reload()
    assert feedback(page, 0) == TEXTS["es"]["right"]  # and kept


def test_quiz_scripts_that_could_not_load_offline_load_when_the_network_is_back(context, page, site_url, watch):
    page.goto(f"{site_url}{MODULE}/")
    page.wait_for_load_state("networkidle")
    context.set_offline(True)
    page.locator("#quiz-0").scroll_into_view_if_needed()
    page.locator("#quiz-0 label").first.click()
    note = page.locator(".digicom-near-offline[role=status]")
    expect(note).to_have_text(TEXTS["es"]["offline"])  # a tap that does nothing is explained
    assert page.locator(".quiz-reset-button").count() == 0  # nothing could be fetched
    assert note.evaluate("n => n.nextElementSibling.id") == "quiz-0"  # just above the first question
    context.set_offline(False)
    box = ready(page, 0)  # fetched again once the browser is back online, without a reload
    expect(note).to_have_count(0)
    box.get_by_role("button", name=TEXTS["es"]["check"]).click()
    assert box.locator(".quiz-feedback").inner_text().strip() in (TEXTS["es"]["right"], TEXTS["es"]["wrong"])
    assert page.locator(".quiz-reset-button").count() == page.locator(".md-content .quiz").count()
    assert set(watch.console_errors) <= {"Failed to load resource: net::ERR_INTERNET_DISCONNECTED"}
    watch.console_errors.clear()
