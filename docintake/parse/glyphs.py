"""Dates whose parts OCR printed as look-alike glyphs, and the year a day and
month take near a letter's date.

The stock Thai model prints what it cannot read as something it can: a month
abbreviation's letters as Latin ones or digits (``1.8.`` for ก.ย.), a digit it
has no output for as a Thai letter drawn alike (``ฒ`` for ๗), a year's ๖/๘ as ๒/๕ (``๒๕๒๕`` for
๒๕๖๘). The tables are ``lexicon.MONTH_LOOKALIKES`` and
``lexicon.DIGIT_GLYPH_LOOKALIKES``; deadlines.py uses these readings only in a
deadline's slots and only when one reading is left. Pure.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from docintake.parse.months import month_number, months_by_shape
from docintake.parse.thaidate import weekday_number
from docintake.parse.thaiyear import ERA_FLOOR, normalise_year
from docintake.text import lexicon

YEAR_INFERRED_BEFORE, YEAR_INFERRED_AFTER = 60, 240  # days around the letter a deadline can fall


def infer_year(day: int, month: int, ref: dt.date) -> dt.date | None:
    """The one date with this day and month from 60 days before ``ref`` to 240
    after (the window is shorter than a year, so there is at most one).

    >>> infer_year(26, 9, dt.date(2024, 9, 12)), infer_year(5, 1, dt.date(2024, 12, 20))
    (datetime.date(2024, 9, 26), datetime.date(2025, 1, 5))
    >>> infer_year(30, 9, dt.date(2024, 12, 20)) is None  # 81 days before, 284 after
    True
    >>> infer_year(0, 9, dt.date(2024, 12, 20)) is None
    True
    """
    for year in (ref.year - 1, ref.year, ref.year + 1):
        if 1 <= year <= 9999 and 1 <= day <= calendar.monthrange(year, month)[1]:
            cand = dt.date(year, month, day)
            if ref - dt.timedelta(days=YEAR_INFERRED_BEFORE) <= cand <= ref + dt.timedelta(days=YEAR_INFERRED_AFTER):
                return cand
    return None


def day_readings(day: int, ref: dt.date, *, months=range(1, 13), year: int | None = None,
                 weekday: int | None = None) -> list[dt.date]:
    """Every date with this day, in one of ``months``, from 60 days before
    ``ref`` to 240 after it (``infer_year``'s window), in ``year`` (CE) if one
    was printed and on ``weekday`` (Monday 0) if one was: what a date whose
    month OCR lost or left ambiguous can be.

    >>> day_readings(11, dt.date(2025, 8, 7), months=[7, 8, 10])  # ๑๑ A.A.: ก.ค., ส.ค. or ต.ค.
    [datetime.date(2025, 7, 11), datetime.date(2025, 8, 11), datetime.date(2025, 10, 11)]
    >>> day_readings(16, dt.date(2024, 11, 4), weekday=0)  # วันจันทร์ที่ ๑๖, month lost
    [datetime.date(2024, 9, 16), datetime.date(2024, 12, 16), datetime.date(2025, 6, 16)]
    """
    low = ref - dt.timedelta(days=YEAR_INFERRED_BEFORE)
    high = ref + dt.timedelta(days=YEAR_INFERRED_AFTER)
    out = []
    for y in [year] if year else range(low.year, high.year + 1):
        for m in months:
            if 1 <= day <= calendar.monthrange(y, m)[1] and low <= (d := dt.date(y, m, day)) <= high \
                    and (weekday is None or d.weekday() == weekday):
                out.append(d)
    return sorted(out)


# What follows a deadline's วันที่ label: a day, a token where the month
# should be (none when the line ends after the day) and maybe a year; on
# text with Arabic digits (``ก่อนวันที ๙ HUNAN ๒๕๖๗``, ``ก่อนวันที่ ๑``).
_LABEL_TAIL = re.compile(r"\s*(?P<day>\d{1,2})(?![\d.])\s*(?P<month>[^\s\d]{1,12})?"
                         r"(?:\s*(?:พ\.?\s?ศ\.?\s*)?(?P<year>\d{4}|\d{2})(?!\d))?")


def lost_month_readings(after: str, ref: dt.date | None) -> list[dt.date]:
    """The dates a labelled deadline can be when its day stands and no month
    table reads what is left of its month (``after``: the text after the
    label, Arabic digits): each month's such day near ``ref`` (the letter's
    date), in the printed year if it is of the era. Empty when a month is
    read, when the token is a word of ``lexicon.DAY_OF_SOME_MONTH``
    (``ของทุกเดือน``: every month's day, no deadline), or without ``ref``.

    >>> lost_month_readings(" 9 HUNAN 2567", dt.date(2024, 11, 8))[:2]
    [datetime.date(2024, 9, 9), datetime.date(2024, 10, 9)]
    >>> lost_month_readings(" 9 ธันวาคม 2567", dt.date(2024, 11, 8))
    []
    >>> lost_month_readings(" 10 ของทุกเดือน", dt.date(2024, 11, 8))
    []
    """
    m = _LABEL_TAIL.match(after)
    if ref is None or m is None:
        return []
    token = m["month"] or ""
    if month_number(token) is not None or token.startswith(lexicon.DAY_OF_SOME_MONTH):
        return []
    year = normalise_year(m["year"]) if m["year"] else None
    return day_readings(int(m["day"]), ref, months=abbreviation_heads(token),
                        year=year if year is not None and year >= ERA_FLOOR else None)


# The first part of an abbreviated month and its dot, the rest lost
# (``๓๑ มี.``, the ค. wrapped away or garbled): เ and a consonant or a
# consonant, with marks.
_ABBR_HEAD = re.compile(r"(?P<head>เ?[ก-ฮ])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*\.$")


def abbreviation_heads(token: str) -> list[int]:
    """The months whose abbreviation starts as ``token`` does when it is the
    first part of one, its dot after it (``มี.``: มี.ค., and with its vowel
    misread or lost ม.ค. and มิ.ย.: OCR drops and confuses marks, so they are
    not compared); every month otherwise.

    >>> abbreviation_heads("มี."), abbreviation_heads("เม."), abbreviation_heads("ก.")
    ([1, 3, 6], [4], [2, 7, 9])
    >>> len(abbreviation_heads("HUNAN"))
    12
    """
    return _heads(token) or list(range(1, 13))


def abbreviation_head(token: str) -> bool:
    """Whether ``token`` is the first part of a month's abbreviation (``มี.``)."""
    return bool(_heads(token))


def _heads(token: str) -> list[int]:
    m = _ABBR_HEAD.fullmatch(token)
    return [n for n, abbr in enumerate(lexicon.MONTHS_ABBR, start=1)
            if m is not None and _ABBR_HEAD.sub(r"\g<head>", abbr.split(".")[0] + ".") == m["head"]]


# A cued day, a month OCR printed in Latin letters or digits (``16 1.8. 67``,
# ``5 AW. 68``; its last dot maybe read as a comma: ``๒๐ A.W, ๒๕๖๗``, seed 10),
# its second letter maybe read right (``๑๙ 5.ค. ๖๖`` for ธ.ค., seed 28), its
# two halves maybe a space or a line apart (``๘ w.`` / ``J. ๖๗`` for พ.ย., seed 34),
# and maybe a year; the date prefix as thaidate.DATE_RE has it.
GLYPH_DATE = re.compile(
    r"(?:วัน(?P<wd>[ก-๎]{2,12}?)\s?ท[ี]?[่]?\s*|วันท[ี]?[่]?\s*)?(?<![\d.])(?P<day>\d{1,2})\s+"
    r"(?P<month>(?=[^\s]*[A-Za-z]|[^\s.]+\.\s?[^\s.]+\.)[A-Za-z0-9]{1,2}(?:\.\s?)?(?:[A-Za-z0-9]{1,2}|[ก-ฮ])?[.,])"
    r"(?:\s*(?:พ\.?\s?ศ\.?\s*)?(?P<year>\d{4}|\d{2})(?!\d))?")
def glyph_candidates(m: re.Match, ref: dt.date | None, span=None) -> list[dt.date]:
    """The dates a ``GLYPH_DATE`` match can be: a month its glyphs allow, on the
    printed weekday if any, in ``infer_year``'s window around ``ref`` (the
    letter's date) and in ``span`` (first, last) if given. A year printed
    decades before ``ref`` is spoilt: ``ref``'s is taken."""
    day, year = int(m["day"]), normalise_year(m["year"]) if m["year"] else None
    if year is not None and ref is not None and year < ERA_FLOOR <= ref.year:
        year = None
    weekday = weekday_number(m["wd"]) if m["wd"] else None
    out = []
    for month in sorted(months_by_shape(m["month"], one_unread=True)):
        if year is not None:
            date = dt.date(year, month, day) if day <= calendar.monthrange(year, month)[1] else None
            date = date if ref is None or date is None or infer_year(day, month, ref) == date else None
        else:
            date = infer_year(day, month, ref) if ref else None
        if date is not None and (weekday is None or date.weekday() == weekday):
            out.append(date)
    return [d for d in out if span is None or span[0] <= d <= span[1]]


# A number of one or two places holding a look-alike letter, standing alone (a
# tone mark OCR hung on the letter aside): ``ฒ``, ``๑ฒ``, ``ฆ่``; or glued to the
# unit it counts (``ภายใน ซวัน. นับแต่``, seed 103: no word opens so).
_GLYPH_DIGITS = "".join(lexicon.DIGIT_GLYPH_LOOKALIKES)
_GLYPH_NUMBER = re.compile(rf"(?<!\S)(?=\S?[{_GLYPH_DIGITS}])[0-9๐-๙{_GLYPH_DIGITS}]{{1,2}}[่-๋]?"
                           rf"(?:(?!\S)|(?=(?:{'|'.join(lexicon.RELATIVE_UNITS)})))")


def digit_glyphs(paragraph: str) -> str | None:
    """``paragraph`` with the look-alike letters of each such number read as
    their digit (its tone mark blanked, so positions stay); None if none.

    >>> digit_glyphs("ไม่เกินวันที่ ฒ พ.ย. ๒๕๖๘")
    'ไม่เกินวันที่ ๗ พ.ย. ๒๕๖๘'
    >>> digit_glyphs("ฆ่าเชื้อ ภายใน ๗ วัน") is None
    True
    >>> digit_glyphs("ภายใน ซวัน. นับแต่วันที่ได้รับ")
    'ภายใน ๗วัน. นับแต่วันที่ได้รับ'
    >>> digit_glyphs("ทุกๆวัน") is None
    True
    """
    def read(m: re.Match) -> str:
        return "".join(lexicon.DIGIT_GLYPH_LOOKALIKES.get(c, c if c.isdigit() else " ") for c in m.group())

    fixed = _GLYPH_NUMBER.sub(read, paragraph)
    return fixed if fixed != paragraph else None
