"""Deadlines in a letter's body: every absolute form of DOMAIN.md, and the
relative ones deadline_cues.py reads, in text order.

Dates OCR spoilt in ways their own context mends are read and marked for the
caller's warnings: a month abbreviation in look-alike glyphs (``1.8.`` for
ก.ย.), a number's ๗ printed as a look-alike letter (``ฒ``, ``ฆ``), a year
printed decades early; each only when one reading is left.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from docintake.models import Deadline
from docintake.parse.daterepair import check_weekday
from docintake.parse.deadline_cues import (
    COUNTLESS, CUED_LABEL, NEAR, UNITLESS, YEARISH, clause, is_deadline_cue, month_named, relative_deadlines, unkeyed,
)
from docintake.parse.glyphs import ERA_FLOOR, digit_glyphs, infer_year, lost_month_readings
from docintake.parse.lines import collapse
from docintake.parse.months import weekday_number
from docintake.parse.spoiltdates import cut_month_hits, glyph_month_hits, has_lookalike, yearless_deadlines
from docintake.parse.thaidate import DateHit, find_dates
from docintake.parse.weekdaymonth import month_misread_by_weekday
from docintake.parse.weekdays import weekday_hits
from docintake.text import lexicon
from docintake.text.fuzzy import key
from docintake.text.normalize import thai_to_arabic_digits


def absolute_deadlines(paragraph: str, window=None) -> list[tuple[DateHit, str]]:
    """(date hit, clause) for each cued date in one paragraph, in order."""
    out = []
    for hit in find_dates(paragraph):
        if _glyph_guessed(hit.problems):
            continue  # glyph_month_hits reads these, with the weekday and the letter's date as checks
        if _cued(paragraph, hit):
            if hit.weekday is None and (m := _WEEKDAY_THEN_SPECK.search(paragraph, 0, hit.start)):
                hit.weekday = weekday_number(m["wd"])  # its ที่ read as Latin: find_dates did not see it
            out.append((check_weekday(hit, window), clause(paragraph, hit.end)))
    return out


# วัน<weekday> whose ที่ OCR printed as one or two Latin letters (``ภายในวันจันทร์ N ๒๔``).
_WEEKDAY_THEN_SPECK = re.compile(r"วัน(?P<wd>[ก-๎]{2,10})\s*[A-Za-z]{1,2}\s*$")


_LONE_DAY = re.compile(r"[0-9๐-๙]{1,2}\s*$")
_NOT_DAY = re.compile(r"[^0-9๐-๙]*")


def _before_day(paragraph: str, hit: DateHit) -> str:
    """The text before a date's day. A hit whose day was a lone number before
    the debris it starts at (``ก่อนวันที ๑๑ 5ธิ.ค.``: ``day_debris_dropped``)
    has its day outside it: the cue is before that number."""
    before = paragraph[: hit.start]
    if any(p.startswith("day_debris_dropped") for p in hit.problems):
        before = _LONE_DAY.sub("", before)
    return before


def _cued(paragraph: str, hit: DateHit) -> bool:
    """Whether a cue stands before a date hit: before the hit, or before its
    day with the วันที่ label the hit opens with (a cue of
    ``lexicon.DEADLINE_LABEL_CUES`` needs the label)."""
    label = _NOT_DAY.match(paragraph, hit.start, hit.end)[0]
    return is_deadline_cue(_before_day(paragraph, hit)) or bool(label) and is_deadline_cue(
        paragraph[: hit.start + len(label)])


def _glyph_guessed(problems: list[str]) -> bool:
    """Was the month read from Latin or digit look-alikes (``month_repaired:AW.``)?"""
    return any(p.startswith("month_repaired:") and has_lookalike(p.split(":", 1)[1]) for p in problems)




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


_DAY_ENDS = re.compile(r"[\s.,:;\-–]*\d{1,2}[\s.,]*")
# A day and a memo's two-digit year with the month between them lost (``ภายในไม่เกินวันที่ ๒๕ ๖๗``, seed 13).
_DAY_SHORT_YEAR = re.compile(r"[\s.,:;\-–]*\d{1,2}\s+\d{2}(?![\d.:/])")


def _unread_cues(para: str, found: list[_Found], ref: dt.date | None = None) -> list[_Found]:
    """Deadlines the text shows but no reader read: a cue with the วันที่ label
    followed by a year or a month name no date was read around (``ภายในวันที่
    เม พฤศจิกายน ๒๕๖๗``: the day is lost) or by a day that ends the paragraph
    (``ก่อนวันที่ ๑``: month and year lost, seed 11) or by a day and a memo's
    two-digit year (``ภายในไม่เกินวันที่ ๒๕ ๖๗``: the month lost), and a relative cue
    without its unit or its number. Dateless, so the caller warns them
    unreadable; a recurring ``ภายในวันที่ ๑๐ ของทุกเดือน`` (no year, no month,
    words after the day) is no deadline. One whose day stands but whose month
    is lost keeps its readings near ``ref`` (``glyphs.lost_month_readings``)
    for the bundle's chain to settle."""
    keyed = key(thai_to_arabic_digits(para))
    at = unkeyed(para)
    out = []
    for m in CUED_LABEL.finditer(keyed):
        start, end = at(m.start()), at(m.end())
        after = thai_to_arabic_digits(para[end: end + NEAR])
        dated = YEARISH.search(after) or any(month_named(t) for t in after.split()[:3]) or _DAY_ENDS.fullmatch(
            thai_to_arabic_digits(para[end:])) or _DAY_SHORT_YEAR.match(after)
        if dated and not any(start - NEAR <= f.start <= end + NEAR for f in found):
            readings = lost_month_readings(after, ref)
            hit = DateHit(start, end, None, confidence=0.5, raw=collapse(para[start: end + NEAR]).strip(),
                          problems=["month_unreadable"], readings=readings) if readings else None
            out.append(_Found(start, end, Deadline(date=None, text=clause(para, end)), hit))
    for m in (*UNITLESS.finditer(keyed), *COUNTLESS.finditer(keyed)):
        start, end = at(m.start()), at(m.end())
        out.append(_Found(start, end, Deadline(date=None, text=clause(para, end), relative=True)))
    return out


