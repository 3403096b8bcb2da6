"""Memo letterheads as the project's OCR prints them (seed-1 dumps): the
heading without its upper vowels, the ที่ label lost before the number."""

import pytest

from docintake.parse import parse_text
from docintake.parse.lines import is_memo_head

HEADS = [
    ("clean", "บันทึกข้อความ", True),
    ("upper-vowels-lost", "บนทกขอความ", True),
    ("speck-before", "แม่ . บนทกข้อความ", True),
    ("dots-before", ". บนทกขอความ", True),
    # Seed 13: the heading's first letter misread (บ -> ป), its vowels lost.
    ("first-letter-misread", "ปนทกข้อความ", True),
    ("one-letter-misread-mid", "บนทกขอคบาม", True),
    ("two-letters-misread", "ปนทกขอคบาม", False),
    ("not-a-heading", "ขอความร่วมมือ", False),
    ("long-line", "ขอส่งบันทึกข้อความการประชุมคณะกรรมการพัฒนาท้องถิ่น", False),
]


@pytest.mark.parametrize(("line", "want"), [c[1:] for c in HEADS], ids=[c[0] for c in HEADS])
def test_memo_head(line: str, want: bool) -> None:
    assert is_memo_head(line) is want


def _memo(number_line: str, to_label: str = "เสนอ") -> str:
    return "\n".join([
        "บนทกขอความ", "ส่วนราชการ กองคลัง องค์การบริหารส่วนตำบลบ้านโคก", number_line,
        "เรือง ขอเชิญเข้าร่วมการฝึกอบรม", f"{to_label} นายกองค์การบริหารส่วนตำบลบ้านโคก",
        "ตามที่ อำเภอได้แจ้งว่า มีการฝึกอบรม", "จึงเรียนมาเพื่อโปรดพิจารณา", "(นายสมชาย ใจดี)", "ผู้อำนวยการกองคลัง",
    ])


NUMBER_LINES = [
    # ที่ lost, a speck before the prefix, วันที่ garbled but its ันท kept.
    ("speck-prefix", "n รอ ๗๒๓๙๔/๖๘ งจ๊ันที่ ๑๙ ต.ค. ๒๕๖๖", "รอ 72394/68", "2023-10-19"),
    ("no-label", "ชร ๗๒๔๘๗/๒๔๘ วันที ๒๙ ส.ค. ๖๗", "ชร 72487/248", "2024-08-29"),
    ("sara-i-lost", "ni ศก ๗๗๐๗๕/๙๗ จันที ๑ เม.ย. ๖๘ .", "ศก 77075/97", "2025-04-01"),
    # Seed 11: two specks before the prefix; debris glued onto the label itself.
    ("two-specks-before-prefix", "๑ i ชย ๗๔๔๗๘/๓๖๑ วันที่ ๒๗ ธ.ค. ๒๕๖๖", "ชย 74478/361", "2023-12-27"),
    ("debris-glued-to-label", ".ฑที่ รอ ๗๗๗๗๙/๙๓ วันที่ ๒ พ.ค. ๖๘", "รอ 77779/93", "2025-05-02"),
    ("dot-inside-lao-code", "สน ๗๙.๗๙๕/๓๕๙ วันที่ ๒๒ ก.ย. ๒๕๖๘", "สน 79795/359", "2025-09-22"),
    # Seed 23: ที่ read as Latin, a leader dot glued to the handwritten number.
    ("latin-label-leader-dot", "it อด ๗๖๓๘๒/.๔๖๗ วันที่ ๓๐ ส.ค. ๒๕๖๗", "อด 76382/467", "2024-08-30"),
    # วันที่ garbled past reading, the handwritten ก.พ. read as Latin look-alikes (seed 3).
    ("date-label-garbled-latin-month", "ศก ๗๒๒๔๖/๕๓๘ JUN ๓ A.W. ๖๘", "ศก 72246/538", "2025-02-03"),
    # Seed 18: the label glued to a prefix read with a letter too many (พชณ);
    # an LAO's code carries a province's prefix, and only พช is one letter off.
    ("label-glued-letter-too-many", "ที่พชณ๗๘๖๔๑/๒๐๙ วันที่๑๖ธค๖๗ 7", "พช 78641/209", "2024-12-16"),
    # Seed 36: the label's ท glued before a prefix with ช read as ข (ทขม for ที่ ชม).
    ("label-ti-glued-prefix-misread", "ทขม ๗๔๙๕๔/๗๑๔ วันที่ ๓๐ พ.ค. ๒๕๖๘", "ชม 74954/714", "2025-05-30"),
    # Seed 49: a vowel read into the prefix (ชุย), วันที่'s ั read ิ, the month's dots lost.
    ("prefix-vowel-date-label-sara-i", "ชุย ๗๖๗๕๑/๙๘๙ วินที่ ๒๙เมย๖๗", "ชย 76751/989", "2024-04-29"),
]


