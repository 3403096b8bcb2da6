"""Bad input gets a clear error (issue 6): the cases not covered by the loader's own tests."""

import struct
import warnings
import zlib

import pytest
from PIL import Image

from docintake.errors import InputFileError
from docintake.intake import load


def _png_header_only_bomb(path, width, height):
    """A 1-bit PNG of the given size whose rows are all zero: a few hundred KB on disk."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    body = zlib.compress(row * height, 9)
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b""))


@pytest.mark.parametrize(
    ("width", "height"),
    [(30000, 30000), (20000, 16000)],
    ids=["30000x30000-beyond-pillow-error", "20000x16000-in-pillow-warning-band"],
)
def test_decompression_bomb_is_refused_before_decoding(tmp_path, width, height):
    """Refused with our message alone: Pillow's own warning would say it twice, in its terms."""
    bomb = tmp_path / "bomb.png"
    _png_header_only_bomb(bomb, width, height)
    with warnings.catch_warnings(), pytest.raises(InputFileError, match="too large for a page scan"):
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        list(load.iter_pages(bomb))


def test_a3_at_600_dpi_is_still_a_page(tmp_path):
    page = tmp_path / "a3.png"
    Image.new("1", (7016, 9921), 1).save(page)
    (loaded,) = list(load.iter_pages(page))
    assert loaded.image.size == (7016, 9921)


def test_200_page_pdf_is_rendered_one_page_at_a_time(tmp_path, monkeypatch):
    """Bounded memory: pages come out of a generator, each rendered only when asked for."""
    pdf = tmp_path / "long.pdf"
    pages = [Image.new("L", (100, 140), 255) for _ in range(200)]
    pages[0].save(pdf, save_all=True, append_images=pages[1:], resolution=20)
    assert load.count_pages(pdf) == 200

    rendered = []
    real = load.rasterise_pdf_page

    def counting(path, page_no, dpi):
        rendered.append(page_no)
        return real(path, page_no, dpi)

    monkeypatch.setattr(load, "rasterise_pdf_page", counting)
    stream = load.iter_pages(pdf, dpi=20)
    first = next(stream)
    assert first.index == 0 and rendered == [1]
    for _ in range(4):
        next(stream)
    assert rendered == [1, 2, 3, 4, 5]


def _encrypted_pdf(path):
    """A one-page PDF under the standard security handler whose user password is not
    empty (its /U entry matches no password), as poppler sees a protected scan."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    file_id = "<00112233445566778899aabbccddeeff>"
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Encrypt 4 0 R /ID [{file_id} {file_id}] >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    path.write_bytes(out)


def test_password_protected_pdf_says_so(tmp_path):
    from docintake.errors import EncryptedPdfError

    pdf = tmp_path / "protected.pdf"
    _encrypted_pdf(pdf)
    with pytest.raises(EncryptedPdfError, match="password"):
        list(load.iter_pages(pdf))
