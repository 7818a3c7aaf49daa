"""Checklists (hooks/course/checklists.py, hooks/checklists.py): parsing, every message an editor can
get (with file, line and fix), the two languages matching, ids that keep a merchant's ticks, the
progress marker, and the fixture site built end to end ("Mi progreso" included)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from conftest import ROOT, build_site, make_site, marker_on_two_pages
from course import checklists as cl
from course.model import Settings, build_course
from course.problems import HOW
from course.rules import blocks as block_rules
from course.rules import markers as marker_rules

FILE = "docs/modulos/sms.es.md"
EN_FILE = "docs/modulos/sms.en.md"
STRINGS = (ROOT / "data" / "strings.yml").read_text(encoding="utf-8")
NAV = ["index.md", {"Módulos": ["modulos/sms.md", "modulos/email.md"]}, "mi-progreso.md"]
MARKER = "<!-- checklist-progress -->"
EXAMPLE = '!!! checklist "Antes de enviar tu primer SMS"'
ITEMS = "- [ ] Texto del elemento  (una línea por elemento, con 4 espacios delante)"

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
EN = (SMS.replace("Antes de enviar tu primer SMS", "Before you send your first SMS")
      .replace("Tengo el permiso por escrito.", "I have written permission.")
      .replace("He quitado a quien pidió la baja.", "I have removed everyone who opted out.")
      .replace("El mensaje cabe en un SMS.", "The message fits in one SMS."))


def course_of(sources: dict[str, str], nav: list | None = None):
    """A course made of these pages (path in docs/ → text), read as the build reads it."""
    return build_course(ROOT, Settings(nav=NAV if nav is None else nav), sources, {"strings.yml": STRINGS})


def page_of(text: str, src_uri: str = "modulos/sms.es.md"):
    return course_of({src_uri: text}).pages[src_uri]


def messages(problems) -> list[str]:
    return [str(problem) for problem in problems]


def problems_of(text: str) -> list[str]:
    """What the build says about the checklists of one page."""
    return messages(block_rules.block_mistakes(course_of({"modulos/sms.es.md": text})))


# ── Parsing ──────────────────────────────────────────────────────────────────


def test_items_have_their_text_line_and_an_id_from_their_text():
    page = page_of(SMS)
    assert page.block_problems == []
    [checklist] = page.checklists
    assert (checklist.id, checklist.title, checklist.line, checklist.end) == (
        "sms/1", "Antes de enviar tu primer SMS", 9, 13)
    assert [(item.text, item.line, item.position) for item in checklist.items] == [
        ("Tengo el permiso por escrito.", 10, "sms/1/1"),
        ("He quitado a quien pidió la baja.", 11, "sms/1/2"),
        ("El mensaje cabe en un SMS.", 13, "sms/1/3"),
    ]
    assert [item.id for item in checklist.items] == [cl.item_id("sms", item.text) for item in checklist.items]
    assert re.fullmatch(r"sms/[0-9a-f]{10}", checklist.items[0].id)
    assert checklist.items[0].dom_id == "checklist-" + checklist.items[0].id.replace("/", "-")
    assert checklist.dom_id == "checklist-sms-1"


def test_a_second_checklist_and_one_nested_in_a_note_are_found():
    page = page_of(SMS + '\n!!! note "Dentro de una nota"\n    !!! checklist "Segunda"\n        - [ ] Uno\n')
    assert page.block_problems == []
    second = page.checklists[1]
    assert (second.id, second.title, second.line, second.indent) == ("sms/2", "Segunda", 18, 4)
    assert [(item.text, item.line) for item in second.items] == [("Uno", 19)]


def test_tab_indented_items_count_as_four_spaces():
    page = page_of('!!! checklist "T"\n\t- [ ] Uno\n\t- [ ] Dos\n')
    assert page.block_problems == [] and [item.text for item in page.checklists[0].items] == ["Uno", "Dos"]


@pytest.mark.parametrize("fence, close", [("```", "```"), ("~~~", "~~~"), ("````markdown", "````")])
def test_checklists_and_markers_inside_fenced_code_are_examples(fence, close):
    page = page_of(f'Ejemplo:\n\n{fence}\n!!! checklist "Ejemplo"\n    - [x] marcado\n{MARKER}\n{close}\n')
    assert (page.checklists, page.markers, page.block_problems) == ([], {}, [])


def test_other_admonitions_are_not_checklists():
    page = page_of('!!! checklists "T"\n    - [ ] Uno\n\n!!! note "Checklist"\n    - [x] Uno\n')
    assert (page.checklists, page.block_problems) == ([], [])


def test_the_progress_marker_gives_its_page_the_progress_role():
    course = course_of({"mi-progreso.es.md": f"# Mi progreso\n\n{MARKER}\n", "otra.es.md": "# Otra\n"})
    assert course.pages["mi-progreso.es.md"].markers == {"progress": [3]}
    assert course.with_role("progress", "es") is course.pages["mi-progreso.es.md"]
    assert not course.pages["otra.es.md"].has_role("progress")


# ── Every mistake in a checklist, with file, line, problem and fix ─────────


@pytest.mark.parametrize("header", ["!!! checklist", "!!! checklist   ", '!!! checklist ""', '!!! checklist "  "'])
def test_a_checklist_without_title(header):
    assert problems_of(f"Texto\n\n{header}\n    - [ ] Uno\n") == [
        f"{FILE}:3: la lista de comprobación no tiene título. {HOW}: escribe entre comillas qué va a comprobar "
        f"quien la marque, así: {EXAMPLE}"]


@pytest.mark.parametrize("header, written", [
    ("!!! checklist Antes de enviar", "Antes de enviar"),
    ('!!! checklist inline "Antes de enviar"', 'inline "Antes de enviar"'),
    ('!!! checklist "Sin cerrar', '"Sin cerrar'),
])
def test_a_title_without_quotes(header, written):
    assert problems_of(f"{header}\n    - [ ] Uno\n") == [
        f"{FILE}:1: el título de la lista de comprobación («{written}») no está entre comillas dobles. {HOW}: "
        f"escríbelo entre comillas y sin nada más detrás de checklist, así: {EXAMPLE}"]


@pytest.mark.parametrize("marker", ["???", "???+"])
def test_a_collapsible_checklist(marker):
    assert problems_of(f'{marker} checklist "Plegable"\n    - [ ] Uno\n') == [
        f"{FILE}:1: la lista de comprobación empieza por «{marker}» y debe empezar por «!!!». {HOW}: "
        f"escríbela así: {EXAMPLE}  (las listas de comprobación no se pliegan)"]


@pytest.mark.parametrize("after", ["", "\n", "\nTexto sin sangría\n", "\n\n## Otro título\n"])
def test_an_empty_checklist(after):
    page = page_of(f'Intro\n!!! checklist "Vacía"{after}')
    assert messages(page.block_problems) == [
        f"{FILE}:2: la lista de comprobación «Vacía» no tiene elementos. {HOW}: escribe debajo sus elementos, "
        f"así: {ITEMS}"]
    assert page.checklists[0].items == []


def test_an_empty_checklist_without_title_is_named_by_its_number():
    assert problems_of("!!! checklist\n")[1] == (
        f"{FILE}:1: la lista de comprobación número 1 no tiene elementos. {HOW}: escribe debajo sus elementos, "
        f"así: {ITEMS}")


@pytest.mark.parametrize("line", [
    "Un párrafo dentro de la lista",
    "* [ ] Con asterisco",
    "- Sin casilla",
    "-[ ] Sin espacio",
    "    - [ ] Con 8 espacios",
])
def test_a_line_that_is_not_an_item(line):
    assert problems_of(f'!!! checklist "Lista"\n    - [ ] Bien\n    {line}\n') == [
        f"{FILE}:3: la línea «{line.strip()}» de la lista de comprobación «Lista» no es un elemento de la lista. "
        f"{HOW}: escribe cada elemento así: {ITEMS}"]


@pytest.mark.parametrize("mark", ["x", "X"])
def test_an_item_already_ticked(mark):
    assert problems_of(f'!!! checklist "Lista"\n    - [{mark}] Ya hecho\n') == [
        f"{FILE}:2: el elemento «Ya hecho» de la lista «Lista» ya está marcado con [{mark}]. {HOW}: "
        "déjalo sin marcar, con un espacio entre los corchetes: - [ ] Ya hecho  "
        "(la casilla la marca quien hace el curso)"]


@pytest.mark.parametrize("item", ["- [ ]", "- [ ]    "])
def test_an_empty_item(item):
    assert problems_of(f'!!! checklist "Lista"\n    - [ ] Uno\n    {item}\n') == [
        f"{FILE}:3: un elemento de la lista «Lista» está vacío. {HOW}: escribe el texto detrás de - [ ] "
        "o borra la línea"]


def test_a_repeated_item_even_with_other_capitals_accents_and_spaces():
    assert problems_of('!!! checklist "Lista"\n    - [ ] Pido permiso.\n    - [ ] Otra\n    - [ ] pído  PERMISO\n') == [
        f"{FILE}:4: el elemento «pído  PERMISO» está repetido en la lista «Lista» (ya está en la línea 2). "
        f"{HOW}: borra una de las dos líneas o cambia su texto"]


def test_the_same_item_in_two_checklists_of_a_page():
    # An item's id comes from its text: the two checkboxes would be one, ticked in two places.
    text = '!!! checklist "Antes"\n    - [ ] Tengo el permiso.\n\n!!! checklist "Después"\n    - [ ] tengo el PERMISO\n'
    assert problems_of(text) == [
        f"{FILE}:5: el elemento «tengo el PERMISO» ya está en la lista «Antes» de esta página (línea 2), y las dos "
        f"casillas se marcarían a la vez. {HOW}: cambia el texto de uno de los dos o borra uno"]
    # On two different pages the same text is two items.
    course = course_of({"modulos/sms.es.md": text.split("\n\n")[0] + "\n",
                        "modulos/email.es.md": text.split("\n\n")[0] + "\n"})
    assert block_rules.block_mistakes(course) == []
    assert course.pages["modulos/sms.es.md"].checklists[0].items[0].id != \
        course.pages["modulos/email.es.md"].checklists[0].items[0].id


def test_every_problem_of_a_page_is_reported_at_once_in_line_order():
    problems = block_rules.block_mistakes(course_of(
        {"modulos/sms.es.md": '!!! checklist\n    - [x] Uno\n    texto\n\n!!! checklist "Vacía"\n'}))
    assert [(problem.line, " ".join(problem.problem.split()[:3])) for problem in problems] == [
        (1, "la lista de"), (2, "el elemento «Uno»"), (3, "la línea «texto»"), (5, "la lista de")]


def test_a_checklist_inside_a_question():
    text = ('# T\n\n## Pon a prueba { #quiz }\n\n<quiz>\n¿Sí?\n- [x] Sí\n- [ ] No\n\nPorque sí.\n\n'
            '!!! checklist "Dentro"\n    - [ ] Uno\n</quiz>\n')
    assert messages(block_rules.blocks_in_the_wrong_place(course_of({"x.es.md": text}))) == [
        "docs/x.es.md:12: hay una lista de comprobación dentro de una pregunta (<quiz> de la línea 5): no "
        f"funcionaría dentro de la pregunta. {HOW}: sácala fuera de <quiz> … </quiz>, por ejemplo justo antes del "
        "título de las preguntas"]


# ── A module's checklist must be reachable at #checklist ─────────────────────


def test_a_module_checklist_without_the_checklist_anchor():
    problems = block_rules.module_blocks(course_of({"modulos/sms.es.md": SMS.replace("{ #checklist }", "{ #lista }")}))
    assert f"{FILE}:9: la lista de comprobación del módulo no está bajo un título con el ancla {{ #checklist }}. " \
           f"{HOW}: pon encima un título así: ## Lista de comprobación {{ #checklist }}  (en inglés: ## Checklist " \
           "{ #checklist })" in messages(problems)


def test_the_checklist_anchor_inside_code_does_not_count_and_other_pages_need_none():
    def anchor_problems(text: str, src_uri: str = "modulos/sms.es.md") -> list[str]:
        return [p for p in messages(block_rules.module_blocks(course_of({src_uri: text}))) if "#checklist" in p]

    assert len(anchor_problems(SMS.replace("## Lista de comprobación { #checklist }",
                                           "```\n## Lista { #checklist }\n```"))) == 1
    assert anchor_problems(SMS) == []
    assert anchor_problems(SMS.replace("{ #checklist }", ""), "guia.es.md") == []


def test_two_pages_with_checklists_and_the_same_file_name():
    course = course_of({"modulos/sms.es.md": SMS, "extra/sms.es.md": SMS, "otra/sms.es.md": "# Nada\n"})
    assert messages(block_rules.unique_page_ids(course)) == [
        "docs/modulos/sms.es.md:9: esta página y docs/extra/sms.es.md tienen listas de comprobación o preguntas y "
        f"el mismo nombre de archivo «sms», así que sus marcas se mezclarían. {HOW}: cambia el nombre de uno de "
        "los dos archivos (en los dos idiomas)"]


# ── Both languages have the same checklists and items ─────────────────────────


def translation_problems(spanish: str, english: str) -> list[str]:
    course = course_of({"modulos/sms.es.md": spanish, "modulos/sms.en.md": english})
    return messages(block_rules.block_translations(course))


def test_translations_with_the_same_checklists_and_items_match():
    assert translation_problems(SMS, EN) == []


def test_a_translation_with_an_item_missing_is_reported_where_the_item_is():
    english = EN.replace("    - [ ] I have removed everyone who opted out.\n", "")
    assert translation_problems(SMS, english) == [
        f"{FILE}:13: la lista de comprobación 1 tiene 3 elementos en {FILE} (línea 9) y 2 en {EN_FILE} (línea 9). "
        f"{HOW}: cada elemento debe estar en las dos versiones, en el mismo orden: traduce el que falta o borra "
        "el que sobra"]


def test_a_translation_with_an_extra_item_is_reported_in_the_translation():
    english = EN.replace("    - [ ] The message fits in one SMS.\n", "    - [ ] It fits.\n    - [ ] Extra.\n")
    assert translation_problems(SMS, english) == [
        f"{EN_FILE}:14: la lista de comprobación 1 tiene 4 elementos en {EN_FILE} (línea 9) y 3 en {FILE} "
        f"(línea 9). {HOW}: cada elemento debe estar en las dos versiones, en el mismo orden: traduce el que falta "
        "o borra el que sobra"]


def test_a_translation_with_an_extra_checklist():
    assert translation_problems(SMS, EN + '\n!!! checklist "Second"\n    - [ ] One\n') == [
        f"{EN_FILE}:17: {EN_FILE} tiene 2 lista(s) de comprobación (líneas 9, 17) y {FILE} tiene 1 (línea 9). "
        f"{HOW}: las dos versiones de la página deben tener las mismas listas, en el mismo orden: "
        "traduce la que falta o borra la que sobra"]


def test_a_translation_without_checklists():
    assert translation_problems(SMS, "# SMS\n") == [
        f"{FILE}:9: {FILE} tiene 1 lista(s) de comprobación (línea 9) y {EN_FILE} tiene 0 (ninguna). "
        f"{HOW}: las dos versiones de la página deben tener las mismas listas, en el mismo orden: "
        "traduce la que falta o borra la que sobra"]


def test_a_checklist_with_a_mistake_is_compared_with_its_translation_once_it_is_fixed():
    # A ticked item is one mistake: the editor is not also told to translate an item that is there.
    ticked = SMS.replace("- [ ] He quitado", "- [x] He quitado")
    course = course_of({"modulos/sms.es.md": ticked, "modulos/sms.en.md": EN})
    assert [p.line for p in block_rules.block_mistakes(course)] == [11]
    assert block_rules.block_translations(course) == []


# ── Ids: a merchant's ticks stay on the item they were made on ───────────────


def ids(text: str) -> dict[str, str]:
    """Item text → id, for the page's first checklist."""
    return {item.text: item.id for item in page_of(text).checklists[0].items}


