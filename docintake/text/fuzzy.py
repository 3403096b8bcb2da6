"""OCR-tolerant matching against the domain lexicon (never a spell corrector).

Tesseract drops tone marks and confuses a few glyphs, so the parser compares
*keys*: the text with tone marks removed, by Levenshtein distance with a
tolerance that grows with the word's length. Only the words in
``lexicon.py`` are ever matched; anything else is left as read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from docintake.text import lexicon, line_cache

# Tone marks and other marks Tesseract drops or adds: ignored by keys.
_DROPPABLE = {"\u0e48", "\u0e49", "\u0e4a", "\u0e4b", "\u0e47", "\u0e4c", "\u0e4d"}
# Removed by a regex, not str.translate: translate maps non-ASCII text one
# character at a time through a dict, twenty times slower on Thai lines.
_DROPPED = re.compile("[" + "".join(sorted(_DROPPABLE)) + "]")


@line_cache(maxsize=16384)  # keys of the same words and lines are asked for again and again
def key(s: str) -> str:
    """The comparison key: ``s`` without tone marks (ที่ and ที compare equal).

    >>> key("ที่สุด") == key("ทีสุด")
    True
    """
    return _DROPPED.sub("", s)


@line_cache(maxsize=16384)  # a line is matched against several label sets in turn
def _keyed_prefix(s: str, limit: int) -> tuple[str, tuple[int, ...], frozenset[int]]:
    """Key of the start of ``s`` (``limit`` key chars); for each key length
    k, the index in ``s`` just after the k-th key char; and the lengths k
    where a fuzzy label may stop (``_boundary_ok``: a space, colon or the end
    follows), so the label matcher tries an edit distance only there."""
    chars: list[str] = []
    ends = [0]
    stops = []
    for i, ch in enumerate(s):
        if ch in _DROPPABLE:
            ends[-1] = i + 1
            continue
        if chars and (ch == " " or ch == ":"):  # the key so far is followed by a space or colon
            stops.append(len(chars))
        if len(chars) == limit:
            break
        chars.append(ch)
        ends.append(i + 1)
    else:  # the line ends after the key's last char (and any marks)
        if chars:
            stops.append(len(chars))
    return "".join(chars), tuple(ends), frozenset(stops)


def tolerance(n: int) -> int:
    """Edits allowed for a word whose key has ``n`` characters.

    >>> [tolerance(n) for n in (3, 5, 8, 14)]
    [0, 1, 2, 3]
    """
    if n <= 3:
        return 0
    if n <= 6:
        return 1
    return 2 if n <= 11 else 3


@dataclass(frozen=True)
class LabelMatch:
    label: str  # canonical label
    end: int  # index in the line just after the label as printed
    distance: int  # 0 for an exact (tone-insensitive) match

    @property
    def confidence(self) -> float:
        return 1.0 if self.distance == 0 else max(0.5, 0.9 - 0.15 * self.distance)


def _label_forms() -> list[tuple[str, str, int]]:
    """(key, canonical label, distance to report): a listed OCR variant counts as one edit."""
    forms = [(key(label), label, 0) for label in lexicon.LABELS]
    forms += [(key(v), label, 1) for label, extra in lexicon.LABELS.items() for v in extra]
    return sorted(forms, key=lambda f: (-len(f[0]), f[2]))  # longest first: วันที่ before ที่


_FORMS = _label_forms()


def _boundary_ok(line: str, end: int, exact: bool, klen: int) -> bool:
    """A fuzzy or short label must stand alone: followed by a space or the end."""
    if end >= len(line) or line[end] in " :":
        return True
    return exact and klen > 3


# Specks OCR reads from dirt at the start of a line: never part of a label.
_SPECKS = " '\".,:;|_~`©®•·‘’"
# One token of debris before a label or a stamp word: a lone consonant, a Latin
# pair, or a lone digit (a speck read as ๑, seeds 54-55).
DEBRIS_TOKEN = r"[ก-ฮ]|[A-Za-z]{1,2}|[0-9๐-๙]"
_DEBRIS = re.compile(rf"(?:{DEBRIS_TOKEN})\s+")


def match_label(line: str, allowed: tuple[str, ...] | None = None) -> LabelMatch | None:
    """The label a line starts with, tolerating OCR noise; None if none.

    >>> match_label("เรือง การขับเคลื่อน").label
    'เรื่อง'
    >>> match_label(". เรียน นายอำเภอ").end
    7
    >>> match_label("ที่ว่าการอำเภอเมือง") is None
    True
    """
    rest = line.lstrip(_SPECKS)
    hit = _match_label(rest, allowed)
    if hit is None:
        # One debris token first ("ye เรียน", "ง ที่", "๑ เรียน"): a lone consonant, Latin pair or digit.
        m = _DEBRIS.match(rest)
        if m is None:
            return None
        rest = rest[m.end() :]
        hit = _match_label(rest, allowed)
        if hit is None:
            return None
    skip = len(line) - len(rest)
    return LabelMatch(hit.label, hit.end + skip, hit.distance) if skip else hit


@lru_cache(maxsize=256)  # callers pass a few constant label sets; each is filtered once
def _forms_for(allowed: tuple[str, ...] | None) -> tuple[tuple[str, str, int, int, int], ...]:
    """The label forms of ``allowed`` (all when None), in ``_FORMS`` order, each
    with its key length and the edits it tolerates."""
    return tuple((*f, len(f[0]), tolerance(len(f[0]))) for f in _FORMS if allowed is None or f[1] in allowed)


@line_cache(maxsize=65536)  # a line is asked for the same label sets by several stages
def _match_label(line: str, allowed: tuple[str, ...] | None) -> LabelMatch | None:
    head, ends, stops = _keyed_prefix(line, 24)
    split_stops = _one_space_stops(head, stops)
    best: LabelMatch | None = None
    for kform, label, listed, n, tol in _forms_for(allowed):
        if head.startswith(kform) and _boundary_ok(line, ends[n], True, n):
            return LabelMatch(label, ends[n], listed)
        if tol == 0 or best is not None and best.distance <= 1:
            continue
        for m in (n - 1, n, n + 1):
            if m not in stops:
                continue
            d = Levenshtein.distance(head[:m], kform, score_cutoff=tol)
            if d <= tol and (best is None or d < best.distance):
                best = LabelMatch(label, ends[m], d)
        if split_stops and (m := _split_stop(split_stops, n)) is not None:
            # the space OCR put inside the label counts as one edit
            d = Levenshtein.distance(head[:m].replace(" ", ""), kform, score_cutoff=tol) + 1
            if d <= tol and (best is None or d < best.distance):
                best = LabelMatch(label, ends[m], d)
    return best


@line_cache(maxsize=16384)  # asked once per label form of every line: worked out once per line
def _one_space_stops(head: str, stops: frozenset[int]) -> tuple[int, ...]:
    """The stops after exactly one space (not right after it): where a label
    OCR split with one space may end (``สิ่งที่ สั่งมาด้วย``)."""
    return tuple(m for m in stops if head[:m].count(" ") == 1 and head[m - 1] != " ")


def _split_stop(split_stops: tuple[int, ...], n: int) -> int | None:
    """Where a label of ``n`` key chars that OCR split with one space ends: the
    one-space stop whose letters number n-1 to n+1; a label has no space of its own."""
    return max((m for m in split_stops if n - 1 <= m - 1 <= n + 1), default=None)


@dataclass(frozen=True)
class WordMatch:
    word: str  # canonical word
    start: int
    end: int
    distance: int

    @property
    def confidence(self) -> float:
        return 1.0 if self.distance == 0 else max(0.5, 0.85 - 0.1 * self.distance)


# Ordinary words one or two edits from an urgency word.
_NOT_URGENCY = {key(w) for w in lexicon.NOT_URGENCY}


def _damaged_urgency(k: str, kw: str) -> bool:
    """``k`` is ด่วน + tail (ที่สุด / มาก) with at most one edit in each part;
    the tail's vowel marks, which a red stamp loses first, do not count
    (``ด่วนกสุด``: ที่ read as ก, seed 62).

    Splitting the word keeps ordinary words out: มากที่สุด has an intact tail
    but its head มาก is three edits from ด่วน.
    """
    tail = kw[3:]
    bare_tail = _VOWEL_MARKS.sub("", tail)
    for cut in sorted({len(k) - len(tail) - 1, len(k) - len(tail), len(k) - len(tail) + 1, len(k) - len(bare_tail)}):
        if 2 <= cut <= 4 and Levenshtein.distance(k[:cut], "ดวน") <= 1 \
                and Levenshtein.distance(_VOWEL_MARKS.sub("", k[cut:]), bare_tail) <= 1:
            return True
    return False


# Vowels written over or under a letter: a stamp's red print loses them first
# (ด่วนทสด for ด่วนที่สุด, seed 14): a tail whose letters all stand is the tail.
_VOWEL_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47]")


def match_urgency_token(token: str) -> tuple[str, int] | None:
    """Canonical urgency for one whitespace-free token, with its edit distance.

    >>> match_urgency_token("ค้านที่สุด")
    ('ด่วนที่สุด', 1)
    >>> match_urgency_token("มากที่สุด") is None
    True
    >>> match_urgency_token("ด่วนทสด")  # both vowels of the tail lost
    ('ด่วนที่สุด', 2)
    """
    if token in lexicon.URGENCY_WORDS:
        return token, 0
    if token in lexicon.URGENCY_CONFUSIONS:
        return lexicon.URGENCY_CONFUSIONS[token], 1
    k = key(token)
    if not k or k in _NOT_URGENCY:
        return None
    for word in lexicon.URGENCY_WORDS:
        kw = key(word)
        if k == kw:
            return word, 0
        if len(kw) >= 6 and _damaged_urgency(k, kw):
            return word, Levenshtein.distance(k, kw)
    return None


def find_urgency(text: str) -> WordMatch | None:
    """The first urgency word among the whitespace-separated tokens of ``text``.

    >>> find_urgency("หนังสือจังหวัดชัยภูมิ ต่วนที่สุด ที่ ชย").word
    'ด่วนที่สุด'
    """
    tokens: list[tuple[str, int]] = []
    pos = 0
    for token in text.split(" "):
        start = text.find(token, pos)
        pos = start + len(token)
        tokens.append((token, start))
    for k, (token, start) in enumerate(tokens):
        hit = match_urgency_token(token.strip(".,:;()"))
        if hit is None:
            continue
        end = start + len(token)
        if hit[0] == "ด่วน" and k + 1 < len(tokens):
            # A wrap inside the word: "ด่วน" + "ที่สุด" on the next line.
            nxt, nstart = tokens[k + 1]
            whole = match_urgency_token(token + nxt)
            if whole is not None:
                return WordMatch(whole[0], start, nstart + len(nxt), whole[1])
        return WordMatch(hit[0], start, end, hit[1])
    return None


def starts_with_any(s: str, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` that ``s`` starts with, tone-insensitively."""
    ks = key(s[:40])
    for w, kw in _keys_of(words):
        if ks.startswith(kw):
            return w
    return None


@lru_cache(maxsize=256)
def _keys_of(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((w, key(w)) for w in words)


def ends_with_any(s: str, words: tuple[str, ...], max_edits: int = 1) -> str | None:
    """The first of ``words`` that ``s`` ends with, tone-insensitively and with up
    to ``max_edits`` letters misread, lost or added (``ทุกิแห่ง`` for ทุกแห่ง: OCR
    put a vowel in). The tail compared is as long as the word, or one letter
    shorter or longer, so a letter lost or added does not shift it.

    >>> ends_with_any("นายกองค์การบริหารส่วนตำบล ทุกิแห่ง", ("ทุกแห่ง",))
    'ทุกแห่ง'
    """
    ks = key(s.rstrip()[-40:])
    for w, kw in _keys_of(words):
        if len(kw) <= 3:  # too short to forgive an edit
            continue
        if any(Levenshtein.distance(ks[-n:], kw, score_cutoff=max_edits) <= max_edits
               for n in (len(kw) - 1, len(kw), len(kw) + 1) if n <= len(ks)):
            return w
    return None
