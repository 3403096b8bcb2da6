"""ocr.wordcut.of_the_line: glyphs of a close-set neighbouring line, taken in
by a line box made tall by stacked marks, are left out before words are formed."""

import pytest

from docintake.ocr.glyphs import Glyph
from docintake.ocr.wordcut import not_others, of_the_line

# A line like ``ให้แล้วเสร็จภายในวันศุกร์ที่ ๒๙ มีนาคม ๒๕๖๗`` at 200 dpi (page pixels): the
# first word's box reaches up over its stacked marks, the digits' boxes are tight.
BOXES = [(233, 1248, 469, 97), (720, 1295, 45, 31), (795, 1273, 123, 67), (948, 1295, 105, 38)]


def _g(x, y, w=22, h=28):
    return Glyph(x, y, w, h, None)


CASES = [
    # (id, glyph, kept)
    ("digit-under-its-box", _g(721, 1295), True),
    ("letter-of-the-line-above-over-a-digit", _g(740, 1237), False),
    ("letter-of-the-line-above-between-boxes", _g(772, 1237, 20), False),
    ("letter-of-the-line-above-over-the-tall-box", _g(300, 1237), True),  # its rows hold it: no harm, no digit there
    ("number-tesseract-left-out-after-the-boxes", _g(1100, 1297), True),
    ("letter-of-the-line-below-after-the-boxes", _g(1100, 1360), False),
    ("lower-vowel-under-a-box", _g(800, 1330, 10, 10), True),
]


@pytest.mark.parametrize("glyph, kept", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_of_the_line(glyph, kept):
    assert (of_the_line([glyph], BOXES) == [glyph]) is kept


def test_no_boxes_keeps_every_glyph():
    glyphs = [_g(10, 10), _g(40, 90)]
    assert of_the_line(glyphs, []) == glyphs


def test_specks_read_as_tokens_do_not_move_the_line():
    """``ร ) |`` read from specks on the baseline make boxes 6 px high: the ๒ left of
    Tesseract's box for ``๒๕๐`` stands between it and กันยายน, whose rows hold it (seed 14)."""
    boxes = [(188, 820, 37, 6), (315, 779, 110, 50), (448, 792, 77, 23), (922, 820, 2, 6), (1042, 820, 2, 6)]
    two = Glyph(430, 792, 20, 23, None)
    assert of_the_line([two], boxes) == [two]


def test_a_speck_token_over_a_number_does_not_hide_it():
    """``&`` read from a speck under the year of ``๑๗ ก.พ. ๖๘`` (a memo's date, seed 13)
    has a box 4 px high over the year's glyphs: it has no rows to judge them by."""
    boxes = [(1181, 468, 146, 105), (1357, 509, 74, 57), (1472, 515, 115, 51), (1591, 561, 43, 4)]
    six = Glyph(1595, 512, 36, 50, None)
    assert of_the_line([six], boxes) == [six]


# A page number ``- ๒ -`` whose words Tesseract boxed as its two dashes (seed 18, ``ie es``),
# the line's box as high as the ๒; and a speck boxed alone under a tall line box (seed 14).
DASHES = [(1171, 158, 18, 6), (1294, 158, 18, 6)]
LONE = [
    # (id, boxes, band, glyph, kept)
    ("digit-between-dash-boxes", DASHES, 44, _g(1221, 131, 40, 46), True),
    ("square-speck-box-keeps-its-rows", [(1300, 213, 6, 6)], 78, _g(1222, 178, 55, 95), False),
    ("a-long-word-is-no-dash", [(233, 1248, 469, 97)], 97, _g(300, 1140), False),
    ("a-flat-scrap-among-words-keeps-its-say",  # seed 13: ``a wad ๑๙``, the next line's number under it
     [(1000, 300, 30, 12), (1040, 280, 60, 40)], 60, _g(1005, 302, 22, 28), False),
]


@pytest.mark.parametrize("boxes, band, glyph, kept", [c[1:] for c in LONE], ids=[c[0] for c in LONE])
def test_of_the_line_flat_boxes(boxes, band, glyph, kept):
    assert (of_the_line([glyph], boxes, band=band) == [glyph]) is kept


# Seed 123 (a slanted page): Tesseract read ``วันที่ ๘`` as a block apart (วันที boxed at
# 236-312) and boxed the ๘ as ``๕`` on the line below it (at 330-357), whose box is 31 px high.
LINE_24 = [(330, 1801, 27, 29), (376, 1778, 94, 70), (490, 1778, 100, 70)]
WANTHI = [(236, 1780, 76, 64)]
NOT_OTHERS = [
    # (id, this line's boxes, other lines' boxes, glyph, kept)
    ("another-line-token-ink-left-out", LINE_24, WANTHI, _g(299, 1800, 12, 28), False),
    ("own-token-ink-kept", LINE_24, WANTHI, _g(330, 1800, 27, 29), True),
    ("the-other-line-leaves-this-one-its-digit", WANTHI, LINE_24, _g(330, 1800, 27, 29), False),
    ("ink-in-both-boxes-stays", [(300, 1790, 40, 40)], WANTHI, _g(299, 1800, 12, 28), True),
    ("ink-in-no-box-stays", LINE_24, WANTHI, _g(1100, 1800), True),
]


@pytest.mark.parametrize("mine, others, glyph, kept", [c[1:] for c in NOT_OTHERS], ids=[c[0] for c in NOT_OTHERS])
def test_not_others(mine, others, glyph, kept):
    assert (not_others([glyph], mine, others) == [glyph]) is kept
