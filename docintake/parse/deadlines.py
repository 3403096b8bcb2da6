"""Deadlines in a letter's body: every absolute form of DOMAIN.md, and the
relative ``ภายใน ๗ วัน นับแต่วันที่ได้รับหนังสือนี้``.

A date is a deadline only when a deadline cue stands right before it
(``ภายใน``, ``ก่อน``, ``ไม่เกิน``, with or without ``วันที่``/``วัน<weekday>ที่``);
a reference's ``ลงวันที่`` date never is. Relative deadlines are resolved
against a base date the caller gives (the receipt stamp, else the letter's
own date) and marked ``relative``.
"""

from __future__ import annotations

import datetime as dt
import re

from docintake.models import Deadline
from docintake.parse.lines import collapse
from docintake.parse.thaidate import DateHit, check_weekday, find_dates
from docintake.text import lexicon
from docintake.text.fuzzy import key
from docintake.text.normalize import thai_to_arabic_digits

def _alternation(words) -> str:
    return "|".join(re.escape(key(w)) for w in sorted(words, key=len, reverse=True))


# Matched on the tone-free key of the 40 characters before a date.
# After the cue: วันที่ or วัน<weekday>ที่, the weekday maybe garbled to one
# letter (วันพที่), and OCR debris (วันที่. / วันที่า) before the day.
_CUE = re.compile(rf"({_alternation(lexicon.DEADLINE_CUES)})\s*(?:วัน[ก-๎]{{0,10}})?[\s.,:;'\"]*$")
_RELATIVE = re.compile(
    rf"ภายใน\s*(?P<n>[0-9]{{1,3}})\s*(?P<unit>{_alternation(lexicon.RELATIVE_UNITS)})\s*"
    rf"(?:{_alternation(lexicon.RELATIVE_FROM)})"
)
_UNIT_DAYS = {key(u): n for u, n in lexicon.RELATIVE_UNITS.items()}
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
        if is_deadline_cue(paragraph[: hit.start]):
            out.append((check_weekday(hit, window), _clause(paragraph, hit.end)))
    return out


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
                date = base + dt.timedelta(days=n * _UNIT_DAYS[m["unit"]])
        out.append((m.start(), Deadline(date=date, text=_clause(paragraph, m.end()), relative=True)))
    return out


def find_deadlines(paragraphs: list[str], base: dt.date | None, window=None
                   ) -> tuple[list[Deadline], list[DateHit]]:
    """Every deadline in the body paragraphs, in text order, and the date hits
    behind the absolute ones (for the caller's warnings)."""
    deadlines: list[Deadline] = []
    hits: list[DateHit] = []
    for para in paragraphs:
        found: list[tuple[int, Deadline]] = relative_deadlines(para, base)
        for hit, clause in absolute_deadlines(para, window):
            hits.append(hit)
            found.append((hit.start, Deadline(date=hit.date, text=clause)))
        seen = set()
        for _, d in sorted(found, key=lambda x: x[0]):
            if (d.date, d.relative) not in seen:
                seen.add((d.date, d.relative))
                deadlines.append(d)
    return deadlines, hits
