"""Deadlines the text states but whose date was not read: what they can still be.

A relative deadline (``ภายใน ๑๕ วัน นับแต่วันที่ได้รับหนังสือนี้``) counts from the
receipt stamp's date. When that date is unread but its day was read, each of the
stamp's ``readings`` gives one reading of the deadline; when OCR lost the unit
(``ภายใน ๑๐ นับแต่``), each unit it can have been (วัน, วันทำการ, สัปดาห์) gives one.
The readings are named, never chosen: the date stays None, and the registry
decides what an LAO's task shows. Pure.
"""

from __future__ import annotations

import datetime as dt

from docintake.models import Deadline
from docintake.parse.deadline_cues import UNIT_KEYS, add_count, relative_deadlines, unitless_counts


def relative_readings(sentence: str, bases: list[dt.date]) -> list[dt.date]:
    """Every date a relative deadline's sentence gives from one of ``bases``, earliest first.

    >>> relative_readings("ภายใน ๕ วัน นับแต่วันที่ได้รับหนังสือนี้", [dt.date(2024, 7, 29)])
    [datetime.date(2024, 8, 3)]
    >>> relative_readings("ภายใน ๑๐ นับแต่วันที่ได้รับ", [dt.date(2024, 1, 8)])[0]
    datetime.date(2024, 1, 18)
    """
    dates = set()
    for base in bases:
        dates |= {d.date for _, _, d in relative_deadlines(sentence, base) if d.date is not None}
        dates |= {add_count(base, n, unit) for n in unitless_counts(sentence) for unit in UNIT_KEYS}
    return sorted(dates)


def unread_deadlines(deadlines: list[Deadline], bases: list[dt.date]) -> list[Deadline]:
    """The dateless ones of ``deadlines``, each relative one given its readings
    from ``bases`` (the receipt date, or its readings, or the letter's date).
    The same objects: the bundle's chain may still date a pending one."""
    unread = [d for d in deadlines if d.date is None]
    for d in unread:
        if d.relative and not d.readings:
            d.readings = relative_readings(d.text, bases)
    return unread
