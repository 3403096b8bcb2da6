"""Identity of letters under OCR noise: which readings are one letter, with what reason."""

import datetime as dt

import pytest

from docintake.registry.identity import POSSIBLE, STRONG, canonical, compare, doc_key

D = dt.date
MAY14 = D(2025, 5, 14)

# (id, a_doc, a_date, b_doc, b_date, expected confidence (None: not the same), reason fragment)
CASES = [
    ("exact", "มท 0810.6/ว 2069", MAY14, "มท 0810.6/ว 2069", MAY14, 1.0, ""),
    ("prefix-ng-for-mo", "งท 0810.6/ว 2069", MAY14, "มท 0810.6/ว 2069", MAY14, 0.95, "งท"),
    ("prefix-other-letter", "กท 0810.6/ว 2069", MAY14, "มท 0810.6/ว 2069", MAY14, 0.85, "prefix"),
    ("digit-confusion-6-2", "มท 0810.6/ว 2029", MAY14, "มท 0810.6/ว 2069", MAY14, 0.88, "misread"),
    ("digit-unknown-confusion", "มท 0810.6/ว 2169", MAY14, "มท 0810.6/ว 2069", MAY14, 0.75, "one digit"),
    ("code-digit-confusion", "มท 0510.6/ว 2069", MAY14, "มท 0810.6/ว 2069", MAY14, 0.95, "office code"),
    ("day-off", "มท 0810.6/ว 2069", D(2025, 5, 15), "มท 0810.6/ว 2069", MAY14, 0.9, "a day apart"),
    ("date-unread-one-side", "มท 0810.6/ว 2069", None, "มท 0810.6/ว 2069", MAY14, 0.9, "not read"),
    ("year-digit-misread", "มท 0810.6/ว 2069", D(2026, 5, 14), "มท 0810.6/ว 2069", MAY14, 0.88, "years"),
    ("circular-mark-lost", "มท 0810.6/2069", MAY14, "มท 0810.6/ว 2069", MAY14, 0.9, "ว"),
    ("dates-far-apart", "มท 0810.6/ว 2069", D(2025, 1, 2), "มท 0810.6/ว 2069", MAY14, 0.55, "dates differ"),
    ("other-running-number", "ชย 0023.14/1709", MAY14, "ชย 0023.14/578", MAY14, None, ""),
    ("other-office", "ชย 0023.14/1709", MAY14, "มท 0810.6/1709", MAY14, None, ""),
    ("no-doc-no", None, MAY14, "มท 0810.6/ว 2069", MAY14, None, ""),
]


@pytest.mark.parametrize("a_doc,a_date,b_doc,b_date,expected,fragment",
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_compare(a_doc, a_date, b_doc, b_date, expected, fragment):
    match = compare(a_doc, a_date, b_doc, b_date)
    if expected is None:
        assert match is None or match.confidence < POSSIBLE
        return
    assert match.confidence == pytest.approx(expected)
    assert fragment in match.reason
    # symmetric: the order of the two readings does not matter
    assert compare(b_doc, b_date, a_doc, a_date).confidence == pytest.approx(expected)


def test_strong_and_possible_split_at_thresholds():
    strong = compare("งท 0810.6/ว 2069", MAY14, "มท 0810.6/ว 2069", MAY14)
    possible = compare("มท 0810.6/ว 2169", MAY14, "มท 0810.6/ว 2069", MAY14)
    assert strong.strong and not strong.possible
    assert possible.possible and not possible.strong
    assert POSSIBLE < STRONG


def test_consecutive_numbers_with_other_subjects_are_not_one_letter():
    # Same office, same day, numbers one apart: two letters, unless the subject agrees.
    a = ("ชย 0023.14/1709", MAY14, "ขอเชิญประชุม")
    b = ("ชย 0023.14/1708", MAY14, "การขับเคลื่อนนโยบาย ๑ อปท. ๑ อัตลักษณ์ท้องถิ่น")
    match = compare(a[0], a[1], b[0], b[1], a[2], b[2])
    assert match is None or not match.strong
    same_subject = compare(a[0], a[1], b[0], b[1], b[2], b[2])
    assert same_subject.confidence > (match.confidence if match else 0)


@pytest.mark.parametrize("typed,expected", [
    ("ชย๐๐๒๓.๑๔/๑๗๐๙", "ชย 0023.14/1709"),
    ("มท 0810.6/ว2069", "มท 0810.6/ว 2069"),
    ("ชย 0023.6/1 365", "ชย 0023.6/1365"),
    ("แบบรายงาน  ก", "แบบรายงาน ก"),
], ids=["thai-digits-no-space", "circular-no-space", "split-digits", "not-a-number"])
def test_canonical(typed, expected):
    assert canonical(typed) == expected


def test_doc_key_parts():
    key = doc_key("มท 0810.6/ว 2069")
    assert (key.prefix, key.code, key.circular, key.run, key.office) == ("มท", "0810.6", True, "2069", "มท 0810.6")


# --------------------------------------------------------------- properties

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

prefixes = st.sampled_from(["มท", "งท", "ชย", "ซย", "ขก"])
codes = st.from_regex(r"\A0[0-9]{3}\.[0-9]{1,2}\Z")
runs = st.integers(min_value=1, max_value=9999).map(str)
dates = st.one_of(st.none(), st.dates(min_value=D(2020, 1, 1), max_value=D(2027, 12, 31)))
doc_nos = st.builds(lambda p, c, circ, r: f"{p} {c}/{'ว ' if circ else ''}{r}", prefixes, codes, st.booleans(), runs)


@settings(max_examples=200, deadline=None)
@given(doc_nos, dates, doc_nos, dates)
def test_compare_is_symmetric_and_bounded(a, da, b, db_):
    one, other = compare(a, da, b, db_), compare(b, db_, a, da)
    assert (one is None) == (other is None)
    if one is not None:
        assert 0.0 <= one.confidence <= 1.0 and one.confidence == pytest.approx(other.confidence)


@settings(max_examples=100, deadline=None)
@given(doc_nos, st.dates(min_value=D(2020, 1, 1), max_value=D(2027, 12, 31)))
def test_a_reading_is_itself_and_canonical_is_stable(doc_no, day):
    assert compare(doc_no, day, doc_no, day).confidence == 1.0
    assert canonical(canonical(doc_no)) == canonical(doc_no) == doc_no
