"""Quizzes (hooks/course/quizzes.py, hooks/quizzes.py): the parser and every message (exactly), both
languages, question ids, the self-assessment marker, the plugin's settings, texts and markup, and the
fixture site built end to end (module pages and the self-assessment page)."""

from __future__ import annotations

import posixpath
import json
import re
from pathlib import Path

import polib
import pytest

from conftest import ROOT, build_site, load_mkdocs_yml, make_site, marker_on_two_pages
from course import quizzes as qz
from course.links import rebase
from course.model import Settings, build_course
from course.problems import HOW, ContentError, in_order, raise_if_any
from course.rules import blocks as block_rules
from course.rules import data as data_rules
from course.rules import markers as marker_rules
from course.upstream import exclude_quizzes_from_search, quiz_texts_script, take_quiz_texts, tidy_quiz_page

STRINGS = (ROOT / "data" / "strings.yml").read_text(encoding="utf-8")
NAV = ["index.md", {"Módulos": ["modulos/sms.md", "modulos/email.md"]}, "autoevaluacion.md"]
MARKER = "<!-- self-assessment -->"
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


def course_of(sources: dict[str, str], **settings):
    """A course made of these pages (path in docs/ → text), read as the build reads it."""
    return build_course(ROOT, Settings(nav=NAV, **settings), sources, {"strings.yml": STRINGS})


def page_of(text: str, src_uri: str = "x.es.md"):
    return course_of({src_uri: text}).pages[src_uri]


def messages(problems) -> list[str]:
    return [str(problem) for problem in problems]


def problems_of(text: str, src_uri: str = "x.es.md") -> list[str]:
    """What the build says about the questions of one page."""
    return messages(block_rules.block_mistakes(course_of({src_uri: text})))


def quiz(body: str) -> str:
    """A page with one quiz around ``body``, starting on line 3."""
    return f"# T\n\n<quiz>\n{body}\n</quiz>\n"


# ── Reading quizzes ───────────────────────────────────────────────────────────


def test_reads_questions_answers_feedback_and_explanation_with_their_lines():
    page = page_of(GOOD, "modulos/sms.es.md")
    assert page.block_problems == [] and page.markers == {}
    first, second = page.quizzes
    assert (first.file, first.line, first.end, first.question) == (
        "docs/modulos/sms.es.md", 9, 17, ("¿Cuántos caracteres caben en un SMS con «día»?",))
    assert [(a.text, a.correct, a.line, a.feedback) for a in first.answers] == [
        ("160", False, 11, ()), ("70", True, 12, ("Correcto: la í pasa el mensaje a UCS-2.",)), ("153", False, 14, ())]
    assert first.explanation == ("La «í» no está en GSM-7. Mira [la tabla](tabla.md#gsm) y [la ley](../ley.md).",)
    assert (first.multiple, first.correct_positions, first.valid) == (False, (2,), True)
    assert second.question == ("¿Qué letras mantienen el SMS en 160 caracteres?", "Marca todas las correctas.")
    assert (second.multiple, second.correct_positions) == (True, (1, 2))
    assert second.explanation[-1] == "```" and "<quiz>" in second.explanation  # code inside a quiz is its own


def test_ignores_quizzes_and_markers_inside_fenced_code():
    page = page_of("# T\n\n~~~~\n<quiz>\n¿?\n</quiz>\n<!-- self-assessment -->\n~~~~\n\n```\n</quiz>\n```\n")
    assert (page.quizzes, page.markers, page.block_problems) == ([], {}, [])


def test_reads_an_indented_quiz_inside_a_block():
    page = page_of('!!! note "Prueba"\n\n    <quiz>\n    ¿Sí?\n    - [x] Sí\n    - [ ] No\n\n    Porque sí.\n    </quiz>\n')
    assert page.block_problems == []
    assert [a.text for a in page.quizzes[0].answers] == ["Sí", "No"]
    assert page.quizzes[0].explanation == ("Porque sí.",)


def test_accepts_a_capital_x_and_blank_lines_between_answers():
    page = page_of(quiz("¿Sí?\n- [X] Sí\n\n- [ ] No\n\nPorque sí."))
    assert page.block_problems == [] and page.quizzes[0].correct_positions == (1,)


def test_a_list_of_links_in_the_explanation_is_not_an_answer():
    assert problems_of(quiz("¿Sí?\n- [x] Sí\n- [ ] No\n\nLee:\n\n- [la ley](ley.md)\n- [BOE][boe]")) == []


def test_links_and_words_inside_a_question_are_seen_by_the_rules():
    # CommonMark reads <quiz> as raw HTML; the plugin renders its inside as Markdown, and so the rules read it.
    page = page_of(quiz("¿Sí?\n- [x] Sí\n- [ ] No\n\nMira [la ley](../ley.md)."))
    assert [(link.line, link.target) for link in page.links] == [(8, "../ley.md")]
    assert any(prose.text == "Mira la ley." and "quiz" in prose.inside for prose in page.scan.prose)


