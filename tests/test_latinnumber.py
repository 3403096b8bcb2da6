"""ocr.latinnumber: a printed document number read wholly as Latin junk right
after a legible agency prefix is read by the digit classifier, and taken only
when every glyph is a sure digit or sign and the whole has a number's shape."""

from dataclasses import dataclass

import pytest

from docintake.ocr import latinnumber
from docintake.ocr.latinnumber import running_slots, slots, spelled, with_circular
from docintake.ocr.tesseract import Token


def _line(words, line=0):
    toks, x, pos = [], 100, 0
    for text in words:
        box = (x, 204, 30 * len(text), 32)
        toks.append(Token(text, pos, pos + len(text), box, 40.0, line, [box], (100, 200, 1000, 40)))
        x += 30 * len(text) + 10
        pos += len(text) + 1
    return toks


SLOTS = [
    ("department-number-read-as-latin", ["ที่", "มท", "odeo.aV/Ibeds", "กรมส่งเสริมการปกครองท้องถิ่น"], ["odeo.aV/Ibeds"]),
    ("province-prefix-then-latin", ["ที่", "ชย", "oobm.e/lab"], ["oobm.e/lab"]),
    ("number-read-well", ["ที่", "มท", "๐๘๑๐.๓/ว", "๒๑๔๘"], []),
    ("no-prefix-before", ["โทร.", "odeo.aV/Ibeds"], []),
    ("one-latin-letter-is-a-misread-sign", ["ที่", "มท", "๐๘๑๐.๓/I"], []),
    ("thai-in-it-is-words", ["มท", "abเรื่อง"], []),
    # Seed 72: the ที่ label glued before the prefix, a speck before both.
    ("label-glued-to-prefix", ["'ที่ลป", "coomadecoe", "ที่ว่าการอำเภอเถิน"], ["coomadecoe"]),
    ("label-glued-to-a-word", ["ที่มา", "coomadecoe"], []),
]


@pytest.mark.parametrize("words, expected", [c[1:] for c in SLOTS], ids=[c[0] for c in SLOTS])
def test_slots_are_latin_junk_after_a_prefix(words, expected):
    assert [words[i] for i in slots(_line(words), words)] == expected


def test_a_prefix_on_the_line_above_opens_no_slot():
    toks = _line(["มท"]) + _line(["odeo.aV/Ibeds"], line=1)
    assert slots(toks, [t.text for t in toks]) == []


@dataclass
class G:  # a glyph's place, as glyphs.Glyph
    x: int
    w: int
    h: int = 40


def _glyphs(chars, spaces=()):
    """One glyph per character, 40 px wide, 5 px apart, 40 px more after each index in ``spaces``."""
    out, x = [], 0
    for k, _ in enumerate(chars):
        out.append(G(x, 40))
        x += 45 + (40 if k in spaces else 0)
    return out


SPELLED = [
    # (id, the classifier's (class, p) per glyph after with_circular, glyphs after which a space stands, text or None)
    ("circular-department-number",
     [("๐", 1.0), ("๘", 1.0), ("๑", 1.0), ("๐", 1.0), (".", 0.84), ("๓", 0.93), ("/", 1.0), ("ว", 1.0),
      ("๒", 1.0), ("๑", 1.0), ("๔", 1.0), ("๘", 1.0)], (7,), "๐๘๑๐.๓/ว ๒๑๔๘"),
    ("up-to-the-circulars-wo-waen",  # seed 19: ``ogoo.0i/2 ๑๒๙๒``, the running number a token of its own
     [("๐", 1.0), ("๘", 1.0), ("๑", 1.0), ("๐", 1.0), (".", 0.93), ("๗", 1.0), ("/", 1.0), ("ว", 1.0)], (), "๐๘๑๐.๗/ว"),
    ("plain-number", [("๐", 1.0), ("๐", 1.0), ("๒", 1.0), ("๓", 1.0), (".", 0.95), ("๔", 1.0), ("/", 1.0),
                      ("๑", 1.0), ("๗", 1.0)], (), "๐๐๒๓.๔/๑๗"),
    ("code-digits-set-apart-seed110",  # ``cobo.d/odde``: the print's first two ๐ a space apart
     [("๐", 1.0), ("๐", 1.0), ("๒", 1.0), ("๓", 1.0), (".", 0.93), ("๖", 1.0), ("/", 1.0),
      ("๑", 1.0), ("๘", 1.0), ("๗", 1.0), ("๕", 1.0)], (0,), "๐๐๒๓.๖/๑๘๗๕"),
    ("a-doubtful-glyph", [("๐", 1.0), ("๘", 0.2), ("๑", 0.3), ("๐", 1.0), ("/", 1.0), ("๑", 0.4)], (), None),
    ("a-letter-in-it", [("๐", 1.0), ("?", 0.9), ("/", 1.0), ("๑", 1.0)], (), None),
    ("no-slash-is-no-document-number", [("๑", 1.0), ("๒", 1.0), ("๓", 1.0)], (), None),
    ("nothing-after-the-slash", [("๑", 1.0), ("๒", 1.0), ("/", 1.0)], (), None),
]


