"""ocr.deadlook: a body deadline whose cue Tesseract read but whose date after it
(on its line, or wrapped onto the next) it garbled or dropped: the ink read again,
day and year by the digit classifier (sure digits only), label and month by the
Thai model (two readings agreeing), taken only as a whole date that fits."""

from dataclasses import replace

import numpy as np
import pytest

from docintake.ocr import deadlook
from docintake.ocr.deadlook import Found, Glyph, fits, heads, months_named, shape
from tokenline import line_tokens

PAGE = np.full((600, 2000), 255, np.uint8)


def _lines(first, second=()):
    """Tokens of a line and of the line under it; Thai tokens get one box a character."""
    toks = line_tokens(first)
    under = [replace(t, line=1, box=(t.box[0], t.box[1] + 60, *t.box[2:]), boxes=[(t.box[0], t.box[1] + 60, *t.box[2:])],
                     line_box=(100, 260, 1200, 40)) for t in line_tokens(second)]
    for t in toks:
        x, y, w, h = t.box
        t.boxes = [(x + 30 * k, y, 30, h) for k in range(len(t.text))]
    return toks + under


HEADS = [
    # (id, OCR line with the cue, the next line, (cue index, tokens after it, tokens of the next line) or None)
    ("day-glued-to-the-month-seed20", ["จังหวัด", "ภายในวันที่", "วภาคม", "พ.ศ.", "๒๕๖๗"], ["จึงเรียนมาเพื่อทราบ"],
     (1, (2, 3, 4), ())),
    ("month-as-latin-seed13", ["ผู้เข้าร่วม", "ก่อนวันที่", "๒๘", "A.A.", "๖๘"], [], (1, (2, 3, 4), ())),
    ("month-lost-label-stays-seed31", ["แล้วเสร็จภายใน", "วันที่", "15", "67"], [], (0, (2, 3), ())),
    ("label-stays-date-wrapped-seed107", ["ให้แล้วเสร็จภายใน", "วันที่", "«", "พฤษภาคม"], ["WA,", "๒๕๖๗"],
     (0, (2, 3), (4, 5))),
    ("words-after-the-year-stay-seed109", ["ให้แล้วเสร็จภายใน", "ตุลาคม", "๒๕๖๗", "หากพ้นกำหนด"], ["จะถือว่า"],
     (0, (1, 2), ())),
    ("wrapped-month-as-latin-seed34", ["จังหวัด", "ก่อนวันที", "๒๘."], ["WAYMAN", "๒๕๖๗", "ทั้งนี้"], (1, (2,), (3, 4))),
    ("tail-dropped-seed28", ["จังหวัด", "ภายใน"], ["A.", "๒๕๖๘"], (1, (), (2, 3))),
    ("label-cut-in-the-cue-seed26", ["ยังชีพ", "ก่อนวั"], ["๑๖", "มิ.ย.", "๖๘"], (1, (), (2, 3, 4))),
    ("date-readable", ["จังหวัด", "ภายในวันที่", "๗", "พฤษภาคม", "พ.ศ.", "๒๕๖๗"], [], None),
    ("wrapped-date-readable", ["จังหวัด", "ก่อนวันที่", "๒๘"], ["พฤษภาคม", "๒๕๖๗"], None),
    ("relative-deadline", ["จังหวัด", "ภายใน", "๗", "วัน", "นับแต่"], [], None),
    ("relative-deadline-wrapped", ["ทราบ", "ภายใน"], ["๑๕", "วัน", "นับแต่วันที่ได้รับหนังสือ"], None),
    ("cue-inside-a-word", ["ให้ครบถ้วนภายในกำหนด"], ["จึงเรียนมา"], None),
    ("a-sentence-after-the-cue", ["ภายใน", "จังหวัด", "ให้", "ครบ", "ทุก", "แห่ง"], [], None),
]


