"""A second look at a body deadline's date where Tesseract read the cue but
garbled or dropped the date after it (``ภายในวันที่ วภาคม พ.ศ. ๒๕๖๗`` for
``ภายในวันที่ ๗ พฤษภาคม พ.ศ. ๒๕๖๗``, ``ก่อนวันที่ ๒๘ A.A. ๖๘`` for ``๒๘ ก.ค.
๖๘``, ``... ภายใน`` ending a line whose ``วันพุธที่ ๕ มี`` Tesseract left out).

A deadline cue (``lexicon.DEADLINE_CUES``) is followed by ``[วัน[weekday]ที่]
<day> <month> [พ.ศ.] <year>``, which a long sentence may wrap onto the next
line. Where a cue was read and the words after it (to the line's end, and on
the next line up to its first year) hold no date the parser can read, the ink
right of the cue to the line's end and, when that holds no year, the next
line's ink from the body's left margin to Tesseract's first year there, is
read again: our digit classifier reads the glyphs (label letters surely no
digit, one or two sure digits for the day, letters for the month, two or four
sure digits for the year); the Thai model reads the label's ink and the
month's ink alone at ``monthlook``'s sizes, two readings agreeing on one
month of the table and none naming another. Only that whole shape is taken,
with a day that fits the month, and only where what Tesseract read of day,
month and year does not name another; anything else stays as read. The
lines to look at, and the tokens that stay as read, are ``ocr.deadcue``'s.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

import numpy as np
from rapidfuzz.distance import Levenshtein

from docintake.ocr import memomonth, monthlook, rewrite, tesseract
from docintake.ocr.deadcue import CUE, LABELS, NUM, Head, heads
from docintake.ocr.digits import SURE_DIGIT, Fix
from docintake.ocr.memotail import no_digit
from docintake.ocr.tesseract import Token, to_page_box, union_box
from docintake.text import lexicon
from docintake.text.normalize import thai_to_arabic_digits

_ERA = re.compile(r"พ\.?\s*ศ\.?$")
# Letters of the labels, the months (both forms) and the era: what the Thai readings may print.
WHITELIST = "".join(sorted(set("".join(LABELS + lexicon.MONTHS + lexicon.MONTHS_ABBR) + "พ.ศ.")))


@dataclass
class Glyph:
    char: str
    p: float
    zone: int  # 0: right of the cue, 1: the next line
    box: tuple[int, int, int, int]  # page px


def _zones(upright: np.ndarray, scale: float, toks: list[Token], head: Head) -> list[tuple[int, int, int, int]]:
    """Page boxes of the ink to read: right of the cue to the line's ink end; the next
    line from the body's left margin to the right edge of Tesseract's year there."""
    _, top, _, height = to_page_box(toks[head.cue].line_box, scale)
    left = int(round(head.cut / scale))
    end = memomonth.ink_end(upright, left, top, height) if head.stop is None else int(round(head.stop / scale))
    out = [(left, top, max(end - left, 1), height)]
    if head.below:
        year = to_page_box(toks[head.below[-1]].box, scale)
        _, top, _, height = to_page_box(toks[head.below[0]].line_box, scale)
        margin = _margin(toks, scale) - height // 2
        out.append((margin, top, year[0] + year[2] + height // 4 - margin, height))
    return out


def _margin(toks: list[Token], scale: float) -> int:
    """Page x of the body's left margin: where most lines start (a line's first word may be lost)."""
    starts: dict[int, int] = {}
    for t in toks:
        starts[t.line] = min(starts.get(t.line, t.box[0]), t.box[0])
    return int(round(float(np.percentile(list(starts.values()), 10)) / scale))


def glyphs(model, upright: np.ndarray, zones: list[tuple[int, int, int, int]]) -> list[Glyph]:
    """The classifier's glyphs of each zone, left to right, those centred left of it left out."""
    out = []
    for z, box in enumerate(zones):
        read = rewrite.read_blob(model, upright, box) if box[2] > box[3] // 2 else None
        if read is None:
            continue
        x0, y0 = rewrite.blob_origin(box)
        out += [Glyph(c, p, z, (x0 + g.x, y0 + g.y, g.w, g.h)) for (c, p), g in zip(*read)
                if x0 + g.x + g.w / 2 > box[0] and x0 + g.x < box[0] + box[2]]
    return out


