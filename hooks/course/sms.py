"""How a phone network counts an SMS: characters, alphabet (GSM-7 or UCS-2) and billed parts.

One message is sent in one of two alphabets (3GPP TS 23.038, "GSM 03.38"):

- **GSM-7**, when every character is in its basic set (:data:`GSM7_BASIC`: é É ñ Ñ ü Ü
  ¿ ¡ à è ì ò ù Ç are in it) or its extension table (:data:`GSM7_EXTENSION`: € [ ] { }
  \\ ~ ^ | and the form feed, each sent as an escape plus the character, so each counts
  2). One SMS holds 160; a longer message is split into parts of 153.
- **UCS-2**, as soon as one character is in neither (á í ó ú Á Í Ó Ú, emoji, curly
  quotes…). Characters count as UTF-16 code units, so an emoji outside the Basic
  Multilingual Plane counts 2. One SMS holds 70; parts hold 67.

A character that takes two units (a GSM-7 escape pair, a UTF-16 surrogate pair) is
never split across two parts, as senders do: such a part holds one unit less.

The same counting runs in the page (``overrides/assets/javascripts/practice.js``),
which takes its two character tables from this module (the composer's markup carries
them, see :func:`tables_json`). ``tests/data/sms_cases.yml`` is one table of cases run
against both: by pytest here and by Chromium against the script.

This module also finds the SMS examples editors mark in a page (a fenced block with the
info string ``sms``) and the claims the text around each one makes about it (see
:func:`claims_about`); ``course.rules.examples`` compares them with the real count.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field

from .markdown import Fence, Prose, Scan

# GSM 03.38 basic character set (unicode.org GSM0338.TXT), without 0x1B (the escape to the extension table).
GSM7_BASIC = ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
              "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
# Its extension table: each is sent as ESC + character, so it counts 2.
GSM7_EXTENSION = "\f^{}\\[~]|€"
_BASIC = frozenset(GSM7_BASIC)
_EXTENSION = frozenset(GSM7_EXTENSION)

GSM7, UCS2 = "GSM-7", "UCS-2"
# (one SMS holds, each part of a longer message holds)
LIMITS = {GSM7: (160, 153), UCS2: (70, 67)}
LIMIT_NUMBERS = frozenset(number for pair in LIMITS.values() for number in pair)
EXAMPLE_INFO = "sms"  # ```sms … ``` marks an SMS example


@dataclass(frozen=True)
class Count:
    """What an SMS costs."""

    chars: int  # GSM-7 septets, or UTF-16 code units in UCS-2: what providers count and bill
    encoding: str  # "GSM-7" or "UCS-2"
    parts: int  # SMS billed (0 for an empty message)
    forcing: tuple[str, ...] = ()  # the characters that switch it to UCS-2, each once, in order
    doubles: tuple[str, ...] = ()  # in GSM-7, the extension characters (count 2), each once, in order
    parts_in_gsm7: int = 0  # what it would take if the characters in `forcing` were GSM-7 letters


def _units(text: str) -> tuple[str, list[int]]:
    """The alphabet and the size of each character in it (1 or 2)."""
    if all(char in _BASIC or char in _EXTENSION for char in text):
        return GSM7, [2 if char in _EXTENSION else 1 for char in text]
    return UCS2, [len(char.encode("utf-16-le")) // 2 for char in text]


def _parts(units: list[int], encoding: str) -> int:
    single, per_part = LIMITS[encoding]
    total = sum(units)
    if total == 0:
        return 0
    if total <= single:
        return 1
    parts, room = 1, per_part
    for size in units:
        if size > room:  # a two-unit character is not split: it starts the next part
            parts, room = parts + 1, per_part
        room -= size
    return parts


def count(text: str) -> Count:
    """How a phone network counts ``text`` (line breaks as written: "\\n" is one character)."""
    encoding, units = _units(text)
    forcing = tuple(dict.fromkeys(char for char in text if char not in _BASIC and char not in _EXTENSION))
    doubles = tuple(dict.fromkeys(char for char in text if char in _EXTENSION)) if encoding == GSM7 else ()
    parts = _parts(units, encoding)
    if encoding == UCS2:
        gsm_units = [1 if char in forcing else (2 if char in _EXTENSION else 1) for char in text]
        in_gsm7 = _parts(gsm_units, GSM7)
    else:
        in_gsm7 = parts
    return Count(sum(units), encoding, parts, forcing, doubles, in_gsm7)


def shown(char: str) -> str:
    """A character as a message can name it: invisible ones (a no-break space, a variation selector) by code."""
    if char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Mn", "Zs", "Zl", "Zp"):
        return f"U+{ord(char):04X}"
    return char


def tables_json() -> str:
    """Both character tables, as the page's script reads them (a JSON object)."""
    return json.dumps({"basic": GSM7_BASIC, "extension": GSM7_EXTENSION}, ensure_ascii=False)  # shorter in the page


