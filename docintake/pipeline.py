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
from docintake.errors import InputFileError
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
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(
            f"{path} is not UTF-8 text (byte {exc.start}). Save it as UTF-8 and try again."
        ) from exc
    from docintake.models import PageText

    pages = [PageText(index=i, text=t, raw_text=t, path="text") for i, t in enumerate(raw.split("\f"))]
    return OcrResult(file=str(path), pages=pages)


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
