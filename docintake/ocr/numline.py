"""A letterhead's number line read again against the number's fixed shape.

``ที่ <prefix> <code>/<running> <office>``: between the agency's prefix and the
office's name there is one document number, ``๐๐๒๓.๒/๗๗๐๑`` (a province or a
district), ``๐๘๑๐.๔/ว ๒๖๙๗`` (a department's circular) or ``๗๘๐๑๔/๗๗๙`` (an
LAO). Tesseract breaks it in ways the token-by-token digit fixes cannot mend:
the slash lost between a printed code and a handwritten running number
(``๐๐๒๓.๑๓ ๕๐๐``, seed 32), a printed code read as Latin (``oolamial ๗๗๐๑``,
seed 36), a ``/ว`` read as ``/2`` and dropped (``0023.6 1669``, seed 36). The
parser must then withhold the number, and a district circular whose number is
unread loses every LAO's task.

Only where the line does not already hold a number of that shape (or its
code's section is impossible: ``lexicon.MAX_CODE_SECTION``), the ink between
the prefix and the office is read whole by the digit classifier. Its reading
is taken only when every glyph is a sure digit or sign of one script, the
whole has the shape (digits, one dot and a section, a slash, an optional ว,
the running digits; or five digits, a slash, the running digits), and what
Tesseract (or the digit fixes) read as digits there is part of it: where we
are not sure, the number stays as it was, and the parser withholds it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from docintake.ocr import rewrite
from docintake.ocr.digits import ARABIC_DIGITS, SURE_DIGIT, THAI_DIGITS, Fix
from docintake.ocr.glyphs import ink_mask, segment
from docintake.ocr.latinnumber import with_circular
from docintake.ocr.tesseract import Token, to_page_box
from docintake.text import lexicon

_D = "[0-9๐-๙]"
# The number as the parser takes it straight: a letterhead code, or an LAO's five digits
NUMBER = re.compile(f"(?P<code>{_D}{{4}}\\.(?P<section>{_D}{{1,2}})|{_D}{{5}})/ ?(ว ?)?{_D}{{1,5}}")
LABELS = ("ที่", "ที")  # the line's first token: a letterhead (a reference's ที่ stands mid-line)
MEMO_DATE = "วันที่"  # a memo's number is followed by its date label: ``ocr.memonumber``'s
OFFICE_LETTERS = 8  # Thai letters of the office's name after the number (ที่ว่าการอำเภอ..., ศาลากลาง...)
SURE_SIGN = 0.9  # the slash
DOT_P = 0.5  # the code's dot: its place in the shape is fixed, a faint dot reads under a digit's sureness
REACH = 0.5  # of the line's height: the ink read past the last token (a box stopping short of a ๘'s tail)
MIN_AGREE = 3  # digits that Tesseract's (or the digit fixes') reading of a token and ours share at least
_THAI = re.compile("[\u0e01-\u0e2e\u0e30-\u0e4e]")
_DIGIT = re.compile(f"{_D}")
BLIND = "๔๖๗๘๙"  # Thai digits Tesseract's Thai model cannot output (DOMAIN.md): it prints another for them
LEADER = ".,-"  # the dotted line after the number


def _letterhead_prefix(toks: list[Token], texts: list[str], p: int) -> bool:
    """Token p is the prefix after the label that opens its line, or the two glued."""
    first = lambda k: k == 0 or toks[k - 1].line != toks[k].line  # noqa: E731 (ที่ mid-line: a reference)
    text = texts[p].strip(".")
    if text in lexicon.AGENCY_PREFIXES:
        return p >= 1 and toks[p - 1].line == toks[p].line and texts[p - 1].strip() in LABELS and first(p - 1)
    return first(p) and any(text.startswith(a) and text[len(a):] in lexicon.AGENCY_PREFIXES for a in LABELS)


def number_line(toks: list[Token], texts: list[str], p: int) -> tuple[list[int], int | None] | None:
    """(number tokens, office token or None) when token p is an agency prefix right after a
    letterhead's ``ที่`` at its line's start (or the two read as one token, ``ที่มค``); None
    otherwise (memos: their date label follows)."""
    if not _letterhead_prefix(toks, texts, p):
        return None
    line = toks[p].line
    mid, office = [], None
    start = p + 2 if p + 1 < len(toks) and toks[p + 1].line == line and texts[p + 1] == texts[p] else p + 1
    for k in range(start, len(toks)):  # (a prefix read twice, ``ที่ ลย ลย ...``: the second is no number)
        if toks[k].line != line:
            break
        if len(_THAI.findall(texts[k])) >= OFFICE_LETTERS and not _DIGIT.match(texts[k]):
            office = k
            break
        mid.append(k)
    if not mid or any(texts[k].startswith(MEMO_DATE) for k in mid + [office or mid[0]]):
        return None
    return mid, office


def parses(text: str) -> bool:
    """Does the line already hold a number of the fixed shape with a possible code section?

    >>> parses("๐๐๒๓.๑๓/๕๐๐"), parses("๐๘๑๐.๔/ว ๒๖๙๗"), parses("๗๘๐๑๔/๗๗๙")
    (True, True, True)
    >>> parses("๐๐๒๓.๑๓ ๕๑๗"), parses("oolamial ๗๗๐๑"), parses("๐๐๒๓.๘๕/๑๑๒")
    (False, False, False)
    """
    m = NUMBER.fullmatch(text.strip())
    if m is None:
        return False
    section = m["section"]
    return section is None or int(section.translate(_TO_ARABIC)) <= lexicon.MAX_CODE_SECTION


_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)
_SHAPE = re.compile(f"(?P<code>{_D}{{4}}\\.{_D}{{1,2}}|{_D}{{5}})/(?P<wo>ว?)(?P<run>{_D}{{1,5}})")


def _sure(c: str, q: float) -> bool:
    if c in THAI_DIGITS or c in ARABIC_DIGITS:
        return q >= SURE_DIGIT
    return c == "ว" or (c == "/" and q >= SURE_SIGN) or (c == "." and q >= DOT_P)


def shaped(reading: list[tuple[str, float]], kept: list) -> str | None:
    """The number our glyphs spell, canonical (``๐๐๒๓.๖/ว ๑๖๖๙``), when every glyph is sure
    and the whole has the shape; the dotted line after it aside, and the glyph after the slash
    that is surely no digit read as the circular's ว (as ``ocr.latinnumber`` does). A space
    stands only after the slash or the ว (a running number written into the blank): one
    anywhere else parts the number from a mark beside it (``๑๙๖๙ ฮ่``), read as a digit or not.

    >>> shaped(*_glyphs("๐๐๒๓.๑๓/ ๕๐๐.."))
    '๐๐๒๓.๑๓/๕๐๐'
    >>> shaped(*_glyphs("0023.6/? 1669"))
    '0023.6/ว 1669'
    >>> shaped(*_glyphs("๐๐๒๓.๔๖๓๐๘")) is None  # no slash: where the code ends is a guess
    True
    >>> shaped(*_glyphs("๐๐๒๓.๑๓/5๐๐")) is None  # two scripts
    True
    >>> shaped(*_glyphs("๐๐๒๓.๑๓/๑๙๖๙ ๗")) is None  # a mark a space after the number
    True
    >>> r, k = _glyphs("๐๐๒๓.๔/๖๓๐๘"); r[6] = ("๖", 0.9); shaped(r, k) is None  # a doubted digit
    True
    """
    out, glyphs = list(reading), list(kept)
    while out and out[-1][0] in LEADER:
        out.pop(), glyphs.pop()
    out = with_circular(out)
    if not out or not all(_sure(c, q) for c, q in out):
        return None
    text = rewrite.spelled(out, glyphs)
    if re.search(r"[^/ว] ", text):
        return None
    m = _SHAPE.fullmatch(text.replace(" ", ""))
    if m is None or not parses(m[0]):
        return None
    digits = m["code"].replace(".", "") + m["run"]
    if not (all(c in THAI_DIGITS for c in digits) or all(c in ARABIC_DIGITS for c in digits)):
        return None
    return f"{m['code']}/{'ว ' if m['wo'] else ''}{m['run']}"


@dataclass
class _G:  # a glyph's place, for the examples
    x: int
    w: int = 40
    h: int = 40


def _glyphs(text: str) -> tuple[list[tuple[str, float]], list[_G]]:
    """Sure glyphs for the examples, 5 px apart, 40 px more where ``text`` has a space."""
    reading, kept, x = [], [], 0
    for c in text:
        if c == " ":
            x += 40
            continue
        reading.append((c, 1.0))
        kept.append(_G(x))
        x += 45
    return reading, kept


def _found_in(theirs: str, ours: str, blind: bool) -> bool:
    """Is ``theirs`` a run of ``ours``, digit for digit (``blind``: a Thai digit Tesseract
    cannot print may stand in ours where it printed another)?

    >>> _found_in("๕๐๐", "๐๐๒๓๑๓๕๐๐", False), _found_in("๒๐๒๕", "๐๘๑๐๖๒๐๖๙", True)
    (True, True)
    >>> _found_in("๕๑๗", "๐๐๒๓๑๓๕๐๐", False), _found_in("๒๐๒๕", "๐๘๑๐๖๒๐๖๙", False)
    (False, False)
    """
    n = len(theirs)
    return any(all(a == b or (blind and a in THAI_DIGITS and b in BLIND) for a, b in zip(theirs, ours[s : s + n]))
               for s in range(len(ours) - n + 1))


def agrees(number: str, now: list[str], raw: list[str]) -> bool:
    """Does every token in which Tesseract (``raw``) or the digit fixes (``now``) read digits
    hold digits of our number, one token at least ``MIN_AGREE`` of them? A token of Latin
    junk says nothing; one whose digits are not ours says we cut or read another thing.

    >>> agrees("๐๐๒๓.๑๓/๕๐๐", ["๐๐๒๓.๑๓", "๕๑๗"], ["๐๐๒๓.๑๓", "๕๐๐"])
    True
    >>> agrees("๐๐๒๓.๒/๗๗๐๑", ["oolamial", "๗๗๐๑"], ["oolamial", "6ช่อย่๐๑"])
    True
    >>> agrees("๐๐๒๓.๒/๗๗๐๑", ["oolamial", "๗๓๐๑"], ["oolamial", "๒๓๐๒"])  # neither reading is ours
    False
    >>> agrees("๐๐๒๓.๒/๗๗๐๑", ["oolamial", "ว๑"], ["oolamial", "ว๑"])  # nothing sure enough to hold on to
    False
    """
    ours = "".join(_DIGIT.findall(number))
    best = 0
    for a, b in zip(now, raw):
        mine, theirs = "".join(_DIGIT.findall(a)), "".join(_DIGIT.findall(b))
        if not mine and not theirs:
            continue
        hits = [len(mine)] if mine and _found_in(mine, ours, False) else []
        hits += [len(theirs)] if theirs and _found_in(theirs, ours, True) else []
        if not hits:
            return False
        best = max(best, *hits)
    return best >= MIN_AGREE


def region(toks: list[Token], p: int, mid: list[int], office: int | None, scale: float, width: int
           ) -> tuple[tuple[int, int, int, int], tuple[int, int]]:
    """The page region (x0, y0, x1, y1) between the prefix (token p) and the office, and the
    line's band in it: from right of the prefix to a little past the last number token."""
    px, _, pw, _ = to_page_box(toks[p].box, scale)
    lx, ly, lw, lh = to_page_box(toks[p].line_box, scale)
    last = to_page_box(toks[mid[-1]].box, scale)
    right = to_page_box(toks[office].box, scale)[0] - 1 if office is not None else width
    pad = int(0.3 * lh)
    box = (px + pw + 1, max(0, ly - pad), min(right, last[0] + last[2] + int(REACH * lh)), ly + lh + pad)
    return box, (ly - box[1], ly + lh - box[1])


