"""A copy's own number taken from its forwarding letter's listing when the
copy prints it as debris (seed 19) or in the stock OCR model's digits
(seed 20), its prefix, office and date the listed letter's; otherwise left
unread (parse.listedcopy)."""

import pytest

from docintake.parse import parse_text
from docintake.parse.listedcopy import illegible_with_prefix, own_number_line

# A province letter listing the department's circular it forwards (seed 19, 003_chain3_200).
PROVINCE = """ด่วนที่สุด
ที่ พล ๐๐๒๓.๒/๕๘๓๓ ศาลากลางจังหวัดพิษณุโลก
ถนนวังจันทน์ พล ๖๕๐๐๐
๑๓ มิถุนายน ๒๕๖๗
เรื่อง การจ่ายเงินเบี้ยยังชีพผู้สูงอายุ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗
เรียน นายอำเภอ ทุกอำเภอ
สิ่งที่ส่งมาด้วย {entries}
จำนวน ๑ ชุด
ด้วยกรมส่งเสริมการปกครองท้องถิ่นได้มีหนังสือแจ้งเรื่องการจ่ายเงินเบี้ยยังชีพผู้สูงอายุ
จึงเรียนมาเพื่อพิจารณาดำเนินการในส่วนที่เกี่ยวข้องต่อไป
ขอแสดงความนับถือ
(นางเยาวลักษณ์ ฐานเจริญ)
ผู้ว่าราชการจังหวัดพิษณุโลก"""
ONE_ENTRY = "สำเนาหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่\nมท ๐๘๑๐.๓/ว ๒๑๔๘ ลงวันที่ ๔ มิถุนายน ๒๕๖๗"
TWO_ENTRIES = ("๑. สำเนาหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท ๐๘๑๐.๓/ว ๒๑๔๘ ลงวันที่ ๔ มิถุนายน ๒๕๖๗\n"
               "๒. สำเนาหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท ๐๘๑๐.๕/ว ๒๑๕๐ ลงวันที่ ๔ มิถุนายน ๒๕๖๗")
# The department's letter as the copy after it; its office on the ที่ line.
DEPARTMENT = """ที่ {own} กรมส่งเสริมการปกครองท้องถิ่น
ถนนนครราชสีมา เขตดุสิต กทม. ๑๐๓๐๐
{date}
เรื่อง การจ่ายเงินเบี้ยยังชีพผู้สูงอายุ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗
เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด
ด้วยสำนักงบประมาณได้จัดสรรงบประมาณเงินอุดหนุนทั่วไป
ขอแสดงความนับถือ
(นายสมศักดิ์ ดีมาก)
อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"""
JUNE_4 = "๔ มิถุนายน ๒๕๖๗"

ILLEGIBLE = [
    ("debris-number", ONE_ENTRY, "มท odeo.aV/Ibeds", JUNE_4, "มท 0810.3/ว 2148"),
    # Another day: the copy is not the letter listed.
    ("date-differs", ONE_ENTRY, "มท odeo.aV/Ibeds", "๕ มิถุนายน ๒๕๖๗", None),
    # The prefix legible but another agency's.
    ("prefix-differs", ONE_ENTRY, "พล odeo.aV/Ibeds", JUNE_4, None),
    # Two entries of that office and date: which one the copy is cannot be told.
    ("two-entries-fit", TWO_ENTRIES, "มท odeo.aV/Ibeds", JUNE_4, None),
]


@pytest.mark.parametrize(("entries", "own", "date", "want"), [c[1:] for c in ILLEGIBLE], ids=[c[0] for c in ILLEGIBLE])
def test_illegible_copy_number_from_listing(entries: str, own: str, date: str, want: str | None) -> None:
    text = PROVINCE.format(entries=entries) + "\f" + DEPARTMENT.format(own=own, date=date)
    copy = parse_text(text).letters[1]
    assert copy.doc_no == want
    codes = {w.code for w in copy.warnings}
    if want is None:
        assert "doc_no_from_listing_illegible" not in codes
    else:
        assert "doc_no_from_listing_illegible" in codes
        assert copy.confidence["doc_no"] <= 0.5


