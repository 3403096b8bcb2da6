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
from docintake.parse.daterepair import check_weekday
from docintake.parse.docno import DocNoHit, read_doc_no, read_doc_no_loose
from docintake.parse.lines import Line, collapse, docno_line, is_memo_head, join_wrapped, label_of
from docintake.parse.misreads import weekday_warning
from docintake.parse.notes import Notes
from docintake.parse.office import Office, find_office, tidy
from docintake.parse.junkprefix import junk_prefix_line
from docintake.parse.partial import prefixless_number
from docintake.parse.receipt import LABELS as STAMP_LABELS, office_like, read_stamp, settle_stamp
from docintake.parse.slashlost import split_lost
from docintake.parse.thaidate import DateHit, find_dates, find_time, month_number
from docintake.parse.urgency import read_urgency, urgent_by_glyphs
from docintake.text import lexicon
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
        warning = weekday_warning(p, hit, "date")
        if warning is not None:
            notes.warn(*warning)
        elif p.startswith("month_repaired"):
            notes.warn("month_repaired", "date", f"{hit.raw!r}: month {p.split(':', 1)[1]!r} read as "
                                                 f"{hit.date.month} (OCR-damaged name)")


def _issuer(lines: list[Line], cands: list[int], h: Header, notes: Notes, trailing: str,
            number_line: str = "", above: list[int] = ()) -> None:
    """First office-like line after the head; the following lines are the address."""
    office_lines = [i for i in cands if i not in h.used]
    on_number = find_office(number_line) if number_line else None
    if on_number is not None:  # after the number, through debris and misread letters
        _take_office(on_number, h, notes)
        addr = office_lines
    elif trailing and office_like(trailing):
        h.issuer = tidy(collapse(trailing)) or collapse(trailing)
        addr = office_lines
    else:
        first = next((k for k, i in enumerate(office_lines) if _office_line(lines[i].text)), None)
        if first is None and above and _office_line(lines[above[-1]].text):
            office_lines, first = [above[-1], *office_lines], 0  # OCR ordered the office block above ที่
        if first is None:
            notes.unreadable("issuer", "issuing office not readable in the letterhead")
            return
        text = lines[office_lines[first]].text
        if office_like(text):
            h.issuer = tidy(collapse(text)) or collapse(text)
        else:
            _take_office(find_office(text, _debris_tokens(text)), h, notes)
        addr = office_lines[first + 1 :]
    h.address = collapse(" ".join(lines[i].text for i in addr)) or None
    notes.conf("issuer", 1.0)


# The address under the office ends with its postcode (``ถนนนครราชสีมา เขตดุสิต กทม. ๑๐๓๐๐``):
# never the office, though it may hold an office word (เทศบาล, กทม.).
_POSTCODE_END = re.compile(r"[0-9๐-๙]{5}\W*$")


def _office_line(text: str) -> bool:
    """An office's own line: as printed, or with a speck before it or letters misread."""
    if _POSTCODE_END.search(text.strip()):
        return False
    return office_like(text) or find_office(text, _debris_tokens(text)) is not None


def _debris_tokens(text: str) -> int:
    """Tokens that may stand before the office: a speck on its own line; the label
    and the number's parts on a ที่ line whose number was read elsewhere or not at all."""
    return 8 if label_of(text, ("ที่",)) is not None or _NUMBERISH.search(text) else 1


# A document number's prefix and office code (``อด ๐๐๒๓.๗``), whatever OCR made of the label before it.
_NUMBERISH = re.compile(rf"(?:{'|'.join(lexicon.AGENCY_PREFIXES)})\.?\s?[0-9๐-๙]{{4}}[.:]?\s?[0-9๐-๙]")


def _take_office(office: Office, h: Header, notes: Notes) -> None:
    h.issuer = office.name
    if office.mended:
        notes.warn("issuer_mended", "issuer", f"{office.read!r} read as {office.name!r} "
                                              f"(office's opening words: {office.mended})")
        notes.conf("issuer", 0.8)


def parse_header(lines: list[Line], start: int, head: int, subject: int, *, first: bool,
                 window: tuple[dt.date, dt.date] | None, notes: Notes) -> Header:
    h = Header(memo=is_memo_head(lines[head].text))
    zone = [i for i in range(start, subject) if lines[i].text.strip()]
    stamp = read_stamp(lines, zone, head, h.used, notes) if first else None
    read_urgency(lines, zone, h, notes)
    if h.memo:
        _memo_header(lines, zone, head, h, notes, window)
    else:
        _letterhead(lines, zone, head, subject, h, notes, window)
    urgent_by_glyphs(h, notes)
    if stamp is not None:  # its date is read against the letter's own
        h.receipt = settle_stamp(stamp, h.date_hit.date if h.date_hit else None, notes)
    return h


