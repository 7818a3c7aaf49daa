"""The tool directory: every editor-facing message about data/tools.yml (exact text and line), review
dates, the marker, and a site made from tests/fixtures/site built end to end in both languages."""

from __future__ import annotations

import datetime as dt
import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import urljoin

import pytest
from jsonschema import Draft202012Validator

from check_content import check_site
from conftest import FIXTURE, ROOT, build_site, make_site, marker_on_two_pages
from course import rules
from course.model import build_course, load_course, read_settings
from course.problems import ContentError, raise_if_any
from course.reading import load_yaml
from course.strings import read_strings
from course.tools import (
    filter_options,
    label_keys,
    read_schema,
    read_tools,
    tool_problems,
    tool_view,
    tools_due_for_review,
    tools_for_module,
    valid_tools,
)

SCHEMA = json.loads((ROOT / "data" / "tools.schema.json").read_text(encoding="utf-8"))
TODAY = dt.date(2026, 11, 22)
MODULES = ["email", "sms"]
HOW = "Cómo arreglarlo / How to fix it:"

# Line numbers matter: the messages below name them.
VALID = """\
# Two tools.
- id: alfa
  name: Alfa
  url: "https://alfa.example.com/"
  pricing_url: "https://alfa.example.com/precios"
  categories: [email, sms]
  price_tier: freemium
  free_plan: true
  spanish_ui: true
  price_note:
    es: Gratis con límites.
    en: Free with limits.
  data:
    es: Datos en la UE.
    en: Data in the EU.
  good_for:
    es: Boletines.
    en: Newsletters.
  modules: [email]
  last_verified: 2026-11-01

- id: beta
  name: Beta
  url: "https://beta.example.com/"
  categories: [sms]
  price_tier: paid
  free_plan: false
  spanish_ui: false
  price_note: {es: Pago por uso., en: Pay as you go.}
  data: {es: Proveedor español., en: Spanish provider.}
  good_for: {es: Recordatorios., en: Reminders.}
  modules: [sms, email]
  last_verified: 2025-06-30
"""


def problems_of(text: str, modules: list[str] = MODULES, today: dt.date | None = TODAY):
    return tool_problems(read_tools(text, []), SCHEMA, modules, today)


def messages(text: str, modules: list[str] = MODULES) -> list[str]:
    return [str(problem) for problem in problems_of(text, modules)]


def changed(old: str, new: str, text: str = VALID) -> str:
    assert text.count(old) == 1, f"{old!r} must appear once in the test data"
    return text.replace(old, new)


def fixture_course(changes: dict[str, str | None] | None = None, today: dt.date = TODAY):
    """The fixture site's course model, read in memory with some files changed (path → text, or None: deleted)."""
    files = {path.relative_to(FIXTURE).as_posix(): path.read_text(encoding="utf-8")
             for path in FIXTURE.rglob("*") if path.is_file() and path.suffix in (".md", ".yml", ".txt")}
    for path, text in (changes or {}).items():
        if text is None:
            files.pop(path)
        else:
            files[path] = text
    sources = {path.removeprefix("docs/"): text for path, text in files.items() if path.startswith("docs/")}
    data = {path.removeprefix("data/"): text for path, text in files.items() if path.startswith("data/")}
    data.setdefault("strings.yml", (ROOT / "data" / "strings.yml").read_text(encoding="utf-8"))
    return build_course(FIXTURE, read_settings(FIXTURE), sources, data, assets={"img/escaparate.svg"}, today=today)


def fixture_text(path: str) -> str:
    return (FIXTURE / path).read_text(encoding="utf-8")


def build_messages(changes: dict[str, str | None] | None = None) -> list[str]:
    """What the build (and `make check`) reports for the fixture site with some files changed."""
    return [str(problem) for problem in rules.run(fixture_course(changes), rules.BUILD)]


# ── The schema itself ──────────────────────────────────────────────────────


def test_the_schema_is_a_valid_draft_2020_12_schema_that_forbids_unknown_fields():
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    tool = SCHEMA["$defs"]["tool"]
    assert tool["additionalProperties"] is False
    assert set(tool["required"]) == set(tool["properties"]) - {"pricing_url"}
    assert read_schema() == SCHEMA  # fixture sites share the project's schema


@pytest.mark.parametrize("url", [
    "https://buffer.com/", "https://www.zoho.com/crm/zohocrm-pricing.html", "https://example.com?a=1&b=2",
])
def test_the_schema_accepts_https_addresses(url):
    assert Draft202012Validator(SCHEMA["$defs"]["https_url"]).is_valid(url)


@pytest.mark.parametrize("url", [
    "http://buffer.com/", "javascript:alert(1)", "JAVASCRIPT:alert(1)", "https://", "https:///x",
    "https://buf fer.com/", "//buffer.com/", "buffer.com", " https://buffer.com/", "https://a.com/\"onclick",
])
def test_the_schema_rejects_anything_but_a_plain_https_address(url):
    assert not Draft202012Validator(SCHEMA["$defs"]["https_url"]).is_valid(url)


def test_every_category_and_price_tier_has_a_label_in_both_languages():
    strings = read_strings((ROOT / "data" / "strings.yml").read_text(encoding="utf-8"), [], ("es", "en"))
    assert strings.problems == []
    missing = [key for key in label_keys(SCHEMA) if set(strings.texts.get(key, {})) != {"es", "en"}]
    assert missing == []


