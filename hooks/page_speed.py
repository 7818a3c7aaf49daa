"""First paint on a phone: fewer files before the page shows.

Our site-wide stylesheets (mkdocs.yml ``extra_css``: digicom.css, checklists.css,
teaching.css) are served as one file, ``assets/stylesheets/digicom-site.css`` (each
minified with rcssmin, in the same order): one request that blocks the first paint
instead of three. Stylesheets of one kind of page (quizzes, practice tools, the tool
directory) are linked by those pages only (``overrides/main.html``). The files stay in
the site as they are; no page asks for them.
Our deferred scripts stay one file each: tried as one file (0.4 KB gzip less), a module page
measured about 2 Lighthouse points lower (more blocking time, a later largest paint).

Our three tiny scripts that must run before Material's are written into the page:
``overrides/main.html`` loads ``assets/javascripts/upstream/storage-guard.js`` (in the head,
right after Material's storage helpers), ``alternates.js`` and ``lazy-search.js`` (just before
Material's bundle): each must run at that point, so none can be ``defer``. Fetched as files,
the first blocks the page's first paint and all three cost a request on a slow line. This hook
writes each one, minified (rjsmin), in place of its ``<script src>``: same order, same moment,
no request. The files stay in the site for the offline copy and for reading.

Each page is also published without the indentation of the theme's markup (its header, menus
and footer; the article and any ``pre``/``textarea``/``script``/``style`` as written): about
0.6 KB gzip of every page. And Material's palette stylesheet keeps only the rules that
can apply to the colours this site's palettes name (about 1 KB gzip of every page).

Events: ``on_config`` (the stylesheet list), ``on_files`` (the bundle), ``on_post_page``,
``on_post_template`` (the "page not found" pages), ``on_post_build`` (the palette).
"""

from __future__ import annotations

import re
from pathlib import Path

import rcssmin
import rjsmin
from course.build import in_nested_language_build, state_for
from course.upstream import css_without
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

INLINED = ("storage-guard.js", "alternates.js", "lazy-search.js")
_TAG = re.compile(r'<script src="[^"<>]*?\bassets/javascripts/upstream/(?P<name>[\w-]+\.js)"></script>')


def inline_scripts(html: str, sources: dict[str, str]) -> str:
    """The page with each listed upstream script's ``<script src>`` replaced by its (minified) code."""
    def inline(match: re.Match) -> str:
        code = sources.get(match.group("name"))
        return match.group(0) if code is None else f"<script>{code}</script>"

    return _TAG.sub(inline, html)


_INDENT = re.compile(r"\n[ \t\r\n]+")  # the indent after a line break, and blank lines (not a no-break space)
_KEPT_AS_WRITTEN = re.compile(r"<(article|pre|textarea|script|style)\b")


def _end_of(html: str, tag: str, start: int) -> int:
    """Where the element whose opening tag ends at ``start`` ends, -1 if it never does. An article may
    hold articles (a tool card is one); the others hold text only (a script's may read "<script")."""
    if tag != "article":
        close = html.find(f"</{tag}>", start)
        return close + len(tag) + 3 if close >= 0 else -1
    depth, at = 1, start
    while depth:
        close = html.find(f"</{tag}>", at)
        if close < 0:
            return -1
        depth += len(re.findall(rf"<{tag}\b", html[at:close])) - 1
        at = close + len(tag) + 3
    return at


def without_template_indentation(html: str) -> str:
    """The page without the spaces that indent the theme's markup at the start of its lines, nor its blank lines.

    Material's templates are indented for reading; the page looks the same without it (a line
    break and its indent, or several line breaks, show as one space, as a line break alone
    does). The article, and any
    ``pre``, ``textarea``, ``script`` or ``style`` element, are left exactly as they are: their
    spaces can show (``white-space: pre-wrap``) or mean something.
    """
    parts, at = [], 0
    while (opening := _KEPT_AS_WRITTEN.search(html, at)) is not None:
        end = _end_of(html, opening[1], opening.end())
        if end < 0:
            break
        parts += [_INDENT.sub("\n", html[at:opening.start()]), html[opening.start():end]]
        at = end
    parts.append(_INDENT.sub("\n", html[at:]))
    return "".join(parts)


