"""Rules about time: a module's duration fits what it holds (``course.timing``)."""

from __future__ import annotations

from ..model import Course
from ..problems import Problem
from ..timing import PRESENTING_WORDS_PER_MINUTE, SLACK_MINUTES, module_time


def _parts(time) -> str:
    lines = [str(line) for line, _ in time.activities]
    notes = ("sin notas" if not lines else f"la nota de la línea {lines[0]}" if len(lines) == 1 else
             "las notas de las líneas " + ", ".join(lines[:-1]) + " y " + lines[-1])
    questions = "1 pregunta" if time.questions == 1 else f"{time.questions} preguntas"
    return (f"actividades {time.activity_minutes} min ({notes}), presentar el texto "
            f"{round(time.words / PRESENTING_WORDS_PER_MINUTE)} min ({time.words} palabras a "
            f"{PRESENTING_WORDS_PER_MINUTE} por minuto) y {questions} (un minuto cada una)")


def _timed_modules(course: Course):
    for page in course.modules(course.default):
        duration = page.front.data.get("duration")
        if not page.readable or not isinstance(duration, int) or isinstance(duration, bool):
            continue  # reported by the front matter rules
        if any(note.minutes is None for note in page.notes):
            continue  # a note without its minutes is reported by the block rules: the sum is not known yet
        yield page, duration, module_time(page)


def module_timing(course: Course) -> list[Problem]:
    """A module's ``duration`` is at least the time of its parts in class: a session plan built on it holds."""
    problems = []
    for page, duration, time in _timed_modules(course):
        needed = time.minutes
        if duration < needed:
            problems.append(Problem(
                page.file, page.front.line_of("duration"),
                f"el módulo dice que dura {duration} minutos, pero en clase sus partes suman {needed}: {_parts(time)}",
                f"pon  duration: {needed}  (en las dos versiones), o acorta el texto o las actividades"))
    return problems


def generous_durations(course: Course) -> list[Problem]:
    """A warning: a module says it lasts far longer than its parts (an activity left without its minutes?)."""
    warnings = []
    for page, duration, time in _timed_modules(course):
        if duration > time.minutes + SLACK_MINUTES:
            warnings.append(Problem(
                page.file, page.front.line_of("duration"),
                f"el módulo dice que dura {duration} minutos, pero en clase sus partes suman solo {time.minutes}: "
                f"{_parts(time)}",
                f"pon una duración entre {time.minutes} y {time.minutes + SLACK_MINUTES} minutos (en las dos versiones), "
                "o escribe en la nota para formadores los minutos de la actividad que falta"))
    return warnings
