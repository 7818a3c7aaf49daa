"""Teaching from the site: trainer notes (hooks/course/trainer_notes.py, hooks/trainer_notes.py), the
session plan (course/session_plan.py, hooks/session_plan.py), their page markers (course/roles.py,
course/rules/markers.py) and the handout's QR code (course/teaching.py, hooks/teaching.py).

Parsing, every message an editor can get, both languages, the session plan's arithmetic, and the
fixture site built end to end in both languages."""

from __future__ import annotations

import importlib.util
import json
import posixpath
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import ROOT, build_site, load_mkdocs_yml, make_site, marker_on_two_pages
from course import session_plan as sp
from course.model import Settings, build_course, load_course, read_settings
from course.problems import HOW
from course.rules import blocks as block_rules
from course.rules import markers as marker_rules
from course.slides import plan_slides
from course.teaching import cached_qr_svg, class_time, qr_svg

STRINGS = (ROOT / "data" / "strings.yml").read_text(encoding="utf-8")
NAV = ["index.md", {"Módulos": ["modulos/sms.md", "modulos/email.md"]},
       {"Formadores": ["notas-formacion.md", "plan-de-sesion.md"]}]
FILE = "docs/modulos/sms.es.md"
EN_FILE = "docs/modulos/sms.en.md"
EXAMPLE = '!!! trainer "Para quien imparte: 5 minutos"'
NOTES = "<!-- trainer-notes -->"
PLAN = "<!-- session-plan -->"

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
EN = (SMS.replace("Para quien imparte", "For trainers").replace("minutos", "minutes")
      .replace("Pregunta a la sala quién envía **SMS**.", "Ask the room who sends **SMS**.")
      .replace("Apunta las respuestas.", "Write down the answers.").replace("Texto para todos.", "Text for all.")
      .replace("Con un tabulador delante.", "With a tab in front."))


def course_of(sources: dict[str, str]):
    """A course made of these pages (path in docs/ → text), read as the build reads it."""
    return build_course(ROOT, Settings(nav=NAV), sources, {"strings.yml": STRINGS})


def page_of(text: str, src_uri: str = "modulos/sms.es.md"):
    return course_of({src_uri: text}).pages[src_uri]


def messages(problems) -> list[str]:
    return [str(problem) for problem in problems]


def problems_of(text: str) -> list[str]:
    return messages(block_rules.block_mistakes(course_of({"modulos/sms.es.md": text})))


# ── Finding notes ────────────────────────────────────────────────────────────


def test_notes_have_title_body_lines_and_minutes_and_code_examples_are_not_notes():
    page = page_of(SMS)
    assert page.block_problems == []
    assert [(note.title, note.line, note.end, note.minutes) for note in page.notes] == [
        ("Para quien imparte: 5 minutos", 7, 10, 5), ("Para quien imparte: 10 minutos", 19, 20, 10)]
    assert page.notes[0].body == "Pregunta a la sala quién envía **SMS**.\n\n- Apunta las respuestas."
    # A tab counts as 4 spaces, as Markdown reads it.
    assert page.notes[1].body == "Con un tabulador delante."


def test_a_note_ends_at_the_first_line_less_indented_than_its_body():
    [note] = page_of('!!! trainer "T: 5 min"\n    Uno.\n\n    Dos.\n  Fuera de la nota.\n').notes
    assert (note.body, note.line, note.end) == ("Uno.\n\nDos.", 1, 4)


@pytest.mark.parametrize("fence", ["```", "~~~~"])
def test_notes_inside_fenced_code_are_examples(fence):
    page = page_of(f'{fence}\n!!! trainer "T"\n    Texto.\n{fence}\n')
    assert (page.notes, page.block_problems) == ([], [])


def test_other_admonitions_are_not_notes():
    page = page_of('!!! trainers "T"\n    Texto.\n\n!!! note "Trainer"\n    Texto.\n')
    assert (page.notes, page.block_problems) == ([], [])


@pytest.mark.parametrize("title, minutes", [
    ("Para quien imparte: 5 minutos", 5), ("For trainers: 10 minutes", 10), ("Por parejas, 15 min", 15),
    ("Para quien imparte: 1 minuto", 1), ("Dos actividades: 3 minutos y 4 minutos", 3), ("Sin tiempo", None),
])
def test_the_minutes_come_from_the_title(title, minutes):
    assert page_of(f'!!! trainer "{title}"\n    Texto.\n').notes[0].minutes == minutes


# ── Every mistake, with its message ──────────────────────────────────────────


