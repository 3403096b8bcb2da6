"""The receipt stamp (ตรารับ) as the project's OCR prints it (seeds 1, 3, 6, 7):
its small print read in Latin look-alikes or with specks; a day whose digits
cannot be trusted stays unread."""

import datetime as dt

import pytest

from docintake.parse import parse_text
from test_receipt_stamp import LETTER as STAMPED, NUMBER_LINE  # one letter for both files; tests/ is on pytest's path

LETTER = STAMPED.replace("{number_line}", NUMBER_LINE)

CASES = [
    ("clean", "เลขรับ ๒๙๕\nวันที่ ๙ มิ.ย. ๖๘\nเวลา ๑๕.๔๐ น.", "๕ มิถุนายน ๒๕๖๘", dt.date(2025, 6, 9)),
    # วันที่ printed as a Latin word.
    ("label-tun", "เลขรับ ๑๕๙\nTun ๒๓ ก.พ. ๒๕๖๗\nเวลา ๑๑.๐๐ น.", "๑๙ กุมภาพันธ์ ๒๕๖๗", dt.date(2024, 2, 23)),
    ("label-jun-after-specks", "เลขรับ 469\naa Jun 4 เม.ย. 68\nเวลา 1105", "๑ เมษายน ๒๕๖๘", dt.date(2025, 4, 4)),
    # Junior is no วันที่ label, but the line under เลขรับ holding a day and a
    # month is the stamp's date line whatever its label became.
    ("latin-word-before-date-line", "เลขรับ ๒๙๕\nJunior ๙ มิ.ย. ๖๘", "๕ มิถุนายน ๒๕๖๘", dt.date(2025, 6, 9)),
    ("latin-label-without-day", "เลขรับ ๒๙๕\nTun มิ.ย. ๖๘", "๕ มิถุนายน ๒๕๖๘", None),
    # Seed 51: วันที่ read as a digit and a Latin word, the date itself clean.
    ("label-as-digit-and-latin", "เลขรับ ๑๙๔๓\n๑ Sun ๑๗ มิ.ย. ๒๕๖๘\nเวลา ๑๒.๑๕ น.", "๕ มิถุนายน ๒๕๖๘",
     dt.date(2025, 6, 17)),
    # A speck read as ล before the abbreviation's dot.
    ("speck-before-first-dot", "เลขรับ ๒๓๐\nวันที่. ๑๐ กล.ย. ๒๕๖๘", "๘ กันยายน ๒๕๖๘", dt.date(2025, 9, 10)),
    ("speck-before-last-dot", "เลขรับ ๑๑๖๔\nวันที่ ๙ ธ.คล. ๒๕๖๗", "๕ ธันวาคม ๒๕๖๗", dt.date(2024, 12, 9)),
    # An Arabic digit in a Thai-digit date stands for a Thai one (๖ read 9).
    ("arabic-digit-in-thai-day", "เลขรับ ๘๐๑\nวันที่ ๒9 สค. ๒๕๖๗\nเวลา ๑๔.๐๐ น.", "๒๓ สิงหาคม ๒๕๖๗", None),
    ("arabic-day-thai-year", "เลขรับ ๒๙๕\nวันที่ 9 มิย ๖๘\nเวลา ๑๕.๔๐ น.", "๕ มิถุนายน ๒๕๖๘", None),
    ("all-arabic", "เลขรับ 295\nวันที่ 9 มิย 68\nเวลา 15.40 น.", "๕ มิถุนายน ๒๕๖๘", dt.date(2025, 6, 9)),
]


@pytest.mark.parametrize(("stamp", "date", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_receipt_date(stamp: str, date: str, want: dt.date | None) -> None:
    (letter,) = parse_text(LETTER.format(stamp=stamp, date=date)).letters
    assert letter.receipt is not None
    assert letter.receipt.date == want
    unread = {w.field for w in letter.warnings if w.code == "unreadable"}
    assert ("receipt.date" in unread) is (want is None)
    relative = [d.date for d in letter.deadlines if d.relative]
    assert relative == ([want + dt.timedelta(days=7)] if want else [None] * len(relative))
