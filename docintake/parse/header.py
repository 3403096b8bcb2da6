"""The letterhead: everything above ``เรื่อง``.

Urgency stamp, the receipt stamp (first letter of a bundle), ``ที่`` and the
document number, the issuing office and its address, the date; for a memo
``ส่วนราชการ`` and ``ที่ ... วันที่ ...``. Fields that cannot be read are left
None with a warning in ``Notes``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from docintake.models import Deadline, ReceiptStamp
from docintake.parse.docno import DocNoHit, read_doc_no, read_doc_no_loose
from docintake.parse.lines import Line, collapse, docno_line, is_memo_head, join_wrapped, label_of
from docintake.parse.notes import Notes
from docintake.parse.thaidate import DateHit, check_weekday, find_dates, find_time, month_number
from docintake.parse.urgency import read_urgency, urgent_by_glyphs
from docintake.text import lexicon
from docintake.text.fuzzy import starts_with_any
from docintake.text.normalize import thai_to_arabic_digits

_YEARISH = re.compile(r"(พ\.?\s?ศ\.?|พุทธศักราช)\s*[0-9]{2,4}|\b25[0-9]{2}\b")


@dataclass
class Header:
    memo: bool = False
    doc: DocNoHit | None = None
    date_hit: DateHit | None = None
    urgency: str | None = None
    urgent_by: Deadline | None = None
    issuer: str | None = None
    address: str | None = None
    receipt: ReceiptStamp | None = None
    used: set[int] = field(default_factory=set)  # line indices consumed


_SHORT_OFFICE = re.compile(
    "^(?:" + "|".join(re.escape(f) for f in lexicon.OFFICE_SHORT_FORMS) + r")\s?[ก-๎]"
)


def _office_like(text: str) -> bool:
    """An office name: a known opening word, an LAO word, or a short form (อ.เมือง, อบต.นาดี)."""
    t = text.strip()
    return (starts_with_any(t, lexicon.OFFICE_STARTS) is not None or bool(_SHORT_OFFICE.match(t))
            or any(w in t for w in lexicon.OFFICE_WORDS))


def _read_docno(lines: list[Line], idx: int, start: int, nxt: int | None) -> DocNoHit | None:
    """The number on a ที่ line; a number wrapped onto the next line is joined."""
    text = lines[idx].text[start:]
    hit = read_doc_no(text)
    dangling = text.rstrip().endswith(("/", "ว", ".")) or (hit is None and nxt is not None)
    if (hit is None or dangling) and nxt is not None:
        joined = read_doc_no(text.rstrip() + " " + lines[nxt].text)
        if joined is not None and (hit is None or len(joined.raw) > len(hit.raw)):
            return joined
    return hit or read_doc_no_loose(text)


# Receipt-stamp labels, found anywhere on a line: OCR often merges the stamp
# (top right) with the urgency stamp or the emblem on the same text line.
def _loose(word: str) -> str:
    """A regex for ``word`` that tolerates tone marks dropped or added by OCR."""
    marks = "[\u0e47-\u0e4e]?"
    return "".join(marks if ch in "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d" else re.escape(ch) + marks
                   for ch in word)


# วันที่ in Latin look-alikes (Tun) counts only before a day: alone it could be any speck.
_RECEIPT_RE = re.compile(
    rf"(?P<number>{_loose('เลขรับ')}|{_loose('เลขที่รับ')}|{_loose('รับที่')})"
    rf"|(?P<date>วันท[ี]?[่]?(?!\S*ว่าการ)|(?<![A-Za-z])(?i:{'|'.join(lexicon.DATE_LABEL_LATIN)})(?=\s*[0-9๐-๙]))"
    rf"|(?P<time>{_loose('เวลา')})"
)


def _receipt_fields(lines: list[Line], zone: list[int], head: int) -> dict[str, tuple[int, str]]:
    """label -> (line index, the text after the label up to the next label);
    on the ที่ line itself only the text before ที่ (OCR may join them)."""
    found: dict[str, tuple[int, str]] = {}
    for i in zone:
        text = lines[i].text
        if i == head:
            at = docno_line(text)
            text = text[: max(0, (at or 0) - 4)]
        ms = list(_RECEIPT_RE.finditer(text))
        for k, m in enumerate(ms):
            name = m.lastgroup
            if name in found or (name == "date" and text[: m.start()].rstrip().endswith("ลง")):
                continue
            stop = ms[k + 1].start() if k + 1 < len(ms) else len(text)
            found[name] = (i, text[m.end() : stop])
    return found


def _receipt(lines: list[Line], zone: list[int], head: int, h: Header, notes: Notes) -> None:
    """The ตรารับ: เลขรับ / วันที่ / เวลา in the first letter's lines above ที่."""
    found = _receipt_fields(lines, zone, head)
    if "number" not in found and len(found) < 2:
        return
    rec = ReceiptStamp()
    if "number" in found:
        m = re.search(r"[0-9][0-9 /]*", thai_to_arabic_digits(found["number"][1]))
        rec.number = m.group(0).replace(" ", "").strip("/") or None if m else None
    if "date" in found:
        hits = [x for x in find_dates(found["date"][1]) if x.date]
        rec.date = hits[0].date if hits else None
    if "time" in found:
        rec.time = find_time("เวลา " + found["time"][1])
    for name, value in (("number", rec.number), ("date", rec.date)):
        if value is None:
            notes.warn("unreadable", f"receipt.{name}", f"receipt stamp: {name} not readable")
    first = min(i for i, _ in found.values())
    h.used.update(i for i, _ in found.values())
    rec.office = _receipt_office(lines, zone, first, h)
    if rec.office is None:
        notes.warn("unreadable", "receipt.office", "receipt stamp: receiving office not readable")
    h.receipt = rec
    notes.conf("receipt", 1.0 if rec.number and rec.date else 0.5)


