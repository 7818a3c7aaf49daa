"""Every editor mistake stops `make check` and the build with the same plain message: file, line, fix.

Each mistake is made on a copy of tests/fixtures/site (a small complete course). The same
rules run in `make check` (scripts/check_content.py) and in the build (hooks/course_model.py,
before anything is rendered), so each test asserts the exact messages of `make check` and
finds each of them in the build's output. Several mistakes made together are reported
together, in one run; correct edits build on the first try; and no broken file an editor
can save makes the rules crash.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import check_content
from conftest import FIXTURE, build_site, make_site
from course import rules
from course.model import load_course, read_settings

TODAY = dt.date(2026, 12, 1)
HOW = "Cómo arreglarlo / How to fix it:"
M, MEN = "docs/modulos/sms.es.md", "docs/modulos/sms.en.md"
I, A = "docs/index.es.md", "docs/acerca.es.md"


@dataclass
class Mistake:
    replace: list[tuple[str, str, str]]
    expected: list[str]
    changes: dict[str, str | bytes | None] = field(default_factory=dict)


def with_mistakes(target: Path, *mistakes: Mistake) -> Path:
    """A copy of the fixture site with the mistakes made in it (text, bytes, deletions, ``MOVE:`` renames)."""
    replace = [edit for mistake in mistakes for edit in mistake.replace]
    changes = {path: value for mistake in mistakes for path, value in mistake.changes.items()}
    site = make_site(target, replace=replace, changes={p: v for p, v in changes.items()
                                                       if v is None or (isinstance(v, str) and not v.startswith("MOVE:"))})
    for path, value in changes.items():
        if isinstance(value, bytes):
            (site / path).write_bytes(value)
        elif isinstance(value, str) and value.startswith("MOVE:"):
            (site / path).rename(site / value.removeprefix("MOVE:"))
    return site


LATIN1_TOOLS = (FIXTURE / "data/tools.yml").read_text(encoding="utf-8").replace(
    "Pago por mensaje", "Pago por mensaje, también en Gijón").encode("latin-1")

MISTAKES = {
    'script-element': Mistake(
        replace=[('docs/acerca.es.md', 'Este curso es gratis.', 'Este curso es gratis.\n\n<script>alert(1)</script>')],
        expected=[
            'docs/acerca.es.md:11: la etiqueta HTML <script> no se puede usar en el curso: un programa en la página podría hacer cualquier cosa en el móvil de quien la lee. Cómo arreglarlo / How to fix it: bórrala; para un vídeo o una web, pon un enlace normal [texto](https://…). Las etiquetas permitidas están en CONTRIBUTING.md, «HTML que puedes usar»',
        ]),
    'script-from-another-host': Mistake(
        replace=[('docs/acerca.es.md',
  'Este curso es gratis.',
  'Este curso es gratis.\n\n<script src="https://evil.example/x.js"></script>')],
        expected=[
            'docs/acerca.es.md:11: la etiqueta HTML <script> no se puede usar en el curso: un programa en la página podría hacer cualquier cosa en el móvil de quien la lee. Cómo arreglarlo / How to fix it: bórrala; para un vídeo o una web, pon un enlace normal [texto](https://…). Las etiquetas permitidas están en CONTRIBUTING.md, «HTML que puedes usar»',
        ]),
    'iframe': Mistake(
        replace=[('docs/acerca.es.md',
  'Este curso es gratis.',
  'Este curso es gratis.\n\n<iframe src="https://www.youtube.com/embed/abc"></iframe>')],
        expected=[
            'docs/acerca.es.md:11: la etiqueta HTML <iframe> no se puede usar en el curso: mete dentro del curso una página de otra web, que puede seguir al lector. Cómo arreglarlo / How to fix it: bórrala; para un vídeo o una web, pon un enlace normal [texto](https://…). Las etiquetas permitidas están en CONTRIBUTING.md, «HTML que puedes usar»',
        ]),
    'event-handler': Mistake(
        replace=[('docs/acerca.es.md',
  'Este curso es gratis.',
  'Este curso es gratis. <img src="../img/escaparate.svg" alt="Escaparate" onerror="alert(1)">')],
        expected=[
            'docs/acerca.es.md:9: la etiqueta <img> tiene el atributo «onerror», que ejecuta un programa en el navegador del lector. Cómo arreglarlo / How to fix it: borra  onerror="…"  de la etiqueta',
        ]),
    'javascript-link': Mistake(
        replace=[('docs/acerca.es.md', 'Vuelve al [inicio](index.md#home).', 'Vuelve al [inicio](javascript:alert(1)).')],
        expected=[
            'docs/acerca.es.md:9: el enlace «inicio» lleva a una dirección que empieza por «javascript:», que ejecuta un programa en vez de abrir una página. Cómo arreglarlo / How to fix it: usa una dirección web normal (https://…) o el nombre de una página del curso',
        ]),
    'script-in-trainer-note': Mistake(
        replace=[('docs/modulos/sms.es.md',
  '    Pregunta a la sala quién envía hoy mensajes a sus clientes.',
  '    Pregunta a la sala quién envía hoy mensajes a sus clientes.\n    <script>alert(1)</script>')],
        expected=[
            'docs/modulos/sms.es.md:26: la etiqueta HTML <script> no se puede usar en el curso: un programa en la página podría hacer cualquier cosa en el móvil de quien la lee. Cómo arreglarlo / How to fix it: bórrala; para un vídeo o una web, pon un enlace normal [texto](https://…). Las etiquetas permitidas están en CONTRIBUTING.md, «HTML que puedes usar»',
        ]),
    'form': Mistake(
        replace=[('docs/acerca.es.md',
  'Este curso es gratis.',
  'Este curso es gratis.\n\n<form action="https://x.example/"><input name="email"></form>')],
        expected=[
            'docs/acerca.es.md:11: la etiqueta HTML <form> no se puede usar en el curso: un formulario enviaría datos de los lectores a otra web. Cómo arreglarlo / How to fix it: bórrala; para un vídeo o una web, pon un enlace normal [texto](https://…). Las etiquetas permitidas están en CONTRIBUTING.md, «HTML que puedes usar»',
            'docs/acerca.es.md:11: la etiqueta HTML <input> no se puede usar en el curso: es parte de un formulario. Cómo arreglarlo / How to fix it: bórrala; para un vídeo o una web, pon un enlace normal [texto](https://…). Las etiquetas permitidas están en CONTRIBUTING.md, «HTML que puedes usar»',
        ]),
    'style-element': Mistake(
        replace=[('docs/acerca.es.md',
  'Este curso es gratis.',
  'Este curso es gratis.\n\n<style>body { display: none }</style>')],
        expected=[
            'docs/acerca.es.md:11: la etiqueta HTML <style> no se puede usar en el curso: cambia el aspecto de todo el sitio y puede romperlo. Cómo arreglarlo / How to fix it: bórrala; para un vídeo o una web, pon un enlace normal [texto](https://…). Las etiquetas permitidas están en CONTRIBUTING.md, «HTML que puedes usar»',
        ]),
    'image-from-another-host': Mistake(
        replace=[('docs/acerca.es.md',
  'Este curso es gratis.',
  'Este curso es gratis.\n\n![Logo](https://example.com/logo.png)')],
        expected=[
            'docs/acerca.es.md:11: la imagen «Logo» carga «https://example.com/logo.png» de otra web: el curso no carga nada de otros sitios (privacidad de los lectores, y sin red no se vería). Cómo arreglarlo / How to fix it: descarga el archivo, guárdalo en docs/img/ y enlázalo desde allí, por ejemplo ![Qué muestra](../img/foto.jpg)',
        ]),
    'data-url-image': Mistake(
        replace=[('docs/acerca.es.md',
  'Este curso es gratis.',
  'Este curso es gratis.\n\n![Punto](data:image/png;base64,iVBORw0KGgo=)')],
        expected=[
            'docs/acerca.es.md:11: la imagen «Punto» está escrita dentro del texto (una dirección «data:…»), y así no se puede revisar. Cómo arreglarlo / How to fix it: guarda la imagen como archivo en docs/img/ y enlázala desde allí, por ejemplo ![Qué muestra](../img/foto.jpg)',
        ]),
    'trainer-note-in-quiz': Mistake(
        replace=[('docs/modulos/sms.es.md',
  'Sin permiso no puedes enviar ofertas.',
  'Sin permiso no puedes enviar ofertas.\n'
  '\n'
  '!!! trainer "Para quien imparte: 2 minutos"\n'
  '    La respuesta es la segunda.')],
        expected=[
            'docs/modulos/sms.en.md:24: esta página tiene 1 nota para formadores y la otra versión, docs/modulos/sms.es.md, tiene 2. Cómo arreglarlo / How to fix it: las dos versiones deben tener las mismas notas, en el mismo orden: traduce la que falta o borra la que sobra',
            'docs/modulos/sms.es.md:62: hay una nota para formadores dentro de una pregunta (<quiz> de la línea 55): se vería en la pregunta, y también en la autoevaluación: los alumnos la leerían. Cómo arreglarlo / How to fix it: sácala fuera de <quiz> … </quiz>, por ejemplo justo antes del título de las preguntas',
        ]),
    'string-deleted': Mistake(
        replace=[('data/strings.yml', 'checklist_reset: {es: "Borrar marcas", en: "Clear ticks"}\n', '')],
        expected=[
            'data/strings.yml: falta el texto \'checklist_reset\', que usa el sitio (overrides/partials/digicom/checklist.html). Cómo arreglarlo / How to fix it: añade una línea  checklist_reset: {es: "…", en: "…"}  (si lo borraste sin querer, recupéralo del historial del repositorio)',
        ]),
    'string-empty-english': Mistake(
        replace=[('data/strings.yml', 'en: "Clear ticks"', 'en: ""')],
        expected=[
            "data/strings.yml:16: el texto 'checklist_reset' está vacío en inglés. Cómo arreglarlo / How to fix it: escribe el texto entre las comillas",
        ]),
    'string-misspelt-placeholder': Mistake(
        replace=[('data/strings.yml', 'es: "{done} de {total}"', 'es: "{done} de {totla}"')],
        expected=[
            "data/strings.yml:13: el texto 'checklist_progress' tiene en 'en' los huecos {done}, {total} y en 'es' {done}, {totla}. Cómo arreglarlo / How to fix it: los huecos entre llaves ({done}, {total}…) se rellenan solos: escríbelos igual en todos los idiomas, sin traducirlos",
        ]),
    'string-without-english': Mistake(
        replace=[('data/strings.yml',
  'checklist_reset: {es: "Borrar marcas", en: "Clear ticks"}',
  'checklist_reset: {es: "Borrar marcas"}')],
        expected=[
            'data/strings.yml:16: el texto \'checklist_reset\' no tiene versión en inglés (\'en\'). Cómo arreglarlo / How to fix it: añade  en: "…"  entre las llaves de esa línea',
        ]),
    'glossary-term-twice': Mistake(
        replace=[('data/glossary.yml',
  '- id: lssi',
  '- id: ley-lssi\n'
  '  es: {term: "LSSI", expansion: "Ley 34/2002", definition: "La ley de los mensajes."}\n'
  '  en: {term: "LSSI act", expansion: "Law 34/2002", definition: "The law on messages."}\n'
  '- id: lssi')],
        expected=[
            "data/glossary.yml:6: el término «LSSI» (es) ya está en el glosario con el id 'ley-lssi' (línea 2). Cómo arreglarlo / How to fix it: deja un solo término con ese nombre: junta las dos explicaciones en una y borra la otra",
        ]),
    'title-too-long': Mistake(
        replace=[('docs/acerca.es.md',
  'title: Acerca del curso',
  'title: Acerca de este curso gratuito para los comercios de Gijón que quieren llegar a sus clientes por '
  'todos los canales digitales')],
        expected=[
            "docs/acerca.es.md:2: 'title' tiene 123 caracteres y el máximo es 60. Cómo arreglarlo / How to fix it: acórtalo: es lo que se ve en el menú, en la pestaña del navegador y en los resultados de Google",
        ]),
    'placeholders-left': Mistake(
        replace=[('docs/modulos/sms.es.md',
  'Casi todo el mundo lleva un móvil encima.',
  'RELLENAR: por qué este canal sirve a una tienda pequeña.')],
        expected=[
            'docs/modulos/sms.es.md:22: queda un texto por rellenar: «RELLENAR: por qué este canal sirve a una tienda pequeña.». Cómo arreglarlo / How to fix it: escribe tu texto en su lugar y borra la palabra RELLENAR',
        ]),
    'page-saved-as-latin1': Mistake(
        replace=[],
        changes={'docs/acerca.es.md': b'---\ntitle: Acerca del curso\ndescription: Qui\xe9n hace este curso.\n---\n\n# Acerc'
                      b'a del curso { #about }\n\nEste curso es gratis.\n'},
        expected=[
            'docs/acerca.es.md:3: el archivo no está guardado como UTF-8 y no se puede leer (las tildes y la ñ se verían mal). Cómo arreglarlo / How to fix it: ábrelo en tu editor y guárdalo con la codificación «UTF-8» (en el Bloc de notas: Guardar como → Codificación: UTF-8; en VS Code: clic en la codificación abajo a la derecha → Guardar con codificación → UTF-8)',
        ]),
    'tools-saved-as-latin1': Mistake(
        replace=[],
        changes={'data/tools.yml': LATIN1_TOOLS},
        expected=[
            'data/tools.yml:9: el archivo no está guardado como UTF-8 y no se puede leer (las tildes y la ñ se verían mal). Cómo arreglarlo / How to fix it: ábrelo en tu editor y guárdalo con la codificación «UTF-8» (en el Bloc de notas: Guardar como → Codificación: UTF-8; en VS Code: clic en la codificación abajo a la derecha → Guardar con codificación → UTF-8)',
        ]),
    'impossible-date': Mistake(
        replace=[('docs/acerca.es.md', 'last_reviewed: 2026-11-01', 'last_reviewed: 2026-02-30')],
        expected=[
            "docs/acerca.es.md:4: 'last_reviewed' debe ser una fecha real AAAA-MM-DD, no '2026-02-30'. Cómo arreglarlo / How to fix it: escribe la fecha así: 2026-11-22, sin comillas (el mes del 01 al 12, el día que exista en ese mes)",
        ]),
    'menu-indentation': Mistake(
        replace=[('mkdocs.yml', '      - modulos/email.md', '    - modulos/email.md')],
        expected=[
            'mkdocs.yml:11: la sangría de esta línea no encaja con la de las líneas de alrededor. Cómo arreglarlo / How to fix it: alinea esta línea con las del mismo nivel, usando solo espacios (dos por nivel). Las líneas del menú (nav:) son así, con dos espacios más por cada nivel: «  - Módulos:» y debajo «      - modulos/sms.md»',
        ]),
    'missing-translation-outside-modules': Mistake(
        replace=[],
        changes={'docs/acerca.en.md': None},
        expected=[
            'docs/acerca.es.md:1: falta docs/acerca.en.md, la traducción de docs/acerca.es.md. Cómo arreglarlo / How to fix it: crea docs/acerca.en.md con el mismo contenido traducido (los mismos títulos, anclas, listas y preguntas); las dos versiones de una página se cambian siempre juntas',
        ]),
    'page-renamed-menu-not-updated': Mistake(
        replace=[],
        changes={'docs/acerca.en.md': 'MOVE:docs/sobre.en.md', 'docs/acerca.es.md': 'MOVE:docs/sobre.es.md'},
        expected=[
            'docs/sobre.es.md:1: esta página no está en el menú (nav) de mkdocs.yml. Cómo arreglarlo / How to fix it: añade la línea  - sobre.md  en la sección que le corresponda de nav: en mkdocs.yml (sin .es ni .en: sirve para los dos idiomas)',
            'mkdocs.yml:20: el menú (nav) tiene «acerca.md», pero no existe docs/acerca.es.md. Cómo arreglarlo / How to fix it: corrige el nombre en mkdocs.yml o crea la página en los dos idiomas. Si has cambiado el nombre de una página, añade también su dirección antigua en la sección redirects de mkdocs.yml',
        ]),
    'broken-link': Mistake(
        replace=[('docs/index.es.md', '[SMS](modulos/sms.md)', '[SMS](modulos/smss.md)')],
        expected=[
            'docs/index.es.md:8: el enlace «modulos/smss.md» no lleva a ninguna página: no existe docs/modulos/smss.es.md. Cómo arreglarlo / How to fix it: escribe el nombre del archivo sin .es ni .en, desde la carpeta de esta página (../ sube una carpeta). ¿Querías decir «modulos/sms.md»?',
        ]),
    'broken-anchor': Mistake(
        replace=[('docs/index.es.md', 'sms.md#checklist', 'sms.md#lista')],
        expected=[
            'docs/index.es.md:8: el ancla #lista del enlace «modulos/sms.md#lista» no existe en docs/modulos/sms.es.md. Cómo arreglarlo / How to fix it: usa una de las anclas de sus títulos: checklist, example, good-practice, key-points, law, mistakes, quiz, steps, why.',
        ]),
    'missing-image': Mistake(
        replace=[('docs/index.es.md', 'img/escaparate.svg', 'img/escaparate.png')],
        expected=[
            'docs/index.es.md:10: la imagen «img/escaparate.png» no existe en docs/. Cómo arreglarlo / How to fix it: revisa el nombre y la carpeta (../ sube una carpeta) o añade el archivo a docs/. ¿Querías decir «img/escaparate.svg»?',
        ]),
    'unclosed-quote-in-front-matter': Mistake(
        replace=[('docs/acerca.es.md', 'title: Acerca del curso', 'title: "Acerca del curso')],
        expected=[
            'docs/acerca.es.md:2: aquí se abren unas comillas que no se cierran. Cómo arreglarlo / How to fix it: cierra las comillas al final del texto, en la misma línea ("…"), o quítalas',
        ]),
    'colon-in-description': Mistake(
        replace=[('docs/acerca.es.md',
  'description: Quién hace este curso y para qué sirve.',
  'description: Quién hace este curso: la asociación')],
        expected=[
            'docs/acerca.es.md:3: este texto tiene dos puntos (:) en medio, y YAML cree que empieza otro campo. Cómo arreglarlo / How to fix it: pon todo el texto que va después del primer «campo: » entre comillas dobles, por ejemplo  description: "Horario: de 9 a 14"',
        ]),
    'quiz-without-correct-answer': Mistake(
        replace=[('docs/modulos/sms.es.md', '- [x] El permiso del cliente.', '- [ ] El permiso del cliente.')],
        expected=[
            'docs/modulos/sms.es.md:55: la pregunta «¿Qué necesitas para enviar una oferta por SMS?» no tiene ninguna respuesta marcada como correcta. Cómo arreglarlo / How to fix it: marca la respuesta correcta con una x entre los corchetes: «- [x] …»',
        ]),
    'checklist-item-missing-in-english': Mistake(
        replace=[('docs/modulos/sms.en.md', '    - [ ] The message fits in one SMS.\n', '')],
        expected=[
            'docs/modulos/sms.es.md:51: la lista de comprobación 1 tiene 2 elementos en docs/modulos/sms.es.md (línea 49) y 1 en docs/modulos/sms.en.md (línea 49). Cómo arreglarlo / How to fix it: cada elemento debe estar en las dos versiones, en el mismo orden: traduce el que falta o borra el que sobra',
        ]),
    'checklist-item-ticked': Mistake(
        replace=[('docs/modulos/sms.es.md',
  '    - [ ] Tengo el permiso de cada cliente.',
  '    - [x] Tengo el permiso de cada cliente.')],
        expected=[
            'docs/modulos/sms.es.md:50: el elemento «Tengo el permiso de cada cliente.» de la lista «Antes de enviar tu primer SMS» ya está marcado con [x]. Cómo arreglarlo / How to fix it: déjalo sin marcar, con un espacio entre los corchetes: - [ ] Tengo el permiso de cada cliente.  (la casilla la marca quien hace el curso)',
        ]),
    'fill-in-the-blank': Mistake(
        replace=[('docs/modulos/sms.es.md',
  '¿Qué necesitas para enviar una oferta por SMS?',
  'Para enviar una oferta necesitas el [[permiso]] del cliente.')],
        expected=[
            'docs/modulos/sms.es.md:55: la pregunta «Para enviar una oferta necesitas el [[permiso]]…» es de rellenar un hueco ([[…]]), y en este curso no las usamos: el lector que escribe «Paris» en vez de «París», o la respuesta con otras palabras, ve que ha fallado aunque la sepa. Cómo arreglarlo / How to fix it: conviértela en una pregunta de opciones: escribe la pregunta y debajo las respuestas, «- [x] Respuesta correcta» y «- [ ] Respuesta incorrecta», y después de una línea en blanco la explicación',
        ]),
    'trainer-note-without-minutes': Mistake(
        replace=[('docs/modulos/sms.es.md', '!!! trainer "Para quien imparte: 5 minutos"', '!!! trainer "Para quien imparte"')],
        expected=[
            'docs/modulos/sms.es.md:24: el título de la nota para formadores («Para quien imparte») no dice cuántos minutos dura la actividad. Cómo arreglarlo / How to fix it: termina el título con los minutos, así: !!! trainer "Para quien imparte: 5 minutos"  (cuentan en la duración del módulo y en el plan de sesión)',
        ]),
    'misspelt-marker': Mistake(
        replace=[('docs/glosario.es.md', '<!-- glossary -->', '<!-- glosario -->')],
        expected=[
            'docs/glosario.es.md:10: el marcador «<!-- glosario -->» no existe. Cómo arreglarlo / How to fix it: escribe exactamente <!-- glossary -->, solo en su línea',
        ]),
    'marker-on-two-pages': Mistake(
        replace=[('docs/acerca.es.md',
  'Vuelve al [inicio](index.md#home).',
  'Vuelve al [inicio](index.md#home).\n\n<!-- glossary -->'),
 ('docs/acerca.en.md',
  'Go back to the [home page](index.md#home).',
  'Go back to the [home page](index.md#home).\n\n<!-- glossary -->')],
        expected=[
            'docs/acerca.en.md:11: el marcador <!-- glossary --> está en dos páginas, esta y docs/glosario.en.md (línea 10), y cada marcador va en una sola. Cómo arreglarlo / How to fix it: déjalo solo en la página que debe mostrar el glosario (en los dos idiomas) y bórralo de la otra; para llevar al lector allí, usa un enlace normal',
            'docs/acerca.es.md:11: el marcador <!-- glossary --> está en dos páginas, esta y docs/glosario.es.md (línea 10), y cada marcador va en una sola. Cómo arreglarlo / How to fix it: déjalo solo en la página que debe mostrar el glosario (en los dos idiomas) y bórralo de la otra; para llevar al lector allí, usa un enlace normal',
            'docs/glosario.en.md:10: el marcador <!-- glossary --> está en dos páginas, esta y docs/acerca.en.md (línea 11), y cada marcador va en una sola. Cómo arreglarlo / How to fix it: déjalo solo en la página que debe mostrar el glosario (en los dos idiomas) y bórralo de la otra; para llevar al lector allí, usa un enlace normal',
            'docs/glosario.es.md:10: el marcador <!-- glossary --> está en dos páginas, esta y docs/acerca.es.md (línea 11), y cada marcador va en una sola. Cómo arreglarlo / How to fix it: déjalo solo en la página que debe mostrar el glosario (en los dos idiomas) y bórralo de la otra; para llevar al lector allí, usa un enlace normal',
        ]),
    'marker-sharing-a-line': Mistake(
        replace=[('docs/glosario.es.md', '<!-- glossary -->', '<!-- glossary --> Las siglas.')],
        expected=[
            'docs/glosario.es.md:10: el marcador <!-- glossary --> comparte la línea con otro texto. Cómo arreglarlo / How to fix it: déjalo solo en su línea, con una línea en blanco antes y después',
        ]),
    'practice-twice': Mistake(
        replace=[('docs/modulos/sms.es.md',
  'Casi todo el mundo lleva un móvil encima.',
  'Casi todo el mundo lleva un móvil encima.\n\n!!! practice "sms"\n\n!!! practice "sms"'),
 ('docs/modulos/sms.en.md',
  'Nearly everyone carries a phone.',
  'Nearly everyone carries a phone.\n\n!!! practice "sms"\n\n!!! practice "sms"')],
        expected=[
            'docs/modulos/sms.en.md:26: el bloque de práctica «sms» ya está en la línea 24. Cómo arreglarlo / How to fix it: deja uno solo en la página',
            'docs/modulos/sms.es.md:26: el bloque de práctica «sms» ya está en la línea 24. Cómo arreglarlo / How to fix it: deja uno solo en la página',
        ]),
    'heading-without-anchor': Mistake(
        replace=[('docs/acerca.es.md',
  'Vuelve al [inicio](index.md#home).',
  'Vuelve al [inicio](index.md#home).\n\n## Quiénes somos\n\nLa asociación.')],
        expected=[
            'docs/acerca.es.md:11: el título «## Quiénes somos» no tiene ancla { #… }. Cómo arreglarlo / How to fix it: añade al final del título un ancla corta en inglés, en minúsculas y con guiones, igual en los dos idiomas, por ejemplo: ## Quiénes somos { #mi-seccion }',
            'docs/acerca.es.md:11: el título «## Quiénes somos» (línea 11) no está en docs/acerca.en.md (después de la línea 7). Cómo arreglarlo / How to fix it: las dos versiones deben tener los mismos títulos, en el mismo orden, con el mismo número de # y la misma ancla { #… } (el texto del título sí se traduce)',
        ]),
    'link-with-language': Mistake(
        replace=[('docs/index.es.md', '[SMS](modulos/sms.md)', '[SMS](modulos/sms.es.md)')],
        expected=[
            'docs/index.es.md:8: el enlace «modulos/sms.es.md» lleva el idioma en el nombre del archivo. Cómo arreglarlo / How to fix it: escribe modulos/sms.md: el sitio elige solo la versión del idioma de la página',
        ]),
    'absolute-link': Mistake(
        replace=[('docs/index.es.md', '[SMS](modulos/sms.md)', '[SMS](/modulos/sms/)')],
        expected=[
            'docs/index.es.md:8: el enlace «/modulos/sms/» empieza por /. Cómo arreglarlo / How to fix it: escribe la ruta desde esta página, sin / al principio, por ejemplo ../ley-y-consentimiento.md',
        ]),
    'image-without-alt': Mistake(
        replace=[('docs/index.es.md', '![Escaparate de una tienda](img/escaparate.svg)', '![](img/escaparate.svg)')],
        expected=[
            'docs/index.es.md:10: la imagen «img/escaparate.svg» no tiene texto alternativo. Cómo arreglarlo / How to fix it: escribe entre los corchetes qué muestra la imagen, para quien no la ve: ![Escaparate de la tienda con las rebajas](foto.jpg)',
        ]),
    'tab-in-front-matter': Mistake(
        replace=[('docs/modulos/sms.es.md', '  - Decidir cuándo enviar un SMS.', '\t- Decidir cuándo enviar un SMS.')],
        expected=[
            'docs/modulos/sms.es.md:7: esta línea empieza con un tabulador, y YAML solo admite espacios para sangrar. Cómo arreglarlo / How to fix it: borra el tabulador y sangra la línea con espacios, como las demás',
        ]),
    'module-section-missing': Mistake(
        replace=[('docs/modulos/sms.es.md', '## Errores frecuentes { #mistakes }\n\n- Enviar ofertas sin permiso.\n\n', '')],
        expected=[
            'docs/modulos/sms.es.md: falta la sección «## Errores frecuentes { #mistakes }» del módulo. Cómo arreglarlo / How to fix it: añade el título  ## Errores frecuentes { #mistakes }  con su texto (mira el orden en scripts/templates/module.es.md)',
            'docs/modulos/sms.es.md:35: los títulos no coinciden: aquí, en la línea 35, hay «## Lo que pide la ley { #law }» y en docs/modulos/sms.en.md:35 hay «## Common mistakes { #mistakes }». Cómo arreglarlo / How to fix it: las dos versiones deben tener los mismos títulos, en el mismo orden, con el mismo número de # y la misma ancla { #… } (el texto del título sí se traduce)',
        ]),
    'duration-not-a-number': Mistake(
        replace=[('docs/modulos/sms.es.md', 'duration: 15', 'duration: veinte')],
        expected=[
            "docs/modulos/sms.es.md:4: 'duration' debe ser un número de minutos entre 5 y 90, no 'veinte'. Cómo arreglarlo / How to fix it: escribe solo el número, por ejemplo  duration: 20",
        ]),
    'unclosed-code-fence': Mistake(
        replace=[('docs/acerca.es.md', 'Este curso es gratis.', 'Este curso es gratis.\n\n```\nUn ejemplo sin cerrar')],
        expected=[
            'docs/acerca.es.md:11: este bloque de código (```) no se cierra, y el resto de la página se vería como código. Cómo arreglarlo / How to fix it: añade una línea con solo ``` al final del ejemplo',
        ]),
    'unknown-practice': Mistake(
        replace=[('docs/modulos/sms.es.md',
  'Casi todo el mundo lleva un móvil encima.',
  'Casi todo el mundo lleva un móvil encima.\n\n!!! practice "whatsapp"')],
        expected=[
            'docs/modulos/sms.en.md:1: los bloques de práctica no coinciden: docs/modulos/sms.en.md no tiene ninguno y docs/modulos/sms.es.md tiene «whatsapp». Cómo arreglarlo / How to fix it: pon los mismos bloques !!! practice, en el mismo orden, en las dos versiones',
            'docs/modulos/sms.es.md:24: no existe el bloque de práctica «whatsapp». Cómo arreglarlo / How to fix it: usa uno de estos: «sms» (el contador de SMS), «email-subject» (la vista previa del asunto de un email), «crisis-triage» (el diagnóstico de una crisis)',
        ]),
    'tool-http-url': Mistake(
        replace=[('data/tools.yml', 'url: "https://beta.example.com/"', 'url: "http://beta.example.com/"')],
        expected=[
            "data/tools.yml:4: la herramienta «Beta SMS» tiene en 'url' la dirección «http://beta.example.com/», que no empieza por https://. Cómo arreglarlo / How to fix it: escribe la dirección completa empezando por https://",
        ]),
    'front-matter-not-closed': Mistake(
        replace=[('docs/acerca.es.md', 'last_reviewed: 2026-11-01\n---', 'last_reviewed: 2026-11-01')],
        expected=[
            'docs/acerca.es.md:1: el bloque de datos del principio (front matter) no se cierra. Cómo arreglarlo / How to fix it: añade una línea con solo --- al final de los datos, antes del texto de la página',
        ]),
    'description-too-long': Mistake(
        replace=[('docs/acerca.es.md',
  'description: Quién hace este curso y para qué sirve.',
  'description: Quién hace este curso y para qué sirve, con todos los detalles de la asociación, de sus '
  'socios, de sus horarios, de sus tiendas y de sus proyectos para este año, el que viene y los siguientes.')],
        expected=[
            "docs/acerca.es.md:3: 'description' tiene 192 caracteres y el máximo es 160. Cómo arreglarlo / How to fix it: acórtala: es el texto que Google muestra bajo el título",
        ]),
    'headings-differ': Mistake(
        replace=[('docs/acerca.es.md', '# Acerca del curso { #about }', '# Acerca del curso { #acerca }')],
        expected=[
            'docs/acerca.es.md:7: los títulos no coinciden: aquí, en la línea 7, hay «# Acerca del curso { #acerca }» y en docs/acerca.en.md:7 hay «# About the course { #about }». Cómo arreglarlo / How to fix it: las dos versiones deben tener los mismos títulos, en el mismo orden, con el mismo número de # y la misma ancla { #… } (el texto del título sí se traduce)',
        ]),
    'module-longer-than-its-duration': Mistake(
        replace=[(M, "    Pregunta a la sala quién envía hoy mensajes a sus clientes.",
                  "    Pregunta a la sala quién envía hoy mensajes a sus clientes.\n\n"
                  "!!! trainer \"Para quien imparte: 25 minutos\"\n    Cada persona escribe su primer SMS."),
                 (MEN, "    Ask who in the room sends messages to customers today.",
                  "    Ask who in the room sends messages to customers today.\n\n"
                  "!!! trainer \"For trainers: 25 minutes\"\n    Everyone writes their first SMS.")],
        expected=[
            'docs/modulos/sms.es.md:4: el módulo dice que dura 15 minutos, pero en clase sus partes suman 33: actividades 30 min (las notas de las líneas 24 y 27), presentar el texto 1 min (108 palabras a 150 por minuto) y 1 pregunta (un minuto cada una). Cómo arreglarlo / How to fix it: pon  duration: 33  (en las dos versiones), o acorta el texto o las actividades',
        ]),
    'page-without-language': Mistake(
        replace=[],
        changes={'docs/notas.md': '---\ntitle: Notas\ndescription: Unas notas.\n---\n\n# Notas { #notas }\n'},
        expected=[
            'docs/notas.md: el nombre del archivo no dice en qué idioma está. Cómo arreglarlo / How to fix it: renómbralo para que acabe en .es.md o .en.md, y crea también la versión del otro idioma',
        ]),
    'redirect-to-nowhere': Mistake(
        replace=[],
        changes={'data/redirects.yml': 'acerca.md: sobre.md\n'},
        expected=[
            'data/redirects.yml:1: la página acerca.md todavía existe, así que no se puede mandar a otra. Cómo arreglarlo / How to fix it: borra esta línea, o borra docs/acerca.es.md y su traducción',
            'data/redirects.yml:1: la página nueva sobre.md no existe. Cómo arreglarlo / How to fix it: escribe el nombre del archivo nuevo tal como está en docs/, sin .es ni .en',
        ]),
    'two-pages-with-the-same-name': Mistake(
        replace=[('mkdocs.yml', '  - acerca.md', '  - acerca.md\n  - extra/sms.md')],
        changes={'docs/extra/sms.en.md': '---\n'
                         'title: Another list\n'
                         'description: One more list.\n'
                         '---\n'
                         '\n'
                         '# Another list { #other }\n'
                         '\n'
                         '!!! checklist "More"\n'
                         '    - [ ] One.\n',
 'docs/extra/sms.es.md': '---\n'
                         'title: Otra lista\n'
                         'description: Una lista más.\n'
                         '---\n'
                         '\n'
                         '# Otra lista { #other }\n'
                         '\n'
                         '!!! checklist "Más"\n'
                         '    - [ ] Uno.\n'},
        expected=[
            'docs/modulos/sms.es.md:49: esta página y docs/extra/sms.es.md tienen listas de comprobación o preguntas y el mismo nombre de archivo «sms», así que sus marcas se mezclarían. Cómo arreglarlo / How to fix it: cambia el nombre de uno de los dos archivos (en los dos idiomas)',
        ]),
    'checklist-not-under-its-heading': Mistake(
        replace=[('docs/modulos/sms.es.md', '## Lista de comprobación { #checklist }', '## Lista de comprobación { #lista }'),
 ('docs/modulos/sms.en.md', '## Checklist { #checklist }', '## Checklist { #lista }')],
        expected=[
            'docs/index.en.md:8: el ancla #checklist del enlace «modulos/sms.md#checklist» no existe en docs/modulos/sms.en.md. Cómo arreglarlo / How to fix it: usa una de las anclas de sus títulos: example, good-practice, key-points, law, lista, mistakes, quiz, steps, why.',
            'docs/index.es.md:8: el ancla #checklist del enlace «modulos/sms.md#checklist» no existe en docs/modulos/sms.es.md. Cómo arreglarlo / How to fix it: usa una de las anclas de sus títulos: example, good-practice, key-points, law, lista, mistakes, quiz, steps, why.',
            'docs/modulos/sms.en.md: falta la sección «## Checklist { #checklist }» del módulo. Cómo arreglarlo / How to fix it: añade el título  ## Checklist { #checklist }  con su texto (mira el orden en scripts/templates/module.en.md)',
            'docs/modulos/sms.en.md:49: la lista de comprobación del módulo no está bajo un título con el ancla { #checklist }. Cómo arreglarlo / How to fix it: pon encima un título así: ## Lista de comprobación { #checklist }  (en inglés: ## Checklist { #checklist })',
            'docs/modulos/sms.es.md: falta la sección «## Lista de comprobación { #checklist }» del módulo. Cómo arreglarlo / How to fix it: añade el título  ## Lista de comprobación { #checklist }  con su texto (mira el orden en scripts/templates/module.es.md)',
            'docs/modulos/sms.es.md:49: la lista de comprobación del módulo no está bajo un título con el ancla { #checklist }. Cómo arreglarlo / How to fix it: pon encima un título así: ## Lista de comprobación { #checklist }  (en inglés: ## Checklist { #checklist })',
        ]),
    'level-differs-between-languages': Mistake(
        replace=[('docs/modulos/sms.en.md', 'level: basic', 'level: intermediate')],
        expected=[
            "docs/modulos/sms.en.md:5: 'level' vale 'intermediate' aquí y 'basic' en docs/modulos/sms.es.md:5. Cómo arreglarlo / How to fix it: pon el mismo valor en las dos versiones del módulo",
        ]),
    'unknown-association-detail': Mistake(
        replace=[('docs/acerca.es.md', 'Este curso es gratis.', 'Este curso es gratis. Fax: {{ asociacion.fax }}.')],
        expected=[
            'docs/acerca.es.md:9: «{{ asociacion.fax }}» no es un dato de la asociación. Cómo arreglarlo / How to fix it: usa uno de estos: {{ asociacion.nombre }}, {{ asociacion.nif }}, {{ asociacion.domicilio }}, {{ asociacion.ciudad }}, {{ asociacion.correo }}, {{ asociacion.telefono }}, {{ asociacion.registro }}',
        ]),
    'unknown-tool-module': Mistake(
        replace=[('data/tools.yml', 'modules: [sms]', 'modules: [sms, whatsapp]')],
        expected=[
            "data/tools.yml:12: la herramienta «Beta SMS» tiene en 'modules' el módulo «whatsapp», que no existe. Cómo arreglarlo / How to fix it: usa el nombre de un archivo de docs/modulos/ sin «.es.md»: email, sms",
        ]),
}


def check(site: Path) -> list[str]:
    return [str(problem) for problem in check_content.check_site(site, TODAY, spelling=False).problems]


def assert_refused(site: Path, expected: list[str], *, messages_in_build_log: bool = True) -> None:
    """`make check` gives exactly these messages, and the build refuses to publish, showing each one."""
    assert check(site) == expected
    built = build_site(site)
    assert not built.ok, "the build published the mistake"
    if messages_in_build_log:
        for message in expected:
            assert message in built.log


@pytest.mark.parametrize("name", MISTAKES)
def test_each_mistake_stops_make_check_and_the_build_with_the_same_plain_message(name, tmp_path):
    site = with_mistakes(tmp_path / "site", MISTAKES[name])
    menu = name == "menu-indentation"
    assert_refused(site, MISTAKES[name].expected, messages_in_build_log=not menu)
    if menu:
        # MkDocs reads mkdocs.yml before any hook runs: `make build` and `make serve` read it first with
        # our reader (check_content.py --settings-only), which prints our message and stops.
        assert check_content.main(["--root", str(site), "--settings-only"]) == 1


def test_several_mistakes_at_once_are_all_reported_in_one_run(tmp_path):
    chosen = ["script-element", "broken-link", "string-deleted", "quiz-without-correct-answer",
              "tools-saved-as-latin1", "impossible-date", "trainer-note-in-quiz", "glossary-term-twice"]
    site = with_mistakes(tmp_path / "site", *(MISTAKES[name] for name in chosen))
    expected = sorted({message for name in chosen for message in MISTAKES[name].expected})
    assert sorted(check(site)) == expected
    built = build_site(site)
    assert not built.ok and f"The content has {len(expected)} error(s)" in built.log
    for message in expected:
        assert message in built.log


def test_a_module_that_says_it_lasts_far_longer_than_its_parts_is_a_warning_not_an_error(tmp_path):
    site = make_site(tmp_path / "site", replace=[(path, "duration: 15", "duration: 60") for path in (M, MEN)])
    report = check_content.check_site(site, TODAY, spelling=False)
    assert report.problems == []
    assert [str(warning) for warning in report.warnings] == [
        "docs/modulos/sms.es.md:4: el módulo dice que dura 60 minutos, pero en clase sus partes suman solo 8: "
        "actividades 5 min (la nota de la línea 24), presentar el texto 1 min (108 palabras a 150 por minuto) y 1 "
        f"pregunta (un minuto cada una). {HOW} pon una duración entre 8 y 18 minutos (en las dos versiones), o "
        "escribe en la nota para formadores los minutos de la actividad que falta"]
    assert build_site(site).ok


def test_the_rules_of_the_build_are_the_rules_of_make_check():
    assert set(rules.BUILD) <= set(rules.BUILD + rules.CHECK_ONLY)
    assert all(rule.why_check_only for rule in rules.CHECK_ONLY + rules.WARNINGS)
    names = [rule.name for rule in rules.BUILD + rules.CHECK_ONLY + rules.WARNINGS]
    assert len(names) == len(set(names))


# ── Correct edits build on the first try ───────────────────────────────────

IMAGE_BOTH_LANGUAGES = [
    (M, "Un mensaje corto llega a cualquier móvil.", "Un mensaje corto llega a cualquier móvil.\n\n"
                                                     "![Escaparate de una tienda](../img/escaparate.svg)"),
    (MEN, "A short message reaches any phone.", "A short message reaches any phone.\n\n"
                                                "![A shop window](../img/escaparate.svg)"),
]


def test_an_image_in_docs_img_used_from_both_languages_builds(tmp_path):
    site = make_site(tmp_path / "site", replace=IMAGE_BOTH_LANGUAGES)
    assert check(site) == []
    built = build_site(site)
    assert built.ok, built.log
    for page in ("modulos/sms/index.html", "en/modulos/sms/index.html"):
        html = (built.site / page).read_text(encoding="utf-8")
        assert 'src="../../img/escaparate.svg"' in html or 'src="../../../img/escaparate.svg"' in html
    assert (built.site / "img/escaparate.svg").is_file()


def test_files_with_a_byte_order_mark_or_windows_line_ends_build(tmp_path):
    site = make_site(tmp_path / "site")
    about = site / "docs/acerca.es.md"
    about.write_bytes(b"\xef\xbb\xbf" + about.read_bytes().replace(b"\n", b"\r\n"))
    tools = site / "data/tools.yml"
    tools.write_bytes(tools.read_bytes().replace(b"\n", b"\r\n"))
    assert check(site) == []
    built = build_site(site)
    assert built.ok, built.log
    assert "Acerca del curso" in (built.site / "acerca/index.html").read_text(encoding="utf-8")


def test_a_new_tool_and_a_new_glossary_term_build(tmp_path):
    tool = ('- id: delta-wa\n  name: Delta WhatsApp\n  url: "https://delta.example.com/"\n  categories: [messaging]\n'
            '  price_tier: free\n  free_plan: true\n  spanish_ui: true\n  price_note: {es: Gratis., en: Free.}\n'
            '  data: {es: En la UE., en: In the EU.}\n  good_for: {es: Avisos., en: Notices.}\n  modules: [email]\n'
            '  last_verified: 2026-11-20\n')
    term = ('- id: rgpd\n  es: {term: "RGPD", expansion: "Reglamento General de Protección de Datos", '
            'definition: "La ley europea de datos."}\n  en: {term: "GDPR", expansion: "General Data Protection '
            'Regulation", definition: "The European data law."}\n')
    site = make_site(tmp_path / "site")
    (site / "data/tools.yml").write_text((site / "data/tools.yml").read_text(encoding="utf-8") + tool, encoding="utf-8")
    (site / "data/glossary.yml").write_text((site / "data/glossary.yml").read_text(encoding="utf-8") + term,
                                            encoding="utf-8")
    assert check(site) == []
    built = build_site(site)
    assert built.ok, built.log
    assert "Delta WhatsApp" in (built.site / "herramientas/index.html").read_text(encoding="utf-8")
    assert "General Data Protection Regulation" in (built.site / "en/glosario/index.html").read_text(encoding="utf-8")


# ── No broken file makes the rules crash ───────────────────────────────────


def _broken_versions(text: str, rng: random.Random) -> list[bytes]:
    """Ways an editor's save can go wrong: cut short, a line lost, stray characters, another encoding."""
    raw = text.encode("utf-8")
    lines = text.split("\n")
    versions = [raw[: rng.randrange(len(raw))] for _ in range(4)]
    for _ in range(4):
        kept = list(lines)
        del kept[rng.randrange(len(kept))]
        versions.append("\n".join(kept).encode())
    for junk in ('"', ":", "\t", "- [", "<quiz>", "```", "!!! checklist", "{", "<!--", "|", "#", "\x00"):
        position = rng.randrange(len(text))
        versions.append((text[:position] + junk + text[position:]).encode())
    versions.append(text.encode("latin-1", errors="replace"))
    versions.append(b"\xff\xfe" + text.encode("utf-16-le"))
    versions.append(b"")
    return versions


