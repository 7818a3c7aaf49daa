"""Teaching aids on a module page: where they go (after the title, as the module's intro), and
the handout's QR code.

``qr_svg`` makes, at build time and without any network, an inline SVG QR code for
the page's online address (its canonical URL), printed on the handout so a
participant can open the page on a phone. ``segno`` is pure Python.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import segno

_FIRST_HEADING = re.compile(r"^# .*$", re.MULTILINE)


def insert_after_title(markdown: str, block: str) -> str:
    """Put a block right after the page's first ``# `` heading (or at the top)."""
    match = _FIRST_HEADING.search(markdown)
    at = match.end() if match else 0
    return f"{markdown[:at]}\n\n{block}\n\n{markdown[at:]}"


def cached_qr_svg(url: str, title: str, cache: Path) -> str:
    """``qr_svg``, kept in ``cache`` between builds: choosing the best QR mask is slow in pure Python."""
    key = hashlib.sha256(f"{segno.__version__}\n{url}\n{title}".encode()).hexdigest()
    stored = cache / f"{key}.svg"
    if stored.is_file():
        return stored.read_text(encoding="utf-8")
    svg = qr_svg(url, title)
    cache.mkdir(parents=True, exist_ok=True)
    stored.write_text(svg, encoding="utf-8")
    return svg


def qr_svg(url: str, title: str) -> str:
    """An inline ``<svg>`` QR code (error correction M) for ``url``, named by ``title``.

    It has a viewBox and no fixed size, so CSS sizes it, and a ``<title>``, so it has
    an accessible name. Black on a transparent background, for paper.
    """
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(scale=1, border=2, title=title, svgclass="digicom-handout__qr", lineclass=None,
                           omitsize=True)
