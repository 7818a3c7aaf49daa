"""Teaching from the real site in Chromium: trainer notes stay hidden and out of search,
the module header (objectives, then "Presentar", then the handout's QR code), the "Presentar"
view (the title slide, keys, the address keeping the slide, Esc back to the button, checklists
and quizzes inside it, axe), the printed handout, and the session plan's totals. The presenter
window, slides that fit, offline and identical handouts: tests/test_presenter_browser.py.

The tests run on the real site (session fixtures ``site_dir`` / ``site_url``). What a module
holds (title, time, objectives, notes, questions) comes from the course model
(``course.model.load_course``), so editing the content does not break them."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, axe_violations
from course.model import load_course, read_settings
from course.slides import plan_slides

SMS = "modulos/sms/"
VIEW = ".digicom-present-view"
BUTTON = ".digicom-present__button"
COUNTER = ".digicom-present__counter"
SLIDE = ".digicom-present__slide:not([hidden])"
PROJECTOR = {"width": 1280, "height": 720}
SETTINGS = read_settings(ROOT)
ONLINE = SETTINGS.site_url
COURSE = load_course(ROOT, SETTINGS)
SPANISH, ENGLISH = COURSE.page("modulos/sms", "es"), COURSE.page("modulos/sms", "en")


def plain(markdown: str) -> str:
    """The start of some Markdown as the page shows it: up to the first mark-up character."""
    text = re.match(r"[^*_`\[<{]*", markdown).group(0).strip()
    assert len(text) >= 15, f"too little plain text to look for: {markdown[:60]!r}"
    return text


def open_view(page, site_url: str, path: str = SMS) -> int:
    """Open a module on a projector-sized screen and press "Presentar"; the number of slides."""
    page.set_viewport_size(PROJECTOR)
    page.goto(site_url + path)
    page.locator(BUTTON).click()
    page.locator(VIEW).wait_for(state="visible")
    return int(counter(page).split(" / ")[1])


def counter(page) -> str:
    return page.locator(COUNTER).inner_text()


def slide_of(page, selector: str) -> int:
    """The number of the first slide holding ``selector``."""
    index = page.evaluate("""selector => Array.from(document.querySelectorAll('.digicom-present__slide'))
                                  .findIndex(slide => slide.querySelector(selector))""", selector)
    assert index >= 0, f"no slide holds {selector}"
    return index + 1


def go_to(page, number: int) -> None:
    page.keyboard.press("Home")
    for _ in range(number - 1):
        page.keyboard.press("PageDown")
    assert counter(page).startswith(f"{number} / ")


def _notes_in_built_modules(site_dir: Path) -> list[str]:
    notes = []
    for built in sorted(site_dir.glob("**/modulos/*/index.html")):
        notes += re.findall(r'<div class="digicom-trainer-note__body">\n<p>(.{30,}?)</p>',
                            built.read_text(encoding="utf-8"))
    return [html.unescape(re.sub(r"<[^>]+>", "", note)) for note in notes]


def test_trainer_notes_are_hidden_on_the_page_and_absent_from_search(page, site_url, site_dir):
    page.goto(site_url + SMS)
    notes = page.locator("aside.digicom-trainer-note")
    assert notes.count() == len(SPANISH.notes) >= 2
    for n in range(notes.count()):
        assert not notes.nth(n).is_visible()
    first = notes.first.locator(".digicom-trainer-note__body").text_content().strip()
    assert first.startswith(plain(SPANISH.notes[0].body))

    everything = _notes_in_built_modules(site_dir)
    assert len(everything) >= 20 and any(first.startswith(note[:40]) for note in everything)
    for index in ("search/search_index.json", "en/search/search_index.json"):
        docs = json.loads((site_dir / index).read_text(encoding="utf-8"))["docs"]
        text = html.unescape(" ".join(doc["title"] + " " + re.sub(r"<[^>]+>", "", doc["text"]) for doc in docs))
        found = [note[:40] for note in everything if note[:40] in text]
        assert found == [], f"trainer notes in {index}: {found}"
        assert "Para quien imparte" not in text and "For trainers:" not in text


class _Children(HTMLParser):
    """The elements right inside the element that holds a page's <h1>, in order: (tag, classes)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.parent_depth: int | None = None
        self.children: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "h1" and self.parent_depth is None:
            self.parent_depth = self.depth
        if self.parent_depth is not None and self.depth == self.parent_depth:
            self.children.append((tag, dict(attrs).get("class") or ""))
        if tag not in self.VOID:
            self.depth += 1

    def handle_endtag(self, tag) -> None:
        if tag not in self.VOID:
            self.depth -= 1
            if self.parent_depth is not None and self.depth < self.parent_depth:
                self.parent_depth = float("-inf")  # left the element: stop recording


