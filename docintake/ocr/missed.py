"""Lines Tesseract's layout analysis skipped: found by their ink, read again.

Tesseract leaves out short lines that stand alone: the page number ``- ๒ -``
of a continuation page, a red urgency stamp, the handwritten date and time
of a receipt stamp, a line beside a picture. On the tuning seeds (1, 3, 6, 7)
107 of 6,150 printed lines were missing from its text, 58 of them page
numbers, which the splitter uses to join a letter's pages.

Ink that none of Tesseract's words covers is closed into line-shaped blobs;
all of a page's blobs are stacked into one strip and read in one more
Tesseract run (a run per blob would cost a model load each), and each line
read is put into the page text after the line above it.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from docintake.ocr.glyphs import erasure, straight_strokes
from docintake.ocr.preprocess import TARGET_X_HEIGHT
from docintake.ocr.tesseract import Token

MAX_LINES = 12  # a page with more uncovered blobs is a picture, not skipped text
GAP = 2.0  # white space between stacked blobs, in line heights
MIN_CONF = 45.0  # a blob read with less is a smudge, a rule or part of the emblem


@dataclass
class Missed:
    """A blob of ink no word covers (or a line read as Latin junk): its box in
    the prepared image, and where its text goes."""

    box: tuple[int, int, int, int]
    after_line: int  # the text line (0-based, in Tesseract's text) it follows; -1 before all
    replaces: bool = False  # True: the text replaces line ``after_line`` instead of following it
    numeric: bool = False  # True: small, kept only if the digit classifier reads it as a number


# Smaller blobs, down to these fractions of the line height (high) and width, are
# kept for the digit classifier only: on a page of a few lines with tall marks
# the line height is set by ที่ and ป, and ``- ๒ -`` stands under half of it
# (seed 10: a continuation page's page number lost).
NUMERIC_HEIGHT = 0.35
NUMERIC_WIDTH = 0.8

BIG = 1.8  # a line this many times the page's usual height is a stamp (ด่วนที่สุด in red)


def line_height(toks: list[Token]) -> float:
    heights = [t.line_box[3] for t in toks if t.line_box[3] > 0] or [t.box[3] for t in toks]
    return float(np.median(heights)) if heights else 0.0


def _uncovered_ink(image: np.ndarray, toks: list[Token], line_h: float) -> np.ndarray:
    """Ink (255) left once every word's and every line's box is blanked out."""
    _, ink = cv2.threshold(image, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    pad = int(0.25 * line_h)
    for t in toks:
        for x, y, w, h in (t.box, t.line_box):
            if w and h:
                ink[max(0, y - pad) : y + h + pad, max(0, x - pad) : x + w + pad] = 0
    return _without_rules(ink, line_h)


def _without_rules(ink: np.ndarray, line_h: float) -> np.ndarray:
    """Ink with long straight strokes erased: a receipt stamp's frame, a table's rules.

    Closed into lines, the written date and time of a stamp join the frame
    beside them and make one blob as tall as the stamp, which is then passed
    over as a frame. No letter has a straight stroke three line heights
    across or one and a half down.
    """
    rules = straight_strokes(ink, int(3 * line_h), int(1.5 * line_h), thinner_than=max(1, int(0.3 * line_h)))
    if rules.any():
        ink = ink.copy()
        ink[erasure(rules)] = 0
    return ink


def find_missed(image: np.ndarray, toks: list[Token], txt: str) -> list[Missed]:
    """Line-shaped blobs of ink that Tesseract's words leave uncovered, top to bottom."""
    line_h = line_height(toks)
    if line_h <= 0:
        return []
    # A line of print without marks is as high as its letters (the image stage scaled
    # their x-height to TARGET_X_HEIGHT), under half the line height on a page of few
    # lines that all carry marks (seed 11: ``ม.ค. ๖๗`` wrapped alone, 20 px against 64).
    low = min(0.5 * line_h, 0.8 * TARGET_X_HEIGHT)
    ink = _uncovered_ink(image, toks, line_h)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (int(line_h) | 1, 1))  # odd: an even one shifts the blob
    closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, kernel)
    n, _, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
    height, width = image.shape[:2]
    found: dict[bool, list[tuple[int, int, int, int]]] = {False: [], True: []}
    for x, y, w, h, area in stats[1:n]:
        if not (min(NUMERIC_HEIGHT * line_h, low) <= h <= 2.2 * line_h and w >= NUMERIC_WIDTH * line_h):
            continue  # specks, rules, frames and pictures
        if x <= 0.02 * width or x + w >= 0.98 * width or y <= 0.01 * height or y + h >= 0.99 * height:
            continue  # the scanner's edge shadow
        if ink[y : y + h, x : x + w].mean() / 255 < 0.06:
            continue  # a dotted leader line or scattered dust
        found[h < low or w < 1.2 * line_h].append((int(x), int(y), int(w), int(h)))
    kept = [(box, small) for small, boxes in found.items() if len(boxes) <= MAX_LINES for box in boxes]
    kept.sort(key=lambda b: (b[0][1], b[0][0]))
    return [Missed(box, _line_above(box, toks, txt), numeric=small) for box, small in kept]


