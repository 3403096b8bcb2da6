"""ocr.fullmonth: a printed month's full name read as Latin junk between a
date's day and year is read again with the full names' letters, and replaced
only when two readings hold one full name and none names another (the
readings below are what the Thai model gave on seeds 39 and 42)."""

import numpy as np
import pytest
from tokenline import line_tokens

from docintake.ocr.digits import Fix
from docintake.ocr.fullmonth import names, second_look

PAGE = np.full((400, 1400), 255, np.uint8)


@pytest.mark.parametrize(("reading", "months"), [
    ("ธันวาคม", {12}),
    ("วธันวาคมษ", {12}),  # a letter of the day's and the year's ink at the crop's edges
    ("วกันวาคมษ", {12}),  # and one letter misread
    (".พศจิกายน.", {11}),  # ฤ lost, dots of the edges
    ("มกราคม", {1}),
    ("ธ.ค.", set()),  # an abbreviation is monthlook's
    ("กกกก", set()),
    ("", set()),
], ids=["whole", "edge-letters", "edge-letters-one-misread", "letter-lost-dots", "january", "abbreviation",
        "junk", "nothing"])
def test_names(reading: str, months: set[int]) -> None:
    assert names(reading) == months


def _look(words, readings, done=None):
    toks = line_tokens(words)
    it = iter(readings)
    return second_look(PAGE, 1.0, toks, [t.text for t in toks], lambda img, psm: next(it), done or {})


@pytest.mark.parametrize(("words", "readings", "want"), [
    # seed 39: two readings hold ธันวาคม, the third another letter off: taken
    (["๒๐", "HUNAN", "๒๕๖๖"], ["วกันวาคมษ", "วธันวาคมษ", "วกินวาคมษ"], {1: "ธันวาคม"}),
    (["23", "wAAANIWU", "2566"], [".เพศจิกายน", ".พศจิกายน", ".พศจิกายน."], {1: "พฤศจิกายน"}),
    # one reading only, or two months named: left as read
    (["๑๑", "DUNAN", "๒๕๖๘"], ["ธันวาคม", "", "กกก"], {}),
    (["๑๑", "DUNAN", "๒๕๖๘"], ["ธันวาคม", "มกราคม", "ธันวาคม"], {}),
    # short junk is a handwritten abbreviation's, not read here
    (["๑๙", "AA.", "๖๗"], [], {}),
], ids=["december-edges", "november-letter-lost", "one-reading", "two-months", "short-junk"])
def test_second_look(words, readings, want) -> None:
    fixes = _look(words, readings)
    assert {i: f.text for i, f in fixes.items()} == want
    for f in fixes.values():
        assert "read again alone in Thai" in f.reason and words[1] in f.reason


def test_a_slot_another_look_changed_is_left_alone() -> None:
    assert _look(["๒๐", "HUNAN", "๒๕๖๖"], [], done={1: Fix("ธ.ค.", "monthlook")}) == {}
