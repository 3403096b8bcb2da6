"""Thai dates: ``วันพุธที่ ๑๑ มิถุนายน ๒๕๖๘``, ``๙ ก.ย. ๖๘`` -> datetime.date.

Pure functions. Years are Buddhist Era (BE = CE + 543); two-digit years are
BE (``๖๘`` = 2568): ``thaiyear``. The day is read through OCR's debris
around it by ``daydigits``; a printed weekday, a free check digit, is
checked (and a date it contradicts repaired) by ``daterepair``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from docintake.parse.daterepair import check_weekday
from docintake.parse.daydigits import QUOTES, read_day
from docintake.parse.months import month_number, weekday_number
from docintake.parse.thaiyear import normalise_year, restore_year
from docintake.text import fresh, lexicon, line_cache
from docintake.text.normalize import thai_to_arabic_digits

__all__ = ["DATE_RE", "DateHit", "find_dates", "find_day_month", "find_time", "month_number",
           "parse_thai_date", "weekday_number"]

_THAI = "\u0e01-\u0e4e"
# Digits are matched on text whose Thai digits were mapped to Arabic (a
# one-to-one map, so positions in the original text are unchanged).
DATE_RE = re.compile(
    rf"(?:วัน(?P<wd>[{_THAI}]{{2,12}}?)\s?ท[ี]?[่]?\s*|วันท[ี]?[่]?\s*)?"
    rf"(?<!\d[ก-ฮ])(?:(?<![\d.])|(?<=ที่\.)|(?<=ที\.)|(?<=^\.)|(?<=[\s\-–]\.))(?P<day>\d\s\d(?=\s*[{_THAI}])|(?:[12]\.\d|3\.[01])(?=\s*(?:[{_THAI}]{{4}}|[{_THAI}]{{1,2}}\.[{_THAI}]))|\d{{1,4}})(?:-(?=[{_THAI}])|[:;.,](?=\s+[{_THAI}]|[{_THAI}]{{4}}))?\s*(?:[:;.,\-]\s?(?=[{_THAI}]{{4}}))?"
    rf"(?P<month>[{_THAI}.]{{2,16}}|[{_THAI}]{{1,3}}[.(,:;]\s?(?:[{_THAI}]{{1,2}}|[A-Z]{{1,2}}\.)\.?"
    rf"|(?<=\s)[A-Za-z0-9ก-ฮ]{{1,2}}(?:[.:;]\s?)?[A-Za-z0-9ก-ฮ]{{1,2}}[.,])[:;,]?(?:\s+[ก-ฮa-zA-Z]{{1,2}}(?=\s))?"
    rf"(?:\s*[-\[\]|])?\s*(?:พ\s?\.\s?ศ\s?\.?\s*|ค\.ศ\.\s*)?(?P<year>2[\s.-]?5[\s.-]?\d[\s.-]?\d|\d{{3,4}}|\d\s?\d(?![:;]\d)(?!\s+2[\s-]?5\d\d))(?![\d])"
)
# A speck read as a dot before the day, at the line's start or after a space
# or a leader's dash (``.๑๙ พฤษภาคม ๒๕๖๘``, seed 17; ``ก่อนวันที่-.๑๘ มีนาคม``,
# seed 27), is no decimal point: the day follows it.
# The month's closing dot read as a comma (``5.0,``), its first dot as a colon or
# semicolon (``มี:ค.``, seed 15), or a colon or
# semicolon printed after the month (``สุค: ๖๘``) or the day (``18: กุย.``),
# or a speck glued between the day and a month's full name (``๓.มีนาคม``,
# seed 13; after a space, ``๑๒ '.พฤศจิกายน``, seed 15): skipped. Two digits then a colon and a digit (``25:8``, seed 14) are
# a four-digit year with a digit lost to a speck, not a memo's two-digit year.
# A dot before the day is a decimal's, unless a วันที่ label stands before it
# (``ลงวันที่.๖ พ.ย.``, seed 14): then a speck.
# OCR reads the space after the day as a hyphen (``๒๕-พฤศจิกายน``; a range
# ``๑-๓ พฤศจิกายน`` has digits on both sides of its hyphen).
# A speck read as a dot between a BE year's digits (``ตุลาคม ๒.๕๖๗``, seed 46;
# ``ธันวาคม ๒๕๖.๗``, seed 123) is dropped as a space or hyphen there is.
# A speck between the month and the year read as a bracket or a bar
# (``วันที่ ๒๕ พย[๖๗``, seed 45), as a hyphen there, is skipped.
# A speck glued to a month's full name after the day's space may be read as a
# hyphen too (``๒๒ -กรกฎาคม ๒๕๖๗``, seed 38), with a space after it where a line
# broke there (``ลงวันที่ 2 -`` / ``เมษายน 2568``, seed 51).
# A year of three digits has lost one (``๕๖๗`` for ๒๕๖๗): ``thaiyear.restore_year``.
# A speck read as a dot inside a two-digit day before a month's name or its
# abbreviation (``ก่อนวันที่ ๒.๐ พฤศจิกายน``, seed 95; ``๑.๔ ส.ค. ๖๗``, seed 104)
# is dropped: no decimal stands before a month.


@dataclass
class DateHit:
    """One date found in a text, with what was wrong with it."""

    start: int
    end: int
    date: dt.date | None
    weekday: int | None = None  # printed weekday (Monday 0), if any
    confidence: float = 1.0
    problems: list[str] = field(default_factory=list)  # codes: day_invalid, weekday_mismatch, ...
    raw: str = ""
    month: int | None = None
    year: int | None = None  # CE
    # A dateless hit's possible dates (month lost or ambiguous): kept so a
    # bundle-level check (deadlinechain) can settle it; empty when dated.
    readings: list[dt.date] = field(default_factory=list)


def _build(m: re.Match[str], text: str) -> DateHit | None:
    hit = _month_hit(m, text)
    if hit is None:
        return None
    if m["wd"]:
        hit.weekday = weekday_number(m["wd"])
    hit.year = year = _year(m, hit)
    day = read_day(text, m, hit)
    if day is None:  # the day cannot be told: read_day said why
        return hit
    if year is None:
        hit.problems.append("year_invalid")
        return hit
    if not 1 <= day <= calendar.monthrange(year, hit.month)[1]:
        hit.problems.append("day_invalid")
        return hit
    hit.date = dt.date(year, hit.month, day)
    return hit


def _month_hit(m: re.Match[str], text: str) -> DateHit | None:
    """A hit for ``m`` with its month read (a damaged name repaired, at lower
    confidence), or None when the month is no month."""
    month = month_number(m["month"])
    glued = month is None and m.end("month") == m.start("year") and re.search("\\.[ก-ฮ]$", m["month"])
    if glued:  # a speck glued to the year read as a letter (``เมูย.อ๖๘``, seed 13): the month ends at its dot
        month = month_number(m["month"][:-1])
    if month is None:
        return None
    hit = DateHit(m.start(), m.end(), None, raw=text[m.start() : m.end()], month=month[0])
    hit.confidence = {0: 1.0, 1: 0.8}.get(month[1], 0.5)  # two glyphs guessed: a weak reading
    if month[1]:
        hit.problems.append(f"month_repaired:{m['month']}")
    if glued:
        hit.confidence = min(hit.confidence, 0.7)
    return hit


def _year(m: re.Match[str], hit: DateHit) -> int | None:
    """The year of ``m`` as CE; one printed a digit short is restored (at
    lower confidence, noted on ``hit``) when one digit put back fits."""
    # OCR splits a year's digits with a space or a hyphen (2-567).
    digits = re.sub(r"[\s.-]", "", m["year"])
    year = normalise_year(digits) if len(digits) != 3 else restore_year(digits)
    if len(digits) == 3 and year is not None:
        hit.problems.append(f"year_digit_restored:{m['year']}")
        hit.confidence = min(hit.confidence, 0.7)
    return year


_DAY_MONTH = re.compile(rf"(?<![\d.])(?P<day>\d{{1,2}})\s*(?P<month>[{_THAI}.]{{2,16}})")


def find_day_month(text: str) -> tuple[int, int] | None:
    """Day and month of a date whose year OCR lost (``๒๙ พฤศจิกายน ๒๕๒``),
    when ``text`` holds no whole date; None otherwise.

    >>> find_day_month("๒๙ พฤศจิกายน ๒๕๒")
    (29, 11)
    >>> find_day_month("๒๙ พฤศจิกายน ๒๕๖๗") is None
    True
    """
    if any(h.date for h in find_dates(text)):
        return None
    for m in _DAY_MONTH.finditer(thai_to_arabic_digits(text)):
        month = month_number(m["month"])
        if month is not None and 1 <= int(m["day"]) <= 31:
            return int(m["day"]), month[0]
    return None


_ANY_DIGIT = re.compile(r"\d")
# A month's full name OCR split with a space (``๙ มิ ถุนายน ๒๕๖๘``, seed 48), never
# between a letter and its mark: the space is moved after the name, so every
# position in the text stays where it was.
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_SPLIT_MONTH = re.compile("|".join(
    re.escape(m[:k]) + " " + re.escape(m[k:]) for m in lexicon.MONTHS for k in range(2, len(m) - 1)
    if not _MARKS.match(m[k])))


def _rejoin_months(text: str) -> str:
    """``text`` with each full month name OCR split by one space joined, the space after it.

    >>> _rejoin_months("๙ มิ ถุนายน ๒๕๖๘")
    '๙ มิถุนายน  ๒๕๖๘'
    """
    return _SPLIT_MONTH.sub(lambda m: m[0].replace(" ", "") + " ", text)


def find_dates(text: str) -> list[DateHit]:
    """Every Thai date in ``text`` in order (also ones that fail to be a date,
    with ``date=None`` and a problem code, so a caller can warn).

    >>> [h.date.isoformat() for h in find_dates("ลงวันที่ ๒๐ มีนาคม ๒๕๖๘ และ ๙ ก.ย. ๖๘")]
    ['2025-03-20', '2025-09-09']
    >>> [h.date.isoformat() for h in find_dates("๓๐ กรกฎาคม-๒๕๖๘")]  # a speck read as a hyphen
    ['2025-07-30']
    """
    # A fresh copy of each hit: callers repair hits in place (check_weekday, a lost month's readings).
    return [fresh(h) for h in _dates(text)]


@line_cache(maxsize=1024)  # the same lines and clauses are searched by several stages (~40 texts a file)
def _dates(text: str) -> tuple[DateHit, ...]:
    # Quotes OCR puts before a month ("๑๒ 'กุมภาพันธ์"): blanked, one for one.
    norm = _rejoin_months(QUOTES.sub(" ", thai_to_arabic_digits(text)))
    if _ANY_DIGIT.search(norm) is None:  # every date has a digit: most lines have none
        return ()
    hits = []
    pos = 0
    while (m := DATE_RE.search(norm, pos)) is not None:
        hit = _build(m, text)
        if hit is None:  # "๕๗๘ ลงวันที่ ๒๐": not a month; the real date may start inside
            pos = m.end("day")
            continue
        hits.append(hit)
        pos = m.end()
    return tuple(hits)


def parse_thai_date(s: str, *, window: tuple[dt.date, dt.date] | None = None) -> dt.date | None:
    """The first date in ``s`` as a ``datetime.date``; None if there is none
    or it cannot be a date. A weekday that contradicts the date repairs it
    when exactly one near reading fits (within ``window`` if given).

    >>> parse_thai_date("วันพุธที่ ๑๑ มิถุนายน ๒๕๖๘")
    datetime.date(2025, 6, 11)
    >>> parse_thai_date("๑๔๗๘ พฤษภาคม ๒๕๖๘") is None
    True
    """
    hits = find_dates(s)
    if not hits:
        return None
    return check_weekday(hits[0], window).date


# The minutes' two digits may stand apart (OCR spaced ``๑๒.๐ ๐ น.``), but only
# right before น.: elsewhere a lone digit after them is another number. เวลา may
# carry a stray vowel mark (``เวิลา``, seed 51).
_TIME_RE = re.compile(r"(?:เว[\u0e34-\u0e37]?ลา\s*)(?P<h>\d{1,2})\s*[.:]\s*(?P<m>\d{2}|\d \d(?=\s*น))(?!\d)")


def find_time(text: str) -> str | None:
    """The first ``เวลา HH.MM`` in ``text`` as ``"HH.MM"`` (Arabic digits).

    >>> find_time("เวลา ๑๖.๓๐ น."), find_time("เวลา ๑๒.๐ ๐ น."), find_time("เวลา ๑๒.๐ ๐๕")
    ('16.30', '12.00', None)
    """
    m = _TIME_RE.search(thai_to_arabic_digits(text))
    if m is None:
        return None
    minutes = m["m"].replace(" ", "")
    if int(m["h"]) > 23 or int(minutes) > 59:
        return None
    return f"{int(m['h']):02d}.{minutes}"
