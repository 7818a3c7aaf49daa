"""The installable course: what the service worker keeps, its source, the web app manifests and icons.

Pure functions over a built site folder (``hooks/offline_app.py`` calls them at the end
of the bilingual build):

- :func:`precache_list`: every file a reader may need offline, each with a hash of its
  content, as the worker names it (``"modulos/sms/"`` for ``modulos/sms/index.html``).
  Left out: source maps, the sitemap, lunr's files for languages the site does not
  search in, the worker itself and the offline copy's shim.
- :func:`worker_source`: ``sw.js``, our worker (``assets/javascripts/service-worker.js``)
  with the list and its version in front.
- :func:`manifest`: one web app manifest per language (name, start page, icons).
- :func:`icons`: the PNG icons, drawn from ``assets/images/app-icon.svg`` with resvg.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path, PurePosixPath

WORKER = "sw.js"  # at the site's root: a worker controls only the folder it is served from
WORKER_SOURCE = "assets/javascripts/service-worker.js"
MANIFEST = "manifest.webmanifest"  # one in each language's folder
ICON_SOURCE = "assets/images/app-icon.svg"
THEME_COLOR = "#4051b5"  # Material's indigo, the site's primary colour
BACKGROUND_COLOR = "#ffffff"
# (file, pixels, purpose): "maskable" icons are cut to the phone's shape, so they have no transparent corner.
ICONS = (
    ("assets/images/app-icon-192.png", 192, "any"),
    ("assets/images/app-icon-512.png", 512, "any"),
    ("assets/images/app-icon-maskable-512.png", 512, "maskable"),
    ("assets/images/apple-touch-icon.png", 180, "apple"),  # iOS's home screen: square, no transparency
)
_LUNR = "assets/javascripts/lunr/"
_LEFT_OUT_NAMES = {"sitemap.xml", "sitemap.xml.gz", WORKER}
# Material's favicon (ours is the SVG icon) and the offline copy's shim are never asked for.
_LEFT_OUT_FILES = {WORKER_SOURCE, "assets/images/favicon.png", "assets/javascripts/iframe-worker-shim.js"}


def revision(data: bytes) -> str:
    """The hash the worker checks a download against (the first 16 hex digits of its SHA-256)."""
    return hashlib.sha256(data).hexdigest()[:16]


def lunr_files(search_languages: set[str]) -> set[str]:
    """lunr's files Material's search worker loads for these languages (English needs none)."""
    others = sorted(language for language in search_languages if language != "en")
    needed = {f"{_LUNR}min/lunr.{language}.min.js" for language in others}
    if others:
        needed.add(f"{_LUNR}min/lunr.stemmer.support.min.js")
    if len(search_languages) > 1:
        needed.add(f"{_LUNR}min/lunr.multi.min.js")
    return needed


def search_languages(site: Path) -> list[set[str]]:
    """The languages of each search index in the site (one set per index)."""
    found = []
    for index in sorted(site.rglob("search/search_index.json")):
        config = json.loads(index.read_text(encoding="utf-8")).get("config", {})
        found.append(set(config.get("lang") or []))
    return found


def cache_key(relative: str) -> str:
    """The address the worker keeps a file under, from the site's root: pages by their folder."""
    if relative == "index.html":
        return ""
    if relative.endswith("/index.html"):
        return relative[: -len("index.html")]
    return relative


def precache_list(site: Path, left_out: set[str] = frozenset()) -> list[tuple[str, str]]:
    """``[(address, revision)]`` of everything kept offline, sorted by address (``left_out``: files no page asks for)."""
    lunr = set().union(*(lunr_files(languages) for languages in search_languages(site)))
    entries = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        name = PurePosixPath(relative).name
        if (path.suffix == ".map" or name in _LEFT_OUT_NAMES or relative in _LEFT_OUT_FILES or relative in left_out
                or (relative.startswith(_LUNR) and relative not in lunr)):
            continue
        entries.append((cache_key(relative), revision(path.read_bytes())))
    return sorted(entries)


def worker_source(worker: str, entries: list[tuple[str, str]]) -> str:
    """``sw.js``: the worker with its precache list and version (the hash of the list) in front."""
    listed = json.dumps([list(entry) for entry in entries], separators=(",", ":"))
    version = revision(listed.encode("utf-8"))
    return f"self.DIGICOM_VERSION={json.dumps(version)};\nself.DIGICOM_PRECACHE={listed};\n{worker}"


def manifest(*, name: str, short_name: str, description: str, locale: str, prefix: str) -> dict:
    """The web app manifest of one language, written at ``<prefix>manifest.webmanifest``.

    Addresses are relative to the manifest: the app starts at its language's home
    page, and its scope is the whole site (both languages), as the worker's is.
    """
    up = "../" * prefix.count("/")
    return {
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": locale,
        "dir": "ltr",
        "id": "./",
        "start_url": "./",
        "scope": up or "./",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [
            {"src": up + file, "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
            for file, size, purpose in ICONS if purpose != "apple"
        ],
    }


def icons(svg: str) -> dict[str, bytes]:
    """Each icon file's PNG, drawn from the SVG (maskable and Apple icons on the icon's own colour)."""
    import resvg_py

    drawn = {}
    for file, size, purpose in ICONS:
        background = THEME_COLOR if purpose in ("maskable", "apple") else None
        drawn[file] = bytes(resvg_py.svg_to_bytes(svg_string=svg, width=size, height=size, background=background))
    return drawn
