"""The receipt stamp as the project's OCR prints it (tuning seeds 1, 3, 5, 6, 7):
labels lost or merged with the urgency stamp, a damaged month or year read
against the letter's own date (received on it or in the 31 days after), a
time whose dot became specks, a number with a speck inside. What the stamp
does not settle stays None with a warning."""

import datetime as dt

import pytest

from docintake.parse import parse_text
from docintake.parse.receipt import office_name, stamp_number, stamp_time
from docintake.parse.stampdate import stamp_months

LETTER = """องค์การบริหารส่วนตำบลนาแก
{stamp}
{number_line}
ถนนสุรนารายณ์ นศ ๘๐๐๕๔
{date}
เรื่อง การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง
เรียน นายกองค์การบริหารส่วนตำบลนาแก
ด้วยจังหวัดแจ้งว่า ขอให้ส่งข้อมูลภายใน ๗ วัน นับแต่วันที่ได้รับหนังสือนี้
ขอแสดงความนับถือ
(นายสมชาย บัวงาม)
นายอำเภอทุ่งสง"""
NUMBER_LINE = "ที่ นศ ๐๐๒๓.๑๓/ว ๒๑๒๙ ที่ว่าการอำเภอทุ่งสง"


def parse(stamp: str, date: str, number_line: str = NUMBER_LINE):
    (letter,) = parse_text(LETTER.format(stamp=stamp, date=date, number_line=number_line)).letters
    return letter


