"""The tool directory: data checks (every message, exactly), review dates, markers,
and a fixture site built end to end (tests/fixtures/tools/) in both languages."""

from __future__ import annotations

import datetime as dt
import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from jsonschema import Draft202012Validator

from conftest import ROOT, copy_fixture_site, load_hook, run_mkdocs_build
from course.problems import ContentError
from course.strings import load_strings
from course.tools import (
    check_tools,
    filter_options,
    label_keys,
    load_tools,
    marker_problems,
    module_ids,
    parse_tools,
    read_tools_file,
    replace_marker,
    tool_view,
    tools_due_for_review,
    tools_for_module,
)

SCHEMA = json.loads((ROOT / "data" / "tools.schema.json").read_text(encoding="utf-8"))
FIXTURE = ROOT / "tests" / "fixtures" / "tools"
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


def messages(text: str, modules: list[str] = MODULES) -> list[str]:
    tools, problems = check_tools(text, SCHEMA, modules, today=TODAY)
    assert (tools == []) == bool(problems)
    return [str(problem) for problem in problems]


def changed(old: str, new: str, text: str = VALID) -> str:
    assert text.count(old) == 1, f"{old!r} must appear once in the test data"
    return text.replace(old, new)


# ── The schema itself ──────────────────────────────────────────────────────


def test_the_schema_is_a_valid_draft_2020_12_schema_that_forbids_unknown_fields():
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    tool = SCHEMA["$defs"]["tool"]
    assert tool["additionalProperties"] is False
    assert set(tool["required"]) == set(tool["properties"]) - {"pricing_url"}


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
    strings = load_strings(str(ROOT / "data" / "strings.yml"))
    missing = [key for key in label_keys(SCHEMA) if set(strings.get(key, {})) != {"es", "en"}]
    assert missing == []


def test_the_real_data_file_is_valid_with_the_real_modules():
    ids = module_ids(ROOT / "docs", "es")
    assert "sms" in ids and "email" in ids
    tools = read_tools_file(ROOT, today=dt.date.today())
    assert len(tools) == len({tool["id"] for tool in tools}) >= 20
    assert all(set(tool["modules"]) <= set(ids) for tool in tools)


def test_module_ids_are_the_file_names_of_the_default_language(tmp_path):
    (tmp_path / "modulos").mkdir()
    for name in ("sms.es.md", "sms.en.md", "crisis.es.md", "solo-ingles.en.md", "notas.txt"):
        (tmp_path / "modulos" / name).write_text("x", encoding="utf-8")
    assert module_ids(tmp_path, "es") == ["crisis", "sms"]


def test_the_hook_imports_as_mkdocs_does():
    hook = load_hook("tool_directory")
    assert callable(hook.on_config) and callable(hook.on_page_markdown)


# ── Reading and checking: valid data ───────────────────────────────────────


def test_valid_data_gives_the_tools_with_real_dates_and_no_problem():
    tools, problems = check_tools(VALID, SCHEMA, MODULES, today=TODAY)
    assert problems == []
    assert [tool["id"] for tool in tools] == ["alfa", "beta"]
    assert tools[0]["last_verified"] == dt.date(2026, 11, 1)
    assert tools[1].get("pricing_url") is None


def test_lines_of_entries_and_fields_come_from_the_yaml_nodes():
    _, lines, problems = parse_tools(VALID)
    assert problems == []
    assert lines[(0,)] == 2 and lines[(0, "url")] == 4 and lines[(0, "price_note", "en")] == 12
    assert lines[(1,)] == 22 and lines[(1, "modules")] == 32 and lines[(1, "modules", 1)] == 32


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
                 f"es una fecha válida AAAA-MM-DD. {HOW} escribe la fecha así: 2026-11-22", id="impossible-date"),
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
                 f"{HOW} usa una o varias de: social-media-management, email, sms, messaging, local-listing, crm, "
                 "design, analytics", id="unknown-category"),
    pytest.param("categories: [email, sms]", "categories: [email, email]",
                 f"data/tools.yml:6: la herramienta «Alfa» repite un valor en 'categories'. {HOW} deja cada valor "
                 "una sola vez", id="repeated-category"),
    pytest.param("categories: [sms]", "categories: []",
                 f"data/tools.yml:25: la herramienta «Beta» no tiene ninguna categoría en 'categories'. {HOW} añade  "
                 "categories: [email]  con una o varias de: social-media-management, email, sms, messaging, "
                 "local-listing, crm, design, analytics", id="no-category"),
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
        "data/tools.yml:28: el archivo deja de entenderse en esta línea o en la anterior (detalle técnico: could "
        f"not find expected ':'). {HOW} revisa los dos puntos, las comillas y la sangría de esa línea y de la "
        "anterior"]


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
    with pytest.raises(ContentError) as raised:
        load_tools(text, SCHEMA, MODULES, today=TODAY)
    assert [problem.line for problem in raised.value.problems] == [4, 22, 31]
    assert str(raised.value).startswith("El contenido tiene 3 error(es) / The content has 3 error(s):\n  - "
                                        "data/tools.yml:4: la herramienta «Alfa» tiene en 'url'")


