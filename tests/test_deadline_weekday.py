"""A cued deadline whose month OCR lost or spoilt, dated by its printed
weekday when one reading near the letter's date is left (seed 12); always
warned and at confidence 0.5."""

import datetime as dt

import pytest

from docintake.parse import parse_text
from docintake.parse.weekdays import weekday_readings

LETTER = """ที่ ชย ๐๐๒๓.๓/ว ๓๓๑๗ ศาลากลางจังหวัดชัยภูมิ
ถนนบรรณาการ ชย ๓๖๐๐๐
{letter_date}
เรื่อง การรายงานข้อมูลผู้มีสิทธิรับเงินเบี้ยยังชีพ
เรียน นายอำเภอ ทุกอำเภอ
ขอให้อำเภอแจ้งองค์กรปกครองส่วนท้องถิ่นรายงานข้อมูล และรวบรวมส่งให้จังหวัด {body}
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
ผู้ว่าราชการจังหวัดชัยภูมิ"""

CASES = [
    # (id, deadline as OCR'd, letter date, deadlines, warning codes on deadlines)
    # Month and year lost with the line's end (seed 12): of the Mondays the
    # 28th, 28 Apr is 63 days before the letter, 28 Jul 2025 the one left.
    ("month-and-year-lost", "ภายในวันจันทร์ที่ ๒๘", "๓๐ มิถุนายน ๒๕๖๘", [dt.date(2025, 7, 28)], {"month_by_weekday"}),
    # The month in Latin glyphs no table reads, the year printed (seed 12).
    ("month-in-latin", "ภายในวันจันทร์ที่ ๑๖ SUTIAN ๒๕๖๗", "๒๕ พฤศจิกายน ๒๕๖๗", [dt.date(2024, 12, 16)],
     {"month_by_weekday"}),
    # 16 Sep 2024 is a Monday too, 49 days before a letter of 4 Nov: too early
    # for a deadline the letter sets (a week at most, deadlinechain), so
    # 16 Dec is the one reading left, and said so.
    ("two-mondays", "ภายในวันจันทร์ที่ ๑๖ SUTIAN ๒๕๖๗", "๔ พฤศจิกายน ๒๕๖๗", [dt.date(2024, 12, 16)],
     {"deadline_settled_by_date"}),
    # The year printed, the month lost: 19 Sep is 73 days before the letter.
    ("year-kept", "ภายในวันศุกร์ที่ ๑๙ ๒๕๖๘", "๑ ธันวาคม ๒๕๖๘", [dt.date(2025, 12, 19)], {"month_by_weekday"}),
    # Sundays the 28th: 28 Sep and 28 Dec 2025 both fit.
    ("weekday-leaves-two", "ภายในวันอาทิตย์ที่ ๒๘", "๓๐ มิถุนายน ๒๕๖๘", [], {"unreadable", "deadline_ambiguous"}),
    # A month read as printed is the date reader's, unwarned.
    ("month-read", "ภายในวันจันทร์ที่ ๒๘ กรกฎาคม ๒๕๖๘", "๓๐ มิถุนายน ๒๕๖๘", [dt.date(2025, 7, 28)], set()),
    # A day of every month is no date the weekday settles.
    ("every-month", "ภายในวันจันทร์ที่ ๒๘ ของทุกเดือน", "๓๐ มิถุนายน ๒๕๖๘", [], set()),
    # Year spoilt, day misread (seed 13): 23 Mar 2024 is a Saturday; of the
    # Fridays one stock-model digit away (๒๓ with a ๔๖๗๘๙ for a digit) only
    # the 29th; the 22nd would need ๒ misread as ๒.
    ("day-by-weekday", "ให้แล้วเสร็จภายในวันศุกร์ที่ ๒๓ มีนาคม ๒๕๒", "๑๑ มีนาคม ๒๕๖๗", [dt.date(2024, 3, 29)],
     {"year_inferred", "unreadable", "weekday_repaired"}),
    # A day our classifier read (๙ is no stock digit) that misses its weekday: no date.
    ("day-against-weekday", "ให้แล้วเสร็จภายในวันพฤหัสบดีที่ ๒๙ มีนาคม ๒๕๒", "๑๑ มีนาคม ๒๕๖๗", [],
     {"unreadable"}),
    # Seed 15: the year printed decades early (๖ ๘ read as ๐ ๕); 10 Mar 1962 is a
    # Saturday, 10 Mar 2025, the year the letter's date gives, a Monday as
    # printed: the year is inferred, and the weekday no longer contradicts it.
    ("pre-era-year-weekday-agrees", "ภายในวันจันทร์ที่ ๑๐ มีนาคม ๒๕๐๕", "๖ กุมภาพันธ์ ๒๕๖๘", [dt.date(2025, 3, 10)],
     {"year_inferred"}),
    # No cue before it: not a deadline.
    ("not-cued", "ในการประชุมวันจันทร์ที่ ๒๘", "๓๐ มิถุนายน ๒๕๖๘", [], set()),
]


@pytest.mark.parametrize(("body", "letter_date", "want", "codes"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_weekday_dates_a_deadline_without_its_month(body, letter_date, want, codes):
    (letter,) = parse_text(LETTER.format(body=body, letter_date=letter_date)).letters
    assert [d.date for d in letter.deadlines] == want
    assert {w.code for w in letter.warnings if w.field == "deadlines"} == codes
    if want and codes:
        assert letter.confidence["deadlines"] <= 0.5


@pytest.mark.parametrize(("day", "weekday", "ref", "year", "want"), [
    (28, 0, dt.date(2025, 6, 30), None, [dt.date(2025, 7, 28)]),
    (16, 0, dt.date(2024, 11, 4), 2024, [dt.date(2024, 9, 16), dt.date(2024, 12, 16)]),
    (31, 0, dt.date(2025, 6, 30), 2030, []),  # a year out of the window
], ids=["one", "two", "none"])
def test_weekday_readings(day, weekday, ref, year, want):
    assert weekday_readings(day, weekday, ref, year) == want
