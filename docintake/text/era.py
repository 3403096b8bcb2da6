"""The era abbreviation ``พ.ศ.`` that OCR printed in Latin look-alikes.

The Thai model reads a small ``พ.ศ.`` as ``WA.``, ``wa,`` or ``W.A.`` (tuning
seeds 1, 3, 6, 7: in subjects, deadlines and body text); date readers then no
longer see a year, and a subject loses three characters and a space. The same
Latin shapes also stand for month abbreviations (``๑๔ WA. ๒๕๖๘``: พ.ค.), so
only the era's own place is mended: after a word, never after a day number,
and right before a Buddhist-Era year (on the same line or opening the next).
Nothing else is changed.
"""

from __future__ import annotations

import re

from docintake.text import lexicon

_PO, _SO = lexicon.ERA_LOOKALIKES  # Latin glyphs for พ and for ศ
# The look-alike standing alone: ``WA.`` ``wa,`` ``W.A.`` ``WA`` ``W.A:`` (the last dot read as a colon),
# or glued to the year after it (``WA.๒๕๖๘``: the space lost; its dot then required).
_ERA = re.compile(rf"(?<!\S)[{_PO}]\.?[{_SO}](?:[.,:]?(?!\S)|[.,:](?=[0-9๐-๙]))")
_YEAR = re.compile(r"^\W{0,2}(?:25|24)[0-9]{2}(?![0-9])")  # a BE year (Arabic digits)
_THAI_LETTER = re.compile("[ก-ฮะ-ฺเ-ๅ็-๎]")  # letters and marks, not digits ๐-๙
_SPECK = re.compile(r"^[^\w]{1,3}$")


def _to_arabic(s: str) -> str:
    return s.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))


def _after_word(before: list[str]) -> bool:
    """The nearest token before the mark (specks skipped) ends in a Thai letter."""
    for token in reversed(before):
        if _SPECK.match(token):
            continue
        return bool(_THAI_LETTER.match(token[-1]))
    return False


def mend_era(page: list[str]) -> list[str]:
    """The lines of one page with each Latin-read ``พ.ศ.`` put back.

    >>> mend_era(["สงกรานต์ WA.", "๒๕๖๗"])
    ['สงกรานต์ พ.ศ.', '๒๕๖๗']
    >>> mend_era(["ภายในวันที่ ๑๔ WA. ๒๕๖๘"])
    ['ภายในวันที่ ๑๔ WA. ๒๕๖๘']
    >>> mend_era(["ภายในวันจันทร์ที่ 10 กุมภาพันธ์ W.A: 2568"])
    ['ภายในวันจันทร์ที่ 10 กุมภาพันธ์ พ.ศ. 2568']
    >>> mend_era(["ช่วงเทศกาลสงกรานต์ WA.๒๕๖๘"])
    ['ช่วงเทศกาลสงกรานต์ พ.ศ.๒๕๖๘']
    """
    out = list(page)
    filled = [k for k, t in enumerate(page) if t.strip()]
    for n, k in enumerate(filled):
        line = out[k]
        for m in reversed(list(_ERA.finditer(line))):
            after = line[m.end() :].strip()
            if not after and n + 1 < len(filled):
                after = page[filled[n + 1]].strip()
            before = line[: m.start()].split()
            if not before and n > 0:
                before = page[filled[n - 1]].split()
            if _YEAR.match(_to_arabic(after)) and _after_word(before):
                line = line[: m.start()] + lexicon.ERA + line[m.end() :]
        out[k] = line
    return out
