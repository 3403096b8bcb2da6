"""ocr.memomonth: a memo header line whose handwritten day Tesseract read after the
label but whose month and year it lost or garbled: day, month and year read from
the ink to the line's end, only when the whole shape is read surely and nothing
Tesseract read contradicts it."""

import numpy as np
import pytest

from docintake.ocr import memomonth
from docintake.ocr.glyphs import Glyph
from docintake.ocr.memomonth import date_shape, heads, skeleton
from tokenline import line_tokens

PAGE = np.full((400, 1600), 255, np.uint8)


def _line(words):
    """Tokens of one line; a label with the day run into it gets one box a character,
    as Tesseract gives Thai tokens."""
    toks = line_tokens(words)
    for t in toks:
        if t.text.startswith(("วันที", "ฉันที")) and t.text[-1].isdigit():
            x, y, w, h = t.box
            t.boxes = [(x + 30 * k, y, 30, h) for k in range(len(t.text))]
    return toks


NUMBER = ["ที่", "มค", "๗๗๙๙๓/", "๑๑๒"]
HEADS = [
    # (id, OCR header line after the number (digits corrected), index of the label in it or None)
    ("month-and-year-lost-after-the-day-seed27", ["วันที่", "๑๖่ว."], 0),
    ("month-and-year-as-latin-seed27", ["วันที", "๒๓", "WAP", "OB", "."], 0),
    ("day-run-into-the-label-seed28", ["วันที่๖", "J.", "๒๕๖๗"], 0),
    ("month-boxed-into-the-day-seed23", ["_", "ฉันที", "๑๐.", "๒๕๖๗"], 1),
    ("month-without-its-year", ["วันที่", "๑๐", "มิ.ย."], 0),
    ("date-readable", ["วันที่", "๑๐", "มิ.ย.", "๒๕๖๗"], None),
    ("date-readable-without-dots", ["วันที่", "๑๐", "มิย", "๖๗"], None),
    ("date-readable-day-glued-to-the-month", ["วันที่", "๑๐มิ.ย.", "๖๗"], None),
    ("date-readable-month-and-year-one-token-seed29", ["วันที่", "๓๑", "ธ.ค. ๖๗", "7", "0"], None),
    ("date-readable-year-run-into-the-month", ["วันที่", "๓๑", "ธ.ค.๖๗"], None),
    ("a-month-without-its-year-after-a-year", ["วันที่", "๒๕๖๗", "มิ.ย."], 0),
    ("label-read-as-junk-is-memotails", ["WiasAod", "7"], None),
    ("no-label-after-the-number", ["๑๐", "J."], None),
    ("label-without-its-marks-seed26", ["วนท", "เวน", ";", "Je:", "๒๕๖๘", "7"], 0),
]


@pytest.mark.parametrize("after, expected", [c[1:] for c in HEADS], ids=[c[0] for c in HEADS])
def test_heads_follow_a_memo_number(after, expected):
    words = NUMBER + after
    found = heads(_line(words), words)
    assert [h.label - len(NUMBER) for h in found] == ([expected] if expected is not None else [])


def test_the_prefix_run_into_the_code_seed26():
    words = ["i", "สร.ฆ๗๓๕๒๕/๕๓๒", "วนท", "เวน", "Je:", "๒๕๖๘"]
    assert [h.label for h in heads(_line(words), words)] == [2]


def test_a_letter_number_is_no_memo_header():
    words = ["ที่", "มท", "๐๘๑๐.๓/ว", "๒๑๔๘", "วันที่", "๑๐", "J."]
    assert heads(_line(words), words) == []


L = ("?", 1.0)  # a glyph the classifier rejects: a letter of the month
DOT, NOT_DIGIT = (".", 0.95), ("๓", 0.0)
SHAPES = [
    # (id, classifier reading of the ink right of the label, (day, day_end, year_at, year) or None)
    ("seed27-two-digit-day-two-digit-year", [("๑", 1.0), ("๖", 1.0), NOT_DIGIT, DOT, ("๑", 0.0), DOT, ("๖", 1.0), ("๘", 1.0)],
     (16, 2, 6, "๖๘")),
    ("seed28-one-digit-day-be-year", [("๖", 1.0), NOT_DIGIT, DOT, L, DOT, ("๒", 1.0), ("๕", 1.0), ("๖", 1.0), ("๗", 1.0)],
     (6, 1, 5, "๒๕๖๗")),
    ("unsure-day", [("๖", 0.9), L, DOT, ("๖", 1.0), ("๘", 1.0)], None),
    ("no-day-over-31", [("๔", 1.0), ("๕", 1.0), L, ("๖", 1.0), ("๘", 1.0)], None),
    ("no-month-between", [("๑", 1.0), ("๐", 1.0), ("๒", 1.0), ("๕", 1.0), ("๖", 1.0), ("๗", 1.0)], None),
    ("only-dots-between", [("๖", 1.0), DOT, ("๖", 1.0), ("๘", 1.0)], None),
    ("seed26-mi-read-as-a-colon", [("๙", 1.0), (":", 0.0), DOT, ("๑", 0.0), DOT, ("๒", 1.0), ("๕", 1.0), ("๖", 1.0), ("๘", 1.0)],
     (9, 1, 5, "๒๕๖๘")),
    ("a-digit-in-the-month", [("๖", 1.0), L, ("๓", 0.6), L, ("๖", 1.0), ("๘", 1.0)], None),
    ("three-digit-year", [("๖", 1.0), L, DOT, ("๒", 1.0), ("๕", 1.0), ("๖", 1.0)], None),
    ("four-digits-no-buddhist-year", [("๖", 1.0), L, DOT, ("๑", 1.0), ("๒", 1.0), ("๓", 1.0), ("๔", 1.0)], None),
    ("no-year", [("๖", 1.0), L, DOT], None),
]


