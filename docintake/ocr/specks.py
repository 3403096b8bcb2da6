"""Dust, specks and strokes beside a number's digits: the glyph geometry the
digit reader (``ocr.digits``) uses to keep what is a digit and drop what is
not before it classifies. Pure functions of ``ocr.glyphs.Glyph`` boxes and masks.
"""

from __future__ import annotations

import cv2
import numpy as np

from docintake.ocr.glyphs import Glyph, piece


def not_dust(glyphs: list[Glyph], labels: list[str]) -> list[int]:
    """Indices of the glyphs to keep: a dot-sized blob off the baseline is a speck of dust.

    A full stop sits on the baseline of the glyphs beside it and a comma
    hangs from it; toner and dust specks of the same size land anywhere. The
    baseline is the neighbours', not the token's: a number written in by hand
    after a printed one stands higher.
    """
    if not glyphs:  # nothing to sort (a token that was all dust, seed 65)
        return []
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


def under_the_top(glyphs: list[Glyph]) -> list[Glyph]:
    """Drop blobs that float wholly above the number's digits.

    A Thai or Arabic digit stands on the baseline; nothing of a number lies
    above its digits' tops. What does is a tone mark or a descender of the
    line above caught in the cut, which read as a digit with ~0 probability
    sinks the whole number (seed 6: ๒๕๖๘ under ...พ้น... kept Tesseract's ๒๕๐๕).
    """
    if len(glyphs) < 3:
        return glyphs
    tallest = max(g.h for g in glyphs)
    big = [g for g in glyphs if g.h >= 0.6 * tallest]
    ref = float(np.median([g.h for g in big]))
    top = float(np.median([g.y for g in big]))
    kept = [g for g in glyphs if g.y + g.h > top + 0.15 * ref]
    return kept or glyphs


def without_specks(g: Glyph, glyphs: list[Glyph], anywhere: bool = False, foot: bool = False) -> Glyph | None:
    """Glyph ``g`` without its dot-sized parts lying wholly over the digits' tops or
    under their baseline (the token's main glyphs set both; ``anywhere``:
    wherever they lie) and, with ``foot``, without what hangs a tenth of their
    height under the baseline (dust touching a digit's foot is one blob with
    it); None when there is nothing to take off, or nothing left."""
    n, labels, stats, _ = cv2.connectedComponentsWithStats(g.mask, connectivity=8)
    tallest = max(o.h for o in glyphs)
    main = [o for o in glyphs if o.h >= 0.6 * tallest]
    ref = float(np.median([o.h for o in main]))
    top = float(np.median([o.y for o in main])) - g.y
    # every digit stands on the baseline, short or tall (main may be one tall ๒)
    bottom = float(np.median([o.y + o.h for o in glyphs if max(o.w, o.h) >= 0.3 * ref])) - g.y
    dot = lambda i: max(stats[i, 2], stats[i, 3]) <= 0.3 * ref  # noqa: E731
    off = lambda i: stats[i, 1] + stats[i, 3] <= top + 0.1 * ref or stats[i, 1] >= bottom - 0.05 * ref  # noqa: E731
    # A glyph alone sets the tops itself (a day ๕ under a speck): no digit has a part
    # wholly over its body either, unless the body is a dot too (``:``).
    body = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA])) if n > 1 else 0
    over = lambda i: i != body and not dot(body) and stats[i, 1] + stats[i, 3] <= stats[body, 1]  # noqa: E731
    specks = [i for i in range(1, n) if dot(i) and (anywhere or off(i) or over(i))]
    if len(specks) == n - 1:  # dots only: a colon, or a full stop with dust stacked on it
        # beside another glyph only: alone, a mark sets the baseline itself (a quote read as ๑)
        specks = _off_the_stop(stats, n, bottom, ref) if anywhere and len(glyphs) >= 2 else []
    cut = int(round(bottom + 0.05 * ref)) if foot and g.h > bottom + 0.1 * ref and bottom > 0.5 * g.h else g.h
    if not specks and cut >= g.h:
        return None
    mask = (g.mask * ~np.isin(labels, specks)).astype(np.uint8)
    mask[cut:] = 0
    rest = piece(Glyph(g.x, g.y, g.w, g.h, mask), 0, g.w)
    return rest[0] if rest else None


def _off_the_stop(stats: np.ndarray, n: int, bottom: float, ref: float) -> list[int]:
    """The dots of an all-dots glyph to take off: all but the one on the baseline,
    when exactly one stands there (a full stop with a speck stacked over it reads as
    no sign, and splits ``๐๘๑๖.๔`` in two: seed 18 kept Tesseract's ``๐๕๑๒.๕``);
    none otherwise (a colon's dots: only the lower stands on the baseline, but a
    glyph read as ``:`` is no doubtful one and never comes here)."""
    on_base = [i for i in range(1, n) if abs(stats[i, 1] + stats[i, 3] - bottom) <= 0.1 * ref]
    return [i for i in range(1, n) if i not in on_base] if len(on_base) == 1 else []


def full_stop_beside(a: Glyph, b: Glyph, ref: float) -> bool:
    """Is one of a neighbouring pair a dot on the other's baseline?

    That is the full stop of a number (๐๘๑๐.๔), however faintly it reads:
    joined to the digit beside it, "๐." reads as ๘ and ".๔" as ๗ (seed 1:
    มท ๐๘๑๐.๔ came out as ๐๘๑๘๔ and ๐๘๑๐๗).
    """
    small, big = (a, b) if max(a.w, a.h) <= max(b.w, b.h) else (b, a)
    dot = max(small.w, small.h) <= 0.3 * ref and big.h >= 0.6 * ref
    return dot and abs((small.y + small.h) - (big.y + big.h)) <= 0.15 * ref


def stroke_beside(a: Glyph, b: Glyph, ref: float) -> bool:
    """Is one of the pair a tall thin stroke beside a body no taller than a digit?

    A handwritten ๗ or ๙ comes apart into its loop and its rising stroke, and
    together they are wider than a printed digit (seed 6: ๗๗๐ read as "Wao.").
    """
    return any(s.h >= 1.3 * ref and s.w <= 0.9 * ref and o.h <= 1.1 * ref for s, o in ((a, b), (b, a)))
