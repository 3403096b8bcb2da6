"""Queries: pending per LAO, chain trees, show, letters, Thai full-text search."""

import datetime as dt

import pytest

from docintake.errors import NotFoundError, UsageError
from docintake.registry import queries, render, store
from docintake.registry.testing import ingest_letters, letter, load_directory

SUBJECT = "การขับเคลื่อนนโยบาย ๑ อปท. ๑ อัตลักษณ์ท้องถิ่น"
DISTRICT = "ที่ว่าการอำเภอเมืองเพ็ญ"
AS_OF = dt.date(2025, 6, 15)


@pytest.fixture
def db():
    db = store.open_db(":memory:")
    load_directory(db)
    return db


def _to_ban_mai(db, run, date, deadline, subject="ขอให้รายงานข้อมูล"):
    ingest_letters(db, letter(f"ชย 0023.14/{run}", date, deadline=deadline, issuer=DISTRICT,
                              to="นายก อบต. บ้านใหม่", subject=subject), name=f"{run}.txt")


def test_pending_soonest_first_overdue_flagged_no_deadline_last(db):
    _to_ban_mai(db, 1, "2025-06-01", "2025-07-10")
    _to_ban_mai(db, 2, "2025-06-02", "2025-06-20")
    _to_ban_mai(db, 3, "2025-06-03", None)
    _to_ban_mai(db, 4, "2025-05-20", "2025-06-01")
    ingest_letters(db, letter("ชย 0023.14/5", "2025-06-01", deadline="2025-06-02", issuer=DISTRICT,
                              to="นายก อบต. โนนสูง"), name="5.txt")  # another LAO's
    items = queries.pending(db, queries.find_org(db, "อบต.บ้านใหม่ อำเภอเมืองเพ็ญ"), AS_OF)
    assert [i.doc_no for i in items] == ["ชย 0023.14/4", "ชย 0023.14/2", "ชย 0023.14/1", "ชย 0023.14/3"]
    assert [i.overdue for i in items] == [True, False, False, False]
    assert [i.days_left for i in items] == [-14, 5, 25, None]
    assert "no_deadline" in items[3].flags


def test_done_tasks_leave_pending(db):
    _to_ban_mai(db, 1, "2025-06-01", "2025-07-10")
    db.conn.execute("UPDATE tasks SET status = 'done'")
    assert queries.pending(db, queries.find_org(db, "อบต.บ้านใหม่ อำเภอเมืองเพ็ญ"), AS_OF) == []


def test_pending_json_items_carry_the_chain(db):
    ingest_letters(db, letter("ชย 0023.14/1709", "2025-06-16", issuer=DISTRICT, subject=SUBJECT,
                              to="นายก อบต. ทุกแห่ง", deadline="2025-06-11",
                              copies=[("ชย 0023.6/1478", "2025-05-28")]), name="d.txt")
    item = queries.pending(db, queries.find_org(db, "องค์การบริหารส่วนตำบลโนนสูง"), AS_OF)[0]
    data = item.model_dump(mode="json")
    assert {"doc_no", "date", "subject", "issuer", "deadline", "overdue", "chain"} <= set(data)
    assert data["chain"] == ["ชย 0023.6/1478", "ชย 0023.14/1709"]  # root (not received yet) -> down
    assert data["deadline"] == "2025-06-11" and data["date"] == "2025-06-16"
    assert "overdue_on_arrival" in data["flags"]


@pytest.mark.parametrize("name", ["อบต.บ้านใหม่", "นายก อบต. บ้านใหม่", "องค์การบริหารส่วนตำบลบ้านใหม่"],
                         ids=["short", "as-addressed", "full"])
def test_same_name_in_two_districts_asks_for_the_district(db, name):
    with pytest.raises(UsageError, match="อำเภอเมืองเพ็ญ.*อำเภอบ้านเขว้า|อำเภอบ้านเขว้า.*อำเภอเมืองเพ็ญ"):
        queries.find_org(db, name)


@pytest.mark.parametrize("name,district", [
    ("อบต.บ้านใหม่ อำเภอเมืองเพ็ญ", "เมืองเพ็ญ"),
    ("อบต.บ้านใหม่ (อ.บ้านเขว้า)", "บ้านเขว้า"),
], ids=["full-district-word", "abbreviated-in-brackets"])
def test_district_qualifier_picks_one(db, name, district):
    assert queries.find_org(db, name).district == district


def test_find_org_exact_alias_and_errors(db):
    assert queries.find_org(db, "ทต.เมืองเพ็ญ").name == "เทศบาลตำบลเมืองเพ็ญ"
    assert queries.find_org(db, "อบต.หนองไผ่ใหญ่").name == "องค์การบริหารส่วนตำบลหนองไผ่"  # alias
    assert queries.find_org(db, "องค์การบริหารส่วนตำบลโนนสุง").name.endswith("โนนสูง")  # typo
    with pytest.raises(NotFoundError):
        queries.find_org(db, "เทศบาลนครขอนแก่น")
    with pytest.raises(NotFoundError, match="orgs load"):
        queries.find_org(store.open_db(":memory:"), "อบต.บ้านใหม่")


