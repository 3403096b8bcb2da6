"""The phrases that mark a deadline in a letter's body, and relative deadlines.

A date is a deadline only when a deadline cue stands right before it
(``ภายใน``, ``ก่อน``, ``ไม่เกิน``, with or without ``วันที่``/``วัน<weekday>ที่``);
a reference's ``ลงวันที่`` date never is. A relative deadline
(``ภายใน ๗ วัน นับแต่วันที่ได้รับหนังสือนี้``) is read from its phrase alone and
resolved against a base date the caller gives. Reading the dates themselves,
and mending the ones OCR spoilt, is deadlines.py's.
"""

from __future__ import annotations

import datetime as dt
import re

from docintake.models import Deadline
from docintake.parse.glyphs import abbreviation_head
from docintake.parse.lines import collapse
from docintake.parse.thaidate import month_number
from docintake.text import lexicon
from docintake.text.fuzzy import key
from docintake.text.normalize import thai_to_arabic_digits


def _alternation(words) -> str:
    return "|".join(re.escape(key(w)) for w in sorted(words, key=len, reverse=True))


# A speck under a consonant comes out as a vowel below the line (ก่อุน for
# ก่อน, อุงค์กร for องค์กร: seeds 6, 7); no cue word has one, so a cue may
# carry one after any consonant.
_BELOW_SPECK = "[\u0e38\u0e39]?"


def _tolerant_alternation(words) -> str:
    """Cue words as OCR prints them: any consonant may carry a speck below
    it or be read as its look-alike (``lexicon.CUE_CONSONANT_LOOKALIKES``)."""
    def letter(c: str) -> str:
        if not "ก" <= c <= "ฮ":
            return re.escape(c)
        return f"[{c}{lexicon.CUE_CONSONANT_LOOKALIKES.get(c, '')}]{_BELOW_SPECK}"
    return "|".join("".join(letter(c) for c in key(w)) for w in sorted(words, key=len, reverse=True))


# Matched on the tone-free key of the 40 characters before a date.
# After the cue: วันที่ or วัน<weekday>ที่, the weekday maybe garbled to one
# letter (วันพที่), and OCR debris (วันที่. / วันที่า) before the day; or
# วันที่ read as a short Latin word (Tun, Ful: seeds 1 and 3), or its ที่
# alone read as one or two Latin letters after วัน<weekday> (seed 8:
# ``ภายในวันจันทร์ N ๒๔ มิ.ย.``), or the weekday and ที่ both, a quote speck
# before them (``ภายในวัน`` / ``“ws ๒๗ มีนาคม``: seed 125). One speck
# before the วันที่ that opens the date is debris too: a stutter of วัน
# (``ภายใน วัา วันที่ ๘``: the printed blank's label under the written-in
# date), a lone consonant, or a lone non-Thai character (``ภายใน 4 วันที่``).
# A dotted leader's dash may stand between วันที่ and the day
# (``ก่อนวันที่-๓๑``: seed 5). A cue of ``lexicon.DEADLINE_LABEL_CUES`` needs
# the label.
_SPECK = r"(?:(?:วั\S{0,2}|[ก-ฮ]|[^\sก-๙])\s+)?"
# The label may have lost its vowels too (``ก่อนวนท``: วันที่ with ั and ี dropped),
# or have a space inside it (``ภายใน วั นที ๓๐``: seed 26), or its ว read as
# a look-alike (``lexicon.LABEL_WO_LOOKALIKES``, its น ``LABEL_NO_LOOKALIKES``), its ั as another vowel
# (``ภายในวุ้นศุกร์ที่``, seed 38). A weekday may stand apart from วัน, at the
# next line's start after a speck read as a digit (``ภายในวัน`` /
# ``๑ พฤหัสบดีที่ ๓๑ ตุลาคม``, seed 38): letters then ending in ท of its ที่.
# Or it lost its first letters (``lexicon.LABEL_HEADLESS``).
# (Lines are joined without a space, as Thai words are: ``ภายในวัน๑ พฤหัสบดีที่``.)
# A speck read as a consonant between ว and its vowel (``ภายในวจั่นที่``, seed 136).
_SPECK_BEFORE_VOWEL = r"(?:[ก-ฮ](?=[\u0e31\u0e34-\u0e39\u0e47]))?"
_WEEKDAY_APART = r"(?:(?:\s*[0-9๐-๙]\s+|\s+)(?=[ก-๎]{2,9}ท[ก-๎]?\s))?"
_LABEL = (rf"(?:[ว{lexicon.LABEL_WO_LOOKALIKES}]{_SPECK_BEFORE_VOWEL}[\u0e31\u0e34-\u0e39\u0e47]?\s?[น{lexicon.LABEL_NO_LOOKALIKES}]{_WEEKDAY_APART}[ก-๎]{{0,10}}"
          rf"(?:\s*[“”\"']?[A-Za-z]{{1,2}}(?![A-Za-z]))?|[A-Za-z]{{2,4}}|{'|'.join(map(key, lexicon.LABEL_HEADLESS))})")
