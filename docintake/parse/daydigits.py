"""The day of a Thai date when OCR split, glued or mixed digits around it.

OCR splits a day's digits with a space (``๒ ๗ มิถุนายน``), leaves a speck
read as a digit before it (``0 ๒๙ กรกฎาคม``), glues a digit of the other
script to the month (``๕ 7ฟฆฏฤษภาคม``) or writes a Thai digit it cannot
output as an Arabic one (``๒9 สค.``). The day is read through such debris
only when one reading is left; otherwise the date is left unread with a
problem code. Pure; a match ``m`` of ``thaidate.DATE_RE`` is read with the
``text`` it was found in (digits mapped one for one, so positions agree).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docintake.text.normalize import digit_scripts, thai_to_arabic_digits

if TYPE_CHECKING:  # thaidate imports this module: the type only, to avoid a cycle
    from docintake.parse.thaidate import DateHit

__all__ = ["QUOTES", "read_day", "stand_in_day"]

# Quotes OCR puts before a month (``๑๒ 'กุมภาพันธ์``) or glues to a day.
QUOTES = re.compile("[\'\"“”‘’]")

_LONE_NUMBER_BEFORE = re.compile(r"(?:^|\s)[0-9๐-๙]{1,2}\s$")
# A number glued to the วันที่ label it follows, when a wrapped line was joined
# (``ก่อนวันที๑๑ 5ธิ.ค.``: the label ended one line, the day opened the next).
# It is the day only by ``_day_before_debris``'s rule: a speck glued to the
# label (``วันที่๗ ๒๐ WA. ๖๗``) is not, and leaves the day after it alone.
_LABEL_NUMBER_BEFORE = re.compile(r"(?:(?<=วันท)|(?<=วันที)|(?<=วันที่))[0-9๐-๙]{1,2}\s$")


def read_day(text: str, m: re.Match[str], hit: DateHit) -> int | None:
    """The day of ``m``: as printed, or the lone number before debris OCR
    glued to the month (``day_debris_dropped``, lower confidence); a speck
    number before a whole day is dropped the same way. None when the day
    cannot be told (``day_ambiguous``) or is not to be trusted
    (``day_digits_mixed``): the problem is added to ``hit``."""
    day = int(m["day"].replace(" ", "").replace(".", ""))  # OCR splits digits with spaces (``๒ ๗ มิถุนายน``)
    if "." in m["day"]:  # or a speck between them (``๒.๐ พฤศจิกายน``): joined back
        hit.problems.append(f"day_speck_dropped:{text[m.start('day') : m.end('day')]}")
        hit.confidence = min(hit.confidence, 0.8)
    if _day_ambiguous(text, m):
        debris_day = _day_before_debris(text, m)
        if debris_day is None:
            hit.problems.append("day_ambiguous")
            return None
        hit.problems.append(f"day_debris_dropped:{m['day']}")
        hit.confidence = min(hit.confidence, 0.7)
        return debris_day
    if (lone := _lone_number_before(text, m.start("day"))) and (speck := _speck_number(lone.group(), text, m)):
        hit.problems.append(f"day_debris_dropped:{speck}")
        hit.confidence = min(hit.confidence, 0.7)
    elif stand_in_day(text, m):
        hit.problems.append("day_digits_mixed")
        return None
    return day


def _lone_number_before(text: str, at: int, *, glued: bool = False) -> re.Match[str] | None:
    """The lone number (and its space) right before ``text[at]``, if any;
    with ``glued``, also one glued to the วันที่ label."""
    lone = _LONE_NUMBER_BEFORE.search(text[max(0, at - 4) : at])
    return lone or (_LABEL_NUMBER_BEFORE.search(text[max(0, at - 12) : at]) if glued else None)


def _day_ambiguous(text: str, m: re.Match[str]) -> bool:
    """Digits around the day that OCR may have split off or dropped in:
    ``26 1 พฤษภาคม`` (a lone number right before the day) or ``1 ๙ เมษายน``
    (a Latin and a Thai digit joined): which one is the day cannot be told."""
    day = text[m.start("day") : m.end("day")]
    if " " in day and (day[0] in "0123456789") != (day[-1] in "0123456789"):
        return True
    if m.end("day") - m.start("day") == 1 and QUOTES.match(text, m.end("day")) and thai_to_arabic_digits(day) in "0123":
        # "๑” กันยายน": a quote glued to a one-digit day may be its second digit;
        # after 4-9 it cannot be (no day 40-99): "7'พ.ย." is the 7th and a speck
        return True
    if (lone := _lone_number_before(text, m.start("day"))) and _speck_number(lone.group(), text, m) is None:
        return True
    return _lone_number_before(text, m.start("day"), glued=True) is not None and _day_before_debris(text, m) is not None


def _speck_number(lone: str, text: str, m: re.Match[str]) -> str | None:
    """``0 ๒๙ กรกฎาคม ๒๕๖๗``: a lone number in the other digit script before
    a two-digit day printed, as its year is, in one script: debris, not part
    of the day (a two-digit day takes no more digits); returned so, else None."""
    day = text[m.start("day") : m.end("day")]
    year = digit_scripts(text[m.start("year") : m.end("year")])
    if len(day) == 2 and len(year) == 1 and digit_scripts(day) == year and digit_scripts(lone) == {not next(iter(year))}:
        return lone.strip()
    return None


def _day_before_debris(text: str, m: re.Match[str]) -> int | None:
    """``๕ 7ฟฆฏฤษภาคม ๒๕๖๘``: the would-be day is a digit of the other script
    glued to the month's specks, right after a lone number in the year's
    script: that number is the day, the glued digit debris. None otherwise
    (``1 ๙ เมษายน``: which is the day cannot be told)."""
    if m.end("day") != m.start("month"):
        return None
    day = text[m.start("day") : m.end("day")]
    if " " in day:  # the regex took "๕ 7" as one day split by OCR
        before, day = day.split(" ")
    else:
        lone = _lone_number_before(text, m.start("day"), glued=True)
        before = lone.group(0) if lone else ""
    year = digit_scripts(text[m.start("year") : m.end("year")])
    if not before.strip() or len(year) != 1 or digit_scripts(day) == year or digit_scripts(before) != year:
        return None
    return int(thai_to_arabic_digits(before).strip())


def stand_in_day(text: str, m: re.Match[str]) -> bool:
    """A day with an Arabic digit among Thai digits (``๒9 สค. ๒๕๖๗``, ``9 มิย
    ๖๘``): this OCR writes a Thai digit it cannot output (๔๖๗๘๙) as an
    Arabic one, so the day cannot be trusted (as ``codecheck.check_scripts``
    a number's digits). ``m`` may have no year (a receipt stamp's date)."""
    day = digit_scripts(text[m.start("day") : m.end("day")])
    year = digit_scripts(text[m.start("year") : m.end("year")]) if m["year"] else set()
    return False in day and (True in day or True in year)
