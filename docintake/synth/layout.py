"""Place a ``LetterSpec`` on A4 pages: positions, wrapping, page breaks.

The output is drawing instructions plus the page text. Reading order of the
page text (what ``page_texts`` in the truth holds), one drawn line per text
line: the receipt stamp box, the urgency stamp, then the letter top to
bottom (the ``ที่`` line before the letterhead on its right); a page after
the first starts with its page number ``- ๒ -``; the continuation marker
(คำต่อ, ``/๒. ให้``: the next page's first words, bottom right) and a
slogan footer come last.
Runs drawn on one line (a label and its text, a handwritten number after
its printed prefix, a right-aligned ``จำนวน ๑ ชุด``) are one text line.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from docintake.synth import fonts
from docintake.synth import thaifmt as tf
from docintake.synth.spec import Field, LetterSpec, Run
from docintake.synth.wrap import units, wrap

HAND = {"hand", "stamphand"}
LEFT, RIGHT, CENTRE, TOP, BOTTOM = 30.0, 190.0, 105.0, 15.0, 279.0  # mm
INDENT = 25.0


@dataclass
class Text:
    x: float
    y: float  # baseline, px
    text: str
    style: str


@dataclass
class Shape:
    kind: str  # emblem | scribble | dots | box
    box: tuple[float, float, float, float]
    colour: tuple[int, int, int] = fonts.INK
    seed: int = 0


@dataclass
class Line:
    text: str
    items: list[Text]


@dataclass
class PageLayout:
    lines: list[Line] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


class Layouter:
    def __init__(self, spec: LetterSpec, dpi: int, rng: random.Random):
        self.spec, self.dpi, self.rng = spec, dpi, rng
        self.mm = dpi / 25.4
        self.lh = fonts.em("body", dpi) * 1.38
        self.pages: list[PageLayout] = []
        self.wrapped: dict[str, list[str]] = {}
        self.new_page()

    # ------------------------------------------------------------ basics
    @property
    def page(self) -> PageLayout:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append(PageLayout())
        self.y = TOP * self.mm
        if len(self.pages) > 1:
            self.put([Run(f"- {tf.digits(len(self.pages), self.spec.thai)} -", "pageno")], centre=CENTRE * self.mm)
            self.y = 30 * self.mm

    def bottom(self) -> float:
        footer = 10 if self.spec.footer and len(self.pages) == 1 else 0
        return (BOTTOM - footer) * self.mm

    def ensure(self, extra: float) -> None:
        if self.y + extra > self.bottom():
            self.new_page()

    def width(self, text: str, style: str = "body") -> float:
        return fonts.style_font(style, self.spec.face, self.dpi).getlength(text)

    def runs_width(self, runs: list[Run]) -> float:
        return sum(self._span(r) + (self.width(" ") if i and " " in r.sep else 0) for i, r in enumerate(runs))

    def _span(self, run: Run) -> float:
        w = self.width(run.text, run.style)
        return max(w + 8 * self.mm, 18 * self.mm) if run.style in HAND else w

    def put(self, runs: list[Run], x: float | None = None, *, centre: float | None = None,
            right: float | None = None) -> list[tuple[Run, float, float]]:
        """Draw ``runs`` on one baseline at ``self.y``; return each run's span."""
        x = LEFT * self.mm if x is None else x
        if centre is not None:
            x = centre - self.runs_width(runs) / 2
        if right is not None:
            x = right - self.runs_width(runs)
        items, parts, spans = [], [], []
        for i, run in enumerate(runs):
            if run.at_mm is not None:
                x = max(x + self.width(" "), run.at_mm * self.mm)
            elif i and " " in run.sep:
                x += self.width(" ")
            x0 = x
            items.append(self._hand(run, x) if run.style in HAND else Text(x, self.y, run.text, run.style))
            x += self._span(run)
            parts.append((run.sep if i else "") + run.text)
            spans.append((run, x0, x))
        self.page.lines.append(Line("".join(parts), items))
        return spans

    def _hand(self, run: Run, x: float) -> Text:
        """Handwriting in blue on a grey dotted leader, a little off the line."""
        self.dots(x, x + self._span(run))
        jx = self.rng.uniform(1.5, 4) * self.mm
        jy = self.rng.uniform(-1.2, 0.3) * self.mm
        return Text(x + jx, self.y + jy, run.text, run.style)

    def dots(self, x0: float, x1: float) -> None:
        if x1 > x0:
            self.page.shapes.append(Shape("dots", (x0, self.y + 0.8 * self.mm, x1, self.y + 0.8 * self.mm), fonts.GREY))

    def wrap(self, text: str, style: str, first: float, rest: float) -> list[str]:
        return wrap(text, lambda s: self.width(s, style), first, rest)

    # ------------------------------------------------------------ header
    def receipt(self) -> None:
        """The receiving office's stamp: a box at the top right."""
        lines = self.spec.receipt
        pad, lh = 2.5 * self.mm, fonts.em("stamp", self.dpi) * 1.45
        w = max(self.runs_width(r) for r in lines) + 2 * pad
        x0, top = 200 * self.mm - w, 5 * self.mm
        self.page.shapes.append(Shape("box", (x0, top, x0 + w, top + lh * len(lines) + pad), fonts.VIOLET))
        for i, runs in enumerate(lines):
            self.y = top + pad / 2 + lh * (i + 0.85)
            if i == 0:
                self.put(runs, centre=x0 + w / 2)
            else:
                self.put(runs, x0 + pad)

    def urgency(self) -> None:
        self.y = 27 * self.mm
        room = (CENTRE - 16 - 14) * self.mm  # keep clear of the emblem
        for i, run in enumerate(self.spec.urgency):
            if i and self.width(run.text, run.style) > room:
                run.style = "redtiny"
            self.put([run], 14 * self.mm if i else 28 * self.mm)
            self.y += 9 * self.mm

    def letter_header(self) -> None:
        self.page.shapes.append(Shape("emblem", self._mmbox(CENTRE - 13, 15, CENTRE + 13, 45)))
        self.y = 55 * self.mm
        spans = self.put(self.spec.number)
        office_w = max(self.width(t) for t in self.spec.office)
        ox = min(120 * self.mm, RIGHT * self.mm - office_w)
        if ox < spans[-1][2] + 6 * self.mm:
            self.y += self.lh
        for text in self.spec.office:
            self.put([Run(text)], ox)
            self.y += self.lh
        self.y += 0.3 * self.lh
        self.put(self.spec.date, CENTRE * self.mm)
        self.y += 1.4 * self.lh
        self.fields("body")

    def memo_header(self) -> None:
        self.page.shapes.append(Shape("emblem", self._mmbox(LEFT, 12, LEFT + 13, 27)))
        self.y = 25 * self.mm
        self.put([Run("บันทึกข้อความ", "title")], centre=CENTRE * self.mm)
        self.y = 38 * self.mm
        label, unit = self.spec.memo_unit
        text_x = LEFT * self.mm + self.width(label.text, label.style) + self.width(" ")
        lines = self.wrap(unit.text, unit.style, RIGHT * self.mm - text_x, RIGHT * self.mm - text_x)
        self.wrapped["issuer"] = lines  # a long ส่วนราชการ wraps under itself
        for i, text in enumerate(lines):
            self._dotted(self.put(([label] if i == 0 else []) + [Run(text, at_mm=text_x / self.mm)]))
            self.y += 1.15 * self.lh
        self._dotted(self.put(self.spec.number + self.spec.date))
        self.y += 1.15 * self.lh
        self.fields("label")

    def _dotted(self, spans: list[tuple[Run, float, float]]) -> None:
        """Grey dots under the typed parts of a memo heading line."""
        for i, (run, x0, x1) in enumerate(spans):
            if run.style in ("label", "hand"):
                continue
            nxt = spans[i + 1][1] - 2 * self.mm if i + 1 < len(spans) else RIGHT * self.mm
            self.dots(x0, nxt)

    def _mmbox(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        return (x0 * self.mm, y0 * self.mm, x1 * self.mm, y1 * self.mm)

    # ------------------------------------------------------------ fields
    def fields(self, label_style: str) -> None:
        text_x = LEFT * self.mm
        for f in self.spec.fields:
            style = label_style if f.label in ("เรื่อง",) else "body"
            if f.label:
                text_x = LEFT * self.mm + self.width(f.label, style) + 3 * self.mm
            self.field(f, style, text_x)
            if f.label == "เรื่อง":
                self.y += 0.35 * self.lh

    def field(self, f: Field, style: str, text_x: float) -> None:
        num_w = self.width(f.number + " ") if f.number else 0
        avail = RIGHT * self.mm - text_x - num_w
        lines = self.wrap(f.text, "body", avail, avail)
        if f.key:
            self.wrapped[f.key] = lines
        for i, text in enumerate(lines):
            self.ensure(0)
            runs = [Run(text, at_mm=(text_x + num_w) / self.mm)]
            if i == 0:
                lead = ([Run(f.label, style)] if f.label else []) + ([Run(f.number, at_mm=text_x / self.mm)] if f.number else [])
                runs = lead + runs
            if i == len(lines) - 1 and f.tail:
                runs = self._tail(runs, f.tail)
            self.put(runs, text_x if i == 0 and not f.label else None)
            self.y += self.lh

    def _tail(self, runs: list[Run], tail: str) -> list[Run]:
        """``จำนวน ๑ ชุด`` right-aligned on the entry's last line, or on a line of its own."""
        end = runs[-1].at_mm * self.mm + self.width(runs[-1].text)
        tail_x = RIGHT * self.mm - self.width(tail)
        if end + 6 * self.mm <= tail_x:
            return runs + [Run(tail, at_mm=tail_x / self.mm)]
        self.put(runs)
        self.y += self.lh
        self.ensure(0)
        return [Run(tail, at_mm=tail_x / self.mm)]

    # ------------------------------------------------------------ body
    def body(self) -> None:
        self.y += 0.2 * self.lh
        full = (RIGHT - LEFT) * self.mm
        for para in self.spec.body:
            indent = INDENT * self.mm if para.indent else 0
            for i, text in enumerate(self.wrap(para.text, "body", full - indent, full)):
                self.ensure(0)
                self.put([Run(text)], LEFT * self.mm + (indent if i == 0 else 0))
                self.y += self.lh
            self.y += 0.3 * self.lh

    def signature(self) -> None:
        """Closing, a blue scribble, (name) and position, kept on one page."""
        closing = self.spec.closing
        self.ensure((3.3 + len(self.spec.signer)) * self.lh)
        centre = 125 * self.mm
        if closing:
            self.y += 0.5 * self.lh
            self.put([Run(closing)], CENTRE * self.mm)
            centre = CENTRE * self.mm + self.width(closing) / 2
        top = self.y + 0.3 * self.lh
        self.y += 2.6 * self.lh
        half = self.rng.uniform(14, 24) * self.mm
        self.page.shapes.append(Shape("scribble", (centre - half, top, centre + half, self.y - 0.4 * self.lh),
                                      fonts.BLUE, self.rng.randrange(1 << 30)))
        for text in self.spec.signer:
            self.put([Run(text)], centre=centre)
            self.y += self.lh

    def contact(self) -> None:
        if not self.spec.contact:
            return
        self.y += 0.8 * self.lh
        self.ensure(len(self.spec.contact) * self.lh)
        for text in self.spec.contact:
            self.put([Run(text)])
            self.y += self.lh

    def qr(self) -> None:
        """A QR code at the right of the page, its caption centred under it."""
        size = 24 * self.mm
        self.ensure(size + self.lh)
        x0 = (RIGHT - 30) * self.mm
        top = self.y - 0.6 * self.lh
        self.page.shapes.append(Shape("qr", (x0, top, x0 + size, top + size), fonts.INK, self.rng.randrange(1 << 30)))
        self.y = top + size + self.lh
        self.put([Run(self.spec.qr_caption)], right=RIGHT * self.mm)
        self.y += self.lh

    def continuations(self) -> None:
        """คำต่อ: the next page's first words at the foot of each page but the last."""
        pages = self.pages
        for i in range(len(pages) - 1):
            nxt = pages[i + 1].lines[1].text if len(pages[i + 1].lines) > 1 else ""
            pieces = units(nxt)
            if not pieces:
                continue
            marker = pieces[0][0]
            if len(pieces) > 1 and not any(c.isalpha() for c in marker):  # "๒." alone says nothing
                marker += (" " if pieces[1][1] else "") + pieces[1][0]
            self.pages = pages[: i + 1]
            self.y = 286 * self.mm
            self.put([Run("/" + marker)], right=RIGHT * self.mm)
        self.pages = pages

    def footer(self) -> None:
        if self.spec.footer:
            pages, self.pages = self.pages, self.pages[:1]
            self.y = 292 * self.mm
            self.put([Run(self.spec.footer, "small")], centre=CENTRE * self.mm)
            self.pages = pages


def layout(spec: LetterSpec, dpi: int, rng: random.Random) -> tuple[list[PageLayout], dict[str, list[str]]]:
    """Pages of one letter and the wrapped lines of its keyed fields."""
    lay = Layouter(spec, dpi, rng)
    if spec.receipt:
        lay.receipt()
    if spec.urgency:
        lay.urgency()
    if spec.kind == "memo":
        lay.memo_header()
    else:
        lay.letter_header()
    lay.body()
    lay.signature()
    lay.contact()
    if spec.qr_caption:
        lay.qr()
    if spec.continued:
        lay.continuations()
    lay.footer()
    return lay.pages, lay.wrapped