BEFORE = ids(SMS)


@pytest.mark.parametrize("change, edited", [
    ("an item inserted above", SMS.replace("    - [ ] Tengo", "    - [ ] Nuevo primero.\n    - [ ] Tengo")),
    ("an item removed", SMS.replace("    - [ ] He quitado a quien pidió la baja.\n", "")),
    ("items reordered", SMS.replace("    - [ ] Tengo el permiso por escrito.\n    - [ ] He quitado a quien pidió la baja.\n",
                                    "    - [ ] He quitado a quien pidió la baja.\n    - [ ] Tengo el permiso por escrito.\n")),
    ("another item's typo fixed", SMS.replace("Tengo el permiso por escrito.", "Tengo el permiso por escrito de cada uno.")),
    ("a checklist added above", SMS.replace("## Lista de comprobación { #checklist }",
                                            '!!! checklist "Primero"\n    - [ ] Otra cosa.\n\n'
                                            "## Lista de comprobación { #checklist }")),
])
def test_an_items_id_does_not_change_when_other_items_change(change, edited):
    page = page_of(edited)
    assert page.block_problems == [], change
    after = {item.text: item.id for checklist in page.checklists for item in checklist.items}
    kept = set(BEFORE) & set(after)
    assert len(kept) >= 2, change
    assert {text: after[text] for text in kept} == {text: BEFORE[text] for text in kept}, change


