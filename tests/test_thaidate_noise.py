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
    # มิ.ย. with its dots and upper vowel lost, glued to day and year (seed 3 memo).
    ("abbr-upper-vowel-lost-glued", ". วันที 17มย67 1 0", dt.date(2024, 6, 17), True),
    # มค could be ม.ค. or มี.ค. with the vowel lost: not repaired.
    ("bare-abbr-ambiguous", "วันที 17มค67", None, False),
    # Latin debris where the month was: nothing to repair from.
    ("month-latin", "๒๒ Ain. od", None, False),
    ("month-gone", "วันที ๓๐ ๖๖", None, False),
    # One stray letter in a two-letter abbreviation is ambiguous (ก.ค./ส.ค./ต.ค.).
    ("two-letter-abbr-ambiguous", "๕ ข.ค. ๖๗", None, False),
]


@pytest.mark.parametrize(("text", "want", "repaired"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_noisy_date(text: str, want: dt.date | None, repaired: bool) -> None:
    hits = [h for h in find_dates(text) if h.date is not None]
    assert [h.date for h in hits] == ([want] if want else [])
    if want is not None:
        assert any(p.startswith("month_repaired") for p in hits[0].problems) is repaired
        assert (hits[0].confidence < 1.0) is repaired
