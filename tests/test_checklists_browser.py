"""What a merchant does with a checklist in Chromium: tick, reload, switch language,
clear, see the progress page, with storage blocked or broken, with a screen reader's
eyes (axe) and on paper.

Every test runs on the real site (fixture ``site_url``) and on the small fixture
site of tests/fixtures/checklists, served the same way under the same path.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import ROOT, SITE_PATH, PageWatch, _SiteHandler, open_context, run_mkdocs_build, watch_page

KEY = "digicom.checklists.v1"
SMS = "modulos/sms/"
LIST = "#checklist-sms-1"
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
BLOCK_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The user blocked storage", "SecurityError"); },
});
"""


@pytest.fixture(scope="session")
def fixture_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """tests/fixtures/checklists built strictly and served like the real site."""
    target = tmp_path_factory.mktemp("checklists-fixture-site")
    result = run_mkdocs_build(ROOT / "tests/fixtures/checklists/mkdocs.yml", target)
    assert result.returncode == 0, result.stdout + result.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SiteHandler, directory=str(target)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SITE_PATH}"
    server.shutdown()


@pytest.fixture(params=["real", "fixture"])
def site(request) -> str:
    """The base URL of the site under test (ends in /curso/)."""
    return request.getfixturevalue("site_url" if request.param == "real" else "fixture_site_url")


def box(page, n: int, checklist: str = LIST):
    return page.locator(f"{checklist} input[data-checklist-item]").nth(n - 1)


def count_text(page, checklist: str = LIST) -> str:
    return page.locator(f"{checklist} [data-checklist-count]").inner_text()


def total(page, checklist: str = LIST) -> int:
    return page.locator(f"{checklist} input[data-checklist-item]").count()


def stored(page):
    return page.evaluate(f"() => JSON.parse(localStorage.getItem({json.dumps(KEY)}))")


def open_sms(page, site: str, prefix: str = "") -> None:
    page.goto(site + prefix + SMS)
    page.locator(f"{LIST} [data-checklist-status]").wait_for(state="visible")


def test_a_tick_survives_a_reload_and_the_language_switch(page, site):
    open_sms(page, site)
    n = total(page)
    assert n >= 2 and count_text(page) == f"0 de {n}"
    # By touch on the label, and by keyboard on the box.
    page.locator(f"{LIST} label[for=checklist-sms-1-2]").click()
    box(page, 1).focus()
    page.keyboard.press("Space")
    assert box(page, 1).is_checked() and box(page, 2).is_checked()
    assert count_text(page) == f"2 de {n}"
    assert stored(page) == {"sms/1/1": True, "sms/1/2": True}
    box(page, 1).uncheck()
    assert stored(page) == {"sms/1/2": True} and count_text(page) == f"1 de {n}"

    page.reload()
    page.locator(f"{LIST} [data-checklist-status]").wait_for(state="visible")
    assert box(page, 2).is_checked() and not box(page, 1).is_checked()
    assert count_text(page) == f"1 de {n}"

    open_sms(page, site, "en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert box(page, 2).is_checked() and not box(page, 1).is_checked()
    assert count_text(page) == f"1 of {n}"
    assert page.locator(f"{LIST} [data-checklist-reset]").inner_text() == "Clear ticks"


def test_clearing_empties_this_checklist_only_without_asking_and_focuses_its_first_item(page, site):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site + "modulos/email/")
    page.locator("#checklist-email-1 label").first.click()
    open_sms(page, site)
    box(page, 1).check()
    box(page, 2).check()
    assert stored(page) == {"email/1/1": True, "sms/1/1": True, "sms/1/2": True}
    reset = page.locator(f"{LIST} [data-checklist-reset]")
    assert reset.inner_text() == "Borrar marcas"
    reset.click()
    assert dialogs == []
    assert not box(page, 1).is_checked() and not box(page, 2).is_checked()
    assert count_text(page) == f"0 de {total(page)}"
    assert stored(page) == {"email/1/1": True}
    assert page.evaluate("() => document.activeElement.id") == "checklist-sms-1-1"
    page.reload()
    assert not box(page, 2).is_checked()


# mkdocs-quiz's own quiz.js (on every module page of the real site) logs this when it
# cannot read its progress; it belongs to the quizzes (hooks/quizzes.py), not to the
# checklists. Only this exact message is let through; the progress page, which has no
# quiz, is checked with no exception at all.
QUIZ_STORAGE_ERROR = "Failed to load quiz progress: SecurityError: The user blocked storage"


def test_with_storage_blocked_the_page_works_and_says_ticks_are_not_kept(context, page, watch, site):
    context.add_init_script(BLOCK_STORAGE)
    open_sms(page, site)
    assert page.evaluate("() => { try { window.localStorage; return 'open'; } catch (e) { return 'blocked'; } }") \
        == "blocked"
    box(page, 1).check()
    box(page, 3).check()
    assert count_text(page) == f"2 de {total(page)}"
    assert "no deja guardar" in page.locator(f"{LIST} [data-checklist-note]").inner_text()
    page.locator(f"{LIST} [data-checklist-reset]").click()
    assert count_text(page) == f"0 de {total(page)}"
    watch.console_errors[:] = [error for error in watch.console_errors if error != QUIZ_STORAGE_ERROR]

    page.goto(site + "mi-progreso/")
    page.locator("[data-checklist-summary]").wait_for(state="visible")
    box(page, 1).check()
    assert count_text(page) == f"1 de {total(page)}"
    # The `page` fixture fails the test on any console error or uncaught exception.
    assert watch.console_errors == []


