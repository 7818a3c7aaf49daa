"""Teaching in a real room, in Chromium, on the real site: the presenter window, slides that fit a
projector, keys that always move slides, handouts that are the same for everyone, and "Presentar"
once the wifi has gone.

What a module holds (its slides, which notes go with which slide, each section's planned minutes)
comes from the course model (``course.slides.plan_slides``, the plan the build puts in the page),
so editing the content does not break these tests; the browser must then do exactly what the plan
says. Screens: a trainer's laptop (1366 × 768) and a projector (1920 × 1080)."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, axe_violations
from course.model import load_course, read_settings
from course.slides import plan_slides

LAPTOP = {"width": 1366, "height": 768}
PROJECTOR = {"width": 1920, "height": 1080}
SMALLEST_TEXT = 24  # px on a slide, at 1366 × 768 (presentation.css says why)
VIEW = ".digicom-present-view"
BUTTON = ".digicom-present__button"
COURSE = load_course(ROOT, read_settings(ROOT))
MODULES = [(locale, module) for locale in COURSE.locales for module in COURSE.modules(locale)]
SMS = COURSE.page("modulos/sms", "es")


def address(module) -> str:
    return ("" if module.locale == COURSE.default else f"{module.locale}/") + module.key + "/"


def open_view(page, site_url: str, module) -> None:
    page.goto(site_url + address(module))
    page.locator(BUTTON).click()
    page.locator(VIEW).wait_for(state="visible")


def open_presenter(audience):
    with audience.expect_popup() as popup:
        audience.locator(".digicom-present__presenter").click()
    presenter = popup.value
    presenter.locator("[data-counter]").wait_for()
    return presenter


def shown(window, number: int, presenter: bool) -> None:
    """Wait until the window shows slide ``number``."""
    where = "document.documentElement" if presenter else f"document.querySelector('{VIEW}')"
    window.wait_for_function(f"n => {where}.dataset.slide === String(n)", arg=number, timeout=3000)


# ── Slides that fit ──────────────────────────────────────────────────────────

# Every slide laid out at once, one under the other, each against the room a slide has on this screen.
MEASURE = """smallest => {
  const stage = document.querySelector('.digicom-present__stage');
  const slides = Array.from(document.querySelectorAll('.digicom-present__slide'));
  const style = getComputedStyle(stage);
  const room = stage.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  const showing = slides.findIndex(slide => !slide.hidden);
  slides.forEach(slide => { slide.hidden = false; });
  const problems = [];
  slides.forEach((slide, index) => {
    const box = slide.getBoundingClientRect();
    const where = `slide ${index + 1} «${slide.querySelector('.digicom-present__title').textContent}»`;
    if (box.height > room + 1) problems.push(`${where}: ${Math.round(box.height - room)}px taller than the screen`);
    slide.querySelectorAll('*').forEach(node => {
      if (!node.getClientRects().length) return;
      const rect = node.getBoundingClientRect();
      const name = `${node.tagName.toLowerCase()}.${node.className}`;
      if (rect.right > box.right + 1 || rect.left < box.left - 1 || rect.bottom > box.top + room + 1)
        problems.push(`${where}: ${name} is cut off`);
      const look = getComputedStyle(node);
      if (look.overflowX !== 'visible' && node.scrollWidth > node.clientWidth + 1)
        problems.push(`${where}: ${name} scrolls inside`);
      const text = Array.from(node.childNodes).some(child => child.nodeType === 3 && child.textContent.trim());
      if (text && parseFloat(look.fontSize) < smallest) problems.push(`${where}: ${name} has ${look.fontSize} text`);
    });
  });
  slides.forEach((slide, index) => { slide.hidden = index !== showing; });
  if (stage.scrollHeight > stage.clientHeight + 1 || stage.scrollWidth > stage.clientWidth + 1)
    problems.push(`slide ${showing + 1}: the screen scrolls`);
  return [slides.length, problems];
}"""


def test_every_slide_of_every_module_fits_the_screen_in_large_type(page, site_url):
    """No slide scrolls or cuts anything off (long example messages wrap, tables fit), on a laptop
    and on a projector, and no text on a slide is smaller than 24 px at 1366 × 768 (34 px at
    1920 × 1080). The browser cuts the slides exactly where the build's plan says."""
    problems = []
    for _, module in MODULES:
        page.set_viewport_size(LAPTOP)
        open_view(page, site_url, module)
        for screen in (LAPTOP, PROJECTOR):
            page.set_viewport_size(screen)
            smallest = SMALLEST_TEXT * screen["height"] / LAPTOP["height"]
            total, found = page.evaluate(MEASURE, smallest * 0.99)
            assert total == len(plan_slides(module).slides), module.file
            problems += [f"{module.file} at {screen['width']}x{screen['height']}: {problem}" for problem in found]
    assert not problems, "\n".join(problems)


