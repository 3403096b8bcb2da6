"""A digit and the slash after it run into one blob (issue #3): part them.

In a document number ``๐๐๒๓.๓/๒๐๘๐`` the slash leans back over the foot of
the ๓ before it; blur or heavy ink joins the two into one blob, which the
classifier reads as ๗ with p = 1.0 (๗ is a ๓ with a tall stroke on its right:
seeds 16, 19 and 20). ``segment`` does not cut it (it is narrower than two
letters of the line) and ``DigitModel._cut`` leaves sure digits alone.

What gives it away is its size against the number's other digits: a digit
plus a slash is about 1.6 digits wide and, the slash standing above the
digits' tops and reaching their baseline, 1.7-1.8 of their body's height,
where a printed ๗ is about as wide as the others and under 1.5 of the body's
height (its stroke rises above it). Such a blob is cut at the column where the left
part reads surely as a digit and the right part surely as ``/``.

The slash also runs into the digit after it (``๐๐๒๓.๑๗/๒๒๓๙``, seed 55: ``/๒``
one blob, read as no digit at all): a blob that is no sure digit, as wide,
and as tall as the slash alone stands, is cut where its left part reads
surely as ``/`` and its right part surely as a digit of fitting size.
"""

from __future__ import annotations

import numpy as np

from docintake.ocr.glyphs import Glyph, piece
from docintake.text.lexicon import CIRCULAR_MARK

SLASH = "/"
# Sizes against the number's other sure digits: median width, body height (seeds
# 16-21: ๓/ blobs 1.48-1.63 wide and at least 1.73 high; printed ๗ at most 1.33 wide
# and 1.43 high, a handwritten one up to 1.45 wide and 1.63 high).
WIDE = 1.35
TALL = 1.7
SURE = 0.95
BODY = 1.2  # the digit cut off: no taller than its kind among the others
STANDS = 1.4  # the slash cut off: this much taller than the others' body ...
OVER = 1.1  # ... and than the digit cut off (a ๒ with its stroke is 1.5 bodies high)
BODY_HIGH = "๐๑๓"  # Thai digits with no stroke above the body
# A blob read as ๗ but wider than any ๗ measured (printed 1.33, handwritten 1.45): a ๓/ blob
# however short its slash stands (seed 78: 1.58 bodies high, 1.78 digits wide). Only a ๗: a
# ๙'s tail makes it as wide (seed 78: ๙ cut into ๓/). The cut must still read sure.
VERY_WIDE = 1.55
SEVEN = "๗"


def _digit_size(glyphs: list[Glyph], best: np.ndarray, top: np.ndarray, j: int) -> tuple[float, float, float] | None:
    """Median width, least and greatest height of the sure digits other than glyph j (None with fewer than two).

    The least height is the digits' body: ๒ ๔ ๕ ๖ ๗ ๘ ๙ carry a stroke above it, ๐ ๑ ๓ do not.
    """
    others = [g for k, g in enumerate(glyphs) if k != j and best[k] < 20 and top[k] >= SURE]
    if len(others) < 2:
        return None
    return float(np.median([g.w for g in others])), float(min(g.h for g in others)), float(max(g.h for g in others))


def _sizes_fit(parts: list[Glyph], digit: str, size: tuple[float, float, float]) -> bool:
    """Do the two halves look like a digit of this number and a slash standing over it?

    The digit is no taller than its kind among the others (a body-high ๓ than
    their body, a ๒ with its stroke above than the tallest): a handwritten
    digit, bigger than the printed ones beside it, is no digit run into a
    slash however its halves read. The slash stands well above the body and
    above the digit.
    """
    _, body, tallest = size
    own = body if digit in BODY_HIGH else tallest
    slash = parts[1].h
    return parts[0].h <= BODY * own and slash >= STANDS * body and slash >= OVER * parts[0].h


def _best_cut(model, glyphs: list[Glyph], j: int, size: tuple[float, float, float], features, classes: str,
              slash_first: bool = False) -> tuple[list[Glyph], np.ndarray, float] | None:
    """The trial with glyph j cut into a sure digit and a sure slash of fitting
    sizes (``slash_first``: the slash, then the digit), surest first."""
    g, slash, choice = glyphs[j], classes.index(SLASH), None
    digit_at = 1 if slash_first else 0  # which of the two parts is the digit
    for at in range(g.w // 6, g.w - g.w // 3) if slash_first else range(g.w // 3, g.w - g.w // 6):
        parts = piece(g, 0, at) + piece(g, at, g.w)
        if len(parts) != 2 or parts[1 - digit_at].h < STANDS * size[1]:
            continue
        trial = glyphs[:j] + parts + glyphs[j + 1 :]
        q = model.proba(features(trial))
        digit = int(q[j + digit_at].argmax())
        is_slash = int(q[j + 1 - digit_at].argmax()) == slash
        sure = min(float(q[j + digit_at, digit]), float(q[j + 1 - digit_at, slash]))
        if (digit < 20 and is_slash and sure >= SURE
                and _sizes_fit([parts[digit_at], parts[1 - digit_at]], classes[digit], size)
                and (choice is None or sure > choice[2])):
            choice = (trial, q, sure)
    return choice


def _inside_number(best: np.ndarray, j: int, letter: int) -> bool:
    """Is glyph j read as a digit, or as a letter with digits on both sides of it?

    A letter between two digits is no letter of the text (``_one_script`` says
    the same); one at a number's edge may be the word beside it.
    """
    if best[j] < 20:
        return True
    digits = np.flatnonzero(best < 20)
    return best[j] == letter and len(digits) > 0 and digits[0] < j < digits[-1]


def part_slash(model, glyphs: list[Glyph], p: np.ndarray, features, classes: str) -> tuple[list[Glyph], np.ndarray] | None:
    """The glyphs with one digit-and-slash blob parted, and their probabilities; None if there is none."""
    best, top = p.argmax(axis=1), p.max(axis=1)
    for j, g in enumerate(glyphs):
        size = _digit_size(glyphs, best, top, j) if _inside_number(best, j, len(classes) - 1) else None
        if size is None or g.w < WIDE * size[0]:
            continue
        tall = g.h >= TALL * size[1] or (classes[best[j]] == SEVEN and g.w >= VERY_WIDE * size[0])
        choice = _best_cut(model, glyphs, j, size, features, classes) if tall else None
        if choice is None and not (best[j] < 20 and top[j] >= SURE) and g.h >= STANDS * size[1]:
            choice = _best_cut(model, glyphs, j, size, features, classes, slash_first=True)
        if choice is not None:
            return choice[0], choice[1]
    return None


def slash_left_out(tail: str, after: list[tuple[str, float]], sure: float) -> bool:
    """Did Tesseract leave out the slash our glyphs show between a number and its ว?

    A slash run into the circular's ว after it (or too faint for Tesseract)
    comes out as nothing: ``๐๘๐๘.๓ว`` for ๐๘๐๘.๓/ว (seeds 24 and 25), though
    our glyphs read ``๐๘๐๘.๓/?`` with a sure slash. Only a tail of the one
    letter ว (Thai marks aside) after two glyphs, a sure slash and a letter:
    a ว glued to a number follows a slash and nothing else, where the left
    stroke of another letter read as ``/`` (``๒๕๖๗ท``) must stay a letter.
    """
    if len(after) != 2 or after[0][0] != SLASH or after[0][1] < sure:
        return False
    return tail == CIRCULAR_MARK and after[1][0] == "?"
