"""A memo's handwritten number whose province prefix OCR misread or lost.

The parser reads a Thai misreading one confusable letter off a single
province prefix (``ศร`` for สร); anything else it leaves unread and keeps
(``Letter.doc_no_partial``) for the registry, which completes it only where
its own records confirm it. Number lines as the project's OCR printed them on
seeds 1, 5, 10, 11 and 12.
"""

from __future__ import annotations

import datetime as dt

import pytest

from docintake.models import Letter, OcrResult, ParseResult, PartialDocNo
from docintake.parse import parse_text
from docintake.parse.partial import districts_named
from docintake.registry import ingest, store
from docintake.registry.directory import Directory
from docintake.registry.memo_prefix import complete_prefix
from docintake.registry.orgs import parse_directory, save_orgs

ACTOR = store.Actor(user="tester", now=dt.datetime(2025, 8, 1, 9, 0))


def _memo(number_line: str, office: str = "กองคลัง องค์การบริหารส่วนตำบลดงบัง",
          body: str = "ด้วยปรากฏว่า พบผู้เสียชีวิตจากโรคไข้เลือดออกในพื้นที่ใกล้เคียง") -> str:
    return "\n".join([
        "บันทึกข้อความ", f"ส่วนราชการ {office}", number_line,
        "เรื่อง มาตรการเฝ้าระวังโรคไข้เลือดออกในช่วงฤดูฝน", "เสนอ นายกองค์การบริหารส่วนตำบลดงบัง",
        body, "จึงเรียนมาเพื่อโปรดพิจารณา", "(นายสมชาย ใจดี)", "ผู้อำนวยการกองคลัง",
    ])


# (id, number line, body, doc_no, partial rest, misread, shapes)
NUMBER_LINES = [
    # ศ read for ส (its inner tick): สร is the one prefix so near
    ("thai-sho-for-so", "ศร ๗๖๓๐๘/๘๒๙ วันที่ ๔ ต.ค. ๖๖", None, "สร 76308/829", None, None, None),
    # ข read for ช (its tail lost), glued to the code
    ("thai-kho-for-cho", "ที่ ขม๗๔๙๕๔/๔๖๘ วันที่ ๑๓ พ.ย. ๖๖", None, "ชม 74954/468", None, None, None),
    # the memo names its province (เทศบาลเมืองพิษณุโลก): a shape is not taken against it
    ("thai-shape-against-named-province", "ศร ๗๖๓๐๘/๘๒๙ วันที่ ๔ ต.ค. ๖๖",
     "ด้วยเทศบาลเมืองพิษณุโลกแจ้งว่า", None, "76308/829", "ศร", ["สร"]),
    ("latin-un", "UN ๗๓๑๘๙/๕๖๑ วันที่ ๘ ก.ค. ๖๗", None, None, "73189/561", "UN", ["ขก", "บก", "ปท"]),
    ("latin-ua", "UA ๗๒๔๑๗/๑๘๑ วันที่ ๑๑ ก.ย. ๒๕๖๗", None, None, "72417/181", "UA", ["นศ"]),
    # a third Latin letter is the ที่ label's remains
    ("latin-with-label-debris", "Nau 77593/162 วันที่ 6 มิ.ย. 68", None, None, "77593/162", "Nau",
     ["กส", "สข", "สน", "สบ", "สป", "อน", "อบ"]),
    # ส's loop read a, ร's curl s (seeds 51, 124, 135)
    ("latin-as", "A as ๗๒๗๓๙/๕๘๘ วันที่ ๙ ต.ค. ๖๘", None, None, "72739/588", "as", ["สร"]),
    # ... its วันที่ wrapped onto the next line: the number is no part of the unit's name
    ("latin-as-date-wrapped", "A as ๗๒๗๓๙/๕๘๘\nวันที่ ๙ ต.ค. ๖๘", None, None, "72739/588", "as", ["สร"]),
    ("latin-no-lookalike", "AV_79009/326 วันที่ 16 ก.ย. 67", None, None, "79009/326", "AV", []),
    # a digit among the Latin letters (ชย read U8, seed 65): the prefix's, not the code's
    ("latin-with-a-digit", "U8 79513/331 วันที่ 18 มี.ค. 67", None, None, "79513/331", "U8", []),
    # ที่ and the prefix lost together: the line still opens with the LAO's code
    ("prefix-lost-with-label", "๗๒๐๙๑/๑๘๗ วันที่ ๒๖ ก.ย. ๖๗", None, None, "72091/187", "", []),
    # 2880, or 288 and a speck: the rest is no clean number either
    ("running-split", "AT 72579/288 0 วันที่ 17 พ.ย. 68", None, None, None, None, None),
    ("read-whole", "ที่ อบ ๗๙๒๒๙/๖๔๙ วันที่ ๒๓ ก.ค. ๖๘", None, "อบ 79229/649", None, None, None),
    # ที่ lost, วันที่ garbled and a space inside the code (seed 138): the prefix starts the line
    ("label-lost-space-in-code", "บร ๗๕๙๑ ๐/๕๒๗ วนท ๒มุ้ย.๖๘:", None, "บร 75910/527", None, None, None),
]


