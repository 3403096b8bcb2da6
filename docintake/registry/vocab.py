"""The registry's Thai vocabulary: organisation names, addressing forms, OCR confusions.

Data only (tables), so a clerk or a linguist can extend them without reading
code; ``tests/test_registry_vocab.py`` checks their shape. Matching is done on
text with all spaces removed (Thai writes ``นายก อบต. บ้านใหม่`` and
``นายกองค์การบริหารส่วนตำบลบ้านใหม่`` for the same addressee), so every form
here is written without spaces.
"""

from __future__ import annotations

from docintake.text.lexicon import PREFIX_LETTER_CONFUSIONS

ORG_TYPES: tuple[str, ...] = ("province", "district", "municipality", "sao", "pao")
LAO_TYPES: tuple[str, ...] = ("municipality", "sao", "pao")  # อปท.: they get tasks

# Abbreviation -> full form, applied (longest first) before matching.
ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("อบต.", "องค์การบริหารส่วนตำบล"),
    ("อบจ.", "องค์การบริหารส่วนจังหวัด"),
    ("ทต.", "เทศบาลตำบล"),
    ("ทม.", "เทศบาลเมือง"),
    ("ทน.", "เทศบาลนคร"),
    ("อปท.", "องค์กรปกครองส่วนท้องถิ่น"),
    ("จ.", "จังหวัด"),
    ("อ.", "อำเภอ"),
)

# Organisation name forms: (full form at the start of a name, type, subtype).
# The subtype is the short label a clerk writes (อบต., ทต., ...).
ORG_FORMS: tuple[tuple[str, str, str], ...] = (
    ("องค์การบริหารส่วนตำบล", "sao", "อบต."),
    ("องค์การบริหารส่วนจังหวัด", "pao", "อบจ."),
    ("เทศบาลตำบล", "municipality", "ทต."),
    ("เทศบาลเมือง", "municipality", "ทม."),
    ("เทศบาลนคร", "municipality", "ทน."),
    ("ที่ว่าการอำเภอ", "district", "อำเภอ"),
    ("อำเภอ", "district", "อำเภอ"),
    ("ศาลากลางจังหวัด", "province", "จังหวัด"),
    ("จังหวัด", "province", "จังหวัด"),
)

# How a letter addresses the head of an organisation: (title, type, subtype).
# "lao" means any LAO type (municipality, SAO, PAO). Longest titles are tried first.
HEAD_TITLES: tuple[tuple[str, str, str | None], ...] = (
    ("นายกเทศมนตรีตำบล", "municipality", "ทต."),
    ("นายกเทศมนตรีเมือง", "municipality", "ทม."),
    ("นายกเทศมนตรีนคร", "municipality", "ทน."),
    ("นายกเทศมนตรี", "municipality", None),
    ("นายกองค์การบริหารส่วนตำบล", "sao", "อบต."),
    ("นายกองค์การบริหารส่วนจังหวัด", "pao", "อบจ."),
    ("นายกองค์กรปกครองส่วนท้องถิ่น", "lao", None),
    ("นายอำเภอ", "district", "อำเภอ"),
    ("ผู้ว่าราชการจังหวัด", "province", "จังหวัด"),
)

# Head title for each subtype, used to build the forms a letter may use for an org.
HEAD_OF_SUBTYPE: dict[str, str] = {
    "อบต.": "นายกองค์การบริหารส่วนตำบล",
    "อบจ.": "นายกองค์การบริหารส่วนจังหวัด",
    "ทต.": "นายกเทศมนตรีตำบล",
    "ทม.": "นายกเทศมนตรีเมือง",
    "ทน.": "นายกเทศมนตรีนคร",
    "อำเภอ": "นายอำเภอ",
    "จังหวัด": "ผู้ว่าราชการจังหวัด",
}

