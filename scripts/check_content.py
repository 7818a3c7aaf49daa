"""Content check: every mistake in the course text, all in one run, in plain words.

Run with ``make check`` (``make test`` and every pull request run it too). It reads
``docs/``, ``data/`` and ``mkdocs.yml`` and reuses the build hooks' pure functions
(``hooks/course``), so it finds what would stop the build, and more, but lists
everything at once instead of stopping at the first hook that fails.

What it checks:

- front matter: modules (``course.frontmatter.check_module``), other pages (title,
  description of at most 160 characters); a module's duration, level, review date and
  number of objectives are the same in both languages;
- every page exists in both languages, and every page is in the menu (``nav:``);
- both languages have the same headings, each with the same ``{ #anchor }``; a module
  has every required section;
- checklists (``course.checklists``), quizzes (``course.quizzes``), trainer notes
  (``course.trainer_notes``) and the markers of generated pages, on their own and
  against the other language;
- links between pages and their ``#anchors`` (resolved like mkdocs-static-i18n does:
  ``sms.md`` → ``sms.<lang>.md``), images and their alt text;
- text left to fill in (``RELLENAR``, from ``make new-module``);
- spelling with hunspell, in each page's language and in the texts of the glossary and
  the tool directory (Spanish and English dictionaries plus ``data/wordlist.txt``, the
  glossary's terms and the tools' names), and codespell (common English typos in
  ``docs/``, ``hooks/``, ``scripts/`` and ``overrides/``; Spanish pages left to hunspell);
- ``data/tools.yml`` (``course.tools``) and ``data/glossary.yml`` (``course.glossary``);
- ``last_reviewed`` dates: a future date is an error, one older than 12 months a
  warning (printed, never failing).

Output: one line per problem, ``file:line: problem. Cómo arreglarlo / How to fix it:
fix``; warnings start with ``Aviso / Warning:``. When ``GITHUB_ACTIONS=true`` it also
prints workflow commands (``::error file=…,line=…::…``), so a pull request shows each
problem on its line. Exits with 1 when there is at least one problem.

Usage: ``python scripts/check_content.py [--root FOLDER] [--today AAAA-MM-DD]``
(``--root``: another site folder, for the tests; ``--today``: the date to compare with).
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import os
import posixpath
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from course import checklists, quizzes, trainer_notes  # noqa: E402
from course.frontmatter import FrontMatter, check_module, check_page, read_front_matter  # noqa: E402
from course.glossary import load_glossary  # noqa: E402
from course.language import page_id  # noqa: E402
from course.layout import MODULES_FOLDER  # noqa: E402
from course.markers import check_marker, code_lines  # noqa: E402
from course.problems import Problem  # noqa: E402
from course.prose import reader_text  # noqa: E402
from course.session_plan import PLAN_MARKER, SESSION_LENGTHS  # noqa: E402
from course.tools import ANCHOR_PREFIX, DIRECTORY_MARKER, check_tools, marker_problems, read_schema  # noqa: E402
from course.tools import parse_tools  # noqa: E402

DEFAULT_LOCALES = ("es", "en")  # used when mkdocs.yml does not say; the default language first
WORDLIST = "data/wordlist.txt"
GLOSSARY = "data/glossary.yml"
TOOLS = "data/tools.yml"
PLACEHOLDER = "RELLENAR"  # what `make new-module` leaves for the editor to fill in
REVIEW_MONTHS = 12
CODESPELL_FOLDERS = ("docs", "hooks", "scripts", "overrides")
CODESPELL_SKIP = "*.es.md,*.pyc,__pycache__"  # Spanish pages have hunspell's Spanish dictionary
HUNSPELL_DICTIONARIES = {"es": "es_ES", "en": "en_GB,en_US"}  # the English pages use British spelling
HUNSPELL_INSTALL = "sudo apt-get install hunspell hunspell-es hunspell-en-gb hunspell-en-us  (make check lo instala solo)"
LANGUAGE_NAMES = {"es": "español", "en": "inglés"}
SUGGESTIONS_MAX = 30  # hunspell takes a while to suggest; more unknown words are listed without a suggestion

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
# Fields of a module's front matter that must be the same in both languages.
SAME_IN_BOTH = ("duration", "level", "last_reviewed")

_SUFFIX = re.compile(r"\.(?P<locale>[a-z]{2})\.md$")
_HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*$")
_HEADING_ANCHOR = re.compile(r"\{[^}\n]*?#(?P<anchor>[\w-]+)[^}\n]*\}[ \t]*$")
_ATTR_LIST = re.compile(r"\{:?[^}\n]*\}")
_ATTR_ID = re.compile(r"(?:^|\s)#(?P<id>[\w-]+)")
_HTML_ID = re.compile(r"""\bid\s*=\s*["'](?P<id>[^"']+)["']""")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]\n]|\[[^\]\n]*\])*)\]"
    r"\((?P<target><[^>\n]*>|[^)\s]*)(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?[ \t]*\)")
_REFERENCE_IMAGE = re.compile(r"!\[(?P<text>[^\]\n]*)\]\[[^\]\n]*\]")
_REFERENCE = re.compile(r"^ {0,3}\[(?P<label>[^\]\n^][^\]\n]*)\]:[ \t]*(?P<target><[^>\n]*>|\S+)")
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_IMG_ALT = re.compile(r"""\balt\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s>]+))""", re.IGNORECASE)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")
_URL_OR_EMAIL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|es|eu|io|net|org)\b")
_CODESPELL_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<word>.+?) ==> (?P<fix>.+?)\s*$")
_WORD_CHARS = r"\w’'"


# ── The site as read from disk ─────────────────────────────────────────────


@dataclass
class Page:
    """One Markdown file of docs/ and what the checks need from it."""

    src_uri: str  # "modulos/sms.es.md"
    locale: str  # "es"
    key: str  # "modulos/sms"
    text: str
    lines: list[str] = field(default_factory=list)
    in_code: list[bool] = field(default_factory=list)
    front: FrontMatter = field(default_factory=FrontMatter)
    front_problems: list[Problem] = field(default_factory=list)

    @property
    def file(self) -> str:
        return f"docs/{self.src_uri}"

    @property
    def is_module(self) -> bool:
        return self.src_uri.startswith(MODULES_FOLDER)

    @property
    def id(self) -> str:
        return page_id(self.src_uri)


@dataclass
class Site:
    """A site folder: its pages by src_uri, its languages, its menu and its data."""

    root: Path
    locales: tuple[str, ...]
    pages: dict[str, Page]
    odd_files: list[str]  # .md files whose name does not say their language
    nav: list[tuple[str, int]]  # (path as written in nav:, line in mkdocs.yml); empty without mkdocs.yml
    has_nav: bool
    tools: list[dict[str, Any]]  # as parsed (even with problems), for anchors and known words
    glossary_terms: dict[str, list[Any]]

    @property
    def default(self) -> str:
        return self.locales[0]

    def page(self, key: str, locale: str) -> Page | None:
        return self.pages.get(f"{key}.{locale}.md")

    def keys(self) -> list[str]:
        return sorted({page.key for page in self.pages.values()})

    def modules(self, locale: str) -> list[Page]:
        return [page for page in self.pages.values() if page.is_module and page.locale == locale]


class _LenientLoader(yaml.SafeLoader):
    """mkdocs.yml as data: its !ENV and !!python tags become None."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _read_config(root: Path) -> tuple[tuple[str, ...], list[tuple[str, int]], bool]:
    """The languages (default first) and the menu's page paths with their lines."""
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        return DEFAULT_LOCALES, [], False
    text = config_file.read_text(encoding="utf-8")
    config = yaml.load(text, Loader=_LenientLoader) or {}
    locales = list(DEFAULT_LOCALES)
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            languages = plugin["i18n"].get("languages") or []
            found = sorted((lang for lang in languages if isinstance(lang, dict) and lang.get("locale")),
                           key=lambda lang: not lang.get("default"))
            if found:
                locales = [lang["locale"] for lang in found]
    lines = text.splitlines()
    nav: list[tuple[str, int]] = []

    def walk(item: Any) -> None:
        if isinstance(item, str):
            line = next((n for n, l in enumerate(lines, start=1)
                         if re.search(rf"(?:^|[\s:-]){re.escape(item)}\s*$", l)), 1)
            nav.append((item, line))
        elif isinstance(item, list):
            for child in item:
                walk(child)
        elif isinstance(item, dict):
            for child in item.values():
                walk(child)

    walk(config.get("nav"))
    return tuple(locales), nav, "nav" in config


