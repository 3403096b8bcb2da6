"""A copy's unread number/date filled from its forwarding letter's enclosure
line only when the copy's own letterhead still shows it (seed-1 OCR lines)."""

import datetime as dt

import pytest

from docintake.parse import parse_text
from docintake.parse.crosscheck import shows_date, shows_number

NUMBERS = [
    ("one-digit-misread", "NUN ๐๘๑๐๗/ว ๑๔๐๔ กรมส่งเสริมการปกครองท้องถิน", "มท 0810.4/ว 1404", True),
    ("slash-lost", "“NUN 0816.4 2263 กรมส่งเสริมการปกครองท้องถิน", "มท 0816.4/ว 2263", True),
    ("debris-glued", "NUN ๐๘๐๘.๓@/ว ๓๐๕๙ กรมส่งเสริมการปกครองท้องถิน", "มท 0808.3/ว 3059", True),
    ("two-digits-differ", "NUN ๐๘๑๐๗/ว ๑๔๐๙", "มท 0810.4/ว 1404", False),
    ("another-number", "NUN ๐๘๐๘.๓/ว ๒๙๙๔", "มท 0808.3/ว 3059", False),
]


@pytest.mark.parametrize(("line", "doc_no", "want"), [c[1:] for c in NUMBERS], ids=[c[0] for c in NUMBERS])
def test_shows_number(line: str, doc_no: str, want: bool) -> None:
    assert shows_number(line, doc_no) is want


DATES = [
    ("month-garbled", "๑๘ SUMAN ๒๕๖๖", dt.date(2023, 12, 18), True),
    ("day-lost", "มิถุนายน ๒๕๖๘", dt.date(2025, 6, 17), True),
    ("only-day", "๒๒ Ain. od", dt.date(2024, 3, 22), False),
    ("other-month-and-day", "๑๘ มีนาคม ๒๕๖๗", dt.date(2024, 6, 17), False),
    # The seed: month and year agree but the printed day is another number.
    ("day-contradicts", "๑๔๗๘ พฤษภาคม ๒๕๖๘", dt.date(2025, 5, 27), False),
    # Seed 14: ก.พ. printed as N.W., the year's last digits lost (๒๕๐): the
    # day, a month its shapes allow and no other year.
    ("month-shapes-allow-it", "สน ๐๐๒๓.๕/ว ๑๘๘๐ ลงวันที่ ๒๒ N.W. ๒๕๐", dt.date(2024, 2, 22), True),
    # A.A. is ก.ค., ส.ค. or ต.ค.: with the day alone it shows 5 Oct, not 5 Sep.
    ("month-shapes-allow-several", "ลงวันที่ ๕ A.A.", dt.date(2024, 10, 5), True),
    ("month-shapes-exclude-it", "ลงวันที่ ๕ A.A.", dt.date(2024, 9, 5), False),
    ("month-shapes-other-year", "ลงวันที่ ๕ A.A. ๒๕๖๖", dt.date(2024, 10, 5), False),
    ("month-shapes-other-day", "ลงวันที่ ๖ A.A. ๒๕๖๗", dt.date(2024, 10, 5), False),
]


@pytest.mark.parametrize(("head", "date", "want"), [c[1:] for c in DATES], ids=[c[0] for c in DATES])
def test_shows_date(head: str, date: dt.date, want: bool) -> None:
    assert shows_date(head, date) is want


FORWARDER = """ที่ ชย ๐๐๒๓.๖/๑๒๓ ศาลากลางจังหวัดชัยภูมิ
ถนนบรรณาการ ชย ๓๖๐๐๐
๕ มิถุนายน ๒๕๖๘
เรื่อง การประชุม
เรียน นายอำเภอ ทุกอำเภอ
สิ่งที่ส่งมาด้วย สำเนาหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓ ลงวันที่ ๒๐ พฤษภาคม ๒๕๖๘
ด้วยกรมแจ้งว่า จะจัดประชุม
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
ผู้ว่าราชการจังหวัดชัยภูมิ"""
COPY = """{number}
ถนนนครราชสีมา เขตดุสิต กทม. ๑๐๓๐๐
{date}
เรื่อง การประชุม
เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด
ด้วยกรมจะจัดประชุม
ขอแสดงความนับถือ
(นายสมศักดิ์ ดีมาก)
อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"""
BUNDLES = [
    ("slash-lost-filled", "“NUN 0816.4 2263 กรมส่งเสริมการปกครองท้องถิน", "๒๐ SUMAN ๒๕๖๘",
     "มท 0816.4/ว 2263", dt.date(2025, 5, 20)),
    ("letterhead-disagrees-stays-null", "“NUN 0808.3 3059 กรมส่งเสริมการปกครองท้องถิน", "๒ Ain. od", None, None),
]


@pytest.mark.parametrize(("number", "date", "doc_no", "want_date"), [c[1:] for c in BUNDLES],
                         ids=[c[0] for c in BUNDLES])
def test_copy_filled_from_forwarder(number: str, date: str, doc_no: str | None, want_date) -> None:
    text = FORWARDER + "\f" + COPY.format(number=number, date=date)
    first, copy = parse_text(text).letters
    assert first.enclosures[0].doc_no == "มท 0816.4/ว 2263"
    assert copy.doc_no == doc_no and copy.date == want_date
    codes = {w.code for w in copy.warnings}
    if doc_no is not None:
        assert {"doc_no_from_enclosure", "date_from_enclosure"} <= codes
        assert copy.confidence["doc_no"] <= 0.7 and copy.confidence["date"] <= 0.7


