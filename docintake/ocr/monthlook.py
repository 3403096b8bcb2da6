"""A second look at a handwritten month between a date's day and year.

A memo's date (``วันที่ ๕ ส.ค. ๖๗``) and a receipt stamp's date are filled
in by hand; in ``tha+eng`` Tesseract reads the small handwritten month
abbreviation as Latin junk (``๑๙ AA. ๖๗``, ``๒๙ wen. ๖๗``, ``7 Nef. 68``),
which the parser can read only where exactly one month fits its glyphs.

Where a line holds a day (1-31), one to three tokens of Latin junk and
a year (two or four digits), the ink between day and year is cropped
from the upright page (in the year's band, without the specks of the
dotted line or ink cut by the crop's edges) and read again by the Thai
model alone as one line, at three sizes, its letters limited to those of
the twelve abbreviations. Each reading is matched against
``lexicon.MONTHS_ABBR``; the month replaces the junk only when two readings
name it and none names another (a crop of junk ink reads as nothing or as
scattered letters). Pages without such a date cost
nothing; a date costs a few Tesseract runs on a word-sized image.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import cv2
import numpy as np
from rapidfuzz.distance import Levenshtein

from docintake.ocr import tesseract
from docintake.ocr.digits import Fix
from docintake.ocr.tesseract import Token, to_page_box, union_box
from docintake.text import lexicon

# a dot after the day (``๑๐. ๒๕๖๗``): a speck of the month, or the clerk's pen lifted
_DAY = re.compile(r"([0-9๐-๙]{1,2})\.?")
# The day with the tail of the printed วันที่ label glued on (``ฮ๑๒``: the label
# read as ``Jun``, its last glyph as ฮ): the day is the digits at its end.
_GLUED_DAY = re.compile(r"[^\s0-9๐-๙]{1,2}([0-9๐-๙]{1,2})")
YEAR = re.compile("[0-9๐-๙]{2}|[0-9๐-๙]{4}")
_DIGIT = re.compile("[0-9๐-๙]")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
MAX_MIDDLE = 3  # tokens between day and year: a month read as up to three pieces of junk (Ae a. |)
MAX_LETTERS = 8  # a longer run is words, not a month abbreviation
ENGLISH_SURE = 85.0  # Tesseract's confidence above which an English month name is taken as printed
LOST = 1.2  # day-to-year gap, in the year's heights, wide enough for a month (a space is under half)
MIN_VOTES = 2  # readings that must name the month (of ``len(VARIANTS)``)
# Letters of the twelve abbreviations (and their dots): the Thai model, free,
# reads a handwritten ก or ค as any of a dozen rounder letters.
WHITELIST = "".join(sorted(set("".join(lexicon.MONTHS_ABBR))))
# (scale over the target height, binarised, page segmentation mode): one line
# at three sizes. A single-word reading (psm 8) lost the month to the edge of
# the year's first digit in the crop (seed 14); the sizes fail differently.
VARIANTS = ((1.0, True, 7), (0.75, True, 7), (1.5, True, 7))
TARGET_HEIGHT = 45  # pixels the token's box is brought to (about 300 dpi body text)
# How near the band an upper vowel's foot comes (a printed one stands wholly
# within this), and how far above the band a handwritten one may reach (seed 96:
# a ี from 0.49 to 0.04 heights above it; cut at a third of a height, มี.ค.
# was read ม.ค.). A printed month keeps the shorter crop: the taller one let
# the line above into a deadline's ธันวาคม (seed 96).
MARK = 1 / 3
HAND_REACH = 0.75

# A hand's ิ and ี differ by one short stroke that OCR takes or leaves (seed 63:
# มิ.ย. read มี.ย.): they compare as one, in exact comparisons only. Only มี.ค.
# and มิ.ย. hold either, and their last letters still tell them apart; one edit
# from ``มิค`` would make a stray ิ (``ธิ.ค.``) as near March as December.
_SARA_I = str.maketrans("ี", "ิ")
_ABBR = [a.translate(_SARA_I) for a in lexicon.MONTHS_ABBR]
# Abbreviations without dots, and the consonant-only form OCR leaves when it
# drops the upper vowel; a form two months share (มค: ม.ค., มี.ค.) names none.
_COMPACT: dict[str, set[int]] = {}
for _n, _abbr in enumerate(lexicon.MONTHS_ABBR, start=1):
    for _form in {_abbr.replace(".", ""), _MARKS.sub("", _abbr.replace(".", ""))}:
        _COMPACT.setdefault(_form, set()).add(_n)
_FOLDED_COMPACT = {form.translate(_SARA_I): months for form, months in _COMPACT.items()}


@dataclass
class Slot:
    day: int  # token indexes
    middle: tuple[int, ...]
    year: int


def _day_value(text: str) -> int:
    return int(text.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")))


def day_of(text: str) -> int | None:
    """The day a token holds (1-31): all digits, or digits after a glued speck of label."""
    m = _DAY.fullmatch(text) or _GLUED_DAY.fullmatch(text)
    if m is None:
        return None
    day = _day_value(m.group(m.lastindex or 0))
    return day if 1 <= day <= 31 else None


def slots(toks: list[Token], texts: list[str]) -> list[Slot]:
    """Day, the junk between, and year on one line: where a month was written
    by hand. ``texts``: each token's text after the digit corrections."""
    out = []
    for d, text in enumerate(texts):
        if day_of(text) is None:
            continue
        if (lost := _lost_month(toks, texts, d)) is not None:
            out.append(lost)
            continue
        for n in range(1, MAX_MIDDLE + 1):
            y = d + n + 1
            if y >= len(toks) or any(toks[k].line != toks[d].line for k in range(d, y + 1)):
                break
            middle = texts[d + 1 : y]
            if YEAR.fullmatch(texts[y].rstrip(".")):
                if _is_junk(middle) and not _english_month(middle, [toks[k].conf for k in range(d + 1, y)]):
                    out.append(Slot(d, tuple(range(d + 1, y)), y))
                break
    return out


