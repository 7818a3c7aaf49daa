"""Small corrections to Material's own markup, so every page is valid HTML and passes axe.

Each fix targets one known pattern of Material 9.x output and leaves anything
else untouched; tests in tests/test_theme_markup.py pin each one.
"""

from __future__ import annotations

import html
import re

_SEARCH_DIALOG = re.compile(r'<div class="md-search" data-md-component="search" role="dialog"(?![^>]*aria-label)')
# Material's drawer and search toggles: `autocomplete` is not allowed on checkboxes.
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?)\s+autocomplete="off"')
# Section labels in the navigation carry `tabindex=""`, which is not a number.
_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?)\s+tabindex=""')


def name_search_dialog(page: str, label: str) -> str:
    """Give the search dialog an accessible name (axe: aria-dialog-name)."""
    return _SEARCH_DIALOG.sub(lambda m: f'{m.group(0)} aria-label="{html.escape(label, quote=True)}"', page, count=1)


def drop_invalid_attributes(page: str) -> str:
    """Remove the attributes the Nu HTML checker rejects on Material's toggles and labels."""
    page = _TOGGLE_AUTOCOMPLETE.sub(r"\1", page)
    return _EMPTY_TABINDEX.sub(r"\1", page)


def retitle_permalinks(page: str, configured: str, translated: str) -> str:
    """Put the page's language in the heading links' tooltip (the Markdown ``toc`` setting has one language)."""
    if not configured or configured == translated:
        return page
    pattern = re.compile(r'(<a class="headerlink" href="[^"]*" title=")' + re.escape(html.escape(configured, quote=True)) + '"')
    return pattern.sub(lambda m: m.group(1) + html.escape(translated, quote=True) + '"', page)


def fix_theme_markup(page: str, search_label: str, permalink_titles: tuple[str, str] = ("", "")) -> str:
    page = retitle_permalinks(page, *permalink_titles)
    return drop_invalid_attributes(name_search_dialog(page, search_label))
