"""A number whose ว OCR may have lost with its slash, settled by whom the
letter goes to (``wocue``): cues measured on the analysis seeds' truth, OCR
noise in the addressee and the office tolerated (marks dropped, a speck)."""

from __future__ import annotations

import pytest

from docintake.parse.slashlost import split_lost
from docintake.parse.wocue import settle_lost_wo

CASES = [
    # (memo?, label, addressee, issuing office, the number's line, expected)
    ("memo-submitted", True, "เสนอ", "นายกองค์การบริหารส่วนตำบลหนองบัว", "", "อบ ๗๘๐๘๙ ๓๘๐ จันที่", "อบ 78089/380"),
    ("memo-to-one-official", True, "เรียน", "ปลัด เทศบาลตำบลท่าข้าม", "", "อบ ๗๘๐๘๙ ๓๘๐ จันที่", "อบ 78089/380"),
    ("memo-to-every-division", True, "เรียน", "ผู้อำนวยการกอง ทุกกอง", "", "อบ ๗๘๐๘๙ ๓๘๐ จันที่", None),
    ("memo-addressee-unread", True, None, "", "", "อบ ๗๘๐๘๙ ๓๘๐ จันที่", None),
    # OCR dropped the marks of ทุกจังหวัด and put a speck before the office
    ("department-marks-dropped", False, "เรียน", "ผู้ว่าราชการจังหวัด ทุกจงหวด", "“กรมส่งเสริมการปกครองท้องถิน",
     "มท 0816.4 2382 ลงวันที่", "มท 0816.4/ว 2382"),
    ("department-title-garbled", False, "เรียน", "ผูวาราซการจังหวด ทุกจังหวัด", "กรมส่งเสริมการปกครองท้องถิ่น",
     "มท 0816.4 2382 ลงวันที่", "มท 0816.4/ว 2382"),
    ("province-to-every-lao", False, "เรียน", "นายกเทศมนตรี และนายกองค์การบริหารส่วนตำบล ทุกแห่ง",
     "ศาลากลางจังหวัดอุบลราชธานี", "อบ 0023.4 6578 ลงวันที่", "อบ 0023.4/ว 6578"),
    ("province-to-every-district", False, "เรียน", "นายอำเภอ ทุกอำเภอ", "ศาลากลางจังหวัดเชียงราย",
     "ชร ๐๐๒๓.๔ ๖๓๐๘ ลงวันที่", None),
    ("district-to-every-lao", False, "เรียน", "นายกเทศมนตรี และนายกองค์การบริหารส่วนตำบล ทุกแห่ง",
     "ที่ว่าการอำเภอเทิง", "ชร ๐๐๒๓.๑๔ ๖๓๐ ลงวันที่", None),
    # an external letter to one official says nothing: districts number some such letters ว (10 of 44)
    ("external-to-one", False, "เรียน", "นายกองค์การบริหารส่วนตำบลโนนสูง", "ที่ว่าการอำเภอโนนสูง",
     "นม ๐๐๒๓.๑๔ ๒๔๔๕ ลงวันที่", None),
]


@pytest.mark.parametrize(("memo", "label", "to", "issuer", "line", "want"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_settle_lost_wo(memo: bool, label: str | None, to: str, issuer: str, line: str, want: str | None) -> None:
    hit = settle_lost_wo(split_lost(line), memo=memo, to_label=label, to=to, issuer=issuer)
    assert hit.canonical == want
    if want is None:
        assert len(hit.candidates) == 2
    else:
        assert hit.confidence <= 0.6 and hit.circular == ("/ว" in want)
        other = next(c for c in hit.candidates if c != want)
        assert hit.problems[-1].endswith(f"not {other}")  # the warning names the reading not taken


def test_only_a_lost_wo_is_settled() -> None:
    # "/๑ ๓๖๕" (ว read as ๑, or a split digit?) differs in its digits, not only in ว: left as it is
    from docintake.parse.docno import read_doc_no

    hit = read_doc_no("ชย ๐๐๒๓.๖/๑ ๓๖๕")
    assert settle_lost_wo(hit, memo=True, to_label="เสนอ", to="ปลัด", issuer="").canonical is None