@dataclass
class _Found:
    start: int
    end: int
    deadline: Deadline
    hit: DateHit | None = None  # behind an absolute one, for the caller's warnings
    inferred: bool = False  # its year (or its base's) taken from the letter's date


def _scan(para: str, base: dt.date | None, base_inferred: bool, window, year_ref: dt.date | None,
          span) -> list[_Found]:
    """Every deadline in one paragraph, by each reader in turn."""
    found = [_Found(a, b, d, inferred=base_inferred) for a, b, d in relative_deadlines(para, base)]
    for hit, sentence in absolute_deadlines(para, window):
        hit = month_misread_by_weekday(hit, year_ref)  # a weekday mended through the day far from the letter
        deadline = Deadline(date=hit.date, text=sentence)
        if (fixed := pre_era_year(hit, year_ref)) is not None:  # on its printed weekday: no mismatch left
            deadline.date, hit.problems = fixed, [p for p in hit.problems if p != "weekday_mismatch"]
        found.append(_Found(hit.start, hit.end, deadline, hit, inferred=fixed is not None))
    for hit in glyph_month_hits(para, year_ref, span):
        found.append(_Found(hit.start, hit.end, Deadline(date=hit.date, text=clause(para, hit.end)), hit,
                            inferred=bool({"year_spoilt", "year_missing"} & set(hit.problems))))
    dated = [h for h in find_dates(para) if h.date is not None]
    found += [_Found(a, b, d, hit, inferred=True) for a, b, d, hit in yearless_deadlines(para, year_ref, dated)]
    for hit in cut_month_hits(para, year_ref, dated):
        found.append(_Found(hit.start, hit.end, Deadline(date=hit.date, text=clause(para, hit.end)), hit,
                            inferred="year_missing" in hit.problems))
    return _by_weekday(para, found, year_ref)


def _by_weekday(para: str, found: list[_Found], ref: dt.date | None) -> list[_Found]:
    """``found`` with the weekday reader's deadlines (``weekdays``) added: a
    dated one replaces what the other readers left dateless on its span."""
    spans = [(f.start, f.end) for f in found if f.deadline.date is not None]
    for hit in weekday_hits(para, ref, spans):
        if hit.date is not None:
            found = [f for f in found if f.deadline.date is not None or not hit.start <= f.start < hit.end]
        found.append(_Found(hit.start, hit.end, Deadline(date=hit.date, text=clause(para, hit.end)), hit))
    return found


def _fits(f: _Found, ref: dt.date | None) -> bool:
    """A date read through a repaired digit must agree with its printed weekday
    (never mended again) and fall in the window around the letter's date."""
    if f.hit is not None and any(p.startswith("weekday_") for p in f.hit.problems):
        return False
    d = f.deadline.date
    return f.deadline.relative or ref is None or infer_year(d.day, d.month, ref) == d