def test_long_sections_are_split_by_their_content_without_stubs(page, site_url):
    plan = plan_slides(SMS)
    page.set_viewport_size(LAPTOP)
    open_view(page, site_url, SMS)
    titles = page.eval_on_selector_all(".digicom-present__title", "titles => titles.map(t => t.textContent)")
    assert len(titles) == len(plan.slides) and titles[0] == SMS.title
    assert not [title for title in titles if "continuación" in title]
    steps = [slide for slide in plan.slides if plan.sections[slide.section].anchor == "steps"]
    assert len(steps) > 3
    assert [titles[slide.number - 1] for slide in steps] == [
        f"Paso a paso ({n} de {len(steps)})" for n in range(1, len(steps) + 1)]
    # A "###" subsection starts a slide where the section is cut.
    subheadings = page.eval_on_selector_all(
        ".digicom-present__slide", "slides => slides.map(s => s.querySelector(':scope > h3')?.textContent ?? null)")
    starts = [subheadings[slide.number - 1] for slide in steps if subheadings[slide.number - 1]]
    assert len(starts) == 7, starts
    words = page.eval_on_selector_all(
        ".digicom-present__slide", "slides => slides.map(s => s.textContent.trim().split(/\\s+/).length)")
    assert max(words) < 130


# ── The presenter window ─────────────────────────────────────────────────────

NOTES = """() => Array.from(document.querySelectorAll('article aside.digicom-trainer-note'))
                  .map(note => note.textContent.replace(/\\s+/g, ' ').trim())"""
EVERY_SLIDE = """total => Array.from({length: total}, (_, index) => {
  window.DigicomPresenter.show(index + 1);
  return [Array.from(document.querySelectorAll('.digicom-presenter__note')).map(n => n.textContent.replace(/\\s+/g, ' ').trim()),
          document.querySelector('[data-counter]').textContent,
          document.querySelector('[data-section-planned]').dataset.minutes,
          document.querySelector('[data-notes]').textContent.trim()];
})"""
ROOM = f"""() => {{
  const view = document.querySelector('{VIEW}');
  return [view.textContent.replace(/\\s+/g, ' '), view.querySelectorAll('aside, .digicom-trainer-note').length];
}}"""
NO_NOTES = {"es": "Esta diapositiva no tiene notas.", "en": "This slide has no notes."}


