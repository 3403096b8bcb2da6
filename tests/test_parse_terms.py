"""Domain terms OCR damaged in a subject, read back against the lexicon (parse/terms.py)."""

import pytest

from docintake.parse.terms import abbreviation_of, letters, mend_terms
from docintake.parse import parse_text
from docintake.text import lexicon


@pytest.mark.parametrize(("read", "want"), [
    # Marks dropped or misplaced on a long term.
    ("การจ่ายเงินเบียยังชีพผู้สูงอายุ", "การจ่ายเงินเบี้ยยังชีพผู้สูงอายุ"),
    ("ฐานข้อมูลเบยยงชพ", "ฐานข้อมูลเบี้ยยังชีพ"),
    ("ประจำปี่งบประมาณ พ.ศ. ๒๕๖๘", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"),
    ("ภาษีที่ดินและสิ่งปลู๋กสร้าง", "ภาษีที่ดินและสิ่งปลูกสร้าง"),
    # Sara am split into nikhahit + sara aa, or its circle lost.
    ("ประจําปีงบประมาณ", "ประจำปีงบประมาณ"),
    ("ประจาปีงบประมาณ", "ประจำปีงบประมาณ"),
    # An office abbreviation in Latin look-alikes.
    ("การขับเคลื่อนนโยบาย ๑ aun. ๑ อัตลักษณ์ท้องถิ่น", "การขับเคลื่อนนโยบาย ๑ อปท. ๑ อัตลักษณ์ท้องถิ่น"),
    ("การขับเคลื่อนนโยบาย 1 AUN. 1 อัตลักษณ์ท้องถิ่น", "การขับเคลื่อนนโยบาย 1 อปท. 1 อัตลักษณ์ท้องถิ่น"),
    # The word before a session's ordinal and year.
    ("ขอเชิญประชุมคณะกรรมการพัฒนาท้องถิ่น ASIN 4/2568", "ขอเชิญประชุมคณะกรรมการพัฒนาท้องถิ่น ครั้งที่ 4/2568"),
    ("ขอเชิญประชุมคณะกรรมการพัฒนาท้องถิ่น .-ครงท ๒/๒๕๖๘", "ขอเชิญประชุมคณะกรรมการพัฒนาท้องถิ่น ครั้งที่ ๒/๒๕๖๘"),
    # A bracketed English phrase with one word garbage, its closing bracket perhaps lost.
    ("อัตลักษณ์ท้องถิ่น (5๐80! Power)", "อัตลักษณ์ท้องถิ่น (Soft Power)"),
    ("อัตลักษณ์ท้องถิ่น (Soft 0อพลท", "อัตลักษณ์ท้องถิ่น (Soft Power)"),
], ids=["tone-lost", "marks-lost", "tone-added", "tone-misplaced", "sara-am-split", "sara-am-circle-lost",
        "abbrev-lower", "abbrev-upper", "session-latin", "session-marks-lost", "bracket-first-garbled",
        "bracket-second-garbled-unclosed"])
def test_damaged_terms_mended(read: str, want: str) -> None:
    mended, changed = mend_terms(read)
    assert mended == want
    assert changed


@pytest.mark.parametrize("text", [
    "การขับเคลื่อนนโยบาย ๑ อปท. ๑ อัตลักษณ์ท้องถิ่น",
    "การส่งเสริมการท่องเที่ยวโดยใช้อัตลักษณ์ท้องถิ่น (Soft Power)",
    "มาตรการป้องกันและควบคุมการเผาในที่โล่งและฝุ่นละอองขนาดเล็ก (PM2.5)",
    # A Latin dotted word no abbreviation's shapes allow.
    "การใช้งานระบบ e-LAAS ver. 2",
    # Only Latin letters or the ordinal's letters are read as ครั้งที่; a Thai word stays.
    "รายงานผลการเบิกจ่าย ไตรมาสที่ 2/2568",
    "ขอเชิญประชุมคณะกรรมการพัฒนาท้องถิ่น ครั้งที่ ๒/๒๕๖๘",
    # A short word sharing a term's letters is not the term (fewer than five letters).
    "การป้องกันไฟป่า",
    # Another English phrase in brackets: its words are words, not garbage.
    "การพัฒนาทักษะ (Soft Skills)",
], ids=["abbrev-as-printed", "latin-phrase", "latin-in-brackets", "other-latin-dotted", "thai-word-before-ordinal",
        "session-as-printed", "short-word", "other-bracketed-phrase"])
def test_text_as_printed_left_alone(text: str) -> None:
    assert mend_terms(text) == (text, [])


@pytest.mark.parametrize(("latin", "want"), [
    ("aun", "อปท."), ("oun", "อปท."), ("Soft", None), ("an", None), ("ver", None),
], ids=["aun", "oun", "word", "two-letters-no-fit", "three-letters-no-fit"])
def test_abbreviation_of(latin: str, want: str | None) -> None:
    assert abbreviation_of(latin) == want


def test_subject_terms_are_long_enough() -> None:
    # Five letters besides marks: no other word shares a term's letters.
    assert all(len(letters(t)) >= 5 for t in lexicon.SUBJECT_TERMS)


def test_abbreviation_lookalikes_leave_one_reading_each() -> None:
    # Every Latin spelling the table allows reads as at most one abbreviation.
    import itertools

    by_shape: dict[str, set[str]] = {}
    for latin, thai in lexicon.ABBREV_LATIN_LOOKALIKES.items():
        for ch in thai:
            by_shape.setdefault(ch, set()).add(latin)
    for abbr in lexicon.LAO_ABBREVIATIONS:
        shapes = [by_shape.get(ch, set()) for ch in abbr.rstrip(".")]
        for spelling in itertools.product(*shapes):
            assert abbreviation_of("".join(spelling)) == abbr


def test_subject_mended_in_a_letter_with_a_warning() -> None:
    text = ("ที่ ชย ๐๐๒๓.๑๔/๑๗๐๙\nที่ว่าการอำเภอภูเขียว\n๑๖ มิถุนายน ๒๕๖๘\n"
            "เรื่อง การขับเคลื่อนนโยบาย ๑ aun. ๑ อัตลักษณ์ท้องถิ่น\n"
            "เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง\nด้วยจังหวัดแจ้งว่า ขอให้รายงานผล\n"
            "ขอแสดงความนับถือ\n(นายสมชาย ใจดี)\nนายอำเภอภูเขียว")
    (letter,) = parse_text(text).letters
    assert letter.subject == "การขับเคลื่อนนโยบาย ๑ อปท. ๑ อัตลักษณ์ท้องถิ่น"
    assert "term_mended" in {w.code for w in letter.warnings if w.field == "subject"}
    assert letter.confidence["subject"] < 1.0


NEAR = [
    # seeds 10, 15, 19: ช read as ซ or ข in a long term.
    ("letter-misread", "การจ่ายเงินเบี้ยยังซีพผู้สูงอายุ", "การจ่ายเงินเบี้ยยังชีพผู้สูงอายุ"),
    # seed 19: a letter added and a space put inside the term.
    ("letter-added-and-space", "ผู้มีสิทธิรับเงินเบียย์ ยังชีพผู้สูงอายุ", "ผู้มีสิทธิรับเงินเบี้ยยังชีพผู้สูงอายุ"),
    # seed 20: the space and ม read as ฝุ in ขยะมูลฝอย.
    ("space-and-letter", "การจัดการขยะ ฝุลฝอยชุมชน ปี ๒๕๖๘", "การจัดการขยะมูลฝอยชุมชน ปี ๒๕๖๘"),
    # seed 13: ดำเนินงาน with า read as ่ว.
    ("vowel-read-as-letter", "การรายงานผลการดำเนินง่วน", "การรายงานผลการดำเนินงาน"),
    # Two letters off: not the term.
    ("two-letters-off", "การจ่ายเงินเบี้ยยังซีบผู้สูงอายุ", "การจ่ายเงินเบี้ยยังซีบผู้สูงอายุ"),
    # A short term (ภัยแล้ง, 5 letters) is never read near.
    ("short-term-left", "ผู้ประสบภัยแล่ว", "ผู้ประสบภัยแล่ว"),
    # Two spaces inside: words of their own.
    ("two-spaces", "เงินเบี้ย ยัง ซีพ", "เงินเบี้ย ยัง ซีพ"),
]


@pytest.mark.parametrize(("read", "want"), [c[1:] for c in NEAR], ids=[c[0] for c in NEAR])
def test_long_term_one_letter_off(read: str, want: str) -> None:
    assert mend_terms(read)[0] == want
