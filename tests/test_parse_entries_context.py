"""A reference/enclosure entry read through OCR damage with the help of the
letter it stands in (OCR lines from the tuning corpora's recorded text)."""

import datetime as dt

import pytest

from docintake.parse import parse_text
from docintake.parse.entries import read_entry
from docintake.parse.entrycontext import code_from_context, own_prefix, prefix_from_code
from docintake.parse.entrydates import entry_date

CODES = [
    # ".๔" read as one ๗: the department's own division, cited again.
    ("dot-merged-department", "หนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนมาก ที่มท ๐๘๑๐๗/ว ๘๐๕ ลงวันที่ ๒๕ พฤษภาคม ๒๕๖๖",
     {("มท", "0810.4")}, "มท 0810.4/ว 805"),
    ("dot-merged-district", "หนังสืออำเภอวิเชียรบุรี ด่วนที่สุด ที่พช ๐๐๒๓๗๗/๔๐๖ ลงวันที่ ๑๗ มิ.ย. ๒๕๖๘",
     {("พช", "0023.17")}, "พช 0023.17/406"),
    ("dot-lost", "หนังสือจังหวัดเพชรบูรณ์ ด่วน ที่ พช ๐๐๒๓๖/ว ๒๘๓๔ลงวันที่ ๙ มิถุนายน ๒๕๖๘",
     {("พช", "0023.6")}, "พช 0023.6/ว 2834"),
    ("debris-before-slash", "หนังสือจังหวัดเชียงใหม่ ที่ ชม ๐๐๒๓.๑@/ว ๕๖๓ ลงวันที่ ๑๔ มกราคม ๒๕๖๘",
     {("ชม", "0023.1")}, "ชม 0023.1/ว 563"),
    ("colon-for-dot", "หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่มท ๐๘๑๐:๗/ว ๑๖๓๔ ลงวันที่ ๓ มีนาคม ๒๕๖๖",
     {("มท", "0810.7")}, "มท 0810.7/ว 1634"),
    ("prefix-garbled-same-code", "หนังสืออำเภอฝาง ที่ ด๖ ๐๐๒๓.๑๖/๑๘๘๑ ลงวันที่ ๑๒ พฤษภาคม ๒๕๖๘",
     {("ชม", "0023.16")}, "ชม 0023.16/1881"),
    # Prefix garbled AND code damaged: the issuer must name the province.
    ("garbled-prefix-issuer-names-province", "หนังสือจังหวัดนครศรีธรรมราช ด่วนมาก ที่ UA ๐๐๒๗๕/๑๕๓๘ ลงวันที่ ๗ สิงหาคม ๒๕๖๖",
     {("นศ", "0023.5")}, "นศ 0023.5/1538"),
    # The ministry's name stands for its prefix; a department's for its ministry's.
    ("garbled-prefix-ministry-named", "หนังสือกระทรวงมหาดไทย ด่วนมาก ที่ “HM ๐๘๑๐.๖.อ/ว ๓๔๑ ลงวันที่ ๙ พฤษภาคม ๒๕๖๘",
     {("มท", "0810.6")}, "มท 0810.6/ว 341"),
    ("garbled-prefix-department-named", "หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ HM ๐๘๑๐๗/ว ๘๐๕ ลงวันที่",
     {("มท", "0810.4")}, "มท 0810.4/ว 805"),
    # Hyphens OCR put inside the code (read as spaces), prefix garbled.
    ("code-split-by-hyphens", "หนังสืออำเภอทุ่งสง ด่วนที่สุด fi wa 002-3.1-3/1785 ลงวันที่ 6 พฤษภาคม 2-567",
     {("นศ", "0023.13")}, "นศ 0023.13/1785"),
    # A digit of debris where the prefix was: not part of the code.
    ("digit-debris-before-code", "หนังสือจังหวัดเชียงรายุ ด่วนที่สุด ที่ 3 ๐๐๒๓.๒/๒๓๕๙ ลงวันที่ ๒๖ กรกฎาคม ๒๕๖๖",
     {("ชร", "0023.2")}, "ชร 0023.2/2359"),
    ("garbled-prefix-district-no-evidence", "หนังสืออำเภอสิชล ที่ UA ๐๐๒๗๕/๑๕๓๘ ลงวันที่ ๗ สิงหาคม ๒๕๖๖",
     {("นศ", "0023.5")}, None),
    # "๐๘๑๐๖" is 0810.6 with its dot lost as much as damage of 0810.7: no repair.
    ("other-digit-not-seven", "หนังสือกระทรวงมหาดไทย ด่วนมาก ที่ มท.๐๘๑๐๖/ว ๒๒๔๑ ลงวันที่ ๑๘ มี.ค. ๒๕๖๗",
     {("มท", "0810.7")}, None),
    ("seven-away-from-the-dot", "หนังสือจังหวัดลำปาง ที่ ลป ๐๗๒๓๔/๑๙๔๙ ลงวันที่ ๘ พ.ค. ๒๕๖๗", {("ลป", "0023.4")}, None),
    ("two-codes-fit", "หนังสือจังหวัดลำปาง ที่ ลป ๐๐๒๓๗/๑๙๔๙", {("ลป", "0023.4"), ("ลป", "0023.8")}, None),
    ("another-prefix", "หนังสือจังหวัดลำปาง ที่ ลป ๐๐๒๓๗/๑๙๔๙", {("พช", "0023.4")}, None),
    # "๑๗๙ 7๐": the running number is in doubt, which no code settles.
    ("running-in-doubt", "หนังสือจังหวัดเชียงใหม่ ที่ ชม ๐๐๒๓.๔/๑๗๙ 7๐ ลงวันที่ ๒๓ มิถุนายน ๒๕๖๘",
     {("ชม", "0023.4")}, None),
    ("no-slash", "หนังสือจังหวัดศรีสะเกษ ด่วนที่สุด fl an ๐๐๒๓.๔๒๔๒๔ 0 ลงวันที่ ๒ มกราคม ๒๕๖๘",
     {("ศก", "0023.4")}, None),
    # seed 8: specks about the dot; the digits are the known code's, in order.
    ("debris-about-the-dot", "หนังสืออำเภอเทิง ที่ ชร ๐๐๒๓..@๑๘/ว ๑๘๓๕ ลงวันที่ ๒๖กุมภาพันธ์ ๒๕๖๗",
     {("ชร", "0023.18")}, "ชร 0023.18/ว 1835"),
    ("debris-and-other-digits", "หนังสืออำเภอเทิง ที่ ชร ๐๐๒๓..@๑๖/ว ๑๘๓๕ ลงวันที่ ๒๖กุมภาพันธ์ ๒๕๖๗",
     {("ชร", "0023.18")}, None),
    # seed 10: section 96 is no office's (lexicon.MAX_CODE_SECTION); one digit off the known 0023.16.
    ("impossible-section-one-digit-off", "หนังสืออำเภอศีขรภูมิ ด่วนที่สุด ที่ สร ๐๐๒๓.๙๖/๑๐๘๙ลงวันที่ ๑๘ กรกฎาคม ๒๕๖๗",
     {("สร", "0023.16")}, "สร 0023.16/1089"),
    # 0023.26 is an office's code as much as 0023.16: another letter, not damage.
    ("possible-section-one-digit-off", "หนังสืออำเภอศีขรภูมิ ที่ สร ๐๐๒๓.๒๖/๑๐๘๙ลงวันที่ ๑๘ กรกฎาคม ๒๕๖๗",
     {("สร", "0023.16")}, None),
    ("impossible-section-two-digits-off", "หนังสืออำเภอศีขรภูมิ ที่ สร ๐๐๒๓.๙๙/๑๐๘๙ลงวันที่ ๑๘ กรกฎาคม ๒๕๖๗",
     {("สร", "0023.16")}, None),
    # seed 81: the prefix garbled (อ๑) and ว read as ๖ with the running number after a space:
    # /๖ ๑๐๖๖ is ว 1066 or 61066, never 6.
    ("running-after-a-space", "หนังสือจังหวัดอุดรธานี ด่วนที่สุด ที่ อ๑ ๐๐๒๓.๒/๖ ๑๐๖๖ ล่งวันที่ ๓๑ มีนำคม ๒๕๖๘",
     {("อด", "0023.2")}, None),
    ("running-whole", "หนังสือจังหวัดอุดรธานี ด่วนที่สุด ที่ อ๑ ๐๐๒๓.๒/ว ๑๐๖๖ ล่งวันที่ ๓๑ มีนำคม ๒๕๖๘",
     {("อด", "0023.2")}, "อด 0023.2/ว 1066"),
]


