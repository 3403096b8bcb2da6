"""store -> route: one parsed file into the registry, in one transaction.

The file, its pages, its letters (matched to letters already known), the
edges between them, their routings and tasks, and an audit line are written
together: a crash leaves either all of it or none. A file whose sha256 is
already stored changes nothing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlite_utils import Database

from docintake.models import Letter, Model, OcrResult, ParseResult
from docintake.registry import graph, store
from docintake.registry.bundle import Pairing, fill_from_enclosures, is_letter_copy, pair_enclosed_copies
from docintake.registry.memo_prefix import complete_prefix
from docintake.registry.orgs import load_orgs, read_directory, save_orgs
from docintake.registry.prefix_check import settle_prefix
from docintake.registry.route import Directory, route_letter
from docintake.registry.tasks import refresh_tasks


class IngestOutcome(Model):
    file: str
    sha256: str
    status: Literal["stored", "duplicate", "failed"]
    pages: int = 0
    letters: list[str] = []  # doc_nos as stored ("?" when not read)
    new: int = 0  # letters seen for the first time
    merged: int = 0  # letters already known from another file
    filled: int = 0  # placeholders (referenced before) now received
    placeholders: int = 0  # referenced letters not received yet
    tasks: int = 0
    error: str | None = None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def store_parsed(db: Database, *, path: str, sha256: str, ocr: OcrResult, parsed: ParseResult,
                 actor: store.Actor, size: int | None = None) -> IngestOutcome:
    """Store one file's pages and letters, link, route and task them: all or nothing."""
    with store.transaction(db):
        known = store.file_by_sha(db, sha256)
        if known and known["status"] == "stored":
            return IngestOutcome(file=path, sha256=sha256, status="duplicate", pages=known["pages"])
        file_id = store.save_file(db, sha256=sha256, path=path, status="stored", actor=actor,
                                  pages=len(ocr.pages), letters=len(parsed.letters), size=size)
        db.conn.execute("DELETE FROM pages WHERE file_id = ?", (file_id,))
        store.save_pages(db, file_id, ocr.pages)
        outcome = IngestOutcome(file=path, sha256=sha256, status="stored", pages=len(ocr.pages))
        pairings = pair_enclosed_copies(parsed.letters)
        letters = fill_from_enclosures(parsed.letters, pairings)
        directory = directory_of(db)
        letters = [settle_prefix(complete_prefix(letter, db, directory), directory) for letter in letters]
        ids = _store_letters(db, letters, pairings, file_id, path, actor, outcome)
        _link(db, letters, pairings, ids, file_id, actor, outcome)
        affected = with_referrers(db, ids)
        for letter_id in affected:
            graph.derive_forwards(db, letter_id)
        learned = route_letters(db, ids, actor)
        earlier = _reroute_by_office(db, learned, ids, actor)
        outcome.tasks = refresh_tasks(db, graph.descendants(db, affected + earlier), actor)
        outcome.letters = [store.letter_row(db, i)["doc_no"] or "?" for i in ids]
        store.save_audit(db, "ingest", outcome.model_dump(exclude={"letters"}) | {
            "letters": outcome.letters}, actor)
    return outcome


def record_failure(db: Database, *, path: str, sha256: str, error: str, actor: store.Actor,
                   size: int | None = None) -> IngestOutcome:
    """Remember a file that could not be read (a later ingest of it retries)."""
    with store.transaction(db):
        store.save_file(db, sha256=sha256, path=path, status="failed", error=error, actor=actor, size=size)
        store.save_audit(db, "ingest_failed", {"file": path, "sha256": sha256, "error": error}, actor)
    return IngestOutcome(file=path, sha256=sha256, status="failed", error=error)


def _store_letters(db: Database, letters: list[Letter], pairings: list[Pairing], file_id: int,
                   path: str, actor: store.Actor, outcome: IngestOutcome) -> list[int]:
    copies = {p.copy for p in pairings}
    ids: list[int] = []
    for i, letter in enumerate(letters):
        role = "enclosed_copy" if i in copies else "original"
        label = f"{Path(path).name} p{letter.pages[0]}-{letter.pages[1]}"
        letter_id, status = graph.store_reading(db, letter, actor, file_id=file_id, position=i,
                                                role=role, label=label, exclude=set(ids))
        setattr(outcome, status, getattr(outcome, status) + 1)
        ids.append(letter_id)
    return ids


def _link(db: Database, letters: list[Letter], pairings: list[Pairing], ids: list[int], file_id: int,
          actor: store.Actor, outcome: IngestOutcome) -> None:
    """Edges from this file: enclosed copies in it, enclosures and references to other letters."""
    paired = {}
    for p in pairings:
        paired[(p.forwarder, p.enclosure)] = p
        src, dst = ids[p.forwarder], ids[p.copy]
        store.save_edge(db, src, dst, "encloses", p.reason, p.confidence, file_id=file_id)
        store.save_edge(db, src, dst, "bundle_order", p.reason, p.confidence, file_id=file_id)
    for i, letter in enumerate(letters):
        for k, enc in enumerate(letter.enclosures):
            if (i, k) not in paired and enc.doc_no and is_letter_copy(enc):
                _edge_to(db, ids[i], "encloses", f"enclosure {k + 1}", enc, file_id, actor, outcome)
        for k, ref in enumerate(letter.references):
            if ref.doc_no:
                _edge_to(db, ids[i], "reference", f"อ้างถึง {k + 1}", ref, file_id, actor, outcome)