@pytest.mark.parametrize(("line", "body", "doc_no", "rest", "misread", "shapes"),
                         [c[1:] for c in NUMBER_LINES], ids=[c[0] for c in NUMBER_LINES])
def test_memo_number_line(line, body, doc_no, rest, misread, shapes) -> None:
    letter = parse_text(_memo(line, body=body) if body else _memo(line)).letters[0]
    assert letter.kind == "memo"
    assert letter.issuer == "กองคลัง องค์การบริหารส่วนตำบลดงบัง"  # the number line is no part of the unit
    assert letter.doc_no == doc_no
    part = letter.doc_no_partial
    assert (part.rest, part.misread, part.shapes) == (rest, misread, shapes) if rest else part is None
    if doc_no and doc_no.split()[0] not in line:
        assert any(w.code == "doc_no_corrected" and "from shape" in w.message for w in letter.warnings)
        assert letter.confidence["doc_no"] <= 0.5


DISTRICTS = [
    ("wrapped-after-amphoe", "ได้รับแจ้งจากอำเภอ\nพิบูลมังสาหารว่า ระเบียบ", ["พิบูลมังสาหารว่า"]),
    ("sara-am-split", "ด้วยอําเภอบ้านเขว้าแจ้งว่า", ["บ้านเขว้าแจ้งว่า"]),
    ("head-of-district", "เรียน นายอำเภอสะเดา", ["สะเดา"]),
    ("every-district", "เรียน นายอำเภอ ทุกอำเภอ", []),
    ("none", "ด้วยปรากฏว่า สำนักงบประมาณได้อนุมัติ", []),
]


@pytest.mark.parametrize(("text", "want"), [c[1:] for c in DISTRICTS], ids=[c[0] for c in DISTRICTS])
def test_districts_named(text: str, want: list[str]) -> None:
    assert districts_named(text) == want


DIRECTORY = """\
name,type,district,province,aliases
องค์การบริหารส่วนตำบลดงบัง,sao,บ้านไผ่,ขอนแก่น,
องค์การบริหารส่วนตำบลหนองแวง,sao,พิบูลมังสาหาร,อุบลราชธานี,
องค์การบริหารส่วนตำบลหนองไผ่,sao,ปราสาท,สุรินทร์,
องค์การบริหารส่วนตำบลบ้านใหม่,sao,สุวรรณภูมิ,ร้อยเอ็ด,
องค์การบริหารส่วนตำบลท่าข้าม,sao,ด่านซ้าย,เลย,
องค์การบริหารส่วนตำบลท่าข้าม,sao,พุนพิน,สุราษฎร์ธานี,
"""


def _db(*doc_nos: str):
    db = store.open_db(":memory:")
    with store.transaction(db):
        save_orgs(db, parse_directory(DIRECTORY))
        for doc_no in doc_nos:
            store.save_letter(db, Letter(doc_no=doc_no), ACTOR)
    return db


def _directory(db) -> Directory:
    return ingest.directory_of(db)


