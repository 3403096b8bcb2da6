"""A document number's prefix and code, checked against the shapes this
domain's senders print (DOMAIN.md): a prefix OCR is known to confuse is
corrected, a code that cannot belong to its prefix is flagged, a speck read
as a dot inside the code's digits or a letter glued before the slash is
dropped when what is left has a code's shape, and digits of two scripts in
one group are flagged. Each decision is a problem code on the hit (and a
lower confidence); ``docno`` decides from them whether the number is read.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docintake.text import lexicon

if TYPE_CHECKING:  # docno builds the hits these check
    from docintake.parse.docno import DocNoHit


def fix_prefix(prefix: str, hit: DocNoHit) -> str:
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


def check_code(prefix: str, code: str, hit: DocNoHit) -> None:
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


# Two one-digit sections (``0023.1.8``): a sub-unit's code, or a speck read as a
# dot inside a two-digit section (0023.18, as in ``ลป 0023.1.8/191`` of seed 40)?
# No letter of the analysis seeds has two sections; either reading is a guess.
_TWO_ONE_DIGIT_SECTIONS = re.compile(r"0\d{3}\.\d\.\d")


# Two dots before a one-digit section (``0023..2``): a speck beside the dot
# (0023.2), or a section's first digit read as a dot (0023.12, seed 65)?
# Either reading is a guess; before two digits only the speck fits.
_DOT_FOR_DIGIT = re.compile(r"\d{4}\.\.\d")


def stray_dot(code: str, hit: DocNoHit) -> str:
    """A speck read as a dot inside the code's four digits (``002.3.18`` for
    0023.18), or inside an LAO's five-digit code (``79.795``: a code with no
    leading 0 is never a state office's, which alone have sections): joined
    when what is left has the code's shape; the number keeps a lower confidence.

    >>> from docintake.parse.docno import DocNoHit
    >>> stray_dot("002.3.18", DocNoHit(0, 0, None))
    '0023.18'
    >>> hit = DocNoHit(0, 0, None)
    >>> stray_dot("0023.1.8", hit), hit.problems  # the dot after four digits is the code's own; the other?
    ('0023.1.8', ['code_dot_or_section'])
    >>> stray_dot("79.795", DocNoHit(0, 0, None))
    '79795'
    >>> stray_dot("0023.1", DocNoHit(0, 0, None))
    '0023.1'
    >>> stray_dot("6023.4", DocNoHit(0, 0, None))
    '6023.4'
    >>> stray_dot("0023..13", DocNoHit(0, 0, None))  # a speck beside the code's dot (seed 30)
    '0023.13'
    >>> hit = DocNoHit(0, 0, None)
    >>> stray_dot("0023..2", hit), hit.problems  # a speck, or a digit read as a dot (0023.12, seed 65)?
    ('0023..2', ['code_dot_or_digit'])
    """
    if _DOT_FOR_DIGIT.fullmatch(code):
        hit.problems.append("code_dot_or_digit")
        return code
    if ".." in code:  # no code has two dots together: one is a speck beside the other
        code = re.sub(r"\.{2,}", ".", code)
        hit.problems.append("code_stray_dot_joined")
        hit.confidence = min(hit.confidence, 0.8)
    if _TWO_ONE_DIGIT_SECTIONS.fullmatch(code):
        hit.problems.append("code_dot_or_section")
        return code
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


def glued_letter(code: str, letter: str, hit: DocNoHit, after_dot: bool = False) -> None:
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


def check_scripts(printed: str, hit: DocNoHit) -> None:
    """A group printed in Thai digits with an Arabic one among them
    (``๓๕๓๕๕/6๕๐``): this OCR writes a Thai digit it cannot output (๔๖๗๘๙)
    as some other glyph, so the number's digits cannot be trusted. The code and
    the running number are judged apart: a printed Thai code with a running
    number written in by hand in Arabic digits (``๐๐๒๓.๑๔/1709``) is ordinary."""
    for group in printed.split("/"):
        if _THAI_DIGIT.search(group) and _ARABIC_DIGIT.search(group):
            hit.problems.append("digits_mixed")
            return
