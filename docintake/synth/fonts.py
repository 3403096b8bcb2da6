"""Fonts and text styles, with raqm shaping so Thai marks stack correctly.

Sizes are in points as the regulation states them (16 pt body); faces other
than Laksaman are scaled so their Thai letters stand as tall as Laksaman's,
because the letters are set in a Sarabun-metric face and the others stand in.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")
INK = (25, 25, 30)
RED = (205, 35, 40)
BLUE = (30, 55, 175)
VIOLET = (85, 60, 165)
GREY = (150, 150, 150)

# style -> (face or None for the letter's face, bold, points, colour)
STYLES: dict[str, tuple[str | None, bool, float, tuple[int, int, int]]] = {
    "body": (None, False, 16, INK),
    "bold": (None, True, 16, INK),
    "label": (None, True, 20, INK),
    "title": (None, True, 29, INK),
    "red": (None, True, 36, RED),
    "redsmall": (None, True, 15, RED),
    "redtiny": (None, True, 13, RED),
    "hand": ("Purisa", False, 17, BLUE),
    "stamp": ("Laksaman", False, 14, VIOLET),
    "stamphand": ("Purisa", False, 14, BLUE),
    "small": (None, False, 14, INK),
    "pageno": (None, False, 16, INK),
}


def font_path(face: str, bold: bool) -> Path:
    path = FONT_DIR / f"{face}{'-Bold' if bold else ''}.ttf"
    return path if path.exists() else FONT_DIR / f"{face}.ttf"


@lru_cache(maxsize=None)
def _scale(face: str) -> float:
    """How much to scale ``face`` so a Thai ก is as tall as Laksaman's."""
    def height(f: str) -> int:
        box = ImageFont.truetype(str(font_path(f, False)), 100).getbbox("ก")
        return box[3] - box[1]
    return height("Laksaman") / height(face)


@lru_cache(maxsize=256)
def font(face: str, bold: bool, points: float, dpi: int) -> ImageFont.FreeTypeFont:
    px = max(8, round(points * dpi / 72 * _scale(face)))
    return ImageFont.truetype(str(font_path(face, bold)), px, layout_engine=ImageFont.Layout.RAQM)


def style_font(style: str, face: str, dpi: int) -> ImageFont.FreeTypeFont:
    own, bold, points, _ = STYLES[style]
    return font(own or face, bold, points, dpi)


def style_colour(style: str) -> tuple[int, int, int]:
    return STYLES[style][3]


def em(style: str, dpi: int) -> float:
    """The style's nominal size in pixels (line spacing is a multiple of it)."""
    return STYLES[style][2] * dpi / 72