# A district letter listing the province letter it forwards (seed 20, 015_chain2_200).
DISTRICT = """ที่ สข ๐๐๒๓.๑๖/๑๓๐ ที่ว่าการอำเภอสะเดา
ถนนรัถการ สข ๙๐๑๒๐
๒๕ เมษายน ๒๕๖๗
เรื่อง การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี พ.ศ. ๒๕๖๗
เรียน นายกเทศมนตรี และนายกองค์การบริหารส่วนตำบล ทุกแห่ง
สิ่งที่ส่งมาด้วย สำเนาหนังสือจังหวัดสงขลา ที่ สข ๐๐๒๓.๒/๔๑๔๘
ลงวันที่ ๒๒ เมษายน ๒๕๖๗ จำนวน ๑ ชุด
จังหวัดสงขลาได้แจ้งว่า ผลการจัดเก็บภาษียังต่ำกว่าประมาณการ
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
นายอำเภอสะเดา"""
PROVINCE_COPY = """ที่ {own} ศาลากลางจังหวัดสงขลา
ถนนราชดำเนินนอก สข ๙๐๐๐๐
{date}
เรื่อง แนวทางการเร่งรัดการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง
เรียน นายอำเภอ ทุกอำเภอ
ด้วยกระทรวงการคลังได้ออกประกาศ
ขอแสดงความนับถือ
(นายสมศักดิ์ ดีมาก)
ผู้ว่าราชการจังหวัดสงขลา"""
APRIL_22 = "๒๒ เมษายน ๒๕๖๗"

STOCK = [
    # ๔ and ๘ printed as ๕ (the stock model has neither), the code's dot lost.
    ("stock-digits-dot-lost", "สข ๐๐๒๓๒/๕๑๕๕", APRIL_22, "สข 0023.2/4148"),
    # ๒ where the listing has ๑: a digit the stock model writes, so another number.
    ("printable-digit-differs", "สข ๐๐๒๓๒/๕๒๕๕", APRIL_22, None),
    ("date-differs", "สข ๐๐๒๓๒/๕๑๕๕", "๒๓ เมษายน ๒๕๖๗", None),
]


@pytest.mark.parametrize(("own", "date", "want"), [c[1:] for c in STOCK], ids=[c[0] for c in STOCK])
def test_stock_printed_copy_number_from_listing(own: str, date: str, want: str | None) -> None:
    copy = parse_text(DISTRICT + "\f" + PROVINCE_COPY.format(own=own, date=date)).letters[1]
    assert copy.doc_no == want
    if want is not None:
        assert "doc_no_from_listing_stock" in {w.code for w in copy.warnings}
        assert copy.confidence["doc_no"] <= 0.6


LINES = [
    ("latin-debris", "มท odeo.aV/Ibeds กรมส่งเสริมการปกครองท้องถิ่น", "มท", True),
    ("legible-digits", "มท ๐๘๑๐.๓/ว ๒๑๔๘ กรมส่งเสริมการปกครองท้องถิ่น", "มท", False),
    ("two-digits-left", "มท od๑๐.aV/Ib ๒๑ กรมส่งเสริมการปกครองท้องถิ่น", "มท", True),
    ("another-prefix", "สข odeo.aV/Ibeds ศาลากลางจังหวัดสงขลา", "มท", False),
]


@pytest.mark.parametrize(("line", "prefix", "want"), [c[1:] for c in LINES], ids=[c[0] for c in LINES])
def test_illegible_with_prefix(line: str, prefix: str, want: bool) -> None:
    assert illegible_with_prefix(line, prefix) is want


def test_own_number_line_skips_entry_lines() -> None:
    head = "สำเนา ที่ มท ๐๘๑๐.๓/ว ๒๑๔๘ ลงวันที่ ๔ มิถุนายน\nที่ มท odeo กรมส่งเสริม"
    assert own_number_line(head) == "มท odeo กรมส่งเสริม"
