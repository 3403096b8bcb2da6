"""Query results for people: Thai dates (Arabic digits on request), trees and tables.

Plain strings, so the CLI prints them and tests read them. JSON output does
not come through here (it keeps ISO dates).
"""

from __future__ import annotations

import datetime as dt

from docintake.registry.queries import ChainNode, LetterSummary, LetterView, PendingItem
from docintake.registry.thaiformat import thai_date, thai_digits

FLAG_WORDS = {
    "overdue_on_arrival": "เกินกำหนดตั้งแต่ได้รับ",
    "conflicting_deadlines": "กำหนดไม่สอดคล้องกับหนังสือต้นเรื่อง",
    "no_deadline": "ไม่พบกำหนดส่ง",
    "deadline_earliest_reading": "อ่านวันกำหนดส่งไม่ชัด ถือวันที่เร็วที่สุดที่เป็นได้",
}


def _d(day: dt.date | None, arabic: bool) -> str:
    return thai_date(day, arabic=arabic)


def _t(text: str | None, arabic: bool) -> str:
    return thai_digits(text or "?", arabic=arabic)


def pending_text(lao: str, items: list[PendingItem], as_of: dt.date, arabic: bool = False) -> str:
    """One block per task: deadline first (what the clerk scans for), then the letter and chain."""
    head = f"{lao}: งานค้าง {_t(str(len(items)), arabic)} รายการ ณ {_d(as_of, arabic)}"
    lines = [head, "=" * 40]
    for item in items:
        due = f"กำหนด {_d(item.deadline, arabic)}" if item.deadline else "ไม่มีกำหนด"
        state = "  ** เกินกำหนด **" if item.overdue else (
            f"  (อีก {_t(str(item.days_left), arabic)} วัน)" if item.days_left is not None else "")
        lines.append(f"[{item.task_id}] {due}{state}")
        lines.append(f"    ที่ {_t(item.doc_no, arabic)} ลงวันที่ {_d(item.date, arabic)}  จาก {item.issuer or '?'}")
        lines.append(f"    เรื่อง {item.subject or '?'}")
        for u in item.upstream:
            source = _t(u.doc_no, arabic) if u.doc_no else (u.issuer or "?")
            lines.append(f"    ต้นเรื่อง {source} กำหนด {_d(u.deadline, arabic)}")
        lines += [f"    ! {FLAG_WORDS.get(f, f)}" for f in item.flags if f != "no_deadline" or not item.deadline]
    return "\n".join(lines)


def chain_text(root: ChainNode, arabic: bool = False) -> str:
    """The chain as an indented tree, every level with its date and deadlines."""
    lines: list[str] = []
    _tree(root, "", True, lines, arabic, top=True)
    return "\n".join(lines)


def _tree(node: ChainNode, prefix: str, last: bool, lines: list[str], arabic: bool, top: bool = False) -> None:
    branch = "" if top else ("└── " if last else "├── ")
    due = ", ".join(_d(d, arabic) for d in node.deadlines) or "-"
    mark = "  <==" if node.focus else ""
    status = " (ยังไม่ได้รับ)" if node.placeholder else ""
    lines.append(f"{prefix}{branch}{_t(node.doc_no, arabic)}  {_d(node.date, arabic)}  "
                 f"{node.issuer or '?'}{status}  กำหนด {due}{mark}")
    inner = prefix + ("" if top else ("    " if last else "│   "))
    if node.subject:
        lines.append(f"{inner}    เรื่อง {node.subject}")
    if node.routed:
        lines.append(f"{inner}    ถึง {', '.join(node.routed)}")
    for possible in node.possible:
        lines.append(f"{inner}    อาจเป็นฉบับเดียวกับ {possible}")
    for i, child in enumerate(node.children):
        _tree(child, inner, i == len(node.children) - 1, lines, arabic)


def letters_text(rows: list[LetterSummary], arabic: bool = False) -> str:
    lines = []
    for r in rows:
        mark = " (ยังไม่ได้รับ)" if r.placeholder else ""
        lines.append(f"{_t(r.doc_no, arabic):<22} {_d(r.date, arabic):<16} {r.urgency or '':<11} "
                     f"{(r.issuer or '?')[:30]:<30} {r.subject or ''}{mark}")
    return "\n".join(lines) if lines else "(ไม่มีหนังสือ)"


def show_text(view: LetterView, arabic: bool = False) -> str:
    letter = view.letter
    lines = [
        f"ที่ {_t(letter.doc_no, arabic)}  ลงวันที่ {_d(letter.date, arabic)}  {letter.urgency or ''}".rstrip(),
        f"จาก {letter.issuer or '?'}" + ("  (ยังไม่ได้รับ: รู้จากการอ้างถึงเท่านั้น)" if view.placeholder else ""),
        f"เรื่อง {letter.subject or '?'}",
        f"เรียน {letter.to or '?'}",
        "กำหนด " + (", ".join(_d(d.date, arabic) for d in letter.deadlines if d.date) or "-"),
        "สายหนังสือ " + " -> ".join(_t(d, arabic) for d in view.chain),
    ]
    lines += [f"พบใน {s['file_path']} หน้า {s['first_page']}-{s['last_page']} ({s['role']})" for s in view.sightings]
    lines += [f"-> {e['kind']} {_t(e['doc_no'], arabic)} [{e['status']} {e['confidence']:.2f}] {e['reason']}"
              for e in view.edges_out]
    lines += [f"<- {e['kind']} จาก {_t(e['doc_no'], arabic)} [{e['status']} {e['confidence']:.2f}]" for e in view.edges_in]
    lines += [f"ถึง {r['org'] or '(ไม่ทราบ)'} [{r['kind']} {r['confidence']:.2f}] {r['reason']}" for r in view.routings]
    lines += [f"! {w.code}: {w.message}" for w in letter.warnings]
    lines += [f"OCR {c.file_path} หน้า {c.page}: {c.before!r} -> {c.after!r} ({c.reason})" for c in view.ocr_changes]
    return "\n".join(lines)
