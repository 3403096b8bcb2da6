"""A document number whose prefix OCR garbled (``NUN ๐๐๒๓.๑๔/๑๓๑๓``, ``WY``,
``UA``): the prefix is taken back from what the letter itself says, never
guessed from the garbled letters.

Evidence, strongest first: the department's code (``08xx.x`` is มท's, see
DOMAIN.md); a readable number in the same letter with the same code
(``อ้างถึง ... ที่ สข ๐๐๒๓.๑๖/๖๗๗``); the province in the letterhead (a
postcode's province code ``ขก ๔๐๐๖๐``, ``ศาลากลางจังหวัดเพชรบูรณ์``); else
the one province the whole letter names. Two provinces named: no repair.
A repaired number carries ``prefix_recovered`` and a lowered confidence.
"""

from __future__ import annotations

import re

from docintake.parse.docno import DocNoHit, find_doc_nos, read_doc_no
from docintake.text import lexicon
from docintake.text.normalize import thai_to_arabic_digits

_NAME_TO_PREFIX = {name: p for p, name in lexicon.PROVINCE_PREFIXES.items()}
# A province name only after จังหวัด/เมือง: many names are also words (เลย, แพร่).
_PROVINCE_NAME = re.compile(
    r"(?:จังหวัด|จ\.|เมือง)\s?(" + "|".join(sorted(map(re.escape, _NAME_TO_PREFIX), key=len, reverse=True)) + ")")
_POSTCODE = re.compile(r"(?<![ก-๎])([ก-ฮ]{2})\s?[1-9][0-9]{4}(?![0-9])")
_DEPARTMENT_CODE = re.compile(r"08[0-9]{2}(?:\.[0-9]{1,2})?")
# Confidence of a repaired number, by the evidence it rests on.
CONFIDENCE = {"department_code": 0.7, "same_code": 0.7, "letterhead": 0.6, "letter": 0.5, "shape": 0.5,
              "letterhead_twice": 0.5}
# A province's local-administration code (DOMAIN.md: 0023.x, the province's office and its districts):
# whatever the prefix, it is the issuing province's.
PROVINCE_OFFICE_CODE = re.compile(r"0023(?:\.[0-9]{1,2})?")
# An LAO's own five-digit code: its numbers carry its province's prefix.
LAO_CODE = re.compile(r"[1-9][0-9]{4}")


def provinces_named(text: str) -> set[str]:
    """Province prefixes a text names by postcode or by จังหวัด/เมือง + name.

    >>> sorted(provinces_named("ถนนนิเวศรัตน์ ขก ๔๐๐๖๐"))
    ['ขก']
    >>> sorted(provinces_named("ที WY ๐๐๒๓.๖/ว ๙๒๗๖ ศาลากลางจังหวัดเพชรบูรณ์"))
    ['พช']
    >>> sorted(provinces_named("ได้แจ้งเผยแพร่ให้ทราบ"))
    []
    """
    by_name, by_postcode = _named_by(text)
    return by_name | by_postcode


def _named_by(text: str) -> tuple[set[str], set[str]]:
    """Province prefixes ``text`` names: by จังหวัด/เมือง + name, and by postcode."""
    norm = thai_to_arabic_digits(text)
    by_name = {_NAME_TO_PREFIX[m.group(1)] for m in _PROVINCE_NAME.finditer(norm)}
    return by_name, {m.group(1) for m in _POSTCODE.finditer(norm) if m.group(1) in lexicon.PROVINCE_PREFIXES}


def named_twice(head: str) -> str | None:
    """The one province a letterhead names both by name and by postcode, else None.

    >>> named_twice("ที่ว่าการอำเภอเมืองเชียงราย ถนนเทศบาล ๑ ชร ๕๗๐๑๖")
    'ชร'
    >>> named_twice("ถนนบรรณาการ ชย ๓๖๐๐๐") is None  # one witness
    True
    """
    by_name, by_postcode = _named_by(head)
    return next(iter(by_name)) if len(by_name) == 1 and by_name == by_postcode else None


