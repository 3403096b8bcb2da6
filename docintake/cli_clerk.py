"""The clerk's commands: export (tasks, register, ics), done, reopen, fix, review.

``docintake.cli`` calls ``register(app)`` at start-up. Every command takes
``--db`` (or ``$DOCINTAKE_DB``); those that print take ``--json`` (ISO dates)
and print Thai dates for people otherwise (``--arabic`` for Arabic digits).
Who made a change is the OS user (``store.Actor.current``), written to the
audit log with the time.

Exit codes (``docintake.errors.ExitCode``): 0 done; 2 a wrong option or value
(a date not YYYY-MM-DD, an unknown status, an ambiguous LAO name); 3 an export
file that cannot be written; 6 the registry cannot be opened; 7 no such task,
letter or LAO.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from docintake.cli_registry import ARABIC_OPTION, DB_OPTION, JSON_OPTION, _date_option, _db, _emit

OUT_OPTION = typer.Option(..., "--out", "-o", help="The file to write (replaced whole; the folder is created).")
AS_OF_OPTION = typer.Option(None, "--as-of", help="YYYY-MM-DD; default today.")
# review field -> the fix option that corrects it
FIX_OPTIONS = {"doc_no": "--doc-no", "date": "--date", "deadlines": "--deadline", "to": "--to",
               "urgency": "--urgency", "subject": "--subject", "issuer": "--issuer"}


class TaskStatus(str, Enum):
    open = "open"
    done = "done"
    all = "all"


class CalendarStatus(str, Enum):
    open = "open"
    all = "all"


def _console():
    from rich.console import Console

    return Console(highlight=False)


# ------------------------------------------------------------------ exports

export_app = typer.Typer(help="Write the task list, the register of received letters, or a calendar.",
                         no_args_is_help=True)


@export_app.command("tasks")
def export_tasks(
    out: Path = OUT_OPTION,
    lao: Optional[str] = typer.Option(None, "--lao", help="Only this LAO's tasks (default: every LAO)."),
    status: TaskStatus = typer.Option(TaskStatus.open, "--status", help="open, done or all."),
    as_of: Optional[str] = AS_OF_OPTION,
    arabic: bool = ARABIC_OPTION,
    db: Path = DB_OPTION,
) -> None:
    """The task list as CSV for Excel/LibreOffice (UTF-8 with BOM, Thai headers, ISO dates beside).

    Example: docintake export tasks --lao "อบต.บ้านใหม่ อำเภอเมืองเพ็ญ" --out งานค้าง.csv
    """
    from docintake.export import csvout, rows, write_atomic
    from docintake.registry.queries import find_org

    registry = _db(db)
    org = find_org(registry, lao) if lao else None
    found = rows.task_rows(registry, org, status.value)
    write_atomic(out, csvout.tasks_csv(found, _date_option(as_of) or dt.date.today(), arabic))
    typer.echo(f"{len(found)} task(s) written to {out}")


@export_app.command("register")
def export_register(out: Path = OUT_OPTION, arabic: bool = ARABIC_OPTION, db: Path = DB_OPTION) -> None:
    """ทะเบียนหนังสือรับ: every letter received (enclosed copies count with their letter), as CSV."""
    from docintake.export import csvout, rows, write_atomic

    found = rows.register_rows(_db(db))
    write_atomic(out, csvout.register_csv(found, arabic))
    typer.echo(f"{len(found)} letter(s) written to {out}")


@export_app.command("ics")
def export_ics(
    out: Path = OUT_OPTION,
    lao: str = typer.Option(..., "--lao", help="The LAO whose deadlines go in the calendar."),
    status: CalendarStatus = typer.Option(CalendarStatus.open, "--status",
                                          help="open, or all (done tasks come as cancelled events)."),
    db: Path = DB_OPTION,
) -> None:
    """Deadlines as an iCalendar file (Asia/Bangkok) with a reminder the day before.

    Import it into a phone or desktop calendar; importing a newer export
    updates the same events. Example: docintake export ics --lao อบต.โนนสูง --out งาน.ics
    """
    from docintake.export import ics, rows, write_atomic
    from docintake.registry.orgs import short_name
    from docintake.registry.queries import find_org
    from docintake.registry.store import Actor

    registry = _db(db)
    org = find_org(registry, lao)
    found = rows.task_rows(registry, org, status.value)
    write_atomic(out, ics.calendar(found, short_name(org), Actor.current().now))
    dated = sum(1 for r in found if r.deadline)
    typer.echo(f"{dated} deadline(s) written to {out}" +
               (f"; {len(found) - dated} task(s) without a deadline left out" if dated < len(found) else ""))


# --------------------------------------------------------------- lifecycle


def done(
    task_id: int = typer.Argument(..., help="The task number, shown [in brackets] by `docintake pending`."),
    note: Optional[str] = typer.Option(None, "--note", help="What was done (sent report no. ..., to whom)."),
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Mark a task done; it leaves `pending` and the open task list. Recorded with your user name."""
    from docintake.registry import lifecycle
    from docintake.registry.store import Actor

    _task_echo(lifecycle.done(_db(db), task_id, Actor.current(), note), as_json)


