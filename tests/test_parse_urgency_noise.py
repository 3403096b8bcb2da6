"""The urgency stamp as the project's OCR prints it (seed-1 dumps)."""

import datetime as dt

import pytest

from docintake.parse import parse_text

LETTER = """{stamp}
ที่ ชม ๐๐๒๓.๑๖/๒๑๗๑ ที่ว่าการอำเภอฝาง
ถนนโชตนา ชม ๕๐๑๑๐
๑ กรกฎาคม ๒๕๖๘
เรื่อง การประชุม
เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง
ด้วยอำเภอแจ้งว่า จะจัดประชุม
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
นายอำเภอฝาง"""

CASES = [
    ("split-word-ti-lost", "ด่วน สุด", "ด่วนที่สุด", True),
    ("split-word", "ด่วน ที่สุด", "ด่วนที่สุด", True),
    ("split-mak", "ด่วน มาก", "ด่วนมาก", True),
    # Cut after a damaged first half, beside the receipt stamp's date (seed 13).
    ("split-after-ti", "ด่วนที่ สุด วันที่ ๑๘ ธ.ค. ๒๕๖๖", "ด่วนที่สุด", True),
    ("split-after-tho-marks-lost", "ด่วนท สุด", "ด่วนที่สุด", True),
    ("damaged-half-alone", "ด่วนที่ ประชุม", None, False),
    # ที่ read as one letter, the stamp cut after it (seed 62).
    ("split-after-ti-read-as-letter", "ด่วนก สุด", "ด่วนที่สุด", True),
    ("duan-then-a-word", "ด่วนกว่า สุด", None, False),
    # The stamp cut into three pieces, its ที่ marks lost (seed 17).
    ("split-in-three", "ด่วนท สุ ด", "ด่วนที่สุด", True),
    # A reference line that opens with ด่วน ที่ and a prefix is no split stamp.
    ("reference-not-split", "ด่วน ที่ มท ๐๘๑๐.๖/ว ๑๖๗๖ ลงวันที่ ๒๒", "ด่วน", False),
    # The red stamp's vowels lost, every letter standing (seed 14).
    ("tail-vowels-lost", "ด่วนทสด", "ด่วนที่สุด", True),
    # ... and its ด่วน lost as well, on the receipt stamp's lines (seed 14).
    ("tail-alone-vowels-lost", "ทสด\n4 เวลา 10.50 หน.", "ด่วนที่สุด", True),
    ("clean", "ด่วนที่สุด", "ด่วนที่สุด", False),
    # Only ด่วน printed (the rest of the red stamp lost): read as printed.
    ("plain", "ด่วน", "ด่วน", False),
    # Only the stamp's tail kept, on the receipt stamp's date line, ด่วน read
    # as Latin (seeds 1 and 3): ที่สุด is the only urgency that ends in สุด.
    ("tail-on-receipt-line", "สุด วันที่ ๕ ต.ค. ๒๕๖๖\nSD.", "ด่วนที่สุด", True),
    ("tail-vowel-lost", "สด วันที่ ๘ พ.ค. ๒๕๖๗\nSD.", "ด่วนที่สุด", True),
    ("tail-speck-glued", "ง\nกสุด", "ด่วนที่สุด", True),
    ("tail-below-duan", "ด่วน\n=ร2.\nสุด", "ด่วนที่สุด", True),
    ("not-a-tail", "สุดท้าย", None, False),
    # The stamp read in Latin look-alikes (seeds 3, 6, 7), whole or its tail
    # (S for ส, one glyph for ุด, the full stop) above what is left of ด่วน.
    ("stamp-read-latin", "AIUNAA", "ด่วนที่สุด", True),
    ("latin-tail-above-duan", "SD.\nด่วน", "ด่วนที่สุด", True),
    ("latin-tail-digit", "S2.", "ด่วนที่สุด", True),
    ("latin-word-no-tail", "SDX\nด่วน", "ด่วน", False),
    # A digit glued to the first half of a split stamp (seed 3); alone it says
    # nothing of the rest of the stamp, so it stays unread.
    ("split-word-digit-glued", "ด่วน1 สุด", "ด่วนที่สุด", True),
    ("digit-glued-alone", "ด่วน1", None, False),
]