def load_site(root: Path) -> Site:
    root = Path(root)
    locales, nav, has_nav = _read_config(root)
    docs = root / "docs"
    pages: dict[str, Page] = {}
    odd: list[str] = []
    for path in sorted(docs.rglob("*.md")):
        src_uri = path.relative_to(docs).as_posix()
        match = _SUFFIX.search(src_uri)
        if not match or match.group("locale") not in locales:
            odd.append(src_uri)
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        front, front_problems = read_front_matter(text, f"docs/{src_uri}")
        pages[src_uri] = Page(src_uri, match.group("locale"), _SUFFIX.sub("", src_uri), text, lines,
                              code_lines(lines), front, front_problems)
    tools_text = (root / TOOLS).read_text(encoding="utf-8") if (root / TOOLS).is_file() else ""
    tools_data, _, _ = parse_tools(tools_text)
    tools = [entry for entry in tools_data if isinstance(entry, dict)] if isinstance(tools_data, list) else []
    glossary_text = (root / GLOSSARY).read_text(encoding="utf-8") if (root / GLOSSARY).is_file() else "[]"
    terms, _ = load_glossary(glossary_text, GLOSSARY, list(locales))
    return Site(root, locales, pages, odd, nav, has_nav, tools, terms)


def _outside_code(page: Page) -> Iterable[tuple[int, str]]:
    """``(line number, line)`` of the body outside fenced code, inline code blanked out."""
    for index, (line, code) in enumerate(zip(page.lines, page.in_code)):
        if code or index < page.front.end_line:
            continue
        yield index + 1, _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)


# ── File names, translations, menu ─────────────────────────────────────────


def check_file_names(site: Site) -> list[Problem]:
    names = " o ".join(f".{locale}.md" for locale in site.locales)
    return [Problem(f"docs/{src_uri}", None, "el nombre del archivo no dice en qué idioma está",
                    f"renómbralo para que acabe en {names}, y crea también la versión del otro idioma")
            for src_uri in site.odd_files]


