"""Cued deadline dates OCR spoilt, read where their own context mends them:
a year lost (``ภายในวันที่ ๒๖ กันยายน we.``), a month printed in Latin or
digit look-alikes (``๒๐ NW.``), a full month name's tail lost (``กุมภาพ``).
Each reading is marked for the caller's warnings and taken only when one is
left. Split out of deadlines.py, which gathers every form in text order. Pure.
"""

from __future__ import annotations

import datetime as dt
import re

from docintake.models import Deadline
from docintake.parse.deadline_cues import clause, is_deadline_cue
from docintake.parse.glyphs import ERA_FLOOR, GLYPH_DATE, day_readings, glyph_candidates, infer_year
from docintake.parse.lines import collapse
from docintake.parse.months import months_by_shape, weekday_number
from docintake.parse.monthwindow import window_reading
from docintake.parse.thaidate import DateHit, month_number
from docintake.parse.thaiyear import normalise_year
from docintake.parse.weekdays import printed_weekday, stock_day_repairs
from docintake.text import lexicon
from docintake.text.fuzzy import key
from docintake.text.normalize import thai_to_arabic_digits


def has_lookalike(token: str) -> bool:
    """Whether a month token holds a Latin or digit look-alike glyph
    (``lexicon.MONTH_LOOKALIKES``).

    >>> has_lookalike("AW."), has_lookalike("ก.ย.")
    (True, False)
    """
    return any(ch in lexicon.MONTH_LOOKALIKES for ch in token)


# A day and a month whose year OCR lost ("ภายในวันที่ ๒๖ กันยายน we."); the
# dotted/damaged month forms are those thaidate.DATE_RE accepts.
_DAY_MONTH = re.compile(r"(?<![\d.])(?P<day>\d{1,2})\s*(?P<month>[ก-๎.]{2,16}|[ก-๎]{1,3}[.(,]\s?[ก-๎]{1,2}\.?)")


def yearless_deadlines(paragraph: str, ref: dt.date | None,
                       dated: list[DateHit]) -> list[tuple[int, int, Deadline, DateHit | None]]:
    """Cued day-and-month deadlines whose year is missing or unreadable, the
    year taken from the letter's date (``ref``); the caller warns. A printed
    weekday the date misses is a misread day, repaired when one stock-model
    digit fits (``weekdays.stock_day_repairs``), else no date. (start, end,
    deadline, the repaired hit or None)."""
    if ref is None:
        return []
    norm = thai_to_arabic_digits(paragraph)
    out = []
    for m in _DAY_MONTH.finditer(norm):
        if any(h.start <= m.start() < h.end for h in dated) or not is_deadline_cue(paragraph[: m.start()]):
            continue
        month = month_number(m["month"])
        date = infer_year(int(m["day"]), month[0], ref) if month else None
        weekday, hit = printed_weekday(paragraph[: m.start()]), None
        if date is not None and weekday is not None and date.weekday() != weekday:  # the weekday is a check digit
            fits = stock_day_repairs(paragraph[m.start("day") : m.end("day")], date.month, date.year, weekday)
            hit = DateHit(m.start(), m.end(), fits[0] if len(fits) == 1 else None, weekday=weekday, confidence=0.5,
                          raw=collapse(paragraph[m.start() : m.end()]), problems=[f"weekday_repaired:{date}"])
            date = hit.date
        if date is not None:
            out.append((m.start(), m.end(), Deadline(date=date, text=clause(paragraph, m.end())), hit))
    return out