def _evidence(hit: DocNoHit, head: str, letter: str, letter_wide: bool) -> tuple[str, str] | None:
    """(prefix, what it rests on), or None when the letter does not say."""
    code = thai_to_arabic_digits(hit.code).strip(".")
    if _DEPARTMENT_CODE.fullmatch(code):
        return "มท", "department_code"
    # Only a known prefix is evidence: an entry's own unknown one (อป) is as
    # garbled as the number being repaired.
    same = {h.prefix for h in find_doc_nos(letter)
            if h.canonical and h.code == code and h.prefix in lexicon.AGENCY_PREFIXES}
    if len(same) == 1:
        return same.pop(), "same_code"
    for where, text in (("letterhead", head), ("letter", letter if letter_wide else "")):
        named = provinces_named(text)
        if len(named) == 1:
            return named.pop(), where
        if named:
            return None  # two provinces: which one is the sender's is a guess
    return None


def recover_prefix(hit: DocNoHit, head: str, letter: str, *, letter_wide: bool = True) -> DocNoHit:
    """``hit`` (a garbled-prefix number) read with the prefix the letter gives,
    or ``hit`` unchanged. ``head`` is the letterhead's text, ``letter`` all of it.
    ``letter_wide=False`` for a cited number (an entry): the province the
    letter names is the citing office's, not necessarily the cited one's."""
    if "prefix_unreadable" not in hit.problems or not hit.after_prefix:
        return hit
    found = _evidence(hit, head, letter, letter_wide)
    if found is None:
        return hit
    prefix, basis = found
    read = read_doc_no(f"{prefix} {hit.after_prefix}")
    if read is None or read.canonical is None:
        return hit
    read.start, read.end, read.raw = hit.start, hit.end, hit.raw
    garbled = hit.raw[: len(hit.raw) - len(hit.after_prefix)].strip() or "lost"
    read.problems.append(f"prefix_recovered:{garbled}->{prefix} from {basis}")
    read.confidence = min(read.confidence, CONFIDENCE[basis])
    return read


def known_prefix_for(doc_no: str, letter: str) -> str | None:
    """``doc_no`` with an unknown prefix one letter off a known one (``ปร`` for
    ``บร``) rewritten with the prefix of a readable number in ``letter`` that
    has the same code; None when there is no such number or the prefix is known.

    >>> known_prefix_for("ปร 0023.15/559", "ที่ บร 0023.15/135 ที่ว่าการอำเภอลำปลายมาศ")
    'บร 0023.15/559'
    >>> known_prefix_for("ปร 0023.15/559", "ที่ นม 0023.15/135") is None
    True
    """
    prefix, _, rest = doc_no.partition(" ")
    if prefix in lexicon.AGENCY_PREFIXES or "/" not in rest:
        return None
    code = rest.split("/")[0]
    same = {h.prefix for h in find_doc_nos(letter) if h.canonical and h.code == code
            and h.prefix in lexicon.AGENCY_PREFIXES and one_letter_off(h.prefix, prefix)}
    return f"{same.pop()} {rest}" if len(same) == 1 else None


def one_letter_off(known: str, misread: str) -> bool:
    """Whether ``misread`` is ``known`` with one letter misread, or with one
    letter too many (``ลสป``, ``ปบร``: a speck or the ที่ label's remains read
    as a letter; every prefix is two letters, so a third is always OCR's).

    >>> one_letter_off("บร", "ปร"), one_letter_off("ลป", "ลสป"), one_letter_off("บร", "ปบร")
    (True, True, True)
    >>> one_letter_off("บร", "บร"), one_letter_off("บร", "ปน"), one_letter_off("บร", "ปรบ")
    (False, False, False)
    """
    if len(misread) == len(known) + 1:
        return any(misread[:i] + misread[i + 1 :] == known for i in range(len(misread)))
    return len(known) == len(misread) and sum(x != y for x, y in zip(known, misread)) == 1


def _letter_prefixes(hit: DocNoHit, letter: str) -> set[str]:
    """Known prefixes one letter off ``hit``'s that the rest of the letter
    prints: in its readable numbers (its own earlier letters, its province's)
    or, failing those, by naming one province."""
    printed = {h.prefix for h in find_doc_nos(letter) if h.canonical and h.prefix in lexicon.PROVINCE_PREFIXES
               and one_letter_off(h.prefix, hit.prefix)}
    if printed:
        return printed
    named = provinces_named(letter)
    return {p for p in named if one_letter_off(p, hit.prefix)} if len(named) == 1 else set()


