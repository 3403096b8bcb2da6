"""ocr.framed: a receipt stamp's frame is found in the page's top third and
read alone; tables, rules and open brackets are no stamp."""

import cv2
import numpy as np
import pytest

from docintake.ocr.framed import find_stamp, shift, split
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


def test_split_blanks_the_stamp_and_erases_its_frame():
    page = _page([STAMP])
    box = find_stamp(page)
    rest, crop, (ox, oy) = split(page, box)
    x, y, w, h = box
    assert (rest == 0).sum() == 0  # the page Tesseract reads has no stamp left
    rows = page[y : y + h, x : x + w].copy()
    rows[:8], rows[-8:], rows[:, :8], rows[:, -8:] = 255, 255, 255, 255  # the glyphs, frame aside
    assert (crop == 0).sum() == (rows == 0).sum()  # every glyph kept, no frame ink
    assert (crop[y - oy : y - oy + 20, x - ox + 20 : x - ox + 40] == 0).sum() == 0


def test_shift_moves_boxes_offsets_and_lines():
    tok = Token("๑๒", 0, 2, (5, 6, 10, 10), 80.0, 0, [(5, 6, 5, 10)], (5, 6, 30, 10))
    [moved] = shift([tok], (100, 200), chars=7, lines=3)
    assert moved.box == (105, 206, 10, 10) and moved.line_box == (105, 206, 30, 10)
    assert moved.boxes == [(105, 206, 5, 10)] and (moved.start, moved.end, moved.line) == (7, 9, 3)
