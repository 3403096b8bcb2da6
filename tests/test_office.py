"""The issuing office on a letterhead line read through OCR noise (parse.office):
debris between the number and the office, letters of the opening words misread
(ภ read as ก, ``อำเกอ``), a doubled first letter; the opening words are stored as
the lexicon spells them, the name after them as read, with a warning."""

import pytest

from docintake.parse import parse_text
from docintake.parse.office import find_office
from docintake.text import lexicon

# (id, OCR line, office expected, mended?)
CASES = [
    ("debris-glyphs", "ที่ ลย ๐๐๒๓.๑๒/ ๙๗๖ฮ่าอ ที่ว่าการอำเภอด่านซ้าย", "ที่ว่าการอำเภอด่านซ้าย", False),
    ("stray-digit", "ที่ ลย 0023.6/5985 7 ศาลากลางจังหวัดเลย", "ศาลากลางจังหวัดเลย", False),
    ("dash", "ที่ ศก ๐๐๒๓.๑๙/ว ๑๑๔๗ - ที่ว่าการอำเภอราษีไศล", "ที่ว่าการอำเภอราษีไศล", False),
    ("speck-glued", "ที่ มท ๐๘๐๘.๓/ว ๙๗๓ .กรมส่งเสริมการปกครองท้องถิ่น", "กรมส่งเสริมการปกครองท้องถิ่น", False),
    ("trailing-colon", "ที่ นม ๐๐๒๓.๔/๗๕๒๑.. ศาลากลางจังหวัดนครราชสีมา :", "ศาลากลางจังหวัดนครราชสีมา", False),
    ("pho-read-as-ko", "ที่ นม นม ๐๐๒๓.๑๕/๔๗๐ ที่ว่าการอำเกอพิมาย", "ที่ว่าการอำเภอพิมาย", True),
    ("ko-read-as-tho", "ที่ สข ๐๐๒๓.๑๖/๑๖๒๓ ที่ว่าถารอำเภอสะเดา", "ที่ว่าการอำเภอสะเดา", True),
    ("sara-ii-lost", "ท ขก ๐๐๒๓.๑๗/๒๓๘๓ ทว่าการอำเภอพระยืน", "ที่ว่าการอำเภอพระยืน", True),
    ("vowel-added", "ที่ อบ ๐๐๒๓.๕/ว ๒๑๐๗ ศาลากุลางจังหวัดอุบลราชธานี", "ศาลากลางจังหวัดอุบลราชธานี", True),
    ("letter-added", "ที่ พล ๐๐๒๓.๒/๕๘๓๓ ศาลากลสางจังหวัดพิษณุโลก", "ศาลากลางจังหวัดพิษณุโลก", True),
    ("sara-aa-as-am", "ที่ นม 0023.2/ว 6356 ศาลำกลางจังหวัดนครราชสีมา", "ศาลากลางจังหวัดนครราชสีมา", True),
    ("doubled-first", "ที่ อด ๐๐๒๓.๑/๔๑๐๕ ศศาลากลางจังหวัดอุดรธานี", "ศาลากลางจังหวัดอุดรธานี", True),
    ("doubled-and-pho", "ที่ สน ๐๐๒๓.๑๙/๑๒๘๙ ทที่ว่าการอำเก่ออากาศอำนวย", "ที่ว่าการอำเภออากาศอำนวย", True),
    ("tone-added", "ศาลากล่างจังหวัดอุบลราชธานี", "ศาลากลางจังหวัดอุบลราชธานี", True),
]


