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

from docintake.parse.rundot import CONFIDENCE as DOT_CONFIDENCE, dotted_tail, stopped_last_digit
from docintake.text import fresh, lexicon, line_cache
from docintake.text.normalize import digit_scripts, number_digits, thai_to_arabic_digits

_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
# A circular's ``/ว`` read as a dot after a whole code, maybe with a Latin
# glyph or two for the ว, then the space that follows ว (``๐๘๑๐.๖. ๑๖๕``,
# ``๐๘๑๐.๖.of ๙๗๗``, ``๐๘๑๐.๘.oe) ๒๔๓๖``): an ordinary number's slash runs
# straight into its digits, so the space marks where the ว stood.
_WO_AS_DOT = r"(?:(?<=\d{4}\.\d)|(?<=\d{4}\.\d\d))\.[^\s0-9ก-๎/]{0,3}\s{1,2}(?=\d)"
# A known prefix right before a code's digits: only such a one may follow a
# ที่ label OCR glued to it (ที่บร ๐๐๒๓...), not a word ending (ที่สุด Wt ๐๐๒๓).
_KNOWN_BEFORE_CODE = "(?:" + "|".join(sorted(lexicon.AGENCY_PREFIXES)) + r")\s?\d"
DOCNO_RE = re.compile(
    # the prefix starts a word, or follows a ที่ label OCR glued to it
    rf"(?:(?<![ก-๎])|(?:(?<=ที่)|(?<=ที))(?={_KNOWN_BEFORE_CODE}))(?P<prefix>(?:[ก-ฮ][{_MARKS}]?){{2,3}})(?P<vowel>ะ)?[.-]?\s{{0,2}}"
    rf"(?:[a-zA-Z'.,|]{{1,2}}\s)?"
    rf"(?P<code>\d[\d.]*(?:\s(?=\d)[\d.]+)*)(?P<glued>[ก-ฮ][{_MARKS}]?)?"
    rf"\s{{0,2}}(?P<slash>/\s{{0,2}}|(?=ว\.?\s{{0,2}}\d)|(?P<wodot>{_WO_AS_DOT}))"
    # a speck before ว or a spaced number; a leader dot also glued to the number (``/.๔๖๗``)
    rf"(?P<speck>[^\s\w/](?=ว|\s{{1,2}}\d)\s{{0,2}}|[{re.escape(lexicon.LEADER_DOTS)}](?=\d))?"
    rf"(?P<circ>ว(?P<womark>[{_MARKS}])?\.?\s{{0,2}}(?:[a-zA-Z'.,:;|)-]{{1,3}}\s)?)?(?P<run>\d+(?:\s\d+)*)"
)
_NEXT_WORD = re.compile(r"\s*([ก-๎.]{2,16})\s*(?:พ\.ศ\.\s*)?\d{2,4}")


def _month_ahead(after: str) -> bool:
    """Whether ``after`` starts with a month name and a year (so the digits
    before it are a date's day, not part of the number)."""
    from docintake.parse.thaidate import month_number

    m = _NEXT_WORD.match(after)
    return m is not None and month_number(m.group(1)) is not None
MAX_RUNNING_DIGITS = 5


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


# What may follow a last digit group that is debris, not the number's:
# a word (maybe after a speck or two: ``574 ๙ ที่ว่าการ``, ``๑๗๙ 7, ลงวันที่``) or the end.
_WORD_AFTER = re.compile(r"[\s.,;:'\"]*(?:[ก-๎]|$)")


def _debris_tail(tail: list[str], script: set[bool], after: str) -> bool:
    """The last two groups are lone glyphs of the other script before a word."""
    return len(tail) == 2 and all(len(g) == 1 and digit_scripts(g) != script for g in tail) \
        and _WORD_AFTER.match(after) is not None


