"""One printed line that Tesseract's layout cut into blocks: its right part
put back at its end.

Tesseract's layout may take the end of a line for a block of its own and
print it after the paragraph (seed 110: ``อ้างถึง หนังสืออำเภอกมลาไสย
ด่วนมาก`` and, four lines further down, ``ที่ กส ๐๐๒๓.๑๕/๑๕๓๒``: the
reference lost its number). A text line that stands at the height of an
earlier one, just right of it, is that line's end: its text joins the
earlier line's, left to right. Only a near gap counts: a receipt stamp or
an address beside the header stands far off, and Tesseract's order for it
stays as read.
"""

from __future__ import annotations

from docintake.ocr.missed import line_height, text_lines
from docintake.ocr.tesseract import Token

MAX_GAP = 3.0  # line heights between the line's end and the part right of it (a word space is under one)
MIN_HEIGHT = 0.5  # of the usual line height: a lower box is a speck's or a mark's, no line of print
OVERLAP = 0.5  # of the lower one's height: the two share their rows, they are one line
REASON = "one printed line Tesseract's layout cut into blocks: the part right of its end, printed later, joined again"


def _boxes(toks: list[Token], txt: str) -> dict[int, tuple[int, int, int, int]]:
    """Text line (0-based, in Tesseract's text) -> its line box, in text order."""
    boxes = ((n, next((t.line_box for t in group if t.line_box[2] and t.line_box[3]), None))
             for n, group in text_lines(toks, txt))
    return {n: box for n, box in boxes if box is not None}


def _beside(left: tuple[int, int, int, int], right: tuple[int, int, int, int], line_h: float) -> bool:
    """``right`` starts just right of ``left``'s end and shares its rows; both are
    lines of print, no speck's box (seed 63: a speck at the margin beside a line)."""
    if min(left[3], right[3]) < MIN_HEIGHT * line_h:
        return False
    gap = right[0] - (left[0] + left[2])
    shared = min(left[1] + left[3], right[1] + right[3]) - max(left[1], right[1])
    return -0.5 * line_h <= gap <= MAX_GAP * line_h and shared >= OVERLAP * min(left[3], right[3])


def continuations(toks: list[Token], txt: str) -> dict[int, list[int]]:
    """Text line -> the later text lines that are its right part, left to right.

    Each later line goes to the nearest earlier line it stands just right of
    (a part cut off a part goes to the same line: ``ที่`` and ``กส ...``).
    """
    boxes = _boxes(toks, txt)
    order, line_h = list(boxes), line_height(toks)
    owner: dict[int, int] = {}
    for i, n in enumerate(order):
        left = [m for m in order[:i] if m not in owner and _beside(boxes[m], boxes[n], line_h)]
        if left:
            owner[n] = max(left, key=lambda m: boxes[m][0] + boxes[m][2])
    out: dict[int, list[int]] = {}
    for n, m in owner.items():
        out.setdefault(m, []).append(n)
    return {m: sorted(parts, key=lambda n: boxes[n][0]) for m, parts in out.items()}


def joined(lines: list[str], parts: dict[int, list[int]]) -> list[tuple[int, str | None, bool]]:
    """Replacements for ``missed.insert_lines``: each line with its parts' text
    at its end, each part's own line dropped. A part left blank (junk dropped)
    stays as it is: it moves nothing.

    >>> joined(["a", "b", "c", " "], {0: [2, 3]})
    [(0, 'a c', True), (2, None, True)]
    """
    out: list[tuple[int, str | None, bool]] = []
    for m, ns in sorted(parts.items()):
        if m >= len(lines) or any(n >= len(lines) for n in ns):
            continue
        ns = [n for n in ns if lines[n].strip()]
        if ns:
            out += [(m, " ".join(t for t in [lines[m], *(lines[n] for n in ns)] if t.strip()), True)]
            out += [(n, None, True) for n in ns]
    return out
