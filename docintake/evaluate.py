"""``make eval``: accuracy of every stage on a synthetic corpus with ground truth.

The recipe: read the corpus manifest -> OCR every page twice (bare stock
Tesseract, then the project's OCR stage) -> parse the project's OCR text and,
separately, the ground-truth text -> compare with the truth -> one table.
Stages that are not built yet show as "not built" rather than failing.
"""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pydantic import BaseModel, Field

from docintake import metrics
from docintake.config import Settings
from docintake.errors import InputFileError
from docintake.models import Letter, ParseResult, TruthBundle
from docintake.scoring import FieldFigures, score_fields


class OcrFigures(BaseModel):
    pages: int = 0
    cer: float | None = None  # mean page CER
    digits: int = 0  # Thai digits in the truth
    digits_ok: int = 0
    hard_digits: int = 0  # ๔๖๗๘๙: the ones stock Tesseract cannot output
    hard_digits_ok: int = 0
    per_digit: dict[str, list[int]] = Field(default_factory=dict)  # digit -> [ok, total]
    seconds: float = 0.0  # wall-clock for the whole pass
    pages_per_minute: float | None = None

    @property
    def digit_accuracy(self) -> float | None:
        return self.digits_ok / self.digits if self.digits else None


class EvalReport(BaseModel):
    corpus: str
    seed: int | None = None
    bundles: int = 0
    pages: int = 0
    ocr: dict[str, dict[str, OcrFigures]] = Field(default_factory=dict)  # engine -> dpi -> figures
    fields_ocr: FieldFigures | None = None  # parse of the project's OCR text
    fields_truth: FieldFigures | None = None  # parse of the exact page texts
    registry_ocr: dict | None = None  # graph edges, routing, deadlines from our OCR text
    registry_truth: dict | None = None  # the same from the exact page texts
    notes: list[str] = Field(default_factory=list)


def load_corpus(corpus: Path, limit: int | None = None) -> list[tuple[Path, TruthBundle]]:
    """The scans and their truth, in manifest order."""
    truths = sorted(corpus.glob("*.truth.json"))
    if not truths:
        raise InputFileError(f"{corpus} holds no *.truth.json; make one with `docintake synth {corpus}`.")
    bundles = []
    for path in truths[:limit]:
        truth = TruthBundle.model_validate_json(path.read_text(encoding="utf-8"))
        bundles.append((corpus / truth.file, truth))
    return bundles


def run(
    corpus: Path,
    settings: Settings,
    limit: int | None = None,
    dump: Path | None = None,
    ocr_text: Path | None = None,
) -> EvalReport:
    """Measure everything; with ``dump``, keep each bundle's OCR text and parse for error analysis.

    With ``ocr_text`` (a folder an earlier run dumped), the OCR passes are
    skipped and the recorded text is parsed again: the parser's loop in seconds.
    """
    bundles = load_corpus(corpus, limit)
    report = EvalReport(corpus=str(corpus), bundles=len(bundles), pages=sum(t.pages for _, t in bundles))
    report.seed = _manifest_seed(corpus)
    report.fields_truth, report.registry_truth = _parse_truth_texts(bundles, report)
    if ocr_text is not None:
        texts = _recorded_texts(bundles, ocr_text)
        report.ocr["ours"] = _ocr_figures(bundles, texts, 0.0)
        report.notes.append(f"OCR text replayed from {ocr_text}: no OCR was run, pages/min is not measured")
        report.fields_ocr, report.registry_ocr = _parse_scored(bundles, texts, corpus, dump)
        return report
    stock = _stock_pass(bundles, settings)
    if stock is not None:
        report.ocr["stock"] = _ocr_figures(bundles, *stock)
    ours = _project_pass(bundles, settings, report)
    if ours is not None:
        texts, seconds = ours
        report.ocr["ours"] = _ocr_figures(bundles, texts, seconds)
        report.fields_ocr, report.registry_ocr = _parse_scored(bundles, texts, corpus, dump)
    return report


def _recorded_texts(bundles, folder: Path) -> list[list[str]]:
    """Each bundle's pages from ``<folder>/<stem>.ocr.txt`` (form feeds between pages)."""
    texts = []
    for _, truth in bundles:
        path = folder / f"{Path(truth.file).stem}.ocr.txt"
        if not path.exists():
            raise InputFileError(f"{path} is missing: run `docintake eval` once without --ocr-text to record it.")
        texts.append(path.read_text(encoding="utf-8").split("\f"))
    return texts


