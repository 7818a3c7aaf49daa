"""Every ``#anchor`` a page has once built: the ones editors write and the ones the site adds.

The link check asks this module whether ``email.md#steps`` or
``../herramientas.md#tool-canva`` leads somewhere. The ids the site adds come from
the same functions the templates use (``checklists.dom_id``, ``tools.ANCHOR_PREFIX``…),
and ``tests/test_build.py`` checks that each one is in the built page.
"""

from __future__ import annotations

import re

from .checklists import dom_id
from .model import Course, Page
from .session_plan import SESSION_LENGTHS
from .tools import ANCHOR_PREFIX

_ATTR_ID = re.compile(r"\{:?[^}\n]*?#(?P<id>[\w-]+)[^}\n]*\}")
_HTML_ID = re.compile(r"""\bid\s*=\s*["'](?P<id>[^"']+)["']""")
SOURCES_ANCHOR = "sources"  # the "Fuentes" section at the end of a page with sources
TOOLS_ANCHOR = "tools"  # a module's "Herramientas para este módulo" section
SCORE_ANCHOR = "score"  # the self-assessment's result
PLAN_MODULES_ANCHOR = "modules"  # the session plan's table


def session_anchor(length: int) -> str:
    return f"session-{length}"


def written_anchors(page: Page) -> set[str]:
    """Ids the editor wrote: ``{ #anchor }`` on headings and other blocks, and ``id="…"`` in HTML."""
    found = {heading.anchor for heading in page.scan.headings if heading.anchor}
    for number, line in enumerate(page.lines, start=1):
        if number < page.front.body_line or page.scan.is_code(number):
            continue
        found.update(match.group("id") for match in _ATTR_ID.finditer(line))
    for html in page.html:
        found.update(match.group("id") for match in _HTML_ID.finditer(html.html))
    return found


def _checklist_anchors(page: Page) -> set[str]:
    found = set()
    for checklist in page.checklists:
        found |= {checklist.dom_id, f"{checklist.dom_id}-title"} | {item.dom_id for item in checklist.items}
    return found


def added_anchors(page: Page, course: Course) -> set[str]:
    """Ids the site adds to a page: its checklists, its end sections, and what its role gathers."""
    found = _checklist_anchors(page)
    if page.front.data.get("sources"):
        found.add(SOURCES_ANCHOR)
    if page.is_module and any(page.id in (tool.get("modules") or []) for tool in course.tools.entries):
        found.add(TOOLS_ANCHOR)
    modules = course.modules(page.locale)
    if page.has_role("progress"):
        for module in modules:
            found |= _checklist_anchors(module)
    if page.has_role("glossary"):
        found |= {term.id for term in course.glossary.terms.get(page.locale, [])}
    if page.has_role("tool-directory"):
        found |= {ANCHOR_PREFIX + str(tool.get("id")) for tool in course.tools.entries}
    if page.has_role("trainer-notes"):
        found |= {module.id for module in modules}
    if page.has_role("self-assessment"):
        found |= {module.id for module in modules} | {SCORE_ANCHOR}
    if page.has_role("session-plan"):
        found |= {PLAN_MODULES_ANCHOR} | {session_anchor(length) for length in SESSION_LENGTHS}
    return found


def anchors(page: Page, course: Course) -> set[str]:
    return written_anchors(page) | added_anchors(page, course)


__all__ = ["anchors", "added_anchors", "written_anchors", "dom_id"]
