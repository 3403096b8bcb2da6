"""The letterhead's number line: ``ที่`` and the letter's document number,
also when OCR glued the label to the prefix, lost the label, lost the
number's slash or put debris before it; and the text after the number on
that line (the office block, when OCR joined them). Pure.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docintake.parse.docno import DocNoHit, read_doc_no, read_doc_no_loose
from docintake.parse.junkprefix import junk_prefix_line
from docintake.parse.lines import Line, after_number_label, docno_line, label_of
from docintake.parse.slashlost import split_lost
from docintake.text import lexicon

if TYPE_CHECKING:  # header imports this module: the type only, to avoid a cycle
    from docintake.parse.header import Header

__all__ = ["read_number_line"]


def read_number_line(lines: list[Line], zone: list[int], head: int, h: Header) -> tuple[int, list[int], str, str]:
    """The letter's number, ``h.doc`` set when read (its lines in ``h.used``):
    from the ที่ line, else from a line whose label OCR lost, whose slash it
    lost, or with debris before the prefix. Returns the ที่ line, the zone's
    lines after it left to read, the text after the number on its line and
    that line ("" when no number was found)."""
    head = _number_line(lines, zone, head, h)
    after = [i for i in zone if i > head and i not in h.used]
    trailing = number_line = ""
    start_at = _number_start(lines[head].text)
    if start_at is not None:
        h.used.add(head)
        number_line = lines[head].text
        h.doc = _read_docno(lines, head, start_at, after[0] if after else None)
        if h.doc is not None:
            trailing = _trailing(lines[head].text, start_at, h.doc)
            if h.doc.raw and h.doc.raw not in lines[head].text and after:
                h.used.add(after[0])
    if h.doc is None and (found := _number_elsewhere(lines, zone, h)) is not None:
        i, trailing = found
        number_line = lines[i].text
        after = [k for k in after if k != i]
    return head, after, trailing, number_line


def _number_elsewhere(lines: list[Line], zone: list[int], h: Header) -> tuple[int, str] | None:
    """A number the ที่ line did not give: the first of these readings that
    finds one (each sets ``h.doc``): (its line, the text after it), else None."""
    if (bare := _unlabelled_number(lines, zone, h)) is not None:
        return bare, _trailing(lines[bare].text, 0, h.doc) if h.doc else ""
    if (lost := _slash_lost_line(lines, zone, h)) is not None:
        return lost[0], _trailing(lines[lost[0]].text, lost[1], h.doc)
    if (junk := junk_prefix_line([lines[i].text for i in zone])) is not None:
        k, h.doc = junk
        h.used.add(zone[k])
        return zone[k], _trailing(lines[zone[k]].text, 0, h.doc).lstrip(".,:;' ")  # a speck before the office
    return None


def _read_docno(lines: list[Line], idx: int, start: int, nxt: int | None) -> DocNoHit | None:
    """The number on a ที่ line; a number wrapped onto the next line is joined."""
    text = lines[idx].text[start:]
    hit = read_doc_no(text)
    dangling = text.rstrip().endswith(("/", "ว", ".")) or (hit is None and nxt is not None)
    if (hit is None or dangling) and nxt is not None:
        joined = read_doc_no(text.rstrip() + " " + lines[nxt].text)
        if joined is not None and (hit is None or len(joined.raw) > len(hit.raw)):
            return joined
    return hit or read_doc_no_loose(text)


# ``ที่ลป ๐๐๒๓.๔/๓๕๐๕``: the label glued to a known prefix (no space between),
# maybe a speck read as a dot after it and inside the code (``ที่สน.๐๐๒.๓.๑๓/``, seed 66).
_GLUED_LABEL = re.compile(rf"^\W{{0,3}}ท[ี]?[่]?(?=(?:{'|'.join(lexicon.AGENCY_PREFIXES)})\.?\s?"
                          r"(?:[0-9๐-๙]{4,}|[0-9๐-๙]{2,3}\.[0-9๐-๙])[0-9๐-๙.:]*\s?/)")


def _number_start(text: str) -> int | None:
    """Where the letter's number starts on its ที่ line (``lines.docno_line``),
    also when OCR glued the label to the prefix.

    >>> _number_start("ที่ลป ๐๐๒๓.๔/๓๕๐๕/ ศาลากลางจังหวัดลำปาง")
    3
    >>> _number_start("ทีมค ๐๐๒๓.๑/ว ๕๐๐๑ ศาลากลางจังหวัดมหาสารคาม")
    2
    >>> _number_start("ที่สน.๐๐๒.๓.๑๓/๙๓๕ ที่ว่าการอำเภอพังโคน")
    3
    """
    at = docno_line(text)
    if at in (None, 0) and (m := _GLUED_LABEL.match(text)) is not None:
        return m.end()  # not a bare number whose prefix is "ทีมค"
    return at


# Debris OCR reads from a lost ``ที่`` label: a few non-Thai marks (``Nl``, ``=``).
_LABEL_DEBRIS = re.compile(r"[^ก-๎]{0,4}")


def _unlabelled_number(lines: list[Line], zone: list[int], h: Header) -> int | None:
    """A letterhead whose ``ที่`` OCR lost or left on a line of its own: the one
    line above เรื่อง that opens, after a little debris, with a known prefix
    and a whole number (``Nl พล ๗๖๗๓๕/๘๐๑ สำนักงาน...``, or ``สร ๗๔๓๖๒/๒๙๐``
    read below the office). Nothing else above เรื่อง prints such a number
    (references come after it), so it is the letter's own; two such lines
    cannot be told apart and leave it unread.

    Returns the line's index and sets ``h.doc``, confidence lowered."""
    found = []
    for i in zone:
        hit = read_doc_no(lines[i].text) if i not in h.used else None
        if hit is not None and hit.canonical and hit.prefix in lexicon.AGENCY_PREFIXES \
                and _LABEL_DEBRIS.fullmatch(lines[i].text[: hit.start].strip()):
            found.append((i, hit))
    if len(found) != 1:
        return None
    i, h.doc = found[0]
    h.doc.problems.append("label_lost")
    h.doc.confidence = min(h.doc.confidence, 0.8)
    h.used.add(i)
    return i