def _lost_month(toks: list[Token], texts: list[str], d: int) -> Slot | None:
    """A day and a year side by side with a month's width of page between them:
    the month was written there and Tesseract read it as nothing (``๑๑ ๖๗``)."""
    y = d + 1
    if y >= len(toks) or toks[y].line != toks[d].line or not YEAR.fullmatch(texts[y].rstrip(".")):
        return None
    # from where the day's digits end: a day boxed with the month's ink (``๑๐.`` 106 px wide, seed 23)
    gap = toks[y].box[0] - day_end(toks[d])
    return Slot(d, (), y) if gap > LOST * toks[y].box[3] else None


def _english_month(middle: list[str], confs: list[float]) -> bool:
    """An English month Tesseract read sure (``3 March 2025``): a real date, left alone.

    >>> _english_month(["March"], [95.0]), _english_month(["Sept."], [91.0]), _english_month(["AA."], [95.0])
    (True, True, False)
    >>> _english_month(["Mar"], [40.0])  # unsure: a handwritten Thai month may read so
    False
    """
    word = "".join(middle).rstrip(".").lower()
    return word in lexicon.ENGLISH_MONTHS and min(confs, default=0.0) >= ENGLISH_SURE


def _is_junk(middle: list[str]) -> bool:
    """Short Latin junk, no number: what a handwritten month reads as. A Thai
    word between two numbers (``๑๐ คน ๒๐``) is text the whitelisted reading
    would bend into month letters; a damaged Thai month is the parser's."""
    joined = "".join(middle)
    return (not _DIGIT.search(joined) and not _THAI_LETTER.search(joined)
            and 0 < len(re.sub(r"[^\w]", "", joined)) <= MAX_LETTERS)


def _dotted(reading: str) -> set[int]:
    """The month whose abbreviation, dots in place, the reading holds, with at most
    one stray letter beside it (``ม.ค.เ``: the edge of the year's first digit).
    The dot after ม is what tells ม.ค. from มี.ค., where it follows the vowel;
    without the dots (``มค``) the two stay apart only by a vowel OCR may drop."""
    kept = re.sub("[^\u0e01-\u0e4e.]", "", reading).translate(_SARA_I)
    found = {n for n, abbr in enumerate(_ABBR, start=1) if abbr in kept}
    if len(found) != 1:
        return set()
    (n,) = found
    rest = kept.replace(_ABBR[n - 1], "", 1)
    return found if len(re.sub("[^\u0e01-\u0e4e]", "", rest)) <= 1 else set()


