"""A reference list as OCR prints its numbers and dates (seed 14)."""

import datetime as dt

import pytest

from docintake.parse import parse_text

LETTER = """ที่ อด ๐๐๒๓.๑๑/ว ๑๓๕๐ ที่ว่าการอำเภอกุมภวาปี
ถนนประชาอุทิศ อด ๔๑๑๑๐
๒๘ พฤษภาคม ๒๕๖๗
เรื่อง การจ่ายเงินเบี้ยยังชีพผู้สูงอายุ
เรียน นายกเทศมนตรีตำบล/นายกองค์การบริหารส่วนตำบล ทุกแห่ง
อ้างถึง ๑. หนังสืออำเภอกุมภวาปี ด่วนที่สุด ที่ อด ๐๐๒๓.๑๑/๑๐๖๘
{first_date}
{second_mark} หนังสืออำเภอกุมภวาปี ด่วนที่สุด ที่ อด ๐๐๒๓.๑๑/๑๕๔๐
ลงวันที่ ๙ กุมภาพันธ์ ๒๕๖๗
อำเภอกุมภวาปีได้รับแจ้งจากจังหวัดอุดรธานีว่า ขอให้ดำเนินการ
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
นายอำเภอกุมภวาปี"""

CASES = [
    # (id, first entry's date line, second entry's number, (number, date) of each reference)
    ("clean", "ลงวันที่ ๖ พฤศจิกายน ๒๕๖๖", "๒.",
     [("อด 0023.11/1068", dt.date(2023, 11, 6)), ("อด 0023.11/1540", dt.date(2024, 2, 9))]),
    # seed 14: the list number's dot read as a comma, a speck after ลงวันที่ and after the year
    ("comma-and-specks", 'ลงวันที่.๖ พ.ย. ๒๕๖๖"', "๒,",
     [("อด 0023.11/1068", dt.date(2023, 11, 6)), ("อด 0023.11/1540", dt.date(2024, 2, 9))]),
]


@pytest.mark.parametrize(("first_date", "second_mark", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_reference_list(first_date, second_mark, want):
    (letter,) = parse_text(LETTER.format(first_date=first_date, second_mark=second_mark)).letters
    assert [(r.doc_no, r.date) for r in letter.references] == want


@pytest.mark.parametrize(("text", "want"), [
    ("ลงวันที่.๖ พ.ย. ๒๕๖๖", dt.date(2023, 11, 6)),
    ("ที่ มท ๐๘๑๐.๖ พ.ย. ๒๕๖๖", None),  # a code's last digit before a month is no day
], ids=["speck-after-label", "decimal-is-no-day"])
def test_dot_before_the_day(text, want):
    from docintake.parse.thaidate import find_dates

    assert [h.date for h in find_dates(text) if h.date] == ([want] if want else [])
