"""Our Thai-digit recogniser: re-reads the numbers Tesseract's Thai model cannot.

Debian's ``tha`` model has no ๔ ๖ ๗ ๘ ๙ in its character set, so every number
it reads is suspect. For each token Tesseract read that holds a digit (or
looks like a misread number), we crop the token from the upright page, cut it
into glyphs (connected components, marks stacked on their base), classify
each glyph with a small numpy MLP trained on our own renders
(``python -m docintake.ocr.train_digits``), and rewrite the digit run of the
token. Thai letters around the digits belong to a "not a digit" class and are
left as Tesseract read them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

MODEL_FILE = "thai_digits.npz"
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"
PUNCT = ".,-:"
REJECT = "?"  # the "not a digit" class: Thai letters and marks
CLASSES = THAI_DIGITS + ARABIC_DIGITS + "/" + PUNCT + REJECT
SIDE = 24  # glyph images are SIDE x SIDE, the glyph fitted into INNER px
INNER = 20
N_SCALARS = 4

_DIGIT = re.compile(f"[{THAI_DIGITS}{ARABIC_DIGITS}]")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")


@dataclass
class Glyph:
    x: int
    y: int
    w: int
    h: int
    mask: np.ndarray  # uint8 0/1, h x w, only this glyph's components


@dataclass
class Fix:
    text: str
    reason: str
    join_left: bool = False  # no space before this token: it continues the number on its left
    absorbs: tuple[int, ...] = ()  # tokens Tesseract split off this number (their text is now in ours)


# ------------------------------------------------------------ segmentation


def ink_mask(crop: np.ndarray, offset: int = 0) -> np.ndarray | None:
    """1 where there is ink; None for a blank crop.

    The threshold sits a third of the way from Otsu's towards the paper: thin
    strokes of a blurred 200-dpi scan are lighter than Otsu's cut and would
    break one digit into two blobs; glyphs that then touch are split later.
    """
    if crop.size == 0 or int(crop.max()) - int(crop.min()) < 40:
        return None
    t, _ = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    paper = float(np.percentile(crop, 90))
    return (crop < t + 0.0 * max(0.0, paper - t) + offset).astype(np.uint8)


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
    # Specks: smaller than a full stop of the smallest print (judged against the
    # blobs' own heights: a 200-dpi period is 4 px across).
    heights = stats[1:, cv2.CC_STAT_HEIGHT][stats[1:, cv2.CC_STAT_AREA] >= 4]
    min_area = max(3.0, (0.12 * float(np.median(heights))) ** 2) if len(heights) else 3.0
    blobs = [i for i in range(1, n) if stats[i, cv2.CC_STAT_AREA] >= min_area]
    if band is not None:
        mid = stats[:, cv2.CC_STAT_TOP] + stats[:, cv2.CC_STAT_HEIGHT] / 2
        blobs = [i for i in blobs if band[0] <= mid[i] <= band[1]]
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
            out += _piece(g, start, end)
            start = end
    return out


def _piece(g: Glyph, x0: int, x1: int) -> list[Glyph]:
    """The part of glyph ``g`` between columns x0 and x1, trimmed to its ink."""
    sub = g.mask[:, x0:x1]
    rows = np.flatnonzero(sub.any(axis=1))
    cols = np.flatnonzero(sub.any(axis=0))
    if len(rows) == 0:
        return []
    sub = sub[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    return [Glyph(g.x + x0 + int(cols[0]), g.y + int(rows[0]), sub.shape[1], sub.shape[0], sub)]


# ---------------------------------------------------------------- features


def glyph_image(mask: np.ndarray) -> np.ndarray:
    """The glyph fitted (aspect kept) into INNER px, centred on a SIDE canvas, floats 0..1."""
    h, w = mask.shape
    f = INNER / max(h, w)
    nh, nw = max(1, round(h * f)), max(1, round(w * f))
    small = cv2.resize(mask.astype(np.float32), (nw, nh), interpolation=cv2.INTER_AREA)
    canvas = np.zeros((SIDE, SIDE), np.float32)
    top, left = (SIDE - nh) // 2, (SIDE - nw) // 2
    canvas[top : top + nh, left : left + nw] = small
    return canvas


def features(glyphs: list[Glyph]) -> np.ndarray:
    """One row per glyph: its image, then size and position against the token's main glyphs."""
    if not glyphs:
        return np.zeros((0, SIDE * SIDE + N_SCALARS), np.float32)
    tallest = max(g.h for g in glyphs)
    main = [g for g in glyphs if g.h >= 0.6 * tallest]
    ref = float(np.median([g.h for g in main]))
    top = float(np.median([g.y for g in main]))
    bottom = float(np.median([g.y + g.h for g in main]))
    rows = []
    for g in glyphs:
        scalars = [g.h / ref, g.w / ref, (g.y + g.h - bottom) / ref, (g.y - top) / ref]
        rows.append(np.concatenate([glyph_image(g.mask).ravel(), np.clip(scalars, -4, 4)]))
    return np.asarray(rows, np.float32)


