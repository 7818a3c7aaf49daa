"""The rule set: every check of the course, each a small pure function ``Course → list[Problem]``.

The build (``hooks/course_model.py``) runs :data:`BUILD` before anything is rendered
and stops with every problem of the whole site at once; ``make check``
(``scripts/check_content.py``) runs the same rules plus :data:`CHECK_ONLY`, the ones
that need outside programs or whose findings are advice rather than errors.

To add a rule: write a function in the module of its topic, ``def rule(course) ->
list[Problem]``, with a docstring saying what an editor did wrong, and add it to
:data:`BUILD` (or to :data:`CHECK_ONLY`, saying why there). ``tests/test_rules.py``
checks that each rule fires, in the build and in ``make check``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Course
from ..problems import Problem, in_order
from . import blocks, data, examples, links, markers, pages, reviews, safety, search, spelling, timing


@dataclass(frozen=True)
class Rule:
    name: str
    check: Callable[[Course], list[Problem]]
    why_check_only: str = ""  # empty: the build runs it too


BUILD: tuple[Rule, ...] = tuple(Rule(function.__name__, function) for function in (
    pages.unreadable_files,
    pages.file_names,
    pages.translations_exist,
    pages.menu,
    pages.published_pages_kept,
    pages.front_matter,
    pages.front_matter_translations,
    pages.headings,
    pages.heading_translations,
    pages.module_sections,
    pages.placeholders,
    pages.unclosed_code,
    blocks.block_mistakes,
    blocks.block_translations,
    blocks.module_blocks,
    blocks.blocks_in_the_wrong_place,
    blocks.unique_page_ids,
    blocks.practice_once,
    examples.practice_contents,
    examples.sms_example_places,
    examples.sms_example_translations,
    examples.sms_example_claims,
    markers.markers,
    links.links,
    links.images,
    safety.raw_html,
    safety.link_schemes,
    safety.foreign_resources,
    data.glossary,
    data.tools,
    data.strings,
    data.redirects,
    data.association,
    data.settings,
    timing.module_timing,
    search.keywords,
    search.search_settings,
))


CHECK_ONLY: tuple[Rule, ...] = (
    Rule("spelling", spelling.spelling, "needs hunspell and its dictionaries (Debian packages) and a few seconds; "
         "a spelling mistake never breaks a page"),
)
# Advice printed by `make check`, never failing it: a page does not become wrong with time alone.
WARNINGS: tuple[Rule, ...] = (
    Rule("old_reviews", reviews.old_reviews, "a warning: dates pass without anyone changing anything"),
    Rule("old_tools", reviews.old_tools, "a warning: dates pass without anyone changing anything"),
    Rule("generous_durations", timing.generous_durations, "a warning: a longer session is not wrong, only "
         "unexplained"),
)


def run(course: Course, rules: tuple[Rule, ...] = BUILD) -> list[Problem]:
    """Every problem the rules find, each once, by file and line."""
    found: list[Problem] = []
    for rule in rules:
        try:
            found += rule.check(course)
        except Exception as error:  # a bug of ours must not hide every other problem behind a traceback
            found.append(Problem(f"hooks/course/rules ({rule.name})", None,
                                 f"la comprobación «{rule.name}» ha fallado por un error del programa "
                                 f"({type(error).__name__}: {error})",
                                 "no es culpa de tu cambio: avisa a quien programa el sitio con este mensaje"))
    return in_order(found)
