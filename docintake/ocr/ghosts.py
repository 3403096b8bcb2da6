"""Glyphs Tesseract read twice.

On some lines Tesseract's recogniser emits the first syllable of a word, then
the whole word again from the same ink: ``ดั: ดังนี้``, ``ด่ ด่วน``, ``จั:
จังหวัด``; or a word's last syllable again as the next word's first:
``อให้อํ อำเภอ``. Seeds 8-12 hold about 45 such pairs, ``ดั: ดังนี้`` alone in
half the bundles. The mark of it is on the page, not in the text: the two
tokens' boxes overlap, where words set in a line never do. A ghost is dropped
(or cut off its word) only with both: the overlap, and the same letters.
"""

from __future__ import annotations

from collections.abc import Sequence

from docintake.ocr.digits import Fix
from docintake.ocr.tesseract import Token

OVERLAP = 0.5  # of the ghost's width (or its share of its word's) lying over the next word
_TRAILING = ":.,;'"
MAX_GHOST = 3  # letters and marks: a syllable's worth
_LEADING = "เแโใไ"  # vowels written before their consonant: no syllable ends in one


def _canonical(text: str) -> str:
    """Sara am however it was read (a ghost may hold only its circle: ``อํ`` over ``อำ``)."""
    return text.replace("\u0e4d\u0e32", "\u0e33").replace("\u0e4d", "\u0e33").rstrip(_TRAILING)


def ghost_fixes(toks: Sequence[Token]) -> dict[int, Fix]:
    """Token index -> the fix that drops the ghost in it (the whole token, or its tail)."""
    fixes: dict[int, Fix] = {}
    for i in range(len(toks) - 1):
        a, b = toks[i], toks[i + 1]
        if a.line != b.line or i in fixes:
            continue
        if _echo(a.text, a.box, b.text, b.box):
            fixes[i + 1] = Fix("", f"read twice: {b.text!r} ends {a.text!r} again, their boxes overlap")
            continue
        fix = ghost_of(a.text, a.box, b.text, b.box)
        if fix is None:
            continue
        head = a.text.rstrip(_TRAILING)[len(fix.text):]
        if fix.text and b.text.startswith(head):  # both copies whole (กรณี ณีผู้มี): the first word stays whole
            fixes[i + 1] = Fix(b.text[len(head):], fix.reason)
        else:
            fixes[i] = fix
    return fixes


def _echo(text: str, box: Sequence[int], following: str, next_box: Sequence[int]) -> bool:
    """The next token is the end of this one read again (``ทั้งนี้ นี้``): drop it whole.

    >>> _echo("ทั้งนี้", (100, 0, 120, 40), "นี้", (180, 0, 45, 40)), _echo("ทั้งนี้", (100, 0, 120, 40), "นี้", (230, 0, 45, 40))
    (True, False)
    """
    own, nxt = _canonical(text), _canonical(following)
    overlap = box[0] + box[2] - next_box[0]
    return (0 < len(nxt) <= MAX_GHOST and len(own) > len(nxt) and own.endswith(nxt)
            and _starts_letter(nxt) and next_box[2] > 0 and overlap >= OVERLAP * next_box[2])


def ghost_of(text: str, box: Sequence[int], following: str, next_box: Sequence[int]) -> Fix | None:
    """The fix for a token read twice over the start of the token after it, or None.

    >>> ghost_of("ดั:", (882, 0, 59, 40), "ดังนี้", (898, 0, 200, 40)).text
    ''
    >>> ghost_of("อให้อํ", (1383, 0, 139, 40), "อำเภอแจ้ง", (1494, 0, 278, 40)).text
    'อให้'
    >>> ghost_of("ดั:", (882, 0, 59, 40), "ดังนี้", (950, 0, 200, 40)) is None  # apart: two words
    True
    >>> ghost_of("ขอ", (882, 0, 59, 40), "ให้", (900, 0, 200, 40)) is None  # overlapping, other letters
    True
    >>> ghost_of("เพ", (500, 0, 40, 40), "พื่อให้", (520, 0, 200, 40)) is None  # เ alone is no syllable
    True
    """
    overlap = box[0] + box[2] - next_box[0]
    own, nxt = _canonical(text), _canonical(following)
    if overlap <= 0 or not own or not nxt or box[2] <= 0:
        return None
    if len(own) <= MAX_GHOST and nxt.startswith(own) and len(nxt) > len(own) and overlap >= OVERLAP * box[2]:
        return Fix("", f"read twice: {text!r} is the start of {following!r} again, their boxes overlap")
    for n in range(min(MAX_GHOST, len(own) - 1), 0, -1):
        tail = own[-n:]
        kept = text.rstrip(_TRAILING)[:-n]
        if _canonical(kept) != own[:-n] or kept[-1] in _LEADING:  # cut whole syllables, on the canonical text only
            return None
        if nxt.startswith(tail) and _starts_letter(tail) and overlap >= OVERLAP * box[2] * n / len(own):
            return Fix(kept, f"read twice: {tail!r} ends {text!r} and starts {following!r}, their boxes overlap")
    return None


def _starts_letter(text: str) -> bool:
    """A syllable starts at a consonant or a leading vowel, never at a mark."""
    return "\u0e01" <= text[0] <= "\u0e2e" or "\u0e40" <= text[0] <= "\u0e44"
