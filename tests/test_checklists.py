"""Checklists (hooks/course/checklists.py, hooks/checklists.py): parsing, every error
message an editor can get, the two languages matching, and a fixture site built
end to end."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, copy_fixture_site, load_hook, run_mkdocs_build
from course import checklists as cl
from course.strings import strings_for

FIXTURE = ROOT / "tests" / "fixtures" / "checklists"
HOW = "Cómo arreglarlo / How to fix it"
FILE = "docs/modulos/sms.es.md"

SMS = """\
---
title: SMS
---

# SMS

## Lista de comprobación { #checklist }

!!! checklist "Antes de enviar tu primer SMS"
    - [ ] Tengo el permiso por escrito.
    - [ ] He quitado a quien pidió la baja.

    - [ ] El mensaje cabe en un SMS.

Texto después.
"""


def parse(text: str, file: str = FILE, page: str = "sms"):
    return cl.parse_page(text, file, page)


def messages(problems) -> list[str]:
    return [str(problem) for problem in problems]


# ── Parsing ──────────────────────────────────────────────────────────────────


def test_items_have_their_text_file_line_and_stable_id():
    page, problems = parse(SMS)
    assert problems == []
    assert page.file == FILE and page.page_id == "sms"
    [checklist] = page.checklists
    assert (checklist.id, checklist.title, checklist.line) == ("sms/1", "Antes de enviar tu primer SMS", 9)
    assert [(item.id, item.text, item.line) for item in checklist.items] == [
        ("sms/1/1", "Tengo el permiso por escrito.", 10),
        ("sms/1/2", "He quitado a quien pidió la baja.", 11),
        ("sms/1/3", "El mensaje cabe en un SMS.", 13),
    ]
    assert checklist.items[2].dom_id == "checklist-sms-1-3"
    assert checklist.dom_id == "checklist-sms-1"
    assert page.item_count == 3 and page.marker_lines == ()


def test_second_checklist_is_numbered_two_and_nested_ones_are_found():
    text = SMS + '\n!!! note "Dentro de una nota"\n    !!! checklist "Segunda"\n        - [ ] Uno\n'
    page, problems = parse(text)
    assert problems == []
    second = page.checklists[1]
    assert (second.id, second.title, second.line, second.indent) == ("sms/2", "Segunda", 18, "    ")
    assert [(item.id, item.line) for item in second.items] == [("sms/2/1", 19)]


def test_tab_indented_items_count_as_four_spaces():
    page, problems = parse('!!! checklist "T"\n\t- [ ] Uno\n')
    assert problems == [] and [item.text for item in page.checklists[0].items] == ["Uno"]


@pytest.mark.parametrize("fence", ["```", "~~~", "````markdown"])
def test_checklists_and_markers_inside_fenced_code_are_examples(fence):
    close = fence.rstrip("markdown")
    text = f'Ejemplo:\n\n{fence}\n!!! checklist "Ejemplo"\n    - [x] marcado\n{cl.PROGRESS_MARKER}\n{close}\n'
    page, problems = parse(text)
    assert (page.checklists, page.marker_lines, problems) == ((), (), [])


def test_progress_markers_are_found_with_their_line():
    page, _ = parse(f"# Mi progreso\n\n{cl.PROGRESS_MARKER}\n")
    assert page.marker_lines == (3,)


# ── Every mistake in a checklist, with file, line, problem and fix ─────────


EXAMPLE = '!!! checklist "Antes de enviar tu primer SMS"'
ITEMS = "- [ ] Texto del elemento  (una línea por elemento, con 4 espacios delante)"


@pytest.mark.parametrize("header", ["!!! checklist", '!!! checklist ""', '!!! checklist "  "'])
def test_a_checklist_without_title(header):
    _, problems = parse(f"Texto\n\n{header}\n    - [ ] Uno\n")
    assert messages(problems) == [
        f"{FILE}:3: la lista de comprobación no tiene título. {HOW}: escribe el título entre comillas "
        f"detrás de la palabra checklist, así: {EXAMPLE}"]


def test_a_title_without_quotes():
    _, problems = parse("!!! checklist Antes de enviar\n    - [ ] Uno\n")
    assert messages(problems) == [
        f"{FILE}:1: el título de la lista de comprobación debe ir entre comillas dobles. {HOW}: escríbelo así: {EXAMPLE}"]


def test_a_collapsible_checklist():
    _, problems = parse('???+ checklist "Plegable"\n    - [ ] Uno\n')
    assert messages(problems) == [
        f"{FILE}:1: la lista de comprobación empieza por «???+» y debe empezar por «!!!». {HOW}: "
        f"escríbela así: {EXAMPLE}  (las listas de comprobación no se pliegan)"]


@pytest.mark.parametrize("after", ["", "\n", "\nTexto sin sangría\n", "\n\n## Otro título\n"])
def test_an_empty_checklist(after):
    page, problems = parse(f'Intro\n!!! checklist "Vacía"{after}')
    assert messages(problems) == [
        f"{FILE}:2: la lista de comprobación «Vacía» no tiene elementos. {HOW}: escribe debajo sus elementos, así: {ITEMS}"]
    assert page.checklists[0].items == ()


def test_an_empty_checklist_without_title_is_named_by_its_number():
    _, problems = parse("!!! checklist\n")
    assert messages(problems)[1] == (
        f"{FILE}:1: la lista de comprobación número 1 no tiene elementos. {HOW}: escribe debajo sus elementos, así: {ITEMS}")


@pytest.mark.parametrize("line", [
    "Un párrafo dentro de la lista",
    "* [ ] Con asterisco",
    "- Sin casilla",
    "-[ ] Sin espacio",
    "    - [ ] Con 8 espacios",
])
def test_a_line_that_is_not_an_item(line):
    _, problems = parse(f'!!! checklist "Lista"\n    - [ ] Bien\n    {line}\n')
    assert messages(problems) == [
        f"{FILE}:3: la línea «{line.strip()}» de la lista de comprobación «Lista» no es un elemento de la lista. "
        f"{HOW}: escribe cada elemento así: {ITEMS}"]


@pytest.mark.parametrize("mark", ["x", "X"])
def test_an_item_already_ticked(mark):
    _, problems = parse(f'!!! checklist "Lista"\n    - [{mark}] Ya hecho\n')
    assert messages(problems) == [
        f"{FILE}:2: el elemento «Ya hecho» de la lista «Lista» ya está marcado con [{mark}]. {HOW}: "
        "déjalo sin marcar, con un espacio entre los corchetes: - [ ] Ya hecho  (la casilla la marca quien hace el curso)"]


@pytest.mark.parametrize("item", ["- [ ]", "- [ ]    "])
def test_an_empty_item(item):
    _, problems = parse(f'!!! checklist "Lista"\n    - [ ] Uno\n    {item}\n')
    assert messages(problems) == [
        f"{FILE}:3: un elemento de la lista «Lista» está vacío. {HOW}: escribe el texto detrás de - [ ] o borra la línea"]


def test_a_repeated_item_even_with_other_capitals_and_spaces():
    _, problems = parse('!!! checklist "Lista"\n    - [ ] Pido permiso.\n    - [ ] Otra\n    - [ ] pido  PERMISO.\n')
    assert messages(problems) == [
        f"{FILE}:4: el elemento «pido  PERMISO.» está repetido en la lista «Lista» (ya está en la línea 2). "
        f"{HOW}: borra una de las dos líneas o cambia su texto"]


def test_every_problem_is_reported_at_once():
    text = '!!! checklist\n    - [x] Uno\n    texto\n\n!!! checklist "Vacía"\n'
    _, problems = parse(text)
    assert [(p.line, p.problem.split(" ")[0:3]) for p in problems] == [
        (1, ["la", "lista", "de"]), (2, ["el", "elemento", "«Uno»"]), (3, ["la", "línea", "«texto»"]),
        (5, ["la", "lista", "de"])]


# ── The progress marker ───────────────────────────────────────────────────────


def test_the_marker_on_another_page():
    text = f"# Inicio\n\n{cl.PROGRESS_MARKER}\n"
    page, _ = parse(text, "docs/index.es.md", "index")
    assert messages(cl.check_progress_marker(page, text, is_progress_page=False)) == [
        f"docs/index.es.md:3: el marcador {cl.PROGRESS_MARKER} solo puede estar en la página «Mi progreso». {HOW}: "
        "bórralo de esta página: la lista de progreso se muestra en docs/mi-progreso.es.md y docs/mi-progreso.en.md"]


def test_the_progress_page_without_its_marker():
    text = "---\ntitle: Mi progreso\n---\n\n# Mi progreso\n"
    page, _ = parse(text, "docs/mi-progreso.en.md", "mi-progreso")
    assert messages(cl.check_progress_marker(page, text, is_progress_page=True)) == [
        f"docs/mi-progreso.en.md:1: la página «Mi progreso» no tiene el marcador {cl.PROGRESS_MARKER}. {HOW}: "
        f"añade una línea con solo {cl.PROGRESS_MARKER} donde debe aparecer el progreso, "
        "por ejemplo debajo de la introducción"]


def test_the_marker_twice_or_sharing_its_line():
    text = f"# Mi progreso\n\n{cl.PROGRESS_MARKER}\n\nVer: {cl.PROGRESS_MARKER}\n"
    page, _ = parse(text, "docs/mi-progreso.es.md", "mi-progreso")
    assert messages(cl.check_progress_marker(page, text, is_progress_page=True)) == [
        f"docs/mi-progreso.es.md:5: el marcador {cl.PROGRESS_MARKER} comparte la línea con otro texto. {HOW}: "
        "déjalo solo en su línea, con una línea en blanco antes y después",
        f"docs/mi-progreso.es.md:5: el marcador {cl.PROGRESS_MARKER} está repetido (ya está en la línea 3). {HOW}: "
        "deja solo uno"]


def test_the_marker_once_on_the_progress_page_is_right():
    text = f"# Mi progreso\n\n{cl.PROGRESS_MARKER}\n"
    page, _ = parse(text, "docs/mi-progreso.es.md", "mi-progreso")
    assert cl.check_progress_marker(page, text, is_progress_page=True) == []
    assert cl.check_progress_marker(parse("# Otra\n")[0], "# Otra\n", is_progress_page=False) == []


# ── A module's checklist must be reachable at #checklist ─────────────────────


def test_a_module_checklist_without_the_checklist_anchor():
    text = SMS.replace("{ #checklist }", "{ #lista }")
    page, _ = parse(text)
    assert messages(cl.check_checklist_anchor(page, text)) == [
        f"{FILE}:9: la lista de comprobación del módulo no está bajo un título con el ancla {{ #checklist }}. {HOW}: "
        "pon encima un título así: ## Lista de comprobación { #checklist }  (en inglés: ## Checklist { #checklist })"]


def test_the_checklist_anchor_inside_code_does_not_count_and_pages_without_checklists_need_none():
    text = SMS.replace("## Lista de comprobación { #checklist }", "```\n## Lista { #checklist }\n```")
    page, _ = parse(text)
    assert len(cl.check_checklist_anchor(page, text)) == 1
    assert cl.check_checklist_anchor(parse(SMS)[0], SMS) == []
    assert cl.check_checklist_anchor(parse("# Nada\n")[0], "# Nada\n") == []


# ── Both languages have the same checklists and items ─────────────────────────


EN_FILE = "docs/modulos/sms.en.md"
EN = SMS.replace("Antes de enviar tu primer SMS", "Before you send your first SMS")


def test_translations_with_the_same_checklists_and_items_match():
    assert cl.check_translation(parse(SMS)[0], parse(EN, EN_FILE)[0]) == []


def test_a_translation_with_an_item_missing():
    english = EN.replace("    - [ ] He quitado a quien pidió la baja.\n", "")
    problems = cl.check_translation(parse(SMS)[0], parse(english, EN_FILE)[0])
    assert messages(problems) == [
        f"{FILE}:13: la lista de comprobación 1 tiene 3 elementos en {FILE} (línea 9) y 2 en {EN_FILE} (línea 9). "
        f"{HOW}: cada elemento debe estar en las dos versiones, en el mismo orden: traduce el que falta o borra el que sobra"]


def test_a_translation_with_an_extra_item_is_reported_in_the_translation():
    english = EN.replace("    - [ ] El mensaje cabe en un SMS.\n", "    - [ ] It fits.\n    - [ ] Extra.\n")
    problems = cl.check_translation(parse(SMS)[0], parse(english, EN_FILE)[0])
    assert messages(problems) == [
        f"{EN_FILE}:14: la lista de comprobación 1 tiene 4 elementos en {EN_FILE} (línea 9) y 3 en {FILE} (línea 9). "
        f"{HOW}: cada elemento debe estar en las dos versiones, en el mismo orden: traduce el que falta o borra el que sobra"]


def test_a_translation_with_an_extra_checklist():
    english = EN + '\n!!! checklist "Second"\n    - [ ] One\n'
    problems = cl.check_translation(parse(SMS)[0], parse(english, EN_FILE)[0])
    assert messages(problems) == [
        f"{EN_FILE}:17: {EN_FILE} tiene 2 lista(s) de comprobación (líneas 9, 17) y {FILE} tiene 1 (línea 9). "
        f"{HOW}: las dos versiones de la página deben tener las mismas listas, en el mismo orden: "
        "traduce la que falta o borra la que sobra"]


def test_a_translation_without_checklists():
    problems = cl.check_translation(parse(SMS)[0], parse("# SMS\n", EN_FILE)[0])
    assert messages(problems) == [
        f"{FILE}:9: {FILE} tiene 1 lista(s) de comprobación (línea 9) y {EN_FILE} tiene 0 (ninguna). "
        f"{HOW}: las dos versiones de la página deben tener las mismas listas, en el mismo orden: "
        "traduce la que falta o borra la que sobra"]


def test_two_pages_with_checklists_and_the_same_name():
    first = parse(SMS, "docs/modulos/sms.es.md")[0]
    second = parse(SMS, "docs/extra/sms.es.md")[0]
    no_checklists = parse("# Nada\n", "docs/otra/sms.es.md")[0]
    assert messages(cl.check_unique_page_ids([first, no_checklists, second])) == [
        "docs/extra/sms.es.md:9: esta página y docs/modulos/sms.es.md tienen listas de comprobación y el mismo "
        f"nombre de archivo «sms», así que sus marcas se mezclarían. {HOW}: "
        "cambia el nombre de uno de los dos archivos (en los dos idiomas)"]


# ── Replacing blocks and the marker with HTML ──────────────────────────────────


def test_each_checklist_block_is_replaced_by_its_html_and_the_rest_is_kept():
    markdown = SMS.split("---\n", 2)[2]  # MkDocs hands on_page_markdown the page without front matter
    markdown += '\n```\n!!! checklist "Ejemplo"\n    - [ ] no\n```\n\n!!! note\n    !!! checklist "Dentro"\n        - [ ] a\n'
    rendered = cl.replace_checklists(
        markdown, "sms", lambda c: f'<div id="{c.dom_id}">\n{"|".join(i.id for i in c.items)}\n</div>')
    assert rendered == (
        "\n# SMS\n\n## Lista de comprobación { #checklist }\n\n\n"
        '<div id="checklist-sms-1">\nsms/1/1|sms/1/2|sms/1/3\n</div>\n\n\nTexto después.\n'
        '\n```\n!!! checklist "Ejemplo"\n    - [ ] no\n```\n\n!!! note\n\n'
        '    <div id="checklist-sms-2">\n    sms/2/1\n    </div>\n\n')


def test_text_without_checklists_is_left_as_it_is():
    assert cl.replace_checklists("# Hola\n", "x", lambda c: "never") == "# Hola\n"


def test_the_marker_line_is_replaced_but_not_inside_code():
    markdown = f"Intro\n\n{cl.PROGRESS_MARKER}\n\n```\n{cl.PROGRESS_MARKER}\n```"
    assert cl.replace_progress_marker(markdown, "<div>\nP\n</div>") == (
        f"Intro\n\n\n<div>\nP\n</div>\n\n\n```\n{cl.PROGRESS_MARKER}\n```")


# ── Strings and the hook module ───────────────────────────────────────────────


@pytest.mark.parametrize("locale, progress, reset", [("es", "{done} de {total}", "Borrar marcas"),
                                                     ("en", "{done} of {total}", "Clear ticks")])
def test_the_interface_text_exists_in_both_languages(locale, progress, reset):
    strings = strings_for(str(ROOT / "data" / "strings.yml"), locale)
    assert strings["checklist_progress"] == progress and strings["checklist_reset"] == reset
    assert {"checklist_progress_label", "checklist_total_label", "checklist_saved", "checklist_not_saved"} <= set(strings)


def test_the_hook_imports_as_mkdocs_does():
    hook = load_hook("checklists")
    assert hook.PROGRESS_PAGE == "mi-progreso" and callable(hook.on_nav) and callable(hook.on_page_markdown)


def test_the_real_progress_pages_are_in_the_menu_and_have_the_marker():
    assert "      - mi-progreso.md\n" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for locale in ("es", "en"):
        text = (ROOT / "docs" / f"mi-progreso.{locale}.md").read_text(encoding="utf-8")
        page, problems = parse(text, f"docs/mi-progreso.{locale}.md", "mi-progreso")
        assert problems == [] and cl.check_progress_marker(page, text, is_progress_page=True) == []


# ── The fixture site, built end to end ───────────────────────────────────────


ITEM = re.compile(r'<input class="digicom-checklist__box" type="checkbox" id="([^"]+)" data-checklist-item="([^"]+)">'
                  r'<label class="digicom-checklist__label" for="([^"]+)">')


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("checklists-site")
    result = run_mkdocs_build(FIXTURE / "mkdocs.yml", site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _items(html: str) -> list[tuple[str, str]]:
    found = ITEM.findall(html)
    assert all(box_id == label_for for box_id, _, label_for in found), "every checkbox has its own label"
    return [(box_id, item_id) for box_id, item_id, _ in found]


def test_both_languages_show_the_checklist_with_the_same_ids(fixture_site: Path):
    spanish = (fixture_site / "modulos/sms/index.html").read_text(encoding="utf-8")
    english = (fixture_site / "en/modulos/sms/index.html").read_text(encoding="utf-8")
    expected = [(f"checklist-sms-1-{n}", f"sms/1/{n}") for n in (1, 2, 3)]
    assert _items(spanish) == _items(english) == expected
    assert "!!! checklist" not in spanish and "[ ]" not in spanish
    assert '<legend class="digicom-checklist__title" id="checklist-sms-1-title">Antes de enviar tu primer SMS</legend>' in spanish
    assert '<legend class="digicom-checklist__title" id="checklist-sms-1-title">Before you send your first SMS</legend>' in english
    assert "<strong data-checklist-count>0 de 3</strong>" in spanish and "<strong data-checklist-count>0 of 3</strong>" in english
    assert ">Borrar marcas</button>" in spanish and ">Clear ticks</button>" in english
    assert 'aria-live="polite"' in spanish
    # Item text is shown as written, escaped.
    assert "El mensaje cabe en un SMS &amp; lleva &lt;mi tienda&gt; en el remitente." in spanish
    # Without JavaScript only the checkboxes show: the status (progress and reset) starts hidden.
    assert re.search(r'<div class="digicom-checklist__status" data-checklist-status hidden>', spanish)


def test_a_checklist_inside_fenced_code_stays_an_example(fixture_site: Path):
    email = (fixture_site / "modulos/email/index.html").read_text(encoding="utf-8")
    assert "!!! checklist &quot;Ejemplo&quot;" in email or '!!! checklist "Ejemplo"' in email
    assert [item for _, item in _items(email)] == ["email/1/1", "email/1/2"]


def test_the_progress_page_lists_every_module_checklist_in_menu_order(fixture_site: Path):
    for prefix, title in (("", "SMS para llegar a tus clientes"), ("en/", "SMS to reach your customers")):
        html = (fixture_site / prefix / "mi-progreso/index.html").read_text(encoding="utf-8")
        assert cl.PROGRESS_MARKER not in html
        assert [item for _, item in _items(html)] == ["sms/1/1", "sms/1/2", "sms/1/3", "email/1/1", "email/1/2"]
        headings = re.findall(r'<h2 class="digicom-progress__heading"><a href="([^"]+)">([^<]+)</a></h2>', html)
        assert headings == [("../modulos/sms/#checklist", title), ("../modulos/email/#checklist", "Email marketing")]
        assert "data-checklist-summary" in html


def _broken_copy(tmp_path: Path) -> Path:
    return copy_fixture_site(FIXTURE, tmp_path / "site-src")


def test_a_translation_with_an_item_missing_stops_the_build(tmp_path: Path):
    copy = _broken_copy(tmp_path)
    english = copy / "docs/modulos/sms.en.md"
    english.write_text(english.read_text(encoding="utf-8").replace(
        "    - [ ] I have removed everyone who asked to opt out.\n", ""), encoding="utf-8")
    result = run_mkdocs_build(copy / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert (
        "docs/modulos/sms.es.md:14: la lista de comprobación 1 tiene 3 elementos en docs/modulos/sms.es.md (línea 11) "
        "y 2 en docs/modulos/sms.en.md (línea 11). Cómo arreglarlo / How to fix it: cada elemento debe estar en las "
        "dos versiones, en el mismo orden: traduce el que falta o borra el que sobra") in result.stderr


def test_every_problem_in_the_site_is_listed_before_the_build_stops(tmp_path: Path):
    copy = _broken_copy(tmp_path)
    spanish = copy / "docs/modulos/email.es.md"
    spanish.write_text(spanish.read_text(encoding="utf-8").replace(
        "    - [ ] Uso un programa", "    - [x] Uso un programa"), encoding="utf-8")
    progress = copy / "docs/mi-progreso.en.md"
    progress.write_text(progress.read_text(encoding="utf-8").replace(cl.PROGRESS_MARKER, ""), encoding="utf-8")
    home = copy / "docs/index.es.md"
    home.write_text(home.read_text(encoding="utf-8") + f"\n{cl.PROGRESS_MARKER}\n", encoding="utf-8")
    result = run_mkdocs_build(copy / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "El contenido tiene 3 error(es)" in result.stderr
    for expected in (
        "docs/modulos/email.es.md:17: el elemento «Uso un programa de email marketing.» de la lista "
        "«Antes de enviar tu primer correo» ya está marcado con [x]",
        f"docs/mi-progreso.en.md:1: la página «Mi progreso» no tiene el marcador {cl.PROGRESS_MARKER}",
        f"docs/index.es.md:9: el marcador {cl.PROGRESS_MARKER} solo puede estar en la página «Mi progreso»",
    ):
        assert expected in result.stderr, result.stderr
    # The two versions of a page are compared only once each is right on its own.
    assert "la lista de comprobación 1 tiene" not in result.stderr
