"""Field scoring: pairing letters by page span and counting fields fairly."""

import datetime as dt

import pytest

from docintake.models import Deadline, Enclosure, Letter, ReceiptStamp, Reference
from docintake.scoring import pair_letters, score_fields


def letter(pages, doc_no="ชย 0023.14/1709", **kw):
    return Letter(pages=pages, doc_no=doc_no, **kw)


def test_pairs_by_page_overlap_not_by_position():
    truth = [letter((1, 2)), letter((2, 3))]
    predicted = [letter((2, 3), doc_no="B")]
    pairs = pair_letters(truth, predicted)
    assert pairs[0][1] is None or pairs[0][1].doc_no == "B"
    assert [got is not None for _, got in pairs].count(True) == 1


def test_missing_letter_counts_as_wrong_in_every_field():
    truth = [letter((1, 1)), letter((2, 2), doc_no="มท 0810.6/ว 2069")]
    fig = score_fields([(truth, [letter((1, 1))])])
    assert fig.doc_no == pytest.approx(0.5)
    assert fig.split_exact == 0.0


def test_extra_predicted_letter_lowers_reference_precision():
    ref = Reference(doc_no="มท 0810.6/ว 2069", date=dt.date(2025, 5, 14))
    truth = [letter((1, 1), references=[ref])]
    extra = letter((2, 2), enclosures=[Enclosure(text="x", doc_no="ชย 1/1", date=dt.date(2025, 1, 1))])
    fig = score_fields([(truth, [letter((1, 1), references=[ref]), extra])])
    assert fig.refs_f1 == pytest.approx(2 / 3)


def test_deadlines_compared_as_dates():
    d = Deadline(date=dt.date(2025, 6, 11), text="ภายในวันที่ ๑๑ มิถุนายน ๒๕๖๘")
    other = Deadline(date=dt.date(2025, 6, 11), text="differently worded", relative=True)
    fig = score_fields([([letter((1, 1), deadlines=[d])], [letter((1, 1), deadlines=[other])])])
    assert fig.deadlines_f1 == 1.0


def test_perfect_bundle_scores_full_marks():
    one = letter((1, 2), date=dt.date(2025, 6, 16), subject="การขับเคลื่อน", urgency="ด่วนที่สุด")
    fig = score_fields([([one], [one.model_copy()])])
    assert (fig.doc_no, fig.date, fig.urgency, fig.subject_ok, fig.split_exact) == (1, 1, 1, 1, 1)


STAMP = ReceiptStamp(office="อบต.นาแก", number="295", date=dt.date(2025, 6, 9), time="15.40")
RECEIPTS = [
    # (id, the predicted stamp, (number, date, time) exact)
    ("all-read", STAMP, (1, 1, 1)),
    ("date-unread", STAMP.model_copy(update={"date": None}), (1, 0, 1)),
    ("date-wrong-time-unread", STAMP.model_copy(update={"date": dt.date(2025, 6, 6), "time": None}), (1, 0, 0)),
    ("no-stamp-read", None, (0, 0, 0)),
]


@pytest.mark.parametrize(("got", "want"), [c[1:] for c in RECEIPTS], ids=[c[0] for c in RECEIPTS])
def test_receipt_stamp_scored_over_truth_letters_with_one(got, want):
    # The second truth letter has no stamp (only a bundle's first letter does): not counted.
    truth = [letter((1, 1), receipt=STAMP), letter((2, 2))]
    fig = score_fields([(truth, [letter((1, 1), receipt=got), letter((2, 2), receipt=STAMP)])])
    assert fig.receipt_stamps == 1
    assert (fig.receipt_number, fig.receipt_date, fig.receipt_time) == want


def test_no_stamp_in_truth_scores_none():
    fig = score_fields([([letter((1, 1))], [letter((1, 1), receipt=STAMP)])])
    assert (fig.receipt_stamps, fig.receipt_date) == (0, None)
