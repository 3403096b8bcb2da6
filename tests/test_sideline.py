"""ocr.sideline: a printed line whose right part Tesseract's layout took for a
block of its own and printed later is joined again; lines far apart, below,
or left of an earlier one stay as Tesseract ordered them."""

import pytest

from docintake.ocr.sideline import continuations, joined
from docintake.ocr.tesseract import Token


def _page(lines):
    """Tokens of (text, line box) lines in Tesseract's order; each word its line's box."""
    toks, pos = [], 0
    for n, (text, box) in enumerate(lines):
        for word in text.split():
            toks.append(Token(word, pos, pos + len(word), box, 80.0, n, [box], box))
            pos += len(word) + 1
        pos += 0 if text.split() else 1
    return toks, "\n".join(text for text, _ in lines)


# Seed 110's reference line (prepared px): the part after ด่วนมาก printed four lines down.
SEED110 = [
    ("เรียน นายกองค์การบริหารส่วนตำบลสามัคคี", (175, 506, 567, 48)),
    ("อ้างถึง หนังสืออำเภอกมลาไสย ด่วนมาก", (175, 548, 543, 65)),
    ("ลงวันที่ ๒๕ ก.ค. ๒๕๖๘", (187, 611, 428, 34)),
    ("พื้นที่เสี่ยงขาดแคลนน้ำ", (174, 927, 302, 31)),
    ("กส ๐๐๒๓.๑๕/๑๕๓๒", (771, 542, 311, 48)),
    ("ที่", (735, 548, 18, 42)),
]
CASES = [
    # (id, lines in Tesseract's order, text line -> its parts left to right)
    ("seed110-reference-number-printed-later", SEED110, {1: [5, 4]}),
    ("stamp-far-right-of-the-urgency-word",
     [("ด่วนที่สุด", (163, 95, 300, 40)), ("เลขรับ ๕๓๓", (875, 86, 251, 33))], {}),
    ("later-line-left-of-an-earlier-one",
     [("จำนวน ๑ ชุด", (914, 747, 179, 32)), ("ด้วยจังหวัด", (318, 744, 560, 36))], {}),
    ("next-line-down-is-no-part",
     [("อ้างถึง หนังสือ", (175, 548, 543, 40)), ("ลงวันที่ ๒๕ ก.ค.", (730, 600, 428, 40))], {}),
    ("a-speck-beside-a-line-is-no-line-seed63",
     [("จึงเรียนมาเพื่อทราบ", (318, 1290, 740, 40)), ("y", (185, 1434, 12, 8)),
      ("จึงเรียนมาเพื่อทราบ และแจ้ง", (318, 1384, 740, 70)), ("พื้นที่ ดำเนินการต่อไป", (174, 1438, 475, 65))], {}),
    ("overlapping-line-is-no-part",
     [("เรื่อง มาตรการ", (175, 428, 772, 60)), ("=", (746, 440, 35, 31))], {}),
]


@pytest.mark.parametrize("lines, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_continuations(lines, expected):
    toks, txt = _page(lines)
    assert continuations(toks, txt) == expected


def test_the_line_takes_its_parts_and_their_lines_go():
    lines = [text for text, _ in SEED110]
    assert joined(lines, {1: [5, 4]}) == [
        (1, "อ้างถึง หนังสืออำเภอกมลาไสย ด่วนมาก ที่ กส ๐๐๒๓.๑๕/๑๕๓๒", True), (5, None, True), (4, None, True)]


def test_a_part_left_blank_as_junk_stays_where_it_is():
    assert joined(["อ้างถึง หนังสือ", ""], {0: [1]}) == []
    assert joined(["", "กส ๐๐๒๓.๑๕/๑๕๓๒"], {0: [1]}) == [(0, "กส ๐๐๒๓.๑๕/๑๕๓๒", True), (1, None, True)]


def test_the_engine_joins_them_with_a_repair_saying_why_and_leaves_lines_read_again_alone():
    from docintake.ocr.engine import TesseractEngine

    toks, txt = _page(SEED110)
    lines = txt.split("\n")
    joins, repairs = TesseractEngine._split_lines(toks, txt, lines, [])
    assert joins[0] == (1, "อ้างถึง หนังสืออำเภอกมลาไสย ด่วนมาก ที่ กส ๐๐๒๓.๑๕/๑๕๓๒", True)
    assert [(r.before, r.after) for r in repairs] == [
        ("อ้างถึง หนังสืออำเภอกมลาไสย ด่วนมาก | ที่ | กส ๐๐๒๓.๑๕/๑๕๓๒", joins[0][1])]
    assert "layout" in repairs[0].reason
    # a line the missed-line look replaces (run together, read again) is no part to move
    assert TesseractEngine._split_lines(toks, txt, lines, [(4, None, True)]) == ([], [])