def test_the_real_data_file_is_valid_with_the_real_modules():
    course = load_course(ROOT, read_settings(ROOT))
    ids = [page.id for page in course.modules("es")]
    assert "sms" in ids and "email" in ids
    assert tool_problems(course.tools, SCHEMA, ids, course.today) == []
    tools = valid_tools(course.tools)
    assert len(tools) == len({tool["id"] for tool in tools}) >= 20
    assert all(set(tool["modules"]) <= set(ids) for tool in tools)


def test_module_names_are_the_file_names_of_the_default_language_in_the_modules_folder():
    english_only = fixture_text("docs/modulos/sms.en.md")
    course = fixture_course({"docs/modulos/solo-ingles.en.md": english_only,
                             "docs/crisis.es.md": fixture_text("docs/acerca.es.md"),
                             "data/tools.yml": changed("modules: [sms]", "modules: [sms, solo-ingles, crisis]",
                                                       fixture_text("data/tools.yml"))})
    assert [page.id for page in course.modules("es")] == ["sms", "email"]  # in menu order
    assert [str(problem) for problem in rules.data.tools(course)] == [
        f"data/tools.yml:12: la herramienta «Beta SMS» tiene en 'modules' el módulo «{name}», que no existe. {HOW} "
        "usa el nombre de un archivo de docs/modulos/ sin «.es.md»: email, sms" for name in ("solo-ingles", "crisis")]


# ── Reading and checking: valid data ───────────────────────────────────────


def test_valid_data_gives_the_tools_with_real_dates_and_no_problem():
    tools = read_tools(VALID, [])
    assert tool_problems(tools, SCHEMA, MODULES, TODAY) == []
    checked = valid_tools(tools)
    assert [tool["id"] for tool in checked] == ["alfa", "beta"]
    assert checked[0]["last_verified"] == dt.date(2026, 11, 1)
    assert checked[1].get("pricing_url") is None


def test_lines_of_entries_and_fields_come_from_the_yaml_nodes():
    tools = read_tools(VALID, [])
    assert tools.problems == []
    line = tools.lines.line_of
    assert line((0,)) == 2 and line((0, "url")) == 4 and line((0, "price_note", "en")) == 12
    assert line((1,)) == 22 and line((1, "modules")) == 32 and line((1, "modules", 1)) == 32


# ── Every message, exactly ─────────────────────────────────────────────────