# ── Every message ─────────────────────────────────────────────────────────────

X = "docs/x.es.md"


@pytest.mark.parametrize("text, expected", [
    pytest.param("# T\n\n<quiz>\n¿Sí?\n- [x] Sí\n- [ ] No\n",
                 f"{X}:3: esta pregunta no tiene cierre </quiz>. {HOW}: añade una línea con solo </quiz> "
                 "después de la explicación", id="unclosed"),
    pytest.param("<quiz>\n¿Uno?\n- [x] Sí\n- [ ] No\n\nE.\n<quiz>\n¿Dos?\n- [x] Sí\n- [ ] No\n\nE.\n</quiz>\n",
                 f"{X}:1: esta pregunta no tiene cierre </quiz>. {HOW}: añade una línea con solo </quiz> "
                 "después de la explicación", id="opened inside another"),
    pytest.param("# T\n\n</quiz>\n",
                 f"{X}:3: hay un </quiz> sin su <quiz> de apertura. {HOW}: escribe <quiz> en la línea anterior "
                 "a la pregunta, o borra este </quiz>", id="closing without opening"),
    pytest.param("# T\n\n<quiz> ¿Sí?\n",
                 f"{X}:3: <quiz> comparte la línea con otro texto. {HOW}: deja <quiz> solo en su línea", id="open shares"),
    pytest.param("# T\n\nPorque sí.</quiz>\n",
                 f"{X}:3: </quiz> comparte la línea con otro texto. {HOW}: deja </quiz> solo en su línea",
                 id="close shares"),
    pytest.param(quiz("La capital de Francia es [[París]].\n\n---\nEs París."),
                 f"{X}:3: la pregunta «La capital de Francia es [[París]].» es de rellenar un hueco ([[…]]), "
                 "y en este curso no las usamos: el lector que escribe «Paris» en vez de «París», o la respuesta con "
                 f"otras palabras, ve que ha fallado aunque la sepa. {HOW}: conviértela en una pregunta de opciones: "
                 f"escribe la pregunta y debajo las respuestas, {ANSWERS}, y después de una línea en blanco la "
                 "explicación", id="fill in the blank"),
    pytest.param(quiz("¿Sí?\n- [x] Sí\n- [ ] No\n\n## Explicación\nPorque sí."),
                 f"{X}:8: hay un título (#) dentro de una pregunta. {HOW}: saca el título fuera de "
                 "<quiz> … </quiz>, o quita las # del principio de la línea", id="heading"),
    pytest.param(quiz("- [x] Sí\n- [ ] No\n\nPorque sí."),
                 f"{X}:3: esta pregunta no tiene enunciado. {HOW}: escribe la pregunta en la línea siguiente "
                 "a <quiz>, antes de las respuestas", id="no question"),
    pytest.param(quiz("¿Sí?\n- [x] Sí\n- [ ]\n\nPorque sí."),
                 f"{X}:6: esta respuesta está vacía. {HOW}: escribe el texto de la respuesta después de "
                 "los corchetes", id="empty answer"),
    pytest.param(quiz("¿Sí?\n- [x] Sí\n\n> Bien visto.\n- [ ] No\n\nPorque sí."),
                 f"{X}:7: este comentario (>) está separado de su respuesta por una línea en blanco. {HOW}: "
                 "quita la línea en blanco: el comentario de una respuesta va justo debajo de ella",
                 id="comment apart"),
    pytest.param(quiz("¿Sí?\n- [x] Sí\n- [ ] No\nPorque sí."),
                 f"{X}:7: falta una línea en blanco entre la última respuesta y la explicación. {HOW}: deja una "
                 "línea vacía después de la última respuesta", id="no blank line"),
    pytest.param(quiz("¿Sí?\n- [x] Sí\n- [ ] No\n\nPorque sí.\n- [ ] Tal vez"),
                 f"{X}:9: la respuesta «- [ ] Tal vez» está después de la explicación. {HOW}: pon todas las "
                 "respuestas juntas, justo debajo de la pregunta, y la explicación al final", id="answer after"),
    pytest.param(quiz("¿Sí o no?\n\nPorque sí."),
                 f"{X}:3: la pregunta «¿Sí o no?» no tiene ninguna respuesta y necesita al menos dos. {HOW}: añade "
                 f"respuestas debajo de la pregunta: {ANSWERS}", id="no answer"),
    pytest.param(quiz("¿Sí o no?\n- [x] Sí\n\nPorque sí."),
                 f"{X}:3: la pregunta «¿Sí o no?» tiene solo una respuesta y necesita al menos dos. {HOW}: añade "
                 f"respuestas debajo de la pregunta: {ANSWERS}", id="one answer"),
    pytest.param(quiz("¿Sí o no?\n- [ ] Sí\n- [ ] No\n\nPorque sí."),
                 f"{X}:3: la pregunta «¿Sí o no?» no tiene ninguna respuesta marcada como correcta. {HOW}: "
                 "marca la respuesta correcta con una x entre los corchetes: «- [x] …»", id="none right"),
    pytest.param(quiz("¿Sí o no?\n- [x] Sí\n- [ ] No\n- [ ] Sí\n\nPorque sí."),
                 f"{X}:7: la respuesta «Sí» está repetida (ya está en la línea 5). {HOW}: cambia o borra una de "
                 "las dos: el plugin trata igual dos respuestas con el mismo texto", id="repeated answer"),
    pytest.param(quiz("¿Cuál de estas frases es la que mejor resume lo que has aprendido en este módulo?\n"
                      "- [x] Sí\n- [ ] No"),
                 f"{X}:3: la pregunta «¿Cuál de estas frases es la que mejor resume lo…» no tiene explicación. "
                 f"{HOW}: después de la última respuesta deja una línea en blanco y explica en una o dos frases por "
                 "qué la respuesta correcta lo es", id="no explanation"),
])
def test_every_mistake_in_a_question(text, expected):
    assert problems_of(text) == [expected]


