"""Deadlines whose label lost its vowels or whose month abbreviation lost its
second part (OCR lines from seed 20's recorded text)."""

import datetime as dt

import pytest

from docintake.parse import parse_text
from docintake.parse.deadline_cues import is_deadline_cue
from docintake.parse.glyphs import abbreviation_heads, lost_month_readings

HEADS = [
    # มี.ค.; with its vowel misread or lost, ม.ค. and มิ.ย. as well.
    ("mi-long", "มี.", [1, 3, 6]),
    ("me", "เม.", [4]),
    ("ko", "ก.", [2, 7, 9]),
    ("pho", "พ.", [5, 11]),
    ("whole-abbreviation-is-no-head", "มี.ค.", list(range(1, 13))),
    ("latin", "HUNAN", list(range(1, 13))),
]


@pytest.mark.parametrize(("token", "want"), [c[1:] for c in HEADS], ids=[c[0] for c in HEADS])
def test_abbreviation_heads(token: str, want: list[int]) -> None:
    assert abbreviation_heads(token) == want


READINGS = [
    # ๓๑ มี. (ค. wrapped away, garbled): March or January have a 31st, June
    # none; only 31 March lies in the window around a letter of 3 April 2568.
    ("head-narrows", " 31 มี.", dt.date(2025, 4, 3), [dt.date(2025, 3, 31)]),
    # A token that is no head leaves every month with a 31st in the window.
    ("no-head", " 31 HUNAN", dt.date(2025, 4, 3), [dt.date(2025, 3, 31), dt.date(2025, 5, 31), dt.date(2025, 7, 31),
                                                   dt.date(2025, 8, 31), dt.date(2025, 10, 31)]),
]


@pytest.mark.parametrize(("after", "ref", "want"), [c[1:] for c in READINGS], ids=[c[0] for c in READINGS])
def test_lost_month_readings_by_head(after: str, ref: dt.date, want: list[dt.date]) -> None:
    assert lost_month_readings(after, ref) == want


CUES = [
    ("label-vowels-lost", "เห็นควรให้รายงานข้อมูลจุดบริการประชาชน ก่อนวนท ", True),
    ("label-whole", "เห็นควรให้รายงานข้อมูลจุดบริการประชาชน ก่อนวันที่ ", True),
    ("no-cue", "เห็นควรให้รายงานข้อมูลจุดบริการประชาชน ", False),
]


@pytest.mark.parametrize(("before", "want"), [c[1:] for c in CUES], ids=[c[0] for c in CUES])
def test_label_without_vowels(before: str, want: bool) -> None:
    assert is_deadline_cue(before) is want


LETTER = """ที่ ชม ๐๐๒๓.๑๓/๕๕๑ ที่ว่าการอำเภอสันทราย
ถนนเชียงใหม่-พร้าว ชม ๕๐๒๑๐
๓ เมษายน ๒๕๖๘
เรื่อง รายงานผลการคัดแยกขยะ
เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง
จึงขอให้องค์กรปกครองส่วนท้องถิ่นรายงานผลการคัดแยก
ขยะ ตามแบบรายงานที่กำหนด ส่งให้อำเภอภายในไม่เกินวันที่ {day}
A. ๒๕๖๘
จึงเรียนมาเพื่อโปรดทราบและถือปฏิบัติ
ขอแสดงความนับถือ
(นายบุญเลิศ ขันทอง)
นายอำเภอสันทราย"""

LETTERS = [
    # seed 20: the month's ค. came out as ``A.`` on the next line.
    ("thirty-first-mi", "๓๑ มี.", dt.date(2025, 3, 31)),
    # ๓๐ มี. may be 30 March or 30 January (a lost vowel) or 30 June: 30 June is in the window too.
    ("thirtieth-mi-two-readings", "๓๐ มี.", None),
]


@pytest.mark.parametrize(("day", "want"), [c[1:] for c in LETTERS], ids=[c[0] for c in LETTERS])
def test_deadline_read_by_abbreviation_head(day: str, want: dt.date | None) -> None:
    (letter,) = parse_text(LETTER.format(day=day)).letters
    assert [d.date for d in letter.deadlines] == ([want] if want else [])
    if want:
        assert any(w.code.startswith("deadline_settled") for w in letter.warnings)
