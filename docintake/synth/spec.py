"""What a letter says, before it is placed on paper.

``compose.py`` fills a ``LetterSpec``; ``layout.py`` wraps and places it. A
``Run`` is text in one style; runs on one line are joined in the page text
by each run's ``sep`` (so a handwritten running number glued to its printed
prefix reads ``ชย ๐๐๒๓.๑๔/๑๗๐๙``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docintake.models import Letter


@dataclass
class Run:
    text: str
    style: str = "body"  # see draw.STYLES
    sep: str = " "  # joins this run to the previous one in the page text
    at_mm: float | None = None  # absolute x, else right after the previous run


@dataclass
class Field:
    """A labelled entry (เรื่อง, เรียน, อ้างถึง ๑., สิ่งที่ส่งมาด้วย) wrapped with a hanging indent."""

    label: str  # "" continues the previous label's column
    text: str
    key: str | None = None  # truth key whose text is the joined wrapped lines
    number: str = ""  # "๑." before the text of a numbered entry
    tail: str = ""  # right-aligned "จำนวน ๑ ชุด"


@dataclass
class Para:
    text: str
    indent: bool = True  # first-line indent of 2.5 cm


@dataclass
class LetterSpec:
    kind: str  # external | circular | memo
    face: str  # Laksaman, Norasi, ...
    thai: bool  # Thai digits (page numbers follow the letter)
    truth: Letter
    urgency: list[Run] = field(default_factory=list)  # red stamp lines, top left
    number: list[Run] = field(default_factory=list)  # ที่ ...
    office: list[str] = field(default_factory=list)  # letterhead lines, right
    date: list[Run] = field(default_factory=list)
    memo_unit: list[Run] = field(default_factory=list)  # ส่วนราชการ ...
    fields: list[Field] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    closing: str = ""  # ขอแสดงความนับถือ
    signer: list[str] = field(default_factory=list)  # (name), position lines
    contact: list[str] = field(default_factory=list)
    footer: str = ""  # slogan at the foot of the first page
    receipt: list[list[Run]] = field(default_factory=list)  # stamp lines, set by the bundle
    qr_caption: str = ""  # a QR code (drawn) with this caption under it, after the contact block
    continued: bool = False  # print คำต่อ at the foot of pages that continue
    notes: list[str] = field(default_factory=list)
