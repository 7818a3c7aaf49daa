"""Editor mistakes with practice blocks and SMS examples stop `make check` and the build with one plain message.

In the style of tests/test_rules.py: each mistake is made on a copy of tests/fixtures/site, and the
exact messages of `make check` are found in the build's output too. Correct blocks and examples build,
and the built pages show the tools and the examples' counts.
"""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, build_site, make_site
from test_rules import HOW, Mistake, assert_refused, check, with_mistakes

M, MEN = "docs/modulos/sms.es.md", "docs/modulos/sms.en.md"
STEPS, STEPS_EN = "Pide permiso y escribe un mensaje corto.", "Ask for permission and write a short message."
EXAMPLE = "```sms\nZapatos Ana: rebajas hasta el 31/01.\n```"  # 36 characters in GSM-7, 1 SMS
ACCENTED = "```sms\nZapatos Ana: rebajas hasta el sábado.\n```"  # 37 characters in UCS-2, 1 SMS
CLAIM_FIX = (f"{HOW} corrige la cifra de la frase o cambia el ejemplo, para que digan lo mismo (160, 153, 70 y 67 "
             "son límites y no se comprueban; si la cifra no habla de este ejemplo, escríbela con letras)")


def steps(spanish: str, english: str | None = None) -> list[tuple[str, str, str]]:
    """Text added after the fixture module's steps paragraph (line 29), in Spanish and English."""
    edits = [(M, STEPS, f"{STEPS}\n\n{spanish}")]
    if english is not None:
        edits.append((MEN, STEPS_EN, f"{STEPS_EN}\n\n{english}"))
    return edits