@pytest.mark.parametrize("written", ["tengo el permiso por escrito", "Tengo el permíso por escrito", "Tengo  el permiso, por escrito!"])
def test_fixing_an_items_capitals_accents_spaces_or_punctuation_keeps_its_id(written):
    assert ids(SMS.replace("Tengo el permiso por escrito.", written))[written] == BEFORE["Tengo el permiso por escrito."]


def test_rewording_an_item_gives_it_a_new_id():
    assert ids(SMS.replace("por escrito", "firmado"))["Tengo el permiso firmado."] not in BEFORE.values()


def test_the_translation_has_the_ids_of_the_default_languages_items():
    course = course_of({"modulos/sms.es.md": SMS, "modulos/sms.en.md": EN})
    spanish = [item.id for item in course.pages["modulos/sms.es.md"].checklists[0].items]
    english = [item.id for item in course.pages["modulos/sms.en.md"].checklists[0].items]
    assert spanish == english == list(BEFORE.values())
    assert len(set(spanish)) == 3
    # Rewording the English text (the translation) never moves a tick.
    reworded = course_of({"modulos/sms.es.md": SMS, "modulos/sms.en.md": EN.replace("written", "signed")})
    assert [item.id for item in reworded.pages["modulos/sms.en.md"].checklists[0].items] == english


