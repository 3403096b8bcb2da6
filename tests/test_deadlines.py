"""Deadlines: every absolute form of DOMAIN.md, relative ones resolved
against a base date, and dates that are not deadlines."""

import datetime as dt

import pytest

from docintake.parse.deadlines import find_deadlines, is_deadline_cue

D = dt.date
BASE = D(2025, 6, 30)  # a receipt date

ABSOLUTE = [
    ("done", "ให้แล้วเสร็จภายในวันที่ ๑๑ มิถุนายน ๒๕๖๘", [D(2025, 6, 11)]),
    ("done-space", "ให้แล้วเสร็จภายใน วันที่ ๑๑ มิถุนายน ๒๕๖๘", [D(2025, 6, 11)]),
    ("weekday", "รายงานภายในวันพุธที่ ๑๑ มิถุนายน ๒๕๖๘", [D(2025, 6, 11)]),
    ("before", "ส่งก่อนวันที่ ๓๐ ก.ย. ๒๕๖๘", [D(2025, 9, 30)]),
    ("not-later", "ไม่เกินวันที่ ๕ ตุลาคม ๒๕๖๘", [D(2025, 10, 5)]),
    ("within-not-later", "ภายในไม่เกินวันที่ ๕ ตุลาคม ๒๕๖๘", [D(2025, 10, 5)]),
    ("within", "ภายในวันที่ ๒๐ ต.ค. ๖๘", [D(2025, 10, 20)]),
    ("arabic", "ภายในวันที่ 20 ตุลาคม 2568", [D(2025, 10, 20)]),
    ("tone-dropped-cue", "ไมเกินวันที ๕ ตุลาคม ๒๕๖๘", [D(2025, 10, 5)]),
    # A reference's date is no deadline; nor is a date with no cue before it.
    ("reference-date", "ตามหนังสือ ที่ ชย ๐๐๒๓.๖/๑๒๓ ลงวันที่ ๒๐ มีนาคม ๒๕๖๘ นั้น", []),
    ("event-date", "กำหนดจัดประชุมในวันที่ ๒๐ มีนาคม ๒๕๖๘ ณ ห้องประชุม", []),
    ("two-deadlines", "ส่งร่างภายในวันที่ ๑ ก.ค. ๒๕๖๘ และฉบับจริงไม่เกินวันที่ ๑๕ ก.ค. ๒๕๖๘",
     [D(2025, 7, 1), D(2025, 7, 15)]),
]


@pytest.mark.parametrize("text,dates", [c[1:] for c in ABSOLUTE], ids=[c[0] for c in ABSOLUTE])
def test_absolute_deadlines(text, dates):
    found, _ = find_deadlines([text], BASE)
    assert [d.date for d in found] == dates
    assert all(not d.relative and d.source == "body" for d in found)


RELATIVE = [
    ("seven-days", "ภายใน ๗ วัน นับแต่วันที่ได้รับหนังสือนี้", BASE, D(2025, 7, 7)),
    ("no-space", "ภายใน ๑๐ วันนับแต่ได้รับหนังสือฉบับนี้", BASE, D(2025, 7, 10)),
    ("arabic", "ภายใน 15 วัน นับจากวันที่ได้รับหนังสือ", BASE, D(2025, 7, 15)),
    # 2025-06-30 is a Monday: five working days later is Monday 7 July.
    ("working-days", "ภายใน ๕ วันทำการ นับแต่วันที่ได้รับหนังสือ", BASE, D(2025, 7, 7)),
    # No receipt stamp and no letter date: the deadline exists but has no date.
    ("no-base", "ภายใน ๗ วัน นับแต่วันที่ได้รับหนังสือนี้", None, None),
]


@pytest.mark.parametrize("text,base,date", [c[1:] for c in RELATIVE], ids=[c[0] for c in RELATIVE])
def test_relative_deadlines(text, base, date):
    (d,), _ = find_deadlines([text], base)
    assert d.relative and d.date == date


def test_deadline_text_is_its_paragraph_without_item_number():
    para = "๓. ขอให้รายงานผล ให้แล้วเสร็จภายในวันที่ ๑๑ มิถุนายน ๒๕๖๘"
    (d,), _ = find_deadlines([para], None)
    assert d.text == "ขอให้รายงานผล ให้แล้วเสร็จภายในวันที่ ๑๑ มิถุนายน ๒๕๖๘"


@pytest.mark.parametrize("before,cue", [("ภายใน", True), ("ก่อน", True), ("ไม่เกิน", True),
                                        ("ลง", False), ("ตั้งแต่", False), ("", False)],
                         ids=["within", "before", "not-later", "dated", "from", "nothing"])
def test_is_deadline_cue(before, cue):
    assert is_deadline_cue(before) is cue
