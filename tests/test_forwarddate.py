"""A forwarding letter dated before the copy it encloses (seed 74: ๘ read ๕)."""

from __future__ import annotations

import datetime as dt

import pytest

from docintake.parse import parse_text

BUNDLE = """ที่ รอ ๐๐๒๓.๑๓/๒๒๖๐ ที่ว่าการอำเภอเมืองร้อยเอ็ด
ถนนประชาสโมสร รอ ๔๕๐๔๘
{date} พฤศจิกายน ๒๕๖๗
เรื่อง การเตรียมความพร้อมรับสถานการณ์ไฟป่าและหมอกควัน
เรียน นายกเทศมนตรีตำบลสามัคคี
สิ่งที่ส่งมาด้วย สำเนาหนังสือจังหวัดร้อยเอ็ด ที่ รอ ๐๐๒๓.๒/๔๕๖๐
ลงวันที่ ๖ พฤศจิกายน ๒๕๖๗ จำนวน ๑ ชุด
ด้วยจังหวัดร้อยเอ็ดแจ้งว่า สถานการณ์ไฟป่าและหมอกควันมีแนวโน้มรุนแรงขึ้น
จึงเรียนมาเพื่อทราบ
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
นายอำเภอเมืองร้อยเอ็ด
\fที่ รอ ๐๐๒๓.๒/๔๕๖๐ ศาลากลางจังหวัดร้อยเอ็ด
ถนนสุริยเดชบำรุง รอ ๔๕๐๐๐
๖ พฤศจิกายน ๒๕๖๗
เรื่อง การเตรียมความพร้อมรับสถานการณ์ไฟป่าและหมอกควัน
เรียน นายอำเภอ ทุกอำเภอ
ด้วยกรมส่งเสริมการปกครองท้องถิ่นแจ้งว่า สถานการณ์ไฟป่ามีแนวโน้มรุนแรงขึ้น
จึงเรียนมาเพื่อทราบ
ขอแสดงความนับถือ
(นางศิริพร ชัยมงคล)
ผู้ว่าราชการจังหวัดร้อยเอ็ด"""


@pytest.mark.parametrize(("day", "want"), [
    ("๕", None),  # before the copy it forwards, dated the 6th twice over: misread
    ("๘", dt.date(2024, 11, 8)),
    ("๖", dt.date(2024, 11, 6)),  # forwarded the day it was written
], ids=["before-its-copy", "after-its-copy", "same-day"])
def test_forwarding_letter_dated_before_its_copy(day: str, want: dt.date | None) -> None:
    forwarder, copy = parse_text(BUNDLE.format(date=day)).letters
    assert copy.date == dt.date(2024, 11, 6)
    assert forwarder.date == want
    assert ("date_before_enclosure" in {w.code for w in forwarder.warnings}) is (want is None)
