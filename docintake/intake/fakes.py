"""A stand-in registry for testing the intake without OCR: sha256 -> source path in SQLite.

It keeps the one promise the intake relies on from the real processor: a file
is stored in one transaction keyed by sha256, and a second store of the same
bytes reports ``duplicate`` with the path given to the first store.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from docintake.intake.outcome import Outcome
from docintake.intake.placement import sha256_file

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (sha256 TEXT PRIMARY KEY, source TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS calls (sha256 TEXT NOT NULL, source TEXT NOT NULL);
"""


class SqliteProcessor:
    """``process(path) -> Outcome``. ``work_seconds`` sleeps inside the store transaction (a kill
    there rolls back); ``settle_seconds`` after its commit, to widen the window a crash test
    must hit: stored, but not yet moved."""

    def __init__(self, db_path: Path, *, work_seconds: float = 0.0, settle_seconds: float = 0.0):
        # check_same_thread off: tests build it on one thread and watch on another (never both at once)
        self.db = sqlite3.connect(db_path, timeout=30, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA busy_timeout=30000")
        for attempt in range(100):  # switching to WAL can report "locked" at once while another opens
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.executescript(SCHEMA)
                break
            except sqlite3.OperationalError:
                if attempt == 99:
                    raise
                time.sleep(0.05)
        self.work_seconds = work_seconds
        self.settle_seconds = settle_seconds

    def __call__(self, path: Path) -> Outcome:
        sha = sha256_file(path)
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute("INSERT INTO calls VALUES (?, ?)", (sha, str(path)))
            row = self.db.execute("SELECT source FROM files WHERE sha256 = ?", (sha,)).fetchone()
            if row is None:
                self.db.execute("INSERT INTO files VALUES (?, ?)", (sha, str(path)))
            time.sleep(self.work_seconds)
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")
        time.sleep(self.settle_seconds)
        if row is not None:
            return Outcome("duplicate", sha, source=row[0])
        return Outcome("stored", sha, detail="fake store")

    def stored(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT sha256, source FROM files"))

    def close(self) -> None:
        self.db.close()