def check_translations_exist(site: Site) -> list[Problem]:
    """Every page exists in every language; the problem names the missing file and its original."""
    problems = []
    for key in site.keys():
        present = [locale for locale in site.locales if site.page(key, locale)]
        for locale in site.locales:
            if locale in present:
                continue
            source = site.page(key, present[0])
            missing = f"docs/{key}.{locale}.md"
            problems.append(Problem(
                source.file, 1, f"falta {missing}, la traducción de {source.file}",
                f"crea {missing} con el mismo contenido traducido (los mismos títulos, anclas, listas y preguntas); "
                "las dos versiones de una página se cambian siempre juntas"))
    return problems


def check_nav(site: Site) -> list[Problem]:
    """Each menu entry is a page in every language, and each page is in the menu."""
    if not site.has_nav:
        return []
    problems, listed = [], set()
    for path, line in site.nav:
        if _SCHEME.match(path) or not path.endswith(".md"):
            continue
        key = path[:-3]
        listed.add(key)
        if not any(site.page(key, locale) for locale in site.locales):
            problems.append(Problem(
                "mkdocs.yml", line, f"el menú (nav) tiene «{path}», pero no existe docs/{key}.{site.default}.md",
                "corrige el nombre en mkdocs.yml o crea la página (en los dos idiomas)"))
    for key in site.keys():
        if key not in listed:
            page = site.page(key, site.default) or next(p for p in site.pages.values() if p.key == key)
            section = "«Módulos:»" if page.is_module else "la sección que le corresponda"
            problems.append(Problem(
                page.file, 1, "esta página no está en el menú (nav) de mkdocs.yml",
                f"añade la línea  - {key}.md  en {section} de nav: en mkdocs.yml (sin .es ni .en: "
                "sirve para los dos idiomas)"))
    return problems


# ── Front matter and review dates ──────────────────────────────────────────


