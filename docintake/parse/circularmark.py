"""The circular's ``ว`` between a document number's slash and its running
number, as this OCR damages it: read as a dot after the code
(``๐๘๑๐.๖. ๑๖๕``), as a lone digit (``/๑ ๓๖๕``) or a mark (``/) ๑๔๓๖``),
or lost beside a speck. What one reading settles is taken and warned; where
ว cannot be told from a digit or dirt, both readings are kept as candidates
and ``docno`` leaves the number unread.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docintake.parse.runjoin import month_ahead
from docintake.text import lexicon
from docintake.text.normalize import digit_scripts, thai_to_arabic_digits

if TYPE_CHECKING:  # docno builds the hits these judge
    from docintake.parse.docno import DocNoHit

# A circular's ``/ว`` read as a dot after a whole code, maybe with a Latin
# glyph or two for the ว, then the space that follows ว (``๐๘๑๐.๖. ๑๖๕``,
# ``๐๘๑๐.๖.of ๙๗๗``, ``๐๘๑๐.๘.oe) ๒๔๓๖``): an ordinary number's slash runs
# straight into its digits, so the space marks where the ว stood. The dot may
# be read as a comma, with a Latin glyph or two for the ว (``0810.6,On 1771``,
# seed 35): a comma alone there could be a code's own punctuation.
WO_AS_DOT = r"(?:(?<=\d{4}\.\d)|(?<=\d{4}\.\d\d))(?:\.[^\s0-9ก-๎/]{0,3}|,[A-Za-z]{1,3})\s{1,2}(?=\d)"


# A lone digit that may be a circular's ว read as a digit, then a space.
_WO_DIGIT = re.compile("[" + thai_to_arabic_digits(lexicon.WO_DIGIT_LOOKALIKES) + "] ")


def lone_glyph(m: re.Match[str], hit: DocNoHit, used: int, printed: str) -> None:
    """A lone glyph between the slash and the running number, where a
    circular's ว stands: a digit ว is read as (``/๑ ๓๖๕``, ``/๖ ๓๙๖``: ว,
    or a digit split off by a space? ``lexicon.WO_DIGIT_LOOKALIKES``) or a speck (``/' ๓๕๖``: ว or dirt?),
    except the marks only ว is read as (``/) ๑๔๓๖``: ``lexicon.WO_MARK_LOOKALIKES``) and the dots
    of a handwritten number's leader line (``/. ๓๕๖``: no ว, ``lexicon.LEADER_DOTS``).
    Either reading is a guess, so both are kept as candidates and the number
    is left unread. A speck before a legible ว (``/)ว``) is dirt. ``m``: the
    ``docno.DOCNO_RE`` match (its ``speck`` and ``run`` groups); ``printed``:
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


def wo_as_dot(hit: DocNoHit, run: str, after: str) -> None:
    """``/ว`` read as a dot after a whole code (``WO_AS_DOT``): a circular,
    warned. Short digits before a month are a date's day, not a running
    number (``ชม ๐๐๒๓.๑๕. ๑๒ มิ.ย.``: the number lost its running number)."""
    if len(run) <= 2 and month_ahead(after):
        hit.problems.append("running_damaged")
        return
    hit.circular = True
    hit.problems.append("circular_read_as_dot")
    hit.confidence = min(hit.confidence, 0.7)
