"""Thai words Tesseract's ``tha+eng`` read as Latin letters, read again in Thai.

With both models loaded, Tesseract reads some short Thai words as Latin
junk inside a Thai line: the label ``ที่`` as ``NUN``, ``พ.ค.`` as ``WA.``,
``นั้น`` as ``Wu``, ``น.`` after a time as ``Ue``, ``โทร`` as ``Ins``. On the
analysis seeds 8-11 there were 568 tokens of 1-8 Latin letters on Thai
lines of the OCR against 207 in the truth (``QR Code``, ``Google Sheet``,
``Facebook``, ``TikTok``, parts of e-mail addresses).

The junk is read unsure; real English words are read sure by ``eng``. So a
Latin token on a line that carries Thai, read with less than ``MAX_CONF``,
is cropped; all of a page's crops are stacked into one strip (as
``ocr.missed`` does) and read in one more run of the Thai model alone. The
Thai reading replaces the Latin one only when it is Thai text and surer by
``MARGIN``. Pages without candidates cost nothing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from docintake.models import TextRepair
from docintake.text.lexicon import AGENCY_PREFIXES
from docintake.ocr import missed, tesseract
from docintake.ocr.digits import Fix
from docintake.ocr.tesseract import Token, union_box

MAX_CONF = 80.0  # a Latin token read surer than this is taken as English (QR, Google, e-mail parts)
MARGIN = 5.0  # the Thai reading must be this much surer than the Latin one
MIN_CONF = 80.0  # ... and this sure at least
OVERLAP = 2  # characters a reading shares with its neighbour's edge before they are taken as read twice
GROWTH = 2  # Thai letters per Latin letter, at most
MAX_LETTERS = 8  # longer Latin runs are English words or addresses, not a Thai word misread
LANG = "tha"
SLIVER = 0.4  # a box this much of a line high is no reading of a word's ink
TALL = 1.3  # a text line taller than this many usual line heights is not one line

# A token of Latin letters and the marks Tesseract puts among them (``A.W.``,
# ``'mun``); an address (@ / : digits) is never a Thai word read as Latin.
_LATIN_TOKEN = re.compile(r"[A-Za-z.'’,\-]*[A-Za-z][A-Za-z.'’,\-]*")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")
# What a Thai reading may hold: Thai letters, vowels, tone marks and dots (พ.ค.).
_THAI_WORD = re.compile("[\u0e01-\u0e4e. ]*[\u0e01-\u0e2e][\u0e01-\u0e4e. ]*")

_THAI_NUMBER = re.compile("[๐-๙]+([.,/][๐-๙]+)*")
_EDGE_MARKS = "'\"“”‘’|`,;:!?-_ "


@dataclass
class Candidate:
    index: int  # into the page's tokens
    box: tuple[int, int, int, int]  # the crop, in the prepared image
    more: tuple[int, ...] = ()  # the Latin tokens right after it: one Thai word read as several
    slot: bool = False  # read alone as a letter number's agency prefix (``prefix_slots``)


def candidates(toks: list[Token]) -> list[Candidate]:
    """Unsure Latin tokens on lines that carry Thai, with the box to read again.

    The crop spans the token's width and its whole text line's height, so the
    Thai vowels and tone marks above and below are in it.
    """
    thai_lines = {t.line for t in toks if _THAI_LETTER.search(t.text)}
    line_h = missed.line_height(toks)
    out = []
    for i, t in enumerate(toks):
        if t.line not in thai_lines or t.conf >= MAX_CONF or not _LATIN_TOKEN.fullmatch(t.text):
            continue
        if len(re.sub("[^A-Za-z]", "", t.text)) > MAX_LETTERS or not t.box[2] or not t.box[3]:
            continue
        prev = toks[i - 1] if i and toks[i - 1].line == t.line else None
        after = toks[i + 1] if i + 1 < len(toks) and toks[i + 1].line == t.line else None
        out.append(Candidate(i, _crop_box(t, prev, after, line_h)))
    return _joined(out, toks)


def prefix_slots(toks: list[Token], line_h: float) -> list[Candidate]:
    """Latin tokens where a letter number's agency prefix stands: two or three
    letters first or second on a line (after ``ที่``, itself often misread),
    with more ink after them (the number). A memo's number line written in by
    hand reads ``au ๗๙๒๒๙/๖๔๙`` for ``ที่ อบ ๗๙๒๒๙/๖๔๙``, sometimes sure (86,
    95): so any confidence, each read alone (joined to the digits it read as
    nothing), and kept only as a known prefix (``decide_prefix``)."""
    out = []
    for i, t in enumerate(toks):
        first = not i or toks[i - 1].line != t.line
        second = i and not first and (i < 2 or toks[i - 2].line != t.line)
        after = toks[i + 1] if i + 1 < len(toks) and toks[i + 1].line == t.line else None
        if not (first or second) or after is None or not t.box[2] or not 0 < t.box[3] <= TALL * line_h:
            continue  # (a box taller than a line is a picture: the Garuda read as ``Sa``)
        if _LATIN_TOKEN.fullmatch(t.text) and 2 <= len(re.sub("[^A-Za-z]", "", t.text)) <= 3:
            out.append(Candidate(i, t.box, slot=True))
    return out


def _joined(found: list[Candidate], toks: list[Token]) -> list[Candidate]:
    """Neighbouring candidates on one line as one crop: Thai has no spaces,
    so the Latin reading splits a word anywhere (``aan ideas`` for
    ``สิ่งที่ส่งมาด้วย``), and each piece alone reads as half a word or junk."""
    out: list[Candidate] = []
    for c in found:
        last = out[-1] if out else None
        end = last.more[-1] if last and last.more else last.index if last else -2
        if last and c.index == end + 1 and toks[c.index].line == toks[end].line:
            out[-1] = Candidate(last.index, union_box([last.box, c.box]), (*last.more, c.index))
        else:
            out.append(c)
    return out


def _crop_box(t: Token, prev: Token | None, after: Token | None, line_h: float) -> tuple[int, int, int, int]:
    """The token's width over its text line's height (a line taller than usual
    is two lines run together: then the token's own height).

    The box Tesseract gives a Latin word read out of Thai ink is sometimes a
    sliver (``Ve.`` for ``น.`` came as 9 by 2 pixels): then the gap between
    the words on either side, at most two line heights of it. Otherwise the
    token's own box, since its neighbours' Thai boxes are rough and would let
    their letters in.
    """
    x, y, w, h = t.box
    if h < SLIVER * line_h:
        reach = 2 * line_h
        left = max(prev.box[0] + prev.box[2], x - reach) if prev and prev.box[0] + prev.box[2] < x else x
        line_right = t.line_box[0] + t.line_box[2] if t.line_box[2] else x + w
        right = max(min(after.box[0] if after and after.box[0] > x + w else line_right, x + w + reach), x + w)
        x, w = int(left), int(right - left)
    ly, lh = t.line_box[1], t.line_box[3]
    if lh and lh <= TALL * line_h:
        y, h = min(y, ly), max(y + h, ly + lh) - min(y, ly)
    return x, y, w, h


def strip_boxes(found: list[Candidate], line_h: float) -> list[tuple[int, int, int, int]]:
    """The crops as ``missed.stack`` wants them: it pads every side by 0.3 line
    heights, which sideways would take in the next Thai word's letters (Thai
    has no spaces) and up and down the lines above and below; the crop already
    spans its line's marks, so the boxes go in smaller by most of that pad."""
    side, up = int(0.25 * line_h), int(0.2 * line_h)
    return [(x + side, y + (0 if c.slot else up), max(1, w - 2 * side), max(1, h - (0 if c.slot else 2 * up)))
            for c in found for x, y, w, h in [c.box]]


