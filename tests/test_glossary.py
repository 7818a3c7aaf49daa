"""The glossary: every message about data/glossary.yml (file, line, fix), abbreviations explained across
the site, the glossary page."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import FIXTURE, ROOT, PageWatch, open_context, watch_page
from course import rules
from course.glossary import abbreviation_definitions, explained_at_first_use, read_glossary
from course.model import build_course, load_course, read_settings
from course.reading import load_yaml

FILE = "data/glossary.yml"
HOW = "Cómo arreglarlo / How to fix it"
LOCALES = ("es", "en")
GOOD = """\
- id: rgpd
  es: {term: RGPD, expansion: Reglamento General de Protección de Datos, definition: La ley europea de datos.}
  en: {term: GDPR, expansion: General Data Protection Regulation, definition: The European data law.}
- id: cta
  es: {term: CTA, expansion: llamada a la acción, definition: Lo que pides que haga el cliente.}
  en: {term: CTA, expansion: call to action, definition: What you ask the customer to do.}
"""


def messages(text: str) -> list[str]:
    return [str(problem) for problem in read_glossary(text, [], LOCALES).problems]


def test_terms_are_sorted_per_language_and_become_abbreviations():
    glossary = read_glossary(GOOD, [], LOCALES)
    assert glossary.problems == []
    assert [t.term for t in glossary.terms["es"]] == ["CTA", "RGPD"]
    assert [t.term for t in glossary.terms["en"]] == ["CTA", "GDPR"]
    assert abbreviation_definitions(glossary.terms["en"]) == (
        "*[CTA]: call to action\n*[GDPR]: General Data Protection Regulation")


def test_terms_sort_as_a_reader_expects_accents_and_case_aside():
    text = "".join(f"- id: t{n}\n  es: {{term: {term}, expansion: x, definition: y}}\n"
                   f"  en: {{term: {term}, expansion: x, definition: y}}\n"
                   for n, term in enumerate(["Zona", "árbol", "Banco", "email"]))
    assert [t.term for t in read_glossary(text, [], LOCALES).terms["es"]] == ["árbol", "Banco", "email", "Zona"]


@pytest.mark.parametrize(("broken", "expected"), [
    pytest.param(GOOD.replace("- id: cta", "- id: rgpd"),
                 f"{FILE}:4: el id 'rgpd' ya se usa en la línea 1. {HOW}: cambia uno de los dos o junta los términos",
                 id="repeated-id"),
    pytest.param(GOOD.replace("- id: cta", "- id: Llamada a la acción"),
                 f"{FILE}:4: el término de la línea 4 no tiene un 'id' válido. {HOW}: añade  id: rgpd  (minúsculas, "
                 "números y guiones)", id="bad-id"),
    pytest.param(GOOD + "- cta\n",
                 f"{FILE}:7: el término de la línea 7 no tiene un 'id' válido. {HOW}: añade  id: rgpd  (minúsculas, "
                 "números y guiones)", id="entry-without-fields"),
    pytest.param(GOOD.replace("expansion: call to action, ", ""),
                 f"{FILE}:6: al término 'cta' le falta en 'en': expansion. {HOW}: añade  en: {{term: …, expansion: …, "
                 "definition: …}", id="missing-field"),
    pytest.param(GOOD.replace("  en: {term: CTA", "  fr: {term: CTA"),
                 f"{FILE}:4: al término 'cta' le falta en 'en': term, expansion, definition. {HOW}: añade  en: "
                 "{term: …, expansion: …, definition: …}", id="missing-language"),
    pytest.param(GOOD.replace("es: {term: CTA, expansion: llamada", "es: {term: '  ', expansion: llamada"),
                 f"{FILE}:5: al término 'cta' le falta en 'es': term. {HOW}: añade  es: {{term: …, expansion: …, "
                 "definition: …}", id="blank-term"),
    pytest.param(GOOD.replace("es: {term: CTA", "es: {term: rgpd"),
                 f"{FILE}:5: el término «rgpd» (es) ya está en el glosario con el id 'rgpd' (línea 1). {HOW}: deja un "
                 "solo término con ese nombre: junta las dos explicaciones en una y borra la otra",
                 id="same-term-under-two-ids"),
    pytest.param(GOOD.replace("en: {term: CTA", "en: {term: ' gdpr '"),
                 f"{FILE}:6: el término «gdpr» (en) ya está en el glosario con el id 'rgpd' (línea 1). {HOW}: deja un "
                 "solo término con ese nombre: junta las dos explicaciones en una y borra la otra",
                 id="same-term-in-english-any-case"),
    pytest.param(GOOD.replace("- id: cta\n", "- id: cta\n  id: llamada\n"),
                 f"{FILE}:5: el campo 'id' aparece dos veces (la otra está en la línea 4). {HOW}: borra una de las dos "
                 "líneas y deja la buena", id="field-twice"),
    pytest.param("- id: [rgpd\n",
                 f"{FILE}:2: el archivo deja de entenderse en esta línea o en la anterior (detalle técnico: did not "
                 f"find expected ',' or ']'). {HOW}: revisa los dos puntos, las comillas y la sangría de esta línea y "
                 "de la anterior", id="yaml-syntax"),
    pytest.param(GOOD.replace("- id: cta", "- id cta"),
                 f"{FILE}:4: a esta línea le faltan los dos puntos entre el campo y su valor, o tiene un texto suelto. "
                 f"{HOW}: escríbela como  campo: valor  (con un espacio después de los dos puntos)",
                 id="missing-colon-before-a-field"),
    pytest.param(GOOD.replace("  es: {term: CTA", "  es {term: CTA").replace("- id: rgpd\n", "- id: rgpd\n  nota\n"),
                 f"{FILE}:2: a esta línea le faltan los dos puntos entre el campo y su valor, o tiene un texto suelto. "
                 f"{HOW}: escríbela como  campo: valor  (con un espacio después de los dos puntos)",
                 id="loose-text-in-an-entry"),
    pytest.param(GOOD.replace("definition: La ley europea de datos.}", "definition: La ley: europea}"),
                 f"{FILE}:2: el archivo deja de entenderse en esta línea o en la anterior (detalle técnico: did not "
                 f"find expected ',' or '}}'). {HOW}: revisa los dos puntos, las comillas y la sangría de esta línea y "
                 "de la anterior", id="colon-in-a-text-between-braces"),
    pytest.param(GOOD.replace("definition: La ley europea de datos.}", "definition: \"La ley europea de datos.}"),
                 f"{FILE}:2: aquí se abren unas comillas que no se cierran. {HOW}: cierra las comillas al final del "
                 "texto, en la misma línea (\"…\"), o quítalas", id="unclosed-quote"),
    pytest.param("id: rgpd\n",
                 f"{FILE}:1: el glosario debe ser una lista de términos. {HOW}: empieza cada término con '- id: …'",
                 id="not-a-list"),
])
def test_each_mistake_names_file_line_and_fix(broken, expected):
    assert messages(broken) == [expected]


def test_every_mistake_is_reported_in_one_go():
    broken = GOOD.replace("- id: cta", "- id: rgpd").replace(
        "  en: {term: GDPR, expansion: General Data Protection Regulation, ", "  en: {term: GDPR, ")
    assert [problem.line for problem in read_glossary(broken, [], LOCALES).problems] == [3, 4]


def test_the_real_glossary_has_every_term_the_course_needs():
    glossary = load_course(ROOT, read_settings(ROOT)).glossary
    assert glossary.problems == []
    spanish = {t.term for t in glossary.terms["es"]}
    assert {"RGPD", "LSSI", "CTA", "KPI", "ROI", "RCS", "CRM", "B2B", "B2C", "GSM-7", "UCS-2"} <= spanish
    assert "GDPR" in {t.term for t in glossary.terms["en"]}
    assert len(glossary.terms["es"]) == len(glossary.terms["en"])


# ── In the build ───────────────────────────────────────────────────────────


def fixture_course(glossary: str | None):
    sources = {path.relative_to(FIXTURE / "docs").as_posix(): path.read_bytes()
               for path in (FIXTURE / "docs").rglob("*.md")}
    data = {"strings.yml": (ROOT / "data" / "strings.yml").read_bytes(),
            "tools.yml": (FIXTURE / "data" / "tools.yml").read_bytes()}
    if glossary is not None:
        data["glossary.yml"] = glossary
    return build_course(FIXTURE, read_settings(FIXTURE), sources, data, assets={"img/escaparate.svg"},
                        today=dt.date(2026, 11, 22))


def test_the_build_stops_on_a_glossary_mistake_with_every_other_problem():
    course = fixture_course(GOOD.replace("es: {term: CTA", "es: {term: rgpd"))
    assert [str(p) for p in rules.run(course, rules.BUILD)] == [
        f"{FILE}:5: el término «rgpd» (es) ya está en el glosario con el id 'rgpd' (línea 1). {HOW}: deja un solo "
        "término con ese nombre: junta las dos explicaciones en una y borra la otra"]
    assert fixture_course(GOOD).glossary.terms["en"][0].term == "CTA"


def test_a_glossary_page_without_the_data_file_says_which_file_is_missing():
    assert [str(p) for p in rules.run(fixture_course(None), rules.BUILD)] == [
        f"docs/glosario.es.md:10: esta página muestra el contenido de {FILE}, pero ese archivo no existe. {HOW}: crea "
        f"{FILE} (copia el formato de CONTRIBUTING.md) o borra el marcador de esta página"]


RGPD = '<abbr title="Reglamento General de Protección de Datos">RGPD</abbr>'
SMS = '<abbr title="Mensaje corto">SMS</abbr>'


def test_a_term_is_explained_at_its_first_use_in_each_section_only():
    page = (f"<p>{RGPD} y {SMS}: el {RGPD} pide permiso.</p><p>Otra vez {RGPD}.</p>"
            f'<h2 id="a">Permiso y {SMS}</h2><p>El {SMS} y el {RGPD}; un {SMS}.</p>'
            f"<h2>Sin términos</h2><p>Nada.</p><h2>Fin</h2><p>{RGPD}</p>")
    assert explained_at_first_use(page) == (
        f"<p>{RGPD} y {SMS}: el RGPD pide permiso.</p><p>Otra vez RGPD.</p>"
        f'<h2 id="a">Permiso y {SMS}</h2><p>El SMS y el {RGPD}; un SMS.</p>'
        f"<h2>Sin términos</h2><p>Nada.</p><h2>Fin</h2><p>{RGPD}</p>")
    # The same letters with another meaning are another term; a page without terms is left as it is.
    other = '<abbr title="Servicio de mensajes">SMS</abbr>'
    assert explained_at_first_use(f"<p>{SMS} {other}</p>") == f"<p>{SMS} {other}</p>"
    assert explained_at_first_use("<h2>Hola</h2><p>SMS</p>") == "<h2>Hola</h2><p>SMS</p>"


# ── On the real site ───────────────────────────────────────────────────────


def test_each_section_of_a_module_explains_each_term_once_at_its_first_use(site_dir: Path):
    for prefix in ("", "en/"):
        html = (site_dir / prefix / "modulos/sms/index.html").read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        sections = re.split(r"<h2[\s>]", article)
        assert len(sections) > 3
        for section in sections:
            explained = re.findall(r"<abbr title=\"[^\"]*\">([^<]*)</abbr>", section)
            assert len(explained) == len(set(explained)), (prefix, explained)  # once per section
            for term in explained:  # and at the first use: no plain use before the marked one
                before = section[:section.index(f">{term}</abbr>")]
                # The SMS examples' counts ("80 caracteres · GSM-7") are the build's, outside the text.
                before = re.sub(r"<[^>]+>", " ", re.sub(r"<figure\b.*?</figure>", "", before, flags=re.S))
                assert not re.search(rf"(?<!\w){re.escape(term)}(?!\w)", before), (prefix, term)


def test_abbreviations_explain_themselves_on_every_page_in_its_language(site_dir: Path):
    spanish = (site_dir / "modulos/sms/index.html").read_text(encoding="utf-8")
    english = (site_dir / "en/modulos/sms/index.html").read_text(encoding="utf-8")
    assert '<abbr title="Reglamento General de Protección de Datos">RGPD</abbr>' in spanish
    assert '<abbr title="General Data Protection Regulation">GDPR</abbr>' in english
    assert "*[RGPD]" not in spanish and "*[GDPR]" not in english


def test_the_glossary_page_lists_every_term_with_its_anchor(site_dir: Path):
    entries = load_yaml((ROOT / FILE).read_text(encoding="utf-8"), FILE)[0]
    for prefix in ("", "en/"):
        glossary = (site_dir / prefix / "glosario/index.html").read_text(encoding="utf-8")
        assert "<!-- glossary -->" not in glossary
        for entry in entries:
            assert f'id="{entry["id"]}"' in glossary, (prefix, entry["id"])


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
