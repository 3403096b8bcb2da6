"""The intake over the real registry (pipeline.ingest_file in text mode: no OCR needed)."""

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from docintake.cli_intake import registry_processor
from docintake.config import Settings
from docintake.intake.inbox import Layout
from docintake.intake.runner import Intake
from docintake.intake.watch import run_once

SEED = Path(__file__).parent / "fixtures" / "seed_bundle.txt"
WALL = lambda: dt.datetime(2025, 3, 4, 10, 30)  # noqa: E731



class Killed(BaseException):
    pass


def run(inbox: Path, process, relocate=None) -> list:
    with Intake(Layout.for_inbox(inbox), process, wall=WALL, relocate=relocate) as intake:
        return run_once(intake, delay=0).placed


def files_rows(db_path: Path) -> list[dict]:
    from docintake.registry import store

    return [dict(r) for r in store.open_db(db_path).query("SELECT sha256, path, status FROM files")]


def test_stored_duplicate_and_unreadable_text(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SEED, inbox / "a.txt")
    shutil.copy(SEED, inbox / "สำเนา หนังสือ.txt")
    (inbox / "cp874.txt").write_bytes("ที่ มท".encode("cp874"))
    process, relocate = registry_processor(tmp_path / "r.db", Settings(), text=True)
    placed = {p.original: p for p in run(inbox, process, relocate)}
    assert {k: p.folder for k, p in placed.items()} == {
        "a.txt": "processed", "สำเนา หนังสือ.txt": "duplicates", "cp874.txt": "failed"}
    assert "letters" in placed["a.txt"].outcome.detail
    sidecar = json.loads((inbox / "failed" / "cp874.txt.error.json").read_text(encoding="utf-8"))
    assert sidecar["code"] == "input_file" and "UTF-8" in sidecar["message"] and sidecar["exit_code"] == 3
    rows = {r["status"]: Path(r["path"]).relative_to(inbox).as_posix() for r in files_rows(tmp_path / "r.db")}
    assert rows == {"stored": "processed/2025-03/a.txt", "failed": "failed/cp874.txt"}


def test_kill_after_the_registry_stored_it_still_goes_to_processed(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SEED, inbox / "a.txt")
    process, _ = registry_processor(tmp_path / "r.db", Settings(), text=True)

    def store_then_die(path):
        process(path)
        raise Killed

    with pytest.raises(Killed):
        run(inbox, store_then_die)
    placed = run(inbox, process)
    assert [(p.folder, p.recovered) for p in placed] == [("processed", True)]
    assert (inbox / "processed" / "2025-03" / "a.txt").exists()
    assert [r["status"] for r in files_rows(tmp_path / "r.db")] == ["stored"]
