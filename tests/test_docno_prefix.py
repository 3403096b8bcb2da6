"""A garbled prefix is taken back only from what the letter says (lines from
the seed-1 OCR dumps); with no evidence, or two provinces, it stays unread."""

import pytest

from docintake.parse import parse_text
from docintake.parse.docno import read_doc_no_loose
from docintake.parse.prefix import known_prefix_for, provinces_named, recover_prefix

CASES = [
    # The department's 08xx code belongs to มท whatever the OCR made of it.
    ("department-code", "NUN ๐๘๑๐.๖/ว ๒๐๖๕", "", "", "มท 0810.6/ว 2065", "department_code"),
    # The letterhead's postcode line carries the province code.
    ("postcode", "NUN ๐๐๒๓.๑๔/๑๓๑๓ ทีว่าการอำเภอนำพอง", "ถนนนิเวศรัตน์ ขก ๔๐๐๖๐", "",
     "ขก 0023.14/1313", "letterhead"),
    # The office on the same line names the province.
    ("office-names-province", "WY ๐๐๒๓.๖/ว ๙๒๗๖ ศาลากลางจังหวัดเพชรบูรณ์", "ศาลากลางจังหวัดเพชรบูรณ์", "",
     "พช 0023.6/ว 9276", "letterhead"),
    # The letter cites its own earlier number with the same code, prefix legible.
    ("same-code-cited", "AV ๐๐๒๓.๑๖/๒๓๐", "ถนนรีนรมย์ AY ๙๐๐๘๐",
     "อ้างถึง ๑. หนังสืออำเภอสะเดา ที่ สข ๐๐๒๓.๑๖/๖๗๗ ลงวันที่ ๑ มีนาคม ๒๕๖๗", "สข 0023.16/230", "same_code"),
    # A cited number with the same code but an unknown prefix (อป) is as
    # garbled as this one: the letterhead's province decides (seed 3).
    ("same-code-unknown-prefix", "ที OU ๐๐๒๓.๔/๖๓๕๑ ศาลากลางจังหวัดอุบลราชธานี", "ถนนสรรพสิทธิ อป ๓๔๐๐๐",
     "อ้างถึง ๒. หนังสือจังหวัดอุบลราชธานี ด่วนที่สุด ที่.อป ๐๐๒๓.๔/๙๑๙ ลงวันที ๓ สิงหาคม ๒๕๖๖",
     "อบ 0023.4/6351", "letterhead"),
    # The body alone names one province (a memo of an LAO): weakest evidence.
    ("body-names-one-province", "Ain ๗๖๕๐๒/๖๗๗ . วันที่ ๕ ส.ค. ๖๗", "ส่วนราชการ กองคลัง อบต.โนนสำราญ",
     "ตามที อำเภอเมืองศรีสะเกษได้แจ้งว่า", "ศก 76502/677", "letter"),
    # Seed 114: ลย read as a letter and a digit; the digit is the prefix's, the code starts after the space.
    ("latin-letter-then-digit", "ที่ a8 ๐๐๒๓.๑๗/๑๖๒๙ ที่ว่าการอำเภอเชียงคาน", "ถนนประชาสโมสร ลย ๔๒๐๙๐",
     "อ้างถึง หนังสืออำเภอเชียงคาน ด่วนมาก ที่ ลย ๐๐๒๓.๑๗/๒๖๒๙", "ลย 0023.17/1629", "same_code"),
    # No evidence: stays unread.
    ("no-evidence", "UA ๗๒๔๑๗/๑๘๑ วันที่ ๑๑ ก.ย. ๒๕๖๗", "ส่วนราชการ กองช่าง องค์การบริหารส่วนตำบลสระพัง",
     "ด้วยปรากฏว่า สำนักงบประมาณได้อนุมัติเงินจัดสรร", None, None),
    # Two provinces named: which is the sender's would be a guess.
    ("two-provinces", "UA ๗๒๔๑๗/๑๘๑", "", "จังหวัดขอนแก่น และจังหวัดสงขลา", None, None),
]


