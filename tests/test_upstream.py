"""Each workaround for another package (hooks/course/upstream.py, WORKAROUNDS) still has something to fix,
and still fixes it in the built site.

Every test here checks both halves: the upstream behaviour the workaround exists for is still
there in the installed package (when an upgrade fixes it, the test fails: drop the workaround,
see MAINTAINING.md), and the built site shows the fix (when an upgrade changes the markup so
the fix silently stops matching, the test fails).
"""

from __future__ import annotations

import json
import re
from importlib.resources import files as package_files
from pathlib import Path

import pytest
import rcssmin
import rjsmin

from conftest import PageWatch, open_context, watch_page
from course import upstream

MATERIAL = Path(str(package_files("material"))) / "templates"


def test_every_workaround_names_its_package_version_issue_file_and_test():
    from conftest import ROOT

    for workaround in upstream.WORKAROUNDS:
        assert re.search(r"\d+\.\d+", workaround.package), workaround.name
        assert workaround.upstream, workaround.name
        assert (ROOT / workaround.where.split(" ")[0]).exists(), workaround.where
        assert (ROOT / workaround.test).is_file(), workaround.test


def test_the_search_dialog_has_no_name_upstream_and_ours_has_one(site_dir: Path):
    assert re.search(r'role="dialog">', (MATERIAL / "partials/search.html").read_text(encoding="utf-8"))
    spanish = (site_dir / "index.html").read_text(encoding="utf-8")
    english = (site_dir / "en/index.html").read_text(encoding="utf-8")
    assert 'role="dialog" aria-label="Buscar en el curso"' in spanish
    assert 'role="dialog" aria-label="Search the course"' in english


def test_material_writes_invalid_attributes_and_our_pages_have_none(site_dir: Path):
    assert 'class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off"' in \
        (MATERIAL / "base.html").read_text(encoding="utf-8")
    assert 'tabindex="{{ tabindex }}"' in (MATERIAL / "partials/nav-item.html").read_text(encoding="utf-8")
    for page in ("index.html", "en/modulos/sms/index.html"):
        html = (site_dir / page).read_text(encoding="utf-8")
        assert not upstream.TOGGLE_AUTOCOMPLETE.search(html) and 'tabindex=""' not in html, page
        assert 'data-md-toggle="drawer"' in html


def test_heading_links_are_titled_in_the_page_language(site_dir: Path):
    assert 'title="Enlace a esta sección"' in (site_dir / "modulos/sms/index.html").read_text(encoding="utf-8")
    english = (site_dir / "en/modulos/sms/index.html").read_text(encoding="utf-8")
    assert 'class="headerlink"' in english and 'title="Enlace a esta sección"' not in english
    assert 'title="Link to this section"' in english


def test_the_quiz_plugin_inlines_its_css_and_script_and_our_pages_link_them_as_its_own_files(site_dir: Path):
    from mkdocs_quiz.plugin import js_script, style

    assert style.startswith("<style") and len(js_script) > 10_000
    page = (site_dir / "modulos/sms/index.html").read_text(encoding="utf-8")
    body = page.split("<body", 1)[1]
    assert "<style" not in body and js_script not in page and '<script type="text/javascript" defer>' not in page
    # One file, loaded when the reader nears a question (load-near.js), after quizzes.js.
    assert ('data-scripts="../../assets/javascripts/quizzes.js ../../assets/javascripts/quiz-texts.es.js '
            '../../assets/javascripts/mkdocs-quiz.js"' in page and page.count("mkdocs-quiz.js") == 1)
    assert 'href="../../assets/stylesheets/mkdocs-quiz.css"' in page
    assert 'id="quiz-progress-sidebar"' not in page
    plugin = package_files("mkdocs_quiz")
    for built, shipped, minify in (
            ("assets/javascripts/mkdocs-quiz.js", plugin / "js" / "quiz.js", rjsmin.jsmin),
            ("assets/stylesheets/mkdocs-quiz.css", plugin / "css" / "quiz.css",
             lambda css: upstream.quiz_css_without_sidebar(rcssmin.cssmin(css)))):
        published = (site_dir / built).read_text(encoding="utf-8")
        # The plugin's own code, only minified (its CSS without the sidebar's rules, below): nothing else changed.
        assert published == minify(shipped.read_text(encoding="utf-8"))
        assert len(published) < 0.8 * len(shipped.read_text(encoding="utf-8"))


