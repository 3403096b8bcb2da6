"""A second look at a memo's handwritten province prefix.

A memo from an LAO (``ที่ นม ๗๓๑๓๘/๘๕๘``) has its number written in by hand:
the province's two letters, the LAO's five-digit code and the running
number. Our digit classifier reads the digits, but in ``tha+eng`` Tesseract
reads the two handwritten Thai letters as Latin junk (``UN``, ``VE``,
``Wes``), which the parser cannot take for a prefix, and the doc_no is lost.

Where a token with a five-digit code and its slash follows a token of short
Latin junk on its line (or nothing at all within a few heights: the prefix
read into the line's debris), that ink is cropped from the upright page and
read again by the Thai model alone as one line, at three sizes (as
``ocr.monthlook``), its letters limited to those of the province prefixes.
A reading names a prefix only when its Thai letters are exactly one of
``lexicon.PROVINCE_PREFIXES``; the prefix is put in when two readings name
it and none names another. Otherwise the text stays as Tesseract read it.
Pages without such a number cost nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from docintake.ocr import monthlook, tesseract
from docintake.ocr.digits import Fix
from docintake.ocr.tesseract import Token, to_page_box
from docintake.text import lexicon
from docintake.text.fuzzy import match_label

_CODE = re.compile("[0-9๐-๙]{5}/")  # an LAO's five-digit code and its slash: a memo's number
# What two handwritten Thai letters read as in tha+eng: a few Latin letters, maybe a stray sign.
_LATIN_JUNK = re.compile(r"[A-Za-z|!'\"`.,:;()\[\]{}]{1,5}")
_LATIN = re.compile("[A-Za-z]")
NEAR = 1.0  # gap between junk and number, in the number's heights: the prefix stands right before it
EMPTY = 2.4  # width, in heights, of the ink left of a number with nothing read before it
MIN_VOTES = 2
WHITELIST = "".join(sorted(set("".join(lexicon.PROVINCE_PREFIXES))))
VARIANTS = monthlook.VARIANTS  # one line at three sizes: the sizes fail differently


# The province the memo's own ส่วนราชการ line names (``... อำเภอเมือง จังหวัดชัยภูมิ``): a
# confirmation of the prefix read, or a contradiction; most LAO memos name only the LAO.
_PROVINCE_NAMED = re.compile("(?:จังหวัด|จ\\.) ?(" + "|".join(
    sorted(map(re.escape, lexicon.PROVINCE_PREFIXES.values()), key=len, reverse=True)) + ")")
_BY_NAME = {name: prefix for prefix, name in lexicon.PROVINCE_PREFIXES.items()}


@dataclass
class Slot:
    number: int  # token index of the code and running number
    junk: int | None  # the token read as junk where the prefix was written; None: nothing read
    box: tuple[int, int, int, int]  # where the prefix was written, in prepared pixels


def _legible(text: str) -> bool:
    return text.strip(".,:;'\"") in lexicon.AGENCY_PREFIXES


def slots(toks: list[Token], texts: list[str]) -> list[Slot]:
    """Numbers with a code whose prefix was read as Latin junk or not at all.
    ``texts``: each token's text after the digit corrections."""
    out = []
    for i, text in enumerate(texts):
        if not _CODE.match(text):
            continue
        x, y, _, h = toks[i].box
        prev = i - 1 if i and toks[i - 1].line == toks[i].line else None
        gap = x - (toks[prev].box[0] + toks[prev].box[2]) if prev is not None else None
        if prev is not None and _legible(texts[prev]):
            continue
        junk = prev is not None and _LATIN_JUNK.fullmatch(texts[prev]) and _LATIN.search(texts[prev])
        if junk and gap <= NEAR * h:
            out.append(Slot(i, prev, toks[prev].box))
        elif junk and gap <= EMPTY * h:
            # junk further off is the label (``NAN`` for ที่, 2.4 heights short of the code):
            # the prefix is the ink left unread between them, read alone
            out.append(Slot(i, None, _between(toks[prev].box, toks[i].box)))
        elif gap is None or gap > EMPTY * h:
            width = int(EMPTY * h)
            out.append(Slot(i, None, (max(0, x - width), y, min(x, width), h)))
    return out


