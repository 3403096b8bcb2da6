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
from docintake.ocr.tesseract import Token, union_box
from docintake.text import lexicon

# Thai letters and dots (a month as printed or damaged), then a two- or four-digit year
_GLUED = re.compile(r"([\u0e01-\u0e4e.]{2,6})([0-9๐-๙]{4}|[0-9๐-๙]{2})\.?")
_ABBR_FORMS = set(lexicon.MONTHS_ABBR) | {a.replace(".", "") for a in lexicon.MONTHS_ABBR}


@dataclass
class Glued:
    day: int  # token indexes
    glued: int
    year_at: int  # character index of the year's first digit in the glued token
    year_box: int  # index of its character box


def glued_slots(toks: list[Token], texts: list[str]) -> list[Glued]:
    """A day followed on its line by month letters off the table run into a year.
    ``texts``: each token's text after the digit corrections."""
    out = []
    for d in range(len(texts) - 1):
        g = d + 1
        if monthlook._day(texts[d]) is None or toks[g].line != toks[d].line:
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


def month_box(toks: list[Token], slot: Glued) -> tuple[int, int, int, int]:
    """From the day's right edge to the year's first digit; down, the year digits' band."""
    tok = toks[slot.glued]
    left, right = monthlook._day_end(toks[slot.day]), tok.boxes[slot.year_box][0]
    band = union_box(tok.boxes[slot.year_box:])
    return left, band[1], max(right - left, 1), band[3]


def consistent(printed: str, month: int) -> bool:
    """The letters Tesseract printed name no month, or this one: a re-reading
    never overrides what the page's own letters say."""
    named = monthlook.reading_months(printed)
    return not named or named == {month}


def second_look(upright, scale: float, toks: list[Token], texts: list[str], run) -> dict[int, Fix]:
    """token index -> Fix (``abbr year``) for each glued month read again as a month.
    ``run(image, psm) -> str`` as in ``monthlook.second_look``."""
    fixes: dict[int, Fix] = {}
    for slot in glued_slots(toks, texts):
        if month_box(toks, slot)[2] < 2:
            continue
        page_box = tuple(int(round(v / scale)) for v in month_box(toks, slot))
        images = monthlook.crops(upright, page_box)
        readings = [run(img, psm) for img, (_, _, psm) in zip(images, monthlook.VARIANTS)]
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
    return fixes
