"""Entries (อ้างถึง, สิ่งที่ส่งมาด้วย) read again with the letter that lists
them as context (``repair_entries``).

A number whose code OCR damaged is read as a code the same letter prints
when the damage is one this OCR is known to do (a dot lost, a dot and a
digit merged into ๗, debris before the slash); a prefix no agency has is
read as the one the entry's issuer names or the letter prints with the same
code; a ministry's circular citing a number that lost its slash cites a
circular; and a year that puts the cited letter generations before its
citer is read with the one digit change that fits. Every repair is warned
and less confident.
"""

from __future__ import annotations

import datetime as dt
import re

from docintake.models import Letter, Reference
from docintake.parse.codedamage import SAME, damage
from docintake.parse.docno import DocNoHit, read_doc_no
from docintake.parse.entrydates import CONTEXT_CONFIDENCE, repair_year, settle_date
from docintake.parse.entrynumber import DOTTED_UNREAD, number_faults, tidy_number
from docintake.parse.lines import collapse
from docintake.parse.notes import Notes
from docintake.parse.prefix import department_prefix_for, provinces_named
from docintake.text import lexicon
from docintake.text.fuzzy import key
from docintake.text.normalize import number_digits

# The number's parts whatever OCR did to its prefix: a code (dots perhaps
# lost), debris before the slash (``๐๐๒๓.๑@/``, ``๐๘๑๐.๗.ฒ/``), ว, running number.
# A running number with more digits a space after it is in doubt (``/๖ ๑๐๖๖``: ว read as ๖, or
# a number split; seed 81): none of these reads it.
_TAIL = r"(?P<junk>\.?[^\s0-9/]{1,2})?\s?/\s?(?P<circ>ว\.?\s?)?(?P<run>[0-9]{1,5})(?!\s?[0-9])"
_PARTS = re.compile(r"(?P<code>[0-9]{3,6}(?:\.[0-9]{1,2})?)" + _TAIL)
# The code's digits split apart (``002-3.1-3``: hyphens, read as spaces):
# tried only when the plain form fits nothing, as it may take in a digit
# that is debris of the prefix (``ด๖ ๐๐๒๓``).
# Specks about the code's dot (``๐๐๒๓..@๑๘/ว``): four digits, debris, the section.
_DEBRIS_PARTS = re.compile(r"(?P<code>[0-9]{4}[^\s0-9/]{1,3}[0-9]{1,2})" + _TAIL)
_SPLIT_PARTS = re.compile(r"(?P<code>[0-9](?:\s?[0-9]){2,5}(?:\s?\.\s?[0-9](?:\s?[0-9])?)?)" + _TAIL)
_PREFIX_TOKEN = re.compile(r"(?:ท[\u0e31-\u0e4e]*)?([ก-ฮ][\u0e31-\u0e4e]*[ก-ฮ][\u0e31-\u0e4e]*)[.\s]*$")


