"""ocr.memotail: a memo header line whose printed label วันที่ Tesseract read as
Latin junk after the number: label, day, month and year read from the ink where
the memo's fixed order puts them, only when the whole shape is read surely."""

import numpy as np
import pytest

from docintake.ocr import memotail
from docintake.ocr.glyphs import Glyph
from docintake.ocr.memotail import shape, tails
from tokenline import line_tokens

LINE = (100, 200, 1200, 40)
PAGE = np.full((400, 1600), 255, np.uint8)


def _line(words):
    return line_tokens(words, line_box=LINE)


TAILS = [
    # (id, one OCR header line (digits corrected), (junk, month token, year token) or None)
    ("label-and-day-as-latin-seed24", ["ที", "สน", "๗๑๒๔๙/", "๓๕๑", "IN", "ES", "กค.", "๒๕๖๗"], (["IN", "ES"], "กค.", "๒๕๖๗")),
    ("label-day-month-year-as-latin-seed25", ["ที่", "ชร", "๗๓๑๐๙/", "๓๓๗", "WiasAod", "7"], (["WiasAod", "7"], None, None)),
    ("number-one-token", ["ที่", "ลย", "๗๕๖๕๑/๔๔๑", "Tun", "Ae", "๖๗"], (["Tun", "Ae"], None, "๖๗")),
    ("prefix-run-into-the-number-seed22", ["ท", "พช๗๓๓๒๖/๕๙๑", "0.", "WWM", "6A.", "๒๕๖๘"], (["0.", "WWM", "6A."], None, "๒๕๖๘")),
    ("prefix-and-a-speck-run-into-the-code", ["ที่", "สร.ฆ๗๓๕๒๕/", "๕๓๒", "IN", "ES", "กค.", "๒๕๖๗"], (["IN", "ES"], "กค.", "๒๕๖๗")),
    ("a-word-run-into-the-number-is-none", ["ที่", "กรุงเทพ๗๓๕๒๕/๕๓๒", "IN", "๖๗"], None),
    ("label-read-is-datelooks", ["ที่", "ลย", "๗๕๖๕๑/๔๔๑", "วันที", "omit.", "๖๗"], None),
    ("thai-words-after-the-number", ["ที่", "มท", "๐๘๑๐๓/๒๑๔", "ลงวันที่", "๖๗"], None),
    ("a-letterhead-number-is-no-memos", ["ที่", "มท", "๐๘๑๐.๓/ว", "๒๑๔๘", "Ae"], None),
    ("nothing-after-the-number", ["ที่", "ลย", "๗๕๖๕๑/๔๔๑"], None),
    ("too-much-junk-is-a-line-of-its-own", ["๗๕๖๕๑/๔๔๑", "a", "b", "c", "d", "๖๗"], None),
]


@pytest.mark.parametrize("words, expected", [c[1:] for c in TAILS], ids=[c[0] for c in TAILS])
def test_tails_follow_a_memo_number(words, expected):
    toks = _line(words)
    found = [([words[k] for k in t.junk], t.month and words[t.month], t.year and words[t.year]) for t in tails(toks, words)]
    assert found == ([expected] if expected else [])


L = ("?", 1.0)  # a glyph the classifier rejects: a letter of the label or the month
SHAPES = [
    # (id, classifier reading of the ink after the number, (day, glyph index where it ends, where the year starts) or None)
    ("label-then-day-seed24", [L, L, L, ("๕", 1.0), (".", 0.9)], (5, 4, 5)),
    ("label-day-month-year-seed25", [L, L, L, ("๘", 1.0), ("๓", 1e-9), (".", 0.96), ("๑", 1e-11), (".", 0.96), ("๖", 1.0), ("๘", 1.0)], (8, 4, 8)),
    ("two-digit-day", [L, L, ("๑", 1.0), ("๖", 1.0), L, L], (16, 4, 6)),
    ("one-letter-is-no-label", [L, ("๘", 1.0), L], None),
    ("digit-in-the-label", [L, ("๗", 0.99), L, ("๘", 1.0), L], None),
    ("unsure-day", [L, L, ("๘", 0.8), L], None),
    ("no-day-over-31", [L, L, ("๔", 1.0), ("๕", 1.0), L], None),
    ("digit-in-the-month", [L, L, ("๘", 1.0), L, ("๓", 0.6), L, ("๖", 1.0), ("๘", 1.0)], None),
]


@pytest.mark.parametrize("reading, expected", [c[1:] for c in SHAPES], ids=[c[0] for c in SHAPES])
def test_shape(reading, expected):
    found = shape(reading)
    assert (found and (found.day, found.day_end, found.year_at)) == expected


def _fake_blob(reading, glyph_xs):
    glyphs = [Glyph(x, 9, 20, 30, np.ones((30, 20), np.uint8)) for x in glyph_xs]
    return lambda model, page, box: (reading, glyphs)


D, Y = ("๘", 1.0), [("๖", 1.0), ("๘", 1.0)]
CASES = [
    # (id, line after the number, classifier reading, Thai readings of the month's ink, new text of the first junk token)
    ("label-and-day-month-printed", ["IN", "ES", "กค.", "๒๕๖๗"], [L, L, L, ("๕", 1.0)], [], "วันที่ ๕"),
    ("all-four-from-the-ink", ["WiasAod", "7"], [L, L, L, D, L, (".", 0.9), L, (".", 0.9)] + Y, ["ธิ.ค.", "ธ.ค.", "ธิ.ค."], "วันที่ ๘ ธ.ค. ๖๘"),
    ("year-printed", ["WiasAod", "๖๘"], [L, L, L, D, L, (".", 0.9), L, (".", 0.9)], ["ธ.ค.", "ธ.ค.", ""], "วันที่ ๘ ธ.ค."),
    ("months-disagree", ["WiasAod", "7"], [L, L, L, D, L, L] + Y, ["ก.ค.", "ส.ค.", "ก.ค."], None),
    ("month-unread", ["WiasAod", "7"], [L, L, L, D, L, L] + Y, ["", "ก", ""], None),
    ("no-year-in-the-ink", ["WiasAod", "7"], [L, L, L, D, L, L], ["ธ.ค.", "ธ.ค.", "ธ.ค."], None),
    ("tesseracts-day-agrees-seed16", ["JUN", "๖", "พ.ค.", "๖๘"], [L, L, L, ("๖", 1.0)], [], "วันที่ ๖"),
    ("tesseracts-day-differs", ["JUN", "๙", "พ.ค.", "๖๘"], [L, L, L, ("๖", 1.0)], [], None),
    ("a-letter-after-the-day-before-a-printed-month", ["IN", "ES", "กค.", "๒๕๖๗"], [L, L, L, ("๕", 1.0), L], [], None),
]


@pytest.mark.parametrize("after, reading, months, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_second_look(monkeypatch, after, reading, months, expected):
    words = ["ที่", "ชร", "๗๓๑๐๙/", "๓๓๗", *after]
    toks = _line(words)
    # glyphs 30 px apart from the crop's origin (the box's left less 9 px of pad) on: all right of the box's edge
    monkeypatch.setattr(memotail.rewrite, "read_blob", _fake_blob(reading, [20 + 30 * k for k in range(len(reading))]))
    it = iter(months)
    fixes = memotail.second_look(object(), PAGE, 1.0, toks, words, lambda img, psm: next(it))
    assert (fixes[4].text if fixes else None) == expected
    if fixes:
        assert "the day" in fixes[4].reason
        assert all(fix.text == "" for k, fix in fixes.items() if k != 4)  # the rest of the junk goes
