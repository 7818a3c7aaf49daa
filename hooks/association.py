"""The association's details written into pages: ``{{ asociacion.correo }}`` becomes the address.

Data: ``data/association.yml`` (``course.association``, checked by ``course.rules.data.association``).
A page that uses a detail still pending shows a notice under its title
(``partials/digicom/association-pending.html``) and the detail as pending; the deploy
job refuses to publish until every detail is filled in (``make publish-check``).

Events: ``on_page_markdown`` (priority 70).
"""

from __future__ import annotations

from course.association import TOKEN, fill
from course.build import state_for, strings
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


@event_priority(70)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = state_for(config)
    model = state.page(page.file.src_uri)
    if model is None or "asociacion." not in model.body:
        return markdown
    t = strings(state, model.locale)
    details = state.course.association
    parts = state.parts_for(model.src_uri)
    used = False
    for number, line in enumerate(model.lines, start=1):
        if number >= model.front.body_line and not model.scan.is_code(number) and TOKEN.search(line):
            parts.replace(number, number, fill(line, details, t["association_pending_value"]), "association")
            used = True
    if used and details.pending():
        parts.header["notice"] = state.partials.render("association-pending.html", t=t)
    return markdown