def test_the_quiz_plugin_styles_a_progress_sidebar_no_page_has_and_we_publish_its_css_without_those_rules(
        site_dir: Path):
    from mkdocs_quiz import plugin as quiz_plugin

    shipped = rcssmin.cssmin((package_files("mkdocs_quiz") / "css" / "quiz.css").read_text(encoding="utf-8"))
    sidebar_markup = Path(quiz_plugin.__file__).read_text(encoding="utf-8")
    assert 'id="quiz-progress-sidebar"' in sidebar_markup and 'class="quiz-correct-reset"' in sidebar_markup
    assert "#quiz-progress-sidebar" in shipped and ".quiz-progress-mobile" in shipped and ".quiz-correct-reset{" in shipped
    published = (site_dir / "assets/stylesheets/mkdocs-quiz.css").read_text(encoding="utf-8")
    assert not upstream.QUIZ_SIDEBAR_NAMES.search(published) and "@media" in shipped
    for kept in (".quiz{", ".quiz-feedback-item.correct{", '[data-md-color-scheme="slate"] .quiz-feedback-item.correct{',
                 ".quiz-blank-input{", ".quiz-results{"):  # what the questions wear stays, dark palette too
        assert kept in published, kept
    names = set()  # the names the sidebar's rules style appear in no page the site publishes
    for page in ("modulos/sms/index.html", "en/autoevaluacion/index.html", "mi-progreso/index.html"):
        names |= set(upstream.QUIZ_SIDEBAR_NAMES.findall((site_dir / page).read_text(encoding="utf-8")))
    assert names == set()


@pytest.mark.parametrize(("css", "kept"), [
    ("a{x:1}.quiz-progress-bar{y:2}b,.quiz-progress-mobile{z:3}", "a{x:1}b,.quiz-progress-mobile{z:3}"),
    ("@media screen{#quiz-progress-sidebar .l{w:1}}.q{v:2}", ".q{v:2}"),  # an @media left empty goes too
    ("@media screen{#quiz-progress-sidebar{w:1}.q{v:2}}", "@media screen{.q{v:2}}"),
])
def test_a_rule_goes_only_when_none_of_its_selectors_can_match(css: str, kept: str):
    assert upstream.quiz_css_without_sidebar(css) == kept


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_self_assessment_sets_its_questions_up_with_the_page(site_dir: Path, prefix: str):
    """Its questions are the page: waiting for the reader to near one would only set them up later
    (a second layout of twenty questions). The plugin's script stands where the plugin put it, before
    Material's bundle; quizzes.js is deferred, so it hands over the answers before DOMContentLoaded."""
    page = (site_dir / prefix / "autoevaluacion/index.html").read_text(encoding="utf-8")
    up = "../" * (1 + prefix.count("/"))
    plugin = page.index(f'<script src="{up}assets/javascripts/mkdocs-quiz.js"></script>')
    assert plugin < page.index("assets/javascripts/bundle.")
    assert f'<script src="{up}assets/javascripts/quizzes.js" defer data-with-page></script>' in page
    assert "load-near.js" not in page and "window.mkdocsQuizTranslations" in page


def test_published_files_of_other_packages_are_byte_identical(site_dir: Path):
    """Nothing of Material's code is rewritten (the old home-made compaction changed its lunr files).

    Its palette stylesheet alone loses the colours no palette of the site names (hooks/page_speed.py,
    tests/test_site_browser.py)."""
    for source in (MATERIAL / "assets/javascripts/lunr").rglob("*.js"):
        built = site_dir / "assets/javascripts/lunr" / source.relative_to(MATERIAL / "assets/javascripts/lunr")
        assert built.read_bytes() == source.read_bytes(), built
    bundle = next((MATERIAL / "assets/javascripts").glob("bundle.*.min.js"))
    assert (site_dir / "assets/javascripts" / bundle.name).read_bytes() == bundle.read_bytes()