def letterhead_prefix(hit: DocNoHit, head: str, letter: str = "") -> DocNoHit:
    """The letter's own number with an unknown prefix (``ปร``) one letter off
    the one province its letterhead names (``ถนนรีนรมย์ บร ๓๑๐๓๗``) read with
    that province's prefix, warned. A letterhead that names no province (its
    postcode garbled: ``OU ๓๔๐๕๐``) lets the rest of ``letter`` settle it
    (``_letter_prefixes``). A prefix no letter near any province (``ซชช``)
    before a province office's code (0023.x) takes the province the
    letterhead names both by name and by postcode (``named_twice``). With no
    such province the number cannot be told from a misread one, so it is
    left unread (never a wrong number).

    >>> letterhead_prefix(read_doc_no("ปร ๐๐๒๓.๑๕/๑๐๑๑"), "ถนนรีนรมย์ บร ๓๑๐๓๗").canonical
    'บร 0023.15/1011'
    >>> letterhead_prefix(read_doc_no("ปร ๐๐๒๓.๑๕/๑๐๑๑"), "ถนนรีนรมย์ ชย ๓๖๐๐๐").canonical is None
    True
    >>> letterhead_prefix(read_doc_no("อป ๐๐๒๓.๑๕/ว ๑๗๓๔"), "ถนนศรีจันทร์ OU ๓๔๐๕๐",
    ...                   "สำเนาหนังสือจังหวัดอุบลราชธานี ที่ อบ ๐๐๒๓.๒/๕๕๕๒").canonical
    'อบ 0023.15/ว 1734'
    """
    if hit.canonical is None:
        return hit
    named = provinces_named(head)
    if "prefix_unknown" not in hit.problems:
        return _contradicted(hit, named)
    fits = [p for p in named if one_letter_off(p, hit.prefix)] if len(named) == 1 else []
    basis = "letterhead"
    if not named:
        fits, basis = sorted(_letter_prefixes(hit, letter)), "letter"
    if not named and not fits and not provinces_named(letter) and LAO_CODE.fullmatch(hit.code):
        fits, basis = thai_shape_fits(hit.prefix), "shape"
    if not fits and PROVINCE_OFFICE_CODE.fullmatch(hit.code) and (twice := named_twice(head)):
        # A province office's code is printed after its province's prefix, whatever OCR made of it
        # (``ซชช`` for ชร, seed 78): taken when the letterhead names that province twice over.
        fits, basis = [twice], "letterhead_twice"
    if len(fits) != 1:
        hit.problems.append("prefix_unsupported")
        hit.canonical = None
        return hit
    return _with_prefix(hit, fits[0], basis)


def thai_shape_fits(misread: str) -> list[str]:
    """Province prefixes one OCR-confusable letter off a Thai ``misread``
    (``lexicon.PREFIX_LETTER_CONFUSIONS``), or, for a three-letter misread,
    one letter too many (``พชณ``: every prefix is two letters), or the ที่
    label's ท before a two-letter misread. Taken alone
    only for an LAO's number (which carries its province's prefix) in a
    letter naming no province, and only when one fits: a handwritten prefix
    misread within its letters' shapes.

    >>> thai_shape_fits("ศร"), thai_shape_fits("ขม"), thai_shape_fits("ชม")
    (['สร'], ['ชม'], [])
    >>> thai_shape_fits("พชณ"), thai_shape_fits("ลสบ")  # พณ is a ministry's; สบ and ลบ both provinces
    (['พช'], ['ลบ', 'สบ'])
    >>> thai_shape_fits("ทขม")  # ที่'s ท glued before a misread ชม
    ['ชม']
    """
    if misread in lexicon.PROVINCE_PREFIXES:
        return []
    fits = {misread[:i] + other + misread[i + 1:] for i, ch in enumerate(misread)
            for a, b in lexicon.PREFIX_LETTER_CONFUSIONS.items() for mine, other in ((a, b), (b, a)) if ch == mine}
    if len(misread) == 3:
        fits = {misread[:i] + misread[i + 1 :] for i in range(3)}
        if misread[0] == "ท":  # the ที่ label's ท glued on (ทขม, seed 36): the other two misread as above
            fits |= set(thai_shape_fits(misread[1:]))
    return sorted(fits & set(lexicon.PROVINCE_PREFIXES))


