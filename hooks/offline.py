"""The offline copy: the site opened from ``file://`` on a laptop with no network.

Material's ``offline`` plugin (enabled only by ``make offline``, through the
``DIGICOM_OFFLINE`` variable) makes pages work from the file system, but it
points at the ``iframe-worker`` shim on a CDN. This hook points it at a local
copy instead, taken from the npm package that ``make offline`` installs, so the
offline copy makes no request at all. ``hooks/search_i18n.py`` writes each
language's ``search_index.js``.

Events: ``on_config`` (before the offline plugin's), ``on_post_build`` (copy the shim).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from course.build import offline_copy
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

SHIM_IN_SITE = "assets/javascripts/iframe-worker-shim.js"
SHIM_VARIABLE = "DIGICOM_IFRAME_WORKER_SHIM"


@event_priority(100)  # before the offline plugin adds its CDN address
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if offline_copy(config):
        config.extra["polyfills"] = [SHIM_IN_SITE]
    return config


def on_post_build(*, config: MkDocsConfig) -> None:
    if not offline_copy(config):
        return
    shim = os.environ.get(SHIM_VARIABLE, "")
    if not shim or not Path(shim).is_file():
        raise PluginError(
            f"The offline copy needs the iframe-worker shim from npm, but {SHIM_VARIABLE} "
            f"is '{shim}'. Build the offline copy with `make offline`, which installs it."
        )
    target = Path(config.site_dir) / SHIM_IN_SITE
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shim, target)
