"""Rules about the data files (``data/*.yml``) and the site settings the course relies on."""

from __future__ import annotations

from .. import association as association_data
from .. import glossary as glossary_data, quizzes, redirects as redirect_data, strings as strings_data
from .. import tools as tools_data
from ..model import Course
from ..problems import Problem
from ..templates import used_string_keys
from .pages import LEVELS


def _needed(course: Course, role: str, file: str, present: bool) -> list[Problem]:
    """A page that shows a data file's contents needs that file."""
    holder = course.with_role(role, course.default)
    if present or holder is None:
        return []
    return [Problem(holder.file, holder.markers[role][0], f"esta página muestra el contenido de {file}, "
                                                          "pero ese archivo no existe",
                    f"crea {file} (copia el formato de CONTRIBUTING.md) o borra el marcador de esta página")]


def glossary(course: Course) -> list[Problem]:
    """``data/glossary.yml``: valid YAML, unique ids and terms, every field in every language."""
    present = bool(course.glossary.text) or bool(course.glossary.problems)
    return list(course.glossary.problems) + _needed(course, "glossary", glossary_data.FILE, present)


def tools(course: Course) -> list[Problem]:
    """``data/tools.yml``: the schema, unique tools, modules that exist, no future dates."""
    present = bool(course.tools.text) or bool(course.tools.problems)
    needed = _needed(course, "tool-directory", tools_data.TOOLS_FILE, present)
    if not present:
        return needed
    module_ids = [page.id for page in course.modules(course.default)]
    return tools_data.tool_problems(course.tools, course.tools.schema, module_ids, course.today) + needed


def required_string_keys(schema: dict) -> dict[str, str]:
    """Every key of ``data/strings.yml`` the site uses, and where (templates, hooks, data-driven families)."""
    keys, prefixes = used_string_keys()
    families = {"level_": LEVELS, "tools_category_": tools_data._enum(schema, "category"),
                "tools_tier_": tools_data._enum(schema, "price_tier")}
    for prefix in sorted(prefixes):
        for value in families.get(prefix, ()):
            keys.setdefault(prefix + value, f"los valores de «{prefix}…»")
    return keys


def strings(course: Course) -> list[Problem]:
    """``data/strings.yml``: every key the site uses, in every language, with the same {placeholders}."""
    problems = list(course.strings.problems)
    if course.strings.problems and not course.strings.texts:
        return problems
    for key, where in sorted(required_string_keys(course.tools.schema).items()):
        if key not in course.strings.texts:
            problems.append(Problem(strings_data.FILE, None,
                                    f"falta el texto '{key}', que usa el sitio ({where})",
                                    f"añade una línea  {key}: {{es: \"…\", en: \"…\"}}  (si lo borraste sin querer, "
                                    "recupéralo del historial del repositorio)"))
    return problems


def redirects(course: Course) -> list[Problem]:
    """``data/redirects.yml``: each old page is gone and each new page exists."""
    redirects = course.redirects
    problems = list(redirects.problems)
    for old, new in redirects.moves.items():
        line = redirects.lines.line_of((f"{old}.md",))
        if course.twins(old):
            problems.append(Problem(redirect_data.FILE, line, f"la página {old}.md todavía existe, así que no se "
                                                             "puede mandar a otra",
                                    f"borra esta línea, o borra docs/{old}.{course.default}.md y su traducción"))
        target = new
        seen = {old}
        while target in redirects.moves and target not in seen:  # a chain of moves: follow it
            seen.add(target)
            target = redirects.moves[target]
        if not course.twins(target):
            problems.append(Problem(redirect_data.FILE, line, f"la página nueva {new}.md no existe",
                                    "escribe el nombre del archivo nuevo tal como está en docs/, sin .es ni .en"))
    return problems


def association(course: Course) -> list[Problem]:
    """``data/association.yml`` is complete, and pages name only its fields, outside blocks."""
    details = course.association
    problems = list(details.problems)
    used = False
    for page in course.pages.values():
        if not page.readable or "{{" not in page.text:  # every token starts so
            continue
        blocks = [(b.line, b.end) for b in page.checklists] + [(q.line, q.end) for q in page.quizzes] + \
                 [(n.line, n.end) for n in page.notes] + [(p.line, p.end) for p in page.practices]
        for number, line in enumerate(page.lines, start=1):
            if number < page.front.body_line or page.scan.is_code(number):
                continue
            for match in association_data.ANY_TOKEN.finditer(line):
                token = association_data.TOKEN.fullmatch(match.group(0))
                if token is None or token.group("field") not in association_data.FIELDS:
                    known = ", ".join("{{ asociacion." + name + " }}" for name in association_data.FIELDS)
                    problems.append(Problem(page.file, number, f"«{match.group(0)}» no es un dato de la asociación",
                                            f"usa uno de estos: {known}"))
                elif any(first <= number <= last for first, last in blocks):
                    problems.append(Problem(page.file, number, f"«{match.group(0)}» está dentro de una lista, una "
                                                               "pregunta o una nota, y ahí no se rellena",
                                            "escríbelo en el texto normal de la página"))
                else:
                    used = True
    if used and not details.present:
        problems.append(Problem(association_data.FILE, None, "las páginas usan los datos de la asociación, pero el "
                                                             "archivo no existe",
                                "recupera data/association.yml del repositorio"))
    return problems


def settings(course: Course) -> list[Problem]:
    """``mkdocs.yml`` is readable and configures mkdocs-quiz as the quiz hook and templates expect."""
    problems = list(course.settings.problems)
    if problems:
        return problems
    file = course.settings.config_file
    options = course.settings.quiz_options
    if options is None:
        return [Problem(file, None, "falta el plugin mkdocs_quiz en 'plugins:'",
                        "añade  - mkdocs_quiz:  después de i18n, con las opciones que explica hooks/quizzes.py")]
    return [Problem(file, None, f"la opción '{key}' de mkdocs_quiz debe ser {str(value).lower()}: {why}",
                    f"escribe  {key}: {str(value).lower()}  en la sección mkdocs_quiz de plugins")
            for key, (value, why) in quizzes.REQUIRED_PLUGIN_OPTIONS.items() if options.get(key) != value]
