"""A copy's own number taken from its forwarding letter's listing, when
the copy's letterhead print of it is unreadable but shows nothing against it.

In a bundle the forwarding letter lists the copy that follows it
(``สำเนาหนังสือกรม... ที่ มท ๐๘๑๐.๓/ว ๒๑๔๘ ลงวันที่ ๔ มิถุนายน ๒๕๖๗``): two
prints of one number. ``copies`` fills an unread own number when the
letterhead still shows the listed digits; this module covers two prints
that show them in no digit our reader can vouch for:

- ``illegible``: the letterhead's number read as Latin debris (``ที่ มท
  odeo.aV/Ibeds กรมส่งเสริม...``): no three digits in a row, so nothing to
  compare, but the prefix, the office and the date all legible and the
  listing's. Taken only when exactly one of the forwarder's entries fits.
- ``stock``: the letterhead prints the listed number in the five digits the
  stock model writes for any number (``crosscheck.shows_stock_reading``;
  ``ที่ สข ๐๐๒๓๒/๕๑๕๕`` for ๐๐๒๓.๒/๔๑๔๘, the code's dot lost too) and the
  dates agree: what our digit reader left to that model.

Each fill is warned with its source and a lower confidence. Pure.
"""

from __future__ import annotations

import re

from docintake.models import Enclosure, Letter
from docintake.parse.crosscheck import shows_stock_reading, skeleton
from docintake.parse.letter import Parsed
from docintake.parse.plausibility import warn
from docintake.parse.twoprints import MIN_OFFICE
from docintake.text.fuzzy import match_label
from docintake.text.normalize import number_digits

ILLEGIBLE_CONFIDENCE = 0.5  # nothing of the number itself was compared
STOCK_CONFIDENCE = 0.6  # every printable digit agrees, the date too
# Three digits in a row: what any legible part of a code or running number shows.
_THREE_DIGITS = re.compile(r"[0-9]{3}")
# Where the office's name starts after the number on the ที่ line.
_OFFICE_AFTER = re.compile(r"\s[ก-ฮ]{4}")


def own_number_line(head: str) -> str | None:
    """The letterhead's ``ที่`` line, from its label on: the copy's own
    number as printed, however damaged.

    >>> own_number_line("ด่วนที่สุด\\nที่ มท odeo.aV/Ibeds กรมส่งเสริมการปกครองท้องถิ่น\\nถนนนครราชสีมา")
    'มท odeo.aV/Ibeds กรมส่งเสริมการปกครองท้องถิ่น'
    >>> own_number_line("ถนนนครราชสีมา เขตดุสิต กทม. ๑๐๓๐๐") is None
    True
    """
    for line in head.split("\n"):
        lab = match_label(line, ("ที่",))
        if lab is not None and "ลงวัน" not in line:
            return line[lab.end :].strip()
    return None


def illegible_with_prefix(line: str, prefix: str) -> bool:
    """Whether a ที่ line shows ``prefix`` as its first word and, before the
    office's name, no three digits in a row: its number was read as debris,
    which contradicts no reading of it.

    >>> illegible_with_prefix("มท odeo.aV/Ibeds กรมส่งเสริมการปกครองท้องถิ่น", "มท")
    True
    >>> illegible_with_prefix("มท ๐๘๑๐.๓/ว ๒๑๔๘ กรมส่งเสริมการปกครองท้องถิ่น", "มท")
    False
    >>> illegible_with_prefix("สข odeo.aV/Ibeds ศาลากลางจังหวัดสงขลา", "มท")
    False
    """
    first, _, rest = line.partition(" ")
    if first != prefix:
        return False
    m = _OFFICE_AFTER.search(rest)
    number = rest[: m.start()] if m else rest
    return _THREE_DIGITS.search(number_digits(number)) is None


def _names_office(enc: Enclosure, head: str) -> bool:
    """Whether the copy's letterhead names the office the entry names."""
    theirs = skeleton(enc.issuer or "")
    return len(theirs) >= MIN_OFFICE and theirs in skeleton(head)


def _fits(enc: Enclosure, p: Parsed) -> bool:
    """An entry the copy may be: a number read, the copy's own date, its office."""
    return (enc.doc_no is not None and enc.date is not None and enc.date == p.letter.date
            and _names_office(enc, p.head_text))


def _take(p: Parsed, number: str, code: str, why: str, confidence: float) -> None:
    p.letter.doc_no = number
    warn(p, code, "doc_no", f"read as {number} from the forwarding letter's enclosure line: {why}")
    p.notes.conf("doc_no", confidence)


def illegible_entry(forwarder: Letter, p: Parsed) -> Enclosure | None:
    """The one entry of ``forwarder`` that lists the copy ``p`` whose own
    number is illegible (``illegible_with_prefix``): a number with the
    prefix the copy shows, the copy's date and office. None when no entry
    or several fit, or the copy's number is read or shows digits."""
    line = own_number_line(p.head_text)
    if p.letter.doc_no is not None or p.letter.date is None or line is None:
        return None
    fitting = [e for e in forwarder.enclosures if _fits(e, p)]
    if len(fitting) != 1 or not illegible_with_prefix(line, fitting[0].doc_no.partition(" ")[0]):
        return None
    return fitting[0]


def fill_from_listing(forwarder: Parsed, enc: Enclosure, p: Parsed) -> None:
    """The copy ``p``'s unread own number from the entry ``enc`` that lists
    it in ``forwarder``, when its letterhead prints it in stock digits or
    illegibly, and the dates agree (see the module's text)."""
    if p.letter.doc_no is not None or enc.doc_no is None or p.letter.date is None or enc.date != p.letter.date:
        return
    line = own_number_line(p.head_text)
    if line is not None and enc.doc_no.partition(" ")[0] in line and shows_stock_reading(line, enc.doc_no):
        _take(p, enc.doc_no, "doc_no_from_listing_stock", f"this letterhead prints it ({line[:40]!r}) in "
              "the five digits the stock OCR model writes for any number, dated the same", STOCK_CONFIDENCE)
    elif illegible_entry(forwarder.letter, p) is enc:
        _take(p, enc.doc_no, "doc_no_from_listing_illegible", f"this letterhead's number is illegible "
              f"({line[:40]!r}); its prefix, office and date are the listed letter's, the one entry "
              "that fits", ILLEGIBLE_CONFIDENCE)