def _is_date(value: Any) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _months_before(today: dt.date, months: int) -> dt.date:
    year, month = divmod(today.month - 1 - months, 12)
    year, month = today.year + year, month + 1
    for day in (today.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def check_front_matter(page: Page, today: dt.date) -> list[Problem]:
    """Modules: every field; other pages: title, description and, when present, review date and sources."""
    if page.front_problems:
        return list(page.front_problems)
    check = check_module if page.is_module else check_page
    return check(page.front, page.file, today)


def review_warnings(page: Page, today: dt.date) -> list[Problem]:
    """A review date older than 12 months: the page may be out of date."""
    reviewed = page.front.data.get("last_reviewed")
    if not _is_date(reviewed) or reviewed >= _months_before(today, REVIEW_MONTHS):
        return []
    return [Problem(page.file, page.front.line_of("last_reviewed"),
                    f"la página se revisó por última vez el {reviewed.isoformat()}, hace más de {REVIEW_MONTHS} meses",
                    "comprueba que el texto, las herramientas y las fuentes siguen al día y pon la fecha de hoy en "
                    "last_reviewed, en las dos versiones de la página")]


def check_module_translation(first: Page, second: Page) -> list[Problem]:
    """A module's duration, level, review date and number of objectives are the same in both languages."""
    if first.front_problems or second.front_problems:
        return []
    problems = []
    for key in SAME_IN_BOTH:
        one, other = first.front.data.get(key), second.front.data.get(key)
        if one is not None and other is not None and one != other:
            problems.append(Problem(
                second.file, second.front.line_of(key),
                f"'{key}' vale '{other}' aquí y '{one}' en {first.file}:{first.front.line_of(key)}",
                "pon el mismo valor en las dos versiones del módulo"))
    ones, others = first.front.data.get("objectives"), second.front.data.get("objectives")
    if isinstance(ones, list) and isinstance(others, list) and len(ones) != len(others):
        problems.append(Problem(
            second.file, second.front.line_of("objectives"),
            f"hay {len(others)} objetivos aquí y {len(ones)} en {first.file}:{first.front.line_of('objectives')}",
            "las dos versiones deben tener los mismos objetivos, en el mismo orden"))
    return problems


# ── Headings and anchors ───────────────────────────────────────────────────


@dataclass(frozen=True)
class Heading:
    level: int
    text: str  # as written, "## Paso a paso { #steps }"
    anchor: str | None
    line: int


def headings(page: Page) -> list[Heading]:
    found = []
    for number, line in _outside_code(page):
        match = _HEADING.match(page.lines[number - 1])
        if match:
            anchor = _HEADING_ANCHOR.search(match.group("text"))
            found.append(Heading(len(match.group("hashes")), page.lines[number - 1].strip(),
                                 anchor.group("anchor") if anchor else None, number))
    return found


def check_headings(page: Page) -> list[Problem]:
    """Sections have an explicit anchor, and no anchor is used twice on a page."""
    problems, seen = [], {}
    for heading in headings(page):
        if heading.anchor is None:
            if heading.level >= 2:
                problems.append(Problem(
                    page.file, heading.line, f"el título «{heading.text}» no tiene ancla {{ #… }}",
                    f"añade al final del título un ancla corta en inglés, en minúsculas y con guiones, igual en los "
                    f"dos idiomas, por ejemplo: {heading.text} {{ #mi-seccion }}"))
            continue
        if heading.anchor in seen:
            problems.append(Problem(
                page.file, heading.line, f"el ancla #{heading.anchor} ya está en la línea {seen[heading.anchor]}",
                "cada título necesita un ancla distinta: cambia una de las dos (en los dos idiomas)"))
        seen.setdefault(heading.anchor, heading.line)
    return problems


def compare_headings(first: Page, second: Page) -> list[Problem]:
    """Both versions have the same headings (level and anchor), in the same order; reports the first difference."""
    ones, others = headings(first), headings(second)
    fix = ("las dos versiones deben tener los mismos títulos, en el mismo orden, con el mismo número de # y la misma "
           "ancla { #… } (el texto del título sí se traduce)")
    for one, other in zip(ones, others):
        if (one.level, one.anchor) != (other.level, other.anchor):
            return [Problem(first.file, one.line,
                            f"los títulos no coinciden: aquí, en la línea {one.line}, hay «{one.text}» y en "
                            f"{second.file}:{other.line} hay «{other.text}»", fix)]
    if len(ones) > len(others):
        extra = ones[len(others)]
        after = f" (después de la línea {others[-1].line})" if others else ""
        return [Problem(first.file, extra.line,
                        f"el título «{extra.text}» (línea {extra.line}) no está en {second.file}{after}", fix)]
    if len(others) > len(ones):
        extra = others[len(ones)]
        after = f" (después de la línea {ones[-1].line})" if ones else ""
        return [Problem(second.file, extra.line,
                        f"el título «{extra.text}» (línea {extra.line}) no está en {first.file}{after}", fix)]
    return []


def check_module_sections(page: Page) -> list[Problem]:
    """A module has every required section (## heading with its anchor)."""
    present = {heading.anchor for heading in headings(page) if heading.level == 2}
    language = 0 if page.locale == "es" else 1
    return [Problem(page.file, None, f"falta la sección «## {names[language]} {{ #{anchor} }}» del módulo",
                    f"añade el título  ## {names[language]} {{ #{anchor} }}  con su texto (mira el orden en "
                    f"scripts/templates/module.{page.locale}.md)")
            for anchor, names in MODULE_SECTIONS.items() if anchor not in present]


def explicit_anchors(page: Page) -> set[str]:
    """Ids written on the page: ``{ #anchor }`` attribute lists and HTML ``id="…"``."""
    found = set()
    for _, line in _outside_code(page):
        for attrs in _ATTR_LIST.findall(line):
            found.update(match.group("id") for match in _ATTR_ID.finditer(attrs.strip("{}: ")))
        found.update(match.group("id") for match in _HTML_ID.finditer(line))
    return found


def _has_marker(page: Page, marker: str) -> bool:
    return any(line.strip() == marker for _, line in _outside_code(page))


def generated_anchors(site: Site, page: Page) -> set[str]:
    """Ids the hooks add to a page: sources, tools, checklists and what each marker generates."""
    found = set()
    sources = page.front.data.get("sources")
    if isinstance(sources, list) and sources:
        found.add("sources")  # hooks/modules.py
    if page.is_module and site.tools and any(
            isinstance(tool.get("modules"), list) and page.id in tool["modules"] for tool in site.tools):
        found.add("tools")  # hooks/tool_directory.py
    module_ids = {module.id for module in site.modules(page.locale)}

    def checklist_ids(of: Page) -> set[str]:
        parsed, _ = checklists.parse_page(of.text, of.file, of.id)
        return {c.dom_id for c in parsed.checklists} | {i.dom_id for c in parsed.checklists for i in c.items}

    found |= checklist_ids(page)  # hooks/checklists.py
    if _has_marker(page, checklists.PROGRESS_MARKER):
        for module in site.modules(page.locale):
            found |= checklist_ids(module)
    if _has_marker(page, "<!-- glossary -->"):  # hooks/glossary.py
        found |= {term.id for term in site.glossary_terms.get(page.locale, [])}
    if _has_marker(page, DIRECTORY_MARKER):  # hooks/tool_directory.py
        found |= {ANCHOR_PREFIX + str(tool.get("id")) for tool in site.tools}
    if _has_marker(page, trainer_notes.NOTES_MARKER.text):  # hooks/trainer_notes.py
        found |= module_ids
    if _has_marker(page, quizzes.SELF_ASSESSMENT_MARKER):  # hooks/quizzes.py
        found |= module_ids | {"score"}
    if _has_marker(page, PLAN_MARKER.text):  # overrides/partials/digicom/session-plan.html
        found |= {"modules"} | {f"session-{length}" for length in SESSION_LENGTHS}
    return found


# ── Links and images ───────────────────────────────────────────────────────


@dataclass(frozen=True)
class Link:
    line: int
    text: str
    target: str
    image: bool


def links(page: Page) -> list[Link]:
    found = []
    for number, line in _outside_code(page):
        for match in _LINK.finditer(line):
            found.append(Link(number, match.group("text"), match.group("target").strip("<>"), bool(match.group("bang"))))
        for match in _REFERENCE_IMAGE.finditer(line):
            found.append(Link(number, match.group("text"), "", True))
        reference = _REFERENCE.match(line)
        if reference:
            found.append(Link(number, reference.group("label"), reference.group("target").strip("<>"), False))
    return found


def _closest(word: str, options: Iterable[str]) -> str:
    matches = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.75)
    return f" ¿Querías decir «{matches[0]}»?" if matches else ""