def repair_entries(letter: Letter, notes: Notes, enclosed: set[tuple[str, str]] = frozenset()) -> None:
    """Entries whose number did not read, read against the codes the same
    letter prints (its own number, its other entries; for enclosures also
    ``enclosed``, the code the enclosed copy's letterhead reads), and entries
    whose year is generations before the letter's, read with the one digit that fits."""
    own = _known_codes(letter)
    for name in ("references", "enclosures"):
        known = own | enclosed if name == "enclosures" else own
        for k, e in enumerate(getattr(letter, name), start=1):
            if e.doc_no is not None and e.text and (named := issuer_prefix(e.doc_no, e.text)) is not None:
                notes.warn("doc_no_corrected", f"{name}[{k}].doc_no", f"{e.doc_no} read as {named}: the "
                                                                      "entry's issuer names that province")
                e.doc_no = named
                notes.conf(name, CONTEXT_CONFIDENCE)
            elif e.doc_no is not None and e.text and (known_as := prefix_from_code(e.doc_no, e.text, known)):
                notes.warn("doc_no_corrected", f"{name}[{k}].doc_no", f"{e.doc_no} read as {known_as}: no agency "
                                                                      "has that prefix, and the letter prints its code")
                e.doc_no = known_as
                notes.conf(name, CONTEXT_CONFIDENCE)
            elif e.doc_no is not None and (ministry := department_prefix_for(e.doc_no)):
                notes.warn("doc_no_corrected", f"{name}[{k}].doc_no", f"{e.doc_no} read as {ministry}: a "
                                                                      "department's code follows มท, its prefix one letter off")
                e.doc_no = ministry
                notes.conf(name, CONTEXT_CONFIDENCE)
            elif e.doc_no is not None and e.text and (own_office := own_prefix(e.doc_no, e.text, letter.doc_no)):
                notes.warn("doc_no_corrected", f"{name}[{k}].doc_no", f"{e.doc_no} read as {own_office}: the "
                                                                      "letter's own office code, its prefix one letter off")
                e.doc_no = own_office
                notes.conf(name, CONTEXT_CONFIDENCE)
            if e.doc_no is None and e.text:
                found = code_from_context(e.text, known) or circular_like_citer(e.text, letter.doc_no)
                if found is not None:
                    e.doc_no, why = found
                    notes.warn("doc_no_from_context", f"{name}[{k}].doc_no", f"read as {e.doc_no}: {why}; "
                                                                            f"{collapse(e.text)!r}")
                    notes.conf(name, CONTEXT_CONFIDENCE)
            if e.date is not None and letter.date is not None:
                repair_year(e, letter.date, f"{name}[{k}]", notes)
            elif e.date is None and e.text and letter.date is not None:
                between = _listed_around(letter.references, k - 1) if name == "references" else (None, None)
                settle_date(e, letter.date, f"{name}[{k}]", notes, between)


def circular_like_citer(text: str, citer: str | None) -> tuple[str, str] | None:
    """(doc_no, why) for an entry whose number lost its slash and maybe its ว
    (``มท ๐๘๑๐.๔ ๑๓๓๙``, ``/๖ ๓๙๖``: ว or a digit), when the letter citing
    it is a circular of the same ministry: a ministry or department writes
    to every province by circular, and its circular cites the directives
    before it, circulars to the same provinces. A province writes both
    kinds, so its numbers are left unread.

    >>> circular_like_citer("ที่ มท ๐๘๑๐.๔ ๑๓๓๙ ลงวันที่ ๖ ตุลาคม ๒๕๖๘", "มท 0819.2/ว 2721")[0]
    'มท 0810.4/ว 1339'
    >>> circular_like_citer("ที่ มท ๐๘๑๐.๔ ๑๓๓๙ ลงวันที่ ๖ ตุลาคม ๒๕๖๘", "มท 0819.2/2721") is None
    True
    """
    hit = read_doc_no(tidy_number(text)) or _split_lost_named(text)
    own = read_doc_no(citer) if citer else None
    if hit is None or own is None or not own.circular or own.prefix != hit.prefix:
        return None
    if hit.prefix not in lexicon.MINISTRY_PREFIXES:
        return None
    circular = [c for c in hit.candidates if "/ว " in c]
    if len(circular) != 1 or len(hit.candidates) != 2:
        return None
    return circular[0], f"ว or not could not be told ({', '.join(hit.problems)}); the citing letter is a " \
                        f"circular of the same ministry ({citer}), which cites circulars"


# A split-lost number (slashlost._SPLIT_LOST) whose prefix OCR garbled (``im 0810.4 375``).
_GARBLED_SPLIT_LOST = re.compile(r"(?<!\S)\S{1,3}\s(?P<code>0\d{3}\.\d{1,2})\s{1,2}(?P<run>\d{1,5})(?=\s{0,2}ลงวัน)")


def _split_lost_named(text: str) -> DocNoHit | None:
    """A split-lost number with its prefix garbled, read with the one prefix
    the entry's issuer names (``หนังสือกรมส่งเสริม... ที่ im 0810.4 375``: มท).

    >>> _split_lost_named("หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ im 0810.4 375 ลงวันที่ 10").candidates
    ['มท 0810.4/375', 'มท 0810.4/ว 375']
    """
    m = _GARBLED_SPLIT_LOST.search(number_digits(text))
    named = issuer_prefixes(text)
    if m is None or len(named) != 1:
        return None
    return read_doc_no(f"{named.pop()} {m['code']} {m['run']} ลงวันที่")


