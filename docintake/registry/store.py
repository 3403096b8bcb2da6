"""The registry database: opening it, its migrations, and the functions that write.

``save_*`` functions only write (they never decide); the graph, routing and
task modules decide what to write. A whole file is stored inside one
``transaction`` (BEGIN IMMEDIATE ... COMMIT), so after a crash it is either
fully in the registry or not at all. WAL mode and a busy timeout let a watcher
and an ``ingest`` share one registry.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from docintake.errors import DatabaseError
from docintake.models import Letter, PageText
from docintake.registry.identity import doc_key
from docintake.registry.schema import CORRECTIONS, FTS_TRIGRAM, SCHEMA_V1

BUSY_TIMEOUT_MS = 15_000
JSON_LIST_FIELDS = ("enclosures", "deadlines", "directives", "hashtags", "urls", "warnings", "unread_deadlines")
JSON_OBJECT_FIELDS = ("signatory", "contact", "receipt")


@dataclass(frozen=True)
class Actor:
    """Who did it and when: read once at the edge, written to rows and the audit log."""

    user: str
    now: dt.datetime

    @classmethod
    def current(cls) -> Actor:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):  # no passwd entry (containers)
            user = "unknown"
        return cls(user=user, now=dt.datetime.now().astimezone())

    @property
    def stamp(self) -> str:
        return self.now.isoformat(timespec="seconds")


def open_db(path: Path | str) -> Database:
    """Open (creating if needed) a registry and bring its schema up to date."""
    try:
        db = Database(str(path)) if str(path) != ":memory:" else Database(memory=True)
        # Autocommit outside transaction(): a write made without it is committed at
        # once instead of opening an implicit transaction that swallows later ones.
        db.conn.isolation_level = None
        db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.conn.execute("PRAGMA journal_mode = WAL")
        db.conn.execute("PRAGMA foreign_keys = ON")
        ensure_db_shape(db)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"cannot use {path} as a docintake registry ({exc}). "
            "Check the path, or give another with --db."
        ) from exc
    return db


def fts_trigram_available(db: Database) -> bool:
    """Whether this SQLite has FTS5 with the trigram tokenizer (3.34+)."""
    try:
        db.conn.execute("CREATE VIRTUAL TABLE temp._probe USING fts5(x, tokenize='trigram')")
        db.conn.execute("DROP TABLE temp._probe")
    except sqlite3.OperationalError:
        return False
    return True


def _migration_fts(db: Database) -> None:
    if fts_trigram_available(db):
        db.conn.executescript("BEGIN;" + FTS_TRIGRAM + "COMMIT;")
    # else: queries.search falls back to LIKE over letters.search_text


def _migration_unread_deadlines(db: Database) -> None:
    # ADD COLUMN cannot say IF NOT EXISTS: look first, so a rerun after a crash is safe
    if "unread_deadlines" not in {c.name for c in db["letters"].columns}:
        db.conn.execute("ALTER TABLE letters ADD COLUMN unread_deadlines TEXT NOT NULL DEFAULT '[]'")


def _migration_page_repairs(db: Database) -> None:
    # The text-level changes OCR made (tone marks put back, a run-together
    # line dropped) are automatic decisions: kept with their page and reason.
    if "repairs" not in {c.name for c in db["pages"].columns}:
        db.conn.execute("ALTER TABLE pages ADD COLUMN repairs TEXT NOT NULL DEFAULT '[]'")


MIGRATIONS: tuple[tuple[int, str, Any], ...] = (
    (1, "base schema", SCHEMA_V1),
    (2, "full-text search (FTS5 trigram)", _migration_fts),
    (3, "a clerk's corrections", CORRECTIONS),
    (4, "deadlines stated but not dated, with their readings", _migration_unread_deadlines),
    (5, "OCR's text repairs kept with their pages", _migration_page_repairs),
)


def ensure_db_shape(db: Database) -> list[int]:
    """Apply the migrations this registry has not had yet; returns their ids. Safe to rerun."""
    db.conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
    )
    done = {row[0] for row in db.conn.execute("SELECT id FROM migrations")}
    applied = []
    for number, name, step in MIGRATIONS:
        if number in done:
            continue
        if callable(step):
            step(db)
        else:
            db.conn.executescript("BEGIN;" + step + "COMMIT;")
        with transaction(db):
            db.conn.execute(
                "INSERT OR IGNORE INTO migrations VALUES (?, ?, ?)",
                (number, name, dt.datetime.now().isoformat(timespec="seconds")),
            )
        applied.append(number)
    return applied


@contextlib.contextmanager
def transaction(db: Database) -> Iterator[Database]:
    """One write transaction, taken up front (IMMEDIATE) so writers queue instead of deadlocking."""
    if db.conn.in_transaction:  # nested: sqlite-utils' own savepoints take over
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.rollback()
        raise
    db.conn.commit()


# ---------------------------------------------------------------- files, pages


def rows(db: Database, sql: str, params: Sequence = ()) -> list[dict]:
    """The rows of a SELECT as dicts. Not sqlite-utils' ``query``: it parses
    each statement and runs it inside a savepoint of its own (two more
    statements), a tax on the ~35 look-ups of every file ingested."""
    cursor = db.conn.execute(sql, params)
    keys = [d[0] for d in cursor.description]
    return [dict(zip(keys, values)) for values in cursor]


def file_by_sha(db: Database, sha256: str) -> dict | None:
    found = rows(db, "SELECT * FROM files WHERE sha256 = ?", [sha256])
    return found[0] if found else None


def save_file(db: Database, *, sha256: str, path: str, status: str, actor: Actor,
              pages: int = 0, letters: int = 0, size: int | None = None, error: str | None = None) -> int:
    # A failed file may be retried: its row is rewritten, its id kept.
    db.conn.execute(
        "INSERT INTO files (sha256, path, status, error, pages, letters, size, ingested_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO UPDATE SET path = excluded.path, "
        "status = excluded.status, error = excluded.error, pages = excluded.pages, "
        "letters = excluded.letters, size = excluded.size, ingested_at = excluded.ingested_at",
        (sha256, path, status, error, pages, letters, size, actor.stamp),
    )
    return file_by_sha(db, sha256)["id"]


def save_pages(db: Database, file_id: int, pages: list[PageText]) -> None:
    rows = [
        {"file_id": file_id, "idx": p.index, "text": p.text, "raw_text": p.raw_text,
         "words": _dumps([w.model_dump(mode="json") for w in p.words]), "path": p.path,
         "mean_conf": p.mean_conf, "engine": p.engine, "warnings": _dumps(p.warnings),
         "repairs": _dumps([r.model_dump(mode="json") for r in p.repairs])}
        for p in pages
    ]
    for row in rows:
        _insert(db, "pages", row)


# -------------------------------------------------------------------- letters


def letter_columns(letter: Letter) -> dict[str, Any]:
    """The letters-table columns for a Letter (JSON text for lists and objects)."""
    data = letter.model_dump(mode="json")
    key = doc_key(letter.doc_no)
    dated = sorted(d.date for d in letter.deadlines if d.date)
    row = {
        "doc_no": letter.doc_no, "doc_office": key.office if key else None,
        "doc_run": key.run if key else None, "date": data["date"], "kind": letter.kind,
        "urgency": letter.urgency, "issuer": letter.issuer, "address": letter.address,
        "subject": letter.subject, "addressee": letter.to, "refs": _dumps(data["references"]),
        "confidence": _dumps(data["confidence"]),
        "deadline": dated[0].isoformat() if dated else None, "search_text": search_text(letter),
    }
    row |= {f: _dumps(data[f]) for f in JSON_LIST_FIELDS}
    row |= {f: _dumps(data[f]) if data[f] is not None else None for f in JSON_OBJECT_FIELDS}
    return row


def search_text(letter: Letter) -> str:
    """Everything a clerk may search for beyond the indexed columns."""
    parts = [*letter.directives, *(d.text for d in letter.deadlines), *(e.text for e in letter.enclosures),
             *(r.text or r.issuer or "" for r in letter.references), *letter.hashtags]
    return "\n".join(p for p in parts if p)


def row_to_letter(row: dict) -> Letter:
    """A letters-table row back as a Letter (the merged, best-read values)."""
    data = {
        "kind": row["kind"] or "external", "doc_no": row["doc_no"], "date": row["date"],
        "urgency": row["urgency"], "issuer": row["issuer"], "address": row["address"],
        "subject": row["subject"], "to": row["addressee"], "references": json.loads(row["refs"]),
        "confidence": json.loads(row["confidence"]),
    }
    data |= {f: json.loads(row[f]) for f in JSON_LIST_FIELDS}
    data |= {f: json.loads(row[f]) if row[f] else None for f in JSON_OBJECT_FIELDS}
    return Letter.model_validate(data)


def save_letter(db: Database, letter: Letter, actor: Actor, *, letter_id: int | None = None,
                placeholder: bool = False) -> int:
    """Insert a letter (or rewrite row ``letter_id`` with new best-read values)."""
    row = letter_columns(letter) | {"placeholder": int(placeholder)}
    if letter_id is None:
        return _insert(db, "letters", row | {"created_at": actor.stamp, "updated_at": actor.stamp})
    # A sighting that changes no best-read value (the same copy in one more
    # bundle) leaves the row, its updated_at and its search index as they were.
    stored = db.conn.execute(f"SELECT {', '.join(row)} FROM letters WHERE id = ?", (letter_id,)).fetchone()
    if stored != tuple(row.values()):
        row["updated_at"] = actor.stamp
        db.conn.execute(f"UPDATE letters SET {', '.join(f'{c} = ?' for c in row)} WHERE id = ?",
                        (*row.values(), letter_id))
    return letter_id


def letter_row(db: Database, letter_id: int) -> dict:
    cursor = db.conn.execute("SELECT * FROM letters WHERE id = ?", (letter_id,))
    values = cursor.fetchone()
    if values is None:
        raise KeyError(f"no letter {letter_id}")
    return dict(zip((d[0] for d in cursor.description), values))


def _insert(db: Database, table: str, row: dict[str, Any]) -> int:
    """Plain INSERT (sqlite-utils' insert reads the table's schema on every call)."""
    cursor = db.conn.execute(
        f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", tuple(row.values()))
    return cursor.lastrowid


def save_sighting(db: Database, *, letter_id: int, file_id: int, position: int, letter: Letter,
                  role: str, score: float, match_reason: str | None = None,
                  match_confidence: float | None = None) -> int:
    row = {"letter_id": letter_id, "file_id": file_id, "position": position,
           "first_page": letter.pages[0], "last_page": letter.pages[1], "role": role,
           "reading": letter.model_dump_json(), "score": score, "match_reason": match_reason,
           "match_confidence": match_confidence}
    return _insert(db, "sightings", row)


def sightings_of(db: Database, letter_id: int) -> list[dict]:
    return rows(db, "SELECT s.*, f.path AS file_path FROM sightings s JOIN files f ON f.id = s.file_id "
                    "WHERE s.letter_id = ? ORDER BY s.id", [letter_id])


# ---------------------------------------------------------------- edges, audit


def save_edge(db: Database, src: int, dst: int, kind: str, reason: str, confidence: float, *,
              status: str = "confirmed", file_id: int | None = None) -> None:
    """Add an edge, or keep the better-supported one when it exists already."""
    db.conn.execute(
        "INSERT INTO edges (src, dst, kind, status, reason, confidence, file_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (src, dst, kind) DO UPDATE SET "
        "reason = excluded.reason, confidence = excluded.confidence, status = excluded.status, "
        "file_id = excluded.file_id WHERE excluded.confidence > edges.confidence",
        (src, dst, kind, status, reason, round(confidence, 3), file_id),
    )


def save_audit(db: Database, action: str, details: dict, actor: Actor) -> None:
    _insert(db, "audit", {"time": actor.stamp, "user": actor.user, "action": action, "details": _dumps(details)})


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


# ------------------------------------------------------- routings and tasks


def save_routings(db: Database, letter_id: int, routings: list) -> None:
    """Replace a letter's routings (``route.Routing`` models) with a fresh resolution."""
    db.conn.execute("DELETE FROM routings WHERE letter_id = ?", (letter_id,))
    db.conn.executemany(
        "INSERT INTO routings (letter_id, org_id, addressee, kind, reason, confidence) VALUES (?, ?, ?, ?, ?, ?)",
        [(letter_id, r.org_id, r.addressee, r.kind, r.reason, r.confidence) for r in routings],
    )


