"""One letter's fields from its span of lines: header -> fields -> body -> foot."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from docintake.models import Deadline, Letter, ReceiptStamp
from docintake.parse import body as bodymod
from docintake.parse.codefix import repair_code
from docintake.parse.deadline_cues import count_read, unit_read
from docintake.parse.deadlines import find_deadlines, urgent_date
from docintake.parse.docno import DocNoHit, read_doc_no, read_doc_no_loose
from docintake.parse.entrycontext import repair_entries
from docintake.parse.fields import build_enclosures, build_references, field_text, parse_fields
from docintake.parse.header import Header, parse_header
from docintake.parse.lines import Line
from docintake.parse.misreads import weekday_warning
from docintake.parse.notes import Notes
from docintake.parse.partial import partial_number
from docintake.parse.prefix import known_prefix_for, letterhead_prefix, recover_prefix
from docintake.parse.split import Span
from docintake.parse.thaidate import DateHit
from docintake.parse.unread import unread_deadlines
from docintake.parse.wocue import settle_lost_wo
from docintake.text import lexicon


@dataclass
class Parsed:
    """A letter and what the bundle-level checks need beside it."""

    letter: Letter
    notes: Notes
    doc: DocNoHit | None
    head_text: str = ""  # the letterhead's lines, for cross-checks against a forwarding letter
    pending: list[Pending] = field(default_factory=list)  # dateless deadlines with readings (deadlinechain)


@dataclass
class Pending:
    """A deadline left dateless with several readings, for the bundle's chain to settle."""

    deadline: Deadline
    hit: DateHit
    slot: int  # how many dated deadlines precede it in text order: where it goes once dated


def _kind(h: Header) -> str:
    if h.memo:
        return "memo"
    return "circular" if h.doc is not None and h.doc.circular else "external"


# Problems a document number was read through (each gets a warning).
_REPAIRS = ("prefix_corrected", "prefix_unknown", "prefix_recovered", "code_debris_dropped",
            "running_split_joined", "slash_lost", "code_colon_read_as_dot", "code_comma_read_as_dot",
            "code_hyphen_read_as_dot", "slash_read_twice", "running_debris_dropped",
            "code_stray_dot_joined", "label_lost", "circular_read_as_mark",
            "circular_read_as_dot", "code_dot_restored", "code_first_digit_restored", "leader_dots_dropped",
            "ordinary_as_submitted_memo", "running_stray_dot_joined", "ordinary_as_memo_to_one",
            "circular_by_audience", "slash_lookalike_read")


def _doc_no(h: Header, notes: Notes) -> str | None:
    doc = h.doc
    if doc is None:
        notes.unreadable("doc_no", "no document number after ที่")
        return None
    if doc.canonical is None:
        why = ", ".join(doc.problems)
        extra = f"; candidates: {' / '.join(doc.candidates)}" if doc.candidates else ""
        notes.unreadable("doc_no", f"document number {doc.raw!r} not readable without guessing ({why}){extra}")
        return None
    fixes = [p for p in doc.problems if p.startswith(_REPAIRS)]
    if fixes:
        notes.warn("doc_no_corrected", "doc_no", f"{doc.raw!r} read as {doc.canonical} ({', '.join(fixes)})")
    notes.conf("doc_no", doc.confidence)
    return doc.canonical