@pytest.mark.parametrize("value", [
    "{not json",
    json.dumps(["sms/1/1", "sms/1/2"]),  # a list, as an older version might have kept
    json.dumps({"sms/1/1": "yes", "sms/1/2": 1}),
    json.dumps("sms/1/1"),
    "null",
])
def test_corrupt_or_old_stored_ticks_read_as_nothing_ticked(context, page, site, value):
    context.add_init_script(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(value)});")
    open_sms(page, site)
    assert page.evaluate(f"() => localStorage.getItem({json.dumps(KEY)})") == value
    assert count_text(page) == f"0 de {total(page)}"
    assert page.locator(f"{LIST} input:checked").count() == 0
    box(page, 1).check()
    assert stored(page) == {"sms/1/1": True}
    assert count_text(page) == f"1 de {total(page)}"


def test_the_progress_page_shows_what_was_ticked_on_a_module(page, site):
    open_sms(page, site)
    box(page, 1).check()
    box(page, 3).check()
    n = total(page)
    for prefix, of in (("", "de"), ("en/", "of")):
        page.goto(site + prefix + "mi-progreso/")
        summary = page.locator("[data-checklist-summary]")
        summary.wait_for(state="visible")
        everything = page.locator("input[data-checklist-item]").count()
        assert everything > n
        assert count_text(page) == f"2 {of} {n}"
        assert summary.locator("[data-checklist-count]").inner_text() == f"2 {of} {everything}"
        assert box(page, 1).is_checked() and box(page, 3).is_checked() and not box(page, 2).is_checked()
        heading = page.locator(".digicom-progress__heading a").nth(
            page.locator(".digicom-progress__module").evaluate_all(
                f"sections => sections.findIndex(s => s.querySelector('{LIST}'))"))
        assert heading.get_attribute("href") == "../modulos/sms/#checklist"
    # A tick made on the progress page shows on the module.
    box(page, 2).check()
    assert summary.locator("[data-checklist-count]").inner_text() == f"3 of {everything}"
    open_sms(page, site)
    assert box(page, 2).is_checked() and count_text(page) == f"3 de {n}"


def test_without_javascript_the_checklist_is_plain_checkboxes(browser, site):
    watch = PageWatch()
    context = open_context(browser, watch=watch, java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        watch_page(page, watch)
        page.goto(site + SMS)
        assert box(page, 1).is_visible()
        box(page, 1).check()
        assert box(page, 1).is_checked()
        assert page.locator(f"{LIST} [data-checklist-status]").is_hidden()
        assert not watch.console_errors and not watch.foreign_requests
    finally:
        context.close()


def test_rows_are_big_enough_for_a_thumb(page, site):
    open_sms(page, site)
    for row in page.locator(f"{LIST} .digicom-checklist__item").all():
        assert row.bounding_box()["height"] >= 44
    label = page.locator(f"{LIST} label[for=checklist-sms-1-1]").bounding_box()
    assert label["height"] >= 44 and label["width"] > 200
    assert page.locator(f"{LIST} [data-checklist-reset]").bounding_box()["height"] >= 44


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_the_checklist_markup(page, site, scheme):
    page.emulate_media(color_scheme=scheme)
    open_sms(page, site)
    box(page, 2).check()
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    for where in (LIST,):
        results = Axe().run(page, context=where, options=WCAG)
        assert results.response["violations"] == [], results.generate_report()
    page.goto(site + "mi-progreso/")
    page.locator("[data-checklist-summary]").wait_for(state="visible")
    results = Axe().run(page, context=".digicom-progress", options=WCAG)
    assert results.response["violations"] == [], results.generate_report()


def test_printed_the_boxes_are_empty_squares_and_there_is_no_reset_button(page, site):
    open_sms(page, site)
    box(page, 1).check()
    reset = page.locator(f"{LIST} [data-checklist-reset]")
    assert reset.is_visible()
    page.emulate_media(media="print")
    assert reset.is_hidden()
    assert page.locator(f"{LIST} [data-checklist-status]").is_hidden()
    assert page.locator(f"{LIST} progress").is_hidden()
    style = box(page, 2).evaluate(
        "el => { const s = getComputedStyle(el); return [s.appearance, s.borderTopStyle, s.backgroundColor,"
        " el.getBoundingClientRect().width === el.getBoundingClientRect().height]; }")
    assert style == ["none", "solid", "rgb(255, 255, 255)", True]
    assert box(page, 2).is_visible() and page.locator(f"{LIST} label").first.is_visible()
