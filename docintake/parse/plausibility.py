"""Checks of a letter's own fields: its date and deadlines against today,
the date it was received or forwarded, and each other (the checks across
the letters of a bundle are in ``copies``).

Each check adds a warning a clerk can act on. A value is changed only where
the text settles it (one digit of a year that puts a date in place, a year
that only one reading allows); otherwise an implausible value is warned
about, or withdrawn (None) against today's date.
"""

from __future__ import annotations

import calendar
import datetime as dt

from docintake.parse.crosscheck import number_line
from docintake.parse.datecontext import settle_own_date
from docintake.parse.daterepair import year_repairs
from docintake.parse.letter import Parsed
from docintake.parse.thaidate import find_day_month
from docintake.parse.thaiyear import ERA_CEILING, ERA_FLOOR

PAST_YEARS = 5  # a letter older than this (against today/context) is suspect
FUTURE_DAYS = 31  # a letter dated this far after today is suspect
DEADLINE_HORIZON_DAYS = 240  # deadlines further out than this are suspect


def plausible_window(today: dt.date | None, context: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The span of dates a letter in this bundle can plausibly carry."""
    anchor = today or context
    if anchor is None:
        return None
    return dt.date(anchor.year - PAST_YEARS, 1, 1), anchor + dt.timedelta(days=FUTURE_DAYS + 366 * (today is None))


_DOUBTFUL = {"year_implausible", "reference_after_letter", "date_after_forwarding"}


def warn(p: Parsed, code: str, field: str, message: str) -> None:
    """Add a warning; a value kept despite a doubt about it loses confidence."""
    p.notes.warn(code, field, message)
    if code in _DOUBTFUL:
        p.notes.conf(field.split("[")[0].split(".")[0], 0.5)


YEAR_OFF_DAYS = 300  # a letter this far from the date it was forwarded or received has a misread year


def in_era(d: dt.date) -> bool:
    return ERA_FLOOR <= d.year <= ERA_CEILING


def repair_own_year(p: Parsed, context: dt.date | None, listed: dt.date | None = None) -> None:
    """A letter dated a year or more away from the date it was received or
    forwarded (``๓ กรกฎาคม ๒๔๖๗`` stamped ๘ ก.ค. ๒๕๖๗) has a misread year
    digit: repaired when exactly one one-digit change of the BE year puts it
    in the weeks before that date (``year_repairs``), else left to be warned.
    That date may be the misread one, so a date of this era is repaired only
    when a second print of it (``listed``, its forwarding letter's entry)
    agrees with the repair; one outside the era only against a date in it."""
    own = p.letter.date
    if own is None or context is None or abs((own - context).days) < YEAR_OFF_DAYS or not in_era(context):
        return
    fits = [d for d in year_repairs(own, context, 1) if d <= context + dt.timedelta(days=1)]
    if len(fits) != 1 or (in_era(own) and fits[0] != listed):
        return
    warn(p, "year_repaired", "date", f"letter date read as {own.isoformat()}, a year or more from "
                                      f"{context.isoformat()} (the date it was received or forwarded): "
                                      f"year read as {fits[0].year}")
    p.letter.date = fits[0]
    p.notes.conf("date", 0.6)


YEAR_INFERRED_BEFORE = 60  # days a letter may precede its receipt, forwarding or urgent deadline


def _date_line_day_month(head: str) -> tuple[int, int] | None:
    """Day and month of the letterhead's date line (below its number) whose year is unreadable."""
    lines = head.split("\n")
    at = lines.index(number_line(head)) + 1 if number_line(head) in lines else 0
    for ln in reversed(lines[at:]):
        if (dm := find_day_month(ln)) is not None:
            return dm
    return None


def _infer_own_year(p: Parsed, context: dt.date | None) -> None:
    """A letter date whose year OCR lost (``๒๙ พฤศจิกายน ๒๕๒``) takes the one
    year that puts it in the weeks before the date it was received or
    forwarded, else before its own ด่วนภายใน deadline; warned."""
    if p.letter.date is not None:
        return
    urgent = [d.date for d in p.letter.deadlines if d.source == "urgency" and d.date]
    ref, what = (context, "the date it was received or forwarded") if context else (
        (urgent[0], "its ด่วนภายใน deadline") if urgent else (None, ""))
    dm = _date_line_day_month(p.head_text) if ref is not None else None
    if ref is None or dm is None:
        return
    fits = []
    for year in (ref.year - 1, ref.year):
        if dm[0] <= calendar.monthrange(year, dm[1])[1]:
            d = dt.date(year, dm[1], dm[0])
            fits += [d] if ref - dt.timedelta(days=YEAR_INFERRED_BEFORE) <= d <= ref + dt.timedelta(days=1) else []
    if len(fits) == 1:
        p.letter.date = fits[0]
        warn(p, "year_inferred", "date", f"year not readable; {fits[0].isoformat()} is the one reading "
                                          f"in the {YEAR_INFERRED_BEFORE} days before {what} ({ref.isoformat()})")
        p.notes.confidence["date"] = 0.5


def _settle_own_date(p: Parsed, context: dt.date | None) -> None:
    """A letter date left unread (a damaged month with several readings, a
    year lost or before the era) taken when one reading falls in the weeks
    before a date the letter cannot postdate (``datecontext``); warned."""
    own = p.letter.date
    if own is not None and in_era(own):
        return
    anchors = [(context, "the date it was received or forwarded", 1)] if context and in_era(context) else []
    dated = [d for d in p.letter.deadlines if d.date and not d.relative and in_era(d.date)]
    anchors += [(d.date, "its ด่วนภายใน deadline", 1) for d in dated if d.source == "urgency"][:1]
    if p.letter.kind == "memo" and (body := sorted(d.date for d in dated if d.source == "body")):
        anchors.append((body[0], "the deadline the memo sets", 0))
    listed = [e.date for e in (*p.letter.enclosures, *p.letter.references) if e.date and in_era(e.date)]
    got = settle_own_date(p.head_text, number_line(p.head_text), p.letter.kind == "memo", anchors,
                          max(listed, default=None))
    if got is None:
        return
    p.letter.date, why = got
    warn(p, "date_inferred", "date", why + (f"; the year printed reads {own.isoformat()}" if own else ""))
    p.notes.confidence["date"] = 0.5


def check_letter(p: Parsed, context: dt.date | None, today: dt.date | None) -> None:
    """Own-field checks; ``context`` is the date of the letter that forwards
    this one (or the receipt date) for letters whose own date is unreadable."""
    repair_own_year(p, context)
    _infer_own_year(p, context)
    _settle_own_date(p, context)
    if today is not None:
        _against_today(p, today)
    elif p.letter.date is not None and p.letter.date.year < ERA_FLOOR:
        # As against today's date: a year known wrong (๒๕๖๘ read as ๒๕๐๕ is 1962) is
        # withdrawn, or it would date the letter's deadlines and its identity wrongly.
        warn(p, "year_implausible", "date", f"letter date {p.letter.date.isoformat()}: year before {ERA_FLOOR}, "
                                              "probably misread digits: withdrawn")
        p.letter.date = None
        p.notes.confidence["date"] = 0.0
    _against_own_date(p, context, today)


def _against_today(p: Parsed, today: dt.date) -> None:
    """With today's date known, a year far outside it is a misreading: the
    value is withdrawn (it would send a directive to the wrong year)."""
    letter = p.letter
    past = dt.date(today.year - PAST_YEARS, 1, 1)
    if letter.date is not None and not past <= letter.date <= today + dt.timedelta(days=FUTURE_DAYS):
        warn(p, "year_implausible", "date", f"letter date read as {letter.date.isoformat()}, outside "
                                              f"{past.isoformat()}..{today.isoformat()}: withdrawn")
        letter.date = None
        p.notes.confidence["date"] = 0.0
    keep = []
    for d in letter.deadlines:
        if d.date is not None and not past <= d.date <= today + dt.timedelta(days=2 * 366):
            warn(p, "year_implausible", "deadlines", f"deadline read as {d.date.isoformat()}: implausible "
                                                       f"against {today.isoformat()}, withdrawn ({d.text[:60]!r})")
            continue
        keep.append(d)
    letter.deadlines = keep
    for k, r in enumerate(letter.references, start=1):
        if r.date is not None and not dt.date(past.year - 15, 1, 1) <= r.date <= today:
            warn(p, "year_implausible", f"references[{k}].date", f"reference date read as {r.date.isoformat()}: "
                                                                   "implausible, withdrawn")
            r.date = None


def _repair_deadline_years(p: Parsed, ref_date: dt.date) -> None:
    """A deadline more than a year after the letter (``๒๐ ธันวาคม ๒๖๖๖`` in a
    letter of 2566), or more than a year before it (``๒๕๒๕`` in a letter of
    2568: overdue on arrival is days, never years), has a misread year digit:
    repaired when exactly one one-digit change lands it within the deadline
    horizon, else withdrawn."""
    keep = []
    for k, d in enumerate(p.letter.deadlines):
        year = dt.timedelta(days=366)
        if d.date is None or ref_date - year <= d.date <= ref_date + year:
            keep.append(d)
            continue
        fits = year_repairs(d.date, ref_date, DEADLINE_HORIZON_DAYS)
        if len(fits) == 1:
            warn(p, "year_repaired", f"deadlines[{k}]", f"deadline read as {d.date.isoformat()}, over a year "
                                                         f"from {ref_date.isoformat()}: year read as {fits[0].year}")
            p.notes.conf("deadlines", 0.6)
            keep.append(d.model_copy(update={"date": fits[0]}))
        else:
            warn(p, "year_implausible", f"deadlines[{k}]", f"deadline read as {d.date.isoformat()}, over a year "
                                                            f"from {ref_date.isoformat()}: withdrawn ({d.text[:60]!r})")
    p.letter.deadlines = keep


def _against_own_date(p: Parsed, context: dt.date | None, today: dt.date | None) -> None:
    letter = p.letter
    own = letter.date
    # A date of another era (๒๔๖๗ read for ๒๕๖๗) is itself misread: measuring
    # deadlines against it would "repair" a right one into its era.
    ref_date = next((d for d in (own, context) if d is not None and in_era(d)), None)
    if own is not None and context is not None and today is None:
        if own > context + dt.timedelta(days=1):
            warn(p, "date_after_forwarding", "date", f"letter date {own.isoformat()} is after the date of "
                                                       f"the letter or stamp that forwards it ({context.isoformat()})")
        elif own < context - dt.timedelta(days=366 * PAST_YEARS):
            warn(p, "year_implausible", "date", f"letter date {own.isoformat()} is years before "
                                                  f"{context.isoformat()}, the date it was forwarded")
    if ref_date is not None and today is None:
        _repair_deadline_years(p, ref_date)
    for k, d in enumerate(letter.deadlines):
        if d.date is None:
            continue
        if own is not None and d.date < own:
            warn(p, "deadline_before_letter", f"deadlines[{k}]",
                  f"deadline {d.date.isoformat()} is before the letter's own date {own.isoformat()}: "
                  "already overdue on arrival")
        if ref_date is not None and d.date > ref_date + dt.timedelta(days=DEADLINE_HORIZON_DAYS):
            warn(p, "year_implausible", f"deadlines[{k}]",
                  f"deadline {d.date.isoformat()} is more than {DEADLINE_HORIZON_DAYS} days after "
                  f"{ref_date.isoformat()}: check the year")
    for k, r in enumerate(letter.references):
        if r.date is not None and ref_date is not None and r.date > ref_date:
            warn(p, "reference_after_letter", f"references[{k + 1}].date",
                  f"reference dated {r.date.isoformat()}, after the letter ({ref_date.isoformat()})")
