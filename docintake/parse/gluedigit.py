"""A memo's handwritten prefix with a stray digit glued after it.

On a memo the clerk writes ``ลป ๗๑๘๗๓/๘๒๒`` after the printed ``ที่``; OCR
may glue the label to the prefix and read the pen's lead-in to the code (or
a speck) as one more digit on the prefix: ``ที่ลป๗ ๗๑๘๗๓/๘๒๒``. The line is
then no ``ที่ <prefix> <digits>/`` line and the number is lost (and the line
is taken for the unit's wrapped second line).

The pen's lead-in to the code's first digit may read as a letter glued to
it instead (``สร.ฆ๗๓๕๒๕/๕๓๒``, seed 26; ``ที่พชณ๗๘๖๔๑/`` seed 18).

The digit (or letter) is debris only when the code is whole without it: a known province
prefix, the one digit and a space (or one letter), then exactly five digits
and the slash (an LAO's code has five digits; the digit cannot be part of it). Anything else is
left as read. Pure.
"""

from __future__ import annotations

import re

from docintake.text import lexicon

_D = "[0-9๐-๙]"
_PREFIX = "|".join(sorted(lexicon.PROVINCE_PREFIXES, key=len, reverse=True))
# The label may be lost too (``สร.ฆ๗๓๕๒๕/๕๓๒``): a known prefix then opens the line.
_GLUED = re.compile(
    rf"^(?P<lead>\W{{0,3}}(?:ท[ี]?[่]?\s?)?)(?P<prefix>{_PREFIX})\.?(?:(?P<digit>{_D})\s+|(?P<letter>[ก-ฮ]))"
    rf"(?=[1-9๑-๙]{_D}{{4}}\s?/\s?{_D})")
CONFIDENCE = 0.8  # the number itself is read whole; only the debris was dropped


def drop_glued_digit(text: str) -> tuple[str, str | None]:
    """(the line with the stray digit dropped, why) or (the line, None).

    >>> drop_glued_digit("ที่ลป๗ ๗๑๘๗๓/๘๒๒ วันที่๕กย.๖๘")[0]
    'ที่ ลป ๗๑๘๗๓/๘๒๒ วันที่๕กย.๖๘'
    >>> drop_glued_digit("ที่ลป ๗๑๘๗๓/๘๒๒ วันที่")[1] is None
    True
    """
    m = _GLUED.match(text)
    if m is None:
        return text, None
    lead = m["lead"].rstrip()
    fixed = f"{lead} {m['prefix']} {text[m.end():]}" if lead else f"{m['prefix']} {text[m.end():]}"
    what = f"a digit {m['digit']!r}" if m["digit"] else f"a letter {m['letter']!r}"
    why = (f"memo number line {text[:m.end() + 6].strip()!r}: {what} glued after the prefix "
           f"{m['prefix']} before a whole five-digit code is no part of the number; dropped")
    return fixed, why
