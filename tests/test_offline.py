"""The offline copy (`make offline`), unzipped and opened from file:// with no network: search finds
pages in each language (accents folded in Spanish), the language switch keeps the page, and
nothing asks another host or fails to load."""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, PageWatch, open_context, watch_page
from test_site_browser import open_search


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory) -> Path:
    """`make offline`, unzipped into a fresh folder as a trainer would."""
    result = subprocess.run(["make", "offline"], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "MAKEFLAGS": ""})
    assert result.returncode == 0, result.stdout + result.stderr
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(ROOT / "dist" / "curso-offline.zip") as archive:
        archive.extractall(target)
    return target / "curso-digicom"


def _open(browser, url: str):
    watch = PageWatch()
    context = open_context(browser, watch=watch)
    page = context.new_page()
    watch_page(page, watch)
    page.goto(url)
    return context, page, watch


@pytest.mark.parametrize(("start", "query", "language_folder"), [
    ("index.html", "campanas", ""),
    ("en/index.html", "customers", "en/"),
])
def test_offline_copy_finds_pages_by_search_in_each_language(browser, offline_copy, start, query, language_folder):
    context, page, watch = _open(browser, (offline_copy / start).as_uri())
    links = open_search(page, query)
    context.close()
    assert links, f"offline search for '{query}' found nothing"
    home = (offline_copy / language_folder).as_uri().rstrip("/") + "/"
    assert all(link.startswith(home) for link in links)
    if not language_folder:
        assert not [link for link in links if "/en/" in link]
    assert not watch.foreign_requests, watch.foreign_requests
    assert not watch.console_errors, watch.console_errors
    assert not watch.failed_requests, watch.failed_requests


def test_offline_copy_switches_language_on_the_same_page(browser, offline_copy):
    context, page, watch = _open(browser, (offline_copy / "modulos/sms.html").as_uri())
    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator(".md-header__option .md-select button").first.hover()
    page.get_by_role("link", name="English").click()
    page.wait_for_load_state()
    url = page.url
    context.close()
    assert url == (offline_copy / "en/modulos/sms.html").as_uri()
    assert not watch.foreign_requests and not watch.console_errors, (watch.foreign_requests, watch.console_errors)
    assert not watch.failed_requests, watch.failed_requests


def test_offline_copy_keeps_progress_and_links_it_to_the_published_site(browser, offline_copy):
    """From file://: a tick and an answer are kept, the home page offers to continue, and "Mi progreso"
    makes a link to the published site (a file:// address means nothing on another phone) with its QR code."""
    from test_progress_browser import module

    sms = module("modulos/sms")
    context, page, watch = _open(browser, (offline_copy / "modulos/sms.html").as_uri())
    page.locator("#checklist-sms-1 label").first.click()
    quiz = page.locator(f'.quiz[data-quiz-id="{sms.quizzes[0].id}"]')
    quiz.locator("fieldset label").nth(sms.quizzes[0].correct_positions[0] - 1).click()
    quiz.locator("button.quiz-button").first.click()
    page.goto((offline_copy / "index.html").as_uri())
    resume = page.locator("[data-progress-continue]")
    resume.wait_for()
    assert resume.locator("a").inner_text() == sms.title
    assert resume.locator("a").evaluate("a => a.href") == (offline_copy / "modulos/sms.html").as_uri()
    page.goto((offline_copy / "mi-progreso.html").as_uri())
    page.get_by_role("button", name="Crear mi enlace y mi código QR").click()
    page.locator("[data-progress-qr] svg").wait_for()
    link = page.locator("[data-progress-address]").input_value()
    context.close()
    assert link.startswith("https://digicom-gijon.github.io/curso/mi-progreso/#p=1.SMS:")
    assert not watch.foreign_requests and not watch.console_errors, (watch.foreign_requests, watch.console_errors)
    assert not watch.failed_requests, watch.failed_requests


def test_offline_copy_has_no_service_worker(offline_copy):
    """file:// has no service workers: the copy carries none, and its pages register none."""
    assert not (offline_copy / "sw.js").exists()
    page = (offline_copy / "modulos/sms.html").read_text(encoding="utf-8")
    assert "offline-app.js" not in page and 'rel="manifest"' not in page
