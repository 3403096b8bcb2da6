"""The tone-mark restorer: table cases from the tuning corpora's OCR, names
left alone, and properties (it only inserts ่ or ้ and turns า into ำ)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docintake.text.lexicon import NAME_INTRODUCERS
from docintake.text.tones import MARKS, restore_run, restore_tones, restore_tones_with_repairs

CASES = [
    # (id, OCR text, what the restorer gives back)
    ("local-gov", "องค์กรปกครองส่วนท้องถิน", "องค์กรปกครองส่วนท้องถิ่น"),
    ("most-urgent", "ด่วนทีสุด", "ด่วนที่สุด"),
    ("date-label", "วันที ๑๖", "วันที่ ๑๖"),
    ("subject-label", "แจ้งเรืองการจัดเก็บภาษี", "แจ้งเรื่องการจัดเก็บภาษี"),
    ("land-tax", "ภาษีทีดินและสิงปลูกสร้าง", "ภาษีที่ดินและสิ่งปลูกสร้าง"),
    ("two-marks-in-one-run", "ในส่วนทีเกียวข้อง", "ในส่วนที่เกี่ยวข้อง"),
    ("mai-ek-after-sara-a", "เงินอุดหนุนทัวไป", "เงินอุดหนุนทั่วไป"),
    ("sara-am-circle-lost", "ให้ดาเนินการตามกาหนด", "ให้ดำเนินการตามกำหนด"),
    ("sara-aa-kept-in-a-word", "น้าของเขา", "น้าของเขา"),
    ("already-right", "ที่ว่าการอำเภอ", "ที่ว่าการอำเภอ"),
    ("common-word-kept", "ทีมงาน", "ทีมงาน"),
    ("latin-and-digits-untouched", "ที่ มท ๐๘๑๐.๔/ว ๑๔๔๗ email@dla.go.th", "ที่ มท ๐๘๑๐.๔/ว ๑๔๔๗ email@dla.go.th"),
    # Names come after a word that introduces them and are never changed.
    ("district-name", "นายอำเภอทุ่งสง", "นายอำเภอทุ่งสง"),
    ("sao-name-after-dot", "อบต.สันป่าตอง", "อบต.สันป่าตอง"),
    ("district-after-space", "อำเภอ ทุ่งสง", "อำเภอ ทุ่งสง"),
    ("empty", "", ""),
]


@pytest.mark.parametrize("ocr, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_restore_tones(ocr, expected):
    assert restore_tones(ocr) == expected


def test_every_change_is_recorded_with_its_gain():
    text, repairs = restore_tones_with_repairs("ด่วนทีสุด ที่ว่าการ ท้องถิน")
    assert text == "ด่วนที่สุด ที่ว่าการ ท้องถิ่น"
    assert [(r.before, r.after) for r in repairs] == [("ด่วนทีสุด", "ด่วนที่สุด"), ("ท้องถิน", "ท้องถิ่น")]
    assert all(r.gain > 0 for r in repairs)


def test_a_run_marked_as_a_name_is_left_alone():
    assert restore_run("ท้องถิน", after_name_word=True)[0] == "ท้องถิน"
    assert restore_run("ท้องถิน")[0] == "ท้องถิ่น"


def test_name_introducers_are_thai_words():
    assert all(w and all("\u0e01" <= ch <= "\u0e4e" for ch in w) for w in NAME_INTRODUCERS)


def _without_marks(s: str) -> str:
    """What the restorer may not change: the text without tone marks, sara am as sara aa."""
    return s.replace(MARKS[0], "").replace(MARKS[1], "").replace("\u0e33", "\u0e32")


THAI_TEXT = st.text(
    alphabet=st.sampled_from(list("กขคงจดตถทนบปพมยรลวสหอะาิีึืุูเแโใไ่้ํ์ั ๑๒.")), max_size=60
)


@settings(max_examples=200, deadline=None)
@given(THAI_TEXT)
def test_only_tone_marks_and_the_circle_of_sara_am_are_ever_added(text):
    fixed = restore_tones(text)
    assert _without_marks(fixed) == _without_marks(text)
    assert len(fixed) >= len(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_on_any_text(text):
    assert isinstance(restore_tones(text), str)
