"""ocr.runtail: a handwritten running number, cut by the line's print size
into a body and a tail (๘ as ๓ and ``/``), read again alone in its own box;
taken only when every glyph is a sure digit and a second scale agrees."""

from pathlib import Path

import cv2
import numpy as np
import pytest

from docintake.ocr import runtail
from docintake.ocr.digits import load_digit_model
from tokenline import line_tokens

MODELS = Path(__file__).resolve().parents[1] / "models"
FIXTURES = Path(__file__).parent / "fixtures" / "runtail"

LINES = [
    # (id, Tesseract's words, the words after the digit fixes, (running token, code glued, digits now) found)
    ("handwritten-tail-lost-by-the-line-fix",  # seed 21: ๑๔๖๘ read ๑๔๖, glued to the code
     ["ที่", "นศ", "๐๐๒๓.๑ฒ/", "๑๕๑6", "ที่ว่าการอำเภอสิชล"],
     ["ที่", "นศ", "๐๐๒๓.๑๗/๑๔๖", "", "ที่ว่าการอำเภอสิชล"], [(3, "๐๐๒๓.๑๗/", "๑๔๖")]),
    ("circular-running-apart-prefix-misread",  # seed 28: สข read ad, ๓๘๑ left as Tesseract's ๓๕๑
     ["A", "ad", "๐๐๒๓.๑๕/ว", "๓๕๑", "ที่ว่าการอำเภอระโนด"],
     ["A", "ad", "๐๐๒๓.๑๔/ว", "๓๕๑", "ที่ว่าการอำเภอระโนด"], [(3, None, "๓๕๑")]),
    ("memo-number-after-province-prefix",  # seed 29: ๔๕๙ read ๔๕๓
     ["N", "สข", "๓๐๓๒๕/", "๕๕๑", "‘AUN", "๕"],
     ["N", "สข", "๗๖๙๒๔/๔๕๓", "", "‘AUN", "๕"], [(3, "๗๖๙๒๔/", "๔๕๓")]),
    ("reference-number-in-a-sentence",
     ["อ้างถึง", "หนังสือ", "ที่", "ศก", "๐๐๒๓.๖/ว", "๒๐๒", "ลงวันที่"],
     ["อ้างถึง", "หนังสือ", "ที่", "ศก", "๐๐๒๓.๖/ว", "๒๐๒๗", "ลงวันที่"], [(5, None, "๒๐๒๗")]),
    ("memo-code-without-prefix-is-no-number",
     ["ที่", "๗๖๙๒๔/", "๔๕๙", "วันที่"], ["ที่", "๗๖๙๒๔/", "๔๕๙", "วันที่"], []),
    ("code-and-running-in-one-token-not-ours",
     ["ที่", "ขก", "๐๐๒๓.๑๔/๑๒๑๖", "ที่ว่าการ"], ["ที่", "ขก", "๐๐๒๓.๑๔/๑๒๑๖", "ที่ว่าการ"], []),
    ("number-in-two-tokens-not-ours",
     ["ที่", "ชย", "๐๐๒๓.๖/", "๑", "๓๖๕", "ศาลากลาง"], ["ที่", "ชย", "๐๐๒๓.๖/", "๑", "๓๖๕", "ศาลากลาง"], []),
    ("speck-after-the-number-not-ours",
     ["ที่", "ขก", "0023.14/", "1216", "7", "ที่ว่าการ"], ["ที่", "ขก", "0023.14/", "1216", "7", "ที่ว่าการ"], []),
    ("a-word-after-the-slash",
     ["ที่", "อด", "๐๐๒๓.๕/", "NODE.", "ศาลากลาง"], ["ที่", "อด", "๐๐๒๓.๕/", "NODE.", "ศาลากลาง"], []),
    ("next-token-taken-into-the-number",  # seed 9: ๑๕๗๘, its ๘ a token of its own read as ``a/``
     ["ที่", "ลย", "๐๐๒๓.๑๑/", "926", "a/", "ที่ว่าการอำเภอเมืองเลย"],
     ["ที่", "ลย", "๐๐๒๓.๑๑/๑๕๗๘", "", "", "ที่ว่าการอำเภอเมืองเลย"], []),
    ("signs-in-the-running-token-as-tesseract-read-them",  # seed 118: a handwritten ๒๑๕๖ read ``๓๑๕“90``
     ["กส", "๐๐๒๓.๑๕/", "๓๑๕“90", "ที่ว่าการอำเภอกมลาไสย"],
     ["กส", "๐๐๒๓.๑๕/", "๓๑๕“90", "ที่ว่าการอำเภอกมลาไสย"], [(2, None, "๓๑๕“90")]),
    # seed 127: the fixes glued the running token to the code and read a handwritten ๙ as ``๓/``
    ("glued-with-signs-read-in-it",
     ["ที่", "ชม", "๐๐๒๓.๑๓/", "ว๑๓๑“9", "ทีว่าการอําเภอสันทราย"],
     ["ที่", "ชม", "๐๐๒๓.๑๓/๑๓๓/๖", "", "ทีว่าการอําเภอสันทราย"], [(3, "๐๐๒๓.๑๓/", "๑๓๓/๖")]),
    # ... and a ๕ as ``/.``, after a code token Tesseract read with a leader's dot after its slash
    ("glued-with-signs-after-a-leader-dot",
     ["A", "ลป", "๐๐๒๓.๑๕/.", "๑๐๕๓", "ที่ว่าการอําเกองาว"],
     ["A", "ลป", "๐๐๒๓.๑๘/๑๐/.๓", "", "ที่ว่าการอําเกองาว"], [(3, "๐๐๒๓.๑๘/", "๑๐/.๓")]),
    # seed 134: a memo's handwritten ๙ read ``@@”``, glued to the code by the fixes
    ("glued-with-at-signs-read-in-it",
     ["ที่", "พช", "๓๕๒๒๑/", "96@@”", "ที่ทําการองค์การบริหารส่วนตําบลโนนทัน"],
     ["ที่", "พช", "๗๘๒๒๑/๖๘@@”", "", "ที่ทําการองค์การบริหารส่วนตําบลโนนทัน"], [(3, "๗๘๒๒๑/", "๖๘@@”")]),
    ("fixes-made-letters-of-the-running-token",
     ["ที่", "ขก", "๐๐๒๓.๑๔/", "๑๒๑6", "ที่ว่าการ"], ["ที่", "ขก", "๐๐๒๓.๑๔/", "ก.ย.", "ที่ว่าการ"], []),
]


