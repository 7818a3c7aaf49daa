"""Rules about pages as files: names, translations, the menu, front matter, headings, leftovers."""

from __future__ import annotations

import difflib
from typing import Any

from ..model import Course, Page
from ..problems import Problem
from ..reading import parse_date

LEVELS = ("basic", "intermediate", "advanced")
TITLE_MAX = 60  # what fits in a search result, the menu and the browser tab
DESCRIPTION_MAX = 160  # the search-engine snippet
OBJECTIVES_MIN, OBJECTIVES_MAX = 3, 5
DURATION_MIN, DURATION_MAX = 5, 90
PLACEHOLDER = "RELLENAR"  # what `make new-module` leaves for the editor to fill in
# Fields of a module's front matter that must be the same in every language.
SAME_IN_EVERY_LANGUAGE = ("duration", "level", "last_reviewed")
# Every module has these sections (## headings with these anchors), in the language of the page.
MODULE_SECTIONS = {
    "why": ("Por qué le importa a tu tienda", "Why it matters for your shop"),
    "steps": ("Paso a paso", "Step by step"),
    "good-practice": ("Buenas prácticas", "Good practice"),
    "mistakes": ("Errores frecuentes", "Common mistakes"),
    "law": ("Lo que pide la ley", "What the law requires"),
    "example": ("Un ejemplo en Gijón", "An example in Gijón"),
    "checklist": ("Lista de comprobación", "Checklist"),
    "quiz": ("Pon a prueba lo aprendido", "Test yourself"),
    "key-points": ("Ideas clave", "Key points"),
}


def unreadable_files(course: Course) -> list[Problem]:
    """Files that are not UTF-8, and front matter that is not valid YAML."""
    return [problem for page in course.pages.values() for problem in page.read_problems]


def file_names(course: Course) -> list[Problem]:
    """Every page's name says its language (``sms.es.md``)."""
    names = " o ".join(f".{locale}.md" for locale in course.locales)
    return [Problem(f"docs/{src_uri}", None, "el nombre del archivo no dice en qué idioma está",
                    f"renómbralo para que acabe en {names}, y crea también la versión del otro idioma")
            for src_uri in course.odd_pages]


def translations_exist(course: Course) -> list[Problem]:
    """Every page exists in every language; the problem names the missing file and its original."""
    problems = []
    for key in course.keys():
        present = course.twins(key)
        for locale in course.locales:
            if course.page(key, locale):
                continue
            source = present[0]
            missing = f"docs/{key}.{locale}.md"
            problems.append(Problem(
                source.file, 1, f"falta {missing}, la traducción de {source.file}",
                f"crea {missing} con el mismo contenido traducido (los mismos títulos, anclas, listas y preguntas); "
                "las dos versiones de una página se cambian siempre juntas"))
    return problems


def menu(course: Course) -> list[Problem]:
    """Each menu entry is a page, written without language, and each page is in the menu."""
    settings = course.settings
    if settings.nav is None:
        return []
    problems = []
    listed = set()
    for entry in course.nav_entries:
        key = entry.key
        if key is None:
            continue
        written = entry.path
        if written != f"{key}.md":
            problems.append(Problem(
                settings.config_file, entry.line, f"el menú (nav) tiene «{written}», con el idioma en el nombre",
                f"escribe  - {key}.md  (sin .es ni .en: una línea sirve para los dos idiomas)"))
        listed.add(key)
        if not course.twins(key):
            options = [f"{other}.md" for other in course.keys()]
            close = difflib.get_close_matches(f"{key}.md", options, n=1, cutoff=0.6)
            hint = f" ¿Querías decir «{close[0]}»?" if close and close[0] != written else ""
            problems.append(Problem(
                settings.config_file, entry.line,
                f"el menú (nav) tiene «{written}», pero no existe docs/{key}.{course.default}.md",
                f"corrige el nombre en {settings.config_file} o crea la página en los dos idiomas.{hint} Si has "
                "cambiado el nombre de una página, añade también su dirección antigua en la sección redirects "
                "de mkdocs.yml"))
    for key in course.keys():
        if key in listed:
            continue
        page = course.twins(key)[0]
        section = "«Módulos:»" if page.is_module else "la sección que le corresponda"
        problems.append(Problem(
            page.file, 1, "esta página no está en el menú (nav) de mkdocs.yml",
            f"añade la línea  - {key}.md  en {section} de nav: en mkdocs.yml (sin .es ni .en: sirve para los dos "
            "idiomas)"))
    if not isinstance(settings.nav, list):
        problems.append(Problem(settings.config_file, settings.nav_lines.line_of(("nav",)),
                                "el menú (nav:) no es una lista de páginas",
                                "escribe debajo de nav: una línea por página o sección, empezando por «  - »"))
    return problems


