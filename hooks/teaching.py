"""Teaching from a module page: the "Present" button, where its slides start, and the printed handout's QR code.

Every module's header gets:

- the "Presentar" button (``partials/digicom/present-button.html``), which carries the
  ``present_…`` strings of ``data/strings.yml`` for ``assets/javascripts/present-loader.js``,
  the presentation view and the presenter window it opens, and the plan of the slides
  (``course.slides.plan_slides``: each section's title and planned minutes, from
  ``course.timing``; which trainer notes go with which slide; the link to the module on
  the trainers' sheet) as a JSON element;
- a QR code of the page's online address (``page.canonical_url``, from ``site_url``),
  made at build time as inline SVG with ``segno`` (``course.teaching``), with its caption
  (``partials/digicom/handout.html``). ``teaching.css`` shows it only in print.

Where a slide starts inside a section, the page gets a hidden, empty marker on the blank
line before that block (``partials/digicom/slide-break.html``), so the browser cuts the
slides exactly where the plan says.

Data: ``data/strings.yml`` (keys ``present_…`` and ``handout_…``), ``site_url``.
Events: ``on_page_markdown`` (priority 70).
"""

from __future__ import annotations

from course.build import cache_folder, state_for, strings, url_to
from course.teaching import cached_qr_svg
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


@event_priority(70)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = state_for(config)
    model = state.page(page.file.src_uri)
    if model is None or not model.is_module:
        return markdown
    t = strings(state, model.locale)
    parts = state.parts_for(model.src_uri)
    plan = state.slide_plan(model)
    data = plan.as_data()
    sheet = state.course.with_role("trainer-notes", model.locale)
    data["sheet"] = url_to(files, sheet.key, page, model.id) if sheet else ""
    present = sorted((key, text) for key, text in t.items() if key.startswith("present_"))
    parts.header["present"] = state.partials.render("present-button.html", present_strings=present, plan=data, t=t)
    for marker in plan.markers:
        parts.replace(marker.line, marker.line, state.partials.render("slide-break.html", marker=marker), "slides")
    if page.canonical_url:
        svg = cached_qr_svg(page.canonical_url, t["handout_qr_title"], cache_folder(config, "qr"))
        parts.header["handout"] = state.partials.render("handout.html", svg=svg, url=page.canonical_url, t=t)
    return markdown
