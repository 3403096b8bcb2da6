"""A copy's number and date filled from its forwarding letter's enclosure
line, when the copy's own letterhead could not be read but agrees with it.

The forwarding letter lists the copy (``สำเนาหนังสือกรม... ที่ มท ๐๘๑๐.๔/ว
๑๔๐๔ ลงวันที่ ...``): two independent prints of one fact. Where the copy's
own reading failed, the listed value is taken only when the copy's letterhead
still shows it: the same digits in order (one digit may differ or be lost,
as this OCR reads ๔ as ๗), or for a date, two of day, month and year and nothing
that contradicts them. Every fill is
warned and less confident; a letterhead that shows something else keeps null.
"""

from __future__ import annotations

import datetime as dt
import re

from rapidfuzz.distance import Levenshtein

from docintake.parse.datecontext import date_readings
from docintake.parse.docno import read_doc_no
from docintake.parse.entrynumber import tidy_number
from docintake.parse.thaidate import find_dates, month_number
from docintake.text import lexicon
from docintake.text.normalize import arabic_to_thai_digits, thai_to_arabic_digits

FILLED_CONFIDENCE = 0.7
_DIGITS = re.compile(r"[0-9]+")


def _digits(s: str) -> str:
    return "".join(_DIGITS.findall(thai_to_arabic_digits(s)))


def skeleton(s: str) -> str:
    """``s`` without marks above/below the line, spaces and dots: what OCR keeps.

    >>> skeleton("กรมส่งเสริมการปกครองท้องถิ่น") == skeleton("กรมส่งเสริมการปกครองท้องถิน")
    True
    """
    return re.sub("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\\s.]", "", s)


def shows_number(line: str, doc_no: str) -> bool:
    """Whether ``line`` shows ``doc_no``'s digits (code then running number)
    in order, at most one digit misread.

    >>> shows_number("NUN ๐๘๑๐๗/ว ๑๔๐๔ กรมส่งเสริมการปกครองท้องถิน", "มท 0810.4/ว 1404")
    True
    >>> shows_number("“NUN 0816.4 2263 กรมส่งเสริม", "มท 0816.4/ว 2263")
    True
    >>> shows_number("NUN 0816.4 2268 กรมส่งเสริม", "มท 0816.4/ว 1404")
    False
    >>> shows_number("ที่พช 023.6/ว 3678 ลงวันที 18 ธันวาคม 2566", "พช 0023.6/ว 3678")  # a digit lost
    True
    """
    want = _digits(doc_no)
    have = "".join(_DIGITS.findall(thai_to_arabic_digits(line)))
    for size in (len(want) - 1, len(want), len(want) + 1):
        for i in range(len(have) - size + 1):
            if Levenshtein.distance(have[i : i + size], want, score_cutoff=1) <= 1:
                return True
    return False


# A code of the shape senders use (0023.1, 0810.6) or an LAO's five digits and a slash.
_CODE_LIKE = re.compile(r"0[0-9]{3}\.|[0-9]{5}\s?/")


def number_line(head: str) -> str:
    r"""The letterhead line that holds the number: the first with a code-like
    run of digits, preferring one with a code's shape (a ด่วนภายใน line's
    year ๒๕๖๘ is four digits too).

    >>> number_line("ด่วนภายใน od W.A. ๒๕๖๘ ๑๕.๐\nN ศก ๐๐๒๓.๔๓๓๑๕ ศาลากลางจังหวัดศรีสะเกษ")[:2]
    'N '
    """
    lines = [ln for ln in head.split("\n") if "ลงวัน" not in ln]
    digits = [ln for ln in lines if re.search(r"[0-9]{4,}", thai_to_arabic_digits(ln))]
    shaped = [ln for ln in digits if _CODE_LIKE.search(thai_to_arabic_digits(ln))]
    return (shaped or digits or [""])[0]


def shows_code_unread_running(line: str, doc_no: str) -> bool:
    """Whether ``line`` prints ``doc_no``'s code exactly, then a slash and no
    digit before the next word: the running number is illegible (``อด
    ๐๐๒๓.๕/ NODE. ศาลากลาง``), not another number.

    >>> shows_code_unread_running("ที่ อด ๐๐๒๓.๕/ NODE. ศาลากลางจังหวัดอุดรธานี", "อด 0023.5/3017")
    True
    >>> shows_code_unread_running("ที่ อด ๐๐๒๓.๕/ ๓๐๑๙ ศาลากลางจังหวัดอุดรธานี", "อด 0023.5/3017")
    False
    >>> shows_code_unread_running("ที่ มท ๐๘๑๐.๖/ว ๑ ๗๓๓ กรมส่งเสริม", "มท 0810.6/ว 1835")  # ว then digits
    False
    >>> shows_code_unread_running("ที่ มท ๐๘๑๐.๖/ว NODE. กรมส่งเสริม", "มท 0810.6/ว 1835")
    True
    """
    code = doc_no.partition(" ")[2].split("/")[0]
    if not code:
        return False
    # the next word is not a circular's ว before its digits (``/ว ๑ ๗๓๓``: legible)
    pattern = rf"(?<![0-9.]){re.escape(code)}\s?/(?:\s?ว)?[^0-9ก-๎]*(?:(?!ว\W*[0-9])[ก-๎]|$)"
    return re.search(pattern, thai_to_arabic_digits(line)) is not None


