"""What a reference (อ้างถึง) or enclosure (สิ่งที่ส่งมาด้วย) entry says
about the letter it names: number, date, issuer, urgency.

The entry is read on its own here (``read_entry``; its number tidied as
``entrynumber`` does, its date as ``entrydates`` reads it) and built into
the contract's Reference and Enclosure, each doubt warned. The letter it
stands in then gives context (``entrycontext.repair_entries``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from docintake.models import Enclosure, Reference
from docintake.parse.docno import read_doc_no, read_doc_no_loose
from docintake.parse.entrydates import DAY_GLYPH, DAY_HYPHEN, YEAR_RESTORED, entry_date
from docintake.parse.entrynumber import DOTTED_UNREAD, number_faults, tidy_number
from docintake.parse.lines import collapse
from docintake.parse.notes import Notes
from docintake.parse.prefix import recover_prefix
from docintake.text.fuzzy import find_urgency

_M = "[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*"
# หนังสือ / สำเนาหนังสือ, with any marks OCR dropped or added (หนงสอ, หนังสื่อ).
LETTER_WORD = re.compile(f"(?:ส{_M}[ำา]?เนา\\s?)?ห{_M}น{_M}ง{_M}ส{_M}อ")


@dataclass
class Cited:
    """An entry's reading of the letter it names."""

    doc_no: str | None = None
    issuer: str | None = None
    date: dt.date | None = None
    urgency: str | None = None
    problems: list[str] = field(default_factory=list)  # doc_no problems, as docno reports them
    date_repair: str | None = None  # what was dropped to read the date


# A speck between the urgency word and the ที่ label read as a hyphen (``ด่วน-ที่
# ลย 0023.12/1414``, seed 45): the two words still stand apart (same length, so
# positions stay).
_HYPHEN_BEFORE_THE = re.compile(r"(?<=[ก-๎])-(?=ท[ี]?่?\s)")


def read_entry(text: str) -> Cited:
    """Number, issuer, date and urgency of an entry that names a letter."""
    faults = number_faults(text)
    text = tidy_number(_HYPHEN_BEFORE_THE.sub(" ", text))
    doc = read_doc_no(text)
    if doc is None and (loose := read_doc_no_loose(text)) is not None:
        # "สำเนาหนังสือจังหวัดนครศรีธรรมราช ที่ UA ๐๐๒๓.๖/๓๘๗๙": the entry names its province.
        recovered = recover_prefix(loose, text, text)
        doc = recovered if recovered.canonical else None
    date, date_repair = entry_date(text)
    urg = find_urgency(text)
    issuer = None
    m = LETTER_WORD.search(text)
    if m is not None:
        stop = [p for p in (urg.start if urg else None, _the(text, m.end())) if p is not None]
        cut = min(stop) if stop else len(text)
        issuer = collapse(text[m.end() : cut]) or None
    problems = [*doc.problems, *faults] if doc else []
    if doc is not None and DOTTED_UNREAD in faults:
        doc.canonical = None
    if doc is not None and doc.candidates:
        problems.append("candidates: " + " / ".join(doc.candidates))
    return Cited(doc.canonical if doc else None, issuer, date, urg.word if urg else None, problems, date_repair)


# The ที่ label before the number, standing alone or glued to a prefix
# (``ที่มท ๐๘๑๐.๖``: OCR dropped the space; a word such as ที่ว่าการ has no
# two bare letters and a digit after ที่).
_THE_LABEL = re.compile(r"\sท[ี]?่?(?:\s|(?=[ก-ฮ]{2}\s?[0-9๐-๙]))")


def _the(text: str, after: int) -> int | None:
    m = _THE_LABEL.search(text[after:])
    return after + m.start() if m else None


def build_references(entries, notes: Notes) -> list[Reference]:
    out = []
    for k, e in enumerate(entries, start=1):
        c = read_entry(e.spaced)
        _warn_read(notes, f"references[{k}]", e.spaced, c)
        out.append(Reference(doc_no=c.doc_no, date=c.date, issuer=c.issuer, urgency=c.urgency, text=e.text))
    return out


def build_enclosures(entries, notes: Notes) -> list[Enclosure]:
    out = []
    for k, e in enumerate(entries, start=1):
        text = collapse(e.text)
        if not text:
            continue
        enc = Enclosure(text=text, count=e.count)
        if e.names_letter():
            c = read_entry(e.spaced)
            _warn_read(notes, f"enclosures[{k}]", e.spaced, c)
            enc = Enclosure(text=text, doc_no=c.doc_no, date=c.date, issuer=c.issuer, urgency=c.urgency,
                            count=e.count)
        out.append(enc)
    return out


# How each of entry_date's repairs is warned (others: debris dropped).
_DATE_REPAIR_WORDS = {YEAR_RESTORED: ("year_restored", "restoring"), DAY_GLYPH: ("day_glyph_read", "reading"),
                      DAY_HYPHEN: ("day_joined", "joining")}


def _warn_read(notes: Notes, where: str, text: str, c: Cited) -> None:
    if c.doc_no is None and read_doc_no(text) is not None:
        notes.warn("unreadable", f"{where}.doc_no", f"document number not readable ({', '.join(c.problems)}): "
                                                    f"{collapse(text)!r}")
    elif c.problems:
        notes.warn("doc_no_corrected", f"{where}.doc_no", f"{', '.join(c.problems)}: {collapse(text)!r}")
    if c.date_repair is not None:
        code, verb = _DATE_REPAIR_WORDS.get(c.date_repair, ("date_debris_dropped", "dropping"))
        notes.warn(code, f"{where}.date", f"read as {c.date.isoformat()} after {verb} {c.date_repair}: "
                                          f"{collapse(text)!r}")
        notes.conf(where.split("[")[0], 0.8)