@dataclass
class Shape:
    day_at: int  # glyph indexes: the day's first digit, the month's first glyph, the year's first digit
    month_at: int
    year_at: int
    day: str
    year: str


def _sure(g: Glyph) -> bool:
    return g.char.isdigit() and g.p >= SURE_DIGIT


def shape(gs: list[Glyph], lettered: int = 0) -> Shape | None:
    """Label glyphs surely no digit (maybe none; the first ``lettered`` whatever
    the classifier read), a day of one or two sure digits, month glyphs surely
    no digit and not dots alone, a year of two or four sure digits (``๒๕..``),
    a full stop after it at most; None for any other reading."""
    end = len(gs) - (1 if gs and gs[-1].char == "." else 0)
    k = lettered
    while k < end and no_digit(gs[k].char, gs[k].p):
        k += 1
    m = k
    while m < end and m - k < 3 and _sure(gs[m]):
        m += 1
    y = end
    while y > m and _sure(gs[y - 1]):
        y -= 1
    day, year = ("".join(g.char for g in gs[a:b]) for a, b in ((k, m), (y, end)))
    if not 1 <= len(day) <= 2 or not 1 <= int(thai_to_arabic_digits(day)) <= 31:
        return None
    if not (len(year) == 2 or len(year) == 4 and thai_to_arabic_digits(year).startswith("25")):
        return None
    middle = gs[m:y]
    if not middle or not all(no_digit(g.char, g.p) for g in middle) or all(g.char == "." for g in middle):
        return None
    return Shape(k, m, y, day, year)


def _band(gs: list[Glyph]) -> tuple[int, int, int, int] | None:
    """Page box of some glyphs, a third higher: their boxes may leave out a vowel
    above (มี.ค. read as ม.ค., seed 28); a line's box would take in the line above."""
    if not gs:
        return None
    x, y, w, h = union_box([g.box for g in gs])
    return x, y - h // 3, w, h + h // 3


def _read(upright: np.ndarray, gs: list[Glyph], zones, run) -> list[str]:
    """The Thai readings of some glyphs' ink at ``monthlook``'s sizes ('' each when none)."""
    box = _band(gs)
    if box is None:
        return [""] * len(monthlook.VARIANTS)
    return monthlook.read_crops(upright, box, run)


def months_named(reading: str) -> set[int]:
    """Months a reading of a date's month (and era) names: a full name of the table,
    or one edit from exactly one, or an abbreviation as ``monthlook`` reads one."""
    text = _ERA.sub("", re.sub(r"\s", "", reading))
    if text in lexicon.MONTHS:
        return {lexicon.MONTHS.index(text) + 1}
    near = [n for n, name in enumerate(lexicon.MONTHS, start=1) if Levenshtein.distance(text, name) <= 1]
    if len(text) >= 5 and near:
        return set(near) if len(near) == 1 else set()
    return monthlook.reading_months(text)


def decide_month(readings: list[str]) -> tuple[int, int] | None:
    """(month, votes): two readings name it (``months_named``) and none names another."""
    return monthlook.decide(readings, months_named)


def _label(readings: list[str], held: str) -> str | None:
    """The label the readings of its ink give, with what the cue's token holds of it
    (``วันพุธ`` + ``ที่``): two readings agreeing, marks aside, a letter before its
    ว aside (the crop's edge takes the cue's last stroke); None otherwise."""
    bare = [memomonth.skeleton(held + re.sub(r"^[^ว]?(?=ว)", "", re.sub(r"\s", "", r))) for r in readings]
    found = [lab for lab in LABELS if bare.count(memomonth.skeleton(lab)) >= 2]
    return found[0][len(held):] if len(found) == 1 and found[0].startswith(held) else None


MAX_LETTERED = 3  # glyphs a label read as digits may take: วัน, ที่ and a glyph cut from them


