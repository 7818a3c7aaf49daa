"""The session plan: the course's modules and times, and what fits in a live session.

Fills the page holding ``<!-- session-plan -->`` ("Plan de sesión") with a table of the
modules in menu order (time, how it splits in class, level, objectives, running total),
the course's total time, and suggested sessions of 2 and 4 hours (``course.session_plan``;
template ``partials/digicom/session-plan.html``).

Every time comes from the same numbers: a module's ``duration`` (which the timing rule
checks against its parts, ``course.timing``), split by ``course.teaching.class_time`` into
presenting, activities, questions and margin in whole minutes that add up to it; the
presenter window and the trainers' sheet split it by section the same way.

Data: each module's front matter (``duration``, ``level``, ``objectives``, ``title``) and
content, from the model; strings from ``data/strings.yml`` (keys ``session_…``).
Events: ``on_page_markdown`` (priority 70).
"""

from __future__ import annotations

from course.build import state_for, strings, url_to
from course.session_plan import SESSION_LENGTHS, PlannedModule, plan_session, total_minutes, with_running_totals
from course.teaching import class_time
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


@event_priority(70)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = state_for(config)
    model = state.page(page.file.src_uri)
    if model is None or not model.has_role("session-plan"):
        return markdown
    times = {module.id: class_time(module) for module in state.course.modules(model.locale)}
    modules = with_running_totals([
        PlannedModule(module.id, module.title, url_to(files, module.key, page), times[module.id].duration,
                      module.front.data["level"], tuple(module.front.data["objectives"]))
        for module in state.course.modules(model.locale)])
    html = state.partials.render("session-plan.html", modules=modules, total=total_minutes(modules), times=times,
                                 sessions=[plan_session(modules, length) for length in SESSION_LENGTHS],
                                 t=strings(state, model.locale))
    line = model.markers["session-plan"][0]
    state.parts_for(model.src_uri).replace(line, line, html, "session plan")
    return markdown
