"""Exports a clerk takes out of the registry: task list and register as CSV, deadlines as iCalendar.

``rows`` reads what to export (pydantic rows, ISO dates); ``csvout`` and
``ics`` turn rows into bytes (pure, tested by reading them back);
``write_atomic`` puts the bytes on disk so a half-written export never
replaces a good one (a clerk may have the old file open in Excel).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from docintake.errors import InputFileError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    path = Path(path)
    if path.is_dir():
        raise InputFileError(f"{path} is a folder; give a file name for the export, e.g. {path / 'tasks.csv'}.")
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        # mkstemp makes the file private (0600); an export is for sharing, so it
        # gets the permissions any new file would get under the user's umask.
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        hint = " (is it open in Excel?) Close it or choose another --out" if isinstance(exc, PermissionError) else ""
        raise InputFileError(f"cannot write {path}: {exc.strerror or exc}{hint}.") from exc
