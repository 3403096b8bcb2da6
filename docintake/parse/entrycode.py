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
from docintake.parse.owncode import CITED_CONFIDENCE, MIN_ISSUER, glued_running
from docintake.parse.prefix import provinces_named
from docintake.text import lexicon
from docintake.text.normalize import number_digits, thai_to_arabic_digits


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
    >>> split_run_on("ที่ กส 0023.3030 ลงวันที่", "กส", "0023.3") is None  # no count starts with 0 (split_by_shape)
    True
    """
    line = thai_to_arabic_digits(text)
    m = re.search(rf"{re.escape(prefix)}\s?{re.escape(code)}(?P<run>[1-9][0-9]{{0,4}})(?![0-9./])", line)
    return f"{prefix} {code}/{m['run']}" if m else None


def _office_code(issuer: str, letter_issuer: str, codes: dict[str, set[tuple[str, str]]]) -> tuple[str, str] | None:
    """The one (prefix, code) printed by the office ``issuer`` names, or None."""
    name = skeleton(issuer)
    if len(name) < MIN_ISSUER:
        return None
    found = set().union(*(c for office, c in codes.items() if office == name or (name in office and office ==
                                                                                   skeleton(letter_issuer))))
    return found.pop() if len(found) == 1 else None


# The glyph this OCR makes of a code's last digit and the slash after it
# (``อด ๐๐๒๓.๗๒๗๒๙`` for 0023.3/2729, seed 19), as of a dot and a digit
# (codedamage: "a dot and the digit beside it read as ๗"), and of the slash
# and the running number's first digit (``นศ ๐๐๒๓.๑๗๗๙๕๓`` for 0023.17/2953,
# seed 43): a split that starts the running number with it is no split.
MERGE_GLYPH = "7"


# A province's number run on past its code's dot, the slash lost: four
# digits, a dot, then the section and the running number in one run
# (``ชร ๐๐๒๓.๔๑๘๓๔``). The prefix may be garbled (``fl an ๐๐๒๓.๔๒๔๒๔``).
_RUN_ON = re.compile(r"(?:(?<![ก-๎])|(?<=ที่)|(?<=ที))(?P<prefix>[ก-ฮ]{2}|\S{1,3}(?=\s))\s?"
                     r"(?P<head>0\d{3})\.(?P<tail>\d{2,6})(?![\d./])")
MAX_RUNNING = 4  # as runjoin.join_running: a longer running number is two numbers run together


def split_by_shape(text: str, named: set[str]) -> str | None:
    """The number in ``text`` whose slash was lost after its code, read where
    one split alone gives a code section an office has (one or two digits,
    1 to lexicon.MAX_CODE_SECTION) and a running number (one to four
    digits, no leading 0); the prefix as printed when a province's, else the
    one province the entry names (``named``). None when both splits fit, or
    when the one running number starts with the ๗ a merged slash makes.

    >>> split_by_shape("หนังสือจังหวัดเชียงราย ที่ ชร ๐๐๒๓.๔๑๘๓๔ลงวันที่", set())  # 0023.41: no such section
    'ชร 0023.4/1834'
    >>> split_by_shape("หนังสืออำเภอสะเดา ที่ สข ๐๐๒๓.๑๖๒๙๘ลงวันที่", set()) is None  # 0023.1/6298 or 0023.16/298
    True
    >>> split_by_shape("หนังสือจังหวัดศรีสะเกษ ที่ fl an ๐๐๒๓.๔๒๔๒๔", {"ศก"})
    'ศก 0023.4/2424'
    >>> split_by_shape("หนังสืออำเภอสิชล ที่ นศ ๐๐๒๓.๑๗๗๙๕๓ ลงวันที่", set()) is None  # ๗: the slash merged?
    True
    """
    m = _RUN_ON.search(number_digits(text))
    if m is None:
        return None
    prefix = m["prefix"] if m["prefix"] in lexicon.PROVINCE_PREFIXES else (min(named) if len(named) == 1 else None)
    tail = m["tail"]
    splits = [(tail[:k], tail[k:]) for k in (1, 2) if tail[0] != "0" and 1 <= int(tail[:k]) <= lexicon.MAX_CODE_SECTION
              and 1 <= len(tail) - k <= MAX_RUNNING and tail[k] != "0"]
    if prefix is None or len(splits) != 1:
        return None
    (section, run), = splits
    if run.startswith(MERGE_GLYPH):  # ๑๗๗๙๕๓ for 0023.17/2953 (seed 43): the slash merged into the ๗?
        return None
    return f"{prefix} {m['head']}.{section}/{run}"


def merged_reading(text: str, letter: Letter, prefix: str) -> str | None:
    """The number a run-on reads as when its ๗ after the code's head is a
    code the letter prints under ``prefix`` merged with its slash
    (``owncode.glued_running``); None unless exactly one such code fits.

    >>> merged_reading("ที่ อด ๐๐๒๓.๗๒๗๒๙ลิงวันที่", Letter(doc_no="อด 0023.3/7222"), "อด")
    'อด 0023.3/2729'
    >>> merged_reading("ที่ ชร ๐๐๒๓.๔๑๘๓๔ลงวันที่", Letter(doc_no="ชร 0023.2/7222"), "ชร") is None  # no ๗
    True
    """
    line = number_digits(text)
    reads = set()
    for doc_no in [letter.doc_no, *(e.doc_no for e in [*letter.references, *letter.enclosures])]:
        hit = read_doc_no(doc_no) if doc_no else None
        if hit is None or hit.prefix != prefix or not hit.code:
            continue
        at = line.find(hit.code[:-1])
        glyph = line[at + len(hit.code) - 1 : at + len(hit.code)] if at >= 0 else ""
        if glyph == MERGE_GLYPH != hit.code[-1] and (run := glued_running(line, hit.code)):
            reads.add(f"{prefix} {hit.code}/{run}")
    return reads.pop() if len(reads) == 1 else None


def fill_run_on_entries(letter: Letter, notes: Notes) -> None:
    """Each entry without a number, read with its office's code
    (``split_run_on``), else by the shape codes have (``split_by_shape``)."""
    codes = office_codes(letter)
    for field, entries in (("references", letter.references), ("enclosures", letter.enclosures)):
        for e in entries:
            if e.doc_no is not None or not e.issuer or not e.text:
                continue
            code = _office_code(e.issuer, letter.issuer or "", codes)
            number = split_run_on(e.text, *code) if code else None
            if number is not None:
                e.doc_no = number
                notes.warn("doc_no_split_by_office_code", field, f"{e.text[:60]!r} read as {number}: the slash was "
                                                                 f"lost, and the office's other numbers here print {code[1]}")
            elif code is None and (number := split_by_shape(e.text, provinces_named(e.issuer))) is not None:
                # (only for an office that prints no code here: one that does
                # and is not run on is damage, ``ลย 0023.102467`` for 0023.12/2467)
                if (other := merged_reading(e.text, letter, number.split(" ")[0])) not in (None, number):
                    notes.warn("doc_no_ambiguous", field, f"{e.text[:60]!r}: {number} with the slash lost, or "
                                                          f"{other} with it merged into ๗: left unread")
                    continue
                e.doc_no = number
                notes.warn("doc_no_split_by_code_shape", field, f"{e.text[:60]!r} read as {number}: the slash was "
                                                                "lost, and no other split gives an office's code section")
            else:
                continue
            notes.conf(field, CITED_CONFIDENCE)


def one_digit_off(read: str, known: str) -> bool:
    """Codes of one section whose four-digit office codes differ in one digit.

    >>> one_digit_off("0123.16", "0023.16"), one_digit_off("0023.15", "0023.16"), one_digit_off("0123.1", "0023.16")
    (True, False, False)
    """
    head, _, section = read.partition(".")
    known_head, _, known_section = known.partition(".")
    return section == known_section != "" and len(head) == len(known_head) == 4 \
        and sum(a != b for a, b in zip(head, known_head)) == 1


def recode_entries(letter: Letter, notes: Notes) -> None:
    """An entry whose code is one digit off the code its office prints in two
    or more other numbers of the letter, and no other (seed 125: ``อำเภอปักธงชัย
    ที่ นม ๐๑๒๓.๑๖/๒๘๐๙`` beside the letter's own ``นม ๐๐๒๓.๑๖/๒๐๘๓`` and another
    reference's ``นม ๐๐๒๓.๑๖/๓๐๖``): an office keeps one code, so a digit of this
    one is misread (with only one other, which is misread cannot be told). The
    section must be the same: a province's units print other sections."""
    own = skeleton(letter.issuer or "")
    numbers = [(letter.doc_no, own, None)] + [
        (e.doc_no, skeleton(e.issuer or ""), (field, e)) for field, entries in
        (("references", letter.references), ("enclosures", letter.enclosures)) for e in entries]
    hits = [(read_doc_no(d) if d else None, office, entry) for d, office, entry in numbers]
    mends = []
    for hit, office, entry in hits:
        if entry is None or hit is None or not hit.code or len(office) < MIN_ISSUER:
            continue
        others = [(h.prefix, h.code) for h, o, e in hits if e is not entry and h is not None and h.code
                  and (o == office or (e is None and office in o))]  # the letter's own under ที่ว่าการอำเภอ...
        if len(others) >= 2 and len(set(others)) == 1 and others[0][0] == hit.prefix \
                and one_digit_off(hit.code, others[0][1]):
            mends.append((entry, hit.code, others[0][1], len(others)))
    for (field, e), read, known, n in mends:  # decided on the numbers as read, then written
        before, e.doc_no = e.doc_no, e.doc_no.replace(read, known, 1)
        notes.warn("doc_no_code_from_office", field, f"{before} read as {e.doc_no}: its office prints {known} "
                                                     f"in {n} other numbers of the letter, one digit off")
        notes.conf(field, CITED_CONFIDENCE)