def _chain_registry(db):
    dept = ("มท 0810.6/ว 2069", "2025-05-14")
    prov = ("ชย 0023.6/1478", "2025-05-28")
    ingest_letters(db, letter(*dept, subject=SUBJECT, deadline="2025-05-30",
                              issuer="กรมส่งเสริมการปกครองท้องถิ่น"), name="dept.txt")
    ingest_letters(db, letter(*prov, subject=SUBJECT, copies=[dept], deadline="2025-05-30"), name="prov.txt")
    for run, day in (("1709", "2025-06-16"), ("1710", "2025-06-17")):
        ingest_letters(db, letter(f"ชย 0023.14/{run}", day, subject=SUBJECT, issuer=DISTRICT, copies=[prov],
                                  to="นายก อบต. ทุกแห่ง", deadline="2025-06-11"), name=f"{run}.txt")


def test_chain_tree_from_root_down(db):
    _chain_registry(db)
    root = queries.chain(db, "ชย ๐๐๒๓.๖/๑๔๗๘")  # typed with Thai digits
    assert root.doc_no == "มท 0810.6/ว 2069" and root.deadlines == [dt.date(2025, 5, 30)]
    prov = root.children[0]
    assert prov.focus and prov.link.startswith("encloses a copy")
    assert [c.doc_no for c in prov.children] == ["ชย 0023.14/1709", "ชย 0023.14/1710"]
    assert set(prov.children[0].routed) == {"อบต.บ้านใหม่", "อบต.โนนสูง", "อบต.หนองไผ่"}
    text = render.chain_text(root)
    assert "๑๖ มิ.ย. ๒๕๖๘" in text and "└── " in text and "<==" in text
    assert "16 มิ.ย. 2568" in render.chain_text(root, arabic=True)


def test_chain_from_a_leaf_shows_only_its_own_path(db):
    _chain_registry(db)
    root = queries.chain(db, "ชย 0023.14/1709")
    assert [root.doc_no, root.children[0].doc_no, root.children[0].children[0].doc_no] == [
        "มท 0810.6/ว 2069", "ชย 0023.6/1478", "ชย 0023.14/1709"]
    assert len(root.children[0].children) == 1  # the sibling district letter is not on this path


def test_unknown_doc_no_suggests_close_ones(db):
    _chain_registry(db)
    with pytest.raises(NotFoundError, match="Did you mean ชย 0023.6/1478"):
        queries.chain(db, "ชย 0023.6/1479")


def test_show_and_letters(db):
    _chain_registry(db)
    view = queries.show(db, "ชย 0023.14/1709")
    assert view.chain == ["มท 0810.6/ว 2069", "ชย 0023.6/1478", "ชย 0023.14/1709"]
    assert {e["kind"] for e in view.edges_out} == {"encloses", "forwards"}
    assert len(view.tasks) == 3 and view.sightings[0]["role"] == "original"
    assert "สายหนังสือ" in render.show_text(view)
    rows = queries.letters(db)
    assert [r.doc_no for r in rows][:2] == ["มท 0810.6/ว 2069", "ชย 0023.6/1478"]  # oldest first


def test_show_lists_what_ocr_changed_on_the_letters_pages(db):
    # A digit our reader put in place of Tesseract's, and a tone mark put back,
    # on the page the letter was read from: the clerk sees both, with the reason.
    from docintake.models import OcrResult, PageText, ParseResult, TextRepair, Word
    from docintake.registry import ingest
    from docintake.registry.testing import ACTOR

    fixed = Word(text="๒๐๖๙", box=(10, 10, 60, 20), conf=91.0, corrected_from="๒๐๖๓",
                 reason="digit classifier p=0.998")
    as_read = Word(text="ที่", box=(0, 10, 8, 20), conf=95.0)
    page = PageText(index=0, text="ที่ มท ๐๘๑๐.๖/ว ๒๐๖๙", words=[as_read, fixed],
                    repairs=[TextRepair(before="ทองถิน", after="ท้องถิ่น", reason="tone marks put back")])
    parsed = ParseResult(file="scan.pdf", pages=1, letters=[letter("มท 0810.6/ว 2069", "2025-05-14")])
    ingest.store_parsed(db, path="scan.pdf", sha256="a" * 64, ocr=OcrResult(file="scan.pdf", pages=[page]),
                        parsed=parsed, actor=ACTOR)
    view = queries.show(db, "มท 0810.6/ว 2069")
    assert [(c.page, c.before, c.after, c.reason) for c in view.ocr_changes] == [
        (1, "๒๐๖๓", "๒๐๖๙", "digit classifier p=0.998"), (1, "ทองถิน", "ท้องถิ่น", "tone marks put back")]
    assert "'๒๐๖๓' -> '๒๐๖๙' (digit classifier p=0.998)" in render.show_text(view)


@pytest.mark.parametrize("text,expected", [
    ("อัตลักษณ์", 4),
    ("อัตลักษณ์ 1710", 1),
    ("ชย 0023.14/1709", 1),
    ("ไม่มีคำนี้", 0),
    ("ชย", 3),  # two characters: the LIKE fallback
], ids=["thai-word", "two-terms", "doc-no", "absent", "short-fallback"])
def test_search(db, text, expected):
    _chain_registry(db)
    assert len(queries.search(db, text)) == expected
