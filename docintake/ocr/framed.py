"""A receipt stamp (ตรารับ) read as its own block of text.

The receiving office stamps a framed box top right (office, ``เลขรับ``,
``วันที่``, ``เวลา``) and writes the number, date and time in by hand. Its rows
share their height on the page with the big red urgency stamp and the emblem,
so Tesseract's layout runs them into one line: ``ด่วนมาก วันที่ ๑ ก.ค.าอฒ``, the
handwritten ``เวลา`` row left out. The frame itself says where the block is:
the box is found as one blob of long straight strokes, read alone (``--psm
6``, frame erased) and blanked out of the page Tesseract reads.
"""

from __future__ import annotations

import cv2
import numpy as np

from docintake.ocr.glyphs import erasure, straight_strokes
from docintake.ocr.preprocess import TARGET_X_HEIGHT
from docintake.ocr.tesseract import Token

# Where and how big a receipt stamp is, as shares of the page (A4 portrait):
# in the top third, 4 to 10 body x-heights tall per row and 2-5 rows.
TOP_SHARE = 0.35
MIN_W, MAX_W = 0.12, 0.55
MIN_ROWS, MAX_ROWS = 2, 7
ROW = 3.0 * TARGET_X_HEIGHT  # a stamp row with its marks, in prepared pixels


def find_stamp(image: np.ndarray) -> tuple[int, int, int, int] | None:
    """The box (x, y, w, h) of a framed block of text rows in the page's top third, if one.

    A frame is a blob of straight strokes whose box it outlines: its four
    sides hold ink, its inside is paper but for the text. A table's frame
    is as much a frame, but lies lower or is wider than a stamp.
    """
    height, width = image.shape[:2]
    top = image[: int(TOP_SHARE * height)]
    _, ink = cv2.threshold(top, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    rules = straight_strokes(ink, int(4 * TARGET_X_HEIGHT), int(2 * TARGET_X_HEIGHT),
                             thinner_than=max(2, int(0.4 * TARGET_X_HEIGHT)))
    n, _, stats, _ = cv2.connectedComponentsWithStats(rules, connectivity=8)
    found = []
    for x, y, w, h, area in stats[1:n]:
        if not (MIN_W * width <= w <= MAX_W * width and MIN_ROWS * ROW <= h <= MAX_ROWS * ROW):
            continue
        if _outlines(rules[y : y + h, x : x + w]):
            found.append((int(x), int(y), int(w), int(h)))
    return min(found, key=lambda b: b[1]) if found else None


def _outlines(frame: np.ndarray) -> bool:
    """Do the strokes run along all four sides of their box and leave its inside empty?"""
    h, w = frame.shape
    edge = max(2, int(0.04 * min(h, w)))
    sides = (frame[:edge].any(axis=0).mean(), frame[-edge:].any(axis=0).mean(),
             frame[:, :edge].any(axis=1).mean(), frame[:, -edge:].any(axis=1).mean())
    inside = frame[edge:-edge, edge:-edge]
    return min(sides) >= 0.9 and (inside.size == 0 or float((inside > 0).mean()) < 0.05)


def split(image: np.ndarray, box: tuple[int, int, int, int]) -> tuple[np.ndarray, np.ndarray, tuple[int, int]]:
    """(the page with the stamp blanked out, the stamp's inside with its frame erased, that crop's origin)."""
    x, y, w, h = box
    page = image.copy()
    page[y : y + h, x : x + w] = 255
    # paper round the crop first: a frame on the crop's edge would pass for a thick stroke
    pad = int(TARGET_X_HEIGHT)  # and Tesseract wants paper round its text
    crop = cv2.copyMakeBorder(image[y : y + h, x : x + w], pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
    _, ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    rules = straight_strokes(ink, int(4 * TARGET_X_HEIGHT), int(2 * TARGET_X_HEIGHT),
                             thinner_than=max(2, int(0.4 * TARGET_X_HEIGHT)))
    crop[erasure(rules)] = 255
    return page, crop, (x - pad, y - pad)


def shift(toks: list[Token], origin: tuple[int, int], chars: int = 0, lines: int = 0) -> list[Token]:
    """The tokens moved by ``origin`` on the page, ``chars`` in the text and ``lines`` in line numbers."""
    dx, dy = origin
    move = lambda b: (b[0] + dx, b[1] + dy, b[2], b[3])  # noqa: E731
    for t in toks:
        t.box, t.line_box, t.boxes = move(t.box), move(t.line_box), [move(b) for b in t.boxes]
        t.start, t.end, t.line = t.start + chars, t.end + chars, t.line + lines
    return toks
