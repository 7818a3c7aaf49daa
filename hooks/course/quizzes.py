"""Quizzes (mkdocs-quiz): read and check ``<quiz>`` blocks, build the self-assessment, tidy the HTML.

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
right answers in the same positions (``check_translation``): the self-assessment
and the browser's saved answers rely on it.

The marker ``<!-- self-assessment -->`` goes on the self-assessment page only,
once; the hook replaces it with the first questions of every module
(``self_assessment_markdown``). The plugin's own ``<!-- mkdocs-quiz … -->`` markers
are not used on this site.

``tidy_quiz_page`` fixes the plugin's HTML: its ``<style>`` (not allowed in the
body; the same CSS is linked in ``<head>``), its inline ``<script type=… defer>``
tags, and its progress sidebar (hidden on this site), which carries an
``aria-label`` on a plain ``div``.

Lines are counted from 1, as an editor sees them; anything inside fenced code
(```` ``` ```` or ``~~~``) is an example and is left alone.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .language import page_key
from .problems import Problem

QUIZ_OPEN, QUIZ_CLOSE = "<quiz>", "</quiz>"
SELF_ASSESSMENT_MARKER = "<!-- self-assessment -->"
SELF_ASSESSMENT_PAGE = "autoevaluacion"  # page_key of docs/autoevaluacion.es.md and .en.md
SELF_ASSESSMENT_PER_MODULE = 2  # the first questions of each module, in menu order
PLUGIN_MARKERS = ("<!-- mkdocs-quiz results -->", "<!-- mkdocs-quiz intro -->")

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
_FENCE = re.compile(r"^ *(?P<fence>`{3,}|~{3,})")
_ANSWER = re.compile(r"^- \[(?P<mark>[ xX])\] +(?P<text>\S.*?) *$")
_EMPTY_ANSWER = re.compile(r"^- \[[ xX]\] *$")
_ANSWER_LIKE = re.compile(r"^ *[-*+] *\[[^\]]{0,3}\](?![(\[:])")  # a checkbox, not a link
_FEEDBACK = re.compile(r"^ *> ?(?P<text>.*)$")
_FILL_BLANK = re.compile(r"\[\[[^\]]+\]\]")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?: |$)")
_QUIZ_ANCHOR = re.compile(r"^#{2,6} .*\{[^}]*#quiz(?![\w-])[^}]*\} *$")
_INLINE_LINK = re.compile(r"(?P<head>!?\[[^\]\n]*\]\()(?P<target>[^)\s]+)(?P<tail>[^)\n]*\))")
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|//)", re.IGNORECASE)
_PLUGIN_SCRIPT = re.compile(r'<script type="text/javascript"(?: defer)?>')
_PLUGIN_SIDEBAR = re.compile(
    r'<div id="quiz-progress-sidebar".*?<!-- mkdocs-quiz progress sidebar \(mobile\) -->.*?</nav>', re.DOTALL)
_ORDINALS = ("primera", "segunda", "tercera", "cuarta", "quinta", "sexta", "séptima", "octava", "novena", "décima")


@dataclass(frozen=True)
class Answer:
    """One answer a reader can pick."""

    text: str
    correct: bool
    line: int
    feedback: tuple[str, ...] = ()  # the "> …" lines right under it, without the "> "


@dataclass(frozen=True)
class Quiz:
    """One ``<quiz>`` block."""

    file: str  # "docs/modulos/sms.es.md", as error messages show it
    line: int  # the line of "<quiz>"
    question: tuple[str, ...]
    answers: tuple[Answer, ...]
    explanation: tuple[str, ...]
    valid: bool = True  # False when parse_page found a problem in it

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


@dataclass(frozen=True)
class QuizPage:
    """The quizzes, anchors and markers found in one Markdown file."""

    file: str
    quizzes: tuple[Quiz, ...]
    has_quiz_anchor: bool  # a heading ending in { #quiz }
    marker_lines: tuple[int, ...]  # lines holding <!-- self-assessment -->

    @property
    def valid_quizzes(self) -> tuple[Quiz, ...]:
        return tuple(quiz for quiz in self.quizzes if quiz.valid)


@dataclass(frozen=True)
class ModuleQuizzes:
    """A module as the self-assessment shows it."""

    src_uri: str  # "modulos/sms.es.md"
    page_id: str  # "sms": the anchor of its section on the self-assessment page
    title: str
    quizzes: tuple[Quiz, ...]


def preview(text: str, length: int = 50) -> str:
    """The start of a question, to name it in a message."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length + 1].rsplit(" ", 1)[0].rstrip(" ,.;:") + "…"