PREFIXES = [
    # seed 20: the ที่ label's remains glued to นม (ปปม); the letter prints นม 0023.14.
    ("label-remains-before-prefix", "ปปม 0023.14/433",
     "หนังสืออำเภอเมืองนครราชสีมา ด่วนที่สุด ที่ปปม ๐๐๒๓.๑๔/๔๓๓ ลงวันที่ ๑๖ ม.ค. ๒๕๖๘.", {("นม", "0023.14")}, "นม 0023.14/433"),
    ("known-prefix-kept", "ชม 0023.14/433", "หนังสืออำเภอฝาง ที่ ชม ๐๐๒๓.๑๔/๔๓๓ ลงวันที่", {("นม", "0023.14")}, None),
    ("another-code", "ปปม 0023.1/433", "ที่ปปม ๐๐๒๓.๑/๔๓๓ ลงวันที่ ๑๖ ม.ค. ๒๕๖๘", {("นม", "0023.14")}, None),
]


@pytest.mark.parametrize(("doc_no", "text", "known", "want"), [c[1:] for c in PREFIXES], ids=[c[0] for c in PREFIXES])
def test_unknown_prefix_from_known_code(doc_no: str, text: str, known: set, want: str | None) -> None:
    assert prefix_from_code(doc_no, text, known) == want


