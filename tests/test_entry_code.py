"""An entry's number whose slash OCR lost, read with its office's code printed elsewhere in the letter (``parse.entrycode``)."""

import pytest

from docintake.parse import parse_text

LETTER = """ที่ ชม ๐๐๒๓.๖/๙๗๗๗ ศาลากลางจังหวัดเชียงใหม่
ถนนโชตนา ชม ๕๐๐๐๐
๒๐ ตุลาคม ๒๕๖๘
เรื่อง การคัดแยกขยะมูลฝอยต้นทางในครัวเรือน
เรียน นายอำเภอ ทุกอำเภอ
อ้างถึง ๑. หนังสือ{first_issuer} ด่วนที่สุด ที่ {first} ลงวันที่ ๕ มิถุนายน ๒๕๖๘
๒. หนังสือ{issuer} ด่วน ที่ {second} ลงวันที่ ๖ ตุลาคม ๒๕๖๘
ตามที่ได้แจ้งตามหนังสือที่อ้างถึง ความละเอียดแจ้งแล้ว นั้น
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
ผู้ว่าราชการจังหวัดเชียงใหม่"""

# (id, first reference's issuer and number, second's issuer and number as OCR printed it, the second's number read)
CASES = [
    # seed 13: the slash lost; the sibling reference and the letter's own number print 0023.6
    ("slash-lost", "จังหวัดเชียงใหม่", "ชม ๐๐๒๓.๖/๑๓๑๑", "จังหวัดเชียงใหม่", "ชม ๐๐๒๓.๖๒๓๙๑", "ชม 0023.6/2391"),
    # the letter's own number alone says the code when the entry is from its own office
    ("own-office-only", "อำเภอฝาง", "ชม ๐๐๒๓.๑๔/๑๓๑๑", "จังหวัดเชียงใหม่", "ชม ๐๐๒๓.๖๒๓๙๑", "ชม 0023.6/2391"),
    # another office: its code is unknown here, and the digits cannot say where
    # the slash was (0023.1/2391 or 0023.12/391: both codes an office can have)
    ("other-office", "จังหวัดเชียงใหม่", "ชม ๐๐๒๓.๖/๑๓๑๑", "อำเภอฝาง", "ชม ๐๐๒๓.๑๒๓๙๑", None),
    # two codes printed for the office: which one is not known (nor 0023.1/6239 or 0023.16/239)
    ("office-prints-two-codes", "จังหวัดเชียงใหม่", "ชม ๐๐๒๓.๑๖/๑๓๑๑", "จังหวัดเชียงใหม่", "ชม ๐๐๒๓.๑๖๒๓๙", None),
]


