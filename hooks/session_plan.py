"""The session plan: the course's modules and times, and what fits in a live session.

Replaces the marker ``<!-- session-plan -->`` on the "Plan de sesión" page
(``docs/plan-de-sesion.*.md``) with a table of the modules in menu order (time,
level, objectives, running total), the course's total time, and suggested sessions
of 2 and 4 hours (``course.session_plan``; template
``partials/digicom/session-plan.html``). The marker anywhere else, misspelt or
missing from that page stops the build with file, line and fix.

Data: each module's front matter (``duration``, ``level``, ``objectives``, ``title``),
read with ``course.frontmatter``. A module whose front matter is wrong is left out
here: ``hooks/modules.py`` stops the build for it with the details. Strings come
from ``data/strings.yml`` (keys ``session_…``).

Events: ``on_nav`` (read and check, after mkdocs-static-i18n has chosen this
language's files and menu) and ``on_page_markdown`` (render).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from course.frontmatter import check_module, read_front_matter
from course.language import file_locale, page_id, page_key
from course.layout import MODULES_FOLDER, STRINGS
from course.markers import check_marker, replace_marker
from course.problems import Problem, raise_if_any
from course.session_plan import (
    PLAN_MARKER,
    PLAN_PAGE,
    SESSION_LENGTHS,
    PlannedModule,
    plan_session,
    total_minutes,
    with_running_totals,
)
from course.strings import strings_for
from course.templates import render_partial
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url


_modules: list[PlannedModule] = []  # this language's modules in menu order; url relative to the site


@event_priority(-150)  # after mkdocs-static-i18n has kept only this language's files and menu
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    global _modules
    docs = Path(config.docs_dir)
    problems: list[Problem] = []
    for file in files.documentation_pages():
        if (docs / file.src_uri).is_file():
            text = (docs / file.src_uri).read_text(encoding="utf-8")
            problems += check_marker(text, f"docs/{file.src_uri}", PLAN_MARKER,
                                     is_its_page=page_key(file.src_uri) == PLAN_PAGE)
    raise_if_any(problems)

    _modules = []
    for nav_page in nav.pages:
        src_uri = nav_page.file.src_uri
        if not src_uri.startswith(MODULES_FOLDER) or not (docs / src_uri).is_file():
            continue
        file = f"docs/{src_uri}"
        front, found = read_front_matter((docs / src_uri).read_text(encoding="utf-8"), file)
        if found or check_module(front, file, dt.date.today()):
            continue  # hooks/modules.py reports it
        data = front.data
        _modules.append(PlannedModule(page_id(src_uri), data["title"], nav_page.file.url, data["duration"],
                                      data["level"], tuple(data["objectives"])))
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page_key(page.file.src_uri) != PLAN_PAGE:
        return markdown
    modules = with_running_totals([
        PlannedModule(m.id, m.title, get_relative_url(m.url, page.url), m.duration, m.level, m.objectives)
        for m in _modules])
    strings = strings_for(str(STRINGS), file_locale(page.file.src_uri, config.theme["language"]))
    content = render_partial(
        config, "session-plan.html",
        modules=modules, total=total_minutes(modules),
        sessions=[plan_session(modules, length) for length in SESSION_LENGTHS], t=strings)
    return replace_marker(markdown, PLAN_MARKER, content.strip())
