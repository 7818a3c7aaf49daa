"""One course model per build: each file read once, nothing kept from one build to the next, the order of the
hooks in mkdocs.yml irrelevant, and `mkdocs serve` showing every kind of edit on the next reload."""

from __future__ import annotations

import builtins
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, SITE_PATH, build_site, make_site


def test_two_builds_in_one_process_each_see_their_own_strings(tmp_path):
    site = make_site(tmp_path / "site")
    first = build_site(site, tmp_path / "first")
    assert first.ok, first.log
    assert "Borrar marcas" in (first.site / "modulos/sms/index.html").read_text(encoding="utf-8")
    strings = site / "data/strings.yml"
    strings.write_text(strings.read_text(encoding="utf-8").replace('"Borrar marcas"', '"Quitar las marcas"'),
                       encoding="utf-8")
    second = build_site(site, tmp_path / "second")
    assert second.ok, second.log
    html = (second.site / "modulos/sms/index.html").read_text(encoding="utf-8")
    assert "Quitar las marcas" in html and "Borrar marcas" not in html


def test_each_page_and_data_file_is_read_once_for_both_languages(tmp_path, monkeypatch):
    site = make_site(tmp_path / "site")
    reads: dict[str, int] = {}
    real_open, real_read_bytes = builtins.open, Path.read_bytes

    def note(path: object) -> None:
        text = os.fspath(path) if isinstance(path, (str, os.PathLike)) else ""
        if text.startswith(str(site / "docs")) and text.endswith(".md") or text.startswith(str(site / "data")):
            reads[text] = reads.get(text, 0) + 1

    def counting_open(file, *args, **kwargs):
        note(file)
        return real_open(file, *args, **kwargs)

    def counting_read_bytes(self):
        note(self)
        return real_read_bytes(self)

    monkeypatch.setattr(builtins, "open", counting_open)
    monkeypatch.setattr(Path, "read_bytes", counting_read_bytes)
    built = build_site(site, tmp_path / "out")
    monkeypatch.undo()
    assert built.ok, built.log
    pages = sorted(str(path) for path in (site / "docs").rglob("*.md"))
    assert sorted(path for path in reads if path.endswith(".md")) == pages
    read_twice = {path: count for path, count in reads.items() if count > 1 and not path.endswith(".po")}
    assert not read_twice, read_twice


def test_the_order_of_the_hooks_in_mkdocs_yml_does_not_change_the_site(tmp_path):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = re.findall(r"^  - (hooks/\S+\.py)$", config, flags=re.MULTILINE)
    assert len(hooks) > 5
    site = make_site(tmp_path / "site")
    text = (site / "mkdocs.yml").read_text(encoding="utf-8")
    (site / "mkdocs.yml").write_text(text + "hooks:\n" + "".join(f"  - {hook}\n" for hook in reversed(hooks)),
                                     encoding="utf-8")
    reversed_build = build_site(site, tmp_path / "reversed")
    plain = build_site(make_site(tmp_path / "plain"), tmp_path / "plain-out")
    assert reversed_build.ok and plain.ok, reversed_build.log + plain.log
    for page in ("modulos/sms/index.html", "en/modulos/email/index.html", "mi-progreso/index.html",
                 "autoevaluacion/index.html", "notas-formacion/index.html", "herramientas/index.html"):
        assert (reversed_build.site / page).read_text(encoding="utf-8") == \
            (plain.site / page).read_text(encoding="utf-8"), page


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, wanted: str, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    text = ""
    while time.monotonic() < deadline:
        try:
            text = _get(url)
            if wanted in text:
                return text
        except OSError as error:
            text = repr(error)
        time.sleep(0.3)
    raise AssertionError(f"{url} never showed {wanted!r}: {text[:300]}")


@pytest.mark.timeout(180)
def test_mkdocs_serve_shows_edits_to_data_templates_and_pages_on_the_next_reload(tmp_path):
    site = make_site(tmp_path / "site")
    (site / "overrides").unlink()  # a copy of its own, to edit a template without touching the project
    shutil.copytree(ROOT / "overrides", site / "overrides")
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
                               "--livereload"], cwd=site, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                              stdout=subprocess.DEVNULL, stderr=(tmp_path / "serve.log").open("w"), start_new_session=True)
    try:
        page = f"http://127.0.0.1:{port}{SITE_PATH}modulos/sms/"
        _wait_for(page, "Borrar marcas", 60)
        strings = site / "data/strings.yml"
        strings.write_text(strings.read_text(encoding="utf-8").replace('"Borrar marcas"', '"Quitar marcas"'),
                           encoding="utf-8")
        _wait_for(page, "Quitar marcas")
        intro = site / "overrides/partials/digicom/module-intro.html"
        intro.write_text(intro.read_text(encoding="utf-8").replace('<div class="digicom-module-intro">',
                                                                   '<div class="digicom-module-intro" data-edited>'),
                         encoding="utf-8")
        _wait_for(page, "data-edited")
        module = site / "docs/modulos/sms.es.md"
        module.write_text(module.read_text(encoding="utf-8").replace("Casi todo el mundo lleva un móvil encima.",
                                                                     "Casi todo el mundo lleva un móvil nuevo."),
                          encoding="utf-8")
        _wait_for(page, "un móvil nuevo")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
