"""The one Markdown scanner (hooks/course/markdown.py): what it calls code, comments and blocks is what the
site renders as such, so a marker, checklist or question in an example is never taken for a real one."""

from __future__ import annotations

import markdown as python_markdown
import pytest

from course.markdown import scan

# The renderer the site uses, with the extensions that change what counts as code.
_RENDERER_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "pymdownx.superfences"]


def rendered_as_code(text: str, needle: str) -> bool:
    """Whether Python-Markdown (as the site configures it) shows ``needle`` inside <code>."""
    html = python_markdown.markdown(text, extensions=_RENDERER_EXTENSIONS)
    start = html.find(needle.replace("<", "&lt;").replace(">", "&gt;"))
    if start < 0:
        start = html.find(needle)
    assert start >= 0, html
    return html.rfind("<code", 0, start) > html.rfind("</code>", 0, start)


CASES = {
    # name: (text, the line (from 1) to look at, is it code?)
    "backtick fence": ("```\n<!-- glossary -->\n```\n", 2, True),
    "tilde fence": ("~~~\n<!-- glossary -->\n~~~\n", 2, True),
    "longer fence closes only with as many": ("````\n```\n<!-- glossary -->\n````\n", 3, True),
    "a ```python line inside does not close": ("```\nabc\n```python\n<!-- glossary -->\n```\n", 4, True),
    "after the fence closes": ("```\nabc\n```\n\n<!-- glossary -->\n", 5, False),
    "backtick in the info string is not a fence": ("``` a`b\n<!-- glossary -->\n", 2, False),
    "indented code after a blank line": ("Texto.\n\n    <!-- glossary -->\n", 3, True),
    "indented line right after a paragraph is text": ("Texto.\n    <!-- glossary -->\n", 2, False),
    "fence inside a list item": ("- Uno\n\n    ```\n    <!-- glossary -->\n    ```\n", 4, True),
    "fence inside an admonition": ('!!! note "Ejemplo"\n    ```\n    <!-- glossary -->\n    ```\n', 3, True),
    "admonition body after a blank line is not code": ('!!! note "Nota"\n\n    Texto de la nota.\n', 3, False),
}


@pytest.mark.parametrize("name", CASES)
def test_the_scanner_calls_code_what_the_site_renders_as_code(name):
    text, line, code = CASES[name]
    assert scan(text).is_code(line) is code, name
    needle = text.splitlines()[line - 1].strip()
    if not name.startswith(("admonition body", "backtick in")):
        assert rendered_as_code(text, needle) is code, f"{name}: the renderer disagrees"


def test_an_unclosed_fence_is_reported_because_the_two_readings_differ():
    found = scan("Texto.\n\n```\nnunca se cierra\n\n## Sección\n")
    assert found.unclosed_fences == [3]
    assert scan("```\nabc\n```\n").unclosed_fences == []


def test_markers_are_comments_alone_on_their_line_outside_code():
    found = scan("<!-- glossary -->\n\n```\n<!-- modules -->\n```\n\nTexto <!-- tools --> aquí.\n", first_line=5)
    assert [(c.line, c.inner) for c in found.comments] == [(5, "glossary")]
    assert [(h.line, h.html, h.inline) for h in found.html] == [(11, "<!-- tools -->", True)]


def test_blocks_know_their_kind_title_lines_and_what_encloses_them():
    text = ('!!! checklist "Antes"\n    - [ ] Uno\n\n    - [ ] Dos\n\nTexto.\n\n- Lista\n\n    ??? trainer Sin comillas\n'
            '        Nota.\n')
    first, second = scan(text).blocks
    assert (first.kind, first.marker, first.title, first.line, first.end, first.inside) == (
        "checklist", "!!!", "Antes", 1, 4, ())
    assert (second.kind, second.marker, second.title, second.line, second.indent, second.inside) == (
        "trainer", "???", None, 10, 4, ("list",))


def test_headings_links_images_and_html_carry_their_file_lines():
    text = ("# Título { #top }\n\nUn [enlace](otra.md#seccion) y\nuna ![foto](img/a.jpg) y <b>negrita</b>.\n\n"
            "[js](javascript:alert(1))\n")
    found = scan(text, first_line=10)
    assert [(h.level, h.text, h.anchor, h.line) for h in found.headings] == [(1, "Título", "top", 10)]
    assert [(link.line, link.target, link.image) for link in found.links] == [
        (12, "otra.md#seccion", False), (13, "img/a.jpg", True), (15, "javascript:alert(1)", False)]
    assert [(h.line, h.html) for h in found.html] == [(13, "<b>"), (13, "</b>")]


def test_prose_is_what_a_reader_reads_without_code_urls_or_markup():
    found = scan("# Hola { #hola }\n\nLee la [ley](ley.md) y usa `codigo`.\n\n*[RGPD]: Reglamento\n")
    assert [(p.text, p.heading) for p in found.prose] == [("Hola", True), ("Lee la ley y usa .", False)]
