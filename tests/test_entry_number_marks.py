"""Entry numbers with a mark OCR put where the slash stood, and with an
office code no office has (analysis seed 21): read when the number's own
shape or a code the letter prints settles them, else left unread."""

import pytest

from docintake.parse.codedamage import damage
from docintake.parse.entries import read_entry
from docintake.parse.entrycontext import code_from_context

SLASHES = [
    # (id, entry as OCR'd, the number a reader reads)
    # The slash read as a closing quote before the circular's ว (seed 21).
    ("quote-for-slash", "หนังสือกระทรวงมหาดไทย ด่วนที่สุด ที่มท ๐๘๑๐.๖”ว ๔๘๔ ลงวันที่ ๘ พฤษภาคม ๒๕๖๗",
     "มท 0810.6/ว 484"),
    ("dot-for-slash", "หนังสือจังหวัดชัยภูมิ ที่ ชย ๐๐๒๓.๓.ว ๑๒๕ ลงวันที่ ๒ ก.ค. ๒๕๖๗", "ชย 0023.3/ว 125"),
    ("slash-lost", "หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท ๐๘๑๐.๗ว ๒๙๖๗ ลงวันที่ ๘ พ.ค. ๒๕๖๗",
     "มท 0810.7/ว 2967"),
    # A quote with no ว after it is no circular's slash: nothing says what it was.
    ("quote-without-wo", "หนังสือจังหวัดชัยภูมิ ที่ ชย ๐๐๒๓.๓” ๑๒๕ ลงวันที่ ๒ ก.ค. ๒๕๖๗", None),
]


@pytest.mark.parametrize(("entry", "want"), [c[1:] for c in SLASHES], ids=[c[0] for c in SLASHES])
def test_slash_read_as_a_mark(entry: str, want: str | None) -> None:
    assert read_entry(entry).doc_no == want


OFFICES = [
    # (id, entry as OCR'd, the codes the letter prints cleanly, the number read)
    # ๐ of the office code read as ๑ (seed 21): no state office's code starts
    # with 1, and the letter's own number prints มค 0023.13.
    ("office-digit-misread", "หนังสืออำเภอบรบือ ที่ ม์ค ๑๐๒๓.๑๓/๑๗๐๓ ลงวันที่ ๔สิงหาคม ๒๕๖๖",
     {("มค", "0023.13")}, "มค 0023.13/1703"),
    # Two digits off the one code printed: another office's number, unread.
    ("two-digits-off", "หนังสืออำเภอบรบือ ที่ มค ๑๐๒๓.๑๔/๑๗๐๓ ลงวันที่ ๔สิงหาคม ๒๕๖๖", {("มค", "0023.13")}, None),
    # The known code is another province's: the printed prefix says otherwise.
    ("other-prefix", "หนังสืออำเภอบรบือ ที่ มค ๑๐๒๓.๑๓/๑๗๐๓ ลงวันที่ ๔สิงหาคม ๒๕๖๖", {("ขก", "0023.13")}, None),
]


@pytest.mark.parametrize(("entry", "known", "want"), [c[1:] for c in OFFICES], ids=[c[0] for c in OFFICES])
def test_office_code_no_office_has(entry: str, known: set, want: str | None) -> None:
    found = code_from_context(entry, known)
    assert (found[0] if found else None) == want


@pytest.mark.parametrize(("printed", "code", "want"), [
    ("1023.13", "0023.13", "a digit of an office code no office has (1023) misread"),
    ("0023.13", "0023.13", "the prefix unreadable, the code as the letter prints it"),
    ("0123.13", "0023.13", None),  # 0123 may be an office: no misread shown
    ("1023.1", "0023.13", None),
], ids=["head-not-zero", "as-printed", "head-could-be-office", "other-length"])
def test_damage_office_head(printed: str, code: str, want: str | None) -> None:
    assert damage(printed, code, False) == want
