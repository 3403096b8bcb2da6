"""A letterhead number whose ที่ label and prefix OCR read as digits or marks
(seed 10: ``130 ๐๐๒๓.๑๖/๑๗๑๙. ที่ว่าการอำเภอเสลภูมิ``): read with the prefix
the letterhead's postcode gives (parse.junkprefix, prefix.recover_prefix),
else left unread."""

import pytest

from docintake.parse import parse_text

LETTER = """ด่วน
{line}
{address}
๑๒ กุมภาพันธ์ ๒๕๖๗
เรื่อง มาตรการป้องกันและควบคุมการเผาในที่โล่ง
เรียน นายกเทศมนตรีตำบลเสลภูมิ และนายกองค์การบริหารส่วนตำบล ทุกแห่ง
ขอให้รายงานผลการดำเนินงานตามแบบรายงานที่กำหนด
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
นายอำเภอเสลภูมิ"""

CASES = [
    ("digits-for-label-and-prefix", "130 ๐๐๒๓.๑๖/๑๗๑๙. ที่ว่าการอำเภอเสลภูมิ", "ถนนโพธิศรี รอ ๔๕๐๒๙",
     "รอ 0023.16/1719", "ที่ว่าการอำเภอเสลภูมิ"),
    ("circular", "1๓ ๐๐๒๓.๑๖/ว ๑๗๑๙ ที่ว่าการอำเภอเสลภูมิ", "ถนนโพธิศรี รอ ๔๕๐๒๙",
     "รอ 0023.16/ว 1719", "ที่ว่าการอำเภอเสลภูมิ"),
    # seed 48: an LAO's own number (its five-digit code), the province named in full
    ("lao-code", "๑FUN ๗๕๗๐๕/๗๐๖ ที่ทำการองค์การบริหารส่วนตำบลแม่แรม", "อำเภอบ้านฝาง จังหวัดขอนแก่น ๔๐๐๕๙",
     "ขก 75705/706", "ที่ทำการองค์การบริหารส่วนตำบลแม่แรม"),
    ("lao-code-no-province", "๑FUN ๗๕๗๐๕/๗๐๖ ที่ทำการองค์การบริหารส่วนตำบลแม่แรม", "อำเภอบ้านฝาง ๔๐๐๕๙",
     None, "ที่ทำการองค์การบริหารส่วนตำบลแม่แรม"),
    # seed 44: the label read, the prefix lost with nothing in its place
    ("prefix-lost", "ที่ ๐๐๒๓.๑๖/ว ๑๗๑๙ ที่ว่าการอำเภอเสลภูมิ", "ถนนโพธิศรี รอ ๔๕๐๒๙",
     "รอ 0023.16/ว 1719", "ที่ว่าการอำเภอเสลภูมิ"),
    ("prefix-lost-office-misspelt", "ที่ ๐๐๒๓.๑๖/ว ๑๗๑๙ ที่ว่าการอำเกอเสลภูมิ", "ถนนโพธิศรี รอ ๔๕๐๒๙",
     "รอ 0023.16/ว 1719", "ที่ว่าการอำเภอเสลภูมิ"),
    ("prefix-lost-no-province", "ที่ ๐๐๒๓.๑๖/ว ๑๗๑๙ ที่ว่าการอำเภอ", "ถนนโพธิศรี OU ๔๕๐๒๙", None, "ที่ว่าการอำเภอ"),
    # The postcode's province unreadable and no other: the prefix is not guessed.
    ("no-province-named", "130 ๐๐๒๓.๑๖/๑๗๑๙. ที่ว่าการอำเภอ", "ถนนโพธิศรี OU ๔๕๐๒๙", None, "ที่ว่าการอำเภอ"),
]


@pytest.mark.parametrize(("line", "address", "want", "issuer"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_junk_prefix_number(line: str, address: str, want: str | None, issuer: str) -> None:
    letter = parse_text(LETTER.format(line=line, address=address)).letters[0]
    assert letter.doc_no == want
    assert letter.issuer == issuer
    if want is not None:
        assert letter.confidence["doc_no"] <= 0.6
        assert any("prefix_recovered" in w.message for w in letter.warnings if w.field == "doc_no")
