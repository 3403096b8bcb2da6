"""Numbers Tesseract glued into one token with a letter between them (``ocr.glued``)."""

from __future__ import annotations

import pytest

from docintake.ocr.glued import letters_both_saw, rewrite_runs
from docintake.ocr.numbers import rewrite

NO = 1e-9  # the probability ``_one_script`` leaves a letter it turned into a digit


def reading(ours: str) -> list[tuple[str, float]]:
    """(class, p) per glyph; ``!``: a glyph read as ๗ with p ~ 0."""
    return [("๗", NO) if c == "!" else (c, 0.99) for c in ours]


LETTERS = [
    # (id, Tesseract's token, our reading (! = a ๗ we all but ruled out), reading after)
    ("circular-letter-between-numbers", "๐๕๑๕๒/ว-.๑๓๑๕", "๐๘๑๙.๒/!๑๓๑๘", "๐๘๑๙.๒/?๑๓๑๘"),
    ("letter-with-a-stray-vowel", "๐๐๒๓.๒/วุ๒๒๓๑", "๐๐๒๓.๒/!๖๖๗๑", "๐๐๒๓.๒/?๖๖๗๑"),
    ("tesseract-saw-a-digit-there", "๐๐๒๓.๒/๑๒๒๓๑", "๐๐๒๓.๒/!๖๖๗๑", "๐๐๒๓.๒/๗๖๖๗๑"),
    ("a-sure-digit-stays", "๐๕๑๕๒/ว-.๑๓๑๕", "๐๘๑๙.๒/๗๑๓๑๘", "๐๘๑๙.๒/๗๑๓๑๘"),
    ("letters-at-the-edge-are-not-between", "ว๒๐๒๕", "!๒๐๖๙", "๗๒๐๖๙"),
    ("two-doubts-one-letter", "๑๕ว๑๕", "๑!๘!๘", "๑๗๘๗๘"),
]


@pytest.mark.parametrize("text, ours, want", [c[1:] for c in LETTERS], ids=[c[0] for c in LETTERS])
def test_letters_both_saw(text, ours, want):
    got = letters_both_saw(text, reading(ours))
    assert "".join(c for c, _ in got) == want


RUNS = [
    # (id, Tesseract's token, our reading, rewritten token or None)
    ("document-number-and-running-number", "๐๕๑๕๒/ว-.๑๓๑๕", "๐๘๑๙.๒/? ๑๓๑๘", "๐๘๑๙.๒/ว ๑๓๑๘"),
    ("with-the-prefix-before", "มท๐๕๑๕๒/ว๑๓๑๕", "??๐๘๑๙.๒/?๑๓๑๘", "มท๐๘๑๙.๒/ว๑๓๑๘"),
    ("one-number-with-a-letter-inside", "๕๕", "๔?๔", None),  # our cut is not to be trusted
    ("more-numbers-than-tesseract-saw", "๐๕๑๕๒/ว", "๐๘๑๙.๒/?๑๓", None),
]


@pytest.mark.parametrize("text, ours, want", [c[1:] for c in RUNS], ids=[c[0] for c in RUNS])
def test_rewrite_glued_numbers(text, ours, want):
    result = rewrite(text, reading(ours))
    assert (result[0] if result else None) == want


def test_the_least_sure_number_sets_the_sureness():
    ours = [(c, 0.5 if c == "๑" else 0.99) for c in "๒๔/?๑๑"]
    assert rewrite_runs("๒๕/ว๑๑", ours) == ("๒๔/ว๑๑", pytest.approx(0.5))
