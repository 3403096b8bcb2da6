"""A district letter whose issuer OCR lost (``ที่ว่าการอำเกอ...`` unread) and
that is addressed ``... ทุกแห่ง`` reaches its district's LAOs through its
number's office code once a later letter of the same office, its issuer
readable, has taught the registry that code: in any order of arrival
(registry.ingest._reroute_by_office)."""

import pytest

from docintake.registry import store
from docintake.registry.testing import SEED_LAOS, ingest_letters, letter, load_directory

TO_ALL = "นายกเทศมนตรีตำบล และนายกองค์การบริหารส่วนตำบล ทุกแห่ง"


def _routed(db, doc_no: str) -> tuple[set[str], list[str]]:
    lid = next(r["id"] for r in db.query("SELECT id FROM letters WHERE doc_no = ?", [doc_no]))
    rows = list(db.query("SELECT o.name, r.reason FROM routings r JOIN organisations o ON o.id = r.org_id "
                         "WHERE r.letter_id = ?", [lid]))
    return {r["name"] for r in rows}, [r["reason"] for r in rows]


def _unread_first(db) -> None:
    ingest_letters(db, letter("ชย 0023.14/ว 1709", "2025-06-16", to=TO_ALL, issuer=None), name="a.txt")
    ingest_letters(db, letter("ชย 0023.14/ว 1720", "2025-06-18", to=TO_ALL,
                              issuer="ที่ว่าการอำเภอเมืองเพ็ญ"), name="b.txt")


def _readable_first(db) -> None:
    ingest_letters(db, letter("ชย 0023.14/ว 1720", "2025-06-18", to=TO_ALL,
                              issuer="ที่ว่าการอำเภอเมืองเพ็ญ"), name="b.txt")
    ingest_letters(db, letter("ชย 0023.14/ว 1709", "2025-06-16", to=TO_ALL, issuer=None), name="a.txt")


@pytest.mark.parametrize("arrive", [_unread_first, _readable_first], ids=["unread-first", "readable-first"])
def test_issuerless_letter_routed_by_learned_office(arrive) -> None:
    db = store.open_db(":memory:")
    load_directory(db)
    arrive(db)
    routed, reasons = _routed(db, "ชย 0023.14/ว 1709")
    assert routed == set(SEED_LAOS)  # อำเภอเมืองเพ็ญ's, not บ้านเขว้า's อบต.บ้านใหม่
    assert all("0023.14" in r for r in reasons)  # the reason names the office code


def test_unknown_office_stays_unplaced() -> None:
    """No letter has taught the code: the district is not guessed."""
    db = store.open_db(":memory:")
    load_directory(db)
    ingest_letters(db, letter("ชย 0023.14/ว 1709", "2025-06-16", to=TO_ALL, issuer=None), name="a.txt")
    routed, _ = _routed(db, "ชย 0023.14/ว 1709")
    assert not routed & {"เทศบาลตำบลเมืองเพ็ญ", "องค์การบริหารส่วนตำบลโนนสูง"}