def _lines_outside_code(text: str) -> Iterator[tuple[int, str, bool]]:
    """Every line as ``(number, line, in_code)``; fence lines count as code."""
    fence = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group("fence")
            yield number, line, True
        elif fence is not None:
            if match and match.group("fence")[0] == fence[0] and len(match.group("fence")) >= len(fence) \
                    and not line.strip().strip(fence[0]):
                fence = None
            yield number, line, True
        else:
            yield number, line, False


def contains_quiz(markdown: str) -> bool:
    """Whether a page has a ``<quiz>`` line outside fenced code."""
    return any(not code and line.strip() == QUIZ_OPEN for _, line, code in _lines_outside_code(markdown))


def parse_page(text: str, file: str) -> tuple[QuizPage, list[Problem]]:
    """Find and check every quiz, the ``{ #quiz }`` heading and the markers in one file."""
    quizzes: list[Quiz] = []
    problems: list[Problem] = []
    markers: list[int] = []
    has_anchor = False
    opened: int | None = None
    indent = 0
    body: list[tuple[int, str, bool]] = []
    for number, line, code in _lines_outside_code(text):
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
                quiz, found = read_quiz(file, opened, body)
                quizzes.append(quiz)
                problems += found
                opened = None
        elif QUIZ_OPEN in line or QUIZ_CLOSE in line:
            tag = QUIZ_OPEN if QUIZ_OPEN in line else QUIZ_CLOSE
            problems.append(Problem(file, number, f"{tag} comparte la línea con otro texto",
                                    f"deja {tag} solo en su línea"))
        elif opened is not None:
            body.append((number, line[indent:] if not line[:indent].strip() else line.lstrip(), False))
        else:
            if stripped == SELF_ASSESSMENT_MARKER:
                markers.append(number)
            elif stripped in PLUGIN_MARKERS:
                problems.append(Problem(
                    file, number, f"el marcador {stripped} no se usa en este curso",
                    "bórralo: cada pregunta ya guarda la respuesta y la página de autoevaluación muestra la puntuación"))
            has_anchor = has_anchor or bool(_QUIZ_ANCHOR.match(line))
    if opened is not None:
        problems.append(_unclosed(file, opened))
    problems.sort(key=lambda problem: problem.line or 0)
    return QuizPage(file, tuple(quizzes), has_anchor, tuple(markers)), problems


def _unclosed(file: str, line: int) -> Problem:
    return Problem(file, line, "esta pregunta no tiene cierre </quiz>",
                   "añade una línea con solo </quiz> después de la explicación")


def read_quiz(file: str, line: int, body: list[tuple[int, str, bool]]) -> tuple[Quiz, list[Problem]]:
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
        return Quiz(file, line, (), (), (), valid=False), problems

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
            count = "ninguna respuesta" if not answers else "solo una respuesta"
            report(line, f"{named} tiene {count} y necesita al menos dos",
                   f"añade respuestas debajo de la pregunta: {_EXAMPLE_ANSWERS}")
        elif not any(answer.correct for answer in answers):
            report(line, f"{named} no tiene ninguna respuesta marcada como correcta",
                   "marca la respuesta correcta con una x entre los corchetes: «- [x] …»")
    if answers and not any(text.strip() for text in explanation):
        report(line, f"{named} no tiene explicación",
               "después de la última respuesta deja una línea en blanco y explica en una o dos frases "
               "por qué la respuesta correcta lo es")
    return Quiz(file, line, tuple(question), tuple(answers), tuple(explanation), valid=not problems), problems


def _ordinal(number: int) -> str:
    return _ORDINALS[number - 1] if number <= len(_ORDINALS) else f"{number}.ª"