# ── The progress marker ───────────────────────────────────────────────────────


def marker_problems(sources: dict[str, str]) -> list[str]:
    return messages(marker_rules.markers(course_of(sources)))


PROGRESS = {"mi-progreso.es.md": f"# Mi progreso\n\n{MARKER}\n", "mi-progreso.en.md": f"# My progress\n\n{MARKER}\n"}


def test_the_marker_once_on_one_page_in_both_languages_is_right():
    assert marker_problems({**PROGRESS, "index.es.md": f"# Inicio\n\nEscribe `{MARKER}`.\n", "index.en.md": "# Home\n"}) == []


def test_the_marker_twice_or_sharing_its_line():
    sources = {**PROGRESS, "mi-progreso.es.md": f"# Mi progreso\n\n{MARKER}\n\nVer: {MARKER}\n\n{MARKER}\n"}
    assert marker_problems(sources) == [
        f"docs/mi-progreso.es.md:5: el marcador {MARKER} comparte la línea con otro texto. {HOW}: déjalo solo en "
        "su línea, con una línea en blanco antes y después",
        f"docs/mi-progreso.es.md:7: el marcador {MARKER} está repetido (ya está en la línea 3). {HOW}: deja solo uno"]


def test_the_marker_on_two_pages():
    sources = {**PROGRESS, "index.es.md": f"# Inicio\n\n{MARKER}\n", "index.en.md": f"# Home\n\n{MARKER}\n"}
    assert marker_problems(sources) == [
        marker_on_two_pages(MARKER, "«Mi progreso»", (f"docs/{page}.{locale}.md", 3), (f"docs/{other}.{locale}.md", 3))
        for page, other in (("index", "mi-progreso"), ("mi-progreso", "index")) for locale in ("en", "es")]