@pytest.mark.parametrize("first, second, expected", [c[1:] for c in HEADS], ids=[c[0] for c in HEADS])
def test_heads(first, second, expected):
    toks = _lines(first, second)
    texts = [t.text for t in toks]
    found = heads(toks, texts)
    assert ([(h.cue, h.after, h.below) for h in found] or [None]) == [expected]


def test_a_label_cut_in_the_cue_is_read_again_from_the_cues_end():
    toks = _lines(["ยังชีพ", "ก่อนวั"], ["๑๖", "มิ.ย.", "๖๘"])
    (head,) = heads(toks, [t.text for t in toks])
    assert head.kept == "ก่อน" and head.cut == toks[1].boxes[4][0]


def test_a_label_read_whole_stays_and_the_ink_is_read_from_its_end():
    """Seed 107: read with the label, the classifier took วัน's น for ๗ and the day ๙ became ๗๙."""
    toks = _lines(["ให้แล้วเสร็จภายใน", "วันที่", "«", "พฤษภาคม", "๒๕๖๘"])
    (head,) = heads(toks, [t.text for t in toks])
    assert head.label == (1,) and head.cut == toks[1].box[0] + toks[1].box[2] and head.stop is None


def test_the_ink_ends_where_the_words_after_the_year_start():
    toks = _lines(["ภายใน", "ตุลาคม", "๒๕๖๗", "หากพ้นกำหนด"])
    (head,) = heads(toks, [t.text for t in toks])
    assert head.label == () and head.stop == toks[3].box[0]


def test_glyphs_tesseract_read_as_letters_may_be_the_label_whatever_the_classifier_read():
    gs = [_g("?"), _g("๗"), _g("๑"), _g("๑"), _g("?"), _g("?"), _g("๒"), _g("๕"), _g("๖"), _g("๗")]
    assert shape(gs) is None  # the label's น read as a sure ๗: day ๗๑๑
    found = shape(gs, lettered=2)
    assert (found.day, found.day_at, found.year) == ("๑๑", 2, "๒๕๖๗")


def _g(c, p=1.0, zone=0):
    return Glyph(c, p, zone, (0, 0, 10, 10))


L, DOT, NOT_DIGIT = _g("?"), _g(".", 0.95), _g("๓", 0.0)
SHAPES = [
    # (id, the classifier's glyphs after the cue, (day, year, glyphs of the label) or None)
    ("day-month-year", [_g("๗"), L, L, L, _g("๒"), _g("๕"), _g("๖"), _g("๗")], ("๗", "๒๕๖๗", 0)),
    ("label-then-date", [L, L, L, _g("๒"), _g("๘"), NOT_DIGIT, DOT, L, DOT, _g("๖"), _g("๘")], ("๒๘", "๖๘", 3)),
    ("full-stop-after-the-year", [_g("๔"), L, DOT, L, DOT, _g("๒"), _g("๕"), _g("๖"), _g("๗"), DOT], ("๔", "๒๕๖๗", 0)),
    ("label-read-as-sure-digits-seed21", [_g("๗", 0.98), _g("๗", 0.98), _g("๑"), L, L, _g("๒"), _g("๕"), _g("๖"), _g("๘")],
     None),
    ("unsure-day", [_g("๘", 0.9), L, L, _g("๒"), _g("๕"), _g("๖"), _g("๗")], None),
    ("no-month", [_g("๘"), _g("๒"), _g("๕"), _g("๖"), _g("๗")], None),
    ("dots-alone-between", [_g("๘"), DOT, _g("๖"), _g("๗")], None),
    ("three-digit-year", [_g("๘"), L, _g("๕"), _g("๖"), _g("๗")], None),
    ("a-time-after-the-date", [_g("๘"), L, _g("๒"), _g("๕"), _g("๖"), _g("๗"), L, _g("๑"), _g("๕")], None),
]


@pytest.mark.parametrize("reading, expected", [c[1:] for c in SHAPES], ids=[c[0] for c in SHAPES])
def test_shape(reading, expected):
    found = shape(reading)
    assert (found and (found.day, found.year, found.day_at)) == expected