# Distribution markers at the end of an addressee: (marker, type it implies or
# None for "the type of the title before it").
DISTRIBUTION_MARKERS: tuple[tuple[str, str | None], ...] = (
    ("ทุกองค์กรปกครองส่วนท้องถิ่น", "lao"),
    ("ทุกแห่ง", None),
    ("ทุกอำเภอ", "district"),
    ("ทุกจังหวัด", "province"),
    ("ในพื้นที่", None),
    ("ในเขตอำเภอ", None),
)

# Glyphs OCR prints for a distribution marker's own (``ฑูกแห่ง`` for ทุกแห่ง,
# seed 46: ท read as ฑ, its ุ as ู), read back before markers are matched.
MARKER_LOOKALIKES: dict[str, str] = {"ฑ": "ท", "ู": "ุ"}

# Separators between addressees in one เรียน line (after spaces are removed).
ADDRESSEE_SEPARATORS: tuple[str, ...] = ("และ", ",", "/", "หรือ")

# Office codes that belong to a ministry's department, whatever prefix OCR read before
# them: (code start, the ministry's prefix). 08xx is the Department of Local
# Administration's (มท 0810.6, see DOMAIN.md); a province's offices use 00xx.
CODE_MINISTRIES: tuple[tuple[str, str], ...] = (("08", "มท"),)
# The other way round: a department's own letters carry its code range (DOMAIN.md:
# the Department of Local Administration numbers มท 08xx, e.g. มท 0810.6, 0816.4,
# 0808.3). A copy the enclosure line says is the department's, numbered outside its
# range (มท 0512.5 for มท 0816.4: ๘ read ๕, ๖ read ๒), was misread: (department, code start).
DEPARTMENT_CODES: tuple[tuple[str, str], ...] = (("กรมส่งเสริมการปกครองท้องถิ่น", "08"),)

# OCR confusions seen in document-number prefixes (read, meant): the parser's
# table (text.lexicon), so a prefix and a name are read with the same shapes.
PREFIX_CONFUSIONS: tuple[tuple[str, str], ...] = tuple(PREFIX_LETTER_CONFUSIONS.items())

# Upper vowels OCR confuses in names (read, meant): the tail of sara ue (ื) and
# the stroke of sara ii (ี) are a few pixels, lost or added on a scan (seed 21:
# นายกเทศมนตรีตำบลบรบีอ for บรบือ). Names are shape-folded with these as with
# PREFIX_CONFUSIONS: such a letter costs part of an edit, not a whole one.
NAME_VOWEL_CONFUSIONS: tuple[tuple[str, str], ...] = (
    ("\u0e35", "\u0e37"),  # ี / ื
    ("\u0e34", "\u0e36"),  # ิ / ึ
    ("\u0e34", "\u0e35"),  # ิ / ี
)
# Letters OCR confuses in names but not in prefixes (where each pair would make
# another province's): ล read as ส (seed 70: สงขสา for สงขลา; seed 85: ท่าหสวง for ท่าหลวง).
NAME_LETTER_CONFUSIONS: tuple[tuple[str, str], ...] = (("ล", "ส"),)

# Digit pairs OCR confuses (in Arabic after normalising): the stock Thai model
# maps ๖->๒, ๘->๕, ๙->๖, ๗->๑, ๔->๕; shapes confuse 1/7, 3/8, 5/6, 0/8.
DIGIT_CONFUSIONS: tuple[tuple[str, str], ...] = (
    ("6", "2"), ("8", "5"), ("9", "6"), ("7", "1"), ("4", "5"),
    ("3", "8"), ("5", "6"), ("0", "8"), ("0", "6"), ("9", "4"),
)


def confusable(a: str, b: str, table: tuple[tuple[str, str], ...]) -> bool:
    """Whether two single characters are a known OCR confusion (either way round).

    >>> confusable("ง", "ม", PREFIX_CONFUSIONS), confusable("6", "2", DIGIT_CONFUSIONS)
    (True, True)
    >>> confusable("1", "2", DIGIT_CONFUSIONS)
    False
    """
    return (a, b) in table or (b, a) in table
