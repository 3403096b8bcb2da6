"""ocr.numbers._missed: a number on the line that no Tesseract box covers is
put in; one Tesseract boxed as a sliver (1-2 px wide) is covered all the same,
or its digit comes back a second time beside it (``ภายใน 7 7 วัน``, seed 36);
so is a digit's box a few pixels high, by the line's median box height (seed 49)."""

import numpy as np
import pytest

from docintake.ocr import numbers
from docintake.ocr.glyphs import Glyph


class _Model:
    """Reads every word as the digit 7, surely."""

    def read(self, word):
        return [("7", 1.0)] * len(word), word


def _seven_at(x: int) -> list:
    return [Glyph(x, 1849, 31, 49, np.ones((49, 31), np.uint8))]


WORDS = [(1200, 1840, 300, 74), (1600, 1840, 380, 74)]  # Thai words either side, boxed with their marks

CASES = [
    # (id, Tesseract's boxes on the line (page pixels), which of them hold a digit, numbers found missed)
    ("sliver-box-left-of-its-glyph", [(1522, 1856, 2, 41)], [True], []),
    ("whole-box-over-its-glyph", [(1546, 1850, 34, 48)], [True], []),
    ("no-box-near-it", [(1200, 1856, 60, 41)], [False], ["7"]),
    # A sliver far from the glyph covers nothing of it.
    ("sliver-far-away", [(1300, 1856, 2, 41)], [True], ["7"]),
    # Seed 49: the 7's box 1 x 4 px under the line, between the words either side.
    ("speck-box-under-the-line", [WORDS[0], (1538, 1905, 1, 4), WORDS[1]], [False, True, False], []),
    # A full stop's small box is no digit's: the number beside it is still missed.
    ("full-stop-box-beside", [WORDS[0], (1530, 1890, 8, 8), WORDS[1]], [False, False, False], ["7"]),
]


@pytest.mark.parametrize(("boxes", "numeric", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_missed_numbers(boxes: list, numeric: list, want: list) -> None:
    word = _seven_at(1548)
    found = numbers._missed(_Model(), [word], {id(g): True for g in word}, boxes, numeric)
    assert [text for _, text, _ in found] == want
