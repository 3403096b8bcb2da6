"""Rewriting the numbers in Tesseract's tokens with our glyph reading.

A token is re-read when Tesseract put a digit in it, when it is short
non-Thai debris (a handwritten number often comes out as ``ææ`` or ``WU``), or
when it follows a token ending in ``/`` (the running number written into the
blank after ``ที่ ชย ๗๓๖๐๑/``). The glyphs are split into leading letters,
the number, and trailing letters; only the number is replaced, and Tesseract's
letters are kept exactly where our classifier also saw letters.
"""

from __future__ import annotations

import itertools
import re

import numpy as np
from rapidfuzz.distance import Levenshtein

from docintake.ocr import glued, wordcut
from docintake.ocr.broken import DIGITS_ONLY, broken_digits, joined_if_broken, joined_where_seen
from docintake.ocr.digits import ARABIC_DIGITS, CLASSES, NO_DIGIT_P, REJECT, THAI_DIGITS, Fix, features
from docintake.ocr.junk import is_debris
from docintake.ocr.rewrite import MIN_P, digit_run, page_number, read_blob, rewrite, spelled, sure_number
from docintake.ocr.digits import sureness
from docintake.ocr.tesseract import to_page_box, usual_height
from docintake.ocr.yearplace import doubted_year
from docintake.text.lexicon import COUNT_UNITS, MONTHS, MONTHS_ABBR, RELATIVE_UNITS

_DIGIT = re.compile(f"[{THAI_DIGITS}{ARABIC_DIGITS}]")
_DIGIT_CHARS = THAI_DIGITS + ARABIC_DIGITS
_LATIN = re.compile("[A-Za-z]")
_THAI_LETTER = re.compile("[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]")
_QUOTE_SPECKS = "\"'“”‘’.,"  # specks stuck to a number read as letters (``“ออ``, ``“ออป่อป``)
# Marks above and below a letter, and those specks: no glyph of a number read as letters.
_MARKS_AND_SPECKS = re.compile(f"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e{re.escape(_QUOTE_SPECKS)}]")
SURE_P = 0.9  # ... and what a letter Tesseract doubted needs to become a number
def is_candidate(text: str, previous: str = "") -> bool:
    """Does this token deserve a second reading of its digits?

    >>> [is_candidate(t) for t in ("๐๐๒๓.๑๕/๑๐๕", "เรื่อง", "WU", "(๕)", "saraban_00223243@dla.go.th")]
    [True, False, True, True, False]
    >>> is_candidate("ผส", previous="๗๓๖๐๑/")
    True
    >>> is_candidate("สด", previous="๒๓๐"), is_candidate("ชุด", previous="ที่")
    (True, False)
    >>> is_candidate("มี.ค.่อ"), is_candidate("เม.ย.ข่"), is_candidate("มี.ค.")
    (True, True, False)
    >>> is_candidate("รปอหญี่", previous="๐๐๒๓.๕/ว"), is_candidate("รปอหญี่", previous="หนังสือ")
    (True, False)
    >>> is_candidate("“ออป่อป", previous="๐๐๒๓.๑๘/"), is_candidate("ที่ว่าการอำเภอ", previous="๐๐๒๓.๑๘/")
    (True, False)
    """
    if _DIGIT.search(text):
        return len(_LATIN.findall(text)) < 4  # e-mail addresses and URLs: Tesseract's eng reads them
    if previous.endswith(("/", "/ว")) and len(_MARKS_AND_SPECKS.sub("", text)) <= 6:
        return True  # where the running number stands: written in by hand, it reads as letters (``รปอหญี่``)
    if _AFTER_MONTH.fullmatch(text):
        return True  # a year glued to its abbreviated month, read as letters (``มี.ค.่อ`` for มี.ค. ๖๗)
    if _DIGIT.search(previous[-1:]) and len(text) <= 3:
        return True  # the last digit of a number, split off and read as a letter
    return len(text) <= 6 and not _THAI_LETTER.search(text)


