"""OCR noise the parser must read through, each case seen in real Tesseract
output of our rendered pages or in the seed bundle (table-driven)."""

import datetime as dt

import pytest

from docintake.parse import parse_text
from docintake.parse.fields import field_text
from docintake.parse.lines import despeck, docno_line
from docintake.text.fuzzy import match_label

HEAD = """ด่วนที่สุด
ที่ ชย ๐๐๒๓.๑๔/๑๗๐๙
ที่ว่าการอำเภอภูเขียว
ถนนสุรนารายณ์ ชย ๓๖๑๑๐
๑๖ มิถุนายน ๒๕๖๘
เรื่อง การจัดเก็บภาษี
เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง
อ้างถึง หนังสือจังหวัดชัยภูมิ ด่วนที่สุด ที่ ชย ๐๐๒๓.๖/๑๒๓ ลงวันที่ ๒ มิถุนายน ๒๕๖๘
สิ่งที่ส่งมาด้วย แบบรายงาน จำนวน ๑ ชุด
ด้วยจังหวัดแจ้งว่า ขอให้รายงานผล ภายในวันที่ ๓๐ มิถุนายน ๒๕๖๘
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
นายอำเภอภูเขียว"""
CLEAN = parse_text(HEAD).letters[0]


def noisy(old: str, new: str) -> str:
    assert old in HEAD
    return HEAD.replace(old, new)


# (id, the noisy text, the fields that must still read as on the clean text)
CASES = [
    ("sara-am-split", noisy("จำนวน", "จ\u0e4d\u0e32นวน"), ("enclosures",)),
    ("tone-dropped-labels", noisy("เรื่อง", "เรือง").replace("ที่ ชย ๐๐๒๓.๑๔", "ที ชย ๐๐๒๓.๑๔"),
     ("doc_no", "subject")),
    ("vowel-and-tone-dropped-the", noisy("ที่ ชย ๐๐๒๓.๑๔", "ท่ ชย ๐๐๒๓.๑๔"), ("doc_no",)),
    # Seed 5: the label glued to the prefix with its tone lost (ทีชย).
    ("label-glued-to-prefix-tone-lost", noisy("ที่ ชย ๐๐๒๓.๑๔", "ทีชย ๐๐๒๓.๑๔"), ("doc_no",)),
    ("urgency-two-marks-dropped", noisy("ด่วนที่สุด\n", "ดวนทสุด\n"), ("urgency",)),
    ("urgency-after-emblem-speck", noisy("ด่วนที่สุด\n", "ง ด่วนที่สุด\n"), ("urgency",)),
    # Seed 55: a speck read as ๑ before a stamp that lost its ที่'s marks.
    ("urgency-after-digit-speck", noisy("ด่วนที่สุด\n", "๑ ด่วนทสุด.\n"), ("urgency",)),
    ("addressee-after-digit-speck", noisy("เรียน นาย", "๑ เรียน นาย"), ("to",)),
    ("urgency-on-the-number-line", noisy("ด่วนที่สุด\nที่", "ด่วนที่สุด ที่"), ("urgency", "doc_no")),
    ("specks-at-line-ends", noisy("เรียน นาย", ". เรียน นาย").replace("ทุกแห่ง", "ทุกแห่ง '"), ("to",)),
    ("debris-token-before-label", noisy("เรียน นาย", "ye เรียน นาย"), ("to",)),
    ("digits-split-by-spaces", noisy("๐๐๒๓.๑๔/๑๗๐๙", "๐๐ ๒๓.๑๔/๑๗ ๐๙").replace("๑๖ มิถุนายน ๒๕๖๘", "๑ ๖ มิถุนายน ๒๕ ๖๘"),
     ("doc_no", "date")),
    ("prefix-with-stray-mark", noisy("ที่ ชย ๐๐๒๓.๑๔", "ที่ ชย์ ๐๐๒๓.๑๔"), ("doc_no",)),
    ("count-misread", noisy("จำนวน ๑ ชุด", "จ้านวน ๑.ชุด"), ("enclosures",)),
    ("blank-lines-inside-a-sentence", noisy("รายงานผล ภายในวันที่", "รายงานผล\n\nภายในวันที่"), ("deadlines",)),
    ("letter-word-without-vowels", noisy("อ้างถึง หนังสือ", "อ้างถึง หนงสอ"), ("references",)),
    ("enclosure-label-cut", noisy("สิ่งที่ส่งมาด้วย", "งมาด้วย"), ("enclosures",)),
    ("lost-ref-label", noisy("อ้างถึง หนังสือ", "ข้อที่ ๑. หนังสือ"), ("references",)),
    ("subject-and-addressee-one-line", noisy("การจัดเก็บภาษี\nเรียน", "การจัดเก็บภาษี เรียน"), ("subject", "to")),
    # The เรื่อง label read as Latin debris: the line above เรียน is still the subject.
    ("subject-label-garbled", noisy("เรื่อง การ", "as การ"), ("subject", "doc_no", "to", "deadlines")),
    # ที่ glued to the prefix, and a stray slash after the running number.
    ("label-glued-to-prefix", noisy("ที่ ชย ๐๐๒๓.๑๔/๑๗๐๙", "ที่ชย ๐๐๒๓.๑๔/๑๗๐๙/"), ("doc_no", "date")),
    # The code's dot read as a colon.
    ("code-dot-as-colon", noisy("๐๐๒๓.๑๔/", "๐๐๒๓:๑๔/"), ("doc_no", "date")),
    # A speck glued between ที่ and the prefix (seed 9).
    ("speck-after-the-label", noisy("ที่ ชย ๐๐๒๓.๑๔", "ที่.ชย ๐๐๒๓.๑๔"), ("doc_no", "date")),
    # A speck read as a dot inside the code's four digits (seed 9: รอ 002.3.18/1006).
    ("stray-dot-in-the-code", noisy("๐๐๒๓.๑๔/", "๐๐๒.๓.๑๔/"), ("doc_no", "date")),
    # เรียน read as Latin (seed 8): the line under the subject that names a head of office.
    ("addressee-label-latin", noisy("เรียน นาย", "Seu นาย"), ("subject", "to", "references", "deadlines")),
]


