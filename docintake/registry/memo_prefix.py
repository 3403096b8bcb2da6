"""An LAO's number whose prefix OCR could not read, completed where the registry confirms it.

The parser leaves such a number null and keeps what it read
(``models.PartialDocNo``: ``73189/561``, the misread ``UN``, the prefixes
that shape fits, the districts the letter names). The registry knows two
things the letter does not, tried in this order:

1. ``registry``: a letter already stored with the same LAO code under one
   province prefix (``ขก 73189/402``): the code is that LAO's own.
2. ``directory``: the LAO the memo names as its office (``กองคลัง อบต.ดงบัง``),
   and its province. LAO names repeat across provinces and a directory may
   lack the very LAO a memo comes from while holding a namesake elsewhere, so
   the name alone is not enough: the directory's LAO must lie in a district
   the letter names (``ด้วยอำเภอบ้านเขว้าแจ้งว่า``), or its prefix must be one
   the misread prefix's shape fits. A district named elsewhere, or namesakes
   in two provinces, leaves the number unread.

Every completion is warned ``prefix_completed`` with its reason, at a
confidence below a prefix the letter itself gives. Pure given the db rows.
"""

from __future__ import annotations

from sqlite_utils import Database

from docintake.models import Letter, ParseWarning, PartialDocNo
from docintake.parse.docno import canonical_doc_no
from docintake.registry.directory import Directory, lao_named, namesakes
from docintake.registry.orgs import PREFIX_OF_PROVINCE, Organisation, fold, short_name
from docintake.text.lexicon import PROVINCE_PREFIXES

CONFIDENCE = {"registry": 0.6, "district": 0.6, "shape": 0.5}


def prefixes_of_code(db: Database, code: str) -> set[str]:
    """Province prefixes the registry's letters carry before LAO code ``code``."""
    rows = db.query("SELECT doc_no FROM letters WHERE doc_no LIKE ?", [f"% {code}/%"])
    return {r["doc_no"].split(" ")[0] for r in rows} & set(PROVINCE_PREFIXES)


def _in_named_district(org: Organisation, districts: list[str]) -> bool:
    """``districts`` are texts run on after อำเภอ (``บ้านเขว้าแจ้งว่า``)."""
    own = fold(org.district)
    return bool(own) and any(fold(d).startswith(own) for d in districts)


def from_directory(letter: Letter, part: PartialDocNo, directory: Directory) -> tuple[str, str, str] | None:
    """(prefix, basis, reason) from the LAO the memo names, when confirmed."""
    named = lao_named(letter.issuer) or lao_named(letter.to)
    orgs = namesakes(directory, named[1], named[2], named[3]) if named else []
    if part.districts and orgs:
        orgs = [o for o in orgs if _in_named_district(o, part.districts)]
        basis = "district"
    else:
        basis = "shape"
    prefixes = {PREFIX_OF_PROVINCE.get(fold(o.province)) for o in orgs}
    if len(prefixes) != 1 or None in prefixes:
        return None  # none, or namesakes in two provinces
    (prefix,) = prefixes
    if basis == "shape" and prefix not in part.shapes:
        return None  # the name alone: the directory may hold a namesake, not this LAO
    org = orgs[0]
    why = (f"อำเภอ{org.district} named in the letter" if basis == "district"
           else f"'{part.misread}' has the shape of {prefix}")
    return prefix, basis, (f"{named[0]} is {short_name(org)}, อำเภอ{org.district} จังหวัด{org.province} "
                           f"in the directory, and {why}")


def complete_prefix(letter: Letter, db: Database, directory: Directory | None) -> Letter:
    """``letter`` with its number completed (warned, confidence lowered), or unchanged."""
    part = letter.doc_no_partial
    if letter.doc_no is not None or part is None:
        return letter
    code = part.rest.split("/")[0]
    seen = prefixes_of_code(db, code)
    found = None
    if len(seen) == 1:
        prefix = next(iter(seen))
        found = prefix, "registry", f"the registry holds letters numbered {prefix} {code}/..."
    elif not seen and directory is not None:
        found = from_directory(letter, part, directory)
    doc_no = canonical_doc_no(f"{found[0]} {part.rest}") if found else None
    if doc_no is None:
        return letter
    prefix, basis, reason = found
    warning = ParseWarning(code="prefix_completed", field="doc_no", message=(
        f"prefix not readable ('{part.misread}' before {part.rest}); completed as {doc_no} ({basis}): {reason}"))
    confidence = {**letter.confidence, "doc_no": CONFIDENCE[basis]}
    return letter.model_copy(update={"doc_no": doc_no, "warnings": [*letter.warnings, warning],
                                     "confidence": confidence})