def test_the_marker_in_one_language_only():
    assert marker_problems({**PROGRESS, "mi-progreso.en.md": "# My progress\n"}) == [
        f"docs/mi-progreso.en.md:1: docs/mi-progreso.es.md tiene el marcador {MARKER} y su traducción "
        f"docs/mi-progreso.en.md no. {HOW}: pon {MARKER} en las dos versiones de la página, en el mismo sitio"]


@pytest.mark.parametrize("written", ["<!-- checklist progress -->", "<!--checklist_progress-->", "<!-- progreso -->"])
def test_a_misspelt_marker_says_which_one_was_meant(written):
    assert marker_problems({"mi-progreso.es.md": f"# Mi progreso\n\n{written}\n", "mi-progreso.en.md": "# P\n"}) == [
        f"docs/mi-progreso.es.md:3: el marcador «{written}» no existe. {HOW}: escribe exactamente {MARKER}, "
        "solo en su línea"]


def test_the_real_progress_pages_hold_the_marker_and_are_in_the_menu():
    from course.model import load_course, read_settings

    course = load_course(ROOT, read_settings(ROOT))
    for locale in course.locales:
        page = course.with_role("progress", locale)
        assert page is not None and page.key == "mi-progreso" and page.markers["progress"]
    assert "mi-progreso" in course.nav_keys()


