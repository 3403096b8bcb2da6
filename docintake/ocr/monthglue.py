"""A second look at a handwritten month Tesseract read as Thai letters off the
month table, glued to the year (``๑๙ ยพค.๖๘``, ``๒๙ มุค.๒๕๖๗``).

``ocr.monthlook`` reads again only Latin junk between a day token and a year
token; a handwritten month also comes out as Thai letters that are no
abbreviation (the dot after a letter read as ุ, a speck read as a letter)
run into the year, so no year token follows the day. On a date line the
order is always day, month, year: the year's digits end the token, the
month's ink is what lies between the day and the year's first digit (its
character box). That ink is cropped and read three times as
``monthlook`` does, and replaces the letters only where two readings name
one month, none another, and the letters Tesseract printed do not point at
a different month (``monthlook.reading_months`` of them: none or that one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docintake.ocr import monthlook
from docintake.ocr.digits import Fix
from docintake.ocr.tesseract import Token, to_page_box, union_box
from docintake.text import lexicon

# Thai letters and dots (a month as printed or damaged), then a two- or four-digit year
_GLUED = re.compile(r"([\u0e01-\u0e4e.]{2,6})([0-9๐-๙]{4}|[0-9๐-๙]{2})\.?")
# (the label or anything), a day, then Thai letters and dots: a month run into the day
_DAY_GLUED = re.compile(r"(?:.*[^0-9๐-๙])?[0-9๐-๙]{1,2}([\u0e01-\u0e4e.]{2,6})")
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_ABBR_FORMS = set(lexicon.MONTHS_ABBR) | {a.replace(".", "") for a in lexicon.MONTHS_ABBR}


@dataclass
class Glued:
    day: int  # token indexes
    glued: int
    year_at: int  # character index of the year's first digit in the glued token
    year_box: int  # index of its character box


@dataclass
class DayGlued:
    """The month run into the day before it (``วันที๘มค ๖๗``), the year a token of its own."""

    glued: int  # token indexes
    year: int
    month_at: int  # character index of the month's first letter in the glued token
    month_box: int  # index of its character box


def glued_slots(toks: list[Token], texts: list[str]) -> list[Glued]:
    """A day followed on its line by month letters off the table run into a year.
    ``texts``: each token's text after the digit corrections."""
    out = []
    for d in range(len(texts) - 1):
        g = d + 1
        if monthlook.day_of(texts[d]) is None or toks[g].line != toks[d].line:
            continue
        m = _GLUED.fullmatch(texts[g])
        if m is None or m.group(1) in _ABBR_FORMS:
            continue
        # counted from the token's end: digits and a dot have a box each, a Thai
        # vowel mark may share its letter's (``มุค.๒๕๖๗``: 8 characters, 7 boxes);
        # where the digit fix changed the year's length the edge is rough, the votes judge
        first = len(toks[g].boxes) - (len(texts[g]) - m.start(2))
        if first >= 1:
            out.append(Glued(d, g, m.start(2), first))
    return out


def day_glued_slots(toks: list[Token], texts: list[str]) -> list[DayGlued]:
    """A token ending in a day and month letters that are no one abbreviation (off
    the table, or ``มค``: ม.ค. or มี.ค. with its vowel lost), then a year on its line."""
    out = []
    for g in range(len(texts) - 1):
        m = _DAY_GLUED.fullmatch(texts[g])
        if m is None or toks[g + 1].line != toks[g].line or not monthlook.YEAR.fullmatch(texts[g + 1].rstrip(".")):
            continue
        as_printed = m.group(1) in _ABBR_FORMS and len(monthlook.reading_months(m.group(1))) == 1
        if monthlook.day_of(texts[g][: m.start(1)][-2:]) is None or as_printed:
            continue
        # counted from the end: the month's letters have a box each, its vowel marks none of their own
        first = len(toks[g].boxes) - len(_MARKS.sub("", m.group(1)))
        if first >= 1:
            out.append(DayGlued(g, g + 1, m.start(1), first))
    return out


def day_glued_box(toks: list[Token], slot: DayGlued) -> tuple[int, int, int, int]:
    """From the day's last digit to the year; down, the year's band (the glued token's
    where the year is boxed on the dotted line)."""
    tok, year = toks[slot.glued], toks[slot.year].box
    day = tok.boxes[slot.month_box - 1]
    band = year if year[3] >= tok.box[3] // 4 else tok.box
    left = day[0] + day[2]
    return left, band[1], max(year[0] - left, 1), band[3]


def month_box(toks: list[Token], slot: Glued) -> tuple[int, int, int, int]:
    """From the day's right edge to the year's first digit; down, the year digits' band."""
    tok = toks[slot.glued]
    left, right = monthlook.day_end(toks[slot.day]), tok.boxes[slot.year_box][0]
    band = union_box(tok.boxes[slot.year_box:])
    return left, band[1], max(right - left, 1), band[3]


def consistent(printed: str, month: int) -> bool:
    """The letters Tesseract printed name no month, or this one among those they
    may be (``มค``: ม.ค. or มี.ค.): a re-reading never overrides the page's letters."""
    named = monthlook.reading_months(printed)
    return not named or month in named


def second_look(upright, scale: float, toks: list[Token], texts: list[str], run) -> dict[int, Fix]:
    """token index -> Fix (``abbr year``) for each glued month read again as a month.
    ``run(image, psm) -> str`` as in ``monthlook.second_look``."""
    fixes: dict[int, Fix] = {}
    for slot in glued_slots(toks, texts):
        if month_box(toks, slot)[2] < 2:
            continue
        page_box = to_page_box(month_box(toks, slot), scale)
        readings = monthlook.read_crops(upright, page_box, run, monthlook.HAND_REACH)
        found = monthlook.decide(readings)
        text = texts[slot.glued]
        printed, year = text[: slot.year_at], text[slot.year_at :]
        if found is None or not consistent(printed, found[0]):
            continue
        month, votes = found
        abbr = lexicon.MONTHS_ABBR[month - 1]
        reason = (f"handwritten month read as {printed!r} run into the year, read again alone in Thai: "
                  f"{votes} of {len(monthlook.VARIANTS)} readings give {abbr} ({' | '.join(readings)})")
        fixes[slot.glued] = Fix(f"{abbr} {year}", reason)
    for slot in day_glued_slots(toks, texts):
        text = texts[slot.glued]
        found = _read(upright, scale, day_glued_box(toks, slot), run)
        if found is None or not consistent(text[slot.month_at :], found[0][0]):
            continue
        (month, votes), readings = found
        abbr = lexicon.MONTHS_ABBR[month - 1]
        reason = (f"handwritten month read as {text[slot.month_at:]!r} run into the day, read again alone in Thai: "
                  f"{votes} of {len(monthlook.VARIANTS)} readings give {abbr} ({' | '.join(readings)})")
        fixes[slot.glued] = Fix(f"{text[: slot.month_at]} {abbr}", reason)
    return fixes


def _read(upright, scale: float, box: tuple[int, int, int, int], run):
    """((month, votes), readings) of the ink in ``box`` (prepared pixels), or None."""
    if box[2] < 2:
        return None
    readings = monthlook.read_crops(upright, to_page_box(box, scale), run, monthlook.HAND_REACH)
    found = monthlook.decide(readings)
    return (found, readings) if found is not None else None
