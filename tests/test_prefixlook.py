"""ocr.prefixlook: a memo's handwritten province prefix, read as Latin junk or
not at all before the LAO's five-digit code, is read again by the Thai model
alone and put in only when the readings agree on one known prefix."""

import numpy as np
import pytest

from docintake.ocr.digits import Fix
from docintake.ocr.prefixlook import decide, reading_prefix, second_look, slots
from docintake.ocr.tesseract import Token

LINE = (100, 200, 1000, 40)


def _line(words, line=0, gap=10):
    """Tokens of one text line, 30 px per character, ``gap`` px apart, 32 px high."""
    toks, x, pos = [], 100, 0
    for text in words:
        box = (x, 204, 30 * len(text), 32)
        toks.append(Token(text, pos, pos + len(text), box, 70.0, line, [box], LINE))
        x += 30 * len(text) + gap
        pos += len(text) + 1
    return toks


SLOTS = [
    # (id, one OCR line as tokens (digits already corrected), (junk token's text or None) per slot)
    ("prefix-read-as-latin", ["UN", "๗๓๑๓๘/", "๘๕๘", "ฮ๑๒", "A.A.", "๖๗"], ["UN"]),
    ("label-and-prefix-both-latin", ["ni", "VE", "๗๙๙๙๒/๓๙๒", "วันที่", "๗", "ต.ค.", "๖๗"], ["VE"]),
    ("number-first-on-its-line", ["๗๘๖๔๘/๓๙๖", "วันที่", "๑๐"], [None]),
    ("legible-prefix", ["ที่", "นม", "๗๓๑๓๘/๘๕๘"], []),
    ("legible-prefix-with-a-dot", ["ที่", "สร.", "๗๗๑๘๓/๘๗"], []),
    ("thai-misread-is-the-parsers", ["ที่", "ขม", "๗๔๙๕๔/๔๖๘"], []),
    ("department-code-is-no-lao-code", ["ที่", "UN", "๐๘๑๐.๓/ว", "๒๑๔๘"], []),
    ("long-latin-word-is-no-prefix", ["Reference", "๗๓๑๓๘/๘๕๘"], []),
]


@pytest.mark.parametrize("words, expected", [c[1:] for c in SLOTS], ids=[c[0] for c in SLOTS])
def test_slots_are_where_a_prefix_was_written(words, expected):
    toks = _line(words)
    assert [None if s.junk is None else words[s.junk] for s in slots(toks, words)] == expected


def test_junk_far_from_the_number_leaves_the_ink_left_of_it_to_read():
    # the label read as ``it`` a long way left; the prefix itself read as nothing
    toks = _line(["it", "๗๓๑๓๘/๘๕๘"], gap=200)
    (slot,) = slots(toks, [t.text for t in toks])
    assert toks[1].box == (360, 204, 270, 32)
    assert slot.junk is None and slot.box == (284, 204, 76, 32)  # 2.4 heights left of the number, in its band


def test_junk_two_heights_off_is_the_label_and_the_gap_the_prefix():
    # seed 16: ที่ read as ``NAN`` 2.2 heights short of the code, ศก read as nothing
    # between them: the gap is read again, the label's junk kept as it is
    toks = _line(["NAN", "๗๘๐๐๐/", "๔๓"], gap=70)
    (slot,) = slots(toks, [t.text for t in toks])
    assert slot.junk is None and slot.box == (190, 204, 70, 32)


def test_junk_further_than_the_span_is_not_the_prefix():
    toks = _line(["NAN", "๗๘๐๐๐/", "๔๓"], gap=90)  # 2.8 heights: the ink left of the number alone
    (slot,) = slots(toks, [t.text for t in toks])
    assert slot.junk is None and slot.box[0] + slot.box[2] == toks[1].box[0]


def test_junk_on_another_line_is_not_its_prefix():
    toks = _line(["UN"]) + _line(["๗๓๑๓๘/๘๕๘"], line=1)
    assert [s.junk for s in slots(toks, [t.text for t in toks])] == [None]


READINGS = [
    ("exact", "นม", "นม"),
    ("with-dots-and-spaces", " พช.", "พช"),
    ("a-letter-too-many", "นมน", None),
    ("a-ministry-is-no-province", "มท", None),
    ("one-letter", "น", None),
    ("empty", "", None),
]


@pytest.mark.parametrize("reading, expected", [c[1:] for c in READINGS], ids=[c[0] for c in READINGS])
def test_reading_prefix(reading, expected):
    assert reading_prefix(reading) == expected


DECISIONS = [
    ("all-agree", ["นม", "นม", "นม"], ("นม", 3)),
    ("two-agree-one-unread", ["ชย", "", "ชยช"], None),
    ("two-agree-one-blank", ["ชย", "", "ชย"], ("ชย", 2)),
    ("two-prefixes-named", ["พช", "พช", "พล"], None),
    ("only-one-names-it", ["พช", "", ""], None),
]


