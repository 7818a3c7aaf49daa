"""Progress as a merchant lives it, in Chromium on a phone (390×844, touch): answers that stay on
their questions when the course changes and when old positional answers are carried over; progress
taken to a fresh browser by link (and its QR code) and by file, merged and reported; the home page's
"continue where you left off" and each module's progress; "Mi progreso" with the quiz results; the
self-assessment showing answers given in the modules; two tabs at once; storage blocked, full or
corrupt; and no axe finding in any of these states.

The tests run on the real site (session fixtures ``site_dir`` / ``site_url``), except the one about a
course update, which builds the fixture site before and after an editor's change. Ids are read from
the page (``data-quiz-id``, ``data-checklist-item``); right answers come from the course model."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest

from conftest import (ROOT, SITE_PATH, PageWatch, axe_violations, build_site, make_site, open_context, quiz_set_up,
                      served_then_deployed, watch_page)
from course.model import Course, load_course, read_settings

# No service worker (tests/test_app_offline.py tests it): it would download the whole site in every test.
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "locale": "es-ES",
         "service_workers": "block"}
TICKS, QUIZZES, VISITS = "digicom.checklists.v1", "digicom.quizzes.v1", "digicom.progress.v1"
SMS = "modulos/sms/"
RIGHT = "¡Correcto! Lee la explicación de abajo."
WRONG = "No es correcta. Lee la explicación de abajo y vuelve a intentarlo."
BLOCK_STORAGE = """Object.defineProperty(window, "localStorage", {configurable: true,
  get() { throw new DOMException("The user blocked storage", "SecurityError"); }});"""
# mkdocs-quiz's own messages when it cannot read or write its progress (it catches the error itself).
PLUGIN_STORAGE_ERRORS = re.compile(r"Failed to (load|save) quiz progress")


@functools.cache
def course() -> Course:
    return load_course(ROOT, read_settings(ROOT))


def module(key: str):
    return course().page(key, "es")


def wrong(quiz) -> list[int]:
    first_wrong = next(n for n, a in enumerate(quiz.answers, start=1) if not a.correct)
    return [quiz.correct_positions[0], first_wrong] if quiz.multiple else [first_wrong]


@pytest.fixture
def phone(browser):
    """A new phone: a fresh browser context, and its console errors and foreign requests checked."""
    opened = []

    def new(*, init: str = "", allow_plugin_errors: bool = False):
        watch = PageWatch()
        context = open_context(browser, watch=watch, **PHONE)
        if init:
            context.add_init_script(init)
        page = context.new_page()
        watch_page(page, watch)
        opened.append((context, watch, allow_plugin_errors))
        return page

    yield new
    for context, watch, allow in opened:
        context.close()
        errors = [e for e in watch.console_errors if not (allow and PLUGIN_STORAGE_ERRORS.match(e))]
        assert not errors, f"console errors: {errors}"
        assert not watch.foreign_requests, watch.foreign_requests


def answer(page, quiz_id: str, positions) -> None:
    """Pick answers (1-based) of the question with this id, by touch, and press its check button."""
    box = page.locator(f'.quiz[data-quiz-id="{quiz_id}"]')
    for position in positions:
        box.locator("fieldset label").nth(position - 1).tap()
    box.locator("button.quiz-button:not(.quiz-reset-button)").tap()
    # The browser turns a tap into a click a moment later: the answer is kept once its feedback shows.
    box.locator(".quiz-feedback").wait_for(state="visible")


def ready(page, quiz_id: str):
    return quiz_set_up(page.locator(f'.quiz[data-quiz-id="{quiz_id}"]'))


def feedback(page, quiz_id: str) -> str:
    shown = ready(page, quiz_id).locator(".quiz-feedback")
    return shown.inner_text().strip() if shown.is_visible() else ""


def stored(page, key: str):
    return page.evaluate("key => JSON.parse(localStorage.getItem(key))", key)


def open_checklists(page, url: str) -> None:
    page.goto(url)
    page.locator("[data-checklist-status]").first.wait_for(state="visible")


def box_ids(page, checklist: str = "#checklist-sms-1") -> list[str]:
    return page.locator(f"{checklist} input[data-checklist-item]").evaluate_all(
        "boxes => boxes.map(box => box.dataset.checklistItem)")


def do_some_sms(page, site_url: str) -> dict:
    """Tick the first and third SMS items, answer the first SMS question right and the second wrong."""
    sms = module("modulos/sms")
    open_checklists(page, site_url + SMS)
    items = box_ids(page)
    page.locator("#checklist-sms-1 label").nth(0).tap()
    page.locator("#checklist-sms-1 label").nth(2).tap()
    answer(page, sms.quizzes[0].id, sms.quizzes[0].correct_positions)
    answer(page, sms.quizzes[1].id, wrong(sms.quizzes[1]))
    assert feedback(page, sms.quizzes[0].id) == RIGHT and feedback(page, sms.quizzes[1].id) == WRONG
    return {"ticks": [items[0], items[2]], "right": sms.quizzes[0].id, "wrong": sms.quizzes[1].id}


def make_link(page, site_url: str) -> str:
    page.goto(site_url + "mi-progreso/")
    section = page.locator("[data-progress-transfer]")
    section.get_by_role("button", name="Crear mi enlace y mi código QR").tap()
    page.locator("[data-progress-qr] svg").wait_for()
    return page.locator("[data-progress-address]").input_value()


# ── Answers stay on their questions ───────────────────────────────────────────

@pytest.fixture(scope="module")
def updated_site(tmp_path_factory):
    """The fixture site as published, then after an editor added a question above the SMS question
    and an item above the SMS checklist's first (both languages); served one after the other from
    the same address."""
    work = tmp_path_factory.mktemp("progress-update")
    before = build_site(make_site(work / "before"))
    after = build_site(make_site(work / "after", replace=[
        ("docs/modulos/sms.es.md", "<quiz>\n¿Qué necesitas",
         "<quiz>\n¿Cuántos caracteres caben en un SMS?\n- [x] 160\n- [ ] 500\n\nCaben 160.\n</quiz>\n\n"
         "<quiz>\n¿Qué necesitas"),
        ("docs/modulos/sms.en.md", "<quiz>\nWhat do you need",
         "<quiz>\nHow many characters fit in one SMS?\n- [x] 160\n- [ ] 500\n\n160 fit.\n</quiz>\n\n"
         "<quiz>\nWhat do you need"),
        ("docs/modulos/sms.es.md", "    - [ ] Tengo el permiso", "    - [ ] He quitado a quien pidió la baja.\n"
                                                                  "    - [ ] Tengo el permiso"),
        ("docs/modulos/sms.en.md", "    - [ ] ", "    - [ ] I removed everyone who opted out.\n    - [ ] "),
    ]))
    assert before.ok and after.ok, before.log + after.log
    with served_then_deployed(work, before.site, after.site) as served:
        yield served


def test_an_answer_stays_on_its_question_when_the_editor_adds_one_above_it(phone, updated_site):
    url, publish_the_update = updated_site
    page = phone()
    page.goto(url + SMS)
    question = page.locator(".quiz").first.get_attribute("data-quiz-id")
    page.locator("#quiz-0 fieldset label").nth(0).tap()  # "Nada": wrong
    page.locator("#quiz-0 button.quiz-button").first.tap()
    assert page.locator("#quiz-0 .quiz-feedback").inner_text().strip() == WRONG

    publish_the_update()
    page.reload()
    assert page.locator(".quiz").count() == 2
    assert page.locator("#quiz-1").get_attribute("data-quiz-id") == question
    assert feedback(page, question) == WRONG  # still on its question, now the second
    assert page.locator("#quiz-0 .quiz-feedback").is_hidden()  # the new one starts unanswered
    page.goto(url + "en/" + SMS)
    assert feedback(page, question) == "Not quite. Read the explanation below, then try again."
    page.goto(url + "autoevaluacion/")
    assert feedback(page, question) == WRONG


def test_answers_kept_by_position_before_are_carried_over_once(phone, site_url):
    """Until December 2026 mkdocs-quiz kept answers by position ("quiz-0") under the page's address:
    they move to their questions' ids the first time the page opens, on every page that shows the
    question; after that, the positional copy is only a copy and never overrides the answer."""
    sms = module("modulos/sms")
    q0, q2 = sms.quizzes[0], sms.quizzes[2]
    old = {"quiz-0": {"answered": True, "correct": True,
                      "selectedValues": [str(p - 1) for p in q0.correct_positions]},
           "quiz-2": {"answered": True, "correct": False, "selectedValues": [str(p - 1) for p in wrong(q2)]},
           "quiz-9": {"answered": True, "correct": True, "selectedValues": ["0"]}}
    path = SITE_PATH + SMS
    page = phone(init=f"if (!localStorage.getItem('{QUIZZES}')) localStorage.setItem("
                      f"{json.dumps('quiz_progress_' + path)}, {json.dumps(json.dumps(old))});")
    page.goto(site_url + SMS)
    assert feedback(page, q0.id) == RIGHT and feedback(page, q2.id) == WRONG
    assert feedback(page, sms.quizzes[1].id) == ""
    kept = stored(page, QUIZZES)
    assert kept["answers"] == {q0.id: {"correct": True, "selected": old["quiz-0"]["selectedValues"]},
                               q2.id: {"correct": False, "selected": old["quiz-2"]["selectedValues"]}}
    assert kept["moved"][path] is True and kept["moved"][SITE_PATH + "en/" + SMS] is True
    # In English, on the self-assessment and on "Mi progreso": the same answers.
    page.goto(site_url + "en/" + SMS)
    assert ready(page, q0.id).locator(".quiz-feedback-item.correct").count() == 1
    page.goto(site_url + "autoevaluacion/")
    assert feedback(page, q0.id) == RIGHT
    # A stale positional copy (as an old tab might write) does not move answers again.
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  ["quiz_progress_" + path, json.dumps({"quiz-1": old["quiz-0"]})])
    page.goto(site_url + SMS)
    assert feedback(page, sms.quizzes[1].id) == "" and feedback(page, q0.id) == RIGHT
    # "Try again" forgets the answer for good, everywhere.
    page.locator(f'.quiz[data-quiz-id="{q0.id}"]').get_by_role("button", name="Volver a intentarlo").tap()
    page.locator(f'.quiz[data-quiz-id="{q0.id}"] .quiz-feedback').wait_for(state="hidden")
    assert q0.id not in stored(page, QUIZZES)["answers"]
    page.goto(site_url + "autoevaluacion/")
    assert feedback(page, q0.id) == ""


# ── Coming back: the home page and "Mi progreso" ──────────────────────────────

COUNT_PERSIST = """window.persistAsked = 0; if (navigator.storage) { navigator.storage.persist = () => {
  window.persistAsked += 1; return Promise.resolve(false); }; }"""


def test_the_home_page_shows_the_first_module_then_where_to_continue_and_each_modules_progress(phone, site_url):
    page = phone(init=COUNT_PERSIST)
    page.goto(site_url)
    first = course().modules("es")[0]
    start = page.locator("[data-progress-start]")
    assert start.inner_text() == f"Empieza por el primer módulo: {first.title}"
    box = start.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844 and box["height"] >= 44  # above the fold
    assert "md-button--primary" in start.get_attribute("class")
    assert page.locator("[data-progress-continue]").is_hidden()
    assert page.locator("[data-progress-text]:visible").count() == 0
    start.tap()
    page.wait_for_url(site_url + first.key + "/")

    done = do_some_sms(page, site_url)
    assert page.evaluate("window.persistAsked") == 1  # the browser is asked to keep the storage, once a page
    page.goto(site_url)
    sms = module("modulos/sms")
    items = sum(len(checklist.items) for checklist in sms.checklists)
    expected = f"2 de {items} marcas · 1 de {len(sms.quizzes)} preguntas acertadas"
    resume = page.locator("[data-progress-continue]")
    assert resume.is_visible()
    assert resume.locator("a").inner_text() == sms.title
    assert resume.locator("a").evaluate("a => a.href") == site_url + SMS
    assert resume.locator("[data-progress-continue-text]").inner_text() == expected
    assert "md-button--primary" not in start.get_attribute("class")  # one filled button: "continue"
    shown = page.locator("[data-progress-text]:visible")
    assert shown.count() == 1 and shown.inner_text() == f"Tu progreso: {expected}"
    assert page.locator('[data-progress-module="sms"] [data-progress-text]').is_visible()
    assert axe_violations(page, ".digicom-modules") == []

    # The last module opened is the one to continue; in English too.
    page.goto(site_url + "modulos/email/")
    page.goto(site_url + "en/")
    email = course().page("modulos/email", "en")
    assert page.locator("[data-progress-continue] a").inner_text() == email.title
    assert page.locator('[data-progress-module="sms"] [data-progress-text]').inner_text() == \
        f"Your progress: 2 of {items} ticks · 1 of {len(sms.quizzes)} questions right"
    assert done["right"] in stored(page, QUIZZES)["answers"]


def test_my_progress_shows_each_modules_quiz_results_and_the_self_assessment_shows_module_answers(phone, site_url):
    page = phone()
    done = do_some_sms(page, site_url)
    sms = module("modulos/sms")
    page.goto(site_url + "mi-progreso/")
    line = page.locator('[data-progress-questions] [data-progress-quiz]').nth(
        [m.key for m in course().modules("es") if m.checklists or m.quizzes].index("modulos/sms"))
    assert line.inner_text() == f"Preguntas: 1 de {len(sms.quizzes)} acertadas · 1 por repasar Ir a las preguntas"
    assert line.locator("a").get_attribute("href") == "../modulos/sms/#quiz"
    total = sum(len(m.quizzes) for m in course().modules("es"))
    assert page.locator("[data-progress-quiz-summary]").inner_text() == f"Preguntas, en total: 1 de {total} acertadas"
    untouched = page.locator("[data-progress-quiz]").first
    assert untouched.inner_text().startswith("Preguntas: 0 de ")
    assert axe_violations(page, {"include": [["[data-progress-quiz]"], ["[data-progress-quiz-summary]"]]}) == []

    page.goto(site_url + "en/mi-progreso/")
    assert line.inner_text() == f"Questions: 1 of {len(sms.quizzes)} right · 1 to go over again Go to the questions"

    # The self-assessment shows the answer given in the module, and counts it.
    page.goto(site_url + "autoevaluacion/")
    assert feedback(page, done["right"]) == RIGHT
    assert feedback(page, done["wrong"]) == WRONG
    total_here = page.locator(".md-content .quiz").count()
    assert page.locator(".digicom-quiz-score__total").inner_text() == f"Has acertado 1 de {total_here}."
    # Answered here, it shows on the module.
    first = course().modules("es")[0]
    answer(page, first.quizzes[0].id, first.quizzes[0].correct_positions)
    page.goto(site_url + first.key + "/")
    assert feedback(page, first.quizzes[0].id) == RIGHT
    page.goto(site_url + "autoevaluacion/")
    shown = [[f'.quiz[data-quiz-id="{quiz_id}"]'] for quiz_id in (done["right"], done["wrong"], first.quizzes[0].id)]
    assert axe_violations(page, {"include": shown + [[".digicom-quiz-score"]]}) == []


# ── Progress that travels ─────────────────────────────────────────────────────

def test_progress_moves_to_a_fresh_browser_through_the_link_and_its_qr_code(phone, site_url):
    first = phone()
    done = do_some_sms(first, site_url)
    link = make_link(first, site_url)
    assert link.startswith(site_url + "mi-progreso/#p=1.")
    assert "SMS:" in link and "?" not in link  # the progress is in the fragment only
    qr = first.locator("[data-progress-qr] svg")
    assert qr.get_attribute("role") == "img" and qr.get_attribute("aria-label") == "Código QR con tu enlace de progreso"
    assert qr.bounding_box()["width"] >= 200
    assert first.evaluate("() => document.activeElement.hasAttribute('data-progress-address')")
    assert axe_violations(first, ".digicom-transfer") == []

    # Another phone, with a tick of its own and the wrong answer where the first got it right.
    sms = module("modulos/sms")
    other = phone()
    open_checklists(other, site_url + SMS)
    other.locator("#checklist-sms-1 label").nth(1).tap()
    answer(other, done["right"], wrong(sms.quizzes[0]))
    mine = box_ids(other)[1]

    requests = []
    other.on("request", lambda request: requests.append(request.url))
    other.goto(link)
    status = other.locator("[data-progress-status]")
    assert status.inner_text() == ("Listo: se han añadido 2 marcas y 1 respuesta. 1 pregunta ya tenía aquí otra "
                                   "respuesta: se queda la acertada y, si ninguna lo está, la de este navegador.")
    assert status.get_attribute("role") == "status"
    assert not [url for url in requests if "#" in url or "p=" in url]  # the fragment never left the browser
    assert other.url == site_url + "mi-progreso/#take-away"  # taken off the address once merged
    assert set(stored(other, TICKS)) == {*done["ticks"], mine}
    answers = stored(other, QUIZZES)["answers"]
    assert answers[done["right"]]["correct"] is True and answers[done["wrong"]]["correct"] is False
    assert other.locator(f'input[data-checklist-item="{done["ticks"][0]}"]').is_checked()
    assert axe_violations(other, ".digicom-transfer") == []
    # The same link again brings nothing new.
    other.goto(link)
    assert status.inner_text() == "No había nada nuevo: todo lo que trae ya estaba en este navegador."
    other.goto(site_url + SMS)
    assert feedback(other, done["right"]) == RIGHT

    # A link that was cut or changed changes nothing, and says so.
    cut = phone()
    cut.goto(link[:-3] + "ZZ!")
    assert cut.locator("[data-progress-status]").inner_text() == \
        "Ese enlace o archivo no trae un progreso del curso que se pueda leer: no se ha cambiado nada."
    assert cut.evaluate(f"() => localStorage.getItem('{TICKS}')") is None


def test_progress_moves_to_a_fresh_browser_through_a_saved_file(phone, site_url, tmp_path):
    first = phone()
    done = do_some_sms(first, site_url)
    first.goto(site_url + "mi-progreso/")
    with first.expect_download() as download:
        first.get_by_role("button", name="Guardar en un archivo").tap()
    assert re.fullmatch(r"curso-digicom-progreso-\d{4}-\d\d-\d\d\.json", download.value.suggested_filename)
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "curso-digicom-progreso" and data["version"] == 1
    assert sorted(data["ticks"]) == sorted(done["ticks"])

    other = phone()
    other.goto(site_url + "en/mi-progreso/")
    with other.expect_file_chooser() as chooser:
        other.get_by_role("button", name="Open a progress file").tap()
    chooser.value.set_files(saved)
    status = other.locator("[data-progress-status]")
    status.filter(has_text="Done").wait_for()
    assert status.inner_text() == "Done: 2 ticks and 2 answers added."
    assert set(stored(other, TICKS)) == set(done["ticks"])
    assert set(stored(other, QUIZZES)["answers"]) == {done["right"], done["wrong"]}

    foreign = tmp_path / "other.json"
    foreign.write_text('{"ticks": ["sms/0000000000"]}', encoding="utf-8")
    other.locator("[data-progress-file]").set_input_files(foreign)
    status.filter(has_text="nothing was changed").wait_for()
    assert set(stored(other, TICKS)) == set(done["ticks"])


def test_two_tabs_at_once_keep_each_others_answers_and_ticks(phone, site_url):
    sms = module("modulos/sms")
    one = phone()
    one.goto(site_url + SMS)
    two = one.context.new_page()
    two.goto(site_url + SMS)
    summary = one.context.new_page()
    summary.goto(site_url + "mi-progreso/")
    # (A tab in the background gets no animation frames: Playwright waits for them, so bring each to the front.)
    one.bring_to_front()
    answer(one, sms.quizzes[0].id, sms.quizzes[0].correct_positions)
    two.bring_to_front()
    answer(two, sms.quizzes[1].id, sms.quizzes[1].correct_positions)  # this tab never saw the first answer
    assert set(stored(one, QUIZZES)["answers"]) == {sms.quizzes[0].id, sms.quizzes[1].id}
    one.bring_to_front()
    one.locator("#checklist-sms-1 label").nth(0).tap()
    two.locator("#checklist-sms-1 [data-checklist-count]").filter(has_text="1 de").wait_for()  # storage event
    index = [m.key for m in course().modules("es") if m.checklists or m.quizzes].index("modulos/sms")
    summary.locator("[data-progress-quiz]").nth(index).filter(has_text="Preguntas: 2 de").wait_for()
    two.reload()
    assert feedback(two, sms.quizzes[0].id) == RIGHT and feedback(two, sms.quizzes[1].id) == RIGHT


# ── Storage blocked, full or corrupt ──────────────────────────────────────────

def test_with_storage_blocked_every_progress_page_works_and_says_so(phone, site_url):
    page = phone(init=BLOCK_STORAGE, allow_plugin_errors=True)
    sms = module("modulos/sms")
    page.goto(site_url + SMS)
    ready(page, sms.quizzes[0].id)
    note = page.locator(".digicom-quiz-note")
    assert note.inner_text() == ("Este navegador no deja guardar tus respuestas: se perderán al recargar "
                                 "o cerrar la página.")
    answer(page, sms.quizzes[0].id, sms.quizzes[0].correct_positions)
    assert feedback(page, sms.quizzes[0].id) == RIGHT
    page.goto(site_url)
    assert page.locator("[data-progress-continue]").is_hidden() and page.locator("[data-progress-start]").is_visible()
    page.goto(site_url + "mi-progreso/#p=1.SMS:26FE7730A1:")
    problem = page.locator("[data-progress-problem]")
    assert problem.inner_text().startswith("Este navegador no deja guardar tu progreso")
    assert page.locator("[data-progress-status]").inner_text() == \
        "Este navegador no deja guardar tu progreso, así que no se ha podido añadir."
    page.get_by_role("button", name="Crear mi enlace y mi código QR").tap()
    assert page.locator("[data-progress-status]").inner_text().startswith("Todavía no has marcado nada")
    assert axe_violations(page, ".digicom-transfer") == []


FULL_STORAGE = """(() => { const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (String(key).startsWith("digicom.") || String(key).startsWith("quiz_progress_"))
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    return setItem.call(this, key, value);
  }; })();"""


def test_with_storage_full_the_page_says_what_was_not_kept(phone, site_url):
    page = phone(init=FULL_STORAGE, allow_plugin_errors=True)
    sms = module("modulos/sms")
    page.goto(site_url + SMS)
    answer(page, sms.quizzes[0].id, sms.quizzes[0].correct_positions)
    assert feedback(page, sms.quizzes[0].id) == RIGHT
    assert page.locator(".digicom-quiz-note").inner_text() == ("Este navegador no tiene sitio para guardar más: "
                                                              "lo último que has marcado o respondido no se ha guardado.")
    page.goto(site_url + "mi-progreso/")
    page.locator("#checklist-sms-1 label").first.tap()
    assert page.locator("[data-progress-problem]").inner_text().startswith("Este navegador no tiene sitio")
    assert "no deja guardar" in page.locator("#checklist-sms-1 [data-checklist-note]").inner_text()


CORRUPT = {
    "not JSON": "{not json",
    "a list": "[1, 2]",
    "wrong shapes": json.dumps({"answers": {"sms/q-924a1dd67a": {"correct": "yes"}, "../x": {"correct": True}},
                                "moved": "all"}),
    "null": "null",
}


def test_corrupt_or_old_progress_reads_as_nothing_and_is_replaced_by_the_next_answer(phone, site_url):
    sms = module("modulos/sms")
    for number, (name, value) in enumerate(CORRUPT.items()):
        init = (f"if (!sessionStorage.getItem('seeded')) {{ sessionStorage.setItem('seeded', '1');"
                f" localStorage.setItem('{QUIZZES}', {json.dumps(value)});"
                f" localStorage.setItem('{VISITS}', {json.dumps(value)}); }}")
        page = phone(init=init)
        if number == 0:  # the pages that only read progress, once
            page.goto(site_url)
            assert page.locator("[data-progress-continue]").is_hidden(), name
            page.goto(site_url + "mi-progreso/")
            assert page.locator("[data-progress-quiz]").first.inner_text().startswith("Preguntas: 0 de "), name
        page.goto(site_url + SMS)
        assert all(feedback(page, quiz.id) == "" for quiz in sms.quizzes), name
        answer(page, sms.quizzes[0].id, sms.quizzes[0].correct_positions)
        assert list(stored(page, QUIZZES)["answers"]) == [sms.quizzes[0].id], name
        assert stored(page, VISITS) == {"last": "sms"}, name
        page.context.close()
