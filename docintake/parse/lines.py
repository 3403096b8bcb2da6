"""Lines of a bundle with their page, and the line classifiers every parser
stage shares (is this a letterhead's ``ที่`` line, a signature, a contact?)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from docintake.text import lexicon
from docintake.text.era import mend_era
from docintake.text.fuzzy import key, match_label, starts_with_any
from docintake.text.normalize import number_digits


@dataclass(frozen=True)
class Line:
    text: str
    page: int  # 0-based page index in the file


_SPECK = "'\".,:;|_~`©®•·‘’"
_LEAD_SPECKS = re.compile(rf"^(?:[{_SPECK}]{{1,3}}\s+)+")
_TRAIL_SPECKS = re.compile(rf"(?:\s+[{_SPECK}]{{1,3}})+$")


# A quote or bar glued to the last Thai letter of a line (``ภัยแล้ง'``):
# Thai letters print no straight quotes, so one with no partner is dirt.
_GLUED_TRAIL = re.compile("(?<=[\u0e01-\u0e4e])(['\"|])$")


def despeck(text: str) -> str:
    """Drop the specks OCR reads from dirt at either end of a line (``. `` ``' |``);
    a speck must stand apart, so ``อบต.`` keeps its dot; an unpaired quote or
    bar glued to the last Thai letter goes too.

    >>> despeck(", , ลงวันที่ ๒ พ.ย. ๒๕๖๘ '")
    'ลงวันที่ ๒ พ.ย. ๒๕๖๘'
    >>> despeck("เรื่อง การให้ความช่วยเหลือผู้ประสบภัยแล้ง'")
    'เรื่อง การให้ความช่วยเหลือผู้ประสบภัยแล้ง'
    """
    # Each pattern is tried only on a line that opens or ends with a speck (or
    # quote): most lines do not, and the regexes would scan all of them.
    text = text.strip()
    if text[:1] in _SPECK:
        text = _LEAD_SPECKS.sub("", text)
    if text[-1:] in _SPECK:
        text = _TRAIL_SPECKS.sub("", text)
    m = _GLUED_TRAIL.search(text) if text[-1:] in "'\"|" else None
    return text[: m.start()] if m and text.count(m.group(1)) == 1 else text


def bundle_lines(pages: list[str]) -> list[Line]:
    """All lines of all pages, in order, each tagged with its page (specks
    dropped, a Latin-read ``พ.ศ.`` put back: ``text.era``)."""
    return [Line(t, p) for p, page in enumerate(pages) for t in mend_era([despeck(t) for t in page.split("\n")])]


# After ที่: a prefix (perhaps garbled by OCR: "WY") and the digits of a code, then a slash,
# or a circular's ว glued to the code where OCR lost the slash (``๐๐๒๓.๑ว ๕๒๗๕``:
# docno reads it, ``slash_lost``). A prefix read as Latin may hold a digit (``8S``
# for ชร, seed 57: ``prefix.recover_prefix`` takes the prefix from the letterhead).
_DOCNO_START = re.compile(r"\s*(?:[^\s0-9]{1,2}\s+)?(?:[^\s0-9]{1,4}|[0-9]?[A-Za-z][A-Za-z0-9]?)\s*[0-9][0-9.\s]*"
                          r"(?:(?:[ก-ฮ][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]?)?/|(?<=[0-9.])[ก-ฮ]?ว\.?\s{0,2}[0-9])")
# (a glued letter, maybe with a mark, before the slash: ๑๗ฒ/, ๗.ญ่/; or the
# slash lost before the circular's ว, maybe read as a letter: ๓.ฒว ๒๒๗๕, seed 62)
# A number line whose ที่ label OCR lost, or read as a Latin speck (``fl กส
# ๐๐๒๓.๑๖/๒๐๑๒``): prefix, dotted code, slash.
_BARE_DOCNO = re.compile(r"^\s*(?:[^\s0-9ก-๎]{1,3}\s+)?[^\s0-9]{1,4}\s*[0-9]{3,}\.[0-9.]+\S?\s*/")
# An LAO's number (five-digit code, no dot) whose ที่ OCR lost, or left as ท and
# marks (``ทึ กส ๗๔๘๔๑/๕๙๑``, seed 145): only with its office right after it, as
# a wrapped reference line looks the same otherwise.
_BARE_LAO_DOCNO = re.compile(r"^\s*(?:ท[\u0e31-\u0e4e]{0,3}\s+)?[^\s0-9]{1,4}\s*[0-9]{5}\s*/\s*[0-9]+\s+\S{0,3}"
                             r"(?:ที่ทำการ|ที่ว่าการ|สำนักงาน)")
# A letterhead number line whose ที่ OCR read as Thai debris (``'ฑี อุด ๐๐๒๓.๓/ว ๖๐๔๐``,
# seed 32): only with its office after it on the line, as a body line may look the same.
_JUNK_LABEL_DOCNO = re.compile(r"^\s*\S{1,3}\s+[^\s0-9]{1,4}\s*[0-9]{3,}\.[0-9.]+\s*/\s*(?:ว\s?)?[0-9]+\s+"
                               r"\S{0,3}(?:ที่ทำการ|ที่ว่าการ|สำนักงาน|ศาลากลาง)")
# An LAO's number whose slash OCR lost with no space left, code and running
# number glued (``ที่ รอ ๗๔๙๗๗๗๘๐ ที่ทำการ...``, seed 39; an LAO's code is five
# digits, so ``slashlost.glued_lost`` knows where it ends): a province prefix,
# six to ten digits, then the office, after the label or Latin debris for it.
_GLUED_LAO_DOCNO = re.compile(rf"\s*(?:(?:{'|'.join(lexicon.PROVINCE_PREFIXES)})\s?[1-9][0-9]{{5,9}}\s+"
                              r"\S{0,3}(?:ที่ทำการ|ที่ว่าการ|สำนักงาน))")
_GLUED_LAO_BARE = re.compile(r"^\s*(?:[^\s0-9ก-๎]{1,3}\s+)?" + _GLUED_LAO_DOCNO.pattern)
_PAGE_NO = re.compile(lexicon.PAGE_NUMBER_PATTERN)
_NAME_IN_PARENS = re.compile(r"^\(\s*(" + "|".join(map(re.escape, lexicon.NAME_TITLES)) + r")")


# ที่ then a space, or a speck glued to the prefix (ที่.ชร), or glued to a known
# prefix and its code (ที่มค 0023.13, a stray mark on it too: ที่ม่ค, seed 45)
def marked(prefixes) -> str:
    """A regex alternation of ``prefixes``, longest first, a stray mark OCR hung on
    any of their letters allowed (``ม่ค``, seed 45; ``ชุม``, seed 84)."""
    return "|".join("".join(f"{c}[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]?" for c in p)
                    for p in sorted(prefixes, key=len, reverse=True))


# A known agency prefix, a stray mark allowed (docno uses it too).
MARKED_PREFIX = marked(lexicon.AGENCY_PREFIXES)
_THE = re.compile(rf"(?:^|\s)(ท[ี]?[่]?)(?:\s|[.,:](?=[ก-ฮ])|(?=(?:{MARKED_PREFIX})\s?[0-9๐-๙]))")
MAX_LEAD = 12  # characters OCR may put before ที่ (a speck, the urgency stamp)


def docno_line(text: str, *, anywhere: bool = False) -> int | None:
    """Where the number starts, if ``text`` is a ``ที่ <prefix> <digits>/`` line.

    ``ที่`` may follow a little OCR debris or the urgency word on the same
    line (``anywhere`` lifts that limit: a memo's ส่วนราชการ line may run on
    into its ที่ line). A bare number with a dotted code counts too.
    """
    lead = len(text) - len(text.lstrip("-–"))  # a hyphen speck before ที่ (``-ที่ สน ...``, seed 69)
    lab = match_label(text[lead:], ("ที่",))
    if lab is not None:
        rest = number_digits(text[lead + lab.end :])
        return lead + lab.end if _DOCNO_START.match(rest) or _GLUED_LAO_DOCNO.match(rest) else None
    if "ลงวัน" in text and not anywhere:  # a wrapped reference: "ด่วน ที่ ชย ... ลงวันที่ ..."
        return None
    for m in _THE.finditer(text):
        if m.start(1) > MAX_LEAD and not anywhere and not _after_stamp(text, m.start(1)):
            break
        if _DOCNO_START.match(number_digits(text[m.end(1) :])):
            return m.end(1)
    bare = number_digits(text)
    bare_forms = (_BARE_DOCNO, _BARE_LAO_DOCNO, _JUNK_LABEL_DOCNO, _GLUED_LAO_BARE)
    return 0 if any(form.match(bare) for form in bare_forms) else None


def after_number_label(text: str) -> int:
    """Where the text after a line's ``ที่`` label starts: after the label, or
    after ``ที่`` and a speck glued to the prefix (``ที่.ศก``, seed 78, which a
    label must not have); 0 when the line does not open with the label.

    >>> after_number_label("ที่ ศก ๐๐๒๓"), after_number_label("ที่.ศก ๐๐๒๓"), after_number_label("ศก ๐๐๒๓")
    (3, 4, 0)
    """
    lab = label_of(text, ("ที่",))
    if lab is not None:
        return lab[1]
    m = _THE.match(text)
    return m.end() if m is not None and m.group(0)[-1:] in ".,:" else 0


_STAMP_TIME_END = re.compile(r"เวลา.{0,12}น\.?\s*$")


def _after_stamp(text: str, at: int) -> bool:
    """The urgency stamp (or its ด่วนภายใน line), or the receipt stamp's
    ``เวลา ... น.``, read onto the same text line before ที่."""
    from docintake.text.fuzzy import match_urgency_token

    first = text.split(" ", 1)[0]
    if key(first).startswith(key(lexicon.URGENT_BY)) or match_urgency_token(first) is not None:
        return True
    return bool(_STAMP_TIME_END.search(text[:at]))


_MEMO_KEY = key("บันทึกข้อความ")
_MEMO_SKELETON = "บนทกขอความ"


def is_memo_head(text: str) -> bool:
    """The memo heading, also when OCR put specks around it on a short line."""
    if match_label(text, ("บันทึกข้อความ",)) is not None:
        return True
    if len(text) > 30:
        return False
    # OCR drops the upper vowels too (บนทกขอความ); no other heading has this skeleton.
    if 0 <= key(text).find(_MEMO_KEY) <= 8 or 0 <= _skeleton(text).find(_MEMO_SKELETON) <= 8:
        return True
    return _skeleton_one_misread(_skeleton(text)[:8 + len(_MEMO_SKELETON)])


def _skeleton_one_misread(skeleton: str) -> bool:
    """The heading's ten-letter skeleton with one letter misread (ปนทกขอความ:
    บ read as ป), within the first few glyphs of a short line: no other short
    line of a letterhead shares nine of those ten letters in order."""
    n = len(_MEMO_SKELETON)
    return any(sum(a != b for a, b in zip(skeleton[i : i + n], _MEMO_SKELETON)) == 1
               for i in range(max(0, len(skeleton) - n + 1)))


_UPPER_LOWER = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def _skeleton(s: str) -> str:
    """``s`` without the marks above and below the line (vowels, tones).

    >>> _skeleton("บันทึกข้อความ")
    'บนทกขอความ'
    """
    return _UPPER_LOWER.sub("", s)


# Dirt OCR glues to the front of a labelled value (``เรื่อง .การ...``): no
# field's value opens with these.
_VALUE_SPECKS = re.compile(r" *[.,:;|]{1,2} *(?=[^\s.,:;|])")


def label_of(text: str, allowed: tuple[str, ...]) -> tuple[str, int, float] | None:
    """(label, where its value starts, confidence) when ``text`` starts with
    one of ``allowed``; specks glued to the value's front are skipped.

    >>> label_of("เรื่อง .การจัดตั้งจุดบริการประชาชน", ("เรื่อง",))[1]
    8
    """
    lab = match_label(text, allowed)
    if lab is None:
        return None
    m = _VALUE_SPECKS.match(text, lab.end)
    return lab.label, m.end() if m else lab.end, lab.confidence


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NO.match(text.strip()))


def is_signature_name(text: str) -> bool:
    """``(นายสมชาย ใจดี)``: a signatory's name in parentheses."""
    return bool(_NAME_IN_PARENS.match(text.strip()))


