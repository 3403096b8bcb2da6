"""Task lifecycle: done, reopen, audited with who and when, untouched by re-ingest."""

import datetime as dt
import json

import pytest

from docintake.errors import NotFoundError
from docintake.registry import lifecycle, store
from docintake.registry.testing import ingest_letters, letter, load_directory

DISTRICT = "ที่ว่าการอำเภอเมืองเพ็ญ"
CLERK = store.Actor(user="somchai", now=dt.datetime(2025, 7, 2, 10, 30))
LATER = store.Actor(user="malee", now=dt.datetime(2025, 7, 3, 8, 0))


def _letter(**fields):
    return letter("ชย 0023.14/5", "2025-06-16", deadline="2025-06-30", issuer=DISTRICT,
                  to="นายกองค์การบริหารส่วนตำบลโนนสูง", subject="ขอให้รายงานข้อมูล", **fields)


@pytest.fixture
def db():
    db = store.open_db(":memory:")
    load_directory(db)
    ingest_letters(db, _letter(), name="a.txt")
    return db


@pytest.fixture
def task_id(db):
    (row,) = db.query("SELECT id FROM tasks")
    return row["id"]


def _audit(db):
    return [(r["action"], r["user"], r["time"], json.loads(r["details"]))
            for r in db.query("SELECT * FROM audit WHERE action LIKE 'task_%' ORDER BY id")]


def test_done_then_reopen_is_audited_with_user_and_time(db, task_id):
    state = lifecycle.done(db, task_id, CLERK, note="ส่งรายงานแล้ว ตามหนังสือ ที่ ชย 73601/489")
    assert (state.status, state.done_at, state.lao) == ("done", "2025-07-02T10:30:00", "อบต.โนนสูง")
    assert state.note == "ส่งรายงานแล้ว ตามหนังสือ ที่ ชย 73601/489" and state.changed
    state = lifecycle.reopen(db, task_id, LATER)
    assert (state.status, state.done_at) == ("open", None)
    assert state.note == "ส่งรายงานแล้ว ตามหนังสือ ที่ ชย 73601/489"  # the history is in the audit
    assert [(a, u, t, d["from"], d["to"]) for a, u, t, d in _audit(db)] == [
        ("task_done", "somchai", "2025-07-02T10:30:00", "open", "done"),
        ("task_reopen", "malee", "2025-07-03T08:00:00", "done", "open"),
    ]
    assert _audit(db)[0][3]["doc_no"] == "ชย 0023.14/5"


@pytest.mark.parametrize("action,start", [("done", "done"), ("reopen", "open")], ids=["done-twice", "reopen-open"])
def test_same_status_again_writes_nothing(db, task_id, action, start):
    if start == "done":
        lifecycle.done(db, task_id, CLERK)
    before = len(_audit(db))
    state = getattr(lifecycle, action)(db, task_id, LATER)
    assert state.status == start and not state.changed
    assert len(_audit(db)) == before


def test_a_note_on_a_done_task_is_kept_and_audited(db, task_id):
    lifecycle.done(db, task_id, CLERK)
    state = lifecycle.done(db, task_id, LATER, note="แนบหลักฐานการส่ง")
    assert state.changed and state.note == "แนบหลักฐานการส่ง"
    assert state.done_at == "2025-07-03T08:00:00"
    assert [d["note"] for _, _, _, d in _audit(db)] == [None, "แนบหลักฐานการส่ง"]


def test_unknown_task_is_not_found(db):
    with pytest.raises(NotFoundError, match="pending --lao"):
        lifecycle.done(db, 999, CLERK)


def test_reingest_keeps_a_done_task_done(db, task_id):
    lifecycle.done(db, task_id, CLERK)
    ingest_letters(db, _letter(confidence={"subject": 1.0}), name="a-rescan.txt")
    (row,) = db.query("SELECT id, status, done_at FROM tasks")
    assert (row["id"], row["status"], row["done_at"]) == (task_id, "done", "2025-07-02T10:30:00")
