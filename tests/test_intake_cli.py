"""`docintake watch` and `docintake retry` through the real command line (fake processor)."""

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from docintake import cli_intake, pipeline
from docintake.cli import main
from docintake.errors import ExitCode
from docintake.intake.fakes import SqliteProcessor
from docintake.intake.inbox import Layout
from docintake.intake.retry import requeue_failed, return_folder


def run(args, capsys):
    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    return exc.value.code, out, err


@pytest.fixture
def fake_registry(tmp_path, monkeypatch):
    processor = SqliteProcessor(tmp_path / "registry.db")
    monkeypatch.setattr(cli_intake, "registry_processor", lambda db, settings: (processor, None))
    yield processor
    processor.close()


def test_watch_once_places_files_and_prints_a_line_each(tmp_path, capsys, fake_registry):
    inbox = tmp_path / "สแกน"
    inbox.mkdir()
    (inbox / "a.pdf").write_bytes(b"a")
    (inbox / "b.pdf").write_bytes(b"a")
    (inbox / "c.pdf").write_bytes(b"")
    code, out, _ = run(["watch", str(inbox), "--once", "--delay", "0"], capsys)
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[-1] == "done: 1 stored, 1 duplicates, 1 failed, 0 still being written"
    assert any(line.startswith("failed") and "[empty_file]" in line for line in lines)
    assert any(line.startswith("duplicate") and "-> duplicates/b.pdf" in line for line in lines)


def test_watch_refuses_a_missing_inbox(tmp_path, capsys):
    code, _, err = run(["watch", str(tmp_path / "nope"), "--once"], capsys)
    assert code == ExitCode.usage and "not a folder" in err


def test_watch_without_the_registry_says_so(tmp_path, capsys, monkeypatch):
    monkeypatch.delattr(pipeline, "ingest_file", raising=False)
    code, _, err = run(["watch", str(tmp_path), "--once"], capsys)
    assert code == ExitCode.not_built and "registry" in err


def test_negative_delay_is_a_usage_error(tmp_path, capsys):
    code, _, _ = run(["watch", str(tmp_path), "--delay", "-1"], capsys)
    assert code == ExitCode.usage


@pytest.mark.parametrize(
    "result, kind, detail",
    [
        (None, "stored", ""),
        ({"letters": 3}, "stored", "3 letters"),
        ({"letters": 1}, "stored", "1 letter"),
        (SimpleNamespace(status="stored", letters=["มท 0808.2/ว 1", "?"]), "stored", "2 letters: มท 0808.2/ว 1, ?"),
        (SimpleNamespace(status="stored", letters=list("abcd")), "stored", "4 letters: a, b, c ..."),
        (SimpleNamespace(status="duplicate", letters=[]), "duplicate", ""),
        ({"status": "failed", "code": "ocr_failed", "error": "tesseract timed out"}, "failed", ""),
    ],
    ids=["none", "dict-count", "one-letter", "model-list", "long-list-cut", "duplicate", "recorded-failure"],
)
def test_outcome_of_ingest(result, kind, detail):
    outcome = cli_intake._outcome_of_ingest(result, "abc")
    assert (outcome.kind, outcome.detail, outcome.sha256) == (kind, detail, "abc")
    if kind == "failed":
        assert outcome.error.code == "ocr_failed" and outcome.error.message == "tesseract timed out"


# ------------------------------------------------------------------ retry


def fail(layout: Layout, name: str, original: str, code: str = "io_error", data: bytes = b"x") -> Path:
    layout.failed.mkdir(parents=True, exist_ok=True)
    (layout.failed / name).write_bytes(data)
    (layout.failed / f"{name}.error.json").write_text(
        json.dumps({"file": name, "original": original, "code": code, "message": "m"}), encoding="utf-8")
    return layout.failed / name


def test_retry_puts_files_back_where_they_were_and_drops_sidecars(tmp_path, capsys):
    layout = Layout.for_inbox(tmp_path)
    fail(layout, "a.pdf", "ฝ่ายคลัง/a.pdf")
    fail(layout, "a (2).pdf", "a.pdf", data=b"y")
    (layout.failed / "gone.pdf.error.json").write_text(json.dumps({"code": "vanished"}))
    code, out, _ = run(["retry", str(tmp_path)], capsys)
    assert code == 0 and "2 files re-queued" in out and "gone.pdf.error.json" in out
    assert (tmp_path / "ฝ่ายคลัง" / "a.pdf").read_bytes() == b"x"
    assert (tmp_path / "a.pdf").read_bytes() == b"y"
    assert sorted(p.name for p in layout.failed.iterdir()) == ["gone.pdf.error.json"]


def test_retry_only_one_code_and_never_overwrites(tmp_path):
    layout = Layout.for_inbox(tmp_path)
    fail(layout, "a.pdf", "a.pdf", code="io_error", data=b"new")
    fail(layout, "b.pdf", "b.pdf", code="encrypted_pdf")
    (tmp_path / "a.pdf").write_bytes(b"already here")
    report = requeue_failed(layout, code="io_error")
    assert [dest.name for _, dest in report.requeued] == ["a (2).pdf"]
    assert (tmp_path / "a.pdf").read_bytes() == b"already here"
    assert (layout.failed / "b.pdf").exists() and (layout.failed / "b.pdf.error.json").exists()


@pytest.mark.parametrize(
    "original, expected",
    [("a.pdf", "."), ("x/y/a.pdf", "x/y"), ("../a.pdf", "."), ("/etc/a.pdf", "."),
     ("failed/a.pdf", "."), ("processed/2025-01/a.pdf", "."), (".claimed/o/a.pdf", "."), (None, ".")],
    ids=["top", "subfolder", "parent-escape", "absolute", "into-failed", "into-processed", "into-claims", "none"],
)
def test_return_folder_stays_inside_the_inbox(tmp_path, original, expected):
    layout = Layout.for_inbox(tmp_path)
    assert return_folder(layout, original) == (layout.inbox / expected).resolve()
