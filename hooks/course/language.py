"""Which language a page or file is in, and the docs folder's file naming."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Any

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


def site_locales(config: Any) -> list[str]:
    """Every language the site builds (from mkdocs-static-i18n's settings), the default first."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [config.theme["language"]]
    languages = sorted((lang for lang in i18n.config.languages if lang["build"]), key=lambda lang: not lang["default"])
    return [language["locale"] for language in languages]


def existing_translations(src_uri: str, locales: list[str], docs: Path, default: str) -> list[tuple[str, str]]:
    """``(locale, src_uri)`` of each other-language version of a page that exists in ``docs``.

    A missing translation is not listed: mkdocs-static-i18n's settings and the content
    check report it, with the file it should translate.
    """
    own = file_locale(src_uri, default)
    found = [(other, translation_of(src_uri, other)) for other in locales if other != own]
    return [(other, twin) for other, twin in found if (docs / twin).is_file()]
