"""A token's text with our reading of its glyphs put in: pure string work.

``reading`` is one (class, p) per glyph, ``?`` (``REJECT``) for "not a
digit". Only the number is replaced; Tesseract's letters around it stay.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from docintake.ocr import glued, wordcut
from docintake.ocr.glyphs import ink_mask, segment
from docintake.ocr.slashcut import slash_left_out
from docintake.text import lexicon
from docintake.ocr.digits import ARABIC_DIGITS, NO_DIGIT_P, REJECT, THAI_DIGITS, sureness

_NUMERIC_SPAN = re.compile(f"[{THAI_DIGITS}{ARABIC_DIGITS}](?:.*[{THAI_DIGITS}{ARABIC_DIGITS}])?")
DIGIT_CHARS = THAI_DIGITS + ARABIC_DIGITS
_SIGNS = "/.,-:"
# A number whose glyphs we read with a geometric-mean probability under this
# stays as Tesseract read it: one doubtful glyph in a sure number passes, a
# token of doubtful blobs (a logo, a scribble) does not.
MIN_P = 0.3


def digit_run(reading: list[tuple[str, float]]) -> tuple[int, int] | None:
    """Index of the first and one past the last digit glyph, or None."""
    idx = [i for i, (c, _) in enumerate(reading) if c in THAI_DIGITS + ARABIC_DIGITS]
    return (idx[0], idx[-1] + 1) if idx else None


def rewrite(text: str, reading: list[tuple[str, float]]) -> tuple[str, float] | None:
    """Tesseract's token with its digit run replaced by ours; None when there is nothing to say.

    ``reading`` is one (class, p) per glyph, ``?`` for "not a digit".

    >>> rewrite("๐๐๒๓.๑๕/๑๐๕", [(c, 0.99) for c in "๐๐๒๓.๑๔/๑๗๐๙"])
    ('๐๐๒๓.๑๔/๑๗๐๙', 0.99)
    >>> rewrite("ว๒๐๒๕", [("?", 0.9)] + [(c, 0.98) for c in "๒๐๖๙"])
    ('ว๒๐๖๙', 0.98)
    >>> rewrite("เรื่อง", [("?", 0.9)] * 4) is None
    True
    >>> rewrite("๐๕๑๐.@/ว", [(c, 0.99) for c in "๐๘๑๐.๘/?"])
    ('๐๘๑๐.๘/ว', 0.99)
    """
    run = digit_run(reading)
    if run is None:
        return None
    a, b = run
    if page_number(reading):  # its dashes come out as ``0`` or ``=``; the splitter needs them
        return f"- {''.join(c for c, _ in reading[a:b])} -", sureness(reading[a - 1 : b + 1])
    ours = "".join(c for c, _ in reading[a:b] if c != REJECT)
    span = _NUMERIC_SPAN.search(text)
    if any(c == REJECT for c, _ in reading[a:b]):  # letters inside the number: first
        runs = glued.rewrite_runs(span.group(), reading[a:b]) if span else None  # between numbers both read,
        if runs is None or runs[1] < MIN_P:  # else (or when that reading is unsure) run by run,
            alt = by_runs(text, reading)  # where our runs and Tesseract's line up
            if alt is not None or runs is None:
                return alt
        ours, p = runs
    else:
        p = sureness(reading[a:b])
        if p < MIN_P and any(q < NO_DIGIT_P for _, q in reading[a:b]):
            # ``_one_script`` made the letters between two numbers digits we doubt
            # utterly (ก.ย. between ๒๓ and ๖๗): they are letters, read run by run
            return by_runs(text, [(REJECT, q) if q < NO_DIGIT_P else (c, q) for c, q in reading])
    if span is None:
        if all(c != REJECT for c, _ in reading):  # digits and signs only: a misread number
            rest = reading[a:]  # a number starts with a digit: dots before it are a leader line
            return "".join(c for c, _ in rest), sureness(rest)
        return in_place(text, reading)
    head = text[: span.start()] if a > 0 else ""
    tail = text[span.end() :] if b < len(reading) else ""
    if not tail and b < len(reading):
        tail = _tail_in_span(span.group(), reading[b:])
    if b < len(reading) and reading[b][0] in _SIGNS and reading[b][0] in tail:
        # a digit Tesseract could not read (``@`` for ๘) ends its span early: the
        # tail starts at the sign our glyphs show after the number (``๐๕๑๐.@/ว``)
        tail = tail[tail.index(reading[b][0]) :]
    return head + ours + _sign_for_letter(tail, reading[b:]), p


# Thai vowels and tone marks over or under a letter: no glyph of their own.
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
SURE_SIGN = 0.9


def _tail_in_span(span: str, after: list[tuple[str, float]]) -> str:
    """What Tesseract read of our glyphs after the number, where its digit span
    ran on into the first digit of the next number (``๐๕๑๐.@/ว2`` over our
    ``๐๘๑๐.๔/?``, seed 53: the 2 is the ๒ of ``๒๑๑๑`` beside it): from its last
    slash on, one character a glyph; nothing when our glyphs start with no slash.
    Where Tesseract has a digit for the glyph we read surely as a letter right
    after our sure slash (``0810.4/2``, seed 53), that letter is a circular's ว,
    the one letter a number prints there; for any other glyph, no tail is better
    than a digit too many.

    >>> _tail_in_span("๐๕๑๐.@/ว2", [("/", 1.0), ("?", 1.0)]), _tail_in_span("๐๕๑๐.๔", [("?", 1.0)])
    ('/ว', '')
    >>> _tail_in_span("0810.4/2", [("/", 1.0), ("?", 1.0)]), _tail_in_span("0810.4/2", [("/", 0.6), ("?", 1.0)])
    ('/ว', '')
    """
    at = span.rfind("/")
    if after[0][0] != "/" or at < 0:
        return ""
    out, glyphs = "", 0
    for ch in span[at:]:
        if glyphs == len(after) and not _MARKS.match(ch):
            break
        if not _MARKS.match(ch) and ch in DIGIT_CHARS and after[glyphs][0] == REJECT:
            if glyphs != 1 or min(after[0][1], after[1][1]) < SURE_SIGN:
                return ""
            ch = lexicon.CIRCULAR_MARK
        out += ch
        glyphs += 0 if _MARKS.match(ch) else 1
    return out


def _sign_for_letter(tail: str, after: list[tuple[str, float]]) -> str:
    """The tail with its first character our sure slash, where Tesseract read that glyph as no sign.

    A slash after a number, blurred or run into the digit before it, comes out
    of Tesseract as ``ป``, ``|`` or ``”`` (``๐๐๒๓.๑๓ปว`` for ``๐๐๒๓.๑๓/ว``). When
    the tail holds one character per glyph we read after the number, they line
    up and the first is the slash we saw surely; else the tail stays as it was.
    Only the slash: a full stop we see after a year may be dust, and the mark
    Tesseract read there (``๒๕๖๗]``) is no worse.

    >>> _sign_for_letter("ปว", [("/", 0.98), ("?", 1.0)])
    '/ว'
    >>> _sign_for_letter("ปว", [("/", 0.98)]) # one glyph for two characters: no alignment
    'ปว'
    """
    if not after or not tail or after[0][0] != "/" or after[0][1] < SURE_SIGN or tail[0] in _SIGNS + DIGIT_CHARS:
        return tail
    if slash_left_out(_MARKS.sub("", tail), after, SURE_SIGN):  # ``๐๘๐๘.๓ว``: no character for the slash
        return "/" + tail
    if len(_MARKS.sub("", tail)) != len(after):
        return tail
    return after[0][0] + tail[1:]


_TESSERACT_RUN = re.compile(f"[{DIGIT_CHARS}](?:[./,:-]?[{DIGIT_CHARS}])*")


def _our_runs(reading: list[tuple[str, float]]) -> list[list[tuple[str, float]]]:
    """Our digit runs: the glyphs between letters that hold a digit, without
    the signs at their edges (the dot of ``ก.ย.`` before ``๖๗``)."""
    runs, cur = [], []
    for r in [*reading, (REJECT, 1.0)]:
        if r[0] != REJECT:
            cur.append(r)
            continue
        while cur and cur[0][0] not in DIGIT_CHARS:
            cur.pop(0)
        while cur and cur[-1][0] not in DIGIT_CHARS:
            cur.pop()
        runs += [cur] if cur else []
        cur = []
    return runs


def by_runs(text: str, reading: list[tuple[str, float]]) -> tuple[str, float] | None:
    """A token of numbers and letters together (a date Tesseract read as one
    word: ``วันที่๒๓กุย.๒๑`` for วันที่ ๒๓ ก.ย. ๖๗) with each of its digit runs
    replaced by ours, when we see as many runs as Tesseract did, in order.

    The Thai model reads no ๔ ๖ ๗ ๘ ๙, so a year glued to its month keeps a
    wrong digit unless it is read here; a different count of runs means our
    cut and Tesseract's do not line up, and nothing is said.

    >>> by_runs("๑ม.ค.๒๕", [(c, 0.99) for c in "๑๗?.?.๖๘"])
    ('๑๗ม.ค.๖๘', 0.99)
    >>> by_runs("๕๕", [(c, 0.99) for c in "๔?๔"]) is None
    True
    >>> by_runs("๑๒", [(c, 0.99) for c in "?6?"]) is None  # one run: the number's own doubts
    True
    """
    ours, theirs = _our_runs(reading), list(_TESSERACT_RUN.finditer(text))
    if len(ours) < 2 or len(ours) != len(theirs):
        return None  # one run alone is a number with its own doubts, not numbers with letters between
    if any(re.fullmatch(f"[{THAI_DIGITS}]+", m[0]) and run[0][0] in ARABIC_DIGITS for run, m in zip(ours, theirs)):
        return None  # Tesseract reads Thai digits only where there are Thai digits
    out, pos = [], 0
    for run, m in zip(ours, theirs):
        out += [text[pos : m.start()], "".join(c for c, _ in run)]
        pos = m.end()
    return "".join(out) + text[pos:], min(sureness(run) for run in ours)


def page_number(reading: list[tuple[str, float]]) -> bool:
    """A dash, one to three digits, a dash: the page number ``- ๒ -`` of a letter's later pages
    (dots of dust on either side aside: ``.-๒-``).

    >>> page_number([(c, 1.0) for c in ".-๒-"]), page_number([(c, 1.0) for c in "๑-๓"])
    (True, False)
    """
    labels = "".join(c for c, _ in reading).strip(".,")
    return bool(re.fullmatch(f"-[{DIGIT_CHARS}]{{1,3}}-", labels))


def sure_number(reading: list[tuple[str, float]]) -> bool:
    """Digits and signs only, at least one digit, all read surely: a number
    Tesseract left out may be put in on our reading alone."""
    return bool(reading) and digit_run(reading) is not None and all(c != REJECT for c, _ in reading) \
        and sureness(reading) >= 0.9


def in_place(text: str, reading: list[tuple[str, float]]) -> tuple[str, float] | None:
    """One glyph per character (no Thai marks): put our digits where Tesseract put symbols.

    >>> in_place("(@)", [("?", 0.9), ("๔", 0.99), ("?", 0.9)])
    ('(๔)', 0.99)
    >>> in_place("QR", [("8", 0.9), ("?", 0.9)]) is None
    True
    """
    if len(text) != len(reading):
        return None
    out, put = list(text), []
    for i, (c, q) in enumerate(reading):
        if c in THAI_DIGITS + ARABIC_DIGITS and not text[i].isalpha():
            out[i] = c
            put.append((c, q))
    return ("".join(out), sureness(put)) if put else None


def blob_origin(box: tuple[int, int, int, int]) -> tuple[int, int]:
    """The page point ``read_blob``'s glyph coordinates count from: ``box``
    padded by a third of its height, kept on the page.

    >>> blob_origin((100, 50, 40, 30)), blob_origin((5, 5, 40, 30))
    ((91, 41), (0, 0))
    """
    pad = int(0.3 * box[3])
    return max(0, box[0] - pad), max(0, box[1] - pad)


def read_kept(model, page: np.ndarray, box: tuple[int, int, int, int],
              keep: Callable[[tuple[str, float], int, int], bool]) -> tuple[list, tuple[int, int, int, int]] | None:
    """The readings of the glyphs ``read_blob`` reads in ``box`` that ``keep(reading,
    left, right)`` keeps (``left``, ``right``: the glyph's page x-span), and the page
    box they fill; None when no ink or no glyph is kept."""
    read = read_blob(model, page, box)
    if read is None:
        return None
    x0, y0 = blob_origin(box)
    kept = [(r, g) for r, g in zip(*read) if keep(r, x0 + g.x, x0 + g.x + g.w)]
    if not kept:
        return None
    a, b, glyphs = kept[0][1], kept[-1][1], [g for _, g in kept]
    top = min(g.y for g in glyphs)
    return [r for r, _ in kept], (x0 + a.x, y0 + top, b.x + b.w - a.x, max(g.y + g.h for g in glyphs) - top)


def read_blob(model, page: np.ndarray, box: tuple[int, int, int, int]) -> tuple[list, list] | None:
    """(reading, glyphs kept) of the ink in ``box`` (page pixels, padded by a
    third of its height, glyphs cut in its band); None when there is no ink."""
    x, y, w, h = box
    pad = int(0.3 * h)
    x0, y0 = blob_origin(box)
    mask = ink_mask(page[y0 : y + h + pad, x0 : x + w + pad])
    if mask is None:
        return None
    reading, kept = model.read(segment(mask, band=(y - y0, y - y0 + h)))
    return (reading, kept) if reading else None


def spelled(reading: list[tuple[str, float]], kept: list) -> str:
    """The reading as text, a space where glyphs stand a space apart (0.3 of
    their height, as ``wordcut.space_width``)."""
    space = wordcut.space_width(kept)
    out = reading[0][0]
    for a, b, (c, _) in zip(kept, kept[1:], reading[1:]):
        out += (" " if b.x - (a.x + a.w) > space else "") + c
    return out
