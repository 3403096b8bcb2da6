"""The running number of a cited letter where OCR put a speck inside it or
glued the next line's digit to it (seed 17 and 18 OCR lines)."""

import datetime as dt

import pytest

from docintake.parse import parse_text

LETTER = """ที่ นม ๐๐๒๓.๒/๗๕๑๘ ศาลากลางจังหวัดนครราชสีมา
ถนนมหาดไทย นม ๓๐๐๐๐
๕ สิงหาคม ๒๕๖๘
เรื่อง แนวทางการเร่งรัดการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง
เรียน นายอำเภอ ทุกอำเภอ
อ้างถึง {entry}
ด้วยกรมส่งเสริมการปกครองท้องถิ่นแจ้งว่า ขอให้รายงานผล
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
ผู้ว่าราชการจังหวัดนครราชสีมา"""

DOTS = [
    # Seed 18: ๑๑๘๐ with a speck read as a dot; main read นม 0023.2/11.
    ("speck-in-thai-run", "หนังสือจังหวัดนครราชสีมา ด่วนที่สุด ที่\nนม ๐๐๒๓.๒/๑๑.๘๐ ลงวันที่ ๒๖ มิถุนายน ๒๕๖๘",
     "นม 0023.2/1180", "running_dot_dropped"),
    ("speck-in-circular-run", "หนังสือจังหวัดนครราชสีมา ที่ นม ๐๐๒๓.๒/ว ๕.๖๗ ลงวันที่ ๒๖ มิถุนายน ๒๕๖๘",
     "นม 0023.2/ว 567", "running_dot_dropped"),
    # Five digits about a dot are no running number: a digit or its end is in doubt.
    ("too-long-to-join", "หนังสือจังหวัดนครราชสีมา ที่ นม ๐๐๒๓.๒/๑๑๒.๘๐ ลงวันที่ ๒๖ มิถุนายน ๒๕๖๘",
     None, "running_dotted"),
    # A dot that is the code's own is left alone.
    ("code-dot-kept", "หนังสือจังหวัดนครราชสีมา ที่ นม ๐๐๒๓.๒/๑๑๘๐ ลงวันที่ ๒๖ มิถุนายน ๒๕๖๘",
     "นม 0023.2/1180", None),
]


@pytest.mark.parametrize(("entry", "want", "problem"), [c[1:] for c in DOTS], ids=[c[0] for c in DOTS])
def test_speck_in_running_number(entry: str, want: str | None, problem: str | None) -> None:
    (letter,) = parse_text(LETTER.format(entry=entry)).letters
    (ref,) = letter.references
    assert ref.doc_no == want
    assert ref.date == dt.date(2025, 6, 26)
    said = " ".join(w.message for w in letter.warnings if w.field == "references[1].doc_no")
    assert (problem in said) if problem else not said


WRAPS = [
    # Seed 17: ลงวันที่ read as "2 สิ่งวันที่" on the next line; main read 7552.
    ("debris-digit-next-line", "หนังสืออำเภอเมืองเชียงราย ด่วนที่สุด ที่ ชร 0023.12/755\n2 สิ่งวันที่ 25 ตุลาคม 2566",
     "ชร 0023.12/755", dt.date(2023, 10, 25)),
    # ลงวันที่ lost: the next line's digits are the date's day.
    ("day-next-line", "หนังสืออำเภอเมืองเชียงราย ที่ ชร ๐๐๒๓.๑๒/๗๕๕\n๒๕ ตุลาคม ๒๕๖๖",
     "ชร 0023.12/755", dt.date(2023, 10, 25)),
    # Split by an OCR space within one line: still one number.
    ("split-within-line", "หนังสืออำเภอเมืองเชียงราย ที่ ชร ๐๐๒๓.๑๒/๗๕ ๕\nลงวันที่ ๒๕ ตุลาคม ๒๕๖๖",
     "ชร 0023.12/755", dt.date(2023, 10, 25)),
    # A lone glyph after the slash may be a circular's ว whose number wrapped:
    # not cut there (docno decides, and here it cannot say).
    ("lone-glyph-may-be-wo", "หนังสืออำเภอเมืองเชียงราย ที่ ชร ๐๐๒๓.๑๒/๑\n๗๕๕ ลงวันที่ ๒๕ ตุลาคม ๒๕๖๖",
     None, dt.date(2023, 10, 25)),
]


@pytest.mark.parametrize(("entry", "want", "date"), [c[1:] for c in WRAPS], ids=[c[0] for c in WRAPS])
def test_running_number_ends_at_its_line(entry: str, want: str | None, date: dt.date) -> None:
    (letter,) = parse_text(LETTER.format(entry=entry)).letters
    (ref,) = letter.references
    assert (ref.doc_no, ref.date) == (want, date)


def test_issuer_stops_at_a_glued_the_label() -> None:
    entry = "สำเนาหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่มท ๐๘๑๐.๖/ว ๑๗๓๓ ลงวันที่ ๒๖ มิถุนายน ๒๕๖๘"
    (letter,) = parse_text(LETTER.format(entry=entry)).letters
    assert letter.references[0].issuer == "กรมส่งเสริมการปกครองท้องถิ่น"