def find_garbled(toks: list[Token], txt: str) -> list[Missed]:
    """Big lines (a red urgency stamp) Tesseract read with no Thai letter at all.

    The page is scaled for its body text; letters twice that size come out
    as Latin junk (ด่วนที่สุด as ``AIUNAA``). Read again at body size, they are
    Thai again.
    """
    line_h = line_height(toks)
    out = []
    for number, group in text_lines(toks, txt):
        box = group[0].line_box
        if box[3] >= BIG * line_h and not any(_is_thai(t.text) for t in group):
            out.append(Missed(box, number, replaces=True))
    return out


MERGED = 1.6  # a body line this many times the usual height may be two lines read as one
MERGED_CONF = 60.0  # ... when read with less mean confidence than this
MIN_WIDTH = 8  # ... and at least this many line heights wide (not the emblem, not a signature)
WIDE_GLYPH = 2.0  # a glyph this many line heights wide is no letter: two lines read across
APART = 3.0  # a lone glyph this many line heights from the rest of its line is a picture beside it


def run_together(toks: list[Token], txt: str) -> set[int]:
    """Text lines (0-based, in Tesseract's text) where its layout ran two or
    three body lines into one tall line and read it as junk: ``0ัั(ฝ(ไ ดังนี่``
    for ``จังหวัดแจ้ง... ดังนี้`` and the numbered line under it.

    A tall, wide line with Thai in it, read unsure or with a "glyph" wider than
    two line heights. Its words are no reading of its ink: left uncovered,
    the ink is found line by line as missed lines (``find_missed``).
    """
    line_h = line_height(toks)
    return {n for n, group in text_lines(toks, txt) if line_h > 0 and _is_run_together(group, line_h)}


def _is_run_together(group: list[Token], line_h: float) -> bool:
    box = group[0].line_box
    if box[3] < MERGED * line_h or box[2] < MIN_WIDTH * line_h or not any(_is_thai(t.text) for t in group):
        return False
    group = [t for t in group if not _picture_beside(t, group, line_h)] or group
    confs = [t.conf for t in group if t.conf >= 0]
    wide = any(t.box[2] > WIDE_GLYPH * line_h * max(1, len(t.text)) for t in group)
    return wide or (bool(confs) and float(np.mean(confs)) < MERGED_CONF)


def _picture_beside(tok: Token, group: list[Token], line_h: float) -> bool:
    """A one-glyph token far from every other word of its line: the emblem
    (ครุฑ) left of a memo's title, read as ``ฆ``. It makes the line tall and
    "wide", yet the title beside it is read right (seed 12's memos were read
    again line by line, and came out worse: ``wy ๕๑`` over ``บนทักข้อความ``)."""
    if len(tok.text) > 1 or len(group) < 2:
        return False
    gaps = [max(o.box[0] - (tok.box[0] + tok.box[2]), tok.box[0] - (o.box[0] + o.box[2])) for o in group if o is not tok]
    return min(gaps) > APART * line_h


def text_line_of(txt: str) -> Callable[[int], int]:
    """The text line (0-based) of an offset into ``txt``, found by bisection
    (counting the newlines before every token of a page is quadratic).

    >>> line_of = text_line_of("a\\nbc\\nd")
    >>> line_of(0), line_of(2), line_of(5)
    (0, 1, 2)
    """
    breaks = [i for i, ch in enumerate(txt) if ch == "\n"]
    return lambda offset: bisect.bisect_left(breaks, offset)


def text_lines(toks: list[Token], txt: str) -> list[tuple[int, list[Token]]]:
    """Tokens grouped by their text line (0-based, in Tesseract's text), top to bottom."""
    line_of = text_line_of(txt)
    lines: dict[int, list[Token]] = {}
    for t in toks:
        lines.setdefault(line_of(t.start), []).append(t)
    return sorted(lines.items())


