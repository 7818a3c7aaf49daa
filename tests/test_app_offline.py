"""The course on a merchant's phone with no network, after one visit (hooks/offline_app.py, sw.js).

In Chromium: one online visit to the home page, then the network is cut
(``context.set_offline(True)``): module pages never opened, in both languages, open;
search finds them; a quiz and a checklist work; the presentation opens. Then a new
deploy: build A is served, visited, replaced by build B at the same address (with
GitHub Pages' ``Cache-Control: max-age=600``); the reader sees one line saying a new
version is ready, loads it, and only B's cache is left. The site can be installed: each
language has a manifest with its name, start page and icons.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import threading
from pathlib import Path

import pytest

from conftest import SITE_PATH, PageWatch, _SiteHandler, build_site, make_site, open_context, watch_page
from course.offline_app import ICONS, MANIFEST, WORKER
from test_checklists_browser import LIST, box, count_text
from test_quizzes_browser import TEXTS, answer, feedback, quizzes_of
from test_site_browser import open_search

PHONE = {"viewport": {"width": 390, "height": 844}, "locale": "es-ES"}
READY = """async () => {
  const registration = await navigator.serviceWorker.ready;
  while (!navigator.serviceWorker.controller) await new Promise(done => setTimeout(done, 50));
  return (await caches.keys()).filter(name => name.startsWith("digicom-"));
}"""
UPDATE_LINE = {"es": "Hay una versión nueva del curso.", "en": "A new version of the course is ready."}


def _phone(browser):
    watch = PageWatch()
    context = open_context(browser, watch=watch, **PHONE)
    page = context.new_page()
    watch_page(page, watch)
    return context, page, watch


@pytest.fixture(scope="module")
def offline_phone(browser, site_url):
    """A phone that opened the home page once, online; then lost its connection."""
    context, page, watch = _phone(browser)
    page.goto(site_url)
    page.mouse.wheel(0, 400)  # reading: the worker starts its download
    caches = page.evaluate(READY)
    context.set_offline(True)
    yield page, watch, caches
    context.close()


def test_one_visit_keeps_one_cache_of_the_whole_site(offline_phone, site_dir):
    page, _, caches = offline_phone
    assert len(caches) == 1
    listed = json.loads((site_dir / WORKER).read_text(encoding="utf-8").split("DIGICOM_PRECACHE=", 1)[1]
                        .split(";\n", 1)[0])
    kept = page.evaluate("""async (name) => (await (await caches.open(name)).keys())
        .map(request => request.url)""", caches[0])
    assert len(kept) == len(listed)
    assert {"", "en/", "modulos/sms/", "en/modulos/email/", "search/search_index.json", "en/search/search_index.json",
            "assets/javascripts/presentation.js"} <= {url for url, _ in listed}
    assert not [url for url, _ in listed if url.endswith(".map") or "lunr.de." in url or url == WORKER]


# Answers are shared between languages: each language answers another module's quiz.
@pytest.mark.parametrize(("locale", "module"), [("es", "modulos/sms"), ("en", "modulos/email")])
def test_offline_an_unvisited_module_opens_and_its_quiz_works(offline_phone, site_url, locale, module):
    page, watch, _ = offline_phone
    texts = TEXTS[locale]
    page.goto(f"{site_url}{texts['prefix']}{module}/?h=sms")  # as a search result links it
    assert page.locator("html").get_attribute("lang") == locale
    assert page.locator("h1").inner_text()
    quiz = quizzes_of(module, locale)[0]
    answer(page, 0, quiz.correct_positions, texts["check"])
    assert feedback(page, 0) == texts["right"]
    assert not watch.console_errors, watch.console_errors


@pytest.mark.parametrize(("locale", "query", "expected"), [
    ("es", "boletin", "modulos/email/"),
    ("en", "newsletter", "en/modulos/email/"),
])
def test_offline_search_finds_pages(offline_phone, site_url, locale, query, expected):
    page, _, _ = offline_phone
    page.goto(site_url + TEXTS[locale]["prefix"] + "herramientas/")
    links = open_search(page, query)
    assert links, f"offline search for '{query}' found nothing"
    assert links[0].split("?")[0].split("#")[0] == site_url + expected


def test_offline_a_checklist_keeps_its_ticks(offline_phone, site_url):
    page, _, _ = offline_phone
    page.goto(site_url + "modulos/sms/")
    page.locator(f"{LIST} [data-checklist-status]").wait_for(state="visible")
    box(page, 1).check()
    page.reload()
    page.locator(f"{LIST} [data-checklist-status]").wait_for(state="visible")
    assert box(page, 1).is_checked() and count_text(page).startswith("1 ")


def test_offline_the_presentation_opens(offline_phone, site_url):
    page, _, _ = offline_phone
    page.goto(site_url + "en/modulos/whatsapp/")
    page.locator(".digicom-present__button").click()
    page.locator(".digicom-present-view").wait_for(state="visible")
    page.locator(".digicom-present__next").click()
    assert page.locator(".digicom-present__counter").inner_text().startswith("2 / ")


def test_offline_an_unknown_address_gets_the_languages_not_found_page(offline_phone, site_url):
    page, _, _ = offline_phone
    page.goto(site_url + "en/no-such-page/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.goto(site_url + "no-existe/")
    assert page.locator("html").get_attribute("lang") == "es"


# ── A new deploy ───────────────────────────────────────────────────────────


class _PagesHandler(_SiteHandler):
    """As GitHub Pages answers: every file may be kept ten minutes by the browser."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()


