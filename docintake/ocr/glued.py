"""Numbers that Tesseract glued into one token with a letter between them.

A document number ``ที่ มท ๐๘๑๙.๒/ว ๑๓๑๘`` (ว: a circular letter) comes out
of Tesseract now and then as one token ``๐๕๑๕๒/ว-.๑๓๑๕``. Read glyph by glyph,
the ว is a letter to us as well; ``digits._one_script`` then gives it its
likeliest digit, with a probability near 0, which sinks the whole token, and
Tesseract's ๕ for ๘ and ๙ stayed (seeds 9 and 10). Here the letter both
readers see is put back, and each number either side of it is rewritten on
its own, Tesseract's letters between them kept.
"""

from __future__ import annotations

import itertools
import re

from docintake.ocr.digits import ARABIC_DIGITS, NO_DIGIT_P, REJECT, THAI_DIGITS, sureness

_DIGITS = THAI_DIGITS + ARABIC_DIGITS
# Thai letters, vowels and marks: what parts the numbers of a glued token.
_THAI = "\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e"
_LETTERS = re.compile(f"([{_THAI}]+)")
_SPAN = re.compile(f"[{_DIGITS}](?:.*[{_DIGITS}])?")  # first digit to last


def letters_both_saw(text: str, reading: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """Our reading, with "no digit" back at the glyphs between digits whose digit we
    all but ruled out (p < ``NO_DIGIT_P``), when Tesseract read as many runs of
    Thai letters between the digits of ``text``.

    >>> "".join(c for c, _ in letters_both_saw("๐๕๒/ว-๑๕", [(c, 1e-9 if c == "๗" else 1.0) for c in "๐๘๒/๗๑๘"]))
    '๐๘๒/?๑๘'
    >>> "".join(c for c, _ in letters_both_saw("๐๕๒/๑๕", [(c, 1e-9 if c == "๗" else 1.0) for c in "๐๘๒/๗๑๘"]))
    '๐๘๒/๗๑๘'
    """
    digits = [i for i, (c, _) in enumerate(reading) if c in _DIGITS]
    doubted = [i for i in digits[1:-1] if reading[i][1] < NO_DIGIT_P]
    span = _SPAN.search(text)
    if not doubted or span is None:
        return reading
    runs = sum(1 for i in doubted if i - 1 not in doubted)
    if runs != len(_LETTERS.findall(span.group())):
        return reading
    return [(REJECT, 1.0 - q) if i in doubted else (c, q) for i, (c, q) in enumerate(reading)]


def rewrite_runs(text: str, reading: list[tuple[str, float]]) -> tuple[str, float] | None:
    """``text`` (Tesseract's numeric span) with each of its numbers replaced by
    ours, its letters between them kept; None unless both readings hold the
    same count of numbers parted by letters. ``reading``: ours of the same
    span, first glyph to last digit. The sureness is that of the least sure number.

    >>> rewrite_runs("๐๕๑๕๒/ว-.๑๓๑๕", [(c, 0.99) for c in "๐๘๑๙.๒/? ๑๓๑๘"])
    ('๐๘๑๙.๒/ว ๑๓๑๘', 0.99)
    >>> rewrite_runs("๕๕", [(c, 0.99) for c in "๔?๔"]) is None
    True
    """
    theirs = _LETTERS.split(text)  # number, letters, number, ...
    ours = [list(g) for _, g in itertools.groupby(reading, key=lambda r: r[0] == REJECT)]
    if len(theirs) != len(ours) or len(ours) < 3:
        return None
    out, least = [], 1.0
    for k, (mine, tess) in enumerate(zip(ours, theirs)):
        if k % 2:  # letters: Tesseract's
            out.append(tess)
            continue
        if not any(c in _DIGITS for c, _ in mine) or not any(c in _DIGITS for c in tess):
            return None
        least = min(least, sureness(mine))
        out.append("".join(c for c, _ in mine))
    return "".join(out), least
