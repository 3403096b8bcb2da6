"""Taking one file: claim -> hash -> process (store) -> record intent -> move.

Crash rule (why every step is in this order)
--------------------------------------------
The registry must know a file before the file moves, and the intake must be
able to finish any step after a kill -9. A claimed file's folder tells
recovery how far it got:

1. *Claim folder without the file, no intent*: killed before the claiming
   rename; the file is still in the inbox. The folder is removed.
2. *File, no intent*: killed while processing, or after the store committed but
   before the intent was written. The file is processed again at the very same
   claim path. The processor stores in one transaction keyed by sha256, so it
   either stores now (``stored``) or reports ``duplicate`` with the ``source``
   path recorded by the first store. **A duplicate whose recorded source is this
   claim path is our own earlier store: it goes to processed/, not
   duplicates/.** Claim paths hold a unique claim id, so a real duplicate (a
   second copy arriving later, even under the same name) never matches.
3. *Intent written* (kind, exact destination, sha256, sidecar record): the
   outcome is known; only the move is redone. If the destination already holds
   the file (killed between link and unlink, or after a cross-filesystem copy),
   the claim copy is deleted; otherwise the file is moved. A failed file gets
   its sidecar after the move; a missing sidecar is rewritten from the intent.

Every input therefore ends in exactly one of processed/YYYY-MM/, duplicates/ or
failed/, and is stored at most once (sha256 is unique in the registry).
Claims of a *live* watcher are never touched (``claims`` explains liveness).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from docintake.errors import UsageError, VanishedFileError
from docintake.intake.claims import Claim, ClaimStore
from docintake.intake.inbox import Layout, stat_candidate
from docintake.intake.outcome import (
    Outcome,
    Processor,
    RecordedError,
    empty_file_error,
    error_from_os,
    outcome_from_exception,
    sidecar_record,
)
from docintake.intake.placement import (
    free_destination,
    month_folder,
    move_file,
    sha256_file,
    sidecar_path,
    write_json_atomic,
)

log = logging.getLogger("docintake.intake")

# (sha256, final path): let the registry point at the scan in processed/ or failed/
Relocate = Callable[[str, Path], None]


@dataclass(frozen=True)
class Placed:
    """Where one input file ended; ``dest`` is None only when the file vanished."""

    original: str  # relative to the inbox
    folder: str  # processed | duplicates | failed
    dest: Path | None
    outcome: Outcome
    recovered: bool = False


def destination_kind(outcome: Outcome, claimed: Path) -> str:
    """processed | duplicates | failed, with the crash rule for our own earlier store."""
    if outcome.kind == "stored":
        return "processed"
    if outcome.kind == "duplicate":
        return "processed" if same_path(outcome.source, claimed) else "duplicates"
    return "failed"


def same_path(recorded: str | None, path: Path) -> bool:
    if not recorded:
        return False
    norm = lambda p: os.path.normcase(os.path.abspath(p))  # noqa: E731 - two uses, one line
    return norm(recorded) == norm(path)


def local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


class Intake:
    """Claims, processes and places files of one inbox; ``recover`` finishes dead watchers' work."""

    def __init__(self, layout: Layout, process: Processor, *, wall: Callable[[], dt.datetime] = local_now,
                 relocate: Relocate | None = None, claims: ClaimStore | None = None):
        self.layout = layout
        self.process = process
        self.wall = wall
        self.relocate = relocate
        self.claims = claims or ClaimStore(layout.claimed)

    def open(self) -> Intake:
        try:
            self.claims.open()
        except OSError as exc:
            raise UsageError(
                f"cannot write in {self.layout.inbox} ({exc.strerror or exc}). docintake moves each scan "
                "out of the inbox, so it needs write access there: ask IT, or watch a local folder."
            ) from exc
        return self

    def close(self) -> None:
        self.claims.close()

    def __enter__(self) -> Intake:
        return self.open()

    def __exit__(self, *exc) -> None:
        self.close()

    def take(self, path: Path) -> Placed | None:
        """Claim one inbox file and see it through; None if another watcher got it first."""
        if stat_candidate(path) is None:
            return None
        try:
            claim = self.claims.claim(path, self.layout.relative(path), self.wall().isoformat(timespec="seconds"))
        except OSError as exc:  # Windows: the scanner still has it open; or a subfolder is another mount
            log.warning("cannot take %s yet (%s); it stays in the inbox and is tried again at the next "
                        "rescan", self.layout.relative(path), exc.strerror or exc)
            return None
        return None if claim is None else self._finish_logged(claim, recovered=False)

    def recover(self) -> list[Placed]:
        """Finish the claims of dead watchers, and our own whose placement failed earlier."""
        placed = []
        for claims in self.claims.orphans():
            placed += [p for c in claims if (p := self._finish_logged(c, recovered=True))]
        placed += [p for c in self.claims.own_claims() if (p := self._finish_logged(c, recovered=True))]
        return placed

    def _finish_logged(self, claim: Claim, *, recovered: bool) -> Placed | None:
        try:
            return self.finish(claim, recovered=recovered)
        except OSError as exc:  # e.g. the output disk is full: the claim stays and is retried
            log.error("could not place %s (%s); it stays in %s and is retried", claim.original, exc, claim.folder)
            return None

    def finish(self, claim: Claim, *, recovered: bool = False) -> Placed:
        """Process a claimed file (unless its intent is already known), then place it."""
        if claim.intent is None:
            outcome = self._process(claim)
            claim.set_intent(self._intent(claim, outcome))
        return self._complete(claim, recovered)

    def _process(self, claim: Claim) -> Outcome:
        try:
            size = os.stat(claim.path).st_size
            sha = sha256_file(claim.path)
        except OSError as exc:
            return Outcome.failed(error_from_os(claim.original, exc))
        if size == 0:
            return Outcome.failed(empty_file_error(claim.original), sha)
        try:
            outcome = self.process(claim.path)
        except Exception as exc:  # noqa: BLE001 - any failure is this file's, not the batch's
            return outcome_from_exception(claim.original, exc, sha)
        if outcome.kind == "failed" and outcome.error is None:
            return outcome_from_exception(claim.original, RuntimeError("failed without a reason"), sha)
        return outcome if outcome.sha256 else replace(outcome, sha256=sha)

    def _intent(self, claim: Claim, outcome: Outcome) -> dict:
        kind = destination_kind(outcome, claim.path)
        now = self.wall()
        folder = {"processed": self.layout.processed / month_folder(now),
                  "duplicates": self.layout.duplicates, "failed": self.layout.failed}[kind]
        dest = free_destination(folder, claim.name, with_sidecar=kind == "failed")
        intent = {"kind": kind, "dest": str(dest), "sha256": outcome.sha256,
                  "outcome": outcome.kind, "source": outcome.source, "detail": outcome.detail}
        if kind == "failed":
            intent["sidecar"] = sidecar_record(outcome, name=dest.name, original=claim.original,
                                               time_iso=now.isoformat(timespec="seconds"))
        return intent

    def _complete(self, claim: Claim, recovered: bool) -> Placed:
        intent = claim.intent
        dest = Path(intent["dest"])
        if os.path.lexists(claim.path):
            if _already_there(claim.path, dest, intent.get("sha256")):
                os.unlink(claim.path)  # killed between link and unlink, or after copy+verify
            else:
                dest = self._move(claim, dest)
        elif not os.path.lexists(dest):
            return self._vanished(claim, recovered)
        if intent["kind"] == "failed" and not os.path.lexists(sidecar_path(dest)):
            write_json_atomic(sidecar_path(dest), {**intent["sidecar"], "file": dest.name})
        if intent["kind"] != "duplicates" and intent.get("sha256"):  # a duplicate's row is the first copy's
            self._relocate(intent["sha256"], dest)
        claim.release()
        return Placed(claim.original, intent["kind"], dest, _outcome_of(intent), recovered)

    def _relocate(self, sha256: str, dest: Path) -> None:
        if self.relocate is None:
            return
        try:
            self.relocate(sha256, dest)
        except Exception as exc:  # noqa: BLE001 - the file is safe; only the registry's pointer is stale
            log.warning("%s is in place but the registry could not be told (%s)", dest.name, exc)

    def _move(self, claim: Claim, dest: Path) -> Path:
        intent = claim.intent
        while True:
            try:
                return move_file(claim.path, dest, sha256=intent.get("sha256"))
            except FileExistsError:  # that name was taken meanwhile: record the next free one first
                dest = free_destination(dest.parent, claim.name, with_sidecar=intent["kind"] == "failed")
                claim.set_intent({**intent, "dest": str(dest)})

    def _vanished(self, claim: Claim, recovered: bool) -> Placed:
        """The claimed file is gone (deleted under us): leave a sidecar so the clerk knows."""
        intent = claim.intent
        dest = free_destination(self.layout.failed, claim.name, with_sidecar=True)
        record = intent.get("sidecar") if intent["kind"] == "failed" else None
        if record is None or record["code"] != VanishedFileError.code:
            record = sidecar_record(
                Outcome.failed(VanishedFileError(
                    f"{claim.original} disappeared while it was being worked on. "
                    "If the letter is not in processed/, scan it again."), intent.get("sha256")),
                name=dest.name, original=claim.original, time_iso=self.wall().isoformat(timespec="seconds"))
        write_json_atomic(sidecar_path(dest), {**record, "file": dest.name})
        claim.release()
        return Placed(claim.original, "failed", None, _outcome_of({**intent, "sidecar": record}), recovered)


def _already_there(src: Path, dest: Path, sha256: str | None) -> bool:
    """Is ``dest`` this very file (same inode), or its verified copy on another filesystem?"""
    try:
        if not os.path.lexists(dest):
            return False
        if os.path.samefile(src, dest):
            return True
        cross_fs = os.stat(src).st_dev != os.stat(dest).st_dev
        return cross_fs and sha256 is not None and sha256_file(dest) == sha256
    except OSError:
        return False


def _outcome_of(intent: dict) -> Outcome:
    """The outcome as recorded in the intent."""
    record = intent.get("sidecar")
    error = RecordedError(record["code"], record["message"], record["exit_code"]) if record else None
    kind = "failed" if record else intent["outcome"]
    return Outcome(kind, intent.get("sha256"), intent.get("source"), error, intent.get("detail", ""))
