"""Abbreviated months whose dot or letters OCR damaged, read only where one
month fits what is legible (parse.months): the dot read as a vowel below
the line, a speck letter glued before or inside an abbreviation whose inner
dot was lost. Expectations checked against the Thai abbreviations."""

import pytest

from docintake.parse import parse_text
from docintake.parse.months import month_number

TOKENS = [
    # (id, OCR token, month or None)
    # seed 12: ม.ค. with its dot read as ุ; a printed ม.ค. is January, and so is this
    ("dot-as-u-mo-kho", "มุค.", 1),
    ("dot-as-uu-mo-kho", "มูค.", 1),  # seeds 13, 14, 17
    ("dot-as-u-tho-kho", "ธุค.", 12),
    ("dot-as-u-ko-kho", "กุค.", 7),
    # Latin look-alikes cannot show whether มี.ค.'s vowel stood: both fit
    ("latin-mo-kho-ambiguous", "UA.", None),
    # no dot at all: ม.ค. or มี.ค. with its vowel lost, as before
    ("bare-mo-kho-ambiguous", "มค", None),
    ("dot-as-u-no-final-dot", "มุค", None),
    # seed 25: a speck letter before พ.ค. printed without its inner dot
    ("speck-before-bare-pho-kho", "ยพค.", 5),
    ("speck-inside-mi-yo", "มิลย.", 6),
    ("speck-after-first-of-so-kho", "สฆค.", 8),
    # ก.พ. with a speck ค, or พ.ค. with a speck ก: two months fit
    ("speck-two-readings", "กพค.", None),
    ("speck-into-mo-kho-ambiguous", "มคค.", None),
    ("three-letters-no-month", "ตกง.", None),
    # seeds 16, 23 (receipt stamps): ก.ย. with a speck ล before its dot, a mark hung on the speck
    ("speck-with-mark-before-dot", "กลุ.ย.", 9),
    ("speck-before-dot", "กล.ย.", 9),
]


@pytest.mark.parametrize(("token", "want"), [c[1:] for c in TOKENS], ids=[c[0] for c in TOKENS])
def test_month_number(token: str, want: int | None) -> None:
    got = month_number(token)
    assert (got[0] if got else None) == want


def _memo(number_line: str) -> str:
    return "\n".join([
        "บนทกขอความ", "ส่วนราชการ กองคลัง องค์การบริหารส่วนตำบลบ้านโคก", number_line,
        "เรือง ขอเชิญเข้าร่วมการฝึกอบรม", "เรียน นายกองค์การบริหารส่วนตำบลบ้านโคก",
        "ตามที่ อำเภอได้แจ้งว่า มีการฝึกอบรม", "จึงเรียนมาเพื่อโปรดพิจารณา", "(นายสมชาย ใจดี)", "ผู้อำนวยการกองคลัง",
    ])


MEMO_DATES = [
    # (id, the memo's ที่ ... วันที่ line as OCR printed it, its date or None)
    ("seed12-dot-as-u", "ที่ สน ๗๔๐๗๖/๑๑๗ วันที่ ๒๙ มุค.๒๕๖๗ 7", "2024-01-29"),
    ("seed25-speck-before", "ที่ พช ๗๗๓๕๙/๑๗๔ วันที่ ๑๙ ยพค.๖๘", "2025-05-19"),
    ("two-months-fit", "ที่ พช ๗๗๓๕๙/๑๗๔ วันที่ ๑๙ กพค.๖๘", None),
]


@pytest.mark.parametrize(("line", "want"), [c[1:] for c in MEMO_DATES], ids=[c[0] for c in MEMO_DATES])
def test_memo_date_month_mended(line: str, want: str | None) -> None:
    letter = parse_text(_memo(line)).letters[0]
    assert (letter.date.isoformat() if letter.date else None) == want
    assert any(w.field == "date" for w in letter.warnings)  # mended or unread: said so either way


def _memo_with_deadline(number_line: str, deadline: str) -> str:
    return _memo(number_line).replace("ตามที่ อำเภอได้แจ้งว่า มีการฝึกอบรม",
                                      f"ตามที่ อำเภอได้แจ้งว่า มีการฝึกอบรม ขอให้รายงานผล ภายในวันที่ {deadline}")


BARE_MONTHS = [
    # (id, memo number line, the deadline the memo sets, its date or None)
    # seed 24: มค is ม.ค. or มี.ค.; the memo's own deadline of 26 Jan leaves
    # 8 Jan the one reading in the weeks before it.
    ("seed24-bare-mo-kho-by-deadline", "กส ๗๓๙๕๖/๕๗๐ วันที่๘มค ๖๗ 7", "๒๖ ม.ค. ๒๕๖๗", "2024-01-08"),
    # a deadline of 8 Mar 2567: 8 Jan and 8 Mar both lie in the 60 days before it
    ("bare-mo-kho-both-fit", "กส ๗๓๙๕๖/๕๗๐ วันที่๘มค ๖๗ 7", "๘ มี.ค. ๒๕๖๗", None),
]


@pytest.mark.parametrize(("line", "deadline", "want"), [c[1:] for c in BARE_MONTHS], ids=[c[0] for c in BARE_MONTHS])
def test_bare_month_settled_by_memo_deadline(line: str, deadline: str, want: str | None) -> None:
    letter = parse_text(_memo_with_deadline(line, deadline)).letters[0]
    assert (letter.date.isoformat() if letter.date else None) == want
    assert any(w.field == "date" for w in letter.warnings)


def test_bare_month_without_window_unread() -> None:
    letter = parse_text(_memo("กส ๗๓๙๕๖/๕๗๐ วันที่๘มค ๖๗ 7")).letters[0]
    assert letter.date is None
