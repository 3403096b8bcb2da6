"""The registry database: migrations, one transaction per file, idempotent ingest."""

import sqlite3

import pytest

from docintake.errors import DatabaseError
from docintake.registry import graph, ingest, store
from docintake.registry.testing import ACTOR, ingest_letters, letter, load_directory

TABLES = ("files", "pages", "letters", "sightings", "edges", "routings", "tasks", "audit")


def counts(db):
    return {t: db[t].count for t in TABLES}


@pytest.fixture
def db(tmp_path):
    return store.open_db(tmp_path / "reg.db")


def test_migrations_are_recorded_and_safe_to_rerun(db, tmp_path):
    assert [r["id"] for r in db.query("SELECT id FROM migrations")] == [1, 2, 3, 4, 5]
    schema = db.conn.execute("SELECT group_concat(sql) FROM sqlite_master").fetchone()
    assert store.ensure_db_shape(db) == []  # nothing left to apply
    again = store.open_db(tmp_path / "reg.db")
    assert again.conn.execute("SELECT group_concat(sql) FROM sqlite_master").fetchone() == schema


def test_half_applied_migration_is_completed(tmp_path):
    # A crash after the tables were made but before the migration was recorded.
    db = store.open_db(tmp_path / "reg.db")
    db.conn.execute("DELETE FROM migrations")
    db.conn.commit()
    assert store.ensure_db_shape(db) == [1, 2, 3, 4, 5]
    assert db["letters_fts"].exists()


def test_registry_from_before_page_repairs_is_upgraded(tmp_path):
    # A registry written before migration 5: its pages have no repairs column.
    db = store.open_db(tmp_path / "reg.db")
    db.conn.execute("ALTER TABLE pages DROP COLUMN repairs")
    db.conn.execute("DELETE FROM migrations WHERE id = 5")
    db.conn.execute("INSERT INTO files (sha256, path, status, ingested_at) VALUES ('x', 'old.pdf', 'done', 'now')")
    db.conn.execute("INSERT INTO pages (file_id, idx, text, path) VALUES (1, 0, 'ข้อความ', 'ocr')")
    again = store.open_db(tmp_path / "reg.db")
    assert [dict(r) for r in again.query("SELECT text, repairs FROM pages")] == [{"text": "ข้อความ", "repairs": "[]"}]
    assert store.ensure_db_shape(again) == []


def test_wal_and_busy_timeout(db):
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA busy_timeout").fetchone()[0] == store.BUSY_TIMEOUT_MS


def test_not_a_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("this is not sqlite " * 100)
    with pytest.raises(DatabaseError, match="--db"):
        store.open_db(bad)


def test_same_file_twice_changes_nothing(db):
    load_directory(db)
    district = letter("ชย 0023.14/1709", "2025-06-16", issuer="ที่ว่าการอำเภอเมืองเพ็ญ",
                      to="นายก อบต. ทุกแห่ง", refs=[("ชย 0023.6/1", "2025-05-01")])
    first = ingest_letters(db, district, name="a.txt")
    before = counts(db)
    second = ingest_letters(db, district, name="a.txt")
    assert (first.status, second.status) == ("stored", "duplicate")
    assert counts(db) == before


def test_crash_mid_store_leaves_nothing(db, monkeypatch):
    load_directory(db)
    before = counts(db)

    def boom(*args, **kwargs):
        raise RuntimeError("power cut")

    # Letters, sightings and edges are written by the time chains are derived.
    monkeypatch.setattr(graph, "derive_forwards", boom)
    one = letter("ชย 0023.14/1709", "2025-06-16", to="นายก อบต. ทุกแห่ง",
                 copies=[("ชย 0023.6/5", "2025-05-27")])
    with pytest.raises(RuntimeError):
        ingest_letters(db, one, name="a.txt")
    assert counts(db) == before
    monkeypatch.undo()
    assert ingest_letters(db, one, name="a.txt").status == "stored"  # and it can be stored afterwards
    assert db["letters"].count == 2  # the letter and its enclosure's placeholder


def test_failed_file_is_recorded_then_retried(db):
    out = ingest.record_failure(db, path="x.pdf", sha256="f" * 64, error="input_file: truncated", actor=ACTOR)
    assert out.status == "failed"
    assert store.file_by_sha(db, "f" * 64)["status"] == "failed"
    from docintake.models import OcrResult, ParseResult

    stored = ingest.store_parsed(db, path="x.pdf", sha256="f" * 64, ocr=OcrResult(file="x.pdf", pages=[]),
                                 parsed=ParseResult(file="x.pdf", pages=0), actor=ACTOR)
    assert stored.status == "stored" and db["files"].count == 1


