"""Trainer notes: read and check ``!!! trainer`` blocks.

How an editor writes one, at the start of a line::

    !!! trainer "Para quien imparte: 5 minutos"
        Pregunta a la sala quién envía hoy SMS a sus clientes y para qué.

The title says who it is for and how long the activity takes (the minutes count in
the module's timing); the body, indented by 4 spaces, is ordinary Markdown. Readers
never see a note: it is left out of the page, of search and of print, and shown in
the presenter window and on the trainers' pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .blocks import Kind, body_lines, header_problems
from .markdown import Block
from .problems import Problem

KIND = Kind("trainer", "la nota para formadores", '!!! trainer "Para quien imparte: 5 minutos"',
            "las notas no se pliegan", "para quién es y cuánto dura la actividad")
_MINUTES = re.compile(r"(?P<minutes>\d+)\s*(?:minutos?|minutes?|min)\b", re.IGNORECASE)


@dataclass(frozen=True)
class TrainerNote:
    """One ``!!! trainer`` block."""

    title: str
    body: str  # the body's Markdown, without its 4-space indent
    line: int  # the "!!! trainer" line
    end: int  # its last line

    @property
    def minutes(self) -> int | None:
        """The activity's length, from its title ("…: 10 minutos")."""
        match = _MINUTES.search(self.title)
        return int(match.group("minutes")) if match else None


def parse_note(block: Block, lines: list[str], file: str) -> tuple[TrainerNote, list[Problem]]:
    """One trainer note and what is wrong with it."""
    problems = header_problems(block, KIND, file, top_level=True)
    body = [text for _, text in body_lines(block, lines)]
    note = TrainerNote(block.title or "", "\n".join(body).strip("\n"), block.line, block.end)
    if not note.body.strip():
        name = f"«{note.title}» " if note.title else ""
        problems.append(Problem(file, block.line, f"la nota para formadores {name}está vacía",
                                "escribe debajo lo que debe hacer quien imparte, con 4 espacios delante de cada línea"))
    elif note.title and note.minutes is None:
        problems.append(Problem(file, block.line, f"el título de la nota para formadores («{note.title}») no dice "
                                                  "cuántos minutos dura la actividad",
                                f"termina el título con los minutos, así: {KIND.example}  (cuentan en la duración "
                                "del módulo y en el plan de sesión)"))
    return note, problems


def _count(number: int) -> str:
    return f"{number} nota" if number == 1 else f"{number} notas"


def translation_problems(first: tuple[str, list[TrainerNote]], second: tuple[str, list[TrainerNote]]) -> list[Problem]:
    """Both languages of a page have as many notes, each as long; reported in the second one."""
    (first_file, theirs), (second_file, mine) = first, second
    if len(mine) != len(theirs):
        line = mine[len(theirs)].line if len(mine) > len(theirs) else (mine[-1].line if mine else 1)
        return [Problem(second_file, line,
                        f"esta página tiene {_count(len(mine))} para formadores y la otra versión, {first_file}, "
                        f"tiene {len(theirs)}",
                        "las dos versiones deben tener las mismas notas, en el mismo orden: "
                        "traduce la que falta o borra la que sobra")]
    return [Problem(second_file, note.line,
                    f"la nota para formadores «{note.title}» dura {note.minutes} minutos y en {first_file}:{other.line} "
                    f"dura {other.minutes}",
                    "pon los mismos minutos en las dos versiones de la nota")
            for other, note in zip(theirs, mine)
            if note.minutes is not None and other.minutes is not None and note.minutes != other.minutes]