def _label_as_letters(texts: list[str], head: Head) -> bool:
    """Tesseract read letters where the label stands: no label in the cue's token,
    and the first word after it holds no digit and names no month, a date after it
    (seed 109: ``ภายใน Tui oo ตุลาคม``). Our classifier may read the label's glyphs
    as sure digits there (วัน's น as ๗); ``second_look`` then tries the first one
    to three glyphs as the label, taken only if the Thai model reads them as one."""
    cue = texts[head.cue]
    if head.label or head.kept != cue or list(CUE.finditer(cue))[-1].end() != len(cue) or len(head.after) < 2:
        return False
    first = texts[head.after[0]]
    return not (re.search(NUM, first) or months_named(first) or CUE.search(first))


@dataclass
class Found:
    label: str  # the label's text read (empty: none in the ink)
    day: str
    month: int
    era: bool
    year: str
    votes: int
    readings: list[str]
    split: tuple[str, str] | None = None  # an abbreviation cut by the line's end, as its pieces read


def read_date(upright: np.ndarray, gs: list[Glyph], zones, held: str, run,
              lettered: int = 0) -> tuple[Found, Shape] | None:
    """The whole date the glyphs hold (label, day, month, era, year), or None."""
    if (sh := shape(gs, lettered)) is None:
        return None
    label = ""
    if sh.day_at:
        if len({g.zone for g in gs[: sh.day_at]}) > 1:
            return None
        label = _label(_read(upright, gs[: sh.day_at], zones, run), held)
        if label is None:
            return None
    middle = gs[sh.month_at : sh.year_at]
    parts = [_read(upright, [g for g in middle if g.zone == z], zones, run) for z in (0, 1)]
    readings = [a + b for a, b in zip(*parts)]
    if (month := decide_month(readings)) is None:
        return None
    era = sum(bool(_ERA.search(re.sub(r"\s", "", r))) for r in readings) >= monthlook.MIN_VOTES
    return Found(label, sh.day, month[0], era, sh.year, month[1], readings, _split(parts, month[0])), sh


def _split(parts: list[list[str]], month: int) -> tuple[str, str] | None:
    """The abbreviation as the line's end cut it (``มี.`` | ``ค.``), when the readings
    of both pieces agree on it; None for a month on one line."""
    if not all(any(p) for p in parts):
        return None
    pieces = [re.sub(r"\s", "", max(set(p), key=p.count)) for p in parts]
    return (pieces[0], pieces[1]) if "".join(pieces) == lexicon.MONTHS_ABBR[month - 1] else None


def fits(found: Found, held: str, original: str) -> bool:
    """A day the month has, on the weekday the label names, and nothing Tesseract
    read naming another day, month or year."""
    year = int(thai_to_arabic_digits(found.year))
    year = (year if year > 100 else 2500 + year) - 543
    day = int(thai_to_arabic_digits(found.day))
    if day > calendar.monthrange(year, found.month)[1]:
        return False
    named = [n for n, w in enumerate(lexicon.WEEKDAYS) if w in held + found.label]
    if named and dt.date(year, found.month, day).weekday() != named[-1]:
        return False
    words = [w for w in (w.strip(".'<-") for w in original.split()) if w]
    numbers = [n for n, w in enumerate(words) if re.search(NUM, w)]
    day = [words[n] for n in numbers[:1] if n < len(words) - 1 or len(numbers) > 1]
    year = [words[n] for n in numbers[-1:] if n > 0 and (len(numbers) > 1 or not day)]
    read = [thai_to_arabic_digits(x) for x in (found.day, found.year)]
    if any((m := re.match(NUM + "+", d)) and thai_to_arabic_digits(m.group()) != read[0] for d in day):
        return False  # a day Tesseract read as another number
    if any(re.fullmatch(NUM + "+", y) and thai_to_arabic_digits(y) != read[1] for y in year):
        return False
    named = {n for w in original.split() for n in months_named(w)}
    return not named - {found.month}


def _texts(found: Found, gs: list[Glyph], sh: Shape) -> list[str]:
    """The date's text in each zone, every part where its ink is (a month cut by the
    line's end is written whole where it starts)."""
    out = ["", ""]
    month = (lexicon.MONTHS_ABBR if _abbreviated(found) else lexicon.MONTHS)[found.month - 1]
    parts = [(gs[0].zone if sh.day_at else None, found.label), (gs[sh.day_at].zone, found.day),
             (gs[sh.month_at].zone, month), (gs[sh.year_at - 1].zone if found.era else None, "พ.ศ."),
             (gs[sh.year_at].zone, found.year)]
    if found.split and gs[sh.month_at].zone == 0:
        parts[2:3] = [(0, found.split[0]), (1, found.split[1])]
    for zone, text in parts:
        if zone is not None and text:
            out[zone] = f"{out[zone]} {text}" if out[zone] else text
    return out


