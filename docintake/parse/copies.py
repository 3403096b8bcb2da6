"""A copy in a bundle against its forwarding letter's listing of it.

The forwarding letter lists the copy (``สิ่งที่ส่งมาด้วย สำเนาหนังสือ... ที่
... ลงวันที่ ...``): two prints of one number and date. Where one print is
unread and the other shows it, it is filled (``crosscheck``); where they
disagree and the chain (a letter is dated after what it forwards and before
what forwards it), a prefix table, or the digits one print is made of (the
stock OCR model's five) settles which is right, that one is kept; otherwise the value is withdrawn (None) and both readings are named in
the warning, because the text cannot say which is right.
"""

from __future__ import annotations

import datetime as dt
import re

from docintake.models import Enclosure, Letter
from docintake.parse.crosscheck import (FILLED_CONFIDENCE, clean_print_pick, copy_number, lists_copy, merge_readings, number_line,
                                        shows_code_unread_running, shows_date, shows_number, shows_split_glyphs,
                                        skeleton)
from docintake.parse.docno import read_doc_no
from docintake.parse.entrycontext import repair_entries
from docintake.parse.letter import Parsed
from docintake.parse.listedcopy import fill_from_listing, illegible_entry
from docintake.parse.entrycode import fill_run_on_entries, recode_entries
from docintake.parse.forwarddate import check_forwarder_date
from docintake.parse.owncode import base_code_pick, fill_own_number, office_code_pick
from docintake.parse.plausibility import in_era, repair_own_year, warn
from docintake.parse.prefix import department_prefix, named_prefix_pick, provinces_named
from docintake.parse.twoprints import fill_illegible_listing, prints_of_one, settle_two_prints
from docintake.text import lexicon
from docintake.text.normalize import arabic_to_thai_digits


def _code_of(doc_no: str | None, text: str) -> tuple[str, str] | None:
    hit = read_doc_no(doc_no or text)
    return (hit.prefix, hit.code) if hit else None


def _copy_entry(forwarder: Letter, p: Parsed) -> Enclosure | None:
    """The forwarding letter's enclosure that is a copy of ``p``'s letter."""
    mine = (p.doc.prefix, p.doc.code) if p.doc else None
    for enc in forwarder.enclosures:
        if enc.doc_no is None and enc.date is None:
            continue
        theirs = _code_of(enc.doc_no, enc.text)
        if mine is not None and theirs == mine:
            return enc
        issuer = p.letter.issuer or ""
        if enc.issuer and issuer and (enc.issuer in issuer or issuer.endswith(enc.issuer)):
            return enc
    return _copy_entry_loose(forwarder, p)


def encloses(forwarder: Parsed, p: Parsed) -> bool:
    """Whether ``p`` is a copy ``forwarder`` lists among its enclosures."""
    return _copy_entry(forwarder.letter, p) is not None


def _copy_entry_loose(forwarder: Letter, p: Parsed) -> Enclosure | None:
    """When OCR spoilt the copy's number or office: the entry whose number the
    copy's letterhead shows, or whose issuer matches without marks and debris."""
    line = number_line(p.head_text)
    for enc in forwarder.enclosures:
        if enc.doc_no and line and shows_number(line, enc.doc_no):
            return enc
    number = copy_number(p.letter.doc_no, p.head_text)
    for enc in forwarder.enclosures:
        if number and lists_copy(enc.text, enc.date, number, p.letter.date):
            return enc
    for enc in forwarder.enclosures:
        if enc.doc_no and line and shows_code_unread_running(line, enc.doc_no):
            return enc
    mine = skeleton(p.letter.issuer or "")
    for enc in forwarder.enclosures:
        theirs = skeleton(enc.issuer or "")
        if len(mine) >= 8 and len(theirs) >= 8 and (mine in theirs or theirs in mine):
            return enc
    found = next((enc for enc in forwarder.enclosures if prints_of_one(p, enc)), None)
    return found or illegible_entry(forwarder, p)  # its number debris: the one entry of its office and date


# How a copy's letterhead may still show the number its forwarding letter lists,
# surest first: (check, what the warning adds, confidence).
_LETTERHEAD_SHOWS = (
    (shows_number, ", which this letterhead agrees with", FILLED_CONFIDENCE),
    (shows_code_unread_running, ": this letterhead prints the same code, its running number is illegible", 0.6),
    (shows_split_glyphs, ": this letterhead prints the same code and running number, a digit or two split "
                         "into a digit and a stroke", 0.6),
)