def shows_split_glyphs(line: str, doc_no: str) -> bool:
    """Whether ``line`` prints ``doc_no``'s code exactly, then its running
    number with one or more digits each read as a digit and a stroke (``๗``
    as ``๙/``, ``๙`` as ``๓/``: the glyph's tail split off as a slash) and
    every other digit as listed: the letterhead shows the listed number with
    glyphs it could not read, and nothing else.

    >>> shows_split_glyphs("ที่ สร ๐๐๒๓.๕/ ๖๓/๓/๑ ศาลากลางจังหวัดสุรินทร์", "สร 0023.5/6991")
    True
    >>> shows_split_glyphs("ที่ นม ๐๐๒๓.๕/๔๙/๔๕ ศาลากลาง", "นม 0023.5/4745")
    True
    >>> shows_split_glyphs("ที่ นม ๐๐๒๓.๕/๔๙/๔๖ ศาลากลาง", "นม 0023.5/4745")  # the last digit differs
    False
    """
    code, _, running = doc_no.partition(" ")[2].partition("/")
    run = running.removeprefix("ว ")
    if not (code and run):
        return False
    glyphs = "".join(f"(?:{d}|[0-9]/)" for d in run)
    wo = r"ว\s?" if running.startswith("ว ") else ""
    pattern = rf"(?<![0-9.]){re.escape(code)}\s?/\s?{wo}(?P<run>{glyphs})(?![0-9])"
    m = re.search(pattern, thai_to_arabic_digits(line))
    return m is not None and "/" in m["run"]


def clean_print(line: str, doc_no: str) -> bool:
    """Whether ``line`` prints ``doc_no``'s running number whole and clean:
    right after its slash (and ว), before a space, the line's end or a Thai
    word (an entry's lines are joined without a space: ``๖๕๕๘ลงวันที่``), with
    no speck, split or glued glyph about it.

    >>> clean_print("มท ๐๘๑๙.๒/ว ๑๕๖๖ ลงวันที่ ๑๕ ตุลาคม ๒๕๖๗", "มท 0819.2/ว 1566")
    True
    >>> clean_print("ที่ มท ๐๘๑๙.๒/ว' ๑๕๑๖“ออุ", "มท 0819.2/ว 1516")
    False
    >>> clean_print("ที่ มท ๐๘๑๐.๗/ว 96 96d", "มท 0810.7/ว 9696")
    False
    >>> clean_print("สำเนาหนังสือจังหวัดชัยภูมิ ที่ ชย ๐๐๒๓.๖/๖๕๕๘ลงวันที่ ๒๗", "ชย 0023.6/6558")
    True
    """
    running = doc_no.rpartition("/")[2]
    run = running.removeprefix("ว ")
    wo = r"ว\s" if running.startswith("ว ") else ""
    pattern = rf"/\s?{wo}{re.escape(run)}(?:\s|$|(?=[ก-ฮ]))"
    return re.search(pattern, thai_to_arabic_digits(line)) is not None


def clean_code(line: str, doc_no: str) -> bool:
    """Whether ``line`` prints ``doc_no``'s code whole and clean: not after a
    digit or dot, and right before its slash.

    >>> clean_code("ที่ มท ๐๘๐๘.๓/ว ๑๐๖๖ กรมส่งเสริม", "มท 0808.3/ว 1066")
    True
    >>> clean_code("ที่ มท ๐๘๐๘.๗.ฒว ๑๐๖๖ ลงวันที่ ๒๖ มกราคม", "มท 0808.7/ว 1066")
    False
    """
    code = doc_no.partition(" ")[2].partition("/")[0]
    return bool(code) and re.search(rf"(?<![0-9.]){re.escape(code)}\s?/", thai_to_arabic_digits(line)) is not None