def check_links(site: Site, page: Page, anchors: Callable[[Page], set[str]]) -> list[Problem]:
    """Relative links lead to a page of the site (and to an anchor it has); images have alt text."""
    problems = []
    folder = posixpath.dirname(page.src_uri)
    for link in links(page):
        shown = f"«{link.target}»" if link.target else "de esta línea"
        if link.image and not link.text.strip():
            problems.append(Problem(
                page.file, link.line, f"la imagen {shown} no tiene texto alternativo",
                "escribe entre los corchetes qué muestra la imagen, para quien no la ve: "
                "![Escaparate de la tienda con las rebajas](foto.jpg)"))
        if link.image and not link.target:
            continue  # a reference-style image: its address is checked on its [label]: line
        if not link.target:
            problems.append(Problem(page.file, link.line, f"el enlace «{link.text}» no tiene dirección",
                                    "escribe la dirección entre los paréntesis: [texto](pagina.md)"))
            continue
        if _SCHEME.match(link.target):
            continue  # another website, an email address or a phone number
        if link.target.startswith("/"):
            problems.append(Problem(
                page.file, link.line, f"el enlace {shown} empieza por /",
                "escribe la ruta desde esta página, sin / al principio, por ejemplo ../ley-y-consentimiento.md"))
            continue
        path, _, anchor = link.target.partition("#")
        path = unquote(path.split("?", 1)[0])
        if not path:
            target = page
        else:
            resolved = posixpath.normpath(posixpath.join(folder, path))
            suffix = _SUFFIX.search(path)
            if path.endswith(".md") and suffix and suffix.group("locale") in site.locales:
                plain = path[: suffix.start()] + ".md"
                written = f"{plain}#{anchor}" if anchor else plain
                problems.append(Problem(
                    page.file, link.line, f"el enlace {shown} lleva el idioma en el nombre del archivo",
                    f"escribe {written}: el sitio elige solo la versión del idioma de la página"))
                continue
            if not path.endswith(".md"):
                if resolved.startswith("..") or not (site.root / "docs" / resolved).is_file():
                    kind = "la imagen" if link.image else "el archivo"
                    problems.append(Problem(page.file, link.line, f"{kind} {shown} no existe en docs/",
                                            "revisa el nombre y la carpeta (../ sube una carpeta) o añade el archivo "
                                            "a docs/"))
                continue
            key = resolved[:-3]
            target = site.page(key, page.locale)
            if target is None and not resolved.startswith("..") and (site.root / "docs" / resolved).is_file():
                continue  # a page without language suffix (not used on this site)
            if target is None:
                options = [posixpath.relpath(f"{other}.md", folder or ".") for other in site.keys()]
                problems.append(Problem(
                    page.file, link.line,
                    f"el enlace {shown} no lleva a ninguna página: no existe docs/{key}.{page.locale}.md",
                    "escribe el nombre del archivo sin .es ni .en, desde la carpeta de esta página (../ sube una "
                    f"carpeta).{_closest(path, options)}"))
                continue
        if anchor and anchor not in anchors(target):
            listed = sorted(h.anchor for h in headings(target) if h.anchor)
            where = "esta página" if target is page else target.file
            problems.append(Problem(
                page.file, link.line, f"el ancla #{anchor} del enlace {shown} no existe en {where}",
                f"usa una de las anclas de sus títulos: {', '.join(listed) or 'no tiene ninguna'}.{_closest(anchor, listed)}"))
    for number, line in _outside_code(page):
        for tag in _IMG_TAG.findall(line):
            alt = _IMG_ALT.search(tag)
            if alt is None or not (alt.group("double") or alt.group("single") or alt.group("bare") or "").strip():
                problems.append(Problem(
                    page.file, number, "la imagen <img> no tiene texto alternativo (alt)",
                    'añade alt="qué muestra la imagen", por ejemplo <img src="foto.jpg" alt="Escaparate con rebajas">'))
    return problems


def check_placeholders(page: Page) -> list[Problem]:
    """Text that `make new-module` left to fill in."""
    return [Problem(page.file, number, f"queda un texto por rellenar: «{line.strip()[:80]}»",
                    f"escribe tu texto en su lugar y borra la palabra {PLACEHOLDER}")
            for number, (line, code) in enumerate(zip(page.lines, page.in_code), start=1)
            if not code and PLACEHOLDER in line]


# ── Checklists, quizzes, trainer notes, markers (the hooks' own checks) ────


def check_blocks(site: Site, page: Page) -> list[Problem]:
    """What hooks/checklists.py, quizzes.py, trainer_notes.py, tool_directory.py and session_plan.py check on one page."""
    key = page.key
    checklist_page, problems = checklists.parse_page(page.text, page.file, page.id)
    problems += checklists.check_progress_marker(checklist_page, page.text, is_progress_page=key == "mi-progreso")
    quiz_page, found = quizzes.parse_page(page.text, page.file)
    problems += found
    problems += quizzes.check_markers(quiz_page, is_self_assessment=key == quizzes.SELF_ASSESSMENT_PAGE)
    _, found = trainer_notes.parse_notes(page.text, page.file)
    problems += found
    problems += check_marker(page.text, page.file, trainer_notes.NOTES_MARKER,
                             is_its_page=key == trainer_notes.NOTES_PAGE)
    problems += check_marker(page.text, page.file, PLAN_MARKER, is_its_page=key == PLAN_MARKER.page_key)
    problems += marker_problems(page.text, page.file, is_directory=key == "herramientas")
    if page.is_module:
        problems += checklists.check_checklist_anchor(checklist_page, page.text)
        problems += quizzes.check_module(quiz_page)
    return problems


