"""ocr.relcount: a relative deadline's printed count that Tesseract left out
between ภายใน and its unit, read by the digit classifier in the gap."""

import dataclasses
from pathlib import Path

import cv2
import pytest

from docintake.ocr import relcount
from docintake.ocr.digits import load_digit_model
from tokenline import line_tokens

MODELS = Path(__file__).resolve().parents[1] / "models"
FIXTURES = Path(__file__).parent / "fixtures" / "relcount"

LINES = [
    # (id, words, slots as (ภายใน, unit))
    ("count-lost", [".ทราบ", "ภายใน", "วัน", "นับแต่วันที่ได้รับหนังสือนี้"], [(1, 2)]),
    ("weeks", ["ภายใน", "สัปดาห์", "นับจากวันที่ได้รับหนังสือ"], [(0, 1)]),
    ("count-read", ["ภายใน", "๗", "วัน", "นับแต่วันที่ได้รับหนังสือนี้"], []),
    # seed 109: the ๗ read as Latin letters (later dropped as junk)
    ("count-read-as-latin", ["ภายใน", "ov", "วัน", "นับแต่วันที่ได้รับหนังสือนี้"], [(0, 2)]),
    ("a-thai-word-between", ["ภายใน", "ต่อ", "วัน", "นับแต่วันที่ได้รับหนังสือนี้"], []),
    ("no-counting-from", ["ภายใน", "วัน", "ที่", "๓๐"], []),
    ("a-date-after-the-label", ["ภายใน", "วันที่", "๓๐", "กันยายน"], []),
]


def _spaced(words: list[str], gap: int) -> list:
    """Tokens with ``gap`` px more after each ภายใน (line_tokens sets words 10 px apart)."""
    toks, shift = line_tokens(words), 0
    for k, word in enumerate(words):
        toks[k] = dataclasses.replace(toks[k], box=(toks[k].box[0] + shift, *toks[k].box[1:]))
        shift += gap if word.endswith("ภายใน") else 0
    return toks


@pytest.mark.parametrize("words, expected", [c[1:] for c in LINES], ids=[c[0] for c in LINES])
def test_slots(words, expected):
    assert [(s.within, s.unit) for s in relcount.slots(_spaced(words, 30), words)] == expected


def test_no_room_between_the_words_is_no_slot():
    words = ["ภายใน", "วัน", "นับแต่วันที่ได้รับหนังสือนี้"]
    assert relcount.slots(_spaced(words, 30), words) != []
    assert relcount.slots(_spaced(words, -6), words) == []


PAGES = [
    # (id, crop of a corpus page, the gap between ภายใน and วัน in it)
    # Seed 134: boxes of ภายใน and วัน on the page (526, 1740, 160, 68), (763, 1711, 82, 117); crop at (450, 1680)
    ("s134", "s134-7-days.png", (237, 60, 74, 68)),
    # Seed 109: Tesseract's box of ภายใน ends inside its น, whose rest stands in the gap; crop at (600, 1360)
    ("s109-letter-across-the-edge", "s109-7-days.png", (157, 29, 61, 74)),
]


@pytest.mark.parametrize("name, gap", [c[1:] for c in PAGES], ids=[c[0] for c in PAGES])
def test_count_read_in_the_gap_of_a_real_page(name, gap):
    """``ภายใน ๗ วัน นับแต่`` printed, Tesseract read ``ภายใน วัน นับแต่``."""
    model = load_digit_model(MODELS)
    page = cv2.imread(str(FIXTURES / name), cv2.IMREAD_GRAYSCALE)
    count, box = relcount.read_count(model, page, gap)
    assert count == "๗" and gap[0] <= box[0] + box[2] / 2 < gap[0] + gap[2]


def test_words_either_side_are_not_read_as_the_count():
    """The gap box ends short of the words: the classifier's reading of ภายใน's น or
    วัน's ว is no count."""
    model = load_digit_model(MODELS)
    page = cv2.imread(str(FIXTURES / "s134-7-days.png"), cv2.IMREAD_GRAYSCALE)
    page[:, 237:311] = 255  # the ๗ erased: nothing left in the gap
    assert relcount.read_count(model, page, (237, 60, 74, 68)) is None