@pytest.mark.parametrize("bad", ["- [y] Quizá", "* [ ] Quizá", "-[ ] Quizá", "  - [ ] Quizá", "- [ ]Quizá",
                                 "- [ x ] Quizá"])
def test_a_malformed_answer(bad):
    assert problems_of(quiz(f"¿Sí?\n- [x] Sí\n{bad}\n- [ ] No\n\nPorque sí.")) == [
        f"{X}:6: la respuesta «{bad.strip()}» está mal escrita. {HOW}: empieza la línea justo así: "
        f"{ANSWERS} (guion, espacio, corchetes con x o con un espacio, espacio y el texto), sin espacios delante"]


@pytest.mark.parametrize("marker", ["<!-- mkdocs-quiz results -->", "<!-- mkdocs-quiz intro -->"])
def test_the_plugins_own_markers_are_refused(marker):
    assert messages(marker_rules.markers(course_of({"x.es.md": f"# T\n\n{marker}\n"}))) == [
        f"{X}:3: el marcador {marker} no se usa en este curso. {HOW}: bórralo: cada pregunta ya guarda "
        "la respuesta y la página de autoevaluación muestra la puntuación"]


def test_a_practice_block_inside_a_question():
    text = quiz('¿Sí?\n- [x] Sí\n- [ ] No\n\nPorque sí.\n\n!!! practice "sms"\n    Hola.')
    assert messages(block_rules.blocks_in_the_wrong_place(course_of({"x.es.md": text}))) == [
        f"{X}:10: hay un bloque de práctica dentro de una pregunta (<quiz> de la línea 3): no funcionaría dentro "
        f"de la pregunta. {HOW}: sácala fuera de <quiz> … </quiz>, por ejemplo justo antes del título de las "
        "preguntas"]


def test_every_problem_of_a_page_is_listed_in_line_order_and_stops_the_build():
    text = (quiz("¿Uno?\n- [ ] Sí\n- [ ] No\n\nE.") + "\n<quiz>\n¿Dos?\n- [x] Sí\n- [ ] No\n</quiz>\n"
            + "\n<!-- mkdocs-quiz intro -->\n")
    course = course_of({"x.es.md": text})
    problems = in_order(block_rules.block_mistakes(course) + marker_rules.markers(course))
    assert [(p.line, p.problem.split(" ")[1]) for p in problems] == [(3, "pregunta"), (11, "pregunta"), (17, "marcador")]
    assert [quiz.valid for quiz in course.pages["x.es.md"].quizzes] == [False, False]
    with pytest.raises(ContentError) as error:
        raise_if_any(problems)
    assert str(error.value).startswith("El contenido tiene 3 error(es)")


# ── Both languages ────────────────────────────────────────────────────────────

ES = quiz("¿Uno?\n- [x] Sí\n- [ ] No\n- [ ] Quizá\n\nE.") + quiz("¿Dos?\n- [x] A\n- [x] B\n- [ ] C\n\nE.")
EN = quiz("One?\n- [x] Yes\n- [ ] No\n- [ ] Maybe\n\nE.") + quiz("Two?\n- [x] A\n- [x] B\n- [ ] C\n\nE.")
SAME = f"{HOW}: las dos versiones deben tener las mismas preguntas, en el mismo orden: añade la que falta o borra la que sobra"


def pair(es: str, en: str) -> list[str]:
    return messages(block_rules.block_translations(course_of({"x.es.md": es, "x.en.md": en})))


