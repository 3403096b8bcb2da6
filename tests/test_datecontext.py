"""A letter date with several readings, settled by a date the letter cannot
postdate (replayed OCR of seeds 6, 9, 10): taken only when one reading is
left, with a date_inferred warning and low confidence."""

import datetime as dt

import pytest

from docintake.parse import parse_text
from docintake.parse.datecontext import Reading, date_readings, settle

READINGS = [
    # A.A. is ก.ค., ส.ค. or ต.ค.; the running number after the slash is no day.
    ("memo-latin-month", "ที่ รอ ๗๖๕๖๐/๙๔๖ วันที่ ๙ AA. ๒๕๖๖", [(9, {7, 8, 10}, 2023)]),
    # T is no letter the look-alike table knows: any month with A's shapes after it.
    ("memo-one-glyph-unread", "ท UN ๓๕๐๐๒๓๓๑ส9 วนท ๑๙ T.A. ๒๕๖๗", [(19, {1, 3, 5, 7, 8, 10, 12}, 2024)]),
    # ๒๑๓ is no era year: the year is lost, the month reads.
    ("year-lost", "ในท ๑๐กย.๒๑๓ 0", [(10, {9}, None)]),
    # ๒๕๐๕ (1962) is before the era: lost too.
    ("year-before-era", "๖ พฤศจิกายน ๒๕๐๕", [(6, {11}, None)]),
    ("month-gone", "อบ ๗๘๐๘๙ ๓๘๐ จันที่ ๑๑ ๖๗", []),
    ("day-glued-to-debris", "นม ๗๗๕๙๖/๒๘๓ วันที่ BAA. ๖๗", []),
    # Seed 66: พ.ย. with its second half lost, the dot read as a comma: พ.ค. or พ.ย.
    ("second-half-lost", "กส ๗๕๙๑๑/๖๑๓ วันที่ ๒๘ พ, ๖๖", [(28, {5, 11}, 2023)]),
    # Seed 126: ธ.ค. read 5:A., its first dot a colon: the 5 is no day
    ("first-dot-a-colon", "มท ๐๘๑๐.๖/ว ๑๓๑ ลงวันที่๑๔ 5:A. ๒๕๖๖", [(14, {12}, 2023)]),
]


@pytest.mark.parametrize(("line", "want"), [c[1:] for c in READINGS], ids=[c[0] for c in READINGS])
def test_date_readings(line: str, want: list) -> None:
    assert [(r.day, set(r.months), r.year) for r in date_readings(line)] == want


@pytest.mark.parametrize(("reading", "anchor", "after", "want"), [
    (Reading(9, frozenset({7, 8, 10}), 2023, ""), dt.date(2023, 10, 16), 0, [dt.date(2023, 10, 9)]),
    (Reading(9, frozenset({7, 8, 10}), 2023, ""), dt.date(2023, 9, 20), 0, [dt.date(2023, 8, 9)]),
    (Reading(9, frozenset({7, 8, 10}), 2023, ""), dt.date(2023, 9, 1), 0,
     [dt.date(2023, 7, 9), dt.date(2023, 8, 9)]),
    (Reading(6, frozenset({11}), None, ""), dt.date(2025, 11, 10), 1, [dt.date(2025, 11, 6)]),
    (Reading(20, frozenset({12}), None, ""), dt.date(2025, 1, 10), 1, [dt.date(2024, 12, 20)]),
    (Reading(11, frozenset({10}), 2023, ""), dt.date(2023, 10, 10), 0, []),
], ids=["one-month-fits", "earlier-month-fits", "two-fit", "year-from-anchor", "year-before-new-year",
        "after-anchor"])
def test_settle(reading: Reading, anchor: dt.date, after: int, want: list) -> None:
    assert settle(reading, anchor, after_days=after) == want


def _memo(number_line: str, deadline: str) -> str:
    return "\n".join([
        "บนทกขอความ", "ส่วนราชการ กองคลัง องค์การบริหารส่วนตำบลหัวทะเล", number_line,
        "เรื่อง การให้ความช่วยเหลือผู้ประสบภัยแล้ง", "เสนอ นายกองค์การบริหารส่วนตำบลหัวทะเล",
        f"จึงขอให้แจ้งกองที่เกี่ยวข้องรายงานสถานการณ์ภัยแล้ง ภายในไม่เกินวันที่ {deadline}",
        "จึงเรียนมาเพื่อโปรดทราบและพิจารณา", "(นางสาวนงลักษณ์ ภูมิสะอาด)", "ผู้อำนวยการกองคลัง",
    ])