def published_pages_kept(course: Course) -> list[Problem]:
    """A page already published must keep its address: a removed or renamed page needs a redirect."""
    published = course.settings.published
    if not published:
        return []
    problems = []
    for key in sorted(published - set(course.keys()) - set(course.redirects.moves)):
        address = f"{course.settings.site_url.rstrip('/')}/{'' if key == 'index' else key + '/'}"
        problems.append(Problem(
            f"docs/{key}.{course.default}.md", None,
            f"esta página ya está publicada en {address} y ha desaparecido: los enlaces guardados y los QR de las "
            "hojas impresas dejarían de funcionar",
            f"si la has movido o le has cambiado el nombre, añade a data/redirects.yml la línea  {key}.md: "
            "nombre-nuevo.md  ; si de verdad sobra, mándala a la página que mejor la sustituya"))
    return problems


# ── Front matter ───────────────────────────────────────────────────────────


def _is_https(url: object) -> bool:
    return isinstance(url, str) and url.startswith("https://") and len(url) > len("https://")


def front_matter(course: Course) -> list[Problem]:
    """Every page has a title and a description of the right length; modules have every field."""
    problems = []
    for page in course.pages.values():
        if not page.readable:
            continue
        problems += page_fields(page, course)
        if page.is_module:
            problems += module_fields(page)
    return problems


def _missing(page: Page, required: tuple[tuple[str, str], ...]) -> list[Problem]:
    problems = []
    for key, fix in required:
        if key not in page.front.data:
            problems.append(Problem(page.file, 1, f"falta el campo '{key}' en los datos del principio", fix))
        elif page.front.data[key] in (None, "", []):
            problems.append(Problem(page.file, page.front.line_of(key), f"el campo '{key}' está vacío", fix))
    return problems


def page_fields(page: Page, course: Course) -> list[Problem]:
    """The fields every page has (title, description) and, when present, its review date and sources."""
    data = page.front.data
    problems = []
    if not page.front.present:
        return [Problem(page.file, 1, "la página no empieza con sus datos (front matter)",
                        "empieza el archivo con tres líneas:  ---  /  title: El título  /  description: Una frase.  "
                        "y otra línea  ---  antes del texto")]
    problems += _missing(page, (
        ("title", "añade  title: El título de la página"),
        ("description", f"añade  description: una frase de hasta {DESCRIPTION_MAX} caracteres"),
    ))

    def report(key: str, problem: str, fix: str) -> None:
        problems.append(Problem(page.file, page.front.line_of(key), problem, fix))

    title = data.get("title")
    if title not in (None, ""):
        if not isinstance(title, str):
            report("title", "'title' debe ser un texto", "escribe el título entre comillas")
        elif len(title.strip()) > TITLE_MAX:
            report("title", f"'title' tiene {len(title.strip())} caracteres y el máximo es {TITLE_MAX}",
                   "acórtalo: es lo que se ve en el menú, en la pestaña del navegador y en los resultados de Google")
    description = data.get("description")
    if description not in (None, ""):
        if not isinstance(description, str):
            report("description", "'description' debe ser un texto", "escribe la descripción entre comillas")
        elif len(description.strip()) > DESCRIPTION_MAX:
            report("description", f"'description' tiene {len(description.strip())} caracteres y el máximo es "
                   f"{DESCRIPTION_MAX}", "acórtala: es el texto que Google muestra bajo el título")
    reviewed = data.get("last_reviewed")
    if reviewed not in (None, ""):
        date = parse_date(reviewed)
        if date is None:
            report("last_reviewed", f"'last_reviewed' debe ser una fecha real AAAA-MM-DD, no '{reviewed}'",
                   "escribe la fecha así: 2026-11-22, sin comillas (el mes del 01 al 12, el día que exista en ese mes)")
        elif date > course.today:
            report("last_reviewed", f"'last_reviewed' ({date}) es una fecha futura",
                   "pon la fecha del día en que revisaste la página")
    sources = data.get("sources")
    if sources not in (None, "", []):
        if not isinstance(sources, list):
            report("sources", "'sources' debe ser una lista", "escribe cada fuente en su línea, empezando por '- title:'")
        else:
            for number, source in enumerate(sources, start=1):
                where = page.front.lines.line_of(("sources", number - 1))
                if not isinstance(source, dict) or not isinstance(source.get("title"), str) or not source.get("title"):
                    problems.append(Problem(page.file, where, f"la fuente {number} no tiene 'title'",
                                            "añade  title: \"Nombre de la fuente\""))
                elif not _is_https(source.get("url")):
                    problems.append(Problem(page.file, where, f"la fuente {number} ('{source['title']}') no tiene una "
                                                              "'url' que empiece por https://",
                                            "copia la dirección completa de la página, empezando por https://"))
    return problems


