"""How the build counts an SMS (hooks/course/sms.py), and what it reads as a claim about an example.

The cases in tests/data/sms_cases.yml are the same ones tests/test_practice_browser.py types into the
SMS composer of the real site: the build's count of the examples and the page's count agree on each.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from course import sms
from course.markdown import scan

CASES = yaml.safe_load((Path(__file__).parent / "data" / "sms_cases.yml").read_text(encoding="utf-8"))


def case_text(case: dict) -> str:
    return case["text"] if "text" in case else "".join(piece * times for piece, times in case["pieces"])


def expected(case: dict) -> dict:
    return {"chars": case["chars"], "encoding": case["encoding"], "parts": case["parts"],
            "forcing": list(case.get("forcing", [])), "doubles": list(case.get("doubles", [])),
            "parts_in_gsm7": case.get("parts_in_gsm7", case["parts"])}


def test_the_shared_table_covers_the_edges_the_course_teaches():
    names = " ".join(case["name"] for case in CASES)
    for edge in ("exactly 160", "161", "exactly 70", "71", "euro", "emoji", "line breaks", "ñ"):
        assert edge in names
    assert len({case["name"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_every_case_of_the_shared_table(case):
    result = sms.count(case_text(case))
    assert {"chars": result.chars, "encoding": result.encoding, "parts": result.parts,
            "forcing": list(result.forcing), "doubles": list(result.doubles),
            "parts_in_gsm7": result.parts_in_gsm7} == expected(case)


def test_the_tables_are_gsm_03_38():
    # The letters the course names (FACTS.md §1, unicode.org GSM0338.TXT).
    assert set("éÉñÑüÜ¿¡àèìòùÇ") <= set(sms.GSM7_BASIC)
    assert not set("áíóúÁÍÓÚç€") & set(sms.GSM7_BASIC)
    assert set("€[]{}\\~^|") <= set(sms.GSM7_EXTENSION)
    assert len(sms.GSM7_BASIC) == 127 and len(set(sms.GSM7_BASIC)) == 127  # 128 codes, less the escape
    assert len(sms.GSM7_EXTENSION) == 10


def test_a_windows_line_end_is_two_characters():
    assert sms.count("a\r\nb").chars == 4 and sms.count("a\nb").chars == 3


def test_an_example_is_shown_with_its_special_characters_marked():
    shown = sms.segments("25 € el\nsábado")
    assert [(segment.text, segment.kind) for segment in shown] == [
        ("25 € el", ""), ("\n", "break"), ("s", ""), ("á", "ucs2"), ("bado", "")]
    assert [(segment.text, segment.kind) for segment in sms.segments("25 € ya")] == [
        ("25 ", ""), ("€", "double"), (" ya", "")]


def test_invisible_characters_are_named_by_their_code():
    assert [sms.shown(char) for char in ("á", "\u00a0", "\ufe0f", "😀")] == ["á", "U+00A0", "U+FE0F", "😀"]


# ── Which sentences are claims about which example ──────────────────────────

PAGE = """# SMS

Este mensaje tiene 77 caracteres:

```sms
Calzados Xana: botas de agua al 20% hasta el sábado. Enseña este SMS en caja.
```

La «á» lo pasa a UCS-2. Como 77 es más que 70, se parte en dos SMS de hasta 67. Son 76 caracteres y cabe
en un SMS:

```sms
Calzados Xana: botas de agua al 20% hasta el 30/11. Enseña este SMS en caja.
```

Un SMS no siempre tiene 160 caracteres, y en UCS-2 caben hasta 70 caracteres.

Un párrafo que no toca ningún ejemplo dice 99 caracteres y tres SMS.
"""


def _claims(text: str) -> list[tuple[int, int, str, object, str]]:
    found = scan(text)
    return [(example.line, claim.line, claim.what, claim.value, claim.written)
            for example, claim in sms.claims_about(found, text.split("\n"))]


def test_the_paragraphs_next_to_an_example_are_read_and_shared_ones_split_at_the_colon():
    assert _claims(PAGE) == [
        (5, 3, "chars", 77, "77 caracteres"),
        (5, 9, "parts", 2, "dos SMS"),
        (12, 9, "chars", 76, "76 caracteres"),
        (12, 10, "parts", 1, "un SMS"),
    ]


@pytest.mark.parametrize("sentence, claims", [
    ("Son 121 caracteres en GSM-7, contando el € como dos.", [("chars", 121), ("encoding", "GSM-7")]),
    ("That is 80 characters in UCS-2, so it fits in one SMS.", [("chars", 80), ("encoding", "UCS-2"),
                                                                ("parts", 1)]),
    ("The counter showed 103 characters and two parts.", [("chars", 103), ("parts", 2)]),
    ("That makes 76 characters, in a single message:", [("chars", 76), ("parts", 1)]),
    ("El contador marcó 103 caracteres y 2 partes.", [("chars", 103), ("parts", 2)]),
    # Limits are not counts, nor an article starting the sentence.
    ("Un SMS en GSM-7 admite 160 caracteres, o 153 por parte.", []),
    ("One SMS holds 70 characters in UCS-2, but this one takes two SMS.", [("parts", 2)]),
    ("En UCS-2 caben 70 caracteres, y 67 por parte.", []),
    ("Se parte en partes de hasta 67 caracteres.", []),
    ("It splits into parts of up to 67 characters.", []),
    ("No pases de más de 100 caracteres.", []),
    ("Keep it under 40 characters, no more than 2 SMS.", [("chars", 40)]),
    # Words in letters are not character counts: write other figures next to an example that way.
    ("El € cuenta como dos caracteres.", []),
    ("Como 77 es más que 70, pagas dos.", []),
])
def test_what_a_sentence_claims(sentence, claims):
    assert [(what, value) for what, value, _ in sms.claims_in(sentence)] == claims


def test_the_line_of_a_claim_is_the_line_where_it_is_written():
    text = "# SMS\n\nPrimera línea del párrafo,\nla segunda dice **80 caracteres**:\n\n```sms\nHola\n```\n"
    assert _claims(text) == [(6, 4, "chars", 80, "80 caracteres")]


def test_only_fences_marked_sms_are_examples():
    text = "```text\nHola\n```\n\n``` SMS\nHola, Marta\n```\n\n```sms title\nAdiós\n```\n\n    ```sms\n    indentado\n    ```\n"
    found = sms.examples(scan(text))
    assert [(example.line, example.text) for example in found] == [(5, "Hola, Marta"), (9, "Adiós")]
