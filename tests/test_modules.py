"""Front matter: each mistake in a page's or a module's data gives one message with file, line and fix,
and the build stops on it (course.rules.pages over a course model built in memory)."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import build_site, make_site
from course import rules
from course.model import Settings, build_course
from course.problems import ContentError, raise_if_any
from course.rules.pages import front_matter_translations, module_fields, page_fields

TODAY = dt.date(2026, 11, 22)
FILE = "docs/modulos/sms.es.md"
HOW = "Cómo arreglarlo / How to fix it"
GOOD = """---
title: SMS para tu tienda
description: Cuándo y cómo enviar SMS a tus clientes.
duration: 20
level: basic
objectives:
  - Decidir cuándo usar un SMS.
  - Pedir permiso.
  - Escribir un mensaje corto.
last_reviewed: 2026-11-01
sources:
  - title: "Ley 34/2002 (LSSI)"
    url: https://www.boe.es/buscar/act.php?id=BOE-A-2002-13758
---
# SMS
"""


def course_of(pages: dict[str, str]):
    return build_course("/nowhere", Settings(), pages, {}, today=TODAY)


def problems_for(text: str, src_uri: str = "modulos/sms.es.md") -> list[str]:
    """What an editor is told about one page's front matter: reading problems first, then its fields."""
    course = course_of({src_uri: text})
    page = course.pages[src_uri]
    if page.read_problems:
        return [str(p) for p in page.read_problems]
    found = page_fields(page, course) + (module_fields(page) if page.is_module else [])
    return [str(p) for p in found]


def test_a_complete_module_has_no_problem():
    assert problems_for(GOOD) == []


def test_fields_have_their_lines_and_the_body_starts_after_the_block():
    page = course_of({"modulos/sms.es.md": GOOD}).pages["modulos/sms.es.md"]
    assert page.front.line_of("title") == 2 and page.front.line_of("sources") == 11
    assert page.front.body_line == 15 and page.body == "# SMS\n"
    assert page.front.data["last_reviewed"] == "2026-11-01"  # dates stay text until a rule reads them