@pytest.mark.parametrize("reading, expected", [c[1:] for c in SHAPES], ids=[c[0] for c in SHAPES])
def test_date_shape(reading, expected):
    found = date_shape(reading)
    assert (found and (found.day, found.day_end, found.year_at, found.year)) == expected


SKELETONS = [
    # (id, Thai reading of a month's ink, its consonants)
    ("vowel-misread-june", "มี.ย.", "มย"),
    ("march-and-january-share-theirs", "มี.ค.", "มค"),
    ("no-mark", "ก.ย.", "กย"),
    ("specks-dropped", "'พ.ค. ", "พค"),
]


@pytest.mark.parametrize("reading, expected", [c[1:] for c in SKELETONS], ids=[c[0] for c in SKELETONS])
def test_skeleton(reading, expected):
    assert skeleton(reading) == expected


def _fake_blob(reading):
    """The classifier's reading, glyphs 30 px apart from the crop's origin, all right of the box's edge."""
    glyphs = [Glyph(20 + 30 * k, 9, 20, 30, np.ones((30, 20), np.uint8)) for k in range(len(reading))]
    return lambda model, page, box: (reading, glyphs)


D16 = [("๑", 1.0), ("๖", 1.0), NOT_DIGIT, DOT, L, DOT]
Y68 = [("๖", 1.0), ("๘", 1.0)]
Y2567 = [("๒", 1.0), ("๕", 1.0), ("๖", 1.0), ("๗", 1.0)]
CASES = [
    # (id, line after the number, classifier reading, Thai readings of the month's ink,
    #  {position after the number: new text} or None)
    ("month-and-year-lost-seed27", ["วันที่", "๑๖่ว."], D16 + Y68, ["มิ.ย.", "มิ.ย.", "มิ.ย."], {1: "๑๖ มิ.ย. ๖๘"}),
    ("june-vowel-misread-seed27", ["วันที่", "๑๖่ว."], D16 + Y68, ["มี.ย.", "มิ.ย.", "มี.ย."], {1: "๑๖ มิ.ย. ๖๘"}),
    ("march-or-january-is-none", ["วันที่", "๑๖่ว."], D16 + Y68, ["มี.ค.", "ม.ค.", "มค"], None),
    ("months-disagree", ["วันที่", "๑๖่ว."], D16 + Y68, ["ก.ค.", "ส.ค.", "ก.ค."], None),
    ("junk-emptied-seed27", ["วันที", "๒๓", "WAP", "OB"], [("๒", 1.0), ("๓", 1.0), L, DOT, L, DOT] + Y2567,
     ["พ.ค.", "พ.ค.", "พ.ค."], {1: "๒๓ พ.ค. ๒๕๖๗", 2: "", 3: ""}),
    ("day-run-into-the-label-seed28", ["วันที่๖", "J.", "๒๕๖๗"], [("๖", 1.0), L, DOT, L, DOT] + Y2567,
     ["ก.ย.", "ก.ย.", "ก.ย."], {0: "วันที่ ๖ ก.ย. ๒๕๖๗", 1: "", 2: ""}),
    ("tesseracts-day-differs", ["วันที่", "๑๗่ว."], D16 + Y68, ["มิ.ย.", "มิ.ย.", "มิ.ย."], None),
    ("tesseracts-year-differs", ["วันที่๖", "J.", "๒๕๖๖"], [("๖", 1.0), L, DOT, L, DOT] + Y2567,
     ["ก.ย.", "ก.ย.", "ก.ย."], None),
    ("tesseracts-letters-name-another-month", ["วันที", "๒๓", "ก.ค."], [("๒", 1.0), ("๓", 1.0), L, DOT, L, DOT] + Y2567,
     ["พ.ค.", "พ.ค.", "พ.ค."], None),
    ("no-sure-shape", ["วันที่", "๑๖่ว."], [("๑", 1.0), ("๖", 0.5), L, DOT] + Y68, ["มิ.ย."] * 3, None),
]


@pytest.mark.parametrize("after, reading, months, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_second_look(monkeypatch, after, reading, months, expected):
    words = NUMBER + after
    toks = _line(words)
    monkeypatch.setattr(memomonth.rewrite, "read_blob", _fake_blob(reading))
    monkeypatch.setattr(memomonth, "ink_end", lambda page, left, top, height: left + 400)
    it = iter(months)
    fixes = memomonth.second_look(object(), PAGE, 1.0, toks, words, lambda img, psm: next(it))
    assert ({k - len(NUMBER): f.text for k, f in fixes.items()} or None) == expected
    assert all("memo header" in f.reason and "sure" in f.reason for f in fixes.values())


def _page_with(blobs):
    page = np.full((100, 800), 255, np.uint8)
    for x0, x1, y0, y1 in blobs:
        page[y0:y1, x0:x1] = 0
    return page


INK = [
    # (id, dark boxes (x0, x1, y0, y1) right of x=100 in a band 20..60, where the line's ink ends)
    ("day-month-year", [(110, 130, 25, 55), (150, 170, 25, 55), (190, 240, 25, 55)], 240),
    ("dotted-line-bridges-nothing", [(110, 130, 25, 55), *[(140 + 10 * k, 143 + 10 * k, 57, 59) for k in range(40)],
                                     (600, 640, 25, 55)], 130),
    ("far-ink-is-another-block", [(110, 130, 25, 55), (400, 440, 25, 55)], 130),
]


@pytest.mark.parametrize("blobs, expected", [c[1:] for c in INK], ids=[c[0] for c in INK])
def test_ink_end(blobs, expected):
    assert memomonth.ink_end(_page_with(blobs), 100, 20, 40) == expected
