"""Stability: a file is taken only after its size and mtime held still for the delay."""

import os
import time
from pathlib import Path

import pytest

from docintake.intake.inbox import Layout, dir_skip_reason, scan_inbox
from docintake.intake.stability import SKIP_PATTERNS, StabilityTracker, skip_reason

DELAY = 0.1
A = Path("a.pdf")

# (observations as (size, mtime_ns, now), time asked, stable?)
TRACKER_CASES = [
    pytest.param([(10, 1, 0.0)], 0.05, False, id="seen-once-delay-not-over"),
    pytest.param([(10, 1, 0.0)], 0.1, True, id="seen-once-delay-exactly-over"),
    pytest.param([(10, 1, 0.0), (10, 1, 0.05), (10, 1, 0.09)], 0.1, True, id="unchanged-repeats-keep-first-time"),
    pytest.param([(10, 1, 0.0), (20, 1, 0.05)], 0.1, False, id="size-grew-restarts-wait"),
    pytest.param([(10, 1, 0.0), (20, 1, 0.05)], 0.15, True, id="size-grew-then-held-for-delay"),
    pytest.param([(10, 1, 0.0), (10, 2, 0.08)], 0.15, False, id="mtime-changed-same-size-restarts"),
    pytest.param([(10, 1, 0.0), (10, 2, 0.08)], 0.18, True, id="mtime-changed-then-held"),
    pytest.param([(0, 1, 0.0)], 0.1, True, id="empty-file-can-be-stable-and-fails-later"),
    pytest.param([(10, 5, 0.0), (10, 4, 0.02)], 0.1, False, id="mtime-going-back-is-a-change-too"),
]


@pytest.mark.parametrize("observations, asked, expected", TRACKER_CASES)
def test_tracker(observations, asked, expected):
    tracker = StabilityTracker(DELAY)
    for size, mtime_ns, now in observations:
        tracker.observe(A, size=size, mtime_ns=mtime_ns, now=now)
    assert tracker.is_stable(A, asked) is expected
    assert (tracker.stable(asked) == [A]) is expected
    assert (tracker.waiting(asked) == [A]) is (not expected)


def test_tracker_forgets_and_never_reads_the_clock(monkeypatch):
    monkeypatch.setattr(time, "time", lambda: pytest.fail("read the clock"))
    monkeypatch.setattr(time, "monotonic", lambda: pytest.fail("read the clock"))
    tracker = StabilityTracker(DELAY)
    tracker.observe(A, size=1, mtime_ns=1, now=0.0)
    tracker.forget(A)
    assert tracker.stable(10.0) == [] and len(tracker) == 0
    assert not tracker.is_stable(Path("never-seen.pdf"), 10.0)


def test_negative_delay_is_refused():
    with pytest.raises(ValueError):
        StabilityTracker(-1)


def test_real_file_written_in_pieces_is_stable_only_after_the_last_write(tmp_path):
    """Real stat, real 0.1 s delay: a file still growing is never reported stable."""
    path = tmp_path / "scan.pdf"
    tracker = StabilityTracker(DELAY)

    def look():
        st = path.stat()
        tracker.observe(path, size=st.st_size, mtime_ns=st.st_mtime_ns, now=time.monotonic())
        return tracker.is_stable(path, time.monotonic())

    with open(path, "wb") as handle:
        for _ in range(4):
            handle.write(b"x" * 1000)
            handle.flush()
            assert not look()
            time.sleep(DELAY / 2)
    look()  # one look after close; the wait below starts from here at the latest
    time.sleep(DELAY * 1.5)
    assert look()


SKIPPED = [
    ("~$letter.docx", True), (".DS_Store", True), ("._scan.pdf", True), (".~lock.x.odt#", True),
    ("Thumbs.db", True), ("THUMBS.DB", True), ("desktop.ini", True), ("Desktop.INI", True),
    ("scan.pdf.part", True), ("scan.pdf.crdownload", True), ("scan.tmp", True), ("SCAN.TMP", True),
    ("scan.pdf.partial", True), ("scan.pdf.download", True), ("scan.pdf.filepart", True),
    ("scan.pdf~", True), ("scan.pdf.error.json", True),
    ("scan.pdf", False), ("หนังสือ มท 0808.2 ว 1234.pdf", False), ("IMG_0001.JPG", False),
    ("a.tiff", False), ("partial report.pdf", False), ("tmp.pdf", False), ("notes.json", False),
]


@pytest.mark.parametrize("name, skipped", SKIPPED, ids=[n for n, _ in SKIPPED])
def test_skip_patterns(name, skipped):
    assert (skip_reason(name) is not None) is skipped


def test_every_skip_pattern_is_lower_case_and_explained():
    for pattern, reason in SKIP_PATTERNS:
        assert pattern == pattern.lower() and reason.strip(), pattern


@pytest.mark.parametrize(
    "name, skipped",
    [(".claimed", True), (".snapshot", True), ("#recycle", True), ("@eaDir", True),
     ("$RECYCLE.BIN", True), ("ฝ่ายปกครอง", False), ("2568", False)],
    ids=["claimed", "netapp-snapshot", "synology-recycle", "synology-thumbs", "windows-recycle", "thai", "year"],
)
def test_dir_skip(name, skipped):
    assert (dir_skip_reason(name) is not None) is skipped


def test_scan_reads_subfolders_but_not_outputs_claims_or_odd_files(tmp_path):
    layout = Layout.for_inbox(tmp_path)
    wanted = ["a.pdf", "ฝ่าย คลัง/b.jpg", "x/y/z/c.tif"]
    unwanted = ["processed/2025-01/d.pdf", "duplicates/e.pdf", "failed/f.pdf", ".claimed/o/1/g.pdf",
                ".snapshot/h.pdf", "Thumbs.db", "~$i.docx", "x/.j.pdf", "k.pdf.part"]
    for rel in wanted + unwanted:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"1")
    os.symlink(tmp_path / "a.pdf", tmp_path / "link.pdf")
    os.mkfifo(tmp_path / "pipe.pdf")
    found = sorted(layout.relative(p) for p, _ in scan_inbox(layout))
    assert found == sorted(wanted)


def test_scan_skips_outputs_placed_elsewhere_and_inside(tmp_path):
    out = tmp_path / "inbox" / "done"
    layout = Layout.for_inbox(tmp_path / "inbox", out)
    (out / "processed").mkdir(parents=True)
    (out / "processed" / "old.pdf").write_bytes(b"1")
    (tmp_path / "inbox" / "new.pdf").write_bytes(b"1")
    assert [p.name for p, _ in scan_inbox(layout)] == ["new.pdf"]
