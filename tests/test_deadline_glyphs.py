"""Deadlines whose parts the project's OCR printed as look-alike glyphs
(tuning seeds 1, 3, 6, 7): read only in a deadline's slots, only when one
reading is left, always warned and at confidence 0.5."""

import datetime as dt

import pytest

from docintake.parse import parse_text
from lettertext import district_letter


def _parse(body: str, letter_date: str, urgent: str = ""):
    (letter,) = parse_text(district_letter(body, letter_date, urgent + "\n" if urgent else "")).letters
    return letter, {w.code for w in letter.warnings if w.field == "deadlines"}


DIGITS = [
    # (id, deadline sentence as OCR'd, letter date, deadlines, warning codes on deadlines)
    # ๗ printed ฒ in a cued day (seed 1): 7 Nov, three days after the letter.
    ("day-read-as-letter", "ให้อำเภอทราบ ไม่เกินวันที่ ฒ พ.ย. ๒๕๖๘", "๔ พฤศจิกายน ๒๕๖๘",
     [dt.date(2025, 11, 7)], {"digit_repaired"}),
    # ... and ฆ for the count of days, วัน read as Latin too (seed 1); no receipt
    # stamp, so the count runs from the letter's date.
    ("count-read-as-letter", "ภายใน ฆ Tu นับแต่วันที่ได้รับหนังสือนี้", "๑๘ เมษายน ๒๕๖๘",
     [dt.date(2025, 4, 25)], {"digit_repaired"}),
    ("count-read-as-other-letter", "แล้วส่งให้อำเภอทราบ ภายใน ฒ วัน นับแต่วันที่ได้รับหนังสือนี้", "๑๕ กันยายน ๒๕๖๘",
     [dt.date(2025, 9, 22)], {"digit_repaired"}),
    # ... glued to its unit (seed 103), a speck after the unit too; "every day" stays words.
    ("count-glued-to-its-unit", "ให้จังหวัดทราบ ภายใน ซวัน. นับแต่วันที่ได้รับหนังสือนี้", "๒๙ สิงหาคม ๒๕๖๘",
     [dt.date(2025, 9, 5)], {"digit_repaired"}),
    ("every-day-is-no-count", "รายงานทุกๆวัน ให้แล้วเสร็จภายในวันที่ ๑๕ พ.ย. ๒๕๖๘", "๔ พฤศจิกายน ๒๕๖๘",
     [dt.date(2025, 11, 15)], set()),
    # ... and the repetition mark ๆ, drawn as ๗ is (seed 46); after a word, ๆ repeats it.
    ("count-read-as-repetition-mark", "บันทึกข้อมูลในระบบสารสนเทศ ภายใน ๆ วันนับแต่ได้รับหนังสือฉบับนี้",
     "๒๖ กุมภาพันธ์ ๒๕๖๘", [dt.date(2025, 3, 5)], {"digit_repaired"}),
    ("repetition-mark-after-word", "เรื่องต่าง ๆ ให้แล้วเสร็จภายในวันที่ ๑๕ พ.ย. ๒๕๖๘", "๔ พฤศจิกายน ๒๕๖๘",
     [dt.date(2025, 11, 15)], set()),
    # The second place of a two-place day.
    ("second-place", "ส่งให้อำเภอภายในวันที่ ๑ฒ ธันวาคม ๒๕๖๗", "๒ ธันวาคม ๒๕๖๗", [dt.date(2024, 12, 17)],
     {"digit_repaired"}),
    # The printed weekday checks the reading: 7 Nov 2025 is a Friday ...
    ("weekday-agrees", "ภายในวันศุกร์ที่ ฒ พ.ย. ๒๕๖๘", "๔ พฤศจิกายน ๒๕๖๘", [dt.date(2025, 11, 7)],
     {"digit_repaired"}),
    # ... not a Monday: unread, and said so.
    ("weekday-contradicts", "ภายในวันจันทร์ที่ ฒ พ.ย. ๒๕๖๘", "๔ พฤศจิกายน ๒๕๖๘", [], {"unreadable"}),
    # Ten months after the letter: not a deadline this letter sets.
    ("far-from-letter", "ไม่เกินวันที่ ฒ พ.ย. ๒๕๖๘", "๒ มกราคม ๒๕๖๘", [], {"unreadable"}),
    # The letters in words, and one standing where no date is cued, stay letters.
    ("inside-a-word", "ฆ่าเชื้อโรค ให้แล้วเสร็จภายในวันที่ ๑๕ พ.ย. ๒๕๖๘", "๔ พฤศจิกายน ๒๕๖๘",
     [dt.date(2025, 11, 15)], set()),
    ("not-cued", "ในการประชุมวันที่ ฒ พ.ย. ๒๕๖๘", "๔ พฤศจิกายน ๒๕๖๘", [], set()),
    # A digit glued to the month (ธ.ค. read ธิ.ค.) is debris and the lone
    # number before it the day (the date reader's day_debris_dropped, seed 6):
    # the cue stands before that number, not before the debris.
    ("day-before-debris", "และรวบรวมส่งให้จังหวัด ก่อนวันที ๑๑ 5ธิ.ค. ๒๕๖๖", "๒๒ พฤศจิกายน ๒๕๖๖",
     [dt.date(2023, 12, 11)], {"month_repaired", "date_debris_dropped"}),
    ("debris-not-cued", "ตามที่ประชุมเมื่อ ๑๑ 5ธิ.ค. ๒๕๖๖", "๒๒ พฤศจิกายน ๒๕๖๖", [], set()),
]

