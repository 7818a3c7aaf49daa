"""Where the project keeps things: the folder conventions every hook and script shares."""

from __future__ import annotations

from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
MODULES_FOLDER = "modulos/"  # every page in docs/modulos/ is a course module
STRINGS = PROJECT / "data" / "strings.yml"  # interface text in both languages