def compare_blocks(first: Page, second: Page) -> list[Problem]:
    """Both versions have the same checklists, questions and trainer notes."""
    problems = []
    one, one_problems = checklists.parse_page(first.text, first.file, first.id)
    other, other_problems = checklists.parse_page(second.text, second.file, second.id)
    if not one_problems and not other_problems:  # as hooks/checklists.py: compare once each is right
        problems += checklists.check_translation(one, other)
    problems += quizzes.check_translation(quizzes.parse_page(first.text, first.file)[0],
                                          quizzes.parse_page(second.text, second.file)[0])
    problems += trainer_notes.check_translation(trainer_notes.parse_notes(first.text, first.file)[0],
                                                trainer_notes.parse_notes(second.text, second.file)[0])
    return problems


def check_unique_ids(site: Site) -> list[Problem]:
    pages = [checklists.parse_page(page.text, page.file, page.id)[0]
             for page in site.pages.values() if page.locale == site.default]
    return checklists.check_unique_page_ids(pages)


# ── Data files ─────────────────────────────────────────────────────────────


def check_data(site: Site, today: dt.date) -> list[Problem]:
    problems = []
    tools_file = site.root / TOOLS
    if tools_file.is_file():
        module_ids = sorted({page.id for page in site.modules(site.default)})
        _, found = check_tools(tools_file.read_text(encoding="utf-8"), read_schema(), module_ids, today=today)
        problems += found
    else:
        problems.append(Problem(TOOLS, None, "no existe el archivo de herramientas",
                                "crea data/tools.yml con una herramienta al menos"))
    glossary_file = site.root / GLOSSARY
    if glossary_file.is_file():
        _, found = load_glossary(glossary_file.read_text(encoding="utf-8"), GLOSSARY, list(site.locales))
        problems += found
    else:
        problems.append(Problem(GLOSSARY, None, "no existe el archivo del glosario",
                                "crea data/glossary.yml con un término al menos"))
    return problems


# ── Spelling ───────────────────────────────────────────────────────────────


@dataclass
class WordList:
    """Words the dictionaries do not know but that are right: data/wordlist.txt, glossary terms, tool names."""

    exact: set[str] = field(default_factory=set)
    any_case: set[str] = field(default_factory=set)  # entries written in lowercase match any case
    problems: list[Problem] = field(default_factory=list)

    def add(self, word: str) -> None:
        self.exact.add(word)
        if word == word.lower():
            self.any_case.add(word)

    def knows(self, word: str) -> bool:
        if word in self.exact or word.lower() in self.any_case:
            return True
        return word.isupper() and any(entry.upper() == word for entry in self.exact)


def read_wordlist(site: Site) -> WordList:
    words = WordList()
    path = site.root / WORDLIST
    if path.is_file():
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if len(line.split()) > 1:
                words.problems.append(Problem(
                    WORDLIST, number, f"la línea «{line}» tiene más de una palabra",
                    "escribe una sola palabra por línea; los comentarios van en su propia línea, empezando por #"))
                continue
            words.add(line)
    for terms in site.glossary_terms.values():
        for term in terms:
            for word in re.findall(rf"[{_WORD_CHARS}]+", term.term):
                words.add(word)
    for tool in site.tools:
        for word in re.findall(rf"[{_WORD_CHARS}]+", str(tool.get("name") or "")):
            words.add(word)
    return words


@dataclass(frozen=True)
class SpellSource:
    """Text to spell-check in one language, and the file lines to point at."""

    file: str
    locale: str
    text: str
    lines: tuple[tuple[int, str], ...]  # (number, line) where a word may be found


def _clean(text: str) -> str:
    return _URL_OR_EMAIL.sub(" ", text.replace(PLACEHOLDER, " "))


def page_source(page: Page) -> SpellSource:
    """What a reader (or a trainer) reads: front matter texts, the page, and its trainer notes."""
    data = page.front.data
    parts = [str(data.get(key)) for key in ("title", "description") if isinstance(data.get(key), str)]
    objectives = data.get("objectives")
    if isinstance(objectives, list):
        parts += [str(objective) for objective in objectives]
    parts.append(reader_text(page.text))
    notes, _ = trainer_notes.parse_notes(page.text, page.file)
    parts += [f"{note.title}\n{reader_text(note.body)}" for note in notes.notes]
    lines = tuple((number, line) for number, (line, code) in enumerate(zip(page.lines, page.in_code), start=1)
                  if not code)
    return SpellSource(page.file, page.locale, _clean("\n".join(parts)), lines)


