"""What a merchant does with a checklist in Chromium: tick, reload, switch language,
clear, see the progress page, with storage blocked or broken, with a screen reader's
eyes (axe) and on paper; and a tick that stays on its item when the course changes.

The tests run on the real site (session fixtures ``site_dir`` / ``site_url``). The one
about a changed course builds the fixture site (tests/fixtures/site) twice, before and
after an editor's change, and serves both at the same address, as a site update would.
Item ids are read from the page (``data-checklist-item``), never written here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import PageWatch, axe_violations, build_site, make_site, open_context, served_then_deployed, watch_page

KEY = "digicom.checklists.v1"
SMS = "modulos/sms/"
LIST = "#checklist-sms-1"  # the first checklist of the SMS module
BLOCK_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The user blocked storage", "SecurityError"); },
});
"""


def box(page, n: int, checklist: str = LIST):
    return page.locator(f"{checklist} input[data-checklist-item]").nth(n - 1)


def ids(page, checklist: str = LIST) -> list[str]:
    """The ids the page keeps its items' ticks under, in order."""
    return page.locator(f"{checklist} input[data-checklist-item]").evaluate_all(
        "boxes => boxes.map(box => box.dataset.checklistItem)")


def count_text(page, checklist: str = LIST) -> str:
    return page.locator(f"{checklist} [data-checklist-count]").inner_text()


def total(page, checklist: str = LIST) -> int:
    return page.locator(f"{checklist} input[data-checklist-item]").count()


def stored(page):
    return page.evaluate(f"() => JSON.parse(localStorage.getItem({json.dumps(KEY)}))")


def open_sms(page, site: str, prefix: str = "") -> None:
    page.goto(site + prefix + SMS)
    page.locator(f"{LIST} [data-checklist-status]").wait_for(state="visible")


def test_a_tick_survives_a_reload_and_the_language_switch(page, site_url):
    open_sms(page, site_url)
    n, spanish = total(page), ids(page)
    assert n >= 3 and count_text(page) == f"0 de {n}"
    assert len(set(spanish)) == n and all(item.startswith("sms/") for item in spanish)
    # By touch on the label, and by keyboard on the box.
    page.locator(f"{LIST} label").nth(1).click()
    box(page, 1).focus()
    page.keyboard.press("Space")
    assert box(page, 1).is_checked() and box(page, 2).is_checked()
    assert count_text(page) == f"2 de {n}"
    assert stored(page) == {spanish[0]: True, spanish[1]: True}
    box(page, 1).uncheck()
    assert stored(page) == {spanish[1]: True} and count_text(page) == f"1 de {n}"

    page.reload()
    page.locator(f"{LIST} [data-checklist-status]").wait_for(state="visible")
    assert box(page, 2).is_checked() and not box(page, 1).is_checked()
    assert count_text(page) == f"1 de {n}"

    open_sms(page, site_url, "en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert ids(page) == spanish  # the same item, the same tick, in both languages
    assert box(page, 2).is_checked() and not box(page, 1).is_checked()
    assert count_text(page) == f"1 of {n}"
    assert page.locator(f"{LIST} [data-checklist-reset]").inner_text() == "Clear ticks"
    # A tick made in English shows in Spanish.
    box(page, 3).check()
    open_sms(page, site_url)
    assert [box(page, i).is_checked() for i in (1, 2, 3)] == [False, True, True]


def test_clearing_empties_this_checklist_only_without_asking_and_can_be_undone_by_keyboard(page, site_url):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site_url + "modulos/email/")
    email = "#checklist-email-1"
    page.locator(f"{email} [data-checklist-status]").wait_for(state="visible")
    page.locator(f"{email} label").first.click()
    email_first = ids(page, email)[0]
    open_sms(page, site_url)
    box(page, 1).check()
    box(page, 2).check()
    sms = ids(page)
    assert stored(page) == {email_first: True, sms[0]: True, sms[1]: True}
    reset = page.locator(f"{LIST} [data-checklist-reset]")
    undo = page.locator(f"{LIST} [data-checklist-undo]")
    said = page.locator(f"{LIST} [data-checklist-cleared]")
    assert reset.inner_text() == "Borrar marcas" and undo.is_hidden()
    reset.click()
    assert dialogs == []
    assert not box(page, 1).is_checked() and not box(page, 2).is_checked()
    assert count_text(page) == f"0 de {total(page)}"
    assert stored(page) == {email_first: True}
    # The undo button takes the reset button's place and the focus; a status line says what went.
    assert said.get_attribute("role") == "status"
    assert said.inner_text() == "Has borrado 2 marcas. Si no querías, pulsa «Deshacer»."
    assert undo.is_visible() and reset.is_hidden()
    assert page.evaluate("() => document.activeElement.hasAttribute('data-checklist-undo')")
    page.wait_for_timeout(1500)  # no timer takes it away
    assert undo.is_visible()
    page.keyboard.press("Enter")
    assert box(page, 1).is_checked() and box(page, 2).is_checked()
    assert stored(page) == {email_first: True, sms[0]: True, sms[1]: True}
    assert count_text(page) == f"2 de {total(page)}"
    assert said.inner_text() == "Tus marcas han vuelto."
    assert undo.is_hidden() and reset.is_visible()
    assert page.evaluate("() => document.activeElement.hasAttribute('data-checklist-reset')")
    # Cleared again, then a tick: the clearing is final, the undo button goes.
    reset.click()
    box(page, 3).check()
    assert undo.is_hidden() and reset.is_visible() and said.inner_text() == ""
    assert stored(page) == {email_first: True, sms[2]: True}
    page.reload()
    assert not box(page, 1).is_checked() and box(page, 3).is_checked()
    # Nothing ticked: nothing to undo, and the person goes back to the first item.
    page.locator(f"{LIST} [data-checklist-status]").wait_for(state="visible")
    box(page, 3).uncheck()
    reset.click()
    assert undo.is_hidden()
    assert page.evaluate("() => document.activeElement.dataset.checklistItem") == sms[0]


