"""Numbers whose slash OCR lost. Pure.

With a space left (``อบ ๗๘๐๘๙ ๓๘๐ จันที่``) or none (``พช ๗๕๐๕๗๓๕๓ TUN ๑๖
ธ.ค.``: an LAO's code is exactly five digits with no dot, so where it ends is
known) the number is found, but whether a circular's ``ว`` was lost with the
slash is not known: it is left unread with both readings as candidates,
for the letter's addressee to settle where it can (``wocue``).
"""

from __future__ import annotations

import re

from docintake.parse.docno import DocNoHit
from docintake.text import lexicon
from docintake.text.normalize import number_digits

# A number whose slash (and maybe a circular's ว with it) OCR lost, only a
# space left between a whole code and the running number, right before its
# date's label (``อบ ๗๘๐๘๙ ๓๘๐ จันที่``, ``มท 0810.6 2207 ลงวันที่``) or, on a
# letterhead's ที่ line, the issuing office's name (``อบ 0023.4 6578
# ศาลากลางจังหวัด...``): a word after the digits shows they are the whole
# running number, not a date's day. An office's name only after a state
# office's dotted code: five digits alone may be an address's postcode. The
# ที่ label may be glued to the prefix (``ที่มท ๐๘๑๐.๔ ๑๓๓๙``: a wrapped line joined).
_SPLIT_LOST = re.compile(
    r"(?:(?<![ก-๎])|(?<=ที่)|(?<=ที))(?P<prefix>" + "|".join(sorted(lexicon.AGENCY_PREFIXES)) + r")\s?"
    r"(?P<code>(?P<state>0\d{3}\.\d{1,2})|[1-9]\d{4})(?P<wo>[" + re.escape(lexicon.WO_MARK_LOOKALIKES) + r"])?"
    r"\s{1,2}(?P<run>\d{1,5})(?=\s{0,2}(?:\S{0,3}ันท|ลงวัน)"
    r"|(?(state)\s{1,2}(?:" + "|".join(lexicon.OFFICE_STARTS) + ")|(?!)))")


def split_lost(text: str) -> DocNoHit | None:
    """A number whose split OCR lost (``_SPLIT_LOST``): ordinary or circular
    cannot be told (seed 3 lost a plain slash so, seed 8 a ``/ว``), so it is
    left unread with both readings as candidates.

    >>> split_lost("อบ ๗๘๐๘๙ ๓๘๐ จันที่ ๑๑ ๖๗").candidates
    ['อบ 78089/380', 'อบ 78089/ว 380']
    >>> split_lost("มท ๐๘๑๐.๖) ๑๕๔๘ ลงวันที่ ๓๐").canonical
    'มท 0810.6/ว 1548'
    """
    m = _SPLIT_LOST.search(number_digits(text))
    if m is None:
        return None
    base = f"{m['prefix']} {m['code']}/"
    if m["wo"]:  # "มท ๐๘๑๐.๖) ๑๕๔๘": the slash lost, ว read as the mark only ว is read as
        return DocNoHit(m.start(), m.end(), f"{base}ว {m['run']}", prefix=m["prefix"], code=m["code"],
                        circular=True, running=m["run"], confidence=0.7,
                        problems=["slash_lost", "circular_read_as_mark"], raw=text[m.start() : m.end()])
    return DocNoHit(m.start(), m.end(), None, prefix=m["prefix"], code=m["code"], circular=None,
                    running=m["run"], confidence=0.0, problems=["split_lost"], raw=text[m.start() : m.end()],
                    candidates=[f"{base}{m['run']}", f"{base}ว {m['run']}"])


# A province's prefix, an LAO's five-digit code and a running number glued to
# it: six to ten digits in one run, then no digit, slash or section.
_GLUED = re.compile(
    r"(?<![ก-๎])(?P<prefix>" + "|".join(sorted(lexicon.PROVINCE_PREFIXES)) + r")\s?"
    r"(?P<code>[1-9]\d{4})(?P<run>\d{1,5})(?![\d/]|\.\d)")


def glued_lost(text: str) -> DocNoHit | None:
    """The number in ``text`` whose code and running number OCR glued,
    unread, both readings as candidates.

    >>> glued_lost("ที่ พช ๗๕๐๕๗๓๕๓ TUN ๑๖ ธ.ค. ๒๕๖๗").candidates
    ['พช 75057/353', 'พช 75057/ว 353']
    >>> glued_lost("ที่ ชย ๐๐๒๓๑๔๑๗๐๙") is None  # a state office's code: no known end
    True

    A running number that starts with ๗ may hold the slash itself, run into
    the digit after it (``๗๖๙๑๒๗๖๙`` for ๗๖๙๑๒/๖๖๙, seed 70; ``slashcut``):
    its first digit is unknown, so no reading is offered.

    >>> glued_lost("ที่ พล ๗๖๙๑๒๗๖๙ วันที่ ๑๐ มิ.ย. ๖๗").candidates
    []

    Nor for one that starts with 0 (no running number does):

    >>> glued_lost("ที่ สน 76278085 วันที่ 10 มี.ค. 68").candidates
    []
    """
    m = _GLUED.search(number_digits(text))
    if m is None:
        return None
    base = f"{m['prefix']} {m['code']}/"
    slash_in_seven = m["run"].startswith("7") and len(m["run"]) > 1
    # numbering starts at 1: a first 0 is a digit or the slash misread (สน 76278085 for
    # 76278/785, seed 135), and which is not known
    lead_zero = m["run"].startswith("0")
    problems = ["slash_or_seven"] if slash_in_seven else ["running_leading_zero"] if lead_zero else []
    return DocNoHit(m.start(), m.end(), None, prefix=m["prefix"], code=m["code"], circular=None,
                    running=m["run"], confidence=0.0, problems=["slash_lost_glued", *problems],
                    raw=text[m.start() : m.end()],
                    candidates=[] if problems else [f"{base}{m['run']}", f"{base}ว {m['run']}"])
