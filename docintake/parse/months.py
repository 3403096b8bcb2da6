"""Thai month and weekday names as OCR prints them -> numbers (pure).

Full names are matched with edit-distance tolerance; abbreviations (มิ.ย.)
only where the damage leaves one month possible: dots lost or misread, a
stray mark or speck, Latin look-alikes of small or handwritten letters
(``lexicon.MONTH_LOOKALIKES``). ม.ค. and มี.ค. differ only in a vowel OCR
drops, so a reading that cannot tell them apart is no month.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from docintake.text import lexicon, line_cache
from docintake.text.fuzzy import key, tolerance

_YEAR_PREFIX = re.compile(r"(พ\.?ศ\.?|ค\.ศ\.)$")
_MARK_CHARS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_FULL = {key(m): i + 1 for i, m in enumerate(lexicon.MONTHS)}
_ABBR = {key(m).replace(".", ""): i + 1 for i, m in enumerate(lexicon.MONTHS_ABBR)}
_CONF = {key(m): n for m, n in lexicon.MONTH_CONFUSIONS.items()}
_THAI_LOOKALIKES = str.maketrans(lexicon.MONTH_THAI_LOOKALIKES)
_LAST_DOT = re.compile(f"(?<=\\.[ก-ฮ])[{lexicon.MONTH_LAST_DOT_LOOKALIKES}]$")
# This OCR often drops upper vowels (บนทกขอความ), and sometimes a leading one
# (ม.ย. for เม.ย., seed 68): an abbreviation without them, when no other
# abbreviation reads the same (มค could be ม.ค. or มี.ค.; มย is มิ.ย. or
# เม.ย., so none is left today: the table decides, not this comment).
_UPPER = re.compile("[\u0e31\u0e34-\u0e37\u0e47-\u0e4e]")
_LEADING = re.compile("^[เแโใไ]")


def _dropped(k: str) -> set[str]:
    """The forms an abbreviation's key takes with its upper or leading vowels lost."""
    return {_UPPER.sub("", k), _LEADING.sub("", k), _LEADING.sub("", _UPPER.sub("", k))} - {k}


_BARE_ABBR = {b: n for k, n in _ABBR.items() for b in _dropped(k)
              if b not in _ABBR and sum(b in _dropped(o) for o in _ABBR) == 1}
# Two-letter abbreviations without dots (พย for พ.ย.) that are no other's bare
# form: มค is ม.ค. or มี.ค. with its vowel lost.
_BARE_TWO = {k for k in _ABBR if len(k) == 2 and sum(_UPPER.sub("", o) == k for o in _ABBR) == 1}


# The speck may carry a mark of its own (กลุ.ย., seeds 16, 23): dropped with it.
_DOT_SPECK = re.compile(f"[{lexicon.MONTH_DOT_SPECKS}][{_MARK_CHARS}]*(?=\\.)")
# The same speck standing in the dot's own place, between the abbreviation's
# letters and before its closing dot (พลย. for พ.ย.).
_SPECK_FOR_DOT = re.compile(f"^([ก-ฮเ][{_MARK_CHARS}]?)[{lexicon.MONTH_DOT_SPECKS}]([ก-ฮ][{_MARK_CHARS}]?\\.)$")