# ------------------------------------------------------------------- model


class DigitModel:
    """A small MLP (ReLU hidden layers, softmax out) over glyph features."""

    def __init__(self, weights: dict[str, np.ndarray], version: str):
        self.layers = []
        i = 0
        while f"W{i}" in weights:
            self.layers.append((weights[f"W{i}"].astype(np.float32), weights[f"b{i}"].astype(np.float32)))
            i += 1
        self.mean = weights["mean"].astype(np.float32)
        self.std = weights["std"].astype(np.float32)
        self.version = version

    @classmethod
    def load(cls, path: Path) -> DigitModel:
        raw = Path(path).read_bytes()
        with np.load(path) as data:
            weights = {k: data[k] for k in data.files}
        if "".join(str(c) for c in weights.get("classes", [])) != CLASSES:
            raise ValueError(f"{path} was trained for other classes; rebuild it with `make models`")
        return cls(weights, hashlib.sha256(raw).hexdigest()[:12])

    def proba(self, x: np.ndarray) -> np.ndarray:
        h = (x - self.mean) / self.std
        for k, (w, b) in enumerate(self.layers):
            h = h @ w + b
            if k < len(self.layers) - 1:
                h = np.maximum(h, 0)
        h = h - h.max(axis=1, keepdims=True)
        e = np.exp(h)
        return e / e.sum(axis=1, keepdims=True)

    def digitish(self, glyphs: list[Glyph]) -> list[bool]:
        """A first look at a whole line: which glyphs are digits or signs rather than letters."""
        if not glyphs:
            return []
        return list(self.proba(features(glyphs)).argmax(axis=1) != len(CLASSES) - 1)

    def read_glyphs(self, glyphs: list[Glyph]) -> list[tuple[str, float]]:
        """(class, probability) per glyph; a number's digits all in one script."""
        return self.read(glyphs)[0]

    def read(self, glyphs: list[Glyph]) -> tuple[list[tuple[str, float]], list[Glyph]]:
        """(class, probability) per glyph, and the glyphs read (dust dropped, broken digits joined)."""
        if not glyphs:
            return [], []
        p = self.proba(features(glyphs))
        keep = _not_dust(glyphs, [CLASSES[i] for i in p.argmax(axis=1)])
        glyphs, p = [glyphs[i] for i in keep], p[keep]
        for _ in range(4):  # a digit broken in two: at most a few per token
            repaired = self._mend(glyphs, p)
            if repaired is None:
                break
            glyphs, p = repaired
        keep = _not_dust(glyphs, [CLASSES[i] for i in p.argmax(axis=1)])
        glyphs, p = [glyphs[i] for i in keep], p[keep]
        return _one_script([CLASSES[i] for i in p.argmax(axis=1)], p), glyphs

    def _mend(self, glyphs: list[Glyph], p: np.ndarray) -> tuple[list[Glyph], np.ndarray] | None:
        """Join the doubtful neighbour pair that makes the surest digit, if any.

        A thin stroke lost to blur or a light pen breaks one digit into two
        blobs, which read as "not a digit" or as a wrong digit with a low
        probability; joined, they read as one digit with a high one.
        """
        best, top = p.argmax(axis=1), p.max(axis=1)
        doubtful = (best == len(CLASSES) - 1) | (top < 0.9)
        if not doubtful.any() or not (best < 20).any():
            return None
        tallest = max(g.h for g in glyphs)
        ref = float(np.median([g.h for g in glyphs if g.h >= 0.6 * tallest]))
        choice = None
        for j in range(len(glyphs) - 1):
            a, b = glyphs[j], glyphs[j + 1]
            side_by_side = min(a.y + a.h, b.y + b.h) - max(a.y, b.y) >= 0.3 * min(a.h, b.h)
            if not (doubtful[j] or doubtful[j + 1]) or not side_by_side:
                continue
            joined = _join(a, b)
            if joined.w > 1.4 * ref:
                continue
            trial = glyphs[:j] + [joined] + glyphs[j + 2 :]
            q = self.proba(features(trial))
            k = int(q[j].argmax())
            if k < 20 and q[j, k] >= 0.9 and (choice is None or q[j, k] > choice[2]):
                choice = (trial, q, float(q[j, k]))
        return None if choice is None else (choice[0], choice[1])

    def correct(self, toks, page: np.ndarray, scale: float = 1.0) -> dict[int, Fix]:
        """token index -> Fix, for every numeric token whose digits we read differently."""
        from docintake.ocr.numbers import correct_tokens

        return correct_tokens(self, toks, page, scale)


