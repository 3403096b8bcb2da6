"""Deadline cues as the project's OCR prints them (seed-1 dumps)."""

import datetime as dt

import pytest

from docintake.parse import parse_text
from docintake.parse.deadlines import absolute_deadlines, find_deadlines, is_deadline_cue

CASES = [
    ("weekday-garbled-to-one-letter", "จังหวัดทราบ ภายในวันพที่ ๑๙ กุมภาพันธ์ ๒๕๖๘", dt.date(2025, 2, 19)),
    ("dot-after-label", "ให้อำเภอทราบ ภายในวันที่. ๑๙ มีนาคม พ.ศ. ๒๕๖๗ เพื่ออำเภอ", dt.date(2024, 3, 19)),
    ("stray-vowel-after-label", "ภายในไม่เกินวันที่า ๒๘ มีนาคม ๒๕๖๗", dt.date(2024, 3, 28)),
    ("clean", "ให้แล้วเสร็จภายในวันที่ ๕ พฤษภาคม ๒๕๖๘", dt.date(2025, 5, 5)),
    # วันที่ read as a short Latin word, on the cue's line or the next (seeds 1, 3).
    ("label-read-latin", "ให้แล้วเสร็จภายใน Tun ๑๖ ก.ย. ๖๗", dt.date(2024, 9, 16)),
    ("label-read-latin-wrapped", "ให้แล้วเสร็จภายใน\nFul ๘ ก.ค. ๒๕๖๗ หากพ้นกำหนด", dt.date(2024, 7, 8)),
    ("latin-without-cue", "ตามที่แจ้ง Tun ๑๖ ก.ย. ๖๗", None),
    # One speck between the cue and วันที่ (seeds 6, 7).
    ("stutter-before-label", "ส่งให้อำเภอให้แล้วเสร็จ\nภายใน วัา วันที่ ๘ กุมภาพันธ์ ๒๕๖๗", dt.date(2024, 2, 8)),
    # Seed 26: OCR put a space inside the label, and the month wrapped to the next line.
    # Seed 27: a dash and a speck between the label and the day.
    ("dash-and-dot-before-day", "รายงานทาง Google Sheet ก่อนวันที่-.๑๘ มีนาคม ๒๕๖๘", dt.date(2025, 3, 18)),
    ("space-inside-label", "ส่งให้อำเภอให้แล้วเสร็จภายใน วั นที ๓๐\nกันยายน ๒๕๖๗", dt.date(2024, 9, 30)),
    ("speck-before-label", "ให้จังหวัดทราบ ให้แล้วเสร็จภายใน 4 วันที่ ๑๑\nสิงหาคม พ.ศ. ๒๕๖๘", dt.date(2025, 8, 11)),
    # Seed 22: the label's ว read as จ (lexicon.LABEL_WO_LOOKALIKES), the year wrapped.
    ("label-wo-read-as-cho", "ให้จังหวัดทราบ ก่อนจันที่ ๒๗ พฤศจิกายน\n๒๕๖๘", dt.date(2025, 11, 27)),
    # Seed 112: ก่อน's อ read as ฮ (lexicon.CUE_CONSONANT_LOOKALIKES), Arabic digits.
    ("cue-o-read-as-ho-seed112", "รายงานผลการคัดแยกขยะ ให้จังหวัดทราบ ก่ฮนวันที่ 31 ต.ค. 2566", dt.date(2023, 10, 31)),
    # Seed 110: the label lost its ว (and ั) at a damaged line start, the cue ending the line above.
    ("label-lost-its-head-seed110", "ส่งให้อำเภอให้แล้วเสร็จภายใน\nนที ๑๑ สิงหาคม พ.ศ. ๒๕๖๘", dt.date(2025, 8, 11)),
    ("label-lost-its-wo", "ส่งให้อำเภอให้แล้วเสร็จภายใน ันที่ ๑๑ สิงหาคม ๒๕๖๘", dt.date(2025, 8, 11)),
    # ... but another word opening with น after the cue is no label.
    ("no-word-after-cue", "ให้นำส่งก่อนนำเสนอ ๑๑ สิงหาคม ๒๕๖๘", None),
    # ... and จ opening another word after the cue is no label.
    ("cho-word-after-cue", "ก่อนจัดประชุม ๒๗ พฤศจิกายน ๒๕๖๘", None),
    # Two words between the cue and the date: not a speck, no deadline.
    ("words-between", "ก่อนการประชุม วันที่ ๑๑ สิงหาคม ๒๕๖๘", None),
    # A reference's ลงวันที่ date is still not a deadline.
    ("reference-date", "ตามหนังสือ ที่ ชย ๐๐๒๓.๖/๑๒๓ ลงวันที่ ๒ มิถุนายน ๒๕๖๘", None),
]


