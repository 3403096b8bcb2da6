"""Pages out of a scan file, one at a time: JPG, PNG, TIFF (multi-page), PDF.

The format is decided by the file's first bytes, not its name (clerks rename
files). PDFs are rasterised one page per ``pdftoppm`` call, so a 200-page PDF
never holds more than one page image in memory. A born-digital PDF page keeps
its text layer instead of an image when that layer is real Thai text; Thai
text layers are often broken (glyphs in private-use code points, tone marks
before vowels, nothing at all), so each page is checked and falls back to OCR.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from docintake.errors import (
    EncryptedPdfError,
    InputFileError,
    MissingDependencyError,
    UnsupportedFormatError,
)

# Decompression-bomb guard. An A3 sheet at 1200 dpi is ~ 14000 x 19800 px
# (277 Mpx); nothing a clerk's scanner makes is larger. Pillow only warns
# between its limit and twice that, so _open_image checks the size itself.
MAX_PAGE_PIXELS = 300_000_000
Image.MAX_IMAGE_PIXELS = MAX_PAGE_PIXELS
PDF_RENDER_TIMEOUT = 120  # seconds for pdftoppm to render one page

MIN_THAI_CHARS = 20  # fewer than this: OCR the page, it costs little
MAX_BROKEN_RATIO = 0.01  # broken sequences per Thai character tolerated
POPPLER_HINT = "install the Debian package poppler-utils (sudo apt install poppler-utils)"


@dataclass
class LoadedPage:
    """One page: an image to OCR, or the PDF text layer when it is usable."""

    index: int  # 0-based page number in the file
    image: Image.Image | None
    text_layer: str | None
    dpi: int | None


# ----------------------------------------------------------- format sniffing

_MAGIC = (
    (b"%PDF", "pdf"),
    (b"\xff\xd8\xff", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
)


def sniff_format(path: Path) -> str:
    """'pdf' | 'jpg' | 'png' | 'tiff' from the first bytes; clerk-readable errors."""
    path = Path(path)
    if not path.exists():
        raise InputFileError(f"File not found: {path}. Check the name and the folder.")
    if path.is_dir():
        raise InputFileError(f"{path} is a folder, not a scan file.")
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise InputFileError(f"Cannot read {path}: {exc.strerror}. Check the file's permissions.") from exc
    if not head:
        raise InputFileError(f"{path.name} is empty (0 bytes): the scan did not save. Scan it again.")
    for magic, fmt in _MAGIC:
        # Some scanners write a few junk bytes before %PDF; readers accept it.
        if head.startswith(magic) or (fmt == "pdf" and magic in head):
            return fmt
    raise UnsupportedFormatError(
        f"{path.name} is not a scan docintake can read (expected PDF, JPG, PNG or TIFF)."
    )


# ------------------------------------------------------------------ images


def _open_image(path: Path) -> Image.Image:
    try:
        with warnings.catch_warnings():  # the size check below says it in the clerk's terms, once
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            img = Image.open(path)
    except Image.DecompressionBombError as exc:
        raise InputFileError(_too_large(path, exc)) from exc
    except UnidentifiedImageError as exc:
        raise UnsupportedFormatError(
            f"{path.name} looks like an image but cannot be decoded; save it again as PDF, JPG, PNG or TIFF."
        ) from exc
    except OSError as exc:
        raise InputFileError(f"Cannot read {path.name}: {exc}.") from exc
    width, height = img.size
    if width * height > MAX_PAGE_PIXELS:
        img.close()
        raise InputFileError(_too_large(path, f"{width} x {height} pixels"))
    return img


def _too_large(path: Path, detail) -> str:
    return (
        f"{path.name} is far too large for a page scan ({detail}); "
        "scan the letter again at 200-300 dpi."
    )


def _image_dpi(img: Image.Image) -> int | None:
    dpi = img.info.get("dpi")
    if not dpi:
        return None
    value = int(round(float(dpi[0])))
    return value if value >= 50 else None  # 1 or 72 "dpi" is a missing value, not a scan


def _ready(frame: Image.Image, path: Path) -> Image.Image:
    """Decode now (so truncation shows here) and normalise the mode to L or RGB."""
    try:
        frame.load()
        img = ImageOps.exif_transpose(frame)
    except (OSError, SyntaxError, ValueError) as exc:
        raise InputFileError(
            f"{path.name} is damaged or incomplete ({exc}); copy or scan it again."
        ) from exc
    if "A" in img.mode or "transparency" in img.info:
        # A transparent background would turn black: lay the page on white paper.
        paper = Image.new("RGB", img.size, "white")
        paper.paste(img.convert("RGBA"), mask=img.convert("RGBA").getchannel("A"))
        return paper
    if img.mode == "1":
        return img.convert("L")
    if img.mode in ("I;16", "I;16B", "I", "F"):  # 16-bit grey scans
        arr = np.asarray(img, dtype=np.float64)
        return Image.fromarray(np.clip(arr / (257.0 if arr.max() > 255 else 1.0), 0, 255).astype(np.uint8))
    return img if img.mode in ("L", "RGB") else img.convert("RGB")


def _iter_image_pages(path: Path) -> Iterator[LoadedPage]:
    with _open_image(path) as img:
        for i, frame in enumerate(ImageSequence.Iterator(img)):
            page = _ready(frame, path)
            yield LoadedPage(index=i, image=page.copy(), text_layer=None, dpi=_image_dpi(frame))


# --------------------------------------------------------------------- PDF


def _run_poppler(args: list[str], path: Path, timeout: float = 120) -> str:
    if shutil.which(args[0]) is None:
        raise MissingDependencyError(f"`{args[0]}` was not found: {POPPLER_HINT}.")
    proc = subprocess.run(args, capture_output=True, timeout=timeout, check=False)
    err = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        if "password" in err.lower() or "encrypt" in err.lower():
            raise EncryptedPdfError(
                f"{path.name} is password-protected. Open it with its password and save or "
                "print it again without one, then retry."
            )
        raise InputFileError(f"{path.name} is a damaged PDF ({err.strip() or 'unreadable'}); ask the sender for a new copy.")
    return proc.stdout.decode("utf-8", "replace")


def _pdf_page_count(path: Path) -> int:
    info = _run_poppler(["pdfinfo", str(path)], path)
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    if not match or int(match.group(1)) == 0:
        raise InputFileError(f"{path.name} has no pages; ask the sender for a new copy.")
    return int(match.group(1))


def pdf_text_layer(path: Path, page_no: int) -> str:
    """The text layer of one 1-based page (empty for a scanned page)."""
    return _run_poppler(["pdftotext", "-enc", "UTF-8", "-f", str(page_no), "-l", str(page_no), str(path), "-"], path)


def rasterise_pdf_page(path: Path, page_no: int, dpi: int) -> Image.Image:
    """One 1-based page as an RGB image, via pdftoppm (through pdf2image)."""
    from pdf2image import convert_from_path
    from pdf2image.exceptions import (
        PDFInfoNotInstalledError,
        PDFPageCountError,
        PDFPopplerTimeoutError,
        PDFSyntaxError,
    )

    try:
        images = convert_from_path(
            str(path), dpi=dpi, first_page=page_no, last_page=page_no, timeout=PDF_RENDER_TIMEOUT
        )
    except PDFInfoNotInstalledError as exc:
        raise MissingDependencyError(f"pdftoppm was not found: {POPPLER_HINT}.") from exc
    except (PDFPageCountError, PDFSyntaxError) as exc:
        raise InputFileError(f"{path.name}: page {page_no} cannot be rendered ({exc}).") from exc
    except PDFPopplerTimeoutError as exc:
        raise InputFileError(
            f"{path.name}: page {page_no} took over {PDF_RENDER_TIMEOUT} s to render; "
            "the PDF may be damaged or far too detailed. Print it to a new PDF and try again."
        ) from exc
    if not images:
        raise InputFileError(f"{path.name}: page {page_no} cannot be rendered; the PDF is damaged.")
    return images[0].convert("RGB")


def _pdf_page(path: Path, index: int, dpi: int) -> LoadedPage:
    """The text layer when it is real Thai, else the page rendered at ``dpi``."""
    layer = pdf_text_layer(path, index + 1)
    if thai_text_layer_ok(layer)[0]:
        return LoadedPage(index=index, image=None, text_layer=layer.rstrip("\f\n") + "\n", dpi=None)
    return LoadedPage(index=index, image=rasterise_pdf_page(path, index + 1, dpi), text_layer=None, dpi=dpi)


def _iter_pdf_pages(path: Path, dpi: int) -> Iterator[LoadedPage]:
    for i in range(_pdf_page_count(path)):
        yield _pdf_page(path, i, dpi)


# ---------------------------------------------------------- text-layer check

_CONSONANT = "\u0e01-\u0e2e"
_MARK = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"  # vowels/tones/signs drawn above or below
_TONE = "\u0e48-\u0e4b"
_BROKEN = re.compile(
    rf"(?:(?<![{_CONSONANT}{_MARK}])[{_MARK}])"  # a mark with no consonant to sit on
    rf"|(?:[{_TONE}][\u0e31\u0e34-\u0e39])"  # tone before its vowel (visual order)
    rf"|(?:[\u0e40-\u0e44](?![{_CONSONANT}]))"  # leading vowel not before a consonant
)
_PRIVATE = re.compile("[\ue000-\uf8ff\ufffd]")
_LATIN1_THAI = re.compile("[\u00a1-\u00fb]")  # TIS-620 bytes decoded as Latin-1


def thai_text_layer_ok(text: str) -> tuple[bool, str]:
    """Is a PDF text layer real Thai text worth trusting over OCR? (ok, reason)

    >>> thai_text_layer_ok("ที่ มท ๐๘๑๐.๖/ว ๒๐๖๙ เรื่อง การขับเคลื่อนนโยบาย")
    (True, 'ok')
    >>> thai_text_layer_ok("")[1]
    'no text layer'
    >>> thai_text_layer_ok("ท\uf70aี เรื่อง การขับเคลื่อนนโยบายสำคัญ")[1]
    'private-use glyphs'
    >>> thai_text_layer_ok("ท่ี ท่ี ท่ี การขับเคลื่อนนโยบายสำคัญ")[1]
    'broken vowel order'
    """
    thai = len(re.findall("[\u0e01-\u0e5b]", text))
    if not text.strip():
        return False, "no text layer"
    if _PRIVATE.search(text):
        return False, "private-use glyphs"
    if len(_LATIN1_THAI.findall(text)) > max(5, thai):
        return False, "legacy-encoded Thai (mojibake)"
    if thai < MIN_THAI_CHARS:
        return False, "too little Thai text"
    if len(_BROKEN.findall(text)) > MAX_BROKEN_RATIO * thai:
        return False, "broken vowel order"
    return True, "ok"


# ------------------------------------------------------------------ public


def count_pages(path: Path) -> int:
    """Pages in a scan file, without decoding them."""
    path = Path(path)
    fmt = sniff_format(path)
    if fmt == "pdf":
        return _pdf_page_count(path)
    with _open_image(path) as img:
        return getattr(img, "n_frames", 1)


def iter_pages(path: Path, *, dpi: int = 300) -> Iterator[LoadedPage]:
    """Yield the pages of a scan file in order, one image in memory at a time."""
    path = Path(path)
    fmt = sniff_format(path)
    if fmt == "pdf":
        yield from _iter_pdf_pages(path, dpi)
    else:
        yield from _iter_image_pages(path)


def load_page(path: Path, index: int, *, dpi: int = 300) -> LoadedPage:
    """One 0-based page on its own: what a worker process loads for itself."""
    path = Path(path)
    if sniff_format(path) == "pdf":
        if not 0 <= index < _pdf_page_count(path):
            raise InputFileError(f"{path.name} has no page {index + 1}.")
        return _pdf_page(path, index, dpi)
    with _open_image(path) as img:
        try:
            img.seek(index)
        except EOFError as exc:
            raise InputFileError(f"{path.name} has no page {index + 1}.") from exc
        page = _ready(img, path)
        return LoadedPage(index=index, image=page.copy(), text_layer=None, dpi=_image_dpi(img))
