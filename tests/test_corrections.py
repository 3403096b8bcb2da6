"""A clerk's corrections: they beat OCR, survive re-ingest, re-resolve chains and tasks, are audited."""

import datetime as dt
import json

import pytest

from docintake.errors import NotFoundError, UsageError
from docintake.models import Letter, ParseWarning
from docintake.registry import graph, store
from docintake.registry.corrections import clean_value, fix, resolve_letter
from docintake.registry.merge import apply_corrections
from docintake.registry.testing import ACTOR, ingest_letters, letter, load_directory

SUBJECT = "การขับเคลื่อนนโยบาย ๑ อปท. ๑ อัตลักษณ์ท้องถิ่น"
DISTRICT = "ที่ว่าการอำเภอเมืองเพ็ญ"
PROV = ("ชย 0023.6/1478", "2025-05-28")
MISREAD = "ชย 0023.6/1020"  # so far from 1478 that identity cannot match it
CLERK = store.Actor(user="somchai", now=dt.datetime(2025, 7, 2, 10, 30))


@pytest.fixture
def db():
    db = store.open_db(":memory:")
    load_directory(db)
    return db


def _id(db, doc_no):
    rows = list(db.query("SELECT id FROM letters WHERE doc_no = ?", [doc_no]))
    assert len(rows) == 1, f"{doc_no}: {len(rows)} rows"
    return rows[0]["id"]


def _district(date="2025-06-16", **fields):
    base = dict(subject=SUBJECT, issuer=DISTRICT, to="นายก อบต. ทุกแห่ง", deadline="2025-06-30",
                copies=[PROV])
    return letter("ชย 0023.14/1709", date, **(base | fields))


def _province(doc_no=PROV[0], **fields):
    return letter(doc_no, PROV[1], **(dict(subject=SUBJECT, deadline="2025-06-20") | fields))


def _audit(db, action):
    return [dict(r) | {"details": json.loads(r["details"])}
            for r in db.query("SELECT * FROM audit WHERE action = ? ORDER BY id", [action])]


# ------------------------------------------------------------ clerk input


@pytest.mark.parametrize("field,raw,expected", [
    ("date", "2025-06-16", "2025-06-16"),
    ("date", "2568-06-16", "2025-06-16"),  # clerks think in Buddhist years
    ("deadline", "๒๕๖๘-๐๖-๓๐", "2025-06-30"),
    ("doc_no", "ชย๐๐๒๓.๑๔/๑๗๐๙", "ชย 0023.14/1709"),
    ("doc_no", "มท 0810.6/ว2069", "มท 0810.6/ว 2069"),
    ("urgency", "ด่วนที่สุด", "ด่วนที่สุด"),
    ("urgency", "-", None),
    ("deadline", "-", None),
    ("subject", "  ขอเชิญ   ประชุม ", "ขอเชิญ ประชุม"),
], ids=["iso", "buddhist-year", "thai-digits", "doc-no-thai", "circular", "urgency", "clear-urgency",
        "clear-deadline", "spaces"])
def test_clean_value(field, raw, expected):
    assert clean_value(field, raw) == expected


@pytest.mark.parametrize("field,raw,message", [
    ("date", "16/06/2568", "YYYY-MM-DD"),
    ("deadline", "2025-02-30", "YYYY-MM-DD"),
    ("doc_no", "แบบรายงาน", "as printed"),
    ("urgency", "ด่วนนิดหน่อย", "ด่วนมาก"),
    ("kind", "memo", "cannot be corrected"),
], ids=["slashes", "no-such-day", "not-a-number", "unknown-urgency", "not-correctable"])
def test_clean_value_rejects_with_a_hint(field, raw, message):
    with pytest.raises(UsageError, match=message):
        clean_value(field, raw)


def test_apply_corrections_is_certain_and_drops_the_fields_warnings():
    read = Letter(doc_no="ชย 0023.14/1209", date=dt.date(2025, 6, 10), confidence={"doc_no": 0.4, "date": 0.5},
                  warnings=[ParseWarning(code="unreadable", field="doc_no", message="x"),
                            ParseWarning(code="weekday_mismatch", field="deadlines[0]", message="y"),
                            ParseWarning(code="unreadable", field="receipt.date", message="z")])
    fixed = apply_corrections(read, {"doc_no": "มท 0810.6/ว 2069", "deadline": "2025-06-30", "unknown": 1})
    assert (fixed.doc_no, fixed.kind, fixed.date) == ("มท 0810.6/ว 2069", "circular", dt.date(2025, 6, 10))
    assert fixed.confidence == {"doc_no": 1.0, "date": 0.5, "deadlines": 1.0}
    assert [w.field for w in fixed.warnings] == ["receipt.date"]
    assert [(d.date, d.text) for d in fixed.deadlines] == [(dt.date(2025, 6, 30), "กำหนดส่งตามที่เจ้าหน้าที่แก้ไข")]


