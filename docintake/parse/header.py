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
from docintake.parse.dateline import date_line
from docintake.parse.docno import DocNoHit
from docintake.parse.issuer import read_issuer, stamp_office
from docintake.parse.lines import Line, is_memo_head, label_of
from docintake.parse.memohead import memo_header
from docintake.parse.notes import Notes
from docintake.parse.numberline import read_number_line
from docintake.parse.receipt import read_stamp, settle_stamp
from docintake.parse.thaidate import DateHit
from docintake.parse.urgency import read_urgency, urgent_by_glyphs


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


def parse_header(lines: list[Line], start: int, head: int, subject: int, *, first: bool,
                 window: tuple[dt.date, dt.date] | None, notes: Notes) -> Header:
    zone = [i for i in range(start, subject) if lines[i].text.strip()]
    memo_at = _memo_start(lines, zone, head)
    h = Header(memo=memo_at is not None)
    stamp = read_stamp(lines, zone, head, h.used, notes) if first else None
    read_urgency(lines, zone, h, notes)
    if memo_at is not None:
        if memo_at != head:
            notes.warn("memo_by_unit_label", "kind", f"{lines[memo_at].text.strip()[:40]!r}: the บันทึกข้อความ "
                                                     "heading was not readable; the ส่วนราชการ label makes it a memo")
        memo_header(lines, zone, memo_at, h, notes, window)
    else:
        _letterhead(lines, zone, head, subject, h, notes, window)
    urgent_by_glyphs(h, notes)
    if stamp is not None:  # its date is read against the letter's own
        h.receipt = settle_stamp(stamp, h.date_hit.date if h.date_hit else None, notes)
    return h


def _memo_start(lines: list[Line], zone: list[int], head: int) -> int | None:
    """Where a memo's header starts: its heading, or the ส่วนราชการ line right
    above the ที่ line when OCR garbled the heading past reading
    (``Yurvinvanry``, seed 27): no letterhead prints that label."""
    if is_memo_head(lines[head].text):
        return head
    for i in [i for i in zone if i <= head][-2:-1]:
        lab = label_of(lines[i].text, ("ส่วนราชการ",))
        if lab is not None and lab[2] >= 0.75:
            return i
    return None


def _letterhead(lines: list[Line], zone: list[int], head: int, subject: int, h: Header, notes: Notes,
                window) -> None:
    """ที่ and the number (``numberline``), the date line (``dateline``), the
    issuing office and its address (``issuer``)."""
    head, after, trailing, number_line = read_number_line(lines, zone, head, h)
    right_above = [i for i in zone if i < head and i not in h.used][-1:]  # the date, when OCR read it first
    date_line(lines, [i for i in after if i not in h.used], h, notes, window, right_above[0] if right_above else None)
    date_idx = max((i for i in h.used if i > head), default=subject)
    cands = [i for i in after if i < date_idx]
    above = [i for i in zone if i < head and i not in h.used and not stamp_office(lines, zone, i)]
    if not number_line and label_of(lines[head].text, ("ที่",)) is not None:
        number_line = lines[head].text  # its number unread (or read from elsewhere): the office may follow
    lettered = [i for i in above if re.search("[ก-ฮ]", lines[i].text)]  # a speck alone on a line is no office
    read_issuer(lines, cands or above, h, notes, trailing, number_line, lettered[-1:] if cands else [])
