"""Fixes to other packages' output, each listed with its upstream issue in ``course.upstream``.

- Material's markup: the search dialog's name, invalid attributes, the heading
  links' tooltip in the page's language (``course.upstream.fix_theme_markup``);
- mkdocs-quiz's markup: its CSS and script served as files (the plugin's, minified
  with rcssmin and rjsmin, the CSS without its progress sidebar's rules: 11.9 KB gzip
  become 7.1) instead of inlined in every page, and its words likewise, one file per language (``quiz-texts.es.js``,
  ``course.upstream.take_quiz_texts``); valid script tags, no progress sidebar,
  questions kept out of search (``course.upstream.tidy_quiz_page``), and each question
  labelled with its stable id from ``page.meta["quiz_ids"]`` (set by ``hooks/quizzes.py``),
  which ``quizzes.js`` keeps answers under (``course.upstream.label_quizzes``);
- Material's search: what is marked ``data-search-exclude`` is left out whole
  (``course.upstream.without_search_excluded``);
- mkdocs-static-i18n builds every language into one folder, so the last language's
  ``404.html`` would replace the default one: each language's page is filed under
  its folder (``en/404.html``) and the default language's is put back at the root.

Data: ``data/strings.yml`` (``search_dialog``, ``permalink_title``).
Events: ``on_files``, ``on_page_content``, ``on_page_context``, ``on_post_page``, ``on_post_template``,
``on_post_build``.
"""

from __future__ import annotations

from importlib.resources import files as package_files
from pathlib import Path

import rcssmin
import rjsmin

from course.build import in_nested_language_build, page_locale, state_for, strings, write_to_site
from course.upstream import (exclude_quizzes_from_search, fix_theme_markup, label_quizzes, quiz_css_without_sidebar,
                             quiz_texts_script, take_quiz_texts, tidy_quiz_page, without_search_attributes,
                             without_search_excluded)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

QUIZ_CSS = "assets/stylesheets/mkdocs-quiz.css"  # the plugin's own CSS, served as a file
QUIZ_JS = "assets/javascripts/mkdocs-quiz.js"  # the plugin's own script, served as a file
QUIZ_TEXTS = "assets/javascripts/quiz-texts.{locale}.js"  # its words in one language, made from the pages
NOT_FOUND = "404.html"


@event_priority(-150)  # after mkdocs-static-i18n has kept only this language's files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    def quiz_css(css: str) -> str:
        return quiz_css_without_sidebar(rcssmin.cssmin(css))

    for folder, name, path, minify in (("css", "quiz.css", QUIZ_CSS, quiz_css),
                                       ("js", "quiz.js", QUIZ_JS, rjsmin.jsmin)):
        source = (package_files("mkdocs_quiz") / folder / name).read_text(encoding="utf-8")
        files.append(File.generated(config, path, content=minify(source)))
    return files


@event_priority(-50)  # after mkdocs_quiz has put the quiz markup in the page, before search reads it
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    options = page.meta.get("quiz")
    if isinstance(options, dict) and options.get("enabled"):
        from mkdocs_quiz.plugin import js_script, style  # the exact elements the plugin adds to a page

        with_page = bool(page.meta.get("quizzes_with_page"))
        html = tidy_quiz_page(html, plugin_style=style, plugin_script=js_script,
                              script_url=get_relative_url(QUIZ_JS, page.url) if with_page else "")
        try:
            html = label_quizzes(html, list(page.meta.get("quiz_ids") or []))
        except ValueError as error:
            raise PluginError(f"docs/{page.file.src_uri}: {error}; hooks/quizzes.py and mkdocs-quiz disagree "
                              "on this page's questions (a bug in the site's code, not in the page)") from error
        if not with_page:  # loaded with the page, the plugin needs its words in the page
            html = _serve_quiz_texts(html, page, config)
    return exclude_quizzes_from_search(html)


def _serve_quiz_texts(html: str, page: Page, config: MkDocsConfig) -> str:
    """The plugin's words leave the page for one file per language (``page.meta["quiz_texts_file"]``)."""
    try:
        html, texts = take_quiz_texts(html)
    except ValueError as error:
        raise PluginError(f"docs/{page.file.src_uri}: {error} (a bug in the site's code, not in the page)") from error
    if texts is None:
        return html
    path = QUIZ_TEXTS.format(locale=page_locale(page, config))
    served = state_for(config).extra.setdefault("quiz_texts", {})
    if served.setdefault(path, texts) != texts:
        raise PluginError(f"docs/{page.file.src_uri}: mkdocs-quiz gave this page other words than the other pages "
                          f"of its language, which share {path} (a bug in the site's code, not in the page)")
    page.meta["quiz_texts_file"] = path
    return html


@event_priority(10)  # just before Material's search reads the page (priority 0)
def _hide_from_search(context: dict, *, page: Page, config: MkDocsConfig, nav: object) -> dict:
    state_for(config).extra.setdefault("content", {})[page.file.src_uri] = page.content
    page.content = without_search_excluded(page.content or "")
    return context


@event_priority(-10)  # right after: the page itself shows everything again
def _show_again(context: dict, *, page: Page, config: MkDocsConfig, nav: object) -> dict:
    page.content = without_search_attributes(state_for(config).extra["content"].pop(page.file.src_uri))
    return context


on_page_context = CombinedEvent(_hide_from_search, _show_again)


def _theme(output: str, locale: str, config: MkDocsConfig) -> str:
    t = strings(state_for(config), locale)
    configured = config.mdx_configs.get("toc", {}).get("permalink_title", "")
    return fix_theme_markup(output, t["search_dialog"], (configured, t["permalink_title"]))


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _theme(output, page_locale(page, config), config)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name != NOT_FOUND:
        return output_content
    return _theme(output_content, config.theme["language"], config)


# ── 404 pages per language ─────────────────────────────────────────────────


@event_priority(100)  # before mkdocs-static-i18n starts building the other languages
def _file_this_language_404(*, config: MkDocsConfig) -> None:
    page = Path(config.site_dir) / NOT_FOUND
    if not page.exists():
        return
    saved = state_for(config).extra.setdefault("404", {})
    if not in_nested_language_build(config):
        saved["default"] = page.read_bytes()
        return
    folder = (config.plugins["i18n"].current_language_config.link or "/").strip("/")
    target = Path(config.site_dir) / folder / NOT_FOUND
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(page.read_bytes())


@event_priority(-300)  # after every language is built
def _put_back_the_default_404(*, config: MkDocsConfig) -> None:
    saved = state_for(config).extra.get("404", {})
    if not in_nested_language_build(config) and "default" in saved:
        (Path(config.site_dir) / NOT_FOUND).write_bytes(saved.pop("default"))


@event_priority(-100)  # before the assets are minified (-300) and listed for offline use (-400)
def _write_quiz_texts(*, config: MkDocsConfig) -> None:
    for path, texts in state_for(config).extra.get("quiz_texts", {}).items():
        write_to_site(config, path, quiz_texts_script(texts))


on_post_build = CombinedEvent(_file_this_language_404, _write_quiz_texts, _put_back_the_default_404)
