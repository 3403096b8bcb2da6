"""One letter, several readings: the best-read value of each field wins.

A clerk's correction beats every reading: ``apply_corrections`` runs after
the merge, every time, so a later sighting cannot undo it.

Pure. A letter seen as an original in one scan and as an enclosed copy in
others has one reading per sighting; for every field the reading with the
highest confidence for that field wins (the parser's per-field confidence,
else the reading's overall score), and readings that disagree leave a
warning naming both values, so a clerk can check.
"""

from __future__ import annotations

import re
from typing import Any

from docintake.models import Deadline, Letter, ParseWarning
from docintake.registry.identity import doc_key

SCALAR_FIELDS = ("doc_no", "date", "urgency", "issuer", "address", "subject", "to")
COLLECTION_FIELDS = ("references", "enclosures", "deadlines", "directives", "hashtags", "urls",
                     "signatory", "contact", "receipt", "unread_deadlines")
UNSCORED = 0.6  # a reading without confidences: trusted less than a confident one


def reading_score(letter: Letter) -> float:
    """Overall quality of one reading, 0..1: mean field confidence less a little per warning.

    >>> reading_score(Letter(confidence={"doc_no": 0.9, "date": 0.7}))
    0.8
    >>> reading_score(Letter())
    0.6
    """
    values = list(letter.confidence.values())
    base = sum(values) / len(values) if values else UNSCORED
    return round(max(0.05, base - 0.02 * len(letter.warnings)), 3)


def _value(letter: Letter, name: str) -> Any:
    value = getattr(letter, name)
    return value if value not in (None, [], "") else None


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()) == " ".join(b.split())
    dump = lambda v: [x.model_dump() if hasattr(x, "model_dump") else x for x in v] if isinstance(v, list) else v  # noqa: E731
    return dump(a) == dump(b)


def _pick(readings: list[tuple[str, Letter]], name: str) -> tuple[int | None, list[ParseWarning]]:
    """Index of the winning reading for one field, and a warning when readings disagree."""
    scored = [
        (letter.confidence.get(name, reading_score(letter)), -i, i)
        for i, (_, letter) in enumerate(readings) if _value(letter, name) is not None
    ]
    if not scored:
        return None, []
    winner = max(scored)[2]
    best = _value(readings[winner][1], name)
    others = [(label, _value(letter, name)) for _, _, i in scored if i != winner
              for label, letter in [readings[i]] if not _same(_value(letter, name), best)]
    if not others or name not in SCALAR_FIELDS:
        return winner, []
    seen = "; ".join(f"{label} reads {value}" for label, value in others)
    message = f"{readings[winner][0]} reads {best} (kept, read best); {seen}"
    return winner, [ParseWarning(code="sightings_disagree", field=name, message=message)]


def merge_readings(readings: list[tuple[str, Letter]]) -> Letter:
    """Merge readings (label such as ``scan.pdf p3-4``, letter) into one Letter."""
    if len(readings) == 1:
        return readings[0][1].model_copy()
    fields: dict[str, Any] = {}
    confidence: dict[str, float] = {}
    warnings: list[ParseWarning] = []
    for name in SCALAR_FIELDS + COLLECTION_FIELDS:
        winner, disagreements = _pick(readings, name)
        warnings += disagreements
        if winner is None:
            continue
        letter = readings[winner][1]
        fields[name] = getattr(letter, name)
        if name in letter.confidence:
            confidence[name] = letter.confidence[name]
        if name == "doc_no":
            fields["kind"] = letter.kind
    fields.setdefault("kind", readings[0][1].kind)
    for _, letter in readings:
        warnings += [w for w in letter.warnings if w not in warnings and w.code != "sightings_disagree"]
    return Letter(**fields, warnings=warnings, confidence=confidence, pages=readings[0][1].pages)


# ------------------------------------------------------------- corrections

# Field a clerk corrects -> the key its confidence and warnings are filed under.
CORRECTABLE: dict[str, str] = {
    "doc_no": "doc_no", "date": "date", "deadline": "deadlines", "subject": "subject",
    "urgency": "urgency", "issuer": "issuer", "to": "to",
}
CLERK_DEADLINE_TEXT = "กำหนดส่งตามที่เจ้าหน้าที่แก้ไข"  # a deadline the clerk set where none was read


def apply_corrections(letter: Letter, values: dict[str, Any]) -> Letter:
    """The clerk's values (JSON form: ISO dates, None clears) over the read ones; a corrected
    field is certain, so its confidence becomes 1 and its warnings go. Pure.

    >>> read = Letter(doc_no="ชย 0023.14/1209", confidence={"doc_no": 0.4})
    >>> fixed = apply_corrections(read, {"doc_no": "ชย 0023.14/1709", "deadline": "2025-06-30"})
    >>> fixed.doc_no, fixed.confidence["doc_no"], fixed.deadlines[0].date.isoformat()
    ('ชย 0023.14/1709', 1.0, '2025-06-30')
    """
    values = {f: v for f, v in values.items() if f in CORRECTABLE}
    if not values:
        return letter
    data = letter.model_dump()
    for name, value in values.items():
        if name == "deadline":
            data["deadlines"] = _corrected_deadlines(letter, value)
            data["unread_deadlines"] = []  # the clerk read it: no reading left to choose from
        else:
            data[name] = value
    key = doc_key(values.get("doc_no"))
    if key and letter.kind != "memo":  # the ว of a circular is in its number
        data["kind"] = "circular" if key.circular else "external"
    keys = {CORRECTABLE[f] for f in values}
    data["confidence"] = {**letter.confidence, **dict.fromkeys(keys, 1.0)}
    data["warnings"] = [w for w in data["warnings"] if field_root(w["field"]) not in keys]
    return Letter.model_validate(data)


def _corrected_deadlines(letter: Letter, value: str | None) -> list[dict]:
    """The clerk's deadline replaces all read ones (it is the one that binds); the sentence
    it was read from stays, so people still see what the letter says."""
    if value is None:
        return []
    dated = sorted((d for d in letter.deadlines if d.date), key=lambda d: d.date)
    undated = [*letter.deadlines, *letter.unread_deadlines]
    prev = dated[0] if dated else (undated[0] if undated else None)
    if prev is None:
        return [Deadline(date=value, text=CLERK_DEADLINE_TEXT).model_dump()]
    same_day = prev.date is not None and prev.date.isoformat() == value
    return [Deadline(**(prev.model_dump() | {"date": value, "time": prev.time if same_day else None, "readings": []})).model_dump()]


def field_root(field: str | None) -> str | None:
    """``references[1].doc_no`` -> ``references``; ``receipt.date`` -> ``receipt``."""
    return re.split(r"[\[.]", field, maxsplit=1)[0] if field else None
