"""Workarounds for the packages we build on, all listed in one place.

Each :class:`Workaround` names the package version it was written for, the
upstream issue (or that none was found), the file that holds it, and the test that
fails if an upgrade makes it silently stop doing anything (the pattern it fixes no
longer appears, or its fix no longer shows in the built site). ``MAINTAINING.md``
explains what to do with each one on an upgrade. The Python fixes of other
packages' markup are here too; the JavaScript ones live in
``overrides/assets/javascripts/upstream/`` (the search worker in ``workers/``, where
Material needs it: see ``course/search.py``).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from .strings import global_script


@dataclass(frozen=True)
class Workaround:
    name: str
    package: str  # "mkdocs-material 9.8.1"
    upstream: str  # the issue, or "none found"
    where: str  # the file that holds it
    test: str  # the test that proves it still does something


WORKAROUNDS = (
    Workaround("search dialog has no accessible name", "mkdocs-material 9.8.1",
               "none found for the dialog itself (related: squidfunk/mkdocs-material#6433)",
               "hooks/course/upstream.py (name_search_dialog)", "tests/test_upstream.py"),
    Workaround("autocomplete on checkboxes, empty tabindex (invalid HTML)", "mkdocs-material 9.8.1", "none found",
               "hooks/course/upstream.py (drop_invalid_attributes)", "tests/test_upstream.py"),
    Workaround("heading-link tooltip in one language only", "mkdocs 1.6.1 (toc.permalink_title)",
               "none found", "hooks/course/upstream.py (retitle_permalinks)", "tests/test_upstream.py"),
    Workaround("quiz markup: <style> and a 44 KB script inlined in every page, sidebar without a landmark",
               "mkdocs_quiz 1.7.1", "none found", "hooks/course/upstream.py (tidy_quiz_page)",
               "tests/test_upstream.py"),
    Workaround("mkdocs_quiz's stylesheet styles its progress sidebar, which no page of the site has",
               "mkdocs_quiz 1.7.1", "none found", "hooks/course/upstream.py (quiz_css_without_sidebar)",
               "tests/test_upstream.py"),
    Workaround("mkdocs_quiz writes the same 1.4 KB of words into every page with a quiz", "mkdocs_quiz 1.7.1",
               "none found", "hooks/course/upstream.py (take_quiz_texts)", "tests/test_quizzes.py"),
    Workaround("mkdocs_quiz loaded after Material's bundle initialises every question twice (document$)",
               "mkdocs_quiz 1.7.1", "none found", "overrides/assets/javascripts/load-near.js (data-hide-globals)",
               "tests/test_quizzes_browser.py"),
    Workaround("quiz answers indexed by search", "mkdocs_quiz 1.7.1", "none found",
               "hooks/course/upstream.py (exclude_quizzes_from_search)", "tests/test_upstream.py"),
    Workaround("data-search-exclude ends at the first closing tag of the same name inside", "mkdocs-material 9.8.1",
               "none found (Element.__eq__ compares tag names)",
               "hooks/course/upstream.py (without_search_excluded)", "tests/test_upstream.py"),
    Workaround("one search index for every language", "mkdocs-static-i18n 1.3.1",
               "ultrabug/mkdocs-static-i18n#271", "hooks/search_i18n.py", "tests/test_search_i18n.py"),
    Workaround("the last language's 404.html overwrites the default one", "mkdocs-static-i18n 1.3.1",
               "squidfunk/mkdocs-material#7728", "hooks/upstream_fixes.py (404 pages)", "tests/test_upstream.py"),
    Workaround("search is not accent-insensitive", "mkdocs-material 9.8.1 (lunr)", "none found",
               "overrides/assets/javascripts/workers/search-worker.js", "tests/test_site_browser.py"),
    Workaround("Material's palette switch restyles the whole page as each page starts (about 120 ms of blocked "
               "page on a phone)", "mkdocs-material 9.8.1", "none found",
               "hooks/course/upstream.py (own_palette_switch), overrides/assets/javascripts/upstream/palette.js",
               "tests/test_upstream.py"),
    Workaround("blocked storage makes Material's helpers throw on every page", "mkdocs-material 9.8.1",
               "none found", "overrides/assets/javascripts/upstream/storage-guard.js", "tests/test_upstream.py"),
    Workaround("Material fetches <alternate>/sitemap.xml for each hreflang link (404)", "mkdocs-material 9.8.1",
               "squidfunk/mkdocs-material#6582", "overrides/assets/javascripts/upstream/alternates.js",
               "tests/test_upstream.py"),
    Workaround("the search index loads on every page", "mkdocs-material 9.8.1", "none found (by design upstream)",
               "overrides/assets/javascripts/upstream/lazy-search.js", "tests/test_site_browser.py"),
    Workaround("the offline plugin points at the iframe-worker shim on a CDN", "mkdocs-material 9.8.1",
               "none found", "hooks/offline.py", "tests/test_offline.py"),
    Workaround("mkdocs_quiz keeps answers per page address (Spanish and English apart)", "mkdocs_quiz 1.7.1",
               "none found", "overrides/assets/javascripts/quizzes.js", "tests/test_quizzes_browser.py"),
    Workaround("mkdocs_quiz keeps answers by the question's position (quiz-0, quiz-1…): inserting a question "
               "moves every answer below it", "mkdocs_quiz 1.7.1", "none found",
               "hooks/course/upstream.py (label_quizzes), overrides/assets/javascripts/quizzes.js",
               "tests/test_progress.py"),
)

# ── Material's markup ──────────────────────────────────────────────────────

SEARCH_DIALOG = re.compile(r'<div class="md-search" data-md-component="search" role="dialog"(?![^>]*aria-label)')
TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?)\s+autocomplete="off"')
EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?)\s+tabindex=""')
PALETTE_COMPONENT = '<form class="md-header__option" data-md-component="palette">'
OWN_PALETTE = '<form class="md-header__option" data-digicom-palette>'


def name_search_dialog(page: str, label: str) -> str:
    """Give the search dialog an accessible name (axe: aria-dialog-name)."""
    return SEARCH_DIALOG.sub(lambda m: f'{m.group(0)} aria-label="{html.escape(label, quote=True)}"', page, count=1)


def drop_invalid_attributes(page: str) -> str:
    """Remove the attributes the Nu HTML checker rejects on Material's toggles and labels."""
    page = TOGGLE_AUTOCOMPLETE.sub(r"\1", page)
    return EMPTY_TABINDEX.sub(r"\1", page)


