"""A printed weekday that contradicts its date, settled by the digit
confusions this OCR makes (lexicon.DIGIT_MISREADS) when several one-digit
readings fit the weekday (issue #4: the weekday repairs a misread day or
year when the rest is ambiguous)."""

import datetime as dt

import pytest

from docintake.parse import parse_text
from docintake.parse.misreads import confusion_note, misread_readings, weekday_misread
from docintake.text import lexicon

D = dt.date

MISREAD_CASES = [
    # (id, date as read, printed weekday (Monday 0), window, expected)
    # Seed 18: ภายในวันจันทร์ที่ ๕ เมษายน ๒๕๖๗; 5 April 2024 is a Friday. ๕ may be
    # ๘, ๔ or ๙: the 8th is a Monday, the 4th a Thursday, the 9th a Tuesday.
    ("eight-read-as-five", D(2024, 4, 5), 0, None, (D(2024, 4, 8), "5=8")),
    # ๒๐ พฤษภาคม ๒๕๖๘ printed Friday: ๒๖ (a Monday), ๖๐ no day, year 2563
    # (20 May 2020, a Wednesday): no confusion reaches a Friday.
    ("no-confusion-fits", D(2025, 5, 20), 4, None, None),
    # ๑๐ มิถุนายน ๒๕๖๘ printed Monday: ๑๖ through ๖ read as ๐ ...
    ("six-read-as-zero", D(2025, 6, 10), 0, None, (D(2025, 6, 16), "0=6")),
    # ... unless the window (the bundle's span) leaves it out.
    ("outside-window", D(2025, 6, 10), 0, (D(2025, 6, 17), D(2025, 12, 31)), None),
    # ๑๓ มีนาคม ๒๕๖๘ (a Thursday) printed Monday: ๑๗ is a Monday (๗ read as ๓),
    # ๑๘ a Tuesday.
    ("seven-read-as-three", D(2025, 3, 13), 0, None, (D(2025, 3, 17), "3=7")),
    # A year digit: ๑ มกราคม ๒๕๖๓ (2020, a Wednesday) printed Monday; ๒๕๖๗
    # (๗ read as ๓) makes 1 January 2024, a Monday; ๒๕๖๘ (2025) a Wednesday.
    ("year-digit", D(2020, 1, 1), 0, None, (D(2024, 1, 1), "3=7")),
]


@pytest.mark.parametrize("read,weekday,window,expected", [c[1:] for c in MISREAD_CASES],
                         ids=[c[0] for c in MISREAD_CASES])
def test_weekday_misread(read, weekday, window, expected):
    assert weekday_misread(read, weekday, window) == expected


def test_year_readings_stay_near():
    # ๒๕๖๘ -> ๒๘๖๘ is no letter's year: readings stay within ten years.
    assert all(abs(d.year - 2025) <= 10 for d, _ in misread_readings(D(2025, 6, 10)))


def test_table_is_thai_digits_to_other_digits():
    for read, meant in lexicon.DIGIT_MISREADS.items():
        assert read in "๐๑๒๓๔๕๖๗๘๙" and meant and set(meant) <= set("๐๑๒๓๔๕๖๗๘๙") and read not in meant


def test_note_names_the_confusion():
    assert "๕ printed for ๘" in confusion_note("weekday_repaired:2024-04-05:5=8")
    assert confusion_note("weekday_repaired:2024-04-05") == ""


LETTER = """ที่ ชย ๐๐๒๓.๓/ว ๓๓๑๗ ศาลากลางจังหวัดชัยภูมิ
ถนนบรรณาการ ชย ๓๖๐๐๐
๒ เมษายน ๒๕๖๗
เรื่อง รายงานผลการดำเนินงานและสถิติอุบัติเหตุ
เรียน นายอำเภอ ทุกอำเภอ
ขอให้อำเภอแจ้งองค์กรปกครองส่วนท้องถิ่นรายงานผลการดำเนินงานและสถิติอุบัติเหตุ ส่งให้จังหวัด {body}
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
ผู้ว่าราชการจังหวัดชัยภูมิ"""

LETTER_CASES = [
    # (id, deadline as OCR'd, deadlines, warning codes on deadlines)
    # Seed 18, the year wrapped onto the next line: 1 and 8 April are Mondays
    # one digit from ๕; ๘ -> ๕ is the confusion, so the 8th, warned.
    ("seed18-wrapped-year", "ให้แล้วเสร็จภายในวันจันทร์ที่ ๕ เมษายน\n๒๕๖๗", [D(2024, 4, 8)], {"weekday_repaired"}),
    # Printed Wednesday: 3 and 10 April are Wednesdays one digit from ๕, neither
    # through a confusion: the date as read, and the mismatch warned.
    ("no-confusion-kept", "ให้แล้วเสร็จภายในวันพุธที่ ๕ เมษายน ๒๕๖๗", [D(2024, 4, 5)], {"weekday_mismatch"}),
    ("weekday-agrees", "ให้แล้วเสร็จภายในวันจันทร์ที่ ๘ เมษายน ๒๕๖๗", [D(2024, 4, 8)], set()),
]


@pytest.mark.parametrize("body,expected,codes", [c[1:] for c in LETTER_CASES], ids=[c[0] for c in LETTER_CASES])
def test_deadline_weekday_through_confusion(body, expected, codes):
    (letter,) = parse_text(LETTER.format(body=body)).letters
    assert [d.date for d in letter.deadlines] == expected
    assert {w.code for w in letter.warnings if w.field == "deadlines"} == codes
    if codes:
        assert letter.confidence["deadlines"] < 1.0
