"""A letter's own number whose code lost its dot, read against the office
codes the same letter prints.

A code is an office's four digits, a dot and a section (``0023.16``,
``0810.6``: DOMAIN.md). This OCR loses the dot (``๐๐๒๓๑๑``), reads it as a
space (``๐๐๒๓ ๑๖``), or merges it with the digit before it into a ๗
(``๐๐๒๗๑๖`` for ๐๐๒๓.๑๖). Each leaves five or six digits that fit no code
shape (docno's ``code_implausible``) and show where the dot stood, but not,
after a merge, which digit it took. The letter's other numbers with the same
prefix (its references, the copies it lists) print the office's four digits
(a province's local-administration office and its districts are all 0023):
the damaged code is read with the one such office code that explains the
damage. A province's code whose dot reads as a space needs no such number:
the space shows where the dot stood, and the office is 0023. A ๗ right after the four digits may be the dot merged with the
section's first digit, which nothing tells, so such a code stays unread.
A dotted code whose first digit is no 0 (``๑๐๒๓.๑๔``, seed 114) lost that 0
to OCR: only state offices' codes have a dot, and they all start with 0.
"""

from __future__ import annotations

import re

from docintake.parse.docno import DocNoHit, find_doc_nos, read_doc_no
from docintake.text import lexicon
from docintake.text.normalize import number_digits

CONFIDENCE = 0.6
# Problems no office code can settle: the running number or ว is in doubt.
_OTHER_DOUBTS = {"circular_or_digit", "circular_or_speck", "split_or_debris", "code_malformed", "digits_mixed",
                 "running_damaged"}
_DAMAGED = re.compile(r"0\d{4,6}")  # four digits and a section of one or two, no dot (or the dot read as a digit)
_FIRST_DIGIT_OFF = re.compile(r"[1-9](\d{3})\.(\d{1,2})")  # a dotted code not starting with 0 (``๑๐๒๓.๑๔``)


def office_codes(prefix: str, text: str) -> set[str]:
    """The four-digit office codes of the readable numbers in ``text`` with ``prefix``.

    >>> sorted(office_codes("อบ", "อ้างถึง หนังสือจังหวัดอุบลราชธานี ที่ อบ ๐๐๒๓.๕/ว ๒๑๐๗ ที่ มท ๐๘๑๐.๖/ว ๑๒"))
    ['0023']
    """
    return {h.code.partition(".")[0] for h in find_doc_nos(text)
            if h.canonical and h.prefix == prefix and re.fullmatch(r"\d{4}\.\d{1,2}", h.code)}


def code_readings(digits: str, offices: set[str]) -> set[tuple[str, str]]:
    """(code, what OCR did) for each office code that explains ``digits``,
    a code whose dot is lost.

    >>> sorted(code_readings("002311", {"0023"}))
    [('0023.11', "the code's dot lost")]
    >>> sorted(code_readings("002716", {"0023"}))
    [('0023.16', "the code's dot and the digit before it read as ๗")]
    >>> code_readings("08107", {"0810"})  # 0810.7, or ๗ for the dot and the section's digit
    set()
    >>> sorted(code_readings("0023913", {"0023"}))  # seven digits: no section has three
    [('0023.13', "the code's dot read as a digit")]
    >>> sorted(code_readings("1023.14", {"0023"}))  # seed 114: only state codes have a dot, and they start with 0
    [('0023.14', "the code's first 0 read as another digit")]
    """
    if (m := _FIRST_DIGIT_OFF.fullmatch(digits)) is not None:
        return {(f"{office}.{m[2]}", "the code's first 0 read as another digit") for office in offices
                if office == "0" + m[1] and 0 < int(m[2]) <= lexicon.MAX_CODE_SECTION}
    if not _DAMAGED.fullmatch(digits):
        return set()
    if len(digits) == 7:
        return {(f"{office}.{digits[5:]}", "the code's dot read as a digit") for office in offices
                if digits[:4] == office and 0 < int(digits[5:]) <= lexicon.MAX_CODE_SECTION}
    if digits[4] == "7":
        return set()
    section = digits[4:]
    out = set()
    for office in offices:
        if digits[:4] == office:
            out.add((f"{office}.{section}", "the code's dot lost"))
        elif digits[:3] == office[:3] and digits[3] == "7":
            out.add((f"{office}.{section}", "the code's dot and the digit before it read as ๗"))
    return out


# A province's local-administration code, its dot read as a space before the section and slash.
_SPACED_PROVINCE_CODE = re.compile(r"0023\s[1-9]\d?\s?/")