def test_matching_translations_pass():
    assert pair(ES, EN) == []


def test_a_translation_with_another_number_of_questions():
    assert pair(ES, quiz("One?\n- [x] Yes\n- [ ] No\n- [ ] Maybe\n\nE.")) == [
        f"{X}:3: esta página tiene 2 pregunta(s) (líneas: 3, 13) y su traducción docs/x.en.md tiene 1 "
        f"(líneas: 3). {SAME}"]
    assert pair("# T\n", quiz("One?\n- [x] Yes\n- [ ] No\n\nE.")) == [
        f"{X}: esta página tiene 0 pregunta(s) (líneas: ninguna) y su traducción docs/x.en.md tiene 1 "
        f"(líneas: 3). {SAME}"]


def test_a_translation_with_another_number_of_answers():
    assert pair(ES, EN.replace("- [ ] Maybe\n", "")) == [
        f"{X}:3: la pregunta 1 («¿Uno?») tiene 3 respuestas aquí y 2 en docs/x.en.md:3. {HOW}: las dos "
        "versiones deben tener las mismas respuestas, en el mismo orden"]


def test_a_translation_with_another_kind_of_question():
    assert pair(ES, EN.replace("- [ ] Maybe", "- [x] Maybe")) == [
        f"{X}:3: la pregunta 1 («¿Uno?») tiene una sola respuesta correcta aquí y varias respuestas "
        f"correctas en docs/x.en.md:3. {HOW}: marca con [x] las mismas respuestas en las dos versiones"]


def test_a_translation_with_the_right_answers_elsewhere():
    en = EN.replace("- [x] Yes\n- [ ] No", "- [ ] Yes\n- [x] No").replace("- [x] B\n- [ ] C", "- [ ] B\n- [x] C")
    assert pair(ES, en) == [
        f"{X}:3: la pregunta 1 («¿Uno?») no tiene las respuestas correctas en el mismo sitio: aquí es la "
        f"primera; en docs/x.en.md:3, la segunda. {HOW}: las respuestas van en el mismo orden en las dos "
        "versiones: marca con [x] las mismas posiciones",
        f"{X}:13: la pregunta 2 («¿Dos?») no tiene las respuestas correctas en el mismo sitio: aquí es la "
        f"primera y la segunda; en docs/x.en.md:13, la primera y la tercera. {HOW}: las respuestas van en el "
        "mismo orden en las dos versiones: marca con [x] las mismas posiciones"]


def test_a_broken_question_is_not_compared_again():
    assert pair(ES, EN.replace("- [x] Yes", "- [ ] Yes")) == []


# ── Question ids ──────────────────────────────────────────────────────────────


def question_ids(text: str) -> dict[str, str]:
    return {" ".join(q.question): q.id for q in page_of(text, "modulos/sms.es.md").quizzes}


BEFORE = question_ids(ES)
THIRD = quiz("¿Tres?\n- [x] Sí\n- [ ] No\n\nE.")


@pytest.mark.parametrize("change, edited", [
    ("a question inserted above", THIRD + ES),
    ("a question removed", ES.split("</quiz>\n", 1)[1]),
    ("questions reordered", ES.split("</quiz>\n", 1)[1] + ES.split("</quiz>\n", 1)[0] + "</quiz>\n"),
    ("another question's typo fixed", ES.replace("¿Uno?", "¿Uno o ninguno?")),
    ("answers changed", ES.replace("- [ ] Quizá\n", "- [ ] Tal vez\n- [ ] Nunca\n")),
])
def test_a_questions_id_does_not_change_when_other_questions_change(change, edited):
    after = question_ids(edited)
    kept = set(BEFORE) & set(after)
    assert kept, change
    assert {q: after[q] for q in kept} == {q: BEFORE[q] for q in kept}, change


def test_questions_have_the_default_languages_ids_in_both_languages():
    course = course_of({"modulos/sms.es.md": ES, "modulos/sms.en.md": EN})
    spanish = [q.id for q in course.pages["modulos/sms.es.md"].quizzes]
    assert spanish == [q.id for q in course.pages["modulos/sms.en.md"].quizzes] == list(BEFORE.values())
    assert len(set(spanish)) == 2 and all(re.fullmatch(r"sms/q-[0-9a-f]{10}", q) for q in spanish)


# ── Modules and the self-assessment marker ───────────────────────────────────


