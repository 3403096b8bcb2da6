"""Accuracy measures: these decide whether a change is kept, so they are tested first."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docintake import metrics


@pytest.mark.parametrize(
    ("truth", "hyp", "expected"),
    [
        ("abc", "abc", 0.0),
        ("abcd", "abxd", 0.25),
        ("ab  cd", "ab cd", 0.0),  # layout whitespace is not an error
        ("", "", 0.0),
        ("", "x", 1.0),
        ("๑๖ มิถุนายน", "๑๐ มิถุนายน", 1 / 11),
    ],
    ids=["same", "one-sub", "whitespace", "both-empty", "empty-truth", "thai-digit"],
)
def test_cer(truth, hyp, expected):
    assert metrics.cer(truth, hyp) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("truth", "hyp", "expected"),
    [
        ("๒๕๖๘", "๒๕๖๘", [("๒", True), ("๕", True), ("๖", True), ("๘", True)]),
        ("๒๕๖๘", "๒๕๒๕", [("๒", True), ("๕", True), ("๖", False), ("๘", False)]),
        ("ที่ ๗", "ที่", [("๗", False)]),
        ("ปี 2568", "ปี 2568", []),  # Arabic digits are not Thai numerals
    ],
    ids=["all-right", "stock-model-failure", "deleted", "arabic-ignored"],
)
def test_digit_hits(truth, hyp, expected):
    assert metrics.digit_hits(truth, hyp) == expected


@pytest.mark.parametrize(
    ("truth", "pred", "expected"),
    [
        (set(), set(), 1.0),
        ({1}, set(), 0.0),
        (set(), {1}, 0.0),
        ({1, 2}, {2, 3}, 0.5),
    ],
    ids=["empty", "missed", "invented", "half"],
)
def test_f1(truth, pred, expected):
    assert metrics.f1(truth, pred)[2] == pytest.approx(expected)


def test_micro_f1_counts_each_item_once():
    pairs = [({1}, {1}), ({2}, set()), (set(), {3})]
    assert metrics.micro_f1(pairs) == pytest.approx(2 * 1 / (2 * 1 + 1 + 1))


@given(st.text())
def test_cer_of_text_with_itself_is_zero(text):
    assert metrics.cer(text, text) == 0.0


@given(st.text(min_size=1), st.text())
def test_similarity_is_between_zero_and_one(a, b):
    assert 0.0 <= metrics.similarity(a, b) <= 1.0