def test_quiz_answers_and_explanations_stay_out_of_search(site_dir: Path):
    index = json.loads((site_dir / "search/search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    page = (site_dir / "modulos/sms/index.html").read_text(encoding="utf-8")
    assert '<div class="quiz" data-search-exclude' in page
    explanation = re.search(r"<section class=\"content hidden\"><p>(.{30,80}?)[<.]", page)
    assert explanation and explanation.group(1) not in text


@pytest.mark.parametrize(("html", "indexed"), [
    ('<p>a</p><div class="quiz" data-search-exclude id="q"><div>q</div><section><p>answer</p></section></div><p>b</p>',
     "<p>a</p><p>b</p>"),
    ('<aside title="a>b" data-search-exclude><aside>note</aside><!-- </aside> --> more</aside><p>after</p>',
     "<p>after</p>"),
    ('<div data-search-exclude="">x</div><p>y</p><DIV  data-search-exclude>z<div>w</DIV>v</div><p>u</p>', "<p>y</p><p>u</p>"),
    ('<img data-search-exclude src="a.png"><p>after</p>', "<p>after</p>"),
    ('<div data-search-excluded>kept</div><p>data-search-exclude as words</p>',
     '<div data-search-excluded>kept</div><p>data-search-exclude as words</p>'),
    ('<p>before</p><div data-search-exclude>never closed<p>answer', "<p>before</p>"),
    ('<p>data-search-exclude</p><div title="a<b" data-search-exclude>x</div><p>y</p>',
     "<p>data-search-exclude</p><p>y</p>"),
])
def test_an_excluded_element_leaves_search_whole_with_what_it_holds(html: str, indexed: str):
    """Material's parser ends an excluded <div> at the first </div> inside it; the site's search does not."""
    assert upstream.without_search_excluded(html) == indexed


@pytest.mark.parametrize(("html", "shown"), [
    ('<div class="quiz" data-search-exclude data-search-boost="2">x</div>', '<div class="quiz" data-search-exclude>x</div>'),
    ('<p\tdata-search-a="1"\ndata-search-b="2">y</p><p>data-search-c=""</p>', '<p>y</p><p>data-search-c=""</p>'),
    ('data-search-a="1"<p>z</p>', "<p>z</p>"),
])
def test_the_page_shown_keeps_no_search_attribute_with_a_value(html: str, shown: str):
    """As Material's own cut leaves a page once indexed (the attribute and the space before it)."""
    assert upstream.without_search_attributes(html) == shown


def test_each_language_has_its_own_not_found_page(site_dir: Path):
    assert '<html lang="es"' in (site_dir / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in (site_dir / "en/404.html").read_text(encoding="utf-8")


def test_material_reads_storage_unguarded_and_our_pages_survive_blocked_storage(browser, site_url):
    assert "__md_get=(e,_=localStorage" in (MATERIAL / "partials/javascripts/base.html").read_text(encoding="utf-8")
    watch = PageWatch()
    context = open_context(browser, watch=watch)
    context.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', "
                            "'SecurityError'); }});")
    page = context.new_page()
    watch_page(page, watch)
    page.goto(site_url + "modulos/sms/")
    page.wait_for_load_state("networkidle")
    context.close()
    errors = [error for error in watch.console_errors if "quiz progress" not in error.lower()]
    assert not errors, errors


def test_material_would_fetch_a_sitemap_per_alternate_link_and_our_pages_do_not(browser, site_url):
    bundle = next((MATERIAL / "assets/javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert "sitemap.xml" in bundle and 'link[rel=alternate]' in bundle
    watch = PageWatch()
    context = open_context(browser, watch=watch)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "modulos/sms/")
    page.wait_for_load_state("networkidle")
    assert page.locator('link[hreflang="en"]').count() == 1  # still there for search engines
    context.close()
    assert not [url for url in requested if "sitemap.xml" in url]


@pytest.mark.parametrize("fixed", [
    ('<div class="md-search" data-md-component="search" role="dialog">', "Buscar"),
])
def test_the_markup_fixes_apply_once(fixed):
    markup, label = fixed
    once = upstream.name_search_dialog(markup, label)
    assert once != markup and upstream.name_search_dialog(once, label) == once


# ── The light / dark switch (upstream/palette.js) ──────────────────────────

BODY_COLOURS = ("data-md-color-scheme", "data-md-color-primary", "data-md-color-accent", "data-md-color-switching")
RECORD_BODY_COLOURS = ("window.__colourChanges = []; new MutationObserver(records => { for (const r of records) "
                       "window.__colourChanges.push(r.attributeName); }).observe(document, {attributes: true, "
                       f"subtree: true, attributeFilter: {list(BODY_COLOURS)}}});")
SWITCH = "[data-digicom-palette] label:not([hidden])"
PALETTE_KEY = "__palette"


def palette_state(page) -> dict:
    return page.evaluate("""() => ({
        scheme: document.body.getAttribute('data-md-color-scheme'),
        shown: [...document.querySelectorAll('[data-digicom-palette] label')].filter(l => !l.hidden).map(l => l.previousElementSibling.getAttribute('aria-label')),
        checked: [...document.querySelectorAll('[data-digicom-palette] input')].findIndex(i => i.checked),
        browserBar: document.querySelector('meta[name="theme-color"]')?.content,
        changes: window.__colourChanges,
    })""")


def test_materials_palette_switch_restyles_each_page_as_it_starts_and_ours_does_not(site_dir, browser, site_url):
    """Material's component marks the body as switching colours and reads the header's computed colour as it
    mounts: a whole-page restyle on every page, about 120 ms of blocked page on a phone (Lighthouse).
    Ours leaves the colours the page already wears alone."""
    bundle = next((MATERIAL / "assets/javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert "data-md-color-switching" in bundle and "theme-color" in bundle
    assert upstream.PALETTE_COMPONENT in (MATERIAL / "partials/palette.html").read_text(encoding="utf-8")
    for built in ("index.html", "modulos/sms/index.html", "en/herramientas/index.html"):
        html = (site_dir / built).read_text(encoding="utf-8")
        assert upstream.OWN_PALETTE in html and 'data-md-component="palette"' not in html, built
    watch = PageWatch()
    context = open_context(browser, watch=watch, viewport={"width": 390, "height": 844}, service_workers="block",
                           color_scheme="light")
    context.add_init_script(RECORD_BODY_COLOURS)
    page = context.new_page()
    watch_page(page, watch)
    page.goto(site_url + "modulos/sms/")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    state = palette_state(page)
    context.close()
    assert state["changes"] == [] and state["scheme"] == "default"
    assert state["shown"] == ["Modo oscuro"] and state["checked"] == 0  # the switch is there, to the dark palette
    assert state["browserBar"] == "#4051b5"  # Material's indigo
    assert not watch.console_errors, watch.console_errors


def test_the_switch_changes_the_palette_keeps_the_choice_across_pages_and_languages_and_works_by_keyboard(
        page, site_url):
    page.emulate_media(color_scheme="light")
    page.goto(site_url + "modulos/sms/")
    page.locator(SWITCH).click()
    state = palette_state(page)
    assert state["scheme"] == "slate" and state["shown"] == ["Modo claro"] and state["checked"] == 1
    page.goto(site_url + "en/herramientas/")  # another page, the other language: the reader's choice holds
    state = palette_state(page)
    assert state["scheme"] == "slate" and state["shown"] == ["Light mode"]
    page.locator("[data-digicom-palette] input:checked").focus()
    page.keyboard.press("Enter")
    assert palette_state(page)["scheme"] == "default"
    page.reload()
    assert palette_state(page)["scheme"] == "default" and palette_state(page)["shown"] == ["Dark mode"]


def test_the_site_follows_the_systems_setting_until_the_reader_chooses(page, site_url):
    page.emulate_media(color_scheme="dark")
    page.goto(site_url + "modulos/sms/")
    assert palette_state(page)["scheme"] == "slate"
    page.emulate_media(color_scheme="light")  # the phone turns to its day setting
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")
    page.locator(SWITCH).click()  # the reader chooses dark
    page.emulate_media(color_scheme="light")
    page.reload()
    assert palette_state(page)["scheme"] == "slate"  # the choice wins over the system's setting


def test_a_first_visit_with_a_dark_system_opens_dark_without_a_colour_fade(page, site_url):
    """The dark colours are put on as the page starts; no link or header fades from the light ones."""
    page.add_init_script("window.__fades = []; document.addEventListener('transitionrun', e => "
                         "window.__fades.push(e.propertyName), true);")
    page.emulate_media(color_scheme="dark")
    page.goto(site_url + "modulos/sms/")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert palette_state(page)["scheme"] == "slate"
    assert [name for name in page.evaluate("window.__fades") if "color" in name] == []
    assert page.evaluate("document.body.hasAttribute('data-md-color-switching')") is False


@pytest.mark.parametrize("stored", ['{"index": 7}', '"dark"', "{not json", '{"index": 1, "color": {"scheme": "pink"}}'])
def test_an_old_or_broken_stored_palette_opens_the_page_in_a_palette_of_the_site(page, site_url, stored):
    page.goto(site_url + "aviso-legal/")
    # Where Material keeps it: the site's scope (its path) and the key.
    page.evaluate("([key, value]) => localStorage.setItem(__md_scope.pathname + '.' + key, value)", [PALETTE_KEY, stored])
    page.emulate_media(color_scheme="light")
    page.goto(site_url + "modulos/sms/")
    state = palette_state(page)
    assert state["scheme"] in ("default", "slate") and len(state["shown"]) == 1
    expected = "slate" if stored.startswith('{"index": 1') else "default"
    assert state["scheme"] == expected
    page.locator(SWITCH).click()  # and the switch still works
    assert palette_state(page)["scheme"] != expected


def test_with_storage_blocked_the_switch_works_on_the_page(browser, site_url):
    watch = PageWatch()
    context = open_context(browser, watch=watch, viewport={"width": 390, "height": 844}, service_workers="block")
    context.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', "
                            "'SecurityError'); }});")
    page = context.new_page()
    watch_page(page, watch)
    page.goto(site_url + "modulos/sms/")
    page.locator(SWITCH).click()
    assert palette_state(page)["scheme"] == "slate"
    context.close()
    assert not [error for error in watch.console_errors if "quiz progress" not in error.lower()]