def test_the_file_name_can_be_given():
    text = changed("price_tier: paid", "price_tier: gratis")
    _, problems = check_tools(text, SCHEMA, MODULES, file="tests/x.yml")
    assert str(problems[0]).startswith("tests/x.yml:26: ")


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
    tools = load_tools(VALID, SCHEMA, MODULES, today=TODAY)
    assert [tool["id"] for tool in tools_due_for_review(tools, TODAY)] == ["beta"]
    assert tools_due_for_review(tools, dt.date(2026, 6, 29)) == []


# ── What the pages get ─────────────────────────────────────────────────────


def test_tools_per_module_filter_options_and_one_language_view():
    tools = load_tools(VALID, SCHEMA, MODULES, today=TODAY)
    assert [tool["id"] for tool in tools_for_module(tools, "email")] == ["alfa", "beta"]
    assert [tool["id"] for tool in tools_for_module(tools, "sms")] == ["beta"]
    assert filter_options(tools, SCHEMA) == {"categories": ["email", "sms"], "price_tiers": ["freemium", "paid"]}
    view = tool_view(tools[0], "en")
    assert (view["price_note"], view["data"], view["good_for"], view["anchor"]) == (
        "Free with limits.", "Data in the EU.", "Newsletters.", "tool-alfa")
    assert tool_view(tools[1], "es")["pricing_url"] is None


# ── The marker ─────────────────────────────────────────────────────────────

PAGE = "---\ntitle: Herramientas\n---\n\n# Herramientas\n\n{body}\n"


@pytest.mark.parametrize(("body", "is_directory", "expected"), [
    ("<!-- tool-directory -->", True, []),
    ("Texto <!-- un comentario sobre herramientas -->\n<!-- tools are listed below, by hand -->", False, []),
    ("<!-- tool-directory -->", False, [
        "docs/x.es.md:7: el marcador <!-- tool-directory --> solo puede ir en la página del directorio de "
        "herramientas (docs/herramientas.es.md y .en.md). Cómo arreglarlo / How to fix it: borra la línea; para "
        "enlazar al directorio, usa un enlace normal"]),
    ("Texto.\n\n<!-- tools-directory -->", True, [
        "docs/x.es.md:9: el marcador «<!-- tools-directory -->» no existe. Cómo arreglarlo / How to fix it: escribe "
        "exactamente <!-- tool-directory --> (en la página del directorio) o borra la línea",
        "docs/x.es.md: falta el marcador <!-- tool-directory -->, que marca dónde va la lista de herramientas. Cómo "
        "arreglarlo / How to fix it: añade una línea con <!-- tool-directory --> donde quieras la lista"]),
    ("<!-- tool-directory -->\n\n<!-- tool-directory -->", True, [
        "docs/x.es.md:9: el marcador <!-- tool-directory --> aparece más de una vez (la primera en la línea 7). "
        "Cómo arreglarlo / How to fix it: deja solo uno"]),
])
def test_marker_problems(body, is_directory, expected):
    problems = marker_problems(PAGE.format(body=body), "docs/x.es.md", is_directory=is_directory)
    assert [str(problem) for problem in problems] == expected


def test_the_marker_is_replaced_only_on_a_line_of_its_own():
    text = "Usa `<!-- tool-directory -->` así:\n\n<!-- tool-directory -->\n"
    assert replace_marker(text, "<div>X</div>") == "Usa `<!-- tool-directory -->` así:\n\n<div>X</div>\n"


def test_markers_inside_fenced_code_are_examples():
    text = "Así se pone:\n\n```markdown\n<!-- tool-directory -->\n<!-- tools -->\n```\n\n~~~\n<!-- tool-directory -->\n~~~\n"
    assert marker_problems(text, "docs/guia.es.md", is_directory=False) == []
    assert replace_marker(text, "<div>X</div>") == text
    listed = text + "\n<!-- tool-directory -->\n"
    assert replace_marker(listed, "<div>X</div>") == text + "\n<div>X</div>\n"


# ── A fixture site, built end to end ───────────────────────────────────────


