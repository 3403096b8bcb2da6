"""The era พ.ศ. read by OCR as Latin look-alikes (WA., wa,, W.A.) is put back
only where the era stands: after a word, before a Buddhist-Era year."""

import pytest

from docintake.parse import parse_pages
from docintake.text.era import mend_era

CASES = [
    # (id, page lines as OCR read them, lines expected)
    ("subject-same-line", ["เรื่อง การจ่ายเงินเบี้ยยังชีพผู้สูงอายุ ประจำปีงบประมาณ wa, ๒๕๖๘"],
     ["เรื่อง การจ่ายเงินเบี้ยยังชีพผู้สูงอายุ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"]),
    ("year-wrapped-to-next-line", ["เรื่อง การป้องกันและลดอุบัติเหตุทางถนนช่วงเทศกาลสงกรานต์ WA.", "", "๒๕๖๗"],
     ["เรื่อง การป้องกันและลดอุบัติเหตุทางถนนช่วงเทศกาลสงกรานต์ พ.ศ.", "", "๒๕๖๗"]),
    ("speck-before-the-era", ["เรื่อง การเร่งรัดการเบิกจ่ายงบประมาณ ประจำปีงบประมาณ ' WA.", "๒๕๖๘"],
     ["เรื่อง การเร่งรัดการเบิกจ่ายงบประมาณ ประจำปีงบประมาณ ' พ.ศ.", "๒๕๖๘"]),
    ("deadline-after-full-month", ["เบี้ยยังชีพ ก่อนวันที่ ๒๙ มกราคม WA. ๒๕๖๗"],
     ["เบี้ยยังชีพ ก่อนวันที่ ๒๙ มกราคม พ.ศ. ๒๕๖๗"]),
    ("dotted-and-arabic-year", ["พระราชบัญญัติภาษีที่ดินและสิ่งปลูกสร้าง W.A. 2562 กำหนดให้"],
     ["พระราชบัญญัติภาษีที่ดินและสิ่งปลูกสร้าง พ.ศ. 2562 กำหนดให้"]),
    # After a day number the same glyphs are a month (พ.ค.): left for the date reader.
    ("month-after-day", ["ภายในวันที่ ๑๔ WA. ๒๕๖๘"], ["ภายในวันที่ ๑๔ WA. ๒๕๖๘"]),
    ("month-after-wrapped-day", ["ที่ สน ๐๐๒๓.๓/๒๘๑๘ ลงวันที่ ๒๑", "WA. ๒๕๖๖"],
     ["ที่ สน ๐๐๒๓.๓/๒๘๑๘ ลงวันที่ ๒๑", "WA. ๒๕๖๖"]),
    # The last dot read as a colon (seed 8): the deadline's year is found again.
    ("last-dot-as-colon", ["ภายในวันจันทร์ที่- 10 กุมภาพันธ์ W.A: 2568"], ["ภายในวันจันทร์ที่- 10 กุมภาพันธ์ พ.ศ. 2568"]),
    ("after-a-garbled-day", ["ด่วนภายใน od W.A. ๒๕๖๘ ๑๕.๐"], ["ด่วนภายใน od W.A. ๒๕๖๘ ๑๕.๐"]),
    ("no-year-after-it", ["การจัดการฐานข้อมูล wa", "เบยยงชพ"], ["การจัดการฐานข้อมูล wa", "เบยยงชพ"]),
    ("part-of-a-latin-word", ["ประจำปีงบประมาณ WAN ๒๕๖๘"], ["ประจำปีงบประมาณ WAN ๒๕๖๘"]),
    # seed 18: the space before the year lost, the era glued to it.
    ("glued-to-the-year", ["เรื่อง การป้องกันและลดอุบัติเหตุทางถนนช่วงเทศกาลสงกรานต์ WA.๒๕๖๘"],
     ["เรื่อง การป้องกันและลดอุบัติเหตุทางถนนช่วงเทศกาลสงกรานต์ พ.ศ.๒๕๖๘"]),
    # Glued without a dot: WA2568 could be anything; and a month after a day stays a month.
    ("glued-without-dot", ["ช่วงเทศกาลสงกรานต์ WA๒๕๖๘"], ["ช่วงเทศกาลสงกรานต์ WA๒๕๖๘"]),
    ("glued-month-after-day", ["ภายในวันที่ ๑๔ WA.๒๕๖๘"], ["ภายในวันที่ ๑๔ WA.๒๕๖๘"]),
]


@pytest.mark.parametrize("page,want", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_mend_era(page, want):
    assert mend_era(page) == want


def test_subject_keeps_its_year_when_the_era_wrapped():
    page = "\n".join([
        "ที่ สน ๐๐๒๓.๓/๗๕๘๕ ศาลากลางจังหวัดสกลนคร", "ถนนศูนย์ราชการ สน ๔๗๐๐๐", "๒๒ พฤศจิกายน ๒๕๖๖",
        "เรื่อง การป้องกันและลดอุบัติเหตุทางถนนช่วงเทศกาลสงกรานต์ WA.", "๒๕๖๗",
        "เรียน นายอำเภอ ทุกอำเภอ", "ด้วยจังหวัดสกลนครแจ้งว่า ขอให้ดำเนินการ ก่อนวันที่ ๒๙ มกราคม WA. ๒๕๖๗",
    ])
    (letter,) = parse_pages([page]).letters
    assert letter.subject == "การป้องกันและลดอุบัติเหตุทางถนนช่วงเทศกาลสงกรานต์ พ.ศ. ๒๕๖๗"
    assert [d.date.isoformat() for d in letter.deadlines] == ["2024-01-29"]