@pytest.mark.parametrize("words, texts, expected", [c[1:] for c in LINES], ids=[c[0] for c in LINES])
def test_running_lines(words, texts, expected):
    assert runtail.running_lines(line_tokens(words), texts) == expected


def test_region_stays_between_its_neighbours():
    words = ["ที่", "นศ", "๐๐๒๓.๑๗/", "๑๔๖", "ที่ว่าการ"]
    toks = line_tokens(words)
    page = np.full((400, 1600), 255, np.uint8)
    [(k, _, _, region, band, stray)] = runtail.looks(page, 1.0, toks, ["ที่", "นศ", "๐๐๒๓.๑๗/๑๔๖", "", "ที่ว่าการ"])
    x, y, w, h = toks[k].box
    assert k == 3 and region[0] > toks[2].box[0] + toks[2].box[2] and region[2] < toks[4].box[0]
    assert region[2] > x + w  # room for a tail Tesseract's box left out
    assert band == (y - region[1], y + h - region[1]) and stray is None


# Seed 115: a handwritten ๑๕๗๘ read as '9860' and '@/' (the ๘'s loop and tail read apart).
STRAY_LINE = ["ที่", "มค", "๐๐๒๓.๓/ว", "9860", "@/", "ศาลากลางจังหวัดมหาสารคาม"]


def test_signs_beside_the_running_number_are_read_with_it():
    toks = line_tokens(STRAY_LINE)
    page = np.full((400, 2400), 255, np.uint8)
    [(k, _, _, region, _, stray)] = runtail.looks(page, 1.0, toks, STRAY_LINE)
    assert (k, stray) == (3, 4)
    assert region[2] >= toks[4].box[0] + toks[4].box[2] and region[2] < toks[5].box[0]


