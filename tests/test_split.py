"""Bundle splitting: letters found in order with their page spans."""

import pytest

from docintake.parse import parse_pages
from docintake.parse.lines import bundle_lines
from docintake.parse.split import split_lines


def letter(no: str, subject: str, *, urgency: str = "", body_lines: int = 3, memo: bool = False) -> list[str]:
    if memo:
        head = ["บันทึกข้อความ", "ส่วนราชการ สำนักปลัด", f"ที่ {no} วันที่ ๙ ก.ย. ๖๘",
                f"เรื่อง {subject}", "เสนอ นายกองค์การบริหารส่วนตำบลนาดี"]
    else:
        head = ([urgency] if urgency else []) + [
            f"ที่ {no}", "ที่ว่าการอำเภอภูเขียว", "ถนนสุรนารายณ์ ชย ๓๖๑๑๐", "๑๖ มิถุนายน ๒๕๖๘",
            f"เรื่อง {subject}", "เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง",
            "อ้างถึง หนังสือจังหวัดชัยภูมิ ด่วนที่สุด",
            "ที่ ชย ๐๐๒๓.๖/๑๒๓ ลงวันที่ ๒ มิถุนายน ๒๕๖๘",  # a wrapped reference starting with ที่
        ]
    body = ["ด้วยจังหวัดแจ้งว่า ขอให้องค์กรปกครองส่วนท้องถิ่นดำเนินการ"] + ["รายละเอียดตามสิ่งที่ส่งมาด้วย"] * body_lines
    foot = ["(นายสมชาย ใจดี)", "หัวหน้าสำนักปลัด"] if memo else [
        "ขอแสดงความนับถือ", "(นายสมชาย ใจดี)", "นายอำเภอภูเขียว", "ที่ทำการปกครองอำเภอ", "โทร. ๐ ๔๔๘๖ ๑๒๓๔"]
    return head + body + foot


A = letter("ชย ๐๐๒๓.๑๘/๑๑๑", "ก", urgency="ด่วนที่สุด")
B = letter("ชย ๐๐๒๓.๖/๒๒๒", "ข", urgency="ด่วนมาก")
C = letter("มท ๐๘๑๐.๖/ว ๓๓๓", "ค")
M = letter("ชย ๗๓๖๐๑/๔๘๙", "ง", memo=True)

CASES = [
    ("one-letter", ["\n".join(A)], [(1, 1)]),
    ("each-on-its-own-page", ["\n".join(A), "\n".join(B), "\n".join(C)], [(1, 1), (2, 2), (3, 3)]),
    # A runs over two pages (page 2 starts with its page number), B starts on page 3.
    ("two-page-letter", ["\n".join(A[:12]), "\n".join(["- ๒ -"] + A[12:]), "\n".join(B)], [(1, 2), (3, 3)]),
    # The seed's shape: the end of A and the start of B on one page.
    ("shared-page", ["\n".join(A[:12]), "\n".join(A[12:] + B), "\n".join(C)], [(1, 2), (2, 2), (3, 3)]),
    ("memo-then-letter", ["\n".join(M), "\n".join(C)], [(1, 1), (2, 2)]),
    # A blank page carries nothing: the span ends at the last page with text.
    ("trailing-blank-page", ["\n".join(A), ""], [(1, 1)]),
]