@pytest.mark.parametrize(("old", "new", "expected"), [
    pytest.param('url: "https://alfa.example.com/"', 'url: "http://alfa.example.com/"',
                 "data/tools.yml:4: la herramienta «Alfa» tiene en 'url' la dirección «http://alfa.example.com/», "
                 f"que no empieza por https://. {HOW} escribe la dirección completa empezando por https://",
                 id="http-url"),
    pytest.param('url: "https://alfa.example.com/"', 'url: "javascript:alert(document.cookie)"',
                 "data/tools.yml:4: la herramienta «Alfa» tiene en 'url' la dirección «javascript:alert(document"
                 f".cookie)», que no empieza por https://. {HOW} escribe la dirección completa empezando por https://",
                 id="javascript-url"),
    pytest.param('pricing_url: "https://alfa.example.com/precios"', "pricing_url: alfa.example.com/precios",
                 "data/tools.yml:5: la herramienta «Alfa» tiene en 'pricing_url' la dirección «alfa.example.com/"
                 f"precios», que no empieza por https://. {HOW} escribe la dirección completa empezando por https://",
                 id="pricing-url-without-scheme"),
    pytest.param('url: "https://alfa.example.com/"', 'url: "https://alfa example.com/"',
                 "data/tools.yml:4: la herramienta «Alfa» tiene en 'url' la dirección «https://alfa example.com/», "
                 f"que no es una dirección web válida. {HOW} copia la dirección completa desde la barra del "
                 "navegador, sin espacios", id="url-with-space"),
    pytest.param('  url: "https://alfa.example.com/"\n', "",
                 f"data/tools.yml:2: la herramienta «Alfa» no tiene el campo 'url'. {HOW} añade  url: \"https://…\"  "
                 "con la dirección de la web de la herramienta", id="missing-url"),
    pytest.param("  last_verified: 2025-06-30\n", "",
                 f"data/tools.yml:22: la herramienta «Beta» no tiene el campo 'last_verified'. {HOW} añade  "
                 "last_verified: 2026-11-22  con la fecha en que comprobaste los datos", id="missing-date"),
    pytest.param("  free_plan: false\n", "",
                 f"data/tools.yml:22: la herramienta «Beta» no tiene el campo 'free_plan'. {HOW} añade  free_plan: "
                 "true  si tiene plan gratuito, o  free_plan: false  si no lo tiene", id="missing-boolean"),
    pytest.param("  good_for: {es: Recordatorios., en: Reminders.}\n", "",
                 f"data/tools.yml:22: la herramienta «Beta» no tiene el campo 'good_for'. {HOW} añade  good_for:  y "
                 "debajo, con sangría, una línea  es: …  y otra  en: …", id="missing-bilingual"),
    pytest.param("free_plan: true", 'free_plan: "sí"',
                 "data/tools.yml:8: la herramienta «Alfa» tiene en 'free_plan' el valor «sí», que no es true ni "
                 f"false. {HOW} escribe true (sí) o false (no), sin comillas", id="boolean-as-text"),
    pytest.param("categories: [sms]", "categories: sms",
                 "data/tools.yml:25: la herramienta «Beta» tiene en 'categories' el valor «sms», que no es una "
                 f"lista. {HOW} escríbelo entre corchetes, por ejemplo  categories: [email]", id="category-not-list"),
    pytest.param("modules: [email]\n", "modules: email\n",
                 "data/tools.yml:19: la herramienta «Alfa» tiene en 'modules' el valor «email», que no es una "
                 f"lista. {HOW} escríbelo entre corchetes, por ejemplo  modules: [email, sms]", id="modules-not-list"),
    pytest.param("modules: [sms, email]", "modules: [sms, 3]",
                 "data/tools.yml:32: la herramienta «Beta» tiene en 'modules' el valor «3», que no es un nombre de "
                 f"módulo. {HOW} escribe el nombre del módulo, por ejemplo  email", id="module-not-text"),
    pytest.param("price_note: {es: Pago por uso., en: Pay as you go.}", "price_note: Pago por uso.",
                 "data/tools.yml:29: la herramienta «Beta» tiene en 'price_note' un texto suelto, y debe llevar un "
                 f"texto en español y otro en inglés. {HOW} escribe  price_note:  y debajo, con sangría, una línea  "
                 "es: …  y otra  en: …", id="bilingual-as-text"),
    pytest.param("    en: Newsletters.\n", "",
                 f"data/tools.yml:16: la herramienta «Alfa» no tiene el texto en inglés ('en') de 'good_for'. {HOW} "
                 "añade dentro de 'good_for' la línea  en: …", id="missing-english"),
    pytest.param("    es: Datos en la UE.\n", "    es: Datos en la UE.\n    fr: Données dans l'UE.\n",
                 f"data/tools.yml:15: la herramienta «Alfa» tiene en 'data' un idioma desconocido, 'fr'. {HOW} deja "
                 "solo las líneas  es:  y  en:", id="unknown-language"),
    pytest.param("    es: Gratis con límites.", '    es: "  "',
                 f"data/tools.yml:11: la herramienta «Alfa» tiene vacío o mal escrito el texto en español de "
                 f"'price_note'. {HOW} escribe el texto en español después de  es:", id="empty-spanish"),
    pytest.param("last_verified: 2026-11-01", "last_verified: 2026-13-01",
                 "data/tools.yml:20: la herramienta «Alfa» tiene en 'last_verified' el valor «2026-13-01», que no "
                 f"es una fecha válida AAAA-MM-DD. {HOW} escribe la fecha así: 2026-11-22", id="impossible-month"),
    pytest.param("last_verified: 2026-11-01", "last_verified: 2026-02-30",
                 "data/tools.yml:20: la herramienta «Alfa» tiene en 'last_verified' el valor «2026-02-30», que no "
                 f"es una fecha válida AAAA-MM-DD. {HOW} escribe la fecha así: 2026-11-22", id="impossible-day"),
    pytest.param("last_verified: 2026-11-01", "last_verified: 01/11/2026",
                 "data/tools.yml:20: la herramienta «Alfa» tiene en 'last_verified' el valor «01/11/2026», que no "
                 f"es una fecha válida AAAA-MM-DD. {HOW} escribe la fecha así: 2026-11-22", id="date-in-other-format"),
    pytest.param("last_verified: 2026-11-01", "last_verified: 2026",
                 "data/tools.yml:20: la herramienta «Alfa» tiene en 'last_verified' el valor «2026», que no es una "
                 f"fecha válida AAAA-MM-DD. {HOW} escribe la fecha así: 2026-11-22", id="date-as-number"),
    pytest.param("last_verified: 2026-11-01", "last_verified: 2027-01-05",
                 "data/tools.yml:20: la herramienta «Alfa» tiene en 'last_verified' una fecha futura (2027-01-05). "
                 f"{HOW} pon la fecha del día en que comprobaste los datos en la web de la herramienta",
                 id="future-date"),
    pytest.param("price_tier: paid", "price_tier: gratis",
                 "data/tools.yml:26: la herramienta «Beta» tiene en 'price_tier' el valor «gratis», que no es uno "
                 f"de los permitidos. {HOW} usa uno de: free, freemium, paid, quote", id="unknown-price-tier"),
    pytest.param("price_tier: paid", "price_tier:",
                 f"data/tools.yml:26: la herramienta «Beta» tiene vacío el campo 'price_tier'. {HOW} añade  "
                 "price_tier:  con uno de: free, freemium, paid, quote", id="empty-price-tier"),
    pytest.param("categories: [email, sms]", "categories: [email, redes]",
                 "data/tools.yml:6: la herramienta «Alfa» tiene en 'categories' la categoría «redes», que no existe. "
                 f"{HOW} usa una o varias de: platform, social-media-management, email, sms, messaging, local-listing, crm, design, analytics, security", id="unknown-category"),
    pytest.param("categories: [email, sms]", "categories: [email, email]",
                 f"data/tools.yml:6: la herramienta «Alfa» repite un valor en 'categories'. {HOW} deja cada valor "
                 "una sola vez", id="repeated-category"),
    pytest.param("categories: [sms]", "categories: []",
                 f"data/tools.yml:25: la herramienta «Beta» no tiene ninguna categoría en 'categories'. {HOW} añade  "
                 f"categories: [email]  con una o varias de: platform, social-media-management, email, sms, messaging, local-listing, crm, design, analytics, security", id="no-category"),
    pytest.param("modules: [email]\n", "modules: []\n",
                 f"data/tools.yml:19: la herramienta «Alfa» no tiene ningún módulo en 'modules'. {HOW} añade  "
                 "modules: [email]  con los módulos del curso donde se usa", id="no-module"),
    pytest.param("modules: [sms, email]", "modules: [sms, redes-sociales]",
                 "data/tools.yml:32: la herramienta «Beta» tiene en 'modules' el módulo «redes-sociales», que no "
                 f"existe. {HOW} usa el nombre de un archivo de docs/modulos/ sin «.es.md»: email, sms",
                 id="unknown-module"),
    pytest.param("  name: Beta\n", "  name: beta\n  precio: 10\n",
                 f"data/tools.yml:24: la herramienta «beta» tiene un campo desconocido, 'precio'. {HOW} corrige el "
                 "nombre o borra la línea; los campos posibles son: id, name, url, pricing_url, categories, "
                 "price_tier, free_plan, spanish_ui, price_note, data, good_for, modules, last_verified",
                 id="unknown-field"),
    pytest.param("  name: Alfa\n", '  name: ""\n',
                 f"data/tools.yml:3: la herramienta n.º 1 tiene vacío o mal escrito el campo 'name'. {HOW} añade  "
                 "name: y el nombre de la herramienta tal como lo escribe su empresa", id="empty-name"),
    pytest.param("- id: beta", "- id: Beta Tool",
                 "data/tools.yml:22: la herramienta «Beta» tiene en 'id' el valor «Beta Tool», que no vale como "
                 f"identificador. {HOW} usa solo minúsculas sin tildes, números y guiones, por ejemplo  id: "
                 "mi-herramienta", id="bad-id"),
    pytest.param('url: "https://alfa.example.com/"', 'url: "https://alfa.example.com/"\n  url: "https://a.es/"',
                 f"data/tools.yml:5: la herramienta «Alfa» tiene el campo 'url' dos veces (la otra está en la línea "
                 f"4). {HOW} borra una de las dos líneas y deja la buena", id="field-twice"),
    pytest.param('url: "https://alfa.example.com/"', "url:",
                 f"data/tools.yml:4: la herramienta «Alfa» tiene vacío el campo 'url'. {HOW} añade  url: "
                 "\"https://…\"  con la dirección de la web de la herramienta", id="empty-url"),
])
def test_each_mistake_gives_one_exact_message(old, new, expected):
    assert messages(changed(old, new)) == [expected]


