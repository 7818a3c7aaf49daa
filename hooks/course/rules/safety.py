"""The content safety policy: what raw HTML and links a page may have, so nothing unsafe is published.

Pages are Markdown; a little HTML is allowed where Markdown has no syntax for it.
Anything that runs code, loads something from another website or hides a form
stops the build with a message: scripts, frames, objects, embeds, forms, ``<style>``,
event-handler attributes (``onclick=…``), ``javascript:``, ``vbscript:`` and ``data:``
addresses, and images, media or fonts from another host. The allowlist below is
the policy; ``CONTRIBUTING.md`` («HTML que puedes usar») shows it to editors, and a
test keeps the two the same. Nothing is silently removed: the editor is told.
"""

from __future__ import annotations

from html.parser import HTMLParser

from ..model import Course, Page
from ..problems import Problem

GLOBAL_ATTRIBUTES = frozenset({"class", "id", "lang", "title", "dir", "markdown"})
# Element → the attributes it may have besides the global ones.
ALLOWED = {
    "a": {"href", "rel", "hreflang"},
    "abbr": set(), "b": set(), "blockquote": set(), "br": set(), "caption": set(), "code": set(),
    "dd": set(), "del": set(), "details": {"open"}, "div": set(), "dl": set(), "dt": set(), "em": set(),
    "figcaption": set(), "figure": set(), "h2": set(), "h3": set(), "h4": set(), "hr": set(), "i": set(),
    "img": {"src", "alt", "width", "height", "loading"}, "ins": set(), "kbd": set(), "li": set(),
    "mark": set(), "ol": {"start", "reversed"}, "p": set(), "pre": set(), "q": set(), "s": set(),
    "small": set(), "span": set(), "strong": set(), "sub": set(), "summary": set(), "sup": set(),
    "table": set(), "tbody": set(), "td": {"colspan", "rowspan"}, "tfoot": set(),
    "th": {"colspan", "rowspan", "scope"}, "thead": set(), "time": {"datetime"}, "tr": set(), "u": set(),
    "ul": set(),
    "quiz": set(),  # mkdocs-quiz's block, checked by course.quizzes
}
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "poster", "action", "formaction", "data", "background",
                            "xlink:href", "cite"})
FORBIDDEN_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")
_WHY = {
    "script": "un programa en la página podría hacer cualquier cosa en el móvil de quien la lee",
    "iframe": "mete dentro del curso una página de otra web, que puede seguir al lector",
    "frame": "mete dentro del curso una página de otra web",
    "object": "carga un programa o un archivo de otra web", "embed": "carga un programa o un archivo de otra web",
    "applet": "carga un programa", "form": "un formulario enviaría datos de los lectores a otra web",
    "input": "es parte de un formulario", "button": "es parte de un formulario", "textarea": "es parte de un formulario",
    "select": "es parte de un formulario", "style": "cambia el aspecto de todo el sitio y puede romperlo",
    "link": "carga un archivo de otra web", "meta": "cambia cómo trata la página el navegador",
    "base": "cambia a dónde llevan todos los enlaces", "video": "carga un vídeo, que debe ir enlazado",
    "audio": "carga un audio, que debe ir enlazado", "source": "carga un archivo multimedia",
    "svg": "puede llevar programas dentro", "math": "no lo muestra bien el sitio",
}