def _manifest_seed(corpus: Path) -> int | None:
    manifest = corpus / "corpus.json"
    if manifest.exists():
        return json.loads(manifest.read_text(encoding="utf-8")).get("seed")
    return None


# ------------------------------------------------------------------ OCR passes


def _stock_file(path: str) -> tuple[list[str], float]:
    """Bare ``tesseract -l tha+eng`` on each unprocessed page: the baseline."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    import pytesseract

    from docintake.intake.load import iter_pages

    started = time.perf_counter()
    texts = []
    for page in iter_pages(Path(path)):
        texts.append(pytesseract.image_to_string(page.image, lang="tha+eng") if page.image else "")
    return texts, time.perf_counter() - started


def _stock_pass(bundles, settings: Settings):
    try:
        import docintake.intake.load  # noqa: F401
    except ImportError:
        return None
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=settings.jobs) as pool:
        results = list(pool.map(_stock_file, [str(p) for p, _ in bundles]))
    return [texts for texts, _ in results], time.perf_counter() - started


def _project_pass(bundles, settings: Settings, report: EvalReport):
    try:
        from docintake.ocr import ocr_file
    except ImportError:
        report.notes.append("project OCR stage: not built yet")
        return None
    started = time.perf_counter()
    results = [ocr_file(path, settings) for path, _ in bundles]
    elapsed = time.perf_counter() - started
    return [[p.text for p in r.pages] for r in results], elapsed


def _ocr_figures(bundles, texts: list[list[str]], seconds: float) -> dict[str, OcrFigures]:
    by_dpi: dict[str, OcrFigures] = defaultdict(OcrFigures)
    cers: dict[str, list[float]] = defaultdict(list)
    for (_, truth), pages in zip(bundles, texts):
        for want, got in zip(truth.page_texts, pages + [""] * (len(truth.page_texts) - len(pages))):
            for key in (str(truth.dpi), "all"):
                _add_page(by_dpi[key], cers[key], want, got)
    for key, fig in by_dpi.items():
        fig.cer = sum(cers[key]) / len(cers[key]) if cers[key] else None
    total = by_dpi["all"]
    total.seconds = seconds
    total.pages_per_minute = total.pages / seconds * 60 if seconds else None
    return dict(by_dpi)


def _add_page(fig: OcrFigures, cers: list[float], truth: str, got: str) -> None:
    fig.pages += 1
    cers.append(metrics.cer(truth, got))
    for digit, ok in metrics.digit_hits(truth, got):
        fig.digits += 1
        fig.digits_ok += ok
        counts = fig.per_digit.setdefault(digit, [0, 0])
        counts[0] += ok
        counts[1] += 1
        if digit in "๔๖๗๘๙":
            fig.hard_digits += 1
            fig.hard_digits_ok += ok


# ------------------------------------------------------------------ parsing


def _parse_truth_texts(bundles, report: EvalReport):
    try:
        import docintake.parse  # noqa: F401
    except ImportError:
        report.notes.append("parser: not built yet")
        return None, None
    return _parse_scored(bundles, [t.page_texts for _, t in bundles], Path(report.corpus))


def _parse_scored(bundles, texts: list[list[str]], corpus: Path, dump: Path | None = None):
    """Parse every bundle's pages; score the fields, then the registry built from them."""
    from docintake.parse import parse_pages
    started = time.perf_counter()
    parsed: list[ParseResult] = [parse_pages(pages, file=t.file) for (_, t), pages in zip(bundles, texts)]
    seconds = time.perf_counter() - started
    pairs: list[tuple[list[Letter], list[Letter]]] = [
        (truth.letters, result.letters) for (_, truth), result in zip(bundles, parsed)
    ]
    if dump is not None:
        _dump(dump, bundles, texts, parsed)
    figures = score_fields(pairs)
    figures.letters_per_second = figures.letters_predicted / seconds if seconds else None
    return figures, _registry_figures(bundles, parsed, corpus)


