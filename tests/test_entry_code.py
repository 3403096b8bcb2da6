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
    # another office: its code is unknown here, the digits cannot say where the slash was
    ("other-office", "จังหวัดเชียงใหม่", "ชม ๐๐๒๓.๖/๑๓๑๑", "อำเภอฝาง", "ชม ๐๐๒๓.๖๒๓๙๑", None),
    # two codes printed for the office: which one is not known
    ("office-prints-two-codes", "จังหวัดเชียงใหม่", "ชม ๐๐๒๓.๑๖/๑๓๑๑", "จังหวัดเชียงใหม่", "ชม ๐๐๒๓.๑๖๒๓๙๑", None),
]


@pytest.mark.parametrize(("first_issuer", "first", "issuer", "second", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_run_on_reference_number(first_issuer, first, issuer, second, want):
    (letter,) = parse_text(LETTER.format(first_issuer=first_issuer, first=first, issuer=issuer, second=second)).letters
    assert letter.references[1].doc_no == want
    assert ("doc_no_split_by_office_code" in {w.code for w in letter.warnings}) is (want is not None)
