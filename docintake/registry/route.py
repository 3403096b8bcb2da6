"""The addressee line (เรียน) -> the organisations that must act, each with its reason.

Named addressees are matched fuzzily against the directory
(``นายก อบต. บ้านใหม่`` and ``นายกองค์การบริหารส่วนตำบลบ้านใหม่`` are both
อบต.บ้านใหม่); distribution forms (``... ทุกแห่ง``, ``ทุก อปท.``) reach every
organisation of that type under the issuing district, found from the issuer
(``ที่ว่าการอำเภอX``), the document number's office code, the signatory or
the named addressees. Pure given a ``Directory``; without one, each addressee
is kept as read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from docintake.models import Letter, Model
from docintake.registry.identity import doc_key
from docintake.registry.orgs import (
    Organisation,
    compact,
    forms_of,
    name_parts,
    office_aliases,
    short_name,
)
from docintake.registry.vocab import (
    ADDRESSEE_SEPARATORS,
    DISTRIBUTION_MARKERS,
    HEAD_TITLES,
    LAO_TYPES,
    ORG_FORMS,
)

NAME_THRESHOLD = 85  # rapidfuzz ratio for a named addressee
TITLE_THRESHOLD = 80
MARKER_THRESHOLD = 75


class Routing(Model):
    org_id: int | None = None
    org: str | None = None  # short name, e.g. อบต.บ้านใหม่
    org_type: str | None = None
    addressee: str  # the part of the เรียน line it came from
    kind: Literal["named", "distribution", "receipt", "unresolved"]
    reason: str
    confidence: float


@dataclass
class Addressee:
    text: str  # as read
    type: str | None  # org type, "lao" for any LAO, None unknown
    subtype: str | None  # อบต., ทต., ...
    name: str  # compact name after the title ("" for distributions)
    distribution: bool
    confidence: float  # how sure the title/marker reading is


@dataclass
class Area:
    district: str | None
    province: str | None
    reason: str
    confidence: float


@dataclass
class Entry:
    org: Organisation
    subtype: str | None
    core: str
    forms: list[str]


class Directory:
    """Organisations indexed for matching; ``offices`` maps ``ชย 0023.14`` -> (district, province)."""

    def __init__(self, orgs: list[Organisation], offices: dict[str, tuple[str, str]] | None = None):
        self.orgs = orgs
        self.entries = [Entry(o, *name_parts(o.name), forms_of(o)) for o in orgs]
        self.offices = dict(offices or {})
        for org in orgs:
            for office in office_aliases(org):
                self.offices[office] = (org.district, org.province)

        self._by_type: dict[str, list[Entry]] = {}

    def of_type(self, kind: str | None) -> list[Entry]:
        if kind is None:
            return self.entries
        if kind not in self._by_type:
            types = LAO_TYPES if kind == "lao" else (kind,)
            self._by_type[kind] = [e for e in self.entries if e.org.type in types]
        return self._by_type[kind]


# ------------------------------------------------------------- reading


def split_addressees(to: str) -> list[str]:
    """The เรียน line cut into addressees.

    >>> split_addressees("นายกเทศมนตรีตำบลเมืองเพ็ญ และนายกองค์การบริหารส่วนตำบลทุกแห่ง")
    ['นายกเทศมนตรีตำบลเมืองเพ็ญ', 'นายกองค์การบริหารส่วนตำบลทุกแห่ง']
    """
    pattern = "|".join(re.escape(s) for s in ADDRESSEE_SEPARATORS)
    parts = re.split(rf"\s*(?:{pattern})\s*", to.strip())
    return [p.strip() for part in parts for p in _cut_at_titles(part) if p.strip()]


# A new addressee may follow the last with a space or nothing at all (a wrapped line
# joined): ``นายกองค์การบริหารส่วนจังหวัดชัยภูมินายกเทศมนตรี และ...``.
_TITLES = re.compile("|".join(sorted((re.escape(t) for t, _, _ in HEAD_TITLES), key=len, reverse=True))
                     + r"|นายก\s*อบ[ตจ]\.")


def _cut_at_titles(part: str) -> list[str]:
    starts = [0] + [m.start() for m in _TITLES.finditer(part) if m.start() > 0] + [len(part)]
    return [part[a:b] for a, b in zip(starts, starts[1:])]


def _title(text: str) -> tuple[str, str, str | None, float] | None:
    """(title, type, subtype, confidence) at the start of a compact addressee, fuzzily."""
    for title, kind, subtype in sorted(HEAD_TITLES, key=lambda t: -len(t[0])):
        if text.startswith(title):
            return title, kind, subtype, 1.0
    # OCR noise inside a title (นายอdle เกอ), not at its first letter: that keeps
    # org names (องค์การ...) and markers (ทุก...) from passing for titles.
    scored = [(fuzz.ratio(text[: len(t)], t), t, k, s) for t, k, s in HEAD_TITLES if text[:1] == t[:1]]
    if not scored:
        return None
    score, title, kind, subtype = max(scored, key=lambda x: (x[0], len(x[1])))
    return (title, kind, subtype, score / 100) if score >= TITLE_THRESHOLD else None


def _marker(rest: str) -> tuple[str, str | None, float] | None:
    """(text before the marker, implied type, confidence) when a distribution marker ends ``rest``."""
    for marker, kind in DISTRIBUTION_MARKERS:
        if marker in rest:
            return rest[: rest.index(marker)], kind, 1.0
    best = None
    for marker, kind in DISTRIBUTION_MARKERS:
        score = fuzz.ratio(rest[-len(marker):], marker)
        if score >= MARKER_THRESHOLD and (best is None or score > best[2] * 100):
            best = (rest[: -len(marker)], kind, score / 100)
    return best


def read_addressee(segment: str) -> Addressee:
    """What one addressee says: which type of organisation, named or all of them.

    >>> a = read_addressee("นายก อบต. ทุกแห่ง")
    >>> a.type, a.distribution
    ('sao', True)
    >>> a = read_addressee("นายกเทศมนตรีตำบลเมืองเพ็ญ")
    >>> a.type, a.subtype, a.name, a.distribution
    ('municipality', 'ทต.', 'เมืองเพ็ญ', False)
    """
    text = compact(segment).removeprefix("เรียน")
    title = _title(text)
    kind, subtype, confidence = (title[1], title[2], title[3]) if title else (None, None, 1.0)
    rest = text[len(title[0]):] if title else text
    if title is None:
        subtype, rest = name_parts(text)
        kind = _type_of_subtype(subtype)
    marker = _marker(rest)
    if marker:
        before, implied, marker_conf = marker
        kind = implied or kind
        return Addressee(segment, kind, subtype, before, True, min(confidence, marker_conf))
    return Addressee(segment, kind, subtype, rest, False, confidence)


def _type_of_subtype(subtype: str | None) -> str | None:
    return next((k for _, k, s in ORG_FORMS if s == subtype), None) if subtype else None


# ---------------------------------------------------------------- area


def _district_named(directory: Directory, name: str) -> tuple[Organisation, float, str] | None:
    """The district org a (possibly truncated or noisy) district name means."""
    districts = [e.org for e in directory.of_type("district")]
    exact = [d for d in districts if name in (d.district, name_parts(d.name)[1])]
    if exact:
        return exact[0], 0.95, f"อำเภอ{name}"
    starts = [d for d in districts if d.district.startswith(name)] if len(name) >= 3 else []
    if len(starts) == 1:
        return starts[0], 0.75, f"'อำเภอ{name}' is the start of only อำเภอ{starts[0].district}"
    scored = [(fuzz.ratio(name, d.district), d) for d in districts]
    if scored:
        score, best = max(scored, key=lambda x: x[0])
        if score >= NAME_THRESHOLD:
            return best, score / 100 * 0.9, f"'อำเภอ{name}' reads like อำเภอ{best.district} ({score:.0f}%)"
    return None


def _area_from_text(directory: Directory, text: str | None, source: str) -> Area | None:
    if not text:
        return None
    compacted = compact(text).removeprefix("สำนักงาน").removeprefix("นาย")
    subtype, core = name_parts(compacted)
    if subtype == "อำเภอ" and (found := _district_named(directory, core)):
        org, confidence, why = found
        return Area(org.district, org.province, f"{source} {why}", confidence)
    if subtype == "จังหวัด":
        return Area(None, core, f"{source} names จังหวัด{core}", 0.9)
    if subtype and (org := _named_org(directory, core, _type_of_subtype(subtype), subtype)):
        return Area(org[0].district or None, org[0].province, f"{source} is {short_name(org[0])}", 0.8 * org[1])
    return None


def issuing_area(letter: Letter, directory: Directory, named: list[Organisation] = ()) -> Area | None:
    """The district (and province) the letter comes from, with the evidence used."""
    key = doc_key(letter.doc_no)
    position = letter.signatory.position if letter.signatory else None
    receipt = letter.receipt.office if letter.receipt else None
    evidence = [
        _area_from_text(directory, letter.issuer, "issuer"),
        _area_from_office(directory, key.office if key else None),
        _area_from_text(directory, _after(position, "นายอำเภอ"), "signed by นายอำเภอ:"),
        _area_from_named(named),
        _scaled(_area_from_text(directory, receipt, "receipt stamp of"), 0.75),
    ]
    found = [a for a in evidence if a]
    return max(found, key=lambda a: a.confidence) if found else None


def _scaled(area: Area | None, factor: float) -> Area | None:
    """Weaker evidence: the receiving LAO is usually, not always, under the issuing district."""
    if area:
        area.confidence = round(area.confidence * factor, 3)
    return area


def _after(text: str | None, word: str) -> str | None:
    compacted = compact(text or "")
    return "อำเภอ" + compacted.split(word, 1)[1] if word in compacted else None


def _area_from_office(directory: Directory, office: str | None) -> Area | None:
    if office and office in directory.offices:
        district, province = directory.offices[office]
        return Area(district or None, province or None, f"office code {office} belongs to อำเภอ{district}", 0.9)
    return None


def _area_from_named(named: list[Organisation]) -> Area | None:
    districts = {(o.district, o.province) for o in named if o.type in LAO_TYPES and o.district}
    if len(districts) == 1:
        district, province = districts.pop()
        return Area(district, province, f"named addressees are in อำเภอ{district}", 0.7)
    return None


# ------------------------------------------------------------- routing


def _named_org(directory: Directory, name: str, kind: str | None, subtype: str | None,
               area: Area | None = None) -> tuple[Organisation, float] | None:
    """The organisation a name means, among orgs of ``kind``; a same-district one wins ties.

    Two organisations equally like the name (two อบต.บ้านใหม่ in different
    districts) and nothing to tell them apart: the match is kept, at a
    confidence below what counts as sure.
    """
    if not name:
        return None
    scored = []
    for entry in directory.of_type(kind):
        score = max(fuzz.ratio(name, entry.core), *(fuzz.ratio(name, f) for f in entry.forms))
        if subtype and entry.subtype and entry.subtype != subtype:
            score -= 10  # ทต. addressed, ทม. found: possible (a promotion), less likely
        local = bool(area and area.district and entry.org.district == area.district)
        scored.append((score + (2 if local else 0), entry.org.id or 0, entry.org))
    scored.sort(key=lambda x: (-x[0], x[1]))
    if not scored or scored[0][0] < NAME_THRESHOLD:
        return None
    score, _, org = scored[0]
    tied = len(scored) > 1 and scored[1][0] == score
    return org, min(score, 100) / 100 * (0.6 if tied else 1.0)


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
    if not pool:
        return [_unresolved(reading.text, f"{reason}: none in the directory")]
    return [_routing(e.org, reading.text, "distribution", reason, confidence) for e in pool]


def _name_one(reading: Addressee, directory: Directory, area: Area | None) -> Routing:
    found = _named_org(directory, reading.name, reading.type, reading.subtype, area)
    if found is None:
        return _unresolved(reading.text, f"no organisation in the directory is named like '{reading.name}'")
    org, score = found
    reason = f"'{reading.text}' names {short_name(org)} of อำเภอ{org.district or '?'} ({score:.0%} sure)"
    return _routing(org, reading.text, "named", reason, score * reading.confidence)


def _by_receipt(letter: Letter, directory: Directory, readings: list[Addressee],
                routings: list[Routing]) -> list[Routing]:
    """The LAO that stamped the letter received, when the letter is addressed to all of its
    type and the issuing district could not be found (so the distribution reached nobody)."""
    office = letter.receipt.office if letter.receipt else None
    found = office and _named_org(directory, name_parts(compact(office).removeprefix("สำนักงาน"))[1],
                                  "lao", None)
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
        return [_unresolved("", "no เรียน line was read")], None
    if directory is None or not directory.orgs:
        return [_unresolved(s, "no organisation directory loaded; kept as read") for s in segments], None
    readings = _share_markers([read_addressee(s) for s in segments])
    named = [_named_org(directory, r.name, r.type, r.subtype) for r in readings if not r.distribution]
    area = issuing_area(letter, directory, [n[0] for n in named if n and n[1] >= 0.8])
    routings: list[Routing] = []
    for reading in readings:
        routings += _distribute(reading, directory, area) if reading.distribution else [
            _name_one(reading, directory, area)]
    routings += _by_receipt(letter, directory, readings, routings)
    return _dedupe(routings), area


def _share_markers(readings: list[Addressee]) -> list[Addressee]:
    """``นายกเทศมนตรีตำบล และนายก อบต. ทุกแห่ง``: a bare title shares the ทุกแห่ง after it."""
    for i, reading in enumerate(readings):
        later = [r for r in readings[i + 1:] if r.distribution]
        if not reading.distribution and not reading.name and reading.type and later:
            reading.distribution, reading.confidence = True, min(reading.confidence, later[0].confidence)
    return readings


def _dedupe(routings: list[Routing]) -> list[Routing]:
    best: dict[object, Routing] = {}
    for r in routings:
        key = r.org_id if r.org_id is not None else ("?", r.addressee, r.reason)
        if key not in best or r.confidence > best[key].confidence:
            best[key] = r
    return list(best.values())
