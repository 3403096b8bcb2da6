"""Deadlines in a letter's body: every absolute form of DOMAIN.md, and the
relative ``ภายใน ๗ วัน นับแต่วันที่ได้รับหนังสือนี้``.

A date is a deadline only when a deadline cue stands right before it
(``ภายใน``, ``ก่อน``, ``ไม่เกิน``, with or without ``วันที่``/``วัน<weekday>ที่``);
a reference's ``ลงวันที่`` date never is. Relative deadlines are resolved
against a base date the caller gives (the receipt stamp, else the letter's
own date) and marked ``relative``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from docintake.models import Deadline
from docintake.parse.lines import collapse
from docintake.parse.thaidate import DateHit, check_weekday, find_dates, month_number, normalise_year, weekday_number
from docintake.text import lexicon
from docintake.text.fuzzy import key
from docintake.text.normalize import thai_to_arabic_digits

def _alternation(words) -> str:
    return "|".join(re.escape(key(w)) for w in sorted(words, key=len, reverse=True))


# Matched on the tone-free key of the 40 characters before a date.
# After the cue: วันที่ or วัน<weekday>ที่, the weekday maybe garbled to one
# letter (วันพที่), and OCR debris (วันที่. / วันที่า) before the day; or
# วันที่ read as a short Latin word (Tun, Ful: seeds 1 and 3). One speck
# before the วันที่ that opens the date is debris too: a stutter of วัน
# (``ภายใน วัา วันที่ ๘``: the printed blank's label under the written-in
# date), a lone consonant, or a lone non-Thai character (``ภายใน 4 วันที่``).
_CUE = re.compile(
    rf"({_alternation(lexicon.DEADLINE_CUES)})\s*(?:(?:วั\S{{0,2}}|[ก-ฮ]|[^\sก-๙])\s+)?"
    rf"(?:วัน[ก-๎]{{0,10}}|[A-Za-z]{{2,4}})?[\s.,:;'\"]*$")
# The unit may be วัน read as a short Latin word (``ภายใน ๑๕ Su นับแต่``): the
# other units are too long to come out as two or three letters.
_RELATIVE = re.compile(
    rf"ภายใน\s*(?P<n>[0-9]{{1,3}})\s*(?P<unit>{_alternation(lexicon.RELATIVE_UNITS)}|[A-Za-z]{{2,3}})\s*"
    rf"(?:{_alternation(lexicon.RELATIVE_FROM)})"
)
_UNIT_DAYS = {key(u): n for u, n in lexicon.RELATIVE_UNITS.items()}
_LATIN_DAY = 1  # days in a unit read as Latin letters (วัน)
_WORKING_DAYS = key("วันทำการ")
_ITEM = re.compile(r"^\s*[0-9๐-๙]{1,2}\s*\.\s*")


def _add_working_days(base: dt.date, n: int) -> dt.date:
    day = base
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def is_deadline_cue(before: str) -> bool:
    """Whether the text right before a date makes it a deadline.

    >>> is_deadline_cue("ให้แล้วเสร็จภายใน"), is_deadline_cue("ลง")
    (True, False)
    """
    return bool(_CUE.search(key(before[-40:])))


_CLAUSE_END = re.compile(r"\.{3,}|จึงเรียน|จึงขอ|ทั้งนี้")


def _clause(paragraph: str, after: int = 0) -> str:
    """The paragraph holding a deadline, without its item number, cut where a
    new sentence (จึงเรียน..., ทั้งนี้, a dotted blank) starts after the deadline."""
    end = _CLAUSE_END.search(paragraph, after)
    text = paragraph[: end.start()] if end else paragraph
    return collapse(_ITEM.sub("", text, count=1))


def absolute_deadlines(paragraph: str, window=None) -> list[tuple[DateHit, str]]:
    """(date hit, clause) for each cued date in one paragraph, in order."""
    out = []
    for hit in find_dates(paragraph):
        if _glyph_guessed(hit.problems):
            continue  # glyph_month_hits reads these, with the weekday and the letter's date as checks
        if is_deadline_cue(paragraph[: hit.start]):
            out.append((check_weekday(hit, window), _clause(paragraph, hit.end)))
    return out


def _glyph_guessed(problems: list[str]) -> bool:
    """Was the month read from Latin or digit look-alikes (``month_repaired:AW.``)?"""
    return any(p.startswith("month_repaired:") and _has_lookalike(p.split(":", 1)[1]) for p in problems)


def _has_lookalike(token: str) -> bool:
    return any(ch in lexicon.MONTH_GLYPH_LOOKALIKES for ch in token)


def relative_deadlines(paragraph: str, base: dt.date | None) -> list[tuple[int, Deadline]]:
    """(position, deadline) for each ``ภายใน N วัน นับแต่...`` in a paragraph."""
    keyed = key(thai_to_arabic_digits(paragraph))
    out = []
    for m in _RELATIVE.finditer(keyed):
        n = int(m["n"])
        date = None
        if base is not None:
            if m["unit"] == _WORKING_DAYS:
                date = _add_working_days(base, n)
            else:
                date = base + dt.timedelta(days=n * _UNIT_DAYS.get(m["unit"], _LATIN_DAY))
        out.append((m.start(), Deadline(date=date, text=_clause(paragraph, m.end()), relative=True)))
    return out


# A day and a month whose year OCR lost ("ภายในวันที่ ๒๖ กันยายน we."); the
# dotted/damaged month forms are those thaidate.DATE_RE accepts.
_DAY_MONTH = re.compile(r"(?<![\d.])(?P<day>\d{1,2})\s*(?P<month>[ก-๎.]{2,16}|[ก-๎]{1,3}[.(,]\s?[ก-๎]{1,2}\.?)")
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


def yearless_deadlines(paragraph: str, ref: dt.date | None, dated: list[DateHit]) -> list[tuple[int, Deadline]]:
    """Cued day-and-month deadlines whose year is missing or unreadable, the
    year taken from the letter's date (``ref``); the caller warns."""
    if ref is None:
        return []
    norm = thai_to_arabic_digits(paragraph)
    out = []
    for m in _DAY_MONTH.finditer(norm):
        if any(h.start <= m.start() < h.end for h in dated) or not is_deadline_cue(paragraph[: m.start()]):
            continue
        month = month_number(m["month"])
        date = infer_year(int(m["day"]), month[0], ref) if month else None
        if date is not None:
            out.append((m.start(), Deadline(date=date, text=_clause(paragraph, m.end()))))
    return out