def own_palette_switch(page: str) -> str:
    """Hand the light / dark switch to ``upstream/palette.js``: Material mounts only ``data-md-component``."""
    return page.replace(PALETTE_COMPONENT, OWN_PALETTE, 1)


def retitle_permalinks(page: str, configured: str, translated: str) -> str:
    """Put the page's language in the heading links' tooltip (the Markdown ``toc`` setting has one language)."""
    if not configured or configured == translated:
        return page
    pattern = re.compile(r'(<a class="headerlink" href="[^"]*" title=")' + re.escape(html.escape(configured, quote=True)) + '"')
    return pattern.sub(lambda m: m.group(1) + html.escape(translated, quote=True) + '"', page)


def fix_theme_markup(page: str, search_label: str, permalink_titles: tuple[str, str] = ("", "")) -> str:
    page = retitle_permalinks(page, *permalink_titles)
    return own_palette_switch(drop_invalid_attributes(name_search_dialog(page, search_label)))


# ── mkdocs-quiz's markup ───────────────────────────────────────────────────

QUIZ_SCRIPT_TAG = re.compile(r'<script type="text/javascript"(?: defer)?>')
QUIZ_SIDEBAR = re.compile(
    r'<div id="quiz-progress-sidebar".*?<!-- mkdocs-quiz progress sidebar \(mobile\) -->.*?</nav>', re.DOTALL)
QUIZ_CONTAINER = re.compile(r'<div class="quiz"(?![^>]*data-search-exclude)')


