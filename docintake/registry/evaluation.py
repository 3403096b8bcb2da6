"""How well the registry rebuilds the truth: edges, chains, routing and deadlines.

``evaluate(pairs, directory_csv)`` takes (TruthBundle, ParseResult) pairs (the
parse from OCR, or from the truth's own page texts) and compares:

- edges: (letter, referenced or enclosed letter) doc_no pairs, the truth's
  references and enclosures against the registry's reference/encloses edges (F1);
- chain links: (letter, the letter whose copy it encloses) against ``forwards`` edges (F1);
- routing: the LAOs each letter reaches, from the parse vs from the truth letters
  (the same directory and routing code, so this measures what reading costs), over
  every routed letter and over district letters alone (issued by a ที่ว่าการอำเภอ
  to LAOs: issue 5's target is those);
- deadlines: each task's effective deadline vs the one the truth letters give.

Every task, edge and routing is keyed by doc_no, so a letter whose number the
parse misread is lost whole. Two diagnostics say how much of the loss that is:
``tasks_letter_unread`` (truth tasks whose letter the registry built from the
parse holds under no received letter with the true doc_no: the key cannot match)
and ``deadline_right_when_read`` (effective deadline right among the other tasks);
likewise ``district_letters_unread`` and ``routing_district_when_read``. Then
deadline_right = (1 - unread / tasks) * deadline_right_when_read.

``python -m docintake.registry.evaluation CORPUS`` runs it on a synthetic corpus,
parsing each bundle's true page texts (no OCR), and prints the figures;
``--synth N`` lays out N bundles without rendering them instead.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from sqlite_utils import Database

from docintake.models import Model, OcrResult, ParseResult, TruthBundle
from docintake.registry import ingest, store
from docintake.registry.orgs import name_parts, parse_directory, save_orgs
from docintake.registry.vocab import LAO_TYPES

ACTOR = store.Actor(user="evaluation", now=dt.datetime(2025, 1, 1))


class RegistryFigures(Model):
    bundles: int
    letters: int
    edges_truth: int
    edges_f1: float | None
    links_truth: int
    links_f1: float | None
    routed_letters: int
    routing_agreement: float | None
    tasks: int
    deadline_right: float | None
    district_letters: int = 0  # routed letters a district office sent to LAOs
    routing_district: float | None = None  # routing agreement over those alone
    tasks_letter_unread: int | None = None  # truth tasks whose letter's doc_no no received letter bears
    deadline_right_when_read: float | None = None  # deadline right among the tasks whose doc_no was read
    district_letters_unread: int | None = None  # district letters whose doc_no no received letter bears
    routing_district_when_read: float | None = None  # district routing among those read


def _f1(truth: set, found: set) -> float | None:
    if not truth and not found:
        return None
    hits = len(truth & found)
    return 2 * hits / (len(truth) + len(found)) if (truth or found) else None


def _registry(bundles: list[tuple[str, list]], directory_csv: str | None) -> Database:
    db = store.open_db(":memory:")
    if directory_csv:
        with store.transaction(db):
            save_orgs(db, parse_directory(directory_csv))
    for name, letters in bundles:
        parsed = ParseResult(file=name, pages=max([lt.pages[1] for lt in letters] or [1]), letters=letters)
        ingest.store_parsed(db, path=name, sha256=f"eval:{name}", ocr=OcrResult(file=name, pages=[]),
                            parsed=parsed, actor=ACTOR)
    return db


def _edges(db: Database, kinds: tuple[str, ...]) -> set[tuple[str, str]]:
    marks = ",".join("?" * len(kinds))
    return {(r["a"], r["b"]) for r in db.query(
        f"SELECT s.doc_no AS a, d.doc_no AS b FROM edges e JOIN letters s ON s.id = e.src "
        f"JOIN letters d ON d.id = e.dst WHERE e.kind IN ({marks}) AND e.status = 'confirmed' "
        f"AND s.doc_no IS NOT NULL AND d.doc_no IS NOT NULL", list(kinds))}


def _routes(db: Database) -> dict[str, set[str]]:
    routes: dict[str, set[str]] = {}
    for r in db.query("SELECT l.doc_no, o.name, o.district FROM routings r JOIN letters l ON l.id = r.letter_id "
                      "JOIN organisations o ON o.id = r.org_id WHERE l.doc_no IS NOT NULL"):
        routes.setdefault(r["doc_no"], set()).add((r["name"], r["district"]))
    return routes


def _district_letters(truth_letters: list, want_routes: dict[str, set], db: Database) -> set[str]:
    """Doc_nos of the letters a district office (ที่ว่าการอำเภอ) sent to LAOs:
    issued by a district in the truth, and every organisation the truth routes
    them to an LAO (the district letter of a bundle, not its enclosed copies)."""
    types = {(r["name"], r["district"]): r["type"] for r in db.query("SELECT name, district, type FROM organisations")}
    district = {lt.doc_no for lt in truth_letters if lt.doc_no and name_parts(lt.issuer or "")[0] == "อำเภอ"}
    return {doc for doc, orgs in want_routes.items()
            if doc in district and orgs and all(types.get(o) in LAO_TYPES for o in orgs)}


def _agreement(want: dict[str, set], got: dict[str, set], docs) -> float | None:
    docs = list(docs)
    return sum(got.get(doc) == want[doc] for doc in docs) / len(docs) if docs else None


def _tasks(db: Database) -> dict[tuple[str, int], str | None]:
    return {(r["doc_no"], r["org_id"]): r["deadline"] for r in db.query(
        "SELECT l.doc_no, t.org_id, t.deadline FROM tasks t JOIN letters l ON l.id = t.letter_id "
        "WHERE l.doc_no IS NOT NULL")}


def _received(db: Database) -> set[str]:
    """Doc_nos the registry holds a received letter under (placeholders are only named)."""
    return {r["doc_no"] for r in db.query("SELECT doc_no FROM letters WHERE placeholder = 0 AND doc_no IS NOT NULL")}


def _when_read(read: set[str], got_tasks: dict, want_tasks: dict, got_routes: dict, want_routes: dict,
               district: set[str]) -> dict:
    """The diagnostics: how many tasks and district letters hang on a number the parse did
    not read, and the deadline and routing figures over the rest."""
    tasks_read = [key for key in want_tasks if key[0] in read]
    hits = sum(got_tasks.get(key, "missing") == want_tasks[key] for key in tasks_read)
    district_read = [doc for doc in district if doc in read]
    return dict(tasks_letter_unread=len(want_tasks) - len(tasks_read),
                deadline_right_when_read=hits / len(tasks_read) if tasks_read else None,
                district_letters_unread=len(district) - len(district_read),
                routing_district_when_read=_agreement(want_routes, got_routes, district_read))


def evaluate(pairs: list[tuple[TruthBundle, ParseResult]], directory_csv: str | None = None) -> RegistryFigures:
    truth_letters = [lt for t, _ in pairs for lt in t.letters]
    edges_truth = {(lt.doc_no, e.doc_no) for lt in truth_letters if lt.doc_no
                   for e in [*lt.references, *lt.enclosures] if e.doc_no}
    links_truth = {(lt.doc_no, e.doc_no) for lt in truth_letters if lt.doc_no for e in lt.enclosures if e.doc_no}
    found = _registry([(t.file, p.letters) for t, p in pairs], directory_csv)
    truth_db = _registry([(t.file, t.letters) for t, _ in pairs], directory_csv)
    want_routes, got_routes = _routes(truth_db), _routes(found)
    # Tasks from the truth letters carry the true effective deadline; a task the parse
    # missed (number misread, addressee lost) counts as wrong.
    got_tasks, want_tasks = _tasks(found), _tasks(truth_db)
    hits = sum(got_tasks.get(key, "missing") == value for key, value in want_tasks.items())
    district = _district_letters(truth_letters, want_routes, truth_db)
    return RegistryFigures(
        bundles=len(pairs), letters=len(truth_letters), edges_truth=len(edges_truth),
        edges_f1=_f1(edges_truth, _edges(found, ("reference", "encloses"))),
        links_truth=len(links_truth), links_f1=_f1(links_truth, _edges(found, ("forwards",))),
        routed_letters=len(want_routes),
        routing_agreement=_agreement(want_routes, got_routes, want_routes),
        tasks=len(want_tasks), deadline_right=hits / len(want_tasks) if want_tasks else None,
        district_letters=len(district), routing_district=_agreement(want_routes, got_routes, district),
        **_when_read(_received(found), got_tasks, want_tasks, got_routes, want_routes, district))


def _corpus_pairs(corpus: Path, limit: int | None) -> list[tuple[TruthBundle, ParseResult]]:
    from docintake.parse import parse_pages

    pairs = []
    for path in sorted(corpus.glob("*.truth.json"))[:limit]:
        truth = TruthBundle.model_validate_json(path.read_text(encoding="utf-8"))
        pairs.append((truth, parse_pages(truth.page_texts, file=truth.file)))
    return pairs


def _synth_pairs(n: int, seed: int) -> tuple[list[tuple[TruthBundle, ParseResult]], str]:
    """N bundles laid out (not drawn) by the synthetic corpus, and a directory of their districts."""
    import csv
    import io

    from docintake.parse import parse_pages
    from docintake.synth import world
    from docintake.synth.corpus import lay_out_bundle

    pairs, districts = [], {}
    for i in range(n):
        bp, laid = lay_out_bundle(seed, i, "pdf", 300)
        districts[bp.district.org.name] = bp.district
        truth = TruthBundle(file=f"{i:03d}.pdf", format="pdf", dpi=300, seed=seed, pages=len(laid.texts),
                            page_texts=laid.texts, letters=laid.letters)
        pairs.append((truth, parse_pages(truth.page_texts, file=truth.file)))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["name", "type", "district", "province", "aliases"])
    writer.writeheader()
    writer.writerows(world.directory_rows(list(districts.values())))
    return pairs, buf.getvalue()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Registry figures on a synthetic corpus (true page texts).")
    parser.add_argument("corpus", type=Path, nargs="?")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--synth", type=int, help="Lay out this many bundles instead of reading a corpus.")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.synth:
        pairs, directory_csv = _synth_pairs(args.synth, args.seed)
    else:
        directory = args.corpus / "directory.csv"
        pairs = _corpus_pairs(args.corpus, args.limit)
        directory_csv = directory.read_text(encoding="utf-8-sig") if directory.exists() else None
    print(json.dumps(evaluate(pairs, directory_csv).model_dump(), indent=2))


if __name__ == "__main__":
    main()