# mkdocs-quiz's own quiz.js (on every module page of the real site) logs this when it
# cannot read its progress; it belongs to the quizzes (hooks/quizzes.py), not to the
# checklists. Only this exact message is let through; the progress page, which has no
# quiz, is checked with no exception at all.
QUIZ_STORAGE_ERROR = "Failed to load quiz progress: SecurityError: The user blocked storage"


def test_with_storage_blocked_the_page_works_and_says_ticks_are_not_kept(context, page, watch, site_url):
    context.add_init_script(BLOCK_STORAGE)
    open_sms(page, site_url)
    assert page.evaluate("() => { try { window.localStorage; return 'open'; } catch (e) { return 'blocked'; } }") \
        == "blocked"
    note = page.locator(f"{LIST} [data-checklist-note]")
    box(page, 1).check()
    box(page, 3).check()
    assert count_text(page) == f"2 de {total(page)}"
    assert "no deja guardar" in note.inner_text()
    page.locator(f"{LIST} [data-checklist-reset]").click()
    assert count_text(page) == f"0 de {total(page)}"
    watch.console_errors[:] = [error for error in watch.console_errors if error != QUIZ_STORAGE_ERROR]

    page.goto(site_url + "mi-progreso/")
    page.locator("[data-checklist-summary]").wait_for(state="visible")
    box(page, 1).check()
    assert count_text(page) == f"1 de {total(page)}"
    # The `page` fixture fails the test on any console error or uncaught exception.
    assert watch.console_errors == []


def test_with_storage_open_the_note_says_ticks_are_kept_in_this_browser(page, site_url):
    open_sms(page, site_url)
    note = page.locator(f"{LIST} [data-checklist-note]").inner_text()
    box(page, 1).check()
    assert "no deja guardar" not in note
    assert page.locator(f"{LIST} [data-checklist-note]").inner_text() == note


