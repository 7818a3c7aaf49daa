"""Course modules: check their front matter and show it.

Every page in ``docs/modulos/`` is a module. This hook:

- checks each module's front matter (title, description, duration, level,
  objectives, last_reviewed, sources), and every other page's title and
  description, and stops the build naming file, line and fix for every mistake
  (``course.frontmatter``);
- shows time, level and objectives under the module's title, and its sources
  at the end (templates ``partials/digicom/module-intro.html`` and ``sources.html``);
- replaces the marker ``<!-- modules -->`` on any page with the list of modules
  in menu order (``partials/digicom/module-list.html``).

Events: ``on_nav`` (collect and check modules in menu order) and
``on_page_markdown`` (render).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from course.frontmatter import check_module, check_page, read_front_matter
from course.language import file_locale
from course.layout import MODULES_FOLDER, STRINGS
from course.problems import Problem, raise_if_any
from course.strings import strings_for
from course.teaching import insert_after_title
from course.templates import render_partial
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

MODULE_LIST_MARKER = "<!-- modules -->"


@dataclass(frozen=True)
class Module:
    """What the site shows of a module, taken from its front matter."""

    src_uri: str
    url: str
    title: str
    description: str
    duration: int
    level: str
    objectives: tuple[str, ...]


_modules: list[Module] = []


def is_module(src_uri: str) -> bool:
    return src_uri.startswith(MODULES_FOLDER)


def collect_modules(pages: list[tuple[str, str, str]], today: dt.date) -> tuple[list[Module], list[Problem]]:
    """Check the front matter of ``(src_uri, url, markdown source)`` pages in menu order, and
    return the modules among them (every field) with the problems of all (title, description…)."""
    modules, problems = [], []
    for src_uri, url, text in pages:
        file = f"docs/{src_uri}"
        front, read_problems = read_front_matter(text, file)
        check = check_module if is_module(src_uri) else check_page
        found = read_problems or check(front, file, today)
        problems.extend(found)
        if is_module(src_uri) and not found:
            data = front.data
            modules.append(Module(src_uri, url, data["title"], data["description"], data["duration"],
                                  data["level"], tuple(data["objectives"])))
    return modules, problems



def _locale(page: Page, config: MkDocsConfig) -> str:
    return file_locale(page.file.src_uri, config.theme["language"])


@event_priority(-150)  # after mkdocs-static-i18n has set up this language's navigation
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    global _modules
    pages = [(p.file.src_uri, p.file.url, Path(p.file.abs_src_path).read_text(encoding="utf-8"))
             for p in nav.pages]
    _modules, problems = collect_modules(pages, dt.date.today())
    raise_if_any(problems)
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    strings = strings_for(str(STRINGS), _locale(page, config))
    if MODULE_LIST_MARKER in markdown:
        listed = [Module(**{**m.__dict__, "url": get_relative_url(m.url, page.url)}) for m in _modules]
        markdown = markdown.replace(MODULE_LIST_MARKER, render_partial(config, "module-list.html", modules=listed, t=strings))
    module = next((m for m in _modules if m.src_uri == page.file.src_uri), None)
    if module:
        markdown = insert_after_title(markdown, render_partial(config, "module-intro.html", module=module, t=strings))
    sources = page.meta.get("sources")
    if isinstance(sources, list) and sources:
        reviewed = page.meta.get("last_reviewed")
        markdown += (f"\n\n## {strings['sources_heading']} {{ #sources }}\n\n"
                     + render_partial(config, "sources.html", sources=sources, reviewed=reviewed, t=strings) + "\n")
    return markdown
