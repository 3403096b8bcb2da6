"""Checks across a letter's own fields and across the letters of a bundle.

Each check adds a warning a clerk can act on; none invents a value. Where
two readings of the same fact disagree (a copy's own number and the number
its forwarding letter lists for it), the value is withdrawn (None) and both
readings are named in the warning, because the text cannot say which is right.
"""

from __future__ import annotations

import datetime as dt

from docintake.models import Enclosure, Letter
from docintake.parse.crosscheck import (FILLED_CONFIDENCE, copy_number, lists_copy, merge_readings, number_line,
                                        shows_date, shows_number, skeleton)
from docintake.parse.docno import read_doc_no
from docintake.parse.entries import repair_entries
from docintake.parse.letter import Parsed
from docintake.parse.thaidate import year_repairs

PAST_YEARS = 5  # a letter older than this (against today/context) is suspect
FUTURE_DAYS = 31  # a letter dated this far after today is suspect
DEADLINE_HORIZON_DAYS = 240  # deadlines further out than this are suspect
ERA_FLOOR = 1990  # without today's date: a letter older than this is a misread year


def plausible_window(today: dt.date | None, context: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The span of dates a letter in this bundle can plausibly carry."""
    anchor = today or context
    if anchor is None:
        return None
    return dt.date(anchor.year - PAST_YEARS, 1, 1), anchor + dt.timedelta(days=FUTURE_DAYS + 366 * (today is None))


_DOUBTFUL = {"year_implausible", "reference_after_letter", "date_after_forwarding"}


def _warn(p: Parsed, code: str, field: str, message: str) -> None:
    """Add a warning; a value kept despite a doubt about it loses confidence."""
    p.notes.warn(code, field, message)
    if code in _DOUBTFUL:
        p.notes.conf(field.split("[")[0].split(".")[0], 0.5)


def check_letter(p: Parsed, context: dt.date | None, today: dt.date | None) -> None:
    """Own-field checks; ``context`` is the date of the letter that forwards
    this one (or the receipt date) for letters whose own date is unreadable."""
    if today is not None:
        _against_today(p, today)
    elif p.letter.date is not None and p.letter.date.year < ERA_FLOOR:
        _warn(p, "year_implausible", "date", f"letter date {p.letter.date.isoformat()}: year before {ERA_FLOOR}, "
                                              "probably misread digits")
    _against_own_date(p, context, today)


def _against_today(p: Parsed, today: dt.date) -> None:
    """With today's date known, a year far outside it is a misreading: the
    value is withdrawn (it would send a directive to the wrong year)."""
    letter = p.letter
    past = dt.date(today.year - PAST_YEARS, 1, 1)
    if letter.date is not None and not past <= letter.date <= today + dt.timedelta(days=FUTURE_DAYS):
        _warn(p, "year_implausible", "date", f"letter date read as {letter.date.isoformat()}, outside "
                                              f"{past.isoformat()}..{today.isoformat()}: withdrawn")
        letter.date = None
        p.notes.confidence["date"] = 0.0
    keep = []
    for d in letter.deadlines:
        if d.date is not None and not past <= d.date <= today + dt.timedelta(days=2 * 366):
            _warn(p, "year_implausible", "deadlines", f"deadline read as {d.date.isoformat()}: implausible "
                                                       f"against {today.isoformat()}, withdrawn ({d.text[:60]!r})")
            continue
        keep.append(d)
    letter.deadlines = keep
    for k, r in enumerate(letter.references, start=1):
        if r.date is not None and not dt.date(past.year - 15, 1, 1) <= r.date <= today:
            _warn(p, "year_implausible", f"references[{k}].date", f"reference date read as {r.date.isoformat()}: "
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
            _warn(p, "year_repaired", f"deadlines[{k}]", f"deadline read as {d.date.isoformat()}, over a year "
                                                         f"from {ref_date.isoformat()}: year read as {fits[0].year}")
            p.notes.conf("deadlines", 0.6)
            keep.append(d.model_copy(update={"date": fits[0]}))
        else:
            _warn(p, "year_implausible", f"deadlines[{k}]", f"deadline read as {d.date.isoformat()}, over a year "
                                                            f"from {ref_date.isoformat()}: withdrawn ({d.text[:60]!r})")
    p.letter.deadlines = keep


def _against_own_date(p: Parsed, context: dt.date | None, today: dt.date | None) -> None:
    letter = p.letter
    own = letter.date
    ref_date = own or context
    if own is not None and context is not None and today is None:
        if own > context + dt.timedelta(days=1):
            _warn(p, "date_after_forwarding", "date", f"letter date {own.isoformat()} is after the date of "
                                                       f"the letter or stamp that forwards it ({context.isoformat()})")
        elif own < context - dt.timedelta(days=366 * PAST_YEARS):
            _warn(p, "year_implausible", "date", f"letter date {own.isoformat()} is years before "
                                                  f"{context.isoformat()}, the date it was forwarded")
    if ref_date is not None and today is None:
        _repair_deadline_years(p, ref_date)
    for k, d in enumerate(letter.deadlines):
        if d.date is None:
            continue
        if own is not None and d.date < own:
            _warn(p, "deadline_before_letter", f"deadlines[{k}]",
                  f"deadline {d.date.isoformat()} is before the letter's own date {own.isoformat()}: "
                  "already overdue on arrival")
        if ref_date is not None and d.date > ref_date + dt.timedelta(days=DEADLINE_HORIZON_DAYS):
            _warn(p, "year_implausible", f"deadlines[{k}]",
                  f"deadline {d.date.isoformat()} is more than {DEADLINE_HORIZON_DAYS} days after "
                  f"{ref_date.isoformat()}: check the year")
    for k, r in enumerate(letter.references):
        if r.date is not None and ref_date is not None and r.date > ref_date:
            _warn(p, "reference_after_letter", f"references[{k + 1}].date",
                  f"reference dated {r.date.isoformat()}, after the letter ({ref_date.isoformat()})")


def _code_of(doc_no: str | None, text: str) -> tuple[str, str] | None:
    hit = read_doc_no(doc_no or text)
    return (hit.prefix, hit.code) if hit else None


def _copy_entry(forwarder: Letter, p: Parsed) -> Enclosure | None:
    """The forwarding letter's enclosure that is a copy of ``p``'s letter."""
    mine = (p.doc.prefix, p.doc.code) if p.doc else None
    for enc in forwarder.enclosures:
        if enc.doc_no is None and enc.date is None:
            continue
        theirs = _code_of(enc.doc_no, enc.text)
        if mine is not None and theirs == mine:
            return enc
        issuer = p.letter.issuer or ""
        if enc.issuer and issuer and (enc.issuer in issuer or issuer.endswith(enc.issuer)):
            return enc
    return _copy_entry_loose(forwarder, p)


def _copy_entry_loose(forwarder: Letter, p: Parsed) -> Enclosure | None:
    """When OCR spoilt the copy's number or office: the entry whose number the
    copy's letterhead shows, or whose issuer matches without marks and debris."""
    line = number_line(p.head_text)
    for enc in forwarder.enclosures:
        if enc.doc_no and line and shows_number(line, enc.doc_no):
            return enc
    number = copy_number(p.letter.doc_no, p.head_text)
    for enc in forwarder.enclosures:
        if number and lists_copy(enc.text, enc.date, number, p.letter.date):
            return enc
    mine = skeleton(p.letter.issuer or "")
    for enc in forwarder.enclosures:
        theirs = skeleton(enc.issuer or "")
        if len(mine) >= 8 and len(theirs) >= 8 and (mine in theirs or theirs in mine):
            return enc
    return None


def _fill_from_enclosure(p: Parsed, enc: Enclosure) -> None:
    """An unread number/date of a copy, from the forwarding letter's listing
    when the copy's letterhead still shows it (``crosscheck``)."""
    letter = p.letter
    if letter.doc_no is None and enc.doc_no and shows_number(number_line(p.head_text), enc.doc_no):
        letter.doc_no = enc.doc_no
        _warn(p, "doc_no_from_enclosure", "doc_no", f"read as {enc.doc_no} from the forwarding letter's "
                                                    f"enclosure line, which this letterhead agrees with")
        p.notes.confidence["doc_no"] = FILLED_CONFIDENCE
    if letter.date is None and enc.date and shows_date(p.head_text, enc.date):
        letter.date = enc.date
        _warn(p, "date_from_enclosure", "date", f"read as {enc.date.isoformat()} from the forwarding "
                                                f"letter's enclosure line, which this letterhead agrees with")
        p.notes.confidence["date"] = FILLED_CONFIDENCE


def _merge_damaged(forwarder: Parsed, enc: Enclosure, p: Parsed) -> None:
    """Both prints of the copy's number damaged: merged when they agree
    (``crosscheck.merge_readings``); both letters warned."""
    doc = p.doc
    if p.letter.doc_no or enc.doc_no or doc is None or "code_implausible" not in doc.problems:
        return
    merged = merge_readings(doc.prefix, doc.code, bool(doc.circular), doc.running, enc.text)
    if merged is None:
        return
    p.letter.doc_no = enc.doc_no = merged
    k = forwarder.letter.enclosures.index(enc) + 1
    _warn(p, "doc_no_merged", "doc_no", f"this copy reads {doc.raw!r}, the forwarding letter's line "
                                        f"{enc.text[:80]!r}: read together as {merged}")
    _warn(forwarder, "doc_no_merged", f"enclosures[{k}].doc_no", f"read together with the copy's {doc.raw!r} "
                                                                 f"as {merged}")
    p.notes.confidence["doc_no"] = 0.6


def _fill_enclosure(forwarder: Parsed, enc: Enclosure, p: Parsed) -> None:
    """The forwarding letter's unread enclosure number/date from the copy's
    own reading, when the enclosure line still shows it."""
    letter = p.letter
    k = forwarder.letter.enclosures.index(enc) + 1
    number = copy_number(letter.doc_no, p.head_text)
    if enc.doc_no is None and number and lists_copy(enc.text, enc.date, number, letter.date):
        enc.doc_no = number
        _warn(forwarder, "doc_no_from_copy", f"enclosures[{k}].doc_no",
              f"read as {number} from the enclosed copy's letterhead, which this entry agrees with")
    if enc.date is None and letter.date and shows_date(enc.text, letter.date):
        enc.date = letter.date
        _warn(forwarder, "date_from_copy", f"enclosures[{k}].date",
              f"read as {letter.date.isoformat()} from the enclosed copy's letterhead")


def _copy_misdated(forwarder: Parsed, letter: Letter, enc: Enclosure) -> bool:
    """A copy cannot be dated after the letter that forwards it: when its
    date is, and the forwarding letter's entry has the same day and month in
    a year that fits, the copy's year is the misread one (๒๖๖๗ for ๒๕๖๗)."""
    sent = forwarder.letter.date
    return (sent is not None and letter.date is not None and enc.date is not None
            and letter.date > sent >= enc.date
            and (letter.date.month, letter.date.day) == (enc.date.month, enc.date.day))


def check_bundle(parsed: list[Parsed]) -> None:
    """A copy's own number/date against what its forwarding letter lists;
    then each letter's entries read again against the numbers now known."""
    pairs = _check_copies(parsed)
    for k, p in enumerate(parsed):
        # A number filled above is context for the letter's entries; a copy's
        # own code is context for the entry that lists it.
        codes = {_code_of(copy_number(parsed[k + 1].letter.doc_no, parsed[k + 1].head_text), "")} \
            if k in pairs else set()
        repair_entries(p.letter, p.notes, {c for c in codes if c is not None})
    for k, enc in pairs.items():
        _number_conflict(parsed[k + 1], enc)  # an entry read just now may disagree with its copy


def _check_copies(parsed: list[Parsed]) -> dict[int, Enclosure]:
    """Copies checked against their listings; returns each forwarding
    letter's index with the entry that lists its enclosed copy."""
    pairs: dict[int, Enclosure] = {}
    for k in range(1, len(parsed)):
        p = parsed[k]
        enc = _copy_entry(parsed[k - 1].letter, p)
        if enc is None:
            continue
        pairs[k - 1] = enc
        letter = p.letter
        _merge_damaged(parsed[k - 1], enc, p)
        _fill_enclosure(parsed[k - 1], enc, p)
        _fill_from_enclosure(p, enc)
        _number_conflict(p, enc)
        if letter.date and enc.date and letter.date != enc.date and _copy_misdated(parsed[k - 1], letter, enc):
            _warn(p, "date_from_forwarder", "date", f"this copy reads {letter.date.isoformat()}, after the "
                  f"letter that forwards it; read as {enc.date.isoformat()} as that letter lists it")
            letter.date = enc.date
            p.notes.confidence["date"] = 0.6
        elif letter.date and enc.date and letter.date != enc.date:
            _warn(p, "date_conflict", "date", f"this copy reads {letter.date.isoformat()}, the forwarding "
                                              f"letter lists it as {enc.date.isoformat()}")
            letter.date = None
            p.notes.confidence["date"] = 0.0
    return pairs


def _number_conflict(p: Parsed, enc: Enclosure) -> None:
    """A copy whose own number disagrees with its listing: withdrawn, both named."""
    letter = p.letter
    if letter.doc_no and enc.doc_no and letter.doc_no != enc.doc_no:
        _warn(p, "doc_no_conflict", "doc_no",
              f"this copy reads {letter.doc_no}, the forwarding letter lists it as {enc.doc_no}")
        letter.doc_no = None
        p.notes.confidence["doc_no"] = 0.0
