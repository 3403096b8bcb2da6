"""Normalise OCR text before parsing: pure string functions, no I/O.

Tesseract's Thai output has a few systematic faults that break exact matching
downstream: sara am split into nikhahit + sara aa, zero-width characters,
tone marks doubled or left floating with no consonant under them, a vowel
split from its syllable by a space (แล ะ), read twice (และ ะ) or standing
alone, and runs of spaces. ``clean_ocr_text`` repairs those and nothing else: it never changes a
consonant or a digit (Thai digits stay Thai; the parser converts where it needs).
"""

from __future__ import annotations

import re

from docintake.text import lexicon, line_cache

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"
# Digit conversion is one str.replace per digit, after a scan for any digit
# at all: str.translate maps non-ASCII text one character at a time through
# a dict (~10 µs a line, ~1.5 ms a bundle), twenty times slower than this.
_THAI_DIGIT = re.compile("[๐-๙]")
_ARABIC_DIGIT = re.compile("[0-9]")


def _replace_digits(s: str, present: re.Pattern[str], source: str, target: str) -> str:
    if present.search(s) is None:
        return s
    for old, new in zip(source, target):
        s = s.replace(old, new)
    return s


# Zero-width space/joiners, BOM, word joiner, soft hyphen: invisible, and they
# split keywords (``เรื่อง`` with a U+200B inside no longer matches).
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\ufeff\u2060\u00ad"
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")
# Horizontal whitespace of every kind becomes one ASCII space; \n and \f stay,
# because line and page breaks carry layout the splitter needs.
_HSPACE = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\v]+")
# Nikhahit (+ an optional tone mark typed between) + sara aa -> sara am, tone first.
_SARA_AM = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")
_DOUBLE_SARA_E = re.compile("\u0e40\u0e40")  # เเ typed/read for แ
# No Thai syllable begins with sara a, sara aa or sara am: a space before one
# that opens a word fragment is OCR's (แล ะควบคุม for และควบคุม), and the
# vowel right after the same vowel is the glyph read twice (และ ะแจ้ง); one
# standing alone between spaces is a speck (ภายในวันที่ ๒๓ า ต.ค. ะ ๖๖).
# Seeds 8-29's OCR had 53 such, their truth none.
_SPLIT_VOWEL = re.compile("(?<=[\u0e01-\u0e30\u0e31-\u0e3a\u0e47-\u0e4e]) ([\u0e30\u0e32\u0e33])(?=[\u0e01-\u0e4e])")
_SPACING_VOWELS = ("\u0e30", "\u0e32", "\u0e33")
_LOOSE_VOWEL = tuple(f"{before}{v}" for before in " \n" for v in _SPACING_VOWELS)
_LONE_VOWEL = re.compile("(?:^|(?<= ))[\u0e30\u0e32\u0e33](?: |$)", re.M)

_BASES = {chr(c) for c in range(0x0E01, 0x0E2F)}  # consonants ก..ฮ (with ฤ ฦ)
_VOWEL_MARKS = {"\u0e31", *(chr(c) for c in range(0x0E34, 0x0E3B))}  # ั ิ ี ึ ื ุ ู ฺ
_TONE_MARKS = {chr(c) for c in range(0x0E47, 0x0E4F)}  # ็ ่ ้ ๊ ๋ ์ ํ ๎
_MARKS = _VOWEL_MARKS | _TONE_MARKS


@line_cache(maxsize=16384)  # the parser converts the same lines many times over
def thai_to_arabic_digits(s: str) -> str:
    """Map Thai digits to Arabic ones, leaving everything else alone.

    >>> thai_to_arabic_digits("ชย ๐๐๒๓.๑๔/๑๗๐๙")
    'ชย 0023.14/1709'
    """
    return _replace_digits(s, _THAI_DIGIT, THAI_DIGITS, ARABIC_DIGITS)


# Both open with their literal (the digit before it checked in a lookbehind
# after it), so the regex engine jumps from hyphen to hyphen.
_DIGIT_HYPHEN = re.compile(r"-(?<=[0-9๐-๙]-)(?=[0-9๐-๙])")
# A code's dot read as a colon (``๐๐๒๓:๑๕``): a number's code never has one.
_DIGIT_COLON = re.compile(r":(?<=[0-9๐-๙]:)(?=[0-9๐-๙])")
# ... or as a comma (``มท ๐๘๑๐,๖/ว ๑๘๐๗``, seed 67): only in a code's shape, four
# digits, a section, a slash, as a comma between digits is a thousands mark.
_CODE_COMMA = re.compile(r",(?<=[0-9]{4},)(?=[0-9]{1,2}\s?/)")
# ... or as a hyphen (``มท ๐๘๑๐-๓/ว ๒๓๘๑``, seeds 80, 126, 128, 136): a state
# office's code (four digits from 0), a section, a slash.
_CODE_HYPHEN = re.compile(r"-(?<=(?<![0-9])0[0-9]{3}-)(?=[0-9]{1,2}\s?/)")
# A number's slash read twice (``มท ๐๘๑๐.๗//ว ๑๓๔๔``, seeds 47, 80, 138): no
# number has two, so after a code's digit the second is a speck (a space).
_SLASH_TWICE = re.compile(r"/(?<=[0-9]//)(?=\s?[ว)0-9])")


