"""Namesake LAOs (one name in several districts and provinces): the letter's own
marks place a named addressee, or a memo's own office, among them; when nothing
does, routing reaches none of them and says why, never an arbitrary one."""

import pytest

from docintake.models import ReceiptStamp, Signatory
from docintake.registry.route import route_letter
from docintake.registry.testing import directory_of, letter

# อบต.หนองบัว three times: once in ขอนแก่น, twice in เพชรบูรณ์; ทต.บ้านใหม่ once in each province.
NAMESAKES_CSV = """\
name,type,district,province,aliases
จังหวัดขอนแก่น,province,,ขอนแก่น,
จังหวัดเพชรบูรณ์,province,,เพชรบูรณ์,
อำเภอน้ำพอง,district,น้ำพอง,ขอนแก่น,
อำเภอวิเชียรบุรี,district,วิเชียรบุรี,เพชรบูรณ์,
อำเภอเมืองเพชรบูรณ์,district,เมืองเพชรบูรณ์,เพชรบูรณ์,
องค์การบริหารส่วนตำบลหนองบัว,sao,น้ำพอง,ขอนแก่น,อบต.หนองบัว
องค์การบริหารส่วนตำบลท่ากระเสริม,sao,น้ำพอง,ขอนแก่น,
เทศบาลตำบลบ้านใหม่,municipality,น้ำพอง,ขอนแก่น,ทต.บ้านใหม่
องค์การบริหารส่วนตำบลหนองบัว,sao,วิเชียรบุรี,เพชรบูรณ์,อบต.หนองบัว
องค์การบริหารส่วนตำบลโพนทอง,sao,วิเชียรบุรี,เพชรบูรณ์,
เทศบาลตำบลบ้านใหม่,municipality,วิเชียรบุรี,เพชรบูรณ์,ทต.บ้านใหม่
องค์การบริหารส่วนตำบลหนองบัว,sao,เมืองเพชรบูรณ์,เพชรบูรณ์,อบต.หนองบัว
องค์การบริหารส่วนตำบลนาเสียว,sao,เมืองเพชรบูรณ์,เพชรบูรณ์,
"""
NP, WB = "น้ำพอง", "วิเชียรบุรี"
AMBIGUOUS = "ambiguous namesake"


@pytest.fixture(scope="module")
def directory():
    return directory_of(NAMESAKES_CSV)


def _route(directory, kind="external", **fields):
    lt = letter(fields.pop("doc_no", None), "2024-05-06", **fields).model_copy(update={"kind": kind})
    routings, _ = route_letter(lt, directory)
    by_id = {o.id: o for o in directory.orgs}
    return {(r.org, by_id[r.org_id].district) for r in routings if r.org_id}, routings


SIGNED_MISREAD = Signatory(name="นายกิตติศักดิ์ ชัยมงคล", position="ปลัดอำเภอ ปฏิบัติราชการแทน นายอำเกอวิเชียรบุรี")
SIGNED_DISTRICT_LOST = Signatory(name="นายกิตติศักดิ์ ชัยมงคล", position="ปลัดอำเภอ ปฏิบัติราชการแทน")

# (id, letter fields, expected (short name, district) set, a reason's words)
CASES = [
    ("issuing-district-picks-its-own", dict(to="นายก อบต. หนองบัว", issuer="ที่ว่าการอำเภอน้ำพอง"),
     {("อบต.หนองบัว", NP)}, "the one in อำเภอน้ำพอง"),
    ("issuing-district-in-the-other-province", dict(to="นายกองค์การบริหารส่วนตำบลหนองบัว",
                                                    issuer="ที่ว่าการอำเภอวิเชียรบุรี"),
     {("อบต.หนองบัว", WB)}, "the one in อำเภอวิเชียรบุรี"),
    ("number-prefix-province-holds-one", dict(to="นายก อบต. หนองบัว", doc_no="ขก 0023.3/512"),
     {("อบต.หนองบัว", NP)}, "placed among their namesakes by the number's prefix ขก"),
    ("number-prefix-province-holds-two", dict(to="นายก อบต. หนองบัว", doc_no="พช 0023.3/77"),
     set(), AMBIGUOUS),
    ("nothing-places-the-letter", dict(to="นายก อบต. หนองบัว"), set(), AMBIGUOUS),
    # The signatory's district lost, the number's prefix gives the province only: the one
    # ทต.บ้านใหม่ of เพชรบูรณ์ places the letter in วิเชียรบุรี, and ทุกแห่ง reaches its SAOs.
    ("placed-namesake-places-the-distribution",
     dict(to="นายกเทศมนตรีตำบลบ้านใหม่ และนายกองค์การบริหารส่วนตำบลทุกแห่ง", doc_no="พช 0023.17/1058",
          signatory=SIGNED_DISTRICT_LOST),
     {("ทต.บ้านใหม่", WB), ("อบต.หนองบัว", WB), ("อบต.โพนทอง", WB)}, "named addressees are in อำเภอวิเชียรบุรี"),
    # นายอำเกอ (ภ read as ก) is still the district's head: the signatory places the letter.
    ("signatory-misread-places-the-distribution",
     dict(to="นายกเทศมนตรีตำบลบ้านใหม่ และนายกองค์การบริหารส่วนตำบลทุกแห่ง", doc_no="พช 0023.17/1058",
          signatory=SIGNED_MISREAD),
     {("ทต.บ้านใหม่", WB), ("อบต.หนองบัว", WB), ("อบต.โพนทอง", WB)}, "signed by นายอำเภอ: อำเภอวิเชียรบุรี"),
    ("receipt-stamp-placed-by-province", dict(to="นายก อบต. ทุกแห่ง", doc_no="ขก 0023.3/9",
                                               receipt=ReceiptStamp(office="องค์การบริหารส่วนตำบลหนองบัว")),
     {("อบต.หนองบัว", NP)}, "receipt stamp"),
    ("receipt-stamp-with-two-in-province", dict(to="นายก อบต. ทุกแห่ง", doc_no="พช 0023.3/9",
                                                 receipt=ReceiptStamp(office="องค์การบริหารส่วนตำบลหนองบัว")),
     set(), "only the province is known"),
]


@pytest.mark.parametrize("fields, expected, why", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_namesakes_placed_by_the_letter(directory, fields, expected, why):
    routed, routings = _route(directory, **fields)
    assert routed == expected
    assert any(why in r.reason for r in routings)
    assert all(r.reason and (r.org_id is None) == (r.confidence == 0) for r in routings)


# A memo (no เรียน line read) goes to its own office; the LAO's number carries its province prefix.
MEMO_CASES = [
    ("memo-province-holds-one", "ขก 76711/688", {("อบต.หนองบัว", NP)}, "the one in จังหวัดขอนแก่น"),
    ("memo-province-holds-two", "พช 76711/688", set(), AMBIGUOUS),
    ("memo-number-unread", None, set(), AMBIGUOUS),
]


@pytest.mark.parametrize("doc_no, expected, why", [c[1:] for c in MEMO_CASES], ids=[c[0] for c in MEMO_CASES])
def test_memo_own_office_among_namesakes(directory, doc_no, expected, why):
    routed, routings = _route(directory, kind="memo", doc_no=doc_no, issuer="กองคลัง องค์การบริหารส่วนตำบลหนองบัว")
    assert routed == expected
    assert why in routings[0].reason
