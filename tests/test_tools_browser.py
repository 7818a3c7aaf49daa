"""The tool directory in Chromium, as a shop owner uses it on a phone: each filter,
filters together, clearing them, the count, both languages, search, a module's tools,
accessibility (axe) and the keyboard.

The tests run on the real site (session fixtures ``site_url`` and ``page``). What the page
must show is worked out from the site's own data file through the course model
(``course.model.load_course``, ``course.tools``), never from the page itself.
"""

from __future__ import annotations

import html
import re

import pytest

from conftest import PageWatch, ROOT, axe_violations, open_context, watch_page
from course.model import load_course, read_settings
from course.tools import filter_options, read_schema, tools_for_module, valid_tools

COURSE = load_course(ROOT, read_settings(ROOT))
MODULE_IDS = [module.id for module in COURSE.modules("es")]
TOOLS = valid_tools(COURSE.tools)
OPTIONS = filter_options(TOOLS, read_schema())
ALL_IDS = [tool["id"] for tool in TOOLS]


def ids_where(predicate) -> list[str]:
    return [tool["id"] for tool in TOOLS if predicate(tool)]


def open_directory(page, site_url: str, prefix: str = "") -> None:
    page.goto(f"{site_url}{prefix}herramientas/")
    page.locator("form.digicom-tools__filters").wait_for(state="visible")


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-digicom-tools] [data-tool]",
        "cards => cards.filter(card => card.getClientRects().length > 0).map(card => card.dataset.tool)")


def shown_count(page) -> tuple[int, int]:
    text = page.locator("[data-tools-count]").inner_text()
    match = re.fullmatch(r"(?:Mostrando|Showing) (\d+) (?:de|of) (\d+) (?:herramientas|tools)", text)
    assert match, f"unexpected count text: {text!r}"
    return int(match.group(1)), int(match.group(2))


def assert_shows(page, expected: list[str]) -> None:
    assert visible_ids(page) == expected
    assert shown_count(page) == (len(expected), len(ALL_IDS))
    assert page.locator("[data-tools-none]").is_visible() == (not expected)