def _letterhead(lines: list[Line], zone: list[int], head: int, subject: int, h: Header, notes: Notes,
                window) -> None:
    """ที่ and the number, the date line, the issuing office and its address."""
    head = _number_line(lines, zone, head, h)
    after = [i for i in zone if i > head and i not in h.used]
    trailing = number_line = ""
    start_at = _number_start(lines[head].text)
    if start_at is not None:
        h.used.add(head)
        number_line = lines[head].text
        h.doc = _read_docno(lines, head, start_at, after[0] if after else None)
        if h.doc is not None:
            trailing = _trailing(lines[head].text, start_at, h.doc)
            if h.doc.raw and h.doc.raw not in lines[head].text and after:
                h.used.add(after[0])
    if h.doc is None and (bare := _unlabelled_number(lines, zone, h)) is not None:
        trailing = _trailing(lines[bare].text, 0, h.doc) if h.doc else ""
        number_line = lines[bare].text
        after = [i for i in after if i != bare]
    if h.doc is None and (lost := _slash_lost_line(lines, zone, h)) is not None:
        trailing = _trailing(lines[lost[0]].text, lost[1], h.doc)
        number_line = lines[lost[0]].text
        after = [i for i in after if i != lost[0]]
    if h.doc is None and (junk := junk_prefix_line([lines[i].text for i in zone])) is not None:
        k, h.doc = junk
        h.used.add(zone[k])
        trailing = _trailing(lines[zone[k]].text, 0, h.doc).lstrip(".,:;' ")  # a speck before the office
        number_line = lines[zone[k]].text
        after = [i for i in after if i != zone[k]]
    _date_line(lines, [i for i in after if i not in h.used], h, notes, window)
    date_idx = max((i for i in h.used if i > head), default=subject)
    cands = [i for i in after if i < date_idx]
    above = [i for i in zone if i < head and i not in h.used and not _stamp_office(lines, zone, i)]
    if not number_line and label_of(lines[head].text, ("ที่",)) is not None:
        number_line = lines[head].text  # its number unread (or read from elsewhere): the office may follow
    lettered = [i for i in above if re.search("[ก-ฮ]", lines[i].text)]  # a speck alone on a line is no office
    _issuer(lines, cands or above, h, notes, trailing, number_line, lettered[-1:] if cands else [])


def _stamp_office(lines: list[Line], zone: list[int], i: int) -> bool:
    """The receipt stamp's office (the receiving LAO, over its เลขรับ line), never the issuer."""
    below = [k for k in zone if k > i][:1]
    return bool(below) and (m := STAMP_LABELS.match(lines[below[0]].text.strip())) is not None \
        and m.group("number") is not None


# ``ที่ลป ๐๐๒๓.๔/๓๕๐๕``: the label glued to a known prefix (no space between).
_GLUED_LABEL = re.compile(rf"^\W{{0,3}}ท[ี]?[่]?(?=(?:{'|'.join(lexicon.AGENCY_PREFIXES)})\s?[0-9๐-๙]{{4,}}[0-9๐-๙.:]*\s?/)")


def _number_start(text: str) -> int | None:
    """Where the letter's number starts on its ที่ line (``lines.docno_line``),
    also when OCR glued the label to the prefix.

    >>> _number_start("ที่ลป ๐๐๒๓.๔/๓๕๐๕/ ศาลากลางจังหวัดลำปาง")
    3
    >>> _number_start("ทีมค ๐๐๒๓.๑/ว ๕๐๐๑ ศาลากลางจังหวัดมหาสารคาม")
    2
    """
    at = docno_line(text)
    if at in (None, 0) and (m := _GLUED_LABEL.match(text)) is not None:
        return m.end()  # not a bare number whose prefix is "ทีมค"
    return at


# Debris OCR reads from a lost ``ที่`` label: a few non-Thai marks (``Nl``, ``=``).
_LABEL_DEBRIS = re.compile(r"[^ก-๎]{0,4}")


def _unlabelled_number(lines: list[Line], zone: list[int], h: Header) -> int | None:
    """A letterhead whose ``ที่`` OCR lost or left on a line of its own: the one
    line above เรื่อง that opens, after a little debris, with a known prefix
    and a whole number (``Nl พล ๗๖๗๓๕/๘๐๑ สำนักงาน...``, or ``สร ๗๔๓๖๒/๒๙๐``
    read below the office). Nothing else above เรื่อง prints such a number
    (references come after it), so it is the letter's own; two such lines
    cannot be told apart and leave it unread.

    Returns the line's index and sets ``h.doc``, confidence lowered."""
    found = []
    for i in zone:
        hit = read_doc_no(lines[i].text) if i not in h.used else None
        if hit is not None and hit.canonical and hit.prefix in lexicon.AGENCY_PREFIXES \
                and _LABEL_DEBRIS.fullmatch(lines[i].text[: hit.start].strip()):
            found.append((i, hit))
    if len(found) != 1:
        return None
    i, h.doc = found[0]
    h.doc.problems.append("label_lost")
    h.doc.confidence = min(h.doc.confidence, 0.8)
    h.used.add(i)
    return i


