"""A memo's handwritten number read against its fixed shape: a 5-digit LAO
code, ONE slash, a running number (``ที่ ขก ๗๕๐๐๒/๗๙๖``).

Two misreadings break that shape where the clerk's pen runs on:

* the code's last digit and the slash written in one stroke read as one
  letter (``๗๕๐๐ส๗๙๖``: four digits, a letter, the running number). The
  letter stands where a digit and the slash must be, so its glyph is cut at
  the column where the left part reads surely as a digit and the right part
  surely as ``/`` (``ocr.slashcut`` does so for a printed ``๓/`` read as a
  digit; a handwritten one, taller than its neighbours and read as no digit
  at all, fails its size checks);
* a handwritten digit of the running number cut into a digit and a slash
  (``๗๕๙๕๘/ ๓/๖๐`` for ``๗๕๙๕๘/๙๖๐``): the code's slash came already, so a
  second one is no slash; the running number's ink is read again whole, and
  taken when every glyph is a sure digit.

A third cross-check keeps what is not there out of the number: a lone digit
or speck Tesseract read right after a whole number (``72579/288 0 วันที่``,
the parser then reads ``2880``) where the classifier finds no ink it can read
as a digit is emptied; between the running number and the label there is
only the dotted line.

All only on a memo's number line (a province prefix before the number).
"""

from __future__ import annotations

import re

import numpy as np

from docintake.ocr import rewrite, slashcut
from docintake.ocr.digits import CLASSES, NO_DIGIT_P, SURE_DIGIT, THAI_DIGITS, Fix, features
from docintake.ocr.glyphs import piece
from docintake.ocr.tesseract import Token, to_page_box
from docintake.text import lexicon

_D = "[0-9๐-๙]"
FUSED = re.compile(f"{_D}{{4}}[\u0e01-\u0e2e]{_D}{{1,4}}")  # four digits, a letter, the running number
CODE = re.compile(f"{_D}{{5}}/")
SECOND_SLASH = re.compile(f"{_D}*/{_D}+")  # the running number with a slash in it
WHOLE = re.compile(f"{_D}{{5}}/{_D}{{1,4}}")  # the number read whole
RUNNING = re.compile(f"{_D}{{1,4}}")
STRAY = re.compile(r"[0-9๐-๙.,:;'\-]{1,3}")  # a digit or speck after the number, before the label
CODE_DIGITS = 4  # digits before the fused glyph: the code's first four
SLASH = "/"


def _memo_line(toks: list[Token], texts: list[str], i: int, back: int) -> bool:
    """A province prefix ``back`` tokens before token i, on its line."""
    j = i - back
    return j >= 0 and toks[j].line == toks[i].line and texts[j].strip(".") in lexicon.PROVINCE_PREFIXES


def _sure(reading: list[tuple[str, float]]) -> bool:
    return all(c in THAI_DIGITS and p >= SURE_DIGIT for c, p in reading)


def fused_glyph(reading: list[tuple[str, float]]) -> int | None:
    """Index of the one glyph surely no digit between four sure digits and a
    running number of sure digits, or None.

    >>> d = ("๗", 1.0)
    >>> fused_glyph([d, d, d, d, ("๗", 0.0), d, d, d]), fused_glyph([d, d, d, d, ("?", 1.0), d])
    (4, 4)
    >>> fused_glyph([d, d, d, ("?", 1.0), d, d]) is None  # three digits are no code
    True
    >>> fused_glyph([d, d, d, d, ("๒", 0.6), d]) is None  # a doubtful digit is not surely no digit
    True
    """
    j = CODE_DIGITS
    if len(reading) < j + 2 or not _sure(reading[:j]) or not _sure(reading[j + 1 :]) or len(reading) - j - 1 > 4:
        return None
    c, p = reading[j]
    return j if c == "?" or p < NO_DIGIT_P else None


