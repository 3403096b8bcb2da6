"""The addressee line (เรียน) -> the organisations that must act, each with its reason.

Named addressees are matched fuzzily against the directory
(``นายก อบต. บ้านใหม่`` and ``นายกองค์การบริหารส่วนตำบลบ้านใหม่`` are both
อบต.บ้านใหม่); distribution forms (``... ทุกแห่ง``, ``ทุก อปท.``) reach every
organisation of that type under the issuing district (``area.py`` finds it).
Titles, names and markers are compared folded (``orgs.fold``), so dropped or
added marks cost nothing; ``addressees.py`` reads each addressee. Pure given a
``Directory``; without one, each addressee is kept as read.
"""

from __future__ import annotations

from typing import Literal

from rapidfuzz.distance import Levenshtein

from docintake.models import Letter, Model
from docintake.registry.addressees import Addressee, read_addressee, split_addressees
from docintake.registry.area import Area, issuing_area
from docintake.registry.directory import (
    Directory,
    NameMatch,
    lao_named,
    match_name,
    name_at_start,
    named_org,
    near_in_district,
)
from docintake.registry.orgs import Organisation, fold, folded_parts, name_parts, short_name
from docintake.text.fuzzy import key
from docintake.text.lexicon import PROVINCE_PREFIXES

_named_org = named_org  # queries.find_org's name for it
_OFFICE = fold("สำนักงาน")
DEBRIS_CONFIDENCE = 0.9  # a name matched only once the words after it were dropped
NEAR_CONFIDENCE = 0.8  # a name a letter or two off one of the issuing district's
MAX_DEBRIS_WORDS = 2
IMPLIED_CONFIDENCE = 0.7  # a bare title read as "every one" without the ทุกแห่ง that says so


class Routing(Model):
    org_id: int | None = None
    org: str | None = None  # short name, e.g. อบต.บ้านใหม่
    org_type: str | None = None
    addressee: str  # the part of the เรียน line it came from
    kind: Literal["named", "distribution", "receipt", "unresolved"]
    reason: str
    confidence: float


# ------------------------------------------------------------- routing


def _routing(org: Organisation, addressee: str, kind: str, reason: str, confidence: float) -> Routing:
    return Routing(org_id=org.id, org=short_name(org), org_type=org.type, addressee=addressee,
                   kind=kind, reason=reason, confidence=round(confidence, 3))


def _unresolved(addressee: str, reason: str) -> Routing:
    return Routing(addressee=addressee, kind="unresolved", reason=reason, confidence=0.0)


TYPE_WORDS = {"lao": "อปท.", "municipality": "เทศบาล", "sao": "อบต.", "pao": "อบจ.",
              "district": "อำเภอ", "province": "จังหวัด"}


def _distribute(reading: Addressee, directory: Directory, area: Area | None) -> list[Routing]:
    """Every organisation a distribution form reaches under the issuing district (or province)."""
    kind, word = reading.type, TYPE_WORDS.get(reading.type or "", "?")
    if kind is None:
        return [_unresolved(reading.text, "'ทุกแห่ง' without a type of organisation")]
    if kind == "province":
        pool, scope = directory.of_type(kind), "in the directory"
    elif area is None or not (area.district or area.province) or (kind == "district" and not area.province):
        return [_unresolved(reading.text, f"every {word}, but the issuing district is not known")]
    elif area.province_only and kind != "district":  # a district's letter or the province's own?
        return [_unresolved(reading.text, f"every {word}, but only the province is known ({area.reason})")]
    elif kind == "district" or not area.district:  # a province writing to all its LAOs
        pool = [e for e in directory.of_type(kind) if e.org.province == area.province]
        scope = f"of จังหวัด{area.province} ({area.reason})"
    else:
        pool = [e for e in directory.of_type(kind) if e.org.district == area.district]
        scope = f"of อำเภอ{area.district} ({area.reason})"
    if reading.subtype and kind != "lao":
        pool = [e for e in pool if e.subtype in (None, reading.subtype)]
    confidence = reading.confidence * (area.confidence if area and kind != "province" else 1.0)
    reason = f"'{reading.text}': every {word} {scope}"
    if reading.implied:
        reason += " (a title with no name and no ทุกแห่ง read after it)"
    if not pool:
        return [_unresolved(reading.text, f"{reason}: none in the directory")]
    return [_routing(e.org, reading.text, "distribution", reason, confidence) for e in pool]


