"""An enclosure line whose number OCR garbled but for parts of the enclosed
copy's number (lines from seed 19's and 17's recorded text)."""

import pytest

from docintake.parse.twoprints import shows_only_parts_of

CASES = [
    # seed 19: the code in Latin debris, ว read as 2; the running number legible and the copy's.
    ("running-legible", "สำเนาหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนมากที่ มท ogoo.0i/2 ๑๒๙๒ ลงวันที่ ๒๙ ธันวาคม ๒๕๖๖",
     "มท 0810.7/ว 1292", True),
    # seed 17: nothing legible at all (what number_illegible used to say).
    ("nothing-legible", "สำเนาหนังสือจังหวัดลำปาง ที่ ก 5 ลงวันที่ ๑๔ พฤษภาคม ๒๕๖๘", "ลป 0023.4/ว 1803", True),
    ("code-legible", "สำเนาหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท ๐๘๑๐.๗/ว ๑ๆ๒ ลงวันที่ ๒๙ ธันวาคม ๒๕๖๖",
     "มท 0810.7/ว 1292", True),
    # Another running number: another letter, whatever its date.
    ("other-running", "สำเนาหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท ogoo.0i/2 ๑๒๙๓ ลงวันที่ ๒๙ ธันวาคม ๒๕๖๖",
     "มท 0810.7/ว 1292", False),
    ("other-code", "สำเนาหนังสือจังหวัดลำปาง ที่ ลป ๐๐๒๓.๕/ว ๑๘๐๓ ลงวันที่ ๑๔ พฤษภาคม ๒๕๖๘", "ลป 0023.4/ว 1803", False),
]


@pytest.mark.parametrize(("text", "doc_no", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_shows_only_parts_of(text: str, doc_no: str, want: bool) -> None:
    assert shows_only_parts_of(text, doc_no) is want
