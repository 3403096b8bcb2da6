"""Rasterise laid-out pages with Pillow: text, emblem, stamps, signatures.

We have no image of the Garuda, so ``emblem`` draws a simple bird-like mark
(wings, body, head, crown) from polygons: it occupies the same place and
carries the same ink as the real emblem, which is what OCR cares about.
"""

from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw

from docintake.synth import fonts
from docintake.synth.layout import PageLayout, Shape

A4_MM = (210.0, 297.0)


def page_size(dpi: int) -> tuple[int, int]:
    """A4 in pixels: 2480 x 3508 at 300 dpi."""
    return tuple(round(mm / 25.4 * dpi) for mm in A4_MM)  # type: ignore[return-value]


def render(page: PageLayout, face: str, dpi: int) -> Image.Image:
    img = Image.new("RGB", page_size(dpi), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    for shape in page.shapes:
        SHAPES[shape.kind](draw, shape, dpi)
    for line in page.lines:
        for item in line.items:
            font = fonts.style_font(item.style, face, dpi)
            draw.text((item.x, item.y), item.text, font=font, fill=fonts.style_colour(item.style), anchor="ls")
    return img


def _dots(draw: ImageDraw.ImageDraw, s: Shape, dpi: int) -> None:
    x0, y, x1, _ = s.box
    step, r = 1.1 * dpi / 25.4, max(1.0, 0.18 * dpi / 25.4)
    x = x0
    while x < x1:
        draw.ellipse((x - r, y - r, x + r, y + r), fill=s.colour)
        x += step


def _box(draw: ImageDraw.ImageDraw, s: Shape, dpi: int) -> None:
    draw.rectangle(s.box, outline=s.colour, width=max(2, round(0.45 * dpi / 25.4)))


def _scribble(draw: ImageDraw.ImageDraw, s: Shape, dpi: int) -> None:
    """A signature: a few looping strokes across the box."""
    rng = random.Random(s.seed)
    x0, y0, x1, y1 = s.box
    points = []
    for i in range(rng.randint(18, 30)):
        t = i / 20
        x = x0 + (x1 - x0) * min(1.0, t * rng.uniform(0.8, 1.1))
        y = y0 + (y1 - y0) * (0.5 + 0.45 * math.sin(t * rng.uniform(6, 11)) * rng.uniform(0.5, 1))
        points.append((x, y))
    draw.line(points, fill=s.colour, width=max(2, round(0.35 * dpi / 25.4)), joint="curve")


def _emblem(draw: ImageDraw.ImageDraw, s: Shape, dpi: int) -> None:
    """A Garuda-like mark: spread wings, body, head with a crown."""
    x0, y0, x1, y1 = s.box
    w, h = x1 - x0, y1 - y0
    cx = (x0 + x1) / 2

    def p(fx: float, fy: float) -> tuple[float, float]:
        return (cx + fx * w / 2, y0 + fy * h)

    for side in (-1, 1):
        wing = [p(side * 0.15, 0.35), p(side * 0.95, 0.18), p(side * 1.0, 0.42), p(side * 0.8, 0.62),
                p(side * 0.55, 0.72), p(side * 0.18, 0.62)]
        draw.polygon(wing, fill=s.colour)
        for k in range(4):  # feathers: white gaps across the wing
            fy = 0.3 + 0.09 * k
            draw.line([p(side * 0.25, fy + 0.1), p(side * (0.9 - 0.1 * k), fy)], fill="white",
                      width=max(1, round(w / 60)))
    draw.ellipse([p(-0.2, 0.3), p(0.2, 0.82)], fill=s.colour)  # body
    draw.ellipse([p(-0.12, 0.12), p(0.12, 0.32)], fill=s.colour)  # head
    draw.polygon([p(-0.08, 0.14), p(0.0, 0.0), p(0.08, 0.14)], fill=s.colour)  # crown
    draw.polygon([p(0.1, 0.2), p(0.24, 0.24), p(0.1, 0.27)], fill=s.colour)  # beak
    for side in (-1, 1):  # legs and claws
        draw.line([p(side * 0.1, 0.8), p(side * 0.22, 0.97)], fill=s.colour, width=max(2, round(w / 30)))
    draw.polygon([p(-0.14, 0.82), p(0.0, 1.0), p(0.14, 0.82)], fill=s.colour)  # tail


def _qr(draw: ImageDraw.ImageDraw, s: Shape, dpi: int) -> None:
    """Something that looks like a QR code: random modules and three finder squares."""
    rng = random.Random(s.seed)
    x0, y0, x1, _ = s.box
    n = 25
    cell = (x1 - x0) / n
    for i in range(n):
        for j in range(n):
            if rng.random() < 0.5:
                draw.rectangle((x0 + i * cell, y0 + j * cell, x0 + (i + 1) * cell, y0 + (j + 1) * cell), fill=s.colour)
    for fi, fj in ((0, 0), (n - 7, 0), (0, n - 7)):
        fx, fy = x0 + fi * cell, y0 + fj * cell
        draw.rectangle((fx, fy, fx + 7 * cell, fy + 7 * cell), fill="white")
        draw.rectangle((fx, fy, fx + 7 * cell, fy + 7 * cell), outline=s.colour, width=max(1, round(cell)))
        draw.rectangle((fx + 2 * cell, fy + 2 * cell, fx + 5 * cell, fy + 5 * cell), fill=s.colour)


SHAPES = {"dots": _dots, "box": _box, "scribble": _scribble, "emblem": _emblem, "qr": _qr}