def parse_letter(lines: list[Line], span: Span, *, first: bool, receipt: ReceiptStamp | None,
                 window: tuple[dt.date, dt.date] | None) -> Parsed:
    """One letter; ``receipt`` is the bundle's stamp read on an earlier letter."""
    notes = Notes()
    h = parse_header(lines, span.start, span.head, span.subject, first=first, window=window, notes=notes)
    if h.date_hit is not None and h.date_hit.date is not None:
        for p in h.date_hit.problems:
            if p.startswith(_DATE_REPAIRS):
                notes.warn(*date_repair_warning(p, h.date_hit, "date"))
    f = parse_fields(lines, span.subject, span.end, notes)
    close = bodymod.closing_index(lines, f.body_start, span.end, h.memo)
    paras = bodymod.paragraphs(lines, f.body_start, close)
    date = h.date_hit.date if h.date_hit else None
    # Relative deadlines count from the bundle's receipt stamp, else the letter's
    # date; a stamp whose date is unreadable gives no base (never the letter's).
    stamp = h.receipt or receipt
    base = stamp.date if stamp is not None else date
    # What an unread relative deadline can count from: the stamp's readings (its day read).
    bases = [base] if base is not None else list(stamp.readings) if stamp is not None else []
    inferred: list[Deadline] = []
    pending: list[tuple[Deadline, DateHit]] = []
    # A letter date outside the bundle's window has a misread year (fixed later, by the
    # bundle's checks): the deadlines' years and lost months are read against the stamp's.
    year_ref = date if date is not None and (window is None or window[0] <= date <= window[1]) else base
    deadlines, hits = find_deadlines(paras, base, window, year_ref=year_ref, inferred=inferred, pending=pending)
    if h.urgent_by is not None:
        if h.urgent_by.date is None and (date or base) is not None:
            h.urgent_by.date, repaired, year_taken = urgent_date(h.urgent_by.text, date, base)
            hits += repaired
            if year_taken:
                inferred.append(h.urgent_by)
        deadlines.insert(0, h.urgent_by)
    for d in inferred:
        notes.warn("year_inferred", "deadlines", f"{d.text[:80]!r}: year not readable, taken from the letter's "
                                                 f"date: {d.date.isoformat()}")
        notes.conf("deadlines", 0.5)
    _deadline_notes(deadlines, hits, notes)
    whole = "\n".join(ln.text for ln in lines[span.start : span.end])
    head = "\n".join(ln.text for ln in lines[span.start : span.subject])
    if h.doc is not None:
        h.doc = repair_code(letterhead_prefix(recover_prefix(h.doc, head, whole), head, whole), whole)
    h.doc = settle_lost_wo(h.doc, memo=h.memo, to_label=f.to_label, to=field_text(f.to), issuer=h.issuer)
    letter = Letter(
        kind=_kind(h), pages=(span.first_page + 1, span.last_page + 1), doc_no=_doc_no(h, notes),
        date=date, urgency=h.urgency, issuer=h.issuer, address=h.address,
        subject=field_text(f.subject), to=field_text(f.to),
        references=build_references(f.refs, notes), enclosures=build_enclosures(f.encl, notes),
        deadlines=[d for d in deadlines if d.date is not None], unread_deadlines=unread_deadlines(deadlines, bases),
        directives=bodymod.directives(paras),
        signatory=bodymod.signatory(lines, close, span.end, h.issuer),
        contact=bodymod.contact(lines, close, span.end), receipt=h.receipt,
        hashtags=bodymod.hashtags(whole), urls=bodymod.urls(whole), doc_no_partial=partial_number(h.doc, whole),
    )
    _recover_entries(letter, whole, notes)
    repair_entries(letter, notes)
    _field_confidence(letter, f, notes)
    return Parsed(letter, notes, h.doc, head, _pending(deadlines, pending))


def _pending(deadlines: list[Deadline], pending: list[tuple[Deadline, DateHit]]) -> list[Pending]:
    """Each pending deadline with the number of dated ones before it in ``deadlines``."""
    out = []
    for d, hit in pending:
        at = next(k for k, x in enumerate(deadlines) if x is d)
        out.append(Pending(d, hit, sum(x.date is not None for x in deadlines[:at])))
    return out


def _recover_entries(letter: Letter, whole: str, notes: Notes) -> None:
    """Entries whose number's prefix is garbled and whose own words did not
    name it: the letter may (its own number's code cited: ``อ้างถึง
    หนังสืออำเภอสะเดา ที่ AU ๐๐๒๓.๑๖/๒๙๘๒`` beside ``ที่ สข ๐๐๒๓.๑๖/๖๗๗``)."""
    for name in ("references", "enclosures"):
        for k, e in enumerate(getattr(letter, name), start=1):
            if e.doc_no is not None and (known := known_prefix_for(e.doc_no, whole)) is not None:
                notes.warn("doc_no_corrected", f"{name}[{k}].doc_no", f"{e.doc_no} read as {known}: the letter "
                                                                      "has a number with this code and that prefix")
                e.doc_no = known
                notes.conf(name, 0.7)
            loose = read_doc_no_loose(e.text) if e.doc_no is None and e.text and not _prefix_legible(e.text) else None
            if loose is None:
                continue
            hit = recover_prefix(loose, e.text, whole, letter_wide=False)
            if hit.canonical is not None:
                e.doc_no = hit.canonical
                notes.warn("doc_no_corrected", f"{name}[{k}].doc_no", f"{', '.join(hit.problems)}: {e.text!r}")
                notes.conf(name, hit.confidence)


def _prefix_legible(text: str) -> bool:
    """Whether the entry's number shows a known prefix: it is unread for
    another reason (``/๑ ๗๕๕``: ว or a digit?), which recovering a prefix
    through the loose reading (blind to that doubt) must not paper over."""
    hit = read_doc_no(text)
    return hit is not None and hit.prefix in lexicon.AGENCY_PREFIXES


def _unread_why(d: Deadline) -> str:
    """Why a deadline has no date, for the clerk: a relative one lacks its
    number, its unit (days or weeks) or the date it counts from (the receipt stamp's)."""
    if not d.relative:
        return "deadline date not readable"
    if not count_read(d.text):
        return "relative deadline not resolved: its number of days (or weeks) is not readable"
    if not unit_read(d.text):
        return "relative deadline not resolved: its unit (วัน, วันทำการ, สัปดาห์) is not readable"
    return "relative deadline not resolved: the date it counts from (receipt stamp) is not readable"