@line_cache(maxsize=4096)  # a date line's tokens are read as months by several stages
def month_number(token: str) -> tuple[int, int] | None:
    """Month number of a full or abbreviated Thai month name, with the edit
    distance it took; None when the token is not (close to) a month.

    >>> month_number("มิ.ย.")
    (6, 0)
    >>> month_number("มิถุนายน")
    (6, 0)
    >>> month_number("พฤษภาดม")
    (5, 1)
    >>> month_number("มี.") is None
    True
    >>> month_number("พลย.")
    (11, 1)
    >>> month_number("ฟุ้ย.")
    (11, 2)
    """
    k = _YEAR_PREFIX.sub("", key(token).strip()).strip()
    k = k[:-1] + "." if k.endswith(",") else k  # "5.0,": the closing dot read as a comma
    compact = k.replace(".", "").replace(" ", "")
    if k in _FULL:
        return _FULL[k], 0
    if k.rstrip(".") in _FULL:  # "ธันวาคม.": a speck read as a dot after the name
        return _FULL[k.rstrip(".")], 1
    if _FULL_SPECKED.fullmatch(k):  # "กกุมภาพันธ์.": a damaged full name, a speck after it
        near = _near_full(compact)
        return (near[0], near[1] + 1) if near else None
    if "." in k and compact in _ABBR:
        return _ABBR[compact], 0
    if compact in _CONF:
        return _CONF[compact], 1
    if compact in _ABBR and (len(compact) >= 3 or compact in _BARE_TWO):  # มิย, พย without dots
        return _ABBR[compact], 1
    if compact in _BARE_ABBR:  # มย: มิ.ย. with its dots and upper vowel lost
        return _BARE_ABBR[compact], 1
    specked = _DOT_SPECK.sub("", k)  # "กล.ย.": a speck read before the dot
    if specked != k and "." in specked and specked.replace(".", "") in _ABBR:
        return _ABBR[specked.replace(".", "")], 1
    specked = _SPECK_FOR_DOT.sub(r"\1.\2", k)  # "พลย.": the speck read in the dot's place
    if specked != k and specked.replace(".", "") in _ABBR:
        return _ABBR[specked.replace(".", "")], 1
    dotted = re.sub(r"[(,]", ".", k)  # "ส(ค.": the abbreviation's dot misread
    if dotted != k and "." in dotted and dotted.replace(".", "") in _ABBR:
        return _ABBR[dotted.replace(".", "")], 1
    last_dot = _LAST_DOT.sub(".", k)  # "ธ.คะ": the last dot read as ะ
    if last_dot != k and last_dot.replace(".", "") in _ABBR:
        return _ABBR[last_dot.replace(".", "")], 1
    swapped = k.translate(_THAI_LOOKALIKES)  # "ถ.พ.": ก read as ถ (no month begins with ถ)
    if swapped != k and "." in swapped and swapped.replace(".", "") in _ABBR:
        return _ABBR[swapped.replace(".", "")], 1
    shaped = _abbreviation_by_shape(re.sub("[:;]", ".", k).replace(" ", ""))  # "พ. A.": a space after the dot; "5:A."
    if shaped is None and swapped != k and (shaped := _abbreviation_by_shape(swapped.replace(" ", ""))) is not None:
        return shaped, 2  # "ฟุย.": พ read as ฟ and the first dot as ุ (seed 113)
    if shaped is not None:
        # each Latin or digit look-alike is a glyph guessed: A.W. is weaker than กุย.
        return shaped, max(1, sum(ch in lexicon.MONTH_LOOKALIKES for ch in k))
    if (specked := _bare_after_speck(k)) is not None:  # "ยพค.": a speck before พค.
        return specked, 2
    if "." in k and len(compact) >= 3:
        return _near_abbreviation(compact)
    return _near_full(compact) or _month_after_debris(compact)


# A full name's letters, then one dot: no abbreviation ends so (มิย. is too short).
_FULL_SPECKED = re.compile("[\u0e01-\u0e3a\u0e40-\u0e4e]{5,}\\.")


# Lengths a token may have and be within two edits of a full name (the most
# _near_full allows), or one edit after up to three specks (_month_after_debris):
# most tokens month_number is asked about are whole Thai phrases, far longer.
_SHORTEST, _LONGEST = min(map(len, _FULL)), max(map(len, _FULL))
_NEAR_FULL_LENGTHS = range(_SHORTEST - 2, _LONGEST + 2 + 1)
_AFTER_DEBRIS_LENGTHS = range(_SHORTEST - 1 + 1, _LONGEST + 1 + 3 + 1)


def _near_full(compact: str) -> tuple[int, int] | None:
    """The full month name within edit tolerance of ``compact``, with the distance."""
    if len(compact) not in _NEAR_FULL_LENGTHS:
        return None
    best: tuple[int, int] | None = None
    for name, n in _FULL.items():
        tol = min(tolerance(len(name)), 2)
        d = Levenshtein.distance(compact, name, score_cutoff=tol)
        if d <= tol and (best is None or d < best[1]):
            best = (n, d)
    return best