@pytest.mark.parametrize(("text", "known", "want"), [c[1:] for c in CODES], ids=[c[0] for c in CODES])
def test_code_from_context(text: str, known: set, want: str | None) -> None:
    found = code_from_context(text, known)
    assert (found[0] if found else None) == want


DATES = [
    ("as-printed", "ที่ สน ๐๐๒๓.๓/๑๙๕๑ ลงวันที่ ๑๘ เมษายน ๒๕๖๖", dt.date(2023, 4, 18), None),
    ("speck-before-month", "ที่ มท ๐๘๑๐.๒/ว ๑๔๘๕ ลงวันที่ ๒๑ .กรกฎาคม ๒๕๖๘", dt.date(2025, 7, 21), None),  # find_dates skips the speck itself
    ("arabic-digit-among-thai", "ที่ ลย ๐๐๒๓.๓/ว ๑๓๘๗ ลงวันที่ ๑๒ 5 กันยายน ๒๕๖๘", dt.date(2025, 9, 12), "Arabic"),
    ("letter-before-month", "ที่ ชม ๐๐๒๓.๑/ว ๒๒๖๖ ลงรวันที่ ๗ม กุมภาพันธ์ ๒๕๖๘", dt.date(2025, 2, 7), "letter"),
    ("day-lost", "ที่ สร ๐๐๒๓.๒/๑๔๒๖ ลงวันที่มกราคม ๒๕๖๘", None, None),
    # The stock model prints a ๗ it cannot read as ซ (lexicon.DIGIT_GLYPH_LOOKALIKES);
    # right after the date's label only the day can stand.
    ("day-glyph-glued", "ที่ รอ ๐๐๒๓.๑๓/๑๗๑๐ ลงวันที่.ซสิงหาคม ๒๕๖๘", dt.date(2025, 8, 7), "look-alike"),
    ("day-glyph-spaced", "ที่ไฟม่ ๗๔๙๘๘/๑๒๒๑ ลงวันที่ ซ ตุลาคม ๒๕๖๘", dt.date(2025, 10, 7), "look-alike"),
    ("day-glyph-tone-mark", "ที่ นม ๐๐๒๓.๖/ว ๑๗๗๕ ลงวันที่ ฒ่ พ.ย. ๒๕๖๗", dt.date(2024, 11, 7), "look-alike"),
    # seed 15: a speck between the glyph and the month
    ("day-glyph-speck", "ที่มท ๐๘๑๐.๔/ว ๑๙๖๘ ลงวันที่ ฒ'ตุลาคม ๒๕๖๗", dt.date(2024, 10, 7), "look-alike"),
    # A word after the label is no day: find_dates must still read a month after it.
    ("glyph-word-not-day", "ที่ รอ ๐๐๒๓.๑๓/๑๗๑๐ ลงวันที่ ซอย ๕ ถนนมิตรภาพ", None, None),
    # Debris after a printed day is dropped as before, not read as a digit.
    ("glyph-after-day-is-debris", "ที่ ลย ๐๐๒๓.๓/ว ๑๓๘๗ ลงวันที่ ๑๒ ซ ตุลาคม ๒๕๖๘", dt.date(2025, 10, 12), "letter"),
    ("month-garbled", "ที่ สน ๐๐๒๓.๓/๒๘๑๘ ลงวันที่ ๒๑ fw. ๒๕๖๖", None, None),
    # seed 19: a speck after the glyph read as a hyphen.
    ("day-glyph-hyphen", "ที่มท ๐๘๑๐.๔/ว ๓๐๐ ลงวันที่ ฒ-เมษายน ๒๕๖๘", dt.date(2025, 4, 7), "look-alike"),
    # seed 20: a speck between the day's two digits; a day has no dot.
    ("day-speck-between-digits", "ที่ อด ๐๐๒๓.๑๑/๒๘๐๕ ลงวันที่ ๒.๒พฤศจิกายน ๒๕๖๗", dt.date(2024, 11, 22), "speck"),
    ("day-speck-arabic", "ที่ ลป 0023.18/2190 ลงวันที่ 1.5 มกราคม 2568", dt.date(2025, 1, 15), "speck"),
    # seed 123: the speck read as a hyphen; a cited letter has one date, not a range
    ("day-hyphen-between-digits", "ที่ ศก 002-3.2/287 ลงวันที่ 2-5 กุย. 2-566", dt.date(2023, 9, 25), "one day"),
    ("day-hyphen-no-such-day", "ที่ ศก 0023.2/287 ลงวันที่ 3-5 มกราคม 2566", dt.date(2023, 1, 5), None),
    # ๓๕ is no day: still unread.
    ("day-speck-no-such-day", "ที่ อด ๐๐๒๓.๑๑/๒๘๐๕ ลงวันที่ ๓.๕ มกราคม ๒๕๖๘", None, None),
    # seed 34: lone digits between the month and a whole BE year are specks.
    ("lone-digits-before-year", "ที่ ชย 0023.16/524 ลงวันที่ 22 มกราคม 2 2 2568", dt.date(2025, 1, 22), "year"),
    ("lone-thai-digit-before-year", "ที่ ชย ๐๐๒๓.๑๖/๕๒๔ ลงวันที่ ๒๒ มกราคม ๒ ๒๕๖๘", dt.date(2025, 1, 22), "year"),
]


