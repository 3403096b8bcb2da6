"""Make a clean render look scanned: skew, blur, noise, uneven paper, dust,
JPEG artefacts, and now and then a page fed in sideways or upside down.

Every effect draws from one ``numpy.random.Generator`` so a seed gives the
same bytes. Work stays in uint8 with OpenCV's saturating arithmetic because
a 300-dpi colour A4 page is 26 MB and float copies would dominate the time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np
from PIL import Image


@dataclass
class Scan:
    image: Image.Image
    rotation: int = 0  # degrees clockwise from upright; img.rotate(rotation, expand=True) restores it
    notes: list[str] = field(default_factory=list)


def degrade(img: Image.Image, rng: np.random.Generator, dpi: int, rotate_p: float = 0.07) -> Scan:
    arr = np.array(img)
    notes: list[str] = []
    _dust(arr, rng, dpi)
    angle = float(rng.uniform(-2, 2)) if rng.random() < 0.85 else 0.0
    arr = _skew(arr, angle)
    arr = _paper(arr, rng)
    arr = _noise(arr, rng, int(rng.integers(3, 11)))
    # Blur after noise: the scanner's optics and its own JPEG smooth sensor grain.
    arr = cv2.GaussianBlur(arr, (0, 0), float(rng.uniform(0.5, 1.1)) * dpi / 300)
    if rng.random() < 0.5:
        quality = int(rng.integers(35, 70))
        arr = cv2.imdecode(cv2.imencode(".jpg", arr, [cv2.IMWRITE_JPEG_QUALITY, quality])[1], cv2.IMREAD_COLOR)
        arr = np.ascontiguousarray(arr)
    notes.append(f"skew {angle:+.2f} deg")
    rotation = int(rng.choice((90, 180, 270))) if rng.random() < rotate_p else 0
    if rotation:
        arr = np.ascontiguousarray(np.rot90(arr, k=-rotation // 90))  # k<0 turns clockwise
        notes.append(f"rotated {rotation} deg clockwise")
    return Scan(Image.fromarray(arr), rotation, notes)


def _dust(arr: np.ndarray, rng: np.random.Generator, dpi: int) -> None:
    """Specks of dust and toner: small dark dots anywhere on the page."""
    h, w = arr.shape[:2]
    count = int(rng.integers(20, 400))
    xs, ys = rng.integers(0, w, count), rng.integers(0, h, count)
    radii = rng.integers(1, max(2, dpi // 100) + 1, count)
    shades = rng.integers(20, 120, count)
    for x, y, r, s in zip(xs.tolist(), ys.tolist(), radii.tolist(), shades.tolist()):
        cv2.circle(arr, (x, y), r, (s, s, s), -1)


def _skew(arr: np.ndarray, angle: float) -> np.ndarray:
    if abs(angle) < 1e-3:
        return arr
    h, w = arr.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(arr, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=(250, 250, 248))


def _paper(arr: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Uneven lighting and a paper tint, as a smooth multiplicative field."""
    h, w = arr.shape[:2]
    coarse = rng.uniform(0.9, 1.0, (5, 4)).astype(np.float32)
    tint = np.array([1.0, rng.uniform(0.975, 1.0), rng.uniform(0.92, 0.99)], np.float32)  # RGB: yellowish paper
    small = (coarse[:, :, None] * tint[None, None, :] * 255).clip(0, 255).astype(np.uint8)
    field_ = cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)
    return cv2.multiply(arr, field_, scale=1 / 255)


def _noise(arr: np.ndarray, rng: np.random.Generator, amplitude: int) -> np.ndarray:
    """Grey sensor noise: the difference of two uniform fields (zero mean)."""
    h, w = arr.shape[:2]
    up = rng.integers(0, amplitude, (h, w), dtype=np.uint8)
    down = rng.integers(0, amplitude, (h, w), dtype=np.uint8)
    arr = cv2.add(arr, cv2.merge([up, up, up]))
    return cv2.subtract(arr, cv2.merge([down, down, down]))