# One digit glued to the label's debris (``วันที่.๗ ๓๑ ก.ค.``: a speck read as
# a digit) is debris too: find_dates joins a digit split from its day when the
# two make a day, so one left before a date could not be part of it.
_TAIL = r"[\s.,:;'\"\-–]*(?:(?<=[.,:;'\"\-–])[0-9๐-๙]\s+)?$"


def _one_off_alternation(words) -> str:
    """Cue words of five or more letters with one vowel misread as another
    (``ภายโน`` for ภายใน: ใ read as โ) or lost (``ไม่เก็น``: the key drops
    the ็ OCR put for ิ, seed 21). Consonants keep their own tolerance
    (look-alikes): any consonant swapped makes real words (ภายใต้ "under"),
    and short cues (ก่อน) would match ordinary words with any change. A
    vowel may also be read as ว, one upright stroke as า is (``ภวยใน``, seed 56)."""
    variants = {f"{re.escape(k[:i])}[ะ-๎ว]?{re.escape(k[i + 1:])}"
                for k in map(key, words) if len(k) >= 5 for i in range(len(k)) if not "ก" <= k[i] <= "ฮ"}
    return "|".join(sorted(variants, key=len, reverse=True))


_CUE = re.compile(
    rf"(?:{_tolerant_alternation(lexicon.DEADLINE_CUES)})\s*{_SPECK}{_LABEL}?{_TAIL}"
    rf"|(?:{_tolerant_alternation(lexicon.DEADLINE_LABEL_CUES)})\s*{_LABEL}{_TAIL}"
    # A cue read one letter off needs the วันที่ label after it, as the label cues do.
    rf"|(?:{_one_off_alternation(lexicon.DEADLINE_CUES)})\s*{_LABEL}{_TAIL}")
# The unit may be วัน read as a short Latin word (``ภายใน ๑๕ Su นับแต่``): the
# other units are too long to come out as two or three letters. A speck of
# punctuation may stand before นับแต่ (``ภายใน ๗ วัน- นับแต่``, seed 17), or a
# quote mark (``ภายใน ๕ วัน “นับแต่``, seed 59): no word between, so the count
# is still the deadline's.
_FROM_GAP = r"[\s.,:;\-–“”\"']*"
_FROM_WORDS = lexicon.RELATIVE_FROM + lexicon.RELATIVE_FROM_LOOKALIKES
# A speck after ภายใน, at a line's end too (``ภายใน]`` / ``๗ วัน นับแต่``, seed 27),
# or two (``ภายใน-.๑๐ วัน``, seed 73).
_AFTER_WITHIN = r"\s*[.,:;|\])\-–]{0,2}\s*"
# A speck between the count and its unit (``ภายใน 10.วัน``, ``๑๐-วัน``, seed 36).
_COUNT_GAP = r"\s*[.\-–]?\s*"
_RELATIVE = re.compile(
    rf"ภายใน{_AFTER_WITHIN}(?P<n>[0-9]{{1,3}}){_COUNT_GAP}(?P<unit>{_alternation(lexicon.RELATIVE_UNITS)}|[A-Za-z]{{2,3}}){_FROM_GAP}"
    rf"(?:{_alternation(_FROM_WORDS)})"
)
_UNIT_DAYS = {key(u): n for u, n in lexicon.RELATIVE_UNITS.items()}
_LATIN_DAY = 1  # days in a unit read as Latin letters (วัน)
_WORKING_DAYS = key("วันทำการ")
_ITEM = re.compile(r"^\s*[0-9๐-๙]{1,2}\s*\.\s*")


