"""The OCR stage: a scan file in, an ``OcrResult`` (text, words, confidences per page) out.

Pages go through a process pool of ``settings.jobs`` workers; each worker
loads its own page (so the parent never holds page images) and runs
Tesseract single-threaded, which is what lets 2 cores do twice the work.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from docintake.config import Settings
from docintake.errors import InputFileError, OcrError
from docintake.models import OcrResult, PageText

_WORKER_ENGINE = None  # one TesseractEngine per worker process


def _init_worker(settings: Settings) -> None:
    """Build the worker's engine, unless it came ready-made from the parent (fork)."""
    global _WORKER_ENGINE
    os.environ["OMP_THREAD_LIMIT"] = "1"
    if _WORKER_ENGINE is None or _WORKER_ENGINE.settings != settings:
        from docintake.ocr.engine import TesseractEngine

        _WORKER_ENGINE = TesseractEngine(settings)


def _prepare_parent(settings: Settings) -> None:
    """Import, ask Tesseract its version and load the model once, before the pool forks.

    Forked workers inherit all of it, so each starts reading at once instead
    of spending half a second on imports and subprocesses (that start-up is
    what kept 2 workers from doubling the speed on short files).
    """
    global _WORKER_ENGINE
    if _WORKER_ENGINE is None or _WORKER_ENGINE.settings != settings:
        from docintake.ocr.engine import TesseractEngine

        _WORKER_ENGINE = TesseractEngine(settings)


def _read_one(engine, page) -> PageText:
    """One page; a page that cannot be read becomes an empty page with a warning."""
    try:
        return engine.read_page(page)
    except (OcrError, InputFileError) as exc:
        return PageText(index=page.index, text="", warnings=[exc.message])


def _worker_page(path: str, dpi: int, index: int) -> PageText:
    from docintake.intake.load import load_page

    try:
        page = load_page(Path(path), index, dpi=dpi)
    except InputFileError as exc:
        return PageText(index=index, text="", warnings=[exc.message])
    return _read_one(_WORKER_ENGINE, page)


def read_text_file(path: Path) -> OcrResult:
    """A UTF-8 text file of OCR text (pages split by form feeds) as an ``OcrResult``."""
    from docintake.ocr.engine import clean_ocr_text

    try:
        raw = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError(f"{path.name} is not a UTF-8 text file ({exc}); save it as UTF-8 and retry.") from exc
    pages = [PageText(index=i, text=clean_ocr_text(t), raw_text=t, path="text") for i, t in enumerate(raw.split("\f"))]
    return OcrResult(file=str(path), pages=pages)


def ocr_file(path: Path, settings: Settings, engine=None) -> OcrResult:
    """Every page of ``path`` in page order, through ``engine`` or Tesseract."""
    path = Path(path)
    if hasattr(engine, "read_file"):  # ReplayEngine: recorded text, the file is not opened
        return engine.read_file(path)
    if path.suffix.lower() == ".txt":  # a sidecar text file is already text
        return read_text_file(path)
    from docintake.intake.load import count_pages, iter_pages

    n = count_pages(path)
    jobs = max(1, min(settings.jobs, n))
    if engine is not None or jobs == 1:
        if engine is None:
            from docintake.ocr.engine import TesseractEngine

            engine = TesseractEngine(settings)
        pages = [_read_one(engine, page) for page in iter_pages(path, dpi=settings.dpi)]
        return OcrResult(file=str(path), pages=pages)
    _prepare_parent(settings)
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(settings,)) as pool:
        pages = list(pool.map(partial(_worker_page, str(path), settings.dpi), range(n)))
    return OcrResult(file=str(path), pages=pages)
