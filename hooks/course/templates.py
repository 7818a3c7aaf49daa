"""Render the project's Jinja partials (overrides/partials/digicom/) with the theme's environment."""

from __future__ import annotations

from typing import Any

# MkDocs builds a new Jinja environment on every get_env() call, and each one compiles every
# template again, which costs more than rendering it. Our partials take all their text from
# their context (never the theme's language), so one environment serves every language.
_cache: dict[str, Any] = {"key": None, "env": None}


def render_partial(config: Any, template: str, **context: Any) -> str:
    """``partials/digicom/<template>`` rendered with ``context``, without surrounding blank space."""
    theme = config.theme
    key = tuple(theme.dirs)
    if _cache["key"] != key:
        _cache.update(key=key, env=theme.get_env())
    return _cache["env"].get_template(f"partials/digicom/{template}").render(**context).strip()