def _fill_from_enclosure(p: Parsed, enc: Enclosure) -> None:
    """An unread number/date of a copy, from the forwarding letter's listing
    when the copy's letterhead still shows it (``crosscheck``)."""
    letter = p.letter
    line = number_line(p.head_text)
    for shows, why, confidence in _LETTERHEAD_SHOWS:
        if letter.doc_no is None and enc.doc_no and shows(line, enc.doc_no):
            letter.doc_no = enc.doc_no
            warn(p, "doc_no_from_enclosure", "doc_no", f"read as {enc.doc_no} from the forwarding letter's "
                                                        f"enclosure line{why}")
            p.notes.confidence["doc_no"] = confidence
    if letter.date is None and enc.date and shows_date(p.head_text, enc.date):
        letter.date = enc.date
        warn(p, "date_from_enclosure", "date", f"read as {enc.date.isoformat()} from the forwarding "
                                                f"letter's enclosure line, which this letterhead agrees with")
        p.notes.confidence["date"] = FILLED_CONFIDENCE


def _merge_damaged(forwarder: Parsed, enc: Enclosure, p: Parsed) -> None:
    """Both prints of the copy's number damaged: merged when they agree
    (``crosscheck.merge_readings``); both letters warned."""
    doc = p.doc
    if p.letter.doc_no or enc.doc_no or doc is None or "code_implausible" not in doc.problems:
        return
    merged = merge_readings(doc.prefix, doc.code, bool(doc.circular), doc.running, enc.text)
    if merged is None:
        return
    p.letter.doc_no = enc.doc_no = merged
    k = forwarder.letter.enclosures.index(enc) + 1
    warn(p, "doc_no_merged", "doc_no", f"this copy reads {doc.raw!r}, the forwarding letter's line "
                                        f"{enc.text[:80]!r}: read together as {merged}")
    warn(forwarder, "doc_no_merged", f"enclosures[{k}].doc_no", f"read together with the copy's {doc.raw!r} "
                                                                 f"as {merged}")
    p.notes.confidence["doc_no"] = 0.6


def _fill_enclosure(forwarder: Parsed, enc: Enclosure, p: Parsed) -> None:
    """The forwarding letter's unread enclosure number/date from the copy's
    own reading, when the enclosure line still shows it."""
    letter = p.letter
    k = forwarder.letter.enclosures.index(enc) + 1
    number = copy_number(letter.doc_no, p.head_text)
    if enc.doc_no is None and number and lists_copy(enc.text, enc.date, number, letter.date):
        enc.doc_no = number
        warn(forwarder, "doc_no_from_copy", f"enclosures[{k}].doc_no",
             f"read as {number} from the enclosed copy's letterhead, which this entry agrees with")
    if enc.date is None and letter.date and shows_date(enc.text, letter.date):
        enc.date = letter.date
        warn(forwarder, "date_from_copy", f"enclosures[{k}].date",
              f"read as {letter.date.isoformat()} from the enclosed copy's letterhead")


def _copy_misdated(forwarder: Parsed, letter: Letter, enc: Enclosure) -> bool:
    """A copy cannot be dated after the letter that forwards it, nor outside
    the era letters are written in (๒๕๒๕ for ๒๕๖๘): when its date is, and the
    forwarding letter's entry has the same day and month in a year that fits,
    the copy's year is the misread one (๒๖๖๗ for ๒๕๖๗)."""
    sent = forwarder.letter.date
    return (sent is not None and letter.date is not None and enc.date is not None
            and (letter.date > sent or not in_era(letter.date)) and sent >= enc.date and in_era(enc.date)
            and (letter.date.month, letter.date.day) == (enc.date.month, enc.date.day))


def _known_prefix_of_two(mine: str, listed: str) -> str | None:
    """Two readings of one number that differ only in a prefix one of them
    does not know (``อบ 0023.1/4206`` and ``อป 0023.1/4206``): the known one.

    >>> _known_prefix_of_two("อบ 0023.1/4206", "อป 0023.1/4206")
    'อบ 0023.1/4206'
    >>> _known_prefix_of_two("อบ 0023.1/4206", "อด 0023.1/4206") is None
    True
    """
    (a, _, rest_a), (b, _, rest_b) = mine.partition(" "), listed.partition(" ")
    if rest_a != rest_b or (a in lexicon.AGENCY_PREFIXES) == (b in lexicon.AGENCY_PREFIXES):
        return None
    return mine if a in lexicon.AGENCY_PREFIXES else listed