@pytest.mark.parametrize(("line", "head", "body", "want", "basis"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_recover_prefix(line: str, head: str, body: str, want: str | None, basis: str | None) -> None:
    loose = read_doc_no_loose(line)
    assert loose is not None and loose.canonical is None
    got = recover_prefix(loose, line + "\n" + head, "\n".join([line, head, body]))
    assert got.canonical == want
    if want is not None:
        assert any(p.startswith("prefix_recovered") and p.endswith(basis) for p in got.problems)
        assert got.confidence <= 0.7


WORDS = [
    ("spread-is-not-phrae", "ได้แจ้งเผยแพร่ให้ทราบโดยทั่วกัน", set()),
    ("loei-needs-changwat", "ไม่ต้องส่งเลย", set()),
    ("changwat-loei", "จังหวัดเลย", {"ลย"}),
    ("municipality", "เทศบาลเมืองขอนแก่น", {"ขก"}),
    ("phone-is-not-postcode", "โทร. ๐ ๔๓๒๔ ๓๑๕๕", set()),
]


@pytest.mark.parametrize(("text", "want"), [c[1:] for c in WORDS], ids=[c[0] for c in WORDS])
def test_provinces_named(text: str, want: set[str]) -> None:
    assert provinces_named(text) == want


KNOWN = [
    ("one-letter-off-same-code", "ปร 0023.15/559", "ที่ บร 0023.15/135 ที่ว่าการอำเภอลำปลายมาศ", "บร 0023.15/559"),
    ("other-code", "ปร 0023.1/559", "ที่ บร 0023.15/135", None),
    ("two-letters-off", "ปน 0023.15/559", "ที่ บร 0023.15/135", None),
    ("known-prefix-untouched", "นม 0023.15/559", "ที่ บร 0023.15/135", None),
]


@pytest.mark.parametrize(("doc_no", "letter", "want"), [c[1:] for c in KNOWN], ids=[c[0] for c in KNOWN])
def test_known_prefix_for(doc_no: str, letter: str, want: str | None) -> None:
    assert known_prefix_for(doc_no, letter) == want


# The letter's own number with an unknown prefix (seed 3: ปร for บร).
HEAD_PREFIX = [
    ("one-letter-off-letterhead-province", "ที ปร ๐๐๒๓.๑๕/๑๐๑๑ ทีว่าการอำเภอลำปลายมาศ", "ถนนรีนรมย์ บร ๓๑๐๓๗",
     "บร 0023.15/1011"),
    ("letterhead-names-another-province", "ที ปร ๐๐๒๓.๑๕/๑๐๑๑", "ถนนบรรณาการ ชย ๓๖๐๐๐", None),
    ("letterhead-names-none", "ที ปร ๐๐๒๓.๑๕/๑๐๑๑", "ทีว่าการอำเภอลำปลายมาศ", None),
    ("known-prefix-untouched", "ที่ ชย ๐๐๒๓.๑๕/๑๐๑๑", "ถนนรีนรมย์ บร ๓๑๐๓๗", "ชย 0023.15/1011"),
    # Seed 17: a letter too many, in the middle (ลสป for ลป) or before it (ปบร
    # for บร), beside the province the letterhead names.
    ("extra-letter-inside", "ที่ ลสป ๐๐๒๓.๔/ว ๑๘๐๓ ศาลากลางจังหวัดลำปาง", "ถนนบุญวาทย์ ลป ๕๒๐๐๐",
     "ลป 0023.4/ว 1803"),
    ("extra-letter-before", "ที่ ปบร ๐๐๒๓.๑๕/๖๓๑ ที่ว่าการอำเภอลำปลายมาศ", "ถนนรีนรมย์ บร ๓๑๐๓๗",
     "บร 0023.15/631"),
    # The named province is not what dropping a letter gives: unread.
    ("extra-letter-other-province", "ที่ ลสป ๐๐๒๓.๔/ว ๑๘๐๓", "ถนนบรรณาการ ชย ๓๖๐๐๐", None),
    # A letter too many and one misread (ลสบ: dropping one gives สบ, ลบ, ลส, never ลป).
    ("extra-and-misread-letter", "ที่ ลสบ ๐๐๒๓.๔/ว ๑๘๐๓", "ถนนบุญวาทย์ ลป ๕๒๐๐๐", None),
    # Seed 78: no letter near ชร, but a province office's code (0023.x) under a letterhead
    # naming เชียงราย by name and by postcode.
    ("province-office-named-twice", "ที่ ซชช ๐๐๒๓.๑๒/๑๖๐ ทที่ว่าการอำเภอเมืองเชียงราย", "ถนน์เทศบาล ๑ ชร ๕๗๐๑๖",
     "ชร 0023.12/160"),
    ("named-twice-but-lao-code", "ที่ ซชช ๗๓๑๒๐/๑๖๐ ที่ทำการองค์การบริหารส่วนตำบลดอยลาน อำเภอเมืองเชียงราย",
     "ถนน์เทศบาล ๑ ชร ๕๗๐๑๖", None),
    ("named-twice-two-provinces", "ที่ ซชช ๐๐๒๓.๑๒/๑๖๐ ทที่ว่าการอำเภอเมืองเชียงราย", "ถนน์เทศบาล ๑ ลป ๕๒๐๐๐",
     None),
]


@pytest.mark.parametrize(("line", "head", "want"), [c[1:] for c in HEAD_PREFIX], ids=[c[0] for c in HEAD_PREFIX])
def test_letterhead_prefix(line: str, head: str, want: str | None) -> None:
    from docintake.parse.docno import read_doc_no
    from docintake.parse.prefix import letterhead_prefix

    got = letterhead_prefix(read_doc_no(line), line + "\n" + head)
    assert got.canonical == want
    if want is None:
        assert "prefix_unsupported" in got.problems
    elif want.split()[0] not in line:
        assert got.confidence <= 0.6 and any(p.startswith("prefix_recovered") for p in got.problems)


# A letterhead naming no province (its postcode garbled): the rest of the
# letter settles a one-letter-off prefix (seed 6: อป for อบ).
LETTER_PREFIX = [
    ("readable-number-in-letter", "ที่ อป ๐๐๒๓.๑๕/ว ๑๗๓๔ ที่ว่าการอำเภอเดชอุดม", "ถนนศรีจันทร์ OU ๓๔๐๕๐",
     "สิ่งที่ส่งมาด้วย สำเนาหนังสือจังหวัดอุบลราชธานี ด่วนที่สุด ที่ อบ ๐๐๒๓.๒/๕๕๕๒", "อบ 0023.15/ว 1734"),
    ("one-province-named-in-letter", "ที่ อป ๐๐๒๓.๑๕/ว ๑๗๓๔ ที่ว่าการอำเภอเดชอุดม", "ถนนศรีจันทร์ OU ๓๔๐๕๐",
     "ด้วยจังหวัดอุบลราชธานีแจ้งว่า", "อบ 0023.15/ว 1734"),
    ("two-provinces-named", "ที่ อป ๐๐๒๓.๑๕/ว ๑๗๓๔", "ถนนศรีจันทร์ OU ๓๔๐๕๐",
     "ด้วยจังหวัดอุบลราชธานีและจังหวัดยโสธรแจ้งว่า", None),
    ("letter-number-not-one-letter-off", "ที่ อป ๐๐๒๓.๑๕/ว ๑๗๓๔", "ถนนศรีจันทร์ OU ๓๔๐๕๐",
     "ที่ ชย ๐๐๒๓.๒/๕๕๕๒", None),
]


@pytest.mark.parametrize(("line", "head", "body", "want"), [c[1:] for c in LETTER_PREFIX],
                         ids=[c[0] for c in LETTER_PREFIX])
def test_letterhead_prefix_from_the_letter(line: str, head: str, body: str, want: str | None) -> None:
    from docintake.parse.docno import read_doc_no
    from docintake.parse.prefix import letterhead_prefix

    text = line + "\n" + head
    got = letterhead_prefix(read_doc_no(line), text, text + "\n" + body)
    assert got.canonical == want
    if want is not None:
        assert got.confidence <= 0.5 and any(p.endswith("from letter") for p in got.problems)


def test_garbled_prefix_and_bracket_for_wo_both_read_through() -> None:
    # Seed 11: ที่ มท read as NUN and ว as a bracket; the department's code
    # gives มท back, the bracket is the circular's ว.
    text = "NUN ๐๘๑๐.๒/) ๑๑๖๒ กรมส่งเสริมการปกครองท้องถิ่น\nถนนนครราชสีมา เขตดุสิต กทม. ๑๐๓๐๐\n๒๖ เมษายน ๒๕๖๗\n" \
           "เรื่อง การจัดตั้งจุดบริการประชาชน\nเรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด\nด้วยกรมแจ้งว่า\nขอแสดงความนับถือ"
    letter = parse_text(text).letters[0]
    assert letter.doc_no == "มท 0810.2/ว 1162"
    assert letter.kind == "circular"


@pytest.mark.parametrize(("number_line", "want"), [
    # Seed 12: อบ read as อย (another province's prefix) beside its own province's name.
    ("ที่ อย ๐๐๒๓.๑/๕๓๔๐ ศาลากลางจังหวัดอุบลราชธานี", "อบ 0023.1/5340"),
    ("ที่ อบ ๐๐๒๓.๑/๕๓๔๐ ศาลากลางจังหวัดอุบลราชธานี", "อบ 0023.1/5340"),
    # Two letters off the named province: nothing says which is misread; left as read.
    ("ที่ ชย ๐๐๒๓.๑/๕๓๔๐ ศาลากลางจังหวัดอุบลราชธานี", "ชย 0023.1/5340"),
], ids=["one-letter-off-the-named-province", "agrees", "two-letters-off"])
def test_own_prefix_against_the_province_the_letterhead_names(number_line: str, want: str) -> None:
    text = f"{number_line}\nถนนสรรพสิทธิ์\n๒๑ กรกฎาคม ๒๕๖๘\nเรื่อง การประชุม\nเรียน นายอำเภอ ทุกอำเภอ\n" \
           "ด้วยจังหวัดแจ้งว่า\nขอแสดงความนับถือ"
    assert parse_text(text).letters[0].doc_no == want


@pytest.mark.parametrize(("number_line", "want"), [
    # Seed 57: ชร read as Latin with a digit (8S); the letterhead names เชียงราย.
    ("ที่ 8S ๐๐๒๓.๑/ว ๘๕๒๘ ศาลากลางจังหวัดเชียงราย", "ชร 0023.1/ว 8528"),
    ("ที่ WY ๐๐๒๓.๑/ว ๘๕๒๘ ศาลากลางจังหวัดเชียงราย", "ชร 0023.1/ว 8528"),
    ("ที่ a8 ๐๐๒๓.๑/ว ๘๕๒๘ ศาลากลางจังหวัดเชียงราย", "ชร 0023.1/ว 8528"),
    # Seed 115: after the ที่ label, ชร read as digits and a comma.
    ("ที่ 07, ๐๐๒๓.๑/ว ๘๕๒๘ ศาลากลางจังหวัดเชียงราย", "ชร 0023.1/ว 8528"),
    # No code and slash after it: no number line.
    ("ที่ 8S ศาลากลางจังหวัดเชียงราย", None),
], ids=["latin-with-digit", "latin", "latin-letter-then-digit-seed114", "digits-after-the-label-seed115",
        "no-number"])
def test_latin_prefix_read_from_the_letterhead(number_line: str, want: str | None) -> None:
    text = f"{number_line}\nถนนแจ้งวัฒนะ ชร ๕๗๐๐๐\n๖ มกราคม ๒๕๖๘\nเรื่อง การประชุม\n" \
           "เรียน นายกเทศมนตรี และนายกองค์การบริหารส่วนตำบล ทุกแห่ง\nด้วยจังหวัดแจ้งว่า\nขอแสดงความนับถือ"
    letter = parse_text(text).letters[0]
    assert letter.doc_no == want
    if want:
        assert letter.confidence["doc_no"] <= 0.6


@pytest.mark.parametrize(("cited", "want"), [
    # Seed 82: the ที่ label's remains glued before มท; 0810 is a department's code, printed after มท.
    ("ปมท ๐๘๑๐.๔/ว ๓๖๖", "มท 0810.4/ว 366"),
    # A province office's code: nothing says มท.
    ("ปมท ๐๐๒๓.๔/ว ๓๖๖", None),
], ids=["department-code", "province-code"])
def test_cited_prefix_one_letter_off_mt_before_a_department_code(cited: str, want: str | None) -> None:
    text = "ที่ อบ ๐๐๒๓.๑/ว ๕๓๔๐ ศาลากลางจังหวัดอุบลราชธานี\nถนนสรรพสิทธิ์ อบ ๓๔๐๐๐\n๒๑ กรกฎาคม ๒๕๖๘\n" \
           "เรื่อง การประชุม\nเรียน นายอำเภอ ทุกอำเภอ\nอ้างถึง หนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่\n" \
           f"{cited} ลงวันที่ ๑๕ ม.ค. ๒๕๖๘\nด้วยจังหวัดแจ้งว่า\nขอแสดงความนับถือ"
    (ref,) = parse_text(text).letters[0].references
    assert (ref.doc_no if ref.doc_no and ref.doc_no.startswith("มท") else None) == want
