"""A running number whose last group is one digit with a stop after it,
before the next word (analysis seed 21: ``ชย 75221/686 7. วันที่``): a
running number has no stop, so that digit may be a speck of the leader line
or the number's own last digit split off. Neither is taken: the number is
left unread, with both readings in the warning."""

import pytest

from docintake.parse import parse_text
from docintake.parse.docno import find_doc_nos

NUMBERS = [
    # (id, line as OCR'd, the number read, the candidates kept)
    ("stop-after-lone-digit", "ชย 75221/686 7. วันที่ 29 ม.ค. 68", None, ["ชย 75221/686", "ชย 75221/6867"]),
    ("thai-digits", "ที่ ชย ๗๕๒๒๑/๖๘๖ ๗. วันที่ ๒๙ ม.ค. ๖๘", None, ["ชย 75221/686", "ชย 75221/6867"]),
    ("comma-after-lone-digit", "ที่ นศ ๐๐๒๓.๑๗/ว ๑๔๖ ๘, ลงวันที่ ๔ ธ.ค. ๒๕๖๘", None,
     ["นศ 0023.17/ว 146", "นศ 0023.17/ว 1468"]),
    # No stop: a digit split off by a space is the number's, as ever.
    ("split-digit-joined", "ที่ ชย 75221/686 7 วันที่ 29 ม.ค. 68", "ชย 75221/6867", []),
    ("whole-number", "ที่ ชย 75221/686. วันที่ 29 ม.ค. 68", "ชย 75221/686", []),
]


@pytest.mark.parametrize(("line", "want", "candidates"), [c[1:] for c in NUMBERS], ids=[c[0] for c in NUMBERS])
def test_stopped_lone_digit(line: str, want: str | None, candidates: list[str]) -> None:
    (hit,) = find_doc_nos(line)
    assert (hit.canonical, hit.candidates) == (want, candidates)


def test_memo_number_left_unread_with_both_readings() -> None:
    text = "\n".join(["บันทึกข้อความ", "ส่วนราชการ กองสาธารณสุข เทศบาลตำบลบ้านค่าย",
                      "ที่ ชย 75221/686 7. วันที่ 29 ม.ค. 68", "เรื่อง รายงานผลการกำจัดผักตบชวา",
                      "เสนอ นายกเทศมนตรีตำบลบ้านค่าย", "จึงเรียนมาเพื่อโปรดทราบ", "(นายสมชาย ใจดี)", "ผู้อำนวยการกองสาธารณสุข"])
    (letter,) = parse_text(text).letters
    assert letter.doc_no is None
    (warned,) = [w for w in letter.warnings if w.field == "doc_no"]
    assert "ชย 75221/686 / ชย 75221/6867" in warned.message