def test_enclosure_filled_from_copy() -> None:
    # The forwarding letter's line lost a digit of the code ("023.6"), the copy's
    # own letterhead reads the number whole: the entry takes the copy's reading.
    forwarder = FORWARDER.replace("ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓ ลงวันที่ ๒๐ พฤษภาคม ๒๕๖๘",
                                  "ที่ มท ๘๑๖.๔/ว ๒๒๖๓ ลงวันที่ ๒๐ SUMAN ๒๕๖๘")
    copy = COPY.format(number="ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓ กรมส่งเสริมการปกครองท้องถิ่น", date="๒๐ พฤษภาคม ๒๕๖๘")
    first, second = parse_text(forwarder + "\f" + copy).letters
    assert second.doc_no == "มท 0816.4/ว 2263"
    (enc,) = first.enclosures
    assert (enc.doc_no, enc.date) == ("มท 0816.4/ว 2263", dt.date(2025, 5, 20))
    assert {"doc_no_from_copy", "date_from_copy"} <= {w.code for w in first.warnings}


def test_enclosure_naming_another_number_is_not_filled() -> None:
    forwarder = FORWARDER.replace("ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓", "ที่ มท ๘๑๖.๔/ว ๓๙๐๑")
    copy = COPY.format(number="ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓ กรมส่งเสริมการปกครองท้องถิ่น", date="๒๐ พฤษภาคม ๒๕๖๘")
    first, _ = parse_text(forwarder + "\f" + copy).letters
    assert first.enclosures[0].doc_no is None


@pytest.mark.parametrize(("listed", "own", "want"), [
    # Copy: ว and running legible, code lost its dot (๐๘๑๐๗); entry: code whole,
    # ว spoilt with no trace (a dot run into the digits: ว or not cannot be told).
    ("ที่ มท ๐๘๑๐.๔.๒๖๙๘", "ที่ มท ๐๘๑๐๗/ว ๒๖๙๘ กรมส่งเสริมการปกครองท้องถิ่น", "มท 0810.4/ว 2698"),
    # Running numbers disagree: no merge, both stay unread.
    ("ที่ มท ๐๘๑๐.๔.๒๖๙๐", "ที่ มท ๐๘๑๐๗/ว ๒๖๙๘ กรมส่งเสริมการปกครองท้องถิ่น", None),
    # Codes two digits apart: no merge.
    ("ที่ มท ๐๘๒๐.๔.๒๖๙๘", "ที่ มท ๐๘๑๐๗/ว ๒๖๙๘ กรมส่งเสริมการปกครองท้องถิ่น", None),
], ids=["merged", "running-differs", "codes-too-far"])
def test_two_damaged_prints_merged(listed: str, own: str, want: str | None) -> None:
    forwarder = FORWARDER.replace("ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓", listed)
    copy = COPY.format(number=own, date="๒๐ พฤษภาคม ๒๕๖๘")
    first, second = parse_text(forwarder + "\f" + copy).letters
    assert second.doc_no == want and first.enclosures[0].doc_no == want
    if want is not None:
        assert "doc_no_merged" in {w.code for w in second.warnings}
        assert "doc_no_merged" in {w.code for w in first.warnings}
        assert second.confidence["doc_no"] <= 0.6


# A copy cannot be dated after the letter that forwards it (5 Jun 2568), nor
# a year before it: a copy dated so has its year misread (seed 3: ๒๓ เมษายน
# ๒๖๖๗ for ๒๕๖๗) and is repaired when one digit puts it just before the
# forwarding letter, warned; a copy dated on another day only conflicts (null).
MISDATED = [
    ("year-misread-after-forwarder", "๒๐ พฤษภาคม ๒๖๖๘", dt.date(2025, 5, 20), "year_repaired"),
    ("other-day-conflicts", "๒๑ พฤษภาคม ๒๕๖๘", None, "date_conflict"),
    # A year before the forwarding letter: its year digit, not the listing, is off.
    ("year-earlier-repaired", "๒๐ พฤษภาคม ๒๕๖๗", dt.date(2025, 5, 20), "year_repaired"),
    ("agrees", "๒๐ พฤษภาคม ๒๕๖๘", dt.date(2025, 5, 20), None),
    # A year a century off (๒๔๖๘): one digit changed puts it just before the
    # forwarding letter, where the listing agrees.
    ("year-a-century-off", "๒๐ พฤษภาคม ๒๔๖๘", dt.date(2025, 5, 20), "year_repaired"),
    # Out of the era by more than one digit (๒๕๒๕, seed 18): no one-digit repair, but the
    # listing has its day and month in a year that fits, so the listing's year is taken.
    ("year-out-of-era", "๒๐ พฤษภาคม ๒๕๒๕", dt.date(2025, 5, 20), "date_from_forwarder"),
]


@pytest.mark.parametrize(("date", "want", "code"), [c[1:] for c in MISDATED], ids=[c[0] for c in MISDATED])
def test_copy_dated_after_its_forwarder(date: str, want: dt.date | None, code: str | None) -> None:
    copy = COPY.format(number="ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓ กรมส่งเสริมการปกครองท้องถิ่น", date=date)
    _, second = parse_text(FORWARDER + "\f" + copy).letters
    assert second.date == want
    codes = {w.code for w in second.warnings} & {"date_from_forwarder", "date_conflict", "year_repaired"}
    assert codes == ({code} if code else set())
    if code in ("date_from_forwarder", "year_repaired"):
        assert second.confidence["date"] <= 0.6


