"""Module front matter: each mistake stops the build with file, line and fix (hooks/modules.py)."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from conftest import ROOT, run_mkdocs_build
from course.frontmatter import check_module, read_front_matter
from course.problems import ContentError, raise_if_any

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


def problems_for(text: str) -> list[str]:
    front, problems = read_front_matter(text, FILE)
    return [str(p) for p in problems or check_module(front, FILE, TODAY)]


def test_a_complete_module_has_no_problem():
    assert problems_for(GOOD) == []


def test_fields_have_their_lines():
    front, _ = read_front_matter(GOOD, FILE)
    assert front.lines["title"] == 2 and front.lines["sources"] == 11 and front.end_line == 14


@pytest.mark.parametrize(("change", "expected"), [
    (("duration: 20\n", ""),
     f"{FILE}:1: falta el campo 'duration' en los datos del principio. {HOW}: añade  duration: 20  (minutos que necesita un comerciante)"),
    (("title: SMS para tu tienda", "title:"),
     f"{FILE}:2: el campo 'title' está vacío. {HOW}: añade  title: El título de la página"),
    (("description: Cuándo y cómo enviar SMS a tus clientes.", "description: " + "x" * 161),
     f"{FILE}:3: 'description' tiene 161 caracteres y el máximo es 160. {HOW}: acórtala: es el texto que Google muestra bajo el título"),
    (("duration: 20", "duration: veinte"),
     f"{FILE}:4: 'duration' debe ser un número de minutos entre 5 y 60, no 'veinte'. {HOW}: escribe solo el número, por ejemplo  duration: 20"),
    (("level: basic", "level: básico"),
     f"{FILE}:5: 'level' vale 'básico' y debe ser uno de: basic, intermediate, advanced. {HOW}: usa la palabra en inglés, igual en las dos versiones del módulo"),
    (("  - Escribir un mensaje corto.\n", ""),
     f"{FILE}:6: hay 2 objetivos y deben ser de 3 a 5. {HOW}: junta o separa objetivos hasta tener entre 3 y 5"),
    (("last_reviewed: 2026-11-01", "last_reviewed: 2027-01-01"),
     f"{FILE}:10: 'last_reviewed' (2027-01-01) es una fecha futura. {HOW}: pon la fecha del día en que revisaste la página"),
    (("last_reviewed: 2026-11-01", "last_reviewed: ayer"),
     f"{FILE}:10: 'last_reviewed' debe ser una fecha AAAA-MM-DD, no 'ayer'. {HOW}: escribe la fecha así: 2026-11-22, sin comillas"),
    (("url: https://www.boe.es", "url: http://www.boe.es"),
     f"{FILE}:11: la fuente 1 ('Ley 34/2002 (LSSI)') no tiene una 'url' que empiece por https://. {HOW}: copia la dirección completa de la página, empezando por https://"),
    (("level: basic", "level: [basic"),
     f"{FILE}:6: los datos del principio no son YAML válido (did not find expected ',' or ']'). {HOW}: revisa los dos puntos, las comillas y la sangría de esa línea"),
])
def test_each_mistake_has_a_plain_message_with_file_and_line(change, expected):
    old, new = change
    assert old in GOOD
    assert problems_for(GOOD.replace(old, new, 1)) == [expected]


def test_unclosed_front_matter_is_reported():
    assert problems_for("---\ntitle: x\n# no end\n") == [
        f"{FILE}:1: el bloque de datos del principio (front matter) no se cierra. {HOW}: añade una línea con solo --- al final de los datos"]


def test_all_problems_are_reported_together():
    broken = GOOD.replace("duration: 20", "duration: 0").replace("level: basic", "level: pro")
    with pytest.raises(ContentError) as error:
        raise_if_any([p for p in check_module(read_front_matter(broken, FILE)[0], FILE, TODAY)])
    assert "2 error(es)" in str(error.value)
    assert f"{FILE}:4:" in str(error.value) and f"{FILE}:5:" in str(error.value)


def test_the_real_build_stops_on_a_broken_module(tmp_path):
    project = tmp_path / "site"
    for part in ("docs", "hooks", "overrides", "data"):
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    module = project / "docs/modulos/sms.en.md"
    module.write_text(module.read_text(encoding="utf-8").replace("level: basic", "level: easy", 1), encoding="utf-8")
    result = run_mkdocs_build(project / "mkdocs.yml", tmp_path / "out")
    assert result.returncode != 0
    assert ("docs/modulos/sms.en.md:5: 'level' vale 'easy' y debe ser uno de: basic, intermediate, advanced."
            in result.stdout + result.stderr)


def test_other_pages_need_a_title_and_a_short_description():
    from course.frontmatter import check_page

    page = "docs/glosario.es.md"
    front, _ = read_front_matter("---\ntitle: Glosario\n---\n# Glosario\n", page)
    assert [str(p) for p in check_page(front, page, TODAY)] == [
        f"{page}:1: falta el campo 'description' en los datos del principio. {HOW}: añade  description: "
        "una frase de hasta 160 caracteres"]
    front, _ = read_front_matter("---\ntitle: Glosario\ndescription: Siglas.\n---\n", page)
    assert check_page(front, page, TODAY) == []
