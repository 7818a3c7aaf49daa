"""Which language a page or file is in, and the docs folder's file naming."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

_SUFFIX = re.compile(r"\.(?P<locale>[a-z]{2})\.md$")


def file_locale(src_uri: str, default: str) -> str:
    """The locale of a docs file from its suffix (``sms.en.md`` → ``en``)."""
    match = _SUFFIX.search(src_uri)
    return match.group("locale") if match else default


def page_key(src_uri: str) -> str:
    """The language-neutral name of a page (``modulos/sms.en.md`` → ``modulos/sms``)."""
    return _SUFFIX.sub("", src_uri).removesuffix(".md")


def translation_of(src_uri: str, locale: str) -> str:
    """The file name of a page's translation (``sms.es.md``, ``en`` → ``sms.en.md``)."""
    return f"{page_key(src_uri)}.{locale}.md"


def page_id(src_uri: str) -> str:
    """A short stable id for a page: its file name without folder and suffixes."""
    return PurePosixPath(page_key(src_uri)).name