@pytest.mark.parametrize(("number_line", "deadline", "want"), [
    # ต.ค. is the one reading in the 60 days before the memo's deadline.
    ("ที่ รอ ๗๖๕๖๐/๙๔๖ วันที่ ๙ AA. ๒๕๖๖", "๑๖ ต.ค. ๖๖", dt.date(2023, 10, 9)),
    # 20 September: ก.ค. 9 is too early, ส.ค. 9 fits.
    ("ที่ รอ ๗๖๕๖๐/๙๔๖ วันที่ ๙ AA. ๒๕๖๖", "๒๐ ก.ย. ๖๖", dt.date(2023, 8, 9)),
    # 1 September: ก.ค. 9 and ส.ค. 9 both fit: no date.
    ("ที่ รอ ๗๖๕๖๐/๙๔๖ วันที่ ๙ AA. ๒๕๖๖", "๑ ก.ย. ๖๖", None),
    # The year lost: the one before the deadline.
    ("ที่ รอ ๗๖๕๖๐/๙๔๖ ในท ๑๐กย.๒๑๓ 0", "๓๐ ก.ย. ๒๕๖๗", dt.date(2024, 9, 10)),
    # Seed 11: ธ.ค. handwritten as 5.0, (ธ as 5, ค as 0, the closing dot a comma).
    ("it ลป ๗๙๖๐๙/๔๖๑ จันที่ ๑๘ 5.0, ๖๖", "๕ ม.ค. ๖๗", dt.date(2023, 12, 18)),
    # Seed 11 stamp-style hand: n for ก, a ring for the dot, a for ค: ก.ค. or พ.ค.
    ("ที่ รอ ๗๖๕๖๐/๙๔๖ วันที่ ๒๐ nea. ๒๕๖๗", "๑๐ ส.ค. ๖๗", dt.date(2024, 7, 20)),
    # Seed 12: ๑๗ read as 7 glued before วันที่ and ๑ after it: the day is in doubt.
    ("ที่ รอ๗๔๙๗๗/๔๙๒ 7วันที่ ๑ม.ค.๒๕", "๒๑ ม.ค. ๖๘", None),
    # Seed 66: พ.ย. read "พ,": of พ.ค. and พ.ย., only November lies before a mid-December deadline.
    ("ที่ กส ๗๕๙๑๑/๖๑๓ วันที่ ๒๘ พ, ๖๖", "๑๔ ธ.ค. ๖๖", dt.date(2023, 11, 28)),
], ids=["month-settled", "earlier-month", "two-months-fit", "year-settled", "digit-and-comma-month",
        "handwritten-latin-month", "day-digit-displaced", "second-half-lost"])
def test_memo_date_settled_by_its_deadline(number_line: str, deadline: str, want: dt.date | None) -> None:
    (letter,) = parse_text(_memo(number_line, deadline)).letters
    assert letter.date == want
    inferred = [w for w in letter.warnings if w.code == "date_inferred"]
    assert bool(inferred) is (want is not None)
    if want is not None:
        assert letter.confidence["date"] <= 0.5


EXTERNAL = """ที่ รอ ๐๐๒๓.๕/๑๒๓๔ ศาลากลางจังหวัดร้อยเอ็ด
ถนนสุริยเดชบำรุง รอ ๔๕๐๐๐
๙ AA. ๒๕๖๖
เรื่อง การให้ความช่วยเหลือผู้ประสบภัยแล้ง
เรียน นายอำเภอ ทุกอำเภอ
จึงขอให้รายงานสถานการณ์ภัยแล้ง ภายในไม่เกินวันที่ ๑๖ ตุลาคม ๒๕๖๖
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
ผู้ว่าราชการจังหวัดร้อยเอ็ด"""


def test_external_letter_not_settled_by_a_body_deadline() -> None:
    # An external letter may relay a deadline already past on its own date.
    (letter,) = parse_text(EXTERNAL).letters
    assert letter.date is None
    assert not [w for w in letter.warnings if w.code == "date_inferred"]


# The district letter of tests/test_thaidate_damage.py: its date line and a cited date vary.
from test_thaidate_damage import LETTER as ENTRY_LETTER  # noqa: E402



@pytest.mark.parametrize(("date", "ref_date", "want"), [
    # NA.: any consonant, then a ค-like A: ม.ค., มี.ค., พ.ค., ก.ค., ส.ค., ต.ค., ธ.ค.;
    # a letter of 7 Feb 2567 can cite only 30 Jan 2567 among them.
    ("๗ กุมภาพันธ์ ๒๕๖๗", "๓๐ NA. ๒๕๖๗", dt.date(2024, 1, 30)),
    # Cited by a letter of December: every month up to ต.ค. fits.
    ("๗ ธันวาคม ๒๕๖๗", "๓๐ NA. ๒๕๖๗", None),
    # fw. allows ก.พ. alone by shape (printed for ก.ย.): the letter's date chose nothing.
    ("๒๒ พฤศจิกายน ๒๕๖๖", "๒๑ fw. ๒๕๖๖", None),
    # The year lost: a cited letter may be years old.
    ("๗ กุมภาพันธ์ ๒๕๖๗", "๓๐ NA. ๒๕", None),
], ids=["one-month-before-letter", "several-before-letter", "shape-alone", "year-lost"])
def test_entry_date_settled_by_the_letters_date(date: str, ref_date: str, want: dt.date | None) -> None:
    (letter,) = parse_text(ENTRY_LETTER.format(date=date, ref_date=ref_date)).letters
    assert [r.date for r in letter.references] == [want]
    inferred = {w.field for w in letter.warnings if w.code == "date_inferred"}
    assert inferred == ({"references[1].date"} if want else set())


