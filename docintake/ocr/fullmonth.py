"""A second look at a printed month's full name that Tesseract read as Latin
junk between a date's day and year (``๒๐ HUNAN ๒๕๖๖``, ``๑๑ DUNAN ๒๕๖๘``
for ธันวาคม; ``23 wAAANIWU 2566`` for พฤศจิกายน: a letter's date line, seeds
39 and 42).

``ocr.monthlook`` reads the same slot (a day, one to three tokens of Latin
junk, a year) for a handwritten abbreviation, its letters limited to those
of the twelve abbreviations: a full name, whose letters are mostly others,
cannot come out of it. Where monthlook read no month and the junk is as
long as a full name's shortest Latin reading, the same crop is read again by
the Thai model limited to the letters of the full names and abbreviations
(``ocr.deadlook``'s reader), at monthlook's three sizes; a full name two
readings hold (one edit allowed, an edge letter aside) and none contradicts replaces the
junk. An abbreviation read there is left to monthlook: it had its look.
"""

from __future__ import annotations

import re

import numpy as np
from rapidfuzz.distance import Levenshtein

from docintake.ocr import monthlook
from docintake.ocr.digits import Fix
from docintake.ocr.tesseract import Token, to_page_box
from docintake.text import lexicon

# Latin letters of the junk: a full name (six to ten Thai glyphs) reads as four
# or more; a handwritten abbreviation (``AA.``, ``wen.``) as fewer.
MIN_LETTERS = 4


def _long_junk(texts: list[str], slot: monthlook.Slot) -> bool:
    """The junk between day and year is as long as a full name's Latin reading.

    >>> _long_junk(["๒๐", "HUNAN", "๒๕๖๖"], monthlook.Slot(0, (1,), 2))
    True
    >>> _long_junk(["๑๙", "AA.", "๖๗"], monthlook.Slot(0, (1,), 2))
    False
    """
    letters = re.sub(r"[^A-Za-z]", "", "".join(texts[i] for i in slot.middle))
    return len(letters) >= MIN_LETTERS


def names(reading: str) -> set[int]:
    """The months whose full name the reading holds, one edit allowed, with a
    letter of the crop's edge on either side (the day's or the year's ink).

    >>> names("ธันวาคม"), names("วธันวาคมษ"), names("วกันวาคมษ"), names(".พศจิกายน."), names("ธ.ค."), names("")
    ({12}, {12}, {12}, {11}, set(), set())
    """
    text = re.sub(r"[^\u0e01-\u0e4e]", "", reading)
    found = set()
    for n, name in enumerate(lexicon.MONTHS, start=1):
        pieces = {text[a:b] for a in range(min(1, len(text)) + 1) for b in range(max(len(text) - 1, a), len(text) + 1)}
        if any(len(p) >= len(name) - 1 and Levenshtein.distance(p, name) <= 1 for p in pieces):
            found.add(n)
    return found


def second_look(upright: np.ndarray, scale: float, toks: list[Token], texts: list[str], run,
                done: dict[int, Fix]) -> dict[int, Fix]:
    """token index -> Fix for each full month name read again; ``run(image,
    psm) -> str`` reads with deadlook's whitelist; ``done``: the tokens other
    second looks already changed (their slots are left alone)."""
    fixes: dict[int, Fix] = {}
    for slot in monthlook.slots(toks, texts):
        if not slot.middle or any(i in done for i in slot.middle) or not _long_junk(texts, slot):
            continue
        readings = monthlook.read_crops(upright, to_page_box(monthlook.month_box(toks, slot), scale), run)
        found = monthlook.decide(readings, names)
        if found is None:
            continue  # no full name two readings agree on: monthlook's (abbreviations) to read
        month, votes = found
        name = lexicon.MONTHS[month - 1]
        junk = " ".join(texts[i] for i in slot.middle)
        reason = (f"printed month read as {junk!r} between day and year, read again alone in Thai: "
                  f"{votes} of {len(monthlook.VARIANTS)} readings give {name} ({' | '.join(readings)})")
        fixes[slot.middle[0]] = Fix(name, reason)
        fixes.update({i: Fix("", reason) for i in slot.middle[1:]})
    return fixes
