"""Where a year must stand: the token after a month name that Tesseract doubted.

A date's year follows its month (``๕ สิงหาคม ๒๕๖๗``, ``๙ ธ.ค. ๒๕๖๘``). Bold red
digits (the ``ด่วนภายใน`` line under the urgency stamp) come out of Tesseract as a
few letters it is unsure of (``ลบอ)`` at confidence 30, ``อ`` at 37: seed 15);
``numbers.year_in_its_place`` takes short letter runs after an abbreviated
month whatever the confidence, this takes any month, full or abbreviated,
but only a token Tesseract itself doubted. The digit classifier must still
be sure of every glyph (``numbers.SURE_P``), so a word there stays a word.
"""

from __future__ import annotations

from docintake.text.lexicon import MONTHS, MONTHS_ABBR

DOUBT = 50.0  # Tesseract's confidence under which a word after a month may be its year
MAX_CHARS = 5  # a year is four digits; read as letters, with a mark or a speck, no longer
_SPECKS = "\"'“”‘’.,()|"
_MONTH_NAMES = frozenset(MONTHS) | frozenset(MONTHS_ABBR)


def doubted_year(text: str, conf: float, previous: str) -> bool:
    """Is ``text`` (confidence ``conf``) a doubtful short token right after a month name?

    >>> doubted_year("ลบอ)", 30.0, "ธ.ค."), doubted_year("อ", 37.0, "สิงหาคม")
    (True, True)
    >>> doubted_year("นี้", 91.0, "ธันวาคม"), doubted_year("ที่ผ่านมา", 20.0, "สิงหาคม")
    (False, False)
    >>> doubted_year("อ", 37.0, "วันที่")
    False
    """
    letters = text.strip(_SPECKS)
    return previous in _MONTH_NAMES and conf < DOUBT and 0 < len(letters) <= MAX_CHARS
