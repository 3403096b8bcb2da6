"""OCR text of a bundle -> its letters with every field (pure; never raises).

normalise (``text.normalize``) -> split (``split``) -> letterhead
(``header``), labelled fields (``fields``), body and foot (``body``),
deadlines (``deadlines``) -> checks (``copies``, ``plausibility``, ``deadlinechain``).
"""

from __future__ import annotations

import datetime as dt
import traceback

from docintake.models import Letter, ParseResult, ParseWarning, ReceiptStamp
from docintake.parse.letter import Parsed, parse_letter
from docintake.parse.lines import bundle_lines
from docintake.parse.notes import Notes
from docintake.parse.copies import check_bundle
from docintake.parse.deadlinechain import settle_deadlines
from docintake.parse.plausibility import check_letter, plausible_window
from docintake.parse.split import split_lines
from docintake.text.normalize import clean_ocr_text

__all__ = ["parse_pages", "parse_text"]


def parse_text(text: str, *, file: str = "", today: dt.date | None = None) -> ParseResult:
    """Parse OCR text whose pages are separated by form feeds."""
    return parse_pages(text.split("\f"), file=file, today=today)


def parse_pages(pages: list[str], *, file: str = "", today: dt.date | None = None) -> ParseResult:
    """Parse the OCR text of each page of one file into its letters.

    Pure: no I/O, no clock (``today`` is passed in for plausibility checks).
    Never raises: a letter whose parsing fails comes back with what was read
    and an ``internal_error`` warning.
    """
    try:
        lines = bundle_lines([clean_ocr_text(p or "") for p in pages])
        spans = split_lines(lines)
    except Exception as exc:  # noqa: BLE001 - the contract is "never raises"
        return ParseResult(file=file, pages=len(pages), letters=[_failed(exc)])
    parsed: list[Parsed] = []
    receipt: ReceiptStamp | None = None  # the bundle's stamp, on its first letter
    for k, span in enumerate(spans):
        try:
            window = plausible_window(today, receipt.date if receipt else None)
            p = parse_letter(lines, span, first=k == 0, receipt=receipt, window=window)
            receipt = receipt or p.letter.receipt
            parsed.append(p)
        except Exception as exc:  # noqa: BLE001
            parsed.append(Parsed(_failed(exc, span.first_page, span.last_page), Notes(), None))
    _checks(parsed, receipt.date if receipt else None, today)
    return ParseResult(file=file, pages=len(pages), letters=[_finish(p) for p in parsed])


def _checks(parsed: list[Parsed], receipt_date: dt.date | None, today: dt.date | None) -> None:
    try:
        check_bundle(parsed)
        context = receipt_date
        for p in parsed:
            check_letter(p, context, today)
            context = p.letter.date or context
        settle_deadlines(parsed)  # after the dates are settled: they bound the deadlines
    except Exception as exc:  # noqa: BLE001
        for p in parsed:
            p.notes.warn("internal_error", None, _describe(exc))


def _finish(p: Parsed) -> Letter:
    p.letter.warnings = list(p.notes.warnings)
    p.letter.confidence = dict(sorted(p.notes.confidence.items()))
    return p.letter


def _failed(exc: Exception, first: int = 0, last: int = 0) -> Letter:
    return Letter(pages=(first + 1, last + 1),
                  warnings=[ParseWarning(code="internal_error", field=None, message=_describe(exc))])


def _describe(exc: Exception) -> str:
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    loc = f" at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}" if where else ""
    return f"parser error {type(exc).__name__}: {exc}{loc}; the letter's fields may be incomplete"

