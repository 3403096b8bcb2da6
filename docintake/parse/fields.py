"""The labelled lines under the letterhead: เรื่อง, เรียน/เสนอ, อ้างถึง,
สิ่งที่ส่งมาด้วย; and where the body starts. The lines of the entries under
อ้างถึง and สิ่งที่ส่งมาด้วย are grouped by entrylines.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docintake.parse.docno import read_doc_no, read_doc_no_loose
from docintake.parse.entries import LETTER_WORD, build_enclosures, build_references  # noqa: F401 (re-exported)
from docintake.parse.entrylines import ENTRY_NUMBER, Entry, entry_continues, new_entry
from docintake.parse.lines import Line, join_wrapped, label_of
from docintake.parse.lostto import LATIN_SPECK, addressee_start, enclosure_start, label_head, unlabelled_addressee
from docintake.parse.notes import Notes
from docintake.parse.terms import mend_terms
from docintake.parse.thaidate import find_dates
from docintake.text import lexicon
from docintake.text.fuzzy import ends_with_any, starts_with_any

FIELD_LABELS = lexicon.FIELD_LABELS
_LETTER = LETTER_WORD  # หนังสือ / สำเนาหนังสือ, marks tolerated


@dataclass
class Fields:
    subject: list[str] = field(default_factory=list)
    to: list[str] = field(default_factory=list)
    to_label: str | None = None
    refs: list[Entry] = field(default_factory=list)
    encl: list[Entry] = field(default_factory=list)
    body_start: int = 0
    label_conf: dict[str, float] = field(default_factory=dict)


def _next_nonempty(lines: list[Line], i: int, end: int) -> int | None:
    for j in range(i + 1, end):
        if lines[j].text.strip():
            return j
    return None


def _text_after(lines: list[Line], i: int, end: int) -> str:
    j = _next_nonempty(lines, i, end)
    return lines[j].text.strip() if j is not None else ""


def parse_fields(lines: list[Line], subject: int, end: int, notes: Notes) -> Fields:
    """Read the labelled fields from the เรื่อง line on; ``body_start`` is the
    first line of the body."""
    f = Fields()
    current: str | None = None
    subject = _addressee_anchor(lines, subject, end)
    i = subject
    if label_of(lines[subject].text.strip(), ("เรื่อง",)) is None \
            and _lookahead_label(lines, subject, end, 1) in ("เรียน", "เสนอ"):
        above = _wrapped_subject_start(lines, subject)
        first = lines[above].text.strip() if above is not None else lines[subject].text.strip()
        _unlabelled_subject(f, first, notes)
        if above is not None and f.subject:
            f.subject.append(lines[subject].text.strip())
        current, i = "เรื่อง", subject + 1
    while i < end:
        text = lines[i].text.strip()
        if text and not _DEBRIS_LINE.match(text) and not label_head(text, _text_after(lines, i, end)):
            lab = _field_label(f, text, lines, i, end)
            if lab is not None and _opens(f, lab[0]):
                f.label_conf[lab[0]] = lab[2]
                to_below = _lookahead_label(lines, i, end, 3) in ("เรียน", "เสนอ")
                current = _start_field(f, lab[0], text[lab[1] :].strip(), to_below)
            else:
                current = _continues(f, current, text, lines, i, end)
                if current is None:
                    break
        i += 1
    f.body_start = i
    _addressee_above_label(f, notes)
    _mend_subject(f, notes)
    return f


def _addressee_above_label(f: Fields, notes: Notes) -> None:
    """An addressee whose words OCR's layout set above เรียน, leaving only its
    ending after the label (``นายกเทศมนตรีตำบล/นายก...ตำบล`` / ``เรียน`` /
    ``ทุกแห่ง``, seed 58): the subject's last line, which opens as an addressee
    does, is the addressee's head, warned."""
    to = [t for t in f.to if t.strip()]  # เรียน alone on its line, the ending on the next
    if len(f.subject) < 2 or len(to) != 1 or to[0].strip() not in lexicon.ADDRESSEE_ENDINGS:
        return
    if not _opens_as_addressee(f.subject[-1]):
        return
    head = f.subject.pop()
    f.to = [head, *to]
    notes.warn("addressee_mended", "to", f"{head!r} stood above เรียน: read as the addressee before {to[0]!r}")