def test_copy_with_damaged_running_number_filled_from_forwarder() -> None:
    # The copy's own print "/ว ๒๒/๖๓" is damaged; the forwarding letter's
    # listing (/ว ๒๒๖๓) agrees with it in all but one digit: taken, warned.
    copy = COPY.format(number="ที่ มท ๐๘๑๖.๔/ว ๒๒/๖๓ กรมส่งเสริมการปกครองท้องถิ่น", date="๒๐ พฤษภาคม ๒๕๖๘")
    _, second = parse_text(FORWARDER + "\f" + copy).letters
    assert second.doc_no == "มท 0816.4/ว 2263"
    assert "doc_no_from_enclosure" in {w.code for w in second.warnings}


def test_copy_with_illegible_running_number_filled_from_forwarder() -> None:
    # The copy prints the listed code, then the slash and no digit at all
    # (seed 6: อด ๐๐๒๓.๕/ NODE.): illegible, not another number -> the listing.
    copy = COPY.format(number="ที่ มท ๐๘๑๖.๔/ว NODE. กรมส่งเสริมการปกครองท้องถิ่น", date="๒๐ พฤษภาคม ๒๕๖๘")
    _, second = parse_text(FORWARDER + "\f" + copy).letters
    assert second.doc_no == "มท 0816.4/ว 2263"
    assert "doc_no_from_enclosure" in {w.code for w in second.warnings}
    assert second.confidence["doc_no"] <= 0.6


def test_copy_with_other_code_and_illegible_running_stays_null() -> None:
    copy = COPY.format(number="ที่ มท ๐๘๑๐.๒/ว NODE. กรมส่งเสริมการปกครองท้องถิ่น", date="๒๐ พฤษภาคม ๒๕๖๘")
    _, second = parse_text(FORWARDER + "\f" + copy).letters
    assert second.doc_no is None


def test_number_and_listing_differing_only_in_an_unknown_prefix() -> None:
    # Seed 6: the copy reads อบ, the forwarding letter's listing อป (no such
    # prefix): both take the known one, warned. Here the entry's own issuer
    # (จังหวัดอุบลราชธานี) already settles it while the letter is read, so the
    # bundle check finds nothing left to settle; either way the entry is warned.
    forwarder = FORWARDER.replace("กรมส่งเสริมการปกครองท้องถิ่น ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓",
                                  "จังหวัดอุบลราชธานี ที่ อป ๐๐๒๓.๑/๔๒๐๖")
    copy = COPY.format(number="ที่ อบ ๐๐๒๓.๑/๔๒๐๖ ศาลากลางจังหวัดอุบลราชธานี", date="๒๐ พฤษภาคม ๒๕๖๘")
    first, second = parse_text(forwarder + "\f" + copy).letters
    assert second.doc_no == first.enclosures[0].doc_no == "อบ 0023.1/4206"
    assert {"doc_no_prefix_settled", "doc_no_corrected"} & {w.code for w in first.warnings}


def test_unknown_prefix_settled_by_the_copy_when_the_entry_names_no_province() -> None:
    # As above, but the entry's issuer is lost: only the copy can settle อป.
    forwarder = FORWARDER.replace("กรมส่งเสริมการปกครองท้องถิ่น ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓", "ที่ อป ๐๐๒๓.๑/๔๒๐๖")
    copy = COPY.format(number="ที่ อบ ๐๐๒๓.๑/๔๒๐๖ ศาลากลางจังหวัดอุบลราชธานี", date="๒๐ พฤษภาคม ๒๕๖๘")
    first, second = parse_text(forwarder + "\f" + copy).letters
    assert second.doc_no == first.enclosures[0].doc_no == "อบ 0023.1/4206"
    assert "doc_no_prefix_settled" in {w.code for w in first.warnings}


# District (5 Jun) -> province copy -> department copy (20 May). The province
# copy's own date and the district's listing of it disagree: the reading that
# lies between the department's letter and the district's is kept.
PROVINCE = FORWARDER.replace("ที่ ชย ๐๐๒๓.๖/๑๒๓", "ที่ ชย ๐๐๒๓.๖/ว ๔๔๔").replace("๕ มิถุนายน ๒๕๖๘", "{date}")
CHAIN = [
    # the listing lost a digit of the day (๑ for ๒๕): before the department's letter
    ("listing-before-what-it-forwards", "๒๕ พฤษภาคม ๒๕๖๘", "๑ พฤษภาคม ๒๕๖๘", dt.date(2025, 5, 25)),
    # the copy's own day misread: after the district's letter; the listing fits
    ("own-after-forwarder", "๒๘ มิถุนายน ๒๕๖๘", "๒๕ พฤษภาคม ๒๕๖๘", dt.date(2025, 5, 25)),
    # both fit between 20 May and 5 Jun: a conflict, null
    ("both-fit", "๒๖ พฤษภาคม ๒๕๖๘", "๒๕ พฤษภาคม ๒๕๖๘", None),
]


