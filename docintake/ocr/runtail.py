"""A handwritten running number read again in its own box.

The running number of a letterhead (``ที่ นศ ๐๐๒๓.๑๗/๑๔๖๘``) or a memo
(``ที่ สข ๗๖๙๒๔/๔๕๙``) is often written in by hand after the printed code and
slash, in bigger, wider glyphs than the print. ``ocr.numbers`` cuts the whole
line into glyphs, and ``glyphs._split_wide`` judges "too wide for one glyph"
by the line's print: a handwritten ๘ or ๙, whose tail rises to the right,
is then cut in two, a body read as ๓ or as no digit and a tail read as ``/``.
The number comes out one digit short (``/๑๔๖``) or with a wrong digit
(``/๔๕๓``, ``/ว ๓๕๑``): a WRONG number, which loses the letter's identity.

Read alone, in the box Tesseract gave the running number (widened to the
right up to the next word: the box may stop short of a ๘'s tail), the glyphs
are cut by their own size and read whole. That reading is taken when every glyph is
a sure digit of one script (``digits.SURE_DIGIT``) and the same ink read at a
second scale gives the same digits; otherwise nothing changes.

Measured on every letter's first page of seeds 8-29 (802 running numbers):
it mends 3 wrong ones (s21 ๑๔๖ -> ๑๔๖๘, s28 ๓๕๑ -> ๓๘๑, s29 ๔๕๓ -> ๔๕๙) and
changes no right one. It does not withhold a number when the two readings
disagree: read alone, a printed ๑ is often no sure digit (77 right numbers),
while no wrong one was found that a disagreement alone would have caught.

Only where the printed code ends Tesseract's token at its slash (``๐๐๒๓.๑๔/``,
``๐๐๒๓.๑๔/ว``, ``๗๖๙๒๔/``) after an agency's prefix, and the running number is
the one token between it and the next word: a number Tesseract split in two
tokens, or followed by a lone speck, is ``ocr.headstrays``' and
``ocr.memonumber``'s. The token may hold signs as Tesseract read it (seed 118:
``๓๑๕“90`` for ๒๑๕๖): such a reading is no count of digits, so the box's may
have fewer. Where the digit fixes glued the running token to the code and read
signs among its digits (seed 127: ``๐๐๒๓.๑๓/๑๓๓/๖`` for /๑๓๙๖), the running
token's box is read alone too; and where a handwritten glyph comes apart at
page size, the second scale's reading is taken when it is Tesseract's own
(``๑๐๕๓``, which the line's reading had made ``๑๐/.๓``).
"""

from __future__ import annotations

import re
from dataclasses import replace

import cv2
import numpy as np

from docintake.ocr.glyphs import ink_mask, segment
from docintake.ocr.digits import ARABIC_DIGITS, SURE_DIGIT, THAI_DIGITS, Fix
from docintake.ocr.tesseract import Token, to_page_box, union_box
from docintake.text import lexicon

_D = "[0-9๐-๙]"
SLASH_END = ("/", "ว")  # Tesseract's code token ends at the slash (a circular's ว): its box holds no running digit
LETTERHEAD_CODE = re.compile(f"{_D}{{4}}\\.{_D}{{1,3}}/")  # ``๐๐๒๓.๑๔/``: a document number wherever it stands
# the same after the digit fixes, with the running digits they glued to it
CODE_AND_RUN = re.compile(f"(?P<code>{_D}{{2,5}}(\\.{_D}{{1,3}}){{0,2}}/ ?ว? ?)(?P<run>{_D}{{0,5}})")
# Tesseract's reading of a handwritten running number: digits and look-alike strokes, one digit at least
NUMBERISH = re.compile(r"(?=.*[0-9๐-๙])[0-9๐-๙.,/'\"“”‘’|\-]{1,7}")
RUNNING = re.compile(f"{_D}{{1,5}}")
# the digit fixes glued the running token to the code and read a handwritten digit as signs
# (seed 127: ``๐๐๒๓.๑๘/๑๐/.๓`` for /๑๐๕๓, the ๕ cut into ``/.``; ``/๑๓๓/๖`` for /๑๓๙๖;
# seed 134: ``/๖๘@@”`` for /๖๘๙, a ๙'s loops read as at signs and its tail as a quote)
GLUED_SPOILT = re.compile(f"(?P<code>{_D}{{2,5}}(\\.{_D}{{1,3}}){{0,2}}/ ?ว? ?)(?P<run>{_D}[0-9๐-๙/.,@'\"“”‘’]{{1,6}})")
STRAY = re.compile(r"[^\sก-๙0-9A-Za-z]{1,3}")  # signs alone: no letter, no digit
SPECK = 0.5  # of the tallest glyph read: a smaller one is dust (digits of one hand: ๑ is 0.7 of ๔)
SECOND_SCALE = 0.8  # the ink read again at this size: a cut only one scale makes is no reading (0.7 loses a 200-dpi ๓)