@pytest.mark.parametrize(("stamp", "want", "warned"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_urgency_stamp(stamp: str, want: str, warned: bool) -> None:
    (letter,) = parse_text(LETTER.format(stamp=stamp)).letters
    assert letter.urgency == want
    assert ("urgency_corrected" in {w.code for w in letter.warnings}) is warned
    if want is not None:  # no stamp read has its own (absence) confidence
        assert (letter.confidence["urgency"] < 1.0) is warned


URGENT_BY = [
    # A speck glued in front of ด่วนภายใน (seeds 6 and 7).
    ("quote-glued", '"ด่วนภายใน ๑๐ กรกฎาคม ๒๕๖๘ เวลา ab.', dt.date(2025, 7, 10)),
    ("dot-glued", ".ด่วนภายใน ๑๐ กรกฎาคม ๒๕๖๘ เว", dt.date(2025, 7, 10)),
    ("hyphen-glued", "-ด่วนภายใน ๑๐ ก.ค. ๒๕๖๘ เวลา ๑๒.๐๐ น.", dt.date(2025, 7, 10)),  # seed 57
    # The space between day and month read as a hyphen (seed 7).
    ("day-month-hyphen", "ด่วนภายใน ๑๐-กรกฎาคม ๒๕๖๘ เวลา", dt.date(2025, 7, 10)),
    ("clean", "ด่วนภายใน ๑๐ ก.ค. ๒๕๖๘ เวลา ๑๖.๐๐ น.", dt.date(2025, 7, 10)),
    # A digit of the year lost to a colon (seed 14): the year is the letter's.
    ("year-digit-lost-to-colon", "ด่วนภายใน 10 กรกฎาคม 25:8 เวลา 16.00", dt.date(2025, 7, 10)),
    # ด่วน read as a look-alike, as in ต่วนที่สุด (seed 37).
    ("head-read-as-to-tao", "ต่วนภายใน 16 มิถุนายน 2568 เวลา 16.00 น.", dt.date(2025, 6, 16)),
    ("head-read-as-dan", "ด่านภายใน ๑๐ ก.ค. ๒๕๖๘ เวลา ๑๖.๐๐ น.", dt.date(2025, 7, 10)),
]


@pytest.mark.parametrize(("stamp", "want"), [c[1:] for c in URGENT_BY], ids=[c[0] for c in URGENT_BY])
def test_urgent_by_deadline(stamp: str, want: dt.date) -> None:
    (letter,) = parse_text(LETTER.format(stamp=stamp)).letters
    assert letter.urgency == "ด่วน"
    assert [(d.date, d.source) for d in letter.deadlines][:1] == [(want, "urgency")]
    assert ("urgency_corrected" in {w.code for w in letter.warnings}) is stamp.lstrip('".-').startswith(("ต", "ด่าน"))


def test_a_lookalike_head_alone_is_no_urgent_by() -> None:
    # ต่วน alone or before another word says nothing: only the whole stamp word counts.
    (letter,) = parse_text(LETTER.format(stamp="ต่วนภาย ๑๐ ก.ค. ๒๕๖๘")).letters
    assert [d.source for d in letter.deadlines if d.source == "urgency"] == []


GLYPH_MONTHS = [
    # Seed 6: A.A. is ก.ค., ส.ค. or ต.ค.; on a letter of 30 ต.ค. 2566 only
    # ต.ค. puts the stamp's deadline on or after the letter.
    ("one-month-after-letter", "๓๐ ตุลาคม ๒๕๖๖", "ด่วนภายใน ๓๑ A.A. เวลา ๑๒.๐๐", dt.date(2023, 10, 31)),
    # Seed 3: the year printed; ก.ค. and ส.ค. are before the letter of 10 ต.ค.
    ("year-printed", "๑๐ ตุลาคม ๒๕๖๘", "ด่วนภายใน ๑๔ A.A. ๒๕๖๘ 1941 ๑๐.๐๗", dt.date(2025, 10, 14)),
    # On a letter of 1 ก.ค., 31 ก.ค. and 31 ส.ค. both fit: not read.
    # 31 Jul and 31 Aug both fall within a month of a letter of 31 Jul: unread.
    ("two-months-fit", "๓๑ กรกฎาคม ๒๕๖๘", "ด่วนภายใน ๓๑ A.A. ๒๕๖๘ เวลา ๑๒.๐๐", None),
]


@pytest.mark.parametrize(("date", "stamp", "want"), [c[1:] for c in GLYPH_MONTHS], ids=[c[0] for c in GLYPH_MONTHS])
def test_urgent_by_glyph_month(date: str, stamp: str, want: dt.date | None) -> None:
    text = LETTER.format(stamp=stamp).replace("๑ กรกฎาคม ๒๕๖๘", date)
    (letter,) = parse_text(text).letters
    urgent = [d.date for d in letter.deadlines if d.source == "urgency" and d.date]
    assert urgent == ([want] if want else [])
    assert ("month_repaired" in {w.code for w in letter.warnings}) is (want is not None)


URGENT_WEEKDAYS = [
    # (id, stamp, the ด่วนภายใน date, warning codes on deadlines)
    # 1 Jul 2025 is a Tuesday; printed Wednesday: 2 Jul, 9 Jul and 1 Jul 2026
    # are Wednesdays one digit away, none through a confusion of this OCR
    # (๑ has none): the date as read, the contradiction warned.
    ("weekday-contradicts", "ด่วนภายในวันพุธที่ ๑ กรกฎาคม ๒๕๖๘", dt.date(2025, 7, 1), {"weekday_mismatch"}),
    # 5 Jul 2025 (a Saturday) printed Monday: 7 Jul is the one Monday a digit away.
    ("weekday-one-reading", "ด่วนภายในวันจันทร์ที่ ๕ กรกฎาคม ๒๕๖๘", dt.date(2025, 7, 7), {"weekday_repaired"}),
    # 5 Jul 2025 printed Tuesday: 1 and 8 Jul are Tuesdays a digit away; ๘
    # printed as ๕ is this OCR's confusion: 8 Jul.
    ("weekday-repairs", "ด่วนภายในวันอังคารที่ ๕ กรกฎาคม ๒๕๖๘", dt.date(2025, 7, 8), {"weekday_repaired"}),
    ("weekday-agrees", "ด่วนภายในวันอังคารที่ ๘ กรกฎาคม ๒๕๖๘", dt.date(2025, 7, 8), set()),
]


@pytest.mark.parametrize(("stamp", "want", "codes"), [c[1:] for c in URGENT_WEEKDAYS],
                         ids=[c[0] for c in URGENT_WEEKDAYS])
def test_urgent_by_weekday_checked(stamp: str, want: dt.date, codes: set) -> None:
    (letter,) = parse_text(LETTER.format(stamp=stamp)).letters
    assert [d.date for d in letter.deadlines if d.source == "urgency"] == [want]
    assert {w.code for w in letter.warnings if w.code.startswith("weekday_")} == codes


CUE_LOST = [
    # (id, stamp lines, the ด่วนภายใน deadline read, or None)
    # seed 142: the red ด่วนภายใน read as ก under ด่วนที่สุด
    ("cue-read-as-a-letter", "ด่วนที่สุด\nก ๑๖ ก.ค. ๒๕๖๘ เวลา ๑๖.๐๐", dt.date(2025, 7, 16)),
    ("cue-lost-whole", "ด่วนที่สุด\n๑๖ ก.ค. ๒๕๖๘ เวลา ๑๖.๐๐ น.", dt.date(2025, 7, 16)),
    # no urgency stamp read: a date and hour alone are no stamp's
    ("no-stamp", "ก ๑๖ ก.ค. ๒๕๖๘ เวลา ๑๖.๐๐", None),
    # a receipt stamp's date labels itself, and its hour stands on a line of its own
    ("receipt-date", "ด่วนที่สุด\nวันที่ ๑๖ ก.ค. ๒๕๖๘ เวลา ๑๖.๐๐", None),
    ("no-hour", "ด่วนที่สุด\nก ๑๖ ก.ค. ๒๕๖๘", None),
]


@pytest.mark.parametrize(("stamp", "want"), [c[1:] for c in CUE_LOST], ids=[c[0] for c in CUE_LOST])
def test_urgent_by_with_its_cue_lost(stamp: str, want: dt.date | None) -> None:
    (letter,) = parse_text(LETTER.format(stamp=stamp)).letters
    assert letter.urgency == "ด่วนที่สุด" or want is None
    urgent = [d.date for d in letter.deadlines if d.source == "urgency"]
    assert urgent == ([want] if want else [])
    assert ("urgent_by_cue_lost" in {w.code for w in letter.warnings}) is (want is not None)
