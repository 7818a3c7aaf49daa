"""Compacted scripts and stylesheets still work (hooks/compact_assets.py, course/compact.py)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


from course.compact import compact_css, compact_js


def test_js_loses_comments_and_indentation_but_keeps_every_statement_on_its_own_line():
    source = '/*\n * Header.\n */\n"use strict";\n// a comment\nfunction f(a) {\n    return a // kept: not a whole line\n}\n\n  var url = "http://x";\n'
    assert compact_js(source) == '"use strict";\nfunction f(a) {\nreturn a // kept: not a whole line\n}\nvar url = "http://x";\n'


def test_css_loses_comments_and_spaces_around_punctuation_only():
    source = "/* why */\n.a > .b,\n.c {\n  color: red;\n  margin: 0 auto;\n}\n.d::after { content: \" (\" attr(href) \")\"; }\n"
    assert compact_css(source) == '.a>.b,.c{color: red;margin: 0 auto;}.d::after{content: " (" attr(href) ")";}\n'


def test_every_compacted_script_of_the_site_still_parses(site_dir: Path, tmp_path: Path):
    node = shutil.which("node")
    assert node, "node (Debian's nodejs) checks that compacted scripts still parse"
    scripts = [p for p in (site_dir / "assets").rglob("*.js") if ".min." not in p.name]
    assert len(scripts) >= 5
    for script in scripts:
        result = subprocess.run([node, "--check", str(script)], capture_output=True, text=True)
        assert result.returncode == 0, f"{script.relative_to(site_dir)}: {result.stderr}"


def test_the_built_site_serves_compacted_assets_and_leaves_minified_ones(site_dir: Path):
    ours = (site_dir / "assets/javascripts/checklists.js").read_text(encoding="utf-8")
    assert not any(line.startswith((" ", "//")) for line in ours.splitlines())
    bundle = next((site_dir / "assets/javascripts").glob("bundle.*.min.js"))
    assert bundle.stat().st_size > 50_000
