"""A second look at a memo header line whose printed label วันที่ Tesseract read
as Latin junk, with the handwritten day (and month) after it
(``ที่ สน ๗๑๒๔๙/๓๕๑ IN กค. ๒๕๖๗`` for ``... วันที่ ๕ ก.ค. ๒๕๖๗``,
``ที่ ชร ๗๓๑๐๙/๓๓๗ WiasAod 7`` for ``... วันที่ ๘ ธ.ค. ๖๘``).

A memo's header line is always ``ที่ <prefix> <5-digit code>/<running>
วันที่ <day> <month> <year>``, in that order. So once the number is read, the
junk after it on its line stands where the label and the day (and the month,
and the year) must be. Its ink is read by our digit classifier, which sees
the printed label as glyphs that are surely no digit, the handwritten day as
one or two sure digits, the month as glyphs that are no digit, and a two- or
four-digit year as sure digits. Only that whole shape is taken; the month,
where Tesseract did not read it as an abbreviation of its own, is read again
as ``ocr.monthlook`` reads one (the Thai model, three sizes, two agreeing and
none naming another). ``ocr.datelook`` handles the line whose label was read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from docintake.ocr import monthlook, rewrite
from docintake.ocr.digits import NO_DIGIT_P, SURE_DIGIT, THAI_DIGITS, Fix
from docintake.ocr.tesseract import Token, to_page_box, union_box
from docintake.text import lexicon
from docintake.text.normalize import arabic_to_thai_digits, thai_to_arabic_digits

_D = "[0-9๐-๙]"
# the province prefix may be run into the code (``พช๗๓๓๒๖/๕๙๑``, ``สร.ฆ๗๓๕๒๕/๕๓๒``: the space dropped, a speck read)
_PREFIX = "(?:[\u0e01-\u0e2e.]{2,4})?"
_NUMBER = re.compile(f"{_PREFIX}{_D}{{5}}/{_D}{{1,4}}")  # a memo's LAO code and running number, one token
_CODE = re.compile(f"{_PREFIX}{_D}{{5}}/")  # ... or two
_RUNNING = re.compile(f"{_D}{{1,4}}")
_LATIN = re.compile("[A-Za-z]")
_THAI = re.compile("[\u0e01-\u0e4e]")
LABEL_GLYPHS = 2  # the printed วันที่ segments into 3-4 glyphs; fewer is no label
MAX_JUNK = 3  # tokens the label and handwriting may read as
LABEL = "วันที่"


@dataclass
class Tail:
    number: int  # the number's last token
    junk: tuple[int, ...]  # label and day (and month, and year) as Latin junk
    month: int | None  # a month abbreviation Tesseract read after the junk (token index)
    year: int | None  # the year Tesseract read after them (token index)


def number_end(texts: list[str], toks: list[Token], i: int) -> int | None:
    """Index of the number's last token when a memo number starts at token i."""
    if _NUMBER.fullmatch(texts[i]):
        return i
    if (_CODE.fullmatch(texts[i]) and i + 1 < len(texts) and toks[i + 1].line == toks[i].line
            and _RUNNING.fullmatch(texts[i + 1])):
        return i + 1
    return None


def tails(toks: list[Token], texts: list[str]) -> list[Tail]:
    """Memo numbers followed on their line by Latin junk without a Thai letter, then
    optionally a month abbreviation and a year: the label read as junk."""
    out = []
    for i in range(len(texts)):
        if (n := number_end(texts, toks, i)) is None:
            continue
        rest = [k for k in range(n + 1, len(toks)) if toks[k].line == toks[n].line]
        year = rest.pop() if rest and monthlook.YEAR.fullmatch(texts[rest[-1]].rstrip(".")) else None
        month = rest.pop() if year is not None and rest and monthlook.is_compact_month(texts[rest[-1]]) else None
        junk = [texts[k] for k in rest]
        if (1 <= len(rest) <= MAX_JUNK and any(_LATIN.search(j) for j in junk)
                and not any(_THAI.search(j) for j in junk)):
            out.append(Tail(n, tuple(rest), month, year))
    return out


def tail_box(toks: list[Token], tail: Tail) -> tuple[int, int, int, int]:
    """From the number's right edge to the junk's, in the number's band (the
    junk's own boxes are rough: a year read on the dotted line is 2 px high)."""
    number = toks[tail.number].box
    left = number[0] + number[2]
    right = max(toks[k].box[0] + toks[k].box[2] for k in tail.junk)
    band = union_box([toks[tail.number - 1].box, number]) if tail.number else number
    return left, band[1], max(right - left, 1), band[3]


@dataclass
class Shape:
    day: int
    day_end: int  # glyph indexes: the day's digits end, the year's start
    year_at: int
    day_at: int = field(default=0, repr=False)  # the day's first glyph


def _sure_digit(c: str, p: float) -> bool:
    return c in THAI_DIGITS and p >= SURE_DIGIT


def _letter(c: str, p: float) -> bool:
    """A glyph the classifier rejects, or reads as a digit it all but rules out: a letter's."""
    return c == "?" or (c.isdigit() and p < NO_DIGIT_P)


def no_digit(c: str, p: float) -> bool:
    return not c.isdigit() or p < NO_DIGIT_P


