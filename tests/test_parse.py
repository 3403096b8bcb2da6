"""parse_pages / parse_text as a whole: the contract, robustness, speed."""

import datetime as dt
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docintake.models import ParseResult
from docintake.parse import parse_pages, parse_text

LETTER = """ด่วนที่สุด
ด่วนภายใน ๒๗ มิถุนายน ๒๕๖๘ เวลา ๑๐.๐๐ น.
ที่ นศ ๐๐๒๓.๑๓/ว ๒๑๒๙
ที่ว่าการอำเภอทุ่งสง
ถนนสุรนารายณ์ นศ ๘๐๐๕๔
๒๔ มิถุนายน ๒๕๖๘
เรื่อง การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี พ.ศ. ๒๕๖๘
เรียน นายกเทศมนตรีตำบลนาแก และนายกองค์การบริหารส่วนตำบล
ทุกแห่ง
อ้างถึง ๑. หนังสืออำเภอทุ่งสง ด่วน ที่ นศ ๐๐๒๓.๑๓/ว ๑๐๐ ลงวันที่ ๒ มกราคม ๒๕๖๘
๒. หนังสืออำเภอทุ่งสง ที่ นศ ๐๐๒๓.๑๓/ว ๒๐๐ ลงวันที่ ๓ ก.พ. ๒๕๖๘
สิ่งที่ส่งมาด้วย ๑. สำเนาหนังสือจังหวัดนครศรีธรรมราช ด่วนที่สุด ที่
นศ ๐๐๒๓.๖/๙๗๙๔ ลงวันที่ ๒๐ มิถุนายน ๒๕๖๘ จำนวน ๑ ชุด
๒. แบบรายงานผลการจัดเก็บภาษี จำนวน ๑ ชุด
ด้วยจังหวัดนครศรีธรรมราชได้มีหนังสือแจ้งเรื่องการจัดเก็บ
ภาษีที่ดินและสิ่งปลูกสร้าง รายละเอียดปรากฏตามสิ่งที่ส่งมาด้วย
๑. ให้ประชาสัมพันธ์ #ภาษีท้องถิ่น ผ่าน https://example.go.th/tax
๒. ส่งให้อำเภอภายใน ๗ วัน นับแต่วันที่ได้รับหนังสือนี้
จึงเรียนมาเพื่อโปรดทราบและดำเนินการต่อไป
ขอแสดงความนับถือ
(นายสมชาย บัวงาม)
นายอำเภอทุ่งสง
ที่ทำการปกครองอำเภอ
โทร. ๐ ๗๕๔๑ ๑๒๓๔
โทรสาร ๐ ๗๕๔๑ ๑๒๓๕
อีเมล saraban_1@dla.go.th"""


def test_every_field_of_a_full_letter():
    (x,) = parse_text(LETTER).letters
    assert (x.kind, x.pages, x.doc_no, x.date) == ("circular", (1, 1), "นศ 0023.13/ว 2129", dt.date(2025, 6, 24))
    assert (x.urgency, x.issuer, x.address) == ("ด่วนที่สุด", "ที่ว่าการอำเภอทุ่งสง", "ถนนสุรนารายณ์ นศ ๘๐๐๕๔")
    assert x.subject == "การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี พ.ศ. ๒๕๖๘"
    assert x.to == "นายกเทศมนตรีตำบลนาแก และนายกองค์การบริหารส่วนตำบลทุกแห่ง"  # Thai-Thai wrap: no space
    assert [(r.doc_no, r.date, r.urgency, r.issuer) for r in x.references] == [
        ("นศ 0023.13/ว 100", dt.date(2025, 1, 2), "ด่วน", "อำเภอทุ่งสง"),
        ("นศ 0023.13/ว 200", dt.date(2025, 2, 3), None, "อำเภอทุ่งสง")]
    assert [(e.doc_no, e.date, e.count) for e in x.enclosures] == [
        ("นศ 0023.6/9794", dt.date(2025, 6, 20), "1 ชุด"), (None, None, "1 ชุด")]
    assert x.enclosures[1].text == "แบบรายงานผลการจัดเก็บภาษี"
    # The urgency line's deadline first (with its time), then the body's relative
    # one, counted from the letter's date (there is no receipt stamp): 24 + 7 days.
    assert [(d.date, d.source, d.time, d.relative) for d in x.deadlines] == [
        (dt.date(2025, 6, 27), "urgency", "10.00", False), (dt.date(2025, 7, 1), "body", None, True)]
    assert x.directives[0].startswith("ให้ประชาสัมพันธ์") and len(x.directives) == 2
    assert (x.hashtags, x.urls) == (["#ภาษีท้องถิ่น"], ["https://example.go.th/tax"])
    assert (x.signatory.name, x.signatory.position) == ("นายสมชาย บัวงาม", "นายอำเภอทุ่งสง")
    c = x.contact
    assert (c.unit, c.phone, c.fax, c.email) == ("ที่ทำการปกครองอำเภอ", "0 7541 1234", "0 7541 1235",
                                                 "saraban_1@dla.go.th")
    assert x.warnings == []


