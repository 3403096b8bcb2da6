"""Where a letter comes from: the issuing district (or province), with the evidence used.

A distribution form (``... ทุกแห่ง``) reaches every organisation of a type
under the issuing district, so routing needs to know it. The evidence, best
first: the issuer (``ที่ว่าการอำเภอX``, ``ศาลากลางจังหวัดY``), the document
number's office code, the signatory (``นายอำเภอX``, ``ผู้ว่าราชการจังหวัดY``),
the named addressees, the receipt stamp, and last the document number's
province prefix (``สข`` = สงขลา), which places the letter in a province but
cannot tell a province's letter from one of its districts' (``province_only``).
Pure given a ``Directory``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from docintake.models import Letter
from docintake.registry.directory import NAME_THRESHOLD, SHAPE_PENALTY, SHAPE_REACH, Directory, named_org, shape_fold
from docintake.registry.identity import doc_key
from docintake.registry.orgs import Organisation, fold, folded_parts, short_name
from docintake.registry.vocab import LAO_TYPES, ORG_FORMS
from docintake.text.lexicon import OFFICE_LETTER_CONFUSIONS, PROVINCE_PREFIXES

PREFIX_CONFIDENCE = 0.5  # below every other evidence: it never says which district
PAO_CONFIDENCE = 0.8  # above a receipt stamp or named LAOs, below the issuer, office code, signatory
# A province name the directory does not hold is as likely misread (สมขลา) as foreign:
# any other evidence, the number's prefix too, says more.
UNKNOWN_PROVINCE_CONFIDENCE = 0.4


@dataclass
class Area:
    district: str | None
    province: str | None
    reason: str
    confidence: float
    province_only: bool = False  # the province is known, not that the province issued it


_OFFICE_WORDS = tuple(fold(w) for w in ("สำนักงาน", "นาย"))
_DISTRICT_HEAD, _GOVERNOR = fold("นายอำเภอ"), fold("ผู้ว่าราชการจังหวัด")


def type_of_subtype(subtype: str | None) -> str | None:
    return next((k for _, k, s in ORG_FORMS if s == subtype), None) if subtype else None


def _district_named(directory: Directory, name: str) -> tuple[Organisation, float, str] | None:
    """The district org a (possibly truncated or noisy, folded) district name means."""
    districts = directory.districts  # (org, folded district, folded core of its name)
    exact = [d for d, district, core in districts if name in (district, core)]
    if exact:
        return exact[0], 0.95, f"อำเภอ{exact[0].district}"
    starts = [d for d, district, _ in districts if district.startswith(name)] if len(name) >= 3 else []
    if len(starts) == 1:
        return starts[0], 0.75, f"'อำเภอ{name}' is the start of only อำเภอ{starts[0].district}"
    scored = [(fuzz.ratio(name, district), d) for d, district, _ in districts]
    if scored and NAME_THRESHOLD - SHAPE_REACH <= max(s for s, _ in scored) < NAME_THRESHOLD:
        # As for LAO names (directory.match_name): a letter or upper vowel OCR confuses
        # (บรบีอ for บรบือ) costs part of an edit in a short district name.
        shape = shape_fold(name)
        scored = [(fuzz.ratio(shape, shape_fold(district)) - SHAPE_PENALTY, d) for d, district, _ in districts]
    if scored:
        score, best = max(scored, key=lambda x: x[0])
        if score >= NAME_THRESHOLD:
            return best, score / 100 * 0.9, f"'อำเภอ{name}' reads like อำเภอ{best.district} ({score:.0f}%)"
    return None


def area_named(directory: Directory, text: str | None, source: str) -> Area | None:
    """The area an office's name places it in (``ที่ว่าการอำเภอX``, ``ศาลากลางจังหวัดY``,
    an LAO's name), ``source`` naming where the text came from in the reason."""
    if not text:
        return None
    folded = fold(text)
    for word in _OFFICE_WORDS:
        folded = folded.removeprefix(word)
    subtype, core = folded_parts(folded)
    if subtype == "อำเภอ" and (found := _district_named(directory, core)):
        org, confidence, why = found
        return Area(org.district, org.province, f"{source} {why}", confidence)
    if subtype == "จังหวัด":
        province = directory.province_named(core)
        if province is None:  # a province the directory lacks, or a misreading of one
            return Area(None, core, f"{source} names จังหวัด{core}, which the directory does not hold",
                        UNKNOWN_PROVINCE_CONFIDENCE)
        return Area(None, province, f"{source} names จังหวัด{province}", 0.9)
    if subtype and (org := named_org(directory, core, type_of_subtype(subtype), subtype)):
        return Area(org[0].district or None, org[0].province, f"{source} is {short_name(org[0])}", 0.8 * org[1])
    return None


