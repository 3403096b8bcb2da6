"""A second look at the month and year of a memo's handwritten date where
Tesseract read the day but lost what follows it (``วันที่ ๑๖ว.`` for
``วันที่ ๑๖ มิ.ย. ๖๘``, ``วันที ๒๓ WAP OB`` for ``วันที่ ๒๓ พ.ค. ๒๕๖๘``,
``วันที่๖ J. ๒๕๖๗`` for ``วันที่ ๖ ก.ย. ๒๕๖๗``, ``ฉันที ๑๐. ๒๕๖๗`` with the
month boxed into the day).

A memo's header line always runs ``ที่ <prefix> <5-digit code>/<running>
วันที่ <day> <month> <year>`` and ends there. So where the label was read
after the number and the line after it holds no month the parser can read,
the ink right of the label up to the line's end (found by its ink, not by
Tesseract's boxes, which may stop at the day) is ``<day> <month> <year>``.
Our digit classifier reads it: one or two sure digits (the day), glyphs that
are surely no digit (the month), then two or four sure digits (the year).
Only that whole shape is taken, the month then read again as
``ocr.monthlook`` reads one (Thai model, month letters only, three sizes, two
agreeing and none naming another). What Tesseract read of day, month or year
must not contradict it. ``ocr.datelook`` and ``ocr.monthlook`` handle a line
with its year read after Latin junk; this one needs no token where the year is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cv2
import numpy as np

from docintake.ocr import memotail, monthlook, rewrite
from docintake.ocr.digits import SURE_DIGIT, THAI_DIGITS, Fix
from docintake.ocr.tesseract import Token, to_page_box, union_box
from docintake.text import lexicon
from docintake.text.normalize import arabic_to_thai_digits, thai_to_arabic_digits

# the printed label as Tesseract reads it (วันที่, วันที, ฉันที), alone or with the day run into it
_LABEL = re.compile("[\u0e01-\u0e2e]\u0e31?นท[\u0e35\u0e48]*")  # its marks may be lost (วนท)
_DIGITS = re.compile("[0-9๐-๙]+")
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_MONTH_FORMS = (set(lexicon.MONTHS) | set(lexicon.MONTHS_ABBR)
                | {a.replace(".", "") for a in lexicon.MONTHS_ABBR})
GAP = 2.0  # line heights of blank page that end the line's ink (a day written 1.2 from its month, seed 26)
TALL = 0.25  # of the line's height: smaller ink is the dotted line the clerk wrote on, or a dot


@dataclass
class Head:
    label: int  # token indexes: the label (maybe with the day run into it), the tokens after it on its line
    after: tuple[int, ...]
    left: int  # prepared px where the handwriting starts: the label's right edge
    number: int  # token index of the number's last token


def _label_end(tok: Token) -> int | None:
    """Where the label ends in prepared px: its box's edge, or where the day run into
    it starts (the character box after the label's letters); None when unknown."""
    m = _LABEL.match(tok.text)
    if m is None:
        return None
    if m.end() == len(tok.text):
        return tok.box[0] + tok.box[2]
    if not tok.text[m.end()].isdigit() or len(tok.boxes) != len(tok.text):
        return None
    return tok.boxes[m.end()][0]


def _readable(texts: list[str]) -> bool:
    """The words after the label hold a month of the table and a year after it (or run
    into it: ``ธ.ค.๖๗``): the parser reads the date, nothing to look at."""
    words = " ".join(texts).split()
    for k, word in enumerate(words):
        letters = _DIGITS.sub("", word)
        if letters in _MONTH_FORMS or letters.strip(".") in _MONTH_FORMS:
            glued = re.search("[0-9๐-๙]{2}$", word) is not None
            return glued or any(monthlook.YEAR.fullmatch(w.rstrip(".")) for w in words[k + 1 :])
    return False


def heads(toks: list[Token], texts: list[str]) -> list[Head]:
    """Memo header lines (a memo number, the label after it) whose date the parser cannot read.
    ``texts``: each token's text after the fixes so far."""
    out = []
    for i in range(len(texts)):
        if (n := memotail.number_end(texts, toks, i)) is None:
            continue
        line = [k for k in range(n + 1, len(toks)) if toks[k].line == toks[n].line]
        for j, k in enumerate(line):
            if (left := _label_end(toks[k])) is None or not _LABEL.match(texts[k]):
                continue
            glued = texts[k][_LABEL.match(texts[k]).end():]
            if not _readable(([glued] if glued else []) + [texts[m] for m in line[j + 1:]]):
                out.append(Head(k, tuple(line[j + 1:]), left, n))
            break
    return out


def ink_end(upright: np.ndarray, left: int, top: int, height: int) -> int:
    """Page x where the line's ink right of ``left`` ends: the right edge of the last
    glyph-sized blob in the band before a gap of ``GAP`` heights (the dotted line's
    dots and the abbreviation's own dots are no glyphs and bridge nothing)."""
    band = upright[max(0, top) : top + height, left:]
    if band.size == 0:
        return left
    _, ink = cv2.threshold(band, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    blobs = sorted((int(s[0]), int(s[0] + s[2])) for s in stats[1:n] if s[3] >= TALL * height)
    end = 0
    for x0, x1 in blobs:
        if x0 - end > GAP * height:
            break
        end = max(end, x1)
    return left + end


@dataclass
class Date:
    day: int
    day_end: int  # glyph indexes: after the day's digits, the year's first digit
    year_at: int
    year: str  # Thai digits


def _sure(c: str, p: float) -> bool:
    return c in THAI_DIGITS and p >= SURE_DIGIT


def date_shape(reading: list[tuple[str, float]]) -> Date | None:
    """One or two sure digits (a day 1-31), glyphs surely no digit, not all dots (the
    month), then a year of two sure digits or four (๒๕..);
    None for any other reading.

    >>> L = ("?", 1.0)
    >>> date_shape([("๑", 1.0), ("๖", 1.0), L, (".", 0.9), L, ("๖", 1.0), ("๘", 1.0)])
    Date(day=16, day_end=2, year_at=5, year='๖๘')
    >>> date_shape([("๖", 1.0), L, ("๒", 1.0), ("๕", 1.0), ("๖", 1.0)]) is None  # three-digit year
    True
    """
    k = 0
    while k < len(reading) and k < 3 and _sure(*reading[k]):
        k += 1
    end = len(reading)
    while end > k and _sure(*reading[end - 1]):
        end -= 1
    day, year = ("".join(c for c, _ in reading[a:b]) for a, b in ((0, k), (end, len(reading))))
    if not 1 <= len(day) <= 2 or not 1 <= int(thai_to_arabic_digits(day)) <= 31:
        return None
    if not (len(year) == 2 or (len(year) == 4 and year.startswith("๒๕"))):
        return None
    middle = reading[k:end]
    # some glyph no dot: a month's letter (the classifier's ``:`` for มิ, seed 26), not the abbreviation's dots alone
    if not all(memotail.no_digit(*r) for r in middle) or all(c == "." for c, _ in middle):
        return None
    return Date(int(thai_to_arabic_digits(day)), k, end, year)


def read_date(model, upright: np.ndarray, box: tuple[int, int, int, int]) -> tuple[Date, list] | None:
    """(date, glyphs' (left, right, top, height) in page pixels) of the ink in ``box``,
    glyphs centred in the left pad (the label's last strokes) left out."""
    read = rewrite.read_blob(model, upright, box)
    if read is None:
        return None
    x0, y0 = rewrite.blob_origin(box)
    kept = [(r, (x0 + g.x, x0 + g.x + g.w, y0 + g.y, g.h)) for r, g in zip(*read) if x0 + g.x + g.w / 2 > box[0]]
    found = date_shape([r for r, _ in kept])
    return (found, [x for _, x in kept]) if found else None


def _contradicts(texts: list[str], day: int, year: str) -> bool:
    """Tesseract's own reading names another day (the digits the day's token starts
    with) or another year (a year token of its own): two readings of one ink differ."""
    first = re.match("[0-9๐-๙]{1,2}", texts[0]) if texts else None
    if first and int(thai_to_arabic_digits(first.group())) != day:
        return True
    years = [t.rstrip(".") for t in texts[1:] if monthlook.YEAR.fullmatch(t.rstrip("."))]
    return any(y != year for y in years)


def _month(upright: np.ndarray, date: Date, xs: list, run) -> tuple[int, int, list[str]] | None:
    """(month, votes, readings) of the ink between the day's digits and the year's, kept
    off both by monthlook's padding, as memotail reads it; down, the band of all the
    date's glyphs (a day's ๓ has no ascender: its band cut พ.ค.'s letters, seed 27)."""
    left = xs[date.day_end - 1][1]
    top = min(g[2] for g in xs[: date.year_at + 1])
    height = max(g[2] + g[3] for g in xs[: date.year_at + 1]) - top
    side = int(0.3 * height)
    box = (left + side, top, xs[date.year_at][0] - left - 2 * side, height)
    if box[2] < height // 2:
        return None
    readings = monthlook.read_crops(upright, box, run, monthlook.HAND_REACH)
    found = monthlook.decide(readings) or monthlook.decide([skeleton(r) for r in readings])
    return (*found, readings) if found else None


def skeleton(reading: str) -> str:
    """A reading's letters without the dots and the vowel marks above and below: a small
    handwritten ิ read as ี (``มี.ย.``) leaves the consonants of one month (มย: มิ.ย.);
    where two months share them (มค: ม.ค., มี.ค.) ``monthlook.decide`` names none.

    >>> skeleton("มี.ย."), skeleton("มี.ค."), skeleton("ก.ย.")
    ('มย', 'มค', 'กย')
    """
    return _MARKS.sub("", re.sub("[^\u0e01-\u0e4e]", "", reading))


def second_look(model, upright: np.ndarray, scale: float, toks: list[Token], texts: list[str], run) -> dict[int, Fix]:
    """token index -> Fix (``day abbr year`` after the label; the tokens after it emptied)."""
    fixes: dict[int, Fix] = {}
    for head in heads(toks, texts):
        label = _LABEL.match(texts[head.label]).group()
        glued = texts[head.label][len(label):]
        after = ([glued] if glued else []) + [texts[k] for k in head.after]
        # down, the label's band and the number's: a label read without its marks (วนท) is x-height only
        _, top, _, height = to_page_box(union_box([toks[head.label].box, toks[head.number].box]), scale)
        left = int(round(head.left / scale))
        box = (left, top, max(ink_end(upright, left, top, height) - left, 1), height)
        if box[2] < height or (read := read_date(model, upright, box)) is None:
            continue
        date, xs = read
        if _contradicts(after, date.day, date.year) or (month := _month(upright, date, xs, run)) is None:
            continue
        number, votes, readings = month
        if monthlook.reading_months(" ".join(after)) - {number}:  # Tesseract's letters name another month
            continue
        abbr = lexicon.MONTHS_ABBR[number - 1]
        written = f"{arabic_to_thai_digits(str(date.day))} {abbr} {date.year}"
        reason = (f"memo header: after the label, {' '.join(after)!r} where the handwritten date must be; the digit "
                  f"classifier reads the ink to the line's end as the day {date.day} and the year {date.year}, every "
                  f"digit sure, and {votes} of {len(monthlook.VARIANTS)} Thai readings of the ink between give {abbr} "
                  f"({' | '.join(readings)})")
        if head.after and not glued:  # the date takes the first token's place, the label stays as read
            fixes[head.after[0]] = Fix(written, reason)
        else:
            fixes[head.label] = Fix(f"{label} {written}", reason)
        fixes.update({k: Fix("", reason) for k in head.after if k not in fixes})
    return fixes
