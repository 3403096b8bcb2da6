"""Field lines whose label OCR lost: the addressee's เรียน, and the
enclosures' สิ่งที่ส่งมาด้วย cut to its last letters.

Under the subject, OCR reads เรียน as a Latin speck (``Seu นายกเทศมนตรี...``,
``Bau ผู้ว่าราชการจังหวัด``) or, at a damaged left edge, keeps only its last
letters (``ยน ผู้ว่าราชการจังหวัด ทุกจังหวัด``, seed 97). Either way what
follows opens as an addressee does, with an office head's title
(``lexicon.ADDRESSEE_OPENINGS``); nothing else on a letter's head does.
"""

from __future__ import annotations

import re

from docintake.text import lexicon
from docintake.text.fuzzy import ends_with_any, match_label

LATIN_SPECK = re.compile(r"^[^\sก-๙]{1,4}\s+")
# เรียน with its first one to three letters lost: รียน, ียน, ยน
_TAIL = re.compile("^(?:" + "|".join(re.escape("เรียน"[k:]) for k in range(1, 4)) + r")\s+")


def unlabelled_addressee(text: str, following: str) -> bool:
    """A line that opens with an office head's title and no label at all, under
    the subject: the addressee whose เรียน OCR lost whole (seed 113), when it
    or the line after it ends as a distribution does (``... ทุกแห่ง``) or the
    line after it opens the body. A subject wrapped onto a line opening with
    นายก ends neither so, and a เรียน line after it is the addressee itself.

    >>> unlabelled_addressee("นายกเทศมนตรี และ", "นายกองค์การบริหารส่วนตำบล ทุกแห่ง")
    True
    >>> unlabelled_addressee("นายกองค์การบริหารส่วนตำบล", "ด้วยจังหวัดแจ้งว่า")
    True
    >>> unlabelled_addressee("นายกรัฐมนตรี ประจำปี ๒๕๖๘", "การประชุม")
    False
    >>> unlabelled_addressee("นายกรัฐมนตรี ประจำปี ๒๕๖๘", "เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง")
    False
    """
    if not text.startswith(lexicon.ADDRESSEE_OPENINGS) or match_label(following, ("เรียน", "เสนอ")):
        return False
    return any(ends_with_any(t.strip(), lexicon.ADDRESSEE_ENDINGS) for t in (text, following)) \
        or following.startswith(lexicon.BODY_OPENINGS)


def addressee_start(text: str) -> int | None:
    """Where the addressee starts in a line whose เรียน OCR lost; None when
    the line is no such addressee.

    >>> addressee_start("Seu นายกเทศมนตรีตำบลบ้านใหม่")
    4
    >>> addressee_start("ยน ผู้ว่าราชการจังหวัด ทุกจังหวัด")
    3
    >>> addressee_start("ยน ประจำปีงบประมาณ") is None, addressee_start("นายกเทศมนตรี") is None
    (True, True)
    """
    m = LATIN_SPECK.match(text) or _TAIL.match(text)
    if m is None or not text[m.end() :].startswith(lexicon.ADDRESSEE_OPENINGS):
        return None
    return m.end()


_ENCLOSURE_TAIL = re.compile("^(?:" + "|".join(map(re.escape, lexicon.ENCLOSURE_HEADLESS)) + r")\s+")


def enclosure_start(text: str) -> int | None:
    """Where the enclosures start in a line whose สิ่งที่ส่งมาด้วย lost all but
    its last letters (``lexicon.ENCLOSURE_HEADLESS``); None when the line is no
    such label or what follows does not open as an enclosure.

    >>> enclosure_start("าด้วย สำเนาหนังสือกรมส่งเสริมการปกครองท้องถิ่น")
    6
    >>> enclosure_start("าด้วย ประจำปีงบประมาณ") is None, enclosure_start("มาด้วย สำเนาหนังสือ") is None
    (True, True)
    """
    m = _ENCLOSURE_TAIL.match(text)
    if m is None or not text[m.end() :].startswith(lexicon.ENCLOSURE_OPENINGS):
        return None
    return m.end()


def label_head(text: str, following: str) -> bool:
    """A short line that is the head of the label opening the next line: OCR broke
    a crowded line inside its label (seed 124: ``ส่งท`` over ``งมาด้วย สำเนาหนังสือ...``,
    สิ่งที่ส่งมาด้วย with its marks lost). Its letters, in order, are among the
    label's that the next line lacks; it is passed over, not taken as the
    addressee's second line.

    >>> label_head("ส่งท", "งมาด้วย สำเนาหนังสือกรม"), label_head("ส่งท", "สิ่งที่ส่งมาด้วย สำเนา")
    (True, False)
    >>> label_head("ทุกแห่ง", "งมาด้วย สำเนาหนังสือ"), label_head("ส่งท", "ด้วยจังหวัดแจ้งว่า")
    (False, False)
    """
    if " " in text.strip() or len(text.strip()) < 2:
        return False
    lab = match_label(following, lexicon.FIELD_LABELS)
    if lab is None:
        return False
    read = following[: lab.end].strip()
    if not lab.label.endswith(read) or read == lab.label:
        return False
    head = iter(lab.label[: len(lab.label) - len(read)])
    return all(ch in head for ch in text.strip())  # a subsequence of the lost head
