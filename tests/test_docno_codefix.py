"""A letter's own code whose dot OCR lost, read as a space, or merged with the
digit before it into ๗ (lines from the seeds' OCR): read with the one office
code the letter's other numbers of the same prefix print; otherwise unread."""

import pytest

from docintake.parse import parse_text
from docintake.parse.codefix import code_readings

LETTER = """{number} ที่ว่าการอำเภอเดชอุดม
ถนนเดชอุดม อบ ๓๔๑๖๐
๑๖ กันยายน ๒๕๖๗
เรื่อง การจัดตั้งจุดบริการประชาชน
เรียน นายกเทศมนตรีตำบลเดชอุดม และนายกองค์การบริหารส่วนตำบล ทุกแห่ง
อ้างถึง {cited}
สิ่งที่ส่งมาด้วย สำเนาหนังสือจังหวัดอุบลราชธานี ที่ {listed} ลงวันที่ ๑๒ กันยายน ๒๕๖๗
ด้วยจังหวัดแจ้งว่า ให้จัดตั้งจุดบริการประชาชน
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
นายอำเภอเดชอุดม"""
CITED = "หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท ๐๘๑๐.๖/ว ๒๐๖๙ ลงวันที่ ๑ กันยายน ๒๕๖๗"

CASES = [
    # seed 3: the dot lost; the listed province letter prints อบ 0023
    ("dot-lost", "ที่ อบ ๐๐๒๓๑๑/๑๗๔๕", CITED, "อบ ๐๐๒๓.๕/ว ๒๑๐๗", "อบ 0023.11/1745"),
    # seed 12: the dot read as a space, a space after the slash too
    ("dot-as-space", "ที่ อบ ๐๐๒๓ ๑๖/ ๙๙๗", CITED, "อบ ๐๐๒๓.๕/ว ๒๑๐๗", "อบ 0023.16/997"),
    # seed 3: ๓ and the dot merged into ๗ (๐๐๒๗๑๖ for ๐๐๒๓.๑๖)
    ("dot-merged-into-7", "ที่ อบ ๐๐๒๗๑๖/๒๔๕๓", CITED, "อบ ๐๐๒๓.๕/ว ๒๑๐๗", "อบ 0023.16/2453"),
    ("circular-kept", "ที่ อบ ๐๐๒๓๑๑/ว ๑๗๔๕", CITED, "อบ ๐๐๒๓.๕/ว ๒๑๐๗", "อบ 0023.11/ว 1745"),
    # only มท's 0810 printed: nothing says what อบ's office code is
    ("no-office-of-that-prefix", "ที่ อบ ๐๐๒๓๑๑/๑๗๔๕", CITED, "มท ๐๘๑๐.๖/ว ๒๐๖๐", None),
    # seed 79: the dot read as a space, nothing else in the letter with อบ: a province's office prints 0023
    ("dot-as-space-alone", "ที่ อบ ๐๐๒๓ ๑๗/ว ๒๔๐๘", CITED, "มท ๐๘๑๐.๖/ว ๒๐๖๐", "อบ 0023.17/ว 2408"),
    ("dot-as-space-not-0023", "ที่ อบ ๐๐๒๗ ๑๗/ว ๒๔๐๘", CITED, "มท ๐๘๑๐.๖/ว ๒๐๖๐", None),
    # seed 88: the dot read as ๙; the letter's own reference prints the office's 0023
    ("dot-read-as-digit", "ที่ อบ ๐๐๒๓๙๑๖/๑๗๔๕", CITED, "อบ ๐๐๒๓.๕/ว ๒๑๐๗", "อบ 0023.16/1745"),
    # seed 114: the code's first ๐ read as ๑ (a dotted code starts with 0); the listed letter prints 0023
    ("first-zero-misread", "ที่ อบ ๑๐๒๓.๑๔/๒๑๐๗", CITED, "อบ ๐๐๒๓.๕/ว ๒๑๐๗", "อบ 0023.14/2107"),
    # ... alone: a province's office prints 0023
    ("first-zero-misread-alone", "ที่ อบ ๑๐๒๓.๑๔/๒๑๐๗", CITED, "มท ๐๘๑๐.๖/ว ๒๐๖๐", "อบ 0023.14/2107"),
    # ... but a code that is not 0023 with its first 0 lost stays unread
    ("first-digit-off-not-0023", "ที่ อบ ๑๐๒๗.๑๔/๒๑๐๗", CITED, "มท ๐๘๑๐.๖/ว ๒๐๖๐", None),
    # seed 121: the code's dot read as a slash (๐๐๒๓/๑๖/๙๙๗); the listed letter prints 0023
    ("dot-as-slash", "ที่ อบ ๐๐๒๓/๑๖/๙๙๗", CITED, "อบ ๐๐๒๓.๕/ว ๒๑๐๗", "อบ 0023.16/997"),
    # ... but not an office the letter's numbers print, and no section above 40
    ("dot-as-slash-other-office", "ที่ อบ ๐๐๒๗/๑๖/๙๙๗", CITED, "อบ ๐๐๒๓.๕/ว ๒๑๐๗", None),
    ("dot-as-slash-no-section", "ที่ อบ ๐๐๒๓/๙๑/๙๙๗", CITED, "อบ ๐๐๒๓.๕/ว ๒๑๐๗", None),
    # a ๗ after the four digits may be the dot and the section's first digit
    ("seven-after-the-office", "ที่ อบ ๐๐๒๓๗๑/๑๗๔๕", CITED, "อบ ๐๐๒๓.๕/ว ๒๑๐๗", None),
    # two office codes explain ๐๐๒๗๑๖: 0027 with its dot lost, 0023 merged
    ("two-offices-fit", "ที่ อบ ๐๐๒๗๑๖/๒๔๕๓", "หนังสือจังหวัดอุบลราชธานี ที่ อบ ๐๐๒๗.๒/๕๕ ลงวันที่ ๑ กันยายน ๒๕๖๗",
     "อบ ๐๐๒๓.๕/ว ๒๑๐๗", None),
]


