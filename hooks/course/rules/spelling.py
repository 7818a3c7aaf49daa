"""Spelling, for ``make check`` only: hunspell on what readers read, codespell on the rest.

Only in ``make check`` because it needs programs from outside Python (hunspell and
its dictionaries) and a few seconds; the build stays fast and works where they are
missing. Spelling reads the scanner's prose (``course.prose``), so code, HTML, link
addresses and markup never reach the dictionary, and a page whose structure is
broken (it cannot be read, or its front matter is not valid YAML) is left for the
other rules: fixing that comes first, and its spelling is checked on the next run.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import glossary as glossary_data
from .. import tools as tools_data
from ..model import Course, Page
from ..problems import Problem
from ..prose import reader_prose

WORDLIST = "data/wordlist.txt"
CODESPELL_FOLDERS = ("docs", "hooks", "scripts", "overrides")
CODESPELL_SKIP = "*.es.md,*.pyc,__pycache__"  # Spanish pages have hunspell's Spanish dictionary
HUNSPELL_DICTIONARIES = {"es": "es_ES", "en": "en_GB,en_US"}  # the English pages use British spelling
HUNSPELL_INSTALL = ("sudo apt-get install hunspell hunspell-es hunspell-en-gb hunspell-en-us  "
                    "(make check lo instala solo)")
LANGUAGE_NAMES = {"es": "español", "en": "inglés"}
SUGGESTIONS_MAX = 30  # hunspell takes a while to suggest; more unknown words are listed without a suggestion
PLACEHOLDER = "RELLENAR"
_WORD_CHARS = r"\w’'"
_URL_OR_EMAIL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|es|eu|io|net|org)\b")
_CODESPELL_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<word>.+?) ==> (?P<fix>.+?)\s*$")


@dataclass
class WordList:
    """Words the dictionaries do not know but that are right: data/wordlist.txt, glossary terms, tool names."""

    exact: set[str] = field(default_factory=set)
    any_case: set[str] = field(default_factory=set)  # entries written in lowercase match any case
    problems: list[Problem] = field(default_factory=list)

    def add(self, word: str) -> None:
        self.exact.add(word)
        if word == word.lower():
            self.any_case.add(word)

    def knows(self, word: str) -> bool:
        if word in self.exact or word.lower() in self.any_case:
            return True
        return word.isupper() and any(entry.upper() == word for entry in self.exact)


def _unread_word_sources(course: Course) -> list[str]:
    """The data files that give the spelling check known words but could not be read at all."""
    unread = []
    if course.glossary.text.strip() and not course.glossary.words_known and course.glossary.problems:
        unread.append(glossary_data.FILE)
    if course.tools.text.strip() and not course.tools.entries and course.tools.problems:
        unread.append(tools_data.TOOLS_FILE)
    return unread


def read_wordlist(course: Course) -> WordList:
    words = WordList()
    path = course.root / WORDLIST
    if path.is_file():
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if len(line.split()) > 1:
                words.problems.append(Problem(
                    WORDLIST, number, f"la línea «{line}» tiene más de una palabra",
                    "escribe una sola palabra por línea; los comentarios van en su propia línea, empezando por #"))
                continue
            words.add(line)
    for term in course.glossary.words_known:
        for word in re.findall(rf"[{_WORD_CHARS}]+", term):
            words.add(word)
    for tool in course.tools.entries:
        for word in re.findall(rf"[{_WORD_CHARS}]+", str(tool.get("name") or "")):
            words.add(word)
    return words


@dataclass(frozen=True)
class SpellSource:
    """Text to spell-check in one language, and the file lines to point at."""

    file: str
    locale: str
    text: str
    lines: tuple[tuple[int, str], ...]  # (number, line) where a word may be found


def _clean(text: str) -> str:
    text = re.sub(r"\{\{[^{}\n]*\}\}", " ", text)  # {{ asociacion.correo }}: filled in from data, not prose
    return _URL_OR_EMAIL.sub(" ", text.replace(PLACEHOLDER, " "))


def page_source(page: Page) -> SpellSource:
    """What a reader (or a trainer) reads: front matter texts, the page and its trainer notes."""
    data = page.front.data
    parts = [str(data.get(key)) for key in ("title", "description") if isinstance(data.get(key), str)]
    objectives = data.get("objectives")
    if isinstance(objectives, list):
        parts += [str(objective) for objective in objectives]
    parts += [prose.text for prose in reader_prose(page, trainer_notes=True)]
    lines = tuple((number, line) for number, line in enumerate(page.lines, start=1) if not page.scan.is_code(number))
    return SpellSource(page.file, page.locale, _clean("\n".join(parts)), lines)


def data_sources(course: Course) -> list[SpellSource]:
    """The texts of the glossary and the tool directory that pages show, one source per file and language."""
    sources = []
    files = (("data/glossary.yml", course.glossary.text, ("term", "expansion", "definition")),
             ("data/tools.yml", course.tools.text, ("price_note", "data", "good_for")))
    for name, text, fields in files:
        if not text:
            continue
        all_lines = [(number, line) for number, line in enumerate(text.splitlines(), start=1)
                     if not line.lstrip().startswith("#")]
        for locale in course.locales:
            own = re.compile(rf"(?:^|[\s{{,]){locale}:")  # the lines of this language: "es: …", "{es: …, en: …}"
            lines = tuple((number, line) for number, line in all_lines if own.search(line)) or tuple(all_lines)
            if name.endswith("glossary.yml"):
                parts = [value for term in course.glossary.terms.get(locale, [])
                         for value in (term.term, term.expansion, term.definition)]
            else:
                parts = [entry[key][locale] for entry in course.tools.entries for key in fields
                         if isinstance(entry.get(key), dict) and isinstance(entry[key].get(locale), str)]
            sources.append(SpellSource(name, locale, _clean("\n".join(parts)), lines))
    return sources


def run_hunspell(locale: str, text: str) -> list[str]:
    """Words hunspell does not know (``hunspell -l``), once each, in order."""
    result = subprocess.run(["hunspell", "-l", "-i", "utf-8", "-d", HUNSPELL_DICTIONARIES[locale]],
                            input=text, capture_output=True, text=True, encoding="utf-8", check=False)
    if "Can't open" in result.stderr or result.returncode != 0:
        raise FileNotFoundError(result.stderr.strip() or f"hunspell -d {HUNSPELL_DICTIONARIES[locale]}")
    return list(dict.fromkeys(result.stdout.split()))


def hunspell_suggestions(locale: str, words: list[str]) -> dict[str, str]:
    """hunspell's first suggestion for each word (pipe mode, ``hunspell -a``)."""
    if not words:
        return {}
    result = subprocess.run(["hunspell", "-a", "-i", "utf-8", "-d", HUNSPELL_DICTIONARIES[locale]],
                            input="\n".join(f"^{word}" for word in words), capture_output=True, text=True,
                            encoding="utf-8", check=False)
    suggestions = {}
    for line in result.stdout.splitlines():
        match = re.match(r"^& (?P<word>\S+) \d+ \d+: (?P<first>[^,]+)", line)
        if match:
            suggestions[match.group("word")] = match.group("first").strip()
    return suggestions