def decide(latin: Token, thai: str, conf: float) -> Fix | None:
    """The Thai reading of an unsure Latin token, when it is Thai and surer.

    Thai text is Thai letters (dots and spaces allowed: ``พ.ค.``, ``ที่ มท``)
    or a number in Thai digits, with at most ``GROWTH`` letters for each Latin
    one (a crop that took in its neighbours' ink reads long).
    """
    if "\n" in thai:  # the crop took in a line above or below
        return None
    thai = " ".join(thai.strip(_EDGE_MARKS).split())
    if not (_THAI_WORD.fullmatch(thai) or _THAI_NUMBER.fullmatch(thai)):
        return None
    if conf < max(MIN_CONF, latin.conf + MARGIN) or _spacing(thai) > GROWTH * _spacing(latin.text) + 1:
        return None
    reason = f"'{latin.text}' read as Latin (confidence {latin.conf:.0f}); the Thai model alone reads it surer ({conf:.0f})"
    return Fix(thai, reason)


# The reading of a prefix slot: ที่ (when the token held it too), two Thai
# consonants, and maybe the start of the number the crop took in.
_PREFIX_READING = re.compile("((?:ที่|ที) ?|ท )?([ก-ฮ]{2})( ?[๐-๙0-9].*)?")


def decide_prefix(latin: Token, lines: list[tuple[str, float]], first: bool) -> Fix | None:
    """A prefix slot's Thai reading when it is a known agency prefix read sure:
    the lexicon is the evidence, so the Latin reading's confidence does not
    count. ``lines``: each line the crop was read as, with its confidence (a
    tall box takes in the marks of the lines above and below: one line, and
    only one, must read as the prefix). ``first``: the token starts its line,
    so a ``ที่`` read in it (often without its marks: ``ท``) is kept."""
    found = [(m, conf) for text, conf in lines
             if (m := _PREFIX_READING.fullmatch(" ".join(text.strip(_EDGE_MARKS).split())))
             and m[2] in AGENCY_PREFIXES and conf >= MIN_CONF]
    if len(found) != 1:
        return None
    m, conf = found[0]
    text = f"ที่ {m[2]}" if m[1] and first else m[2]
    reason = (f"'{latin.text}' read as Latin (confidence {latin.conf:.0f}) where a letter number's prefix stands; "
              f"the Thai model alone reads the known prefix {m[2]} ({conf:.0f})")
    return Fix(text, reason)


