"""The receipt stamp (ตรารับ): the receiving office's name, then ``เลขรับ``,
``วันที่`` and ``เวลา`` with their values written in by hand, top right of a
bundle's first page. OCR damages these values most, and merges the stamp's
lines with the urgency stamp or the emblem on the same text line.

Read in two steps (pure): ``read_stamp`` finds the stamp's lines and values
above the ``ที่`` line; ``settle_stamp`` reads its date once the letter's own
date is known (``stampdate``: a letter is received on or after its date,
within weeks). A value the stamp does not settle stays None with a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from docintake.models import ReceiptStamp
from docintake.parse.lines import Line, collapse, docno_line, is_memo_head
from docintake.parse.notes import Notes
from docintake.parse.stampdate import LATE, holds_date, stamp_date, stamp_readings
from docintake.parse.thaiyear import ERA_FLOOR
from docintake.text import lexicon
from docintake.text.fuzzy import key, match_label, starts_with_any
from docintake.text.normalize import digit_scripts, thai_to_arabic_digits

# Hours a receiving office stamps letters in (government offices open 08.30 to
# 16.30): a time outside them (๐๕.๑๕ for ๐๙.๑๕) has a misread hour digit.
OFFICE_HOURS = (7, 18)
STAMP_LINES = 6  # lines a stamp spans below its first label, at most


def _loose(word: str) -> str:
    """A regex for ``word`` that tolerates tone marks dropped or added by OCR."""
    marks = "[\u0e47-\u0e4e]?"
    return "".join(marks if ch in "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d" else re.escape(ch) + marks
                   for ch in word)


# Labels, found anywhere on a line (OCR merges the stamp with what stands
# beside it). วันที่ in Latin look-alikes (Tun) counts only before a day.
LABELS = re.compile(
    rf"(?P<number>{_loose('เลขรับ')}|{_loose('เลขที่รับ')}|{_loose('รับที่')})"
    rf"|(?P<date>วันท[ี]?[่]?(?!\S*ว่าการ)|(?<![A-Za-z])(?i:{'|'.join(lexicon.DATE_LABEL_LATIN)})(?=\s*[0-9๐-๙]))"
    rf"|(?P<time>{_loose('เวลา')})"
)
_URGENT_BY = key(lexicon.URGENT_BY)


@dataclass
class Stamp:
    """What the stamp's lines hold before the letter's date is known."""

    receipt: ReceiptStamp
    date_text: str | None = None  # the text after วันที่, or the stamp's unlabelled date line


def stamp_zone(lines: list[Line], zone: list[int], head: int) -> list[int]:
    """The letterhead lines the stamp may stand on: those down to the ``ที่``
    line (a memo's heading), and past ``head`` when the splitter took a stamp
    line for it (a ที่ line whose number lost its slash is not found)."""
    upto = [i for i in zone if i <= head]
    if _is_number_line(lines[head].text) or is_memo_head(lines[head].text):
        return upto
    below = [i for i in zone if i > head][:STAMP_LINES]
    stop = next((k for k, i in enumerate(below) if _is_number_line(lines[i].text)), len(below))
    return upto + below[:stop]


def _is_number_line(text: str) -> bool:
    return docno_line(text) is not None or match_label(text, ("ที่",)) is not None


def _fields(lines: list[Line], zone: list[int], head: int) -> dict[str, tuple[int, str]]:
    """label -> (line index, the text after the label up to the next label);
    on the ที่ line only the text before ที่ (OCR may join them). A ด่วนภายใน
    line is the urgency stamp's, and its เวลา is the deadline's."""
    found: dict[str, tuple[int, str]] = {}
    for i in zone:
        text = lines[i].text
        if key(text.lstrip(" .,:;|'\"“”")).startswith(_URGENT_BY):
            continue
        if i == head and (at := docno_line(text)) is not None:
            text = text[: max(0, at - 4)]
        ms = list(LABELS.finditer(text))
        for k, m in enumerate(ms):
            name = m.lastgroup
            if name in found or (name == "date" and text[: m.start()].rstrip().endswith("ลง")):
                continue
            stop = ms[k + 1].start() if k + 1 < len(ms) else len(text)
            found[name] = (i, text[m.end() : stop])
    return found


def read_stamp(lines: list[Line], zone: list[int], head: int, used: set[int], notes: Notes) -> Stamp | None:
    """The stamp's office, number and time, and its date's text (read by
    ``settle_stamp``); None when the page carries no stamp."""
    zone = stamp_zone(lines, zone, head)
    found = _fields(lines, zone, head)
    if "number" not in found and len(found) < 2:
        return None
    stamp = Stamp(ReceiptStamp())
    if "number" in found:
        stamp.receipt.number = stamp_number(found["number"][1]) or _number_beside(lines, zone, found["number"][0], notes)
    after = found["number"][0] if "number" in found else min(i for i, _ in found.values())
    unlabelled = _unlabelled_lines(lines, zone, after, found)
    if "date" in found:
        stamp.date_text = found["date"][1]
    elif unlabelled.get("date") is not None:
        found["date"] = unlabelled["date"]
        stamp.date_text = found["date"][1]
    if "time" not in found and unlabelled.get("time") is not None:
        found["time"] = unlabelled["time"]
    if "time" in found:
        stamp.receipt.time = _time(found["time"][1], notes)
    if stamp.receipt.number is None:
        notes.warn("unreadable", "receipt.number", "receipt stamp: number not readable")
    first = min(i for i, _ in found.values())
    used.update(i for i, _ in found.values())
    stamp.receipt.office = _office(lines, zone, first, used)
    if stamp.receipt.office is None:
        notes.warn("unreadable", "receipt.office", "receipt stamp: receiving office not readable")
    return stamp


# ------------------------------------------------------------------ number

# A line that holds nothing but a number (and specks): the value written
# beside เลขรับ, which OCR may set on a line of its own (seed 13: ``1362``
# over ``เลขรับ``).
_LONE_NUMBER = re.compile(r"[\s.,:;'\"“”|]*(?P<n>[0-9๐-๙]{1,6})[\s.,:;'\"“”|]*")


def _number_beside(lines: list[Line], zone: list[int], at: int, notes: Notes) -> str | None:
    """The number on a line of its own right above or below an empty เลขรับ."""
    for j in (at - 1, at + 1):
        m = _LONE_NUMBER.fullmatch(lines[j].text) if j in zone else None
        if m:
            notes.warn("receipt_number_beside_label", "receipt.number",
                       f"receipt stamp: {m['n']!r} read from the line {'above' if j < at else 'below'} เลขรับ")
            return thai_to_arabic_digits(m["n"])
    return None


_NUMBER = re.compile(r"[0-9๐-๙](?:[0-9๐-๙/ ]|[.,](?=[0-9๐-๙]))*")


def stamp_number(text: str) -> str | None:
    """The เลขรับ value: digits OCR split by spaces or a speck (``๖๔,๘``)
    joined; a lone digit of the other script after a space is a speck
    (``๔๗ 7``: this OCR reads dirt as 7).

    >>> stamp_number(" . ๑๔๐๐"), stamp_number("๖๔,๘ ."), stamp_number("๔๗ 7"), stamp_number("1 652")
    ('1400', '648', '47', '1652')
    """
    m = _NUMBER.search(text)
    if m is None:
        return None
    raw = m.group(0).rstrip(" /")
    parts = raw.split(" ")
    if len(parts) > 1 and len(parts[-1]) == 1 and digit_scripts(parts[-1]) != digit_scripts("".join(parts[:-1])):
        raw = " ".join(parts[:-1])
    return re.sub(r"[ .,]", "", thai_to_arabic_digits(raw)).strip("/") or None


# -------------------------------------------------------------------- time

# HH.MM with the dot read as specks (``๐๓/.๕๐``, ``๑๕,.๓๐``), lost to a space
# (``๑๔ ๐๕``) or lost (``1105``); right after the label and its specks.
_TIME = re.compile(r"[\s.:;,'\"“”|]*(?:(?P<h>\d{1,2})\s*[.:,/]{1,3}\s*(?P<m>\d{2})"
                   r"|(?P<h2>\d{1,2})\s(?P<m2>\d{2})|(?P<h3>\d{2})(?P<m3>\d{2}))(?!\d)")


def stamp_time(text: str) -> tuple[str | None, str | None]:
    """(HH.MM, None), or (None, the reading outside office hours) for a
    caller to warn about; (None, None) when no time is there.

    >>> stamp_time(" ๑๔ ๐๕"), stamp_time(":๑๐.๑๐ หน."), stamp_time(" 1105"), stamp_time(" ๐๕.๑๕")
    (('14.05', None), ('10.10', None), ('11.05', None), (None, '05.15'))
    >>> stamp_time(" 162"), stamp_time(" ๑๑9.๓๐ น.")
    ((None, None), (None, None))
    """
    m = _TIME.match(thai_to_arabic_digits(text))
    if m is None:
        return None, None
    h, mm = (int(m[g]) for g in next(p for p in (("h", "m"), ("h2", "m2"), ("h3", "m3")) if m[p[0]]))
    if h > 23 or mm > 59:
        return None, None
    value = f"{h:02d}.{mm:02d}"
    return (value, None) if OFFICE_HOURS[0] <= h <= OFFICE_HOURS[1] else (None, value)


def _time(text: str, notes: Notes) -> str | None:
    value, odd = stamp_time(text)
    if odd is not None:
        notes.warn("unreadable", "receipt.time", f"receipt stamp: time read as {odd}, outside office hours: "
                                                 "an hour digit is misread")
    return value


# -------------------------------------------------- lines that lost their label

# A stamp line whose label OCR spoilt (``ar. 11 00 น.``, ``$907 09.30``): up
# to five characters of debris, then a time.
_BARE_TIME = re.compile(r"^\S{1,5}\s+(?=[0-9๐-๙])")


def _unlabelled_lines(lines: list[Line], zone: list[int], after: int,
                      found: dict[str, tuple[int, str]]) -> dict[str, tuple[int, str] | None]:
    """The stamp's date and time lines whose labels OCR lost: the date is the
    line below เลขรับ (above เวลา) that holds a day and a month; the time a
    line below it that holds only debris and a time."""
    taken = {i for i, _ in found.values()}
    below = [i for i in zone if i > after and i not in taken][:3]
    if "time" in found:
        below = [i for i in below if i < found["time"][0]]
    out: dict[str, tuple[int, str] | None] = {"date": None, "time": None}
    for i in below:
        text = lines[i].text
        if key(text).startswith(_URGENT_BY):
            continue
        if out["date"] is None and "date" not in found and holds_date(text):
            out["date"] = (i, text)
        elif (m := _BARE_TIME.match(text)) and stamp_time(text[m.end():]) != (None, None):
            out["time"] = (i, text[m.end():])
    return out


# -------------------------------------------------------------------- date

def settle_stamp(stamp: Stamp, own: dt.date | None, notes: Notes) -> ReceiptStamp:
    """The stamp with its date read against ``own``, the letter's date (None
    when unread, or of another era, i.e. misread itself: not leaned on)."""
    rec = stamp.receipt
    own = own if own is not None and own.year >= ERA_FLOOR else None
    date, why = stamp_date(stamp.date_text or "", own)
    rec.date = date
    rec.readings = stamp_readings(stamp.date_text or "", own) if date is None else []
    text = collapse(stamp.date_text or "")
    if date is None:
        notes.warn("unreadable", "receipt.date", f"receipt stamp: date not readable{': ' + why if why else ''}"
                                                 f"{f' ({text!r})' if text else ''}")
    elif why:
        code = "receipt_date_implausible" if why.startswith(LATE) else "receipt_date_repaired"
        notes.warn(code, "receipt.date", f"receipt stamp date {text!r} read as {date.isoformat()}: {why}")
    notes.conf("receipt", 1.0 if rec.number and date and not why else 0.5)
    return rec


# ------------------------------------------------------------------ office

_SHORT_OFFICE = re.compile("^(?:" + "|".join(re.escape(f) for f in lexicon.OFFICE_SHORT_FORMS) + r")\s?[ก-๎]")


def office_like(text: str) -> bool:
    """An office name: a known opening word, an LAO word, or a short form (อ.เมือง, อบต.นาดี)."""
    t = text.strip()
    return (starts_with_any(t, lexicon.OFFICE_STARTS) is not None or bool(_SHORT_OFFICE.match(t))
            or any(w in t for w in lexicon.OFFICE_WORDS))


def _office(lines: list[Line], zone: list[int], first: int, used: set[int]) -> str | None:
    """The stamp's first line: an office name above (or before) the first label."""
    m = LABELS.search(lines[first].text)
    head = lines[first].text[: m.start()].strip() if m else ""
    if head and (name := office_name(head)) is not None:
        return name
    above = [i for i in zone if i < first][-1:]
    if above and (name := office_name(lines[above[0]].text)) is not None:
        used.add(above[0])
        return name
    return None


