"""intake.load: every input format, the text-layer check, and clerk-readable errors.

Fixtures are made here: images with Pillow, PDFs by writing their bytes
(a text PDF whose ToUnicode map yields Thai, a password-protected PDF).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from docintake.errors import EncryptedPdfError, InputFileError, UnsupportedFormatError
from docintake.intake.load import count_pages, iter_pages, load_page, sniff_format, thai_text_layer_ok

needs_poppler = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils not installed")

THAI_PAGE = "ที่ มท ๐๘๑๐.๖/ว ๒๐๖๙\nเรื่อง การขับเคลื่อนนโยบาย ๑ อปท. ๑ อัตลักษณ์ท้องถิ่น\nเรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด"


def _page(n: int, size=(400, 300)) -> Image.Image:
    img = Image.new("RGB", size, "white")
    ImageDraw.Draw(img).rectangle([20, 20, 40 + 30 * n, 60], fill="black")  # page n has a bar n long
    return img


def _pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """A PDF file from numbered object bodies (1-based), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def text_pdf(pages: list[str]) -> bytes:
    """A born-digital PDF: Helvetica glyphs, but a ToUnicode map that yields ``pages`` as text."""
    chars = sorted({c for p in pages for c in p if c != "\n"})
    code = {c: 0x21 + i for i, c in enumerate(chars)}
    cmap = "".join(f"<{code[c]:02X}> <{ord(c):04X}>\n" for c in chars)
    tounicode = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def /CMapType 2 def\n"
        f"1 begincodespacerange <00> <FF> endcodespacerange\n{len(chars)} beginbfchar\n{cmap}endbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    n = len(pages)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 4 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(tounicode) + tounicode + b"\nendstream"]
    kids = []
    for text in pages:
        lines = [b"BT /F1 12 Tf 50 %d Td <%s> Tj ET" % (750 - 20 * i, "".join(f"{code[c]:02X}" for c in line).encode())
                 for i, line in enumerate(text.split("\n"))]
        stream = b"\n".join(lines)
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                    b"/Resources << /Font << /F1 3 0 R >> >> >>" % len(objs))
        kids.append(b"%d 0 R" % len(objs))
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), n)
    return _pdf(objs)