@pytest.mark.parametrize(("first_issuer", "first", "issuer", "second", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_run_on_reference_number(first_issuer, first, issuer, second, want):
    (letter,) = parse_text(LETTER.format(first_issuer=first_issuer, first=first, issuer=issuer, second=second)).letters
    assert letter.references[1].doc_no == want
    assert ("doc_no_split_by_office_code" in {w.code for w in letter.warnings}) is (want is not None)


# (id, second reference's issuer, its number as OCR printed it, the number read)
SHAPES = [
    # seed 15: the office's code is printed nowhere else; 0023.41 is no office's
    # section (lexicon.MAX_CODE_SECTION), so the slash stood after 0023.4
    ("one-digit-section", "อำเภอฝาง", "ชม ๐๐๒๓.๔๑๘๓๔", "ชม 0023.4/1834"),
    # 0023.1/62391 would be a five-digit running number: the section is 16
    ("two-digit-section", "อำเภอฝาง", "ชม ๐๐๒๓.๑๖๒๓๙๑", "ชม 0023.16/2391"),
    # seed 6: the prefix garbled; the entry names its province
    ("garbled-prefix", "จังหวัดศรีสะเกษ", "fl an ๐๐๒๓.๔๒๔๒๔", "ศก 0023.4/2424"),
    ("both-splits-fit", "อำเภอฝาง", "ชม ๐๐๒๓.๑๒๓๙๑", None),
    # 0023.4/18345 (five digits) or 0023.41/8345 (no such section): neither
    ("no-split-fits", "อำเภอฝาง", "ชม ๐๐๒๓.๔๑๘๓๔๕", None),
    # seed 43: the one split leaves a running number starting with ๗, the glyph
    # the slash merged with a digit makes (0023.17/2953 read ๑๗๗๙๕๓): unread
    ("run-starts-with-merge-glyph", "อำเภอฝาง", "ชม ๐๐๒๓.๑๗๗๙๕๓", None),
]


@pytest.mark.parametrize(("issuer", "second", "want"), [c[1:] for c in SHAPES], ids=[c[0] for c in SHAPES])
def test_run_on_number_split_by_code_shape(issuer, second, want):
    text = LETTER.format(first_issuer="จังหวัดเชียงใหม่", first="ชม ๐๐๒๓.๖/๑๓๑๑", issuer=issuer, second=second)
    (letter,) = parse_text(text).letters
    assert letter.references[1].doc_no == want
    assert ("doc_no_split_by_code_shape" in {w.code for w in letter.warnings}) is (want is not None)


def test_office_code_printed_here_vetoes_the_shape_split():
    # seed 18: the office prints 0023.12 in the letter's own number; its entry
    # "ลย 0023.102467" is damage (2/ read as 0), not 0023.10/2467
    text = LETTER.replace("ที่ ชม ๐๐๒๓.๖/๙๗๗๗ ศาลากลางจังหวัดเชียงใหม่", "ที่ ลย 0023.12/ว 844 ที่ว่าการอำเภอด่านซ้าย")
    text = text.format(first_issuer="อำเภอด่านซ้าย", first="ลย 0023.12/592", issuer="อำเภอด่านซ้าย",
                       second="ลย 0023.102467")
    (letter,) = parse_text(text).letters
    assert letter.references[1].doc_no is None


# (id, the letter's own number, the second reference's number as OCR printed it, the number read)
MERGED = [
    # seed 19: ๗ where the letter's own code 0023.3 ends: 0023.7/2729 with the
    # slash lost, or 0023.3/2729 with "๓/" merged into ๗: left unread
    ("merge-or-slash-lost", "อด ๐๐๒๓.๓/๗๒๒๒", "อด ๐๐๒๓.๗๒๗๒๙", None),
    # no ๗ there: no merge to suspect, the shape split stands
    ("no-merge-glyph", "อด ๐๐๒๓.๒/๗๒๒๒", "อด ๐๐๒๓.๔๑๘๓๔", "อด 0023.4/1834"),
    # the letter's code is 0023.7 itself: ๗ is the code's own digit
    ("seven-is-the-code", "อด ๐๐๒๓.๗/๗๒๒๒", "อด ๐๐๒๓.๗๒๗๒๙", "อด 0023.7/2729"),
]


@pytest.mark.parametrize(("own", "second", "want"), [c[1:] for c in MERGED], ids=[c[0] for c in MERGED])
def test_shape_split_against_a_merged_slash(own, second, want):
    # the letterhead's office unread (ศาลาภลาง): no office code to split by
    text = LETTER.replace("ที่ ชม ๐๐๒๓.๖/๙๗๗๗ ศาลากลางจังหวัดเชียงใหม่", f"ที่ {own} ศาลาภลาง")
    text = text.format(first_issuer="อำเภอกุมภวาปี", first="อด ๐๐๒๓.๑๑/๑๓๑๑", issuer="จังหวัดอุดรธานี",
                       second=second)
    (letter,) = parse_text(text).letters
    assert letter.references[1].doc_no == want
    assert ("doc_no_ambiguous" in {w.code for w in letter.warnings}) is (want is None)


# (id, first reference's issuer and number, second's issuer and number as OCR printed it, the second's number read)
RECODES = [
    # seed 125: a digit of the office code misread; the letter's own number and the first reference print 0023.6
    ("office-code-digit-misread", "จังหวัดเชียงใหม่", "ชม ๐๐๒๓.๖/๑๓๑๑", "จังหวัดเชียงใหม่", "ชม ๐๑๒๓.๖/๒๓๙๑",
     "ชม 0023.6/2391"),
    # only the letter's own number prints it: which of the two is misread cannot be told
    ("one-other-number-only", "อำเภอฝาง", "ชม ๐๐๒๓.๑๔/๑๓๑๑", "จังหวัดเชียงใหม่", "ชม ๐๑๒๓.๖/๒๓๙๑", "ชม 0123.6/2391"),
    # another section is another unit of the office, not a misread digit
    ("other-section", "จังหวัดเชียงใหม่", "ชม ๐๐๒๓.๖/๑๓๑๑", "จังหวัดเชียงใหม่", "ชม ๐๐๒๓.๕/๒๓๙๑", "ชม 0023.5/2391"),
    # two digits off is no misreading of one
    ("two-digits-off", "จังหวัดเชียงใหม่", "ชม ๐๐๒๓.๖/๑๓๑๑", "จังหวัดเชียงใหม่", "ชม ๐๑๓๓.๖/๒๓๙๑", "ชม 0133.6/2391"),
    # another office's number keeps its code
    ("other-office", "จังหวัดเชียงใหม่", "ชม ๐๐๒๓.๖/๑๓๑๑", "อำเภอฝาง", "ชม ๐๑๒๓.๖/๒๓๙๑", "ชม 0123.6/2391"),
]


@pytest.mark.parametrize(("first_issuer", "first", "issuer", "second", "want"), [c[1:] for c in RECODES],
                         ids=[c[0] for c in RECODES])
def test_code_one_digit_off_its_office_code(first_issuer, first, issuer, second, want):
    (letter,) = parse_text(LETTER.format(first_issuer=first_issuer, first=first, issuer=issuer, second=second)).letters
    assert letter.references[1].doc_no == want
    assert ("doc_no_code_from_office" in {w.code for w in letter.warnings}) is (want != number_as_read(second))


def number_as_read(printed: str) -> str:
    from docintake.parse.docno import read_doc_no

    return read_doc_no(printed).canonical