def shape(reading: list[tuple[str, float]]) -> Shape | None:
    """The label (at least two glyphs surely no digit, no digit among them), one or
    two sure Thai digits (the day), glyphs that are no digit (the month, if any),
    and trailing sure digits (the year, if any); None for any other reading.

    >>> shape([("?", 1.0), ("?", 1.0), ("?", 1.0), ("๕", 1.0), (".", 0.9)])
    Shape(day=5, day_end=4, year_at=5)
    >>> shape([("?", 1.0), ("?", 1.0), ("๘", 1.0), ("๓", 0.0), ("๖", 1.0), ("๘", 1.0)])
    Shape(day=8, day_end=3, year_at=4)
    >>> shape([("?", 1.0), ("๘", 1.0), ("?", 1.0)]) is None  # one glyph is no label
    True
    >>> shape([("?", 1.0), ("?", 1.0), ("๘", 0.8), ("?", 1.0)]) is None  # an unsure day
    True
    """
    k = 0
    while k < len(reading) and no_digit(*reading[k]):
        k += 1
    if sum(_letter(*r) for r in reading[:k]) < LABEL_GLYPHS:
        return None
    start = k
    while k < len(reading) and k - start < 3 and _sure_digit(*reading[k]):
        k += 1
    day = thai_to_arabic_digits("".join(c for c, _ in reading[start:k]))
    if not 1 <= len(day) <= 2 or not 1 <= int(day) <= 31:
        return None
    end = len(reading)
    while end > k and _sure_digit(*reading[end - 1]):
        end -= 1
    if not all(no_digit(*r) for r in reading[k:end]):
        return None
    return Shape(int(day), k, end, start)


def read_shape(model, upright: np.ndarray, box: tuple[int, int, int, int]) -> tuple[Shape, list, list] | None:
    """(shape, reading, glyphs' (left, right, top, height) in page pixels) of the ink in box, glyphs
    centred left of it (the running number's last strokes) left out."""
    read = rewrite.read_blob(model, upright, box)
    if read is None:
        return None
    x0, y0 = rewrite.blob_origin(box)
    kept = [(r, (x0 + g.x, x0 + g.x + g.w, y0 + g.y, g.h)) for r, g in zip(*read) if x0 + g.x + g.w / 2 > box[0]]
    reading = [r for r, _ in kept]
    found = shape(reading)
    return (found, reading, [x for _, x in kept]) if found else None


def _written(tail: Tail, found: Shape, reading: list) -> str | None:
    """What the shape must hold given what Tesseract read after the junk: ``month``
    (the month to read again), ``year`` too, or nothing; None when it cannot.

    A month token after the junk leaves the junk the label and the day alone
    (specks after it, no letter); a year token, the label, day and month; none,
    all four, the year two digits or four of the Buddhist era (๒๕..)."""
    letters = sum(_letter(*r) for r in reading[found.day_end : found.year_at])
    year = "".join(c for c, _ in reading[found.year_at :])
    if tail.month is not None:
        return "" if letters == 0 and not year else None
    if letters == 0:
        return None
    if tail.year is not None:
        return "month" if not year else None
    return "year" if len(year) == 2 or (len(year) == 4 and year.startswith("๒๕")) else None


def _agrees(toks: list[Token], texts: list[str], tail: Tail, scale: float, found: Shape, xs: list) -> bool:
    """A number Tesseract read over the day's ink (``JUN ๖``) is the classifier's day:
    two readings of one ink that differ leave the line as it is."""
    day_left, day_right = xs[found.day_at][0], xs[found.day_end - 1][1]
    for k in tail.junk:
        left, _, width, _ = to_page_box(toks[k].box, scale)
        over = left < day_right and left + width > day_left
        if over and re.fullmatch("[0-9๐-๙]+", texts[k]) and monthlook.day_of(texts[k]) != found.day:
            return False
    return True


def second_look(model, upright: np.ndarray, scale: float, toks: list[Token], texts: list[str], run) -> dict[int, Fix]:
    """token index -> Fix (``วันที่ day [month [year]]`` on the first piece of junk, the rest emptied)."""
    fixes: dict[int, Fix] = {}
    for tail in tails(toks, texts):
        box = to_page_box(tail_box(toks, tail), scale)
        if (read := read_shape(model, upright, box)) is None:
            continue
        found, reading, xs = read
        if (wants := _written(tail, found, reading)) is None or not _agrees(toks, texts, tail, scale, found, xs):
            continue
        junk = " ".join(texts[k] for k in tail.junk)
        text, why = f"{LABEL} {arabic_to_thai_digits(str(found.day))}", ""
        if wants:
            right = xs[found.year_at][0] if wants == "year" else box[0] + box[2]
            # in the day's band: the number's is the slash's, too tall for the handwriting
            _, left, top, height = xs[found.day_end - 1]
            # ``monthlook.crops`` pads a third of a height each side: kept off the day's and year's digits
            side = int(0.3 * height)
            month_box = (left + side, top, right - left - 2 * side, height)
            if month_box[2] < height // 2:
                continue
            readings = monthlook.read_crops(upright, month_box, run, monthlook.HAND_REACH)
            if (month := monthlook.decide(readings)) is None:
                continue
            abbr = lexicon.MONTHS_ABBR[month[0] - 1]
            text += f" {abbr}" + (" " + "".join(c for c, _ in reading[found.year_at :]) if wants == "year" else "")
            why = f"; {month[1]} of {len(monthlook.VARIANTS)} Thai readings of the ink after the day give {abbr} ({' | '.join(readings)})"
        reason = (f"memo header: after the number, {junk!r} stands where the printed label and the handwritten date "
                  f"must be; the digit classifier reads the label's glyphs as no digits and the day {found.day} surely{why}")
        fixes[tail.junk[0]] = Fix(text, reason)
        fixes.update({k: Fix("", reason) for k in tail.junk[1:]})
    return fixes
