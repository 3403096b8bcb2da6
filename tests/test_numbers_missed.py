"""ocr.numbers._missed: a number on the line that no Tesseract box covers is
put in; one Tesseract boxed as a sliver (1-2 px wide) is covered all the same,
or its digit comes back a second time beside it (``ภายใน 7 7 วัน``, seed 36)."""

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


CASES = [
    # (id, Tesseract's boxes on the line (page pixels), numbers found missed)
    ("sliver-box-left-of-its-glyph", [(1522, 1856, 2, 41)], []),
    ("whole-box-over-its-glyph", [(1546, 1850, 34, 48)], []),
    ("no-box-near-it", [(1200, 1856, 60, 41)], ["7"]),
    # A sliver far from the glyph covers nothing of it.
    ("sliver-far-away", [(1300, 1856, 2, 41)], ["7"]),
]


@pytest.mark.parametrize(("boxes", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_missed_numbers(boxes: list, want: list) -> None:
    word = _seven_at(1548)
    found = numbers._missed(_Model(), [word], {id(g): True for g in word}, boxes)
    assert [text for _, text, _ in found] == want
