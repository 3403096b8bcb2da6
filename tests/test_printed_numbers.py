"""Typeset numbers that should come out whole: dust stacked on a digit, a full
stop that must not part a number, a digit we doubt where Tesseract saw one,
and the page number ``- ๒ -`` that Tesseract reads as ``- 0 0`` or Thai."""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from docintake.ocr.digits import CLASSES, REJECT, Fix, load_digit_model
from docintake.ocr.glyphs import Glyph, ink_mask, segment
from docintake.ocr.tesseract import Token

TLWG = Path("/usr/share/fonts/truetype/tlwg")
MODELS = Path(__file__).resolve().parents[1] / "models"


@functools.cache
def model():
    found = load_digit_model(MODELS)
    assert found is not None, "models/thai_digits.npz is missing: run `make models`"
    return found


def render(text: str, dpi: int = 200, pt: float = 16, face: str = "Laksaman") -> np.ndarray:
    px = round(pt * dpi / 72)
    f = ImageFont.truetype(str(TLWG / f"{face}.ttf"), px, layout_engine=ImageFont.Layout.RAQM)
    img = Image.new("L", (int(f.getlength(text)) + 2 * px, 2 * px), 255)
    ImageDraw.Draw(img).text((px, px // 3), text, font=f, fill=0)
    return np.asarray(img).copy()


def ink_box(img: np.ndarray) -> tuple[int, int, int, int]:
    ys, xs = np.nonzero(img < 128)
    return int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1)


def dust(img: np.ndarray, x: int, y: int, r: int = 2) -> np.ndarray:
    img[y - r : y + r + 1, x - r : x + r + 1] = 0
    return img


def read(img: np.ndarray) -> str:
    labels, _ = model().read(segment(ink_mask(img)))
    return "".join(c for c, _ in labels)


def _last_glyph_top_right(img: np.ndarray) -> tuple[int, int]:
    """Just over the top right of the last glyph: where a speck stacks on it like a tone mark."""
    glyphs = segment(ink_mask(img))
    g = glyphs[-1]
    return g.x + g.w - 3, g.y - 6


# ------------------------------------------------------- dust stacked on a digit


def test_dust_over_a_digit_is_no_mark():
    img = render("๑๓๘๐")
    x, y = _last_glyph_top_right(img)
    assert read(dust(img, x, y)) == "๑๓๘๐"  # seed 8: the speck made the ๐ an Arabic 6


LONE = [
    # (id, digit, face, dpi, where over the digit the speck falls: fraction of its width)
    ("nine-speck-over-its-tail", "๙", "Laksaman", 200, 0.7),
    ("zero-speck-like-a-tone-mark", "๐", "Kinnari", 300, 0.7),
    ("four-speck-over-its-loop", "๔", "Garuda", 200, 0.3),
    ("five-as-a-day-of-the-month", "๕", "Laksaman", 300, 0.5),
]


@pytest.mark.parametrize("digit, face, dpi, at", [c[1:] for c in LONE], ids=[c[0] for c in LONE])
def test_dust_over_a_lone_digit_is_no_mark(digit, face, dpi, at):
    """A digit alone (a day, a list number) sets the digits' top itself: a speck over it is still dust."""
    img = render(digit, dpi=dpi, face=face)
    g = segment(ink_mask(img))[-1]
    assert read(dust(img, g.x + int(at * g.w), g.y - max(4, dpi // 60), r=dpi // 100)) == digit


@pytest.mark.parametrize("face", ["Laksaman", "Garuda", "Norasi"])
def test_dust_beside_a_page_numbers_dash_cuts_no_foot(face):
    """The dashes of ``- 2 -`` stand at mid-height; a speck run into one must not make the 2's foot a descender."""
    img = render("- 2 -", dpi=300, face=face)
    dash = segment(ink_mask(img))[-1]
    assert read(dust(img, dash.x - 4, dash.y + dash.h // 2 + 1, r=3)) == "-2-"  # seed 8: read as - 9 -


def test_dust_under_a_full_stop_leaves_a_full_stop():
    img = render("๐๐๒๓.๑๘")
    stop = [g for g in segment(ink_mask(img)) if g.w < 12][0]
    assert read(dust(img, stop.x + stop.w + 1, stop.y + stop.h + 4, r=1)) == "๐๐๒๓.๑๘"


@pytest.mark.parametrize("face, dpi", [("Laksaman", 300), ("Laksaman", 200), ("Garuda", 300)],
                         ids=["laksaman-300", "laksaman-200", "garuda-300"])
def test_dust_stacked_over_a_full_stop_leaves_a_full_stop(face, dpi):
    """Seed 18: a speck at the digits' top, over the full stop of ``มท ๐๘๑๖.๔/ว``, made it
    one glyph of two dots read as no sign, and the code kept Tesseract's ๐๕๑๒.๕."""
    img = render("๐๘๑๖.๔", dpi=dpi, face=face)
    glyphs = segment(ink_mask(img))
    stop = min(glyphs, key=lambda g: g.w * g.h)
    top = min(g.y for g in glyphs)
    # the speck up and to the left of the stop, as on the scan: no colon's dots stand so
    assert read(dust(img, stop.x - stop.w // 2, top + 2, r=max(1, dpi // 120))) == "๐๘๑๖.๔"


@pytest.mark.parametrize("text, at", [("๒๗๓๗", 0), ("๐๐๒๓", 2), ("๑๒๗๔", 1)], ids=["first", "tall-among-short", "middle"])
def test_dust_touching_a_digits_foot_is_no_descender(text, at):
    img = render(text)
    g = segment(ink_mask(img))[at]
    x, bottom = g.x + g.w // 2, g.y + g.h
    img[bottom - 1 : bottom + 5, x - 2 : x + 3] = 0  # one blob with the digit: ๒ would read as ๖
    assert read(img) == text


@pytest.mark.parametrize("face, dpi", [("Laksaman", 300), ("Laksaman", 200), ("Norasi", 300), ("Kinnari", 300)],
                         ids=["laksaman-300", "laksaman-200", "norasi-300", "kinnari-300"])
def test_a_digit_broken_in_three_is_mended(face, dpi):
    """A font of hairlines breaks ๒ into stem, small loop and bowl (seed 11, a fax number)."""
    img = render("๔๒๓๙", dpi=dpi, face=face)
    two = segment(ink_mask(img))[1]
    for at in (two.w // 3, 2 * two.w // 3):
        img[:, two.x + at - 1 : two.x + at + 1] = 255
    assert len(segment(ink_mask(img))) == 6
    assert read(img) == "๔๒๓๙"


@pytest.mark.parametrize("crop, pieces, text", [("s48-2274.png", 10, "๒๒๗๔"), ("s48-1274.png", 6, "๑๒๗๔")],
                         ids=["sure-digit-after", "sure-digit-before"])
def test_a_sure_digit_does_not_swallow_a_piece_of_its_broken_neighbour(crop, pieces, text):
    """Seed 48, crops of a scan: each ๒ came apart into stem, loop (and dot) and foot.
    Joined with the second ๒'s foot, ๗ still read ๗ (p 0.96), and the stem and loop left
    read ๕ and ๖ (๒๕๖๗๔); joined with the ๒'s stem, ๑ read ๙ (๙๖๗๗๔). Tesseract's ๒๒๓๕
    and ๑๒๓๕ stood."""
    img = np.asarray(Image.open(Path(__file__).parent / "fixtures" / "digits" / crop).convert("L"))
    assert len(segment(ink_mask(img))) == pieces
    assert read(img) == text


def test_a_pens_digit_in_loop_and_tail_is_mended_by_its_own_height():
    """Seed 50, a scan's line: a red handwritten ๙๙๔ in the blank after a printed code.
    Each ๙ came apart into loop and rising tail (read ๓ and /); joined, it is wider than
    1.4 printed digits' height, so the join was refused and the number read ``/๓/๓/๔``."""
    from docintake.ocr.wordcut import line_glyphs

    img = np.asarray(Image.open(Path(__file__).parent / "fixtures" / "digits" / "s50-line-994.png").convert("L"))
    glyphs = line_glyphs(img, (0, 0, img.shape[1], img.shape[0]))
    labels, _ = model().read([g for g in glyphs if 200 <= g.x < 770])  # the code and the number, not the words
    assert "".join(c for c, _ in labels).endswith("/๙๙๔")


def test_a_broken_digit_beside_a_sure_one_mends_alone():
    """A ๒ cut in three beside a ๑ read surely (Laksaman, 300 dpi): the ๑ joined
    with the stem read as another digit before the three pieces were tried together."""
    img = render("๑๒๗", dpi=300, face="Laksaman")
    two = segment(ink_mask(img))[1]
    for at in (two.w // 3, 2 * two.w // 3):
        img[:, two.x + at - 1 : two.x + at + 1] = 255
    assert len(segment(ink_mask(img))) == 5
    assert read(img) == "๑๒๗"


def test_a_letter_keeps_its_marks():
    assert read(render("ที่")) == REJECT


# ------------------------------------------------------------- words of glyphs


def _g(x, y, w, h):
    return Glyph(x, y, w, h, np.ones((h, w), np.uint8))


WORDS = [
    # (id, glyphs, digitish, words)
    ("full-stop-keeps-the-number-whole",  # ๐๐๒?.๑๓: a blurred ๓ read as no digit, then the full stop
     [_g(0, 10, 30, 30), _g(36, 10, 30, 30), _g(72, 10, 36, 30), _g(114, 33, 7, 7), _g(125, 10, 30, 30)],
     [True, True, False, True, True], 1),
    ("dust-in-a-space-parts-nothing-more",
     [_g(0, 10, 30, 30), _g(50, 20, 4, 4), _g(60, 10, 30, 30)], [False, True, False], 2),
    ("a-full-stop-then-a-space", [_g(0, 10, 30, 30), _g(34, 33, 7, 7), _g(60, 10, 30, 30)], [False, True, False], 2),
    ("a-vowel-of-the-line-above-bridges-nothing",  # ร้อยละ ู ๔๐: the ู hangs from the line above
     [_g(0, 30, 30, 40), _g(35, 30, 30, 40), _g(70, 30, 30, 40), _g(102, 0, 20, 20), _g(128, 30, 40, 40),
      _g(172, 40, 36, 30)], [False, False, False, False, True, True], 2),
    ("stacked-letters-set-no-space",  # ๒๔ ชั่วโมง: the stacks are twice the body's height
     [_g(0, 40, 40, 40), _g(45, 40, 40, 40), _g(102, 0, 45, 81), *[_g(150 + 35 * i, 40, 30, 40) for i in range(8)],
      _g(430, 14, 30, 66), _g(465, 14, 30, 66)], [True, True] + [False] * 11, 2),
    ("a-month-ending-like-a-digit-parts-from-its-year",  # ธันวาคม ๒๕๖๘: its ม looks like a digit at first
     [_g(x, 10, 24, 28) for x in (0, 28, 56, 84, 112, 140)] + [_g(x, 10, 27, 28) for x in (182, 213, 244, 275)],
     [False] * 5 + [True] * 5, 2),
    ("a-tall-tail-of-the-stamp-above-bridges-nothing",  # ธ.ค. ๒๕๖๘ ุ เวลา: the stamp's ุ ends over the body's top
     [_g(0, 60, 30, 34), _g(36, 60, 30, 34), _g(72, 60, 30, 34), _g(108, 60, 30, 34), _g(146, 0, 30, 46),
      _g(182, 60, 26, 34), _g(212, 60, 26, 34)], [True, True, True, True, False, False, False], 2),
    ("digits-set-wide-stay-one-number",  # Laksaman's ๐๘๑๐: gaps over a space, under 2.5 spaces
     [_g(x, 10, 28, 28) for x in (0, 44, 88, 132)], [True] * 4, 1),
]


@pytest.mark.parametrize("glyphs, digitish, n", [w[1:] for w in WORDS], ids=[w[0] for w in WORDS])
def test_group_words(glyphs, digitish, n):
    from docintake.ocr.wordcut import group_words

    assert len(group_words(glyphs, digitish)) == n


ASSIGN = [
    # (id, word spans, numbers, token boxes (x, w), numeric, owner of each word)
    ("a-lone-digit-boxed-narrow",  # ...วันจันทร์ที่ ๘ เมษายน: Tesseract's box for the ๘ is 11 px of its 39
     [(0, 780), (784, 39), (853, 193)], [False, True, False], [(0, 795), (813, 11), (869, 193)],
     [False, True, False], [0, 1, 2]),
    ("a-digit-boxed-beside-its-glyph",  # ลงวันที่ ๘มกราคม: the ๘ boxed with the month, after it
     [(0, 134), (156, 31), (208, 167)], [False, True, False], [(1, 164), (187, 188)], [False, True], [0, 1, 1]),
    ("a-number-mostly-under-letters-stays",  # the letters' box covers most of it: Tesseract read it so
     [(0, 100), (104, 40)], [False, True], [(0, 140), (150, 20)], [False, True], [0, 0]),
    ("no-digit-read-nearby-overlap-wins", [(0, 100), (110, 40)], [False, True], [(0, 130), (140, 30)],
     [False, False], [0, 0]),
]


@pytest.mark.parametrize("spans, numbers, boxes, numeric, owners", [a[1:] for a in ASSIGN], ids=[a[0] for a in ASSIGN])
def test_assign_number_words(spans, numbers, boxes, numeric, owners):
    from docintake.ocr.wordcut import assign

    words = [[_g(x, 10, w, 30)] for x, w in spans]
    owned = assign(words, [(x, 0, w, 50) for x, w in boxes], reach=15, numeric=numeric, numbers=numbers)
    assert [next(k for k, o in enumerate(owned) if word[0] in o) for word in words] == owners


# ------------------------------------------- a digit Tesseract saw and we doubt


class _Rows:
    """A model whose glyph probabilities are given: one row per glyph."""

    def __init__(self, rows):
        self.rows = np.asarray(rows, np.float32)

    def proba(self, x):
        return self.rows[: len(x)]


def _row(**p):
    row = np.full(len(CLASSES), 1e-6, np.float32)
    for label, q in p.items():
        row[CLASSES.index({"one": "๑", "zero": "๐", "letter": REJECT}[label])] = q
    return row


SAW = [
    # (id, Tesseract's text, our reading, probabilities of the first glyph, result)
    ("leader-dot-on-the-first-digit", "๑๑๐๑", "?๑๐๑", _row(letter=0.79, one=0.2), "๑๑๐๑"),
    ("a-sure-letter-stays", "๑๑๐๑", "?๑๐๑", _row(letter=0.99, one=0.001), "?๑๐๑"),
    ("tesseract-saw-a-letter", "ว๑๐๑", "?๑๐๑", _row(letter=0.79, one=0.2), "?๑๐๑"),
]


@pytest.mark.parametrize("text, ours, first, want", [s[1:] for s in SAW], ids=[s[0] for s in SAW])
def test_where_tesseract_saw_digits(text, ours, first, want):
    from docintake.ocr.numbers import _where_tesseract_saw_digits

    reading = [(c, 0.2 if c == REJECT else 1.0) for c in ours]
    rows = [first] + [_row(one=1.0)] * (len(ours) - 1)
    glyphs = [_g(40 * i, 10, 30, 30) for i in range(len(ours))]
    got = _where_tesseract_saw_digits(_Rows(rows), text, reading, glyphs)
    assert "".join(c for c, _ in got) == want


# ------------------------------------------------------------------ page numbers

PAGE_NUMBERS = [
    ("dashes-read-as-zeros", "-00", "-๒-", "- ๒ -"),
    ("read-as-thai", "“ใต้", "-๒-", "- ๒ -"),
    ("a-range-is-no-page-number", "๑-๓", "๑-๓", "๑-๓"),
]


@pytest.mark.parametrize("text, ours, want", [p[1:] for p in PAGE_NUMBERS], ids=[p[0] for p in PAGE_NUMBERS])
def test_rewrite_page_number(text, ours, want):
    from docintake.ocr.rewrite import rewrite

    assert rewrite(text, [(c, 0.99) for c in ours])[0] == want


def _tok(text, box, line, start=0):
    return Token(text=text, start=start, end=start + len(text), box=box, conf=40.0, line=line, boxes=[box], line_box=box)


def _dusty_page_number() -> np.ndarray:
    """``- ๒ -`` with dust under its second dash and beside it: read word by word,
    the dash and its dust alone look like letters."""
    img = render("- ๒ -")
    dash = segment(ink_mask(img))[-1]
    img = dust(img, dash.x + dash.w // 2, dash.y + dash.h + 6, r=1)
    return dust(img, dash.x + dash.w + 18, dash.y - 4, r=1)


@pytest.mark.parametrize("text, dusty", [("“ใต้", False), ("-lo-:-:", True)], ids=["read-as-thai", "dash-with-dust"])
def test_a_page_number_alone_on_its_line_is_reread(text, dusty):
    from docintake.ocr.numbers import correct_tokens

    img = _dusty_page_number() if dusty else render("- ๒ -")
    fixes = correct_tokens(model(), [_tok(text, ink_box(img), 0)], img)
    assert fixes[0].text == "- ๒ -"


def test_a_digit_tesseract_took_for_a_doubtful_letter_is_reread():
    """``ลงวันที่ ๗ เมษายน``: the ๗ read as ซ at confidence 30 would go as debris."""
    from docintake.ocr.numbers import correct_tokens

    img = render("๗")
    tok = Token(text="ซ", start=0, end=1, box=ink_box(img), conf=30.0, line=0, boxes=[ink_box(img)], line_box=ink_box(img))
    word = Token(text="เมษายน", start=2, end=8, box=(img.shape[1] - 2, 0, 1, 1), conf=95.0, line=0, boxes=[], line_box=ink_box(img))
    assert correct_tokens(model(), [tok, word], img)[0].text == "๗"


def test_a_digit_tesseract_boxed_as_a_speck_under_the_line_comes_back_once():
    """Seed 49: Tesseract read the 7 of ``ภายใน 7 วัน`` but boxed it 1 x 4 px under the line, left
    of its glyph; the glyph, in no box, came back as a missed number: ``7 7 วัน``, no deadline."""
    from docintake.ocr.numbers import correct_tokens

    img = render("ภายใน 7 วัน")
    (seven,) = [g for g in segment(ink_mask(img)) if 159 < g.x < 215]  # between the two words' boxes
    line = ink_box(img)
    toks = [Token(text=t, start=s, end=s + len(t), box=b, conf=95.0, line=0, boxes=[b], line_box=line)
            for t, b, s in (("ภายใน", (46, 28, 113, 44), 0), ("7", (seven.x - 8, line[1] + line[3], 1, 4), 6),
                            ("วัน", (215, 30, 46, 42), 8))]
    fixes = correct_tokens(model(), toks, img)
    assert not any(f.before or f.after for f in fixes.values())


def test_a_digit_another_line_boxed_is_not_read_again_as_missed():
    """Seed 123, a slanted page: Tesseract read ``วันที่ ๘`` as a line of its own with the ๘
    left out, and boxed the ๘ as ``๕`` on the line below it. Cut from the line of วันที่, the
    ๘ stood in no box of that line's and came back as a number Tesseract missed: read twice."""
    from docintake.ocr.numbers import correct_tokens

    img = render("วันที่ ๘ เม.ย.")
    low = (139, 44, 125, 28)  # the line below: ``๕ เม.ย.``, its box tight around the digit's rows
    toks = [Token(text=t, start=s, end=s + len(t), box=b, conf=90.0, line=n, boxes=[b], line_box=lb)
            for t, b, n, lb, s in (("๕", (139, 44, 26, 28), 0, low, 0), ("เม.ย.", (184, 44, 80, 28), 0, low, 2),
                                   ("วันที", (45, 19, 74, 53), 1, (45, 19, 74, 53), 8))]
    fixes = correct_tokens(model(), toks, img)
    assert fixes[0].text == "๘"
    assert not any(f.before or f.after for f in fixes.values())


def test_a_page_number_absorbed_into_a_flat_token_is_no_speck():
    """``- ๒ -`` read as ``-``, ``0`` (the ๒), ``0`` (the flat dash): the number goes into the
    last token, whose box is a dash's; the line is as high as the ๒ it absorbed."""
    from docintake.ocr.engine import _junk_lines

    body = [_tok("ข้อความ", (100, 100 + 60 * k, 300, 47), k + 1) for k in range(5)]
    toks = [_tok("-", (575, 77, 9, 1), 0), _tok("0", (599, 64, 10, 23), 0), _tok("0", (629, 68, 34, 10), 0), *body]
    fixes = {0: Fix("", "part of the number"), 1: Fix("", "part of the number"),
             2: Fix("- ๒ -", "digit classifier", absorbs=(0, 1))}
    junk, _ = _junk_lines(toks, fixes)
    assert 0 not in junk


def _flat_dash_boxes(img: np.ndarray) -> list[tuple[int, int, int, int]]:
    return [(g.x, g.y, g.w, g.h) for g in segment(ink_mask(img)) if g.h * 3 < g.w]


@pytest.mark.parametrize("face, texts", [("Norasi", ("ie", "es")), ("Kinnari", ("ต", "ว")), ("Laksaman", ("-", "-"))],
                         ids=["dashes-read-as-latin", "read-as-two-letters", "dashes-alone"])
def test_a_page_number_tesseract_boxed_by_its_dashes_is_reread(face, texts):
    """Seed 18: Tesseract boxed the words of ``- ๒ -`` as its two dashes only (three pixels
    high, ``ie es``; the line's box as high as the ๒): the ๒, between boxes whose rows do not
    hold its middle, was dropped as another line's, and the line went as specks."""
    from docintake.ocr.engine import _junk_lines
    from docintake.ocr.numbers import correct_tokens

    img = np.pad(render("- ๒ -", dpi=300, face=face), ((60, 200), (0, 0)), constant_values=255)
    left, right = _flat_dash_boxes(img)
    line = ink_box(img)
    toks = [Token(text=t, start=3 * k, end=3 * k + len(t), box=b, conf=40.0, line=0, boxes=[b], line_box=line)
            for k, (t, b) in enumerate(zip(texts, (left, right)))]
    body = [_tok("ข้อความ", (20, line[1] + 60 + 50 * k, 300, 40), k + 1, 10 + 8 * k) for k in range(4)]
    fixes = correct_tokens(model(), toks + body, img)
    assert "".join(fixes[i].text if i in fixes else toks[i].text for i in (0, 1)).replace(" ", "") == "-๒-"
    junk, _ = _junk_lines(toks + body, fixes)
    assert 0 not in junk


def test_a_small_blob_is_left_to_the_digit_classifier():
    """On a page of a few lines with tall marks, ``- ๒ -`` stands under half the line height."""
    from docintake.ocr.missed import find_missed

    page = np.full((900, 1200), 255, np.uint8)
    for y in (200, 300, 400):
        page[y : y + 30, 100:700] = 0
    page[100:112, 560:620] = 0  # 12 px high against lines of 30
    toks = [_tok("หนึ่ง", (100, 200, 600, 30), 0), _tok("สอง", (100, 300, 600, 30), 1, 6),
            _tok("สาม", (100, 400, 600, 30), 2, 10)]
    found = find_missed(page, toks, "หนึ่ง\nสอง\nสาม")
    assert [(m.box, m.numeric) for m in found] == [((560, 100, 60, 12), True)]


# ------------------------------------------------------------ a QR code as text

FILLS = [
    # (id, text Tesseract read, line height against the usual, ink fill of the line's box, junk?)
    ("qr-code-read-as-thai", "เสไรตท", 1.8, 0.54, True),
    ("bold-urgency-stamp", "ด่วนที่สุด", 1.7, 0.40, False),
    ("bold-memo-title", "บันทึกข้อความ", 0.9, 0.35, False),
    ("a-short-number-has-a-tight-box", "๕๕", 0.3, 0.49, False),
    ("body-line", "ขอแสดงความนับถือ", 1.2, 0.20, False),
]


@pytest.mark.parametrize("text, height, fill, junk", [f[1:] for f in FILLS], ids=[f[0] for f in FILLS])
def test_a_solid_block_of_ink_is_no_line(text, height, fill, junk):
    from docintake.ocr.junk import junk_reason

    assert (junk_reason([text], [height * 40], 40, fill) is not None) is junk


def test_the_engine_measures_each_lines_ink():
    from docintake.ocr.engine import _junk_lines

    page = np.full((600, 800), 255, np.uint8)
    rng = np.random.default_rng(1)
    qr = (rng.random((25, 25)) < 0.5).repeat(4, axis=0).repeat(4, axis=1)
    page[400:500, 100:200][qr] = 0
    body = [_tok("ข้อความ", (100, 60 + 50 * k, 300, 40), k + 1) for k in range(5)]
    for t in body:  # print fills a fifth of its box
        x, y, w, h = t.box
        page[y + 10 : y + 30 : 2, x : x + w] = 0
    toks = [*body, _tok("เสไรตท", (100, 400, 100, 100), 0)]
    junk, _ = _junk_lines(toks, {}, page)
    assert list(junk) == [0] and "ink fills" in junk[0]



# ------------------------------------------------- a digit broken into a word of its own

BROKEN = [
    # (id, text, face, broken: a 3-px strip erased at 70% of a lone glyph's width)
    ("two-in-two-pieces", "๒", "Laksaman", True),
    ("four-in-pieces", "๔", "Garuda", True),
    ("nine-in-pieces", "๙", "Kinnari", True),
    ("two-letters", "ลง", "Laksaman", False),
    ("a-letter-and-its-vowel", "รา", "Kinnari", False),
    ("a-letter-cut-in-two", "ดี", "Garuda", False),
]


@pytest.mark.parametrize("text, face, broken", [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_broken_digit(text, face, broken):
    from docintake.ocr.broken import broken_digits

    img = render(text, dpi=300, face=face)
    glyphs = segment(ink_mask(img))
    if len(glyphs) == 1:
        g = glyphs[0]
        img[:, g.x + int(0.7 * g.w) : g.x + int(0.7 * g.w) + 3] = 255
        glyphs = segment(ink_mask(img))
    assert len(glyphs) >= 2 and broken_digits(model(), glyphs, 0.9) is broken


PAIRS = [
    # (id, two characters, face, broken: each glyph cut by a 3-px strip at 70% of its width)
    ("two-digits-each-in-two", "๒๒", "Laksaman", True),  # seed 18: a phone number's ๒๒, each ๒ cut in two
    ("two-digits-each-in-two-serif", "๙๔", "Kinnari", True),
    ("two-letters-each-in-two", "ลง", "Laksaman", False),
    ("a-letter-and-a-vowel-each-in-two", "รา", "Kinnari", False),
]


@pytest.mark.parametrize("text, face, broken", [b[1:] for b in PAIRS], ids=[b[0] for b in PAIRS])
def test_broken_digit_pairs(text, face, broken):
    from docintake.ocr.broken import broken_digits

    img = render(text, dpi=300, face=face)
    glyphs = segment(ink_mask(img))
    assert len(glyphs) == 2
    for g in glyphs:
        img[:, g.x + int(0.7 * g.w) : g.x + int(0.7 * g.w) + 3] = 255
    pieces = segment(ink_mask(img))
    assert len(pieces) == 4 and broken_digits(model(), pieces, 0.9) is broken


LONE_BROKEN = [
    # (id, text, face, Tesseract saw a digit in the token, what _read_by_word reads:
    # a lone digit cut in two is joined, letters stay letters)
    ("two", "๒", "Laksaman", True, "๒"),
    ("four", "๔", "Garuda", True, "๔"),
    ("eight", "๘", "Laksaman", True, "๘"),  # seed 54: a red ๘ written in as a day, loop and tail apart
    ("eight-no-digit-seen", "๘", "Laksaman", False, "??"),
    ("two-letters", "ลง", "Laksaman", True, "??"),
    ("a-letter-and-its-vowel", "รา", "Kinnari", True, "??"),
    ("prefix-no-digit-seen", "ลป", "Laksaman", False, "??"),  # seed 54's ลป read ๗ before digit_seen
]


@pytest.mark.parametrize("text, face, seen, want", [b[1:] for b in LONE_BROKEN], ids=[b[0] for b in LONE_BROKEN])
def test_a_lone_word_that_is_a_broken_digit_reads_as_that_digit(text, face, seen, want):
    from docintake.ocr.numbers import _read_by_word

    img = render(text, dpi=300, face=face)
    if len(text) == 1:  # one digit: a 3-px strip erased at 70% of its width
        g = segment(ink_mask(img))[0]
        img[:, g.x + int(0.7 * g.w) : g.x + int(0.7 * g.w) + 3] = 255
    glyphs = segment(ink_mask(img))
    assert len(glyphs) == 2
    reading, _ = _read_by_word(model(), glyphs, {id(g): 0 for g in glyphs}, speck=5, digit_seen=seen)
    assert "".join(c for c, _ in reading) == want


def test_a_pens_digit_in_two_sure_letters_is_joined_where_tesseract_read_digits():
    """Seed 71, a scan's crop: a pen-style ๕ with its flourish came apart in two
    pieces, each read surely as no digit, and ๕๓๓๑ was read ๓๓๑ (a province's
    circular to 29 LAOs under a wrong number). Tesseract read the token as four
    digits: the two pieces, joined, are the fourth."""
    from docintake.ocr.broken import joined_where_seen

    img = np.asarray(Image.open(Path(__file__).parent / "fixtures" / "digits" / "s71-5331.png").convert("L"))
    glyphs = segment(ink_mask(img))
    reading, kept = model().read(glyphs)
    assert "".join(c for c, _ in reading) == "??๓๓๑"
    mended, _ = joined_where_seen(model(), "๕๓๓๑", reading, kept, 0.9)
    assert "".join(c for c, _ in mended) == "๕๓๓๑"
    # Tesseract's token not all digits (a word of letters beside a number): left alone.
    assert joined_where_seen(model(), "ก๓๓๑", reading, kept, 0.9)[0] == reading


def test_a_wide_seven_is_a_three_and_its_slash_however_short_the_slash():
    """Seed 78, a scan's crop of ``๐๐๒๓.๑๓/``: the ๓ and the slash after it run
    into one blob 1.78 digits wide (no ๗ measured is over 1.45) but only 1.58
    bodies high, under the height that let a blob be cut; read ๗, it made a
    district's letter to 6 LAOs ``๐๐๒๓.๑๗`` with its slash lost."""
    from docintake.ocr.wordcut import line_glyphs

    # the crop ``line_glyphs`` cuts around Tesseract's line box (binarised as one: a smaller crop parts the blob)
    img = np.asarray(Image.open(Path(__file__).parent / "fixtures" / "digits" / "s78-0023.13-slash.png").convert("L"))
    glyphs = [g for g in line_glyphs(img, (63, 16, 1108, 63)) if 190 <= g.x < 400]  # the number's glyphs
    assert max(g.w for g in glyphs) == 41  # the ๓/ blob
    reading, _ = model().read(glyphs)
    assert "".join(c for c, _ in reading) == "๐๐๒๓.๑๓/"


def test_a_wide_nine_is_not_cut_for_a_slash():
    """Seed 78, a scan's crop: a running number ๑๗๙๒ (a speck read as a dot after
    its ๑) whose ๙, tail and all, is as wide as a ๓/ blob. Only a blob read as ๗
    is cut for its width alone; cut, the ๙ read ``๓/``."""
    from docintake.ocr.wordcut import line_glyphs

    img = np.asarray(Image.open(Path(__file__).parent / "fixtures" / "digits" / "s78-1792.png").convert("L"))
    glyphs = [g for g in line_glyphs(img, (55, 14, 1102, 55)) if 430 <= g.x < 620]
    reading, _ = model().read(glyphs)
    assert "".join(c for c, _ in reading) == "๑.๗๙๒"


def test_a_circulars_running_number_written_by_hand_is_read_after_its_mark():
    """Seed 98, a scan's crop: a province circular's running number written in by
    hand after the printed ``/ว`` (``๘๗๗๓``), which Tesseract read as seven Thai
    letters (``รปอหญี่``): more than a token after a bare slash may hold to be read
    again, so the circular to every LAO of the province went without a number.
    Tokens as Tesseract gave them on the page, in the crop's pixels."""
    from docintake.ocr.numbers import correct_tokens

    page = np.asarray(Image.open(Path(__file__).parent / "fixtures" / "numbers" / "s98-circular-handwritten-run.png")
                      .convert("L"))
    line = (120, 46, 870, 150)
    spec = [("ที่", (120, 105, 42, 50)), ("ศก", (175, 128, 70, 70)), ("๐๐๒๓.๕/ว", (300, 107, 294, 62)),
            ("รปอหญี่", (619, 46, 370, 144))]
    toks, pos = [], 0
    for text, box in spec:
        toks.append(Token(text=text, start=pos, end=pos + len(text), box=box, conf=90.0, line=0, boxes=[box],
                          line_box=line))
        pos += len(text) + 1
    fixes = correct_tokens(model(), toks, page)
    assert fixes[3].text == "๘๗๗๓"
