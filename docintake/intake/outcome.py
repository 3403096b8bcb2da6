"""What processing one file came to, and how an exception becomes a failed outcome.

The intake never OCRs or stores anything itself: it is handed a *processor*,
``Callable[[Path], Outcome]`` (the real one wraps ``pipeline.ingest_file``;
tests pass fakes). A processor either returns an ``Outcome`` or raises; the
intake turns whatever it raises into a failed ``Outcome`` with
``outcome_from_exception`` so one bad file never stops the batch.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from docintake.errors import (
    DocintakeError,
    EmptyFileError,
    ExitCode,
    InputFileError,
    InternalFileError,
    ReadFailedError,
    UnreadableFileError,
    VanishedFileError,
)

Kind = Literal["stored", "duplicate", "failed"]


class RecordedError(DocintakeError):
    """An error read back from a claim's recorded intent (the exception itself is gone)."""

    def __init__(self, code: str, message: str, exit_code: int = int(ExitCode.internal)):
        super().__init__(message)
        self.code = code
        self.exit_code = exit_code


@dataclass(frozen=True)
class Outcome:
    """``stored``: now in the registry. ``duplicate``: its sha256 already was; ``source`` is
    the path recorded with that first store. ``failed``: ``error`` says why."""

    kind: Kind
    sha256: str | None = None
    source: str | None = None
    error: DocintakeError | None = None
    detail: str = ""  # e.g. "2 letters, 5 pages", for the log line

    @classmethod
    def failed(cls, error: DocintakeError, sha256: str | None = None) -> Outcome:
        return cls("failed", sha256=sha256, error=error)


Processor = Callable[[Path], Outcome]

# errno -> (error class, what the clerk should do); the file name is put in front.
_OS_ERRORS: dict[int, tuple[type[InputFileError], str]] = {
    errno.ENOENT: (
        VanishedFileError,
        "disappeared while it was being read (moved or deleted by someone, or the scanner "
        "replaced it). If it is not in processed/, scan the letter again.",
    ),
    errno.EACCES: (
        UnreadableFileError,
        "cannot be read: permission denied. Ask IT to let the docintake user read the "
        "scan folder, then run `docintake retry`.",
    ),
    errno.EPERM: (
        UnreadableFileError,
        "cannot be read: operation not permitted. Ask IT to let the docintake user read "
        "the scan folder, then run `docintake retry`.",
    ),
}


def error_from_os(name: str, exc: OSError) -> InputFileError:
    """A clerk-readable error for an OS error met while reading ``name``.

    >>> error_from_os("a.pdf", FileNotFoundError(2, "No such file")).code
    'vanished'
    >>> error_from_os("a.pdf", OSError(5, "Input/output error")).code
    'io_error'
    """
    cls, advice = _OS_ERRORS.get(exc.errno or 0, (None, None))
    if cls is None:
        return ReadFailedError(
            f"{name} could not be read ({exc.strerror or exc}): a disk or network-share "
            "problem. Check the share, then run `docintake retry`."
        )
    return cls(f"{name} {advice}")


def empty_file_error(name: str) -> EmptyFileError:
    return EmptyFileError(
        f"{name} is empty (0 bytes): the scan or copy did not finish. Scan the letter again."
    )


def outcome_from_exception(name: str, exc: Exception, sha256: str | None = None) -> Outcome:
    """Whatever a processor raised, as a failed Outcome (bugs included: the batch goes on)."""
    if isinstance(exc, DocintakeError):
        return Outcome.failed(exc, sha256)
    if isinstance(exc, OSError):
        return Outcome.failed(error_from_os(name, exc), sha256)
    return Outcome.failed(internal_file_error(name, exc, "the file was set aside", "docintake retry"), sha256)


def internal_file_error(name: str, exc: Exception, done: str, again: str) -> InternalFileError:
    """A bug met on one file, as that file's failure: ``done`` says what
    became of the file, ``again`` the command that reads it after an upgrade."""
    return InternalFileError(f"docintake hit an internal error on {name} ({exc!r}); {done}. "
                             f"Report it with the file; after an upgrade run `{again}`.")


def sidecar_record(outcome: Outcome, *, name: str, original: str, time_iso: str) -> dict:
    """The JSON written beside a failed file as ``<name>.error.json``."""
    error = outcome.error or InternalFileError("no error was recorded")
    return {
        "file": name,
        "original": original,  # where it was in the inbox, for `docintake retry`
        "code": error.code,
        "message": error.message,
        "exit_code": int(getattr(error, "exit_code", ExitCode.internal)),
        "time": time_iso,
        "sha256": outcome.sha256,
    }