def _name_one(reading: Addressee, directory: Directory, area: Area | None) -> Routing:
    if reading.type == "pao" and not reading.name:
        return _own_pao(reading, directory, area)
    found = _match(directory, reading, area)
    debris = ""
    if found is None or found.org is None or found.score < 1.0:  # no match, namesakes, or not exact
        shorter, words = _without_trailing_words(reading, directory, area)
        if shorter and (found is None or found.org is None or shorter.score * DEBRIS_CONFIDENCE > found.score):
            found, debris = shorter, words
            found.score *= DEBRIS_CONFIDENCE
    if found is None and reading.type == "pao" and (own := _own_pao_misread(reading, directory, area)):
        return own
    if found is None and (local := _in_district(reading, directory, area)) is not None:
        return local
    if found is None:
        return _unresolved(reading.text, f"no organisation in the directory is named like '{reading.name}'")
    if found.org is None:
        return _unresolved(reading.text, f"'{reading.text}': {found.why}; {_placed_by(area)}")
    org, score = found.org, found.score
    reason = f"'{reading.text}' names {short_name(org)} of อำเภอ{org.district or '?'} ({score:.0%} sure)"
    if found.why:
        reason += f"; {found.why} ({area.reason})" if area else f"; {found.why}"
    if debris:
        reason += f"; '{debris}' after the name taken for OCR debris"
    return _routing(org, reading.text, "named", reason, score * reading.confidence)


def _match(directory: Directory, reading: Addressee, area: Area | None) -> NameMatch | None:
    """The organisation an addressee names, placed among namesakes by the issuing area."""
    district = area.district if area and not area.province_only else None
    return match_name(directory, reading.name, reading.type, reading.subtype, district,
                      area.province if area else None)


def _in_district(reading: Addressee, directory: Directory, area: Area | None) -> Routing | None:
    """A name the whole directory does not match, read as one of the issuing district's:
    its name with OCR debris glued on (``name_at_start``), or that name a letter or two
    off (``near_in_district``), also once debris words after it are dropped."""
    if not (area and area.district and not area.province_only and reading.name):
        return None
    if org := name_at_start(directory, reading.name, reading.type, area.district):
        return _routing(org, reading.text, "named", f"'{reading.text}' starts with the name of {short_name(org)} "
                        f"of อำเภอ{org.district}, the issuing district ({area.reason}); the rest taken for OCR "
                        f"debris", DEBRIS_CONFIDENCE * reading.confidence * area.confidence)
    for shorter, dropped in _shorter(reading):
        if near := near_in_district(directory, shorter.name, shorter.type, shorter.subtype, area.district):
            (org, off), debris = near, f"; '{dropped}' after it taken for OCR debris" if dropped else ""
            return _routing(org, reading.text, "named", f"'{reading.text}': '{shorter.name}' is {off} letter(s) off "
                            f"{short_name(org)}, the one so near in อำเภอ{org.district}, the issuing district "
                            f"({area.reason}){debris}", NEAR_CONFIDENCE * reading.confidence * area.confidence)
    return None


def _placed_by(area: Area | None) -> str:
    if area is None:
        return "the issuing district and province are not known"
    place = f"อำเภอ{area.district}" if area.district and not area.province_only else f"จังหวัด{area.province}"
    return f"the letter is placed only in {place} ({area.reason})"


def _without_trailing_words(reading: Addressee, directory: Directory,
                            area: Area | None) -> tuple[NameMatch | None, str]:
    """A name followed by OCR debris as separate words (``หนองไผ่ ฏฏ.``, a misread และ left
    as ``แค่``): matching drops spaces, so the debris spoils the name. An organisation's
    name is one word: try the line without its last word or two, and say what was dropped."""
    for shorter, dropped in _shorter(reading):
        found = _match(directory, shorter, area) if dropped else None
        if found and found.org:
            return found, dropped
    return None, ""


