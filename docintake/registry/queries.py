"""What people ask the registry: pending tasks, chains, one letter, all letters, search.

Each query returns pydantic models (printed as JSON with ISO dates by the CLI,
or rendered for people by ``render``).
"""

from __future__ import annotations

import datetime as dt
import json

from sqlite_utils import Database

from docintake.errors import NotFoundError, UsageError
from docintake.models import Letter, Model
from docintake.registry import graph, store
from docintake.registry.identity import canonical
from docintake.registry.orgs import Organisation, compact, forms_of, load_orgs, short_name
from docintake.registry.route import Directory, _named_org
from docintake.registry.tasks import UpstreamDeadline
from docintake.registry.vocab import LAO_TYPES


class PendingItem(Model):
    task_id: int
    lao: str
    doc_no: str | None
    date: dt.date | None
    subject: str | None
    issuer: str | None
    directive: str
    deadline: dt.date | None
    deadline_text: str | None = None
    overdue: bool
    days_left: int | None
    flags: list[str]
    chain: list[str]  # doc_nos from the root directive down to this letter
    upstream: list[UpstreamDeadline]


class LetterHead(Model):
    """What every listing shows of a letter."""

    id: int
    doc_no: str | None
    date: dt.date | None
    issuer: str | None
    subject: str | None
    urgency: str | None


class LetterSummary(LetterHead):
    deadline: dt.date | None
    placeholder: bool
    sightings: int = 0


class ChainNode(LetterHead):
    deadlines: list[dt.date]
    placeholder: bool
    link: str | None = None  # why this letter forwards its parent
    link_confidence: float | None = None
    routed: list[str] = []  # organisations it is addressed to (resolved)
    possible: list[str] = []  # letters it may be the same as
    focus: bool = False  # the letter asked for
    children: list[ChainNode] = []


class OcrChange(Model):
    """One automatic change OCR made to a page the letter was read from."""

    file_path: str
    page: int  # 1-based
    before: str
    after: str
    reason: str


class LetterView(Model):
    id: int
    placeholder: bool
    letter: Letter
    sightings: list[dict]
    edges_out: list[dict]
    edges_in: list[dict]
    routings: list[dict]
    tasks: list[dict]
    chain: list[str]
    ocr_changes: list[OcrChange] = []  # what OCR changed on the pages it was read from, and why


# ------------------------------------------------------------ finding things


def find_org(db: Database, name: str) -> Organisation:
    """An LAO by name, short name, alias or close spelling; ``อบต.บ้านใหม่ อำเภอเมืองเพ็ญ``
    (or ``อ.เมืองเพ็ญ``) picks one of two organisations with the same name."""
    orgs = load_orgs(db)
    if not orgs:
        raise NotFoundError("no organisation directory is loaded: run `docintake orgs load FILE.csv` first.")
    wanted, district = _split_district(name)
    pool = [o for o in orgs if district is None or o.district == district]
    exact = [o for o in pool if wanted in (compact(short_name(o)), *forms_of(o))]
    if len(exact) > 1:
        listed = ", ".join(f"{short_name(o)} อำเภอ{o.district}" for o in exact)
        raise UsageError(f"'{name}' names {len(exact)} organisations: {listed}. "
                         f"Add the district, e.g. --lao \"{short_name(exact[0])} อำเภอ{exact[0].district}\".")
    if exact:
        return exact[0]
    found = _named_org(Directory([o for o in pool if o.type in LAO_TYPES]), wanted, None, None)
    if found and found[1] >= 0.85:
        return found[0]
    raise NotFoundError(f"no LAO named '{name}' in the directory; `docintake orgs list` shows the names.")


def _split_district(name: str) -> tuple[str, str | None]:
    """``อบต.บ้านใหม่ (อำเภอเมืองเพ็ญ)`` -> (compact name, district)."""
    text = compact(name.replace("(", " ").replace(")", " "))
    if "อำเภอ" in text and not text.startswith(("อำเภอ", "ที่ว่าการอำเภอ", "นายอำเภอ")):
        head, district = text.split("อำเภอ", 1)
        return head, district
    return text, None