def _prefixed(toks: list[Token], texts: list[str], n: int) -> bool:
    """An agency's prefix right before token n, on its line (a fix may have glued ที่ to it)."""
    last = texts[n - 1].split()[-1:] if n >= 1 else []
    return bool(last) and toks[n - 1].line == toks[n].line and last[0].strip(".") in lexicon.AGENCY_PREFIXES


def _number_line(toks: list[Token], texts: list[str], n: int) -> bool:
    """Token n is a document number's code: a letterhead's shape (a dot in it), or a
    memo's five digits after an agency's prefix (the prefix may still be misread:
    ``ocr.prefixlook`` comes later)."""
    return LETTERHEAD_CODE.match(texts[n]) is not None or _prefixed(toks, texts, n)


def _numberish(toks: list[Token], k: int, line: int) -> bool:
    return k < len(toks) and toks[k].line == line and NUMBERISH.fullmatch(toks[k].text) is not None


def _as_read_or_digits(read: str, now: str) -> bool:
    """The running token's text is digits, or Tesseract's reading left as it was (seed
    118: ``๓๑๕“90`` for a handwritten ๒๑๕๖, which the digit fixes did not touch)."""
    return now == "" or RUNNING.fullmatch(now) is not None or now == read


def running_lines(toks: list[Token], texts: list[str]) -> list[tuple[int, str | None, str]]:
    """(running token, the code token's text when the digit fixes glued running digits
    to it, the running digits as now read) for each number line whose code token ends
    at its slash, followed by one number-like token."""
    out = []
    for n in range(1, len(toks) - 1):
        k, line = n + 1, toks[n].line
        if not toks[n].text.rstrip(lexicon.LEADER_DOTS).endswith(SLASH_END) or not _number_line(toks, texts, n):
            continue  # (a leader's dot after the slash: ``๐๐๒๓.๑๕/.``, seed 127)
        if (spoilt := _glued_spoilt(toks, texts, n)) is not None:
            out.append(spoilt)
            continue
        if not _numberish(toks, k, line) or _numberish(toks, k + 1, line):
            continue  # no running token, or a number in two tokens (or a speck after it)
        if k + 1 < len(toks) and toks[k + 1].line == line and texts[k + 1] == "":
            continue  # the fixes took the next token into the number (a ๘ Tesseract read as ``a/``) or dropped it
        now = CODE_AND_RUN.fullmatch(texts[n])
        if now is None or (texts[k] and now["run"]) or not _as_read_or_digits(toks[k].text, texts[k]):
            continue  # the fixes made something else of them: not ours to judge
        out.append((k, now["code"] if now["run"] else None, now["run"] + texts[k]))
    return out


