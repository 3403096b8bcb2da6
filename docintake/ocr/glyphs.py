"""Cutting a line of print into glyphs: ink mask, connected components, marks
stacked on their bases, frames and specks dropped, touching glyphs split.

Used both at run time (``ocr.numbers``) and by the training script, so the
classifier learns from glyphs cut exactly as it will meet them.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np


@dataclass
class Glyph:
    x: int
    y: int
    w: int
    h: int
    mask: np.ndarray  # uint8 0/1, h x w, only this glyph's components


def ink_mask(crop: np.ndarray, offset: int = 0) -> np.ndarray | None:
    """1 where there is ink (Otsu's threshold, moved by ``offset``); None for a blank crop.

    Tried and dropped: a threshold nearer the paper keeps thin strokes of a
    blurred scan whole but glues more glyphs together (more cut failures on
    the training renders, 101 vs 81 of 1143 numbers).
    """
    if crop.size == 0 or int(crop.max()) - int(crop.min()) < 40:
        return None
    t, _ = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    return (crop < t + offset).astype(np.uint8)


def _stacked(a: tuple[int, int, int, int], b: tuple[int, int, int, int], dot: float) -> bool:
    """True when blob b sits above or below blob a (a mark on its base, the dots of ':'), or inside it.

    Two dots (no side longer than ``dot``) only need to touch columns: in an
    oblique font the dots of ':' lean apart.
    """
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    x_overlap = min(ax + aw, bx + bw) - max(ax, bx)
    y_overlap = min(ay + ah, by + bh) - max(ay, by)
    dots = max(aw, ah, bw, bh) <= dot
    inside = x_overlap >= 0.8 * min(aw, bw) and y_overlap >= 0.8 * min(ah, bh)  # a speck in a loop
    # A mark sits close on its base; one further off belongs to the next line.
    near = -y_overlap <= (2.5 * dot if dots else 0.35 * max(ah, bh))
    stacked = y_overlap <= 0.3 * min(ah, bh) and near and (
        x_overlap >= 0.5 * min(aw, bw) or (dots and x_overlap > -dot / 2)
    )
    return inside or stacked


def _no_leaders(blobs: list[int], stats: np.ndarray, line_height: float) -> list[int]:
    """Drop dotted leader lines: rows of dots of which five or more stand evenly and closely spaced.

    A blank to write into (``เลขรับ ........``) is a leader; a number written
    on it stands close over its dots, and ``_stacked`` would hang a dot on each
    digit above it and so chain the digits into one glyph. Once a row is known
    to be a leader, every dot on it goes, also those the writing left alone on
    either side. Full stops in print stand a glyph or more apart, never five
    in a row at a few dots' distance.
    """
    if len(blobs) < 5:
        return blobs
    size = max(2.0, 0.12 * line_height)  # a leader's dot; a 16 pt full stop at 300 dpi is 7 px
    dots = sorted((b for b in blobs if max(stats[b, 2], stats[b, 3]) <= size), key=lambda b: stats[b, 0])
    leader: set[int] = set()
    for row in _rows(dots, stats, size):
        if _evenly_spaced(np.diff([stats[b, 0] for b in row]), 6 * size) >= 4:
            leader.update(row)
    return [b for b in blobs if b not in leader]


def _rows(dots: list[int], stats: np.ndarray, size: float) -> list[list[int]]:
    """Dots grouped by the row their bottoms stand on (left to right within a row)."""
    rows: list[list[int]] = []
    for b in dots:
        bottom = stats[b, 1] + stats[b, 3]
        for row in rows:
            if abs(stats[row[-1], 1] + stats[row[-1], 3] - bottom) <= max(2.0, 0.5 * size):
                row.append(b)
                break
        else:
            rows.append([b])
    return rows


def _evenly_spaced(gaps: np.ndarray, most: float) -> int:
    """The longest run of consecutive gaps no wider than ``most`` and within 40% of each other.

    >>> _evenly_spaced(np.array([13, 13, 12, 140, 13, 13, 14, 13]), 24)
    4
    >>> _evenly_spaced(np.array([35, 70, 36, 71]), 24)
    0
    """
    best = run = 0
    for i, g in enumerate(gaps):
        ok = g <= most and (run == 0 or abs(g - gaps[i - 1]) <= 0.4 * gaps[i - 1])
        run = run + 1 if ok else 0
        best = max(best, run)
    return best


def _no_rules(blobs: list[int], stats: np.ndarray, crop_height: int) -> list[int]:
    """Drop blobs no glyph can be: a stamp's border, a table rule, an underline.

    Measured against the median blob height, which the letters set: a '/'
    stands 1.8 times as tall as a digit, a frame many times.
    """
    spans = [b for b in blobs if stats[b, cv2.CC_STAT_HEIGHT] >= 0.9 * crop_height]  # from top to bottom of the cut
    rest = [b for b in blobs if b not in spans]
    if rest and spans:
        others = float(np.median(stats[rest, cv2.CC_STAT_HEIGHT]))
        blobs = rest + [b for b in spans if stats[b, cv2.CC_STAT_HEIGHT] < 2 * others]
    if len(blobs) < 3:
        return blobs
    h, w = stats[blobs, cv2.CC_STAT_HEIGHT], stats[blobs, cv2.CC_STAT_WIDTH]
    med = float(np.median(h[h >= 0.3 * h.max()]))
    return [b for b, bh, bw in zip(blobs, h, w) if bh <= 3 * med and not (bw > 4 * med and bh < 0.5 * med)]


def _erase_frames(mask: np.ndarray, labels: np.ndarray, stats: np.ndarray, line_height: float) -> bool:
    """Erase, in place, the long straight strokes of blobs far wider than the line is high.

    A receipt stamp's frame or a table's rules cross a line as one blob; dropped
    whole (``_no_rules``) it would take nothing with it, but kept it swallows
    every glyph inside its box (``_stacked``: a speck in a loop). No glyph has a
    straight stroke 1.5 line heights long, nor a vertical one 0.8 of the line's
    height that is also this wide. True when something was erased.
    """
    wide = [i for i in range(1, len(stats)) if stats[i, cv2.CC_STAT_WIDTH] > 3 * line_height]
    if not wide or line_height < 4:
        return False
    blob = np.isin(labels, wide).astype(np.uint8)
    rules = straight_strokes(blob, max(3, int(1.5 * line_height)), max(3, int(0.8 * line_height)))
    if not rules.any():
        return False
    mask[erasure(rules)] = 0
    return True


def straight_strokes(ink: np.ndarray, across: int, down: int, thinner_than: int | None = None) -> np.ndarray:
    """The ink on straight runs at least ``across`` px long or ``down`` px high:
    rules, frames, underlines. ``thinner_than``: only runs thinner than that,
    so that a solid block of ink is no rule."""
    flat = cv2.morphologyEx(ink, cv2.MORPH_OPEN, _rect(across, 1))
    tall = cv2.morphologyEx(ink, cv2.MORPH_OPEN, _rect(1, down))
    if thinner_than:
        flat = flat & ~cv2.morphologyEx(flat, cv2.MORPH_OPEN, _rect(1, thinner_than))
        tall = tall & ~cv2.morphologyEx(tall, cv2.MORPH_OPEN, _rect(thinner_than, 1))
    return flat | tall


def erasure(strokes: np.ndarray) -> np.ndarray:
    """Where to erase for these strokes: them and their anti-aliased rim (a boolean mask)."""
    return cv2.dilate(strokes, np.ones((3, 3), np.uint8)) > 0


def _rect(w: int, h: int) -> np.ndarray:
    return cv2.getStructuringElement(cv2.MORPH_RECT, (max(1, w), max(1, h)))


def _above_baseline(blobs: list[int], stats: np.ndarray) -> list[int]:
    """Drop blobs lying wholly under the baseline.

    Under the baseline there are only Thai lower vowels (ุ ู), the marks of
    the next line and dotted leader lines: none is part of a digit, and a
    letter stays a letter without its lower vowel.
    """
    if len(blobs) < 2:
        return blobs
    h = stats[blobs, cv2.CC_STAT_HEIGHT]
    main = [b for b, bh in zip(blobs, h) if bh >= 0.5 * np.percentile(h, 90)]
    bottoms = stats[main, cv2.CC_STAT_TOP] + stats[main, cv2.CC_STAT_HEIGHT]
    baseline = float(np.median(bottoms)) + 0.1 * float(np.median(stats[main, cv2.CC_STAT_HEIGHT]))
    return [b for b in blobs if stats[b, cv2.CC_STAT_TOP] <= baseline]


def segment(mask: np.ndarray, band: tuple[float, float] | None = None) -> list[Glyph]:
    """Glyphs left to right: connected components, stacked ones merged, specks dropped.

    ``band`` (top, bottom rows): blobs centred outside it belong to the lines
    above and below and are dropped before stacking marks on their bases.
    """
    n, labels, stats, centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
    if band is not None and _erase_frames(mask := mask.copy(), labels, stats, band[1] - band[0]):
        n, labels, stats, centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
    # Specks: smaller than a full stop of the smallest print (judged against the
    # blobs' own heights: a 200-dpi period is 4 px across).
    heights = stats[1:, cv2.CC_STAT_HEIGHT][stats[1:, cv2.CC_STAT_AREA] >= 4]
    min_area = max(3.0, (0.12 * float(np.median(heights))) ** 2) if len(heights) else 3.0
    blobs = [i for i in range(1, n) if stats[i, cv2.CC_STAT_AREA] >= min_area]
    if band is not None:
        mid = stats[:, cv2.CC_STAT_TOP] + stats[:, cv2.CC_STAT_HEIGHT] / 2
        blobs = [i for i in blobs if band[0] <= mid[i] <= band[1]]
    if band is not None:
        blobs = _no_leaders(blobs, stats, band[1] - band[0])
    blobs = _above_baseline(_no_rules(blobs, stats, mask.shape[0]), stats)
    heights = stats[blobs, cv2.CC_STAT_HEIGHT] if blobs else np.array([mask.shape[0]])
    dot = 0.4 * float(np.median(heights[heights >= 0.5 * np.percentile(heights, 90)]))
    blobs.sort(key=lambda i: stats[i, cv2.CC_STAT_LEFT])
    groups: list[list[int]] = []
    for i in blobs:
        box = tuple(int(v) for v in stats[i, :4])
        for g in reversed(groups[-3:]):
            if any(_stacked(tuple(int(v) for v in stats[j, :4]), box, dot) for j in g):
                g.append(i)
                break
        else:
            groups.append([i])
    glyphs = []
    for g in groups:
        x0 = min(stats[j, 0] for j in g)
        y0 = min(stats[j, 1] for j in g)
        x1 = max(stats[j, 0] + stats[j, 2] for j in g)
        y1 = max(stats[j, 1] + stats[j, 3] for j in g)
        sub = np.isin(labels[y0:y1, x0:x1], g).astype(np.uint8)
        glyphs.append(Glyph(int(x0), int(y0), int(x1 - x0), int(y1 - y0), sub))
    glyphs.sort(key=lambda gl: gl.x + gl.w / 2)
    return _split_wide(glyphs)


def _split_wide(glyphs: list[Glyph]) -> list[Glyph]:
    """Cut blobs too wide for one glyph (touching digits) at their thinnest columns.

    No Thai or Arabic digit is wider than 1.35 heights of the token's main
    glyphs (๓ is the widest); a blob 1.45 times that is glyphs run together.
    """
    if not glyphs:
        return glyphs
    heights = np.array([g.h for g in glyphs])
    # The letters' height, not the tallest ones': a line's ที่ and ป stand far above its digits.
    ref = float(np.median(heights[heights >= 0.5 * np.percentile(heights, 90)]))
    out: list[Glyph] = []
    for g in glyphs:
        if g.w <= 1.45 * ref or g.h < 0.5 * ref:
            out.append(g)
            continue
        k = max(2, round(g.w / ref))
        cols = g.mask.sum(axis=0)
        cuts, start = [], 0
        for j in range(1, k):
            # Cut at a near-empty column close to the expected place if there is
            # one (glyphs touching at a point), else at the expected place (two
            # rings run together have no thin column between them).
            at, lo, hi = int(g.w * j / k), int(g.w * (j - 0.3) / k), int(g.w * (j + 0.3) / k)
            thin = [x for x in range(lo, hi) if cols[x] <= 0.15 * cols.max()]
            cuts.append(min(thin, key=lambda x: abs(x - at)) if thin else at)
        for end in [*cuts, g.w]:
            out += piece(g, start, end)
            start = end
    return out


def piece(g: Glyph, x0: int, x1: int) -> list[Glyph]:
    """The part of glyph ``g`` between columns x0 and x1, trimmed to its ink."""
    sub = g.mask[:, x0:x1]
    rows = np.flatnonzero(sub.any(axis=1))
    cols = np.flatnonzero(sub.any(axis=0))
    if len(rows) == 0:
        return []
    sub = sub[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    return [Glyph(g.x + x0 + int(cols[0]), g.y + int(rows[0]), sub.shape[1], sub.shape[0], sub)]


def join(a: Glyph, b: Glyph) -> Glyph:
    """One glyph from two: union box, both masks."""
    x0, y0 = min(a.x, b.x), min(a.y, b.y)
    x1, y1 = max(a.x + a.w, b.x + b.w), max(a.y + a.h, b.y + b.h)
    mask = np.zeros((y1 - y0, x1 - x0), np.uint8)
    for g in (a, b):
        mask[g.y - y0 : g.y - y0 + g.h, g.x - x0 : g.x - x0 + g.w] |= g.mask
    return Glyph(x0, y0, x1 - x0, y1 - y0, mask)