def _positions(numbers: Iterable[int]) -> str:
    words = [_ordinal(number) for number in numbers]
    return "la " + words[0] if len(words) == 1 else "la " + ", la ".join(words[:-1]) + " y la " + words[-1]


def check_translation(first: QuizPage, second: QuizPage) -> list[Problem]:
    """Both versions of a page have the same questions, of the same kind, right answers in the same places."""
    if len(first.quizzes) != len(second.quizzes):
        here = ", ".join(str(quiz.line) for quiz in first.quizzes) or "ninguna"
        there = ", ".join(str(quiz.line) for quiz in second.quizzes) or "ninguna"
        line = first.quizzes[0].line if first.quizzes else None
        return [Problem(first.file, line,
                        f"esta página tiene {len(first.quizzes)} pregunta(s) (líneas: {here}) y su traducción "
                        f"{second.file} tiene {len(second.quizzes)} (líneas: {there})",
                        "las dos versiones deben tener las mismas preguntas, en el mismo orden: "
                        "añade la que falta o borra la que sobra")]
    problems = []
    for number, (one, other) in enumerate(zip(first.quizzes, second.quizzes), start=1):
        if not (one.valid and other.valid):
            continue
        where = f"{other.file}:{other.line}"
        named = f"la pregunta {number} («{one.preview}»)"
        if len(one.answers) != len(other.answers):
            problems.append(Problem(
                first.file, one.line,
                f"{named} tiene {len(one.answers)} respuestas aquí y {len(other.answers)} en {where}",
                "las dos versiones deben tener las mismas respuestas, en el mismo orden"))
        elif one.multiple != other.multiple:
            kinds = {False: "una sola respuesta correcta", True: "varias respuestas correctas"}
            problems.append(Problem(
                first.file, one.line,
                f"{named} tiene {kinds[one.multiple]} aquí y {kinds[other.multiple]} en {where}",
                "marca con [x] las mismas respuestas en las dos versiones"))
        elif one.correct_positions != other.correct_positions:
            problems.append(Problem(
                first.file, one.line,
                f"{named} no tiene las respuestas correctas en el mismo sitio: aquí es "
                f"{_positions(one.correct_positions)}; en {where}, {_positions(other.correct_positions)}",
                "las respuestas van en el mismo orden en las dos versiones: marca con [x] las mismas posiciones"))
    return problems


def check_markers(page: QuizPage, *, is_self_assessment: bool) -> list[Problem]:
    """The self-assessment marker is on the self-assessment page, once, and nowhere else."""
    example = f"escribe {SELF_ASSESSMENT_MARKER} en su propia línea, donde deban aparecer las preguntas"
    if not is_self_assessment:
        return [Problem(page.file, line, f"el marcador {SELF_ASSESSMENT_MARKER} solo puede ir en la página de "
                                         "autoevaluación (docs/autoevaluacion.es.md y docs/autoevaluacion.en.md)",
                        "bórralo de esta página") for line in page.marker_lines]
    if not page.marker_lines:
        return [Problem(page.file, 1, f"falta el marcador {SELF_ASSESSMENT_MARKER} en la página de autoevaluación",
                        example)]
    return [Problem(page.file, line, f"el marcador {SELF_ASSESSMENT_MARKER} está repetido (ya está en la línea "
                                     f"{page.marker_lines[0]})", "deja solo uno")
            for line in page.marker_lines[1:]]


def check_module(page: QuizPage) -> list[Problem]:
    """A module gives the self-assessment its first questions and a section to link back to."""
    if not page.quizzes:
        return [Problem(page.file, 1, "este módulo no tiene preguntas (<quiz>) y la autoevaluación toma "
                                      f"las {SELF_ASSESSMENT_PER_MODULE} primeras de cada módulo",
                        "añade al menos una pregunta bajo el título «## Pon a prueba lo aprendido { #quiz }»")]
    if not page.has_quiz_anchor:
        return [Problem(page.file, page.quizzes[0].line,
                        "las preguntas de este módulo no están bajo un título que acabe en { #quiz }, "
                        "y la autoevaluación enlaza a esa sección",
                        "pon las preguntas bajo un título así: ## Pon a prueba lo aprendido { #quiz }")]
    return []


