"""Trainer notes: kept out of learners' pages, gathered on the trainers' page.

Every ``!!! trainer`` block (read and checked by the course model,
``course.trainer_notes``) is replaced on its page by an element readers never see
(``partials/digicom/trainer-note.html``: hidden, out of search and of print) that
keeps the note for the presenter window. The page holding ``<!-- trainer-notes -->``
("Notas para formadores") gets every module's notes, in menu order, each module's
title linking to it (``partials/digicom/trainer-notes-page.html``).

Data: the model's notes and module titles, ``data/strings.yml`` (keys ``trainer_…``).
Events: ``on_config`` (md_in_html must be on), ``on_page_markdown`` (priority 70).
"""

from __future__ import annotations

from course.build import state_for, strings
from course.links import rebase, written_from
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if "md_in_html" not in config.markdown_extensions:
        raise PluginError("hooks/trainer_notes.py necesita la extensión md_in_html / needs the md_in_html "
                          "extension: añádela a markdown_extensions en mkdocs.yml / add it to markdown_extensions")
    return config


@event_priority(70)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = state_for(config)
    model = state.page(page.file.src_uri)
    if model is None:
        return markdown
    parts = state.parts_for(model.src_uri)
    for note in model.notes:
        parts.replace(note.line, note.end, state.partials.render("trainer-note.html", note=note, shown=False),
                      "trainer notes")
    if model.has_role("trainer-notes"):
        modules = [{"id": module.id, "title": module.title, "link": written_from(model.src_uri, module.key + ".md"),
                    "notes": [{"title": note.title, "minutes": note.minutes,
                               "body": rebase(note.body, module.src_uri, model.src_uri)} for note in module.notes]}
                   for module in state.course.modules(model.locale)]
        html = state.partials.render("trainer-notes-page.html", modules=modules, t=strings(state, model.locale))
        line = model.markers["trainer-notes"][0]
        parts.replace(line, line, html, "trainer notes")
    return markdown