def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![{_WORD_CHARS}]){re.escape(word)}(?![{_WORD_CHARS}])")


def _possessive_base(word: str) -> str | None:
    match = re.match(r"^(?P<base>.+)['’]s$", word)
    return match.group("base") if match else None


def _looks_like_code(word: str) -> bool:
    """Never suggest adding code or markup to the word list."""
    return any(char in word for char in "_<>=/{}()[]#@$\\") or any(char.isdigit() for char in word)


def check_spelling(course: Course, words: WordList,
                   hunspell: Callable[[str, str], list[str]] = run_hunspell) -> list[Problem]:
    """hunspell on the pages' text and the data files' texts, language by language.

    One hunspell run per language (loading a dictionary takes a moment); each unknown
    word that is not in the word list is then reported in every file of that language
    that uses it, at its first line.
    """
    if shutil.which("hunspell") is None and hunspell is run_hunspell:
        return [Problem(WORDLIST, None, "no se ha podido revisar la ortografía: falta el programa hunspell",
                        f"instálalo con  {HUNSPELL_INSTALL}")]
    pages = [page for page in sorted(course.pages.values(), key=lambda p: p.src_uri) if page.readable]
    all_sources = [page_source(page) for page in pages] + data_sources(course)
    problems = []
    for locale in course.locales:
        if locale not in HUNSPELL_DICTIONARIES:
            continue
        sources = [source for source in all_sources if source.locale == locale]
        try:
            unknown = [w for w in hunspell(locale, "\n".join(source.text for source in sources))
                       if len(w) > 1 and not _looks_like_code(w) and not words.knows(w)]
            bases = sorted({base for w in unknown if (base := _possessive_base(w))})
            unknown_bases = set(hunspell(locale, "\n".join(bases))) if bases else set()
        except FileNotFoundError as error:
            problems.append(Problem(WORDLIST, None, "no se ha podido revisar la ortografía en "
                                    f"{LANGUAGE_NAMES.get(locale, locale)} ({error})",
                                    f"instala hunspell y sus diccionarios:  {HUNSPELL_INSTALL}"))
            continue
        unknown = [w for w in unknown if not ((base := _possessive_base(w))
                                              and (base not in unknown_bases or words.knows(base)))]
        suggestions = hunspell_suggestions(locale, unknown[:SUGGESTIONS_MAX]) if hunspell is run_hunspell else {}
        for source in sources:
            for word in unknown:
                pattern = _word_pattern(word)
                if not pattern.search(source.text):
                    continue
                lines = [number for number, line in source.lines if pattern.search(line)]
                also = f" (también en las líneas {', '.join(map(str, lines[1:6]))})" if len(lines) > 1 else ""
                hint = f" ¿Querías decir «{suggestions[word]}»?" if word in suggestions else ""
                in_data = f" (en el texto en {LANGUAGE_NAMES.get(locale, locale)})" if source.file.startswith("data/") else ""
                problems.append(Problem(
                    source.file, lines[0] if lines else None,
                    f"«{word}» no está en el diccionario de {LANGUAGE_NAMES.get(locale, locale)}{in_data}{also}",
                    f"si es una errata, corrígela (en esta versión y, si hace falta, en la otra).{hint} Si está bien "
                    f"escrita (un nombre, una marca, una palabra que el diccionario no conoce), añádela en su propia "
                    f"línea a {WORDLIST}"))
    return problems


