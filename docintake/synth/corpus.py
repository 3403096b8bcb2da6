"""Generate bundles and write them to disk (scan, truth, manifest, directory)."""

from __future__ import annotations

import csv
import json
import random
import time
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image

from docintake.models import TruthBundle
from docintake.synth import chain, world
from docintake.synth.bundle import LaidBundle, lay_out
from docintake.synth.degrade import degrade

SINGLE_PAGE = ("jpg", "png")
FIXED_TIME = time.struct_time((2025, 1, 1, 0, 0, 0, 2, 1, 0))  # PDF dates: same bytes for a seed
JPEG_QUALITY = 78


def _plan(rng: random.Random, fmt: str, district: world.District | None, shape: str | None) -> chain.BundlePlan:
    d = chain.pick_district(rng) if district is None else district
    short = fmt in SINGLE_PAGE
    if shape:
        return {"chain3": lambda: chain.plan_chain(rng, 3, d), "chain2": lambda: chain.plan_chain(rng, 2, d),
                "single": lambda: chain.plan_single(rng, d, short), "memo": lambda: chain.plan_memo(rng, d, short)}[shape]()
    if short:
        return chain.plan_single(rng, d, short) if rng.random() < 0.55 else chain.plan_memo(rng, d, short)
    roll = rng.random()
    if roll < 0.4:
        return chain.plan_chain(rng, 3, d)
    if roll < 0.55:
        return chain.plan_chain(rng, 2, d)
    return chain.plan_single(rng, d) if roll < 0.85 else chain.plan_memo(rng, d)


def lay_out_bundle(seed: int, index: int, fmt: str, dpi: int, district: world.District | None = None,
                   shape: str | None = None) -> tuple[chain.BundlePlan, LaidBundle]:
    """Plan and lay out bundle ``index`` of corpus ``seed`` without drawing it (cheap: for tests)."""
    return _lay_out(random.Random(f"docintake-synth:{seed}:{index}"), fmt, dpi, district, shape)


def _lay_out(rng: random.Random, fmt: str, dpi: int, district: world.District | None,
             shape: str | None) -> tuple[chain.BundlePlan, LaidBundle]:
    """Plan and lay out; image formats retry until the bundle fits one page."""
    for _ in range(20):
        bp = _plan(rng, fmt, district, shape)
        laid = lay_out(bp, dpi, rng)
        if fmt not in SINGLE_PAGE or len(laid.pages) == 1:
            return bp, laid
    raise RuntimeError("could not fit a one-page letter")  # pragma: no cover - short plans fit


def generate_bundle(outdir: Path, index: int, seed: int, fmt: str, dpi: int, degrade_: bool = True,
                    name: str | None = None, laid: tuple[chain.BundlePlan, LaidBundle] | None = None,
                    rotate_p: float = 0.07, quality: int = JPEG_QUALITY) -> tuple[Path, TruthBundle, chain.BundlePlan]:
    """Render bundle ``index`` of corpus ``seed`` (or an already ``laid`` one); write the scan and its truth."""
    bp, laid = laid or lay_out_bundle(seed, index, fmt, dpi)
    name = name or f"{index:03d}_{bp.shape}_{dpi}"
    images, rotations, notes = laid.render(dpi), [], list(laid.notes)
    if degrade_:
        nprng = np.random.default_rng([seed, index])
        scans = [degrade(img, nprng, dpi, rotate_p) for img in images]
        images, rotations = [s.image for s in scans], [s.rotation for s in scans]
        notes += [f"page {i + 1}: {note}" for i, s in enumerate(scans) for note in s.notes]
    else:
        rotations = [0] * len(images)
    scan = outdir / f"{name}.{fmt}"
    save_scan(images, scan, fmt, dpi, quality)
    truth = TruthBundle(file=scan.name, format=fmt, dpi=dpi, seed=seed, pages=len(images),
                        page_texts=laid.texts, letters=laid.letters, rotations=rotations, notes=notes)
    path = outdir / f"{name}.truth.json"
    path.write_text(truth.model_dump_json(indent=1) + "\n", encoding="utf-8")
    return path, truth, bp


def save_scan(images: list[Image.Image], path: Path, fmt: str, dpi: int, quality: int = JPEG_QUALITY) -> None:
    first, rest = images[0], images[1:]
    if fmt == "pdf":
        first.save(path, "PDF", save_all=True, append_images=rest, resolution=float(dpi), quality=quality,
                   creationDate=FIXED_TIME, modDate=FIXED_TIME, producer="docintake synth", creator="docintake synth")
    elif fmt == "tiff":  # JPEG-in-TIFF in YCbCr: half the bytes of RGB, readers decode it to RGB
        pages = [im.convert("YCbCr") for im in images]
        pages[0].save(path, "TIFF", save_all=True, append_images=pages[1:], compression="jpeg",
                      quality=quality, dpi=(dpi, dpi))
    elif fmt == "jpg":
        first.save(path, "JPEG", quality=quality, dpi=(dpi, dpi))
    elif fmt == "png":  # a small fixed palette, like a scanner's document mode
        small = first.quantize(palette=_document_palette(), dither=Image.Dither.NONE)
        small.save(path, "PNG", dpi=(dpi, dpi), compress_level=9)
    else:
        raise ValueError(f"unknown scan format {fmt!r}")


@lru_cache(maxsize=1)
def _document_palette() -> Image.Image:
    """Greys plus the red, blue and violet inks. An adaptive palette would spend
    its colours on the paper and turn the red urgency stamp grey."""
    greys = [(int(v), int(v), max(0, int(v) - 6)) for v in np.linspace(30, 252, 12)]
    inks = [(205, 35, 40), (225, 110, 110), (245, 190, 185), (30, 55, 175), (110, 125, 210),
            (190, 195, 235), (85, 60, 165), (160, 145, 210)]
    flat = [c for rgb in greys + inks for c in rgb]
    pal = Image.new("P", (1, 1))
    pal.putpalette(flat + [0] * (768 - len(flat)))
    return pal


def generate_corpus(outdir: Path, n: int, seed: int, *, formats=("pdf", "tiff", "jpg", "png"),
                    dpis=(300, 200), degrade: bool = True) -> list[Path]:
    """Write ``n`` bundles, ``corpus.json`` and ``directory.csv`` into ``outdir``; return the truth paths."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    weights = {"pdf": 0.45, "tiff": 0.25, "jpg": 0.15, "png": 0.15}
    pick = random.Random(f"docintake-synth-formats:{seed}")
    paths, entries, districts = [], [], {}
    for i in range(n):
        fmt = pick.choices(formats, [weights.get(f, 0.1) for f in formats])[0]
        dpi = dpis[i % len(dpis)]
        path, truth, bp = generate_bundle(outdir, i, seed, fmt, dpi, degrade)
        paths.append(path)
        districts[bp.district.org.name] = bp.district
        entries.append({"file": truth.file, "truth": path.name, "format": fmt, "dpi": dpi,
                        "pages": truth.pages, "letters": len(truth.letters), "shape": bp.shape})
    manifest = {"generator": "docintake.synth", "seed": seed, "n": n, "bundles": entries}
    (outdir / "corpus.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    write_directory(outdir / "directory.csv", list(districts.values()))
    return paths


def write_directory(path: Path, districts: list[world.District]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["name", "type", "district", "province", "aliases"])
        writer.writeheader()
        writer.writerows(world.directory_rows(districts))