@pytest.mark.parametrize("header", ["!!! trainer", "!!! trainer   ", '!!! trainer ""', '!!! trainer "  "'])
def test_a_note_without_title(header):
    assert problems_of(f"Texto.\n\n{header}\n    Cuerpo.\n") == [
        f"{FILE}:3: la nota para formadores no tiene título. {HOW}: escribe entre comillas para quién es y "
        f"cuánto dura la actividad, así: {EXAMPLE}"]


@pytest.mark.parametrize(("header", "written"), [
    ("!!! trainer Para quien imparte: 5 minutos", "Para quien imparte: 5 minutos"),
    ('!!! trainer inline "Para quien imparte"', 'inline "Para quien imparte"'),
    ('!!! trainer "Sin cerrar', '"Sin cerrar'),
])
def test_a_title_without_quotes(header, written):
    assert problems_of(f"{header}\n    Cuerpo.\n") == [
        f"{FILE}:1: el título de la nota para formadores («{written}») no está entre comillas dobles. {HOW}: "
        f"escríbelo entre comillas y sin nada más detrás de trainer, así: {EXAMPLE}"]


def test_a_title_without_minutes():
    assert problems_of('!!! trainer "Para quien imparte"\n    Cuerpo.\n') == [
        f"{FILE}:1: el título de la nota para formadores («Para quien imparte») no dice cuántos minutos dura la "
        f"actividad. {HOW}: termina el título con los minutos, así: {EXAMPLE}  (cuentan en la duración del módulo "
        "y en el plan de sesión)"]


@pytest.mark.parametrize("marker", ["???", "???+"])
def test_a_collapsible_note(marker):
    assert problems_of(f'{marker} trainer "Para quien imparte: 5 minutos"\n    Cuerpo.\n') == [
        f"{FILE}:1: la nota para formadores empieza por «{marker}» y debe empezar por «!!!». {HOW}: "
        f"escríbela así: {EXAMPLE}  (las notas no se pliegan)"]


@pytest.mark.parametrize("text, line", [
    (f"- Un punto.\n\n    {EXAMPLE}\n        Cuerpo.\n", 3),
    (f'!!! note "Una nota"\n    {EXAMPLE}\n        Cuerpo.\n', 2),
])
def test_a_note_inside_a_list_or_another_block(text, line):
    page = page_of(text)
    assert page.notes[0].body == "Cuerpo."
    assert messages(page.block_problems) == [
        f"{FILE}:{line}: la nota para formadores tiene espacios delante de «!!!». {HOW}: escribe «!!! trainer» al "
        "principio de la línea: no puede ir dentro de una lista ni de otro bloque"]


@pytest.mark.parametrize("after", ["", "\n", "\nTexto sin sangría.\n", "\n  Solo dos espacios.\n"])
def test_an_empty_note(after):
    assert problems_of(f"{EXAMPLE}\n{after}") == [
        f"{FILE}:1: la nota para formadores «Para quien imparte: 5 minutos» está vacía. {HOW}: escribe debajo "
        "lo que debe hacer quien imparte, con 4 espacios delante de cada línea"]


def test_every_problem_is_reported_at_once_and_an_empty_untitled_note_gets_both():
    page = page_of(f'{EXAMPLE}\n    Bien.\n\n!!! trainer\n\n??? trainer "Plegada: 3 minutos"\n    Cuerpo.\n')
    assert len(page.notes) == 3
    assert messages(page.block_problems) == [
        f"{FILE}:4: la nota para formadores no tiene título. {HOW}: escribe entre comillas para quién es y "
        f"cuánto dura la actividad, así: {EXAMPLE}",
        f"{FILE}:4: la nota para formadores está vacía. {HOW}: escribe debajo lo que debe hacer quien imparte, "
        "con 4 espacios delante de cada línea",
        f"{FILE}:6: la nota para formadores empieza por «???» y debe empezar por «!!!». {HOW}: "
        f"escríbela así: {EXAMPLE}  (las notas no se pliegan)",
    ]


def test_a_note_inside_a_question_would_be_shown_to_learners():
    text = f"# T\n\n<quiz>\n¿Sí?\n- [x] Sí\n- [ ] No\n\nPorque sí.\n\n{EXAMPLE}\n    Pregunta a la sala.\n</quiz>\n"
    assert messages(block_rules.blocks_in_the_wrong_place(course_of({"x.es.md": text}))) == [
        "docs/x.es.md:10: hay una nota para formadores dentro de una pregunta (<quiz> de la línea 3): se vería en "
        f"la pregunta, y también en la autoevaluación: los alumnos la leerían. {HOW}: sácala fuera de <quiz> … "
        "</quiz>, por ejemplo justo antes del título de las preguntas"]


# ── Both languages ───────────────────────────────────────────────────────────


