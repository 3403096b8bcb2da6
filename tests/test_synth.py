"""The synthetic corpus: ground truth agrees with what was printed, chains are
consistent, and a seed always gives the same bundle.

Most checks lay bundles out without drawing them (``lay_out_bundle``), which is
cheap, so they can look at many bundles; a few render at 100 dpi.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from functools import lru_cache

import pytest

from docintake.models import TruthBundle
from docintake.synth import generate_corpus
from docintake.synth import thaifmt as tf
from docintake.synth.corpus import lay_out_bundle
from docintake.synth.vocab import SLOGANS

CANONICAL = re.compile(r"[ก-ฮ]{2} (0\d{3}\.\d{1,2}|7\d{4})/(ว )?[1-9]\d{0,3}")
URGENCIES = {None, "ด่วนที่สุด", "ด่วนมาก", "ด่วน"}
N = 80


@lru_cache(maxsize=None)
def bundles(seed: int = 11) -> list:
    """``N`` laid-out bundles, formats cycling so single-page ones are included."""
    formats = ("pdf", "tiff", "jpg", "png")
    return [lay_out_bundle(seed, i, formats[i % 4], 200) for i in range(N)]


def letters():
    for bp, laid in bundles():
        for i, letter in enumerate(laid.letters):
            yield bp, laid, i, letter


def squash(text: str) -> str:
    return "".join(tf.to_arabic(text).split())


def letter_text(laid, letter) -> str:
    """The letter's pages without page numbers, คำต่อ and slogan footers (they interrupt sentences)."""
    first, last = letter.pages
    lines = "\n".join(laid.texts[first - 1:last]).splitlines()
    return "\n".join(x for x in lines if x not in SLOGANS and not re.fullmatch(r"- [0-9๐-๙]+ -", x)
                     and not x.startswith("/"))


def test_every_doc_no_is_canonical_and_printed_on_its_first_page():
    for _, laid, _, letter in letters():
        assert CANONICAL.fullmatch(letter.doc_no), letter.doc_no
        assert letter.doc_no in tf.to_arabic(laid.texts[letter.pages[0] - 1])


def test_reference_and_enclosure_numbers_are_canonical():
    for _, _, _, letter in letters():
        for entry in letter.references + [e for e in letter.enclosures if e.doc_no]:
            assert CANONICAL.fullmatch(entry.doc_no), entry.doc_no
            assert entry.date is not None


def test_kind_follows_the_contract():
    for _, laid, _, letter in letters():
        first_page = laid.texts[letter.pages[0] - 1]
        if "บันทึกข้อความ" in first_page.splitlines()[:6]:
            assert letter.kind == "memo"
        else:
            assert letter.kind == ("circular" if "/ว " in letter.doc_no else "external")


def test_subject_to_and_deadline_text_are_on_the_page():
    for _, laid, _, letter in letters():
        page = squash(letter_text(laid, letter))
        assert squash(letter.subject) in page and squash(letter.to) in page
        for deadline in letter.deadlines:
            assert squash(deadline.text) in page


def test_everything_drawn_stays_on_the_page():
    from docintake.synth import fonts
    from docintake.synth.draw import page_size

    width, height = page_size(200)
    for _, laid in bundles():
        for page, face in laid.pages:
            for line in page.lines:
                for item in line.items:
                    right = item.x + fonts.style_font(item.style, face, 200).getlength(item.text)
                    assert 0 < item.x and right < width - 8 and 0 < item.y < height, item.text


def test_issuer_and_address_are_printed():
    for _, laid, _, letter in letters():
        page = laid.texts[letter.pages[0] - 1]
        if letter.kind == "memo":
            assert squash(letter.issuer) in squash(page) and letter.address is None
        else:
            lines = page.splitlines()
            at = lines.index(letter.issuer)
            assert lines[at + 1] == letter.address


def test_pages_partition_the_bundle():
    for bp, laid in bundles():
        spans = [letter.pages for letter in laid.letters]
        assert spans[0][0] == 1 and spans[-1][1] == len(laid.pages)
        assert all(a[1] + 1 == b[0] for a, b in zip(spans, spans[1:]))
        assert all(text.strip() for text in laid.texts)


def test_later_pages_carry_page_numbers():
    for _, laid, _, letter in letters():
        first, last = letter.pages
        for k, page in enumerate(range(first + 1, last + 1), start=2):
            assert tf.to_arabic(laid.texts[page - 1].splitlines()[0]) == f"- {k} -"


def test_continuation_markers_announce_the_next_page():
    seen = 0
    for _, laid, _, letter in letters():
        first, last = letter.pages
        for page in range(first, last):
            tail = [x for x in laid.texts[page - 1].splitlines() if x.startswith("/")]
            if tail:
                seen += 1
                next_first = laid.texts[page].splitlines()[1]
                assert next_first.startswith(tail[-1][1:]), (tail, next_first)
    assert seen >= 5


def test_chains_enclose_the_letter_above():
    chains = [(bp, laid) for bp, laid in bundles() if bp.shape.startswith("chain")]
    assert len(chains) >= 10
    for _, laid in chains:
        for lower, upper in zip(laid.letters, laid.letters[1:]):
            copy = lower.enclosures[0]
            assert (copy.doc_no, copy.date, copy.urgency) == (upper.doc_no, upper.date, upper.urgency)
            assert upper.date < lower.date