def tidy_quiz_page(page: str, *, plugin_style: str, plugin_script: str = "", script_url: str = "") -> str:
    """Make the plugin's markup valid and accessible on a page with quizzes.

    - drops its inline ``<style>`` (``plugin_style``, exactly as the plugin adds it):
      ``overrides/main.html`` links the same CSS in ``<head>``;
    - its inline 44 KB script (``plugin_script``) becomes a link to the same code served as a
      file (cached across pages) with ``script_url``, where it stood (the page's questions are set
      up as it loads); without, it is dropped: ``overrides/main.html`` loads the file when the
      reader nears a question;
    - ``<script type="text/javascript" defer>`` (inline) → ``<script>``: ``defer``
      is only allowed with ``src`` and the type is the default;
    - drops the progress sidebar (desktop and phone), which the site does not show.
    """
    page = page.replace(plugin_style, "")
    if plugin_script:
        # Not deferred: the plugin's code expects to run where it stood, while the page is parsed.
        page = page.replace(plugin_script, f'<script src="{script_url}"></script>' if script_url else "")
    page = QUIZ_SCRIPT_TAG.sub("<script>", page)
    return QUIZ_SIDEBAR.sub("", page)


# The class and id names of the plugin's progress sidebar (its desktop and phone parts), which
# tidy_quiz_page removes from every page: their rules in the plugin's stylesheet can never apply.
QUIZ_SIDEBAR_NAMES = re.compile(r"quiz-progress|quiz-correct-reset")


def quiz_css_without_sidebar(css: str) -> str:
    """The plugin's stylesheet without the rules that style only its progress sidebar."""
    return css_without(css, lambda selector: bool(QUIZ_SIDEBAR_NAMES.search(selector)))


_CSS_RULE = re.compile(r"(?P<selectors>[^{}]+)\{[^{}]*\}")
_EMPTY_AT_RULE = re.compile(r"@media[^{}]*\{\}")


def css_without(css: str, never_matches: Callable[[str], bool]) -> str:
    """``css`` without each rule (inside ``@media`` too) all of whose selectors ``never_matches``;
    an ``@media`` left empty goes too. Every other rule stays exactly as written."""
    def kept(rule: re.Match) -> str:
        selectors = [selector.strip() for selector in rule["selectors"].split(",")]
        return "" if selectors and all(never_matches(selector) for selector in selectors) else rule.group(0)

    return _EMPTY_AT_RULE.sub("", _CSS_RULE.sub(kept, css))


_QUIZ_TEXTS = re.compile(r'<script(?: type="text/javascript")?>\s*window\.mkdocsQuizTranslations = ')
_SCRIPT_END = re.compile(r";?\s*</script>")


def take_quiz_texts(page: str) -> tuple[str, dict | None]:
    """The page without the plugin's inline words (its buttons' and messages'), and those words.

    They are the same on every page of a language, so the site serves them once per language
    as a file that browsers keep (``hooks/upstream_fixes.py``); ``None`` when the page has none.
    """
    start = _QUIZ_TEXTS.search(page)
    if start is None:
        return page, None
    texts, end = json.JSONDecoder().raw_decode(page, start.end())
    close = _SCRIPT_END.match(page, end)
    if close is None or not isinstance(texts, dict):
        raise ValueError("mkdocs-quiz's words are not in the script this site expects")
    return page[:start.start()] + page[close.end():], texts


def quiz_texts_script(texts: dict) -> str:
    """The file that gives mkdocs-quiz its words in one language (what the page had inline)."""
    return global_script("mkdocsQuizTranslations", texts)


QUIZ_OPENING = re.compile(r'<div class="quiz"(?=[\s>])')


