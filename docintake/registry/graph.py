"""The graph of letters: identity, placeholders, edges and chains.

A letter read from a file is matched against the registry (``identity``):
a strong match is the same letter (one more sighting, best-read values win),
a possible one is kept as a ``same_as`` edge with status ``possible``. A
reference or enclosed copy that is not in the registry yet becomes a
placeholder, filled in when the letter itself arrives, in any order.

Edges point from the later letter to the earlier one (``src`` refers to,
encloses or forwards ``dst``). ``forwards`` is the chain: each letter
forwards at most one letter, chosen from its enclosures (text or physical
order) or, failing that, a reference with the same subject.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio
from sqlite_utils import Database

from docintake.models import Letter
from docintake.registry import store
from docintake.registry.identity import Match, compare, doc_key
from docintake.registry.merge import apply_corrections, merge_readings, reading_score

UPSTREAM_KINDS = ("encloses", "bundle_order")


@dataclass
class Candidate:
    letter_id: int
    placeholder: bool
    match: Match


def find_matches(db: Database, doc_no: str | None, date: dt.date | None, subject: str | None = None,
                 *, exclude: set[int] = frozenset(), wide: bool = False) -> list[Candidate]:
    """Letters in the registry that may be this reading, best first (strong and possible only).

    ``wide`` also compares every letter of the same office (for a person's
    look-up, where a typo in the running number must still find it).
    """
    if not doc_no:
        return []
    rows = _candidate_rows(db, doc_no, date, wide)
    found = []
    for row in rows:
        if row["id"] in exclude:
            continue
        match = compare(doc_no, date, row["doc_no"], _date(row["date"]), subject, row["subject"])
        if match and match.confidence >= 0.5:
            found.append(Candidate(row["id"], bool(row["placeholder"]), match))
    # Best first; at equal confidence a real letter before a placeholder.
    return sorted(found, key=lambda c: (-c.match.confidence, c.placeholder, c.letter_id))


def _candidate_rows(db: Database, doc_no: str, date: dt.date | None, wide: bool = False) -> list[dict]:
    """Rows sharing the running number (numbers read alike), or the office within a day."""
    key = doc_key(doc_no)
    cols = "id, doc_no, date, subject, placeholder"
    if key is None:
        return store.rows(db, f"SELECT {cols} FROM letters WHERE doc_no = ?", [doc_no])
    runs = {key.run, "1" + key.run, key.run[1:] if key.run.startswith("1") else key.run}
    sql = f"SELECT {cols} FROM letters WHERE doc_run IN (?, ?, ?)"
    params: list = sorted(runs) + [key.run] * (3 - len(runs))
    if wide:
        sql += " OR doc_office = ?"
        params.append(key.office)
    elif date:
        sql += " OR (doc_office = ? AND date BETWEEN ? AND ?)"
        params += [key.office, (date - dt.timedelta(days=1)).isoformat(),
                   (date + dt.timedelta(days=1)).isoformat()]
    return store.rows(db, sql, params)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


# ------------------------------------------------------------------ letters


def store_reading(db: Database, letter: Letter, actor: store.Actor, *, file_id: int, position: int,
                  role: str, label: str, exclude: set[int]) -> tuple[int, str]:
    """Store one letter read from a file; returns (letter id, "new" | "merged" | "filled")."""
    candidates = find_matches(db, letter.doc_no, letter.date, letter.subject, exclude=exclude)
    strong = [c for c in candidates if c.match.strong] or _corrected_away(db, letter, exclude)
    score = reading_score(letter)
    if not strong:
        letter_id = store.save_letter(db, letter, actor)
        store.save_sighting(db, letter_id=letter_id, file_id=file_id, position=position,
                            letter=letter, role=role, score=score)
        _possible_links(db, letter_id, candidates, file_id)
        return letter_id, "new"
    target = strong[0]
    for other in strong[1:]:
        if other.placeholder:  # two placeholders of one letter: keep one
            absorb(db, target.letter_id, other.letter_id)
    store.save_sighting(db, letter_id=target.letter_id, file_id=file_id, position=position,
                        letter=letter, role=role, score=score,
                        match_reason=target.match.reason, match_confidence=target.match.confidence)
    remerge(db, target.letter_id, actor)
    _possible_links(db, target.letter_id, [c for c in candidates if c.match.possible], file_id)
    return target.letter_id, "filled" if target.placeholder else "merged"


def _corrected_away(db: Database, letter: Letter, exclude: set[int]) -> list[Candidate]:
    """Letters a clerk corrected that this reading is: their values no longer look like what
    OCR reads (a number or date set right), so compare with how they were read instead."""
    key = doc_key(letter.doc_no)
    if key is None:
        return []
    # The corrections table holds a clerk's handful of edits: scanning it is cheap.
    corrected = [r[0] for r in db.conn.execute(
        "SELECT DISTINCT c.letter_id FROM corrections c JOIN letters l ON l.id = c.letter_id "
        "WHERE (c.field = 'doc_no' AND c.old_value = ?) OR l.doc_office = ? OR l.doc_run = ? "
        "ORDER BY c.letter_id", (json.dumps(letter.doc_no, ensure_ascii=False), key.office, key.run))
        if r[0] not in exclude]
    found = []
    for letter_id in corrected:
        matches = [compare(letter.doc_no, letter.date, r.doc_no, r.date, letter.subject, r.subject)
                   for r in _as_read(db, letter_id)]
        best = max((m for m in matches if m), key=lambda m: m.confidence, default=None)
        if best and best.strong:
            best.reasons.insert(0, "reads like this letter before a clerk corrected it")
            found.append(Candidate(letter_id, bool(store.letter_row(db, letter_id)["placeholder"]), best))
    return sorted(found, key=lambda c: (-c.match.confidence, c.placeholder, c.letter_id))


def _as_read(db: Database, letter_id: int) -> list[Letter]:
    """Every reading of a letter as OCR gave it, and its values before the first correction."""
    readings = [Letter.model_validate_json(s["reading"]) for s in store.sightings_of(db, letter_id)]
    row = store.letter_row(db, letter_id)
    first = {field: json.loads(old) for field, old in db.conn.execute(
        "SELECT field, old_value FROM corrections WHERE letter_id = ? ORDER BY id DESC", (letter_id,))}
    before = {f: first.get(f, row[f]) for f in ("doc_no", "date", "subject")}
    return [*readings, Letter(**before)]


def remerge(db: Database, letter_id: int, actor: store.Actor) -> Letter:
    """Recompute a letter's best-read values from all its sightings; a clerk's corrections last.

    A placeholder (no sightings) keeps what its references said, corrected.
    """
    readings = [
        (f"{row['file_path']} p{row['first_page']}-{row['last_page']}",
         Letter.model_validate_json(row["reading"]))
        for row in store.sightings_of(db, letter_id)
    ]
    merged = merge_readings(readings) if readings else store.row_to_letter(store.letter_row(db, letter_id))
    merged = apply_corrections(merged, store.corrections_of(db, letter_id))
    store.save_letter(db, merged, actor, letter_id=letter_id, placeholder=not readings)
    return merged


def _possible_links(db: Database, letter_id: int, candidates: list[Candidate], file_id: int) -> None:
    for cand in candidates:
        if cand.match.possible and cand.letter_id != letter_id:
            store.save_edge(db, letter_id, cand.letter_id, "same_as", cand.match.reason,
                            cand.match.confidence, status="possible", file_id=file_id)


def absorb(db: Database, keep: int, drop: int) -> None:
    """Fold placeholder ``drop`` into ``keep``: its edges and sightings move over."""
    for end in ("src", "dst"):
        db.conn.execute(f"UPDATE OR IGNORE edges SET {end} = ? WHERE {end} = ?", (keep, drop))
    db.conn.execute("UPDATE sightings SET letter_id = ? WHERE letter_id = ?", (keep, drop))
    db.conn.execute("UPDATE corrections SET letter_id = ? WHERE letter_id = ?", (keep, drop))
    db.conn.execute("DELETE FROM edges WHERE src = dst OR src = ? OR dst = ?", (drop, drop))
    db.conn.execute("DELETE FROM letters WHERE id = ?", (drop,))


def target_of(db: Database, actor: store.Actor, *, doc_no: str, date: dt.date | None,
              issuer: str | None, urgency: str | None, exclude: set[int]) -> tuple[int, Match | None]:
    """The letter a reference or enclosure names: a known one, else a (new) placeholder."""
    candidates = find_matches(db, doc_no, date, exclude=exclude)
    if candidates and candidates[0].match.strong:
        return candidates[0].letter_id, candidates[0].match
    corrected = _corrected_away(db, Letter(doc_no=doc_no, date=date), exclude)
    if corrected:
        return corrected[0].letter_id, corrected[0].match
    key = doc_key(doc_no)
    kind = "circular" if key and key.circular else "external"
    stub = Letter(kind=kind, doc_no=doc_no, date=date, issuer=issuer, urgency=urgency)
    letter_id = store.save_letter(db, stub, actor, placeholder=True)
    _possible_links(db, letter_id, candidates, file_id=None)
    return letter_id, None


# ------------------------------------------------------------------- chains


def derive_forwards(db: Database, letter_id: int) -> int | None:
    """Choose the one letter this letter forwards and store it as its ``forwards`` edge."""
    db.conn.execute("DELETE FROM edges WHERE src = ? AND kind = 'forwards'", (letter_id,))
    best = _enclosed_parent(db, letter_id) or _referenced_parent(db, letter_id)
    if best is None:
        return None
    dst, confidence, reason = best
    store.save_edge(db, letter_id, dst, "forwards", reason, confidence)
    return dst


def _enclosed_parent(db: Database, letter_id: int) -> tuple[int, float, str] | None:
    rows = store.rows(
        db, "SELECT dst, MAX(confidence) AS confidence, GROUP_CONCAT(kind || ': ' || reason, ' | ') AS reason "
        "FROM edges WHERE src = ? AND status = 'confirmed' AND kind IN ('encloses', 'bundle_order') "
        "AND dst != ? GROUP BY dst", [letter_id, letter_id])
    ids = {r["dst"] for r in rows}
    # A copy that another enclosed copy itself encloses is further up: forward the nearest one.
    nested = {r["dst"] for r in store.rows(
        db, f"SELECT dst FROM edges WHERE kind IN ('encloses', 'bundle_order', 'forwards') "
        f"AND src IN ({','.join('?' * len(ids))})", list(ids))} if ids else set()
    rows = [r for r in rows if r["dst"] not in nested] or rows
    if not rows:
        return None
    best = max(rows, key=lambda r: (r["confidence"], -r["dst"]))
    return best["dst"], best["confidence"], f"encloses a copy: {best['reason'].split(' | ')[0]}"


def _referenced_parent(db: Database, letter_id: int) -> tuple[int, float, str] | None:
    """No copy enclosed: a referenced, received letter on the same subject is the one forwarded."""
    me = store.letter_row(db, letter_id)
    if not me["subject"]:
        return None
    rows = store.rows(
        db, "SELECT e.dst, e.confidence, l.subject, l.doc_no FROM edges e JOIN letters l ON l.id = e.dst "
        "WHERE e.src = ? AND e.kind = 'reference' AND e.status = 'confirmed' AND l.placeholder = 0 "
        "AND l.subject IS NOT NULL AND e.dst != ?", [letter_id, letter_id])
    scored = [(ratio(me["subject"], r["subject"]) / 100, r) for r in rows]
    scored = [(s, r) for s, r in scored if s >= 0.7]
    if not scored:
        return None
    similarity, row = max(scored, key=lambda x: (x[0], -x[1]["dst"]))
    reason = f"refers to {row['doc_no']} on the same subject ({similarity:.0%} alike)"
    return row["dst"], round(row["confidence"] * 0.8 * similarity, 3), reason


def parent_of(db: Database, letter_id: int) -> int | None:
    rows = store.rows(db, "SELECT dst FROM edges WHERE src = ? AND kind = 'forwards'", [letter_id])
    return rows[0]["dst"] if rows else None


def ancestry(db: Database, letter_id: int) -> list[int]:
    """Letter ids from the root directive down to ``letter_id`` (cycles cut)."""
    path = [letter_id]
    while (parent := parent_of(db, path[-1])) is not None and parent not in path:
        path.append(parent)
    return path[::-1]


def children_of(db: Database, letter_id: int) -> list[int]:
    return [r["src"] for r in store.rows(
        db, "SELECT src FROM edges WHERE dst = ? AND kind = 'forwards' ORDER BY src", [letter_id])]


def descendants(db: Database, roots: list[int]) -> list[int]:
    """``roots`` and every letter forwarding them, breadth first, each once."""
    seen: dict[int, None] = dict.fromkeys(roots)
    queue = list(roots)
    while queue:
        for child in children_of(db, queue.pop(0)):
            if child not in seen:
                seen[child] = None
                queue.append(child)
    return list(seen)


def chain_doc_nos(db: Database, letter_id: int) -> list[str]:
    """doc_nos from the root directive down (``?`` for a letter whose number was not read)."""
    ids = ancestry(db, letter_id)
    rows = {r["id"]: r["doc_no"] for r in store.rows(
        db, f"SELECT id, doc_no FROM letters WHERE id IN ({','.join('?' * len(ids))})", ids)}
    return [rows.get(i) or "?" for i in ids]


def loads(value: str | None) -> list | dict:
    return json.loads(value) if value else []
