"""The long-running watch loop: file events, polling, and the rescan safety net."""

import threading
import time
import warnings
from pathlib import Path

import pytest

from docintake.intake import watch as watch_mod
from docintake.intake.fakes import SqliteProcessor
from docintake.intake.inbox import Layout
from docintake.intake.runner import Intake


class Running:
    """watch() on a thread, stopped and joined at the end."""

    def __init__(self, inbox: Path, db: Path, **kwargs):
        self.processor = SqliteProcessor(db)
        self.placed = []
        self.stop = threading.Event()
        self.intake = Intake(Layout.for_inbox(inbox), self.processor).open()
        self.thread = threading.Thread(target=watch_mod.watch, args=(self.intake,), kwargs={
            "stop": self.stop, "on_placed": self.placed.append, **kwargs})

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(timeout=10)
        assert not self.thread.is_alive()
        self.intake.close()
        self.processor.close()

    def wait_for(self, n: int, timeout: float = 10.0) -> list:
        deadline = time.monotonic() + timeout
        while len(self.placed) < n and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.placed


@pytest.mark.parametrize("poll", [False, True], ids=["os-events", "polling-observer"])
def test_files_dropped_while_watching_are_taken(tmp_path, poll):
    inbox = tmp_path / "inbox"
    (inbox / "ฝ่าย").mkdir(parents=True)  # made before: no folder event, so no rescan is asked for
    with Running(inbox, tmp_path / "r.db", delay=0.1, rescan=3600, poll=poll) as run:
        time.sleep(0.2)  # the first (empty) rescan is done; only file events can find what follows
        (inbox / "ฝ่าย" / "a.pdf").write_bytes(b"a")
        (inbox / "b.pdf").write_bytes(b"b")
        placed = run.wait_for(2)
    assert sorted(p.original for p in placed) == ["b.pdf", "ฝ่าย/a.pdf"]
    assert [p.folder for p in placed] == ["processed", "processed"], [(p.outcome.error and p.outcome.error.message) for p in placed]


def test_rescan_finds_files_when_events_are_lost(tmp_path, monkeypatch):
    class Deaf:
        def stop(self):
            pass

        def join(self, timeout=None):
            pass

    monkeypatch.setattr(watch_mod, "start_observer", lambda *a, **k: Deaf())
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with Running(inbox, tmp_path / "r.db", delay=0.1, rescan=0.3) as run:
        time.sleep(0.1)
        (inbox / "missed.pdf").write_bytes(b"m")
        placed = run.wait_for(1)
    assert [p.original for p in placed] == ["missed.pdf"]


def test_a_file_still_growing_is_not_taken_until_it_stops(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    growing = inbox / "big scan.pdf"
    with Running(inbox, tmp_path / "r.db", delay=0.1, rescan=3600) as run:
        with open(growing, "wb") as handle:
            for _ in range(10):  # 0.3 s of writing, each pause shorter than the delay
                handle.write(b"x" * 1000)
                handle.flush()
                time.sleep(0.03)
                assert run.placed == []
        placed = run.wait_for(1)
    assert len(placed) == 1 and placed[0].dest.stat().st_size == 10_000


def test_stop_is_seen_promptly(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    run = Running(inbox, tmp_path / "r.db", delay=5, rescan=3600)
    with run:
        time.sleep(0.1)
        started = time.monotonic()
        run.stop.set()
        run.thread.join(timeout=5)
        assert time.monotonic() - started < 1.0


def test_events_inside_output_folders_are_ignored(tmp_path):
    layout = Layout.for_inbox(tmp_path)
    collector = watch_mod._Collector(layout, threading.Event())

    class Event:
        is_directory = False

        def __init__(self, src):
            self.src_path = str(src)

    collector.dispatch(Event(layout.processed / "2025-01" / "a.pdf"))
    collector.dispatch(Event(layout.claimed / "o" / "1" / "a.pdf"))
    collector.dispatch(Event(tmp_path / "new.pdf"))
    assert collector.drain() == ({tmp_path / "new.pdf"}, False)


def test_polling_skips_output_folders(tmp_path):
    """On a share, the polling observer must not stat months of processed/ at every poll."""
    from watchdog.utils.dirsnapshot import DirectorySnapshot

    layout = Layout.for_inbox(tmp_path)
    for rel in ("new.pdf", "ฝ่าย/b.pdf", "processed/2025-01/old.pdf", "failed/x.pdf", ".claimed/o/1/c.pdf",
                "#recycle/d.pdf"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"1")
    snapshot = DirectorySnapshot(str(tmp_path), listdir=watch_mod.inbox_listdir(layout))
    seen = sorted(Path(p).relative_to(tmp_path).as_posix() for p in snapshot.paths if p != str(tmp_path))
    assert seen == ["new.pdf", "ฝ่าย", "ฝ่าย/b.pdf"]


def test_watchdog_rewatch_warning_is_silenced_and_no_other():
    text = "Callback with id '1' already exists for watch <Watch wd=6>. It will be Overwritten."
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        watch_mod.quiet_rewatch()
        for message, module in ((text, "watchdog.observers.inotify"), ("other", "watchdog.observers.inotify"),
                                (text, "docintake.intake.watch")):
            warnings.warn_explicit(message, RuntimeWarning, "inotify.py", 365, module=module)
    assert [(str(w.message)[:8]) for w in caught] == ["other", text[:8]]