D = dt.date
DATES = [
    # (id, stamp lines as OCR'd, the letter's date line, receipt date, warning code on receipt.date)
    # Labels lost: the line under เลขรับ holds a day and a month (seeds 5, 7).
    ("label-lost-urgency-first", "เลขรับ ๔๖๑\nด่วน ๘ ม.ค. ๖๗\nเวลา ๑๔.๔๐ Ve", "๓ มกราคม ๒๕๖๗", D(2024, 1, 8), None),
    ("label-lost-debris-first", "เลขรับ ๒๑๕๖\naa . ๒๙ เมล.ย. ๒๕๖๗\n9 เวลา ๑๓ ๒๐", "๒๔ เมษายน ๒๕๖๗",
     D(2024, 4, 29), "receipt_date_repaired"),  # เมล.ย.: a speck before the dot
    ("label-lost-dot-as-vowel", "เลขรับ ๑๐๑๑\nสด ง ๒๖ พุ้ย. ๖๗\nเวลา ๑๒.๑๕ น.", "๒๑ พฤศจิกายน ๒๕๖๗",
     D(2024, 11, 26), "receipt_date_repaired"),
    ("label-to-latin-then-full", "1 ผาป? เลขรับ ๒๒๕๙\nด่วน “|Full ๑๑ ส.ค. ๒๕๖๘\nเวลา ๑๒.๐ น.", "๗ สิงหาคม ๒๕๖๘",
     D(2025, 8, 11), None),
    # A speck read after the day (seed 3).
    ("speck-after-day", "เลขรับ 1821\nด่วนมาก Tun 22. ธ.ค. 68", "๑๕ ธันวาคม ๒๕๖๘", D(2025, 12, 22), None),
    # The year on a line of its own below เวลา, or garbled: the letter's year (seeds 3, 6).
    ("year-below-the-stamp", "เลขรับ 1206\nวันที่ 29 กุค\nเวลา 162\n68", "๒๘ กรกฎาคม ๒๕๖๘", D(2025, 7, 29),
     "receipt_date_repaired"),
    ("year-garbled", "เลขรับ ๑๑๖๔\nด่วนมาก วันที่ ๙ ธ.คล. “ออป\nเวลา ๐๙.๓๐ น.", "๕ ธันวาคม ๒๕๖๗",
     D(2024, 12, 9), "receipt_date_repaired"),
    # 25:8 read as the two-digit year 25 (1982): before the letter, so the year is spoilt (seed 1).
    ("year-spoilt-decades-early", "เลขรับ 735..\naa |วันที่ 1 ก.ค. 25:8\nเวลา 11 45 น.", "๒๖ มิถุนายน ๒๕๖๘",
     D(2025, 7, 1), "receipt_date_repaired"),
    # 4A.: a digit and a Latin A fit ม.ค., มี.ค., พ.ค., ก.ค., ส.ค., ต.ค. or ธ.ค.; of
    # these only 11 Aug falls in the 31 days from 8 Aug (seed 7) ...
    ("month-lookalike-one-fits", "เลขรับ ๒๑๑๑\naa วันที่ ๑๑ 4A. ๖๘\nเวลา ๑๑.๓๐ น.", "๘ สิงหาคม ๒๕๖๘",
     D(2025, 8, 11), "receipt_date_repaired"),
    # ... while from 1 Jul both 1 Jul and 1 Aug do: unread.
    ("month-lookalike-two-fit", "เลขรับ ๒๑๑๑\naa วันที่ ๑ 4A. ๖๘\nเวลา ๑๑.๓๐ น.", "๑ กรกฎาคม ๒๕๖๘", None,
     "unreadable"),
    # One letter misread (ห for พ), the year glued on: ก.ย., พ.ย. or มิ.ย.; 23 Nov fits (seed 6).
    ("one-letter-misread", "เลขรับ ๑๕๗๒\nวันที่ ๒๓ หย..๒๕๖๖\nเวลา ๑๓.๐๐ We", "๒๒ พฤศจิกายน ๒๕๖๖",
     D(2023, 11, 23), "receipt_date_repaired"),
    # The abbreviation's dot read as ๑ (seed 1).
    ("digit-for-dot", "เลขรับ ๓๕๑\nวันที่ ๓ มิ๑ย. ๖๘\nเวลา ๑๐.๒๐ น.", "๒๘ พฤษภาคม ๒๕๖๘", D(2025, 6, 3),
     "receipt_date_repaired"),
    # Received before the letter was written: a digit is misread; withdrawn (seed 3).
    ("before-the-letter", "|เลขรับ' ๑๓๑\nสุด วันที่ ๕ ต.ค. ๒๕๖๖\nเวลา IPD:", "๖ ตุลาคม ๒๕๖๖", None, "unreadable"),
    # A handwritten month in Latin look-alikes: nea. is ก.ค. (n for ก, the dot
    # a ring read as e, a for ค) or พ.ค.; only 29 Jul is in the window (seed 7).
    ("handwritten-latin-month", "เลขรับ ๒๓๘๕\nวันที่ . ๒๙ nea. ๖๗\nเวลา ๑๑.๔๐ น.", "๒๔ กรกฎาคม ๒๕๖๗",
     D(2024, 7, 29), "receipt_date_repaired"),
    # Seed 11: ๘ nen. ๖๗ (ก.พ., ก.ค. or พ.ค.) a day after 7 Feb: 8 Feb.
    ("handwritten-nen", "เลขรับ ๑๑๐๖\nด่วนที่สุด วันที่ ๘ nen. ๖๗\nเวลา ๑๖.๔๐ น.", "๗ กุมภาพันธ์ ๒๕๖๗",
     D(2024, 2, 8), "receipt_date_repaired"),
    # Seed 11: Weds is พ.ย. with its dot a ring and a speck after ย.
    ("handwritten-weds", "เลขรับ 640\nด่วน วันที่ 21 Weds 68\nเวลา 08.50 น.", "๑๗ พฤศจิกายน ๒๕๖๘",
     D(2025, 11, 21), "receipt_date_repaired"),
    # Seed 11: the speck that stands before a dot (ล) read in the dot's place.
    ("speck-for-dot", "1 เลขรับ 1881\nด่วน วันที่ 20 พลย.66\nเวลา 13.30 น.", "๑๕ พฤศจิกายน ๒๕๖๖",
     D(2023, 11, 20), "receipt_date_repaired"),
    # Seed 13: the handwritten year read as letters glued after ก.ค.: the letter's year.
    ("year-glued-as-letters", "เลขรับ ๑๙๔๖\nด่วนมาก วันที่ ๑ ก.ค.าอฒ\nเวลา ๑๑.๕๐ น.", "๒๖ มิถุนายน ๒๕๖๗",
     D(2024, 7, 1), "receipt_date_repaired"),
    # Seed 36: a letter glued before the abbreviation's closing dot; the window agrees.
    ("letter-glued-before-dot", "เลขรับ 974\nวันที่ 18 พ.ยอ. 67\nเวลา 15.10 น.", "๑๒ พฤศจิกายน ๒๕๖๗",
     D(2024, 11, 18), "receipt_date_repaired"),
    # One part of the abbreviation read: its first (เม. of เม.ย., seed 7) or
    # its last (ค. of ต.ค. or any month with ค after the dot, seed 8) ...
    ("month-first-part-only", "เลขรับ 754\nสุด วันที่ 2 เม. ite 67\nเวลา 14. 00", "๒๗ มีนาคม ๒๕๖๗",
     D(2024, 4, 2), "receipt_date_repaired"),
    ("month-last-part-only", "เลขรับ 35\nสุด วันที่ 6 ค. 68.\nเวสา 15.45", "๓ ตุลาคม ๒๕๖๘",
     D(2025, 10, 6), "receipt_date_repaired"),
    # ... and when 27 Jul and 27 Aug both fit the window, no date.
    ("month-part-two-fit", "เลขรับ 35\nวันที่ ๒๗ ค. ๖๗\nเวลา ๑๕.๔๕", "๒๗ กรกฎาคม ๒๕๖๗", None, "unreadable"),
    # A month in Latin letters no table reads stays unread (seed 5).
    ("latin-month", "เลขรับ ๒๓๘๕\nวันที่ . ๒๙ Tote, ๖๗\nเวลา ๑๑.๔๐ น.", "๒๔ ธันวาคม ๒๕๖๗", None, "unreadable"),
    # The letter's own date unreadable: a clean stamp is read as printed, a damaged one is not.
    ("no-letter-date-clean", "เลขรับ ๔๖๑\nวันที่ ๘ ม.ค. ๖๗\nเวลา ๑๔.๔๐ น.", "๓ ....... ๒๕๖๗", D(2024, 1, 8), None),
    ("no-letter-date-damaged", "เลขรับ ๒๑๑๑\naa วันที่ ๑๑ 4A. ๖๘", "๘ ....... ๒๕๖๘", None, "unreadable"),
]


