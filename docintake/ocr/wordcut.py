"""Cutting a Tesseract line into words of glyphs, and handing each word to its token.

Tesseract's word boxes for Thai are rough, so the glyphs are cut from the
whole line (``line_glyphs``), grouped into words by the gaps between them
(``group_words``) and each word given to the token box it overlaps most (``assign``).
A line holding a big stamp is first parted into its blocks (``segments``).
"""

from __future__ import annotations

import numpy as np

from docintake.ocr.glyphs import ink_mask, segment
from docintake.ocr.tesseract import to_page_box

MARGIN = 0.25  # of the line height, added above and below before cutting glyphs


def line_glyphs(page: np.ndarray, line_box: tuple[int, int, int, int]) -> list:
    """Glyphs of one text line, in page coordinates.

    Cut from Tesseract's line box (its word boxes for Thai are rough guesses),
    widened by one line height each side for digits dropped at the line's
    ends; blobs centred outside the line's rows belong to its neighbours.
    """
    left, top, width, height = line_box
    y0, x0 = max(0, int(top - MARGIN * height)), max(0, left - height)
    crop = page[y0 : min(page.shape[0], int(top + height * (1 + MARGIN))), x0 : min(page.shape[1], left + width + height)]
    mask = ink_mask(crop)
    if mask is None:
        return []
    glyphs = segment(mask, band=(top - y0, top + height - y0))
    for g in glyphs:
        g.x += x0
        g.y += y0
    return glyphs


def of_the_line(glyphs: list, boxes: list[tuple[int, int, int, int]], band: float = 0.0) -> list:
    """The glyphs, less those of the line above or below that the cut took in.

    A line box is as tall as the marks stacked over its letters (ให้แล้วเสร็จ,
    ศุกร์ที่), so cut from it, a close-set line above brings its letters in,
    centred inside the box; they fill the gaps between the words, and the
    whole line reads as one word, given to the first token (seed 13: ``๒๙
    มีนาคม ๒๕๖๗`` kept Tesseract's ``๒๓ ... ๒๕๒``). A glyph under a word box
    whose rows do not hold its middle is another line's; so is one between
    boxes whose middle neither neighbouring box's rows hold (a number Tesseract
    left out stands on the line; one neighbour is enough). ``band``: the
    height of Tesseract's line box.
    """
    # specks and leader dots read as tokens (``&``, ``)``) have boxes a few pixels high: no rows to
    # judge by; nor has a line whose every box is a dash, flat and low in it: the page number
    # ``- ๒ -`` Tesseract boxed as ``ie es`` (the ๒ between them went as another line's, seed 18)
    boxes = [b for b in boxes if b[3] >= 0.25 * max((b[3] for b in boxes), default=0)]
    if all(b[2] >= FLAT * b[3] and b[3] < 0.3 * band for b in boxes):
        boxes = []
    if not boxes:
        return glyphs
    kept = []
    for g in glyphs:
        over = [b for b in boxes if min(g.x + g.w, b[0] + b[2]) - max(g.x, b[0]) > 0.5 * g.w]
        if not over:
            left = [b for b in boxes if b[0] + b[2] / 2 < g.x + g.w / 2]
            right = [b for b in boxes if b[0] + b[2] / 2 >= g.x + g.w / 2]
            over = [max(left, key=lambda b: b[0] + b[2])] if left else []
            over += [min(right, key=lambda b: b[0])] if right else []
        middle = g.y + g.h / 2
        if any(b[1] <= middle <= b[1] + b[3] for b in over):
            kept.append(g)
    return kept


CROSSING_HEIGHT = 1.5  # of the line's tallest token: a taller box (a stamp's, an emblem's) holds no one token's ink
CROSSING_SCRAP = 2  # characters: a line of no longer token is specks, not text


def crossing_boxes(toks, members: list[int], line_box, scale: float, mine: list[tuple]) -> list[tuple]:
    """Page boxes of other lines' tokens standing on ``line_box``'s rows (their middle
    in them: a neighbour line's tall marks only reach in), no taller than
    ``CROSSING_HEIGHT`` times the tallest of ``mine`` (this line's). A line of scraps
    only (no token over ``CROSSING_SCRAP`` characters) has none: it goes as junk, and
    its ink is read with the line it stands in (seed 65: a memo's handwritten day ๒,
    set high, boxed on a line of specks)."""
    line, top, bottom = toks[members[0]].line, line_box[1], line_box[1] + line_box[3]
    tallest = CROSSING_HEIGHT * max((b[3] for b in mine), default=0)
    worded = {t.line for t in toks if len(t.text) > CROSSING_SCRAP}
    boxes = (to_page_box(t.box, scale) for t in toks if t.line != line and t.line in worded and t.box[2] > 0)
    return [b for b in boxes if top <= b[1] + b[3] / 2 <= bottom and b[3] <= tallest]


