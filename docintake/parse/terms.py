"""Domain terms OCR damaged inside a subject, read back against the lexicon.

Four damages, each mended only where the lexicon leaves one reading:

- the marks above and below a long term lost or misplaced (``เบยยงชพ``,
  ``เบียยังชีพ`` for เบี้ยยังชีพ; ``ประจํา`` with sara am split or its circle
  lost): the letters on the line are the term's, only the marks differ
  (``lexicon.SUBJECT_TERMS``);
- a local-government abbreviation printed in Latin look-alikes (``aun.`` for
  อปท.): each Latin letter is a shape of the abbreviation's consonant at
  its place (``lexicon.ABBREV_LATIN_LOOKALIKES``, ``lexicon.LAO_ABBREVIATIONS``);
- the word before a session's ``<n>/<BE year>`` (``ครั้งที่ ๒/๒๕๖๘``) read as
  Latin letters (``ASIN 4/2568``) or without its marks (``.-ครงท``);
- a bracketed English phrase with one of its two words garbage
  (``(5๐80! Power)``, ``(Soft 0อพลท``: ``lexicon.BRACKETED_LATIN_TERMS``).

No letter is changed into another except inside those patterns; text that
reads as printed is left alone. Pure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from docintake.text import lexicon

_MARK = "[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]"  # vowels above and below, tone marks, nikhahit
_MARKS = re.compile(_MARK)
MIN_LETTERS = 5  # a term's letters besides its marks: no other word shares five


def letters(word: str) -> str:
    """``word`` without its marks, sara am read as the sara aa it splits into.

    >>> letters("เบี้ยยังชีพ"), letters("ประจำ")
    ('เบยยงชพ', 'ประจา')
    """
    return _MARKS.sub("", word.replace("\u0e33", "\u0e32"))


@lru_cache(maxsize=1)
def _term_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(term, a pattern of its letters with any marks after each), longest first."""
    out = []
    for term in sorted(lexicon.SUBJECT_TERMS, key=len, reverse=True):
        body = "".join(("[\u0e32\u0e33]" if ch == "\u0e32" else re.escape(ch)) + f"{_MARK}*" for ch in letters(term))
        out.append((term, re.compile(body)))
    return out


def mend_marks(text: str) -> tuple[str, list[str]]:
    """``text`` with each run that is a term's letters under other marks read
    as the term; and what was changed (``before -> term``)."""
    changed = []
    for term, pattern in _term_patterns():
        def put(m: re.Match[str], term: str = term) -> str:
            if m.group(0) != term:
                changed.append(f"{m.group(0)} -> {term}")
            return term
        text = pattern.sub(put, text)
    return text, changed


_LATIN_DOTTED = re.compile(r"(?<!\S)([A-Za-z]{2,4})\.(?!\S)")


def abbreviation_of(latin: str) -> str | None:
    """The one abbreviation whose consonants the Latin letters can be.

    >>> abbreviation_of("aun"), abbreviation_of("AUN"), abbreviation_of("Soft")
    ('อปท.', 'อปท.', None)
    """
    shapes = [lexicon.ABBREV_LATIN_LOOKALIKES.get(ch.lower(), "") for ch in latin]
    fits = [a for a in lexicon.LAO_ABBREVIATIONS
            if len(a.rstrip(".")) == len(latin) and all(c in s for c, s in zip(a.rstrip("."), shapes))]
    return fits[0] if len(fits) == 1 else None


def mend_abbreviations(text: str) -> tuple[str, list[str]]:
    """Latin dotted words read as the abbreviation their shapes allow."""
    changed = []

    def put(m: re.Match[str]) -> str:
        found = abbreviation_of(m.group(1))
        if found is None:
            return m.group(0)
        changed.append(f"{m.group(0)} -> {found}")
        return found
    return _LATIN_DOTTED.sub(put, text), changed


# A token before ``<n>/<BE year>``: Latin letters, or Thai letters after specks.
_BEFORE_SESSION = re.compile(r"(?<!\S)(?P<tok>[^\s0-9๐-๙]{2,10})\s+(?=[0-9๐-๙]{1,2}\s?/\s?(?:25|๒๕)[0-9๐-๙]{2}(?![0-9๐-๙]))")
_SPECKS = ".,-–'\"|:;"


def mend_session(text: str) -> tuple[str, list[str]]:
    """The word before a session's ordinal read as ``lexicon.SESSION_ORDINAL``
    when OCR printed it in Latin letters or without its marks."""
    changed = []
    want = letters(lexicon.SESSION_ORDINAL)

    def put(m: re.Match[str]) -> str:
        tok = m["tok"]
        bare = tok.strip(_SPECKS)
        if tok == lexicon.SESSION_ORDINAL or not (re.fullmatch("[A-Za-z]+", bare) or letters(bare) == want):
            return m.group(0)
        changed.append(f"{tok} -> {lexicon.SESSION_ORDINAL}")
        return m.group(0).replace(tok, lexicon.SESSION_ORDINAL, 1)
    return _BEFORE_SESSION.sub(put, text), changed