def is_compact_month(text: str) -> bool:
    """An abbreviation with its dots dropped, or its consonants alone (``มย``, ``มค``).

    >>> is_compact_month("มิ.ย."), is_compact_month("มค"), is_compact_month("วัน")
    (True, True, False)
    """
    return text.replace(".", "") in _COMPACT


def reading_months(reading: str) -> set[int]:
    """Months a Thai reading of the crop names: an abbreviation with its dots, or
    its letters (dots dropped) are an abbreviation, or one edit from exactly one
    abbreviation and two from the rest."""
    if dotted := _dotted(reading):
        return dotted
    compact = re.sub("[^\u0e01-\u0e4e]", "", reading)
    if not compact or len(compact) > 4:
        return set()
    if compact in _COMPACT:
        return set(_COMPACT[compact])
    if compact.translate(_SARA_I) in _FOLDED_COMPACT:
        return set(_FOLDED_COMPACT[compact.translate(_SARA_I)])
    near = {form: Levenshtein.distance(compact, form) for form in _COMPACT}
    ones = [form for form, d in near.items() if d == 1]
    if len(ones) == 1 and len(compact) >= 2:
        return set(_COMPACT[ones[0]])
    return set()


def decide(readings: list[str], months_of=None) -> tuple[int, int] | None:
    """(month, votes) when at least ``MIN_VOTES`` readings name one month and no
    reading names another; None otherwise (the text stays as Tesseract read it).
    ``months_of(reading)``: the months a reading names (``reading_months``, an
    abbreviation's, unless another look reads full names too)."""
    named = [(months_of or reading_months)(r) for r in readings]
    votes: dict[int, int] = {}
    for months in named:
        for m in months:
            votes[m] = votes.get(m, 0) + 1
    if len(votes) != 1:
        return None
    ((month, count),) = votes.items()
    return (month, count) if count >= MIN_VOTES and all(len(m) <= 1 for m in named) else None


def month_box(toks: list[Token], slot: Slot) -> tuple[int, int, int, int]:
    """Where the month was written: across, from the day's right edge to the
    year's left edge; down, the year's band (the clerk writes day, month and
    year on one dotted line, and Tesseract's boxes of the junk between are
    rough: ``Ae a. |`` spanned the stamp's line above)."""
    day, year = toks[slot.day].box, toks[slot.year].box
    left, right = day_end(toks[slot.day]), year[0]
    if right - left < year[3] // 2:  # day and year overlap: the junk's own boxes
        return union_box([toks[i].box for i in slot.middle])
    # a year boxed on the dotted line (2 px high, seed 13) gives no band: the day's then; a
    # day's box may reach up to a tall mark (seed 18: 52 px for a 20 px year), so not otherwise
    band = year if year[3] >= day[3] // 4 else day
    return left, band[1], right - left, band[3]


def day_end(tok: Token) -> int:
    """The day's right edge; where Tesseract read the month's first letters into
    the day's token (``๓ต.``, the digit fix keeps only the ๗), the left edge of
    the first of them, from its character boxes (Thai tokens have one a character)."""
    x, _, w, _ = tok.box
    digits = len(tok.text) - len(tok.text.lstrip("0123456789๐๑๒๓๔๕๖๗๘๙"))
    if 0 < digits < len(tok.text) and len(tok.boxes) == len(tok.text):
        return tok.boxes[digits][0]
    return x + w


