"""Quizzes that teach: check every ``<quiz>``, switch mkdocs-quiz on where needed, build the self-assessment.

The plugin ``mkdocs_quiz`` (mkdocs.yml) renders the ``<quiz>`` blocks. This hook:

- reads every page of the language being built and, from ``docs/``, its translation,
  and stops the build naming file, line and fix for every malformed question, for
  a translation whose questions differ in number, kind or right answers, and for a
  misplaced marker (``course.quizzes``);
- checks that mkdocs.yml configures the plugin as the rest of this hook expects;
- switches the plugin on for a page that has a ``<quiz>`` (``page.meta["quiz"]``), so
  editors never write that front matter and other pages carry none of its CSS/JS;
- replaces the marker ``<!-- self-assessment -->`` on ``docs/autoevaluacion.*.md``
  with the first questions of every module, in menu order, each with a link back to
  its module (``partials/digicom/quiz-review.html``), and a score at the end
  (``partials/digicom/quiz-score.html``, filled in by ``assets/javascripts/quizzes.js``);
- serves the plugin's CSS as a file (``assets/stylesheets/mkdocs-quiz.css``, linked in
  ``<head>`` by ``overrides/main.html`` with ``quizzes.css`` and ``quizzes.js``) and
  tidies the plugin's HTML (``course.quizzes.tidy_quiz_page``).

Data: the pages in ``docs/``, ``data/strings.yml`` (keys ``quiz_…``), the plugin's texts
in ``data/quiz-es.po`` and ``data/quiz-en.po`` (set in mkdocs.yml).
Events: ``on_config``, ``on_files``, ``on_nav`` (read and check, after mkdocs-static-i18n
has chosen this language's files and menu), ``on_page_markdown`` (before the plugin's),
``on_post_page``.
"""

from __future__ import annotations

from importlib.resources import files as package_files
from pathlib import Path

from course.frontmatter import read_front_matter
from course.language import existing_translations, file_locale, page_id, page_key, site_locales
from course.layout import MODULES_FOLDER, STRINGS
from course.problems import Problem, raise_if_any
from course.quizzes import (
    SELF_ASSESSMENT_MARKER,
    SELF_ASSESSMENT_PAGE,
    ModuleQuizzes,
    QuizPage,
    check_markers,
    check_module,
    check_plugin_options,
    check_translation,
    contains_quiz,
    parse_page,
    replace_marker,
    self_assessment_markdown,
    exclude_quizzes_from_search,
    tidy_quiz_page,
)
from course.strings import strings_for
from course.templates import render_partial
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

PLUGIN = "mkdocs_quiz"
PLUGIN_CSS = "assets/stylesheets/mkdocs-quiz.css"  # the plugin's own CSS, served as a file
PLUGIN_JS = "assets/javascripts/mkdocs-quiz.js"  # the plugin's own script, served as a file

_pages: dict[str, QuizPage] = {}  # this language's pages, by src_uri
_modules: list[ModuleQuizzes] = []  # this language's modules, in menu order
_urls: dict[str, str] = {}  # this language's module URLs, by src_uri


def _check_file(docs: Path, src_uri: str) -> tuple[QuizPage, str, list[Problem]]:
    """Read one Markdown file from docs/ and check its quizzes and markers."""
    text = (docs / src_uri).read_text(encoding="utf-8")
    page, problems = parse_page(text, f"docs/{src_uri}")
    problems += check_markers(page, is_self_assessment=page_key(src_uri) == SELF_ASSESSMENT_PAGE)
    return page, text, sorted(problems, key=lambda problem: problem.line or 0)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    plugin = config.plugins.get(PLUGIN)
    raise_if_any(check_plugin_options(None if plugin is None else dict(plugin.config)))
    return config


@event_priority(-150)  # after mkdocs-static-i18n has kept only this language's files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    css = (package_files("mkdocs_quiz") / "css" / "quiz.css").read_text(encoding="utf-8")
    files.append(File.generated(config, PLUGIN_CSS, content=css))
    script = (package_files("mkdocs_quiz") / "js" / "quiz.js").read_text(encoding="utf-8")
    files.append(File.generated(config, PLUGIN_JS, content=script))
    return files


@event_priority(-150)  # after mkdocs-static-i18n has kept only this language's files and menu
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    global _pages, _modules, _urls
    docs = Path(config.docs_dir)
    locales = site_locales(config)
    _pages, texts, problems = {}, {}, []
    for file in files.documentation_pages():
        src_uri = file.src_uri
        page, texts[src_uri], found = _check_file(docs, src_uri)
        _pages[src_uri] = page
        problems += found
        locale = file_locale(src_uri, config.theme["language"])
        for other, twin_uri in existing_translations(src_uri, locales, docs, config.theme["language"]):
            twin, _, twin_problems = _check_file(docs, twin_uri)
            problems += twin_problems
            pair = (page, twin) if locales.index(locale) < locales.index(other) else (twin, page)
            problems += check_translation(*pair)

    _modules, _urls = [], {}
    if any(page_key(src_uri) == SELF_ASSESSMENT_PAGE for src_uri in _pages):
        for nav_page in nav.pages:
            src_uri = nav_page.file.src_uri
            if not src_uri.startswith(MODULES_FOLDER) or src_uri not in _pages:
                continue
            page = _pages[src_uri]
            problems += check_module(page)
            front, _ = read_front_matter(texts[src_uri], page.file)
            title = front.data.get("title")
            _modules.append(ModuleQuizzes(src_uri, page_id(src_uri), title if isinstance(title, str) else
                                          page_id(src_uri), page.valid_quizzes))
            _urls[src_uri] = nav_page.file.url
    raise_if_any(list(dict.fromkeys(problems)))  # a problem found from both languages is listed once
    return nav


@event_priority(50)  # before mkdocs_quiz's own on_page_markdown (priority 0) turns <quiz> blocks into placeholders
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page_key(page.file.src_uri) == SELF_ASSESSMENT_PAGE:
        strings = strings_for(str(STRINGS), file_locale(page.file.src_uri, config.theme["language"]))

        def review_link(module: ModuleQuizzes) -> str:
            url = get_relative_url(_urls[module.src_uri], page.url) + "#quiz"
            return render_partial(config, "quiz-review.html", url=url, title=module.title, t=strings)

        generated = self_assessment_markdown(_modules, f"{SELF_ASSESSMENT_PAGE}.md", review_link)
        score = f"## {strings['quiz_score_heading']} {{ #score }}\n\n" + render_partial(config, "quiz-score.html", t=strings)
        markdown = replace_marker(markdown, SELF_ASSESSMENT_MARKER, f"{generated}\n\n{score}")
    if contains_quiz(markdown):
        options = page.meta.get("quiz")
        page.meta["quiz"] = {**(options if isinstance(options, dict) else {}), "enabled": True}
    return markdown


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    options = page.meta.get("quiz")
    if not (isinstance(options, dict) and options.get("enabled")):
        return output
    from mkdocs_quiz.plugin import js_script, style  # the exact elements the plugin adds to a page

    return tidy_quiz_page(output, plugin_style=style, plugin_script=js_script,
                          script_url=get_relative_url(PLUGIN_JS, page.url))


@event_priority(-50)  # after mkdocs_quiz has put the quiz markup in the page, before search reads it
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return exclude_quizzes_from_search(html)
