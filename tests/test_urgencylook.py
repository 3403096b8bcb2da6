"""ocr.urgencylook: the red urgency word Tesseract cut after ด่วน, read again whole."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from PIL import Image, ImageDraw

from docintake.ocr import urgencylook
from docintake.ocr.tesseract import Token
from docintake.synth.fonts import font

BODY = 45  # the page's usual token height in these cases (seed 9, 300 dpi scaled)


def tok(text: str, box: tuple[int, int, int, int], line: int = 0) -> Token:
    return Token(text, 0, len(text), box, 90.0, line, [box])


def page(extra: list[Token]) -> list[Token]:
    """Body-text tokens that set the usual height, plus the case's tokens."""
    body = [tok("ที่ว่าการอำเภอเมืองขอนแก่น", (662, 262 + 50 * i, 349, BODY), 10 + i) for i in range(6)]
    return extra + body


DUAN = tok("ด่วน", (158, 85, 121, 65), 6)

# Boxes as Tesseract gave them on seeds 7 and 9 (300 dpi pages scaled to the body's x-height).
TAILS = [
    ("junk-tail-seed9", [tok("เสด", (323, 102, 85, 61), 2), tok("Sb.", (283, 65, 61, 98), 5)], 2),
    ("latin-tail-seed7", [tok("aa", (346, 108, 81, 49), 2), tok("ร", (296, 69, 42, 88), 4)], 2),
    ("speck-left-out", [tok("AA", (347, 108, 68, 50), 2), tok(".", (465, 146, 3, 3), 2)], 1),
    ("receipt-stamp-too-far", [tok("วันที่", (720, 115, 64, 40), 2)], 0),
    ("only-small-tokens", [tok("=", (297, 119, 20, 30), 4)], 0),
    ("below-the-band", [tok("ที่", (162, 262, 39, 52), 7)], 0),
]


@pytest.mark.parametrize(("extra", "want"), [c[1:] for c in TAILS], ids=[c[0] for c in TAILS])
def test_tail_tokens(extra: list[Token], want: int) -> None:
    toks = page([DUAN, *extra])
    head = urgencylook.first_half(toks)
    assert head == 0
    assert len(urgencylook.tail_tokens(toks, head)) == want


def test_first_half_needs_a_big_duan() -> None:
    small = tok("ด่วน", (158, 85, 60, BODY), 6)  # ด่วน in body text is no stamp
    assert urgencylook.first_half(page([small])) is None
    assert urgencylook.first_half(page([tok("ด่วนที่สุด", (158, 85, 300, 65))])) is None  # read whole already


READINGS = [
    ("whole-word", "ด่วนที่สุด\n", {0: "ด่วนที่สุด", 1: "", 2: ""}),
    ("spaced-and-specked", ".ด่วน ที่สุด .\n", {0: "ด่วนที่สุด", 1: "", 2: ""}),
    ("duan-mak", "ด่วนมาก\n", {0: "ด่วนมาก", 1: "", 2: ""}),
    ("only-duan-again", "ด่วน aa\n", {}),
    ("junk", "ดวนท aa\n", {}),
]


@pytest.mark.parametrize(("reading", "want"), [c[1:] for c in READINGS], ids=[c[0] for c in READINGS])
def test_second_look_keeps_only_a_longer_urgency_word(reading: str, want: dict[int, str]) -> None:
    toks = page([DUAN, *TAILS[0][1]])
    seen = []
    fixes = urgencylook.second_look(np.full((900, 1200), 255, np.uint8), toks, lambda im: seen.append(im.shape) or reading)
    assert {i: f.text for i, f in fixes.items()} == want
    assert len(seen) == 1
    assert all(f.reason == urgencylook.REASON for f in fixes.values())


def test_no_tail_no_second_run() -> None:
    calls = []
    assert urgencylook.second_look(np.zeros((10, 10), np.uint8), page([DUAN]), lambda im: calls.append(1) or "") == {}
    assert calls == []


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs the tesseract binary (CI installs it)")
@pytest.mark.parametrize("word", ["ด่วนที่สุด", "ด่วนมาก"])
def test_real_crop_reads_the_whole_stamp(word: str) -> None:
    """The stamp rendered as the corpus prints it (bold, 36 pt), cut by fake
    tokens as Tesseract cut it, read again by the Thai model: the whole word."""
    img = Image.new("L", (1400, 400), 255)
    draw = ImageDraw.Draw(img)
    stamp = font("Laksaman", True, 36, 200)
    draw.text((100, 100), word, font=stamp, fill=40)
    left, top, right, bottom = draw.textbbox((100, 100), word, font=stamp)
    half = draw.textbbox((100, 100), "ด่วน", font=stamp)
    toks = page([tok("ด่วน", (half[0], top, half[2] - half[0], bottom - top)),
                 tok("aa", (half[2] + 5, top, right - half[2] - 5, bottom - top), 2)])
    fixes = urgencylook.second_look(np.array(img), toks, urgencylook.reader(200))
    assert fixes[0].text == word
    assert fixes[1].text == ""


# seed 13: the whole stamp read as junk, no ด่วน to start from (boxes as Tesseract gave them)
WHOLE_JUNK = [tok("ธง", (165, 89, 78, 69)), tok("=", (249, 111, 43, 46), 1), tok("=).", (297, 69, 48, 128), 2),
              tok("aD)", (392, 111, 35, 45), 3)]
for _t, _conf in zip(WHOLE_JUNK, (37.0, 89.0, 3.0, 44.0)):
    _t.conf = _conf
SHAPE = (1714, 1212)

STARTS = [
    ("stamp-read-as-junk", WHOLE_JUNK, 0),
    ("urgency-read-elsewhere", [*WHOLE_JUNK, tok("ด่วน", (160, 300, 60, BODY), 9)], None),
    ("sure-token-is-no-junk", [tok("ธง", (165, 89, 78, 69))], None),  # read at 90: a word
    ("outside-the-corner", [tok("ธง", (700, 89, 78, 69))], None),
]


@pytest.mark.parametrize(("extra", "want"), [c[1:] for c in STARTS], ids=[c[0] for c in STARTS])
def test_unread_start(extra: list[Token], want: int | None) -> None:
    assert urgencylook.unread_start(page(extra), SHAPE) == want


@pytest.mark.parametrize(("reading", "want"), [("ด่วนที่สุด", "ด่วนที่สุด"), ("ด่วน", "ด่วน"), ("ธงชาติ", None)],
                         ids=["whole-word", "plain-duan-counts-here", "no-urgency"])
def test_second_look_at_a_stamp_read_as_junk(reading: str, want: str | None) -> None:
    fixes = urgencylook.second_look(np.full(SHAPE, 255, np.uint8), page(WHOLE_JUNK), lambda im: reading)
    assert (fixes[0].text if fixes else None) == want
    assert all(f.reason == urgencylook.REASON_WHOLE for f in fixes.values())