def clean_print_pick(own: str, own_line: str, listed: str, listed_text: str) -> str | None:
    """Of two prints of one number that differ in the running number alone or
    in the code alone, the one whose differing part stands clean (``clean_print``,
    ``clean_code``) when the other does not: OCR damage comes in clusters, so a
    number that runs into debris (``๑๕๑๖“ออุ``, ``96 96d``) or a code read
    through one (``๐๘๐๘.๗.ฒว``: a slash lost, a speck read as ฒ) was read
    through it, digits and all. None when both or neither are clean, or the
    numbers differ in more than one part.

    >>> clean_print_pick("มท 0819.2/ว 1516", "ที่ มท ๐๘๑๙.๒/ว' ๑๕๑๖“ออุ",
    ...                  "มท 0819.2/ว 1566", "ที่ มท ๐๘๑๙.๒/ว ๑๕๖๖ ลงวันที่ ๑๕ ตุลาคม")
    'มท 0819.2/ว 1566'
    >>> clean_print_pick("มท 0808.3/ว 1066", "ที่ มท ๐๘๐๘.๓/ว ๑๐๖๖ กรมส่งเสริม",
    ...                  "มท 0808.7/ว 1066", "ที่ มท ๐๘๐๘.๗.ฒว ๑๐๖๖ ลงวันที่ ๒๖ มกราคม")
    'มท 0808.3/ว 1066'
    """
    (own_base, _, own_run), (base, _, run) = own.rpartition("/"), listed.rpartition("/")
    if own_run == run and own_base != base and own_base.split()[0] == base.split()[0]:
        clean = clean_code
    elif own_base == base and own_run != run and own_run.startswith("ว") == run.startswith("ว"):
        clean = clean_print
    else:
        return None
    own_clean, listed_clean = clean(own_line, own), clean(listed_text, listed)
    return None if own_clean == listed_clean else (own if own_clean else listed)


# Where OCR glued a number to a word (``พฤศจิกายน๒๕๖๗``): split for tokens.
_GLUED = re.compile(r"(?<=[\u0e01-\u0e4e])(?=[0-9๐-๙])|(?<=[0-9๐-๙])(?=[\u0e01-\u0e4e])")
# A document number on the line (an enclosure entry lists the copy's number
# before its date): its digits are no day.
_NUMBER = re.compile(r"[0-9๐-๙.]+\s?/\s?(?:ว\s?)?[0-9๐-๙]+")


def shows_date(head: str, date: dt.date) -> bool:
    """Whether the letterhead shows at least two of ``date``'s day, month, BE year.

    >>> shows_date("๑๘ SUMAN ๒๕๖๖", dt.date(2023, 12, 18))
    True
    >>> shows_date("มิถุนายน ๒๕๖๘", dt.date(2025, 6, 17))
    True
    >>> shows_date("๒๒ Ain. od", dt.date(2024, 3, 22))
    False
    >>> shows_date("๑๔๗๘ พฤษภาคม ๒๕๖๘", dt.date(2025, 5, 27))
    False
    >>> shows_date("ลงวันที่ ๒๕ พฤศจิกายน์๒๕๖", dt.date(2024, 11, 25))  # month and year glued
    True
    >>> shows_date("ลงวันที่ ๒๒ N.W. ๒๕๐", dt.date(2024, 2, 22))  # the month's shapes allow ก.พ.
    True
    >>> shows_date("ลงวันที่ ๒๒ N.W. ๒๕๖๖", dt.date(2024, 2, 22))  # another year
    False
    >>> shows_date("ที่มท ๐๘๑๐.๓/ว ๑๒๐๒ ลงวันที่ เวง กุมภาพันธ์ ๒๕๖๗", dt.date(2024, 2, 9))  # the number is no day
    True
    """
    be_year = str(date.year + lexicon.BE_OFFSET)
    for ln in head.split("\n"):
        if _damaged_month_fits(ln, date):
            # Only as evidence for: shapes that rule the month out are no
            # contradiction, as the shapes table is not complete (W is พ,
            # but seeds 6 and 14 printed ก.ย. as fw. and NW.).
            return True
        ln = _GLUED.sub(" ", _NUMBER.sub(" ", ln))
        tokens = thai_to_arabic_digits(ln).replace(".", ". ").split()
        numbers = [t for t in tokens if t.isdigit() and t != be_year]
        months = {m[0] for m in map(month_number, ln.split()) if m}
        if (numbers and str(date.day) not in numbers) or (months and date.month not in months):
            continue  # the line says another day or month ("๑๔๗๘ พฤษภาคม"): no fill
        if bool(numbers) + bool(months) + (be_year in tokens) >= 2:
            return True
    return False


def _damaged_month_fits(line: str, date: dt.date) -> bool:
    """Whether a line shows ``date``'s day before a month OCR damaged past
    one reading whose shapes allow ``date``'s month, and no other year
    (``๒๒ N.W. ๒๕๐`` for 22 Feb 2567: ก.พ., the year's end lost)."""
    return any(r.day == date.day and date.month in r.months and r.year in (None, date.year)
               and not any(h.date for h in find_dates(r.raw)) for r in date_readings(line))


