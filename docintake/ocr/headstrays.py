"""A speck after a letterhead's running number, read as a digit, emptied.

On a letterhead's ``ที่`` line the running number is followed by the sender's
address (``ที่ สน 0023.19/963 7 ที่ว่าการอำเภอ...``); a lone token of one or two
characters between them is mostly a speck Tesseract read as a digit, and the
parser would join it to the number (``9637``, a wrong value). Its ink tells
the two apart: a speck is a few pixels tall next to the number's full-size
digits, or reads as no digit at all; a digit of a number Tesseract split
(``๕๔๐ ๐``) is a full-size glyph that reads surely as a digit, and is kept
(the parser joins it, as before).

Only on a letterhead's number line: an agency's prefix (province or ministry),
then a number of the letterhead's shape (``๐๐๒๓.๔/๑๗๖๑``, ``๐๘๑๐.๓/ว ๑๑๒๔``:
a dot before the slash). A memo's number
(five digits, no dot) is ``ocr.memonumber``'s.
"""

from __future__ import annotations

import re
from statistics import median

import numpy as np

from docintake.ocr import rewrite
from docintake.ocr.digits import Fix
from docintake.ocr.tesseract import Token, to_page_box
from docintake.text import lexicon

_D = "[0-9๐-๙]"
_CODE = f"{_D}{{2,5}}(\\.{_D}{{1,3}}){{1,2}}/"  # the agency's code and the slash (``๐๐๒๓.๑๔/``)
NUMBER = re.compile(f"{_CODE}(ว ?)?{_D}{{1,5}}")  # the whole number in one token (a circular's ว in it)
CODE = re.compile(f"{_CODE}ว?")  # ... or the code apart from its running number (``๐๘๑๐.๓/ว ๑๑๒๔``)
RUNNING = re.compile(f"{_D}{{1,5}}")
TAIL = re.compile(r"[0-9๐-๙.,:;'\-]{1,2}")  # a lone digit or speck after it
SPECK_H = 0.4  # of the number's glyph height: below it, no digit of the same print
READS_P = 0.5  # a glyph read as a digit less surely than this is no digit kept


def _prefixed(toks: list[Token], texts: list[str], j: int) -> bool:
    """An agency's prefix (province or ministry) at token j, on the line of token j + 1."""
    last = texts[j].split()[-1:] if j >= 0 else []  # a fix may have joined it to ที่ (``ที่ ลป``)
    return bool(last) and toks[j].line == toks[j + 1].line and last[0].strip(".") in lexicon.AGENCY_PREFIXES


def _head_line(toks: list[Token], texts: list[str], n: int) -> bool:
    """A letterhead's running number ends at token n, after an agency's prefix on its line."""
    if NUMBER.fullmatch(texts[n]):
        return _prefixed(toks, texts, n - 1)
    return (n > 0 and RUNNING.fullmatch(texts[n]) is not None and CODE.fullmatch(texts[n - 1]) is not None
            and toks[n - 1].line == toks[n].line and _prefixed(toks, texts, n - 2))


def tails(toks: list[Token], texts: list[str]) -> list[tuple[int, int]]:
    """(number token, tail token) for each lone short token right after a letterhead's number."""
    out = []
    for n in range(1, len(texts) - 1):
        if not _head_line(toks, texts, n):
            continue
        k = n + 1
        while k < len(texts) and texts[k] == "" and toks[k].line == toks[n].line:
            k += 1  # tokens already emptied as debris stand between
        if k < len(texts) and toks[k].line == toks[n].line and TAIL.fullmatch(texts[k]):
            out.append((n, k))
    return out


def _box(tok: Token, scale: float) -> tuple[int, int, int, int]:
    return to_page_box(tok.box, scale)


def tail_fix(model, upright: np.ndarray, number_box, tail_box, text: str) -> Fix | None:
    """The tail emptied when its ink has no glyph near the number's height or reads as no sure digit."""
    number = rewrite.read_blob(model, upright, number_box)
    if number is None:
        return None  # no measure of the number's print: leave it to the parser
    digit_h = [g.h for (c, _), g in zip(*number) if c.isdigit()]  # Thai or Latin, as the page
    if not digit_h:
        return None
    height = median(digit_h)
    read = rewrite.read_blob(model, upright, tail_box)
    if read is not None:
        full = [(c, p) for (c, p), g in zip(*read) if g.h >= SPECK_H * height]
        if any(c.isdigit() and p >= READS_P for c, p in full):
            return None  # a full-size glyph read as a digit: a digit of a split number
    return Fix("", f"{text!r} after the letterhead's running number: its ink has no glyph read as a digit at least "
                   f"{SPECK_H} of the number's digit height ({height:.0f} px) with p >= {READS_P}: a speck, "
                   f"no part of the number")


def second_look(model, upright: np.ndarray, scale: float, toks: list[Token], texts: list[str]) -> dict[int, Fix]:
    """token index -> Fix emptying each speck after a letterhead's running number."""
    fixes: dict[int, Fix] = {}
    for n, k in tails(toks, texts):
        found = tail_fix(model, upright, _box(toks[n], scale), _box(toks[k], scale), texts[k])
        if found is not None:
            fixes[k] = found
    return fixes
