"""The glossary: abbreviations explained across the site, and the glossary page.

From the model's glossary (``data/glossary.yml``, checked by ``course.glossary``) it
adds, at the end of every page, Markdown abbreviation definitions in the page's
language, so "RGPD" shows its meaning on hover, focus or tap across the site, at its
first use in each section (``course.glossary.explained_at_first_use``); the page
holding ``<!-- glossary -->`` gets the full list (``partials/digicom/glossary.html``).

Events: ``on_page_markdown`` (priority 70), ``on_page_content``.
"""

from __future__ import annotations

from course.build import state_for
from course.glossary import abbreviation_definitions, explained_at_first_use
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
    terms = state.course.glossary.terms.get(model.locale, [])
    parts = state.parts_for(model.src_uri)
    if model.has_role("glossary"):
        line = model.markers["glossary"][0]
        parts.replace(line, line, state.partials.render("glossary.html", terms=terms), "glossary")
    if terms:
        parts.appendix.append(abbreviation_definitions(terms))
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return explained_at_first_use(html)
