"""Deadlines the text states but OCR left undated: the parser names what they
can be (``Letter.unread_deadlines``, ``Deadline.readings``), the registry's
task takes the earliest and flags it. Lines as the project's OCR prints them
(seeds 5, 7: a receipt stamp's month lost, a relative deadline's unit lost;
seeds 1, 10: a memo deadline's month read as Latin glyphs)."""

import datetime as dt

import pytest

from docintake.models import Deadline, Letter
from docintake.parse import parse_pages, parse_text
from docintake.parse.stampdate import stamp_readings
from docintake.parse.unread import relative_readings
from docintake.registry import store
from docintake.registry.merge import apply_corrections
from docintake.registry.tasks import build_task, earliest_reading
from docintake.registry.testing import SEED_LAOS, ingest_letters, load_directory

D = dt.date

STAMPS = [
    # (id, the stamp's date text as OCR'd, the letter's date, the dates it can be)
    # Month read as Latin letters no month fits: day 29 falls once in the 31 days after 24 Jul.
    ("month-lost-one-day", "๒๙ Tote, ๖๗", D(2024, 7, 24), [D(2024, 7, 29)]),
    ("month-lost-no-year", "๒๘ Alig.", D(2024, 10, 22), [D(2024, 10, 28)]),
    # Day 24 of a letter of 24 Jul: received that day or on 24 Aug, both in the window.
    ("month-lost-two-days", "๒๔ Tote, ๖๗", D(2024, 7, 24), [D(2024, 7, 24), D(2024, 8, 24)]),
    # The month lost whole, day then year (seed 134): day 17 falls once in the window, in 2567.
    ("month-lost-whole", "๑๗ ๒๕๖๗", D(2024, 1, 15), [D(2024, 1, 17)]),
    ("month-lost-whole-short-year", "๑๗ ๖๗", D(2024, 1, 15), [D(2024, 1, 17)]),
    # ... and the year says which: 17 Jan 2568 is not of 2567.
    ("month-lost-whole-year-bars", "๑๗ ๒๕๖๗", D(2024, 12, 20), []),
    # An Arabic 9 among Thai digits: a digit misread (seed 136: for ๑), any day of the month.
    ("stand-in-digit", "9 มิย ๖๘", D(2025, 6, 20), [D(2025, 6, d) for d in range(20, 31)]),
    ("stand-in-digit-month-unread", "9 Tote, ๖๘", D(2025, 6, 20), []),
    ("no-day", "๖๘ ๖๗ /", D(2024, 5, 27), []),
    ("no-letter-date", "๒๙ Tote, ๖๗", None, []),
]


@pytest.mark.parametrize("text, own, want", [s[1:] for s in STAMPS], ids=[s[0] for s in STAMPS])
def test_stamp_readings(text: str, own: dt.date | None, want: list) -> None:
    assert stamp_readings(text, own) == want


RELATIVE = [
    # (id, the deadline's sentence as OCR'd, the dates it counts from, its readings)
    ("days-from-one-base", "ให้จังหวัดทราบภายใน ๕วัน นับแต่วันที่ได้รับหนังสือนี้", [D(2024, 7, 29)], [D(2024, 8, 3)]),
    ("days-from-two-bases", "ให้อำเภอทราบ ภายใน ๑๕ วัน นับแต่วันที่ได้รับหนังสือนี้", [D(2024, 7, 24), D(2024, 8, 24)],
     [D(2024, 8, 8), D(2024, 9, 8)]),
    # Unit lost (seed 5): 10 days, 10 working days (Mon 8 Jan -> Mon 22 Jan) or 10 weeks.
    ("unit-lost", "อำเภอทราบ ภายใน ๑๐ นับแต่วันที่ได้รับหนังสือนี้ หากพันกำหนด", [D(2024, 1, 8)],
     [D(2024, 1, 18), D(2024, 1, 22), D(2024, 3, 18)]),
    ("count-lost", "ให้อำเภอทราบ ภายใน วัน นับแต่วันที่ได้รับหนังสือนี้", [D(2024, 1, 8)], []),
    ("no-base", "ให้จังหวัดทราบภายใน ๕ วัน นับแต่วันที่ได้รับหนังสือนี้", [], []),
]


@pytest.mark.parametrize("sentence, bases, want", [r[1:] for r in RELATIVE], ids=[r[0] for r in RELATIVE])
def test_relative_readings(sentence: str, bases: list, want: list) -> None:
    assert relative_readings(sentence, bases) == want