def _mend_subject(f: Fields, notes: Notes) -> None:
    """Domain terms OCR damaged in the subject read back (terms.py), warned."""
    for k, part in enumerate(f.subject):
        mended, changed = mend_terms(part)
        if changed:
            f.subject[k] = mended
            notes.warn("term_mended", "subject", f"read against the lexicon: {'; '.join(changed)}")
            notes.conf("subject", TERM_CONFIDENCE)


TERM_CONFIDENCE = 0.8


# A line OCR made of dirt between the fields (``a``, ``ง``, ``..``): skipped,
# so it neither ends the subject nor counts as one of its lines.
_DEBRIS_TOKEN = (r"(?:[A-Za-z]{1,3}|[ก-ฮ][\u0e31-\u0e4e]?|[^\w\s]{1,3}"
                 r"|(?=\S*[๐-๙])(?=\S*[0-9A-Za-z])[0-9๐-๙A-Za-z]{2,3})\.?")
# A lone digit is dirt only beside such a token (``a ๘``: marks of a crowded line read apart,
# seed 124); alone it may be a speck between numbered entries (``_continues``).
_DEBRIS_LINE = re.compile(rf"^(?:{_DEBRIS_TOKEN}(?:\s+{_DEBRIS_TOKEN}){{0,2}}"
                          rf"|{_DEBRIS_TOKEN}\s+[0-9๐-๙]|[0-9๐-๙]\s+{_DEBRIS_TOKEN})$")


def _field_label(f: Fields, text: str, lines: list[Line], i: int, end: int) -> tuple[str, int, float] | None:
    """The field label ``text`` opens with, read in context: a subject label
    misread as the addressee's (``เรียง`` for เรื่อง) while the real เรียน
    line follows is the subject's; an entry label may follow a Latin speck
    (longer than the one ``match_label`` forgives: ``aan ที่ส่งมาด้วย``)."""
    lab = label_of(text, FIELD_LABELS)
    if lab is None:
        m = LATIN_SPECK.match(text)
        lab = label_of(text[m.end() :], ("อ้างถึง", "สิ่งที่ส่งมาด้วย")) if m else None
        if lab is None and f.subject and f.to_label is None and (start := addressee_start(text)) is not None:
            return "เรียน", start, 0.5  # under the subject, เรียน lost (``Seu นายก...``, ``ยน ผู้ว่า...``)
        if lab is None and f.subject and f.to_label is None and unlabelled_addressee(text, _text_after(lines, i, end)):
            return "เรียน", 0, 0.4  # under the subject, เรียน lost whole (``นายก... ทุกแห่ง``)
        if lab is None and f.to_label is not None and (start := enclosure_start(text)) is not None:
            return "สิ่งที่ส่งมาด้วย", start, 0.5  # under the addressee, the label cut to ``าด้วย``
        return (lab[0], lab[1] + m.end(), min(lab[2], 0.75)) if lab else None
    if lab[0] in ("เรียน", "เสนอ") and lab[2] < 1.0 and not f.subject and f.to_label is None \
            and _exact_to_ahead(lines, i, end):
        return "เรื่อง", lab[1], 0.5
    return lab


def _exact_to_ahead(lines: list[Line], i: int, end: int) -> bool:
    """Whether one of the next two lines opens with เรียน/เสนอ read exactly."""
    j: int | None = i
    for _ in range(2):
        j = _next_nonempty(lines, j, end)
        if j is None:
            return False
        lab = label_of(lines[j].text.strip(), ("เรียน", "เสนอ"))
        if lab is not None and lab[2] == 1.0:
            return True
    return False


_ANCHOR_WINDOW = 30  # lines from a letter's start to its addressee, at most


