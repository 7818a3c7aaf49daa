"""Checklists that merchants tick and keep.

Renders every ``!!! checklist`` block of a page (read and checked by the course
model, ``course.checklists``) as real checkboxes (``partials/digicom/checklist.html``),
and fills the page holding ``<!-- checklist-progress -->`` ("Mi progreso") with every
module's checklist and questions' result, in menu order, and the way to take the progress
to another browser (``partials/digicom/checklist-progress.html``, ``progress-transfer.html``).
``assets/javascripts/checklists.js`` keeps the ticks under each item's id;
``progress-page.js`` (loaded there only: ``page.meta["progress_page"]``) does the rest.

Data: the model's checklists, ``data/strings.yml`` (keys ``checklist_…``).
Events: ``on_page_markdown`` (priority 70: describes its parts for hooks/page_layout.py).
"""

from __future__ import annotations

import textwrap

from course.build import state_for, strings, url_to
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


@event_priority(70)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = state_for(config)
    model = state.page(page.file.src_uri)
    if model is None or not (model.checklists or model.has_role("progress")):
        return markdown
    t = strings(state, model.locale)
    parts = state.parts_for(model.src_uri)
    for checklist in model.checklists:
        html = state.partials.render("checklist.html", checklist=checklist, t=t)
        parts.replace(checklist.line, checklist.end, textwrap.indent(html, " " * checklist.indent), "checklists")
    if model.has_role("progress"):
        modules = [{"title": module.title, "checklists": module.checklists,
                    "url": url_to(files, module.key, page, "checklist" if module.checklists else "quiz"),
                    "quiz_url": url_to(files, module.key, page, "quiz"),
                    "questions": [quiz.id for quiz in module.quizzes]}
                   for module in state.course.modules(model.locale) if module.checklists or module.quizzes]
        html = state.partials.render("checklist-progress.html", modules=modules, t=t)
        for line in model.markers["progress"][:1]:
            parts.replace(line, line, html, "checklists")
        page.meta["progress_page"] = True  # overrides/main.html loads assets/javascripts/progress-page.js
    return markdown
