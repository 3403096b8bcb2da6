"""The image stage (opencv, ndarray -> ndarray): what Tesseract is shown.

Placeholder: grayscale only, until each step is measured on rendered pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np
from PIL import Image


@dataclass
class Prepared:
    """The page as Tesseract will read it, and how it got there from the page."""

    image: np.ndarray  # 8-bit, what Tesseract reads
    gray: np.ndarray  # upright grayscale at the same scale (the digit classifier crops it)
    dpi: int  # effective resolution of ``image``
    scale: float = 1.0  # prepared pixels per page pixel
    rotation: int = 0  # degrees the page was turned clockwise to stand upright
    skew: float = 0.0  # degrees of deskew applied
    steps: list[str] = field(default_factory=list)


def to_gray(image: Image.Image | np.ndarray) -> np.ndarray:
    """8-bit grayscale ndarray from a PIL image or an RGB/gray array."""
    arr = np.asarray(image)
    if arr.ndim == 3:
        arr = cv2.cvtColor(arr[..., :3], cv2.COLOR_RGB2GRAY)
    if arr.dtype != np.uint8:
        arr = (arr > 0).astype(np.uint8) * 255 if arr.dtype == bool else cv2.convertScaleAbs(arr)
    return arr


def prepare(image: Image.Image | np.ndarray, dpi: int | None) -> Prepared:
    gray = to_gray(image)
    return Prepared(image=gray, gray=gray, dpi=dpi or 300, steps=["gray"])