def _add_working_days(base: dt.date, n: int) -> dt.date:
    day = base
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def add_count(base: dt.date, n: int, unit: str) -> dt.date:
    """``base`` plus ``n`` of a unit (its key(): วัน, วันทำการ, สัปดาห์; Latin letters are วัน).

    >>> add_count(dt.date(2024, 7, 29), 5, "วัน"), add_count(dt.date(2024, 7, 26), 2, key("วันทำการ"))
    (datetime.date(2024, 8, 3), datetime.date(2024, 7, 30))
    """
    if unit == _WORKING_DAYS:
        return _add_working_days(base, n)
    return base + dt.timedelta(days=n * _UNIT_DAYS.get(unit, _LATIN_DAY))


def unitless_counts(sentence: str) -> list[int]:
    """The numbers of ``ภายใน N นับแต่...`` whose unit OCR lost.

    >>> unitless_counts("ทราบ ภายใน ๑๐ นับแต่วันที่ได้รับหนังสือนี้"), unitless_counts("ภายใน ๗ วัน นับแต่ได้รับ")
    ([10], [])
    """
    keyed = key(thai_to_arabic_digits(sentence))
    return [int(re.search(r"[0-9]{1,3}", m.group())[0]) for m in UNITLESS.finditer(keyed)]


UNIT_KEYS = tuple(_UNIT_DAYS)  # every unit a lost one can have been


def month_named(token: str) -> bool:
    """Whether ``token`` names a month, whole or by the first part of its
    abbreviation alone (``มี.``, the rest lost: ``glyphs.abbreviation_heads``)."""
    return month_number(token) is not None or abbreviation_head(token)


def is_deadline_cue(before: str) -> bool:
    """Whether the text right before a date makes it a deadline.

    >>> is_deadline_cue("ให้แล้วเสร็จภายใน"), is_deadline_cue("ลง")
    (True, False)
    """
    return bool(_CUE.search(key(before[-40:])))


_CLAUSE_END = re.compile(r"\.{3,}|จึงเรียน|จึงขอ|ทั้งนี้")


def clause(paragraph: str, after: int = 0) -> str:
    """The paragraph holding a deadline, without its item number, cut where a
    new sentence (จึงเรียน..., ทั้งนี้, a dotted blank) starts after the deadline."""
    end = _CLAUSE_END.search(paragraph, after)
    text = paragraph[: end.start()] if end else paragraph
    return collapse(_ITEM.sub("", text, count=1))

# A character key() keeps: anything but the marks it drops.
_KEYED_CHAR = re.compile("[^\u0e47-\u0e4d]")


def unkeyed(paragraph: str):
    """Position in ``paragraph`` of the k-th character of its key (key drops marks).

    The positions are found on the first call only (one regex pass, not key()
    per character): most paragraphs hold no cue and never ask.

    >>> at = unkeyed("ที่ ๗ วัน")  # the key drops the tone mark: "ที ๗ วัน"
    >>> at(1), at(2), at(99)
    (1, 3, 9)
    """
    kept: list[int] = []

    def at(k: int) -> int:
        if not kept:
            kept.extend(m.start() for m in _KEYED_CHAR.finditer(paragraph))
        return kept[k] if k < len(kept) else len(paragraph)

    return at


_COUNT_AWAITING_FROM = re.compile(
    rf"ภายใน{_AFTER_WITHIN}[0-9]{{1,3}}{_COUNT_GAP}(?:{_alternation(lexicon.RELATIVE_UNITS)})\s*$")
