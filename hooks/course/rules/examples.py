"""Rules about what the practice tools and the SMS examples hold.

An SMS example is a fenced block marked ``sms`` (```` ```sms ````). The build shows it with
its real count (``hooks/practice.py``) and checks what the text around it says about it:

- Which text: the paragraph right before the example and the paragraph right after it
  (only blank lines between). A paragraph between two examples is about the first one,
  except its last sentence when that sentence ends with a colon: it introduces the second.
- What is a claim: a number in figures followed by "caracteres"/"characters" is a character
  count ("tiene 77 caracteres"); followed by "en GSM-7"/"in UCS-2" it also claims the
  alphabet ("80 caracteres en GSM-7"). A number in figures or words (un, dos… diez; one,
  a single, two… ten) followed by "SMS", "parte(s)"/"part(s)" or "message(s)" is a number
  of parts ("cabe en un SMS", "se parte en dos SMS").
- What is not: the limits 160, 153, 70 and 67; a number right after "hasta", "más de",
  "menos de", "máximo", "up to", "more than", "less than", "at most"…; "un", "una" or
  "one" starting a sentence ("Un SMS no siempre…"); numbers written in words before
  "caracteres" ("el € cuenta como dos caracteres").
"""

from __future__ import annotations

from .. import sms
from ..model import Course
from ..practice import KINDS as PRACTICE_KINDS
from ..problems import Problem

# The section of its page the crisis triage links to, for each level of its result (the crisis module's):
# green, "Respuestas modelo"; yellow, "Niveles de alerta"; red, "Las primeras horas".
TRIAGE_SECTIONS = {"green": "steps-model-replies", "yellow": "steps-alert-levels", "red": "steps-first-hours"}
# Blocks whose text is shown elsewhere, or not as Markdown: an example there cannot be shown with its count.
_NOT_IN = {"admonition:trainer": "una nota para formadores", "admonition:checklist": "una lista de comprobación",
           "admonition:practice": "un bloque de práctica"}


def _what(example: sms.Example) -> str:
    result = example.count
    parts = "1 SMS" if result.parts == 1 else f"{result.parts} SMS"
    why = ""
    if result.forcing:
        letters = ", ".join(f"«{sms.shown(char)}»" for char in result.forcing[:4])
        why = f"; {letters} lo {'pasan' if len(result.forcing) > 1 else 'pasa'} a UCS-2"
    elif result.doubles:
        why = f"; {', '.join(f'«{char}»' for char in result.doubles)} cuenta{'n' if len(result.doubles) > 1 else ''} dos"
    return f"{result.chars} caracteres en {result.encoding}, {parts}{why}"


def _quoted(sentence: str, limit: int = 90) -> str:
    return sentence if len(sentence) <= limit else sentence[:limit - 1].rstrip() + "…"


def sms_example_claims(course: Course) -> list[Problem]:
    """The text next to an SMS example gives a character count, alphabet or number of parts it does not have."""
    problems = []
    for page in course.pages.values():
        if not page.readable:
            continue
        for example, claim in sms.claims_about(page.scan, page.lines):
            result = example.count
            real = {"chars": result.chars, "parts": result.parts, "encoding": result.encoding}[claim.what]
            if claim.value == real:
                continue
            said, but = {"chars": (f"tiene {claim.value} caracteres", f"tiene {real}"),
                         "parts": (f"ocupa {claim.value} SMS", f"ocupa {real}"),
                         "encoding": (f"va en {claim.value}", f"va en {real}")}[claim.what]
            problems.append(Problem(
                page.file, claim.line,
                f"la frase «{_quoted(claim.sentence)}» dice que el ejemplo de SMS de la línea {example.line} {said}, "
                f"pero {but}: el contador del curso cuenta {_what(example)}",
                "corrige la cifra de la frase o cambia el ejemplo, para que digan lo mismo (160, 153, 70 y 67 son "
                "límites y no se comprueban; si la cifra no habla de este ejemplo, escríbela con letras)"))
    return problems


def sms_example_places(course: Course) -> list[Problem]:
    """An SMS example that is empty, or inside a block whose text is not shown as the page's Markdown."""
    problems = []
    for page in course.pages.values():
        if not page.readable:
            continue
        for example in sms.examples(page.scan):
            inside = next((_NOT_IN[where] for where in example.inside if where in _NOT_IN), None)
            if inside:
                problems.append(Problem(page.file, example.line,
                                        f"el ejemplo de SMS (```sms) está dentro de {inside}, y ahí no se puede "
                                        "mostrar con su cuenta",
                                        "sácalo del bloque, o márcalo como texto normal: ```text"))
            elif not example.text.strip():
                problems.append(Problem(page.file, example.line, "el ejemplo de SMS (```sms) está vacío",
                                        "escribe el SMS entre las dos líneas ``` , o borra el ejemplo"))
    return problems


def sms_example_translations(course: Course) -> list[Problem]:
    """Both versions of a page show the same number of SMS examples."""
    problems = []
    for key in course.keys():
        twins = [page for page in course.twins(key) if page.readable]
        if len(twins) < 2:
            continue
        first = twins[0]
        mine = sms.examples(first.scan)
        for other in twins[1:]:
            theirs = sms.examples(other.scan)
            if len(mine) != len(theirs):
                line = theirs[0].line if theirs else 1
                problems.append(Problem(other.file, line,
                                        f"esta página tiene {_examples(len(theirs))} de SMS (```sms) y la otra "
                                        f"versión, {first.file}, tiene {len(mine)}",
                                        "las dos versiones deben tener los mismos ejemplos de SMS, en el mismo orden: "
                                        "marca con ```sms los mismos ejemplos en las dos"))
    return problems


def _examples(number: int) -> str:
    return "1 ejemplo" if number == 1 else f"{number} ejemplos"


def practice_contents(course: Course) -> list[Problem]:
    """The crisis triage needs the sections its result links to, on its own page."""
    problems = []
    for page in course.pages.values():
        if not page.readable:
            continue
        anchors = {heading.anchor for heading in page.scan.headings}
        for practice in page.practices:
            if practice.kind != "crisis-triage" or practice.kind not in PRACTICE_KINDS:
                continue
            wanted = sorted(TRIAGE_SECTIONS.values())
            missing = [anchor for anchor in wanted if anchor not in anchors]
            if missing:
                problems.append(Problem(page.file, practice.line,
                                        "el diagnóstico de una crisis enlaza a las secciones "
                                        f"{', '.join('{ #' + anchor + ' }' for anchor in wanted)} de su "
                                        f"página, y en esta falta{'n' if len(missing) > 1 else ''} "
                                        f"{', '.join('{ #' + anchor + ' }' for anchor in missing)}",
                                        "ponlo en el módulo de crisis, que tiene esas secciones, o añade aquí los "
                                        "títulos con esas anclas"))
    return problems