def crops(upright: np.ndarray, box: tuple[int, int, int, int], reach: float = MARK) -> list[np.ndarray]:
    """The month's ink (box in page pixels) as each of ``VARIANTS`` reads it.

    ``reach`` heights above for the upper vowels of มี.ค. and มิ.ย. (``HAND_REACH``
    for a month written by hand, which sets them high), of which only ink that comes
    down within ``MARK`` of the band is kept; little below, where the dotted line
    the clerk wrote on runs."""
    x, y, w, h = box
    side = int(0.3 * h)
    top = max(0, y - int(reach * h))
    crop = upright[top : y + h + h // 7, max(0, x - side) : x + w + side]
    if crop.size == 0:
        return []
    _, binary = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    binary = _without_specks_and_edges(binary, h, y - top - int(MARK * h))
    out = []
    for factor, binarised, _ in VARIANTS:
        f = float(np.clip(factor * TARGET_HEIGHT / max(h, 1), 0.5, 3.0))
        img = cv2.resize(binary if binarised else crop, None, fx=f, fy=f, interpolation=cv2.INTER_CUBIC)
        out.append(cv2.copyMakeBorder(img, 30, 30, 30, 30, cv2.BORDER_CONSTANT, value=255))
    return out


def read_crops(upright: np.ndarray, box: tuple[int, int, int, int], run, reach: float = MARK) -> list[str]:
    """What ``run(image, psm)`` reads in each of ``crops``' images of ``box``."""
    return [run(img, psm) for img, (_, _, psm) in zip(crops(upright, box, reach), VARIANTS)]


SPECK = 0.08  # of the written line's height: a dotted line's dots (the abbreviation's own dots are twice that)


def _without_specks_and_edges(binary: np.ndarray, h: int, above: int = 0) -> np.ndarray:
    """The crop without the dotted line the clerk wrote on, without ink cut
    by its top or bottom edge and without ink wholly above row ``above`` (the
    lines above and below): Tesseract reads them as letters."""
    n, labels, stats, _ = cv2.connectedComponentsWithStats(255 - binary, connectivity=8)
    out = binary.copy()
    for k in range(1, n):
        left, top, w, hh, _ = stats[k]
        cut = top == 0 or top + hh >= binary.shape[0] or top + hh <= above
        if max(w, hh) < SPECK * h or cut:
            out[labels == k] = 255
    return out


def second_look(upright: np.ndarray, scale: float, toks: list[Token], texts: list[str], run,
                prior: dict[int, Fix] | None = None) -> dict[int, Fix]:
    """token index -> Fix for each handwritten month read again as a month.

    ``run(image, psm) -> str`` reads a crop with the Thai model (``reader``;
    tests stand in for it); token boxes are in prepared pixels, ``scale``
    prepared pixels per page pixel; ``prior``: the fixes so far (a month read
    as nothing goes before the year, which keeps its digits' fix)."""
    fixes: dict[int, Fix] = {}
    for slot in slots(toks, texts):
        page_box = to_page_box(month_box(toks, slot), scale)
        images = crops(upright, page_box, HAND_REACH)
        if not slot.middle and (not images or images[0].min() > 127):  # blank page between: nothing to read
            continue
        readings = [run(img, psm) for img, (_, _, psm) in zip(images, VARIANTS)]
        found = decide(readings)
        if found is None:
            continue
        month, votes = found
        junk = " ".join(texts[i] for i in slot.middle)
        abbr = lexicon.MONTHS_ABBR[month - 1]
        reason = (f"handwritten month read as {repr(junk) if junk else 'nothing'} between day and year, read again alone in Thai: "
                  f"{votes} of {len(VARIANTS)} readings give {abbr} ({' | '.join(readings)})")
        if not slot.middle:
            fixes[slot.year] = put_before(prior or {}, texts, slot.year, abbr, reason)
            continue
        fixes[slot.middle[0]] = Fix(abbr, reason)
        fixes.update({i: Fix("", reason) for i in slot.middle[1:]})
    return fixes


def put_before(prior: dict[int, Fix], texts: list[str], i: int, word: str, reason: str) -> Fix:
    """Token ``i`` with ``word`` read before it, keeping the fix ``prior`` made
    to its own text (a year's or a code's digits) and that fix's reason."""
    own = prior.get(i) or Fix(texts[i], "")
    return replace(own, text=f"{word} {texts[i]}", reason="; ".join(r for r in (own.reason, reason) if r))


def reader(timeout: float = 30):
    """``run(image, psm) -> text``: the Thai model alone, letters limited to ``WHITELIST``."""
    return tesseract.thai_reader(WHITELIST, timeout)