def _edge_to(db: Database, src: int, kind: str, what: str, entry, file_id: int,
             actor: store.Actor, outcome: IngestOutcome) -> None:
    dst, match = graph.target_of(db, actor, doc_no=entry.doc_no, date=entry.date, issuer=entry.issuer,
                                 urgency=entry.urgency, exclude={src})
    if match is None:
        outcome.placeholders += 1
        reason, confidence = f"{what} names {entry.doc_no} of {entry.date or '?'} (not received yet)", 1.0
    else:
        reason, confidence = f"{what} names {entry.doc_no} of {entry.date or '?'}: {match.reason}", match.confidence
    store.save_edge(db, src, dst, kind, reason, confidence, file_id=file_id)


def with_referrers(db: Database, ids: list[int]) -> list[int]:
    """These letters and those pointing at them (a filled placeholder can change their chain)."""
    marks = ",".join("?" * len(ids))
    referrers = [r["src"] for r in db.query(
        f"SELECT DISTINCT src FROM edges WHERE dst IN ({marks}) AND kind != 'forwards'", ids)] if ids else []
    return list(dict.fromkeys([*ids, *referrers]))


# ------------------------------------------------------------------ routing


@dataclass
class _CachedDirectory:
    orgs_print: str  # organisations' fingerprint the names were indexed for
    offices_print: str | None  # learned offices' fingerprint the offices were set from
    directory: Directory


def directory_of(db: Database) -> Directory:
    """The directory as routing needs it: its names re-indexed only when organisations
    changed (indexing 1,000 LAOs costs more than storing a file), its offices
    swapped in when ingest has learned one."""
    orgs_print, offices_print = db.conn.execute(
        "SELECT (SELECT COUNT(*) || ':' || COALESCE(MAX(id), 0) || ':' || TOTAL(LENGTH(aliases) + LENGTH(name)) "
        "FROM organisations), (SELECT COUNT(*) || ':' || GROUP_CONCAT(district, '') FROM doc_offices)"
    ).fetchone()
    cached = getattr(db, "_docintake_directory", None)
    if cached is None or cached.orgs_print != orgs_print:
        cached = db._docintake_directory = _CachedDirectory(orgs_print, None, Directory(load_orgs(db)))
    if cached.offices_print != offices_print:
        cached.directory.set_offices({r["office"]: (r["district"], r["province"])
                                      for r in db.query("SELECT * FROM doc_offices")})
        cached.offices_print = offices_print
    return cached.directory


def route_letters(db: Database, ids: list[int], actor: store.Actor,
                  directory: Directory | None = None) -> set[str]:
    """Resolve each letter's addressees and store the routings; learn office codes on
    the way (returned: the offices learned)."""
    directory = directory or directory_of(db)
    learned: set[str] = set()
    for letter_id in ids:
        row = store.letter_row(db, letter_id)
        routings, area = route_letter(store.row_to_letter(row), directory)
        store.save_routings(db, letter_id, routings)
        if area and area.district and area.reason.startswith("issuer") and area.confidence >= 0.75 \
                and row["doc_office"] and row["doc_office"] not in directory.offices:
            db["doc_offices"].insert({"office": row["doc_office"], "district": area.district,
                                      "province": area.province or "", "source": f"issuer of {row['doc_no']}",
                                      "confidence": area.confidence}, replace=True)
            directory.offices[row["doc_office"]] = (area.district, area.province or "")
            learned.add(row["doc_office"])
    return learned


def _reroute_by_office(db: Database, offices: set[str], done: list[int], actor: store.Actor) -> list[int]:
    """Letters stored earlier from an office whose district was just learned (from a later
    letter's readable issuer) are routed again: one whose issuer OCR lost (``ที่ว่าการอำเกอ...``
    unread) now finds its district by its number's office code, in any order of arrival."""
    if not offices:
        return []
    marks = ",".join("?" * len(offices))
    ids = [r["id"] for r in db.query(f"SELECT id FROM letters WHERE placeholder = 0 AND doc_office IN ({marks}) "
                                     "ORDER BY id", sorted(offices)) if r["id"] not in done]
    if ids:
        route_letters(db, ids, actor)
    return ids


def load_directory(db: Database, path: Path, actor: store.Actor) -> tuple[int, int]:
    """Add or update the organisations of a directory CSV, then route every letter again.

    Returns (organisations loaded, tasks after routing).
    """
    orgs = read_directory(path)
    with store.transaction(db):
        count = save_orgs(db, orgs)
        store.save_audit(db, "orgs_load", {"file": str(path), "organisations": count}, actor)
    return count, reroute_all(db, actor)


def reroute_all(db: Database, actor: store.Actor) -> int:
    """After the directory changed: route every received letter again and rebuild the tasks."""
    with store.transaction(db):
        ids = [r["id"] for r in db.query("SELECT id FROM letters WHERE placeholder = 0 ORDER BY id")]
        route_letters(db, ids, actor)
        count = refresh_tasks(db, ids, actor)
        store.save_audit(db, "reroute", {"letters": len(ids), "tasks": count}, actor)
    return count
