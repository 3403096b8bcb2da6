"""The letter graph: placeholders filled in any order, fuzzy identity with reasons, chains."""

import itertools

import pytest

from docintake.registry import graph, store
from docintake.registry.testing import ingest_letters, letter

SUBJECT = "การขับเคลื่อนนโยบาย ๑ อปท. ๑ อัตลักษณ์ท้องถิ่น"
DEPT = ("มท 0810.6/ว 2069", "2025-05-14")
PROV = ("ชย 0023.6/1478", "2025-05-28")
DIST = ("ชย 0023.14/1709", "2025-06-16")


@pytest.fixture
def db():
    return store.open_db(":memory:")


def _id(db, doc_no):
    rows = list(db.query("SELECT id FROM letters WHERE doc_no = ?", [doc_no]))
    assert len(rows) == 1, f"{doc_no}: {len(rows)} rows"
    return rows[0]["id"]


def _chain(db, doc_no):
    return graph.chain_doc_nos(db, _id(db, doc_no))


def _letters():
    dept = letter(*DEPT, subject=SUBJECT, deadline="2025-06-10")
    prov = letter(*PROV, subject=SUBJECT, copies=[DEPT], deadline="2025-06-05")
    dist = letter(*DIST, subject=SUBJECT, copies=[PROV], deadline="2025-06-11")
    return {"dept": dept, "prov": prov, "dist": dist}


@pytest.mark.parametrize("order", list(itertools.permutations(["dept", "prov", "dist"])),
                         ids=lambda o: ">".join(o))
def test_any_arrival_order_gives_one_chain(db, order):
    letters = _letters()
    for name in order:
        ingest_letters(db, letters[name], name=f"{name}.txt")
    assert db["letters"].count == 3  # placeholders were filled, never duplicated
    assert list(db.query("SELECT COUNT(*) AS n FROM letters WHERE placeholder = 1"))[0]["n"] == 0
    assert _chain(db, DIST[0]) == [DEPT[0], PROV[0], DIST[0]]


def test_placeholder_is_filled_on_late_arrival(db):
    ingest_letters(db, _letters()["dist"], name="dist.txt")
    prov_id = _id(db, PROV[0])
    assert store.letter_row(db, prov_id)["placeholder"] == 1
    out = ingest_letters(db, _letters()["prov"], name="prov.txt")
    assert out.filled == 1
    row = store.letter_row(db, prov_id)  # same row, now a received letter
    assert row["placeholder"] == 0 and row["subject"] == SUBJECT and row["deadline"] == "2025-06-05"
    assert _chain(db, DIST[0])[-2:] == [PROV[0], DIST[0]]


def test_fuzzy_reference_links_to_the_known_letter_with_reason(db):
    ingest_letters(db, letter(*DEPT, subject=SUBJECT), name="dept.txt")
    noisy = ("งท 0810.6/ว 2069", DEPT[1])  # OCR read มท as งท
    ingest_letters(db, letter(*PROV, subject=SUBJECT, refs=[noisy]), name="prov.txt")
    edge = list(db.query("SELECT * FROM edges WHERE kind = 'reference'"))[0]
    assert edge["dst"] == _id(db, DEPT[0]) and edge["status"] == "confirmed"
    assert "งท" in edge["reason"] and edge["confidence"] == pytest.approx(0.95)
    assert db["letters"].count == 2  # no placeholder for the noisy reading


def test_weak_match_is_a_possible_edge_not_a_merge(db):
    ingest_letters(db, letter(*DEPT, subject=SUBJECT), name="dept.txt")
    weak = ("มท 0810.6/ว 2169", DEPT[1])  # 0 -> 1 is not a known OCR confusion
    ingest_letters(db, letter(*PROV, refs=[weak]), name="prov.txt")
    placeholder = _id(db, weak[0])
    assert store.letter_row(db, placeholder)["placeholder"] == 1
    possible = list(db.query("SELECT * FROM edges WHERE kind = 'same_as'"))
    assert len(possible) == 1
    assert (possible[0]["src"], possible[0]["dst"], possible[0]["status"]) == (placeholder, _id(db, DEPT[0]), "possible")
    assert "one digit" in possible[0]["reason"] and possible[0]["confidence"] == pytest.approx(0.75)


