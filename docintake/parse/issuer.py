"""The issuing office of a letterhead and its address: the first office-like
line after the ``ที่`` line (or the office block OCR joined to it or ordered
above it), the lines after it the address. The receipt stamp's office (the
receiving LAO) is never the issuer. Pure.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docintake.parse.lines import Line, collapse, label_of
from docintake.parse.notes import Notes
from docintake.parse.office import Office, find_office, tidy
from docintake.parse.receipt import LABELS as STAMP_LABELS, office_like
from docintake.text import lexicon

if TYPE_CHECKING:  # header imports this module: the type only, to avoid a cycle
    from docintake.parse.header import Header

__all__ = ["read_issuer", "stamp_office"]


def read_issuer(lines: list[Line], cands: list[int], h: Header, notes: Notes, trailing: str,
                number_line: str = "", above: list[int] = ()) -> None:
    """First office-like line after the head; the following lines are the address."""
    office_lines = [i for i in cands if i not in h.used]
    on_number = find_office(number_line) if number_line else None
    if on_number is not None:  # after the number, through debris and misread letters
        _take_office(on_number, h, notes)
        addr = office_lines
    elif trailing and office_like(trailing):
        h.issuer = tidy(collapse(trailing)) or collapse(trailing)
        addr = office_lines
    else:
        first = next((k for k, i in enumerate(office_lines) if _office_line(lines[i].text)), None)
        if first is None and above and _office_line(lines[above[-1]].text):
            office_lines, first = [above[-1], *office_lines], 0  # OCR ordered the office block above ที่
        if first is None:
            notes.unreadable("issuer", "issuing office not readable in the letterhead")
            return
        text = lines[office_lines[first]].text
        if office_like(text):
            h.issuer = tidy(collapse(text)) or collapse(text)
        else:
            _take_office(find_office(text, _debris_tokens(text)), h, notes)
        addr = office_lines[first + 1 :]
    h.address = collapse(" ".join(lines[i].text for i in addr)) or None
    notes.conf("issuer", 1.0)


# The address under the office ends with its postcode (``ถนนนครราชสีมา เขตดุสิต กทม. ๑๐๓๐๐``):
# never the office, though it may hold an office word (เทศบาล, กทม.).
_POSTCODE_END = re.compile(r"[0-9๐-๙]{5}\W*$")


def _office_line(text: str) -> bool:
    """An office's own line: as printed, or with a speck before it or letters misread."""
    if _POSTCODE_END.search(text.strip()):
        return False
    return office_like(text) or find_office(text, _debris_tokens(text)) is not None


def _debris_tokens(text: str) -> int:
    """Tokens that may stand before the office: a speck on its own line; the label
    and the number's parts on a ที่ line whose number was read elsewhere or not at all."""
    return 8 if label_of(text, ("ที่",)) is not None or _NUMBERISH.search(text) else 1


# A document number's prefix and office code (``อด ๐๐๒๓.๗``), whatever OCR made of the label before it.
_NUMBERISH = re.compile(rf"(?:{'|'.join(lexicon.AGENCY_PREFIXES)})\.?\s?[0-9๐-๙]{{4}}[.:]?\s?[0-9๐-๙]")


def _take_office(office: Office, h: Header, notes: Notes) -> None:
    h.issuer = office.name
    if office.mended:
        notes.warn("issuer_mended", "issuer", f"{office.read!r} read as {office.name!r} "
                                              f"(office's opening words: {office.mended})")
        notes.conf("issuer", 0.8)


def stamp_office(lines: list[Line], zone: list[int], i: int) -> bool:
    """The receipt stamp's office (the receiving LAO, over its เลขรับ line), never the issuer."""
    below = [k for k in zone if k > i][:1]
    return bool(below) and (m := STAMP_LABELS.match(lines[below[0]].text.strip())) is not None \
        and m.group("number") is not None
