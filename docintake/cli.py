"""The ``docintake`` command line.

Each command's docstring is its ``--help``. Errors are mapped to exit codes in
one place, ``main``: a ``DocintakeError`` prints its message (a traceback only
with ``--verbose``) and exits with its ``ExitCode``.
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path
from typing import Any, Optional

import typer
from pydantic import BaseModel

from docintake import __version__
from docintake.config import Settings
from docintake.errors import DocintakeError, ExitCode, InputFileError, UsageError

app = typer.Typer(
    help="Read Thai official letters and tell each LAO what it must do and by when.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def emit_json(value: Any) -> None:
    """Print a model, or plain data holding models, as UTF-8 JSON (Thai kept readable)."""
    if isinstance(value, BaseModel):
        text = value.model_dump_json(indent=2)
    else:
        text = json.dumps(_plain(value), ensure_ascii=False, indent=2, default=str)
    typer.echo(text)


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def settings_from(jobs: int | None = None, dpi: int | None = None) -> Settings:
    """Settings for one command run; only options the user gave override defaults."""
    overrides = {k: v for k, v in {"jobs": jobs, "dpi": dpi}.items() if v is not None}
    return Settings(**overrides)


def _existing_file(path: Path) -> Path:
    if not path.exists():
        raise InputFileError(f"{path}: no such file. Check the path and try again.")
    if path.is_dir():
        raise InputFileError(f"{path} is a folder; give one scan or text file.")
    return path


@app.callback()
def _root(
    verbose: bool = typer.Option(False, "--verbose", help="Show tracebacks on errors (any position)."),
) -> None:
    """docintake: Thai official letters in, deadlines per LAO out."""


@app.command()
def version() -> None:
    """Print the docintake version."""
    typer.echo(__version__)


@app.command()
def ocr(
    file: Path = typer.Argument(..., help="A scan: JPG, PNG, TIFF (multi-page) or PDF."),
    as_json: bool = typer.Option(False, "--json", help="Print words, boxes and confidences."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Pages OCR'd in parallel."),
    dpi: Optional[int] = typer.Option(None, help="Rasterisation of PDF pages."),
) -> None:
    """OCR a scan and print its text, pages separated by form feeds.

    Example: docintake ocr samples/bundle.pdf > bundle.txt
    """
    from docintake import pipeline

    result = pipeline.ocr(_existing_file(file), settings_from(jobs, dpi))
    if as_json:
        emit_json(result)
    else:
        typer.echo(result.text)


@app.command()
def parse(
    file: Path = typer.Argument(..., help="A scan, or with --text a UTF-8 text file."),
    text: bool = typer.Option(False, "--text", help="FILE is OCR text; pages split on form feeds."),
    as_json: bool = typer.Option(True, "--json/--summary", help="JSON (default) or a short summary."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Pages OCR'd in parallel."),
) -> None:
    """Split a bundle into its letters and print every field read.

    Example: docintake parse --text tests/fixtures/seed_bundle.txt --json
    """
    from docintake import pipeline

    path = _existing_file(file)
    settings = settings_from(jobs)
    result = pipeline.parse_text_file(path, settings) if text else pipeline.read_file(path, settings)
    if as_json:
        emit_json(result)
        return
    for letter in result.letters:
        typer.echo(
            f"p{letter.pages[0]}-{letter.pages[1]}  {letter.doc_no or '?'}  "
            f"{letter.date or '?'}  {letter.urgency or ''}  {letter.subject or ''}"
        )


@app.command()
def synth(
    outdir: Path = typer.Argument(..., help="Folder to write the corpus into."),
    n: int = typer.Option(30, "--n", help="Number of bundles."),
    seed: int = typer.Option(1, "--seed", help="Same seed, same corpus."),
) -> None:
    """Render a synthetic corpus of scanned bundles with ground truth.

    Each bundle is a scan (PDF, TIFF, JPG or PNG) and <name>.truth.json; the
    folder also gets corpus.json and directory.csv.
    Example: docintake synth corpus/ --n 30 --seed 1
    """
    from docintake.synth import generate_corpus

    paths = generate_corpus(outdir, n=n, seed=seed)
    typer.echo(f"wrote {len(paths)} bundles to {outdir}")


@app.command("eval")
def evaluate_cmd(
    corpus: Path = typer.Argument(..., help="A folder written by `docintake synth`."),
    out: Path = typer.Option(Path("eval-out/eval.json"), help="Where to write the table as JSON."),
    limit: Optional[int] = typer.Option(None, help="Evaluate only the first N bundles."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Pages OCR'd in parallel."),
    ocr_text: Optional[Path] = typer.Option(
        None, "--ocr-text", help="Replay OCR text an earlier run dumped (a *-predictions folder) instead of OCR."
    ),
) -> None:
    """Measure accuracy on a synthetic corpus and print one table.

    Page CER (stock Tesseract vs ours), Thai digit accuracy, per-field exact
    match, reference F1, subject similarity, split accuracy, pages per minute.
    """
    from docintake import evaluate

    dump = out.parent / f"{out.stem}-predictions"
    if ocr_text is not None and ocr_text.resolve() == dump.resolve():
        raise UsageError(f"--ocr-text {ocr_text} is where this run writes; copy it elsewhere or pick another --out.")
    report = evaluate.run(corpus, settings_from(jobs), limit=limit, dump=dump, ocr_text=ocr_text)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report.model_dump_json(indent=2), encoding="utf-8")
    typer.echo(evaluate.render_table(report))
    typer.echo(f"\nwritten: {out}, and each bundle's OCR text and parse in {dump}/")


@app.command()
def demo(
    folder: Path = typer.Argument(Path("samples"), help="Folder of scans (and directory.csv) to read."),
    db: Path = typer.Option(Path("docintake.db"), "--db", envvar="DOCINTAKE_DB", help="Registry file."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="YYYY-MM-DD; default today."),
) -> None:
    """Ingest every scan in FOLDER and print each LAO's pending deadlines (what `make run` runs).

    Loads FOLDER/directory.csv first when it is there, so letters are routed
    to the organisations of the district.
    """
    import datetime as dt

    from docintake import pipeline
    from docintake.registry import orgs, queries, render, store
    from docintake.registry.ingest import load_directory

    scans = pipeline.scan_files(folder)
    if not scans:
        raise InputFileError(f"{folder} holds no scans (JPG, PNG, TIFF, PDF).")
    registry = store.open_db(db)
    directory = folder / "directory.csv"
    if directory.exists():
        load_directory(registry, directory, store.Actor.current())
    settings = settings_from()
    for path in scans:
        try:
            outcome = pipeline.ingest_file(path, registry, settings)
        except DocintakeError as exc:  # one bad scan must not stop the rest
            typer.echo(f"{path.name}: failed: {exc.message}", err=True)
            continue
        typer.echo(f"{path.name}: {outcome.status}, {outcome.pages} pages, letters {', '.join(outcome.letters)}")
    day = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    for org in orgs.load_orgs(registry):
        items = queries.pending(registry, org, day)
        if items:
            typer.echo("\n" + render.pending_text(orgs.short_name(org), items, day))


def _register_optional_commands() -> None:
    """Stages built in their own modules add their commands here."""
    import importlib

    if getattr(app, "_docintake_extended", False):  # main() may run many times in one process
        return
    app._docintake_extended = True  # type: ignore[attr-defined]
    for name in ("docintake.cli_registry", "docintake.cli_intake", "docintake.cli_clerk"):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # the module exists but something it needs is missing
                raise
            continue
        module.register(app)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app and map every error to its exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    # --verbose is accepted anywhere on the line, so it is taken out before parsing.
    verbose = "--verbose" in args
    args = [a for a in args if a != "--verbose"]
    _register_optional_commands()
    try:
        code = app(args=args, prog_name="docintake", standalone_mode=False)
    except DocintakeError as exc:
        _fail(exc.message, exc.exit_code, verbose)
    except typer.Abort:
        _fail("aborted", ExitCode.usage, False)
    except typer.exceptions.TyperException as exc:  # typer's vendored click: bad options, usage
        exc.show()
        sys.exit(ExitCode.usage)
    except KeyboardInterrupt:
        _fail("interrupted", ExitCode.usage, False)
    except Exception as exc:  # noqa: BLE001 - the one place that turns bugs into a message
        _fail(f"internal error: {exc!r} (run with --verbose and report it)", ExitCode.internal, verbose)
    sys.exit(code if isinstance(code, int) else 0)


def _fail(message: str, code: ExitCode, verbose: bool) -> None:
    if verbose:
        traceback.print_exc()
    typer.echo(f"docintake: {message}", err=True)
    sys.exit(int(code))
