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


MEMO = ("ชย 76101/55", "2025-06-10")
# อบต.หนองไผ่ has no namesake in the directory (อบต.บ้านใหม่ has two: its memo would reach neither).
MEMO_FIELDS = dict(issuer="กองคลัง องค์การบริหารส่วนตำบลหนองไผ่", to="นายกองค์การบริหารส่วนตำบลหนองไผ่")


def _three(dist_doc="ชย 0023.14/1709", dist_to="นายก อบต. ทุกแห่ง", prov_to="นายอำเภอ ทุกอำเภอ",
           memo_to=MEMO_FIELDS["to"]) -> list:
    """A district letter to every SAO, the province letter it forwards (to the
    districts), and an SAO division's memo to its own head."""
    dist = letter(dist_doc, "2025-06-16", deadline="2025-06-11", copies=[PROV], pages=(1, 2),
                  issuer=DISTRICT["issuer"], to=dist_to)
    prov = letter(*PROV, pages=(3, 4), to=prov_to, issuer="ศาลากลางจังหวัดชัยภูมิ")
    memo = letter(*MEMO, pages=(5, 5), issuer=MEMO_FIELDS["issuer"], to=memo_to)
    return [dist, prov, memo]


@pytest.mark.parametrize("parsed, agreement, district", [
    pytest.param({}, 1.0, 1.0, id="all-right"),
    # The province letter reaches one district instead of all: every-letter
    # routing drops, the district letters' figure does not see it.
    pytest.param({"prov_to": "นายอำเภอเมืองเพ็ญ"}, 2 / 3, 1.0, id="province-letter-misrouted"),
    # The memo is an LAO's own: not a district letter either.
    pytest.param({"memo_to": "นายกองค์การบริหารส่วนตำบลโนนสูง"}, 2 / 3, 1.0, id="lao-memo-misrouted"),
    # The district letter reaches one SAO instead of three.
    pytest.param({"dist_to": "นายก อบต. บ้านใหม่"}, 2 / 3, 0.0, id="district-letter-misrouted"),
    # Its number misread: its routings hang on a letter the truth does not know.
    pytest.param({"dist_doc": "ชย 0023.14/1703"}, 2 / 3, 0.0, id="district-letter-number-misread"),
])
def test_routing_of_district_letters_apart(parsed, agreement, district):
    truth = TruthBundle(file="b.pdf", format="pdf", dpi=300, seed=1, pages=5, page_texts=[], letters=_three())
    figures = evaluate([(truth, ParseResult(file="b.pdf", pages=5, letters=_three(**parsed)))], DIRECTORY_CSV)
    assert figures.routed_letters == 3 and figures.district_letters == 1
    assert figures.routing_agreement == pytest.approx(agreement)
    assert figures.routing_district == pytest.approx(district)


def test_no_district_letters_no_figure():
    letters = _three()[1:]
    truth = TruthBundle(file="b.pdf", format="pdf", dpi=300, seed=1, pages=5, page_texts=[], letters=letters)
    figures = evaluate([(truth, ParseResult(file="b.pdf", pages=5, letters=letters))], DIRECTORY_CSV)
    assert figures.district_letters == 0 and figures.routing_district is None


@pytest.mark.parametrize("ocr, cell", [
    pytest.param({"routing_agreement": 0.5, "routing_district": 0.75}, "75.0%", id="shown"),
    pytest.param({"routing_agreement": 0.5}, "—", id="report-from-before-the-figure"),
])
def test_eval_table_shows_district_routing_under_all_letters(ocr, cell):
    from docintake.evaluate import EvalReport, _registry_rows

    rows = _registry_rows(EvalReport(corpus="c", registry_truth={"routing_agreement": 1.0, "routing_district": 1.0},
                                     registry_ocr=ocr))
    labels = [r[:28].strip() for r in rows]
    at = labels.index("routing, district letters")
    assert labels[at - 1] == "routing agreement" and rows[at - 1].split()[-1] == "50.0%"
    assert rows[at].split()[-1] == cell


