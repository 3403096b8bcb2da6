"""How OCR made the code an entry prints of a code its letter prints
elsewhere, when that damage is one this OCR is known to do (used by
``entrycontext.code_from_context``, which takes a known code only when exactly
one explains the entry). Pure.
"""

from __future__ import annotations

import re

from docintake.text import lexicon

SAME = "the prefix unreadable, the code as the letter prints it"


def damage(printed: str, code: str, junk: bool) -> str | None:
    """How OCR made ``printed`` of ``code``, when it is a damage this OCR is
    known to do; None when ``printed`` could be another code.

    >>> damage("0023..@18", "0023.18", False)
    "debris about the code's dot dropped"
    >>> damage("0023.96", "0023.16", False)
    'a digit of a section no office has (96) misread'
    >>> damage("0023.26", "0023.16", False) is None  # 0023.26 is an office's code too
    True
    """
    if printed == code:
        return "debris before the slash dropped" if junk else SAME
    digits, want = printed.replace(".", ""), code.replace(".", "")
    if re.search(r"[^0-9.]|\.\.", printed):
        # "๐๐๒๓..@๑๘": specks about the dot; the digits are the code's, in order
        return "debris about the code's dot dropped" if re.sub("[^0-9]", "", printed) == want else None
    if "." in printed:
        return _impossible_section(printed, code) or _impossible_office(printed, code)
    if len(digits) != len(want):
        return None
    if digits == want:
        return "the code's dot lost"
    diff = [i for i, (a, b) in enumerate(zip(digits, want)) if a != b]
    dot = code.index(".") if "." in code else -1  # the dot stands between want[dot-1] and want[dot]
    if len(diff) == 1 and digits[diff[0]] == "7" and diff[0] in (dot - 1, dot):
        return "a dot and the digit beside it read as ๗"
    return None


def _impossible_section(printed: str, code: str) -> str | None:
    """A printed code whose section no office has (``0023.96``: above
    lexicon.MAX_CODE_SECTION) is misread; one digit off the known code, with
    its dot in the same place, explains it."""
    head, _, section = printed.partition(".")
    if not section.isdigit() or int(section) <= lexicon.MAX_CODE_SECTION or len(printed) != len(code):
        return None
    if printed.index(".") != code.find(".") or sum(a != b for a, b in zip(printed, code)) != 1:
        return None
    return f"a digit of a section no office has ({section}) misread"


def _impossible_office(printed: str, code: str) -> str | None:
    """A dotted code whose four office digits do not start with 0
    (``1023.13``) is no office's: state-office codes all do (DOMAIN.md),
    and an LAO's five-digit code has no dot. One digit off the known code,
    with its dot in the same place, explains it.

    >>> _impossible_office("1023.13", "0023.13")
    'a digit of an office code no office has (1023) misread'
    >>> _impossible_office("1023.14", "0023.13") is None  # two digits off: another section
    True
    """
    head = printed.partition(".")[0]
    if len(head) != 4 or head.startswith("0") or len(printed) != len(code) or printed.index(".") != code.find("."):
        return None
    if sum(a != b for a, b in zip(printed, code)) != 1:
        return None
    return f"a digit of an office code no office has ({head}) misread"
