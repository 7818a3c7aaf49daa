"""Interface text in every language, kept in ``data/strings.yml``.

Each key has a non-empty text per language, and the same ``{placeholders}`` in
each (``{done} de {total}`` / ``{done} of {total}``): the templates and scripts
fill them in by name, so a misspelt one would show as ``{correcto}`` on the page.
Which keys must exist is a rule (``course.rules.data``): every key the templates use.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from .problems import Problem
from .reading import LineMap, load_yaml, repeated_key_problems

FILE_NAME = "strings.yml"
FILE = f"data/{FILE_NAME}"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_LANGUAGE_NAMES = {"es": "español", "en": "inglés"}


@dataclass
class Strings:
    texts: dict[str, dict[str, str]] = field(default_factory=dict)  # key → locale → text
    lines: LineMap = field(default_factory=LineMap)
    problems: list[Problem] = field(default_factory=list)

    def for_locale(self, locale: str) -> dict[str, str]:
        """One language's texts as ``{key: text}`` (what the templates get as ``t``)."""
        return {key: texts[locale] for key, texts in self.texts.items() if locale in texts}

    def line_of(self, key: str) -> int:
        return self.lines.line_of((key,))


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def read_strings(text: str | None, problems: list[Problem], locales: tuple[str, ...]) -> Strings:
    strings = Strings(problems=list(problems))
    if text is None:
        if not problems:
            strings.problems.append(Problem(FILE, None, "no existe el archivo de textos de la interfaz",
                                            "recupéralo del repositorio: sin él no hay botones ni etiquetas"))
        return strings
    data, lines, found = load_yaml(text, FILE)
    strings.lines = lines
    strings.problems += found + repeated_key_problems(lines, FILE)
    if found:
        return strings
    if not isinstance(data, dict):
        strings.problems.append(Problem(FILE, 1, "el archivo debe ser una lista de textos «clave: {es: …, en: …}»",
                                        "copia el formato de una línea que funcione y cambia sus textos"))
        return strings
    for key, texts in data.items():
        line = lines.line_of((key,))
        if not isinstance(texts, dict):
            strings.problems.append(Problem(FILE, line, f"el texto '{key}' no tiene sus versiones por idioma",
                                            f"escríbelo así:  {key}: {{es: \"…\", en: \"…\"}}"))
            strings.texts[str(key)] = {}  # written, if wrongly: not also "missing"
            continue
        kept: dict[str, str] = {}
        for locale in locales:
            value = texts.get(locale)
            name = _LANGUAGE_NAMES.get(locale, locale)
            if value is None:
                strings.problems.append(Problem(FILE, line, f"el texto '{key}' no tiene versión en {name} ('{locale}')",
                                                f"añade  {locale}: \"…\"  entre las llaves de esa línea"))
            elif not isinstance(value, str) or not value.strip():
                strings.problems.append(Problem(FILE, lines.line_of((key, locale)),
                                                f"el texto '{key}' está vacío en {name}",
                                                "escribe el texto entre las comillas"))
            else:
                kept[locale] = value
        reference = next(iter(kept.values()), None)
        for locale, value in kept.items():
            if reference is not None and placeholders(value) != placeholders(reference):
                first_locale = next(iter(kept))
                strings.problems.append(Problem(
                    FILE, lines.line_of((key, locale)),
                    f"el texto '{key}' tiene en '{locale}' los huecos {_show(placeholders(value))} y en "
                    f"'{first_locale}' {_show(placeholders(reference))}",
                    "los huecos entre llaves ({done}, {total}…) se rellenan solos: escríbelos igual en todos los "
                    "idiomas, sin traducirlos"))
        strings.texts[str(key)] = kept
    return strings


def _show(names: set[str]) -> str:
    return ", ".join("{" + name + "}" for name in sorted(names)) or "ninguno"


def global_script(name: str, value: dict) -> str:
    """A script file that gives the page's scripts ``value`` as ``window[name]`` (words in one language)."""
    return f"window.{name}={json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(',', ':'))};\n"