# Date repairs find_dates makes that the header and deadline notes do not
# warn on their own (thaidate: a year's lost digit, a speck number before the day,
# a speck inside it).
_DATE_REPAIRS = ("year_digit_restored", "day_debris_dropped", "day_speck_dropped")


def date_repair_warning(problem: str, hit, field: str) -> tuple[str, str, str]:
    """(code, field, message) of a warning for one of ``_DATE_REPAIRS``."""
    code, _, printed = problem.partition(":")
    if code == "year_digit_restored":
        return ("year_restored", field, f"{hit.raw!r}: year {printed!r} has lost a digit; the one era year it "
                                        f"can be gives {hit.date.isoformat()}")
    if code == "day_speck_dropped":
        return ("date_debris_dropped", field, f"{hit.raw!r}: the dot inside the day {printed!r} read as a speck: "
                                              f"{hit.date.isoformat()}")
    return ("date_debris_dropped", field, f"{hit.raw!r}: {printed!r} beside the day read as debris: "
                                          f"{hit.date.isoformat()}")


def unread_message(d: Deadline) -> str:
    """The ``unreadable`` warning's message for a dateless deadline."""
    # the clause ends with the deadline's sentence: its tail shows the clerk where to look
    shown = d.text if len(d.text) <= 80 else "…" + d.text[-79:]
    return f"{_unread_why(d)}: {shown!r}"


def _deadline_notes(deadlines, hits, notes: Notes) -> None:
    """Warn about deadlines whose date could not be read or fought its weekday."""
    for d in deadlines:
        if d.date is None:
            notes.unreadable("deadlines", unread_message(d))
    for hit in hits:
        for p in hit.problems:
            warning = weekday_warning(p, hit, "deadlines")
            if warning is not None:
                notes.warn(*warning)
                notes.conf("deadlines", hit.confidence)
            elif p == "month_by_weekday" and hit.date is not None:
                notes.warn("month_by_weekday", "deadlines", f"{hit.raw!r}: month not readable; {hit.date.isoformat()} "
                                                            "is the one such day on its weekday near the letter's date")
                notes.conf("deadlines", hit.confidence)
            elif p.startswith("weekday_month_misread") and hit.date is not None:
                notes.warn("weekday_month_misread", "deadlines", f"{hit.raw!r}: the weekday fits no day near the "
                           f"letter's date in the month as read; with one letter of the month misread, "
                           f"{hit.date.isoformat()} (printed {p.split(':')[1]})")
                notes.conf("deadlines", hit.confidence)
            elif p == "month_by_window" and hit.date is not None:
                notes.warn("month_by_window", "deadlines", f"{hit.raw!r}: no month fits the glyphs as printed; with "
                           f"one misread, {hit.date.isoformat()} is the only reading on or after the letter's date")
            elif p.startswith("month_repaired") and hit.date is not None:
                notes.warn("month_repaired", "deadlines", f"{hit.raw!r}: month read as {hit.date.month}")
                notes.conf("deadlines", hit.confidence)
            elif p.startswith(_DATE_REPAIRS) and hit.date is not None:
                notes.warn(*date_repair_warning(p, hit, "deadlines"))
                notes.conf("deadlines", hit.confidence)
            elif p.startswith("digit_repaired") and hit.date is not None:
                glyphs, digits = p.split(":")[1].split("=")
                notes.warn("digit_repaired", "deadlines", f"{hit.raw!r}: {glyphs} read as {digits}, the digit "
                                                          f"this OCR prints it for: {hit.date.isoformat()}")
                notes.conf("deadlines", hit.confidence)


def _field_confidence(letter: Letter, f, notes: Notes) -> None:
    if letter.subject is None:
        notes.unreadable("subject", "no เรื่อง line read")
    else:
        notes.conf("subject", f.label_conf.get("เรื่อง", 1.0))
    if letter.to is None:
        notes.unreadable("to", "no เรียน/เสนอ line read")
    else:
        notes.conf("to", f.label_conf.get(f.to_label or "เรียน", 1.0))
    notes.conf("kind", 1.0)
    if letter.urgency is None:
        notes.confidence.setdefault("urgency", 0.9)  # no stamp read: likely none, but stamps fade
    for name in ("references", "enclosures", "deadlines", "receipt", "signatory", "contact"):
        if name not in notes.confidence and (getattr(letter, name) or name == "deadlines"):
            flagged = any((w.field or "").startswith(name) for w in notes.warnings)
            notes.conf(name, 0.6 if flagged else 1.0)