@pytest.mark.parametrize("path", ["docs/modulos/sms.es.md", "docs/index.en.md", "data/tools.yml",
                                  "data/glossary.yml", "data/strings.yml", "mkdocs.yml"])
def test_no_broken_file_makes_the_rules_crash(path, tmp_path):
    site = make_site(tmp_path / "site", changes={path: (FIXTURE / path).read_text(encoding="utf-8")
                                                 if (FIXTURE / path).exists() else
                                                 (FIXTURE.parents[2] / path).read_text(encoding="utf-8")})
    original = (site / path).read_text(encoding="utf-8")
    rng = random.Random(path)
    for broken in _broken_versions(original, rng):
        (site / path).write_bytes(broken)
        course = load_course(site, read_settings(site), today=TODAY)
        found = rules.run(course, rules.BUILD + rules.WARNINGS)
        crashed = [str(problem) for problem in found if problem.file.startswith("hooks/course/rules")]
        assert not crashed, f"{path} as {broken[:80]!r}…: {crashed}"
    shutil.rmtree(site)


# ── A page already published keeps its address ─────────────────────────────

PUBLISHED_PAGE_MESSAGE = (
    "docs/acerca.es.md: esta página ya está publicada en https://digicom-gijon.github.io/curso/acerca/ y ha "
    "desaparecido: los enlaces guardados y los QR de las hojas impresas dejarían de funcionar. " + HOW +
    " si la has movido o le has cambiado el nombre, añade a data/redirects.yml la línea  acerca.md: "
    "nombre-nuevo.md  ; si de verdad sobra, mándala a la página que mejor la sustituya")


