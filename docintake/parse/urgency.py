"""The urgency stamp of a letterhead: ด่วนที่สุด / ด่วนมาก / ด่วน as OCR prints
it (split, specked, its tail alone, in Latin look-alikes), and the
``ด่วนภายใน <date> <time>`` line with its deadline.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import TYPE_CHECKING

from docintake.models import Deadline
from docintake.parse.daterepair import check_weekday
from docintake.parse.deadlines import URGENT_WITHIN
from docintake.parse.lines import Line, collapse
from docintake.parse.months import month_number, months_by_shape
from docintake.parse.notes import Notes
from docintake.parse.misreads import weekday_warning
from docintake.parse.thaidate import DateHit, find_dates, find_time
from docintake.parse.thaiyear import ERA_FLOOR, normalise_year
from docintake.text import lexicon
from docintake.text.fuzzy import DEBRIS_TOKEN, key, match_urgency_token
from docintake.text.normalize import thai_to_arabic_digits

if TYPE_CHECKING:
    from docintake.parse.header import Header

_URGENT_BY = key(lexicon.URGENT_BY)
_URGENT_BY_LOOKALIKES = tuple(key(head + lexicon.URGENT_BY[len("ด่วน"):]) for head in lexicon.URGENT_HEAD_LOOKALIKES)


def _urgent_by(text: str) -> int | None:
    """Whether ``text`` starts with a ด่วนภายใน stamp: 0 as printed, 1 with
    its ด่วน misread (``ต่วนภายใน``, seed 37), None otherwise.

    >>> [_urgent_by(t) for t in ("ด่วนภายใน", "ต่วนภายใน ๑๖", "ภายใน", "ด่วนมาก")]
    [0, 1, None, None]
    """
    k = key(text)
    if k.startswith(_URGENT_BY):
        return 0
    return 1 if k.startswith(_URGENT_BY_LOOKALIKES) else None


_URGENCY_TAILS = {key("ที่สุด"): "ด่วนที่สุด", key("สุด"): "ด่วนที่สุด", key("มาก"): "ด่วนมาก"}
_DEBRIS_TOKEN = re.compile(rf"^(?:{DEBRIS_TOKEN}|\W)$")  # fuzzy's debris, or one mark


# The red ด่วนที่สุด stamp often overlaps the receipt stamp; OCR then keeps
# only its tail (สุด, สด with the upper vowel lost, a speck glued: กสุด) at
# the start of a stamp line, or reads that tail as Latin: S for ส and one
# glyph for ุด, then the full stop (SD., S2., Sh.: seeds 1, 3, 6, 7).
# No other urgency word ends in สุด, and no letterhead line starts with it.
_STAMP_TAILS = frozenset({key("สุด"), key("สด"), key("ที่สุด"), key("ทสด")})  # ทสด: its vowels lost too (seed 14)
_LATIN_TAIL = re.compile(r"S[A-Za-z0-9]\.")


def _stamp_tail(token: str) -> bool:
    """Whether ``token`` is what OCR left of a ด่วนที่สุด stamp.

    >>> [_stamp_tail(t) for t in ("สุด", "สด", "กสุด", "สุดท้าย", "ด่วน", "SD.", "S2.", "SD", "ST.A", "ทสด", "ที่สุด")]
    [True, True, True, False, False, True, True, False, False, True, True]
    """
    if _LATIN_TAIL.fullmatch(token):
        return True
    k = key(token.strip(".,:;|'\""))
    return k in _STAMP_TAILS or (len(k) == 4 and k.endswith(key("สุด")))


# Specks OCR glues to the front of a stamp's first word ("ด่วนภายใน, .ด่วน).
_LEADING_SPECKS = "\"'.,:;|“”‘’`-–"  # a hyphen too (``-ด่วนภายใน``, seed 57)


def _urgency_of(text: str) -> tuple[str, int] | None:
    tokens = text.split()
    while len(tokens) > 1 and _DEBRIS_TOKEN.match(tokens[0]):  # "ง ด่วนที่สุด": an emblem speck first
        tokens = tokens[1:]
    if tokens:
        tokens[0] = tokens[0].lstrip(_LEADING_SPECKS)
    if not tokens or not tokens[0]:
        return None
    if (urgent_by := _urgent_by(tokens[0])) is not None:
        return "ด่วน", urgent_by
    if _stamp_tail(tokens[0]):
        return "ด่วนที่สุด", 2
    first = match_urgency_token(tokens[0].strip(".,:;"))
    # "ด่วน สุด": the stamp's word split by OCR, ที่ lost between the halves;
    # a digit may be glued to the first half (ด่วน1 สุด), which alone (ด่วน1)
    # stays unread: the rest of the stamp may be lost.
    split = first or match_urgency_token(tokens[0].rstrip(".,:;0123456789๐๑๒๓๔๕๖๗๘๙"))
    if split is not None and split[0] == "ด่วน" and len(tokens) > 1:
        tail = _URGENCY_TAILS.get(key(tokens[1].strip(".,:;")))
        if tail is not None:
            return tail, split[1] + 1
    return first or _split_word(tokens)


_FRAGMENT = 2  # key letters: a piece of a word OCR cut off, not a word of its own


def _split_word(tokens: list[str]) -> tuple[str, int] | None:
    """A two-word urgency OCR cut after a damaged first half (``ด่วนที่ สุด``,
    ``ด่วนท สุด``: seed 13), or into three pieces (``ด่วนท สุ ด``: seed 17),
    read joined; only a whole two-part word, and a third piece only after a
    fragment of at most two letters, so a line that merely starts with
    ด่วน-something (``ด่วน ที่ มท ...``) stays unread.

    >>> _split_word(["ด่วนที่", "สุด", "วันที่"]), _split_word(["ด่วนท", "สุด"]), _split_word(["ด่วนที่", "ประชุม"])
    (('ด่วนที่สุด', 1), ('ด่วนที่สุด', 2), None)
    >>> _split_word(["ด่วนท", "สุ", "ด"]), _split_word(["ด่วน", "ที่", "มท"])
    (('ด่วนที่สุด', 3), None)
    """
    if len(tokens) < 2 or not key(tokens[0]).startswith(key("ด่วน")):
        return None
    joined = tokens[0]
    for n, token in enumerate(tokens[1:3], start=1):
        joined += token
        hit = match_urgency_token(joined.strip(".,:;"))
        if hit and hit[0] != "ด่วน":
            return hit[0], hit[1] + n
        if len(key(token)) > _FRAGMENT:
            return None
    return None


def read_urgency(lines: list[Line], zone: list[int], h: Header, notes: Notes) -> None:
    """The urgency stamp: a line that starts with an urgency word (OCR may have
    joined the receipt stamp's text onto the same line, so used lines count)."""
    for i in zone:
        hit = _urgency_of(lines[i].text)
        if hit is None:
            continue
        h.used.add(i)
        if hit[0] == "ด่วน" and any(k in key(lines[i].text) for k in (_URGENT_BY, *_URGENT_BY_LOOKALIKES)):
            _take_urgent_by(lines[i].text, h, notes, corrected=hit[1] > 0)
            continue
        if h.urgency is None or lexicon.URGENCY_WORDS.index(hit[0]) < lexicon.URGENCY_WORDS.index(h.urgency):
            h.urgency = hit[0]
            notes.conf("urgency", 1.0 if hit[1] == 0 else 0.8)
            if hit[1]:
                notes.warn("urgency_corrected", "urgency", f"{collapse(lines[i].text)!r} read as {hit[0]}")
    if h.urgency is not None and h.urgent_by is None:
        _cue_lost_urgent_by(lines, [i for i in zone if i not in h.used], h, notes)


# A ด่วนภายใน stamp whose red cue OCR lost but for a letter (``ก ๑๖ ก.ค. ๒๕๖๘ เวลา
# ๑๖.๐๐`` under ``ด่วนที่สุด``, seed 142): a date and its hour, alone on a line of
# the letterhead. No other field prints them so (a receipt stamp labels its date
# วันที่ and puts เวลา on a line of its own; the letter's date has no hour).
_CUE_LOST = re.compile(r"^\W{0,3}[ก-ฮ]?\W{0,2}\s*[0-9๐-๙]{1,2}\s")


def _cue_lost_urgent_by(lines: list[Line], zone: list[int], h: Header, notes: Notes) -> None:
    for i in zone:
        text = lines[i].text
        if not _CUE_LOST.match(text) or "เวลา" not in text or find_time(text) is None:
            continue
        dates = [d for d in find_dates(text) if d.date]
        if dates and dates[0].end < text.index("เวลา"):
            h.used.add(i)
            _take_urgent_by(text, h, notes, corrected=False)
            notes.warn("urgent_by_cue_lost", "deadlines", f"{collapse(text)!r}: a date and its hour under the "
                                                          f"urgency stamp, read as its {lexicon.URGENT_BY} deadline")
            return


def _take_urgent_by(text: str, h: Header, notes: Notes, *, corrected: bool) -> None:
    """A ด่วนภายใน stamp: urgency ด่วน and a deadline of source "urgency"."""
    dates = [check_weekday(d) for d in find_dates(text) if d.date]
    h.urgent_by = Deadline(date=dates[0].date if dates else None, text=collapse(text),
                           time=find_time(text), source="urgency")
    if dates:
        _weekday_notes(dates[0], notes)
    if corrected:
        notes.warn("urgency_corrected", "urgency", f"{collapse(text)!r} read as {lexicon.URGENT_BY}")
    h.urgency = h.urgency or "ด่วน"


def _weekday_notes(hit: DateHit, notes: Notes) -> None:
    """Warn of a ด่วนภายใน date whose printed weekday repaired or contradicts it
    (daterepair.check_weekday), as the body's deadlines are warned."""
    for p in hit.problems:
        warning = weekday_warning(p, hit, "deadlines")
        if warning is None:
            continue
        notes.warn(*warning)
        notes.conf("deadlines", hit.confidence)


# A ด่วนภายใน date OCR printed in look-alike glyphs: the day's digits as Latin
# letters (``ow`` for ๒๙), the month's letters as Latin ones or digits (๓๑
# A.A.), the month's last dot as a letter (``พ. AL`` for พ.ค.), the year lost
# or decades early. A full month name is read as find_dates would.
_URGENT_GLYPHS = re.compile(r"(?<![0-9A-Za-z.])(?P<day>[0-9A-Za-z]{1,2})\s+"
                            r"(?P<month>[^\s0-9]{1,2}\.\s?[^\s0-9]{1,2}(?:\.|[A-Za-z])|[ก-๎]{4,12})"
                            r"(?:\s*(?P<year>[0-9]{4}|[0-9]{2})(?![0-9]))?")
# A stamp that makes a letter urgent names a day soon after it: the same window
# the deadline reader uses for an urgency stamp whose digits were repaired.
URGENT_HORIZON_DAYS = URGENT_WITHIN
_LATIN_DIGITS = {c: thai_to_arabic_digits(ds) for c, ds in lexicon.DIGIT_LATIN_LOOKALIKES.items()}


def _stamp_days(token: str) -> list[int]:
    """The days a stamp's day token can be: each digit as printed, each Latin
    look-alike any digit of its shape (``ow``: 9, 19 or 29)."""
    days = [""]
    for ch in token:
        choices = ch if ch.isdigit() else _LATIN_DIGITS.get(ch, "")
        days = [d + c for d in days for c in choices]
    return sorted({int(d) for d in days if d and 1 <= int(d) <= 31})


def _stamp_months(token: str) -> set[int]:
    full = month_number(token) if "." not in token else None
    return {full[0]} if full else months_by_shape(token, one_unread=True)


def _stamp_years(m: re.Match[str], own: dt.date) -> tuple[list[int], bool]:
    """The years to try and whether the printed one was lost or spoilt (a
    year decades before the letter's: the stock model's ๖/๘ read as ๒/๕)."""
    year = normalise_year(m["year"]) if m["year"] else None
    if year is not None and not year < ERA_FLOOR <= own.year:
        return [year], False
    return [own.year, own.year + 1], True


def _urgent_dates(m: re.Match[str], own: dt.date) -> tuple[list[dt.date], bool]:
    """Dates the stamp ``m`` can be from the letter's own date ``own`` to the
    horizon (a ด่วนภายใน stamp sets a deadline after the letter it is stamped
    on, unlike a body deadline copied from upstream), and whether the year
    was taken from ``own``."""
    years, taken = _stamp_years(m, own)
    out = set()
    for y in years:
        for month in _stamp_months(m["month"]):
            for day in _stamp_days(m["day"]):
                if day <= calendar.monthrange(y, month)[1]:
                    d = dt.date(y, month, day)
                    out |= {d} if own <= d <= own + dt.timedelta(days=URGENT_HORIZON_DAYS) else set()
    return sorted(out), taken


def urgent_by_glyphs(h: Header, notes: Notes) -> None:
    """A ด่วนภายใน date in look-alike glyphs (``lexicon.MONTH_LOOKALIKES``,
    ``lexicon.DIGIT_LATIN_LOOKALIKES``) that fit several dates (A.A.: ก.ค.,
    ส.ค. or ต.ค.; ow: 9, 19 or 29) is read when exactly one of them puts it on
    or after the letter's own date within the horizon; each repair warned."""
    u, own = h.urgent_by, h.date_hit.date if h.date_hit else None
    if u is None or u.date is not None or own is None:
        return
    m = _URGENT_GLYPHS.search(thai_to_arabic_digits(u.text))
    fits, year_taken = _urgent_dates(m, own) if m else ([], False)
    if len(fits) != 1:
        return
    u.date = fits[0]
    why = f"the one reading on or after the letter's date {own.isoformat()} within {URGENT_HORIZON_DAYS} days"
    if not m["day"].isdigit():
        notes.warn("digit_repaired", "deadlines", f"{u.text[:60]!r}: day {m['day']!r} read as {u.date.day}, {why}")
    if month_number(m["month"]) is None or _has_latin(m["month"]):
        notes.warn("month_repaired", "deadlines", f"{u.text[:60]!r}: month {m['month']!r} read as "
                                                  f"{u.date.isoformat()}, {why}")
    if year_taken:
        notes.warn("year_inferred", "deadlines", f"{u.text[:60]!r}: year not readable, taken from the letter's "
                                                 f"date: {u.date.isoformat()}")
    notes.conf("deadlines", 0.5)


def _has_latin(token: str) -> bool:
    return any(ch.isascii() and ch.isalnum() for ch in token)
