"""The image stage (opencv, ndarray -> ndarray): what Tesseract is shown.

Steps, in order: grayscale, orientation (0/90/180/270), deskew (+-5 deg),
background flattening + denoise + binarisation, scaling to the text height
Tesseract's Thai model reads best. Page analysis (orientation, skew, text
height) runs on a small copy of the page, so the whole stage costs a few
hundredths of a second; only the final warp touches full resolution.
Which steps are on by default is decided by measurement (see DEFAULT_STEPS).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np
from PIL import Image

ANALYSIS_WIDTH = 900  # px: orientation and skew are judged on a page this wide
MAX_SKEW = 5.0  # degrees
# x-height Tesseract's tha model reads best, in pixels; measured on rendered
# pages (CER by target height, see the commit that set it).
TARGET_X_HEIGHT = 20.0
DEFAULT_STEPS = ("orient", "deskew", "flatten", "scale")


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


def _small_ink(gray: np.ndarray) -> tuple[np.ndarray, float]:
    """Ink mask (1 = ink) of a copy ANALYSIS_WIDTH wide, and the factor used."""
    f = min(1.0, ANALYSIS_WIDTH / max(gray.shape))
    small = cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA) if f < 1 else gray
    return (binarise(flatten(small)) == 0).astype(np.uint8), f


def _line_score(ink: np.ndarray) -> float:
    """How strongly rows alternate between text and gaps, per vertical strip."""
    scores = []
    for strip in np.array_split(ink, 4, axis=1):
        prof = strip.sum(axis=1).astype(float)
        if prof.mean() > 0:
            scores.append(prof.std() / prof.mean())
    return float(np.mean(scores)) if scores else 0.0


def _upright_score(ink: np.ndarray) -> float:
    """> 0 when marks stand above the text lines' cores (upright), < 0 when below.

    Thai puts vowels and tone marks above the line far more often than below,
    and Latin has more ascenders than descenders: in each line band, ink above
    the dense core outweighs ink below it unless the page is upside down.
    """
    prof = ink.sum(axis=1).astype(float)
    rows = prof > 0.05 * prof.max() if prof.max() else prof > 0
    above = below = 0.0
    edges = np.flatnonzero(np.diff(np.r_[0, rows.astype(int), 0]))
    for top, bottom in zip(edges[::2], edges[1::2]):
        band = prof[top:bottom]
        if len(band) < 4:
            continue
        core = np.flatnonzero(band >= 0.5 * band.max())
        above += band[: core[0]].sum()
        below += band[core[-1] + 1 :].sum()
    total = above + below
    return (above - below) / total if total else 0.0


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
    """Skew of an ink mask in degrees (counter-clockwise positive): sharpest row profile."""

    def sharpness(angle: float) -> float:
        prof = deskew(ink, angle, border=0).sum(axis=1).astype(float)
        return float((np.diff(prof) ** 2).sum())

    coarse = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5), key=sharpness)
    fine = max(np.arange(coarse - 0.4, coarse + 0.41, 0.1), key=sharpness)
    return float(round(fine, 2))


def x_height(gray: np.ndarray) -> float | None:
    """Median height of the glyph-sized ink blobs, in page pixels.

    Most Thai consonants and digits are one x-height tall and form one blob
    each, so the median blob height is the x-height; marks and noise are
    smaller, merged lines and rules larger, and both sit outside the median.
    Judged on a copy at most 1800 px tall: fine enough for 8-pt text.
    """
    f = min(1.0, 1800 / max(gray.shape))
    small = cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA) if f < 1 else gray
    ink = (binarise(flatten(small)) == 0).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    h, w = stats[1:, cv2.CC_STAT_HEIGHT], stats[1:, cv2.CC_STAT_WIDTH]
    glyphs = h[(h >= 4) & (h <= 0.05 * small.shape[0]) & (w <= 3 * h) & (w >= 0.3 * h)]
    if len(glyphs) < 20:
        return None
    return float(np.median(glyphs)) / f


@dataclass
class Layout:
    """What page analysis found, in full-page terms."""

    rotation: int = 0  # clockwise quarter turns (degrees) that stand the page upright
    skew: float = 0.0  # degrees counter-clockwise to straighten it after that
    x_height: float | None = None  # median glyph height in page pixels
    confidence: float = 0.0  # of the upright / upside-down decision, 0..1


def analyse(gray: np.ndarray) -> Layout:
    """Orientation, skew and line height, all judged on one small ink mask.

    The 0/90 question is settled first (text lines run along rows), then the
    skew, and only then 0/180 on the straightened lines: a 2-degree skew
    smears the line bands the upright test reads.
    """
    ink, _ = _small_ink(gray)
    if ink.sum() < 100:
        return Layout()
    rotation = 0
    if _line_score(ink.T) > 1.15 * _line_score(ink):  # lines run down the page
        ink, rotation = np.ascontiguousarray(np.rot90(ink, -1)), 90
    skew = estimate_skew(ink)
    if abs(skew) >= 0.2:
        ink = (deskew(ink * 255, skew, border=0) > 127).astype(np.uint8)
    upright = _upright_score(ink)
    if upright < 0:
        rotation, skew = (rotation + 180) % 360, skew  # a half turn keeps the skew angle
    return Layout(rotation=rotation, skew=skew, confidence=min(1.0, abs(upright) * 3))


def detect_orientation(gray: np.ndarray) -> tuple[int, float]:
    """(degrees to turn the page clockwise to stand it upright, confidence 0..1)."""
    layout = analyse(gray)
    return layout.rotation, layout.confidence


def prepare(image: Image.Image | np.ndarray, dpi: int | None, steps: tuple[str, ...] = DEFAULT_STEPS) -> Prepared:
    """The page ready for Tesseract, with the record of what was done."""
    gray = to_gray(image)
    dpi = dpi or 300
    done = ["gray"]
    layout = analyse(gray) if {"orient", "deskew", "scale"} & set(steps) else Layout()
    rotation = layout.rotation if "orient" in steps else 0
    skew = layout.skew if "deskew" in steps and abs(layout.skew) >= 0.2 else 0.0
    scale = 1.0
    height = x_height(gray) if "scale" in steps else None
    if height:
        scale = float(np.clip(TARGET_X_HEIGHT / height, 0.25, 2.0))
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
