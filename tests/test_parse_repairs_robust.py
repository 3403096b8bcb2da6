"""The OCR-repair helpers never raise, whatever text they get (hypothesis)."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from docintake.parse.crosscheck import merge_readings, shows_date, shows_number
from docintake.parse.spoiltdates import yearless_deadlines
from docintake.parse.docno import read_doc_no_loose
from docintake.parse.prefix import known_prefix_for, recover_prefix

PIECES = ["ที่ ", "NUN ", "มท ", "ปร", "๐๘๑๐๗", "๐", "๙", ".", "/", "ว ", " ", "\n", "ภายใน", "วันที่", "๐๐ ",
          "ก.ย.", "ส(ค.", "มพิ.ย.", "จังหวัดขอนแก่น", "ขก ๔๐๐๖๐", "0023.1", "ฒ", "@", "9999999999"]
noisy = st.lists(st.sampled_from(PIECES), max_size=24).map("".join) | st.text(max_size=120)
dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


@settings(max_examples=150, deadline=None)
@given(noisy, noisy, dates)
def test_repairs_never_raise(a: str, b: str, date: dt.date) -> None:
    loose = read_doc_no_loose(a)
    if loose is not None:
        recover_prefix(loose, a, b)
    known_prefix_for(a, b)
    shows_number(a, b)
    shows_date(a, date)
    merge_readings("มท", a[:8], True, b[:5] or None, a + b)
    yearless_deadlines(a + b, date, [])
