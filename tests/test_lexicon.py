"""The vocabulary tables and the OCR-tolerant matcher that uses them."""

import pytest

from docintake.parse.thaidate import month_number
from docintake.text import lexicon
from docintake.text.fuzzy import ends_with_any, find_urgency, key, match_label, match_urgency_token


def test_month_tables_line_up():
    assert len(lexicon.MONTHS) == len(lexicon.MONTHS_ABBR) == 12
    assert len(set(lexicon.MONTHS)) == len(set(lexicon.MONTHS_ABBR)) == 12
    for n, (full, abbr) in enumerate(zip(lexicon.MONTHS, lexicon.MONTHS_ABBR), start=1):
        assert month_number(full) == (n, 0)
        assert month_number(abbr) == (n, 0)
        assert abbr[0] == full[0]  # ม.ค. / มกราคม: an abbreviation starts like its month


def test_month_confusions_are_not_real_months():
    for wrong, n in lexicon.MONTH_CONFUSIONS.items():
        assert wrong not in lexicon.MONTHS and 1 <= n <= 12


def test_month_lookalikes_stand_for_thai_consonants():
    # Each look-alike is a Latin letter or digit standing for Thai consonants only.
    for glyph, thai in lexicon.MONTH_LOOKALIKES.items():
        assert glyph.isascii() and len(glyph) == 1
        assert thai and all("ก" <= ch <= "ฮ" for ch in thai)


def test_month_hand_lookalikes_stand_for_thai_consonants():
    # The weaker handwriting look-alikes: Latin letters only, none already a
    # strong look-alike (they only add readings), the dot's glyphs no consonant's.
    for glyph, thai in lexicon.MONTH_HAND_LOOKALIKES.items():
        assert glyph.isascii() and glyph.isalpha() and glyph not in lexicon.MONTH_LOOKALIKES
        assert thai and all("ก" <= ch <= "ฮ" for ch in thai)
    assert not set(lexicon.MONTH_HAND_DOTS) & (set(lexicon.MONTH_HAND_LOOKALIKES) | set(lexicon.MONTH_LOOKALIKES))


def test_english_months_are_lowercase_names_and_abbreviations():
    import calendar

    full = {calendar.month_name[n].lower() for n in range(1, 13)}
    abbr = {calendar.month_abbr[n].lower() for n in range(1, 13)}
    assert full | abbr | {"sept"} == lexicon.ENGLISH_MONTHS


def test_weekdays():
    assert len(lexicon.WEEKDAYS) == len(set(lexicon.WEEKDAYS)) == 7


def test_prefix_tables():
    assert len(lexicon.PROVINCE_PREFIXES) == 77  # 76 provinces and Bangkok
    assert not set(lexicon.PROVINCE_PREFIXES) & set(lexicon.MINISTRY_PREFIXES)
    assert len(set(lexicon.PROVINCE_PREFIXES.values())) == 77
    for p in lexicon.AGENCY_PREFIXES:
        assert 2 <= len(p) <= 3


def test_prefix_confusions_are_unambiguous():
    # A confusion is only safe to fix when the misreading is not itself a real prefix.
    for wrong, right in lexicon.PREFIX_CONFUSIONS.items():
        assert wrong not in lexicon.AGENCY_PREFIXES
        assert right in lexicon.AGENCY_PREFIXES


def test_urgency_confusions_map_to_levels():
    for wrong, right in lexicon.URGENCY_CONFUSIONS.items():
        assert wrong not in lexicon.URGENCY_WORDS and right in lexicon.URGENCY_WORDS


def test_urgent_head_lookalikes_are_the_confusions_heads():
    # The ด่วนภายใน look-alikes are the heads already seen misread in ด่วนที่สุด / ด่วนมาก.
    heads = {wrong[:4] for wrong, right in lexicon.URGENCY_CONFUSIONS.items() if wrong[:4] != right[:4]}
    assert set(lexicon.URGENT_HEAD_LOOKALIKES) <= heads
    assert not set(lexicon.URGENT_HEAD_LOOKALIKES) & set(lexicon.URGENCY_WORDS)


