"""Moving a file into its one final place without ever losing or clobbering it.

Rules:

* Names are kept byte for byte (Thai, spaces); a clash gets `` (2)``, `` (3)`` ...
  before the extension, and an over-long name is shortened so the name plus
  ``.error.json`` still fits the 255-byte limit of ext4/NTFS/SMB.
* A move never overwrites: ``os.link`` + ``unlink`` is an atomic no-clobber move
  on one filesystem (a crash between the two leaves the same inode in both
  places, which the claim's recorded intent resolves). Where hard links are not
  supported (FAT, some SMB shares) ``os.rename`` is used after an existence check.
* Across filesystems (``EXDEV``): copy to a hidden ``.name.partial-XXXX`` beside
  the destination, fsync, verify size and sha256 read back from disk, link into
  place, fsync the folder, and only then delete the source.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import secrets
import shutil
from pathlib import Path

from docintake.errors import DocintakeError

CHUNK = 1 << 20
MAX_NAME_BYTES = 255
SIDECAR_SUFFIX = ".error.json"
# errnos meaning "this filesystem has no hard links": fall back to rename
_NO_LINK = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EMLINK, errno.EACCES}


class PlacementError(DocintakeError):
    code = "placement"


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes, read in 1 MiB chunks (bounded memory)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def month_folder(when: dt.datetime) -> str:
    """``processed/`` is split by the month a file was taken.

    >>> month_folder(dt.datetime(2025, 1, 31, 23, 59))
    '2025-01'
    """
    return f"{when.year:04d}-{when.month:02d}"


def fit_name(name: str, reserve: int = len(SIDECAR_SUFFIX) + len(" (999)")) -> str:
    """Shorten a name's stem so ``name + reserve`` bytes fit in 255 (UTF-8).

    >>> fit_name("a.pdf")
    'a.pdf'
    >>> n = fit_name("ก" * 200 + ".pdf"); len(n.encode()) <= 255 - 17, n.endswith(".pdf")
    (True, True)
    """
    stem, suffix = _split(name)
    budget = MAX_NAME_BYTES - reserve - len(suffix.encode())
    while len(stem.encode()) > budget and stem:
        stem = stem[:-1]
    return stem + suffix


def candidate_names(name: str):
    """``name``, then ``name (2)``, ``name (3)`` ... with the suffix before the extension.

    >>> import itertools; list(itertools.islice(candidate_names("หนังสือ ด่วน.pdf"), 3))
    ['หนังสือ ด่วน.pdf', 'หนังสือ ด่วน (2).pdf', 'หนังสือ ด่วน (3).pdf']
    """
    name = fit_name(name)
    stem, suffix = _split(name)
    yield name
    n = 2
    while True:
        yield f"{stem} ({n}){suffix}"
        n += 1


def _split(name: str) -> tuple[str, str]:
    path = Path(name)
    return (path.stem, path.suffix) if path.stem else (name, "")


def free_destination(folder: Path, name: str, *, with_sidecar: bool = False) -> Path:
    """The first candidate name free in ``folder`` (and its sidecar, for failed/)."""
    for candidate in candidate_names(name):
        dest = folder / candidate
        taken = os.path.lexists(dest) or (
            with_sidecar and os.path.lexists(dest.with_name(candidate + SIDECAR_SUFFIX))
        )
        if not taken:
            return dest
    raise AssertionError("unreachable")  # pragma: no cover - candidate_names is endless


def move_file(src: Path, dest: Path, *, sha256: str | None = None) -> Path:
    """Move ``src`` to exactly ``dest``; FileExistsError if ``dest`` is taken (never clobbers)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        _link_or_rename(src, dest)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        _copy_verify_delete(src, dest, sha256 or sha256_file(src))
    return dest


def _link_or_rename(src: Path, dest: Path) -> None:
    try:
        os.link(src, dest)
    except OSError as exc:
        if exc.errno not in _NO_LINK:
            raise  # EEXIST -> FileExistsError, EXDEV -> copy across filesystems
        if os.path.lexists(dest):
            raise FileExistsError(errno.EEXIST, "destination exists", str(dest)) from exc
        os.rename(src, dest)  # Windows refuses to overwrite; POSIX races are left to the check
        return
    os.unlink(src)


def _copy_verify_delete(src: Path, dest: Path, sha256: str) -> None:
    if os.path.lexists(dest):
        raise FileExistsError(errno.EEXIST, "destination exists", str(dest))
    tmp = dest.with_name(f".{dest.name[:200]}.partial-{secrets.token_hex(4)}")
    try:
        with open(src, "rb") as fin, open(tmp, "xb") as fout:
            shutil.copyfileobj(fin, fout, CHUNK)
            fout.flush()
            os.fsync(fout.fileno())
        shutil.copystat(src, tmp)
        if tmp.stat().st_size != src.stat().st_size or sha256_file(tmp) != sha256:
            raise PlacementError(
                f"copying {src.name} to {dest.parent} gave a different file (size or sha256); "
                "the original was kept. Check the disk, then run docintake again."
            )
        _link_or_rename(tmp, dest)
        fsync_dir(dest.parent)
    finally:
        if tmp.exists():
            tmp.unlink()
    os.unlink(src)


def place(src: Path, folder: Path, name: str, *, sha256: str | None = None,
          with_sidecar: bool = False) -> Path:
    """Move ``src`` into ``folder`` under ``name`` or the first free ``name (n)``."""
    while True:
        dest = free_destination(folder, name, with_sidecar=with_sidecar)
        try:
            return move_file(src, dest, sha256=sha256)
        except FileExistsError:
            continue  # another watcher took that name a moment ago: try the next one


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened: Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_json_atomic(path: Path, data: dict) -> None:
    """Write JSON so a reader sees the old file or the whole new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name[:200]}.tmp-{secrets.token_hex(4)}")
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=2)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def sidecar_path(placed: Path) -> Path:
    return placed.with_name(placed.name + SIDECAR_SUFFIX)
