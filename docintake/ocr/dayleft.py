"""A second look at the day of a printed date line whose month and year were
read but whose day was lost (``กรกฎาคม ๒๕๖๗`` for ``๘ กรกฎาคม ๒๕๖๗``), read
as a letter (``อ เมษายน ๒๕๖๘`` for ``๗ เมษายน ๒๕๖๘``), or read as another
digit that the line's reading could not mend (``๕ พฤศจิกายน`` for a ๘ written
in by hand on the dotted line, seed 121: cut by the print's size into loop and
tail, read as two glyphs no digit).

An external letter's date line is printed ``<day> <full month> <BE year>``,
right-aligned under the address block: nothing stands left of the day. So
where a line starts with a full month name followed by a year, or with one
short digit-free piece of junk and then that month, the ink left of the
month in the month's band is the day. It is read by our digit classifier and
taken only when every glyph there is a sure digit (one or two) and the value
is a day of the month; anything else leaves the line as Tesseract read it. A
day Tesseract read as digits, which the line's reading left as read, is read
again alone and changed only when the same ink gives another day at a second
scale too (``runtail.read_twice``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from docintake.ocr import rewrite, runtail
from docintake.ocr.digits import SURE_DIGIT, THAI_DIGITS, Fix
from docintake.ocr.tesseract import Token, to_page_box
from docintake.text import lexicon
from docintake.text.normalize import arabic_to_thai_digits, thai_to_arabic_digits

_YEAR = re.compile("[0-9๐-๙]{4}")  # a printed date line's year is the full BE year
_DIGIT = re.compile("[0-9๐-๙]")
MAX_JUNK = 2  # characters of a day read as letters (``อ`` for ๗)
DAY_WIDTH = 1.6  # month heights left of the month: two printed digits and the space before the month


@dataclass
class Slot:
    month: int  # token index of the full month name
    junk: int | None  # token index of the day read as letters, if any
    read: int | None = None  # token index of the day Tesseract read as digits, left as read


_DAY_READ = re.compile("[0-9๐-๙]{1,2}")


def slots(toks: list[Token], texts: list[str]) -> list[Slot]:
    """Lines that open with [short digit-free junk] + full month + BE year."""
    out = []
    for i, text in enumerate(texts):
        if text not in lexicon.MONTHS or i + 1 >= len(toks) or toks[i + 1].line != toks[i].line:
            continue
        if not _YEAR.fullmatch(texts[i + 1].rstrip(".")):
            continue
        first = i == 0 or toks[i - 1].line != toks[i].line
        junk = (i >= 1 and toks[i - 1].line == toks[i].line and (i == 1 or toks[i - 2].line != toks[i].line)
                and 0 < len(texts[i - 1]) <= MAX_JUNK and not _DIGIT.search(texts[i - 1]))
        read = (not first and (i == 1 or toks[i - 2].line != toks[i].line) and texts[i - 1] == toks[i - 1].text
                and _DAY_READ.fullmatch(texts[i - 1]) is not None)
        if first or junk or read:
            out.append(Slot(i, None if first or read else i - 1, i - 1 if read else None))
    return out


def day_box(toks: list[Token], slot: Slot) -> tuple[int, int, int, int]:
    """The ink of the day: the junk's box, or ``DAY_WIDTH`` month heights left of
    the month in its band where Tesseract boxed nothing."""
    if slot.junk is not None:
        # the ink Tesseract read as letters: a day written on a dotted line stands higher than the
        # printed month, and a wider crop takes in dots and letters that break its strokes apart (seed 25)
        return toks[slot.junk].box
    month = toks[slot.month].box
    left = max(0, month[0] - int(DAY_WIDTH * month[3]))
    return left, month[1], max(month[0] - left, 1), month[3]


def sure_day(reading: list[tuple[str, float]]) -> int | None:
    """The day when every glyph is a sure digit, one or two of them, 1-31.

    >>> sure_day([("๘", 0.99)]), sure_day([("๒", 1.0), ("๓", 0.98)])
    (8, 23)
    >>> sure_day([("๗", 0.9)]) is None, sure_day([("๗", 1.0), ("?", 0.99)]) is None
    (True, True)
    >>> sure_day([("๓", 1.0), ("๕", 1.0)]) is None, sure_day([("๐", 1.0)]) is None
    (True, True)
    """
    if not 1 <= len(reading) <= 2 or any(c not in THAI_DIGITS or p < SURE_DIGIT for c, p in reading):
        return None
    day = int(thai_to_arabic_digits("".join(c for c, _ in reading)))
    return day if 1 <= day <= 31 else None


def read_day(model, upright: np.ndarray, box: tuple[int, int, int, int]) -> tuple[int, tuple] | None:
    """(day, its page box) from the classifier's reading of the ink in ``box``."""
    # glyphs centred in the right pad are the month's first letter, not the day
    found = rewrite.read_kept(model, upright, box, lambda _, a, b: (a + b) / 2 < box[0] + box[2])
    if found is None or (day := sure_day(found[0])) is None:
        return None
    return day, found[1]


def second_look(model, upright: np.ndarray, scale: float, toks: list[Token], texts: list[str]) -> dict[int, Fix]:
    """token index -> Fix: the junk replaced by the day, or the day put before the month."""
    fixes: dict[int, Fix] = {}
    for slot in slots(toks, texts):
        if slot.read is not None:
            if (fix := _read_again(model, upright, scale, toks, texts, slot)) is not None:
                fixes[slot.read] = fix
            continue
        box = to_page_box(day_box(toks, slot), scale)
        if (found := read_day(model, upright, box)) is None:
            continue
        day, page_box = found
        day_text = arabic_to_thai_digits(str(day))
        month = texts[slot.month]
        if slot.junk is not None:
            reason = (f"printed date line {texts[slot.junk]!r} {month}: the digit classifier reads the ink left of "
                      f"the month as the day {day}, every glyph a sure digit")
            fixes[slot.junk] = Fix(day_text, reason)
        else:
            reason = (f"printed date line opening with {month}: the digit classifier reads the ink left of the month "
                      f"as the day {day}, every glyph a sure digit")
            fixes[slot.month] = Fix(month, reason, before=((day_text, page_box),))
    return fixes


def _read_again(model, upright: np.ndarray, scale: float, toks: list[Token], texts: list[str], slot: Slot) -> Fix | None:
    """The day Tesseract read as digits, as its ink reads alone: a sure day other
    than the one read, the same at a second scale; None otherwise."""
    box = to_page_box(toks[slot.read].box, scale)
    if (found := read_day(model, upright, box)) is None or found[0] == int(thai_to_arabic_digits(texts[slot.read])):
        return None
    region = runtail.room(box, 0, to_page_box(toks[slot.month].box, scale)[0] - 1)
    twice = runtail.read_twice(model, upright, region, (box[1] - region[1], box[1] + box[3] - region[1]))
    if None in twice or {int(thai_to_arabic_digits(d)) for d in twice} != {found[0]}:
        return None  # not sure alone, or another day at the second scale
    reason = (f"printed date line {texts[slot.read]!r} {texts[slot.month]}: the day's ink read alone gives {found[0]}, "
              f"every glyph a sure digit and alike at {runtail.SECOND_SCALE} scale (a day written in by hand is cut "
              f"by its own size, not the print's)")
    arabic = texts[slot.read][0] in "0123456789"  # the line's own script
    return Fix(str(found[0]) if arabic else arabic_to_thai_digits(str(found[0])), reason)