def fixture_copy(target: Path) -> Path:
    return copy_fixture_site(FIXTURE, target)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("tools-site")
    result = run_mkdocs_build(FIXTURE / "mkdocs.yml", site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def fixture_tools() -> list[dict]:
    return yaml.safe_load((FIXTURE / "data" / "tools.yml").read_text(encoding="utf-8"))


def html_of(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def ids_with(pattern: str, html: str) -> list[str]:
    return re.findall(pattern, html)


def directory_of(html: str) -> str:
    """The directory's own markup: from its element to the end of its list."""
    start = html.index("<div class=\"digicom-tools\" data-digicom-tools>")
    return html[start:html.index("</li>\n</ul>\n</div>", start)]


@pytest.mark.parametrize(("prefix", "count", "button"), [
    ("", "Mostrando 5 de 5 herramientas", "Quitar filtros"),
    ("en/", "Showing 5 of 5 tools", "Clear filters"),
])
def test_directory_page_lists_every_tool_with_hidden_filters(fixture_site, prefix, count, button):
    html = directory_of(html_of(fixture_site, f"{prefix}herramientas"))
    tools = fixture_tools()
    assert ids_with(r'<li class="digicom-tool" data-tool="([^"]+)"', html) == [tool["id"] for tool in tools]
    assert ids_with(r'<h3 class="digicom-tool__name" id="tool-([^"]+)"', html) == [tool["id"] for tool in tools]
    assert '<form class="digicom-tools__filters"' in html
    assert re.search(r'<form class="digicom-tools__filters"[^>]* hidden>', html)
    assert f">{count}</p>" in html and f">{button}</button>" in html
    assert 'role="status" aria-live="polite"' in html
    assert "<!-- tool-directory -->" not in html_of(fixture_site, f"{prefix}herramientas")
    assert 'target="_blank"' not in html
    assert html.count('rel="noopener"') == len(tools) + sum(1 for tool in tools if tool.get("pricing_url"))


def test_directory_cards_show_every_field_in_the_page_language(fixture_site):
    es = html_of(fixture_site, "herramientas")
    en = html_of(fixture_site, "en/herramientas")
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


def test_everything_from_the_data_file_is_escaped(fixture_site):
    html = html_of(fixture_site, "herramientas")
    assert "<script>alert(1)</script>" not in html
    assert "Fichas de clientes &lt;script&gt;alert(1)&lt;/script&gt;." in html
    assert '>Delta &amp; Co &lt;CRM&gt;</a>' in html
    assert 'href="https://delta.example.com/?ref=a&amp;b=c"' in html
    assert "Pide presupuesto &#34;a medida&#34;." in html


@pytest.mark.parametrize(("prefix", "heading"), [("", "Herramientas para este módulo"),
                                                 ("en/", "Tools for this module")])
def test_module_page_lists_its_tools_before_the_sources_with_working_links(fixture_site, prefix, heading):
    html = html_of(fixture_site, f"{prefix}modulos/sms")
    section = re.search(r'<h2 id="tools">(.*?)<a class="headerlink".*?<h2 id="sources">', html, re.DOTALL)
    assert section, "the tools section must come right before the sources"
    assert section.group(1) == heading
    links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', section.group(0))
    expected = [tool for tool in fixture_tools() if "sms" in tool["modules"]]
    assert [name for _, name in links] == [tool["name"] for tool in expected]
    page_url = f"https://x.test/{prefix}modulos/sms/"
    directory = html_of(fixture_site, f"{prefix}herramientas")
    for (href, _), tool in zip(links, expected):
        target = urljoin(page_url, href)
        assert target == f"https://x.test/{prefix}herramientas/#tool-{tool['id']}"
        assert f'id="tool-{tool["id"]}"' in directory
    assert "Alfa Mail" not in section.group(0)  # not a tool of this module


def test_the_toc_of_a_module_has_the_tools_section(fixture_site):
    assert 'href="#tools"' in html_of(fixture_site, "modulos/email")


@pytest.mark.parametrize("index", ["search/search_index.json", "en/search/search_index.json"])
def test_every_tool_is_in_the_search_index_of_its_language(fixture_site, index):
    docs = json.loads((fixture_site / index).read_text(encoding="utf-8"))["docs"]
    found = {doc["location"]: unescape(doc["title"]) for doc in docs}
    for tool in fixture_tools():
        assert found.get(f"herramientas/#tool-{tool['id']}") == tool["name"]
    assert not any("Quitar filtros" in doc["text"] or "Clear filters" in doc["text"] for doc in docs)


@pytest.mark.parametrize(("file", "old", "new", "expected"), [
    pytest.param("data/tools.yml", 'url: "https://beta.example.com/"', 'url: "http://beta.example.com/"',
                 "data/tools.yml:18: la herramienta «Beta SMS» tiene en 'url' la dirección «http://beta.example.com/"
                 f"», que no empieza por https://. {HOW} escribe la dirección completa empezando por https://",
                 id="broken-data"),
    pytest.param("docs/modulos/sms.en.md", "Module text.", "Module text.\n\n<!-- tool-directory -->",
                 "docs/modulos/sms.en.md:22: el marcador <!-- tool-directory --> solo puede ir en la página del "
                 f"directorio de herramientas (docs/herramientas.es.md y .en.md). {HOW} borra la línea; para "
                 "enlazar al directorio, usa un enlace normal", id="marker-on-a-module"),
    pytest.param("docs/herramientas.es.md", "<!-- tool-directory -->", "<!-- herramientas -->",
                 f"docs/herramientas.es.md:12: el marcador «<!-- herramientas -->» no existe. {HOW} escribe "
                 "exactamente <!-- tool-directory --> (en la página del directorio) o borra la línea",
                 id="misspelt-marker"),
])
def test_a_broken_copy_of_the_fixture_fails_the_build_with_the_message(tmp_path, file, old, new, expected):
    site = fixture_copy(tmp_path / "src")
    path = site / file
    path.write_text(changed(old, new, path.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_mkdocs_build(site / "mkdocs.yml", tmp_path / "out")
    assert result.returncode != 0
    assert f"  - {expected}\n" in result.stdout + result.stderr