def _slash_lost_line(lines: list[Line], zone: list[int], h: Header) -> tuple[int, int] | None:
    """The ที่ line whose number OCR lost its slash on (``ที่ อบ 0023.4 6578
    ศาลากลางจังหวัดอุบลราชธานี``), which ``docno_line`` (a slash) does not
    take: (line index, where the number's text starts), ``h.doc`` set to the
    number, left unread with both readings (``slashlost.split_lost``) for the
    letter's addressee to settle (``wocue``). The label may be lost too, as
    for ``_unlabelled_number``. Only one such line above เรื่อง."""
    found = []
    for i in (i for i in zone if i not in h.used):
        at = after_number_label(lines[i].text)
        hit = split_lost(lines[i].text[at:])
        if hit is not None and _LABEL_DEBRIS.fullmatch(lines[i].text[at:][: hit.start].strip()):
            found.append((i, at, hit))
    if len(found) != 1:
        return None
    i, at, h.doc = found[0]
    h.used.add(i)
    return i, at


def _number_line(lines: list[Line], zone: list[int], head: int, h: Header) -> int:
    """The ที่ line: the head, or (when the splitter fell back to another
    line because OCR glued the label to the prefix) the glued one below it."""
    if docno_line(lines[head].text) is not None:
        return head
    glued = [i for i in zone if i >= head and i not in h.used and _GLUED_LABEL.match(lines[i].text)]
    return glued[0] if glued else head


def _trailing(text: str, start_at: int, doc: DocNoHit) -> str:
    """Text after the number on the ที่ line: the office block, when OCR joined them."""
    rest = text[start_at:]
    pos = rest.find(doc.raw)
    return rest[pos + len(doc.raw) :].strip() if pos >= 0 else ""
