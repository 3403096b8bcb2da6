"""Document numbers: ``ที่ มท ๐๘๑๐.๖/ว ๒๐๖๙`` -> ``มท 0810.6/ว 2069``.

OCR splits digits with spaces and wraps numbers across lines; those are
joined. Two faults are *not* silently fixed: a code that cannot belong to its
prefix (a ministry's codes start with 0: ``มท 1870.6`` is a misread), and a
lone ``๑`` or ``๖`` (or a speck) between the slash and the running number,
which is how this OCR reads a circular's ``ว`` (``/๑ ๒๐๙๙`` for ``/ว ๒๐๖๙``)
and so cannot be told from a digit. Those come back with ``canonical=None``
and a problem code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docintake.parse.circularmark import WO_AS_DOT, lone_glyph, wo_as_dot
from docintake.parse.codecheck import check_code, check_scripts, fix_prefix, glued_letter, stray_dot
from docintake.parse.lines import MARKED_PREFIX
from docintake.parse.rundot import CONFIDENCE as DOT_CONFIDENCE, dotted_tail, stopped_last_digit
from docintake.parse.runjoin import ANY_WORD_AFTER, WHOLE, join_running, month_ahead
from docintake.text import fresh, lexicon, line_cache
from docintake.text.normalize import digit_scripts, number_digits

_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
# A known prefix right before a code's digits: only such a one may follow a
# ที่ label OCR glued to it (ที่บร ๐๐๒๓...), not a word ending (ที่สุด Wt ๐๐๒๓).
# (a stray mark on a letter, as the prefix group allows one: ``ที่ม่ค 0023.13``, seed 45)
_KNOWN_BEFORE_CODE = rf"(?:{MARKED_PREFIX})\s?\d"
DOCNO_RE = re.compile(
    # the prefix starts a word, or follows a ที่ label OCR glued to it
    rf"(?:(?<![ก-๎])|(?:(?<=ที่)|(?<=ที))(?={_KNOWN_BEFORE_CODE}))(?P<prefix>(?:[ก-ฮ][{_MARKS}]?){{2,3}})(?P<vowel>ะ)?[.-]?\s{{0,2}}"
    rf"(?:[a-zA-Z'.,|]{{1,2}}\s)?"
    rf"(?P<code>\d[\d.]*(?:\s(?=\d)[\d.]+)*)(?P<glued>[ก-ฮ][{_MARKS}]?)?"
    rf"\s{{0,2}}(?P<slash>/\s{{0,2}}|(?=ว\.?\s{{0,2}}\d)|(?P<wodot>{WO_AS_DOT}))"
    # a speck before ว or a spaced number; a leader dot also glued to the number (``/.๔๖๗``)
    rf"(?P<speck>[^\s\w/](?=ว|\s{{1,2}}\d)\s{{0,2}}|[{re.escape(lexicon.LEADER_DOTS)}](?=\d))?"
    rf"(?P<circ>ว(?P<womark>[{_MARKS}])?\.?\s{{0,2}}(?:[a-zA-Z'.,:;|)-]{{1,3}}\s|(?P<wozero>[{lexicon.ZERO_LOOKALIKE_LETTERS}])\s)?)?"
    rf"(?P<run>\d+(?:\s\d+)*)"
)


@dataclass
class DocNoHit:
    start: int
    end: int
    canonical: str | None
    prefix: str = ""
    code: str = ""
    circular: bool | None = None
    running: str | None = None
    confidence: float = 1.0
    problems: list[str] = field(default_factory=list)
    raw: str = ""
    candidates: list[str] = field(default_factory=list)  # readings when ambiguous
    after_prefix: str = ""  # a garbled-prefix number's text from its code on


_ANY_DIGIT = re.compile(r"\d")


# Problems that leave a number unread: a reading would be a guess.
_UNREAD = ("circular_or_digit", "circular_or_speck", "split_or_debris", "code_implausible",
           "code_malformed", "digits_mixed", "running_damaged", "code_dot_or_section", "code_dot_or_digit",
           "running_leading_zero", "running_too_long")


# A sign glued after a short running number with more digits in the same token
# (``/ว ๕@๕“อ๑``, seed 32): the number runs on through damage, its end unknown
# (four digits are a whole number, as for a slash after it).
# A quote glued after it: what OCR makes of a pen's last digit (``/ ๑๒๓”`` for ๑๒๓๘, seed 54).
# a question mark: a glyph OCR could not read (``/ 6? 6``, seed 35); a digit read as a Thai letter
# between digits (``๑๗ฒ๔`` for ๑๗๗๔, seed 87)
_GLUED_DAMAGE = re.compile(r"[^\s\w]\S*?\d|\?|[\"“”]|[ก-ฮ][\u0e31-\u0e4e]?\d")


def runs_on_damaged(norm: str, end: int, run: str) -> bool:
    """Whether a running number of fewer than four digits ending at ``end``
    of ``norm`` runs on through a glued sign to more digits (``_GLUED_DAMAGE``).

    >>> runs_on_damaged("สข 0023.2/ว 5@5“อ1 ศาลากลาง", 13, "5"), runs_on_damaged("/ว 2069. ลงวันที่", 7, "2069")
    (True, False)
    >>> runs_on_damaged("0023.17/ 123” ที่ว่าการ", 12, "123"), runs_on_damaged("0023.17/ 1238” ที่", 13, "1238")
    (True, False)
    >>> runs_on_damaged("0023.17/17ฒ4 ลงวันที่", 10, "17"), runs_on_damaged("0023.17/174ลงวันที่", 11, "174")
    (True, False)
    """
    return len(run) < 4 and _GLUED_DAMAGE.match(norm, end) is not None


def _read(m: re.Match[str], norm: str, text: str) -> DocNoHit:
    """One ``DOCNO_RE`` match read part by part, each doubt a problem code;
    canonical only when no problem leaves the number unread (``_UNREAD``)."""
    hit = DocNoHit(m.start("prefix"), m.end(), None, raw=text[m.start("prefix") : m.end()])
    prefix = _read_prefix(m, text, hit)
    code = _read_code(m, text, hit)
    run, used = _read_running(m, norm, text, hit)
    hit.raw = text[hit.start : hit.end]
    hit.prefix, hit.code, hit.running = prefix, code, run
    _read_circular(m, norm, text, hit, used)
    if " " in m["run"][:used]:
        hit.confidence = min(hit.confidence, 0.85)
    check_code(prefix, code, hit)
    check_scripts(text[m.start("code") : hit.end], hit)
    # "/ว ๒๓/๓๐", "/๑๕/ วันที่": a digit read as a slash (or, after a short
    # number, a stroke after it: which one cannot be told; a running number of
    # four digits is whole, as in join_running, so its slash is a stroke)
    if re.match(r"\s?/\s?\d", norm[hit.end :]) or (len(run) < 4 and re.match(r"/(?!\S)", norm[hit.end :])) \
            or runs_on_damaged(norm, hit.end, run):
        hit.problems.append("running_damaged")
    if run.startswith("0"):  # numbering starts at 1, with no leading zero: "/ว ๐" is a number OCR lost (seed 82)
        hit.problems.append("running_leading_zero")
    if len(run) > lexicon.RUNNING_MAX_DIGITS:  # a digit too many, or a ว read as one ("/21591" for /ว 1591, seed 130)
        hit.problems.append("running_too_long")
    if not any(p in _UNREAD for p in hit.problems):
        hit.canonical = f"{prefix} {code}/{'ว ' if hit.circular else ''}{run}"
    return hit


def _read_prefix(m: re.Match[str], text: str, hit: DocNoHit) -> str:
    """The prefix as printed, less a glued ที่ label and stray marks, corrected."""
    printed = re.sub(f"[{_MARKS}]", "", m["prefix"])
    if len(printed) == 3 and printed[0] == "ท" and printed[1:] in lexicon.AGENCY_PREFIXES:
        # "ทีบร ๐๐๒๓.๑๕/": the ที่ label glued to the prefix, its tone mark lost
        printed = printed[1:]
        hit.start = m.start("prefix") + m["prefix"].index(printed[0])
        hit.raw = text[hit.start : hit.end]
    if printed != m["prefix"]:  # a stray OCR mark on the prefix (นศ์)
        hit.confidence = min(hit.confidence, 0.8)
    return fix_prefix(printed, hit)


def _read_code(m: re.Match[str], text: str, hit: DocNoHit) -> str:
    """The code, joined across OCR spaces, and what stood between it and the
    running number (a slash, a look-alike, a glued letter, nothing)."""
    code = stray_dot(m["code"].replace(" ", "").strip("."), hit)
    if ":" in text[m.start("code") : m.end("code")]:  # the code's dot read as a colon
        hit.problems.append("code_colon_read_as_dot")
        hit.confidence = min(hit.confidence, 0.9)
    if "," in text[m.start("code") : m.end("code")]:  # ... or as a comma (normalize.number_digits)
        hit.problems.append("code_comma_read_as_dot")
        hit.confidence = min(hit.confidence, 0.9)
    if re.search("[0-9๐-๙]{4}-", text[m.start("code") : m.end("code")]):  # ... or as a hyphen
        hit.problems.append("code_hyphen_read_as_dot")
        hit.confidence = min(hit.confidence, 0.9)
    if m["slash"] and text[m.start("slash")] in lexicon.SLASH_LOOKALIKES:  # "76927| 886" (normalize)
        hit.problems.append("slash_lookalike_read")
        hit.confidence = min(hit.confidence, 0.8)
    if m["vowel"]:  # "ชยะ0023.1/5719": a speck read as sara a after the prefix
        hit.confidence = min(hit.confidence, 0.8)
    if m["glued"]:
        glued_letter(code, m["glued"], hit, after_dot=m["code"].endswith("."))
    if m["slash"] and text[m.start("slash") : m.start("slash") + 2] == "//":  # read twice (normalize)
        hit.problems.append("slash_read_twice")
        hit.confidence = min(hit.confidence, 0.9)
    if not m["slash"]:  # "มท ๐๘๑๐.๗ว ๒๙๖๗": the slash lost, the circular's ว still marks the split
        hit.problems.append("slash_lost")
        hit.confidence = min(hit.confidence, 0.7)
    if " " in m["code"]:
        hit.confidence = min(hit.confidence, 0.85)
    return code


def _group_in_doubt(printed: str, run: str, used: int) -> bool:
    """The group of digits left after a whole running number holds one of the
    number's own script (``๔๘๕ ๐๐``, ``๑๗๙ 7๐``): a lost digit of it, or
    debris? A pair wholly in the other script (``๒๑๘ 73``) is debris (runjoin).

    >>> _group_in_doubt("485 00", "485", 3), _group_in_doubt("๑๗๙ 7๐", "179", 3), _group_in_doubt("๒๑๘ 73", "218", 3)
    (True, True, False)
    """
    rest = printed[used:].split()
    if len(run) < WHOLE or not rest or len(rest[0]) < 2:
        return False
    return bool(digit_scripts(rest[0]) & digit_scripts(printed[:used]))


def _read_running(m: re.Match[str], norm: str, text: str, hit: DocNoHit) -> tuple[str, int]:
    """The running number (``runjoin.join_running``) and how many characters
    of the match's ``run`` it used; moves ``hit.end`` to where it stops."""
    run, used = join_running(m["run"], norm[m.end() :], text[m.start("run") : m.end("run")])
    hit.end = m.start("run") + used
    if used < len(m["run"]) and ANY_WORD_AFTER.match(norm[m.end() :]) and not month_ahead(norm[m.end() :]):
        # "๙๖๔ 0งินท", "574 ๙ ที่ว่าการ": debris left out
        hit.problems.append("running_debris_dropped")
        hit.confidence = min(hit.confidence, 0.8)
        if _group_in_doubt(text[m.start("run") : m.end("run")], run, used):
            hit.problems.append("split_or_debris")  # "485 00, จนท": a group of digits, not one stray glyph: in doubt
    if used == len(m["run"]) and (tail := dotted_tail(run, norm[hit.end :])) is not None:
        run, hit.end = run + tail, hit.end + 1 + len(tail)  # "/๒๔๐.๖ ที่ว่าการ": a speck for a dot
        hit.problems.append("running_stray_dot_joined")
        hit.confidence = min(hit.confidence, DOT_CONFIDENCE)
    return run, used