@pytest.mark.parametrize("locale", ["es", "en"])
def test_notes_show_only_in_the_presenter_window_on_every_slide_and_both_windows_keep_in_step(
        page, site_url, locale):
    """Every module: no slide of the room's window holds a note; on every slide the presenter window
    shows that slide's notes (and only them) and the minutes planned for its section; keys pressed
    in either window move both."""
    page.set_viewport_size(LAPTOP)
    presenter = None
    for module in COURSE.modules(locale):
        plan = plan_slides(module)
        total = len(plan.slides)
        open_view(page, site_url, module)
        notes = page.evaluate(NOTES)
        assert len(notes) == len(module.notes) and all(len(note) > 30 for note in notes)
        room, asides = page.evaluate(ROOM)  # every slide of the view, shown or not
        assert asides == 0 and not [note for note in notes if note[:40] in room], module.file
        if presenter is None:
            presenter = open_presenter(page)
        else:  # the same window, written again for this module
            page.locator(".digicom-present__presenter").click()
            presenter.wait_for_function("title => document.title.endsWith(title)", arg=module.title)
        assert presenter.title().endswith(module.title)
        for slide, (shown_notes, counter, planned, text) in zip(plan.slides, presenter.evaluate(EVERY_SLIDE, total)):
            where = f"{module.file}, slide {slide.number}"
            assert counter == f"{slide.number} / {total}", where
            assert shown_notes == [notes[index] for index in slide.notes], where
            assert slide.notes or text == NO_NOTES[locale], where
            assert planned == str(plan.sections[slide.section].minutes), where
        shown(page, total, presenter=False)  # the presenter window moved the room's too
        for window, key, expected in ((presenter, "Home", 1), (page, "ArrowRight", 2), (presenter, "PageDown", 3),
                                      (page, "End", total)):
            window.keyboard.press(key)
            shown(page, expected, presenter=False)
            shown(presenter, expected, presenter=True)
    presenter.close()


def test_the_presenter_window_shows_the_slides_the_clock_and_survives_either_window_closing(
        context, page, site_url):
    plan = plan_slides(SMS)
    page.set_viewport_size(LAPTOP)
    open_view(page, site_url, SMS)
    presenter = open_presenter(page)
    assert presenter.title() == f"Vista del presentador: {SMS.title}"
    badge = presenter.locator(".digicom-presenter__badge").inner_text()
    assert "no la proyectes" in badge.lower()
    # This slide and the next, as the room sees them.
    assert presenter.locator("[data-now] .digicom-present__title").inner_text() == SMS.title
    assert presenter.locator("[data-next] .digicom-present__title").inner_text() == \
        page.locator(".digicom-present__slide").nth(1).locator(".digicom-present__title").inner_text()
    # The clock runs, against the time planned for the section and for the module.
    presenter.wait_for_function("() => document.querySelector('[data-module-elapsed]').textContent !== '0:00'")
    assert presenter.locator("[data-module-planned]").inner_text() == f"de {SMS.front.data['duration']} min previstos"
    assert sum(section.minutes for section in plan.sections) == SMS.front.data["duration"]
    # The sheet to print is one click away.
    assert presenter.locator(".digicom-presenter__sheet a").get_attribute("href").endswith("/notas-formacion/#sms")

    # The room's presentation closed (Esc): the presenter window says so, and moving there opens it again.
    page.keyboard.press("Escape")
    assert page.locator(VIEW).count() == 0
    presenter.wait_for_function("() => document.querySelector('[data-status]').textContent.includes('La presentación se ha cerrado')")
    presenter.keyboard.press("End")
    page.locator(VIEW).wait_for(state="visible")
    shown(page, len(plan.slides), presenter=False)
    presenter.keyboard.press("Home")
    shown(page, 1, presenter=False)
    # Closing the presenter window leaves the room's view working.
    presenter.close()
    page.keyboard.press("PageDown")
    shown(page, 2, presenter=False)
    # Opened again, it follows the room's slide; closing the room's window leaves it working alone.
    presenter = open_presenter(page)
    shown(presenter, 2, presenter=True)
    page.close()
    presenter.wait_for_function("() => document.querySelector('[data-status]').textContent.includes('sola')")
    presenter.keyboard.press("ArrowRight")
    shown(presenter, 3, presenter=True)
    assert presenter.locator("[data-counter]").inner_text() == f"3 / {len(plan.slides)}"
    presenter.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_presenter_window_has_no_accessibility_violations(page, site_url, scheme):
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size(LAPTOP)
    open_view(page, site_url, SMS)
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")
    presenter = open_presenter(page)
    assert axe_violations(presenter) == []
    presenter.close()


