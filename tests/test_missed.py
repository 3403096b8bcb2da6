"""ocr.missed: blobs of ink no Tesseract word covers are found, placed after
the line above them, and read; pictures, rules and specks are not lines."""

import numpy as np
import pytest

from docintake.ocr.missed import find_garbled, find_missed, insert_lines, lines_of_strip, run_together, stack
from docintake.ocr.tesseract import Token

W, H = 1200, 900


def _page(blocks):
    page = np.full((H, W), 255, np.uint8)
    for x, y, w, h in blocks:
        page[y : y + h, x : x + w] = 0
    return page


def _tok(text, box, start, conf=90.0):
    return Token(text=text, start=start, end=start + len(text), box=box, conf=conf, line=0, boxes=[box], line_box=box)


# Three lines of "text" Tesseract read (covered by its tokens), at y = 200, 300, 400.
TXT = "หนึ่ง\nสอง\nสาม"
TOKS = [_tok("หนึ่ง", (100, 200, 600, 30), 0), _tok("สอง", (100, 300, 600, 30), 6), _tok("สาม", (100, 400, 600, 30), 10)]
READ = [(100, 200, 600, 30), (100, 300, 600, 30), (100, 400, 600, 30)]

CASES = [
    # (id, extra ink, boxes found, line each follows)
    ("page-number-above-all", [(560, 100, 80, 30)], [(560, 100, 80, 30)], [-1]),
    ("stamp-line-between", [(800, 345, 200, 30)], [(800, 345, 200, 30)], [1]),
    ("line-at-the-bottom", [(100, 600, 400, 30)], [(100, 600, 400, 30)], [2]),
    ("picture-too-tall", [(800, 500, 200, 200)], [], []),
    ("rule-too-thin", [(100, 700, 800, 3)], [], []),
    ("speck-too-small", [(900, 100, 6, 6)], [], []),
    ("scanner-edge-shadow", [(0, 500, 15, 40)], [], []),
]