def reopen(
    task_id: int = typer.Argument(..., help="The task number."),
    note: Optional[str] = typer.Option(None, "--note", help="Why it is open again."),
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Open a done task again (marked done by mistake, or the work came back)."""
    from docintake.registry import lifecycle
    from docintake.registry.store import Actor

    _task_echo(lifecycle.reopen(_db(db), task_id, Actor.current(), note), as_json)


def _task_echo(state, as_json: bool) -> None:
    from docintake.registry.thaiformat import thai_date, thai_digits

    if as_json:
        _emit(state)
        return
    words = {"done": "ดำเนินการแล้ว", "open": "รอดำเนินการ"}[state.status]
    unchanged = "" if state.changed else " (ไม่มีการเปลี่ยนแปลง)"
    typer.echo(f"[{state.task_id}] {state.lao}: {words}{unchanged}  ที่ {thai_digits(state.doc_no or '?')}  "
               f"กำหนด {thai_date(state.deadline)}  เรื่อง {state.subject or '?'}")
    if state.note:
        typer.echo(f"    หมายเหตุ: {state.note}")


# ---------------------------------------------------------------------- fix


def fix(
    letter: str = typer.Argument(..., help="The letter's number as stored (e.g. 'ชย 0023.14/1209'), or #ID."),
    doc_no: Optional[str] = typer.Option(None, "--doc-no", help="The right number, e.g. 'ชย 0023.14/1709'."),
    date: Optional[str] = typer.Option(None, "--date", help="The letter's date, YYYY-MM-DD (2568-06-16 works too)."),
    deadline: Optional[str] = typer.Option(None, "--deadline", help="The deadline, YYYY-MM-DD; - for none."),
    subject: Optional[str] = typer.Option(None, "--subject", help="เรื่อง"),
    urgency: Optional[str] = typer.Option(None, "--urgency", help="ด่วนที่สุด, ด่วนมาก, ด่วน, or - for none."),
    issuer: Optional[str] = typer.Option(None, "--issuer", help="The issuing office."),
    to: Optional[str] = typer.Option(None, "--to", help="เรียน: who the letter is addressed to (re-routes it)."),
    note: Optional[str] = typer.Option(None, "--note", help="Why (kept with the correction)."),
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Correct what OCR misread; the correction wins over every reading, now and after re-ingest.

    Chains and tasks are worked out again, and the change is in the audit log
    with the old and new value. Giving the value already read confirms it.

    Example: docintake fix "ชย 0023.14/1209" --doc-no "ชย 0023.14/1709" --deadline 2025-06-30
    """
    from docintake.registry import corrections
    from docintake.registry.store import Actor

    given = {"doc_no": doc_no, "date": date, "deadline": deadline, "subject": subject, "urgency": urgency,
             "issuer": issuer, "to": to}
    values = {k: corrections.clean_value(k, v) for k, v in given.items() if v is not None}
    registry = _db(db)
    result = corrections.fix(registry, corrections.resolve_letter(registry, letter), values, Actor.current(), note)
    _emit(result) if as_json else _fix_table(result)


def _fix_table(result) -> None:
    from rich.table import Table

    from docintake.registry.thaiformat import thai_digits

    table = Table(title=f"แก้ไขหนังสือ #{result.letter_id} ที่ {thai_digits(result.doc_no or '?')}", title_justify="left")
    for head in ("ช่อง", "เดิม", "ใหม่"):
        table.add_column(head)
    for c in result.changes:
        table.add_row(c.field, c.old or "-", (c.new or "-") + ("  (ยืนยันค่าเดิม)" if c.confirmed else ""))
    console = _console()
    console.print(table)
    for doc in result.filled:
        console.print(f"เป็นหนังสือที่รออยู่: {thai_digits(doc)} (รวมเป็นฉบับเดียวกันแล้ว)", markup=False)
    for doc in result.same_number:
        console.print(f"! หนังสือ {thai_digits(doc)} มีเลขเดียวกัน: ตรวจว่าเป็นฉบับเดียวกันหรือไม่ "
                      "(docintake show)", markup=False)
    console.print(f"คำนวณงานใหม่ {result.tasks} รายการ", markup=False)


# ------------------------------------------------------------------- review


def review(
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=1, help="Only the N most urgent letters."),
    as_of: Optional[str] = AS_OF_OPTION,
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
    arabic: bool = ARABIC_OPTION,
) -> None:
    """Letters whose doubtful values need a look, most urgent first, with the OCR text around each.

    Then correct with `docintake fix` (or confirm a right value by giving it again).
    """
    from docintake.registry import review as reviewing

    day = _date_option(as_of) or dt.date.today()
    items = reviewing.review(_db(db), day, limit)
    if as_json:
        _emit({"as_of": day.isoformat(), "items": items})
        return
    console = _console()
    if not items:
        console.print("ไม่มีหนังสือที่ต้องตรวจ", markup=False)
    for item in items:
        _review_block(console, item, arabic)


