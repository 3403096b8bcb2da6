"""A receipt stamp (ตรารับ) read as its own block of text.

The receiving office stamps a framed box top right (office, ``เลขรับ``,
``วันที่``, ``เวลา``) and writes the number, date and time in by hand. Its rows
share their height on the page with the big red urgency stamp and the emblem,
so Tesseract's layout runs them into one line: ``ด่วนมาก วันที่ ๑ ก.ค.าอฒ``, the
handwritten ``เวลา`` row left out. The frame itself says where the block is:
the box is found as one blob of long straight strokes and read alone (``--psm
6``, frame erased, rows set apart); what the page's run read inside it is
dropped (``outside``).
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


def split(image: np.ndarray, box: tuple[int, int, int, int]) -> tuple[np.ndarray, np.ndarray, list[tuple[int, int, int]]]:
    """(the page with the stamp blanked out, the stamp's rows set apart on paper, where each row came from).

    The engine reads the page whole (``outside``); the blanked page is for callers that want it.

    The frame is erased; each row (``rows``) goes into the crop a line's
    height under the one before: Tesseract's layout reads rows as close as a
    stamp's (a pen's tall digits, leader dots between) as one line and prints
    only one of them. The third item maps the crop back to the page:
    (top of the row in the crop, its shift on the page in x and in y).
    """
    x, y, w, h = box
    page = image.copy()
    page[y : y + h, x : x + w] = 255
    # paper round the crop first: a frame on the crop's edge would pass for a thick stroke
    pad = int(TARGET_X_HEIGHT)
    inside = cv2.copyMakeBorder(image[y : y + h, x : x + w], pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
    _, ink = cv2.threshold(inside, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    rules = straight_strokes(ink, int(4 * TARGET_X_HEIGHT), int(2 * TARGET_X_HEIGHT),
                             thinner_than=max(2, int(0.4 * TARGET_X_HEIGHT)))
    inside[erasure(rules)] = 255
    ink[erasure(rules)] = 0
    bands = rows(ink) or [(0, inside.shape[0])]
    gap = 2 * pad  # Tesseract wants paper round its text, and between the rows
    parts, where, top = [], [], gap
    for a, b in bands:
        parts += [np.full((gap, inside.shape[1]), 255, np.uint8), inside[a:b]]
        where.append((top, x - pad, y - pad + a - top))
        top += b - a + gap
    crop = np.vstack([*parts, np.full((gap, inside.shape[1]), 255, np.uint8)])
    return page, crop, where


def rows(ink: np.ndarray) -> list[tuple[int, int]]:
    """The text rows of a stamp's ink, (top, bottom) each, top to bottom.

    Rows are runs of pixel rows holding ink of something bigger than a dot
    (leader dots and dust lie between rows); a run lower than half an
    x-height is a line of marks (tone marks, a lower vowel) and joins the row
    it is nearer to.
    """
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    big = [i for i in range(1, n) if max(stats[i, 2], stats[i, 3]) >= 0.4 * TARGET_X_HEIGHT]
    used = np.zeros(ink.shape[0], bool)
    for i in big:
        used[stats[i, 1] : stats[i, 1] + stats[i, 3]] = True
    runs, start = [], None
    for r, on in enumerate([*used, False]):
        if on and start is None:
            start = r
        elif not on and start is not None:
            runs.append([start, r])
            start = None
    return _with_marks(runs)


def _with_marks(runs: list[list[int]]) -> list[tuple[int, int]]:
    """Runs lower than half an x-height joined to the nearer neighbouring run."""
    low = 0.5 * TARGET_X_HEIGHT
    while len(runs) > 1 and any(b - a < low for a, b in runs):
        k = next(k for k, (a, b) in enumerate(runs) if b - a < low)
        above = runs[k][0] - runs[k - 1][1] if k > 0 else None
        below = runs[k + 1][0] - runs[k][1] if k + 1 < len(runs) else None
        j = k - 1 if below is None or (above is not None and above <= below) else k + 1
        runs[min(j, k)] = [min(runs[j][0], runs[k][0]), max(runs[j][1], runs[k][1])]
        del runs[max(j, k)]
    return [(a, b) for a, b in runs]


def shift(toks: list[Token], where: list[tuple[int, int, int]], chars: int = 0, lines: int = 0) -> list[Token]:
    """The tokens moved to the page (``where``: as ``split`` gives it, the
    row each token's top falls in), ``chars`` on in the text and ``lines`` in line numbers."""
    for t in toks:
        _, dx, dy = max((w for w in where if w[0] <= t.box[1] + t.box[3] // 2), default=where[0])
        move = lambda b: (b[0] + dx, b[1] + dy, b[2], b[3])  # noqa: E731
        t.box, t.line_box, t.boxes = move(t.box), move(t.line_box), [move(b) for b in t.boxes]
        t.start, t.end, t.line = t.start + chars, t.end + chars, t.line + lines
    return toks


def outside(toks: list[Token], txt: str, box: tuple[int, int, int, int]) -> tuple[list[Token], str]:
    """The page's tokens and text without the tokens centred inside ``box``; the line
    boxes of the rest end at its left edge (a line run into the stamp's rows
    must not take the stamp's digits as numbers it left out)."""
    x, y, w, h = box
    inside = lambda b: x <= b[0] + b[2] / 2 <= x + w and y <= b[1] + b[3] / 2 <= y + h  # noqa: E731
    kept, out, pos = [], "", 0
    for t in toks:
        out, pos = out + txt[pos : t.start], t.end
        if inside(t.box):
            continue
        lx, ly, lw, lh = t.line_box
        if t.box[0] + t.box[2] <= x < lx + lw and ly < y + h and y < ly + lh:
            t.line_box = (lx, ly, x - lx, lh)
        t.start, t.end = len(out), len(out) + len(t.text)
        out += t.text
        kept.append(t)
    return kept, out + txt[pos:]