@pytest.mark.parametrize("locale, progress, reset", [("es", "{done} de {total}", "Borrar marcas"),
                                                     ("en", "{done} of {total}", "Clear ticks")])
def test_the_interface_text_exists_in_both_languages(locale, progress, reset):
    strings = course_of({}).strings.for_locale(locale)
    assert strings["checklist_progress"] == progress and strings["checklist_reset"] == reset
    assert all(strings[key].strip() for key in ("checklist_progress_label", "checklist_total_label",
                                                "checklist_saved", "checklist_not_saved"))


# ── The fixture site, built end to end ───────────────────────────────────────

ITEM = re.compile(r'<input class="digicom-checklist__box" type="checkbox" id="([^"]+)" data-checklist-item="([^"]+)"'
                  r' data-checklist-position="[^"]+"><label class="digicom-checklist__label" for="([^"]+)">')
SHOWN = "El remitente dice «Zapatos & Co» y el texto tiene <160 caracteres."
EMAIL_EXAMPLE = '\nUn ejemplo:\n\n```markdown\n!!! checklist "Ejemplo"\n    - [x] marcado\n```\n\n## '
# The fixture site with a third item (text to escape) in the SMS checklist, and a code example in email.
VARIANT = [
    ("docs/modulos/sms.es.md", "    - [ ] El mensaje cabe en un SMS.\n",
     f"    - [ ] El mensaje cabe en un SMS.\n    - [ ] {SHOWN}\n"),
    ("docs/modulos/sms.en.md", "    - [ ] The message fits in one SMS.\n",
     "    - [ ] The message fits in one SMS.\n    - [ ] The sender says “Shoes & Co” and the text has <160 characters.\n"),
    ("docs/modulos/email.es.md", "\n## Pon a prueba", EMAIL_EXAMPLE + "Pon a prueba"),
    ("docs/modulos/email.en.md", "\n## Test yourself", EMAIL_EXAMPLE + "Test yourself"),
]
SMS_ITEMS = ["Tengo el permiso de cada cliente.", "El mensaje cabe en un SMS.", SHOWN]
EMAIL_ITEMS = ["Tengo el permiso de cada cliente.", "El boletín tiene un enlace de baja."]


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("checklists")
    built = build_site(make_site(folder / "src", replace=VARIANT), folder / "site")
    assert built.ok, built.log
    return built.site