# Month abbreviations as printed, dots and all (ม.ค.).
_ABBR_DOTTED = {key(m): n for n, m in enumerate(lexicon.MONTHS_ABBR, start=1)}
# Month abbreviations by their consonants alone (ม.ค. and มี.ค. share มค).
_ABBR_SKELETONS: dict[str, set[int]] = {}
for _n, _a in enumerate(lexicon.MONTHS_ABBR, start=1):
    _ABBR_SKELETONS.setdefault(re.sub(f"[{_MARK_CHARS}.]", "", _a), set()).add(_n)
    _ABBR_SKELETONS.setdefault(_LEADING.sub("", re.sub(f"[{_MARK_CHARS}.]", "", _a)), set()).add(_n)  # เ lost
_BARE = re.compile(f"(?:[ก-ฮเ][{_MARK_CHARS}]*){{2,3}}")


def months_of_bare(token: str) -> set[int]:
    """Every month whose abbreviation a dotless Thai token spells by its
    consonants (``มค``: ม.ค., or มี.ค. with its vowel lost too; ``พย``:
    พ.ย.), for a caller with a window of dates to choose with.

    >>> sorted(months_of_bare("มค")), months_of_bare("พย"), months_of_bare("มค."), months_of_bare("ทก")
    ([1, 3], {11}, set(), set())
    """
    k = key(token).strip()
    return set(_ABBR_SKELETONS.get(re.sub(f"[{_MARK_CHARS}]", "", k), ())) if _BARE.fullmatch(k) else set()


# A dot sits on the baseline: OCR reads it as a vowel below the line (กุย. for ก.ย.).
_LOWER_VOWEL_DOT = re.compile("[\u0e38\u0e39]")


def _glyph_choice(ch: str, hand: bool = False) -> str | None:
    """The Thai consonants one glyph can stand for; None when it is no letter
    we know. With ``hand``, the weaker look-alikes of handwriting too."""
    if "ก" <= ch <= "ฮ" or ch == "เ":
        return ch
    return lexicon.MONTH_LOOKALIKES.get(ch) or (lexicon.MONTH_HAND_LOOKALIKES.get(ch) if hand else None)


def _glyph_choices(token: str, hand: bool = False) -> list[str] | None:
    """For each glyph of a short token (marks and dots skipped), the Thai
    consonants it can stand for; None when a glyph is no letter at all."""
    out = [_glyph_choice(ch, hand) for ch in re.sub(f"[{_MARK_CHARS}.]", "", token)]
    return None if None in out else out


def _months_fitting(choices: list[str]) -> set[int]:
    return {n for skel, ns in _ABBR_SKELETONS.items() if len(skel) == len(choices)
            and all(c in cs for c, cs in zip(skel, choices)) for n in ns}


def months_by_shape(token: str, *, one_unread: bool = False, hand: bool = False) -> set[int]:
    """Every month whose dotted abbreviation ``token`` can be by the shapes of
    its glyphs (the readings ``_abbreviation_by_shape`` chooses among), for a
    caller that has other evidence to choose with. With ``one_unread``, one
    glyph no table knows may be the abbreviation's dot OCR misread or any
    consonant (``พ. AL``, ``ALY.``: an L where ค. or ก. stood, seeds 3, 6).

    >>> sorted(months_by_shape("A.A.")), sorted(months_by_shape("A.W."))
    ([7, 8, 10], [2])
    >>> months_by_shape("ALY."), months_by_shape("ALY.", one_unread=True)
    (set(), {9})

    With ``hand`` (a date filled in by hand, read against a window of dates),
    the weaker look-alikes of ``lexicon.MONTH_HAND_LOOKALIKES`` and the dot
    read as a ring (``MONTH_HAND_DOTS``) too:

    >>> sorted(months_by_shape("nen.", hand=True)), sorted(months_by_shape("Weds", one_unread=True, hand=True))
    ([2, 5, 7], [11])
    """
    dotted = _LOWER_VOWEL_DOT.sub(".", key(token).replace(" ", ""))
    out = _shaped(dotted, one_unread, hand=False)
    if hand:  # readings added, none taken away: the weaker table only widens the choice
        out |= _shaped(re.sub(f"[{lexicon.MONTH_HAND_DOTS}]", ".", dotted), one_unread, hand=True)
    return out


def _shaped(dotted: str, one_unread: bool, hand: bool) -> set[int]:
    if "." not in dotted or len(dotted) > 7:
        return set()
    choices = _glyph_choices(dotted, hand)
    if choices is None:
        return _months_one_unread(dotted, hand) if one_unread else set()
    return _months_fitting(choices) if 2 <= len(choices) <= 3 else set()


