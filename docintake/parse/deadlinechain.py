"""A deadline OCR left with several readings, settled by the bundle's chain.

The month of a deadline reads worst: lost (``ก่อนวันที ๙ HUNAN ๒๕๖๗``,
``ภายในวันที่ ๑๘ IE. ๒๕๖๘``) or printed as glyphs several months share
(``๑๑ A.A.``: ก.ค., ส.ค. or ต.ค.). The readers keep what it can be
(``DateHit.readings``); the chain of the bundle narrows them:

- a level sets its recipients a deadline on or before the deadline of the
  letter it forwards (the enclosed copy after it in the bundle): they report
  to it, then it reports up (195 of 199 pairs in the synthetic truth; DOMAIN.md);
- a deadline falls after the letter's own date, or at most ``LATE_DAYS``
  before it (a letter may be dated days after the deadline it relays);
- for the same reason a copy's deadline falls after, or at most
  ``LATE_DAYS`` before, the deadline of the letter forwarding it (the letter
  before it in the bundle; 199 of 199 body deadlines in the synthetic truth).

A reading is taken when exactly one lies between those bounds (without an
enclosed copy's deadline, up to ``infer_year``'s 240 days); with the copy's
deadline as a bound and several left, the one on or after the letter's own
date when exactly one is (a level given time gives its recipients time).
Otherwise the deadline stays dateless, its readings named. Pure.
"""

from __future__ import annotations

import datetime as dt

from docintake.parse.copies import encloses
from docintake.parse.glyphs import YEAR_INFERRED_AFTER
from docintake.parse.letter import Parsed, Pending, unread_message
from docintake.parse.plausibility import warn

LATE_DAYS = 7  # a letter may be dated this many days after a deadline it sets (truth: up to 6)
SETTLED_CONFIDENCE = 0.5
SHOWN_READINGS = 4  # readings named in an ambiguity warning


def chain_fits(readings: list[dt.date], own: dt.date, ceiling: dt.date | None,
               floor: dt.date | None = None) -> list[dt.date]:
    """The readings a deadline of a letter dated ``own`` can be, under the
    deadline ``ceiling`` of the letter it forwards (None: no copy's deadline)
    and not more than ``LATE_DAYS`` before ``floor``, the deadline of the
    letter forwarding it (None: none).

    >>> r = [dt.date(2025, 7, 11), dt.date(2025, 8, 11), dt.date(2025, 10, 11)]
    >>> chain_fits(r, dt.date(2025, 8, 7), dt.date(2025, 8, 11))
    [datetime.date(2025, 8, 11)]
    >>> chain_fits(r, dt.date(2025, 8, 7), None)
    [datetime.date(2025, 8, 11), datetime.date(2025, 10, 11)]
    >>> chain_fits(r, dt.date(2025, 8, 7), None, dt.date(2025, 10, 3))
    [datetime.date(2025, 10, 11)]
    """
    low = max(own, floor or own) - dt.timedelta(days=LATE_DAYS)
    high = ceiling if ceiling is not None else own + dt.timedelta(days=YEAR_INFERRED_AFTER)
    fits = sorted(d for d in set(readings) if low <= d <= high)
    timely = [d for d in fits if d >= own]
    if len(fits) > 1 and ceiling is not None and len(timely) == 1:
        return timely
    return fits


def copy_ceiling(parsed: list[Parsed], k: int) -> dt.date | None:
    """The latest dated, absolute deadline of the copy letter ``k`` encloses
    (the letter after it in the bundle, when listed among its enclosures)."""
    if k + 1 >= len(parsed) or not encloses(parsed[k], parsed[k + 1]):
        return None
    dates = [d.date for d in parsed[k + 1].letter.deadlines if d.date is not None and not d.relative]
    return max(dates, default=None)


def forwarder_floor(parsed: list[Parsed], k: int) -> dt.date | None:
    """The latest dated, absolute body deadline of the letter forwarding
    letter ``k`` (the one before it in the bundle, when it lists ``k`` among
    its enclosures): a ด่วนภายใน stamp's is no floor, as it falls days after
    its own letter's date, before the copy's deadline as often as not."""
    if k == 0 or not encloses(parsed[k - 1], parsed[k]):
        return None
    dates = [d.date for d in parsed[k - 1].letter.deadlines
             if d.date is not None and not d.relative and d.source == "body"]
    return max(dates, default=None)


def settle_deadlines(parsed: list[Parsed]) -> None:
    """Each letter's pending deadlines settled (``chain_fits``), from the
    bundle's last letter up, so a copy's settled deadline bounds its
    forwarding letter's; warned, at ``SETTLED_CONFIDENCE``."""
    for k in reversed(range(len(parsed))):
        p = parsed[k]
        if not p.pending or p.letter.date is None:
            continue
        ceiling, floor = copy_ceiling(parsed, k), forwarder_floor(parsed, k)
        added = 0
        for item in sorted(p.pending, key=lambda i: i.slot):
            fits = chain_fits(item.hit.readings, p.letter.date, ceiling, floor)
            if len(fits) == 1:
                _settle(p, item, fits[0], (ceiling, floor), item.slot + added)
                added += 1
            elif fits:
                item.deadline.readings = fits  # named for the registry, which chooses for a task
                shown = ", ".join(d.isoformat() for d in fits[:SHOWN_READINGS]) + (
                    ", …" if len(fits) > SHOWN_READINGS else "")
                where = _bounds(p.letter.date, ceiling, floor)
                warn(p, "deadline_ambiguous", "deadlines",
                     f"{item.hit.raw!r}: month not readable; it can be {shown}{where}: left unread")


def _bounds(own: dt.date, ceiling: dt.date | None, floor: dt.date | None) -> str:
    start = (f" from {LATE_DAYS} days before the deadline of the letter forwarding it ({floor.isoformat()})"
             if floor is not None and floor > own else
             f" from {LATE_DAYS} days before the letter's date ({own.isoformat()})")
    return start + (f" to the deadline of the letter it forwards ({ceiling.isoformat()})" if ceiling else
                    f" to {YEAR_INFERRED_AFTER} days after the letter's date")


def _settle(p: Parsed, item: Pending, date: dt.date, bounds: tuple[dt.date | None, dt.date | None], at: int) -> None:
    """Date the pending deadline, put it in text order, swap its unreadable warning for the reason."""
    gone = unread_message(item.deadline)
    p.notes.warnings = [w for w in p.notes.warnings
                        if not (w.code == "unreadable" and w.field == "deadlines" and w.message == gone)]
    item.deadline.date = date
    p.letter.unread_deadlines = [d for d in p.letter.unread_deadlines if d is not item.deadline]
    p.letter.deadlines.insert(min(at, len(p.letter.deadlines)), item.deadline)
    code = "deadline_settled_by_chain" if any(b is not None for b in bounds) else "deadline_settled_by_date"
    warn(p, code, "deadlines", f"{item.hit.raw!r}: month not readable; read as {date.isoformat()}, its one "
                               f"reading{_bounds(p.letter.date, *bounds)}")
    if not any(w.code == "unreadable" and w.field == "deadlines" for w in p.notes.warnings):
        p.notes.confidence["deadlines"] = SETTLED_CONFIDENCE
    else:
        p.notes.conf("deadlines", SETTLED_CONFIDENCE)
