"""Physical order in a bundle: which following letter is the enclosed copy."""

import pytest

from docintake.models import Enclosure
from docintake.registry.bundle import pair_enclosed_copies
from docintake.registry.testing import letter

SUBJECT = "การขับเคลื่อนนโยบาย ๑ อปท. ๑ อัตลักษณ์ท้องถิ่น"


def _pairs(letters):
    return [(p.forwarder, p.copy) for p in pair_enclosed_copies(letters)]


def test_chain_of_three_pairs_each_with_the_next():
    district = letter("ชย 0023.14/1709", "2025-06-16", copies=[("ชย 0023.6/6558", "2025-05-27")], subject=SUBJECT)
    province = letter("ชย 0023.6/1478", None, copies=[("มท 0810.6/ว 2069", "2025-05-14")], subject=SUBJECT)
    department = letter(None, None, subject="การขึ้นทะเบียนโภภาย ๑ อปท. ๑ อัตถักษณ์ท้องถิ่น")
    assert _pairs([district, province, department]) == [(0, 1), (1, 2)]


def test_identity_beats_order():
    # The enclosure names the third letter exactly: it pairs with it, not with the next one.
    fwd = letter("ชย 0023.14/1", "2025-06-16", copies=[("มท 0810.6/ว 2069", "2025-05-14")])
    other = letter("ชย 0023.14/2", "2025-06-10", subject="อื่น")
    copy = letter("มท 0810.6/ว 2069", "2025-05-14")
    assert _pairs([fwd, other, copy]) == [(0, 2)]


def test_a_copy_dated_after_its_forwarder_is_not_it():
    fwd = letter("ชย 0023.14/1", "2025-06-16", copies=[("ชย 0023.6/5", "2025-05-27")])
    later = letter("ชย 0023.6/9", "2025-07-01")
    assert _pairs([fwd, later]) == []


def test_unrelated_next_letter_with_both_numbers_read_is_not_taken():
    fwd = letter("ชย 0023.14/1", "2025-06-16", copies=[("ชย 0023.6/5", "2025-05-27")], subject="ก")
    unrelated = letter("นม 0023.3/77", "2025-06-01", subject="เรื่องอื่นโดยสิ้นเชิง")
    assert _pairs([fwd, unrelated]) == []


def test_two_copies_enclosed_by_one_letter_take_the_next_two():
    fwd = letter("ชย 0023.14/1", "2025-06-16", subject=SUBJECT,
                 copies=[("ชย 0023.6/5", "2025-05-27"), ("มท 0810.6/ว 9", "2025-05-14")])
    a, b = letter("ชย 0023.6/5", "2025-05-27"), letter(None, None, subject=SUBJECT)
    assert _pairs([fwd, a, b]) == [(0, 1), (0, 2)]


@pytest.mark.parametrize("text,is_copy", [
    ("สำเนาหนังสือกรมส่งเสริมการปกครองท้องถิ่น", True),
    ("สำเนา หนังสือจังหวัด", True),
    ("แบบรายงานผลการดำเนินงาน", False),
], ids=["copy", "copy-spaced", "form"])
def test_only_letter_copies_claim_a_following_letter(text, is_copy):
    fwd = letter("ชย 0023.14/1", "2025-06-16", subject=SUBJECT)
    fwd.enclosures = [Enclosure(text=text)]
    nxt = letter(None, None, subject=SUBJECT)
    assert bool(_pairs([fwd, nxt])) is is_copy