# A code of the shape senders use, then the running number, on an enclosure
# line whose slash/ว OCR spoilt ("มท ๐๘๑๐.๔. ๒๖๙๘").
_LISTED = re.compile(r"(?P<code>0[0-9]{3}\.[0-9]{1,2})\s?[./]\s?(?:ว\s?)?(?P<run>[0-9]{1,5})(?![0-9])")


def merge_readings(prefix: str, code: str, circular: bool, running: str | None, listed: str) -> str | None:
    """One number from two damaged prints: the copy's own (prefix, ว and
    running number legible, code of an impossible shape such as ``08107``)
    and the enclosure line's (code of the right shape, ว spoilt). Taken only
    when the running numbers agree and the codes differ in one digit.

    >>> merge_readings("มท", "08107", True, "2698", "สำเนาหนังสือกรม ที่มท ๐๘๑๐.๔. ๒๖๙๘ ลงวันที")
    'มท 0810.4/ว 2698'
    >>> merge_readings("มท", "08107", True, "2698", "ที่มท ๐๘๑๐.๔. ๒๖๙๐ ลงวันที") is None
    True
    """
    if not (prefix and running and code):
        return None
    for m in _LISTED.finditer(thai_to_arabic_digits(listed)):
        theirs = m["code"].replace(".", "")
        if m["run"] == running and len(theirs) == len(code) and Levenshtein.distance(theirs, code) <= 1:
            return f"{prefix} {m['code']}/{'ว ' if circular else ''}{running}"
    return None


def copy_number(doc_no: str | None, head: str) -> str | None:
    """A copy's number: its own reading, else its number line read with the
    faults that have one reading fixed (``มท ๐๘๑๐:๘/ว ๒๓๒๘``: a colon for the dot)."""
    if doc_no is not None:
        return doc_no
    hit = read_doc_no(tidy_number(number_line(head)))
    return hit.canonical if hit is not None else None


_STOCK = lexicon.STOCK_OCR_DIGITS
_UNPRINTABLE = "".join(d for d in "๐๑๒๓๔๕๖๗๘๙" if d not in _STOCK)


def shows_stock_reading(text: str, doc_no: str) -> bool:
    """Whether ``text`` prints ``doc_no``'s digits (code, running number) as
    the stock model writes any number (DOMAIN.md): all in its five digits,
    each the same as ``doc_no``'s or standing where ``doc_no`` has a digit
    that model cannot output (``๐๕๑๕๒/ว ๑๓๑๕`` for 0819.2/ว 1318: ๘ and ๙
    printed as ๕). Evidence only beside another (the same date).

    >>> shows_stock_reading("HAM ๐๕๑๕๒/ว-.๑๓๑๕ ลงวันที่ ๓๐", "มท 0819.2/ว 1318")
    True
    >>> shows_stock_reading("HAM ๐๕๑๕๒/ว-.๑๓๑๕ ลงวันที่ ๓๐", "มท 0819.2/ว 1218")  # a printable digit differs
    False
    """
    want = arabic_to_thai_digits(_digits(doc_no))
    have = "".join(re.findall("[๐-๙]", text))
    if not want:
        return False
    for i in range(len(have) - len(want) + 1):
        window = have[i : i + len(want)]
        if set(window) <= set(_STOCK) and all(h == w or (w in _UNPRINTABLE) for h, w in zip(window, want)):
            return True
    return False


def lists_copy(text: str, date: dt.date | None, number: str, copy_date: dt.date | None) -> bool:
    """Whether an enclosure line (``text``, read as ``date``) lists the copy
    numbered ``number`` and dated ``copy_date``: the number's digits shown,
    one misread at most; or, the code too damaged for that (``มท ode. ๕/ว
    ๒๓๕๖``), the prefix, ว and running number exactly and the same date.

    >>> lists_copy("ที่มท ode. ๕/ว ๒๓๕๖ ลงวันที่", dt.date(2025, 11, 21), "มท 0816.4/ว 2356", dt.date(2025, 11, 21))
    True
    >>> lists_copy("ที่มท ode. ๕/ว ๒๓๕๖ ลงวันที่", dt.date(2025, 11, 20), "มท 0816.4/ว 2356", dt.date(2025, 11, 21))
    False
    """
    if shows_number(text, number):
        return True
    if date is not None and date == copy_date and shows_stock_reading(text, number):
        return True
    prefix, _, rest = number.partition(" ")
    running = rest.split("/")[-1]
    circular = running.startswith("ว ")
    m = re.search(r"/\s?(ว\s?)?([0-9]+)(?![0-9])", thai_to_arabic_digits(text))
    return (date is not None and date == copy_date and m is not None and prefix in text
            and bool(m.group(1)) == circular and m.group(2) == running.removeprefix("ว "))
