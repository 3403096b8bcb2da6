"""The clerk's commands end to end through ``docintake.cli.main``: files written, output, exit codes, audit."""

import csv
import io
import json

import pytest

from docintake.errors import ExitCode
from docintake.registry import store
from docintake.registry.testing import DIRECTORY_CSV, ingest_letters, letter, run_cli

DISTRICT = "ที่ว่าการอำเภอเมืองเพ็ญ"


run = run_cli  # (capsys, *args) -> (code, stdout, stderr)


@pytest.fixture
def reg(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LOGNAME", "somchai")  # getpass.getuser() reads it first: the "who" of the audit
    path = tmp_path / "reg.db"
    csv_file = tmp_path / "directory.csv"
    csv_file.write_text(DIRECTORY_CSV, encoding="utf-8")
    assert run(capsys, "orgs", "load", str(csv_file), "--db", str(path))[0] == 0
    db = store.open_db(path)
    ingest_letters(db, letter("ชย 0023.14/1709", "2025-06-16", deadline="2025-06-11", issuer=DISTRICT,
                              to="นายกองค์การบริหารส่วนตำบลโนนสูง", subject="ขอให้รายงาน",
                              confidence={"doc_no": 0.3}), name="d.txt")
    ingest_letters(db, letter("ชย 0023.14/2800", "2025-06-18", deadline="2025-07-30", issuer=DISTRICT,
                              to="นายกองค์การบริหารส่วนตำบลโนนสูง", subject="ขอเชิญประชุม"), name="e.txt")
    monkeypatch.setenv("DOCINTAKE_DB", str(path))
    return path


def _task(reg, doc_no):
    db = store.open_db(reg)
    return next(db.query("SELECT t.id FROM tasks t JOIN letters l ON l.id = t.letter_id WHERE l.doc_no = ?",
                         [doc_no]))["id"]


def _audit(reg, action):
    return [(r["user"], json.loads(r["details"])) for r in store.open_db(reg).query(
        "SELECT * FROM audit WHERE action = ? ORDER BY id", [action])]


# ------------------------------------------------------------------- export


@pytest.mark.parametrize("args,name,first", [
    (["export", "tasks", "--lao", "อบต.โนนสูง", "--as-of", "2025-06-20"], "t.csv", "ลำดับ,ที่,ลงวันที่"),
    (["export", "tasks", "--status", "all", "--arabic"], "t.csv", "ลำดับ,ที่,ลงวันที่"),
    (["export", "register"], "r.csv", "ลำดับ,เลขทะเบียนรับ,วันที่รับ"),
    (["export", "ics", "--lao", "อบต.โนนสูง"], "c.ics", "BEGIN:VCALENDAR"),
], ids=["tasks-lao", "tasks-all", "register", "ics"])
def test_exports_write_files(reg, capsys, tmp_path, args, name, first):
    out = tmp_path / "exports" / name
    code, stdout, _ = run(capsys, *args, "--out", str(out))
    assert code == 0 and str(out) in stdout
    data = out.read_bytes()
    text = data.decode("utf-8-sig")
    assert text.startswith(first)
    if name.endswith(".csv"):
        assert data.startswith(b"\xef\xbb\xbf")
        assert len(list(csv.reader(io.StringIO(text, newline="")))) == 3  # header + two letters


def test_task_csv_marks_overdue_as_of(reg, capsys, tmp_path):
    out = tmp_path / "t.csv"
    run(capsys, "export", "tasks", "--as-of", "2025-06-20", "--arabic", "--out", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert [(r["ที่"], r["สถานะ"]) for r in rows] == [("ชย 0023.14/1709", "เกินกำหนด"),
                                                      ("ชย 0023.14/2800", "รอดำเนินการ")]


@pytest.mark.parametrize("args,exit_code,message", [
    (["export", "tasks", "--lao", "อบต.ไม่มีจริง", "--out", "x.csv"], ExitCode.not_found, "no LAO named"),
    (["export", "tasks", "--status", "later", "--out", "x.csv"], ExitCode.usage, ""),
    (["export", "tasks", "--as-of", "20/06/2568", "--out", "x.csv"], ExitCode.usage, "YYYY-MM-DD"),
    (["export", "ics", "--out", "x.ics"], ExitCode.usage, ""),  # --lao is required for a calendar
    (["export", "register", "--out", "."], ExitCode.input_file, "is a folder"),
], ids=["unknown-lao", "bad-status", "bad-as-of", "ics-needs-lao", "out-is-folder"])
def test_export_errors(reg, capsys, tmp_path, monkeypatch, args, exit_code, message):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *args)
    assert code == exit_code and message in err


# ---------------------------------------------------------------- lifecycle


def test_done_and_reopen_with_the_os_user_in_the_audit(reg, capsys):
    task = _task(reg, "ชย 0023.14/1709")
    code, out, _ = run(capsys, "done", str(task), "--note", "ส่งแล้ว")
    assert code == 0 and f"[{task}] อบต.โนนสูง: ดำเนินการแล้ว" in out and "ส่งแล้ว" in out
    code, out, _ = run(capsys, "pending", "--lao", "อบต.โนนสูง", "--json")
    assert [i["task_id"] for i in json.loads(out)["items"]] == [_task(reg, "ชย 0023.14/2800")]
    code, out, _ = run(capsys, "reopen", str(task), "--json")
    assert code == 0 and json.loads(out)["status"] == "open"
    assert [(u, d["to"]) for u, d in _audit(reg, "task_done") + _audit(reg, "task_reopen")] == [
        ("somchai", "done"), ("somchai", "open")]


def test_unknown_task_is_exit_7(reg, capsys):
    code, _, err = run(capsys, "done", "999")
    assert code == ExitCode.not_found and "no task 999" in err


# ---------------------------------------------------------------------- fix


def test_fix_prints_the_change_and_audits_it(reg, capsys):
    code, out, _ = run(capsys, "fix", "ชย ๐๐๒๓.๑๔/๑๗๐๙", "--deadline", "2568-06-30", "--urgency", "ด่วนที่สุด",
                       "--note", "ตรวจกับต้นฉบับ")
    assert code == 0 and "2025-06-11" in out and "2025-06-30" in out and "ด่วนที่สุด" in out
    (user, details), = _audit(reg, "fix")
    assert user == "somchai" and details["note"] == "ตรวจกับต้นฉบับ"
    assert {c["field"]: (c["old"], c["new"]) for c in details["changes"]} == {
        "deadline": ("2025-06-11", "2025-06-30"), "urgency": (None, "ด่วนที่สุด")}
    code, out, _ = run(capsys, "pending", "--lao", "อบต.โนนสูง", "--as-of", "2025-06-20", "--json")
    assert json.loads(out)["items"][0]["deadline"] == "2025-06-30"


def test_fix_json(reg, capsys):
    code, out, _ = run(capsys, "fix", "#1", "--doc-no", "ชย 0023.14/1709", "--json")
    data = json.loads(out)
    assert code == 0 and data["changes"] == [{"field": "doc_no", "old": "ชย 0023.14/1709", "new": "ชย 0023.14/1709"}]


@pytest.mark.parametrize("args,exit_code,message", [
    (["fix", "ชย 0023.14/1709"], ExitCode.usage, "say what to correct"),
    (["fix", "ชย 0023.14/1709", "--date", "16/06/2568"], ExitCode.usage, "YYYY-MM-DD"),
    (["fix", "ชย 0023.14/1709", "--urgency", "ด่วนพิเศษ"], ExitCode.usage, "ด่วนมาก"),
    (["fix", "ชย 0023.14/1709", "--doc-no", "1709"], ExitCode.usage, "as printed"),
    (["fix", "ชย 0099.1/1", "--date", "2025-06-16"], ExitCode.not_found, "no letter"),
    (["fix", "#42", "--date", "2025-06-16"], ExitCode.not_found, "review"),
], ids=["nothing", "bad-date", "bad-urgency", "bad-doc-no", "unknown-letter", "unknown-id"])
def test_fix_errors(reg, capsys, args, exit_code, message):
    code, _, err = run(capsys, *args)
    assert code == exit_code and message in err
    assert not _audit(reg, "fix")


# ------------------------------------------------------------------- review


def test_review_text_and_json(reg, capsys):
    code, out, _ = run(capsys, "review", "--as-of", "2025-06-20")
    assert code == 0 and "ชย ๐๐๒๓.๑๔/๑๗๐๙" in out and "เกินกำหนด" in out
    assert 'แก้: docintake fix "ชย 0023.14/1709" --doc-no ...' in out
    code, out, _ = run(capsys, "review", "--as-of", "2025-06-20", "--json", "--limit", "1")
    data = json.loads(out)
    assert data["as_of"] == "2025-06-20" and [i["doc_no"] for i in data["items"]] == ["ชย 0023.14/1709"]
    assert data["items"][0]["doubts"][0]["field"] == "doc_no"
    run(capsys, "fix", "ชย 0023.14/1709", "--doc-no", "ชย 0023.14/1709")  # the clerk confirms it
    code, out, _ = run(capsys, "review", "--json")
    assert json.loads(out)["items"] == []
    assert "ไม่มีหนังสือที่ต้องตรวจ" in run(capsys, "review")[1]