def _addressee_anchor(lines: list[Line], subject: int, end: int) -> int:
    """Where the fields start when the splitter found no anchor (``subject``
    is then the letter's first line: no เรื่อง read, a ที่ line whose label
    OCR lost): the line above the first เรียน/เสนอ of the page, as for an
    unlabelled subject; ``subject`` itself when it opens a field or none is found."""
    if label_of(lines[subject].text.strip(), FIELD_LABELS) is not None \
            or _lookahead_label(lines, subject, end, 1) in ("เรียน", "เสนอ"):
        return subject
    for j in range(subject + 1, min(end, subject + _ANCHOR_WINDOW)):
        if lines[j].page != lines[subject].page:
            break
        lab = label_of(lines[j].text.strip(), FIELD_LABELS)
        if lab is not None and lab[0] in ("เรียน", "เสนอ"):
            k = j - 1
            while k > subject and not lines[k].text.strip():
                k -= 1
            return k
        if lab is not None:
            return subject  # a เรื่อง/อ้างถึง line before any addressee: leave it to the labels
    return subject


# What OCR left of an unreadable เรื่อง: a Latin or consonant speck, maybe
# after a lone digit (``๒ aa``: seed 3).
# A quote OCR made of dirt may stand glued before it (``‘Baa การ...``).
# A memo's bold เรื่อง is read as Arabic digits too (``1308 การตรวจสอบ...``,
# seeds 24 and 27): a subject does not open with a bare number. The bold
# label read as four Latin letters (``LION การขับเคลื่อน...``, seed 38) as
# ``_SPECK_THEN_THAI`` finds it above a wrapped subject.
_QUOTE = "[‘’'\"“”`]?"
_LABEL_DEBRIS = re.compile(rf"^{_QUOTE}(?:[0-9๐-๙]\s+)?(?:[A-Za-z]{{1,4}}|[ก-ฮ]{{1,2}}|[0-9]{{2,4}})[.,:]?\s+")


# A line that starts with a Latin speck where เรื่อง was (``Goa การ...``).
_SPECK_THEN_THAI = re.compile(rf"^(?:[(\[]|{_QUOTE})[A-Za-z]{{2,4}}[.,:]?\s+[ก-๎]")


def _wrapped_subject_start(lines: list[Line], subject: int) -> int | None:
    """The line above the one the splitter took for an unlabelled subject,
    when that is where the subject starts: it opens with the speck OCR made
    of เรื่อง and is no date or number line (seed 3: the subject wrapped, and
    only its second line sits right above เรียน)."""
    j = subject - 1
    while j >= 0 and not lines[j].text.strip():
        j -= 1
    if j < 0 or lines[j].page != lines[subject].page:
        return None
    text = lines[j].text.strip()
    # A subject's year alone (๒๕๖๗, its พ.ศ. left on the line above) is no
    # subject: the line above starts it, its เรื่อง lost (seed 26).
    opens = _SPECK_THEN_THAI.match(text) or (_YEAR_ALONE.match(lines[subject].text.strip())
                                             and re.match(r"[ก-๎]", text))
    if not opens or find_dates(text) or read_doc_no(text):
        return None
    return j


_YEAR_ALONE = re.compile(r"^(?:พ\.?\s?ศ\.?\s*)?[0-9๐-๙]{4}$")


def _unlabelled_subject(f: Fields, text: str, notes: Notes) -> None:
    """The splitter anchored this letter on the line above เรียน because its
    เรื่อง label was unreadable: that line, less the label's debris, is the subject."""
    inside = re.search(r"\sเร[ื]?[่]?อง\s", text)  # the date line and เรื่อง read as one line
    rest = text[inside.end() :] if inside else _LABEL_DEBRIS.sub("", text, count=1)
    if find_dates(rest) or read_doc_no(rest):
        return  # the line above the addressee is the date or number: no subject line
    f.subject.append(rest)
    f.label_conf["เรื่อง"] = 0.5
    notes.warn("label_unreadable", "subject", f"เรื่อง not read; the line above the addressee taken as the "
                                              f"subject: {text!r}")


def _opens(f: Fields, label: str) -> bool:
    """A label opens a field only once, and only in letterhead order."""
    if label == "เรื่อง":
        return not f.subject
    if label in ("เรียน", "เสนอ"):
        return f.to_label is None
    if label == "อ้างถึง":
        return not f.refs and not f.encl
    return not f.encl


_TO_INSIDE = re.compile(r"\s(เรียน|เสนอ)\s")


