"""A copy's own number left unread between two readings, settled by its
forwarding letter's listing of it. Pure.

Where the copy's letterhead allows two readings that differ in their digits
(``มท ๐๘๑๐.๖/ว ๑ ๗๓๓``: a digit split off by a space, or debris? ``ว 1733``
or ``ว 733``), the forwarding letter prints the same number once more
(``สำเนาหนังสือ... ที่มท 0810.6 17.33 ลงวันที่``). When its number prints the
digits of exactly one reading in one run, only dots and spaces between them
(this OCR's specks), that reading is taken, warned and less confident. The
listing may be damaged itself (its slash lost, a speck for a dot): only
its digits are compared, never its ว, so readings that differ in ว alone
are left to ``wocue``.
"""

from __future__ import annotations

import re

from docintake.parse.plausibility import warn
from docintake.text.normalize import thai_to_arabic_digits

CONFIDENCE = 0.6
# The listing's number: its text before the date's label.
_DATE_LABEL = re.compile("ลงวัน")


def _digits(s: str) -> str:
    return "".join(re.findall(r"[0-9]", thai_to_arabic_digits(s)))


def _runs(listing: str) -> list[str]:
    """The listing's digit runs before its date, dots and spaces inside a run dropped."""
    text = _DATE_LABEL.split(thai_to_arabic_digits(listing), maxsplit=1)[0]
    return [re.sub(r"[.\s/ว]", "", r) for r in re.findall(r"[0-9](?:[0-9.\s/]|ว\s?)*", text)]


def listed_reading(candidates: list[str], listing: str) -> str | None:
    """The one of ``candidates`` whose digits ``listing`` prints in one run;
    None when none does, or more than one (readings that differ only in ว).

    >>> listed_reading(["มท 0810.6/ว 733", "มท 0810.6/ว 1733"], "ที่มท 0810.6 17.33 ลงวันที่ 26 มิถุนายน 2567.")
    'มท 0810.6/ว 1733'
    >>> listed_reading(["มท 0810.6/ว 733", "มท 0810.6/ว 1733"], "ที่มท 0810.6 17.35 ลงวันที่ 26") is None
    True
    >>> listed_reading(["อบ 78089/380", "อบ 78089/ว 380"], "ที่ อบ ๗๘๐๘๙/ว ๓๘๐ ลงวันที่") is None
    True
    """
    runs = _runs(listing)
    shown = [c for c in candidates if any(r == _digits(c) for r in runs)]
    return shown[0] if len(shown) == 1 else None


def settle_from_listing(p, enc) -> None:
    """``p``'s unread number (a copy's) read as its listing ``enc`` shows it (``listed_reading``)."""
    doc = p.doc
    if p.letter.doc_no is not None or doc is None or len(doc.candidates) != 2 or not enc.text:
        return
    read = listed_reading(doc.candidates, enc.text)
    if read is None:
        return
    other = next(c for c in doc.candidates if c != read)
    p.letter.doc_no = read
    warn(p, "doc_no_from_enclosure", "doc_no", f"read as {read}, not {other}: the forwarding letter's enclosure "
                                                f"line prints its digits ({enc.text[:80]!r})")
    p.notes.confidence["doc_no"] = CONFIDENCE
