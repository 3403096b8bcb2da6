"""An addressee OCR's layout split around its label (seed 58): its words set
above เรียน, only its ending (ทุกแห่ง) after it."""

import pytest

from docintake.parse import parse_text

LETTER = """ที่ พล ๐๐๒๓.๑๑/ว ๑๒๓ ที่ว่าการอำเภอเมืองพิษณุโลก
ถนนมิตรภาพ พล ๖๕๐๒๓
๒๗ สิงหาคม ๒๕๖๘
เรื่อง การประกวดหมู่บ้านคัดแยกขยะต้นแบบ
{between}
อ้างถึง หนังสืออำเภอเมืองพิษณุโลก ด่วนมาก ที่ พล ๐๐๒๓.๑๑/๑๑๔๗ ลงวันที่ ๒๓ มิถุนายน ๒๕๖๘
ด้วยจังหวัดแจ้งว่า ขอให้ดำเนินการ
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
นายอำเภอเมืองพิษณุโลก"""

CASES = [
    # (id, lines between เรื่อง and อ้างถึง, subject, addressee, warned)
    ("words-above-label", "นายกเทศมนตรีตำบล/นายกองค์การบริหารส่วนตำบล\nเรียน\nทุกแห่ง",
     "การประกวดหมู่บ้านคัดแยกขยะต้นแบบ", "นายกเทศมนตรีตำบล/นายกองค์การบริหารส่วนตำบลทุกแห่ง", True),
    ("ending-on-the-label-line", "นายกเทศมนตรีตำบล/นายกองค์การบริหารส่วนตำบล\nเรียน ทุกแห่ง",
     "การประกวดหมู่บ้านคัดแยกขยะต้นแบบ", "นายกเทศมนตรีตำบล/นายกองค์การบริหารส่วนตำบลทุกแห่ง", True),
    # A subject's own second line does not open as an addressee does: it stays the subject's.
    ("subject-wrapped", "ประจำปี ๒๕๖๘\nเรียน ทุกแห่ง", "การประกวดหมู่บ้านคัดแยกขยะต้นแบบประจำปี ๒๕๖๘", "ทุกแห่ง", False),
    ("clean", "เรียน นายกเทศมนตรีตำบล/นายกองค์การบริหารส่วนตำบล ทุกแห่ง", "การประกวดหมู่บ้านคัดแยกขยะต้นแบบ",
     "นายกเทศมนตรีตำบล/นายกองค์การบริหารส่วนตำบล ทุกแห่ง", False),
]


@pytest.mark.parametrize(("between", "subject", "to", "warned"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_addressee_split_around_its_label(between: str, subject: str, to: str, warned: bool) -> None:
    (letter,) = parse_text(LETTER.format(between=between)).letters
    assert (letter.subject, letter.to) == (subject, to)
    assert ("addressee_mended" in {w.code for w in letter.warnings}) is warned
