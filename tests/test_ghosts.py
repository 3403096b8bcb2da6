"""Glyphs Tesseract read twice (``ocr.ghosts``): tokens from seeds 8-12, boxes as Tesseract gave them."""

import pytest

from docintake.ocr.ghosts import ghost_fixes
from docintake.ocr.tesseract import Token


def _line(words):
    toks, pos = [], 0
    for text, box in words:
        toks.append(Token(text=text, start=pos, end=pos + len(text), box=box, conf=90.0, line=0, boxes=[box]))
        pos += len(text) + 1
    return toks


# (id, the line's tokens (text, box), the line as it should read after)
CASES = [
    ("first-syllable-again", [("ดำเนินการ", (100, 10, 300, 40)), ("ดั:", (410, 10, 40, 40)), ("ดังนี้", (425, 10, 120, 40))],
     "ดำเนินการ ดังนี้"),
    ("urgency-word", [("ท้องถิ่น", (100, 10, 300, 60)), ("ด่", (2050, 10, 45, 60)), ("ด่วน", (2059, 10, 121, 60))],
     "ท้องถิ่น ด่วน"),
    ("last-syllable-again", [("อให้อํ", (1383, 10, 139, 40)), ("อำเภอแจ้ง", (1494, 10, 278, 40))], "อให้ อำเภอแจ้ง"),
    # Both copies whole: the word before keeps it, the word after loses it.
    ("syllable-shared-whole", [("กรณี", (100, 10, 90, 40)), ("ณีผู้มีสิทธิ", (160, 10, 200, 40))], "กรณี ผู้มีสิทธิ"),
    ("word-end-again", [("ทั้งนี้", (100, 10, 120, 40)), ("นี้", (180, 10, 45, 40)), ("ให้", (240, 10, 45, 40))],
     "ทั้งนี้ ให้"),
    # Set apart, the same letters are two words: ``ที่ ที่`` can be a line's real text.
    ("apart", [("ดั:", (410, 10, 40, 40)), ("ดังนี้", (460, 10, 120, 40))], "ดั: ดังนี้"),
    ("overlap-other-letters", [("ขอ", (100, 10, 60, 40)), ("ให้", (140, 10, 60, 40))], "ขอ ให้"),
    ("no-lone-leading-vowel", [("เพ", (500, 10, 40, 40)), ("พื่อให้", (520, 10, 200, 40))], "เพ พื่อให้"),
]


@pytest.mark.parametrize("words, want", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_ghosts(words, want):
    toks = _line(words)
    fixes = ghost_fixes(toks)
    got = [fixes[i].text if i in fixes else t.text for i, t in enumerate(toks)]
    assert " ".join(w for w in got if w) == want
    assert all("read twice" in f.reason for f in fixes.values())