def _start_field(f: Fields, label: str, rest: str, to_below: bool = True) -> str:
    """Open a field; returns the field now open (เรียน when OCR ran the
    addressee onto the subject's line and no addressee line follows)."""
    if label == "เรื่อง":
        m = None if to_below else _TO_INSIDE.search(rest)
        if m is None:
            f.subject.append(rest)
            return label
        f.subject.append(rest[: m.start()])
        label, rest = m.group(1), rest[m.end() :]
    if label in ("เรียน", "เสนอ"):
        f.to_label = label
        f.to.append(rest)
    else:
        new_entry(f.refs if label == "อ้างถึง" else f.encl, rest)
    return label


def _continues(f: Fields, current: str | None, text: str, lines: list[Line], i: int, end: int) -> str | None:
    """The field a non-label line continues, or None: the body starts here."""
    if _is_body_opening(text):
        return None
    # A subject OCR broke over a fourth line (seed 94: a word cut at each break) ends right above เรียน.
    if current == "เรื่อง" and f.to_label is None and (len(f.subject) < 3 or len(f.subject) == 3
                                                      and _lookahead_label(lines, i, end, 1) in ("เรียน", "เสนอ")):
        if _lookahead_label(lines, i, end, 3) in ("เรียน", "เสนอ") or _lost_to_next(lines, i, end):
            f.subject.append(text)
            return current
        return None
    if current in ("เรียน", "เสนอ"):
        return _to_continues(f, text, lines, i, end)
    if current in ("อ้างถึง", "สิ่งที่ส่งมาด้วย"):
        entries = f.refs if current == "อ้างถึง" else f.encl
        if _LONE_DIGIT.fullmatch(text) and (j := _next_nonempty(lines, i, end)) is not None \
                and ENTRY_NUMBER.match(lines[j].text):
            return current  # a speck read as a digit between two numbered entries (``๘``, seed 74)
        return current if entry_continues(entries, text) else None
    return None


_LONE_DIGIT = re.compile(r"[0-9๐-๙]{1,2}")


def _lost_to_next(lines: list[Line], i: int, end: int) -> bool:
    """The next line is the addressee with เรียน lost (``Bau ผู้ว่าราชการจังหวัด``):
    the line before it still wraps the subject (``... พ.ศ.`` / ``๒๕๖๗``)."""
    j = _next_nonempty(lines, i, end)
    return j is not None and addressee_start(lines[j].text.strip()) is not None


def _lookahead_label(lines: list[Line], i: int, end: int, n: int) -> str | None:
    j: int | None = i
    for _ in range(n):
        j = _next_nonempty(lines, j, end)
        if j is None:
            return None
        lab = label_of(lines[j].text.strip(), FIELD_LABELS)
        if lab is not None:
            return lab[0]
    return None


_LOST_REF_LABEL = re.compile(rf"^.{{0,12}}?(?:[0-9๐-๙]\s*\.\s*)?(?={_LETTER.pattern})")
_COPY = re.compile("ส[\u0e31-\u0e4e]*[ำา]?เนา")


def _cites_number(lines: list[Line], i: int, end: int) -> bool:
    """Whether the entry-like line ``i`` (or its wrapped next line) cites a
    number or a date: ``ที่ <prefix> <code>/``, even with the prefix garbled
    (``N WA ๐๐๒๓.๕/๑๗๒๐``), or ``ลงวันที่``."""
    nxt = _next_nonempty(lines, i, end)
    for j in (i, nxt) if nxt is not None else (i,):
        t = lines[j].text
        if "ลงวัน" in t or read_doc_no(t) is not None or read_doc_no_loose(t) is not None:
            return True
    return False


def _to_continues(f: Fields, text: str, lines: list[Line], i: int, end: int) -> str | None:
    """An addressee wraps rarely: a line right before อ้างถึง/สิ่งที่ส่งมาด้วย
    is its second line. A line naming a letter right under เรียน is a
    reference whose อ้างถึง label OCR lost (``ข้อที่ ๑. หนังสือ...``)."""
    m = _LOST_REF_LABEL.match(text)
    if m is not None and not f.refs and not f.encl and _cites_number(lines, i, end):
        rest = text[m.end() :]
        label = "สิ่งที่ส่งมาด้วย" if _COPY.match(rest) else "อ้างถึง"
        new_entry(f.encl if label == "สิ่งที่ส่งมาด้วย" else f.refs, rest)
        f.label_conf[label] = 0.5
        return label
    if len(f.to) < 3 and _to_wrap(text, lines, i, end):
        if _THAI_WORD.search(text):  # else debris (``ซ่ ๐ ๘๙ 1 4 A ศี``, seed 71): passed over
            f.to.append(text)
        return f.to_label
    return None


