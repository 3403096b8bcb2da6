"""Is this the same letter? Canonical doc_no + date, with tolerance for OCR noise.

Pure: two readings in, a confidence and the reasons out. Every tolerated
difference costs a penalty (a digit misread, ``งท`` for ``มท``, a day off,
an unread date); the confidence is one minus their sum. A match at or above
``STRONG`` is the same letter; between ``POSSIBLE`` and ``STRONG`` it is shown
as a possible match and never merged.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from docintake.registry.vocab import DIGIT_CONFUSIONS, PREFIX_CONFUSIONS, confusable
from docintake.text.normalize import thai_to_arabic_digits

STRONG = 0.8
POSSIBLE = 0.5

_DOC_NO = re.compile(r"^\s*([ก-ฮ]+)\.?\s*([\d.]*)\s*/\s*(ว)?\s*([\d ]+?)\s*$")


@dataclass(frozen=True)
class DocKey:
    """A document number cut into the parts OCR gets wrong separately."""

    prefix: str  # agency letters, e.g. "มท"
    code: str  # office code, e.g. "0810.6"
    circular: bool  # "ว " before the running number
    run: str  # running number, digits only

    @property
    def office(self) -> str:
        """``ชย 0023.14``: the part that names the issuing office."""
        return f"{self.prefix} {self.code}"


@dataclass
class Match:
    confidence: float
    reasons: list[str] = field(default_factory=list)

    @property
    def strong(self) -> bool:
        return self.confidence >= STRONG

    @property
    def possible(self) -> bool:
        return POSSIBLE <= self.confidence < STRONG

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons) or "same doc_no and date"


def doc_key(doc_no: str | None) -> DocKey | None:
    """Cut a canonical doc_no into its parts; None when it is not one.

    >>> doc_key("มท 0810.6/ว 2069")
    DocKey(prefix='มท', code='0810.6', circular=True, run='2069')
    >>> doc_key("ชย ๐๐๒๓.๖/๑ ๓๖๕").run
    '1365'
    >>> doc_key("แบบรายงาน") is None
    True
    """
    if not doc_no:
        return None
    m = _DOC_NO.match(thai_to_arabic_digits(doc_no))
    if not m or not m.group(4).strip():
        return None
    prefix, code, circ, run = m.groups()
    return DocKey(prefix, code, bool(circ), run.replace(" ", ""))


def canonical(doc_no: str) -> str:
    """A doc_no as typed by a person, in canonical form (unchanged when it is not one).

    >>> canonical("ชย๐๐๒๓.๑๔/๑๗๐๙"), canonical("มท 0810.6/ว2069")
    ('ชย 0023.14/1709', 'มท 0810.6/ว 2069')
    """
    key = doc_key(doc_no)
    if key is None:
        return " ".join(doc_no.split())
    return f"{key.office}/{'ว ' if key.circular else ''}{key.run}"


def _one_substitution(a: str, b: str) -> tuple[str, str] | None:
    """The differing characters when a and b differ in exactly one position."""
    if len(a) != len(b):
        return None
    diffs = [(x, y) for x, y in zip(a, b) if x != y]
    return diffs[0] if len(diffs) == 1 else None


def _prefix_penalty(a: str, b: str) -> tuple[float, str | None]:
    if a == b:
        return 0.0, None
    sub = _one_substitution(a, b)
    if sub and confusable(*sub, PREFIX_CONFUSIONS):
        return 0.05, f"prefix {a} read for {b} (OCR confusion {sub[0]}/{sub[1]})"
    if sub:
        return 0.15, f"prefix {a} vs {b}"
    return 0.35, f"prefixes differ ({a} vs {b})"


def _digits_penalty(what: str, a: str, b: str, costs: tuple[float, float, float]) -> tuple[float, str | None]:
    """Penalty for a run of digits: a known confusion, one edit, two edits."""
    if a == b:
        return 0.0, None
    sub = _one_substitution(a, b)
    if sub and confusable(*sub, DIGIT_CONFUSIONS):
        return costs[0], f"{what} {a} vs {b}: digit {sub[0]}/{sub[1]} misread"
    distance = Levenshtein.distance(a, b)
    if distance == 1:
        return costs[1], f"{what} {a} vs {b}: one digit differs"
    if distance == 2:
        return costs[2], f"{what} {a} vs {b}: two digits differ"
    return 1.0, f"{what} {a} vs {b}"


def _date_penalty(a: dt.date | None, b: dt.date | None) -> tuple[float, str | None]:
    if a == b:
        return (0.1, "neither date read") if a is None else (0.0, None)
    if a is None or b is None:
        return 0.1, "date not read on one side"
    if abs((a - b).days) == 1:
        return 0.1, f"dates a day apart ({a} vs {b})"
    if (a.month, a.day) == (b.month, b.day) and abs(a.year - b.year) == 1:
        return 0.12, f"years differ by one ({a} vs {b}): a misread year digit"
    if a.year == b.year and _one_substitution(a.isoformat(), b.isoformat()):
        return 0.2, f"dates differ in one digit ({a} vs {b})"
    return 0.45, f"dates differ ({a} vs {b})"


def _subject_penalty(a: str | None, b: str | None) -> tuple[float, str | None]:
    """Two real readings of one letter share their subject; numbers alone can collide."""
    if not a or not b:
        return 0.0, None
    similarity = ratio(a, b) / 100
    if similarity >= 0.8:
        return 0.0, None
    if similarity >= 0.5:
        return 0.1, f"subjects only {similarity:.0%} alike"
    return 0.3, f"subjects differ ({similarity:.0%} alike)"


def _key_penalties(a: DocKey, b: DocKey) -> list[tuple[float, str | None]]:
    penalties = [
        _prefix_penalty(a.prefix, b.prefix),
        _digits_penalty("office code", a.code, b.code, (0.05, 0.1, 0.2)),
        _digits_penalty("running number", a.run, b.run, (0.12, 0.25, 0.4)),
    ]
    if a.circular != b.circular:
        penalties.append((0.1, "one reading has ว before the running number, the other not"))
    return penalties


def compare(
    a_doc: str | None,
    a_date: dt.date | None,
    b_doc: str | None,
    b_date: dt.date | None,
    a_subject: str | None = None,
    b_subject: str | None = None,
) -> Match | None:
    """How likely two readings (doc_no, date[, subject]) are one letter; None if not at all.

    >>> compare("มท 0810.6/ว 2069", dt.date(2025, 5, 14), "มท 0810.6/ว 2069", dt.date(2025, 5, 14)).confidence
    1.0
    >>> m = compare("งท 0810.6/ว 2069", dt.date(2025, 5, 14), "มท 0810.6/ว 2069", dt.date(2025, 5, 14))
    >>> round(m.confidence, 2), m.strong
    (0.95, True)
    """
    ka, kb = doc_key(a_doc), doc_key(b_doc)
    if ka is None or kb is None:
        if not a_doc or not b_doc or a_doc.split() != b_doc.split():
            return None
        penalties = []  # unparsed but identical numbers
    else:
        penalties = _key_penalties(ka, kb)
    penalties += [_date_penalty(a_date, b_date), _subject_penalty(a_subject, b_subject)]
    total = sum(p for p, _ in penalties)
    if total >= 1.0:
        return None
    confidence = round(max(0.0, 1.0 - total), 3)
    return Match(confidence, [r for _, r in penalties if r])
