"""Digits that came apart into blobs, told from letters (``numbers._read_by_word``).

A thin stroke lost to blur or a light pen breaks a digit in two; a serif
font's ๒ is cut by ``glyphs.segment`` into its tall hooked stem and its bowl,
stacked like a letter and its mark. Read alone such a word is all "not a
digit", so it was read apart from its number as a word of letters, and
``DigitModel._mend``, which joins pieces only beside a digit, never saw it
(seed 9: ๒๑ as ๑; seed 18: ``โทร. ๐ ๒๒๔๑`` as ``๐ ๔๑``, both ๒ cut in two).
"""

from __future__ import annotations

import functools
import re

from docintake.ocr.digits import ARABIC_DIGITS, REJECT, THAI_DIGITS, features
from docintake.ocr.glyphs import join

MAX_WIDTH = 1.4  # of its height: joined, the pieces are no wider than a digit


def one_digit(model, pieces: list, sure: float) -> bool:
    """Do these blobs, joined, read surely (``sure``) as one digit no wider than a digit?"""
    whole = functools.reduce(join, pieces)
    p = model.proba(features([whole]))[0]
    return whole.w <= MAX_WIDTH * whole.h and int(p.argmax()) < 20 and float(p.max()) >= sure


def broken_digits(model, word: list, sure: float) -> bool:
    """Is this word of blobs one digit in two or three pieces, or two or three digits
    each in two (four or six blobs, joined pairwise left to right)?"""
    if 2 <= len(word) <= 3:
        return one_digit(model, word, sure)
    if len(word) in (4, 6):
        return all(one_digit(model, word[k : k + 2], sure) for k in range(0, len(word), 2))
    return False


def joined_if_broken(model, word: list, alone: tuple[list, list]) -> tuple[list, list]:
    """A word that alone reads as letters only, yet is no word of letters
    (``broken_digits``): its pieces read as the one digit they make (seed 54: a
    red ๘ written in as a letter's day, loop and tail, kept Tesseract's ๕)."""
    reading, _ = alone
    if not reading or any(c != REJECT for c, _ in reading):
        return alone
    if len(word) in (4, 6):  # two or three digits each in two, as broken_digits pairs them
        return model.read([join(word[k], word[k + 1]) for k in range(0, len(word), 2)])
    return model.read([functools.reduce(join, word)])


DIGITS_ONLY = re.compile(f"[{THAI_DIGITS}{ARABIC_DIGITS}]+")  # a token of digits alone


def joined_where_seen(model, text: str, reading: list, glyphs: list, sure: float) -> tuple[list, list]:
    """A pair of neighbour glyphs read surely as no digit in a token Tesseract
    read as digits alone, one digit more than we read: joined, when they make
    one digit (``one_digit``), read with the rest. A pen's ๕ with its flourish
    came apart in two, each a sure "not a digit", and ๕๓๓๑ was read ๓๓๑ (seed
    71: a province's circular to 29 LAOs under a wrong number). The pen rule of
    ``DigitModel._mend`` does not join sure letters (น and ที่ read ๗, seed 49):
    here Tesseract's all-digit token says the ink is a number."""
    ours = sum(c != REJECT for c, _ in reading)  # a lone digit is often a speck's: a number has two
    if not DIGITS_ONLY.fullmatch(text) or not ours or len(text) != ours + 1 or len(reading) != len(glyphs):
        return reading, glyphs
    pairs = [j for j in range(len(reading) - 1) if reading[j][0] == REJECT == reading[j + 1][0]]
    fits = [j for j in pairs if one_digit(model, glyphs[j : j + 2], sure)]
    if len(fits) != 1:
        return reading, glyphs
    j = fits[0]
    mended = glyphs[:j] + [join(glyphs[j], glyphs[j + 1])] + glyphs[j + 2 :]
    read, kept = model.read(mended)
    return (read, kept) if sum(c != REJECT for c, _ in read) == len(text) else (reading, glyphs)