def translation_problems(spanish: str, english: str) -> list[str]:
    course = course_of({"modulos/sms.es.md": spanish, "modulos/sms.en.md": english})
    return messages(block_rules.block_translations(course))


SAME_NOTES = (f"{HOW}: las dos versiones deben tener las mismas notas, en el mismo orden: traduce la que falta o "
              "borra la que sobra")


def test_translations_with_the_same_notes_match():
    assert translation_problems(SMS, EN) == []


def test_a_translation_with_a_note_missing_is_reported_at_its_last_note():
    english = EN.replace('!!! trainer "For trainers: 10 minutes"\n\tWith a tab in front.\n', "")
    assert translation_problems(SMS, english) == [
        f"{EN_FILE}:7: esta página tiene 1 nota para formadores y la otra versión, {FILE}, tiene 2. {SAME_NOTES}"]


def test_a_translation_with_an_extra_note_is_reported_at_the_first_extra_one():
    english = EN + '\n!!! trainer "For trainers: 3 minutes"\n    One more.\n\n!!! trainer "For trainers: 4 minutes"\n    And another.\n'
    assert translation_problems(SMS, english) == [
        f"{EN_FILE}:22: esta página tiene 4 notas para formadores y la otra versión, {FILE}, tiene 2. {SAME_NOTES}"]


def test_a_translation_without_notes_is_reported_at_its_first_line():
    assert translation_problems(SMS, "# SMS\n") == [
        f"{EN_FILE}:1: esta página tiene 0 notas para formadores y la otra versión, {FILE}, tiene 2. {SAME_NOTES}"]


def test_a_translation_with_other_minutes():
    assert translation_problems(SMS, EN.replace("For trainers: 10 minutes", "For trainers: 15 minutes")) == [
        f"{EN_FILE}:19: la nota para formadores «For trainers: 15 minutes» dura 15 minutos y en {FILE}:19 dura 10. "
        f"{HOW}: pon los mismos minutos en las dos versiones de la nota"]


# ── Markers on generated pages ───────────────────────────────────────────────


def marker_problems(sources: dict[str, str]) -> list[str]:
    return messages(marker_rules.markers(course_of(sources)))


PAGES = {"notas-formacion.es.md": f"# Notas\n\n{NOTES}\n", "notas-formacion.en.md": f"# Notes\n\n{NOTES}\n",
         "plan-de-sesion.es.md": f"# Plan\n\n{PLAN}\n", "plan-de-sesion.en.md": f"# Plan\n\n{PLAN}\n"}


def test_each_marker_once_on_its_page_is_right_and_examples_do_not_count():
    course = course_of({**PAGES, "notas-formacion.es.md":
                        f"# Notas\n\n{NOTES}\n\n```\n{NOTES}\n```\n\nEscribe `{NOTES}` en la página.\n"})
    assert marker_rules.markers(course) == []
    assert course.pages["notas-formacion.es.md"].markers == {"trainer-notes": [3]}
    assert course.with_role("session-plan", "en") is course.pages["plan-de-sesion.en.md"]


def test_a_note_between_editors_is_not_a_marker():
    assert marker_problems({**PAGES, "notas-formacion.es.md":
                            f"# Notas\n\n<!-- Falta revisar: pregunta a Marta por las fechas. -->\n\n{NOTES}\n"}) == []


def test_the_marker_twice_or_sharing_its_line():
    assert marker_problems({**PAGES, "notas-formacion.es.md": f"# Notas\n\n{NOTES}\n\nTexto {NOTES}\n\n  {NOTES}\n"}) == [
        f"docs/notas-formacion.es.md:5: el marcador {NOTES} comparte la línea con otro texto. {HOW}: déjalo solo "
        "en su línea, con una línea en blanco antes y después",
        f"docs/notas-formacion.es.md:7: el marcador {NOTES} está repetido (ya está en la línea 3). {HOW}: deja "
        "solo uno",
    ]


@pytest.mark.parametrize(("written", "meant"), [
    ("<!-- trainer notes -->", NOTES), ("<!--trainer-note-->", NOTES), ("<!-- Trainer_Notes -->", NOTES),
    ("<!-- session plan -->", PLAN), ("<!-- sessionplan -->", PLAN),
])
def test_a_misspelt_marker_says_which_one_was_meant(written, meant):
    assert marker_problems({**PAGES, "modulos/sms.es.md": f"# SMS\n\n{written}\n"}) == [
        f"{FILE}:3: el marcador «{written}» no existe. {HOW}: escribe exactamente {meant}, solo en su línea"]