_SHORT_FORM_GAP = re.compile("(" + "|".join(re.escape(f[:-1]) for f in lexicon.OFFICE_SHORT_FORMS if len(f) > 2)
                             + r")\s+\.\s*")
_OFFICE_AT = re.compile("|".join(re.escape(f) for f in (*lexicon.OFFICE_STARTS, *lexicon.OFFICE_SHORT_FORMS[2:])))
MAX_DEBRIS = 4  # characters of emblem or frame debris OCR puts before the office's name


def office_name(text: str) -> str | None:
    """The office a stamp line names, without the debris OCR read around it:
    specks, a lone letter (``ลู อบต.นาแก``, ``ไองค์การ...``), a space before a
    short form's dot (``อบต .ทุ่งใหญ่``); None when the line names no office.

    >>> office_name("ลู อบต.นาแก"), office_name("ไองค์การบริหารส่วนตำบลโนนสำราญ"), office_name("อบต .ทุ่งใหญ่")
    ('อบต.นาแก', 'องค์การบริหารส่วนตำบลโนนสำราญ', 'อบต.ทุ่งใหญ่')
    """
    t = _SHORT_FORM_GAP.sub(r"\1.", _strip_specks(text))
    m = _OFFICE_AT.search(t)
    if m is not None and 0 < m.start() <= MAX_DEBRIS and not office_like(t[: m.start()]):
        t = t[m.start():]
    return collapse(t) if t and office_like(t) else None


def _strip_specks(text: str) -> str:
    """Drop the OCR specks (quotes, colons, single letters) around a stamp line."""
    return re.sub(r"^[\W\d_a-zA-Z]{1,3}\s+|\s+[\W_]{1,3}$", "", text.strip())
