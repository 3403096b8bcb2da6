"""A slogan printed as a page's last line, where a sentence runs on over the page."""

from __future__ import annotations

import pytest

from docintake.parse.body import paragraphs
from docintake.parse.lines import Line, join_wrapped

CUE = "ตามแบบรายงานที่กำหนด ให้จังหวัดทราบ ให้แล้วเสร็จภายในวันจันทร์ที่"
SLOGAN = "“ท้องถิ่นเข้มแข็ง ประชาชนมีส่วนร่วม”"


def _lines(*pages: list[str]) -> list[Line]:
    return [Line(t, k) for k, page in enumerate(pages) for t in page]


@pytest.mark.parametrize(("pages", "want"), [
    # Seed 74: the slogan at the page's foot cut a deadline from its date.
    (([CUE, SLOGAN], ["- ๒ -", "๒๕ พฤศจิกายน ๒๕๖๗"]), [CUE, "๒๕ พฤศจิกายน ๒๕๖๗"]),
    # A quoted line inside the page is the letter's own text.
    (([CUE, SLOGAN, "๒๕ พฤศจิกายน ๒๕๖๗"],), [CUE, SLOGAN, "๒๕ พฤศจิกายน ๒๕๖๗"]),
], ids=["slogan-at-page-foot", "quoted-line-mid-page"])
def test_slogan_at_a_page_foot_is_no_part_of_the_sentence(pages, want):
    lines = _lines(*pages)
    assert paragraphs(lines, 0, len(lines)) == [join_wrapped(want)]