def test_a_repeated_name_names_both_lines():
    text = changed("  name: Beta\n", "  name: ' ALFA'\n")
    assert messages(text) == [
        f"data/tools.yml:23: hay dos herramientas llamadas «ALFA» (la otra está en la línea 3). {HOW} borra la "
        "repetida, o junta sus datos en una sola herramienta"]


def test_a_repeated_id_names_both_tools():
    text = changed("- id: beta", "- id: alfa")
    assert messages(text) == [
        f"data/tools.yml:22: la herramienta «Beta» usa el id «alfa», que ya tiene la herramienta «Alfa» (línea 2). "
        f"{HOW} cambia uno de los dos: cada herramienta necesita un id distinto"]


def test_yaml_that_does_not_parse_gives_its_line():
    assert messages(changed("  free_plan: false\n", "  free_plan false\n")) == [
        "data/tools.yml:27: a esta línea le faltan los dos puntos entre el campo y su valor, o tiene un texto "
        f"suelto. {HOW} escríbela como  campo: valor  (con un espacio después de los dos puntos)"]


def test_a_quote_left_open_is_pointed_at_not_the_next_line():
    """A quoted text may go on over several lines, so YAML stops only where the next field no longer fits;
    the editor is sent to the quote they forgot to close, with what to do."""
    assert messages(changed("  name: Beta\n", '  name: "Beta\n')) == [
        "data/tools.yml:23: aquí se abren unas comillas que no se cierran. "
        f"{HOW} cierra las comillas al final del texto, en la misma línea (\"…\"), o quítalas"]


def test_a_tab_for_indenting_gives_its_line():
    assert messages(changed("  free_plan: false\n", "\tfree_plan: false\n")) == [
        "data/tools.yml:27: esta línea empieza con un tabulador, y YAML solo admite espacios para sangrar. "
        f"{HOW} borra el tabulador y sangra la línea con espacios, como las demás"]