# A cued day, a month OCR printed in Latin letters or digits (``16 1.8. 67``,
# ``5 AW. 68``) and maybe a year; the date prefix as thaidate.DATE_RE has it.
_GLYPH_DATE = re.compile(
    r"(?:วัน(?P<wd>[ก-๎]{2,12}?)\s?ท[ี]?[่]?\s*|วันท[ี]?[่]?\s*)?(?<![\d.])(?P<day>\d{1,2})\s+"
    r"(?P<month>(?=[^\s]*[A-Za-z]|[^\s.]+\.[^\s.]+\.)[A-Za-z0-9]{1,2}\.?[A-Za-z0-9]{0,2}\.)"
    r"(?:\s*(?:พ\.?\s?ศ\.?\s*)?(?P<year>\d{4}|\d{2})(?!\d))?")
_ABBR_LETTERS = [(i + 1, a.replace(".", "")) for i, a in enumerate(lexicon.MONTHS_ABBR)]


def glyph_months(token: str) -> list[int]:
    """Months whose abbreviation ``token`` can be, letter for letter, through
    ``lexicon.MONTH_GLYPH_LOOKALIKES``.

    >>> glyph_months("1.8."), glyph_months("AW."), glyph_months("A.A.")
    ([9], [2], [7, 8, 10])
    """
    letters = token.replace(".", "")
    return [n for n, abbr in _ABBR_LETTERS if len(abbr) == len(letters) and all(
        c == t or t in lexicon.MONTH_GLYPH_LOOKALIKES.get(c, "") for c, t in zip(letters, abbr))]


def _glyph_candidates(m: re.Match, ref: dt.date | None) -> list[dt.date]:
    day, year = int(m["day"]), normalise_year(m["year"]) if m["year"] else None
    weekday = weekday_number(m["wd"]) if m["wd"] else None
    out = []
    for month in glyph_months(m["month"]):
        if year is not None:
            date = dt.date(year, month, day) if day <= calendar.monthrange(year, month)[1] else None
            date = date if ref is None or date is None or infer_year(day, month, ref) == date else None
        else:
            date = infer_year(day, month, ref) if ref else None
        if date is not None and (weekday is None or date.weekday() == weekday):
            out.append(date)
    return out