def not_others(glyphs: list, mine: list[tuple[int, int, int, int]], others: list[tuple[int, int, int, int]]) -> list:
    """The glyphs, less those whose middle stands in a box of another line's token and
    in none of this line's: that token's ink. Tesseract's lines of a slanted page
    cross: seed 123 read ``วันที่ ๘`` as a block apart, its ๘ boxed as ``๕`` on
    the line below; cut from either line, the other's glyphs came in (the ที่ read
    into the ๕, the ๘ read again as a number Tesseract missed beside วันที่)."""
    def inside(g, b) -> bool:
        x, y = g.x + g.w / 2, g.y + g.h / 2
        return b[0] <= x <= b[0] + b[2] and b[1] <= y <= b[1] + b[3]
    return [g for g in glyphs if any(inside(g, b) for b in mine) or not any(inside(g, b) for b in others)]


FLAT = 2.0  # width over height: a box this flat, and low in its line, is a dash, however it was read


def space_width(glyphs: list) -> float:
    """The narrowest gap that is a space: 0.3 of the line's glyph height.

    Within a Thai word or a number glyphs stand closer than that. The height
    is the letters' body, judged against the 90th percentile and not the
    tallest: a line of ชั่วโมง and ที่ holds consonants stacked with a vowel
    and a tone mark twice the body's height, and half of those would leave
    only the stacks to set the space (seed 12: ๒๔ ชั่วโมง one word, given
    whole to the letters' token, and Tesseract's ๒๕ stayed).
    """
    if not glyphs:
        return 0.0
    heights = np.array([g.h for g in glyphs])
    return 0.3 * float(np.median(heights[heights >= 0.5 * np.percentile(heights, 90)]))


def group_words(glyphs: list, digitish: list[bool]) -> list[list]:
    """Glyphs grouped into words by the gaps between them (left to right).

    Between two glyphs that look like digits or signs the gap must be wider
    to part them: Laksaman sets its digits half an x-height apart. Specks
    (dust) ride along and part nothing, but a full stop close after a glyph,
    on its baseline, counts as part of the word: the gap to the next glyph is
    measured from it (``๐๐๒๓.๑๓``, where a digit blurred into no digit must
    not part the number at its full stop).
    """
    if not glyphs:
        return []
    space = space_width(glyphs)
    aloft = _aloft(glyphs)
    speck = [max(g.w, g.h) < space or up for g, up in zip(glyphs, aloft)]  # dust: rides along, parts nothing
    words, right, base = [[glyphs[0]]], glyphs[0].x + glyphs[0].w, glyphs[0].y + glyphs[0].h
    last_digit = digitish[0]
    tally = [int(digitish[0]), 1]  # digit-like and all glyphs of the word so far, dust aside
    for g, digit, tiny in zip(glyphs[1:], digitish[1:], speck[1:]):
        if tiny:
            words[-1].append(g)
            if g.x - right <= space and abs(g.y + g.h - base) <= space / 2:  # a full stop
                right = max(right, g.x + g.w)
            continue
        # the wide gap is for a number's digits: a month's last ม looks like a digit
        # to the first look, and must not glue ธันวาคม to its year (seed 18: ๒๕๖๘ kept ๒๕๒๕)
        number = last_digit and digit and tally[0] > tally[1] / 2
        if g.x - right > (2.5 * space if number else space):
            words.append([])
            tally = [0, 0]
        words[-1].append(g)
        tally = [tally[0] + int(digit), tally[1] + 1]
        right, last_digit, base = max(right, g.x + g.w), digit, g.y + g.h
    return words