# An abbreviated month with a few more characters glued on: where a year stands.
_AFTER_MONTH = re.compile("(" + "|".join(re.escape(a) for a in MONTHS_ABBR) + r")\S{1,4}")
def year_after_month(text: str, reading: list[tuple[str, float]]) -> tuple[str, float] | None:
    """An abbreviated month and the year glued to it, Tesseract's letters for the year
    replaced by our digits: (text, sureness), or None unless our glyphs show the
    month's letters and dots, then only digits.

    Tesseract's letters and marks for the year (``มี.ค.่อ``) cannot be lined
    up with our glyphs one by one; the month's can, by their count.

    >>> year_after_month("มี.ค.่อ", [("?", 1.0), (".", 0.95), ("?", 1.0), (".", 0.93), ("๖", 1.0), ("๗", 1.0)])
    ('มี.ค. ๖๗', 1.0)
    >>> year_after_month("มี.ค.่อ", [("?", 1.0), (".", 0.95), ("?", 1.0), ("?", 0.99), ("๖", 1.0), ("๗", 1.0)])
    ('มี.ค. ๖๗', 1.0)
    >>> year_after_month("มี.ค.่อ", [("?", 1.0), (".", 0.93), ("๖", 1.0), ("๗", 1.0)]) is None
    True
    """
    m = _AFTER_MONTH.fullmatch(text)
    run = digit_run(reading)
    if m is None or run is None or run[1] != len(reading):
        return None
    month = text[: m.end(1)]
    # one glyph per letter and dot of the month (its marks are stacked on their letters);
    # read with letters, a dot may read as no sign at all, or one go as dust (a stamp's pen dot, seed 18)
    glyphs = len(_MARKS.sub("", month))
    if not glyphs - 1 <= run[0] <= glyphs or any(c == REJECT for c, _ in reading[run[0]:]):
        return None
    return f"{month} {''.join(c for c, _ in reading[run[0]:])}", sureness(reading[run[0]:])


_LONE_LETTER = re.compile("[\u0e01-\u0e2e]")  # one consonant, no vowel or mark: no Thai word
_NUMBER_WORDS = tuple(
    [m[:3] for m in MONTHS] + [a[: a.index(".") + 1] for a in MONTHS_ABBR] + list(RELATIVE_UNITS) + list(COUNT_UNITS)
)


def number_in_its_place(text: str, following: str) -> bool:
    """Is ``text`` one bare consonant standing where a number must, before a
    month or a unit (``ภายในวันที่ ฆ ธันวาคม``, ``เข้มข้น ฆ วัน``)?

    A handwritten or bold ๗ reads as ฆ or ฒ, a ๔ as ฒ; no Thai word is one
    bare consonant, and a month or a unit follows only a number. The digit
    classifier still has to be sure of a digit there.

    >>> number_in_its_place("ฆ", "ธันวาคม"), number_in_its_place("ฒ", "มี."), number_in_its_place("ฆ", "วัน")
    (True, True, True)
    >>> number_in_its_place("ณ", "ห้องประชุม"), number_in_its_place("ที่", "ธันวาคม")
    (False, False)
    """
    return bool(_LONE_LETTER.fullmatch(text)) and following.startswith(_NUMBER_WORDS)




def year_in_its_place(text: str, previous: str) -> bool:
    """Is ``text`` a short run of letters right after an abbreviated month,
    where the year stands (``วันที่ ๓๑ ธ.ค. “ออ``: a handwritten ๖๗ read as
    letters, seeds 10 and 15)? The digit classifier still has to be sure of
    every glyph, so a word there (``ธ.ค. นี้``) stays a word.

    >>> year_in_its_place("ออ", "ธ.ค."), year_in_its_place("“ออ", "ธ.ค."), year_in_its_place("นี้", "ธ.ค.")
    (True, True, True)
    >>> year_in_its_place("ออ", "ธันวาคม"), year_in_its_place("ประจำ", "ธ.ค."), year_in_its_place("๖๗", "ธ.ค.")
    (False, False, False)
    """
    letters = text.strip(_QUOTE_SPECKS)
    return (previous in MONTHS_ABBR and 0 < len(letters) <= 3
            and bool(_THAI_LETTER.search(letters)) and not _DIGIT.search(letters))


