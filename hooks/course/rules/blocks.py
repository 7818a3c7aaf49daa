"""Rules about the blocks editors write: checklists, quizzes, trainer notes and practice tools."""

from __future__ import annotations

from .. import checklists, quizzes, trainer_notes
from ..model import Course, Page
from ..practice import KINDS as PRACTICE_KINDS
from ..problems import Problem


def block_mistakes(course: Course) -> list[Problem]:
    """Each block on its own: a checklist item marked [x], a question without a right answer…"""
    return [problem for page in course.pages.values() if page.readable for problem in page.block_problems]


def _pairs(course: Course):
    """``(default-language page, translation)`` for every translated page."""
    for key in course.keys():
        first = course.page(key, course.default)
        if first is None or not first.readable:
            continue
        for second in course.twins(key)[1:]:
            if second.readable:
                yield first, second


def block_translations(course: Course) -> list[Problem]:
    """Both versions of a page have the same checklists, questions, trainer notes and practice tools."""
    problems = []
    for first, second in _pairs(course):
        problems += checklists.translation_problems((first.file, first.checklists), (second.file, second.checklists))
        problems += quizzes.translation_problems((first.file, first.quizzes), (second.file, second.quizzes))
        problems += trainer_notes.translation_problems((first.file, first.notes), (second.file, second.notes))
        ones, others = [p.kind for p in first.practices], [p.kind for p in second.practices]
        if ones != others:
            line = second.practices[0].line if second.practices else 1
            problems.append(Problem(second.file, line,
                                    f"los bloques de práctica no coinciden: {_practices(second.file, others)} y "
                                    f"{_practices(first.file, ones)}",
                                    "pon los mismos bloques !!! practice, en el mismo orden, en las dos versiones"))
    return problems


def _practices(file: str, kinds: list[str]) -> str:
    if not kinds:
        return f"{file} no tiene ninguno"
    return f"{file} tiene " + ", ".join(f"«{kind}»" for kind in kinds)


def module_blocks(course: Course) -> list[Problem]:
    """A module ends with a checklist under ``{ #checklist }`` and questions under ``{ #quiz }``: "Mi progreso"
    and the self-assessment link there."""
    problems = []
    for page in course.pages.values():
        if not page.is_module or not page.readable:
            continue
        anchors = {heading.anchor for heading in page.scan.headings}
        if page.checklists and "checklist" not in anchors:
            problems.append(Problem(page.file, page.checklists[0].line,
                                    "la lista de comprobación del módulo no está bajo un título con el ancla "
                                    "{ #checklist }",
                                    "pon encima un título así: ## Lista de comprobación { #checklist }  "
                                    "(en inglés: ## Checklist { #checklist })"))
        if not page.quizzes:
            problems.append(Problem(page.file, 1, "este módulo no tiene preguntas (<quiz>) y la autoevaluación toma "
                                                  "las primeras de cada módulo",
                                    "añade al menos una pregunta bajo el título «## Pon a prueba lo aprendido "
                                    "{ #quiz }»"))
        elif "quiz" not in anchors:
            problems.append(Problem(page.file, page.quizzes[0].line,
                                    "las preguntas de este módulo no están bajo un título que acabe en { #quiz }, "
                                    "y la autoevaluación enlaza a esa sección",
                                    "pon las preguntas bajo un título así: ## Pon a prueba lo aprendido { #quiz }"))
    return problems


def blocks_in_the_wrong_place(course: Course) -> list[Problem]:
    """A trainer note, checklist or practice tool inside a question would be shown to learners in the question
    (and on the self-assessment page)."""
    problems = []
    for page in course.pages.values():
        for quiz in page.quizzes:
            inside = [(note.line, "una nota para formadores", "se vería en la pregunta, y también en la "
                                                              "autoevaluación: los alumnos la leerían")
                      for note in page.notes if quiz.line < note.line < quiz.end]
            inside += [(checklist.line, "una lista de comprobación", "no funcionaría dentro de la pregunta")
                       for checklist in page.checklists if quiz.line < checklist.line < quiz.end]
            inside += [(practice.line, "un bloque de práctica", "no funcionaría dentro de la pregunta")
                       for practice in page.practices if quiz.line < practice.line < quiz.end]
            for line, what, why in inside:
                problems.append(Problem(page.file, line, f"hay {what} dentro de una pregunta (<quiz> de la línea "
                                                         f"{quiz.line}): {why}",
                                        "sácala fuera de <quiz> … </quiz>, por ejemplo justo antes del título de las "
                                        "preguntas"))
    return problems


def unique_page_ids(course: Course) -> list[Problem]:
    """Two pages with checklists or questions must not share a file name, or what a merchant ticked on one
    would show on the other."""
    problems, owners = [], {}
    for page in course.in_locale(course.default):
        if not (page.checklists or page.quizzes):
            continue
        owner: Page = owners.setdefault(page.id, page)
        if owner is not page:
            line = (page.checklists or page.quizzes)[0].line
            problems.append(Problem(
                page.file, line,
                f"esta página y {owner.file} tienen listas de comprobación o preguntas y el mismo nombre de archivo "
                f"«{page.id}», así que sus marcas se mezclarían",
                "cambia el nombre de uno de los dos archivos (en los dos idiomas)"))
    return problems


def practice_once(course: Course) -> list[Problem]:
    """Each practice tool once per page (a second copy would share the first one's saved draft)."""
    problems = []
    for page in course.pages.values():
        seen: dict[str, int] = {}
        for practice in page.practices:
            if practice.kind not in PRACTICE_KINDS:
                continue
            if practice.kind in seen:
                problems.append(Problem(page.file, practice.line,
                                        f"el bloque de práctica «{practice.kind}» ya está en la línea "
                                        f"{seen[practice.kind]}",
                                        "deja uno solo en la página"))
            seen.setdefault(practice.kind, practice.line)
    return problems
