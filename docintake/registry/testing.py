"""Builders for registry tests and the bench: letters by hand, a small directory.

The directory is the sample district of the seed bundle (อำเภอเมืองเพ็ญ,
จังหวัดชัยภูมิ; fictional enough) plus a neighbour district that also has an
อบต.บ้านใหม่, so tests can see that routing keeps the two apart.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlite_utils import Database

from docintake.models import Deadline, Enclosure, Letter, OcrResult, PageText, ParseResult, Reference
from docintake.registry import ingest, store
from docintake.registry.orgs import parse_directory, save_orgs

ACTOR = store.Actor(user="tester", now=dt.datetime(2025, 7, 1, 9, 0))

DIRECTORY_CSV = """\
name,type,district,province,aliases
จังหวัดชัยภูมิ,province,,ชัยภูมิ,
อำเภอเมืองเพ็ญ,district,เมืองเพ็ญ,ชัยภูมิ,
อำเภอบ้านเขว้า,district,บ้านเขว้า,ชัยภูมิ,ชย 0023.9
เทศบาลตำบลเมืองเพ็ญ,municipality,เมืองเพ็ญ,ชัยภูมิ,ทต.เมืองเพ็ญ
องค์การบริหารส่วนตำบลบ้านใหม่,sao,เมืองเพ็ญ,ชัยภูมิ,
องค์การบริหารส่วนตำบลโนนสูง,sao,เมืองเพ็ญ,ชัยภูมิ,
องค์การบริหารส่วนตำบลหนองไผ่,sao,เมืองเพ็ญ,ชัยภูมิ,อบต.หนองไผ่ใหญ่
เทศบาลตำบลบ้านเขว้า,municipality,บ้านเขว้า,ชัยภูมิ,
องค์การบริหารส่วนตำบลบ้านใหม่,sao,บ้านเขว้า,ชัยภูมิ,
องค์การบริหารส่วนตำบลลุ่มลำชี,sao,บ้านเขว้า,ชัยภูมิ,
เทศบาลเมืองชัยภูมิ,municipality,เมืองชัยภูมิ,ชัยภูมิ,
"""
SEED_LAOS = ("เทศบาลตำบลเมืองเพ็ญ", "องค์การบริหารส่วนตำบลบ้านใหม่",
             "องค์การบริหารส่วนตำบลโนนสูง", "องค์การบริหารส่วนตำบลหนองไผ่")


def load_directory(db: Database, text: str = DIRECTORY_CSV) -> None:
    with store.transaction(db):
        save_orgs(db, parse_directory(text))


def directory_of(text: str = DIRECTORY_CSV):
    """A routing ``Directory`` of a directory CSV, stored and loaded as ``orgs load`` does
    (ids and all)."""
    from docintake.registry.directory import Directory
    from docintake.registry.orgs import load_orgs

    db = store.open_db(":memory:")
    load_directory(db, text)
    return Directory(load_orgs(db))


def letter(doc_no: str | None, date: str | None, *, deadline: str | None = None,
           refs: tuple = (), copies: tuple = (), pages: tuple[int, int] = (1, 1), **fields) -> Letter:
    """A Letter by hand; ``refs``/``copies`` are (doc_no, iso date) pairs, ``deadline`` an iso date."""
    day = lambda s: dt.date.fromisoformat(s) if s else None  # noqa: E731
    return Letter(
        doc_no=doc_no, date=day(date), pages=pages,
        kind="circular" if doc_no and "/ว " in doc_no else "external",
        references=[Reference(doc_no=d, date=day(t)) for d, t in refs],
        enclosures=[Enclosure(text=f"สำเนาหนังสือ ที่ {d}", doc_no=d, date=day(t), count="1 ชุด") for d, t in copies],
        deadlines=[Deadline(date=day(deadline), text=f"ให้แล้วเสร็จภายในวันที่ {deadline}")] if deadline else [],
        **fields)


def ingest_letters(db: Database, *letters: Letter, name: str = "bundle.txt",
                   actor: store.Actor = ACTOR) -> ingest.IngestOutcome:
    """Store letters as if parsed from one file called ``name`` (its content hash from the letters)."""
    parsed = ParseResult(file=name, pages=max([lt.pages[1] for lt in letters] or [1]), letters=list(letters))
    pages = [PageText(index=i, text=f"page {i + 1}", path="text") for i in range(parsed.pages)]
    sha = hashlib.sha256((name + parsed.model_dump_json()).encode()).hexdigest()
    return ingest.store_parsed(db, path=name, sha256=sha, ocr=OcrResult(file=name, pages=pages),
                               parsed=parsed, actor=actor)


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    """Run ``docintake ARGS`` in-process: (exit code, stdout, stderr), as a test sees them."""
    import pytest

    from docintake.cli import main

    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out = capsys.readouterr()
    return exc.value.code, out.out, out.err
