"""The letter's own date in its header: the date line of a letterhead (the
last dated line above ``เรื่อง``) and how a date read there or on a memo's
``ที่ ... วันที่`` line is taken: its printed weekday checked, a repaired
weekday or month warned, an unreadable one noted. Pure.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docintake.parse.daterepair import check_weekday
from docintake.parse.lines import Line, collapse
from docintake.parse.misreads import weekday_warning
from docintake.parse.notes import Notes
from docintake.parse.thaidate import DateHit, find_dates, month_number
from docintake.text.normalize import thai_to_arabic_digits

if TYPE_CHECKING:  # header imports this module: the type only, to avoid a cycle
    from docintake.parse.header import Header

__all__ = ["date_line", "take_date"]

# A line that prints a year (``พ.ศ. ๒๕๖๘``, ``๒๕๖๘``): a date line, though no date on it could be read.
_YEARISH = re.compile(r"(พ\.?\s?ศ\.?|พุทธศักราช)\s*[0-9]{2,4}|\b25[0-9]{2}\b")


def date_line(lines: list[Line], cands: list[int], h: Header, notes: Notes, window, above: int | None = None) -> None:
    """The letter's date: the last dated line between the head and เรื่อง;
    with none there, a date alone on ``above``, the line right above the
    number line (OCR's layout may read the right-hand block first)."""
    for i in reversed(cands):
        hits = find_dates(lines[i].text)
        if hits:
            h.used.add(i)
            if not _split_day(lines[i].text, h, notes, window):
                take_date(hits[-1], h, notes, window)
            return
    for i in reversed(cands):
        text = thai_to_arabic_digits(lines[i].text)
        if _YEARISH.search(text) or any(month_number(t) for t in text.split() if len(t) > 3):
            h.used.add(i)
            if not _split_day(lines[i].text, h, notes, window) and not _day_above(lines, cands, i, h, notes, window):
                notes.unreadable("date", f"date line not readable: {collapse(lines[i].text)!r}")
            return
    if above is not None and (hit := _bare_date(lines[above].text)) is not None:
        h.used.add(above)
        take_date(hit, h, notes, window)
        notes.warn("date_above_number", "date", f"{collapse(lines[above].text)!r}: the only date line stands "
                                                "above the number line (OCR read the page's blocks out of order)")
        notes.conf("date", min(hit.confidence, ABOVE_NUMBER_CONFIDENCE))
        return
    notes.unreadable("date", "no date line found in the letterhead")


ABOVE_NUMBER_CONFIDENCE = 0.7
_SPECKS = " .,:;'|\""


def _bare_date(text: str) -> DateHit | None:
    """The date on a line that holds one date, day first, and nothing else
    but specks (a receipt stamp's date has its label before it).

    >>> _bare_date("๔ ธันวาคม ๒๕๖๖").date, _bare_date("วันที่ ๑๒ เม.ย. ๖๗")
    (datetime.date(2023, 12, 4), None)
    """
    text = text.strip(_SPECKS)
    hits = find_dates(text)
    if len(hits) != 1 or not text[:1].isdigit() or text[hits[0].end :].strip(_SPECKS):
        return None
    return hits[0]


# A day alone on its line: OCR split the date line at the wide gap after it.
_LONE_DAY = re.compile(r"\s*[0-9]{1,2}\s*")
DAY_ABOVE_CONFIDENCE = 0.7


def _day_above(lines: list[Line], cands: list[int], i: int, h: Header, notes: Notes, window) -> bool:
    """A date line of month and year whose day OCR set on the line right above
    it, alone (``12`` / ``สิงหาคม 2567``, seed 34): read as one date, warned."""
    above = i - 1
    if above not in cands or not _LONE_DAY.fullmatch(thai_to_arabic_digits(lines[above].text)):
        return False
    hits = find_dates(f"{lines[above].text.strip()} {lines[i].text.strip()}")
    if not hits or hits[0].date is None:
        return False
    h.used.add(above)
    take_date(hits[0], h, notes, window)
    notes.warn("day_from_line_above", "date", f"the day {lines[above].text.strip()!r} stood alone on the line "
                                              f"above {collapse(lines[i].text)!r}: read as one date")
    notes.conf("date", DAY_ABOVE_CONFIDENCE)
    return True


# Two single digits parted by a hyphen before the month: a range elsewhere
# (``๑-๓ พฤศจิกายน``), but a letter is dated one day. Parted by a dot or comma
# (``๑.๐ กรกฎาคม``, seed 50): a speck between the day's digits, no decimal.
DAY_JOINED_CONFIDENCE = 0.7
_PARTED_DAY = re.compile(r"^\s*([0-9])\s?([-.,])\s?([0-9])(?=\s*[\u0e01-\u0e2e])")


def _split_day(text: str, h: Header, notes: Notes, window) -> bool:
    """A date line opening with two digits a speck read as a hyphen or a dot
    split (``1-3 มีนาคม 2-568``, seed 36: the 13th, not the 3rd): the digits
    are read as one day, warned; False when the line is no such line or the
    joined day is no date, which is then read as it was."""
    m = _PARTED_DAY.match(thai_to_arabic_digits(text))
    if m is None:
        return _zero_speck(text, h, notes, window)
    day = f"{text[m.start(1)]}{text[m.start(3)]}"  # in the line's own script
    hits = find_dates(f"{day}{text[m.end():]}")
    if not hits or hits[0].date is None:
        return False
    take_date(hits[0], h, notes, window)
    why = "a letter is dated one day, not a range" if m[2] == "-" else "a speck between the day's digits"
    notes.warn("day_joined", "date", f"{collapse(text)!r}: {why}; the digits around {m[2]!r} read as the day {day}")
    notes.conf("date", DAY_JOINED_CONFIDENCE)
    return True


# A speck read as 0 glued to the month after a one-digit day (``9 0กันยายน 2567``,
# seed 126): find_dates joins the two into 90, and no day is 40 or more.
_ZERO_SPECK = re.compile(r"^\s*([4-9])\s0(?=[\u0e01-\u0e2e])")


def _zero_speck(text: str, h: Header, notes: Notes, window) -> bool:
    """The day before a 0 glued to the month (``_ZERO_SPECK``), warned; False
    when the line is no such line or the day is no date."""
    m = _ZERO_SPECK.match(thai_to_arabic_digits(text))
    if m is None or not (hits := find_dates(f"{text[m.start(1)]} {text[m.end():]}")) or hits[0].date is None:
        return False
    take_date(hits[0], h, notes, window)
    notes.warn("day_speck_dropped", "date", f"{collapse(text)!r}: no day is {m[1]}0; the 0 glued to the month is "
                                            f"a speck, the day {m[1]}")
    notes.conf("date", DAY_JOINED_CONFIDENCE)
    return True


def take_date(hit: DateHit, h: Header, notes: Notes, window) -> None:
    """Take ``hit`` as the letter's date, its printed weekday checked (within
    ``window``), a repaired weekday or month warned; a date that is none is
    noted unreadable."""
    hit = check_weekday(hit, window)
    if hit.date is None:
        notes.unreadable("date", f"date not readable: {hit.raw!r} ({', '.join(hit.problems)})")
        return
    h.date_hit = hit
    notes.conf("date", hit.confidence)
    for p in hit.problems:
        warning = weekday_warning(p, hit, "date")
        if warning is not None:
            notes.warn(*warning)
        elif p.startswith("month_repaired"):
            notes.warn("month_repaired", "date", f"{hit.raw!r}: month {p.split(':', 1)[1]!r} read as "
                                                 f"{hit.date.month} (OCR-damaged name)")