def data_sources(site: Site) -> list[SpellSource]:
    """The texts of the glossary and the tool directory that pages show, one source per file and language."""
    sources = []
    for name, fields, entries in (
            (GLOSSARY, ("term", "expansion", "definition"), None),
            (TOOLS, ("price_note", "data", "good_for"), site.tools)):
        path = site.root / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        if entries is None:
            try:
                entries = yaml.safe_load(text)
            except yaml.YAMLError:
                continue  # reported by check_data
        all_lines = [(number, line) for number, line in enumerate(text.splitlines(), start=1)
                     if not line.lstrip().startswith("#")]
        for locale in site.locales:
            own = re.compile(rf"(?:^|[\s{{,]){locale}:")  # the lines of this language: "es: …", "{es: …, en: …}"
            lines = tuple((number, line) for number, line in all_lines if own.search(line)) or tuple(all_lines)
            parts = []
            for entry in entries if isinstance(entries, list) else []:
                if not isinstance(entry, dict):
                    continue
                for key in fields:
                    holder = entry.get(locale) if name == GLOSSARY else entry.get(key)
                    value = holder.get(key if name == GLOSSARY else locale) if isinstance(holder, dict) else None
                    if isinstance(value, str):
                        parts.append(value)
            sources.append(SpellSource(name, locale, _clean("\n".join(parts)), lines))
    return sources


def run_hunspell(locale: str, text: str) -> list[str]:
    """Words hunspell does not know (``hunspell -l``), once each, in order."""
    result = subprocess.run(["hunspell", "-l", "-i", "utf-8", "-d", HUNSPELL_DICTIONARIES[locale]],
                            input=text, capture_output=True, text=True, encoding="utf-8", check=False)
    if "Can't open" in result.stderr or result.returncode != 0:
        raise FileNotFoundError(result.stderr.strip() or f"hunspell -d {HUNSPELL_DICTIONARIES[locale]}")
    return list(dict.fromkeys(result.stdout.split()))


def hunspell_suggestions(locale: str, words: list[str]) -> dict[str, str]:
    """hunspell's first suggestion for each word (pipe mode, ``hunspell -a``)."""
    if not words:
        return {}
    result = subprocess.run(["hunspell", "-a", "-i", "utf-8", "-d", HUNSPELL_DICTIONARIES[locale]],
                            input="\n".join(f"^{word}" for word in words), capture_output=True, text=True,
                            encoding="utf-8", check=False)
    suggestions = {}
    for line in result.stdout.splitlines():
        match = re.match(r"^& (?P<word>\S+) \d+ \d+: (?P<first>[^,]+)", line)
        if match:
            suggestions[match.group("word")] = match.group("first").strip()
    return suggestions


def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![{_WORD_CHARS}]){re.escape(word)}(?![{_WORD_CHARS}])")


def _possessive_base(word: str) -> str | None:
    match = re.match(r"^(?P<base>.+)['’]s$", word)
    return match.group("base") if match else None


def check_spelling(site: Site, words: WordList,
                   hunspell: Callable[[str, str], list[str]] = run_hunspell) -> list[Problem]:
    """hunspell on the pages' text and the data files' texts, language by language.

    One hunspell run per language (loading a dictionary takes a moment); each unknown
    word that is not in the word list is then reported in every file of that language
    that uses it, at its first line.
    """
    if shutil.which("hunspell") is None and hunspell is run_hunspell:
        return [Problem(WORDLIST, None, "no se ha podido revisar la ortografía: falta el programa hunspell",
                        f"instálalo con  {HUNSPELL_INSTALL}")]
    pages = sorted(site.pages.values(), key=lambda p: p.src_uri)
    all_sources = [page_source(page) for page in pages] + data_sources(site)
    problems = []
    for locale in site.locales:
        if locale not in HUNSPELL_DICTIONARIES:
            continue
        sources = [source for source in all_sources if source.locale == locale]
        try:
            unknown = [w for w in hunspell(locale, "\n".join(source.text for source in sources))
                       if len(w) > 1 and not any(c.isdigit() for c in w) and not words.knows(w)]
            bases = sorted({base for w in unknown if (base := _possessive_base(w))})
            unknown_bases = set(hunspell(locale, "\n".join(bases))) if bases else set()
        except FileNotFoundError as error:
            problems.append(Problem(WORDLIST, None, "no se ha podido revisar la ortografía en "
                                    f"{LANGUAGE_NAMES.get(locale, locale)} ({error})",
                                    f"instala hunspell y sus diccionarios:  {HUNSPELL_INSTALL}"))
            continue
        unknown = [w for w in unknown if not ((base := _possessive_base(w))
                                              and (base not in unknown_bases or words.knows(base)))]
        suggestions = hunspell_suggestions(locale, unknown[:SUGGESTIONS_MAX]) if hunspell is run_hunspell else {}
        for source in sources:
            for word in unknown:
                pattern = _word_pattern(word)
                if not pattern.search(source.text):
                    continue
                lines = [number for number, line in source.lines if pattern.search(line)]
                also = f" (también en las líneas {', '.join(map(str, lines[1:6]))})" if len(lines) > 1 else ""
                hint = f" ¿Querías decir «{suggestions[word]}»?" if word in suggestions else ""
                in_data = f" (en el texto en {LANGUAGE_NAMES.get(locale, locale)})" if source.file.startswith("data/") else ""
                problems.append(Problem(
                    source.file, lines[0] if lines else None,
                    f"«{word}» no está en el diccionario de {LANGUAGE_NAMES.get(locale, locale)}{in_data}{also}",
                    f"si es una errata, corrígela (en esta versión y, si hace falta, en la otra).{hint} Si está bien "
                    f"escrita (un nombre, una marca, una palabra que el diccionario no conoce), añádela en su propia "
                    f"línea a {WORDLIST}"))
    return problems