def _aloft(glyphs: list) -> list[bool]:
    """Which glyphs are small and float wholly over the line's lower body: a mark
    left unstacked, or a vowel or tail of the line above caught in the cut.

    Such a blob in the gap between two words bridges it (seed 9: the ู of the
    line above between ร้อยละ and ๔๐ made one word of them, which went whole
    to the letters' token, and Tesseract's ๕๐ stayed). Nothing standing on
    the line (a digit, a letter, a full stop) ends so high. Nor does anything
    of the line end above its body's top, however tall: the big urgency
    stamp's ุ hanging into the ``ด่วนภายใน`` line under it (seed 15) glued the
    year to เวลา.
    """
    heights = np.array([g.h for g in glyphs])
    body = [g for g in glyphs if g.h >= 0.5 * np.percentile(heights, 90)]
    baseline = float(np.median([g.y + g.h for g in body]))
    size = float(np.median([g.h for g in body]))
    return [(g.h < 0.6 * size and g.y + g.h < baseline - 0.6 * size) or g.y + g.h < baseline - size for g in glyphs]


def assign(words: list[list], boxes: list[tuple[int, int, int, int]], reach: float,
           numeric: list[bool] | None = None, numbers: list[bool] | None = None) -> list[list]:
    """Each word of glyphs to the word box it overlaps most, or the nearest one within ``reach`` px.

    Whole words are matched, not single glyphs: Tesseract's boxes for Thai can
    be off by half a glyph, which would hand a word's last digit to its neighbour.
    ``numbers`` (per word: its glyphs all look like digits or signs) and
    ``numeric`` (per box: Tesseract read a digit there): a number that the
    box it overlaps most covers less than half of goes to the box within
    reach where Tesseract saw a digit, if there is one. Tesseract's box for a lone digit can be a few pixels wide
    (seed 18: ``ที่ ๘ เมษายน``, the ๘ boxed as 11 px of its 39), or put
    beside its glyph (``ลงวันที่ ๘มกราคม``): the letters' box overlapped the
    digit more, and Tesseract's ๕ for it stayed.
    """
    owned: list[list] = [[] for _ in boxes]
    for n, word in enumerate(words):
        x0, x1 = word[0].x, max(g.x + g.w for g in word)
        overlaps = [min(x1, b[0] + b[2]) - max(x0, b[0]) for b in boxes]
        best = int(np.argmax(overlaps))
        if numbers and numeric and numbers[n] and not numeric[best] and overlaps[best] < 0.5 * (x1 - x0):
            near = [j for j in range(len(boxes)) if numeric[j] and overlaps[j] > -reach]
            best = max(near, key=lambda j: overlaps[j]) if near else best
        if overlaps[best] > -reach:
            owned[best].extend(word)
    return owned


def split_off(owned: list[list], boxes: list, k: int) -> list[int]:
    """Neighbours of word k that got no glyphs and lie over word k's glyphs: pieces of its number."""
    left, right = min(g.x for g in owned[k]), max(g.x + g.w for g in owned[k])
    inside = lambda j: not owned[j] and left <= boxes[j][0] + boxes[j][2] / 2 <= right  # noqa: E731
    pieces = []
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(boxes) and inside(j):
            pieces.append(j)
            j += step
    return sorted(pieces)


SEGMENT_GAP = 3.0  # token heights: a gap this wide parts a line into blocks cut apart ...


BIG_TOKEN = 1.6  # ... when the line holds a token this many times the usual height (a stamp)


def segments(toks, members: list[int], gap: float) -> list[list[int]]:
    """A line's tokens in runs parted by gaps wider than ``gap`` (prepared pixels).

    Tesseract joins the rows of blocks side by side into one line: the big
    urgency stamp on the left and a receipt stamp's handwritten date on the
    right. Cut as one line, the stamp's letters set the sizes every glyph is
    judged by, and the small handwritten digits come out as dust or letters.
    """
    parts = [[members[0]]]
    for a, b in zip(members, members[1:]):
        if gap and toks[b].box[0] - (toks[a].box[0] + toks[a].box[2]) > gap:
            parts.append([])
        parts[-1].append(b)
    return parts


def union(toks, part: list[int], scale: float) -> tuple[int, int, int, int]:
    """The box around a run of tokens, in page pixels."""
    x0 = min(toks[i].box[0] for i in part)
    y0 = min(toks[i].box[1] for i in part)
    x1 = max(toks[i].box[0] + toks[i].box[2] for i in part)
    y1 = max(toks[i].box[1] + toks[i].box[3] for i in part)
    return to_page_box((x0, y0, x1 - x0, y1 - y0), scale)
