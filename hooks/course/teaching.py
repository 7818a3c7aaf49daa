"""Teaching aids on a module page: the handout's QR code.

``qr_svg`` makes, at build time and without any network, an inline SVG QR code for
the page's online address (its canonical URL), printed on the handout so a
participant can open the page on a phone. ``segno`` is pure Python.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import segno


def cached_qr_svg(url: str, title: str, cache: Path) -> str:
    """``qr_svg``, kept in ``cache`` between builds: choosing the best QR mask is slow in pure Python."""
    key = hashlib.sha256(f"{segno.__version__}\n{url}\n{title}".encode()).hexdigest()
    stored = cache / f"{key}.svg"
    if stored.is_file():
        return stored.read_text(encoding="utf-8")
    svg = qr_svg(url, title)
    cache.mkdir(parents=True, exist_ok=True)
    partial = stored.with_suffix(f".{os.getpid()}.tmp")  # builds in parallel (tests) never read half a file
    partial.write_text(svg, encoding="utf-8")
    partial.replace(stored)
    return svg


def qr_svg(url: str, title: str) -> str:
    """An inline ``<svg>`` QR code (error correction M) for ``url``, named by ``title``.

    It has a viewBox and no fixed size, so CSS sizes it, and a ``<title>``, so it has
    an accessible name. Black on a transparent background, for paper.
    """
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(scale=1, border=2, title=title, svgclass="digicom-handout__qr", lineclass=None,
                           omitsize=True)