def rebase_links(markdown: str, from_uri: str, to_uri: str) -> str:
    """Rewrite a Markdown text's relative links, written for ``from_uri``, to work from ``to_uri``."""
    from_dir, to_dir = posixpath.dirname(from_uri), posixpath.dirname(to_uri)

    def rebase(match: re.Match[str]) -> str:
        target = match.group("target")
        if _EXTERNAL.match(target):
            return match.group(0)
        path, hash_, anchor = target.partition("#")
        path = posixpath.normpath(posixpath.join(from_dir, path)) if path else from_uri
        return f"{match.group('head')}{posixpath.relpath(path, to_dir or '.')}{hash_}{anchor}{match.group('tail')}"

    return _INLINE_LINK.sub(rebase, markdown)


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
    return rebase_links("\n".join(lines), from_uri, to_uri)


def pick_questions(quizzes: Iterable[Quiz], count: int = SELF_ASSESSMENT_PER_MODULE) -> tuple[Quiz, ...]:
    """The questions a module gives the self-assessment: its first ones."""
    return tuple(quizzes)[:count]


def self_assessment_markdown(modules: list[ModuleQuizzes], page_uri: str,
                             review_link: Callable[[ModuleQuizzes], str]) -> str:
    """A section per module, in menu order, with its first questions; each explanation links back to the module."""
    parts = []
    for module in modules:
        parts.append(f"## {module.title} {{ #{module.page_id} }}")
        for quiz in pick_questions(module.quizzes):
            parts.append(quiz_markdown(quiz, from_uri=f"{page_key(module.src_uri)}.md", to_uri=page_uri,
                                       after=review_link(module)))
    return "\n\n".join(parts)


def replace_marker(markdown: str, marker: str, content: str) -> str:
    """Put ``content`` in place of the line that holds only ``marker`` (outside fenced code)."""
    lines = markdown.splitlines()
    for number, line, code in _lines_outside_code(markdown):
        if not code and line.strip() == marker:
            lines[number - 1] = f"\n{content}\n"
            break
    return "\n".join(lines) + "\n"


def check_plugin_options(options: dict[str, object] | None) -> list[Problem]:
    """mkdocs.yml configures mkdocs_quiz as the hooks and templates expect."""
    if options is None:
        return [Problem("mkdocs.yml", None, "falta el plugin mkdocs_quiz en 'plugins:'",
                        "añade  - mkdocs_quiz:  después de i18n, con las opciones que explica hooks/quizzes.py")]
    return [Problem("mkdocs.yml", None, f"la opción '{key}' de mkdocs_quiz debe ser {str(value).lower()}: {why}",
                    f"escribe  {key}: {str(value).lower()}  en la sección mkdocs_quiz de plugins")
            for key, (value, why) in REQUIRED_PLUGIN_OPTIONS.items() if options.get(key) != value]


def tidy_quiz_page(html: str, *, plugin_style: str, plugin_script: str = "", script_url: str = "") -> str:
    """Make the plugin's markup valid and accessible on a page with quizzes.

    - drops its inline ``<style>`` (``plugin_style``, exactly as the plugin adds it):
      ``overrides/main.html`` links the same CSS in ``<head>``;
    - with ``script_url``, its inline 44 KB script (``plugin_script``) becomes a link to
      the same code served as a file, which the browser caches across module pages;
    - ``<script type="text/javascript" defer>`` (inline) → ``<script>``: ``defer``
      is only allowed with ``src`` and the type is the default;
    - drops the progress sidebar (desktop and phone), which the site does not show.
    """
    html = html.replace(plugin_style, "")
    if plugin_script and script_url:
        # Not deferred: the plugin's code expects to run where it stood, while the page is parsed.
        html = html.replace(plugin_script, f'<script src="{script_url}"></script>')
    html = _PLUGIN_SCRIPT.sub("<script>", html)
    return _PLUGIN_SIDEBAR.sub("", html)


_QUIZ_CONTAINER = re.compile(r'<div class="quiz"(?![^>]*data-search-exclude)')


def exclude_quizzes_from_search(html: str) -> str:
    """Keep quiz questions and answers out of site search (Material honours ``data-search-exclude``)."""
    return _QUIZ_CONTAINER.sub('<div class="quiz" data-search-exclude', html)
