"""Deadline cues and month names OCR damaged in ways the sentence still
settles (analysis seeds 8, 10, 11), and deadlines whose date is not in the
text: those stay unread, with a warning that says what is missing."""

import datetime as dt

import pytest

from docintake.parse import parse_text
from docintake.parse.deadline_cues import count_read
from docintake.parse.deadlines import absolute_deadlines
from docintake.parse.spoiltdates import month_by_head
from docintake.text import lexicon

LETTER = """ที่ สน ๐๐๒๓.๔/๑๘๗๕ ศาลากลางจังหวัดสกลนคร
ถนนศูนย์ราชการ สน ๔๗๐๐๐
{letter_date}
เรื่อง การรายงานผล
เรียน นายอำเภอ ทุกอำเภอ
ด้วยจังหวัดแจ้งว่า ขอให้รายงานผลการดำเนินงาน {body}
จึงเรียนมาเพื่อทราบและดำเนินการต่อไป
ขอแสดงความนับถือ
(นายประเสริฐ นาคสวัสดิ์)
ผู้ว่าราชการจังหวัดสกลนคร"""


def _parse(body: str, letter_date: str):
    (letter,) = parse_text(LETTER.format(body=body, letter_date=letter_date)).letters
    warned = [w for w in letter.warnings if w.field == "deadlines"]
    return letter, {w.code for w in warned}, " ".join(w.message for w in warned)


CUES = [
    # (id, sentence as OCR'd, the deadlines a reader reads)
    # ที่ of ภายในวันจันทร์ที่ read as one Latin letter on the next line (seed 8);
    # 24 Jun 2567 is a Monday.
    ("weekday-then-latin-label", "ส่งให้อำเภอให้แล้วเสร็จภายในวันจันทร์\nN ๒๔ มิ.ย. ๒๕๖๗", [dt.date(2024, 6, 24)]),
    ("latin-after-plain-day", "ส่งให้อำเภอภายในวัน N ๒๔ มิ.ย. ๒๕๖๗", [dt.date(2024, 6, 24)]),
    # the weekday and ที่ both read as Latin, a quote speck before them (seed 125)
    ("quote-and-latin-for-weekday", "ให้จังหวัดทราบ ให้แล้วเสร็จภายในวัน\n“ws ๒๗ มีนาคม ๒๕๖๗", [dt.date(2024, 3, 27)]),
    ("quote-and-latin-no-cue", "ขอเชิญประชุมวัน\n“ws ๒๗ มีนาคม ๒๕๖๗", []),
    ("meeting-day-with-latin", "ขอเชิญประชุมวันจันทร์ N ๒๔ มิ.ย. ๒๕๖๗", []),
    # ก of ก่อน read as ภ (seed 8: ภ่อนวันที่), and ภ of ภายใน as ก.
    ("cue-consonant-lookalike", "ทาง Google Sheet ภ่อนวันที่ 20 ตุลาคม 2568", [dt.date(2025, 10, 20)]),
    ("other-cue-lookalike", "ให้แล้วเสร็จกายในวันที่ ๕ พฤษภาคม ๒๕๖๘", [dt.date(2025, 5, 5)]),
    ("withdraw-is-no-cue", "ขอถอนวันที่ ๕ พฤษภาคม ๒๕๖๘ ออกจากกำหนดการ", []),
    # ไม่เกินวันที่ with ไม่ ending a line and debris between (seed 10).
    ("cue-split-by-debris", "ส่งให้กรมส่งเสริมการปกครองท้องถิ่น ภายในไม่\nDe\nมีสิทธิรับเงิ\nเกินวันที่ ๑๗ กุมภาพันธ์ ๒๕๖๘",
     [dt.date(2025, 2, 17)]),
    # วัน's ั read as ุ (seed 38: 12 Apr 2567 is a Friday).
    ("label-vowel-misread", "ให้แล้วเสร็จภายในวุ้นศุกร์ที่ ๑๒ เม.ย. ๒๕๖๗", [dt.date(2024, 4, 12)]),
    # A speck read as a consonant between วันที่'s ว and its vowel (seed 136).
    ("label-speck-before-vowel", "รายงานที่กำหนด ทาง Google Sheet ภายในวจั่นที่ ๑ ต.ค. ๖๘", [dt.date(2025, 10, 1)]),
    ("label-speck-no-cue", "ขอเชิญประชุมวจั่นที่ ๑ ต.ค. ๖๘", []),
    # The weekday wrapped to the next line, a speck read as ๑ before it (seed 38).
    ("weekday-wrapped-after-speck", "ส่งให้จังหวัด ให้แล้วเสร็จภายในวัน\n๑ พฤหัสบดีที่ ๓๑ ตุลาคม พ.ศ. ๒๕๖๗",
     [dt.date(2024, 10, 31)]),
    ("weekday-wrapped-joined", "ส่งให้จังหวัด ให้แล้วเสร็จภายในวัน๑ พฤหัสบดีที่ ๓๑ ตุลาคม พ.ศ. ๒๕๖๗",
     [dt.date(2024, 10, 31)]),
    ("weekday-apart", "ส่งให้จังหวัด ภายในวัน พฤหัสบดีที่ ๓๑ ตุลาคม ๒๕๖๗", [dt.date(2024, 10, 31)]),
    # A word apart from วัน that is no weekday+ที่ makes no label.
    ("word-apart-is-no-weekday", "ให้ส่งภายในวัน ละ ๓๑ ตุลาคม ๒๕๖๗", []),
    # เกิน without the วันที่ label is no cue: "more than" a date is not a deadline.
    ("exceed-without-label", "หากส่งเกิน ๑๗ กุมภาพันธ์ ๒๕๖๘ จะไม่รับพิจารณา", []),
]


