"""The course model: every page in every language and every data file, read once per build.

:func:`load_course` reads ``docs/``, ``data/`` and the site settings (from
``mkdocs.yml``, or from MkDocs' loaded configuration during a build) and returns a
:class:`Course`: each page with its front matter (and the line of each field), what
the scanner found in it (headings, links, images, raw HTML, markers), its blocks
(checklists, quizzes, trainer notes, practice tools), its translation twin and its
role; each data file with the line of each entry. Reading never raises: whatever
cannot be read or parsed is kept as a :class:`~course.problems.Problem` for the
rules (``course.rules``) to report, all at once.

The build (``hooks/course_model.py``) and ``make check`` (``scripts/check_content.py``)
both use this model, so they see the same course. Hooks render from it and read no
file themselves.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any

from . import association as association_data
from . import checklists as checklist_blocks
from . import glossary as glossary_data
from . import practice as practice_blocks
from . import quizzes as quiz_blocks
from . import redirects as redirect_data
from . import strings as strings_data
from . import tools as tools_data
from . import trainer_notes as note_blocks
from .frontmatter import FrontMatter, read_front_matter
from .markdown import Comment, Html, Link, Prose, Scan, scan
from .problems import Problem
from .read_cache import ReadCache
from .reading import LineMap, load_yaml, read_text
from .roles import BY_MARKER, is_module

_SUFFIX = re.compile(r"\.(?P<locale>[a-z]{2})\.md$")
DATA_FOLDER = "data"


@dataclass
class Settings:
    """What the model needs from ``mkdocs.yml``."""

    locales: tuple[str, ...] = ("es", "en")  # every built language, the default first
    nav: Any = None  # the menu as written
    nav_lines: LineMap = field(default_factory=LineMap)
    quiz_options: dict[str, Any] | None = None  # mkdocs_quiz's settings; None when the plugin is missing
    site_url: str = ""
    published: set[str] | None = None  # page keys of the published branch (None: unknown, no git)
    config_file: str = "mkdocs.yml"
    problems: list[Problem] = field(default_factory=list)

    @property
    def default(self) -> str:
        return self.locales[0]


@dataclass(frozen=True)
class NavEntry:
    """One page line of the menu."""

    path: str  # as written: "modulos/sms.md"
    line: int | None  # in mkdocs.yml
    section: str | None  # "Módulos"

    @property
    def key(self) -> str | None:
        """The page it names ("modulos/sms"), or None for an external link."""
        if re.match(r"^[a-z][a-z0-9+.-]*:", self.path) or not self.path.endswith(".md"):
            return None
        return _SUFFIX.sub("", self.path).removesuffix(".md")


@dataclass
class Page:
    """One Markdown file of ``docs/`` and everything the site needs from it."""

    src_uri: str  # "modulos/sms.es.md"
    locale: str  # "es"
    text: str  # the file as read: UTF-8, "\n" line ends, no byte-order mark
    front: FrontMatter
    body: str  # what MkDocs renders (front matter removed)
    scan: Scan
    read_problems: list[Problem] = field(default_factory=list)
    block_problems: list[Problem] = field(default_factory=list)
    checklists: list[checklist_blocks.Checklist] = field(default_factory=list)
    quizzes: list[quiz_blocks.Quiz] = field(default_factory=list)
    notes: list[note_blocks.TrainerNote] = field(default_factory=list)
    practices: list[practice_blocks.Practice] = field(default_factory=list)
    markers: dict[str, list[int]] = field(default_factory=dict)  # role name → lines of its marker
    # What is worked out from the page once per build, for several hooks (course.timing's class time).
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def file(self) -> str:
        return f"docs/{self.src_uri}"

    @property
    def key(self) -> str:
        """The page without its language: "modulos/sms"."""
        return _SUFFIX.sub("", self.src_uri)

    @property
    def id(self) -> str:
        """A short stable id: the file name without folder and suffixes ("sms")."""
        return PurePosixPath(self.key).name

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @property
    def is_module(self) -> bool:
        return is_module(self.src_uri)

    @property
    def readable(self) -> bool:
        """Read and front matter understood: the rules can look inside."""
        return not self.read_problems

    def has_role(self, role: str) -> bool:
        return role in self.markers

    @property
    def title(self) -> str:
        return self.front.text("title") or self.id

    @property
    def comments(self) -> list[Comment]:
        return self.scan.comments

    @property
    def links(self) -> list[Link]:
        return self.scan.links

    @property
    def html(self) -> list[Html]:
        return self.scan.html


@dataclass
class Course:
    """The whole site as editors wrote it."""

    root: Path
    settings: Settings
    pages: dict[str, Page]
    assets: set[str]  # other files in docs/ ("img/escaparate.jpg")
    odd_pages: list[str]  # .md files whose name does not say their language
    glossary: glossary_data.Glossary
    tools: tools_data.ToolData
    strings: strings_data.Strings
    redirects: redirect_data.Redirects
    association: association_data.Association
    today: dt.date

    @property
    def locales(self) -> tuple[str, ...]:
        return self.settings.locales

    @property
    def default(self) -> str:
        return self.settings.default

    def page(self, key: str, locale: str) -> Page | None:
        return self.pages.get(f"{key}.{locale}.md")

    def keys(self) -> list[str]:
        return sorted({page.key for page in self.pages.values()})

    def twins(self, key: str) -> list[Page]:
        """Every language's version of a page that exists, the default language first."""
        return [page for locale in self.locales if (page := self.page(key, locale))]

    def in_locale(self, locale: str) -> Iterator[Page]:
        return (page for page in sorted(self.pages.values(), key=lambda p: p.src_uri) if page.locale == locale)

    @property
    def nav_entries(self) -> list[NavEntry]:
        return list(_nav_entries(self.settings.nav, self.settings.nav_lines))

    def nav_keys(self) -> list[str]:
        return [entry.key for entry in self.nav_entries if entry.key]

    def modules(self, locale: str) -> list[Page]:
        """The modules of one language, in menu order (modules missing from the menu last)."""
        ordered = [page for key in self.nav_keys() if (page := self.page(key, locale)) and page.is_module]
        rest = [page for page in self.in_locale(locale) if page.is_module and page not in ordered]
        return ordered + rest

    def with_role(self, role: str, locale: str) -> Page | None:
        return next((page for page in self.in_locale(locale) if page.has_role(role)), None)


