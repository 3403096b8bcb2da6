"""Lay out and draw a planned bundle; collect its ground truth.

Each letter starts on a new page; the receipt stamp goes on the first page
of a received bundle and into the first letter's truth only.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from PIL import Image

from docintake.models import Letter, ReceiptStamp
from docintake.synth import thaifmt as tf
from docintake.synth.chain import BundlePlan, Receipt
from docintake.synth.compose import compose, finish_truth
from docintake.synth.draw import render
from docintake.synth.layout import PageLayout, layout
from docintake.synth.spec import Run


@dataclass
class LaidBundle:
    pages: list[tuple[PageLayout, str]] = field(default_factory=list)  # layout, font face
    letters: list[Letter] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        return [page.text for page, _ in self.pages]

    def render(self, dpi: int) -> list[Image.Image]:
        return [render(page, face, dpi) for page, face in self.pages]


def receipt_stamp(r: Receipt, thai: bool, rng: random.Random) -> tuple[list[list[Run]], ReceiptStamp]:
    """The stamp's printed labels with handwritten values, and its truth."""
    office = r.org.name if rng.random() < 0.7 or not r.org.aliases else r.org.aliases[0]
    day = tf.thai_date(r.date, thai, abbr=True, short_year=rng.random() < 0.7)
    lines = [[Run(office, "stamp")],
             [Run("เลขรับ", "stamp"), Run(tf.digits(r.number, thai), "stamphand")],
             [Run("วันที่", "stamp"), Run(day, "stamphand")],
             [Run("เวลา", "stamp"), Run(f"{tf.digits(r.time, thai)} น.", "stamphand")]]
    return lines, ReceiptStamp(office=office, number=str(r.number), date=r.date, time=r.time)


def lay_out(bp: BundlePlan, dpi: int, rng: random.Random) -> LaidBundle:
    out = LaidBundle()
    for i, plan in enumerate(bp.letters):
        spec = compose(plan, rng)
        if i == 0 and bp.receipt:
            spec.receipt, spec.truth.receipt = receipt_stamp(bp.receipt, rng.random() < 0.7, rng)
        pages, wrapped = layout(spec, dpi, rng)
        first = len(out.pages) + 1
        out.pages += [(page, spec.face) for page in pages]
        truth = finish_truth(spec, wrapped)
        truth.pages = (first, len(out.pages))
        out.letters.append(truth)
        out.notes += [f"letter {i + 1}: {note}" for note in spec.notes]
        if spec.face != "Laksaman":
            out.notes.append(f"letter {i + 1}: font {spec.face}")
    return out