def test_a_module_needs_questions_under_a_quiz_heading():
    def module_problems(text: str) -> list[str]:
        return messages(block_rules.module_blocks(course_of({"modulos/m.es.md": text})))

    assert module_problems("# M\n") == [
        "docs/modulos/m.es.md:1: este módulo no tiene preguntas (<quiz>) y la autoevaluación toma las primeras "
        f"de cada módulo. {HOW}: añade al menos una pregunta bajo el título «## Pon a prueba lo aprendido "
        "{ #quiz }»"]
    assert module_problems("# M\n\n## Test\n\n<quiz>\n¿Sí?\n- [x] Sí\n- [ ] No\n\nE.\n</quiz>\n") == [
        "docs/modulos/m.es.md:5: las preguntas de este módulo no están bajo un título que acabe en { #quiz }, "
        f"y la autoevaluación enlaza a esa sección. {HOW}: pon las preguntas bajo un título así: ## Pon a prueba "
        "lo aprendido { #quiz }"]
    assert module_problems(GOOD) == []
    # Other pages may have questions or not.
    assert block_rules.module_blocks(course_of({"otra.es.md": "# Otra\n"})) == []


def marker_problems(sources: dict[str, str]) -> list[str]:
    return messages(marker_rules.markers(course_of(sources)))


SELF = {"autoevaluacion.es.md": f"# Autoevaluación\n\n{MARKER}\n", "autoevaluacion.en.md": f"# Test\n\n{MARKER}\n"}


def test_the_self_assessment_marker_on_one_page_in_both_languages_is_right():
    course = course_of(SELF)
    assert marker_rules.markers(course) == []
    assert course.with_role("self-assessment", "en") is course.pages["autoevaluacion.en.md"]


def test_the_self_assessment_marker_twice():
    assert marker_problems({**SELF, "autoevaluacion.es.md": f"# A\n\n{MARKER}\n\n{MARKER}\n"}) == [
        f"docs/autoevaluacion.es.md:5: el marcador {MARKER} está repetido (ya está en la línea 3). {HOW}: deja "
        "solo uno"]


def test_the_self_assessment_marker_on_two_pages():
    assert marker_problems({**SELF, "x.es.md": f"# T\n\n{MARKER}\n", "x.en.md": f"# T\n\n{MARKER}\n"}) == [
        marker_on_two_pages(MARKER, "la autoevaluación", (f"docs/{page}.{locale}.md", line),
                            (f"docs/{other}.{locale}.md", other_line))
        for page, line, other, other_line in (("autoevaluacion", 3, "x", 3), ("x", 3, "autoevaluacion", 3))
        for locale in ("en", "es")]


def test_the_self_assessment_marker_in_one_language_only():
    assert marker_problems({**SELF, "autoevaluacion.es.md": "# Autoevaluación\n"}) == [
        f"docs/autoevaluacion.es.md:1: docs/autoevaluacion.en.md tiene el marcador {MARKER} y su traducción "
        f"docs/autoevaluacion.es.md no. {HOW}: pon {MARKER} en las dos versiones de la página, en el mismo sitio"]


@pytest.mark.parametrize("written", ["<!-- self assessment -->", "<!-- selfassessment -->", "<!-- Self_Assessment -->"])
def test_a_misspelt_self_assessment_marker(written):
    assert marker_problems({**SELF, "autoevaluacion.es.md": f"# A\n\n{MARKER}\n\n{written}\n"}) == [
        f"docs/autoevaluacion.es.md:5: el marcador «{written}» no existe. {HOW}: escribe exactamente {MARKER}, "
        "solo en su línea"]


# ── Writing a question again for the self-assessment page ────────────────────


def test_a_question_written_back_as_markdown_reads_the_same():
    for original in page_of(GOOD, "modulos/sms.es.md").quizzes:
        copy_page = page_of(qz.quiz_markdown(original, from_uri="modulos/sms.es.md", to_uri="modulos/y.es.md"),
                            "modulos/y.es.md")
        assert copy_page.block_problems == []
        [copy] = copy_page.quizzes
        assert (copy.question, copy.explanation) == (original.question, original.explanation)
        assert [(a.text, a.correct, a.feedback) for a in copy.answers] == \
            [(a.text, a.correct, a.feedback) for a in original.answers]


def test_a_review_block_goes_after_the_explanation_inside_the_question():
    [first] = page_of(quiz("¿Sí?\n- [x] Sí\n- [ ] No\n\nPorque sí."), "modulos/sms.es.md").quizzes
    written = qz.quiz_markdown(first, from_uri="modulos/sms.es.md", to_uri="autoevaluacion.es.md",
                               after='<p class="r">Repasa</p>')
    assert written == "<quiz>\n¿Sí?\n- [x] Sí\n- [ ] No\n\nPorque sí.\n\n<p class=\"r\">Repasa</p>\n</quiz>"


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
    assert rebase(f"Mira {link}.", "modulos/sms.es.md", "autoevaluacion.es.md") == f"Mira {rebased}."


# ── The plugin: settings, texts and markup ───────────────────────────────────


