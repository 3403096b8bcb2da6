"""A letter's unread own number read with the code its own office prints in
the letters it cites (letterhead lines from the tuning corpora's recorded OCR)."""

import pytest

from docintake.models import Letter, Reference
from docintake.parse.letter import Parsed
from docintake.parse.notes import Notes
from docintake.parse.owncode import fill_own_number

OWN_OFFICE = [Reference(doc_no="กส 0023.13/1462", issuer="อำเภอเมืองกาฬสินธุ์"),
              Reference(doc_no="กส 0023.13/2737", issuer="อำเภอเมืองกาฬสินธุ์")]
HEAD = "ที่ กส ๐๐๒/ ๑๓/๑๖๒๔.. ที่ว่าการอำเภอเมืองกาฬสินธุ์\nถนนเทศบาล ๑ กส ๔๖๐๓๘"

CASES = [
    # The code's ๓ and dot lost, a slash in their place: the district's own citations print 0023.13.
    ("code-damaged-own-office-cited", HEAD, OWN_OFFICE, "กส 0023.13/1624"),
    # A circular's ว is the letterhead's own.
    ("circular-kept", HEAD.replace("/๑๖๒๔", "/ว ๑๖๒๔"), OWN_OFFICE, "กส 0023.13/ว 1624"),
    # The letterhead shows another digit, not a lost one: 0021 is not 0023.
    ("digit-differs", HEAD.replace("๐๐๒/", "๐๐๒๑/"), OWN_OFFICE, None),
    # The cited letters are from another office (the province): its code is not this one's.
    ("other-office-cited", HEAD, [Reference(doc_no="กส 0023.6/1274", issuer="จังหวัดกาฬสินธุ์")], None),
    # Its own office's citations disagree: no code to take.
    ("citations-disagree", HEAD, [*OWN_OFFICE[:1], Reference(doc_no="กส 0023.1/55", issuer="อำเภอเมืองกาฬสินธุ์")],
     None),
    # The running number is illegible: nothing to read it with.
    ("running-lost", "ที่ อด ๐๐๒๓.๑๓/ ที่ว่าการอำเภอเมืองอุดรธานี",
     [Reference(doc_no="อด 0023.13/762", issuer="อำเภอเมืองอุดรธานี")], None),
]


@pytest.mark.parametrize(("head", "refs", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_fill_own_number(head: str, refs: list, want: str | None) -> None:
    p = Parsed(Letter(pages=(1, 2), references=refs), Notes(), None, head_text=head)
    fill_own_number(p)
    assert p.letter.doc_no == want
    assert ("doc_no_from_citations" in {w.code for w in p.notes.warnings}) == (want is not None)


def test_a_number_read_is_kept() -> None:
    p = Parsed(Letter(pages=(1, 2), doc_no="กส 0023.1/1624", references=OWN_OFFICE), Notes(), None, head_text=HEAD)
    fill_own_number(p)
    assert p.letter.doc_no == "กส 0023.1/1624"
