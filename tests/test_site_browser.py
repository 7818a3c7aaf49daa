"""What a merchant sees in Chromium: languages, the language switch, search, privacy."""

from __future__ import annotations

import json
import re
from importlib.resources import files as package_files
from pathlib import Path

import pytest

from conftest import built_pages

MATERIAL = Path(str(package_files("material"))) / "templates"


def open_search(page, query: str) -> list[str]:
    """Type a query into Material's search as a person does; return result links."""
    if page.locator("label[for=__search]").first.is_visible():
        page.locator("label[for=__search]").first.click()
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially(query, delay=30)
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta')"
        " && !/Inicializando|Initializing|Teclee|Type to start/i.test("
        "document.querySelector('.md-search-result__meta').textContent)",
        timeout=15000,
    )
    page.wait_for_timeout(300)
    return page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")


def search_results(page, url: str, query: str) -> list[str]:
    """The result links for a query typed on ``url`` (the page is opened only when not already there)."""
    if page.url != url:
        page.goto(url)
        links = open_search(page, query)
    else:  # the search stays open: clear it, as a person does, and write the next query
        field = page.locator("input.md-search__input")
        field.fill("")
        page.wait_for_function("() => /Teclee|Type to start/i.test("
                               "document.querySelector('.md-search-result__meta').textContent)")
        # Pasted but for its last letter, then that letter typed: Material searches on a key, so the
        # results shown next are the whole query's.
        field.fill(query[:-1])
        field.press(query[-1])
        page.wait_for_function("() => !/Teclee|Type to start/i.test("
                               "document.querySelector('.md-search-result__meta').textContent)")
        links = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    return [link.split("?")[0].split("#")[0] for link in links]


def test_home_pages_load_in_their_language(page, site_url):
    page.goto(site_url)
    assert page.locator("html").get_attribute("lang") == "es"
    assert "Curso DIGICOM" in page.title()
    page.goto(site_url + "en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "DIGICOM Course" in page.title()


def test_home_page_lists_every_module_with_its_time(page, site_url, site_dir):
    modules = sorted(p for p in built_pages(site_dir) if p.startswith("modulos/"))
    assert modules, "the site has no modules"
    page.goto(site_url)
    links = page.eval_on_selector_all(".digicom-module-list a", "links => links.map(a => a.href)")
    assert sorted(link.removeprefix(site_url) for link in links) == modules
    assert page.locator(".digicom-module-list__meta").first.inner_text().split()[1] == "minutos"


def _switch_language(page, language_name: str) -> None:
    page.locator(".md-header__option .md-select button").first.hover()
    page.get_by_role("link", name=language_name).click()
    page.wait_for_load_state()


def test_language_switch_keeps_the_page_after_navigating(page, site_url, site_dir):
    modules = sorted(p for p in built_pages(site_dir) if p.startswith("modulos/"))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url)
    # Navigate like a reader: home → first module → next module via the footer link.
    page.locator(".digicom-module-list a").first.click()
    page.locator(".md-footer__link--next").click()
    page.wait_for_load_state()
    here = page.url.removeprefix(site_url)
    assert here in modules
    _switch_language(page, "English")
    assert page.url == f"{site_url}en/{here}"
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-footer__link--prev").click()
    page.wait_for_load_state()
    there = page.url.removeprefix(site_url + "en/")
    _switch_language(page, "Español")
    assert page.url == f"{site_url}{there}"
    assert page.locator("html").get_attribute("lang") == "es"


@pytest.mark.parametrize(
    ("typed", "written"),
    [("informacion", "información"), ("gestion", "gestión"), ("campanas", "campañas"), ("CAMPAÑAS", "campañas")],
)
def test_spanish_search_ignores_accents_and_case_and_stays_in_spanish(page, site_url, typed, written):
    page.goto(site_url)
    links = open_search(page, typed)
    assert links, f"searching '{typed}' found nothing, but the site says '{written}'"
    assert not [link for link in links if "/en/" in link], "a Spanish page offered English results"
    highlighted = " ".join(page.eval_on_selector_all(".md-search-result mark", "m => m.map(x => x.textContent)"))
    assert written in highlighted.lower(), f"results for '{typed}' do not show the word '{written}'"


