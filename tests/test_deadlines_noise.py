"""Deadline cues as the project's OCR prints them (seed-1 dumps)."""

import datetime as dt

import pytest

from docintake.parse.deadlines import absolute_deadlines, is_deadline_cue

CASES = [
    ("weekday-garbled-to-one-letter", "จังหวัดทราบ ภายในวันพที่ ๑๙ กุมภาพันธ์ ๒๕๖๘", dt.date(2025, 2, 19)),
    ("dot-after-label", "ให้อำเภอทราบ ภายในวันที่. ๑๙ มีนาคม พ.ศ. ๒๕๖๗ เพื่ออำเภอ", dt.date(2024, 3, 19)),
    ("stray-vowel-after-label", "ภายในไม่เกินวันที่า ๒๘ มีนาคม ๒๕๖๗", dt.date(2024, 3, 28)),
    ("clean", "ให้แล้วเสร็จภายในวันที่ ๕ พฤษภาคม ๒๕๖๘", dt.date(2025, 5, 5)),
    # A reference's ลงวันที่ date is still not a deadline.
    ("reference-date", "ตามหนังสือ ที่ ชย ๐๐๒๓.๖/๑๒๓ ลงวันที่ ๒ มิถุนายน ๒๕๖๘", None),
]


@pytest.mark.parametrize(("para", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_noisy_deadline(para: str, want: dt.date | None) -> None:
    got = [h.date for h, _ in absolute_deadlines(para)]
    assert got == ([want] if want else [])


@pytest.mark.parametrize(("before", "want"), [
    ("ลงวันที่ ", False), ("ประชุมวันที่ ", False), ("ก่อนวันที่ ", True), ("ไม่เกินวันศุกร์ที่ ", True),
], ids=["signed-on", "meeting-day", "before-day", "weekday"])
def test_cue(before: str, want: bool) -> None:
    assert is_deadline_cue(before) is want