def glyph_month_hits(paragraph: str, ref: dt.date | None) -> list[DateHit]:
    """Cued dates whose month OCR printed as Latin look-alikes, read when exactly
    one month fits the glyphs, the printed weekday and (with ``ref``, the
    letter's date) the 60-days-before to 240-after window; marked
    ``month_repaired`` at confidence 0.5 so the caller warns. When none or
    several fit, the hit has no date (the caller reports it unreadable)."""
    norm = thai_to_arabic_digits(paragraph)
    hits = []
    for m in _GLYPH_DATE.finditer(norm):
        if (month_number(m["month"]) is not None and not _has_lookalike(m["month"])) or not is_deadline_cue(
            paragraph[: m.start()]
        ):
            continue
        dates = _glyph_candidates(m, ref)
        date = dates[0] if len(dates) == 1 else None  # none or several: unreadable, and said so
        hits.append(DateHit(m.start(), m.end(), date, confidence=0.5, raw=paragraph[m.start(): m.end()],
                            problems=[f"month_repaired:{m['month']}" if date else "month_unreadable"],
                            month=date.month if date else None, year=date.year if date else None))
    return hits


ERA_FLOOR = 1990  # as plausibility.ERA_FLOOR: a year before it on a current letter is misread


def pre_era_year(hit: DateHit, ref: dt.date | None) -> dt.date | None:
    """A deadline printed decades before a current letter (``๒๒ กันยายน ๒๕๐๕``
    in a letter of 2568: the stock Thai model reads ๖ ๘ as ๐ ๒ ๕) has a spoilt
    year, not a late one: its day and month take the year ``infer_year`` gives
    from the letter's date, if the printed weekday (when there is one) agrees.
    None when the year is not spoilt that way or no year fits.

    >>> from docintake.parse.thaidate import find_dates
    >>> pre_era_year(find_dates("๒๒ กันยายน ๒๕๐๕")[0], dt.date(2025, 9, 5))
    datetime.date(2025, 9, 22)
    >>> pre_era_year(find_dates("๒๒ กันยายน ๒๕๖๘")[0], dt.date(2025, 9, 5)) is None
    True
    """
    if hit.date is None or ref is None or not hit.date.year < ERA_FLOOR <= ref.year:
        return None
    date = infer_year(hit.date.day, hit.date.month, ref)
    if date is None or (hit.weekday is not None and date.weekday() != hit.weekday):
        return None
    return date


def _current_base(base: dt.date | None, ref: dt.date | None) -> tuple[dt.date | None, bool]:
    """The base of relative deadlines, and whether its year was taken from ``ref``:
    a receipt stamp dated decades before its letter (``๓๐ ม.ค. ๒๕๒๕`` on a
    letter of 2567) has the same spoilt year as a deadline would."""
    if base is None or ref is None or not base.year < ERA_FLOOR <= ref.year:
        return base, False
    fixed = infer_year(base.day, base.month, ref)
    return fixed, fixed is not None


def find_deadlines(paragraphs: list[str], base: dt.date | None, window=None, *, year_ref: dt.date | None = None,
                   inferred: list[Deadline] | None = None) -> tuple[list[Deadline], list[DateHit]]:
    """Every deadline in the body paragraphs, in text order, and the date hits
    behind the absolute ones (for the caller's warnings: a month read from
    look-alike glyphs is ``month_repaired``). A cued date whose year is
    unreadable or spoilt, and a relative one counted from a stamp whose year is
    spoilt, get their year from ``year_ref`` (the letter's date) and are also
    put in ``inferred`` so the caller can warn."""
    deadlines: list[Deadline] = []
    hits: list[DateHit] = []
    inferred = inferred if inferred is not None else []
    base, base_inferred = _current_base(base, year_ref)
    for para in paragraphs:
        found: list[tuple[int, Deadline]] = relative_deadlines(para, base)
        if base_inferred:
            inferred.extend(d for _, d in found if d.date)
        absolute = absolute_deadlines(para, window)
        for hit, clause in absolute:
            hits.append(hit)
            deadline = Deadline(date=hit.date, text=clause)
            if (fixed := pre_era_year(hit, year_ref)) is not None:
                deadline.date = fixed
                inferred.append(deadline)
            found.append((hit.start, deadline))
        for hit in glyph_month_hits(para, year_ref):
            hits.append(hit)
            found.append((hit.start, Deadline(date=hit.date, text=_clause(para, hit.end))))
        guessed = yearless_deadlines(para, year_ref, [h for h in find_dates(para) if h.date is not None])
        inferred.extend(d for _, d in guessed)
        found.extend(guessed)
        seen = set()
        for _, d in sorted(found, key=lambda x: x[0]):
            if (d.date, d.relative) not in seen:
                seen.add((d.date, d.relative))
                deadlines.append(d)
    return deadlines, hits
