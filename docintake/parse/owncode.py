"""A letter's own number whose code OCR damaged, read by the code its own
office prints in the letters it cites.

An office keeps one code (``ระเบียบงานสารบรรณ``: the prefix and number of the
ส่วนราชการ), so a district office citing its own earlier letters (``อ้างถึง
หนังสืออำเภอเมืองกาฬสินธุ์ ที่ กส ๐๐๒๓.๑๓/...``) prints the code its own
letterhead lost (``ที่ กส ๐๐๒/ ๑๓/๑๖๒๔``). The code is taken only when every
reference from the office the letterhead names reads the same code, and the
letterhead still shows that number: the same digits in order with at most one
lost (a lost digit cannot turn one code into another). The running number
and ว are the letterhead's own. Warned and less confident. A letterhead
whose slash was lost in a glued run (``0023.10372``) is split after the
cited code (``glued_running``), at lower confidence still. Pure.
"""

from __future__ import annotations

import re

from docintake.parse.crosscheck import number_line, skeleton
from docintake.parse.docno import read_doc_no, runs_on_damaged
from docintake.parse.letter import Parsed
from docintake.parse.plausibility import warn
from docintake.text import lexicon
from docintake.text.normalize import thai_to_arabic_digits

CITED_CONFIDENCE = 0.6
GLUED_CONFIDENCE = 0.5  # the slash lost as well: the run's split rests on the cited code alone
MIN_ISSUER = 6  # glyphs of an office's name before it counts as named (not อำเภอ alone)
# The running number after the number's last slash (and a circular's ว).
_RUNNING = re.compile(r"/\s?(?P<circ>ว\.?\s?)?(?P<run>[0-9]{1,5})(?![0-9])")


def own_code(head: str, references: list) -> tuple[str, str] | None:
    """(prefix, code) every reference from the office ``head`` names reads;
    None when none does or they disagree."""
    named = skeleton(head)
    codes = set()
    for e in references:
        hit = read_doc_no(e.doc_no) if e.doc_no else None
        office = skeleton(e.issuer or "")
        if hit is not None and len(office) >= MIN_ISSUER and office in named:
            codes.add((hit.prefix, hit.code))
    return codes.pop() if len(codes) == 1 else None


def shows_with_one_lost(line: str, doc_no: str, end: int) -> bool:
    """Whether ``line`` up to ``end`` prints ``doc_no``'s digits in order,
    all of them or all but one.

    >>> shows_with_one_lost("ที่ กส 002/ 13/1624.. ที่ว่าการ", "กส 0023.13/1624", 19)
    True
    >>> shows_with_one_lost("ที่ กส 0021/ 13/1624.. ที่ว่าการ", "กส 0023.13/1624", 20)
    False
    """
    have = "".join(re.findall(r"[0-9]", line[:end]))
    want = "".join(re.findall(r"[0-9]", doc_no))
    return have == want or any(want[:i] + want[i + 1 :] == have for i in range(len(want)))


def fill_own_number(p: Parsed) -> None:
    """An unread own number read with the code its own office's citations
    print (``own_code``), when the letterhead still shows it."""
    if not p.head_text:
        return
    if p.letter.doc_no is not None:
        _recode_district(p)
        return
    code = own_code(p.head_text, p.letter.references)
    line = thai_to_arabic_digits(number_line(p.head_text))
    if code is None or code[0] not in line:
        return
    runs = list(_RUNNING.finditer(line))
    read = _slashed(line, runs[-1], code) if runs else _glued(line, code)
    if read is None:
        return
    number, how, confidence = read
    p.letter.doc_no = number
    warn(p, "doc_no_from_citations", "doc_no", f"read as {number}: the letterhead prints {line.strip()[:60]!r}"
                                                f"{how}, and the letters it cites from its own office print the "
                                                f"code {code[1]}")
    p.notes.confidence["doc_no"] = confidence  # it was unread: its confidence was nil