def _module_pages() -> list[tuple[str, str]]:
    """Every module page of the real site: (language, address under the site)."""
    return [(locale, ("" if locale == COURSE.default else f"{locale}/") + module.key + "/")
            for locale in COURSE.locales for module in COURSE.modules(locale)]


@pytest.mark.parametrize(("locale", "address"), _module_pages())
def test_every_module_opens_with_its_objectives_then_the_present_button_then_the_handout(site_dir, locale, address):
    """Right under the module's title, in this order, each once: the time, level and objectives; the
    "Present" button; the QR code of the printed handout. Then the module's own text."""
    parser = _Children()
    parser.feed((site_dir / address / "index.html").read_text(encoding="utf-8"))
    tags = [tag for tag, _ in parser.children]
    assert "h1" in tags, address
    after_title = parser.children[tags.index("h1") + 1:]
    header = [(tag, classes) for tag, classes in after_title[:3]]
    assert header == [("div", "digicom-module-intro"), ("p", "digicom-present"), ("figure", "digicom-handout")], \
        address
    for part in ("digicom-module-intro", "digicom-present", "digicom-handout"):
        assert [classes for _, classes in parser.children].count(part) == 1, (address, part)
    assert after_title[3][0] != "h2", f"{address}: the module's opening text is missing under its header"


@pytest.mark.parametrize(("prefix", "label", "page_model"), [("", "Presentar", SPANISH), ("en/", "Present", ENGLISH)],
                         ids=["es", "en"])
def test_the_button_opens_the_view_on_the_title_slide(page, site_url, prefix, label, page_model):
    title = {"": "Presentación: {}", "en/": "Presentation: {}"}[prefix].format(page_model.title)
    page.set_viewport_size(PROJECTOR)
    page.goto(site_url + prefix + SMS)
    button = page.locator(BUTTON)
    assert button.is_visible() and button.inner_text() == label
    # On screen, the button sits under the objectives (the handout's QR code is for paper only).
    intro = page.locator("article .digicom-module-intro").bounding_box()
    assert intro["y"] + intro["height"] <= button.bounding_box()["y"]
    assert not page.locator("figure.digicom-handout").is_visible()
    assert page.locator(VIEW).count() == 0

    button.click()
    view = page.locator(VIEW)
    view.wait_for(state="visible")
    assert view.get_attribute("role") == "dialog" and view.get_attribute("aria-modal") == "true"
    assert view.get_attribute("aria-label") == title
    # The title slide: the module's title, time and objectives, in large type.
    first = page.locator(SLIDE)
    assert first.locator("h1").inner_text() == page_model.title
    assert first.locator(".digicom-module-intro li").count() == len(page_model.front.data["objectives"]) >= 3
    minutes = page_model.front.data["duration"]
    assert re.search(rf"\b{minutes} (minutos|minutes)\b", first.inner_text())
    assert float(first.evaluate("slide => getComputedStyle(slide).fontSize").removesuffix("px")) >= 24
    assert counter(page).startswith("1 / ")
    # The room's view has no notes to show, and its controls say how to open the presenter's.
    assert page.locator(f"{VIEW} .digicom-present__presenter").inner_text() == \
        {"": "Vista del presentador (P)", "en/": "Presenter view (P)"}[prefix]
    assert page.locator(f"{VIEW} aside, {VIEW} .digicom-present__notes").count() == 0