def _spaced(reading: list[tuple[str, float]], glyphs: list) -> list[tuple[str, float]]:
    """The reading with a space where the glyphs stand a space apart (Tesseract glued ๕๖๓๙ ๑๔๖๓).

    Fonts set digits anywhere from touching to half an x-height apart, so a
    space is a gap well over the token's usual gap (and not a hairline).
    """
    gaps = [g.x - (a.x + a.w) for a, g in zip(glyphs, glyphs[1:])]
    if len(gaps) < 3:
        return reading
    tallest = max(g.h for g in glyphs)
    floor = 0.3 * float(np.median([g.h for g in glyphs if g.h >= 0.6 * tallest]))
    space = max(floor, 1.8 * float(np.median(gaps)))
    out = list(reading[:1])
    for k, (gap, prev, r) in enumerate(zip(gaps, reading, reading[1:])):
        # never after '/' or '.'; after a letter only between numbers (``/ว ๑๓๑๘``: ``glued``)
        after = prev[0] in _DIGIT_CHARS or (prev[0] == REJECT and digit_run(reading[:k]) is not None)
        if gap > space and after and r[0] in _DIGIT_CHARS:
            out.append((" ", 1.0))
        out.append(r)
    return out


def _missed(model, words: list[list], digitish: dict[int, bool], boxes: list,
            numeric: list[bool]) -> list[tuple[int, str, tuple]]:
    """Numbers on the line that no word box covers (Tesseract skipped them): (word position, text, box).

    Only a word of digit-like glyphs that we read as a number with
    confidence: a list number ``๑.`` before an indented paragraph, a date
    written into a stamp.
    """
    found = []
    # Tesseract sometimes boxes a digit it read one pixel wide (a ``7`` at 1 x 20, seed 36): such
    # a box still covers its glyph, or the glyph comes back as a missed number beside it (``7 7``).
    # Its glyph stood up to a digit's width right of the sliver (26 px at 300 dpi): a height's reach.
    # A digit's box a few pixels high as well (``7`` at 1 x 4 under the line, seed 49) reaches by the
    # line's median box height instead.
    ref = int(np.median([b[3] for b in boxes])) if boxes else 0
    boxes = [_sliver_reach(b, ref if digit and 2 * b[3] < ref else b[3]) for b, digit in zip(boxes, numeric)]
    for word in words:
        x0, x1 = word[0].x, max(g.x + g.w for g in word)
        if any(min(x1, b[0] + b[2]) - max(x0, b[0]) > 0 for b in boxes) or not all(digitish[id(g)] for g in word):
            continue
        reading, _ = model.read(word)
        run = digit_run(reading)
        if not sure_number(reading):
            continue
        y0, y1 = min(g.y for g in word), max(g.y + g.h for g in word)
        at = sum(1 for b in boxes if b[0] + b[2] / 2 < (x0 + x1) / 2)  # tokens left of it
        found.append((at, "".join(c for c, _ in reading[run[0] :]), (x0, y0, x1 - x0, y1 - y0)))
    return found


