"""``docintake watch`` and ``docintake retry``: the unattended intake folder.

``register(app)`` adds the commands (``cli._register_optional_commands`` calls
it). The per-file work is ``registry_processor``: an adapter from
``pipeline.ingest_file`` to the intake's ``Processor`` contract, so everything
under ``docintake.intake`` runs and is tested without OCR.
"""

from __future__ import annotations

import logging
import signal
import threading
from pathlib import Path
from typing import Any, Optional

import typer

from docintake.config import Settings
from docintake.errors import NotBuiltError, UsageError
from docintake.intake.inbox import Layout
from docintake.intake.outcome import Outcome, Processor, RecordedError
from docintake.intake.placement import sha256_file
from docintake.intake.retry import requeue_failed
from docintake.intake.runner import Intake, Placed, Relocate
from docintake.intake.watch import run_once, watch

LABELS = {"processed": "stored", "duplicates": "duplicate", "failed": "failed"}


def registry_processor(db_path: Path, settings: Settings, *, text: bool = False) -> tuple[Processor, Relocate]:
    """The real processor: ``pipeline.ingest_file`` into the registry at ``db_path``.

    A duplicate reports the path its first store recorded (``files.path``), which is
    what the intake's crash rule compares with the claim path. ``text``: the files
    are OCR text, not scans (tests).
    """
    from docintake import pipeline

    ingest = getattr(pipeline, "ingest_file", None)
    if ingest is None:
        raise NotBuiltError("watching needs the registry (pipeline.ingest_file), not built yet (issue 5).")
    from docintake.registry import store

    db = store.open_db(db_path)

    def process(path: Path) -> Outcome:
        sha = sha256_file(path)
        known = store.file_by_sha(db, sha)
        if not (known and known["status"] == "stored"):
            outcome = _outcome_of_ingest(ingest(path, db, settings, text=text), sha)
            if outcome.kind != "duplicate":
                return outcome
            known = store.file_by_sha(db, sha)  # stored by another watcher a moment ago
        return Outcome("duplicate", sha, source=known["path"] if known else None)

    def relocate(sha: str, dest: Path) -> None:
        move = getattr(store, "relocate_file", None)  # if the registry offers it; without it
        if move is not None:  # files.path keeps the claim path the file was read from
            move(db, sha, str(dest))

    return process, relocate


def _outcome_of_ingest(result: Any, sha: str) -> Outcome:
    """``IngestOutcome`` (or a dict like it) as the intake's Outcome; ``None`` counts as stored."""
    get = result.get if isinstance(result, dict) else (lambda k, d=None: getattr(result, k, d))
    status = get("status") or "stored"
    if status == "failed":
        return Outcome.failed(RecordedError(get("code") or "failed", get("error") or "processing failed"), sha)
    if status == "duplicate":
        return Outcome("duplicate", sha)
    letters = get("letters")
    count = len(letters) if isinstance(letters, (list, tuple)) else letters
    detail = "" if count is None else f"{count} letter{'' if count == 1 else 's'}"
    if isinstance(letters, (list, tuple)) and letters:
        detail += ": " + ", ".join(map(str, letters[:3])) + (" ..." if len(letters) > 3 else "")
    return Outcome("stored", sha, detail=detail)


def describe(placed: Placed, layout: Layout) -> str:
    """One plain log line per file, paths as the clerk sees them."""
    label = LABELS[placed.folder] + (" (recovered)" if placed.recovered else "")
    where = _shown(placed.dest, layout) if placed.dest else "(file gone; see failed/ sidecar)"
    line = f"{label:<22} {placed.original} -> {where}"
    if placed.outcome.error is not None:
        line += f"  [{placed.outcome.error.code}] {placed.outcome.error.message}"
    elif placed.outcome.detail:
        line += f"  ({placed.outcome.detail})"
    return line


def _shown(path: Path, layout: Layout) -> str:
    for base in (layout.inbox, layout.processed.parent):
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            continue
    return str(path)


def _printer(layout: Layout):
    return lambda placed: typer.echo(describe(placed, layout))


def watch_cmd(
    inbox: Path = typer.Argument(..., help="The folder the scanner writes into."),
    db: Optional[Path] = typer.Option(None, "--db", envvar="DOCINTAKE_DB", help="Registry file."),
    once: bool = typer.Option(False, "--once", help="Take what is stable now (waiting out the delay), then exit."),
    poll: bool = typer.Option(False, "--poll", help="Poll instead of OS events: for SMB/NFS shares."),
    delay: float = typer.Option(5.0, "--delay", min=0, help="Seconds a file's size and mtime must hold still."),
    rescan: float = typer.Option(300.0, "--rescan", min=0.1, help="Seconds between full rescans (safety net)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Where processed/, duplicates/, failed/ go (default: in INBOX)."),
) -> None:
    """Watch INBOX: store each complete scan, then move it to processed/YYYY-MM/, duplicates/ or failed/.

    A failed file gets <name>.error.json beside it saying why. Safe to kill at
    any moment and to run twice on one inbox. Example:
    docintake watch /mnt/scans --poll --db registry.db  (a mounted SMB share)
    """
    layout = _layout(inbox, out)
    settings = Settings(**({"db_path": db} if db else {}))
    process, relocate = registry_processor(settings.db_path, settings)
    _serve(layout, process, relocate, once=once, poll=poll, delay=delay, rescan=rescan)


def _serve(layout: Layout, process: Processor, relocate: Relocate | None, *, once: bool, poll: bool,
           delay: float, rescan: float) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    printer = _printer(layout)
    with Intake(layout, process, relocate=relocate) as intake:
        if once:
            report = run_once(intake, delay=delay, on_placed=printer)
            counts = {k: sum(p.folder == k for p in report.placed) for k in LABELS}
            typer.echo(f"done: {counts['processed']} stored, {counts['duplicates']} duplicates, "
                       f"{counts['failed']} failed, {len(report.still_changing)} still being written")
            return
        stop = threading.Event()
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, lambda *_: stop.set())
        typer.echo(f"watching {layout.inbox} (delay {delay:g} s, rescan every {rescan:g} s); Ctrl+C stops")
        try:
            watch(intake, delay=delay, rescan=rescan, poll=poll, stop=stop, on_placed=printer)
        except KeyboardInterrupt:
            typer.echo("stopped")


def retry_cmd(
    inbox: Path = typer.Argument(..., help="The inbox whose failed/ files go back in."),
    out: Optional[Path] = typer.Option(None, "--out", help="Where the output folders are, if not in INBOX."),
    code: Optional[str] = typer.Option(None, "--code", help="Only files that failed with this code (e.g. io_error)."),
) -> None:
    """Put the files in failed/ back into INBOX so the watcher tries them again (their sidecars go)."""
    layout = _layout(inbox, out)
    report = requeue_failed(layout, code=code)
    for src, dest in report.requeued:
        typer.echo(f"re-queued  {src.name} -> {_shown(dest, layout)}")
    for sidecar in report.kept:
        typer.echo(f"kept       {sidecar.name}: its file is gone, nothing to retry")
    typer.echo(f"{len(report.requeued)} files re-queued")


def _layout(inbox: Path, out: Path | None) -> Layout:
    if not inbox.is_dir():
        raise UsageError(f"{inbox} is not a folder. Give the folder the scanner writes into.")
    return Layout.for_inbox(inbox, out)


def register(app: typer.Typer) -> None:
    app.command("watch")(watch_cmd)
    app.command("retry")(retry_cmd)