def _months_one_unread(dotted: str, hand: bool = False) -> set[int]:
    """Months a token with exactly one unknown glyph fits: that glyph read as
    the dot (dropped) or as any consonant."""
    glyphs = re.sub(f"[{_MARK_CHARS}.]", "", dotted)
    unread = [i for i, ch in enumerate(glyphs) if _glyph_choice(ch, hand) is None]
    if len(unread) != 1:
        return set()
    i = unread[0]
    out: set[int] = set()
    for choices in ([_glyph_choice(ch, hand) for ch in glyphs[:i] + glyphs[i + 1:]],
                    [_glyph_choice(ch, hand) or _CONSONANTS for ch in glyphs]):
        if 2 <= len(choices) <= 3:
            out |= _months_fitting(choices)
    return out


_CONSONANTS = "".join(chr(c) for c in range(ord("ก"), ord("ฮ") + 1)) + "เ"


# Each abbreviation's two parts (เม.ย.: เม and ย), by their letters alone.
_ABBR_PARTS = [(n, [_UPPER.sub("", key(p)) for p in a.split(".") if p])
               for n, a in enumerate(lexicon.MONTHS_ABBR, start=1)]


def months_of_fragment(token: str) -> set[int]:
    """Every month whose abbreviation ``token`` is with one of its two parts
    lost (handwriting OCR read only in part): its first part (``เม.`` for
    เม.ย., ``ก`` for ก.พ., ก.ค. or ก.ย.) or its last (``ค.`` for any month
    with ค after the dot); for a caller with a window of dates to choose with.

    >>> months_of_fragment("เม."), sorted(months_of_fragment("ก")), sorted(months_of_fragment("พ,"))
    ({4}, [2, 7, 9], [2, 5, 11])
    >>> sorted(months_of_fragment("ค.")), months_of_fragment("a."), months_of_fragment("มค.")
    ([1, 3, 5, 7, 8, 10, 12], set(), set())
    """
    k = _UPPER.sub("", key(token)).strip(".,")
    if not re.fullmatch("เ?[ก-ฮ]", k):
        return set()
    return {n for n, parts in _ABBR_PARTS if k in (parts[0], parts[-1])}


def _abbreviation_by_shape(k: str) -> int | None:
    """A dotted abbreviation OCR damaged in a way the abbreviation table still
    settles: its dot read as a vowel below the line (กุย. for ก.ย.), a mark
    added (สี.ค.), Latin look-alikes (A.W. for ก.พ., ``lexicon.MONTH_LOOKALIKES``)
    or a speck glued in front (ฑส.ค.). None unless exactly one month fits, so
    A.A. (ก.ค., ส.ค. or ต.ค.) and a Latin UA. (ม.ค. or มี.ค.) stay unread.
    Thai letters that, their dot restored, spell an abbreviation exactly are
    that month, as a clean print is: มุค. is ม.ค. (seeds 12-17: four times,
    never มี.ค., whose vowel this OCR kept in every Thai print of it); a
    มี.ค. would have lost its vowel as well.

    >>> [_abbreviation_by_shape(t) for t in ("กุย.", "A.W.", "5.A.", "ฑส.ค.", "A.A.", "มุค.", "UA.")]
    [9, 2, 12, 8, None, 1, None]
    """
    dotted = _LOWER_VOWEL_DOT.sub(".", k)
    if "." not in dotted or len(dotted) > 7:
        return None
    if dotted != k and dotted in _ABBR_DOTTED:
        return _ABBR_DOTTED[dotted]
    choices = _glyph_choices(dotted)
    if choices is None or not 2 <= len(choices) <= 3:
        return None
    fits = _months_fitting(choices)
    if not fits and len(choices) == 3 and re.fullmatch(r"[ก-ฮ][ก-ฮ]\.[ก-ฮ]\.?", dotted):
        fits = _months_fitting(choices[1:])  # ฑส.ค.: a speck before an exact abbreviation
    return fits.pop() if len(fits) == 1 else None


_BARE_SPECKED = re.compile(f"(?:[ก-ฮเ][{_MARK_CHARS}]*){{3,4}}\\.")
_LETTER = re.compile(f"[ก-ฮเ][{_MARK_CHARS}]*")