@pytest.mark.parametrize(("old", "new", "expected"), [
    pytest.param("duration: 20\n", "",
                 f"{FILE}:1: falta el campo 'duration' en los datos del principio. {HOW}: añade  duration: 20  (minutos "
                 "que necesita un comerciante)", id="missing-duration"),
    pytest.param("title: SMS para tu tienda", "title:",
                 f"{FILE}:2: el campo 'title' está vacío. {HOW}: añade  title: El título de la página", id="empty-title"),
    pytest.param("title: SMS para tu tienda", "title: " + "x" * 61,
                 f"{FILE}:2: 'title' tiene 61 caracteres y el máximo es 60. {HOW}: acórtalo: es lo que se ve en el "
                 "menú, en la pestaña del navegador y en los resultados de Google", id="long-title"),
    pytest.param("title: SMS para tu tienda", "title: 2026",
                 f"{FILE}:2: 'title' debe ser un texto. {HOW}: escribe el título entre comillas", id="title-a-number"),
    pytest.param("description: Cuándo y cómo enviar SMS a tus clientes.", "description: " + "x" * 161,
                 f"{FILE}:3: 'description' tiene 161 caracteres y el máximo es 160. {HOW}: acórtala: es el texto que "
                 "Google muestra bajo el título", id="long-description"),
    pytest.param("description: Cuándo y cómo enviar SMS a tus clientes.", "description: Horario: de 9 a 14",
                 f"{FILE}:3: este texto tiene dos puntos (:) en medio, y YAML cree que empieza otro campo. {HOW}: pon "
                 "todo el texto que va después del primer «campo: » entre comillas dobles, por ejemplo  description: "
                 "\"Horario: de 9 a 14\"", id="colon-in-description"),
    pytest.param("duration: 20", "duration: veinte",
                 f"{FILE}:4: 'duration' debe ser un número de minutos entre 5 y 90, no 'veinte'. {HOW}: escribe solo el "
                 "número, por ejemplo  duration: 20", id="duration-in-words"),
    pytest.param("duration: 20", "duration: 120",
                 f"{FILE}:4: 'duration' debe ser un número de minutos entre 5 y 90, no '120'. {HOW}: escribe solo el "
                 "número, por ejemplo  duration: 20", id="duration-too-long"),
    pytest.param("duration: 20", "duration: true",
                 f"{FILE}:4: 'duration' debe ser un número de minutos entre 5 y 90, no 'True'. {HOW}: escribe solo el "
                 "número, por ejemplo  duration: 20", id="duration-yes"),
    pytest.param("level: basic", "level: básico",
                 f"{FILE}:5: 'level' vale 'básico' y debe ser uno de: basic, intermediate, advanced. {HOW}: usa la "
                 "palabra en inglés, igual en las dos versiones del módulo", id="level-in-spanish"),
    pytest.param("  - Escribir un mensaje corto.\n", "",
                 f"{FILE}:6: hay 2 objetivos y deben ser de 3 a 5. {HOW}: junta o separa objetivos hasta tener entre 3 "
                 "y 5", id="two-objectives"),
    pytest.param("objectives:\n  - Decidir cuándo usar un SMS.\n", "objectives: Decidir cuándo usar un SMS.\nx:\n",
                 f"{FILE}:6: 'objectives' debe ser una lista de frases. {HOW}: escribe cada objetivo en su línea, "
                 "empezando por '- '", id="objectives-not-a-list"),
    pytest.param("last_reviewed: 2026-11-01", "last_reviewed: 2027-01-01",
                 f"{FILE}:10: 'last_reviewed' (2027-01-01) es una fecha futura. {HOW}: pon la fecha del día en que "
                 "revisaste la página", id="future-review"),
    pytest.param("last_reviewed: 2026-11-01", "last_reviewed: ayer",
                 f"{FILE}:10: 'last_reviewed' debe ser una fecha real AAAA-MM-DD, no 'ayer'. {HOW}: escribe la fecha "
                 "así: 2026-11-22, sin comillas (el mes del 01 al 12, el día que exista en ese mes)", id="review-in-words"),
    pytest.param("last_reviewed: 2026-11-01", "last_reviewed: 2026-02-30",
                 f"{FILE}:10: 'last_reviewed' debe ser una fecha real AAAA-MM-DD, no '2026-02-30'. {HOW}: escribe la "
                 "fecha así: 2026-11-22, sin comillas (el mes del 01 al 12, el día que exista en ese mes)",
                 id="impossible-date"),
    pytest.param("last_reviewed: 2026-11-01", "last_reviewed: 22/11/2026",
                 f"{FILE}:10: 'last_reviewed' debe ser una fecha real AAAA-MM-DD, no '22/11/2026'. {HOW}: escribe la "
                 "fecha así: 2026-11-22, sin comillas (el mes del 01 al 12, el día que exista en ese mes)",
                 id="date-the-spanish-way"),
    pytest.param("url: https://www.boe.es", "url: http://www.boe.es",
                 f"{FILE}:12: la fuente 1 ('Ley 34/2002 (LSSI)') no tiene una 'url' que empiece por https://. {HOW}: "
                 "copia la dirección completa de la página, empezando por https://", id="source-http"),
    pytest.param('  - title: "Ley 34/2002 (LSSI)"\n    url:', "  - url:",
                 f"{FILE}:12: la fuente 1 no tiene 'title'. {HOW}: añade  title: \"Nombre de la fuente\"",
                 id="source-without-title"),
    pytest.param('sources:\n  - title: "Ley 34/2002 (LSSI)"\n    url: https://www.boe.es/buscar/act.php?id=BOE-A-2002-13758',
                 "sources: https://www.boe.es/",
                 f"{FILE}:11: 'sources' debe ser una lista. {HOW}: escribe cada fuente en su línea, empezando por "
                 "'- title:'", id="sources-not-a-list"),
    pytest.param("level: basic", "level: [basic",
                 f"{FILE}:6: el archivo deja de entenderse en esta línea o en la anterior (detalle técnico: did not "
                 f"find expected ',' or ']'). {HOW}: revisa los dos puntos, las comillas y la sangría de esta línea y "
                 "de la anterior", id="yaml-syntax"),
    pytest.param("level: basic", "level basic",
                 f"{FILE}:5: a esta línea le faltan los dos puntos entre el campo y su valor, o tiene un texto suelto. "
                 f"{HOW}: escríbela como  campo: valor  (con un espacio después de los dos puntos)",
                 id="missing-colon"),
    pytest.param('title: "Ley 34/2002 (LSSI)"', 'title: "Ley 34/2002 (LSSI)',
                 f"{FILE}:12: aquí se abren unas comillas que no se cierran. {HOW}: cierra las comillas al final del "
                 "texto, en la misma línea (\"…\"), o quítalas", id="unclosed-quote"),
    pytest.param("level: basic", "\tlevel: basic",
                 f"{FILE}:5: esta línea empieza con un tabulador, y YAML solo admite espacios para sangrar. {HOW}: borra "
                 "el tabulador y sangra la línea con espacios, como las demás", id="tab"),
    pytest.param("level: basic\n", "level: basic\nlevel: advanced\n",
                 f"{FILE}:6: el campo 'level' aparece dos veces (la otra está en la línea 5). {HOW}: borra una de las "
                 "dos líneas y deja la buena", id="field-twice"),
])
def test_each_mistake_has_a_plain_message_with_file_and_line(old, new, expected):
    assert GOOD.count(old) == 1
    assert problems_for(GOOD.replace(old, new)) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("---\ntitle: x\n# no end\n",
                 f"{FILE}:1: el bloque de datos del principio (front matter) no se cierra. {HOW}: añade una línea con "
                 "solo --- al final de los datos, antes del texto de la página", id="unclosed"),
    pytest.param("---\n- title: x\n---\n# SMS\n",
                 f"{FILE}:2: los datos del principio deben ser una lista de campos «nombre: valor». {HOW}: escribe un "
                 "campo por línea, por ejemplo  title: Mi página", id="not-fields"),
    pytest.param("# SMS\n\nTexto.\n",
                 f"docs/acerca.es.md:1: la página no empieza con sus datos (front matter). {HOW}: empieza el archivo con tres "
                 "líneas:  ---  /  title: El título  /  description: Una frase.  y otra línea  ---  antes del texto",
                 id="no-front-matter"),
])
def test_a_front_matter_block_that_cannot_be_read(text, expected):
    assert problems_for(text, expected.split(":")[0].removeprefix("docs/")) == [expected]


