"""A task's life: open (made by routing) -> done (the clerk) -> open again (reopen).

Every change is one transaction with an audit line saying who did it and when
(``store.Actor``: the OS user, read once at the CLI edge). Re-ingest and
re-routing never touch the status: ``store.save_tasks`` keeps it, and keeps a
done task even when the letter is no longer routed to that LAO.
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from docintake.errors import NotFoundError
from docintake.models import Model
from docintake.registry import store
from docintake.registry.orgs import short_name

STATUSES = ("open", "done")


class TaskState(Model):
    task_id: int
    lao: str
    doc_no: str | None
    subject: str | None
    deadline: dt.date | None
    status: str
    note: str | None = None
    done_at: str | None = None
    changed: bool = True  # False: it already had this status, nothing was written


def task_state(db: Database, task_id: int) -> TaskState:
    rows = list(db.query(
        "SELECT t.id, t.status, t.note, t.done_at, t.deadline, l.doc_no, l.subject, o.name "
        "FROM tasks t JOIN letters l ON l.id = t.letter_id JOIN organisations o ON o.id = t.org_id "
        "WHERE t.id = ?", [task_id]))
    if not rows:
        raise NotFoundError(f"no task {task_id}; `docintake pending --lao NAME` shows the task numbers [in brackets].")
    r = rows[0]
    return TaskState(task_id=r["id"], lao=short_name(r["name"]), doc_no=r["doc_no"],
                     subject=r["subject"], deadline=r["deadline"], status=r["status"], note=r["note"],
                     done_at=r["done_at"])


def done(db: Database, task_id: int, actor: store.Actor, note: str | None = None) -> TaskState:
    """Mark a task done (with an optional note: what was sent, to whom)."""
    return _set_status(db, task_id, "done", actor, note)


def reopen(db: Database, task_id: int, actor: store.Actor, note: str | None = None) -> TaskState:
    """Open a done task again (marked done by mistake, or the work came back)."""
    return _set_status(db, task_id, "open", actor, note)


def _set_status(db: Database, task_id: int, status: str, actor: store.Actor, note: str | None) -> TaskState:
    with store.transaction(db):
        before = task_state(db, task_id)
        if before.status == status and note is None:
            return before.model_copy(update={"changed": False})
        kept_note = note if note is not None else before.note
        store.save_task_status(db, task_id, status, actor, note=kept_note)
        store.save_audit(db, "task_" + ("done" if status == "done" else "reopen"), {
            "task_id": task_id, "lao": before.lao, "doc_no": before.doc_no,
            "from": before.status, "to": status, "note": note}, actor)
        return task_state(db, task_id)
