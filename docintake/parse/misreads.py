"""Dates one known OCR digit confusion away from a date as read.

A printed weekday is the letter's own check digit: when it contradicts the
date read, a day or year digit was misread. Any digit could be, and a
weekday then often fits two readings (``วันจันทร์ที่ ๕ เมษายน ๒๕๖๗``: 1 and
8 April 2024 are Mondays); this OCR misreads few digits, and each as a few
of like shape (``lexicon.DIGIT_MISREADS``: ๘ as ๕, ๖ as ๐ or ๒), so the
readings through those confusions are the likely ones. daterepair's
check_weekday takes one only when it is the one such reading on the printed
weekday. Pure.
"""

from __future__ import annotations

import calendar
import datetime as dt

from docintake.text import lexicon
from docintake.text.normalize import arabic_to_thai_digits

_BE = 543
# A year reading further than this from the year read is another era, not a
# letter's year one digit off (๒๕๖๘ -> ๒๘๖๘): the bundle's window rules it
# out anyway where one is known.
YEAR_SPAN = 10
# Arabic digit as read -> the Arabic digits it may stand for.
_MISREADS = {str("๐๑๒๓๔๕๖๗๘๙".index(k)): "".join(str("๐๑๒๓๔๕๖๗๘๙".index(c)) for c in v)
             for k, v in lexicon.DIGIT_MISREADS.items()}


def _swaps(digits: str) -> list[tuple[str, str]]:
    """(new digits, "read=meant") for each one-digit confusion of ``digits``."""
    out = []
    for i, ch in enumerate(digits):
        for c in _MISREADS.get(ch, ""):
            out.append((digits[:i] + c + digits[i + 1:], f"{ch}={c}"))
    return out


def misread_readings(date: dt.date) -> list[tuple[dt.date, str]]:
    """(date, "read=meant" digits in Arabic) for each valid date whose day or
    BE year is one ``lexicon.DIGIT_MISREADS`` confusion from ``date``'s.

    >>> [(d.isoformat(), why) for d, why in misread_readings(dt.date(2024, 4, 5))][:3]
    [('2024-04-08', '5=8'), ('2024-04-04', '5=4'), ('2024-04-09', '5=9')]
    >>> [d.isoformat() for d, _ in misread_readings(dt.date(2025, 6, 10))]
    ['2025-06-16', '2020-06-10']
    """
    out = []
    for day, why in _swaps(str(date.day)):
        if 1 <= int(day) <= calendar.monthrange(date.year, date.month)[1]:
            out.append((date.replace(day=int(day)), why))
    for be, why in _swaps(str(date.year + _BE)):
        year = int(be) - _BE
        if abs(year - date.year) <= YEAR_SPAN and date.day <= calendar.monthrange(year, date.month)[1]:
            out.append((date.replace(year=year), why))
    return out


def weekday_misread(date: dt.date, weekday: int, window=None) -> tuple[dt.date, str] | None:
    """The one ``misread_readings`` of ``date`` on ``weekday`` (Monday 0), in
    ``window`` (first, last) if given, with its confusion; None if none or
    several.

    >>> weekday_misread(dt.date(2024, 4, 5), 0)  # printed Monday: ๘ read as ๕
    (datetime.date(2024, 4, 8), '5=8')
    >>> weekday_misread(dt.date(2025, 5, 20), 4) is None  # Friday: 23, 30 May fit, through no confusion
    True
    """
    fits = [(d, why) for d, why in misread_readings(date)
            if d.weekday() == weekday and (window is None or window[0] <= d <= window[1])]
    return fits[0] if len(fits) == 1 else None


def confusion_note(problem: str) -> str:
    """The clause a ``weekday_repaired:<date>[:<read>=<meant>]`` problem adds to
    its warning: which confusion chose the reading, so a clerk can check it.

    >>> confusion_note("weekday_repaired:2024-04-05:5=8")
    ' (of the readings on that weekday, the one through ๕ printed for ๘, a digit this OCR confuses)'
    >>> confusion_note("weekday_repaired:2024-04-05")
    ''
    """
    parts = problem.split(":")
    if len(parts) < 3 or "=" not in parts[2]:
        return ""
    read, meant = (arabic_to_thai_digits(x) for x in parts[2].split("="))
    return f" (of the readings on that weekday, the one through {read} printed for {meant}, a digit this OCR confuses)"


def weekday_warning(problem: str, hit, field: str) -> tuple[str, str, str] | None:
    """(code, field, message) of the warning a date's weekday check left in
    ``problem`` (``daterepair.check_weekday``), or None for any other problem:
    the letter's date, a ด่วนภายใน date and a body deadline are warned alike."""
    if problem.startswith("weekday_repaired"):
        printed = problem.split(":")[1]
        return ("weekday_repaired", field, f"{hit.raw!r}: the weekday fits {hit.date.isoformat()}, "
                                           f"not the printed {printed}" + confusion_note(problem))
    if problem == "weekday_mismatch":
        return ("weekday_mismatch", field, f"{hit.raw!r}: the weekday contradicts the date")
    return None
