"""A cued deadline whose look-alike month fits no month as printed, read
with one glyph misread only when exactly one month puts it on or after the
letter's date in its printed year (parse.monthwindow); warned, else unread."""

import datetime as dt

import pytest

from docintake.parse import parse_text
from lettertext import district_letter
from docintake.parse.monthwindow import months_one_glyph_misread

CASES = [
    # (id, deadline sentence as OCR'd, letter date, deadlines, warning codes on deadlines)
    # seed 23: ก.ย. printed NW.; N is ก, the ย misread. Of ก.พ., ก.ค. and ก.ย. (and
    # ม.ค., มี.ค., มิ.ย. with N as ม) only September 2568 is on or after 8 Sep 2568.
    ("seed23-nw-september", "ให้อำเภอทราบ ก่อนวันที่ ๑๗ NW. ๒๕๖๘ เพื่ออำเภอจะได้รวบรวม", "๘ กันยายน ๒๕๖๘",
     [dt.date(2025, 9, 17)], {"month_by_window"}),
    # seed 20: the same, the year glued to the month's dot.
    ("seed20-nw-glued-year", "ความช่วยเหลือ ภายในวันที่ ๒๐ NW.๒๕๖๗", "๙ กันยายน ๒๕๖๗",
     [dt.date(2024, 9, 20)], {"month_by_window"}),
    # Letter of 1 May: as printed (N unread, W a พ) NW. is ก.พ., and 17 Feb lies
    # outside the window; with one glyph misread June, July and September 2568
    # all lie ahead: several fit, so no date, and said so.
    ("several-months-ahead", "ภายในวันที่ ๑๗ NW. ๒๕๖๘", "๑ พฤษภาคม ๒๕๖๘", [], {"unreadable"}),
    # No year printed: too many months fit in the horizon; left unread.
    ("no-year-unread", "ภายในวันที่ ๑๗ NW. เพื่อรวบรวม", "๑ พฤษภาคม ๒๕๖๘", [], {"unreadable"}),
    # Glyphs that fit a month as printed keep the printed reading (A.W. is ก.พ.).
    ("printed-fit-kept", "ภายในวันที่ ๑๗ A.W. ๒๕๖๘", "๒ กุมภาพันธ์ ๒๕๖๘", [dt.date(2025, 2, 17)],
     {"month_repaired"}),
]


@pytest.mark.parametrize(("body", "letter_date", "want", "codes"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_window_reading(body: str, letter_date: str, want: list[dt.date], codes: set[str]) -> None:
    (letter,) = parse_text(district_letter(body, letter_date)).letters
    assert sorted(d.date for d in letter.deadlines if d.date) == want
    assert codes <= {w.code for w in letter.warnings if w.field == "deadlines"}


TOKENS = [
    ("n-and-w", "NW.", {1, 2, 3, 4, 6, 7, 9}),  # 4: เม.ย. with its เ lost reads ม.ย.
    ("too-long", "NWAA.", set()),
    ("no-dot", "NW", set()),
]


@pytest.mark.parametrize(("token", "want"), [c[1:] for c in TOKENS], ids=[c[0] for c in TOKENS])
def test_months_one_glyph_misread(token: str, want: set[int]) -> None:
    assert months_one_glyph_misread(token) == want
