"""Rebuild the committed demo set in ``samples/``: ``python -m docintake.synth.samples [OUTDIR]``.

Four small bundles from one district (อำเภอเมืองชัยภูมิ, the seed's
province): a received forwarding chain as JPEG-in-PDF, a multi-page TIFF,
a one-page JPG memo and a one-page PNG letter, each with its truth, plus
``directory.csv`` for the district. Each sample is the first bundle of the
sample seed that has the wanted shape, so the set is stable.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from docintake.synth import world
from docintake.synth.corpus import generate_bundle, lay_out_bundle, write_directory

SEED = 2568
DISTRICT = ("ชย", "เมืองชัยภูมิ")
QUALITY = 70

# name, format, dpi, shape, wanted (plan, laid) -> bool, rotate probability, wanted scan (truth) -> bool
SAMPLES: tuple[tuple[str, str, int, str, Callable, float, Callable], ...] = (
    ("01_chain_received", "pdf", 200, "chain3", lambda bp, laid: bp.receipt is not None and 4 <= len(laid.pages) <= 6
     and _past_deadline(laid.letters[0]) and any("handwritten" in n for n in laid.notes), 0.0, lambda t: True),
    ("02_chain_tiff", "tiff", 200, "chain2", lambda bp, laid: 2 <= len(laid.pages) <= 3, 0.35,
     lambda t: any(t.rotations)),  # show a page fed in sideways or upside down
    ("03_memo", "jpg", 300, "memo", lambda bp, laid: bool(laid.letters[0].deadlines), 0.0, lambda t: True),
    ("04_letter", "png", 200, "single", lambda bp, laid: bp.receipt is not None, 0.0, lambda t: True),
)


def _past_deadline(letter) -> bool:
    """Like the seed: the district's deadline had passed on the day it wrote."""
    return any(d.date < letter.date for d in letter.deadlines)


def build(outdir: Path) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    district = world.district(*DISTRICT)
    paths = []
    for name, fmt, dpi, shape, wanted, rotate_p, wanted_scan in SAMPLES:
        for index in range(200):
            laid = lay_out_bundle(SEED, index, fmt, dpi, district, shape)
            if not wanted(*laid):
                continue
            path, truth, _ = generate_bundle(outdir, index, SEED, fmt, dpi, name=name, laid=laid,
                                             rotate_p=rotate_p, quality=QUALITY)
            if wanted_scan(truth):
                break
        paths.append(path)
    write_directory(outdir / "directory.csv", [district])
    return paths


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else Path("samples")
    for path in build(out):
        print(path)


if __name__ == "__main__":
    main(sys.argv[1:])
