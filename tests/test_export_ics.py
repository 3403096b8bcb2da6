"""iCalendar export, read back by a small RFC 5545 reader (unfold, split, unescape)."""

import datetime as dt
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docintake.export.ics import calendar, escape_text, fold
from docintake.export.rows import task_rows
from docintake.models import Deadline
from docintake.registry import lifecycle, queries, store
from docintake.registry.corrections import fix
from docintake.registry.testing import ACTOR, ingest_letters, letter, load_directory

DISTRICT = "ที่ว่าการอำเภอเมืองเพ็ญ"
NOW = dt.datetime(2025, 7, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
LONG_SUBJECT = "การขับเคลื่อนนโยบาย ๑ อปท. ๑ อัตลักษณ์ท้องถิ่น; ขอให้รายงานผล, ภายในกำหนด \\ ด่วนที่สุด"


# ------------------------------------------------------------ the reader


def physical_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    for line in lines:
        assert b"\n" not in line and b"\r" not in line, "a bare LF or CR"
        assert len(line) <= 75, f"{len(line)} octets: {line!r}"
        line.decode("utf-8")  # each physical line alone is valid UTF-8: no character was split
    return lines


def unfold(data: bytes) -> list[str]:
    logical: list[str] = []
    for raw in physical_lines(data):
        text = raw.decode("utf-8")
        if text.startswith(" "):
            logical[-1] += text[1:]
        else:
            logical.append(text)
    return logical


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def components(data: bytes) -> list[dict]:
    """Every component (VEVENT, VALARM, ...) as {"type", "props": {name: (params, value)}, "parent"}."""
    stack: list[dict] = []
    found = []
    for line in unfold(data):
        head, value = line.split(":", 1)
        name, *params = head.split(";")
        if name == "BEGIN":
            comp = {"type": value, "props": {}, "parent": stack[-1]["type"] if stack else None}
            stack.append(comp)
            found.append(comp)
        elif name == "END":
            assert stack.pop()["type"] == value
        else:
            stack[-1]["props"][name] = (params, value)
    assert not stack
    return found


# ------------------------------------------------------ folding, escaping


@pytest.mark.parametrize("line", [
    "X:" + "a" * 200,
    "SUMMARY:" + "ก" * 100,
    "SUMMARY:" + "ที่" * 40,  # letter + vowel + tone: a cluster of 9 octets
    "DESCRIPTION:" + "😀ก" * 30,  # 4-octet characters
    "SUMMARY:" + "x" * 66 + "กิ่",  # the cluster would straddle octet 75
    "SHORT:ok",
], ids=["ascii", "thai", "thai-clusters", "emoji", "cluster-at-the-edge", "short"])
def test_fold_stays_within_75_octets_and_unfolds_back(line):
    folded = (fold(line) + "\r\n").encode("utf-8")
    assert unfold(folded) == [line]
    for continuation in physical_lines(folded)[1:]:
        first = continuation.decode("utf-8")[1:2]
        assert unicodedata.category(first) != "Mn", "a Thai vowel or tone mark was cut from its letter"


@given(st.text(min_size=0, max_size=300))
def test_fold_property(text):
    line = "DESCRIPTION:" + escape_text(text)
    assert unfold((fold(line) + "\r\n").encode("utf-8")) == [line]


@pytest.mark.parametrize("text", ["ก, ข; ค", "a\\b", "บรรทัด\nสอง\r\nสาม", "\\n is not a newline", ""],
                         ids=["comma-semicolon", "backslash", "newlines", "literal-backslash-n", "empty"])
def test_escape_round_trip(text):
    escaped = escape_text(text)
    assert "\n" not in escaped and not re.search(r"(?<!\\)[;,]", escaped)
    assert unescape(escaped) == text.replace("\r\n", "\n")


# ---------------------------------------------------------- the calendar


@pytest.fixture
def db():
    db = store.open_db(":memory:")
    load_directory(db)
    ingest_letters(db, letter("ชย 0023.6/1478", "2025-05-28", deadline="2025-06-05"), name="prov.txt")
    ingest_letters(db, letter("ชย 0023.14/1709", "2025-06-16", deadline="2025-06-30", issuer=DISTRICT,
                              to="นายกองค์การบริหารส่วนตำบลโนนสูง", subject=LONG_SUBJECT,
                              copies=[("ชย 0023.6/1478", "2025-05-28")]), name="d.txt")
    timed = letter("ชย 0023.14/1800", "2025-06-20", issuer=DISTRICT, to="นายกองค์การบริหารส่วนตำบลโนนสูง",
                   subject="ด่วนภายในเวลา")
    timed.deadlines = [Deadline(date=dt.date(2025, 6, 24), time="16.30", text="ด่วนภายใน ๒๔ มิ.ย. ๖๘ เวลา ๑๖.๓๐ น.",
                                source="urgency")]
    ingest_letters(db, timed, name="t.txt")
    ingest_letters(db, letter("ชย 0023.14/1900", "2025-06-26", issuer=DISTRICT,
                              to="นายกองค์การบริหารส่วนตำบลโนนสูง", subject="ไม่มีกำหนด"), name="n.txt")
    return db


def _export(db, status="open", now=NOW):
    org = queries.find_org(db, "อบต.โนนสูง")
    return calendar(task_rows(db, org, status), "อบต.โนนสูง", now)


def _events(data):
    return [c for c in components(data) if c["type"] == "VEVENT"]


def test_calendar_is_valid_and_complete(db):
    data = _export(db)
    comps = components(data)
    cal = comps[0]
    assert cal["type"] == "VCALENDAR" and cal["props"]["VERSION"][1] == "2.0" and "PRODID" in cal["props"]
    tz = next(c for c in comps if c["type"] == "VTIMEZONE")
    assert tz["props"]["TZID"][1] == "Asia/Bangkok"
    events = _events(data)
    assert len(events) == 2  # the task without a deadline has no date to put in a calendar
    for ev in events:
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert required in ev["props"]
        assert ev["props"]["DTSTAMP"][1] == "20250701T020000Z"
    alarms = [c for c in comps if c["type"] == "VALARM"]
    assert len(alarms) == 2 and {a["parent"] for a in alarms} == {"VEVENT"}
    assert {a["props"]["TRIGGER"][1] for a in alarms} == {"-P1D", "-PT15H"}
    assert all(a["props"]["ACTION"][1] == "DISPLAY" and a["props"]["DESCRIPTION"][1] for a in alarms)


def test_all_day_and_timed_events(db):
    by_subject = {unescape(e["props"]["SUMMARY"][1]): e["props"] for e in _events(_export(db))}
    all_day = by_subject["ส่ง: " + LONG_SUBJECT]  # escaped ; , \ came back intact
    assert all_day["DTSTART"] == (["VALUE=DATE"], "20250630") and all_day["DTEND"] == (["VALUE=DATE"], "20250701")
    timed = by_subject["ส่ง: ด่วนภายในเวลา"]
    assert timed["DTSTART"] == (["TZID=Asia/Bangkok"], "20250624T160000")
    assert timed["DTEND"] == (["TZID=Asia/Bangkok"], "20250624T163000")
    description = unescape(all_day["DESCRIPTION"][1])
    assert "ที่ ชย 0023.14/1709 ลงวันที่ 16 มิ.ย. 2568" in description
    assert "ต้นเรื่อง ชย 0023.6/1478 กำหนด 5 มิ.ย. 2568" in description
    assert "docintake done" in description.splitlines()[-1]


def test_uid_is_stable_across_exports_and_corrections(db):
    first = {e["props"]["UID"][1] for e in _events(_export(db))}
    letter_id = next(db.query("SELECT id FROM letters WHERE doc_no = 'ชย 0023.14/1709'"))["id"]
    fix(db, letter_id, {"doc_no": "ชย 0023.14/1708", "deadline": "2025-07-02"}, ACTOR)
    again = _events(_export(db, now=NOW + dt.timedelta(days=3)))
    assert {e["props"]["UID"][1] for e in again} == first and len(first) == 2
    moved = next(e for e in again if "1708" in unescape(e["props"]["DESCRIPTION"][1]))
    assert moved["props"]["DTSTART"][1] == "20250702"


def test_done_tasks_are_cancelled_without_a_reminder(db):
    org = queries.find_org(db, "อบต.โนนสูง")
    first = task_rows(db, org, "open")[0]
    lifecycle.done(db, first.task_id, ACTOR)
    assert len(_events(_export(db, "open"))) == 1
    data = _export(db, "all")
    done = [e for e in _events(data) if e["props"]["STATUS"][1] == "CANCELLED"]
    assert len(done) == 1 and str(first.task_id) in done[0]["props"]["UID"][1]
    assert len([c for c in components(data) if c["type"] == "VALARM"]) == 1
