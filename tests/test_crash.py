"""kill -9 the watcher at random moments during a batch, restart it: nothing lost, nothing twice.

The watcher runs as a real subprocess (this file is also its runner script, see
the bottom) with a fake processor that stores sha256 -> path in a real SQLite
file in one transaction, so the OCR stage is not needed. Kill times are drawn
from a seeded RNG; some rounds run two watchers on the same inbox at once.
Afterwards every input is in the registry exactly once and in exactly one
folder: processed/ for the first copy of each content, duplicates/ for the
others, failed/ (with its sidecar) for the empty file.
"""

from __future__ import annotations

import hashlib
import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve()
SEED = 20250304
ROUNDS = 12
WORK_SECONDS = 0.015  # per file, inside the store transaction (a kill there rolls back)
SETTLE_SECONDS = 0.015  # per file, after the commit: the stored-but-not-moved window


def runner(inbox: Path, db: Path, mode: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(HERE), str(inbox), str(db), mode],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def make_batch(inbox: Path, rng: random.Random) -> dict[str, bytes]:
    """20 inputs: 17 distinct scans, 2 byte-for-byte copies (one under the same name), 1 empty."""
    batch = {f"scan {i:02d} หนังสือ.pdf": b"%PDF-1.4 " + rng.randbytes(2000 + i) for i in range(17)}
    batch["ฝ่ายคลัง/scan 00 หนังสือ.pdf"] = batch["scan 00 หนังสือ.pdf"]
    batch["copy of scan 05.pdf"] = batch["scan 05 หนังสือ.pdf"]
    batch["empty.pdf"] = b""
    for rel, data in batch.items():
        (inbox / rel).parent.mkdir(parents=True, exist_ok=True)
        (inbox / rel).write_bytes(data)
    return batch


def output_files(inbox: Path) -> dict[str, list[bytes]]:
    """Contents of every file in each output folder, sidecars aside."""
    found: dict[str, list[bytes]] = {}
    for folder in ("processed", "duplicates", "failed"):
        found[folder] = [p.read_bytes() for p in (inbox / folder).rglob("*")
                         if p.is_file() and not p.name.endswith(".error.json")]
    return found


def left_in_inbox(inbox: Path) -> list[str]:
    outputs = {"processed", "duplicates", "failed", ".claimed"}
    return sorted(p.relative_to(inbox).as_posix() for p in inbox.rglob("*")
                  if p.is_file() and p.relative_to(inbox).parts[0] not in outputs)


def claimed_files(inbox: Path) -> list[Path]:
    return [p for p in (inbox / ".claimed").rglob("*") if p.is_file() and p.name not in ("owner.lock", "claim.json")]


def kill_round(inbox: Path, db: Path, rng: random.Random, watchers: int) -> None:
    procs = [runner(inbox, db, "watch") for _ in range(watchers)]
    for proc in procs:
        time.sleep(rng.uniform(0.2, 0.9) / watchers)
        proc.send_signal(signal.SIGKILL)
    for proc in procs:
        proc.wait(timeout=10)
        assert proc.returncode == -signal.SIGKILL, proc.stderr.read()


def test_kill_dash_nine_at_random_moments_loses_nothing(tmp_path):
    started = time.monotonic()
    rng = random.Random(SEED)
    inbox, db = tmp_path / "inbox", tmp_path / "registry.db"
    inbox.mkdir()
    batch = make_batch(inbox, rng)
    interrupted = 0
    for round_no in range(ROUNDS):
        kill_round(inbox, db, rng, watchers=2 if round_no % 3 == 2 else 1)
        interrupted += bool(left_in_inbox(inbox) or claimed_files(inbox))
        if round_no == 3:  # more scans arrive between two crashes
            extra = {f"late {i}.jpg": b"\xff\xd8\xff" + rng.randbytes(500) for i in range(3)}
            for rel, data in extra.items():
                (inbox / rel).write_bytes(data)
            batch.update(extra)
    final = runner(inbox, db, "once")
    out, err = final.communicate(timeout=60)
    assert final.returncode == 0, err

    assert interrupted >= 1, "no kill landed mid-batch: the test did not test anything"
    assert left_in_inbox(inbox) == [] and claimed_files(inbox) == []
    found = output_files(inbox)
    assert sum(len(v) for v in found.values()) == len(batch)  # each input in exactly one place
    copies = Counter(data for data in batch.values() if data)
    assert Counter(found["processed"]) == Counter(copies.keys())  # first copy of each content
    assert Counter(found["duplicates"]) == copies - Counter(copies.keys())
    assert found["failed"] == [b""]
    sidecar = json.loads((inbox / "failed" / "empty.pdf.error.json").read_text(encoding="utf-8"))
    assert sidecar["code"] == "empty_file"
    with sqlite3.connect(db) as conn:
        stored = [row[0] for row in conn.execute("SELECT sha256 FROM files")]
    assert sorted(stored) == sorted(hashlib.sha256(d).hexdigest() for d in copies)
    assert time.monotonic() - started < 30


def test_two_watchers_on_one_inbox_process_each_file_once(tmp_path):
    rng = random.Random(SEED + 1)
    inbox, db = tmp_path / "inbox", tmp_path / "registry.db"
    inbox.mkdir()
    batch = {f"{i:02d}.pdf": b"%PDF" + rng.randbytes(1000) for i in range(20)}
    for rel, data in batch.items():
        (inbox / rel).write_bytes(data)
    procs = [runner(inbox, db, "once") for _ in range(2)]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    with sqlite3.connect(db) as conn:
        calls = dict(conn.execute("SELECT sha256, COUNT(*) FROM calls GROUP BY sha256"))
    assert sorted(calls.values()) == [1] * 20
    assert len(output_files(inbox)["processed"]) == 20 and left_in_inbox(inbox) == []


# ---------------------------------------------------------------- the runner (a subprocess)


def _main(inbox: str, db: str, mode: str) -> None:
    from docintake.intake.fakes import SqliteProcessor
    from docintake.intake.inbox import Layout
    from docintake.intake.runner import Intake
    from docintake.intake.watch import run_once, watch

    processor = SqliteProcessor(Path(db), work_seconds=WORK_SECONDS, settle_seconds=SETTLE_SECONDS)
    with Intake(Layout.for_inbox(Path(inbox)), processor) as intake:
        if mode == "once":
            run_once(intake, delay=0.1)
        else:
            watch(intake, delay=0.1, rescan=0.5)  # until killed


if __name__ == "__main__":
    _main(*sys.argv[1:4])