def glyph_month_hits(paragraph: str, ref: dt.date | None, span=None) -> list[DateHit]:
    """Cued dates whose month OCR printed as look-alikes, read when exactly one
    month fits the glyphs, the printed weekday, (with ``ref``, the letter's
    date) the 60-days-before to 240-after window and ``span`` if given; marked
    ``month_repaired`` at confidence 0.5 so the caller warns (``year_spoilt``
    too when the printed year was decades early and ``ref``'s was taken,
    ``year_missing`` when none was printed and ``ref``'s was taken). When
    none or several fit, the hit has no date (the caller reports it
    unreadable)."""
    norm = thai_to_arabic_digits(paragraph)
    hits = []
    for m in GLYPH_DATE.finditer(norm):
        named = month_number(m["month"]) is not None and not has_lookalike(m["month"])
        if named or not (is_deadline_cue(paragraph[: m.start()]) or is_deadline_cue(paragraph[: m.start("day")])):
            continue
        dates = glyph_candidates(m, ref, span)
        date = dates[0] if len(dates) == 1 else None  # none or several: unreadable, and said so
        wide = window_reading(m, ref) if not dates and ref is not None and span is None else None
        if wide is not None:  # no month fits as printed: one glyph misread, one month in the window
            hits.append(DateHit(m.start(), m.end(), wide, confidence=0.4, raw=paragraph[m.start(): m.end()],
                                problems=[f"month_repaired:{m['month']}", "month_by_window"],
                                month=wide.month, year=wide.year))
            continue
        hits.append(DateHit(m.start(), m.end(), date, confidence=0.5, raw=paragraph[m.start(): m.end()],
                            problems=[f"month_repaired:{m['month']}" if date else "month_unreadable"],
                            month=date.month if date else None, year=date.year if date else None,
                            readings=[] if date else dates or _shapeless_readings(m, ref)))
        if date and m["year"] and normalise_year(m["year"]) != date.year:
            hits[-1].problems.append("year_spoilt")
        elif date and not m["year"]:
            hits[-1].problems.append("year_missing")  # taken from ref: the caller warns it inferred
    return hits


def _shapeless_readings(m: re.Match, ref: dt.date | None) -> list[dt.date]:
    """A ``GLYPH_DATE`` match whose glyphs fit no month's shape (``๑๘ IE.``,
    ``๒๐ Wel. ๖๗``): every month is still possible (the bundle's chain may
    settle it, ``deadlinechain``), on its printed weekday and era year."""
    if ref is None or months_by_shape(m["month"], one_unread=True):
        return []
    year = normalise_year(m["year"]) if m["year"] else None
    return day_readings(int(m["day"]), ref, year=year if year is not None and year >= ERA_FLOOR else None,
                        weekday=weekday_number(m["wd"]) if m["wd"] else None)


# A cued day and the head of a full month name whose tail OCR lost (seed 10:
# ``ภายในวันที่ ๑๓ กุมภาพ`` with ``ันธ์`` gone, the year's line glued on).
_CUT_MONTH = re.compile(r"(?<![\d.])(?P<day>\d{1,2})\s*(?P<month>[ก-๎]{4,9})(?![ก-๎])\s*(?P<year>\d{4}(?!\d))?")
_MONTH_KEYS = [key(m) for m in lexicon.MONTHS]
_MIN_HEAD = 4  # key letters: four tell every month from the others (มกรา, กุมภ, ..., ธันว)


def month_by_head(token: str) -> int | None:
    """The month whose full name ``token`` is the head of, when one is.

    >>> month_by_head("กุมภาพ"), month_by_head("พฤศจิ"), month_by_head("กุมภาพันธ์"), month_by_head("พฤ")
    (2, 11, None, None)
    """
    k = key(token)
    fits = [n for n, name in enumerate(_MONTH_KEYS, start=1) if name.startswith(k) and len(k) < len(name)]
    return fits[0] if len(fits) == 1 and len(k) >= _MIN_HEAD else None


def cut_month_hits(paragraph: str, ref: dt.date | None, dated: list[DateHit]) -> list[DateHit]:
    """Cued dates whose month name lost its tail (``month_by_head``), marked
    ``month_repaired`` at confidence 0.5 so the caller warns. The year is the
    printed one if it is in ``infer_year``'s window around ``ref`` (the
    letter's date), else ``ref``'s when none is printed (``year_missing``);
    a printed year out of the window leaves the date unread."""
    norm = thai_to_arabic_digits(paragraph)
    hits = []
    for m in _CUT_MONTH.finditer(norm):
        month = month_by_head(m["month"])
        if month is None or any(h.start <= m.start() < h.end for h in dated) or not is_deadline_cue(
                paragraph[: m.start()]):
            continue
        date = infer_year(int(m["day"]), month, ref) if ref else None
        printed = normalise_year(m["year"]) if m["year"] else None
        if printed is not None and (date is None or date.year != printed):
            date = None  # its year and the letter's window disagree: read no further
        problems = [f"month_repaired:{m['month']}" if date else "month_unreadable"]
        problems += ["year_missing"] if date and printed is None else []
        hits.append(DateHit(m.start(), m.end(), date, confidence=0.5, raw=paragraph[m.start(): m.end()],
                            problems=problems, month=month, year=date.year if date else None))
    return hits
