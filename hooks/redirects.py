"""Old addresses keep working: a small page at each old address sends the reader to the new one.

For every line of ``data/redirects.yml`` (checked by ``course.rules.data.redirects``) and
every language, writes ``<old page>/index.html`` (``partials/digicom/redirect.html``): it
moves the browser to the new page at once, keeping the ``#section`` of the link, and says
so in one line with a link for browsers that do not move. See ``course.redirects``.

Events: ``on_post_build`` (once, after every language is built).
"""

from __future__ import annotations

from pathlib import Path

from course.build import in_nested_language_build, state_for, strings
from course.search import language_prefixes
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url


def _url(key: str) -> str:
    """The address of a page, from the site's root (use_directory_urls): "modulos/sms/", "" for the home."""
    if key == "index":
        return ""
    return key.removesuffix("/index") + "/"


@event_priority(-300)  # after mkdocs-static-i18n has built every language
def on_post_build(*, config: MkDocsConfig) -> None:
    state = state_for(config)
    if in_nested_language_build(config) or not state.course or not state.course.redirects.moves:
        return
    i18n = config.plugins.get("i18n")
    prefixes = language_prefixes([dict(lang) for lang in i18n.config.languages]) if i18n else {
        state.course.default: ""}
    for locale, prefix in prefixes.items():
        for old, new in state.course.redirects.moves.items():
            while new in state.course.redirects.moves:
                new = state.course.redirects.moves[new]
            old_url, new_url = prefix + _url(old), prefix + _url(new)
            target = Path(config.site_dir) / old_url / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            html = state.partials.render("redirect.html", url=get_relative_url(new_url, old_url), locale=locale,
                                         t=strings(state, locale))
            target.write_text(html + "\n", encoding="utf-8")