def _join_running(run: str, after: str, printed: str = "") -> tuple[str, int]:
    """Join digit groups split by OCR spaces; stop before a group that is the
    day of a following date or would make the number implausibly long, or a
    last group in the other digit script glued to the next word (``๙๖๔ 0งินท``),
    or one such glyph before it (``574 ๙ ที่ว่าการ``): a number is printed in
    one script, so that is debris of a garbled word, not a digit of the number.
    ``printed`` is ``run`` as printed (Thai digits kept).
    Returns the digits and how many characters of ``run`` they used."""
    groups = run.split(" ")
    shown = re.split(r"[ -]", printed) if printed else groups  # number_digits read a hyphen as a space
    digits, used = groups[0], len(groups[0])
    for i, g in enumerate(groups[1:], start=1):
        last = i == len(groups) - 1
        is_date_day = last and len(g) <= 2 and _month_ahead(after)
        # one glyph before a word, or any glued to it ("0งินท"); or the last two
        # glyphs, alone, before a word ("๒๑๒ 1 7 วันที่")
        glued_debris = last and digit_scripts(shown[i]) != digit_scripts(shown[i - 1]) and (
            re.match(r"[ก-๎]", after) is not None or (len(g) == 1 and _WORD_AFTER.match(after) is not None))
        glued_debris = glued_debris or _debris_tail(shown[i:], digit_scripts(shown[0]), after)
        if len(digits) >= 4 or len(digits) + len(g) > MAX_RUNNING_DIGITS or is_date_day or glued_debris:
            break
        digits += g
        used += 1 + len(g)
    return digits, used


def _fix_prefix(prefix: str, hit: DocNoHit) -> str:
    if prefix in lexicon.PREFIX_CONFUSIONS:
        hit.problems.append(f"prefix_corrected:{prefix}")
        hit.confidence = min(hit.confidence, 0.75)
        return lexicon.PREFIX_CONFUSIONS[prefix]
    if prefix not in lexicon.AGENCY_PREFIXES:
        hit.problems.append("prefix_unknown")
        hit.confidence = min(hit.confidence, 0.6)
    return prefix


# The code shapes this domain's senders use (DOMAIN.md): the department's
# มท 0810.6, a province's 0023.14 or an LAO's 5-digit code. A code of another
# shape lost a dot or a digit to OCR, so it is not read as a number.
_PROVINCE_CODE = re.compile(r"0\d{3}(?:\.\d{1,2})*|[1-9]\d{4}")
_CODE_SHAPES: dict[str, re.Pattern[str]] = {"มท": re.compile(r"0\d{3}(?:\.\d{1,2})*")} | {
    p: _PROVINCE_CODE for p in lexicon.PROVINCE_PREFIXES}


def _check_code(prefix: str, code: str, hit: DocNoHit) -> None:
    """A ministry's codes (มท 0810.6) start with 0; a province's are 0xxx for
    state offices or a 5-digit local-government code."""
    if not re.fullmatch(r"\d+(\.\d+)*", code):
        hit.problems.append("code_malformed")
    elif prefix in lexicon.MINISTRY_PREFIXES and not code.startswith("0"):
        hit.problems.append("code_implausible")
    elif prefix in _CODE_SHAPES and not _CODE_SHAPES[prefix].fullmatch(code):
        hit.problems.append("code_implausible")  # "มท 08107" (dot lost), "พช 023.6" (digit lost)
    elif any(int(s) > lexicon.MAX_CODE_SECTION for s in code.split(".")[1:]):
        hit.problems.append("code_implausible")  # "อบ 0023.85": no office has 85 units


_ONE_SECTION = re.compile(r"\d{4}\.\d{1,2}")
_DOT_IN_FOUR = re.compile(r"(\d{1,3})\.(\d{1,3})(\.\d{1,2})")
# An LAO's five-digit code with a dot in it: state-office codes start with 0
# and their dot follows four digits (``๖๐๒๓.๔`` is 0023.4 with a misread 0).
_DOT_IN_LAO_CODE = re.compile(r"([1-9]\d{0,2})\.(\d{2,4})")


