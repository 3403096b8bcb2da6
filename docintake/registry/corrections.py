"""A clerk's corrections (``docintake fix``): the value a person checked beats OCR.

Each correction is a row of its own table (``store.save_correction``) and an
audit line with the old and the new value. ``graph.remerge`` applies the
latest correction of every field after merging the readings
(``merge.apply_corrections``), so a re-ingest of the same letter, from the
same or another scan, cannot undo it; a re-scan that misreads the number the
same way is still recognised as that letter (``graph._corrected_away``).

A corrected number or date can make the letter one that other letters were
waiting for: a placeholder with that number is filled (folded into it), and
the chains and tasks of everything linked to it are worked out again.
Correcting a field to the value it already has confirms it (confidence 1, off
the review list).
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from docintake.errors import NotFoundError, UsageError
from docintake.models import URGENCY_LEVELS, Letter, Model
from docintake.registry import graph, store
from docintake.registry.identity import canonical, doc_key
from docintake.registry.ingest import route_letters, with_referrers
from docintake.registry.merge import CORRECTABLE
from docintake.registry.queries import find_letter
from docintake.registry.tasks import effective_deadline, refresh_tasks
from docintake.text.lexicon import BE_OFFSET
from docintake.text.normalize import thai_to_arabic_digits

CLEAR = ("-", "")  # what a clerk types to say "this field has no value"


class FieldChange(Model):
    field: str
    old: str | None
    new: str | None

    @property
    def confirmed(self) -> bool:
        """The clerk gave the value already read: it is checked now, not changed."""
        return self.old == self.new


class FixResult(Model):
    letter_id: int
    doc_no: str | None
    changes: list[FieldChange]
    filled: list[str] = []  # placeholders this letter turned out to be (their doc_nos)
    same_number: list[str] = []  # other received letters that now share its number
    tasks: int = 0  # tasks rebuilt


# ------------------------------------------------------------- clerk input


def clean_value(field: str, raw: str) -> str | None:
    """A value as the clerk typed it, in the registry's form (JSON-ready), or a UsageError.

    >>> clean_value("doc_no", "ชย ๐๐๒๓.๑๔/๑๗๐๙"), clean_value("date", "2568-06-16")
    ('ชย 0023.14/1709', '2025-06-16')
    >>> clean_value("urgency", "-") is None
    True
    """
    if field not in CORRECTABLE:
        raise UsageError(f"{field} cannot be corrected; these can: {', '.join(CORRECTABLE)}.")
    text = " ".join(raw.split())
    if text in CLEAR:
        return None
    if field in ("date", "deadline"):
        return _iso(field, text).isoformat()
    if field == "doc_no":
        if doc_key(text) is None:
            raise UsageError(f"--doc-no {raw!r}: give the number as printed, e.g. 'ชย 0023.14/1709' or 'มท 0810.6/ว 2069'.")
        return canonical(text)
    if field == "urgency" and text not in URGENCY_LEVELS:
        raise UsageError(f"--urgency {raw!r}: one of {', '.join(URGENCY_LEVELS)}, or - for none.")
    return text


def _iso(field: str, text: str) -> dt.date:
    """YYYY-MM-DD, Thai or Arabic digits, Gregorian or Buddhist year (2568 -> 2025)."""
    try:
        day = dt.date.fromisoformat(thai_to_arabic_digits(text))
    except ValueError as exc:
        raise UsageError(f"--{field} {text!r}: give the date as YYYY-MM-DD, e.g. 2025-06-16 (or 2568-06-16).") from exc
    return day.replace(year=day.year - BE_OFFSET) if day.year > 2400 else day


def current_value(letter: Letter, field: str) -> str | None:
    """A field's value now, in the form corrections store (ISO dates)."""
    if field == "deadline":
        due = effective_deadline(letter)
        return due.date.isoformat() if due else None
    value = getattr(letter, field)
    return value.isoformat() if isinstance(value, dt.date) else value


