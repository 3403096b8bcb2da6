"""A letter's unread own number read with the code its own office prints in
the letters it cites (letterhead lines from the tuning corpora's recorded OCR)."""

import pytest

from docintake.models import Letter, Reference
from docintake.parse.letter import Parsed
from docintake.parse.notes import Notes
from docintake.parse.owncode import base_code_pick, fill_own_number, office_code_pick

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
    # seed 15: the slash and the code's last digit read as one glyph (0023.10372 for
    # 0023.12/372); the district cites its own 0023.12, so what follows the code is the number.
    ("slash-merged-into-code-digit", "ที่ลย 0023.10372 ที่ว่าการอำเภอด่านซ้าย",
     [Reference(doc_no="ลย 0023.12/1903", issuer="อำเภอด่านซ้าย")], "ลย 0023.12/372"),
    ("slash-lost-glued", "ที่ ลย 0023.121681 ที่ว่าการอำเภอวังสะพุง",
     [Reference(doc_no="ลย 0023.12/2664", issuer="อำเภอวังสะพุง")], "ลย 0023.12/1681"),
    # The glued run starts with another section: not this office's code.
    ("glued-other-section", "ที่ ลย 0023.3372 ที่ว่าการอำเภอด่านซ้าย",
     [Reference(doc_no="ลย 0023.12/1903", issuer="อำเภอด่านซ้าย")], None),
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
    # a code no misread or lost digit makes of the district's cited 0023.13: the number stays as read
    p = Parsed(Letter(pages=(1, 2), doc_no="กส 0023.5/1624", references=OWN_OFFICE), Notes(), None, head_text=HEAD)
    fill_own_number(p)
    assert p.letter.doc_no == "กส 0023.5/1624"


def test_a_number_read_with_a_section_digit_lost_takes_the_cited_code() -> None:
    p = Parsed(Letter(pages=(1, 2), doc_no="กส 0023.1/1624", references=OWN_OFFICE), Notes(), None, head_text=HEAD)
    fill_own_number(p)
    assert p.letter.doc_no == "กส 0023.13/1624"
    assert "doc_no_code_from_citations" in {w.code for w in p.notes.warnings}


# A province's copy whose letterhead and forwarder's listing differ in the code
# (seed 13: ๐๐๒๗ against ๐๐๒๓), the copy citing its own province's letter.
PROVINCE_HEAD = "ที่ สร ๐๐๒๗.๑/๗๗๒๕ ศาลากลางจังหวัดสุรินทร์\nถนนหลักเมือง สร ๓๒๐๐๐"
PROVINCE_SELF = [Reference(doc_no="สร 0023.1/2834", issuer="จังหวัดสุรินทร์")]
DEPT_HEAD = "ที่ มท ๐๘๑๙.๒/ว ๑๕๖๖ กรมส่งเสริมการปกครองท้องถิน"
DEPT_SELF = [Reference(doc_no="มท 0810.4/ว 1404", issuer="กรมส่งเสริมการปกครองท้องถิ่น")]

PICKS = [
    ("listing-fits-own-citation", PROVINCE_HEAD, PROVINCE_SELF, "สร 0027.1/7725", "สร 0023.1/7725",
     "สร 0023.1/7725"),
    ("letterhead-fits-own-citation", PROVINCE_HEAD, PROVINCE_SELF, "สร 0023.1/7725", "สร 0028.1/7725",
     "สร 0023.1/7725"),
    # The running numbers differ too: the office's code cannot tell them apart.
    ("running-differs", PROVINCE_HEAD, PROVINCE_SELF, "สร 0027.1/7725", "สร 0023.1/7726", None),
    # Neither print's code is the one the office cites (another group's letter).
    ("neither-fits", PROVINCE_HEAD, PROVINCE_SELF, "สร 0027.5/7725", "สร 0023.5/7725", None),
    # A citation from another office says nothing of this one's code.
    ("other-office-cited", PROVINCE_HEAD, [Reference(doc_no="สร 0023.1/2834", issuer="อำเภอท่าตูม")],
     "สร 0027.1/7725", "สร 0023.1/7725", None),
    # The department's divisions each keep a code and cite one another.
    ("department-not-settled", DEPT_HEAD, DEPT_SELF, "มท 0810.2/ว 1566", "มท 0810.4/ว 1566", None),
]


@pytest.mark.parametrize(("head", "refs", "mine", "listed", "want"), [c[1:] for c in PICKS],
                         ids=[c[0] for c in PICKS])
