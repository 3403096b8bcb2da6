"""A letterhead number whose ``ที่`` label and prefix OCR read as a few
digits or marks (seed 10: ``130 ๐๐๒๓.๑๖/๑๗๑๙. ที่ว่าการอำเภอเสลภูมิ`` for
``ที่ รอ ๐๐๒๓.๑๖/๑๗๑๙``). docno reads a prefix only in Thai or Latin letters,
so a prefix read as digits hides the number. A line above เรื่อง that opens
with such a token, then a state office's dotted code (or an LAO's five
digits), slash and running number, then the office's name, is the letter's own number with its prefix
unreadable: ``prefix.recover_prefix`` takes the prefix back from what the
letterhead says (its postcode's province) or leaves it unread. Pure.
"""

from __future__ import annotations

import re

from docintake.parse.docno import DocNoHit
from docintake.parse.office import find_office
from docintake.text import lexicon
from docintake.text.normalize import number_digits

# The token standing for ที่ and the prefix (or two: ``1 a5`` for ที่ สร, seed 26),
# a state office's code (0023.16, 0810.6) or an LAO's five digits (seed 48:
# ``๑FUN ๗๕๗๐๕/๗๐๖``), the slash and a circular's ว, the running number, then
# (past a speck) the office's name (``office.find_office``, OCR-tolerant): only
# a letterhead's ที่ line reads so. Or the ที่ label read and the prefix lost
# (``ที่ ๐๐๒๓.๑๕/ว ๙๑๔ ที่ว่าการอำเกอกมลาไสย``, seed 44) or read as digits
# (``ที่ 07, ๐๐๒๓.๑/๗๓๗๐ ศาลากลางจังหวัดเชียงราย``, seed 115: ชร).
_JUNK_PREFIX = re.compile(
    r"^\s*(?:(?P<junk>[^\sก-๎]{1,4}(?:\s[^\sก-๎]{1,3})?)|ท[ี]?[่]?(?:\s(?P<after_label>[^\sก-๎]{1,4}))?)\s(?P<rest>(?P<code>0\d{3}\.\d{1,2}|[1-9]\d{4})\s?/\s?(?P<circ>ว\s?)?(?P<run>\d{1,5}))"
    r"(?:[^\s\d/]?\s+|\s*$)")


_OFFICE_START = re.compile("|".join(lexicon.OFFICE_STARTS))


def _office_follows(text: str) -> bool:
    """An office's opening word as printed, or an office named in OCR-damaged spelling."""
    return _OFFICE_START.match(text) is not None or find_office(text, max_debris_tokens=0) is not None


def _next(texts: list[str], k: int) -> str:
    """The line after ``texts[k]`` (the office block OCR set below a number alone on its line)."""
    return texts[k + 1] if k + 1 < len(texts) else ""


def junk_prefix_line(texts: list[str]) -> tuple[int, DocNoHit] | None:
    """(index, number) of the one line in ``texts`` (a letterhead's, above
    เรื่อง) that prints a number after a junk token in place of its prefix;
    None when no line or several do.

    >>> k, hit = junk_prefix_line(["ด่วน", "130 ๐๐๒๓.๑๖/๑๗๑๙. ที่ว่าการอำเภอเสลภูมิ", "ถนนโพธิศรี รอ ๔๕๐๒๙"])
    >>> k, hit.after_prefix, hit.problems
    (1, '๐๐๒๓.๑๖/๑๗๑๙', ['prefix_unreadable'])
    >>> junk_prefix_line(["1 a5 ๐๐๒๓.๑๖/ว ๒๒๑๓ ที่ว่าการอำเภอศีขรภูมิ"])[1].after_prefix  # ที่ and สร read apart
    '๐๐๒๓.๑๖/ว ๒๒๑๓'
    >>> junk_prefix_line(["๑FUN ๗๕๗๐๕/๗๐๖ ที่ทำการองค์การบริหารส่วนตำบลแม่แรม"])[1].code  # an LAO's own
    '75705'
    >>> junk_prefix_line(["ที่ ๐๐๒๓.๑๕/ว ๙๑๔ ที่ว่าการอำเภอกมลาไสย"])[1].raw  # the label read, the prefix lost
    '๐๐๒๓.๑๕/ว ๙๑๔'
    >>> junk_prefix_line(["ที่ 07, ๐๐๒๓.๑/๗๓๗๐ ศาลากลางจังหวัดเชียงราย"])[1].raw  # the label read, the prefix as digits
    '07, ๐๐๒๓.๑/๗๓๗๐'
    >>> junk_prefix_line(["ที่ รอ ๐๐๒๓.๑๖/๑๗๑๙ ที่ว่าการอำเภอเสลภูมิ"]) is None  # a prefix in Thai letters
    True
    >>> junk_prefix_line(["๑fad ๗๖๐๐๖/ ๙๕๗", "ที่ทำการองค์การบริหารส่วนตำบลแสนสุข"])[1].code  # the office below (seed 68)
    '76006'
    >>> junk_prefix_line(["๑fad ๗๖๐๐๖/ ๙๕๗", "ขอเชิญประชุม"]) is None
    True
    """
    found = [(k, m) for k, t in enumerate(texts)
             if (m := _JUNK_PREFIX.match(number_digits(t))) and _office_follows(t[m.end() :] or _next(texts, k))]
    if len(found) != 1:
        return None
    k, m = found[0]
    junk = "junk" if m["junk"] else "after_label" if m["after_label"] else "rest"
    text, start = texts[k], m.start(junk)
    return k, DocNoHit(start, m.end("rest"), None, prefix="", code=m["code"], circular=m["circ"] is not None,
                       running=m["run"], confidence=0.0, problems=["prefix_unreadable"],
                       raw=text[start : m.end("rest")], after_prefix=text[m.start("rest") : m.end("rest")])