@pytest.mark.parametrize(("own", "listed", "want"), [c[1:] for c in CHAIN], ids=[c[0] for c in CHAIN])
def test_conflicting_dates_settled_by_the_chain(own: str, listed: str, want: dt.date | None) -> None:
    district = FORWARDER.replace("กรมส่งเสริมการปกครองท้องถิ่น ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓ ลงวันที่ ๒๐ พฤษภาคม ๒๕๖๘",
                                 f"จังหวัดชัยภูมิ ที่ ชย ๐๐๒๓.๖/ว ๔๔๔ ลงวันที่ {listed}")
    dept = COPY.format(number="ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓ กรมส่งเสริมการปกครองท้องถิ่น", date="๒๐ พฤษภาคม ๒๕๖๘")
    first, province, _ = parse_text("\f".join([district, PROVINCE.format(date=own), dept])).letters
    assert province.date == want
    if want is not None:
        assert first.enclosures[0].date == want
        assert "date_settled_by_chain" in {w.code for w in province.warnings}
        assert province.confidence["date"] <= 0.6
    else:
        assert "date_conflict" in {w.code for w in province.warnings}


def test_first_letter_year_repaired_against_the_receipt_stamp() -> None:
    # Seed 6: the district letter dated ๒๔๖๗, stamped received ๘ ก.ค. ๒๕๖๗.
    stamp = "เทศบาลตำบลหาดใหญ่\nเลขรับ ๑๗๖๘\nวันที่ ๘ ก.ค. ๒๕๖๗\nเวลา ๑๖.๐๕\n"
    text = stamp + FORWARDER.replace("๕ มิถุนายน ๒๕๖๘", "๓ กรกฎาคม ๒๔๖๗")
    (letter,) = parse_text(text).letters
    assert letter.receipt is not None and letter.receipt.date == dt.date(2024, 7, 8)
    assert letter.date == dt.date(2024, 7, 3)
    assert "year_repaired" in {w.code for w in letter.warnings}


def test_year_far_off_that_no_digit_puts_before_the_stamp_is_not_repaired() -> None:
    # ๑๔ กุมภาพันธ์ ๒๔๖๗ stamped ๕ ม.ค. ๒๕๖๗: 14 Feb 2567 is after the stamp,
    # 14 Feb 2566 is two digits away: no repair; 1924 is withdrawn with a warning.
    stamp = "เทศบาลตำบลหาดใหญ่\nเลขรับ ๑๗๖๘\nวันที่ ๕ ม.ค. ๒๕๖๗\nเวลา ๑๖.๐๕\n"
    text = stamp + FORWARDER.replace("๕ มิถุนายน ๒๕๖๘", "๑๔ กุมภาพันธ์ ๒๔๖๗")
    (letter,) = parse_text(text).letters
    assert letter.date is None
    codes = {w.code for w in letter.warnings}
    assert "year_repaired" not in codes and "year_implausible" in codes


def test_copy_keeps_its_year_when_the_forwarding_letters_year_is_the_misread_one() -> None:
    # Seed 6: the forwarding letter reads ๒๔๖๘; the copy (๒๕๖๘) and the
    # listing agree: the copy is not "repaired" towards the misread year.
    forwarder = FORWARDER.replace("๕ มิถุนายน ๒๕๖๘", "๕ มิถุนายน ๒๔๖๘")
    copy = COPY.format(number="ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓ กรมส่งเสริมการปกครองท้องถิ่น", date="๒๐ พฤษภาคม ๒๕๖๘")
    _, second = parse_text(forwarder + "\f" + copy).letters
    assert second.date == dt.date(2025, 5, 20)
    assert "year_repaired" not in {w.code for w in second.warnings}


YEAR_LOST = [
    # Seed 6: no stamp, the letter's own ด่วนภายใน ๒ ธ.ค. ๒๕๖๗ three days on.
    ("before-its-urgent-deadline", "ด่วนที่สุด\nด่วนภายใน ๒ ธ.ค. ๒๕๖๗ เวลา ๑๐.๐๐\n", "๒๙ พฤศจิกายน ๒๕๒",
     dt.date(2024, 11, 29)),
    # Stamped received ๓ ม.ค. ๒๕๖๘: 29 Nov of the year before.
    ("before-the-receipt-stamp", "เทศบาลตำบลหาดใหญ่\nเลขรับ ๑๗๖๘\nวันที่ ๓ ม.ค. ๒๕๖๘\nเวลา ๑๖.๐๕\n",
     "๒๙ พฤศจิกายน ๒๕๒", dt.date(2024, 11, 29)),
    # Nothing dated to lean on: stays null.
    ("nothing-to-lean-on", "", "๒๙ พฤศจิกายน ๒๕๒", None),
    # Stamped four months later: no reading within 60 days before it.
    ("stamp-too-late", "เทศบาลตำบลหาดใหญ่\nเลขรับ ๑๗๖๘\nวันที่ ๓ เม.ย. ๒๕๖๘\nเวลา ๑๖.๐๕\n",
     "๒๙ พฤศจิกายน ๒๕๒", None),
]


@pytest.mark.parametrize(("above", "date", "want"), [c[1:] for c in YEAR_LOST], ids=[c[0] for c in YEAR_LOST])
def test_year_lost_inferred_from_a_nearby_date(above: str, date: str, want: dt.date | None) -> None:
    (letter,) = parse_text(above + FORWARDER.replace("๕ มิถุนายน ๒๕๖๘", date)).letters
    assert letter.date == want
    if want is not None:
        assert "year_inferred" in {w.code for w in letter.warnings}
        assert letter.confidence["date"] <= 0.5


