"""One search index per language (mkdocs-static-i18n merges them into one): split it and point each page at its own.

Each page's Material configuration (``__config``) is pointed at its language's index
and at ``assets/javascripts/workers/search-worker.js``, which wraps Material's own
worker and folds accents (see that file). It must live in Material's ``workers`` folder:
in the offline copy (iframe-worker) Material finds lunr's language files from the part
of the worker's address before "/worker", so a worker elsewhere breaks Spanish search.
"""

from __future__ import annotations

import json
import posixpath
import re
from typing import Any

SEARCH_INDEX = "search/search_index.json"
ACCENT_FOLDING_WORKER = "search-worker.js"  # in Material's workers folder (see above)
_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


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
    ours = posixpath.normpath(posixpath.join(folder, ACCENT_FOLDING_WORKER))
    config["search"] = f"{ours}?material=../workers/{material_worker}"
    # Escape "<" so the JSON can never close its own <script> element.
    rewritten = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
    return html[: match.start(2)] + rewritten + html[match.end(2) :]
