"""Deadline cues OCR read one vowel off, and a digit speck between the
วันที่ label and the day (analysis seed 21): the date is still the deadline
when the rest of the cue settles it, and ordinary words one letter from a cue
are not cues."""

import datetime as dt

import pytest

from docintake.parse.deadlines import absolute_deadlines, find_deadlines

CASES = [
    # (id, paragraph as OCR'd, the deadlines a reader reads)
    # ใน of ภายใน read as โน (seed 21): ภายในวันที่ ๒๒ พ.ย. ๒๕๖๗.
    ("sara-ai-read-as-o", "ให้อำเภอทราบ ภายโนวันที่ ๒๒ พ.ย. ๒๕๖๗ เพื่ออำเภอจะได้รวบรวม", [dt.date(2024, 11, 22)]),
    ("sara-ai-maimalai", "รายงานจังหวัดภายไนวันที่ ๕ มีนาคม ๒๕๖๘", [dt.date(2025, 3, 5)]),
    ("mai-koen-vowel-off", "ส่งแบบรายงานไม่เกีนวันที่ ๑๐ ม.ค. ๒๕๖๘", [dt.date(2025, 1, 10)]),
    # ไม่เกิน with its ิ read as ็ (which the key drops), after ภายใน ending the line above (seed 21).
    ("vowel-lost", "ผ่าน QR Code ท้ายหนังสือนี้ ภายในไม่เก็นวันที่ ๑ มกราคม ๒๕๖๘", [dt.date(2025, 1, 1)]),
    # ภายนอก ("outside") is no cue: a word stands between it and the label.
    ("outside-is-no-cue", "ส่งหน่วยงานภายนอกวันที่ ๑ มกราคม ๒๕๖๘", []),
    # A cue one letter off says nothing without the วันที่ label after it.
    ("one-off-needs-label", "อำเภอทราบ ภายโน ๒๒ พ.ย. ๒๕๖๗", []),
    # Seed 56: า read as ว, the weekday label after it; the year on the next line.
    ("sara-aa-read-as-wo", "ให้จังหวัดทราบ ภวยในวันจันทร์ที่ ๕ สิงหาคม\n๒๕๖๗", [dt.date(2024, 8, 5)]),
    ("sara-aa-read-as-wo-needs-label", "ให้จังหวัดทราบ ภวยใน ๕ สิงหาคม ๒๕๖๗", []),
    # Seed 57: the cue one vowel off and its label's น read as ย (วัยศุกร์ที่).
    ("label-no-read-as-yo", "ขอได้โปรดแจ้งตอบ ได้แล้วเสร็จภายโนวัยศุกร์ที่ ๒๙\nพฤศจิกายน ๒๕๖๗", [dt.date(2024, 11, 29)]),
    # ภายใต้ ("under") is one consonant from ภายใน: a real word, no cue.
    ("consonant-off-is-a-word", "ดำเนินการภายใต้วันที่ ๒๒ พ.ย. ๒๕๖๗ ที่กำหนด", []),
    ("will-reach-is-no-cue", "ซึ่งจะถึงวันที่ ๒๒ พ.ย. ๒๕๖๗ นี้", []),
    # A speck read as ๗ glued to the label's full stop (seed 21): ๗๓๑ is no
    # day, so the speck is not part of it.
    ("digit-speck-after-label", "ให้แล้วเสร็จภายใน วันที่.๗ ๓๑ ก.ค. ๒๕๖๘ เพื่ออำเภอ", [dt.date(2025, 7, 31)]),
    # A digit split from its day is joined into it (๑ ๕ is the 15th), not dropped.
    ("split-day-still-joined", "ให้แล้วเสร็จภายในวันที่.๑ ๕ ก.ค. ๒๕๖๘", [dt.date(2025, 7, 15)]),
    ("digit-speck-without-cue", "ประชุมวันที่.๗ ๓๑ ก.ค. ๒๕๖๘ ณ ห้องประชุม", []),
]


@pytest.mark.parametrize(("para", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_cue_one_off(para: str, want: list) -> None:
    assert [h.date for h, _ in absolute_deadlines(para)] == want


DAYLESS = [
    # (id, paragraph as OCR'd, dateless deadlines found)
    # ไม่เกิน ending one line, the line with วันที่ ๑ lost, the month and year on
    # the next (seed 21): a deadline, its date unread.
    ("day-line-lost", "ให้องค์กรปกครองส่วนท้องถิ่นรายงานผลการดำเนินงาน ไม่เกินกันยายน พ.ศ. ๒๕๖๘", 1),
    ("day-line-lost-no-era", "ส่งแบบรายงานให้อำเภอภายในพฤศจิกายน ๒๕๖๗", 1),
    # ภายในเดือน...: within a month, no day was ever printed: no deadline date to read.
    ("within-the-month", "ขอให้ดำเนินการภายในเดือนกันยายน ๒๕๖๘", 0),
    ("read-day-stays-read", "ให้รายงานภายในวันที่ ๑ กันยายน ๒๕๖๘", 0),
]


@pytest.mark.parametrize(("para", "dateless"), [c[1:] for c in DAYLESS], ids=[c[0] for c in DAYLESS])
def test_cue_before_month_without_day(para: str, dateless: int) -> None:
    deadlines, _ = find_deadlines([para], dt.date(2024, 8, 11))
    assert sum(d.date is None for d in deadlines) == dateless
