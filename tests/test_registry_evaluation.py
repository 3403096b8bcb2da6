"""The registry's evaluation: misreadings in the parse show up in the right figures."""

import pytest

from docintake.models import ParseResult, TruthBundle
from docintake.registry.evaluation import evaluate
from docintake.registry.testing import DIRECTORY_CSV, letter

DISTRICT = dict(issuer="ที่ว่าการอำเภอเมืองเพ็ญ", to="นายก อบต. ทุกแห่ง")
PROV = ("ชย 0023.6/1478", "2025-05-28")


def _bundle(deadline: str, ref: str) -> list:
    dist = letter("ชย 0023.14/1709", "2025-06-16", deadline=deadline, copies=[PROV], refs=[(ref, "2025-03-20")],
                  pages=(1, 2), **DISTRICT)
    prov = letter(*PROV, deadline="2025-05-30", pages=(3, 4), to="นายอำเภอ ทุกอำเภอ",
                  issuer="ศาลากลางจังหวัดชัยภูมิ")
    return [dist, prov]


def test_misread_deadline_and_reference_are_counted():
    truth = TruthBundle(file="b.pdf", format="pdf", dpi=300, seed=1, pages=4, page_texts=[],
                        letters=_bundle("2025-06-11", "ชย 0023.14/578"))
    parsed = ParseResult(file="b.pdf", pages=4, letters=_bundle("2025-06-12", "ชย 0023.14/579"))
    figures = evaluate([(truth, parsed)], DIRECTORY_CSV)
    assert figures.edges_truth == 2 and figures.edges_f1 == pytest.approx(0.5)  # the enclosure right, the reference not
    assert figures.links_truth == 1 and figures.links_f1 == 1.0
    assert figures.routing_agreement == 1.0 and figures.routed_letters == 2
    assert figures.tasks == 3 and figures.deadline_right == 0.0  # three SAOs, each with the misread deadline


def test_perfect_parse_scores_one():
    letters = _bundle("2025-06-11", "ชย 0023.14/578")
    truth = TruthBundle(file="b.pdf", format="pdf", dpi=300, seed=1, pages=4, page_texts=[], letters=letters)
    figures = evaluate([(truth, ParseResult(file="b.pdf", pages=4, letters=letters))], DIRECTORY_CSV)
    assert (figures.edges_f1, figures.links_f1, figures.routing_agreement, figures.deadline_right) == (1, 1, 1, 1)