def test_ticks_kept_before_the_ids_changed_move_to_their_items(context, page, site_url):
    """Until December 2026 a tick was kept under its item's position ("sms/1/3"): a merchant who
    ticked then finds the same items ticked after the update, on every page that shows them."""
    before = {"sms/1/1": True, "sms/1/3": True, "email/1/2": True, "crisis/9/9": True}
    context.add_init_script(f"if (!localStorage.getItem({json.dumps(KEY)}))"
                            f" localStorage.setItem({json.dumps(KEY)}, {json.dumps(json.dumps(before))});")
    open_sms(page, site_url)
    sms = ids(page)
    assert [box(page, n).is_checked() for n in (1, 2, 3)] == [True, False, True]
    assert count_text(page) == f"2 de {total(page)}"
    assert stored(page) == {sms[0]: True, sms[2]: True, "email/1/2": True, "crisis/9/9": True}
    open_sms(page, site_url, "en/")
    assert [box(page, n).is_checked() for n in (1, 2, 3)] == [True, False, True]
    page.goto(site_url + "mi-progreso/")
    page.locator("[data-checklist-summary]").wait_for(state="visible")
    email = "#checklist-email-1"
    assert [box(page, n, email).is_checked() for n in (1, 2)] == [False, True]
    # An old id that matches no item any more is left alone, and ticks nothing.
    assert stored(page) == {sms[0]: True, sms[2]: True, ids(page, email)[1]: True, "crisis/9/9": True}
    assert page.locator("[data-checklist-summary] [data-checklist-count]").inner_text().startswith("3 de ")
    # Unticking a moved tick forgets it for good.
    box(page, 1).uncheck()
    open_sms(page, site_url)
    assert [box(page, n).is_checked() for n in (1, 2, 3)] == [False, False, True]


CORRUPT = {
    "not JSON": lambda first, second: "{not json",
    "a list": lambda first, second: json.dumps([first, second]),  # as an older version might have kept
    "ticks not true": lambda first, second: json.dumps({first: "yes", second: 1}),
    "a string": lambda first, second: json.dumps(first),
    "null": lambda first, second: "null",
}


@pytest.mark.parametrize("corrupt", CORRUPT.values(), ids=CORRUPT.keys())
def test_corrupt_or_foreign_stored_ticks_read_as_nothing_ticked(context, page, site_url, corrupt):
    page.goto(site_url + SMS)
    first, second = ids(page)[:2]
    value = corrupt(first, second)
    context.add_init_script(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(value)});")
    open_sms(page, site_url)
    assert page.evaluate(f"() => localStorage.getItem({json.dumps(KEY)})") == value
    assert count_text(page) == f"0 de {total(page)}"
    assert page.locator(f"{LIST} input:checked").count() == 0
    box(page, 1).check()
    assert stored(page) == {first: True}
    assert count_text(page) == f"1 de {total(page)}"


def test_the_progress_page_shows_what_was_ticked_on_a_module(page, site_url):
    open_sms(page, site_url)
    box(page, 1).check()
    box(page, 3).check()
    n, sms = total(page), ids(page)
    for prefix, of in (("", "de"), ("en/", "of")):
        page.goto(site_url + prefix + "mi-progreso/")
        summary = page.locator("[data-checklist-summary]")
        summary.wait_for(state="visible")
        everything = page.locator("input[data-checklist-item]").count()
        assert everything > n
        assert ids(page) == sms  # the same checklist as on the module
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
    open_sms(page, site_url)
    assert box(page, 2).is_checked() and count_text(page) == f"3 de {n}"