def test_the_signs_read_into_the_number_give_up_their_text(monkeypatch):
    monkeypatch.setattr(runtail, "read_twice", lambda model, page, region, band: ("๑๕๗๘", "๑๕๗๘"))
    fixes = runtail.second_look(object(), np.full((400, 2400), 255, np.uint8), 1.0, line_tokens(STRAY_LINE), STRAY_LINE)
    assert {k: (f.text, f.absorbs, f.join_left) for k, f in fixes.items()} == {
        3: ("๑๕๗๘", (4,), False), 4: ("", (), True)}


READINGS = [
    # (id, classifier reading, p needed, digits or None)
    ("sure-thai", [("๑", 1.0), ("๔", 1.0), ("๖", 0.99), ("๘", 1.0)], 0.97, "๑๔๖๘"),
    ("one-doubtful-glyph", [("๓", 0.712), ("๘", 1.0), ("๑", 1.0)], 0.97, None),
    ("doubtful-glyph-agreeing-is-enough", [("๓", 0.712), ("๘", 1.0), ("๑", 1.0)], 0.0, "๓๘๑"),
    ("a-letter-in-it", [("๔", 1.0), ("?", 1.0), ("๙", 1.0)], 0.0, None),
    ("a-slash-in-it", [("๔", 1.0), ("๕", 1.0), ("๓", 0.995), ("/", 0.987)], 0.0, None),
    ("scripts-mixed", [("๒", 1.0), ("1", 1.0)], 0.0, None),
    ("latin", [("1", 1.0), ("2", 1.0), ("1", 1.0), ("6", 1.0)], 0.97, "1216"),
    ("too-long-for-a-running-number", [("๑", 1.0)] * 6, 0.97, None),
]


@pytest.mark.parametrize("reading, sure, expected", [c[1:] for c in READINGS], ids=[c[0] for c in READINGS])
def test_sure_digits(reading, sure, expected):
    assert runtail.sure_digits(reading, sure) == expected


DECISIONS = [
    # (id, code glued, digits now, (alone, second scale), fixes expected as {offset: (text, join_left)})
    ("lost-tail-glued", "๐๐๒๓.๑๗/", "๑๔๖", ("๑๔๖๘", "๑๔๖๘"), {-1: ("๐๐๒๓.๑๗/", False), 0: ("๑๔๖๘", True)}),
    ("digit-apart", None, "๓๕๑", ("๓๘๑", "๓๘๑"), {0: ("๓๘๑", False)}),
    ("glued-after-a-space", "๐๐๒๓.๑๔/ว ", "๓๕๑", ("๓๘๑", "๓๘๑"), {-1: ("๐๐๒๓.๑๔/ว", False), 0: ("๓๘๑", False)}),
    ("same-as-now", None, "๔๕๙", ("๔๕๙", "๔๕๙"), None),
    ("second-scale-disagrees", "๗๖๙๒๔/", "๔๕๓", ("๔๕๙", "๔๕๓"), None),
    ("second-scale-no-digits", "๗๖๙๒๔/", "๔๕๓", ("๔๕๙", None), None),
    ("alone-not-sure", None, "๓๕๑", (None, "๓๘๑"), None),
    ("alone-shows-fewer-digits", "๐๐๒๓.๑๑/", "๑๕๗๘", ("๑๕๗", "๑๕๗"), None),
    # ... unless Tesseract's are more than a running number has (seed 135: ๑๕๘๔ read ๑๕๕๑๕)
    ("alone-shows-fewer-than-five", None, "๑๕๕๑๕", ("๑๕๘๔", "๑๕๘๔"), {0: ("๑๕๘๔", False)}),
    # Tesseract's signs and scripts mixed are no count of digits to hold the box's reading to
    ("signs-read-fewer-digits-alone", None, "๓๑๕“90", ("๒๑๕๖", "๒๑๕๖"), {0: ("๒๑๕๖", False)}),
]


@pytest.mark.parametrize("code, now, reads, expected", [c[1:] for c in DECISIONS], ids=[c[0] for c in DECISIONS])
def test_running_fix_decision(monkeypatch, code, now, reads, expected):
    monkeypatch.setattr(runtail, "read_twice", lambda model, page, region, band: reads)
    found = runtail.running_fix(object(), None, (0, 0, 10, 10), (0, 10), code, now)
    if expected is None:
        assert found is None
    else:
        assert {d: (f.text, f.join_left) for d, f in found.items()} == expected
        assert all("read alone" in f.reason for f in found.values())