def cut_digit_slash(model, glyphs: list, j: int, classes: str = CLASSES) -> tuple[str, float] | None:
    """(digit, sureness) of glyph j cut into a sure digit and a sure slash, the surest cut."""
    g, slash, best = glyphs[j], classes.index(SLASH), None
    for at in range(g.w // 3, g.w - g.w // 6):
        parts = piece(g, 0, at) + piece(g, at, g.w)
        if len(parts) != 2:
            continue
        q = model.proba(features(glyphs[:j] + parts + glyphs[j + 1 :]))
        left = int(q[j].argmax())
        sure = min(float(q[j, left]), float(q[j + 1, slash]))
        if classes[left] in THAI_DIGITS and sure >= slashcut.SURE and (best is None or sure > best[1]):
            best = (classes[left], sure)
    return best


def _page_box(tok: Token, scale: float) -> tuple[int, int, int, int]:
    return to_page_box(tok.box, scale)


def fused_fix(model, upright: np.ndarray, box: tuple[int, int, int, int], text: str) -> Fix | None:
    """The code's last digit and its slash read as one letter, parted (``๗๕๐๐ส๗๙๖`` -> ``๗๕๐๐๒/๗๙๖``)."""
    read = rewrite.read_blob(model, upright, box)
    if read is None or (j := fused_glyph(read[0])) is None:
        return None
    if (cut := cut_digit_slash(model, read[1], j)) is None:
        return None
    digits = "".join(c for c, _ in read[0])
    number = f"{digits[:j]}{cut[0]}/{digits[j + 1:]}"
    return Fix(number, f"memo number {text!r}: four sure digits, then a glyph surely no digit where the code's last "
                       f"digit and the one slash must stand; cut, it reads as {cut[0]} and / (p >= {cut[1]:.2f})")


def running_fix(model, upright: np.ndarray, box: tuple[int, int, int, int], text: str) -> Fix | None:
    """A running number read with a slash after the code's own (``๓/๖๐``), read again whole."""
    read = rewrite.read_blob(model, upright, box)
    if read is None or not 1 <= len(read[0]) <= 4 or not _sure(read[0]):
        return None
    number = "".join(c for c, _ in read[0])
    # it continues the code's slash: no space between (Tesseract boxed the two apart)
    return Fix(number, f"memo running number read as {text!r}, a second slash after the code's: its ink read "
                       f"again whole by the digit classifier, every glyph a sure digit", join_left=True)


def strays(toks: list[Token], texts: list[str]) -> list[int]:
    """Lone digits or specks right after a memo's whole number on its line (one token,
    or code and running; tokens emptied as debris between them aside)."""
    out = []
    for n in range(1, len(texts)):
        if WHOLE.fullmatch(texts[n]) and _memo_line(toks, texts, n, 1):
            pass
        elif not (RUNNING.fullmatch(texts[n]) and CODE.fullmatch(texts[n - 1]) and toks[n - 1].line == toks[n].line
                  and _memo_line(toks, texts, n - 1, 1)):
            continue
        k = n + 1
        while k < len(texts) and toks[k].line == toks[n].line and (texts[k] == "" or STRAY.fullmatch(texts[k])):
            out += [k] if texts[k] else []
            k += 1
    return out


def stray_fix(model, upright: np.ndarray, box: tuple[int, int, int, int], text: str) -> Fix | None:
    """A lone digit or speck after the number with no digit in its ink: emptied."""
    read = rewrite.read_blob(model, upright, box)
    if read is not None and any(c.isdigit() and p >= NO_DIGIT_P for c, p in read[0]):
        return None
    return Fix("", f"{text!r} after the memo's whole number, before the label: the digit classifier finds no digit "
                   f"in its ink (the dotted line or a speck), so it is no part of the number")


def second_look(model, upright: np.ndarray, scale: float, toks: list[Token], texts: list[str]) -> dict[int, Fix]:
    """token index -> Fix for each memo number the two cross-checks above repair."""
    fixes: dict[int, Fix] = {}
    stray_at = set(strays(toks, texts))
    for i, text in enumerate(texts):
        if FUSED.fullmatch(text) and _memo_line(toks, texts, i, 1):
            found = fused_fix(model, upright, _page_box(toks[i], scale), text)
        elif (SECOND_SLASH.fullmatch(text) and i and CODE.fullmatch(texts[i - 1])
              and toks[i - 1].line == toks[i].line and _memo_line(toks, texts, i, 2)):
            found = running_fix(model, upright, _page_box(toks[i], scale), text)
        elif i in stray_at:
            found = stray_fix(model, upright, _page_box(toks[i], scale), text)
        else:
            continue
        if found is not None:
            fixes[i] = found
    return fixes