LETTER = """{stamp}ที่ บร ๐๐๒๓.๑๕/ว ๑๙๐๙ ที่ว่าการอำเภอลำปลายมาศ
ถนนสุขาภิบาล บร ๓๑๑๓๐
๒๔ กรกฎาคม ๒๕๖๗
เรื่อง การรายงานผล
เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง
ด้วยจังหวัดแจ้งว่า ขอให้รายงานผลการดำเนินงาน {body}
จึงเรียนมาเพื่อทราบและดำเนินการต่อไป
ขอแสดงความนับถือ
(นายประเสริฐ นาคสวัสดิ์)
นายอำเภอลำปลายมาศ"""
STAMP = "เทศบาลตำบลนาแก\nเลขรับ ๒๓๘๕\nวันที่ . {date}\nเวลา ๑๑.๔๐ น.\n"

PARSED = [
    # (id, stamp date as OCR'd, body, dated deadlines, readings of the unread ones)
    ("stamp-month-lost", "๒๙ Tote, ๖๗", "ให้จังหวัดทราบ\nภายใน ๕วัน นับแต่วันที่ได้รับหนังสือนี้", [],
     [[D(2024, 8, 3)]]),
    ("stamp-read-unit-lost", "๒๙ ก.ค. ๖๗", "ให้จังหวัดทราบ\nภายใน ๕ นับแต่วันที่ได้รับหนังสือนี้", [],
     [[D(2024, 8, 3), D(2024, 8, 5), D(2024, 9, 2)]]),
    ("stamp-read-dated", "๒๙ ก.ค. ๖๗", "ให้จังหวัดทราบ\nภายใน ๕ วัน นับแต่วันที่ได้รับหนังสือนี้", [D(2024, 8, 3)], []),
    # A stand-in digit in the stamp's day: the deadline stays unread, nothing named.
    ("stamp-day-misread", "9 Tote, ๖๗", "ให้จังหวัดทราบ\nภายใน ๕ วัน นับแต่วันที่ได้รับหนังสือนี้", [], [[]]),
]


@pytest.mark.parametrize("stamp, body, dated, readings", [p[1:] for p in PARSED], ids=[p[0] for p in PARSED])
def test_parse_names_what_an_unread_deadline_can_be(stamp: str, body: str, dated: list, readings: list) -> None:
    (letter,) = parse_text(LETTER.format(stamp=STAMP.format(date=stamp), body=body)).letters
    assert [d.date for d in letter.deadlines] == dated
    assert [d.readings for d in letter.unread_deadlines] == readings
    assert all(d.date is None for d in letter.unread_deadlines)


def test_memo_month_lost_keeps_its_readings() -> None:
    # seed 10: ก.ค. read as A.A. (ก.ค., ส.ค. or ต.ค. by shape); no chain in a memo to settle it.
    memo = ("บันทึกข้อความ\nส่วนราชการ สำนักปลัด โทร. ๐ ๕๖๗๒ ๑๒๓๔\nที่ พช ๗๓๓๒๖/๗๘๖ วันที่ ๒๘ มิถุนายน ๒๕๖๗\n"
            "เรื่อง การบันทึกข้อมูลผู้สูงอายุ\nเรียน ปลัดองค์การบริหารส่วนตำบลแสนสุข\n"
            "จึงขอให้แจ้งกองที่เกี่ยวข้องยืนยันข้อมูลผู้สูงอายุในระบบ\nสารสนเทศ ให้แล้วเสร็จภายใน วันที่ ๑๖ A.A. ๖๗\n"
            "(นางสาวกานดา ศรีสุข)\nหัวหน้าสำนักปลัด")
    (letter,) = parse_text(memo).letters
    assert letter.deadlines == []
    (unread,) = letter.unread_deadlines
    assert unread.readings[0] == D(2024, 7, 16) and D(2024, 8, 16) in unread.readings


MEMO = ("บันทึกข้อความ\nส่วนราชการ สำนักปลัด โทร. ๐ ๔๒๒๑ ๑๒๓๔\nที่ อด ๗๖๗๐๖/๕๕๕ วันที่ ๘ ก.ค. ๖๗\n"
        "เรื่อง การบันทึกข้อมูลผู้สูงอายุ\nเรียน นายกองค์การบริหารส่วนตำบลนาดี\n"
        "ทั้งนี้ เห็นควรให้ยืนยันข้อมูลผู้สูงอายุในระบบสารสนเทศ\n{deadline}\n"
        "(นางสาวกานดา ศรีสุข)\nหัวหน้าสำนักปลัด")
