"""Tool directory: one data file, shown on the directory page and on each module.

Data read: ``data/tools.yml`` (next to ``mkdocs.yml``), checked against
``data/tools.schema.json`` by ``course.tools``; the module ids it may use are the
file names of ``docs/modulos/*.<default language>.md``. UI text comes from
``data/strings.yml`` (keys ``tools_…``).

This hook:

- checks the data file once per build (both languages) and stops the build
  naming file, line, tool, field and fix for every mistake;
- replaces the marker ``<!-- tool-directory -->`` on ``docs/herramientas.*.md``
  with the filters and one card per tool (``partials/digicom/tool-directory.html``
  and ``tool-card.html``); the marker anywhere else, a misspelt marker, or a
  directory page without it, is an error with file and line;
- appends ``## Tools for this module { #tools }`` to every module page
  (``docs/modulos/``), listing the module's tools with links to their cards
  (``partials/digicom/module-tools.html``). It runs before ``modules.py``, which
  appends the sources after it.

Events: ``on_config`` (read and check the data) and ``on_page_markdown`` (render).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from course.language import file_locale, page_id, page_key, translation_of
from course.layout import STRINGS
from course.problems import Problem, raise_if_any
from course.strings import strings_for
from course.templates import render_partial
from course.tools import (
    DIRECTORY_MARKER,
    MODULES_FOLDER,
    TOOLS_FILE,
    check_tools,
    filter_options,
    marker_problems,
    module_ids,
    read_schema,
    replace_marker,
    tool_view,
    tools_for_module,
)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

DIRECTORY_PAGE = "herramientas"  # docs/herramientas.es.md and .en.md

_checked: tuple[Any, ...] | None = None  # what was checked: (data text, module ids)
_tools: list[dict[str, Any]] = []
_schema: dict[str, Any] = {}


def _default_locale(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    for language in getattr(getattr(i18n, "config", None), "languages", None) or []:
        if language.get("default"):
            return language["locale"]
    return config.theme["language"]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _checked, _tools, _schema
    data_file = Path(config.config_file_path).parent / TOOLS_FILE
    text = data_file.read_text(encoding="utf-8") if data_file.exists() else None
    ids = module_ids(config.docs_dir, _default_locale(config))
    if _checked == (text, ids):  # the other language's build: already checked
        return config
    if text is None:
        raise_if_any([Problem(TOOLS_FILE, None, "no existe el archivo de herramientas",
                              "crea data/tools.yml junto a mkdocs.yml, con una herramienta al menos")])
    _schema = read_schema()
    tools, problems = check_tools(text, _schema, ids, today=dt.date.today())
    raise_if_any(problems)
    _tools, _checked = tools, (text, ids)
    return config



def _directory_file(files: Files, locale: str):
    return files.get_file_from_path(translation_of(f"{DIRECTORY_PAGE}.md", locale))


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    src_uri = page.file.src_uri
    locale = file_locale(src_uri, config.theme["language"])
    file = f"docs/{src_uri}"
    is_directory = page_key(src_uri) == DIRECTORY_PAGE
    raise_if_any(marker_problems(page.file.content_string, file, is_directory=is_directory))
    strings = strings_for(str(STRINGS), locale)
    if is_directory:
        views = [tool_view(tool, locale) for tool in _tools]
        html = render_partial(config, "tool-directory.html", tools=views,
                              options=filter_options(_tools, _schema), t=strings)
        markdown = replace_marker(markdown, html)
        page.meta["tool_directory"] = True  # overrides/main.html then loads the filters' script
    elif src_uri.startswith(MODULES_FOLDER):
        tools = tools_for_module(_tools, page_id(src_uri))
        if tools:
            directory = _directory_file(files, locale)
            if directory is None:
                raise_if_any([Problem(file, None, "el módulo tiene herramientas, pero falta la página del "
                                      f"directorio docs/{translation_of(DIRECTORY_PAGE + '.md', locale)}",
                                      f"crea esa página con el marcador {DIRECTORY_MARKER}")])
            html = render_partial(config, "module-tools.html", tools=[tool_view(tool, locale) for tool in tools],
                                  directory_url=get_relative_url(directory.url, page.file.url), t=strings)
            markdown = f"{markdown.rstrip()}\n\n## {strings['tools_module_heading']} {{ #tools }}\n\n{html}\n"
    return markdown
