"""Review: which letters need a human look, in what order, with the OCR text around each doubt."""

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from docintake.models import Deadline, Letter, OcrResult, PageText, ParseResult, ParseWarning, Reference
from docintake.registry import lifecycle, review, store
from docintake.registry.ingest import store_parsed
from docintake.registry.merge import apply_corrections
from docintake.registry.testing import ACTOR, ingest_letters, letter, load_directory

DISTRICT = "ที่ว่าการอำเภอเมืองเพ็ญ"
AS_OF = dt.date(2025, 6, 20)
SEED = Path(__file__).parent / "fixtures" / "seed_bundle.txt"


def _warn(field, code="unreadable"):
    return ParseWarning(code=code, field=field, message=f"{field} looks wrong")


# ---------------------------------------------------------------- doubts


REFS = [Reference(doc_no="ชย 0023.6/1", text="หนังสือจังหวัด ที่ ชย ๐๐๒๓.๖/๑"),
        Reference(doc_no=None, text="หนังสือกรม ที่ มท ๐๘๑๐.๖/ว ๒๐๖๙")]


@pytest.mark.parametrize("fields,expected", [
    (dict(confidence={"doc_no": 1.0, "date": 1.0}), []),
    (dict(doc_no="ชย 0023.14/1", confidence={"doc_no": 0.5}), [("doc_no", "ชย 0023.14/1")]),
    (dict(confidence={"doc_no": 0.8, "kind": 0.1, "signatory": 0.2}), []),  # at the bar; fields nobody acts on
    (dict(references=REFS, confidence={"references": 0.6}, warnings=[_warn("references[2].doc_no")]),
     [("references[2].doc_no", "หนังสือกรม ที่ มท ๐๘๑๐.๖/ว ๒๐๖๙")]),  # numbered from 1, as printed
    (dict(deadlines=[Deadline(date=dt.date(2026, 5, 30), text="ภายใน ๓๐ พ.ค. ๖๙")],
          warnings=[_warn("deadlines[0]", "year_implausible")]), [("deadlines[0]", "ภายใน ๓๐ พ.ค. ๖๙")]),
    (dict(warnings=[ParseWarning(code="odd", field=None, message="whole letter")]), [("letter", None)]),
    (dict(warnings=[_warn("contact.phone")]), []),
    (dict(to="นายก อบต. บ้านใหม่", urgency=None, confidence={"urgency": 0.5, "to": 0.3}),
     [("to", "นายก อบต. บ้านใหม่"), ("urgency", None)]),  # what routing hangs on first
], ids=["confident", "low-doc-no", "ignored-fields", "reference-entry", "deadline-entry", "letter-wide",
        "contact", "order"])
def test_doubts_of(fields, expected):
    assert [(d.field, d.value) for d in review.doubts_of(Letter(**fields))] == expected


def test_a_corrected_field_is_no_longer_doubtful():
    read = Letter(date=dt.date(2025, 6, 10), confidence={"date": 0.2}, warnings=[_warn("date")])
    assert [d.field for d in review.doubts_of(read)] == ["date"]
    assert review.doubts_of(apply_corrections(read, {"date": "2025-06-16"})) == []


# ------------------------------------------------------------ finding text


@pytest.mark.parametrize("text,needle,expected", [
    ("ที่ ชย ๐๐๒๓.๑๔/๑๗๐๙", "ชย 0023.14/1709", ["ชย ๐๐๒๓.๑๔/๑๗๐๙"]),
    ("ที่ ชย ๐๐๒๓.๖/๑ ๓๖๕", "ชย 0023.6/1365", ["ชย ๐๐๒๓.๖/๑ ๓๖๕"]),  # OCR split the digits
    ("เรือง ขอเชิญประชุม", "เรื่อง", ["เรือง"]),  # tone mark dropped by OCR
    ("การดําเนินงาน", "ดำเนิน", ["ดําเนิน"]),  # sara am split in two
    ("๑๑ มิ.ย. ๖๘ และ ๑๑ มิ.ย. ๖๘", "11 มิ.ย. 68", ["๑๑ มิ.ย. ๖๘", "๑๑ มิ.ย. ๖๘"]),
    ("ไม่มี", "ชย 1/1", []),
], ids=["digits", "split-digits", "tone-mark", "sara-am", "twice", "absent"])
def test_locate_all(text, needle, expected):
    assert [text[a:b] for a, b in review.locate_all(text, needle)] == expected


def test_window_shows_line_breaks_and_clips_long_values():
    text = "ก" * 50 + "\nค่า\n" + "ข" * 50
    before, match, after = review.window(text, 51, 54)
    assert (before, match, after) == ("ก" * 39 + " ⏎ ", "ค่า", " ⏎ " + "ข" * 39)
    _, long, _ = review.window("x" * 300, 0, 300)
    assert " … " in long and len(long) < 100


# ------------------------------------------------------ the list, in order


@pytest.fixture
def db():
    db = store.open_db(":memory:")
    load_directory(db)
    return db


def _send(db, run, deadline, urgency=None, doubtful=True, to="นายกองค์การบริหารส่วนตำบลโนนสูง"):
    conf = {"doc_no": 0.4} if doubtful else {"doc_no": 1.0}
    # running numbers 1100, 2200 ...: too unlike for identity to take one for another
    ingest_letters(db, letter(f"ชย 0023.14/{run * 1100}", "2025-06-01", deadline=deadline, issuer=DISTRICT, to=to,
                              urgency=urgency, subject=f"เรื่องที่ {run}", confidence=conf), name=f"{run}.txt")


