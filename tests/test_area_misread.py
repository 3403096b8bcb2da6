"""The issuing district when the issuer is unread (registry.area): the signatory's
นายอำเภอ read through the letters this OCR misreads (``นายอำเกอ``, ภ read as ก). A
receipt stamp's LAO among namesakes does not place the letter: a province's letter
(``บร 0023.3``) reaches every LAO of the province, whichever received this copy."""

import pytest

from docintake.models import ReceiptStamp, Signatory
from docintake.registry.area import issuing_area
from docintake.registry.directory import Directory
from docintake.registry.orgs import parse_directory
from docintake.registry.testing import letter

CSV = """\
name,type,district,province,aliases
อำเภอนางรอง,district,นางรอง,บุรีรัมย์,
องค์การบริหารส่วนตำบลหัวทะเล,sao,นางรอง,บุรีรัมย์,
องค์การบริหารส่วนตำบลบ้านค่าย,sao,นางรอง,บุรีรัมย์,
อำเภอขุขันธ์,district,ขุขันธ์,ศรีสะเกษ,
องค์การบริหารส่วนตำบลหัวทะเล,sao,ขุขันธ์,ศรีสะเกษ,
อำเภอประโคนชัย,district,ประโคนชัย,บุรีรัมย์,
องค์การบริหารส่วนตำบลบ้านค่าย,sao,ประโคนชัย,บุรีรัมย์,
"""

# (id, doc_no, signatory position, receipt office, district expected or None)
CASES = [
    ("signed-pho-read-as-ko", "บร 0023.15/ว 2570", "ปลัดอำเภอ ปฏิบัติราชการแทน นายอำเกอนางรอง", None, "นางรอง"),
    ("signed-pho-read-as-tho", "บร 0023.15/ว 2570", "ปลัดอำเภอ ปฏิบัติราชการแทน นายอำเถอนางรอง", None, "นางรอง"),
    ("stamp-namesake-not-placed", "บร 0023.3/ว 2570", None, "องค์การบริหารส่วนตำบลหัวทะเล", None),
    # Two อบต.บ้านค่าย in บุรีรัมย์: the prefix does not tell them apart, nothing is guessed.
    ("stamp-namesakes-in-one-province", "บร 0023.15/ว 2570", None, "องค์การบริหารส่วนตำบลบ้านค่าย", None),
    ("stamp-no-prefix", None, None, "องค์การบริหารส่วนตำบลหัวทะเล", None),
]


@pytest.mark.parametrize(("doc_no", "position", "stamp", "district"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_area_without_issuer(doc_no, position, stamp, district) -> None:
    directory = Directory(parse_directory(CSV))
    item = letter(doc_no, "2025-09-08", issuer=None, signatory=Signatory(position=position) if position else None,
                  receipt=ReceiptStamp(office=stamp) if stamp else None)
    area = issuing_area(item, directory)
    assert (area.district if area and not area.province_only else None) == district
    if district:
        assert area.reason and 0 < area.confidence < 1