@pytest.mark.parametrize("extra, boxes, after", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_find_missed(extra, boxes, after):
    found = find_missed(_page(READ + extra), TOKS, TXT)
    assert [m.box for m in found] == boxes
    assert [m.after_line for m in found] == after


def test_lines_inside_a_stamp_frame_are_found():
    """A receipt stamp's frame touches the written lines once they are closed:
    the frame is erased first, so the lines are not passed over as one tall blob."""
    frame = [(770, 250, 460 - 230, 4), (770, 250, 4, 200), (770, 446, 230, 4), (996, 250, 4, 200)]
    lines = [(785, 330, 150, 30), (785, 390, 150, 30)]  # 11 px from the frame's left side
    found = find_missed(_page(READ + frame + lines), TOKS, TXT)
    assert [m.box for m in found] == lines


def test_nothing_missed_on_a_fully_read_page():
    assert find_missed(_page(READ), TOKS, TXT) == []


def test_stack_and_read_back():
    page = _page(READ + [(560, 100, 80, 30), (800, 345, 200, 30)])
    strip, tops = stack(page, [(560, 100, 80, 30), (800, 345, 200, 30)], 30.0)
    assert strip.shape[1] >= 200 and len(tops) == 2 and tops[0] < tops[1] <= strip.shape[0]
    toks = [_tok("- ๒ -", (10, tops[0] + 5, 80, 30), 0), _tok("เวลา", (10, tops[1] + 5, 90, 30), 6, conf=30.0)]
    assert lines_of_strip(toks, tops) == [("- ๒ -", 90.0), ("", 30.0)]


@pytest.mark.parametrize("text, placed, want", [
    ("a\nb", [(-1, "top", False)], "top\na\nb"),
    ("a\nb", [(0, "x", False), (0, "y", False)], "a\nx\ny\nb"),
    ("a\nb", [(5, "end", False)], "a\nb\nend"),
    ("a\nb", [(0, "", False)], "a\nb"),
    ("AIUNAA\nb", [(0, "ด่วนที่สุด", True)], "ด่วนที่สุด\nb"),
    ("AIUNAA\nb", [(0, "", True)], "AIUNAA\nb"),
    ("a\njunk\nb", [(1, None, True), (0, "read again", False)], "a\nread again\nb"),
    ("J\nb", [(0, "ด่วน", True), (0, "- ๒ -", False)], "ด่วน\n- ๒ -\nb"),
], ids=["before-all", "two-after-one-keep-order", "past-the-end", "empty-line-skipped", "replaced",
        "nothing-read-keeps-the-line", "replace-then-insert-after", "junk-dropped-for-its-ink-read-again"])
def test_insert_lines(text, placed, want):
    assert insert_lines(text, placed) == want


GARBLED = [
    # (id, tokens of a line 2.5x the body's height, found?)
    ("latin-junk-stamp", [("AIUNAA", 80)], True),
    ("big-thai-read-fine", [("ด่วนที่สุด", 80)], False),
    ("body-size-latin-left-alone", [("Google", 30), ("Sheet", 30)], False),
]


@pytest.mark.parametrize("line, found", [g[1:] for g in GARBLED], ids=[g[0] for g in GARBLED])
def test_find_garbled(line, found):
    toks, txt = list(TOKS), TXT + "\n"
    for word, h in line:
        start = len(txt)
        toks.append(_tok(word, (100, 600, 40 * len(word), h), start))
        txt += word + " "
    got = find_garbled(toks, txt)
    assert [m.after_line for m in got] == ([3] if found else [])
    assert all(m.replaces for m in got)


def test_two_lines_read_from_one_blob_keep_their_break():
    toks = [_tok("๑.", (10, 20, 30, 30), 0), _tok("จัดเก็บ", (50, 20, 200, 30), 3),
            Token(text="กำจัด", start=11, end=16, box=(10, 60, 150, 30), conf=90.0, line=1, boxes=[], line_box=(0, 0, 0, 0))]
    assert lines_of_strip(toks, [0]) == [("๑. จัดเก็บ\nกำจัด", 90.0)]


# (id, tokens of the line under the three body lines (30 px): text, box, conf; run together?)
RUN_TOGETHER = [
    # Seed 11: two body lines read as one line 2.8 lines tall, unsure.
    ("tall-and-unsure", [("0ัั(ฝ(ไ", (100, 500, 500, 84), 50.0), ("ดังนี่", (620, 500, 80, 40), 55.0)], True),
    # Sure of itself, but a "glyph" 163 px wide: no letter is, at this size.
    ("glyph-wider-than-two-lines", [("0", (100, 500, 163, 76), 90.0), ("ดังนี่", (300, 500, 400, 60), 93.0)], True),
    # Seed 12's memos: the emblem read as one wide letter, five lines from the
    # title beside it, which Tesseract read right: a picture, not two lines.
    ("emblem-beside-a-title", [("ฆ", (100, 500, 72, 81), 51.0), ("บันทึกข้อความ", (340, 518, 340, 67), 94.0)], False),
    # The same "glyph" against the words it belongs to stays a sign of run-together lines.
    ("wide-glyph-among-words", [("ฆ", (100, 500, 72, 81), 51.0), ("ดังนี่", (200, 518, 340, 67), 94.0)], True),
    ("tall-but-sure", [("ขยะมูลฝอยกำหนดให้ลด", (100, 500, 600, 60), 92.0)], False),
    ("short-and-unsure", [("ขยะมูลฝอย", (100, 500, 600, 32), 40.0)], False),
    # Narrow: the emblem or a signature read as letters.
    ("narrow", [("ภ์ป", (100, 500, 185, 60), 40.0)], False),
    # No Thai at all: a big stamp read as Latin (find_garbled's).
    ("latin-only", [("AIUNAA", (100, 500, 600, 80), 40.0)], False),
]


@pytest.mark.parametrize("line, want", [c[1:] for c in RUN_TOGETHER], ids=[c[0] for c in RUN_TOGETHER])
def test_run_together(line, want):
    toks, txt = list(TOKS), TXT + "\n"
    right, tall = max(b[0] + b[2] for _, b, _ in line), max(b[3] for _, b, _ in line)
    for word, box, conf in line:
        toks.append(Token(text=word, start=len(txt), end=len(txt) + len(word), box=box, conf=conf, line=3,
                          boxes=[box], line_box=(100, 500, right - 100, tall)))
        txt += word + " "
    assert run_together(toks, txt) == ({3} if want else set())


def test_a_line_without_marks_on_a_page_of_tall_lines_is_found_for_tesseract():
    """Seed 11: ``ม.ค. ๖๗`` wrapped alone, 20 px high (the x-height the image stage
    scales to) where Tesseract's lines, marks over and under, stand 64: a line of
    text, read again by Tesseract, not only a number for the digit classifier."""
    page = _page(READ + [(100, 600, 104, 20)])
    toks = [Token(text=t.text, start=t.start, end=t.end, box=(t.box[0], t.box[1], t.box[2], 46), conf=90.0,
                  line=0, boxes=[], line_box=(t.box[0], t.box[1], t.box[2], 64)) for t in TOKS]
    found = find_missed(page, toks, TXT)
    assert [(m.box, m.numeric) for m in found] == [((100, 600, 104, 20), False)]


def test_a_missed_line_follows_the_tall_heading_not_the_specks_beside_it():
    """Seed 8 memo: specks read beside บันทึกข้อความ start 4 px lower than the
    heading's tall line but end far above it; the line below the heading
    follows the heading (the lowest line by its middle)."""
    txt = "Re\nบันทึกข้อความ\n"
    toks = [Token(text="Re", start=0, end=2, box=(450, 74, 60, 41), conf=60.0, line=0, boxes=[],
                  line_box=(450, 74, 300, 41)),
            Token(text="บันทึกข้อความ", start=3, end=16, box=(100, 70, 600, 91), conf=95.0, line=1, boxes=[],
                  line_box=(100, 70, 600, 91))]
    page = _page([(100, 70, 600, 91), (450, 74, 60, 41), (100, 182, 800, 38)])
    found = find_missed(page, toks, txt)
    assert [m.after_line for m in found] == [1]
