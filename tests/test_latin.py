"""ocr.latin: Thai words Tesseract's tha+eng read as Latin junk inside Thai
lines are read again with the Thai model alone; real English stays."""

import numpy as np
import pytest

from docintake.ocr import missed
from docintake.ocr.latin import candidates, decide, decide_prefix, prefix_slots, repairs, reread, strip_boxes, thai_reader, trim_overlap
from docintake.ocr.tesseract import Token
from tokenline import line_tokens

LINE = (100, 200, 1000, 40)  # the text line's box


def _line(words):
    """Tokens of one text line from (text, conf), 60 px per character."""
    return line_tokens(words, char_width=60, line_box=LINE)


CANDIDATES = [
    # (id, one line as (text, Tesseract's confidence), the tokens to read again)
    ("doc-number-label", [("NUN", 66.0), ("๐๐๒๓.๑๕/๒๒๕๕", 90.0)], []),  # no Thai letter on the line
    ("label-on-a-thai-line", [("NUN", 66.0), ("๐๐๒๓.๑๕/๒๒๕๕", 90.0), ("ที่ว่าการอำเภอบ้านไผ่", 91.0)], ["NUN"]),
    ("month-after-a-day", [("วันที่", 92.0), ("๒๒", 90.0), ("an.", 74.0), ("๖๘", 88.0)], ["an."]),
    ("sure-english-stays", [("สแกน", 90.0), ("QR", 93.0), ("Code", 95.0), ("ท้ายหนังสือ", 90.0)], []),
    ("e-mail-address-stays", [("อีเมล", 90.0), ("saraban@dla.go.th", 61.0)], []),
    ("long-english-word-stays", [("กรม", 90.0), ("Administration", 70.0)], []),
    ("digits-are-not-latin", [("เวลา", 90.0), ("10.05", 60.0), ("Ve.", 58.0)], ["Ve."]),
]


@pytest.mark.parametrize("words, expected", [c[1:] for c in CANDIDATES], ids=[c[0] for c in CANDIDATES])
def test_candidates_are_unsure_latin_tokens_on_thai_lines(words, expected):
    toks = _line(words)
    assert [toks[c.index].text for c in candidates(toks)] == expected


SLOTS = [
    # (id, one line, the tokens read alone as a letter number's prefix)
    ("memo-prefix-after-the-label", [("A", 91.0), ("au", 72.0), ("mata", 0.0), ("วันที่", 87.0)], ["au"]),
    ("sure-prefix-first-on-its-line", [("wa", 95.0), ("73605/215", 78.0), ("วันที่", 93.0)], ["wa"]),
    ("label-and-prefix-in-one-token", [("Wau", 73.0), ("ฒ๕๐๓๑/๑๑ๆ", 83.0)], ["Wau"]),
    ("third-on-the-line-is-no-prefix", [("ตาม", 90.0), ("ที่", 90.0), ("au", 70.0), ("๑๒", 90.0)], []),
    ("nothing-after-it", [("เรียน", 90.0), ("au", 70.0)], []),
    ("a-long-word-is-no-prefix", [("ที่", 90.0), ("Google", 95.0), ("Sheet", 94.0)], []),
    ("one-letter-is-no-prefix", [("ที่", 90.0), ("A", 80.0), ("๑๒๓/๔๕", 94.0)], []),
]


def test_a_picture_read_as_latin_is_no_prefix_slot():
    toks = _line([("Sa", 41.0), ("ส่วนราชการ", 90.0)])
    toks[0].box = (100, 0, 200, 240)  # the Garuda: six lines high
    assert prefix_slots(toks, 40.0) == []


@pytest.mark.parametrize("words, expected", [c[1:] for c in SLOTS], ids=[c[0] for c in SLOTS])
def test_prefix_slots_are_short_latin_tokens_opening_a_line(words, expected):
    toks = _line(words)
    assert [toks[c.index].text for c in prefix_slots(toks, 40.0)] == expected


PREFIXES = [
    # (id, Latin token, the lines its crop read as (text, confidence), first on its line, the fix or None)
    ("known-province", "au", [("อบ", 90.0)], False, "อบ"),
    ("sure-latin-does-not-count", "wa", [("พล", 96.0)], True, "พล"),
    ("digits-the-crop-took-in", "au", [("ลป ๗๔๓", 88.0)], False, "ลป"),
    ("label-kept-when-first", "Wau", [("ที่ สน ๗๔๐๗๖/๑๑๗", 90.0)], True, "ที่ สน"),
    ("label-without-its-marks", "Nau", [("“", 0.0), ("ท อบ", 82.0), ("=", 39.0)], True, "ที่ อบ"),
    ("label-dropped-when-second", "Wau", [("ที่ สน", 90.0)], False, "สน"),
    ("unknown-pair-is-not-a-prefix", "Sa", [("แม", 94.0)], False, None),
    ("ขม-is-no-province", "au", [("ขม", 95.0)], False, None),
    ("ศร-is-no-province", "AT", [("ศร", 86.0)], False, None),
    ("unsure-reading", "au", [("อบ", 70.0)], False, None),
    ("a-word-is-not-a-prefix", "Wu", [("นั้น", 94.0)], False, None),
    ("two-lines-read-as-prefixes", "au", [("อบ", 90.0), ("มท", 90.0)], False, None),
    ("nothing-read", "au", [], False, None),
]


