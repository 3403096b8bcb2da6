"""ocr.numline: a letterhead's number line that is not a number's shape is read
again whole by the digit classifier, and its reading taken only when every glyph
is sure, the whole is code/running (one script) and Tesseract's digits agree."""

from dataclasses import dataclass

import numpy as np
import pytest

from docintake.ocr import numline
from docintake.ocr.numline import agrees, number_line, parses, shaped
from tokenline import line_tokens

OFFICE = "ที่ว่าการอำเภอพังโคน"

LINES = [
    # (id, ที่ line as read, number tokens, office token or None); None: not a letterhead number line
    ("district-letterhead", ["ที่", "สน", "๐๐๒๓.๑๓", "๕๑๗", OFFICE], ["๐๐๒๓.๑๓", "๕๑๗"], OFFICE),
    ("code-read-as-latin", ["ที่", "สน", "oolamial", "๗๗๐๑", "ศาลากลางจังหวัดสกลนคร"], ["oolamial", "๗๗๐๑"],
     "ศาลากลางจังหวัดสกลนคร"),
    ("department-no-office-on-the-line", ["ที่", "มท", "๐๘๑๐.๘/ว", "๒๖๙๗", "ฮ่"], ["๐๘๑๐.๘/ว", "๒๖๙๗", "ฮ่"], None),
    ("label-without-its-tone-mark", ["ที", "ลป", "๐๐๒๓.๑๕/ว", "๓๒๑", "ที่ว่าการอำเภอเถิน"], ["๐๐๒๓.๑๕/ว", "๓๒๑"],
     "ที่ว่าการอำเภอเถิน"),
    ("prefix-read-twice", ["ที่", "ลย", "ลย", "๐๐๒๓.๑๒/", "ไ๒๕๑๑", "ที่ว่าการอำเภอด่านซ้าย"], ["๐๐๒๓.๑๒/", "ไ๒๕๑๑"],
     "ที่ว่าการอำเภอด่านซ้าย"),  # seed 29 027
    ("label-glued-to-prefix", ["ที่มค", "๐๐๒๓๑๕วุู๑๕“๑อ๕", "ทีว่าการอําเภอบรบือ"], ["๐๐๒๓๑๕วุู๑๕“๑อ๕"],
     "ทีว่าการอําเภอบรบือ"),  # seed 24 013
    ("a-reference-mid-line", ["อ้างถึง", "หนังสือจังหวัด", "ที่", "สน", "๐๐๒๓.๒/๑๐๑๕"], None, None),
    ("a-memo-its-date-follows", ["ที่", "กส", "๗๙๖๖๗/๑๑๗", "วันที่", "๑๑", "มิ.ย."], None, None),
    ("no-prefix", ["ที่", "ว่าการ", "๐๐๒๓.๑๓", OFFICE], None, None),
    ("nothing-between-prefix-and-office", ["ที่", "สน", OFFICE], None, None),
]


@pytest.mark.parametrize("words, mid, office", [c[1:] for c in LINES], ids=[c[0] for c in LINES])
def test_number_line_is_a_letterheads_number_between_prefix_and_office(words, mid, office):
    toks = line_tokens(words)
    found = [number_line(toks, words, p) for p in range(len(words))]
    got = [f for f in found if f is not None]
    if mid is None:
        assert got == []
        return
    assert len(got) == 1
    assert [words[k] for k in got[0][0]] == mid
    assert (words[got[0][1]] if got[0][1] is not None else None) == office


PARSES = [
    ("district-number", "๐๐๒๓.๑๓/๕๐๐", True),
    ("department-circular", "๐๘๑๐.๔/ว ๒๖๙๗", True),
    ("lao-five-digit-code", "๗๘๐๑๔/๗๗๙", True),
    ("arabic-digits", "0023.6/ว 1669", True),
    ("slash-lost", "๐๐๒๓.๑๓ ๕๑๗", False),
    ("code-read-as-latin", "oolamial ๗๗๐๑", False),
    ("no-district-85", "๐๐๒๓.๘๕/๑๑๒", False),  # seed 11: ๑๕ with a speck over the ๑
    ("leader-dot-after", "๐๐๒๓.๑๕/๒๒๔๙.", False),
    ("ว-read-as-bracket", "๐๘๑๐.๒/) ๑๑๖๒", False),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in PARSES], ids=[c[0] for c in PARSES])
def test_parses_only_the_fixed_shape_with_a_possible_section(text, expected):
    assert parses(text) is expected


@dataclass
class G:  # a glyph's place, as glyphs.Glyph
    x: int
    w: int = 40
    h: int = 40


def _read(text: str, doubt: dict[int, float] | None = None):
    """Glyph readings for ``text`` (``?``: a glyph the classifier finds no digit), 5 px apart,
    40 px more at a space; ``doubt``: glyph index -> p."""
    reading, kept, x = [], [], 0
    for c in text:
        if c == " ":
            x += 40
            continue
        reading.append((c, (doubt or {}).get(len(reading), 1.0)))
        kept.append(G(x))
        x += 45
    return reading, kept


