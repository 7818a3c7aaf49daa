"""Trainer notes: kept out of learners' pages, gathered on the trainers' sheet with the answer key.

Every ``!!! trainer`` block (read and checked by the course model,
``course.trainer_notes``) is replaced on its page by an element readers never see
(``partials/digicom/trainer-note.html``: hidden, out of search and of print) that
keeps the note for the presenter window. The page holding ``<!-- trainer-notes -->``
("Notas para formadores") becomes the trainers' sheet, printed separately from the
handouts (``partials/digicom/trainer-notes-page.html``): for every module, in menu
order, its title linking to it, its time in class (``course.teaching.class_time``:
presenting, activities, questions, margin) and each section's planned minutes and
slides (``course.slides``), its notes with their minutes and the slide they go with,
and the answer key of its questions with their explanations. The sheet is out of
search (only the module headings are found); the answer key appears nowhere else.

Data: the model's notes, questions and module titles, ``data/strings.yml`` (keys ``trainer_…``).
Events: ``on_config`` (md_in_html must be on), ``on_page_markdown`` (priority 70).
"""

from __future__ import annotations

from course.build import state_for, strings
from course.links import rebase, written_from
from course.teaching import class_time
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


def _sheet(module, notes_page, plan) -> dict:
    """What the trainers' sheet shows of one module."""

    def moved(markdown: str) -> str:
        return rebase(markdown, module.src_uri, notes_page.src_uri)

    slide_of = {note: slide for slide in plan.slides for note in slide.notes}
    sections = []
    for number, section in enumerate(plan.sections):
        slides = plan.slides_of(number)
        sections.append({"title": section.title, "minutes": section.minutes,
                         "first": slides[0].number if slides else 0, "last": slides[-1].number if slides else 0})
    notes = []
    for index, note in enumerate(module.notes):
        slide = slide_of.get(index)
        notes.append({"title": note.title, "minutes": note.minutes, "body": moved(note.body),
                      "slide": slide.number if slide else None,
                      "section": plan.sections[slide.section].title if slide else ""})
    answers = [{"question": moved("\n".join(quiz.question)), "multiple": quiz.multiple,
                "right": [moved(answer.text) for answer in quiz.answers if answer.correct],
                "explanation": moved("\n".join(quiz.explanation).strip())}
               for quiz in module.quizzes if quiz.valid]
    return {"id": module.id, "title": module.title, "link": written_from(notes_page.src_uri, module.key + ".md"),
            "time": class_time(module), "slides": len(plan.slides), "sections": sections, "notes": notes,
            "answers": answers}


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
        modules = [_sheet(module, model, state.slide_plan(module)) for module in state.course.modules(model.locale)]
        html = state.partials.render("trainer-notes-page.html", modules=modules, t=strings(state, model.locale))
        line = model.markers["trainer-notes"][0]
        parts.replace(line, line, html, "trainer notes")
    return markdown