@pytest.mark.parametrize(("stamp", "date", "want", "code"), [c[1:] for c in DATES], ids=[c[0] for c in DATES])
def test_receipt_date_read_against_the_letter(stamp: str, date: str, want: dt.date | None, code: str | None) -> None:
    letter = parse(stamp, date)
    assert letter.receipt is not None
    assert letter.receipt.date == want
    codes = {w.code for w in letter.warnings if w.field == "receipt.date"}
    assert codes == ({code} if code else set())
    relative = [d.date for d in letter.deadlines if d.relative]
    assert relative == ([want + dt.timedelta(days=7)] if want else [])


TIMES = [
    # (id, text after เวลา as OCR'd, (time, reading outside office hours))
    ("clean", " ๑๕.๔๐ น.", ("15.40", None)),
    ("dot-lost-to-space", " ๑๔ ๐๕", ("14.05", None)),
    ("dot-lost", " 1105", ("11.05", None)),
    ("speck-before", " :๑๐.๑๐ หน.", ("10.10", None)),
    ("dot-read-as-specks", " ๑๕,.๓๐ Ma", ("15.30", None)),
    # ๙ read as ๕: 05.15 is before any office opens.
    ("hour-outside-office", " ๐๕.๑๕", (None, "05.15")),
    ("digit-lost", " 162", (None, None)),
    ("digit-added", " ๑๑9.๓๐ นหน.", (None, None)),
    ("nothing", " IPD:", (None, None)),
]


@pytest.mark.parametrize(("text", "want"), [c[1:] for c in TIMES], ids=[c[0] for c in TIMES])
def test_stamp_time(text: str, want: tuple) -> None:
    assert stamp_time(text) == want


STAMP_TIMES = [
    # (id, stamp lines, time)
    # The label read as Latin debris: a line of debris and a time only (seeds 3, 5).
    ("label-lost", "เลขรับ 249\nวันที่ 14 พ.ย. 2566\nar. 11 00 น. :", "11.00"),
    ("label-lost-specks", "เลขรับ 1741\nด่วนมาก rien\n$907 09.30...Me....", "09.30"),
    # The stamp's เวลา is lost; the ด่วนภายใน stamp's is the deadline's (seed 3).
    ("urgent-by-time-is-not-the-stamps", "เลขรับ 1821\nด่วนมาก Tun 22. ธ.ค. 68\n"
                                         "ด่วนภายใน ๒๐ ธันวาคม ๒๕๖๘ เวลา ๑๒.๐๐ น.", None),
    ("outside-office-hours", "เลขรับ ๒๓๐๓\nวันที่ ๒ ก.ย. ๖๗\nเวลา ๐๕.๒๐ น..", None),
]