class _Tags(HTMLParser):
    """The start tags of an HTML fragment, with their attributes and the line offset of each."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]], int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs, self.getpos()[0] - 1))

    handle_startendtag = handle_starttag


def _tags(html: str) -> list[tuple[str, list[tuple[str, str | None]], int]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


def _is_foreign(url: str) -> bool:
    lowered = url.strip().lower()
    return lowered.startswith(("http://", "https://", "//"))


def _forbidden_scheme(url: str) -> str | None:
    compact = "".join(url.split()).lower()
    return next((scheme for scheme in FORBIDDEN_SCHEMES if compact.startswith(scheme)), None)


def tag_problems(page: Page, html: str, line: int) -> list[Problem]:
    """What in one piece of raw HTML breaks the policy."""
    problems = []
    for tag, attributes, offset in _tags(html):
        at = line + offset
        if tag not in ALLOWED:
            why = _WHY.get(tag, "no es una de las etiquetas que el curso necesita")
            problems.append(Problem(page.file, at, f"la etiqueta HTML <{tag}> no se puede usar en el curso: {why}",
                                    "bórrala; para un vídeo o una web, pon un enlace normal [texto](https://…). "
                                    "Las etiquetas permitidas están en CONTRIBUTING.md, «HTML que puedes usar»"))
            continue
        for name, value in attributes:
            value = value or ""
            if name.startswith("on"):
                problems.append(Problem(page.file, at, f"la etiqueta <{tag}> tiene el atributo «{name}», que ejecuta "
                                                       "un programa en el navegador del lector",
                                        f"borra  {name}=\"…\"  de la etiqueta"))
            elif name == "style":
                problems.append(Problem(page.file, at, f"la etiqueta <{tag}> tiene el atributo «style»: los estilos "
                                                       "sueltos rompen el modo oscuro, la impresión y el móvil",
                                        "bórralo; si hace falta un estilo nuevo, pídelo a quien programa el sitio"))
            elif name not in GLOBAL_ATTRIBUTES and name not in ALLOWED[tag] and not name.startswith("aria-"):
                problems.append(Problem(page.file, at, f"la etiqueta <{tag}> tiene el atributo «{name}», que el "
                                                       "curso no usa",
                                        f"bórralo (en <{tag}> se pueden usar: "
                                        f"{', '.join(sorted(ALLOWED[tag] | GLOBAL_ATTRIBUTES)) or 'ninguno'})"))
            if name in URL_ATTRIBUTES:
                scheme = _forbidden_scheme(value)
                if scheme:
                    problems.append(Problem(page.file, at, f"la dirección «{value[:60]}» de <{tag}> empieza por "
                                                           f"«{scheme}», que ejecuta o esconde contenido",
                                            "usa una dirección web normal (https://…) o un archivo de docs/"))
                elif name != "href" and _is_foreign(value):
                    problems.append(_foreign(page, at, value, f"<{tag}>"))
        if tag == "img" and not (dict(attributes).get("alt") or "").strip():
            problems.append(Problem(page.file, at, "la imagen <img> no tiene texto alternativo (alt)",
                                    'añade alt="qué muestra la imagen", por ejemplo '
                                    '<img src="foto.jpg" alt="Escaparate con rebajas">'))
    return problems


def _foreign(page: Page, line: int, url: str, what: str) -> Problem:
    return Problem(page.file, line, f"{what} carga «{url[:70]}» de otra web: el curso no carga nada de otros "
                                    "sitios (privacidad de los lectores, y sin red no se vería)",
                   "descarga el archivo, guárdalo en docs/img/ y enlázalo desde allí, por ejemplo "
                   "![Qué muestra](../img/foto.jpg)")


def raw_html(course: Course) -> list[Problem]:
    """Raw HTML uses only the elements and attributes of the allowlist."""
    return [problem for page in course.pages.values() for html in page.html
            for problem in tag_problems(page, html.html, html.line)]


def link_schemes(course: Course) -> list[Problem]:
    """No link or image address that runs code or hides content (``javascript:``, ``data:``…)."""
    problems = []
    for page in course.pages.values():
        for link in page.links:
            scheme = _forbidden_scheme(link.target)
            if scheme and link.image:
                problems.append(Problem(page.file, link.line, f"la imagen «{link.text}» está escrita dentro del texto "
                                                              f"(una dirección «{scheme}…»), y así no se puede revisar",
                                        "guarda la imagen como archivo en docs/img/ y enlázala desde allí, por ejemplo "
                                        "![Qué muestra](../img/foto.jpg)"))
            elif scheme:
                problems.append(Problem(page.file, link.line, f"el enlace «{link.text}» lleva a una dirección que "
                                                              f"empieza por «{scheme}», que ejecuta un programa en vez "
                                                              "de abrir una página",
                                        "usa una dirección web normal (https://…) o el nombre de una página del curso"))
    return problems


def foreign_resources(course: Course) -> list[Problem]:
    """Images come from docs/, never from another website."""
    return [_foreign(page, link.line, link.target, f"la imagen «{link.text}»")
            for page in course.pages.values() for link in page.links if link.image and _is_foreign(link.target)]
