"""One search index per language, searched without caring about accents.

mkdocs-static-i18n leaves a single merged ``search/search_index.json`` that every
page loads, so results mix both languages. After the whole bilingual build this
hook splits it into one index per language (``search/`` for Spanish,
``en/search/`` for English), and points each page's Material configuration at
its own language's index and at our accent-folding worker (``course.search``).

Events: ``on_post_page`` (rewrite each page's ``__config``) and ``on_post_build``
(split the index, once, after every language is built).
"""

from __future__ import annotations

import json
from pathlib import Path

from course.build import in_nested_language_build, offline_copy
from course.search import SEARCH_INDEX, language_prefixes, retarget_search_config, split_search_index
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page


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