def test_a_file_that_is_not_utf8_is_a_message_not_a_crash():
    course = fixture_course()
    raw = fixture_text("data/tools.yml").replace("español", "espa\xf1ol").encode("latin-1")
    broken = build_course(FIXTURE, course.settings, {}, {"tools.yml": raw}, today=TODAY)
    assert [str(problem) for problem in tool_problems(broken.tools, SCHEMA, MODULES, TODAY)] == [
        "data/tools.yml:10: el archivo no está guardado como UTF-8 y no se puede leer (las tildes y la ñ se verían "
        f"mal). {HOW} ábrelo en tu editor y guárdalo con la codificación «UTF-8» (en el Bloc de notas: Guardar como "
        "→ Codificación: UTF-8; en VS Code: clic en la codificación abajo a la derecha → Guardar con codificación → "
        "UTF-8)"]


@pytest.mark.parametrize(("text", "expected"), [
    ("id: alfa\nname: Alfa\n", f"data/tools.yml:1: el archivo debe ser una lista de herramientas, cada una "
     f"empezando por '- id:'. {HOW} copia el formato de una herramienta de la lista y cambia sus datos"),
    ("# nothing yet\n", f"data/tools.yml:1: el archivo debe ser una lista de herramientas, cada una empezando por "
     f"'- id:'. {HOW} copia el formato de una herramienta de la lista y cambia sus datos"),
    ("[]\n", f"data/tools.yml:1: la lista de herramientas está vacía. {HOW} añade al menos una herramienta"),
])
def test_a_file_that_is_not_a_list_of_tools(text, expected):
    assert messages(text) == [expected]


def test_an_entry_that_is_not_a_list_of_fields():
    text = VALID + "\n- Gamma, una herramienta\n"
    assert messages(text) == [
        f"data/tools.yml:35: la herramienta n.º 3 no está escrita como una lista de campos 'nombre: valor'. {HOW} "
        "escribe cada campo en su línea, con la misma sangría que en las demás herramientas"]


def test_every_problem_is_collected_in_file_order_before_raising():
    text = changed('url: "https://alfa.example.com/"', 'url: "http://alfa.example.com/"')
    text = changed("modules: [sms, email]", "modules: [sms, redes]", text)
    text = changed("  free_plan: false\n", "", text)
    problems = problems_of(text)
    assert [problem.line for problem in problems] == [4, 22, 31]
    with pytest.raises(ContentError) as raised:
        raise_if_any(problems)
    assert str(raised.value).startswith("El contenido tiene 3 error(es) / The content has 3 error(s):\n  - "
                                        "data/tools.yml:4: la herramienta «Alfa» tiene en 'url'")


def test_future_dates_are_only_checked_when_today_is_known():
    text = changed("last_verified: 2026-11-01", "last_verified: 2027-01-05")
    assert problems_of(text, today=None) == []


# ── The tool data in the build and in `make check` ─────────────────────────


def test_the_build_reports_the_tool_data_with_every_other_problem():
    tools = changed("price_tier: paid", "price_tier: carisimo", fixture_text("data/tools.yml"))
    page = changed("title: Acerca del curso", "title:", fixture_text("docs/acerca.es.md"))
    assert build_messages({"data/tools.yml": tools, "docs/acerca.es.md": page}) == [
        f"data/tools.yml:6: la herramienta «Beta SMS» tiene en 'price_tier' el valor «carisimo», que no es uno de "
        f"los permitidos. {HOW} usa uno de: free, freemium, paid, quote",
        f"docs/acerca.es.md:2: el campo 'title' está vacío. {HOW} añade  title: El título de la página"]


def test_the_future_date_of_a_tool_is_judged_against_the_day_of_the_build():
    tools = changed("last_verified: 2026-10-15\n- id: gamma", "last_verified: 2026-11-30\n- id: gamma",
                    fixture_text("data/tools.yml"))
    assert [str(p) for p in rules.data.tools(fixture_course({"data/tools.yml": tools}, today=TODAY))] == [
        "data/tools.yml:13: la herramienta «Beta SMS» tiene en 'last_verified' una fecha futura (2026-11-30). "
        f"{HOW} pon la fecha del día en que comprobaste los datos en la web de la herramienta"]
    assert rules.data.tools(fixture_course({"data/tools.yml": tools}, today=dt.date(2026, 11, 30))) == []


def test_a_directory_page_without_its_data_file_says_which_file_is_missing():
    assert build_messages({"data/tools.yml": None}) == [
        "docs/herramientas.es.md:10: esta página muestra el contenido de data/tools.yml, pero ese archivo no existe. "
        f"{HOW} crea data/tools.yml (copia el formato de CONTRIBUTING.md) o borra el marcador de esta página"]


def test_a_site_without_tools_and_without_a_directory_is_fine(tmp_path):
    root = make_site(tmp_path / "site", changes={"data/tools.yml": None, "docs/herramientas.es.md": None,
                                                 "docs/herramientas.en.md": None},
                     replace=[("mkdocs.yml", "      - herramientas.md\n", "")])
    assert check_site(root, TODAY, spelling=False).problems == []


# ── Review dates ───────────────────────────────────────────────────────────


def test_tools_due_for_review_are_those_checked_more_than_12_months_ago_oldest_first():
    tools = [
        {"id": "today", "last_verified": dt.date(2026, 11, 22)},
        {"id": "exactly-a-year", "last_verified": dt.date(2025, 11, 22)},
        {"id": "a-year-and-a-day", "last_verified": dt.date(2025, 11, 21)},
        {"id": "as-text", "last_verified": "2024-01-31"},
        {"id": "no-date"},
    ]
    due = tools_due_for_review(tools, TODAY)
    assert [tool["id"] for tool in due] == ["no-date", "as-text", "a-year-and-a-day"]