MONTHS = [
    # (id, a Thai reading of a date's month ink, the months it names)
    ("full-name-with-era", "พฤษภาคมพ.ศ.", {5}),
    ("full-name", "มกราคม", {1}),
    ("full-name-one-letter-off", "พฤศจกายน", {11}),
    ("abbreviation-with-a-stray-vowel", "ก.ุค.", {7}),
    ("march", "มี.ค.", {3}),
    ("march-or-january-undotted", "มค", {1, 3}),
    ("abbreviation-vowel-lost", "ม.ย.", {6}),
    ("no-month", "วันที่", set()),
]


@pytest.mark.parametrize("reading, expected", [c[1:] for c in MONTHS], ids=[c[0] for c in MONTHS])
def test_months_named(reading, expected):
    assert months_named(reading) == expected


LABELS = [
    # (id, Thai readings of the ink before the day, what the cue's token holds of the label, label read)
    ("label-whole", ["วันที่", "วันที่", "วันที่"], "", "วันที่"),
    ("the-cues-last-stroke-at-the-crops-edge-seed13", ["งวันที่", ".วันที่", "วันที่"], "", "วันที่"),
    ("weekday-marks-lost-seed28", ["วันพธที", "วันพธที", "วันพธที"], "", "วันพุธที่"),
    ("label-wrapped-after-its-weekday-seed34", ["ที", "ที", "ที"], "วันพุธ", "ที่"),
    ("readings-disagree", ["วันที่", "เร", "เท"], "", None),
    ("no-label", ["ภาคม", "ภาคม", "ภาคม"], "", None),
]


@pytest.mark.parametrize("readings, held, expected", [c[1:] for c in LABELS], ids=[c[0] for c in LABELS])
def test_label(readings, held, expected):
    assert deadlook._label(readings, held) == expected


def _found(day, month, year, label=""):
    return Found(label, day, month, False, year, 3, [])


FITS = [
    # (id, date read, what the cue's token holds of the label, Tesseract's words after the cue, fits)
    ("garbled-day", _found("๗", 5, "๒๕๖๗"), "วันที่", "วภาคม พ.ศ. ๒๕๖๗", True),
    ("latin-month", _found("๒๘", 7, "๖๘"), "", "วันที ๒๘ A.A. ๖๘", True),
    ("day-read-as-letters", _found("๒๖", 6, "๖๗"), "วันที่", "ซอ มิ.ย. ๖๗", True),
    ("tesseracts-day-differs", _found("๒๖", 6, "๖๗"), "วันที่", "๒๕ มิ.ย. ๖๗", False),
    ("tesseracts-year-differs", _found("๗", 5, "๒๕๖๗"), "วันที่", "วภาคม พ.ศ. ๒๕๖๖", False),
    ("tesseracts-month-differs", _found("๒๖", 6, "๖๗"), "วันที่", "ซอ ก.ค. ๖๗", False),
    ("no-31st-of-april", _found("๓๑", 4, "๒๕๖๗"), "วันที่", "", False),
    ("weekday-agrees-seed28", _found("๕", 3, "๒๕๖๘", "วันพุธที่"), "", "A. ๒๕๖๘", True),
    ("weekday-contradicts-a-misread-month", _found("๕", 1, "๒๕๖๘", "วันพุธที่"), "", "A. ๒๕๖๘", False),
    ("weekday-in-the-cues-token-seed34", _found("๒๐", 3, "๒๕๖๗", "ที่"), "วันพุธ", "Noo มีนาคม ๒๕๖๗", True),
]


@pytest.mark.parametrize("found, held, original, expected", [c[1:] for c in FITS], ids=[c[0] for c in FITS])
def test_fits(found, held, original, expected):
    assert fits(found, held, original) is expected


