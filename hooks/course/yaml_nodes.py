"""YAML read once, fast (libyaml when present), keeping the nodes for line numbers."""

from __future__ import annotations

from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_with_nodes(text: str) -> tuple[Any, yaml.Node | None]:
    """The document's data and its node tree (whose marks give each key's line)."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()