def find_letter(db: Database, doc_no: str) -> int:
    """A letter's id from its number as a person types it (Thai or Arabic digits, any spacing)."""
    wanted = canonical(doc_no)
    rows = list(db.query("SELECT id FROM letters WHERE doc_no = ? ORDER BY placeholder, id", [wanted]))
    if rows:
        return rows[0]["id"]
    close = graph.find_matches(db, wanted, None, wide=True)
    if close and close[0].match.confidence >= 0.75:
        return close[0].letter_id
    hint = ""
    if close:
        hint = " Did you mean " + ", ".join(
            store.letter_row(db, c.letter_id)["doc_no"] for c in close[:3]) + "?"
    raise NotFoundError(f"no letter {wanted} in the registry.{hint}")


# ---------------------------------------------------------------- pending


def pending(db: Database, org: Organisation, as_of: dt.date) -> list[PendingItem]:
    """Open tasks of one LAO, soonest deadline first (no deadline last), overdue flagged."""
    rows = db.query(
        "SELECT t.id, t.directive, t.deadline, t.deadline_text, t.flags, t.chain, t.upstream, "
        "l.doc_no, l.date, l.subject, l.issuer FROM tasks t JOIN letters l ON l.id = t.letter_id "
        "WHERE t.org_id = ? AND t.status = 'open' ORDER BY t.deadline IS NULL, t.deadline, l.date, t.id",
        [org.id])
    items = []
    for r in rows:
        deadline = dt.date.fromisoformat(r["deadline"]) if r["deadline"] else None
        items.append(PendingItem(
            task_id=r["id"], lao=short_name(org), doc_no=r["doc_no"], date=r["date"], subject=r["subject"],
            issuer=r["issuer"], directive=r["directive"], deadline=deadline, deadline_text=r["deadline_text"],
            overdue=bool(deadline and deadline < as_of),
            days_left=(deadline - as_of).days if deadline else None, flags=json.loads(r["flags"]),
            chain=json.loads(r["chain"]), upstream=json.loads(r["upstream"])))
    return items


# ------------------------------------------------------------------ chain


def chain(db: Database, doc_no: str) -> ChainNode:
    """The chain through a letter: root directive down to it, then every letter forwarding it."""
    focus = find_letter(db, doc_no)
    path = graph.ancestry(db, focus)
    root = _node(db, path[0], parent=None)
    node = root
    for letter_id, parent in zip(path[1:], path):
        child = _node(db, letter_id, parent)
        node.children = [child]
        node = child
    node.focus = True
    node.children = _subtree(db, focus, {*path})
    return root


def _subtree(db: Database, letter_id: int, seen: set[int]) -> list[ChainNode]:
    nodes = []
    for child in graph.children_of(db, letter_id):
        if child not in seen:
            seen.add(child)
            node = _node(db, child, letter_id)
            node.children = _subtree(db, child, seen)
            nodes.append(node)
    return nodes


def _node(db: Database, letter_id: int, parent: int | None) -> ChainNode:
    row = store.letter_row(db, letter_id)
    link = list(db.query("SELECT reason, confidence FROM edges WHERE src = ? AND dst = ? AND kind = 'forwards'",
                         [letter_id, parent])) if parent else []
    routed = [r["name"] for r in db.query(
        "SELECT o.name FROM routings r JOIN organisations o ON o.id = r.org_id WHERE r.letter_id = ? ORDER BY o.id",
        [letter_id])]
    possible = [f"{r['doc_no']} ({r['confidence']:.0%}: {r['reason']})" for r in db.query(
        "SELECT l.doc_no, e.confidence, e.reason FROM edges e JOIN letters l ON l.id = e.dst "
        "WHERE e.src = ? AND e.status = 'possible'", [letter_id])]
    deadlines = sorted({d["date"] for d in json.loads(row["deadlines"]) if d.get("date")})
    return ChainNode(
        id=letter_id, doc_no=row["doc_no"], date=row["date"], issuer=row["issuer"], subject=row["subject"],
        urgency=row["urgency"], deadlines=deadlines, placeholder=bool(row["placeholder"]),
        link=link[0]["reason"] if link else None, link_confidence=link[0]["confidence"] if link else None,
        routed=[short_name(n) for n in routed], possible=possible)


# ---------------------------------------------------- one letter, all, search