def _between(junk: tuple[int, int, int, int], number: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """The gap from the junk's right edge to the number's left, over both boxes' heights."""
    top = min(junk[1], number[1])
    bottom = max(junk[1] + junk[3], number[1] + number[3])
    return (junk[0] + junk[2], top, number[0] - junk[0] - junk[2], bottom - top)


def office_province(toks: list[Token], texts: list[str]) -> str | None:
    """The prefix of the one province the page's ส่วนราชการ line names, or None."""
    lines: dict[int, list[str]] = {}
    for tok, text in zip(toks, texts):
        lines.setdefault(tok.line, []).append(text)
    for words in lines.values():
        line = " ".join(words)
        found = match_label(line)
        if found is not None and found.label == "ส่วนราชการ":
            named = {_BY_NAME[name] for name in _PROVINCE_NAMED.findall(line)}
            return named.pop() if len(named) == 1 else None
    return None


def reading_prefix(reading: str) -> str | None:
    """The province prefix a reading of the crop names: its Thai letters are exactly one.

    >>> reading_prefix("นม"), reading_prefix(" พช."), reading_prefix("นมน"), reading_prefix("มท")
    ('นม', 'พช', None, None)
    """
    letters = re.sub("[^\u0e01-\u0e2e]", "", reading)
    return letters if letters in lexicon.PROVINCE_PREFIXES else None


def decide(readings: list[str]) -> tuple[str, int] | None:
    """(prefix, votes) when at least ``MIN_VOTES`` readings name one prefix and none another."""
    named = {p for p in map(reading_prefix, readings) if p}
    if len(named) != 1:
        return None
    (prefix,) = named
    votes = sum(reading_prefix(r) == prefix for r in readings)
    return (prefix, votes) if votes >= MIN_VOTES else None


def second_look(upright: np.ndarray, scale: float, toks: list[Token], texts: list[str], run,
                prior: dict[int, Fix]) -> dict[int, Fix]:
    """token index -> Fix for each handwritten prefix read again as a province prefix.

    ``run(image, psm) -> str`` reads a crop (``reader``; tests stand in for it);
    boxes are in prepared pixels, ``scale`` prepared pixels per page pixel;
    ``prior``: the fixes made so far (a prefix put before a number keeps its digits' fix)."""
    fixes: dict[int, Fix] = {}
    for slot in slots(toks, texts):
        page_box = to_page_box(slot.box, scale)
        images = monthlook.crops(upright, page_box)
        if not images or images[0].min() > 127:  # a blank margin (the prefix ended the line above): nothing to read
            continue
        readings = [run(img, psm) for img, (_, _, psm) in zip(images, VARIANTS)]
        found = decide(readings)
        if found is None:
            continue
        prefix, votes = found
        office = office_province(toks, texts)
        if office not in (None, prefix):  # the memo's own office line names another province
            continue
        what = f"'{texts[slot.junk]}'" if slot.junk is not None else "nothing"
        reason = (f"handwritten province prefix before the code {texts[slot.number]}, read as {what}, "
                  f"read again alone in Thai: {votes} of {len(VARIANTS)} readings give {prefix} ({' | '.join(readings)})"
                  + ("; the ส่วนราชการ line names the same province" if office else ""))
        if slot.junk is not None:
            fixes[slot.junk] = Fix(prefix, reason)
        else:
            fixes[slot.number] = monthlook.put_before(prior, texts, slot.number, prefix, reason)
    return fixes


def reader(timeout: float = 30):
    """``run(image, psm) -> text``: the Thai model alone, letters limited to ``WHITELIST``."""
    return tesseract.thai_reader(WHITELIST, timeout)