def test_keys_move_between_slides_and_a_reload_keeps_the_slide(page, site_url):
    total = open_view(page, site_url)
    assert total >= 10 and total == len(plan_slides(SPANISH).slides)
    assert counter(page) == f"1 / {total}"
    for key, expected in (("ArrowRight", 2), ("PageDown", 3), ("Space", 4), ("ArrowLeft", 3), ("PageUp", 2),
                          ("Shift+Space", 1), ("ArrowDown", 2), ("ArrowUp", 1), ("End", total), ("Home", 1)):
        page.keyboard.press(key)
        assert counter(page) == f"{expected} / {total}", key
    page.locator(".digicom-present__next").click()
    assert counter(page) == f"2 / {total}"
    for _ in range(3):
        page.keyboard.press("PageDown")
    assert page.url.endswith(f"{SMS}#slide-5")
    assert page.locator(".digicom-present__live").inner_text().startswith(f"Diapositiva 5 de {total}: ")
    shown = page.locator(SLIDE).inner_text()

    page.reload()
    page.locator(VIEW).wait_for(state="visible")
    assert counter(page) == f"5 / {total}"
    assert page.locator(SLIDE).inner_text() == shown
    assert page.locator(".digicom-present__slide").count() == total


EVERY_ELEMENT = "a => Array.from(a.querySelectorAll('*')).map(e => e.tagName + '#' + e.id)"


def test_escape_returns_to_the_page_with_focus_on_the_button(page, site_url):
    page.set_viewport_size(PROJECTOR)
    page.goto(site_url + SMS)
    # On a projector the quizzes' scripts load with the view's, once the page is idle (load-near.js):
    # the page as set up, before the view opens.
    page.wait_for_function("() => window.DigicomPresentation && document.querySelectorAll('.quiz').length"
                           " === document.querySelectorAll('.quiz .quiz-reset-button').length")
    before = page.eval_on_selector("article", EVERY_ELEMENT)
    text = page.locator("article").inner_text()
    open_view(page, site_url)
    page.keyboard.press("PageDown")
    for _ in range(25):  # Tab stays inside the view
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('.digicom-present-view') !== null")
    page.keyboard.press("Escape")
    assert page.locator(VIEW).count() == 0
    assert page.evaluate("document.activeElement.matches('.digicom-present__button')")
    assert not page.url.endswith("#slide-2") and "#" not in page.url
    # Every element is back where it was.
    after = page.eval_on_selector("article", EVERY_ELEMENT)
    assert after == before and page.locator("article").inner_text() == text
    assert page.evaluate("Array.from(document.body.children).every(child => !child.inert)")


def test_checklists_and_quizzes_work_inside_the_view(page, site_url):
    quiz_model = SPANISH.quizzes[0]
    right = quiz_model.answers[quiz_model.correct_positions[0] - 1].text
    open_view(page, site_url)
    go_to(page, slide_of(page, ".digicom-checklist"))
    first_box = page.locator(f"{SLIDE} .digicom-checklist input[type=checkbox]").first
    first_box.check()
    assert page.locator(f"{SLIDE} [data-checklist-count]").inner_text().startswith("1 ")
    go_to(page, slide_of(page, ".quiz"))
    quiz = page.locator(f"{SLIDE} .quiz").first
    quiz.locator("label", has_text=re.compile(f"^{re.escape(right)}$")).click()
    quiz.locator("button[type=submit].quiz-button").click()
    assert quiz.locator(".quiz-feedback").inner_text().strip() == "¡Correcto! Lee la explicación de abajo."
    page.keyboard.press("Escape")
    assert page.locator(".digicom-checklist input[type=checkbox]").first.is_checked()
    assert page.locator("#quiz-0 .quiz-feedback").is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_view_has_no_accessibility_violations(page, site_url, scheme):
    page.emulate_media(color_scheme=scheme)
    open_view(page, site_url)
    assert page.evaluate("document.body.dataset.mdColorScheme") == {"light": "default", "dark": "slate"}[scheme]
    page.keyboard.press("PageDown")
    for where in (1, slide_of(page, ".digicom-checklist"), slide_of(page, ".quiz")):
        go_to(page, where)
        assert axe_violations(page, VIEW) == []


