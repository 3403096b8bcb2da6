"""A deadline whose month OCR lost or left ambiguous (``A.A.``: ก.ค., ส.ค. or
ต.ค.; ``IE.``, ``HUNAN``: no month at all), settled by the bundle's chain:
between the letter's own date (a week's slack) and the deadline of the copy
it encloses, not before the deadline of the letter forwarding it (a week's
slack); only when one reading is left, always warned (seeds 5, 6, 9, 12)."""

import datetime as dt

import pytest

from docintake.parse import parse_text
from docintake.parse.deadlinechain import chain_fits
from docintake.parse.glyphs import lost_month_readings

D = dt.date

FITS = [
    # (id, readings, letter's date, copy's deadline, forwarder's deadline, want)
    # ๑๑ A.A. in a letter of 7 Aug 2025 whose copy sets 11 Aug (seed 5).
    ("ceiling-leaves-one", [D(2025, 7, 11), D(2025, 8, 11), D(2025, 10, 11)], D(2025, 8, 7), D(2025, 8, 11), None,
     [D(2025, 8, 11)]),
    # No copy's deadline: 11 Jul is 27 days before the letter; two are left.
    ("no-ceiling-two-left", [D(2025, 7, 11), D(2025, 8, 11), D(2025, 10, 11)], D(2025, 8, 7), None, None,
     [D(2025, 8, 11), D(2025, 10, 11)]),
    # ๒๗ A.A. in a letter of 23 Oct 2025: 27 Aug is 57 days before it (seed 9).
    ("own-date-leaves-one", [D(2025, 7, 27), D(2025, 8, 27), D(2025, 10, 27)], D(2025, 10, 23), None, None,
     [D(2025, 10, 27)]),
    # ๑๘ IE.: 18 Mar is 6 days before a letter of 24 Mar, 18 Apr after it; the
    # copy allows to 24 Apr: the one on or after the letter's date (seed 12).
    ("on-or-after-own-date", [D(2025, 3, 18), D(2025, 4, 18), D(2025, 5, 18)], D(2025, 3, 24), D(2025, 4, 24), None,
     [D(2025, 4, 18)]),
    # Without a copy's deadline the letter's own date does not pick between them.
    ("slack-week-without-ceiling", [D(2025, 3, 18), D(2025, 4, 18)], D(2025, 3, 24), None, None,
     [D(2025, 3, 18), D(2025, 4, 18)]),
    # ๙ HUNAN ๒๕๖๗ in a province letter of 8 Nov whose district forwarder sets 6 Dec (seed 6).
    ("floor-leaves-one", [D(2024, 11, 9), D(2024, 12, 9)], D(2024, 11, 8), None, D(2024, 12, 6), [D(2024, 12, 9)]),
    # Both readings after the letter's date and under the copy's deadline.
    ("two-under-ceiling", [D(2025, 8, 11), D(2025, 10, 11)], D(2025, 8, 7), D(2025, 10, 15), None,
     [D(2025, 8, 11), D(2025, 10, 11)]),
    ("none-fits", [D(2025, 7, 11)], D(2025, 8, 7), D(2025, 8, 11), None, []),
]


@pytest.mark.parametrize(("readings", "own", "ceiling", "floor", "want"), [c[1:] for c in FITS],
                         ids=[c[0] for c in FITS])
def test_chain_fits(readings, own, ceiling, floor, want):
    assert chain_fits(readings, own, ceiling, floor) == want


LOST = [
    # (id, text after the วันที่ label, letter's date, first readings or [])
    ("latin-month-year-kept", " ๙ HUNAN ๒๕๖๗", D(2024, 11, 8), [D(2024, 9, 9), D(2024, 10, 9), D(2024, 11, 9)]),
    ("month-and-year-lost", " ๑", D(2023, 12, 27), [D(2023, 11, 1), D(2023, 12, 1), D(2024, 1, 1)]),
    ("month-read", " ๙ ธันวาคม ๒๕๖๗", D(2024, 11, 8), []),
    ("every-month", " ๑๐ ของทุกเดือน", D(2024, 11, 8), []),
    ("day-lost", " เม พฤศจิกายน ๒๕๖๗", D(2024, 11, 8), []),
]


@pytest.mark.parametrize(("after", "ref", "want"), [c[1:] for c in LOST], ids=[c[0] for c in LOST])
def test_lost_month_readings(after, ref, want):
    from docintake.text.normalize import thai_to_arabic_digits
    assert lost_month_readings(thai_to_arabic_digits(after), ref)[:3] == want


