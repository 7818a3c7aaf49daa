"""Teaching from a module page: the "Present" button and the printed handout's QR code.

Every module's header gets:

- the "Presentar" button (``partials/digicom/present-button.html``), which carries the
  ``present_…`` strings of ``data/strings.yml`` for ``assets/javascripts/present-loader.js``
  and the presentation view it opens;
- a QR code of the page's online address (``page.canonical_url``, from ``site_url``),
  made at build time as inline SVG with ``segno`` (``course.teaching``), with its caption
  (``partials/digicom/handout.html``). ``teaching.css`` shows it only in print.

Data: ``data/strings.yml`` (keys ``present_…`` and ``handout_…``), ``site_url``.
Events: ``on_page_markdown`` (priority 70).
"""

from __future__ import annotations

from course.build import cache_folder, state_for, strings
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
    present = sorted((key, text) for key, text in t.items() if key.startswith("present_"))
    parts.header["present"] = state.partials.render("present-button.html", present_strings=present, t=t)
    if page.canonical_url:
        svg = cached_qr_svg(page.canonical_url, t["handout_qr_title"], cache_folder(config, "qr"))
        parts.header["handout"] = state.partials.render("handout.html", svg=svg, url=page.canonical_url, t=t)
    return markdown
