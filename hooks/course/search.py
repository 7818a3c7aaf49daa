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


# ── What the index holds for merchants ──────────────────────────────────────
# Page keywords (front matter ``keywords:``, checked by course.rules.search) are searched as a
# field of their own: a match there weighs more than one in the text, less than one in a title.
KEYWORDS_FIELD = "keywords"
KEYWORDS_BOOST = 1000.0  # as much as a title: the keyword names the page


def fold(text: str) -> str:
    """Lower case without accents, as search compares words ("Boletín" → "boletin")."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


def page_location(key: str) -> str:
    """A page's address in its language's index ("modulos/sms" → "modulos/sms/", "index" → "")."""
    if key == "index":
        return ""
    return key.removesuffix("/index") + "/"


def with_keywords(index: dict[str, Any], keywords: dict[str, list[str]]) -> dict[str, Any]:
    """The index with each page's keywords on its main entry (the one without ``#``), searched by field."""
    fields = {**index["config"].get("fields", {}), KEYWORDS_FIELD: {"boost": KEYWORDS_BOOST}}
    docs = [{**doc, KEYWORDS_FIELD: ", ".join(keywords[doc["location"]])} if doc["location"] in keywords else doc
            for doc in index["docs"]]
    return {**index, "config": {**index["config"], "fields": fields}, "docs": docs}


def with_glossary_terms(index: dict[str, Any], location: str, terms: list[Any]) -> dict[str, Any]:
    """The index with one entry per glossary term (``glosario/#rgpd``) right after the glossary page's own.

    The page's list of terms is left out of the page's entry (``data-search-exclude``), so
    a search for "RGPD" shows that term and its definition, not the whole glossary.
    """
    # The term alone is the title: its expansion's words ("Boletín Oficial del Estado") must not
    # outrank the module a merchant means ("boletín": the email module).
    entries = [{"location": f"{location}#{term.id}", "title": term.term,
                "text": f"{term.expansion}. {term.definition}"} for term in terms]
    docs = list(index["docs"])
    at = next((n + 1 for n, doc in enumerate(docs) if doc["location"] == location), len(docs))
    docs[at:at] = entries
    return {**index, "docs": docs}

