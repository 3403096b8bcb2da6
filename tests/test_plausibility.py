"""Plausibility checks anchored on the letter's own date: a date of another
era (a misread year) is no anchor for repairing others."""

import datetime as dt

import pytest

from docintake.parse import parse_text

LETTER = """ที่ พช ๐๐๒๓.๑๔/๑๒๑๘ ที่ว่าการอำเภอหล่มสัก
ถนนพินิจ พช ๖๗๑๑๐
{letter_date}
เรื่อง การประชุม
เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง
ด้วยจังหวัดแจ้งว่า จะจัดประชุม ขอให้ส่งแบบตอบรับ ให้อำเภอทราบ ไม่เกินวันที่ {deadline}
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
นายอำเภอหล่มสัก"""

CASES = [
    # Seed 6: ๒๕๖๗ read ๒๔๖๗ in the letter's date. The deadline's 2567 is one
    # digit from 2467 too; it must not be "repaired" into the letter's era.
    ("letter-year-misread", "๓ กรกฎาคม ๒๔๖๗", "๒๐ กรกฎาคม ๒๕๖๗", dt.date(1924, 7, 3), dt.date(2024, 7, 20)),
    # A letter of this era still repairs a deadline a digit off (2667 for 2567).
    ("letter-in-era", "๓ กรกฎาคม ๒๕๖๗", "๒๐ กรกฎาคม ๒๖๖๗", dt.date(2024, 7, 3), dt.date(2024, 7, 20)),
]


@pytest.mark.parametrize(("letter_date", "deadline", "own", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_deadline_against_letter_of_another_era(letter_date: str, deadline: str, own: dt.date, want: dt.date) -> None:
    (letter,) = parse_text(LETTER.format(letter_date=letter_date, deadline=deadline)).letters
    assert letter.date == (None if own.year < 1990 else own)  # a year no letter here carries is withdrawn
    assert [d.date for d in letter.deadlines] == [want]
    if own.year < 1990:
        assert "year_implausible" in {w.code for w in letter.warnings if w.field == "date"}
