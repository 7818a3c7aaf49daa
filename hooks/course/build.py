"""What kind of build is running: facts several hooks need about MkDocs' plugins."""

from __future__ import annotations

from typing import Any


def in_nested_language_build(config: Any) -> bool:
    """True while mkdocs-static-i18n builds one more language from inside the main build.

    Hooks that work on the whole bilingual site (the search index, the 404 pages,
    compacting assets) wait for the main build's end, when every language is done.
    """
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and i18n.building)


def offline_copy(config: Any) -> bool:
    """True when Material's offline plugin is on (``make offline``)."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)