def reading_lines(strip_toks: list[Token], tops: list[int]) -> list[list[tuple[str, float]]]:
    """For each stacked crop, the lines Tesseract read in it with their mean
    confidence (``missed.lines_of_strip`` joins them and averages over all)."""
    out: list[dict[int, list[Token]]] = [{} for _ in tops]
    for k, group in enumerate(missed.by_blob(strip_toks, tops)):
        for t in group:
            if t.text:
                out[k].setdefault(t.line, []).append(t)
    return [[(" ".join(t.text for t in ln), float(np.mean([max(t.conf, 0) for t in ln]))) for ln in crop.values()]
            for crop in out]


def trim_overlap(thai: str, before: str, after: str) -> str:
    """The Thai reading without the edge of a neighbouring word the crop took
    in: Tesseract's box for ``an`` covered only ``สิ่ง`` of ``สิ่งที่ส่งมาด้วย``,
    the crop read ``สิ่งที่``, and ``ที่ส่งมาด้วย`` follows. At least
    ``OVERLAP`` characters, and something must be left.

    >>> trim_overlap("สิ่งที่", "", "ที่ส่งมาด้วย"), trim_overlap("ที่ มท", "", "๐๘๑๐.๖/ว")
    ('สิ่ง', 'ที่ มท')
    """
    for n in range(len(thai) - 1, OVERLAP - 1, -1):
        if after.startswith(thai[-n:]) and thai[:-n].strip():
            return thai[:-n].rstrip()
    for n in range(len(thai) - 1, OVERLAP - 1, -1):
        if before.endswith(thai[:n]) and thai[n:].strip():
            return thai[n:].lstrip()
    return thai


def _spacing(text: str) -> int:
    """Letters and digits that take up width (Thai vowels and tones above and below do not)."""
    return sum(1 for ch in text if ch.isalnum() and unicodedata.category(ch) != "Mn")