_FROM_OPENS = re.compile(rf"^(?:{_alternation(_FROM_WORDS)})")


def count_awaits_from(line: str) -> bool:
    """Whether ``line`` ends with a relative deadline's count and unit whose
    นับแต่... is still to come (on a later line).

    >>> count_awaits_from("ส่งแบบตอบรับ ให้อำเภอทราบ ภายใน ๕ วัน"), count_awaits_from("ภายใน ๕ วัน นับแต่")
    (True, False)
    """
    return _COUNT_AWAITING_FROM.search(key(thai_to_arabic_digits(line))) is not None


def opens_with_from(line: str) -> bool:
    """Whether ``line`` opens with นับแต่ (นับจาก, นับตั้งแต่): what a relative count awaits."""
    return _FROM_OPENS.match(key(line)) is not None


def relative_deadlines(paragraph: str, base: dt.date | None) -> list[tuple[int, int, Deadline]]:
    """(start, end, deadline) for each ``ภายใน N วัน นับแต่...`` in a paragraph."""
    keyed = key(thai_to_arabic_digits(paragraph))
    at = unkeyed(paragraph)
    out = []
    for m in _RELATIVE.finditer(keyed):
        n = int(m["n"])
        date = add_count(base, n, m["unit"]) if base is not None else None
        start, end = at(m.start()), at(m.end())
        out.append((start, end, Deadline(date=date, text=clause(paragraph, end), relative=True)))
    return out


# A cue with the วันที่ label (ภายในวันที่, ก่อนวันศุกร์ที่: the label's ี may be
# lost) announces a date; a relative cue whose unit OCR lost (``ภายใน ๑๐
# นับแต่``) announces a count of days, weeks or working days: which is unknown;
# one whose number OCR lost (``ภายใน Tu นับแต่``, seed 11) a count unknown.
# So does a cue right before a month's full name, the day and its label lost
# with a line OCR dropped (``ไม่เกิน`` ending one line, ``กันยายน พ.ศ. ๒๕๖๘``
# the next: seed 21); ``ภายในเดือน...`` (within a month) has เดือน between.
CUED_LABEL = re.compile(rf"(?:{_tolerant_alternation(lexicon.DEADLINE_CUES + lexicon.DEADLINE_LABEL_CUES)})"
                        rf"\s*(?:{_SPECK}วัน[ก-๎]{{0,10}}?ท\u0e35?(?=[\s.,:;'\"\-–0-9]|$)"
                        rf"|(?=(?:{_alternation(lexicon.MONTHS)})\s*(?:พ\.\s?ศ\.\s?)?[0-9]{{4}}))")
UNITLESS = re.compile(rf"ภายใน{_AFTER_WITHIN}[0-9]{{1,3}}{_FROM_GAP}(?:{_alternation(_FROM_WORDS)})")
COUNTLESS = re.compile(rf"ภายใน{_AFTER_WITHIN}(?:{_alternation(lexicon.RELATIVE_UNITS)}|[A-Za-z]{{2,3}}){_FROM_GAP}"
                       rf"(?:{_alternation(_FROM_WORDS)})")
YEARISH = re.compile(r"(?<![0-9])25[0-9]{2}(?![0-9])|พ\.\s?ศ")
NEAR = 30  # characters after a cue where its date stands


def unit_read(sentence: str) -> bool:
    """Whether a relative deadline's clause names its unit (``ภายใน ๗ วัน นับแต่``).

    >>> unit_read("ภายใน ๗ วัน นับแต่ได้รับ"), unit_read("ภายใน ๗ นับแต่ได้รับ")
    (True, False)
    """
    return bool(_RELATIVE.search(key(thai_to_arabic_digits(sentence))))


def count_read(sentence: str) -> bool:
    """Whether a relative deadline's clause keeps its number (``ภายใน ๗ วัน``).

    >>> count_read("ภายใน ๗ วัน นับแต่ได้รับ"), count_read("ภายใน Tu นับแต่ได้รับ")
    (True, False)
    """
    return not COUNTLESS.search(key(thai_to_arabic_digits(sentence)))
