"""The site on a small phone (360 × 740), in Chromium: tables stack, and no tooltip stays stuck.

That no page of either language scrolls sideways at 360 px (``SIDEWAYS``) is checked on the
same visit as its accessibility, in ``tests/test_quality.py``. Here: the session plan's table
shows each cell under its column's name, and on a touch screen a tap on a header button
(search's "Limpiar") leaves no tooltip on screen.
"""

from __future__ import annotations

import pytest

from conftest import PageWatch, open_context, watch_page
from test_site_browser import open_search

SIDEWAYS = """() => {
  const found = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width) found.push(`the page is ${document.documentElement.scrollWidth} px wide`);
  for (const element of document.querySelectorAll("body *")) {
    const overflow = getComputedStyle(element).overflowX;
    if (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1 && ["auto", "scroll"].includes(overflow)) {
      found.push(`<${element.tagName.toLowerCase()} class="${element.className}"> scrolls: ` +
                 `${element.scrollWidth} px in ${element.clientWidth} («${element.textContent.trim().slice(0, 40)}»)`);
    }
  }
  return found;
}"""


@pytest.fixture(scope="module")
def small_phone(browser):
    watch = PageWatch()
    context = open_context(browser, watch=watch, viewport={"width": 360, "height": 740}, locale="es-ES",
                           service_workers="block")
    page = context.new_page()
    watch_page(page, watch)
    yield page
    context.close()


def test_the_session_plan_table_shows_each_cell_under_its_columns_name(small_phone, site_url):
    small_phone.goto(site_url + "plan-de-sesion/")
    cell = small_phone.locator("table.digicom-session-table tbody tr").first.locator("td").first
    label = cell.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label == '"Duración"'
    assert small_phone.locator("table.digicom-session-table thead").bounding_box()["height"] <= 1


def test_a_tap_on_a_header_button_leaves_no_tooltip_on_screen(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True,
                                  service_workers="block")
    page = context.new_page()
    page.goto(site_url + "modulos/sms/")
    page.locator("label[for=__search]").first.tap()
    page.locator("input.md-search__input").press_sequentially("sms")
    page.locator("button.md-search__icon[type=reset]").tap()
    page.wait_for_timeout(500)
    tips = page.locator(".md-tooltip")
    stuck = [tips.nth(n).inner_text() for n in range(tips.count()) if tips.nth(n).is_visible()]
    # A glossary abbreviation still explains itself on tap.
    page.goto(site_url + "modulos/sms/")
    abbreviation = page.locator(".md-content abbr[title]").first
    abbreviation.tap()
    explained = page.locator(".md-tooltip2--active").first
    explained.wait_for(state="visible")
    context.close()
    assert not stuck, f"tooltips left on screen after a tap: {stuck}"
