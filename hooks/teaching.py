"""Teaching from a module page: the "Present" button, where its slides start, and the printed handout's QR code.

Every module's header gets:

- the "Presentar" button (``partials/digicom/present-button.html``), which carries the
  address of the view's words (the ``present_…`` strings of ``data/strings.yml``, one file per
  language, ``course.teaching.PRESENT_TEXTS``, written after the build and loaded with
  ``presentation.js`` by ``present-loader.js``), and the plan of the slides
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
Events: ``on_page_markdown`` (priority 70), ``on_post_build`` (the view's words).
"""

from __future__ import annotations

from course.build import (cache_folder, in_nested_language_build, site_locales, state_for, strings, url_to,
                          write_to_site)
from course.teaching import PRESENT_TEXTS, cached_qr_svg, present_texts_script
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url


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
    texts = get_relative_url(PRESENT_TEXTS.format(locale=model.locale), page.url)
    parts.header["present"] = state.partials.render("present-button.html", texts=texts, plan=data, t=t)
    for marker in plan.markers:
        parts.replace(marker.line, marker.line, state.partials.render("slide-break.html", marker=marker), "slides")
    if page.canonical_url:
        svg = cached_qr_svg(page.canonical_url, t["handout_qr_title"], cache_folder(config, "qr"))
        parts.header["handout"] = state.partials.render("handout.html", svg=svg, url=page.canonical_url, t=t)
    return markdown


@event_priority(-100)  # before our assets are minified (-300) and listed for offline use (-400)
def on_post_build(*, config: MkDocsConfig) -> None:
    if in_nested_language_build(config):
        return
    state = state_for(config)
    for locale in site_locales(config):
        write_to_site(config, PRESENT_TEXTS.format(locale=locale), present_texts_script(strings(state, locale)))