def _receipt_office(lines: list[Line], zone: list[int], first: int, h: Header) -> str | None:
    """The stamp's first line: an office name above (or before) the first label."""
    head = lines[first].text[: _RECEIPT_RE.search(lines[first].text).start()].strip()
    if head and _office_like(head):
        return collapse(head)
    above = [i for i in zone if i < first][-1:]
    if above and _office_like(lines[above[0]].text):
        h.used.add(above[0])
        return collapse(_strip_specks(lines[above[0]].text))
    return None


def _strip_specks(text: str) -> str:
    """Drop the OCR specks (quotes, colons, single letters) around a stamp line."""
    return re.sub(r"^[\W\d_a-zA-Z]{1,3}\s+|\s+[\W_]{1,3}$", "", text.strip())


def _date_line(lines: list[Line], cands: list[int], h: Header, notes: Notes, window) -> None:
    """The letter's date: the last dated line between the head and เรื่อง."""
    for i in reversed(cands):
        hits = find_dates(lines[i].text)
        if hits:
            h.used.add(i)
            _take_date(hits[-1], h, notes, window)
            return
    for i in reversed(cands):
        text = thai_to_arabic_digits(lines[i].text)
        if _YEARISH.search(text) or any(month_number(t) for t in text.split() if len(t) > 3):
            h.used.add(i)
            notes.unreadable("date", f"date line not readable: {collapse(lines[i].text)!r}")
            return
    notes.unreadable("date", "no date line found in the letterhead")


def _take_date(hit: DateHit, h: Header, notes: Notes, window) -> None:
    hit = check_weekday(hit, window)
    if hit.date is None:
        notes.unreadable("date", f"date not readable: {hit.raw!r} ({', '.join(hit.problems)})")
        return
    h.date_hit = hit
    notes.conf("date", hit.confidence)
    for p in hit.problems:
        if p.startswith("weekday_repaired"):
            notes.warn("weekday_repaired", "date", f"{hit.raw!r}: weekday fits {hit.date.isoformat()}, "
                                                   f"not the printed {p.split(':')[1]}")
        elif p == "weekday_mismatch":
            notes.warn("weekday_mismatch", "date", f"{hit.raw!r}: the weekday contradicts the date")
        elif p.startswith("month_repaired"):
            notes.warn("month_repaired", "date", f"{hit.raw!r}: month {p.split(':', 1)[1]!r} read as "
                                                 f"{hit.date.month} (OCR-damaged name)")


