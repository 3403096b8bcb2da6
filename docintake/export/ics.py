"""Deadlines as an iCalendar file (RFC 5545) a clerk's phone calendar imports.

Written by hand (it is small) rather than with a dependency. One VEVENT per
task: an all-day event on the deadline, or a timed one in Asia/Bangkok when
the letter gave a time (ด่วนภายใน ... เวลา 16.30), a reminder the day before,
and a UID that stays the same for the task so a re-import updates the event
instead of adding another. Lines end in CRLF and are folded at 75 octets,
never inside a UTF-8 character (Thai letters are three octets each) and, where
it fits, never between a Thai letter and its vowel or tone mark. Pure: rows
and the export time in, bytes out.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from docintake import __version__
from docintake.export.rows import TaskRow
from docintake.registry.thaiformat import thai_date

TZID = "Asia/Bangkok"
VTIMEZONE = (  # Thailand has kept UTC+7 without daylight saving since 1920
    "BEGIN:VTIMEZONE", f"TZID:{TZID}", "BEGIN:STANDARD", "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0700", "TZOFFSETTO:+0700", "TZNAME:ICT", "END:STANDARD", "END:VTIMEZONE",
)
LINE_OCTETS = 75
ALL_DAY_REMINDER = "-PT15H"  # 09:00 the day before an all-day event (it starts at midnight)
TIMED_REMINDER = "-P1D"
TIMED_MINUTES = 30  # a timed deadline is shown as a short event ending at the given time
WORDS = {  # Thai text of the events
    "calendar": "กำหนดส่งงาน {lao}",
    "summary": "ส่ง: {subject}",
    "reminder": "พรุ่งนี้ครบกำหนด: {subject}",
    "letter": "ที่ {doc_no} ลงวันที่ {date}",
    "from": "จาก {issuer}",
    "action": "การปฏิบัติ: {directive}",
    "said": "ข้อความกำหนด: {text}",
    "upstream": "ต้นเรื่อง {doc_no} กำหนด {deadline}",
    "done": "เมื่อเสร็จแล้ว: docintake done {task_id}",
}
_TIME = re.compile(r"^(\d{1,2})[.:](\d{2})")


def escape_text(value: str) -> str:
    r"""A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped.

    >>> escape_text("ก, ข; ค\\ง\nจ")
    'ก\\, ข\\; ค\\\\ง\\nจ'
    """
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded into physical lines of at most 75 octets, joined by CRLF + space.

    >>> fold("SUMMARY:" + "ก" * 30).split("\\r\\n ")  # 8 + 90 octets: 22 letters, then 8
    ['SUMMARY:กกกกกกกกกกกกกกกกกกกกกก', 'กกกกกกกก']
    """
    pieces, current, size = [], "", 0
    for cluster in _clusters(line):
        octets = len(cluster.encode("utf-8"))
        limit = LINE_OCTETS - (1 if pieces else 0)  # a continuation line starts with a space
        if size + octets > limit and current:
            pieces.append(current)
            current, size = "", 0
        current, size = current + cluster, size + octets
    pieces.append(current)
    return "\r\n ".join(pieces)


def _clusters(text: str) -> list[str]:
    """Characters with their combining marks (Thai vowels above/below, tone marks) kept on."""
    out: list[str] = []
    for ch in text:
        if out and unicodedata.category(ch) == "Mn":
            if len(out[-1].encode("utf-8")) + len(ch.encode("utf-8")) <= LINE_OCTETS - 1:
                out[-1] += ch
                continue
        out.append(ch)
    return out


def calendar(rows: list[TaskRow], lao: str, now: dt.datetime) -> bytes:
    """A VCALENDAR of the tasks that have a deadline; ``now`` (aware) stamps every event."""
    stamp = _utc(now)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//docintake//docintake {__version__}//TH",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             "X-WR-CALNAME:" + escape_text(WORDS["calendar"].format(lao=lao)), f"X-WR-TIMEZONE:{TZID}",
             *VTIMEZONE]
    for row in rows:
        if row.deadline:
            lines += event(row, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")


def event(row: TaskRow, stamp: str) -> list[str]:
    """The VEVENT lines of one task (unfolded). A done task is CANCELLED, without a reminder."""
    subject = row.subject or row.directive
    when = _when(row)
    lines = ["BEGIN:VEVENT", f"UID:docintake-task-{row.task_id}-{row.letter_id}-{row.org_id}@docintake",
             f"DTSTAMP:{stamp}", *when]
    if row.updated_at:
        lines.append(f"LAST-MODIFIED:{_utc(dt.datetime.fromisoformat(row.updated_at))}")
    lines += ["SUMMARY:" + escape_text(WORDS["summary"].format(subject=subject)),
              "DESCRIPTION:" + escape_text(description(row)),
              "CATEGORIES:" + escape_text(row.lao), "TRANSP:TRANSPARENT",
              "STATUS:" + ("CANCELLED" if row.status == "done" else "CONFIRMED")]
    if row.status != "done":
        trigger = TIMED_REMINDER if "TZID" in when[0] else ALL_DAY_REMINDER
        lines += ["BEGIN:VALARM", "ACTION:DISPLAY", f"TRIGGER:{trigger}",
                  "DESCRIPTION:" + escape_text(WORDS["reminder"].format(subject=subject)), "END:VALARM"]
    return [*lines, "END:VEVENT"]


def _when(row: TaskRow) -> list[str]:
    """DTSTART/DTEND: timed in Asia/Bangkok when the letter gave a time, else the whole day."""
    match = _TIME.match(row.deadline_time or "")
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        end = dt.datetime.combine(row.deadline, dt.time(int(match[1]), int(match[2])))
        start = end - dt.timedelta(minutes=TIMED_MINUTES)
        return [f"DTSTART;TZID={TZID}:{start:%Y%m%dT%H%M%S}", f"DTEND;TZID={TZID}:{end:%Y%m%dT%H%M%S}"]
    after = row.deadline + dt.timedelta(days=1)
    return [f"DTSTART;VALUE=DATE:{row.deadline:%Y%m%d}", f"DTEND;VALUE=DATE:{after:%Y%m%d}"]


def description(row: TaskRow) -> str:
    """What the clerk needs on the phone: the letter, what to do, earlier deadlines, the command."""
    lines = [WORDS["letter"].format(doc_no=row.doc_no or "?", date=thai_date(row.date, arabic=True))]
    if row.issuer:
        lines.append(WORDS["from"].format(issuer=row.issuer))
    lines.append(WORDS["action"].format(directive=row.directive))
    if row.deadline_text:
        lines.append(WORDS["said"].format(text=row.deadline_text))
    lines += [WORDS["upstream"].format(doc_no=u.doc_no or u.issuer or "?", deadline=thai_date(u.deadline, arabic=True))
              for u in row.upstream if u.deadline]
    lines.append(WORDS["done"].format(task_id=row.task_id))
    return "\n".join(lines)


def _utc(moment: dt.datetime) -> str:
    """A UTC date-time (``...Z``); a naive time is taken as local."""
    return moment.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
