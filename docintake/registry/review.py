"""``docintake review``: the letters a person should look at, most urgent first.

A letter needs a look when a field that matters (number, date, deadline,
addressee ...) was read with low confidence or carries a warning (unreadable,
readings that disagree, a weekday that contradicts the date). Most urgent
first: the soonest deadline of its open tasks (overdue ones first of all),
then its urgency (ด่วนที่สุด before ด่วนมาก before ด่วน). Each doubtful value
comes with the OCR text around it, found in the stored page text where the
value was read, or else where its label (เรื่อง, เรียน, ภายใน ...) stands, so
the clerk can judge without opening the scan, then ``docintake fix``.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlite_utils import Database

from docintake.models import URGENCY_LEVELS, Letter, Model
from docintake.registry import store
from docintake.registry.merge import field_root
from docintake.text.lexicon import BE_OFFSET, DEADLINE_CUES, MONTHS, MONTHS_ABBR, OFFICE_STARTS
from docintake.text.normalize import thai_to_arabic_digits

REVIEW_BELOW = 0.8  # a field read with less confidence than this needs a look
WINDOW = 40  # characters of OCR text shown on each side of a doubtful value
# Fields worth a clerk's time, in the order they are shown (what routing and deadlines hang on first).
REVIEW_FIELDS: tuple[str, ...] = (
    "doc_no", "date", "deadlines", "to", "urgency", "subject", "issuer", "references", "enclosures", "receipt",
)
# Where a field's label or shape stands on the page, when its value was not found there (regex).
FIELD_CUES: dict[str, str] = {
    "doc_no": r"ท[ี่]*\s*[ก-ฮ]{1,3}\.?\s*[0-9๐-๙]",
    "date": "|".join(re.escape(m) for m in (*MONTHS, *MONTHS_ABBR, "พุทธศักราช", "พ.ศ.")),
    "deadlines": "|".join(re.escape(c) for c in DEADLINE_CUES),
    "to": "เรียน|เสนอ",
    "urgency": "ด่วน",
    "subject": "เรื่อง",
    "issuer": "|".join(re.escape(o) for o in OFFICE_STARTS),
    "references": "อ้างถึง",
    "enclosures": "ส่งมาด้วย",
    "receipt": "เลขรับ|เลขที่รับ|รับที่",
}
# The parser numbers references and enclosures as the letter does (from 1), deadlines from 0.
INDEX_BASE: dict[str, int] = {"references": 1, "enclosures": 1, "deadlines": 0}
ANCHOR_FIELDS: tuple[str, ...] = ("references", "enclosures", "deadlines", "directives")  # text unique to a letter
MATCH_SHOWN = 80  # a longer value (a whole deadline sentence) is shown by its two ends
_IGNORED = re.compile(r"[\s\u200b-\u200d\ufeff\u0e48-\u0e4b]")  # spaces, zero-width, tone marks OCR drops


class Context(Model):
    file: str
    page: int  # 1-based
    before: str
    match: str
    after: str
    found_by: str  # value | label


class Doubt(Model):
    field: str  # doc_no, deadlines[0], references[1] ...
    value: str | None
    confidence: float | None
    warnings: list[str] = []
    context: Context | None = None


class ReviewItem(Model):
    letter_id: int
    doc_no: str | None
    date: dt.date | None
    subject: str | None
    urgency: str | None
    deadline: dt.date | None  # soonest open task deadline (or the letter's, when it has no tasks)
    overdue: bool
    days_left: int | None
    doubts: list[Doubt]


# ----------------------------------------------------------- what is doubtful


def doubts_of(letter: Letter) -> list[Doubt]:
    """The fields of one letter that need a look, in REVIEW_FIELDS order. Pure."""
    found: dict[str, Doubt] = {}
    for name in REVIEW_FIELDS:
        conf = letter.confidence.get(name)
        if conf is not None and conf < REVIEW_BELOW:
            found[name] = Doubt(field=name, value=value_text(letter, name), confidence=conf)
    for w in letter.warnings:
        root = field_root(w.field) or "letter"
        if root not in REVIEW_FIELDS and root != "letter":
            continue
        key = w.field if root in ("references", "enclosures", "deadlines") and w.field else root
        doubt = found.setdefault(key, Doubt(field=key, value=value_text(letter, key),
                                            confidence=letter.confidence.get(root)))
        doubt.warnings.append(f"{w.code}: {w.message}")
    # A list's own low confidence says nothing its entries' warnings do not say better.
    entries = {field_root(k) for k in found if k != field_root(k)}
    kept = [d for k, d in found.items() if not (k in entries and not d.warnings)]
    order = {n: i for i, n in enumerate((*REVIEW_FIELDS, "letter"))}
    return sorted(kept, key=lambda d: order.get(field_root(d.field), len(order)))


def _item(letter: Letter, field: str):
    """The list entry a field name such as ``references[1]`` points at, or None."""
    root = field_root(field)
    index = re.search(r"\[(\d+)\]", field or "")
    if root not in INDEX_BASE or not index:
        return None
    k = int(index[1]) - INDEX_BASE[root]
    items = getattr(letter, root)
    return items[k] if 0 <= k < len(items) else None


def value_text(letter: Letter, field: str) -> str | None:
    """The value behind a field name, as text."""
    root = field_root(field)
    item = _item(letter, field)
    if item is not None:
        return getattr(item, "doc_no", None) or item.text
    if root in INDEX_BASE:
        items = getattr(letter, root)
        return "; ".join(filter(None, (getattr(i, "doc_no", None) or i.text for i in items))) or None
    if root == "receipt":
        r = letter.receipt
        return (" ".join(filter(None, (r.number, r.date and r.date.isoformat()))) or None) if r else None
    value = getattr(letter, root, None) if root in REVIEW_FIELDS else None
    return value.isoformat() if isinstance(value, dt.date) else value


def date_forms(day: dt.date) -> list[str]:
    """How a date is printed: full month, abbreviated month with a four- or two-digit year.

    >>> date_forms(dt.date(2025, 6, 11))
    ['11 มิถุนายน 2568', '11 มิ.ย. 2568', '11 มิ.ย. 68']
    """
    be = day.year + BE_OFFSET
    return [f"{day.day} {MONTHS[day.month - 1]} {be}", f"{day.day} {MONTHS_ABBR[day.month - 1]} {be}",
            f"{day.day} {MONTHS_ABBR[day.month - 1]} {be % 100:02d}"]


def needles(letter: Letter, doubt: Doubt) -> list[str]:
    """Texts to look for on the page for one doubt, the most specific first."""
    root = field_root(doubt.field)
    item = _item(letter, doubt.field)
    if item is not None:
        dated = date_forms(item.date) if getattr(item, "date", None) else []
        return [*(dated if root == "deadlines" else []), *(t for t in (item.text, getattr(item, "doc_no", None)) if t)]
    if root == "date" and letter.date:
        return date_forms(letter.date)
    if root == "deadlines":
        return [f for d in letter.deadlines if d.date for f in date_forms(d.date)] + [d.text for d in letter.deadlines]
    return [doubt.value[:30]] if doubt.value else []


def anchors(letter: Letter) -> list[str]:
    """Texts only this letter has (its references, enclosures ...): where on a page it stands."""
    texts = [getattr(i, "text", i) for name in ANCHOR_FIELDS for i in getattr(letter, name)]
    return [t[:40] for t in texts if t and len(t) >= 12] + ([letter.subject[:30]] if letter.subject else [])


# ------------------------------------------------------------ finding it


def _key(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Text as matching sees it (no spaces or tone marks, Arabic digits, sara am whole) and the
    span in ``text`` each of its characters came from."""
    chars: list[str] = []
    spans: list[tuple[int, int]] = []
    for i, ch in enumerate(thai_to_arabic_digits(text)):
        if ch == "\u0e32" and chars and chars[-1] == "\u0e4d":  # OCR's split sara am
            chars[-1], spans[-1] = "\u0e33", (spans[-1][0], i + 1)
        elif not _IGNORED.match(ch):
            chars.append(ch)
            spans.append((i, i + 1))
    return "".join(chars), spans


