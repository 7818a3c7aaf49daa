"""The content check (scripts/check_content.py, `make check`) and `make new-module` (scripts/new_module.py).

Each test copies the fixture site (tests/fixtures/site, with conftest.make_site), makes one kind of
mistake in it, and asserts the exact message, with file and line, and the exit code.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys

import pytest

import check_content
import new_module
from conftest import FIXTURE, ROOT, build_site, make_site
from course import rules
from course.model import build_course, load_course, read_settings
from course.problems import Problem, annotation
from course.rules.pages import module_fields, page_fields
from course.strings import read_strings
from course.templates import used_string_keys

TODAY = dt.date(2026, 11, 22)
MODULE_ES, MODULE_EN = "docs/modulos/sms.es.md", "docs/modulos/sms.en.md"
FIX = "Cómo arreglarlo / How to fix it:"
WORDLIST_FIX = ("Si está bien escrita (un nombre, una marca, una palabra que el diccionario no conoce), añádela en su "
                "propia línea a data/wordlist.txt")

# Each kind of mistake: the edits that make it (file, old text, new text), files removed,
# and the exact lines the check prints for it.
MISTAKES = {
    "quiz-without-correct-answer": (
        [(MODULE_ES, "- [x] El permiso del cliente.", "- [ ] El permiso del cliente.")], [],
        [f"docs/modulos/sms.es.md:55: la pregunta «¿Qué necesitas para enviar una oferta por SMS?» no tiene ninguna "
         f"respuesta marcada como correcta. {FIX} marca la respuesta correcta con una x entre los corchetes: «- [x] …»"]),
    "checklist-item-missing-in-english": (
        [(MODULE_EN, "    - [ ] The message fits in one SMS.\n", "")], [],
        [f"docs/modulos/sms.es.md:51: la lista de comprobación 1 tiene 2 elementos en docs/modulos/sms.es.md (línea 49) "
         f"y 1 en docs/modulos/sms.en.md (línea 49). {FIX} cada elemento debe estar en las dos versiones, en el mismo "
         "orden: traduce el que falta o borra el que sobra"]),
    "missing-english-page": (
        [], ["docs/acerca.en.md"],
        [f"docs/acerca.es.md:1: falta docs/acerca.en.md, la traducción de docs/acerca.es.md. {FIX} crea "
         "docs/acerca.en.md con el mismo contenido traducido (los mismos títulos, anclas, listas y preguntas); las dos "
         "versiones de una página se cambian siempre juntas"]),
    "broken-link": (
        [("docs/index.es.md", "[SMS](modulos/sms.md)", "[SMS](modulos/smss.md)")], [],
        [f"docs/index.es.md:8: el enlace «modulos/smss.md» no lleva a ninguna página: no existe "
         f"docs/modulos/smss.es.md. {FIX} escribe el nombre del archivo sin .es ni .en, desde la carpeta de esta "
         "página (../ sube una carpeta). ¿Querías decir «modulos/sms.md»?"]),
    "broken-anchor": (
        [("docs/index.es.md", "sms.md#checklist", "sms.md#lista")], [],
        [f"docs/index.es.md:8: el ancla #lista del enlace «modulos/sms.md#lista» no existe en docs/modulos/sms.es.md. "
         f"{FIX} usa una de las anclas de sus títulos: checklist, example, good-practice, key-points, law, mistakes, "
         "quiz, steps, why."]),
    "image-without-alt-text": (
        [("docs/index.es.md", "![Escaparate de una tienda]", "![]"),
         ("docs/index.en.md", "![A shop window](img/escaparate.svg)", '<img src="img/escaparate.svg">')], [],
        [f'docs/index.en.md:10: la imagen <img> no tiene texto alternativo (alt). {FIX} añade alt="qué muestra la '
         'imagen", por ejemplo <img src="foto.jpg" alt="Escaparate con rebajas">',
         f"docs/index.es.md:10: la imagen «img/escaparate.svg» no tiene texto alternativo. {FIX} escribe entre los "
         "corchetes qué muestra la imagen, para quien no la ve: ![Escaparate de la tienda con las rebajas](foto.jpg)"]),
    "misspelling-in-spanish-and-english": (
        [(MODULE_ES, "Una sola idea por mensaje.", "Una sola idea por mensaje de tiendda."),
         (MODULE_EN, "One idea per message.", "One idea per mesage.")], [],
        [f"docs/modulos/sms.en.md:33: «mesage» no está en el diccionario de inglés. {FIX} si es una errata, corrígela "
         f"(en esta versión y, si hace falta, en la otra). ¿Querías decir «message»? {WORDLIST_FIX}",
         f"docs/modulos/sms.es.md:33: «tiendda» no está en el diccionario de español. {FIX} si es una errata, "
         f"corrígela (en esta versión y, si hace falta, en la otra). ¿Querías decir «tienda»? {WORDLIST_FIX}"]),
    "bad-tool-entry": (
        [("data/tools.yml", "price_tier: paid", "price_tier: carisimo")], [],
        [f"data/tools.yml:6: la herramienta «Beta SMS» tiene en 'price_tier' el valor «carisimo», que no es uno de "
         f"los permitidos. {FIX} usa uno de: free, freemium, paid, quote"]),
    "future-last-reviewed": (
        [("docs/acerca.es.md", "last_reviewed: 2026-11-01", "last_reviewed: 2026-12-01")], [],
        [f"docs/acerca.es.md:4: 'last_reviewed' (2026-12-01) es una fecha futura. {FIX} pon la fecha del día en que "
         "revisaste la página"]),
    "impossible-last-reviewed": (
        [("docs/modulos/email.en.md", "last_reviewed: 2026-11-01", "last_reviewed: 2026-02-30"),
         ("docs/modulos/email.es.md", "last_reviewed: 2026-11-01", "last_reviewed: 2026-02-30")], [],
        [f"docs/modulos/email.{locale}.md:10: 'last_reviewed' debe ser una fecha real AAAA-MM-DD, no '2026-02-30'. "
         f"{FIX} escribe la fecha así: 2026-11-22, sin comillas (el mes del 01 al 12, el día que exista en ese mes)"
         for locale in ("en", "es")]),
    "long-title": (
        [("docs/glosario.en.md", "title: Glossary", "title: " + "Glossary of every abbreviation " * 2)], [],
        [f"docs/glosario.en.md:2: 'title' tiene 61 caracteres y el máximo es 60. {FIX} acórtalo: es lo que se ve en "
         "el menú, en la pestaña del navegador y en los resultados de Google"]),
    "glossary-term-under-two-ids": (
        [("data/glossary.yml", "- id: lssi\n",
          '- id: ley-servicios\n'
          '  es: {term: "LSSI", expansion: "Ley de servicios", definition: "La ley de los mensajes."}\n'
          '  en: {term: "Services Act", expansion: "Information Society Services Act", definition: "The law."}\n'
          "- id: lssi\n")], [],
        [f"data/glossary.yml:6: el término «LSSI» (es) ya está en el glosario con el id 'ley-servicios' (línea 2). "
         f"{FIX} deja un solo término con ese nombre: junta las dos explicaciones en una y borra la otra"]),
}


def site_with(tmp_path, edits=(), removed=()):
    return make_site(tmp_path / "site", changes={name: None for name in removed}, replace=list(edits))


def run_check(site, capsys: pytest.CaptureFixture[str], today: dt.date = TODAY) -> tuple[int, list[str]]:
    """Exit code and printed lines of `make check` (the closing summary left out)."""
    code = check_content.main(["--root", str(site), "--today", today.isoformat()])
    lines = capsys.readouterr().out.splitlines()
    return code, lines[:-1]


@pytest.fixture(autouse=True)
def no_github(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def test_the_fixture_site_passes_the_check_and_builds(tmp_path, capsys):
    site = site_with(tmp_path)
    report = check_content.check_site(site, TODAY)
    assert (report.problems, report.warnings) == ([], [])
    assert check_content.main(["--root", str(site), "--today", TODAY.isoformat()]) == 0
    assert capsys.readouterr().out == "Contenido correcto / Content OK.\n"
    built = build_site(site, tmp_path / "out")
    assert built.ok, built.log


@pytest.mark.parametrize("mistake", MISTAKES, ids=list(MISTAKES))
def test_each_mistake_is_reported_with_file_line_and_fix(mistake, tmp_path):
    edits, removed, expected = MISTAKES[mistake]
    report = check_content.check_site(site_with(tmp_path, edits, removed), TODAY)
    assert [str(problem) for problem in report.problems] == expected
    assert report.warnings == []


def test_a_mistake_makes_the_check_fail_and_prints_each_message(tmp_path, capsys):
    edits, removed, expected = MISTAKES["image-without-alt-text"]
    code = check_content.main(["--root", str(site_with(tmp_path, edits, removed)), "--today", TODAY.isoformat()])
    assert capsys.readouterr().out.splitlines() == expected + [
        "El contenido tiene 2 error(es) / The content has 2 error(s). Lee CONTRIBUTING.md, «Las comprobaciones», "
        "si un mensaje no se entiende."]
    assert code == 1


def test_every_mistake_at_once_is_reported_in_one_run(tmp_path, capsys):
    edits = [edit for mistake in MISTAKES.values() for edit in mistake[0]]
    removed = [name for mistake in MISTAKES.values() for name in mistake[1]]
    code, lines = run_check(site_with(tmp_path, edits, removed), capsys)
    expected = [line for mistake in MISTAKES.values() for line in mistake[2]]
    assert sorted(lines) == sorted(expected)
    assert code == 1


def test_the_build_stops_on_the_same_mistakes_except_spelling(tmp_path):
    edits = [edit for name, mistake in MISTAKES.items() if name != "misspelling-in-spanish-and-english"
             for edit in mistake[0]]
    removed = [name for mistake in MISTAKES.values() for name in mistake[1]]
    site = site_with(tmp_path, edits, removed)
    built = build_site(site, tmp_path / "out")
    assert not built.ok
    listed = [line.removeprefix("  - ") for line in built.messages[0].splitlines()[1:]]
    assert listed == [str(p) for p in check_content.check_site(site, dt.date.today(), spelling=False).problems]
    expected = [line for name, mistake in MISTAKES.items() if name not in ("misspelling-in-spanish-and-english",
                                                                           "future-last-reviewed")
                for line in mistake[2]]
    assert set(expected) <= set(listed)  # (the review date of the future mistake is judged against the real today)


def test_a_review_older_than_a_year_is_a_warning_that_does_not_fail(tmp_path, capsys):
    edits = [(f"docs/acerca.{locale}.md", "last_reviewed: 2026-11-01", "last_reviewed: 2025-10-01")
             for locale in ("es", "en")]
    code, lines = run_check(site_with(tmp_path, edits), capsys)
    assert lines == [
        f"Aviso / Warning: docs/acerca.{locale}.md:4: la página se revisó por última vez el 2025-10-01, hace más "
        f"de 12 meses. {FIX} comprueba que el texto, las herramientas y las fuentes siguen al día y pon la fecha de "
        "hoy en last_reviewed, en las dos versiones de la página" for locale in ("en", "es")]
    assert code == 0


@pytest.mark.parametrize(("today", "warned"), [
    (dt.date(2027, 11, 1), False),  # exactly 12 months
    (dt.date(2027, 11, 2), True),
])
def test_the_review_warning_starts_the_day_after_twelve_months(tmp_path, today, warned):
    report = check_content.check_site(site_with(tmp_path), today, spelling=False)
    reviewed = [w.file for w in report.warnings if "se revisó por última vez el 2026-11-01" in w.problem]
    assert (len(reviewed) == 6) is warned and (reviewed == []) is not warned  # acerca and both modules, es and en


def test_codespell_finds_english_typos_outside_the_pages_text(tmp_path, capsys):
    site = site_with(tmp_path)
    (site / "scripts").mkdir()
    (site / "scripts" / "notify.py").write_text('"""Shows the date it was\nrecieved."""\n', encoding="utf-8")
    code, lines = run_check(site, capsys)
    assert lines == [
        f"scripts/notify.py:2: «recieved» parece una errata en inglés (codespell propone «received»). {FIX} "
        "corrígela; si la palabra está bien escrita (por ejemplo, es una palabra española en un mensaje), añádela en "
        "su propia línea a data/wordlist.txt"]
    assert code == 1


def test_codespell_takes_the_word_list_as_its_ignore_list(tmp_path, capsys):
    site = site_with(tmp_path, [("data/wordlist.txt", "Gijón\n", "Gijón\nrecieved\n")])
    (site / "scripts").mkdir()
    (site / "scripts" / "notify.py").write_text('"""Shows the date it was\nrecieved."""\n', encoding="utf-8")
    assert run_check(site, capsys) == (0, [])


def test_words_in_the_word_list_are_accepted_in_any_case_when_written_in_lowercase(tmp_path, capsys):
    edits = [(MODULE_ES, "Una sola idea por mensaje.", "Una sola idea por mensaje, Tiendda y TIENDDA."),
             ("data/wordlist.txt", "Gijón\n", "Gijón\ntiendda\n")]
    assert run_check(site_with(tmp_path, edits), capsys) == (0, [])


def test_words_in_the_word_list_with_capitals_are_accepted_only_so(tmp_path, capsys):
    edits = [(MODULE_ES, "Una sola idea por mensaje.", "Una sola idea por mensaje, Tiendda y tiendda."),
             ("data/wordlist.txt", "Gijón\n", "Gijón\nTiendda\n")]
    code, lines = run_check(site_with(tmp_path, edits), capsys)
    assert lines == [
        f"docs/modulos/sms.es.md:33: «tiendda» no está en el diccionario de español. {FIX} si es una errata, "
        f"corrígela (en esta versión y, si hace falta, en la otra). ¿Querías decir «tienda»? {WORDLIST_FIX}"]
    assert code == 1


def test_glossary_terms_and_tool_names_need_no_word_list_entry(tmp_path, capsys):
    edits = [(MODULE_ES, "Una sola idea por mensaje.", "Una sola idea por mensaje: lo pide la LSSI."),
             (MODULE_EN, "One idea per message.", "One idea per message, sent with Gamma Mail.")]
    assert run_check(site_with(tmp_path, edits), capsys) == (0, [])


def test_the_texts_of_the_data_files_are_spell_checked_in_their_language(tmp_path, capsys):
    edits = [("data/tools.yml", "Recordatorios de cita", "Recordatorrios de cita")]
    code, lines = run_check(site_with(tmp_path, edits), capsys)
    assert lines == [
        f"data/tools.yml:11: «Recordatorrios» no está en el diccionario de español (en el texto en español). {FIX} si "
        f"es una errata, corrígela (en esta versión y, si hace falta, en la otra). ¿Querías decir «Recordatorios»? "
        f"{WORDLIST_FIX}"]
    assert code == 1


def test_trainer_notes_are_spell_checked_and_code_is_not(tmp_path, capsys):
    edits = [(MODULE_ES, "Pregunta a la sala quién", "Pregunta a la sala quiénn"),
             (MODULE_ES, "Una sola idea por mensaje.", "Una sola idea por mensaje: `xyzzyq`.")]
    code, lines = run_check(site_with(tmp_path, edits), capsys)
    assert lines == [
        f"docs/modulos/sms.es.md:25: «quiénn» no está en el diccionario de español. {FIX} si es una errata, "
        f"corrígela (en esta versión y, si hace falta, en la otra). ¿Querías decir «quién»? {WORDLIST_FIX}"]
    assert code == 1


def test_the_word_list_has_one_word_per_line(tmp_path, capsys):
    code, lines = run_check(site_with(tmp_path, [("data/wordlist.txt", "Gijón\n", "Gijón\nPaso Firme\n")]), capsys)
    assert lines == [f"data/wordlist.txt:3: la línea «Paso Firme» tiene más de una palabra. {FIX} escribe una sola "
                     "palabra por línea; los comentarios van en su propia línea, empezando por #"]
    assert code == 1


def test_headings_must_match_in_both_languages(tmp_path, capsys):
    edits = [(MODULE_EN, "## Common mistakes { #mistakes }", "## Common mistakes { #errors }")]
    code, lines = run_check(site_with(tmp_path, edits), capsys)
    assert lines == [
        f"docs/modulos/sms.en.md: falta la sección «## Common mistakes {{ #mistakes }}» del módulo. {FIX} añade el "
        "título  ## Common mistakes { #mistakes }  con su texto (mira el orden en scripts/templates/module.en.md)",
        f"docs/modulos/sms.es.md:35: los títulos no coinciden: aquí, en la línea 35, hay «## Errores frecuentes "
        "{ #mistakes }» y en docs/modulos/sms.en.md:35 hay «## Common mistakes { #errors }». "
        f"{FIX} las dos versiones deben tener los mismos títulos, en el mismo orden, con el mismo número de # y la "
        "misma ancla { #… } (el texto del título sí se traduce)"]
    assert code == 1


def test_github_actions_also_get_annotations_on_the_changed_lines(tmp_path):
    edits, removed, expected = MISTAKES["quiz-without-correct-answer"]
    edits = edits + [(f"docs/acerca.{locale}.md", "last_reviewed: 2026-11-01", "last_reviewed: 2025-10-01")
                     for locale in ("es", "en")]
    site = site_with(tmp_path, edits, removed)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_content.py"), "--root", str(site),
                             "--today", TODAY.isoformat()], capture_output=True, text=True,
                            env={**os.environ, "GITHUB_ACTIONS": "true"})
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        expected[0],
        "::error file=docs/modulos/sms.es.md,line=55::la pregunta «¿Qué necesitas para enviar una oferta por SMS?» "
        f"no tiene ninguna respuesta marcada como correcta. {FIX} marca la respuesta correcta con una x entre los "
        "corchetes: «- [x] …»"]
    assert "::warning file=docs/acerca.es.md,line=4::la página se revisó por última vez el 2025-10-01" in result.stdout
    assert result.returncode == 1


def test_annotations_escape_what_github_would_misread():
    problem = Problem("docs/a,b:c.md", None, "50% hecho\nfalta", "sigue")
    assert annotation(problem) == f"::error file=docs/a%2Cb%3Ac.md::50%25 hecho%0Afalta. {FIX} sigue"
    assert annotation(Problem("docs/x.md", 3, "mal", "bien"), "warning") == f"::warning file=docs/x.md,line=3::mal. {FIX} bien"


def test_without_github_actions_there_are_no_annotations(tmp_path, capsys):
    edits, removed, _ = MISTAKES["quiz-without-correct-answer"]
    check_content.main(["--root", str(site_with(tmp_path, edits, removed)), "--today", TODAY.isoformat()])
    assert "::" not in capsys.readouterr().out


def test_the_real_repository_passes_the_check():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_content.py")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "Contenido correcto / Content OK."


# ── Interface texts (data/strings.yml) ─────────────────────────────────────

STRINGS = (ROOT / "data" / "strings.yml").read_text(encoding="utf-8")


def strings_line(key: str) -> int:
    return next(number for number, line in enumerate(STRINGS.splitlines(), start=1) if line.startswith(f"{key}:"))


def strings_messages(text: str | None) -> list[str]:
    """What the build and `make check` say about an edited data/strings.yml (the fixture site's pages)."""
    sources = {path.relative_to(FIXTURE / "docs").as_posix(): path.read_bytes()
               for path in (FIXTURE / "docs").rglob("*.md")}
    data = {} if text is None else {"strings.yml": text}
    course = build_course(FIXTURE, read_settings(FIXTURE), sources, data, today=TODAY)
    return [str(problem) for problem in rules.data.strings(course)]


def edited_strings(old: str, new: str) -> str:
    assert STRINGS.count(old) == 1, old
    return STRINGS.replace(old, new)


def test_the_real_interface_texts_are_complete_in_both_languages():
    strings = read_strings(STRINGS, [], ("es", "en"))
    assert strings.problems == [] and strings_messages(STRINGS) == []
    assert strings.for_locale("en")["tools_clear"] == "Clear filters"
    assert set(strings.for_locale("es")) == set(strings.for_locale("en")) >= set(used_string_keys()[0])


def test_a_deleted_text_that_a_template_uses_is_named_with_where_it_is_used():
    where = used_string_keys()[0]["tools_clear"]
    assert where == "overrides/partials/digicom/tool-directory.html"
    assert strings_messages(edited_strings('tools_clear: {es: "Quitar filtros", en: "Clear filters"}\n', "")) == [
        f"data/strings.yml: falta el texto 'tools_clear', que usa el sitio ({where}). {FIX} añade una línea  "
        "tools_clear: {es: \"…\", en: \"…\"}  (si lo borraste sin querer, recupéralo del historial del repositorio)"]


def test_a_deleted_label_of_a_price_tier_is_missing_too():
    assert strings_messages(edited_strings('tools_tier_quote: {es: "Precio a consultar", en: "Price on request"}\n',
                                           "")) == [
        f"data/strings.yml: falta el texto 'tools_tier_quote', que usa el sitio (los valores de «tools_tier_…»). {FIX} "
        "añade una línea  tools_tier_quote: {es: \"…\", en: \"…\"}  (si lo borraste sin querer, recupéralo del "
        "historial del repositorio)"]


@pytest.mark.parametrize(("old", "new", "expected"), [
    pytest.param('tools_yes: {es: "Sí", en: "Yes"}', 'tools_yes: {es: "", en: "Yes"}',
                 f"data/strings.yml:{strings_line('tools_yes')}: el texto 'tools_yes' está vacío en español. {FIX} "
                 "escribe el texto entre las comillas", id="empty-text"),
    pytest.param('tools_yes: {es: "Sí", en: "Yes"}', 'tools_yes: {es: "Sí"}',
                 f"data/strings.yml:{strings_line('tools_yes')}: el texto 'tools_yes' no tiene versión en inglés ('en'). "
                 f"{FIX} añade  en: \"…\"  entre las llaves de esa línea", id="missing-language"),
    pytest.param('en: "Showing {shown} of {total} tools"', 'en: "Showing {shwn} of {total} tools"',
                 f"data/strings.yml:{strings_line('tools_count')}: el texto 'tools_count' tiene en 'en' los huecos "
                 f"{{shwn}}, {{total}} y en 'es' {{shown}}, {{total}}. {FIX} los huecos entre llaves ({{done}}, {{total}}…) "
                 "se rellenan solos: escríbelos igual en todos los idiomas, sin traducirlos", id="misspelt-placeholder"),
    pytest.param('tools_yes: {es: "Sí", en: "Yes"}', 'tools_yes: "Sí"',
                 f"data/strings.yml:{strings_line('tools_yes')}: el texto 'tools_yes' no tiene sus versiones por idioma. "
                 f"{FIX} escríbelo así:  tools_yes: {{es: \"…\", en: \"…\"}}", id="one-text-for-both"),
    pytest.param('tools_yes: {es: "Sí", en: "Yes"}\n', 'tools_yes: {es: "Sí", en: "Yes"}\ntools_yes: {es: "Sí", en: "Yes"}\n',
                 f"data/strings.yml:{strings_line('tools_yes') + 1}: el campo 'tools_yes' aparece dos veces (la otra "
                 f"está en la línea {strings_line('tools_yes')}). {FIX} borra una de las dos líneas y deja la buena",
                 id="key-twice"),
])
def test_each_mistake_in_the_interface_texts(old, new, expected):
    assert strings_messages(edited_strings(old, new)) == [expected]


def test_a_missing_interface_texts_file_is_one_message():
    assert strings_messages(None) == [
        f"data/strings.yml: no existe el archivo de textos de la interfaz. {FIX} recupéralo del repositorio: sin él "
        "no hay botones ni etiquetas"]


def test_make_check_and_the_build_report_a_broken_interface_text(tmp_path, capsys):
    site = site_with(tmp_path)
    linked = site / "data" / "strings.yml"
    linked.unlink()  # the fixture copy links the project's file: give it its own before editing
    linked.write_text(edited_strings('en: "Showing {shown} of {total} tools"', 'en: "Showing {shown} of {todo} tools"'),
                      encoding="utf-8")
    expected = (f"data/strings.yml:{strings_line('tools_count')}: el texto 'tools_count' tiene en 'en' los huecos "
                f"{{shown}}, {{todo}} y en 'es' {{shown}}, {{total}}. {FIX} los huecos entre llaves ({{done}}, "
                "{total}…) se rellenan solos: escríbelos igual en todos los idiomas, sin traducirlos")
    assert run_check(site, capsys) == (1, [expected])
    built = build_site(site, tmp_path / "out")
    assert not built.ok and f"  - {expected}" in built.log
    assert (ROOT / "data" / "strings.yml").read_text(encoding="utf-8") == STRINGS


# ── make new-module ────────────────────────────────────────────────────────


NEW_ID = "ventas-por-whatsapp"
NEW_FILES = [f"docs/modulos/{NEW_ID}.es.md", f"docs/modulos/{NEW_ID}.en.md"]


def test_new_module_creates_both_languages_and_says_what_next(tmp_path, capsys):
    site = site_with(tmp_path)
    assert new_module.main([NEW_ID, "--root", str(site), "--today", TODAY.isoformat()]) == 0
    output = capsys.readouterr().out
    assert all((site / name).is_file() for name in NEW_FILES)
    assert f"  {NEW_FILES[0]}\n  {NEW_FILES[1]}\n" in output
    assert f"\n      - modulos/{NEW_ID}.md\n" in output and "make check" in output  # as indented in mkdocs.yml
    course = load_course(site, read_settings(site), today=TODAY)
    for name in NEW_FILES:
        page = course.pages[name.removeprefix("docs/")]
        assert page.read_problems == [] and page.front.data["last_reviewed"] == TODAY.isoformat()
        # Every field is there and well formed; only the texts are left to write.
        assert page_fields(page, course) == [] and module_fields(page) == []


def test_a_new_module_only_lacks_its_text_and_its_menu_entry(tmp_path, capsys):
    site = site_with(tmp_path)
    new_module.main([NEW_ID, "--root", str(site), "--today", TODAY.isoformat()])
    capsys.readouterr()
    code, lines = run_check(site, capsys)
    assert code == 1
    new_lines = [line for line in lines if line.startswith(tuple(NEW_FILES))]
    assert new_lines == lines  # the rest of the site is untouched
    placeholders = [line for line in lines if ": queda un texto por rellenar: «" in line]
    assert {line.split(":")[0] for line in placeholders} == set(NEW_FILES)
    assert [line for line in lines if line not in placeholders] == [
        f"{NEW_FILES[0]}:1: esta página no está en el menú (nav) de mkdocs.yml. {FIX} añade la línea  - "
        f"modulos/{NEW_ID}.md  en «Módulos:» de nav: en mkdocs.yml (sin .es ni .en: sirve para los dos idiomas)"]


def test_a_new_module_passes_the_check_and_the_build_once_filled_in(tmp_path, capsys):
    site = site_with(tmp_path, [("mkdocs.yml", "      - modulos/sms.md\n",
                                 f"      - modulos/sms.md\n      - modulos/{NEW_ID}.md\n")])
    new_module.main([NEW_ID, "--root", str(site), "--today", TODAY.isoformat()])
    capsys.readouterr()
    for name in NEW_FILES:  # what an editor does: write the text where each RELLENAR is
        path = site / name
        text = path.read_text(encoding="utf-8").replace("https://RELLENAR.example", "https://www.boe.es/")
        path.write_text(text.replace("RELLENAR: ", ""), encoding="utf-8")
    assert run_check(site, capsys) == (0, [])
    built = build_site(site, tmp_path / "out")
    assert built.ok, built.log
    assert (tmp_path / "out" / "modulos" / NEW_ID / "index.html").is_file()
    assert (tmp_path / "out" / "en" / "modulos" / NEW_ID / "index.html").is_file()


def test_new_module_never_overwrites_a_module(tmp_path, capsys):
    site = site_with(tmp_path)
    existing = site / "docs" / "modulos" / "sms.en.md"
    before = existing.read_text(encoding="utf-8")
    assert new_module.main(["sms", "--root", str(site)]) == 1
    assert capsys.readouterr().err == (
        "No se ha creado nada / Nothing was created: ya existe docs/modulos/sms.es.md y docs/modulos/sms.en.md: no se "
        "sobrescribe un módulo. Elige otro nombre o edita ese archivo.\n")
    (site / "docs" / "modulos" / "sms.es.md").unlink()  # one language only: still refused, nothing written
    assert new_module.main(["sms", "--root", str(site)]) == 1
    assert not (site / "docs" / "modulos" / "sms.es.md").exists()
    assert existing.read_text(encoding="utf-8") == before


def test_new_module_refuses_a_name_that_is_not_a_file_name(tmp_path, capsys):
    site = site_with(tmp_path)
    before = sorted(p.name for p in (site / "docs" / "modulos").iterdir())
    assert new_module.main(["Ventas por WhatsApp", "--root", str(site)]) == 1
    assert "«Ventas por WhatsApp» no sirve como nombre de módulo" in capsys.readouterr().err
    assert sorted(p.name for p in (site / "docs" / "modulos").iterdir()) == before


def test_make_new_module_without_an_id_says_how_to_call_it():
    result = subprocess.run(["make", "--no-print-directory", "new-module"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert "make new-module ID=ventas-por-whatsapp" in result.stderr


@pytest.mark.parametrize("typed", [f"ID={NEW_ID}", f"modulos/{NEW_ID}.es.md", f"docs/modulos/{NEW_ID}.md",
                                   f"{NEW_ID}.en.md"])
def test_new_module_takes_the_id_however_it_is_typed_and_prints_the_menu_line_to_paste(typed, tmp_path, capsys):
    site = site_with(tmp_path)
    assert new_module.main([typed, "--root", str(site), "--today", TODAY.isoformat()]) == 0
    assert all((site / name).is_file() for name in NEW_FILES)
    assert not list((site / "docs/modulos").glob("*.es.es.md")) and not list((site / "docs/modulos").glob("*.en.md.*"))
    output = capsys.readouterr().out
    line = next(line for line in output.splitlines() if line.strip() == f"- modulos/{NEW_ID}.md")
    after = re.search(r"debajo de la línea «(.+?)»", output).group(1)
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    anchor = next(existing for existing in text.splitlines() if existing.strip() == after)
    config.write_text(text.replace(anchor + "\n", anchor + "\n" + line + "\n", 1), encoding="utf-8")
    code, lines = run_check(site, capsys)
    assert not [message for message in lines if "menú" in message], lines  # pasted as printed: the menu is right


def test_a_title_instead_of_an_id_gets_an_id_to_use(tmp_path, capsys):
    site = site_with(tmp_path)
    assert new_module.main(["Ventas por WhatsApp", "--root", str(site)]) == 1
    assert "Prueba con  make new-module ID=ventas-por-whatsapp" in capsys.readouterr().err


SPELLING_WAITS = ("{file}: la ortografía no se ha revisado, porque este archivo no se puede leer y sus palabras "
                  "(siglas, nombres) faltarían en la revisión. Cómo arreglarlo / How to fix it: arregla primero el "
                  "error de este archivo y vuelve a ejecutar make check")


@pytest.mark.parametrize("edits", [
    [("docs/acerca.es.md", "title: Acerca del curso", 'title: "Acerca del curso')],  # an unclosed quote
    [("data/tools.yml", "  name: Beta SMS", "  name: [Beta SMS")],  # YAML broken in a data file
])
def test_spelling_stays_calm_when_a_file_is_broken(edits, tmp_path, capsys):
    """One message for the broken file, and no spelling complaints that come only from its broken structure
    (a data file that gives the check its known words adds the line saying spelling waits for the fix)."""
    code, lines = run_check(site_with(tmp_path, edits), capsys)
    broken = [line for line in lines if line != SPELLING_WAITS.format(file=edits[0][0])]
    assert code == 1 and len(broken) == 1, lines
    assert broken[0].startswith(edits[0][0] + ":") and "diccionario" not in broken[0]
    assert len(lines) == (2 if edits[0][0] == "data/tools.yml" else 1), lines


@pytest.mark.parametrize(("broken", "expected"), [
    ('- id: "lssi', [SPELLING_WAITS.format(file="data/glossary.yml"),  # the file cannot be read: spelling waits
                     "data/glossary.yml:2: aquí se abren unas comillas que no se cierran"]),
    ('- id: lssi "sin cerrar', ["data/glossary.yml:2: el término de la línea 2 no tiene un 'id' válido"]),  # one term
], ids=["unreadable", "one-term-refused"])
def test_a_broken_glossary_does_not_turn_its_terms_into_spelling_mistakes(tmp_path, capsys, broken, expected):
    """The glossary's terms (LSSI…) are words the spelling check knows. A term refused for another mistake is
    still known; a glossary that cannot be read at all makes the check wait for the fix, in one line. Either
    way every LSSI on every page is not called a spelling mistake."""
    site = site_with(tmp_path, [("docs/modulos/sms.es.md", "Pide permiso y escribe un mensaje corto.",
                                 "Pide permiso y escribe un mensaje corto, como pide la LSSI.")])
    code, lines = run_check(site, capsys)
    assert code == 0, lines  # the glossary makes LSSI a known word
    (site / "data/glossary.yml").write_text((site / "data/glossary.yml").read_text(encoding="utf-8").replace(
        "- id: lssi", broken), encoding="utf-8")
    code, lines = run_check(site, capsys)
    assert code == 1 and len(lines) == len(expected), lines
    assert all(line.startswith(start) for line, start in zip(lines, expected)), lines


def test_spelling_never_asks_to_add_code_or_markup_to_the_word_list(tmp_path, capsys):
    site = site_with(tmp_path, [("docs/acerca.es.md", "Este curso es gratis.",
                                 "Este curso es gratis. Escribe `enviarMensajeAhora()`, "
                                 "mira [la ley](https://www.boe.es/ley_34_2002) y "
                                 "<abbr title=\"xyzzyq\">LSSI</abbr>.")])
    code, lines = run_check(site, capsys)
    assert [line for line in lines if "diccionario" in line] == []
