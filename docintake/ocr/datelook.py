"""A second look at a handwritten day and month read as one piece of junk
between the printed label วันที่ and the year (``วันที omit. ๖๗`` for
``วันที่ ๑๓ มิ.ย. ๖๗``, ``วันที สกุค. ๖๘`` for ``วันที่ ๘ ก.ค. ๖๘``).

On a memo's header line, and a receipt stamp's, the label is printed and the
clerk writes day, month and year after it, always in that order. Where
Tesseract read no digit between the label and the year, the ink there is
the day and the month: it is read by our digit classifier, whose leading
sure digits (one or two, then a glyph that is no digit) are the day; the
ink right of them is read as ``ocr.monthlook`` reads a month (the Thai model,
month letters only, three sizes, two agreeing and none naming another).
The Thai model is not asked for the day: on seeds 23-25 it read a
handwritten ๘ and ๙ as ๕. Nothing is put in unless both parts are read so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from docintake.ocr import monthlook, rewrite
from docintake.ocr.digits import SURE_DIGIT, THAI_DIGITS, Fix
from docintake.ocr.tesseract import Token, to_page_box
from docintake.text import lexicon
from docintake.text.normalize import arabic_to_thai_digits, thai_to_arabic_digits

# the printed label as Tesseract reads it: a letter, then ันท (วันที่, ฉันที่, จันที)
_LABEL = re.compile("[\u0e01-\u0e2e]ันท[\u0e35\u0e48]*")
_DIGIT = re.compile("[0-9๐-๙]")
_GLUED_DAY = re.compile(r"^[0-9๐-๙]{1,2}(?=[^\s0-9๐-๙.])")  # digits, then the month's letters
MAX_MIDDLE = 2  # tokens between label and year: day and month read as one or two pieces of junk


@dataclass
class Slot:
    label: int  # token indexes
    middle: tuple[int, ...]
    year: int


def slots(toks: list[Token], texts: list[str]) -> list[Slot]:
    """The label, then one or two tokens without a digit, then a year, on one line."""
    out = []
    for i, text in enumerate(texts):
        if not _LABEL.fullmatch(text):
            continue
        for y in range(i + 2, min(i + 2 + MAX_MIDDLE, len(toks))):
            junk = texts[y - 1]
            # the first piece may start with the day Tesseract read (``๘ALA.``), checked against ours
            if toks[y].line != toks[i].line or _DIGIT.search(_GLUED_DAY.sub("", junk) if y == i + 2 else junk):
                break
            if monthlook.YEAR.fullmatch(texts[y].rstrip(".")):
                out.append(Slot(i, tuple(range(i + 1, y)), y))
                break
    return out


def written_box(toks: list[Token], slot: Slot) -> tuple[int, int, int, int]:
    """From the label's right edge to the year's left edge, in the year's band
    (the label's where the year is boxed on the dotted line, as in ``monthlook``)."""
    label, year = toks[slot.label].box, toks[slot.year].box
    band = year if year[3] >= label[3] // 4 else label
    left = label[0] + label[2]
    return left, band[1], max(year[0] - left, 1), band[3]


def leading_day(reading: list[tuple[str, float]]) -> tuple[int, int] | None:
    """(day, its glyph count): one or two sure digits, then a glyph that is none.

    >>> leading_day([("๑", 0.99), ("๓", 0.98), ("?", 0.9), ("?", 0.8)])
    (13, 2)
    >>> leading_day([("๘", 0.97), ("?", 0.99)])
    (8, 1)
    >>> leading_day([("๘", 0.6), ("?", 0.99)]) is None  # unsure
    True
    >>> leading_day([("๘", 1.0), ("๓", 0.0), (".", 0.95)])  # a letter the classifier thinks no digit
    (8, 1)
    >>> leading_day([("๓", 0.99), ("๕", 0.99), ("?", 0.9)]) is None  # no day
    True
    >>> leading_day([("๑", 0.99), ("๓", 0.99)]) is None  # no month after it
    True
    """
    n = 0
    while n < len(reading) and n < 3 and reading[n][0] in THAI_DIGITS and reading[n][1] >= SURE_DIGIT:
        n += 1
    if not 1 <= n <= 2 or n >= len(reading):
        return None
    day = int(thai_to_arabic_digits("".join(c for c, _ in reading[:n])))
    return (day, n) if 1 <= day <= 31 else None


def read_day(model, upright: np.ndarray, box: tuple[int, int, int, int]) -> tuple[int, int] | None:
    """(day, page x where its digits end) from the classifier's reading of the written ink."""
    read = rewrite.read_blob(model, upright, box)
    if read is None:
        return None
    x0, _ = rewrite.blob_origin(box)
    # glyphs centred in the left pad are the label's last strokes (ที่'s tail), not the day
    kept = [(r, g) for r, g in zip(*read) if x0 + g.x + g.w / 2 > box[0]]
    if (found := leading_day([r for r, _ in kept])) is None:
        return None
    day, n = found
    last = kept[n - 1][1]
    return day, x0 + last.x + last.w


def second_look(model, upright: np.ndarray, scale: float, toks: list[Token], texts: list[str], run) -> dict[int, Fix]:
    """token index -> Fix (``day abbr`` on the first piece of junk, the rest emptied)."""
    fixes: dict[int, Fix] = {}
    for slot in slots(toks, texts):
        box = to_page_box(written_box(toks, slot), scale)
        if (day := read_day(model, upright, box)) is None or not _agrees(texts[slot.middle[0]], day[0]):
            continue
        month_box = (day[1], box[1], box[0] + box[2] - day[1], box[3])
        if month_box[2] < box[3] // 2:
            continue
        readings = monthlook.read_crops(upright, month_box, run, monthlook.HAND_REACH)
        junk = " ".join(texts[i] for i in slot.middle)
        found = monthlook.decide(readings)
        if found is None or monthlook.reading_months(junk) - {found[0]}:
            continue
        abbr = lexicon.MONTHS_ABBR[found[0] - 1]
        reason = (f"handwritten day and month read as {junk!r} between the label and the year: the digit classifier "
                  f"reads the day {day[0]} surely, {found[1]} of {len(monthlook.VARIANTS)} Thai readings of the ink "
                  f"after it give {abbr} ({' | '.join(readings)})")
        fixes[slot.middle[0]] = Fix(f"{arabic_to_thai_digits(str(day[0]))} {abbr}", reason)
        fixes.update({i: Fix("", reason) for i in slot.middle[1:]})
    return fixes


def _agrees(junk: str, day: int) -> bool:
    """The day Tesseract read before the junk, if any, is the classifier's.

    >>> _agrees("๘ALA.", 8), _agrees("omit.", 13), _agrees("๙ALA.", 8)
    (True, True, False)
    """
    m = _GLUED_DAY.match(junk)
    return m is None or int(thai_to_arabic_digits(m.group())) == day