@pytest.mark.parametrize(("text", "want", "repair"), [c[1:] for c in DATES], ids=[c[0] for c in DATES])
def test_entry_date(text: str, want: dt.date | None, repair: str | None) -> None:
    date, why = entry_date(text)
    assert date == want
    assert (why is None) if repair is None else (repair in why)


LETTER = """ที่ พล ๐๐๒๓.๑๓/๑๐๕ ที่ว่าการอำเภอบางระกำ
ถนนบางระกำ พล ๖๕๑๔๐
{date}
เรื่อง การจัดเก็บภาษี
เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง
อ้างถึง หนังสืออำเภอบางระกำ ที่ พล ๐๐๒๓.๑๓/๒๒๗ ลงวันที่ ๒๓กรกฎาคม {year}
ด้วยจังหวัดแจ้งว่า ขอให้รายงานผล
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
นายอำเภอบางระกำ"""

YEARS = [
    # ๒๔๖๗ in a letter of ๒๕๖๗: one digit gives the only year before the letter.
    ("generations-before", "๑๒ พฤศจิกายน ๒๕๖๗", "๒๔๖๗", dt.date(2024, 7, 23), True),
    ("as-printed", "๑๒ พฤศจิกายน ๒๕๖๗", "๒๕๖๗", dt.date(2024, 7, 23), False),
    # The letter's own year is the odd one: no evidence against the entry's.
    ("letter-year-misread", "๑๒ พฤศจิกายน ๒๔๖๗", "๒๕๖๗", dt.date(2024, 7, 23), False),
    # A year past the era (๒๖๖๗, seed 34): as misread, one digit gives the only year before the letter.
    ("past-the-era", "๑๒ พฤศจิกายน ๒๕๖๗", "๒๖๖๗", dt.date(2024, 7, 23), True),
]


@pytest.mark.parametrize(("date", "year", "want", "warned"), [c[1:] for c in YEARS], ids=[c[0] for c in YEARS])
def test_reference_year_repaired(date: str, year: str, want: dt.date, warned: bool) -> None:
    (letter,) = parse_text(LETTER.format(date=date, year=year)).letters
    assert letter.references[0].date == want
    assert any(w.code == "year_repaired" for w in letter.warnings) is warned


