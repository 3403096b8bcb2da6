"""Our Thai-digit recogniser: re-reads the numbers Tesseract's Thai model cannot.

Debian's ``tha`` model has no ๔ ๖ ๗ ๘ ๙ in its character set, so every number
it reads is suspect. Lines holding such numbers are cut into glyphs
(``ocr.glyphs``); each glyph is classified here by a small numpy MLP trained
on our own renders (``python -m docintake.ocr.train_digits``) into Thai and
Arabic digits, ``/ . , - :`` and "not a digit" (Thai and Latin letters);
``ocr.numbers`` then rewrites the digit runs of Tesseract's words.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from docintake.ocr.glyphs import Glyph, join, piece
from docintake.ocr.slashcut import part_slash
from docintake.ocr.specks import full_stop_beside, not_dust, stroke_beside, under_the_top, without_specks

MODEL_FILE = "thai_digits.npz"
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
# A written digit taken on the classifier's word alone (a day, a year, a memo's
# number where Tesseract read junk): right ones read 1.0 on seeds 9-25, a ๘ read
# as ๗ at 0.90 (seed 11).
SURE_DIGIT = 0.97
ARABIC_DIGITS = "0123456789"
PUNCT = ".,-:"
REJECT = "?"  # the "not a digit" class: Thai letters and marks
CLASSES = THAI_DIGITS + ARABIC_DIGITS + "/" + PUNCT + REJECT
SIDE = 24  # glyph images are SIDE x SIDE, the glyph fitted into INNER px
INNER = 20
N_SCALARS = 4
# A digit we doubt this much is no digit, whatever Tesseract read there.
NO_DIGIT_P = 0.05


def sureness(reading: list[tuple[str, float]]) -> float:
    """Geometric mean of a reading's glyph probabilities (spaces aside).

    >>> round(sureness([("๑", 0.001)] + [("๔", 1.0)] * 7), 2)  # one doubtful glyph in eight
    0.42
    """
    probs = [max(q, 1e-12) for c, q in reading if c != " "]
    return float(np.exp(np.mean(np.log(probs)))) if probs else 0.0



@dataclass
class Fix:
    text: str
    reason: str
    join_left: bool = False  # no space before this token: it continues the number on its left
    absorbs: tuple[int, ...] = ()  # tokens Tesseract split off this number (their text is now in ours)
    before: tuple[tuple[str, tuple[int, int, int, int]], ...] = ()  # numbers Tesseract missed, (text, page box)
    after: tuple[tuple[str, tuple[int, int, int, int]], ...] = ()
    height: float = 0.0  # prepared px: the glyphs read, for a token boxed lower than its ink (dashes of ``- ๒ -``)


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
        glyphs = under_the_top(glyphs)
        p = self.proba(features(glyphs))
        glyphs, p = self._despeck(glyphs, p)
        keep = not_dust(glyphs, [CLASSES[i] for i in p.argmax(axis=1)])
        glyphs, p = [glyphs[i] for i in keep], p[keep]
        if not glyphs:  # every glyph was dust
            return [], []
        for _ in range(4):  # a digit broken in two: at most a few per token
            repaired = self._mend(glyphs, p)
            if repaired is None:
                break
            glyphs, p = repaired
        for _ in range(4):  # digits run together: a handwritten ๒๓ in one stroke
            parted = self._cut(glyphs, p)
            if parted is None:
                break
            glyphs, p = parted
        parted = part_slash(self, glyphs, p, features, CLASSES)  # ๓/ run together reads as ๗ (issue #3)
        if parted is not None:
            glyphs, p = parted
        keep = not_dust(glyphs, [CLASSES[i] for i in p.argmax(axis=1)])
        glyphs, p = [glyphs[i] for i in keep], p[keep]
        return _one_script([CLASSES[i] for i in p.argmax(axis=1)], p), glyphs

    def _despeck(self, glyphs: list[Glyph], p: np.ndarray) -> tuple[list[Glyph], np.ndarray]:
        """Take off the dust that ``segment`` stacked on a digit as if it were a mark.

        No digit or sign has a mark over its top or under its baseline, yet
        cut as a line of Thai, a speck of dust over ๐ joins it like a tone mark
        (seed 8: ๑๓๘๐ read as ๑๓๘6) and a speck under a full stop makes it no
        glyph at all. A glyph we doubt, read as no digit or as a digit of the
        other script also loses the specks beside it (a dash with dust under
        it read as ๓, with dust over it as 1), and any glyph but ``,`` and
        ``/`` loses what hangs under the baseline (no digit has a descender:
        dust touching the foot of ๒ makes it ๖). The cleaned glyph is kept
        only when it reads as a digit or sign more surely than the glyph did,
        or fairly surely (p >= 0.8) where the glyph read as no digit, or
        surely (p >= 0.9) as a digit where the glyph read as another digit
        and only specks over it went: digits carry no marks, so the reading
        without the speck is the one to trust (seed 9: a day ๕ under a speck
        read as ๒ with p = 1.0). A foot cut off is no such case: dashes beside
        a page number set the baseline too high (``- 2 -`` read as 9).
        """
        best, letter = p.argmax(axis=1), len(CLASSES) - 1
        thai = p[:, :10].sum() >= p[:, 10:20].sum()
        other_script = (best >= 10) & (best < 20) if thai else best < 10
        reach_under = (best == CLASSES.index(",")) | (best == CLASSES.index("/"))
        doubtful = ((p.max(axis=1) < 0.9) | (best == letter) | other_script) & ~reach_under
        foot = ~reach_under
        cleaned = [without_specks(g, glyphs, anywhere=d, foot=f) for g, d, f in zip(glyphs, doubtful, foot)]
        todo = [j for j, c in enumerate(cleaned) if c is not None]
        if not todo:
            return glyphs, p
        trial = [c if c is not None else g for g, c in zip(glyphs, cleaned)]
        q = self.proba(features(trial))
        foot_kept = [trial[j].y + trial[j].h == glyphs[j].y + glyphs[j].h for j in range(len(glyphs))]
        keep = [j for j in todo if q[j].argmax() != letter
                and (q[j].max() >= 0.8 if p[j].argmax() == letter else q[j].max() > p[j].max()
                     or (foot_kept[j] and p[j].argmax() < 20 and q[j].argmax() < 20 and q[j].max() >= 0.9))]
        if not keep:
            return glyphs, p
        out = [trial[j] if j in keep else g for j, g in enumerate(glyphs)]
        return out, self.proba(features(out))

    def _mend(self, glyphs: list[Glyph], p: np.ndarray) -> tuple[list[Glyph], np.ndarray] | None:
        """Join the doubtful neighbour pair (or, failing that, three) that makes
        the surest digit, if any; pieces all in doubt first, then a doubtful
        piece with a digit read surely beside it.

        A thin stroke lost to blur or a light pen breaks one digit into two
        blobs, which read as "not a digit" or as a wrong digit with a low
        probability; joined, they read as one digit with a high one. A font of
        hairlines breaks ๒ into three: stem, small loop and bowl (seed 11,
        a fax number). The sure digit beside such pieces is whole: joined to
        the ๒'s stem, ๑ read ๙ and the loop and bowl left read ๖ and ๗ (seed 48).
        """
        best, top = p.argmax(axis=1), p.max(axis=1)
        doubtful = (best == len(CLASSES) - 1) | (top < 0.9)
        if not doubtful.any() or not (best < 20).any():
            return None
        tallest = max(g.h for g in glyphs)
        ref = float(np.median([g.h for g in glyphs if g.h >= 0.6 * tallest]))
        for all_doubtful in (True, False):
            for n in (2, 3):
                choice = self._best_join(glyphs, p, n, ref, all_doubtful)
                if choice is not None:
                    return choice
        return None

    def _best_join(self, glyphs: list[Glyph], p: np.ndarray, n: int, ref: float,
                   all_doubtful: bool) -> tuple[list[Glyph], np.ndarray] | None:
        """The join of ``n`` neighbours, doubtful ones among them (``all_doubtful``:
        only those), that reads as the surest digit with p >= 0.9, if any."""
        best, top, letter = p.argmax(axis=1), p.max(axis=1), len(CLASSES) - 1
        doubtful = (best == letter) | (top < 0.9)
        # A sure sign is whole: joined to a faint digit beside it, "๓/" reads as ๗.
        sign = (best >= 20) & (best < len(CLASSES) - 1) & (top >= 0.9)
        choice = None
        for j in range(len(glyphs) - n + 1):
            parts, inside = glyphs[j : j + n], doubtful[j : j + n]
            pairs = list(zip(parts, parts[1:]))
            side_by_side = all(min(a.y + a.h, b.y + b.h) - max(a.y, b.y) >= 0.3 * min(a.h, b.h) for a, b in pairs)
            if not (inside.all() if all_doubtful else inside.any()) or sign[j : j + n].any() or not side_by_side:
                continue
            if any(full_stop_beside(a, b, ref) for a, b in pairs):
                continue
            joined = functools.reduce(join, parts)
            # a pen's digit is taller and wider than the print around it (a red ๙ in
            # the blank after a printed code came apart into loop and tail, seed 50);
            # its pieces all in doubt (a full stop joined to the ๔ after it read ๗, seed
            # 50's stamp time), not all read surely as letters (น and ที่ read ๗, seed 49;
            # a red ๘'s loop alone reads as a sure letter, its tail does not, seed 54)
            pen = all_doubtful and joined.h >= 1.25 * ref and not all(
                best[j + m] == letter and top[j + m] >= 0.9 for m in range(n))
            by_height = n == 2 and (stroke_beside(*parts, ref) or pen)
            if joined.w > 1.4 * (joined.h if by_height else ref):
                continue
            trial = glyphs[:j] + [joined] + glyphs[j + n :]
            q = self.proba(features(trial))
            k = int(q[j].argmax())
            # a sure digit still read as itself has only swallowed a piece of its
            # neighbour (seed 48: ๗ took the foot of the ๒ before it, which then read ๕)
            if any(best[j + m] == k and top[j + m] >= 0.9 for m in range(n)):
                continue
            if k < 20 and q[j, k] >= 0.9 and (choice is None or q[j, k] > choice[2]):
                choice = (trial, q, float(q[j, k]))
        return None if choice is None else (choice[0], choice[1])

    def _cut(self, glyphs: list[Glyph], p: np.ndarray) -> tuple[list[Glyph], np.ndarray] | None:
        """Part the blob that is no digit but cuts into two sure ones, if any.

        ``segment`` cuts blobs too wide for one glyph, judged by the line's
        letters; a line that also holds a big stamp sets that width too high,
        and a pen joins its digits more closely than print. So a blob that is
        no sure digit (a letter, a sign, a doubt) and at least as wide as high
        is tried at columns across its middle third, thin ones first; both
        parts must read as digits of one script with p >= 0.95, each at least
        0.35 of the blob's height wide. Alone, two joined digits read as a
        hyphen: that is what a wide flat blob looks like to the model.
        """
        best, top = p.argmax(axis=1), p.max(axis=1)
        for j, g in enumerate(glyphs):
            if (best[j] < 20 and top[j] >= 0.95) or g.w < g.h or g.w < 8:
                continue
            cols = g.mask.sum(axis=0)
            span = range(max(int(0.35 * g.h), g.w // 3), min(g.w - int(0.35 * g.h), 2 * g.w // 3) + 1)
            for at in sorted(span, key=lambda x: cols[x])[:6]:
                parts = piece(g, 0, at) + piece(g, at, g.w)
                if len(parts) != 2:
                    continue
                trial = glyphs[:j] + parts + glyphs[j + 1 :]
                q = self.proba(features(trial))
                k = q[j : j + 2].argmax(axis=1)
                same_script = k.max() < 10 or k.min() >= 10
                if (k < 20).all() and same_script and (q[[j, j + 1], k] >= 0.95).all():
                    return trial, q
        return None

    def correct(self, toks, page: np.ndarray, scale: float = 1.0, *, every: bool = False) -> dict[int, Fix]:
        """token index -> Fix, for every numeric token (``every``: every token) whose digits we read differently."""
        from docintake.ocr.numbers import correct_tokens

        return correct_tokens(self, toks, page, scale, every=every)


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
