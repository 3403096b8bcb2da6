"""Dates one misread digit away from a date as read: the printed weekday's
check and repair, and a year's one-digit repairs.

A printed weekday is a free check digit: a date it contradicts is flagged,
and repaired only when exactly one nearby reading (one day digit or the
year off by one) agrees with it, or when one of several is the reading
through a digit this OCR confuses (``misreads``). Pure.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING

from docintake.parse.misreads import weekday_misread
from docintake.parse.thaiyear import be_to_ce, ce_to_be

if TYPE_CHECKING:  # thaidate imports this module: the type only, to avoid a cycle
    from docintake.parse.thaidate import DateHit

__all__ = ["REPAIR_DAYS_BEFORE", "check_weekday", "year_repairs"]


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