def _sliver_reach(b: tuple, reach: int) -> tuple:
    """A box narrower than a quarter of ``reach``, widened to cover the glyph it stands for."""
    return (b[0] - reach // 2, b[1], b[2] + reach // 2 + reach, b[3]) if b[2] < reach // 4 else b


def _insert_missed(fixes: dict[int, Fix], toks, members: list[int], missed) -> None:
    """Hang each missed number on the token after it (or, at the line's end, before it)."""
    for at, text, box in missed:
        i = members[min(at, len(members) - 1)]
        fix = fixes.get(i) or Fix(toks[i].text, "unchanged")
        if at < len(members):
            fix.before = (*fix.before, (text, box))
        else:
            fix.after = (*fix.after, (text, box))
        fixes[i] = fix


def _fix_line(model, toks, members: list[int], candidates: dict[int, float], page: np.ndarray, scale: float,
              line_box: tuple[int, int, int, int] | None = None, page_only: set[int] = frozenset()) -> dict[int, Fix]:
    """Fixes for the candidate tokens of one line (``line_box``: Tesseract's, unless
    given in page pixels), and numbers Tesseract left out of it."""
    boxes = [to_page_box(toks[i].box, scale) for i in members]
    line_box = line_box or to_page_box(toks[members[0]].line_box, scale)
    glyphs = wordcut.of_the_line(wordcut.line_glyphs(page, line_box), boxes, band=line_box[3])
    glyphs = wordcut.not_others(glyphs, boxes, wordcut.crossing_boxes(toks, members, line_box, scale, boxes))
    digitish = model.digitish(glyphs)
    words = wordcut.group_words(glyphs, digitish)
    size = float(np.median([max(g.w, g.h) for g in glyphs])) if glyphs else 0.0
    looks = {id(g): d for g, d in zip(glyphs, digitish)}
    numbers = [bool(body) and all(looks[id(g)] for g in body)
               for body in ([g for g in word if max(g.w, g.h) >= 0.4 * size] for word in words)]
    numeric = [bool(_DIGIT.search(toks[i].text)) for i in members]
    owned = wordcut.assign(words, boxes, reach=0.3 * line_box[3], numeric=numeric, numbers=numbers)
    word_of = {id(g): n for n, word in enumerate(words) for g in word}
    fixes: dict[int, Fix] = {}
    if any(digitish):
        missed = _missed(model, words, looks, boxes, numeric)
        for at, _, box in missed:  # not also handed to a neighbour within reach
            for k in range(len(owned)):
                owned[k] = [g for g in owned[k] if not (box[0] <= g.x < box[0] + box[2] and box[1] <= g.y < box[1] + box[3])]
    for k, i in enumerate(members):
        if i not in candidates or not any(max(g.w, g.h) >= 0.4 * size for g in owned[k]):
            continue  # nothing there but specks
        split_off = wordcut.split_off(owned, boxes, k)
        # Tesseract's text of the pieces it split off counts too: ``ode.`` + ``๕/ว``
        # over the glyphs ๐๘๑๖.๔/ว keeps the ``/ว`` only the second piece read.
        text = "".join(toks[members[j]].text for j in sorted([k, *split_off]))
        if len(members) == 1 and len(toks[i].text) <= ALONE:  # no printed label beside it to keep apart
            reading, kept = model.read(owned[k])
        else:
            reading, kept = _read_by_word(model, owned[k], word_of, 0.4 * size, digit_seen=bool(_DIGIT.search(text)))
        reading, kept = joined_where_seen(model, text, reading, kept, SURE_P)  # a digit come apart in two
        reading = glued.letters_both_saw(text, _where_tesseract_saw_digits(model, text, reading, kept))
        result = year_after_month(text, reading) or rewrite(text, _spaced(reading, kept))
        if result is None or result[1] < candidates[i] or (i in page_only and not page_number(reading)):
            continue  # (``page_only``: tokens re-read only in case they are a page number)
        if result[0] != toks[i].text or split_off:
            fixes[i] = Fix(result[0], f"digit classifier p={result[1]:.3f}", absorbs=tuple(members[j] for j in split_off),
                           height=_page_number_height(reading, kept, scale))
        for j in split_off:
            fixes[members[j]] = Fix("", "part of the number beside it", join_left=True)
    if any(digitish):
        _insert_missed(fixes, toks, members, missed)
    return fixes


# Thai vowels and tone marks over or under a letter: no glyph of their own.
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def _where_tesseract_saw_digits(model, text: str, reading: list[tuple[str, float]], glyphs: list) -> list[tuple[str, float]]:
    """Our reading, with a digit where we saw none but Tesseract, glyph for glyph, did.

    A digit with a leader dot run into it or a speck of dust fused to it
    reads to us as no digit; at the edge of a number it would then be left
    out (seed 11: ๑๑๐๑ read as ๑๐๑). Tesseract's characters and our glyphs
    are aligned (digits with digits, letters with letters, signs with
    signs); a glyph we took for a letter where Tesseract read a digit takes
    our likeliest digit, with its own low probability, which the number's
    sureness then weighs. A letter we are sure of (digits under
    ``NO_DIGIT_P``) stays a letter.
    """
    if not any(c == REJECT for c, _ in reading) or not _DIGIT.search(text):
        return reading
    ours = "".join("d" if c in _DIGIT_CHARS else c for c, _ in reading)
    theirs = "".join("d" if c in _DIGIT_CHARS else REJECT if c.isalpha() else c for c in _MARKS.sub("", text))
    spots = [op.src_pos for op in Levenshtein.editops(ours, theirs)
             if op.tag == "replace" and ours[op.src_pos] == REJECT and theirs[op.dest_pos] == "d"]
    if not spots:
        return reading
    p = model.proba(features(glyphs))
    lo = 0 if sum(c in THAI_DIGITS for c, _ in reading) >= sum(c in ARABIC_DIGITS for c, _ in reading) else 10
    out = list(reading)
    for j in spots:
        k = lo + int(p[j, lo : lo + 10].argmax())
        q = float(p[j, k] + p[j, (k + 10) % 20])
        if q >= NO_DIGIT_P:
            out[j] = (CLASSES[k], q)
    return out


def _read_by_word(model, glyphs: list, word_of: dict[int, int], speck: float,
                  digit_seen: bool = False) -> tuple[list[tuple[str, float]], list]:
    """(class, p) per glyph and the glyphs read, with words of letters read apart.

    The classifier weighs a glyph's size and height against the glyphs read
    with it. Read with its printed label, a number written in after it
    (เลขรับ ๑๐๔, the pen's digits standing higher) has its ๑ taken for a
    raised mark. So a word that alone reads as letters only is read alone,
    and each run of the other words is read together: a number's full stop
    needs its digits beside it to be a full stop. Specks (no side ``speck``
    px long) are no word of letters: they go with the run, whose reading
    drops them as dust against its digits (a list number ``๑.`` with dust
    before it). ``digit_seen``: Tesseract put a digit in the token, so a word
    alone whose pieces make a digit (``broken_digits``) is read as that digit.
    """
    words = [list(g) for _, g in itertools.groupby(glyphs, key=lambda g: word_of[id(g)])]
    alone = [model.read(word) for word in words]
    letters = [bool(r) and all(c == REJECT for c, _ in r) and any(max(g.w, g.h) >= speck for g in word)
               and not broken_digits(model, word, SURE_P) for word, (r, _) in zip(words, alone)]
    reading: list[tuple[str, float]] = []
    kept: list = []
    for of_letters, block in itertools.groupby(range(len(words)), key=lambda n: letters[n]):
        block = list(block)
        if of_letters:
            parts = [alone[n] for n in block]
        elif len(block) == 1:  # a run of one word reads as that word alone did, a broken digit
            # joined where Tesseract saw a digit (QR, ลป: two letters that join into a digit's shape)
            n = block[0]
            parts = [joined_if_broken(model, words[n], alone[n]) if digit_seen else alone[n]]
        else:
            parts = [model.read([g for n in block for g in words[n]])]
        for r, k in parts:
            reading += r
            kept += k
    return reading, kept


def _page_number_height(reading: list[tuple[str, float]], kept: list, scale: float) -> float:
    """The height (prepared px) of a page number's glyphs, or 0: Tesseract may box only
    its dashes (``ie es``), and the line would go as specks; of other numbers the
    token's own box is the measure (the glyphs cut may reach into other lines)."""
    if not kept or not page_number(reading):
        return 0.0
    return (max(g.y + g.h for g in kept) - min(g.y for g in kept)) * scale


ALONE = 8  # characters: a token this short alone on its line may be a page number (``-lo-:-:``)


def _glue_after_slash(toks, members: list[int], fixes: dict[int, Fix]) -> None:
    """``ชย ๗๓๖๐๑/`` then a number written into the blank: one document number, no space."""
    text = lambda i: fixes[i].text if i in fixes else toks[i].text  # noqa: E731
    for left, right in zip(members, members[1:]):
        if text(left).endswith("/") and DIGITS_ONLY.fullmatch(text(right)):
            fix = fixes.get(right) or Fix(text(right), "written into the blank after /")
            fix.join_left = True
            fixes[right] = fix


def correct_tokens(model, toks, page: np.ndarray, scale: float = 1.0, *, every: bool = False) -> dict[int, Fix]:
    """token index -> Fix for each candidate token whose number we read differently.

    Token boxes are in the prepared image's pixels; ``page`` is the upright
    page at full resolution, ``scale`` prepared pixels per page pixel.
    Every line is cut into glyphs, so numbers Tesseract skipped are found too.
    ``every``: each token is re-read, not only those that look numeric (the
    lines of a stamp Tesseract's layout left out, where handwriting reads as
    Thai letters).
    """
    lines: dict[int, list[int]] = {}
    for i, t in enumerate(toks):
        if t.box[2] > 0:
            lines.setdefault(t.line, []).append(i)
    # A short token alone on its line may be a page number read as Thai (``- ๒ -`` as ``“ใต้``),
    # and a letter Tesseract doubts so much that it would go as debris may be a digit
    # (``ลงวันที่ ๗ เมษายน``: the ๗ read as ซ at confidence 30).
    alone = {m[0] for m in lines.values() if len(m) == 1 and len(toks[m[0]].text) <= ALONE}
    # So may a line of two or three scraps, no word among them (``- ๒ -`` read as ``ie es`` or
    # ``ต ว``), but only a page number is taken there: a signature's scribble reads so too.
    scraps = {i for m in lines.values() if 2 <= len(m) <= 3 and all(len(toks[i].text) <= 3 for i in m) for i in m}
    doubted = {i for i, t in enumerate(toks) if _THAI_LETTER.search(t.text)
               and is_debris(t.text, t.conf, toks[i + 1].text if i + 1 < len(toks) else "")}
    doubted |= {i for i, t in enumerate(toks[:-1]) if toks[i + 1].line == t.line
                and number_in_its_place(t.text, toks[i + 1].text)}
    doubted |= {i for i, t in enumerate(toks) if i and toks[i - 1].line == t.line
                and (year_in_its_place(t.text, toks[i - 1].text) or doubted_year(t.text, t.conf, toks[i - 1].text))}
    candidates: dict[int, float] = {}  # token -> the sureness its number needs
    for i, t in enumerate(toks):
        if t.box[2] > 0 and (every or i in alone | scraps or is_candidate(t.text, toks[i - 1].text if i else "")):
            candidates[i] = MIN_P
        elif t.box[2] > 0 and i in doubted:  # a letter that would go as debris becomes a digit only surely
            candidates[i] = SURE_P
    usual = usual_height(toks)
    fixes: dict[int, Fix] = {}
    for members in lines.values():
        big = max(toks[i].box[3] for i in members) > wordcut.BIG_TOKEN * usual
        parts = wordcut.segments(toks, members, wordcut.SEGMENT_GAP * usual) if big else [members]
        for part in parts:
            box = wordcut.union(toks, part, scale) if len(parts) > 1 else None
            fixes.update(_fix_line(model, toks, part, candidates, page, scale, box,
                                   page_only=scraps - {i for i in part if is_candidate(toks[i].text)}))
        _glue_after_slash(toks, members, fixes)
    return fixes


def read_numeric_blob(model, page: np.ndarray, box: tuple[int, int, int, int]) -> str | None:
    """A blob of digits and signs alone (a page number ``- ๒ -``, a time written
    into a stamp) read by our classifier; None unless every glyph is a sure
    digit or sign and there is a digit."""
    read = read_blob(model, page, box)
    return spelled(*read) if read is not None and sure_number(read[0]) else None