Y2567 = [_g("๒"), _g("๕"), _g("๖"), _g("๗")]
CASES = [
    # (id, line with the cue, next line, glyphs (zone in each), Thai readings in the order asked
    #  (label's ink, then the month's ink on each line), {token: new text} or None)
    ("day-glued-to-the-month-seed20", ["ภายในวันที่", "วภาคม", "พ.ศ.", "๒๕๖๗"], [],
     [_g("๗"), L, L, L, DOT, L, DOT] + Y2567, ["พฤษภาคมพ.ศ."] * 3,
     {1: "๗ พฤษภาคม พ.ศ. ๒๕๖๗", 2: "", 3: ""}),
    ("wrapped-month-as-latin-seed34", ["ก่อนวันที", "๒๘."], ["WAYMAN", "๒๕๖๗"],
     [_g("๒"), _g("๘"), *[_g("?", 1.0, 1)] * 4, *[replace(g, zone=1) for g in Y2567]], ["พฤษภาคม"] * 3,
     {1: "๒๘", 2: "พฤษภาคม ๒๕๖๗", 3: ""}),
    ("label-and-day-dropped-seed28", ["ภายใน"], ["A.", "๒๕๖๘"],
     [*[_g("?", 1.0, 1)] * 3, _g("๕", 1.0, 1), _g("?", 1.0, 1), _g(".", 0.9, 1), _g("?", 1.0, 1), _g(".", 0.9, 1),
      *[replace(g, zone=1) for g in [_g("๒"), _g("๕"), _g("๖"), _g("๘")]]],
     ["วันพธที"] * 3 + ["มี.ค."] * 3, {1: "วันพุธที่ ๕ มี.ค. ๒๕๖๘", 2: ""}),
    ("misread-month-against-the-weekday", ["ภายใน"], ["A.", "๒๕๖๘"],
     [*[_g("?", 1.0, 1)] * 3, _g("๕", 1.0, 1), _g("?", 1.0, 1), _g(".", 0.9, 1), _g("?", 1.0, 1), _g(".", 0.9, 1),
      *[replace(g, zone=1) for g in [_g("๒"), _g("๕"), _g("๖"), _g("๘")]]],
     ["วันพธที"] * 3 + ["ม.ค."] * 3, None),
    ("abbreviation-cut-by-the-lines-end-seed29", ["ภายในวันที่", "๔", "มี."], ["A.", "๒๕๖๗"],
     [_g("๔"), L, L, DOT, _g("?", 1.0, 1), _g(".", 0.9, 1), *[replace(g, zone=1) for g in Y2567]],
     ["มี."] * 3 + ["ค."] * 3, {1: "๔ มี.", 2: "", 3: "ค. ๒๕๖๗", 4: ""}),
    ("label-token-stays-seed107", ["ให้แล้วเสร็จภายใน", "วันที่", "«", "พฤษภาคม", "๒๕๖๘"], [],
     [_g("๙"), L, L, L, L, L, L] + [_g("๒"), _g("๕"), _g("๖"), _g("๘")], ["พฤษภาคม"] * 3,
     {2: "๙ พฤษภาคม ๒๕๖๘", 3: "", 4: ""}),
    ("weekday-of-the-label-token-agrees", ["ภายใน", "วันศุกร์ที่", "«", "พฤษภาคม", "๒๕๖๘"], [],
     [_g("๙"), L, L, L, L, L, L] + [_g("๒"), _g("๕"), _g("๖"), _g("๘")], ["พฤษภาคม"] * 3,
     {2: "๙ พฤษภาคม ๒๕๖๘", 3: "", 4: ""}),
    ("weekday-of-the-label-token-contradicts", ["ภายใน", "วันจันทร์ที่", "«", "พฤษภาคม", "๒๕๖๘"], [],
     [_g("๙"), L, L, L, L, L, L] + [_g("๒"), _g("๕"), _g("๖"), _g("๘")], ["พฤษภาคม"] * 3, None),
    ("day-lost-words-after-the-year-seed109", ["ให้แล้วเสร็จภายใน", "ตุลาคม", "๒๕๖๗", "หากพ้นกำหนด"], [],
     [_g("๓"), _g("๑"), L, L, L, L, L] + Y2567, ["ตุลาคม"] * 3, {1: "๓๑ ตุลาคม ๒๕๖๗", 2: ""}),
    ("label-read-as-digits-seed109", ["ให้แล้วเสร็จภายใน", "Tui", "oo", "ตุลาคม", "๒๕๖๗", "หากพ้นกำหนด"], [],
     [L, _g("๗"), _g("๑"), _g("๑"), L, L, L, L] + Y2567, ["วันที่"] * 3 + ["ตุลาคม"] * 3,
     {1: "วันที่ ๑๑ ตุลาคม ๒๕๖๗", 2: "", 3: "", 4: ""}),
    ("label-read-as-digits-thai-model-reads-no-label", ["ให้แล้วเสร็จภายใน", "Tui", "oo", "ตุลาคม", "๒๕๖๗"], [],
     [L, _g("๗"), _g("๑"), _g("๑"), L, L, L, L] + Y2567, ["วัน", "วนท", "ว"] + ["ตุลาคม"] * 3, None),
    ("months-disagree", ["ภายในวันที่", "วภาคม", "๒๕๖๗"], [], [_g("๗"), L, L, L] + Y2567,
     ["พฤษภาคม", "มิถุนายน", "พฤษภาคม"], None),
    ("one-reading-only", ["ภายในวันที่", "วภาคม", "๒๕๖๗"], [], [_g("๗"), L, L, L] + Y2567, ["พฤษภาคม", "", ""], None),
]


