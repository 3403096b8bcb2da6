"""A copy's number read from both its prints together, when neither alone
can be read: the copy's own letterhead and its forwarding letter's listing
(``สิ่งที่ส่งมาด้วย สำเนาหนังสือ... ที่ ...``).

Each print gives the readings its text allows: one when it reads cleanly,
two when OCR left a doubt (a lost slash: ว or not; a lone glyph after the
``/ว``: a digit or debris). A reading of one print fits a reading of the
other when they are the same number, or when one's code is what the stock
OCR model writes for the other's (``lexicon.STOCK_OCR_DIGITS``: ๐๕๑๒.๕ for
๐๘๑๖.๔, each differing digit one that model cannot output), the rest the
same. When exactly one number fits both prints, both take it (warned, less
confident); otherwise nothing changes. An enclosure line that shows no
number at all takes its copy's when it names the copy's office and date
(``fill_illegible_listing``). Pure.
"""

from __future__ import annotations

import datetime as dt
import re

from docintake.models import Enclosure
from docintake.parse.crosscheck import number_line
from docintake.parse.docno import DocNoHit, read_doc_no
from docintake.parse.entrynumber import tidy_number
from docintake.parse.letter import Parsed
from docintake.parse.plausibility import warn
from docintake.text import lexicon
from docintake.text.normalize import arabic_to_thai_digits, number_digits

TWO_PRINTS_CONFIDENCE = 0.6
# One digit apart is what either model's single misread makes (seed 13: our
# reader's ๗ for ๓ beside a province's ๐๐๒๓, itself all in stock digits);
# the stock model rewrites every unprintable digit of a code at once.
MIN_STOCK_DIFFER = 2
_UNPRINTABLE = {d for d in "0123456789" if arabic_to_thai_digits(d) not in lexicon.STOCK_OCR_DIGITS}

# A letterhead's number whose slash (and a circular's ว with it) OCR lost,
# a space left between a whole code and the running number, the office's
# name after it (``ที่ มท 0816.4 2382 กรมส่งเสริม...``): slashlost reads
# such numbers only before a date's label.
_HEAD_SPLIT_LOST = re.compile(
    r"(?:(?<![ก-๎])|(?<=ที่)|(?<=ที))(?P<prefix>" + "|".join(sorted(lexicon.AGENCY_PREFIXES)) + r")\s?"
    r"(?P<code>0\d{3}\.\d{1,2})\s{1,2}(?P<run>\d{1,5})(?![\d./])")


def readings(hit: DocNoHit | None) -> set[str]:
    """The numbers a print allows: its reading, or its candidates."""
    if hit is None:
        return set()
    return {hit.canonical} if hit.canonical else set(hit.candidates)


def letterhead_readings(doc: DocNoHit | None, line: str) -> set[str]:
    """What the copy's letterhead allows: its own reading, else its number
    line's (a lost slash: both readings).

    >>> sorted(letterhead_readings(None, "ที่ มท 0816.4 2382 กรมส่งเสริมการปกครองท้องถิ่น"))
    ['มท 0816.4/2382', 'มท 0816.4/ว 2382']
    """
    if found := readings(doc) or readings(read_doc_no(tidy_number(line))):
        return found
    m = _HEAD_SPLIT_LOST.search(number_digits(line))
    if m is None:
        return set()
    base = f"{m['prefix']} {m['code']}/"
    return {f"{base}{m['run']}", f"{base}ว {m['run']}"}


def listing_readings(doc_no: str | None, text: str) -> set[str]:
    """What the forwarding letter's enclosure line allows."""
    return {doc_no} if doc_no else readings(read_doc_no(tidy_number(text)))


def stock_code(printed: str, meant: str, text: str) -> bool:
    """Whether the code ``printed`` (as ``text`` prints it, in Thai digits)
    is what the stock model writes for ``meant``: all its digits ones that
    model outputs, each the same as ``meant``'s or standing for a digit that
    model cannot output.

    >>> stock_code("0512.5", "0816.4", "ที่ มท ๐๕๑๒.๕/ว ๒๓๘๒")
    True
    >>> stock_code("0023.1", "0027.1", "ที่ สร ๐๐๒๓.๑/๗๗๒๕")  # one digit apart: either print's misread
    False
    >>> stock_code("0512.5", "0813.4", "ที่ มท ๐๕๑๒.๕/ว ๒๓๘๒")  # ๒ for ๓: the stock model writes ๓
    False
    """
    if len(printed) != len(meant) or printed == meant or arabic_to_thai_digits(printed) not in text:
        return False
    if not set(arabic_to_thai_digits(printed.replace(".", ""))) <= set(lexicon.STOCK_OCR_DIGITS):
        return False
    differ = [(a, b) for a, b in zip(printed, meant) if a != b]
    return len(differ) >= MIN_STOCK_DIFFER and all(a != "." and b in _UNPRINTABLE for a, b in differ)


def _fits(own: str, listed: str, own_text: str, listed_text: str) -> str | None:
    """The number both readings are prints of, or None."""
    if own == listed:
        return own
    (own_base, _, own_run), (base, _, run) = own.rpartition("/"), listed.rpartition("/")
    (own_prefix, _, own_code), (prefix, _, code) = own_base.partition(" "), base.partition(" ")
    if own_run != run or own_prefix != prefix:
        return None
    if stock_code(code, own_code, listed_text):
        return own
    if stock_code(own_code, code, own_text):
        return listed
    return None


