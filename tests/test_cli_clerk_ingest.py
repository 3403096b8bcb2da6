"""``docintake ingest``: folders read recursively, temp files skipped, bad files reported, progress, --jobs."""

import io
import json
import sys
from pathlib import Path

import pytest
from rich.console import Console

from docintake import batch
from docintake.config import Settings
from docintake.registry.testing import run_cli
from docintake.errors import ExitCode, InputFileError, OcrError
from docintake.registry.ingest import IngestOutcome

LETTER = "ที่ ชย ๐๐๒๓.๑๔/{n}\nที่ว่าการอำเภอเมืองเพ็ญ\n๑๖ มิถุนายน ๒๕๖๘\nเรื่อง ขอเชิญประชุม {n}\nเรียน นายก อบต. บ้านใหม่\n"


run = run_cli  # (capsys, *args) -> (code, stdout, stderr)


def _tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")


@pytest.mark.parametrize("names,text,expected", [
    (["a.pdf", "sub/b.JPG", "sub/deeper/c.tiff", "notes.docx"], False, ["a.pdf", "sub/b.JPG", "sub/deeper/c.tiff"]),
    (["a.pdf", ".hidden.pdf", "~$a.pdf", "Thumbs.db", "b.pdf.part", "c.tmp"], False, ["a.pdf"]),
    (["a.pdf", ".git/x.pdf", ".~lock/y.pdf"], False, ["a.pdf"]),  # nothing inside hidden folders
    (["a.txt", "b.pdf", "x.error.json"], True, ["a.txt"]),
], ids=["recursive-scans-only", "temp-and-hidden-files", "hidden-folders", "text-mode"])
def test_expand_folders(tmp_path, names, text, expected):
    _tree(tmp_path, names)
    files, skipped = batch.expand([tmp_path], text=text)
    assert [p.relative_to(tmp_path).as_posix() for p in files] == expected
    assert all(reason for _, reason in skipped)


def test_expand_reads_each_file_once_and_keeps_missing_ones(tmp_path):
    _tree(tmp_path, ["a.pdf", "b.pdf"])
    files, _ = batch.expand([tmp_path / "b.pdf", tmp_path, tmp_path / "gone.pdf"])
    assert [p.name for p in files] == ["b.pdf", "a.pdf", "gone.pdf"]


class Recorder:
    def __init__(self):
        self.events = []

    def start(self, files):
        self.events.append(("start", len(files)))

    def file_start(self, path):
        self.events.append(("file_start", path.name))

    def file_done(self, path, outcome=None, error=None):
        self.events.append(("file_done", path.name, outcome.status if outcome else type(error).__name__))

    def finish(self, report):
        self.events.append(("finish", len(report.outcomes), len(report.failures)))


def _fake_ingest(path, db, settings, text=False):
    if path.name.startswith("bad"):
        raise InputFileError(f"{path.name} is not a scan (it is a Word document).")
    if path.name.startswith("locked"):
        raise PermissionError(13, "Permission denied")
    if path.name.startswith("blank"):
        raise OcrError("tesseract timed out")
    if path.name.startswith("bug"):
        raise ValueError("max() arg is an empty sequence")  # seed 65: a bug in the digit reader
    return IngestOutcome(file=str(path), sha256="0" * 64, status="stored", pages=2, letters=["ชย 1/1"], tasks=1)


def test_a_bad_file_is_reported_and_the_batch_goes_on(tmp_path):
    _tree(tmp_path, ["1.pdf", "bad.pdf", "locked.pdf", "blank.pdf", "bug.pdf", "2.pdf"])
    rec = Recorder()
    report = batch.run([tmp_path], None, Settings(), rec, ingest=_fake_ingest)
    assert rec.events[0] == ("start", 6) and rec.events[-1] == ("finish", 2, 4)
    done = [e[1:] for e in rec.events if e[0] == "file_done"]
    assert done == [("1.pdf", "stored"), ("2.pdf", "stored"), ("bad.pdf", "InputFileError"),
                    ("blank.pdf", "OcrError"), ("bug.pdf", "InternalFileError"), ("locked.pdf", "InputFileError")]
    bug = dict((p.name, e) for p, e in report.failures)["bug.pdf"]
    assert bug.exit_code == ExitCode.internal and "Report it with the file" in bug.message
    error = batch.failed_error(report)
    assert error.exit_code == ExitCode.input_file and "4 of 6" in error.message and "bad.pdf" in error.message
    assert report.summary().startswith("6 file(s): 2 stored, 0 already in the registry, 4 failed; 4 page(s)")