def latin_shape_fits(misread: str) -> list[str]:
    """Province prefixes a Latin ``misread`` could be, letter by letter
    (``lexicon.PREFIX_LATIN_LOOKALIKES``), from its last two letters or its
    first two (a third is the ที่ label's remains: ``Nau``). Evidence to
    confirm a prefix with, never to pick one.

    >>> latin_shape_fits("UA"), latin_shape_fits("UN"), latin_shape_fits("as"), latin_shape_fits("AV")
    (['นศ'], ['ขก', 'บก', 'ปท'], ['สร'], [])
    >>> latin_shape_fits("Nau")
    ['กส', 'สข', 'สน', 'สบ', 'สป', 'อน', 'อบ']
    """
    letters = re.sub(r"[^A-Za-z]", "", misread)
    fits: set[str] = set()
    for pair in {letters[-2:], letters[:2]} if len(letters) in (2, 3) else ():
        looks = [lexicon.PREFIX_LATIN_LOOKALIKES.get(ch, "") for ch in pair]
        fits |= {a + b for a in looks[0] for b in looks[1]} & set(lexicon.PROVINCE_PREFIXES)
    return sorted(fits)


def _contradicted(hit: DocNoHit, named: set[str]) -> DocNoHit:
    """A known province prefix one letter off the one province the letterhead
    names (``ที่ อย ๐๐๒๓.๑/๕๓๔๐ ศาลากลางจังหวัดอุบลราชธานี``: อุบลราชธานี
    numbers its letters อบ): a two-letter prefix is misread far more easily
    than a province's name or postcode, so the letterhead's is taken, warned.

    >>> _contradicted(read_doc_no("อย ๐๐๒๓.๑/๕๓๔๐"), {"อบ"}).canonical
    'อบ 0023.1/5340'
    >>> _contradicted(read_doc_no("ชย ๐๐๒๓.๑/๕๓๔๐"), {"อบ"}).canonical  # not one letter off: left as read
    'ชย 0023.1/5340'
    """
    if hit.prefix not in lexicon.PROVINCE_PREFIXES or len(named) != 1 or hit.prefix in named:
        return hit
    (prefix,) = named
    return _with_prefix(hit, prefix, "letterhead") if one_letter_off(prefix, hit.prefix) else hit


def _with_prefix(hit: DocNoHit, prefix: str, basis: str) -> DocNoHit:
    read = read_doc_no(f"{prefix} {hit.canonical.partition(' ')[2]}") if hit.canonical else None
    if read is None or read.canonical is None:
        return hit
    read.start, read.end, read.raw = hit.start, hit.end, hit.raw
    read.problems.append(f"prefix_recovered:{hit.prefix}->{prefix} from {basis}")
    read.confidence = min(hit.confidence, CONFIDENCE[basis])
    return read


def named_prefix_pick(a: str, b: str, named: set[str]) -> str | None:
    """Of two prints of one number that differ in their prefix alone, the one
    whose prefix is the province the text around them names (``named``, from
    ``provinces_named``); None when they differ otherwise or both or neither fit.

    >>> named_prefix_pick("ลป 0023.2/ว 4362", "สป 0023.2/ว 4362", {"ลป"})
    'ลป 0023.2/ว 4362'
    >>> named_prefix_pick("ลป 0023.2/ว 4362", "สป 0023.2/ว 4363", {"ลป"}) is None
    True
    """
    (pa, _, ra), (pb, _, rb) = a.partition(" "), b.partition(" ")
    if ra != rb or pa == pb:
        return None
    fits = [doc for doc, prefix in ((a, pa), (b, pb)) if prefix in named]
    return fits[0] if len(fits) == 1 else None


def department_prefix(doc_no: str | None) -> set[str]:
    """``{"มท"}`` when a canonical number's code is a department's (0810.4:
    the ministry's departments print มท before it), else nothing; for
    ``named_prefix_pick``.

    >>> department_prefix("มห 0810.4/ว 2638"), department_prefix("มค 0023.10/ว 2274")
    ({'มท'}, set())
    """
    code = (doc_no or "").partition(" ")[2].partition("/")[0]
    return {"มท"} if _DEPARTMENT_CODE.fullmatch(code) else set()


def department_prefix_for(doc_no: str) -> str | None:
    """``doc_no`` with an unknown prefix one letter off มท (``ปมท``: the ที่
    label's remains glued on, seed 82) read as มท when its code is a
    department's (``department_prefix``); None otherwise.

    >>> department_prefix_for("ปมท 0810.4/ว 366"), department_prefix_for("ปมท 0023.4/ว 366")
    ('มท 0810.4/ว 366', None)
    >>> department_prefix_for("มท 0810.4/ว 366") is None  # a known prefix: nothing to do
    True
    """
    prefix, _, rest = doc_no.partition(" ")
    if prefix in lexicon.AGENCY_PREFIXES or not department_prefix(doc_no) or not one_letter_off("มท", prefix):
        return None
    return f"มท {rest}"
