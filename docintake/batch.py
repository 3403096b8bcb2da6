"""``docintake ingest PATH...``: files and folders into the registry, one file at a time.

Folders are searched recursively for scans (with ``--text``, for ``.txt``
files); hidden, temporary and system files are skipped by the intake's own
table (``intake.stability.skip_reason``), hidden folders too. Each file is
stored in its own transaction, so a bad file is reported and the batch goes
on; the caller exits non-zero at the end when any failed. Progress goes to a
``Reporter``: a rich progress bar (files, pages, letters, ETA) when a person
watches a terminal, plain log lines otherwise.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from docintake.config import Settings
from docintake.errors import DocintakeError, ExitCode, InputFileError
from docintake.intake.stability import skip_reason
from docintake.pipeline import SCAN_SUFFIXES

TEXT_SUFFIXES = frozenset({".txt"})


@dataclass
class BatchReport:
    files: list[Path]
    outcomes: list = field(default_factory=list)  # registry.ingest.IngestOutcome
    failures: list[tuple[Path, DocintakeError]] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    def summary(self) -> str:
        pages = sum(o.pages for o in self.outcomes if o.status == "stored")
        letters = sum(len(o.letters) for o in self.outcomes if o.status == "stored")
        tasks = sum(o.tasks for o in self.outcomes)
        line = (f"{len(self.files)} file(s): {self.count('stored')} stored, {self.count('duplicate')} already in "
                f"the registry, {len(self.failures)} failed; {pages} page(s), {letters} letter(s), {tasks} task(s) "
                f"in {self.seconds:.1f} s")
        return line + (f"; {len(self.skipped)} hidden/temporary file(s) skipped" if self.skipped else "")


class Reporter(Protocol):
    def start(self, files: list[Path]) -> None: ...
    def file_start(self, path: Path) -> None: ...
    def file_done(self, path: Path, outcome=None, error: DocintakeError | None = None) -> None: ...
    def finish(self, report: BatchReport) -> None: ...


def expand(paths: list[Path], *, text: bool = False) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files to read, in the order given (folders in name order), each once; and what was skipped."""
    suffixes = TEXT_SUFFIXES if text else SCAN_SUFFIXES
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)  # as given: a missing file fails with its own message
            continue
        for found in sorted(path.rglob("*")):
            reason = next(filter(None, map(skip_reason, found.relative_to(path).parts)), None)
            if reason and found.is_file():
                skipped.append((found, reason))
            elif not reason and found.is_file() and found.suffix.lower() in suffixes:
                files.append(found)
    seen: set[Path] = set()
    unique = []
    for p in files:  # a file named twice, or inside a folder also given, is read once
        key = p.resolve() if p.exists() else p
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique, skipped


def run(paths: list[Path], db, settings: Settings, reporter: Reporter, *, text: bool = False,
        ingest: Callable | None = None) -> BatchReport:
    """Ingest every file; one that fails is reported and the rest go on."""
    if ingest is None:
        from docintake.pipeline import ingest_file as ingest
    files, skipped = expand(paths, text=text)
    report = BatchReport(files=files, skipped=skipped)
    started = time.monotonic()
    reporter.start(files)
    try:  # Ctrl+C: each file stored is whole; the summary still says how far it got
        for path in files:
            reporter.file_start(path)
            outcome, error = _one(ingest, path, db, settings, text)
            if error is not None:
                report.failures.append((path, error))
            else:
                report.outcomes.append(outcome)
            reporter.file_done(path, outcome=outcome, error=error)
    finally:
        report.seconds = time.monotonic() - started
        reporter.finish(report)
    return report


def _one(ingest: Callable, path: Path, db, settings: Settings, text: bool):
    try:
        return ingest(path, db, settings, text=text), None
    except DocintakeError as exc:
        return None, exc
    except OSError as exc:  # unreadable, vanished mid-read
        return None, InputFileError(f"{path}: cannot read it ({exc.strerror or exc}).")
    except Exception as exc:  # noqa: BLE001 - a bug on one file fails that file; the batch goes on
        from docintake.intake.outcome import internal_file_error

        return None, internal_file_error(path.name, exc, "nothing of it was stored", "docintake ingest")


