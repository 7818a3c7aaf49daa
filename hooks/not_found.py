"""A "page not found" page in each language.

MkDocs writes ``404.html`` at the site root on every build, and
mkdocs-static-i18n builds each language into the same site folder, so the last
language built would overwrite the Spanish one. This hook files each language's
``404.html`` under that language's folder (``en/404.html``) and puts the default
language's back at the root, where GitHub Pages serves it for any missing page.
The page itself is ``overrides/404.html``.

Events: ``on_post_build`` twice: early, to save this language's page, and late,
after every other language is built, to restore the default one.
"""

from __future__ import annotations

from pathlib import Path

from course.build import in_nested_language_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority

NOT_FOUND = "404.html"
_saved: dict[str, str] = {}


def _nested_language_folder(config: MkDocsConfig) -> str | None:
    """The folder of the language a nested i18n build is making ("en"), or None in the main build."""
    if not in_nested_language_build(config):
        return None
    return (config.plugins["i18n"].current_language_config.link or "/").strip("/")


@event_priority(100)  # before mkdocs-static-i18n starts building the other languages
def _save_this_language(*, config: MkDocsConfig) -> None:
    page = Path(config.site_dir) / NOT_FOUND
    if not page.exists():
        return
    folder = _nested_language_folder(config)
    if folder is None:
        _saved["default"] = page.read_text(encoding="utf-8")
    else:
        target = Path(config.site_dir) / folder / NOT_FOUND
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")


@event_priority(-300)  # after every language is built
def _restore_default_language(*, config: MkDocsConfig) -> None:
    if _nested_language_folder(config) is None and "default" in _saved:
        (Path(config.site_dir) / NOT_FOUND).write_text(_saved.pop("default"), encoding="utf-8")


on_post_build = CombinedEvent(_save_this_language, _restore_default_language)