MISTAKES = {
    'sms-example-wrong-character-count': Mistake(
        replace=steps(f"Este SMS tiene 40 caracteres:\n\n{EXAMPLE}",
                      f"This SMS has 36 characters:\n\n{EXAMPLE}"),
        expected=[
            'docs/modulos/sms.es.md:31: la frase «Este SMS tiene 40 caracteres:» dice que el ejemplo de SMS de la '
            'línea 33 tiene 40 caracteres, pero tiene 36: el contador del curso cuenta 36 caracteres en GSM-7, 1 SMS. '
            + CLAIM_FIX,
        ]),
    'sms-example-wrong-parts-after-it': Mistake(
        replace=steps(f"Mira este SMS:\n\n{ACCENTED}\n\nLa «á» lo pasa a UCS-2,\ny por eso se parte en dos SMS.",
                      f"Look at this SMS:\n\n{ACCENTED}\n\nThe «á» switches it to UCS-2, yet it fits in one SMS."),
        expected=[
            'docs/modulos/sms.es.md:38: la frase «La «á» lo pasa a UCS-2, y por eso se parte en dos SMS.» dice que el '
            'ejemplo de SMS de la línea 33 ocupa 2 SMS, pero ocupa 1: el contador del curso cuenta 37 caracteres en '
            'UCS-2, 1 SMS; «á» lo pasa a UCS-2. ' + CLAIM_FIX,
        ]),
    'sms-example-wrong-alphabet': Mistake(
        replace=steps(f"Mira este SMS:\n\n{ACCENTED}\n\nSon 37 caracteres en GSM-7.",
                      f"Look at this SMS:\n\n{ACCENTED}\n\nThat is 37 characters in UCS-2."),
        expected=[
            'docs/modulos/sms.es.md:37: la frase «Son 37 caracteres en GSM-7.» dice que el ejemplo de SMS de la línea '
            '33 va en GSM-7, pero va en UCS-2: el contador del curso cuenta 37 caracteres en UCS-2, 1 SMS; «á» lo '
            'pasa a UCS-2. ' + CLAIM_FIX,
        ]),
    'sms-example-claims-between-two-examples': Mistake(
        replace=steps(f"Mira:\n\n{ACCENTED}\n\nSe parte en dos SMS. Sin la tilde son 35 caracteres:\n\n{EXAMPLE}",
                      f"Look:\n\n{ACCENTED}\n\nIt fits in one SMS. Without the accent, 36 characters:\n\n{EXAMPLE}"),
        expected=[
            'docs/modulos/sms.es.md:37: la frase «Se parte en dos SMS.» dice que el ejemplo de SMS de la línea 33 '
            'ocupa 2 SMS, pero ocupa 1: el contador del curso cuenta 37 caracteres en UCS-2, 1 SMS; «á» lo pasa a '
            'UCS-2. ' + CLAIM_FIX,
            'docs/modulos/sms.es.md:37: la frase «Sin la tilde son 35 caracteres:» dice que el ejemplo de SMS de la '
            'línea 39 tiene 35 caracteres, pero tiene 36: el contador del curso cuenta 36 caracteres en GSM-7, 1 SMS. '
            + CLAIM_FIX,
        ]),
    'sms-example-empty': Mistake(
        replace=steps("```sms\n```", "```sms\n```"),
        expected=[
            f'docs/modulos/sms.en.md:31: el ejemplo de SMS (```sms) está vacío. {HOW} escribe el SMS entre las dos '
            'líneas ``` , o borra el ejemplo',
            f'docs/modulos/sms.es.md:31: el ejemplo de SMS (```sms) está vacío. {HOW} escribe el SMS entre las dos '
            'líneas ``` , o borra el ejemplo',
        ]),
    'sms-example-in-a-trainer-note': Mistake(
        replace=[(M, "    Pregunta a la sala quién envía hoy mensajes a sus clientes.",
                  "    Pregunta a la sala quién envía hoy mensajes a sus clientes.\n\n    ```sms\n    Hola\n    ```"),
                 (MEN, "    Ask who in the room sends messages to customers today.",
                  "    Ask who in the room sends messages to customers today.\n\n    ```sms\n    Hola\n    ```")],
        expected=[
            f'docs/modulos/sms.en.md:27: el ejemplo de SMS (```sms) está dentro de una nota para formadores, y ahí no '
            f'se puede mostrar con su cuenta. {HOW} sácalo del bloque, o márcalo como texto normal: ```text',
            f'docs/modulos/sms.es.md:27: el ejemplo de SMS (```sms) está dentro de una nota para formadores, y ahí no '
            f'se puede mostrar con su cuenta. {HOW} sácalo del bloque, o márcalo como texto normal: ```text',
        ]),
    'sms-example-in-one-language-only': Mistake(
        replace=steps(EXAMPLE),
        expected=[
            'docs/modulos/sms.en.md:1: esta página tiene 0 ejemplos de SMS (```sms) y la otra versión, '
            f'docs/modulos/sms.es.md, tiene 1. {HOW} las dos versiones deben tener los mismos ejemplos de SMS, en el '
            'mismo orden: marca con ```sms los mismos ejemplos en las dos',
        ]),
    'email-subject-unknown-line': Mistake(
        replace=steps('!!! practice "email-subject"\n    De: Zapatos Ana\n    Título: Rebajas',
                      '!!! practice "email-subject"\n    From: Zapatos Ana\n    Subject: Rebajas'),
        expected=[
            'docs/modulos/sms.es.md:33: la línea «Título: Rebajas» del bloque de práctica «email-subject» no empieza '
            f'por «De:», «Asunto:» ni «Vista previa:». {HOW} empieza cada línea por una de esas palabras y dos puntos, '
            'por ejemplo: Asunto: Reserva ya tu roscón de Reyes',
        ]),
    'email-subject-field-twice': Mistake(
        replace=steps('!!! practice "email-subject"\n    Asunto: Rebajas\n    Asunto: Rebajas de enero',
                      '!!! practice "email-subject"\n    Subject: Rebajas'),
        expected=[
            'docs/modulos/sms.es.md:33: el bloque de práctica «email-subject» ya tiene «Asunto:» en la línea 32. '
            f'{HOW} deja una sola línea de cada: De:, Asunto: y Vista previa:',
        ]),
    'crisis-triage-with-text-and-without-its-sections': Mistake(
        replace=steps('!!! practice "crisis-triage"\n    ¿Es una crisis?', '!!! practice "crisis-triage"'),
        expected=[
            'docs/modulos/sms.en.md:31: el diagnóstico de una crisis enlaza a las secciones { #steps-alert-levels }, '
            '{ #steps-first-hours }, { #steps-model-replies } de su página, y en esta faltan { #steps-alert-levels }, '
            '{ #steps-first-hours }, { #steps-model-replies }. ' + HOW + ' ponlo en el módulo de crisis, que tiene '
            'esas secciones, o añade aquí los títulos con esas anclas',
            'docs/modulos/sms.es.md:31: el diagnóstico de una crisis enlaza a las secciones { #steps-alert-levels }, '
            '{ #steps-first-hours }, { #steps-model-replies } de su página, y en esta faltan { #steps-alert-levels }, '
            '{ #steps-first-hours }, { #steps-model-replies }. ' + HOW + ' ponlo en el módulo de crisis, que tiene '
            'esas secciones, o añade aquí los títulos con esas anclas',
            'docs/modulos/sms.es.md:32: el bloque de práctica «crisis-triage» no lleva texto debajo: sus preguntas y '
            f'resultados están en data/strings.yml (los textos triage_…). {HOW} borra las líneas de debajo de !!! '
            'practice "crisis-triage"',
        ]),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_each_mistake_stops_make_check_and_the_build_with_the_same_plain_message(name, tmp_path):
    assert_refused(with_mistakes(tmp_path / "site", MISTAKES[name]), MISTAKES[name].expected)


# ── Correct blocks and examples build, and show what a merchant needs ──────

RIGHT = steps(
    f"Este SMS tiene 36 caracteres:\n\n{EXAMPLE}\n\nCabe en un SMS. Con «sábado» serían 37 caracteres en UCS-2:\n\n"
    f"{ACCENTED}\n\nSigue cabiendo en un SMS, de hasta 70 caracteres.\n\n"
    '!!! practice "sms"\n    Zapatos Ana: rebajas hasta el 31/01. Ven a vernos. Baja: zapatosana.es/baja\n\n'
    '!!! practice "email-subject"\n    De: Zapatos Ana\n    Asunto: Rebajas de enero\n    Vista previa: Hasta el 31.',
    f"This SMS has 36 characters:\n\n{EXAMPLE}\n\nIt fits in one SMS. With «sábado» it would be 37 characters in "
    f"UCS-2:\n\n{ACCENTED}\n\nStill one SMS, which holds up to 70 characters.\n\n"
    '!!! practice "sms"\n    Zapatos Ana: rebajas hasta el 31/01. Ven a vernos. Baja: zapatosana.es/baja\n\n'
    '!!! practice "email-subject"\n    From: Zapatos Ana\n    Subject: Rebajas de enero\n    Preview: Hasta el 31.')


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = make_site(tmp_path_factory.mktemp("practice") / "site", replace=RIGHT)
    assert check(site) == []
    result = build_site(site)
    assert result.ok, result.log
    return result


def test_right_examples_and_blocks_build_and_show_the_count_beside_each_example(built):
    for page, words in (("modulos/sms/index.html", ("caracteres", "Pasa a UCS-2 por: á.")),
                        ("en/modulos/sms/index.html", ("characters", "In UCS-2 because of: á."))):
        html = (built.site / page).read_text(encoding="utf-8")
        summaries = re.findall(r'<span class="digicom-sms-example__summary">([^<]*)</span>', html)
        assert summaries == [f"36 {words[0]} · GSM-7 · 1 SMS", f"37 {words[0]} · UCS-2 · 1 SMS"]
        assert words[1] in html
        assert 'el s<mark class="digicom-sms-text__ucs2">á</mark>bado.' in html
        assert "```sms" not in html and "language-sms" not in html
        assert 'data-practice-start="Zapatos Ana: rebajas hasta el 31/01. Ven a vernos. Baja: zapatosana.es/baja"' in html
        assert 'data-practice-start-subject="Rebajas de enero"' in html and 'data-practice-start-from="Zapatos Ana"' in html
        assert html.count("assets/javascripts/practice.js") == 1 and html.count("assets/stylesheets/practice.css") == 1


def test_pages_without_a_tool_load_neither_its_script_nor_its_styles(built):
    for page in ("index.html", "modulos/email/index.html", "en/modulos/email/index.html"):
        html = (built.site / page).read_text(encoding="utf-8")
        assert "practice.js" not in html and "practice.css" not in html


def test_an_example_without_a_tool_loads_the_styles_only(tmp_path):
    site = make_site(tmp_path / "site", replace=steps(EXAMPLE, EXAMPLE))
    result = build_site(site)
    assert result.ok, result.log
    html = (result.site / "modulos/sms/index.html").read_text(encoding="utf-8")
    assert "practice.css" in html and "practice.js" not in html


def test_the_euro_sign_of_an_example_is_marked_as_counting_double(tmp_path):
    euro = "```sms\nCorte por 25 € hasta el 31/03.\n```"
    site = make_site(tmp_path / "site", replace=steps(f"Son 31 caracteres, contando el € como dos:\n\n{euro}",
                                                      f"That is 31 characters, counting the € as two:\n\n{euro}"))
    assert check(site) == []
    result = build_site(site)
    assert result.ok, result.log
    html = (result.site / "modulos/sms/index.html").read_text(encoding="utf-8")
    assert 'Corte por 25 <mark class="digicom-sms-text__double">€</mark> hasta el 31/03.' in html
    assert "31 caracteres · GSM-7 · 1 SMS" in html and "Cuentan doble en GSM-7: €." in html


# ── The guides show the messages the checks print ──────────────────────────

@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "CONTRIBUTING.en.md"])
def test_the_guides_section_on_practice_blocks_quotes_real_messages(guide):
    text = (ROOT / guide).read_text(encoding="utf-8")
    heading = "## Herramientas de práctica y ejemplos de SMS" if ".en." not in guide else \
        "## Practice tools and SMS examples"
    start = text.index(heading)
    section = text[start:text.find("\n## ", start + len(heading))]
    quoted = re.findall(r"^    (docs/\S+:\d+: .+)$", section, re.MULTILINE) + \
        re.findall(r"^(docs/\S+:\d+: .+)$", section, re.MULTILINE)
    printed = [message for mistake in MISTAKES.values() for message in mistake.expected]
    assert quoted, f"{guide}: the section shows no message"
    for message in quoted:
        assert message in printed, f"{guide} shows a message the checks never print: {message}"


# ── The real modules ─────────────────────────────────────────────────────────

def test_a_wrong_count_in_the_real_sms_module_stops_make_check_with_its_file_and_line(tmp_path):
    import shutil

    site = tmp_path / "site"
    for folder in ("docs", "data"):
        shutil.copytree(ROOT / folder, site / folder)
    shutil.copyfile(ROOT / "mkdocs.yml", site / "mkdocs.yml")
    page = site / M
    text = page.read_text(encoding="utf-8")
    line = text[:text.index("Este mensaje tiene 77 caracteres:")].count("\n") + 1
    example = line + 2
    assert check(site) == []
    page.write_text(text.replace("Este mensaje tiene 77 caracteres:", "Este mensaje tiene 75 caracteres:"),
                    encoding="utf-8")
    assert check(site) == [
        f"docs/modulos/sms.es.md:{line}: la frase «Este mensaje tiene 75 caracteres:» dice que el ejemplo de SMS de la "
        f"línea {example} tiene 75 caracteres, pero tiene 77: el contador del curso cuenta 77 caracteres en UCS-2, 2 "
        "SMS; «á» lo pasa a UCS-2. " + CLAIM_FIX]
    assert (site / M).read_text(encoding="utf-8").split("\n")[example - 1] == "```sms"
