"""Render the project's Jinja partials (overrides/partials/digicom/) with the theme's environment."""

from __future__ import annotations

from typing import Any

# Material builds a new Jinja environment on every get_env() call, which costs more than
# rendering a partial; one environment per theme configuration is reused.
_cache: dict[str, Any] = {"key": None, "env": None}


def render_partial(config: Any, template: str, **context: Any) -> str:
    """``partials/digicom/<template>`` rendered with ``context``, without surrounding blank space."""
    theme = config.theme
    key = (id(theme), tuple(theme.dirs), theme.get("language"))
    if _cache["key"] != key:
        _cache.update(key=key, env=theme.get_env())
    return _cache["env"].get_template(f"partials/digicom/{template}").render(**context).strip()
