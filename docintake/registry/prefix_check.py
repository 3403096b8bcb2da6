"""A number's province prefix that the letterhead's own province contradicts, settled
by the directory.

The parser takes the letterhead's province over a prefix one letter off it
when the letterhead names the province (``ศาลากลางจังหวัดX``). A district's
letterhead (``ที่ว่าการอำเภอรัตภูมิ``) or an LAO's name names none, but the
directory knows the province (สงขลา: สข). Where that province's prefix is one
letter off the number's (``สบ ๐๐๒๓.๑๔/ว ๑๐๘๘`` for สข, seed 139: ข read บ, a
real prefix, สระบุรี's), the number is read with it, and so are the letter's
entries printed with the same prefix and code (its office's earlier letters:
``อ้างถึง หนังสืออำเภอรัตภูมิ ที่ สบ ๐๐๒๓.๑๔/๘๘๑``). Each change is warned
``prefix_from_directory`` with its reason, at confidence 0.7. Pure given the
directory.
"""

from __future__ import annotations

from docintake.models import Letter, ParseWarning
from docintake.parse.prefix import one_letter_off
from docintake.registry.area import area_named
from docintake.registry.directory import Directory
from docintake.registry.identity import doc_key
from docintake.registry.orgs import PREFIX_OF_PROVINCE, fold
from docintake.text.lexicon import PROVINCE_PREFIXES

CONFIDENCE = 0.7
SURE_AREA = 0.75  # an issuer read this well names its district (area.area_named)


def settle_prefix(letter: Letter, directory: Directory | None) -> Letter:
    """``letter`` with its number's prefix, and its entries' of the same office,
    read as the letterhead's province's; or unchanged."""
    key = doc_key(letter.doc_no)
    if directory is None or key is None or key.prefix not in PROVINCE_PREFIXES:
        return letter
    area = area_named(directory, letter.issuer, "issuer")
    if area is None or area.province is None or area.confidence < SURE_AREA:
        return letter
    own = PREFIX_OF_PROVINCE.get(fold(area.province))
    if own is None or own == key.prefix or not one_letter_off(own, key.prefix):
        return letter
    why = f"{area.reason}, in จังหวัด{area.province}, whose prefix is {own}"
    return _with_prefix(letter, key.prefix, own, key.code, why)


def _with_prefix(letter: Letter, misread: str, own: str, code: str, why: str) -> Letter:
    def mended(doc_no: str | None) -> str | None:
        return f"{own} {doc_no.split(' ', 1)[1]}" if doc_no and doc_no.startswith(f"{misread} {code}/") else doc_no

    warnings = [ParseWarning(code="prefix_from_directory", field="doc_no",
                             message=f"{letter.doc_no} read as {mended(letter.doc_no)}: {why}")]
    update = {"doc_no": mended(letter.doc_no), "confidence": {**letter.confidence, "doc_no": CONFIDENCE}}
    for field in ("references", "enclosures"):
        entries = getattr(letter, field)
        update[field] = [e.model_copy(update={"doc_no": mended(e.doc_no)}) for e in entries]
        warnings += [ParseWarning(code="prefix_from_directory", field=f"{field}[{k + 1}].doc_no",
                                  message=f"{e.doc_no} read as {mended(e.doc_no)}: the letter's own office ({why})")
                     for k, e in enumerate(entries) if mended(e.doc_no) != e.doc_no]
    return letter.model_copy(update={**update, "warnings": [*letter.warnings, *warnings]})
