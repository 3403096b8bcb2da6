"""Subjects read from noisy OCR: dirt glued to either end of the subject's
lines is dropped, a labelled value starts after the dirt glued to it."""

import pytest

from docintake.parse import parse_pages
from docintake.parse.lines import despeck, label_of

HEAD = ["ที่ มท ๐๘๑๐.๖/ว ๒๐๖๙ กรมส่งเสริมการปกครองท้องถิ่น", "ถนนนครราชสีมา เขตดุสิต กทม. ๑๐๓๐๐",
        "๑๕ พฤษภาคม ๒๕๖๘"]
FOOT = ["เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด", "ด้วยกรมส่งเสริมการปกครองท้องถิ่นขอให้ดำเนินการ",
        "ขอแสดงความนับถือ"]


@pytest.mark.parametrize("line,want", [
    ("เรื่อง การให้ความช่วยเหลือผู้ประสบภัยแล้ง'", "เรื่อง การให้ความช่วยเหลือผู้ประสบภัยแล้ง"),
    ("มาตรการรับมือฤดูแล้งและการจัดหาน้ำอุปโภคบริโภค|", "มาตรการรับมือฤดูแล้งและการจัดหาน้ำอุปโภคบริโภค"),
    # A quote with a partner on the line is text, not dirt.
    ("โครงการ 'ท้องถิ่นสะอาด'", "โครงการ 'ท้องถิ่นสะอาด'"),
    # A dot glued to a Thai letter ends an abbreviation: kept.
    ("และนายก อบต.", "และนายก อบต."),
], ids=["glued-quote", "glued-bar", "paired-quote-kept", "abbreviation-dot-kept"])
def test_despeck_glued_end(line, want):
    assert despeck(line) == want


@pytest.mark.parametrize("line,value", [
    ("เรื่อง .การจัดตั้งจุดบริการประชาชนช่วงเทศกาล", "การจัดตั้งจุดบริการประชาชนช่วงเทศกาล"),
    ("เรื่อง :การประชุมเชิงปฏิบัติการ", "การประชุมเชิงปฏิบัติการ"),
    ("เรียน : นายอำเภอ ทุกอำเภอ", "นายอำเภอ ทุกอำเภอ"),
    ("เรื่อง การประชุม", "การประชุม"),
    # An opening bracket starts a value: not dirt.
    ("เรื่อง (ร่าง) ระเบียบการประชุม", "(ร่าง) ระเบียบการประชุม"),
], ids=["glued-dot", "glued-colon", "spaced-colon", "clean", "bracket-kept"])
def test_label_value_starts_after_glued_specks(line, value):
    lab = label_of(line, ("เรื่อง", "เรียน"))
    assert line[lab[1]:].strip() == value


@pytest.mark.parametrize("subject_lines,want", [
    (["เรื่อง .การจัดตั้งจุดบริการประชาชนช่วงเทศกาล"], "การจัดตั้งจุดบริการประชาชนช่วงเทศกาล"),
    (["เรื่อง การให้ความช่วยเหลือผู้ประสบภัยแล้ง'"], "การให้ความช่วยเหลือผู้ประสบภัยแล้ง"),
    (["เรื่อง การเร่งรัดการเบิกจ่ายงบประมาณ ประจำปีงบประมาณ WA.", "๒๕๖๘"],
     "การเร่งรัดการเบิกจ่ายงบประมาณ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"),
], ids=["glued-dot", "glued-quote", "era-wrapped"])
def test_subject_read_from_noisy_lines(subject_lines, want):
    (letter,) = parse_pages(["\n".join(HEAD + subject_lines + FOOT)]).letters
    assert letter.subject == want


@pytest.mark.parametrize("subject_lines,want", [
    # Seed 6: a line of two mixed-script specks between the subject's lines.
    (["เรื่อง การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง", "๑7", "ประจำปี ๒๕๖๘"],
     "การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้างประจำปี ๒๕๖๘"),  # Thai wraps between words: joined with no space
    # Seed 7: a Thai speck and a Latin one.
    (["เรื่อง การจ่ายเงินเบี้ยยังชีพผู้สูงอายุ", "ส wa", "ประจำเดือนมิถุนายน"],
     "การจ่ายเงินเบี้ยยังชีพผู้สูงอายุประจำเดือนมิถุนายน"),
    # A real wrapped line with a number stays.
    (["เรื่อง การประชุมคณะกรรมการ ครั้งที่", "๑/๒๕๖๘"], "การประชุมคณะกรรมการ ครั้งที่๑/๒๕๖๘"),
], ids=["mixed-script-speck-line", "thai-and-latin-specks", "wrapped-number-kept"])
def test_debris_line_inside_the_subject_is_skipped(subject_lines, want):
    (letter,) = parse_pages(["\n".join(HEAD + subject_lines + FOOT)]).letters
    assert letter.subject == want