# The forwarding letter's entry and the enclosed copy's letterhead, each
# damaged in its own way (tuning-corpus OCR lines): the entry takes the copy's
# number when it lists that copy, and only then.
LISTED = [
    # The code in the entry is debris; ว, running number and date agree exactly.
    ("code-garbled-rest-agrees", "ที่มท ode. ๔/ว ๒๒๖๓ ลงวันที่ ๒๐ พฤษภาคม ๒๕๖๘",
     "ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓ กรมส่งเสริมการปกครองท้องถิ่น", "มท 0816.4/ว 2263"),
    ("code-garbled-date-differs", "ที่มท ode. ๔/ว ๒๒๖๓ ลงวันที่ ๒๑ พฤษภาคม ๒๕๖๘",
     "ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓ กรมส่งเสริมการปกครองท้องถิ่น", None),
    ("code-garbled-running-differs", "ที่มท ode. ๔/ว ๒๒๖๔ ลงวันที่ ๒๐ พฤษภาคม ๒๕๖๘",
     "ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓ กรมส่งเสริมการปกครองท้องถิ่น", None),
    # The entry lost /ว, the copy's own line has a colon for the dot: every
    # digit agrees, the copy gives ว.
    ("slash-lost-and-colon", "nun ๐๘๑๖.๔. ๒๒๖๓ ลงวันที่ ๒๐ พฤษภาคม ๒๕๖๘",
     "ที่ มท ๐๘๑๖:๔/ว ๒๒๖๓ กรมส่งเสริมการปกครองท้องถิ่น", "มท 0816.4/ว 2263"),
    # The entry's issuer misread (ภาร for การ): the number still pairs them.
    ("issuer-misread", "ที่ มท ๐๘๑๖.๔.๒๒๖๓ ลงวันที่ ๒๐ พฤษภาคม๒๕๖๘",
     "ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓ กรมส่งเสริมการปกครองท้องถิ่น", "มท 0816.4/ว 2263"),
]


@pytest.mark.parametrize(("listed", "own", "want"), [c[1:] for c in LISTED], ids=[c[0] for c in LISTED])
def test_enclosure_number_from_the_copy_it_lists(listed: str, own: str, want: str | None) -> None:
    forwarder = FORWARDER.replace("สำเนาหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓ ลงวันที่ "
                                  "๒๐ พฤษภาคม ๒๕๖๘", "สำเนาหนังสื่อกรมส่งเสริมภารปกครองท้องถิ่น " + listed)
    copy = COPY.format(number=own, date="๒๐ พฤษภาคม ๒๕๖๘")
    first, second = parse_text(forwarder + "\f" + copy).letters
    assert first.enclosures[0].doc_no == want
    if want is not None:
        assert "doc_no_from_copy" in {w.code for w in first.warnings}
        assert second.doc_no == want


def test_enclosure_date_glued_to_its_year_filled_from_copy() -> None:
    # "พฤศจิกายน์๒๕๖": month glued to a truncated year; day and month still
    # agree with the copy's date, so the entry takes it.
    forwarder = FORWARDER.replace("ลงวันที่ ๒๐ พฤษภาคม ๒๕๖๘", "ลงวันที่ ๒๐ พฤษภาคม์๒๕๖")
    copy = COPY.format(number="ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓ กรมส่งเสริมการปกครองท้องถิ่น", date="๒๐ พฤษภาคม ๒๕๖๘")
    first, _ = parse_text(forwarder + "\f" + copy).letters
    assert first.enclosures[0].date == dt.date(2025, 5, 20)
    assert "date_from_copy" in {w.code for w in first.warnings}


def test_entry_code_read_against_the_copys_code() -> None:
    # The entry's code has a letter glued before its slash ("ญ", which alone
    # could be a lost digit of the section); the copy's own letterhead shows
    # the code (its running number misread): the entry is read with that code
    # and its own running number, and the copy, now contradicted, loses its
    # number (both readings named).
    forwarder = FORWARDER.replace("ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓", "ที่ มท ๐๘๑๖.๔ญ/ว ๒๒๖๓")
    copy = COPY.format(number="ที่ มท ๐๘๑๖.๔/ว ๙๖๙๖ กรมส่งเสริมการปกครองท้องถิ่น", date="๒๐ พฤษภาคม ๒๕๖๘")
    first, second = parse_text(forwarder + "\f" + copy).letters
    assert first.enclosures[0].doc_no == "มท 0816.4/ว 2263"
    assert "doc_no_from_context" in {w.code for w in first.warnings}
    assert second.doc_no is None
    assert "doc_no_conflict" in {w.code for w in second.warnings}


# Two prints of one number that differ by lost glyphs: the fuller one is read
# for both (OCR drops merged or faint glyphs; it rarely adds one that fits).
# Any other difference withdraws the copy's number, both readings named.
LOST = [
    ("copy-lost-a-digit", "ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓", "ที่ มท ๐๘๑๖.๔/ว ๒๖๓", "มท 0816.4/ว 2263", "doc_no_from_forwarder"),
    ("listing-lost-a-digit", "ที่ มท ๐๘๑๖.๔/ว ๒๖๓", "ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓", "มท 0816.4/ว 2263", "doc_no_from_copy"),
    ("copy-lost-the-section", "ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓", "ที่ มท ๐๘๑๖/ว ๒๒๖๓", "มท 0816.4/ว 2263",
     "doc_no_from_forwarder"),
    ("a-digit-differs", "ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓", "ที่ มท ๐๘๑๖.๔/ว ๗๒๖๓", None, "doc_no_conflict"),
]