def _stray_dot(code: str, hit: DocNoHit) -> str:
    """A speck read as a dot inside the code's four digits (``002.3.18`` for
    0023.18), or inside an LAO's five-digit code (``79.795``: a code with no
    leading 0 is never a state office's, which alone have sections): joined
    when what is left has the code's shape; the number keeps a lower confidence.

    >>> _stray_dot("002.3.18", DocNoHit(0, 0, None))
    '0023.18'
    >>> _stray_dot("0023.1.8", DocNoHit(0, 0, None))  # the dot after four digits is the code's own
    '0023.1.8'
    >>> _stray_dot("79.795", DocNoHit(0, 0, None))
    '79795'
    >>> _stray_dot("0023.1", DocNoHit(0, 0, None))
    '0023.1'
    >>> _stray_dot("6023.4", DocNoHit(0, 0, None))
    '6023.4'
    """
    m = _DOT_IN_FOUR.fullmatch(code)
    if m is not None and len(m[1]) + len(m[2]) == 4:
        joined = m[1] + m[2] + m[3]
    elif (m := _DOT_IN_LAO_CODE.fullmatch(code)) is not None and len(m[1]) + len(m[2]) == 5:
        joined = m[1] + m[2]
    else:
        return code
    hit.problems.append("code_stray_dot_joined")
    hit.confidence = min(hit.confidence, 0.85)
    return joined


def _glued_letter(code: str, letter: str, hit: DocNoHit, after_dot: bool = False) -> None:
    """A Thai letter stuck between the code and the slash (``๐๐๒๓.๑๗ฒ/``).

    This OCR writes the digits it cannot output (๔๖๗๘๙) as letters like ฒ, so
    the letter may be a lost digit; it is debris only when the code's last
    section already has the two digits a section can hold, or when a dot
    sets it apart after a whole code (``๐๘๑๐.๗.ฒ/``): the codes of this
    domain have one section after their four digits (DOMAIN.md), so a digit
    there would start a section that does not exist.
    """
    if re.search(r"\.\d{2}$", code) or (after_dot and _ONE_SECTION.fullmatch(code)):
        hit.problems.append(f"code_debris_dropped:{letter}")
        hit.confidence = min(hit.confidence, 0.7)
    else:
        hit.problems.append("code_malformed")


_THAI_DIGIT = re.compile("[๐-๙]")
_ARABIC_DIGIT = re.compile("[0-9]")
_ANY_DIGIT = re.compile(r"\d")


def _check_scripts(printed: str, hit: DocNoHit) -> None:
    """A group printed in Thai digits with an Arabic one among them
    (``๓๕๓๕๕/6๕๐``): this OCR writes a Thai digit it cannot output (๔๖๗๘๙)
    as some other glyph, so the number's digits cannot be trusted. The code and
    the running number are judged apart: a printed Thai code with a running
    number written in by hand in Arabic digits (``๐๐๒๓.๑๔/1709``) is ordinary."""
    for group in printed.split("/"):
        if _THAI_DIGIT.search(group) and _ARABIC_DIGIT.search(group):
            hit.problems.append("digits_mixed")
            return


# A lone digit that may be a circular's ว read as a digit, then a space.
_WO_DIGIT = re.compile("[" + thai_to_arabic_digits(lexicon.WO_DIGIT_LOOKALIKES) + "] ")