def _after(text: str | None, word: str, prefix: str) -> str | None:
    """What follows ``word`` (folded) in ``text``, as ``prefix`` + it; the last occurrence.
    The word's letters this OCR misreads match their misreadings (``นายอำเกอนางรอง``)."""
    folded = fold(text or "")
    found = list(_misread_as(word).finditer(folded))
    return prefix + folded[found[-1].end():] if found else None


@lru_cache(maxsize=16)
def _misread_as(word: str) -> re.Pattern:
    return re.compile("".join(f"[{c}{OFFICE_LETTER_CONFUSIONS[c]}]" if c in OFFICE_LETTER_CONFUSIONS
                              else re.escape(c) for c in word))


def _area_from_office(directory: Directory, office: str | None) -> Area | None:
    if office and office in directory.offices:
        district, province = directory.offices[office]
        return Area(district or None, province or None, f"office code {office} belongs to อำเภอ{district}", 0.9)
    return None


def _area_from_named(named: list[Organisation]) -> Area | None:
    """A letter to the อบจ. comes from its province (a district does not instruct the
    province's own LAO), so its ทุกแห่ง spans the province; else named LAOs all in one
    district place it there."""
    provinces = {o.province for o in named if o.type == "pao" and o.province}
    if len(provinces) == 1:
        province = provinces.pop()
        return Area(None, province, f"addressed to the อบจ. of จังหวัด{province}: a letter of the province",
                    PAO_CONFIDENCE)
    districts = {(o.district, o.province) for o in named if o.type in LAO_TYPES and o.district}
    if len(districts) == 1:
        district, province = districts.pop()
        return Area(district, province, f"named addressees are in อำเภอ{district}", 0.7)
    return None


def _area_from_prefix(directory: Directory, prefix: str | None) -> Area | None:
    province = directory.province_named(PROVINCE_PREFIXES[prefix]) if prefix in PROVINCE_PREFIXES else None
    if province is None:
        return None
    return Area(None, province, f"the number's prefix {prefix} is จังหวัด{province}'s", PREFIX_CONFIDENCE,
                province_only=True)


def _scaled(area: Area | None, factor: float) -> Area | None:
    """Weaker evidence: the receiving LAO is usually, not always, under the issuing district."""
    if area:
        area.confidence = round(area.confidence * factor, 3)
    return area


def issuing_area(letter: Letter, directory: Directory, named: list[Organisation] = ()) -> Area | None:
    """The district (and province) the letter comes from, with the evidence used."""
    key = doc_key(letter.doc_no)
    position = letter.signatory.position if letter.signatory else None
    receipt = letter.receipt.office if letter.receipt else None
    evidence = [
        area_named(directory, letter.issuer, "issuer"),
        _area_from_office(directory, key.office if key else None),
        area_named(directory, _after(position, _DISTRICT_HEAD, "อำเภอ"), "signed by นายอำเภอ:"),
        _scaled(area_named(directory, _after(position, _GOVERNOR, "จังหวัด"), "signed for the governor:"),
                0.95),
        _area_from_named(named),
        _scaled(area_named(directory, receipt, "receipt stamp of"), 0.75),
        _area_from_prefix(directory, key.prefix if key else None),
    ]
    found = [a for a in evidence if a]
    return max(found, key=lambda a: a.confidence) if found else None