def module_fields(page: Page) -> list[Problem]:
    """Every field a module page needs, with what each must look like."""
    data = page.front.data
    problems = _missing(page, (
        ("duration", "añade  duration: 20  (minutos que necesita un comerciante)"),
        ("level", f"añade  level: basic  (uno de: {', '.join(LEVELS)})"),
        ("objectives", f"añade  objectives:  con {OBJECTIVES_MIN} a {OBJECTIVES_MAX} líneas '- Objetivo'"),
        ("last_reviewed", "añade  last_reviewed: AAAA-MM-DD  (la fecha de la última revisión)"),
        ("sources", "añade  sources:  con elementos '- title: …' y 'url: https://…'"),
    ))

    def report(key: str, problem: str, fix: str) -> None:
        problems.append(Problem(page.file, page.front.line_of(key), problem, fix))

    duration = data.get("duration")
    if duration not in (None, "") and (not isinstance(duration, int) or isinstance(duration, bool)
                                       or not DURATION_MIN <= duration <= DURATION_MAX):
        report("duration", f"'duration' debe ser un número de minutos entre {DURATION_MIN} y {DURATION_MAX}, "
               f"no '{duration}'", "escribe solo el número, por ejemplo  duration: 20")
    level = data.get("level")
    if level not in (None, "") and level not in LEVELS:
        report("level", f"'level' vale '{level}' y debe ser uno de: {', '.join(LEVELS)}",
               "usa la palabra en inglés, igual en las dos versiones del módulo")
    objectives = data.get("objectives")
    if objectives not in (None, "", []):
        if not isinstance(objectives, list) or not all(isinstance(o, str) and o.strip() for o in objectives):
            report("objectives", "'objectives' debe ser una lista de frases",
                   "escribe cada objetivo en su línea, empezando por '- '")
        elif not OBJECTIVES_MIN <= len(objectives) <= OBJECTIVES_MAX:
            report("objectives", f"hay {len(objectives)} objetivos y deben ser de {OBJECTIVES_MIN} a {OBJECTIVES_MAX}",
                   "junta o separa objetivos hasta tener entre 3 y 5")
    return problems


def front_matter_translations(course: Course) -> list[Problem]:
    """A module's duration, level, review date and number of objectives are the same in every language."""
    problems = []
    for key in course.keys():
        first = course.page(key, course.default)
        if first is None or not first.is_module or not first.readable:
            continue
        for second in course.twins(key)[1:]:
            if not second.readable:
                continue
            for field in SAME_IN_EVERY_LANGUAGE:
                one, other = _comparable(field, first.front.data.get(field)), _comparable(field, second.front.data.get(field))
                if one is not None and other is not None and one != other:
                    problems.append(Problem(
                        second.file, second.front.line_of(field),
                        f"'{field}' vale '{other}' aquí y '{one}' en {first.file}:{first.front.line_of(field)}",
                        "pon el mismo valor en las dos versiones del módulo"))
            ones, others = first.front.data.get("objectives"), second.front.data.get("objectives")
            if isinstance(ones, list) and isinstance(others, list) and len(ones) != len(others):
                problems.append(Problem(
                    second.file, second.front.line_of("objectives"),
                    f"hay {len(others)} objetivos aquí y {len(ones)} en {first.file}:{first.front.line_of('objectives')}",
                    "las dos versiones deben tener los mismos objetivos, en el mismo orden"))
    return problems