@pytest.mark.parametrize("latin, lines, first, expected", [c[1:] for c in PREFIXES], ids=[c[0] for c in PREFIXES])
def test_a_prefix_slot_takes_only_a_known_prefix_read_sure(latin, lines, first, expected):
    fix = decide_prefix(Token(latin, 0, len(latin), (0, 0, 40, 30), 80.0, 0, []), lines, first)
    assert (fix.text if fix else None) == expected


def test_a_sliver_box_is_widened_to_the_gap_between_its_neighbours():
    """Tesseract boxed ``Ve.`` (for ``น.`` after a time) as 9 by 2 pixels: the
    crop spans the gap from the time's end (at most two line heights before the
    sliver) to the line's end, over the line's height."""
    time = Token("๑๐.๒๐", 0, 5, (933, 169, 106, 32), 90.0, 0, [], (848, 169, 266, 32))
    sliver = Token("Ve.", 6, 9, (1105, 199, 9, 2), 63.0, 0, [], (848, 169, 266, 32))
    label = Token("เวลา", 10, 14, (848, 169, 80, 32), 92.0, 0, [], (848, 169, 266, 32))
    (cand,) = candidates([label, time, sliver])
    assert cand.box == (1105 - 2 * 32, 169, 1114 - (1105 - 2 * 32), 32)


DECIDE = [
    # (id, Latin reading, its confidence, Thai reading, its confidence, text kept or None)
    ("label-and-prefix", "NUN", 66.0, "ที่ ขก", 93.0, "ที่ ขก"),
    ("month-abbreviation", "an.", 74.0, "ส.ค.", 92.0, "ส.ค."),
    ("year-abbreviation", "WA.", 54.0, "พ.ศ.", 90.0, "พ.ศ."),
    ("that-word", "Wu", 71.0, "นั้น", 94.0, "นั้น"),
    ("year-in-thai-digits", "Wedel", 44.0, "๒๕๖๘", 91.0, "๒๕๖๘"),
    ("stray-quote-at-the-edge", "mui", 60.0, "'ตามที่", 84.0, "ตามที่"),
    ("spaces-collapsed", "NUS", 68.0, "ที่  ชร", 92.0, "ที่ ชร"),
    ("thai-not-surer", "QR", 70.0, "ดูร", 74.0, None),
    ("thai-itself-unsure", "cn", 38.0, "ต.", 56.0, None),
    ("letters-mixed-with-digits", "Ue", 60.0, "ห๑", 90.0, None),
    ("still-latin", "Ins", 50.0, "Ins", 90.0, None),
    ("crop-took-in-the-neighbours", "co", 52.0, "ารณาดำห", 88.0, None),
    ("read-as-two-lines", "Wad", 40.0, "ข้\nทั้งนี้", 90.0, None),
]


@pytest.mark.parametrize("latin, lconf, thai, tconf, expected", [c[1:] for c in DECIDE], ids=[c[0] for c in DECIDE])
def test_thai_reading_replaces_only_when_thai_and_surer(latin, lconf, thai, tconf, expected):
    fix = decide(Token(latin, 0, len(latin), (0, 0, 90, 32), lconf, 0, []), thai, tconf)
    assert (fix.text if fix else None) == expected
    if fix:
        assert latin in fix.reason and f"{tconf:.0f}" in fix.reason


OVERLAPS = [
    # (id, Thai reading of the crop, the word before, the word after, what is left)
    ("next-word-start-read-twice", "สิ่งที่", "", "ที่ส่งมาด้วย", "สิ่ง"),
    ("previous-word-end-read-twice", "วันที่ ๒๒", "ลงวันที่", "", "๒๒"),
    ("label-and-prefix-kept", "ที่ มท", "", "๐๘๑๐.๖/ว", "ที่ มท"),
    ("one-shared-letter-is-no-overlap", "นั้น", "", "นาย", "นั้น"),
    ("nothing-left-keeps-the-reading", "ที่", "", "ที่ว่าการอำเภอ", "ที่"),
]


