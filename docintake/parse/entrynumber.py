"""The faults of an entry's number that have one reading, fixed before the
number is read (``tidy_number``): a colon for the code's dot, the slash
before a circular's ว lost or read as a mark, a speck read as a dot inside
the running number. ``number_faults`` names the fixes a text needs, so each
is warned. Pure; used by ``entries`` and by the stages that read an entry's
number again (``entrycontext``, ``crosscheck``, ``twoprints``).
"""

from __future__ import annotations

import re

from docintake.parse.rundot import WHOLE_RUNNING

# A colon for the dot of a code (``๐๘๑๐:๔``): a code never has one.
_CODE_COLON = re.compile(r"(?<=[0-9๐-๙])\s?:\s?(?=[0-9๐-๙])")
# A circular's ว right after the code, its slash lost (``๐๘๑๐.๗ว ๒๙๖๗``) or
# read as one mark of punctuation (``๐๘๑๐.๖”ว ๔๘๔``, seed 21): ว between digits is the circular's.
_SLASH_LOST = re.compile(r"(?<=[0-9๐-๙])\s?[.,'\"“”‘’`|]?\s?ว\s?(?=[0-9๐-๙])")
# A dot inside the running number, which stands right before the date's label
# (``/๑๑.๘๐ ลงวันที่``, ``0810.6 17.33 ลงวันที่``): a running number has no
# dot, so it is a speck; joined when the digits make a running number's
# length (rundot.WHOLE_RUNNING, the letterhead's own rule), as docno joins a
# number split by a space.
_RUN_DOT = re.compile(r"(?<=[/ว\s])(?P<a>[0-9๐-๙]{1,3})\.(?P<b>[0-9๐-๙]{1,3})(?=\s{0,2}(?:\S{0,3}ันท|ลงวัน))")


def _join_dotted_run(m: re.Match[str]) -> str:
    return m["a"] + m["b"] if _dotted_joins(m) else m[0]


def _dotted_joins(m: re.Match[str]) -> bool:
    return len(m["a"]) + len(m["b"]) <= WHOLE_RUNNING


def tidy_number(text: str) -> str:
    """The entry with the number faults that have one reading fixed.

    >>> tidy_number("ที่นม ๐๐๒๓.๒/๑๑.๘๐ ลงวันที่ ๒๖ มิถุนายน ๒๕๖๘")
    'ที่นม ๐๐๒๓.๒/๑๑๘๐ ลงวันที่ ๒๖ มิถุนายน ๒๕๖๘'
    """
    text = _SLASH_LOST.sub("/ว ", _CODE_COLON.sub(".", text))
    return _RUN_DOT.sub(_join_dotted_run, text)


def number_faults(text: str) -> list[str]:
    """Which of ``tidy_number``'s fixes ``text`` needs (each is warned)."""
    faults = [name for name, pattern in (("colon_for_dot", _CODE_COLON), ("slash_lost_before_ว", _SLASH_LOST))
              if pattern.search(text)]
    dotted = _RUN_DOT.search(_CODE_COLON.sub(".", text))
    if dotted is None:
        return faults
    # Too many digits to be one running number: a digit or the number's end
    # is in doubt, so the number is not read (``read_entry``).
    return faults + ["running_dot_dropped" if _dotted_joins(dotted) else DOTTED_UNREAD]


DOTTED_UNREAD = "running_dotted"