# (id, office, misread, shapes, districts, letters already stored, want)
COMPLETIONS = [
    ("district-confirms", "กองการศึกษา อบต.หนองแวง", "Nau", ["อน", "อบ"], ["พิบูลมังสาหารว่า"], (), "อบ"),
    ("shape-confirms", "กองคลัง องค์การบริหารส่วนตำบลดงบัง", "UN", ["ขก", "บก", "ปท"], [], (), "ขก"),
    # seed 12 (h7-memo): the memo's own อบต.หนองไผ่ is in ลำปาง and not in the
    # directory; its namesake in สุรินทร์ is, but the memo names อำเภองาว
    ("namesake-other-district", "กองช่าง อบต.หนองไผ่", "", [], ["งาวได้แจ้งว่า"], (), None),
    # seed 12: อบต.บ้านใหม่ of พิษณุโลก, a namesake of ร้อยเอ็ด in the directory, nothing to confirm it
    ("namesake-unconfirmed", "กองคลัง อบต.บ้านใหม่", "wa", [], [], (), None),
    # two อบต.ท่าข้าม (เลย, สุราษฎร์ธานี): which is a guess, even with one's prefix in shape
    ("namesakes-two-provinces", "กองคลัง อบต.ท่าข้าม", "", ["ลย"], [], (), None),
    ("not-in-directory", "กองช่าง อบต.โคกกลาง", "", ["ชย"], ["บ้านเขว้าแจ้งว่า"], (), None),
    ("issuer-no-lao", "ที่ว่าการอำเภอบ้านไผ่", "UN", ["ขก", "บก", "ปท"], [], (), None),
    # the registry holds the LAO's code under one prefix: its own number, whatever the office reads
    ("registry-same-code", "กองคลัง", "", [], [], ("ขก 73189/402",), "ขก"),
    ("registry-two-prefixes", "กองคลัง อบต.ดงบัง", "UN", ["ขก", "บก", "ปท"], [],
     ("ขก 73189/402", "นม 73189/77"), None),
]


@pytest.mark.parametrize(("office", "misread", "shapes", "districts", "stored", "want"),
                         [c[1:] for c in COMPLETIONS], ids=[c[0] for c in COMPLETIONS])
def test_complete_prefix(office, misread, shapes, districts, stored, want) -> None:
    db = _db(*stored)
    part = PartialDocNo(rest="73189/561", misread=misread, shapes=shapes, districts=districts)
    letter = Letter(kind="memo", issuer=office, doc_no_partial=part)
    got = complete_prefix(letter, db, _directory(db))
    if want is None:
        assert got == letter
        return
    assert got.doc_no == f"{want} 73189/561"
    [warning] = [w for w in got.warnings if w.code == "prefix_completed"]
    assert got.doc_no in warning.message
    assert got.confidence["doc_no"] <= 0.6


def test_a_read_number_is_not_touched() -> None:
    db = _db()
    letter = Letter(kind="memo", doc_no="สร 73189/561", issuer="กองคลัง อบต.ดงบัง",
                    doc_no_partial=PartialDocNo(rest="73189/561", misread="UN", shapes=["ขก"]))
    assert complete_prefix(letter, db, _directory(db)) == letter


def test_ingest_stores_the_completed_number() -> None:
    db = _db()
    letter = parse_text(_memo("UN ๗๓๑๘๙/๕๖๑ วันที่ ๘ ก.ค. ๖๗")).letters[0]
    outcome = ingest.store_parsed(db, path="memo.pdf", sha256="memo", ocr=OcrResult(file="memo.pdf", pages=[]),
                                  parsed=ParseResult(file="memo.pdf", pages=1, letters=[letter]), actor=ACTOR)
    assert outcome.letters == ["ขก 73189/561"]
    assert "prefix_completed" in store.letter_row(db, outcome_id(db, "ขก 73189/561"))["warnings"]


def outcome_id(db, doc_no: str) -> int:
    return db.execute("SELECT id FROM letters WHERE doc_no = ?", [doc_no]).fetchone()[0]


def test_memo_date_wrapped_below_its_number() -> None:
    """Seed 135: the number ends its line, ``วันที่ ๙ ต.ค. ๖๘`` alone on the next."""
    letter = parse_text(_memo("A as ๗๒๗๓๙/๕๘๘\nวันที่ ๙ ต.ค. ๖๘")).letters[0]
    assert letter.date == dt.date(2025, 10, 9)
    assert not [w for w in letter.warnings if w.field == "date"]
