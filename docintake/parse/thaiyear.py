"""Thai years: Buddhist Era <-> Gregorian, a printed year as CE, and a year
OCR printed a digit short.

Pure functions. Years are Buddhist Era (BE = CE + 543); two-digit years are
BE (``๖๘`` = 2568), as memos print them.
"""

from __future__ import annotations

from docintake.text import lexicon

__all__ = ["ERA_FLOOR", "RESTORE_YEARS", "be_to_ce", "ce_to_be", "normalise_year", "restore_year"]

# No letter of this registry is older: a year before it on a current letter is a misread one.
ERA_FLOOR = 1990
ERA_CEILING = 2100  # without today's date: a letter after this is a misread year


def be_to_ce(year: int) -> int:
    """Buddhist Era year to Gregorian.

    >>> be_to_ce(2568)
    2025
    """
    return year - lexicon.BE_OFFSET


def ce_to_be(year: int) -> int:
    """Gregorian year to Buddhist Era.

    >>> ce_to_be(2025)
    2568
    """
    return year + lexicon.BE_OFFSET


def normalise_year(digits: str) -> int | None:
    """A printed year as CE: 4-digit BE (or CE), 2-digit BE as memos print it.

    >>> [normalise_year(y) for y in ("2568", "68", "2025", "1234")]
    [2025, 2025, 2025, None]
    """
    n = int(digits)
    if len(digits) == 2:
        return be_to_ce(2500 + n)
    if 2400 <= n <= 2700:
        return be_to_ce(n)
    if 1900 <= n <= 2160:
        return n
    return None


# The BE years a restored year may take: from the era floor (1990, ERA_FLOOR)
# to the last year printed ๒๕xx (2056): a year a digit short is this century's.
RESTORE_YEARS = (2533, 2599)


def restore_year(digits: str) -> int | None:
    """A BE year OCR printed with one digit lost (``๕๖๗``: the leading ๒
    gone), as CE, when exactly one digit put back anywhere makes a year of
    the era; None when several do (``๒๕๖``: any last digit fits).

    >>> restore_year("567"), restore_year("566"), restore_year("256"), restore_year("213")
    (2024, 2023, None, None)
    """
    fits = {int(digits[:i] + d + digits[i:]) for i in range(len(digits) + 1) for d in "0123456789"}
    fits = {y for y in fits if RESTORE_YEARS[0] <= y <= RESTORE_YEARS[1]}
    return be_to_ce(fits.pop()) if len(fits) == 1 else None
