"""A cued date whose printed weekday only a day far from the letter fits,
read again with its month misread instead of its day.

``daterepair.check_weekday`` mends a weekday mismatch through one day digit
(or the year): ``ภายในวันจันทร์ที่ 4 ส.ค. 2566`` becomes Monday 7 August.
In a letter of 5 December 2566 a deadline four months past is no reading:
the day was printed right and OCR read ธ.ค. as ส.ค. (seed 69). So when the
mended date falls outside the weeks around the letter's date, the month's
abbreviation is read with one letter misread (``months.months_one_misread``)
and the printed day and year kept; the one month that gives the printed
weekday inside that span is taken, warned, at low confidence. Pure.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import TYPE_CHECKING

from docintake.parse.daterepair import REPAIR_DAYS_BEFORE
from docintake.parse.months import months_one_misread
from docintake.text.normalize import thai_to_arabic_digits

if TYPE_CHECKING:
    from docintake.parse.thaidate import DateHit

AFTER_DAYS = 366  # a deadline is set within a year of its letter
CONFIDENCE = 0.5
# The month's token: the first word after the day (the weekday's ที่ before it).
_DAY_MONTH = re.compile(r"(?<![0-9])[0-9]{1,2}\s*(?P<month>[^\s0-9]{2,8})")


def _printed(hit: DateHit) -> dt.date | None:
    """The date as printed, before the weekday repair changed it."""
    for p in hit.problems:
        if p.startswith("weekday_repaired:"):
            return dt.date.fromisoformat(p.split(":")[1])
    return None


def month_misread_by_weekday(hit: DateHit, letter_date: dt.date | None) -> DateHit:
    """``hit`` with its month read again when its weekday repair put it far
    from ``letter_date`` and exactly one one-letter misreading of the month
    fits the printed day, year and weekday near it; else ``hit`` unchanged.

    >>> from docintake.parse.daterepair import check_weekday
    >>> from docintake.parse.thaidate import find_dates
    >>> hit = check_weekday(find_dates("ภายในวันจันทร์ที่ 4 ส.ค. 2566")[0])
    >>> hit.date, month_misread_by_weekday(hit, dt.date(2023, 12, 5)).date
    (datetime.date(2023, 8, 7), datetime.date(2023, 12, 4))
    """
    printed = _printed(hit)
    if printed is None or letter_date is None or hit.date is None or hit.weekday is None:
        return hit
    low, high = letter_date - dt.timedelta(days=REPAIR_DAYS_BEFORE), letter_date + dt.timedelta(days=AFTER_DAYS)
    m = _DAY_MONTH.search(thai_to_arabic_digits(hit.raw))
    if low <= hit.date <= high or m is None:
        return hit
    fits = [d for month in sorted(months_one_misread(m["month"]))
            if printed.day <= calendar.monthrange(printed.year, month)[1]
            and (d := dt.date(printed.year, month, printed.day)).weekday() == hit.weekday and low <= d <= high]
    if len(fits) != 1:
        return hit
    hit.problems = [p for p in hit.problems if not p.startswith("weekday_repaired")]
    hit.problems.append(f"weekday_month_misread:{printed.isoformat()}")
    hit.date, hit.month = fits[0], fits[0].month
    hit.confidence = min(hit.confidence, CONFIDENCE)
    return hit