@pytest.mark.parametrize(("listed", "own", "want", "code"), [c[1:] for c in LOST], ids=[c[0] for c in LOST])
def test_copy_and_listing_differ_by_lost_glyphs(listed: str, own: str, want: str | None, code: str) -> None:
    first, second = _forwarded_copy(listed, own)
    assert second.doc_no == want
    if want is not None:
        assert first.enclosures[0].doc_no == want
    assert code in {w.code for w in first.warnings + second.warnings}


def _forwarded_copy(listed: str, own: str):
    """The forwarding letter listing its copy as ``listed``, and the copy printing ``own``, parsed."""
    forwarder = FORWARDER.replace("ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓", listed)
    copy = COPY.format(number=f"{own} กรมส่งเสริมการปกครองท้องถิ่น", date="๒๐ พฤษภาคม ๒๕๖๘")
    return parse_text(forwarder + "\f" + copy).letters


# Two prints of one number whose running numbers differ, one of them all in
# the five Thai digits the stock Tesseract model can output (๐๑๒๓๕): that is
# what the stock model makes of any number our digit reader left to it, so the
# other print is read for both, warned (seeds 3, 5, 6). Both or neither so, a
# short one, or one in Arabic digits (the stock model is not limited there):
# the conflict stands.
STOCK = [
    # seed 5: the copy ๓๓๕๓ (for ๓๓๕๙), the listing ๓๓๕๙
    ("copy-in-stock-digits", "ที่ มท ๐๘๑๖.๔/ว ๓๓๕๙", "ที่ มท ๐๘๑๖.๔/ว ๓๓๕๓/", "มท 0816.4/ว 3359"),
    # seed 3: the copy ๑๕๕ (for 1447), the listing in Arabic digits
    ("copy-stock-listing-arabic", "ที่ มท 0816.4/ว 1447", "ที่ มท ๐๘๑๖.๔/ว ๑๕๕", "มท 0816.4/ว 1447"),
    # seed 5: the listing ๑๒๕๕ (for ๑๖๔๘) glued to its ลงวันที่
    ("listing-in-stock-digits", "ที่ มท ๐๘๑๖.๔/ว ๑๒๕๕“", "ที่ มท ๐๘๑๖.๔/ว ๑๖๔๘", "มท 0816.4/ว 1648"),
    # seed 11: ๗๒๗๔ and ๑๒๗๔, both read by our digit reader
    ("neither-stock", "ที่ มท ๐๘๑๖.๔/ว ๗๒๗๔", "ที่ มท ๐๘๑๖.๔/ว ๑๒๗๔", None),
    ("both-stock", "ที่ มท ๐๘๑๖.๔/ว ๑๒๕๕", "ที่ มท ๐๘๑๖.๔/ว ๑๓๕๕", None),
    ("stock-but-short", "ที่ มท ๐๘๑๖.๔/ว ๖๔", "ที่ มท ๐๘๑๖.๔/ว ๕๑", None),
    ("arabic-is-not-stock", "ที่ มท 0816.4/ว 1255", "ที่ มท ๐๘๑๖.๔/ว ๑๖๔๘", None),
]


@pytest.mark.parametrize(("listed", "own", "want"), [c[1:] for c in STOCK], ids=[c[0] for c in STOCK])
def test_copy_and_listing_settled_by_stock_digits(listed: str, own: str, want: str | None) -> None:
    first, second = _forwarded_copy(listed, own)
    assert second.doc_no == want
    if want is None:
        assert "doc_no_conflict" in {w.code for w in second.warnings}
        return
    assert first.enclosures[0].doc_no == want
    assert "doc_no_settled_by_digits" in {w.code for w in first.warnings}
    assert "doc_no_settled_by_digits" in {w.code for w in second.warnings}
    assert second.confidence["doc_no"] <= 0.6


# Two prints whose running numbers (or codes alone) differ, one running into
# debris OCR made of the glyphs around it (seed 14: ว' ๑๕๑๖“ออุ; seed 6: ว 96 96d;
# seed 15: ๐๘๐๘.๗.ฒว), the other standing clean: the clean one is read for both, warned.
# Both clean, or both ragged: the conflict stands.
CLEAN = [
    ("copy-glued-to-debris", "ที่ มท ๐๘๑๙.๒/ว ๑๕๖๖", "ที่ มท ๐๘๑๙.๒/ว' ๑๕๑๖“ออุ", "มท 0819.2/ว 1566"),
    ("copy-split-and-glued", "ที่ มท ๐๘๑๐.๗/ว ๑๙๑๗", "ที่ มท ๐๘๑๐.๗/ว 96 96d", "มท 0810.7/ว 1917"),
    ("listing-glued-to-debris", "ที่ มท ๐๘๑๙.๒/ว ๑๕๑๖“ออุ", "ที่ มท ๐๘๑๙.๒/ว ๑๕๖๖", "มท 0819.2/ว 1566"),
    ("both-clean", "ที่ มท ๐๘๑๙.๒/ว ๑๕๖๖", "ที่ มท ๐๘๑๙.๒/ว ๑๕๑๖", None),
    ("both-ragged", "ที่ มท ๐๘๑๙.๒/ว ๑๕๖๖“", "ที่ มท ๐๘๑๙.๒/ว' ๑๕๑๖“ออุ", None),
    # seed 15: the codes differ, the listing's read through a lost slash and a speck (ฒ)
    ("code-ragged-in-listing", "ที่ มท ๐๘๐๘.๗.ฒว ๑๐๖๖", "ที่ มท ๐๘๐๘.๓/ว ๑๐๖๖", "มท 0808.3/ว 1066"),
    ("both-codes-clean", "ที่ มท ๐๘๐๘.๗/ว ๑๐๖๖", "ที่ มท ๐๘๐๘.๓/ว ๑๐๖๖", None),
]


