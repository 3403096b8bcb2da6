"""Routing the เรียน line to organisations, and the directory it routes against."""

import re

import pytest

from docintake.errors import InputFileError
from docintake.models import ReceiptStamp, Signatory
from docintake.registry.orgs import parse_directory
from docintake.registry.route import read_addressee, route_letter, split_addressees
from docintake.registry.testing import DIRECTORY_CSV, directory_of, letter

MP = "เมืองเพ็ญ"
BK = "บ้านเขว้า"
MP_SAOS = {("อบต.บ้านใหม่", MP), ("อบต.โนนสูง", MP), ("อบต.หนองไผ่", MP)}
BK_LAOS = {("ทต.บ้านเขว้า", BK), ("อบต.บ้านใหม่", BK), ("อบต.ลุ่มลำชี", BK)}


@pytest.fixture(scope="module")
def directory():
    return directory_of()


def _routed(directory, **fields):
    routings, _ = route_letter(letter(fields.pop("doc_no", None), "2025-06-16", **fields), directory)
    by_id = {o.id: o for o in directory.orgs}
    return {(r.org, by_id[r.org_id].district) for r in routings if r.org_id}, routings


# (id, to, issuer, doc_no, expected (short name, district) set)
CASES = [
    ("seed-form", "นายกเทศมนตรีตำบลเมืองเพ็ญ และนายกองค์การบริหารส่วนตำบลทุกแห่ง", "ที่ว่าการอำเภอเมืองเพ็ญ",
     None, {("ทต.เมืองเพ็ญ", MP)} | MP_SAOS),
    ("seed-truncated-issuer", "นายกเทศมนตรีตำบลเมืองเพ็ญ และนายกองค์การบริหารส่วนตำบลทุกแห่ง",
     "ที่ว่าการอำเภอเมือง", "ชย 0023.14/1709", {("ทต.เมืองเพ็ญ", MP)} | MP_SAOS),
    ("abbreviated-named", "นายก อบต. บ้านใหม่", "ที่ว่าการอำเภอเมืองเพ็ญ", None, {("อบต.บ้านใหม่", MP)}),
    # ส read as ล (seed 85: ท่าหสวง for ท่าหลวง, the other way): letters OCR confuses in names
    # A stamp's line read as the addressee's second, glued on (seed 87): the issuing district's LAO
    # whose name the reading starts with.
    ("name-with-debris-glued", "นายกเทศมนตรีตำบลเมืองเพ็ญมาาสืจ หญังชีกคำ(กดสีญรคณิ", "ที่ว่าการอำเภอเมืองเพ็ญ", None,
     {("ทต.เมืองเพ็ญ", MP)}),
    ("name-with-debris-glued-no-district", "นายกเทศมนตรีตำบลเมืองเพ็ญมาาสืจ หญังชีกคำ(กดสีญรคณิ", None, None, set()),
    ("name-s-read-as-l", "นายกองค์การบริหารส่วนตำบลโนนลูง", "ที่ว่าการอำเภอเมืองเพ็ญ", None, {("อบต.โนนสูง", MP)}),
    ("full-named-other-district", "นายกองค์การบริหารส่วนตำบลบ้านใหม่", "ที่ว่าการอำเภอบ้านเขว้า", None,
     {("อบต.บ้านใหม่", BK)}),
    ("named-by-alias", "นายก อบต. หนองไผ่ใหญ่", "ที่ว่าการอำเภอเมืองเพ็ญ", None, {("อบต.หนองไผ่", MP)}),
    ("every-lao", "นายกองค์กรปกครองส่วนท้องถิ่น ทุกแห่ง", "ที่ว่าการอำเภอบ้านเขว้า", None, BK_LAOS),
    ("every-apt-abbreviated", "ทุก อปท.", "ที่ว่าการอำเภอบ้านเขว้า", None, BK_LAOS),
    ("shared-marker", "นายกเทศมนตรีตำบล และนายก อบต. ทุกแห่ง", "ที่ว่าการอำเภอเมืองเพ็ญ", None,
     {("ทต.เมืองเพ็ญ", MP)} | MP_SAOS),
    ("district-from-doc-code", "นายก อบต. ทุกแห่ง", None, "ชย 0023.9/55", {("อบต.บ้านใหม่", BK), ("อบต.ลุ่มลำชี", BK)}),
    ("only-tambon-municipalities", "นายกเทศมนตรีตำบล ทุกแห่ง", "ที่ว่าการอำเภอบ้านเขว้า", None, {("ทต.บ้านเขว้า", BK)}),
    ("city-municipality", "นายกเทศมนตรีเมืองชัยภูมิ", "ศาลากลางจังหวัดชัยภูมิ", None, {("ทม.ชัยภูมิ", "เมืองชัยภูมิ")}),
    ("ocr-noise-every-district", "นายอdle เกอ ทุกอาเกอ", "ศาลากลางจังหวัดชัยภูมิ", None,
     {("อำเภอเมืองเพ็ญ", MP), ("อำเภอบ้านเขว้า", BK)}),
]