def reread(image: np.ndarray, toks: list[Token], run) -> dict[int, Fix]:
    """token index -> Fix for the page's unsure Latin tokens read again as Thai.

    ``run(strip) -> list[Token]`` reads the stacked strip with the Thai model
    (``thai_reader``; tests stand in for it). The prefix slots go in a strip
    of their own: Tesseract reads a strip's crops differently with more crops
    in it (``พ.ศ.`` came back ``WA.`` once slots were added to its strip).
    """
    found, line_h = candidates(toks), missed.line_height(toks)
    slots = prefix_slots(toks, line_h)
    fixes = _read_words(image, toks, found, run, line_h) if found else {}
    return _with_slots(fixes, _read_slots(image, toks, slots, run, line_h) if slots else {}, found)


def _read_words(image: np.ndarray, toks: list[Token], found: list[Candidate], run, line_h: float) -> dict[int, Fix]:
    """The candidates' crops read in one strip, each kept by ``decide``."""
    strip, tops = missed.stack(image, strip_boxes(found, line_h), line_h)
    fixes: dict[int, Fix] = {}
    for cand, (text, conf) in zip(found, missed.lines_of_strip(run(strip), tops)):
        parts = [toks[i] for i in (cand.index, *cand.more)]
        latin = Token(" ".join(t.text for t in parts), 0, 0, parts[0].box, max(t.conf for t in parts), parts[0].line, [])
        prev = toks[cand.index - 1].text if cand.index and toks[cand.index - 1].line == latin.line else ""
        end = (cand.more or (cand.index,))[-1]
        after = toks[end + 1].text if end + 1 < len(toks) and toks[end + 1].line == latin.line else ""
        fix = decide(latin, trim_overlap(text, prev, after), conf) if text else None
        if fix is not None:
            fixes[cand.index] = fix
            fixes.update({i: Fix("", fix.reason) for i in cand.more})  # its text is in the first piece's
    return fixes


def _read_slots(image: np.ndarray, toks: list[Token], slots: list[Candidate], run, line_h: float) -> dict[int, Fix]:
    """The prefix slots' crops read in one strip, each kept by ``decide_prefix``."""
    strip, tops = missed.stack(image, strip_boxes(slots, line_h), line_h)
    out = {}
    for cand, lines in zip(slots, reading_lines(run(strip), tops)):
        first = not cand.index or toks[cand.index - 1].line != toks[cand.index].line
        fix = decide_prefix(toks[cand.index], lines, first)
        out.update({cand.index: fix} if fix else {})
    return out


def _with_slots(fixes: dict[int, Fix], slots: dict[int, Fix], found: list[Candidate]) -> dict[int, Fix]:
    """The prefix read in a slot wins over the joined reading that began there
    (that reading spans the number's digits, which the digit classifier reads)."""
    for c in found:
        if not c.slot and c.index in slots:
            for i in (c.index, *c.more):
                fixes.pop(i, None)
    return {**fixes, **slots}


def thai_reader(langs: str, dpi: int, digits=None, timeout: float = 180):
    """The strip reader for ``reread``: one run of Tesseract's Thai model alone,
    its numbers read again by our digit classifier (the Thai model has no
    ๔ ๖ ๗ ๘ ๙). None when the page is not read with both Thai and English:
    then no Thai word comes out as Latin."""
    if not {LANG, "eng"} <= set(langs.split("+")):
        return None

    def run(strip: np.ndarray) -> list[Token]:
        tsv, txt = tesseract.run_tesseract(strip, langs=LANG, dpi=dpi, psm=6, timeout=timeout)
        toks = tesseract.tokens(tsv, txt)
        for i, fix in (digits.correct(toks, strip, 1.0) if digits is not None else {}).items():
            toks[i].text = fix.text
        return toks

    return run


def repairs(toks: list[Token], fixes: dict[int, Fix]) -> list[TextRepair]:
    """Each replacement (this module's, and the month and urgency looks') as a
    text repair, so a clerk sees why the text differs from Tesseract's."""
    return [TextRepair(before=toks[i].text, after=fix.text, reason=fix.reason) for i, fix in sorted(fixes.items())]