def save_tasks(db: Database, letter_id: int, tasks: list, actor: Actor) -> None:
    """Upsert a letter's tasks (``tasks.Task`` models), keeping status and notes; drop open
    tasks of organisations the letter is no longer routed to. A task whose values
    did not change keeps its updated_at (a calendar's LAST-MODIFIED)."""
    from docintake.registry.tasks import task_row

    for task in tasks:
        row = task_row(task)
        cols = ", ".join(row)
        values = [c for c in row if c not in ("letter_id", "org_id")]  # the key aside
        db.conn.execute(
            f"INSERT INTO tasks ({cols}, status, created_at, updated_at) "
            f"VALUES ({', '.join('?' * len(row))}, 'open', ?, ?) ON CONFLICT (letter_id, org_id) DO UPDATE SET "
            + ", ".join(f"{c} = excluded.{c}" for c in values) + ", updated_at = excluded.updated_at "
            + f"WHERE ({', '.join(values)}) IS NOT ({', '.join(f'excluded.{c}' for c in values)})",
            (*row.values(), actor.stamp, actor.stamp),
        )
    keep = [t.org_id for t in tasks]
    db.conn.execute(
        f"DELETE FROM tasks WHERE letter_id = ? AND status = 'open' "
        f"AND org_id NOT IN ({','.join('?' * len(keep)) or 'NULL'})", (letter_id, *keep))