def test_interrupted_batch_still_reports(tmp_path):
    _tree(tmp_path, ["1.pdf", "2.pdf", "3.pdf"])
    rec = Recorder()

    def stop_at_two(path, db, settings, text=False):
        if path.name == "2.pdf":
            raise KeyboardInterrupt
        return _fake_ingest(path, db, settings)

    with pytest.raises(KeyboardInterrupt):
        batch.run([tmp_path], None, Settings(), rec, ingest=stop_at_two)
    assert rec.events[-1] == ("finish", 1, 0)


def test_progress_bar_shows_files_pages_letters(tmp_path):
    _tree(tmp_path, ["1.pdf", "bad.pdf"])
    out = io.StringIO()
    reporter = batch.RichReporter(Console(file=out, force_terminal=True, width=160))
    batch.run([tmp_path], None, Settings(), reporter, ingest=_fake_ingest)
    shown = out.getvalue()
    for fragment in ("files 2/2", "letters 1", "ETA", "failed: bad.pdf is not a scan", "2 file(s): 1 stored"):
        assert fragment in shown, fragment


# ------------------------------------------------------------------ the command


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "scans"
    for n, name in enumerate(["a.txt", "sub/b.txt", ".hidden.txt", "~$c.txt"], start=1):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(LETTER.format(n=f"{n}{n}{n}{n}"), encoding="utf-8")
    (folder / "sub" / "broken.txt").write_bytes(b"\xff\xfe\x00not utf-8 \xc3")
    return folder


def test_ingest_folder_plain_lines_and_exit_code(inbox, tmp_path, capsys):
    pytest.importorskip("docintake.parse", reason="the parser (issue 4) is not in this tree")
    db = str(tmp_path / "r.db")
    code, out, err = run(capsys, "ingest", "--text", str(inbox), "--db", db)
    assert code == ExitCode.input_file
    assert "[1/3]" in out and "a.txt: 1 letter(s) ชย 0023.14/1111" in out
    assert "sub/b.txt: 1 letter(s) ชย 0023.14/2222" in out
    assert "broken.txt" in err and "1 of 3 file(s) were not stored" in err
    assert "3 file(s): 2 stored, 0 already in the registry, 1 failed" in out
    assert "2 hidden/temporary file(s) skipped" in out
    (inbox / "sub" / "broken.txt").unlink()
    code, out, _ = run(capsys, "ingest", "--text", str(inbox), "--db", db, "--json")
    assert code == 0 and [o["status"] for o in json.loads(out)] == ["duplicate", "duplicate"]


def test_ingest_empty_folder_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    code, _, err = run(capsys, "ingest", str(tmp_path / "empty"), "--db", str(tmp_path / "r.db"))
    assert code == ExitCode.usage and "no scans found" in err


def test_jobs_reach_the_ocr_settings(inbox, tmp_path, capsys, monkeypatch):
    seen = []

    def fake(path, db, settings, text=False):
        seen.append(settings.jobs)
        return IngestOutcome(file=str(path), sha256="0" * 64, status="duplicate")

    monkeypatch.setattr("docintake.pipeline.ingest_file", fake)
    (inbox / "sub" / "broken.txt").unlink()
    code, _, _ = run(capsys, "ingest", "--text", "--jobs", "3", str(inbox), "--db", str(tmp_path / "r.db"))
    assert code == 0 and seen == [3, 3]
    code, _, _ = run(capsys, "ingest", "--jobs", "0", str(inbox), "--db", str(tmp_path / "r.db"))
    assert code == ExitCode.usage


def test_a_terminal_gets_the_progress_bar(inbox, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("docintake.pipeline.ingest_file", _fake_ingest)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    (inbox / "sub" / "broken.txt").unlink()
    code, out, _ = run(capsys, "ingest", "--text", str(inbox), "--db", str(tmp_path / "r.db"))
    assert code == 0 and "files 2/2" in out and "[1/2]" not in out