def test_due_for_review_on_29_february():
    tools = [{"id": "a", "last_verified": dt.date(2027, 2, 27)}, {"id": "b", "last_verified": dt.date(2027, 2, 28)}]
    assert [tool["id"] for tool in tools_due_for_review(tools, dt.date(2028, 2, 29))] == ["a"]


def test_due_for_review_with_the_checked_data():
    tools = valid_tools(read_tools(VALID, []))
    assert [tool["id"] for tool in tools_due_for_review(tools, TODAY)] == ["beta"]
    assert tools_due_for_review(tools, dt.date(2026, 6, 29)) == []


def test_make_check_warns_about_each_tool_due_for_review_at_its_date_line():
    course = fixture_course(today=dt.date(2027, 10, 16))
    assert [str(problem) for problem in rules.run(course, rules.WARNINGS)
            if problem.file == "data/tools.yml"] == [
        f"data/tools.yml:{line}: los datos de «{name}» se comprobaron por última vez el 2026-10-15. {HOW} mira la "
        "web de la herramienta (precio, plan gratuito, idioma, datos) y pon la fecha de hoy en last_verified"
        for line, name in ((13, "Beta SMS"), (25, "Gamma Mail"))]
    assert [p for p in rules.run(fixture_course(today=dt.date(2027, 10, 15)), rules.WARNINGS)
            if p.file == "data/tools.yml"] == []


# ── What the pages get ─────────────────────────────────────────────────────


def test_tools_per_module_filter_options_and_one_language_view():
    tools = valid_tools(read_tools(VALID, []))
    assert [tool["id"] for tool in tools_for_module(tools, "email")] == ["alfa", "beta"]
    assert [tool["id"] for tool in tools_for_module(tools, "sms")] == ["beta"]
    assert filter_options(tools, SCHEMA) == {"categories": ["email", "sms"], "price_tiers": ["freemium", "paid"]}
    view = tool_view(tools[0], "en")
    assert (view["price_note"], view["data"], view["good_for"], view["anchor"]) == (
        "Free with limits.", "Data in the EU.", "Newsletters.", "tool-alfa")
    assert tool_view(tools[1], "es")["pricing_url"] is None


# ── The marker ─────────────────────────────────────────────────────────────


def directory_page(locale: str, body: str) -> str:
    return fixture_text(f"docs/herramientas.{locale}.md").replace("<!-- tool-directory -->", body)


@pytest.mark.parametrize(("changes", "expected"), [
    pytest.param({}, [], id="fixture"),
    pytest.param({"docs/herramientas.es.md": directory_page(
        "es", "Texto <!-- un comentario sobre herramientas -->\n\n<!-- tools are listed below, by hand -->\n\n"
              "<!-- tool-directory -->")}, [], id="comments-are-not-markers"),
    pytest.param({"docs/herramientas.es.md": directory_page("es", "<!-- tools-directory -->")}, [
        f"docs/herramientas.es.md:10: el marcador «<!-- tools-directory -->» no existe. {HOW} escribe exactamente "
        "<!-- tool-directory -->, solo en su línea"], id="misspelt"),
    pytest.param({"docs/herramientas.es.md": directory_page("es", "<!-- tool-directory -->\n\n<!-- tool-directory -->")}, [
        f"docs/herramientas.es.md:12: el marcador <!-- tool-directory --> está repetido (ya está en la línea 10). "
        f"{HOW} deja solo uno"], id="twice"),
    pytest.param({"docs/acerca.es.md": fixture_text("docs/acerca.es.md") + "\n<!-- tool-directory -->\n",
                  "docs/acerca.en.md": fixture_text("docs/acerca.en.md") + "\n<!-- tool-directory -->\n"}, [
        marker_on_two_pages("<!-- tool-directory -->", "el directorio de herramientas", (f"docs/{page}.{locale}.md", line),
                            (f"docs/{other}.{locale}.md", other_line))
        for page, line, other, other_line in (("acerca", 11, "herramientas", 10), ("herramientas", 10, "acerca", 11))
        for locale in ("en", "es")], id="on-two-pages"),
    pytest.param({"docs/herramientas.es.md": directory_page("es", "Aquí: <!-- tool-directory -->")}, [
        f"docs/herramientas.es.md:10: el marcador <!-- tool-directory --> comparte la línea con otro texto. {HOW} "
        "déjalo solo en su línea, con una línea en blanco antes y después"], id="sharing-a-line"),
])
def test_marker_problems(changes, expected):
    assert build_messages(changes) == expected


def test_markers_inside_code_are_examples():
    example = ("Así se pone:\n\n```markdown\n<!-- tool-directory -->\n<!-- tools -->\n```\n\n~~~\n<!-- tool-directory -->\n"
               "~~~\n\nY en una línea: `<!-- tool-directory -->`.\n")
    guide = fixture_text("docs/acerca.es.md") + "\n" + example
    course = fixture_course({"docs/acerca.es.md": guide})
    assert course.page("acerca", "es").markers == {}
    assert course.with_role("tool-directory", "es").src_uri == "herramientas.es.md"
    assert [str(problem) for problem in rules.markers.markers(course)] == []


