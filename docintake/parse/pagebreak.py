"""Lines a page break leaves inside a body sentence: the page's foot. Pure.

A slogan printed as a page's last line, in quotes (``quoted_footers``), is
never part of the sentence running on over the page (seed 74:
``ให้แล้วเสร็จภายในวันจันทร์ที่`` / the slogan / ``- ๒ -`` / ``๒๕ พฤศจิกายน ๒๕๖๗``).

A body sentence that runs on over the page puts the page's foot between a
deadline and its date: ``ให้แล้วเสร็จภายในวันจันทร์ที่`` / (the page's last
lines: a stamp's remains, the office's slogan, its quotes lost to OCR) /
``- ๒ -`` / ``๒๕ พฤศจิกายน ๒๕๖๗`` (seed 74), or ``ภายในวันที่ ๑๘`` / ... /
``กุมภาพันธ์ ๒๕๖๘`` (seed 76). The lines left on the page after the cue,
however long, are its foot when the next page's text opens with what the
cue still waits for (a date, or the month after a day), so they are
dropped.
"""

from __future__ import annotations

import re

from docintake.parse.deadline_cues import is_deadline_cue
from docintake.parse.lines import Line, is_page_number
from docintake.parse.months import month_number
from docintake.parse.thaidate import find_dates

# A line wholly in quotes: the office's slogan (``“ท้องถิ่นเข้มแข็ง ประชาชนมีส่วนร่วม”``).
_QUOTED = re.compile(r"^[“\"].*[”\"]$")
FOOT_LINES = 3  # filled lines a page's foot may hold (a stamp's remains, the slogan)
_DAY_AT_END = re.compile(r"\s*[0-9๐-๙]{1,2}\s*$")


def _opens_with_date(text: str) -> bool:
    return bool((hits := find_dates(text)) and hits[0].start == 0)


def _opens_with_month(text: str) -> bool:
    first = text.split()[0] if text.split() else ""
    return month_number(first) is not None


def _awaits(text: str):
    """What a line ending in a deadline cue waits for on the next page, or None.

    >>> _awaits("ให้แล้วเสร็จภายในวันจันทร์ที่") is _opens_with_date, _awaits("ภายในวันที่ ๑๘") is _opens_with_month
    (True, True)
    >>> _awaits("รายงานผลการดำเนินงาน") is None
    True
    """
    if is_deadline_cue(text):
        return _opens_with_date
    day = _DAY_AT_END.search(text)
    if day and day.start() > 0 and is_deadline_cue(text[: day.start()]):
        return _opens_with_month
    return None


def page_foot_between(lines: list[Line]) -> set[int]:
    """Indices of page-foot lines cutting a deadline from its date on the next page."""
    filled = [k for k, ln in enumerate(lines) if ln.text.strip() and not is_page_number(ln.text.strip())]
    dropped: set[int] = set()
    for a, b in zip(filled, filled[1:]):
        if lines[b].page <= lines[a].page:
            continue
        foot = [k for k in filled if k <= a and lines[k].page == lines[a].page][-FOOT_LINES - 1 :]
        for n, k in enumerate(foot[:-1]):
            awaited = _awaits(lines[k].text.strip())
            rest = foot[n + 1 :]
            if awaited and awaited(lines[b].text.strip()) and not any(find_dates(lines[j].text) for j in rest):
                dropped.update(rest)
                break
    return dropped


def quoted_footers(lines: list[Line]) -> set[int]:
    """Indices of slogans in quotes printed as a page's last line, the body running on after them."""
    filled = [k for k, ln in enumerate(lines) if ln.text.strip()]
    return {k for k, nxt in zip(filled, filled[1:])
            if lines[nxt].page > lines[k].page and _QUOTED.match(lines[k].text.strip())}


def page_feet(lines: list[Line]) -> set[int]:
    """Indices of the lines a page break leaves inside the body: quoted slogans at a
    page's foot, and the foot between a deadline and its date on the next page."""
    return quoted_footers(lines) | page_foot_between(lines)
