"""`docintake eval --ocr-text`: the parser's loop replays recorded OCR text."""

import json

import pytest

from docintake.errors import InputFileError
from docintake.evaluate import _recorded_texts, load_corpus, run
from docintake.config import Settings


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from docintake.synth.corpus import generate_corpus

    out = tmp_path_factory.mktemp("corpus")
    generate_corpus(out, n=2, seed=11)
    return out


def _record(corpus, folder, edit=lambda pages: pages):
    folder.mkdir()
    for _, truth in load_corpus(corpus):
        stem = truth.file.rsplit(".", 1)[0]
        (folder / f"{stem}.ocr.txt").write_text("\f".join(edit(truth.page_texts)), encoding="utf-8")


def test_replaying_truth_text_scores_like_truth(corpus, tmp_path):
    _record(corpus, tmp_path / "rec")
    report = run(corpus, Settings(), ocr_text=tmp_path / "rec")
    assert report.ocr["ours"]["all"].cer == 0.0
    assert report.fields_ocr.doc_no == report.fields_truth.doc_no == 1.0
    assert "stock" not in report.ocr and any("replayed" in n for n in report.notes)


def test_replayed_noise_is_scored(corpus, tmp_path):
    _record(corpus, tmp_path / "rec", lambda pages: [p.replace("๐", "") for p in pages])
    report = run(corpus, Settings(), ocr_text=tmp_path / "rec")
    assert report.ocr["ours"]["all"].cer > 0
    assert report.fields_ocr.doc_no < 1.0


def test_a_missing_recording_says_how_to_make_it(corpus, tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputFileError, match="without --ocr-text"):
        _recorded_texts(load_corpus(corpus), tmp_path / "empty")