# ── A site made from the fixture, built end to end ─────────────────────────

# Every category filter, price tier and yes/no narrows the list; one tool's texts try to inject HTML.
TOOLS = """\
- id: alfa-mail
  name: Alfa Mail
  url: "https://alfa.example.com/"
  pricing_url: "https://alfa.example.com/precios"
  categories: [email]
  price_tier: freemium
  free_plan: true
  spanish_ui: true
  price_note: {es: Gratis hasta 500 contactos., en: Free up to 500 contacts.}
  data: {es: Datos en la UE., en: Data in the EU.}
  good_for: {es: Boletines sencillos., en: Simple newsletters.}
  modules: [email]
  last_verified: 2026-11-01

- id: beta-sms
  name: Beta SMS
  url: "https://beta.example.com/"
  categories: [sms]
  price_tier: paid
  free_plan: false
  spanish_ui: true
  price_note: {es: Pago por mensaje., en: Pay per message.}
  data: {es: Proveedor español., en: Spanish provider.}
  good_for: {es: Recordatorios de cita., en: Appointment reminders.}
  modules: [sms]
  last_verified: 2026-10-15

- id: gamma-social
  name: Gamma Social
  url: "https://gamma.example.com/"
  categories: [social-media-management, analytics]
  price_tier: free
  free_plan: true
  spanish_ui: false
  price_note: {es: Gratis., en: Free.}
  data: {es: Empresa de EE. UU., en: US company.}
  good_for: {es: Programar publicaciones., en: Scheduling posts.}
  modules: [sms, email]
  last_verified: 2026-09-30

- id: delta-crm
  name: Delta & Co <CRM>
  url: "https://delta.example.com/?ref=a&b=c"
  categories: [crm, email]
  price_tier: quote
  free_plan: false
  spanish_ui: false
  price_note: {es: "Pide presupuesto \\"a medida\\".", en: "Ask for a \\"custom\\" quote."}
  data: {es: Revisa su DPA., en: Check its DPA.}
  good_for: {es: "Fichas de clientes <script>alert(1)</script>.", en: "Customer records <script>alert(1)</script>."}
  modules: [email]
  last_verified: 2026-08-01

- id: epsilon-chat
  name: Epsilon Chat
  url: "https://epsilon.example.com/"
  categories: [messaging, sms]
  price_tier: freemium
  free_plan: true
  spanish_ui: true
  price_note: {es: La app es gratis., en: The app is free.}
  data: {es: Chats cifrados., en: Encrypted chats.}
  good_for: {es: Avisar de pedidos listos., en: Order-ready alerts.}
  modules: [sms]
  last_verified: 2026-11-20
"""
# The directory page also shows how its marker is written, as code: that must stay an example.
CODE_EXAMPLE = "Se pone así: `<!-- tool-directory -->`.\n\n```markdown\n<!-- tool-directory -->\n```\n\n"


def fixture_tools() -> list[dict]:
    return load_yaml(TOOLS, "data/tools.yml")[0]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tools-site")
    page = fixture_text("docs/herramientas.es.md").replace("<!-- tool-directory -->",
                                                          CODE_EXAMPLE + "<!-- tool-directory -->")
    root = make_site(folder / "src", changes={"data/tools.yml": TOOLS, "docs/herramientas.es.md": page})
    result = build_site(root, folder / "site")
    assert result.ok, result.log
    return result.site


