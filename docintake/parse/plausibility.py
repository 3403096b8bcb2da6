"""Checks across a letter's own fields and across the letters of a bundle.

Each check adds a warning a clerk can act on; none invents a value. Where
two readings of the same fact disagree (a copy's own number and the number
its forwarding letter lists for it), the value is withdrawn (None) and both
readings are named in the warning, because the text cannot say which is right.
"""

from __future__ import annotations

import calendar
import datetime as dt

from docintake.models import Enclosure, Letter
from docintake.parse.crosscheck import (FILLED_CONFIDENCE, merge_readings, number_line, shows_code_unread_running,
                                        shows_date, shows_number, skeleton)
from docintake.parse.docno import read_doc_no
from docintake.parse.letter import Parsed
from docintake.parse.thaidate import find_day_month, year_repairs
from docintake.text import lexicon

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


YEAR_OFF_DAYS = 300  # a letter this far from the date it was forwarded or received has a misread year
ERA_CEILING = 2100  # without today's date: a letter after this is a misread year


def _in_era(d: dt.date) -> bool:
    return ERA_FLOOR <= d.year <= ERA_CEILING


def _repair_own_year(p: Parsed, context: dt.date | None, listed: dt.date | None = None) -> None:
    """A letter dated a year or more away from the date it was received or
    forwarded (``๓ กรกฎาคม ๒๔๖๗`` stamped ๘ ก.ค. ๒๕๖๗) has a misread year
    digit: repaired when exactly one one-digit change of the BE year puts it
    in the weeks before that date (``year_repairs``), else left to be warned.
    That date may be the misread one, so a date of this era is repaired only
    when a second print of it (``listed``, its forwarding letter's entry)
    agrees with the repair; one outside the era only against a date in it."""
    own = p.letter.date
    if own is None or context is None or abs((own - context).days) < YEAR_OFF_DAYS or not _in_era(context):
        return
    fits = [d for d in year_repairs(own, context, 1) if d <= context + dt.timedelta(days=1)]
    if len(fits) != 1 or (_in_era(own) and fits[0] != listed):
        return
    _warn(p, "year_repaired", "date", f"letter date read as {own.isoformat()}, a year or more from "
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
        _warn(p, "year_inferred", "date", f"year not readable; {fits[0].isoformat()} is the one reading "
                                          f"in the {YEAR_INFERRED_BEFORE} days before {what} ({ref.isoformat()})")
        p.notes.confidence["date"] = 0.5


def check_letter(p: Parsed, context: dt.date | None, today: dt.date | None) -> None:
    """Own-field checks; ``context`` is the date of the letter that forwards
    this one (or the receipt date) for letters whose own date is unreadable."""
    _repair_own_year(p, context)
    _infer_own_year(p, context)
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
    for enc in forwarder.enclosures:
        if enc.doc_no and line and shows_code_unread_running(line, enc.doc_no):
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
    line = number_line(p.head_text)
    if letter.doc_no is None and enc.doc_no and shows_number(line, enc.doc_no):
        letter.doc_no = enc.doc_no
        _warn(p, "doc_no_from_enclosure", "doc_no", f"read as {enc.doc_no} from the forwarding letter's "
                                                    f"enclosure line, which this letterhead agrees with")
        p.notes.confidence["doc_no"] = FILLED_CONFIDENCE
    elif letter.doc_no is None and enc.doc_no and shows_code_unread_running(line, enc.doc_no):
        letter.doc_no = enc.doc_no
        _warn(p, "doc_no_from_enclosure", "doc_no", f"read as {enc.doc_no} from the forwarding letter's "
                                                    f"enclosure line: this letterhead prints the same code, "
                                                    f"its running number is illegible")
        p.notes.confidence["doc_no"] = 0.6
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
    if enc.doc_no is None and letter.doc_no and shows_number(enc.text, letter.doc_no):
        enc.doc_no = letter.doc_no
        _warn(forwarder, "doc_no_from_copy", f"enclosures[{k}].doc_no",
              f"read as {letter.doc_no} from the enclosed copy's letterhead, which this entry agrees with")
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


def _known_prefix_of_two(mine: str, listed: str) -> str | None:
    """Two readings of one number that differ only in a prefix one of them
    does not know (``อบ 0023.1/4206`` and ``อป 0023.1/4206``): the known one.

    >>> _known_prefix_of_two("อบ 0023.1/4206", "อป 0023.1/4206")
    'อบ 0023.1/4206'
    >>> _known_prefix_of_two("อบ 0023.1/4206", "อด 0023.1/4206") is None
    True
    """
    (a, _, rest_a), (b, _, rest_b) = mine.partition(" "), listed.partition(" ")
    if rest_a != rest_b or (a in lexicon.AGENCY_PREFIXES) == (b in lexicon.AGENCY_PREFIXES):
        return None
    return mine if a in lexicon.AGENCY_PREFIXES else listed


def _settle_prefix(forwarder: Parsed, enc: Enclosure, p: Parsed) -> None:
    """The copy's number and its listing disagree only in an unknown prefix."""
    if not (p.letter.doc_no and enc.doc_no) or p.letter.doc_no == enc.doc_no:
        return
    known = _known_prefix_of_two(p.letter.doc_no, enc.doc_no)
    if known is None:
        return
    k = forwarder.letter.enclosures.index(enc) + 1
    for who, field, other in ((p, "doc_no", enc.doc_no), (forwarder, f"enclosures[{k}].doc_no", p.letter.doc_no)):
        _warn(who, "doc_no_prefix_settled", field, f"read as {known}: the other print of this number "
                                                   f"({other}) differs only in an unknown prefix")
    p.letter.doc_no = enc.doc_no = known
    p.notes.conf("doc_no", 0.7)


def _date_bounds(parsed: list[Parsed], k: int) -> tuple[dt.date | None, dt.date | None]:
    """The dates a copy's date must lie between: the letter it forwards (the
    copy after it in the bundle, when listed in it) and the letter forwarding it."""
    upper = parsed[k - 1].letter.date
    lower = None
    if k + 1 < len(parsed) and _copy_entry(parsed[k].letter, parsed[k + 1]) is not None:
        lower = parsed[k + 1].letter.date
    return lower, upper


def _in_chain_order(d: dt.date, lower: dt.date | None, upper: dt.date | None) -> bool:
    return (lower is None or d >= lower) and (upper is None or d <= upper + dt.timedelta(days=1))


def _settle_date(parsed: list[Parsed], k: int, enc: Enclosure) -> bool:
    """A copy's own date and its listing disagree: when exactly one of them
    lies between the letter the copy forwards and the letter forwarding it,
    that one is the date (a letter is never older than what it forwards)."""
    p, forwarder = parsed[k], parsed[k - 1]
    own, listed = p.letter.date, enc.date
    lower, upper = _date_bounds(parsed, k)
    if (lower is None and upper is None) or own is None or listed is None:
        return False
    fits = [d for d in (own, listed) if _in_chain_order(d, lower, upper)]
    if len(fits) != 1:
        return False
    keep, drop = fits[0], (listed if fits[0] == own else own)
    bounds = " and ".join(f"{w} {d.isoformat()}" for w, d in (("after", lower), ("before", upper)) if d)
    k_enc = forwarder.letter.enclosures.index(enc) + 1
    for who, field in ((p, "date"), (forwarder, f"enclosures[{k_enc}].date")):
        _warn(who, "date_settled_by_chain", field, f"read as {keep.isoformat()}, not {drop.isoformat()}: "
                                                   f"a forwarded letter's date lies {bounds}")
    p.letter.date = enc.date = keep
    p.notes.confidence["date"] = 0.6
    return True


def check_bundle(parsed: list[Parsed]) -> None:
    """A copy's own number/date against what its forwarding letter lists."""
    for k in range(1, len(parsed)):
        p = parsed[k]
        enc = _copy_entry(parsed[k - 1].letter, p)
        if enc is None:
            continue
        letter = p.letter
        _repair_own_year(p, parsed[k - 1].letter.date, enc.date)
        _merge_damaged(parsed[k - 1], enc, p)
        _fill_from_enclosure(p, enc)
        _fill_enclosure(parsed[k - 1], enc, p)
        _settle_prefix(parsed[k - 1], enc, p)
        if letter.date and enc.date and letter.date != enc.date and not _copy_misdated(parsed[k - 1], letter, enc):
            _settle_date(parsed, k, enc)
        if letter.doc_no and enc.doc_no and letter.doc_no != enc.doc_no:
            _warn(p, "doc_no_conflict", "doc_no",
                  f"this copy reads {letter.doc_no}, the forwarding letter lists it as {enc.doc_no}")
            letter.doc_no = None
            p.notes.confidence["doc_no"] = 0.0
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
