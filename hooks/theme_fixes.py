"""Corrections to Material's markup for accessibility (axe) and HTML validity (Nu checker).

Material names no search dialog and writes a few attributes that are not valid
HTML, and the heading links' tooltip (``toc.permalink_title``) has one language;
``course.theme_markup`` fixes each known pattern. The dialog's name comes
from ``data/strings.yml`` (``search_dialog``) in the page's language.

Events: ``on_post_page`` (every page) and ``on_post_template`` (the 404 page).
"""

from __future__ import annotations


from course.language import file_locale
from course.layout import STRINGS
from course.strings import strings_for
from course.theme_markup import fix_theme_markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page



def _fix(output: str, locale: str, config: MkDocsConfig) -> str:
    strings = strings_for(str(STRINGS), locale)
    configured = config.mdx_configs.get("toc", {}).get("permalink_title", "")
    return fix_theme_markup(output, strings["search_dialog"], (configured, strings["permalink_title"]))


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _fix(output, file_locale(page.file.src_uri, config.theme["language"]), config)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return _fix(output_content, config.theme["language"], config) if template_name == "404.html" else output_content