def test_english_search_finds_only_english_pages(page, site_url):
    page.goto(site_url + "en/")
    links = open_search(page, "customers")
    assert links
    assert all(link.startswith(site_url + "en/") for link in links), links


def _title_words_unique_to_one_page(site_dir) -> dict[str, str]:
    """For each page, a word of its title that no other page title has (lower case, 5+ letters)."""
    index = json.loads((site_dir / "search/search_index.json").read_text(encoding="utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"] if "#" not in doc["location"]}
    words = {location: set(re.findall(r"[^\W\d_]{5,}", title.lower())) for location, title in titles.items()}
    unique = {}
    for location, own in words.items():
        others = set().union(*(w for loc, w in words.items() if loc != location))
        candidates = sorted(own - others)
        if candidates:
            unique[location] = candidates[0]
    return unique


def test_query_matching_a_page_title_ranks_that_page_first(page, site_url, site_dir):
    unique = _title_words_unique_to_one_page(site_dir)
    modules = {loc: word for loc, word in unique.items() if loc.startswith("modulos/")}
    assert len(modules) >= 3, unique
    for location, word in modules.items():
        links = search_results(page, site_url, word)
        assert links and links[0] == site_url + location, (word, links[:3])


def test_search_index_and_worker_load_only_when_the_reader_goes_to_search(page, site_url):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "modulos/sms/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if url.endswith("search_index.json")], "the index loaded before any search"
    assert not [url for url in requested if "/workers/" in url], "the search worker started before any search"
    links = open_search(page, "consentimiento")
    assert links
    assert [url for url in requested if url.endswith("/curso/search/search_index.json")]
    assert [url for url in requested if "/workers/search-worker.js" in url]


@pytest.mark.parametrize("path", ["modulos/sms/index.html", "en/index.html", "404.html"])
def test_none_of_our_scripts_blocks_the_page(site_dir, path):
    """Our scripts are deferred; the three that must run before Material's are written into the page."""
    html = (site_dir / path).read_text(encoding="utf-8")
    head, body = html.split("</head>", 1)
    assert not re.findall(r"<script src=", head), "a script file in the head blocks the first paint"
    bundle = html.index('assets/javascripts/bundle.')
    for name in ("upstream/storage-guard.js", "upstream/alternates.js", "upstream/lazy-search.js"):
        assert name not in html, f"{name} is fetched as a file"
    assert html.index("__md_get") < html.index('"__md_get","__md_set"') < bundle  # the storage guard, in order
    assert html.index("data-rel") < bundle and html.index("XMLHttpRequest.prototype.open") < bundle
    ours = re.findall(r'<script src="[^"]*assets/javascripts/(?!bundle\.|mkdocs-quiz\.js)([^"]+)"([^>]*)>', body)
    assert ours and all("defer" in attributes for _, attributes in ours), ours


def test_the_theme_markup_is_published_without_its_indentation_and_the_article_as_written(site_dir):
    from page_speed import without_template_indentation

    page = ('<nav>\n    <a href="#">Inicio</a>\n\n\n  </nav>\n  <article>\n  <article>\n  card</article>\n  <p>Hola</p>\n'
            '  <pre>\n    código\n</pre>\n</article>\n  <textarea>\n  borrador</textarea>\n    <script>\n  var a;</script>')
    assert without_template_indentation(page) == (
        '<nav>\n<a href="#">Inicio</a>\n</nav>\n<article>\n  <article>\n  card</article>\n  <p>Hola</p>\n'
        '  <pre>\n    código\n</pre>\n</article>\n<textarea>\n  borrador</textarea>\n<script>\n  var a;</script>')
    html = (site_dir / "modulos/sms/index.html").read_text(encoding="utf-8")
    theme = re.sub(r"<(article|pre|textarea|script|style)\b.*?</\1>", "", html, flags=re.S)
    assert "<nav" in theme and not re.search(r"\n[ \t]+<", theme)