def plugin_options() -> dict:
    plugins = load_mkdocs_yml()["plugins"]
    return next(p["mkdocs_quiz"] for p in plugins if isinstance(p, dict) and "mkdocs_quiz" in p)


def test_the_sites_plugin_settings_are_the_ones_the_hook_expects():
    plugins = load_mkdocs_yml()["plugins"]
    names = [next(iter(p)) if isinstance(p, dict) else p for p in plugins]
    assert names.index("mkdocs_quiz") == names.index("i18n") + 1
    assert data_rules.settings(course_of({}, quiz_options=plugin_options())) == []
    assert plugin_options()["custom_translations"] == {"es": "data/quiz-es.po", "en": "data/quiz-en.po"}


def test_wrong_plugin_settings_are_named():
    assert messages(data_rules.settings(course_of({}, quiz_options=None))) == [
        f"mkdocs.yml: falta el plugin mkdocs_quiz en 'plugins:'. {HOW}: añade  - mkdocs_quiz:  después de i18n, "
        "con las opciones que explica hooks/quizzes.py"]
    assert messages(data_rules.settings(course_of({}, quiz_options={**plugin_options(), "enabled_by_default": True}))) == [
        "mkdocs.yml: la opción 'enabled_by_default' de mkdocs_quiz debe ser false: las páginas sin preguntas no "
        f"deben cargar el CSS ni el JavaScript del plugin. {HOW}: escribe  enabled_by_default: false  en la "
        "sección mkdocs_quiz de plugins"]


def _plugin_file(name: str) -> str:
    from importlib.resources import files

    return str(files("mkdocs_quiz") / name)


def test_spanish_texts_translate_every_text_of_the_plugin_plainly():
    source = polib.pofile(_plugin_file("locales/mkdocs_quiz.pot"))
    spanish = {entry.msgid: entry.msgstr for entry in polib.pofile(str(ROOT / "data/quiz-es.po"))}
    assert {entry.msgid for entry in source} <= {key for key, text in spanish.items() if text}
    assert spanish["Submit"] == "Comprobar" and spanish["Try Again"] == "Volver a intentarlo"
    for text in spanish.values():  # tú, no school words, no gender guessed
        assert not re.search(r"\b(usted|cuestionario|seguro|Enviar)\b", text), text
    english = {entry.msgid: entry.msgstr for entry in polib.pofile(str(ROOT / "data/quiz-en.po"))}
    assert english["Submit"] == "Check"


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
    assert quiz_html in tidy and tidy.endswith('</article><script src="a.js" defer></script></body></html>')
    assert tidy_quiz_page(tidy, plugin_style=style) == tidy


def test_the_plugins_words_leave_the_page_for_one_file_per_language():
    texts = {"Submit": "Comprobar", "Try Again": "Volver a intentarlo", "tricky": "}; </script"}
    page = ('<p>a</p><script type="text/javascript">\n  window.mkdocsQuizTranslations = '
            f'{json.dumps(texts, ensure_ascii=False)};\n  </script><p>b</p>')
    assert take_quiz_texts(page) == ("<p>a</p><p>b</p>", texts)
    assert take_quiz_texts("<p>a</p>") == ("<p>a</p>", None)
    script = quiz_texts_script(texts)
    assert script.startswith("window.mkdocsQuizTranslations=") and json.loads(script[len("window.mkdocsQuizTranslations="):-2]) == texts
    with pytest.raises(ValueError, match="not in the script"):
        take_quiz_texts('<script>window.mkdocsQuizTranslations = ["a"]</p>')


def test_the_plugin_script_leaves_the_page_and_quizzes_stay_out_of_search():
    """overrides/main.html loads the plugin's code as a file, when the reader nears a question."""
    from mkdocs_quiz.plugin import js_script, style

    page = f'<article><div class="quiz" id="quiz-0"></div></article>{js_script}'
    tidy = tidy_quiz_page(page, plugin_style=style, plugin_script=js_script)
    assert tidy == '<article><div class="quiz" id="quiz-0"></div></article>'
    excluded = exclude_quizzes_from_search(page)
    assert '<div class="quiz" data-search-exclude id="quiz-0">' in excluded
    assert exclude_quizzes_from_search(excluded) == excluded


# ── The fixture site, built ──────────────────────────────────────────────────