def encrypted_pdf() -> bytes:
    """Standard security handler with a user password: poppler cannot open it without one."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>" % (b"ab" * 32, b"cd" * 32)]
    return _pdf(objs, b"/Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] ")


# ------------------------------------------------------------------ images


@pytest.mark.parametrize("suffix,fmt", [(".png", "png"), (".jpg", "jpg"), (".tif", "tiff")], ids=["png", "jpg", "tiff"])
def test_single_image_formats(tmp_path: Path, suffix: str, fmt: str):
    path = tmp_path / f"scan{suffix}"
    _page(1).save(path, dpi=(200, 200))
    assert sniff_format(path) == fmt
    pages = list(iter_pages(path))
    assert count_pages(path) == 1 and len(pages) == 1
    assert pages[0].image.size == (400, 300) and pages[0].dpi == 200 and pages[0].text_layer is None


def test_multipage_tiff_keeps_page_order(tmp_path: Path):
    path = tmp_path / "bundle.tif"
    frames = [_page(n) for n in range(1, 4)]
    frames[0].save(path, save_all=True, append_images=frames[1:], compression="tiff_deflate", dpi=(300, 300))
    pages = list(iter_pages(path))
    assert count_pages(path) == 3
    assert [p.index for p in pages] == [0, 1, 2]
    # the bar on page n ends at x = 40 + 30n: the pages come back in file order
    widths = [Image.eval(p.image.convert("L"), lambda v: 255 - v).getbbox()[2] for p in pages]
    assert widths == [71, 101, 131]
    assert load_page(path, 2).image.tobytes() == pages[2].image.tobytes()


@pytest.mark.parametrize("mode", ["RGBA", "LA", "P", "I;16", "1", "CMYK"], ids=["rgba", "la", "palette", "16bit", "bilevel", "cmyk"])
def test_odd_image_modes_become_ink_on_white(tmp_path: Path, mode: str):
    page = _page(1)
    if mode in ("RGBA", "LA"):
        ink = Image.eval(page.convert("L"), lambda v: 255 - v)
        page = Image.new(mode, page.size)  # all black: only the alpha says where the ink is
        page.putalpha(ink)
    elif mode == "I;16":
        import numpy as np

        page = Image.fromarray((np.asarray(page.convert("L"), dtype=np.uint16) * 257))
    else:
        page = page.convert(mode)
    path = tmp_path / ("scan.tif" if mode in ("I;16", "CMYK") else "scan.png")
    page.save(path)
    (loaded,) = list(iter_pages(path))
    gray = loaded.image.convert("L")
    assert loaded.image.mode in ("L", "RGB")
    assert gray.getpixel((200, 200)) > 200 and gray.getpixel((30, 40)) < 60  # paper white, bar black


def test_format_is_sniffed_not_taken_from_the_name(tmp_path: Path):
    path = tmp_path / "scan.pdf"  # a PNG with the wrong extension
    _page(1).save(path, format="PNG")
    assert sniff_format(path) == "png"
    assert len(list(iter_pages(path))) == 1


def test_missing_dpi_is_none(tmp_path: Path):
    path = tmp_path / "nodpi.png"
    _page(1).save(path)
    assert next(iter_pages(path)).dpi is None


# -------------------------------------------------------------------- PDFs


@needs_poppler
def test_scanned_pdf_is_rasterised_page_by_page(tmp_path: Path):
    path = tmp_path / "scan.pdf"
    frames = [_page(n, size=(827, 1169)) for n in (1, 2)]
    frames[0].save(path, save_all=True, append_images=frames[1:], resolution=100)
    pages = iter_pages(path, dpi=150)
    first = next(pages)  # a generator: page 2 is not rendered yet
    assert first.text_layer is None and first.dpi == 150
    assert abs(first.image.size[0] - 1240) <= 2  # 8.27 in at 150 dpi
    assert len(list(pages)) == 1 and count_pages(path) == 2


@needs_poppler
def test_pdf_with_real_thai_text_layer_skips_rasterising(tmp_path: Path):
    path = tmp_path / "digital.pdf"
    path.write_bytes(text_pdf([THAI_PAGE, "หน้าสอง " * 5]))
    pages = list(iter_pages(path))
    assert [p.image for p in pages] == [None, None]
    assert pages[0].text_layer.strip() == THAI_PAGE
    assert "หน้าสอง" in pages[1].text_layer


@needs_poppler
def test_pdf_with_broken_text_layer_falls_back_to_ocr(tmp_path: Path):
    broken = THAI_PAGE.replace("\u0e35\u0e48", "\u0e48\u0e35").replace("\u0e37\u0e48", "\u0e48\u0e37")  # tone before vowel
    broken = broken.replace("ท้", "ท\uf70b")  # a shifted tone glyph in the private-use area
    path = tmp_path / "broken.pdf"
    path.write_bytes(text_pdf([broken]))
    (page,) = list(iter_pages(path, dpi=72))
    assert page.text_layer is None and page.image is not None


@pytest.mark.parametrize(
    "text,ok,reason",
    [
        (THAI_PAGE, True, "ok"),
        ("   \n\f", False, "no text layer"),
        ("Page 1 of 3", False, "too little Thai text"),
        ("ท\uf70bอง" + THAI_PAGE, False, "private-use glyphs"),
        (THAI_PAGE.replace("\u0e35\u0e48", "\u0e48\u0e35"), False, "broken vowel order"),
        ("à¡ÒÃ¢Ñº¤Åè×è¹¹âÂºÒÂ ÊÓ¹Ñ¡§Ò¹", False, "legacy-encoded Thai (mojibake)"),
        ("\u0e34\u0e48" * 3 + THAI_PAGE, False, "broken vowel order"),
    ],
    ids=["real", "empty", "latin-only", "private-use", "tone-before-vowel", "tis620-as-latin1", "floating-marks"],
)
def test_thai_text_layer_check(text: str, ok: bool, reason: str):
    assert thai_text_layer_ok(text) == (ok, reason)


# ------------------------------------------------------------------ errors


def test_zero_byte_file(tmp_path: Path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(InputFileError, match="empty"):
        list(iter_pages(path))


def test_not_an_image(tmp_path: Path):
    path = tmp_path / "letter.jpg"
    path.write_text("สวัสดี this is a note, not a scan", encoding="utf-8")
    with pytest.raises(UnsupportedFormatError, match="PDF, JPG, PNG or TIFF"):
        count_pages(path)


def test_truncated_png(tmp_path: Path):
    good = tmp_path / "good.png"
    _page(1, size=(800, 800)).save(good)
    path = tmp_path / "cut.png"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(InputFileError, match="damaged or incomplete"):
        list(iter_pages(path))


def test_missing_file(tmp_path: Path):
    with pytest.raises(InputFileError, match="not found"):
        list(iter_pages(tmp_path / "nope.png"))


@needs_poppler
def test_encrypted_pdf(tmp_path: Path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypted_pdf())
    with pytest.raises(EncryptedPdfError, match="password"):
        list(iter_pages(path))


@needs_poppler
def test_truncated_pdf(tmp_path: Path):
    path = tmp_path / "cut.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    with pytest.raises(InputFileError, match="damaged PDF|no pages"):
        count_pages(path)