@dataclass(frozen=True)
class Segment:
    """A run of an SMS text, for showing it: plain, a UCS-2 character or a character that counts 2."""

    text: str
    kind: str = ""  # "", "ucs2", "double", "break" (a line break)


def segments(text: str) -> list[Segment]:
    """``text`` cut where characters must be marked."""
    result = count(text)
    found: list[Segment] = []
    for char in text:
        kind = ("break" if char == "\n" else "ucs2" if char in result.forcing
                else "double" if char in result.doubles else "")
        if kind == "" and found and found[-1].kind == "":
            found[-1] = Segment(found[-1].text + char)
        else:
            found.append(Segment(char, kind))
    return found


# ── Examples in the content and what the text says about them ──────────────


@dataclass(frozen=True)
class Example:
    """A marked SMS example: a fenced block ```` ```sms ````."""

    line: int  # the opening fence
    end: int  # the closing fence
    indent: int
    text: str
    inside: tuple[str, ...] = ()

    @property
    def count(self) -> Count:
        return count(self.text)


def is_example(fence: Fence) -> bool:
    return fence.info.split(" ")[0] == EXAMPLE_INFO if fence.info else False


def examples(scan: Scan) -> list[Example]:
    """Every SMS example of a page, in order."""
    return [Example(fence.line, fence.end, fence.indent, fence.content.removesuffix("\n"), fence.inside)
            for fence in scan.fences if is_example(fence)]


@dataclass(frozen=True)
class Claim:
    """A number the text gives for an example."""

    line: int  # where it is written
    sentence: str
    what: str  # "chars", "parts" or "encoding"
    value: int | str
    written: str  # as written: "76 caracteres"


@dataclass
class _Paragraph:
    first: int
    last: int
    text: str
    sentences: list[str] = field(default_factory=list)


_NUMBER_WORDS = {
    "un": 1, "una": 1, "uno": 1, "un solo": 1, "una sola": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
    "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
    "one": 1, "a single": 1, "one single": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}
_WORDS = "|".join(sorted((re.escape(word) for word in _NUMBER_WORDS), key=len, reverse=True))
# "77 caracteres", "80 characters", "121 caracteres en GSM-7", "76 characters in UCS-2"
_CHARS = re.compile(r"(?<![\w.,])(?P<n>\d{1,4})\s+(?:caracteres|characters)\b"
                    r"(?:\s+(?:en|in)\s+(?P<encoding>GSM-7|UCS-2)\b)?", re.IGNORECASE)
# "dos SMS", "un SMS", "2 partes", "one SMS", "two parts", "a single message"
_PARTS = re.compile(rf"(?<![\w.,])(?P<n>{_WORDS}|\d{{1,2}})\s+(?:SMS|partes?|parts?|messages?)\b", re.IGNORECASE)
# A number right after one of these is a limit, not a count: "de hasta 67", "more than 70 characters".
_LIMIT_BEFORE = re.compile(r"(?:hasta|más de|menos de|máximo de|máximo|límite de|up to|more than|fewer than|"
                           r"less than|at most|maximum of|limit of)\s*$", re.IGNORECASE)
_ARTICLES = {"un", "una", "one"}  # at the start of a sentence they are articles: "Un SMS no siempre…"
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def _paragraph_at(prose: list[Prose], lines: list[str], first: int) -> _Paragraph | None:
    entries = [entry for entry in prose if entry.line == first and not entry.heading]
    if not entries:
        return None
    last = first
    while last < len(lines) and lines[last].strip():  # lines[last] is file line last + 1
        last += 1
    text = " ".join(entry.text for entry in entries)
    return _Paragraph(first, last, text, [part for part in _SENTENCE_END.split(text) if part.strip()])


