"""Quality gates over every page of both languages: accessibility, valid HTML, keyboard, legal pages."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import AXE_TAGS, ROOT, PageWatch, axe_violations, built_pages, open_context, watch_page
from test_layout_browser import SIDEWAYS

PALETTE_RULES = ["color-contrast", "link-in-text-block"]  # the axe rules whose result depends on colours
VNU_JAR = Path(os.environ.get("DIGICOM_VNU_JAR", ROOT / ".cache/npm/vnu-jar/node_modules/vnu-jar/build/dist/vnu.jar"))


SWEEP_PARTS = 6  # the pages are checked in this many groups, so parallel test workers can share the sweep


def _switch_to_dark(page) -> None:
    """What Material's palette toggle does: the dark palette's colour attributes set on the page's body."""
    switched = page.evaluate("""() => {
        const dark = document.querySelector('input[data-md-color-scheme="slate"]');
        if (!dark) return false;
        for (const key of ["scheme", "primary", "accent"])
            document.body.setAttribute(`data-md-color-${key}`, dark.getAttribute(`data-md-color-${key}`));
        return true;
    }""")
    assert switched, "the page has no dark palette"


@pytest.mark.parametrize("part", range(SWEEP_PARTS))
def test_every_page_fits_a_360_px_phone_is_accessible_in_either_palette_private_and_error_free(
        browser, site_url, site_dir, part):
    """Every page, as a small phone (360 × 740) loads it: nothing scrolls sideways (the page, or any part of
    it: example messages wrap, the session plan's table stacks its rows); no axe-core violation (WCAG 2.1
    AA and best practice) in the light palette, and none of the rules a palette can change (colours) in
    the dark one; no request to another host, no console error, no failed request, no cookie."""
    watch = PageWatch()
    context = open_context(browser, watch=watch, viewport={"width": 360, "height": 740}, color_scheme="light")
    page = context.new_page()
    watch_page(page, watch)
    found = []
    pages = built_pages(site_dir)[part::SWEEP_PARTS]
    assert pages
    for path in pages:
        page.goto(site_url + path)
        found += [f"{path} (sideways): {problem}" for problem in page.evaluate(SIDEWAYS)]
        # Colours fade over a fraction of a second when a script changes a class after the load (the home
        # page's progress) or the palette changes: measured mid-fade they would fail for no reason.
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
        found += [f"{path} (light): {violation}" for violation in axe_violations(page, tags=AXE_TAGS)]
        if not path.endswith("404.html"):  # no palette toggle on the not-found page; checked in dark below
            _switch_to_dark(page)
            found += [f"{path} (dark): {violation}" for violation in axe_violations(page, rule_ids=PALETTE_RULES)]
        # Requests a page makes after its load (deferred scripts, the service worker) came while axe ran.
        for kind in ("foreign_requests", "console_errors", "failed_requests"):
            if getattr(watch, kind):
                found.append(f"{path}: {kind}: {getattr(watch, kind)}")
                getattr(watch, kind).clear()
    cookies = context.cookies()
    context.close()
    assert not found, "\n".join(found)
    assert cookies == []


def test_the_not_found_pages_pass_axe_in_the_dark_palette(browser, site_url):
    context = open_context(browser, watch=PageWatch(), viewport={"width": 390, "height": 844}, color_scheme="dark")
    page = context.new_page()
    found = []
    for path in ("404.html", "en/404.html"):
        page.goto(site_url + path)
        found += [f"{path}: {violation}" for violation in axe_violations(page, tags=AXE_TAGS)]
    context.close()
    assert not found


def test_every_page_is_valid_html(site_dir):
    java = shutil.which("java")
    assert java and VNU_JAR.is_file(), (
        "The Nu HTML checker needs Java and vnu.jar; `make test` installs both "
        "(Debian's default-jre-headless and npm's vnu-jar).")
    result = subprocess.run([java, "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "json",
                             str(site_dir)], capture_output=True, text=True)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').split(str(site_dir))[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert not errors, "\n".join(errors[:40])
    assert len(list(site_dir.rglob("*.html"))) > 20


def test_keyboard_reaches_every_control_with_a_visible_focus(page, site_url):
    """Tab through a module page: search, language menu, palette, checklists and quizzes are reachable."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "modulos/sms/")
    reached, invisible = set(), []
    for _ in range(160):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const hidden = getComputedStyle(el).opacity === '0' || el.getBoundingClientRect().width < 2;
            // A visually hidden input shows its focus on the label beside it (Material's palette switch).
            const next = el.nextElementSibling;
            const shown = hidden ? (next && next.tagName === 'LABEL' ? next
                : document.querySelector(`label[for="${el.id}"]`) || el) : el;
            const style = getComputedStyle(shown);
            const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
                || style.boxShadow !== 'none' || style.textDecorationLine.includes('underline');
            return {tag: el.tagName.toLowerCase(), type: el.type || '', cls: el.className || '',
                    name: el.getAttribute('aria-label') || el.textContent.trim().slice(0, 30), visible};
        }""")
        if info is None:
            continue
        key = f"{info['tag']}:{info['type']}:{info['cls']}"
        reached.add(key)
        if not info["visible"]:
            invisible.append(f"{key} {info['name']}")
    kinds = " ".join(reached)
    assert "md-search__input" in kinds, "the search box cannot be reached with Tab"
    assert "checkbox" in kinds, "no checklist box can be reached with Tab"
    assert "radio" in kinds or "quiz" in kinds, "no quiz answer can be reached with Tab"
    assert not invisible, f"focus is not visible on: {invisible[:10]}"


@pytest.mark.parametrize("language", ["", "en/"])
def test_legal_pages_exist_in_each_language_and_are_in_the_menu(page, site_url, site_dir, language):
    for slug in ("aviso-legal/", "privacidad/", "accesibilidad/"):
        assert (site_dir / language / slug / "index.html").is_file(), language + slug
    page.goto(site_url + language)
    links = page.eval_on_selector_all(".md-nav a", "links => links.map(a => a.href)")
    for slug in ("aviso-legal/", "privacidad/", "accesibilidad/"):
        assert site_url + language + slug in links


def test_missing_pages_get_a_404_in_each_language(page, site_url):
    # GitHub Pages serves 404.html for any missing address.
    page.goto(site_url + "404.html")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text() == "No encontramos esta página"
    page.goto(site_url + "en/404.html")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Page not found"