@pytest.mark.parametrize("to,issuer,doc_no,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_routing_table(directory, to, issuer, doc_no, expected):
    routed, routings = _routed(directory, to=to, issuer=issuer, doc_no=doc_no)
    assert routed == expected
    assert all(r.reason and 0 < r.confidence <= 1 for r in routings if r.org_id)


def test_district_from_signatory(directory):
    routed, _ = _routed(directory, to="นายก อบต. ทุกแห่ง",
                        signatory=Signatory(name="x", position="ปลัดอำเภอ รักษาการแทน นายอำเภอบ้านเขว้า"))
    assert routed == {("อบต.บ้านใหม่", BK), ("อบต.ลุ่มลำชี", BK)}


def test_unknown_district_leaves_the_distribution_unresolved_with_reason(directory):
    routed, routings = _routed(directory, to="นายก อบต. ทุกแห่ง")
    assert routed == set()
    assert routings[0].kind == "unresolved" and "district is not known" in routings[0].reason


def test_receipt_stamp_places_the_letter(directory):
    stamp = ReceiptStamp(office="องค์การบริหารส่วนตำบลลุ่มลำชี")
    routed, routings = _routed(directory, to="นายก อบต. ทุกแห่ง", receipt=stamp)
    assert routed == {("อบต.บ้านใหม่", BK), ("อบต.ลุ่มลำชี", BK)}
    assert "receipt stamp" in routings[0].reason


def test_same_name_without_any_district_hint_routes_to_none(directory):
    # Two อบต.บ้านใหม่ (เมืองเพ็ญ, บ้านเขว้า), nothing to tell them apart: neither, and why.
    routed, routings = _routed(directory, to="นายก อบต. บ้านใหม่")
    assert routed == set()
    assert routings[0].kind == "unresolved" and "ambiguous namesake" in routings[0].reason


def test_without_directory_addressees_are_kept_as_read():
    routings, _ = route_letter(letter(None, None, to="นายก อบต. บ้านใหม่ และนายก อบต. โนนสูง"), None)
    assert [(r.addressee, r.kind) for r in routings] == [
        ("นายก อบต. บ้านใหม่", "unresolved"), ("นายก อบต. โนนสูง", "unresolved")]


@pytest.mark.parametrize("segment,kind,distribution,name", [
    ("นายก อบต. บ้านใหม่", "sao", False, "บ้านใหม่"),
    ("นายกองค์การบริหารส่วนตำบลทุกแห่ง", "sao", True, ""),
    ("นายกเทศมนตรีเมืองชัยภูมิ", "municipality", False, "ชัยภูมิ"),
    ("ผู้ว่าราชการจังหวัด ทุกจังหวัด", "province", True, ""),
    ("ทุก อปท.", "lao", True, ""),
    ("องค์การบริหารส่วนตำบลโนนสูง", "sao", False, "โนนสูง"),
], ids=["abbr", "every-sao", "city", "every-province", "every-lao", "org-name-only"])
def test_read_addressee(segment, kind, distribution, name):
    a = read_addressee(segment)
    assert (a.type, a.distribution, a.name) == (kind, distribution, name)


@pytest.mark.parametrize("to,parts", [
    ("นายอำเภอ ทุกอำเภอ และนายกเทศมนตรีเมืองชัยภูมิ", ["นายอำเภอ ทุกอำเภอ", "นายกเทศมนตรีเมืองชัยภูมิ"]),
    ("นายกเทศมนตรีตำบล/นายกองค์การบริหารส่วนตำบล ทุกแห่ง", ["นายกเทศมนตรีตำบล", "นายกองค์การบริหารส่วนตำบล ทุกแห่ง"]),
    ("นายกองค์การบริหารส่วนจังหวัดชัยภูมิ นายกเทศมนตรี และนายก อบต. ทุกแห่ง",
     ["นายกองค์การบริหารส่วนจังหวัดชัยภูมิ", "นายกเทศมนตรี", "นายก อบต. ทุกแห่ง"]),
    ("นายกองค์การบริหารส่วนจังหวัดชัยภูมินายกเทศมนตรี", ["นายกองค์การบริหารส่วนจังหวัดชัยภูมิ", "นายกเทศมนตรี"]),
    ("นายก อบต. บ้านใหม่ นายก อบต. โนนสูง", ["นายก อบต. บ้านใหม่", "นายก อบต. โนนสูง"]),
    # seed 5: a stray mark inside the second title kept it glued to the first's name
    ("นายกองค์การบริหารส่วนจังหวัดมหาสารคาม นายุกเทศมนตรี และนายกองค์การบริหารส่วนตำบล ทุกแห่ง",
     ["นายกองค์การบริหารส่วนจังหวัดมหาสารคาม", "นายุกเทศมนตรี", "นายกองค์การบริหารส่วนตำบล ทุกแห่ง"]),
    ("นายกองค์การบริหารส่วนจังหวัดพิษณุโลก นายก๋เทศมนตรี", ["นายกองค์การบริหารส่วนจังหวัดพิษณุโลก", "นายก๋เทศมนตรี"]),
    # Seed 18: a letter added inside the SAO title after a joined wrapped line, and after a space.
    ("นายกเทศมนตรีนายกองคศ์การบริหาร์ส่วนตำบล ทุกิแห่ง", ["นายกเทศมนตรี", "นายกองคศ์การบริหาร์ส่วนตำบล ทุกิแห่ง"]),
    ("นายกเทศมนตรี นายกองคศ์การบริหารส่วนตำบล ทุกแห่ง", ["นายกเทศมนตรี", "นายกองคศ์การบริหารส่วนตำบล ทุกแห่ง"]),
    # A name is never cut, however like a title it reads; nor a word short titles resemble.
    ("นายกองค์การบริหารส่วนตำบลนายางกลัก", ["นายกองค์การบริหารส่วนตำบลนายางกลัก"]),
    ("นายกเทศมนตรีตำบล นาอำเภอ", ["นายกเทศมนตรีตำบล นาอำเภอ"]),
], ids=["and", "slash", "space-only", "no-space-at-all", "abbreviated-titles", "mark-inside-title", "tone-inside-title",
        "letter-added-in-title-joined", "letter-added-in-title-after-space", "name-not-cut", "short-title-not-fuzzy"])
def test_split_addressees(to, parts):
    assert split_addressees(to) == parts


# ------------------------------------------------------------- directory CSV

HEADER = "name,type,district,province,aliases\n"


@pytest.mark.parametrize("rows,message", [
    ("อบต.ก,village,เมือง,ชัยภูมิ,\n", "line 2: type 'village' is not one of"),
    ("อบต.ก,sao,,ชัยภูมิ,\n", "needs its district"),
    (",sao,เมือง,ชัยภูมิ,\n", "the name is empty"),
    ("อบต.ก,sao,เมือง,,\n", "the province is empty"),
    ("อบต.ก,sao,เมือง,ชัยภูมิ,\nอบต.ก,sao,เมือง,ชัยภูมิ,\n", "line 3: อบต.ก (sao) is listed twice"),
], ids=["bad-type", "lao-without-district", "no-name", "no-province", "duplicate"])
def test_directory_errors_name_the_line(rows, message):
    with pytest.raises(InputFileError, match=re.escape(message)):
        parse_directory(HEADER + rows)


def test_directory_missing_column():
    with pytest.raises(InputFileError, match="missing column.*district"):
        parse_directory("name,type,province\nก,sao,ชัยภูมิ\n")


def test_directory_bom_aliases_and_place_words():
    orgs = parse_directory("\ufeff" + HEADER + "อบต.ก,sao,อำเภอเมืองเพ็ญ,จังหวัดชัยภูมิ, กอ ; ขอ ;\n")
    assert (orgs[0].district, orgs[0].province, orgs[0].aliases) == ("เมืองเพ็ญ", "ชัยภูมิ", ["กอ", "ขอ"])


def test_sample_directory_parses():
    assert len(parse_directory(DIRECTORY_CSV)) == 11