@pytest.mark.parametrize("reading, spaces, expected", [c[1:] for c in SPELLED], ids=[c[0] for c in SPELLED])
def test_spelled_only_a_sure_document_number(reading, spaces, expected):
    assert spelled(reading, _glyphs(reading, spaces)) == expected


def test_the_glyph_after_the_slash_surely_no_digit_is_the_circulars_wo_waen():
    # seed 19: ว after the slash came out of the classifier as ๖ at p 2.6e-12
    reading = [("๓", 0.93), ("/", 1.0), ("๖", 2.6e-12), ("๒", 1.0)]
    assert [c for c, _ in with_circular(reading)] == ["๓", "/", "ว", "๒"]
    assert with_circular([("/", 1.0), ("?", 0.99)]) == [("/", 1.0), ("ว", 1.0)]
    assert with_circular([("๒", 1e-12), ("/", 1.0)]) == [("๒", 1e-12), ("/", 1.0)]  # before the slash: no ว


RUNNING_SLOTS = [
    # (id, ที่ line as read, tokens looked at as the running number)
    ("running-number-read-as-latin", ["ที่", "อป", "๐๐๒๓.๓/ว", "NEW...", "ศาลากลางจังหวัดอุบลราชธานี"], ["NEW..."]),
    ("after-a-plain-slash", ["ที่", "ศก", "๐๐๒๓.๑/", "Bmed", "ศาลากลาง"], ["Bmed"]),
    ("running-number-read-well", ["ที่", "อบ", "๐๐๒๓.๓/ว", "๓๕๖๑", "ศาลากลาง"], []),
    ("no-slash-before", ["ที่", "อบ", "๐๐๒๓.๓", "NEW"], []),
    ("a-whole-number-before", ["ที่", "อบ", "๐๐๒๓.๓/ว๓๕๖๑", "NEW"], []),
    ("thai-in-it-is-words", ["๐๐๒๓.๓/ว", "abเรื่อง"], []),
]


@pytest.mark.parametrize("words, expected", [c[1:] for c in RUNNING_SLOTS], ids=[c[0] for c in RUNNING_SLOTS])
def test_running_slots_are_latin_junk_after_a_code_and_slash(words, expected):
    assert [words[i] for i in running_slots(_line(words), words)] == expected


READ_RUNNING = [
    # (id, the classifier's (class, p) per glyph, text or None)
    ("sure-digits-then-leader-dots", [("๓", 1.0), ("๕", 1.0), ("๖", 0.99), ("๑", 1.0), (".", 0.9), (".", 0.9)], "๓๕๖๑"),
    ("a-doubtful-digit", [("๓", 1.0), ("๕", 0.3), ("๖", 0.99), ("๑", 1.0)], None),
    ("a-letter-in-it", [("๓", 1.0), ("?", 0.99), ("๑", 1.0)], None),
    ("a-slash-is-no-running-number", [("๓", 1.0), ("/", 1.0), ("๑", 1.0)], None),
    ("six-digits-too-long", [("๑", 1.0)] * 6, None),
]


@pytest.mark.parametrize("reading, expected", [c[1:] for c in READ_RUNNING], ids=[c[0] for c in READ_RUNNING])
def test_read_running_takes_only_sure_digits(monkeypatch, reading, expected):
    monkeypatch.setattr(latinnumber.rewrite, "read_blob", lambda model, page, box: (reading, _glyphs(reading)))
    assert latinnumber.read_running(object(), None, (0, 0, 10, 10)) == expected
