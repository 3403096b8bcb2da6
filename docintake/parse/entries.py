"""What a reference (อ้างถึง) or enclosure (สิ่งที่ส่งมาด้วย) entry says
about the letter it names: number, date, issuer, urgency.

The entry is read on its own first (``read_entry``). Its date survives a
little OCR debris between day and month (``๒๑ .กรกฎาคม``, ``๑๒ 5 กันยายน`` in
a Thai-digit entry, ``๗ม กุมภาพันธ์``). Then the letter it stands in gives
context (``repair_entries``): a number whose code OCR damaged is read as a
code the same letter prints when the damage is one this OCR is known to do
(a dot lost, a dot and a digit merged into ๗, debris before the slash), and a
year that puts the cited letter generations before its citer is read with
the one digit change that fits. Every repair is warned and less confident.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from docintake.models import Enclosure, Letter, Reference
from docintake.parse.docno import read_doc_no, read_doc_no_loose
from docintake.parse.lines import collapse
from docintake.parse.notes import Notes
from docintake.parse.prefix import provinces_named, recover_prefix
from docintake.parse.thaidate import find_dates
from docintake.text import lexicon
from docintake.text.fuzzy import find_urgency
from docintake.text.normalize import number_digits, thai_to_arabic_digits

_M = "[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*"
# หนังสือ / สำเนาหนังสือ, with any marks OCR dropped or added (หนงสอ, หนังสื่อ).
LETTER_WORD = re.compile(f"(?:ส{_M}[ำา]?เนา\\s?)?ห{_M}น{_M}ง{_M}ส{_M}อ")
CONTEXT_CONFIDENCE = 0.6


@dataclass
class Cited:
    """An entry's reading of the letter it names."""

    doc_no: str | None = None
    issuer: str | None = None
    date: dt.date | None = None
    urgency: str | None = None
    problems: list[str] = field(default_factory=list)  # doc_no problems, as docno reports them
    date_repair: str | None = None  # what was dropped to read the date


# ------------------------------------------------------------------ date

_FULL_MONTH = "|".join(lexicon.MONTHS)
_DATE_DEBRIS = (
    # A speck between the day and the month (``๒๑ .กรกฎาคม``, ``๑๒ | พฤษภาคม``).
    (re.compile(r"(?<=[0-9๐-๙])\s*[.,'\"|*«»]+\s*(?=[ก-ฮเแโใไ])"), " ", "a speck before the month"),
    # A lone Arabic digit after a Thai-digit day (``๑๒ 5 กันยายน``): the
    # entry prints Thai digits, so the stray one is the debris.
    (re.compile(r"(?<=[๐-๙])\s+[0-9]\s+(?=[ก-ฮเแโใไ])"), " ", "an Arabic digit among Thai digits"),
    # A lone consonant between the day and a full month name (``๗ม กุมภาพันธ์``).
    (re.compile(rf"(?<=[0-9๐-๙])\s?[ก-ฮ]\s+(?=(?:{_FULL_MONTH}))"), " ", "a letter before the month"),
)


def entry_date(text: str) -> tuple[dt.date | None, str | None]:
    """The date of the letter an entry names (its last date), and what debris
    had to be dropped to read it (None when it read as printed)."""
    dates = [d for d in find_dates(text) if d.date is not None]
    if dates:
        return dates[-1].date, None
    for pattern, repl, what in _DATE_DEBRIS:
        tidy = pattern.sub(repl, text)
        if tidy != text:
            dates = [d for d in find_dates(tidy) if d.date is not None]
            if dates:
                return dates[-1].date, what
    return None, None


# ---------------------------------------------------------------- number

# A colon for the dot of a code (``๐๘๑๐:๔``): a code never has one.
_CODE_COLON = re.compile(r"(?<=[0-9๐-๙])\s?:\s?(?=[0-9๐-๙])")


def read_entry(text: str) -> Cited:
    """Number, issuer, date and urgency of an entry that names a letter."""
    text = _CODE_COLON.sub(".", text)
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
    problems = list(doc.problems) if doc else []
    if doc is not None and doc.candidates:
        problems.append("candidates: " + " / ".join(doc.candidates))
    return Cited(doc.canonical if doc else None, issuer, date, urg.word if urg else None, problems, date_repair)


def _the(text: str, after: int) -> int | None:
    m = re.search(r"\sท[ี]?่?\s", text[after:])
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


def _warn_read(notes: Notes, where: str, text: str, c: Cited) -> None:
    if c.doc_no is None and read_doc_no(text) is not None:
        notes.warn("unreadable", f"{where}.doc_no", f"document number not readable ({', '.join(c.problems)}): "
                                                    f"{collapse(text)!r}")
    elif c.problems:
        notes.warn("doc_no_corrected", f"{where}.doc_no", f"{', '.join(c.problems)}: {collapse(text)!r}")
    if c.date_repair is not None:
        notes.warn("date_debris_dropped", f"{where}.date", f"read as {c.date.isoformat()} after dropping "
                                                           f"{c.date_repair}: {collapse(text)!r}")
        notes.conf(where.split("[")[0], 0.8)
