"""Teaching from the site: trainer notes (hooks/course/trainer_notes.py, hooks/trainer_notes.py),
the session plan (course/session_plan.py, hooks/session_plan.py), their page markers
(course/markers.py) and the handout's QR code (course/teaching.py, hooks/teaching.py).

Parsing, every error message an editor can get, the session plan's arithmetic, and a
fixture site (tests/fixtures/teaching/) built end to end in both languages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_fixture_site, load_hook, load_mkdocs_yml, run_mkdocs_build
from course import markers as mk
from course import session_plan as sp
from course import trainer_notes as tn
from course.strings import strings_for
from course.teaching import insert_after_title, qr_svg

FIXTURE = ROOT / "tests" / "fixtures" / "teaching"
STRINGS = str(ROOT / "data" / "strings.yml")
HOW = "Cómo arreglarlo / How to fix it"
FILE = "docs/modulos/sms.es.md"
EXAMPLE = '!!! trainer "Para quien imparte: 5 minutos"'

SMS = """\
---
title: SMS
---

# SMS

!!! trainer "Para quien imparte: 5 minutos"
    Pregunta a la sala quién envía **SMS**.

    - Apunta las respuestas.

Texto para todos.

```markdown
!!! trainer "Un ejemplo"
    No es una nota.
```

!!! trainer "Para quien imparte: 10 minutos"
	Con un tabulador delante.
