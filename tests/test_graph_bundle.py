"""Physical order in a bundle: which following letter is the enclosed copy."""

import pytest

from docintake.models import Enclosure
from docintake.registry.bundle import pair_enclosed_copies
from docintake.registry.testing import letter

SUBJECT = "การขับเคลื่อนนโยบาย ๑ อปท. ๑ อัตลักษณ์ท้องถิ่น"


def _pairs(letters):
    return [(p.forwarder, p.copy) for p in pair_enclosed_copies(letters)]


def test_chain_of_three_pairs_each_with_the_next():
    district = letter("ชย 0023.14/1709", "2025-06-16", copies=[("ชย 0023.6/6558", "2025-05-27")], subject=SUBJECT)
    province = letter("ชย 0023.6/1478", None, copies=[("มท 0810.6/ว 2069", "2025-05-14")], subject=SUBJECT)
    department = letter(None, None, subject="การขึ้นทะเบียนโภภาย ๑ อปท. ๑ อัตถักษณ์ท้องถิ่น")
    assert _pairs([district, province, department]) == [(0, 1), (1, 2)]


def test_identity_beats_order():
    # The enclosure names the third letter exactly: it pairs with it, not with the next one.
    fwd = letter("ชย 0023.14/1", "2025-06-16", copies=[("มท 0810.6/ว 2069", "2025-05-14")])
    other = letter("ชย 0023.14/2", "2025-06-10", subject="อื่น")
    copy = letter("มท 0810.6/ว 2069", "2025-05-14")
    assert _pairs([fwd, other, copy]) == [(0, 2)]


def test_a_copy_dated_after_its_forwarder_is_not_it():
    fwd = letter("ชย 0023.14/1", "2025-06-16", copies=[("ชย 0023.6/5", "2025-05-27")])
    later = letter("ชย 0023.6/9", "2025-07-01")
    assert _pairs([fwd, later]) == []


def test_unrelated_next_letter_with_both_numbers_read_is_not_taken():
    fwd = letter("ชย 0023.14/1", "2025-06-16", copies=[("ชย 0023.6/5", "2025-05-27")], subject="ก")
    unrelated = letter("นม 0023.3/77", "2025-06-01", subject="เรื่องอื่นโดยสิ้นเชิง")
    assert _pairs([fwd, unrelated]) == []


def test_two_copies_enclosed_by_one_letter_take_the_next_two():
    fwd = letter("ชย 0023.14/1", "2025-06-16", subject=SUBJECT,
                 copies=[("ชย 0023.6/5", "2025-05-27"), ("มท 0810.6/ว 9", "2025-05-14")])
    a, b = letter("ชย 0023.6/5", "2025-05-27"), letter(None, None, subject=SUBJECT)
    assert _pairs([fwd, a, b]) == [(0, 1), (0, 2)]


@pytest.mark.parametrize("text,is_copy", [
    ("สำเนาหนังสือกรมส่งเสริมการปกครองท้องถิ่น", True),
    ("สำเนา หนังสือจังหวัด", True),
    ("แบบรายงานผลการดำเนินงาน", False),
], ids=["copy", "copy-spaced", "form"])
def test_only_letter_copies_claim_a_following_letter(text, is_copy):
    fwd = letter("ชย 0023.14/1", "2025-06-16", subject=SUBJECT)
    fwd.enclosures = [Enclosure(text=text)]
    nxt = letter(None, None, subject=SUBJECT)
    assert bool(_pairs([fwd, nxt])) is is_copy


# ------------------------------------------------- the enclosure line as a second reading

PROV_NO, PROV_DAY = "ชย 0023.6/ว 6558", "2025-05-27"
OTHER_SUBJECT = "ขอเชิญประชุมคณะกรรมการกองทุนหลักประกันสุขภาพ"


def _bundle(copy_no, copy_day, *, subject=SUBJECT, entry=(PROV_NO, PROV_DAY), kind=None):
    district = letter("ชย 0023.14/1709", "2025-06-16", copies=[entry], subject=SUBJECT)
    copy = letter(copy_no, copy_day, subject=subject, confidence={"subject": 0.9})
    if kind:
        copy.kind = kind
    return [district, copy]


