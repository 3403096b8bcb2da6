"""How official letters print numbers, dates and document numbers.

Pure helpers shared by the composer and the tests: every function takes a
value and a style and returns the printed string, so the ground truth can
be computed from the same value that was printed.
"""

from __future__ import annotations

import datetime as dt

# The month and weekday names are the parser's own tables: one source of truth.
from docintake.text.lexicon import MONTHS, MONTHS_ABBR, WEEKDAYS  # noqa: F401

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")



def digits(text: str | int, thai: bool) -> str:
    """Print the digits of ``text`` in Thai or Arabic.

    >>> digits("0023.14/1709", True)
    '๐๐๒๓.๑๔/๑๗๐๙'
    >>> digits("๑๖", False)
    '16'
    """
    text = str(text)
    return text.translate(_TO_THAI) if thai else text.translate(_TO_ARABIC)


def to_arabic(text: str) -> str:
    return text.translate(_TO_ARABIC)


def be_year(day: dt.date) -> int:
    return day.year + 543


def thai_date(day: dt.date, thai: bool, *, abbr: bool = False, short_year: bool = False,
              be_prefix: bool = False) -> str:
    """A date as letters print it: ``16 มิถุนายน 2568`` in its variants.

    >>> thai_date(dt.date(2025, 6, 16), True)
    '๑๖ มิถุนายน ๒๕๖๘'
    >>> thai_date(dt.date(2025, 9, 9), True, abbr=True, short_year=True)
    '๙ ก.ย. ๖๘'
    >>> thai_date(dt.date(2025, 6, 16), False, be_prefix=True)
    '16 มิถุนายน พ.ศ. 2568'
    """
    month = (MONTHS_ABBR if abbr else MONTHS)[day.month - 1]
    year = str(be_year(day))[-2:] if short_year else str(be_year(day))
    year = f"พ.ศ. {year}" if be_prefix else year
    return f"{digits(day.day, thai)} {month} {digits(year, thai)}"


def weekday_name(day: dt.date) -> str:
    """The Thai weekday of ``day``.

    >>> weekday_name(dt.date(2025, 6, 11))
    'พุธ'
    """
    return WEEKDAYS[day.weekday()]


def time_text(hour: int, minute: int, thai: bool) -> str:
    """``16.30`` in the letter's digits; ground truth keeps Arabic.

    >>> time_text(9, 0, True)
    '๐๙.๐๐'
    """
    return digits(f"{hour:02d}.{minute:02d}", thai)


def doc_no(prefix: str, code: str, running: int, circular: bool) -> str:
    """Canonical document number (Arabic digits, single spaces).

    >>> doc_no("มท", "0810.6", 2069, True)
    'มท 0810.6/ว 2069'
    >>> doc_no("ชย", "0023.14", 1709, False)
    'ชย 0023.14/1709'
    """
    return f"{prefix} {code}/{'ว ' if circular else ''}{running}"


def printed_doc_no(canonical: str, thai: bool) -> str:
    """The number as printed after ``ที่``.

    >>> printed_doc_no("มท 0810.6/ว 2069", True)
    'มท ๐๘๑๐.๖/ว ๒๐๖๙'
    """
    return digits(canonical, thai)


def grouped(number: int, thai: bool) -> str:
    """Thousands separated by commas, as budgets are printed.

    >>> grouped(1250000, True)
    '๑,๒๕๐,๐๐๐'
    """
    return digits(f"{number:,}", thai)


def is_thai_char(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def join_wrapped(lines: list[str]) -> str:
    """Join the lines of one wrapped field the way the parse contract does.

    No space between two Thai characters, one space otherwise; whitespace
    collapsed.

    >>> join_wrapped(["การขับเคลื่อน", "นโยบาย (Soft", "Power)"])
    'การขับเคลื่อนนโยบาย (Soft Power)'
    """
    out = ""
    for line in (" ".join(x.split()) for x in lines):
        if not line:
            continue
        if out and not (is_thai_char(out[-1]) and is_thai_char(line[0])):
            out += " "
        out += line
    return out
