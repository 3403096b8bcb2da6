"""The receipt stamp's date (``receipt``): a day, a month token OCR damages
most (handwritten, read in Latin look-alikes) and maybe a year, read against
the letter's own date. A letter is received on or after its date, within
weeks: that window chooses between the readings a damaged date allows (a
month several look-alike letters fit, a year lost or spoilt) and withdraws
a reading before the letter was written. The window alone never makes a
month: the text must fit it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from docintake.parse.daydigits import stand_in_day
from docintake.parse.months import month_number, months_by_shape, months_of_fragment, months_one_misread
from docintake.parse.thaidate import find_dates
from docintake.parse.thaiyear import ERA_FLOOR, normalise_year
from docintake.text.normalize import thai_to_arabic_digits

# A stamp is received on the letter's date or in the weeks after it: the span
# in which one reading of a damaged stamp date must fall to be taken (as
# urgency.URGENT_HORIZON_DAYS for a ด่วนภายใน stamp).
RECEIPT_WITHIN_DAYS = 31


# A day, a month token (Thai, or damaged into Latin letters and digits) and
# maybe a year; on text whose Thai digits were mapped to Arabic. The day may
# run into the month's dot when the abbreviation's first letter is lost
# (``28.ย. 68`` for ๒๘ พ.ย. ๖๘, seed 25): the month token is then ``ย.``.
_DAY_MONTH = re.compile(r"(?<![0-9A-Za-z\u0e01-\u0e4e.])(?P<day>\d{1,2})(?:[.:,]?\s+|\.(?=[\u0e01-\u0e2e]\.))"
                        r"(?P<month>(?:\d?[^\s\d]+){1,3})(?:\s*(?P<year>\S{2,5}))?")
_QUOTES = re.compile("[\'\"“”‘’|]")


def stamp_day_month(text: str) -> re.Match[str] | None:
    """The day-month-year part of a stamp's date text, if it has one: the
    first whose month token some month fits, past a label OCR read as a
    digit and Latin (``๑ Sun ๑๗ พ.ย. ๒๕๖๘``, seed 51), else the first.

    >>> stamp_day_month("๑ Sun ๑๗ พ.ย. ๒๕๖๘")["day"]
    '17'
    """
    norm = _QUOTES.sub(" ", thai_to_arabic_digits(text))
    first = m = _DAY_MONTH.search(norm)
    while m is not None and not stamp_months(m["month"])[0]:
        m = _DAY_MONTH.search(norm, m.start("month"))  # the year group may have taken the real day
    return m or first


def holds_date(text: str) -> bool:
    """A line without a label is the stamp's date only with a day and a
    month token some month fits (``ด่วน ๘ ม.ค. ๖๗``, ``สด ง ๒๖ พุ้ย. ๖๗``)."""
    m = stamp_day_month(text)
    return m is not None and bool(stamp_months(m["month"])[0])


LATE = "over a year after the letter's own date"


def stamp_date(text: str, own: dt.date | None) -> tuple[dt.date | None, str]:
    """The stamp's date and, when it took more than reading, why (or why it
    is unread). Read as any date first: a reading before ``own``, or over a
    year after it, has a misread digit, and is replaced by the one reading
    of its day and month in the window (its year taken from ``own``), else
    withdrawn (before ``own``) or kept (after)."""
    clean = _clean(text)
    dated = [h for h in find_dates(clean) if h.date is not None]
    read = dated[0].date if dated else None
    if read is not None and (own is None or own <= read <= own + dt.timedelta(days=366)):
        repaired = [p for p in dated[0].problems if p.startswith("month_repaired")]
        return read, (f"month {repaired[0].split(':', 1)[1]!r} read as {read.month}" if repaired else "")
    if own is None:
        return None, ""
    fits, how = _window_readings(clean, own, year_doubtful=read is not None)
    if len(fits) == 1:
        return fits[0], how
    if read is not None and read > own:
        return read, f"{LATE} {own.isoformat()}: check the year"
    if read is not None:
        return None, f"read as {read.isoformat()}, before the letter's own date {own.isoformat()}: withdrawn"
    return None, f"{len(fits)} readings fit ({', '.join(d.isoformat() for d in fits)})" if fits else how


def _clean(text: str) -> str:
    return re.sub(r"(?<=[0-9๐-๙])[.:,](?=\s)", " ", _QUOTES.sub(" ", text))


def stamp_readings(text: str, own: dt.date | None) -> list[dt.date]:
    """The dates an unread stamp date can be, from ``own`` to
    ``RECEIPT_WITHIN_DAYS`` after it: those its month token allows, else (no
    month fits the token, or none printed) every date with its day; a day
    with a misread digit gives every day of its month. Named for the
    registry, never taken here: the window alone does not make a date.

    >>> stamp_readings("๒๙ nea. ๖๗", dt.date(2024, 7, 24))
    [datetime.date(2024, 7, 29)]
    >>> stamp_readings("9 ต.ค. ๖๘", dt.date(2025, 9, 30))[:3]  # a stand-in digit: any day of the month
    [datetime.date(2025, 10, 1), datetime.date(2025, 10, 2), datetime.date(2025, 10, 3)]
    """
    if own is None:
        return []
    clean = _clean(text)
    m = stamp_day_month(clean)
    if m is None:
        return _month_lost_readings(clean, own)
    if stand_in_day(clean, m):
        return _day_lost_readings(m, own)
    if not 1 <= int(m["day"]) <= 31:
        return []
    if stamp_months(m["month"])[0]:
        return _window_readings(clean, own, year_doubtful=True)[0]
    return _days_in_window(int(m["day"]), own)


def _day_lost_readings(m: re.Match[str], own: dt.date) -> list[dt.date]:
    """Every day of the window in the months the token allows: the stamp's day
    has a misread digit (``9 ต.ค. ๖๘`` for ๑ ต.ค., seed 136), so any may be it."""
    months = stamp_months(m["month"])[0]
    days = (own + dt.timedelta(days=k) for k in range(RECEIPT_WITHIN_DAYS + 1))
    return [d for d in days if d.month in months]


def _days_in_window(day: int, own: dt.date) -> list[dt.date]:
    days = (own + dt.timedelta(days=k) for k in range(RECEIPT_WITHIN_DAYS + 1))
    return [d for d in days if d.day == day]


# A day, then the year with no month token between (the handwritten month
# lost whole: ``๑๗ ๒๕๖๗``, seed 134).
_DAY_YEAR = re.compile(r"(?<![0-9A-Za-z\u0e01-\u0e4e.])(?P<day>\d{1,2})\s+(?P<year>\d{4}|\d{2})(?![0-9.])")


def _month_lost_readings(text: str, own: dt.date) -> list[dt.date]:
    """The dates of a stamp whose month OCR lost whole: its day in the window,
    in its year when the year is read.

    >>> _month_lost_readings("๑๗ ๒๕๖๗", dt.date(2024, 1, 15))
    [datetime.date(2024, 1, 17)]
    >>> _month_lost_readings("๑๗ ๒๕๖๗", dt.date(2024, 12, 20))  # 17 Jan 2568 is of another year
    []
    """
    norm = _QUOTES.sub(" ", thai_to_arabic_digits(text))
    m = _DAY_YEAR.search(norm)
    if m is None or not 1 <= int(m["day"]) <= 31:
        return []
    year = normalise_year(m["year"])
    return [d for d in _days_in_window(int(m["day"]), own) if year is None or d.year == year]


def _window_readings(text: str, own: dt.date, *, year_doubtful: bool) -> tuple[list[dt.date], str]:
    """Every date the stamp's day, month token and year allow from ``own`` to
    ``RECEIPT_WITHIN_DAYS`` after it, and what was taken beyond the text."""
    m = stamp_day_month(text)
    if m is None:
        return [], ""
    if stand_in_day(text, m):
        return [], f"day {text[m.start('day'):m.end('day')]!r} mixes Arabic and Thai digits: a digit is misread"
    day = int(m["day"])
    months, exact = stamp_months(m["month"])
    part = not months and bool(months := months_of_fragment(m["month"]))  # เม. of เม.ย.: one part read
    if not months:
        return [], _month_hint(m, day, own)
    printed = (m["year"] or "").rstrip(".")
    year = normalise_year(printed) if re.fullmatch(r"\d{2}|\d{4}", printed) else None
    years = [year] if year is not None and year >= ERA_FLOOR and not year_doubtful else [own.year, own.year + 1]
    last = own + dt.timedelta(days=RECEIPT_WITHIN_DAYS)
    fits = sorted({dt.date(y, mo, day) for y in years for mo in months
                   if day <= calendar.monthrange(y, mo)[1] and own <= dt.date(y, mo, day) <= last})
    why = [] if exact else [f"month {m['month']!r} read as one part of an abbreviation" if part
                            else f"month {m['month']!r} read by the shapes of its letters"]
    if len(years) > 1:
        why.append("year not readable" if not year_doubtful else "the year read is implausible")
    span = f"the one reading from the letter's date {own.isoformat()} to {RECEIPT_WITHIN_DAYS} days after it"
    return fits, (", ".join(why) + f": {span}") if why else span


def _month_hint(m: re.Match[str], day: int, own: dt.date) -> str:
    """Why a stamp date whose month no table reads stays unread, naming for
    the clerk the one date with its day in the window, if one: the window
    alone does not make a month (the text must fit it)."""
    last = own + dt.timedelta(days=RECEIPT_WITHIN_DAYS)
    days = [own + dt.timedelta(days=k) for k in range((last - own).days + 1)]
    near = [d for d in days if d.day == day]
    hint = f"; {near[0].isoformat()} is the one day {day} in the {RECEIPT_WITHIN_DAYS} days after the letter" \
        if len(near) == 1 else ""
    return f"month {m['month']!r} not readable{hint}"


# A dotted abbreviation closed by its dot, then letters glued on: what OCR
# made of the handwritten year (``ก.ค.าอฒ`` for ก.ค. ๖๗, seed 13).
_CLOSED_THEN_GLUED = re.compile("^(เ?[ก-ฮ][\u0e31-\u0e3a\u0e47-\u0e4e]?\\.[ก-ฮ]\\.)[^\\s.]+$")


# A dotted abbreviation whose closing dot came out as a letter, or with a
# letter glued before it (``ต.คล``, ``พ.ยอ.``: seed 36); no abbreviation has a
# third letter, so the month is the first two.
_LETTER_AFTER_ABBREVIATION = re.compile("^(เ?[ก-ฮ][\u0e31-\u0e3a\u0e47-\u0e4e]?\\.[ก-ฮ])[ก-ฮ]\\.?$")


# The same before the first dot (``มอ.ค.`` for ม.ค.: seed 122).
_LETTER_BEFORE_FIRST_DOT = re.compile("^(เ?[ก-ฮ][\u0e31-\u0e3a\u0e47-\u0e4e]?)[ก-ฮ](\\.[ก-ฮ]\\.?)$")


def stamp_months(token: str) -> tuple[set[int], bool]:
    """The months a stamp's month token can be, and whether it was read as
    printed: a name or abbreviation (OCR-tolerant: ``month_number``), else
    every month its glyph shapes allow, a digit between its letters read as
    the dot (``มิ๑ย.``), or one of its letters misread (``หย..``)."""
    token = token.strip(",:;")
    hit = month_number(token)
    if hit is not None:
        return {hit[0]}, hit[1] == 0
    dotted = re.sub(r"(?<=[\u0e01-\u0e4e])\d(?=[\u0e01-\u0e4e])", ".", token)
    if dotted != token and (hit := month_number(dotted)) is not None:
        return {hit[0]}, False
    closed = _CLOSED_THEN_GLUED.match(token)  # ก.ค.าอฒ: the year read as letters, glued on
    if closed is not None and (hit := month_number(closed[1])) is not None and hit[1] == 0:
        return {hit[0]}, False
    extra = _LETTER_AFTER_ABBREVIATION.match(token)  # ต.คล, พ.ยอ.: a speck read as a letter before the dot
    if extra is not None and (hit := month_number(extra[1] + ".")) is not None and hit[1] == 0:
        return {hit[0]}, False
    extra = _LETTER_BEFORE_FIRST_DOT.match(token)  # มอ.ค.: the same before the first dot
    if extra is not None and (hit := month_number(extra[1] + extra[2])) is not None and hit[1] == 0:
        return {hit[0]}, False
    # a stamp's date is filled in by hand: its weaker look-alikes count here,
    # where the letter's date gives the window that chooses among them
    return months_by_shape(token, one_unread=True, hand=True) or months_one_misread(token), False