# A slash's look-alike (``lexicon.SLASH_LOOKALIKES``) right after a whole
# code (or a speck letter glued to it, the parser's to judge: ``๐๐๒๓.๑๓ร#ว``)
# and before the running number (or a circular's ว): the number's slash.
_SLASH_LOOKALIKE = re.compile(rf"(?<![0-9.])(?P<code>0[0-9]{{3}}\.[0-9]{{1,2}}|[1-9][0-9]{{4}})(?P<speck>[ก-ฮ]?)"
                              rf"[{re.escape(lexicon.SLASH_LOOKALIKES)}](?=\s?(?:ว\s?)?[0-9])")


@line_cache(maxsize=16384)  # as thai_to_arabic_digits
def number_digits(s: str) -> str:
    """Arabic digits, and the marks OCR put inside a number mended; same
    length, so positions still point into ``s``. A hyphen is read as the space
    OCR puts there more often (``0023.1-3`` -> ``0023.1 3``), or, after a state
    code's four digits, as the code's dot, as a colon or a comma there is; a
    slash read twice is read once.
    Only for numbers whose shape is known (document numbers, postcodes): a
    phone number's hyphens are real.

    >>> number_digits("ที่ wa 0023.1-3/279")
    'ที่ wa 0023.1 3/279'
    >>> number_digits("ที่ มท ๐๘๑๐-๓/ว ๒๓๘๑")  # the code's dot read as a hyphen
    'ที่ มท 0810.3/ว 2381'
    >>> number_digits("ที่ มท ๐๘๑๐.๗//ว ๑๓๔๔")  # the slash read twice
    'ที่ มท 0810.7/ ว 1344'
    >>> number_digits("- ๒ -")
    '- 2 -'
    >>> number_digits("พช ๐๐๒๓:๑๕/ว ๘๘๔")
    'พช 0023.15/ว 884'
    >>> number_digits("มท ๐๘๑๐,๖/ว ๑๘๐๗"), number_digits("จำนวน ๑,๐๐๐/คน")
    ('มท 0810.6/ว 1807', 'จำนวน 1,000/คน')
    >>> number_digits("ที่ ลย 76927| 886 สำนักงาน"), number_digits("ชม ๐๐๒๓.๑๓|ว ๒๔๐๘")
    ('ที่ ลย 76927/ 886 สำนักงาน', 'ชม 0023.13/ว 2408')
    >>> number_digits("อด ๐๐๒๓.๑๓ร#ว ๑๖๓๙")
    'อด 0023.13ร/ว 1639'
    """
    s = thai_to_arabic_digits(s)
    if "-" in s:
        s = _DIGIT_HYPHEN.sub(" ", _CODE_HYPHEN.sub(".", s))
    if ":" in s:
        s = _DIGIT_COLON.sub(".", s)
    if "," in s:
        s = _CODE_COMMA.sub(".", s)
    if "//" in s:
        s = _SLASH_TWICE.sub(" ", s)
    if any(c in s for c in lexicon.SLASH_LOOKALIKES):
        s = _SLASH_LOOKALIKE.sub(r"\g<code>\g<speck>/", s)
    return s


def digit_scripts(s: str) -> set[bool]:
    """Which digit scripts ``s`` uses: True for Thai digits, False for Arabic.
    A number is printed in one; a digit of the other beside it is a misread
    glyph or debris.

    >>> digit_scripts("๐๐๒๓.๑๔/1709") == {True, False}, digit_scripts("ที่ ๑๒"), digit_scripts("ข้อ")
    (True, {True}, set())
    """
    return {"๐" <= ch <= "๙" for ch in s if ch.isdigit()}


def arabic_to_thai_digits(s: str) -> str:
    """The inverse of :func:`thai_to_arabic_digits`.

    >>> arabic_to_thai_digits("2568")
    '๒๕๖๘'
    """
    return _replace_digits(s, _ARABIC_DIGIT, ARABIC_DIGITS, THAI_DIGITS)


