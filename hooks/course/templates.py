"""Our Jinja partials (``overrides/partials/digicom/``): rendered strictly, escaped, once compiled per build.

:class:`Partials` renders with the theme's loader (so ``custom_dir`` overrides work)
but its own settings: ``StrictUndefined`` (a missing string or variable stops the
build instead of printing nothing) and autoescaping (data from YAML is always
escaped; trusted Markdown or SVG is marked ``| safe`` in the template, and the
safety rules have checked it first).

:func:`used_string_keys` lists every ``t.key`` the partials and hooks use, so a rule
can check that ``data/strings.yml`` has each of them in every language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, StrictUndefined

PROJECT = Path(__file__).resolve().parents[2]
PARTIALS = PROJECT / "overrides" / "partials" / "digicom"
HOOKS = PROJECT / "hooks"
_STATIC_KEY = re.compile(r"\bt(?:\.(?P<attr>[a-z][a-z0-9_]*)\b|\[\s*[\"'](?P<item>[a-z][a-z0-9_-]*)[\"']\s*\])")
_DYNAMIC_KEY = re.compile(r"\bt\[\s*[\"'](?P<prefix>[a-z][a-z0-9_-]*)[\"']\s*~")
_JINJA_METHODS = {"items", "keys", "values", "get"}


class Partials:
    """Renders ``partials/digicom/<name>`` for one build."""

    def __init__(self, theme_environment: Environment, cache_folder: Path | None = None) -> None:
        self.environment = theme_environment.overlay(undefined=StrictUndefined, autoescape=True)
        if cache_folder is not None:
            cache_folder.mkdir(parents=True, exist_ok=True)
            # Keyed by each template's source: an edited template is compiled again.
            self.environment.bytecode_cache = FileSystemBytecodeCache(str(cache_folder))

    def render(self, name: str, **context: Any) -> str:
        return self.environment.get_template(f"partials/digicom/{name}").render(**context).strip()


def used_string_keys(folders: Iterable[Path] = (PARTIALS, HOOKS)) -> tuple[dict[str, str], set[str]]:
    """``({key: where it is used}, {prefixes of keys built at render time})`` in our partials and hooks.

    The strings reach templates as ``t`` and hooks call them ``t`` too, so ``t.key`` and ``t["key"]`` are
    how a use is recognised.
    """
    keys: dict[str, str] = {}
    prefixes: set[str] = set()
    for folder in folders:
        # Partials in any sub-folder; of the hooks, only the MkDocs layer (course/ never sees `t`).
        for path in sorted(folder.rglob("*.html") if folder.name != "hooks" else folder.glob("*.py")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if "t." not in line and "t[" not in line:  # every use has one: most lines are skipped at once
                    continue
                for match in _STATIC_KEY.finditer(line):
                    key = match.group("attr") or match.group("item")
                    if key not in _JINJA_METHODS:
                        keys.setdefault(key, path.relative_to(PROJECT).as_posix())
                prefixes.update(match.group("prefix") for match in _DYNAMIC_KEY.finditer(line))
    return keys, prefixes