@pytest.mark.parametrize(("para", "want"), [c[1:] for c in CUES], ids=[c[0] for c in CUES])
def test_damaged_cue(para: str, want: list) -> None:
    assert [h.date for h, _ in absolute_deadlines(para)] == want


@pytest.mark.parametrize(("para", "want", "problems"), [
    ("ส่งให้อำเภอให้แล้วเสร็จภายในวันจันทร์\nN ๒๔ มิ.ย. ๒๕๖๗", dt.date(2024, 6, 24), []),
    # 25 Jun 2567 is a Tuesday: the printed Monday contradicts it; ๒๕ one digit
    # from ๒๔, the one near reading on a Monday, is taken, and said so.
    ("ส่งให้อำเภอให้แล้วเสร็จภายในวันจันทร์\nN ๒๕ มิ.ย. ๒๕๖๗", dt.date(2024, 6, 24), ["weekday_repaired:2024-06-25"]),
], ids=["weekday-agrees", "weekday-contradicts"])
def test_weekday_before_latin_label_is_checked(para: str, want: dt.date, problems: list) -> None:
    (hit, _), = absolute_deadlines(para)
    assert (hit.date, hit.weekday, hit.problems) == (want, 0, problems)


MONTHS = [
    # (id, sentence as OCR'd, letter date, deadlines, warning codes)
    # ก.พ.'s last dot read as a comma: A.W, is still ก.พ. (seed 10).
    ("glyph-month-comma", "และรวบรวมส่งให้จังหวัด ภายในวันที่ ๒๐ A.W, ๒๕๖๗", "๑๒ กุมภาพันธ์ ๒๕๖๗",
     [dt.date(2024, 2, 20)], {"month_repaired"}),
    # ธ.ค. with its ธ read as a digit, its ค read right (seed 28 memo).
    ("glyph-month-thai-second-letter", "ป้องกันโรคไข้เลือดออก\nภายในวันที่ ๑๙ 5.ค. ๖๖", "๑๕ ธันวาคม ๒๕๖๖",
     [dt.date(2023, 12, 19)], {"month_repaired"}),
    # พ.ย. read as Latin look-alikes split over two lines (seed 34): the printed Friday agrees.
    ("glyph-month-split-over-lines", "ผ่าน QR Code ท้ายหนังสือนี้ ภายในวันศุกร์ที่ ๘ w.\nJ. ๖๗", "๒๑ ตุลาคม ๒๕๖๗",
     [dt.date(2024, 11, 8)], {"month_repaired"}),
    # กุมภาพันธ์ with its tail lost, the year's line glued on (seed 10).
    ("month-tail-lost", "ให้จังหวัดทราบ ภายในวันที่ ๑๓ กุมภาพ๒๕๖๘ เพื่อจังหวัดจะได้รวบรวม", "๒๗ มกราคม ๒๕๖๘",
     [dt.date(2025, 2, 13)], {"month_repaired"}),
    ("month-tail-and-year-lost", "ให้จังหวัดทราบ ภายในวันที่ ๑๓ กุมภาพ", "๒๗ มกราคม ๒๕๖๘",
     [dt.date(2025, 2, 13)], {"month_repaired", "year_inferred"}),
    # A printed year far from the letter's: which part is wrong is not known.
    ("month-tail-lost-year-far", "ให้จังหวัดทราบ ภายในวันที่ ๑๓ กุมภาพ ๒๕๕๐", "๒๗ มกราคม ๒๕๖๘", [], {"unreadable"}),
    # Three letters are only กุมภาพันธ์'s head, but too few to tell a cut
    # month from a word: not read; the 13th of every month after the letter's
    # date is named as what it can be (deadlinechain).
    ("head-too-short", "ให้จังหวัดทราบ ภายในวันที่ ๑๓ กุม ๒๕๖๘", "๒๗ มกราคม ๒๕๖๘", [],
     {"unreadable", "deadline_ambiguous"}),
]


