"""The one page-layout step: every feature's output put in its place on each page.

The feature hooks (checklists, trainer notes, quizzes, glossary, tool directory,
modules, session plan, teaching, practice) describe what they add to a page in
``on_page_markdown`` at priority 70 (``course.layout.PageParts``). This hook then
builds the page's Markdown once (``course.layout.assemble``): blocks replaced where
the editor wrote them, the module header under the title and the footer at the
end, in the order the partials ``module-header.html`` and ``module-footer.html``
give. It runs before mkdocs-static-i18n and mkdocs-quiz read the Markdown.

Events: ``on_page_markdown`` (priority 60).
"""

from __future__ import annotations

from course.build import state_for
from course.layout import PageParts, assemble
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


@event_priority(60)  # after every feature (70), before mkdocs-static-i18n (50) and mkdocs-quiz (0)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = state_for(config)
    model = state.page(page.file.src_uri)
    if model is None:
        return markdown
    if markdown != model.body:
        raise PluginError(f"docs/{page.file.src_uri} changed while the site was being built, or another plugin "
                          "changed it before hooks/page_layout.py: save it again / se ha cambiado durante la "
                          "construcción; guárdalo otra vez")
    parts = state.parts.pop(page.file.src_uri, PageParts())
    header = state.partials.render("module-header.html", parts=parts.header) if parts.header else ""
    footer = state.partials.render("module-footer.html", parts=parts.footer) if parts.footer else ""
    title = next((heading.line for heading in model.scan.headings if heading.level == 1), None)
    return assemble(markdown, model.front.body_line, parts, title_line=title, header=header, footer=footer)