def locate_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Where ``needle`` stands in ``text``, ignoring spacing, tone marks and the kind of digit.

    >>> text = "ที่ ชย ๐๐๒๓.๑๔/๑๗๐๙"
    >>> [text[a:b] for a, b in locate_all(text, "ชย 0023.14/1709")]
    ['ชย ๐๐๒๓.๑๔/๑๗๐๙']
    >>> text = "การดําเนินการ และดําเนินงาน"  # sara am as OCR splits it
    >>> [text[a:b] for a, b in locate_all(text, "ดำเนิน")]
    ['ดําเนิน', 'ดําเนิน']
    """
    hay, spans = _key(text)
    pin, _ = _key(needle)
    found, at = [], hay.find(pin) if pin else -1
    while at >= 0:
        found.append((spans[at][0], spans[at + len(pin) - 1][1]))
        at = hay.find(pin, at + 1)
    return found


def window(text: str, start: int, end: int, width: int = WINDOW) -> tuple[str, str, str]:
    """``width`` characters either side of text[start:end], line breaks shown as ⏎."""
    flat = lambda s: re.sub(r"[ \t]+", " ", s.replace("\f", "\n").replace("\n", " ⏎ "))  # noqa: E731
    match = flat(text[start:end])
    if len(match) > MATCH_SHOWN:
        match = match[:MATCH_SHOWN // 2] + " … " + match[-MATCH_SHOWN // 3:]
    return flat(text[max(0, start - width):start]), match, flat(text[end:end + width])


Page = tuple[str, int, str]  # file, 1-based page number, text


def _nearest(spans: list[tuple[int, int]], anchor: int | None, before: bool) -> tuple[int, int]:
    """The occurrence to show: the one nearest the letter's anchor (for a heading field, the
    nearest one above it: number, date and office come before the references)."""
    if anchor is None:
        return spans[0]
    above = [s for s in spans if s[0] < anchor] if before else []
    return max(above) if above else min(spans, key=lambda s: abs(s[0] - anchor))


def find_context(pages: list[Page], letter: Letter, doubt: Doubt,
                 anchor_at: dict[int, int] | None = None) -> Context | None:
    """The page showing the value (else its label), nearest where this letter stands."""
    anchor_at = anchor_at or {}
    root = field_root(doubt.field) or ""
    searches = [("value", lambda t, n=n: locate_all(t, n)) for n in needles(letter, doubt)]
    if root in FIELD_CUES:
        searches.append(("label", lambda t: [m.span() for m in re.finditer(FIELD_CUES[root], t)]))
    heading = root in ("doc_no", "date", "issuer", "urgency", "subject", "to")
    for how, search in searches:
        for i, (file, page, text) in enumerate(pages):
            spans = search(text)
            if spans:
                start, end = _nearest(spans, anchor_at.get(i), heading)
                before, match, after = window(text, start, end)
                return Context(file=file, page=page, before=before, match=match, after=after, found_by=how)
    return None


def anchor_positions(pages: list[Page], letter: Letter) -> dict[int, int]:
    """Per page, where the first of the letter's own texts stands."""
    found: dict[int, int] = {}
    for needle in anchors(letter):
        for i, (_, _, text) in enumerate(pages):
            hits = locate_all(text, needle)
            if hits and i not in found:
                found[i] = hits[0][0]
        if found:
            return found
    return found