def _spaced_province_office(hit: DocNoHit) -> set[str]:
    """``{"0023"}`` for a province's number whose code shows its dot as a space
    (``พช ๐๐๒๓ ๑๗/ว ๒๔๐๘``, seed 79) or keeps its dot after a first digit
    misread (``สร ๑๐๒๓.๑๔/๒๑๐๗``, seed 114): where the dot stands is seen,
    and a province's local-administration office prints 0023 (DOMAIN.md), so
    no other number of the letter is needed to vouch for the office code.

    >>> _spaced_province_office(read_doc_no("พช ๐๐๒๓ ๑๗/ว ๒๔๐๘")), _spaced_province_office(read_doc_no("พช ๐๐๒๓๑๗/๒๔๐๘"))
    ({'0023'}, set())
    >>> _spaced_province_office(read_doc_no("สร ๑๐๒๓.๑๔/๒๑๐๗"))
    {'0023'}
    """
    seen = _SPACED_PROVINCE_CODE.search(number_digits(hit.raw)) or _FIRST_DIGIT_OFF.fullmatch(hit.code or "")
    return {"0023"} if hit.prefix in lexicon.PROVINCE_PREFIXES and seen else set()


def _dot_as_slash(hit: DocNoHit, text: str) -> DocNoHit:
    """``hit`` read as ``code.section/running`` where the code's dot came out a
    slash (``นศ ๐๐๒๓/๑๓/๑๙๓๔``, seed 121: read as ``0023`` / ``13``, then a second
    slash): a bare four-digit code, a "running number" a section can be, and a
    slash and number after it, when the letter's other numbers with the prefix
    print that office code (or it is a province's 0023); else ``hit`` unchanged.

    >>> _dot_as_slash(read_doc_no("ที่ นศ ๐๐๒๓/๑๓/๑๙๓๔"), "ที่ นศ ๐๐๒๓/๑๓/๑๙๓๔ ที่ว่าการอำเภอทุ่งสง").canonical
    'นศ 0023.13/1934'
    """
    if "running_damaged" not in hit.problems or not re.fullmatch(r"0\d{3}", hit.code or "") or hit.circular \
            or not hit.running or not 0 < int(hit.running) <= lexicon.MAX_CODE_SECTION:
        return hit
    norm = number_digits(text)  # it keeps every character's place: ``at`` is the raw text's too
    at = norm.find(number_digits(hit.raw))
    if at < 0:
        return hit
    after = re.match(r"\s?/\s?(\d{1,5})(?!\d)", norm[at + len(hit.raw):])
    offices = office_codes(hit.prefix, text) or ({"0023"} if hit.prefix in lexicon.PROVINCE_PREFIXES else set())
    if after is None or hit.code not in offices:
        return hit
    read = read_doc_no(f"{hit.prefix} {hit.code}.{hit.running}/{after[1]}")
    if read is None or read.canonical is None:
        return hit
    read.start, read.end, read.raw = hit.start, hit.end + after.end(), text[at : at + len(hit.raw) + after.end()]
    read.problems.append(f"code_dot_restored:the code's dot read as a slash, the office {hit.code} as printed")
    read.confidence = min(hit.confidence, CONFIDENCE)
    return read


def repair_code(hit: DocNoHit, text: str) -> DocNoHit:
    """``hit`` (the letter's own number) read with the one code that its
    damaged code and the office codes ``text`` (the whole letter) prints
    explain, warned and less confident; else ``hit`` unchanged."""
    if hit.canonical is None and "running_damaged" in hit.problems and hit.prefix in lexicon.AGENCY_PREFIXES:
        return _dot_as_slash(hit, text)
    if hit.canonical is not None or "code_implausible" not in hit.problems or _OTHER_DOUBTS & set(hit.problems) \
            or hit.prefix not in lexicon.AGENCY_PREFIXES or not hit.running:
        return hit
    offices = office_codes(hit.prefix, text)
    vouch = "as the letter's other numbers print" if offices else "as a province's office prints"
    fits = code_readings(hit.code, offices or _spaced_province_office(hit))
    if len(fits) != 1:
        return hit
    ((code, why),) = fits
    if why.endswith("lost") and re.search(r"\d{4}\s\d", number_digits(hit.raw)):
        why = "the code's dot read as a space"
    read = read_doc_no(f"{hit.prefix} {code}/{'ว ' if hit.circular else ''}{hit.running}")
    if read is None or read.canonical is None:
        return hit
    read.start, read.end, read.raw = hit.start, hit.end, hit.raw
    read.problems += [p for p in hit.problems if p != "code_implausible"]
    tag = "code_first_digit_restored" if "first 0" in why else "code_dot_restored"
    read.problems.append(f"{tag}:{why}, {vouch} {code[:4]}")
    read.confidence = min(hit.confidence, CONFIDENCE)
    return read
