"""Thai dates: ``วันพุธที่ ๑๑ มิถุนายน ๒๕๖๘``, ``๙ ก.ย. ๖๘`` -> datetime.date.

Pure functions. Years are Buddhist Era (BE = CE + 543); two-digit years are
BE (``๖๘`` = 2568). A printed weekday is a free check digit: a date it
contradicts is flagged, and repaired only when exactly one nearby reading
(one day digit or the year's last digit) agrees with it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from docintake.parse.misreads import weekday_misread
from docintake.parse.months import month_number, weekday_number
from docintake.parse.thaiyear import be_to_ce, ce_to_be, normalise_year, restore_year
from docintake.text import fresh, line_cache
from docintake.text.normalize import digit_scripts, thai_to_arabic_digits

__all__ = ["DateHit", "check_weekday", "find_dates", "find_day_month", "find_time", "month_number",
           "parse_thai_date", "weekday_number", "year_repairs"]

_THAI = "\u0e01-\u0e4e"
# Digits are matched on text whose Thai digits were mapped to Arabic (a
# one-to-one map, so positions in the original text are unchanged).
DATE_RE = re.compile(
    rf"(?:วัน(?P<wd>[{_THAI}]{{2,12}}?)\s?ท[ี]?[่]?\s*|วันท[ี]?[่]?\s*)?"
    rf"(?:(?<![\d.])|(?<=ที่\.)|(?<=ที\.)|(?<=^\.)|(?<=\s\.))(?P<day>\d\s\d(?=\s*[{_THAI}])|\d{{1,4}})(?:-(?=[{_THAI}])|[:;.,](?=\s+[{_THAI}]|[{_THAI}]{{4}}))?\s*(?:[:;.,](?=[{_THAI}]{{4}}))?"
    rf"(?P<month>[{_THAI}.]{{2,16}}|[{_THAI}]{{1,3}}[.(,:;]\s?[{_THAI}]{{1,2}}\.?"
    rf"|(?<=\s)[A-Za-z0-9ก-ฮ]{{1,2}}(?:\.\s?)?[A-Za-z0-9ก-ฮ]{{1,2}}[.,])[:;,]?(?:\s+[ก-ฮa-zA-Z]{{1,2}}(?=\s))?"
    rf"(?:\s*-)?\s*(?:พ\s?\.\s?ศ\s?\.?\s*|ค\.ศ\.\s*)?(?P<year>2[\s-]?5[\s-]?\d[\s-]?\d|\d{{3,4}}|\d\s?\d(?![:;]\d))(?![\d])"
)
# A speck read as a dot before the day, at the line's start or after a space
# (``.๑๙ พฤษภาคม ๒๕๖๘``, seed 17), is no decimal point: the day follows it.
# The month's closing dot read as a comma (``5.0,``), its first dot as a colon or
# semicolon (``มี:ค.``, seed 15), or a colon or
# semicolon printed after the month (``สุค: ๖๘``) or the day (``18: กุย.``),
# or a speck glued between the day and a month's full name (``๓.มีนาคม``,
# seed 13; after a space, ``๑๒ '.พฤศจิกายน``, seed 15): skipped. Two digits then a colon and a digit (``25:8``, seed 14) are
# a four-digit year with a digit lost to a speck, not a memo's two-digit year.
# A dot before the day is a decimal's, unless a วันที่ label stands before it
# (``ลงวันที่.๖ พ.ย.``, seed 14): then a speck.
# A year of three digits has lost one (``๕๖๗`` for ๒๕๖๗): ``thaiyear.restore_year``.


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


_LONE_NUMBER_BEFORE = re.compile(r"(?:^|\s)[0-9๐-๙]{1,2}\s$")
# A number glued to the วันที่ label it follows, when a wrapped line was joined
# (``ก่อนวันที๑๑ 5ธิ.ค.``: the label ended one line, the day opened the next).
# It is the day only by ``_day_before_debris``'s rule: a speck glued to the
# label (``วันที่๗ ๒๐ WA. ๖๗``) is not, and leaves the day after it alone.
_LABEL_NUMBER_BEFORE = re.compile(r"(?:(?<=วันท)|(?<=วันที)|(?<=วันที่))[0-9๐-๙]{1,2}\s$")


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
    if m.end("day") - m.start("day") == 1 and _QUOTES.match(text, m.end("day")):
        return True  # "๑” กันยายน": a quote glued to a one-digit day may be its second digit
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


def _stand_in_day(text: str, m: re.Match[str]) -> bool:
    """A day with an Arabic digit among Thai digits (``๒9 สค. ๒๕๖๗``, ``9 มิย
    ๖๘``): this OCR writes a Thai digit it cannot output (๔๖๗๘๙) as an
    Arabic one, so the day cannot be trusted (as ``docno._check_scripts``)."""
    day = digit_scripts(text[m.start("day") : m.end("day")])
    return False in day and (True in day or True in digit_scripts(text[m.start("year") : m.end("year")]))


def _build(m: re.Match[str], text: str) -> DateHit | None:
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
    if m["wd"]:
        hit.weekday = weekday_number(m["wd"])
    # OCR splits digits with spaces ("๒ ๗ มิถุนายน ๒๕ ๖๘"): join them back.
    # It reads the space after the day as a hyphen too ("๒๕-พฤศจิกายน"; a
    # range "๑-๓ พฤศจิกายน" has digits on both sides of its hyphen).
    # OCR splits a year's digits with a space or a hyphen (2-567).
    digits = re.sub(r"[\s-]", "", m["year"])
    year = normalise_year(digits) if len(digits) != 3 else restore_year(digits)
    if len(digits) == 3 and year is not None:
        hit.problems.append(f"year_digit_restored:{m['year']}")
        hit.confidence = min(hit.confidence, 0.7)
    hit.year = year
    day = int(m["day"].replace(" ", ""))
    if _day_ambiguous(text, m):
        debris_day = _day_before_debris(text, m)
        if debris_day is None:
            hit.problems.append("day_ambiguous")
            return hit
        day = debris_day
        hit.problems.append(f"day_debris_dropped:{m['day']}")
        hit.confidence = min(hit.confidence, 0.7)
    elif (lone := _lone_number_before(text, m.start("day"))) and (speck := _speck_number(lone.group(), text, m)):
        hit.problems.append(f"day_debris_dropped:{speck}")
        hit.confidence = min(hit.confidence, 0.7)
    elif _stand_in_day(text, m):
        hit.problems.append("day_digits_mixed")
        return hit
    if year is None:
        hit.problems.append("year_invalid")
        return hit
    if not 1 <= day <= calendar.monthrange(year, month[0])[1]:
        hit.problems.append("day_invalid")
        return hit
    hit.date = dt.date(year, month[0], day)
    return hit


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


_QUOTES = re.compile("[\'\"“”‘’]")
_ANY_DIGIT = re.compile(r"\d")


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
    norm = _QUOTES.sub(" ", thai_to_arabic_digits(text))
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


def _near_readings(d: dt.date) -> list[dt.date]:
    """Dates one misread digit away: a day digit, or the year off by one."""
    out = []
    day = f"{d.day:02d}" if d.day >= 10 else str(d.day)
    for i in range(len(day)):
        for c in "0123456789":
            cand = day[:i] + c + day[i + 1 :]
            if cand != day and cand.lstrip("0"):
                out.append((d.year, d.month, int(cand)))
    out += [(d.year - 1, d.month, d.day), (d.year + 1, d.month, d.day)]
    valid = []
    for y, mth, dd in out:
        if 1 <= dd <= calendar.monthrange(y, mth)[1]:
            valid.append(dt.date(y, mth, dd))
    return valid


REPAIR_DAYS_BEFORE = 60


def year_repairs(date: dt.date, ref: dt.date, horizon_days: int) -> list[dt.date]:
    """Readings of ``date`` with one digit of its BE year changed that fall
    from ``REPAIR_DAYS_BEFORE`` days before ``ref`` (a deadline may already
    be past on the letter's own date) to ``horizon_days`` after it.

    >>> year_repairs(dt.date(2123, 12, 20), dt.date(2023, 12, 25), 240)
    [datetime.date(2023, 12, 20)]
    >>> year_repairs(dt.date(2123, 12, 20), dt.date(2023, 1, 5), 240)
    []
    """
    be = str(ce_to_be(date.year))
    out = []
    for i in range(len(be)):
        for c in "0123456789":
            if c == be[i]:
                continue
            y = be_to_ce(int(be[:i] + c + be[i + 1 :]))
            if 1 <= y <= 9999 and date.day <= calendar.monthrange(y, date.month)[1]:
                cand = date.replace(year=y)
                if ref - dt.timedelta(days=REPAIR_DAYS_BEFORE) <= cand <= ref + dt.timedelta(days=horizon_days):
                    out.append(cand)
    return out


def check_weekday(hit: DateHit, window: tuple[dt.date, dt.date] | None = None) -> DateHit:
    """Check the printed weekday; repair the date when one reading one digit
    away fits, or, when several do, when one of them is the one reading
    through a digit this OCR confuses (``misreads.weekday_misread``; its
    confusion kept in the problem, at lower confidence)."""
    if hit.date is None or hit.weekday is None or hit.date.weekday() == hit.weekday:
        return hit
    cands = [c for c in _near_readings(hit.date) if c.weekday() == hit.weekday]
    if window is not None:
        cands = [c for c in cands if window[0] <= c <= window[1]]
    misread = weekday_misread(hit.date, hit.weekday, window) if len(cands) > 1 else None
    misread = misread if misread is not None and misread[0] in cands else None
    if len(cands) == 1:
        hit.problems.append(f"weekday_repaired:{hit.date.isoformat()}")
        hit.date = cands[0]
        hit.confidence = min(hit.confidence, 0.6)
    elif misread is not None:  # several digits could be wrong: the one this OCR confuses decides
        hit.problems.append(f"weekday_repaired:{hit.date.isoformat()}:{misread[1]}")
        hit.date = misread[0]
        hit.confidence = min(hit.confidence, 0.5)
    else:
        hit.problems.append("weekday_mismatch")
        hit.confidence = min(hit.confidence, 0.4)
    return hit


_TIME_RE = re.compile(r"(?:เวลา\s*)(?P<h>\d{1,2})\s*[.:]\s*(?P<m>\d{2})(?!\d)")


def find_time(text: str) -> str | None:
    """The first ``เวลา HH.MM`` in ``text`` as ``"HH.MM"`` (Arabic digits).

    >>> find_time("เวลา ๑๖.๓๐ น.")
    '16.30'
    """
    m = _TIME_RE.search(thai_to_arabic_digits(text))
    if m is None or int(m["h"]) > 23 or int(m["m"]) > 59:
        return None
    return f"{int(m['h']):02d}.{m['m']}"