def _comparable(field: str, value: Any) -> Any:
    """A value to compare between languages, or None when it is wrong on its own (reported there)."""
    if field == "duration":
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if field == "level":
        return value if value in LEVELS else None
    if field == "last_reviewed":
        return parse_date(value)
    return value


# ── Headings ───────────────────────────────────────────────────────────────


def headings(course: Course) -> list[Problem]:
    """Sections have an explicit anchor, and no anchor is used twice on a page."""
    problems = []
    for page in course.pages.values():
        seen: dict[str, int] = {}
        for heading in page.scan.headings:
            if heading.anchor is None:
                if heading.level >= 2:
                    problems.append(Problem(
                        page.file, heading.line, f"el título «{heading.source.strip()}» no tiene ancla {{ #… }}",
                        f"añade al final del título un ancla corta en inglés, en minúsculas y con guiones, igual en los "
                        f"dos idiomas, por ejemplo: {heading.source.strip()} {{ #mi-seccion }}"))
                continue
            if heading.anchor in seen:
                problems.append(Problem(
                    page.file, heading.line, f"el ancla #{heading.anchor} ya está en la línea {seen[heading.anchor]}",
                    "cada título necesita un ancla distinta: cambia una de las dos (en los dos idiomas)"))
            seen.setdefault(heading.anchor, heading.line)
    return problems


def heading_translations(course: Course) -> list[Problem]:
    """Both versions have the same headings (level and anchor), in the same order; reports the first difference."""
    problems = []
    fix = ("las dos versiones deben tener los mismos títulos, en el mismo orden, con el mismo número de # y la misma "
           "ancla { #… } (el texto del título sí se traduce)")
    for key in course.keys():
        first = course.page(key, course.default)
        if first is None or not first.readable:
            continue
        for second in course.twins(key)[1:]:
            if not second.readable:
                continue
            ones, others = first.scan.headings, second.scan.headings
            difference = next(((one, other) for one, other in zip(ones, others)
                               if (one.level, one.anchor) != (other.level, other.anchor)), None)
            if difference:
                one, other = difference
                problems.append(Problem(first.file, one.line,
                                        f"los títulos no coinciden: aquí, en la línea {one.line}, hay "
                                        f"«{one.source.strip()}» y en {second.file}:{other.line} hay "
                                        f"«{other.source.strip()}»", fix))
            elif len(ones) != len(others):
                (long_page, longer), (short_page, shorter) = sorted(((first, ones), (second, others)),
                                                                    key=lambda pair: -len(pair[1]))
                extra = longer[len(shorter)]
                after = f" (después de la línea {shorter[-1].line})" if shorter else ""
                problems.append(Problem(long_page.file, extra.line,
                                        f"el título «{extra.source.strip()}» (línea {extra.line}) no está en "
                                        f"{short_page.file}{after}", fix))
    return problems


def module_sections(course: Course) -> list[Problem]:
    """A module has every required section (## heading with its anchor)."""
    problems = []
    for page in course.pages.values():
        if not page.is_module or not page.readable:
            continue
        present = {heading.anchor for heading in page.scan.headings if heading.level == 2}
        language = 0 if page.locale == course.default else 1
        problems += [Problem(page.file, None, f"falta la sección «## {names[language]} {{ #{anchor} }}» del módulo",
                             f"añade el título  ## {names[language]} {{ #{anchor} }}  con su texto (mira el orden en "
                             f"scripts/templates/module.{page.locale}.md)")
                     for anchor, names in MODULE_SECTIONS.items() if anchor not in present]
    return problems


def placeholders(course: Course) -> list[Problem]:
    """Text that ``make new-module`` left to fill in, in the front matter or the body."""
    problems = []
    for page in course.pages.values():
        for number, line in enumerate(page.lines, start=1):
            if PLACEHOLDER in line and not page.scan.is_code(number):
                shown = line.strip()[:80]
                problems.append(Problem(page.file, number, f"queda un texto por rellenar: «{shown}»",
                                        f"escribe tu texto en su lugar y borra la palabra {PLACEHOLDER}"))
    return problems


def unclosed_code(course: Course) -> list[Problem]:
    """A code block (```) that is opened and never closed would swallow the rest of the page."""
    return [Problem(page.file, line, "este bloque de código (```) no se cierra, y el resto de la página se vería "
                                     "como código",
                    "añade una línea con solo ``` al final del ejemplo")
            for page in course.pages.values() for line in page.scan.unclosed_fences]