@pytest.mark.parametrize(("listed", "own", "want"), [c[1:] for c in CLEAN], ids=[c[0] for c in CLEAN])
def test_copy_and_listing_settled_by_clean_print(listed: str, own: str, want: str | None) -> None:
    first, second = _forwarded_copy(listed, own)
    assert second.doc_no == want
    if want is None:
        assert "doc_no_conflict" in {w.code for w in second.warnings}
        return
    assert first.enclosures[0].doc_no == want
    assert "doc_no_settled_by_clean_print" in {w.code for w in first.warnings + second.warnings}
    assert second.confidence["doc_no"] <= 0.6


# The copy's running number with a digit or two read as a digit and a stroke
# (seed 11: สร ๐๐๒๓.๕/ ๖๓/๓/๑ for ๖๙๙๑; seed 7: ๔๙/๔๕ for ๔๗๔๕): unread, but
# every other glyph agrees with the listing, which is taken, warned. A glyph
# that contradicts it, or another code, keeps null.
SPLIT = [
    ("two-glyphs-split", "ที่ มท ๐๘๑๖.๔/๖๙๙๑", "ที่ มท ๐๘๑๖.๔/ ๖๓/๓/๑", "มท 0816.4/6991"),
    ("two-glyphs-split-circular", "ที่ มท ๐๘๑๖.๔/ว ๖๙๙๑", "ที่ มท ๐๘๑๖.๔/ว ๖๓/๓/๑", "มท 0816.4/ว 6991"),
    # one glyph split is one digit misread: shows_number already takes it
    ("one-glyph-split", "ที่ มท ๐๘๑๖.๔/๔๗๔๕", "ที่ มท ๐๘๑๖.๔/๔๙/๔๕", "มท 0816.4/4745"),
    ("another-digit-too", "ที่ มท ๐๘๑๖.๔/๔๗๔๕", "ที่ มท ๐๘๑๖.๔/๔๙/๔๖", None),
    ("another-code", "ที่ มท ๐๘๑๖.๔/๖๙๙๑", "ที่ มท ๐๘๑๐.๔/ ๖๓/๓/๑", None),
]


@pytest.mark.parametrize(("listed", "own", "want"), [c[1:] for c in SPLIT], ids=[c[0] for c in SPLIT])
def test_copy_with_split_glyphs_filled_from_listing(listed: str, own: str, want: str | None) -> None:
    _, second = _forwarded_copy(listed, own)
    assert second.doc_no == want
    if want is not None:
        assert "doc_no_from_enclosure" in {w.code for w in second.warnings}
        assert second.confidence["doc_no"] <= 0.7


# The forwarding letter's line read by the stock model alone (seed 9: its five
# digits only, ๘ and ๙ printed as ๕), the copy's letterhead read whole: the
# entry takes the copy's number only when the two dates agree.
STOCK_LISTED = [
    ("stock-digits-same-date", "HAM ๐๕๑๕๒/ว-.๑๓๑๕", "๒๐ พฤษภาคม ๒๕๖๘", "มท 0819.2/ว 1318"),
    ("stock-digits-other-date", "HAM ๐๕๑๕๒/ว-.๑๓๑๕", "๒๑ พฤษภาคม ๒๕๖๘", None),
    # ๒ where the copy prints ๑: the stock model prints ๑, so this is another number.
    ("printable-digit-differs", "HAM ๐๕๑๕๒/ว-.๒๓๑๕", "๒๐ พฤษภาคม ๒๕๖๘", None),
]


@pytest.mark.parametrize(("listed", "listed_date", "want"), [c[1:] for c in STOCK_LISTED],
                         ids=[c[0] for c in STOCK_LISTED])
def test_enclosure_read_by_stock_model_filled_from_copy(listed: str, listed_date: str, want: str | None) -> None:
    forwarder = FORWARDER.replace("ที่ มท ๐๘๑๖.๔/ว ๒๒๖๓ ลงวันที่ ๒๐ พฤษภาคม ๒๕๖๘", f"{listed} ลงวันที่ {listed_date}")
    copy = COPY.format(number="ที่ มท ๐๘๑๙.๒/ว ๑๓๑๘ กรมส่งเสริมการปกครองท้องถิ่น", date="๒๐ พฤษภาคม ๒๕๖๘")
    first, second = parse_text(forwarder + "\f" + copy).letters
    assert second.doc_no == "มท 0819.2/ว 1318"
    (enc,) = first.enclosures
    assert enc.doc_no == want
    assert ("doc_no_from_copy" in {w.code for w in first.warnings}) is (want is not None)



