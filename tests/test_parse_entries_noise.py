"""Reference and enclosure entries whose number's prefix OCR garbled (seed-1
dumps): the prefix comes back only from the entry's own words."""

import pytest

from docintake.parse import parse_text

LETTER = """ที่ ชย ๐๐๒๓.๑๔/๑๗๐๙ ที่ว่าการอำเภอภูเขียว
ถนนสุรนารายณ์ ชย ๓๖๑๑๐
๑๖ มิถุนายน ๒๕๖๘
เรื่อง การจัดเก็บภาษี
เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง
สิ่งที่ส่งมาด้วย {entry}
ด้วยจังหวัดแจ้งว่า ขอให้รายงานผล
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
นายอำเภอภูเขียว"""

CASES = [
    ("issuer-names-province", "สำเนาหนังสือจังหวัดนครศรีธรรมราช ที่ UA ๐๐๒๓.๖/๓๘๗๙ ลงวันที ๓ กุมภาพันธ์ ๒๕๖๘",
     "นศ 0023.6/3879"),
    ("department-code", "สำเนาหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ NUN ๐๘๑๐.๒/ว ๓๑๕๖ ลงวันที่ ๒๗ มกราคม ๒๕๖๘",
     "มท 0810.2/ว 3156"),
    # A district names no province: no evidence in the entry, stays unread.
    ("district-no-evidence", "สำเนาหนังสืออำเภอสะเดา ที่ AU ๐๐๒๓.๑๖/๒๙๘ ลงวันที่ ๒๙ เมษายน ๒๕๖๗", None),
]


@pytest.mark.parametrize(("entry", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_enclosure_prefix(entry: str, want: str | None) -> None:
    (letter,) = parse_text(LETTER.format(entry=entry)).letters
    (enc,) = letter.enclosures
    assert enc.doc_no == want
    if want is not None:
        assert any(w.code == "doc_no_corrected" and w.field == "enclosures[1].doc_no" for w in letter.warnings)


REFERENCES = """ที่ สข ๐๐๒๓.๑๖/๒๓๐ ที่ว่าการอำเภอสะเดา
ถนนรีนรมย์ สข ๙๐๐๘๐
๘ กรกฎาคม ๒๕๖๗
เรื่อง การขับเคลื่อนการจัดการขยะมูลฝอยชุมชน
เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง
อ้างถึง ๑. หนังสืออำเภอสะเดา ที่ สข ๐๐๒๓.๑๖/๖๗๗ ลงวันที่ ๒๒ เม.ย. ๒๕๖๗
๒. หนังสืออำเภอสะเดา ด่วนที่สุด ที AU ๐๐๒๓.{section}/๒๙๘๒
ลงวันที ๒๙ เมษายน ๒๕๖๗
ด้วยอำเภอแจ้งว่า ขอให้รายงานผล
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
นายอำเภอสะเดา"""


def test_reference_prefix_from_a_sibling_with_the_same_code() -> None:
    (letter,) = parse_text(REFERENCES.format(section="๑๖")).letters
    assert [r.doc_no for r in letter.references] == ["สข 0023.16/677", "สข 0023.16/2982"]
    assert any(w.code == "doc_no_corrected" and w.field == "references[2].doc_no" for w in letter.warnings)
    assert letter.confidence["references"] <= 0.7


def test_reference_prefix_not_taken_from_the_citing_letters_province() -> None:
    # Another code: the letterhead's สข is the citing district's province, not
    # evidence for the cited letter's.
    (letter,) = parse_text(REFERENCES.format(section="๑")).letters
    assert [r.doc_no for r in letter.references] == ["สข 0023.16/677", None]
