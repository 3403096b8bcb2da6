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
    assert "doc_no_from_two_prints" in {w.code for w in second.warnings}
    assert "doc_no_from_two_prints" in {w.code for w in first.warnings}
    assert second.confidence["doc_no"] <= 0.6