def _glued_spoilt(toks: list[Token], texts: list[str], n: int) -> tuple[int, str, str] | None:
    """(running token, code, the running part now) when the digit fixes glued the running
    token after code token n into it (emptied it) and read signs among its digits, the
    office's name or the line's end right after; else None."""
    k = n + 1
    m = GLUED_SPOILT.fullmatch(texts[n])
    if m is None or texts[k] != "" or toks[k].line != toks[n].line or RUNNING.fullmatch(m["run"]):
        return None
    after = k + 1 < len(toks) and toks[k + 1].line == toks[n].line
    return (k, m["code"], m["run"]) if not after or not _numberish(toks, k + 1, toks[n].line) else None


def sure_digits(reading: list[tuple[str, float]], sure: float = SURE_DIGIT) -> str | None:
    """The digits of a reading whose every glyph is a digit of one script read with
    p >= ``sure``, else None."""
    if not 1 <= len(reading) <= 5 or any(q < sure for _, q in reading):
        return None
    digits = "".join(c for c, _ in reading)
    return digits if all(c in THAI_DIGITS for c in digits) or all(c in ARABIC_DIGITS for c in digits) else None


def room(box: tuple[int, int, int, int], left: int, right: int) -> tuple[int, int, int, int]:
    """The page region (x0, y0, x1, y1) read for a running number's box: padded by a third
    of its height, to the right up to one height more (Tesseract's box may stop short of a
    ๘'s rising tail, or of a last digit it lost), but never into its neighbours' boxes
    (``left``, ``right``: their edges).

    >>> room((100, 50, 60, 30), 80, 400), room((100, 50, 60, 30), 95, 170)
    ((91, 41, 190, 89), (95, 41, 170, 89))
    """
    x, y, w, h = box
    pad = int(0.3 * h)
    return max(0, left, x - pad), max(0, y - pad), min(right, x + w + h), y + h + pad


def read_alone(model, page: np.ndarray, region, band: tuple[int, int]) -> list[tuple[str, float]] | None:
    """The classifier's reading of the ink in ``region`` alone, glyphs cut in ``band``
    (rows of the region); None without ink or with a glyph under ``SPECK`` of the
    tallest (dust is no digit, and a digit of the number is not that small)."""
    x0, y0, x1, y1 = region
    mask = ink_mask(page[y0:y1, x0:x1])
    if mask is None:
        return None
    reading, kept = model.read(segment(mask, band=band))
    if not kept or min(g.h for g in kept) < SPECK * max(g.h for g in kept):
        return None
    return reading


def read_twice(model, upright: np.ndarray, region, band: tuple[int, int]) -> tuple[str | None, str | None]:
    """The region's digits read alone at page size (None: not all sure digits) and at
    ``SECOND_SCALE`` (None: not all digits)."""
    first = read_alone(model, upright, region, band)
    x0, y0, x1, y1 = region
    small = cv2.resize(upright[y0:y1, x0:x1], None, fx=SECOND_SCALE, fy=SECOND_SCALE, interpolation=cv2.INTER_AREA)
    at = (0, 0, small.shape[1], small.shape[0])
    second = read_alone(model, small, at, tuple(int(round(v * SECOND_SCALE)) for v in band))
    # small print (200 dpi) shrunk loses strokes: the second reading need only agree, not be sure
    return (sure_digits(first) if first else None), (sure_digits(second, 0.0) if second else None)


def running_fix(model, upright: np.ndarray, region, band, code: str | None, now: str,
                tesseract: str = "") -> dict[int, Fix] | None:
    """{-1: fix of the code token (when it holds running digits now), 0: fix of the running
    token} when the running number's ink, read alone, gives other digits (``_reading``);
    None otherwise."""
    taken = _reading(*read_twice(model, upright, region, band), now, tesseract)
    if taken is None:
        return None
    digits, why = taken
    if code is None:  # the running token is read apart from the code: its place stays
        return {0: Fix(digits, why)}
    # the digit fixes glued the running digits to the code: they stay glued
    return {-1: Fix(code.rstrip(" "), why), 0: Fix(digits, why, join_left=not code.endswith(" "))}


