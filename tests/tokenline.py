"""OCR tokens of one text line, laid out left to right, for tests of the OCR
stage's second looks (datelook, memotail, memonumber, latin)."""

from __future__ import annotations

from docintake.ocr.tesseract import Token


def line_tokens(words, *, char_width: int = 30, conf: float = 70.0,
                line_box: tuple[int, int, int, int] = (100, 200, 1200, 40)) -> list[Token]:
    """Tokens for ``words`` (a text, or a (text, confidence) pair), ``char_width``
    px a character, 10 px apart, each with one character box.

    >>> [(t.text, t.box, t.start) for t in line_tokens(["ที่", ("ชม", 40.0)])]
    [('ที่', (100, 204, 90, 32), 0), ('ชม', (200, 204, 60, 32), 4)]
    """
    toks, x, pos = [], 100, 0
    for word in words:
        text, c = (word, conf) if isinstance(word, str) else word
        box = (x, 204, char_width * len(text), 32)
        toks.append(Token(text, pos, pos + len(text), box, c, 0, [box], line_box))
        x += char_width * len(text) + 10
        pos += len(text) + 1
    return toks
