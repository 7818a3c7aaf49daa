"""The association's own details (``data/association.yml``), written into pages as ``{{ asociacion.correo }}``.

The legal notice, the privacy policy and the accessibility statement name the same
details (LSSI art. 10): one data file holds them, and pages write a field where it
goes. A value that still starts with ``PENDIENTE`` is shown as pending: previews
work, but ``make publish-check`` (run by the deploy job) stops the site from being
published until every value is filled in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .problems import Problem
from .reading import LineMap, load_yaml, repeated_key_problems

FILE_NAME = "association.yml"
FILE = f"data/{FILE_NAME}"
PENDING = "PENDIENTE"
# The field an editor writes in a page → the key in the data file, and what it must look like.
FIELDS = {
    "nombre": ("name", None, "el nombre legal completo, como en sus estatutos"),
    "nif": ("nif", re.compile(r"^[A-Z]\d{7}[0-9A-J]$"), "una letra, siete cifras y una cifra o letra, sin espacios: G33000000"),
    "domicilio": ("address", None, "la vía, el número y el código postal"),
    "ciudad": ("city", None, "la ciudad y la provincia"),
    "correo": ("email", re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$"), "una dirección de correo, como info@ejemplo.es"),
    "telefono": ("phone", re.compile(r"^\+?[\d ]{9,15}$"), "solo cifras y espacios, como 985 000 000"),
    "registro": ("register", None, "el registro y el número de inscripción"),
}
TOKEN = re.compile(r"\{\{\s*asociacion\.(?P<field>[a-z_]+)\s*\}\}")
ANY_TOKEN = re.compile(r"\{\{[^{}\n]*\}\}")


@dataclass
class Association:
    values: dict[str, str] = field(default_factory=dict)  # by data-file key ("email")
    lines: LineMap = field(default_factory=LineMap)
    problems: list[Problem] = field(default_factory=list)
    present: bool = False

    def value(self, written: str) -> str:
        return self.values.get(FIELDS[written][0], "")

    def pending(self) -> list[tuple[str, int]]:
        """``(key, line)`` of each value not filled in yet."""
        return [(key, self.lines.line_of((key,))) for key, _, _ in FIELDS.values()
                if self.values.get(key, PENDING).strip().upper().startswith(PENDING)]


def read_association(text: str | None, problems: list[Problem]) -> Association:
    association = Association(problems=list(problems), present=text is not None)
    if text is None:
        return association
    data, lines, found = load_yaml(text, FILE)
    association.lines = lines
    association.problems += found + repeated_key_problems(lines, FILE)
    if found:
        return association
    if not isinstance(data, dict):
        association.problems.append(Problem(FILE, 1, "el archivo debe tener una línea por dato, «nombre: \"…\"»",
                                            "copia el formato del archivo original y cambia solo los textos"))
        return association
    for written, (key, pattern, looks) in FIELDS.items():
        value = data.get(key)
        line = lines.line_of((key,))
        if value is None:
            association.problems.append(Problem(FILE, None, f"falta el dato '{key}' de la asociación",
                                                f"añade la línea  {key}: \"…\"  con {looks}"))
            continue
        if not isinstance(value, str) or not value.strip():
            association.problems.append(Problem(FILE, line, f"el dato '{key}' está vacío",
                                                f"escribe entre las comillas {looks}, o PENDIENTE si aún no lo sabes"))
            continue
        value = value.strip()
        association.values[key] = value
        if pattern and not value.upper().startswith(PENDING) and not pattern.match(value):
            association.problems.append(Problem(FILE, line, f"el dato '{key}' («{value}») no parece correcto",
                                                f"escribe {looks}"))
    for key in data:
        if key not in {key for key, _, _ in FIELDS.values()}:
            association.problems.append(Problem(FILE, lines.line_of((key,)), f"el dato '{key}' no se usa en el sitio",
                                                "bórralo, o corrige su nombre: " + ", ".join(
                                                    key for key, _, _ in FIELDS.values())))
    return association


def fill(line: str, association: Association, pending_text: str) -> str:
    """A page line with each ``{{ asociacion.campo }}`` replaced by the association's value."""
    def value(match: re.Match[str]) -> str:
        text = association.value(match.group("field"))
        return pending_text if text.upper().startswith(PENDING) else text
    return TOKEN.sub(value, line)


def publish_problems(association: Association) -> list[Problem]:
    """What stops the site from being published: details still pending (a website without them breaks LSSI art. 10)."""
    return [Problem(FILE, line, f"el dato '{key}' de la asociación todavía dice PENDIENTE, y la ley (LSSI, art. 10) "
                                "pide que la web lo muestre",
                    f"escribe el dato real en {FILE}, entre las comillas; hasta entonces la web no se publica")
            for key, line in association.pending()]
