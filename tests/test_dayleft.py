"""ocr.dayleft: the day of a printed date line (``<day> <full month> <BE year>``)
lost by Tesseract or read as a letter is read from the ink left of the month by
the digit classifier, only when every glyph there is a sure digit."""

import numpy as np
import pytest

from docintake.ocr import dayleft
from docintake.ocr.dayleft import day_box, slots, sure_day
from docintake.ocr.glyphs import Glyph
from docintake.ocr.tesseract import Token

PAGE = np.full((400, 1400), 255, np.uint8)


def _lines(*lines, left=600):
    """Tokens of text lines, 30 px per character, 10 px apart, 50 px per line."""
    toks, pos = [], 0
    for n, words in enumerate(lines):
        x = left
        for text in words:
            box = (x, 100 + 50 * n, 30 * len(text), 32)
            toks.append(Token(text, pos, pos + len(text), box, 70.0, n, [box], (left, 100 + 50 * n, 600, 32)))
            x += 30 * len(text) + 10
            pos += len(text) + 1
    return toks


SLOTS = [
    # (id, OCR lines, (month, junk, day read as digits) of each slot found)
    ("day-lost-seed27", [["กรกฎาคม", "๒๕๖๗"]], [("กรกฎาคม", None, None)]),
    ("day-read-as-a-letter-seed25", [["อ", "เมษายน", "๒๕๖๘"]], [("เมษายน", "อ", None)]),
    # a day read as digits is read again alone (seed 121: a handwritten ๘ read ๕)
    ("day-read-as-digits", [["๘", "กรกฎาคม", "๒๕๖๗"]], [("กรกฎาคม", None, "๘")]),
    ("day-read-latin-7-is-no-junk", [["7", "กรกฎาคม", "๒๕๖๗"]], [("กรกฎาคม", None, "7")]),
    ("three-digits-are-no-day", [["๑๒๓", "กรกฎาคม", "๒๕๖๗"]], []),
    ("abbreviated-month-is-no-printed-line", [["ก.ค.", "๒๕๖๗"]], []),
    ("short-year-is-a-memo", [["กรกฎาคม", "๖๗"]], []),
    ("no-year", [["กรกฎาคม", "นี้"]], []),
    ("month-inside-a-body-line", [["ภายในวันที่", "๑๕", "กรกฎาคม", "๒๕๖๗"]], []),
    ("word-before-month-is-no-day", [["เดือน", "กรกฎาคม", "๒๕๖๗"]], []),
    ("two-pieces-before-month", [["ก", "อ", "กรกฎาคม", "๒๕๖๗"]], []),
    ("year-on-the-next-line", [["กรกฎาคม"], ["๒๕๖๗"]], []),
    ("second-line-opens-with-month", [["เรื่อง", "ขอเชิญ"], ["กรกฎาคม", "๒๕๖๗"]], [("กรกฎาคม", None, None)]),
]


@pytest.mark.parametrize("lines, expected", [c[1:] for c in SLOTS], ids=[c[0] for c in SLOTS])
def test_slots_open_a_line_with_a_full_month_and_year(lines, expected):
    toks = _lines(*lines)
    texts = [t.text for t in toks]
    found = [(texts[s.month], None if s.junk is None else texts[s.junk], None if s.read is None else texts[s.read])
             for s in slots(toks, texts)]
    assert found == expected


def test_a_day_the_line_reading_changed_is_not_read_again():
    toks = _lines(["๕", "กรกฎาคม", "๒๕๖๗"])
    assert slots(toks, ["๘", "กรกฎาคม", "๒๕๖๗"]) == []


def test_the_day_box_is_left_of_the_month_in_its_band():
    toks = _lines(["กรกฎาคม", "๒๕๖๗"])
    (slot,) = slots(toks, [t.text for t in toks])
    month = toks[0].box
    width = int(dayleft.DAY_WIDTH * month[3])
    assert day_box(toks, slot) == (month[0] - width, month[1], width, month[3])


def test_the_day_read_as_a_letter_is_read_in_its_own_box():
    toks = _lines(["อ", "เมษายน", "๒๕๖๘"])
    toks[0].box = (400, 80, 70, 70)  # handwritten on the dotted line, above the printed month
    (slot,) = slots(toks, [t.text for t in toks])
    assert day_box(toks, slot) == (400, 80, 70, 70)


DAYS = [
    # (id, classifier's reading of the ink left of the month, day or None)
    ("one-sure-digit", [("๘", 1.0)], 8),
    ("two-sure-digits", [("๒", 0.99), ("๓", 0.98)], 23),
    ("unsure-digit", [("๗", 0.9)], None),
    ("a-letter-among-them", [("๗", 1.0), ("?", 1.0)], None),
    ("no-day-over-31", [("๓", 1.0), ("๕", 1.0)], None),
    ("zero-is-no-day", [("๐", 1.0)], None),
    ("three-digits-are-no-day", [("๑", 1.0), ("๒", 1.0), ("๓", 1.0)], None),
    ("no-glyph", [], None),
]


@pytest.mark.parametrize("reading, expected", [c[1:] for c in DAYS], ids=[c[0] for c in DAYS])
def test_sure_day(reading, expected):
    assert sure_day(reading) == expected