def test_without_javascript_the_checklist_is_plain_checkboxes(browser, site_url):
    watch = PageWatch()
    context = open_context(browser, watch=watch, java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        watch_page(page, watch)
        page.goto(site_url + SMS)
        assert box(page, 1).is_visible()
        page.locator(f"{LIST} label").first.click()
        assert box(page, 1).is_checked()
        assert page.locator(f"{LIST} [data-checklist-status]").is_hidden()
        assert not watch.console_errors and not watch.foreign_requests
    finally:
        context.close()


def test_rows_are_big_enough_for_a_thumb(page, site_url):
    open_sms(page, site_url)
    for row in page.locator(f"{LIST} .digicom-checklist__item").all():
        assert row.bounding_box()["height"] >= 44
    label = page.locator(f"{LIST} label").first.bounding_box()
    assert label["height"] >= 44 and label["width"] > 200
    assert page.locator(f"{LIST} [data-checklist-reset]").bounding_box()["height"] >= 44


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_the_checklist_markup(page, site_url, scheme):
    page.emulate_media(color_scheme=scheme)
    open_sms(page, site_url)
    box(page, 2).check()
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    assert axe_violations(page, LIST) == []
    page.locator(f"{LIST} [data-checklist-reset]").click()  # the undo button and its status line showing
    assert page.locator(f"{LIST} [data-checklist-undo]").is_visible()
    assert axe_violations(page, LIST) == []
    page.goto(site_url + "mi-progreso/")
    page.locator("[data-checklist-summary]").wait_for(state="visible")
    assert axe_violations(page, ".digicom-progress") == []


def test_printed_the_boxes_are_empty_squares_and_there_is_no_reset_button(page, site_url):
    open_sms(page, site_url)
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


# ── A site update: ticks stay on their items ─────────────────────────────────────

FIXTURE_LIST = "#checklist-sms-1"
KEPT_ES, KEPT_EN = "El mensaje cabe en un SMS.", "The message fits in one SMS."
NEW_ES, NEW_EN = "He quitado a quien pidió la baja.", "I removed everyone who opted out."


@pytest.fixture(scope="module")
def updated_site(tmp_path_factory: pytest.TempPathFactory):
    """The fixture site as published, then after an editor added an item at the top of the SMS
    checklist (both languages) and reworded the English of the item a merchant ticked; both
    served, one after the other, from the same address."""
    work = tmp_path_factory.mktemp("checklist-update")
    before = build_site(make_site(work / "before"))
    assert before.ok, before.log
    english = (Path(before.site).parent / "docs/modulos/sms.en.md").read_text(encoding="utf-8")
    assert f"- [ ] {KEPT_EN}" in english, "the fixture site's English SMS checklist changed: update this test"
    after = build_site(make_site(work / "after", replace=[
        ("docs/modulos/sms.es.md", "    - [ ] Tengo el permiso", f"    - [ ] {NEW_ES}\n    - [ ] Tengo el permiso"),
        ("docs/modulos/sms.en.md", f"    - [ ] {KEPT_EN}", "    - [ ] The message fits in a single SMS."),
        ("docs/modulos/sms.en.md", "    - [ ] ", f"    - [ ] {NEW_EN}\n    - [ ] "),
    ]))
    assert after.ok, after.log
    with served_then_deployed(work, before.site, after.site) as served:
        yield served


def test_a_tick_stays_on_its_item_when_the_editor_adds_an_item_above_it(page, updated_site):
    url, publish_the_update = updated_site
    page.goto(url + SMS)
    labels = page.locator(f"{FIXTURE_LIST} label")
    assert labels.all_inner_texts() == ["Tengo el permiso de cada cliente.", KEPT_ES]
    labels.nth(1).click()
    assert count_text(page, FIXTURE_LIST) == "1 de 2"

    publish_the_update()
    page.reload()
    page.locator(f"{FIXTURE_LIST} [data-checklist-status]").wait_for(state="visible")
    assert labels.all_inner_texts() == [NEW_ES, "Tengo el permiso de cada cliente.", KEPT_ES]
    assert [box(page, n, FIXTURE_LIST).is_checked() for n in (1, 2, 3)] == [False, False, True]
    assert count_text(page, FIXTURE_LIST) == "1 de 3"
    # The English item was reworded: it is still the same item, still ticked.
    page.goto(url + "en/" + SMS)
    page.locator(f"{FIXTURE_LIST} [data-checklist-status]").wait_for(state="visible")
    assert labels.last.inner_text() == "The message fits in a single SMS."
    assert [box(page, n, FIXTURE_LIST).is_checked() for n in (1, 2, 3)] == [False, False, True]
    page.goto(url + "mi-progreso/")
    page.locator("[data-checklist-summary]").wait_for(state="visible")
    assert page.locator("[data-checklist-summary] [data-checklist-count]").inner_text() == "1 de 5"
