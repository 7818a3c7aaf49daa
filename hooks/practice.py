"""Practice tools in the modules, and SMS examples shown with their real count.

- Each ``!!! practice "<kind>"`` block (read and checked by the course model,
  ``course.practice``) is replaced by its tool, ``partials/digicom/practice-<kind>.html``:
  the SMS composer (``sms``), the email subject preview (``email-subject``) and the
  crisis triage (``crisis-triage``). The page is marked (``page.meta["practice"]``) so
  ``overrides/main.html`` loads ``assets/stylesheets/practice.css`` there only, and
  ``assets/javascripts/practice.js`` when the reader nears a tool (``load-near.js``).
- Each SMS example (a fenced block ```` ```sms ````, ``course.sms.examples``) is shown as
  a phone shows it, with its characters, alphabet and parts beside it
  (``partials/digicom/practice-sms-example.html``), counted by ``course.sms``, the same
  counting the composer does in the page; ``page.meta["sms_examples"]`` loads the CSS.
  The rule ``course.rules.examples.sms_example_claims`` has checked the text around it.

Data: the model's practice blocks, SMS examples and headings; ``data/strings.yml`` (keys
``practice_…``, ``sms_…``, ``email_preview_…``, ``triage_…``).
Events: ``on_page_markdown`` (priority 70).
"""

from __future__ import annotations

import textwrap

from course import sms
from course.build import state_for, strings
from course.rules.examples import TRIAGE_SECTIONS
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# How many characters a phone's inbox shows, about: the subject (ActiveCampaign: 33 to 43 on a phone,
# by app) and the preview text (Email on Acid: 30 to 80 on a phone). Both sources are in the email module.
SUBJECT_VISIBLE = 40
PREVIEW_VISIBLE = 80


def _attribute(text: str) -> Markup:
    """Text for an HTML attribute on one line (line breaks as character references)."""
    return Markup(str(escape(text)).replace("\n", "&#10;"))


def _filled(template: str, **values: object) -> str:
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template


def sms_summary(result: sms.Count, t: dict[str, str]) -> str:
    """"77 caracteres · UCS-2 · 2 SMS", in the composer's words."""
    chars = t["sms_chars_one"] if result.chars == 1 else _filled(t["sms_chars_many"], n=result.chars)
    parts = t["sms_parts_one"] if result.parts == 1 else _filled(t["sms_parts_many"], n=result.parts)
    return _filled(t["sms_summary"], chars=chars, encoding=result.encoding, parts=parts)


def sms_why(result: sms.Count, t: dict[str, str]) -> str:
    """Why an example is in UCS-2, or what counts double in it ("" when nothing does)."""
    if result.forcing:
        return _filled(t["sms_example_ucs2"], chars=", ".join(sms.shown(char) for char in result.forcing))
    if result.doubles:
        return _filled(t["sms_doubles"], chars=", ".join(result.doubles))
    return ""


def _triage(model, t: dict[str, str]) -> dict[str, object]:
    headings = {heading.anchor: heading.text for heading in model.scan.headings}
    questions = [
        {"id": "repeat", "text": t["triage_q_repeat"], "weight": "signal", "signal": t["triage_signal_repeat"]},
        {"id": "group", "text": t["triage_q_group"], "weight": "signal", "signal": t["triage_signal_group"]},
        {"id": "outside", "text": t["triage_q_outside"], "weight": "red", "signal": t["triage_signal_outside"]},
        {"id": "health", "text": t["triage_q_health"], "weight": "red", "signal": t["triage_signal_health"]},
        {"id": "treatment", "text": t["triage_q_treatment"], "weight": "signal",
         "signal": t["triage_signal_treatment"]},
        {"id": "false", "text": t["triage_q_false"], "weight": "red", "signal": t["triage_signal_false"]},
    ]
    green, yellow, red = TRIAGE_SECTIONS["green"], TRIAGE_SECTIONS["yellow"], TRIAGE_SECTIONS["red"]
    levels = [
        {"id": "green", "title": t["triage_green"], "anchor": green, "section": headings.get(green, ""),
         "steps": [t["triage_green_1"], t["triage_green_2"], t["triage_green_3"]]},
        {"id": "yellow", "title": t["triage_yellow"], "anchor": yellow, "section": headings.get(yellow, ""),
         "steps": [t["triage_yellow_1"], t["triage_yellow_2"], t["triage_yellow_3"]]},
        {"id": "red", "title": t["triage_red"], "anchor": red, "section": headings.get(red, ""),
         "steps": [t["triage_red_1"], t["triage_red_2"], t["triage_red_3"], t["triage_red_4"]]},
    ]
    return {"questions": questions, "levels": levels}


@event_priority(70)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = state_for(config)
    model = state.page(page.file.src_uri)
    if model is None:
        return markdown
    found = sms.examples(model.scan)
    if not (model.practices or found):
        return markdown
    t = strings(state, model.locale)
    parts = state.parts_for(model.src_uri)
    for practice in model.practices:
        if practice.kind == "sms":
            html = state.partials.render("practice-sms.html", t=t, start=_attribute(practice.start),
                                         tables=sms.tables_json())
        elif practice.kind == "email-subject":
            html = state.partials.render("practice-email-subject.html", t=t, sender=practice.field("from"),
                                         subject=practice.field("subject"), preview=practice.field("preview"),
                                         subject_visible=SUBJECT_VISIBLE, preview_visible=PREVIEW_VISIBLE)
        elif practice.kind == "crisis-triage":
            html = state.partials.render("practice-crisis-triage.html", t=t, **_triage(model, t))
        else:  # the rules have stopped the build already
            continue
        parts.replace(practice.line, practice.end, html, "practice")
    for example in found:
        result = example.count
        html = state.partials.render("practice-sms-example.html", count=result, segments=sms.segments(example.text),
                                     summary=sms_summary(result, t), why=sms_why(result, t))
        parts.replace(example.line, example.end, textwrap.indent(html, " " * example.indent), "sms examples")
    if model.practices:
        page.meta["practice"] = True
    if found:
        page.meta["sms_examples"] = True
    return markdown
