"""The recipe: load -> preprocess -> ocr -> normalise -> split -> parse -> store -> route.

Each step is one call into the stage that owns it; this module only wires them
together, so the whole flow reads top to bottom here. Loading, preprocessing
and recognition live behind ``docintake.ocr.ocr_file`` (pages go through a
process pool there); normalising, splitting and parsing behind
``docintake.parse.parse_pages``.
"""

from __future__ import annotations

from pathlib import Path

from docintake.config import Settings
from docintake.errors import InputFileError, OcrError
from docintake.models import OcrResult, ParseResult


def ocr(path: Path, settings: Settings) -> OcrResult:
    """load -> preprocess -> ocr (text layer where it is real) -> clean, page by page."""
    from docintake.ocr import ocr_file

    return ocr_file(path, settings)


def parse(ocr_result: OcrResult, settings: Settings) -> ParseResult:
    """normalise -> split -> parse: OCR'd pages in, letters with every field out."""
    from docintake.parse import parse_pages

    pages = [page.text for page in ocr_result.pages]
    return parse_pages(pages, file=ocr_result.file, today=settings.today)


def read_file(path: Path, settings: Settings) -> ParseResult:
    """A scan in, its letters out: the first half of the recipe."""
    return parse(ocr(path, settings), settings)


def read_text(path: Path) -> OcrResult:
    """A UTF-8 text file of OCR text (pages split on form feeds) as an OcrResult."""
    from docintake.ocr import read_text_file

    return read_text_file(path)


def parse_text_file(path: Path, settings: Settings) -> ParseResult:
    """OCR text in (``--text``), letters out."""
    return parse(read_text(path), settings)


SCAN_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff", ".pdf"})


def scan_files(folder: Path) -> list[Path]:
    """The scans in a folder and its subfolders, in name order; hidden files skipped."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in SCAN_SUFFIXES and not p.name.startswith((".", "~$"))
    )


def ingest_file(path: Path, db, settings: Settings, *, text: bool = False):
    """store -> route: one file through the whole recipe into the registry ``db``.

    A file whose content (sha256) is already stored changes nothing and is not
    read again. A file that cannot be read is recorded as failed (a later
    ingest retries it) and the error is raised for the caller to report.
    Returns ``docintake.registry.ingest.IngestOutcome``.
    """
    from docintake.registry.ingest import IngestOutcome, file_sha256, record_failure, store_parsed
    from docintake.registry.store import Actor, file_by_sha

    if not path.is_file():
        raise InputFileError(f"{path}: no such file. Check the path and try again.")
    sha, size, actor = file_sha256(path), path.stat().st_size, Actor.current()
    known = file_by_sha(db, sha)
    if known and known["status"] == "stored":
        return IngestOutcome(file=str(path), sha256=sha, status="duplicate", pages=known["pages"])
    try:
        ocr_result = read_text(path) if text else ocr(path, settings)
        parsed = parse(ocr_result, settings)
    except (InputFileError, OcrError) as exc:
        record_failure(db, path=str(path), sha256=sha, error=f"{exc.code}: {exc.message}", actor=actor, size=size)
        raise
    return store_parsed(db, path=str(path), sha256=sha, ocr=ocr_result, parsed=parsed, actor=actor, size=size)
