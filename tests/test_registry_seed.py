"""The one real bundle, ingested from its OCR text: department -> province -> district,
the district letter routed to the municipality and every SAO of the district, and its
task overdue on arrival (deadline 11 Jun 2568, letter dated 16 Jun 2568)."""

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

pytest.importorskip("docintake.parse", reason="the parser (issue 4) is not in this tree")

from docintake import pipeline  # noqa: E402
from docintake.config import Settings  # noqa: E402
from docintake.registry import graph, queries, store  # noqa: E402
from docintake.registry.testing import DIRECTORY_CSV, load_directory  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seed_bundle.txt"
SAMPLE_DIRECTORY = ROOT / "samples" / "directory.csv"
DISTRICT = "เมืองเพ็ญ"


def _directory_text() -> str:
    """samples/directory.csv when it covers the seed's district, else the tests' own."""
    if SAMPLE_DIRECTORY.exists():
        text = SAMPLE_DIRECTORY.read_text(encoding="utf-8-sig")
        if DISTRICT in text:
            return text
    return DIRECTORY_CSV


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    db = store.open_db(tmp_path_factory.mktemp("seed") / "reg.db")
    text = _directory_text()
    load_directory(db, text)
    outcome = pipeline.ingest_file(SEED, db, Settings(today=dt.date(2025, 7, 1)), text=True)
    return db, outcome, text


def _district_letter(db):
    rows = list(db.query("SELECT id FROM letters WHERE doc_no = 'ชย 0023.14/1709'"))
    assert rows, "the district letter's number was not read"
    return rows[0]["id"]


def test_three_letters_linked_department_province_district(seeded):
    db, outcome, _ = seeded
    assert outcome.status == "stored" and len(outcome.letters) == 3
    path = graph.ancestry(db, _district_letter(db))
    issuers = [store.letter_row(db, i)["issuer"] or "" for i in path]
    assert len(path) == 3
    assert "กรมส่งเสริมการปกครองท้องถิ่น" in issuers[0]  # the root directive
    assert issuers[2].startswith("ที่ว่าการอำเภอ")  # the letter to the LAOs
    sightings = {i: store.sightings_of(db, i)[0]["role"] for i in path}
    assert [sightings[i] for i in path] == ["enclosed_copy", "enclosed_copy", "original"]


def test_district_letter_routed_to_the_municipality_and_every_sao(seeded):
    db, _, text = seeded
    rows = list(csv.DictReader(io.StringIO(text)))
    saos = {r["name"] for r in rows if r["type"] == "sao" and r["district"].endswith(DISTRICT)}
    expected = saos | {"เทศบาลตำบลเมืองเพ็ญ"}
    routed = {r["name"] for r in db.query(
        "SELECT o.name FROM routings r JOIN organisations o ON o.id = r.org_id WHERE r.letter_id = ?",
        [_district_letter(db)])}
    assert routed == expected and len(saos) >= 2


def test_its_task_is_overdue_on_arrival(seeded):
    db, _, _ = seeded
    org = queries.find_org(db, "ทต.เมืองเพ็ญ")
    items = queries.pending(db, org, dt.date(2025, 6, 20))
    item = next(i for i in items if i.doc_no == "ชย 0023.14/1709")
    assert item.deadline == dt.date(2025, 6, 11) and item.date == dt.date(2025, 6, 16)
    assert "overdue_on_arrival" in item.flags and item.overdue
    assert len(item.chain) == 3


def test_seed_again_changes_nothing(seeded):
    db, _, _ = seeded
    before = {t: db[t].count for t in ("letters", "edges", "tasks", "audit")}
    again = pipeline.ingest_file(SEED, db, Settings(today=dt.date(2025, 7, 1)), text=True)
    assert again.status == "duplicate"
    assert {t: db[t].count for t in before} == before
