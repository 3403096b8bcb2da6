"""The อ้างถึง / สิ่งที่ส่งมาด้วย block kept whole through OCR damage at its
edges (lines from the tuning corpora's recorded OCR): a damaged line must
neither end the fields early (dropping every entry after it) nor merge two
entries."""

import datetime as dt

import pytest

from docintake.parse import parse_text

HEAD = """ที่ ชม ๐๐๒๓.๑/ว ๗๒๕๒ ศาลากลางจังหวัดเชียงใหม่
ถนนโชตนา ชม ๕๐๓๐๐
๕ กันยายน ๒๕๖๘
"""
TAIL = """ตามที่ จังหวัดเชียงใหม่ได้แจ้งว่า ขอให้รายงานผล
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
ผู้ว่าราชการจังหวัดเชียงใหม่"""
SUBJECT = "เรื่อง แนวทางการเร่งรัดการจัดเก็บภาษี\nเรียน นายอำเภอ ทุกอำเภอ\n"
REF1 = "หนังสือจังหวัดเชียงใหม่ ที่ ชม ๐๐๒๓.๑/ว ๕๖๓ ลงวันที่ ๑๔ มกราคม ๒๕๖๘"
REF2 = "หนังสือจังหวัดเชียงใหม่ ที่ ชม ๐๐๒๓.๑/ว ๒๒๖๖ ลงวันที่ ๗ กุมภาพันธ์ ๒๕๖๘"
ENC = "สำเนาหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท ๐๘๑๐.๗/ว ๑๙๑๗ ลงวันที่ ๒๖ ส.ค. ๒๕๖๘\nจำนวน ๑ ชุด"
WANT_REFS = [("ชม 0023.1/ว 563", dt.date(2025, 1, 14)), ("ชม 0023.1/ว 2266", dt.date(2025, 2, 7))]
WANT_ENC = [("มท 0810.7/ว 1917", dt.date(2025, 8, 26))]

CASES = [
    ("clean", SUBJECT + f"อ้างถึง ๑. {REF1}\n๒. {REF2}\nสิ่งที่ส่งมาด้วย {ENC}\n", WANT_REFS, WANT_ENC),
    # "@" inside a number is dirt, not an e-mail address: not the contact block.
    ("at-sign-in-number", SUBJECT + f"อ้างถึง ๑. {REF1}\n๒. {REF2.replace('๑/ว ๒๒๖๖', '๑/ว ๒๒๖๖ @')}\n"
     f"สิ่งที่ส่งมาด้วย {ENC}\n", WANT_REFS, WANT_ENC),
    # เรื่อง read as เรียง (one edit from เรียน): the real เรียน line follows.
    ("subject-label-read-as-addressee", SUBJECT.replace("เรื่อง", "เรียง") + f"อ้างถึง ๑. {REF1}\n๒. {REF2}\n"
     f"สิ่งที่ส่งมาด้วย {ENC}\n", WANT_REFS, WANT_ENC),
    ("debris-line-in-subject", "เรื่อง แนวทาง\nการเร่งรัด\na\nการจัดเก็บภาษี\nเรียน นายอำเภอ ทุกอำเภอ\n"
     f"อ้างถึง ๑. {REF1}\n๒. {REF2}\nสิ่งที่ส่งมาด้วย {ENC}\n", WANT_REFS, WANT_ENC),
    # A Latin speck before the enclosure label merged it into the last reference.
    ("speck-before-enclosure-label", SUBJECT + f"อ้างถึง ๑. {REF1}\n๒. {REF2}\naan ที่ส่งมาด้วย {ENC}\n",
     WANT_REFS, WANT_ENC),
    ("dot-after-label", SUBJECT + f"อ้างถึง. ๑. {REF1}\n๒: {REF2}\nสิ่งที่ส่งมาด้วย .{ENC}\n", WANT_REFS, WANT_ENC),
    # "๒." read as "6": still the next entry, not the body.
    ("entry-number-misread", SUBJECT + f"อ้างถึง ๑. {REF1}\n6 {REF2}\nสิ่งที่ส่งมาด้วย {ENC}\n",
     WANT_REFS, WANT_ENC),
    # A speck read as a lone digit between two numbered entries (seed 74).
    ("lone-digit-between-entries", SUBJECT + f"อ้างถึง ๑. {REF1}\n๘\n\n๒. {REF2}\nสิ่งที่ส่งมาด้วย {ENC}\n",
     WANT_REFS, WANT_ENC),
    # ... and glued before the entry's own number (``๑ ๒.``, seed 81).
    ("lone-digit-before-entry-number", SUBJECT + f"อ้างถึง ๑. {REF1}\n๑ ๒. {REF2}\nสิ่งที่ส่งมาด้วย {ENC}\n",
     WANT_REFS, WANT_ENC),
    # อ้างถึง read as "OWE", under an addressee that wraps.
    ("reference-label-lost", "เรื่อง แนวทางการเร่งรัดการจัดเก็บภาษี\nเรียน นายอำเภอ ทุกอำเภอ และนายกองค์การบริหารส่วนจังหวัด\n"
     f"เชียงใหม่\nOWE ๑. {REF1}\n๒. {REF2}\nสิ่งที่ส่งมาด้วย {ENC}\n", WANT_REFS, WANT_ENC),
    # A tone mark OCR added: หนังสื่อ still names a letter, so its date is
    # read though its number (/ว lost, circular or not?) is not.
    ("mark-added-to-letter-word", SUBJECT + "สิ่งที่ส่งมาด้วย " + ENC.replace("หนังสือ", "หนังสื่อ")
     .replace("๗/ว", "๗") + "\n", [], [(None, dt.date(2025, 8, 26))]),
]