def _reading(alone: str | None, again: str | None, now: str, tesseract: str) -> tuple[str, str] | None:
    """(digits, why) the ink read alone gives in place of ``now``: sure digits alike at
    both scales, no fewer than a reading of digits alone now shows (one no longer
    than a running number is); or, where the ink came apart at page size, the second
    scale's digits when they are ``tesseract``'s, Tesseract's own reading of the
    token (two readers agree). None otherwise.

    >>> _reading("๑๔๖๘", "๑๔๖๘", "๑๔๖", "")[0], _reading(None, "๑๐๕๓", "๑๐/.๓", "๑๐๕๓")[0]
    ('๑๔๖๘', '๑๐๕๓')
    >>> _reading("๑๕๗", "๑๕๗", "๑๕๗๘", ""), _reading(None, "๑๐๕๓", "๑๐/.๓", "๑๐๓")
    (None, None)
    >>> _reading("๑๕๘๔", "๑๕๘๔", "๑๕๕๑๕", "")[0]
    '๑๕๘๔'
    """
    if alone is None and again is not None and again == tesseract != now:
        return again, (f"running number read {now!r} with the line's print; its ink read alone at {SECOND_SCALE} "
                       f"scale gives {again!r}, as Tesseract read it (at page size a handwritten glyph came apart)")
    if alone is None or alone != again or alone == now:
        return None
    # A digit the line's reading saw and the box does not show is no mended cut; but
    # five digits are more than a running number has (seed 135: ๑๕๕๑๕ for ๑๕๘๔).
    if RUNNING.fullmatch(now) and len(alone) < len(now) <= lexicon.RUNNING_MAX_DIGITS:
        return None
    return alone, (f"running number read {now!r} with the line's print, {alone!r} read alone in its own box, "
                   f"every glyph a sure digit (p >= {SURE_DIGIT}) and alike at {SECOND_SCALE} scale: handwritten "
                   f"glyphs are cut by their own size, not the print's")


def _stray(toks: list[Token], texts: list[str], k: int) -> bool:
    """Token k is signs alone beside the running number on its line: its last
    glyph's tail, read apart (seed 115: ``9860 @/`` for ๑๕๗๘, the ๘'s loop and
    tail read as ``@/``)."""
    return k < len(toks) and toks[k].line == toks[k - 1].line and STRAY.fullmatch(texts[k]) is not None


def looks(upright: np.ndarray, scale: float, toks: list[Token], texts: list[str]) -> list[tuple]:
    """(running token, code glued, digits now, page region, band in it, stray token or None) for each
    running number to read again; a stray after it is read with it, up to the next word."""
    out = []
    for k, code, now in running_lines(toks, texts):
        box = to_page_box(toks[k].box, scale)
        left = to_page_box(toks[k - 1].box, scale)
        stray = k + 1 if _stray(toks, texts, k + 1) else None
        nxt = k + 1 + (stray is not None)
        on_line = nxt < len(toks) and toks[nxt].line == toks[k].line
        right = to_page_box(toks[nxt].box, scale)[0] if on_line else upright.shape[1]
        if stray is not None:
            box = union_box([box, to_page_box(toks[stray].box, scale)])
        region = room(box, left[0] + left[2] + 1, right - 1)
        out.append((k, code, now, region, (box[1] - region[1], box[1] + box[3] - region[1]), stray))
    return out


def second_look(model, upright: np.ndarray, scale: float, toks: list[Token], texts: list[str]) -> dict[int, Fix]:
    """token index -> Fix for each handwritten running number read again alone."""
    fixes: dict[int, Fix] = {}
    for k, code, now, region, band, stray in looks(upright, scale, toks, texts):
        found = running_fix(model, upright, region, band, code, now, toks[k].text)
        if found and stray is not None:  # the stray's ink is in the number read: its text goes
            found[0] = replace(found[0], absorbs=(stray,))
            found[1] = Fix("", f"part of the running number beside it: {found[0].reason}", join_left=True)
        fixes.update({k + d: fix for d, fix in (found or {}).items()})
    return fixes
