"""Routing on the synthetic corpus's letters (their ground truth, no OCR): every district
and province letter reaches exactly the LAOs its เรียน line means, read off the synthetic
world's own organisations (not through the routing code)."""

import csv
import io

import pytest

corpus = pytest.importorskip("docintake.synth.corpus", reason="the synthetic corpus (issue 3) is not in this tree")

from docintake.models import OcrResult, ParseResult  # noqa: E402
from docintake.registry import ingest, store  # noqa: E402
from docintake.registry.testing import ACTOR, load_directory  # noqa: E402
from docintake.synth import world  # noqa: E402

BUNDLES = 80


TYPES = {"prov": "province", "dist": "district", "muni": "municipality", "sao": "sao", "pao": "pao"}


def _directory_csv() -> str:
    """Every organisation of the world. Written here rather than by world.directory_rows,
    which keeps one of several same-named SAOs (อบต.โนนสำราญ is in more than one district)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["name", "type", "district", "province", "aliases"])
    seen = set()
    for d in world.all_districts():
        for org in (d.province, world.pao(d.province.prefix), d.org, *d.laos):
            key = (org.name, org.district, org.province)
            if key not in seen:
                seen.add(key)
                writer.writerow([org.name, TYPES[org.level], org.district, org.province, ";".join(org.aliases)])
    return buf.getvalue()


def expected_from_province(to: str, d) -> set[str]:
    """What the เรียน line of a province letter means for LAOs."""
    everyone = [x for x in world.all_districts() if x.province.province == d.province.province]
    heads = [o for o in (world.pao(d.province.prefix), *(m for x in everyone for m in x.munis))]
    compact = to.replace(" ", "")
    named = {o.name for o in heads if compact.startswith(o.head) or f"และ{o.head}" in compact}
    if "ทุกแห่ง" not in to:
        return named
    return named | {o.name for x in everyone for o in x.laos}


def expected_laos(to: str, d) -> set[str]:
    """What the เรียน line of a district letter means, in the world's own terms."""
    if "ทุกแห่ง" not in to:
        return {o.name for o in d.laos if o.head == to}
    if to.startswith("นายกเทศมนตรีตำบล/"):
        munis = [m for m in d.munis if m.name.startswith("เทศบาลตำบล")]
    elif to.startswith("นายกเทศมนตรี และ"):
        munis = list(d.munis)
    else:
        munis = [m for m in d.munis if to.startswith(m.head)]
    return {m.name for m in munis} | {s.name for s in d.saos}


@pytest.fixture(scope="module")
def routed():
    db = store.open_db(":memory:")
    load_directory(db, _directory_csv())
    cases = []
    for i in range(BUNDLES):
        bp, laid = corpus.lay_out_bundle(7, i, "pdf", 300)
        parsed = ParseResult(file=f"{i}.pdf", pages=len(laid.pages), letters=laid.letters)
        ingest.store_parsed(db, path=parsed.file, sha256=f"synth-{i}", actor=ACTOR, parsed=parsed,
                            ocr=OcrResult(file=parsed.file, pages=[]))
        for plan, truth in zip(bp.letters, laid.letters):
            expect = {"dist": expected_laos, "prov": expected_from_province}.get(plan.level)
            if expect:
                got = {r["name"] for r in db.query(
                    "SELECT o.name FROM routings r JOIN organisations o ON o.id = r.org_id "
                    "JOIN letters l ON l.id = r.letter_id WHERE l.doc_no = ? AND o.type != 'district'",
                    [truth.doc_no])}
                cases.append((truth.doc_no, plan.to, expect(plan.to, bp.district), got))
    return cases


def test_enough_letters_of_both_levels(routed):
    assert len(routed) >= 40 and any("ทุกแห่ง" in to for _, to, _, _ in routed)


def test_letters_reach_exactly_their_laos(routed):
    wrong = [(doc, to, sorted(exp ^ got)) for doc, to, exp, got in routed if exp != got]
    assert not wrong, wrong[:5]
