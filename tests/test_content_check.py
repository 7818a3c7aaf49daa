"""The content check (scripts/check_content.py, `make check`) and `make new-module` (scripts/new_module.py).

Each test copies the fixture site tests/fixtures/content_check/ (one module and two
pages in both languages, plus data files) to a temporary folder, makes one kind of
mistake in it, and asserts the exact message, with file and line, and the exit code.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import check_content  # noqa: E402
import new_module  # noqa: E402
from course.frontmatter import check_module, read_front_matter  # noqa: E402
from course.problems import Problem  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "content_check"
TODAY = "2026-11-22"
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
}


def make_site(tmp_path: Path, edits=(), removed=()) -> Path:
    """A copy of the fixture site with some edits (file, old, new) and files removed."""
    site = tmp_path / "site"
    shutil.copytree(FIXTURE, site)
    for name, old, new in edits:
        path = site / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{name} has no {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    for name in removed:
        (site / name).unlink()
    return site


def run_check(site: Path, capsys: pytest.CaptureFixture[str], today: str = TODAY) -> tuple[int, list[str]]:
    """Exit code and printed lines (the closing summary left out)."""
    code = check_content.main(["--root", str(site), "--today", today])
    lines = capsys.readouterr().out.splitlines()
    return code, lines[:-1]


@pytest.fixture(autouse=True)
def no_github(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def test_the_fixture_site_passes(tmp_path, capsys):
    code = check_content.main(["--root", str(make_site(tmp_path)), "--today", TODAY])
    assert capsys.readouterr().out == "Contenido correcto / Content OK.\n"
    assert code == 0


@pytest.mark.parametrize("mistake", MISTAKES, ids=list(MISTAKES))
def test_each_mistake_is_reported_with_file_line_and_fix(mistake, tmp_path, capsys):
    edits, removed, expected = MISTAKES[mistake]
    code, lines = run_check(make_site(tmp_path, edits, removed), capsys)
    assert lines == expected
    assert code == 1


def test_the_summary_counts_the_problems(tmp_path, capsys):
    edits, removed, _ = MISTAKES["image-without-alt-text"]
    check_content.main(["--root", str(make_site(tmp_path, edits, removed)), "--today", TODAY])
    assert capsys.readouterr().out.splitlines()[-1] == (
        "El contenido tiene 2 error(es) / The content has 2 error(s). Lee CONTRIBUTING.md, «Las comprobaciones», "
        "si un mensaje no se entiende.")


def test_every_mistake_at_once_is_reported_in_one_run(tmp_path, capsys):
    edits = [edit for mistake in MISTAKES.values() for edit in mistake[0]]
    removed = [name for mistake in MISTAKES.values() for name in mistake[1]]
    code, lines = run_check(make_site(tmp_path, edits, removed), capsys)
    expected = [line for mistake in MISTAKES.values() for line in mistake[2]]
    assert sorted(lines) == sorted(expected)
    assert code == 1


def test_a_review_older_than_a_year_is_a_warning_that_does_not_fail(tmp_path, capsys):
    edits = [(f"docs/acerca.{locale}.md", "last_reviewed: 2026-11-01", "last_reviewed: 2025-10-01")
             for locale in ("es", "en")]
    code, lines = run_check(make_site(tmp_path, edits), capsys)
    assert lines == [
        f"Aviso / Warning: docs/acerca.{locale}.md:4: la página se revisó por última vez el 2025-10-01, hace más "
        f"de 12 meses. {FIX} comprueba que el texto, las herramientas y las fuentes siguen al día y pon la fecha de "
        "hoy en last_reviewed, en las dos versiones de la página" for locale in ("en", "es")]
    assert code == 0


def test_codespell_finds_english_typos_outside_the_pages_text(tmp_path, capsys):
    site = make_site(tmp_path)
    (site / "overrides").mkdir()
    (site / "overrides" / "main.html").write_text("{# Shows the date it was\n   recieved. #}\n", encoding="utf-8")
    code, lines = run_check(site, capsys)
    assert lines == [
        f"overrides/main.html:2: «recieved» parece una errata en inglés (codespell propone «received»). {FIX} "
        "corrígela; si la palabra está bien escrita (por ejemplo, es una palabra española en un mensaje), añádela en "
        "su propia línea a data/wordlist.txt"]
    assert code == 1


def test_words_in_the_word_list_are_accepted_in_any_case_when_written_in_lowercase(tmp_path, capsys):
    edits = [(MODULE_ES, "Una sola idea por mensaje.", "Una sola idea por mensaje, Tiendda y TIENDDA."),
             ("data/wordlist.txt", "Gijón\n", "Gijón\ntiendda\n")]
    code, lines = run_check(make_site(tmp_path, edits), capsys)
    assert (code, lines) == (0, [])


def test_the_texts_of_the_data_files_are_spell_checked_in_their_language(tmp_path, capsys):
    edits = [("data/tools.yml", "Recordatorios de cita", "Recordatorrios de cita")]
    code, lines = run_check(make_site(tmp_path, edits), capsys)
    assert lines == [
        f"data/tools.yml:11: «Recordatorrios» no está en el diccionario de español (en el texto en español). {FIX} si "
        f"es una errata, corrígela (en esta versión y, si hace falta, en la otra). ¿Querías decir «Recordatorios»? "
        f"{WORDLIST_FIX}"]
    assert code == 1


def test_the_word_list_has_one_word_per_line(tmp_path, capsys):
    code, lines = run_check(make_site(tmp_path, [("data/wordlist.txt", "Gijón\n", "Gijón\nPaso Firme\n")]), capsys)
    assert lines == [f"data/wordlist.txt:3: la línea «Paso Firme» tiene más de una palabra. {FIX} escribe una sola "
                     "palabra por línea; los comentarios van en su propia línea, empezando por #"]
    assert code == 1


def test_headings_must_match_in_both_languages(tmp_path, capsys):
    edits = [(MODULE_EN, "## Common mistakes { #mistakes }", "## Common mistakes { #errors }")]
    code, lines = run_check(make_site(tmp_path, edits), capsys)
    assert lines == [
        f"docs/modulos/sms.en.md: falta la sección «## Common mistakes {{ #mistakes }}» del módulo. {FIX} añade el "
        "título  ## Common mistakes { #mistakes }  con su texto (mira el orden en scripts/templates/module.en.md)",
        f"docs/modulos/sms.es.md:35: los títulos no coinciden: aquí, en la línea 35, hay «## Errores frecuentes "
        "{ #mistakes }» y en docs/modulos/sms.en.md:35 hay «## Common mistakes { #errors }». "
        f"{FIX} las dos versiones deben tener los mismos títulos, en el mismo orden, con el mismo número de # y la "
        "misma ancla { #… } (el texto del título sí se traduce)"]
    assert code == 1


def test_github_actions_also_get_annotations_on_the_changed_lines(tmp_path, monkeypatch):
    edits, removed, expected = MISTAKES["quiz-without-correct-answer"]
    site = make_site(tmp_path, edits, removed)
    edits = [(f"docs/acerca.{locale}.md", "last_reviewed: 2026-11-01", "last_reviewed: 2025-10-01")
             for locale in ("es", "en")]
    for name, old, new in edits:
        path = site / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_content.py"), "--root", str(site),
                             "--today", TODAY], capture_output=True, text=True,
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
    assert check_content.annotation(problem) == (
        f"::error file=docs/a%2Cb%3Ac.md::50%25 hecho%0Afalta. {FIX} sigue")


def test_without_github_actions_there_are_no_annotations(tmp_path, capsys):
    edits, removed, _ = MISTAKES["quiz-without-correct-answer"]
    check_content.main(["--root", str(make_site(tmp_path, edits, removed)), "--today", TODAY])
    assert "::" not in capsys.readouterr().out


def test_the_real_repository_passes_the_check():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_content.py")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "Contenido correcto / Content OK."


# ── make new-module ────────────────────────────────────────────────────────


NEW_ID = "ventas-por-whatsapp"
NEW_FILES = [f"docs/modulos/{NEW_ID}.es.md", f"docs/modulos/{NEW_ID}.en.md"]


def test_new_module_creates_both_languages_and_says_what_next(tmp_path, capsys):
    site = make_site(tmp_path)
    assert new_module.main([NEW_ID, "--root", str(site), "--today", TODAY]) == 0
    output = capsys.readouterr().out
    assert all((site / name).is_file() for name in NEW_FILES)
    assert f"  {NEW_FILES[0]}\n  {NEW_FILES[1]}\n" in output
    assert f"         - modulos/{NEW_ID}.md\n" in output and "make check" in output
    for name in NEW_FILES:
        front, problems = read_front_matter((site / name).read_text(encoding="utf-8"), name)
        assert problems == [] and front.data["last_reviewed"] == dt.date(2026, 11, 22)
        assert check_module(front, name, dt.date(2026, 11, 22)) == []


def test_a_new_module_only_lacks_its_text_and_its_menu_entry(tmp_path, capsys):
    site = make_site(tmp_path)
    new_module.main([NEW_ID, "--root", str(site), "--today", TODAY])
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


def test_a_new_module_passes_the_check_once_filled_in(tmp_path, capsys):
    site = make_site(tmp_path, [("mkdocs.yml", "      - modulos/sms.md\n",
                                 f"      - modulos/sms.md\n      - modulos/{NEW_ID}.md\n")])
    new_module.main([NEW_ID, "--root", str(site), "--today", TODAY])
    capsys.readouterr()
    for name in NEW_FILES:  # what an editor does: write the text where each RELLENAR is
        path = site / name
        text = path.read_text(encoding="utf-8").replace("https://RELLENAR.example", "https://www.boe.es/")
        path.write_text(text.replace("RELLENAR: ", ""), encoding="utf-8")
    assert run_check(site, capsys) == (0, [])


def test_new_module_never_overwrites_a_module(tmp_path, capsys):
    site = make_site(tmp_path)
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
    site = make_site(tmp_path)
    assert new_module.main(["Ventas por WhatsApp", "--root", str(site)]) == 1
    assert "«Ventas por WhatsApp» no sirve como nombre de módulo" in capsys.readouterr().err
    assert sorted(p.name for p in (site / "docs" / "modulos").iterdir()) == ["sms.en.md", "sms.es.md"]


def test_make_new_module_without_an_id_says_how_to_call_it():
    result = subprocess.run(["make", "--no-print-directory", "new-module"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert "make new-module ID=ventas-por-whatsapp" in result.stderr