def _not_dust(glyphs: list[Glyph], labels: list[str]) -> list[int]:
    """Indices of the glyphs to keep: a dot-sized blob off the baseline is a speck of dust.

    A full stop sits on the baseline of the glyphs beside it and a comma
    hangs from it; toner and dust specks of the same size land anywhere. The
    baseline is the neighbours', not the token's: a number written in by hand
    after a printed one stands higher.
    """
    tallest = max(g.h for g in glyphs)
    ref = float(np.median([g.h for g in glyphs if g.h >= 0.6 * tallest]))
    big = [i for i, g in enumerate(glyphs) if max(g.w, g.h) >= 0.3 * ref]
    keep = []
    for i, (g, label) in enumerate(zip(glyphs, labels)):
        if i in big and label != ".":
            keep.append(i)
            continue
        near = [j for j in (max((j for j in big if j < i), default=None), min((j for j in big if j > i), default=None))
                if j is not None and j != i]
        if not near:
            keep.append(i)
            continue
        base = float(np.mean([glyphs[j].y + glyphs[j].h for j in near]))
        off = (g.y + g.h - base) / float(np.mean([glyphs[j].h for j in near]))
        if abs(off) <= 0.15 or (label == "," and -0.1 <= off <= 0.5):
            keep.append(i)
    return keep


def _join(a: Glyph, b: Glyph) -> Glyph:
    """One glyph from two: union box, both masks."""
    x0, y0 = min(a.x, b.x), min(a.y, b.y)
    x1, y1 = max(a.x + a.w, b.x + b.w), max(a.y + a.h, b.y + b.h)
    mask = np.zeros((y1 - y0, x1 - x0), np.uint8)
    for g in (a, b):
        mask[g.y - y0 : g.y - y0 + g.h, g.x - x0 : g.x - x0 + g.w] |= g.mask
    return Glyph(x0, y0, x1 - x0, y1 - y0, mask)


def _one_script(labels: list[str], p: np.ndarray) -> list[tuple[str, float]]:
    """Digits of one token in one script; no letter between two digits.

    The script is the one most of the digit probability mass says. A glyph
    read as "not a digit" between two digits is a digit we read badly (noise,
    a stroke lost): it takes its best digit or sign class, with that class's
    lower probability, which the caller weighs.
    """
    thai = p[:, : len(THAI_DIGITS)].sum()
    arabic = p[:, len(THAI_DIGITS) : 2 * len(THAI_DIGITS)].sum()
    lo, hi = (0, 10) if thai >= arabic else (10, 20)
    digit_at = [i for i, label in enumerate(labels) if label in THAI_DIGITS + ARABIC_DIGITS]
    out = []
    for i, (label, row) in enumerate(zip(labels, p)):
        if label == REJECT and digit_at and digit_at[0] < i < digit_at[-1]:
            others = row.copy()
            others[len(CLASSES) - 1] = 0
            label = CLASSES[int(others.argmax())]
        if label in THAI_DIGITS + ARABIC_DIGITS:
            k = lo + int(row[lo:hi].argmax())
            out.append((CLASSES[k], float(row[k] + row[(k + 10) % 20])))
        else:
            out.append((label, float(row[CLASSES.index(label)])))
    return out


def load_digit_model(models_dir: Path) -> DigitModel | None:
    """The trained model from ``models_dir``, or None when it has not been built."""
    path = Path(models_dir) / MODEL_FILE
    return DigitModel.load(path) if path.exists() else None
