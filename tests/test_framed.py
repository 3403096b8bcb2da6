"""ocr.framed: a receipt stamp's frame is found in the page's top third and
read alone; tables, rules and open brackets are no stamp."""

import cv2
import numpy as np
import pytest

from docintake.ocr.framed import find_stamp, rows, shift, split
from docintake.ocr.tesseract import Token

W, H = 1157, 1636  # an A4 page as the image stage scales it (x-height 20 px)


def _page(frames=(), sides=None):
    """A page with text rows of letter-sized blobs, and the given frames (x, y, w, h) drawn 3 px thick."""
    page = np.full((H, W), 255, np.uint8)
    for x, y, w, h in frames:
        cv2.rectangle(page, (x, y), (x + w, y + h), 0, 3)
        for row in range(y + 25, y + h - 30, 45):  # the stamp's rows: office, เลขรับ, วันที่, เวลา
            for gx in range(x + 20, x + w - 40, 28):
                page[row : row + 20, gx : gx + 16] = 0
    if sides is not None:  # a bracket: top, left and bottom, no right side
        x, y, w, h = sides
        page[y : y + 3, x : x + w] = page[y + h : y + h + 3, x : x + w] = page[y : y + h, x : x + 3] = 0
    return page


STAMP = (790, 27, 313, 173)
CASES = [
    # (id, frames, bracket, expected box)
    ("receipt-stamp-top-right", [STAMP], None, STAMP),
    ("two-frames-the-higher-one", [(700, 300, 330, 180), STAMP], None, STAMP),
    ("table-low-on-the-page", [(100, 900, 330, 180)], None, None),
    ("table-across-the-page", [(60, 200, 1040, 180)], None, None),
    ("one-row-box", [(790, 27, 313, 60)], None, None),
    ("open-bracket-no-frame", [], (790, 27, 313, 173), None),
    ("no-frame-at-all", [], None, None),
]


@pytest.mark.parametrize("frames, bracket, box", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_find_stamp(frames, bracket, box):
    found = find_stamp(_page(frames, bracket))
    if box is None:
        assert found is None
    else:  # the frame's outer edge, give or take its stroke each side
        assert found is not None and all(abs(a - b) <= 6 for a, b in zip(found, box))


def test_split_blanks_the_stamp_and_sets_its_rows_apart():
    page = _page([STAMP])
    box = find_stamp(page)
    rest, crop, where = split(page, box)
    x, y, w, h = box
    assert (rest == 0).sum() == 0  # the page Tesseract reads has no stamp left
    glyphs = page[y : y + h, x : x + w].copy()
    glyphs[:8], glyphs[-8:], glyphs[:, :8], glyphs[:, -8:] = 255, 255, 255, 255  # the frame aside
    assert (crop == 0).sum() == (glyphs == 0).sum()  # every glyph kept, no frame ink
    assert len(where) == 3  # the three rows of blobs _page draws
    tops = [top for top, _, _ in where]
    assert all(b - a >= 40 + 20 for a, b in zip(tops, tops[1:]))  # a row's height and a gap apart
    for top, dx, dy in where:  # each row's first blob lands back where it was drawn
        row = crop[top:top + 20]
        cols = np.where((row == 0).any(axis=0))[0]
        assert page[top + dy + 10, cols[0] + dx + 5] == 0


ROWS = [
    # (id, blobs (y, h) drawn at one x each, expected rows)
    ("three-rows", [(10, 20), (55, 20), (100, 20)], [(10, 30), (55, 75), (100, 120)]),
    ("tone-mark-over-a-row", [(10, 20), (50, 6), (60, 20)], [(10, 30), (50, 80)]),
    ("lower-vowel-under-a-row", [(10, 20), (60, 20), (82, 6)], [(10, 30), (60, 88)]),
    ("leader-dots-are-no-row", [(10, 20), (34, 3)], [(10, 30)]),
]


@pytest.mark.parametrize("blobs, expected", [c[1:] for c in ROWS], ids=[c[0] for c in ROWS])
def test_rows(blobs, expected):
    ink = np.zeros((140, 200), np.uint8)
    for k, (top, h) in enumerate(blobs):
        ink[top : top + h, 20 + 30 * k : 20 + 30 * k + max(h, 12 if h > 3 else 3)] = 255
    assert rows(ink) == expected


def test_shift_moves_boxes_offsets_and_lines_by_row():
    where = [(20, 100, 200), (80, 100, 150)]  # the second row came 50 px up in the crop
    first = Token("เลขรับ", 0, 6, (5, 22, 40, 18), 90.0, 0, [(5, 22, 40, 18)], (5, 22, 80, 18))
    second = Token("๑๒", 7, 9, (5, 84, 10, 16), 80.0, 1, [(5, 84, 5, 16)], (5, 84, 30, 16))
    moved = shift([first, second], where, chars=7, lines=3)
    assert moved[0].box == (105, 222, 40, 18) and moved[1].box == (105, 234, 10, 16)
    assert moved[1].line_box == (105, 234, 30, 16) and moved[1].boxes == [(105, 234, 5, 16)]
    assert (moved[1].start, moved[1].end, moved[1].line) == (14, 16, 4)


def test_outside_drops_the_stamps_tokens_and_keeps_the_urgency_word():
    """Tesseract ran the urgency word and a stamp row into one line (``ด่วนทสุด ผี วันที่ ๒๙``):
    the word stays, the stamp's tokens go, and the line box stops at the stamp."""
    from docintake.ocr.framed import outside

    txt = "ด่วนทสุด ผี วันที่ ๒๙\nที่ ลย"
    line = (100, 40, 900, 60)
    toks = [Token("ด่วนทสุด", 0, 8, (100, 40, 200, 60), 90.0, 0, [], line),
            Token("ผี", 9, 11, (320, 50, 30, 40), 40.0, 0, [], line),
            Token("วันที่", 12, 18, (800, 45, 80, 40), 90.0, 0, [], line),
            Token("๒๙", 19, 21, (900, 50, 40, 30), 90.0, 0, [], line),
            Token("ที่", 22, 25, (100, 300, 40, 40), 90.0, 1, [], (100, 300, 200, 40)),
            Token("ลย", 26, 28, (150, 300, 40, 40), 90.0, 1, [], (100, 300, 200, 40))]
    kept, text = outside(toks, txt, (780, 20, 300, 170))
    assert text == "ด่วนทสุด ผี  \nที่ ลย"
    assert [t.text for t in kept] == ["ด่วนทสุด", "ผี", "ที่", "ลย"]
    assert all(text[t.start : t.end] == t.text for t in kept)
    assert kept[0].line_box == (100, 40, 680, 60) and kept[2].line_box == (100, 300, 200, 40)