def label_quizzes(content: str, ids: list[str]) -> str:
    """Give each question the plugin rendered its stable id (``data-quiz-id="sms/q-1f3a…"``), in page order.

    The plugin numbers questions by position (``id="quiz-0"``) and keeps answers under that
    number; ``assets/javascripts/quizzes.js`` keeps them under these ids instead. ``ids`` are the
    page's questions as the course model read them, in order; a different count is a bug in
    this site's code (an answer would land on the wrong question), so it raises ``ValueError``.
    """
    found = len(QUIZ_OPENING.findall(content))
    if found != len(ids):
        raise ValueError(f"the page has {found} quiz(zes) but the course model read {len(ids)}")
    labels = iter(ids)
    return QUIZ_OPENING.sub(lambda m: f'{m.group(0)} data-quiz-id="{html.escape(next(labels), quote=True)}"', content)


def exclude_quizzes_from_search(content: str) -> str:
    """Keep quiz questions and answers out of site search (Material honours ``data-search-exclude``)."""
    return QUIZ_CONTAINER.sub('<div class="quiz" data-search-exclude', content)


# ── Material's search: what it must not index ──────────────────────────────

_SEARCH_ATTRIBUTE = re.compile(r'data-search-\w+="[^"]+"')  # a literal start: found ten times faster than "\s?…"
_VALUE = r"""(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""  # an attribute's value: quoted, it may hold a ">"
_ATTRIBUTE = rf"""\s+[^\s"'>/=]+{_VALUE}"""
_EXCLUDED_START = re.compile(rf"<(?P<tag>[a-zA-Z][\w-]*)(?:{_ATTRIBUTE})*?\s+data-search-exclude{_VALUE}(?=[\s/>])")
_TAG_END = re.compile(rf"(?:{_ATTRIBUTE})*\s*/?>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


def _same_tags(tag: str) -> re.Pattern[str]:
    """Comments, and the tags named ``tag``, opening or closing."""
    return re.compile(rf"(?P<comment><!--.*?-->)|<(?P<closing>/?){re.escape(tag)}(?=[\s/>])", re.IGNORECASE | re.DOTALL)


def without_search_attributes(content: str) -> str:
    """The page as Material leaves it once indexed: its ``data-search-…`` attributes with a value removed,
    each with the space before it."""
    kept: list[str] = []
    position = 0
    for attribute in _SEARCH_ATTRIBUTE.finditer(content):
        start = attribute.start()
        if start > position and content[start - 1].isspace():
            start -= 1
        kept.append(content[position:start])
        position = attribute.end()
    kept.append(content[position:])
    return "".join(kept)


def _next_excluded(content: str, position: int) -> re.Match[str] | None:
    """The next element marked ``data-search-exclude``: found by the word, then by its tag's start."""
    word = content.find("data-search-exclude", position)
    if word == -1:
        return None
    opening = content.rfind("<", position, word)
    start = _EXCLUDED_START.match(content, opening) if opening != -1 else None
    # Not a tag there (the word in text, or a "<" in an attribute value before it): search tag by tag.
    return start or _EXCLUDED_START.search(content, position)


def _after_tag(content: str, position: int) -> int:
    end = _TAG_END.match(content, position)
    return end.end() if end else position


def without_search_excluded(content: str) -> str:
    """The page's content without the elements marked ``data-search-exclude``.

    Material's search parser compares elements by tag name only, so an excluded
    ``<div>`` stops being excluded at the first ``</div>`` inside it: the rest of a
    quiz (answers, explanation) reached the index. This cut respects nesting: it counts
    the excluded element's own tag, opened and closed inside it, comments aside.
    """
    if "data-search-exclude" not in content:
        return content
    kept: list[str] = []
    position = 0
    while (start := _next_excluded(content, position)) is not None:
        kept.append(content[position:start.start()])
        tags = _same_tags(start.group("tag"))
        position = _after_tag(content, start.end())
        depth = 0 if start.group("tag").lower() in _VOID else 1
        while depth and (tag := tags.search(content, position)) is not None:
            if tag.group("comment"):
                position = tag.end()
                continue
            depth += -1 if tag.group("closing") else 1
            position = _after_tag(content, tag.end())
        if depth:  # never closed: a browser would end it with the page
            position = len(content)
    kept.append(content[position:])
    return "".join(kept)