def _review_block(console, item, arabic: bool) -> None:
    from rich.text import Text

    from docintake.registry.thaiformat import thai_date, thai_digits

    num = lambda s: thai_digits(s, arabic=arabic)  # noqa: E731
    due = "ไม่มีกำหนด" if item.deadline is None else f"กำหนด {thai_date(item.deadline, arabic=arabic)}" + (
        " เกินกำหนด" if item.overdue else f" (อีก {num(str(item.days_left))} วัน)")
    head = Text(f"#{item.letter_id}  ที่ {num(item.doc_no or '?')}  ลงวันที่ {thai_date(item.date, arabic=arabic)}"
                f"  {item.urgency or ''}  {due}", style="bold red" if item.overdue else "bold")
    console.print(head)
    console.print(Text(f"    เรื่อง {item.subject or '?'}"))
    for d in item.doubts:
        conf = f" ({d.confidence:.0%})" if d.confidence is not None else ""
        console.print(Text(f"    {d.field}: {d.value if d.value is not None else '(อ่านไม่ได้)'}{conf}"))
        for w in d.warnings:
            console.print(Text(f"      ! {w}", style="yellow"))
        if d.context:
            line = Text(f"      {d.context.file} หน้า {d.context.page}: …{d.context.before}")
            line.append(d.context.match, style="reverse")
            line.append(f"{d.context.after}…")
            console.print(line)
    hints = [f"{FIX_OPTIONS[d.field]} ..." for d in item.doubts if d.field in FIX_OPTIONS]
    if hints:
        ref = f'"{item.doc_no}"' if item.doc_no else f"#{item.letter_id}"
        console.print(Text(f"    แก้: docintake fix {ref} {' '.join(dict.fromkeys(hints))}", style="dim"))
    console.print()


def register(app: typer.Typer) -> None:
    """Add the clerk's commands to the docintake app (once)."""
    if getattr(app, "_clerk_commands", False):
        return
    app._clerk_commands = True
    app.add_typer(export_app, name="export")
    for command in (done, reopen, fix, review):
        app.command()(command)
