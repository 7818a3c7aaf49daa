"""The glossary: checked data, abbreviations explained across the site, the glossary page."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import ROOT, PageWatch, open_context, watch_page
from course.glossary import abbreviation_definitions, load_glossary

FILE = "data/glossary.yml"
HOW = "Cómo arreglarlo / How to fix it"
GOOD = """\
- id: rgpd
  es: {term: RGPD, expansion: Reglamento General de Protección de Datos, definition: La ley europea de datos.}
  en: {term: GDPR, expansion: General Data Protection Regulation, definition: The European data law.}
- id: cta
  es: {term: CTA, expansion: llamada a la acción, definition: Lo que pides que haga el cliente.}
  en: {term: CTA, expansion: call to action, definition: What you ask the customer to do.}
"""


def test_terms_are_sorted_per_language_and_become_abbreviations():
    terms, problems = load_glossary(GOOD, FILE, ["es", "en"])
    assert problems == []
    assert [t.term for t in terms["es"]] == ["CTA", "RGPD"]
    assert [t.term for t in terms["en"]] == ["CTA", "GDPR"]
    assert abbreviation_definitions(terms["en"]) == "*[CTA]: call to action\n*[GDPR]: General Data Protection Regulation"


@pytest.mark.parametrize(("broken", "expected"), [
    (GOOD.replace("- id: cta", "- id: rgpd"),
     f"{FILE}:4: el id 'rgpd' ya se usa en la línea 1. {HOW}: cambia uno de los dos o junta los términos"),
    (GOOD.replace("- id: cta", "- id: Llamada a la acción"),
     f"{FILE}:4: el término de la línea 4 no tiene un 'id' válido. {HOW}: añade  id: rgpd  (minúsculas, números y guiones)"),
    (GOOD.replace("expansion: call to action, ", ""),
     f"{FILE}:4: al término 'cta' le falta en 'en': expansion. {HOW}: añade  en: {{term: …, expansion: …, definition: …}}"),
    ("- id: [rgpd\n", f"{FILE}:2: el archivo no es YAML válido (did not find expected ',' or ']'). {HOW}: revisa los dos puntos, las comillas y la sangría de esa línea"),
    ("id: rgpd\n", f"{FILE}:1: el glosario debe ser una lista de términos. {HOW}: empieza cada término con '- id: …'"),
])
def test_each_mistake_names_file_line_and_fix(broken, expected):
    _, problems = load_glossary(broken, FILE, ["es", "en"])
    assert [str(p) for p in problems] == [expected]


def test_the_real_glossary_has_every_term_the_course_needs():
    terms, problems = load_glossary((ROOT / FILE).read_text(encoding="utf-8"), FILE, ["es", "en"])
    assert problems == []
    spanish = {t.term for t in terms["es"]}
    assert {"RGPD", "LSSI", "CTA", "KPI", "ROI", "RCS", "CRM", "B2B", "B2C", "GSM-7", "UCS-2"} <= spanish
    assert "GDPR" in {t.term for t in terms["en"]}


def test_abbreviations_explain_themselves_on_every_page_in_its_language(site_dir: Path):
    spanish = (site_dir / "modulos/sms/index.html").read_text(encoding="utf-8")
    english = (site_dir / "en/modulos/sms/index.html").read_text(encoding="utf-8")
    assert '<abbr title="Reglamento General de Protección de Datos">RGPD</abbr>' in spanish
    assert '<abbr title="General Data Protection Regulation">GDPR</abbr>' in english
    glossary = (site_dir / "glosario/index.html").read_text(encoding="utf-8")
    entries = yaml.safe_load((ROOT / FILE).read_text(encoding="utf-8"))
    for entry in entries:
        assert f'id="{entry["id"]}"' in glossary


def test_tapping_an_abbreviation_shows_its_meaning(browser, site_url):
    watch = PageWatch()
    context = open_context(browser, watch=watch, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    watch_page(page, watch)
    page.goto(site_url + "modulos/sms/")
    abbreviation = page.locator("article abbr", has_text="RGPD").first
    abbreviation.scroll_into_view_if_needed()
    abbreviation.tap()
    tooltip = page.locator(".md-tooltip2--active, .md-tooltip--active").first
    tooltip.wait_for(state="visible", timeout=5000)
    text = tooltip.inner_text()
    context.close()
    assert "Reglamento General de Protección de Datos" in text
    assert not watch.console_errors and not watch.foreign_requests
