"""ocr.preprocess: each image step on rendered Thai text, no Tesseract needed."""

from __future__ import annotations

import functools

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from docintake.ocr.preprocess import (
    TARGET_X_HEIGHT,
    analyse,
    binarise,
    deskew,
    flatten,
    prepare,
    rotate_quadrant,
    to_gray,
    x_height,
)

FONT = "/usr/share/fonts/truetype/tlwg/Laksaman.ttf"
LINES = [
    "ที่ มท ๐๘๑๐.๖/ว ๒๐๖๙ กรมส่งเสริมการปกครองท้องถิ่น",
    "เรื่อง การขับเคลื่อนนโยบาย ๑ อปท. ๑ อัตลักษณ์ท้องถิ่น",
    "เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด",
    "ด้วยกระทรวงมหาดไทยได้มีนโยบายให้ส่งเสริมการท่องเที่ยว",
    "สิ่งที่ส่งมาด้วย สำเนาหนังสือจังหวัดชัยภูมิ จำนวน ๑ ชุด",
    "ให้แล้วเสร็จภายในวันพุธที่ ๑๑ มิถุนายน ๒๕๖๘",
]


@functools.cache
def page(dpi: int = 150, pt: int = 16) -> np.ndarray:
    """A half-page of letter text, black on white, grayscale."""
    px = round(pt * dpi / 72)
    font = ImageFont.truetype(FONT, px, layout_engine=ImageFont.Layout.RAQM)
    img = Image.new("L", (int(8.27 * dpi), int(5.5 * dpi)), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(LINES * 2):
        draw.text((dpi, dpi // 2 + i * px * 1.5), line, font=font, fill=0)
    return np.asarray(img)


def test_to_gray_accepts_pil_rgb_and_bool():
    rgb = Image.new("RGB", (4, 3), (20, 40, 170))  # blue ink
    assert to_gray(rgb).shape == (3, 4) and to_gray(rgb).dtype == np.uint8
    assert to_gray(rgb)[0, 0] < 80  # blue ink stays dark enough to read
    assert to_gray(np.ones((2, 2), bool)).max() == 255


@pytest.mark.parametrize("turned", [0, 90, 180, 270], ids=["upright", "cw90", "upside-down", "ccw90"])
def test_orientation_is_undone(turned: int):
    scanned = rotate_quadrant(page(), turned)
    layout = analyse(scanned)
    assert (layout.rotation + turned) % 360 == 0
    assert layout.confidence > 0.3


@pytest.mark.parametrize("angle", [-4.0, -1.5, 2.5, 4.5], ids=["-4", "-1.5", "+2.5", "+4.5"])
def test_skew_is_measured(angle: float):
    skewed = deskew(page(), angle)  # rotate the page by `angle` degrees counter-clockwise
    assert analyse(skewed).skew == pytest.approx(-angle, abs=0.3)


def test_skew_and_upside_down_together():
    scanned = deskew(rotate_quadrant(page(), 180), 3.0)
    layout = analyse(scanned)
    assert layout.rotation == 180 and layout.skew == pytest.approx(-3.0, abs=0.3)


def test_flatten_removes_a_shadow_but_keeps_the_ink():
    clean = page()
    shade = np.linspace(0.45, 1.0, clean.shape[1])[None, :]  # dark left edge, as under a scanner lid
    shadowed = (clean * shade).astype(np.uint8)
    naive = binarise(shadowed)
    flat = binarise(flatten(shadowed))
    ink = clean < 128
    # Otsu on the shadowed page blackens paper on the left; after flattening the
    # paper is paper again and the ink is still ink.
    assert (naive[~ink] == 0).mean() > 0.05
    assert (flat[~ink] == 0).mean() < 0.01
    assert (flat[ink] == 0).mean() > 0.9


@pytest.mark.parametrize("dpi", [150, 200, 300], ids=["150dpi", "200dpi", "300dpi"])
def test_x_height_follows_resolution(dpi: int):
    # Laksaman's consonants stand 0.61 em tall: 16 pt = dpi * 16/72 px per em.
    expected = 0.61 * dpi * 16 / 72
    assert x_height(page(dpi)) == pytest.approx(expected, rel=0.12)


def test_prepare_scales_to_the_target_x_height_and_records_steps():
    prep = prepare(page(300), 300)
    assert x_height(prep.image) == pytest.approx(TARGET_X_HEIGHT, rel=0.15)
    assert prep.dpi == round(300 * prep.scale)
    assert prep.upright.shape == page(300).shape  # the classifier's copy keeps full resolution
    assert [s.split()[0] for s in prep.steps][:4] == ["gray", "orient", "deskew", "scale"]


def test_prepare_turns_a_sideways_page_upright():
    prep = prepare(rotate_quadrant(page(), 90), 150)
    assert prep.rotation == 270
    upright = cv2.resize(prep.upright, (page().shape[1], page().shape[0]))
    assert np.abs(upright.astype(int) - page().astype(int)).mean() < 10


def test_blank_page_is_left_alone():
    blank = np.full((800, 600), 250, np.uint8)
    prep = prepare(blank, 200)
    assert prep.rotation == 0 and prep.scale == 1.0 and prep.skew == 0.0


def _short_page(lines: list[str], qr_seed: int | None = None, dpi: int = 150, pt: int = 16) -> np.ndarray:
    """A page holding a few short lines (and a QR code of random squares under them)."""
    px = round(pt * dpi / 72)
    font = ImageFont.truetype(FONT, px, layout_engine=ImageFont.Layout.RAQM)
    img = Image.new("L", (int(8.27 * dpi), int(11.7 * dpi)), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((dpi, dpi + i * px * 1.5), line, font=font, fill=0)
    if qr_seed is not None:
        rng, m, top = np.random.default_rng(qr_seed), px // 4, dpi + len(lines) * px * 2
        for i in range(25):
            for j in range(25):
                if rng.random() < 0.5:
                    draw.rectangle((dpi + j * m, top + i * m, dpi + (j + 1) * m - 1, top + (i + 1) * m - 1), fill=0)
    return np.asarray(img)


@pytest.mark.parametrize("qr_seed", [5, 7], ids=["qr-5", "qr-7"])
def test_a_qr_code_page_is_not_turned_over(qr_seed: int):
    """The squares of a QR code pass for marks; on a page of a caption and a page
    number there are too few real ones to turn it over (seed 11 read such a page as junk)."""
    assert analyse(_short_page(["- ๒ -", "QR Code แบบรายงาน"], qr_seed)).rotation == 0


def test_a_short_page_upside_down_is_still_turned():
    contact = ["- ๒ -", "งานส่งเสริมการปกครองท้องถิ่น", "โทร. ๐ ๕๓๒๖ ๗๐๔๖", "โทรสาร ๐ ๕๓๒๖ ๗๐๔๖",
               "อีเมล saraban_13277138@dla.go.th"]
    assert analyse(rotate_quadrant(_short_page(contact), 180)).rotation == 180