def test_printing_a_module_gives_a_clean_handout(page, site_url):
    quiz_model = SPANISH.quizzes[0]
    wrong = next(answer.text for answer in quiz_model.answers if not answer.correct)
    page.set_viewport_size(PROJECTOR)
    page.goto(site_url + SMS)
    # Answer a quiz on screen first: its feedback must not reach the paper.
    page.locator("#quiz-0 label", has_text=re.compile(f"^{re.escape(wrong)}$")).click()
    page.locator("#quiz-0 button[type=submit].quiz-button").click()
    assert page.locator("#quiz-0 .quiz-feedback").is_visible()
    handout = page.locator("figure.digicom-handout")
    assert not handout.is_visible()

    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", BUTTON,
                   ".md-content__button", "#quiz-0 .quiz-feedback", "#quiz-0 button.quiz-button"):
        assert not page.locator(chrome).first.is_visible(), chrome
    assert handout.is_visible()
    # On paper the QR code comes right under the objectives, where the button was.
    intro = page.locator("article .digicom-module-intro").bounding_box()
    assert intro["y"] + intro["height"] <= handout.bounding_box()["y"]
    svg = handout.locator("svg")
    assert svg.is_visible() and svg.bounding_box()["width"] > 50
    assert len(svg.locator("path").get_attribute("d")) > 200
    url = ONLINE + SMS
    assert handout.locator(".digicom-handout__scan").inner_text() == "Escanea para abrir esta página"
    assert handout.locator(".digicom-handout__url").inner_text() == url
    marked = page.locator("#quiz-0 .correct label, #quiz-0 .wrong label").first
    plain_text = page.locator("#quiz-0 .quiz-question p")
    assert marked.evaluate("l => getComputedStyle(l).color") == plain_text.evaluate("p => getComputedStyle(p).color")
    assert marked.evaluate("l => getComputedStyle(l).textDecorationLine") == "none"
    link = page.locator('article a[href^="https://"]').first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert after == f'" ({link.get_attribute("href")})"'
    assert page.locator("article aside.digicom-trainer-note").first.is_visible() is False


DURATION_SHOWN = r'class="digicom-module-intro__meta">\s*<span>[^<]*<strong>(\d+) (?:minutos|minutes)</strong>'


@pytest.mark.parametrize("locale", ["es", "en"])
def test_the_session_plan_total_is_the_sum_of_the_module_durations(page, site_url, site_dir, locale):
    prefix = "" if locale == COURSE.default else f"{locale}/"
    page.goto(site_url + prefix + "plan-de-sesion/")
    rows = page.locator("table[data-session-table] tbody tr")
    links = rows.locator("th a").evaluate_all("links => links.map(a => a.href)")
    assert links == [f"{site_url}{prefix}{module.key}/" for module in COURSE.modules(locale)]
    total_shown = int(page.locator("[data-session-total]").get_attribute("data-session-total"))
    text_shown = page.locator("[data-session-total]").inner_text()
    running = int(rows.last.locator("[data-running-total]").get_attribute("data-running-total"))
    durations = []  # as each module's page shows it, under its title
    for link in links:
        module_html = (site_dir / link.removeprefix(site_url) / "index.html").read_text(encoding="utf-8")
        shown = re.search(DURATION_SHOWN, module_html)
        assert shown, link
        durations.append(int(shown.group(1)))
    assert total_shown == sum(durations) == running
    hours, minutes = divmod(sum(durations), 60)
    assert text_shown == (f"{hours} h {minutes} min" if minutes else f"{hours} h")
    # Each module's time splits into its parts in class and a margin that add up to it, and so do the totals.
    parts = ("presenting", "activities", "questions", "margin")
    splits = rows.locator(".digicom-session-split").evaluate_all(
        "cells => cells.map(c => ['presenting', 'activities', 'questions', 'margin'].map(k => Number(c.dataset[k])))")
    assert [sum(split) for split in splits] == durations
    totals = page.locator("tr[data-session-totals] .digicom-session-split")
    assert [int(totals.get_attribute(f"data-{part}")) for part in parts] == [sum(column) for column in zip(*splits)]
    assert int(page.locator("tr[data-session-totals] [data-running-total]").get_attribute("data-running-total")) \
        == total_shown
    # Each suggested session: the modules that fit, the breaks and the time to spare make its length.
    by_id = dict(zip([module.id for module in COURSE.modules(locale)], durations))
    for session in page.locator("[data-session-length]").all():
        fits = session.locator(".digicom-session-plan__fits li").evaluate_all("items => items.map(i => i.dataset.module)")
        summary = session.locator("[data-session-teaching]")
        teaching, spare = int(summary.get_attribute("data-session-teaching")), int(summary.get_attribute("data-session-spare"))
        length, budget = int(session.get_attribute("data-session-length")), int(session.get_attribute("data-session-budget"))
        assert teaching == sum(by_id[module] for module in fits) and teaching + spare == budget <= length
        assert summary.inner_text().endswith(f"{length // 60} h")