def _lone_glyph(m: re.Match[str], hit: DocNoHit, used: int, printed: str) -> None:
    """A lone glyph between the slash and the running number, where a
    circular's ว stands: a digit ว is read as (``/๑ ๓๖๕``, ``/๖ ๓๙๖``: ว,
    or a digit split off by a space? ``lexicon.WO_DIGIT_LOOKALIKES``) or a speck (``/' ๓๕๖``: ว or dirt?),
    except the marks only ว is read as (``/) ๑๔๓๖``: ``lexicon.WO_MARK_LOOKALIKES``) and the dots
    of a handwritten number's leader line (``/. ๓๕๖``: no ว, ``lexicon.LEADER_DOTS``).
    Either reading is a guess, so both are kept as candidates and the number
    is left unread. A speck before a legible ว (``/)ว``) is dirt. ``printed``:
    the running number as printed (Arabic digits or Thai)."""
    base, run = f"{hit.prefix} {hit.code}/", hit.running or ""
    arabic = printed[:1] in "0123456789"
    if m["speck"] and hit.circular:
        hit.problems.append("speck_dropped")
        hit.confidence = min(hit.confidence, 0.8)
    elif m["speck"] and m["speck"].strip() in lexicon.WO_MARK_LOOKALIKES:
        hit.circular = True
        hit.problems.append("circular_read_as_mark")
        hit.confidence = min(hit.confidence, 0.8)
    elif m["speck"] and m["speck"].strip() in lexicon.LEADER_DOTS:
        hit.problems.append("leader_dots_dropped")  # "/. ๓๕๖": the hand's leader line, no ว printed
        hit.confidence = min(hit.confidence, 0.75)
    elif m["speck"]:
        hit.candidates = [f"{base}ว {run}", f"{base}{run}"]
        hit.problems.append("circular_or_speck")
        hit.circular = None
    elif not _WO_DIGIT.match(m["run"]) or used == 1:
        return
    elif arabic and (not hit.circular or digit_scripts(printed.replace(" ", "")) == {False}):
        # An Arabic-digit letter: ว is not read as a digit there (it is, as ๑
        # or ๖, in a Thai-digit one), so "/1 126" (or "/ว 1 235", "/ว 1-350")
        # is one number split by a space.
        hit.problems.append("running_split_joined")
        hit.confidence = min(hit.confidence, 0.7)
    elif hit.circular:
        # After a legible ว ("/ว 1 ๔๔๐") a lone digit is debris or a split digit.
        hit.candidates = [f"{base}ว {run[1:]}", f"{base}ว {run}"]
        hit.problems.append("split_or_debris")
    else:
        hit.candidates = [f"{base}ว {run[1:]}", f"{base}{run}"]
        hit.problems.append("circular_or_digit")
        hit.circular = None


def _wo_as_dot(hit: DocNoHit, run: str, after: str) -> None:
    """``/ว`` read as a dot after a whole code (``_WO_AS_DOT``): a circular,
    warned. Short digits before a month are a date's day, not a running
    number (``ชม ๐๐๒๓.๑๕. ๑๒ มิ.ย.``: the number lost its running number)."""
    if len(run) <= 2 and _month_ahead(after):
        hit.problems.append("running_damaged")
        return
    hit.circular = True
    hit.problems.append("circular_read_as_dot")
    hit.confidence = min(hit.confidence, 0.7)


