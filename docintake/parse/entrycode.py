"""An entry's number whose slash OCR lost, read with the code its office
prints elsewhere in the same letter.

``ที่ ชม ๐๐๒๓.๖๒๓๙๑`` (seed 13) is ชม 0023.6/2391 or ชม 0023.62/391: the
digits alone cannot say. When the same office's other letters cited beside
it (``ที่ ชม ๐๐๒๓.๖/๑๓๑๑``), or the letter's own number if the entry is from
the letter's own office, all print one code, and the run-on digits start
with exactly that code, the rest is the running number. An office keeps one
code (as ``owncode``). Warned and less confident. Pure.
"""

from __future__ import annotations

import re

from docintake.models import Letter
from docintake.parse.crosscheck import skeleton
from docintake.parse.docno import read_doc_no
from docintake.parse.notes import Notes
from docintake.parse.owncode import CITED_CONFIDENCE, MIN_ISSUER
from docintake.text.normalize import thai_to_arabic_digits


def office_codes(letter: Letter) -> dict[str, set[tuple[str, str]]]:
    """Office (skeleton of its name) -> the (prefix, code) pairs its numbers in
    this letter print: its entries', and the letter's own under its issuer."""
    codes: dict[str, set[tuple[str, str]]] = {}
    own = [(letter.issuer or "", letter.doc_no)]
    for issuer, doc_no in own + [(e.issuer or "", e.doc_no) for e in [*letter.references, *letter.enclosures]]:
        hit = read_doc_no(doc_no) if doc_no else None
        if hit is not None and hit.code and len(skeleton(issuer)) >= MIN_ISSUER:
            codes.setdefault(skeleton(issuer), set()).add((hit.prefix, hit.code))
    return codes


def split_run_on(text: str, prefix: str, code: str) -> str | None:
    """The number in ``text`` whose slash was lost between ``code`` and its
    running number, or None.

    >>> split_run_on("หนังสือจังหวัดเชียงใหม่ ที่ ชม ๐๐๒๓.๖๒๓๙๑ลงวันที่ ๖", "ชม", "0023.6")
    'ชม 0023.6/2391'
    >>> split_run_on("ที่ ชม ๐๐๒๓.๖/๒๓๙๑ ลงวันที่", "ชม", "0023.6") is None  # the slash is there: read already
    True
    >>> split_run_on("ที่ ชม ๐๐๒๓.๑๖๒๓๙๑", "ชม", "0023.6") is None  # another code
    True
    """
    line = thai_to_arabic_digits(text)
    m = re.search(rf"{re.escape(prefix)}\s?{re.escape(code)}(?P<run>[0-9]{{1,5}})(?![0-9./])", line)
    return f"{prefix} {code}/{m['run']}" if m else None


def _office_code(issuer: str, letter_issuer: str, codes: dict[str, set[tuple[str, str]]]) -> tuple[str, str] | None:
    """The one (prefix, code) printed by the office ``issuer`` names, or None."""
    name = skeleton(issuer)
    if len(name) < MIN_ISSUER:
        return None
    found = set().union(*(c for office, c in codes.items() if office == name or (name in office and office ==
                                                                                   skeleton(letter_issuer))))
    return found.pop() if len(found) == 1 else None


def fill_run_on_entries(letter: Letter, notes: Notes) -> None:
    """Each entry without a number, read with its office's code (``split_run_on``)."""
    codes = office_codes(letter)
    for field, entries in (("references", letter.references), ("enclosures", letter.enclosures)):
        for e in entries:
            if e.doc_no is not None or not e.issuer or not e.text:
                continue
            code = _office_code(e.issuer, letter.issuer or "", codes)
            number = split_run_on(e.text, *code) if code else None
            if number is None:
                continue
            e.doc_no = number
            notes.warn("doc_no_split_by_office_code", field, f"{e.text[:60]!r} read as {number}: the slash was lost, "
                                                             f"and the office's other numbers here print {code[1]}")
            notes.conf(field, CITED_CONFIDENCE)
