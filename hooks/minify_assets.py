"""Our own scripts, stylesheets and drawings, minified in the built site (rjsmin and rcssmin, pinned).

Phones on mobile data load every byte: our files are written to be read, with long
comments. After the whole bilingual build, each ``.js``, ``.css`` and ``.svg`` file that comes
from ``overrides/assets/`` is minified in place. Files of Material are published exactly
as the package ships them; mkdocs-quiz's two files are minified where they are made
(``hooks/upstream_fixes.py``); ``tests/test_upstream.py`` checks both.

Events: ``on_post_build`` (once, after every language is built).
"""

from __future__ import annotations

import re
from pathlib import Path

import rcssmin
import rjsmin
from course.build import in_nested_language_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

_SVG_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_BETWEEN_TAGS = re.compile(r">\s+<")


def minify_svg(svg: str) -> str:
    """The drawing without its comments and the spaces between its tags (ours have no ``<text>``, where they show)."""
    return _BETWEEN_TAGS.sub("><", _SVG_COMMENT.sub("", svg)).strip()


MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin, ".svg": minify_svg}


@event_priority(-300)  # after mkdocs-static-i18n has built (and copied assets for) every language
def on_post_build(*, config: MkDocsConfig) -> None:
    if in_nested_language_build(config) or not config.theme.custom_dir:
        return
    ours = Path(config.theme.custom_dir)
    for source in sorted((ours / "assets").rglob("*")):
        minify = MINIFIERS.get(source.suffix)
        built = Path(config.site_dir) / source.relative_to(ours)
        if minify and built.is_file():
            built.write_text(minify(built.read_text(encoding="utf-8")), encoding="utf-8")
