"""A letter's own number read but for its prefix: what the registry needs to complete it.

An LAO numbers its letters ``<its province's prefix> <its five-digit code>/<n>``.
On a memo (บันทึกข้อความ) the prefix is often written in by hand, and OCR
reads it as Latin letters (``UN ๗๓๑๘๙/๕๖๑``), as another Thai pair (``ศร``),
or loses it with the ที่ label (``๗๒๐๙๑/๑๘๗ วันที่ ...``). A memo names its
office, not its province, so the parser leaves doc_no null and keeps what
it did read (``models.PartialDocNo``): the rest of the number, the misread
prefix and the prefixes its letters' shapes fit, and the districts the
letter names (a memo's body often names its own: ``ด้วยอำเภอบ้านเขว้าแจ้งว่า``).
The registry completes the number only where its own records confirm it
(``registry.memo_prefix``). Pure.
"""

from __future__ import annotations

import re

from docintake.models import PartialDocNo
from docintake.parse.docno import DocNoHit, read_doc_no
from docintake.parse.prefix import LAO_CODE, latin_shape_fits, thai_shape_fits

# Problems that leave a number unread for its prefix alone.
_PREFIX_ONLY = ("prefix_unreadable", "prefix_unknown", "prefix_unsupported", "prefix_lost")
# Any province's prefix: it stands in for the unread one, so the rest is read
# and checked as a province's number would be.
_STAND_IN = "ขก"
_DIGIT = "[0-9๐-๙]"
# A memo number line whose ที่ and prefix OCR both lost: an LAO's code, a
# slash and a running number opening the line, its date's label after it.
_PREFIXLESS = re.compile(rf"^\s*\S?\s*(?P<num>[1-9๑-๙]{_DIGIT}{{4}}\s?/\s?{_DIGIT}{{1,5}})(?=\s.{{0,4}}ันท)")
# An LAO's code and its slash standing apart from what came before it.
_LAO_REST = re.compile(rf"(?<![0-9๐-๙])[1-9๑-๙]{_DIGIT}{{4}}\s?/")
# A district the letter names (อำเภอ + the words run on after it: Thai has no
# spaces, so the name's end is left to whoever knows the names); not ทุกอำเภอ.
_DISTRICT = re.compile(r"(?<!ทุก)อ[ำํ]?า?เภอ\s?([ก-๎]{2,40})")
# A rest read through a repair that chose between readings (groups joined
# across a space: ``288 0`` is 2880, or 288 and a speck) is no clean number.
_CONFIDENT = 0.9


def prefixless_number(text: str) -> DocNoHit | None:
    """The number on a memo line that lost its ที่ label and its prefix.

    >>> prefixless_number("๗๒๐๙๑/๑๘๗ วันที่ ๒๖ ๖๗").after_prefix
    '๗๒๐๙๑/๑๘๗'
    >>> prefixless_number("วันที่ ๒๖/๖๗ ๑๒๓") is None
    True
    """
    m = _PREFIXLESS.match(text)
    if m is None:
        return None
    return DocNoHit(m.start("num"), m.end("num"), None, confidence=0.0, problems=["prefix_lost"],
                    raw=m["num"], after_prefix=m["num"])


def districts_named(text: str) -> list[str]:
    """The text after each อำเภอ in ``text``, a line break after it joined.

    >>> districts_named("ได้รับแจ้งจากอำเภอ\\nพิบูลมังสาหารว่า ระเบียบ")
    ['พิบูลมังสาหารว่า']
    >>> districts_named("เรียน นายอำเภอ ทุกอำเภอ")
    []
    """
    joined = re.sub(r"(เภอ)\s*\n\s*", r"\1", text)
    return list(dict.fromkeys(m.group(1) for m in _DISTRICT.finditer(joined) if not m.group(1).startswith("ทุก")))


def partial_number(hit: DocNoHit | None, letter: str) -> PartialDocNo | None:
    """What ``hit`` read of an LAO's number it left unread for its prefix alone;
    None for any other number (read, or damaged elsewhere). ``letter``: its text."""
    if hit is None or hit.canonical is not None or not any(p.startswith(_PREFIX_ONLY) for p in hit.problems):
        return None
    read_after = hit.after_prefix or hit.raw
    code_at = _LAO_REST.search(read_after)  # past a digit of the misread prefix (``U8``: the loose reader's code)
    rest = read_after[code_at.start() :] if code_at else re.sub(r"^[^0-9๐-๙]+", "", read_after)
    read = read_doc_no(f"{_STAND_IN} {rest}")
    if read is None or read.canonical is None or not LAO_CODE.fullmatch(read.code) or read.confidence < _CONFIDENT:
        return None
    misread = hit.prefix or re.sub(r"[\s.,_'|:]+", "", (hit.raw[: len(hit.raw) - len(rest)] if rest else ""))
    latin = re.search("[A-Za-z]", misread) is not None  # a Thai glyph beside Latin ones is a speck
    shapes = latin_shape_fits(misread) if latin else thai_shape_fits(misread)
    return PartialDocNo(rest=read.canonical.partition(" ")[2], misread=misread, shapes=shapes,
                        districts=districts_named(letter))