@pytest.mark.parametrize(("line", "doc_no", "date"), [c[1:] for c in NUMBER_LINES],
                         ids=[c[0] for c in NUMBER_LINES])
def test_memo_number_without_label(line: str, doc_no: str, date: str) -> None:
    letter = parse_text(_memo(line)).letters[0]
    assert letter.kind == "memo"
    assert letter.doc_no == doc_no
    assert letter.date is not None and letter.date.isoformat() == date


# วันที่ garbled past reading too: a known province prefix and an LAO code
# still make the line the number line; a month that fits three abbreviations
# (A.A.: ก.ค., ส.ค., ต.ค.) leaves the date null with a warning.
NUMBER_LINES_NO_DATE = [
    ("date-label-garbled", "ศก ๗๒๒๔๖/๕๓๘ JUN ๓ A.A. ๖๘", "ศก 72246/538"),  # seed 3
    ("garbled-prefix-needs-date-label", "Ain ๗๒๒๔๖/๕๓๘ JUN ๓ A.A. ๖๘", None),
    ("not-a-province", "ขอ ๗๒๒๔๖/๕๓๘ JUN ๓ A.A. ๖๘", None),
    # seed 84: a stray mark on the prefix (ชุม for ชม), a Latin speck before it
    ("mark-on-the-prefix", "it ชุม ๗๔๒๘๔/๙๓ FUN ๒๙ ALA. ๖๘", "ชม 74284/93"),
    # seed 90: a speck read as a dot inside the LAO's code (๗๕.๙๕๔)
    ("dot-in-the-code", "N กส ๗๕.๙๕๔/๙๗๘ TUM ๒๘ A.A. ๖๗", "กส 75954/978"),
]


@pytest.mark.parametrize(("line", "doc_no"), [c[1:] for c in NUMBER_LINES_NO_DATE],
                         ids=[c[0] for c in NUMBER_LINES_NO_DATE])
def test_memo_number_without_any_label(line: str, doc_no: str | None) -> None:
    letter = parse_text(_memo(line)).letters[0]
    assert letter.doc_no == doc_no
    assert letter.date is None
    assert any(w.field in ("date", "doc_no") for w in letter.warnings)


DAY_OR_DIGIT = [
    # Seed 67: วันที่ lost and the month garbled after a lone ๓: the day, or the
    # number's last digit? Both readings named, the number left unread.
    ("day-after-number-date-garbled", "ที่ พล ๗๓๙๗๖/๕๒๒ ๓ WALDO๗", None),
    ("groups-before-a-readable-date", "ที่ พล ๗๓๙๗๖/๕๒ ๒ วันที่ ๓ พ.ค. ๖๗", "พล 73976/522"),
    ("no-group-after-number", "ที่ พล ๗๓๙๗๖/๕๒๒ WALDO๗", "พล 73976/522"),
]


@pytest.mark.parametrize(("line", "doc_no"), [c[1:] for c in DAY_OR_DIGIT], ids=[c[0] for c in DAY_OR_DIGIT])
def test_memo_number_group_that_may_be_the_day(line: str, doc_no: str | None) -> None:
    letter = parse_text(_memo(line)).letters[0]
    assert letter.doc_no == doc_no
    if doc_no is None:
        (warning,) = [w for w in letter.warnings if w.field == "doc_no"]
        assert "พล 73976/522 / พล 73976/5223" in warning.message


def test_memo_date_read_when_its_number_is_past_finding() -> None:
    # Seed 6: ที่ read as "it", the running number garbled (ซ่๘๐): no number
    # line is found, but the line's วันที่ date is the memo's date.
    letter = parse_text(_memo("it ศก ๗๖๕๑๑/ ซ่๘๐ วันที่ ๑๗ พ.ย. ๖๖ .")).letters[0]
    assert letter.doc_no is None
    assert letter.date is not None and letter.date.isoformat() == "2023-11-17"


