"""A deadline whose printed weekday the day-digit repair fits only far from
the letter's date: its month read with one letter misread instead (seed 69)."""

from __future__ import annotations

import datetime as dt

import pytest

from docintake.parse import parse_text

LETTER = """ที่ รอ ๐๐๒๓.๑๘/๕๕๕ ที่ว่าการอำเภอเมืองร้อยเอ็ด
ถนนสุริยเดชบำรุง รอ ๔๕๐๐๐
{date}
เรื่อง การรายงานสถิติอุบัติเหตุ
เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง
ขอให้รายงานผลการดำเนินงาน ให้แล้วเสร็จภายใน{deadline} เพื่ออำเภอจะได้รวบรวมรายงานจังหวัดต่อไป
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
นายอำเภอเมืองร้อยเอ็ด"""

CASES = [
    # Monday 4 ส.ค. is no Monday; Monday 7 August is four months before a letter of
    # 5 December: ธ.ค. read as ส.ค., and 4 December is a Monday.
    ("month-misread", "๕ ธันวาคม ๒๕๖๖", "วันจันทร์ที่ 4 ส.ค. 2566", dt.date(2023, 12, 4), "weekday_month_misread"),
    # The same deadline in a letter of early August: the day repair stands.
    ("day-repair-near-letter", "๑ สิงหาคม ๒๕๖๖", "วันจันทร์ที่ 4 ส.ค. 2566", dt.date(2023, 8, 7), "weekday_repaired"),
    # A weekday no one-letter misreading of the month fits near the letter: left as the day repair read it.
    ("no-month-fits", "๕ ธันวาคม ๒๕๖๖", "วันเสาร์ที่ 4 ส.ค. 2566", dt.date(2023, 8, 5), "weekday_repaired"),
]


@pytest.mark.parametrize(("date", "deadline", "want", "warning"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_deadline_month_read_by_its_weekday(date: str, deadline: str, want: dt.date, warning: str) -> None:
    (letter,) = parse_text(LETTER.format(date=date, deadline=deadline)).letters
    assert [d.date for d in letter.deadlines] == [want]
    assert warning in {w.code for w in letter.warnings if w.field == "deadlines"}
