"""A copy's number read from its own letterhead and its forwarding letter's
listing together, when neither print alone can be read (seed 18 OCR lines):
the one number both allow, else nothing changes."""

import datetime as dt

import pytest

from docintake.parse import parse_text

FORWARDER = """ที่ ลย ๐๐๒๓.๒/๒๖๒๓ ศาลากลางจังหวัดเลย
ถนนเจริญรัฐ ลย ๔๒๐๐๐
๑๘ กรกฎาคม ๒๕๖๗
เรื่อง การขับเคลื่อนนโยบาย ๑ อปท. ๑ อัตลักษณ์ท้องถิ่น
เรียน นายอำเภอ ทุกอำเภอ
สิ่งที่ส่งมาด้วย สำเนาหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด
{listed} ลงวันที่ ๑๕ กรกฎาคม ๒๕๖๗
จำนวน ๑ ชุด
จังหวัดเลยได้รับแจ้งจากกรมส่งเสริมการปกครองท้องถิ่นว่า ขอให้รายงานผล
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
ผู้ว่าราชการจังหวัดเลย"""
# The copy's office line OCR lost into the address, as on seed 18: the
# copy is found by its number and date alone.
COPY = """ด่วนที่สุด
{own}
ถนนนครราชสีมา เขตดุสิต กทม. 10300 -
{date}
เรื่อง การรายงานผลการดำเนินงาน ๑ อปท. ๑ อัตลักษณ์ท้องถิ่น
เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด
ด้วยกระทรวงมหาดไทยได้กำหนดนโยบายสำคัญ
ขอแสดงความนับถือ
(นายสมศักดิ์ ดีมาก)
อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"""
JULY_15 = "15 กรกฎาคม 2567"

CASES = [
    # The listing's code in the stock model's digits (๐๕๑๒.๕ for ๐๘๑๖.๔: ๘ ๖ ๔
    # it cannot write), its ว and running number legible; the copy's code
    # legible in Arabic digits, its slash and ว lost.
    ("stock-code-and-lost-slash", "ที่ มท ๐๕๑๒.๕/ว ๒๓๘๒", "ที่ มท 0816.4 2382 กรมส่งเสริมการปกครองท้องถิ่น",
     JULY_15, "มท 0816.4/ว 2382"),
    # Seed 18: the listing's slash lost and a speck in its running number,
    # the copy's ๑ after ว debris or a digit: ว 1733 is the one both allow.
    ("both-doubtful", "ที่มท 0810.6 17.33", "ที่ มท ๐๘๑๐.๖/ว ๑ ๗๓๓", "๑๕ กรกฎาคม ๒๕๖๗", "มท 0810.6/ว 1733"),
    # One digit apart is either model's single misread: no print is preferred.
    ("one-digit-apart", "ที่ มท ๐๘๑๒.๔/ว ๒๓๘๒", "ที่ มท 0816.4 2382 กรมส่งเสริมการปกครองท้องถิ่น", JULY_15, None),
    # The listing an ordinary 1733, the copy a circular's 733 or 1733: no number fits both.
    ("no-common-reading", "ที่ มท ๐๘๑๐.๖/๑๗๓๓", "ที่ มท ๐๘๑๐.๖/ว ๑ ๗๓๓", "๑๕ กรกฎาคม ๒๕๖๗", None),
    # Another date: two letters, not two prints of one.
    ("dates-differ", "ที่ มท ๐๕๑๒.๕/ว ๒๓๘๒", "ที่ มท 0816.4 2382 กรมส่งเสริมการปกครองท้องถิ่น",
     "16 กรกฎาคม 2567", None),
]


@pytest.mark.parametrize(("listed", "own", "date", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_copy_number_from_both_prints(listed: str, own: str, date: str, want: str | None) -> None:
    text = FORWARDER.format(listed=listed) + "\f" + COPY.format(own=own, date=date)
    first, second = parse_text(text).letters
    if want is None:
        # Not read together (crosscheck's older rules may still fill one print from the other).
        assert "doc_no_from_two_prints" not in {w.code for w in [*first.warnings, *second.warnings]}
        return
    assert second.doc_no == want
    assert first.enclosures[0].doc_no == want
    assert first.enclosures[0].date == second.date == dt.date(2024, 7, 15)
    # The copy's own print may be read on its own already (wocue: a ว lost
    # with the slash, settled by the letter's addressee), warned so.
    assert {"doc_no_from_two_prints", "doc_no_corrected"} & {w.code for w in second.warnings}
    assert "doc_no_from_two_prints" in {w.code for w in first.warnings}
    assert second.confidence["doc_no"] <= 0.6


LISTING = """ที่ ลป ๐๐๒๓.๑๔/๒๑๖๙ ที่ว่าการอำเภอเถิน
ถนนโพธิศรี ลป ๕๒๐๑๐
๑๙ พฤษภาคม ๒๕๖๘
เรื่อง การโอนจัดสรรงบประมาณเงินอุดหนุนเฉพาะกิจ
เรียน นายกเทศมนตรี และนายกองค์การบริหารส่วนตำบล ทุกแห่ง
สิ่งที่ส่งมาด้วย {entry}
ลงวันที่ {date} จำนวน ๑ ชุด
ตามที่ จังหวัดลำปางได้แจ้งว่า ขอให้รายงานผล
ขอแสดงความนับถือ
(นางสาวกานดา ขันทอง)
นายอำเภอเถิน"""
LAMPANG_COPY = """ที่ ลป ๐๐๒๓.๔/ว ๑๘๐๓ ศาลากลางจังหวัดลำปาง
ถนนบุญวาทย์ ลป ๕๒๐๐๐
๑๔ พฤษภาคม ๒๕๖๘
เรื่อง การเร่งรัดการเบิกจ่ายงบประมาณ
เรียน นายอำเภอ ทุกอำเภอ
จังหวัดลำปางขอให้ดำเนินการ
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
ผู้ว่าราชการจังหวัดลำปาง"""

ILLEGIBLE = [
    # Seed 17: the listing's number OCR lost entirely ("ก 5"); its office and
    # date are the copy's that follows.
    ("number-lost", "สำเนาหนังสือจังหวัดลำปาง ที่ ก 5", "๑๔ พฤษภาคม ๒๕๖๘", "ลป 0023.4/ว 1803"),
    ("another-date", "สำเนาหนังสือจังหวัดลำปาง ที่ ก 5", "๑๓ พฤษภาคม ๒๕๖๘", None),
    ("another-office", "สำเนาหนังสือจังหวัดลำพูน ที่ ก 5", "๑๔ พฤษภาคม ๒๕๖๘", None),
    # Digits the listing does print are a reading of its own, not illegible.
    ("another-number-printed", "สำเนาหนังสือจังหวัดลำปาง ที่ ลป ๐๐๒๓.๔/๒๘๕", "๑๔ พฤษภาคม ๒๕๖๘", None),
]


@pytest.mark.parametrize(("entry", "date", "want"), [c[1:] for c in ILLEGIBLE], ids=[c[0] for c in ILLEGIBLE])
def test_illegible_listing_read_as_its_copy(entry: str, date: str, want: str | None) -> None:
    first, second = parse_text(LISTING.format(entry=entry, date=date) + "\f" + LAMPANG_COPY).letters
    (enc,) = first.enclosures
    filled = [w for w in first.warnings if w.field == "enclosures[1].doc_no" and "illegible" in w.message]
    if want is None:
        assert not filled
        return
    assert enc.doc_no == want
    assert filled and first.confidence["enclosures"] <= 0.6
