"""ocr.emblem: coloured ink over a black emblem keeps its glyphs, the emblem goes.

Rendered pages (Laksaman, 300 dpi): a solid black shape the size of the
Garuda, the red urgency line ``ด่วนภายใน ... เวลา ๑๖.๓๐ น.`` running into it,
black text elsewhere. No Tesseract needed.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from docintake.ocr import emblem
from docintake.ocr.preprocess import prepare, to_gray

FONT = "/usr/share/fonts/truetype/tlwg/Laksaman.ttf"
RED, BLUE, BLACK, PAPER = (205, 35, 40), (40, 50, 160), (25, 25, 25), (238, 236, 228)
PX = 66  # 16 pt at 300 dpi
URGENT = "ด่วนภายใน ๑๕ ส.ค. ๒๕๖๘ เวลา ๑๖.๓๐ น."


def _page(ink=RED, crossing: bool = True, shape: str = "solid") -> tuple[Image.Image, tuple[int, int, int, int]]:
    """A page top: the emblem (box returned), the urgency line in ``ink``, a black text line."""
    font = ImageFont.truetype(FONT, PX, layout_engine=ImageFont.Layout.RAQM)
    img = Image.new("RGB", (1800, 700), PAPER)
    draw = ImageDraw.Draw(img)
    box = (1000, 80, 1320, 420)
    if shape == "solid":
        draw.polygon([(1160, 80), (1320, 250), (1200, 420), (1120, 420), (1000, 250)], fill=BLACK)
    else:  # a ruled frame, as a receipt stamp's: thin lines, no emblem
        draw.rectangle(box, outline=BLACK, width=4)
    draw.text((1160 - font.getlength(URGENT) + (200 if crossing else -500), 230), URGENT, font=font, fill=ink)
    draw.text((100, 520), "ที่ มท ๐๘๑๐.๖/ว ๒๐๖๙", font=font, fill=BLACK)
    return img, box


def _dark(gray: np.ndarray, box) -> float:
    x0, y0, x1, y1 = box
    return float((gray[y0:y1, x0:x1] < 100).mean())


@pytest.mark.parametrize("ink", [RED, BLUE], ids=["red-urgency-line", "blue-stamp-ink"])
def test_emblem_under_coloured_ink_goes_and_the_ink_stays(ink):
    img, box = _page(ink)
    gray = to_gray(img)
    out, n = emblem.clear(gray, img, x_height=30.0)
    assert n == 1
    assert _dark(gray, box) > 0.4 and _dark(out, box) < 0.1  # the black shape is gone
    colour = emblem.chroma(np.asarray(img)) >= emblem.CHROMA
    assert (out[colour] < 200).mean() > 0.9  # every coloured glyph pixel is still ink
    text = (slice(500, 620), slice(80, 900))  # the black text line is untouched
    assert np.array_equal(out[text], gray[text])


@pytest.mark.parametrize(
    "page, why",
    [
        (lambda: _page(RED, crossing=False), "coloured line far from the emblem"),
        (lambda: _page(BLACK), "black ink over black: nothing to part them by"),
        (lambda: _page(RED, shape="frame"), "a ruled frame is no solid emblem"),
    ],
    ids=["ink-elsewhere", "no-colour", "thin-frame"],
)
def test_page_left_as_it_is(page, why):
    img, _ = page()
    gray = to_gray(img)
    out, n = emblem.clear(gray, img, x_height=30.0)
    assert n == 0 and np.array_equal(out, gray), why


def test_grey_scan_has_no_colour_to_part_by():
    img, _ = _page(RED)
    gray = to_gray(img)
    out, n = emblem.clear(gray, gray, x_height=30.0)
    assert n == 0 and out is gray


def test_prepare_records_the_step():
    img, _ = _page(RED)
    assert "emblem 1" in prepare(img, 300).steps
    assert not any(s.startswith("emblem") for s in prepare(_page(RED, crossing=False)[0], 300).steps)
