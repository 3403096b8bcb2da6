"""One task per (letter, LAO): what to do, by when, and what the chain above says.

The effective deadline is the one in the letter addressed to the LAO; the
deadlines of the letters above it in the chain stand beside it. Flags:
``overdue_on_arrival`` (the deadline had passed when the letter arrived),
``conflicting_deadlines`` (the LAO's deadline is later than one further up
the chain, so meeting it still misses the upstream one), ``no_deadline``.

A letter whose deadline the text states but OCR left undated (a month lost,
a receipt stamp's month or a relative deadline's unit unread) may still name
the dates it can be; the task then takes the earliest (``earliest_reading``:
met by then, met whichever it was) and says so in ``deadline_earliest_reading``.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlite_utils import Database

from docintake.models import Deadline, Letter, Model
from docintake.registry import graph, store
from docintake.registry.vocab import LAO_TYPES

FLAGS = ("overdue_on_arrival", "conflicting_deadlines", "no_deadline", "deadline_earliest_reading")
SHOWN_READINGS = 4  # readings an earliest-reading deadline's text names
RECEIPT_WINDOW = dt.timedelta(days=120)  # a receipt stamp further from the letter date is misread


class UpstreamDeadline(Model):
    doc_no: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    deadline: dt.date | None = None
    placeholder: bool = False


class Task(Model):
    letter_id: int
    org_id: int
    directive: str
    deadline: dt.date | None = None
    deadline_text: str | None = None
    arrival: dt.date | None = None
    upstream: list[UpstreamDeadline] = []
    chain: list[str] = []
    flags: list[str] = []


def effective_deadline(letter: Letter) -> Deadline | None:
    """The earliest dated deadline in the letter (the one that binds first)."""
    dated = [d for d in letter.deadlines if d.date]
    return min(dated, key=lambda d: d.date) if dated else None


def earliest_reading(letter: Letter) -> Deadline | None:
    """The earliest date an undated deadline of the letter can be, its text saying
    it was chosen and among what; None when no unread deadline names readings.
    The earliest, not the likeliest: an LAO acting by it meets the deadline
    whichever reading is true, and the flag sends a clerk to the letter. That
    holds for a reading before the letter's own date too (a month lost: the
    parser allows a week before it): a relayed deadline already past on
    arrival happens (DOMAIN.md), and 9% of the corpora's deadlines are so."""
    named = [d for d in letter.unread_deadlines if d.readings]
    if not named:
        return None
    unread = min(named, key=lambda d: min(d.readings))
    readings = sorted(unread.readings)
    why = _why_chosen(readings)
    return Deadline(date=readings[0], text=f"{unread.text} [{why}]", relative=unread.relative, source=unread.source)


def _why_chosen(readings: list[dt.date]) -> str:
    """What a clerk reads beside an earliest-reading deadline: the readings, the earliest taken."""
    shown = ", ".join(d.isoformat() for d in readings[:SHOWN_READINGS])
    shown += ", …" if len(readings) > SHOWN_READINGS else ""
    if len(readings) == 1:
        return f"date not read; {shown} is the one reading"
    return f"date not read; it can be {shown}: the earliest taken"


def arrival_date(letter: Letter) -> dt.date | None:
    """When the letter reached the LAO: its receipt stamp when plausible, else its own date."""
    received = letter.receipt.date if letter.receipt else None
    if received and (letter.date is None or letter.date <= received <= letter.date + RECEIPT_WINDOW):
        return received
    return letter.date


def build_task(letter: Letter, letter_id: int, org_id: int, upstream: list[UpstreamDeadline],
               chain: list[str]) -> Task:
    """The task for one LAO. Pure."""
    deadline = effective_deadline(letter)
    flags = []
    if deadline is None and (deadline := earliest_reading(letter)) is not None:
        flags.append("deadline_earliest_reading")
    due = deadline.date if deadline else None
    arrival = arrival_date(letter)
    if due and arrival and due < arrival:
        flags.append("overdue_on_arrival")
    if due and any(u.deadline and u.deadline < due for u in upstream):
        flags.append("conflicting_deadlines")
    if due is None:
        flags.append("no_deadline")
    directive = " ".join(letter.directives) or letter.subject or "(no directive read; see the letter)"
    return Task(letter_id=letter_id, org_id=org_id, directive=directive, deadline=due,
                deadline_text=deadline.text if deadline else None, arrival=arrival,
                upstream=upstream, chain=chain, flags=flags)


def upstream_of(db: Database, letter_id: int) -> tuple[list[UpstreamDeadline], list[str]]:
    """Deadlines of the letters above this one (root first) and the chain's doc_nos."""
    ids = graph.ancestry(db, letter_id)
    rows = {r["id"]: r for r in store.rows(
        db, f"SELECT id, doc_no, date, issuer, deadline, placeholder FROM letters "
        f"WHERE id IN ({','.join('?' * len(ids))})", ids)}
    upstream = [
        UpstreamDeadline(doc_no=rows[i]["doc_no"], date=rows[i]["date"], issuer=rows[i]["issuer"],
                         deadline=rows[i]["deadline"], placeholder=bool(rows[i]["placeholder"]))
        for i in ids[:-1]
    ]
    return upstream, [rows[i]["doc_no"] or "?" for i in ids]


def refresh_tasks(db: Database, letter_ids: list[int], actor: store.Actor) -> int:
    """Rebuild the tasks of these letters from their routings and chains; done tasks stay done."""
    count = 0
    for letter_id in letter_ids:
        orgs = [r["org_id"] for r in store.rows(
            db, "SELECT DISTINCT r.org_id FROM routings r JOIN organisations o ON o.id = r.org_id "
            f"WHERE r.letter_id = ? AND o.type IN ({','.join('?' * len(LAO_TYPES))})",
            [letter_id, *LAO_TYPES])]
        if not orgs and not _has_tasks(db, letter_id):
            continue
        letter = store.row_to_letter(store.letter_row(db, letter_id))
        upstream, chain = upstream_of(db, letter_id)
        tasks = [build_task(letter, letter_id, org, upstream, chain) for org in orgs]
        store.save_tasks(db, letter_id, tasks, actor)
        count += len(tasks)
    return count


def _has_tasks(db: Database, letter_id: int) -> bool:
    return bool(store.rows(db, "SELECT 1 FROM tasks WHERE letter_id = ? LIMIT 1", [letter_id]))


def task_row(task: Task) -> dict:
    data = task.model_dump(mode="json")
    return {
        "letter_id": task.letter_id, "org_id": task.org_id, "directive": task.directive,
        "deadline": data["deadline"], "deadline_text": task.deadline_text, "arrival": data["arrival"],
        "upstream": json.dumps(data["upstream"], ensure_ascii=False),
        "chain": json.dumps(task.chain, ensure_ascii=False), "flags": json.dumps(task.flags),
    }
