"""Teaching aids on a module page: where they go, and the handout's QR code.

``qr_svg`` makes, at build time and without any network, an inline SVG QR code for
the page's online address (its canonical URL), printed on the handout so a
participant can open the page on a phone. ``segno`` is pure Python.
"""

from __future__ import annotations

import re

import segno

_FIRST_HEADING = re.compile(r"^# .*$", re.MULTILINE)


def insert_after_title(markdown: str, block: str) -> str:
    """Put a block right after the page's first ``# `` heading (or at the top)."""
    match = _FIRST_HEADING.search(markdown)
    at = match.end() if match else 0
    return f"{markdown[:at]}\n\n{block}\n\n{markdown[at:]}"


def qr_svg(url: str, title: str) -> str:
    """An inline ``<svg>`` QR code (error correction M) for ``url``, named by ``title``.

    It has a viewBox and no fixed size, so CSS sizes it, and a ``<title>``, so it has
    an accessible name. Black on a transparent background, for paper.
    """
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(scale=1, border=2, title=title, svgclass="digicom-handout__qr", lineclass=None,
                           omitsize=True)