# Two prints that differ in their prefix alone (seed 47: the listing's ลป read สป,
# itself a province's prefix): the one the copy's office and the listing name
# (จังหวัดลำปาง) is read for both, warned; a province named by neither keeps the conflict.
PROVINCE_FORWARDER = """ที่ ลป ๐๐๒๓.๑๔/ว ๑๒๓ ที่ว่าการอำเภองาว
ถนนพหลโยธิน ลป ๕๒๑๑๐
๑๒ ตุลาคม ๒๕๖๖
เรื่อง การประชุม
เรียน นายกเทศมนตรี และนายกองค์การบริหารส่วนตำบล ทุกแห่ง
สิ่งที่ส่งมาด้วย สำเนาหนังสือจังหวัด{named} ที่ {listed} ลงวันที่ ๙ ต.ค. ๒๕๖๖
ด้วยจังหวัดแจ้งว่า จะจัดประชุม
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
นายอำเภองาว"""
PROVINCE_COPY = """ที่ {own} ศาลากลางจังหวัด{named}
ถนนบุญวาทย์ ลป ๕๒๐๐๐
๙ ตุลาคม ๒๕๖๖
เรื่อง การประชุม
เรียน นายอำเภอ ทุกอำเภอ
ด้วยจังหวัดจะจัดประชุม
ขอแสดงความนับถือ
(นายสมศักดิ์ ดีมาก)
ผู้ว่าราชการจังหวัด{named}"""


@pytest.mark.parametrize(("named", "listed", "own", "want", "code"), [
    ("ลำปาง", "สป ๐๐๒๓.๒/ว ๔๓๖๒", "ลป ๐๐๒๓.๒/ว ๔๓๖๒", "ลป 0023.2/ว 4362", "doc_no_settled_by_province"),
    # the copy's own misread prefix is mended first by its letterhead's address (ลป ๕๒๐๐๐)
    ("ลำปาง", "ลป ๐๐๒๓.๒/ว ๔๓๖๒", "สป ๐๐๒๓.๒/ว ๔๓๖๒", "ลป 0023.2/ว 4362", "doc_no_corrected"),
    ("ชัยภูมิ", "สป ๐๐๒๓.๒/ว ๔๓๖๒", "ลป ๐๐๒๓.๒/ว ๔๓๖๒", None, "doc_no_conflict"),
], ids=["listing-prefix-misread", "copy-prefix-misread", "neither-named"])
def test_prefix_conflict_settled_by_the_province_named(named: str, listed: str, own: str, want: str | None,
                                                       code: str) -> None:
    first, second = parse_text(PROVINCE_FORWARDER.format(named=named, listed=listed) + "\f"
                               + PROVINCE_COPY.format(named=named, own=own)).letters
    assert second.doc_no == want
    assert code in {w.code for w in first.warnings + second.warnings}
    if want is not None:
        assert first.enclosures[0].doc_no == want


# Seed 48: the department's copy read its มท as มห (a province's prefix), the
# province's listing read มท; a department code (0810.4) takes มท, so the listing wins.
DEPARTMENT_FORWARDER = """ที่ รอ ๐๐๒๓.๔/๓๙๗๘ ศาลากลางจังหวัดร้อยเอ็ด
ถนนสุริยเดชบำรุง รอ ๔๕๐๐๐
๙ มิถุนายน ๒๕๖๘
เรื่อง การป้องกันไฟป่า
เรียน นายอำเภอ ทุกอำเภอ
สิ่งที่ส่งมาด้วย สำเนาหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ {listed} ลงวันที่ ๒๗ พฤษภาคม ๒๕๖๘
ด้วยกรมแจ้งว่า ให้เฝ้าระวัง
ขอแสดงความนับถือ
(นายมานะ บัวงาม)
ผู้ว่าราชการจังหวัดร้อยเอ็ด"""
DEPARTMENT_COPY = """ที่ {own} กรมส่งเสริมการปกครองท้องถิ่น
ถนนนครราชสีมา เขตดุสิต กทม. ๑๐๓๐๐
๒๗ พฤษภาคม ๒๕๖๘
เรื่อง การป้องกันไฟป่า
เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด
ด้วยกรมได้รับแจ้ง
ขอแสดงความนับถือ
(นายชัยวัฒน์ สิงห์ทอง)
รองอธิบดี ปฏิบัติราชการแทน อธิบดีกรมส่งเสริมการปกครองท้องถิ่น"""


@pytest.mark.parametrize(("listed", "own", "want", "code"), [
    ("มท ๐๘๑๐.๔/ว ๒๖๓๘", "มห ๐๘๑๐.๔/ว ๒๖๓๘", "มท 0810.4/ว 2638", "doc_no_settled_by_department_code"),
    ("มห ๐๘๑๐.๔/ว ๒๖๓๘", "มท ๐๘๑๐.๔/ว ๒๖๓๘", "มท 0810.4/ว 2638", "doc_no_settled_by_department_code"),
    # a province's own code (0023.4) says nothing of มท: the conflict stays
    ("มท ๐๐๒๓.๔/ว ๒๖๓๘", "มห ๐๐๒๓.๔/ว ๒๖๓๘", None, "doc_no_conflict"),
], ids=["copy-prefix-misread", "listing-prefix-misread", "province-code"])
def test_prefix_conflict_settled_by_the_department_code(listed: str, own: str, want: str | None, code: str) -> None:
    first, second = parse_text(DEPARTMENT_FORWARDER.format(listed=listed) + "\f"
                               + DEPARTMENT_COPY.format(own=own)).letters
    assert second.doc_no == want
    assert code in {w.code for w in first.warnings + second.warnings}
    if want is not None:
        assert first.enclosures[0].doc_no == want