@pytest.mark.parametrize(("para", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_noisy_deadline(para: str, want: dt.date | None) -> None:
    got = [h.date for h, _ in absolute_deadlines(para)]
    assert got == ([want] if want else [])


@pytest.mark.parametrize(("before", "want"), [
    ("ลงวันที่ ", False), ("ประชุมวันที่ ", False), ("ก่อนวันที่ ", True), ("ไม่เกินวันศุกร์ที่ ", True),
], ids=["signed-on", "meeting-day", "before-day", "weekday"])
def test_cue(before: str, want: bool) -> None:
    assert is_deadline_cue(before) is want


BODY_LETTER = """ที่ พช ๐๐๒๓.๑๔/๑๒๑๘ ที่ว่าการอำเภอหล่มสัก
ถนนพินิจ พช ๖๗๑๑๐
{letter_date}
เรื่อง การประชุม
เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง
ด้วยจังหวัดแจ้งว่า จะจัดประชุม ขอให้ส่งแบบตอบรับการเข้าร่วม ให้อำเภอทราบ ไม่เกินวันที่ {deadline}
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
นายอำเภอหล่มสัก"""

YEARS = [
    # 2666 for 2566: one digit fixes it, and only one -> repaired, warned.
    ("one-digit-fix", "25 ธันวาคม 2566", "20 ธันวาคม 2666", [dt.date(2023, 12, 20)], "year_repaired"),
    # Far out and no single digit brings it near the letter: withdrawn, warned.
    ("no-fix-withdrawn", "25 ธันวาคม 2566", "20 ธันวาคม 2699", [], "year_implausible"),
    ("plausible-kept", "25 ธันวาคม 2566", "20 มกราคม 2567", [dt.date(2024, 1, 20)], None),
    # Decades before the letter (seed 3: ๒๕๒๕ for ๒๕๖๘, the stock model's ๖->๒ ๘->๕):
    # the year is spoilt, not late; day and month stand, the year is the letter's.
    ("far-before-year-inferred", "๑๐ ตุลาคม ๒๕๖๘", "๒๐ ต.ค. ๒๕๒๕", [dt.date(2025, 10, 20)], "year_inferred"),
    ("pre-era-weekday-disagrees", "๑๐ ตุลาคม ๒๕๖๘", "วันพุธที่ ๒๐ ต.ค. ๒๕๒๕", [], "year_implausible"),
    # A year before it by one digit (2558 for 2568): repaired.
    ("before-one-digit-fix", "๑๐ ตุลาคม ๒๕๖๘", "๒๐ ต.ค. ๒๕๕๘", [dt.date(2025, 10, 20)], "year_repaired"),
    # Overdue on arrival by days is kept as printed (the plausibility check warns).
    ("days-before-kept", "๑๖ มิถุนายน ๒๕๖๘", "๑๑ มิถุนายน ๒๕๖๘", [dt.date(2025, 6, 11)], None),
]


@pytest.mark.parametrize(("letter_date", "deadline", "want", "code"), [c[1:] for c in YEARS],
                         ids=[c[0] for c in YEARS])
def test_deadline_year(letter_date: str, deadline: str, want: list, code: str | None) -> None:
    (letter,) = parse_text(BODY_LETTER.format(letter_date=letter_date, deadline=deadline)).letters
    assert [d.date for d in letter.deadlines] == want
    codes = {w.code for w in letter.warnings if (w.field or "").startswith("deadlines")}
    assert (code in codes) if code else not codes & {"year_repaired", "year_implausible"}


@pytest.mark.parametrize(("body", "want"), [
    ("ให้จังหวัดทราบ ภายใน\n\nล้\nวันที่ ๑๘ เมษายน ๒๕๖๘", dt.date(2025, 4, 18)),
    ("ส่งให้อำเภอก่อนวันที ๒๖\n\na\n\nมีนาคม ๒๕๖๘", dt.date(2025, 3, 26)),
    ("ให้แล้วเสร็จภายใน วันที่ ๕ พฤษภาคม ๒๕๖๘\n\n๐- 1", dt.date(2025, 5, 5)),
    # A wrapped year alone on its line is not debris.
    ("ภายในวันที ๑๔ มีนาคม พ.ศ.\n๒๕๖๘", dt.date(2025, 3, 14)),
], ids=["mark-debris-line", "latin-debris-line", "digit-debris-after-year", "wrapped-year"])
def test_debris_line_between_cue_and_date(body: str, want: dt.date) -> None:
    text = BODY_LETTER.replace("ด้วยจังหวัดแจ้งว่า จะจัดประชุม ขอให้ส่งแบบตอบรับการเข้าร่วม ให้อำเภอทราบ ไม่เกินวันที่ {deadline}",
                               "ด้วยจังหวัดแจ้งว่า " + body)
    (letter,) = parse_text(text.format(letter_date="๑๐ มีนาคม ๒๕๖๘")).letters
    assert [d.date for d in letter.deadlines] == [want]


YEARLESS = [
    ("year-garbled-latin", "ขอได้โปรดแจ้งตอบ ภายในวันที่ ๒๖ กันยายน we.", "๑๒ กันยายน ๒๕๖๗", [dt.date(2024, 9, 26)],
     "year_inferred"),
    # ๕๖๗: the leading ๒ lost; one era year (๒๕๖๗) fits, read from the date itself.
    ("year-lost-digit", "ส่งให้จังหวัด ไม่เกินวันที ๖ ธ.ค. ๕๖๗", "๒๒ พฤศจิกายน ๒๕๖๗", [dt.date(2024, 12, 6)],
     "year_restored"),
    ("year-across-new-year", "ภายในวันที่ ๕ มกราคม", "๒๐ ธันวาคม ๒๕๖๗", [dt.date(2025, 1, 5)], "year_inferred"),
    # No cue: a day and month alone is not a deadline.
    ("no-cue", "ประชุมเมื่อ ๕ มกราคม", "๒๐ ธันวาคม ๒๕๖๗", [], None),
]


@pytest.mark.parametrize(("body", "letter_date", "want", "code"), [c[1:] for c in YEARLESS],
                         ids=[c[0] for c in YEARLESS])
def test_year_inferred_from_letter(body: str, letter_date: str, want: list, code: str | None) -> None:
    text = BODY_LETTER.replace("ด้วยจังหวัดแจ้งว่า จะจัดประชุม ขอให้ส่งแบบตอบรับการเข้าร่วม ให้อำเภอทราบ ไม่เกินวันที่ {deadline}",
                               "ด้วยจังหวัดแจ้งว่า " + body)
    (letter,) = parse_text(text.format(letter_date=letter_date)).letters
    assert [d.date for d in letter.deadlines] == want
    codes = {w.code for w in letter.warnings} & {"year_inferred", "year_restored"}
    assert codes == ({code} if code else set())
    if want:
        assert letter.confidence["deadlines"] <= (0.5 if code == "year_inferred" else 0.7)


def test_urgency_deadline_year_inferred() -> None:
    text = BODY_LETTER.replace("ที่ พช", "ด่วนภายใน ๒๘ มีนจคม เวลา ๑๕.๐๐ น.\nที่ พช").format(
        letter_date="๒๑ มีนาคม ๒๕๖๘", deadline="๓๐ มีนาคม ๒๕๖๘")
    (letter,) = parse_text(text).letters
    assert [(d.date, d.source) for d in letter.deadlines] == [(dt.date(2025, 3, 28), "urgency"),
                                                              (dt.date(2025, 3, 30), "body")]
    assert "year_inferred" in {w.code for w in letter.warnings}


RELATIVE = [
    # วัน read as a short Latin word, in the unit's place before นับแต่ (seed 7).
    ("unit-read-latin", "ส่งให้กรมส่งเสริมการปกครองท้องถิ่น ภายใน ๑๕ Su นับแต่วันที่ได้รับหนังสือนี้",
     dt.date(2025, 5, 8), dt.date(2025, 5, 23)),
    ("unit-latin-without-from", "ภายใน ๑๕ Su ของเดือน", dt.date(2025, 5, 8), None),
    # A dash of debris after the unit (seed 17): still seven days from the base.
    ("dash-after-unit", "ให้อำเภอทราบ ภายใน ๗ วัน- นับแต่วันที่ได้รับหนังสือนี้ เพื่ออำเภอจะได้รวบรวมรายงาน",
     dt.date(2024, 8, 2), dt.date(2024, 8, 9)),
    ("dot-after-unit", "ภายใน ๑๐ วัน. นับแต่ได้รับหนังสือฉบับนี้", dt.date(2024, 8, 2), dt.date(2024, 8, 12)),
    # A speck read as a quote mark before นับแต่ (seed 59: a district's letter to 6 LAOs).
    ("quote-before-from", "แล้วส่งให้อำเภอทราบ ภายใน ๕ วัน “นับแต่วันที่ได้รับหนังสือนี้ หากพันกำหนด",
     dt.date(2024, 8, 29), dt.date(2024, 9, 3)),
    # A speck between the count and its unit (seed 36).
    ("dot-before-unit", "แล้วส่งให้อำเภอทราบ ภายใน 10.วัน นับแต่วันที่ได้รับหนังสือนี้ หากพันกำหนด",
     dt.date(2023, 11, 29), dt.date(2023, 12, 9)),
    ("dash-before-unit", "ภายใน ๑๐-วัน นับแต่วันที่ได้รับหนังสือนี้", dt.date(2024, 11, 19), dt.date(2024, 11, 29)),
    # ... but a decimal is no count.
    ("decimal-count", "ภายใน 1.5 วัน นับแต่วันที่ได้รับหนังสือนี้", dt.date(2024, 11, 19), None),
    # A bracket speck after ภายใน at a line's end (seed 27).
    ("bracket-after-within", "ส่งแบบตอบรับการเข้าร่วม ให้อำเภอทราบ ภายใน] ๗ วัน นับแต่วันที่ได้รับหนังสือนี้",
     dt.date(2023, 11, 20), dt.date(2023, 11, 27)),
    # A hyphen and a dot after it (seed 73: a province's circular to 14 LAOs).
    ("two-specks-after-within", "การดำเนินงานป้องกันโรคไข้เลือดออก ให้จังหวัดทราบ ภายใน-.๑๐ วัน นับแต่วันที่ได้รับหนังสือนี้",
     dt.date(2024, 6, 27), dt.date(2024, 7, 7)),
]


@pytest.mark.parametrize(("para", "base", "want"), [c[1:] for c in RELATIVE], ids=[c[0] for c in RELATIVE])
def test_noisy_relative_deadline(para: str, base: dt.date, want: dt.date | None) -> None:
    found, _ = find_deadlines([para], base)
    assert [d.date for d in found if d.relative] == ([want] if want else [])


BASES = [
    # The receipt stamp's year spoilt like a deadline's (๒๕๒๕ for ๒๕๖๗, seed 7): the
    # stamp's day and month count from the letter's year, and the caller warns.
    ("stamp-year-spoilt", dt.date(1982, 1, 30), dt.date(2024, 1, 26), dt.date(2024, 2, 14), True),
    ("stamp-plausible", dt.date(2024, 1, 30), dt.date(2024, 1, 26), dt.date(2024, 2, 14), False),
    # The letter's own year is the spoilt one: nothing to take a year from.
    ("letter-year-spoilt", dt.date(2024, 1, 30), dt.date(1982, 1, 26), dt.date(2024, 2, 14), False),
]


@pytest.mark.parametrize(("base", "letter_date", "want", "warned"), [c[1:] for c in BASES],
                         ids=[c[0] for c in BASES])
def test_relative_base_with_spoilt_year(base, letter_date, want, warned) -> None:
    inferred: list = []
    found, _ = find_deadlines(["ให้จังหวัดทราบ ภายใน 15 วันนับแต่ได้รับหนังสือ"], base, year_ref=letter_date,
                              inferred=inferred)
    assert [d.date for d in found] == [want]
    assert bool(inferred) is warned


GLYPHS = [
    # (id, deadline sentence as OCR'd, letter date, deadlines, warning code on deadlines)
    # ก.ย. printed 1.8. (seeds 1, 6): ก->1, ย->8 leave one month.
    ("digits-for-letters", "ให้แล้วเสร็จภายใน Tun ๑๖ 1.8. ๖๗", "๒๙ สิงหาคม ๒๕๖๗", [dt.date(2024, 9, 16)],
     "month_repaired"),
    # ก.พ. printed AW. (seed 6), the printed weekday agrees.
    ("latin-for-letters", "ภายในวันพุธที่ ๕ AW. ๖๘", "๒๘ มกราคม ๒๕๖๘", [dt.date(2025, 2, 5)], "month_repaired"),
    ("year-missing-too", "ส่งให้จังหวัด ไม่เกินวันที่ ๑๖ 6A.", "๒ ธันวาคม ๒๕๖๗", [dt.date(2024, 12, 16)],
     "month_repaired"),
    # A.A. is ก.ค., ส.ค. or ต.ค.: all three fall near a letter of 5 Aug, so none is read ...
    ("ambiguous-unread", "ก่อนวันที่ ๑๙ A.A. ๒๕๖๗", "๕ สิงหาคม ๒๕๖๗", [], "unreadable"),
    # ... unless the printed weekday leaves one (19 Jul 2024 is the Friday).
    ("weekday-decides", "ภายในวันศุกร์ที่ ๑๙ A.A. ๒๕๖๗", "๕ สิงหาคม ๒๕๖๗", [dt.date(2024, 7, 19)],
     "month_repaired"),
    # The weekday contradicts the only month the glyphs allow: unread.
    ("weekday-contradicts", "ภายในวันจันทร์ที่ ๕ AW. ๖๘", "๒๘ มกราคม ๒๕๖๘", [], "unreadable"),
    # Not after a deadline cue: a reference's date is left to the reference reader.
    ("no-cue", "ตามหนังสือจังหวัด ลงวันที่ ๕ A.A. ๒๕๖๗", "๕ สิงหาคม ๒๕๖๗", [], None),
]


@pytest.mark.parametrize(("body", "letter_date", "want", "code"), [c[1:] for c in GLYPHS], ids=[c[0] for c in GLYPHS])
def test_month_printed_as_latin_lookalikes(body: str, letter_date: str, want: list, code: str | None) -> None:
    text = BODY_LETTER.replace("ด้วยจังหวัดแจ้งว่า จะจัดประชุม ขอให้ส่งแบบตอบรับการเข้าร่วม ให้อำเภอทราบ ไม่เกินวันที่ {deadline}",
                               "ด้วยจังหวัดแจ้งว่า ขอให้รายงานผล " + body)
    (letter,) = parse_text(text.format(letter_date=letter_date)).letters
    assert [d.date for d in letter.deadlines] == want
    codes = {w.code for w in letter.warnings if w.field == "deadlines"}
    assert (code in codes) if code else not codes
    if want:
        assert letter.confidence["deadlines"] <= 0.5