def _nav_entries(nav: Any, lines: LineMap, where: tuple[Any, ...] = ("nav",),
                 section: str | None = None) -> Iterator[NavEntry]:
    if isinstance(nav, str):
        yield NavEntry(nav, lines.line_of(where) if lines.lines else None, section)
    elif isinstance(nav, list):
        for index, item in enumerate(nav):
            yield from _nav_entries(item, lines, where + (index,), section)
    elif isinstance(nav, dict):
        for title, item in nav.items():
            if isinstance(item, str):
                yield NavEntry(item, lines.line_of(where + (title,)) if lines.lines else None, section)
            else:
                yield from _nav_entries(item, lines, where + (title,), str(title))


# ── Reading ────────────────────────────────────────────────────────────────


def read_settings(root: Path, config_file: str = "mkdocs.yml") -> Settings:
    """The settings ``make check`` needs, read from ``mkdocs.yml`` without running MkDocs."""
    settings = Settings(config_file=config_file)
    text, problems = read_text(root / config_file, config_file)
    if text is None:
        settings.problems = problems
        return settings
    data, lines, problems = load_yaml(text, config_file, mkdocs_tags=True)
    if problems:
        settings.problems = [_nav_hint(problem) for problem in problems]
        return settings
    data = data if isinstance(data, dict) else {}
    if isinstance(data.get("INHERIT"), str):  # as MkDocs does: the parent's settings, then this file's
        parent_path = (root / config_file).parent / data.pop("INHERIT")
        parent = read_settings(parent_path.parent, parent_path.name)
        parent_text, _ = read_text(parent_path, parent_path.name)
        parent_data, parent_lines, _ = load_yaml(parent_text or "", parent_path.name, mkdocs_tags=True)
        if "nav" not in data:
            lines, settings.config_file = parent_lines, parent.config_file
        data = _merged(parent_data if isinstance(parent_data, dict) else {}, data)
    settings.nav, settings.nav_lines = data.get("nav"), lines
    settings.site_url = str(data.get("site_url") or "")
    for plugin in data.get("plugins") or []:
        name, options = (plugin, {}) if isinstance(plugin, str) else next(iter(plugin.items()), (None, {}))
        options = options if isinstance(options, dict) else {}
        if name == "i18n":
            languages = [lang for lang in options.get("languages") or []
                         if isinstance(lang, dict) and lang.get("locale") and lang.get("build", True) is not False]
            if languages:
                languages.sort(key=lambda lang: not lang.get("default"))
                settings.locales = tuple(str(lang["locale"]) for lang in languages)
        elif name == "mkdocs_quiz":
            settings.quiz_options = options
    return settings