def test_the_presenter_window_works_from_the_offline_copy_on_file(browser, site_dir, watch):
    """The offline copy opened from file:// (opaque origins, where BroadcastChannel may not work)."""
    context = browser.new_context(viewport=LAPTOP)
    try:
        page = context.new_page()
        page.goto((site_dir / "modulos" / "sms" / "index.html").as_uri())
        page.locator(BUTTON).click()
        page.locator(VIEW).wait_for(state="visible")
        presenter = open_presenter(page)
        page.keyboard.press("PageDown")
        shown(presenter, 2, presenter=True)
        presenter.keyboard.press("PageDown")
        shown(page, 3, presenter=False)
        assert presenter.locator(".digicom-presenter__note").count() == len(plan_slides(SMS).slides[2].notes)
    finally:
        context.close()


# ── Keys ─────────────────────────────────────────────────────────────────────


def test_keys_move_slides_even_after_a_quiz_answer_was_clicked(page, site_url):
    page.set_viewport_size(LAPTOP)
    open_view(page, site_url, SMS)
    help_text = page.locator(".digicom-present__help").inner_text()
    assert "Tab y Espacio" in help_text and "clic" in help_text
    first_quiz = page.evaluate("""() => Array.from(document.querySelectorAll('.digicom-present__slide'))
                                    .findIndex(s => s.querySelector('.quiz')) + 1""")
    page.keyboard.press("Home")
    for _ in range(first_quiz - 1):
        page.keyboard.press("PageDown")
    shown(page, first_quiz, presenter=False)
    slide = page.locator(".digicom-present__slide:not([hidden])")
    radios = slide.locator(".quiz input[type=radio]")
    slide.locator(".quiz label").first.click()
    assert radios.first.is_checked()
    for key, expected in (("ArrowRight", first_quiz + 1), ("ArrowLeft", first_quiz), ("ArrowDown", first_quiz + 1),
                          ("ArrowUp", first_quiz), ("Space", first_quiz + 1), ("Shift+Space", first_quiz),
                          ("PageDown", first_quiz + 1), ("PageUp", first_quiz)):
        page.keyboard.press(key)
        shown(page, expected, presenter=False)
    assert radios.first.is_checked() and not radios.nth(1).is_checked()  # the answer did not change
    # With the keyboard: Tab to an answer, Space chooses it, the arrows still change slides.
    page.locator(".digicom-present__stage").focus()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.digicom-present__slide:not([hidden]) .quiz input')"):
            break
    focused = page.evaluate("document.activeElement.id")
    page.keyboard.press("Space")
    assert page.locator(f"#{focused}").is_checked()
    page.keyboard.press("ArrowRight")
    shown(page, first_quiz + 1, presenter=False)
    # A checkbox answer clicked with the mouse: Space then moves on, and leaves the box as it was.
    checkbox_slide = page.evaluate("""() => Array.from(document.querySelectorAll('.digicom-present__slide'))
                                        .findIndex(s => s.querySelector('.quiz input[type=checkbox]')) + 1""")
    page.keyboard.press("Home")
    for _ in range(checkbox_slide - 1):
        page.keyboard.press("PageDown")
    shown(page, checkbox_slide, presenter=False)
    box_id = page.locator(".digicom-present__slide:not([hidden]) .quiz input[type=checkbox]").first.get_attribute("id")
    box = page.locator(f"#{box_id}")
    page.locator(".digicom-present__slide:not([hidden]) .quiz label").first.click()
    assert box.is_checked()
    page.keyboard.press("Space")
    shown(page, checkbox_slide + 1, presenter=False)
    assert box.is_checked()
    # "N" is not Material's "next page", nor notes in the room's view.
    page.keyboard.press("n")
    assert page.url.split("#")[0] == site_url + "modulos/sms/"
    assert page.locator(f"{VIEW} .digicom-trainer-note, {VIEW} aside").count() == 0


