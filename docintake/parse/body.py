"""The body and the foot of a letter: paragraphs, numbered directives,
hashtags and URLs, the signatory and the contact block."""

from __future__ import annotations

import re

from docintake.models import Contact, Signatory
from docintake.parse.deadline_cues import count_awaits_from, is_deadline_cue, opens_with_from
from docintake.parse.lines import (
    Line,
    collapse,
    is_contact,
    is_page_number,
    is_signature_name,
    join_wrapped,
)
from docintake.parse.pagebreak import page_feet
from docintake.parse.thaidate import find_dates
from docintake.text import lexicon
from docintake.text.fuzzy import key, starts_with_any
from docintake.text.normalize import thai_to_arabic_digits

_ITEM = re.compile(r"^\s*([0-9๐-๙]{1,2})\s*\.\s*(?=\S)")
_HASHTAG = re.compile(r"#[^\s#]+")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\"“”]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"[0-9][0-9 \-]{6,}[0-9](?:\s*ต่อ\s*[0-9]+)?")
_CLOSING_KEY = key(lexicon.CLOSING)


def closing_index(lines: list[Line], start: int, end: int, memo: bool) -> int:
    """Where the body ends: ขอแสดงความนับถือ, or (memos) the signatory's name."""
    for i in range(start, end):
        t = lines[i].text.strip()
        if key(t).startswith(_CLOSING_KEY[:10]) or (memo and is_signature_name(t)):
            return i
    for i in range(start, end):  # no closing line read: the first signature
        if is_signature_name(lines[i].text):
            return i
    return end


def _opens_paragraph(t: str) -> bool:
    return bool(_ITEM.match(t)) or starts_with_any(t, lexicon.PARAGRAPH_OPENERS) is not None


# A line of OCR debris between wrapped lines ("ล้", "ร์", "a", "aan"): it would
# split a deadline cue from its date ("ภายใน ล้ วันที่ ๑๘ เมษายน").
# So is a short line without letters that is not a plain number ("๐- 1"): glued
# to a wrapped year ("๒๕๖๘" + "๐- 1") it spoils the date.
_DEBRIS_LINE = re.compile(r"^(?:[A-Za-z]{1,3}|[ก-ฮ][\u0e31-\u0e4e]{0,2}|[^\w\s]{1,3}"
                          r"|(?=.*[^\d๐-๙.])[^ก-ฮA-Za-z]{2,5})\.?$")


# A line this short standing between a deadline cue and its date is a speck
# or a scribble OCR read (``เลฒณะ``, ``al ๑ ๐ 1``), not a wrapped sentence.
_DEBRIS_MAX_CHARS, _DEBRIS_MAX_LINES = 12, 3


def _debris_before_date(texts: list[str], k: int) -> set[int]:
    """Short lines after ``texts[k]`` when that line ends with a deadline cue
    still waiting for its date (``ให้แล้วเสร็จภายใน``) and the next longer line
    opens with a date, or with a relative count waiting for its นับแต่
    (``ภายใน ๕ วัน`` / ``te ซ่`` / ``นับแต่วันที่ได้รับ...``, seed 36) and the
    next longer line opens with it: they cut the two apart, so they are dropped."""
    if is_deadline_cue(texts[k]):
        def awaited(t: str) -> bool:
            return bool((hits := find_dates(t)) and hits[0].start == 0)
    elif count_awaits_from(texts[k]):
        awaited = opens_with_from
    else:
        return set()
    skipped: set[int] = set()
    for j in range(k + 1, min(len(texts), k + 1 + 2 * _DEBRIS_MAX_LINES)):
        t = texts[j]
        if not t:
            continue
        if awaited(t):
            return skipped
        if len(t) > _DEBRIS_MAX_CHARS or find_dates(t) or len(skipped) == _DEBRIS_MAX_LINES:
            return set()
        skipped.add(j)
    return set()