def test_without_javascript_the_full_list_shows_and_the_filters_stay_hidden(browser, site_url):
    watch = PageWatch()
    context = open_context(browser, watch=watch, java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        watch_page(page, watch)
        page.goto(f"{site_url}herramientas/")
        assert not page.locator("form.digicom-tools__filters").is_visible()
        assert visible_ids(page) == ALL_IDS
    finally:
        context.close()
    assert not watch.foreign_requests and not watch.console_errors


def test_each_filter_narrows_the_list_and_the_count_follows(page, site_url):
    open_directory(page, site_url)
    assert_shows(page, ALL_IDS)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "wider than a phone"
    category = page.get_by_label("Categoría", exact=True)
    for value in OPTIONS["categories"]:
        category.select_option(value)
        expected = ids_where(lambda tool: value in tool["categories"])
        assert 0 < len(expected) < len(ALL_IDS)
        assert_shows(page, expected)
    category.select_option("")
    assert_shows(page, ALL_IDS)
    for tier in OPTIONS["price_tiers"]:
        box = page.locator(f'input[name="price"][value="{tier}"]')
        box.check()
        expected = ids_where(lambda tool: tool["price_tier"] == tier)
        assert 0 < len(expected) < len(ALL_IDS)
        assert_shows(page, expected)
        box.uncheck()
    for name in ("free_plan", "spanish_ui"):
        box = page.locator(f'input[name="{name}"]')
        box.check()
        expected = ids_where(lambda tool: tool[name])
        assert 0 < len(expected) < len(ALL_IDS)
        assert_shows(page, expected)
        box.uncheck()
    assert_shows(page, ALL_IDS)


def test_filters_combine_and_clearing_them_shows_every_tool(page, site_url):
    open_directory(page, site_url)
    first, second = OPTIONS["price_tiers"][:2]
    page.locator(f'input[name="price"][value="{first}"]').check()
    page.locator(f'input[name="price"][value="{second}"]').check()
    assert_shows(page, ids_where(lambda tool: tool["price_tier"] in (first, second)))  # either price
    page.locator('input[name="free_plan"]').check()
    page.locator('input[name="spanish_ui"]').check()
    expected = ids_where(lambda tool: tool["price_tier"] in (first, second) and tool["free_plan"]
                         and tool["spanish_ui"])
    assert expected
    assert_shows(page, expected)
    # A category and a price that no tool has together: the list is empty and says so.
    empty = next(((c, t) for c in OPTIONS["categories"] for t in OPTIONS["price_tiers"]
                  if not ids_where(lambda tool: c in tool["categories"] and tool["price_tier"] == t)), None)
    assert empty, "the data should have a category and price pair with no tool, to test the empty list"
    page.get_by_role("button", name="Quitar filtros").click()
    page.get_by_label("Categoría", exact=True).select_option(empty[0])
    page.locator(f'input[name="price"][value="{empty[1]}"]').check()
    assert_shows(page, [])
    page.get_by_role("button", name="Quitar filtros").click()
    assert_shows(page, ALL_IDS)
    assert page.locator("form.digicom-tools__filters input:checked").count() == 0
    assert page.get_by_label("Categoría", exact=True).input_value() == ""


def test_spanish_and_english_directories_list_the_same_tools(page, site_url):
    open_directory(page, site_url)
    spanish = visible_ids(page)
    assert shown_count(page) == (len(ALL_IDS), len(ALL_IDS))
    open_directory(page, site_url, "en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("[data-tools-count]").inner_text() == f"Showing {len(ALL_IDS)} of {len(ALL_IDS)} tools"
    assert visible_ids(page) == spanish == ALL_IDS


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_tool_is_in_its_languages_search_and_a_search_finds_its_card(page, site_url, prefix):
    response = page.request.get(f"{site_url}{prefix}search/search_index.json")
    assert response.ok
    titles = {doc["location"]: html.unescape(doc["title"]) for doc in response.json()["docs"]}
    assert {tool["name"] for tool in TOOLS} == {titles.get(f"herramientas/#tool-{tool['id']}") for tool in TOOLS}
    # Type a tool's name into Material's search, as a person does, and land on its card.
    tool = max(TOOLS, key=lambda tool: len(tool["name"].split()[0]))
    query = tool["name"].split()[0]
    page.goto(f"{site_url}{prefix}")
    if page.locator("label[for=__search]").first.is_visible():
        page.locator("label[for=__search]").first.click()
    page.locator("input.md-search__input").press_sequentially(query, delay=30)
    # Material may add "?h=<query>" (search.highlight) between the page and the anchor.
    result = page.locator(f'.md-search-result__item a[href*="herramientas/"][href$="#tool-{tool["id"]}"]').first
    result.wait_for(state="attached", timeout=15000)
    assert result.get_attribute("href").startswith(f"{site_url}{prefix}herramientas/")


@pytest.mark.parametrize(("prefix", "heading"), [("", "Herramientas para este módulo"),
                                                 ("en/", "Tools for this module")])
def test_a_module_page_shows_its_tools_and_links_to_their_cards(page, site_url, prefix, heading):
    module = next(m for m in MODULE_IDS if tools_for_module(TOOLS, m))
    tools = tools_for_module(TOOLS, module)
    page.goto(f"{site_url}{prefix}modulos/{module}/")
    section = page.locator("h2#tools")
    assert section.inner_text().removesuffix("¶").strip() == heading
    links = page.locator(".digicom-module-tools__list a")
    assert links.all_inner_texts() == [tool["name"] for tool in tools]
    assert axe_violations(page, ".digicom-module-tools") == []
    links.last.click()
    page.wait_for_load_state()
    assert page.url == f"{site_url}{prefix}herramientas/#tool-{tools[-1]['id']}"
    card = page.locator(f"#tool-{tools[-1]['id']}")
    assert card.is_visible() and card.inner_text() == tools[-1]["name"]
    assert page.evaluate("el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }",
                         card.element_handle())


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_violation_in_the_directory(page, site_url, scheme):
    page.emulate_media(color_scheme=scheme)
    open_directory(page, site_url)
    assert page.locator("body").get_attribute("data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
    page.locator('input[name="free_plan"]').check()  # with a filter on, too
    assert axe_violations(page, "[data-digicom-tools]") == []


def test_keyboard_tab_to_a_filter_and_toggle_it_with_space(page, site_url):
    open_directory(page, site_url)
    page.get_by_label("Categoría", exact=True).focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.name, document.activeElement.value, "
                            "document.activeElement.matches(':focus-visible'), "
                            "getComputedStyle(document.activeElement).outlineStyle]")
    first_tier = OPTIONS["price_tiers"][0]
    assert focused[:3] == ["price", first_tier, True]
    assert focused[3] != "none", "the focused filter has no visible outline"
    page.keyboard.press("Space")
    assert page.locator(f'input[name="price"][value="{first_tier}"]').is_checked()
    assert_shows(page, ids_where(lambda tool: tool["price_tier"] == first_tier))
    page.keyboard.press("Space")
    assert_shows(page, ALL_IDS)
