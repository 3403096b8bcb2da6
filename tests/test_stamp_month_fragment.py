"""A receipt stamp's date whose abbreviated month lost its first letter, the
dot run into the day (``28.ย. 68`` for ๒๘ พ.ย. ๖๘, seed 25): the month is read
as one part of an abbreviation, taken only when one reading falls in the
window after the letter's date (parse.stampdate)."""

import datetime as dt

import pytest

from docintake.parse.stampdate import stamp_date

CASES = [
    # (id, stamp date text, the letter's own date, stamp date or None, words in the reason)
    # ย. ends ก.ย., เม.ย., มิ.ย., พ.ย.: only 28 Nov lies in the 31 days after 26 Nov
    ("seed25-first-letter-lost", "28.ย. 68", dt.date(2025, 11, 26), dt.date(2025, 11, 28), "one part"),
    # a letter of 20 Sep: 28 Sep (ก.ย.) is the reading; none other is near
    ("fragment-september", "๒๘.ย. ๖๘", dt.date(2025, 9, 20), dt.date(2025, 9, 28), "one part"),
    # ค. ends seven months: a letter of 30 Jun leaves 28 Jul only, and ก.ค. ends in ค.
    ("fragment-kho", "28.ค. 68", dt.date(2025, 6, 30), dt.date(2025, 7, 28), "one part"),
    # a time of day is no date
    ("time-not-date", "เวลา 10.30 น.", dt.date(2025, 11, 26), None, ""),
]


@pytest.mark.parametrize(("text", "own", "want", "why"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_stamp_month_fragment(text: str, own: dt.date, want: dt.date | None, why: str) -> None:
    got, how = stamp_date(text, own)
    assert got == want
    assert why in how
