"""Quizzes: the parser and checks (every message, exactly), the self-assessment, the HTML
tidying, the plugin's texts, and a tiny two-language site built with the real hook."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest

from conftest import ROOT, copy_fixture_site, load_hook, load_mkdocs_yml, run_mkdocs_build
from course.problems import ContentError, raise_if_any
from course.quizzes import (
    SELF_ASSESSMENT_MARKER,
    ModuleQuizzes,
    check_markers,
    check_module,
    check_plugin_options,
    check_translation,
    contains_quiz,
    parse_page,
    quiz_markdown,
    rebase_links,
    replace_marker,
    self_assessment_markdown,
    exclude_quizzes_from_search,
    tidy_quiz_page,
)

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "quizzes"
HOW = "Cómo arreglarlo / How to fix it:"
ANSWERS = "«- [x] Respuesta correcta» y «- [ ] Respuesta incorrecta»"

GOOD = """\
---
title: SMS
---

# SMS

## Pon a prueba lo aprendido { #quiz }

<quiz>
¿Cuántos caracteres caben en un SMS con «día»?
- [ ] 160
- [x] 70
> Correcto: la í pasa el mensaje a UCS-2.
- [ ] 153

La «í» no está en GSM-7. Mira [la tabla](tabla.md#gsm) y [la ley](../ley.md).
</quiz>

<quiz>
¿Qué letras mantienen el SMS en 160 caracteres?
Marca todas las correctas.
- [x] ñ
- [x] é
- [ ] á

La ñ y la é están en GSM-7.

```text
<quiz>
Esto es un ejemplo, no una pregunta.
</quiz>
```
</quiz>

```markdown
<quiz>
Un ejemplo en código: no se lee.
</quiz>
<!-- self-assessment -->
```
"""


def problems_of(text: str, file: str = "docs/x.es.md") -> list[str]:
    return [str(problem) for problem in parse_page(text, file)[1]]


def quiz(body: str) -> str:
    """A page with one quiz around ``body`` starting on line 3."""
    return f"# T\n\n<quiz>\n{body}\n</quiz>\n"


# ── Reading quizzes ───────────────────────────────────────────────────────────

def test_reads_questions_answers_feedback_and_explanation_with_their_lines():
    page, problems = parse_page(GOOD, "docs/modulos/sms.es.md")
    assert problems == []
    assert page.has_quiz_anchor and page.marker_lines == ()
    first, second = page.quizzes
    assert (first.file, first.line, first.question) == (
        "docs/modulos/sms.es.md", 9, ("¿Cuántos caracteres caben en un SMS con «día»?",))
    assert [(a.text, a.correct, a.line, a.feedback) for a in first.answers] == [
        ("160", False, 11, ()), ("70", True, 12, ("Correcto: la í pasa el mensaje a UCS-2.",)), ("153", False, 14, ())]
    assert first.explanation == ("La «í» no está en GSM-7. Mira [la tabla](tabla.md#gsm) y [la ley](../ley.md).",)
    assert (first.multiple, first.correct_positions) == (False, (2,))
    assert second.question == ("¿Qué letras mantienen el SMS en 160 caracteres?", "Marca todas las correctas.")
    assert (second.multiple, second.correct_positions) == (True, (1, 2))
    assert second.explanation[-1] == "```" and "<quiz>" in second.explanation  # code inside a quiz is its own
    assert contains_quiz(GOOD)


def test_ignores_quizzes_and_markers_inside_fenced_code():
    text = "# T\n\n~~~~\n<quiz>\n¿?\n</quiz>\n<!-- self-assessment -->\n~~~~\n\n```\n</quiz>\n```\n"
    page, problems = parse_page(text, "docs/x.es.md")
    assert (page.quizzes, page.marker_lines, problems) == ((), (), [])
    assert not contains_quiz(text)


def test_reads_an_indented_quiz_inside_a_block():
    text = '!!! note "Prueba"\n\n    <quiz>\n    ¿Sí?\n    - [x] Sí\n    - [ ] No\n\n    Porque sí.\n    </quiz>\n'
    page, problems = parse_page(text, "docs/x.es.md")
    assert problems == []
    assert [a.text for a in page.quizzes[0].answers] == ["Sí", "No"]
    assert page.quizzes[0].explanation == ("Porque sí.",)


def test_accepts_a_capital_x_and_blank_lines_between_answers():
    page, problems = parse_page(quiz("¿Sí?\n- [X] Sí\n\n- [ ] No\n\nPorque sí."), "docs/x.es.md")
    assert problems == [] and page.quizzes[0].correct_positions == (1,)


def test_a_list_of_links_in_the_explanation_is_not_an_answer():
    body = "¿Sí?\n- [x] Sí\n- [ ] No\n\nLee:\n\n- [la ley](ley.md)\n- [BOE][boe]"
    assert problems_of(quiz(body)) == []


# ── Every message ─────────────────────────────────────────────────────────────

def test_a_quiz_without_its_closing_tag():
    assert problems_of("# T\n\n<quiz>\n¿Sí?\n- [x] Sí\n- [ ] No\n") == [
        f"docs/x.es.md:3: esta pregunta no tiene cierre </quiz>. {HOW} añade una línea con solo </quiz> "
        "después de la explicación"]


def test_a_quiz_opened_inside_another():
    text = "<quiz>\n¿Uno?\n- [x] Sí\n- [ ] No\n\nE.\n<quiz>\n¿Dos?\n- [x] Sí\n- [ ] No\n\nE.\n</quiz>\n"
    assert problems_of(text) == [
        f"docs/x.es.md:1: esta pregunta no tiene cierre </quiz>. {HOW} añade una línea con solo </quiz> "
        "después de la explicación"]


def test_a_closing_tag_without_its_quiz():
    assert problems_of("# T\n\n</quiz>\n") == [
        f"docs/x.es.md:3: hay un </quiz> sin su <quiz> de apertura. {HOW} escribe <quiz> en la línea anterior "
        "a la pregunta, o borra este </quiz>"]


@pytest.mark.parametrize(("line", "tag"), [("<quiz> ¿Sí?", "<quiz>"), ("Porque sí.</quiz>", "</quiz>")])
def test_a_tag_that_shares_its_line(line, tag):
    assert problems_of(f"# T\n\n{line}\n") == [
        f"docs/x.es.md:3: {tag} comparte la línea con otro texto. {HOW} deja {tag} solo en su línea"]


@pytest.mark.parametrize("marker", ["<!-- mkdocs-quiz results -->", "<!-- mkdocs-quiz intro -->"])
def test_the_plugins_own_markers_are_refused(marker):
    assert problems_of(f"# T\n\n{marker}\n") == [
        f"docs/x.es.md:3: el marcador {marker} no se usa en este curso. {HOW} bórralo: cada pregunta ya guarda "
        "la respuesta y la página de autoevaluación muestra la puntuación"]


def test_fill_in_the_blank_is_refused_with_how_to_rewrite_it():
    assert problems_of(quiz("La capital de Francia es [[París]].\n\n---\nEs París.")) == [
        "docs/x.es.md:3: la pregunta «La capital de Francia es [[París]].» es de rellenar un hueco ([[…]]), "
        "y en este curso no las usamos: el lector que escribe «Paris» en vez de «París», o la respuesta con otras "
        f"palabras, ve que ha fallado aunque la sepa. {HOW} conviértela en una pregunta de opciones: escribe la "
        f"pregunta y debajo las respuestas, {ANSWERS}, y después de una línea en blanco la explicación"]


def test_a_heading_inside_a_quiz():
    assert problems_of(quiz("¿Sí?\n- [x] Sí\n- [ ] No\n\n## Explicación\nPorque sí.")) == [
        f"docs/x.es.md:8: hay un título (#) dentro de una pregunta. {HOW} saca el título fuera de "
        "<quiz> … </quiz>, o quita las # del principio de la línea"]


def test_a_quiz_without_a_question():
    assert problems_of(quiz("- [x] Sí\n- [ ] No\n\nPorque sí.")) == [
        f"docs/x.es.md:3: esta pregunta no tiene enunciado. {HOW} escribe la pregunta en la línea siguiente "
        "a <quiz>, antes de las respuestas"]


def test_an_empty_answer():
    assert problems_of(quiz("¿Sí?\n- [x] Sí\n- [ ]\n\nPorque sí.")) == [
        f"docs/x.es.md:6: esta respuesta está vacía. {HOW} escribe el texto de la respuesta después de "
        "los corchetes"]


@pytest.mark.parametrize("bad", ["- [y] Quizá", "* [ ] Quizá", "-[ ] Quizá", "  - [ ] Quizá", "- [ ]Quizá",
                                 "- [ x ] Quizá"])
def test_a_malformed_answer(bad):
    assert problems_of(quiz(f"¿Sí?\n- [x] Sí\n{bad}\n- [ ] No\n\nPorque sí.")) == [
        f"docs/x.es.md:6: la respuesta «{bad.strip()}» está mal escrita. {HOW} empieza la línea justo así: "
        f"{ANSWERS} (guion, espacio, corchetes con x o con un espacio, espacio y el texto), sin espacios delante"]


def test_a_comment_separated_from_its_answer():
    assert problems_of(quiz("¿Sí?\n- [x] Sí\n\n> Bien visto.\n- [ ] No\n\nPorque sí.")) == [
        f"docs/x.es.md:7: este comentario (>) está separado de su respuesta por una línea en blanco. {HOW} "
        "quita la línea en blanco: el comentario de una respuesta va justo debajo de ella"]


def test_an_explanation_right_under_the_answers():
    assert problems_of(quiz("¿Sí?\n- [x] Sí\n- [ ] No\nPorque sí.")) == [
        f"docs/x.es.md:7: falta una línea en blanco entre la última respuesta y la explicación. {HOW} deja una "
        "línea vacía después de la última respuesta"]


def test_an_answer_after_the_explanation():
    assert problems_of(quiz("¿Sí?\n- [x] Sí\n- [ ] No\n\nPorque sí.\n- [ ] Tal vez")) == [
        f"docs/x.es.md:9: la respuesta «- [ ] Tal vez» está después de la explicación. {HOW} pon todas las "
        "respuestas juntas, justo debajo de la pregunta, y la explicación al final"]


@pytest.mark.parametrize(("answers", "count"), [("", "ninguna respuesta"), ("- [x] Sí\n", "solo una respuesta")])
def test_fewer_than_two_answers(answers, count):
    assert problems_of(quiz(f"¿Sí o no?\n{answers}\nPorque sí.")) == [
        f"docs/x.es.md:3: la pregunta «¿Sí o no?» tiene {count} y necesita al menos dos. {HOW} añade "
        f"respuestas debajo de la pregunta: {ANSWERS}"]


def test_no_answer_marked_right():
    assert problems_of(quiz("¿Sí o no?\n- [ ] Sí\n- [ ] No\n\nPorque sí.")) == [
        f"docs/x.es.md:3: la pregunta «¿Sí o no?» no tiene ninguna respuesta marcada como correcta. {HOW} "
        "marca la respuesta correcta con una x entre los corchetes: «- [x] …»"]


def test_a_repeated_answer():
    assert problems_of(quiz("¿Sí o no?\n- [x] Sí\n- [ ] No\n- [ ] Sí\n\nPorque sí.")) == [
        f"docs/x.es.md:7: la respuesta «Sí» está repetida (ya está en la línea 5). {HOW} cambia o borra una de "
        "las dos: el plugin trata igual dos respuestas con el mismo texto"]


def test_no_explanation():
    long_question = "¿Cuál de estas frases es la que mejor resume lo que has aprendido en este módulo?"
    assert problems_of(quiz(f"{long_question}\n- [x] Sí\n- [ ] No")) == [
        "docs/x.es.md:3: la pregunta «¿Cuál de estas frases es la que mejor resume lo…» no tiene explicación. "
        f"{HOW} después de la última respuesta deja una línea en blanco y explica en una o dos frases por qué "
        "la respuesta correcta lo es"]


def test_every_problem_of_a_file_is_listed_in_line_order_and_stops_the_build():
    text = (quiz("¿Uno?\n- [ ] Sí\n- [ ] No\n\nE.") + "\n<quiz>\n¿Dos?\n- [x] Sí\n- [ ] No\n</quiz>\n"
            + "\n<!-- mkdocs-quiz intro -->\n")
    page, problems = parse_page(text, "docs/x.es.md")
    assert [(p.line, p.problem.split(" ")[1]) for p in problems] == [(3, "pregunta"), (11, "pregunta"), (17, "marcador")]
    assert [quiz.valid for quiz in page.quizzes] == [False, False]
    with pytest.raises(ContentError) as error:
        raise_if_any(problems)
    assert str(error.value).startswith("El contenido tiene 3 error(es)")


# ── Both languages ────────────────────────────────────────────────────────────

ES = quiz("¿Uno?\n- [x] Sí\n- [ ] No\n- [ ] Quizá\n\nE.") + quiz("¿Dos?\n- [x] A\n- [x] B\n- [ ] C\n\nE.")
EN = quiz("One?\n- [x] Yes\n- [ ] No\n- [ ] Maybe\n\nE.") + quiz("Two?\n- [x] A\n- [x] B\n- [ ] C\n\nE.")


def pair(es: str, en: str) -> list[str]:
    first, _ = parse_page(es, "docs/x.es.md")
    second, _ = parse_page(en, "docs/x.en.md")
    return [str(problem) for problem in check_translation(first, second)]


def test_matching_translations_pass():
    assert pair(ES, EN) == []


def test_a_translation_with_another_number_of_questions():
    assert pair(ES, quiz("One?\n- [x] Yes\n- [ ] No\n- [ ] Maybe\n\nE.")) == [
        "docs/x.es.md:3: esta página tiene 2 pregunta(s) (líneas: 3, 13) y su traducción docs/x.en.md tiene 1 "
        f"(líneas: 3). {HOW} las dos versiones deben tener las mismas preguntas, en el mismo orden: añade la que "
        "falta o borra la que sobra"]
    assert pair("# T\n", quiz("One?\n- [x] Yes\n- [ ] No\n\nE.")) == [
        "docs/x.es.md: esta página tiene 0 pregunta(s) (líneas: ninguna) y su traducción docs/x.en.md tiene 1 "
        f"(líneas: 3). {HOW} las dos versiones deben tener las mismas preguntas, en el mismo orden: añade la que "
        "falta o borra la que sobra"]


def test_a_translation_with_another_number_of_answers():
    assert pair(ES, EN.replace("- [ ] Maybe\n", "")) == [
        f"docs/x.es.md:3: la pregunta 1 («¿Uno?») tiene 3 respuestas aquí y 2 en docs/x.en.md:3. {HOW} las dos "
        "versiones deben tener las mismas respuestas, en el mismo orden"]


def test_a_translation_with_another_kind_of_question():
    en = EN.replace("- [ ] Maybe", "- [x] Maybe")
    assert pair(ES, en) == [
        "docs/x.es.md:3: la pregunta 1 («¿Uno?») tiene una sola respuesta correcta aquí y varias respuestas "
        f"correctas en docs/x.en.md:3. {HOW} marca con [x] las mismas respuestas en las dos versiones"]


def test_a_translation_with_the_right_answers_elsewhere():
    en = EN.replace("- [x] Yes\n- [ ] No", "- [ ] Yes\n- [x] No").replace("- [x] B\n- [ ] C", "- [ ] B\n- [x] C")
    assert pair(ES, en) == [
        "docs/x.es.md:3: la pregunta 1 («¿Uno?») no tiene las respuestas correctas en el mismo sitio: aquí es la "
        f"primera; en docs/x.en.md:3, la segunda. {HOW} las respuestas van en el mismo orden en las dos "
        "versiones: marca con [x] las mismas posiciones",
        "docs/x.es.md:13: la pregunta 2 («¿Dos?») no tiene las respuestas correctas en el mismo sitio: aquí es la "
        f"primera y la segunda; en docs/x.en.md:13, la primera y la tercera. {HOW} las respuestas van en el mismo "
        "orden en las dos versiones: marca con [x] las mismas posiciones"]


def test_a_broken_question_is_not_compared_again():
    assert pair(ES, EN.replace("- [x] Yes", "- [ ] Yes")) == []


# ── Markers, modules, self-assessment ────────────────────────────────────────

def markers(text: str, *, is_self_assessment: bool) -> list[str]:
    page, _ = parse_page(text, "docs/x.es.md")
    return [str(problem) for problem in check_markers(page, is_self_assessment=is_self_assessment)]


def test_the_self_assessment_marker_on_another_page():
    assert markers(f"# T\n\n{SELF_ASSESSMENT_MARKER}\n", is_self_assessment=False) == [
        f"docs/x.es.md:3: el marcador {SELF_ASSESSMENT_MARKER} solo puede ir en la página de autoevaluación "
        f"(docs/autoevaluacion.es.md y docs/autoevaluacion.en.md). {HOW} bórralo de esta página"]


def test_the_self_assessment_page_without_its_marker_or_with_two():
    assert markers("# Autoevaluación\n", is_self_assessment=True) == [
        f"docs/x.es.md:1: falta el marcador {SELF_ASSESSMENT_MARKER} en la página de autoevaluación. {HOW} escribe "
        f"{SELF_ASSESSMENT_MARKER} en su propia línea, donde deban aparecer las preguntas"]
    assert markers(f"# A\n\n{SELF_ASSESSMENT_MARKER}\n\n{SELF_ASSESSMENT_MARKER}\n", is_self_assessment=True) == [
        f"docs/x.es.md:5: el marcador {SELF_ASSESSMENT_MARKER} está repetido (ya está en la línea 3). {HOW} deja "
        "solo uno"]
    assert markers(f"# A\n\n{SELF_ASSESSMENT_MARKER}\n", is_self_assessment=True) == []


def test_a_module_needs_questions_under_a_quiz_heading():
    no_quiz, _ = parse_page("# M\n", "docs/modulos/m.es.md")
    assert [str(p) for p in check_module(no_quiz)] == [
        "docs/modulos/m.es.md:1: este módulo no tiene preguntas (<quiz>) y la autoevaluación toma las 2 primeras "
        f"de cada módulo. {HOW} añade al menos una pregunta bajo el título «## Pon a prueba lo aprendido "
        "{ #quiz }»"]
    no_heading, _ = parse_page("# M\n\n## Test\n\n<quiz>\n¿Sí?\n- [x] Sí\n- [ ] No\n\nE.\n</quiz>\n",
                               "docs/modulos/m.es.md")
    assert [str(p) for p in check_module(no_heading)] == [
        "docs/modulos/m.es.md:5: las preguntas de este módulo no están bajo un título que acabe en { #quiz }, "
        f"y la autoevaluación enlaza a esa sección. {HOW} pon las preguntas bajo un título así: ## Pon a prueba "
        "lo aprendido { #quiz }"]
    good, _ = parse_page(GOOD, "docs/modulos/sms.es.md")
    assert check_module(good) == []


@pytest.mark.parametrize(("link", "rebased"), [
    ("[t](tabla.md#gsm)", "[t](modulos/tabla.md#gsm)"),
    ("[l](../ley.md)", "[l](ley.md)"),
    ("[a](#gsm)", "[a](modulos/sms.md#gsm)"),
    ('[t](tabla.md "Tabla")', '[t](modulos/tabla.md "Tabla")'),
    ("![i](img/a.png)", "![i](modulos/img/a.png)"),
    ("[w](https://boe.es/x)", "[w](https://boe.es/x)"),
    ("[m](mailto:a@b.es)", "[m](mailto:a@b.es)"),
    ("[r](/curso/)", "[r](/curso/)"),
])
def test_links_are_rewritten_for_the_page_that_shows_the_question(link, rebased):
    assert rebase_links(f"Mira {link}.", "modulos/sms.md", "autoevaluacion.md") == f"Mira {rebased}."


def test_a_quiz_written_back_as_markdown_reads_the_same():
    page, _ = parse_page(GOOD, "docs/modulos/sms.es.md")
    for original in page.quizzes:
        again, problems = parse_page(quiz_markdown(original, from_uri="modulos/x.md", to_uri="modulos/y.md"),
                                     "docs/y.es.md")
        assert problems == []
        copy = again.quizzes[0]
        assert (copy.question, copy.answers[0].text, copy.correct_positions, copy.explanation) == (
            original.question, original.answers[0].text, original.correct_positions, original.explanation)
        assert [a.feedback for a in copy.answers] == [a.feedback for a in original.answers]


def modules() -> list[ModuleQuizzes]:
    sms, _ = parse_page(GOOD + quiz("¿Tres?\n- [x] Sí\n- [ ] No\n\nE."), "docs/modulos/sms.es.md")
    one, _ = parse_page("# E\n\n## Q { #quiz }\n\n" + quiz("¿Email?\n- [x] Sí\n- [ ] No\n\nE.")[4:],
                        "docs/modulos/email.es.md")
    return [ModuleQuizzes("modulos/sms.es.md", "sms", "SMS", sms.quizzes),
            ModuleQuizzes("modulos/email.es.md", "email", "Email", one.quizzes)]


def test_the_self_assessment_takes_the_first_two_questions_of_each_module_in_menu_order():
    text = self_assessment_markdown(modules(), "autoevaluacion.md", lambda m: f'<p class="r">{m.title}</p>')
    assert re.findall(r"^## .*$", text, re.MULTILINE) == ["## SMS { #sms }", "## Email { #email }"]
    page, problems = parse_page(text, "docs/autoevaluacion.es.md")
    assert problems == []
    assert [q.question[0] for q in page.quizzes] == [
        "¿Cuántos caracteres caben en un SMS con «día»?", "¿Qué letras mantienen el SMS en 160 caracteres?",
        "¿Email?"]
    assert [q.explanation[-1] for q in page.quizzes] == [
        '<p class="r">SMS</p>', '<p class="r">SMS</p>', '<p class="r">Email</p>']
    assert "[la tabla](modulos/tabla.md#gsm) y [la ley](ley.md)" in text


def test_the_marker_line_is_replaced_and_nothing_else():
    text = f"# A\n\nIntro `{SELF_ASSESSMENT_MARKER}`.\n\n{SELF_ASSESSMENT_MARKER}\n\nFin.\n"
    assert replace_marker(text, SELF_ASSESSMENT_MARKER, "NUEVO") == (
        f"# A\n\nIntro `{SELF_ASSESSMENT_MARKER}`.\n\n\nNUEVO\n\n\nFin.\n")


# ── The plugin: settings, texts and HTML ─────────────────────────────────────

def test_the_sites_plugin_settings_are_the_ones_the_hook_expects():
    plugins = load_mkdocs_yml()["plugins"]
    names = [next(iter(p)) if isinstance(p, dict) else p for p in plugins]
    assert names.index("mkdocs_quiz") == names.index("i18n") + 1
    options = plugins[names.index("mkdocs_quiz")]["mkdocs_quiz"]
    assert check_plugin_options(options) == []
    assert options["custom_translations"] == {"es": "data/quiz-es.po", "en": "data/quiz-en.po"}


def test_wrong_plugin_settings_are_named():
    assert [str(p) for p in check_plugin_options(None)] == [
        f"mkdocs.yml: falta el plugin mkdocs_quiz en 'plugins:'. {HOW} añade  - mkdocs_quiz:  después de i18n, "
        "con las opciones que explica hooks/quizzes.py"]
    good = load_mkdocs_yml()["plugins"]
    options = next(p["mkdocs_quiz"] for p in good if isinstance(p, dict) and "mkdocs_quiz" in p)
    assert [str(p) for p in check_plugin_options({**options, "enabled_by_default": True})] == [
        "mkdocs.yml: la opción 'enabled_by_default' de mkdocs_quiz debe ser false: las páginas sin preguntas no "
        f"deben cargar el CSS ni el JavaScript del plugin. {HOW} escribe  enabled_by_default: false  en la "
        "sección mkdocs_quiz de plugins"]


def test_spanish_texts_translate_every_text_of_the_plugin_plainly():
    source = polib.pofile(_plugin_file("locales/mkdocs_quiz.pot"))
    spanish = {entry.msgid: entry.msgstr for entry in polib.pofile(str(ROOT / "data/quiz-es.po"))}
    assert {entry.msgid for entry in source} <= {key for key, text in spanish.items() if text}
    assert spanish["Submit"] == "Comprobar" and spanish["Try Again"] == "Volver a intentarlo"
    for text in spanish.values():  # tú, no school words, no gender guessed
        assert not re.search(r"\b(usted|cuestionario|seguro|Enviar)\b", text), text
    english = {entry.msgid: entry.msgstr for entry in polib.pofile(str(ROOT / "data/quiz-en.po"))}
    assert english["Submit"] == "Check"


def _plugin_file(name: str) -> str:
    from importlib.resources import files

    return str(files("mkdocs_quiz") / name)


def test_tidying_removes_the_style_the_sidebar_and_invalid_script_attributes():
    from mkdocs_quiz.plugin import MkDocsQuizPlugin, js_script, style
    from mkdocs_quiz.translations import TranslationManager

    sidebar = MkDocsQuizPlugin()._get_quiz_progress_sidebar_html(TranslationManager("es"))
    quiz_html = '<div class="quiz" id="quiz-0"><form><fieldset aria-labelledby="q"></fieldset></form></div>'
    page = (f'<html><head><title>t</title></head><body><article>{quiz_html}{sidebar}{style}'
            f'<script type="text/javascript">\nwindow.mkdocsQuizConfig = {{}};\n</script>{js_script}</article>'
            '<script src="a.js" defer></script></body></html>')
    tidy = tidy_quiz_page(page, plugin_style=style)
    assert "<style" not in tidy and 'id="quiz-progress-sidebar"' not in tidy and 'id="quiz-progress-mobile"' not in tidy
    assert 'type="text/javascript"' not in tidy and "<script>\nwindow.mkdocsQuizConfig" in tidy
    assert re.findall(r"<script[^>]*>", tidy) == ["<script>", "<script>", '<script src="a.js" defer>']
    assert quiz_html in tidy and tidy.endswith("</article><script src=\"a.js\" defer></script></body></html>")
    assert tidy_quiz_page(tidy, plugin_style=style) == tidy


# ── A tiny site, built ───────────────────────────────────────────────────────

@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("quizzes-site")
    result = run_mkdocs_build(FIXTURE / "mkdocs.yml", site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def body_of(html: str) -> str:
    return html[html.index("<body"):]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_page_without_quizzes_carries_nothing_of_the_plugin(fixture_site, prefix):
    html = (fixture_site / prefix / "index.html").read_text(encoding="utf-8")
    for trace in ("mkdocs-quiz.css", "quizzes.css", "quizzes.js", "mkdocsQuiz", 'class="quiz"', "quiz-progress"):
        assert trace not in html, trace


@pytest.mark.parametrize(("prefix", "check", "review"), [
    ("", "Comprobar", "Repasa el módulo «Uno»"), ("en/", "Check", "Review the module “One”")])
def test_a_page_with_quizzes_gets_valid_markup_in_its_language(fixture_site, prefix, check, review):
    html = (fixture_site / prefix / "modulos/uno/index.html").read_text(encoding="utf-8")
    head, body = html[:html.index("<body")], body_of(html)
    assert head.index("mkdocs-quiz.css") < head.index("quizzes.css")
    assert 'src="../../../assets/javascripts/quizzes.js" defer' in body or \
        'src="../../assets/javascripts/quizzes.js" defer' in body
    assert body.count('<div class="quiz"') == 3
    assert body.count(f'<button type="submit" class="quiz-button">{check}</button>') == 3
    assert "<style" not in body and "<canvas" not in body and 'id="quiz-progress-sidebar"' not in body
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*\b(defer|type=\"text/javascript\")", body)
    assert "<h3" not in body and "<h4" not in body
    assert review not in body  # back-links are for the self-assessment page only
    assert (fixture_site / "assets/stylesheets/mkdocs-quiz.css").read_text().startswith(".quiz {")


@pytest.mark.parametrize(("prefix", "review", "heading", "score"), [
    ("", "Repasa el módulo «Uno»", "Tu resultado", "Has acertado {correct} de {total}."),
    ("en/", "Review the module “One”", "Your result", "You got {correct} of {total} right.")])
def test_the_self_assessment_page_holds_the_first_questions_of_each_module(fixture_site, prefix, review,
                                                                         heading, score):
    html = body_of((fixture_site / prefix / "autoevaluacion/index.html").read_text(encoding="utf-8"))
    questions = re.findall(r'<div class="quiz-question" id="quiz-\d+-question">\s*<p>(.*?)</p>', html)
    if prefix:
        assert questions == ["First question of One?", "Second question of One?", "Only question of Two?"]
    else:
        assert questions == ["¿Primera pregunta de Uno?", "¿Segunda pregunta de Uno?", "¿Única pregunta de Dos?"]
    assert re.findall(r'<h2 id="([^"]+)"', html) == ["uno", "dos", "score"]
    assert html.count(f'<a href="../modulos/uno/#quiz">{review}</a>') == 2
    assert html.count('<a href="../modulos/dos/#quiz">') == 1
    assert f">{heading}<" in html and f'data-score="{score}"' in html
    assert SELF_ASSESSMENT_MARKER not in html


def copy_fixture(tmp_path: Path) -> Path:
    return copy_fixture_site(FIXTURE, tmp_path / "site-src")


def test_a_broken_site_fails_the_build_naming_every_problem(tmp_path):
    source = copy_fixture(tmp_path)
    uno_es = source / "docs/modulos/uno.es.md"
    uno_es.write_text(uno_es.read_text(encoding="utf-8").replace("- [x] Sí", "- [ ] Sí", 1), encoding="utf-8")
    dos_en = source / "docs/modulos/dos.en.md"
    dos_en.write_text(dos_en.read_text(encoding="utf-8").replace("- [x] Yes\n- [ ] No", "- [ ] Yes\n- [x] No"),
                      encoding="utf-8")
    index = source / "docs/index.es.md"
    index.write_text(index.read_text(encoding="utf-8") + f"\n{SELF_ASSESSMENT_MARKER}\n\n<quiz>\nLa capital es "
                     "[[París]].\n</quiz>\n", encoding="utf-8")
    result = run_mkdocs_build(source / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    lines = [line.strip() for line in output.splitlines() if line.strip().startswith("- docs/")]
    assert lines == [
        f"- docs/index.es.md:9: el marcador {SELF_ASSESSMENT_MARKER} solo puede ir en la página de autoevaluación "
        f"(docs/autoevaluacion.es.md y docs/autoevaluacion.en.md). {HOW} bórralo de esta página",
        "- docs/index.es.md:11: la pregunta «La capital es [[París]].» es de rellenar un hueco ([[…]]), y en este "
        "curso no las usamos: el lector que escribe «Paris» en vez de «París», o la respuesta con otras palabras, "
        f"ve que ha fallado aunque la sepa. {HOW} conviértela en una pregunta de opciones: escribe la pregunta y "
        f"debajo las respuestas, {ANSWERS}, y después de una línea en blanco la explicación",
        "- docs/index.es.md:11: esta página tiene 1 pregunta(s) (líneas: 11) y su traducción docs/index.en.md "
        f"tiene 0 (líneas: ninguna). {HOW} las dos versiones deben tener las mismas preguntas, en el mismo orden: "
        "añade la que falta o borra la que sobra",
        "- docs/modulos/dos.es.md:9: la pregunta 1 («¿Única pregunta de Dos?») no tiene las respuestas correctas "
        f"en el mismo sitio: aquí es la primera; en docs/modulos/dos.en.md:9, la segunda. {HOW} las respuestas "
        "van en el mismo orden en las dos versiones: marca con [x] las mismas posiciones",
        "- docs/modulos/uno.es.md:9: la pregunta «¿Primera pregunta de Uno?» no tiene ninguna respuesta marcada "
        f"como correcta. {HOW} marca la respuesta correcta con una x entre los corchetes: «- [x] …»",
    ]


def test_the_hook_switches_the_plugin_on_only_where_there_is_a_quiz():
    hook = load_hook("quizzes")

    class FakeFile:
        def __init__(self, src_uri: str) -> None:
            self.src_uri = src_uri

    class FakePage:
        def __init__(self, src_uri: str, meta: dict) -> None:
            self.file, self.meta = FakeFile(src_uri), meta

    with_quiz = FakePage("x.es.md", {"quiz": {"shuffle_answers": False}})
    hook.on_page_markdown(quiz("¿Sí?\n- [x] Sí\n- [ ] No\n\nE."), page=with_quiz, config={}, files=None)
    assert with_quiz.meta["quiz"] == {"shuffle_answers": False, "enabled": True}
    without = FakePage("y.es.md", {})
    hook.on_page_markdown("# Nada\n\n```\n<quiz>\n```\n", page=without, config={}, files=None)
    assert "quiz" not in without.meta
    assert hook.on_page_markdown.mkdocs_priority > 0  # mkdocs_quiz's on_page_markdown runs at priority 0


def test_the_plugin_script_is_served_as_a_cached_file_and_quizzes_stay_out_of_search():
    from mkdocs_quiz.plugin import js_script, style

    page = f'<article><div class="quiz" id="quiz-0"></div></article>{js_script}'
    tidy = tidy_quiz_page(page, plugin_style=style, plugin_script=js_script, script_url="../assets/q.js")
    assert tidy == '<article><div class="quiz" id="quiz-0"></div></article><script src="../assets/q.js"></script>'
    excluded = exclude_quizzes_from_search(page)
    assert '<div class="quiz" data-search-exclude id="quiz-0">' in excluded
    assert exclude_quizzes_from_search(excluded) == excluded