@pytest.mark.parametrize(("fields", "refs", "encl"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_entries_survive(fields: str, refs: list, encl: list) -> None:
    (letter,) = parse_text(HEAD + fields + TAIL).letters
    assert [(r.doc_no, r.date) for r in letter.references] == refs
    assert [(e.doc_no, e.date) for e in letter.enclosures] == encl
    assert letter.to is not None and letter.to.startswith("นายอำเภอ ทุกอำเภอ")


@pytest.mark.parametrize("line", [
    "หนังสือฉบับนี้ขอให้แจ้งทุกแห่ง",
    "หนังสือฉบับนี้ ที่ จังหวัดแจ้งมา ขอให้ถือปฏิบัติ",
], ids=["no-number", "the-word-ที่-inside"])
def test_body_line_naming_a_letter_is_not_an_entry(line: str) -> None:
    # After a complete entry, a body paragraph that opens with หนังสือ but
    # cites no number or date stays body.
    (letter,) = parse_text(HEAD + SUBJECT + f"อ้างถึง {REF1}\n{line}\n" + TAIL).letters
    assert len(letter.references) == 1


def test_fields_found_when_the_splitter_found_no_anchor() -> None:
    # ที่ read as "N" and เรื่อง lost (seed-7 OCR): no letterhead anchor, so
    # the fields start on the line above the first เรียน.
    text = """องค์การบริหารส่วนตำบลวังหิน
N ชย ๐๐๒๓.๑๗/๙๐๐ ที่ว่าการอำเภอแก้งคร้อ
ถนนประชาสโมสร WE ๓๖๐๕๙
๑๙ กันยายน ๒๕๖๘
. การประชุมเชิงปฏิบัติการจัดทำแผนพัฒนาท้องถิ่น
เรียน นายกเทศมนตรีตำบล/นายกองค์การบริหารส่วนตำบล ทุกแห่ง
อ้างถึง ๑. หนังสืออำเภอแก้งคร้อ ด่วนมาก ที่ ชย ๐๐๒๓.๑๗/๑๓๔๙
ลงวันที่ ๑๘ มิถุนายน ๒๕๖๘
๒. หนังสืออำเภอแก้งคร้อ ด่วนที่สุด ที่ ชย ๐๐๒๓.๑๗/๑๓๔๕
ลงวันที่ ๓๐ กรกฎาคม ๒๕๖๘
สิ่งที่ส่งมาด้วย แบบตอบรับการเข้าร่วมประชุม จำนวน ๑ ชุด
ตามที่ได้แจ้งตามหนังสือที่อ้างถึง เรื่องการประชุม
ขอแสดงความนับถือ
(นางสาวรัตนา ชัยมงคล)
นายอำเภอแก้งคร้อ"""
    (letter,) = parse_text(text).letters
    assert [(r.doc_no, r.date) for r in letter.references] == [
        ("ชย 0023.17/1349", dt.date(2025, 6, 18)), ("ชย 0023.17/1345", dt.date(2025, 7, 30))]
    assert letter.to == "นายกเทศมนตรีตำบล/นายกองค์การบริหารส่วนตำบล ทุกแห่ง"
    assert letter.subject is not None and letter.subject.endswith("การประชุมเชิงปฏิบัติการจัดทำแผนพัฒนาท้องถิ่น")