def test_most_urgent_first(db):
    _send(db, 1, "2025-07-10")
    _send(db, 2, "2025-06-25", urgency="ด่วน")
    _send(db, 3, "2025-06-25", urgency="ด่วนที่สุด")
    _send(db, 4, "2025-06-10")  # overdue
    _send(db, 5, None, urgency="ด่วนที่สุด")
    _send(db, 6, "2025-06-01", doubtful=False)  # nothing to check
    _send(db, 7, "2025-06-05")  # overdue but done: no hurry left
    (task,) = db.query("SELECT t.id FROM tasks t JOIN letters l ON l.id = t.letter_id WHERE l.doc_no LIKE '%/7700'")
    lifecycle.done(db, task["id"], ACTOR)
    items = review.review(db, AS_OF)
    assert [i.doc_no[-4] for i in items] == ["4", "3", "2", "1", "5", "7"]
    assert [i.overdue for i in items][:2] == [True, False] and items[0].days_left == -10
    assert [i.doc_no[-4] for i in review.review(db, AS_OF, limit=2)] == ["4", "3"]


def _store_pages(db, name, pages, letters):
    parsed = ParseResult(file=name, pages=len(pages), letters=letters)
    ocr = OcrResult(file=name, pages=[PageText(index=i, text=t, path="text") for i, t in enumerate(pages)])
    sha = hashlib.sha256(name.encode()).hexdigest()
    return store_parsed(db, path=name, sha256=sha, ocr=ocr, parsed=parsed, actor=ACTOR)


PAGE_TWO_LETTERS = (
    "ที่ ชย ๐๐๒๓.๑๔/๑๗๐๙\nที่ว่าการอำเภอเมืองเพ็ญ\n๑๖ มิถุนายน ๒๕๖๘\nเรื่อง ขอให้รายงาน\n"
    "อ้างถึง หนังสืออำเภอ ที่ ชย ๐๐๒๓.๑๔/๕๗๘\nให้แล้วเสร็จภายในวันที่ ๓๐ มิถุนายน ๒๕๖๘\n\n"
    "ที่ ชย ๐๐๒๓.๖/ ๑๔๗๘\nศาลากลางจังหวัดชัยภูมิ\n๑๔๗๘ พฤษภาคม ๒๕๖๘\nเรื่อง ขอให้รายงาน\n"
    "อ้างถึง หนังสือจังหวัดชัยภูมิ ค้านที่สุด ที่ ชย ๐๐๒๓.๖/๑ ๓๖๕\n"
)


def test_context_is_found_where_the_letter_stands(db):
    district = letter("ชย 0023.14/1709", "2025-06-16", deadline="2025-06-30", subject="ขอให้รายงาน",
                      confidence={"deadlines": 0.5}, refs=[("ชย 0023.14/578", None)])
    district.references[0].text = "หนังสืออำเภอ ที่ ชย ๐๐๒๓.๑๔/๕๗๘"
    district.deadlines[0].text = "ให้แล้วเสร็จภายในวันที่ ๓๐ มิถุนายน ๒๕๖๘"
    province = Letter(subject="ขอให้รายงาน", confidence={"doc_no": 0.0, "date": 0.0},
                      references=[Reference(text="หนังสือจังหวัดชัยภูมิ ค้านที่สุด ที่ ชย ๐๐๒๓.๖/๑ ๓๖๕")])
    _store_pages(db, "bundle.txt", [PAGE_TWO_LETTERS], [district, province])
    items = {i.doc_no: i for i in review.review(db, AS_OF)}
    due = items["ชย 0023.14/1709"].doubts[0]
    assert (due.field, due.context.found_by, due.context.match) == ("deadlines", "value", "๓๐ มิถุนายน ๒๕๖๘")
    assert due.context.before.endswith("ภายในวันที่ ") and (due.context.file, due.context.page) == ("bundle.txt", 1)
    doubts = {d.field: d.context for d in items[None].doubts}
    # Not the first ที่ / month on the page (the district letter's): the ones above this letter's อ้างถึง.
    assert doubts["doc_no"].found_by == "label" and doubts["doc_no"].after.startswith("๐๒๓.๖/ ๑๔๗๘")
    assert doubts["date"].match == "พฤษภาคม" and doubts["date"].before.endswith("๑๔๗๘ ")


@pytest.mark.skipif(not SEED.exists(), reason="the seed bundle fixture is not in this tree")
def test_seed_bundle_review_is_ordered_and_quotes_the_page():
    pytest.importorskip("docintake.parse", reason="the parser (issue 4) is not in this tree")
    from docintake import pipeline
    from docintake.config import Settings

    db = store.open_db(":memory:")
    pipeline.ingest_file(SEED, db, Settings(), text=True)
    text = " ".join(SEED.read_text(encoding="utf-8").split())
    items = review.review(db, AS_OF)
    assert items and [i.deadline for i in items if i.deadline] == sorted(i.deadline for i in items if i.deadline)
    for doubt in (d for i in items for d in i.doubts if d.context):
        shown = " ".join(doubt.context.match.split())
        assert " … " in shown or shown in text