def _fake_blob(reading, glyph_xs):
    glyphs = [Glyph(x, 5, 20, 30, np.ones((30, 20), np.uint8)) for x in glyph_xs]
    return lambda model, page, box: (reading, glyphs)


def test_a_lost_day_is_put_before_the_month(monkeypatch):
    toks = _lines(["กรกฎาคม", "๒๕๖๗"])  # month 600-810, box 549-600, crop from 540
    monkeypatch.setattr(dayleft.rewrite, "read_blob", _fake_blob([("๘", 1.0)], [20]))
    fixes = dayleft.second_look(object(), PAGE, 1.0, toks, [t.text for t in toks])
    assert fixes[0].text == "กรกฎาคม" and [t for t, _ in fixes[0].before] == ["๘"]
    assert "reads the ink left of the month as the day 8" in fixes[0].reason


def test_a_day_read_as_a_letter_is_replaced(monkeypatch):
    toks = _lines(["อ", "เมษายน", "๒๕๖๘"])
    monkeypatch.setattr(dayleft.rewrite, "read_blob", _fake_blob([("๗", 1.0)], [20]))
    fixes = dayleft.second_look(object(), PAGE, 1.0, toks, [t.text for t in toks])
    assert list(fixes) == [0] and fixes[0].text == "๗" and not fixes[0].before


def test_the_months_first_letter_in_the_right_pad_is_no_day(monkeypatch):
    # read_blob pads the crop: a glyph centred right of the box is the month's เ, not part of the day
    toks = _lines(["กรกฎาคม", "๒๕๖๗"])  # box 549-600, crop from 540
    monkeypatch.setattr(dayleft.rewrite, "read_blob", _fake_blob([("๘", 1.0), ("?", 1.0)], [20, 62]))
    fixes = dayleft.second_look(object(), PAGE, 1.0, toks, [t.text for t in toks])
    assert [t for t, _ in fixes[0].before] == ["๘"]


@pytest.mark.parametrize("reading", [[("๘", 0.8)], [("?", 1.0)], [("๘", 1.0), ("?", 1.0)]],
                         ids=["unsure", "a-letter", "digit-then-letter"])
def test_no_sure_day_leaves_the_line_alone(monkeypatch, reading):
    toks = _lines(["กรกฎาคม", "๒๕๖๗"])
    monkeypatch.setattr(dayleft.rewrite, "read_blob", _fake_blob(reading, [10, 30][: len(reading)]))
    assert dayleft.second_look(object(), PAGE, 1.0, toks, [t.text for t in toks]) == {}


AGAIN = [
    # (id, read_day's day, read_twice's (alone, second scale), the fix's text or None)
    ("other-sure-day-both-scales", 8, ("๘", "๘"), "๘"),
    ("same-day-as-read", 5, ("๕", "๕"), None),
    ("second-scale-disagrees", 8, ("๘", "๙"), None),
    ("not-sure-alone", 8, (None, "๘"), None),
    ("read-day-finds-none", None, ("๘", "๘"), None),
]


@pytest.mark.parametrize("day, twice, want", [c[1:] for c in AGAIN], ids=[c[0] for c in AGAIN])
def test_a_day_read_as_digits_is_read_again_alone(monkeypatch, day, twice, want):
    toks = _lines(["๕", "พฤศจิกายน", "๒๕๖๖"])
    monkeypatch.setattr(dayleft, "read_day", lambda model, page, box: None if day is None else (day, box))
    monkeypatch.setattr(dayleft.runtail, "read_twice", lambda model, page, region, band: twice)
    fixes = dayleft.second_look(object(), PAGE, 1.0, toks, [t.text for t in toks])
    assert (fixes[0].text if fixes else None) == want
    if want:
        assert list(fixes) == [0] and "read alone" in fixes[0].reason


def test_an_arabic_day_stays_arabic(monkeypatch):
    toks = _lines(["5", "พฤศจิกายน", "2566"])
    monkeypatch.setattr(dayleft, "read_day", lambda model, page, box: (8, box))
    monkeypatch.setattr(dayleft.runtail, "read_twice", lambda model, page, region, band: ("8", "8"))
    assert dayleft.second_look(object(), PAGE, 1.0, toks, [t.text for t in toks])[0].text == "8"


def test_a_handwritten_day_tesseract_read_as_another_digit():
    """Seed 121: ``๘`` written in by hand on the date line's dots, read ``๕``; the line's
    reading cut it by the print's size into two glyphs no digit, so ๕ stayed."""
    import cv2
    from pathlib import Path

    from docintake.ocr.digits import load_digit_model

    root = Path(__file__).resolve().parents[1]
    page = cv2.imread(str(root / "tests" / "fixtures" / "dayleft" / "s121-8.png"), cv2.IMREAD_GRAYSCALE)
    day, month = (60, 50, 42, 38), (161, 45, 239, 65)
    toks = [Token(t, k, k + len(t), b, 90.0, 0, [b], (60, 45, 400, 65))
            for t, k, b in (("๕", 0, day), ("พฤศจิกายน", 2, month), ("๒๕๖๖", 12, (420, 45, 100, 65)))]
    fixes = dayleft.second_look(load_digit_model(root / "models"), page, 1.0, toks, [t.text for t in toks])
    assert fixes[0].text == "๘"