@pytest.mark.parametrize(("body", "letter_date", "want", "codes"), [c[1:] for c in DIGITS],
                         ids=[c[0] for c in DIGITS])
def test_glyphs_in_a_body_deadline(body, letter_date, want, codes):
    letter, warned = _parse(body, letter_date)
    assert [d.date for d in letter.deadlines] == want
    assert warned == codes
    if want and "digit_repaired" in codes:
        assert letter.confidence["deadlines"] <= 0.5


URGENT = [
    # (id, urgency stamp as OCR'd, letter date, its deadline, warning codes)
    ("day-read-as-letter", "ด่วนภายใน ฒ ก.พ. ๒๕๖๗ เวลา ๑๒.๐๐ น.", "๕ กุมภาพันธ์ ๒๕๖๗", dt.date(2024, 2, 7),
     {"digit_repaired"}),
    # A.A. is ก.ค., ส.ค. or ต.ค.; 31 Aug is within a body deadline's reach of a
    # letter of 30 Oct, but an urgency stamp's date is on or after its letter's
    # (seed 6): 31 Oct. No year is printed: the letter's is taken, and said so.
    ("month-after-the-letter", "ด่วนภายใน ๓๑ A.A. เวลา ๑๒.๐๐ น.", "๓๐ ตุลาคม ๒๕๖๖", dt.date(2023, 10, 31),
     {"month_repaired", "year_inferred"}),
    # ๗ printed ซ in a stamp's day, alone (seed 12) or as its second place with
    # the year lost (seed 10: the letter's year taken, and said so).
    ("day-read-as-so-so", "ด่วนภายใน ซ มี.ค. ๒๕๖๘aa ๑๖.๓๐ น.", "๔ มีนาคม ๒๕๖๘", dt.date(2025, 3, 7),
     {"digit_repaired"}),
    ("second-place-so-so", "ด่วนภายใน ๒ซ พ.ค. เวลา ๑๖.๐๐ น.", "๒๒ พฤษภาคม ๒๕๖๗", dt.date(2024, 5, 27),
     {"digit_repaired", "year_inferred"}),
    # ซ in a word of the stamp's line is no digit.
    ("so-so-in-a-word", "ด่วนภายใน ๕ มี.ค. ๒๕๖๘ ซึ่ง", "๔ มีนาคม ๒๕๖๘", dt.date(2025, 3, 5), set()),
    # 20 Jul and 20 Aug are before a letter of 25 Aug, 20 Oct two months after.
    ("no-month-fits", "ด่วนภายใน ๒๐ A.A. ๒๕๖๘ เวลา ๑๒.๐๐ น.", "๒๕ สิงหาคม ๒๕๖๘", None, {"unreadable"}),
]


@pytest.mark.parametrize(("stamp", "letter_date", "want", "codes"), [c[1:] for c in URGENT],
                         ids=[c[0] for c in URGENT])
def test_glyphs_in_an_urgency_stamp(stamp, letter_date, want, codes):
    letter, warned = _parse("ให้ทราบ", letter_date, urgent=stamp)
    assert [d.date for d in letter.deadlines if d.source == "urgency"] == ([want] if want else [])
    assert warned == codes


def test_digit_lookalikes_are_thai_letters_for_thai_digits():
    from docintake.text import lexicon

    for glyph, digit in lexicon.DIGIT_GLYPH_LOOKALIKES.items():
        # a consonant, or the repetition mark: never a digit OCR can print
        assert ("ก" <= glyph <= "ฮ" or glyph == "ๆ") and len(glyph) == 1
        assert "๐" <= digit <= "๙" and len(digit) == 1  # one for one: positions in the text stay