def _read_circular(m: re.Match[str], norm: str, text: str, hit: DocNoHit, used: int) -> None:
    """Whether the number is a circular's (ว), as ``circularmark`` judges
    what OCR left there, and whether its last digit is a speck."""
    hit.circular = m["circ"] is not None
    if m["womark"] or m["wozero"]:  # "/วุ ๖๖๗๑" (seed 10): ว carries no vowel or tone in a number: a speck;
        # "/วอ ๖๙๓" (seed 33): a ๐-shaped letter glued to ว, and no running number begins with 0
        hit.problems.append("speck_dropped")
        hit.confidence = min(hit.confidence, 0.9)
    if m["wodot"]:
        wo_as_dot(hit, hit.running or "", norm[m.end() :])
    lone_glyph(m, hit, used, text[m.start("run") : hit.end])
    if used == len(m["run"]) and not hit.candidates and stopped_last_digit(m["run"], norm[m.end() :]):
        base = f"{hit.prefix} {hit.code}/{'ว ' if hit.circular else ''}"  # "/686 7. วันที่": a speck or a digit?
        run = hit.running or ""
        hit.candidates = [base + run[:-1], base + run]
        hit.problems.append("split_or_debris")


def find_doc_nos(text: str) -> list[DocNoHit]:
    """Every document number in ``text`` (joined across OCR spaces), in order.

    >>> [h.canonical for h in find_doc_nos("ที่ ชย ๐๐๒๓.๑๔/๑๗ ๐๙ ลงวันที่")]
    ['ชย 0023.14/1709']
    """
    # A fresh copy of each hit: callers repair hits in place (prefix recovery).
    return [fresh(h) for h in _doc_nos(text)]