def show(db: Database, doc_no: str) -> LetterView:
    letter_id = find_letter(db, doc_no)
    row = store.letter_row(db, letter_id)
    q = lambda sql: [dict(r) for r in db.query(sql, [letter_id])]  # noqa: E731
    return LetterView(
        id=letter_id, placeholder=bool(row["placeholder"]), letter=store.row_to_letter(row),
        sightings=[{k: s[k] for k in ("file_path", "first_page", "last_page", "role", "score", "match_reason")}
                   for s in store.sightings_of(db, letter_id)],
        edges_out=q("SELECT e.kind, e.status, e.confidence, e.reason, l.doc_no, l.date FROM edges e "
                    "JOIN letters l ON l.id = e.dst WHERE e.src = ? ORDER BY e.kind, e.id"),
        edges_in=q("SELECT e.kind, e.status, e.confidence, e.reason, l.doc_no, l.date FROM edges e "
                   "JOIN letters l ON l.id = e.src WHERE e.dst = ? ORDER BY e.kind, e.id"),
        routings=q("SELECT o.name AS org, r.addressee, r.kind, r.confidence, r.reason FROM routings r "
                   "LEFT JOIN organisations o ON o.id = r.org_id WHERE r.letter_id = ? ORDER BY r.id"),
        tasks=q("SELECT t.id, o.name AS org, t.deadline, t.status, t.flags FROM tasks t "
                "JOIN organisations o ON o.id = t.org_id WHERE t.letter_id = ? ORDER BY t.id"),
        chain=graph.chain_doc_nos(db, letter_id),
        ocr_changes=ocr_changes(db, letter_id))


def ocr_changes(db: Database, letter_id: int) -> list[OcrChange]:
    """Digits our reader put in place of Tesseract's, and text repairs, on every
    page a letter was seen on: what a clerk checks when a number looks wrong."""
    out = []
    for s in store.sightings_of(db, letter_id):
        for page in db.query("SELECT idx, words, repairs FROM pages WHERE file_id = ? AND idx BETWEEN ? AND ? "
                             "ORDER BY idx", [s["file_id"], s["first_page"] - 1, s["last_page"] - 1]):
            here = {"file_path": s["file_path"], "page": page["idx"] + 1}
            out += [OcrChange(**here, before=w["corrected_from"], after=w["text"], reason=w.get("reason") or "")
                    for w in json.loads(page["words"]) if w.get("corrected_from") is not None]
            out += [OcrChange(**here, **r) for r in json.loads(page["repairs"])]
    return out


_SUMMARY = ("SELECT l.id, l.doc_no, l.date, l.issuer, l.subject, l.urgency, l.deadline, l.placeholder, "
            "(SELECT COUNT(*) FROM sightings s WHERE s.letter_id = l.id) AS sightings FROM letters l")


def letters(db: Database, *, placeholders: bool = True) -> list[LetterSummary]:
    where = "" if placeholders else " WHERE l.placeholder = 0"
    return [LetterSummary(**r) for r in db.query(_SUMMARY + where + " ORDER BY l.date IS NULL, l.date, l.id")]


def search(db: Database, text: str, limit: int = 50) -> list[LetterSummary]:
    """Letters whose number, subject, issuer, addressee or body text contain ``text``.

    FTS5 trigram matches any run of 3+ characters (Thai has no spaces to
    split words on); shorter words, or a SQLite without trigram, fall back to
    a LIKE scan.
    """
    words = text.split()
    if not words:
        raise UsageError("give some text to search for")
    fts = db["letters_fts"].exists() and all(len(w) >= 3 for w in words)
    if fts:
        match = " AND ".join('"' + w.replace('"', '""') + '"' for w in words)
        sql = _SUMMARY + " JOIN letters_fts f ON f.rowid = l.id WHERE letters_fts MATCH ? ORDER BY f.rank LIMIT ?"
        return [LetterSummary(**r) for r in db.query(sql, [match, limit])]
    cols = "COALESCE(l.doc_no,'') || ' ' || COALESCE(l.subject,'') || ' ' || COALESCE(l.issuer,'') || ' ' || " \
           "COALESCE(l.addressee,'') || ' ' || l.search_text"
    where = " AND ".join(f"({cols}) LIKE ?" for _ in words)
    return [LetterSummary(**r) for r in db.query(
        _SUMMARY + f" WHERE {where} ORDER BY l.date DESC LIMIT ?", [*(f"%{w}%" for w in words), limit])]