def _memo_listing(number_line: str, deadline: str, listed: str) -> str:
    """A memo forwarding a letter it lists (``สิ่งที่ส่งมาด้วย ... ลงวันที่``)."""
    lines = _memo(number_line, deadline).split("\n")
    return "\n".join([*lines[:5], f"สิ่งที่ส่งมาด้วย สำเนาหนังสืออำเภอเมืองร้อยเอ็ด ที่ รอ ๐๐๒๓.๑๖/ว ๑๒๓๔ "
                                   f"ลงวันที่ {listed}", *lines[5:]])


@pytest.mark.parametrize(("listed", "want"), [
    # ก.ค. 9 and ส.ค. 9 both fall in the 60 days before a 1 Sep deadline; the
    # letter the memo forwards is dated 20 Jul, so the memo is not of 9 Jul.
    ("๒๐ กรกฎาคม ๒๕๖๖", dt.date(2023, 8, 9)),
    # A listed letter older than both readings decides nothing.
    ("๒๐ มิถุนายน ๒๕๖๖", None),
    # One listed after the deadline is misread, no floor.
    ("๒๐ กันยายน ๒๕๖๖", None),
], ids=["listed-letter-floors-it", "listed-too-old", "listed-after-anchor"])
def test_date_not_before_the_letter_it_lists(listed: str, want: dt.date | None) -> None:
    text = _memo_listing("ที่ รอ ๗๖๕๖๐/๙๔๖ วันที่ ๙ AA. ๒๕๖๖", "๑ ก.ย. ๖๖", listed)
    (letter,) = parse_text(text).letters
    assert letter.date == want
    assert any(w.code == "date_inferred" for w in letter.warnings) is (want is not None)


# Two numbered references (seed 13: the second's year lost at the line's end;
# seeds 6, 10, 12: ก.ค./ส.ค./ต.ค. printed as A.A.). A list of references runs
# oldest first, so the first one's date bounds the second from below.
TWO_REFS = """ที่ สน ๐๐๒๓.๑๓/๒๒๒๓ ที่ว่าการอำเภอเมืองสกลนคร
ถนนศูนย์ราชการ สน ๔๗๐๐๐
{date}
เรื่อง การพัฒนาอัตลักษณ์ท้องถิ่น
เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง
อ้างถึง ๑. หนังสือจังหวัดสกลนคร ที่ สน ๐๐๒๓.๖/๗๘๔๓ ลงวันที่ {first}
๒. หนังสือจังหวัดสกลนคร ด่วน ที่ สน ๐๐๒๓.๖/ว ๒๖๒๙ ลงวันที่ {second}
ด้วยจังหวัดแจ้งว่า ขอให้รายงานผล
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
นายอำเภอเมืองสกลนคร"""


@pytest.mark.parametrize(("date", "first", "second", "want"), [
    # 11 Nov with no year, between 30 Sep 2567 and 7 Jan 2568: 2567 alone fits.
    ("๗ มกราคม ๒๕๖๘", "๓๐ กันยายน ๒๕๖๗", "๑๑ พฤศจิกายน", dt.date(2024, 11, 11)),
    # The first reference of 2566: Nov 2566 and Nov 2567 both fit, nothing taken.
    ("๗ มกราคม ๒๕๖๘", "๓๐ กันยายน ๒๕๖๖", "๑๑ พฤศจิกายน", None),
    # A.A. in 2567 cited in December: ก.ค. is before the first reference (ส.ค.
    # 2567), ส.ค. and ต.ค. remain: nothing taken.
    ("๒ ธันวาคม ๒๕๖๗", "๑ สิงหาคม ๒๕๖๗", "๕ A.A. ๒๕๖๗", None),
    # ... with the first reference of September, ต.ค. alone remains.
    ("๒ ธันวาคม ๒๕๖๗", "๑ กันยายน ๒๕๖๗", "๕ A.A. ๒๕๖๗", dt.date(2024, 10, 5)),
    # A first reference dated after the letter is misread: it bounds nothing.
    ("๗ มกราคม ๒๕๖๘", "๓๐ กันยายน ๒๕๖๘", "๑๑ พฤศจิกายน", None),
], ids=["year-lost-one-fit", "year-lost-two-fit", "ambiguous-month-two-fit", "ambiguous-month-one-fit",
        "misread-floor-ignored"])
def test_cited_date_bounded_by_the_reference_before_it(date: str, first: str, second: str,
                                                       want: dt.date | None) -> None:
    (letter,) = parse_text(TWO_REFS.format(date=date, first=first, second=second)).letters
    assert letter.references[1].date == want
    inferred = {w.field for w in letter.warnings if w.code == "date_inferred"}
    assert inferred == ({"references[2].date"} if want else set())
