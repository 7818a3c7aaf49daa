"""Render the project's Jinja partials (overrides/partials/digicom/) with the theme's environment."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache

# MkDocs builds a new Jinja environment on every get_env() call, and each one compiles every
# template again, which costs more than rendering it. Our partials take all their text from
# their context (never the theme's language), so one environment serves every language.
_cache: dict[str, Any] = {"key": None, "env": None}


def render_partial(config: Any, template: str, **context: Any) -> str:
    """``partials/digicom/<template>`` rendered with ``context``, without surrounding blank space."""
    theme = config.theme
    key = tuple(theme.dirs)
    if _cache["key"] != key:
        environment = theme.get_env()
        # Compiled partials are kept on disk for the next build process (keyed by each template's
        # source, so an edited template is compiled again): tests and fresh builds start faster.
        folder = Path(config.config_file_path).parent / ".cache" / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
        environment.bytecode_cache = FileSystemBytecodeCache(str(folder))
        _cache.update(key=key, env=environment)
    return _cache["env"].get_template(f"partials/digicom/{template}").render(**context).strip()
