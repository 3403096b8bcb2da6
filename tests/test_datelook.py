"""ocr.datelook: a handwritten day and month read as one piece of junk between
the printed label วันที่ and the year: the day is read by the digit classifier,
the month after it by the Thai model; both must be sure."""

import numpy as np
import pytest

from docintake.ocr import datelook
from docintake.ocr.datelook import leading_day, slots, written_box
from docintake.ocr.glyphs import Glyph
from tokenline import line_tokens

LINE = (100, 200, 1000, 40)
PAGE = np.full((400, 1400), 255, np.uint8)


def _line(words):
    return line_tokens(words, line_box=LINE)


SLOTS = [
    # (id, one OCR line (digits corrected), the junk between label and year)
    ("latin-junk-seed23", ["it", "ชร", "๗๔๐๙๐/๘๙๔", "วันที", "omit.", "๖๗"], ["omit."]),
    ("thai-junk-seed25", ["สน", "๗๙๗๔๘/๑๘๘", "วันที", "สกุค.", "๖๘"], ["สกุค."]),
    ("label-misread-first-letter", ["ที่", "ชม", "๗๕๘๘๐/๕๘๘", "ฉันที่", "ABA", "ค.", "๒๕๖๗"], ["ABA", "ค."]),
    ("day-read-is-monthlooks", ["วันที่", "๑๙", "AA.", "๖๗"], []),
    ("day-glued-to-latin-month-seed11", ["พช", "๗๔๖๕๒/๘๔๒", "วันท", "๘ALA.", "๖๗"], ["๘ALA."]),
    ("digits-inside-the-second-piece", ["วันที่", "ab", "๘ALA.", "๖๗"], []),
    ("a-number-is-no-junk", ["วันที่", "๑๒.๓", "๖๗"], []),
    ("no-year", ["วันที่", "omit.", "ก.ค."], []),
    ("three-pieces-are-words", ["วันที่", "ประชุม", "ครั้ง", "ที่", "๒๕"], []),
    ("deadline-in-body", ["ภายในวันที่", "omit.", "๖๗"], []),  # the label must be the whole token
]


@pytest.mark.parametrize("words, expected", [c[1:] for c in SLOTS], ids=[c[0] for c in SLOTS])
def test_slots_lie_between_the_label_and_the_year(words, expected):
    toks = _line(words)
    found = [[words[i] for i in s.middle] for s in slots(toks, words)]
    assert found == ([expected] if expected else [])


def test_the_written_ink_lies_between_label_and_year_in_the_years_band():
    toks = _line(["วันที", "omit.", "๖๗"])
    (slot,) = slots(toks, [t.text for t in toks])
    label, year = toks[0].box, toks[2].box
    assert written_box(toks, slot) == (label[0] + label[2], year[1], year[0] - label[0] - label[2], year[3])


DAYS = [
    # (id, classifier's reading of the ink left to right, (day, its glyphs) or None)
    ("two-digits-then-letters", [("๑", 0.99), ("๓", 1.0), ("?", 1.0), (".", 0.9)], (13, 2)),
    ("one-digit-then-a-letter", [("๘", 1.0), ("?", 0.97)], (8, 1)),
    ("letter-taken-for-an-unsure-digit", [("๘", 1.0), ("๓", 0.0), (".", 0.95)], (8, 1)),
    ("unsure-day", [("๘", 0.6), ("?", 1.0)], None),
    ("letter-first", [("?", 1.0), ("๘", 1.0), ("?", 1.0)], None),
    ("no-day-over-31", [("๓", 1.0), ("๕", 1.0), ("?", 1.0)], None),
    ("three-digits-are-no-day", [("๑", 1.0), ("๒", 1.0), ("๓", 1.0), ("?", 1.0)], None),
    ("nothing-after-the-day", [("๑", 1.0), ("๓", 1.0)], None),
]


@pytest.mark.parametrize("reading, expected", [c[1:] for c in DAYS], ids=[c[0] for c in DAYS])
def test_leading_day(reading, expected):
    assert leading_day(reading) == expected


def _fake_blob(reading, glyph_xs, first_width=20):
    glyphs = [Glyph(x, 0, first_width if k == 0 else 20, 30, np.ones((30, 20), np.uint8)) for k, x in enumerate(glyph_xs)]
    return lambda model, page, box: (reading, glyphs)


CASES = [
    # (id, classifier reading, Thai readings of the ink after the day, the first junk token's new text or None)
    ("day-and-month-sure", [("๑", 1.0), ("๓", 1.0), ("?", 1.0), ("?", 1.0)], ["มิ.ย.", "มย.", "มิ.ย."], "๑๓ มิ.ย."),
    ("day-unsure", [("๑", 0.5), ("๓", 1.0), ("?", 1.0), ("?", 1.0)], ["มิ.ย.", "มิ.ย.", "มิ.ย."], None),
    ("months-disagree", [("๘", 1.0), ("?", 1.0), ("?", 1.0)], ["ก.ค.", "ส.ค.", "ก.ค."], None),
    ("month-unread", [("๘", 1.0), ("?", 1.0), ("?", 1.0)], ["", "ก", ""], None),
]


@pytest.mark.parametrize("reading, months, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_second_look(monkeypatch, reading, months, expected):
    toks = _line(["วันที", "omit.", "๖๗"])  # label 100-250, junk 260-410, year 420
    # read_blob's crop starts a third of the box's height left of it (252 - 9)
    monkeypatch.setattr(datelook.rewrite, "read_blob", _fake_blob(reading, [20, 45, 80, 120][: len(reading)]))
    it = iter(months)
    fixes = datelook.second_look(object(), PAGE, 1.0, toks, [t.text for t in toks], lambda img, psm: next(it))
    assert (fixes[1].text if fixes else None) == expected
    if fixes:
        assert "digit classifier reads the day 13 surely" in fixes[1].reason


def test_the_labels_tail_in_the_crops_pad_is_no_day(monkeypatch):
    # seed 25: the classifier's first glyph was ที่'s last stroke, centred left of the box
    toks = _line(["วันที", "สกุค.", "๖๘"])
    reading = [("?", 1.0), ("๘", 1.0), ("๓", 0.0), (".", 0.95)]
    monkeypatch.setattr(datelook.rewrite, "read_blob", _fake_blob(reading, [0, 30, 60, 90], first_width=8))
    it = iter(["ก.ค.", "ก.ค.", "ก.ค."])
    fixes = datelook.second_look(object(), PAGE, 1.0, toks, [t.text for t in toks], lambda img, psm: next(it))
    assert fixes[1].text == "๘ ก.ค."


@pytest.mark.parametrize("junk, expected", [("๘ALA.", "๘ ส.ค."), ("๙ALA.", None)], ids=["tesseracts-day-agrees", "tesseracts-day-differs"])
def test_a_day_tesseract_read_must_be_the_classifiers(monkeypatch, junk, expected):
    toks = _line(["วันท", junk, "๖๗"])
    monkeypatch.setattr(datelook.rewrite, "read_blob", _fake_blob([("๘", 1.0), ("?", 1.0), ("?", 1.0)], [20, 45, 80]))
    it = iter(["ส.ค.", "ส.ค.", "ส.ค."])
    fixes = datelook.second_look(object(), PAGE, 1.0, toks, [t.text for t in toks], lambda img, psm: next(it))
    assert (fixes[1].text if fixes else None) == expected
