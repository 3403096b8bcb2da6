"""ocr.engine and ocr.tesseract: the replay fake, TSV/TXT alignment, one real Tesseract page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from docintake.config import Settings
from docintake.intake.load import LoadedPage
from docintake.ocr import ocr_file
from docintake.ocr.engine import ReplayEngine, TesseractEngine, stock_ocr
from docintake.ocr.tesseract import tokens

FONT = "/usr/share/fonts/truetype/tlwg/Laksaman.ttf"
SEED = Path(__file__).parent / "fixtures" / "seed_bundle.txt"


def render_lines(lines: list[str], dpi: int = 300, pt: int = 16) -> Image.Image:
    font = ImageFont.truetype(FONT, round(pt * dpi / 72), layout_engine=ImageFont.Layout.RAQM)
    step = round(pt * dpi / 72 * 1.6)
    img = Image.new("RGB", (int(6.5 * dpi), step * (len(lines) + 1)), "white")
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((dpi // 3, step // 2 + i * step), line, font=font, fill="black")
    return img


# ---------------------------------------------------------------- replay


def test_replay_list_of_pages():
    engine = ReplayEngine(["ส\u0e4d\u0e32เนา  หนังสือ", "หน้า ๒"])
    page = engine.read_page(LoadedPage(0, None, None, None))
    assert page.text == "สำเนา หนังสือ"  # cleaned like real OCR output
    assert page.raw_text == "ส\u0e4d\u0e32เนา  หนังสือ"
    assert page.engine == "replay"


def test_replay_mapping_by_stem_and_form_feeds(tmp_path: Path):
    engine = ReplayEngine({"bundle": "หน้าหนึ่ง\fหน้าสอง\fหน้าสาม"})
    result = ocr_file(tmp_path / "bundle.pdf", Settings(jobs=1), engine=engine)  # the file need not exist
    assert [p.text for p in result.pages] == ["หน้าหนึ่ง", "หน้าสอง", "หน้าสาม"]
    assert [p.index for p in result.pages] == [0, 1, 2]
    assert result.text == "หน้าหนึ่ง\fหน้าสอง\fหน้าสาม"


def test_replay_unknown_file_is_an_error():
    with pytest.raises(KeyError):
        ReplayEngine({"a.pdf": ["x"]}).read_file("b.pdf")


def test_replay_from_sidecars_seed():
    engine = ReplayEngine.from_sidecars([SEED])
    result = engine.read_file(Path("/scans") / (SEED.stem + ".pdf"))
    assert len(result.pages) == SEED.read_text("utf-8").count("\f") + 1
    assert "ที่ ชย ๐๐๒๓.๑๔/๑๗๐๙" in result.pages[0].text


def test_text_sidecar_input_is_read_as_text(tmp_path: Path):
    path = tmp_path / "bundle.txt"
    path.write_text("หน้าหนึ่ง\fหน้าสอง", encoding="utf-8")
    result = ocr_file(path, Settings(jobs=2))
    assert [p.path for p in result.pages] == ["text", "text"]
    assert result.pages[1].text == "หน้าสอง"


# ------------------------------------------------------- TSV/TXT alignment

TSV_HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"


def _row(block, line, left, text, conf=90.0, top=10):
    return f"5\t1\t{block}\t1\t{line}\t1\t{left}\t{top}\t10\t20\t{conf}\t{text}\n"


def test_tokens_merge_thai_character_rows_into_words():
    # Tesseract's TSV has one row per Thai character; the TXT has the real word spacing.
    tsv = TSV_HEAD + "".join(_row(1, 1, 10 * i, c, conf=80 + i) for i, c in enumerate("ที่ชย")) + _row(1, 2, 0, "๐๐๒๓.๑๔", top=50)
    txt = "ที่ ชย\n๐๐๒๓.๑๔\n\f"
    toks = tokens(tsv, txt)
    assert [t.text for t in toks] == ["ที่", "ชย", "๐๐๒๓.๑๔"]
    # ท ี ่ are rows 0-2 (left 0..20, width 10); ช ย rows 3-4
    assert toks[0].box == (0, 10, 30, 20) and toks[1].box == (30, 10, 20, 20)
    assert toks[0].conf == pytest.approx(81.0) and [t.line for t in toks] == [0, 0, 1]
    assert txt[toks[2].start : toks[2].end] == "๐๐๒๓.๑๔"


# ---------------------------------------------------------------- tesseract


@pytest.mark.tesseract
def test_tesseract_engine_reads_a_rendered_page():
    img = render_lines(["เรื่อง การขับเคลื่อนนโยบาย", "เรียน ผู้ว่าราชการจังหวัด Google Sheet"])
    engine = TesseractEngine(Settings(jobs=1), digits=False)
    page = engine.read_page(LoadedPage(0, img, None, 300))
    assert "เรียน" in page.text and "Google Sheet" in page.text
    assert page.path == "ocr" and page.engine.startswith("tesseract") and "tesseract-tha" in page.models
    assert page.mean_conf > 60 and page.seconds > 0
    word = next(w for w in page.words if w.text == "Google")
    left, top, width, height = word.box
    assert top > img.height / 2 and 0 < width < img.width / 2  # on the second line, not the whole page
    assert "\u0e4d\u0e32" not in page.text  # sara am cleaned


@pytest.mark.tesseract
def test_stock_ocr_is_plain_tesseract():
    img = render_lines(["เรียน ผู้ว่าราชการจังหวัด"])
    assert "เรียน" in stock_ocr(img, dpi=300)


@pytest.mark.tesseract
def test_missing_digit_model_is_a_warning_not_a_crash(tmp_path: Path):
    engine = TesseractEngine(Settings(jobs=1, models_dir=tmp_path))
    page = engine.read_page(LoadedPage(0, render_lines(["เรียน ผู้ว่าราชการจังหวัด"]), None, 300))
    assert "make models" in page.warnings[0] and "digits" not in page.models


def test_fixes_are_applied_to_text_and_words():
    from types import SimpleNamespace

    from docintake.ocr.digits import Fix
    from docintake.ocr.tesseract import Token

    txt = "ที่ มท ๐๕๑๐.๕/ว ๒๐๒๕\nจัดตั้ง\n"
    spans = [m.span() for m in re.finditer(r"\S+", txt)]
    toks = [Token(txt[a:b], a, b, (10 * a, 0, 10 * (b - a), 20), 90.0, int(a > txt.index("\n")), []) for a, b in spans]

    class FakeDigits:
        def correct(self, toks, page, scale):
            return {
                2: Fix("๐๘๑๐.๖/ว", "digit classifier p=0.990"),
                3: Fix("๒๐๖๙", "digit classifier p=0.980", join_left=True),
                4: Fix("จัดตั้ง", "unchanged", before=(("๑.", (200, 40, 30, 20)),)),
            }

    engine = TesseractEngine.__new__(TesseractEngine)
    engine.digits = FakeDigits()
    words, text, dropped = engine._words_and_text(toks, txt, SimpleNamespace(image=None, upright=None, scale=1.0))
    assert text == "ที่ มท ๐๘๑๐.๖/ว๒๐๖๙\n๑. จัดตั้ง\n" and dropped == []
    assert [w.text for w in words] == ["ที่", "มท", "๐๘๑๐.๖/ว", "๒๐๖๙", "๑.", "จัดตั้ง"]
    assert words[2].corrected_from == "๐๕๑๐.๕/ว" and words[2].reason == "digit classifier p=0.990"
    assert words[4].reason == "digit classifier: missed by Tesseract" and words[5].corrected_from is None


JUNK = [
    # (id, the lines' tokens as (text, box height), which lines are dropped)
    ("specks-under-a-paragraph", [[("จึงเรียนมาเพื่อโปรดทราบ", 40)], [("aA", 8), ("a", 7), ("v", 6), ("1", 9)]], [1]),
    ("emblem-at-the-top", [[("SD.", 75)], [("ที่", 40), ("มท", 40), ("๐๘๑๐.๖/ว", 38)]], [0]),
    ("page-number-kept", [[("-", 3), ("๒", 20), ("-", 3)], [("กองคลัง", 40)], [("ด้วย", 38)]], []),
    ("urgency-stamp-kept", [[("ด่วนที่สุด", 80)], [("เรื่อง", 40), ("ขอเชิญ", 40)]], []),
]


@pytest.mark.parametrize("lines, dropped", [c[1:] for c in JUNK], ids=[c[0] for c in JUNK])
def test_lines_of_specks_or_pictures_are_dropped_with_their_reason(lines, dropped):
    from types import SimpleNamespace

    from docintake.ocr.tesseract import Token

    body = [[("ตามที่", 40), ("กระทรวงมหาดไทย", 42), ("ได้แจ้ง", 40)]] * 3  # a page is mostly body text
    lines, dropped = body + lines, [n + len(body) for n in dropped]
    toks, txt = [], ""
    for n, line in enumerate(lines):
        for text, h in line:
            toks.append(Token(text, len(txt), len(txt) + len(text), (10 * len(txt), 50 * n, 10 * len(text), h), 80.0, n, []))
            txt += text + " "
        txt = txt[:-1] + "\n"

    class NoDigits:
        def correct(self, toks, page, scale):
            return {}

    engine = TesseractEngine.__new__(TesseractEngine)
    engine.digits = NoDigits()
    words, text, repairs = engine._words_and_text(toks, txt, SimpleNamespace(image=None, upright=None, scale=1.0))
    kept = [n for n, line in enumerate(text.split("\n")[:-1]) if line.strip()]
    assert kept == [n for n in range(len(lines)) if n not in dropped]
    assert len(repairs) == len(dropped) and all(r.after == "" and r.reason for r in repairs)


def test_a_memos_prefix_read_again_reaches_the_text_with_its_repair(monkeypatch):
    """The prefix look (``ocr.prefixlook``) runs after the digits, on their text;
    its fix is in the page text and among the repairs."""
    from types import SimpleNamespace

    import numpy as np

    from docintake.ocr import monthlook, prefixlook
    from docintake.ocr.digits import Fix
    from docintake.ocr.tesseract import Token

    txt = "UN ๓๓๑๓๓/ ๕๕๕\n"
    spans = [m.span() for m in re.finditer(r"\S+", txt)]
    boxes = [(100, 200, 60, 32), (170, 200, 180, 32), (360, 200, 90, 32)]  # 10 px apart
    toks = [Token(txt[a:b], a, b, box, 70.0, 0, []) for (a, b), box in zip(spans, boxes)]

    class FakeDigits:
        def correct(self, toks, page, scale):
            return {1: Fix("๗๓๑๓๘/", "digit classifier p=0.990"), 2: Fix("๘๕๘", "digit classifier p=0.990")}

    page = np.full((400, 1400), 255, np.uint8)
    page[205:230, 100:160] = 0  # the handwritten prefix's ink
    monkeypatch.setattr(prefixlook, "reader", lambda timeout=30: lambda img, psm: "นม")
    monkeypatch.setattr(monthlook, "reader", lambda timeout=30: lambda img, psm: "")
    engine = TesseractEngine.__new__(TesseractEngine)
    engine.digits, engine._thai_model = FakeDigits(), True
    engine.settings = SimpleNamespace(ocr_timeout=30)
    prep = SimpleNamespace(image=page, upright=page, scale=1.0)
    words, text, repairs = engine._words_and_text(toks, txt, prep)
    assert text == "นม ๗๓๑๓๘/ ๘๕๘\n"
    assert [(r.before, r.after) for r in repairs] == [("UN", "นม")]
    assert words[0].corrected_from == "UN" and "3 of 3 readings give นม" in words[0].reason
