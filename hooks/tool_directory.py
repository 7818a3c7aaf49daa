"""Tool directory: one data file, shown on the directory page and on each module.

Data: the model's ``data/tools.yml`` (checked against ``data/tools.schema.json`` by
``course.tools``). UI text comes from ``data/strings.yml`` (keys ``tools_…``). This hook:

- fills the page holding ``<!-- tool-directory -->`` with the filters and one card per
  tool (``partials/digicom/tool-directory.html`` and ``tool-card.html``), and marks it so
  ``overrides/main.html`` loads the filters' script;
- gives every module that a tool names a "Herramientas para este módulo { #tools }"
  part for its footer (``partials/digicom/module-tools.html``).

Events: ``on_page_markdown`` (priority 70).
"""

from __future__ import annotations

from course.anchors import TOOLS_ANCHOR
from course.build import state_for, strings, url_to
from course.tools import filter_options, tool_view, tools_for_module, valid_tools
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


@event_priority(70)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = state_for(config)
    model = state.page(page.file.src_uri)
    if model is None:
        return markdown
    course = state.course
    tools = state.extra.setdefault("tools", valid_tools(course.tools))
    t = strings(state, model.locale)
    parts = state.parts_for(model.src_uri)
    if model.has_role("tool-directory"):
        html = state.partials.render("tool-directory.html", tools=[tool_view(tool, model.locale) for tool in tools],
                                     options=filter_options(tools, course.tools.schema), t=t)
        line = model.markers["tool-directory"][0]
        parts.replace(line, line, html, "tool directory")
        page.meta["tool_directory"] = True
    elif model.is_module and (mine := tools_for_module(tools, model.id)):
        directory = course.with_role("tool-directory", model.locale)
        parts.footer["tools"] = state.partials.render(
            "module-tools.html", tools=[tool_view(tool, model.locale) for tool in mine], anchor=TOOLS_ANCHOR,
            directory_url=url_to(files, directory.key, page) if directory else "", t=t)
    return markdown
