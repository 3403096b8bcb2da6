"""A letter's own date that OCR left with several readings, settled by a date
the letter is known to precede.

Handwritten or stamped dates read worst (``วันที่ ๙ AA. ๒๕๖๖``: A.A. may be
ก.ค., ส.ค. or ต.ค.; ``๑๐กย.๒๑๓``: the year lost; ``๖ พฤศจิกายน ๒๕๐๕``: ๒๕๖๘
with ๖ and ๘ misread, a year before the era). ``date_readings`` lists what
the text allows: the day, every month the damaged name can be, the year if
it reads as one of the era. ``settle`` keeps the readings in the weeks before
an anchor the letter cannot postdate: the date it was received or forwarded,
its own ด่วนภายใน deadline, or, for a memo, the deadline it sets its own
units (a memo sets a deadline after its own date; an external letter may
relay one already past, so its body deadlines are no anchor). A date is
taken only when exactly one reading is left. Pure.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from docintake.parse.months import month_number, months_by_shape, months_of_bare, months_one_misread
from docintake.parse.thaidate import find_dates
from docintake.parse.thaiyear import ERA_CEILING, ERA_FLOOR, normalise_year, restore_year
from docintake.text import lexicon
from docintake.text.normalize import thai_to_arabic_digits

ERA = (ERA_FLOOR, ERA_CEILING)
BEFORE_DAYS = 60  # as plausibility.YEAR_INFERRED_BEFORE: a letter precedes its anchor by weeks


@dataclass(frozen=True)
class Reading:
    """What a damaged date allows: its day, the months, the year (CE) if read."""

    day: int
    months: frozenset[int]
    year: int | None
    raw: str


# A day standing alone (not a running number after a slash, not part of a
# code), a month token of up to eight glyphs, maybe a speck, maybe a year.
# A handwritten abbreviation may read with a digit for a letter (``5.0,``
# for ธ.ค.): after a space, one or two glyphs, a dot, one or two, a closing
# dot or comma (as thaidate.DATE_RE takes it).
# Its first dot may be read as a colon (``๑๔ 5:A. ๒๕๖๖`` for ธ.ค., seed 126: else
# the 5 was taken for the day), as thaidate reads ``มี:ค.``.
# A day with a letter glued inside it (``1น4กพ.67`` for ๑๔) is no day: its
# second digit alone would date the letter wrong (as thaidate.DATE_RE).
_READING = re.compile(r"(?<!\d[ก-ฮ])(?<![\d/.])(?P<day>\d{1,2})(?![\d/.])\s*"
                      r"(?P<month>[^\s\d]{2,16}|(?<=\s)[A-Za-z0-9ก-ฮ]{1,2}[.:;][A-Za-z0-9ก-ฮ]{1,2}[.,])"
                      r"(?:\s*(?P<year>\d{2,4}))?(?!\d)")


def _months(token: str, hand: bool) -> frozenset[int]:
    """Every month ``token`` can be: the one ``month_number`` reads, else each
    its glyph shapes or one misread letter allow (with ``hand``, the shapes
    of a date filled in by hand too)."""
    token = token.rstrip(":;")  # a speck after the month (สุค:)
    token = token[:-1] + "." if token.endswith(",") else token  # the closing dot read as a comma
    read = month_number(token)
    if read is not None:
        return frozenset({read[0]})
    return frozenset(months_by_shape(token, one_unread=True, hand=hand) | months_one_misread(token)
                     | months_of_bare(token)  # มค: ม.ค. or มี.ค., dots (and vowel) lost
                     | _months_of_first_half(token))


def _months_of_first_half(token: str) -> set[int]:
    """The months whose abbreviation starts with ``token``, its first half and
    dot (``พ.``: พ.ค. or พ.ย., the second half lost; seed 66).

    >>> sorted(_months_of_first_half("พ.")), sorted(_months_of_first_half("ก.")), _months_of_first_half("พ")
    ([5, 11], [2, 7, 9], set())
    """
    if not token.endswith(".") or len(token) < 2:
        return set()
    return {i + 1 for i, m in enumerate(lexicon.MONTHS_ABBR) if m.startswith(token) and len(m) > len(token)}


def _year(digits: str | None) -> int | None:
    """The year, CE, when the digits read as one of the era; None when lost."""
    if not digits:
        return None
    year = restore_year(digits) if len(digits) == 3 else normalise_year(digits)
    return year if year is not None and ERA[0] <= year <= ERA[1] else None


def date_readings(line: str, *, hand: bool = False) -> list[Reading]:
    """The readings of the damaged dates on one line; with ``hand``, a date
    filled in by hand (a letter's own: ``months.MONTH_HAND_LOOKALIKES``).

    >>> [(r.day, sorted(r.months), r.year) for r in date_readings("ที่ รอ ๗๖๕๖๐/๙๔๖ วันที่ ๙ AA. ๒๕๖๖")]
    [(9, [7, 8, 10], 2023)]
    >>> [(r.day, sorted(r.months), r.year) for r in date_readings("ในท ๑๐กย.๒๑๓ 0")]
    [(10, [9], None)]
    >>> [(r.day, sorted(r.months), r.year) for r in date_readings("จันที่ ๑๘ 5.0, ๖๖")]
    [(18, [12], 2023)]
    >>> date_readings("ลป 73024/789 วันที่1น4กพ.67")
    []
    """
    norm = thai_to_arabic_digits(line)
    out, pos = [], 0
    while (m := _READING.search(norm, pos)) is not None:
        months = _months(m["month"], hand)
        if not months or not 1 <= int(m["day"]) <= 31:
            pos = m.end("day")  # "ส9 วนท ๑๙ T.A.": not a month; the day may be what it took as a year
            continue
        out.append(Reading(int(m["day"]), months, _year(m["year"]), line[m.start() : m.end()]))
        pos = m.end()
    return out


def settle(reading: Reading, anchor: dt.date, *, after_days: int = 1, floor: dt.date | None = None) -> list[dt.date]:
    """The dates ``reading`` can be from ``BEFORE_DAYS`` before ``anchor`` to
    ``after_days`` after it (a stamp may be dated the day before it is read),
    and not before ``floor`` (the latest letter it lists: a letter is dated
    on or after the letters it encloses or cites).

    >>> settle(Reading(9, frozenset({7, 8, 10}), 2023, ""), dt.date(2023, 10, 16), after_days=0)
    [datetime.date(2023, 10, 9)]
    >>> settle(Reading(9, frozenset({7, 8, 10}), 2023, ""), dt.date(2023, 9, 1))
    [datetime.date(2023, 7, 9), datetime.date(2023, 8, 9)]
    >>> settle(Reading(9, frozenset({7, 8, 10}), 2023, ""), dt.date(2023, 9, 1), floor=dt.date(2023, 7, 20))
    [datetime.date(2023, 8, 9)]
    """
    years = [reading.year] if reading.year else [anchor.year - 1, anchor.year]
    low, high = anchor - dt.timedelta(days=BEFORE_DAYS), anchor + dt.timedelta(days=after_days)
    low = max(low, floor) if floor is not None and floor <= high else low  # a floor past the anchor is misread
    out = []
    for year in years:
        for month in sorted(reading.months):
            if reading.day > calendar.monthrange(year, month)[1]:
                continue
            if low <= (d := dt.date(year, month, reading.day)) <= high:
                out.append(d)
    return sorted(out)


def date_lines(head: str, number_line: str, memo: bool) -> list[str]:
    """The letterhead lines that can hold the date, last first: those below
    the number line, and for a memo the number line itself (``ที่ ... วันที่
    ...`` is one line; ``_READING`` takes no number beside a slash or dot)."""
    lines = head.split("\n")
    at = lines.index(number_line) if number_line in lines else -1
    below = lines[at + 1 :] if at >= 0 else lines
    if memo and at >= 0:
        below = [number_line, *below]
    return list(reversed(below))


# An Arabic digit glued to the front of the วันที่ label (``7วันที่ ๑ม.ค.๒๕``).
_DIGIT_BEFORE_LABEL = re.compile(r"[0-9]ว[ั]?น[ท]")


def _day_digit_displaced(line: str, reading: Reading) -> bool:
    """A one-digit day of a Thai-digit date, with an Arabic digit glued before
    its วันที่ label: a stand-in for a Thai digit this OCR cannot print, set
    apart from the day (๑๗ read as ``7วันที่ ๑``, seed 12), so the day read
    may have lost a digit and no window may date it.

    >>> _day_digit_displaced("ที่ รอ๗๔๙๗๗/๔๙๒ 7วันที่ ๑ม.ค.๒๕", Reading(1, frozenset({1}), None, "๑ม.ค.๒๕"))
    True
    >>> _day_digit_displaced("บร๗๖๐๕๖/๒๔๓ วันที่๒ตค.๒๓ 1", Reading(2, frozenset({10}), None, "๒ตค.๒๓"))
    False
    """
    thai_day = any("๐" <= ch <= "๙" for ch in reading.raw[:2])
    return reading.day < 10 and thai_day and _DIGIT_BEFORE_LABEL.search(line) is not None


def settle_own_date(head: str, number_line: str, memo: bool, anchors: list[tuple[dt.date, str, int]],
                    floor: dt.date | None = None) -> tuple[dt.date, str] | None:
    """(date, why) for a letter whose date line has one reading in the weeks
    before the first of ``anchors`` ((date, what it is, days after it the
    letter may be dated)), not before ``floor`` (``settle``); None when no
    line reads, when the date line reads as printed (a cross-check withdrew
    it), or not exactly one fits."""
    if not anchors:
        return None
    anchor, what, after = anchors[0]
    for line in date_lines(head, number_line, memo):
        if any(h.date is not None and ERA[0] <= h.date.year <= ERA[1] for h in find_dates(line)):
            return None  # the date read as printed: a check that withdrew it is not second-guessed
        # a letter's own date is often filled in by hand after signing: its
        # weaker look-alikes count here, where the anchor's window chooses
        readings = date_readings(line, hand=True)
        if readings:
            reading = readings[-1]
            if _day_digit_displaced(line, reading):
                return None
            fits = settle(reading, anchor, after_days=after, floor=floor)
            if len(fits) != 1:
                return None
            since = f", on or after the latest letter it lists ({floor.isoformat()})" if floor else ""
            return fits[0], (f"{reading.raw.strip()!r} is damaged; {fits[0].isoformat()} is its one reading "
                             f"in the {BEFORE_DAYS} days before {what} ({anchor.isoformat()}){since}")
    return None