def _settle_prefix(forwarder: Parsed, enc: Enclosure, p: Parsed) -> None:
    """The copy's number and its listing disagree only in an unknown prefix."""
    if not (p.letter.doc_no and enc.doc_no) or p.letter.doc_no == enc.doc_no:
        return
    known = _known_prefix_of_two(p.letter.doc_no, enc.doc_no)
    if known is None:
        return
    k = forwarder.letter.enclosures.index(enc) + 1
    for who, field, other in ((p, "doc_no", enc.doc_no), (forwarder, f"enclosures[{k}].doc_no", p.letter.doc_no)):
        warn(who, "doc_no_prefix_settled", field, f"read as {known}: the other print of this number "
                                                   f"({other}) differs only in an unknown prefix")
    p.letter.doc_no = enc.doc_no = known
    p.notes.conf("doc_no", 0.7)


def _date_bounds(parsed: list[Parsed], k: int) -> tuple[dt.date | None, dt.date | None]:
    """The dates a copy's date must lie between: the letter it forwards (the
    copy after it in the bundle, when listed in it) and the letter forwarding it."""
    upper = parsed[k - 1].letter.date
    lower = None
    if k + 1 < len(parsed) and _copy_entry(parsed[k].letter, parsed[k + 1]) is not None:
        lower = parsed[k + 1].letter.date
    return lower, upper


def _in_chain_order(d: dt.date, lower: dt.date | None, upper: dt.date | None) -> bool:
    return (lower is None or d >= lower) and (upper is None or d <= upper + dt.timedelta(days=1))


def _settle_date(parsed: list[Parsed], k: int, enc: Enclosure) -> bool:
    """A copy's own date and its listing disagree: when exactly one of them
    lies between the letter the copy forwards and the letter forwarding it,
    that one is the date (a letter is never older than what it forwards)."""
    p, forwarder = parsed[k], parsed[k - 1]
    own, listed = p.letter.date, enc.date
    lower, upper = _date_bounds(parsed, k)
    if (lower is None and upper is None) or own is None or listed is None:
        return False
    fits = [d for d in (own, listed) if _in_chain_order(d, lower, upper)]
    if len(fits) != 1:
        return False
    keep, drop = fits[0], (listed if fits[0] == own else own)
    bounds = " and ".join(f"{w} {d.isoformat()}" for w, d in (("after", lower), ("before", upper)) if d)
    k_enc = forwarder.letter.enclosures.index(enc) + 1
    for who, field in ((p, "date"), (forwarder, f"enclosures[{k_enc}].date")):
        warn(who, "date_settled_by_chain", field, f"read as {keep.isoformat()}, not {drop.isoformat()}: "
                                                   f"a forwarded letter's date lies {bounds}")
    p.letter.date = enc.date = keep
    p.notes.confidence["date"] = 0.6
    return True


def check_bundle(parsed: list[Parsed]) -> None:
    """A copy's own number/date against what its forwarding letter lists;
    then each letter's entries read again against the numbers now known."""
    pairs = _check_copies(parsed)
    for k, p in enumerate(parsed):
        # A number filled above is context for the letter's entries; a copy's
        # own code is context for the entry that lists it.
        codes = {_code_of(copy_number(parsed[k + 1].letter.doc_no, parsed[k + 1].head_text), "")} \
            if k in pairs else set()
        repair_entries(p.letter, p.notes, {c for c in codes if c is not None})
        fill_own_number(p)  # after its entries are read: they print its office's code
        fill_run_on_entries(p.letter, p.notes)  # ... and its own number is known
        recode_entries(p.letter, p.notes)
    for k, enc in pairs.items():
        _number_conflict(parsed[k], parsed[k + 1], enc)  # an entry read just now may disagree with its copy
        check_forwarder_date(parsed[k], enc, parsed[k + 1])


