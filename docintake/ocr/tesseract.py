"""Running Tesseract once per page and turning its output into words with boxes.

One Tesseract run writes both renderers, ``txt`` and ``tsv``: the TSV has the
boxes and confidences, but for Thai (no spaces between words) its "words" are
single characters; the TXT has Tesseract's own spacing and line breaks. The
two hold the same characters in the same order, so each whitespace-separated
token of the TXT is matched to the TSV rows it is made of, and gets their
union box and mean confidence.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from docintake.errors import MissingDependencyError, OcrError

TESSERACT_HINT = (
    "install the Debian packages tesseract-ocr tesseract-ocr-tha tesseract-ocr-eng "
    "(sudo apt install tesseract-ocr tesseract-ocr-tha tesseract-ocr-eng)"
)


@dataclass
class Token:
    """One whitespace-separated token of Tesseract's text, where it is in the text and on the page."""

    text: str
    start: int  # offsets into the TXT output
    end: int
    box: tuple[int, int, int, int]  # left, top, width, height
    conf: float
    line: int
    boxes: list[tuple[int, int, int, int]]  # the TSV rows it is made of (characters for Thai)
    line_box: tuple[int, int, int, int] = (0, 0, 0, 0)  # Tesseract's box of the whole text line


@functools.cache
def tesseract_info() -> tuple[str, Path, tuple[str, ...]]:
    """(version, tessdata folder, installed languages), asked once per process."""
    try:
        out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
        version = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, timeout=30)
    except FileNotFoundError as exc:
        raise MissingDependencyError(f"tesseract was not found: {TESSERACT_HINT}.") from exc
    lines = (out.stdout + out.stderr).splitlines()
    folder = re.search(r'"(.+?)"', lines[0]) if lines else None
    langs = tuple(line.strip() for line in lines[1:] if line.strip())
    first = (version.stdout or version.stderr).split("\n", 1)[0].strip()
    return first, Path(folder.group(1) if folder else "."), langs


def check_languages(langs: str) -> None:
    """Fail early, with the package to install, when a language model is missing."""
    _, _, installed = tesseract_info()
    for lang in langs.split("+"):
        if lang not in installed:
            raise MissingDependencyError(
                f"Tesseract has no '{lang}' language data: install tesseract-ocr-{lang}."
            )


@functools.cache
def model_versions(langs: str) -> dict[str, str]:
    """traineddata name -> first 12 hex digits of its SHA-256, for the record."""
    _, folder, _ = tesseract_info()
    versions = {}
    for lang in langs.split("+"):
        path = folder / f"{lang}.traineddata"
        if path.exists():
            versions[f"tesseract-{lang}"] = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return versions


def thai_reader(whitelist: str, timeout: float = 30):
    """``run(image, psm) -> text``: one run of the Thai model alone on a small
    crop (a second look), its letters limited to ``whitelist``; a run that
    fails reads nothing, so the first reading stays."""

    def run(image: np.ndarray, psm: int) -> str:
        try:
            return run_tesseract(image, langs="tha", dpi=300, psm=psm, timeout=timeout, whitelist=whitelist)[1].strip()
        except OcrError:
            return ""

    return run


def run_tesseract(gray: np.ndarray, *, langs: str, dpi: int, psm: int = 3, timeout: float = 180,
                  whitelist: str = "") -> tuple[str, str]:
    """(tsv, txt) from one Tesseract run over an 8-bit image, single-threaded;
    ``whitelist``: the only characters it may output (all when empty)."""
    import pytesseract.pytesseract as pt

    with tempfile.TemporaryDirectory(prefix="docintake-") as tmp:
        image = os.path.join(tmp, "page.png")
        cv2.imwrite(image, gray, [cv2.IMWRITE_PNG_COMPRESSION, 1])  # fast: the file lives for one run
        base = os.path.join(tmp, "out")
        config = f"--psm {psm} --dpi {dpi} -c tessedit_create_tsv=1"
        if whitelist:
            config += f" -c tessedit_char_whitelist={whitelist}"
        try:
            pt.run_tesseract(image, base, "txt tsv", langs, config=config, timeout=int(timeout) or 0)
        except pt.TesseractNotFoundError as exc:
            raise MissingDependencyError(f"tesseract was not found: {TESSERACT_HINT}.") from exc
        except (pt.TesseractError, RuntimeError) as exc:
            raise OcrError(f"Tesseract failed on this page ({exc}); the page may be blank or damaged.") from exc
        return Path(base + ".tsv").read_text("utf-8"), Path(base + ".txt").read_text("utf-8")


