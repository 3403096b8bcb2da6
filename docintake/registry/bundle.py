"""Physical order in a bundle: a forwarding letter is followed by its enclosed copies.

Pure. A clerk's scan holds the letter addressed to them first, then the copies
it encloses (สิ่งที่ส่งมาด้วย สำเนาหนังสือ...), each possibly enclosing the next
level's. Each enclosure that is a copy of a letter is paired with a following
letter of the same file: by identity when the numbers agree, else by order
when the evidence does not contradict it (a copy is never dated after the
letter enclosing it).

The enclosure line is a second reading of the copy's number and date: where
the copy's own letterhead gave none (a stamped or handwritten number lost to
OCR), a well-supported pairing fills them in from that line, with a warning;
not a number the parser withdrew because the two prints disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

from docintake.models import Enclosure, Letter, ParseWarning
from docintake.registry.identity import DocKey, compare, doc_key
from docintake.registry.orgs import PREFIX_OF_PROVINCE, fold, folded_parts
from docintake.registry.vocab import CODE_MINISTRIES, DEPARTMENT_CODES
from docintake.text.lexicon import PROVINCE_PREFIXES

COPY_WORDS = ("สำเนาหนังสือ", "สําเนาหนังสือ", "สำเนา")
# A pairing gives a copy a number only when two clues beyond order agree (0.6 + date + subject
# or issuer, or identity): a number is what the registry matches letters on, so a wrong one spreads further
# than a wrong edge does.
FILL_CONFIDENCE = 0.8
OFFICE_NAME_THRESHOLD = 90  # rapidfuzz ratio of two folded office names
_DEPARTMENT_CODE = [(fold(name), name, code) for name, code in DEPARTMENT_CODES]


@dataclass(frozen=True)
class Pairing:
    forwarder: int  # index of the enclosing letter in the file
    enclosure: int  # index of the enclosure entry in that letter
    copy: int  # index of the enclosed copy in the file
    confidence: float
    reason: str


def is_letter_copy(enclosure: Enclosure) -> bool:
    """An enclosure that is a copy of a letter (it has a number, or says สำเนาหนังสือ).

    >>> is_letter_copy(Enclosure(text="แบบรายงานผลการดำเนินงาน"))
    False
    >>> is_letter_copy(Enclosure(text="สำเนาหนังสือจังหวัดชัยภูมิ", doc_no="ชย 0023.6/6558"))
    True
    """
    compact = enclosure.text.replace(" ", "")
    return bool(enclosure.doc_no) or any(w in compact for w in COPY_WORDS[:2])


def _order_evidence(forwarder: Letter, enc: Enclosure, copy: Letter) -> tuple[float, list[str]] | None:
    """Confidence that ``copy`` (next in the file) is ``enc``, from weak clues; None if contradicted."""
    if forwarder.date and copy.date and copy.date > forwarder.date:
        return None  # a copy cannot be dated after the letter that encloses it
    confidence, clues = 0.6, []
    ka, kb = doc_key(enc.doc_no), doc_key(copy.doc_no)
    if ka and kb and ka.office == kb.office:
        confidence, clues = confidence + 0.15, clues + [f"same office code {ka.office}"]
    if forwarder.subject and copy.subject and ratio(forwarder.subject, copy.subject) >= 50:
        confidence, clues = confidence + 0.1, clues + ["similar subject"]
    if enc.date and copy.date and enc.date == copy.date:
        confidence, clues = confidence + 0.1, clues + [f"same date {enc.date}"]
    unreadable = not (ka and kb)
    if not clues and not unreadable:
        return None  # both numbers read, nothing in common: not this copy
    # What the line says of the letter it copies beyond its number and date: who issued it
    # (สำเนาหนังสือจังหวัดศรีสะเกษ ด่วนที่สุด) and how urgent, against the copy's letterhead.
    if _same_office(enc.issuer, copy.issuer):
        confidence, clues = confidence + 0.1, clues + [f"issued by {enc.issuer} as the line says"]
    if enc.urgency and enc.urgency == copy.urgency:
        confidence, clues = confidence + 0.05, clues + [f"both {enc.urgency}"]
    return round(min(confidence, 0.9), 3), clues or ["a number unreadable"]  # 0.6 + 0.1 + 0.1 is 0.7999…


def _same_office(named: str | None, letterhead: str | None) -> bool:
    """The office an enclosure line names (จังหวัดศรีสะเกษ) is the copy's letterhead
    (ศาลากลางจังหวัดศรีสะเกษ): same kind of office, names alike once folded."""
    if not named or not letterhead:
        return False
    (kind_a, core_a), (kind_b, core_b) = (folded_parts(fold(x)) for x in (named, letterhead))
    return kind_a == kind_b and ratio(core_a, core_b) >= OFFICE_NAME_THRESHOLD


def _describe(enc: Enclosure, copy: Letter) -> str:
    return (f"enclosure reads {enc.doc_no or enc.text[:40]} of {enc.date or '?'}; "
            f"the letter on pages {copy.pages[0]}-{copy.pages[1]} reads {copy.doc_no or '?'} of {copy.date or '?'}")


def _best_by_identity(enc: Enclosure, letters: list[Letter], free: list[int]) -> tuple[int, float, str] | None:
    scored = []
    for j in free:
        match = compare(enc.doc_no, enc.date, letters[j].doc_no, letters[j].date)
        if match and match.strong:
            scored.append((match.confidence, -j, j, match.reason))
    if not scored:
        return None
    confidence, _, j, reason = max(scored)
    return j, confidence, reason


def pair_enclosed_copies(letters: list[Letter]) -> list[Pairing]:
    """Pair every letter-copy enclosure with the following letter of the file that is that copy."""
    claimed: set[int] = set()
    pairings: list[Pairing] = []
    for i, letter in enumerate(letters):
        for k, enc in enumerate(letter.enclosures):
            if not is_letter_copy(enc):
                continue
            free = [j for j in range(i + 1, len(letters)) if j not in claimed]
            if not free:
                break
            pairing = _pair_one(i, k, letter, enc, letters, free)
            if pairing:
                claimed.add(pairing.copy)
                pairings.append(pairing)
    return pairings


def _pair_one(i: int, k: int, letter: Letter, enc: Enclosure, letters: list[Letter],
              free: list[int]) -> Pairing | None:
    by_identity = _best_by_identity(enc, letters, free)
    if by_identity:
        j, confidence, reason = by_identity
        return Pairing(i, k, j, min(0.98, confidence), f"{_describe(enc, letters[j])}; {reason}")
    j = free[0]  # the next unclaimed letter: physical order
    evidence = _order_evidence(letter, enc, letters[j])
    if evidence is None:
        return None
    confidence, clues = evidence
    reason = f"follows it in the file; {_describe(enc, letters[j])}; {', '.join(clues)}"
    return Pairing(i, k, j, confidence, reason)


def fill_from_enclosures(letters: list[Letter], pairings: list[Pairing]) -> list[Letter]:
    """The letters, each enclosed copy whose own doc_no or date was not read taking the one
    the enclosure line pairing it gives (a second reading of the same fact), with a warning."""
    filled = list(letters)
    for p in pairings:
        if p.confidence >= FILL_CONFIDENCE:
            filled[p.copy] = _filled(filled[p.copy], letters[p.forwarder], p)
    return filled


def _filled(copy: Letter, forwarder: Letter, p: Pairing) -> Letter:
    enc = forwarder.enclosures[p.enclosure]
    key = doc_key(enc.doc_no)
    where = f"enclosure {p.enclosure + 1} of the letter on pages {forwarder.pages[0]}-{forwarder.pages[1]}"
    misfit = _misfit(key, enc.issuer) if copy.doc_no is None and key else None
    # A number the parser withdrew because the copy and this line disagree is no number
    # the copy lacks: the line is the print it doubted (seeds 70, 84, 87: the listing was the misread one).
    doubted = any(w.code == "doc_no_conflict" for w in copy.warnings)
    updates = {"doc_no": enc.doc_no if copy.doc_no is None and key and not misfit and not doubted else None,
               "date": enc.date if copy.date is None else None}
    updates = {name: value for name, value in updates.items() if value is not None}
    warnings = [ParseWarning(code="read_from_enclosure", field=name,
                             message=f"{name} not read on the copy itself; {value} is what {where} says")
                for name, value in updates.items()]
    if misfit:
        warnings.append(ParseWarning(code="enclosure_number_misfit", field="doc_no", message=(
            f"{where} reads {enc.doc_no}, but {misfit}: a misreading, not given to the copy")))
    if not warnings:
        return copy
    if "doc_no" in updates and copy.kind != "memo":  # the ว of a circular is in its number
        updates["kind"] = "circular" if key.circular else "external"
    confidence = {**copy.confidence, **{name: round(p.confidence, 3) for name in ("doc_no", "date")
                                        if name in updates}}
    return copy.model_copy(update=updates | {"warnings": [*copy.warnings, *warnings], "confidence": confidence})


def _misfit(key: DocKey, named: str | None) -> str | None:
    """Why a number cannot be that of the office its enclosure line names, or None.

    A department's code (08xx) is numbered under its ministry's prefix, and a
    province's letters carry that province's prefix: a number breaking either
    rule was misread in one part or the other, and is not handed on.

    >>> _misfit(doc_key("สน 0823.6/ว 1255"), "จังหวัดสกลนคร")
    "code 0823.6 is a department's, numbered under มท, not สน"
    >>> _misfit(doc_key("ขก 0023.6/ว 1255"), "จังหวัดสกลนคร")
    'จังหวัดสกลนคร numbers its letters สน, not ขก'
    >>> _misfit(doc_key("สน 0023.6/ว 1648"), "จังหวัดสกลนคร") is None
    True
    >>> _misfit(doc_key("มท 0512.5/ว 2382"), "กรมส่งเสริมการปกครองท้องถิน")
    'กรมส่งเสริมการปกครองท้องถิ่น numbers its letters 08xx, not 0512.5'
    """
    ministry = next((m for code, m in CODE_MINISTRIES if key.code.startswith(code)), None)
    if ministry and key.prefix != ministry:
        return f"code {key.code} is a department's, numbered under {ministry}, not {key.prefix}"
    department = _department(named)
    if department and not key.code.startswith(department[1]):
        return f"{department[0]} numbers its letters {department[1]}xx, not {key.code}"
    kind, core = folded_parts(fold(named or ""))
    own = PREFIX_OF_PROVINCE.get(core) if kind == "จังหวัด" else None
    if own and key.prefix in PROVINCE_PREFIXES and key.prefix != own:
        return f"{named} numbers its letters {own}, not {key.prefix}"
    return None


def _department(named: str | None) -> tuple[str, str] | None:
    """(name, code start) of the department an enclosure line names, read through
    dropped marks and a letter of OCR noise (กรมส่งเสริมการปกครองท้องถิน)."""
    folded = fold(named or "")
    return next(((name, code) for f, name, code in _DEPARTMENT_CODE
                 if folded and ratio(folded, f) >= OFFICE_NAME_THRESHOLD), None)
