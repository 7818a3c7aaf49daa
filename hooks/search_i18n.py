"""One search index per language, searched without caring about accents.

mkdocs-static-i18n leaves a single merged ``search/search_index.json`` that every
page loads, so results mix both languages. After the whole bilingual build this
hook splits it into one index per language (``search/`` for Spanish,
``en/search/`` for English), and points each page's Material configuration at
its own language's index and at ``digicom-search.js``, a small worker that wraps
Material's own and folds accents (see ``overrides/assets/javascripts/workers``).

Events: ``on_post_page`` (rewrite each page's ``__config``) and ``on_post_build``
(split the index, once, after every language is built).
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import Any

from course.build import in_nested_language_build, offline_copy
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

SEARCH_INDEX = "search/search_index.json"
ACCENT_FOLDING_WORKER = "digicom-search.js"
_CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL
)


def language_prefixes(i18n_languages: list[dict[str, Any]]) -> dict[str, str]:
    """Map each built locale to its folder prefix in the site ("" or "en/")."""
    prefixes = {}
    for language in i18n_languages:
        if language.get("build", True):
            link = str(language.get("link") or "/").strip("/")
            prefixes[language["locale"]] = f"{link}/" if link else ""
    return prefixes


def split_search_index(index: dict[str, Any], prefixes: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Split a merged Material search index into one index per locale.

    Each document goes to the locale with the longest matching folder prefix,
    and its location is made relative to that locale's folder.
    """
    by_longest_prefix = sorted(prefixes.items(), key=lambda item: len(item[1]), reverse=True)
    split: dict[str, dict[str, Any]] = {
        locale: {**index, "config": {**index["config"], "lang": [locale]}, "docs": []}
        for locale in prefixes
    }
    for doc in index["docs"]:
        for locale, prefix in by_longest_prefix:
            if doc["location"].startswith(prefix):
                split[locale]["docs"].append({**doc, "location": doc["location"][len(prefix):]})
                break
    return split


def retarget_search_config(html: str, prefix: str) -> str:
    """Point a page's Material ``__config`` at its language's index and our worker."""
    match = _CONFIG_SCRIPT.search(html)
    if not match:
        return html
    config = json.loads(match.group(2))
    if prefix:
        # The trailing slash matters: Material resolves "search/search_index.json" against it.
        config["base"] = posixpath.join(config["base"], prefix)
    folder, material_worker = posixpath.split(config["search"])
    config["search"] = posixpath.join(folder, f"{ACCENT_FOLDING_WORKER}?material={material_worker}")
    # Escape "<" so the JSON can never close its own <script> element.
    rewritten = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
    return html[: match.start(2)] + rewritten + html[match.end(2) :]


def _prefixes(config: MkDocsConfig) -> dict[str, str]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return {config.theme["language"]: ""}
    return language_prefixes([dict(language) for language in i18n.config.languages])


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    locale = getattr(page.file, "locale", None) or config.theme["language"]
    return retarget_search_config(output, _prefixes(config).get(locale, ""))


@event_priority(-200)  # after mkdocs-static-i18n has merged every language's entries
def on_post_build(*, config: MkDocsConfig) -> None:
    if in_nested_language_build(config):
        return  # the index is complete only at the end of the main build
    site_dir = Path(config.site_dir)
    merged_path = site_dir / SEARCH_INDEX
    if not merged_path.exists():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    prefixes = _prefixes(config)
    scripts_too = offline_copy(config)
    for locale, index in split_search_index(merged, prefixes).items():
        target = site_dir / prefixes[locale] / SEARCH_INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        serialized = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        target.write_text(serialized, encoding="utf-8")
        if scripts_too:  # pages opened from file:// load the index as a script
            target.with_suffix(".js").write_text(f"var __index = {serialized}", encoding="utf-8")