@pytest.mark.parametrize("copy, want", [
    # The stamped number of the province's copy was lost; date and subject tie it to
    # the district letter's line สำเนาหนังสือจังหวัดชัยภูมิ ที่ ชย ๐๐๒๓.๖/ว ๖๕๕๘.
    pytest.param(dict(copy_no=None, copy_day=PROV_DAY), (PROV_NO, PROV_DAY, "circular", ["doc_no"]), id="number-lost"),
    # The date line was lost; the numbers agree, so the pairing is by identity.
    pytest.param(dict(copy_no=PROV_NO, copy_day=None), (PROV_NO, PROV_DAY, "circular", ["date"]), id="date-lost"),
    # Only order and the date tie them (the subject reads otherwise): too weak to give a number.
    pytest.param(dict(copy_no=None, copy_day=PROV_DAY, subject=OTHER_SUBJECT), (None, PROV_DAY, "external", []),
                 id="order-and-date-only"),
    # Both read, differently: the copy's own letterhead is not overwritten.
    pytest.param(dict(copy_no="ชย 0023.6/ว 6553", copy_day=PROV_DAY), ("ชย 0023.6/ว 6553", PROV_DAY, "circular", []),
                 id="own-number-kept"),
    # The enclosure line's number was not read either: nothing to take.
    pytest.param(dict(copy_no=None, copy_day=PROV_DAY, entry=(None, PROV_DAY)), (None, PROV_DAY, "external", []),
                 id="line-unread-too"),
    pytest.param(dict(copy_no=None, copy_day=PROV_DAY, kind="memo"), (PROV_NO, PROV_DAY, "memo", ["doc_no"]),
                 id="memo-stays-memo"),
])
def test_copy_takes_what_its_enclosure_line_reads(copy, want):
    from docintake.registry.bundle import fill_from_enclosures

    letters = _bundle(**copy)
    if copy.get("entry", (1,))[0] is None:
        letters[0].enclosures[0].text = "สำเนาหนังสือจังหวัดชัยภูมิ"
    filled = fill_from_enclosures(letters, pair_enclosed_copies(letters))
    got = filled[1]
    assert (got.doc_no, got.date and got.date.isoformat(), got.kind) == want[:3]
    warned = [w.field for w in got.warnings if w.code == "read_from_enclosure"]
    assert warned == want[3]
    for name in warned:
        assert got.confidence[name] >= 0.8 and "enclosure 1 of the letter on pages 1-1" in got.warnings[0].message
    assert filled[0] is letters[0] and letters[1].doc_no == copy["copy_no"]  # pure: the input is untouched


def test_a_number_withdrawn_for_disagreeing_with_the_line_is_not_filled_from_it():
    # Seeds 70, 84, 87: the parser withdrew the copy's number (its letterhead and the
    # line read different digits); the line is the print it doubted, not a second reading.
    from docintake.models import ParseWarning
    from docintake.registry.bundle import fill_from_enclosures

    letters = _bundle(None, PROV_DAY)
    letters[1].warnings.append(ParseWarning(code="doc_no_conflict", field="doc_no", message=(
        f"this copy reads ชย 0023.6/ว 6553, the forwarding letter lists it as {PROV_NO}")))
    got = fill_from_enclosures(letters, pair_enclosed_copies(letters))[1]
    assert got.doc_no is None
    assert not [w for w in got.warnings if w.code == "read_from_enclosure" and w.field == "doc_no"]


def test_filled_number_carries_the_copys_own_references_into_the_graph():
    from docintake.registry import graph, store
    from docintake.registry.testing import ingest_letters

    db = store.open_db(":memory:")
    district, copy = _bundle(None, PROV_DAY)
    copy.references = letter(None, None, refs=[("มท 0810.6/ว 2069", "2025-05-14")]).references
    ingest_letters(db, district, copy)
    row = next(db.query("SELECT id FROM letters WHERE doc_no = ?", ["ชย 0023.14/1709"]))
    assert graph.chain_doc_nos(db, row["id"]) == [PROV_NO, "ชย 0023.14/1709"]
    edges = {(r["a"], r["b"], r["kind"]) for r in db.query(
        "SELECT s.doc_no AS a, d.doc_no AS b, e.kind FROM edges e JOIN letters s ON s.id = e.src "
        "JOIN letters d ON d.id = e.dst")}
    assert {("ชย 0023.14/1709", PROV_NO, "encloses"), (PROV_NO, "มท 0810.6/ว 2069", "reference")} <= edges