def _read(m: re.Match[str], norm: str, text: str) -> DocNoHit:
    hit = DocNoHit(m.start("prefix"), m.end(), None, raw=text[m.start("prefix") : m.end()])
    printed = re.sub(f"[{_MARKS}]", "", m["prefix"])
    if len(printed) == 3 and printed[0] == "ท" and printed[1:] in lexicon.AGENCY_PREFIXES:
        # "ทีบร ๐๐๒๓.๑๕/": the ที่ label glued to the prefix, its tone mark lost
        printed = printed[1:]
        hit.start = m.start("prefix") + m["prefix"].index(printed[0])
        hit.raw = text[hit.start : hit.end]
    if printed != m["prefix"]:  # a stray OCR mark on the prefix (นศ์)
        hit.confidence = min(hit.confidence, 0.8)
    prefix = _fix_prefix(printed, hit)
    code = _stray_dot(m["code"].replace(" ", "").strip("."), hit)
    if ":" in text[m.start("code") : m.end("code")]:  # the code's dot read as a colon
        hit.problems.append("code_colon_read_as_dot")
        hit.confidence = min(hit.confidence, 0.9)
    if m["slash"] and text[m.start("slash")] in lexicon.SLASH_LOOKALIKES:  # "76927| 886" (normalize)
        hit.problems.append("slash_lookalike_read")
        hit.confidence = min(hit.confidence, 0.8)
    if m["vowel"]:  # "ชยะ0023.1/5719": a speck read as sara a after the prefix
        hit.confidence = min(hit.confidence, 0.8)
    if m["glued"]:
        _glued_letter(code, m["glued"], hit, after_dot=m["code"].endswith("."))
    if not m["slash"]:  # "มท ๐๘๑๐.๗ว ๒๙๖๗": the slash lost, the circular's ว still marks the split
        hit.problems.append("slash_lost")
        hit.confidence = min(hit.confidence, 0.7)
    if " " in m["code"]:
        hit.confidence = min(hit.confidence, 0.85)
    run, used = _join_running(m["run"], norm[m.end() :], text[m.start("run") : m.end("run")])
    hit.end = m.start("run") + used
    if used < len(m["run"]) and _WORD_AFTER.match(norm[m.end() :]) and not _month_ahead(norm[m.end() :]):
        # "๙๖๔ 0งินท", "574 ๙ ที่ว่าการ": debris left out
        hit.problems.append("running_debris_dropped")
        hit.confidence = min(hit.confidence, 0.8)
    if used == len(m["run"]) and (tail := dotted_tail(run, norm[hit.end :])) is not None:
        run, hit.end = run + tail, hit.end + 1 + len(tail)  # "/๒๔๐.๖ ที่ว่าการ": a speck for a dot
        hit.problems.append("running_stray_dot_joined")
        hit.confidence = min(hit.confidence, DOT_CONFIDENCE)
    hit.raw = text[hit.start : hit.end]
    hit.prefix, hit.code, hit.running = prefix, code, run
    hit.circular = m["circ"] is not None
    if m["womark"]:  # "/วุ ๖๖๗๑" (seed 10): ว carries no vowel or tone in a number: a speck
        hit.problems.append("speck_dropped")
        hit.confidence = min(hit.confidence, 0.9)
    if m["wodot"]:
        _wo_as_dot(hit, run, norm[m.end() :])
    _lone_glyph(m, hit, used, text[m.start("run") : hit.end])
    if used == len(m["run"]) and not hit.candidates and stopped_last_digit(m["run"], norm[m.end() :]):
        base = f"{prefix} {code}/{'ว ' if hit.circular else ''}"  # "/686 7. วันที่": a speck or a digit?
        hit.candidates = [base + run[:-1], base + run]
        hit.problems.append("split_or_debris")
    if " " in m["run"][:used]:
        hit.confidence = min(hit.confidence, 0.85)
    _check_code(prefix, code, hit)
    _check_scripts(text[m.start("code") : hit.end], hit)
    # "/ว ๒๓/๓๐", "/๑๕/ วันที่": a digit read as a slash (or, after a short
    # number, a stroke after it: which one cannot be told; a running number of
    # four digits is whole, as in _join_running, so its slash is a stroke)
    if re.match(r"\s?/\s?\d", norm[hit.end :]) or (len(run) < 4 and re.match(r"/(?!\S)", norm[hit.end :])):
        hit.problems.append("running_damaged")
    if not any(p in ("circular_or_digit", "circular_or_speck", "split_or_debris", "code_implausible",
                     "code_malformed", "digits_mixed", "running_damaged")
               for p in hit.problems):
        hit.canonical = f"{prefix} {code}/{'ว ' if hit.circular else ''}{run}"
    return hit


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


_LOOSE_RE = re.compile(r"(?P<prefix>[^\s0-9]{1,4})\s{0,2}(?P<code>[0-9][0-9.]*(?:\s(?=[0-9])[0-9.]+)?)[ก-ฮ]?\s{0,2}/\s{0,2}"
                       rf"(?P<circ>ว\s*|[{re.escape(lexicon.WO_MARK_LOOKALIKES)}]\s+)?"
                       r"(?P<run>[0-9]+(?:\s[0-9]+)*)")


def read_doc_no_loose(text: str) -> DocNoHit | None:
    """A number whose prefix OCR garbled (``WY ๐๐๒๓.๙/ว ๓๒๕``): never canonical,
    but it still tells a circular (ว) from an ordinary letter."""
    norm = number_digits(text)
    m = _LOOSE_RE.search(norm)
    if m is None:
        return None
    _, used = _join_running(m["run"], norm[m.end() :])
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