def _shorter(reading: Addressee):
    """(reading, the words dropped) for the addressee as read, then without its last
    word, then two (each still naming one organisation of the same type)."""
    yield reading, ""
    words = reading.text.split()
    for k in range(1, min(MAX_DEBRIS_WORDS, len(words) - 1) + 1):
        shorter = read_addressee(" ".join(words[:-k]))
        if not shorter.distribution and shorter.name and shorter.type == reading.type:
            yield shorter, " ".join(words[-k:])


def _own_pao(reading: Addressee, directory: Directory, area: Area | None) -> Routing:
    """``นายกองค์การบริหารส่วนจังหวัด`` with the province's name lost (a wrapped line
    dropped): a province has one อบจ., the one of the province the letter comes from."""
    pool = [e.org for e in directory.of_type("pao") if area and area.province and e.org.province == area.province]
    if len(pool) != 1:
        return _unresolved(reading.text, "the อบจ. is not named and the issuing province is not known")
    reason = f"'{reading.text}' without a name: the อบจ. of จังหวัด{area.province} ({area.reason})"
    return _routing(pool[0], reading.text, "named", reason, 0.9 * reading.confidence * area.confidence)


_FOLDED_PROVINCES = tuple(fold(name) for name in PROVINCE_PREFIXES.values())


def _own_pao_misread(reading: Addressee, directory: Directory, area: Area | None) -> Routing | None:
    """An อบจ. whose name is one letter off the province the letter comes from
    (``นายกองค์การบริหารส่วนจังหวัดสงขสา`` from ศาลากลางจังหวัดสงขลา, seed 70),
    or two off a long name no other province's is as near (``_only_near``):
    a province has one อบจ., and a name that near its own is a misreading of it
    rather than another province's. None when it is further off."""
    if area is None or not area.province or reading.name is None:
        return None
    off = Levenshtein.distance(fold(reading.name), fold(area.province))
    if off > 2 or off == 2 and not _only_near(fold(reading.name), fold(area.province)):
        return None
    routed = _own_pao(reading, directory, area)
    if routed.org is None:
        return None
    routed.reason = (f"'{reading.text}': '{reading.name}' is {'one letter' if off == 1 else 'two letters'} off "
                     f"จังหวัด{area.province}, the province the letter comes from ({area.reason}); its อบจ.")
    routed.confidence *= 0.9
    return routed


def _only_near(name: str, own: str) -> bool:
    """Two letters off a long province name and no other province's name that near
    (``ภาพสินธุ์`` for กาฬสินธุ์, seed 75): a misreading of that one, not of another.

    >>> _only_near("ภาพสินธุ์", "กาฬสินธุ์"), _only_near("ลำพาง", "ลำปาง")
    (True, False)
    """
    if len(own) < 6:
        return False
    return not any(Levenshtein.distance(name, other) <= 2 for other in _FOLDED_PROVINCES if other != own)


def _by_receipt(letter: Letter, directory: Directory, readings: list[Addressee],
                routings: list[Routing], area: Area | None) -> list[Routing]:
    """The LAO that stamped the letter received, when the letter is addressed to all of its
    type and the issuing district could not be found (so the distribution reached nobody).
    A stamp naming an LAO with namesakes counts only when the province places it."""
    office = letter.receipt.office if letter.receipt else None
    province = area.province if area else None
    found = office and named_org(directory, folded_parts(fold(office).removeprefix(_OFFICE))[1], "lao", None,
                                 province=province)
    if not found or any(r.org_id == found[0].id for r in routings):
        return []
    org, subtype = found[0], name_parts(found[0].name)[0]
    unresolved = {r.addressee for r in routings if r.kind == "unresolved"}
    for r in readings:
        fits = r.type in (org.type, "lao") and (r.subtype in (None, subtype) or r.type == "lao")
        if r.distribution and fits and r.text in unresolved:
            reason = f"its receipt stamp is on the letter, addressed '{r.text}' (issuing district unknown)"
            return [_routing(org, r.text, "receipt", reason, 0.7 * found[1])]
    return []