def _abbreviated(found: Found) -> bool:
    """The readings name the month by its abbreviation (dots, or its few letters)."""
    short = [r for r in found.readings if len(_ERA.sub("", re.sub(r"\s", "", r))) <= 5]
    return len(short) * 2 > len(found.readings)


def second_look(model, upright: np.ndarray, scale: float, toks: list[Token], texts: list[str], run) -> dict[int, Fix]:
    """token index -> Fix: the date after a deadline cue, read again where the parser could not read it."""
    fixes: dict[int, Fix] = {}
    for head in heads(toks, texts):
        held = head.kept[list(CUE.finditer(head.kept))[-1].end():] + "".join(texts[k] for k in head.label)
        original = " ".join([texts[head.cue][len(head.kept):]] + [texts[k] for k in head.after + head.below])
        zones = _zones(upright, scale, toks, head)
        gs = glyphs(model, upright, zones)
        read = read_date(upright, gs, zones, held, run)
        for lettered in range(1, MAX_LETTERED + 1) if read is None and _label_as_letters(texts, head) else ():
            if (read := read_date(upright, gs, zones, held, run, lettered)) is not None:
                break  # the fewest glyphs the Thai model reads as the label: a day's digit is no label's
        if read is None or not fits(read[0], held, original):
            continue
        found, sh = read
        first, second = _texts(found, gs, sh)
        reason = (f"deadline: after the cue {texts[head.cue]!r}, {original.strip()!r} where its date must be; the digit "
                  f"classifier reads the ink after it{' and the next line' if head.below else ''} as the day "
                  f"{found.day} and the year {found.year}, every digit sure, and {found.votes} of "
                  f"{len(monthlook.VARIANTS)} Thai readings of the ink between give "
                  f"{lexicon.MONTHS[found.month - 1]} ({' | '.join(found.readings)})")
        glued = bool(found.label) and gs[0].box[0] - zones[0][0] < 0.3 * zones[0][3]
        anchor, kept = (head.label[-1], texts[head.label[-1]]) if head.label else (head.cue, head.kept)
        if kept != texts[anchor] or (first and not head.after):
            fixes[anchor] = Fix(kept + ("" if glued else " ") + first if first else kept, reason)
            fixes.update({k: Fix("", reason) for k in head.after})
            _cover(toks, anchor, gs, 0, scale)
        elif head.after:
            fixes.update({k: Fix(first if n == 0 else "", reason) for n, k in enumerate(head.after)})
            _cover(toks, head.after[0], gs, 0, scale)
        fixes.update({k: Fix(second if n == 0 else "", reason) for n, k in enumerate(head.below)})
        if head.below:
            _cover(toks, head.below[0], gs, 1, scale)
    return fixes


def _cover(toks: list[Token], k: int, gs: list[Glyph], zone: int, scale: float) -> None:
    """Where Tesseract left some of the date's ink out of every word of its line, the
    token that takes that line's part of the date takes the ink's width (prepared px),
    so ``ocr.missed`` does not read that ink again as a line left out (``วันพุธ`` twice,
    seed 28). Ink its words cover stays as boxed: a box wider than its text reads as
    a line run together (``ocr.missed.run_together``)."""
    boxes = [tuple(int(round(v * scale)) for v in g.box) for g in gs if g.zone == zone]
    words = [t.box for t in toks if t.line == toks[k].line]
    if any(not any(w[0] <= b[0] + b[2] / 2 <= w[0] + w[2] for w in words) for b in boxes):
        x, _, w, _ = union_box(boxes)
        tok = toks[k]
        tok.box = union_box([tok.box, (x, tok.box[1], w, tok.box[3])])


def reader(timeout: float = 30):
    """``run(image, psm) -> text``: the Thai model alone, letters limited to ``WHITELIST``."""
    return tesseract.thai_reader(WHITELIST, timeout)
