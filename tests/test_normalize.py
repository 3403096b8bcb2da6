"""clean_ocr_text and the digit maps: table cases from real Tesseract faults,
plus properties (idempotence, digit round trips, line/page breaks kept)."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docintake.text.normalize import (
    THAI_DIGITS,
    arabic_to_thai_digits,
    clean_ocr_text,
    thai_to_arabic_digits,
)

NIKHAHIT, SARA_AA, SARA_AM = "\u0e4d", "\u0e32", "\u0e33"

CASES = [
    ("sara-am-split", "ส" + NIKHAHIT + SARA_AA + "เนา", "สำเนา"),
    # Tone typed/read between nikhahit and sara aa: the tone belongs before ำ.
    ("sara-am-tone-inside", "น" + NIKHAHIT + "\u0e49" + SARA_AA, "น้ำ"),
    ("sara-am-tone-before", "น\u0e49" + NIKHAHIT + SARA_AA, "น้ำ"),
    ("zero-width-inside-keyword", "เรื่\u200bอง", "เรื่อง"),
    ("bom-and-zwj", "\ufeffที่\u200d ชย", "ที่ ชย"),
    ("duplicated-tone", "ที\u0e48\u0e48", "ที่"),
    ("duplicated-vowel", "ที\u0e35", "ที"),
    ("two-tones-keep-first", "ก\u0e48\u0e49", "ก่"),
    ("stray-mark-after-space", "ชย \u0e48๐๐๒๓", "ชย ๐๐๒๓"),
    ("stray-mark-line-start", "\u0e49เรื่อง", "เรื่อง"),
    ("mark-after-leading-vowel", "เ\u0e48รียน", "เรียน"),
    ("thanthakhat-after-vowel-kept", "ศักดิ์", "ศักดิ์"),
    ("double-sara-e", "\u0e40\u0e40จ้ง", "แจ้ง"),
    ("spaces-collapsed", "ที่  ชย\t๐๐๒๓.๑๔/\u00a0๑๗๐๙  ", "ที่ ชย ๐๐๒๓.๑๔/ ๑๗๐๙"),
    ("line-breaks-kept", "เรื่อง ก\n\nเรียน ข", "เรื่อง ก\n\nเรียน ข"),
    ("crlf", "ก\r\nข\rค", "ก\nข\nค"),
    ("form-feed-kept-and-trimmed", "หน้า ๑ \f  หน้า ๒", "หน้า ๑\fหน้า ๒"),
    ("thai-digits-kept", "๑๖ มิถุนายน ๒๕๖๘", "๑๖ มิถุนายน ๒๕๖๘"),
    ("empty", "", ""),
    # No syllable begins with ะ า ำ: a space before one is OCR's (seed 24: แล ะควบคุ มโรค) ...
    ("space-before-sara-a", "ป้องกันแล ะควบคุม", "ป้องกันและควบคุม"),
    ("space-before-sara-aa", "งบประม าณ", "งบประมาณ"),
    # ... and the same vowel right after itself is the glyph read twice.
    ("sara-a-read-twice", "ทราบ และ ะแจ้ง", "ทราบ และแจ้ง"),
    # Spaces before a syllable's own start stay (a split word OCR cannot tell), as before ๆ.
    ("space-before-consonant-kept", "งบประ มาณ ต่าง ๆ", "งบประ มาณ ต่าง ๆ"),
    # ... and one standing alone is a speck, wherever it stands (seed 28).
    ("lone-vowel-specks", "ภายในวันที่ ๒๓ า ต.ค. ะ ๖๖", "ภายในวันที่ ๒๓ ต.ค. ๖๖"),
    ("lone-vowel-at-line-ends", "การประชุม ะ\nา ๒๕ เมษายน", "การประชุม\n๒๕ เมษายน"),
    ("lone-vowel-opens-the-page", "า ๒๕ เมษายน\nเรื่อง", "๒๕ เมษายน\nเรื่อง"),
    ("lone-vowel-after-a-line-break", "เมษายน\nา ๒๕", "เมษายน\n๒๕"),
]


@pytest.mark.parametrize("raw,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_clean_ocr_text(raw, expected):
    assert clean_ocr_text(raw) == expected


SEED = Path(__file__).parent / "fixtures" / "seed_bundle.txt"


def test_seed_fixture_is_stable_under_cleaning():
    seed_text = SEED.read_text(encoding="utf-8")
    # The seed is already clean of these faults; cleaning must not damage it
    # beyond trimming line ends.
    cleaned = clean_ocr_text(seed_text)
    assert cleaned.splitlines() == [ln.strip() for ln in seed_text.splitlines()]


thaiish = st.text(
    alphabet=st.sampled_from(
        [chr(c) for c in range(0x0E01, 0x0E5C)] + list(" \t\n\f\r\u200b\u00a0abc123")
    ),
    max_size=200,
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(thaiish, st.text(max_size=200)))
def test_clean_is_idempotent(s):
    once = clean_ocr_text(s)
    assert clean_ocr_text(once) == once


@settings(max_examples=200, deadline=None)
@given(thaiish)
def test_clean_keeps_line_and_page_structure(s):
    s = s.replace("\r", "")
    out = clean_ocr_text(s)
    assert out.count("\f") == s.count("\f")
    assert out.count("\n") == s.count("\n")
    assert "  " not in out and "\u200b" not in out


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(THAI_DIGITS) + list("ก ./ว")), max_size=50))
def test_digit_round_trip(s):
    assert arabic_to_thai_digits(thai_to_arabic_digits(s)) == s


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_thai_digits_read_as_the_same_number(n):
    assert int(thai_to_arabic_digits(arabic_to_thai_digits(str(n)))) == n