def test_chain_levels_follow_department_province_district():
    for bp, laid in bundles():
        if bp.shape == "chain3":
            docs = [letter.doc_no for letter in laid.letters]
            assert re.fullmatch(r"[ก-ฮ]{2} 0023\.\d{2}/.*", docs[0])
            assert re.fullmatch(r"[ก-ฮ]{2} 0023\.\d/.*", docs[1])
            assert docs[2].startswith("มท 08") and "/ว " in docs[2]


def test_receipt_only_on_first_letter_and_after_its_date():
    received = 0
    for _, laid in bundles():
        assert all(letter.receipt is None for letter in laid.letters[1:])
        first = laid.letters[0]
        if first.receipt:
            received += 1
            assert first.receipt.date > first.date
            assert re.fullmatch(r"\d+", first.receipt.number) and re.fullmatch(r"\d\d\.\d\d", first.receipt.time)
            assert laid.texts[0].splitlines()[0] == first.receipt.office
    assert received >= N // 4


def test_receipt_office_is_an_addressee():
    for _, laid in bundles():
        first = laid.letters[0]
        if first.receipt:
            place = first.receipt.office
            for prefix in ("องค์การบริหารส่วนตำบล", "องค์การบริหารส่วนจังหวัด", "เทศบาลตำบล", "เทศบาลเมือง",
                           "อบต.", "อบจ.", "ทต.", "ทม.", "อ.", "อำเภอ"):
                place = place.removeprefix(prefix)
            assert "ทุก" in first.to or place in first.to, (first.receipt.office, first.to)


def test_relative_deadlines_count_from_receipt_else_letter_date():
    seen = 0
    for bp, laid, _, letter in letters():
        for d in (d for d in letter.deadlines if d.relative):
            seen += 1
            days = int(re.search(r"ภายใน (\d+) วัน", tf.to_arabic(d.text)).group(1))
            base = laid.letters[0].receipt.date if laid.letters[0].receipt else letter.date
            assert d.date == base + dt.timedelta(days=days)
    assert seen >= 2


def test_urgency_deadline_comes_first_with_time():
    seen = 0
    for _, _, _, letter in letters():
        assert letter.urgency in URGENCIES
        for i, d in enumerate(letter.deadlines):
            if d.source == "urgency":
                seen += 1
                assert i == 0 and letter.urgency and re.fullmatch(r"\d\d\.\d\d", d.time)
    assert seen >= 1


def test_corpus_has_the_hard_cases():
    texts = "\n".join(t for _, laid in bundles() for t in laid.texts)
    all_letters = [letter for _, _, _, letter in letters()]
    assert re.search("[๐-๙]", texts) and re.search(r"ที่ [ก-ฮ]{2} 0\d{3}", texts)  # both digit styles
    assert any(d.date < letter.date for letter in all_letters for d in letter.deadlines)  # already past
    assert re.search(r"ภายในวัน(จันทร์|อังคาร|พุธ|พฤหัสบดี|ศุกร์)ที่", texts)
    assert re.search(r"(ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|ต\.ค\.|พ\.ย\.|ธ\.ค\.)", texts)
    assert "เสนอ " in texts and "บันทึกข้อความ" in texts
    notes = " ".join(n for _, laid in bundles() for n in laid.notes)
    assert "handwritten running number" in notes and "handwritten date" in notes
    assert len({letter.doc_no.split()[0] for letter in all_letters}) >= 8  # many provinces
    assert any(letter.references and len(letter.references) > 1 for letter in all_letters)


def test_chain_deadlines_differ_between_levels():
    differing = 0
    for bp, laid in bundles():
        if bp.shape == "chain3":
            dates = [letter.deadlines[-1].date for letter in laid.letters if letter.deadlines]
            differing += len(set(dates)) > 1
    assert differing >= 3


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    paths = generate_corpus(out, 4, 5, dpis=(100,))
    return out, paths


def test_corpus_files_manifest_and_truth_schema(small_corpus):
    out, paths = small_corpus
    manifest = json.loads((out / "corpus.json").read_text(encoding="utf-8"))
    assert manifest["seed"] == 5 and manifest["n"] == 4 and len(manifest["bundles"]) == 4
    for entry, path in zip(manifest["bundles"], paths):
        truth = TruthBundle.model_validate_json(path.read_text(encoding="utf-8"))
        assert (out / entry["file"]).exists() and entry["truth"] == path.name
        assert truth.pages == entry["pages"] == len(truth.page_texts) == len(truth.rotations)
        assert all(r in (0, 90, 180, 270) for r in truth.rotations)
        assert all(not letter.warnings and not letter.confidence for letter in truth.letters)


def test_directory_lists_every_organisation_addressed(small_corpus):
    out, paths = small_corpus
    with (out / "directory.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert set(rows[0]) == {"name", "type", "district", "province", "aliases"}
    assert {r["type"] for r in rows} <= {"province", "district", "municipality", "sao", "pao"}
    names = {r["name"] for r in rows}
    for path in paths:
        for letter in TruthBundle.model_validate_json(path.read_text(encoding="utf-8")).letters:
            if letter.receipt:
                aliases = {a for r in rows for a in r["aliases"].split(";")}
                assert letter.receipt.office in names | aliases


def test_same_seed_same_bytes(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    generate_corpus(a, 2, 9, formats=("pdf", "tiff"), dpis=(100,))
    generate_corpus(b, 2, 9, formats=("pdf", "tiff"), dpis=(100,))
    files = sorted(p.name for p in a.iterdir())
    assert files == sorted(p.name for p in b.iterdir())
    for name in files:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_other_seed_other_corpus():
    assert lay_out_bundle(1, 0, "pdf", 200)[1].texts != lay_out_bundle(2, 0, "pdf", 200)[1].texts
