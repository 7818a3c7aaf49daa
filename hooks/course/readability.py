"""Reading time and readability scores for the content report.

Spanish uses the Szigriszt-Pazos perspicuity index (read on the INFLESZ scale:
55–65 "normal", above 65 easier); English uses Flesch reading ease. Syllables are
counted with pyphen's hyphenation dictionaries, which ship with the package, so
nothing is downloaded (textstat's English mode fetches a dictionary at run time).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyphen

WORDS_PER_MINUTE = {"es": 180, "en": 200}
_DICTIONARIES = {"es": "es", "en": "en_US"}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)|\n\s*\n|\n\s*[-*\d]")
_VOWEL_GROUPS = re.compile(r"[aeiouyáéíóúü]+", re.IGNORECASE)


@lru_cache(maxsize=None)
def _hyphenator(locale: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=_DICTIONARIES[locale])


def syllables(word: str, locale: str) -> int:
    """Syllables in one word: hyphenation points, never fewer than its vowel groups allow."""
    lowered = word.lower()
    by_hyphenation = len(_hyphenator(locale).positions(lowered)) + 1
    vowel_groups = len(_VOWEL_GROUPS.findall(lowered))
    if locale == "en" and lowered.endswith("e") and not lowered.endswith(("le", "ee")) and vowel_groups > 1:
        vowel_groups -= 1  # a silent final "e", as in "store"
    return max(1, by_hyphenation, vowel_groups if locale == "en" else 0)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentence_count(text: str) -> int:
    return max(1, len([s for s in _SENTENCE_END.split(text) if words(s)]))


def readability(text: str, locale: str) -> float:
    """Szigriszt-Pazos (es) or Flesch reading ease (en); higher is easier."""
    found = words(text)
    if not found:
        return 0.0
    per_word = sum(syllables(w, locale) for w in found) / len(found)
    per_sentence = len(found) / sentence_count(text)
    if locale == "es":
        return 206.835 - 62.3 * per_word - per_sentence
    return 206.835 - 84.6 * per_word - 1.015 * per_sentence


def reading_minutes(text: str, locale: str) -> int:
    return max(1, round(len(words(text)) / WORDS_PER_MINUTE[locale]))
