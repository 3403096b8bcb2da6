"""A relative deadline's count that Tesseract left out (``ภายใน วัน นับแต่
วันที่ได้รับหนังสือนี้`` for ``ภายใน ๗ วัน นับแต่...``: seeds 109 and 134).

The count is printed, a word of its own between ``ภายใน`` and its unit; a
short one (one digit) is what Tesseract drops. Where a line reads ``ภายใน``,
then a unit (``lexicon.RELATIVE_UNITS``), then the words it counts from
(``นับแต่...``), with room for a digit between ภายใน and the unit (or a
token of Latin letters or signs there: ``ov`` for ๗, seed 109), the ink
there is read by our digit classifier and taken only when every glyph is a
sure Thai digit (one to three, the first no 0). Anything else leaves the line
as read, and the parser warns that the count is not readable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from docintake.ocr import rewrite
from docintake.ocr.digits import SURE_DIGIT, THAI_DIGITS, Fix
from docintake.ocr.tesseract import Token, to_page_box
from docintake.text import lexicon

WITHIN = "ภายใน"
_FROM = lexicon.RELATIVE_FROM + lexicon.RELATIVE_FROM_LOOKALIKES
ROOM = 0.3  # of ภายใน's height: the least gap a digit between two spaces leaves
MAX_DIGITS = 3


@dataclass
class Slot:
    within: int  # token index of ภายใน
    unit: int  # token index of the unit after it
    junk: int | None = None  # token index of the count read as Latin letters or signs, if any


# What Tesseract makes of a printed digit it does not read as one (``ov`` for ๗, seed 109)
_JUNK = re.compile(r"[A-Za-z\W_]{1,2}")


def slots(toks: list[Token], texts: list[str]) -> list[Slot]:
    """``ภายใน`` + [junk] + unit + a counting-from word on one line, a gap between
    ภายใน and the unit."""
    out = []
    for i in range(len(toks) - 2):
        if not texts[i].endswith(WITHIN):
            continue
        junk = i + 1 if _JUNK.fullmatch(texts[i + 1]) and i + 3 < len(toks) else None
        unit = i + 2 if junk else i + 1
        if texts[unit] not in lexicon.RELATIVE_UNITS or not texts[unit + 1].startswith(_FROM):
            continue
        if len({t.line for t in toks[i : unit + 2]}) > 1:
            continue
        if gap_box(toks[i], toks[unit])[2] >= ROOM * toks[i].box[3]:
            out.append(Slot(i, unit, junk))
    return out


def gap_box(within: Token, unit: Token) -> tuple[int, int, int, int]:
    """The space between the two words, in ภายใน's band (a printed digit stands
    on the line as its letters do)."""
    x, y, w, h = within.box
    return x + w + 1, y, max(unit.box[0] - (x + w) - 2, 0), h


def sure_count(reading: list[tuple[str, float]]) -> str | None:
    """The count when every glyph is a sure Thai digit, one to three, no leading 0.

    >>> sure_count([("๗", 0.99)]), sure_count([("๑", 1.0), ("๕", 0.98)])
    ('๗', '๑๕')
    >>> sure_count([("๗", 0.9)]), sure_count([("7", 1.0)]), sure_count([("๐", 1.0), ("๗", 1.0)])
    (None, None, None)
    """
    if not 1 <= len(reading) <= MAX_DIGITS or any(c not in THAI_DIGITS or p < SURE_DIGIT for c, p in reading):
        return None
    count = "".join(c for c, _ in reading)
    return None if count.startswith("๐") else count


def read_count(model, upright: np.ndarray, box: tuple[int, int, int, int]) -> tuple[str, tuple] | None:
    """(count, its page box) from the classifier's reading of the ink in ``box``.
    Glyphs centred in the padding are the neighbours' letters, not the count; so
    is one no digit that crosses the box's edge (Tesseract's box of ภายใน may end
    inside its last letter: seed 109)."""
    left, right = box[0], box[0] + box[2]

    def inside(reading: tuple[str, float], a: int, b: int) -> bool:
        return left <= (a + b) / 2 < right and (reading[0] in THAI_DIGITS or left <= a and b <= right)

    found = rewrite.read_kept(model, upright, box, inside)
    if found is None or (count := sure_count(found[0])) is None:
        return None
    return count, found[1]


def second_look(model, upright: np.ndarray, scale: float, toks: list[Token], texts: list[str]) -> dict[int, Fix]:
    """token index -> Fix: the count put before the unit."""
    fixes: dict[int, Fix] = {}
    for slot in slots(toks, texts):
        box = to_page_box(gap_box(toks[slot.within], toks[slot.unit]), scale)
        if (found := read_count(model, upright, box)) is None:
            continue
        count, page_box = found
        unit = texts[slot.unit]
        read = f"'{texts[slot.junk]}'" if slot.junk is not None else "no count"
        reason = (f"relative deadline '{WITHIN} {unit} {texts[slot.unit + 1]}' with {read}: the digit "
                  f"classifier reads the ink between {WITHIN} and {unit} as {count}, every glyph a sure digit")
        if slot.junk is not None:
            fixes[slot.junk] = Fix(count, reason)
        else:
            fixes[slot.unit] = Fix(unit, reason, before=((count, page_box),))
    return fixes