@pytest.mark.parametrize("thai, before, after, expected", [c[1:] for c in OVERLAPS], ids=[c[0] for c in OVERLAPS])
def test_a_neighbours_edge_in_the_crop_is_not_read_twice(thai, before, after, expected):
    assert trim_overlap(thai, before, after) == expected


def test_reread_replaces_the_tokens_the_thai_model_reads_surer():
    toks = _line([("NUN", 66.0), ("๐๐๒๓.๑๕/๒๒๕๕", 90.0), ("ที่ว่าการ", 91.0), ("Wu", 71.0), ("ทั้งนี้", 90.0), ("QR", 60.0)])
    image = np.full((600, 1600), 255, np.uint8)
    line_h = missed.line_height(toks)
    _, tops = missed.stack(image, strip_boxes(candidates(toks), line_h), line_h)
    readings = [("ที่ นม", 91.0), ("นั้น", 94.0), ("ดูร", 62.0)]  # one per crop, top to bottom

    def fake_run(strip):
        return [Token(t, 0, len(t), (10, top + 5, 80, 30), c, k, []) for k, ((t, c), top) in enumerate(zip(readings, tops))]

    fixes = reread(image, toks, fake_run)
    assert {toks[i].text: f.text for i, f in fixes.items()} == {"NUN": "ที่ นม", "Wu": "นั้น"}
    assert [(r.before, r.after) for r in repairs(toks, fixes)] == [("NUN", "ที่ นม"), ("Wu", "นั้น")]


def test_a_prefix_read_alone_wins_over_the_reading_joined_to_the_digits():
    toks = _line([("A", 91.0), ("au", 72.0), ("mata", 0.0), ("oe.", 0.0), ("วันที่", 87.0)])
    image = np.full((600, 1600), 255, np.uint8)
    assert [toks[c.index].text for c in candidates(toks)] == ["au"]  # au mata oe. as one crop
    assert [toks[c.index].text for c in prefix_slots(toks, missed.line_height(toks))] == ["au"]
    runs = iter([("อบ ๗๙๒", 85.0), ("อบ", 90.0)])  # the joined crop's strip, then the slots' strip

    def fake_run(strip):
        text, conf = next(runs)
        return [Token(text, 0, len(text), (10, strip.shape[0] // 2 - 5, 80, 10), conf, 0, [])]  # one crop: its middle

    assert {toks[i].text: f.text for i, f in reread(image, toks, fake_run).items()} == {"au": "อบ"}


def test_a_page_without_candidates_costs_no_run():
    toks = _line([("ตามที่", 92.0), ("Google", 95.0), ("Sheet", 94.0)])

    def no_run(strip):
        raise AssertionError("no Tesseract run for a page without candidates")

    assert reread(np.full((600, 1600), 255, np.uint8), toks, no_run) == {}


@pytest.mark.parametrize("langs, reads", [("tha+eng", True), ("eng+tha", True), ("tha", False), ("eng", False)])
def test_only_a_tha_plus_eng_page_is_read_again(langs, reads):
    assert (thai_reader(langs, 300) is not None) == reads


def test_engine_applies_the_thai_reading_to_text_and_words_under_digit_fixes():
    """The engine merges the Thai readings under the digit classifier's fixes:
    the word keeps Tesseract's Latin reading and the reason."""
    import re
    from types import SimpleNamespace

    from docintake.ocr.digits import Fix
    from docintake.ocr.engine import TesseractEngine

    txt = "NUN ๐๕๑๐.๕/ว ๑๒๓๔ ลงวันที่ ๒๒ an. ๖๘\n"
    toks = [Token(m.group(), m.start(), m.end(), (10 * m.start(), 0, 10 * len(m.group()), 30), 70.0, 0, [])
            for m in re.finditer(r"\S+", txt)]

    class FakeDigits:
        def correct(self, toks, page, scale):
            return {1: Fix("๐๘๑๐.๖/ว", "digit classifier p=0.990")}

    engine = TesseractEngine.__new__(TesseractEngine)
    engine.digits = FakeDigits()
    read_again = {0: Fix("ที่ มท", "Thai model"), 1: Fix("๐๕๑๐.๕/ว", "Thai model"), 5: Fix("ส.ค.", "Thai model")}
    words, text, _ = engine._words_and_text(toks, txt, SimpleNamespace(image=None, upright=None, scale=1.0), read_again)
    assert text == "ที่ มท ๐๘๑๐.๖/ว ๑๒๓๔ ลงวันที่ ๒๒ ส.ค. ๖๘\n"
    assert (words[0].text, words[0].corrected_from, words[0].reason) == ("ที่ มท", "NUN", "Thai model")
    assert words[1].reason == "digit classifier p=0.990"