def failed_error(report: BatchReport) -> DocintakeError | None:
    """The error to exit with when files failed: the first failure's exit code, every name listed."""
    if not report.failures:
        return None
    names = ", ".join(p.name for p, _ in report.failures[:5]) + (" ..." if len(report.failures) > 5 else "")
    error = DocintakeError(f"{len(report.failures)} of {len(report.files)} file(s) were not stored: {names} "
                           "(reasons above). Fix or remove them and run the same command again: "
                           "files already stored are skipped.")
    error.exit_code = report.failures[0][1].exit_code if report.failures else ExitCode.internal
    error.code = report.failures[0][1].code
    return error


# ------------------------------------------------------------------ reporters


def outcome_line(o) -> str:
    if o.status == "duplicate":
        return f"{o.file}: already in the registry, nothing changed"
    return (f"{o.file}: {len(o.letters)} letter(s) {', '.join(o.letters)}; new {o.new}, seen before {o.merged}, "
            f"awaited {o.filled}; {o.placeholders} referenced letter(s) not received yet; {o.tasks} task(s)")


def failure_text(path: Path, error: DocintakeError) -> str:
    """The error's message, with the file named once."""
    return error.message if path.name in error.message else f"{path}: {error.message}"


class PlainReporter:
    """One log line per file (stdout), errors on stderr: for logs, cron and pipes."""

    def __init__(self, echo: Callable[..., None], quiet: bool = False):
        self.echo, self.quiet, self.n, self.total = echo, quiet, 0, 0

    def start(self, files: list[Path]) -> None:
        self.total = len(files)

    def file_start(self, path: Path) -> None:
        pass

    def file_done(self, path: Path, outcome=None, error: DocintakeError | None = None) -> None:
        self.n += 1
        if error is not None:
            self.echo(f"[{self.n}/{self.total}] failed: {failure_text(path, error)}", err=True)
        elif not self.quiet:
            self.echo(f"[{self.n}/{self.total}] {outcome_line(outcome)}")

    def finish(self, report: BatchReport) -> None:
        if not self.quiet:
            self.echo(report.summary())


def count_pages(path: Path) -> int:
    """Pages a file will give, for the progress bar's total (1 when it cannot tell)."""
    try:
        if path.suffix.lower() in TEXT_SUFFIXES:
            return path.read_text(encoding="utf-8-sig", errors="replace").count("\f") + 1
        from docintake.intake.load import count_pages as pages_in

        return max(1, pages_in(path))
    except Exception:  # noqa: BLE001 - a bad file fails properly when it is read
        return 1


class RichReporter:
    """A progress bar (files, pages, letters, time left) with one line per file above it."""

    def __init__(self, console=None):
        from rich.console import Console

        self.console = console or Console()
        self.progress = None

    def start(self, files: list[Path]) -> None:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self.pages = {p: count_pages(p) for p in files}  # time goes with pages, so the bar counts them
        self.progress = Progress(
            TextColumn("{task.description}", markup=False), BarColumn(),
            TextColumn("files {task.fields[files]}/{task.fields[total_files]}"),
            TextColumn("pages {task.completed:.0f}/{task.total:.0f}"), TextColumn("letters {task.fields[letters]}"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=self.console)
        self.progress.start()
        self.task = self.progress.add_task("ingest", total=sum(self.pages.values()) or 1, files=0,
                                           total_files=len(files), letters=0)

    def file_start(self, path: Path) -> None:
        self.progress.update(self.task, description=path.name)

    def file_done(self, path: Path, outcome=None, error: DocintakeError | None = None) -> None:
        task = self.progress.tasks[0]
        read = outcome.pages if outcome is not None and outcome.pages else self.pages.get(path, 1)
        letters = len(outcome.letters) if outcome is not None and outcome.status == "stored" else 0
        self.progress.update(self.task, total=task.total + read - self.pages.get(path, 1), advance=read,
                             files=task.fields["files"] + 1, letters=task.fields["letters"] + letters)
        line = f"failed: {failure_text(path, error)}" if error is not None else outcome_line(outcome)
        self.progress.console.print(line, markup=False, highlight=False, style="red" if error else None)

    def finish(self, report: BatchReport) -> None:
        if self.progress is not None:
            self.progress.stop()
        self.console.print(report.summary(), markup=False, highlight=False)