def _issuer(lines: list[Line], cands: list[int], h: Header, notes: Notes, trailing: str) -> None:
    """First office-like line after the head; the following lines are the address."""
    office_lines = [i for i in cands if i not in h.used]
    if trailing and _office_like(trailing):
        h.issuer = collapse(trailing)
        addr = office_lines
    else:
        first = next((k for k, i in enumerate(office_lines) if _office_like(lines[i].text)), None)
        if first is None:
            notes.unreadable("issuer", "issuing office not readable in the letterhead")
            return
        h.issuer = collapse(lines[office_lines[first]].text)
        addr = office_lines[first + 1 :]
    h.address = collapse(" ".join(lines[i].text for i in addr)) or None
    notes.conf("issuer", 1.0)


def parse_header(lines: list[Line], start: int, head: int, subject: int, *, first: bool,
                 window: tuple[dt.date, dt.date] | None, notes: Notes) -> Header:
    h = Header(memo=is_memo_head(lines[head].text))
    zone = [i for i in range(start, subject) if lines[i].text.strip()]
    if first:
        _receipt(lines, [i for i in zone if i <= head], head, h, notes)
    read_urgency(lines, zone, h, notes)
    if h.memo:
        _memo_header(lines, zone, head, h, notes, window)
        urgent_by_glyphs(h, notes)
        return h
    head = _number_line(lines, zone, head, h)
    after = [i for i in zone if i > head and i not in h.used]
    trailing = ""
    start_at = _number_start(lines[head].text)
    if start_at is not None:
        h.used.add(head)
        h.doc = _read_docno(lines, head, start_at, after[0] if after else None)
        if h.doc is not None:
            trailing = _trailing(lines[head].text, start_at, h.doc)
            if h.doc.raw and h.doc.raw not in lines[head].text and after:
                h.used.add(after[0])
    _date_line(lines, [i for i in after if i not in h.used], h, notes, window)
    date_idx = max((i for i in h.used if i > head), default=subject)
    cands = [i for i in after if i < date_idx]
    if not cands:  # OCR may order the right-hand office block above the ที่ line
        cands = [i for i in zone if i < head and i not in h.used]
    _issuer(lines, cands, h, notes, trailing)
    urgent_by_glyphs(h, notes)
    return h


# ``ที่ลป ๐๐๒๓.๔/๓๕๐๕``: the label glued to a known prefix (no space between).
_GLUED_LABEL = re.compile(rf"^\W{{0,3}}ท[ี]?[่]?(?=(?:{'|'.join(lexicon.AGENCY_PREFIXES)})\s?[0-9๐-๙]{{4,}}[0-9๐-๙.:]*\s?/)")


def _number_start(text: str) -> int | None:
    """Where the letter's number starts on its ที่ line (``lines.docno_line``),
    also when OCR glued the label to the prefix.

    >>> _number_start("ที่ลป ๐๐๒๓.๔/๓๕๐๕/ ศาลากลางจังหวัดลำปาง")
    3
    """
    at = docno_line(text)
    if at is None and (m := _GLUED_LABEL.match(text)) is not None:
        return m.end()
    return at


def _number_line(lines: list[Line], zone: list[int], head: int, h: Header) -> int:
    """The ที่ line: the head, or (when the splitter fell back to another
    line because OCR glued the label to the prefix) the glued one below it."""
    if docno_line(lines[head].text) is not None:
        return head
    glued = [i for i in zone if i >= head and i not in h.used and _GLUED_LABEL.match(lines[i].text)]
    return glued[0] if glued else head


def _trailing(text: str, start_at: int, doc: DocNoHit) -> str:
    """Text after the number on the ที่ line: the office block, when OCR joined them."""
    rest = text[start_at:]
    pos = rest.find(doc.raw)
    return rest[pos + len(doc.raw) :].strip() if pos >= 0 else ""