# ── Ready when the wifi goes ─────────────────────────────────────────────────


def test_present_works_after_the_network_is_cut(context, page, site_url, watch):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.set_viewport_size(LAPTOP)
    page.goto(site_url + "modulos/sms/")
    # Loaded while the page is idle, before anyone presses the button.
    page.wait_for_function("() => Boolean(window.DigicomPresentation)")
    assert [url for url in requested if url.endswith("/stylesheets/presentation.css")]
    icon = page.evaluate("() => document.querySelector('link[rel~=icon]').href")
    context.set_offline(True)
    try:
        page.locator(BUTTON).click()
        page.locator(VIEW).wait_for(state="visible")
        page.keyboard.press("PageDown")
        shown(page, 2, presenter=False)
        presenter = open_presenter(page)
        presenter.keyboard.press("PageDown")
        shown(page, 3, presenter=False)
        assert presenter.locator(".digicom-presenter__screen").first.is_visible()
        presenter.close()
    finally:
        context.set_offline(False)
    # Offline, the browser fails to fetch the page's icon again, and says so; nothing else failed.
    assert set(watch.failed_requests) <= {icon}, watch.failed_requests
    assert set(watch.console_errors) <= {"Failed to load resource: net::ERR_INTERNET_DISCONNECTED"}
    watch.console_errors.clear()


def test_on_a_phone_the_view_loads_only_when_asked(page, site_url):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "modulos/sms/")  # the phone-sized context
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert not [url for url in requested if "presentation." in url]
    page.locator(BUTTON).click()
    page.locator(VIEW).wait_for(state="visible")
    assert [url for url in requested if url.endswith("/javascripts/presentation.js")]


def test_when_the_view_cannot_load_the_page_says_so(context, page, site_url, watch):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "modulos/sms/")
    page.wait_for_load_state("networkidle")
    context.set_offline(True)
    try:
        page.locator(BUTTON).click()
        problem = page.locator("[data-digicom-present-problem]")
        problem.wait_for(state="visible")
        assert problem.inner_text() == ("No se ha podido abrir la presentación: parece que no hay conexión. "
                                        "Cuando vuelva la red, pulsa «Presentar» otra vez.")
        assert page.locator(VIEW).count() == 0
    finally:
        context.set_offline(False)
    watch.console_errors.clear()  # the browser reports the failed loads; the page itself said what happened
    watch.failed_requests.clear()
    page.locator(BUTTON).click()
    page.locator(VIEW).wait_for(state="visible")
    assert page.locator("[data-digicom-present-problem]").inner_text() == ""


@pytest.mark.parametrize(("prefix", "next_button", "label"), [
    ("", "Siguiente →", "Presentación: "), ("en/", "Next →", "Presentation: ")])
def test_the_views_words_come_with_it_in_the_pages_language_and_a_missing_file_is_said_and_fetched_again(
        page, site_url, watch, prefix, next_button, label):
    """The view's words are a file per language, not in every module page (a phone never needs them).
    If that file alone cannot be fetched, the view does not open wordless: the page says so, and the
    next press fetches it again."""
    blocked = {"on": True}
    page.route("**/present-texts.*.js", lambda route: route.abort() if blocked["on"] else route.continue_())
    page.goto(f"{site_url}{prefix}modulos/sms/")
    assert "data-present-next" not in page.content()
    page.locator(BUTTON).click()
    problem = page.locator("[data-digicom-present-problem]")
    problem.wait_for(state="visible")
    assert problem.inner_text().startswith("No se ha podido" if not prefix else "The presentation could not open")
    assert page.locator(VIEW).count() == 0
    watch.console_errors.clear()  # the browser reports the blocked file; the page said what happened
    watch.failed_requests.clear()
    blocked["on"] = False
    page.locator(BUTTON).click()
    page.locator(VIEW).wait_for(state="visible")
    assert page.locator(f"{VIEW} .digicom-present__next").inner_text() == next_button
    assert page.locator(VIEW).get_attribute("aria-label").startswith(label)
    assert problem.inner_text() == ""