def _slashed(line: str, run: re.Match, code: tuple[str, str]) -> tuple[str, str, float] | None:
    """(number, how, confidence): the running number after the last slash with
    the cited code, when the letterhead still shows that number."""
    if runs_on_damaged(line, run.end(), run["run"]):
        return None  # the running number runs on through damage: its end is not known
    hit = read_doc_no(f"{code[0]} {code[1]}/{'ว ' if run['circ'] else ''}{run['run']}")
    if hit is None or hit.canonical is None or not shows_with_one_lost(line, hit.canonical, run.end()):
        return None
    return hit.canonical, "", CITED_CONFIDENCE


def office_code_pick(p: Parsed, mine: str, listed: str) -> str | None:
    """Of two prints of ``p``'s own number that differ in the code alone (the
    copy's letterhead and its forwarder's listing: ``สร 0027.1/7725`` against
    ``สร 0023.1/7725``), the one whose code the office's citations of its own
    letters print (``own_code``); None when neither or both do.

    Only for a province's prefix: a province's or district's office cites its
    own code (seeds 1-14: 166 of 166), while the department's divisions each
    number under their own code and cite one another (34 of 39 differ).
    """
    a, b = read_doc_no(mine), read_doc_no(listed)
    if a is None or b is None or a.prefix != b.prefix or a.prefix not in lexicon.PROVINCE_PREFIXES:
        return None
    if (a.circular, a.running) != (b.circular, b.running):
        return None  # the running numbers differ: the office's code says nothing of them
    code = own_code(p.head_text, p.letter.references)
    fits = [n for n, h in ((mine, a), (listed, b)) if code == (h.prefix, h.code)]
    return fits[0] if len(fits) == 1 else None


def base_code_pick(forwarder: str | None, mine: str, listed: str) -> str | None:
    """Of two prints of a copy's number that differ in the four digits before the
    code's dot alone (``สน 0023.2/8801`` against ``สน 0027.2/8801``, seed 141), the
    one whose base code the forwarding letter's own number prints under the same
    province prefix: a province's office of local administration and its district
    units all number under 0023 (DOMAIN.md), so a district forwarding its
    province's letter prints the base the copy has. None when that does not tell.

    >>> base_code_pick("สน 0023.15/119", "สน 0023.2/8801", "สน 0027.2/8801")
    'สน 0023.2/8801'
    >>> base_code_pick("มท 0810.4/ว 12", "มท 0810.7/ว 2683", "มท 0811.7/ว 2683") is None  # no province's
    True
    """
    a, b, f = read_doc_no(mine), read_doc_no(listed), read_doc_no(forwarder or "")
    if a is None or b is None or f is None or not a.prefix == b.prefix == f.prefix:
        return None
    if a.prefix not in lexicon.PROVINCE_PREFIXES or (a.circular, a.running) != (b.circular, b.running):
        return None
    (base_a, _, section_a), (base_b, _, section_b) = a.code.partition("."), b.code.partition(".")
    if section_a != section_b or base_a == base_b:
        return None
    base = f.code.partition(".")[0]
    return mine if base == base_a else listed if base == base_b else None


DISTRICT = skeleton("อำเภอ")
MAX_CODE_MISREADS = 2


def _misreads(mine: str, cited: str) -> int | None:
    """How many digits of ``mine`` differ from ``cited``, dots in the same
    places; None when the two do not have one shape.

    >>> _misreads("0123.12", "0023.17"), _misreads("0023.1", "0023.17")
    (2, None)
    """
    if len(mine) != len(cited) or [i for i, c in enumerate(mine) if c == "."] != [
            i for i, c in enumerate(cited) if c == "."]:
        return None
    return sum(a != b for a, b in zip(mine, cited))


def _one_lost(mine: str, cited: str) -> bool:
    """``mine`` is ``cited`` with one digit lost (``0023.1`` for 0023.12, seed 45):
    OCR loses glyphs far more often than it adds ones that fit.

    >>> _one_lost("0023.1", "0023.12"), _one_lost("0023.2", "0023.12"), _one_lost("0023.3", "0023.12")
    (True, True, False)
    >>> _one_lost("0023.12", "0023.12"), _one_lost("0023.1", "0023.123")
    (False, False)
    """
    return len(cited) == len(mine) + 1 and any(cited[:i] + cited[i + 1:] == mine for i in range(len(cited))
                                               if cited[i] != ".")