MEMO_DEADLINES = [
    # (id, the deadline line as OCR'd, dated deadlines, the task's deadline)
    # seed 13: the month between day and two-digit year lost; day 25 from 8 Jul is 25 Jul first.
    ("month-lost-short-year", "ภายในไม่เกินวันที่ ๒๕ ๖๗", [], D(2024, 7, 25)),
    ("month-read", "ภายในไม่เกินวันที่ ๒๕ ก.ค. ๖๗", [D(2024, 7, 25)], D(2024, 7, 25)),
    # Every month's 10th is a routine, not a deadline: nothing to take.
    ("every-month", "และจ่ายเงินภายในวันที่ ๑๐ ของทุกเดือน", [], None),
]


@pytest.mark.parametrize("line, dated, due", [m[1:] for m in MEMO_DEADLINES], ids=[m[0] for m in MEMO_DEADLINES])
def test_memo_deadline_with_its_month_lost(line: str, dated: list, due) -> None:
    (letter,) = parse_text(MEMO.format(deadline=line)).letters
    assert letter.date == D(2024, 7, 8)
    assert [d.date for d in letter.deadlines] == dated
    assert build_task(letter, 1, 1, [], []).deadline == due


def _letter(dated: list, readings: list[list]) -> Letter:
    return Letter(doc_no="บร 0023.15/ว 1909", date=D(2024, 7, 24),
                  deadlines=[Deadline(date=d, text=f"ภายในวันที่ {d}") for d in dated],
                  unread_deadlines=[Deadline(text="ภายใน ๑๕ วัน นับแต่วันที่ได้รับหนังสือนี้", relative=True,
                                             readings=r) for r in readings])


TASKS = [
    # (id, dated deadlines, readings of unread ones, task deadline, flags)
    ("earliest-of-two", [], [[D(2024, 8, 8), D(2024, 9, 8)]], D(2024, 8, 8), ["deadline_earliest_reading"]),
    ("earliest-across-deadlines", [], [[D(2024, 9, 8)], [D(2024, 8, 20)]], D(2024, 8, 20),
     ["deadline_earliest_reading"]),
    ("dated-one-binds", [D(2024, 8, 30)], [[D(2024, 8, 8)]], D(2024, 8, 30), []),
    ("nothing-named", [], [[]], None, ["no_deadline"]),
    # A month lost: day 20 is 20 Jul (before the letter of 24 Jul), 20 Aug or 20 Oct. A relayed
    # deadline past on arrival happens (seed 133: 14 ก.ค. in a letter of 15 ก.ค.), and acting by
    # the earliest meets whichever is true.
    ("before-the-letter-taken", [], [[D(2024, 7, 20), D(2024, 8, 20), D(2024, 10, 20)]], D(2024, 7, 20),
     ["deadline_earliest_reading", "overdue_on_arrival"]),
    ("before-the-letter-alone", [], [[D(2024, 7, 20)]], D(2024, 7, 20),
     ["deadline_earliest_reading", "overdue_on_arrival"]),
]


@pytest.mark.parametrize("dated, readings, due, flags", [t[1:] for t in TASKS], ids=[t[0] for t in TASKS])
def test_task_takes_the_earliest_reading(dated: list, readings: list, due, flags: list) -> None:
    task = build_task(_letter(dated, readings), 1, 1, [], [])
    assert (task.deadline, task.flags) == (due, flags)


def test_earliest_reading_says_what_it_chose_from() -> None:
    chosen = earliest_reading(_letter([], [[D(2024, 9, 8), D(2024, 8, 8)]]))
    assert chosen.date == D(2024, 8, 8) and chosen.relative
    assert "2024-08-08, 2024-09-08" in chosen.text and "earliest" in chosen.text


def test_registry_keeps_unread_deadlines_for_the_tasks() -> None:
    db = store.open_db(":memory:")
    load_directory(db)
    letter = Letter(doc_no="ชย 0023.14/1709", date=D(2025, 6, 16), issuer="ที่ว่าการอำเภอเมืองเพ็ญ",
                    to="นายกเทศมนตรีตำบลเมืองเพ็ญ",
                    unread_deadlines=[Deadline(text="ภายใน ๗ วัน นับแต่วันที่ได้รับหนังสือนี้", relative=True,
                                               readings=[D(2025, 6, 27), D(2025, 7, 28)])])
    ingest_letters(db, letter)
    rows = list(db.query("SELECT t.deadline, t.flags FROM tasks t JOIN organisations o ON o.id = t.org_id "
                         "WHERE o.name = ?", [SEED_LAOS[0]]))
    assert rows == [{"deadline": "2025-06-27", "flags": '["deadline_earliest_reading"]'}]


CORRECTED = [
    # (id, the clerk's deadline, the letter's deadlines after it)
    ("clerk-sets-a-date", "2025-07-01", [(D(2025, 7, 1), "ภายใน ๗ วัน นับแต่วันที่ได้รับหนังสือนี้")]),
    ("clerk-clears-it", None, []),
]


