"""The course as an app on the merchant's phone: installable, and working offline after one visit.

At the end of the bilingual build it writes (``course.offline_app``):

- ``sw.js`` at the site's root: our service worker with the list of every file to keep
  (each with a hash of its content) and a version made from that list, so each deploy
  that changes anything is a new worker, and a new cache;
- ``manifest.webmanifest`` in each language's folder (its name, description and start
  page) and the PNG icons, drawn from ``overrides/assets/images/app-icon.svg``, which is
  also the site's favicon.

Every page gets (``overrides/main.html``, through ``digicom_app`` in its context) the
manifest of its language, the theme colour, and ``assets/javascripts/offline-app.js``,
which registers the worker and offers a new version in one line (strings ``app_update``
and ``app_reload`` of ``data/strings.yml``).

Not in the offline copy (``make offline``: ``file://`` has no service workers) nor under
``mkdocs serve`` (a worker would keep serving an editor the old pages).

Events: ``on_config`` (the favicon), ``on_page_context``, ``on_post_build`` (after every
language is built and our assets are minified).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urlsplit

from course.build import cache_folder, in_nested_language_build, offline_copy, page_locale, state_for, strings
from course.offline_app import (ICON_SOURCE, ICONS, MANIFEST, THEME_COLOR, WORKER, WORKER_SOURCE, icons, manifest,
                                precache_list, worker_source)
from course.search import language_prefixes
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url


def _serving(config: MkDocsConfig) -> bool:
    """True under ``mkdocs serve``, which points ``site_url`` at its own address."""
    host, port = config.dev_addr
    return urlsplit(config.site_url or "").netloc == f"{host}:{port}"


def app_enabled(config: MkDocsConfig) -> bool:
    return not offline_copy(config) and not _serving(config)


def _languages(config: MkDocsConfig) -> list[dict]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [{"locale": config.theme["language"], "link": "/", "build": True}]
    return [dict(language) for language in i18n.config.languages]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.theme["favicon"] = ICON_SOURCE
    return config


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: object) -> dict:
    if not app_enabled(config):
        return context
    locale = page_locale(page, config)
    prefix = language_prefixes(_languages(config)).get(locale, "")
    state = state_for(config)
    t = strings(state, locale)
    # This language's names, as mkdocs-static-i18n set them for its build: the manifest's.
    state.extra.setdefault("app_names", {})[locale] = (config.site_name, config.site_description or "")
    apple = next(file for file, _, purpose in ICONS if purpose == "apple")
    context["digicom_app"] = {
        "manifest": get_relative_url(prefix + MANIFEST, page.url),
        "worker": get_relative_url(WORKER, page.url),
        "apple_icon": get_relative_url(apple, page.url),
        "theme_color": THEME_COLOR,
        "update_line": t["app_update"],
        "update_button": t["app_reload"],
    }
    return context


def _icons(config: MkDocsConfig) -> dict[str, bytes]:
    """The PNG icons, drawn again only when the SVG changes."""
    svg = (Path(config.theme.custom_dir) / ICON_SOURCE).read_text(encoding="utf-8")
    folder = cache_folder(config, "icons") / hashlib.sha256(svg.encode("utf-8")).hexdigest()[:16]
    if all((folder / Path(file).name).is_file() for file, _, _ in ICONS):
        return {file: (folder / Path(file).name).read_bytes() for file, _, _ in ICONS}
    drawn = icons(svg)
    folder.mkdir(parents=True, exist_ok=True)
    for file, data in drawn.items():
        (folder / Path(file).name).write_bytes(data)
    return drawn


@event_priority(-400)  # after the search index split (-200) and the minified assets (-300): hashes of final files
def on_post_build(*, config: MkDocsConfig) -> None:
    if in_nested_language_build(config):
        return
    site = Path(config.site_dir)
    worker = site / WORKER_SOURCE
    if not app_enabled(config):
        return
    import json

    for file, data in _icons(config).items():
        (site / file).write_bytes(data)
    prefixes = language_prefixes(_languages(config))
    names = state_for(config).extra.get("app_names", {})
    for language in _languages(config):
        if language["locale"] not in prefixes:
            continue
        name, described = names.get(language["locale"], (config.site_name, config.site_description or ""))
        data = manifest(name=name, short_name=name, description=" ".join(described.split()),
                        locale=language["locale"], prefix=prefixes[language["locale"]])
        target = site / prefixes[language["locale"]] / MANIFEST
        target.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    # The source stays in the site, minified like our other assets; the worker is sw.js.
    source = worker.read_text(encoding="utf-8")
    left_out = state_for(config).extra.get("not_requested", set())  # bundled or inlined (hooks/page_speed.py)
    (site / WORKER).write_text(worker_source(source, precache_list(site, left_out)), encoding="utf-8")