def test_an_unknown_marker_lists_the_known_ones():
    assert marker_problems({**PAGES, "modulos/sms.es.md": "# SMS\n\n<!-- xyzzy -->\n"}) == [
        f"{FILE}:3: el marcador «<!-- xyzzy -->» no existe. {HOW}: bórralo, o usa uno de estos: <!-- modules -->, "
        "<!-- checklist-progress -->, <!-- self-assessment -->, <!-- trainer-notes -->, <!-- session-plan -->, "
        "<!-- tool-directory -->, <!-- glossary -->"]


@pytest.mark.parametrize("marker, holder", [(NOTES, "notas-formacion"), (PLAN, "plan-de-sesion")])
def test_a_marker_on_two_pages(marker, holder):
    sources = {**PAGES, "modulos/sms.es.md": f"# SMS\n\n{marker}\n", "modulos/sms.en.md": f"# SMS\n\n{marker}\n"}
    # Reported on both pages, each naming the other: the editor knows which one is the stray.
    shows = {NOTES: "las notas para formadores", PLAN: "el plan de sesión"}[marker]
    assert sorted(marker_problems(sources)) == sorted([
        marker_on_two_pages(marker, shows, (f"docs/{page}.{locale}.md", 3), (f"docs/{other}.{locale}.md", 3))
        for page, other in ((holder, "modulos/sms"), ("modulos/sms", holder)) for locale in ("en", "es")])


@pytest.mark.parametrize("marker, page", [(NOTES, "notas-formacion"), (PLAN, "plan-de-sesion")])
def test_a_marker_in_one_language_only(marker, page):
    assert marker_problems({**PAGES, f"{page}.en.md": "# Trainers\n"}) == [
        f"docs/{page}.en.md:1: docs/{page}.es.md tiene el marcador {marker} y su traducción docs/{page}.en.md no. "
        f"{HOW}: pon {marker} en las dos versiones de la página, en el mismo sitio"]


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


# ── The handout's QR code ────────────────────────────────────────────────────


def test_the_qr_code_is_an_inline_svg_with_a_title_and_no_fixed_size():
    svg = qr_svg("https://example.org/curso/modulos/sms/", 'Código QR de «SMS» & <más>')
    assert re.fullmatch(r'<svg viewBox="0 0 (\d+) \1" class="digicom-handout__qr"><title>Código QR de «SMS» '
                        r'&amp; &lt;más&gt;</title><path stroke="#000" d="M[^"]+"/></svg>', svg)
    assert "xmlns" not in svg and "width" not in svg
    assert qr_svg("https://example.org/curso/en/modulos/sms/", "t") != qr_svg("https://example.org/curso/modulos/sms/", "t")


def test_qr_codes_are_kept_between_builds(tmp_path):
    first = cached_qr_svg("https://example.org/curso/modulos/sms/", "Escanea", tmp_path)
    assert first == qr_svg("https://example.org/curso/modulos/sms/", "Escanea")
    (stored,) = tmp_path.glob("*.svg")
    stored.write_text("<svg>kept</svg>", encoding="utf-8")
    assert cached_qr_svg("https://example.org/curso/modulos/sms/", "Escanea", tmp_path) == "<svg>kept</svg>"
    assert cached_qr_svg("https://example.org/curso/en/modulos/sms/", "Scan", tmp_path).startswith("<svg")


# ── The real site's setup ────────────────────────────────────────────────────


@pytest.mark.parametrize("locale", ["es", "en"])
def test_the_interface_text_exists_in_both_languages(locale):
    strings = course_of({}).strings.for_locale(locale)
    keys = [key for key in strings if key.startswith(("present_", "session_", "trainer_", "handout_"))]
    assert len(keys) >= 30 and all(strings[key].strip() for key in keys)
    assert strings["handout_scan"] == {"es": "Escanea para abrir esta página", "en": "Scan to open this page"}[locale]
    assert strings["present_button"] == {"es": "Presentar", "en": "Present"}[locale]


