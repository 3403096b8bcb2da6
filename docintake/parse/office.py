"""The issuing office on a letterhead line, read through OCR noise.

The office follows the number on the ``ที่`` line (or stands on its own line),
and OCR puts debris before it (a speck, a stray digit, a torn-off glyph:
``ที่ ลย ๐๐๒๓.๑๒/ ๙๗๖ฮ่าอ ที่ว่าการอำเภอด่านซ้าย``) and misreads letters of its
opening words (``ที่ว่าการอำเกอนางรอง``, ``ศศาลากลางจังหวัดอุดรธานี``). The
opening words come from a short list (lexicon.OFFICE_STARTS), so they can be
recognised with tolerance and written as the lexicon spells them; the name
after them (the district, the province) is kept as read. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from docintake.text import lexicon
from docintake.text.fuzzy import key, starts_with_any

# Every letter of a confusion class compares as one (ภ, ก, ถ, ฏ are one bowl to this OCR).
_CLASS = str.maketrans({r: p for p, reads in lexicon.OFFICE_LETTER_CONFUSIONS.items() for r in reads}
                       | {"ภ": "ก", "ถ": "ก", "ฏ": "ก"})
# A debris token: a few specks, digits, a torn glyph; never a word of four letters.
MAX_DEBRIS_LETTERS = 4
_THAI_LETTER = re.compile("[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]")
_MARKS_FIRST = re.compile("^[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+")  # a name cannot start with a mark
_LEADING_SPECKS = re.compile("^[^\u0e01-\u0e4e]{1,3}(?=[\u0e01-\u0e2e])")
_NOT_THAI_END = re.compile("[^\u0e01-\u0e4e]+$")


@dataclass(frozen=True)
class Office:
    name: str  # the opening words as the lexicon spells them + the name as read
    read: str  # what the line had
    mended: str | None  # what was mended, for the warning; None when read as printed


def _fold(s: str) -> str:
    return key(s).translate(_CLASS)


def _exact_opening(token: str) -> tuple[str, int] | None:
    """(opening word, characters of token it covers), tone marks as read."""
    word = starts_with_any(token, lexicon.OFFICE_STARTS)
    if word is None:
        return None
    k = next(k for k in range(len(key(word)), len(token) + 1) if key(token[:k]) == key(word))
    return word, k


# (word, folded, key length) of each long opening, folded once
_LONG_STARTS = [(word, _fold(word), len(key(word))) for word in lexicon.OFFICE_LONG_STARTS]


def _tolerant_opening(token: str) -> tuple[str, int, str] | None:
    """A long opening word with its confusable letters folded and one more edit
    (a letter misread, lost or added, or a doubled / stray first letter)."""
    best: tuple[int, int, str, int, str] | None = None
    for word, fw, klen in _LONG_STARTS:
        for skip in (0, 1):
            cost = 0 if skip == 0 or token[:1] == token[1:2] else 1
            # the opening must leave the token a name after it: a shorter token is no candidate
            for k in range(klen - 1, min(len(word) + 3, len(token) - skip)):
                d = Levenshtein.distance(_fold(token[skip:skip + k]), fw, score_cutoff=1)
                if d + cost <= 1:
                    cand = (d + cost, skip, word, skip + k, "")
                    if best is None or cand[:2] < best[:2]:
                        best = cand
    if best is None:
        return None
    _, skip, word, end, _ = best
    return word, end, "doubled or stray first letter" if skip else "OCR-damaged spelling"


def find_office(text: str, max_debris_tokens: int = 8) -> Office | None:
    """The office a letterhead line names after its number (or alone), or None.

    The tokens before the office must be debris or the number's parts: none
    holds more than MAX_DEBRIS_LETTERS Thai letters."""
    tokens = text.split()
    for j, token in enumerate(tokens[: max_debris_tokens + 1]):
        tokens[j] = token = _LEADING_SPECKS.sub("", token) or token  # ``.กรม...``: a speck glued on
        found = _opening(token)
        if found is not None:
            return _office(found, tokens[j:], token)
        if len(_THAI_LETTER.findall(token)) > MAX_DEBRIS_LETTERS:
            return None
    return None


def _opening(token: str) -> tuple[str, int, str | None] | None:
    exact = _exact_opening(token)
    if exact is not None:
        return exact[0], exact[1], None
    return _tolerant_opening(token)


def _office(found: tuple[str, int, str | None], tokens: list[str], first: str) -> Office | None:
    word, end, mend = found
    name = _MARKS_FIRST.sub("", tidy(" ".join([tokens[0][end:], *tokens[1:]])))
    if word in lexicon.OFFICE_LONG_STARTS and not name:
        return None  # ที่ว่าการอำเภอ with no district named says nothing
    read = " ".join(tokens)
    if mend is None and first[:end] != word:
        mend = "tone mark misread"
    return Office(name=word + name, read=read, mended=mend)


def tidy(name: str) -> str:
    """An office's name without the debris OCR read after it: a dash, a bracket,
    a stray digit (``กรมส่งเสริมการปกครองท้องถิ่น 1``, ``ศาลากลางจังหวัดร้อยเอ็ด [7``).
    A number the name itself holds (``... เขต 1``) follows a word that takes one.

    >>> tidy("ศาลากลางจังหวัดอุบลราชธานี]"), tidy("สำนักงานเขตพื้นที่การศึกษา เขต 1")
    ('ศาลากลางจังหวัดอุบลราชธานี', 'สำนักงานเขตพื้นที่การศึกษา เขต 1')
    """
    tokens = name.split()
    while tokens and not _THAI_LETTER.search(tokens[-1]):
        if len(tokens) > 1 and tokens[-1].isdigit() and tokens[-2].endswith(lexicon.NUMBERED_OFFICE_WORDS):
            break
        tokens.pop()
    if tokens and not tokens[-1].isdigit():
        tokens[-1] = _NOT_THAI_END.sub("", tokens[-1]) or tokens[-1]
    return " ".join(tokens)
