"""The glossary: abbreviations explained everywhere, and the glossary page.

Reads ``data/glossary.yml`` (checked by ``course.glossary``; a mistake stops the
build with file, line and fix). On every page it appends Markdown abbreviation
definitions for the page's language, so "RGPD" shows its meaning on hover, focus
or tap across the site. On the page that holds the marker ``<!-- glossary -->``
it renders the full list (template ``partials/digicom/glossary.html``).

Events: ``on_config`` (load and check once per language), ``on_page_markdown``.
"""

from __future__ import annotations

from pathlib import Path

from course.glossary import Term, abbreviation_definitions, load_glossary
from course.language import file_locale, site_locales
from course.problems import raise_if_any
from course.templates import render_partial
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

GLOSSARY = Path(__file__).resolve().parent.parent / "data" / "glossary.yml"
MARKER = "<!-- glossary -->"
_terms: dict[str, list[Term]] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _terms
    _terms, problems = load_glossary(GLOSSARY.read_text(encoding="utf-8"), "data/glossary.yml", site_locales(config))
    raise_if_any(problems)
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    terms = _terms.get(file_locale(page.file.src_uri, config.theme["language"]), [])
    if MARKER in markdown:
        rendered = render_partial(config, "glossary.html", terms=terms)
        markdown = markdown.replace(MARKER, rendered.strip())
    return f"{markdown}\n\n{abbreviation_definitions(terms)}\n"
