"""Shared fixtures: a strict build of the real site, an HTTP server that serves it
under its ``site_url`` path, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

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
MKDOCS_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "hooks"))  # the hooks' shared package, `course`, as MkDocs sees it


def load_hook(name: str):
    """Import ``hooks/<name>.py`` the way MkDocs does, to test its functions."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"hook_{name}", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_mkdocs_yml() -> dict:
    """mkdocs.yml as plain data (its !!python tags, if any, are not needed here)."""

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


SITE_PATH = urlsplit(load_mkdocs_yml()["site_url"]).path  # e.g. "/curso/"


def run_mkdocs_build(config_file: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Build a site strictly, as `make build` does; returns the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
         "--config-file", str(config_file), "--site-dir", str(site_dir)],
        cwd=config_file.parent, env=MKDOCS_ENV, capture_output=True, text=True,
    )


def copy_fixture_site(fixture: Path, target: Path) -> Path:
    """A fixture site copied to ``target``, its relative paths to the project's hooks and
    overrides (``../../../``) made absolute, so a test can break the copy and build it."""
    shutil.copytree(fixture, target)
    config = target / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../", f"{ROOT.as_posix()}/"),
                      encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly once per test session."""
    target = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT / "mkdocs.yml", target)
    if result.returncode != 0:
        pytest.fail(f"The strict build failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return target


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
    handler = functools.partial(_SiteHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SITE_PATH}"
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
    """A phone-sized browser context, as merchants use the site."""
    ctx = open_context(browser, watch=watch, viewport={"width": 390, "height": 844}, locale="es-ES")
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


def built_pages(site_dir: Path) -> list[str]:
    """Every HTML page of the built site, as paths relative to the site root."""
    pages = []
    for html in sorted(site_dir.rglob("*.html")):
        relative = html.relative_to(site_dir).as_posix()
        if relative.startswith(("assets/", "overrides/")):
            continue
        pages.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return pages