def test_receipt_stamp_sets_the_base_of_relative_deadlines():
    stamp = "องค์การบริหารส่วนตำบลนาแก\nเลขรับ ๒๒๓๕\nวันที่ ๓๐ มิ.ย. ๖๘\nเวลา ๑๒.๐๕ น.\n"
    (x,) = parse_text(stamp + LETTER).letters
    r = x.receipt
    assert (r.office, r.number, r.date, r.time) == ("องค์การบริหารส่วนตำบลนาแก", "2235", dt.date(2025, 6, 30), "12.05")
    assert x.deadlines[1].date == dt.date(2025, 7, 7)  # 30 Jun + 7 days


def test_unreadable_receipt_date_gives_no_base_for_relative_deadlines():
    # The stamp is there but its date is not legible: counting "7 days from
    # receipt" from the letter's own date instead would be a silent guess.
    stamp = "องค์การบริหารส่วนตำบลนาแก\nเลขรับ ๒๒๓๕\nวันที่ ๓๐ ..... ๖๘\nเวลา ๑๒.๐๕ น.\n"
    (x,) = parse_text(stamp + LETTER).letters
    assert x.receipt is not None and x.receipt.date is None
    assert [d.source for d in x.deadlines] == ["urgency"]  # the relative one has no date
    assert "unreadable" in {w.code for w in x.warnings if w.field == "deadlines"}


def test_memo():
    memo = ("บันทึกข้อความ\nส่วนราชการ สำนักปลัด โทร. ๐ ๔๔๘๑ ๒๓๔๕\nที่ ชย ๗๓๖๐๑/๔๘๙ วันที่ ๙ ก.ย. ๖๘\n"
            "เรื่อง ขออนุมัติจัดซื้อวัสดุ\nเสนอ นายกองค์การบริหารส่วนตำบลนาดี\n"
            "ด้วยสำนักปลัดมีความจำเป็น เห็นควรให้ดำเนินการภายในวันที่ ๒๐ ต.ค. ๖๘\n"
            "(นางสาวกานดา ศรีสุข)\nหัวหน้าสำนักปลัด")
    (x,) = parse_text(memo).letters
    assert (x.kind, x.doc_no, x.date, x.issuer) == ("memo", "ชย 73601/489", dt.date(2025, 9, 9), "สำนักปลัด")
    assert (x.subject, x.to) == ("ขออนุมัติจัดซื้อวัสดุ", "นายกองค์การบริหารส่วนตำบลนาดี")
    assert [d.date for d in x.deadlines] == [dt.date(2025, 10, 20)]
    assert x.signatory.position == "หัวหน้าสำนักปลัด"


def test_form_feeds_split_pages():
    result = parse_text(LETTER + "\f- ๒ -\nหน้าสอง")
    assert result.pages == 2 and result.letters[0].pages == (1, 2)


@pytest.mark.parametrize("today,flagged", [(dt.date(2025, 7, 1), False), (dt.date(2031, 1, 1), True),
                                           (dt.date(2024, 1, 1), True)],
                         ids=["recent", "six-years-later", "letter-from-the-future"])
