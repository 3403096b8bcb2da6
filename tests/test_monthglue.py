"""ocr.monthglue: a handwritten month Tesseract read as Thai letters off the
month table and ran into the year is read again between the day and the
year's first digit; the letters are replaced only when the readings agree
and the printed letters name no other month."""

import numpy as np
import pytest

from docintake.ocr.monthglue import glued_slots, month_box, second_look
from docintake.ocr.tesseract import Token

LINE = (100, 200, 1000, 40)
PAGE = np.full((400, 1400), 255, np.uint8)


def _line(words, boxes_per_token=None):
    """Tokens of one text line, 30 px per character, 10 px apart, a box per character
    (``boxes_per_token``: fewer, as Tesseract gives where a vowel mark shares its letter's)."""
    toks, x, pos = [], 100, 0
    for k, text in enumerate(words):
        n = (boxes_per_token or {}).get(k, len(text))
        box = (x, 204, 30 * n, 32)
        boxes = [(x + 30 * c, 204, 28, 32) for c in range(n)]
        toks.append(Token(text, pos, pos + len(text), box, 70.0, 0, boxes, LINE))
        x += 30 * n + 10
        pos += len(text) + 1
    return toks


SLOTS = [
    # (id, one OCR line (digits corrected), boxes of the glued token, (glued token, year's first box) or None)
    ("speck-letter-before-the-month", ["วันที่", "๑๙", "ยพค.๖๘"], None, (2, 4)),
    ("dot-read-as-a-lower-vowel", ["วันที่", "๒๙", "มุค.๒๕๖๗"], {2: 7}, (2, 3)),  # ุ shares ม's box
    ("dots-doubled-arabic-year", ["วันที่", "1", "สุค..67"], None, (2, 5)),
    ("abbreviation-as-printed", ["วันที่", "๑๙", "พ.ค.๖๘"], None, None),  # the parser reads it
    ("abbreviation-without-dots", ["วันที่", "๒๕", "มิย๖๗"], None, None),
    ("no-day-before", ["เรื่อง", "ยพค.๖๘"], None, None),
    ("three-digit-tail-is-no-year", ["วันที่", "๑๙", "ยพค.๖๘๐"], None, None),
    ("a-word-is-no-month", ["ข้อ", "๑๙", "ประชุมครั้งที่๒๕"], None, None),
]


@pytest.mark.parametrize("words, boxes, expected", [c[1:] for c in SLOTS], ids=[c[0] for c in SLOTS])
def test_glued_slots(words, boxes, expected):
    toks = _line(words, boxes)
    found = [(s.glued, s.year_box) for s in glued_slots(toks, words)]
    assert found == ([expected] if expected else [])


def test_the_crop_runs_from_the_day_to_the_years_first_digit():
    toks = _line(["วันที่", "๑๙", "ยพค.๖๘"])
    (slot,) = glued_slots(toks, [t.text for t in toks])
    day, year_digit = toks[1].box, toks[2].boxes[4]
    assert month_box(toks, slot) == (day[0] + day[2], 204, year_digit[0] - day[0] - day[2], 32)


CASES = [
    # (id, glued token, three Thai readings, the token's new text or None)
    ("readings-agree-with-the-letters", "ยพค.๖๘", ["พค", "พค", "พ.ค."], "พ.ค. ๖๘"),
    ("letters-name-nothing", "มุค.๒๕๖๗", ["ม.ค.", "", "ม.ค."], "ม.ค. ๒๕๖๗"),
    ("readings-disagree", "มุค.๒๕๖๗", ["ม.ค.", "มี.ค.", "ม.ค."], None),
    ("one-reading-is-not-enough", "มุค.๒๕๖๗", ["ม.ค.", "", ""], None),
    # ยพค. is one edit from พค only: a re-reading naming another month is not taken over it
    ("readings-contradict-the-letters", "ยพค.๖๘", ["มค", "ม.ค.", "ม.ค."], None),
]


@pytest.mark.parametrize("glued, readings, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_second_look(glued, readings, expected):
    toks = _line(["วันที่", "๑๙", glued], {2: len(glued) - 1} if "ุ" in glued else None)
    it = iter(readings)
    fixes = second_look(PAGE, 1.0, toks, [t.text for t in toks], lambda img, psm: next(it))
    assert (fixes[2].text if fixes else None) == expected
    if fixes:
        assert "run into the year" in fixes[2].reason and glued[:2] in fixes[2].reason


DAY_GLUED = [
    # (id, one OCR line, boxes of the glued token, (glued token, month's first box) or None)
    # seed 24: label, day and month one token; มค is ม.ค. or มี.ค. with its vowel lost
    ("label-day-month-ambiguous", ["กส", "๗๓๙๕๖/๕๗๐", "วันที๘มค", "๖๗"], {2: 6}, (2, 4)),
    ("day-month-off-the-table", ["วันที่", "๑๙ยพค.", "๖๘"], None, (1, 2)),
    ("one-month-fits-the-letters", ["วันที่๒๕มิย", "๖๗"], None, None),  # the parser reads it
    ("no-year-after", ["วันที๘มค", "เรื่อง"], None, None),
    ("no-day-before", ["วันที่มค", "๖๗"], None, None),
    ("three-digits-are-no-day", ["ข้อ๑๒๓มค", "๖๗"], None, None),
]


@pytest.mark.parametrize("words, boxes, expected", [c[1:] for c in DAY_GLUED], ids=[c[0] for c in DAY_GLUED])
def test_day_glued_slots(words, boxes, expected):
    from docintake.ocr.monthglue import day_glued_slots

    toks = _line(words, boxes)
    found = [(s.glued, s.month_box) for s in day_glued_slots(toks, words)]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize("readings, expected", [
    (["ม.ค.", "ม.ค.", ""], "วันที๘ ม.ค."),
    (["มี.ค.", "มี.ค.", ""], "วันที๘ มี.ค."),
    (["ก.ค.", "ก.ค.", "ก.ค."], None),  # มค cannot be ก.ค.: the page's letters win
    (["ม.ค.", "มี.ค.", "ม.ค."], None),
], ids=["january", "march", "against-the-letters", "disagree"])
def test_a_month_run_into_the_day_is_read_again(readings, expected):
    toks = _line(["วันที๘มค", "๖๗"], {0: 6})
    it = iter(readings)
    fixes = second_look(PAGE, 1.0, toks, [t.text for t in toks], lambda img, psm: next(it))
    assert (fixes[0].text if fixes else None) == expected
    if fixes:
        assert "run into the day" in fixes[0].reason
