"""A cued deadline whose month OCR lost or spoilt, settled by its printed
weekday (``ภายในวันจันทร์ที่ ๒๘`` with the rest of the line gone,
``ภายในวันจันทร์ที่ ๑๖ SUTIAN ๒๕๖๗``).

The weekday is a check digit the letter prints: a given day of the month
falls on a given weekday in one or two months a year. Of the months in
``infer_year``'s window around the letter's date (60 days before, 240
after), the reading is taken only when exactly one falls on the printed
weekday, and is marked ``month_by_weekday`` so the caller warns. A printed
year of the era narrows the readings to it. Pure.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from docintake.parse.deadline_cues import is_deadline_cue
from docintake.parse.glyphs import day_readings
from docintake.parse.months import month_number, weekday_number
from docintake.parse.thaidate import DateHit
from docintake.parse.thaiyear import ERA_FLOOR, normalise_year
from docintake.text import lexicon
from docintake.text.normalize import thai_to_arabic_digits

# วัน<weekday>ที่, a day, then what is left of the month (no digits, up to
# twelve glyphs, or nothing) and maybe a year; on text with Arabic digits.
_WEEKDAY_LABEL = r"วัน(?P<wd>[ก-๎]{2,10}?)\s?ท\u0e35?\u0e48?\s*"  # วัน<weekday>ที่, its marks maybe lost
_WEEKDAY_DAY = re.compile(_WEEKDAY_LABEL + r"(?P<day>\d{1,2})(?![\d.])"
                          r"(?:\s*(?P<month>[^\s\d]{1,12}))?(?:\s*(?:พ\.?\s?ศ\.?\s*)?(?P<year>\d{4}|\d{2})(?!\d))?")


def weekday_readings(day: int, weekday: int, ref: dt.date, year: int | None = None) -> list[dt.date]:
    """Every date with this day on this weekday (Monday 0) from 60 days
    before ``ref`` to 240 after it, in ``year`` (CE) if one was printed.

    >>> weekday_readings(28, 0, dt.date(2025, 6, 30))  # Monday the 28th
    [datetime.date(2025, 7, 28)]
    >>> weekday_readings(16, 0, dt.date(2024, 11, 4), 2024)  # 16 Sep is 49 days before
    [datetime.date(2024, 9, 16), datetime.date(2024, 12, 16)]
    """
    return day_readings(day, ref, year=year, weekday=weekday)


def _month_lost(token: str | None) -> bool:
    """Whether what follows the day is a month OCR lost or spoilt: nothing,
    or a token no month table reads that is no word of
    ``lexicon.DAY_OF_SOME_MONTH`` (``ของทุกเดือน``: every month's day)."""
    if not token:
        return True
    return month_number(token) is None and not token.startswith(lexicon.DAY_OF_SOME_MONTH)


def weekday_hits(paragraph: str, ref: dt.date | None, dated: list[tuple[int, int]]) -> list[DateHit]:
    """Cued ``วัน<weekday>ที่ <day>`` deadlines no other reader dated (``dated``:
    the spans they read), whose month no table reads: dated by
    ``weekday_readings`` when one is left, else dateless (the caller warns)."""
    if ref is None:
        return []
    hits = []
    for m in _WEEKDAY_DAY.finditer(thai_to_arabic_digits(paragraph)):
        weekday = weekday_number(m["wd"])
        if weekday is None or any(a <= m.start("day") < b for a, b in dated) or not is_deadline_cue(
                paragraph[: m.start()]) or not _month_lost(m["month"]):
            continue
        year = normalise_year(m["year"]) if m["year"] else None
        year = year if year is not None and year >= ERA_FLOOR else None
        fits = weekday_readings(int(m["day"]), weekday, ref, year)
        date = fits[0] if len(fits) == 1 else None
        hits.append(DateHit(m.start(), m.end(), date, weekday=weekday, confidence=0.5,
                            raw=paragraph[m.start(): m.end()],
                            problems=["month_by_weekday" if date else "month_unreadable"],
                            month=date.month if date else None, year=date.year if date else None,
                            readings=[] if date else fits))
    return hits


# วัน<weekday>ที่ just before a day: the weekday a date printed after it must fall on.
_WEEKDAY_BEFORE = re.compile(_WEEKDAY_LABEL + "$")


def printed_weekday(before: str) -> int | None:
    """The weekday (Monday 0) printed right before a day, or None.

    >>> printed_weekday("ให้แล้วเสร็จภายในวันศุกร์ที่ "), printed_weekday("ภายในวันที่ ")
    (4, None)
    """
    m = _WEEKDAY_BEFORE.search(before)
    return weekday_number(m["wd"]) if m else None


def stock_day_repairs(day: str, month: int, year: int, weekday: int) -> list[dt.date]:
    """Days of ``month`` on ``weekday`` one digit from ``day`` as printed,
    that digit one the stock Thai model cannot print (๔๖๗๘๙) put where it
    printed one it can: a day printed only in ๐๑๒๓๕ is what that model makes
    of any day, and its misread digit is one it has no glyph for.

    >>> stock_day_repairs("๒๓", 3, 2024, 4)  # Friday: the 29th, not the 22nd (๒ prints as ๒)
    [datetime.date(2024, 3, 29)]
    >>> stock_day_repairs("๒๙", 3, 2024, 4)  # a ๙ was read by our classifier: no repair
    []
    """
    if not day or any(c not in lexicon.STOCK_OCR_DIGITS for c in day):
        return []
    digits = thai_to_arabic_digits(day)
    out = []
    for i in range(len(digits)):
        for d in thai_to_arabic_digits("๔๖๗๘๙"):
            cand = int(digits[:i] + d + digits[i + 1 :])
            if 1 <= cand <= calendar.monthrange(year, month)[1] and dt.date(year, month, cand).weekday() == weekday:
                out.append(dt.date(year, month, cand))
    return out

