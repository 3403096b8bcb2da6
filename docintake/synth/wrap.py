"""Break Thai text into lines by measured width, at word boundaries.

Thai has no spaces between words, so break points come from pythainlp's
word tokenizer; runs of digits and punctuation stay glued to the word
before them, as a word processor keeps ``๐๐๒๓.๑๔/๑๗๐๙`` whole.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from pythainlp.tokenize import word_tokenize


def _has_letter(token: str) -> bool:
    """Thai or Latin letters: a token a line may start with."""
    return any("\u0e01" <= c <= "\u0e4f" or c.isalpha() for c in token) and not token[0] in ".,)”:/"


@lru_cache(maxsize=4096)
def units(text: str) -> tuple[tuple[str, bool], ...]:
    """Unbreakable pieces of ``text`` and whether a space precedes each.

    >>> units("ที่ ชย ๐๐๒๓.๑๔/๑๗๐๙")
    (('ที่', False), ('ชย ๐๐๒๓.๑๔/๑๗๐๙', True))
    """
    out: list[tuple[str, bool]] = []
    for chunk_no, chunk in enumerate(text.split()):
        if out and _docno_part(chunk, out[-1][0]):  # keep "ชย ๐๐๒๓.๖/๖๕๕๘" on one line
            out[-1] = (out[-1][0] + " " + chunk, out[-1][1])
            continue
        thai = any("\u0e01" <= c <= "\u0e4f" for c in chunk)
        whole = len(chunk) < 2 or not thai or chunk[0] in "#@"  # hashtags, URLs, numbers
        pieces = [chunk] if whole else word_tokenize(chunk, engine="newmm", keep_whitespace=False)
        for i, piece in enumerate(pieces):
            glue = i > 0 and (not _has_letter(piece) or out[-1][0][-1] in "(“#")
            if glue:
                out[-1] = (out[-1][0] + piece, out[-1][1])
            else:
                out.append((piece, chunk_no > 0 and i == 0))
    return tuple(out)


def _docno_part(chunk: str, before: str) -> bool:
    numeric = not any("\u0e01" <= c <= "\u0e4f" or c.isalpha() for c in chunk.replace("/ว", ""))
    return numeric and ("/" in chunk or before.endswith("/ว"))


def wrap(text: str, measure: Callable[[str], float], first: float, rest: float) -> list[str]:
    """Greedy line breaking: the first line may be narrower (paragraph indent)."""
    lines: list[str] = []
    line = ""
    for piece, spaced in units(text):
        candidate = line + (" " if spaced and line else "") + piece
        limit = first if not lines else rest
        if not line or measure(candidate) <= limit:
            line = candidate
        else:
            lines.append(line)
            line = piece
    if line:
        lines.append(line)
    return lines
