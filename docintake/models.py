"""The contract between stages: pydantic models that round-trip through JSON.

Every stage's output is one of these, so any stage can be re-run from the
previous one's JSON. ``ParseResult`` is what ``docintake parse --json`` prints;
the synthetic corpus writes its ground truth with the same field names.

Dates are ISO ``YYYY-MM-DD`` (Gregorian) in JSON; document numbers are in the
canonical form ``มท 0810.6/ว 2069`` (Arabic digits, single spaces). A field that
was not read is ``None``, never invented.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

LetterKind = Literal["external", "circular", "memo"]
Urgency = Literal["ด่วนที่สุด", "ด่วนมาก", "ด่วน"]
PagePath = Literal["text-layer", "ocr", "text"]

URGENCY_LEVELS: tuple[str, ...] = ("ด่วนที่สุด", "ด่วนมาก", "ด่วน")


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------- OCR


class Word(Model):
    """One word as the OCR engine read it, with where it stands on the page."""

    text: str
    box: tuple[int, int, int, int]  # left, top, width, height in page pixels
    conf: float  # 0..100, as Tesseract reports it
    line: int = 0  # running line number on the page
    corrected_from: str | None = None  # the engine's own reading, when we changed it
    reason: str | None = None  # why we changed it (e.g. "digit classifier p=0.998")


class TextRepair(Model):
    """A stretch of page text we changed after the engine read it, and why."""

    before: str
    after: str
    reason: str


class PageText(Model):
    """The text of one page and how it was obtained."""

    index: int  # 0-based page number in the file
    text: str  # normalised text (what the parser reads)
    raw_text: str = ""  # the engine's output before our corrections
    words: list[Word] = Field(default_factory=list)
    mean_conf: float | None = None
    path: PagePath = "ocr"
    engine: str | None = None  # e.g. "tesseract 5.3.0 tha+eng"
    models: dict[str, str] = Field(default_factory=dict)  # model name -> version/hash
    rotation: int = 0  # degrees the page was turned before OCR
    seconds: float = 0.0
    warnings: list[str] = Field(default_factory=list)
    repairs: list[TextRepair] = Field(default_factory=list)  # text-level fixes (tone marks put back)


class OcrResult(Model):
    file: str
    pages: list[PageText]

    @property
    def text(self) -> str:
        """Pages joined by form feeds, like a sidecar text file."""
        return "\f".join(p.text for p in self.pages)


# ------------------------------------------------------------------- parse


class ParseWarning(Model):
    """Something the parser noticed and a clerk may want to check."""

    code: str  # e.g. "deadline_before_letter", "weekday_mismatch", "unreadable"
    field: str | None = None
    message: str


class Reference(Model):
    """One อ้างถึง entry: a letter this letter refers to."""

    doc_no: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    urgency: Urgency | None = None
    text: str | None = None  # the line as read


class Enclosure(Model):
    """One สิ่งที่ส่งมาด้วย entry; doc_no/date when it is a copy of a letter."""

    text: str
    doc_no: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    urgency: Urgency | None = None
    count: str | None = None  # "1 ชุด", "2 ฉบับ"


class Deadline(Model):
    date: dt.date | None = None
    text: str  # the sentence it came from
    relative: bool = False  # "ภายใน 7 วัน นับแต่ได้รับ": resolved against receipt/letter date
    time: str | None = None  # "16.30" for ด่วนภายใน ... เวลา
    source: Literal["body", "urgency"] = "body"
    # Appended: when ``date`` is None, the dates the text still allows (a day
    # read but its month lost, a relative one whose base or unit is unread),
    # earliest first; empty when nothing narrows it.
    readings: list[dt.date] = Field(default_factory=list)


class ReceiptStamp(Model):
    """ตรารับ: added by the receiving office, top right of the first page."""

    office: str | None = None
    number: str | None = None  # เลขรับ
    date: dt.date | None = None
    time: str | None = None
    # Appended: when ``date`` is None, the dates its day allows in the weeks
    # after the letter's date (the month unreadable); never a choice among them.
    readings: list[dt.date] = Field(default_factory=list)


class Signatory(Model):
    name: str | None = None
    position: str | None = None


class Contact(Model):
    unit: str | None = None
    phone: str | None = None
    fax: str | None = None
    email: str | None = None


class PartialDocNo(Model):
    """A letter's own number read but for its prefix (a memo's handwritten
    ``au ๗๙๒๒๙/๖๔๙``): what the registry needs to complete it or leave it."""

    rest: str  # "79229/649": the code and running number, canonical
    misread: str = ""  # the prefix as OCR printed it ("UN"); "" when lost with the ที่ label
    shapes: list[str] = Field(default_factory=list)  # province prefixes the misread one's letters could be
    districts: list[str] = Field(default_factory=list)  # the text after each อำเภอ the letter names


class Letter(Model):
    kind: LetterKind = "external"
    pages: tuple[int, int] = (1, 1)  # 1-based first and last page in the file
    doc_no: str | None = None
    date: dt.date | None = None
    urgency: Urgency | None = None
    issuer: str | None = None
    address: str | None = None
    subject: str | None = None
    to: str | None = None
    references: list[Reference] = Field(default_factory=list)
    enclosures: list[Enclosure] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    directives: list[str] = Field(default_factory=list)
    signatory: Signatory | None = None
    contact: Contact | None = None
    receipt: ReceiptStamp | None = None
    hashtags: list[str] = Field(default_factory=list)
    urls: list[str] = Field(default_factory=list)
    warnings: list[ParseWarning] = Field(default_factory=list)
    confidence: dict[str, float] = Field(default_factory=dict)
    # Only when doc_no is None for its prefix alone (appended to the contract).
    doc_no_partial: PartialDocNo | None = None
    # Appended: deadlines the text states whose date was not read (``readings``
    # name what they can be); ``deadlines`` holds the dated ones.
    unread_deadlines: list[Deadline] = Field(default_factory=list)


class ParseResult(Model):
    """What ``docintake parse --json`` prints."""

    file: str
    pages: int
    letters: list[Letter] = Field(default_factory=list)


# -------------------------------------------------------------- ground truth


class TruthBundle(Model):
    """Ground truth the synthetic corpus writes beside each rendered scan.

    ``letters`` uses the parse contract's field names, so evaluation compares
    like with like; ``page_texts`` is the exact text of every page (for CER).
    """

    file: str  # scan file name, relative to the corpus folder
    format: Literal["pdf", "tiff", "jpg", "png", "txt"]
    dpi: int
    seed: int
    pages: int
    page_texts: list[str]
    letters: list[Letter]
    rotations: list[int] = Field(default_factory=list)  # per page, degrees applied
    notes: list[str] = Field(default_factory=list)  # e.g. "handwritten running number"
