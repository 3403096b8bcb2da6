"""The date of the letter a reference or enclosure entry names.

Read on its own first (``entry_date``): the entry's last date, surviving a
little OCR debris between day and month (``๒๑ .กรกฎาคม``, ``๑๒ 5 กันยายน``
in a Thai-digit entry, ``๗ม กุมภาพันธ์``) and a day the stock model printed
as a look-alike letter (``ลงวันที่ ซ ตุลาคม``: ๗). Then the letter it stands
in gives context (``repair_year``, ``settle_date``): a cited letter cannot
postdate its citer, nor be generations older. Every repair is warned.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from docintake.models import Enclosure, Reference
from docintake.parse.datecontext import date_readings
from docintake.parse.notes import Notes
from docintake.parse.thaidate import find_dates
from docintake.parse.thaiyear import ERA_CEILING, ERA_FLOOR
from docintake.text import lexicon

CONTEXT_CONFIDENCE = 0.6
PAST_YEARS = 5  # a cited letter is at most this many years older than its citer

DAY_GLYPH = "the day printed as a look-alike letter"
DAY_SPECK = "a speck between the day's digits"
_FULL_MONTH = "|".join(lexicon.MONTHS)
_GLYPHS = "".join(lexicon.DIGIT_GLYPH_LOOKALIKES)
_DATE_DEBRIS = (
    # A speck between the day and the month (``๒๑ .กรกฎาคม``, ``๑๒ | พฤษภาคม``).
    (re.compile(r"(?<=[0-9๐-๙])\s*[.,'\"|*«»]+\s*(?=[ก-ฮเแโใไ])"), " ", "a speck before the month"),
    # A lone Arabic digit after a Thai-digit day (``๑๒ 5 กันยายน``): the
    # entry prints Thai digits, so the stray one is the debris.
    (re.compile(r"(?<=[๐-๙])\s+[0-9]\s+(?=[ก-ฮเแโใไ])"), " ", "an Arabic digit among Thai digits"),
    # A lone consonant between the day and a full month name (``๗ม กุมภาพันธ์``).
    (re.compile(rf"(?<=[0-9๐-๙])\s?[ก-ฮ]\s+(?=(?:{_FULL_MONTH}))"), " ", "a letter before the month"),
    # The day printed as a letter drawn like its digit (``ลงวันที่ ซ ตุลาคม``,
    # ``ลงวันที่.ซสิงหาคม``: ๗; ``ฒ'ตุลาคม``, a speck after it), right after
    # the date's label: nothing but a day stands there, and find_dates still
    # has to read a month after it.
    # ``ฒ-เมษายน``: a speck after it read as a hyphen.
    (re.compile(rf"(?<=วันท)(?P<mark>[ี่]*)[\s.,]*(?P<glyph>[{_GLYPHS}])[่-๋]?[\s'\"‘’“”-]*(?=[ก-ฮเแโใไ])"),
     lambda m: f"{m['mark']} {lexicon.DIGIT_GLYPH_LOOKALIKES[m['glyph']]} ", DAY_GLYPH),
    # A speck between the two digits of the day, right after the date's label
    # (``ลงวันที่ ๒.๒พฤศจิกายน``): a day has no dot, so both digits are the
    # day's (as a dot inside a running number, entrynumber._RUN_DOT); find_dates
    # still checks that the month has such a day.
    (re.compile(r"(?<=วันท)(?P<mark>[ี่]*)\s*(?P<a>[0-9๐-๙])[.,'](?P<b>[0-9๐-๙])\s*(?=[ก-ฮเแโใไ])"),
     lambda m: f"{m['mark']} {m['a']}{m['b']} ", DAY_SPECK),
    # One or two lone digits between a full month name and a whole BE year
    # (``22 มกราคม 2 2 2568``, seed 34): no year is printed in pieces before
    # a whole one, so they are specks; find_dates alone leaves the date unread.
    (re.compile(rf"(?P<month>{_FULL_MONTH})\s+(?:[0-9๐-๙]\s+){{1,2}}(?=[2๒][5๕][0-9๐-๙]{{2}}(?![0-9๐-๙]))"),
     lambda m: f"{m['month']} ", "lone digits before the year"),
)


YEAR_RESTORED = "a lost digit of the year"
DAY_HYPHEN = "the day's two digits around a hyphen (a letter is dated one day, not a range)"
# A hyphen between the day's two digits right after the date's label
# (``ลงวันที่ 2-5 กุย. 2-566``, seed 123: the 25th). find_dates reads a range's
# end there (the 5th), but a cited letter has one date.
_HYPHENED_DAY = re.compile(r"(?<=วันท)(?P<mark>[ี่]*)\s*(?P<a>[0-9๐-๙])\s?-\s?(?P<b>[0-9๐-๙])\s*(?=[ก-ฮเแโใไ])")


def entry_date(text: str) -> tuple[dt.date | None, str | None]:
    """The date of the letter an entry names (its last date), and what debris
    had to be dropped to read it (None when it read as printed)."""
    joined = _HYPHENED_DAY.sub(lambda m: f"{m['mark']} {m['a']}{m['b']} ", text)
    if joined != text and (dates := [d for d in find_dates(joined) if d.date is not None]):
        return dates[-1].date, DAY_HYPHEN
    dates = [d for d in find_dates(text) if d.date is not None]
    if dates:
        problems = dates[-1].problems
        if any(p.startswith("day_speck_dropped") for p in problems):  # find_dates dropped it (``๒.๐ พฤศจิกายน``)
            return dates[-1].date, DAY_SPECK
        return dates[-1].date, YEAR_RESTORED if any(p.startswith("year_digit_restored") for p in problems) else None
    for pattern, repl, what in _DATE_DEBRIS:
        tidy = pattern.sub(repl, text)
        if tidy != text:
            dates = [d for d in find_dates(tidy) if d.date is not None]
            if dates:
                return dates[-1].date, what
    return None, None



def repair_year(entry: Reference | Enclosure, letter_date: dt.date, where: str, notes: Notes) -> None:
    """A cited letter dated generations before its citer (``๒๔๖๗`` cited in a
    letter of ๒๕๖๗) has a misread year digit: read with the one digit change
    that dates it in the years before the letter; left as read when none or
    several fit. Only an era no letter of this registry carries counts as
    misread: a letter whose own date is the odd one out is not evidence."""
    date = entry.date
    if ERA_FLOOR <= date.year <= ERA_CEILING or letter_date.year < ERA_FLOOR:
        return  # (a year past the era, ๒๖๖๗ for ๒๕๖๗ in seed 34, is as misread)
    floor = dt.date(letter_date.year - PAST_YEARS, 1, 1)
    be = str(date.year + lexicon.BE_OFFSET)
    fits = set()
    for i in range(len(be)):
        for d in "0123456789":
            year = int(be[:i] + d + be[i + 1 :]) - lexicon.BE_OFFSET
            if d != be[i] and 1 <= year <= 9999:
                try:
                    cand = date.replace(year=year)
                except ValueError:  # 29 February
                    continue
                if floor <= cand <= letter_date:
                    fits.add(cand)
    if len(fits) == 1:
        entry.date = fits.pop()
        notes.warn("year_repaired", f"{where}.date", f"read as {entry.date.isoformat()}: printed year "
                                                      f"{be} is out of the era of the letter's own date")
        notes.conf(where.split("[")[0], CONTEXT_CONFIDENCE)


def settle_date(entry: Reference | Enclosure, letter_date: dt.date, where: str, notes: Notes,
                between: tuple[dt.date | None, dt.date | None] = (None, None)) -> None:
    """An entry date whose month OCR damaged past one reading (``๓๐ NA. ๕๖๗``:
    any month with a ค) taken when exactly one reading of its printed year
    dates the cited letter on or before its citer. Only the letter's date
    may choose: a name whose shapes allow one month alone (``fw.``: ก.พ.
    with f unread, printed for ก.ย.) is a guess. ``between``: the dates of
    the references listed before and after this one, as a list of references
    runs oldest first; with an earlier one, a year OCR lost (``ลงวันที่ ๑๑
    พฤศจิกายน``) is read too, as the window is then bounded on both sides
    (without one, a cited letter may be years old)."""
    floor, ceiling = _order_bounds(letter_date, between)
    readings = [r for r in date_readings(entry.text)
                if (r.year is not None and len(r.months) > 1) or (r.year is None and floor is not None)]
    if not readings:
        return
    r = readings[-1]
    low = max(floor or dt.date.min, dt.date(max(1, letter_date.year - PAST_YEARS), 1, 1))
    fits = [d for year in ([r.year] if r.year else range(low.year, ceiling.year + 1))
            for m in sorted(r.months) if r.day <= calendar.monthrange(year, m)[1]
            and low <= (d := dt.date(year, m, r.day)) <= ceiling]
    if len(fits) == 1:
        entry.date = fits[0]
        order = f", not before the reference listed before it ({floor.isoformat()})" if floor else ""
        notes.warn("date_inferred", f"{where}.date", f"{r.raw.strip()!r} is damaged; {fits[0].isoformat()} is its "
                                                     f"one reading on or before the letter's own date{order}")
        notes.conf(where.split("[")[0], CONTEXT_CONFIDENCE)


def _order_bounds(letter_date: dt.date, between: tuple[dt.date | None, dt.date | None]
                  ) -> tuple[dt.date | None, dt.date]:
    """(floor, ceiling) for a cited date: not before the reference listed
    before it, not after the one listed after it nor the letter itself. A
    neighbour dated after the letter is misread and bounds nothing."""
    before, after = between
    floor = before if before is not None and before <= letter_date else None
    ceiling = min(letter_date, after) if after is not None and (floor is None or after >= floor) else letter_date
    return floor, ceiling