def _merged(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """``INHERIT``: mappings merged key by key, anything else (lists included) taken from the child."""
    merged = dict(parent)
    for key, value in child.items():
        merged[key] = _merged(parent[key], value) if isinstance(value, dict) and isinstance(parent.get(key), dict) \
            else value
    return merged


def _nav_hint(problem: Problem) -> Problem:
    """A syntax error in mkdocs.yml, with what the menu lines look like (they are what editors change)."""
    return Problem(problem.file, problem.line, problem.problem,
                   f"{problem.fix}. Las líneas del menú (nav:) son así, con dos espacios más por cada nivel: "
                   "«  - Módulos:» y debajo «      - modulos/sms.md»")


def load_course(root: Path, settings: Settings, *, docs_dir: Path | None = None,
                today: dt.date | None = None, kept: ReadCache | None = None) -> Course:
    """Read a site folder: ``docs/`` (or ``docs_dir``), ``data/`` and the given settings.

    With ``kept`` (``course.read_cache``), files whose text an earlier build read are not read again.
    """
    root = Path(root)
    docs = Path(docs_dir) if docs_dir else root / "docs"
    sources: dict[str, bytes] = {}
    assets: set[str] = set()
    for path in sorted(docs.rglob("*")) if docs.is_dir() else []:
        if path.is_file():
            relative = path.relative_to(docs).as_posix()
            if relative.endswith(".md"):
                sources[relative] = path.read_bytes()
            else:
                assets.add(relative)
    data = {name: (root / DATA_FOLDER / name).read_bytes()
            for name in (glossary_data.FILE_NAME, tools_data.FILE_NAME, strings_data.FILE_NAME,
                         redirect_data.FILE_NAME, association_data.FILE_NAME)
            if (root / DATA_FOLDER / name).is_file()}
    if settings.published is None:
        settings.published = redirect_data.published_pages(root)
    return build_course(root, settings, sources, data, assets=assets, today=today or dt.date.today(), kept=kept)


def build_course(root: Path, settings: Settings, sources: Mapping[str, bytes | str],
                 data: Mapping[str, bytes | str], *, assets: set[str] | None = None,
                 today: dt.date | None = None, kept: ReadCache | None = None) -> Course:
    """The model from file contents: ``sources`` by path in docs/, ``data`` by file name in data/.

    ``kept``: what an earlier build read, for the files whose text has not changed.
    """
    from .reading import decode

    read: dict[str, Page] = {}
    odd: list[str] = []
    for src_uri, content in sorted(sources.items()):
        match = _SUFFIX.search(src_uri)
        if not match or match.group("locale") not in settings.locales:
            odd.append(src_uri)
            continue
        raw = content.encode() if isinstance(content, str) else content
        text, problems = decode(raw, f"docs/{src_uri}")
        locale = match.group("locale")
        if kept is None or text is None or problems:
            read[src_uri] = read_page(src_uri, locale, text, problems)
        else:
            read[src_uri] = kept.read("page", src_uri, locale, text, read=lambda: read_page(src_uri, locale, text, []))

    def read_data(name: str, reader: Callable[..., Any], *settings_used: tuple[str, ...]) -> Any:
        content = data.get(name)
        if content is None:
            return reader(None, [], *settings_used)
        text, problems = decode(content.encode() if isinstance(content, str) else content, f"{DATA_FOLDER}/{name}")
        if kept is None or text is None or problems:
            return reader(text, problems, *settings_used)
        return kept.read("data", name, text, *map(repr, settings_used), read=lambda: reader(text, [], *settings_used))

    course = Course(Path(root), settings, read, set(assets or ()), odd,
                    read_data(glossary_data.FILE_NAME, glossary_data.read_glossary, settings.locales),
                    read_data(tools_data.FILE_NAME, tools_data.read_tools),
                    read_data(strings_data.FILE_NAME, strings_data.read_strings, settings.locales),
                    read_data(redirect_data.FILE_NAME, redirect_data.read_redirects),
                    read_data(association_data.FILE_NAME, association_data.read_association),
                    today or dt.date.today())
    _assign_ids(course)
    return course


def read_page(src_uri: str, locale: str, text: str | None, problems: list[Problem]) -> Page:
    """One page: front matter, scan, blocks and markers."""
    file = f"docs/{src_uri}"
    if text is None:
        return Page(src_uri, locale, "", FrontMatter(), "", Scan(), read_problems=problems)
    front, body, front_problems = read_front_matter(text, file)
    found = scan(body, first_line=front.body_line)
    page = Page(src_uri, locale, text, front, body, found, read_problems=problems + front_problems)
    _read_blocks(page)
    return page


def _read_blocks(page: Page) -> None:
    lines = page.lines
    number = 0
    items: dict[str, tuple[int, int, str]] = {}  # every checklist item of the page, to refuse one item twice
    for block in page.scan.blocks:
        if block.kind == checklist_blocks.KIND.kind:
            number += 1
            checklist, problems = checklist_blocks.parse_checklist(block, lines, page.file, page.id, number, items)
            page.checklists.append(checklist)
            page.block_problems += problems
        elif block.kind == note_blocks.KIND.kind:
            note, problems = note_blocks.parse_note(block, lines, page.file)
            page.notes.append(note)
            page.block_problems += problems
        elif block.kind == practice_blocks.KIND.kind:
            practice, problems = practice_blocks.parse_practice(block, lines, page.file)
            page.practices.append(practice)
            page.block_problems += problems
    quizzes, problems = quiz_blocks.parse_quizzes(lines, page.scan, page.file, page.front.body_line)
    page.quizzes, page.block_problems = quizzes, page.block_problems + problems
    for quiz in quizzes:
        _rescan_inside(page, quiz.line, quiz.end)
    for comment in page.scan.comments:
        role = BY_MARKER.get(comment.text)
        if role:
            page.markers.setdefault(role.name, []).append(comment.line)
    for html in page.scan.html:  # a marker sharing its line with text: still meant (rules.markers reports it)
        for marker, role in BY_MARKER.items():
            if marker in html.html and role.name not in page.markers:
                page.markers[role.name] = [html.line]


def _rescan_inside(page: Page, first: int, last: int) -> None:
    """CommonMark reads a ``<quiz>`` block as raw HTML; mkdocs-quiz renders what is inside as Markdown.

    So the links, HTML and words inside are taken from a scan of the inside alone.
    """
    inner = scan("\n".join(page.lines[first:last - 1]), first_line=first + 1)
    outside = set(range(first, last + 1))

    def keep(items: list[Any]) -> list[Any]:
        return [item for item in items if item.line not in outside]

    page.scan.links = keep(page.scan.links) + inner.links
    page.scan.html = keep(page.scan.html) + inner.html
    page.scan.prose = keep(page.scan.prose) + [Prose(p.line, p.text, p.word_count, p.inside + ("quiz",), p.heading)
                                               for p in inner.prose]


def _assign_ids(course: Course) -> None:
    """Ids for checklist items and questions, from the default language's text, shared by the translations."""
    for key in course.keys():
        twins = course.twins(key)
        default = course.page(key, course.default)
        if default is None:
            continue
        others = [page for page in twins if page is not default]
        checklist_blocks.assign_ids(default.id, default.checklists, [page.checklists for page in others])
        for position, quiz in enumerate(default.quizzes):
            quiz.id = quiz_blocks.question_id(default.id, quiz.question)
            for page in others:
                if position < len(page.quizzes):
                    page.quizzes[position].id = quiz.id