@pytest.mark.parametrize(("stamp", "want"), [c[1:] for c in STAMP_TIMES], ids=[c[0] for c in STAMP_TIMES])
def test_receipt_time(stamp: str, want: str | None) -> None:
    letter = parse(stamp, "๘ พฤศจิกายน ๒๕๖๖")
    assert letter.receipt is not None and letter.receipt.time == want
    assert ("receipt.time" in {w.field for w in letter.warnings}) is (want is None and "๐๕" in stamp)


NUMBERS = [
    # (id, text after เลขรับ as OCR'd, number)
    ("clean", " ๒๒๓๕", "2235"),
    ("speck-before", " . 1400", "1400"),
    ("dash-glued", "- 1652", "1652"),
    ("split-by-space", " 1 652", "1652"),
    ("speck-inside", " ๖๔,๘ .", "648"),
    # a lone Arabic 7 after a Thai-digit number: dirt this OCR reads as 7
    ("speck-seven-after", " ๔๗ 7", "47"),
    ("nothing", " ...", None),
]


@pytest.mark.parametrize(("text", "want"), [c[1:] for c in NUMBERS], ids=[c[0] for c in NUMBERS])
def test_stamp_number(text: str, want: str | None) -> None:
    assert stamp_number(text) == want


def test_stamp_read_below_a_head_the_splitter_took_from_it() -> None:
    # Seed 3: the ที่ line lost its slash, so the letter's head fell on the
    # เลขรับ line; the stamp's other lines stand below it, above ที่.
    letter = parse("เลขรับ . 1400\nด่วนมาก\nเวลา 12.10", "๒๕ ตุลาคม ๒๕๖๗",
                   number_line="ที่ สร ๐๐๒๓.๑๘ ๘๒๕ ที่ว่าการอำเภอท่าตูม")
    assert letter.receipt is not None
    assert (letter.receipt.number, letter.receipt.time) == ("1400", "12.10")


MONTHS = [
    # (id, month token (Arabic digits, as the reader maps them), months, read as printed)
    ("abbreviation", "ม.ค.", {1}, True),
    ("dot-as-lower-vowel", "กุค", {7}, False),
    ("digit-for-dot", "มิ1ย.", {6}, False),
    ("digit-and-latin", "4A.", {1, 3, 5, 7, 8, 10, 12}, False),
    ("latin-lookalikes", "A.A.", {7, 8, 10}, False),
    ("one-letter-misread", "หย..", {4, 6, 9, 11}, False),  # 4: เม.ย. with its เ lost
    ("handwritten-n-e-a", "nea.", {5, 7}, False),
    ("handwritten-n-e-n", "nen.", {2, 5, 7}, False),
    ("handwritten-w-e-d", "wed.", {11}, False),
    ("handwritten-a-n", "an.", {8}, False),
    ("latin-unread", "Tote,", set(), False),
    ("speck-for-dot", "พลย.", {11}, False),
    ("year-glued-as-letters", "ก.ค.าอฒ", {7}, False),
    ("two-letters-before-dot-year-glued", "เม.ย.ออ", {4}, False),
    # Seed 36: the closing dot read as a letter, or a letter glued before it.
    ("dot-read-as-letter", "ต.คล", {10}, False),
    ("letter-glued-before-dot", "พ.ยอ.", {11}, False),
    ("letter-glued-before-first-dot", "มอ.ค.", {1}, False),  # seed 122
    ("letter-glued-before-first-dot-after-a-vowel", "มีอ.ค.", {3}, False),
    ("letter-glued-before-first-dot-of-a-three-letter-abbreviation", "เมอ.ย.", {4}, False),
    ("three-letters-no-dot-is-no-abbreviation", "ตคล", set(), False),
    ("latin-no-dot", "Ae,", set(), False),
]


