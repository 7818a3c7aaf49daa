"""Unit tests of the per-language search index split (hooks/course/search.py)."""

import json
from urllib.parse import urljoin

import pytest

from conftest import build_site, make_site
from course import search as search_i18n
from test_rules import assert_refused


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


# ── What the index holds for merchants (course.search) ──────────────────────

INDEX = {
    "config": {"lang": ["es"], "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
    "docs": [
        {"location": "modulos/email/", "title": "Email", "text": "Correo"},
        {"location": "modulos/email/#why", "title": "Por qué", "text": "..."},
        {"location": "glosario/", "title": "Glosario", "text": "Términos"},
        {"location": "mi-progreso/", "title": "Mi progreso", "text": "Lo que llevas"},
        {"location": "mi-progreso/#email", "title": "Email", "text": "Decidir cuándo enviar un boletín"},
    ],
}


def test_keywords_go_on_the_pages_main_entry_and_weigh_as_much_as_a_title():
    index = search_i18n.with_keywords(INDEX, {"modulos/email/": ["newsletter", "boletín"]})
    assert index["config"]["fields"]["keywords"] == {"boost": index["config"]["fields"]["title"]["boost"]}
    assert index["docs"][0]["keywords"] == "newsletter, boletín"
    assert "keywords" not in index["docs"][1]
    assert "keywords" not in INDEX["docs"][0] and "keywords" not in INDEX["config"]["fields"]


def test_each_glossary_term_is_an_entry_of_its_own_under_the_glossary():
    from course.glossary import Term

    terms = [Term("gdpr", "RGPD", "Reglamento General de Protección de Datos", "Protege los datos personales.")]
    docs = search_i18n.with_glossary_terms(INDEX, "glosario/", terms)["docs"]
    assert [doc["location"] for doc in docs[2:4]] == ["glosario/", "glosario/#gdpr"]
    assert docs[3]["title"] == "RGPD"
    assert docs[3]["text"] == "Reglamento General de Protección de Datos. Protege los datos personales."


def test_the_built_index_holds_keywords_terms_and_boosts(site_dir):
    for prefix, keyword in (("", "boletín"), ("en/", "newsletter")):
        index = json.loads((site_dir / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        by_location = {doc["location"]: doc for doc in index["docs"]}
        assert keyword in by_location["modulos/email/"]["keywords"].split(", ")
        assert by_location["mi-progreso/"]["boost"] < 0.01 and by_location["aviso-legal/"]["boost"] < 0.01
        gathering = [doc for doc in index["docs"] if doc["location"].startswith(
            ("mi-progreso/", "plan-de-sesion/", "autoevaluacion/", "notas-formacion/"))]
        assert len(gathering) > 4 and all(doc["boost"] < 0.01 for doc in gathering)
        terms = [loc for loc in by_location if loc.startswith("glosario/#")]
        assert len(terms) > 10
        assert "RGPD" not in by_location["glosario/"]["text"] and "GDPR" not in by_location["glosario/"]["text"]


# ── Editors' mistakes in keywords and search settings ───────────────────────


HOW = "Cómo arreglarlo / How to fix it:"
E = "docs/modulos/email.es.md"
SEARCH_MISTAKES = {
    "not-a-list": (
        [(E, "last_reviewed:", "keywords: newsletter\nlast_reviewed:")],
        [f"{E}:10: 'keywords' debe ser una lista. {HOW} escribe cada palabra en su línea, empezando por '- ', "
         "por ejemplo  - boletín"]),
    "twice-on-a-page": (
        [(E, "last_reviewed:", "keywords:\n  - Boletín\n  - boletin\nlast_reviewed:")],
        [f"{E}:12: la palabra clave «boletin» ya está en la línea 11. {HOW} bórrala: el buscador no distingue "
         "mayúsculas ni tildes"]),
    "on-two-modules": (
        [(E, "last_reviewed:", "keywords:\n  - newsletter\nlast_reviewed:"),
         ("docs/modulos/sms.es.md", "last_reviewed:", "keywords:\n  - Newsletter\nlast_reviewed:")],
        [f"docs/modulos/sms.es.md:11: la palabra clave «Newsletter» también está en {E}:11. {HOW} déjala solo en "
         "la página que debe salir primero al buscarla"]),
    "empty-and-too-long": (
        [(E, "last_reviewed:", "keywords:\n  - \n  - " + "boletín de noticias de la tienda del barrio" +
          "\nlast_reviewed:")],
        [f"{E}:11: la palabra clave 1 está vacía o no es un texto. {HOW} escribe una palabra o dos, o borra la línea",
         f"{E}:12: la palabra clave «boletín de noticias de la tienda del barrio» tiene 43 caracteres y el máximo "
         f"es 40. {HOW} pon solo la palabra o las dos palabras que alguien escribiría en el buscador"]),
    "search-settings": (
        [("docs/acerca.es.md", "description:", "search:\n  boost: mucho\n  hide: true\ndescription:")],
        [f"docs/acerca.es.md:4: 'boost' debe ser un número mayor que 0, no 'mucho'. {HOW} pon 0.1 para que la "
         "página salga después de los módulos, o 2 para que salga antes",
         f"docs/acerca.es.md:5: 'search' no tiene el ajuste 'hide'. {HOW} usa  boost: 0.1  (para que salga "
         "después) o  exclude: true  (para que no salga)"]),
}


@pytest.mark.parametrize("name", SEARCH_MISTAKES)
def test_keyword_and_search_mistakes_stop_make_check_and_the_build(name, tmp_path):
    replace, expected = SEARCH_MISTAKES[name]
    assert_refused(make_site(tmp_path / "site", replace=replace), expected)


def test_correct_keywords_build(tmp_path):
    site = make_site(tmp_path / "site", replace=[
        (E, "last_reviewed:", "keywords:\n  - newsletter\n  - lista de correo\nlast_reviewed:"),
        ("docs/modulos/email.en.md", "last_reviewed:", "keywords:\n  - newsletter\nlast_reviewed:")])
    assert build_site(site).ok