def _dump(folder: Path, bundles, texts: list[list[str]], parsed: list[ParseResult]) -> None:
    """<name>.ocr.txt (pages split by form feeds) and <name>.parse.json per bundle."""
    folder.mkdir(parents=True, exist_ok=True)
    for (_, truth), pages, result in zip(bundles, texts, parsed):
        stem = Path(truth.file).stem
        (folder / f"{stem}.ocr.txt").write_text("\f".join(pages), encoding="utf-8")
        (folder / f"{stem}.parse.json").write_text(result.model_dump_json(indent=1), encoding="utf-8")


def _registry_figures(bundles, parsed: list[ParseResult], corpus: Path) -> dict | None:
    try:
        from docintake.registry.evaluation import evaluate as evaluate_registry
    except ImportError:
        return None
    directory = corpus / "directory.csv"
    csv_text = directory.read_text(encoding="utf-8") if directory.exists() else None
    figures = evaluate_registry([(truth, result) for (_, truth), result in zip(bundles, parsed)], csv_text)
    return figures.model_dump()


# ------------------------------------------------------------------ table


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def render_table(report: EvalReport) -> str:
    """The one table `make eval` prints."""
    lines = [f"corpus {report.corpus}  seed {report.seed}  bundles {report.bundles}  pages {report.pages}", ""]
    lines += _ocr_rows(report)
    lines.append("")
    lines += _field_rows(report)
    lines.append("")
    lines += _registry_rows(report)
    lines += [f"note: {n}" for n in report.notes]
    return "\n".join(lines)


def _ocr_rows(report: EvalReport) -> list[str]:
    rows = [f"{'OCR':<8}{'dpi':>5}{'pages':>7}{'CER':>8}{'Thai digits':>13}{'๔๖๗๘๙':>9}{'pages/min':>11}"]
    for engine, by_dpi in report.ocr.items():
        for dpi in sorted(by_dpi, key=lambda d: (d == "all", d)):
            fig = by_dpi[dpi]
            hard = fig.hard_digits_ok / fig.hard_digits if fig.hard_digits else None
            ppm = f"{fig.pages_per_minute:.1f}" if fig.pages_per_minute else ""
            rows.append(
                f"{engine:<8}{dpi:>5}{fig.pages:>7}{_pct(fig.cer):>8}{_pct(fig.digit_accuracy):>13}"
                f"{_pct(hard):>9}{ppm:>11}"
            )
    if not report.ocr:
        rows.append("(no OCR stage built yet)")
    return rows


def _field_rows(report: EvalReport) -> list[str]:
    names = FieldFigures.table_rows()
    header = f"{'field':<28}{'truth text':>12}{'our OCR':>12}"
    rows = [header]
    for label, attr in names:
        cells = [getattr(f, attr) if f else None for f in (report.fields_truth, report.fields_ocr)]
        rows.append(f"{label:<28}" + "".join(f"{_fmt(c):>12}" for c in cells))
    return rows


# Issue 5's routing target is district letters to LAOs: that figure sits under the
# all-letters one. The indented rows say how much of a figure is lost to letter
# numbers the parse misread (every task and routing is keyed by doc_no), and the
# figure over the letters whose number was read. A report from before a key: —.
REGISTRY_ROWS = [
    ("graph edges F1", "edges_f1"),
    ("chain links F1", "links_f1"),
    ("routing agreement", "routing_agreement"),
    ("routing, district letters", "routing_district"),
    ("  letters, no. unread", "district_letters_unread"),
    ("  routing when no. read", "routing_district_when_read"),
    ("effective deadline right", "deadline_right"),
    ("  tasks, letter no. unread", "tasks_letter_unread"),
    ("  deadline when no. read", "deadline_right_when_read"),
    ("tasks", "tasks"),
]


def _registry_rows(report: EvalReport) -> list[str]:
    rows = [f"{'registry':<28}{'truth text':>12}{'our OCR':>12}"]
    for label, key in REGISTRY_ROWS:
        cells = [f.get(key) if f else None for f in (report.registry_truth, report.registry_ocr)]
        rows.append(f"{label:<28}" + "".join(f"{_fmt(c):>12}" for c in cells))
    return rows


def _fmt(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and value <= 1.0:
        return _pct(value)
    if isinstance(value, float):
        return f"{value:.0f}"
    return str(value)
