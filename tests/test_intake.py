"""The intake with a fake processor: each file ends in exactly one place, bad input included."""

import datetime as dt
import errno
import json
import os
import threading
import time
from pathlib import Path

import pytest

from docintake.errors import EncryptedPdfError, UnsupportedFormatError
from docintake.intake.claims import ClaimStore
from docintake.intake.fakes import SqliteProcessor
from docintake.intake.inbox import Layout
from docintake.intake.outcome import Outcome
from docintake.intake.placement import sha256_file
from docintake.intake.runner import Intake, destination_kind
from docintake.intake.watch import run_once

BKK = dt.timezone(dt.timedelta(hours=7))
WALL = lambda: dt.datetime(2025, 3, 4, 10, 30, tzinfo=BKK)  # noqa: E731


def write(root: Path, rel: str, data: bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def placed_files(inbox: Path) -> dict[str, bytes]:
    """Every file under the inbox except sidecars, by relative path."""
    return {
        p.relative_to(inbox).as_posix(): p.read_bytes()
        for p in inbox.rglob("*")
        if p.is_file() and not p.name.endswith(".error.json")
    }


def sidecar(inbox: Path, name: str) -> dict:
    return json.loads((inbox / "failed" / f"{name}.error.json").read_text(encoding="utf-8"))


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


@pytest.fixture
def fake(tmp_path):
    processor = SqliteProcessor(tmp_path / "registry.db")
    yield processor
    processor.close()


def once(inbox, process, delay=0.0, **kwargs):
    with Intake(Layout.for_inbox(inbox, kwargs.pop("out", None)), process, wall=WALL, **kwargs) as intake:
        return run_once(intake, delay=delay)


# ------------------------------------------------------------------ the crash rule, pure

CLAIMED = Path("/inbox/.claimed/host-1-abc/000001-ff/scan.pdf")


@pytest.mark.parametrize(
    "outcome, expected",
    [
        (Outcome("stored", "s"), "processed"),
        (Outcome("duplicate", "s", source=str(CLAIMED)), "processed"),
        (Outcome("duplicate", "s", source="/inbox/.claimed/host-1-abc/000007-aa/scan.pdf"), "duplicates"),
        (Outcome("duplicate", "s", source="/inbox/scan.pdf"), "duplicates"),
        (Outcome("duplicate", "s", source=None), "duplicates"),
        (Outcome.failed(EncryptedPdfError("x")), "failed"),
    ],
    ids=["stored", "dup-of-own-store-before-a-crash", "dup-same-name-other-claim", "dup-other-path",
         "dup-without-source", "failed"],
)
def test_destination_kind(outcome, expected):
    assert destination_kind(outcome, CLAIMED) == expected


# ------------------------------------------------------------------ good files


def test_stored_duplicate_and_names_kept(inbox, fake):
    write(inbox, "หนังสือ ด่วน.pdf", b"letter one")
    write(inbox, "ฝ่ายคลัง/หนังสือ ด่วน.pdf", b"letter two")
    write(inbox, "copy of one.pdf", b"letter one")
    report = once(inbox, fake)
    assert sorted(p.folder for p in report.placed) == ["duplicates", "processed", "processed"]
    files = placed_files(inbox)
    assert files == {
        "processed/2025-03/หนังสือ ด่วน.pdf": b"letter one",
        "processed/2025-03/หนังสือ ด่วน (2).pdf": b"letter two",
        "duplicates/copy of one.pdf": b"letter one",
    } or files == {  # which of the two copies is seen first depends on scan order
        "processed/2025-03/copy of one.pdf": b"letter one",
        "processed/2025-03/หนังสือ ด่วน.pdf": b"letter two",
        "duplicates/หนังสือ ด่วน.pdf": b"letter one",
    }
    assert len(fake.stored()) == 2
    assert not any((inbox / ".claimed").iterdir())


def test_skipped_names_stay_in_the_inbox(inbox, fake):
    for name in ("~$x.docx", "Thumbs.db", ".hidden.pdf", "scan.pdf.part"):
        write(inbox, name, b"x")
    report = once(inbox, fake)
    assert report.placed == [] and fake.stored() == {}
    assert sorted(placed_files(inbox)) == sorted(["~$x.docx", "Thumbs.db", ".hidden.pdf", "scan.pdf.part"])


def test_outputs_elsewhere(tmp_path, inbox, fake):
    write(inbox, "a.pdf", b"a")
    once(inbox, fake, out=tmp_path / "archive")
    assert (tmp_path / "archive" / "processed" / "2025-03" / "a.pdf").read_bytes() == b"a"


def test_relocate_is_told_the_final_path_but_not_for_duplicates(inbox, fake):
    told = []
    write(inbox, "a.pdf", b"a")
    write(inbox, "b.pdf", b"a")
    write(inbox, "c.pdf", b"")
    once(inbox, fake, relocate=lambda sha, dest: told.append((sha, dest.relative_to(inbox).as_posix())))
    assert sorted(told) == sorted([
        (sha256_file(inbox / "processed/2025-03/a.pdf"), "processed/2025-03/a.pdf"),
        (sha256_file(inbox / "failed/c.pdf"), "failed/c.pdf"),
    ])


# ------------------------------------------------------------------ bad input


def _deletes_then_enoent(path):
    path.unlink()
    raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(path))


