"""The inbox folder: where the output folders are, and which files are candidates.

By default the output folders live inside the inbox (``processed/``,
``duplicates/``, ``failed/``) so a clerk sees everything in one share; ``out``
puts them elsewhere (another disk is fine: moves there copy and verify). The
claim folder ``.claimed/`` is always inside the inbox, because claiming must be
a rename on one filesystem.

Scanning reads subfolders but never descends into the output folders, the claim
folder, hidden folders, or the snapshot/recycle folders NAS boxes add
(``SKIP_DIRS``); it takes regular files only (no symlinks, devices, pipes).
"""

from __future__ import annotations

import fnmatch
import logging
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from docintake.intake.claims import CLAIMS_DIR
from docintake.intake.stability import skip_reason

log = logging.getLogger("docintake.intake")

# (glob on the lower-cased folder name, why it is not read)
SKIP_DIRS: tuple[tuple[str, str], ...] = (
    (".*", "hidden folder (.claimed, .snapshot on NetApp, .Trash, .AppleDouble)"),
    ("~snapshot", "NAS snapshot folder"),
    ("#recycle", "Synology recycle bin"),
    ("#snapshot", "Synology snapshot folder"),
    ("@eadir", "Synology thumbnail folder"),
    ("$recycle.bin", "Windows recycle bin"),
    ("system volume information", "Windows system folder"),
)


@dataclass(frozen=True)
class Layout:
    inbox: Path
    processed: Path
    duplicates: Path
    failed: Path
    claimed: Path

    @classmethod
    def for_inbox(cls, inbox: Path, out: Path | None = None) -> Layout:
        inbox = Path(inbox).resolve()
        root = Path(out).resolve() if out else inbox
        return cls(inbox, root / "processed", root / "duplicates", root / "failed", inbox / CLAIMS_DIR)

    def outputs(self) -> tuple[Path, Path, Path]:
        return self.processed, self.duplicates, self.failed

    def relative(self, path: Path) -> str:
        """``path`` as the clerk knows it: relative to the inbox, with forward slashes."""
        try:
            return Path(path).relative_to(self.inbox).as_posix()
        except ValueError:
            return Path(path).name


def dir_skip_reason(name: str) -> str | None:
    """Why a subfolder is never read, or None.

    >>> dir_skip_reason("#recycle"), dir_skip_reason("ฝ่ายปกครอง")
    ('Synology recycle bin', None)
    """
    lowered = name.lower()
    for pattern, reason in SKIP_DIRS:
        if fnmatch.fnmatchcase(lowered, pattern):
            return reason
    return None


def scan_inbox(layout: Layout) -> Iterator[tuple[Path, os.stat_result]]:
    """Every candidate file under the inbox with its lstat, outputs and skipped names left out."""
    excluded = {os.path.normcase(str(p)) for p in (*layout.outputs(), layout.claimed)}
    stack = [layout.inbox]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:  # a subfolder we may not list: say so, read the rest
            log.warning("cannot read folder %s: %s", folder, exc.strerror or exc)
            continue
        for entry in entries:
            yield from _visit(entry, excluded, stack)


def _visit(entry: os.DirEntry, excluded: set[str], stack: list[Path]) -> Iterator[tuple[Path, os.stat_result]]:
    try:
        st = entry.stat(follow_symlinks=False)
    except OSError:
        return  # vanished between listing and stat
    if stat.S_ISDIR(st.st_mode):
        if os.path.normcase(entry.path) not in excluded and dir_skip_reason(entry.name) is None:
            stack.append(Path(entry.path))
    elif stat.S_ISREG(st.st_mode) and skip_reason(entry.name) is None:
        yield Path(entry.path), st


def stat_candidate(path: Path) -> os.stat_result | None:
    """lstat of a file that is still a candidate regular file, else None (gone, replaced, dir)."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return st if stat.S_ISREG(st.st_mode) else None