@pytest.mark.parametrize("first, second, gs, readings, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_second_look(monkeypatch, first, second, gs, readings, expected):
    toks = _lines(first, second)
    texts = [t.text for t in toks]
    monkeypatch.setattr(deadlook, "glyphs", lambda model, page, zones: [replace(g, box=(300 + 20 * k, 210, 10, 30))
                                                                         for k, g in enumerate(gs)])
    monkeypatch.setattr(deadlook.memomonth, "ink_end", lambda page, left, top, height: left + 400)
    it = iter(readings)
    fixes = deadlook.second_look(object(), PAGE, 1.0, toks, texts, lambda img, psm: next(it, ""))
    assert ({k: f.text for k, f in fixes.items()} or None) == expected
    assert all("deadline" in f.reason and "sure" in f.reason for f in fixes.values())


def test_the_token_taking_the_date_takes_its_inks_width():
    """So ``ocr.missed`` does not read the label and day Tesseract left out a second time (seed 28)."""
    toks = _lines(["ภายใน"], ["A.", "๒๕๖๘"])
    texts = [t.text for t in toks]
    gs = [*[_g("?", 1.0, 1)] * 3, _g("๕", 1.0, 1), _g("?", 1.0, 1), _g(".", 0.9, 1), _g("?", 1.0, 1),
          _g(".", 0.9, 1), *[replace(g, zone=1) for g in [_g("๒"), _g("๕"), _g("๖"), _g("๘")]]]
    placed = [replace(g, box=(20 + 20 * k, 270, 10, 30)) for k, g in enumerate(gs)]
    before = toks[1].box
    it = iter(["วันพธที"] * 3 + ["มี.ค."] * 3)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(deadlook, "glyphs", lambda model, page, zones: placed)
        mp.setattr(deadlook.memomonth, "ink_end", lambda page, left, top, height: left + 1)
        deadlook.second_look(object(), PAGE, 1.0, toks, texts, lambda img, psm: next(it, ""))
    assert toks[1].box[0] == 20 and toks[1].box[1:2] == before[1:2] and toks[1].box[3] == before[3]


def test_the_reader_reads_with_the_thai_model_and_the_dates_letters():
    assert callable(deadlook.reader(5.0)) and set("วันที่พฤษภาคมพ.ศ.") <= set(deadlook.WHITELIST)
