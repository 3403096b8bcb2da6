"""Lines Tesseract read out of things that are not text.

Two kinds stand out on the tuning seeds (3 and 7, 1,417 lines, 30 bundles),
each a line whose every character is an insertion against the truth:

- specks: toner, dust, the loops of a signature, read as ``a Ss yor 9`` or
  a lone ``๕``; its words stand under 0.3 of the page's usual word height, and
  it holds no Thai syllable of three letters;
- the emblem (ครุฑ) at the top of a letter, read as ``SD.`` or ``=).``: big
  (1.5 times the usual height or more), with no Thai letter or digit and
  only short tokens.

Real short lines (``- ๒ -``, a wrapped ``ด้วย``, ``/กอง``, ``Power)``) are of
body height, or hold a Thai syllable. Each line dropped is kept with its
reason (``ocr.engine`` stores it as a ``TextRepair``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

SPECK_HEIGHT = 0.3  # of the page's median word height
BIG_HEIGHT = 1.5
_THAI_SYLLABLE = re.compile("[\u0e01-\u0e2e\u0e40-\u0e44][\u0e01-\u0e4e]{2,}")
_THAI = re.compile("[\u0e01-\u0e2e\u0e50-\u0e59]")


def junk_reason(texts: Sequence[str], heights: Sequence[float], page_height: float) -> str | None:
    """Why the line of these words (their text and box heights) is no text, or None.

    >>> junk_reason(["a", "Ss", "yor", "9"], [9, 11, 10, 12], 50)
    'specks read as text: words 0.21 of the usual height'
    >>> junk_reason(["SD."], [90], 50)
    'a picture read as text: 1.80 times the usual height, no Thai'
    >>> junk_reason(["-", "๒", "-"], [4, 24, 4], 50) is None  # a page number
    True
    >>> junk_reason(["แผน", "-"], [12, 4], 50) is None  # a Thai syllable, however small
    True
    """
    words = [t for t in texts if t.strip()]
    # Dashes and dots are small in any line: the height is the letters' and digits'.
    sized = [h for t, h in zip(texts, heights) if any(c.isalnum() for c in t)]
    if not words or not sized or page_height <= 0:
        return None
    text = " ".join(words)
    h = float(np.median(sized)) / page_height
    if h < SPECK_HEIGHT and not _THAI_SYLLABLE.search(text):
        return f"specks read as text: words {h:.2f} of the usual height"
    if h >= BIG_HEIGHT and not _THAI.search(text) and all(len(w) <= 4 for w in words):
        return f"a picture read as text: {h:.2f} times the usual height, no Thai"
    return None