LABEL_CASES = [
    ("exact", "เรื่อง การขับเคลื่อนนโยบาย", "เรื่อง"),
    ("tone-dropped", "เรือง การขับเคลื่อน", "เรื่อง"),
    ("subject-vowels-misread", "แรอง การรายงานผลการเบิกจ่ายเงินอุดหนุน", "เรื่อง"),  # seed 81's memo
    ("no-space-after-long-label", "เรื่องการขับเคลื่อน", "เรื่อง"),
    ("to", "เรียน ผู้ว่าราชการจังหวัด", "เรียน"),
    ("memo-to", "เสนอ นายก", "เสนอ"),
    ("ref-one-edit", "อ้างถิง หนังสือ", "อ้างถึง"),
    ("encl-known-misreading", "ดังที่ส่งมาด้วย แบบรายงาน", "สิ่งที่ส่งมาด้วย"),
    ("encl-two-edits", "สิงที่สงมาดวย แบบ", "สิ่งที่ส่งมาด้วย"),
    ("the-number-label", "ที่ ชย ๐๐๒๓", "ที่"),
    ("the-tone-dropped", "ที ชย ๐๐๒๓", "ที่"),
    ("date-label", "วันที่ ๓๐ มิ.ย. ๖๘", "วันที่"),
    ("receipt-number", "เลขรับ ๒๒๓๕", "เลขรับ"),
    ("closing", "ขอแสดงความนับถือ", "ขอแสดงความนับถือ"),
    # seed 19: OCR split the label with a space and added a vowel (สั่ง).
    ("encl-split-by-a-space", "สิ่งที่ สั่งมาด้วย สำเนาหนังสือกรมส่งเสริมการปกครองท้องถิ่น", "สิ่งที่ส่งมาด้วย"),
    ("closing-split-by-a-space", "ขอแสดง ความนับถือ", "ขอแสดงความนับถือ"),
    ("ref-split-by-a-space", "อ้าง ถึง หนังสือจังหวัด", "อ้างถึง"),
    # Two words that start like a label with a space between are not one.
    ("body-words-split", "จึงเรียน มาเพื่อโปรดทราบ", None),
    ("office-split", "ที่ว่าการ อำเภอเมือง", None),
    # Words that merely start like a label are not labels.
    ("office-starting-with-ti", "ที่ว่าการอำเภอเมือง", None),
    ("body-word-like-rian", "เรียบร้อยแล้ว", None),
    ("fuzzy-needs-a-space", "เรียบร้อย", None),
    ("empty", "", None),
]


@pytest.mark.parametrize("line,label", [c[1:] for c in LABEL_CASES], ids=[c[0] for c in LABEL_CASES])
def test_match_label(line, label):
    got = match_label(line)
    assert (got.label if got else None) == label


def test_fuzzy_label_has_lower_confidence():
    assert match_label("เรื่อง ก").confidence == 1.0
    assert match_label("อ้างถิง ก").confidence < 1.0  # a listed OCR variant
    assert match_label("อ้างถีง ก").confidence < 1.0  # one edit away
    assert match_label("สิ่งที่ ส่งมาด้วย ก").confidence < 1.0  # a space inside counts as an edit


URGENCY_CASES = [
    ("exact-most", "ด่วนที่สุด", "ด่วนที่สุด"),
    ("exact-very", "ด่วนมาก", "ด่วนมาก"),
    ("exact-urgent", "ด่วน", "ด่วน"),
    ("seed-ta", "ต่วนที่สุด", "ด่วนที่สุด"),
    ("seed-kha", "ค้านที่สุด", "ด่วนที่สุด"),
    ("tone-dropped", "ดวนทีสุด", "ด่วนที่สุด"),
    ("very-misread", "ต่วนมาก", "ด่วนมาก"),
    # Ordinary words ending like an urgency are not one.
    ("most", "มากที่สุด", None),
    ("best", "ดีที่สุด", None),
    ("side", "ด้าน", None),
]


@pytest.mark.parametrize("token,word", [c[1:] for c in URGENCY_CASES], ids=[c[0] for c in URGENCY_CASES])
def test_match_urgency_token(token, word):
    got = match_urgency_token(token)
    assert (got[0] if got else None) == word


def test_find_urgency_in_an_entry():
    hit = find_urgency("หนังสือจังหวัดชัยภูมิ ค้านที่สุด ที่ ชย ๐๐๒๓.๖/๑ ๓๖๕")
    assert hit.word == "ด่วนที่สุด" and hit.start == len("หนังสือจังหวัดชัยภูมิ ")


def test_key_ignores_tone_marks_only():
    assert key("ที่สุด") == "ทีสุด"
    assert key("อัตลักษณ์") != key("อัปลักษณ์")  # consonants still count


TABLES = [name for name in dir(lexicon) if name.isupper() and isinstance(getattr(lexicon, name), (tuple, dict))]


@pytest.mark.parametrize("name", TABLES)
def test_tables_are_clean(name):
    table = getattr(lexicon, name)
    words = list(table)
    assert words, name
    assert len(words) == len(set(words)), f"{name} has duplicates"
    for w in words:
        assert isinstance(w, str) and w == w.strip() and w, (name, w)


