"""Links between pages: what a link written on a page points at, and moving Markdown to another page.

Editors write links as files, without the language (``../ley-y-consentimiento.md``,
``email.md#steps``): the site picks the page's language, as mkdocs-static-i18n does.
:func:`resolve` says what such a link points at; :func:`rebase` rewrites the links of
Markdown copied from one page to another (trainer notes gathered on the notes
page, questions repeated on the self-assessment page).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")
_LANGUAGE_SUFFIX = re.compile(r"\.(?P<locale>[a-z]{2})\.md$")
_INLINE_LINK = re.compile(r"(?P<lead>\]\()(?P<target><[^>\n]*>|[^)\s]+)")
_REFERENCE_LINK = re.compile(r"^(?P<lead> {0,3}\[[^\]\n]+\]:[ \t]*)(?P<target><[^>\n]*>|\S+)", re.MULTILINE)


@dataclass(frozen=True)
class Target:
    """What a link points at."""

    kind: str  # "page", "file", "same-page", "external", "absolute", "with-language", "outside"
    path: str = ""  # docs-relative: "modulos/email" (a page key) or "img/foto.jpg" (a file)
    anchor: str = ""
    locale: str = ""  # for "with-language": the language written in the name


def resolve(src_uri: str, target: str) -> Target:
    """What ``target``, written on the page ``src_uri`` (``modulos/sms.es.md``), points at."""
    target = target.strip().strip("<>")
    if _SCHEME.match(target):
        return Target("external", target)
    if target.startswith("/"):
        return Target("absolute", target)
    path, _, anchor = target.partition("#")
    path = unquote(path.split("?", 1)[0])
    if not path:
        return Target("same-page", anchor=anchor)
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
    if resolved.startswith(".."):
        return Target("outside", resolved, anchor)
    suffix = _LANGUAGE_SUFFIX.search(resolved)
    if suffix:
        return Target("with-language", resolved[: suffix.start()], anchor, suffix.group("locale"))
    if resolved.endswith(".md"):
        return Target("page", resolved[:-3], anchor)
    return Target("file", resolved, anchor)


def written_from(src_uri: str, path: str) -> str:
    """How a link to ``path`` (docs-relative) is written on the page ``src_uri``."""
    return posixpath.relpath(path, posixpath.dirname(src_uri) or ".")


def _rebased(target: str, from_src_uri: str, to_src_uri: str) -> str:
    bracketed = target.startswith("<") and target.endswith(">")
    bare = target[1:-1] if bracketed else target
    if not bare or _SCHEME.match(bare) or bare.startswith("/"):
        return target
    path, hash_, anchor = bare.partition("#")
    if path:
        absolute = posixpath.normpath(posixpath.join(posixpath.dirname(from_src_uri), path))
    else:  # "#anchor": a section of the page the Markdown was written on
        absolute = _LANGUAGE_SUFFIX.sub("", from_src_uri).removesuffix(".md") + ".md"
    moved = written_from(to_src_uri, absolute) + hash_ + anchor
    return f"<{moved}>" if bracketed else moved


def rebase(markdown: str, from_src_uri: str, to_src_uri: str) -> str:
    """Markdown written on one page with its relative links and images rewritten to work from another."""

    def move(match: re.Match[str]) -> str:
        return match.group("lead") + _rebased(match.group("target"), from_src_uri, to_src_uri)

    return _REFERENCE_LINK.sub(move, _INLINE_LINK.sub(move, markdown))