def test_corrected_deadline_keeps_the_sentence_it_was_read_from():
    read = letter("ชย 0023.14/1", "2025-06-16", deadline="2025-06-03")
    fixed = apply_corrections(read, {"deadline": "2025-06-30"})
    assert [(d.date.isoformat(), d.text) for d in fixed.deadlines] == [("2025-06-30", read.deadlines[0].text)]


# -------------------------------------------------------------- fixing


def test_fix_is_stored_audited_and_overrides_ocr(db):
    ingest_letters(db, _district(date="2025-06-10"), name="d.txt")  # date misread
    letter_id = _id(db, "ชย 0023.14/1709")
    result = fix(db, letter_id, {"date": "2025-06-16", "urgency": "ด่วนที่สุด"}, CLERK, note="ตรวจกับต้นฉบับ")
    assert [(c.field, c.old, c.new) for c in result.changes] == [
        ("date", "2025-06-10", "2025-06-16"), ("urgency", None, "ด่วนที่สุด")]
    row = store.letter_row(db, letter_id)
    assert (row["date"], row["urgency"]) == ("2025-06-16", "ด่วนที่สุด")
    saved = list(db.query("SELECT field, value, old_value, user, note FROM corrections ORDER BY id"))
    assert saved[0] == {"field": "date", "value": '"2025-06-16"', "old_value": '"2025-06-10"',
                        "user": "somchai", "note": "ตรวจกับต้นฉบับ"}
    (audit,) = _audit(db, "fix")
    assert audit["user"] == "somchai" and audit["time"] == "2025-07-02T10:30:00"
    assert audit["details"]["changes"][0] == {"field": "date", "old": "2025-06-10", "new": "2025-06-16"}


@pytest.mark.parametrize("again", ["same-reading", "better-reading", "enclosed-copy"])
def test_fix_survives_reingest(db, again):
    ingest_letters(db, _district(date="2025-06-10"), name="d.txt")
    letter_id = _id(db, "ชย 0023.14/1709")
    fix(db, letter_id, {"date": "2025-06-16", "subject": "เรื่องที่เจ้าหน้าที่แก้"}, CLERK)
    if again == "same-reading":  # the same scan again, saved under another name
        ingest_letters(db, _district(date="2025-06-10"), name="d-copy.txt")
    elif again == "better-reading":  # a confident reading that disagrees with the clerk
        ingest_letters(db, _district(date="2025-06-15", confidence={"date": 1.0, "subject": 1.0}), name="d2.txt")
    else:  # a later letter encloses a copy of it
        ingest_letters(db, letter("ชย 0023.14/1800", "2025-06-20", copies=[("ชย 0023.14/1709", "2025-06-10")]),
                       name="later.txt")
    row = store.letter_row(db, letter_id)
    assert (row["date"], row["subject"]) == ("2025-06-16", "เรื่องที่เจ้าหน้าที่แก้")
    assert len(list(db.query("SELECT id FROM letters WHERE doc_no = 'ชย 0023.14/1709'"))) == 1


def test_corrected_number_fills_the_placeholder_and_the_chain(db):
    ingest_letters(db, _district(), name="d.txt")  # encloses PROV: a placeholder so far
    ingest_letters(db, _province(MISREAD), name="p.txt")  # PROV arrives, its number misread
    placeholder = _id(db, PROV[0])
    misread = _id(db, MISREAD)
    dist = _id(db, "ชย 0023.14/1709")
    assert graph.chain_doc_nos(db, dist) == [PROV[0], "ชย 0023.14/1709"]  # through the placeholder
    result = fix(db, misread, {"doc_no": PROV[0]}, CLERK)
    assert result.filled == [PROV[0]] and result.letter_id == misread
    assert not list(db.query("SELECT id FROM letters WHERE id = ?", [placeholder]))  # folded in
    assert graph.parent_of(db, dist) == misread
    task = next(db.query("SELECT upstream, deadline FROM tasks WHERE letter_id = ? LIMIT 1", [dist]))
    upstream = json.loads(task["upstream"])
    assert [(u["doc_no"], u["deadline"], u["placeholder"]) for u in upstream] == [(PROV[0], "2025-06-20", False)]


def test_rescan_misread_the_same_way_is_the_corrected_letter(db):
    ingest_letters(db, _province(MISREAD), name="p.txt")
    letter_id = _id(db, MISREAD)
    fix(db, letter_id, {"doc_no": PROV[0]}, CLERK)
    ingest_letters(db, _province(MISREAD), name="p-again.txt")
    assert db["letters"].count == 1
    assert store.letter_row(db, letter_id)["doc_no"] == PROV[0]
    reasons = [s["match_reason"] for s in store.sightings_of(db, letter_id)]
    assert reasons[1].startswith("reads like this letter before a clerk corrected it")


def test_corrected_placeholder_number_joins_the_received_letter(db):
    ingest_letters(db, _province(), name="p.txt")
    ingest_letters(db, _district(copies=[(MISREAD, PROV[1])]), name="d.txt")  # names PROV misread
    placeholder = _id(db, MISREAD)
    prov = _id(db, PROV[0])
    result = fix(db, placeholder, {"doc_no": PROV[0]}, CLERK)
    assert result.letter_id == prov and db["letters"].count == 2
    assert graph.chain_doc_nos(db, _id(db, "ชย 0023.14/1709")) == [PROV[0], "ชย 0023.14/1709"]