def _check_copies(parsed: list[Parsed]) -> dict[int, Enclosure]:
    """Copies checked against their listings; returns each forwarding
    letter's index with the entry that lists its enclosed copy."""
    pairs: dict[int, Enclosure] = {}
    for k in range(1, len(parsed)):
        p = parsed[k]
        enc = _copy_entry(parsed[k - 1].letter, p)
        if enc is None:
            continue
        pairs[k - 1] = enc
        letter = p.letter
        repair_own_year(p, parsed[k - 1].letter.date, enc.date)
        _merge_damaged(parsed[k - 1], enc, p)
        _fill_enclosure(parsed[k - 1], enc, p)
        _fill_from_enclosure(p, enc)
        _settle_prefix(parsed[k - 1], enc, p)
        settle_two_prints(parsed[k - 1], enc, p)
        fill_illegible_listing(parsed[k - 1], enc, p)
        fill_from_listing(parsed[k - 1], enc, p)
        if letter.date and enc.date and letter.date != enc.date and not _copy_misdated(parsed[k - 1], letter, enc):
            _settle_date(parsed, k, enc)
        _number_conflict(parsed[k - 1], p, enc)
        if letter.date and enc.date and letter.date != enc.date and _copy_misdated(parsed[k - 1], letter, enc):
            warn(p, "date_from_forwarder", "date", f"this copy reads {letter.date.isoformat()}, after the letter "
                  f"that forwards it or out of era; read as {enc.date.isoformat()} as that letter lists it")
            letter.date = enc.date
            p.notes.confidence["date"] = 0.6
        elif letter.date and enc.date and letter.date != enc.date:
            warn(p, "date_conflict", "date", f"this copy reads {letter.date.isoformat()}, the forwarding "
                                              f"letter lists it as {enc.date.isoformat()}")
            letter.date = None
            p.notes.confidence["date"] = 0.0
    return pairs


def _number_conflict(forwarder: Parsed, p: Parsed, enc: Enclosure) -> None:
    """A copy whose own number disagrees with its listing: the fuller print
    when the other is it with a glyph or two lost (``_lost_glyphs``), the one
    our digit reader read when the other is the stock model's
    (``_read_by_our_digits``), else withdrawn, both named."""
    letter = p.letter
    if not (letter.doc_no and enc.doc_no and letter.doc_no != enc.doc_no):
        return
    if _lost_glyphs(letter.doc_no, enc.doc_no):
        warn(p, "doc_no_from_forwarder", "doc_no", f"this copy reads {letter.doc_no}, the forwarding letter "
             f"lists it as {enc.doc_no}: read so, as OCR loses glyphs far more often than it adds fitting ones")
        letter.doc_no = enc.doc_no
        p.notes.confidence["doc_no"] = LOST_GLYPHS_CONFIDENCE
    elif _lost_glyphs(enc.doc_no, letter.doc_no):
        k = forwarder.letter.enclosures.index(enc) + 1
        warn(forwarder, "doc_no_from_copy", f"enclosures[{k}].doc_no", f"listed as {enc.doc_no}, the copy "
             f"reads {letter.doc_no}: read so, as OCR loses glyphs far more often than it adds fitting ones")
        enc.doc_no = letter.doc_no
    elif not _settle(forwarder, p, enc):
        warn(p, "doc_no_conflict", "doc_no",
             f"this copy reads {letter.doc_no}, the forwarding letter lists it as {enc.doc_no}")
        letter.doc_no = None
        p.notes.confidence["doc_no"] = 0.0


def _pick(forwarder: Parsed, p: Parsed, enc: Enclosure) -> tuple[str, str, str] | None:
    """Which of two prints of one number to read, with the warning's code and
    why, by the first cue that tells: the print not in the stock model's
    digits (``_read_by_our_digits``), the code the copy's office cites for its
    own letters (``office_code_pick``), the base code the forwarder's own
    number prints (``base_code_pick``), the print that stands clean
    (``clean_print_pick``), the prefix the province named or the department
    code calls for (``named_prefix_pick``). None when no cue tells."""
    own, own_line = p.letter.doc_no, number_line(p.head_text)
    if read := _read_by_our_digits(own, own_line, enc.doc_no, enc.text):
        return read, "doc_no_settled_by_digits", ("that print's running number is all in the five digits "
                                                  "stock OCR writes for any number")
    if read := office_code_pick(p, own, enc.doc_no):
        return read, "doc_no_settled_by_office_code", "the copy's office prints that code in the letters of its own it cites"
    if read := base_code_pick(forwarder.letter.doc_no, own, enc.doc_no):
        return read, "doc_no_settled_by_base_code", ("the forwarding letter's own number prints that base code, "
                                                     "which a province's offices of local administration share")
    if read := clean_print_pick(own, own_line, enc.doc_no, enc.text):
        return read, "doc_no_settled_by_clean_print", ("that print stands clean between spaces, the other "
                                                       "runs into debris OCR made of the glyphs around it")
    if read := named_prefix_pick(own, enc.doc_no, provinces_named(f"{p.letter.issuer or ''} {enc.text or ''}")):
        return read, "doc_no_settled_by_province", "its prefix is the province the copy's office and its listing name"
    if read := named_prefix_pick(own, enc.doc_no, department_prefix(own)):
        return read, "doc_no_settled_by_department_code", "its prefix is มท, which the ministry's department codes take"
    return None