def test_a_page_that_is_not_utf8_is_a_message_not_a_crash():
    course = build_course("/nowhere", Settings(), {"modulos/sms.es.md": GOOD.encode("cp1252")}, {}, today=TODAY)
    assert [str(p) for p in course.pages["modulos/sms.es.md"].read_problems] == [
        f"{FILE}:3: el archivo no está guardado como UTF-8 y no se puede leer (las tildes y la ñ se verían mal). "
        f"{HOW}: ábrelo en tu editor y guárdalo con la codificación «UTF-8» (en el Bloc de notas: Guardar como → "
        "Codificación: UTF-8; en VS Code: clic en la codificación abajo a la derecha → Guardar con codificación → UTF-8)"]


def test_a_byte_order_mark_and_windows_line_ends_change_nothing():
    raw = ("\ufeff" + GOOD.replace("\n", "\r\n")).encode("utf-8")
    course = build_course("/nowhere", Settings(), {"modulos/sms.es.md": raw}, {}, today=TODAY)
    page = course.pages["modulos/sms.es.md"]
    assert page.read_problems == [] and page.front.line_of("sources") == 11
    assert page_fields(page, course) + module_fields(page) == []


def test_all_problems_are_reported_together():
    broken = GOOD.replace("duration: 20", "duration: 0").replace("level: basic", "level: pro")
    course = course_of({"modulos/sms.es.md": broken})
    with pytest.raises(ContentError) as error:
        raise_if_any(rules.pages.front_matter(course))
    assert "2 error(es)" in str(error.value)
    assert f"{FILE}:4:" in str(error.value) and f"{FILE}:5:" in str(error.value)


