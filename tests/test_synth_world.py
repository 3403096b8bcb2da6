"""The synthetic world's directory: every organisation, namesakes included."""

from docintake.synth import world


def test_namesake_laos_in_two_provinces_are_both_in_the_directory():
    """อบต.หนองไผ่ is in ชัยภูมิ (เมืองชัยภูมิ) and in ลำปาง (งาว), as real LAO
    names repeat across provinces; a directory keyed on the name alone kept
    the first only, and the eval routed the other's letters against it."""
    districts = [world.district("ชย", "เมืองชัยภูมิ"), world.district("ลป", "งาว")]
    rows = world.directory_rows(districts)
    nongphai = {(r["district"], r["province"]) for r in rows if r["name"] == "องค์การบริหารส่วนตำบลหนองไผ่"}
    assert nongphai == {("เมืองชัยภูมิ", "ชัยภูมิ"), ("งาว", "ลำปาง")}


def test_an_organisation_is_listed_once():
    d = world.district("ชย", "เมืองชัยภูมิ")
    rows = world.directory_rows([d, d])
    keys = [(r["type"], r["name"], r["district"], r["province"]) for r in rows]
    assert len(keys) == len(set(keys)) == len(world.directory_rows([d]))