_MARK_CLASS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
# A run of marks after a consonant (kept, at most one of each slot), and a run
# of marks after anything else (dropped). The regexes do the scanning in C;
# Python only looks at the rare runs of two or more marks.
_VOWEL_CLASS = "\u0e31\u0e34-\u0e3a"
_TONE_CLASS = "\u0e47-\u0e4e"
# Only runs that break the rule reach Python: three or more marks, or two of one
# slot. A vowel and a tone mark together (ที่) is the common, valid case.
# Both patterns open with the first mark and check what stands before it in a
# lookbehind after it: a pattern that opens with a character class lets the
# regex engine skip to the next mark, one that opens with a lookbehind tries
# it at every position (twice as slow on a page).
_MARK_RUN = re.compile(
    f"[{_MARK_CLASS}](?<=[\u0e01-\u0e2e][{_MARK_CLASS}])"  # a mark right after a consonant, then
    f"(?:[{_MARK_CLASS}]{{2,}}"  # two or more marks
    f"|(?<=[{_VOWEL_CLASS}])[{_VOWEL_CLASS}](?![{_MARK_CLASS}])"  # or two vowels
    f"|(?<=[{_TONE_CLASS}])[{_TONE_CLASS}](?![{_MARK_CLASS}]))"  # or two tone-class marks, and no more
)
_ORPHAN_MARKS = re.compile(f"[{_MARK_CLASS}](?<![\u0e01-\u0e2e{_MARK_CLASS}][{_MARK_CLASS}])[{_MARK_CLASS}]*")


def _first_of_each_slot(m: re.Match[str]) -> str:
    kept: list[str] = []
    taken: set[bool] = set()
    for ch in m.group():
        slot = ch in _VOWEL_MARKS
        if slot not in taken:
            taken.add(slot)
            kept.append(ch)
    return "".join(kept)


def _clean_marks(s: str) -> str:
    """Drop combining marks with no consonant under them, and repeats.

    A consonant cluster carries at most one vowel mark and one tone-class
    mark; a second one is OCR noise (the glyph read twice), and a mark after
    a space, a leading vowel or a Latin letter has nothing to sit on.

    >>> _clean_marks("ที่่") == "ที่"
    True
    >>> _clean_marks(" ่ก") == " ก"
    True
    """
    return _MARK_RUN.sub(_first_of_each_slot, _ORPHAN_MARKS.sub("", s))


def _one_pass(s: str) -> str:
    if any(ch in s for ch in _ZERO_WIDTH_CHARS):  # rare; ``in`` finds one far faster than a regex scan
        s = _ZERO_WIDTH.sub("", s)
    s = _SARA_AM.sub(lambda m: m.group(1) + "\u0e33", s)
    s = _DOUBLE_SARA_E.sub("\u0e41", s)
    s = _clean_marks(s)
    s = _SARA_AM.sub(lambda m: m.group(1) + "\u0e33", s)
    return "\f".join(_clean_lines(page) for page in s.split("\f"))


def _clean_lines(page: str) -> str:
    # _HSPACE never spans a line break, so one pass over the page does every line.
    page = _HSPACE.sub(" ", page)
    if page.startswith(_SPACING_VOWELS) or any(n in page for n in _LOOSE_VOWEL):  # rare: skip the regex scans
        page = _SPLIT_VOWEL.sub(_join_vowel, _LONE_VOWEL.sub("", page))
    return "\n".join(line.strip(" ") for line in page.split("\n"))


def _join_vowel(m: re.Match[str]) -> str:
    """A vowel split from its syllable: joined back, or dropped when it repeats the one before."""
    return "" if m.string[m.start() - 1] == m.group(1) else m.group(1)


def clean_ocr_text(s: str) -> str:
    """Repair the OCR faults that break matching; keep line and page breaks.

    Fixes split sara am, removes zero-width characters, drops stray or
    duplicated combining marks, collapses horizontal whitespace within each
    line, joins a vowel no syllable begins with to the syllable OCR split it
    from (or drops it when read twice), and trims line ends. Thai digits are kept as they are.

    >>> clean_ocr_text("ส\u0e4d\u0e32เนา  หนังสือ\u200b")
    'สำเนา หนังสือ'
    >>> clean_ocr_text("ที\u0e48\u0e48 ชย\\r\\n\\fเรื่อง")
    'ที่ ชย\\n\\x0cเรื่อง'
    >>> clean_ocr_text("ป้องกันแล ะควบคุม และ ะแจ้ง งบประ มาณ ต่าง ๆ ภายใน ๒๓ า ต.ค. ะ ๖๖")
    'ป้องกันและควบคุม และแจ้ง งบประ มาณ ต่าง ๆ ภายใน ๒๓ ต.ค. ๖๖'
    """
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    # Removing a mark can bring a nikhahit next to a sara aa (and so on):
    # repeat until nothing changes so the function is idempotent.
    for _ in range(4):
        t = _one_pass(s)
        if t == s:
            break
        s = t
    return s