def _raises(exc):
    def process(path):
        raise exc
    return process


BAD = [
    # (id, data, processor, code, file still kept in failed/)
    ("zero-byte", b"", None, "empty_file", True),
    ("vanishes-mid-read", b"%PDF-1.4 trunc", _deletes_then_enoent, "vanished", False),
    ("permission-denied-simulated", b"\xff\xd8\xff", _raises(PermissionError(errno.EACCES, "Permission denied")),
     "unreadable", True),
    ("share-io-error", b"\xff\xd8\xff", _raises(OSError(errno.EIO, "Input/output error")), "io_error", True),
    ("not-a-scan", b"MZ\x90", _raises(UnsupportedFormatError("x.pdf is not a PDF or an image")),
     "unsupported_format", True),
    ("processor-bug", b"%PDF", _raises(ZeroDivisionError("oops")), "internal", True),
    ("returned-failed", b"%PDF", lambda p: Outcome.failed(EncryptedPdfError("x.pdf needs a password")),
     "encrypted_pdf", True),
]


@pytest.mark.parametrize("data, bad_process, code, kept", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_input_goes_to_failed_with_a_sidecar_and_the_batch_goes_on(inbox, fake, data, bad_process, code, kept):
    write(inbox, "a-good.pdf", b"good 1")
    write(inbox, "m-bad file.pdf", data)
    write(inbox, "z-good.pdf", b"good 2")

    def process(path):
        return bad_process(path) if path.name == "m-bad file.pdf" else fake(path)

    report = once(inbox, process)
    assert sorted(p.folder for p in report.placed) == ["failed", "processed", "processed"]
    record = sidecar(inbox, "m-bad file.pdf")
    assert record["code"] == code and record["original"] == "m-bad file.pdf"
    assert "m-bad file.pdf" in record["message"] or "x.pdf" in record["message"]
    assert dt.datetime.fromisoformat(record["time"]) == WALL()
    assert record["exit_code"] == 3 or code == "internal"
    assert ((inbox / "failed" / "m-bad file.pdf").exists()) is kept
    assert sorted(placed_files(inbox)) == sorted(
        ["processed/2025-03/a-good.pdf", "processed/2025-03/z-good.pdf"] + (["failed/m-bad file.pdf"] if kept else [])
    )


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="runs as root here: chmod 000 does not stop root reading (simulated case above)")
def test_unreadable_permissions_real(inbox, fake):
    path = write(inbox, "locked.pdf", b"%PDF")
    path.chmod(0)
    once(inbox, fake)
    assert sidecar(inbox, "locked.pdf")["code"] == "unreadable"