def _slash_lost_line(lines: list[Line], zone: list[int], h: Header) -> tuple[int, int] | None:
    """The ที่ line whose number OCR lost its slash on (``ที่ อบ 0023.4 6578
    ศาลากลางจังหวัดอุบลราชธานี``), which ``docno_line`` (a slash) does not
    take: (line index, where the number's text starts), ``h.doc`` set to the
    number, left unread with both readings (``slashlost.split_lost``) for the
    letter's addressee to settle (``wocue``). The label may be lost too, as
    for ``_unlabelled_number``. Only one such line above เรื่อง."""
    found = []
    for i in (i for i in zone if i not in h.used):
        lab = label_of(lines[i].text, ("ที่",))
        at = lab[1] if lab is not None else 0
        hit = split_lost(lines[i].text[at:])
        if hit is not None and _LABEL_DEBRIS.fullmatch(lines[i].text[at:][: hit.start].strip()):
            found.append((i, at, hit))
    if len(found) != 1:
        return None
    i, at, h.doc = found[0]
    h.used.add(i)
    return i, at


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


# A memo's number line whose ที่ OCR lost or garbled: a speck or two (``๑ i``,
# ``.ฑที่``: debris glued to the label), a prefix (maybe garbled), a five-digit
# LAO code (maybe with a speck read as a dot: ``docno._stray_dot``), a slash
# (maybe with a leader dot after it);
# and its วันที่ later on the line.
# With วันที่ garbled too (``ศก ๗๒๒๔๖/๕๓๘ JUN ๓``), a known province prefix
# must start the line instead; so too when the slash is lost (``อบ ๗๘๐๘๙ ๓๘๐
# จันที่``: slashlost.split_lost leaves that number unread, its date is still read),
# or lost with no space left, code and running number glued (``พช ๗๕๐๕๗๓๕๓
# TUN ๑๖ ธ.ค.``: slashlost.glued_lost).
_LEADER = f"[{re.escape(lexicon.LEADER_DOTS)}]?"  # ``/.๔๖๗``: a dot of the hand's leader line (docno)
_MEMO_BARE = re.compile(
    rf"^\s*(?:\S{{1,5}}\s+){{0,2}}?(?=[^\s0-9๐-๙]{{1,4}}\s*(?:[0-9๐-๙]\.?){{5}}\s*/\s*{_LEADER}[0-9๐-๙].*ันท"
    rf"|(?:{'|'.join(lexicon.PROVINCE_PREFIXES)})\s?[0-9๐-๙]{{5}}\s?/\s?{_LEADER}[0-9๐-๙]{{1,5}}(?![0-9๐-๙/])"
    rf"|(?:{'|'.join(lexicon.PROVINCE_PREFIXES)})\s?[0-9๐-๙]{{5}}\s[0-9๐-๙]{{1,5}}\s\S{{0,3}}ันท"
    rf"|(?:{'|'.join(lexicon.PROVINCE_PREFIXES)})\s?[1-9๑-๙][0-9๐-๙]{{5,9}}(?![0-9๐-๙/]|\.[0-9๐-๙]))")


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


# A memo's ที่ glued to a prefix OCR gave a letter too many or misread, then
# an LAO's five-digit code and its slash (``ที่พชณ๗๘๖๔๑/๒๐๙``): the label's
# end is where the number starts (``prefix.letterhead_prefix`` judges the prefix).
_GLUED_MEMO_LABEL = re.compile(r"^\W{0,3}ท[ี]?[่]?(?=[ก-ฮ]{2,3}\s?[0-9๐-๙]{5}\s?/)")


def _memo_bare_number(text: str) -> int | None:
    """Where the number starts on a memo line like ``ชร ๗๒๔๘๗/๒๔๘ วันที ๒๙ ส.ค. ๖๗``,
    ``ที่พชณ๗๘๖๔๑/๒๐๙ วันที่...`` (the label glued to it), or ``๗๒๐๙๑/๑๘๗
    วันที่ ๒๖ ๖๗`` (its prefix lost with the label: ``partial``)."""
    m = _MEMO_BARE.match(text) or _GLUED_MEMO_LABEL.match(text)
    if m is None and (bare := prefixless_number(text)) is not None:
        return bare.start
    return m.end() if m else None


def _label_inside(text: str, label: str) -> tuple[str, int, float] | None:
    pos = text.find(label)
    return (label, pos + len(label), 0.8) if pos > 0 else None


def _memo_number_and_date(text: str, at: int, h: Header, notes: Notes, window) -> None:
    h.doc = read_doc_no(text[at:]) or read_doc_no_loose(text[at:]) or prefixless_number(text[at:])
    tail = text[at + (text[at:].find(h.doc.raw) + len(h.doc.raw) if h.doc else 0) :]
    hits = find_dates(tail)
    if hits:
        _take_date(hits[0], h, notes, window)
    else:
        notes.unreadable("date", f"memo date not readable: {collapse(tail)!r}")