def _tsv_rows(tsv: str) -> tuple[list, dict]:
    """Word-level rows (text, box, conf, (block, par, line)), and line boxes by (block, par, line).

    Line boxes come from Tesseract's layout analysis and are trustworthy;
    the per-character boxes of Thai words are the LSTM's rough guesses.
    """
    rows, lines = [], {}
    for line in tsv.splitlines()[1:]:
        f = line.split("\t")
        if len(f) < 12 or f[0] not in ("4", "5"):
            continue
        box = (int(f[6]), int(f[7]), int(f[8]), int(f[9]))
        key = (int(f[2]), int(f[3]), int(f[4]))
        if f[0] == "4":
            lines[key] = box
        elif f[11].strip():
            rows.append((f[11].strip(), box, float(f[10]), key))
    return rows, lines


def usual_height(toks: list[Token]) -> float:
    """The median height of the tokens' boxes, 0 when there are none: the page's body print."""
    heights = sorted(t.box[3] for t in toks if t.box[3] > 0)
    return float(heights[len(heights) // 2]) if heights else 0.0


def to_page_box(box: tuple[int, int, int, int], scale: float) -> tuple[int, int, int, int]:
    """A box of the scaled image Tesseract read, in the upright page's pixels.

    >>> to_page_box((30, 60, 90, 45), 1.5)
    (20, 40, 60, 30)
    """
    return tuple(int(round(v / scale)) for v in box)


def union_box(boxes: list[tuple[int, int, int, int]]) -> tuple[int, int, int, int]:
    """Smallest box holding all ``boxes`` (left, top, width, height).

    >>> union_box([(10, 5, 4, 4), (16, 3, 2, 10)])
    (10, 3, 8, 10)
    """
    left = min(b[0] for b in boxes)
    top = min(b[1] for b in boxes)
    right = max(b[0] + b[2] for b in boxes)
    bottom = max(b[1] + b[3] for b in boxes)
    return left, top, right - left, bottom - top


def tokens(tsv: str, txt: str) -> list[Token]:
    """Match the TXT's tokens to the TSV rows they are made of (see module doc)."""
    rows, line_boxes = _tsv_rows(tsv)
    owner: list[int] = []  # for each non-space char of the TSV, its row index
    for i, (text, _, _, _) in enumerate(rows):
        owner.extend([i] * len(re.sub(r"\s", "", text)))
    line_ids: dict[tuple[int, int, int], int] = {}
    out: list[Token] = []
    pos = 0
    for m in re.finditer(r"\S+", txt):
        ids = sorted(set(owner[pos : pos + len(m.group())]))
        pos += len(m.group())
        if not ids:  # TXT and TSV disagree (should not happen): keep the text, no box
            out.append(Token(m.group(), m.start(), m.end(), (0, 0, 0, 0), 0.0, 0, []))
            continue
        boxes = [rows[i][1] for i in ids]
        conf = float(np.mean([rows[i][2] for i in ids]))
        line = line_ids.setdefault(rows[ids[0]][3], len(line_ids))
        key = rows[ids[0]][3]
        out.append(Token(m.group(), m.start(), m.end(), union_box(boxes), conf, line, boxes, line_boxes.get(key, union_box(boxes))))
    return out
