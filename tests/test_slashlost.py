"""A memo's number whose slash OCR lost (glued or split by a space): unread,
both readings kept, unless the memo submits (เสนอ) to one superior, which no
circular does. Number lines as the project's OCR printed them on seeds 9, 10, 14."""

from __future__ import annotations

import pytest

from docintake.parse import parse_text
from docintake.parse.slashlost import glued_lost


def _memo(number_line: str, label: str) -> str:
    return "\n".join([
        "บันทึกข้อความ", "ส่วนราชการ สำนักปลัด องค์การบริหารส่วนตำบลบ้านโคก", number_line,
        "เรื่อง การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี พ.ศ. ๒๕๖๘", f"{label} นายกองค์การบริหารส่วนตำบลบ้านโคก",
        "ด้วยสำนักปลัดได้ดำเนินการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง", "จึงเรียนมาเพื่อโปรดพิจารณาอนุมัติ",
        "(นางสาวมาลี ศรีสุข)", "นักวิชาการจัดเก็บรายได้",
    ])


MEMOS = [
    # seed 14: code and running number glued, วันที่ garbled; submitted (เสนอ): ordinary
    ("glued-submitted", "ที่ พช ๗๕๐๕๗๓๕๓ TUN ๑๖ ธ.ค. ๒๕๖๗", "เสนอ", "พช 75057/353"),
    # the same number addressed เรียน: a ว lost with the slash cannot be ruled out
    ("glued-addressed", "ที่ พช ๗๕๐๕๗๓๕๓ TUN ๑๖ ธ.ค. ๒๕๖๗", "เรียน", None),
    # seed 10: the slash lost, a space left; submitted: ordinary
    ("split-submitted", "อบ ๗๘๐๘๙ ๓๘๐ จันที่ ๑๑ ต.ค. ๖๗", "เสนอ", "อบ 78089/380"),
    ("split-addressed", "อบ ๗๘๐๘๙ ๓๘๐ จันที่ ๑๑ ต.ค. ๖๗", "เรียน", None),
    # a number read whole is the memo's own, whatever the label
    ("whole-circular-kept", "ที่ พช ๗๕๐๕๗/ว ๓๕๓ วันที่ ๑๖ ธ.ค. ๒๕๖๗", "เสนอ", "พช 75057/ว 353"),
]


@pytest.mark.parametrize(("line", "label", "want"), [c[1:] for c in MEMOS], ids=[c[0] for c in MEMOS])
def test_memo_number_with_its_slash_lost(line: str, label: str, want: str | None) -> None:
    letter = parse_text(_memo(line, label)).letters[0]
    assert letter.doc_no == want
    codes = {w.code for w in letter.warnings if w.field == "doc_no"}
    if want is None:
        assert "unreadable" in codes and "candidates" in " ".join(w.message for w in letter.warnings)
    elif "/ว" not in want:
        assert "doc_no_corrected" in codes
        assert letter.confidence["doc_no"] <= 0.6


GLUED = [
    ("lao-code-and-running", "ที่ ลย ๗๘๓๗๒๘๑๒.,. วันที่ ๒๗ ก.ย. ๖๗", ["ลย 78372/812", "ลย 78372/ว 812"]),
    # a state office's code starts with 0 and has a section: where it ends is not known
    ("state-code-not-split", "ที่ ชย ๐๐๒๓๑๔๑๗๐๙ ที่ว่าการอำเภอ", None),
    # an address's postcode is five digits alone
    ("postcode", "ถนนสระประดู่ พช ๖๗๑๓๐", None),
]


@pytest.mark.parametrize(("line", "want"), [c[1:] for c in GLUED], ids=[c[0] for c in GLUED])
def test_glued_lost(line: str, want: list[str] | None) -> None:
    hit = glued_lost(line)
    assert (hit.candidates if hit else None) == want
    assert hit is None or hit.canonical is None