def _glyph_digit_reads(para: str, found: list[_Found], scan, ref: dt.date | None) -> list[_Found]:
    """Deadlines that appear only once a number's look-alike letters are read as
    digits (``ไม่เกินวันที่ ฒ พ.ย. ๒๕๖๘``, ``ภายใน ฆ Tu นับแต่``), marked
    ``digit_repaired`` at confidence 0.5 so the caller warns. One that does not
    fit (``_fits``) is kept without a date: the caller reports it unreadable.
    ``scan`` reads a paragraph as ``_scan`` does."""
    fixed = digit_glyphs(para)
    if fixed is None:
        return []
    known = {(f.deadline.date, f.deadline.relative) for f in found}
    out = []
    for f in scan(fixed):
        glyphs = "".join(c for c in para[f.start:f.end] if c in lexicon.DIGIT_GLYPH_LOOKALIKES)
        if f.deadline.date is None or not glyphs or (f.deadline.date, f.deadline.relative) in known:
            continue
        if not _fits(f, ref):
            out.append(_Found(f.start, f.end, Deadline(date=None, text=clause(para, f.end))))
            continue
        digits = "".join(lexicon.DIGIT_GLYPH_LOOKALIKES[c] for c in glyphs)
        f.hit = DateHit(f.start, f.end, f.deadline.date, confidence=0.5, raw=collapse(para[f.start:f.end]),
                        problems=[f"digit_repaired:{glyphs}={digits}", *(f.hit.problems if f.hit else [])])
        out.append(f)
    return out


def find_deadlines(paragraphs: list[str], base: dt.date | None, window=None, *, year_ref: dt.date | None = None,
                   inferred: list[Deadline] | None = None, span=None,
                   pending: list[tuple[Deadline, DateHit]] | None = None) -> tuple[list[Deadline], list[DateHit]]:
    """Every deadline in the body paragraphs, in text order, and the date hits
    behind the absolute ones (for the caller's warnings: a month read from
    look-alike glyphs is ``month_repaired``, a digit ``digit_repaired``). A
    cued date whose year is unreadable or spoilt, and a relative one counted
    from a stamp whose year is spoilt, get their year from ``year_ref`` (the
    letter's date) and are also put in ``inferred`` so the caller can warn.
    ``span`` (first, last) narrows the months look-alike glyphs may stand for.
    A dateless deadline whose hit kept several readings goes in ``pending``
    with its hit, for the bundle's chain to settle (``deadlinechain``)."""
    deadlines: list[Deadline] = []
    hits: list[DateHit] = []
    inferred = inferred if inferred is not None else []
    base, base_inferred = _current_base(base, year_ref)

    def scan(para: str) -> list[_Found]:
        return _scan(para, base, base_inferred, window, year_ref, span)

    for para in paragraphs:
        found = scan(para)
        found += _glyph_digit_reads(para, found, scan, year_ref)
        found += _unread_cues(para, found, year_ref)
        hits += [f.hit for f in found if f.hit is not None]
        seen = set()
        for f in sorted(found, key=lambda f: f.start):
            d = f.deadline
            if (d.date, d.relative) in seen:
                continue
            seen.add((d.date, d.relative))
            deadlines.append(d)
            if f.inferred and d.date is not None:
                inferred.append(d)
            if d.date is None and f.hit is not None and f.hit.readings and pending is not None:
                pending.append((d, f.hit))
    return deadlines, hits


URGENT_WITHIN = 31  # days: an urgency stamp dates its letter's action days ahead


def urgent_date(text: str, letter_date: dt.date | None,
                received: dt.date | None = None) -> tuple[dt.date | None, list[DateHit], bool]:
    """The date of an urgency stamp (``ด่วนภายใน ...``) that find_dates could
    not read (``ด่วนภายใน ฒ ก.พ. ๒๕๖๗``, ``ด่วนภายใน ๓๑ A.A. เวลา``), read
    through the body's repairs but only on the letter's date or in the month
    after it: a stamp making a letter urgent sets a date days ahead, so of
    ก.ค./ส.ค./ต.ค. one month fits. Without the letter's date, a month either
    side of the date it was ``received``. (date, the hits behind it for the
    caller's warnings, whether its year was taken from the letter's or receipt
    date); no date unless exactly one reading fits."""
    ref = letter_date or received
    if ref is None:
        return None, [], False
    month = dt.timedelta(days=URGENT_WITHIN)
    span = (ref, ref + month) if letter_date else (ref - month, ref + month)
    inferred: list[Deadline] = []
    found, hits = find_deadlines([text], None, year_ref=ref, inferred=inferred, span=span)
    dated = {d.date for d in found if d.date and not d.relative and span[0] <= d.date <= span[1]}
    if len(dated) != 1:
        return None, [], False
    (date,) = dated
    return date, [h for h in hits if h.date == date], any(d.date == date for d in inferred)
