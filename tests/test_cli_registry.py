"""The registry commands end to end through ``docintake.cli.main``: output and exit codes."""

import json

import pytest

from docintake.errors import ExitCode
from docintake.registry import store
from docintake.registry.testing import DIRECTORY_CSV, ingest_letters, letter, run_cli

SUBJECT = "การขับเคลื่อนนโยบาย ๑ อปท. ๑ อัตลักษณ์ท้องถิ่น"


run = run_cli  # (capsys, *args) -> (code, stdout, stderr)


@pytest.fixture
def reg(tmp_path, capsys):
    path = tmp_path / "reg.db"
    csv = tmp_path / "directory.csv"
    csv.write_text(DIRECTORY_CSV, encoding="utf-8")
    code, out, _ = run(capsys, "orgs", "load", str(csv), "--db", str(path))
    assert code == 0 and "11 organisation(s)" in out
    db = store.open_db(path)
    ingest_letters(db, letter("ชย 0023.6/1478", "2025-05-28", subject=SUBJECT, deadline="2025-05-30"), name="p.txt")
    ingest_letters(db, letter("ชย 0023.14/1709", "2025-06-16", subject=SUBJECT, deadline="2025-06-11",
                              issuer="ที่ว่าการอำเภอเมืองเพ็ญ", to="นายก อบต. ทุกแห่ง",
                              copies=[("ชย 0023.6/1478", "2025-05-28")]), name="d.txt")
    return str(path)


def test_pending_json(reg, capsys):
    code, out, _ = run(capsys, "pending", "--lao", "อบต.โนนสูง", "--as-of", "2025-06-20", "--json", "--db", reg)
    data = json.loads(out)
    assert code == 0 and data["lao"] == "อบต.โนนสูง" and data["as_of"] == "2025-06-20"
    item = data["items"][0]
    assert (item["doc_no"], item["deadline"], item["overdue"]) == ("ชย 0023.14/1709", "2025-06-11", True)
    assert item["chain"] == ["ชย 0023.6/1478", "ชย 0023.14/1709"]


def test_pending_text_uses_thai_dates(reg, capsys):
    code, out, _ = run(capsys, "pending", "--lao", "อบต.โนนสูง", "--as-of", "2025-06-20", "--db", reg)
    assert code == 0 and "กำหนด ๑๑ มิ.ย. ๒๕๖๘" in out and "เกินกำหนด" in out
    _, out, _ = run(capsys, "pending", "--lao", "อบต.โนนสูง", "--as-of", "2025-06-20", "--arabic", "--db", reg)
    assert "กำหนด 11 มิ.ย. 2568" in out


def test_db_from_environment(reg, capsys, monkeypatch):
    monkeypatch.setenv("DOCINTAKE_DB", reg)
    code, out, _ = run(capsys, "letters", "--json")
    assert code == 0 and {r["doc_no"] for r in json.loads(out)} == {"ชย 0023.6/1478", "ชย 0023.14/1709"}


@pytest.mark.parametrize("args,fragment", [
    (["chain", "ชย 0023.14/1709"], "└── ชย ๐๐๒๓.๑๔/๑๗๐๙"),
    (["show", "ชย 0023.14/1709"], "สายหนังสือ"),
    (["search", "อัตลักษณ์"], "ชย ๐๐๒๓.๖/๑๔๗๘"),
    (["letters", "--arabic"], "16 มิ.ย. 2568"),
    (["orgs", "list"], "อบต.ลุ่มลำชี"),
], ids=["chain", "show", "search", "letters", "orgs-list"])
def test_text_commands(reg, capsys, args, fragment):
    code, out, _ = run(capsys, *args, "--db", reg)
    assert code == 0 and fragment in out


@pytest.mark.parametrize("args", [["chain"], ["show"], ["search"], ["letters"]], ids=lambda a: a[0])
def test_json_everywhere(reg, capsys, args):
    extra = {"chain": ["ชย 0023.14/1709"], "show": ["ชย 0023.14/1709"], "search": ["อัตลักษณ์"]}
    code, out, _ = run(capsys, *args, *extra.get(args[0], []), "--json", "--db", reg)
    assert code == 0 and json.loads(out)


@pytest.mark.parametrize("args,exit_code,message", [
    (["pending", "--lao", "อบต.ไม่มีจริง"], ExitCode.not_found, "no LAO named"),
    (["pending", "--lao", "อบต.บ้านใหม่"], ExitCode.usage, "Add the district"),
    (["pending", "--lao", "อบต.โนนสูง", "--as-of", "16/06/2568"], ExitCode.usage, "YYYY-MM-DD"),
    (["chain", "ชย 0023.14/9999"], ExitCode.not_found, "no letter"),
    (["search", " "], ExitCode.usage, "some text"),
], ids=["unknown-lao", "ambiguous-lao", "bad-date", "unknown-letter", "empty-search"])
def test_errors_map_to_exit_codes(reg, capsys, args, exit_code, message):
    code, _, err = run(capsys, *args, "--db", reg)
    assert code == exit_code and message in err


def test_bad_directory_is_an_input_error(tmp_path, capsys):
    csv = tmp_path / "d.csv"
    csv.write_text("name,type,district,province,aliases\nอบต.ก,village,ก,ข,\n", encoding="utf-8")
    code, _, err = run(capsys, "orgs", "load", str(csv), "--db", str(tmp_path / "r.db"))
    assert code == ExitCode.input_file and "line 2" in err


def test_ingest_text_twice(tmp_path, capsys):
    pytest.importorskip("docintake.parse", reason="the parser (issue 4) is not in this tree")
    src = tmp_path / "one.txt"
    src.write_text("ที่ ชย ๐๐๒๓.๑๔/๑๗๐๙\nที่ว่าการอำเภอเมืองเพ็ญ\n๑๖ มิถุนายน ๒๕๖๘\n"
                   "เรื่อง ขอเชิญประชุม\nเรียน นายก อบต. บ้านใหม่\n", encoding="utf-8")
    db = str(tmp_path / "r.db")
    code, out, _ = run(capsys, "ingest", "--text", str(src), "--db", db)
    assert code == 0 and "1 letter(s)" in out
    code, out, _ = run(capsys, "ingest", "--text", str(src), "--db", db, "--json")
    assert code == 0 and json.loads(out)[0]["status"] == "duplicate"


def test_ingest_missing_file_is_reported_and_others_go_on(tmp_path, capsys):
    pytest.importorskip("docintake.parse", reason="the parser (issue 4) is not in this tree")
    good = tmp_path / "good.txt"
    good.write_text("ที่ ชย ๐๐๒๓.๑๔/๑\nเรื่อง ก\nเรียน ข\n", encoding="utf-8")
    code, out, err = run(capsys, "ingest", "--text", str(tmp_path / "gone.txt"), str(good),
                         "--db", str(tmp_path / "r.db"))
    assert code == ExitCode.input_file and "gone.txt" in err and "good.txt" in out
