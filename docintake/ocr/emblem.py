"""Coloured ink over a black emblem: the emblem goes, the ink stays (image stage).

A stamp is pressed, and an urgency line (``ด่วนภายใน ... เวลา ๑๖.๓๐ น.``) set,
wherever there is room, and runs over the Garuda or a logo printed in black.
In grey the red or blue glyphs and the black shape are one dark blob: Tesseract
reads the line up to the emblem and drops the rest (seeds 13, 15, 17, 18 lost
the minutes of ``เวลา ๑๖.๓๐ น.`` that way). In colour they part cleanly: printed
black has almost no chroma (max - min channel, 5 to 20 on the corpus), red
and blue ink a lot (90 to 170). So a big solid black shape that coloured ink
touches is painted paper-white where it is not coloured, before anything
else reads the page. Black text is never touched: an emblem is many x-heights
tall and wide and solid, which no glyph or ruled frame is.
"""

from __future__ import annotations

import cv2
import numpy as np

CHROMA = 60  # max - min channel: above it a pixel is coloured ink, below it black or grey
DARK = 100  # grey level under which a low-chroma pixel is black print
MIN_SIDE = 4.0  # x-heights: an emblem is at least this tall and wide ...
MIN_FILL = 0.25  # ... and this much of its box is black (a frame or a table is thin lines)
TOUCH = 0.5  # x-height squared: coloured ink within reach of the emblem, to count as crossing it
WORK_SIDE = 900  # px: the long side of the copy the emblems are looked for on


def chroma(rgb: np.ndarray) -> np.ndarray:
    """Max minus min channel of an RGB array, 8-bit."""
    rgb = np.ascontiguousarray(rgb[..., :3])
    return cv2.subtract(np.max(rgb, axis=2), np.min(rgb, axis=2))


def candidates(gray: np.ndarray, x_height: float) -> list[tuple[int, int, int, int]]:
    """Boxes (page px) of big, solid dark blobs, found on a small copy (grey only: cheap)."""
    f = min(1.0, WORK_SIDE / max(gray.shape))
    small = cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA) if f < 1 else gray
    n, _, stats, _ = cv2.connectedComponentsWithStats((small < DARK).astype(np.uint8), connectivity=8)
    side = MIN_SIDE * x_height * f
    boxes = []
    for x, y, w, h, area in stats[1:]:
        if w >= side and h >= side and area >= MIN_FILL * w * h:
            boxes.append(tuple(int(round(v / f)) for v in (x, y, w, h)))
    return boxes


def clear(gray: np.ndarray, image, x_height: float | None) -> tuple[np.ndarray, int]:
    """``gray`` with every black emblem that coloured ink crosses painted over in the paper's grey, and how many.

    ``image``: the page in colour (PIL or array, same orientation as ``gray``);
    a grey page has no colour to part the two by and is left as it is.
    """
    rgb = np.asarray(image)
    if not x_height or rgb.ndim != 3 or rgb.shape[2] < 3 or rgb.shape[:2] != gray.shape:
        return gray, 0
    out, done = gray, 0
    pad = int(round(x_height))
    for x, y, w, h in candidates(gray, x_height):
        y0, x0 = max(0, y - pad), max(0, x - pad)
        y1, x1 = min(gray.shape[0], y + h + pad), min(gray.shape[1], x + w + pad)
        mask = _crossed_emblem(gray[y0:y1, x0:x1], chroma(rgb[y0:y1, x0:x1]), x_height)
        if mask is not None:
            out = out.copy() if out is gray else out
            crop = out[y0:y1, x0:x1]
            paper = crop[(crop >= 160) & ~mask]  # the paper's own grey, so no white ghost is left to read
            crop[mask] = int(np.median(paper)) if paper.size else 255
            done += 1
    return out, done


def _crossed_emblem(gray: np.ndarray, colour: np.ndarray, x_height: float) -> np.ndarray | None:
    """The pixels to paint white in this crop: its big black shapes that coloured ink
    touches, a pixel wider (their grey rim), less the coloured pixels; None if none."""
    black = ((gray < DARK) & (colour < CHROMA)).astype(np.uint8)
    inked = (colour >= CHROMA) & (gray < 200)
    if inked.sum() < TOUCH * x_height**2:
        return None
    n, labels, stats, _ = cv2.connectedComponentsWithStats(black, connectivity=8)
    side = MIN_SIDE * x_height
    big = [i for i in range(1, n) if stats[i, 2] >= side and stats[i, 3] >= side
           and stats[i, 4] >= MIN_FILL * stats[i, 2] * stats[i, 3]]
    if not big:
        return None
    shape = np.isin(labels, big + _cut_off(stats, big, inked, labels)).astype(np.uint8)
    shape = cv2.dilate(shape, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (5, 5)))  # and its grey rim
    k = max(3, int(0.3 * x_height))
    near = cv2.dilate(shape, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    if (inked & (near > 0)).sum() < TOUCH * x_height**2:
        return None  # coloured ink elsewhere in the box (a stamp beside the emblem): nothing to part
    return (shape > 0) & (colour < CHROMA)


def _cut_off(stats: np.ndarray, big: list[int], inked: np.ndarray, labels: np.ndarray) -> list[int]:
    """Bits of the emblem the coloured strokes cut off it: black blobs inside its box
    that coloured ink touches (the black inside the ring of a red ๐ drawn over it)."""
    x0 = min(stats[i, 0] for i in big)
    y0 = min(stats[i, 1] for i in big)
    x1 = max(stats[i, 0] + stats[i, 2] for i in big)
    y1 = max(stats[i, 1] + stats[i, 3] for i in big)
    near_ink = cv2.dilate(inked.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    bits = []
    for i in range(1, len(stats)):
        x, y, w, h = stats[i, :4]
        if i not in big and x >= x0 and y >= y0 and x + w <= x1 and y + h <= y1 and near_ink[labels == i].any():
            bits.append(i)
    return bits