@pytest.mark.parametrize(("body", "letter_date", "want", "codes"), [c[1:] for c in MONTHS],
                         ids=[c[0] for c in MONTHS])
def test_damaged_month(body: str, letter_date: str, want: list, codes: set) -> None:
    letter, warned, _ = _parse(body, letter_date)
    assert [d.date for d in letter.deadlines] == want
    assert warned == codes
    if want:
        assert letter.confidence["deadlines"] <= 0.5


@pytest.mark.parametrize(("token", "want"), [
    ("กุมภาพ", 2), ("พฤศจิ", 11), ("พฤษภ", 5), ("ธันวา", 12), ("กุมภาพันธ์", None), ("พฤ", None), ("มกราคน", None),
], ids=["feb", "nov", "may", "dec", "whole-name", "too-short", "not-a-head"])
def test_month_by_head(token: str, want: int | None) -> None:
    assert month_by_head(token) == want


UNREAD = [
    # (id, sentence as OCR'd, words the warning must hold)
    # A speck between the cue and วันที่, the month illegible (seed 10).
    ("speck-then-illegible-month", "ให้แล้วเสร็จภายใน วั วันที่ 5Ae. 2568", "deadline date not readable"),
    # The line after the day lost: month and year gone (seed 11).
    ("day-ends-paragraph", "เห็นควรให้รายงานข้อมูลผู้มีสิทธิรับเงินเบี้ยยังชีพ ก่อนวันที่ ๑", "deadline date not readable"),
    # ภายใน ๗ วัน with ๗ lost and วัน read as Tu (seed 11): how many days?
    ("count-lost", "ขอได้โปรดแจ้งตอบ ภายใน Tu นับแต่วันที่ได้รับหนังสือนี้", "number of days"),
]


@pytest.mark.parametrize(("body", "words"), [c[1:] for c in UNREAD], ids=[c[0] for c in UNREAD])
def test_cue_without_readable_date_is_warned(body: str, words: str) -> None:
    letter, warned, messages = _parse(body, "๒๕ ตุลาคม ๒๕๖๗")
    assert letter.deadlines == []
    assert "unreadable" in warned and words in messages


def test_day_with_words_after_it_is_no_lost_date() -> None:
    # A day of every month: words follow the day, nothing was lost.
    letter, warned, _ = _parse("จ่ายเงินให้ผู้มีสิทธิภายในวันที่ ๑๐ ของทุกเดือน", "๒๕ ตุลาคม ๒๕๖๗")
    assert letter.deadlines == [] and "unreadable" not in warned


@pytest.mark.parametrize(("sentence", "want"), [
    ("ภายใน ๗ วัน นับแต่วันที่ได้รับหนังสือนี้", True), ("ภายใน ๑๐ นับแต่วันที่ได้รับ", True),
    ("ภายใน Tu นับแต่วันที่ได้รับหนังสือนี้", False), ("ภายใน วัน นับแต่วันที่ได้รับ", False),
], ids=["clean", "unit-lost", "count-lost-latin-unit", "count-lost"])
def test_count_read(sentence: str, want: bool) -> None:
    assert count_read(sentence) is want


def test_cue_lookalike_tables() -> None:
    for letter, alikes in lexicon.CUE_CONSONANT_LOOKALIKES.items():
        assert "ก" <= letter <= "ฮ" and alikes and all("ก" <= c <= "ฮ" for c in alikes)
    assert all(any(cue.endswith(c) for cue in lexicon.DEADLINE_CUES) for c in lexicon.DEADLINE_LABEL_CUES)
    # Look-alikes of the label's ว are consonants, none ว itself.
    assert lexicon.LABEL_WO_LOOKALIKES and all("ก" <= c <= "ฮ" and c != "ว" for c in lexicon.LABEL_WO_LOOKALIKES)
    # The label's headless forms are tails of วันที่ that lost at least its ว.
    assert lexicon.LABEL_HEADLESS and all("วันที่".endswith(t) and len(t) < len("วันที่") for t in lexicon.LABEL_HEADLESS)