def resolve_letter(db: Database, ref: str) -> int:
    """A letter from what the clerk typed: its number, or ``#12`` (its id, for letters whose
    number was not read; ``docintake review`` shows it)."""
    if ref.strip().startswith("#") and ref.strip()[1:].isdigit():
        letter_id = int(ref.strip()[1:])
        if not list(db.query("SELECT 1 FROM letters WHERE id = ?", [letter_id])):
            raise NotFoundError(f"no letter #{letter_id} in the registry; `docintake review` lists the ids.")
        return letter_id
    return find_letter(db, ref)


# ------------------------------------------------------------------- fixing


def fix(db: Database, letter_id: int, values: dict[str, str | None], actor: store.Actor,
        note: str | None = None) -> FixResult:
    """Store the clerk's values for a letter, then re-resolve its identity, chain and tasks."""
    if not values:
        raise UsageError("say what to correct, e.g. --date 2025-06-16 or --deadline 2025-06-30.")
    with store.transaction(db):
        before = store.row_to_letter(store.letter_row(db, letter_id))
        changes = [FieldChange(field=f, old=current_value(before, f), new=v) for f, v in values.items()]
        for change in changes:
            store.save_correction(db, letter_id, change.field, change.new, change.old, actor, note)
        letter = graph.remerge(db, letter_id, actor)
        result = FixResult(letter_id=letter_id, doc_no=letter.doc_no, changes=changes)
        if {"doc_no", "date"} & values.keys():
            result.letter_id = _reidentify(db, letter_id, letter, actor, result)
        result.tasks = _reresolve(db, result.letter_id, actor)
        result.doc_no = store.letter_row(db, result.letter_id)["doc_no"]
        store.save_audit(db, "fix", {
            "letter_id": result.letter_id, "doc_no": result.doc_no, "note": note,
            "changes": [c.model_dump() for c in changes], "filled": result.filled,
            "same_number": result.same_number, "tasks": result.tasks}, actor)
    return result


def _reidentify(db: Database, letter_id: int, letter: Letter, actor: store.Actor, result: FixResult) -> int:
    """The corrected number/date may name a letter already known: fold placeholders in."""
    db.conn.execute("DELETE FROM edges WHERE kind = 'same_as' AND status = 'possible' AND ? IN (src, dst)",
                    (letter_id,))
    candidates = graph.find_matches(db, letter.doc_no, letter.date, letter.subject, exclude={letter_id})
    strong = [c for c in candidates if c.match.strong]
    received = [c for c in strong if not c.placeholder]
    if store.letter_row(db, letter_id)["placeholder"] and received:
        # A referenced number corrected into one received already: it was that letter all along.
        keep = received[0].letter_id
        result.filled.append(letter.doc_no or "?")
        graph.absorb(db, keep, letter_id)
        graph.remerge(db, keep, actor)
        return keep
    for cand in strong:
        other = store.letter_row(db, cand.letter_id)["doc_no"] or "?"
        if cand.placeholder:
            result.filled.append(other)
            graph.absorb(db, letter_id, cand.letter_id)
        else:
            result.same_number.append(other)
            store.save_edge(db, letter_id, cand.letter_id, "same_as",
                            f"a clerk's correction gives it the number of {other}: {cand.match.reason}",
                            cand.match.confidence, status="possible")
    for cand in candidates:
        if cand.match.possible:
            store.save_edge(db, letter_id, cand.letter_id, "same_as", cand.match.reason,
                            cand.match.confidence, status="possible")
    if result.filled:  # a folded-in placeholder may bring corrections of its own
        graph.remerge(db, letter_id, actor)
    return letter_id


def _reresolve(db: Database, letter_id: int, actor: store.Actor) -> int:
    """Chains through this letter, its routing (a corrected เรียน line) and every task below it."""
    affected = with_referrers(db, [letter_id])
    for other in affected:
        graph.derive_forwards(db, other)
    if not store.letter_row(db, letter_id)["placeholder"]:
        route_letters(db, [letter_id], actor)
    return refresh_tasks(db, graph.descendants(db, affected), actor)
