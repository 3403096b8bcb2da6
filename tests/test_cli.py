"""The command shell: exit codes, error messages, JSON output of the contract."""

import json
import subprocess
import sys

import pytest

from docintake.cli import main
from docintake.errors import ExitCode
from docintake.models import ParseResult


def run(args, capsys):
    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def test_version(capsys):
    code, out, _ = run(["version"], capsys)
    assert code == 0 and out.strip()


def test_missing_file_is_a_clear_input_error(capsys, tmp_path):
    code, _, err = run(["parse", "--text", str(tmp_path / "nope.txt")], capsys)
    assert code == ExitCode.input_file
    assert "no such file" in err and "Traceback" not in err


def test_non_utf8_text_file_is_an_input_error(capsys, tmp_path):
    bad = tmp_path / "cp874.txt"
    bad.write_bytes("ที่ มท".encode("cp874"))
    code, _, err = run(["parse", "--text", str(bad)], capsys)
    assert code == ExitCode.input_file and "UTF-8" in err


def test_unknown_option_is_a_usage_error(capsys):
    code, _, _ = run(["parse", "--no-such-option"], capsys)
    assert code == ExitCode.usage


def test_parse_text_prints_the_contract(capsys):
    pytest.importorskip("docintake.parse", reason="parser stage (issue 4) not built")
    code, out, _ = run(["parse", "--text", "tests/fixtures/seed_bundle.txt", "--json"], capsys)
    assert code == 0
    result = ParseResult.model_validate_json(out)
    assert result.pages >= 1 and result.letters
    assert json.loads(out)["letters"][0]["kind"] in ("external", "circular", "memo")


def test_python_dash_m_works():
    proc = subprocess.run([sys.executable, "-m", "docintake", "version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.strip()


@pytest.mark.tesseract
def test_demo_persists_the_registry(capsys, tmp_path):
    """make run's command: what it prints must also be in the database afterwards."""
    import shutil

    from docintake.registry import queries, store

    folder = tmp_path / "scans"
    folder.mkdir()
    shutil.copy("samples/04_letter.png", folder)
    shutil.copy("samples/directory.csv", folder)
    db = tmp_path / "demo.db"
    code, out, _ = run(["demo", str(folder), "--db", str(db), "--as-of", "2025-01-01"], capsys)
    assert code == 0 and "04_letter.png: stored" in out
    reopened = store.open_db(db)  # a new connection sees only committed data
    assert len(queries.letters(reopened, placeholders=False)) == 1
    assert reopened["organisations"].count == 9
