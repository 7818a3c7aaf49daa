"""Quizzes (mkdocs-quiz): read and check ``<quiz>`` blocks.

How an editor writes a question, under a module's ``## … { #quiz }`` heading::

    <quiz>
    ¿Qué necesitas para enviar una oferta por SMS a alguien que nunca te ha comprado?
    - [ ] Nada, si el mensaje es corto.
    - [x] Su permiso expreso antes del envío.
    - [ ] Solo poner la palabra «BAJA» al final.

    Sin compra previa necesitas que la persona acepte antes recibir tus ofertas.
    </quiz>

The question, then at least two answers (``- [x]`` right, ``- [ ]`` wrong; a ``> …``
line right under an answer is that answer's own comment), a blank line and the
explanation. One ``[x]``: the reader picks one answer; several: "mark all that
apply". Fill-in-the-blank questions (``[[answer]]``) are refused: the plugin marks
"Paris" wrong for "París" and accepts no other wording, which fails readers who
know the answer.

Both versions of a page must have the same questions, of the same kind, with the
right answers in the same positions (:func:`translation_problems`): the
self-assessment and the answers kept in the browser rely on it. Each question has
an id made from its default-language text (:attr:`Quiz.id`), as checklist items do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .checklists import item_id
from .links import rebase
from .markdown import Scan
from .problems import Problem

QUIZ_OPEN, QUIZ_CLOSE = "<quiz>", "</quiz>"

# What the site needs from mkdocs_quiz's settings in mkdocs.yml, and why.
REQUIRED_PLUGIN_OPTIONS = {
    "enabled_by_default": (False, "las páginas sin preguntas no deben cargar el CSS ni el JavaScript del plugin"),
    "confetti": (False, "el confeti dibuja un <canvas> fuera de las zonas de la página y no enseña nada"),
    "show_progress": (False, "la barra lateral de progreso del plugin no es accesible; la quitamos"),
    "auto_number": (False, "los títulos «Pregunta N» (h4) rompen el orden de los títulos"),
    "auto_submit": (False, "con el teclado, cada flecha elegiría y enviaría otra respuesta"),
    "shuffle_answers": (False, "las explicaciones y la traducción cuentan con el orden de las respuestas"),
}

_EXAMPLE_ANSWERS = "«- [x] Respuesta correcta» y «- [ ] Respuesta incorrecta»"
_ANSWER = re.compile(r"^- \[(?P<mark>[ xX])\] +(?P<text>\S.*?) *$")
_EMPTY_ANSWER = re.compile(r"^- \[[ xX]\] *$")
_ANSWER_LIKE = re.compile(r"^ *[-*+] *\[[^\]]{0,3}\](?![(\[:])")  # a checkbox, not a link
_FEEDBACK = re.compile(r"^ *> ?(?P<text>.*)$")
_FILL_BLANK = re.compile(r"\[\[[^\]]+\]\]")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?: |$)")
_ORDINALS = ("primera", "segunda", "tercera", "cuarta", "quinta", "sexta", "séptima", "octava", "novena", "décima")


@dataclass(frozen=True)
class Answer:
    """One answer a reader can pick."""

    text: str
    correct: bool
    line: int
    feedback: tuple[str, ...] = ()  # the "> …" lines right under it, without the "> "


@dataclass
class Quiz:
    """One ``<quiz>`` block."""

    file: str  # "docs/modulos/sms.es.md", as error messages show it
    line: int  # the line of "<quiz>"
    end: int  # the line of "</quiz>"
    question: tuple[str, ...]
    answers: tuple[Answer, ...]
    explanation: tuple[str, ...]
    valid: bool = True  # False when the block has a problem
    id: str = ""  # "sms/q-1f3a…": set by the course model from the default language's question

    @property
    def multiple(self) -> bool:
        """Several right answers: checkboxes and "mark all that apply"."""
        return sum(answer.correct for answer in self.answers) > 1

    @property
    def correct_positions(self) -> tuple[int, ...]:
        return tuple(number for number, answer in enumerate(self.answers, start=1) if answer.correct)

    @property
    def preview(self) -> str:
        return preview(" ".join(self.question))


def preview(text: str, length: int = 50) -> str:
    """The start of a question, to name it in a message."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length + 1].rsplit(" ", 1)[0].rstrip(" ,.;:") + "…"


def question_id(page_id: str, question: Iterable[str]) -> str:
    """The id a question's answer is kept under (like a checklist item's)."""
    return item_id(page_id, " ".join(question)).replace("/", "/q-", 1)