def paragraphs(lines: list[Line], start: int, end: int) -> list[str]:
    """Body paragraphs, wrapped lines joined (no space between Thai characters).

    Blank lines are no guide (OCR puts them between wrapped lines of one
    sentence), so a paragraph breaks where a numbered item or a sentence
    opener (ทั้งนี้, จึง..., ตามที่, ...) starts a line.
    """
    texts = [ln.text.strip() for ln in lines[start:end]]
    paras: list[list[str]] = [[]]
    skip: set[int] = page_feet(lines[start:end])
    for k, t in enumerate(texts):
        if not t or k in skip or is_page_number(t) or _DEBRIS_LINE.match(t):
            continue
        skip |= _debris_before_date(texts, k)
        if paras[-1] and _opens_paragraph(t):
            paras.append([])
        paras[-1].append(t)
    return [join_wrapped(p) for p in paras if p]


def directives(paras: list[str]) -> list[str]:
    """The numbered items of the body (``๑. ให้...``), text without the number."""
    return [collapse(_ITEM.sub("", p, count=1)) for p in paras if _ITEM.match(p)]


def hashtags(text: str) -> list[str]:
    return list(dict.fromkeys(_HASHTAG.findall(text)))


def urls(text: str) -> list[str]:
    return list(dict.fromkeys(u.rstrip(".,;") for u in _URL.findall(text)))


def _position_lines(lines: list[Line], i: int, end: int) -> tuple[str | None, int]:
    parts: list[str] = []
    j = i + 1
    while j < end and len(parts) < 3:
        t = lines[j].text.strip()
        j += 1
        if not t:
            continue
        if is_signature_name(t) or is_contact(t) or t[0] in "“\"(":
            break
        if parts and not (starts_with_any(t, lexicon.POSITION_WORDS) or "แทน" in parts[-1][-12:]):
            break
        if not parts and starts_with_any(t, lexicon.UNIT_STARTS) and not starts_with_any(t, lexicon.POSITION_WORDS):
            break
        parts.append(t)
    return (collapse(" ".join(parts)) or None), j


def signatory(lines: list[Line], start: int, end: int, issuer: str | None) -> Signatory | None:
    """The signer: of several names (LAO routing notes add their own), the one
    whose position fits the issuing office; else the first."""
    cands: list[Signatory] = []
    for i in range(start, end):
        t = lines[i].text.strip()
        if is_signature_name(t):
            pos, _ = _position_lines(lines, i, end)
            cands.append(Signatory(name=collapse(t.strip("()")), position=pos))
    if not cands:
        return None
    for c in cands:
        if _fits_issuer(c.position, issuer):
            return c
    return cands[0]


def _fits_issuer(position: str | None, issuer: str | None) -> bool:
    if not position or not issuer:
        return False
    heads = {"อำเภอ": "นายอำเภอ", "จังหวัด": "ผู้ว่าราชการจังหวัด", "กรม": "อธิบดี"}
    for word, head in heads.items():
        if word in issuer and head in position:
            return True
    core = re.sub(r"^(ศาลากลาง|ที่ว่าการ|สำนักงาน|ที่ทำการ)", "", issuer)
    return bool(core) and core in position


def contact(lines: list[Line], start: int, end: int) -> Contact | None:
    """Unit, phone, fax and e-mail from the foot of the letter. The unit is
    the run of lines from the first one that opens with a unit word
    (สำนักงาน, กอง, ...) after the last signature, to the phone line."""
    c = Contact()
    units: list[str] = []
    for ln in lines[start:end]:
        t = ln.text.strip()
        if not t:
            continue
        if is_signature_name(t):
            units = []  # another signature block: the unit comes after it
        elif c.phone is None and not is_contact(t):
            if not units and starts_with_any(t, lexicon.UNIT_STARTS) and not starts_with_any(t, lexicon.POSITION_WORDS):
                units = [t]
            elif units and len(units) < 5:
                units.append(t)
        _contact_line(t, c)
    c.unit = collapse(" ".join(units)) or None
    return c if any((c.unit, c.phone, c.fax, c.email)) else None


def _contact_line(t: str, c: Contact) -> None:
    m = _EMAIL.search(t)
    if m and c.email is None:
        c.email = m.group(0)
    kt = key(t)
    if kt.startswith(key("โทร")):
        num = _PHONE.search(thai_to_arabic_digits(t))
        if num is None:
            return
        value = collapse(num.group(0))
        if kt.startswith(key("โทรสาร")):
            c.fax = c.fax or value
        else:
            c.phone = c.phone or value
            if "โทรสาร" in t and c.fax is None:
                c.fax = value
