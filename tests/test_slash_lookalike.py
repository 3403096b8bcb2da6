"""A number's slash read as a look-alike glyph (``lexicon.SLASH_LOOKALIKES``,
seed 20: ``ที่ ลย 76927| 886``): read as the slash only between a code of a
sender's whole shape and the running number; elsewhere left alone."""

import pytest

from docintake.parse import parse_text
from docintake.parse.docno import canonical_doc_no
from docintake.text import lexicon
from docintake.text.normalize import number_digits

CASES = [
    # An LAO's five-digit code, the bar then a space before the handwritten running number.
    ("lao-code-bar-space", "ที่ ลย 76927| 886 สำนักงานเทศบาลตำบลนาเชือก", "ลย 76927/886"),
    # A district's two-digit section, a circular's ว after the bar.
    ("district-circular", "ที่ ชม ๐๐๒๓.๑๓|ว ๒๔๐๘ ที่ว่าการอำเภอสันทราย", "ชม 0023.13/ว 2408"),
    # The code's dot read as a colon too.
    ("with-colon-dot", "ที่ พล ๐๐๒๓:๔|๒๐๐๐ ศาลากลางจังหวัดพิษณุโลก", "พล 0023.4/2000"),
    # A code short of its shape (0023. with its section lost): the bar may hide a digit.
    ("code-incomplete", "ที่ สข ๐๐๒๓.|๑๒๕ ลงวันที่ ๒๖", None),
    # ป swallows the digit before it as often as it stands for the slash: not a look-alike.
    ("po-not-a-slash", "ที่ สข ๐๐๒๓.๒ป๑๒๕ ลงวันที่ ๒๖", None),
    # Seed 100: the slash read as # after a speck letter, the section's two digits whole.
    ("hash-after-a-speck", "ที่ อด ๐๐๒๓.๑๓ร#ว ๑๖๓๙ ที่ว่าการอำเภอหนองหาน", "อด 0023.13/ว 1639"),
    # ... a one-digit section: the letter may be a lost digit, the code unknown.
    ("hash-after-a-letter-short-section", "ที่ อด ๐๐๒๓.๑ร#ว ๑๖๓๙ ที่ว่าการอำเภอหนองหาน", None),
]


@pytest.mark.parametrize(("line", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_slash_lookalike_in_number(line: str, want: str | None) -> None:
    assert canonical_doc_no(line) == want


def test_bar_elsewhere_left_alone() -> None:
    # Bars OCR prints as debris in prose and after a date keep their place.
    for text in ("ศูนย์บั| ญชาการเหตุการณ์", "วันที่| ๒๙ ก.พ. ๒๕๖๗", "๒๕๖๗.| สิ่งที่ส่งมาด้วย"):
        assert number_digits(text).count("|") == text.count("|")
    # and a hashtag's #, glued to its word
    for text in ("#เที่ยวท้องถิ่น #ของดีบ้านเรา", "ในปี ๒๕๖๘ #๑"):
        assert number_digits(text).count("#") == text.count("#")


def test_letterhead_number_read_and_warned() -> None:
    text = """ที่ ลย 76927| 886 สำนักงานเทศบาลตำบลนาเชือก
ถนนเลย-ด่านซ้าย ลย 42000
12 มีนาคม 2568
เรื่อง การประชุมประจำเดือน
เรียน ผู้อำนวยการกองทุกกอง
ด้วยเทศบาลตำบลนาเชือกกำหนดประชุมประจำเดือน
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
นายกเทศมนตรีตำบลนาเชือก"""
    letter = parse_text(text).letters[0]
    assert letter.doc_no == "ลย 76927/886"
    assert "slash_lookalike_read" in " ".join(w.message for w in letter.warnings if w.field == "doc_no")
    assert letter.confidence["doc_no"] <= 0.8


def test_slash_lookalikes_table() -> None:
    # Single glyphs, no digit, letter, slash, nor a glyph already read as ว or leader dots.
    for glyph in lexicon.SLASH_LOOKALIKES:
        assert not glyph.isalnum() and glyph != "/"
        assert glyph not in lexicon.WO_MARK_LOOKALIKES + lexicon.LEADER_DOTS
