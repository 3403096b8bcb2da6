"""ocr_file: the stage over a whole file: page order through the pool, text layers,
per-page failures, missing dependencies, the record each page carries."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from docintake.config import Settings
from docintake.errors import MissingDependencyError, OcrError
from docintake.models import OcrResult, PageText
from docintake.ocr import ocr_file, tesseract
from test_load import text_pdf

FONT = "/usr/share/fonts/truetype/tlwg/Laksaman.ttf"
# One phrase per page; KEYS are parts of them without tone marks, which
# Tesseract's Thai model sometimes drops (that is the text stage's business).
PAGES = ["ขอแสดงความนับถือ", "สำเนาหนังสือจังหวัดชัยภูมิ", "กรมส่งเสริมการปกครองท้องถิ่น"]
KEYS = ["ความนับถือ", "หนังสือจังหวัด", "การปกครอง"]


def _page(text: str, dpi: int = 200) -> Image.Image:
    """A third of an A4 page: the phrase between two ordinary lines."""
    px = round(16 * dpi / 72)
    img = Image.new("RGB", (int(8.27 * dpi), int(3.9 * dpi)), "white")
    font = ImageFont.truetype(FONT, px, layout_engine=ImageFont.Layout.RAQM)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(["เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด", text, "จึงเรียนมาเพื่อโปรดพิจารณา"]):
        draw.text((dpi, dpi // 2 + i * 1.6 * px), line, font=font, fill="black")
    return img


@pytest.fixture(scope="module")
def tiff(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("ocr") / "bundle.tif"
    frames = [_page(t) for t in PAGES]
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(200, 200), compression="tiff_deflate")
    return path


@pytest.mark.tesseract
def test_pages_come_back_in_order_through_two_workers(tiff: Path):
    two = ocr_file(tiff, Settings(jobs=2))
    assert [p.index for p in two.pages] == [0, 1, 2]
    for page, key in zip(two.pages, KEYS):
        assert key in page.text.replace(" ", "")
        assert page.path == "ocr" and page.engine.startswith("tesseract") and page.seconds > 0
        assert "digits" in page.models and "tesseract-tha" in page.models
    one = ocr_file(tiff, Settings(jobs=1))
    assert [p.text for p in one.pages] == [p.text for p in two.pages]


@pytest.mark.tesseract
def test_result_round_trips_through_json(tiff: Path):
    result = ocr_file(tiff, Settings(jobs=1))
    again = OcrResult.model_validate_json(result.model_dump_json())
    assert again == result and again.text.count("\f") == 2


def test_text_layer_pages_are_not_ocred(tmp_path: Path):
    path = tmp_path / "digital.pdf"
    text = "ที่ มท ๐๘๑๐.๖/ว ๒๐๖๙\nเรื่อง การขับเคลื่อนนโยบาย ๑ อปท. ๑ อัตลักษณ์ท้องถิ่น"
    path.write_bytes(text_pdf([text]))

    class NoOcr:
        def read_page(self, page):
            assert page.image is None, "a page with a real text layer must not be rasterised"
            from docintake.ocr.engine import text_layer_page

            return text_layer_page(page)

    (page,) = ocr_file(path, Settings(jobs=1), engine=NoOcr()).pages
    assert page.path == "text-layer" and "๐๘๑๐.๖/ว ๒๐๖๙" in page.text


def test_a_page_that_fails_becomes_an_empty_page_with_a_warning(tiff: Path):
    class Flaky:
        def read_page(self, page):
            if page.index == 1:
                raise OcrError("Tesseract failed on this page")
            return PageText(index=page.index, text=f"page {page.index}")

    result = ocr_file(tiff, Settings(jobs=1), engine=Flaky())
    assert [p.text for p in result.pages] == ["page 0", "", "page 2"]
    assert result.pages[1].warnings == ["Tesseract failed on this page"]


def test_missing_language_names_the_package(monkeypatch):
    monkeypatch.setattr(tesseract, "tesseract_info", lambda: ("tesseract 5.3.0", Path("/x"), ("eng", "osd")))
    with pytest.raises(MissingDependencyError, match="tesseract-ocr-tha"):
        tesseract.check_languages("tha+eng")


def test_missing_tesseract_names_the_package(monkeypatch):
    import subprocess

    def absent(*args, **kwargs):
        raise FileNotFoundError("tesseract")

    tesseract.tesseract_info.cache_clear()
    monkeypatch.setattr(subprocess, "run", absent)
    try:
        with pytest.raises(MissingDependencyError, match="apt install tesseract-ocr"):
            tesseract.tesseract_info()
    finally:
        tesseract.tesseract_info.cache_clear()
