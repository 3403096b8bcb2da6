"""Several readings of one letter: best-read values win, disagreements become warnings."""

import datetime as dt

import pytest

from docintake.models import Deadline, Letter, ParseWarning
from docintake.registry.merge import merge_readings, reading_score


def _reading(**kw):
    return Letter(**kw)


def test_best_confidence_wins_per_field():
    original = _reading(doc_no="ชย 0023.6/1478", date=dt.date(2025, 5, 28), subject="เรื่อง ก",
                        confidence={"doc_no": 0.95, "date": 0.4, "subject": 0.9})
    copy = _reading(doc_no="ชย 0023.6/1473", date=dt.date(2025, 5, 23), subject="เรื่อง ก",
                    confidence={"doc_no": 0.5, "date": 0.9, "subject": 0.7})
    merged = merge_readings([("a.pdf p1-2", original), ("b.pdf p3-4", copy)])
    assert merged.doc_no == "ชย 0023.6/1478"  # the original read its number better
    assert merged.date == dt.date(2025, 5, 23)  # the copy read its date better
    fields = {w.field for w in merged.warnings if w.code == "sightings_disagree"}
    assert fields == {"doc_no", "date"}  # subjects agree: no warning
    message = next(w.message for w in merged.warnings if w.field == "doc_no")
    assert "a.pdf p1-2" in message and "b.pdf p3-4" in message and "1473" in message


def test_a_value_read_only_once_is_kept():
    a = _reading(doc_no="ชย 0023.6/1478", deadlines=[])
    b = _reading(doc_no="ชย 0023.6/1478", deadlines=[Deadline(date=dt.date(2025, 5, 30), text="ภายใน ...")])
    merged = merge_readings([("a", a), ("b", b)])
    assert merged.deadlines == b.deadlines
    assert not merged.warnings


def test_whitespace_differences_are_not_disagreements():
    merged = merge_readings([("a", _reading(subject="การขับเคลื่อน  นโยบาย")),
                             ("b", _reading(subject="การขับเคลื่อน นโยบาย"))])
    assert not merged.warnings


def test_parser_warnings_are_kept_once():
    w = ParseWarning(code="weekday_mismatch", field="date", message="x")
    merged = merge_readings([("a", _reading(warnings=[w])), ("b", _reading(warnings=[w]))])
    assert merged.warnings == [w]


@pytest.mark.parametrize("confidence,warnings,expected", [
    ({}, 0, 0.6), ({"a": 1.0}, 0, 1.0), ({"a": 1.0, "b": 0.5}, 0, 0.75), ({"a": 1.0}, 5, 0.9),
], ids=["unscored", "confident", "mean", "warnings-cost"])
def test_reading_score(confidence, warnings, expected):
    letter = Letter(confidence=confidence,
                    warnings=[ParseWarning(code="c", message="m") for _ in range(warnings)])
    assert reading_score(letter) == pytest.approx(expected)
