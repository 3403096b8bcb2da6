"""Dates as Thai readers expect them: day, abbreviated month, Buddhist year.

Pure helpers for human output only; JSON always carries ISO dates.
"""

from __future__ import annotations

import datetime as dt

from docintake.text.lexicon import BE_OFFSET, MONTHS, MONTHS_ABBR
from docintake.text.normalize import arabic_to_thai_digits



def thai_date(day: dt.date | None, *, arabic: bool = False, long: bool = False) -> str:
    """``2025-06-11`` as ``๑๑ มิ.ย. ๒๕๖๘``; ``-`` when there is no date.

    >>> import datetime as dt
    >>> thai_date(dt.date(2025, 6, 11))
    '๑๑ มิ.ย. ๒๕๖๘'
    >>> thai_date(dt.date(2025, 6, 11), arabic=True)
    '11 มิ.ย. 2568'
    >>> thai_date(dt.date(2024, 12, 1), long=True)
    '๑ ธันวาคม ๒๕๖๗'
    >>> thai_date(None)
    '-'
    """
    if day is None:
        return "-"
    month = (MONTHS if long else MONTHS_ABBR)[day.month - 1]
    text = f"{day.day} {month} {day.year + BE_OFFSET}"
    return text if arabic else arabic_to_thai_digits(text)


def thai_digits(text: str, *, arabic: bool = False) -> str:
    """Numbers in a text for people: Thai digits unless Arabic was asked for.

    >>> thai_digits("ชย 0023.14/1709")
    'ชย ๐๐๒๓.๑๔/๑๗๐๙'
    >>> thai_digits("ชย 0023.14/1709", arabic=True)
    'ชย 0023.14/1709'
    """
    return text if arabic else arabic_to_thai_digits(text)


def parse_iso(value: str | dt.date | None) -> dt.date | None:
    """An ISO date from the database (or a date already) as ``date``; None stays None.

    >>> parse_iso("2025-06-11")
    datetime.date(2025, 6, 11)
    >>> parse_iso(None) is None
    True
    """
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)