def _git(site: Path, *args: str) -> None:
    import subprocess

    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=site, check=True,
                   capture_output=True)


def test_a_published_page_that_disappears_asks_for_a_redirect_and_the_old_address_keeps_working(tmp_path):
    site = make_site(tmp_path / "site")
    _git(site, "init", "-q", "-b", "main")
    _git(site, "add", "-A")
    _git(site, "commit", "-qm", "published")
    _git(site, "checkout", "-qb", "rename")
    for locale in ("es", "en"):
        (site / f"docs/acerca.{locale}.md").rename(site / f"docs/sobre.{locale}.md")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - acerca.md", "  - sobre.md"), encoding="utf-8")
    for page in ("docs/index.es.md", "docs/index.en.md"):
        text = (site / page).read_text(encoding="utf-8")
        (site / page).write_text(text, encoding="utf-8")
    assert check(site) == [PUBLISHED_PAGE_MESSAGE]
    built = build_site(site)
    assert not built.ok and PUBLISHED_PAGE_MESSAGE in built.log
    (site / "data/redirects.yml").write_text("# Pages that moved\nacerca.md: sobre.md\n", encoding="utf-8")
    assert check(site) == []
    built = build_site(site)
    assert built.ok, built.log
    for old, new in (("acerca/index.html", "../sobre/"), ("en/acerca/index.html", "../sobre/")):
        page = (built.site / old).read_text(encoding="utf-8")
        assert f'http-equiv="refresh" content="0; url={new}"' in page and f'href="{new}"' in page
    assert '<html lang="en">' in (built.site / "en/acerca/index.html").read_text(encoding="utf-8")


def test_every_build_rule_is_shown_firing_by_at_least_one_mistake(tmp_path):
    """Each rule of the build is proved by a case above, in test_practice_rules.py or in test_search_i18n.py
    (its messages are then asserted in both paths)."""
    from test_practice_rules import MISTAKES as PRACTICE_MISTAKES
    from test_search_i18n import SEARCH_MISTAKES

    search_mistakes = {name: Mistake(replace, expected) for name, (replace, expected) in SEARCH_MISTAKES.items()}
    fired: set[str] = set()
    for name, mistake in {**MISTAKES, **PRACTICE_MISTAKES, **search_mistakes}.items():
        site = with_mistakes(tmp_path / name, mistake)
        course = load_course(site, read_settings(site), today=TODAY)
        fired |= {rule.name for rule in rules.BUILD if rules.run(course, (rule,))}
        shutil.rmtree(site)
    # Proved by their own tests: published pages (test above, needs git) and data.settings (test_quizzes.py,
    # the plugin's options); module_timing has its case above.
    elsewhere = {"published_pages_kept", "settings"}
    assert {rule.name for rule in rules.BUILD} - elsewhere - fired == set()
