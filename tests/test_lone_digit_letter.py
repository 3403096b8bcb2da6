"""ocr.numbers.number_in_its_place: a bare consonant before a month or a unit is
a digit the Thai model misread (๗ as ฆ, ๔ as ฒ), so the digit classifier re-reads it."""

import pytest

from docintake.ocr.numbers import number_in_its_place

CASES = [
    # (id, OCR line, token index, expected): the token and the one after it, as Tesseract spaced them
    ("day-before-full-month", "ให้จังหวัดทราบ ภายในวันที่ ฆ ธันวาคม ๒๕๖๖", 2, True),
    ("day-before-abbreviated-month", "ด่วนมาก วันที่ ฒ มี.ค. ๖๗", 2, True),
    ("day-before-month-dot-lost", "ด่วนมาก วันที่ ฒ มี. ๖๗", 2, True),
    ("count-before-days", "เป็นช่วงควบคุมเข้มข้น ฆ วัน จึงขอให้แจ้ง", 1, True),
    ("count-before-copies", "จำนวน ฆ ชุด", 1, True),
    ("na-before-a-place", "ณ ห้องประชุมอำเภอ", 0, False),
    ("word-before-month", "ภายในวันที่ ธันวาคม", 0, False),
    ("letter-with-vowel", "ก็ ธันวาคม", 0, False),
    ("digit-already", "วันที่ ๗ ธันวาคม", 1, False),
    ("circular-mark-before-number", "ที่ มท ๐๘๑๐.๖/ ว ๒๐๖๙", 3, False),
    ("lone-letter-before-a-word", "ตามแบบ ภ ที่แนบ", 1, False),
]


@pytest.mark.parametrize("line, at, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_number_in_its_place(line, at, expected):
    words = line.split()
    assert number_in_its_place(words[at], words[at + 1]) is expected


from docintake.ocr.numbers import is_candidate, year_after_month  # noqa: E402

R = lambda s, p=1.0: [(c, p) for c in s]  # noqa: E731  one (class, p) per glyph; "?" is no digit

YEARS = [
    # (id, Tesseract's token, our glyphs' reading, expected)
    ("stamp-year-read-as-mark-and-letter", "มี.ค.่อ", R("?.?.๖๗"), ("มี.ค. ๖๗", 1.0)),
    ("second-dot-read-as-no-sign", "เม.ย.ข่", R("??.??๖๗"), ("เม.ย. ๖๗", 1.0)),
    ("stamp-dot-lost-as-dust", "ม.ค.่าอ", R("???๖๗"), ("ม.ค. ๖๗", 1.0)),  # seed 18: the pen's last dot
    ("glyph-count-off-a-letter-lost", "มี.ค.่อ", R("?.๖๗"), None),
    ("letters-after-the-digits", "ก.ค.อฒ", R("?.?.๖?"), None),
    ("agency-abbreviation-no-year", "ก.ค.ศ.", R("?.?.?."), None),
]


@pytest.mark.parametrize("text, reading, expected", [c[1:] for c in YEARS], ids=[c[0] for c in YEARS])
def test_year_after_month(text, reading, expected):
    assert is_candidate(text)
    assert year_after_month(text, reading) == expected


from docintake.ocr.numbers import year_in_its_place  # noqa: E402

YEARS = [
    # (id, OCR line, token index, expected): the token and the one before it, as Tesseract spaced them
    ("memo-year-read-as-letters", "ที่ บร ๗๔๗๕๒/๒๖ วันที่ ๑๑ ธ.ค. ออ", 6, True),   # seed 10: ๖๖
    ("year-with-quote-speck", "วันที่ ๓๑ ธ.ค. “ออ", 3, True),                     # seed 15: ๖๗
    ("word-after-month-is-re-read-too", "ภายใน ธ.ค. นี้", 2, True),               # the classifier must be sure
    ("after-a-full-month-name", "๑๑ ธันวาคม ออ", 2, False),
    ("long-word-after-month", "ภายใน ธ.ค. ประจำปี", 2, False),
    ("digits-already", "วันที่ ๑๑ ธ.ค. ๖๖", 3, False),
]


@pytest.mark.parametrize("line, at, expected", [c[1:] for c in YEARS], ids=[c[0] for c in YEARS])
def test_year_in_its_place(line, at, expected):
    words = line.split()
    assert year_in_its_place(words[at], words[at - 1]) is expected


from docintake.ocr.yearplace import doubted_year  # noqa: E402

DOUBTED_YEARS = [
    # (id, OCR line, token index, Tesseract's confidence for it, expected)
    ("bold-red-year-after-abbreviated-month", "ด่วนภายใน ๙ ธ.ค. ลบอ) เวลา ๑๐.๐๐ น.", 3, 30.0, True),  # seed 15: ๒๕๖๘
    ("bold-red-year-after-full-month", "ด่วนภายใน ๕ สิงหาคม อ 4เวลา", 3, 37.0, True),  # seed 15: ๒๕๖๗
    ("a-word-tesseract-was-sure-of", "ภายในเดือน ธันวาคม นี้ ให้", 2, 91.0, False),
    ("long-doubtful-word", "ภายใน สิงหาคม ที่ผ่านมา", 2, 30.0, False),
    ("not-after-a-month", "ลงวันที่ อ ๒๕๖๗", 1, 30.0, False),
]


@pytest.mark.parametrize("line, at, conf, expected", [c[1:] for c in DOUBTED_YEARS], ids=[c[0] for c in DOUBTED_YEARS])
def test_doubted_year(line, at, conf, expected):
    words = line.split()
    assert doubted_year(words[at], conf, words[at - 1]) is expected
