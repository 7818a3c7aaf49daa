"""The guides say what the site does: the messages CONTRIBUTING shows are the ones the checks print, the HTML it
allows is the policy the rules apply, and what it says about the preview is what the workflow does."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from course.rules.safety import ALLOWED
from test_rules import MISTAKES, PUBLISHED_PAGE_MESSAGE

GUIDES = ["CONTRIBUTING.md", "CONTRIBUTING.en.md"]
# Rows about what only `make check` runs (spelling) or only warns about: their messages come from other tests.
CHECK_ONLY_ROWS = ("Ortografía", "Erratas", "Fecha antigua", "Spelling", "Typos", "English typos", "Old review",
                   "Old date")


def _section(text: str, start: str) -> str:
    at = text.index(start)
    end = text.find("\n## ", at + len(start))
    return text[at:end if end > 0 else len(text)]


def _table_rows(section: str) -> list[list[str]]:
    rows = [line for line in section.splitlines() if line.startswith("|") and not line.startswith("|---")]
    return [[cell.strip() for cell in re.split(r"(?<!`)\|(?!`)", row)[1:-1]] for row in rows[1:]]


@pytest.mark.parametrize("guide", GUIDES)
def test_every_typical_message_in_the_guide_is_one_the_checks_print(guide):
    text = (ROOT / guide).read_text(encoding="utf-8")
    heading = "## Las comprobaciones" if guide.endswith(".md") and ".en." not in guide else "## The checks"
    printed = [message for mistake in MISTAKES.values() for message in mistake.expected] + [PUBLISHED_PAGE_MESSAGE]
    rows = [row for row in _table_rows(_section(text, heading)) if len(row) == 3]
    assert len(rows) >= 20
    unknown = []
    for check, typical, _ in rows:
        if check.startswith(CHECK_ONLY_ROWS):
            continue
        quoted = re.findall(r"``(.+?)``|`([^`]+)`", typical)
        messages = [double or single for double, single in quoted]
        assert messages, f"{guide}: the row «{check}» shows no message"
        unknown += [f"{check}: {message}" for message in messages if not any(message in real for real in printed)]
    assert not unknown, f"{guide} shows messages the checks never print:\n" + "\n".join(unknown)


@pytest.mark.parametrize("guide", GUIDES)
def test_the_html_the_guide_allows_is_the_html_the_rules_allow(guide):
    text = (ROOT / guide).read_text(encoding="utf-8")
    heading = "### HTML que puedes usar" if ".en." not in guide else "### HTML you can use"
    section = text[text.index(heading):text.index("\n## ", text.index(heading))]
    rows = [row for row in _table_rows(section) if len(row) == 2]
    tags = {tag for tags, _ in rows for tag in re.findall(r"`<([a-z0-9]+)>`", tags)}
    assert tags == set(ALLOWED)
    for tags_cell, attributes_cell in rows:
        for tag in re.findall(r"`<([a-z0-9]+)>`", tags_cell):
            named = set(re.findall(r"`([a-z]+)`", attributes_cell))
            assert ALLOWED[tag] <= named, f"{guide}: <{tag}> may also have {ALLOWED[tag] - named}"


def test_the_guides_say_what_the_workflow_does_with_the_preview():
    workflow = (ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8")
    step = workflow[workflow.index("- name: Build the preview"):]
    always = re.match(r"- name: Build the preview\n\s+if: always\(\)", step) is not None
    spanish = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    english = (ROOT / "CONTRIBUTING.en.md").read_text(encoding="utf-8")
    assert always
    assert "La vista previa se crea **aunque falle alguna comprobación**" in spanish
    assert re.search(r"preview is (built|created) \*\*even when a check fails\*\*", english)