@line_cache(maxsize=1024)  # the same lines and whole letters are searched by several stages (~25 texts a file)
def _doc_nos(text: str) -> tuple[DocNoHit, ...]:
    norm = number_digits(text)
    if _ANY_DIGIT.search(norm) is None:  # a number has a code: most lines have no digit
        return ()
    return tuple(_read(m, norm, text) for m in DOCNO_RE.finditer(norm))


def read_doc_no(text: str) -> DocNoHit | None:
    """The first document number in ``text`` with what is doubtful about it."""
    from docintake.parse.slashlost import glued_lost, split_lost  # they build on this module's hits

    hits = find_doc_nos(text)
    return hits[0] if hits else split_lost(text) or glued_lost(text)


# The prefix: a whole token opening with a letter (``a8`` for ลย, seed 114: its
# digit is the prefix's, not the code's), or up to four letters glued to the code.
_LOOSE_RE = re.compile(r"(?P<prefix>[^\s0-9][^\s]{0,3}(?=\s)|[^\s0-9]{1,4})\s{0,2}(?P<code>[0-9][0-9.]*(?:\s(?=[0-9])[0-9.]+)?)[ก-ฮ]?\s{0,2}/\s{0,2}"
                       rf"(?P<circ>ว\s*|[{re.escape(lexicon.WO_MARK_LOOKALIKES)}]\s+)?"
                       r"(?P<run>[0-9]+(?:\s[0-9]+)*)")