def test_memo_number_with_its_slash_lost_names_both_readings() -> None:
    # Seed 10: ที่ and the slash lost (อบ ๗๘๐๘๙/๓๘๐): ordinary or circular (/ว)
    # cannot be told in a memo sent to every division (one to a single official
    # is no circular: test_slashlost), so no number, both readings in the
    # warning; the date is read.
    text = _memo("อบ ๗๘๐๘๙ ๓๘๐ จันที่ ๑๑ ต.ค. ๖๗", "เรียน")
    letter = parse_text(text.replace("เรียน นายกองค์การบริหารส่วนตำบลบ้านโคก", "เรียน ผู้อำนวยการกอง ทุกกอง")).letters[0]
    assert letter.doc_no is None
    (warning,) = [w for w in letter.warnings if w.field == "doc_no"]
    assert "อบ 78089/380 / อบ 78089/ว 380" in warning.message
    assert letter.date is not None and letter.date.isoformat() == "2024-10-11"


def test_memo_heading_above_blank_lines() -> None:
    """Seed 14: OCR left blank lines between the heading, ส่วนราชการ and a
    number line whose ที่ and วันที่ it garbled; the heading still makes it a
    memo, and the date on the number line is its date."""
    text = "\n".join([
        "บันทึกข้อความ", "", "", "สวนราชการ กองการศึกษา อบต.เมืองเก่า", "", "", "",
        "ท ชย ๗๘๑๖๙/๘๘ : yun ๒๒ ส.ค. ๖๗", "", "",
        "เร้อง การบันทึกข้อมูลผู้สูงอายุ", "เสนอ นายกองค์การบริหารส่วนตำบลเมืองเก่า",
        "ด้วยปรากฏว่า ระเบียบกำหนดให้ตรวจสอบคุณสมบัติ", "จึงเสนอมาเพื่อโปรดพิจารณาสั่งการ",
        "(นายวิทยา อินทร์แก้ว)", "นักวิเคราะห์นโยบายและแผน",
    ])
    letter = parse_text(text).letters[0]
    assert (letter.kind, str(letter.date)) == ("memo", "2024-08-22")


def test_memo_prefix_a_letter_too_many_that_fits_two_provinces_stays_unread() -> None:
    # ลสบ less one letter is สบ (สระบุรี) or ลบ (ลพบุรี): the shape alone cannot say which
    letter = parse_text(_memo("ที่ลสบ๗๘๖๔๑/๒๐๙ วันที่ ๑๖ ธ.ค. ๖๗")).letters[0]
    assert letter.doc_no is None
    assert letter.doc_no_partial is not None and letter.doc_no_partial.shapes == ["ลบ", "สบ"]


def test_memo_whose_heading_ocr_garbled_is_known_by_its_unit_label():
    """Seed 27: บันทึกข้อความ read as ``Yurvinvanry``; the ส่วนราชการ line above
    the ที่ line still makes it a memo, so its date is read from that line."""
    text = "\n".join([
        "Yurvinvanry", "สุ่วนราชการ กองช่าง อง์ค์การบริหารส่วนตำบลนาโพธิ์", "ที่ มค ๗๒๓๘๙/๗๙ วันที่ ๔ สค. ๖๘",
        "เรื่อง การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง", "เสนอ. นายกองค์การบริหารส่วนตำบลนาโพธิ์",
        "ด้วยงานจัดเก็บรายได้ขอรายงานผล", "จึงเรียนมาเพื่อโปรดพิจารณา", "(นายสมชาย ใจดี)", "ผู้อำนวยการกองช่าง"])
    (letter,) = parse_text(text).letters
    assert (letter.kind, letter.doc_no, str(letter.date)) == ("memo", "มค 72389/79", "2025-08-04")
    assert any(w.code == "memo_by_unit_label" for w in letter.warnings)


@pytest.mark.parametrize(("number_line", "want"), [
    # seed 48: the handwritten date's month and year fell to a line of their own
    ("ที่ ชย ๗๙๖๘๐/๕๐๘ ภรวัวนที่ ๘\nธ.ค..๖๘", "2025-12-08"),
    # a line of words under a lone day is no date's end: no date is made up
    ("ที่ ชย ๗๙๖๘๐/๕๐๘ วันที่ ๘\nธ.ค. ๖๘ ตามที่แจ้ง", None),
], ids=["month-and-year-below", "words-below"])
def test_memo_date_read_across_its_wrapped_line(number_line: str, want: str | None) -> None:
    letter = parse_text(_memo(number_line)).letters[0]
    assert letter.doc_no == "ชย 79680/508"
    assert (letter.date.isoformat() if letter.date else None) == want
    assert letter.subject == "ขอเชิญเข้าร่วมการฝึกอบรม"
