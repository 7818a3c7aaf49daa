"""The real site builds strictly, in both languages, without third-party assets."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import ROOT, built_pages, load_mkdocs_yml

DOCS = ROOT / "docs"


def test_every_page_is_built_in_both_languages(site_dir: Path):
    pages = built_pages(site_dir)
    spanish = {p for p in pages if not p.startswith("en/")}
    english = {p.removeprefix("en/") for p in pages if p.startswith("en/")}
    assert spanish == english, f"only in one language: {spanish ^ english}"
    sources = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.es.md")}
    assert len(spanish - {"404.html"}) >= len(sources)


def test_each_language_has_its_own_search_index(site_dir: Path):
    spanish = json.loads((site_dir / "search/search_index.json").read_text())
    english = json.loads((site_dir / "en/search/search_index.json").read_text())
    assert spanish["config"]["lang"] == ["es"] and english["config"]["lang"] == ["en"]
    spanish_home = next(d for d in spanish["docs"] if d["location"] == "")
    english_home = next(d for d in english["docs"] if d["location"] == "")
    assert spanish_home["title"].startswith("Curso DIGICOM")
    assert english_home["title"].startswith("DIGICOM Course")
    assert not [d for d in spanish["docs"] if d["location"].startswith("en/")]
    assert len(spanish["docs"]) > 10 and len(english["docs"]) > 10


def test_pages_name_no_other_host_for_assets(site_dir: Path):
    asset = re.compile(r'<(?:script|link|img|iframe)\b[^>]*(?:src|href)="(https?:)?//', re.IGNORECASE)
    for html in site_dir.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for match in asset.finditer(text):
            tag = text[match.start(): text.index(">", match.start()) + 1]
            # <link rel=canonical> is an address, not something the browser loads.
            assert 'rel="canonical"' in tag, f"{html.relative_to(site_dir)} loads from another host: {tag}"
    assert "fonts.googleapis" not in (site_dir / "index.html").read_text()


def test_each_page_has_an_edit_link_to_its_own_source_file(site_dir: Path):
    config = load_mkdocs_yml()
    edit_base = config["repo_url"].rstrip("/") + "/" + config["edit_uri"]
    spanish = (site_dir / "modulos/sms/index.html").read_text()
    english = (site_dir / "en/modulos/sms/index.html").read_text()
    assert f'href="{edit_base}modulos/sms.es.md"' in spanish
    assert f'href="{edit_base}modulos/sms.en.md"' in english
    assert 'title="Editar esta página"' in spanish
    assert 'title="Edit this page"' in english


def test_site_names_and_descriptions_are_translated(site_dir: Path):
    spanish = (site_dir / "index.html").read_text()
    english = (site_dir / "en/index.html").read_text()
    assert "<title>Curso DIGICOM" in spanish or "Curso DIGICOM</title>" in spanish
    assert "DIGICOM Course" in english
    assert re.search(r'<meta name="description" content="[^"]*comercio', spanish)
    assert re.search(r'<meta name="description" content="[^"]*shops', english)


def test_our_scripts_and_styles_are_minified_and_every_script_still_parses(site_dir: Path):
    import shutil
    import subprocess

    ours = sorted((ROOT / "overrides/assets").rglob("*.js")) + sorted((ROOT / "overrides/assets").rglob("*.css"))
    assert len(ours) >= 8
    for source in ours:
        built = site_dir / source.relative_to(ROOT / "overrides")
        assert built.stat().st_size < source.stat().st_size, f"{built.name} is not minified"
    node = shutil.which("node")
    assert node, "node (Debian's nodejs) checks that minified scripts still parse"
    for script in sorted(site_dir.joinpath("assets").rglob("*.js")):
        result = subprocess.run([node, "--check", str(script)], capture_output=True, text=True)
        assert result.returncode == 0, f"{script.relative_to(site_dir)}: {result.stderr}"