@pytest.mark.parametrize("pages,spans", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_split_spans(pages, spans):
    got = split_lines(bundle_lines(pages))
    assert [(s.first_page + 1, s.last_page + 1) for s in got] == spans


def test_letters_keep_their_own_fields_across_a_shared_page():
    pages = ["\n".join(A[:12]), "\n".join(A[12:] + B)]
    a, b = parse_pages(pages).letters
    assert (a.doc_no, a.urgency, a.subject) == ("ชย 0023.18/111", "ด่วนที่สุด", "ก")
    # B's urgency stamp sits on the shared page above its ที่ line, after A's contact block.
    assert (b.doc_no, b.urgency, b.subject) == ("ชย 0023.6/222", "ด่วนมาก", "ข")


def test_wrapped_reference_starting_with_ti_is_not_a_letterhead():
    (only,) = parse_pages(["\n".join(A)]).letters
    assert [r.doc_no for r in only.references] == ["ชย 0023.6/123"]


def test_text_without_a_letterhead_is_one_letter_with_warnings():
    (only,) = parse_pages(["แบบรายงานผลการดำเนินงาน\nชื่อหน่วยงาน ........"]).letters
    assert only.doc_no is None and only.subject is None
    assert {"doc_no", "subject", "date"} <= {w.field for w in only.warnings}


@pytest.mark.parametrize("pages", [[], [""], ["", "  \n\f"]], ids=["no-pages", "empty-page", "blank-pages"])
def test_no_text_no_letters(pages):
    assert parse_pages(pages).letters == []


# A department letter whose ที่ OCR read as "1" (slash lost too) and whose
# เรียน it read as "Bau" (seed 7): only its เรื่อง line is left as an anchor.
LOST_HEAD = ["Sh.", "1 มท 0810.2 1485 กรมส่งเสริมการปกครองท้องถิ่น", "ถนนนครราชสีมา เขตดุสิต กทม. 10300",
             ": 21 กรกฎาคม 2568", "เรื่อง การเตรียมความพร้อมรับสถานการณ์ไฟป่าและหมอกควัน",
             "Bau ผู้ว่าราชการจังหวัด ทุกจังหวัด", "สิ่งที่ส่งมาด้วย แบบรายงานการป้องกันไฟป่าและหมอกควัน",
             "จำนวน 1 ชุด", "ตามที่ ศูนย์บัญชาการเหตุการณ์ได้ตรวจพบจุดความร้อน", "ขอแสดงความนับถือ",
             "(นางสาวนงลักษณ์ ชัยมงคล)", "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"]
# A form enclosed after the letter's closing: its เรื่อง line has no date above.
FORM = ["แบบรายงานผลการดำเนินงาน", "เรื่อง การป้องกันไฟป่าและหมอกควัน", "ชื่อหน่วยงาน ........"]
# A reference that cites the letter's subject, its date wrapped onto a line
# of its own: the next line opens with เรื่อง inside the field block.
REF_WITH_SUBJECT = A[:6] + ["อ้างถึง หนังสือจังหวัดชัยภูมิ ที่ ชย ๐๐๒๓.๖/๑๒๓ ลงวันที่",
                            "๒ มิถุนายน ๒๕๖๘", "เรื่อง การป้องกันไฟป่า", "ขอแสดงความนับถือ"] + A[9:]

UNANCHORED = [
    ("closed-letter-then-dated-head", ["\n".join(A), "\n".join(LOST_HEAD)], [(1, 1), (2, 2)]),
    ("form-after-closing-no-date", ["\n".join(A), "\n".join(FORM)], [(1, 2)]),
    ("reference-citing-a-subject", ["\n".join(REF_WITH_SUBJECT)], [(1, 1)]),
]


@pytest.mark.parametrize("pages,spans", [c[1:] for c in UNANCHORED], ids=[c[0] for c in UNANCHORED])
def test_subject_line_without_addressee_or_labelled_head(pages, spans):
    got = split_lines(bundle_lines(pages))
    assert [(s.first_page + 1, s.last_page + 1) for s in got] == spans


def test_letter_found_by_its_dated_subject_keeps_its_subject():
    _, b = parse_pages(["\n".join(A), "\n".join(LOST_HEAD)]).letters
    assert b.subject == "การเตรียมความพร้อมรับสถานการณ์ไฟป่าและหมอกควัน"
    assert b.date is not None and b.date.isoformat() == "2025-07-21"


# A district letter whose ที่ OCR read as "N" and whose เรื่อง as a dot (seed 7,
# a single-letter bundle there): enclosed after another letter, only its
# addressee, its date and the previous letter's closing mark where it starts.
LOST_SUBJECT_LABEL = ["ด่วน", "N ชย ๐๐๒๓.๑๗/๙๐๐ ที่ว่าการอำเภอแก้งคร้อ", "ถนนประชาสโมสร WE ๓๖๐๕๙",
                      "๑๙ กันยายน ๒๕๖๘", ". การประชุมเชิงปฏิบัติการจัดทำแผนพัฒนาท้องถิ่น",
                      "เรียน นายกเทศมนตรีตำบล/นายกองค์การบริหารส่วนตำบล ทุกแห่ง",
                      "ตามที่ได้แจ้งตามหนังสือที่อ้างถึง เรื่องการประชุม", "ขอแสดงความนับถือ"]


@pytest.mark.parametrize("pages,spans", [
    (["\n".join(A), "\n".join(LOST_SUBJECT_LABEL)], [(1, 1), (2, 2)]),
    # Without the previous letter's closing, an addressee line is no letter
    # start, and the wrapped reference's ที่ line on the page before is no head.
    (["\n".join(A[:9]), "\n".join(LOST_SUBJECT_LABEL)], [(1, 2)]),
], ids=["closed-then-dated-addressee", "not-closed"])
def test_addressee_without_subject_label_or_labelled_head(pages, spans):
    got = split_lines(bundle_lines(pages))
    assert [(s.first_page + 1, s.last_page + 1) for s in got] == spans


def test_letter_found_by_its_dated_addressee_keeps_its_fields():
    _, b = parse_pages(["\n".join(A), "\n".join(LOST_SUBJECT_LABEL)]).letters
    assert b.subject == "การประชุมเชิงปฏิบัติการจัดทำแผนพัฒนาท้องถิ่น"
    assert b.date is not None and b.date.isoformat() == "2025-09-19"
    assert b.to == "นายกเทศมนตรีตำบล/นายกองค์การบริหารส่วนตำบล ทุกแห่ง"


def _labels_lost(letter_lines: list[str], head: str | None = None) -> list[str]:
    """A letter whose เรื่อง OCR read as a dot and whose เรียน as ``Bau``
    (and, with ``head``, whose ที่ line as that)."""
    out = [". " + t.removeprefix("เรื่อง ") if t.startswith("เรื่อง") else
           "Bau " + t.removeprefix("เรียน ") if t.startswith("เรียน") else t for t in letter_lines]
    return [head if head and t.startswith("ที่ ") and "ลงวัน" not in t else t for t in out]


# A form enclosed after the closing: dated, but no number line heads it.
DATED_FORM = ["แบบตอบรับการเข้าร่วมประชุม", "ชื่อหน่วยงาน ........", "วันที่ ๑๖ มิถุนายน ๒๕๖๘",
              "ผู้เข้าร่วม ........", "ตำแหน่ง ........"]

LABELLESS = [
    ("second-letter", ["\n".join(A), "\n".join(_labels_lost(B))], [(1, 1), (2, 2)]),
    ("second-letter-number-spoilt", ["\n".join(A), "\n".join(_labels_lost(B, "1 ชย 0023.6 222"))],
     [(1, 1), (2, 2)]),
    ("first-letter", ["\n".join(_labels_lost(A)), "\n".join(B)], [(1, 1), (2, 2)]),
    # seed 48: the prefix read as digits (``fi 78`` for ที่ รอ), only the whole code is left
    ("first-letter-prefix-as-digits", ["\n".join(_labels_lost(A, "fi 78 ๐๐๒๓.๑๘/๑๑๑ ที่ว่าการอำเภอ")),
                                       "\n".join(B)], [(1, 1), (2, 2)]),
    ("dated-form-after-closing", ["\n".join(A), "\n".join(DATED_FORM)], [(1, 2)]),
]


@pytest.mark.parametrize("pages,spans", [c[1:] for c in LABELLESS], ids=[c[0] for c in LABELLESS])
def test_letterhead_with_subject_and_addressee_labels_lost(pages, spans):
    got = split_lines(bundle_lines(pages))
    assert [(s.first_page + 1, s.last_page + 1) for s in got] == spans


def test_labelless_letter_keeps_its_number_and_date():
    _, b = parse_pages(["\n".join(A), "\n".join(_labels_lost(B))]).letters
    assert (b.doc_no, b.date.isoformat(), b.urgency) == ("ชย 0023.6/222", "2025-06-16", "ด่วนมาก")


# The body names a letter's subject and the line wraps before เรื่อง, below an
# enclosure whose number line starts with ที่ (seed 6's shape, wrap moved).
BODY_SUBJECT = ["ที่ ชย ๐๐๒๓.๖/๒๒๒", "ศาลากลางจังหวัดชัยภูมิ", "๑๐ กันยายน ๒๕๖๘",
                "เรื่อง การตรวจสอบคุณสมบัติผู้มีสิทธิรับเงินเบี้ยยังชีพผู้สูงอายุ",
                "เรียน นายอำเภอ ทุกอำเภอ", "สิ่งที่ส่งมาด้วย สำเนาหนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด",
                "ที่ มท ๐๘๑๐.๘/ว ๙๔๔ ลงวันที่ ๓ ก.ย. ๒๕๖๘", "จำนวน ๑ ชุด",
                "ด้วยกรมส่งเสริมการปกครองท้องถิ่นได้มีหนังสือแจ้ง",
                "เรื่อง การตรวจสอบคุณสมบัติผู้มีสิทธิรับเงินเบี้ยยังชีพผู้สูงอายุ โดยแจ้งว่า",
                "ปีงบประมาณ พ.ศ. ๒๕๖๘ มีผู้สูงอายุที่มีสิทธิรับเงินเบี้ยยังชีพ", "ขอแสดงความนับถือ"]


def test_body_line_opening_with_subject_word_is_no_letter():
    got = split_lines(bundle_lines(["\n".join(BODY_SUBJECT)]))
    assert [(s.first_page + 1, s.last_page + 1) for s in got] == [(1, 1)]


def test_labelless_letter_subject_line_skips_dirt_under_the_date():
    page = ["ที่ WY ๐๐๒๓.๖/ว ๙๒๗๖ ศาลากลางจังหวัดเพชรบูรณ์", "ถนนสระบุรี-หล่มสัก พช ๒๓๐๐๐", "๑๔ เมษายน ๒๕๖๘", "๕",
            "(Goa การรณรงค์กำจัดแหล่งเพาะพันธุ์ยุงลาย", "Bau นายอำเภอ ทุกอำเภอ", "ด้วยจังหวัดเพชรบูรณ์แจ้งว่า",
            "ขอแสดงความนับถือ"]
    lines = bundle_lines(["\n".join(A), "\n".join(page)])
    _, b = split_lines(lines)
    assert lines[b.subject].text == "(Goa การรณรงค์กำจัดแหล่งเพาะพันธุ์ยุงลาย"


# Seed 6: เรื่อง read as เรียง, which the label matcher takes for เรียน; the
# line above it is the letterhead's date (its month damaged), not the subject.
SUBJECT_READ_AS_ADDRESSEE = ["ที่ ชม ๐๐๒๓.๑๖/๒๓๘๙ ที่ว่าการอำเภอฝาง", "ถนนสุรนารายณ์ ชม ๕๐๓๘๗", "",
                             "๑๒ กถันยายน ๒๕๖๘", "", "เรียง การรายงานผลการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้างของ",
                             "องค์กรปกครองส่วนท้องถิ่น", "เรียน นายกเทศมนตรี และนายกองค์การบริหารส่วนตำบล ทุกแห่ง",
                             "ตามที่ จังหวัดเชียงใหม่ได้แจ้งว่า", "ขอแสดงความนับถือ", "(นายสมชาย ใจดี)", "นายอำเภอฝาง"]


@pytest.mark.parametrize(("pages", "date", "subject"), [
    (["\n".join(SUBJECT_READ_AS_ADDRESSEE)], "2025-09-12",
     "การรายงานผลการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้างขององค์กรปกครองส่วนท้องถิ่น"),
    # a subject above a misread addressee stays the subject when no date stands there
    (["\n".join(SUBJECT_READ_AS_ADDRESSEE[:3] + ["๑๒ กันยายน ๒๕๖๘", "การรายงานผลการจัดเก็บภาษี",
                                                "เรียง นายกเทศมนตรี ทุกแห่ง"] + SUBJECT_READ_AS_ADDRESSEE[8:])],
     "2025-09-12", "การรายงานผลการจัดเก็บภาษี"),
], ids=["date-above-misread-subject-label", "subject-above-misread-addressee"])
def test_date_line_is_never_the_subject(pages, date, subject):
    (letter,) = parse_pages(pages).letters
    assert letter.date is not None and letter.date.isoformat() == date
    assert letter.subject == subject
