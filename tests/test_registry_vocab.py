"""The registry's vocabulary tables: shapes the matching code relies on."""

import pytest

from docintake.registry import vocab
from docintake.registry.orgs import compact, name_parts


def test_abbreviations_expand_to_a_known_org_form():
    forms = {f for f, _, _ in vocab.ORG_FORMS} | {"องค์กรปกครองส่วนท้องถิ่น"}
    for short, full in vocab.ABBREVIATIONS:
        assert short.endswith("."), short
        if short not in ("จ.", "อ."):
            assert full in forms, short


@pytest.mark.parametrize("title,kind,subtype", vocab.HEAD_TITLES, ids=[t[0] for t in vocab.HEAD_TITLES])
def test_head_titles(title, kind, subtype):
    assert " " not in title  # matching runs on text without spaces
    assert kind in (*vocab.ORG_TYPES, "lao")
    if subtype:
        assert vocab.HEAD_OF_SUBTYPE[subtype] == title


def test_every_subtype_has_a_head_title_and_a_form():
    subtypes = {s for _, _, s in vocab.ORG_FORMS}
    assert subtypes == set(vocab.HEAD_OF_SUBTYPE)


def test_markers_and_types():
    for marker, kind in vocab.DISTRIBUTION_MARKERS:
        assert " " not in marker and (kind is None or kind in (*vocab.ORG_TYPES, "lao"))
    assert set(vocab.LAO_TYPES) <= set(vocab.ORG_TYPES)


@pytest.mark.parametrize("table", [vocab.PREFIX_CONFUSIONS, vocab.DIGIT_CONFUSIONS, vocab.NAME_VOWEL_CONFUSIONS],
                         ids=["prefix", "digit", "name-vowel"])
def test_confusions_are_distinct_single_characters(table):
    for a, b in table:
        assert len(a) == len(b) == 1 and a != b
    assert len({frozenset(p) for p in table}) == len(table)


@pytest.mark.parametrize("name,expected", [
    ("อบต. บ้านใหม่", ("อบต.", "บ้านใหม่")),
    ("องค์การบริหารส่วนตำบล บ้านใหม่", ("อบต.", "บ้านใหม่")),
    ("ทม.ชัยภูมิ", ("ทม.", "ชัยภูมิ")),
    ("เทศบาลนครขอนแก่น", ("ทน.", "ขอนแก่น")),
    ("องค์การบริหารส่วนจังหวัดชัยภูมิ", ("อบจ.", "ชัยภูมิ")),
    ("ที่ว่าการอำเภอเมือง", ("อำเภอ", "เมือง")),
    ("ศาลากลางจังหวัดชัยภูมิ", ("จังหวัด", "ชัยภูมิ")),
], ids=["sao-abbr-space", "sao-full", "city-abbr", "nakhon", "pao", "district-office", "province-hall"])
def test_name_parts(name, expected):
    assert name_parts(name) == expected


def test_compact_removes_spaces_and_expands():
    assert compact("นายก อบต. ทุกแห่ง") == "นายกองค์การบริหารส่วนตำบลทุกแห่ง"
    assert compact("ทุก อปท.") == "ทุกองค์กรปกครองส่วนท้องถิ่น"


def test_department_codes_agree_with_the_ministry_tables():
    from docintake.text.lexicon import DEPARTMENT_PREFIXES

    ministries = dict(vocab.CODE_MINISTRIES)
    for name, code in vocab.DEPARTMENT_CODES:
        assert code.isdigit() and len(code) == 2, name
        # a department numbered by code range is one its ministry's prefix is known for
        assert DEPARTMENT_PREFIXES[name] == ministries[code], name


def test_name_vowel_confusions_are_upper_vowels():
    # Only the vowels written above a letter (ิ ี ึ ื), whose strokes a scan loses or adds.
    for a, b in vocab.NAME_VOWEL_CONFUSIONS:
        assert {a, b} <= set("\u0e34\u0e35\u0e36\u0e37")
