"""The bridge between MkDocs and the course model: one :class:`BuildState` per build.

This is the only module of ``course/`` that looks at MkDocs' objects (duck-typed:
nothing here imports MkDocs). Everything a hook keeps between events lives on the
:class:`BuildState` of the build's configuration object, so nothing survives from
one build to the next: ``mkdocs serve`` loads a new configuration for every rebuild,
and a test can run two builds in one process. mkdocs-static-i18n builds each other
language from inside the default language's build with the same configuration
object, so the model is read once and shared by every language.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .layout import PageParts
from .model import Course, Page, Settings, load_course
from .read_cache import ReadCache
from .reading import LineMap, load_yaml, read_text
from .templates import Partials
from .slides import SlidePlan, plan_slides

_ATTRIBUTE = "_digicom_build"


@dataclass
class BuildState:
    """What our hooks share during one build."""

    course: Course | None = None
    partials: Partials | None = None
    parts: dict[str, PageParts] = field(default_factory=dict)  # by src_uri
    slide_plans: dict[str, SlidePlan] = field(default_factory=dict)  # by src_uri; a module page and the sheet share them
    texts: dict[str, dict[str, str]] = field(default_factory=dict)  # by locale: data/strings.yml as templates get it
    extra: dict[str, Any] = field(default_factory=dict)  # small per-build memos of single hooks

    def page(self, src_uri: str) -> Page | None:
        return self.course.pages.get(src_uri) if self.course else None

    def parts_for(self, src_uri: str) -> PageParts:
        return self.parts.setdefault(src_uri, PageParts())

    def slide_plan(self, page: Page) -> SlidePlan:
        """A module's slides, planned once per build (its page and the trainers' sheet both show them)."""
        if page.src_uri not in self.slide_plans:
            self.slide_plans[page.src_uri] = plan_slides(page)
        return self.slide_plans[page.src_uri]

    def plan_modules(self, kept: ReadCache) -> None:
        """Every module's slides, from ``kept`` where an earlier build planned the same text."""
        for page in self.course.pages.values() if self.course else ():
            if page.is_module and page.readable:
                plan = kept.read("slides", page.src_uri, page.locale, page.text,
                                 read=lambda: replace(plan_slides(page), page=None))  # the page is kept on its own
                plan.page = page
                self.slide_plans[page.src_uri] = plan


def state_for(config: Any) -> BuildState:
    """The state of the build this configuration belongs to (made on first use)."""
    state = config.__dict__.get(_ATTRIBUTE)
    if state is None:
        state = BuildState()
        config.__dict__[_ATTRIBUTE] = state
    return state


def site_root(config: Any) -> Path:
    """The folder that holds ``docs/`` and ``data/`` (a fixture site's own folder in tests)."""
    return Path(config.docs_dir).resolve().parent


def cache_folder(config: Any, name: str) -> Path:
    """Where compiled templates and QR codes are kept between builds (``.cache/`` next to mkdocs.yml).

    ``DIGICOM_CACHE`` points elsewhere: the tests' fixture sites share the project's cache.
    """
    base = os.environ.get("DIGICOM_CACHE") or Path(config.config_file_path or ".").parent / ".cache"
    return Path(base) / name


def site_locales(config: Any) -> tuple[str, ...]:
    """Every language the site builds (mkdocs-static-i18n's settings), the default first."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return (config.theme["language"],)
    languages = sorted((lang for lang in i18n.config.languages if lang["build"]), key=lambda lang: not lang["default"])
    return tuple(language["locale"] for language in languages)


def settings_from_config(config: Any) -> Settings:
    """The model's settings from MkDocs' loaded configuration; menu lines from the configuration file."""
    file = Path(config.config_file_path) if config.config_file_path else None
    nav_lines, problems = LineMap(), []
    name = file.name if file else "mkdocs.yml"
    if file and file.is_file():
        text, problems = read_text(file, name)
        if text is not None:
            _, nav_lines, problems = load_yaml(text, name, mkdocs_tags=True)
    quiz = config.plugins.get("mkdocs_quiz")
    return Settings(locales=site_locales(config), nav=config.nav, nav_lines=nav_lines,
                    quiz_options=dict(quiz.config) if quiz else None, site_url=config.site_url or "",
                    config_file=name, problems=list(problems))


def read_cache(config: Any) -> ReadCache:
    """What earlier builds of this site read (``course.read_cache``)."""
    # Beside this site's own mkdocs.yml, never in DIGICOM_CACHE: a fixture site's reads are of no use to another.
    folder = Path(config.config_file_path or ".").parent / ".cache" / "read"
    return ReadCache(folder, str(Path(config.docs_dir).resolve()))


def read_course(config: Any, kept: ReadCache | None = None) -> Course:
    return load_course(site_root(config), settings_from_config(config), docs_dir=Path(config.docs_dir), kept=kept)


def in_nested_language_build(config: Any) -> bool:
    """True while mkdocs-static-i18n builds one more language from inside the main build.

    Hooks that work on the whole bilingual site (the search index, the 404 pages)
    wait for the main build's end, when every language is done.
    """
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and i18n.building)


def offline_copy(config: Any) -> bool:
    """True when Material's offline plugin is on (``make offline``)."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def page_locale(page: Any, config: Any) -> str:
    """The language of a page being built (its file's, as mkdocs-static-i18n set it)."""
    return getattr(page.file, "locale", None) or config.theme["language"]


def write_to_site(config: Any, path: str, text: str) -> None:
    """Write a file the build makes into the built site (``path`` relative to its root)."""
    target = Path(config.site_dir) / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def strings(state: BuildState, locale: str) -> dict[str, str]:
    """The interface texts of one language, as templates get them (``t``): made once per build."""
    if not state.course:
        return {}
    if locale not in state.texts:
        state.texts[locale] = state.course.strings.for_locale(locale)
    return state.texts[locale]


def url_to(files: Any, key: str, page: Any, anchor: str = "") -> str:
    """A link from the page being built to another page of its language (``key``: "modulos/sms")."""
    from mkdocs.utils import get_relative_url

    target = files.get_file_from_path(f"{key}.md")
    if target is None:
        raise KeyError(f"no page {key}.md in this language's build")
    return get_relative_url(target.url, page.url) + (f"#{anchor}" if anchor else "")
