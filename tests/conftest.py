"""Shared fixtures: strict builds made in the test process (the real site, and small sites made from
tests/fixtures/site), an HTTP server that serves a built site under its ``site_url`` path, and
Debian's Chromium driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import logging
import os
import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "hooks"))  # the hooks' shared package, `course`, as MkDocs sees it
sys.path.insert(0, str(ROOT / "scripts"))


FIXTURE = ROOT / "tests" / "fixtures" / "site"
# What a site folder takes from the project: code is linked (a test never writes to it), data is copied.
_LINKED = ("hooks", "overrides")
_COPIED = ("data/strings.yml", "data/quiz-es.po", "data/quiz-en.po", "data/tools.schema.json")

from course.model import read_settings  # noqa: E402

# The path part of site_url: the site is published, and served in the tests, under it ("/curso/").
SITE_PATH = urlsplit(read_settings(ROOT).site_url).path
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DIGICOM_CACHE", str(ROOT / ".cache"))  # compiled templates and QR codes, shared


def load_mkdocs_yml() -> dict:
    """The project's mkdocs.yml as plain data (MkDocs' own tags read as None)."""
    from course.reading import load_yaml

    return load_yaml((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), "mkdocs.yml", mkdocs_tags=True)[0]


def make_site(target: Path, *, source: Path = FIXTURE, changes: dict[str, str | None] | None = None,
              replace: list[tuple[str, str, str]] | None = None) -> Path:
    """A site folder at ``target``: a copy of ``source`` (the fixture site by default) whose
    mkdocs.yml inherits the project's, with the project's hooks and overrides linked in.

    ``changes``: files to write (path → text) or delete (path → None); ``replace``:
    ``(path, old, new)`` text replacements, each of which must apply.
    """
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("site", ".cache"))
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("INHERIT: ../../../mkdocs.yml", f"INHERIT: {ROOT / 'mkdocs.yml'}"), encoding="utf-8")
    for linked in _LINKED:
        if not (target / linked).exists():
            (target / linked).symlink_to(ROOT / linked)
    for copied in _COPIED:
        if not (target / copied).exists():
            (target / copied).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / copied, target / copied)
    for path in {path for path, _, _ in replace or []} | set(changes or {}):
        if (target / path).is_symlink():  # never write through a link into the project
            linked = (target / path).resolve()
            (target / path).unlink()
            if linked.is_dir():
                shutil.copytree(linked, target / path)
            else:
                shutil.copyfile(linked, target / path)
    for path, old, new in replace or []:
        current = (target / path).read_text(encoding="utf-8")
        assert old in current, f"{path} does not contain {old!r}"
        (target / path).write_text(current.replace(old, new, 1), encoding="utf-8")
    for path, content in (changes or {}).items():
        if content is None:
            (target / path).unlink()
        else:
            (target / path).parent.mkdir(parents=True, exist_ok=True)
            (target / path).write_text(content, encoding="utf-8")
    return target


@dataclass
class Built:
    """A build made in the test process, as `make build` would make it (strict)."""

    site: Path
    ok: bool
    messages: list[str]  # everything MkDocs and our hooks logged as a warning or an error
    config: object = None

    @property
    def log(self) -> str:
        return "\n".join(self.messages)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(root: Path, site: Path | None = None) -> Built:
    """Build ``root``'s mkdocs.yml strictly in this process (``mkdocs.config.load_config`` + ``build``)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    site = site or root / "site"
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    config = None
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
        build(config)
        ok = True
    except (Abort, ConfigurationError) as error:
        collect.messages.append(str(error))
        ok = False
    finally:
        logger.removeHandler(collect)
    return Built(site, ok, collect.messages, config)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly once per test session."""
    built = build_site(ROOT, tmp_path_factory.mktemp("site"))
    if not built.ok:
        pytest.fail(f"The strict build failed:\n{built.log}", pytrace=False)
    return built.site


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve a built site over HTTP on 127.0.0.1 under SITE_PATH; returns the server and the site's URL."""
    handler = functools.partial(_SiteHandler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{SITE_PATH}"


@contextmanager
def served_then_deployed(work: Path, before: Path, after: Path) -> Iterator[tuple[str, Callable[[], None]]]:
    """``before`` served at one address; the function it yields publishes ``after`` there (a deploy)."""
    served = work / "served"
    served.symlink_to(before, target_is_directory=True)
    server, url = serve(served)

    def publish_the_update() -> None:
        served.unlink()
        served.symlink_to(after, target_is_directory=True)

    try:
        yield url, publish_the_update
    finally:
        server.shutdown()


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A test that moves on while a file is still being sent closes the connection: not a failure.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site under SITE_PATH only, like GitHub Pages does."""

    def translate_path(self, path: str) -> str:
        url_path = urlsplit(path).path
        if not url_path.startswith(SITE_PATH):
            return str(Path(self.directory) / "__outside_site_path__")
        return super().translate_path("/" + url_path[len(SITE_PATH):])

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """Base URL of the built site served over HTTP on 127.0.0.1, ending in SITE_PATH."""
    server, url = serve(site_dir)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless, with no network of its own."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's Chromium is missing: run `make test` (it installs it) "
                    "or `sudo apt-get install chromium`.", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@dataclass
class PageWatch:
    """What a page did that a user or auditor would object to."""

    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)


def open_context(browser, *, watch: PageWatch, **context_options):
    """A fresh browser context whose requests to other hosts are blocked and recorded."""
    context = browser.new_context(**context_options)

    def guard(route) -> None:
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:", "file:")) or host == "127.0.0.1":
            route.continue_()
        else:
            watch.foreign_requests.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    return context


def watch_page(page, watch: PageWatch) -> None:
    page.on("console", lambda message: message.type == "error" and watch.console_errors.append(message.text))
    page.on("pageerror", lambda error: watch.console_errors.append(str(error)))
    page.on("requestfailed", lambda request: watch.failed_requests.append(request.url))


@pytest.fixture
def watch() -> PageWatch:
    return PageWatch()


@pytest.fixture
def context(browser, watch: PageWatch):
    """A phone-sized browser context, as merchants use the site.

    Without the service worker: on a page's first tap it would download the whole site in the
    background, in every test. tests/test_app_offline.py tests the site with it.
    """
    ctx = open_context(browser, watch=watch, viewport={"width": 390, "height": 844}, locale="es-ES",
                       service_workers="block")
    yield ctx
    ctx.close()


@pytest.fixture
def page(context, watch: PageWatch):
    """A page that fails the test if it logs an error or calls another host."""
    tab = context.new_page()
    watch_page(tab, watch)
    yield tab
    assert not watch.foreign_requests, f"requests to other hosts: {watch.foreign_requests}"
    assert not watch.console_errors, f"console errors: {watch.console_errors}"


WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")  # WCAG 2.1 A and AA, as axe-core tags its rules
AXE_TAGS = WCAG_TAGS + ("best-practice",)  # and axe's best practices, on whole pages and our tools


@functools.cache
def _axe_source() -> str:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


def axe_violations(page, context: str | dict | None = None, *, tags: tuple[str, ...] = WCAG_TAGS,
                   rule_ids: list[str] | None = None, rules: dict | None = None) -> list[str]:
    """What axe-core finds wrong on the page, or in ``context`` (a selector, or axe's ``{"include": …}``).

    One line per violation: its rule, what it asks and where; empty when it finds nothing.
    ``rule_ids`` runs only those rules instead of ``tags``; ``rules`` turns single rules on or off.
    axe is sent to a document once, and asked for violations only (it skips collecting what passes).
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe_source())
    run_only = {"type": "rule", "values": rule_ids} if rule_ids else {"type": "tag", "values": list(tags)}
    options = {"runOnly": run_only, "resultTypes": ["violations"], **({"rules": rules} if rules else {})}
    result = page.evaluate("([context, options]) => axe.run(context || document, options)", [context, options])
    return [f"{violation['id']} ({violation['help']}) at {[node['target'] for node in violation['nodes'][:3]]}"
            for violation in result["violations"]]


def quiz_set_up(box):
    """A question (its locator), once the merchant has it on screen and its scripts have set it up.

    They load as the reader nears a question (load-near.js); the plugin gives each question a hidden
    "Try again" button as it sets it up, after putting back its saved answer."""
    box.scroll_into_view_if_needed()
    box.locator(".quiz-reset-button").wait_for(state="attached")
    return box


def built_pages(site_dir: Path) -> list[str]:
    """Every HTML page of the built site, as paths relative to the site root."""
    pages = []
    for html in sorted(site_dir.rglob("*.html")):
        relative = html.relative_to(site_dir).as_posix()
        if relative.startswith(("assets/", "overrides/")):
            continue
        pages.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return pages


def marker_on_two_pages(marker: str, shows: str, here: tuple[str, int], other: tuple[str, int]) -> str:
    """The message for a marker found on two pages, as each of the two pages gets it."""
    return (f"{here[0]}:{here[1]}: el marcador {marker} está en dos páginas, esta y {other[0]} (línea {other[1]}), y "
            f"cada marcador va en una sola. Cómo arreglarlo / How to fix it: déjalo solo en la página que debe mostrar "
            f"{shows} (en los dos idiomas) y bórralo de la otra; para llevar al lector allí, usa un enlace normal")
