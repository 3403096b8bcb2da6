"""A memo's number line where OCR glued the label to the handwritten prefix
and read one more digit onto the prefix (``ที่ลป๗ ๗๑๘๗๓/๘๒๒``, seed 21):
the digit is debris only when the code after it is whole without it."""

import pytest

from docintake.parse import parse_text
from docintake.parse.gluedigit import drop_glued_digit


def _memo(number_line: str) -> str:
    return "\n".join([
        "บนทกขอความ", "ส่วนราชการ กองสาธารณสุขและสิ่งแวดล้อม ทต.ป่าไม้งาม", "", number_line,
        "เรื่อง การรายงานผลการเบิกจ่ายเงินอุดหนุน", "เรียน นายกเทศมนตรีตำบลป่าไม้งาม",
        "จึงเรียนมาเพื่อโปรดพิจารณา", "(นายสมชาย วงศ์ใหญ่)", "หัวหน้าสำนักปลัด",
    ])


DROPPED = [
    # (id, line, the line read with the digit dropped)
    ("label-glued-thai-digits", "ที่ลป๗ ๗๑๘๗๓/๘๒๒ วันที่๕กย.๖๘ 7", "ที่ ลป ๗๑๘๗๓/๘๒๒ วันที่๕กย.๖๘ 7"),
    ("label-apart", "ที่ ชย๑ ๗๗๘๗๑/๕๔๑ วันที่ ๓ ต.ค. ๖๖", "ที่ ชย ๗๗๘๗๑/๕๔๑ วันที่ ๓ ต.ค. ๖๖"),
    ("arabic-digits", "ที่อบ1 71751/116 วันที่ 21 พ.ย. 68", "ที่ อบ 71751/116 วันที่ 21 พ.ย. 68"),
    ("no-label", "ลป๗ ๗๑๘๗๓/๘๒๒ วันที่", "ลป ๗๑๘๗๓/๘๒๒ วันที่"),
    # Seed 26: the label lost, the pen's lead-in to the code read as a letter glued to it.
    ("letter-glued-to-code", "สร.ฆ๗๓๕๒๕/๕๓๒ วนท เวน Je: ๒๕๖๘ 7", "สร ๗๓๕๒๕/๕๓๒ วนท เวน Je: ๒๕๖๘ 7"),
    ("label-letter-glued", "ที่พชณ๗๘๖๔๑/๒๐๙ วันที่๑๖ธค๖๗ 7", "ที่ พช ๗๘๖๔๑/๒๐๙ วันที่๑๖ธค๖๗ 7"),
    ("space-after-slash", "ที่สน๗ ๗๔๐๗๖/ ๑๑๗ วันที่ ๒๙ ม.ค. ๒๕๖๗", "ที่ สน ๗๔๐๗๖/ ๑๑๗ วันที่ ๒๙ ม.ค. ๒๕๖๗"),
]

KEPT = [
    ("no-stray-digit", "ที่ลป ๗๑๘๗๓/๘๒๒ วันที่"),
    ("code-four-digits-the-digit-may-be-its-own", "ที่ลป๗ ๗๑๘๗/๘๒๒ วันที่"),
    ("code-six-digits", "ที่ลป๗ ๗๑๘๗๓๔/๘๒๒ วันที่"),
    ("ministry-prefix-no-lao", "ที่ มท๐ ๘๐๒๓/๑๒๓"),
    ("two-digits-glued", "ที่ลป๗๗ ๗๑๘๗๓/๘๒๒ วันที่"),
    ("unknown-prefix", "ที่ขข๗ ๗๑๘๗๓/๘๒๒ วันที่"),
    ("letter-before-four-digits", "สร.ฆ๗๓๕๒/๕๓๒ วันที่"),
    ("letter-and-space-is-a-word", "สรฆ ๗๓๕๒๕/๕๓๒ วันที่"),
]


@pytest.mark.parametrize(("line", "want"), [c[1:] for c in DROPPED], ids=[c[0] for c in DROPPED])
def test_digit_dropped(line: str, want: str) -> None:
    fixed, why = drop_glued_digit(line)
    assert fixed == want
    assert why is not None and "dropped" in why


@pytest.mark.parametrize("line", [c[1] for c in KEPT], ids=[c[0] for c in KEPT])
def test_line_kept(line: str) -> None:
    assert drop_glued_digit(line) == (line, None)


PARSED = [
    ("seed21-lp", "ที่ลป๗ ๗๑๘๗๓/๘๒๒ วันที่๕กย.๖๘ 7", "ลป 71873/822", "2025-09-05"),
    ("label-apart", "ที่ ชย๑ ๗๗๘๗๑/๕๔๑ วันที่ ๓ ต.ค. ๖๖", "ชย 77871/541", "2023-10-03"),
    ("seed26-letter-date-garbled", "สร.ฆ๗๓๕๒๕/๕๓๒ วนท ๑๒ ม.ค. ๒๕๖๘", "สร 73525/532", "2025-01-12"),
]


@pytest.mark.parametrize(("line", "doc_no", "date"), [c[1:] for c in PARSED], ids=[c[0] for c in PARSED])
def test_memo_number_read_with_reason(line: str, doc_no: str, date: str) -> None:
    letter = parse_text(_memo(line)).letters[0]
    assert letter.doc_no == doc_no
    assert str(letter.date) == date
    assert letter.issuer == "กองสาธารณสุขและสิ่งแวดล้อม ทต.ป่าไม้งาม"  # the number line is not the unit's
    assert letter.confidence["doc_no"] <= 0.8
    assert any(w.code == "doc_no_corrected" and w.field == "doc_no" for w in letter.warnings)
