"""ocr.monthlook: a handwritten month read as junk between a date's day and
year is read again by the Thai model alone, and replaced only when the
readings agree on one month abbreviation."""

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from docintake.ocr.latin import repairs
from docintake.ocr.monthlook import HAND_REACH, VARIANTS, _without_specks_and_edges, crops, decide, month_box, reading_months, second_look, slots
from docintake.ocr.tesseract import Token

LINE = (100, 200, 1000, 40)


def _line(words, line=0):
    """Tokens of one text line, 30 px per character, 10 px apart."""
    toks, x, pos = [], 100, 0
    for text in words:
        box = (x, 204, 30 * len(text), 32)
        toks.append(Token(text, pos, pos + len(text), box, 70.0, line, [box], LINE))
        x += 30 * len(text) + 10
        pos += len(text) + 1
    return toks


SLOTS = [
    # (id, one OCR line as tokens (digits already corrected), the junk read again)
    ("memo-date-latin-month", ["วันที่", "๑๙", "AA.", "๖๗"], ["AA."]),
    ("receipt-stamp-arabic-digits", ["วันที่", "7", "Nef.", "68"], ["Nef."]),
    ("four-digit-year", ["สุด", "วันที่.", "๑๙", "a.", "๒๕๖๗"], ["a."]),
    ("month-in-two-pieces", ["วันที่", "๕", "t", "arts.", "๖๗"], ["t", "arts."]),
    ("month-in-three-pieces", ["วันที่.", "๑๙", "Ae", "a.", "|", "๒๕๖๗"], ["Ae", "a.", "|"]),
    ("no-dots-junk", ["ด่วนที่สุด", "21", "nate", "67"], ["nate"]),
    ("thai-month-already-read", ["วันที่", "๒๒", "ส.ค.", "๖๗"], []),
    ("full-month-already-read", ["๒๕", "พฤศจิกายน", "๒๕๖๘"], []),
    ("thai-month-without-its-dots", ["วันที่", "๑๕", "กค", "๖๘"], []),
    ("thai-word-between-numbers", ["จำนวน", "๑๐", "คน", "๒๐", "คน"], []),
    ("day-out-of-range", ["ข้อ", "๔๕", "abc", "๖๗"], []),
    ("three-digit-number-is-no-year", ["วันที่", "๑๙", "AA.", "๖๗๐"], []),
    ("long-words-are-no-month", ["ข้อ", "๓", "Administration", "๒๕"], []),
    ("time-is-no-date", ["เวลา", "10.05", "Ve.", "11"], []),
    # a memo's printed วันที่ read as Jun, its last glyph glued to the handwritten day
    ("day-with-label-tail-glued", ["UN", "๗๓๑๓๘/", "๘๕๘", "Jun", "ฮ๑๒", "A.A.", "๖๗"], ["A.A."]),
    ("glued-letters-then-no-day", ["ข้อ", "ab๔๕", "abc", "๖๗"], []),
]


def test_an_english_month_read_sure_is_left_alone():
    """An English date (an attachment's ``3 March 2025``) read sure is no handwritten
    Thai month; read unsure (70 here), the same letters may be one."""
    words = ["dated", "3", "March", "2025"]
    sure = _line(words)
    sure[2].conf = 96.0
    assert slots(sure, words) == []
    assert [i for s in slots(_line(words), words) for i in s.middle] == [2]


@pytest.mark.parametrize("words, expected", [c[1:] for c in SLOTS], ids=[c[0] for c in SLOTS])
def test_slots_are_junk_between_a_day_and_a_year(words, expected):
    toks = _line(words)
    found = [toks[i].text for s in slots(toks, words) for i in s.middle]
    assert found == expected


def test_a_slot_stays_on_its_line():
    toks = _line(["วันที่", "๑๙"]) + _line(["AA.", "๖๗"], line=1)
    assert slots(toks, [t.text for t in toks]) == []


READINGS = [
    # (id, a reading of the crop, the months it names)
    ("dotted", "ก.ค.", {7}),
    ("dots-lost", "กค", {7}),
    ("dot-read-as-a-letter", "กนค", {7}),
    ("upper-vowel-kept", "มี.ค.", {3}),
    ("ma-kho-without-its-vowel-is-two-months", "มค", {1, 3}),
    ("ma-kho-dot-after-mo-ma", "ม.ค.", {1}),
    # a hand's ิ and ี read one for the other (seed 63): the last letter names the month
    ("mi-yo-with-sara-ii", "มี.ย.", {6}),
    ("mi-yo-with-sara-ii-no-dots", "มีย", {6}),
    ("mi-kho-with-sara-i", "มิ.ค.", {3}),
    ("a-stray-sara-i-is-one-edit-from-december-only", "ธิ.ค.", {12}),
    ("dotted-with-a-stray-edge-letter", "ม.ค.เ", {1}),
    ("dotted-with-two-stray-letters-is-no-month", "ม.ค.เก", set()),
    ("one-letter-is-no-month", "ก", set()),
    ("empty", "", set()),
    ("a-word-is-no-month", "กรมการ", set()),
]