def check_codespell(root: Path, reported: set[tuple[str, str]] = frozenset()) -> list[Problem]:
    """codespell (common English typos) on docs/, hooks/, scripts/ and overrides/; data/wordlist.txt is its ignore list.

    ``reported``: ``(file, word)`` pairs hunspell already reported, left out here.
    """
    folders = [folder for folder in CODESPELL_FOLDERS if (root / folder).is_dir()]
    if not folders:
        return []
    command = [sys.executable, "-m", "codespell_lib", "--skip", CODESPELL_SKIP]
    if (root / WORDLIST).is_file():
        command += ["--ignore-words", WORDLIST]
    result = subprocess.run(command + folders, cwd=root, capture_output=True, text=True, encoding="utf-8", check=False)
    if "No module named" in result.stderr:
        return [Problem("requirements-test.txt", None, "no se ha podido buscar erratas en inglés: falta codespell",
                        "ejecuta  make check  (instala lo que hace falta) o  .venv/bin/pip install -r requirements-test.txt")]
    problems = []
    for line in result.stdout.splitlines():
        match = _CODESPELL_LINE.match(line)
        if match and (match.group("file"), match.group("word")) not in reported:
            problems.append(Problem(
                match.group("file"), int(match.group("line")),
                f"«{match.group('word')}» parece una errata en inglés (codespell propone «{match.group('fix')}»)",
                f"corrígela; si la palabra está bien escrita (por ejemplo, es una palabra española en un mensaje), "
                f"añádela en su propia línea a {WORDLIST}"))
    if result.returncode not in (0, 65) and not problems:
        problems.append(Problem(WORDLIST, None, f"codespell no ha podido terminar ({result.stderr.strip()[:200]})",
                                "ejecuta  .venv/bin/codespell docs  para ver el error"))
    return problems


# ── Putting it together ────────────────────────────────────────────────────


@dataclass
class Report:
    problems: list[Problem]
    warnings: list[Problem]


def check_site(root: Path, today: dt.date, *, hunspell: Callable[[str, str], list[str]] = run_hunspell,
               codespell: bool = True) -> Report:
    """Every check on a site folder: ``Report(problems, warnings)``."""
    site = load_site(root)
    problems = check_file_names(site) + check_translations_exist(site) + check_nav(site)
    warnings: list[Problem] = []
    anchor_cache: dict[str, set[str]] = {}

    def anchors(page: Page) -> set[str]:
        if page.src_uri not in anchor_cache:
            anchor_cache[page.src_uri] = explicit_anchors(page) | generated_anchors(site, page)
        return anchor_cache[page.src_uri]

    for page in sorted(site.pages.values(), key=lambda p: p.src_uri):
        problems += check_front_matter(page, today)
        warnings += review_warnings(page, today)
        problems += check_headings(page)
        if page.is_module:
            problems += check_module_sections(page)
        problems += check_blocks(site, page)
        problems += check_links(site, page, anchors)
        problems += check_placeholders(page)
    for key in site.keys():
        first = site.page(key, site.default)
        for locale in site.locales[1:]:
            second = site.page(key, locale)
            if first is None or second is None:
                continue
            problems += compare_headings(first, second)
            problems += compare_blocks(first, second)
            if first.is_module:
                problems += check_module_translation(first, second)
    problems += check_unique_ids(site)
    problems += check_data(site, today)
    words = read_wordlist(site)
    problems += words.problems
    spelling = check_spelling(site, words, hunspell)
    problems += spelling
    if codespell:
        reported = {(p.file, m.group(1)) for p in spelling if (m := re.match(r"«(.+?)»", p.problem))}
        problems += check_codespell(site.root, reported)
    unique = list(dict.fromkeys(problems))
    unique.sort(key=lambda p: (p.file, p.line or 0))
    return Report(unique, warnings)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem, kind: str = "error") -> str:
    """A GitHub workflow command that shows the problem on its file and line in a pull request."""
    where = f"file={_escape_property(problem.file)}"
    if problem.line:
        where += f",line={problem.line}"
    return f"::{kind} {where}::{_escape_data(f'{problem.problem}. Cómo arreglarlo / How to fix it: {problem.fix}')}"


def format_report(report: Report, *, github: bool = False) -> str:
    lines = []
    for problem in report.problems:
        lines.append(str(problem))
        if github:
            lines.append(annotation(problem))
    for warning in report.warnings:
        lines.append(f"Aviso / Warning: {warning}")
        if github:
            lines.append(annotation(warning, "warning"))
    count = len(report.problems)
    if count:
        lines.append(f"El contenido tiene {count} error(es) / The content has {count} error(s). "
                     "Lee CONTRIBUTING.md, «Las comprobaciones», si un mensaje no se entiende.")
    else:
        lines.append("Contenido correcto / Content OK.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the site folder (default: this repository)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(),
                        help="the date to compare review dates with (default: today)")
    args = parser.parse_args(argv)
    report = check_site(args.root.resolve(), args.today)
    print(format_report(report, github=os.environ.get("GITHUB_ACTIONS") == "true"))
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
