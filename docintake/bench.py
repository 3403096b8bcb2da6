"""``make bench``: speed of each stage, measured on the same pages in the same run.

OCR: bare ``tesseract -l tha+eng`` on each page (one process at a time) against
docintake's whole OCR stage with 1 and with 2 workers, on a multi-page TIFF
of the same pages. Parsing: letters per second from ground-truth text on one
core. Registry: delegated to ``docintake.registry.bench`` when it is built.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
import time
from pathlib import Path

from docintake.config import Settings
from docintake.evaluate import load_corpus

DEFAULT_CORPUS = Path("build/corpus-seed1")


def _ensure_corpus(corpus: Path, n: int) -> None:
    if not (corpus / "corpus.json").exists():
        from docintake.synth import generate_corpus

        generate_corpus(corpus, n=n, seed=1)


def _page_images(corpus: Path, pages: int, workdir: Path) -> list[Path]:
    """The first `pages` pages of the corpus, saved losslessly as PNG."""
    from docintake.intake.load import iter_pages

    out: list[Path] = []
    for scan, _truth in load_corpus(corpus):
        for page in iter_pages(scan):
            if page.image is None:
                continue
            path = workdir / f"page{len(out):03d}.png"
            page.image.save(path)
            out.append(path)
            if len(out) == pages:
                return out
    return out


def bench_bare_tesseract(images: list[Path]) -> float:
    """Seconds for the tesseract CLI on every page, one after another, one thread."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    started = time.perf_counter()
    for image in images:
        subprocess.run(
            ["tesseract", str(image), "stdout", "-l", "tha+eng"],
            check=True, capture_output=True, env=env,
        )
    return time.perf_counter() - started


def bench_ocr_stage(tiff: Path, jobs: int) -> float:
    from docintake.ocr import ocr_file

    started = time.perf_counter()
    ocr_file(tiff, Settings(jobs=jobs))
    return time.perf_counter() - started


def bench_ocr(corpus: Path, pages: int) -> dict:
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        images = _page_images(corpus, pages, Path(tmp))
        tiff = Path(tmp) / "bench.tif"
        frames = [Image.open(p) for p in images]
        frames[0].save(tiff, save_all=True, append_images=frames[1:], compression="tiff_deflate")
        bare = bench_bare_tesseract(images)
        one = bench_ocr_stage(tiff, jobs=1)
        two = bench_ocr_stage(tiff, jobs=2)
    n = len(images)
    return {
        "pages": n,
        "bare_tesseract_ppm": 60 * n / bare,
        "stage_1_worker_ppm": 60 * n / one,
        "stage_2_workers_ppm": 60 * n / two,
        "stage_cost_vs_bare": one / bare - 1,  # target <= 0.25
        "speedup_2_workers": one / two,  # target >= 1.7
    }


def bench_parse(corpus: Path, rounds: int = 5) -> dict:
    from docintake.parse import parse_pages

    texts = [truth.page_texts for _, truth in load_corpus(corpus)]
    letters = 0
    started = time.perf_counter()
    for _ in range(rounds):
        for pages in texts:
            letters += len(parse_pages(pages).letters)
    seconds = time.perf_counter() - started
    return {"letters": letters, "letters_per_second": letters / seconds}


def _registry_bench() -> dict | None:
    """The registry's own bench (a 100,000-letter registry), run as its module."""
    import importlib.util
    import sys

    if importlib.util.find_spec("docintake.registry.bench") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "registry.json"
        subprocess.run([sys.executable, "-m", "docintake.registry.bench", "--json", str(out)], check=True)
        return json.loads(out.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pages", type=int, default=12)
    parser.add_argument("--out", type=Path, default=Path("build/bench.json"))
    args = parser.parse_args(argv)
    _ensure_corpus(args.corpus, n=30)
    results = {"ocr": bench_ocr(args.corpus, args.pages), "parse": bench_parse(args.corpus)}
    registry = _registry_bench()
    if registry is not None:
        results["registry"] = registry
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    for section, figures in results.items():
        for name, value in figures.items():
            shown = f"{value:.2f}" if isinstance(value, float) else value
            print(f"{section:<10}{name:<24}{shown:>12}")
    print(f"written: {args.out}")


if __name__ == "__main__":
    main()
