"""ocr.headstrays: a lone short token right after a letterhead's running
number is emptied when its ink is a speck (a few pixels tall next to the
number's digits, or no sure digit), kept when it is a full-size sure digit
(a number Tesseract split)."""

import numpy as np
import pytest

from docintake.ocr import headstrays
from docintake.ocr.digits import Fix
from docintake.ocr.glyphs import Glyph
from tokenline import line_tokens

PAGE = np.full((400, 1600), 255, np.uint8)

SLOTS = [
    # (id, letterhead ที่ line as read (digits corrected), tail token index looked at, or None)
    ("speck-after-latin-number", ["ที่", "ขก", "0023.14/1216", "7", "ที่ว่าการอำเภอชุมแพ"], [3]),
    ("speck-after-thai-number", ["ที", "มค", "๐๐๒๓.๑๓/๑๓๕๕", "1", "ทีว่าการอําเภอโกสุมพิสัย"], [3]),
    ("speck-after-emptied-debris", ["ที่", "สน", "0023.19/963", "", "", "7", "ที่ว่าการอำเภออากาศอำนวย"], [5]),
    ("prefix-joined-to-ที่-by-a-fix", ["ที่ ลป", "0023.14/574", "", "๙", "ที่ว่าการอำเภอเมืองลำปาง"], [3]),
    ("circular-joined-by-a-fix", ["ที่", "ลป", "0023.18/ว 2124", "", "7", "ที่ว่าการอำเภองาว"], [4]),
    ("two-character-speck", ["ที", "ชย", "๐๐๒๓.๕/๑๓๐๑", "40", "ศาลากลางจังหวัดชัยภูมิ"], [3]),
    ("split-number-looked-at-too", ["ที่", "สน", "๐๐๒๓.๑๙/๕๔๐", "๐", "ที่ว่าการอำเภอ"], [3]),
    ("three-characters-is-no-lone-tail", ["ที่", "สน", "๐๐๒๓.๑๙/๕๔", "๐๐๐", "ที่ว่าการอำเภอ"], []),
    ("a-word-after-the-number", ["ที่", "ขก", "๐๐๒๓.๑๔/๑๒๑๖", "ที่ว่าการอำเภอชุมแพ"], []),
    ("no-province-prefix", ["ที่", "๐๐๒๓.๑๔/๑๒๑๖", "7", "ที่ว่าการ"], []),
    ("memo-number-is-memonumber-s", ["ที่", "ขก", "๗๕๐๐๒/๗๙๖", "7", "วันที่"], []),
    ("ministry-letterhead-too", ["ที่", "มท", "0810.3/288", "0", "กรมส่งเสริมการปกครองท้องถิ่น"], [3]),
    ("circular-number-in-two-tokens", ["ที่", "ศก", "๐๐๒๓.๑/ว", "๒๖๓๙", "7", "ศาลากลางจังหวัดศรีสะเกษ"], [4]),
    ("circular-number-in-one-token", ["ที่", "มท", "๐๘๑๐.๓/ว๑๑๒๔", "7", "กรมส่งเสริม"], [3]),
    ("code-and-running-apart-not-a-circular", ["ที่", "ขก", "๐๐๒๓.๑๔/", "๑๒๑๖", "7", "ที่ว่าการ"], [4]),
    ("not-an-agency-prefix", ["ที่", "เรื่อง", "๐๐๒๓.๑๔/๑๒๑๖", "7", "ที่ว่าการ"], []),
]


@pytest.mark.parametrize("words, expected", [c[1:] for c in SLOTS], ids=[c[0] for c in SLOTS])
def test_which_tokens_are_looked_at(monkeypatch, words, expected):
    monkeypatch.setattr(headstrays, "tail_fix", lambda model, page, nbox, tbox, text: Fix("", "speck"))
    fixes = headstrays.second_look(object(), PAGE, 1.0, line_tokens(words), words)
    assert list(fixes) == expected


def _glyphs(heights):
    return [Glyph(20 + 30 * k, 9, 20, h, np.ones((h, 20), np.uint8)) for k, h in enumerate(heights)]


NUMBER = ([("๑", 1.0), ("๒", 1.0), ("๑", 1.0), ("๖", 1.0)], _glyphs([40, 40, 40, 40]))
LATIN = ([("1", 1.0), ("/", 1.0), ("1", 1.0), ("6", 1.0)], _glyphs([40, 44, 40, 40]))
TAILS = [
    # (id, classifier reading of the tail's ink with glyph heights (None: no ink), emptied?)
    ("no-ink", None, True),
    ("speck-read-as-digit", ([("๗", 0.99)], _glyphs([4])), True),
    ("speck-read-as-no-digit", ([("?", 0.99)], _glyphs([5])), True),
    ("full-size-unsure-digit", ([("๗", 0.3)], _glyphs([40])), True),
    ("full-size-sure-digit-of-a-split-number", ([("๐", 1.0)], _glyphs([38])), False),
    ("full-size-sure-latin-digit", ([("0", 1.0)], _glyphs([38])), False),
    ("speck-beside-a-full-size-digit", ([(".", 0.9), ("๐", 0.99)], _glyphs([4, 39])), False),
]


@pytest.mark.parametrize("tail, emptied", [c[1:] for c in TAILS], ids=[c[0] for c in TAILS])
@pytest.mark.parametrize("number", [NUMBER, LATIN], ids=["thai", "latin"])
def test_tail_read_again(monkeypatch, tail, emptied, number):
    reads = {(0, 0, 200, 40): number, (210, 0, 20, 40): tail}
    monkeypatch.setattr(headstrays.rewrite, "read_blob", lambda model, page, box: reads[box])
    fix = headstrays.tail_fix(object(), PAGE, (0, 0, 200, 40), (210, 0, 20, 40), "7")
    assert (fix is not None) == emptied
    if fix:
        assert fix.text == "" and "letterhead's running number" in fix.reason
