"""``docintake retry``: put the files in failed/ back into the inbox (after an upgrade, say).

Each file goes back where it was found (the sidecar's ``original``, when that is
a plain relative path inside the inbox) or to the inbox top, never over another
file; its sidecar is deleted only after the file is back, so a crash leaves at
worst a stale sidecar, never a lost scan. A sidecar whose file is gone (the
file vanished while it was read) cannot be retried and is kept.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from docintake.intake.inbox import Layout, dir_skip_reason
from docintake.intake.placement import SIDECAR_SUFFIX, place, sidecar_path

log = logging.getLogger("docintake.intake")


@dataclass
class RetryReport:
    requeued: list[tuple[Path, Path]] = field(default_factory=list)  # (from failed/, to inbox)
    kept: list[Path] = field(default_factory=list)  # sidecars whose file is gone: nothing to retry


def read_sidecar(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def return_folder(layout: Layout, original: str | None) -> Path:
    """Where a retried file goes: its old subfolder if that is safe, else the inbox top."""
    if not original:
        return layout.inbox
    parts = PurePosixPath(original).parts[:-1]
    unsafe = PurePosixPath(original).is_absolute() or any(
        p in ("..", "") or dir_skip_reason(p) for p in parts
    )
    folder = layout.inbox.joinpath(*parts)
    if unsafe or any(folder == o or o in folder.parents for o in layout.outputs()):
        return layout.inbox
    return folder


def requeue_failed(layout: Layout, *, code: str | None = None) -> RetryReport:
    """Move failed files (optionally only those with error ``code``) back into the inbox."""
    report = RetryReport()
    if not layout.failed.is_dir():
        return report
    for path in sorted(layout.failed.iterdir()):
        if path.name.endswith(SIDECAR_SUFFIX) or path.name.startswith(".") or not path.is_file():
            continue
        record = read_sidecar(sidecar_path(path))
        if code is not None and record.get("code") != code:
            continue
        name = PurePosixPath(record.get("original") or path.name).name
        back = place(path, return_folder(layout, record.get("original")), name)
        sidecar_path(path).unlink(missing_ok=True)
        report.requeued.append((path, back))
    report.kept = sorted(
        p for p in layout.failed.glob("*" + SIDECAR_SUFFIX)
        if not p.with_name(p.name[: -len(SIDECAR_SUFFIX)]).exists()
    )
    return report