def _bare_after_speck(k: str) -> int | None:
    """An abbreviation with its inner dot lost (พค. for พ.ค., as กค. or
    มิย. are printed) and one speck read as a letter before or inside it
    (seed 25: ยพค.): the month when dropping each letter in turn leaves
    exactly one; กพค. (พ.ค., or ก.พ. with a speck) stays unread.

    >>> _bare_after_speck("ยพค."), _bare_after_speck("มิลย."), _bare_after_speck("กพค."), _bare_after_speck("มคค.")
    (5, 6, None, None)
    """
    if not _BARE_SPECKED.fullmatch(k):
        return None
    letters = _LETTER.findall(k[:-1])
    rests = {"".join(letters[:i] + letters[i + 1:]) for i in range(len(letters))}
    fits = {_ABBR[r] for r in rests if r in _ABBR and (len(r) >= 3 or r in _BARE_TWO)}
    return fits.pop() if len(fits) == 1 else None


def _month_after_debris(compact: str) -> tuple[int, int] | None:
    """A full month name with up to three specks glued in front (ญฆมีนำคม):
    the rest within one edit of exactly one name.

    >>> _month_after_debris("ญฆมีนำคม")
    (3, 3)
    """
    if len(compact) not in _AFTER_DEBRIS_LENGTHS:
        return None
    for cut in (1, 2, 3):
        rest = compact[cut:]
        near = {(n, Levenshtein.distance(rest, name)) for name, n in _FULL.items()
                if Levenshtein.distance(rest, name, score_cutoff=1) <= 1}
        if len({n for n, _ in near}) == 1:
            n, d = near.pop()
            return n, cut + d
    return None


def _near_abbreviation(compact: str) -> tuple[int, int] | None:
    """A dotted abbreviation with one stray letter ("มพิ.ย." for มิ.ย.), when
    exactly one month's abbreviation is one edit away (ก.ค./ส.ค./ต.ค. are one
    apart from each other, so a two-letter one is never repaired).

    >>> _near_abbreviation("มพิย")
    (6, 1)
    >>> _near_abbreviation("ขคค") is None
    True
    """
    near = {n for a, n in _ABBR.items() if len(a) >= 3 and Levenshtein.distance(compact, a, score_cutoff=1) <= 1}
    near_short = {n for a, n in _ABBR.items() if len(a) < 3 and Levenshtein.distance(compact, a, score_cutoff=1) <= 1}
    return (near.pop(), 1) if len(near) == 1 and not near_short else None


def weekday_number(token: str) -> int | None:
    """Python weekday (Monday 0) of a Thai weekday name, OCR-tolerant.

    >>> weekday_number("พุธ"), weekday_number("ศุกร"), weekday_number("พฤหัส")
    (2, 4, 3)
    """
    k = key(token)
    for alias, n in lexicon.WEEKDAY_ALIASES.items():
        if k == key(alias):
            return n
    for n, name in enumerate(lexicon.WEEKDAYS):
        kn = key(name)
        if k == kn or (len(kn) >= 4 and Levenshtein.distance(k, kn) <= 1):
            return n
    return None


_THAI_ABBREVIATION = re.compile(f"[ก-ฮเ][{_MARK_CHARS}]*\\.*[ก-ฮ][{_MARK_CHARS}]*\\.*(?:[ก-ฮ][{_MARK_CHARS}]*\\.*)?")


def months_one_misread(token: str) -> set[int]:
    """Every month a dotted Thai abbreviation fits with one of its letters
    misread as another (``หย..``: ก.ย., พ.ย., มิ.ย. or เม.ย.), for a caller with
    other evidence (a date window) to choose with; empty for a token that
    is not Thai letters and dots.

    >>> sorted(months_one_misread("หย..")), months_one_misread("nea.")  # 4: เม.ย. with its เ lost
    ([4, 6, 9, 11], set())
    """
    k = key(token).strip()
    if "." not in k or not _THAI_ABBREVIATION.fullmatch(k):
        return set()
    glyphs = re.sub(f"[{_MARK_CHARS}.]", "", k)
    out: set[int] = set()
    for i in range(len(glyphs)):
        out |= _months_fitting([_CONSONANTS if j == i else ch for j, ch in enumerate(glyphs)])
    return out