@pytest.mark.parametrize("value, want", [c[1:] for c in CORRECTED], ids=[c[0] for c in CORRECTED])
def test_a_clerks_deadline_leaves_no_reading_to_choose(value, want) -> None:
    read = Letter(unread_deadlines=[Deadline(text="ภายใน ๗ วัน นับแต่วันที่ได้รับหนังสือนี้", relative=True,
                                             readings=[D(2025, 6, 27)])])
    fixed = apply_corrections(read, {"deadline": value})
    assert [(d.date, d.text) for d in fixed.deadlines] == want and fixed.unread_deadlines == []
    assert all(d.readings == [] for d in fixed.deadlines)
    assert build_task(fixed, 1, 1, [], []).deadline == (want[0][0] if want else None)



# seed 3: a province letter's year read 2667, fixed by the bundle's checks after its
# deadlines were read; its deadline's month (พฤษภาคม) came out as ทปษาคปู.
DISTRICT = """อบต.หนองไผ่
เลขรับ 704
วันที่ 29 เม.ย. 67
เวลา 14.50
ด่วนที่สุด
ที่ บร 0023.17/2044 ที่ว่าการอำเภอประโคนชัย
ถนนโชคชัย-เดชอุดม บร 31140
26 เมษายน 2567
เรื่อง แนวทางการเร่งรัดการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง
เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง
สิ่งที่ส่งมาด้วย สำเนาหนังสือจังหวัดบุรีรัมย์ ที่ บร 0023.2/ว 4527 ลงวันที่ 23 เมษายน 2567 จำนวน 1 ชุด
ด้วยจังหวัดบุรีรัมย์แจ้งว่า ขอให้ส่งข้อมูลผลการจัดเก็บภาษีทางไปรษณีย์
อิเล็กทรอนิกส์ ให้อำเภอทราบ ก่อนวันที่ 8 พ.ค. 2567 เพื่ออำเภอจะได้รวบรวมรายงานจังหวัดต่อไป
จึงเรียนมาเพื่อทราบและดำเนินการ
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
นายอำเภอประโคนชัย"""
PROVINCE = """ที่ บร 0023.2/ว 4527 ศาลากลางจังหวัดบุรีรัมย์
ถนนหลักเมือง บร 31000
23 เมษายน 2667
เรื่อง แนวทางการเร่งรัดการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง
เรียน นายอำเภอ ทุกอำเภอ และนายกองค์การบริหารส่วนจังหวัดบุรีรัมย์
สิ่งที่ส่งมาด้วย สำเนาหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท 0810.4/ว 1447 ลงวันที่ 16 เมษายน 2567 จำนวน 1 ชุด
2: ขอให้อำเภอแจ้งองค์กรปกครองส่วนท้องถิ่นรายงานผล
การจัดเก็บภาษีตามแบบรายงานที่กำหนด และรวบรวมส่งให้จังหวัด
ภายในวันที่ 10 ทปษาคปู พ.ศ. 2567
จึงเรียนมาเพื่อทราบและพิจารณาดำเนินการ
ขอแสดงความนับถือ
(นางศิริพร ศรีสุข)
ผู้ว่าราชการจังหวัดบุรีรัมย์"""
DEPARTMENT = """ด่วนที่สุด
ที่ มท 0810.4/ว 1447 กรมส่งเสริมการปกครองท้องถิ่น
ถนนนครราชสีมา เขตดุสิต กทม. 10300
16 เมษายน 2567
เรื่อง แนวทางการเร่งรัดการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง
เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด
ขอให้จังหวัดรายงานผลการจัดเก็บภาษีทางไปรษณีย์อิเล็กทรอนิกส์ ให้แล้วเสร็จภายในวันที่ 13 พฤษภาคม 2567
จึงเรียนมาเพื่อโปรดพิจารณา
ขอแสดงความนับถือ
(นายขจร ศรีชวโนทัย)
อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"""


def test_lost_month_read_against_the_stamp_when_the_letter_year_is_misread() -> None:
    # Day 10: between a week before the district's 8 May and the department's
    # 13 May only 10 May is left (deadlinechain), read against the stamp's 2567.
    district, province, department = parse_pages([DISTRICT, PROVINCE, DEPARTMENT]).letters
    assert province.date == D(2024, 4, 23)
    assert [d.date for d in province.deadlines] == [D(2024, 5, 10)] and province.unread_deadlines == []
    assert [d.date for d in district.deadlines] == [D(2024, 5, 8)]