def _listed_around(refs: list[Reference], i: int) -> tuple[dt.date | None, dt.date | None]:
    """The latest date read among the references listed before ``refs[i]``
    and the earliest among those after it (``entrydates.settle_date``)."""
    before = [r.date for r in refs[:i] if r.date is not None]
    after = [r.date for r in refs[i + 1 :] if r.date is not None]
    return max(before, default=None), min(after, default=None)


def issuer_prefix(doc_no: str, text: str) -> str | None:
    """``doc_no`` with an unknown prefix one letter off the one province the
    entry's issuer names (``หนังสือจังหวัดอุบลราชธานี ที่ อป ...``) read with
    that province's prefix; None otherwise.

    >>> issuer_prefix("อป 0023.1/4206", "สำเนาหนังสือจังหวัดอุบลราชธานี ด่วนที่สุด ที่อัป ๐๐๒๓.๑/๔๒๐๖")
    'อบ 0023.1/4206'
    """
    prefix, _, rest = doc_no.partition(" ")
    if prefix in lexicon.AGENCY_PREFIXES:
        return None
    named = provinces_named(text)
    if len(named) != 1:
        return None
    (province,) = named
    return f"{province} {rest}" if _one_letter_misread(province, prefix) else None


def _one_letter_misread(known: str, read: str) -> bool:
    """``read`` is ``known`` with exactly one letter misread (same length:
    unlike ``prefix.one_letter_off``, no letter added).

    >>> _one_letter_misread("อบ", "อป"), _one_letter_misread("อบ", "อบ"), _one_letter_misread("อบ", "ออบ")
    (True, False, False)
    """
    return len(known) == len(read) and sum(a != b for a, b in zip(known, read)) == 1


def prefix_from_code(doc_no: str, text: str, known: set[tuple[str, str]]) -> str | None:
    """``doc_no`` with a prefix no agency has (``ปปม``: the ที่ label's
    remains before นม) read with the one known prefix printed with the same
    code (``code_from_context``), the running number unchanged; None otherwise.

    >>> prefix_from_code("ปปม 0023.14/433", "ที่ปปม ๐๐๒๓.๑๔/๔๓๓ ลงวันที่", {("นม", "0023.14")})
    'นม 0023.14/433'
    """
    prefix, _, rest = doc_no.partition(" ")
    if prefix in lexicon.AGENCY_PREFIXES:
        return None
    found = code_from_context(text, known)
    return found[0] if found is not None and found[0].partition(" ")[2] == rest else None


def own_prefix(doc_no: str, text: str, own: str | None) -> str | None:
    """``doc_no`` with the letter's own prefix when it carries the letter's own
    office code under another province's prefix one letter off (``สบ`` for
    ``สข``, seed 30: a district citing its own earlier letter), and the entry
    names no province of the prefix it shows; None otherwise.

    >>> own_prefix("สบ 0023.14/780", "หนังสืออำเภอหาดใหญ่ ที่ สบ ๐๐๒๓.๑๔/๗๘๐", "สข 0023.14/1276")
    'สข 0023.14/780'
    >>> own_prefix("สบ 0023.14/780", "หนังสือจังหวัดสระบุรี ที่ สบ ๐๐๒๓.๑๔/๗๘๐", "สข 0023.14/1276") is None
    True
    """
    mine, theirs = read_doc_no(own) if own else None, read_doc_no(doc_no)
    if mine is None or theirs is None or not (mine.canonical and theirs.canonical) or mine.code != theirs.code:
        return None
    if not _one_letter_misread(mine.prefix, theirs.prefix) or theirs.prefix in issuer_prefixes(text):
        return None
    return f"{mine.prefix} {doc_no.partition(' ')[2]}"