def parse_quizzes(lines: list[str], scan: Scan, file: str, first_line: int = 1) -> tuple[list[Quiz], list[Problem]]:
    """Every ``<quiz>`` block of a page (lines outside code only) and what is wrong with each."""
    quizzes: list[Quiz] = []
    problems: list[Problem] = []
    opened: int | None = None
    indent = 0
    body: list[tuple[int, str, bool]] = []
    for number in range(first_line, len(lines) + 1):
        line = lines[number - 1]
        code = scan.is_code(number)
        if code:
            if opened is not None:
                body.append((number, line[indent:] if not line[:indent].strip() else line.lstrip(), True))
            continue
        stripped = line.strip()
        if stripped == QUIZ_OPEN:
            if opened is not None:
                problems.append(_unclosed(file, opened))
            opened, indent, body = number, len(line) - len(line.lstrip()), []
        elif stripped == QUIZ_CLOSE:
            if opened is None:
                problems.append(Problem(file, number, "hay un </quiz> sin su <quiz> de apertura",
                                        "escribe <quiz> en la línea anterior a la pregunta, o borra este </quiz>"))
            else:
                quiz, found = read_quiz(file, opened, number, body)
                quizzes.append(quiz)
                problems += found
                opened = None
        elif QUIZ_OPEN in line or QUIZ_CLOSE in line:
            tag = QUIZ_OPEN if QUIZ_OPEN in line else QUIZ_CLOSE
            problems.append(Problem(file, number, f"{tag} comparte la línea con otro texto",
                                    f"deja {tag} solo en su línea"))
        elif opened is not None:
            body.append((number, line[indent:] if not line[:indent].strip() else line.lstrip(), False))
    if opened is not None:
        problems.append(_unclosed(file, opened))
    return quizzes, problems


def _unclosed(file: str, line: int) -> Problem:
    return Problem(file, line, "esta pregunta no tiene cierre </quiz>",
                   "añade una línea con solo </quiz> después de la explicación")


def read_quiz(file: str, line: int, end: int, body: list[tuple[int, str, bool]]) -> tuple[Quiz, list[Problem]]:
    """Split one quiz's lines (``(number, text, in_code)``, dedented) into question, answers and explanation."""
    problems: list[Problem] = []

    def report(at: int, problem: str, fix: str) -> None:
        problems.append(Problem(file, at, problem, fix))

    while body and not body[0][2] and not body[0][1].strip():
        body = body[1:]
    while body and not body[-1][2] and not body[-1][1].strip():
        body = body[:-1]
    first = body[0][1].strip() if body and not body[0][2] and not _ANSWER_LIKE.match(body[0][1]) else ""
    named = f"la pregunta «{preview(first)}»" if first else "esta pregunta"

    if any(_FILL_BLANK.search(text) for _, text, code in body if not code):
        report(line, f"{named} es de rellenar un hueco ([[…]]), y en este curso no las usamos: "
                     "el lector que escribe «Paris» en vez de «París», o la respuesta con otras palabras, "
                     "ve que ha fallado aunque la sepa",
               f"conviértela en una pregunta de opciones: escribe la pregunta y debajo las respuestas, "
               f"{_EXAMPLE_ANSWERS}, y después de una línea en blanco la explicación")
        return Quiz(file, line, end, (), (), (), valid=False), problems

    for number, text, code in body:
        if not code and _HEADING.match(text):
            report(number, "hay un título (#) dentro de una pregunta",
                   "saca el título fuera de <quiz> … </quiz>, o quita las # del principio de la línea")

    question: list[str] = []
    index = 0
    while index < len(body) and (body[index][2] or not _ANSWER_LIKE.match(body[index][1])):
        question.append(body[index][1])
        index += 1
    while question and not question[-1].strip():
        question.pop()
    if not any(text.strip() for text in question):
        report(line, "esta pregunta no tiene enunciado",
               "escribe la pregunta en la línea siguiente a <quiz>, antes de las respuestas")

    answers: list[Answer] = []
    malformed = False
    blank_before = False
    while index < len(body):
        number, text, code = body[index]
        answer = _ANSWER.match(text) if not code else None
        if answer:
            index += 1
            feedback = []
            while index < len(body) and not body[index][2] and _FEEDBACK.match(body[index][1]):
                feedback.append(_FEEDBACK.match(body[index][1]).group("text"))
                index += 1
            answers.append(Answer(answer.group("text"), answer.group("mark") != " ", number, tuple(feedback)))
            blank_before = False
        elif not code and _EMPTY_ANSWER.match(text):
            report(number, "esta respuesta está vacía", "escribe el texto de la respuesta después de los corchetes")
            malformed = True
            index += 1
        elif not code and _ANSWER_LIKE.match(text):
            report(number, f"la respuesta «{preview(text.strip())}» está mal escrita",
                   f"empieza la línea justo así: {_EXAMPLE_ANSWERS} (guion, espacio, corchetes con x o con "
                   "un espacio, espacio y el texto), sin espacios delante")
            malformed = True
            index += 1
        elif not code and not text.strip():
            blank_before = True
            index += 1
        elif not code and _FEEDBACK.match(text) and answers and blank_before:
            report(number, "este comentario (>) está separado de su respuesta por una línea en blanco",
                   "quita la línea en blanco: el comentario de una respuesta va justo debajo de ella")
            malformed = True
            index += 1
        else:
            if answers and not blank_before:
                report(number, "falta una línea en blanco entre la última respuesta y la explicación",
                       "deja una línea vacía después de la última respuesta")
            break

    explanation = [text for _, text, _ in body[index:]]
    for number, text, code in body[index:]:
        if not code and _ANSWER_LIKE.match(text):
            report(number, f"la respuesta «{preview(text.strip())}» está después de la explicación",
                   "pon todas las respuestas juntas, justo debajo de la pregunta, y la explicación al final")
            malformed = True

    seen: dict[str, int] = {}
    for answer in answers:
        if answer.text in seen:
            report(answer.line, f"la respuesta «{preview(answer.text)}» está repetida (ya está en la línea "
                                f"{seen[answer.text]})",
                   "cambia o borra una de las dos: el plugin trata igual dos respuestas con el mismo texto")
        seen.setdefault(answer.text, answer.line)
    if not malformed:
        if len(answers) < 2:
            count = "no tiene ninguna respuesta" if not answers else "tiene solo una respuesta"
            report(line, f"{named} {count} y necesita al menos dos",
                   f"añade respuestas debajo de la pregunta: {_EXAMPLE_ANSWERS}")
        elif not any(answer.correct for answer in answers):
            report(line, f"{named} no tiene ninguna respuesta marcada como correcta",
                   "marca la respuesta correcta con una x entre los corchetes: «- [x] …»")
    if answers and not any(text.strip() for text in explanation):
        report(line, f"{named} no tiene explicación",
               "después de la última respuesta deja una línea en blanco y explica en una o dos frases "
               "por qué la respuesta correcta lo es")
    return Quiz(file, line, end, tuple(question), tuple(answers), tuple(explanation), valid=not problems), problems


