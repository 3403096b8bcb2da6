"""A named addressee whose name OCR lost a letter or two of: under the
threshold a name is matched at among the whole directory, it is read as the
one organisation of the issuing district that near (``near_in_district``)."""

import pytest

from docintake.registry.route import route_letter
from docintake.registry.testing import directory_of, letter

CSV = """\
name,type,district,province,aliases
อำเภอภูเขียว,district,ภูเขียว,ชัยภูมิ,อ.ภูเขียว
อำเภอแก้งคร้อ,district,แก้งคร้อ,ชัยภูมิ,อ.แก้งคร้อ
เทศบาลตำบลภูเขียว,municipality,ภูเขียว,ชัยภูมิ,ทต.ภูเขียว
องค์การบริหารส่วนตำบลบ้านแก้ง,sao,ภูเขียว,ชัยภูมิ,อบต.บ้านแก้ง
องค์การบริหารส่วนตำบลบ้านแท่น,sao,ภูเขียว,ชัยภูมิ,อบต.บ้านแท่น
องค์การบริหารส่วนตำบลนาดี,sao,ภูเขียว,ชัยภูมิ,อบต.นาดี
เทศบาลตำบลหนองสังข์,municipality,แก้งคร้อ,ชัยภูมิ,ทต.หนองสังข์
"""
PK = "ที่ว่าการอำเภอภูเขียว"


@pytest.fixture(scope="module")
def directory():
    return directory_of(CSV)


# (id, เรียน line as OCR'd, issuer, organisations routed to)
CASES = [
    # seed 123: เ and ย lost, a speck after the name (83% alike: under the threshold)
    ("two-letters-lost-from-a-long-name", "นายกเทศมนตรีตำบลภูขีว ฏ.", PK, {"ทต.ภูเขียว"}),
    ("one-letter-off-a-short-name", "นายก อบต. นาดา", PK, {"อบต.นาดี"}),
    ("issuing-district-unknown", "นายกเทศมนตรีตำบลภูขีว", None, set()),
    ("not-of-the-issuing-district", "นายกเทศมนตรีตำบลภูขีว", "ที่ว่าการอำเภอแก้งคร้อ", set()),
    ("two-of-the-district-as-near", "นายก อบต. บ้านแกน", PK, set()),
    ("two-letters-off-a-short-name", "นายก อบต. นาดีมา", PK, set()),
    ("other-type-that-near-is-no-match", "นายก อบต. ภูขีว", PK, set()),
]


@pytest.mark.parametrize("to, issuer, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_name_near_one_of_the_issuing_district(directory, to, issuer, expected):
    routings, _ = route_letter(letter(None, "2024-06-24", to=to, issuer=issuer), directory)
    assert {r.org for r in routings if r.org_id} == expected
    for r in routings:
        if r.org_id:
            assert "letter(s) off" in r.reason and "issuing district" in r.reason and r.confidence <= 0.8