@pytest.mark.parametrize(("line", "office", "mended"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_find_office(line: str, office: str, mended: bool) -> None:
    found = find_office(line)
    assert found is not None and found.name == office
    assert (found.mended is not None) == mended


# Lines that name no office: nothing is made up.
NONE_CASES = [
    ("reference-line", "ที่ มท ๐๘๑๐.๓/ว ๒๐๔๖ ลงวันที่ ๗ มกราคม ๒๕๖๘"),
    ("address", "ถนนนครราชสีมา เขตดุสิต กทม. ๑๐๓๐๐"),
    ("district-not-named", "ที่ ขก ๐๐๒๓.๑๗/๒๓๘๓ ที่ว่าการอำเภอ"),
    ("two-edits-off", "ที่ ขก ๐๐๒๓.๑๗/๒๓๘๓ ทว่ากรอำเภอพระยืน"),
    ("word-before", "ที่ ขก ๐๐๒๓.๑๗/๒๓๘๓ สำเนาหนังสือ ที่ว่าการอำเภอพระยืน"),
]


@pytest.mark.parametrize("line", [c[1] for c in NONE_CASES], ids=[c[0] for c in NONE_CASES])
def test_no_office(line: str) -> None:
    assert find_office(line) is None


def test_confusions_are_thai_letters_of_the_opening_words() -> None:
    openings = "".join(lexicon.OFFICE_LONG_STARTS)
    for printed, reads in lexicon.OFFICE_LETTER_CONFUSIONS.items():
        assert printed in openings and printed not in reads
        assert all("\u0e01" <= r <= "\u0e2e" for r in reads)


LETTER = """ด่วน
{head}
{address}
๘ กันยายน ๒๕๖๘
เรื่อง การรายงานผลการดำเนินงาน
เรียน นายกเทศมนตรีตำบลนางรอง และนายกองค์การบริหารส่วนตำบล ทุกแห่ง
ขอให้รายงานผลการดำเนินงานภายในวันที่ ๓๐ กันยายน ๒๕๖๘
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
นายอำเภอนางรอง"""

LETTER_CASES = [
    ("on-number-line-mended", "ที่ บร ๐๐๒๓.๑๕/ว ๒๕๗๐ ที่ว่าการอำเกอนางรอง'", "ถนนชยางกูร บร ๓๑๐๗๕",
     "ที่ว่าการอำเภอนางรอง", True),
    ("on-number-line-debris", "ที่ บร ๐๐๒๓.๑๕/ว ๒๙๒. ที่ว่าการอำเภอนางรอง", "ถนนชยางกูร บร ๓๑๐๗๕",
     "ที่ว่าการอำเภอนางรอง", False),
    # The address (it ends with its postcode) is never taken for the office.
    ("address-not-office", "ที่ บร ๐๐๒๓.๑๕/ว ๒๙๒", "ถนนเทศบาล ๑ บร ๓๑๐๗๕", None, False),
]


@pytest.mark.parametrize(("head", "address", "issuer", "mended"), [c[1:] for c in LETTER_CASES],
                         ids=[c[0] for c in LETTER_CASES])
def test_letterhead_issuer(head: str, address: str, issuer: str | None, mended: bool) -> None:
    letter = parse_text(LETTER.format(head=head, address=address)).letters[0]
    assert letter.doc_no == "บร 0023.15/ว 2570" or letter.doc_no == "บร 0023.15/ว 292"
    assert letter.issuer == issuer
    assert any(w.code == "issuer_mended" for w in letter.warnings) == mended
    if issuer is None:
        assert any(w.field == "issuer" and w.code == "unreadable" for w in letter.warnings)


TIDY_CASES = [
    ("stray-digit", "กรมส่งเสริมการปกครองท้องถิ่น 1", "กรมส่งเสริมการปกครองท้องถิ่น"),
    ("digit-and-dot", "กรมส่งเสริมการปกครองท้องถิ่น 0.", "กรมส่งเสริมการปกครองท้องถิ่น"),
    ("dash", "ศาลากลางจังหวัดบุรีรัมย์ -", "ศาลากลางจังหวัดบุรีรัมย์"),
    ("quote-colon", "กรมส่งเสริมการปกครองท้องถิ่น':", "กรมส่งเสริมการปกครองท้องถิ่น"),
    ("bracket", "ศาลากลางจังหวัดร้อยเอ็ด [7", "ศาลากลางจังหวัดร้อยเอ็ด"),
    ("name-ends-in-karan", "ที่ว่าการอำเภอกันทรลักษ์", "ที่ว่าการอำเภอกันทรลักษ์"),
    ("numbered-area-kept", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต 1",
     "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต 1"),
]


@pytest.mark.parametrize(("name", "want"), [c[1:] for c in TIDY_CASES], ids=[c[0] for c in TIDY_CASES])
def test_tidy(name: str, want: str) -> None:
    from docintake.parse.office import tidy
    assert tidy(name) == want


HEAD_CASES = [
    # The label read as Latin letters: the line is still the number's (prefix + code), so the
    # office after it counts; its opening word mended (ก read as ภ).
    ("latin-label", "ด่วนที่สุด\nfi อด ๐๐๒๓.๗ ๗๒๒๒ ศาลาภลางจังหวัดอุดรธานี\nถนนโพศรี อด ๔๑๐๐๐",
     "ศาลากลางจังหวัดอุดรธานี"),
    # OCR ordered the office block above the ที่ line, a speck alone on a line between.
    ("office-above-speck", "ที่ว่าการอำเภอเกาะคา\n๘\nที่ ลป ๐๐๒๓.๑๒/ว ๙๔๘\nถนนรีนรมย์ ลป ๕๒๐๗๒",
     "ที่ว่าการอำเภอเกาะคา"),
]


@pytest.mark.parametrize(("head", "issuer"), [c[1:] for c in HEAD_CASES], ids=[c[0] for c in HEAD_CASES])
def test_letterhead_layouts(head: str, issuer: str) -> None:
    text = head + "\n" + "\n".join(LETTER.split("\n")[3:])
    assert parse_text(text).letters[0].issuer == issuer
