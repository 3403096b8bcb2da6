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


DAY_CUE = "ข้อมูลตามแบบ ภล. ๑ และรวบรวมส่งให้จังหวัด ภายในวันที่ ๑๘"
BARE_SLOGAN = "ท้องถิ่นเข้มแข็ง ประชาชนมีส่วนร่วม"  # OCR lost its quotes


@pytest.mark.parametrize(("pages", "want"), [
    # Seed 74: a stamp's remains and the slogan, its quotes lost, between the cue and the date.
    (([CUE, "๘", BARE_SLOGAN], ["- ๒ -", "๒๕ พฤศจิกายน ๒๕๖๗"]), [CUE, "๒๕ พฤศจิกายน ๒๕๖๗"]),
    # Seed 76: the cue holds its day; the month waits on the next page.
    (([DAY_CUE, "สมบ 9", BARE_SLOGAN], ["- ๒ -", "กุมภาพันธ์ ๒๕๖๘"]), [DAY_CUE, "กุมภาพันธ์ ๒๕๖๘"]),
    # No cue before the page's foot: its lines are text.
    ((["ให้องค์กรปกครองส่วนท้องถิ่นรายงานผล", BARE_SLOGAN], ["- ๒ -", "๒๕ พฤศจิกายน ๒๕๖๗"]),
     ["ให้องค์กรปกครองส่วนท้องถิ่นรายงานผล", BARE_SLOGAN, "๒๕ พฤศจิกายน ๒๕๖๗"]),
    # The next page opens with no date: the sentence went on on this page.
    (([CUE, BARE_SLOGAN], ["- ๒ -", "เพื่อจังหวัดจะได้รวบรวม"]), [CUE, BARE_SLOGAN, "เพื่อจังหวัดจะได้รวบรวม"]),
], ids=["unquoted-slogan-and-speck", "day-then-month-over-the-page", "no-cue", "next-page-no-date"])
def test_page_foot_between_a_deadline_and_its_date_is_dropped(pages, want):
    lines = _lines(*pages)
    assert paragraphs(lines, 0, len(lines)) == [join_wrapped(want)]