def check_codespell(root: Path, reported: set[tuple[str, str]] = frozenset()) -> list[Problem]:
    """codespell (common English typos) on docs/, hooks/, scripts/ and overrides/; data/wordlist.txt is its ignore list.

    ``reported``: ``(file, word)`` pairs hunspell already reported, left out here.
    """
    # A linked folder (a test site sharing the project's hooks/) is another site's code, with its own word list.
    folders = [folder for folder in CODESPELL_FOLDERS
               if (root / folder).is_dir() and not (root / folder).is_symlink()]
    if not folders:
        return []
    command = [sys.executable, "-m", "codespell_lib", "--skip", CODESPELL_SKIP]
    if (root / WORDLIST).is_file():
        command += ["--ignore-words", WORDLIST]
    result = subprocess.run(command + folders, cwd=root, capture_output=True, text=True, encoding="utf-8", check=False)
    if "No module named" in result.stderr:
        return [Problem("requirements-test.txt", None, "no se ha podido buscar erratas en inglés: falta codespell",
                        "ejecuta  make check  (instala lo que hace falta) o  .venv/bin/pip install -r requirements-test.txt")]
    problems = []
    for line in result.stdout.splitlines():
        match = _CODESPELL_LINE.match(line)
        if match and (match.group("file"), match.group("word")) not in reported:
            problems.append(Problem(
                match.group("file"), int(match.group("line")),
                f"«{match.group('word')}» parece una errata en inglés (codespell propone «{match.group('fix')}»)",
                f"corrígela; si la palabra está bien escrita (por ejemplo, es una palabra española en un mensaje), "
                f"añádela en su propia línea a {WORDLIST}"))
    if result.returncode not in (0, 65) and not problems:
        problems.append(Problem(WORDLIST, None, f"codespell no ha podido terminar ({result.stderr.strip()[:200]})",
                                "ejecuta  .venv/bin/codespell docs  para ver el error"))
    return problems


def spelling(course: Course, *, hunspell: Callable[[str, str], list[str]] = run_hunspell,
             codespell: bool = True) -> list[Problem]:
    """The word list's own mistakes, hunspell on every readable page and data text, then codespell."""
    words = read_wordlist(course)
    problems = list(words.problems)
    unread = _unread_word_sources(course)
    if unread:  # its words would be missing: every acronym of the glossary would look misspelt
        return problems + [Problem(
            file, None, "la ortografía no se ha revisado, porque este archivo no se puede leer y sus palabras "
                        "(siglas, nombres) faltarían en la revisión",
            "arregla primero el error de este archivo y vuelve a ejecutar make check") for file in unread]
    found = check_spelling(course, words, hunspell)
    problems += found
    if codespell:
        reported = {(p.file, m.group(1)) for p in found if (m := re.match(r"«(.+?)»", p.problem))}
        problems += check_codespell(course.root, reported)
    return problems
