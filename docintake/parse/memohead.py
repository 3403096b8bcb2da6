"""A memo's header (บันทึกข้อความ): ``ส่วนราชการ`` and its unit (the
issuer, maybe wrapped), then ``ที่ <number> วันที่ <date>`` on one line,
which OCR may run together, garble or spoil past finding. Pure.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docintake.parse.dateline import take_date
from docintake.parse.docno import DocNoHit, read_doc_no, read_doc_no_loose
from docintake.parse.gluedigit import CONFIDENCE as GLUED_CONFIDENCE, drop_glued_digit
from docintake.parse.lines import Line, collapse, docno_line, join_wrapped, label_of, marked
from docintake.parse.notes import Notes
from docintake.parse.partial import prefixless_number
from docintake.parse.thaidate import find_dates
from docintake.text import lexicon

if TYPE_CHECKING:  # header imports this module: the type only, to avoid a cycle
    from docintake.parse.header import Header

__all__ = ["memo_header"]


def memo_header(lines: list[Line], zone: list[int], head: int, h: Header, notes: Notes, window) -> None:
    """บันทึกข้อความ / ส่วนราชการ <unit> (may wrap) / ที่ <number> วันที่ <date>
    (OCR may run the lines together, or the heading into the unit)."""
    h.used.add(head)
    unit: list[str] | None = None
    for i in (i for i in zone if i >= head):
        text, glued = drop_glued_digit(lines[i].text)
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
            below = next((j for j in zone if j > i and lines[j].text.strip()), None)
            if _memo_number_and_date(text, at, h, notes, window, lines[below].text if below is not None else ""):
                h.used.add(below)
            if glued and h.doc is not None:  # the number was read only once the debris was dropped
                h.doc.confidence = min(h.doc.confidence, GLUED_CONFIDENCE)
                notes.warn("doc_no_corrected", "doc_no", glued)
    if unit is not None:
        joined = join_wrapped([u.strip() for u in unit[:3]])
        h.issuer = re.split(r"\s(?:โทร|โทรศัพท์)|\sท[ี]?[่]?$", joined)[0].strip() or None
    if h.issuer is None:
        notes.unreadable("issuer", "memo: ส่วนราชการ not readable")
    if h.doc is None and h.date_hit is None and "date" not in notes.confidence:
        _memo_date_alone(lines, [i for i in zone if i > head], h, notes, window)


# A memo's number line whose ที่ OCR lost or garbled: a speck or two (``๑ i``,
# ``.ฑที่``: debris glued to the label), a prefix (maybe garbled), a five-digit
# LAO code (maybe with a speck read as a dot: ``codecheck.stray_dot``), a slash
# (maybe with a leader dot after it);
# and its วันที่ later on the line.
# With วันที่ garbled too (``ศก ๗๒๒๔๖/๕๓๘ JUN ๓``), a known province prefix
# must start the line instead (its code may hold a speck read as a space then:
# ``บร ๗๕๙๑ ๐/๕๒๗ วนท``, seed 138); so too when the slash is lost (``อบ ๗๘๐๘๙ ๓๘๐
# จันที่``: slashlost.split_lost leaves that number unread, its date is still read),
# or lost with no space left, code and running number glued (``พช ๗๕๐๕๗๓๕๓
# TUN ๑๖ ธ.ค.``: slashlost.glued_lost). A whole number ending its line, its
# วันที่ wrapped onto the next (``A as ๗๒๗๓๙/๕๘๘``, seed 135), is one too: a
# unit's name has no such number.
_DAY = "[ัิ]นท"  # วันที่'s middle, its ั also read ิ (``วินที่``, seed 49)
_LEADER = f"[{re.escape(lexicon.LEADER_DOTS)}]?"  # ``/.๔๖๗``: a dot of the hand's leader line (docno)
# A prefix written by hand read as Latin with a digit among the letters (``U8`` for ชย, seed 65).
_LATIN_PREFIX = "[A-Za-z][A-Za-z0-9]{1,2}"
# A province's prefix, a stray mark OCR hung on one of its letters allowed (``ชุม`` for ชม, seed 84).
_PROVINCE = marked(lexicon.PROVINCE_PREFIXES)
_MEMO_BARE = re.compile(
    rf"^\s*(?:\S{{1,5}}\s+){{0,2}}?(?=(?:[^\s0-9๐-๙]{{1,4}}|{_LATIN_PREFIX})\s*(?:[0-9๐-๙]\.?){{5}}\s*/\s*{_LEADER}[0-9๐-๙].*{_DAY}"
    rf"|(?:[^\s0-9๐-๙]{{1,4}}|{_LATIN_PREFIX})\s*[0-9๐-๙]{{5}}\s?/\s?[0-9๐-๙]{{1,5}}\s*$"
    rf"|(?:{_PROVINCE})\s?(?:[0-9๐-๙][.\s]?){{5}}\s?/\s?{_LEADER}[0-9๐-๙]{{1,5}}(?![0-9๐-๙/])"
    rf"|(?:{_PROVINCE})\s?[0-9๐-๙]{{5}}\s[0-9๐-๙]{{1,5}}\s\S{{0,3}}{_DAY}"
    rf"|(?:{_PROVINCE})\s?[1-9๑-๙][0-9๐-๙]{{5,9}}(?![0-9๐-๙/]|\.[0-9๐-๙]))")


def _memo_date_alone(lines: list[Line], below: list[int], h: Header, notes: Notes, window) -> None:
    """A memo whose number line OCR spoilt past finding (``it ศก ๗๖๕๑๑/ ซ่๘๐
    วันที่ ๑๗ พ.ย. ๖๖``): the one date between its heading and เรื่อง is its
    date (a memo prints nothing else dated there)."""
    for i in below:
        hits = [x for x in find_dates(lines[i].text) if x.date is not None]
        if hits:
            h.used.add(i)
            take_date(hits[0], h, notes, window)
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
    """``label`` further along the line (OCR ran the heading into it), as
    ``lines.label_of`` returns it: at lower confidence."""
    pos = text.find(label)
    return (label, pos + len(label), 0.8) if pos > 0 else None


def _memo_number_and_date(text: str, at: int, h: Header, notes: Notes, window, below: str = "") -> bool:
    """The number from ``text[at:]`` (``h.doc``), then the first date after it;
    a date whose month and year OCR put on the next line (``... วันที่ ๘`` over
    ``ธ.ค..๖๘``, seed 48) is read across both. True when ``below`` was used."""
    h.doc = read_doc_no(text[at:]) or read_doc_no_loose(text[at:]) or prefixless_number(text[at:])
    tail = text[at + (text[at:].find(h.doc.raw) + len(h.doc.raw) if h.doc else 0) :]
    hits = find_dates(tail)
    if hits:
        take_date(hits[0], h, notes, window)
        return False
    _day_or_digit(h.doc, tail)
    across = [x for x in find_dates(f"{tail} {below}") if x.start < len(tail) < x.end]
    if across and _date_only_line(below, across[0].end - len(tail) - 1):
        take_date(across[0], h, notes, window)
        return True
    if not tail.strip() and (wrapped := _wrapped_date(below)) is not None:
        take_date(wrapped, h, notes, window)
        return True
    notes.unreadable("date", f"memo date not readable: {collapse(tail)!r}")
    return False


def _day_or_digit(hit: DocNoHit | None, tail: str) -> None:
    """A running number joined across a space on a memo's number line whose
    date OCR garbled after it (``/๕๒๒ ๓ WALDO๗``, seed 67: วันที่ lost, ๓ is the
    day): the last group may be the date's day as well as a digit of the
    number, so it is left unread with both readings."""
    if hit is None or hit.canonical is None or not hit.running or not tail.strip():
        return
    groups = hit.raw.rsplit("/", 1)[-1].split()
    if len(groups) < 2 or len(groups[-1]) > 2:
        return
    base = hit.canonical[: len(hit.canonical) - len(hit.running)]
    hit.candidates = [base + hit.running[: -len(groups[-1])], hit.canonical]
    hit.problems.append("split_or_debris")
    hit.canonical = None


def _wrapped_date(below: str):
    """The date of a line that is ``วันที่ <date>`` alone: a number line ending at
    its number wrapped its date label there (seed 135)."""
    label = label_of(below, ("วันที่",))
    hits = [x for x in find_dates(below) if x.date is not None] if label else []
    return hits[0] if hits and _date_only_line(below, hits[0].end) else None


def _date_only_line(text: str, used: int) -> bool:
    """Nothing but specks on ``text`` past its first ``used`` characters (the date's end)."""
    return not re.search("[ก-ฮ]{2}", text[used:])
