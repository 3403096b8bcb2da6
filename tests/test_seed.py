"""The one real OCR'd bundle (tests/fixtures/seed_bundle.txt): what a careful
human reads from it, and the warnings the parser must raise where it cannot.

The text has no form feeds, so the whole bundle is one page: every letter's
span is (1, 1). Expected values were read off the fixture by hand; each one
carries the reason it is (or is not) recoverable.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from docintake.models import Letter
from docintake.parse import parse_text

SEED = Path(__file__).parent / "fixtures" / "seed_bundle.txt"


@pytest.fixture(scope="module")
def letters() -> list[Letter]:
    return parse_text(SEED.read_text(encoding="utf-8"), file="seed").letters


def codes(letter: Letter, field: str | None = None) -> set[str]:
    return {w.code for w in letter.warnings if field is None or w.field == field}


def test_three_letters_in_chain_order(letters):
    # district (ชย 0023.14), province (ชย 0023.6), department (มท 0810.6): three
    # letterheads, each "ที่ ..." followed by its own เรื่อง/เรียน.
    assert len(letters) == 3
    assert [ltr.pages for ltr in letters] == [(1, 1)] * 3


# ------------------------------------------------------------------ district


def test_district_letter_head(letters):
    d = letters[0]
    assert d.kind == "external"  # ชย ๐๐๒๓.๑๔/๑๗๐๙ has no ว
    assert d.doc_no == "ชย 0023.14/1709"  # line 9, printed cleanly
    assert d.date == dt.date(2025, 6, 16)  # "๑๖ มิถุนายน ๒๕๖๘": 2568 - 543
    assert d.urgency is None  # no urgency stamp above its ที่ line
    assert d.issuer == "ที่ว่าการอำเภอเมือง"  # first letterhead line after ที่ (the name is cut short)
    assert d.address == "ถนนสุรนารายณ์ ชย ๓๖๒๓๐"
    assert d.subject == "การขับเคลื่อนนโยบาย ๑ อปท. ๑ อัตลักษณ์ท้องถิ่น"
    # เรียน line 20; the later "เรียน นายก อบต. ..." (line 48) is body text, not a second addressee.
    assert d.to == "นายกเทศมนตรีตำบลเมืองเพ็ญ และนายกองค์การบริหารส่วนตำบลทุกแห่ง"


def test_district_reference_and_enclosure(letters):
    d = letters[0]
    (ref,) = d.references
    # "อ้างถึง หนังสือคำขอเมืองเพ็ญ ด่วนที่สุด ที่ ชย ๐๐๒๓.๑๔/๕๗๘ ลงวันที่ ๒๐ มีนาคม ๒๕๖๘"
    assert (ref.doc_no, ref.date, ref.urgency) == ("ชย 0023.14/578", dt.date(2025, 3, 20), "ด่วนที่สุด")
    assert ref.issuer == "คำขอเมืองเพ็ญ"  # as printed between หนังสือ and the urgency (OCR-garbled)
    (enc,) = d.enclosures
    # wrapped over three lines: the copy of the province letter, dated 27 May 2568, one set.
    assert (enc.doc_no, enc.date, enc.count) == ("ชย 0023.6/6558", dt.date(2025, 5, 27), "1 ชุด")
    assert (enc.issuer, enc.urgency) == ("จังหวัดชัยภูมิ", "ด่วนที่สุด")


def test_district_deadline_already_past(letters):
    d = letters[0]
    # "ให้แล้วเสร็จภายในวันพุธที่ ๑๑ มิถุนายน ๒๕๖๘": 2025-06-11 is a Wednesday (weekday
    # agrees), five days before the letter's own date: overdue on arrival.
    assert [(x.date, x.relative, x.source) for x in d.deadlines] == [(dt.date(2025, 6, 11), False, "body")]
    assert "วันพุธที่ ๑๑ มิถุนายน ๒๕๖๘" in d.deadlines[0].text
    assert "deadline_before_letter" in codes(d, "deadlines[0]")
    assert "weekday_mismatch" not in codes(d)


def test_district_receipt_stamp(letters):
    r = letters[0].receipt
    # Stamp lines 3-6: the office line is garbled, "เขตฯ แขวง" carries no number,
    # "วันที่ ๑๒ ๓.๐๔.๖๔" is no date; only "เวลา ๑๑.๐๐ น." is legible.
    assert r is not None
    assert (r.office, r.number, r.date, r.time) == (None, None, None, "11.00")
    assert {"receipt.office", "receipt.number", "receipt.date"} <= {w.field for w in letters[0].warnings}


def test_district_signatory_is_the_district_not_the_routing_notes(letters):
    # Four "(name)" lines follow the closing: three are the LAO's own routing
    # notes; the signer is the one acting for the district chief.
    s = letters[0].signatory
    assert s.name == "นางสาวภานุสีรี จันทร์ดิษฐ์"
    assert s.position == "ปลัดอำเภอ รักษาการแทน นายอำเภอเมืองเพ็ญ"


# ------------------------------------------------------------------ province


def test_province_letter_number_is_withdrawn(letters):
    p = letters[1]
    # Its own ที่ line reads "ชย ๐๐๒๓.๖/ ๑๔๗๘", but the same "๑๔๗๘" is also read as
    # the day of its date line, and the district letter encloses this copy as
    # ชย 0023.6/6558: the two readings disagree and the text cannot say which
    # is right, so the number is null with a conflict warning naming both.
    assert p.doc_no is None
    assert "doc_no_conflict" in codes(p, "doc_no")
    msg = next(w.message for w in p.warnings if w.code == "doc_no_conflict")
    assert "1478" in msg and "6558" in msg
    assert p.kind == "external"


def test_province_letter_date_unreadable(letters):
    p = letters[1]
    # "๑๔๗๘ พฤษภาคม ๒๕๖๘": May 2568, but day 1478 does not exist.
    assert p.date is None
    assert "unreadable" in codes(p, "date")
    assert p.confidence["date"] == 0.0


def test_province_letter_fields(letters):
    p = letters[1]
    # The letterhead lines between ที่ and the date are a garbled stamp, no office.
    assert p.issuer is None and "unreadable" in codes(p, "issuer")
    assert p.subject == "การขับเคลื่อนนโยบาย ๑ อปท. ๑ อัตลักษณ์ท้องถิ่น"
    assert p.to == "นายอdle เกอ ทุกอาเกอ และนายกเทศมนตรีเมืองชัยภูมิ"  # kept as read: no spell-fixing


def test_province_letter_references(letters):
    p = letters[1]
    # อ้างถึง was misread "ข้อที่"; the two numbered "หนังสือ..." entries under เรียน
    # are still the references. Urgencies ค้านที่สุด / ต่วนที่สุด are ด่วนที่สุด
    # (lexicon confusions). Their numbers "/๑ ๓๖๕", "/๑ ๓๓๐๑" are not readable: this
    # OCR reads a circular's ว as ๑ (the enclosure line below reads /ว ๒๐๖๙ as
    # "/๑ ๒๐๙๙"), so ชย 0023.6/ว 365 and ชย 0023.6/1365 are equally possible.
    assert [(r.doc_no, r.date, r.urgency, r.issuer) for r in p.references] == [
        (None, dt.date(2024, 12, 19), "ด่วนที่สุด", "จังหวัดชัยภูมิ"),
        (None, dt.date(2025, 3, 13), "ด่วนที่สุด", "จังหวัดชัยภูมิ"),
    ]
    assert {"references[1].doc_no", "references[2].doc_no"} <= {w.field for w in p.warnings}


def test_province_letter_enclosure_and_deadline(letters):
    p = letters[1]
    (enc,) = p.enclosures
    # The count line was read before the entry's wrapped last line; the copy is
    # of the department letter of 14 May 2568 (number ambiguous as above).
    assert (enc.doc_no, enc.date, enc.urgency, enc.count) == (None, dt.date(2025, 5, 14), "ด่วนที่สุด", "1 ชุด")
    assert enc.issuer == "กรมส่งเสริมการปกครองท้องถิ่น"
    # "ให้แล้วเสร็จภายในวันศุกร์ที่ ๓๐ พฤษภาคม ๒๕๖๘": 2025-05-30 is a Friday.
    assert [x.date for x in p.deadlines] == [dt.date(2025, 5, 30)]


# ---------------------------------------------------------------- department


def test_department_letter_number_not_guessed(letters):
    g = letters[2]
    # "ที่ งท ๑๘๗๐.๖/ว ๒๐๖๙": งท is a known misreading of มท, but a ministry's code
    # always starts with 0, so "1870.6" is misread digits (the true 0810.6 is
    # a transposition away): null with a warning, not a guess. The ว is
    # legible, so the letter is a circular.
    assert g.doc_no is None
    assert g.kind == "circular"
    msg = next(w.message for w in g.warnings if w.field == "doc_no")
    assert "code_implausible" in msg


def test_department_letter_date_line_lost(letters):
    g = letters[2]
    # The date line came out as "พุทธศักราช ๒๕๖๙": a year, no day or month.
    assert g.date is None
    assert "unreadable" in codes(g, "date")


def test_department_letter_fields(letters):
    g = letters[2]
    assert g.issuer == "กรมส่งเสริมการปกครองท้องถิ่น"
    # อัตถักษณ์ is one letter off the lexicon's อัตลักษณ์ท้องถิ่น (terms.mend_near):
    # read against the domain's own vocabulary, never a general corrector's
    # อัปลักษณ์; โภภาย (นโยบาย, two letters off and no term) stays as read.
    assert g.subject == "การขึ้นทะเบียนโภภาย ๑ อปท. ๑ อัตลักษณ์ท้องถิ่น"
    assert "term_mended" in codes(g, "subject")
    assert g.to == "ผู้ว่าราชการจังหวัด ทุกจังหวัด"
    # "ดังที่ส่งมาด้วย" is the lexicon's known misreading of สิ่งที่ส่งมาด้วย.
    assert [(e.text, e.count, e.doc_no) for e in g.enclosures] == [
        ("แบบรายงานผลการดำเนินงาน ๑ อปท. ๑ อัตถักษณ์ท้องถิ่น", "1 ชุด", None)]
    assert g.urls == ["https://shorturl.at/2LpnP"]


def test_department_letter_references_and_dates_flagged(letters):
    g = letters[2]
    # Both numbers read "งท ๑๘๗๐.๖/ว ๑๙๔๙": same implausible code -> null.
    assert [(r.doc_no, r.date) for r in g.references] == [
        (None, dt.date(2025, 12, 3)), (None, dt.date(2025, 4, 30))]
    # 3 Dec 2568 is after the district letter (16 Jun 2568) that forwards this
    # one, so it cannot be right as read: flagged, not changed.
    assert "reference_after_letter" in codes(g, "references[1].date")
    # "ภายในวันที่ ๓๐ พฤษภาคม ๒๕๖๙": read as printed (2026-05-30), but almost a year
    # after the bundle's date while the province relays 30 May 2568: year flagged.
    assert [x.date for x in g.deadlines] == [dt.date(2026, 5, 30)]
    assert "year_implausible" in codes(g, "deadlines[0]")


def test_every_unreadable_field_has_zero_confidence(letters):
    for letter in letters:
        for w in letter.warnings:
            if w.code == "unreadable" and w.field in letter.confidence:
                assert letter.confidence[w.field] == 0.0
