"""Rendering and scan degradation: sizes, formats, and one OCR sanity check."""

from __future__ import annotations

import random
import shutil
import subprocess

import numpy as np
import pytest
from PIL import Image

from docintake.synth.corpus import generate_bundle, lay_out_bundle
from docintake.synth.degrade import degrade
from docintake.synth.draw import page_size


@pytest.mark.parametrize(("dpi", "size"), [(300, (2480, 3508)), (200, (1654, 2339)), (100, (827, 1169))],
                         ids=["300dpi", "200dpi", "100dpi"])
def test_a4_page_size(dpi, size):
    assert page_size(dpi) == size


@pytest.fixture(scope="module")
def page100():
    _, laid = lay_out_bundle(3, 0, "jpg", 100)
    return laid.render(100)[0]


@pytest.mark.parametrize("rotate_p", [0.0, 1.0], ids=["upright", "always-rotated"])
def test_degrade_keeps_a4_and_records_rotation(page100, rotate_p):
    for seed in range(4):
        scan = degrade(page100, np.random.default_rng(seed), 100, rotate_p=rotate_p)
        expected = page100.size if scan.rotation in (0, 180) else page100.size[::-1]
        assert scan.image.size == expected and scan.image.mode == "RGB"
        assert (scan.rotation == 0) == (rotate_p == 0.0)
        if scan.rotation:
            assert any("rotated" in n for n in scan.notes)


def test_rotation_is_undone_by_rotating_back(page100):
    rng = np.random.default_rng(1)
    scan = degrade(page100, rng, 100, rotate_p=1.0)
    upright = scan.image.rotate(scan.rotation, expand=True)
    # Ink (the dark emblem at the top) must be back in the top part of the page.
    grey = np.asarray(upright.convert("L"), dtype=float)
    h = grey.shape[0]
    assert grey[: h // 5].mean() < grey[4 * h // 5:].mean() + 5


def test_degrade_changes_pixels_but_not_the_clean_page(page100):
    before = np.asarray(page100).copy()
    scan = degrade(page100, np.random.default_rng(0), 100, rotate_p=0)
    assert np.array_equal(np.asarray(page100), before)
    assert not np.array_equal(np.asarray(scan.image), before)


@pytest.mark.parametrize("fmt", ["pdf", "tiff", "jpg", "png"])
def test_every_format_opens_with_all_pages(tmp_path, fmt):
    _, truth, _ = generate_bundle(tmp_path, 1, 4, fmt, 100)
    path = tmp_path / truth.file
    if fmt == "pdf":
        assert path.read_bytes().startswith(b"%PDF") and path.read_bytes().count(b"/DCTDecode") == truth.pages
        return
    img = Image.open(path)
    assert getattr(img, "n_frames", 1) == truth.pages
    for i in range(truth.pages):
        img.seek(i)
        assert sorted(img.size) == sorted(page_size(100))
    assert fmt not in ("jpg", "png") or truth.pages == 1


@pytest.mark.tesseract
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract binary not installed")
def test_tesseract_reads_a_clean_300dpi_page(tmp_path):
    """The render must be readable: stock Tesseract recovers most characters."""
    from rapidfuzz.distance import Levenshtein

    _, laid = lay_out_bundle(2, 1, "pdf", 300)
    laid.render(300)[0].save(tmp_path / "p1.png")
    out = subprocess.run(["tesseract", str(tmp_path / "p1.png"), "-", "-l", "tha+eng"],
                         capture_output=True, text=True, check=True, timeout=120).stdout
    truth = "".join(laid.texts[0].split())
    read = "".join(out.replace("\u0e4d\u0e32", "\u0e33").split())  # tesseract splits sara am
    cer = Levenshtein.distance(read, truth) / len(truth)
    assert cer < 0.15, cer
    assert "ขอแสดงความนับถือ" in out  # no tone marks: tesseract drops those (DOMAIN.md)