SMS_QUIZZES = {
    "es": ("## Pon a prueba lo aprendido { #quiz }\n\n<quiz>\n¿Qué necesitas para enviar una oferta por SMS?\n"
           "- [ ] Nada.\n- [x] El permiso del cliente.\n> Eso es.\n\nSin permiso no puedes enviar ofertas. Repasa la "
           "[lista](#checklist) y el [módulo de email](email.md#checklist).\n</quiz>\n\n"
           "<quiz>\n¿Cuántos caracteres caben en un SMS sin tildes?\n- [x] 160\n- [ ] 500\n\n"
           "Con el alfabeto GSM-7 caben 160.\n</quiz>\n\n"
           "<quiz>\n¿Puedes enviar ofertas a quien pidió la baja?\n- [ ] Sí.\n- [x] No.\n\n"
           "Quien pide la baja no recibe más ofertas.\n</quiz>\n"),
    "en": ("## Test yourself { #quiz }\n\n<quiz>\nWhat do you need to send an offer by SMS?\n"
           "- [ ] Nothing.\n- [x] The customer's permission.\n> That's it.\n\nWithout permission you cannot send "
           "offers. Go over the [checklist](#checklist) and the [email module](email.md#checklist).\n</quiz>\n\n"
           "<quiz>\nHow many characters fit in an SMS without accents?\n- [x] 160\n- [ ] 500\n\n"
           "With the GSM-7 alphabet, 160 fit.\n</quiz>\n\n"
           "<quiz>\nCan you send offers to someone who opted out?\n- [ ] Yes.\n- [x] No.\n\n"
           "Someone who opts out gets no more offers.\n</quiz>\n"),
}