def read_doc_no_loose(text: str) -> DocNoHit | None:
    """A number whose prefix OCR garbled (``WY ๐๐๒๓.๙/ว ๓๒๕``): never canonical,
    but it still tells a circular (ว) from an ordinary letter.

    >>> [(h.code, h.after_prefix) for h in map(read_doc_no_loose, ("WY ๐๐๒๓.๙/ว ๓๒๕", "ที่ a8 ๐๐๒๓.๑๗/๑๖๒๙"))]
    [('0023.9', '๐๐๒๓.๙/ว ๓๒๕'), ('0023.17', '๐๐๒๓.๑๗/๑๖๒๙')]
    """
    norm = number_digits(text)
    m = _LOOSE_RE.search(norm)
    if m is None:
        return None
    _, used = join_running(m["run"], norm[m.end() :])
    end = m.start("run") + used
    return DocNoHit(m.start(), end, None, prefix="", code=m["code"].replace(" ", "").strip("."), circular=m["circ"] is not None,
                    confidence=0.0, problems=["prefix_unreadable"], raw=text[m.start() : end],
                    after_prefix=text[m.start("code") : end])


def canonical_doc_no(s: str) -> str | None:
    """Canonical form of the first document number in ``s``, or None when
    there is none or it cannot be read without guessing.

    >>> canonical_doc_no("ที่ มท ๐๘๑๐.๖/ว ๒๐๖๙")
    'มท 0810.6/ว 2069'
    >>> canonical_doc_no("ที่ งท ๐๘๑๐.๖/ว ๒๐๖๙")
    'มท 0810.6/ว 2069'
    >>> canonical_doc_no("ที่ งท ๑๘๗๐.๖/ว ๒๐๖๙") is None
    True
    >>> canonical_doc_no("ชย ๐๐๒๓.๖/๑ ๓๖๕") is None
    True
    """
    hit = read_doc_no(s.replace("\n", " "))
    return hit.canonical if hit else None

