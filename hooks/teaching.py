"""Teaching from a module page: the "Present" button and the printed handout's QR code.

On every module page (``docs/modulos/*``) this hook puts, right under the title:

- the "Presentar" button (template ``partials/digicom/present-button.html``). It
  carries every ``present_…`` string of ``data/strings.yml`` as a ``data-present-…``
  attribute; ``assets/javascripts/present-loader.js`` shows it and, on a click (or a
  reload of a ``#slide-N`` address), loads ``presentation.js`` and
  ``presentation.css``, the full-screen slide view;
- a QR code of the page's online address (``page.canonical_url``, from ``site_url``),
  made at build time as inline SVG with ``segno`` (``course.teaching``), with its
  caption and the address (``partials/digicom/handout.html``). ``teaching.css``
  shows it only in print, where the page becomes a clean handout.

Data: ``data/strings.yml`` (keys ``present_…`` and ``handout_…``), ``site_url``.
Events: ``on_page_markdown``.
"""

from __future__ import annotations

from pathlib import Path

from course.language import file_locale
from course.layout import MODULES_FOLDER, STRINGS
from course.strings import strings_for
from course.teaching import cached_qr_svg, insert_after_title
from course.templates import render_partial
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page




def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not page.file.src_uri.startswith(MODULES_FOLDER):
        return markdown
    strings = strings_for(str(STRINGS), file_locale(page.file.src_uri, config.theme["language"]))
    present = sorted((key, text) for key, text in strings.items() if key.startswith("present_"))
    blocks = [render_partial(config, "present-button.html", present_strings=present, t=strings)]
    if page.canonical_url:
        cache = Path(config.config_file_path).parent / ".cache" / "qr"
        svg = cached_qr_svg(page.canonical_url, strings["handout_qr_title"], cache)
        blocks.append(render_partial(config, "handout.html", svg=svg, url=page.canonical_url, t=strings))
    return insert_after_title(markdown, "\n\n".join(blocks))