def _memo_header(lines: list[Line], zone: list[int], head: int, h: Header, notes: Notes, window) -> None:
    """บันทึกข้อความ / ส่วนราชการ <unit> (may wrap) / ที่ <number> วันที่ <date>
    (OCR may run the lines together, or the heading into the unit)."""
    h.used.add(head)
    unit: list[str] | None = None
    for i in (i for i in zone if i >= head):
        text = lines[i].text
        at = docno_line(text, anywhere=True)
        if at is None and h.doc is None and i > head:
            at = _memo_bare_number(text)
        lab = label_of(text, ("ส่วนราชการ",)) or _label_inside(text, "ส่วนราชการ")
        if lab is not None and unit is None:
            unit = [text[lab[1] : at if at and at > lab[1] else len(text)]]
            h.used.add(i)
        elif unit is not None and at is None and h.doc is None and i > head:
            unit.append(text)  # the unit's wrapped second line, above ที่
            h.used.add(i)
        if at is not None and h.doc is None:
            h.used.add(i)
            _memo_number_and_date(text, at, h, notes, window)
    if unit is not None:
        joined = join_wrapped([u.strip() for u in unit[:3]])
        h.issuer = re.split(r"\s(?:โทร|โทรศัพท์)|\sท[ี]?[่]?$", joined)[0].strip() or None
    if h.issuer is None:
        notes.unreadable("issuer", "memo: ส่วนราชการ not readable")
    if h.doc is None and h.date_hit is None and "date" not in notes.confidence:
        _memo_date_alone(lines, [i for i in zone if i > head], h, notes, window)


# A memo's number line whose ที่ OCR lost or garbled: a speck, a prefix (maybe
# garbled), a five-digit LAO code, a slash; and its วันที่ later on the line.
# With วันที่ garbled too (``ศก ๗๒๒๔๖/๕๓๘ JUN ๓``), a known province prefix
# must start the line instead.
_MEMO_BARE = re.compile(
    r"^\s*(?:\S{1,3}\s+)?(?=[^\s0-9๐-๙]{1,4}\s*[0-9๐-๙]{5}\s*/\s*[0-9๐-๙].*ันท"
    rf"|(?:{'|'.join(lexicon.PROVINCE_PREFIXES)})\s?[0-9๐-๙]{{5}}\s?/\s?[0-9๐-๙]{{1,5}}(?![0-9๐-๙/]))")


def _memo_date_alone(lines: list[Line], below: list[int], h: Header, notes: Notes, window) -> None:
    """A memo whose number line OCR spoilt past finding (``it ศก ๗๖๕๑๑/ ซ่๘๐
    วันที่ ๑๗ พ.ย. ๖๖``): the one date between its heading and เรื่อง is its
    date (a memo prints nothing else dated there)."""
    for i in below:
        hits = [x for x in find_dates(lines[i].text) if x.date is not None]
        if hits:
            h.used.add(i)
            _take_date(hits[0], h, notes, window)
            return
    notes.unreadable("date", "memo: ที่ ... วันที่ line not readable")


def _memo_bare_number(text: str) -> int | None:
    """Where the number starts on a memo line like ``ชร ๗๒๔๘๗/๒๔๘ วันที ๒๙ ส.ค. ๖๗``."""
    m = _MEMO_BARE.match(text)
    return m.end() if m else None


def _label_inside(text: str, label: str) -> tuple[str, int, float] | None:
    pos = text.find(label)
    return (label, pos + len(label), 0.8) if pos > 0 else None


def _memo_number_and_date(text: str, at: int, h: Header, notes: Notes, window) -> None:
    h.doc = read_doc_no(text[at:]) or read_doc_no_loose(text[at:])
    tail = text[at + (text[at:].find(h.doc.raw) + len(h.doc.raw) if h.doc else 0) :]
    hits = find_dates(tail)
    if hits:
        _take_date(hits[0], h, notes, window)
    else:
        notes.unreadable("date", f"memo date not readable: {collapse(tail)!r}")
