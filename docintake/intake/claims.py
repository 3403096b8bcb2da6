"""Claims: which watcher is working on which file, in a form that survives kill -9.

Layout, all inside the inbox so every rename stays on one filesystem::

    INBOX/.claimed/<owner>/owner.lock          locked for the whole life of the process
    INBOX/.claimed/<owner>/<claim-id>/claim.json   where the file came from; later the intent
    INBOX/.claimed/<owner>/<claim-id>/<file name>  the file itself while it is worked on

* **Claiming is one rename.** A watcher takes a stable file by renaming it from
  the inbox into its own claim folder. ``rename`` is atomic, so when two
  watchers (or an ingest and a watcher) race for one file exactly one wins; the
  other gets FileNotFoundError and moves on. Nothing else needs to agree.
* **Liveness is an OS lock.** ``owner.lock`` is held with ``flock`` (POSIX; the
  NFS client maps it to NFS locks) or ``msvcrt.locking`` (Windows). The kernel
  drops it when the process dies however it dies, so "its lock can be taken"
  means "its owner is dead" and its claims are orphans: the first watcher that
  takes the lock adopts them (see ``runner`` for what recovery does with each).
* The owner folder is built under a hidden name (``.new-<owner>``, never looked
  at) and renamed into place only once its lock is held, so nobody can mistake
  a half-made owner for a dead one. (A kill inside that window leaves an empty
  hidden folder behind, nothing else.)
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from docintake.intake.placement import write_json_atomic

CLAIMS_DIR = ".claimed"
LOCK_NAME = "owner.lock"
MANIFEST = "claim.json"


def try_lock(path: Path) -> int | None:
    """An fd holding an exclusive lock on ``path`` (created if missing), or None if held."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _lock_nb(fd)
    except OSError:
        os.close(fd)
        return None
    return fd


def _lock_nb(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        return
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


@dataclass
class Claim:
    """One claimed file: its folder, its name there, and its manifest."""

    folder: Path
    manifest: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.manifest["name"]

    @property
    def original(self) -> str:
        return self.manifest.get("original", self.name)

    @property
    def path(self) -> Path:
        return self.folder / self.name

    @property
    def intent(self) -> dict | None:
        return self.manifest.get("intent")

    def set_intent(self, intent: dict) -> None:
        """Record where the file is about to go, before it goes (durably)."""
        self.manifest["intent"] = intent
        write_json_atomic(self.folder / MANIFEST, self.manifest)

    def release(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    @classmethod
    def load(cls, folder: Path) -> Claim | None:
        """A claim folder as left on disk, or None when it never got its file."""
        try:
            manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            manifest = {}
        if "name" not in manifest:  # manifest lost mid-write: the file, if any, is the only one
            names = [p.name for p in folder.iterdir() if not p.name.startswith(".") and p.name != MANIFEST]
            if len(names) != 1:
                return None
            manifest = {"name": names[0], "original": names[0]}
        claim = cls(folder, manifest)
        if claim.intent is None and not os.path.lexists(claim.path):
            return None  # killed before the rename: the file is still in the inbox
        return claim


class ClaimStore:
    """This process's claim folder inside ``root`` (INBOX/.claimed)."""

    def __init__(self, root: Path, owner: str | None = None):
        self.root = root
        self.owner = owner or f"{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(3)}"
        self.dir = root / self.owner
        self._fd: int | None = None
        self._seq = 0

    def open(self) -> ClaimStore:
        self.root.mkdir(parents=True, exist_ok=True)
        staging = self.root / f".new-{self.owner}"
        staging.mkdir()
        fd = try_lock(staging / LOCK_NAME)
        if fd is None:  # pragma: no cover - nobody else knows this fresh name
            raise RuntimeError(f"cannot lock {staging}")
        os.rename(staging, self.dir)
        self._fd = fd
        return self

    def close(self) -> None:
        """Clean exit: drop the owner folder when it holds no claims, then the lock."""
        if self._fd is None:
            return
        try:
            if not any(p.is_dir() for p in self.dir.iterdir()):
                shutil.rmtree(self.dir, ignore_errors=True)
        except FileNotFoundError:  # someone removed it by hand: nothing left to clean
            pass
        os.close(self._fd)
        self._fd = None

    def claim(self, src: Path, original: str, claimed_at: str) -> Claim | None:
        """Take ``src`` for this process, or None when someone else took it (or it vanished)."""
        self._seq += 1
        folder = self.dir / f"{self._seq:06d}-{secrets.token_hex(4)}"
        folder.mkdir()
        claim = Claim(folder, {"name": src.name, "original": original,
                               "claimed_at": claimed_at, "owner": self.owner})
        write_json_atomic(folder / MANIFEST, claim.manifest)
        try:
            os.rename(src, claim.path)
        except FileNotFoundError:  # another watcher won, or it was deleted: not ours
            claim.release()
            return None
        except OSError:
            claim.release()
            raise
        return claim

    def own_claims(self) -> list[Claim]:
        """Claims of this process still on disk (a placement that failed, to be retried)."""
        return _claims_in(self.dir)

    def orphans(self) -> Iterator[list[Claim]]:
        """Claims of each dead owner, yielded while its lock is held; its folder is removed after.

        Hidden names (``.new-*``: an owner still being set up) are not looked at.
        A folder that disappears meanwhile was a live owner closing cleanly.
        """
        for owner_dir in _owner_dirs(self.root, skip=self.dir):
            try:
                fd = try_lock(owner_dir / LOCK_NAME)
            except FileNotFoundError:
                continue
            if fd is None:
                continue  # alive
            try:
                yield _claims_in(owner_dir)
                if not any(p.is_dir() for p in owner_dir.iterdir()):
                    shutil.rmtree(owner_dir, ignore_errors=True)
            except FileNotFoundError:
                continue
            finally:
                os.close(fd)


def _owner_dirs(root: Path, skip: Path) -> list[Path]:
    try:
        entries = list(root.iterdir())
    except FileNotFoundError:
        return []
    return sorted(p for p in entries if p != skip and not p.name.startswith(".") and p.is_dir())


def _claims_in(owner_dir: Path) -> list[Claim]:
    claims = []
    for folder in sorted(p for p in owner_dir.iterdir() if p.is_dir()):
        claim = Claim.load(folder)
        if claim is None:  # claimed folder made, file never renamed in: it is still in the inbox
            shutil.rmtree(folder, ignore_errors=True)
        else:
            claims.append(claim)
    return claims