@pytest.mark.parametrize(("number", "cited", "listed", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_damaged_code_read_against_the_letters_office_codes(number: str, cited: str, listed: str,
                                                            want: str | None) -> None:
    (letter,) = parse_text(LETTER.format(number=number, cited=cited, listed=listed)).letters
    assert letter.doc_no == want
    codes = {w.code for w in letter.warnings}
    if want is None:
        assert "unreadable" in codes
        return
    assert "doc_no_corrected" in codes
    assert letter.confidence["doc_no"] <= 0.6


READINGS = [
    ("five-digits", "00231", {"0023"}, {"0023.1"}),
    ("department", "081010", {"0810"}, {"0810.10"}),
    ("other-office", "002311", {"0810"}, set()),
    # seed 88: the dot read as a digit (๐๐๒๓๙๑๓ for ๐๐๒๓.๑๓): seven digits, no section has three
    ("dot-read-as-digit", "0023913", {"0023"}, {"0023.13"}),
    ("dot-read-as-digit-section-too-big", "0023999", {"0023"}, set()),
    ("too-long", "00231111", {"0023"}, set()),
    ("lao-code-is-not-damaged", "72417", {"7241"}, set()),
    ("first-zero-misread", "1023.14", {"0023"}, {"0023.14"}),
    ("first-zero-misread-other-office", "1023.14", {"0810"}, set()),
    ("first-zero-misread-section-too-big", "1023.85", {"0023"}, set()),
]


@pytest.mark.parametrize(("digits", "offices", "want"), [c[1:] for c in READINGS], ids=[c[0] for c in READINGS])
def test_code_readings(digits: str, offices: set[str], want: set[str]) -> None:
    assert {code for code, _ in code_readings(digits, offices)} == want
