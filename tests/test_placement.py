"""Placement: names kept, clashes suffixed, never a clobber, copies verified across filesystems."""

import errno
import hashlib
import itertools
import os
from pathlib import Path

import pytest

from docintake.intake import placement
from docintake.intake.placement import (
    PlacementError,
    candidate_names,
    fit_name,
    free_destination,
    move_file,
    place,
    sha256_file,
    write_json_atomic,
)


@pytest.mark.parametrize(
    "data, digest",
    [
        (b"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (b"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ],
    ids=["empty-fips-vector", "abc-fips-vector"],
)
def test_sha256_file_known_vectors(tmp_path, data, digest):
    path = tmp_path / "f"
    path.write_bytes(data)
    assert sha256_file(path) == digest


def test_sha256_file_reads_in_chunks_over_a_megabyte(tmp_path):
    data = os.urandom(placement.CHUNK * 2 + 17)
    (tmp_path / "big").write_bytes(data)
    assert sha256_file(tmp_path / "big") == hashlib.sha256(data).hexdigest()


NAMES = [
    ("scan.pdf", ["scan.pdf", "scan (2).pdf", "scan (3).pdf"]),
    ("หนังสือ ด่วนที่สุด.pdf", ["หนังสือ ด่วนที่สุด.pdf", "หนังสือ ด่วนที่สุด (2).pdf", "หนังสือ ด่วนที่สุด (3).pdf"]),
    ("README", ["README", "README (2)", "README (3)"]),
    ("a.b.pdf", ["a.b.pdf", "a.b (2).pdf", "a.b (3).pdf"]),
]


@pytest.mark.parametrize("name, expected", NAMES, ids=["latin", "thai-with-spaces", "no-extension", "two-dots"])
def test_candidate_names(name, expected):
    assert list(itertools.islice(candidate_names(name), 3)) == expected


@pytest.mark.parametrize("stem", ["ก" * 120, "a" * 300, "เรื่อง ขอเชิญประชุม " * 20], ids=["thai-3-bytes", "ascii", "thai-words"])
def test_long_names_fit_255_bytes_with_suffix_and_sidecar(stem):
    name = fit_name(stem + ".pdf")
    worst = f"{Path(name).stem} (999).pdf.error.json"
    assert name.endswith(".pdf") and len(worst.encode()) <= 255
    assert stem.startswith(Path(name).stem)


def test_free_destination_counts_a_lone_sidecar_as_taken(tmp_path):
    (tmp_path / "a.pdf.error.json").write_text("{}")
    assert free_destination(tmp_path, "a.pdf").name == "a.pdf"
    assert free_destination(tmp_path, "a.pdf", with_sidecar=True).name == "a (2).pdf"


def test_place_keeps_name_and_suffixes_clashes(tmp_path):
    folder = tmp_path / "processed"
    results = []
    for content in (b"1", b"2", b"3"):
        src = tmp_path / "ใบแจ้ง ภาษี.pdf"
        src.write_bytes(content)
        results.append(place(src, folder, src.name))
    assert [p.name for p in results] == ["ใบแจ้ง ภาษี.pdf", "ใบแจ้ง ภาษี (2).pdf", "ใบแจ้ง ภาษี (3).pdf"]
    assert [p.read_bytes() for p in results] == [b"1", b"2", b"3"]
    assert not (tmp_path / "ใบแจ้ง ภาษี.pdf").exists()


def test_move_never_overwrites(tmp_path):
    (tmp_path / "src.pdf").write_bytes(b"new")
    (tmp_path / "dest.pdf").write_bytes(b"old")
    with pytest.raises(FileExistsError):
        move_file(tmp_path / "src.pdf", tmp_path / "dest.pdf")
    assert (tmp_path / "dest.pdf").read_bytes() == b"old" and (tmp_path / "src.pdf").exists()


def test_move_keeps_mtime(tmp_path):
    src = tmp_path / "a.pdf"
    src.write_bytes(b"x")
    os.utime(src, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    dest = move_file(src, tmp_path / "out" / "a.pdf")
    assert dest.stat().st_mtime_ns == 1_600_000_000_000_000_000


def _exdev(*args, **kwargs):
    raise OSError(errno.EXDEV, "Invalid cross-device link")


def _no_links(*args, **kwargs):
    raise OSError(errno.EPERM, "Operation not permitted")


@pytest.fixture
def cross_fs(monkeypatch):
    """Every first link from the source fails with EXDEV, as between two filesystems."""
    real_link = os.link

    def link(src, dst, *a, **k):
        if ".partial-" not in str(src):
            _exdev()
        return real_link(src, dst, *a, **k)

    monkeypatch.setattr(placement.os, "link", link)


def test_cross_filesystem_move_copies_verifies_then_deletes(tmp_path, cross_fs):
    src = tmp_path / "a.pdf"
    src.write_bytes(b"scan bytes" * 1000)
    dest = move_file(src, tmp_path / "other" / "a.pdf")
    assert dest.read_bytes() == b"scan bytes" * 1000 and not src.exists()
    assert [p.name for p in dest.parent.iterdir()] == ["a.pdf"]  # no .partial left


def test_cross_filesystem_copy_that_differs_keeps_the_source(tmp_path, cross_fs, monkeypatch):
    src = tmp_path / "a.pdf"
    src.write_bytes(b"scan")
    with pytest.raises(PlacementError, match="original was kept"):
        move_file(src, tmp_path / "other" / "a.pdf", sha256="0" * 64)
    assert src.read_bytes() == b"scan"
    assert list((tmp_path / "other").iterdir()) == []


def test_no_hard_links_falls_back_to_rename(tmp_path, monkeypatch):
    monkeypatch.setattr(placement.os, "link", _no_links)
    src = tmp_path / "a.pdf"
    src.write_bytes(b"x")
    assert move_file(src, tmp_path / "b.pdf").read_bytes() == b"x" and not src.exists()
    src.write_bytes(b"y")
    with pytest.raises(FileExistsError):
        move_file(src, tmp_path / "b.pdf")
    assert (tmp_path / "b.pdf").read_bytes() == b"x"


def _other_filesystem(tmp_path: Path) -> Path | None:
    for candidate in (Path("/dev/shm"), Path("/run/user") / str(os.getuid())):
        if candidate.is_dir() and os.access(candidate, os.W_OK) and \
                candidate.stat().st_dev != tmp_path.stat().st_dev:
            return candidate
    return None


def test_real_cross_filesystem_move(tmp_path):
    other = _other_filesystem(tmp_path)
    if other is None:
        pytest.skip("no second writable filesystem (tmpfs) here; the EXDEV path is covered by simulation")
    target = other / f"docintake-test-{os.getpid()}"
    try:
        src = tmp_path / "ทดสอบ.pdf"
        src.write_bytes(b"z" * 5000)
        dest = place(src, target, src.name)
        assert dest.read_bytes() == b"z" * 5000 and not src.exists()
    finally:
        for p in target.glob("*"):
            p.unlink()
        if target.exists():
            target.rmdir()


def test_write_json_atomic_keeps_thai_readable(tmp_path):
    path = tmp_path / "x" / "a.error.json"
    write_json_atomic(path, {"message": "ไฟล์ว่าง"})
    assert "ไฟล์ว่าง" in path.read_text(encoding="utf-8")
    assert [p.name for p in path.parent.iterdir()] == ["a.error.json"]