_THAI_WORD = re.compile("[ก-ฮ][ก-๎]{2,}")  # three letters and marks or more: a word, not a speck


def _to_wrap(text: str, lines: list[Line], i: int, end: int, ahead: int = 1) -> bool:
    """The addressee's second line: followed by a field label or by the body's
    opening line, or ending as addressees end (``ทุกแห่ง``). A line opening as
    an addressee does also wraps when the line after it ends the addressee: a
    province writing to every LAO wraps its addressee over three lines
    (``...จังหวัดนครราชสีมา`` / ``นายกเทศมนตรี และนายก...ตำบล`` / ``ทุกแห่ง``)."""
    if _lookahead_label(lines, i, end, 1) in ("อ้างถึง", "สิ่งที่ส่งมาด้วย"):
        return True
    nxt = _next_nonempty(lines, i, end)
    if nxt is not None and _is_body_opening(lines[nxt].text.strip()):
        return True
    if nxt is not None and _LOST_REF_LABEL.match(lines[nxt].text.strip()) and _cites_number(lines, nxt, end):
        return True  # followed by a reference whose อ้างถึง OCR lost
    if len(text) >= 60:
        return False
    if text.rstrip().endswith(lexicon.ADDRESSEE_ENDINGS):
        return True
    if ahead and nxt is not None and _opens_as_addressee(text) \
            and _to_wrap(lines[nxt].text.strip(), lines, nxt, end, ahead - 1):
        return True
    # An ending with one letter of OCR noise (``ทุกิแห่ง``: seed 18) counts on a line
    # that also opens as an addressee does (``นายก...``, ``และนายก...``): a body line
    # may end in a word one letter from them (``ทุกด้าน``), not also open so.
    return _opens_as_addressee(text) and ends_with_any(text, lexicon.ADDRESSEE_ENDINGS) is not None


def _opens_as_addressee(text: str) -> bool:
    """``นายก...``, ``และนายก...``: how an addressee's line opens, and a body line does not."""
    return starts_with_any(text.removeprefix("และ").lstrip(), lexicon.ADDRESSEE_OPENINGS) is not None


def _is_body_opening(text: str) -> bool:
    return starts_with_any(text, lexicon.BODY_OPENINGS) is not None


# Debris at the ends of a field line: a lone Latin pair, a lone consonant, a
# mark, a dash, or an unclosed bracket with a few Latin letters ("(Goa"); at
# the end also an Arabic digit glued to a bare consonant (``7ฝ``: no Thai word
# or number is written so), and a dot glued to a run of Thai longer than an
# abbreviation (``ภัยแล้ง.``: Thai ends no sentence with a dot; ``อปท.`` keeps its own);
# at the start also a speck glued to the first Thai letter (``- .การตรวจสอบ``: no Thai word opens with one).
_EDGE_DEBRIS = re.compile(r"^[-–—•*\s]*[.,:;'|\"]+(?=[ก-ฮเแโใไ])|^(?:[A-Za-z]{1,2}|[ก-ฮ]|[.,:;'|\"]|[-–—•*]{1,3}|[(\[{][A-Za-z]{0,4})\s+"
                          r"|\s+(?:[A-Za-z]{1,2}\.?|[ก-ฮ]|[.,:;'|\"]|[-–—•*]{1,3}|[0-9][ก-ฮ])$"
                          r"|(?<=[\u0e01-\u0e4e]{6})\.$")


def field_text(parts: list[str]) -> str | None:
    """A wrapped text field (subject, addressee): pieces joined by the
    contract's rule, and OCR debris at the ends of each piece (a lone Latin
    pair such as ``WY``, a lone consonant from the emblem) dropped."""
    return join_wrapped([_EDGE_DEBRIS.sub("", p.strip()) for p in parts]) or None

