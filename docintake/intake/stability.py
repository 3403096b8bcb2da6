"""When is a file in the inbox complete? Size and mtime unchanged for a delay.

A scanner or a copy over SMB writes a file in pieces; taking it early reads a
truncated scan. Like paperless-ngx, a file is taken only when its size and
mtime have stayed the same for ``delay`` seconds of *our* clock (the file's
mtime may be years old when Explorer copies it, so it is only compared, never
trusted as a time). ``StabilityTracker`` is pure: the caller stats the files
and passes ``now``, so tests drive it with made-up times.

Which names are never taken (temp, hidden, system, partial downloads) is a
data table, ``SKIP_PATTERNS``, matched case-insensitively because Windows
names are.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import Path

# (glob pattern on the lower-cased file name, why it is skipped)
SKIP_PATTERNS: tuple[tuple[str, str], ...] = (
    (".*", "hidden file (also macOS ._ resource forks and .~lock.* LibreOffice locks)"),
    ("~$*", "Microsoft Office owner/lock file"),
    ("~*.tmp", "Office temporary save"),
    ("thumbs.db", "Windows thumbnail cache"),
    ("ehthumbs.db", "Windows Media Center thumbnail cache"),
    ("desktop.ini", "Windows folder settings"),
    ("*.part", "partial download (Firefox, rsync, wget)"),
    ("*.partial", "partial download (Edge, IE)"),
    ("*.crdownload", "partial download (Chrome)"),
    ("*.download", "partial download (Safari)"),
    ("*.filepart", "partial upload (WinSCP)"),
    ("*.tmp", "temporary file"),
    ("*.temp", "temporary file"),
    ("*.swp", "editor swap file"),
    ("*~", "editor backup file"),
    ("*.error.json", "a docintake error sidecar, not a scan"),
)


def skip_reason(name: str) -> str | None:
    """Why a file name is never taken, or None when it may be a scan.

    >>> skip_reason("~$report.docx")
    'Microsoft Office owner/lock file'
    >>> skip_reason("Thumbs.db")
    'Windows thumbnail cache'
    >>> skip_reason("หนังสือ มท 0808.2.pdf") is None
    True
    """
    lowered = name.lower()
    for pattern, reason in SKIP_PATTERNS:
        if fnmatch.fnmatchcase(lowered, pattern):
            return reason
    return None


@dataclass(frozen=True)
class Signature:
    """What must stay the same for a file to count as complete."""

    size: int
    mtime_ns: int


@dataclass
class _Seen:
    signature: Signature
    since: float  # our clock when this signature was first observed


class StabilityTracker:
    """Which observed files kept the same size and mtime for ``delay`` seconds.

    >>> t = StabilityTracker(delay=2.0)
    >>> t.observe(Path("a.pdf"), size=10, mtime_ns=1, now=100.0)
    >>> t.stable(now=101.0)
    []
    >>> t.observe(Path("a.pdf"), size=20, mtime_ns=2, now=101.5)  # still growing
    >>> t.stable(now=103.0)
    []
    >>> [str(p) for p in t.stable(now=103.5)]
    ['a.pdf']
    """

    def __init__(self, delay: float):
        if delay < 0:
            raise ValueError("the stability delay cannot be negative")
        self.delay = delay
        self._seen: dict[Path, _Seen] = {}

    def observe(self, path: Path, *, size: int, mtime_ns: int, now: float) -> None:
        """Record one stat of ``path``; a changed size or mtime restarts its wait."""
        signature = Signature(size, mtime_ns)
        seen = self._seen.get(path)
        if seen is None or seen.signature != signature:
            self._seen[path] = _Seen(signature, now)

    def forget(self, path: Path) -> None:
        """Stop tracking a file (taken, vanished, or now skipped)."""
        self._seen.pop(path, None)

    def is_stable(self, path: Path, now: float) -> bool:
        seen = self._seen.get(path)
        # 1e-9 s of slack so 0.18 - 0.08 counts as the 0.1 s it means (float subtraction)
        return seen is not None and now - seen.since >= self.delay - 1e-9

    def stable(self, now: float) -> list[Path]:
        """The tracked files unchanged for the delay, in name order (a stable batch order)."""
        return sorted(p for p in self._seen if self.is_stable(p, now))

    def waiting(self, now: float) -> list[Path]:
        """The tracked files not yet stable."""
        return sorted(p for p in self._seen if not self.is_stable(p, now))

    def tracked(self) -> list[Path]:
        return sorted(self._seen)

    def __len__(self) -> int:
        return len(self._seen)