def one_number(own: set[str], listed: set[str], own_text: str, listed_text: str) -> str | None:
    """The one number that a reading of each print fits, or None.

    >>> one_number({"มท 0810.6/ว 733", "มท 0810.6/ว 1733"}, {"มท 0810.6/1733", "มท 0810.6/ว 1733"}, "", "")
    'มท 0810.6/ว 1733'
    >>> one_number({"มท 0816.4/2382", "มท 0816.4/ว 2382"}, {"มท 0512.5/ว 2382"}, "", "ที่ มท ๐๕๑๒.๕/ว ๒๓๘๒")
    'มท 0816.4/ว 2382'
    >>> one_number({"มท 0810.6/ว 733", "มท 0810.6/ว 1733"}, {"มท 0810.6/733", "มท 0810.6/1733"}, "", "") is None
    True
    """
    fits = {n for a in own for b in listed if (n := _fits(a, b, own_text, listed_text)) is not None}
    return fits.pop() if len(fits) == 1 else None


def dates_agree(own: dt.date | None, listed: dt.date | None) -> bool:
    """Two prints of one letter cannot be dated apart."""
    return own is None or listed is None or own == listed


def prints_of_one(p: Parsed, enc: Enclosure) -> bool:
    """Whether the copy ``p`` and the entry ``enc`` print one number
    (``one_number``) and one date: the entry lists that copy, when OCR spoilt
    both its number and the office name the copy is otherwise found by."""
    if p.letter.date is None or p.letter.date != enc.date:
        return False
    line = number_line(p.head_text)
    own = {p.letter.doc_no} if p.letter.doc_no else letterhead_readings(p.doc, line)
    return one_number(own, listing_readings(enc.doc_no, enc.text), line, enc.text) is not None


def settle_two_prints(forwarder: Parsed, enc: Enclosure, p: Parsed) -> None:
    """The copy ``p``'s number and its listing ``enc`` in ``forwarder``, read
    together (``one_number``) when at least one of them is unread or they
    disagree, and their dates do not; both letters warned."""
    own_now, listed_now = p.letter.doc_no, enc.doc_no
    if (own_now and own_now == listed_now) or not dates_agree(p.letter.date, enc.date):
        return
    line = number_line(p.head_text)
    own = {own_now} if own_now else letterhead_readings(p.doc, line)
    number = one_number(own, listing_readings(listed_now, enc.text), line, enc.text)
    if number is None or (number == own_now and number == listed_now):
        return
    k = forwarder.letter.enclosures.index(enc) + 1
    why = (f"the copy's letterhead ({own_now or ' or '.join(sorted(own))}) and the forwarding letter's line "
           f"({listed_now or enc.text[:80]!r}) fit this one number together")
    for who, where, was in ((p, "doc_no", own_now), (forwarder, f"enclosures[{k}].doc_no", listed_now)):
        if was != number:
            warn(who, "doc_no_from_two_prints", where, f"read as {number}: {why}")
    p.letter.doc_no = enc.doc_no = number
    p.notes.confidence["doc_no"] = TWO_PRINTS_CONFIDENCE
    forwarder.notes.conf("enclosures", TWO_PRINTS_CONFIDENCE)


# Three digits or more in a row, with a code's dotted section: what any
# legible part of a code or running number shows.
_NUMBER_DIGITS = re.compile(r"[0-9]{3,}(?:\.[0-9]+)?")


def shows_only_parts_of(text: str, doc_no: str) -> bool:
    """Whether each number an entry shows before its date's label (three
    digits in a row) is part of ``doc_no``: what OCR left legible of it
    then contradicts nothing (``มท ogoo.0i/2 ๑๒๙๒``: only the running number).

    >>> shows_only_parts_of("ที่ มท ogoo.0i/2 ๑๒๙๒ ลงวันที่ ๒๙ ธันวาคม ๒๕๖๖", "มท 0810.7/ว 1292")
    True
    >>> shows_only_parts_of("ที่ มท ogoo.0i/2 ๑๒๙๓ ลงวันที่ ๒๙ ธันวาคม ๒๕๖๖", "มท 0810.7/ว 1292")
    False
    """
    before = re.split(r"\S{0,3}ันท", number_digits(text), maxsplit=1)[0]
    groups = re.findall(r"[0-9]+(?:\.[0-9]+)?", doc_no)
    return all(any(run in g for g in groups) for run in _NUMBER_DIGITS.findall(before))


MIN_OFFICE = 8  # จังหวัดลำปาง: shorter is too little of a name to match on


def _names_copys_office(enc: Enclosure, p: Parsed) -> bool:
    mine, theirs = (p.letter.issuer or "").replace(" ", ""), (enc.issuer or "").replace(" ", "")
    return len(theirs) >= MIN_OFFICE and theirs in mine


def fill_illegible_listing(forwarder: Parsed, enc: Enclosure, p: Parsed) -> None:
    """An enclosure line whose number OCR lost entirely or but for parts of
    the copy's (``shows_only_parts_of``), read as the number of the copy it lists, when the line names the copy's office and the
    copy's date: the copy that follows in the bundle is the letter listed.
    Warned, less confident."""
    if enc.doc_no or not p.letter.doc_no or p.letter.date is None or enc.date != p.letter.date:
        return
    if not _names_copys_office(enc, p) or not shows_only_parts_of(enc.text, p.letter.doc_no):
        return
    enc.doc_no = p.letter.doc_no
    k = forwarder.letter.enclosures.index(enc) + 1
    warn(forwarder, "doc_no_from_copy", f"enclosures[{k}].doc_no",
         f"read as {enc.doc_no} from the enclosed copy's letterhead: this entry's number is illegible "
         f"or shows only parts of it ({enc.text[:80]!r}), its office and date are the copy's")
    forwarder.notes.conf("enclosures", TWO_PRINTS_CONFIDENCE)
