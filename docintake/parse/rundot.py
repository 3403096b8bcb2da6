"""A speck read as a dot inside a running number (``/๒๔๐.๖ ที่ว่าการ`` for
๒๔๐๖, ``/๑๑.๘๐ ลงวันที่`` for ๑๑๘๐, ``/23.51`` for 2351: seeds 13 and 18).

A running number is a plain count (DOMAIN.md): it has no dot, and no
section follows it. Digits after a dot glued to it, the number then ending
before a space or a word, are its own digits with a speck between them, so
they are joined, warned and less confident. Not after a number that is
already whole (four digits: ``runjoin.join_running``), nor before a second
dot (``๑๕.๖.๖๗`` is a date), nor when the digits run on. Pure.
"""

from __future__ import annotations

import re

WHOLE_RUNNING = 4  # a running number of four digits is whole (runjoin.join_running)
CONFIDENCE = 0.8
# ... a stop after them too (``/7.17. ที่ว่าการ``, seed 124): a leader's dot, not a date's second
_AFTER_DOT = re.compile(r"\.(?P<digits>\d{1,3})(?=\.?(?:\s|$)|[ก-๎])")


def dotted_tail(running: str, after: str) -> str | None:
    """The digits a stray dot split off ``running``, from the text right after
    it (Arabic digits); None when ``after`` is not such a tail.

    >>> dotted_tail("240", ".6 ที่ว่าการอำเภอร่อนพิบูลย์"), dotted_tail("11", ".80 ลงวันที่ ๒๖")
    ('6', '80')
    >>> dotted_tail("7", ".17. ที่ว่าการอำเภอด่านซ้าย")
    '17'
    >>> dotted_tail("1719", ". ที่ว่าการ"), dotted_tail("1719", ".5 ที่ว่าการ"), dotted_tail("15", ".6.67")
    (None, None, None)
    """
    m = _AFTER_DOT.match(after)
    if m is None or len(running) + len(m["digits"]) > WHOLE_RUNNING:
        return None
    return m["digits"]


_STOP_THEN_WORD = re.compile(r"[.,]\s*[ก-๎]")


def stopped_last_digit(run: str, after: str) -> bool:
    """Whether the running number's last group (``run``: groups split by
    OCR spaces) is one digit with a stop right after it, before a word
    (``ชย 75221/686 7. วันที่``, seed 21). A running number has no stop, so
    that digit may be a speck of the leader line read as ``7.`` or the
    number's last digit split off: nothing in the line tells which.

    >>> stopped_last_digit("686 7", ". วันที่ 29 ม.ค. 68"), stopped_last_digit("686 7", " วันที่ 29")
    (True, False)
    >>> stopped_last_digit("6867", ". วันที่"), stopped_last_digit("68 67", ". วันที่")
    (False, False)
    """
    groups = run.split(" ")
    return len(groups) > 1 and len(groups[-1]) == 1 and _STOP_THEN_WORD.match(after) is not None
