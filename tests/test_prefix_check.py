"""registry.prefix_check: a number's province prefix one letter off the province the
directory places its letterhead's office in is read as that province's."""

import pytest

from docintake.models import Letter, Reference
from docintake.registry.prefix_check import settle_prefix
from docintake.registry.testing import directory_of

DISTRICT = "ที่ว่าการอำเภอเมืองเพ็ญ"  # in ชัยภูมิ (ชย) in the test directory

CASES = [
    # (id, issuer, number read, its references, number after, references after)
    # seed 139: ข read บ, สบ a real prefix (สระบุรี); ชบ (ชลบุรี) one letter off ชย here
    ("district-letterhead", DISTRICT, "ชบ 0023.14/ว 1088", ["ชบ 0023.14/881", "ชบ 0023.3/5120"],
     "ชย 0023.14/ว 1088", ["ชย 0023.14/881", "ชบ 0023.3/5120"]),
    ("lao-named", "องค์การบริหารส่วนตำบลโนนสูง", "ชม 79512/311", [],
     "ชย 79512/311", []),
    ("two-letters-off", DISTRICT, "ขก 0023.14/1088", [], "ขก 0023.14/1088", []),
    ("own-prefix", DISTRICT, "ชย 0023.14/1088", ["ชบ 0023.14/881"], "ชย 0023.14/1088", ["ชบ 0023.14/881"]),
    ("unknown-district", "ที่ว่าการอำเภอรัตภูมิ", "ชบ 0023.14/1088", [], "ชบ 0023.14/1088", []),
    ("department", "กรมส่งเสริมการปกครองท้องถิ่น", "มท 0810.4/ว 1088", [], "มท 0810.4/ว 1088", []),
    ("no-number", DISTRICT, None, ["ชบ 0023.14/881"], None, ["ชบ 0023.14/881"]),
]


@pytest.mark.parametrize("issuer, doc_no, refs, want, want_refs", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_settle_prefix(issuer, doc_no, refs, want, want_refs):
    letter = Letter(doc_no=doc_no, issuer=issuer, references=[Reference(doc_no=r) for r in refs])
    settled = settle_prefix(letter, directory_of())
    assert (settled.doc_no, [r.doc_no for r in settled.references]) == (want, want_refs)
    warned = [w for w in settled.warnings if w.code == "prefix_from_directory"]
    assert len(warned) == (want != doc_no) + sum(a != b for a, b in zip(refs, want_refs))
    assert all("จังหวัดชัยภูมิ" in w.message for w in warned)
    assert settled.confidence.get("doc_no", 1.0) == (0.7 if want != doc_no else 1.0)


def test_without_a_directory_nothing_changes():
    letter = Letter(doc_no="ชบ 0023.14/ว 1088", issuer=DISTRICT)
    assert settle_prefix(letter, None) == letter
