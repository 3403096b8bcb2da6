"""ocr.memonumber: a memo number off its one shape (5-digit code, one slash,
running number) read again where the shape says a digit and slash were fused
into a letter, or a running number got a second slash."""

import numpy as np
import pytest

from docintake.ocr import memonumber
from docintake.ocr.digits import Fix
from docintake.ocr.memonumber import fused_glyph
from tokenline import line_tokens

PAGE = np.full((400, 1600), 255, np.uint8)


def _line(words):
    return line_tokens(words)


d, letter = ("๗", 1.0), ("?", 1.0)
GLYPHS = [
    # (id, classifier reading of the number's ink, index of the fused glyph or None)
    ("digit-and-slash-read-as-a-letter-seed9", [d, ("๕", 1.0), ("๐", 1.0), ("๐", 1.0), ("๗", 0.0), d, ("๙", 1.0), ("๖", 1.0)], 4),
    ("rejected-glyph", [d, d, d, d, letter, d], 4),
    ("five-digits-before-it", [d, d, d, d, d, letter, d], None),
    ("unsure-code-digit", [("๗", 0.8), d, d, d, letter, d], None),
    ("doubted-digit-is-not-surely-no-digit", [d, d, d, d, ("๒", 0.6), d], None),
    ("running-number-too-long", [d, d, d, d, letter, d, d, d, d, d], None),
    ("nothing-after-it", [d, d, d, d, letter], None),
]


@pytest.mark.parametrize("reading, expected", [c[1:] for c in GLYPHS], ids=[c[0] for c in GLYPHS])
def test_fused_glyph(reading, expected):
    assert fused_glyph(reading) == expected


SLOTS = [
    # (id, memo header line as read (digits corrected), token looked at again and by which check, or None)
    ("letter-between-code-and-running-seed9", ["ท", "ขก", "๗๕๐๐ส๗๙๖", "วนท"], (2, "fused")),
    ("second-slash-in-running-seed23", ["i", "อบ", "๗๕๙๕๘/", "๓/๖๐", "WH"], (3, "running")),
    ("no-province-prefix", ["ที่", "๗๕๐๐ส๗๙๖"], None),
    ("ministry-letterhead-number", ["ที่", "มท", "๐๘๑๐.๓/", "ว/๒๑"], None),
    ("well-formed-number", ["ที่", "ขก", "๗๕๐๐๒/๗๙๖"], None),
    ("running-without-slash", ["อบ", "๗๕๙๕๘/", "๙๖๐"], None),
    ("stray-digit-after-whole-number-seed10", ["i", "สร", "72579/288", "0", "วันที"], (3, "stray")),
    ("speck-after-code-and-running-seed21", ["ชย", "๗๕๒๒๑/", "๖๘๖", "", "7.", "วันที"], (4, "stray")),
    ("two-strays-seed12", ["ลป", "๗๑๘๗๓/๒๑๒", "1", "7", "วันที่"], [(2, "stray"), (3, "stray")]),
    ("no-stray-before-a-letterhead-number", ["ที่", "มท", "0810/288", "0"], None),
    ("a-word-after-the-number-is-no-stray", ["สร", "72579/288", "วันที"], None),
]


@pytest.mark.parametrize("words, expected", [c[1:] for c in SLOTS], ids=[c[0] for c in SLOTS])
def test_which_tokens_are_looked_at(monkeypatch, words, expected):
    monkeypatch.setattr(memonumber, "fused_fix", lambda model, page, box, text: Fix("fused", ""))
    monkeypatch.setattr(memonumber, "running_fix", lambda model, page, box, text: Fix("running", ""))
    monkeypatch.setattr(memonumber, "stray_fix", lambda model, page, box, text: Fix("stray", ""))
    fixes = memonumber.second_look(object(), PAGE, 1.0, _line(words), words)
    assert [(i, f.text) for i, f in fixes.items()] == (expected if isinstance(expected, list) else [expected] if expected else [])


def _blob(reading):
    from docintake.ocr.glyphs import Glyph
    glyphs = [Glyph(20 + 30 * k, 9, 20, 30, np.ones((30, 20), np.uint8)) for k in range(len(reading))]
    return lambda model, page, box: (reading, glyphs)


@pytest.mark.parametrize("reading, expected", [
    ([("๙", 1.0), ("๖", 1.0), ("๐", 1.0)], "๙๖๐"),
    ([("๓", 1.0), ("/", 1.0), ("๖", 1.0), ("๐", 1.0)], None),  # the classifier sees the slash too: left alone
    ([("๙", 0.9), ("๖", 1.0), ("๐", 1.0)], None),
], ids=["read-whole-surely", "slash-again", "unsure"])
def test_running_number_read_again(monkeypatch, reading, expected):
    monkeypatch.setattr(memonumber.rewrite, "read_blob", _blob(reading))
    fix = memonumber.running_fix(object(), PAGE, (0, 0, 100, 30), "๓/๖๐")
    assert (fix.text if fix else None) == expected
    if fix:
        assert fix.join_left and "every glyph a sure digit" in fix.reason


@pytest.mark.parametrize("reading, expected", [
    (None, ""),  # no ink at all: the token was Tesseract's, not the page's
    ([(".", 0.9)], ""),
    ([("๐", 0.99)], None),  # a digit really there: left to the parser
    ([("๐", 0.01)], ""),
], ids=["no-ink", "a-speck", "a-sure-digit", "surely-no-digit"])
def test_stray_read_again(monkeypatch, reading, expected):
    blob = (lambda model, page, box: None) if reading is None else _blob(reading)
    monkeypatch.setattr(memonumber.rewrite, "read_blob", blob)
    fix = memonumber.stray_fix(object(), PAGE, (0, 0, 20, 30), "0")
    assert (fix.text if fix else None) == expected