# A word OCR made garbage of: something besides Latin letters in it (a
# digit, a Thai letter, a speck); a Latin word is left as printed.
_GARBAGE = r"(?=[^\s()]*[^A-Za-z\s()])[^\s()]{1,8}"


@lru_cache(maxsize=1)
def _bracket_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(term, its pattern) of each two-word bracketed phrase: the bracket,
    one word exact and the other garbage, the closing bracket perhaps lost."""
    out = []
    for term in lexicon.BRACKETED_LATIN_TERMS:
        first, second = (re.escape(w) for w in term.strip("()").split())
        body = rf"\(\s*(?:{first}\s+{_GARBAGE}|{_GARBAGE}\s+{second})\s*\)?(?!\S)"
        out.append((term, re.compile(body)))
    return out


def mend_brackets(text: str) -> tuple[str, list[str]]:
    """Bracketed English phrases with one word garbled read as the phrase."""
    changed = []
    for term, pattern in _bracket_patterns():
        def put(m: re.Match[str], term: str = term) -> str:
            changed.append(f"{m.group(0)} -> {term}")
            return term
        text = pattern.sub(put, text)
    return text, changed


NEAR_LETTERS = 7  # a term this long has no other word one letter off it


def _letter_map(text: str) -> tuple[str, list[int]]:
    """``text``'s letters (marks and spaces dropped, as ``letters``) and
    where each stands in ``text``."""
    out, at = [], []
    for i, ch in enumerate(text.replace("\u0e33", "\u0e32")):
        if not _MARKS.match(ch) and ch != " ":
            out.append(ch)
            at.append(i)
    return "".join(out), at


def _span_end(text: str, i: int) -> int:
    """Just after the letter at ``i`` and the marks on it."""
    i += 1
    while i < len(text) and _MARKS.match(text[i]):
        i += 1
    return i


def mend_near(text: str) -> tuple[str, list[str]]:
    """A long term (``NEAR_LETTERS``) OCR printed one letter off, perhaps with
    a space put inside it (``เบียย์ ยังชีพ``, ``เบี้ยยังซีพ``), read as the term,
    where exactly one run of the line's letters is that near it. Runs of
    Thai letters only; a run that reads as a term already is left alone.

    >>> mend_near("การตรวจสอบคุณสมบัติผู้มีสิทธิรับเงินเบียย์ ยังชีพผู้สูงอายุ")[0]
    'การตรวจสอบคุณสมบัติผู้มีสิทธิรับเงินเบี้ยยังชีพผู้สูงอายุ'
    """
    changed = []
    bare, at = _letter_map(text)
    for term in sorted(lexicon.SUBJECT_TERMS, key=len, reverse=True):
        want = letters(term)
        if len(want) < NEAR_LETTERS or want in bare or not _half_in(want, bare):
            continue
        fits = {(i, i + n) for n in (len(want) - 1, len(want), len(want) + 1) for i in range(len(bare) - n + 1)
                if Levenshtein.distance(bare[i : i + n], want, score_cutoff=1) <= 1}
        if len(fits) != 1:
            continue
        (i, j), = fits
        start, end = at[i], _span_end(text, at[j - 1])
        if text[start:end].count(" ") > 1 or not re.fullmatch(r"[ก-๎ ]+", text[start:end]):
            continue
        changed.append(f"{text[start:end]} -> {term}")
        text = text[:start] + term + text[end:]
        bare, at = _letter_map(text)
    return text, changed


def _half_in(want: str, bare: str) -> bool:
    """Whether either half of ``want`` stands in ``bare`` as it is: one edit
    spoils one half at most, so a run one edit off ``want`` shows the other;
    a cheap test that spares the edit distance on most lines.

    >>> _half_in("เบียยังชีพ", "รับเงินเบียย์ยังชีพ"), _half_in("เบียยังชีพ", "ประชาสัมพันธ์")
    (True, False)
    """
    half = len(want) // 2
    return want[:half] in bare or want[half:] in bare


def mend_terms(text: str) -> tuple[str, list[str]]:
    """``text`` with the five damages mended; what was changed, for the warning."""
    changed: list[str] = []
    for mend in (mend_abbreviations, mend_session, mend_marks, mend_brackets, mend_near):
        text, more = mend(text)
        changed += more
    return text, changed
