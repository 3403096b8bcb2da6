"""Registry commands: ingest, pending, chain, show, letters, search, orgs.

``docintake.cli`` calls ``register(app)`` at start-up. Every query has
``--json`` (ISO dates) and prints Thai dates for people otherwise
(``--arabic`` for Arabic digits). The registry is ``--db`` or
``$DOCINTAKE_DB`` or ./docintake.db.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import List, Optional

import typer

from docintake.errors import UsageError

DB_OPTION = typer.Option(Path("docintake.db"), "--db", envvar="DOCINTAKE_DB",
                         help="The registry (SQLite); also $DOCINTAKE_DB.")
JSON_OPTION = typer.Option(False, "--json", help="Print JSON (ISO dates) instead of text.")
ARABIC_OPTION = typer.Option(False, "--arabic", help="Arabic digits in dates and numbers.")


def _db(path: Path):
    from docintake.registry.store import open_db

    return open_db(path)


def _emit(value) -> None:
    from docintake.cli import emit_json

    emit_json(value)


def ingest(
    paths: List[Path] = typer.Argument(..., help="Scans and folders of scans (or with --text, UTF-8 OCR text files)."),
    text: bool = typer.Option(False, "--text", help="The files are OCR text; pages split on form feeds."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Pages OCR'd in parallel per file (default: CPUs)."),
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Read files into the registry: OCR (or text) -> parse -> store -> route.

    Folders are read recursively (hidden and temporary files skipped). A file
    already in the registry (same content) is skipped; every file is stored
    whole or not at all, and a file that fails does not stop the others (the
    exit code is non-zero at the end). A progress bar on a terminal, one line
    per file otherwise. Example: docintake ingest scans/ --jobs 2
    """
    import sys

    from docintake import batch
    from docintake.cli import settings_from

    registry, settings = _db(db), settings_from(jobs)
    if as_json:
        reporter = batch.PlainReporter(typer.echo, quiet=True)
    elif sys.stdout.isatty():
        reporter = batch.RichReporter()
    else:
        reporter = batch.PlainReporter(typer.echo)
    report = batch.run(paths, registry, settings, reporter, text=text)
    if as_json:
        _emit(report.outcomes)
    if not report.files:
        raise UsageError(f"no {'text files' if text else 'scans'} found in {', '.join(map(str, paths))}.")
    error = batch.failed_error(report)
    if error is not None:
        raise error


def pending(
    lao: str = typer.Option(..., "--lao", help="The LAO: name, short name (อบต.บ้านใหม่) or alias."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="YYYY-MM-DD; default today."),
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
    arabic: bool = ARABIC_OPTION,
) -> None:
    """Open tasks of one LAO, soonest deadline first, overdue ones flagged.

    Example: docintake pending --lao "อบต.บ้านใหม่" --as-of 2025-06-20
    """
    from docintake.registry import queries, render
    from docintake.registry.orgs import short_name

    day = _date_option(as_of) or dt.date.today()
    registry = _db(db)
    org = queries.find_org(registry, lao)
    items = queries.pending(registry, org, day)
    if as_json:
        _emit({"lao": short_name(org), "as_of": day.isoformat(), "items": items})
    else:
        typer.echo(render.pending_text(short_name(org), items, day, arabic))


def _date_option(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"--as-of {value!r}: give the date as YYYY-MM-DD (Gregorian), e.g. 2025-06-20.") from exc


def chain(
    doc_no: str = typer.Argument(..., help="A document number, e.g. 'ชย 0023.14/1709'."),
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
    arabic: bool = ARABIC_OPTION,
) -> None:
    """The chain through a letter: from the root directive down to the letters to LAOs."""
    from docintake.registry import queries, render

    root = queries.chain(_db(db), doc_no)
    _emit(root) if as_json else typer.echo(render.chain_text(root, arabic))


def show(
    doc_no: str = typer.Argument(..., help="A document number."),
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
    arabic: bool = ARABIC_OPTION,
) -> None:
    """One letter: its fields, where it was seen, its links, routings and tasks, and what OCR changed on its pages."""
    from docintake.registry import queries, render

    view = queries.show(_db(db), doc_no)
    _emit(view) if as_json else typer.echo(render.show_text(view, arabic))


def letters(
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
    arabic: bool = ARABIC_OPTION,
    received: bool = typer.Option(False, "--received", help="Only letters received (no placeholders)."),
) -> None:
    """Every letter in the registry (and those only referenced so far), oldest first."""
    from docintake.registry import queries, render

    rows = queries.letters(_db(db), placeholders=not received)
    _emit(rows) if as_json else typer.echo(render.letters_text(rows, arabic))


def search(
    text: str = typer.Argument(..., help="Words to find (Thai works: any 3+ characters)."),
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
    arabic: bool = ARABIC_OPTION,
) -> None:
    """Full-text search over numbers, subjects, issuers, addressees and body text."""
    from docintake.registry import queries, render

    rows = queries.search(_db(db), text)
    _emit(rows) if as_json else typer.echo(render.letters_text(rows, arabic))


orgs_app = typer.Typer(help="The directory of organisations (provinces, districts, LAOs).", no_args_is_help=True)


@orgs_app.command("load")
def orgs_load(
    file: Path = typer.Argument(..., help="CSV: name,type,district,province,aliases (UTF-8)."),
    db: Path = DB_OPTION,
) -> None:
    """Load (add or update) organisations from a CSV, then route every letter again."""
    from docintake.registry.ingest import load_directory
    from docintake.registry.store import Actor

    count, tasks = load_directory(_db(db), file, Actor.current())
    typer.echo(f"{count} organisation(s) loaded from {file}; {tasks} task(s) after routing again")


@orgs_app.command("list")
def orgs_list(db: Path = DB_OPTION, as_json: bool = JSON_OPTION) -> None:
    """The organisations in the directory."""
    from docintake.registry.orgs import load_orgs, short_name

    orgs = load_orgs(_db(db))
    if as_json:
        _emit(orgs)
        return
    for o in orgs:
        typer.echo(f"{o.id:>5}  {o.type:<12} {short_name(o):<28} อำเภอ{o.district or '-'}  จังหวัด{o.province}")


def register(app: typer.Typer) -> None:
    """Add the registry commands to the docintake app (once)."""
    if getattr(app, "_registry_commands", False):
        return
    app._registry_commands = True
    for command in (ingest, pending, chain, show, letters, search):
        app.command()(command)
    app.add_typer(orgs_app, name="orgs")