def _paragraph_before(prose: list[Prose], lines: list[str], line: int) -> _Paragraph | None:
    number = line - 1
    while number >= 1 and not lines[number - 1].strip():
        number -= 1
    if number < 1:
        return None
    first = number
    while first > 1 and lines[first - 2].strip():
        first -= 1
    return _paragraph_at(prose, lines, first)


def _paragraph_after(prose: list[Prose], lines: list[str], line: int) -> _Paragraph | None:
    number = line + 1
    while number <= len(lines) and not lines[number - 1].strip():
        number += 1
    if number > len(lines):
        return None
    return _paragraph_at(prose, lines, number)


def _introduces(sentence: str) -> bool:
    return sentence.rstrip().endswith(":")


def sentences_about(scan: Scan, lines: list[str]) -> list[tuple[Example, int, int, list[str]]]:
    """For each example, ``(example, first line, last line, sentences)`` of the text that talks about it.

    - The paragraph right before an example (only blank lines between them) talks about it.
    - So does the paragraph right after it.
    - A paragraph between two examples talks about the first one, except its last sentence when that
      sentence ends with a colon: that one introduces the second example.
    """
    found = examples(scan)
    result = []
    for index, example in enumerate(found):
        before = _paragraph_before(scan.prose, lines, example.line)
        after = _paragraph_after(scan.prose, lines, example.end)
        chunks: list[tuple[int, int, list[str]]] = []
        if before is not None:
            previous = found[index - 1] if index else None
            shared = previous is not None and _paragraph_after(scan.prose, lines, previous.end) == before
            if not shared:
                chunks.append((before.first, before.last, before.sentences))
            elif before.sentences and _introduces(before.sentences[-1]):
                chunks.append((before.first, before.last, before.sentences[-1:]))
        if after is not None:
            following = found[index + 1] if index + 1 < len(found) else None
            sentences = after.sentences
            if following is not None and _paragraph_before(scan.prose, lines, following.line) == after \
                    and sentences and _introduces(sentences[-1]):
                sentences = sentences[:-1]
            chunks.append((after.first, after.last, sentences))
        for first, last, sentences in chunks:
            result.append((example, first, last, sentences))
    return result


def claims_in(sentence: str) -> list[tuple[str, int | str, str]]:
    """``(what, value, as written)`` for every count a sentence gives (limits are not counts)."""
    claims: list[tuple[str, int | str, str]] = []
    for match in _CHARS.finditer(sentence):
        number = int(match.group("n"))
        if number in LIMIT_NUMBERS or _LIMIT_BEFORE.search(sentence[:match.start()]):
            continue
        claims.append(("chars", number, match.group(0)))
        if match.group("encoding"):
            claims.append(("encoding", match.group("encoding").upper(), match.group(0)))
    for match in _PARTS.finditer(sentence):
        word = match.group("n").lower()
        if _LIMIT_BEFORE.search(sentence[:match.start()]):
            continue
        if word in _ARTICLES and not sentence[:match.start()].strip(" «»\"'¿¡(*_"):
            continue  # "Un SMS no siempre tiene…": an article, not a count
        claims.append(("parts", int(word) if word.isdigit() else _NUMBER_WORDS[word], match.group(0)))
    return claims


def claims_about(scan: Scan, lines: list[str]) -> list[tuple[Example, Claim]]:
    """Every count the text around the examples gives, with the example it is about."""
    found = []
    for example, first, last, sentences in sentences_about(scan, lines):
        for sentence in sentences:
            for what, value, written in claims_in(sentence):
                found.append((example, Claim(_line_of(written, lines, first, last), sentence, what, value, written)))
    return found


def _line_of(written: str, lines: list[str], first: int, last: int) -> int:
    """The file line, between ``first`` and ``last``, where ``written`` is (the first line if it spans two)."""
    words = written.split()
    for number in range(first, last + 1):
        line = " ".join(lines[number - 1].replace("*", "").split())
        if " ".join(words).lower() in line.lower():
            return number
    for number in range(first, last + 1):
        if words[0].lower() in lines[number - 1].lower():
            return number
    return first