def _settle(forwarder: Parsed, p: Parsed, enc: Enclosure) -> bool:
    """Both prints read as ``_pick`` says, both warned; False when it cannot."""
    picked = _pick(forwarder, p, enc)
    if picked is None:
        return False
    read, code, why = picked
    k = forwarder.letter.enclosures.index(enc) + 1
    dropped = enc.doc_no if read == p.letter.doc_no else p.letter.doc_no
    for who, where in ((p, "doc_no"), (forwarder, f"enclosures[{k}].doc_no")):
        warn(who, code, where, f"read as {read}, not {dropped}: {why}")
    p.letter.doc_no = enc.doc_no = read
    p.notes.confidence["doc_no"] = LOST_GLYPHS_CONFIDENCE
    return True


LOST_GLYPHS_CONFIDENCE = 0.6
MAX_LOST_GLYPHS = 2


def _lost_glyphs(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` with one or two glyphs lost (two prints
    of one number: ``ศก 0023.5/101`` of ``ศก 0023.5/1101``, ``มท 0819/ว 1101``
    of ``มท 0819.2/ว 1101``). Merged or faint glyphs vanish in OCR; a glyph
    that appears from nothing and fits the number is much rarer.

    >>> _lost_glyphs("ศก 0023.5/101", "ศก 0023.5/1101")
    True
    >>> _lost_glyphs("กส 0023.6/1274", "กส 0023.6/7274")
    False
    """
    if not 0 < len(full) - len(short) <= MAX_LOST_GLYPHS:
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)


MIN_STOCK_DIGITS = 3  # a shorter number is too often printed in these digits alone


def _stock_reading(doc_no: str, printed: str) -> bool:
    """Whether ``doc_no``'s running number stands in ``printed`` in Thai
    digits that are all ones the stock model can output
    (``lexicon.STOCK_OCR_DIGITS``): what that model makes of any number.

    >>> _stock_reading("นศ 0023.4/3353", "ที่ นศ ๐๐๒๓.๔/๓๓๕๓/ ศาลากลางจังหวัด")
    True
    >>> _stock_reading("นศ 0023.4/3359", "UF ๐๐๒๓.๔/๓๓๕๙ ลงวันที่"), _stock_reading("มท 0810.4/ว 1235", "ว 1235")
    (False, False)
    """
    thai = arabic_to_thai_digits(doc_no.rpartition("/")[2].removeprefix("ว "))
    return (len(thai) >= MIN_STOCK_DIGITS and set(thai) <= set(lexicon.STOCK_OCR_DIGITS)
            and thai in re.sub(r"\s", "", printed))


def _read_by_our_digits(own: str, own_text: str, listed: str, listed_text: str) -> str | None:
    """Of two prints of one number whose running numbers differ, the one not
    read in the stock model's digits alone, when the other is
    (``_stock_reading``): the stock model writes any printed number so when
    our digit reader leaves it, while a running number really printed in
    those five digits is rare. None when both or neither are.

    >>> _read_by_our_digits("มท 0810.4/ว 155", "NNN ๐๘๑๐.๔/ว ๑๕๕", "มท 0810.4/ว 1447", "ที่ มท 0810.4/ว 1447")
    'มท 0810.4/ว 1447'
    >>> _read_by_our_digits("กส 0023.6/1274", "กส ๐๐๒๓.๖/๑๒๗๔", "กส 0023.6/7274", "กส ๐๐๒๓.๖/๗๒๗๔") is None
    True
    """
    if own.rpartition("/")[2] == listed.rpartition("/")[2]:
        return None  # the running numbers agree: the difference is elsewhere
    own_stock, listed_stock = _stock_reading(own, own_text), _stock_reading(listed, listed_text)
    if own_stock == listed_stock:
        return None
    return listed if own_stock else own