def test_department_prefixes_are_ministry_prefixes() -> None:
    assert set(lexicon.DEPARTMENT_PREFIXES.values()) <= set(lexicon.MINISTRY_PREFIXES)
    assert all(name.startswith("กรม") for name in lexicon.DEPARTMENT_PREFIXES)


def test_wo_lookalikes_are_thai_digits() -> None:
    assert lexicon.WO_DIGIT_LOOKALIKES and all("๐" <= ch <= "๙" for ch in lexicon.WO_DIGIT_LOOKALIKES)


def test_month_dot_specks_are_in_no_abbreviation() -> None:
    """Dropping one before a dot can only undo damage, never make another month."""
    assert not any(ch in abbr for ch in lexicon.MONTH_DOT_SPECKS for abbr in lexicon.MONTHS_ABBR)


def test_addressee_openings_never_open_a_body() -> None:
    """A line under the subject opening with a head's title is the addressee, never the body's first line."""
    assert not [o for o in lexicon.ADDRESSEE_OPENINGS for b in lexicon.BODY_OPENINGS if o.startswith(b) or b.startswith(o)]


def test_circular_audiences_are_distributions_from_known_offices() -> None:
    """Each cue is a sender's name start the letterhead uses and an addressee
    that names many (ทุก...): one text to one reader is never a circular."""
    for addressees, office in lexicon.CIRCULAR_AUDIENCES.items():
        assert office in lexicon.OFFICE_STARTS
        assert lexicon.DISTRIBUTION_MARK in addressees


@pytest.mark.parametrize("text,expected", [
    ("นายกองค์การบริหารส่วนตำบล ทุกแห่ง", "ทุกแห่ง"),
    ("นายกองค์การบริหารส่วนตำบล ทุกิแห่ง", "ทุกแห่ง"),  # a vowel added (seed 18)
    ("นายกองค์การบริหารส่วนตำบลทุกแหง", "ทุกแห่ง"),  # tone dropped, glued
    ("ผู้ว่าราชการจังหวัด ทุกจังหวด", "ทุกจังหวัด"),  # a vowel lost
    ("นายกองค์การบริหารส่วนตำบล ทุกแหงที", None),  # two letters more: no ending
    ("ขอให้ดำเนินการ", None),
], ids=["exact", "vowel-added", "tone-dropped-glued", "vowel-lost", "two-letters-after", "none"])
def test_ends_with_any(text, expected):
    assert ends_with_any(text, lexicon.ADDRESSEE_ENDINGS) == expected


@pytest.mark.parametrize("number", ["มท ๐๘๑๐.๔/ว ๒๘๕๙", "ลป ๐๐๒๓.๔/ว ๑๘"], ids=["ministry", "province"])
def test_circular_mark_follows_the_slash(number):
    """The circular's mark is one Thai letter, written right after a number's slash."""
    assert len(lexicon.CIRCULAR_MARK) == 1 and "/" + lexicon.CIRCULAR_MARK + " " in number


def test_relative_from_lookalikes_are_misreads_of_the_real_words():
    """Each look-alike is a real นับ... word with one vowel misread, or with its first
    letters lost, and no real word itself."""
    for fake in lexicon.RELATIVE_FROM_LOOKALIKES:
        assert fake not in lexicon.RELATIVE_FROM
        assert fake.replace("นุบ", "นับ", 1) in lexicon.RELATIVE_FROM or any(
            real.endswith(fake) and len(real) - len(fake) <= 2 for real in lexicon.RELATIVE_FROM)


def test_month_thai_lookalikes_begin_no_month():
    """A look-alike is read for the consonant it stands for only because no month begins with it."""
    firsts = {m[0] for m in lexicon.MONTHS_ABBR}
    for printed, meant in lexicon.MONTH_THAI_LOOKALIKES.items():
        assert printed not in firsts and meant in firsts


def test_month_last_dot_lookalikes_end_no_month():
    assert not any(m.rstrip(".").endswith(tuple(lexicon.MONTH_LAST_DOT_LOOKALIKES)) for m in lexicon.MONTHS_ABBR)


def test_enclosure_headless_forms_are_tails_no_word_opens_with():
    """Each is the end of สิ่งที่ส่งมาด้วย and opens with a vowel no Thai word opens with."""
    assert lexicon.ENCLOSURE_HEADLESS
    for tail in lexicon.ENCLOSURE_HEADLESS:
        assert "สิ่งที่ส่งมาด้วย".endswith(tail) and tail[0] in "าะำ"