def test_other_pages_need_a_title_and_a_short_description():
    page = "docs/glosario.es.md"
    assert problems_for("---\ntitle: Glosario\n---\n# Glosario\n", "glosario.es.md") == [
        f"{page}:1: falta el campo 'description' en los datos del principio. {HOW}: añade  description: "
        "una frase de hasta 160 caracteres"]
    assert problems_for("---\ntitle: Glosario\ndescription: Siglas.\n---\n", "glosario.es.md") == []
    assert problems_for("---\ntitle: Glosario\ndescription: Siglas.\nlast_reviewed: 2026-13-01\n---\n",
                        "glosario.es.md") == [
        f"{page}:4: 'last_reviewed' debe ser una fecha real AAAA-MM-DD, no '2026-13-01'. {HOW}: escribe la fecha así: "
        "2026-11-22, sin comillas (el mes del 01 al 12, el día que exista en ese mes)"]


def test_module_fields_are_only_required_of_modules():
    assert problems_for("---\ntitle: Acerca\ndescription: Quiénes somos.\n---\n", "acerca.es.md") == []
    assert len(problems_for("---\ntitle: Nuevo\ndescription: Un módulo.\n---\n", "modulos/nuevo.es.md")) == 5


@pytest.mark.parametrize(("old", "new", "expected"), [
    pytest.param("duration: 20", "duration: 25",
                 f"docs/modulos/sms.en.md:4: 'duration' vale '25' aquí y '20' en {FILE}:4. {HOW}: pon el mismo valor "
                 "en las dos versiones del módulo", id="duration"),
    pytest.param("level: basic", "level: advanced",
                 f"docs/modulos/sms.en.md:5: 'level' vale 'advanced' aquí y 'basic' en {FILE}:5. {HOW}: pon el mismo "
                 "valor en las dos versiones del módulo", id="level"),
    pytest.param("last_reviewed: 2026-11-01", "last_reviewed: 2026-10-01",
                 f"docs/modulos/sms.en.md:10: 'last_reviewed' vale '2026-10-01' aquí y '2026-11-01' en {FILE}:10. "
                 f"{HOW}: pon el mismo valor en las dos versiones del módulo", id="review-date"),
    pytest.param("  - Pedir permiso.\n", "  - Pedir permiso.\n  - Medir.\n",
                 f"docs/modulos/sms.en.md:6: hay 4 objetivos aquí y 3 en {FILE}:6. {HOW}: las dos versiones deben tener "
                 "los mismos objetivos, en el mismo orden", id="objectives"),
])
def test_both_languages_of_a_module_share_duration_level_review_date_and_objectives(old, new, expected):
    course = course_of({"modulos/sms.es.md": GOOD, "modulos/sms.en.md": GOOD.replace(old, new)})
    assert [str(p) for p in front_matter_translations(course)] == [expected]


def test_the_build_stops_on_a_broken_module(tmp_path):
    root = make_site(tmp_path / "site", replace=[("docs/modulos/sms.en.md", "level: basic", "level: easy")])
    result = build_site(root, tmp_path / "out")
    assert not result.ok
    # One message: a value wrong on its own is not also compared with the other language.
    assert result.log.startswith("El contenido tiene 1 error(es) / The content has 1 error(s):\n")
    assert (f"  - docs/modulos/sms.en.md:5: 'level' vale 'easy' y debe ser uno de: basic, intermediate, advanced. "
            f"{HOW}: usa la palabra en inglés, igual en las dos versiones del módulo\n") in result.log
    assert not (tmp_path / "out" / "index.html").exists()  # stopped before rendering anything


def test_an_impossible_date_stops_the_build_with_a_message_not_a_traceback(tmp_path):
    root = make_site(tmp_path / "site", replace=[(f"docs/modulos/sms.{locale}.md", "last_reviewed: 2026-11-01",
                                                   "last_reviewed: 2026-02-30") for locale in ("es", "en")])
    result = build_site(root, tmp_path / "out")
    assert not result.ok
    assert "Traceback" not in result.log
    for locale in ("es", "en"):
        assert (f"  - docs/modulos/sms.{locale}.md:10: 'last_reviewed' debe ser una fecha real AAAA-MM-DD, no "
                f"'2026-02-30'. {HOW}: escribe la fecha así: 2026-11-22") in result.log