SECOND_SCALE_ONLY = [
    # (id, Tesseract's reading, (alone, second scale), fixes expected)
    # seed 127: a handwritten ๕ came apart at page size; at 0.8 it reads as Tesseract read it
    ("tesseract-agrees-with-the-second-scale", "๑๐๕๓", (None, "๑๐๕๓"), {-1: ("๐๐๒๓.๑๘/", False), 0: ("๑๐๕๓", True)}),
    ("tesseract-disagrees", "๑๐๓", (None, "๑๐๕๓"), None),
    ("tesseract-in-another-script", "1053", (None, "๑๐๕๓"), None),
]


@pytest.mark.parametrize("tesseract, reads, expected", [c[1:] for c in SECOND_SCALE_ONLY],
                         ids=[c[0] for c in SECOND_SCALE_ONLY])
def test_second_scale_reading_taken_only_as_tesseract_read_it(monkeypatch, tesseract, reads, expected):
    monkeypatch.setattr(runtail, "read_twice", lambda model, page, region, band: reads)
    found = runtail.running_fix(object(), None, (0, 0, 10, 10), (0, 10), "๐๐๒๓.๑๘/", "๑๐/.๓", tesseract)
    assert (None if found is None else {d: (f.text, f.join_left) for d, f in found.items()}) == expected


INK = [
    # (id, crop of a corpus scan around the running number, its box in the crop, neighbours' edges, digits the ink shows)
    ("s21-handwritten-8-with-its-tail", "s21-1468.png", (406, 98, 203, 98), (0, 707), "๑๔๖๘"),
    ("s28-200dpi-8-between-3-and-1", "s28-381.png", (220, 49, 110, 49), (0, 379), "๓๘๑"),
    ("s29-memo-9-not-3", "s29-459.png", (356, 66, 178, 66), (0, 600), "๔๕๙"),
    # Tesseract's box stops before the last ๘'s tail: cut there it reads ๔ (๘๔๔, wrong)
    ("s21-printed-8-tail-beyond-the-box", "s21-848-printed.png", (134, 50, 119, 45), (88, 287), "๘๔๘"),
    # Tesseract read it ``๓๑๕“90``
    ("s118-handwritten-2156", "s118-2156.png", (71, 106, 235, 106), (21, 563), "๒๑๕๖"),
    ("s127-handwritten-1396", "s127-1396.png", (58, 103, 234, 103), (21, 609), "๑๓๙๖"),
    # Tesseract read it ``๑๕๕๑๕``
    ("s135-handwritten-1584", "s135-1584.png", (75, 111, 228, 111), (21, 564), "๑๕๘๔"),
    # Tesseract read it ``96@@”``
    ("s134-memo-handwritten-689", "s134-689.png", (45, 66, 202, 66), (21, 327), "๖๘๙"),
]


@pytest.mark.parametrize("name, box, edges, digits", [c[1:] for c in INK], ids=[c[0] for c in INK])
def test_ink_read_alone_at_two_scales(name, box, edges, digits):
    model = load_digit_model(MODELS)
    page = cv2.imread(str(FIXTURES / name), cv2.IMREAD_GRAYSCALE)
    region = runtail.room(box, *edges)
    band = (box[1] - region[1], box[1] + box[3] - region[1])
    assert runtail.read_twice(model, page, region, band) == (digits, digits)


def test_ink_cut_apart_at_page_size_reads_at_the_second():
    """Seed 127: a handwritten ๕ of ๑๐๕๓ comes apart at page size (no sure digits); at 0.8
    scale the ink reads ๑๐๕๓, as Tesseract read it."""
    model = load_digit_model(MODELS)
    page = cv2.imread(str(FIXTURES / "s127-1053.png"), cv2.IMREAD_GRAYSCALE)
    box = (51, 74, 201, 74)
    region = runtail.room(box, 21, 570)
    assert runtail.read_twice(model, page, region, (box[1] - region[1], box[1] + box[3] - region[1])) == (None, "๑๐๕๓")
