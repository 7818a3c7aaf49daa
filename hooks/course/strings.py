"""Interface text in both languages, kept in ``data/strings.yml``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml


@lru_cache(maxsize=None)
def load_strings(path: str) -> dict[str, dict[str, str]]:
    """All strings as ``{key: {locale: text}}``."""
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def strings_for(path: str, locale: str) -> dict[str, str]:
    """The strings of one language as ``{key: text}``; a missing one is a build error."""
    strings = {}
    for key, texts in load_strings(path).items():
        if locale not in texts:
            raise KeyError(f"{path}: the text '{key}' has no '{locale}' version; add it")
        strings[key] = texts[locale]
    return strings