def route_letter(letter: Letter, directory: Directory | None) -> tuple[list[Routing], Area | None]:
    """The organisations a letter is addressed to, each with its reason; and the issuing area."""
    segments = split_addressees(letter.to or "")
    if not segments:
        own = _own_office(letter, directory) if directory is not None and directory.orgs else None
        return [own or _unresolved("", "no เรียน line was read")], None
    if directory is None or not directory.orgs:
        return [_unresolved(s, "no organisation directory loaded; kept as read") for s in segments], None
    readings = _share_markers([read_addressee(s) for s in segments])
    area = _area(letter, directory, readings)
    routings: list[Routing] = []
    for reading in readings:
        routings += _distribute(reading, directory, area) if reading.distribution else [
            _name_one(reading, directory, area)]
    routings += _by_receipt(letter, directory, readings, routings, area)
    return _dedupe(routings), area


def _area(letter: Letter, directory: Directory, readings: list[Addressee]) -> Area | None:
    """The issuing area. The letter's own marks (issuer, number, signatory, stamp) come
    first and place each named addressee among its namesakes; addressees so placed, all
    in one district, then place the letter when nothing surer does."""
    first = issuing_area(letter, directory)
    named = [m for r in readings if not r.distribution and (m := _match(directory, r, first))]
    sure = [m for m in named if m.org and m.score >= 0.8]
    area = issuing_area(letter, directory, [m.org for m in sure]) if sure else first
    if area is not first and first and any(m.why for m in sure) and area.reason.startswith("named addressees"):
        area.reason += f", placed among their namesakes by {first.reason}"  # say what placed them
    return area


MEMO_CONFIDENCE = 0.8  # the office is read from the memo's issuer, not from its addressee


def _own_office(letter: Letter, directory: Directory) -> Routing | None:
    """A memo (บันทึกข้อความ) goes round inside one office: one that a division
    of an LAO wrote (``กองคลัง องค์การบริหารส่วนตำบลX``) is for that LAO, even
    when its เรียน line was not read."""
    named = lao_named(letter.issuer) if letter.kind == "memo" else None
    if named is None:
        return None
    area = issuing_area(letter, directory)
    found = match_name(directory, named[1], named[2], named[3], province=area.province if area else None)
    if found is None:
        return None
    if found.org is None:
        return _unresolved("", f"a memo stays inside its office, '{named[0]}': {found.why}; {_placed_by(area)}")
    reason = f"a memo stays inside its office: issued by '{named[0]}', so {short_name(found.org)}"
    if found.why:
        reason += f"; {found.why} ({area.reason})"
    return _routing(found.org, "", "named", reason, MEMO_CONFIDENCE * found.score)


def _share_markers(readings: list[Addressee]) -> list[Addressee]:
    """``นายกเทศมนตรีตำบล และนายก อบต. ทุกแห่ง``: a bare title shares the ทุกแห่ง after it.

    A municipality's or SAO's head title with no name and no marker after it (the
    ทุกแห่ง lost on a wrapped line, or read as Latin debris) still addresses every
    one of its type: a single one would be named. Less surely, and said so."""
    for i, reading in enumerate(readings):
        later = [r for r in readings[i + 1:] if r.distribution]
        if not reading.distribution and not reading.name and reading.type and later:
            reading.distribution, reading.confidence = True, min(reading.confidence, later[0].confidence)
        elif not reading.distribution and not reading.name and reading.type in ("municipality", "sao"):
            reading.distribution, reading.implied = True, True
            reading.confidence = round(reading.confidence * IMPLIED_CONFIDENCE, 3)
    return readings


def _dedupe(routings: list[Routing]) -> list[Routing]:
    best: dict[object, Routing] = {}
    for r in routings:
        key = r.org_id if r.org_id is not None else ("?", r.addressee, r.reason)
        if key not in best or r.confidence > best[key].confidence:
            best[key] = r
    return list(best.values())