@pytest.mark.parametrize("readings, expected", [c[1:] for c in DECISIONS], ids=[c[0] for c in DECISIONS])
def test_decide_needs_agreeing_readings(readings, expected):
    assert decide(readings) == expected


PAGE = np.full((400, 1400), 255, np.uint8)
PAGE[210:230, 30:160] = 0  # ink where a prefix was written (left of a number first on its line, or under junk)


def test_a_blank_margin_before_the_number_is_not_read():
    # a reference's prefix ended the line above; its number starts this one
    toks = _line(["๗๓๑๓๘/๘๕๘", "ลงวันที่"])
    toks = [Token(t.text, t.start, t.end, (t.box[0] + 300, *t.box[1:]), t.conf, t.line, t.boxes, t.line_box) for t in toks]

    def run(img, psm):
        raise AssertionError("a blank crop costs no Tesseract run")

    assert second_look(np.full((400, 1400), 255, np.uint8), 1.0, toks, [t.text for t in toks], run, {}) == {}


def test_second_look_replaces_the_junk_and_says_why():
    toks = _line(["UN", "๗๓๑๓๘/", "๘๕๘"])
    readings = iter(["นม", "นม", "นม"])
    fixes = second_look(PAGE, 1.0, toks, [t.text for t in toks], lambda img, psm: next(readings), {})
    assert [(i, f.text) for i, f in fixes.items()] == [(0, "นม")]
    assert "read as 'UN'" in fixes[0].reason and "3 of 3 readings give นม" in fixes[0].reason


def test_a_prefix_read_as_nothing_goes_before_the_number_keeping_its_digit_fix():
    toks = _line(["ERO", "วันที่"])
    texts = ["๗๘๖๔๘/๓๙๖", "วันที่"]
    digit_fix = Fix("๗๘๖๔๘/๓๙๖", "digit classifier", absorbs=(5,))
    readings = iter(["พช", "พช", ""])
    fixes = second_look(PAGE, 1.0, toks, texts, lambda img, psm: next(readings), {0: digit_fix})
    assert fixes[0].text == "พช ๗๘๖๔๘/๓๙๖" and fixes[0].absorbs == (5,)
    assert fixes[0].reason.startswith("digit classifier; handwritten province prefix")


def test_second_look_keeps_the_text_when_the_readings_disagree():
    toks = _line(["Wes", "๗๘๖๔๘/๓๙๖"])
    readings = iter(["พช", "พล", "พช"])
    assert second_look(PAGE, 1.0, toks, [t.text for t in toks], lambda img, psm: next(readings), {}) == {}


OFFICE = [
    # (id, the ส่วนราชการ line as OCR read it, the province prefix it names)
    ("lao-only", ["สุ่วนราชการ", "กองช่าง", "องค์การบริหารส่วนตำบลโนนทัน"], None),
    ("province-named", ["ส่วนราชการ", "กองคลัง", "อบต.หนองบัว", "อำเภอเมือง", "จังหวัดชัยภูมิ"], "ชย"),
    ("province-abbreviated", ["ส่วนราชการ", "สำนักปลัด", "เทศบาลตำบลโนนสูง", "จ.นครราชสีมา"], "นม"),
    ("not-the-office-line", ["เรียน", "ผู้ว่าราชการจังหวัดชัยภูมิ"], None),
]


@pytest.mark.parametrize("words, expected", [c[1:] for c in OFFICE], ids=[c[0] for c in OFFICE])
def test_the_office_line_may_name_the_province(words, expected):
    from docintake.ocr.prefixlook import office_province

    assert office_province(_line(words), words) == expected


def _memo(office_words):
    """The memo's ส่วนราชการ line, then ``UN ๗๓๑๓๘/๘๕๘`` under it."""
    return _line(office_words) + _line(["UN", "๗๓๑๓๘/๘๕๘"], line=1)


def test_the_office_line_confirms_the_prefix_read():
    toks = _memo(["ส่วนราชการ", "กองช่าง", "จังหวัดนครราชสีมา"])
    fixes = second_look(PAGE, 1.0, toks, [t.text for t in toks], lambda img, psm: "นม", {})
    assert fixes[3].text == "นม" and fixes[3].reason.endswith("the ส่วนราชการ line names the same province")


def test_an_office_line_naming_another_province_keeps_the_junk():
    toks = _memo(["ส่วนราชการ", "กองช่าง", "จังหวัดชัยภูมิ"])
    assert second_look(PAGE, 1.0, toks, [t.text for t in toks], lambda img, psm: "นม", {}) == {}