@pytest.mark.parametrize("reading, expected", [c[1:] for c in READINGS], ids=[c[0] for c in READINGS])
def test_reading_months(reading, expected):
    assert reading_months(reading) == expected


DECISIONS = [
    # (id, the three readings of one crop, (month, votes) or None)
    ("all-agree", ["ต.คิ..", "ตค", "ตค"], (10, 3)),
    ("two-agree-one-blank", ["", "กก.พ.", "ก.พ."], (2, 2)),
    ("only-one-names-it", ["ก", "", "ก.ค."], None),
    ("two-months-named", ["ก.ค.", "ก.ค.", "ก.พ."], None),
    ("ambiguous-reading-vetoes", ["ม.ค.", "ม.ค.", "มค"], None),
    ("dotted-ma-kho-at-three-sizes", ["ม.ค.", "ม.ค.เ", "ม.ค."], (1, 3)),
    ("nothing-read", ["", "", ""], None),
]


@pytest.mark.parametrize("readings, expected", [c[1:] for c in DECISIONS], ids=[c[0] for c in DECISIONS])
def test_decide_needs_agreeing_readings(readings, expected):
    assert decide(readings) == expected


def test_second_look_replaces_the_junk_and_says_why():
    toks = _line(["วันที่", "๕", "t", "arts.", "๖๗"])
    page = np.full((400, 1400), 255, np.uint8)
    readings = iter(["", "กก.พ.", "ก.พ."])
    fixes = second_look(page, 1.0, toks, [t.text for t in toks], lambda img, psm: next(readings))
    assert [(i, f.text) for i, f in sorted(fixes.items())] == [(2, "ก.พ."), (3, "")]
    assert "2 of 3 readings give ก.พ." in fixes[2].reason
    assert [(r.before, r.after) for r in repairs(toks, fixes)] == [("t", "ก.พ."), ("arts.", "")]


def test_second_look_keeps_the_text_when_the_readings_disagree():
    toks = _line(["วันที่", "๑๙", "AA.", "๖๗"])
    page = np.full((400, 1400), 255, np.uint8)
    readings = iter(["ส.ค.", "ต.ค.", "ส.ค."])
    assert second_look(page, 1.0, toks, [t.text for t in toks], lambda img, psm: next(readings)) == {}


def test_the_crop_lies_between_day_and_year_in_the_years_band():
    # seed 14's stamp: the junk's boxes (Ae a. |) reached into the line above
    toks = _line(["วันที่", "๑๙", "Ae", "a.", "|", "๒๕๖๗"])
    toks[2].box = (300, 150, 40, 90)
    (slot,) = slots(toks, [t.text for t in toks])
    day, year = toks[1].box, toks[5].box
    assert month_box(toks, slot) == (day[0] + day[2], year[1], year[0] - day[0] - day[2], year[3])


def test_dotted_line_specks_and_cut_ink_are_wiped():
    crop = np.full((60, 200), 255, np.uint8)
    crop[50:52, 10:190:6] = 0  # the dotted line written on: 2 px dots
    crop[20:40, 30:50] = 0  # a letter
    crop[36:44, 60:68] = 0  # the abbreviation's dot, 8 px
    crop[0:8, 100:140] = 0  # the foot of the line above, cut by the top edge
    clean = _without_specks_and_edges(crop, 50)
    assert clean[50:52].min() == 255 and clean[0:8].min() == 255
    assert clean[20:40, 30:50].max() == 0 and clean[36:44, 60:68].max() == 0