def _known_codes(letter: Letter) -> set[tuple[str, str]]:
    """(prefix, code) of every number the letter itself reads cleanly."""
    out = set()
    for doc_no in [letter.doc_no, *(e.doc_no for e in [*letter.references, *letter.enclosures])]:
        hit = read_doc_no(doc_no) if doc_no else None
        if hit is not None and hit.canonical and hit.prefix in lexicon.AGENCY_PREFIXES:
            out.add((hit.prefix, hit.code))
    return out


def code_from_context(text: str, known: set[tuple[str, str]]) -> tuple[str, str] | None:
    """(doc_no, why) for an entry whose code OCR damaged, when exactly one
    known code explains the damage; None otherwise.

    >>> code_from_context("หนังสือจังหวัดลำปาง ที่ ลป ๐๐๒๓๗/๑๙๔๙ ลงวันที่ ๘ พ.ค. ๒๕๖๗", {("ลป", "0023.4")})
    ('ลป 0023.4/1949', 'a dot and the digit beside it read as ๗ in 0023.4')
    """
    if DOTTED_UNREAD in number_faults(text):
        return None  # the running number is in doubt (``number_faults``)
    text = tidy_number(text)
    hit = read_doc_no(text)
    if hit is not None and set(hit.problems) & _RUNNING_DOUBTS:
        return None  # the running number or ว is in doubt: no code can settle that
    norm = number_digits(text)
    for parts in (_PARTS, _SPLIT_PARTS, _DEBRIS_PARTS):
        m = parts.search(norm)
        fit = _one_fit(m, norm, text, known) if m is not None else None
        if fit is not None:
            break
    else:
        return None
    prefix, code, why = fit
    hit = read_doc_no(f"{prefix} {code}/{'ว ' if m['circ'] else ''}{m['run']}")
    if hit is None or hit.canonical is None:
        return None
    return hit.canonical, f"{why} in {code}"


def _one_fit(m: re.Match[str], norm: str, text: str, known: set[tuple[str, str]]) -> tuple[str, str, str] | None:
    """(prefix, code, why) of the one known code that explains the number ``m`` found."""
    read = _prefix_before(norm[: m.start()])
    printed = m["code"].replace(" ", "")
    fits = {(p, c, why) for p, c in known if (why := damage(printed, c, bool(m["junk"]))) is not None
            and _prefix_fits(read, p, text, why == SAME)}
    return fits.pop() if len({(p, c) for p, c, _ in fits}) == 1 else None


def _prefix_before(before: str) -> str | None:
    """The prefix printed before the code (``ที่มท``, ``ที่ ลป``), None when
    what stands there is no Thai prefix (``UA``, ``ด๖``: OCR garbled it)."""
    m = _PREFIX_TOKEN.search(before.rstrip()[-8:])
    if m is None:
        return None
    printed = re.sub("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]", "", m.group(1))
    return lexicon.PREFIX_CONFUSIONS.get(printed, printed)


def _prefix_fits(read: str | None, prefix: str, text: str, same_code: bool) -> bool:
    """A known code's prefix fits what the entry shows: the same prefix, one
    letter off an unknown one, or, garbled, any when the code is the known
    one as printed (``prefix.recover_prefix``'s same-code evidence); a garbled
    prefix on a damaged code needs the entry's issuer to name the province
    (or the department)."""
    if read is not None and read in lexicon.AGENCY_PREFIXES:
        return read == prefix
    if read is not None and _one_letter_misread(prefix, read):
        return True
    if same_code:
        return True
    return issuer_prefixes(text) == {prefix}


def issuer_prefixes(text: str) -> set[str]:
    """Prefixes the entry's words name: a province (จังหวัด + name, a
    postcode), a ministry, or a department by its ministry's prefix.

    >>> sorted(issuer_prefixes("หนังสือกระทรวงมหาดไทย ด่วนมาก ที่ “HM ๐๘๑๐.๖.อ/ว ๓๔๑"))
    ['มท']
    """
    k = key(text)
    named = provinces_named(text)
    named |= {p for p, name in lexicon.MINISTRY_PREFIXES.items() if key(name) in k}
    named |= {p for name, p in lexicon.DEPARTMENT_PREFIXES.items() if key(name) in k}
    return named


_RUNNING_DOUBTS = {"digits_mixed", "running_damaged", "circular_or_digit", "split_or_debris"}