# The diagnostics: tasks and district letters lost to a misread number, and the figures over the rest.
# _three(): the district letter (three SAOs of เมืองเพ็ญ, deadline 11 Jun), the province letter
# (to districts: no task), and the SAO memo (its own head: one task, no deadline).
@pytest.mark.parametrize("parsed, unread, when_read, right, d_unread, d_when_read", [
    pytest.param({}, 0, 1.0, 1.0, 0, 1.0, id="all-right"),
    # ชย 0023.14/1709 read 1703: its three tasks cannot match; the memo's one is right.
    pytest.param({"dist_doc": "ชย 0023.14/1703"}, 3, 1.0, 1 / 4, 1, None, id="district-number-misread"),
    # Not read at all: the same loss.
    pytest.param({"dist_doc": None}, 3, 1.0, 1 / 4, 1, None, id="district-number-unread"),
    # Number right, เรียน misread to one SAO: the loss is in routing, not reading.
    pytest.param({"dist_to": "นายก อบต. บ้านใหม่"}, 0, 2 / 4, 2 / 4, 0, 0.0, id="number-read-misrouted"),
])
def test_tasks_lost_to_unread_numbers_are_told_apart(parsed, unread, when_read, right, d_unread, d_when_read):
    truth = TruthBundle(file="b.pdf", format="pdf", dpi=300, seed=1, pages=5, page_texts=[], letters=_three())
    figures = evaluate([(truth, ParseResult(file="b.pdf", pages=5, letters=_three(**parsed)))], DIRECTORY_CSV)
    assert figures.tasks == 4 and figures.deadline_right == pytest.approx(right)
    assert figures.tasks_letter_unread == unread
    assert figures.deadline_right_when_read == pytest.approx(when_read)
    assert figures.district_letters_unread == d_unread
    assert figures.routing_district_when_read == (None if d_when_read is None else pytest.approx(d_when_read))
    # deadline_right keeps its meaning: read share times the figure over the read
    assert figures.deadline_right == pytest.approx((1 - unread / figures.tasks) * when_read)


def test_a_number_only_named_by_a_reference_is_not_read():
    # The district letter's number unread; a later letter's อ้างถึง names ชย 0023.14/1709, which
    # makes a placeholder under that number: named, not received, so still unread.
    later = letter("ชย 0023.14/1800", "2025-06-20", refs=[("ชย 0023.14/1709", "2025-06-16")], pages=(6, 6),
                   issuer=DISTRICT["issuer"], to="นายอำเภอเมืองเพ็ญ")
    truth = TruthBundle(file="b.pdf", format="pdf", dpi=300, seed=1, pages=6, page_texts=[],
                        letters=[*_three(), later])
    parsed = ParseResult(file="b.pdf", pages=6, letters=[*_three(dist_doc=None), later])
    figures = evaluate([(truth, parsed)], DIRECTORY_CSV)
    assert figures.tasks_letter_unread == 3 and figures.district_letters_unread == 1


@pytest.mark.parametrize("ocr, cells", [
    pytest.param({"tasks_letter_unread": 3, "deadline_right_when_read": 0.9, "district_letters_unread": 1,
                  "routing_district_when_read": 0.95}, ["1", "95.0%", "3", "90.0%"], id="shown"),
    pytest.param({"deadline_right": 0.5}, ["—", "—", "—", "—"], id="report-from-before-the-figures"),
])
def test_eval_table_shows_what_unread_numbers_cost(ocr, cells):
    from docintake.evaluate import EvalReport, _registry_rows

    rows = _registry_rows(EvalReport(corpus="c", registry_truth={}, registry_ocr=ocr))
    by_label = {r[:28].strip(): r.split()[-1] for r in rows}
    labels = [r[:28].strip() for r in rows]
    assert labels.index("letters, no. unread") == labels.index("routing, district letters") + 1
    assert labels.index("tasks, letter no. unread") == labels.index("effective deadline right") + 1
    assert [by_label[k] for k in ("letters, no. unread", "routing when no. read", "tasks, letter no. unread",
                                  "deadline when no. read")] == cells