def test_a_mark_reaching_up_from_the_band_is_kept_ink_wholly_above_it_wiped():
    crop = np.full((90, 200), 255, np.uint8)
    crop[40:80, 30:50] = 0  # a letter in the band (rows 40-80)
    crop[18:38, 30:50] = 0  # its upper vowel, set high: from 0.55 to 0.05 heights above the band
    crop[5:20, 100:140] = 0  # the line above's lower vowel: wholly above the mark's reach
    clean = _without_specks_and_edges(crop, 40, 40 - 40 // 3)
    assert clean[18:38, 30:50].max() == 0 and clean[40:80, 30:50].max() == 0
    assert clean[5:20, 100:140].min() == 255


def test_a_handwritten_upper_vowel_set_high_is_read():
    """Seed 96, a scan's crop: a memo's handwritten มี.ค. whose ี stands from 0.49
    to 0.04 of the year's height above the year's band. The crop reached a third of
    a height up, cut the ี and all three readings gave ม.ค. (two memos dated two
    months early). The line above and its dotted line stay out of the crop."""
    from docintake.ocr.monthlook import reader

    page = np.asarray(Image.open(Path(__file__).parent / "fixtures" / "months" / "s96-mar-high-vowel.png").convert("L"))
    images = crops(page, (60, 90, 192, 45), HAND_REACH)  # between day and year, in the year's band
    readings = [reader()(img, psm) for img, (_, _, psm) in zip(images, VARIANTS)]
    assert decide(readings) == (3, 3), readings


def _spaced(words, gaps):
    """Tokens of one line, 30 px per character, ``gaps[k]`` px after word k."""
    toks = _line(words)
    x = 100
    for t, gap in zip(toks, list(gaps) + [10]):
        t.box = (x, *t.box[1:])
        x += t.box[2] + gap
    return toks


LOST = [
    # (id, words, px after each word, token index the month goes before or None)
    ("month-read-as-nothing", ["วันที่", "๑๑", "๖๗"], [10, 90], 2),  # a month's width: almost 3 heights
    ("day-and-year-a-space-apart", ["ข้อ", "๑๑", "๖๗"], [10, 12], None),
    ("three-digit-number-is-no-year", ["วันที่", "๑๑", "๖๗๐"], [10, 90], None),
    ("day-with-a-dot", ["วันที่", "๑๐.", "๒๕๖๗"], [10, 90], 2),  # seed 23: a speck of the month after the day
]


def test_the_gap_is_measured_from_where_the_days_digits_end():
    # ``๑๐.`` boxed 90 px wide with the month's ink, 20 px before the year (seed 23: 106 px,
    # 27 px); its character boxes put the digits' end, and the month's first speck, 66 px before it
    toks = _spaced(["วันที่", "๑๐.", "๒๕๖๗"], [10, 20])
    day = toks[1]
    day.boxes = [(day.box[0], 210, 20, 24), (day.box[0] + 22, 210, 20, 24), (day.box[0] + 44, 230, 8, 6)]
    assert [(s.middle, s.year) for s in slots(toks, [t.text for t in toks])] == [((), 2)]


@pytest.mark.parametrize("words, gaps, expected", [c[1:] for c in LOST], ids=[c[0] for c in LOST])
def test_a_month_read_as_nothing_leaves_a_gap_between_day_and_year(words, gaps, expected):
    toks = _spaced(words, gaps)
    found = [(s.middle, s.year) for s in slots(toks, words)]
    assert found == ([] if expected is None else [((), expected)])


def test_a_month_read_as_nothing_goes_before_the_year_keeping_its_digit_fix():
    from docintake.ocr.digits import Fix

    toks = _spaced(["วันที่", "๑๑", "be"], [10, 90])
    page = np.full((400, 1400), 255, np.uint8)
    page[210:230, 370:420] = 0  # the month's ink between day (290-350) and year (440-)
    readings = iter(["พ.ย.", "พ.ย.", ""])
    texts = ["วันที่", "๑๑", "๖๗"]
    fixes = second_look(page, 1.0, toks, texts, lambda img, psm: next(readings), {2: Fix("๖๗", "digit classifier")})
    assert [(i, f.text) for i, f in fixes.items()] == [(2, "พ.ย. ๖๗")]
    assert fixes[2].reason.startswith("digit classifier; handwritten month read as nothing")


def test_a_blank_gap_is_not_read():
    toks = _spaced(["วันที่", "๑๑", "๖๗"], [10, 90])
    page = np.full((400, 1400), 255, np.uint8)

    def run(img, psm):
        raise AssertionError("a blank crop costs no Tesseract run")

    assert second_look(page, 1.0, toks, [t.text for t in toks], run) == {}


def test_the_crop_starts_at_the_month_letters_tesseract_read_into_the_days_token():
    # seed 18: ``๓ต.`` (the day ๗ and the month's ต.) then ``A.`` for the rest of ต.ค.
    toks = _line(["วันที่", "๓ต.", "A.", "๖๗"])
    day = toks[1]
    day.boxes = [(day.box[0], 210, 20, 24), (day.box[0] + 30, 210, 25, 24), (day.box[0] + 60, 230, 8, 6)]
    (slot,) = slots(toks, ["วันที่", "๗", "A.", "๖๗"])
    assert month_box(toks, slot)[0] == day.box[0] + 30


def test_a_day_token_without_character_boxes_ends_at_its_box():
    toks = _line(["วันที่", "๗ต.", "A.", "๖๗"])  # one box for three characters: no telling where ต starts
    (slot,) = slots(toks, ["วันที่", "๗", "A.", "๖๗"])
    assert month_box(toks, slot)[0] == toks[1].box[0] + toks[1].box[2]


def test_a_year_boxed_on_the_dotted_line_lends_the_crop_the_days_band():
    # seed 13: the year's token boxed 2 px high on the dotted line under it
    toks = _line(["วันที่", "๑๗", "A.W.", "๖๘"])
    toks[3].box = (toks[3].box[0], 250, 60, 2)
    (slot,) = slots(toks, [t.text for t in toks])
    day = toks[1].box
    assert month_box(toks, slot) == (day[0] + day[2], day[1], toks[3].box[0] - day[0] - day[2], day[3])


def test_a_day_boxed_with_a_tall_mark_leaves_the_band_to_the_year():
    # seed 18: the day's token ``๓ต.`` boxed 52 px high, the year 20 px: the year's band
    toks = _line(["วันที่", "๗", "A.", "๖๗"])
    toks[1].box = (toks[1].box[0], 190, 30, 52)
    toks[3].box = (toks[3].box[0], 214, 60, 20)
    (slot,) = slots(toks, [t.text for t in toks])
    assert month_box(toks, slot)[1::2] == (214, 20)