@pytest.mark.parametrize(("token", "months", "exact"), [c[1:] for c in MONTHS], ids=[c[0] for c in MONTHS])
def test_stamp_months(token: str, months: set[int], exact: bool) -> None:
    assert stamp_months(token) == (months, exact)


OFFICES = [
    # (id, stamp line as OCR'd, office)
    ("clean", "เทศบาลตำบลพาน", "เทศบาลตำบลพาน"),
    ("letter-before", "ลู อบต.นาแก", "อบต.นาแก"),
    ("speck-letter-before", "ฟู ทต.นาดี '", "ทต.นาดี"),
    ("vowel-glued", "ไองค์การบริหารส่วนตำบลโนนสำราญ", "องค์การบริหารส่วนตำบลโนนสำราญ"),
    ("space-before-dot", "อบต .ทุ่งใหญ่", "อบต.ทุ่งใหญ่"),
    ("frame-after", "องค์การบริหารส่วนตำบลห้วยต้อน |.", "องค์การบริหารส่วนตำบลห้วยต้อน"),
    ("no-office", "ด่วนมาก", None),
]


@pytest.mark.parametrize(("line", "want"), [c[1:] for c in OFFICES], ids=[c[0] for c in OFFICES])
def test_office_name(line: str, want: str | None) -> None:
    assert office_name(line) == want


YEARS = [
    # (id, stamp date line, the letter's date line, receipt date, warning code on receipt.date)
    # ๒๕๖๙ for ๒๕๖๘: a year after the letter; the one reading in the window is this year's.
    ("year-one-late", "วันที่ ๓ ม.ค. ๒๕๖๙", "๒๘ ธันวาคม ๒๕๖๗", D(2025, 1, 3), "receipt_date_repaired"),
    # the clerk's old year in January: 3 Jan 2567 on a letter of 28 Dec 2567 is 3 Jan 2568.
    ("old-year-in-january", "วันที่ ๓ ม.ค. ๒๕๖๗", "๒๘ ธันวาคม ๒๕๖๗", D(2025, 1, 3), "receipt_date_repaired"),
    # received in the months after the letter: read as printed.
    ("months-after", "วันที่ ๓ มี.ค. ๒๕๖๘", "๒๘ ธันวาคม ๒๕๖๗", D(2025, 3, 3), None),
    # two years on, no reading in the window: kept, with a warning to check it.
    ("years-after", "วันที่ ๓ มี.ค. ๒๕๗๐", "๒๘ ธันวาคม ๒๕๖๗", D(2027, 3, 3), "receipt_date_implausible"),
]


@pytest.mark.parametrize(("line", "date", "want", "code"), [c[1:] for c in YEARS], ids=[c[0] for c in YEARS])
def test_receipt_year_against_the_letter(line: str, date: str, want: dt.date, code: str | None) -> None:
    letter = parse(f"เลขรับ ๒๒๓๕\n{line}\nเวลา ๑๐.๓๐ น.", date)
    assert letter.receipt.date == want
    assert {w.code for w in letter.warnings if w.field == "receipt.date"} == ({code} if code else set())


BESIDE = [
    # (id, stamp lines as OCR'd, receipt number)
    # Seed 13: the written number set on a line of its own above the label.
    ("number-above-label", "1362\nเลขรับ\nวันที่ 27 ธ.ค. 67\nเวลา 14.00", "1362"),
    ("number-below-label", "เลขรับ\n๑๓๖๒\nวันที่ ๒๗ ธ.ค. ๖๗\nเวลา ๑๔.๐๐", "1362"),
    # Nothing but the label and the date: no number.
    ("no-number-anywhere", "เลขรับ\nวันที่ ๒๗ ธ.ค. ๖๗\nเวลา ๑๔.๐๐", None),
]


@pytest.mark.parametrize(("stamp", "want"), [c[1:] for c in BESIDE], ids=[c[0] for c in BESIDE])
def test_number_written_beside_the_label(stamp: str, want: str | None) -> None:
    letter = parse(stamp, "๒๕ ธันวาคม ๒๕๖๗")
    assert letter.receipt is not None and letter.receipt.number == want
    assert ("receipt_number_beside_label" in {w.code for w in letter.warnings}) is (want is not None)