def _ordinal(number: int) -> str:
    return _ORDINALS[number - 1] if number <= len(_ORDINALS) else f"{number}.ª"


def _positions(numbers: Iterable[int]) -> str:
    words = [_ordinal(number) for number in numbers]
    return "la " + words[0] if len(words) == 1 else "la " + ", la ".join(words[:-1]) + " y la " + words[-1]


def translation_problems(first_page: tuple[str, list[Quiz]], second_page: tuple[str, list[Quiz]]) -> list[Problem]:
    """Both versions of a page have the same questions, of the same kind, right answers in the same places.

    ``first_page`` and ``second_page`` are ``(file, quizzes)``.
    """
    (first_file, first), (second_file, second) = first_page, second_page
    if len(first) != len(second):
        here = ", ".join(str(quiz.line) for quiz in first) or "ninguna"
        there = ", ".join(str(quiz.line) for quiz in second) or "ninguna"
        line = first[0].line if first else None
        return [Problem(first_file, line,
                        f"esta página tiene {len(first)} pregunta(s) (líneas: {here}) y su traducción "
                        f"{second_file} tiene {len(second)} (líneas: {there})",
                        "las dos versiones deben tener las mismas preguntas, en el mismo orden: "
                        "añade la que falta o borra la que sobra")]
    problems = []
    for number, (one, other) in enumerate(zip(first, second), start=1):
        if not (one.valid and other.valid):
            continue
        where = f"{other.file}:{other.line}"
        named = f"la pregunta {number} («{one.preview}»)"
        if len(one.answers) != len(other.answers):
            problems.append(Problem(
                first_file, one.line,
                f"{named} tiene {len(one.answers)} respuestas aquí y {len(other.answers)} en {where}",
                "las dos versiones deben tener las mismas respuestas, en el mismo orden"))
        elif one.multiple != other.multiple:
            kinds = {False: "una sola respuesta correcta", True: "varias respuestas correctas"}
            problems.append(Problem(
                first_file, one.line,
                f"{named} tiene {kinds[one.multiple]} aquí y {kinds[other.multiple]} en {where}",
                "marca con [x] las mismas respuestas en las dos versiones"))
        elif one.correct_positions != other.correct_positions:
            problems.append(Problem(
                first_file, one.line,
                f"{named} no tiene las respuestas correctas en el mismo sitio: aquí es "
                f"{_positions(one.correct_positions)}; en {where}, {_positions(other.correct_positions)}",
                "las respuestas van en el mismo orden en las dos versiones: marca con [x] las mismas posiciones"))
    return problems




def quiz_markdown(quiz: Quiz, *, from_uri: str, to_uri: str, after: str = "") -> str:
    """A quiz as ``<quiz>`` Markdown again, for another page, with a block added after the explanation."""
    lines = [QUIZ_OPEN, *quiz.question]
    for answer in quiz.answers:
        lines.append(f"- [{'x' if answer.correct else ' '}] {answer.text}")
        lines += [f"> {feedback}" for feedback in answer.feedback]
    lines += ["", *quiz.explanation]
    if after:
        lines += ["", after]
    lines.append(QUIZ_CLOSE)
    return rebase("\n".join(lines), from_uri, to_uri)
