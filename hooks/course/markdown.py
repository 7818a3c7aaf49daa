"""The one Markdown scanner of the project: what each line of a page is, from markdown-it-py's tokens.

Every rule and every block parser asks this module, and only this module, which
lines are code (fenced or indented), which are HTML, where the headings, links,
images, admonition-style blocks (``!!! checklist``, ``!!! trainer``…) and marker
comments are. markdown-it-py (with mdit-py-plugins' ``admon`` and ``front_matter``)
follows CommonMark; the site is rendered by Python-Markdown, which differs on a few
rare inputs. Where the two could disagree (an unclosed code fence), :class:`Scan`
reports it, and a rule asks the editor to write it unambiguously.

Lines are counted from 1, as an editor sees them in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from .readability import words

_HEADING_ATTRS = re.compile(r"\s*\{:?(?P<attrs>[^{}\n]*)\}\s*$")
_ATTR_ID = re.compile(r"(?:^|\s)#(?P<id>[^\s}#.]+)")
_COMMENT_LINE = re.compile(r"^\s*<!--(?P<text>.*?)-->\s*$")
_BLOCK_TITLE = re.compile(r'^\s*(?P<kind>\S+)(?P<rest>.*)$')
_QUOTED = re.compile(r'^\s+"(?P<title>.*)"\s*$')


@dataclass(frozen=True)
class Block:
    """An admonition-style block: ``!!! kind "Title"`` (or ``???``/``???+``) and its indented body."""

    kind: str  # as written, lowercased: "checklist", "trainer", "note"
    marker: str  # "!!!", "???" or "???+"
    rest: str  # what follows the kind on the header line: ' "Antes de enviar"'
    line: int  # the header line
    end: int  # the last line of the block (blank lines at its end excluded)
    indent: int  # spaces before the marker
    inside: tuple[str, ...]  # what encloses it, outermost first: "list", "blockquote", "admonition:<kind>"

    @property
    def title(self) -> str | None:
        """The title between double quotes, or ``None`` when it is missing or not quoted."""
        match = _QUOTED.match(self.rest)
        return match.group("title").strip() if match else None


@dataclass(frozen=True)
class Fence:
    """A fenced code block: ```` ```sms ```` … ```` ``` ````."""

    info: str  # the info string after the opening fence, lowercased and stripped: "sms", "text", ""
    line: int  # the opening fence's line
    end: int  # the closing fence's line (the last line of its container when it is not closed)
    indent: int  # spaces before the opening fence
    content: str  # the lines between the fences, without the fence's indentation
    inside: tuple[str, ...]  # what encloses it, as Block.inside


@dataclass(frozen=True)
class Heading:
    level: int
    text: str  # without the attribute list
    anchor: str | None  # from "{ #anchor }"
    line: int
    source: str  # the line as written


@dataclass(frozen=True)
class Link:
    line: int
    text: str
    target: str  # as written (not URL-encoded)
    image: bool


@dataclass(frozen=True)
class Html:
    line: int
    html: str
    inline: bool


@dataclass(frozen=True)
class Comment:
    """An HTML comment alone on its line (a marker such as ``<!-- glossary -->``, or an editor's note)."""

    line: int
    text: str  # the whole comment, "<!-- glossary -->"
    inner: str  # what is inside, stripped: "glossary"


@dataclass(frozen=True)
class Prose:
    """The words of one paragraph, heading, list item or table cell, as a reader reads them."""

    line: int
    text: str  # without markup, links' addresses, inline code or HTML
    word_count: int  # counted once, when scanned (course.timing and course.slides weigh by it)
    inside: tuple[str, ...]  # what encloses it, as Block.inside ("admonition:trainer" for a trainer note)
    heading: bool = False


@dataclass
class Scan:
    """What markdown-it-py found in a text."""

    code: set[int] = field(default_factory=set)  # lines of fenced or indented code, fence lines included
    unclosed_fences: list[int] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    fences: list[Fence] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    html: list[Html] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    prose: list[Prose] = field(default_factory=list)
    top: list[TopBlock] = field(default_factory=list)  # what the text is made of, in order (its slides)

    def is_code(self, line: int) -> bool:
        return line in self.code


@cache
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark").use(front_matter_plugin).use(admon_plugin).enable("table")
    # See every link and image as written: javascript: links too (Python-Markdown renders them).
    parser.validateLink = lambda url: True
    parser.normalizeLink = lambda url: url
    parser.normalizeLinkText = lambda text: text
    return parser


def scan(text: str, *, first_line: int = 1) -> Scan:
    """Scan a Markdown text; ``first_line`` is the file line the text starts on."""
    lines = text.splitlines()
    found = Scan()
    tokens = _parser().parse(text)
    offset = first_line - 1
    found.top = _top_blocks(tokens, lines, offset)
    inside: list[str] = []
    open_blocks: list[tuple[Token, int]] = []  # admonition tokens with their index in `found.blocks`
    previous = ""
    for token in tokens:
        start, stop = (token.map if token.map else (None, None))
        if token.type.endswith("_close"):
            previous = token.type
            if token.type == "admonition_close" and open_blocks:
                opener, index = open_blocks.pop()
                block = found.blocks[index]
                end = _last_filled(lines, opener.map[0], opener.map[1]) + offset
                found.blocks[index] = Block(block.kind, block.marker, block.rest, block.line, end,
                                            block.indent, block.inside)
            if token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close", "admonition_close"):
                inside.pop()
            continue
        if token.type in ("bullet_list_open", "ordered_list_open"):
            inside.append("list")
        elif token.type == "blockquote_open":
            inside.append("blockquote")
        elif token.type == "admonition_open":
            header = lines[start]
            kind_and_rest = _BLOCK_TITLE.match(token.info) if token.info.strip() else None
            kind = kind_and_rest.group("kind").lower() if kind_and_rest else ""
            rest = kind_and_rest.group("rest") if kind_and_rest else ""
            found.blocks.append(Block(kind, token.markup, rest, start + 1 + offset, stop + offset,
                                      len(header) - len(header.lstrip(" ")), tuple(inside)))
            open_blocks.append((token, len(found.blocks) - 1))
            inside.append(f"admonition:{kind}")
        elif token.type in ("fence", "code_block"):
            found.code.update(range(start + 1 + offset, stop + 1 + offset))
            if token.type == "fence":
                if not _fence_closed(token, lines, stop):
                    found.unclosed_fences.append(start + 1 + offset)
                header = lines[start] if start < len(lines) else ""
                found.fences.append(Fence(token.info.strip().lower(), start + 1 + offset, stop + offset,
                                          len(header) - len(header.lstrip(" ")), token.content, tuple(inside)))
        elif token.type == "html_block":
            _html_block(token, lines, offset, found)
        elif token.type == "heading_open":
            _heading(token, lines, offset, found)
        elif token.type == "inline" and token.map:
            _inline(token, lines, offset, found, tuple(inside), heading=previous == "heading_open")
        previous = token.type
    return found


def _last_filled(lines: list[str], start: int, stop: int) -> int:
    """The 1-based number of the last non-blank line in ``lines[start:stop]``."""
    for index in range(min(stop, len(lines)) - 1, start - 1, -1):
        if lines[index].strip():
            return index + 1
    return start + 1


def _fence_closed(token: Token, lines: list[str], stop: int) -> bool:
    """Whether the fence's last line closes it (CommonMark runs an unclosed fence to the end of its container)."""
    last = lines[stop - 1].strip() if 0 < stop <= len(lines) else ""
    char = token.markup[0]
    return stop - 1 > token.map[0] and len(last) >= len(token.markup) and set(last) == {char}


def _html_block(token: Token, lines: list[str], offset: int, found: Scan) -> None:
    start, stop = token.map
    for index in range(start, stop):
        match = _COMMENT_LINE.match(lines[index]) if index < len(lines) else None
        if match and match.group("text").count("-->") == 0:
            found.comments.append(Comment(index + 1 + offset, lines[index].strip(), match.group("text").strip()))
    if not all(_COMMENT_LINE.match(lines[index]) or not lines[index].strip()
               for index in range(start, min(stop, len(lines)))):
        found.html.append(Html(start + 1 + offset, token.content, inline=False))


def _heading(token: Token, lines: list[str], offset: int, found: Scan) -> None:
    start, _ = token.map
    source = lines[start]
    text = source.strip().lstrip("#").strip() if token.markup.startswith("#") else source.strip()
    anchor = None
    attrs = _HEADING_ATTRS.search(text)
    if attrs:
        ids = _ATTR_ID.findall(attrs.group("attrs"))
        anchor = ids[-1] if ids else None
        text = text[: attrs.start()].rstrip()
    level = int(token.tag[1])
    found.headings.append(Heading(level, text, anchor, start + 1 + offset, source))


def _inline(token: Token, lines: list[str], offset: int, found: Scan, inside: tuple[str, ...],
            heading: bool) -> None:
    start, stop = token.map
    children = token.children or []
    pieces = [child.content if child.type in ("text", "image") else " "
              for child in children if child.type in ("text", "softbreak", "hardbreak", "image")]
    text = "".join(pieces)
    if heading:
        text = _HEADING_ATTRS.sub("", text)
    if text.strip() and not text.lstrip().startswith("*["):  # "*[RGPD]: …" defines an abbreviation
        text = " ".join(text.split())
        found.prose.append(Prose(start + 1 + offset, text, len(words(text)), inside, heading))
    for position, child in enumerate(children):
        if child.type == "link_open":
            target = str(child.attrGet("href") or "")
            text = _link_text(children, position)
            found.links.append(Link(_line_of(target, lines, start, stop) + offset, text, target, image=False))
        elif child.type == "image":
            target = str(child.attrGet("src") or "")
            found.links.append(Link(_line_of(target, lines, start, stop) + offset, child.content, target, image=True))
        elif child.type == "html_inline":
            found.html.append(Html(_line_of(child.content, lines, start, stop) + offset, child.content, inline=True))


def _link_text(children: list[Token], position: int) -> str:
    parts = []
    for child in children[position + 1:]:
        if child.type == "link_close":
            break
        parts.append(child.content)
    return "".join(parts)


def _line_of(needle: str, lines: list[str], start: int, stop: int) -> int:
    """The 1-based line in ``lines[start:stop]`` where ``needle`` is written (the first line if not found)."""
    if needle:
        for index in range(start, min(stop, len(lines))):
            if needle in lines[index]:
                return index + 1
    return start + 1


def strip_inline_code(line: str) -> str:
    """A line with its inline code spans blanked out (markers or tags shown as examples are not real)."""
    return re.sub(r"(`+)(?:(?!\1).)+?\1", lambda match: " " * len(match.group(0)), line)


@dataclass(frozen=True)
class TopBlock:
    """A block at the top level of a text (not inside a list, a quote or an admonition).

    What a page is made of, in order: the presentation view's slides are cut between
    these (``course.slides``).
    """

    kind: str  # "heading", "paragraph", "list", "table", "code", "admonition", "html", "blockquote", "rule"
    line: int
    end: int  # its last line that is not blank
    level: int = 0  # a heading's level
    items: tuple[int, ...] = ()  # a list's items: the first line of each
    info: str = ""  # a fenced block's language, the first word after the fence ("sms"), lowercased


_TOP_KINDS = {"heading_open": "heading", "paragraph_open": "paragraph", "bullet_list_open": "list",
              "ordered_list_open": "list", "table_open": "table", "fence": "code", "code_block": "code",
              "admonition_open": "admonition", "html_block": "html", "blockquote_open": "blockquote", "hr": "rule"}


def _top_blocks(tokens: list[Token], lines: list[str], offset: int) -> list[TopBlock]:
    """The top-level blocks of a parsed text, with their lines."""
    found: list[TopBlock] = []
    items: list[int] | None = None
    for token in tokens:
        if token.level == 1 and token.type == "list_item_open" and items is not None and token.map:
            items.append(token.map[0] + 1 + offset)
            continue
        if token.level != 0 or token.type not in _TOP_KINDS or not token.map:
            continue
        start, stop = token.map
        if items is not None and found:  # close the list before
            found[-1] = TopBlock(found[-1].kind, found[-1].line, found[-1].end, items=tuple(items))
        items = [] if _TOP_KINDS[token.type] == "list" else None
        level = int(token.tag[1]) if token.type == "heading_open" else 0
        info = token.info.split()[0].lower() if token.type == "fence" and token.info.strip() else ""
        found.append(TopBlock(_TOP_KINDS[token.type], start + 1 + offset, _last_filled(lines, start, stop) + offset,
                              level, info=info))
    if items is not None and found:
        found[-1] = TopBlock(found[-1].kind, found[-1].line, found[-1].end, items=tuple(items))
    return found