# An e-mail address, not a bare ``@``: OCR reads dirt in a number as one
# (``ชม ๐๐๒๓.๑@/ว ๕๖๓``), and that line is a reference, not the contact block.
_EMAIL = re.compile(r"[\w.+-]@\s?[A-Za-z]")


def is_contact(text: str) -> bool:
    t = text.strip()
    return any(starts_with_any(t, words) for words in lexicon.CONTACT_LABELS.values()) or bool(_EMAIL.search(t))


def is_tail(text: str) -> bool:
    """A line that belongs to the end of a letter (closing, signature, contact)."""
    t = text.strip()
    if not t:
        return False
    return (
        is_signature_name(t)
        or is_contact(t)
        or key(t).startswith(key(lexicon.CLOSING))
        or starts_with_any(t, lexicon.BODY_CLOSERS) is not None
    )


def join_wrapped(parts: list[str]) -> str:
    """Join wrapped pieces of one field: no space between two Thai characters,
    one space otherwise; whitespace collapsed.

    >>> join_wrapped(["การขับเคลื่อน", "นโยบาย (Soft", "Power)"])
    'การขับเคลื่อนนโยบาย (Soft Power)'
    """
    out = ""
    for piece in (" ".join(p.split()) for p in parts):
        if not piece:
            continue
        if out and not (_is_thai(out[-1]) and _is_thai(piece[0])):
            out += " "
        out += piece
    return out


def _is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def collapse(s: str) -> str:
    return " ".join(s.split())