_COLOUR_NAMED = re.compile(r"\[data-md-color-(?:primary|accent)=(?P<name>[a-z-]+)\]")


def palette_for(css: str, colours: set[str]) -> str:
    """Material's palette stylesheet with only the rules that can apply to this site's colours.

    The file has the rules of all twenty primary and accent colours (12 KB, 2 KB gzip); a page
    only ever wears the ones its palette names (``mkdocs.yml``, each language's). A rule whose
    selectors name colours and none of ours can never match, so it goes; every other rule (the
    light and dark schemes, anything that names one of ours) stays exactly as written.
    """
    def never_matches(selector: str) -> bool:
        named = set(_COLOUR_NAMED.findall(selector))
        return bool(named) and not named & colours

    return css_without(css, never_matches)


def palette_colours(config: MkDocsConfig) -> set[str]:
    """The primary and accent colours of every language's palette, as Material writes them (``deep-orange``)."""
    palettes = [config.theme["palette"]]
    if "i18n" in config.plugins:
        palettes += [(language.theme or {}).get("palette") for language in config.plugins["i18n"].config.languages]
    colours = set()
    for palette in palettes:
        for entry in palette if isinstance(palette, list) else [palette] if isinstance(palette, dict) else []:
            colours.update(str(entry[key]).replace(" ", "-").lower() for key in ("primary", "accent") if entry.get(key))
    return colours


@event_priority(-300)  # after mkdocs-static-i18n has built every language, before the offline list (-400)
def on_post_build(*, config: MkDocsConfig) -> None:
    if in_nested_language_build(config):
        return
    for stylesheet in (Path(config.site_dir) / "assets/stylesheets").glob("palette.*.min.css"):
        stylesheet.write_text(palette_for(stylesheet.read_text(encoding="utf-8"), palette_colours(config)),
                              encoding="utf-8")


def _sources(config: MkDocsConfig) -> dict[str, str]:
    memo = state_for(config).extra
    if "inline_scripts" not in memo:
        folder = Path(config.theme.custom_dir) / "assets/javascripts/upstream"
        # "</script" can never appear inside: it would end the element (no such text in these files).
        memo["inline_scripts"] = {name: rjsmin.jsmin((folder / name).read_text(encoding="utf-8")).replace(
            "</script", "<\\/script") for name in INLINED}
    return memo["inline_scripts"]


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return without_template_indentation(inline_scripts(output, _sources(config)))


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return inline_scripts(output_content, _sources(config)) if template_name.endswith(".html") else output_content


# ── Our site-wide stylesheets, one file ────────────────────────────────────

BUNDLE = "assets/stylesheets/digicom-site.css"


def _ours(config: MkDocsConfig) -> list[str]:
    """The site-wide stylesheets of ours (mkdocs.yml ``extra_css`` found in overrides/), in their order."""
    folder = Path(config.theme.custom_dir)
    return [path for path in config.extra_css if isinstance(path, str) and (folder / path).is_file()]


def in_one(entries: list[str], ours: list[str], bundle: str) -> list[str]:
    """``entries`` with ``ours`` replaced by ``bundle``, where the first of them stood."""
    at = entries.index(ours[0])
    kept = [entry for entry in entries if entry not in ours]
    return kept[:at] + [bundle] + kept[at:]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state = state_for(config)
    # Files in the site that no page asks for: the service worker does not keep them (hooks/offline_app.py).
    state.extra.setdefault("not_requested", set()).update(f"assets/javascripts/upstream/{name}" for name in INLINED)
    ours = _ours(config)
    if len(ours) > 1:
        state.extra["bundled_css"] = ours
        state.extra["not_requested"].update(ours)
        config.extra_css = in_one(config.extra_css, ours, BUNDLE)
    return config


@event_priority(-150)  # after mkdocs-static-i18n has sorted the files (it reads each file's source path)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    folder = Path(config.theme.custom_dir)
    bundled = state_for(config).extra.get("bundled_css")
    if bundled and files.get_file_from_path(BUNDLE) is None:
        css = "\n".join(rcssmin.cssmin((folder / path).read_text(encoding="utf-8")) for path in bundled)
        files.append(File.generated(config, BUNDLE, content=css))
    return files