def test_office_code_pick(head: str, refs: list, mine: str, listed: str, want: str | None) -> None:
    p = Parsed(Letter(pages=(1, 2), doc_no=mine, references=refs), Notes(), None, head_text=head)
    assert office_code_pick(p, mine, listed) == want


BASES = [
    # (id, the forwarder's own number, the copy's letterhead, the listing, the print taken)
    # seed 141: the district forwards its province's letter, both of the base 0023
    ("listing-base-misread", "สน 0023.15/119", "สน 0023.2/8801", "สน 0027.2/8801", "สน 0023.2/8801"),
    ("letterhead-base-misread", "ศก 0023.12/77", "ศก 0029.3/ว 5776", "ศก 0023.3/ว 5776", "ศก 0023.3/ว 5776"),
    ("sections-differ-too", "สน 0023.15/119", "สน 0023.2/8801", "สน 0027.3/8801", None),
    ("forwarder-of-another-province", "ขก 0023.15/119", "สน 0023.2/8801", "สน 0027.2/8801", None),
    ("forwarder-base-neither", "สน 0017.15/119", "สน 0023.2/8801", "สน 0027.2/8801", None),
    ("department-prints", "มท 0810.4/ว 12", "มท 0810.7/ว 2683", "มท 0811.7/ว 2683", None),
    ("forwarder-unread", None, "สน 0023.2/8801", "สน 0027.2/8801", None),
]


@pytest.mark.parametrize(("forwarder", "mine", "listed", "want"), [c[1:] for c in BASES], ids=[c[0] for c in BASES])
def test_base_code_pick(forwarder: str | None, mine: str, listed: str, want: str | None) -> None:
    assert base_code_pick(forwarder, mine, listed) == want


# A district's number read with a code its own citations contradict (seed 9:
# ๐๑๒๓.๑๒ where the letters of its own it cites print ๐๐๒๓.๑๗).
DISTRICT_HEAD = "ที่ พช ๐๑๒๓.๑๒/๑๒๗๑ ที่ว่าการอำเภอวิเชียรบุรี\nถนนสระประดู่ พช ๖๗๑๓๐"
DISTRICT_SELF = [Reference(doc_no="พช 0023.17/330", issuer="อำเภอวิเชียรบุรี"),
                 Reference(doc_no="พช 0023.17/2676", issuer="อำเภอวีเซียรบุรี")]
RECODE = [
    ("two-digits-misread", DISTRICT_HEAD, DISTRICT_SELF, "พช 0123.12/1271", "พช 0023.17/1271"),
    ("circular-kept", DISTRICT_HEAD, DISTRICT_SELF, "พช 0123.12/ว 1271", "พช 0023.17/ว 1271"),
    # Three digits apart: another unit's code, not a misread of this one.
    ("three-apart", DISTRICT_HEAD, DISTRICT_SELF, "พช 0318.12/1271", "พช 0318.12/1271"),
    # A section digit lost (seed 45: ๐๐๒๓.๑ for ๐๐๒๓.๑๒): one glyph lost, as OCR
    # loses them far more often than it adds fitting ones; a district has one code.
    ("section-digit-lost", DISTRICT_HEAD, DISTRICT_SELF, "พช 0023.1/1271", "พช 0023.17/1271"),
    # ... but a code that no lost digit makes of the cited one is another shape: left.
    ("other-shape", DISTRICT_HEAD, DISTRICT_SELF, "พช 0023.5/1271", "พช 0023.5/1271"),
    # A province cites its other groups' letters: its citations say nothing of its own code.
    ("province-not-recoded", "ที่ พช ๐๐๒๓.๕/๑๒๗๑ ศาลากลางจังหวัดเพชรบูรณ์",
     [Reference(doc_no="พช 0023.2/330", issuer="จังหวัดเพชรบูรณ์")], "พช 0023.5/1271", "พช 0023.5/1271"),
]


@pytest.mark.parametrize(("head", "refs", "mine", "want"), [c[1:] for c in RECODE], ids=[c[0] for c in RECODE])
def test_district_code_from_citations(head: str, refs: list, mine: str, want: str) -> None:
    p = Parsed(Letter(pages=(1, 2), doc_no=mine, references=refs), Notes(), None, head_text=head)
    fill_own_number(p)
    assert p.letter.doc_no == want
    assert ("doc_no_code_from_citations" in {w.code for w in p.notes.warnings}) == (want != mine)