DISTRICT = """ที่ ชย ๐๐๒๓.๑๔/๑๖๐๙ ที่ว่าการอำเภอเมืองชัยภูมิ
ถนนหฤทัย ชย ๓๖๐๐๐
{date}
เรื่อง การป้องกันและควบคุมโรคไข้เลือดออก
เรียน นายกองค์การบริหารส่วนตำบลนาฝาย
สิ่งที่ส่งมาด้วย สำเนาหนังสือจังหวัดชัยภูมิ ที่ ชย ๐๐๒๓.๖/ว ๑๖๔๘ ลงวันที่ {copy_date}
ขอให้องค์การบริหารส่วนตำบลรายงานผลการสำรวจค่าดัชนีลูกน้ำยุงลาย ให้อำเภอทราบ {body}
ขอแสดงความนับถือ
(นางปิยะนุช ทองดี)
นายอำเภอเมืองชัยภูมิ"""
PROVINCE = """ที่ ชย ๐๐๒๓.๖/ว ๑๖๔๘ ศาลากลางจังหวัดชัยภูมิ
ถนนบรรณาการ ชย ๓๖๐๐๐
{copy_date}
เรื่อง มาตรการเฝ้าระวังโรคไข้เลือดออก
เรียน นายอำเภอ ทุกอำเภอ
ขอให้อำเภอแจ้งองค์กรปกครองส่วนท้องถิ่นรายงานผลการดำเนินงาน และรวบรวมส่งให้จังหวัด {copy_body}
ขอแสดงความนับถือ
(นายณัฐพล ชัยมงคล)
ผู้ว่าราชการจังหวัดชัยภูมิ"""

BUNDLES = [
    # (id, district date, its deadline as OCR'd, copy's date, copy's deadline as OCR'd,
    #  district deadlines, copy deadlines, warning codes on the letter settled or left)
    ("district-aa-by-copy", "๗ สิงหาคม ๒๕๖๘", "ก่อนวันที่ ๑๑ A.A. ๒๕๖๘", "๑ สิงหาคม ๒๕๖๘",
     "ภายในวันที่ ๑๑ สิงหาคม ๒๕๖๘", [D(2025, 8, 11)], [D(2025, 8, 11)], {"deadline_settled_by_chain"}),
    ("district-latin-month-by-copy", "๒๔ มีนาคม ๒๕๖๘", "ภายในวันที ๑๘ IE. ๒๕๖๘", "๑๘ มีนาคม ๒๕๖๘",
     "ภายในวันที่ ๒๔ เมษายน ๒๕๖๘", [D(2025, 4, 18)], [D(2025, 4, 24)], {"deadline_settled_by_chain"}),
    # The copy sets no deadline: 11 Aug and 11 Oct both fit, left unread and both named.
    ("district-aa-two-left", "๗ สิงหาคม ๒๕๖๘", "ก่อนวันที่ ๑๑ A.A. ๒๕๖๘", "๑ สิงหาคม ๒๕๖๘",
     "โดยเร็ว", [], [], {"unreadable", "deadline_ambiguous"}),
    # The copy's month lost: 9 Nov is a month before the district's 6 Dec (seed 6).
    ("copy-month-lost-by-forwarder", "๑๘ พฤศจิกายน ๒๕๖๗", "ภายในวันที่ ๖ ธันวาคม ๒๕๖๗", "๘ พฤศจิกายน ๒๕๖๗",
     "ก่อนวันที ๙ HUNAN ๒๕๖๗", [D(2024, 12, 6)], [D(2024, 12, 9)], {"deadline_settled_by_chain"}),
]


@pytest.mark.parametrize(("date", "body", "copy_date", "copy_body", "want", "want_copy", "codes"),
                         [c[1:] for c in BUNDLES], ids=[c[0] for c in BUNDLES])
def test_chain_settles_a_lost_month(date, body, copy_date, copy_body, want, want_copy, codes):
    text = DISTRICT.format(date=date, copy_date=copy_date, body=body) + "\f" + PROVINCE.format(
        copy_date=copy_date, copy_body=copy_body)
    district, province = parse_text(text).letters
    assert [d.date for d in district.deadlines] == want
    assert [d.date for d in province.deadlines] == want_copy
    settled = district if "HUNAN" not in copy_body else province
    assert {w.code for w in settled.warnings if w.field == "deadlines"} == codes
    if "unreadable" not in codes:
        assert settled.confidence["deadlines"] == 0.5
