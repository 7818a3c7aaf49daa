"""The text a reader reads on a page, without Markdown syntax, for word counts and scores."""

from __future__ import annotations

import re

_FRONT_MATTER = re.compile(r"\A---\n.*?\n(?:---|\.\.\.)\n", re.DOTALL)
_FENCED_CODE = re.compile(r"^(```|~~~).*?^\1", re.DOTALL | re.MULTILINE)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TRAINER_NOTE = re.compile(r"^!!! trainer\b.*\n(?:(?:[ \t]+.*)?\n)*", re.MULTILINE)
_ATTRIBUTES = re.compile(r"\{[^}\n]*[#.][^}\n]*\}")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_ADMONITION = re.compile(r'^[ \t]*(?:!!!|\?\?\?\+?)\s*\w+(?:\s+"([^"]*)")?', re.MULTILINE)
_ABBREVIATION = re.compile(r"^\*\[[^\]]+\]:.*$", re.MULTILINE)
_MARKUP = re.compile(r"^[ \t]*(?:[-*+]\s+\[[ xX]?\]\s+|[-*+]\s+|\d+\.\s+|#{1,6}\s+|>\s?)|[*_`|]", re.MULTILINE)
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}.*$", re.MULTILINE)


def reader_text(markdown: str) -> str:
    """Plain text of a Markdown page as a reader sees it (trainer notes excluded)."""
    text = _FRONT_MATTER.sub("", markdown)
    text = _FENCED_CODE.sub("", text)
    text = _HTML_COMMENT.sub("", text)
    text = _TRAINER_NOTE.sub("", text)
    text = _ABBREVIATION.sub("", text)
    text = _ATTRIBUTES.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    text = _ADMONITION.sub(lambda m: m.group(1) or "", text)
    text = _TABLE_RULE.sub("", text)
    return _MARKUP.sub(" ", text)