def html_of(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def directory_of(html: str) -> str:
    """The directory's own markup: from its element to the end of its list."""
    start = html.index("<div class=\"digicom-tools\" data-digicom-tools>")
    return html[start:html.index("</li>\n\n</ul>\n</div>", start)]


@pytest.mark.parametrize(("prefix", "count", "button"), [
    ("", "Mostrando 5 de 5 herramientas", "Quitar filtros"),
    ("en/", "Showing 5 of 5 tools", "Clear filters"),
])
def test_directory_page_lists_every_tool_with_hidden_filters(built, prefix, count, button):
    page = html_of(built, f"{prefix}herramientas")
    html = directory_of(page)
    tools = fixture_tools()
    assert re.findall(r'<li class="digicom-tool" data-tool="([^"]+)"', html) == [tool["id"] for tool in tools]
    assert re.findall(r'<h3 class="digicom-tool__name" id="tool-([^"]+)"', html) == [tool["id"] for tool in tools]
    assert re.search(r'<form class="digicom-tools__filters"[^>]* hidden>', html)
    assert f">{count}</p>" in html and f">{button}</button>" in html
    assert 'role="status" aria-live="polite"' in html
    assert "<!-- tool-directory -->" not in page.replace("&lt;!-- tool-directory --&gt;", "")
    assert page.count('data-digicom-tools>') == 1
    assert 'target="_blank"' not in html
    assert html.count('rel="noopener"') == len(tools) + sum(1 for tool in tools if tool.get("pricing_url"))


def test_the_marker_written_as_code_stays_an_example(built):
    page = html_of(built, "herramientas")
    assert "<code>&lt;!-- tool-directory --&gt;</code>" in page  # inline
    assert page.count("&lt;!-- tool-directory --&gt;") == 2  # inline and the fenced block
    assert page.index("Se pone así") < page.index("data-digicom-tools>")


def test_directory_cards_show_every_field_in_the_page_language(built):
    es = html_of(built, "herramientas")
    en = html_of(built, "en/herramientas")
    card_es = es[es.index('data-tool="alfa-mail"'):es.index('data-tool="beta-sms"')]
    card_en = en[en.index('data-tool="alfa-mail"'):en.index('data-tool="beta-sms"')]
    for text in ('data-categories="email" data-price="freemium" data-free-plan="true" data-spanish-ui="true"',
                 '<a href="https://alfa.example.com/" rel="noopener">Alfa Mail</a>', "<li>Email</li>",
                 "<strong>Gratis con límites o de pago.</strong> Gratis hasta 500 contactos.",
                 '<a href="https://alfa.example.com/precios" rel="noopener">Ver los precios de Alfa Mail</a>',
                 "<dt>Plan gratuito</dt>\n<dd>Sí</dd>", "<dt>Interfaz en español</dt>\n<dd>Sí</dd>",
                 "<dt>Tus datos (RGPD)</dt>\n<dd>Datos en la UE.</dd>", "Boletines sencillos.",
                 '<time datetime="2026-11-01">2026-11-01</time>'):
        assert text in card_es
    for text in ("<strong>Free with limits, or paid.</strong> Free up to 500 contacts.", "See Alfa Mail prices",
                 "<dt>Free plan</dt>\n<dd>Yes</dd>", "<dt>Your data (GDPR)</dt>\n<dd>Data in the EU.</dd>",
                 "Simple newsletters."):
        assert text in card_en


def test_everything_from_the_data_file_is_escaped(built):
    html = html_of(built, "herramientas")
    assert "<script>alert(1)</script>" not in html
    assert "Fichas de clientes &lt;script&gt;alert(1)&lt;/script&gt;." in html
    assert '>Delta &amp; Co &lt;CRM&gt;</a>' in html
    assert 'href="https://delta.example.com/?ref=a&amp;b=c"' in html
    assert "Pide presupuesto &#34;a medida&#34;." in html


@pytest.mark.parametrize(("prefix", "heading"), [("", "Herramientas para este módulo"),
                                                 ("en/", "Tools for this module")])
def test_module_page_lists_its_tools_before_the_sources_with_working_links(built, prefix, heading):
    html = html_of(built, f"{prefix}modulos/sms")
    section = re.search(r'<h2 id="tools">(.*?)<a class="headerlink".*?<h2 id="sources">', html, re.DOTALL)
    assert section, "the tools section must come right before the sources"
    assert section.group(1) == heading
    links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', section.group(0))
    expected = [tool for tool in fixture_tools() if "sms" in tool["modules"]]
    assert [name for _, name in links] == [tool["name"] for tool in expected]
    page_url = f"https://x.test/{prefix}modulos/sms/"
    directory = html_of(built, f"{prefix}herramientas")
    for (href, _), tool in zip(links, expected):
        target = urljoin(page_url, href)
        assert target == f"https://x.test/{prefix}herramientas/#tool-{tool['id']}"
        assert f'id="tool-{tool["id"]}"' in directory
    assert "Alfa Mail" not in section.group(0)  # not a tool of this module


def test_the_toc_of_a_module_has_the_tools_section(built):
    assert 'href="#tools"' in html_of(built, "modulos/email")


@pytest.mark.parametrize("index", ["search/search_index.json", "en/search/search_index.json"])
def test_every_tool_is_in_the_search_index_of_its_language(built, index):
    docs = json.loads((built / index).read_text(encoding="utf-8"))["docs"]
    found = {doc["location"]: unescape(doc["title"]) for doc in docs}
    for tool in fixture_tools():
        assert found.get(f"herramientas/#tool-{tool['id']}") == tool["name"]
    assert not any("Quitar filtros" in doc["text"] or "Clear filters" in doc["text"] for doc in docs)


@pytest.mark.parametrize(("file", "old", "new", "expected"), [
    pytest.param("data/tools.yml", 'url: "https://beta.example.com/"', 'url: "http://beta.example.com/"',
                 "data/tools.yml:4: la herramienta «Beta SMS» tiene en 'url' la dirección «http://beta.example.com/"
                 f"», que no empieza por https://. {HOW} escribe la dirección completa empezando por https://",
                 id="broken-data"),
    pytest.param("docs/herramientas.es.md", "<!-- tool-directory -->", "<!-- herramientas -->",
                 f"docs/herramientas.es.md:10: el marcador «<!-- herramientas -->» no existe. {HOW} bórralo, o usa "
                 "uno de estos: <!-- modules -->, <!-- checklist-progress -->, <!-- self-assessment -->, "
                 "<!-- trainer-notes -->, <!-- session-plan -->, <!-- tool-directory -->, <!-- glossary -->",
                 id="unknown-marker"),
])
def test_a_broken_copy_of_the_fixture_fails_the_build_with_the_message(tmp_path, file, old, new, expected):
    root = make_site(tmp_path / "src", replace=[(file, old, new)])
    result = build_site(root, tmp_path / "out")
    assert not result.ok
    assert f"  - {expected}\n" in result.log + "\n"
