"""A document number read wholly as Latin junk right after a legible prefix.

``ที่ มท ๐๘๑๐.๓/ว ๒๑๔๘`` came out as ``ที่ มท odeo.aV/Ibeds`` (seed 19): the
prefix read well, the number as Latin letters at confidence 14, and our digit
classifier passed it over, as nothing in it looked like a digit. What stands
right after an agency prefix on its line is the number, so such a token's
ink is read by the classifier; its reading is taken only when every glyph
is surely a digit or a sign and the whole has a document number's shape.
The one letter a document number holds, the circular's ว, stands right
after the slash: a glyph there that is surely no digit is read as ว. Likewise
a Latin token right after a legible code and slash is its running number.
"""

from __future__ import annotations

import re

import numpy as np

from docintake.ocr import rewrite
from docintake.ocr.digits import NO_DIGIT_P, REJECT, Fix
from docintake.ocr.rewrite import sure_number
from docintake.ocr.tesseract import Token, to_page_box
from docintake.text import lexicon

_LATIN = re.compile("[A-Za-z]")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e]")
_D = "[0-9๐-๙]"
# code (dotted sections), slash, the circular's ว, running number (``๐๘๑๐.๓/ว ๒๑๔๘``),
# or up to the ว when Tesseract read the running number as a token of its own
SHAPE = re.compile(f"{_D}{{2,}}(\\.{_D}{{1,2}})*/(ว|ว? ?{_D}{{1,5}})")
_DIGIT_GAP = re.compile(f"(?<={_D}) (?={_D})")
MIN_LATIN = 2  # Latin letters a token needs to be a number read as Latin (not a lone misread sign)
CIRCULAR = "ว"


# A code and its slash (and ว) read well, the running number after it as
# Latin junk (``๐๐๒๓.๓/ว NEW...``, seed 22): what follows is the running number.
CODE_THEN_SLASH = re.compile(f"{_D}{{2,}}(\\.{_D}{{1,2}})*/ว?")
RUNNING = re.compile(f"{_D}{{1,5}}")


# The ที่ label glued before the prefix (``'ที่ลป coomadecoe``, seed 72).
_GLUED_LABEL = re.compile("^ท\u0e35?\u0e48?")


def _prefix(text: str) -> str:
    """The agency prefix a token shows, its specks and a glued ที่ label off."""
    bare = text.strip(".,:;'\"")
    return bare if bare in lexicon.AGENCY_PREFIXES else _GLUED_LABEL.sub("", bare)


def slots(toks: list[Token], texts: list[str]) -> list[int]:
    """Tokens of Latin junk, no Thai letter, right after a legible agency prefix on their line."""
    return [i for i in range(1, len(toks)) if _latin_after(toks, texts, i)
            and _prefix(texts[i - 1]) in lexicon.AGENCY_PREFIXES]


def running_slots(toks: list[Token], texts: list[str]) -> list[int]:
    """Tokens of Latin junk, no Thai letter, right after a legible code and slash on their line."""
    return [i for i in range(1, len(toks)) if _latin_after(toks, texts, i)
            and CODE_THEN_SLASH.fullmatch(texts[i - 1].strip())]


def _latin_after(toks: list[Token], texts: list[str], i: int) -> bool:
    return (toks[i - 1].line == toks[i].line and len(_LATIN.findall(texts[i])) >= MIN_LATIN
            and not _THAI_LETTER.search(texts[i]))


def with_circular(reading: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """The glyph right after the slash that is surely no digit (the classifier's
    reject, or a digit it gives under ``NO_DIGIT_P``) read as the circular's ว.

    >>> with_circular([("๐", 1.0), ("/", 1.0), ("๖", 1e-12), ("๒", 1.0)])
    [('๐', 1.0), ('/', 1.0), ('ว', 1.0), ('๒', 1.0)]
    >>> with_circular([("๐", 1.0), ("/", 1.0), ("๖", 0.97)])[2]
    ('๖', 0.97)
    """
    out = list(reading)
    for k in range(1, len(out)):
        c, p = out[k]
        if out[k - 1][0] == "/" and (c == REJECT or p < NO_DIGIT_P):
            out[k] = (CIRCULAR, 1.0)
    return out


def spelled(reading: list[tuple[str, float]], kept: list) -> str | None:
    """The reading as text (a space where the glyphs stand a space apart), when every
    glyph but the ว is a sure digit or sign and the whole is a document number."""
    if not sure_number([(c, p) for c, p in reading if c != CIRCULAR]):
        return None
    # one token is one number: a gap between two of its digits is the print's spacing (seed 110: ``๐ ๐๒๓``)
    out = _DIGIT_GAP.sub("", rewrite.spelled(reading, kept))
    return out if SHAPE.fullmatch(out) else None


def read_number(model, page: np.ndarray, box: tuple[int, int, int, int]) -> str | None:
    """The token's ink (box in page pixels) read by the digit classifier, or None."""
    read = rewrite.read_blob(model, page, box)
    return spelled(with_circular(read[0]), read[1]) if read is not None else None


def read_running(model, page: np.ndarray, box: tuple[int, int, int, int]) -> str | None:
    """The token's ink read by the digit classifier as a running number (leader
    dots after it dropped), when every glyph is a sure digit or dot; else None."""
    read = rewrite.read_blob(model, page, box)
    if read is None or not sure_number(read[0]):
        return None
    out = rewrite.spelled(read[0], read[1]).rstrip(".")
    return out if RUNNING.fullmatch(out) else None


def second_look(model, upright: np.ndarray, scale: float, toks: list[Token], texts: list[str]) -> dict[int, Fix]:
    """token index -> Fix for each Latin-junk number after a prefix the classifier reads surely."""
    fixes = {}
    for i in slots(toks, texts):
        box = to_page_box(toks[i].box, scale)
        number = read_number(model, upright, box)
        if number is not None:
            fixes[i] = Fix(number, f"a number after the prefix {texts[i - 1]} read as Latin junk "
                                   f"'{texts[i]}', read again by the digit classifier: every glyph a sure digit or sign")
    for i in running_slots(toks, texts):
        number = read_running(model, upright, to_page_box(toks[i].box, scale))
        if number is not None:
            fixes[i] = Fix(number, f"the running number after {texts[i - 1]} read as Latin junk '{texts[i]}', "
                                   "read again by the digit classifier: every glyph a sure digit")
    return fixes