def test_two_received_letters_with_one_number_are_only_linked(db):
    ingest_letters(db, _province(), name="p.txt")
    ingest_letters(db, _province(MISREAD, deadline="2025-06-25"), name="q.txt")
    result = fix(db, _id(db, MISREAD), {"doc_no": PROV[0]}, CLERK)
    assert result.same_number == [PROV[0]] and db["letters"].count == 2
    edge = next(db.query("SELECT status FROM edges WHERE kind = 'same_as'"))
    assert edge["status"] == "possible"


def test_corrected_deadline_and_addressee_rebuild_tasks_keeping_done(db):
    ingest_letters(db, letter("ชย 0023.14/5", "2025-06-16", deadline="2025-06-03", issuer=DISTRICT,
                              to="นายกองค์การบริหารส่วนตำบลโนนสูง"), name="a.txt")
    letter_id = _id(db, "ชย 0023.14/5")
    (task,) = db.query("SELECT id, deadline, flags FROM tasks WHERE letter_id = ?", [letter_id])
    assert "overdue_on_arrival" in json.loads(task["flags"])
    db.conn.execute("UPDATE tasks SET status = 'done' WHERE id = ?", (task["id"],))
    fix(db, letter_id, {"deadline": "2025-06-30"}, CLERK)
    (after,) = db.query("SELECT id, deadline, flags, status FROM tasks WHERE letter_id = ?", [letter_id])
    assert (after["id"], after["deadline"], after["status"]) == (task["id"], "2025-06-30", "done")
    assert json.loads(after["flags"]) == []
    fix(db, letter_id, {"to": "นายกองค์การบริหารส่วนตำบลหนองไผ่"}, CLERK)
    orgs = {r["name"]: r["status"] for r in db.query(
        "SELECT o.name, t.status FROM tasks t JOIN organisations o ON o.id = t.org_id WHERE t.letter_id = ?",
        [letter_id])}
    assert orgs == {"องค์การบริหารส่วนตำบลโนนสูง": "done", "องค์การบริหารส่วนตำบลหนองไผ่": "open"}


def test_confirming_a_value_keeps_it_and_makes_it_certain(db):
    ingest_letters(db, _district(confidence={"doc_no": 0.3}), name="d.txt")
    letter_id = _id(db, "ชย 0023.14/1709")
    result = fix(db, letter_id, {"doc_no": "ชย 0023.14/1709"}, CLERK)
    assert result.changes[0].confirmed
    assert json.loads(store.letter_row(db, letter_id)["confidence"])["doc_no"] == 1.0


def test_a_fix_that_fails_leaves_nothing_behind(db, monkeypatch):
    ingest_letters(db, _district(), name="d.txt")
    letter_id = _id(db, "ชย 0023.14/1709")

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("docintake.registry.corrections.refresh_tasks", boom)
    with pytest.raises(RuntimeError):
        fix(db, letter_id, {"date": "2025-06-01"}, CLERK)
    assert store.letter_row(db, letter_id)["date"] == "2025-06-16"
    assert db["corrections"].count == 0 and not _audit(db, "fix")


@pytest.mark.parametrize("ref,found", [("ชย ๐๐๒๓.๑๔/๑๗๐๙", True), ("#1", True), ("#999", False),
                                       ("ชย 0023.14/9999", False)],
                         ids=["doc-no", "id", "no-id", "no-doc-no"])
def test_resolve_letter(db, ref, found):
    ingest_letters(db, _district(), name="d.txt")
    if found:
        assert resolve_letter(db, ref) == _id(db, "ชย 0023.14/1709") == 1
    else:
        with pytest.raises(NotFoundError):
            resolve_letter(db, ref)


def test_nothing_to_fix_is_a_usage_error(db):
    ingest_letters(db, _district(), name="d.txt")
    with pytest.raises(UsageError, match="say what to correct"):
        fix(db, 1, {}, ACTOR)


def test_corrected_placeholder_is_found_by_its_misread_number_and_filled_later(db):
    ingest_letters(db, _district(copies=[(MISREAD, PROV[1])]), name="d.txt")
    placeholder = _id(db, MISREAD)
    fix(db, placeholder, {"doc_no": PROV[0]}, CLERK)
    assert store.letter_row(db, placeholder)["placeholder"] == 1  # still only referenced
    ingest_letters(db, letter("ชย 0023.14/1710", "2025-06-17", refs=[(MISREAD, PROV[1])]), name="e.txt")
    assert db["letters"].count == 3  # the misread reference found the corrected placeholder
    out = ingest_letters(db, _province(), name="p.txt")
    assert out.filled == 1 and db["letters"].count == 3
    assert store.letter_row(db, placeholder)["placeholder"] == 0