def _sms_with_three_questions(locale: str) -> tuple[str, str, str]:
    text = (ROOT / "tests/fixtures/site/docs/modulos" / f"sms.{locale}.md").read_text(encoding="utf-8")
    start = text.index("## Pon a prueba" if locale == "es" else "## Test yourself")
    end = text.index("</quiz>\n", start) + len("</quiz>\n")
    return (f"docs/modulos/sms.{locale}.md", text[start:end], SMS_QUIZZES[locale])


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture site with three questions in the SMS module (one with feedback and links)."""
    folder = tmp_path_factory.mktemp("quizzes")
    built = build_site(make_site(folder / "src", replace=[_sms_with_three_questions("es"),
                                                           _sms_with_three_questions("en")]), folder / "site")
    assert built.ok, built.log
    return built.site


def html_of(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def body_of(html: str) -> str:
    return html[html.index("<body"):]


def article_of(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


@pytest.mark.parametrize("page", ["", "en/", "mi-progreso/", "en/notas-formacion/"])
def test_a_page_without_questions_carries_nothing_of_the_plugin(fixture_site, page):
    html = html_of(fixture_site, page)
    for trace in ("mkdocs-quiz.css", "quizzes.css", "quizzes.js", "mkdocs-quiz.js", "mkdocsQuiz", 'class="quiz"',
                  "quiz-progress"):
        assert trace not in html, trace


@pytest.mark.parametrize(("prefix", "check", "review"), [
    ("", "Comprobar", "Repasa el módulo"), ("en/", "Check", "Review the module")])
def test_a_page_with_questions_gets_valid_markup_in_its_language(fixture_site, prefix, check, review):
    html = html_of(fixture_site, f"{prefix}modulos/sms")
    locale = "en" if prefix else "es"
    head, body = html[:html.index("<body")], body_of(html)
    assert head.index("mkdocs-quiz.css") < head.index("quizzes.css")
    up = "../" * (2 + prefix.count("/"))
    # Loaded when the reader nears a question: ours first, which hands the plugin the saved answers.
    assert (f'data-scripts="{up}assets/javascripts/quizzes.js {up}assets/javascripts/quiz-texts.{locale}.js '
            f'{up}assets/javascripts/mkdocs-quiz.js"') in body
    # The plugin's words: once per language, in a file the browser keeps, not in every page.
    assert "mkdocsQuizTranslations" not in html
    words = (fixture_site / f"assets/javascripts/quiz-texts.{locale}.js").read_text(encoding="utf-8")
    assert words.startswith("window.mkdocsQuizTranslations={")
    assert json.loads(words.removeprefix("window.mkdocsQuizTranslations=").rstrip(";\n"))["Submit"] == check
    assert "<script src=" not in body.split('class="md-content"', 1)[1].split("</article>", 1)[0]
    assert body.count('<div class="quiz"') == 3
    assert body.count(f'<button type="submit" class="quiz-button">{check}</button>') == 3
    assert body.count('<div class="quiz" data-search-exclude') == 3
    assert "<style" not in body and "<canvas" not in body and 'id="quiz-progress-sidebar"' not in body
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*\b(defer|type=\"text/javascript\")", body)
    assert "<h4" not in body
    assert review not in body  # back-links are for the self-assessment page only
    assert (fixture_site / "assets/stylesheets/mkdocs-quiz.css").read_text().startswith(".quiz{")


QUESTION = re.compile(r'<div class="quiz-question" id="quiz-\d+-question">\s*<p>(.*?)</p>')


@pytest.mark.parametrize(("prefix", "questions", "review", "heading", "score"), [
    ("", ["¿Qué necesitas para enviar una oferta por SMS?", "¿Cuántos caracteres caben en un SMS sin tildes?",
          "¿Qué necesitas para enviar un boletín con ofertas?"],
     ("Repasa el módulo «SMS para tu tienda»", "Repasa el módulo «Email para tu tienda»"),
     "Tu resultado", "Has acertado {correct} de {total}."),
    ("en/", ["What do you need to send an offer by SMS?", "How many characters fit in an SMS without accents?",
             "What do you need to send a newsletter with offers?"],
     ("Review the module “SMS for your shop”", "Review the module “Email for your shop”"),
     "Your result", "You got {correct} of {total} right."),
])
def test_the_self_assessment_shows_the_first_two_questions_of_each_module(fixture_site, prefix, questions, review,
                                                                          heading, score):
    html = body_of(html_of(fixture_site, f"{prefix}autoevaluacion"))
    assert QUESTION.findall(html) == questions  # in menu order: sms, then email; the third SMS question is left out
    assert re.findall(r'<h2 id="([^"]+)"', html) == ["sms", "email", "score"]
    assert html.count(f'<a href="../modulos/sms/#quiz">{review[0]}</a>') == 2
    assert html.count(f'<a href="../modulos/email/#quiz">{review[1]}</a>') == 1
    assert f">{heading}<" in html and f'data-score="{score}"' in html
    assert MARKER not in html
    assert "<blockquote" not in html  # an answer's comment is the plugin's feedback, not a quote


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_links_in_the_questions_work_from_the_self_assessment_page(fixture_site, prefix):
    html = article_of(html_of(fixture_site, f"{prefix}autoevaluacion"))
    links = re.findall(r'<a href="(\.\./modulos/[^"]+)"', html)
    assert {"../modulos/sms/#checklist", "../modulos/email/#checklist", "../modulos/sms/#quiz",
            "../modulos/email/#quiz"} == set(links)
    for href in links:
        path, anchor = href.split("#")
        target = fixture_site / posixpath.normpath(posixpath.join(f"{prefix}autoevaluacion/", path)) / "index.html"
        assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), href


def test_a_broken_site_fails_the_build_naming_every_problem(tmp_path):
    site = make_site(tmp_path / "src", replace=[
        ("docs/modulos/sms.es.md", "- [x] El permiso del cliente.", "- [ ] El permiso del cliente."),
        ("docs/modulos/email.en.md", "- [ ] Nothing.\n- [x] The customer's permission.",
         "- [x] Nothing.\n- [ ] The customer's permission."),
        ("docs/index.es.md", "<!-- modules -->", f"<!-- modules -->\n\n{MARKER}\n\n<quiz>\nLa capital es [[París]].\n</quiz>"),
    ])
    built = build_site(site, tmp_path / "site")
    assert not built.ok
    lines = [line.strip() for line in built.log.splitlines() if line.strip().startswith("- docs/")]
    assert sorted(lines) == sorted([
        f"- docs/index.en.md:1: docs/index.es.md tiene el marcador {MARKER} y su traducción docs/index.en.md no. "
        f"{HOW}: pon {MARKER} en las dos versiones de la página, en el mismo sitio",
        "- " + marker_on_two_pages(MARKER, "la autoevaluación", ("docs/autoevaluacion.es.md", 10), ("docs/index.es.md", 16)),
        "- " + marker_on_two_pages(MARKER, "la autoevaluación", ("docs/index.es.md", 16), ("docs/autoevaluacion.es.md", 10)),
        "- docs/index.es.md:18: la pregunta «La capital es [[París]].» es de rellenar un hueco ([[…]]), y en este "
        "curso no las usamos: el lector que escribe «Paris» en vez de «París», o la respuesta con otras palabras, "
        f"ve que ha fallado aunque la sepa. {HOW}: conviértela en una pregunta de opciones: escribe la pregunta y "
        f"debajo las respuestas, {ANSWERS}, y después de una línea en blanco la explicación",
        "- docs/index.es.md:18: esta página tiene 1 pregunta(s) (líneas: 18) y su traducción docs/index.en.md "
        f"tiene 0 (líneas: ninguna). {SAME}",
        "- docs/modulos/email.es.md:55: la pregunta 1 («¿Qué necesitas para enviar un boletín con ofertas?») no "
        "tiene las respuestas correctas en el mismo sitio: aquí es la segunda; en docs/modulos/email.en.md:55, la "
        f"primera. {HOW}: las respuestas van en el mismo orden en las dos versiones: marca con [x] las mismas "
        "posiciones",
        "- docs/modulos/sms.es.md:55: la pregunta «¿Qué necesitas para enviar una oferta por SMS?» no tiene ninguna "
        f"respuesta marcada como correcta. {HOW}: marca la respuesta correcta con una x entre los corchetes: «- [x] …»",
    ])
