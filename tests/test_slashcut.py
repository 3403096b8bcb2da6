"""ocr.slashcut and rewrite's sign for a letter: a ๓ and the slash after it read as ๗ (issue #3)."""

from __future__ import annotations

import re

import pytest

from docintake.ocr.digits import DigitModel, load_digit_model
from docintake.ocr.glyphs import Glyph, ink_mask, join, segment
from docintake.ocr.rewrite import _sign_for_letter, rewrite
from docintake.ocr.slashcut import slash_left_out
from test_digits import MODELS, render  # tests/ is on pytest's path


@pytest.fixture(scope="module")
def model() -> DigitModel:
    m = load_digit_model(MODELS)
    assert m is not None
    return m


def fused(text: str, face: str, dpi: int, at: int) -> list[Glyph]:
    """The glyphs of a printed number with glyph ``at`` and the next run into one
    blob: ink along the baseline between them, as blur joins a slash's foot to a ๓."""
    glyphs = segment(ink_mask(render(text, face, dpi)))
    a, b = glyphs[at], glyphs[at + 1]
    j = join(a, b)
    mask = j.mask.copy()
    foot, t = min(a.y + a.h, b.y + b.h) - j.y, max(2, a.h // 10)
    mask[foot - t : foot, a.x + a.w - j.x - 2 : b.x - j.x + 2] = 1
    return glyphs[:at] + [Glyph(j.x, j.y, j.w, j.h, mask)] + glyphs[at + 2 :]


def text_of(reading) -> str:
    return "".join(c for c, _ in reading)


@pytest.mark.parametrize(
    "face,dpi",
    [("Laksaman", 200), ("Laksaman", 300), ("Norasi", 200), ("Garuda", 200)],
    ids=["laksaman-200", "laksaman-300", "norasi-200", "garuda-200"],
)
def test_three_run_into_its_slash_is_parted(model: DigitModel, face: str, dpi: int):
    # ที่ อด ๐๐๒๓.๓/๒๐๘๐: the 6th glyph (๓) touches the slash; whole, the blob reads as ๗
    glyphs = fused("๐๐๒๓.๓/๒๐๘๐", face, dpi, 5)
    assert len(glyphs) == 10
    assert text_of(model.read(glyphs)[0]) == "๐๐๒๓.๓/๒๐๘๐"


def test_without_the_cut_the_blob_reads_as_a_digit(model: DigitModel, monkeypatch):
    """The case above is the bug: the fused blob alone reads as one digit and the slash is lost."""
    monkeypatch.setattr("docintake.ocr.digits.part_slash", lambda *a: None)
    assert text_of(model.read(fused("๐๐๒๓.๓/๒๐๘๐", "Norasi", 200, 5))[0]) == "๐๐๒๓.๗๒๐๘๐"


@pytest.mark.parametrize(
    "text,face,dpi",
    [
        ("๐๐๒๓.๗/๒๐๘๐", "Laksaman", 300),
        ("๐๐๒๓.๗/๒๐๘๐", "Norasi", 200),
        ("๒๕๖๗", "Laksaman", 200),
        ("๗๗๗/๗๗", "Norasi", 300),
        ("๑๗๗/๒๕๖๗", "Laksaman", 300),
    ],
    ids=["seven-then-slash-300", "seven-then-slash-200", "year", "sevens", "number-and-year"],
)
def test_a_printed_seven_stays_whole(model: DigitModel, text: str, face: str, dpi: int):
    assert text_of(model.read(segment(ink_mask(render(text, face, dpi))))[0]) == text


@pytest.mark.parametrize(
    "tail,after,expected",
    [
        ("ปว", [("/", 0.98), ("?", 1.0)], "/ว"),  # seed 20: ๐๐๒๓.๑๓ปว
        ("|", [("/", 0.95)], "/"),  # seed 19: ๐๐๒๓.๓|
        ("ปว", [("/", 0.98)], "ปว"),  # one glyph, two characters: they do not line up
        ("ปว", [("/", 0.6), ("?", 1.0)], "ปว"),  # a slash we doubt
        ("/ว", [("/", 0.98), ("?", 1.0)], "/ว"),  # Tesseract saw the slash too
        ("”ว", [("/", 0.97), ("?", 1.0)], "/ว"),  # seed 21: ๐๘๑๐.๖”ว
        ("]", [(".", 0.99)], "]"),  # a full stop after a year may be dust: only the slash
        ("ที่", [("?", 1.0)], "ที่"),  # a letter after the number, not a sign
        ("", [], ""),
    ],
    ids=["slash-as-po", "slash-as-bar", "misaligned", "unsure", "already-slash", "slash-as-quote", "full-stop", "letter",
         "empty"],
)
def test_sign_for_letter(tail: str, after, expected: str):
    assert _sign_for_letter(tail, after) == expected


@pytest.mark.parametrize(
    "tesseract,ours,expected",
    [
        ("๐๐๒๓.๑๗ปว", "๐๐๒๓.๑๓/?", "๐๐๒๓.๑๓/ว"),
        ("๐๐๒๓.๓|", "๐๐๒๓.๓/", "๐๐๒๓.๓/"),
        ("๐๘๑๐.๗/ว", "๐๘๑๐.๗/?", "๐๘๑๐.๗/ว"),
    ],
    ids=["po-for-slash", "bar-for-slash", "true-seven"],
)
def test_rewrite_puts_our_slash_in(tesseract: str, ours: str, expected: str):
    assert rewrite(tesseract, [(c, 0.99) for c in ours])[0] == expected


@pytest.mark.parametrize(
    "text,at,face,dpi",
    [
        ("๐๐๒๓.๒/๑๒๕", 5, "Laksaman", 200),  # seed 20: Tesseract ๐๐๒๓.ป๑๒๕, the blob reads as a letter
        ("๐๐๒๓.๒/๑๒๕", 5, "Garuda", 200),
        ("๗๕๐๐๒/๗๙๖", 4, "Laksaman", 300),  # seed 9: a memo's ๗๕๐๐ส๗๙๖
        ("๐๐๒๓.๔/๑๒๕", 5, "Norasi", 200),  # ๔ has a stroke above the body: it read as ๘
        ("๐๐๒๓.๕/๑๒๕", 5, "Laksaman", 300),
        ("๐๐๒๓.๖/๑๒๕", 5, "Garuda", 200),
        ("๗๗๒๔๔/๓๑๖", 4, "Laksaman", 200),
        ("๐๘๑๐.๘/๒๔๓", 5, "Norasi", 200),
    ],
    ids=["two-as-letter", "two-as-letter-garuda", "memo-two", "four-as-eight", "five", "six-as-letter", "memo-four",
         "eight-as-seven"],
)
def test_tall_digit_run_into_its_slash_is_parted(model: DigitModel, text: str, at: int, face: str, dpi: int):
    assert text_of(model.read(fused(text, face, dpi, at))[0]) == text


@pytest.mark.parametrize(
    "text,at,face,dpi",
    [
        ("๐๐๒๓.๑๗/๒๒๓๙", 7, "Laksaman", 300),  # seed 55: ``/๒`` one blob, read as no digit (๐๐๒๓.๑๗๗๒๓๙)
        ("๐๐๒๓.๑๗/๒๒๓๙", 7, "Garuda", 200),
        ("๐๘๑๐.๔/๑๒๕", 6, "Norasi", 200),
        ("๗๗๒๔๔/๓๑๖", 5, "Kinnari", 300),  # an LAO's number
        ("๐๐๒๓.๒/๘๔๓", 6, "Laksaman", 200),  # read ๐๐๒๓.๒/๔๓ before: the ๘ went with the slash
    ],
    ids=["seed-55", "garuda", "one-after", "memo", "eight-after"],
)
def test_a_slash_run_into_the_digit_after_it_is_parted(model: DigitModel, text: str, at: int, face: str, dpi: int):
    glyphs = fused(text, face, dpi, at)
    assert text_of(model.read(glyphs)[0]) == text


@pytest.mark.parametrize(
    "text,face,dpi",
    [
        ("๐๐๒๓.ป๑๒๕", "Laksaman", 200),
        ("๐๐๒๓.ป๑๒๕", "Norasi", 300),
        ("๗๕๐๐ส๗๙๖", "Laksaman", 200),
        ("๗๕๐๐ส๗๙๖", "Garuda", 200),
        ("๑๒ฝ๓๔", "Norasi", 200),  # ฝ: the widest letter with a stroke above
        ("๑๒ณี่๓๔", "Laksaman", 200),  # a wide letter with its vowel and tone stacked on: as tall as a blob
        ("๑๒ฬ้๓๔", "Garuda", 300),
    ],
    ids=["po-laksaman", "po-norasi", "so-laksaman", "so-garuda", "fo", "no-nen-with-marks", "lo-chula-with-tone"],
)
def test_a_printed_letter_between_digits_is_never_cut(model: DigitModel, text: str, face: str, dpi: int, monkeypatch):
    """No more glyphs than letters printed, and the reading the cut-less classifier gives
    (which may take the letter for a sign: that is rewrite's to weigh, not the cut's)."""
    glyphs = segment(ink_mask(render(text, face, dpi)))
    reading = text_of(model.read(glyphs)[0])
    monkeypatch.setattr("docintake.ocr.digits.part_slash", lambda *a: None)
    letters = re.sub("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]", "", text)  # marks have no glyph of their own
    assert len(reading) <= len(letters) and reading == text_of(model.read(glyphs)[0])


@pytest.mark.parametrize(
    "tesseract,ours,expected",
    [
        ("๐๘๐๘.๓ว", "๐๘๐๘.๓/?", "๐๘๐๘.๓/ว"),  # seed 24: มท ๐๘๐๘.๓ว ๒๑๗๙
        ("๐๐๒๓.๑ว", "๐๐๒๓.๑/?", "๐๐๒๓.๑/ว"),  # seed 25
        ("๐๘๑๐.๔วุ", "๐๘๑๐.๔/?", "๐๘๑๐.๔/วุ"),  # a speck under ว read as a vowel: no glyph of its own
        ("๐๘๑๐.๔ว", "๐๘๑๐.๔?", "๐๘๑๐.๔ว"),  # we saw no slash either
        ("๒๕๖๗ท", "๒๕๖๗/?", "๒๕๖๗ท"),  # not ว: the left stroke of ท read as a slash stays a letter
        ("๑๒ว.", "๑๒/??", "๑๒ว."),  # more glyphs than ว
    ],
    ids=["circular-300", "circular-200", "with-mark", "no-slash-seen", "other-letter", "more-glyphs"],
)
def test_rewrite_puts_in_the_slash_tesseract_left_out(tesseract: str, ours: str, expected: str):
    assert rewrite(tesseract, [(c, 0.99) for c in ours])[0] == expected


@pytest.mark.parametrize(
    "tail,after,expected",
    [("ว", [("/", 0.95), ("?", 1.0)], True), ("ว", [("/", 0.6), ("?", 1.0)], False), ("ว", [("/", 0.95), ("๑", 1.0)], False)],
    ids=["sure", "unsure-slash", "digit-after"],
)
def test_slash_left_out(tail: str, after, expected: bool):
    assert slash_left_out(tail, after, 0.9) is expected
