"""A document number's running number: the digit groups OCR split with
spaces, joined (``/๑๗ ๐๙`` -> 1709), and where they stop: at the day of a
date that follows, at a length no running number has, or at debris of the
next word in the other digit script (``๙๖๔ 0งินท``). Pure; ``docno`` reads
the whole number with these.
"""

from __future__ import annotations

import re

from docintake.parse.months import month_number
from docintake.text import lexicon
from docintake.text.normalize import digit_scripts

_NEXT_WORD = re.compile(r"\s*([ก-๎.]{2,16})\s*(?:พ\.ศ\.\s*)?\d{2,4}")
# A month's abbreviation OCR garbled past reading, its shape kept: two letters,
# each maybe with a vowel, each with its dot (``ก.ฟิ.`` for ก.พ., seed 37).
_ABBREVIATION_SHAPE = re.compile(r"[ก-ฮ][\u0e31-\u0e3a\u0e47-\u0e4e]{0,2}\.\s?[ก-ฮ][\u0e31-\u0e3a\u0e47-\u0e4e]{0,2}\.")


def month_ahead(after: str) -> bool:
    """Whether ``after`` starts with a month name, or what is left of an
    abbreviated one, and a year (so the digits before it are a date's day,
    not part of the number).

    >>> [month_ahead(t) for t in (" ก.พ. 2568", " ก.ฟิ.2568", " กุมภาพันธ์ 2568", " ก.ฟิ.", " งาน 2568")]
    [True, True, True, False, False]
    """
    m = _NEXT_WORD.match(after)
    return m is not None and (month_number(m.group(1)) is not None or bool(_ABBREVIATION_SHAPE.fullmatch(m.group(1))))


MAX_RUNNING_DIGITS = 5
# A whole running number (three digits or more) takes no group that would make
# it five digits long: no running number of seeds 1-44's truth has five, and
# the two 3 + 2 splits in their OCR were debris or a date's day (``บร76702/485
# 00, จนท 18 68``, seed 44; docno leaves such a number unread: the group may
# hold a lost digit). A number read whole with five digits is left unread too
# (docno).
MAX_JOINED_DIGITS = lexicon.RUNNING_MAX_DIGITS
WHOLE = 3


# What may follow a last digit group that is debris, not the number's:
# a word (maybe after a speck or two: ``574 ๙ ที่ว่าการ``, ``๑๗๙ 7, ลงวันที่``) or the end.
WORD_AFTER = re.compile(r"[\s.,;:'\"]*(?:[ก-๎]|$)")
# A lone digit of the other script after the running number is debris before
# any word, a Latin one too (``๕๙๑ 0. WWM`` for a memo's garbled วันที่, seed 22):
# on the analysis seeds a Thai-digit running number followed by one Arabic digit
# was the number without it 20 times out of 20.
# Specks of any punctuation may stand between (``๒๘ 7,+. วันที่``, seed 41).
ANY_WORD_AFTER = re.compile(r"[^\w]*(?:[ก-๎A-Za-z]|$)")
# Two such digits after a whole running number (three or more digits) too
# (``๒๑๘ 73 วจิ้นทร`` for a memo's garbled วันที่, seed 29): on the analysis seeds
# the number was without them both times, and no number was ever split across scripts.
OTHER_SCRIPT_PAIR_AFTER = 3


def _debris_tail(tail: list[str], script: set[bool], after: str) -> bool:
    """The last two groups are lone glyphs of the other script before a word."""
    return len(tail) == 2 and all(len(g) == 1 and digit_scripts(g) != script for g in tail) \
        and WORD_AFTER.match(after) is not None


def _lone(group: str, digits: str) -> bool:
    """One digit, or two of one script after a whole running number: too few to be the number's own."""
    return len(group) == 1 or (len(group) == 2 and len(digit_scripts(group)) == 1
                               and len(digits) >= OTHER_SCRIPT_PAIR_AFTER)


def _glued_glyph(group: str, digits: str, after: str) -> bool:
    """One digit glued to the Thai word after a whole running number (``453
    7ฝ วันที่``, seed 39): a speck read as a digit (a 7 nine times of nine in
    the OCR of seeds 8-39, eight of them in the other script), not its last digit."""
    return len(group) == 1 and len(digits) >= OTHER_SCRIPT_PAIR_AFTER and re.match(r"[ก-๎]", after) is not None


def join_running(run: str, after: str, printed: str = "") -> tuple[str, int]:
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
        is_date_day = last and len(g) <= 2 and month_ahead(after)
        # one glyph before a word, or any glued to it ("0งินท"); or the last two
        # glyphs, alone, before a word ("๒๑๒ 1 7 วันที่")
        glued_debris = last and digit_scripts(shown[i]) != digit_scripts(shown[i - 1]) and (
            re.match(r"[ก-๎]", after) is not None or (_lone(shown[i], digits) and ANY_WORD_AFTER.match(after) is not None))
        glued_debris = (glued_debris or _debris_tail(shown[i:], digit_scripts(shown[0]), after)
                        or (last and _glued_glyph(g, digits, after)))
        too_long = len(digits) + len(g) > (MAX_JOINED_DIGITS if len(digits) >= WHOLE else MAX_RUNNING_DIGITS)
        if len(digits) >= 4 or too_long or is_date_day or glued_debris:
            break
        digits += g
        used += 1 + len(g)
    return digits, used