def test_date_plausible_against_today(today, flagged):
    (x,) = parse_text(LETTER, today=today).letters
    assert ("year_implausible" in {w.code for w in x.warnings}) is flagged
    # With today's date known, an implausible year is withdrawn, not kept.
    assert x.date == (None if flagged else dt.date(2025, 6, 24))


def test_misread_year_without_today_is_flagged_and_withdrawn():
    # Stock Tesseract reads ๒๕๖๘ as ๒๕๒๕ (it cannot output ๖/๘): 1982, a year no letter here carries.
    # Without its ด่วนภายใน stamp nothing dates the letter: withdrawn.
    text = LETTER.replace("๒๔ มิถุนายน ๒๕๖๘", "๒๔ มิถุนายน ๒๕๒๕").replace("ด่วนภายใน ๒๗ มิถุนายน ๒๕๖๘ เวลา ๑๐.๐๐ น.\n", "")
    (x,) = parse_text(text).letters
    assert x.date is None
    assert "year_implausible" in {w.code for w in x.warnings if w.field == "date"}


def test_misread_year_taken_from_the_urgent_deadline():
    # With its stamp (ด่วนภายใน ๒๗ มิถุนายน ๒๕๖๘) the day and month read give one
    # date in the weeks before it: taken, warned, low confidence.
    (x,) = parse_text(LETTER.replace("๒๔ มิถุนายน ๒๕๖๘", "๒๔ มิถุนายน ๒๕๒๕")).letters
    assert x.date == dt.date(2025, 6, 24)
    assert "date_inferred" in {w.code for w in x.warnings if w.field == "date"}
    assert x.confidence["date"] <= 0.5


def test_result_round_trips_through_json():
    result = parse_text(LETTER)
    assert ParseResult.model_validate_json(result.model_dump_json()) == result


thai_heavy = st.text(alphabet=st.sampled_from(
    [chr(c) for c in range(0x0E01, 0x0E5C)] + list(" \n\f./()#@:-ว") + list("ที่เรื่องเรียนด่วน๑๒")), max_size=400)
fragments = st.lists(st.sampled_from(LETTER.split("\n") + ["", "\f", "- ๒ -", "ที่", "เรื่อง", "(นาย"]),
                     max_size=60).map("\n".join)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), thai_heavy, fragments))
def test_never_raises_and_never_hides_an_error(text):
    result = parse_text(text)
    assert isinstance(result, ParseResult)
    for letter in result.letters:
        assert "internal_error" not in {w.code for w in letter.warnings}
        assert all(0.0 <= c <= 1.0 for c in letter.confidence.values())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(thai_heavy, fragments), max_size=6))
def test_pages_never_raise(pages):
    assert parse_pages(pages).pages == len(pages)


def test_huge_input_is_parsed_quickly():
    text = "\f".join([LETTER] * 200)  # 200 letters, one per page
    started = time.perf_counter()
    result = parse_text(text)
    assert len(result.letters) == 200
    assert time.perf_counter() - started < 10  # >= 20 letters/s even on a slow CI box


def test_huge_garbage_line():
    assert isinstance(parse_text("ที่ " + "๑" * 100000 + "/" + "ก" * 50000), ParseResult)


def test_deadline_weekday_contradiction_is_warned():
    # 2025-07-01 is a Tuesday, printed as Friday. Readings one digit away: 2..9
    # July 2025 and 1 July 2024/2026; the only Friday among them is 4 July 2025:
    # repaired, with a warning and lower confidence.
    text = LETTER.replace("ส่งให้อำเภอภายใน ๗ วัน นับแต่วันที่ได้รับหนังสือนี้",
                          "ส่งให้อำเภอภายในวันศุกร์ที่ ๑ กรกฎาคม ๒๕๖๘")
    (x,) = parse_text(text).letters
    assert [d.date for d in x.deadlines if d.source == "body"] == [dt.date(2025, 7, 4)]
    assert "weekday_repaired" in {w.code for w in x.warnings if w.field == "deadlines"}
    assert x.confidence["deadlines"] < 1.0
