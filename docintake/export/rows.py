"""What the exports hold, read from the registry: one row per task, one per received letter.

ISO dates here; the writers decide how people see them.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

from sqlite_utils import Database

from docintake.models import Letter, Model
from docintake.registry import graph, store
from docintake.registry.orgs import Organisation, short_name
from docintake.registry.tasks import UpstreamDeadline, arrival_date

StatusFilter = Literal["open", "done", "all"]


class TaskRow(Model):
    task_id: int
    letter_id: int
    org_id: int
    lao: str  # short name, อบต.บ้านใหม่
    doc_no: str | None
    date: dt.date | None
    issuer: str | None
    to: str | None  # the เรียน line
    subject: str | None
    urgency: str | None
    directive: str
    deadline: dt.date | None
    deadline_time: str | None = None  # "16.30" when the letter gave one (ด่วนภายใน ... เวลา)
    deadline_text: str | None = None
    status: str
    note: str | None = None
    done_at: str | None = None
    updated_at: str | None = None
    flags: list[str] = []
    upstream: list[UpstreamDeadline] = []


class RegisterRow(Model):
    letter_id: int
    receipt_no: str | None  # เลขทะเบียนรับ from the receipt stamp, when read
    received: dt.date | None
    received_from_stamp: bool  # False: the day the scan entered the registry
    doc_no: str | None
    date: dt.date | None
    issuer: str | None
    to: str | None
    subject: str | None
    urgency: str | None
    directives: list[str]
    deadline: dt.date | None
    forwards: str | None  # the letter it forwards (doc_no)
    file: str | None  # where the scan is


_TASKS = (
    "SELECT t.id, t.letter_id, t.org_id, t.directive, t.deadline, t.deadline_text, t.status, t.note, "
    "t.done_at, t.updated_at, t.flags, t.upstream, l.doc_no, l.date, l.issuer, l.addressee, l.subject, "
    "l.urgency, l.deadlines, o.name AS org_name FROM tasks t JOIN letters l ON l.id = t.letter_id "
    "JOIN organisations o ON o.id = t.org_id"
)


def task_rows(db: Database, org: Organisation | None = None, status: StatusFilter = "open") -> list[TaskRow]:
    """Tasks of one LAO (or all), soonest deadline first, those without one last."""
    where, params = [], []
    if org is not None:
        where.append("t.org_id = ?")
        params.append(org.id)
    if status != "all":
        where.append("t.status = ?")
        params.append(status)
    sql = _TASKS + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY t.deadline IS NULL, t.deadline, l.date, o.name, t.id"
    return [_task_row(r) for r in db.query(sql, params)]


def _task_row(r: dict) -> TaskRow:
    return TaskRow(
        task_id=r["id"], letter_id=r["letter_id"], org_id=r["org_id"], lao=short_name(r["org_name"]),
        doc_no=r["doc_no"], date=r["date"], issuer=r["issuer"], to=r["addressee"], subject=r["subject"],
        urgency=r["urgency"], directive=r["directive"], deadline=r["deadline"],
        deadline_time=_deadline_time(r["deadlines"], r["deadline"]), deadline_text=r["deadline_text"],
        status=r["status"], note=r["note"], done_at=r["done_at"], updated_at=r["updated_at"],
        flags=json.loads(r["flags"]), upstream=json.loads(r["upstream"]))


def _deadline_time(deadlines: str, day: str | None) -> str | None:
    """The time of day the letter set for the task's deadline, if it set one."""
    for d in json.loads(deadlines or "[]"):
        if day and d.get("date") == day and d.get("time"):
            return d["time"]
    return None


def register_rows(db: Database) -> list[RegisterRow]:
    """Letters that arrived as originals (an enclosed copy is part of the letter it came with),
    in the order they were received."""
    rows = db.query(
        "SELECT l.*, MIN(f.ingested_at) AS ingested_at, MIN(f.path) AS file FROM letters l "
        "JOIN sightings s ON s.letter_id = l.id AND s.role = 'original' JOIN files f ON f.id = s.file_id "
        "WHERE l.placeholder = 0 GROUP BY l.id")
    found = [_register_row(db, r) for r in rows]
    return sorted(found, key=lambda r: (r.received or dt.date.max, r.letter_id))


def _register_row(db: Database, r: dict) -> RegisterRow:
    letter: Letter = store.row_to_letter(r)
    stamp = letter.receipt.date if letter.receipt else None
    from_stamp = stamp is not None and arrival_date(letter) == stamp  # a plausible stamp date
    parent = graph.parent_of(db, r["id"])
    return RegisterRow(
        letter_id=r["id"], receipt_no=letter.receipt.number if letter.receipt else None,
        received=stamp if from_stamp else dt.datetime.fromisoformat(r["ingested_at"]).date(),
        received_from_stamp=from_stamp, doc_no=letter.doc_no, date=letter.date, issuer=letter.issuer,
        to=letter.to, subject=letter.subject, urgency=letter.urgency, directives=letter.directives,
        deadline=r["deadline"], forwards=store.letter_row(db, parent)["doc_no"] if parent else None,
        file=r["file"])