SHAPED = [
    # (id, our glyphs (space: a gap), glyph index -> p for doubted ones, number or None)
    ("slash-lost-by-tesseract", "๐๐๒๓.๑๓/ ๕๐๐", None, "๐๐๒๓.๑๓/๕๐๐"),  # seed 32 017
    ("wo-waen-read-as-no-digit", "0023.6/? 1669", None, "0023.6/ว 1669"),  # seed 36 000
    ("code-tesseract-read-as-latin", "๐๐๒๓.๒/ ๗๗๐๑", None, "๐๐๒๓.๒/๗๗๐๑"),  # seed 36 026
    ("lao-code", "๗๘๐๑๔/๗๗๙", None, "๗๘๐๑๔/๗๗๙"),
    ("leader-dots-after", "๐๐๒๓.๑๕/๒๒๔๙...", None, "๐๐๒๓.๑๕/๒๒๔๙"),
    ("faint-code-dot", "๐๐๒๓.๔/๖๓๐๘", {4: 0.87}, "๐๐๒๓.๔/๖๓๐๘"),
    ("no-slash-in-the-ink", "๐๐๒๓.๔ ๖๓๐๘", None, None),  # seed 15 010: ๔ and slash one blob
    ("doubted-code-digit", "๐๐๒๓.๘๕/๑๑๒", {5: 0.17}, None),  # seed 11 017
    ("doubted-running-digit", "๐๐๒๓.๑๓/๕๐๐", {9: 0.9}, None),
    ("doubted-slash", "๐๐๒๓.๑๓/๕๐๐", {7: 0.6}, None),
    ("a-letter-in-the-code", "๐๐๒๓.?/๕๐๐", None, None),
    ("mark-a-space-after", "๐๐๒๓.๑๓/๑๙๖๙ ๗", None, None),
    ("space-inside-the-code", "๐๐๒๓ .๑๓/๕๐๐", None, None),
    ("two-scripts", "๐๐๒๓.๑๓/5๐๐", None, None),
    ("no-such-district", "๐๐๒๓.๕๕/๑๔๔๑", None, None),
    ("running-too-long", "๐๐๒๓.๑๓/๑๒๓๔๕๖", None, None),
]


@pytest.mark.parametrize("text, doubt, expected", [c[1:] for c in SHAPED], ids=[c[0] for c in SHAPED])
def test_shaped_only_a_sure_whole_number(text, doubt, expected):
    assert shaped(*_read(text, doubt)) == expected


AGREES = [
    # (id, our number, token texts after the digit fixes, Tesseract's token texts, agree?)
    ("tesseract-read-the-running-right", "๐๐๒๓.๑๓/๕๐๐", ["๐๐๒๓.๑๓", "๕๑๗"], ["๐๐๒๓.๑๓", "๕๐๐"], True),
    ("latin-code-says-nothing", "๐๐๒๓.๒/๗๗๐๑", ["oolamial", "๗๗๐๑"], ["oolamial", "6ช่อย่๐๑"], True),
    ("wo-read-as-2", "0023.6/ว 1669", ["0023.6", "1669", "0"], ["0023.6/2", "1169", "0"], True),
    ("digits-tesseract-cannot-print", "๐๘๑๐.๖/ว ๒๐๖๙", ["ฮ่"], ["๐๕๑๐.๒/ว๒๐๒๕"], True),
    ("another-running-number", "๐๐๒๓.๒/๗๗๐๑", ["oolamial", "๗๓๐๑"], ["oolamial", "๒๓๐๒"], False),
    ("only-latin", "๐๐๒๓.๒/๗๗๐๑", ["oolamial", "abc"], ["oolamial", "abc"], False),
    ("too-few-digits-shared", "๐๐๒๓.๒/๗๗๐๑", ["oolamial", "๗๗"], ["oolamial", "๕๕"], False),
]


@pytest.mark.parametrize("number, now, raw, expected", [c[1:] for c in AGREES], ids=[c[0] for c in AGREES])
def test_agrees_with_every_digit_tesseract_read(number, now, raw, expected):
    assert agrees(number, now, raw) is expected


def _second_look(monkeypatch, words, reading_text, raw=None):
    monkeypatch.setattr(numline, "read_region", lambda model, page, box, band: _read(reading_text))
    toks = line_tokens(raw or words)
    return numline.second_look(object(), np.zeros((400, 1400), np.uint8), 1.0, toks, words)


def test_second_look_puts_the_whole_number_in_the_first_token(monkeypatch):
    words = ["ที่", "สน", "๐๐๒๓.๑๓", "๕๑๗", OFFICE]
    fixes = _second_look(monkeypatch, words, "๐๐๒๓.๑๓/ ๕๐๐", raw=["ที่", "สน", "๐๐๒๓.๑๓", "๕๐๐", OFFICE])
    assert {k: f.text for k, f in fixes.items()} == {2: "๐๐๒๓.๑๓/๕๐๐", 3: ""}
    assert fixes[2].absorbs == (3,) and fixes[3].join_left
    assert "read whole by the digit classifier" in fixes[2].reason


LEFT_ALONE = [
    ("number-already-whole", ["ที่", "สน", "๐๐๒๓.๑๓/๕๐๐", OFFICE], "๐๐๒๓.๑๓/ ๕๑๗"),
    ("reading-not-sure", ["ที่", "สน", "๐๐๒๓.๑๓", "๕๑๗", OFFICE], "๐๐๒๓.๑๓/ ๕?๗"),
    ("reading-disagrees-with-tesseract", ["ที่", "สน", "๐๐๒๓.๑๓", "๕๑๗", OFFICE], "๐๐๒๓.๑๓/ ๙๐๐"),
]


@pytest.mark.parametrize("words, reading", [c[1:] for c in LEFT_ALONE], ids=[c[0] for c in LEFT_ALONE])
def test_second_look_leaves_the_line_as_read(monkeypatch, words, reading):
    assert _second_look(monkeypatch, words, reading) == {}
