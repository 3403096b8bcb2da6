"""Pure accuracy measures used by ``make eval``: text in, numbers out.

>>> round(cer("ที่ มท ๐๘๑๐", "ที มท ๐๕๑๐"), 3)
0.182
>>> digit_hits("๑๖ มิ.ย.", "๑๐ มิ.ย.")
[('๑', True), ('๖', False)]
>>> f1({("a", 1), ("b", 2)}, {("a", 1)})
(1.0, 0.5, 0.6666666666666666)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz.distance import Levenshtein

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_THAI_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse every whitespace run to one space: CER should not count layout."""
    return _SPACE.sub(" ", text).strip()


def cer(truth: str, hypothesis: str) -> float:
    """Character error rate: edits / length of the truth, whitespace collapsed."""
    t, h = squash(truth), squash(hypothesis)
    if not t:
        return 0.0 if not h else 1.0
    return Levenshtein.distance(t, h) / len(t)


def digit_hits(truth: str, hypothesis: str, digits: str = THAI_DIGITS) -> list[tuple[str, bool]]:
    """For every digit of the truth, whether the OCR produced that same digit there.

    Aligns the two texts by edit distance; a digit counts as read only when it
    sits in an unchanged stretch of the alignment.
    """
    t, h = squash(truth), squash(hypothesis)
    hits: list[tuple[str, bool]] = []
    for tag, t1, t2, _h1, _h2 in Levenshtein.opcodes(t, h):
        for ch in t[t1:t2]:
            if ch in digits:
                hits.append((ch, tag == "equal"))
    return hits


def f1(truth: set, predicted: set) -> tuple[float, float, float]:
    """Precision, recall and F1 of two sets; two empty sets agree perfectly."""
    if not truth and not predicted:
        return 1.0, 1.0, 1.0
    tp = len(truth & predicted)
    precision = tp / len(predicted) if predicted else 0.0
    recall = tp / len(truth) if truth else 0.0
    score = 2 * precision * recall / (precision + recall) if tp else 0.0
    return precision, recall, score


def similarity(truth: str | None, predicted: str | None) -> float:
    """1 - normalised edit distance after collapsing space and mapping Thai digits.

    >>> similarity("เรื่อง ๑ อปท.", "เรื่อง 1 อปท.")
    1.0
    """
    if truth is None and predicted is None:
        return 1.0
    if truth is None or predicted is None:
        return 0.0
    a = squash(truth).translate(_THAI_TO_ARABIC)
    b = squash(predicted).translate(_THAI_TO_ARABIC)
    return Levenshtein.normalized_similarity(a, b)


def micro_f1(pairs: Iterable[tuple[set, set]]) -> float:
    """F1 over the union of many (truth, predicted) set pairs, counted once each."""
    tp = fp = fn = 0
    for truth, predicted in pairs:
        tp += len(truth & predicted)
        fp += len(predicted - truth)
        fn += len(truth - predicted)
    if tp + fp + fn == 0:
        return 1.0
    return 2 * tp / (2 * tp + fp + fn)
