"""Old addresses that must keep working: ``data/redirects.yml`` and the pages already published.

Printed handouts carry QR codes and merchants keep links, so a page that is renamed
or moved must still answer at its old address. Editors write one line per move in
``data/redirects.yml``::

    acerca.md: sobre-el-curso.md      # the old page (as the menu named it) → the new one

and the site publishes, in every language, a small page at the old address that
sends the reader to the new one (``hooks/redirects.py``). mkdocs-redirects does the
same for single-language sites but cannot follow mkdocs-static-i18n's ``page.es.md`` /
``page.en.md`` files, so this is ours.

:func:`published_pages` asks git which pages the published branch has, so a rule can
tell the editor who removes or renames one to add its line here.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem
from .reading import LineMap, load_yaml, repeated_key_problems

FILE_NAME = "redirects.yml"
FILE = f"data/{FILE_NAME}"
PUBLISHED_REFS = ("origin/main", "main")  # the branch GitHub Pages publishes, as this clone knows it
_PAGE = re.compile(r"^(?P<key>[a-z0-9][a-z0-9_/.-]*?)\.md$")
_LANGUAGE = re.compile(r"\.[a-z]{2}\.md$")


@dataclass
class Redirects:
    moves: dict[str, str] = field(default_factory=dict)  # old page key → new page key
    lines: LineMap = field(default_factory=LineMap)
    problems: list[Problem] = field(default_factory=list)


def read_redirects(text: str | None, problems: list[Problem]) -> Redirects:
    redirects = Redirects(problems=list(problems))
    if text is None:
        return redirects
    data, lines, found = load_yaml(text, FILE)
    redirects.lines = lines
    redirects.problems += found + repeated_key_problems(lines, FILE)
    if found or data is None:
        return redirects
    if not isinstance(data, dict):
        redirects.problems.append(Problem(FILE, 1, "el archivo debe tener una línea por página movida, "
                                                   "«pagina-antigua.md: pagina-nueva.md»",
                                          "escribe así cada línea:  acerca.md: sobre-el-curso.md"))
        return redirects
    for old, new in data.items():
        line = lines.line_of((old,))
        pair = [str(old), str(new)]
        if not all(isinstance(value, str) and _PAGE.match(value) and not _LANGUAGE.search(value)
                   for value in (old, new)):
            redirects.problems.append(Problem(FILE, line, f"la línea «{': '.join(pair)}» no es «pagina-antigua.md: "
                                                          "pagina-nueva.md»",
                                              "escribe el nombre de los dos archivos sin .es ni .en y sin docs/, "
                                              "por ejemplo  acerca.md: sobre-el-curso.md"))
            continue
        redirects.moves[old[:-3]] = new[:-3]
    return redirects


def published_pages(root: Path) -> set[str] | None:
    """The page keys the published branch has in docs/, or None where git cannot tell (no repository)."""
    for ref in PUBLISHED_REFS:
        try:
            result = subprocess.run(["git", "ls-tree", "-r", "--name-only", ref, "--", "docs"], cwd=root,
                                    capture_output=True, text=True, timeout=10, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
        if result.returncode == 0:
            names = [line.removeprefix("docs/") for line in result.stdout.splitlines() if line.endswith(".md")]
            return {_LANGUAGE.sub("", name).removesuffix(".md") for name in names}
    return None