def test_same_letter_in_two_files_is_one_letter_with_two_sightings(db):
    prov = letter(*PROV, subject=SUBJECT, pages=(1, 2), confidence={"doc_no": 0.9, "subject": 0.9})
    copy = letter("ชย 0023.6/1478", "2025-05-28", subject="การขับเคลื่อนนโยบาย ๑ อปท. ๑ อัตลักษณท้องถิ่น",
                  pages=(3, 4), confidence={"doc_no": 0.9, "subject": 0.5})
    dist = letter(*DIST, subject=SUBJECT, copies=[PROV], pages=(1, 2))
    ingest_letters(db, prov, name="from-province.pdf")
    out = ingest_letters(db, dist, copy, name="from-district.pdf")
    assert out.merged == 1 and db["letters"].count == 2
    sightings = store.sightings_of(db, _id(db, PROV[0]))
    assert [(s["file_path"], s["role"]) for s in sightings] == [
        ("from-province.pdf", "original"), ("from-district.pdf", "enclosed_copy")]
    merged = store.row_to_letter(store.letter_row(db, _id(db, PROV[0])))
    assert merged.subject == SUBJECT  # the better-read subject won
    warning = [w for w in merged.warnings if w.field == "subject"][0]
    assert "from-district.pdf p3-4" in warning.message


def test_two_placeholders_of_one_letter_are_folded_together(db):
    # Two references misread the province letter's 8, as 3 and as 5 (both known
    # confusions); 1473 and 1475 are only possibly one letter, so each got a placeholder.
    ingest_letters(db, letter("ชย 0023.14/1", "2025-06-16", refs=[("ชย 0023.6/1473", PROV[1])]), name="a.txt")
    ingest_letters(db, letter("ชย 0023.14/2", "2025-06-17", refs=[("ชย 0023.6/1475", PROV[1])]), name="b.txt")
    assert list(db.query("SELECT COUNT(*) AS n FROM letters WHERE placeholder = 1"))[0]["n"] == 2
    ingest_letters(db, letter(*PROV, subject=SUBJECT), name="prov.txt")
    assert db["letters"].count == 3  # two district letters and the province letter
    refs = list(db.query("SELECT DISTINCT dst FROM edges WHERE kind = 'reference'"))
    assert [r["dst"] for r in refs] == [_id(db, PROV[0])]


def test_letters_of_one_bundle_are_never_merged_with_each_other(db):
    a = letter("ชย 0023.14/1709", "2025-06-16", subject="ขอเชิญประชุม")
    b = letter("ชย 0023.14/1709", "2025-06-16", subject="ขอเชิญประชุม")
    out = ingest_letters(db, a, b, name="twice.txt")
    assert out.new == 2


def test_forwarding_prefers_the_nearest_enclosed_copy(db):
    # The district encloses both the province letter and the department letter
    # the province letter encloses: it forwards the province letter.
    dept = letter(*DEPT, subject=SUBJECT)
    prov = letter(*PROV, subject=SUBJECT, copies=[DEPT])
    dist = letter(*DIST, subject=SUBJECT, copies=[PROV, DEPT])
    ingest_letters(db, dist, prov, dept, name="bundle.txt")
    assert graph.parent_of(db, _id(db, DIST[0])) == _id(db, PROV[0])
    assert _chain(db, DIST[0]) == [DEPT[0], PROV[0], DIST[0]]


def test_reference_on_the_same_subject_is_forwarded_when_nothing_is_enclosed(db):
    ingest_letters(db, letter(*PROV, subject=SUBJECT), name="prov.txt")
    ingest_letters(db, letter(*DIST, subject=SUBJECT, refs=[PROV]), name="dist.txt")
    assert _chain(db, DIST[0]) == [PROV[0], DIST[0]]
    ingest_letters(db, letter("ชย 0023.14/9", "2025-06-20", subject="ขอเชิญประชุมประจำเดือน",
                              refs=[PROV]), name="other.txt")
    assert _chain(db, "ชย 0023.14/9") == ["ชย 0023.14/9"]  # a reference alone is not forwarding


def test_cycles_do_not_hang_the_chain(db):
    a = letter("ชย 0023.14/1", "2025-06-16", subject=SUBJECT, copies=[("ชย 0023.14/2", "2025-06-16")])
    b = letter("ชย 0023.14/2", "2025-06-16", subject=SUBJECT, copies=[("ชย 0023.14/1", "2025-06-16")])
    ingest_letters(db, a, name="a.txt")
    ingest_letters(db, b, name="b.txt")
    assert len(_chain(db, "ชย 0023.14/1")) == 2
    assert len(graph.descendants(db, [_id(db, "ชย 0023.14/1")])) == 2