def html_of(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def items_in(html: str) -> list[tuple[str, str]]:
    found = ITEM.findall(html)
    assert all(box_id == label_for for box_id, _, label_for in found), "every checkbox has its own label"
    return [(box_id, item_id) for box_id, item_id, _ in found]


def expected(page_id: str, texts: list[str]) -> list[tuple[str, str]]:
    return [(cl.dom_id(cl.item_id(page_id, text)), cl.item_id(page_id, text)) for text in texts]


def test_both_languages_show_the_checklist_with_the_same_ids(fixture_site: Path):
    spanish, english = html_of(fixture_site, "modulos/sms"), html_of(fixture_site, "en/modulos/sms")
    assert items_in(spanish) == items_in(english) == expected("sms", SMS_ITEMS)
    assert "!!! checklist" not in spanish and "[ ]" not in spanish
    assert '<legend class="digicom-checklist__title" id="checklist-sms-1-title">Antes de enviar tu primer SMS</legend>' in spanish
    assert '<legend class="digicom-checklist__title" id="checklist-sms-1-title">Before you send your first SMS</legend>' in english
    assert "<strong data-checklist-count>0 de 3</strong>" in spanish and "<strong data-checklist-count>0 of 3</strong>" in english
    assert ">Borrar marcas</button>" in spanish and ">Clear ticks</button>" in english
    assert 'aria-live="polite"' in spanish
    # Item text is shown as written, escaped.
    assert "El remitente dice «Zapatos &amp; Co» y el texto tiene &lt;160 caracteres.</label>" in spanish
    # Without JavaScript only the checkboxes show: the status (progress and reset) starts hidden.
    assert '<div class="digicom-checklist__status" data-checklist-status hidden>' in spanish


def test_a_checklist_inside_fenced_code_stays_an_example(fixture_site: Path):
    email = html_of(fixture_site, "modulos/email")
    code = [re.sub(r"<[^>]+>", "", block) for block in re.findall(r"<code>(.*?)</code>", email, re.DOTALL)]
    assert '!!! checklist "Ejemplo"\n    - [x] marcado\n' in code
    assert items_in(email) == expected("email", EMAIL_ITEMS)


@pytest.mark.parametrize("prefix, titles", [("", ["SMS para tu tienda", "Email para tu tienda"]),
                                            ("en/", ["SMS for your shop", "Email for your shop"])])
def test_the_progress_page_shows_every_modules_checklist_in_menu_order(fixture_site: Path, prefix, titles):
    html = html_of(fixture_site, f"{prefix}mi-progreso")
    assert MARKER not in html
    # The same boxes as on the modules: a tick made on either shows on both.
    assert items_in(html) == items_in(html_of(fixture_site, f"{prefix}modulos/sms")) + \
        items_in(html_of(fixture_site, f"{prefix}modulos/email"))
    headings = re.findall(r'<h2 class="digicom-progress__heading"><a href="([^"]+)">([^<]+)</a></h2>', html)
    # Menu order (sms before email), not alphabetical order.
    assert headings == [("../modulos/sms/#checklist", titles[0]), ("../modulos/email/#checklist", titles[1])]
    for href, _ in headings:
        path, anchor = href.split("#")
        target = fixture_site / posixpath.normpath(posixpath.join(f"{prefix}mi-progreso/", path)) / "index.html"
        assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), href
    assert "data-checklist-summary" in html


def test_a_translation_with_an_item_missing_stops_the_build(tmp_path: Path):
    site = make_site(tmp_path / "src", replace=[
        ("docs/modulos/sms.en.md", "    - [ ] I have permission from each customer.\n", "")])
    built = build_site(site, tmp_path / "site")
    assert not built.ok
    assert (f"docs/modulos/sms.es.md:51: la lista de comprobación 1 tiene 2 elementos en docs/modulos/sms.es.md "
            f"(línea 49) y 1 en docs/modulos/sms.en.md (línea 49). {HOW}: cada elemento debe estar en las dos "
            "versiones, en el mismo orden: traduce el que falta o borra el que sobra") in built.log


def test_every_problem_in_the_site_is_listed_before_the_build_stops(tmp_path: Path):
    site = make_site(tmp_path / "src", replace=[
        ("docs/modulos/email.es.md", "    - [ ] El boletín", "    - [x] El boletín"),
        ("docs/mi-progreso.en.md", MARKER, f"{MARKER}\n\n{MARKER}"),
        ("docs/index.es.md", "<!-- modules -->", f"<!-- modules -->\n\n{MARKER}"),
    ])
    built = build_site(site, tmp_path / "site")
    assert not built.ok
    assert "El contenido tiene 5 error(es)" in built.log
    for message in (
        "docs/modulos/email.es.md:51: el elemento «El boletín tiene un enlace de baja.» de la lista «Antes de enviar "
        "tu primer boletín» ya está marcado con [x]",
        f"docs/mi-progreso.en.md:12: el marcador {MARKER} está repetido (ya está en la línea 10)",
        marker_on_two_pages(MARKER, "«Mi progreso»", ("docs/mi-progreso.es.md", 10), ("docs/index.es.md", 16)),
        marker_on_two_pages(MARKER, "«Mi progreso»", ("docs/index.es.md", 16), ("docs/mi-progreso.es.md", 10)),
        f"docs/index.en.md:1: docs/index.es.md tiene el marcador {MARKER} y su traducción docs/index.en.md no",
    ):
        assert message in built.log, built.log
    # The two versions of a checklist are compared only once each is right on its own.
    assert "la lista de comprobación 1 tiene" not in built.log
