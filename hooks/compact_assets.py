"""Smaller scripts and stylesheets of our own in the built site.

Our JavaScript and CSS (from ``overrides/assets`` and those the hooks generate)
are written to be read, with long comments; phones on mobile data do not need
those. After the whole bilingual build, every ``.js`` and ``.css`` file under
``assets/`` that is not already minified (``*.min.*``, as Material's are) is
compacted with ``course.compact``: whole-line comments and indentation only.

Events: ``on_post_build`` (once, after every language is built).
"""

from __future__ import annotations

from pathlib import Path

from course.build import in_nested_language_build
from course.compact import compact_css, compact_js
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

COMPACTORS = {".js": compact_js, ".css": compact_css}


def compact_folder(folder: Path) -> int:
    """Compact every script and stylesheet in ``folder`` that is not minified; return how many."""
    count = 0
    for path in sorted(folder.rglob("*")):
        compactor = COMPACTORS.get(path.suffix)
        if compactor is None or ".min." in path.name or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        compacted = compactor(text)
        if compacted != text:
            path.write_text(compacted, encoding="utf-8")
            count += 1
    return count


@event_priority(-300)  # after mkdocs-static-i18n has built (and copied assets for) every language
def on_post_build(*, config: MkDocsConfig) -> None:
    if in_nested_language_build(config):
        return  # the main build compacts once, at its end
    compact_folder(Path(config.site_dir) / "assets")