"""


def parse(text: str, file: str = FILE):
    return tn.parse_notes(text, file)


def messages(problems) -> list[str]:
    return [str(problem) for problem in problems]


# ── Finding notes ────────────────────────────────────────────────────────────


def test_notes_have_title_body_and_line_and_code_examples_are_not_notes():
    page, problems = parse(SMS)
    assert problems == []
    assert page.file == FILE
    assert [(note.title, note.line) for note in page.notes] == [
        ("Para quien imparte: 5 minutos", 7), ("Para quien imparte: 10 minutos", 19)]
    assert page.notes[0].body == "Pregunta a la sala quién envía **SMS**.\n\n- Apunta las respuestas."
    # A tab counts as 4 spaces, as Markdown reads it.
    assert page.notes[1].body == "Con un tabulador delante."


def test_a_note_ends_at_the_first_line_less_indented_than_its_body():
    page, _ = parse('!!! trainer "T"\n    Uno.\n\n    Dos.\n  Fuera de la nota.\n')
    assert page.notes[0].body == "Uno.\n\nDos." and (page.notes[0].first, page.notes[0].last) == (0, 3)


@pytest.mark.parametrize("fence", ["```", "~~~~"])
def test_notes_inside_fenced_code_are_examples(fence):
    text = f'{fence}\n!!! trainer "T"\n    Texto.\n{fence}\n'
    assert parse(text) == (tn.NotesPage(FILE, ()), [])


def test_other_admonitions_are_not_notes():
    page, problems = parse('!!! trainers "T"\n    Texto.\n\n!!! note "Trainer"\n    Texto.\n')
    assert page.notes == () and problems == []


# ── Every mistake, with its message ──────────────────────────────────────────


@pytest.mark.parametrize("header", ["!!! trainer", "!!! trainer   ", '!!! trainer ""', '!!! trainer "  "'])
def test_a_note_without_title(header):
    assert messages(parse(f"Texto.\n\n{header}\n    Cuerpo.\n")[1]) == [
        f"{FILE}:3: la nota para formadores no tiene título. {HOW}: escribe entre comillas para quién es y "
        f"cuánto dura la actividad, así: {EXAMPLE}"]


@pytest.mark.parametrize(("header", "written"), [
    ("!!! trainer Para quien imparte: 5 minutos", "Para quien imparte: 5 minutos"),
    ('!!! trainer inline "Para quien imparte"', 'inline "Para quien imparte"'),
    ('!!! trainer "Sin cerrar', '"Sin cerrar'),
])
def test_a_title_without_quotes(header, written):
    assert messages(parse(f"{header}\n    Cuerpo.\n")[1]) == [
        f"{FILE}:1: el título de la nota para formadores («{written}») no está entre comillas. {HOW}: "
        f"escríbelo entre comillas y sin nada más detrás de trainer, así: {EXAMPLE}"]


@pytest.mark.parametrize("marker", ["???", "???+"])
def test_a_collapsible_note(marker):
    assert messages(parse(f'{marker} trainer "Para quien imparte: 5 minutos"\n    Cuerpo.\n')[1]) == [
        f"{FILE}:1: la nota para formadores empieza por «{marker}» y debe empezar por «!!!». {HOW}: "
        f"escríbela así: {EXAMPLE}  (las notas no se pliegan)"]


def test_a_note_inside_a_list_or_another_block():
    text = f'- Un punto.\n\n    {EXAMPLE}\n        Cuerpo.\n'
    page, problems = parse(text)
    assert page.notes[0].body == "Cuerpo."
    assert messages(problems) == [
        f"{FILE}:3: la nota para formadores tiene espacios delante de «!!!». {HOW}: escribe «!!! trainer» al "
        "principio de la línea: una nota no puede ir dentro de una lista ni de otro bloque"]


@pytest.mark.parametrize("after", ["", "\n", "\nTexto sin sangría.\n", "\n  Solo dos espacios.\n"])
def test_an_empty_note(after):
    assert messages(parse(f"{EXAMPLE}\n{after}")[1]) == [
        f"{FILE}:1: la nota para formadores «Para quien imparte: 5 minutos» está vacía. {HOW}: escribe debajo "
        "lo que debe hacer quien imparte, con 4 espacios delante de cada línea"]


def test_every_problem_is_reported_at_once_and_an_empty_untitled_note_gets_both():
    text = f'{EXAMPLE}\n    Bien.\n\n!!! trainer\n\n??? trainer "Plegada"\n    Cuerpo.\n'
    page, problems = parse(text)
    assert len(page.notes) == 3
    assert messages(problems) == [
        f"{FILE}:4: la nota para formadores no tiene título. {HOW}: escribe entre comillas para quién es y "
        f"cuánto dura la actividad, así: {EXAMPLE}",
        f"{FILE}:4: la nota para formadores está vacía. {HOW}: escribe debajo lo que debe hacer quien imparte, "
        "con 4 espacios delante de cada línea",
        f"{FILE}:6: la nota para formadores empieza por «???» y debe empezar por «!!!». {HOW}: "
        f"escríbela así: {EXAMPLE}  (las notas no se pliegan)",
    ]


# ── Both languages ───────────────────────────────────────────────────────────


def _page(file: str, *lines: int) -> tn.NotesPage:
    return tn.NotesPage(file, tuple(tn.TrainerNote("T", "B", line, line - 1, line) for line in lines))


def test_translations_with_as_many_notes_match():
    assert tn.check_translation(_page(FILE, 7, 20), _page("docs/modulos/sms.en.md", 7, 21)) == []


def test_a_translation_with_a_note_missing_is_reported_at_its_last_note():
    assert messages(tn.check_translation(_page(FILE, 7, 20), _page("docs/modulos/sms.en.md", 9))) == [
        f"docs/modulos/sms.en.md:9: esta página tiene 1 nota para formadores y la otra versión, {FILE}, tiene 2. "
        f"{HOW}: las dos versiones deben tener las mismas notas, en el mismo orden: traduce la que falta o borra "
        "la que sobra"]


def test_a_translation_with_an_extra_note_is_reported_at_the_first_extra_one():
    assert messages(tn.check_translation(_page(FILE, 7), _page("docs/modulos/sms.en.md", 7, 30, 40)))[0].startswith(
        f"docs/modulos/sms.en.md:30: esta página tiene 3 notas para formadores y la otra versión, {FILE}, tiene 1.")


def test_a_translation_without_notes_is_reported_at_its_first_line():
    assert messages(tn.check_translation(_page(FILE, 7), _page("docs/modulos/sms.en.md")))[0].startswith(
        f"docs/modulos/sms.en.md:1: esta página tiene 0 notas para formadores y la otra versión, {FILE}, tiene 1.")


# ── Markers on generated pages ───────────────────────────────────────────────


NOTES_FILE = "docs/notas-formacion.es.md"
MARKER = tn.NOTES_MARKER.text


def check(text: str, *, its_page: bool = True, file: str = NOTES_FILE, marker: mk.Marker = tn.NOTES_MARKER):
    return messages(mk.check_marker(text, file, marker, is_its_page=its_page))


def test_the_marker_once_on_its_page_is_right_and_examples_do_not_count():
    assert check(f"# Notas\n\n{MARKER}\n\n```\n{MARKER}\n```\n\nEscribe `{MARKER}` en la página.\n") == []


def test_the_notes_page_without_its_marker():
    assert check("# Notas\n\nTexto.\n") == [
        f"{NOTES_FILE}:1: la página «Notas para formadores» no tiene el marcador {MARKER}. {HOW}: añade una línea "
        f"con solo {MARKER} donde debe aparecer el contenido, por ejemplo debajo de la introducción"]


def test_the_marker_twice_or_sharing_its_line():
    assert check(f"# Notas\n\n{MARKER}\n\nTexto {MARKER}\n\n  {MARKER}\n") == [
        f"{NOTES_FILE}:5: el marcador {MARKER} comparte la línea con otro texto. {HOW}: déjalo solo en su línea, "
        "con una línea en blanco antes y después",
        f"{NOTES_FILE}:7: el marcador {MARKER} está repetido (ya está en la línea 3). {HOW}: deja solo uno",
    ]


@pytest.mark.parametrize("written", ["<!-- trainer notes -->", "<!--trainer-note-->", "<!-- Trainer_Notes -->"])
def test_a_misspelt_marker(written):
    assert check(f"# Notas\n\n{written}\n") == [
        f"{NOTES_FILE}:3: el marcador «{written}» está mal escrito. {HOW}: escribe exactamente {MARKER}, "
        "solo en su línea"]


def test_the_marker_on_another_page_even_inside_text():
    assert check(f"# SMS\n\n{MARKER}\n\nVer {MARKER}\n", its_page=False, file=FILE) == [
        f"{FILE}:{line}: el marcador {MARKER} solo puede estar en la página «Notas para formadores». {HOW}: "
        "bórralo de esta página: va en docs/notas-formacion.es.md y docs/notas-formacion.en.md"
        for line in (3, 5)]


def test_the_session_plan_marker_has_its_own_page_and_spelling():
    plan = sp.PLAN_MARKER.text
    assert check(f"# Plan\n\n{plan}\n", file="docs/plan-de-sesion.en.md", marker=sp.PLAN_MARKER) == []
    assert check("# SMS\n\n<!-- session plan -->\n", its_page=False, file=FILE, marker=sp.PLAN_MARKER) == [
        f"{FILE}:3: el marcador «<!-- session plan -->» está mal escrito. {HOW}: escribe exactamente {plan}, "
        "solo en su línea"]
    assert check(f"{plan}\n", its_page=False, file=FILE, marker=sp.PLAN_MARKER) == [
        f"{FILE}:1: el marcador {plan} solo puede estar en la página «Plan de sesión». {HOW}: bórralo de esta "
        "página: va en docs/plan-de-sesion.es.md y docs/plan-de-sesion.en.md"]


def test_the_marker_line_is_replaced_but_not_inside_code():
    text = f"# Notas\n\n{MARKER}\n\n```\n{MARKER}\n```\n"
    assert mk.replace_marker(text, tn.NOTES_MARKER, "<p>uno</p>\n<p>dos</p>") == (
        f"# Notas\n\n\n<p>uno</p>\n<p>dos</p>\n\n\n```\n{MARKER}\n```\n")


# ── Rendering and gathering ──────────────────────────────────────────────────


def test_each_note_is_replaced_by_what_render_makes_and_the_rest_is_kept():
    rendered = tn.replace_notes(SMS, lambda note: f"<aside>{note.title}</aside>")
    assert rendered.count("<aside>") == 2 and "Pregunta a la sala" not in rendered
    assert "\n\n<aside>Para quien imparte: 5 minutos</aside>\n\n\nTexto para todos." in rendered
    assert '!!! trainer "Un ejemplo"\n    No es una nota.\n```' in rendered
    assert rendered.startswith("---\ntitle: SMS\n---\n\n# SMS\n") and rendered.endswith("</aside>\n\n")


def test_text_without_notes_is_left_as_it_is():
    text = "# SMS\n\nTexto.\n"
    assert tn.replace_notes(text, lambda note: "x") == text


@pytest.mark.parametrize(("written", "moved"), [
    ("[ley](../ley.md#art-21)", "[ley](ley.md#art-21)"),
    ("[aquí](#steps)", "[aquí](modulos/sms.md#steps)"),
    ("[email](email.md)", "[email](modulos/email.md)"),
    ('![foto](img/sala.png "La sala")', '![foto](modulos/img/sala.png "La sala")'),
    ("[con espacios](<mi ficha.md>)", "[con espacios](<modulos/mi ficha.md>)"),
    ("[web](https://www.aepd.es/x.md)", "[web](https://www.aepd.es/x.md)"),
    ("[correo](mailto:hola@example.org)", "[correo](mailto:hola@example.org)"),
    ("[raíz](/curso/)", "[raíz](/curso/)"),
    ("[ley]: ../ley.md#art-21", "[ley]: ley.md#art-21"),
])
def test_links_in_a_note_keep_working_on_the_notes_page(written, moved):
    assert tn.rebase_links(written, "modulos/sms.es.md", "notas-formacion.es.md") == moved


def test_gathered_notes_link_to_their_module_in_menu_order():
    sms, _ = parse(SMS)
    empty = tn.NotesPage("docs/modulos/email.es.md", ())
    gathered = tn.gather_notes([("modulos/sms.es.md", "SMS", sms), ("modulos/email.es.md", "Email", empty)],
                               "formadores/notas.es.md")
    assert [(m.id, m.title, m.link, len(m.notes)) for m in gathered] == [
        ("sms", "SMS", "../modulos/sms.md", 2), ("email", "Email", "../modulos/email.md", 0)]


# ── The session plan's arithmetic ────────────────────────────────────────────


def _modules(*durations: int) -> list[sp.PlannedModule]:
    return [sp.PlannedModule(f"m{n}", f"M{n}", f"m{n}/", d, "basic", ("a", "b", "c"))
            for n, d in enumerate(durations, start=1)]


def test_running_totals_and_total():
    modules = sp.with_running_totals(_modules(15, 20, 25, 25, 20, 25, 20))
    assert [m.running_total for m in modules] == [15, 35, 60, 85, 105, 130, 150]
    assert sp.total_minutes(modules) == 150 == modules[-1].running_total
    assert sp.with_running_totals([]) == [] and sp.total_minutes([]) == 0


def test_a_two_hour_session_keeps_two_breaks_and_skips_what_does_not_fit():
    session = sp.plan_session(_modules(15, 20, 25, 25, 20, 25, 20), 120)
    assert (session.breaks, session.break_minutes, session.budget) == (2, 10, 100)
    assert [m.id for m in session.fits] == ["m1", "m2", "m3", "m4"]
    assert [m.id for m in session.left] == ["m5", "m6", "m7"]
    assert (session.teaching, session.spare) == (85, 15)


def test_greedy_in_menu_order_goes_on_after_a_module_that_does_not_fit():
    session = sp.plan_session(_modules(60, 50, 30, 10), 120)
    assert [m.id for m in session.fits] == ["m1", "m3", "m4"] and [m.id for m in session.left] == ["m2"]
    assert (session.teaching, session.spare) == (100, 0)


def test_a_four_hour_session_fits_the_whole_course():
    session = sp.plan_session(_modules(15, 20, 25, 25, 20, 25, 20), 240)
    assert (session.breaks, session.budget, len(session.fits), session.left) == (4, 200, 7, ())
    assert (session.teaching, session.spare) == (150, 50)


def test_breaks_are_per_full_hour_and_a_module_exactly_the_budget_fits():
    assert sp.plan_session(_modules(80), 90).budget == 80 and len(sp.plan_session(_modules(80), 90).fits) == 1
    assert sp.plan_session(_modules(50), 50).breaks == 0
    assert sp.plan_session([], 120).fits == () and sp.plan_session([], 120).spare == 100
    assert sp.SESSION_LENGTHS == (120, 240) and sp.hours_and_minutes(150) == (2, 30)


# ── The handout's QR code and the teaching aids' place ───────────────────────


def test_the_qr_code_is_an_inline_svg_with_a_title_and_no_fixed_size():
    svg = qr_svg("https://example.org/curso/modulos/sms/", 'Código QR de «SMS» & <más>')
    assert re.fullmatch(r'<svg viewBox="0 0 (\d+) \1" class="digicom-handout__qr"><title>Código QR de «SMS» '
                        r'&amp; &lt;más&gt;</title><path stroke="#000" d="M[^"]+"/></svg>', svg)
    assert "xmlns" not in svg and "width" not in svg
    assert qr_svg("https://example.org/curso/en/modulos/sms/", "t") != qr_svg("https://example.org/curso/modulos/sms/", "t")


def test_teaching_aids_go_right_under_the_title():
    assert insert_after_title("Intro.\n\n# Título\n\nTexto.", "<p>X</p>") == "Intro.\n\n# Título\n\n<p>X</p>\n\n\n\nTexto."
    assert insert_after_title("Sin título.", "<p>X</p>") == "\n\n<p>X</p>\n\nSin título."


# ── The real site's setup ────────────────────────────────────────────────────


@pytest.mark.parametrize("locale", ["es", "en"])
def test_the_interface_text_exists_in_both_languages(locale):
    strings = strings_for(STRINGS, locale)
    keys = [key for key in strings if key.startswith(("present_", "session_", "trainer_", "handout_"))]
    assert len(keys) >= 30 and all(strings[key].strip() for key in keys)
    assert strings["handout_scan"] == {"es": "Escanea para abrir esta página", "en": "Scan to open this page"}[locale]
    assert strings["present_button"] == {"es": "Presentar", "en": "Present"}[locale]


def test_the_hooks_import_as_mkdocs_does():
    notes, plan, teaching = load_hook("trainer_notes"), load_hook("session_plan"), load_hook("teaching")
    assert callable(notes.on_nav) and callable(notes.on_page_markdown) and callable(notes.on_config)
    assert callable(plan.on_nav) and callable(plan.on_page_markdown) and callable(teaching.on_page_markdown)


def test_the_real_site_registers_the_hooks_pages_and_assets():
    config = load_mkdocs_yml()
    hooks = config["hooks"]
    assert hooks[hooks.index("hooks/glossary.py") + 1] == "hooks/trainer_notes.py"
    assert {"hooks/session_plan.py", "hooks/teaching.py"} <= set(hooks)
    assert {"Formadores": ["notas-formacion.md", "plan-de-sesion.md"]} in config["nav"]
    english = next(language for language in config["plugins"][1]["i18n"]["languages"] if language["locale"] == "en")
    assert english["nav_translations"]["Formadores"] == "Trainers"
    assert "assets/stylesheets/teaching.css" in config["extra_css"]
    assert {"path": "assets/javascripts/present-loader.js", "defer": True} in config["extra_javascript"]
    assert "md_in_html" in config["markdown_extensions"]
    assert "segno==1.6.6\n" in (ROOT / "requirements.txt").read_text(encoding="utf-8")
    # Notes are hidden by the markup now, not by a CSS rule on the old admonition.
    assert ".admonition.trainer" not in (ROOT / "overrides/assets/stylesheets/digicom.css").read_text(encoding="utf-8")


def test_the_real_pages_have_their_markers_and_the_modules_notes_match():
    for locale in ("es", "en"):
        for marker in (tn.NOTES_MARKER, sp.PLAN_MARKER):
            file = f"docs/{marker.page_key}.{locale}.md"
            assert mk.check_marker((ROOT / file).read_text(encoding="utf-8"), file, marker, is_its_page=True) == []
    for spanish in sorted((ROOT / "docs/modulos").glob("*.es.md")):
        english = spanish.with_name(spanish.name.replace(".es.md", ".en.md"))
        es, es_problems = parse(spanish.read_text(encoding="utf-8"), spanish.name)
        en, en_problems = parse(english.read_text(encoding="utf-8"), english.name)
        assert es_problems == en_problems == [] and tn.check_translation(es, en) == []
        assert es.notes, f"{spanish.name} has no trainer note"


# ── The fixture site, built end to end ───────────────────────────────────────


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("teaching-site")
    result = run_mkdocs_build(FIXTURE / "mkdocs.yml", site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def _article(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


NOTE = re.compile(r'<aside class="digicom-trainer-note" data-trainer-note="data-trainer-note" hidden="hidden">\n'
                  r'<p class="digicom-trainer-note__title">([^<]+)</p>\n<div class="digicom-trainer-note__body">\n'
                  r"(.*?)\n</div>\n</aside>", re.DOTALL)


@pytest.mark.parametrize(("prefix", "titles", "first_body"), [
    ("", ["Para quien imparte: 5 minutos", "Para quien imparte: 10 minutos"],
     '<p>Pregunta a la sala quién envía <strong>SMS</strong> hoy. Compara con <a href="../email/#why">el email</a>.</p>'),
    ("en/", ["For trainers: 5 minutes", "For trainers: 10 minutes"],
     '<p>Ask the room who sends <strong>SMS</strong> today. Compare with <a href="../email/#why">email</a>.</p>'),
])
def test_module_pages_keep_each_note_hidden_with_its_title_and_html_body(fixture_site, prefix, titles, first_body):
    article = _article(_html(fixture_site, f"{prefix}modulos/sms"))
    notes = NOTE.findall(article)
    assert [title for title, _ in notes] == titles
    assert notes[0][1] == first_body
    assert "<ul>\n<li>" in notes[1][1]
    assert "!!! trainer" in article.split("</code>")[0]  # only the example in code is left as text
    assert article.count("!!! trainer") == 1 and "admonition trainer" not in article
    # Material strips data-search-exclude once it has indexed the page; the index shows it worked.
    assert "data-search-exclude" not in article


def test_no_note_text_gets_into_the_search_index(fixture_site):
    docs = json.loads((fixture_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    text = " ".join(doc["title"] + " " + doc["text"] for doc in docs)
    assert "Un SMS llega a cualquier móvil" in text and "An SMS reaches any phone" in text
    secret = ["Pregunta a la sala", "Por parejas", "Clasificad", "Para quien imparte", "Escanea", "Presentar",
              "Ask the room", "In pairs", "Sort three", "For trainers", "Scan to open", "example.org"]
    assert [phrase for phrase in secret if phrase in text] == []
    # The notes page's module headings are found, so trainers can find the page.
    assert any(doc["location"] == "notas-formacion/#sms" for doc in docs)


@pytest.mark.parametrize(("prefix", "button", "announce", "scan"), [
    ("", "Presentar", "Diapositiva {n} de {total}: {title}", "Escanea para abrir esta página"),
    ("en/", "Present", "Slide {n} of {total}: {title}", "Scan to open this page"),
])
def test_module_pages_have_the_present_button_and_the_handout_qr_code(fixture_site, prefix, button, announce, scan):
    article = _article(_html(fixture_site, f"{prefix}modulos/sms"))
    title_end = article.index("</h1>")
    present = article.index('<p class="digicom-present" hidden>')
    handout = article.index('<figure class="digicom-handout">')
    assert title_end < present < handout < article.index('<h2 id="why"')
    assert f'data-present-announce="{announce}"' in article and f">{button}</button>" in article
    assert "data-digicom-present" in article and "presentation.js" not in _html(fixture_site, f"{prefix}modulos/sms")
    url = f"https://example.org/curso/{prefix}modulos/sms/"
    assert f'<span class="digicom-handout__scan">{scan}</span> <span class="digicom-handout__url">{url}</span>' in article
    svg = re.search(r'<svg viewBox="[^"]+" class="digicom-handout__qr"><title>[^<]+</title><path [^>]+/></svg>', article)
    assert svg and svg.group(0) == qr_svg(url, strings_for(STRINGS, prefix.strip("/") or "es")["handout_qr_title"])
    # Only module pages get them.
    assert "digicom-present" not in _article(_html(fixture_site, f"{prefix}plan-de-sesion"))


@pytest.mark.parametrize(("prefix", "modules", "none"), [
    ("", ["SMS para llegar a tus clientes", "Email marketing", "Crisis en redes sociales"],
     "Este módulo no tiene notas para quien imparte."),
    ("en/", ["SMS to reach your customers", "Email marketing", "Social media crises"], "This module has no trainer notes."),
])
def test_the_notes_page_lists_every_module_in_menu_order_with_its_notes(fixture_site, prefix, modules, none):
    article = _article(_html(fixture_site, f"{prefix}notas-formacion"))
    assert tn.NOTES_MARKER.text not in article
    headings = re.findall(r'<h2 id="([a-z-]+)"><a href="([^"]+)">([^<]+)</a>', article)
    assert headings == [("sms", "../modulos/sms/", modules[0]), ("email", "../modulos/email/", modules[1]),
                        ("crisis", "../modulos/crisis/", modules[2])]
    cards = re.findall(r'<aside class="digicom-trainer-note digicom-trainer-note--shown"[^>]*>\n'
                       r'<p class="digicom-trainer-note__title">([^<]+)</p>', article)
    assert len(cards) == 3 and "hidden" not in article.split("<h2")[1]
    # The link written in the module still leads to the right place from here.
    assert '<a href="../modulos/email/#why">' in article
    email = article[article.index('<h2 id="email"'):article.index('<h2 id="crisis"')]
    assert f'<p class="digicom-trainer-notes__none">{none}</p>' in email


@pytest.mark.parametrize(("prefix", "total", "left_heading"), [
    ("", "1 h 45 min", "Quedan para otra sesión:"), ("en/", "1 h 45 min", "Left for another session:")])
def test_the_session_plan_lists_modules_total_and_two_sessions(fixture_site, prefix, total, left_heading):
    article = _article(_html(fixture_site, f"{prefix}plan-de-sesion"))
    assert sp.PLAN_MARKER.text not in article
    rows = re.findall(r'<tr data-module="([a-z-]+)">\n<th scope="row"><a href="([^"]+)">[^<]+</a></th>\n'
                      r'<td data-minutes="(\d+)">[^<]+</td>\n<td>([^<]+)</td>\n<td><ul>(?:<li>[^<]+</li>){3}</ul></td>\n'
                      r'<td data-running-total="(\d+)">', article)
    level = {"": ("básico", "intermedio"), "en/": ("basic", "intermediate")}[prefix]
    assert rows == [("sms", "../modulos/sms/", "20", level[0], "20"), ("email", "../modulos/email/", "25", level[0], "45"),
                    ("crisis", "../modulos/crisis/", "60", level[1], "105")]
    assert f'<strong data-session-total="105">{total}</strong>' in article
    two, four = re.findall(r'<div class="digicom-session-plan" data-session-length="(\d+)" data-session-budget="(\d+)">'
                           r"(.*?)</div>", article, re.DOTALL)
    assert two[:2] == ("120", "100") and four[:2] == ("240", "200")
    assert re.findall(r'<li data-module="([a-z-]+)">', two[2]) == ["sms", "email", "crisis"]
    assert two[2].index('data-module="email"') < two[2].index(left_heading) < two[2].index('data-module="crisis"')
    assert 'data-session-teaching="45" data-session-spare="55"' in two[2]
    assert left_heading not in four[2] and 'data-session-teaching="105" data-session-spare="95"' in four[2]
    assert '<h2 id="session-120">' in article and '<h2 id="session-240">' in article


def _broken_copy(tmp_path: Path) -> Path:
    return copy_fixture_site(FIXTURE, tmp_path / "site-src")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_translation_with_a_note_missing_stops_the_build(tmp_path: Path):
    copy = _broken_copy(tmp_path)
    _edit(copy / "docs/modulos/sms.en.md", '!!! trainer "For trainers: 10 minutes"\n    In pairs:\n',
          "In pairs:\n")
    result = run_mkdocs_build(copy / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert ("docs/modulos/sms.en.md:24: esta página tiene 1 nota para formadores y la otra versión, "
            "docs/modulos/sms.es.md, tiene 2. Cómo arreglarlo / How to fix it: las dos versiones deben tener las "
            "mismas notas, en el mismo orden: traduce la que falta o borra la que sobra") in result.stderr


def test_every_problem_in_the_site_is_listed_before_the_build_stops(tmp_path: Path):
    copy = _broken_copy(tmp_path)
    _edit(copy / "docs/modulos/crisis.es.md", "    Clasificad juntos tres comentarios negativos.\n", "")
    _edit(copy / "docs/index.en.md", "A test course.\n", "A test course.\n\n<!-- trainer-notes -->\n")
    _edit(copy / "docs/notas-formacion.es.md", "<!-- trainer-notes -->", "<!-- trainer notes -->")
    result = run_mkdocs_build(copy / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    for expected in (
        "docs/modulos/crisis.es.md:20: la nota para formadores «Para quien imparte: 15 minutos» está vacía. "
        "Cómo arreglarlo / How to fix it: escribe debajo lo que debe hacer quien imparte, con 4 espacios delante "
        "de cada línea",
        "docs/index.en.md:9: el marcador <!-- trainer-notes --> solo puede estar en la página «Notas para "
        "formadores». Cómo arreglarlo / How to fix it: bórralo de esta página: va en docs/notas-formacion.es.md "
        "y docs/notas-formacion.en.md",
        "docs/notas-formacion.es.md:10: el marcador «<!-- trainer notes -->» está mal escrito. Cómo arreglarlo / "
        "How to fix it: escribe exactamente <!-- trainer-notes -->, solo en su línea",
    ):
        assert expected in result.stderr
    assert "El contenido tiene 3 error(es)" in result.stderr


def test_a_session_plan_page_without_its_marker_stops_the_build(tmp_path: Path):
    copy = _broken_copy(tmp_path)
    _edit(copy / "docs/plan-de-sesion.en.md", "<!-- session-plan -->\n", "")
    result = run_mkdocs_build(copy / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert ("docs/plan-de-sesion.en.md:1: la página «Plan de sesión» no tiene el marcador <!-- session-plan -->. "
            "Cómo arreglarlo / How to fix it: añade una línea con solo <!-- session-plan --> donde debe aparecer "
            "el contenido, por ejemplo debajo de la introducción") in result.stderr


def test_the_hook_needs_md_in_html(tmp_path: Path):
    copy = _broken_copy(tmp_path)
    _edit(copy / "mkdocs.yml", "  - md_in_html\n", "")
    result = run_mkdocs_build(copy / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0 and "hooks/trainer_notes.py necesita la extensión md_in_html" in result.stderr


def test_the_fixture_config_is_valid_yaml_with_the_three_hooks():
    config = yaml.safe_load((FIXTURE / "mkdocs.yml").read_text(encoding="utf-8"))
    assert [Path(hook).name for hook in config["hooks"]] == ["trainer_notes.py", "session_plan.py", "teaching.py"]


def test_qr_codes_are_kept_between_builds(tmp_path):
    from course.teaching import cached_qr_svg, qr_svg

    first = cached_qr_svg("https://example.org/curso/modulos/sms/", "Escanea", tmp_path)
    assert first == qr_svg("https://example.org/curso/modulos/sms/", "Escanea")
    (stored,) = tmp_path.glob("*.svg")
    stored.write_text("<svg>kept</svg>", encoding="utf-8")
    assert cached_qr_svg("https://example.org/curso/modulos/sms/", "Escanea", tmp_path) == "<svg>kept</svg>"
    assert cached_qr_svg("https://example.org/curso/en/modulos/sms/", "Scan", tmp_path).startswith("<svg")