SIBLINGS = """ที่ ลป ๐๐๒๓.๔/๓๕๐๕ ศาลากลางจังหวัดลำปาง
ถนนบุญวาทย์ ลป ๕๒๐๐๐
๒๒ สิงหาคม ๒๕๖๗
เรื่อง การป้องกันไฟป่า
เรียน นายอำเภอ ทุกอำเภอ
อ้างถึง หนังสือจังหวัดลำปาง ที่ ลป ๐๐๒๓๗/๑๙๔๙ ลงวันที่ ๘ พ.ค. ๒๕๖๗
ด้วยจังหวัดแจ้งว่า ขอให้รายงานผล
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
ผู้ว่าราชการจังหวัดลำปาง"""


def test_reference_code_from_the_letters_own_number() -> None:
    (letter,) = parse_text(SIBLINGS).letters
    assert letter.references[0].doc_no == "ลป 0023.4/1949"
    assert any(w.code == "doc_no_from_context" and w.field == "references[1].doc_no" for w in letter.warnings)
    assert letter.confidence["references"] <= 0.6


OWN_PREFIX = [
    # (id, entry number as read, entry text, the letter's own number, the number read)
    # Seed 30: the district cites its own earlier letter, ข read as บ (สบ is Saraburi's).
    ("own-office-prefix-one-off", "สบ 0023.14/780", "หนังสืออำเภอหาดใหญ่ ด่วนที่สุด ที่ สบ ๐๐๒๓.๑๔/๗๘๐",
     "สข 0023.14/1276", "สข 0023.14/780"),
    ("entry-names-its-own-province", "สบ 0023.14/780", "หนังสือจังหวัดสระบุรี ที่ สบ ๐๐๒๓.๑๔/๗๘๐",
     "สข 0023.14/1276", None),
    ("another-code", "สบ 0023.15/780", "หนังสืออำเภอ ที่ สบ ๐๐๒๓.๑๕/๗๘๐", "สข 0023.14/1276", None),
    ("prefixes-two-letters-apart", "ลบ 0023.14/780", "หนังสืออำเภอ ที่ ลบ ๐๐๒๓.๑๔/๗๘๐", "สข 0023.14/1276", None),
    ("same-prefix-already", "สข 0023.14/780", "หนังสืออำเภอ ที่ สข ๐๐๒๓.๑๔/๗๘๐", "สข 0023.14/1276", None),
    ("own-number-unread", "สบ 0023.14/780", "หนังสืออำเภอ ที่ สบ ๐๐๒๓.๑๔/๗๘๐", None, None),
]


@pytest.mark.parametrize(("doc_no", "text", "own", "want"), [c[1:] for c in OWN_PREFIX], ids=[c[0] for c in OWN_PREFIX])
def test_entry_prefix_from_the_letters_own_office(doc_no: str, text: str, own: str | None, want: str | None) -> None:
    assert own_prefix(doc_no, text, own) == want


ENTRY_NUMBERS = [
    ("as-printed", "สำเนาหนังสือกรม ที่ มท ๐๘๑๐.๗/ว ๒๙๖๗ ลงวันที่ ๑๒ พฤษภาคม ๒๕๖๘", "มท 0810.7/ว 2967", None),
    ("slash-lost-before-ว", "สำเนาหนังสือกรม ที่ มท ๐๘๑๐.๗ว ๒๙๖๗ ลงวันที่ ๑๒ พฤษภาคม๒๕๖๘", "มท 0810.7/ว 2967",
     "slash_lost_before_ว"),
    ("colon-for-dot", "หนังสือกรม ที่มท ๐๘๑๐:๔/ว ๑๖๓๔ ลงวันที่ ๓ มีนาคม ๒๕๖๖", "มท 0810.4/ว 1634", "colon_for_dot"),
    # ". " for "/ว" after a whole code: ว read as a dot, the space after it
    # kept (every such entry in seeds 1-11 was a circular): read, warned.
    ("wo-read-as-dot", "หนังสือจังหวัดเลย ที่ ลย ๐๐๒๓.๓. ๒๙๐๓ ลงวันที่ ๕ มิถุนายน ๒๕๖๘", "ลย 0023.3/ว 2903",
     "circular_read_as_dot"),
    # A speck between the urgency word and ที่ read as a hyphen (seed 45): the issuer stops at ด่วน.
    ("hyphen-before-label", "หนังสืออำเภอด่านซ้าย ด่วน-ที่ ลย 0023.12/1414 ลงวันที่ 22 เมษายน 2567", "ลย 0023.12/1414",
     None),
    # Slash and ว both lost, only a space left: circular or not cannot be told.
    ("slash-and-ว-lost", "หนังสือจังหวัดเลย ที่ ลย ๐๐๒๓.๓ ๒๙๐๓ ลงวันที่ ๕ มิถุนายน ๒๕๖๘", None, "split_lost"),
]


