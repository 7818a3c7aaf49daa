"""Course modules: what a module's front matter says, shown on the site.

From each module's front matter (checked by the rules in ``course.rules.pages``):

- its time, level and objectives, in the module's header (``partials/digicom/module-intro.html``);
- the list of modules in menu order on the page holding ``<!-- modules -->``
  (``partials/digicom/module-list.html``), with a button to the first module and, filled in by
  ``assets/javascripts/progress.js`` from what this browser kept, "continue where you left
  off" and each module's progress (its checklist items' and questions' ids are in the list);
- on each module page, its id for ``progress.js`` to remember as the last module opened
  (``page.meta["progress_module"]``, written on the script tag by ``overrides/main.html``);
- the sources of any page that lists them, with its review date, in its footer
  (``partials/digicom/sources.html``).

Events: ``on_page_markdown`` (priority 70).
"""

from __future__ import annotations

from typing import Any

from course.anchors import SOURCES_ANCHOR
from course.build import state_for, strings, url_to
from course.model import Page as ModelPage
from course.reading import parse_date
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def module_view(module: ModelPage, url: str = "") -> dict[str, Any]:
    data = module.front.data
    return {"id": module.id, "title": module.title, "description": module.front.text("description") or "",
            "duration": data.get("duration"), "level": data.get("level"),
            "objectives": list(data.get("objectives") or []), "url": url,
            "items": [item.id for checklist in module.checklists for item in checklist.items],
            "questions": [quiz.id for quiz in module.quizzes]}


@event_priority(70)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = state_for(config)
    model = state.page(page.file.src_uri)
    if model is None:
        return markdown
    t = strings(state, model.locale)
    parts = state.parts_for(model.src_uri)
    if model.is_module:
        page.meta["progress_module"] = model.id
        parts.header["intro"] = state.partials.render("module-intro.html", module=module_view(model), t=t)
    if model.has_role("module-list"):
        modules = [module_view(module, url_to(files, module.key, page))
                   for module in state.course.modules(model.locale)]
        line = model.markers["module-list"][0]
        parts.replace(line, line, state.partials.render("module-list.html", modules=modules, t=t), "modules")
    sources = model.front.data.get("sources")
    if isinstance(sources, list) and sources:
        parts.footer["sources"] = state.partials.render(
            "sources.html", sources=sources, reviewed=parse_date(model.front.data.get("last_reviewed")),
            anchor=SOURCES_ANCHOR, t=t)
    return markdown
