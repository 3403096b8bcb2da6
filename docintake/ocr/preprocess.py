"""The image stage (opencv, ndarray -> ndarray): what Tesseract is shown.

Steps, in order: grayscale, orientation (0/90/180/270), deskew (+-5 deg),
scaling to the x-height Tesseract's Thai model reads best, background
flattening (shadows, tinted paper, stamps' halos); median denoise and Otsu
binarisation exist as steps but are off (see DEFAULT_STEPS for the figures).
Page analysis (orientation, skew, x-height) runs on one ink mask at most
1800 px long, about 0.1 s a page; only the final warps touch full resolution.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np
from PIL import Image

from docintake.ocr import emblem

MAX_SKEW = 5.0  # degrees
# x-height Tesseract's tha model reads best, in pixels; measured on rendered
# pages (CER by target height, see the commit that set it).
TARGET_X_HEIGHT = 20.0
# Kept because each lowered the error on the seed-1 synthetic corpus (12 bundles,
# 11 pages at 200 and 11 at 300 dpi; CER without digits / Thai-digit accuracy):
#   nothing                 200: 15.3% / 77.9%   300: 12.8% / 76.1%
#   + orient                200:  7.5% / 81.1%   300: 14.1% / 76.7%  (one turned page per dpi)
#   + deskew                200:  6.3% / 89.9%   300:  7.8% / 83.0%
#   + scale (x-height 20)   200:  6.3% / 91.8%   300:  6.9% / 97.2%  (and 2x faster)
#   + flatten               200:  5.5% / 90.9%   300:  7.0% / 97.8%
# Dropped: + median denoise (200: 6.6% / 95.6%, 300: 7.3% / 97.2%) and + Otsu
# binarisation (5.4% / 91.5%, 6.6% / 96.5%): mixed, within the noise of 11 pages.
# x-height targets 16/20/24/28/34 px: 34 clearly worse at 300 dpi, 16-28 alike;
# 20 kept (30 bundles: 24 px gave 6.7%/95.7% and 6.9%/97.7% against 20's 6.8%/95.5%, 6.3%/98.1%).
DEFAULT_STEPS = ("emblem", "orient", "deskew", "flatten", "scale")


@dataclass
class Prepared:
    """The page as Tesseract will read it, and how it got there from the page."""

    image: np.ndarray  # 8-bit, what Tesseract reads
    gray: np.ndarray  # upright grayscale at the same scale
    upright: np.ndarray  # upright, deskewed grayscale at page resolution (the digit classifier crops it)
    dpi: int  # effective resolution of ``image``
    scale: float = 1.0  # prepared pixels per page pixel
    rotation: int = 0  # degrees the page was turned clockwise to stand upright
    skew: float = 0.0  # degrees of deskew applied
    steps: list[str] = field(default_factory=list)


def to_gray(image: Image.Image | np.ndarray) -> np.ndarray:
    """8-bit grayscale ndarray from a PIL image or an RGB/gray array."""
    arr = np.asarray(image)
    if arr.dtype == bool:
        arr = arr.astype(np.uint8) * 255
    if arr.ndim == 3:
        arr = cv2.cvtColor(np.ascontiguousarray(arr[..., :3]), cv2.COLOR_RGB2GRAY)
    if arr.dtype != np.uint8:
        arr = cv2.convertScaleAbs(arr)
    return arr


def flatten(gray: np.ndarray) -> np.ndarray:
    """Divide by the estimated background so shadows and tinted paper become white.

    The background is the page with the ink closed away (a grey closing larger
    than any stroke), computed on a quarter-size copy for speed.
    """
    small = cv2.resize(gray, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    k = max(5, int(min(small.shape) / 60) | 1)
    bg = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    bg = cv2.resize(cv2.GaussianBlur(bg, (0, 0), k / 2), (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)
    return cv2.divide(gray, np.maximum(bg, 1), scale=255)


def binarise(gray: np.ndarray) -> np.ndarray:
    """Otsu on a flattened page: ink 0, paper 255."""
    _, bw = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    return bw


def _runs_across(ink: np.ndarray) -> float:
    """Share of glyph-sized blobs whose nearest neighbour is beside them rather than above or below.

    Letters stand closer to their neighbours on the same line than to the
    lines above and below, so on a page whose lines run across the share is
    high, on a page turned a quarter low. Big shapes (shadows, blotches,
    rules) and specks do not take part.
    """
    _, _, stats, centroids = cv2.connectedComponentsWithStats(ink, connectivity=8)
    w, h = stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT]
    size = np.maximum(w, h)
    keep = (size >= 4) & (size <= 0.05 * max(ink.shape)) & (w <= 3 * h) & (h <= 3 * w)
    pts = centroids[1:][keep].astype(np.float32)
    if len(pts) < 10:
        return 0.5
    pts = pts[:: max(1, len(pts) // 1000)]  # bound the pairwise table
    d = pts[:, None, :] - pts[None, :, :]
    dist = (d**2).sum(axis=2)
    np.fill_diagonal(dist, np.inf)
    nearest = d[np.arange(len(pts)), dist.argmin(axis=1)]
    return float((np.abs(nearest[:, 0]) > np.abs(nearest[:, 1])).mean())


def _glyph_blobs(ink: np.ndarray) -> tuple[np.ndarray, float | None]:
    """Blob boxes (x, y, w, h) of an ink mask, and the median glyph height (x-height).

    Most Thai consonants and digits are one x-height tall and form one blob
    each, so the median height of glyph-shaped blobs is the x-height; marks
    and noise are smaller, merged lines and rules larger.
    """
    _, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    boxes = stats[1:, :4]
    h, w = boxes[:, 3], boxes[:, 2]
    glyphs = h[(h >= 4) & (h <= 0.05 * max(ink.shape)) & (w <= 3 * h) & (w >= 0.3 * h)]
    return boxes, (float(np.median(glyphs)) if len(glyphs) >= 20 else None)


# How many more marks must hang under the letters than stand over them before a
# page is turned upside down (and the other way round for the score to count).
# A page holding only a page number, a QR code and its caption has one or two
# marks, and the squares of the QR code pass for marks: seed 11 had such a
# page, upright, turned over on one mark below a letter and none above, and
# read as junk. A short upside-down page (a contact block, seed 8) has 6 to 1.
MIN_MARGIN = 3


def _upright_score(boxes: np.ndarray, xh: float) -> float:
    """> 0 when small marks sit above their letters (upright), < 0 when below.

    Thai writes vowels and tone marks above a consonant far more often than
    below it (ุ ู): on an upside-down page the marks hang under the letters.
    A mark counts for the letter blob right under (or over) its centre.
    """
    x, y, w, h = (boxes[:, i].astype(float) for i in range(4))
    mark = (h < 0.6 * xh) & (w < 1.2 * xh) & (w * h > 0.01 * xh * xh)
    base = (h >= 0.7 * xh) & (h <= 1.6 * xh)
    if not mark.any() or not base.any():
        return 0.0
    mx, my = (x + w / 2)[mark], (y + h / 2)[mark]
    bx0, bx1, by0, by1 = x[base], (x + w)[base], y[base], (y + h)[base]
    under = (bx0[None, :] <= mx[:, None]) & (mx[:, None] <= bx1[None, :])
    gap_above = by0[None, :] - my[:, None]  # > 0: the mark is above this letter
    gap_below = my[:, None] - by1[None, :]  # > 0: the mark is below it
    above = (under & (gap_above > 0) & (gap_above < 0.8 * xh)).any(axis=1).sum()
    below = (under & (gap_below > 0) & (gap_below < 0.8 * xh)).any(axis=1).sum()
    if abs(above - below) < MIN_MARGIN:
        return 0.0  # too few marks to tell: a page is upright unless shown otherwise
    return float(above - below) / (above + below)


def rotate_quadrant(gray: np.ndarray, degrees: int) -> np.ndarray:
    """Turn clockwise by 0/90/180/270 degrees."""
    codes = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return cv2.rotate(gray, codes[degrees]) if degrees in codes else gray


def deskew(gray: np.ndarray, angle: float, border: int = 255) -> np.ndarray:
    """Rotate by ``angle`` degrees counter-clockwise about the centre."""
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)


def estimate_skew(ink: np.ndarray) -> float:
    """Skew of an ink mask in degrees (counter-clockwise positive): sharpest row profile.

    Rows are projected from a sample of ink pixels rather than by rotating
    the image: 30 trial angles cost a few milliseconds.
    """
    ys, xs = np.nonzero(ink)
    if len(ys) < 50:
        return 0.0
    step = max(1, len(ys) // 40000)
    ys, xs = ys[::step].astype(np.float32), xs[::step].astype(np.float32)
    offset = int(np.ceil(ink.shape[1] * np.sin(np.radians(MAX_SKEW + 1)))) + 1

    def sharpness(angle: float) -> float:
        a = np.radians(angle)
        rows = np.rint(ys * np.cos(a) - xs * np.sin(a)).astype(np.int64) + offset
        prof = np.bincount(rows).astype(float)
        return float((np.diff(prof) ** 2).sum())

    coarse = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5), key=sharpness)
    fine = max(np.arange(coarse - 0.4, coarse + 0.41, 0.1), key=sharpness)
    return float(round(fine, 2))


def _fine_ink(gray: np.ndarray, rotation: int) -> tuple[np.ndarray, float]:
    """Ink mask of a copy at most 1800 px long (fine enough for 8-pt marks), turned upright."""
    f = min(1.0, 1800 / max(gray.shape))
    small = cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA) if f < 1 else gray
    return rotate_quadrant((binarise(flatten(small)) == 0).astype(np.uint8), rotation), f


def x_height(gray: np.ndarray) -> float | None:
    """Median height of glyph-sized ink blobs of an upright page, in page pixels."""
    ink, f = _fine_ink(gray, 0)
    xh = _glyph_blobs(ink)[1]
    return xh / f if xh else None


@dataclass
class Layout:
    """What page analysis found, in full-page terms."""

    rotation: int = 0  # clockwise quarter turns (degrees) that stand the page upright
    skew: float = 0.0  # degrees counter-clockwise to straighten it after that
    x_height: float | None = None  # median glyph height in page pixels
    confidence: float = 0.0  # of the upright / upside-down decision, 0..1


def analyse(gray: np.ndarray) -> Layout:
    """Orientation, skew and x-height of a page, from one ink mask at most 1800 px long.

    First whether lines run across or down the page, then, on the mask
    turned so they run across, the skew, upright or upside down, and the
    x-height.
    """
    fine, f = _fine_ink(gray, 0)
    if fine.sum() < 100:
        return Layout()
    rotation = 90 if _runs_across(fine) < 0.5 else 0  # lines run down the page
    if rotation:
        fine = rotate_quadrant(fine, 90)
    skew = estimate_skew(fine)
    boxes, xh = _glyph_blobs(fine)
    if xh is None:
        return Layout(rotation=rotation, skew=skew)
    upright = _upright_score(boxes, xh)
    if upright < 0:
        rotation = (rotation + 180) % 360  # a half turn keeps the skew angle
    return Layout(rotation=rotation, skew=skew, x_height=xh / f, confidence=min(1.0, abs(upright) * 2))


def detect_orientation(gray: np.ndarray) -> tuple[int, float]:
    """(degrees to turn the page clockwise to stand it upright, confidence 0..1)."""
    layout = analyse(gray)
    return layout.rotation, layout.confidence


def prepare(image: Image.Image | np.ndarray, dpi: int | None, steps: tuple[str, ...] | None = None) -> Prepared:
    """The page ready for Tesseract, with the record of what was done."""
    steps = DEFAULT_STEPS if steps is None else steps
    gray = to_gray(image)
    dpi = dpi or 300
    done = ["gray"]
    layout = analyse(gray) if {"orient", "deskew", "scale", "emblem"} & set(steps) else Layout()
    if "emblem" in steps:  # before the turns: it needs the colour, which is in the page's own orientation
        gray, cleared = emblem.clear(gray, image, layout.x_height)
        done += [f"emblem {cleared}"] if cleared else []
    rotation = layout.rotation if "orient" in steps else 0
    skew = layout.skew if "deskew" in steps and abs(layout.skew) >= 0.2 else 0.0
    scale = 1.0
    if "scale" in steps and layout.x_height:
        scale = float(np.clip(TARGET_X_HEIGHT / layout.x_height, 0.25, 2.0))
    gray = rotate_quadrant(gray, rotation)
    if skew:
        gray = deskew(gray, skew)
    upright = gray
    if scale != 1.0:
        gray = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC)
    done += [f"orient {rotation}", f"deskew {skew:+.1f}", f"scale {scale:.2f}"]
    image_out = gray
    if "flatten" in steps:
        image_out = flatten(gray)
        done.append("flatten")
    if "denoise" in steps:
        image_out = cv2.medianBlur(image_out, 3)
        done.append("denoise")
    if "binarise" in steps:
        image_out = binarise(image_out)
        done.append("binarise")
    return Prepared(image=image_out, gray=gray, upright=upright, dpi=max(30, int(round(dpi * scale))), scale=scale,
                    rotation=rotation, skew=skew, steps=done)