def test_our_site_wide_stylesheets_reach_a_phone_as_one_file(site_dir):
    """mkdocs.yml lists several stylesheets of ours for every page: each page asks for one file (one
    request that blocks the first paint instead of several), holding them all in their order."""
    import rcssmin

    from conftest import ROOT, load_mkdocs_yml

    bundle = "assets/stylesheets/digicom-site.css"
    parts = [path for path in load_mkdocs_yml()["extra_css"] if (ROOT / "overrides" / path).is_file()]
    assert len(parts) > 1
    published = (site_dir / bundle).read_text(encoding="utf-8")
    at = [published.index(rcssmin.cssmin((ROOT / "overrides" / part).read_text(encoding="utf-8"))) for part in parts]
    assert at == sorted(at), "the stylesheets are not in mkdocs.yml's order"
    precached = json.loads(re.search(r"DIGICOM_PRECACHE=(\[.*?\]);", (site_dir / "sw.js").read_text())[1])
    precached = {path for path, _ in precached}
    assert bundle in precached and not precached & set(parts)  # the worker keeps what pages ask for
    for page in ("index.html", "modulos/sms/index.html", "en/herramientas/index.html", "404.html"):
        html = (site_dir / page).read_text(encoding="utf-8")
        assert html.count("digicom-site.css") == 1, page
        assert not [part for part in parts if re.search(rf'href="[^"]*{re.escape(part)}"', html)], page


def test_in_one_puts_the_bundle_where_the_first_of_its_parts_stood():
    from page_speed import in_one

    assert in_one(["material.js", "a.js", "other.js", "b.js"], ["a.js", "b.js"], "site.js") == [
        "material.js", "site.js", "other.js"]


def test_our_drawings_are_published_smaller_and_the_same(site_dir):
    import xml.etree.ElementTree as ElementTree

    from conftest import ROOT

    source = ROOT / "overrides/assets/images/app-icon.svg"
    built = site_dir / "assets/images/app-icon.svg"
    assert "<!--" in source.read_text(encoding="utf-8") and "<!--" not in built.read_text(encoding="utf-8")
    assert built.stat().st_size < 0.8 * source.stat().st_size

    def drawing(path: Path) -> list:
        return [(element.tag, element.attrib) for element in ElementTree.parse(path).iter()]

    assert drawing(built) == drawing(source)


def test_materials_palette_keeps_the_rules_of_the_sites_own_colours_only(site_dir):
    from page_speed import palette_for

    css = ("@media screen{[data-md-color-scheme=slate]{--bg:#111}}[data-md-color-primary=pink]{--p:#e92063}"
           "[data-md-color-primary=indigo]{--p:#4051b5}[data-md-color-accent=deep-orange]{--a:#ff6e42}"
           "[data-md-color-accent=lime]{--a:#cf0}[data-md-color-primary=white] .x,[data-md-color-primary=indigo] .x{c:0}")
    assert palette_for(css, {"indigo", "deep-orange"}) == (
        "@media screen{[data-md-color-scheme=slate]{--bg:#111}}[data-md-color-primary=indigo]{--p:#4051b5}"
        "[data-md-color-accent=deep-orange]{--a:#ff6e42}[data-md-color-primary=white] .x,[data-md-color-primary=indigo] .x{c:0}")
    material = next((MATERIAL / "assets/stylesheets").glob("palette.*.min.css"))
    published = (site_dir / "assets/stylesheets" / material.name).read_text(encoding="utf-8")
    assert len(published) < 0.5 * len(material.read_text(encoding="utf-8"))
    assert "[data-md-color-primary=indigo]{" in published and "[data-md-color-accent=deep-orange]{" in published
    assert "[data-md-color-primary=pink]{" not in published  # a colour of no palette of this site


COLOURED = {".md-header": "backgroundColor", ".md-tabs, .md-header": "color", ".md-typeset a[href]": "color",
            ".md-footer": "backgroundColor", "[data-digicom-present]": "backgroundColor"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_wear_the_same_colours_as_with_materials_whole_palette(page, site_url, scheme):
    material = next((MATERIAL / "assets/stylesheets").glob("palette.*.min.css"))

    def colours() -> dict:
        return {selector: page.locator(selector).first.evaluate(f"e => getComputedStyle(e).{name}")
                for selector, name in COLOURED.items()}

    page.emulate_media(color_scheme=scheme)
    for prefix in ("", "en/"):
        page.goto(f"{site_url}{prefix}modulos/sms/")
        ours = colours()
        page.route(f"**/assets/stylesheets/{material.name}",
                   lambda route: route.fulfill(body=material.read_bytes(), content_type="text/css"))
        page.goto(f"{site_url}{prefix}modulos/sms/")
        assert colours() == ours, prefix
        page.unroute(f"**/assets/stylesheets/{material.name}")