# ----------------------------------------------------------------- the list


def review(db: Database, as_of: dt.date, limit: int | None = None) -> list[ReviewItem]:
    """Letters needing a look, most urgent first, each doubt with its OCR context."""
    urgent = _open_deadlines(db)
    items = []
    for row in db.query("SELECT * FROM letters WHERE placeholder = 0"):
        letter = store.row_to_letter(row)
        doubts = doubts_of(letter)
        if doubts:
            due = urgent.get(row["id"], _letter_deadline(row))
            items.append(ReviewItem(
                letter_id=row["id"], doc_no=letter.doc_no, date=letter.date, subject=letter.subject,
                urgency=letter.urgency, deadline=due, overdue=bool(due and due < as_of),
                days_left=(due - as_of).days if due else None, doubts=doubts))
    items.sort(key=_urgency_key)
    items = items[:limit] if limit is not None else items
    for item in items:
        _add_contexts(db, item)
    return items


def _open_deadlines(db: Database) -> dict[int, dt.date | None]:
    """Per letter with tasks: the soonest open deadline (None when every task is done)."""
    rows = db.query("SELECT letter_id, MIN(CASE WHEN status = 'open' THEN deadline END) AS due "
                    "FROM tasks GROUP BY letter_id")
    return {r["letter_id"]: dt.date.fromisoformat(r["due"]) if r["due"] else None for r in rows}


def _letter_deadline(row: dict) -> dt.date | None:
    return dt.date.fromisoformat(row["deadline"]) if row["deadline"] else None


def _urgency_key(item: ReviewItem) -> tuple:
    rank = URGENCY_LEVELS.index(item.urgency) if item.urgency in URGENCY_LEVELS else len(URGENCY_LEVELS)
    return (item.deadline is None, item.deadline or dt.date.max, rank, item.letter_id)


def _add_contexts(db: Database, item: ReviewItem) -> None:
    letter = store.row_to_letter(store.letter_row(db, item.letter_id))
    pages = []
    for s in sorted(store.sightings_of(db, item.letter_id), key=lambda s: -s["score"]):
        pages += [(s["file_path"], p["idx"] + 1, p["text"]) for p in db.query(
            "SELECT idx, text FROM pages WHERE file_id = ? AND idx BETWEEN ? AND ? ORDER BY idx",
            [s["file_id"], s["first_page"] - 1, s["last_page"] - 1])]
    at = anchor_positions(pages, letter)
    for doubt in item.doubts:
        doubt.context = find_context(pages, letter, doubt, at)
