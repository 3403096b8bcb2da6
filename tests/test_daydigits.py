"""The day of a date read through OCR's debris around it (parse/daydigits),
and the one stand-in-digit rule the letter's dates and the receipt stamp's
date share."""

import pytest

from docintake.parse.daydigits import QUOTES, read_day, stand_in_day
from docintake.parse.stampdate import stamp_day_month
from docintake.parse.thaidate import DATE_RE, DateHit
from docintake.text.normalize import thai_to_arabic_digits

DAYS = [
    ("clean", "๒๙ กรกฎาคม ๒๕๖๗", 29, []),
    ("split-by-space", "๒ ๗ มิถุนายน ๒๕๖๘", 27, []),
    # A speck read as a Latin 0 before a two-digit Thai day: dropped, and said so.
    ("speck-before-whole-day", "0 ๒๙ กรกฎาคม ๒๕๖๗", 29, ["day_debris_dropped:0"]),
    # ๕ is the day; the Latin 7 glued to the month's specks is debris.
    ("debris-glued-to-month", "๕ 7ฟฆฏฤษภาคม ๒๕๖๘", 5, ["day_debris_dropped:5 7"]),
    # A lone number before the day, same script: 26 or 1? not to be told.
    ("lone-number-before", "26 1 พฤษภาคม 2568", None, ["day_ambiguous"]),
    # ๙ printed as 9 among Thai digits: this OCR cannot output ๙, so the day is not trusted.
    ("stand-in-digit", "๒9 สค. ๒๕๖๗", None, ["day_digits_mixed"]),
]


@pytest.mark.parametrize(("text", "day", "problems"), [c[1:] for c in DAYS], ids=[c[0] for c in DAYS])
def test_read_day(text, day, problems):
    m = DATE_RE.search(QUOTES.sub(" ", thai_to_arabic_digits(text)))
    hit = DateHit(m.start(), m.end(), None)
    assert read_day(text, m, hit) == day
    assert hit.problems == problems


def _date_match(text):
    return DATE_RE.search(thai_to_arabic_digits(text))


STAND_IN = [
    ("date-thai-year", _date_match, "๒9 สค. ๒๕๖๗", True),
    ("date-all-thai", _date_match, "๒๙ สค. ๒๕๖๗", False),
    ("date-all-arabic", _date_match, "29 สค. 2567", False),
    ("stamp-thai-year", stamp_day_month, "9 มิย ๖๘", True),
    # A stamp's date may print no year: a Latin day alone is ordinary handwriting...
    ("stamp-no-year-latin", stamp_day_month, "12 ม.ค.", False),
    # ...but a day mixing both scripts still holds a stand-in digit.
    ("stamp-no-year-mixed", stamp_day_month, "๑9 ม.ค.", True),
]


@pytest.mark.parametrize(("match", "text", "mixed"), [c[1:] for c in STAND_IN], ids=[c[0] for c in STAND_IN])
def test_stand_in_day(match, text, mixed):
    m = match(text)
    assert m is not None
    assert stand_in_day(text, m) is mixed