def _district_cites(head: str, references: list, code: tuple[str, str]) -> bool:
    """Whether a district office ``head`` names cites a letter of its own with ``code``."""
    named = skeleton(head)
    for e in references:
        office, hit = skeleton(e.issuer or ""), read_doc_no(e.doc_no) if e.doc_no else None
        if hit is not None and office.startswith(DISTRICT) and office in named and (hit.prefix, hit.code) == code:
            return True
    return False


def _recode_district(p: Parsed) -> None:
    """A district office's number read with a code its own citations
    contradict (``พช 0123.12/1271`` where every letter it cites of its own
    prints ``พช 0023.17``), a digit or two of the same shape apart: read with
    the cited code. A district's local-administration office has one unit and
    so one code (a province's has several groups, the department many
    divisions: their citations say nothing of the letter's own code). The
    running number and ว are the letterhead's own. A code one digit short of the
    cited one (``_one_lost``) is read so too. Warned, less confident."""
    hit = read_doc_no(p.letter.doc_no)
    code = own_code(p.head_text, p.letter.references)
    if hit is None or code is None or code[0] != hit.prefix or code[1] == hit.code:
        return
    if not _district_cites(p.head_text, p.letter.references, code):
        return  # the office citing itself is no district
    if not 0 < (_misreads(hit.code, code[1]) or 0) <= MAX_CODE_MISREADS and not _one_lost(hit.code, code[1]):
        return
    number = f"{hit.prefix} {code[1]}/{'ว ' if hit.circular else ''}{hit.running}"
    warn(p, "doc_no_code_from_citations", "doc_no", f"read as {number}, not {p.letter.doc_no}: the district "
                                                     f"office prints the code {code[1]} in the letters of its own it cites")
    p.letter.doc_no = number
    p.notes.confidence["doc_no"] = CITED_CONFIDENCE


# The code, then the running number glued to it with the slash lost, or the
# slash and the code's last digit read as one glyph (``ลย 0023.10372`` for
# ``0023.12/372``, ``0023.101681`` for ``0023.12/1681``: seed 15, 200 dpi).
_GLUED_OWN = re.compile(r"(?P<digits>\d{4}\.\d{3,9})(?![\d/])")


def glued_running(line: str, code: str) -> str | None:
    """The running number in ``line``'s code-and-number run glued together,
    once ``code`` is known: what follows the code, its last digit allowed to
    be the misread glyph the slash merged into. None when no run starts with
    the code (all but its last digit) or nothing is left after it.

    >>> glued_running("ที่ลย 0023.10372 ที่ว่าการอำเภอด่านซ้าย", "0023.12")
    '372'
    >>> glued_running("ที่ ลย 0023.12372 ที่ว่าการ", "0023.12")
    '372'
    >>> glued_running("ที่ ลย 0023.3372 ที่ว่าการ", "0023.12") is None
    True
    """
    m = _GLUED_OWN.search(line)
    if m is None or not m["digits"].startswith(code[:-1]):
        return None
    run = m["digits"][len(code):]
    return run if 1 <= len(run) <= 5 and not run.startswith("0") else None


def _glued(line: str, code: tuple[str, str]) -> tuple[str, str, float] | None:
    """(number, how, confidence): an own number whose slash OCR lost in a glued
    run (``glued_running``), with the cited code; no ว is printed in the run,
    so it is read as an ordinary number, at the lowest confidence kept."""
    run = glued_running(line, code[1])
    hit = read_doc_no(f"{code[0]} {code[1]}/{run}") if run else None
    if hit is None or hit.canonical is None:
        return None
    return hit.canonical, " with its slash lost", GLUED_CONFIDENCE
