"""Pure pieces of the synthetic corpus: number/date printing, wrapping, vocabulary tables."""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docintake.synth import thaifmt as tf
from docintake.synth import vocab, world
from docintake.synth.body import DEADLINE_FORMS, fill
from docintake.synth.plan import Plan
from docintake.synth.topics import TOPICS
from docintake.synth.wrap import units, wrap


@pytest.mark.parametrize(
    ("day", "kwargs", "expected"),
    [
        (dt.date(2025, 6, 16), {"thai": True}, "๑๖ มิถุนายน ๒๕๖๘"),
        (dt.date(2025, 6, 16), {"thai": False}, "16 มิถุนายน 2568"),
        (dt.date(2025, 9, 9), {"thai": True, "abbr": True, "short_year": True}, "๙ ก.ย. ๖๘"),
        (dt.date(2024, 12, 31), {"thai": True, "abbr": True}, "๓๑ ธ.ค. ๒๕๖๗"),
        (dt.date(2025, 1, 1), {"thai": False, "be_prefix": True}, "1 มกราคม พ.ศ. 2568"),
    ],
    ids=["full-thai", "full-arabic", "memo-short", "abbr-year-end", "be-prefix"],
)
def test_thai_date(day, kwargs, expected):
    assert tf.thai_date(day, **kwargs) == expected


@pytest.mark.parametrize(
    ("day", "weekday"),
    [(dt.date(2025, 6, 11), "พุธ"), (dt.date(2025, 5, 30), "ศุกร์"), (dt.date(2025, 6, 15), "อาทิตย์")],
    ids=["seed-district-deadline", "seed-province-deadline", "sunday"],
)
def test_weekday_names_match_calendar(day, weekday):
    # The seed's deadlines: วันพุธที่ ๑๑ มิถุนายน ๒๕๖๘ and วันศุกร์ที่ ๓๐ พฤษภาคม ๒๕๖๘.
    assert tf.weekday_name(day) == weekday


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["การขับเคลื่อน", "นโยบาย"], "การขับเคลื่อนนโยบาย"),
        (["อัตลักษณ์ท้องถิ่น (Soft", "Power)"], "อัตลักษณ์ท้องถิ่น (Soft Power)"),
        (["ที่ ชย ๐๐๒๓.๖/๖๕๕๘", "ลงวันที่"], "ที่ ชย ๐๐๒๓.๖/๖๕๕๘ลงวันที่"),
        (["e-LAAS", "ให้ถูกต้อง"], "e-LAAS ให้ถูกต้อง"),
        (["  หลาย   ช่อง ", ""], "หลาย ช่อง"),
    ],
    ids=["thai-thai", "latin-latin", "thai-digit-thai", "latin-thai", "collapse"],
)
def test_join_wrapped_follows_contract(lines, joined):
    assert tf.join_wrapped(lines) == joined


def test_units_keep_document_numbers_whole():
    pieces = [u for u, _ in units("สำเนาหนังสือ ที่ มท ๐๘๑๐.๖/ว ๒๐๖๙ ลงวันที่ ๑๔")]
    assert "มท ๐๘๑๐.๖/ว ๒๐๖๙" in pieces


def test_units_keep_hashtags_whole():
    assert ("#เที่ยวท้องถิ่น", True) in units("แฮชแท็ก #เที่ยวท้องถิ่น #ของดีบ้านเรา")


THAI_WORDS = st.lists(st.sampled_from(["การ", "ขับเคลื่อน", "นโยบาย", "อัตลักษณ์", "ท้องถิ่น", "๒๕๖๘",
                                       "(Soft", "Power)", "จังหวัดชัยภูมิ", "ให้แล้วเสร็จ", "ภายในวันที่"]),
                      min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(words=THAI_WORDS, spaces=st.lists(st.booleans(), min_size=40, max_size=40), width=st.integers(5, 40))
def test_wrap_keeps_every_character_and_respects_width(words, spaces, width):
    text = "".join(w + (" " if s else "") for w, s in zip(words, spaces)).strip()
    lines = wrap(text, len, width, width)
    assert "".join("".join(lines).split()) == "".join(text.split())
    # A line may only overflow when it holds a single unbreakable piece.
    assert all(len(line) <= width or len(units(line)) == 1 for line in lines)


def test_province_codes_are_two_thai_letters_and_unique():
    codes = list(vocab.PROVINCES)
    assert len(codes) == len(set(codes)) >= 14
    assert all(re.fullmatch(r"[ก-ฮ]{2}", c) for c in codes)
    assert vocab.PROVINCES["ชย"][0] == "ชัยภูมิ" and vocab.PROVINCES["นม"][0] == "นครราชสีมา"


@pytest.mark.parametrize("topic", sorted(TOPICS), ids=sorted(TOPICS))
def test_topic_tables_are_complete_and_fillable(topic):
    t = TOPICS[topic]
    assert {"subject", "background", "action", "report", "attachment"} <= set(t)
    assert all(len(t[k]) >= 2 for k in ("subject", "background", "action", "report", "attachment"))
    plan = Plan(level="dist", org=world.department(), to="", topic=topic, date=dt.date(2025, 6, 16), doc_no="")
    for key in ("subject", "background", "action", "report"):
        for template in t[key]:
            text = fill(template, random.Random(0), plan)
            assert "{" not in text and "}" not in text


def test_deadline_forms_cover_domain_phrases():
    phrases = " ".join(f for forms in DEADLINE_FORMS.values() for f in forms)
    for needle in ("ให้แล้วเสร็จภายในวันที่", "ภายในวัน{wd}ที่", "ก่อนวันที่", "ไม่เกินวันที่", "นับแต่"):
        assert needle in phrases


def test_world_is_stable_and_districts_have_laos():
    a = world.district("ชย", "เมืองชัยภูมิ")
    world.district.cache_clear()
    b = world.district("ชย", "เมืองชัยภูมิ")
    assert a == b
    for d in world.all_districts():
        assert d.munis and len(d.saos) >= 2
        assert re.fullmatch(r"0023\.\d{2}", d.org.code)
        assert all(re.fullmatch(r"7\d{4}", lao.code) for lao in d.laos)
