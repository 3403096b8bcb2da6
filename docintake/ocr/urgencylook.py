"""A second look at the red urgency stamp when Tesseract read only its first half.

The stamp ด่วนที่สุด / ด่วนมาก is printed two to three times the body's size
beside the emblem. Tesseract's layout often cuts it: ``ด่วน`` comes out right
(confidence ~95) while the tail's big glyphs fall into other lines as junk
(``aa``, ``AA =``, ``เสด Sb.``, ``aa SD.``: seeds 7 and 9), so the letter
reads as plain ด่วน. Cropped on its own, the whole word reads cleanly in one
line with the Thai model. The new reading is kept only when it is a longer
urgency word than ด่วน; anything else leaves Tesseract's text as it was.
When no urgency word was read at all and a big token Tesseract doubted stands
in the page's top-left corner (the whole stamp read as ``ธง = ฑี aD)``), the
same crop is read, and any urgency word it gives is kept.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from docintake.ocr import tesseract
from docintake.ocr.digits import Fix
from docintake.ocr.tesseract import Token
from docintake.text.fuzzy import match_urgency_token

# How far right of ด่วน the tail may start, in heights of the ด่วน box, and how
# tall a token must be, against that box, to be one of the stamp's glyphs and
# not a speck or a body-text word.
REACH = 3.0
TALL = 0.4
TALLEST_NEEDED = 0.6
# The stamp's corner of the page (a fraction of its width and height), and the
# confidence under which Tesseract doubted a big token there.
CORNER = 0.25
DOUBTED = 60.0
REASON = "the urgency stamp's tail, read as junk beside ด่วน, read again with the whole word cropped alone"
REASON_WHOLE = "the urgency stamp, read as junk in the page's top-left corner, read again cropped alone"


def first_half(toks: list[Token]) -> int | None:
    """Index of a token that reads as exactly ด่วน, big (taller than the page's
    usual line), the first one on the page: where a cut stamp word starts."""
    usual = tesseract.usual_height(toks)
    for i, t in enumerate(toks):
        if t.box[3] >= 1.2 * usual and match_urgency_token(t.text.strip(".,:;'\"")) == ("ด่วน", 0):
            return i
    return None


def unread_start(toks: list[Token], shape: tuple[int, ...]) -> int | None:
    """Index of the first big token Tesseract doubted (``ธง`` at 37) in the
    page's top-left corner, where the stamp stands, on a page where no token
    reads as an urgency word: the whole stamp word read as junk (seed 13)."""
    usual = tesseract.usual_height(toks)
    height, width = shape[:2]
    if any(match_urgency_token(t.text.strip(".,:;'\"")) for t in toks if t.box[1] < CORNER * height):
        return None
    for i, t in enumerate(toks):
        x, y, _, h = t.box
        if h >= 1.2 * usual and t.conf < DOUBTED and x < CORNER * width and y < CORNER * height:
            return i
    return None


def tail_tokens(toks: list[Token], head: int) -> list[int]:
    """Tokens right of the ด่วน token, within REACH of it and sharing its band:
    the glyphs of a tail Tesseract read apart. Empty unless one is TALLEST_NEEDED."""
    x, y, w, h = toks[head].box
    near = []
    for i, t in enumerate(toks):
        tx, ty, tw, th = t.box
        overlap = min(y + h, ty + th) - max(y, ty)
        if i != head and x + w * 0.5 <= tx <= x + w + REACH * h and overlap > 0.3 * min(h, th) and th >= TALL * h:
            near.append(i)
    return near if any(toks[i].box[3] >= TALLEST_NEEDED * h for i in near) else []


def crop(image: np.ndarray, boxes: list[tuple[int, int, int, int]]) -> np.ndarray:
    """The union of ``boxes`` with a third of its height as margin, padded white."""
    left, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
    right, bottom = max(b[0] + b[2] for b in boxes), max(b[1] + b[3] for b in boxes)
    m = (bottom - top) // 3
    part = image[max(0, top - m) : bottom + m, max(0, left - m) : right + m]
    return np.pad(part, 20, constant_values=255)


def second_look(image: np.ndarray, toks: list[Token], read: Callable[[np.ndarray], str]) -> dict[int, Fix]:
    """token index -> Fix: the ด่วน token becomes the whole stamp word and the
    tail's junk tokens are emptied, when ``read`` (one line, Thai model) gives
    a longer urgency word for the crop; otherwise nothing changes."""
    head, junk = first_half(toks), False
    if head is None:
        head, junk = unread_start(toks, image.shape), True
    if head is None:
        return {}
    tail = tail_tokens(toks, head)
    if not tail and not junk:
        return {}
    text = read(crop(image, [toks[head].box] + [toks[i].box for i in tail]))
    hit = match_urgency_token("".join(text.split()).strip(".,:;'\""))
    if hit is None or (hit[0] == "ด่วน" and not junk):  # ด่วน read again from ด่วน is no news
        return {}
    why = REASON_WHOLE if junk else REASON
    fixes = {head: Fix(hit[0], why)}
    fixes.update({i: Fix("", why) for i in tail})
    return fixes


def reader(dpi: int, timeout: float = 180) -> Callable[[np.ndarray], str]:
    """One line read by Tesseract's Thai model alone (no Latin to turn the
    tail's big glyphs into ``aa``)."""

    def read(image: np.ndarray) -> str:
        return tesseract.run_tesseract(image, langs="tha", dpi=dpi, psm=7, timeout=timeout)[1]

    return read
