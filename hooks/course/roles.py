"""Page roles, declared once: which pages are modules, and which page shows what the site gathers.

A page's role comes from where it is or from the marker it holds, never from its
file name: the page that holds ``<!-- checklist-progress -->`` *is* "Mi progreso",
whatever it is called. Every hook, template and rule asks this module.

To give the site a new generated page: add a :class:`Role` here with its marker,
render its content in a hook (see ``hooks/page_layout.py``), and say in
``CONTRIBUTING.md`` what the marker does.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

MODULES_FOLDER = "modulos/"  # every page in docs/modulos/ is a course module


@dataclass(frozen=True)
class Role:
    """A page the site fills in: its marker, and how editors call it in messages."""

    name: str  # "progress"
    marker: str  # "<!-- checklist-progress -->"
    page_name: str  # what the page shows, for messages: "el glosario", "«Mi progreso»"
    # Pages that gather what the modules say (their titles, checklist items, notes) would come right
    # after the module for every word a merchant types: search ranks them after the course
    # (BELOW_THE_COURSE, unless the page's front matter sets ``search:`` itself; hooks/search_i18n.py).
    gathers_modules: bool = False


BELOW_THE_COURSE = 0.0001  # a search boost: after every page of the course that has the words searched

ROLES = (
    Role("module-list", "<!-- modules -->", "la lista de módulos"),
    Role("progress", "<!-- checklist-progress -->", "«Mi progreso»", gathers_modules=True),
    Role("self-assessment", "<!-- self-assessment -->", "la autoevaluación", gathers_modules=True),
    Role("trainer-notes", "<!-- trainer-notes -->", "las notas para formadores", gathers_modules=True),
    Role("session-plan", "<!-- session-plan -->", "el plan de sesión", gathers_modules=True),
    Role("tool-directory", "<!-- tool-directory -->", "el directorio de herramientas"),
    Role("glossary", "<!-- glossary -->", "el glosario"),
)
BY_MARKER = {role.marker: role for role in ROLES}
BY_NAME = {role.name: role for role in ROLES}
# mkdocs-quiz's own markers: this site shows the score on the self-assessment page instead.
PLUGIN_MARKERS = ("<!-- mkdocs-quiz results -->", "<!-- mkdocs-quiz intro -->")
_MARKER_LIKE = re.compile(r"^[A-Za-z][\w]*(?:[-_ ][\w]+){0,2}$")


def is_module(src_uri: str) -> bool:
    return src_uri.startswith(MODULES_FOLDER)


def looks_like_marker(inner: str) -> bool:
    """A comment of one to three bare words (``tool directory``, ``glosario``): meant as a marker.

    Longer comments, or ones with punctuation, are notes between editors and are left alone.
    """
    return bool(_MARKER_LIKE.match(inner.strip()))


def closest_marker(inner: str) -> str | None:
    """The known marker an editor most likely meant."""
    names = {role.marker[4:-3].strip(): role.marker for role in ROLES}
    matches = difflib.get_close_matches(inner.strip().lower().replace("_", "-").replace(" ", "-"), list(names),
                                        n=1, cutoff=0.5)
    return names[matches[0]] if matches else None