def test_the_notes_hook_needs_md_in_html():
    spec = importlib.util.spec_from_file_location("trainer_notes_hook", ROOT / "hooks" / "trainer_notes.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    config = SimpleNamespace(markdown_extensions=["toc", "admonition"])
    with pytest.raises(Exception, match="hooks/trainer_notes.py necesita la extensión md_in_html"):
        hook.on_config(config)
    assert hook.on_config(SimpleNamespace(markdown_extensions=["md_in_html"])) is not None


def test_the_real_site_has_the_trainers_pages_in_the_menu_and_their_styles():
    config = load_mkdocs_yml()
    assert {"Formadores": ["notas-formacion.md", "plan-de-sesion.md"]} in config["nav"]
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    english = next(language for language in i18n["languages"] if language["locale"] == "en")
    assert english["nav_translations"]["Formadores"] == "Trainers"
    assert "assets/stylesheets/teaching.css" in config["extra_css"]
    assert {"path": "assets/javascripts/present-loader.js", "defer": True} in config["extra_javascript"]
    assert "md_in_html" in config["markdown_extensions"]


def test_the_real_trainers_pages_hold_their_markers_and_every_module_has_a_note():
    course = load_course(ROOT, read_settings(ROOT))
    for locale in course.locales:
        assert course.with_role("trainer-notes", locale).key == "notas-formacion"
        assert course.with_role("session-plan", locale).key == "plan-de-sesion"
        for module in course.modules(locale):
            assert module.notes, f"{module.file} has no trainer note"
            assert all(note.minutes for note in module.notes), module.file


# ── The fixture site, built end to end ───────────────────────────────────────

SECOND_NOTE = {
    "es": ('!!! trainer "Para quien imparte: 10 minutos"\n    Por parejas, escribid un SMS de rebajas. Comparad con '
           '[el email](email.md#why).\n\n    - Leed dos en voz alta.\n\n'
           '```markdown\n!!! trainer "Un ejemplo"\n    No es una nota.\n```\n\n'),
    "en": ('!!! trainer "For trainers: 10 minutes"\n    In pairs, write a sales SMS. Compare with '
           '[email](email.md#why).\n\n    - Read two aloud.\n\n'
           '```markdown\n!!! trainer "An example"\n    Not a note.\n```\n\n'),
}
# SMS gets a second note (a link and a list) and a code example; email loses its note and takes 90 minutes.
VARIANT = [
    ("docs/modulos/sms.es.md", "## Buenas prácticas", SECOND_NOTE["es"] + "## Buenas prácticas"),
    ("docs/modulos/sms.en.md", "## Good practice", SECOND_NOTE["en"] + "## Good practice"),
    ("docs/modulos/email.es.md", '!!! trainer "Para quien imparte: 5 minutos"\n    Pide a la sala un asunto para '
                                 "el boletín de la tienda.\n\n", ""),
    ("docs/modulos/email.es.md", "duration: 15", "duration: 90"),
    ("docs/modulos/email.en.md", "duration: 15", "duration: 90"),
    ("docs/modulos/sms.es.md", "duration: 15", "duration: 20"),
    ("docs/modulos/sms.en.md", "duration: 15", "duration: 20"),
]


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("teaching")
    text = (ROOT / "tests/fixtures/site/docs/modulos/email.en.md").read_text(encoding="utf-8")
    note = re.search(r'!!! trainer "[^"]+"\n    .*\n\n', text).group(0)
    built = build_site(make_site(folder / "src", replace=VARIANT + [("docs/modulos/email.en.md", note, "")]),
                       folder / "site")
    assert built.ok, built.log
    return built.site


def html_of(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def article_of(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


def link_works(site: Path, page: str, href: str) -> bool:
    path, _, anchor = href.partition("#")
    target = site / posixpath.normpath(posixpath.join(page, path)) / "index.html"
    return target.is_file() and (not anchor or f'id="{anchor}"' in target.read_text(encoding="utf-8"))


NOTE = re.compile(r'<aside class="digicom-trainer-note"(?: data-minutes="(\d+)")? data-trainer-note="data-trainer-note" '
                  r'hidden="hidden">\n<p class="digicom-trainer-note__title">([^<]+)</p>\n'
                  r'<div class="digicom-trainer-note__body">\n(.*?)\n</div>\n</aside>', re.DOTALL)


@pytest.mark.parametrize(("prefix", "titles", "first_body", "link"), [
    ("", ["Para quien imparte: 5 minutos", "Para quien imparte: 10 minutos"],
     "<p>Pregunta a la sala quién envía hoy mensajes a sus clientes.</p>", '<a href="../email/#why">el email</a>'),
    ("en/", ["For trainers: 5 minutes", "For trainers: 10 minutes"],
     "<p>Ask who in the room sends messages to customers today.</p>", '<a href="../email/#why">email</a>'),
])
def test_module_pages_keep_each_note_hidden_with_its_title_and_html_body(fixture_site, prefix, titles, first_body,
                                                                         link):
    article = article_of(html_of(fixture_site, f"{prefix}modulos/sms"))
    notes = NOTE.findall(article)
    assert [(minutes, title) for minutes, title, _ in notes] == [("5", titles[0]), ("10", titles[1])]
    assert notes[0][2] == first_body
    assert link in notes[1][2] and "<ul>\n<li>" in notes[1][2]
    assert link_works(fixture_site, f"{prefix}modulos/sms/", "../email/#why")
    code = [re.sub(r"<[^>]+>", "", block) for block in re.findall(r"<code>(.*?)</code>", article, re.DOTALL)]
    assert any(block.startswith("!!! trainer") for block in code)  # the example in code is left as text
    assert article.count("!!! trainer") == 1 and "admonition trainer" not in article
    # Out of search (Material strips the attribute once it has indexed the page; the index shows it worked).
    assert not re.search(r"<aside[^>]*data-search-exclude", article)


def test_no_note_text_gets_into_the_search_index(fixture_site):
    # One index per language (hooks/search_i18n.py).
    spanish, english = (json.loads((fixture_site / prefix / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
                        for prefix in ("", "en/"))
    text = " ".join(doc["title"] + " " + doc["text"] for doc in spanish + english)
    assert "Un mensaje corto llega a cualquier móvil" in text and "A short message reaches any phone" in text
    secret = ["Pregunta a la sala", "Por parejas", "Leed dos", "Pide a la sala", "Para quien imparte:", "Escanea",
              "Presentar", "Ask who in the room", "In pairs", "Read two aloud", "For trainers:", "Scan to open",
              "Código QR"]
    assert [phrase for phrase in secret if phrase in text] == []
    # The notes page's module headings are found, so trainers can find the page.
    assert any(doc["location"] == "notas-formacion/#sms" for doc in spanish)
    assert any(doc["location"] == "notas-formacion/#email" for doc in english)


@pytest.mark.parametrize(("prefix", "button", "announce", "scan", "url"), [
    ("", "Presentar", "Diapositiva {n} de {total}: {title}", "Escanea para abrir esta página",
     "https://digicom-gijon.github.io/curso/modulos/sms/"),
    ("en/", "Present", "Slide {n} of {total}: {title}", "Scan to open this page",
     "https://digicom-gijon.github.io/curso/en/modulos/sms/"),
])
def test_module_pages_have_the_present_button_and_the_handout_qr_code(fixture_site, prefix, button, announce, scan,
                                                                      url):
    html = html_of(fixture_site, f"{prefix}modulos/sms")
    article = article_of(html)
    title_end = article.index("</h1>")
    present = article.index('<p class="digicom-present" hidden>')
    handout = article.index('<figure class="digicom-handout">')
    assert title_end < present < handout < article.index('<h2 id="why"')
    assert f">{button}</button>" in article and "data-present-unavailable=" in article
    # The view's words are not in the page (a module page is read on phones): a file per language.
    assert "data-present-announce" not in article and announce.split(":")[0] not in article
    texts = re.search(r'data-digicom-present-texts="([^"]+)"', article)[1]
    assert texts == ("../" * (2 + prefix.count("/"))) + f"assets/javascripts/present-texts.{prefix.strip('/') or 'es'}.js"
    words = (fixture_site / f"assets/javascripts/present-texts.{prefix.strip('/') or 'es'}.js").read_text(encoding="utf-8")
    assert json.loads(words.removeprefix("window.DigicomPresentTexts=").rstrip(";\n"))["announce"] == announce
    assert "presentation.js" not in html
    assert f'<span class="digicom-handout__scan">{scan}</span> <span class="digicom-handout__url">{url}</span>' in article
    svg = re.search(r'<svg viewBox="[^"]+" class="digicom-handout__qr"><title>[^<]+</title><path [^>]+/></svg>', article)
    title = course_of({}).strings.for_locale(prefix.strip("/") or "es")["handout_qr_title"]
    assert svg and svg.group(0) == qr_svg(url, title)
    # Only module pages get them.
    for page in ("plan-de-sesion", "notas-formacion", ""):
        assert "digicom-present" not in article_of(html_of(fixture_site, f"{prefix}{page}"))
        assert "digicom-handout" not in article_of(html_of(fixture_site, f"{prefix}{page}"))


@pytest.mark.parametrize(("prefix", "modules", "none"), [
    ("", ["SMS para tu tienda", "Email para tu tienda"], "Este módulo no tiene notas para quien imparte."),
    ("en/", ["SMS for your shop", "Email for your shop"], "This module has no trainer notes."),
])
def test_the_notes_page_lists_every_module_in_menu_order_with_its_notes(fixture_site, prefix, modules, none):
    article = article_of(html_of(fixture_site, f"{prefix}notas-formacion"))
    assert NOTES not in article
    headings = re.findall(r'<h2 id="([a-z-]+)"><a href="([^"]+)">([^<]+)</a>', article)
    # Menu order (sms before email), not alphabetical order; each title links to its module.
    assert headings == [("sms", "../modulos/sms/", modules[0]), ("email", "../modulos/email/", modules[1])]
    assert all(link_works(fixture_site, f"{prefix}notas-formacion/", href) for _, href, _ in headings)
    sms = article[article.index('<h2 id="sms"'):article.index('<h2 id="email"')]
    cards = re.findall(r'<aside class="digicom-trainer-note digicom-trainer-note--shown"[^>]*>\n'
                       r'<p class="digicom-trainer-note__title">([^<]+)</p>', sms)
    assert len(cards) == 2 and 'hidden="hidden"' not in article
    # The link written in the module still leads to the right place from here.
    assert '<a href="../modulos/email/#why">' in sms
    assert link_works(fixture_site, f"{prefix}notas-formacion/", "../modulos/email/#why")
    email = article[article.index('<h2 id="email"'):]
    assert f'<p class="digicom-trainer-notes__none">{none}</p>' in email and "<aside" not in email


@pytest.mark.parametrize(("prefix", "time", "where", "right"), [
    ("", "Duración: 20 min. En clase: presentar el texto {presenting} min, actividades 15 min, preguntas y listas "
         "{questions} min y {margin} min de margen. {slides} diapositivas.",
     "Diapositiva {n}, en «{section}»", "Respuesta correcta:"),
    ("en/", "Time: 20 min. In class: presenting the text {presenting} min, activities 15 min, questions and "
            "checklists {questions} min, and {margin} min to spare. {slides} slides.",
     "Slide {n}, in “{section}”", "Right answer:"),
])
def test_the_trainers_sheet_has_each_modules_time_notes_and_answer_key(fixture_site, prefix, time, where, right):
    """Time split in class, each section's minutes and slides adding up to the module's time, each note
    with the slide it goes with, and every question with its right answer and explanation."""
    locale = prefix.strip("/") or "es"
    course = load_course(fixture_site.parent / "src", read_settings(fixture_site.parent / "src"))
    sms = course.page("modulos/sms", locale)
    plan = plan_slides(sms)
    split = class_time(sms)
    article = article_of(html_of(fixture_site, f"{prefix}notas-formacion"))
    sheet = article[article.index('<div class="digicom-trainer-sheet" data-trainer-sheet="sms"'):
                    article.index('<h2 id="email"')]
    assert split.presenting + split.activities + split.questions + split.margin == 20
    assert time.format(presenting=split.presenting, questions=split.questions, margin=split.margin,
                       slides=len(plan.slides)) in sheet
    minutes = [int(m) for m in re.findall(r'<td data-minutes="(\d+)">', sheet)]
    assert minutes[:-1] == [section.minutes for section in plan.sections] and sum(minutes[:-1]) == minutes[-1] == 20
    assert all(minute >= 1 for minute in minutes)
    for index, note in enumerate(sms.notes):
        slide = next(slide for slide in plan.slides if index in slide.notes)
        assert (f'<p class="digicom-trainer-note__title">{note.title}</p>\n<p class="digicom-trainer-note__where">'
                f'{where.format(n=slide.number, section=plan.sections[slide.section].title)}</p>') in sheet
    key = sheet[sheet.index('<div class="digicom-answer-key"'):]
    [quiz] = sms.quizzes
    answer = next(answer.text for answer in quiz.answers if answer.correct)
    assert f'<p class="digicom-answer-key__question">{quiz.question[0]}</p>' in key
    assert f"<strong>{right}</strong> {answer}</p>" in key
    assert f'<div class="digicom-answer-key__why">\n<p>{quiz.explanation[0]}</p>' in key


def test_the_answer_key_is_only_on_the_trainers_sheet(fixture_site):
    """Not on a module page, not on the self-assessment, not in either language's search index."""
    for prefix, label in (("", "Respuesta correcta:"), ("en/", "Right answer:")):
        for page in ("modulos/sms", "modulos/email", "autoevaluacion", "mi-progreso", ""):
            built = html_of(fixture_site, f"{prefix}{page}")
            assert "digicom-answer-key" not in built and label not in built, f"{prefix}{page}"
        index = (fixture_site / prefix / "search/search_index.json").read_text(encoding="utf-8")
        assert label not in index and "digicom-answer-key" not in index
        assert "Respuestas de las preguntas" not in index and "Answers to the questions" not in index
        assert "digicom-answer-key" in html_of(fixture_site, f"{prefix}notas-formacion")


def test_the_real_trainers_sheet_holds_every_modules_notes_and_answers(site_dir):
    course = load_course(ROOT, read_settings(ROOT))
    for locale in course.locales:
        prefix = "" if locale == course.default else f"{locale}/"
        article = article_of(html_of(site_dir, f"{prefix}notas-formacion"))
        for module in course.modules(locale):
            start = article.index(f'data-trainer-sheet="{module.id}"')
            sheet = article[start:article.find('data-trainer-sheet="', start + 1) % (len(article) + 1)]
            assert sheet.count('<aside class="digicom-trainer-note digicom-trainer-note--shown"') == len(module.notes)
            assert sheet.count('<p class="digicom-answer-key__right">') == len(module.quizzes) >= 3, module.file
            assert sheet.count('<div class="digicom-answer-key__why">\n<p>') == len(module.quizzes), module.file


@pytest.mark.parametrize(("prefix", "level", "total", "left_heading"), [
    ("", "básico", "1 h 50 min", "Quedan para otra sesión:"),
    ("en/", "basic", "1 h 50 min", "Left for another session:"),
])
def test_the_session_plan_lists_modules_total_and_two_sessions(fixture_site, prefix, level, total, left_heading):
    article = article_of(html_of(fixture_site, f"{prefix}plan-de-sesion"))
    assert PLAN not in article
    rows = re.findall(r'<tr data-module="([a-z-]+)">\n<th scope="row"><a href="([^"]+)">[^<]+</a></th>\n'
                      r'<td data-minutes="(\d+)">[^<]+</td>\n<td class="digicom-session-split"[^>]*>[^<]+</td>\n'
                      r'<td>([^<]+)</td>\n<td><ul>(?:<li>[^<]+</li>){3}</ul></td>\n'
                      r'<td data-running-total="(\d+)">', article)
    assert rows == [("sms", "../modulos/sms/", "20", level, "20"), ("email", "../modulos/email/", "90", level, "110")]
    assert all(link_works(fixture_site, f"{prefix}plan-de-sesion/", href) for _, href, *_ in rows)
    assert f'<strong data-session-total="110">{total}</strong>' in article
    two, four = re.findall(r'<div class="digicom-session-plan" data-session-length="(\d+)" data-session-budget="(\d+)">'
                           r"(.*?)</div>", article, re.DOTALL)
    assert two[:2] == ("120", "100") and four[:2] == ("240", "200")
    assert re.findall(r'<li data-module="([a-z-]+)">', two[2]) == ["sms", "email"]
    assert two[2].index('data-module="sms"') < two[2].index(left_heading) < two[2].index('data-module="email"')
    assert 'data-session-teaching="20" data-session-spare="80"' in two[2]
    assert left_heading not in four[2] and 'data-session-teaching="110" data-session-spare="90"' in four[2]
    assert '<h2 id="session-120">' in article and '<h2 id="session-240">' in article


def test_a_translation_with_a_note_missing_stops_the_build(tmp_path: Path):
    site = make_site(tmp_path / "src", replace=[
        ("docs/modulos/sms.en.md", '!!! trainer "For trainers: 5 minutes"\n    Ask who', "Ask who")])
    built = build_site(site, tmp_path / "site")
    assert not built.ok
    assert (f"docs/modulos/sms.en.md:1: esta página tiene 0 notas para formadores y la otra versión, "
            f"docs/modulos/sms.es.md, tiene 1. {SAME_NOTES}") in built.log


def test_every_problem_in_the_site_is_listed_before_the_build_stops(tmp_path: Path):
    site = make_site(tmp_path / "src", replace=[
        ("docs/modulos/email.es.md", "    Pide a la sala un asunto para el boletín de la tienda.\n", ""),
        ("docs/index.en.md", "<!-- modules -->", f"<!-- modules -->\n\n{NOTES}"),
        ("docs/notas-formacion.es.md", NOTES, "<!-- trainer notes -->"),
    ])
    built = build_site(site, tmp_path / "site")
    assert not built.ok
    lines = [line.strip() for line in built.log.splitlines() if line.strip().startswith("- docs/")]
    assert sorted(lines) == sorted([
        f"- docs/index.es.md:1: docs/index.en.md tiene el marcador {NOTES} y su traducción docs/index.es.md no. "
        f"{HOW}: pon {NOTES} en las dos versiones de la página, en el mismo sitio",
        "- docs/modulos/email.es.md:24: la nota para formadores «Para quien imparte: 5 minutos» está vacía. "
        f"{HOW}: escribe debajo lo que debe hacer quien imparte, con 4 espacios delante de cada línea",
        "- " + marker_on_two_pages(NOTES, "las notas para formadores", ("docs/index.en.md", 16),
                                   ("docs/notas-formacion.en.md", 10)),
        "- " + marker_on_two_pages(NOTES, "las notas para formadores", ("docs/notas-formacion.en.md", 10),
                                   ("docs/index.en.md", 16)),
        f"- docs/notas-formacion.es.md:10: el marcador «<!-- trainer notes -->» no existe. {HOW}: escribe "
        f"exactamente {NOTES}, solo en su línea",
    ])
