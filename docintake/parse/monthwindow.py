"""A cued deadline whose look-alike month glyphs fit no month in its window
(``ก่อนวันที่ ๑๗ NW. ๒๕๖๘``, seeds 14, 20, 23: ก.ย. printed NW.), read
again with any one glyph taken as misread, and kept only when exactly one
month then puts the deadline on or after the letter's date, within the
horizon ``glyphs.infer_year`` uses and in its printed year. Pure.
"""

from __future__ import annotations

import datetime as dt
import re

from docintake.parse.glyphs import YEAR_INFERRED_AFTER, infer_year
from docintake.parse.months import months_by_shape, weekday_number
from docintake.parse.thaiyear import normalise_year

# A glyph the tables know for no consonant: months_by_shape reads one such as
# any consonant (or as the abbreviation's dot).
_UNREAD = "?"


def months_one_glyph_misread(token: str) -> set[int]:
    """Every month a look-alike abbreviation fits when any one of its glyphs
    is misread (the others by ``lexicon.MONTH_LOOKALIKES`` and, as the date
    window chooses, the weaker ``MONTH_HAND_LOOKALIKES``).

    >>> sorted(months_one_glyph_misread("NW."))
    [1, 2, 3, 4, 6, 7, 9]
    >>> months_one_glyph_misread("ก.ย.x.y"), months_one_glyph_misread("W")
    (set(), set())
    """
    glyphs = [i for i, ch in enumerate(token) if ch.isalnum()]
    if not 2 <= len(glyphs) <= 3 or "." not in token:
        return set()
    out: set[int] = set()
    for i in glyphs:
        out |= months_by_shape(token[:i] + _UNREAD + token[i + 1:], one_unread=True, hand=True)
    return out


def window_reading(m: re.Match, ref: dt.date) -> dt.date | None:
    """The one date a ``glyphs.GLYPH_DATE`` deadline can be with one glyph of
    its month misread: on or after ``ref`` (the letter's date; no deadline
    precedes its letter), at most ``YEAR_INFERRED_AFTER`` days later, in the
    printed year (required: without it too many months fit) and on the
    printed weekday if any; None when none or several fit."""
    if not m["year"]:
        return None
    year, day = normalise_year(m["year"]), int(m["day"])
    weekday = weekday_number(m["wd"]) if m["wd"] else None
    fits = []
    for month in months_one_glyph_misread(m["month"]):
        date = infer_year(day, month, ref)
        if (date is not None and date.year == year and ref <= date <= ref + dt.timedelta(days=YEAR_INFERRED_AFTER)
                and (weekday is None or date.weekday() == weekday)):
            fits.append(date)
    return fits[0] if len(fits) == 1 else None