# ── Handouts that are the same for everyone ──────────────────────────────────


def printed(page) -> bytes:
    """The page printed to PDF (print media, as a browser prints it), without the PDF's dates."""
    return re.sub(rb"/(CreationDate|ModDate) \(D:[^)]*\)", b"", page.pdf())


def answer_everything(page) -> None:
    """Answer every question (the first answer: some right, some wrong) and tick some boxes."""
    quizzes = page.locator("article .quiz")
    for n in range(quizzes.count()):
        quiz = quizzes.nth(n)
        quiz.locator("fieldset label").first.click()
        button = quiz.locator("button[type=submit]")
        if button.is_visible():
            button.click()
        assert quiz.locator(".quiz-feedback").is_visible()
    boxes = page.locator("article .digicom-checklist__box")
    for n in range(0, boxes.count(), 2):
        boxes.nth(n).check()


@pytest.mark.parametrize("module", [SMS, COURSE.page("modulos/whatsapp", "en")], ids=["sms-es", "whatsapp-en"])
def test_a_printed_module_is_the_same_before_and_after_answering_and_ticking(page, site_url, module):
    page.set_viewport_size({"width": 900, "height": 1200})
    page.goto(site_url + address(module))
    page.wait_for_load_state("networkidle")
    before = printed(page)
    answer_everything(page)
    saved = page.evaluate("JSON.stringify(Object.entries(localStorage).sort())")
    assert "quiz" in saved and "digicom.checklists" in saved
    assert page.locator("article .quiz .correct, article .quiz .wrong").count() > 0  # answered, on screen
    assert page.locator("article .quiz .correct > label").first.evaluate("l => getComputedStyle(l, '::before').content") \
        != "none"  # the right answers are marked on screen...
    assert printed(page) == before  # ...and not on paper
    # Reloaded: the page shows the saved answers and ticks again, and still prints the same handout.
    page.reload()
    page.wait_for_load_state("networkidle")
    page.locator("article .quiz .quiz-feedback:not(.hidden)").first.wait_for()
    assert page.locator("article .digicom-checklist__box:checked").count() > 0
    assert printed(page) == before
    # Printing changed nothing that was saved.
    assert page.evaluate("JSON.stringify(Object.entries(localStorage).sort())") == saved


@pytest.mark.parametrize("module", [module for _, module in MODULES if module.practices], ids=lambda m: m.file)
def test_a_practice_tool_is_named_on_its_slide_and_its_button_leads_to_the_tool_on_the_page(page, site_url, module):
    """The tools do not fit a slide in the room's type size: the slide names the tool and what it asks,
    and its button closes the view with the keyboard in the tool's first field on the page."""
    page.set_viewport_size(LAPTOP)
    open_view(page, site_url, module)
    cards = page.locator(f"{VIEW} .digicom-present__practice")
    assert cards.count() == len(module.practices) and page.locator(f"{VIEW} [data-practice]").count() == 0
    number = page.evaluate("""() => Array.from(document.querySelectorAll('.digicom-present__slide'))
        .findIndex(slide => slide.querySelector('.digicom-present__practice')) + 1""")
    page.keyboard.press("Home")
    for _ in range(number - 1):
        page.keyboard.press("ArrowRight")
    shown(page, number, presenter=False)
    card = cards.first
    assert card.is_visible() and card.locator(".digicom-present__practice-title").inner_text().strip()
    card.get_by_role("button").click()
    assert page.locator(VIEW).count() == 0
    focused = page.evaluate("() => document.activeElement.closest('[data-practice]')?.dataset.practice ?? null")
    assert focused == module.practices[0].kind
    assert page.evaluate("() => { const r = document.activeElement.getBoundingClientRect(); "
                         "return r.top >= 0 && r.bottom <= innerHeight; }")
