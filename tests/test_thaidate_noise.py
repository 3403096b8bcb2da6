"""Dates as the project's OCR prints them (seed-1 dumps): a month with one
stray character is repaired (and says so); a month that is gone is not."""

import datetime as dt

import pytest

from docintake.parse.thaidate import find_dates

CASES = [
    ("abbr-dot-read-as-paren", ". วันที่ ๕ ส(ค. ๖๗", dt.date(2024, 8, 5), True),
    ("abbr-dot-read-as-comma", "๑ ก,ค. ๖๗", dt.date(2024, 7, 1), True),
    ("abbr-stray-letter", "วันที่ 27 มพิ.ย. 68", dt.date(2025, 6, 27), True),
    ("quote-before-month", "๑๒ 'กุมภาพันธ์ ๒๕๖๘", dt.date(2025, 2, 12), False),
    ("clean-abbr", "วันที่ ๕ ส.ค. ๖๗", dt.date(2024, 8, 5), False),
    # A speck read as a dot after a full month name (seed 3).
    ("full-month-trailing-dot", "ภายในวันที ๕ ธันวาคม. ๒๕๖๗", dt.date(2024, 12, 5), True),
    # A year's digits split by a hyphen, as OCR splits them by a space (seed 3).
    ("year-split-by-hyphen", "ภายในวันที่ 2 กันยายน 2-567", dt.date(2024, 9, 2), False),
    ("year-split-by-space", "๒ กันยายน ๒๕ ๖๗", dt.date(2024, 9, 2), False),
    # The space between day and month read as a hyphen (seed 7).
    ("day-month-hyphen", "ด่วนภายใน ๒๕-พฤศจิกายน ๒๕๖๗ เวลา", dt.date(2024, 11, 25), False),
    # A range's hyphen stands between digits: the day is the second one.
    ("day-range-not-glued", "ระหว่างวันที่ ๑-๓ พฤศจิกายน ๒๕๖๗", dt.date(2024, 11, 3), False),
    # มิ.ย. with its dots and upper vowel lost, glued to day and year (seed 3 memo);
    # but เม.ย. loses its leading vowel to the same มย (seed 68): not repaired.
    ("abbr-vowel-lost-glued-ambiguous", ". วันที 17มย67 1 0", None, False),
    # มค could be ม.ค. or มี.ค. with the vowel lost: not repaired.
    ("bare-abbr-ambiguous", "วันที 17มค67", None, False),
    # Latin debris where the month was: nothing to repair from.
    ("month-latin", "๒๒ Ain. od", None, False),
    ("month-gone", "วันที ๓๐ ๖๖", None, False),
    # One stray letter in a two-letter abbreviation is ambiguous (ก.ค./ส.ค./ต.ค.).
    ("two-letter-abbr-ambiguous", "๕ ข.ค. ๖๗", None, False),
    # The abbreviation's dot read as a vowel below the line.
    ("abbr-dot-read-as-sara-u", "วันที่ ๒๙ กุย. ๖๘", dt.date(2025, 9, 29), True),
    ("abbr-dot-read-as-sara-uu", "ภายในวันที่ ๑๒ พูค. ๒๕๖๘", dt.date(2025, 5, 12), True),
    # A mark added where no abbreviation of that consonant has one.
    ("abbr-stray-upper-vowel", "๓๑ สี.ค. ๒๕๖๖", dt.date(2023, 8, 31), True),
    # ม.ค. or มี.ค. with a mark misread: the consonants fit both.
    ("abbr-mark-ambiguous", "๑ มิ.ค. ๒๕๖๗", None, False),
    # A speck glued in front of an exact abbreviation.
    ("abbr-speck-in-front", "วันท ๒๐ ฑส.ค. ๒๕๖๗", dt.date(2024, 8, 20), True),
    # Latin look-alikes of a handwritten or small abbreviation.
    ("abbr-latin-feb", "JUN ๓ A.W. ๖๘", dt.date(2025, 2, 3), True),
    ("abbr-latin-may", "วันที่๗ ๒๐ WA. ๖๗ 0!", dt.date(2024, 5, 20), True),
    ("abbr-latin-dec", "จนท ๒๕ 5.A. ๖๖", dt.date(2023, 12, 25), True),
    ("abbr-digits-sep", "ไม่เกินวันที่ ๒๒ 1.8. ๒๕๖๘", dt.date(2025, 9, 22), True),
    # A.A. fits ก.ค., ส.ค. and ต.ค.; UA. fits ม.ค. and มี.ค.: no month.
    # A space after the abbreviation's first dot (seed 3): พ then ค or ย, and
    # A is no ย: only พ.ค. fits.
    ("abbr-latin-space-after-dot", "ลงวันที่ ๓ พ. A. ๒๕๖๗", dt.date(2024, 5, 3), True),
    ("abbr-latin-space-ambiguous", "ลงวันที่ ๓ A. A. ๒๕๖๗", None, False),
    ("abbr-latin-ambiguous", "จนท ๕ A.A. ๖๗", None, False),
    ("abbr-latin-jan-or-mar", "ลงวันที่ ๑ UA. ๒๕๖๗", None, False),
    # A speck read as ล before an abbreviation's dot (receipt stamps, seeds 1, 6, 7).
    ("abbr-speck-lo-first-dot", "วันที่ ๓๐ กล.ค. ๖๘", dt.date(2025, 7, 30), True),
    ("abbr-speck-lo-after-two-letters", "๔ เมล.ย. ๖๘", dt.date(2025, 4, 4), True),
    # An Arabic digit in a Thai-digit date stands for a Thai digit (seed 6).
    ("day-arabic-among-thai", "วันที่ ๒9 สค. ๒๕๖๗", None, False),
    ("day-arabic-year-thai", "วันที่ 9 มิย ๖๘", None, False),
    # Seed 26: a letter between the day's two digits; the 4 alone is no day (it was read as 4 Feb for 14).
    ("letter-inside-day", "วันที่1น4กพ.67", None, False),
    ("day-thai-year-arabic", "วันที่ ๙ มิ.ย. 2568", dt.date(2025, 6, 9), False),
    # A digit of the other script glued to the month's specks after the day.
    ("other-script-digit-glued-to-month", "๕ 7ฟฆฏฤษภาคม ๒๕๖๘", dt.date(2025, 5, 5), True),
    # Specks glued before a full month name.
    ("full-month-specks-in-front", "7907 ๒๗ญฆมีนำคม ๒๕๖๗", dt.date(2024, 3, 27), True),
]


@pytest.mark.parametrize(("text", "want", "repaired"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_noisy_date(text: str, want: dt.date | None, repaired: bool) -> None:
    hits = [h for h in find_dates(text) if h.date is not None]
    assert [h.date for h in hits] == ([want] if want else [])
    if want is not None:
        assert any(p.startswith("month_repaired") for p in hits[0].problems) is repaired
        assert (hits[0].confidence < 1.0) is repaired