def _serve_link(link: Path):
    """Serve whatever ``link`` points at, under SITE_PATH: swap the link to deploy another build."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_PagesHandler, directory=str(link)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{SITE_PATH}"


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """The fixture course built twice: B changes one sentence of the SMS module."""
    root = tmp_path_factory.mktemp("deploys")
    a = build_site(make_site(root / "a"), root / "site-a")
    b = build_site(make_site(root / "b", replace=[("docs/modulos/sms.es.md", "\n# ", "\nVersión B del curso.\n\n# ")]),
                   root / "site-b")
    assert a.ok and b.ok, a.log + b.log
    # A hard deploy for the worker: B's files carry A's dates (as when both builds fall in the same second),
    # so a server asked "changed since?" answers "no" (304) and the browser would offer its old copy.
    # Only the worker's own file is dated a minute later, as the next deploy's is: the browser's update
    # check goes by it, and this server's dates count whole seconds (both builds often fall in one).
    for old in a.site.rglob("*"):
        new = b.site / old.relative_to(a.site)
        if old.is_file() and new.is_file():
            later = 60 * 10**9 if new.name == WORKER else 0
            os.utime(new, ns=(old.stat().st_atime_ns + later, old.stat().st_mtime_ns + later))
    return a.site, b.site


def test_a_new_deploy_is_offered_in_one_line_and_replaces_the_cache(browser, two_builds, tmp_path):
    site_a, site_b = two_builds
    assert (site_a / WORKER).read_bytes() != (site_b / WORKER).read_bytes()
    link = tmp_path / "published"
    link.symlink_to(site_a)
    server, url = _serve_link(link)
    context, page, watch = _phone(browser)
    try:
        page.goto(url + "modulos/sms/")
        page.mouse.wheel(0, 400)
        [cache_a] = page.evaluate(READY)
        assert "Versión B" not in page.content()

        link.unlink()
        link.symlink_to(site_b)  # the deploy
        page.reload()
        line = page.locator(".digicom-update", has_text=UPDATE_LINE["es"])
        line.wait_for(state="visible", timeout=15000)
        assert line.get_attribute("role") == "status"
        assert page.locator(".digicom-update").count() == 1
        assert "Versión B" not in page.content(), "the old version keeps serving until the reader accepts"

        with page.expect_navigation():
            line.get_by_role("button", name="Actualizar").click()
        page.locator("text=Versión B del curso.").wait_for()
        caches = page.evaluate(READY)
        assert len(caches) == 1 and caches != [cache_a], caches
        assert page.locator(".digicom-update").count() == 0
        assert not watch.console_errors, watch.console_errors
    finally:
        context.close()
        server.shutdown()


# ── Installable ────────────────────────────────────────────────────────────


@pytest.mark.parametrize(("prefix", "lang", "name"), [("", "es", "Curso DIGICOM"), ("en/", "en", "DIGICOM Course")])
def test_each_language_can_be_added_to_the_home_screen(site_dir, prefix, lang, name):
    page = (site_dir / prefix / "modulos/sms/index.html").read_text(encoding="utf-8")
    assert '<link rel="manifest" href="../../manifest.webmanifest">' in page
    assert '<meta name="theme-color" content="#4051b5">' in page
    manifest = json.loads((site_dir / prefix / MANIFEST).read_text(encoding="utf-8"))
    assert (manifest["name"], manifest["lang"], manifest["start_url"], manifest["display"]) == (
        name, lang, "./", "standalone")
    base = f"https://x{SITE_PATH}{prefix}"
    from urllib.parse import urljoin

    assert urljoin(base, manifest["scope"]) == f"https://x{SITE_PATH}"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes and any(icon["purpose"] == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        png = (site_dir / prefix / icon["src"]).resolve().read_bytes()
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and f"{width}x{height}" == icon["sizes"], icon
    assert len(ICONS) == len(manifest["icons"]) + 1  # and the Apple touch icon, linked from every page


def test_the_offline_copy_and_mkdocs_serve_have_no_worker(tmp_path):
    served = build_site(make_site(tmp_path / "served", replace=[
        ("mkdocs.yml", "INHERIT:", "site_url: http://127.0.0.1:8000/curso/\nINHERIT:")]), tmp_path / "out")
    assert served.ok, served.log
    assert not (served.site / WORKER).exists()
    assert "offline-app.js" not in (served.site / "modulos/sms/index.html").read_text(encoding="utf-8")


# ── What the worker keeps (course.offline_app) ─────────────────────────────


def test_the_list_keeps_pages_by_their_address_and_leaves_out_what_no_reader_needs(tmp_path):
    from course.offline_app import precache_list, revision, worker_source

    files = {
        "index.html": "home", "modulos/sms/index.html": "sms", "en/404.html": "not found",
        "search/search_index.json": json.dumps({"config": {"lang": ["es"]}, "docs": []}),
        "en/search/search_index.json": json.dumps({"config": {"lang": ["en"]}, "docs": []}),
        "assets/javascripts/lunr/min/lunr.es.min.js": "es", "assets/javascripts/lunr/min/lunr.de.min.js": "de",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "support",
        "assets/javascripts/lunr/min/lunr.multi.min.js": "multi", "assets/javascripts/bundle.min.js.map": "map",
        "sitemap.xml": "", "sitemap.xml.gz": "", "sw.js": "old worker",
        "assets/javascripts/service-worker.js": "source", "assets/images/favicon.png": "material's",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    listed = precache_list(tmp_path)
    assert [address for address, _ in listed] == [
        "", "assets/javascripts/lunr/min/lunr.es.min.js", "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "en/404.html", "en/search/search_index.json", "modulos/sms/", "search/search_index.json"]
    assert dict(listed)["modulos/sms/"] == revision(b"sms")
    one = worker_source("// worker", listed)
    (tmp_path / "modulos/sms/index.html").write_text("sms, corrected", encoding="utf-8")
    other = worker_source("// worker", precache_list(tmp_path))
    version = one.split("\n", 1)[0]
    assert version.startswith("self.DIGICOM_VERSION=") and version != other.split("\n", 1)[0]
    assert one.endswith("\n// worker") and worker_source("// worker", listed) == one