# (id, the enclosure line's number, the office it names, the copy's letterhead, urgencies
#  (line, copy), expected number of the copy, warning codes on the copy)
LINE_CLUES = [
    # The copy's number lost, its subject reworded by the province (seed 11): the line's
    # จังหวัดชัยภูมิ is the copy's ศาลากลางจังหวัดชัยภูมิ, a second clue beside the date.
    ("issuer-agrees", PROV_NO, "จังหวัดชัยภูมิ", "ศาลากลางจังหวัดชัยภูมิ", (None, None), PROV_NO,
     ["read_from_enclosure"]),
    ("issuer-and-urgency-agree", PROV_NO, "จังหวัดชัยภูมิ", "ศาลากลางจังหวัดชัยภูมิ", ("ด่วนที่สุด", "ด่วนที่สุด"),
     PROV_NO, ["read_from_enclosure"]),
    # Another province's letterhead: not a second clue, order and date alone give no number.
    ("issuer-differs", PROV_NO, "จังหวัดชัยภูมิ", "ศาลากลางจังหวัดขอนแก่น", (None, None), None, []),
    # Urgency alone is too common a clue to give a number.
    ("urgency-only", PROV_NO, "จังหวัดชัยภูมิ", None, ("ด่วนที่สุด", "ด่วนที่สุด"), None, []),
    # The line's number misread in its code (0823 for 0023, seed 5): 08xx is a
    # department's code under มท, not a province's, so it is not handed on.
    ("department-code-under-province-prefix", "ชย 0823.6/ว 1255", "จังหวัดชัยภูมิ", "ศาลากลางจังหวัดชัยภูมิ",
     (None, None), None, ["enclosure_number_misfit"]),
    # The prefix of another province than the one the line names.
    ("prefix-of-another-province", "ขก 0023.6/ว 6558", "จังหวัดชัยภูมิ", "ศาลากลางจังหวัดชัยภูมิ",
     (None, None), None, ["enclosure_number_misfit"]),
    # A department's copy: กรมส่งเสริมการปกครองท้องถิ่น under มท fits.
    ("department-copy", "มท 0810.6/ว 2069", "กรมส่งเสริมการปกครองท้องถิ่น", "กรมส่งเสริมการปกครองท้องถิ่น",
     (None, None), "มท 0810.6/ว 2069", ["read_from_enclosure"]),
    # The department's number read with ๘ as ๕ and ๖ as ๒ (seed 18: มท 0512.5 for มท 0816.4):
    # its letters are numbered 08xx, so the line misread it and the copy keeps no number.
    ("department-code-out-of-range", "มท 0512.5/ว 2382", "กรมส่งเสริมการปกครองท้องถิน", "กรมส่งเสริมการปกครองท้องถิ่น",
     (None, None), None, ["enclosure_number_misfit"]),
]


@pytest.mark.parametrize("entry_no,named,letterhead,urgency,want,codes", [c[1:] for c in LINE_CLUES],
                         ids=[c[0] for c in LINE_CLUES])
def test_what_the_line_says_of_the_copy(entry_no, named, letterhead, urgency, want, codes):
    from docintake.registry.bundle import fill_from_enclosures

    district, copy = _bundle(None, PROV_DAY, subject=OTHER_SUBJECT, entry=(entry_no, PROV_DAY))
    enc = district.enclosures[0]
    enc.text, enc.issuer, enc.urgency = f"สำเนาหนังสือ{named} ที่ {entry_no} ลงวันที่ ๒๗ พฤษภาคม ๒๕๖๘", named, urgency[0]
    copy.issuer, copy.urgency = letterhead, urgency[1]
    (pairing,) = pair_enclosed_copies([district, copy])
    got = fill_from_enclosures([district, copy], [pairing])[1]
    assert got.doc_no == want
    assert [w.code for w in got.warnings if w.field == "doc_no"] == codes
    if named in (letterhead or ""):  # the clue is in the pairing's reason
        assert f"issued by {named}" in pairing.reason
    if codes == ["enclosure_number_misfit"]:
        assert entry_no in got.warnings[-1].message and got.date == copy.date  # the date was read already
