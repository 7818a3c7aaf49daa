"""Unit tests of the corrections to Material's markup (hooks/course/theme_markup.py)."""

from course.upstream import drop_invalid_attributes, name_search_dialog

SEARCH = '<div class="md-search" data-md-component="search" role="dialog">\n<label></label></div>'


def test_search_dialog_gets_a_name_once():
    fixed = name_search_dialog(SEARCH, 'Buscar en el "curso"')
    assert '<div class="md-search" data-md-component="search" role="dialog" aria-label="Buscar en el &quot;curso&quot;">' in fixed
    assert name_search_dialog(fixed, "Otra") == fixed


def test_toggles_lose_autocomplete_and_labels_lose_empty_tabindex():
    page = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">'
            '<input type="text" autocomplete="off"><label tabindex="0">')
    fixed = drop_invalid_attributes(page)
    assert '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">' in fixed
    assert '<label class="md-nav__link" for="__nav_2" id="__nav_2_label">' in fixed
    assert '<input type="text" autocomplete="off">' in fixed and '<label tabindex="0">' in fixed


def test_heading_links_get_the_tooltip_of_the_page_language():
    from course.upstream import retitle_permalinks

    page = '<h2 id="why">Why<a class="headerlink" href="#why" title="Enlace a esta sección">&para;</a></h2><a title="Enlace a esta sección">'
    fixed = retitle_permalinks(page, "Enlace a esta sección", "Link to this section")
    assert '<a class="headerlink" href="#why" title="Link to this section">' in fixed
    assert fixed.endswith('<a title="Enlace a esta sección">')
    assert retitle_permalinks(page, "Enlace a esta sección", "Enlace a esta sección") == page
