"""The organisation directory as routing searches it: folded names, offices, fuzzy lookup.

Every name is stored folded (``orgs.fold``: no spaces, abbreviations spelt
out, tone marks and the circle of sara am ignored) so a reading's OCR noise
(``อำเภ้อ``, ``น้าพอง`` for น้ำพอง) costs nothing, while a different letter
still does. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from docintake.registry.orgs import Organisation, fold, folded_parts, forms_of, name_parts, office_aliases, short_name
from docintake.registry.vocab import (
    LAO_TYPES,
    NAME_LETTER_CONFUSIONS,
    NAME_VOWEL_CONFUSIONS,
    ORG_FORMS,
    PREFIX_CONFUSIONS,
)

NAME_THRESHOLD = 85  # rapidfuzz ratio for a named addressee
# A letter OCR confuses with another (vocab.PREFIX_CONFUSIONS: ข/ช, บ/ป, ด/ต; and
# vocab.NAME_LETTER_CONFUSIONS: ล/ส; vocab.NAME_VOWEL_CONFUSIONS: ี/ื, ิ/ึ) costs part of an edit, not a whole one: ratio on shape-folded names, less this.
SHAPE_PENALTY = 5
# ... tried only for a name within this of the threshold (about two such letters in a
# six-letter name): a name further off is no misreading of one in the directory.
SHAPE_REACH = 20


def _shape_table() -> dict[int, str]:
    """Each letter of a confusable group mapped to one of the group."""
    group: dict[str, str] = {}
    for a, b in (*PREFIX_CONFUSIONS, *NAME_LETTER_CONFUSIONS, *NAME_VOWEL_CONFUSIONS):
        ra, rb = group.get(a, a), group.get(b, b)
        low = min(ra, rb)
        for ch, rep in list(group.items()):
            if rep in (ra, rb):
                group[ch] = low
        group[a] = group[b] = low
    return str.maketrans(group)


_SHAPES = _shape_table()


def shape_fold(folded: str) -> str:
    """A folded name with the letters OCR confuses made one.

    >>> shape_fold("ทาขาง") == shape_fold("ทาชาง")
    True
    >>> shape_fold("ทาขาง") == shape_fold("ทาคาง")
    False
    >>> shape_fold("บรบีอ") == shape_fold("บรบือ")
    True
    >>> shape_fold("ทาหสวง") == shape_fold("ทาหลวง")
    True
    """
    return folded.translate(_SHAPES)


@dataclass
class Entry:
    org: Organisation
    subtype: str | None
    core: str  # folded
    forms: list[str]  # folded

    def __post_init__(self) -> None:
        self.shapes = sorted({shape_fold(f) for f in (self.core, *self.forms)})


class Directory:
    """Organisations indexed for matching; ``offices`` maps ``ชย 0023.14`` -> (district, province)."""

    def __init__(self, orgs: list[Organisation], offices: dict[str, tuple[str, str]] | None = None):
        self.orgs = orgs
        self.entries = [Entry(o, name_parts(o.name)[0], folded_parts(fold(o.name))[1],
                              sorted({fold(f) for f in forms_of(o)})) for o in orgs]
        self.set_offices(offices or {})
        self._by_type: dict[str, list[Entry]] = {}
        self._names: dict[tuple[str | None, bool], NameTable] = {}
        # Looked up for every letter routed (its issuer, signatory, number prefix): built once.
        self.provinces = [(p, fold(p)) for p in {o.province for o in orgs if o.province}]
        self.districts = [(e.org, fold(e.org.district), folded_parts(fold(e.org.name))[1])
                          for e in self.of_type("district")]

    def set_offices(self, learned: dict[str, tuple[str, str]]) -> None:
        """The offices learned from letters, and those the directory's aliases name
        (which win): swapped in without re-indexing the names, as ingest learns
        offices far more often than the directory changes."""
        self.offices = dict(learned)
        for org in self.orgs:
            for office in office_aliases(org):
                self.offices[office] = (org.district, org.province)

    def of_type(self, kind: str | None) -> list[Entry]:
        if kind is None:
            return self.entries
        if kind not in self._by_type:
            types = LAO_TYPES if kind == "lao" else (kind,)
            self._by_type[kind] = [e for e in self.entries if e.org.type in types]
        return self._by_type[kind]

    def names_of(self, kind: str | None, shapes: bool) -> NameTable:
        """Every name of the entries of ``kind`` in one list (their folded
        forms, or their shapes), built once: a name is scored against all of
        them in one rapidfuzz call instead of one call per name."""
        if (kind, shapes) not in self._names:
            self._names[kind, shapes] = NameTable(self.of_type(kind), shapes)
        return self._names[kind, shapes]

    def province_named(self, name: str) -> str | None:
        """The directory's spelling of a province a letter names (folded, maybe noisy).

        A letter OCR confuses with another (ป read บ) costs less, as for names
        (``match_name``): ลำบาง is ลำปาง.

        >>> d = Directory([Organisation(name="จังหวัดลำปาง", type="province", province="ลำปาง")])
        >>> d.province_named("ลาปาง"), d.province_named("ลำปาง."), d.province_named("ลำบาง"), d.province_named("เลย")
        ('ลำปาง', 'ลำปาง', 'ลำปาง', None)
        """
        name = fold(name)
        exact = [p for p, folded in self.provinces if folded == name]
        if exact:
            return exact[0]
        scored = sorted(((fuzz.ratio(name, folded), p) for p, folded in self.provinces), reverse=True)
        if scored and NAME_THRESHOLD - SHAPE_REACH <= scored[0][0] < NAME_THRESHOLD:
            shape = shape_fold(name)
            scored = sorted(((fuzz.ratio(shape, shape_fold(folded)) - SHAPE_PENALTY, p)
                             for p, folded in self.provinces), reverse=True)
        return scored[0][1] if scored and scored[0][0] >= NAME_THRESHOLD else None


LOCAL_REACH = 2  # an organisation of the issuing district this far below the best match still wins


@dataclass
class NameMatch:
    """What a name means in the directory. ``org`` is None when namesakes (one
    name in several districts) tie and nothing known tells them apart; ``why``
    says how one of several was chosen, or why none was."""

    org: Organisation | None
    score: float  # 0-1, how well the name reads as ``org`` (as the namesakes when None)
    namesakes: list[Organisation]  # every organisation of kind bearing the best match's name
    why: str = ""


def named_org(directory: Directory, name: str, kind: str | None, subtype: str | None,
              district: str | None = None, province: str | None = None) -> tuple[Organisation, float] | None:
    """The organisation a name means, among orgs of ``kind``: ``match_name`` without the
    why; None when nothing matches or namesakes cannot be told apart."""
    match = match_name(directory, name, kind, subtype, district, province)
    return (match.org, match.score) if match and match.org else None


def match_name(directory: Directory, name: str, kind: str | None, subtype: str | None,
               district: str | None = None, province: str | None = None) -> NameMatch | None:
    """The organisation a name means, among orgs of ``kind``, placed by the
    issuing ``district`` and ``province`` when several read as well.

    LAO names repeat (อบต.หนองบัว is in many districts): one of ``district``
    wins, else the only one of ``province``; when neither tells them apart
    the match names no organisation, never an arbitrary one of them.
    """
    name = fold(name)
    if not name:
        return None
    entries = directory.of_type(kind)
    scored = _scored(directory.names_of(kind, False), name, 0, subtype)
    if scored and NAME_THRESHOLD - SHAPE_REACH <= scored[0][0] < NAME_THRESHOLD:
        # Near, not near enough: a letter OCR confuses with another costs less (ท่าข้าง: ท่าช้าง).
        scored = _scored(directory.names_of(kind, True), shape_fold(name), SHAPE_PENALTY, subtype)
    if not scored or scored[0][0] < NAME_THRESHOLD:
        return None
    top = scored[0][0]
    local = [(s, o) for s, _, o in scored if s >= top - LOCAL_REACH and district and o.district == district
             and province in (None, o.province)]
    if local:
        score, org = local[0]
        tied = [o for s, o in local if s == score]
        return _placed(entries, tied, min(score + LOCAL_REACH, 100) / 100, f"อำเภอ{district}")
    tied = [o for s, _, o in scored if s == top]
    in_province = [o for o in tied if province and o.province == province]
    return _placed(entries, in_province or tied, min(top, 100) / 100,
                   f"จังหวัด{province}" if in_province else None)


MIN_NAME_AT_START = 4  # folded letters of a name the reading must start with
MIN_GLUED_DEBRIS = 3  # ... and of what follows it: less is a misreading of the name itself


def name_at_start(directory: Directory, name: str, kind: str | None, district: str) -> Organisation | None:
    """The one organisation of ``kind`` in ``district`` whose name ``name`` starts
    with, the rest OCR debris glued on (``สันป่าตองมาาสืจ``: a stamp's line read as
    the addressee's second, seed 87); None when none or several do.

    >>> d = Directory([Organisation(name="เทศบาลตำบลสันป่าตอง", type="municipality", district="ศีขรภูมิ")])
    >>> name_at_start(d, "สันป่าตองมาาสืจ", "municipality", "ศีขรภูมิ").name
    'เทศบาลตำบลสันป่าตอง'
    >>> name_at_start(d, "สันป่าตองมาาสืจ", "municipality", "เมืองสุรินทร์") is None
    True
    """
    name = fold(name)
    hits = {e.org.id or id(e.org): e.org for e in directory.of_type(kind) if e.org.district == district
            and len(e.core) >= MIN_NAME_AT_START and name.startswith(e.core)
            and len(name) - len(e.core) >= MIN_GLUED_DEBRIS}
    return next(iter(hits.values())) if len(hits) == 1 else None


LONG_NAME = 6  # folded letters of a name two of which OCR may lose and it still be told apart in a district


def near_in_district(directory: Directory, name: str, kind: str | None, subtype: str | None,
                     district: str) -> tuple[Organisation, int] | None:
    """The one organisation of ``kind`` (and ``subtype``) in ``district`` whose name
    is one letter off ``name``, or two off a name of ``LONG_NAME`` letters or more,
    with no other of the district as near; and how many letters off. OCR lost
    letters of a name the directory holds (``ภูขีว`` for ภูเขียว, seed 123: 83%
    alike, under the threshold a name is matched at among the whole country's).

    >>> d = Directory([Organisation(name="เทศบาลตำบลภูเขียว", type="municipality", district="ภูเขียว"),
    ...                Organisation(name="องค์การบริหารส่วนตำบลหนองไผ่", type="sao", district="ภูเขียว")])
    >>> near_in_district(d, "ภูขีว", "municipality", "ทต.", "ภูเขียว")[1]
    2
    >>> near_in_district(d, "ภูขีว", "municipality", "ทต.", "คอนสวรรค์"), near_in_district(d, "ภูขีว", "sao", None, "ภูเขียว")
    (None, None)
    """
    name = fold(name)
    near = sorted((Levenshtein.distance(name, e.core), e.org.id or 0, e.org) for e in directory.of_type(kind)
                  if e.org.district == district and (subtype is None or e.subtype in (None, subtype)))
    near = [(off, org) for off, _, org in near if off <= (2 if len(_core(org)) >= LONG_NAME else 1)]
    if not near or (len(near) > 1 and near[1][0] == near[0][0]):
        return None
    return near[0][1], near[0][0]


def _placed(entries: list[Entry], tied: list[Organisation], score: float, place: str | None) -> NameMatch:
    """One of ``tied`` when it is alone, saying where it was placed if it has namesakes."""
    same = [e.org for e in entries if e.org.type == tied[0].type and e.core == _core(tied[0])]
    if len(tied) > 1:
        listed = ", ".join(f"{short_name(o)} อำเภอ{o.district or '?'} จังหวัด{o.province or '?'}" for o in tied)
        where = f" in {place}" if place else ""
        return NameMatch(None, score, same or tied, f"ambiguous namesake: {len(tied)} read alike{where} ({listed})")
    org = tied[0]
    why = f"one of {len(same)} of that name, the one in {place}" if len(same) > 1 and place else ""
    return NameMatch(org, score, same or tied, why)


def _core(org: Organisation) -> str:
    return folded_parts(fold(org.name))[1]


class NameTable:
    """Some entries as arrays for scoring them all at once: their names
    flattened into one list (``starts[i]``: where entry i's begin; every
    entry has at least one), their subtypes and ids."""

    def __init__(self, entries: list[Entry], shapes: bool):
        self.entries = entries
        per_entry = [e.shapes if shapes else (e.core, *e.forms) for e in entries]
        self.names = [n for names in per_entry for n in names]
        self.starts = np.cumsum([0] + [len(names) for names in per_entry[:-1]]) if entries else np.zeros(0, int)
        self.subtypes = np.array([e.subtype or "" for e in entries], dtype=object)
        self.ids = np.array([e.org.id or 0 for e in entries], dtype=np.int64)

    def best_ratios(self, name: str) -> np.ndarray:
        """For each entry, the best ``fuzz.ratio`` of ``name`` to its names."""
        ratios = process.cdist([name], self.names, scorer=fuzz.ratio, dtype=np.float64, workers=1)[0]
        return np.maximum.reduceat(ratios, self.starts)


def _scored(table: NameTable, name: str, penalty: int,
            subtype: str | None) -> list[tuple[float, int, Organisation]]:
    """(score, id, org) for each entry within ``LOCAL_REACH`` of the best (all
    match_name looks at), best first (then lowest id): the best ratio of
    ``name`` to the entry's names, less ``penalty`` and a subtype mismatch.
    Scored as arrays: ~500 LAOs for each name a letter holds."""
    if not table.entries:
        return []
    scores = table.best_ratios(name) - penalty
    if subtype:  # ทต. addressed, ทม. found: possible (a promotion), less likely
        scores = np.where((table.subtypes != "") & (table.subtypes != subtype), scores - 10, scores)
    near = np.flatnonzero(scores >= scores.max() - LOCAL_REACH)
    order = near[np.lexsort((table.ids[near], -scores[near]))]  # stable, as a sort on (-score, id) is
    return [(float(scores[i]), int(table.ids[i]), table.entries[i].org) for i in order.tolist()]


_LAO_FORMS = sorted(((fold(f), k, sub) for f, k, sub in ORG_FORMS if k in LAO_TYPES), key=lambda f: -len(f[0]))


def lao_named(office: str | None) -> tuple[str, str, str, str | None] | None:
    """(the words read, the LAO's folded name, its kind, its subtype) for an
    office text naming an LAO (a memo's ส่วนราชการ ``กองคลัง อบต.ดงบัง``),
    read up to the first word without a Thai letter (OCR debris after the
    name); None when it names none.

    >>> lao_named("กองคลัง อบต.ดงบัง 0")[1:]
    ('ดงบัง', 'sao', 'อบต.')
    """
    words = (office or "").split()
    thai = words[: next((i for i, w in enumerate(words) if not re.search("[ก-ฮ]", w)), len(words))]
    folded = fold(" ".join(thai))
    for form, kind, subtype in _LAO_FORMS:
        if form in folded and (core := folded.rsplit(form, 1)[1]):
            return " ".join(thai), core, kind, subtype
    return None


def namesakes(directory: Directory, name: str, kind: str | None, subtype: str | None) -> list[Organisation]:
    """Every organisation of ``kind`` whose name reads as well as the best
    match for ``name`` (``match_name``): LAOs of one name in several districts."""
    match = match_name(directory, name, kind, subtype)
    return match.namesakes if match else []