def read_region(model, page: np.ndarray, box, band) -> tuple[list, list] | None:
    """The classifier's reading of the region's ink, and the glyphs read, cut in the line's band."""
    x0, y0, x1, y1 = box
    mask = ink_mask(page[y0:y1, x0:x1])
    if mask is None:
        return None
    reading, kept = model.read(segment(mask, band=band))
    return (reading, kept) if reading else None


def second_look(model, upright: np.ndarray, scale: float, toks: list[Token], texts: list[str]) -> dict[int, Fix]:
    """token index -> Fix for each letterhead number line read again whole."""
    fixes: dict[int, Fix] = {}
    for p in range(1, len(toks)):
        found = number_line(toks, texts, p)
        if found is None or parses(" ".join(texts[k] for k in found[0] if texts[k])):
            continue
        mid, office = found
        box, band = region(toks, mid[0] - 1, mid, office, scale, upright.shape[1])
        reading = read_region(model, upright, box, band)
        number = shaped(*reading) if reading else None
        now = [texts[k] for k in mid]
        if number is None or not agrees(number, now, [toks[k].text for k in mid]):
            continue
        why = (f"letterhead number read {' '.join(t for t in now if t)!r}, not a number's shape: the ink between "
               f"{texts[p]} and the office read whole by the digit classifier, every glyph sure (digits p >= "
               f"{SURE_DIGIT}), one script, the shape code/running, and every digit Tesseract read there in it")
        fixes[mid[0]] = Fix(number, why, absorbs=tuple(mid[1:]))
        fixes.update({k: Fix("", "part of the letterhead number beside it", join_left=True) for k in mid[1:]})
    return fixes
