"""Unit tests of the per-language search index split (hooks/course/search.py)."""

import json
from urllib.parse import urljoin

import pytest

from course import search as search_i18n


MERGED = {
    "config": {"lang": ["es", "en"], "separator": "[\\s]+", "pipeline": ["stopWordFilter"]},
    "docs": [
        {"location": "", "title": "Inicio", "text": "Hola"},
        {"location": "modulos/sms/", "title": "SMS", "text": "campañas"},
        {"location": "en/", "title": "Home", "text": "Hello"},
        {"location": "en/modulos/sms/#why", "title": "Why", "text": "campaigns"},
        {"location": "english-tips/", "title": "Un nombre que empieza por en", "text": ""},
    ],
}


def test_language_prefixes_come_from_the_i18n_links():
    languages = [{"locale": "es", "link": "/", "build": True}, {"locale": "en", "link": "/en/", "build": True},
                 {"locale": "fr", "link": "/fr/", "build": False}]
    assert search_i18n.language_prefixes(languages) == {"es": "", "en": "en/"}


def test_each_language_gets_only_its_own_pages_relative_to_its_folder():
    split = search_i18n.split_search_index(MERGED, {"es": "", "en": "en/"})
    assert [d["location"] for d in split["es"]["docs"]] == ["", "modulos/sms/", "english-tips/"]
    assert [d["location"] for d in split["en"]["docs"]] == ["", "modulos/sms/#why"]
    assert split["es"]["config"]["lang"] == ["es"]
    assert split["en"]["config"]["lang"] == ["en"]
    assert MERGED["config"]["lang"] == ["es", "en"], "the merged index must not be changed in place"


def _page(config: dict) -> str:
    return f'<p>x</p><script id="__config" type="application/json">{json.dumps(config)}</script><p>y</p>'


def test_english_pages_search_their_own_folder_through_the_accent_folding_worker():
    html = _page({"base": "../..", "search": "../../assets/javascripts/workers/search.abc.min.js"})
    rewritten = search_i18n.retarget_search_config(html, "en/")
    config = json.loads(rewritten.split('application/json">')[1].split("</script>")[0])
    assert config["base"] == "../../en/"
    worker, _, material = config["search"].partition("?material=")
    assert worker == "../../assets/javascripts/workers/search-worker.js"
    # The wrapper loads Material's worker from its own address: it must land on the original file.
    base = "https://x/curso/en/modulos/sms/"
    assert urljoin(urljoin(base, worker), material) == urljoin(base, "../../assets/javascripts/workers/search.abc.min.js")
    assert rewritten.startswith("<p>x</p>") and rewritten.endswith("<p>y</p>")


def test_spanish_pages_keep_their_base():
    html = _page({"base": ".", "search": "assets/javascripts/workers/search.abc.min.js"})
    config = json.loads(search_i18n.retarget_search_config(html, "").split('json">')[1].split("</script>")[0])
    assert config["base"] == "."


@pytest.mark.parametrize("html", ["<html><body>no config</body></html>", ""])
def test_pages_without_material_config_are_left_alone(html):
    assert search_i18n.retarget_search_config(html, "en/") == html