def read_again(line_box: tuple[int, int, int, int], found: list[Missed]) -> bool:
    """A run-together line (``run_together``) is dropped once ink on its rows
    is found again (placed after the line above it)."""
    return any(m.box[1] < line_box[1] + line_box[3] and line_box[1] < m.box[1] + m.box[3] for m in found)


def _is_thai(text: str) -> bool:
    return any("\u0e01" <= ch <= "\u0e2e" for ch in text)


def _line_above(box: tuple[int, int, int, int], toks: list[Token], txt: str) -> int:
    """The text line of the lowest word whose line's middle is above the blob's
    middle (lowest by that middle: a tall heading's line may start higher than
    the short line of specks beside it, yet end below it)."""
    middle = box[1] + box[3] / 2
    above = [t for t in toks if t.line_box[1] + t.line_box[3] / 2 < middle]
    if not above:
        return -1
    last = max(above, key=lambda t: (t.line_box[1] + t.line_box[3] / 2, t.start))
    return txt.count("\n", 0, last.start)


def stack(image: np.ndarray, boxes: list[tuple[int, int, int, int]], line_h: float) -> tuple[np.ndarray, list[int]]:
    """The blobs one under another on white, each brought to about the body's
    line height, and the top of each in the strip."""
    pad, gap = int(0.3 * line_h), int(GAP * line_h)
    crops = []
    for x, by, w, h in boxes:
        crop = image[max(0, by - pad) : by + h + pad, max(0, x - pad) : x + w + pad]
        if h > BIG * line_h:  # a stamp's big letters, brought to body size
            f = 1.2 * line_h / h
            crop = cv2.resize(crop, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
        crops.append(crop)
    width = max(c.shape[1] for c in crops)
    tops, parts, y = [], [], gap
    for crop in crops:
        part = np.full((crop.shape[0] + gap, width), 255, np.uint8)
        part[: crop.shape[0], : crop.shape[1]] = crop
        tops.append(y)
        parts.append(part)
        y += part.shape[0]
    strip = np.vstack([np.full((gap, width), 255, np.uint8), *parts])
    return strip, tops


def by_blob(toks: list[Token], tops: list[int]) -> list[list[Token]]:
    """The strip's tokens of each stacked blob: the last blob whose top is above the token's middle."""
    found: list[list[Token]] = [[] for _ in tops]
    for t in toks:
        middle = t.box[1] + t.box[3] / 2
        k = max((i for i, top in enumerate(tops) if top <= middle), default=None)
        if k is not None:
            found[k].append(t)
    return found


def lines_of_strip(toks: list[Token], tops: list[int]) -> list[tuple[str, float]]:
    """The text read for each stacked blob and its mean confidence ("" when
    nothing sure was read); a blob read as two lines keeps its line break."""
    out = []
    for group in by_blob(toks, tops):
        confs = [t.conf for t in group if t.conf >= 0]
        conf = float(np.mean(confs)) if confs else 0.0
        text = "".join(("\n" if k and t.line != group[k - 1].line else " " if k else "") + t.text
                       for k, t in enumerate(group) if t.text).strip()
        out.append((text, conf) if conf >= MIN_CONF and _is_text(text) else ("", conf))
    return out


def _is_text(text: str) -> bool:
    """A Thai letter or a digit: a line of only Latin debris or marks is not kept."""
    return any("\u0e01" <= ch <= "\u0e2e" or ch.isdigit() for ch in text)


def insert_lines(text: str, placed: list[tuple[int, str | None, bool]]) -> str:
    """``text`` with each (line, new text, replaces) put after that line (-1:
    first), or in its place when ``replaces`` (a None text drops the line).

    >>> insert_lines("a\\nb\\nc", [(-1, "top", False), (1, "mid", False), (2, "C", True)])
    'top\\na\\nb\\nmid\\nC'
    """
    lines: list[str | None] = list(text.split("\n"))
    for after, line, replaces in placed:
        if replaces and 0 <= after < len(lines) and (line or line is None):
            lines[after] = line  # None erases it (junk whose ink was read again); "" keeps it
    # bottom up, and of two lines after the same one the later first, so both keep their order
    added = [(after, line) for after, line, replaces in placed if not replaces]
    for _, (after, line) in sorted(enumerate(added), key=lambda p: (p[1][0], p[0]), reverse=True):
        if line:
            lines.insert(min(after + 1, len(lines)), line)
    return "\n".join(line for line in lines if line is not None)
