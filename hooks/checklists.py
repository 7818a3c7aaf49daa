"""Checklists that merchants tick and keep.

A module ends with a checklist written as ``!!! checklist "Title"`` followed by
``- [ ] item`` lines. This hook:

- reads every page of the language being built and, from ``docs/``, its
  translation (``x.es.md`` ↔ ``x.en.md``), and stops the build naming file, line
  and fix for every malformed checklist, for a translation whose checklists or
  items do not match in number, and for a misplaced progress marker
  (``course.checklists``);
- replaces each checklist with real checkboxes (template
  ``partials/digicom/checklist.html``). Each item's id, ``<page id>/<list>/<item>``,
  is the same in both languages, so ``assets/javascripts/checklists.js`` keeps a
  tick across reloads and the language switch;
- replaces the marker ``<!-- checklist-progress -->`` on the "Mi progreso" page
  (``docs/mi-progreso.*.md``) with every module's checklist, in menu order
  (``partials/digicom/checklist-progress.html``).

Data: the pages in ``docs/``, ``data/strings.yml`` (keys ``checklist_…``).
Events: ``on_nav`` (read and check, after mkdocs-static-i18n has chosen this
language's files and menu) and ``on_page_markdown`` (render).
"""

from __future__ import annotations

from pathlib import Path

from course.checklists import (
    ChecklistPage,
    ModuleChecklists,
    check_checklist_anchor,
    check_progress_marker,
    check_translation,
    check_unique_page_ids,
    parse_page,
    replace_checklists,
    replace_progress_marker,
)
from course.frontmatter import read_front_matter
from course.language import existing_translations, file_locale, page_id, page_key, site_locales
from course.layout import MODULES_FOLDER, STRINGS
from course.problems import Problem, raise_if_any
from course.strings import strings_for
from course.templates import render_partial
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

PROGRESS_PAGE = "mi-progreso"  # page_key of docs/mi-progreso.es.md and .en.md


_pages: dict[str, ChecklistPage] = {}  # this language's pages, by src_uri
_modules: list[ModuleChecklists] = []  # modules with a checklist, in menu order


def _check_file(src_uri: str, text: str) -> tuple[ChecklistPage, list[Problem]]:
    """Check the checklists and progress markers of one Markdown file."""
    page, problems = parse_page(text, f"docs/{src_uri}", page_id(src_uri))
    problems += check_progress_marker(page, text, is_progress_page=page_key(src_uri) == PROGRESS_PAGE)
    if src_uri.startswith(MODULES_FOLDER):
        problems += check_checklist_anchor(page, text)
    return page, problems


@event_priority(-150)  # after mkdocs-static-i18n has kept only this language's files and menu
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    global _pages, _modules
    docs = Path(config.docs_dir)
    locales = site_locales(config)
    _pages, texts, problems = {}, {}, []
    for file in files.documentation_pages():
        src_uri = file.src_uri
        texts[src_uri] = file.content_string  # also right for a page another hook generates
        page, found = _check_file(src_uri, texts[src_uri])
        _pages[src_uri] = page
        problems += found
        locale = file_locale(src_uri, config.theme["language"])
        for other, twin_uri in existing_translations(src_uri, locales, docs, config.theme["language"]):
            twin, twin_problems = _check_file(twin_uri, (docs / twin_uri).read_text(encoding="utf-8"))
            problems += twin_problems
            if found or twin_problems:
                continue  # compare the two versions once each is right on its own
            pair = (page, twin) if locales.index(locale) < locales.index(other) else (twin, page)
            problems += check_translation(*pair)
    problems += check_unique_page_ids(list(_pages.values()))
    raise_if_any(problems)

    _modules = []
    for nav_page in nav.pages:
        page = _pages.get(nav_page.file.src_uri)
        if page and page.checklists and nav_page.file.src_uri.startswith(MODULES_FOLDER):
            front, _ = read_front_matter(texts[nav_page.file.src_uri], page.file)
            title = front.data.get("title")
            _modules.append(ModuleChecklists(title if isinstance(title, str) else page.page_id,
                                             nav_page.file.url, page.checklists))
    return nav



def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    found = _pages.get(page.file.src_uri)
    if found is None or not (found.checklists or found.marker_lines):
        return markdown
    strings = strings_for(str(STRINGS), file_locale(page.file.src_uri, config.theme["language"]))
    markdown = replace_checklists(markdown, found.page_id,
                                  lambda checklist: render_partial(config, "checklist.html", checklist=checklist, t=strings))
    if found.marker_lines:
        modules = [{"title": module.title, "url": get_relative_url(module.url, page.url) + "#checklist",
                    "checklists": module.checklists} for module in _modules]
        markdown = replace_progress_marker(markdown, render_partial(config, "checklist-progress.html",
                                                             modules=modules, t=strings))
    return markdown
