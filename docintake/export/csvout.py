"""Task list and register of received letters as CSV that Excel and LibreOffice open cleanly.

UTF-8 with a BOM (without it Excel shows Thai as mojibake), the csv module's
Excel dialect (CRLF, quotes where a value holds a comma, quote or newline),
column headers after the register of received letters (ทะเบียนหนังสือรับ),
dates in Thai form with an ISO column beside each (for sorting and formulas),
and no cell that a spreadsheet would run as a formula. Pure: rows in, bytes out.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence

from docintake.export.rows import RegisterRow, TaskRow
from docintake.registry.render import FLAG_WORDS
from docintake.registry.thaiformat import thai_date, thai_digits
from docintake.text.normalize import thai_to_arabic_digits

# ------------------------------------------------------------- vocabulary

TASK_COLUMNS: tuple[str, ...] = (
    "ลำดับ", "ที่", "ลงวันที่", "ลงวันที่ (ISO)", "จาก", "ถึง", "เรื่อง", "การปฏิบัติ",
    "กำหนดส่ง", "กำหนดส่ง (ISO)", "สถานะ", "หมายเหตุ", "ชั้นความเร็ว", "วันที่เสร็จ", "วันที่เสร็จ (ISO)",
    "อปท.", "รหัสงาน",
)
REGISTER_COLUMNS: tuple[str, ...] = (
    "ลำดับ", "เลขทะเบียนรับ", "วันที่รับ", "วันที่รับ (ISO)", "ที่", "ลงวันที่", "ลงวันที่ (ISO)",
    "จาก", "ถึง", "เรื่อง", "การปฏิบัติ", "หมายเหตุ", "ไฟล์สแกน",
)
STATUS_WORDS: dict[str, str] = {"open": "รอดำเนินการ", "done": "ดำเนินการแล้ว", "overdue": "เกินกำหนด"}
NOTE_WORDS: dict[str, str] = {
    "upstream": "ต้นเรื่อง {doc_no} กำหนด {deadline}",
    "deadline": "กำหนดส่ง {deadline}",
    "forwards": "ส่งต่อหนังสือ {doc_no}",
    "received_by_scan": "วันที่รับ = วันที่นำเข้าระบบ (ไม่พบตรารับ)",
}

# Cells starting with these are formulas (or become one) in Excel/LibreOffice (OWASP CSV injection).
FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """A cell a spreadsheet shows as text, never runs: a leading apostrophe before a formula start.

    >>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise("-2"), neutralise("ชย 0023.14/1709"), neutralise(7)
    ('\\'=HYPERLINK("http://x")', "'-2", 'ชย 0023.14/1709', 7)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(header: Sequence[str], records: Iterable[dict[str, object]]) -> bytes:
    """Records (header -> value) as UTF-8-with-BOM CSV bytes; every string cell neutralised."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, dialect="excel")
    writer.writerow(header)
    for record in records:
        writer.writerow([neutralise("" if record[h] is None else record[h]) for h in header])
    return out.getvalue().encode("utf-8-sig")


# ----------------------------------------------------------------- tasks


def tasks_csv(rows: list[TaskRow], as_of: dt.date | None = None, arabic: bool = False) -> bytes:
    """The task list; with ``as_of``, open tasks past their deadline say เกินกำหนด."""
    return to_csv(TASK_COLUMNS, (task_record(i, row, as_of, arabic) for i, row in enumerate(rows, 1)))


def task_record(n: int, row: TaskRow, as_of: dt.date | None, arabic: bool) -> dict[str, object]:
    done = dt.date.fromisoformat(row.done_at[:10]) if row.done_at else None
    return dict(zip(TASK_COLUMNS, (
        n, _num(row.doc_no, arabic), _date(row.date, arabic), _iso(row.date), row.issuer, row.to,
        row.subject, row.directive, _date(row.deadline, arabic), _iso(row.deadline),
        _status(row, as_of), task_note(row, arabic), row.urgency, _date(done, arabic), _iso(done),
        row.lao, row.task_id,
    )))


def _status(row: TaskRow, as_of: dt.date | None) -> str:
    if row.status == "open" and as_of and row.deadline and row.deadline < as_of:
        return STATUS_WORDS["overdue"]
    return STATUS_WORDS.get(row.status, row.status)


def task_note(row: TaskRow, arabic: bool = False) -> str:
    """The clerk's note, then what the registry noticed (flags, earlier deadlines up the chain)."""
    parts = [row.note] if row.note else []
    parts += [FLAG_WORDS.get(f, f) for f in row.flags if f != "no_deadline"]
    parts += [NOTE_WORDS["upstream"].format(doc_no=_num(u.doc_no or u.issuer or "?", arabic),
                                            deadline=_date(u.deadline, arabic))
              for u in row.upstream if u.deadline]
    return "; ".join(parts)


# -------------------------------------------------------------- register


def register_csv(rows: list[RegisterRow], arabic: bool = False) -> bytes:
    """ทะเบียนหนังสือรับ: one row per letter received, in the order received."""
    return to_csv(REGISTER_COLUMNS, (register_record(i, row, arabic) for i, row in enumerate(rows, 1)))


def register_record(n: int, row: RegisterRow, arabic: bool) -> dict[str, object]:
    notes = [row.urgency] if row.urgency else []
    if row.deadline:
        notes.append(NOTE_WORDS["deadline"].format(deadline=_date(row.deadline, arabic)))
    if row.forwards:
        notes.append(NOTE_WORDS["forwards"].format(doc_no=_num(row.forwards, arabic)))
    if not row.received_from_stamp:
        notes.append(NOTE_WORDS["received_by_scan"])
    return dict(zip(REGISTER_COLUMNS, (
        n, _num(row.receipt_no, arabic), _date(row.received, arabic), _iso(row.received),
        _num(row.doc_no, arabic), _date(row.date, arabic), _iso(row.date), row.issuer, row.to, row.subject,
        " ".join(row.directives), "; ".join(notes), row.file,
    )))


def _date(day: dt.date | None, arabic: bool) -> str | None:
    return thai_date(day, arabic=arabic) if day else None  # thai_date's "-" would be a formula start


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _num(text: str | None, arabic: bool) -> str | None:
    """Numbers in one kind of digit throughout (a receipt number may be read in Thai digits)."""
    if not text:
        return None
    return thai_to_arabic_digits(text) if arabic else thai_digits(text)
