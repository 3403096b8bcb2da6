"""Compare parsed letters with ground-truth letters, field by field (pure).

Letters are paired by page span (a letter is where it is in the bundle); a
truth letter with no partner counts as wrong in every field, and a predicted
letter with no partner adds false positives to the set-valued fields.
"""

from __future__ import annotations

from pydantic import BaseModel

from docintake import metrics
from docintake.models import Letter

SUBJECT_OK = 0.95  # a subject this similar to the truth counts as read


class FieldFigures(BaseModel):
    letters_truth: int = 0
    letters_predicted: int = 0
    letters_matched: int = 0
    bundles: int = 0
    split_exact: float | None = None  # bundles whose letter count and page spans are exact
    doc_no: float | None = None
    date: float | None = None
    urgency: float | None = None
    deadlines_f1: float | None = None
    refs_f1: float | None = None
    subject_mean: float | None = None
    subject_ok: float | None = None  # share of letters with similarity >= SUBJECT_OK
    letters_per_second: float | None = None
    # The receipt stamp, over the truth letters that carry one: its date is the
    # base of relative deadlines (appended fields; reports from before: None).
    receipt_stamps: int | None = None
    receipt_number: float | None = None
    receipt_date: float | None = None
    receipt_time: float | None = None

    @staticmethod
    def table_rows() -> list[tuple[str, str]]:
        return [
            ("letters in truth", "letters_truth"),
            ("letters found", "letters_predicted"),
            ("split exact (bundles)", "split_exact"),
            ("doc_no exact", "doc_no"),
            ("date exact", "date"),
            ("urgency exact", "urgency"),
            ("deadlines F1", "deadlines_f1"),
            ("references+enclosures F1", "refs_f1"),
            ("subject similarity (mean)", "subject_mean"),
            (f"subject >= {SUBJECT_OK}", "subject_ok"),
            ("receipt stamps in truth", "receipt_stamps"),
            ("  receipt number exact", "receipt_number"),
            ("  receipt date exact", "receipt_date"),
            ("  receipt time exact", "receipt_time"),
            ("letters / second (parse)", "letters_per_second"),
        ]


def pair_letters(truth: list[Letter], predicted: list[Letter]) -> list[tuple[Letter, Letter | None]]:
    """Pair each truth letter with the unused predicted letter whose pages overlap most."""
    used: set[int] = set()
    pairs = []
    for want in truth:
        best, best_key = None, None
        for i, got in enumerate(predicted):
            if i in used:
                continue
            overlap = min(want.pages[1], got.pages[1]) - max(want.pages[0], got.pages[0]) + 1
            key = (overlap, -abs(want.pages[0] - got.pages[0]))
            if overlap > 0 and (best_key is None or key > best_key):
                best, best_key = i, key
        if best is not None:
            used.add(best)
        pairs.append((want, predicted[best] if best is not None else None))
    return pairs


def _deadline_set(letter: Letter | None) -> set:
    return {d.date for d in letter.deadlines if d.date} if letter else set()


def _ref_set(letter: Letter | None) -> set:
    if letter is None:
        return set()
    entries = [*letter.references, *letter.enclosures]
    return {(e.doc_no, e.date) for e in entries if e.doc_no}


RECEIPT_FIELDS = ("number", "date", "time")


def _receipt_hits(want: Letter, got: Letter | None) -> dict[str, bool] | None:
    """Which of the stamp's values were read exactly; None when the truth
    letter carries no stamp."""
    if want.receipt is None:
        return None
    have = got.receipt if got is not None else None
    return {name: have is not None and getattr(have, name) == getattr(want.receipt, name)
            for name in RECEIPT_FIELDS}


def _score_receipts(fig: FieldFigures, hits: list[dict[str, bool]]) -> None:
    fig.receipt_stamps = len(hits)
    for name in RECEIPT_FIELDS:
        setattr(fig, f"receipt_{name}", sum(h[name] for h in hits) / len(hits) if hits else None)


def score_fields(bundles: list[tuple[list[Letter], list[Letter]]]) -> FieldFigures:
    """Field accuracy over many bundles of (truth letters, predicted letters)."""
    fig = FieldFigures(bundles=len(bundles))
    exact = {"doc_no": 0, "date": 0, "urgency": 0}
    subjects: list[float] = []
    deadline_sets, ref_sets, split_ok = [], [], 0
    receipts: list[dict[str, bool]] = []
    for truth, predicted in bundles:
        fig.letters_truth += len(truth)
        fig.letters_predicted += len(predicted)
        split_ok += [t.pages for t in truth] == [p.pages for p in predicted]
        pairs = pair_letters(truth, predicted)
        matched = {id(got) for _, got in pairs if got is not None}
        for want, got in pairs:
            fig.letters_matched += got is not None
            for name in exact:
                exact[name] += got is not None and getattr(want, name) == getattr(got, name)
            subjects.append(metrics.similarity(want.subject, got.subject if got else None))
            deadline_sets.append((_deadline_set(want), _deadline_set(got)))
            ref_sets.append((_ref_set(want), _ref_set(got)))
            if (stamp := _receipt_hits(want, got)) is not None:
                receipts.append(stamp)
        for extra in (p for p in predicted if id(p) not in matched):
            deadline_sets.append((set(), _deadline_set(extra)))
            ref_sets.append((set(), _ref_set(extra)))
    n = fig.letters_truth or None
    for name, hits in exact.items():
        setattr(fig, name, hits / n if n else None)
    fig.split_exact = split_ok / len(bundles) if bundles else None
    fig.deadlines_f1 = metrics.micro_f1(deadline_sets) if n else None
    fig.refs_f1 = metrics.micro_f1(ref_sets) if n else None
    fig.subject_mean = sum(subjects) / len(subjects) if subjects else None
    fig.subject_ok = sum(s >= SUBJECT_OK for s in subjects) / len(subjects) if subjects else None
    _score_receipts(fig, receipts)
    return fig
