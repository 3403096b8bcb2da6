"""Put back the tone marks Tesseract's Thai model drops.

The stock Thai model loses mai ek and mai tho more often than it gets any
other character wrong: on the tuning corpora (seeds 1 and 3) 752 of about
4,640 character edits were a dropped ่ or ้ (ท้องถิน, ที, เรือง, สิง for
ท้องถิ่น, ที่, เรื่อง, สิ่ง). The letters around a lost mark are right, so the
mark can be put back by asking which reading is more likely Thai.

The model is a noisy channel over each run of Thai letters: the run is split
into words by a unigram model (word frequencies of the Thai National Corpus,
which ships inside pythainlp, so nothing is downloaded), and inserting a mark
costs a fixed penalty. A mark goes in where it makes the text more probable by
more than that penalty. Only ่ and ้ are ever inserted, only into a syllable
that has no tone mark, and the one other repair is the lost circle of sara am
(ดาเนินการ -> ดำเนินการ): no letter is ever changed, so this is not a general
spell corrector.

Names are not in the corpus, and a tone mark can turn one into common words
(ทุ่งสง -> ทุ่งส่ง), so nothing is inserted after a word that introduces a
name (``lexicon.NAME_INTRODUCERS``).

>>> restore_tones("ด่วนทีสุด องค์กรปกครองส่วนท้องถิน")
'ด่วนที่สุด องค์กรปกครองส่วนท้องถิ่น'
>>> restore_tones("ที่ว่าการอำเภอทุ่งสง")
'ที่ว่าการอำเภอทุ่งสง'
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from docintake.text.lexicon import NAME_INTRODUCERS

# The two marks the Thai model drops; ๊ ๋ are rare enough to leave alone.
MARKS = "\u0e48\u0e49"  # ่ ้
# What one insertion costs, in nats (-log probability). Measured on seed 1:
# 1 and 3 gave the same CER (4.40% / 4.36% from 4.93%), 6 kept too few (4.61%).
INSERT_COST = 3.0
# An unknown character costs as much as a very rare word, so a run that only
# splits into dictionary words by dropping letters is still scored sensibly.
UNKNOWN_COST = 14.0
# Longest word looked at around an inserted mark, each side of it.
SPAN = 12

_CONSONANTS = "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรฤลฦวศษสหฬอฮ"
_UPPER_LOWER = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39"  # ั ิ ี ึ ื ุ ู
_TONE_CLASS = "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c"  # ็ ่ ้ ๊ ๋ ์
_SARA_AA, _SARA_AM = "\u0e32", "\u0e33"
_THAI_RUN = re.compile("[\u0e01-\u0e3a\u0e40-\u0e4e]+")


@dataclass(frozen=True)
class ToneRepair:
    """One run of Thai letters that gained tone marks, and by how much it won."""

    before: str
    after: str
    gain: float  # nats the text became more probable by, net of the insertion cost


@lru_cache(maxsize=1)
def word_costs() -> dict[str, float]:
    """-log P(word) from the Thai National Corpus frequency list (bundled with pythainlp)."""
    from pythainlp.corpus.tnc import word_freqs

    counts: dict[str, int] = {}
    for word, n in word_freqs():
        counts[word] = counts.get(word, 0) + n
    total = sum(counts.values())
    return {w: -math.log((n + 1) / total) for w, n in counts.items()}


def _split(s: str, costs: dict[str, float]) -> tuple[list[float], list[int]]:
    """Forward pass: best[i] is the cheapest split of s[:i] into words and
    unknown characters; back[i] is where the last piece of that split starts."""
    best = [0.0] + [math.inf] * len(s)
    back = [0] * (len(s) + 1)
    for i in range(len(s)):
        b = best[i]
        if b + UNKNOWN_COST < best[i + 1]:
            best[i + 1], back[i + 1] = b + UNKNOWN_COST, i
        for j in range(i + 1, min(len(s), i + 2 * SPAN) + 1):
            c = costs.get(s[i:j])
            if c is not None and b + c < best[j]:
                best[j], back[j] = b + c, i
    return best, back


def _rest(s: str, costs: dict[str, float]) -> list[float]:
    """Backward pass: rest[i] is the cheapest split of s[i:]."""
    n = len(s)
    rest = [math.inf] * n + [0.0]
    for i in range(n - 1, -1, -1):
        b = rest[i + 1] + UNKNOWN_COST
        for j in range(i + 1, min(n, i + 2 * SPAN) + 1):
            c = costs.get(s[i:j])
            if c is not None and c + rest[j] < b:
                b = c + rest[j]
        rest[i] = b
    return rest


def _words(s: str, back: list[int]) -> list[tuple[int, int]]:
    spans, j = [], len(s)
    while j > 0:
        spans.append((back[j], j))
        j = back[j]
    return spans[::-1]


def _open_positions(s: str, frozen_from: int) -> list[int]:
    """Where a tone mark may go: after a consonant (or its upper/lower vowel)
    of a syllable that has no tone-class mark yet, before the frozen tail."""
    out = []
    for p in range(1, min(len(s), frozen_from) + 1):
        prev, nxt = s[p - 1], s[p] if p < len(s) else " "  # not "": "" is in every string
        if nxt in _TONE_CLASS or (prev in _CONSONANTS and nxt in _UPPER_LOWER):
            continue  # a mark is there already, or the vowel mark comes first
        if prev in _CONSONANTS or (prev in _UPPER_LOWER and not (p >= 2 and s[p - 2] in _TONE_CLASS)):
            out.append(p)
    return out


def _edits(s: str, frozen_from: int):
    """(position, characters consumed, replacement) for every repair tried:
    a tone mark put into a syllable that has none, and sara am for a sara aa
    whose circle was lost (ดาเนินการ for ดำเนินการ)."""
    for p in _open_positions(s, frozen_from):
        for mark in MARKS:
            yield p, 0, mark
    for p in range(1, min(len(s), frozen_from)):
        if s[p] == _SARA_AA and (s[p - 1] in _CONSONANTS or (s[p - 1] in MARKS and p >= 2 and s[p - 2] in _CONSONANTS)):
            yield p, 1, _SARA_AM


def _best_edit(s: str, costs: dict[str, float], frozen_from: int) -> tuple[str, float]:
    """The one repair that makes s most probable, with its net gain (<= 0: none)."""
    best, _ = _split(s, costs)
    rest = _rest(s, costs)
    base = best[len(s)]
    winner, gain = s, 0.0
    for p, used, new in _edits(s, frozen_from):
        for a in range(max(0, p - SPAN), p):
            head = s[a:p] + new
            for b in range(p + used, min(len(s), p + SPAN) + 1):
                c = costs.get(head + s[p + used : b])
                if c is None:
                    continue
                g = base - (best[a] + c + rest[b]) - INSERT_COST
                if g > gain + 1e-9:
                    winner, gain = s[:p] + new + s[p + used :], g
    return winner, gain


def _frozen_from(s: str, costs: dict[str, float], after_name_word: bool) -> int:
    """Index after which nothing is inserted: the end of the first word that
    introduces a name (อำเภอ, ตำบล, นาย ...), or 0 when the run is a name."""
    if after_name_word:
        return 0
    _, back = _split(s, costs)
    for a, b in _words(s, back):
        if s[a:b].endswith(NAME_INTRODUCERS):
            return b
    return len(s)


def restore_run(run: str, after_name_word: bool = False, rounds: int = 4) -> tuple[str, float]:
    """One run of Thai letters with its dropped tone marks put back, and the total gain.

    >>> restore_run("ท้องถิน")[0]
    'ท้องถิ่น'
    >>> restore_run("ทุ่งสง", after_name_word=True)[0]
    'ทุ่งสง'
    """
    costs = word_costs()
    frozen = _frozen_from(run, costs, after_name_word)
    total = 0.0
    for _ in range(rounds):
        fixed, gain = _best_edit(run, costs, frozen)
        if gain <= 0:
            break
        frozen += len(fixed) - len(run)  # the frozen tail moves right past an inserted mark
        run, total = fixed, total + gain
    return run, total


def _after_name_word(text: str, start: int) -> bool:
    """Whether the run at ``start`` follows a name word across a dot or space
    (อบต.บ้านใหม่, อำเภอ ทุ่งสง)."""
    head = text[max(0, start - 16) : start].rstrip(". ")
    return head.endswith(NAME_INTRODUCERS)


def restore_tones_with_repairs(text: str) -> tuple[str, list[ToneRepair]]:
    """``text`` with dropped tone marks put back, and a record of every run changed."""
    repairs: list[ToneRepair] = []

    def fix(m: re.Match[str]) -> str:
        run = m.group()
        if len(run) < 2:
            return run
        fixed, gain = restore_run(run, _after_name_word(text, m.start()))
        if fixed != run:
            repairs.append(ToneRepair(run, fixed, round(gain, 2)))
        return fixed

    return _THAI_RUN.sub(fix, text), repairs


def restore_tones(text: str) -> str:
    """``text`` with dropped tone marks put back (see the module docstring)."""
    return restore_tones_with_repairs(text)[0]