def save_task_status(db: Database, task_id: int, status: str, actor: Actor, *, note: str | None) -> None:
    """A clerk marked a task done (or open again); ``done_at`` is set only while it is done."""
    db.conn.execute(
        "UPDATE tasks SET status = ?, note = ?, updated_at = ?, done_at = ? WHERE id = ?",
        (status, note, actor.stamp, actor.stamp if status == "done" else None, task_id))


# ---------------------------------------------------------------- corrections


def save_correction(db: Database, letter_id: int, field: str, value: Any, old_value: Any, actor: Actor,
                    note: str | None = None) -> int:
    """One clerk's change of one field (values as JSON; None clears the field)."""
    return _insert(db, "corrections", {
        "letter_id": letter_id, "field": field, "value": _dumps(value), "old_value": _dumps(old_value),
        "note": note, "user": actor.user, "time": actor.stamp})


def corrections_of(db: Database, letter_id: int) -> dict[str, Any]:
    """The clerk's value of each corrected field of a letter (the latest correction wins)."""
    rows = db.conn.execute(
        "SELECT field, value FROM corrections WHERE letter_id = ? ORDER BY id", (letter_id,))
    return {field: json.loads(value) for field, value in rows}


def relocate_file(db: Database, sha256: str, path: str) -> None:
    """The intake moved a stored scan (to processed/YYYY-MM/): point the registry at it."""
    with transaction(db):
        db.conn.execute("UPDATE files SET path = ? WHERE sha256 = ?", (path, sha256))