@pytest.mark.parametrize(("text", "want", "fault"), [c[1:] for c in ENTRY_NUMBERS], ids=[c[0] for c in ENTRY_NUMBERS])
def test_entry_number_faults_with_one_reading(text: str, want: str | None, fault: str | None) -> None:
    cited = read_entry(text)
    assert cited.doc_no == want
    assert (fault in cited.problems) if fault else not cited.problems
    if "ด่วน-ที่" in text:
        assert (cited.issuer, cited.urgency) == ("อำเภอด่านซ้าย", "ด่วน")


# A department circular citing an earlier directive whose slash and ว OCR lost
# (seeds 8, 13, 14) or whose ว it read as a digit (seed 7): a ministry's
# circular cites circulars; a province's may cite either kind.
DEPARTMENT_LETTER = """ที่ {own} กรมส่งเสริมการปกครองท้องถิ่น
ถนนนครราชสีมา เขตดุสิต กทม. ๑๐๓๐๐
๒๕ พฤศจิกายน ๒๕๖๘
เรื่อง การจัดทำแผนพัฒนาท้องถิ่น
เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด
อ้างถึง {ref}
ตามที่กรมได้แจ้งแนวทางไปแล้ว นั้น
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"""

CITED_LIKE_CITER = [
    ("split-lost-in-ministry-circular", "มท ๐๘๑๙.๒/ว ๒๗๒๑",
     "หนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท ๐๘๑๐.๔ ๑๓๓๙ ลงวันที่ ๖ ตุลาคม ๒๕๖๘", "มท 0810.4/ว 1339"),
    ("split-lost-label-glued", "มท ๐๘๑๙.๒/ว ๒๗๒๑",
     "หนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่\nมท ๐๘๑๐.๔ ๑๓๓๙ ลงวันที่ ๖ ตุลาคม ๒๕๖๘", "มท 0810.4/ว 1339"),
    ("split-lost-prefix-garbled-issuer-named", "มท 0810.7/ว 1271",
     "หนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ im 0810.4 375 ลงวันที่ 10 มิ.ย. 2567", "มท 0810.4/ว 375"),
    ("wo-read-as-digit", "มท ๐๘๑๐.๘/ว ๑๗๑๙",
     "หนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท ๐๘๑๐.๔/๖ ๓๙๖ ลงวันที่ ๒๓ พฤศจิกายน ๒๕๖๖", "มท 0810.4/ว 396"),
    # The citing letter is no circular: nothing says which kind it cites.
    ("citer-not-circular", "มท ๐๘๑๙.๒/๒๗๒๑",
     "หนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท ๐๘๑๐.๔ ๑๓๓๙ ลงวันที่ ๖ ตุลาคม ๒๕๖๘", None),
    # A province writes both kinds, by circular or not.
    ("province-circular", "ชม ๐๐๒๓.๖/ว ๙๗๗๗",
     "หนังสือจังหวัดเชียงใหม่ ที่ ชม ๐๐๒๓.๖ ๑๓๑๑ ลงวันที่ ๕ มิถุนายน ๒๕๖๘", None),
    # Another ministry's number: not the citer's own series.
    ("other-ministry", "มท ๐๘๑๙.๒/ว ๒๗๒๑",
     "หนังสือกระทรวงการคลัง ที่ กค ๐๔๐๖.๔ ๑๓๓๙ ลงวันที่ ๖ ตุลาคม ๒๕๖๘", None),
]


@pytest.mark.parametrize(("own", "ref", "want"), [c[1:] for c in CITED_LIKE_CITER],
                         ids=[c[0] for c in CITED_LIKE_CITER])
def test_ministry_circular_cites_circulars(own: str, ref: str, want: str | None) -> None:
    (letter,) = parse_text(DEPARTMENT_LETTER.format(own=own, ref=ref)).letters
    assert [r.doc_no for r in letter.references] == [want]
    warned = {w.field for w in letter.warnings if w.code == "doc_no_from_context"}
    assert warned == ({"references[1].doc_no"} if want else set())
