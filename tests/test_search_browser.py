"""Search as merchants type it, in Chromium: no accents, other words, English words, slips of the finger.

Each query is typed into the real site's search box, as a merchant on a phone would
(lower case, no accents, some misspelt), and the first result must be the module the
merchant means. Pages that gather the modules (progress, self-assessment, trainer notes,
session plan) and the legal pages come after the course; the glossary answers with the
one term asked for; quiz answers never show in a snippet.
"""

from __future__ import annotations

import json
import re

import pytest

from test_site_browser import open_search, search_results

# (typed, the module the first result must be), per language.
SPANISH = [
    ("newsletter", "email"), ("boletin", "email"), ("lista de correo", "email"),
    ("newsleter", "email"),  # misspelt
    ("resenas", "google-business-profile"), ("opiniones", "google-business-profile"),
    ("google maps", "google-business-profile"), ("opinones", "google-business-profile"),  # misspelt
    ("wasap", "whatsapp"), ("guasap", "whatsapp"), ("lista de difusion", "whatsapp"),
    ("celular", "sms"), ("mensaje de texto", "sms"),
    ("contrasena", "seguridad"), ("estafa", "seguridad"), ("me han hackeado", "seguridad"),
    ("contrasea", "seguridad"),  # misspelt
    ("queja", "crisis"), ("polemica", "crisis"),
    ("insta", "instagram-facebook"), ("reels", "instagram-facebook"), ("facebok", "instagram-facebook"),  # misspelt
    ("chatbot", "telegram"), ("telegran", "telegram"),  # misspelt
    ("linkdin", "linkedin"),  # misspelt
    ("por donde empiezo", "empezar"), ("calendario", "empezar"),
]
ENGLISH = [
    ("newsletter", "email"), ("mailing list", "email"), ("newsleter", "email"),  # misspelt
    ("reviews", "google-business-profile"), ("ratings", "google-business-profile"),
    ("google maps", "google-business-profile"), ("reveiws", "google-business-profile"),  # misspelt
    ("whatsap", "whatsapp"), ("broadcast list", "whatsapp"),
    ("text message", "sms"), ("cell phone", "sms"),
    ("password", "seguridad"), ("scam", "seguridad"), ("hacked", "seguridad"), ("pasword", "seguridad"),  # misspelt
    ("complaint", "crisis"), ("bad review", "crisis"), ("troll", "crisis"),
    ("insta", "instagram-facebook"), ("giveaway", "instagram-facebook"), ("instagarm", "instagram-facebook"),  # misspelt
    ("chatbot", "telegram"), ("telegarm", "telegram"),  # misspelt
    ("linkdin", "linkedin"),  # misspelt
    ("where to start", "empezar"), ("content plan", "empezar"),
]
GATHERING = ("mi-progreso/", "autoevaluacion/", "notas-formacion/", "plan-de-sesion/", "aviso-legal/", "privacidad/",
             "accesibilidad/")


@pytest.fixture(scope="module")
def search_page(browser):
    from conftest import PageWatch, open_context, watch_page

    watch = PageWatch()
    context = open_context(browser, watch=watch, viewport={"width": 390, "height": 844}, locale="es-ES")
    page = context.new_page()
    watch_page(page, watch)
    yield page
    context.close()
    assert not watch.console_errors, watch.console_errors


@pytest.mark.parametrize(("prefix", "queries"), [("", SPANISH), ("en/", ENGLISH)], ids=["es", "en"])
def test_merchants_queries_find_the_module_they_mean_first(search_page, site_url, prefix, queries):
    assert len(queries) >= 20
    wrong = []
    for query, module in queries:
        links = search_results(search_page, site_url + prefix, query)
        expected = f"{site_url}{prefix}modulos/{module}/"
        if not links or links[0] != expected:
            wrong.append(f"'{query}': first {links[0].removeprefix(site_url) if links else 'nothing'}, "
                         f"expected {expected.removeprefix(site_url)}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(("prefix", "query"), [("", "whatsapp"), ("", "clientes"), ("en/", "customers")])
def test_pages_that_gather_the_modules_come_after_the_course(search_page, site_url, prefix, query):
    links = list(dict.fromkeys(search_results(search_page, site_url + prefix, query)))
    pages = [link.removeprefix(site_url + prefix) for link in links]
    gathering = [n for n, page in enumerate(pages) if page in GATHERING]
    course = [n for n, page in enumerate(pages) if page.startswith("modulos/")]
    assert course and (not gathering or min(gathering) > max(course)), pages


@pytest.mark.parametrize(("prefix", "query", "page"), [("", "autoevaluacion", "autoevaluacion/"),
                                                       ("en/", "self-assessment", "autoevaluacion/")])
def test_those_pages_are_still_found_after_the_course(search_page, site_url, prefix, query, page):
    links = list(dict.fromkeys(search_results(search_page, site_url + prefix, query)))
    assert site_url + prefix + page in links, links


@pytest.mark.parametrize(("prefix", "query", "term", "expansion"), [
    ("", "rgpd", "RGPD", "Reglamento General de Protección de Datos"),
    ("en/", "gdpr", "GDPR", "General Data Protection Regulation"),
])
def test_the_glossary_answers_with_the_term_asked_for(search_page, site_url, prefix, query, term, expansion):
    links = search_results(search_page, site_url + prefix, query)
    assert links[0] == f"{site_url}{prefix}glosario/"
    first = search_page.locator(".md-search-result__item").first
    parts = [part.inner_text().strip() for part in first.locator("article").all() if part.is_visible()]
    assert len(parts) == 2, parts  # the glossary page, and the one term under it
    assert parts[1].startswith(term) and expansion in parts[1], parts
    assert "LSSI" not in parts[1] and "AEPD" not in parts[1], "the snippet shows more than the term asked for"


def test_no_quiz_answer_or_explanation_shows_in_a_snippet(search_page, site_url, site_dir):
    html = (site_dir / "modulos/sms/index.html").read_text(encoding="utf-8")
    explanation = re.search(r"<section class=\"content hidden\"><p>(.{30,80}?)[<.]", html).group(1)
    word = max(re.findall(r"[^\W\d_]{6,}", explanation), key=len)
    search_page.goto(site_url)
    open_search(search_page, word)
    snippets = " ".join(search_page.locator(".md-search-result__item").all_inner_texts())
    assert explanation not in snippets