def test_audit_names_user_and_time(db):
    ingest_letters(db, letter("ชย 0023.14/1", "2025-06-16"), name="a.txt")
    row = list(db.query("SELECT * FROM audit WHERE action = 'ingest'"))[0]
    assert (row["user"], row["time"]) == ("tester", "2025-07-01T09:00:00")


def test_relocate_file(db):
    out = ingest_letters(db, letter("ชย 0023.14/1", "2025-06-16"), name="a.txt")
    store.relocate_file(db, out.sha256, "processed/2025-07/a.txt")
    assert store.file_by_sha(db, out.sha256)["path"] == "processed/2025-07/a.txt"


def test_two_connections_write_in_turn(tmp_path):
    # A watcher and an ingest on one registry: the second writer waits, nothing is lost.
    a, b = store.open_db(tmp_path / "r.db"), store.open_db(tmp_path / "r.db")
    ingest_letters(a, letter("ชย 0023.14/1", "2025-06-16"), name="a.txt")
    ingest_letters(b, letter("ชย 0023.14/2", "2025-06-17"), name="b.txt")
    assert a["letters"].count == 2
    with pytest.raises(sqlite3.OperationalError):
        b.conn.execute("PRAGMA busy_timeout = 1")
        with store.transaction(a):
            with store.transaction(b):
                pass


def test_a_write_outside_transaction_is_committed(tmp_path):
    """Autocommit: a save_* call made without transaction() must not leave an open
    implicit transaction that later writes nest into and never commit."""
    from docintake.registry import store as registry_store
    from docintake.registry.orgs import Organisation, save_orgs

    path = tmp_path / "r.db"
    db = registry_store.open_db(path)
    save_orgs(db, [Organisation(name="องค์การบริหารส่วนตำบลหนองไผ่", type="sao", district="เมืองชัยภูมิ", province="ชัยภูมิ")])
    assert not db.conn.in_transaction
    assert registry_store.open_db(path)["organisations"].count == 1


def test_directory_keeps_its_names_when_an_office_is_learned(db):
    load_directory(db)
    first = ingest.directory_of(db)
    with store.transaction(db):
        db["doc_offices"].insert({"office": "ชย 0023.99", "district": "เมืองชัยภูมิ", "province": "ชัยภูมิ",
                                  "source": "test", "confidence": 0.9})
    again = ingest.directory_of(db)
    assert again is first  # the names are not indexed again for one office
    assert again.offices["ชย 0023.99"] == ("เมืองชัยภูมิ", "ชัยภูมิ")
    load_directory(db, "name,type,district,province,aliases\nองค์การบริหารส่วนตำบลทดสอบ,sao,เมืองชัยภูมิ,ชัยภูมิ,\n")
    rebuilt = ingest.directory_of(db)
    assert rebuilt is not first and "ชย 0023.99" in rebuilt.offices
    assert any(e.org.name == "องค์การบริหารส่วนตำบลทดสอบ" for e in rebuilt.entries)


def _stamps(db, table):
    return dict(db.conn.execute(f"SELECT id, updated_at FROM {table}").fetchall())


LATER = store.Actor(user="tester", now=ACTOR.now.replace(day=20))
DISTRICT = dict(issuer="ที่ว่าการอำเภอเมืองเพ็ญ", to="นายกองค์การบริหารส่วนตำบล ทุกแห่ง",
                subject="การสำรวจข้อมูล", directives=["ให้รายงานผล"])


def test_a_sighting_that_changes_nothing_leaves_letter_and_tasks_untouched(db):
    load_directory(db)
    first = letter("ชย 0023.14/1709", "2025-06-16", deadline="2025-06-30", **DISTRICT)
    ingest_letters(db, first, name="a.pdf")
    letters, tasks = _stamps(db, "letters"), _stamps(db, "tasks")
    assert tasks  # routed to the district's SAOs
    ingest_letters(db, first, name="b.pdf", actor=LATER)  # the same letter, read alike, in another file
    assert _stamps(db, "letters") == letters and _stamps(db, "tasks") == tasks
    assert db["sightings"].count == 2


def test_a_sighting_that_changes_a_value_stamps_letter_and_tasks(db):
    load_directory(db)
    ingest_letters(db, letter("ชย 0023.14/1709", "2025-06-16", **DISTRICT), name="a.pdf")
    # a second file reads the deadline the first one lost
    ingest_letters(db, letter("ชย 0023.14/1709", "2025-06-16", deadline="2025-06-30", **DISTRICT),
                   name="b.pdf", actor=LATER)
    assert set(_stamps(db, "letters").values()) == {LATER.stamp}
    assert set(_stamps(db, "tasks").values()) == {LATER.stamp}
    assert {r["deadline"] for r in db.query("SELECT deadline FROM tasks")} == {"2025-06-30"}