def test_second_failure_with_same_name_gets_its_own_sidecar(inbox):
    for data in (b"", b""):
        write(inbox, "x.pdf", data)
        once(inbox, lambda p: pytest.fail("empty files are not processed"))
    assert sidecar(inbox, "x.pdf")["file"] == "x.pdf"
    assert sidecar(inbox, "x (2).pdf")["file"] == "x (2).pdf"


# ------------------------------------------------------------------ --once and stability


def test_once_leaves_a_file_still_being_written(inbox, fake):
    write(inbox, "done.pdf", b"complete")
    growing = inbox / "growing.pdf"
    stop = threading.Event()

    def scanner():
        with open(growing, "ab") as handle:
            while not stop.is_set():
                handle.write(b"x" * 100)
                handle.flush()
                time.sleep(0.01)

    thread = threading.Thread(target=scanner)
    thread.start()
    try:
        time.sleep(0.03)
        start = time.monotonic()
        report = once(inbox, fake, delay=0.1)
        took = time.monotonic() - start
    finally:
        stop.set()
        thread.join()
    assert [p.original for p in report.placed] == ["done.pdf"]
    assert report.still_changing == [growing] and growing.exists()
    assert 0.1 <= took < 2.0


def test_once_waits_out_the_delay(inbox, fake):
    write(inbox, "a.pdf", b"a")
    start = time.monotonic()
    report = once(inbox, fake, delay=0.1)
    assert len(report.placed) == 1 and time.monotonic() - start >= 0.1


# ------------------------------------------------------------------ two watchers, one inbox


def test_two_intakes_racing_take_each_file_once(tmp_path, inbox):
    for i in range(30):
        write(inbox, f"scan {i:02d}.pdf", f"letter {i}".encode())
    results, errors = [], []

    def run():
        proc = SqliteProcessor(tmp_path / "registry.db", work_seconds=0.002)
        try:
            results.append(once(inbox, proc))
        except Exception as exc:  # noqa: BLE001 - surfaced below
            errors.append(exc)
        finally:
            proc.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    fake = SqliteProcessor(tmp_path / "registry.db")
    calls = list(fake.db.execute("SELECT sha256, COUNT(*) FROM calls GROUP BY sha256"))
    fake.close()
    assert len(calls) == 30 and all(n == 1 for _, n in calls)
    assert sum(len(r.placed) for r in results) == 30
    assert len(placed_files(inbox)) == 30 and all(k.startswith("processed/") for k in placed_files(inbox))


def test_a_live_watchers_claims_are_left_alone(inbox, fake):
    layout = Layout.for_inbox(inbox)
    other = ClaimStore(layout.claimed).open()
    claim = other.claim(write(inbox, "busy.pdf", b"busy"), "busy.pdf", "t")
    try:
        report = once(inbox, fake)
        assert report.placed == [] and claim.path.exists()
    finally:
        other.close()


def test_a_file_that_cannot_be_renamed_yet_stays_and_the_batch_goes_on(inbox, fake, monkeypatch, caplog):
    """Windows refuses to rename a file the scanner still has open."""
    from docintake.intake import claims

    real_rename = os.rename

    def rename(src, dst):
        if Path(src).name == "open.pdf":
            raise PermissionError(errno.EACCES, "The process cannot access the file", str(src))
        return real_rename(src, dst)

    monkeypatch.setattr(claims.os, "rename", rename)
    write(inbox, "open.pdf", b"busy")
    write(inbox, "z.pdf", b"z")
    report = once(inbox, fake)
    assert [p.original for p in report.placed] == ["z.pdf"]
    assert (inbox / "open.pdf").exists() and "cannot take open.pdf yet" in caplog.text
    assert not [p for p in (inbox / ".claimed").rglob("*") if p.name == "claim.json"]


def test_an_inbox_we_cannot_write_in_is_a_clear_error(inbox, monkeypatch):
    from docintake.errors import UsageError
    from docintake.intake.claims import ClaimStore

    def refuse(self):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(ClaimStore, "open", refuse)
    with pytest.raises(UsageError, match="needs write access"):
        Intake(Layout.for_inbox(inbox), lambda p: None).open()