def _view(letter, field):
    value = getattr(letter, field)
    if field in ("references", "enclosures"):
        return [(e.doc_no, e.date, getattr(e, "count", None)) for e in value]
    if field == "deadlines":
        return [d.date for d in value]
    return value


@pytest.mark.parametrize("text,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_noise_does_not_change_the_reading(text, fields):
    (letter,) = parse_text(text).letters
    for field in fields:
        assert _view(letter, field) == _view(CLEAN, field), field


def test_garbled_prefix_is_null_but_circular_is_known():
    # "ที่ WY ๐๐๒๓.๙/ว ๓๒๕": Tesseract read พช as Latin. With no province
    # anywhere in the letter: no prefix, no guess; the ว still says circular.
    text = noisy("ที่ ชย ๐๐๒๓.๑๔/๑๗๐๙", "ที่ WY ๐๐๒๓.๙/ว ๓๒๕")
    text = text.replace("ถนนสุรนารายณ์ ชย ๓๖๑๑๐", "ถนนสุรนารายณ์").replace("จังหวัดชัยภูมิ", "จังหวัด")
    text = text.replace("ที่ ชย ๐๐๒๓.๖/๑๒๓", "ที่ ๐๐๒๓.๖/๑๒๓")
    (letter,) = parse_text(text).letters
    assert letter.doc_no is None and letter.kind == "circular"
    assert "doc_no" in {w.field for w in letter.warnings}


def test_garbled_prefix_is_taken_from_the_letterhead_postcode():
    # The same garbled number, but the address line's "ชย ๓๖๑๑๐" names the
    # province: the prefix comes back from there, with a warning.
    (letter,) = parse_text(noisy("ที่ ชย ๐๐๒๓.๑๔/๑๗๐๙", "ที่ WY ๐๐๒๓.๙/ว ๓๒๕")).letters
    assert letter.doc_no == "ชย 0023.9/ว 325" and letter.kind == "circular"
    assert "doc_no_corrected" in {w.code for w in letter.warnings if w.field == "doc_no"}
    assert letter.confidence["doc_no"] <= 0.6


def test_garbled_subject_label_is_warned_and_less_confident():
    (letter,) = parse_text(noisy("เรื่อง การ", "as การ")).letters
    assert "label_unreadable" in {w.code for w in letter.warnings if w.field == "subject"}
    assert letter.confidence["subject"] < 1.0


def test_clean_reading_is_as_printed():
    assert (CLEAN.doc_no, CLEAN.date, CLEAN.urgency) == ("ชย 0023.14/1709", dt.date(2025, 6, 16), "ด่วนที่สุด")
    assert [d.date for d in CLEAN.deadlines] == [dt.date(2025, 6, 30)]


@pytest.mark.parametrize("line,expected", [
    (", , ลงวันที่ ๒ พ.ย. ๒๕๖๘ '", "ลงวันที่ ๒ พ.ย. ๒๕๖๘"),
    ("อบต.", "อบต."),  # a dot that belongs to the word stays
    ("- ๒ -", "- ๒ -"),  # page numbers are not specks
    ("(นายสมชาย ใจดี)", "(นายสมชาย ใจดี)"),
], ids=["specks", "abbreviation-dot", "page-number", "name"])
def test_despeck(line, expected):
    assert despeck(line) == expected


@pytest.mark.parametrize("line,is_number_line", [
    ("ที่ ชย ๐๐๒๓.๑๔/๑๗๐๙", True),
    ("ง ที่ นม ๐๐๒๓.๑๘/๑๖๔๘", True),  # an emblem speck before ที่
    ("ด่วนที่สุด ที่ มท ๐๘๑๐.๒/ว ๓๐๖๘", True),  # the urgency stamp on the same line
    ("NUN ๐๐๒๓.๑๕/ ๒๓๒๕", True),  # ที่ lost, prefix garbled: a bare dotted code
    ("fl กส ๐๐๒๓.๑๖/๒๐๑๒ ทีว่าการอำเภอกุลินารายณ์", True),  # ที่ read as Latin specks (seed 3)
    ("ที่ว่าการอำเภอเมือง", False),
    ("ด่วนที่สุด ที่ ชย ๐๐๒๓.๖/๑๒๓ ลงวันที่ ๒ มิ.ย. ๖๘", False),  # a wrapped reference
    ("ตามหนังสือจังหวัดชัยภูมิ ที่ ชย ๐๐๒๓.๖/๑๒๓", False),  # mentioned in the body
    ("๑. ชย ๐๐๒๓.๖/๑๒๓", False),  # a list number before a cited number is no speck
    ("ขอ ชย ๐๐๒๓.๖/๑๒๓", False),  # nor is a Thai word
    # Seed 25: the slash lost, the circular's ว glued to the code still ends it.
    ("ที่ ศก ๐๐๒๓.๑ว ๕๒๗๕ ศาลากลางจังหวัดศรีสะเกษ", True),
    ("ที่ประชุมได้ ๑๐ วันที่ ๕", False),  # a ว word after a count is no code's end
    # Seed 32: ที่ read as Thai debris; the office after the number marks the letterhead.
    ("'ฑี อุด ๐๐๒๓.๓/ว ๖๐๔๐ ศาลากลางจังหวัดอุดรธานี", True),
    ("ขอ ชย ๐๐๒๓.๖/๑๒๓ ลงวันที่ ๒ มิ.ย. ๖๘", False),  # no office after it: a body line
    # Seed 39: an LAO's code and running number glued (slash lost), ที่ read as Latin; the office follows.
    ("Nl รอ ๗๔๙๗๗๗๘๐ ที่ทำการองค์การบริหารส่วนตำบลบ้านนา", True),
    ("ที่ รอ ๗๔๙๗๗๗๘๐ ที่ทำการองค์การบริหารส่วนตำบลบ้านนา", True),
    ("โทร ๐๔๓๕๑๑๒๒๓ ที่ทำการองค์การบริหารส่วนตำบลบ้านนา", False),  # a phone number has no prefix
    # Seed 45: the label glued to the prefix, a stray mark on it; a ที่ word is no label.
    ("ที่ม่ค 0023.13/1469 ที่ว่าการอำเภอโกสุมพิสัย", True),
    ("ที่มาของ ๑๒/๒๕๖๘", False),
    # Seed 62: the slash before the circular's ว read as ".ฒ".
    ("ที่ มท ๐๘๑๐.๓.ฒว ๒๒๗๕", True),
    ("ที่ มท ๐๘๑๐.๓ วันที่ ๒๒", False),  # a ว word after a spaced code is no circular
    ("-ที่ สน ๐๐๒๓.๑๕/ว ๑๗๔๑ ที่ว่าการอำเภอสว่างแดนดิน", True),  # seed 69: a hyphen speck before ที่
    # Seed 145: an LAO's number, ที่ read as Thai debris, its office after it.
    ("ทึ กส ๗๔๘๔๑/๕๙๑ สำนักงานเทศบาลเมืองกาฬสินธุ์", True),
    ("ขอ กส ๗๔๘๔๑/๕๙๑ ลงวันที่ ๙ พ.ย. ๖๖", False),  # no office after it: a body line
], ids=["plain", "speck", "urgency", "bare", "latin-speck-for-ti", "office", "wrapped-reference",
        "body-mention", "list-number", "thai-word", "slash-lost-wo-glued", "count-then-wan",
        "thai-debris-for-ti-office-after", "thai-word-no-office", "lao-glued-latin-label", "lao-glued",
        "phone-before-office", "label-glued-to-marked-prefix", "ti-word-glued",
        "slash-read-as-dotted-letter", "spaced-wan-word", "hyphen-speck-before-label",
        "lao-thai-debris-for-ti-office-after", "lao-thai-word-no-office"])
def test_docno_line(line, is_number_line):
    assert (docno_line(line) is not None) is is_number_line


@pytest.mark.parametrize("line", ["ye เรียน นายอำเภอ", "๑ เรียน นายอำเภอ", "1 เรียน นายอำเภอ"],
                         ids=["latin-pair", "thai-digit", "arabic-digit"])  # seed 54: a speck read as ๑
def test_label_after_debris_keeps_its_offset(line):
    hit = match_label(line)
    assert hit.label == "เรียน" and line[hit.end:].strip() == "นายอำเภอ"


def test_two_digits_before_a_label_are_no_debris():
    assert match_label("๑๒ เรียน นายอำเภอ") is None


@pytest.mark.parametrize(("line", "is_head"), [
    ("ANA ๗๓๗๙๗/๘๙ ใ'ที่ทำการองค์การบริหารส่วนตำบลบ้านแก่ง", True),
    # A wrapped reference line has the same start but no office after it.
    ("กส ๗๓๗๙๗/๑๐๐๔ ลงวันที ๕ พฤศจิกายน ๒๕๖๗", False),
], ids=["lao-number-ti-lost", "wrapped-reference"])
def test_bare_lao_number_line(line: str, is_head: bool) -> None:
    assert (docno_line(line) is not None) is is_head


@pytest.mark.parametrize(("parts", "want"), [
    (["(Goa การรณรงค์กำจัดแหล่งเพาะพันธุ์ยุงลาย"], "การรณรงค์กำจัดแหล่งเพาะพันธุ์ยุงลาย"),
    (["- การประกวดหมู่บ้านคัดแยกขยะต้นแบบ"], "การประกวดหมู่บ้านคัดแยกขยะต้นแบบ"),
    # A real opening bracket with its Thai text is kept.
    (["(ร่าง) ระเบียบการประชุม"], "(ร่าง) ระเบียบการประชุม"),
    (["COVID-19 มาตรการป้องกัน"], "COVID-19 มาตรการป้องกัน"),
    # At the end: a dash after the last word, a digit glued to a bare consonant.
    (["การขับเคลื่อนนโยบาย ๑ อปท. ๑ อัตลักษณ์ท้องถิ่น -"], "การขับเคลื่อนนโยบาย ๑ อปท. ๑ อัตลักษณ์ท้องถิ่น"),
    (["การคัดแยกขยะมูลฝอยต้นทางในครัวเรือน 7ฝ"], "การคัดแยกขยะมูลฝอยต้นทางในครัวเรือน"),
    # A number that ends the subject is kept.
    (["ขอเชิญประชุมคณะกรรมการ ครั้งที่ 4/2568"], "ขอเชิญประชุมคณะกรรมการ ครั้งที่ 4/2568"),
    (["แผนพัฒนาท้องถิ่น ฉบับที่ 2"], "แผนพัฒนาท้องถิ่น ฉบับที่ 2"),
    # A dot glued to a long Thai run is dirt; an abbreviation keeps its dot.
    (["การให้ความช่วยเหลือผู้ประสบภัยแล้ง."], "การให้ความช่วยเหลือผู้ประสบภัยแล้ง"),
    (["นายกเทศมนตรี และนายก อบต."], "นายกเทศมนตรี และนายก อบต."),
    (["การขับเคลื่อนนโยบาย ๑ อปท."], "การขับเคลื่อนนโยบาย ๑ อปท."),
    # A speck glued to the first Thai letter of a line (seeds 12, 19, 20), after a dash too.
    (["- .การตรวจสอบคุณสมบัติผู้มีสิทธิ"], "การตรวจสอบคุณสมบัติผู้มีสิทธิ"),
    (["การบันทึกข้อมูลผู้สูงอายุในระบบสารสนเทศการจัดการ", ".ฐานข้อมูลเบี้ยยังชีพ"],
     "การบันทึกข้อมูลผู้สูงอายุในระบบสารสนเทศการจัดการฐานข้อมูลเบี้ยยังชีพ"),
    (["'ขอเชิญเข้าร่วมการฝึกอบรมเชิงปฏิบัติการ"], "ขอเชิญเข้าร่วมการฝึกอบรมเชิงปฏิบัติการ"),
    # A dot inside the text is not at the edge.
    (["การ.ตรวจสอบ"], "การ.ตรวจสอบ"),
], ids=["bracket-latin-debris", "dash-debris", "thai-bracket-kept", "latin-word-kept", "trailing-dash",
        "trailing-digit-consonant", "trailing-ordinal-kept", "trailing-digit-kept", "trailing-glued-dot",
        "abbreviation-dot-kept", "abbreviation-dot-kept-2", "leading-glued-speck", "wrapped-line-glued-speck",
        "leading-glued-quote", "inner-dot-kept"])
def test_field_text_edge_debris(parts: list[str], want: str) -> None:
    assert field_text(parts) == want


@pytest.mark.parametrize(("label", "want"), [
    ("as", "การจัดเก็บภาษี"),
    ("๒ aa", "การจัดเก็บภาษี"),  # a lone digit before the speck (seed 3 memo)
    ("๒", "๒ การจัดเก็บภาษี"),  # a digit alone is no label debris: kept as printed
    ("1308", "การจัดเก็บภาษี"),  # a memo's bold เรื่อง read as Arabic digits (seeds 24, 27)
    ("LION", "การจัดเก็บภาษี"),  # four Latin letters (seed 38)
    ("LIONS", "LIONS การจัดเก็บภาษี"),  # a longer Latin word is the subject's own
], ids=["latin-speck", "digit-then-speck", "digit-alone", "label-read-as-digits", "four-latin-letters",
        "five-latin-letters-kept"])
def test_garbled_subject_label_debris_dropped(label: str, want: str) -> None:
    (letter,) = parse_text(noisy("เรื่อง การ", f"{label} การ")).letters
    assert letter.subject == want


@pytest.mark.parametrize(("subject_lines", "want"), [
    # เรื่อง read as "Goa" on a wrapped subject: both lines are the subject (seed 3).
    ("Goa การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้างของ\n. องค์กรปกครองส่วนท้องถิ่น",
     "การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้างขององค์กรปกครองส่วนท้องถิ่น"),
    # One unlabelled line: the line above it is the date, not a subject start.
    ("as การจัดเก็บภาษี", "การจัดเก็บภาษี"),
    # เรื่อง read as a quote and a Latin speck (seed 11).
    ("‘Baa การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้างของ\nองค์กรปกครองส่วนท้องถิ่น",
     "การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้างขององค์กรปกครองส่วนท้องถิ่น"),
    # เรื่อง lost with no trace; the subject's year wrapped alone above เรียน (seed 26).
    ("การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง พ.ศ.\n๒๕๖๘", "การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง พ.ศ. ๒๕๖๘"),
], ids=["wrapped-speck-label", "one-line", "quote-speck-label", "year-wrapped-alone"])
def test_unlabelled_wrapped_subject(subject_lines: str, want: str) -> None:
    (letter,) = parse_text(noisy("เรื่อง การจัดเก็บภาษี", subject_lines)).letters
    assert letter.subject == want
    assert letter.date == dt.date(2025, 6, 16)
    assert "label_unreadable" in {w.code for w in letter.warnings if w.field == "subject"}


def _lao_letter(head: list[str]) -> str:
    return "\n".join(head + [
        "๘ กรกฎาคม ๒๕๖๗", "เรื่อง การตรวจสอบคุณสมบัติผู้มีสิทธิรับเงินเบี้ยยังชีพ", "เรียน นายอำเภอพรหมพิราม",
        "ด้วยเทศบาลได้ตรวจสอบคุณสมบัติแล้ว", "ขอแสดงความนับถือ", "(นายสมชาย ใจดี)", "นายกเทศมนตรีตำบลพรหมพิราม"])


OFFICE = "สำนักงานเทศบาลตำบลพรหมพิราม"
ADDRESS = "อำเภอพรหมพิราม จังหวัดพิษณุโลก ๖๕๐๒๘"
# A letterhead whose ที่ OCR lost or stranded on a line of its own (seed 11):
# the one line above เรื่อง that opens with a known prefix and a whole number
# is the letter's own number, read with a warning.
UNLABELLED = [
    ("label-alone-above-debris-before-prefix",
     ["ที่", "ด่วนที่สุด", f"Nl พล ๗๖๗๓๕/๘๐๑ {OFFICE}", ADDRESS], "พล 76735/801", OFFICE),
    ("label-garbled-number-below-office",
     ["=ร2.", "ด่วนที่สุด", OFFICE, "พล ๗๖๗๓๕/๘๐๑", ADDRESS], "พล 76735/801", OFFICE),
    # Debris with Thai letters before it may be a word of a sentence: not taken.
    ("thai-word-before-number", ["ด่วนที่สุด", f"ตาม พล ๗๖๗๓๕/๘๐๑ {OFFICE}", ADDRESS], None, None),
    # An unknown prefix is as likely a misread as a number: not taken.
    ("unknown-prefix", ["ด่วนที่สุด", f"Nl ฬฬ ๗๖๗๓๕/๘๐๑ {OFFICE}", ADDRESS], None, None),
    # Two such lines: which is the letter's own cannot be told.
    ("two-numbers", ["ที่", "Nl พล ๗๖๗๓๕/๘๐๑", OFFICE, "พล ๗๖๗๓๕/๘๐๒", ADDRESS], None, None),
    # Seed 39: the slash lost too, code and running number glued; the LAO's letter
    # goes to one official (the district chief), so it is no circular.
    ("slash-lost-glued-to-one-official", ["ด่วนที่สุด", f"Nl พล ๗๖๗๓๕๘๐๑ {OFFICE}", ADDRESS], "พล 76735/801", OFFICE),
]


@pytest.mark.parametrize(("head", "doc_no", "issuer"), [c[1:] for c in UNLABELLED], ids=[c[0] for c in UNLABELLED])
def test_letterhead_number_without_label(head: list[str], doc_no: str | None, issuer: str | None) -> None:
    letter = parse_text(_lao_letter(head)).letters[0]
    assert letter.doc_no == doc_no
    codes = {w.code for w in letter.warnings if w.field == "doc_no"}
    assert ("doc_no_corrected" in codes) if doc_no else ("unreadable" in codes)
    if issuer:
        assert letter.issuer == issuer


@pytest.mark.parametrize(("subject_lines", "to_line", "want_subject"), [
    # The subject wraps its year onto a line of its own and เรียน is read as
    # a Latin speck (seed 10): the year is the subject's, the next line the addressee.
    ("เรื่อง การเร่งรัดการเบิกจ่ายงบประมาณ ประจำปีงบประมาณ พ.ศ.\n๒๕๖๘", "Bau นายกองค์การบริหารส่วนตำบล ทุกแห่ง",
     "การเร่งรัดการเบิกจ่ายงบประมาณ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"),
    ("เรื่อง การเร่งรัดการเบิกจ่ายงบประมาณ ประจำปีงบประมาณ พ.ศ.\n๒๕๖๘", "เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง",
     "การเร่งรัดการเบิกจ่ายงบประมาณ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"),
], ids=["latin-addressee-below", "addressee-below"])
def test_subject_wrap_before_latin_addressee(subject_lines: str, to_line: str, want_subject: str) -> None:
    text = noisy("เรื่อง การจัดเก็บภาษี\nเรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง", f"{subject_lines}\n{to_line}")
    (letter,) = parse_text(text).letters
    assert letter.subject == want_subject
    assert letter.to == "นายกองค์การบริหารส่วนตำบล ทุกแห่ง"


# The addressee wrapped onto a second line, and the body opening with no word
# the parser knows (seed 18: ``จังหวัดอุดรธานีได้รับแจ้ง...``): the second line ends
# as addressees end, with one letter of OCR noise in ทุกแห่ง.
WRAPPED_TO = """ที่ ชย ๐๐๒๓.๑/ว ๓๖๑๔
ศาลากลางจังหวัดชัยภูมิ
๔ กรกฎาคม ๒๕๖๘
เรื่อง การรณรงค์กำจัดแหล่งเพาะพันธุ์ยุงลาย
เรียน นายกองค์การบริหารส่วนจังหวัดชัยภูมิ นายกเทศมนตรี
{second}
จังหวัดชัยภูมิได้รับแจ้งจากกรมส่งเสริมการปกครองท้องถิ่นว่า พบผู้ป่วย
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
ผู้ว่าราชการจังหวัดชัยภูมิ"""


@pytest.mark.parametrize("second,to", [
    ("นายกองค์การบริหารส่วนตำบล ทุกแห่ง",
     "นายกองค์การบริหารส่วนจังหวัดชัยภูมิ นายกเทศมนตรีนายกองค์การบริหารส่วนตำบล ทุกแห่ง"),
    ("นายกองคศ์การบริหาร์ส่วนตำบล ทุกิแห่ง",
     "นายกองค์การบริหารส่วนจังหวัดชัยภูมิ นายกเทศมนตรีนายกองคศ์การบริหาร์ส่วนตำบล ทุกิแห่ง"),
    ("และนายกองค์การบริหารส่วนตำบล ทุกแหง",
     "นายกองค์การบริหารส่วนจังหวัดชัยภูมิ นายกเทศมนตรีและนายกองค์การบริหารส่วนตำบล ทุกแหง"),
    # A body line ending one letter from an addressee's ending, but not opening as one does.
    ("ให้ดำเนินการทุกด้าน", "นายกองค์การบริหารส่วนจังหวัดชัยภูมิ นายกเทศมนตรี"),
], ids=["exact-ending", "ending-one-letter-off", "and-then-title", "body-line-not-taken"])
def test_wrapped_addressee_with_noisy_ending(second, to):
    (letter,) = parse_text(WRAPPED_TO.format(second=second)).letters
    assert letter.to == to


@pytest.mark.parametrize("between", ["ซ่ ๐ ๘๙ 1 4 A ศี", "ซ่ ๐ ๘๙ 1 4 A ศี\nอ้างถึง หนังสืออำเภอหล่มสัก ที่ พช ๐๐๒๓.๑๕/๑๒๓ "
                                     "ลงวันที่ ๑ ก.ค. ๒๕๖๘"], ids=["before-the-body", "before-a-reference"])
def test_stamp_debris_under_the_addressee_is_no_part_of_it(between):
    # Seed 71: a stamp's remains read as a line of specks between เรียน and the body
    # (ตามที่...) are passed over, not taken as the addressee's second line.
    text = WRAPPED_TO.format(second="").replace("\n\n", f"\n{between}\n").replace(
        "จังหวัดชัยภูมิได้รับแจ้ง", "ตามที่ จังหวัดชัยภูมิได้รับแจ้ง")
    (letter,) = parse_text(text).letters
    assert letter.to == "นายกองค์การบริหารส่วนจังหวัดชัยภูมิ นายกเทศมนตรี"
    assert len(letter.references) == between.count("อ้างถึง")


# A province writing to every LAO wraps its addressee over three lines (seed 23):
# the middle line opens as an addressee does and the third ends as one does.
THREE_LINE_TO = """ที่ นม ๐๐๒๓.๒/ว ๖๓๕๖
ศาลากลางจังหวัดนครราชสีมา
๘ ธันวาคม ๒๕๖๖
เรื่อง การเตรียมความพร้อมรับมือสถานการณ์ภัยแล้ง
เรียน นายกองค์การบริหารส่วนจังหวัดนครราชสีมา
นายกเทศมนตรี และนายกองค์การบริหารส่วนตำบล
{rest}
จังหวัดนครราชสีมาได้รับแจ้งว่า ปริมาณฝนจะต่ำกว่าค่าปกติ
ขอแสดงความนับถือ
(นายบุญเลิศ อินทร์แก้ว)
ผู้ว่าราชการจังหวัดนครราชสีมา"""
REF = "อ้างถึง หนังสือจังหวัดนครราชสีมา ด่วน ที่ นม ๐๐๒๓.๒/ว ๑๒๗๔\nลงวันที่ ๑๑ ตุลาคม ๒๕๖๖"


@pytest.mark.parametrize("rest,to,refs", [
    ("ทุกแห่ง\n" + REF,
     "นายกองค์การบริหารส่วนจังหวัดนครราชสีมานายกเทศมนตรี และนายกองค์การบริหารส่วนตำบลทุกแห่ง",
     ["นม 0023.2/ว 1274"]),
    ("ทุกแห่ง", "นายกองค์การบริหารส่วนจังหวัดนครราชสีมานายกเทศมนตรี และนายกองค์การบริหารส่วนตำบลทุกแห่ง", []),
    # The line after the middle one does not end an addressee: the body starts
    # there, so the middle line is not taken either.
    ("ที่ประชุมได้มีมติให้ดำเนินการ", "นายกองค์การบริหารส่วนจังหวัดนครราชสีมา", []),
], ids=["three-lines-then-reference", "three-lines-then-body", "middle-line-not-taken-before-body"])
def test_addressee_over_three_lines(rest, to, refs):
    (letter,) = parse_text(THREE_LINE_TO.format(rest=rest)).letters
    assert letter.to == to
    assert [r.doc_no for r in letter.references] == refs


def test_letterhead_with_slash_lost_before_glued_wo():
    """Seed 25: the whole letterhead was lost (number and issuer) because the
    ที่ line was not taken for a number line."""
    text = ("ที่ ศก ๐๐๒๓.๑ว ๕๒๗๕ ศาลากลางจังหวัดศรีสะเกษ\nถนนเทพา ศก ๓๓๐๐๐\n๒ กุมภาพันธ์ ๒๕๖๗\n"
            "เรื่อง การส่งเสริมการท่องเที่ยว\nเรียน นายกองค์การบริหารส่วนจังหวัดศรีสะเกษ\n"
            "จังหวัดศรีสะเกษได้รับแจ้ง\nขอแสดงความนับถือ")
    (letter,) = parse_text(text).letters
    assert (letter.doc_no, letter.issuer) == ("ศก 0023.1/ว 5275", "ศาลากลางจังหวัดศรีสะเกษ")
    assert any("slash_lost" in w.message for w in letter.warnings)


DAY_ABOVE = [
    # (id, the letterhead's date as OCR'd, the date read, warned)
    # Seed 34: OCR set the day alone on its own line above month and year.
    ("day-alone-above", "๑๖\nมิถุนายน ๒๕๖๘", dt.date(2025, 6, 16), True),
    ("arabic-day-alone-above", "16\nมิถุนายน 2568", dt.date(2025, 6, 16), True),
    # The address line's postcode above is no lone day: the date stays unread.
    ("no-day-above", "มิถุนายน ๒๕๖๘", None, False),
    ("day-out-of-range", "๔๕\nมิถุนายน ๒๕๖๘", None, False),
]

SPLIT_DAY = [
    # (id, the letterhead's date as OCR'd, the date read, warned)
    # Seed 36: a speck between the day's digits read as a hyphen; a letter is
    # dated one day, so this is no range ending on the 3rd.
    ("hyphen-in-day", "1-3 มีนาคม 2-568", dt.date(2025, 3, 13), True),
    ("thai-hyphen-in-day", "๒ - ๑ มีนาคม ๒๕๖๘", dt.date(2025, 3, 21), True),
    # Joined it is no day of the month: read as before (the second digit).
    ("joined-day-invalid", "๔-๕ มีนาคม ๒๕๖๘", dt.date(2025, 3, 5), False),
    ("plain-day", "๑๓ มีนาคม ๒๕๖๘", dt.date(2025, 3, 13), False),
    # Seed 50: the speck read as a dot (no date was read at all), or a comma.
    ("dot-in-day", "๑.๐ กรกฎาคม ๒๕๖๗", dt.date(2024, 7, 10), True),
    ("comma-in-day", "๒,๙ กรกฎาคม ๒๕๖๗", dt.date(2024, 7, 29), True),
    ("dot-in-day-invalid", "๔.๕ กรกฎาคม ๒๕๖๗", None, False),
    # Seed 126: a speck read as 0 glued to the month after a one-digit day; no day is 90.
    ("zero-speck-glued-to-month", "9 0กันยายน 2567", dt.date(2024, 9, 9), "day_speck_dropped"),
    ("thai-zero-speck", "๔ ๐กันยายน ๒๕๖๗", dt.date(2024, 9, 4), "day_speck_dropped"),
    # ... but 10, 20 and 30 are days: as read
    ("zero-making-a-day", "๓ ๐กันยายน ๒๕๖๗", dt.date(2024, 9, 30), False),
]


@pytest.mark.parametrize(("date_line", "want", "warned"), [c[1:] for c in SPLIT_DAY], ids=[c[0] for c in SPLIT_DAY])
def test_letter_date_is_no_range(date_line: str, want: dt.date, warned) -> None:
    (letter,) = parse_text(noisy("๑๖ มิถุนายน ๒๕๖๘", date_line)).letters
    assert letter.date == want
    codes = {w.code for w in letter.warnings}
    assert (warned in codes if isinstance(warned, str) else ("day_joined" in codes) is warned)


@pytest.mark.parametrize(("date_lines", "want", "warned"), [c[1:] for c in DAY_ABOVE], ids=[c[0] for c in DAY_ABOVE])
def test_day_alone_on_the_line_above_the_month(date_lines: str, want: dt.date | None, warned: bool) -> None:
    (letter,) = parse_text(noisy("๑๖ มิถุนายน ๒๕๖๘", date_lines)).letters
    assert letter.date == want
    assert ("day_from_line_above" in {w.code for w in letter.warnings}) is warned
    if warned:
        assert letter.confidence["date"] <= 0.7


BLOCKS_OUT_OF_ORDER = """ที่
ด่วนที่สุด
ที่ทำการองค์การบริหารส่วนตำบลดอนมนต์
อำเภอสันทราย จังหวัดเชียงใหม่ ๕๐๓๖๓
{above}
ที่ ชม ๗๔๙๕๔/๑๐๑ ที่
เรื่อง การประชุม
เรียน นายอำเภอสันทราย
ด้วยองค์การบริหารส่วนตำบลจะจัดประชุม
ขอแสดงความนับถือ
(นายธนากร ฐานเจริญ)
นายกองค์การบริหารส่วนตำบลดอนมนต์"""


@pytest.mark.parametrize(("above", "want"), [
    # Seed 63: OCR read the office block and the date before the number line.
    ("๔ จันว่าคม ๒๕๖๖", dt.date(2023, 12, 4)),
    # A receipt stamp's date is labelled: no letter date, left unread.
    ("วันที่ ๑๒ เม.ย. ๖๗", None),
    ("๔ ธันวาคม ๒๕๖๖ ประชุม", None),  # more than a date on the line
], ids=["bare-date-above-number", "stamp-date-above-number", "date-with-words"])
def test_date_line_above_the_number_line(above: str, want: dt.date | None) -> None:
    (letter,) = parse_text(BLOCKS_OUT_OF_ORDER.format(above=above)).letters
    assert letter.doc_no == "ชม 74954/101"
    assert letter.date == want
    assert ("date_above_number" in {w.code for w in letter.warnings}) is (want is not None)


@pytest.mark.parametrize(("lines", "to"), [
    # Seed 94: OCR broke the subject over four lines, a word cut at each break; เรียน follows.
    (["การบันทึก vaya", "งอายุในระบบสารสนเทศการจัดการ", "ฐานข้อมูลเบียยัง 7", "ชีพ",
      "เรียน นายกเทศมนตรี และนายกองค์การบริหารส่วนตำบล ทุกแห่ง"],
     "นายกเทศมนตรี และนายกองค์การบริหารส่วนตำบล ทุกแห่ง"),
    # Five lines before เรียน: no subject runs that long; the addressee is not found there.
    (["การบันทึก vaya", "งอายุในระบบ", "สารสนเทศการจัดการ", "ฐานข้อมูลเบียยัง 7", "ชีพ",
      "เรียน นายกเทศมนตรี และนายกองค์การบริหารส่วนตำบล ทุกแห่ง"], None),
], ids=["four-lines", "five-lines"])
def test_subject_broken_over_four_lines_keeps_the_addressee(lines, to):
    text = "ที่ บร ๐๐๒๓.๑๗/ว ๑๘๔๖ ที่ว่าการอำเภอสตึก\nถนนรีนรมย์ บร ๓๑๑๕๐\n๒ มกราคม ๒๕๖๗\nเรื่อง " + \
           "\n".join(lines) + "\nด้วยจังหวัดบุรีรัมย์ได้มีหนังสือแจ้ง\nขอแสดงความนับถือ\n(นายสมชาย ใจดี)\nนายอำเภอสตึก"
    (letter,) = parse_text(text).letters
    assert letter.to == to


@pytest.mark.parametrize(("line", "to", "refs"), [
    # Seed 97: a damaged left edge kept only ยน of เรียน (and างถึง of อ้างถึง); the subject wraps above it.
    ("ยน ผู้ว่าราชการจังหวัด ทุกจังหวัด", "ผู้ว่าราชการจังหวัด ทุกจังหวัด", ["มท 0810.6/ว 1374"]),
    ("รียน ผู้ว่าราชการจังหวัด ทุกจังหวัด", "ผู้ว่าราชการจังหวัด ทุกจังหวัด", ["มท 0810.6/ว 1374"]),
    ("Bau ผู้ว่าราชการจังหวัด ทุกจังหวัด", "ผู้ว่าราชการจังหวัด ทุกจังหวัด", ["มท 0810.6/ว 1374"]),
    # the tail of เรียน before no office head's title: no addressee is made of it
    ("ยน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗", None, None),
], ids=["two-letters-left", "four-letters-left", "latin-speck", "not-an-addressee"])
def test_addressee_whose_label_lost_its_first_letters(line, to, refs):
    text = ("ที่ มท ๐๘๑๐.๗/ว ๓๑๗๙ กรมส่งเสริมการปกครองท้องถิ่น\nถนนนครราชสีมา กทม. ๑๐๓๐๐\n๔ ธันวาคม ๒๕๖๖\n"
            "เรื่อง การรายงานผลการดำเนินงาน ๑ อปท. ๑ อัตลักษณ์\nท้องถิ่น ประจำปีงบประมาณ พ.ศ. ๒๕๖๗\n\n"
            f"{line}\nางถึง หนังสือกระทรวงมหาดไทย ด่วนที่สุด ที่\nมท ๐๘๑๐.๖/ว ๑๓๗๔ ลงวันที่ ๒๔ กรกฎาคม ๒๕๖๖\n"
            "ตามที่ได้แจ้งตามหนังสือที่อ้างถึง เรื่องการรายงาน\nขอแสดงความนับถือ\n(นายสมชาย ใจดี)\nอธิบดี")
    (letter,) = parse_text(text).letters
    assert letter.to == to
    if refs is not None:
        assert [r.doc_no for r in letter.references] == refs
        assert letter.subject.endswith("ประจำปีงบประมาณ พ.ศ. ๒๕๖๗")


@pytest.mark.parametrize(("line", "enclosures"), [
    # Seed 110: a damaged left edge kept only าด้วย of สิ่งที่ส่งมาด้วย, under the references.
    ("าด้วย สำเนาหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่", ["มท 0810.6/ว 1693"]),
    ("สิ่งที่ส่งมาด้วย สำเนาหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่", ["มท 0810.6/ว 1693"]),
    # the tail before what no enclosure opens with: no label is made of it
    ("าด้วย ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", []),
], ids=["label-cut-to-its-last-letters", "label-whole", "not-an-enclosure"])
def test_enclosure_label_cut_to_its_last_letters(line, enclosures):
    text = ("ที่ ชม ๐๐๒๓.๔/ว ๓๕๕๐ ศาลากลางจังหวัดเชียงใหม่\nถนนโชตนา ชม ๕๐๓๐๐\n๓๐ กรกฎาคม ๒๕๖๘\n"
            "เรื่อง การตรวจสอบคุณสมบัติผู้มีสิทธิรับเงินเบี้ยยังชีพผู้สูงอายุ\n"
            "เรียน นายอำเภอ ทุกอำเภอ และนายกเทศมนตรีนครเชียงใหม่\n"
            "อ้างถึง ๑. หนังสือจังหวัดเชียงใหม่ ด่วนที่สุด ที่ ชม ๐๐๒๓.๔/ว ๒๕๘๕\nลงวันที่ ๑๒ ก.พ. ๒๕๖๘\n"
            "๒. หนังสือจังหวัดเชียงใหม่ ด่วนที่สุด ที่ ชม ๐๐๒๓.๔/ว ๑๒๙๘\n\nลงวันที่ ๓๐ มิถุนายน ๒๕๖๘\n"
            f"{line}\n\nมท ๐๘๑๐.๖/ว ๑๖๙๓ ลงวันที่ ๒๑ กรกฎาคม ๒๕๖๘\n"
            "ด้วยกรมส่งเสริมการปกครองท้องถิ่นแจ้งว่า\nขอแสดงความนับถือ\n(นายสมชาย ใจดี)\nผู้ว่าราชการจังหวัดเชียงใหม่")
    (letter,) = parse_text(text).letters
    assert [e.doc_no for e in letter.enclosures] == enclosures
    assert [r.doc_no for r in letter.references] == ["ชม 0023.4/ว 2585", "ชม 0023.4/ว 1298"]


@pytest.mark.parametrize(("under_subject", "subject", "to"), [
    # Seed 113: เรียน lost whole; the addressee's two lines end as a distribution does.
    ("นายกองค์การบริหารส่วนจังหวัดอุดรธานี นายกเทศมนตรี และ\nนายกองค์การบริหารส่วนตำบล ทุกแห่ง",
     "การเตรียมความพร้อมรับสถานการณ์ไฟป่าและหมอกควัน",
     "นายกองค์การบริหารส่วนจังหวัดอุดรธานี นายกเทศมนตรี และนายกองค์การบริหารส่วนตำบล ทุกแห่ง"),
    # ... one line, the body right under it
    ("นายกองค์การบริหารส่วนตำบลหนองบัว", "การเตรียมความพร้อมรับสถานการณ์ไฟป่าและหมอกควัน",
     "นายกองค์การบริหารส่วนตำบลหนองบัว"),
    # a subject wrapped onto a line opening with นายก is still the subject's
    ("นายกรัฐมนตรี ประจำปี ๒๕๖๖\nเรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง",
     "การเตรียมความพร้อมรับสถานการณ์ไฟป่าและหมอกควันตามนโยบายนายกรัฐมนตรี ประจำปี ๒๕๖๖",
     "นายกองค์การบริหารส่วนตำบล ทุกแห่ง"),
], ids=["lost-whole-distribution", "lost-whole-body-under-it", "subject-wrapped-onto-nayok"])
def test_addressee_whose_label_was_lost_whole(under_subject, subject, to):
    head = "การเตรียมความพร้อมรับสถานการณ์ไฟป่าและหมอกควัน" + ("ตามนโยบาย" if "เรียน" in under_subject else "")
    text = ("ที่ อด ๐๐๒๓.๑/ว ๘๓๑๐ ศาลากลางจังหวัดอุดรธานี\nถนนโพศรี อด ๔๑๐๐๐\n๒๐ พฤศจิกายน ๒๕๖๖\n"
            f"เรื่อง {head}\n{under_subject}\n"
            "ด้วยกรมส่งเสริมการปกครองท้องถิ่นแจ้งว่า\nขอแสดงความนับถือ\n(นายสมชาย ใจดี)\nผู้ว่าราชการจังหวัดอุดรธานี")
    (letter,) = parse_text(text).letters
    assert (letter.subject, letter.to) == (subject, to)


@pytest.mark.parametrize(("between", "to", "enclosures"), [
    # Seed 124: a crowded line's marks read apart (``a ๘``) and สิ่งที่ส่งมาด้วย broken inside
    # (``ส่งท`` over ``งมาด้วย``): the addressee stays as printed and the enclosure is read.
    ("a ๘\nส่งท\n\nงมาด้วย", "นายอำเภอ ทุกอำเภอ และนายกเทศมนตรีเมืองกาฬสินธุ์", ["มท 0810.7/ว 3015"]),
    ("ส่งท\n\nงมาด้วย", "นายอำเภอ ทุกอำเภอ และนายกเทศมนตรีเมืองกาฬสินธุ์", ["มท 0810.7/ว 3015"]),
    ("สิ่งที่ส่งมาด้วย", "นายอำเภอ ทุกอำเภอ และนายกเทศมนตรีเมืองกาฬสินธุ์", ["มท 0810.7/ว 3015"]),
    # a word, not the label's head, over it is still the addressee's second line
    ("และนายกองค์การบริหารส่วนจังหวัดกาฬสินธุ์\nงมาด้วย",
     "นายอำเภอ ทุกอำเภอ และนายกเทศมนตรีเมืองกาฬสินธุ์และนายกองค์การบริหารส่วนจังหวัดกาฬสินธุ์", ["มท 0810.7/ว 3015"]),
], ids=["specks-and-label-broken-inside", "label-broken-inside", "label-whole", "addressee-wrapped"])
def test_enclosure_label_broken_inside_under_the_addressee(between, to, enclosures):
    text = ("ที่ กส ๐๐๒๓.๑/ว ๑๒๑๑ ศาลากลางจังหวัดกาฬสินธุ์\nถนนถีนานนท์ กส ๔๖๐๐๐\n๒๕ สิงหาคม ๒๕๖๘\n"
            "เรื่อง การบันทึกข้อมูลผู้สูงอายุในระบบสารสนเทศ\n"
            f"เรียน นายอำเภอ ทุกอำเภอ และนายกเทศมนตรีเมืองกาฬสินธุ์\n{between} สำเนาหนังสือกรมส่งเสริมการปกครองท้องถิ่น\n"
            "ด่วนมาก มท ๐๘๑๐.๗/ว ๓๐๑๕ ลงวันที่ ๑๕\nสิงหาคม ๒๕๖๘ จำนวน ๑ ชุด\n"
            "จังหวัดกาฬสินธุ์ได้รับแจ้งจากกรมส่งเสริมการปกครองท้องถิ่นว่า\nขอแสดงความนับถือ\n(นายสมชาย ใจดี)\n"
            "ผู้ว่าราชการจังหวัดกาฬสินธุ์")
    (letter,) = parse_text(text).letters
    assert (letter.to, [e.doc_no for e in letter.enclosures]) == (to, enclosures)
