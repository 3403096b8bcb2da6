"""Lines Tesseract read out of things that are not text.

Two kinds stand out on the tuning seeds (3 and 7, 1,417 lines, 30 bundles),
each a line whose every character is an insertion against the truth:

- specks: toner, dust, the loops of a signature, read as ``a Ss yor 9`` or
  a lone ``๕``; its words stand under 0.3 of the page's usual word height, and
  it holds no Thai syllable of three letters;
- the emblem (ครุฑ) at the top of a letter, read as ``SD.`` or ``=).``: big
  (1.5 times the usual height or more), with no Thai letter or digit and
  only short tokens;
- a QR code, read as Thai letters (``เสไรตท``): at least body height, and
  ink fills half its box, where a line of print fills at most 40%;
- signs alone, no letter or digit (``+ +``, ``#``): speckle (seed 131 read a
  page of it as some sixty such lines). No line of the corpora's truth is so.

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
# Ink covers at most 40% of a line of print's box, bold titles and urgency
# stamps included (7 bundles of seeds 8-11, 342 lines); a QR code covers half
# of it, and Tesseract reads it as Thai junk (``เสไรตท``, seed 11).
SOLID_FILL = 0.45
_THAI_SYLLABLE = re.compile("[\u0e01-\u0e2e\u0e40-\u0e44][\u0e01-\u0e4e]{2,}")
_THAI = re.compile("[\u0e01-\u0e2e\u0e50-\u0e59]")
_MARKED = re.compile("[\u0e01-\u0e2e][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def junk_reason(texts: Sequence[str], heights: Sequence[float], page_height: float, fill: float | None = None) -> str | None:
    """Why the line of these words (their text and box heights, and how much of
    the line's box is ink) is no text, or None.

    >>> junk_reason(["a", "Ss", "yor", "9"], [9, 11, 10, 12], 50)
    'specks read as text: words 0.21 of the usual height'
    >>> junk_reason(["SD."], [90], 50)
    'a picture read as text: 1.80 times the usual height, no Thai'
    >>> junk_reason(["-", "๒", "-"], [4, 24, 4], 50) is None  # a page number
    True
    >>> junk_reason(["+", "+"], [20, 20], 50)  # speckle (seed 131: a page of such lines)
    'signs read as text: no letter or digit'
    >>> junk_reason(["แผน", "-"], [12, 4], 50) is None  # a Thai syllable, however small
    True
    >>> junk_reason(["เสไรตท"], [90], 50, fill=0.54)  # a QR code read as Thai
    'a picture read as text: ink fills 54% of the line'
    >>> junk_reason(["บันทึกข้อความ"], [45], 50, fill=0.35) is None  # a bold title
    True
    """
    words = [t for t in texts if t.strip()]
    # Dashes and dots are small in any line: the height is the letters' and digits'.
    sized = [h for t, h in zip(texts, heights) if any(c.isalnum() for c in t)]
    if words and not sized:  # no line of the corpora's truth (131,783) is signs alone
        return "signs read as text: no letter or digit"
    if not words or page_height <= 0:
        return None
    text = " ".join(words)
    h = float(np.median(sized)) / page_height
    if h < SPECK_HEIGHT and not _THAI_SYLLABLE.search(text):
        return f"specks read as text: words {h:.2f} of the usual height"
    if h >= BIG_HEIGHT and not _THAI.search(text) and all(len(w) <= 4 for w in words):
        return f"a picture read as text: {h:.2f} times the usual height, no Thai"
    if fill is not None and fill >= SOLID_FILL and h >= 1.0:  # a short number's tight box is solid too
        return f"a picture read as text: ink fills {fill:.0%} of the line"
    return None


MARKS_HEIGHT = 0.7  # of the line under them: marks' words (median) stand at most this high
MARKS_CONF = 80.0  # marks read as letters are unsure; ``- ๒ -`` over the first line is sure
MARKS_GAP = 0.25  # of the line under them: marks stand this close to their letters, or sink into them
MARKS_SPECK = 0.15  # of the line under them: a word this low is a speck, wherever it lies


def marks_apart(texts: Sequence[str], confs: Sequence[float], boxes: Sequence[Sequence[int]],
                below: Sequence[int]) -> str | None:
    """Why a line (its words, their confidences and boxes x, y, w, h) is the
    upper marks of the line under it (box ``below``) read as a line of their
    own, or None. Tesseract does this to a big bold title: ``wy ๕๑`` (the
    marks of บันทึกข้อความ) over ``บนทกข้อความ``. Such a line sinks into the
    line under it (or all but touches it), lies within its width (specks
    aside), is much lower than it, and is read unsure.

    >>> title = (407, 85, 340, 67)
    >>> marks_apart(["wy", "๕๑", "y"], [11, 53, 50], [(423, 83, 26, 14), (480, 75, 35, 33), (565, 81, 23, 19)], title)
    'marks of the line under it read as a line: 0.28 of its height'
    >>> marks_apart([";", "ew", "y"], [51, 37, 58], [(300, 60, 3, 3), (423, 60, 26, 14), (565, 60, 22, 19)], title)
    'marks of the line under it read as a line: 0.25 of its height'
    >>> marks_apart(["-", "๒", "-"], [90, 91, 90], [(560, 60, 10, 4), (575, 50, 20, 30), (600, 60, 10, 4)], title) is None
    True
    >>> marks_apart(["-", "๒", "-"], [70, 71, 70], [(560, 30, 10, 4), (575, 20, 20, 30), (600, 30, 10, 4)], title) is None
    True
    >>> marks_apart([":", "๑ฒ", "«€&", "ฆ"], [26, 60, 3, 73], [(138, 86, 3, 3), (419, 75, 30, 31), (487, 82, 28, 17), (565, 81, 22, 19)], title)
    'marks of the line under it read as a line: 0.28 of its height'
    >>> marks_apart(["ที่"], [40], [(420, 60, 30, 30)], title) is None  # a letter with its marks: a word
    True
    >>> body = (177, 841, 894, 55)  # seed 66: the marks of นับแต่วันที่ได้รับหนังสือนี้ read inside its box
    >>> marks_apart(["7", "เ", "ส่ไข", "a", "Wray"], [45, 82, 72, 41, 62],
    ...             [(237, 852, 14, 8), (363, 851, 24, 9), (413, 842, 68, 18), (874, 850, 14, 10), (968, 850, 44, 10)], body)
    'marks of the line under it read as a line: 0.18 of its height'
    >>> marks_apart(["ส่ไข"], [72], [(413, 820, 68, 18)], body) is None  # a word above the line's box
    True
    """
    sized = [bx for bx in boxes if bx[3] >= MARKS_SPECK * below[3]]
    if not sized or sum(confs) / len(confs) >= MARKS_CONF:
        return None
    x, y = min(b[0] for b in sized), min(b[1] for b in sized)
    right, bottom = max(b[0] + b[2] for b in sized), max(b[1] + b[3] for b in sized)
    bx, by, bw, bh = below
    # Marks read as a word (``ส่ไข``, seed 66) still lie wholly inside the
    # line under them, top to bottom: no line of words does.
    if any(_wordlike(t) for t in texts) and not by <= y <= bottom <= by + bh:
        return None
    tall = float(np.median([b[3] for b in sized])) / bh
    if bottom < by - MARKS_GAP * bh or x < bx or right > bx + bw or tall > MARKS_HEIGHT:
        return None
    return f"marks of the line under it read as a line: {tall:.2f} of its height"


def _wordlike(text: str) -> bool:
    """Three letters or digits, or a Thai letter with its mark: a word, not marks read as letters (``«€&``)."""
    return sum(c.isalnum() for c in text) > 2 or _MARKED.search(text) is not None


# Below this a short token is a speck, a rule or a piece of the emblem. On the
# seed-1 corpus (76 pages) dropping them took CER from 6.6% / 6.0% (200 / 300
# dpi) to 6.1% / 5.2% at 45, 5.8% / 4.9% at 60, 5.4% / 4.8% at 75 (but 75 began
# to cost digits).
DEBRIS_CONF = 60.0


# Marks that never stand alone in a Thai letter: a lone dot, comma, quote or
# bar is a speck or a rule read as text, whatever Tesseract's confidence (seeds
# 1, 3, 6, 7: dropping them took CER from 4.48% to 4.11%). ':' and '-' do
# stand alone (``โทร :``, the page number ``- ๒ -``) and are not in the set.
_STRAY_MARKS = re.compile("[.,'|;`\"“”‘’_~]+")


def is_debris(text: str, conf: float, following: str = "") -> bool:
    """A short low-confidence token that is no word, or a lone stray mark:
    what Tesseract makes of dust and lines.

    A letter before a number stays (``ว ๒๐๖๙`` marks a circular).

    >>> is_debris("ง", 15.0), is_debris("|", 30.0), is_debris("ที่", 30.0), is_debris("ง", 90.0)
    (True, True, False, False)
    >>> is_debris("ว", 30.0, following="๒๐๖๙")
    False
    >>> is_debris(".", 95.0), is_debris("'", 91.0), is_debris(":", 95.0), is_debris("-", 95.0)
    (True, True, False, False)
    """
    if _STRAY_MARKS.fullmatch(text):
        return True
    if conf >= DEBRIS_CONF or len(text) > 3 or re.match("[๐-๙0-9]", following):
        return False
    return not re.search("[\u0e01-\u0e2e][\u0e31-\u0e4e]|[\u0e01-\u0e2e]{2}|[๐-๙0-9]", text)
