"""Cutting numbers out of their surroundings: dotted leaders under handwriting,
a stamp's frame around it, digits a pen ran together, a value written
after its printed label. Each case is drawn, then cut and read as at run time."""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from docintake.config import Settings
from docintake.ocr.digits import load_digit_model
from docintake.ocr.glyphs import join, ink_mask, segment

TLWG = Path("/usr/share/fonts/truetype/tlwg")
MODELS = Path(__file__).resolve().parents[1] / "models"
BLUE, VIOLET = (30, 55, 175), (80, 50, 160)


@functools.cache
def font(face: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(TLWG / f"{face}.ttf"), px, layout_engine=ImageFont.Layout.RAQM)


@functools.cache
def model():
    found = load_digit_model(MODELS)
    assert found is not None, "models/thai_digits.npz is missing: run `make models`"
    return found


def gray(img: Image.Image) -> np.ndarray:
    return np.asarray(img.convert("L"))


def leader(draw: ImageDraw.ImageDraw, x0: int, x1: int, y: int, step: int = 13) -> None:
    """A dotted blank to write into, as printed under a stamp's labels."""
    for x in range(x0, x1, step):
        draw.ellipse((x, y, x + 3, y + 3), fill=(150, 150, 150))


def written(text: str, *, dots: bool = True, frame: bool = False, px: int = 58) -> tuple[np.ndarray, tuple[int, int]]:
    """Purisa digits in blue just above a dotted blank (and in a box); the image and the line's rows."""
    img = Image.new("RGB", (px * (len(text) + 4), 3 * px), "white")
    draw = ImageDraw.Draw(img)
    left, top, right, bottom = draw.textbbox((px, px), text, font=font("Purisa", px))
    draw.text((px, px), text, font=font("Purisa", px), fill=BLUE)
    if dots:
        leader(draw, px // 2, right + px, bottom + 5)  # the writing stands a little over its blank
    if frame:
        draw.rectangle((px // 4, top - px // 2, right + px, bottom + px // 3), outline=VIOLET, width=4)
    return gray(img), (top - 2, bottom + 8)


def crop(img: np.ndarray, rows: tuple[int, int]) -> tuple[np.ndarray, tuple[int, int]]:
    """The line's rows with a quarter-height margin, as ``wordcut.line_glyphs`` cuts them."""
    h = rows[1] - rows[0]
    y0 = max(0, rows[0] - h // 4)
    return img[y0 : rows[1] + h // 4], (rows[0] - y0, rows[1] - y0)


CASES = [
    ("on-a-dotted-blank", dict(dots=True, frame=False)),
    ("in-a-stamp-frame", dict(dots=True, frame=True)),
    ("bare", dict(dots=False, frame=False)),
]


@pytest.mark.parametrize("kw", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_handwritten_digits_are_cut_one_by_one(kw):
    img, rows = crop(*written("๒๓๔", **kw))
    glyphs = segment(ink_mask(img), band=rows)
    reading, _ = model().read(glyphs)
    assert "".join(c for c, _ in reading) == "๒๓๔"


def test_a_dotted_leader_is_no_glyph():
    img, rows = crop(*written("๑", dots=True))
    glyphs = segment(ink_mask(img), band=rows)
    assert len(glyphs) == 1 and glyphs[0].h > 20


def test_a_full_stop_stays():
    img, rows = crop(*written("๑๔.๐๕", dots=True))
    reading, _ = model().read(segment(ink_mask(img), band=rows))
    assert "".join(c for c, _ in reading) == "๑๔.๐๕"


@pytest.mark.parametrize("pair", ["๒๓", "๑๐", "๕๖"], ids=["two-three", "one-zero", "five-six"])
def test_digits_run_together_are_parted_by_reading(pair: str):
    """Two digits joined into one blob (a pen that did not lift) read as two."""
    img, rows = crop(*written(pair, dots=False))
    glyphs = segment(ink_mask(img), band=rows)
    assert len(glyphs) == 2
    reading, kept = model().read([join(*glyphs)])
    assert "".join(c for c, _ in reading) == pair and len(kept) == 2


def test_a_letter_is_not_parted_into_digits():
    img, rows = crop(*written("ม", dots=False))
    reading, kept = model().read(segment(ink_mask(img), band=rows))
    assert len(kept) == 1 and reading[0][0] == "?"


@pytest.mark.tesseract
def test_receipt_stamp_values_are_read():
    """A receipt stamp as offices use them: a frame, printed labels, values written in on dotted blanks."""
    from docintake.intake.load import LoadedPage
    from docintake.ocr.engine import TesseractEngine

    dpi, px, hand = 300, round(14 * 300 / 72), round(14 * 300 / 72)
    img = Image.new("RGB", (int(8.27 * dpi), int(2.4 * dpi)), "white")
    draw = ImageDraw.Draw(img)
    x0, y0, lh = 1400, 80, int(1.45 * px)
    rows = [("องค์การบริหารส่วนตำบลหนองบัว", ""), ("เลขรับ", "๑๐๔"), ("วันที่", "๒๓ มิ.ย. ๒๕๖๘"), ("เวลา", "๑๔.๐๕ น.")]
    for i, (label, value) in enumerate(rows):
        y = y0 + i * lh
        draw.text((x0, y), label, font=font("Laksaman", px), fill=VIOLET)
        if value:
            x = x0 + int(draw.textlength(label, font=font("Laksaman", px))) + px // 4
            leader(draw, x, x + 600, y + int(1.05 * px))
            draw.text((x + px // 3, y - px // 8), value, font=font("Purisa", hand), fill=BLUE)
    draw.rectangle((x0 - 30, y0 - 20, x0 + 900, y0 + 4 * lh + 20), outline=VIOLET, width=5)
    page = TesseractEngine(Settings(jobs=1, models_dir=MODELS)).read_page(LoadedPage(0, img, None, dpi))
    digits = "".join(c for c in page.text if c in "๐๑๒๓๔๕๖๗๘๙")
    assert digits == "๑๐๔๒๓๒๕๖๘๑๔๐๕", page.text


def tokens_over(line: str, pieces: list[tuple[str, str, str]], face: str = "Laksaman", px: int = 66):
    """``line`` drawn, and Tesseract-like tokens: (text read, line up to the token's start, up to its end)."""
    from docintake.ocr.tesseract import Token

    x0, y0 = 60, 40
    f = font(face, px)
    width = int(ImageDraw.Draw(Image.new("L", (1, 1))).textlength(line, font=f))
    img = Image.new("RGB", (width + 2 * x0, 3 * px), "white")
    draw = ImageDraw.Draw(img)
    draw.text((x0, y0), line, font=f, fill="black")
    at = lambda s: x0 + int(draw.textlength(s, font=f))  # noqa: E731
    top, toks, pos = y0 + px // 3, [], 0
    for text, a, b in pieces:
        toks.append(Token(text, pos, pos + len(text), (at(a), top, at(b) - at(a), px), 90.0, 0, [], (x0, top, width, px)))
        pos += len(text) + 1
    return gray(img).copy(), toks


def test_a_number_split_into_a_latin_token_and_a_digit_token_is_rejoined():
    """Tesseract read ๐๘๑๖.๔/ว as ``ode.`` and ``๕/ว``: one number again, its ``/ว`` kept."""
    from docintake.ocr.numbers import correct_tokens

    line = "ที่ มท ๐๘๑๖.๔/ว ๒๓๕๖"
    page, toks = tokens_over(line, [("ที่", "", "ที่"), ("มท", "ที่ ", "ที่ มท"), ("ode.", "ที่ มท ", "ที่ มท ๐๘๑๖."),
                                    ("๕/ว", "ที่ มท ๐๘๑๖.", "ที่ มท ๐๘๑๖.๔/ว"), ("๒๓๕๖", "ที่ มท ๐๘๑๖.๔/ว ", line)])
    fixes = correct_tokens(model(), toks, page)
    assert fixes[2].text == "๐๘๑๖.๔/ว" and fixes[2].absorbs == (3,)
    assert fixes[3].text == "" and fixes[3].join_left


def test_every_token_is_reread_only_when_asked():
    """In a stamp line Tesseract's layout left out, handwriting reads as Thai letters
    (๒๘ as ``ษซ``): there every token is re-read; in body text only numeric-looking ones."""
    from docintake.ocr.numbers import correct_tokens

    line = "วันที่ ๒๘"
    page, toks = tokens_over(line, [("วันที่", "", "วันที่"), ("ษซ", "วันที่ ", line)], face="Purisa")
    assert 1 not in correct_tokens(model(), toks, page)
    fixes = correct_tokens(model(), toks, page, every=True)
    assert fixes[1].text == "๒๘" and 0 not in fixes


def test_dust_before_a_list_number_stays_dust():
    """Specks beside a list number are no word of letters that would split the number's reading."""
    from docintake.ocr.numbers import correct_tokens

    line = "     ๑. จัดกิจกรรม"
    page, toks = tokens_over(line, [("oO.", "", "     ๑."), ("จัดกิจกรรม", "     ๑. ", line)])
    for x in (70, 100, 125):  # toner specks in the indent
        page[95:102, x : x + 7] = 40
    fixes = correct_tokens(model(), toks, page)
    assert fixes[0].text == "๑."


SEGMENTS = [
    # (id, token (left, width) on one line, gap in px, runs of token positions)
    ("urgency-stamp-then-receipt-date", [(40, 570), (1700, 60), (1780, 90)], 135, [[0], [1, 2]]),
    ("ordinary-line", [(100, 80), (200, 300), (520, 90)], 135, [[0, 1, 2]]),
    ("letterhead-number-and-address", [(100, 40), (160, 50), (230, 190), (662, 311)], 135, [[0, 1, 2], [3]]),
]


@pytest.mark.parametrize("spans, gap, runs", [c[1:] for c in SEGMENTS], ids=[c[0] for c in SEGMENTS])
def test_a_line_is_parted_at_wide_gaps(spans, gap, runs):
    from docintake.ocr.wordcut import segments
    from docintake.ocr.tesseract import Token

    toks = [Token("x", 0, 1, (x, 0, w, 40), 90.0, 0, []) for x, w in spans]
    assert segments(toks, list(range(len(toks))), gap) == runs
