"""A kill at each step of claim -> store -> intent -> move, then a restart: nothing lost or misfiled.

Each case makes one step raise ``Killed`` (a BaseException, so nothing in the
intake catches it, like kill -9), lets the owner's lock go as the OS would, and
runs a fresh intake over the same inbox. The random kill -9 test in
test_crash.py covers the same ground statistically; this one hits every window
on purpose, the narrow ones included.
"""

import datetime as dt
import errno
import os
from pathlib import Path

import pytest

from docintake.errors import UnsupportedFormatError
from docintake.intake import claims, placement, runner
from docintake.intake.fakes import SqliteProcessor
from docintake.intake.inbox import Layout
from docintake.intake.runner import Intake
from docintake.intake.watch import run_once

WALL = lambda: dt.datetime(2025, 3, 4, 10, 30)  # noqa: E731
MONTH = "2025-03"


class Killed(BaseException):
    pass


def kill(*args, **kwargs):
    raise Killed


def kill_on_call(n):
    """A function that is killed on its n-th call and calls the real one before that."""
    def wrap(real):
        count = {"n": 0}

        def fn(*args, **kwargs):
            count["n"] += 1
            if count["n"] == n:
                raise Killed
            return real(*args, **kwargs)
        return fn
    return wrap


def files_under(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()
                  and ".claimed" not in p.parts)


def run(inbox, process, out=None):
    with Intake(Layout.for_inbox(inbox, out), process, wall=WALL) as intake:
        return run_once(intake, delay=0)


def _store_then_kill(fake):
    def process(path):
        fake(path)
        raise Killed
    return process


def _unsupported(path):
    raise UnsupportedFormatError(f"{path.name} is not a scan")


# (id, what to break in the first run, processor for the first run, expected files after restart)
CASES = [
    ("before-claim-rename", lambda mp: mp.setattr(claims.os, "rename", kill), "fake",
     [f"processed/{MONTH}/a.pdf"]),
    ("while-processing", None, lambda fake: kill, [f"processed/{MONTH}/a.pdf"]),
    ("after-store-before-intent", None, _store_then_kill, [f"processed/{MONTH}/a.pdf"]),
    ("after-intent-before-move", lambda mp: mp.setattr(runner, "move_file", kill), "fake",
     [f"processed/{MONTH}/a.pdf"]),
    ("between-link-and-unlink", lambda mp: mp.setattr(placement.os, "unlink", kill_on_call(1)(os.unlink)), "fake",
     [f"processed/{MONTH}/a.pdf"]),
    ("failed-after-move-before-sidecar", lambda mp: mp.setattr(runner, "write_json_atomic", kill),
     lambda fake: _unsupported, ["failed/a.pdf", "failed/a.pdf.error.json"]),
]


@pytest.mark.parametrize("breaks, first_process, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_kill_at_each_step_then_restart(tmp_path, monkeypatch, breaks, first_process, expected):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.pdf").write_bytes(b"%PDF letter a")
    fake = SqliteProcessor(tmp_path / "registry.db")
    process = fake if first_process == "fake" else first_process(fake)
    with monkeypatch.context() as mp:
        if breaks:
            breaks(mp)
        with pytest.raises(Killed):
            run(inbox, process)
    second = fake if expected[0].startswith("processed") else _unsupported
    run(inbox, second)
    assert files_under(inbox) == expected
    assert not any((inbox / ".claimed").rglob("*.pdf"))
    if expected[0].startswith("processed"):
        assert len(fake.stored()) == 1
    fake.close()


def test_kill_after_store_is_processed_but_a_real_duplicate_still_is_not(tmp_path):
    """The crash rule must not turn a genuine duplicate into 'processed'."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    fake = SqliteProcessor(tmp_path / "registry.db")
    (inbox / "a.pdf").write_bytes(b"same bytes")
    with pytest.raises(Killed):
        run(inbox, _store_then_kill(fake))
    (inbox / "a copy.pdf").write_bytes(b"same bytes")
    run(inbox, fake)
    assert files_under(inbox) == ["duplicates/a copy.pdf", f"processed/{MONTH}/a.pdf"]


def _other_filesystem(near: Path) -> Path | None:
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK) and shm.stat().st_dev != near.stat().st_dev:
        return shm
    return None


def test_kill_after_cross_filesystem_copy_before_delete(tmp_path, monkeypatch):
    other = _other_filesystem(tmp_path)
    if other is None:
        pytest.skip("needs a second filesystem (tmpfs at /dev/shm) to copy across")
    inbox, out = tmp_path / "inbox", other / f"docintake-crash-{os.getpid()}"
    inbox.mkdir()
    (inbox / "a.pdf").write_bytes(b"%PDF across")
    fake = SqliteProcessor(tmp_path / "registry.db")
    real_unlink = os.unlink

    def unlink(path, *a, **k):  # the source delete is the one that is not a .partial
        if ".partial-" not in str(path):
            raise Killed
        return real_unlink(path, *a, **k)

    try:
        with monkeypatch.context() as mp:
            mp.setattr(placement.os, "unlink", unlink)
            with pytest.raises(Killed):
                run(inbox, fake, out=out)
        assert files_under(out) == [f"processed/{MONTH}/a.pdf"]  # copied, source not yet deleted
        run(inbox, fake, out=out)
        assert files_under(out) == [f"processed/{MONTH}/a.pdf"] and files_under(inbox) == []
    finally:
        import shutil

        shutil.rmtree(out, ignore_errors=True)
        fake.close()


def test_placement_error_keeps_the_claim_and_retries_later(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.pdf").write_bytes(b"%PDF")
    fake = SqliteProcessor(tmp_path / "registry.db")
    with monkeypatch.context() as mp:
        mp.setattr(runner, "move_file", lambda *a, **k: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space")))
        with Intake(Layout.for_inbox(inbox), fake, wall=WALL) as intake:
            assert run_once(intake, delay=0).placed == []
            assert len(list((inbox / ".claimed").rglob("a.pdf"))) == 1
            mp.undo()
            assert [p.folder for p in intake.recover()] == ["processed"]
    assert files_under(inbox) == [f"processed/{MONTH}/a.pdf"]
    fake.close()
