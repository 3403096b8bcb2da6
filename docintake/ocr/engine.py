"""Recognition behind one small interface: ``read_page(LoadedPage) -> PageText``.

``TesseractEngine`` is the whole stage for one page (image stage, Tesseract
tha+eng with word boxes, our Thai-digit recogniser, text cleaning);
``ReplayEngine`` hands back recorded text so parser and registry tests run
without Tesseract; ``stock_ocr`` is bare ``tesseract -l tha+eng``, the
baseline every figure is compared with.
"""

from __future__ import annotations

import os

import cv2
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from docintake.config import Settings
from docintake.intake.load import LoadedPage
from docintake.models import OcrResult, PageText, TextRepair, Word
from docintake.ocr import (datelook, dayleft, deadlook, framed, fullmonth, ghosts, headstrays, latin, latinnumber,
                           memomonth, memonumber, memotail, missed, monthglue, monthlook, prefixlook, relcount, sideline,
                           tesseract, urgencylook)
from docintake.ocr.digits import Fix
from docintake.ocr.junk import is_debris, junk_reason, marks_apart
from docintake.ocr.numbers import read_numeric_blob
from docintake.ocr.preprocess import prepare
from docintake.ocr import runtail  # apart from the shared import above, which every second look edits
from docintake.ocr import numline
from docintake.text.normalize import clean_ocr_text
from docintake.text.tones import restore_tones_with_repairs


def restore_tones(text: str) -> tuple[str, list[TextRepair]]:
    """Put back the tone marks Tesseract dropped; each change is kept with its reason."""
    fixed, found = restore_tones_with_repairs(text)
    return fixed, [
        TextRepair(before=r.before, after=r.after, reason=f"tone marks put back: {r.gain:.1f} nats more likely as Thai")
        for r in found
    ]


class OcrEngine(Protocol):
    def read_page(self, page: LoadedPage) -> PageText: ...


def text_layer_page(page: LoadedPage) -> PageText:
    """A page whose PDF text layer was good enough to skip OCR."""
    raw = page.text_layer or ""
    return PageText(index=page.index, text=clean_ocr_text(raw), raw_text=raw, path="text-layer", engine="pdftotext")


class TesseractEngine:
    """The full OCR stage for one page; build one per process and reuse it."""

    def __init__(self, settings: Settings, *, digits: bool = True, threads: int = 1):
        self.settings = settings
        # Tesseract's OpenMP threads and OpenCV's own thread pool fight the process
        # pool for the same cores: one engine uses one core, the pool adds the rest.
        os.environ["OMP_THREAD_LIMIT"] = str(threads)
        cv2.setNumThreads(threads)
        tesseract.check_languages(settings.langs)
        version, _, _ = tesseract.tesseract_info()
        self.engine_name = f"{version} {settings.langs}"
        self.models = dict(tesseract.model_versions(settings.langs))
        self.digits = None
        self._thai_model = "tha" in settings.langs.split("+")  # the second looks read with it alone
        self.warnings: list[str] = []
        if digits:
            from docintake.ocr.digits import load_digit_model

            self.digits = load_digit_model(settings.models_dir)
            if self.digits is not None:
                self.models["digits"] = self.digits.version
            else:
                self.warnings.append(
                    f"Thai digit model not found in {settings.models_dir}: numbers with ๔ ๖ ๗ ๘ ๙ will be "
                    "misread. Rebuild it with `make models`."
                )

    def read_page(self, page: LoadedPage) -> PageText:
        if page.image is None:
            return text_layer_page(page)
        started = time.perf_counter()
        prep = prepare(page.image, page.dpi)
        toks, txt = self._tokens(prep)
        thai = latin.thai_reader(self.settings.langs, prep.dpi, self.digits, self.settings.ocr_timeout)
        latin_fixes = latin.reread(prep.image, toks, thai) if thai else {}  # Thai words read as Latin
        latin_fixes.update(self._urgency(prep, toks))
        words, text, dropped = self._words_and_text(toks, txt, prep, latin_fixes)
        placed = self._missed_lines(prep, toks, txt, words)
        lines = text.split("\n")
        dropped += [TextRepair(before=lines[n], after="", reason=RUN_TOGETHER_REASON)
                    for n, line, _ in placed if line is None and 0 <= n < len(lines)]
        joins, rejoined = self._split_lines(toks, txt, lines, placed)
        placed, dropped = placed + joins, dropped + rejoined
        text, repairs = restore_tones(clean_ocr_text(missed.insert_lines(text, placed)))
        repairs = dropped + repairs
        confs = [w.conf for w in words if w.conf >= 0]
        return PageText(
            index=page.index,
            text=text,
            repairs=repairs,
            raw_text=txt,
            words=words,
            mean_conf=round(sum(confs) / len(confs), 2) if confs else None,
            path="ocr",
            engine=self.engine_name,
            models=self.models,
            rotation=prep.rotation,
            seconds=round(time.perf_counter() - started, 3),
            warnings=list(self.warnings),
        )

    def _tokens(self, prep) -> tuple[list[tesseract.Token], str]:
        """Tesseract's tokens and text of the page; a framed receipt stamp (``ocr.framed``)
        is read alone and comes first, as its box is the page's top right."""
        tsv, txt = tesseract.run_tesseract(prep.image, langs=self.settings.langs, dpi=prep.dpi,
                                           timeout=self.settings.ocr_timeout)
        toks = tesseract.tokens(tsv, txt)
        stamp = framed.find_stamp(prep.image)
        if stamp is None:
            return toks, txt
        # The page is read whole (blanked, the stamp leaves the red urgency word alone
        # on its band, and Tesseract's layout may pass it over as a picture); what
        # it read inside the stamp's box gives way to the stamp read alone.
        _, crop, where = framed.split(prep.image, stamp)
        toks, txt = framed.outside(toks, txt, stamp)
        tsv, head = tesseract.run_tesseract(crop, langs=self.settings.langs, dpi=prep.dpi, psm=6,
                                            timeout=self.settings.ocr_timeout)
        head = head.strip("\n") + "\n\n" if head.strip() else ""
        stamp_toks = framed.shift(tesseract.tokens(tsv, head), where)
        lines = max((t.line for t in stamp_toks), default=-1) + 1
        return stamp_toks + framed.shift(toks, [(0, 0, 0)], chars=len(head), lines=lines), head + txt

    def _missed_lines(self, prep, toks, txt: str, words: list[Word]) -> list[tuple[int, str | None, bool]]:
        """Lines Tesseract's layout skipped (``ocr.missed``), read in one more run: (line above, text)."""
        merged = missed.run_together(toks, txt)
        line_of = missed.text_line_of(txt)
        boxes = {line_of(t.start): t.line_box for t in toks if line_of(t.start) in merged}
        kept = [t for t in toks if line_of(t.start) not in merged]
        found = missed.find_missed(prep.image, kept, txt) + missed.find_garbled(toks, txt)
        placed: list[tuple[int, str | None, bool]] = [(n, None, True) for n in sorted(merged)
                                                      if missed.read_again(boxes[n], found)]
        if self.digits is not None:  # numbers alone (page numbers, stamp times): our classifier reads them
            for m in list(found):
                box = tuple(int(round(v / prep.scale)) for v in m.box)
                text = read_numeric_blob(self.digits, prep.upright, box)
                if text is not None:
                    words.append(Word(text=text, box=box, conf=-1, reason="a number Tesseract's layout left out, read by the digit classifier"))
                    placed.append((m.after_line, text, m.replaces))
                    found.remove(m)
        found = [m for m in found if not m.numeric]  # too small a blob for Tesseract to read
        if not found:
            return placed
        strip, tops = missed.stack(prep.image, [m.box for m in found], missed.line_height(toks))
        tsv, strip_txt = tesseract.run_tesseract(
            strip, langs=self.settings.langs, dpi=prep.dpi, psm=6, timeout=self.settings.ocr_timeout
        )
        strip_toks = tesseract.tokens(tsv, strip_txt)
        fixes = self.digits.correct(strip_toks, strip, 1.0, every=True) if self.digits is not None else {}
        for i, fix in fixes.items():
            strip_toks[i].text = fix.text
        for m, (text, conf) in zip(found, missed.lines_of_strip(strip_toks, tops)):
            if text:
                box = tuple(int(round(v / prep.scale)) for v in m.box)
                why = "a big line Tesseract read as Latin junk" if m.replaces else "a line Tesseract's layout left out"
                words.append(Word(text=text, box=box, conf=round(conf, 2), reason=f"{why}, read again"))
                placed.append((m.after_line, text, m.replaces))
        return placed

    @staticmethod
    def _split_lines(toks, txt: str, lines: list[str], placed) -> tuple[list, list[TextRepair]]:
        """Printed lines whose right part Tesseract's layout printed later, joined again
        (``ocr.sideline``), lines the missed-line look replaces left alone; with the repairs."""
        replaced = {n for n, _, replaces in placed if replaces}
        parts = {m: ns for m, ns in sideline.continuations(toks, txt).items() if not {m, *ns} & replaced}
        joins = sideline.joined(lines, parts)
        return joins, [TextRepair(before=" | ".join(t for t in (lines[k] for k in [m, *parts[m]]) if t.strip()),
                                  after=text, reason=sideline.REASON) for m, text, _ in joins if text is not None]

    def _urgency(self, prep, toks) -> dict[int, Fix]:
        """A big urgency word Tesseract cut after ด่วน, or read as junk, read again (``ocr.urgencylook``)."""
        if not self._thai_model:
            return {}
        return urgencylook.second_look(prep.image, toks, urgencylook.reader(prep.dpi, self.settings.ocr_timeout))

    def _months(self, prep, toks, fixes: dict[int, Fix]) -> dict[int, Fix]:
        """Handwritten months between a day and a year read again (``ocr.monthlook``)."""
        # an engine built bare (tests) has no Thai model to read with
        if not getattr(self, "_thai_model", False) or prep.upright is None:
            return {}
        texts = [fixes[i].text if i in fixes else t.text for i, t in enumerate(toks)]
        run = monthlook.reader(self.settings.ocr_timeout)
        found = monthlook.second_look(prep.upright, prep.scale, toks, texts, run, fixes)
        # a printed full name read as Latin junk there: the full names' letters (``ocr.fullmonth``)
        found.update(fullmonth.second_look(prep.upright, prep.scale, toks, texts,
                                           deadlook.reader(self.settings.ocr_timeout), found))
        found.update(monthglue.second_look(prep.upright, prep.scale, toks, texts, run))  # Thai letters run into the year
        if self.digits is not None:  # day and month as one piece of junk after the label: the day is the classifier's
            found.update(datelook.second_look(self.digits, prep.upright, prep.scale, toks, texts, run))
            # the label itself read as junk after a memo's number: label, day (and month, year) from the ink
            found.update(memotail.second_look(self.digits, prep.upright, prep.scale, toks, texts, run))
            # the day read after the label, month and year lost: the ink to the line's end (``ocr.memomonth``)
            now = [found[i].text if i in found else t for i, t in enumerate(texts)]
            found.update(memomonth.second_look(self.digits, prep.upright, prep.scale, toks, now, run))
            # a body deadline's date garbled or lost after its cue, maybe wrapped (``ocr.deadlook``)
            now = [found[i].text if i in found else t for i, t in enumerate(texts)]
            found.update(deadlook.second_look(self.digits, prep.upright, prep.scale, toks, now,
                                              deadlook.reader(self.settings.ocr_timeout)))
            # a printed date line's day lost or read as letters left of its full month
            found.update({i: f for i, f in dayleft.second_look(self.digits, prep.upright, prep.scale, toks, texts).items()
                          if i not in found})
            # a relative deadline's printed count left out between ภายใน and its unit
            found.update({i: f for i, f in relcount.second_look(self.digits, prep.upright, prep.scale, toks, texts).items()
                          if i not in found})
        return found

    def _numbers(self, prep, toks, fixes: dict[int, Fix]) -> dict[int, Fix]:
        """A memo's handwritten province prefix (``ocr.prefixlook``) and a number read
        as Latin after a legible prefix (``ocr.latinnumber``), read again."""
        if prep.upright is None:
            return {}
        texts = [fixes[i].text if i in fixes else t.text for i, t in enumerate(toks)]
        found = latinnumber.second_look(self.digits, prep.upright, prep.scale, toks, texts) if self.digits else {}
        if self.digits:  # a memo number off its one shape (code, one slash, running number)
            found.update(memonumber.second_look(self.digits, prep.upright, prep.scale, toks, texts))
            found.update(headstrays.second_look(self.digits, prep.upright, prep.scale, toks, texts))
            # a handwritten running number cut by the print's glyph size: read again alone
            found.update(runtail.second_look(self.digits, prep.upright, prep.scale, toks, texts))
            # a letterhead's number line still off the number's shape: its ink read whole (``ocr.numline``)
            now = [found[i].text if i in found else t for i, t in enumerate(texts)]
            found.update(numline.second_look(self.digits, prep.upright, prep.scale, toks, now))
        if getattr(self, "_thai_model", False):
            found.update(prefixlook.second_look(prep.upright, prep.scale, toks, texts,
                                                prefixlook.reader(self.settings.ocr_timeout), fixes))
        return found

    def _words_and_text(self, toks, txt: str, prep, read_again=None) -> tuple[list[Word], str, list[TextRepair]]:
        """Words in page pixels, with digit corrections (and ``read_again``: other
        fixes by token, under them) applied to both words and text, and the
        lines dropped as no text (``ocr.junk``)."""
        digit_fixes = self.digits.correct(toks, prep.upright, prep.scale) if self.digits is not None else {}
        fixes = {**ghosts.ghost_fixes(toks), **(read_again or {}), **digit_fixes}
        months = self._months(prep, toks, fixes)  # after the digits: it looks between a day and a year
        fixes.update(months)
        numbers = self._numbers(prep, toks, fixes)  # after the digits: it looks beside a code they read
        fixes.update(numbers)
        months.update(numbers)  # repairs of their own, as the months'
        junk, dropped = _junk_lines(toks, fixes, prep.image)
        # a re-reading the digit classifier or the month look overrode, or on a line dropped as junk, is no repair made
        dropped += latin.repairs(toks, {i: fix for i, fix in (read_again or {}).items()
                                        if i not in digit_fixes and i not in months and toks[i].line not in junk})
        dropped += latin.repairs(toks, {i: fix for i, fix in months.items() if toks[i].line not in junk})
        words, parts, pos = [], [], 0
        for i, tok in enumerate(toks):
            fix = Fix("", junk[tok.line]) if tok.line in junk else fixes.get(i)
            following = toks[i + 1].text if i + 1 < len(toks) else ""
            if fix is None and is_debris(tok.text, tok.conf, following):
                fix = Fix("", f"debris: Tesseract's confidence {tok.conf:.0f}")
            gap = txt[pos : tok.start]
            if fix is not None and fix.join_left and gap.strip(" ") == "":
                gap = ""
            before = "".join(t + " " for t, _ in fix.before) if fix else ""
            after = "".join(" " + t for t, _ in fix.after) if fix else ""
            parts.append(gap + before + (fix.text if fix else tok.text) + after)
            pos = tok.end
            words += [_missed_word(t, box, tok.line) for t, box in (fix.before if fix else ())]
            if fix is None or fix.text:  # an emptied token lives on in the number that absorbed it
                words.append(_word(tok, fix, prep.scale, [toks[j] for j in (fix.absorbs if fix else ())]))
            words += [_missed_word(t, box, tok.line) for t, box in (fix.after if fix else ())]
        parts.append(txt[pos:])
        return words, "".join(parts), dropped


RUN_TOGETHER_REASON = "body lines Tesseract's layout ran together and read as junk; their ink is read again line by line"


def _junk_lines(toks, fixes: dict[int, Fix], image=None) -> tuple[dict[int, str], list[TextRepair]]:
    """Tesseract's lines that are specks or a picture read as text: line -> reason, and their repairs.

    ``image``: the prepared page, for how much of each line's box is ink."""
    usual = tesseract.usual_height(toks)
    if not usual:
        return {}, []
    ink = None
    if image is not None:
        _, ink = cv2.threshold(image, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    lines: dict[int, list[int]] = {}
    for i, t in enumerate(toks):
        lines.setdefault(t.line, []).append(i)
    junk, dropped = {}, []
    boxes = {line: tesseract.union_box([toks[i].box for i in members]) for line, members in lines.items()}
    for line, members in lines.items():
        texts = [fixes[i].text if i in fixes else toks[i].text for i in members]
        x, y, w, h = boxes[line]
        fill = float(ink[y : y + h, x : x + w].mean()) if ink is not None and w * h > 0 else None
        reason = junk_reason(texts, [_fixed_height(toks, i, fixes.get(i)) for i in members], usual, fill)
        # the line under it among those still text (lines come top down: a speck line judged
        # junk just now is no line for marks to belong to, seed 66)
        kept = [b for n, b in boxes.items() if n not in junk]
        if reason is None and (below := _line_below(boxes[line], kept)) is not None:
            reason = marks_apart(texts, [toks[i].conf for i in members], [toks[i].box for i in members], below)
        if reason:
            junk[line] = reason
            dropped.append(TextRepair(before=" ".join(t for t in texts if t), after="", reason=reason))
    return junk, dropped


def _line_below(box, boxes):
    """The box of the line next under ``box``, by middles: a tall title's line
    (the emblem beside it) may start above the line of its marks."""
    under = [b for b in boxes if b[1] + b[3] / 2 > box[1] + box[3] / 2]
    return min(under, key=lambda b: b[1] + b[3] / 2, default=None)


def _fixed_height(toks, i: int, fix: Fix | None) -> int:
    """A token's height, over the tokens its number absorbed: ``- ๒ -`` read as
    ``- 0 0``, rewritten into the last (flat) token, is as high as the ๒; and
    over the glyphs our classifier read for it, when Tesseract boxed only the dashes,
    as far as Tesseract's line reaches: glyphs cut beyond it (a letter of the line
    above, read for a speck boxed alone) do not make a speck a line of text."""
    boxed = tesseract.union_box([toks[i].box, *(toks[j].box for j in (fix.absorbs if fix else ()))])[3]
    return max(boxed, min(int(round(fix.height)), toks[i].line_box[3]) if fix else 0)


def _missed_word(text: str, box, line: int) -> Word:
    """A number Tesseract left out and our classifier read (box already in page pixels)."""
    return Word(text=text, box=box, conf=0.0, line=line, corrected_from="", reason="digit classifier: missed by Tesseract")


def _word(tok, fix, scale: float, pieces=()) -> Word:
    """A Word in page pixels (the upright page), with our correction if there is one."""
    box = tesseract.to_page_box(tesseract.union_box([tok.box, *(p.box for p in pieces)]), scale)
    changed = fix is not None and (fix.text != tok.text or bool(pieces))
    text = fix.text if fix else tok.text
    return Word(
        text=clean_ocr_text(text), box=box, conf=round(tok.conf, 2), line=tok.line,
        corrected_from=tok.text if changed else None, reason=fix.reason if changed else None,
    )


def _split_pages(recorded: str | Sequence[str]) -> list[str]:
    return recorded.split("\f") if isinstance(recorded, str) else list(recorded)


class ReplayEngine:
    """Replays recorded page texts: a list of pages, or a mapping file -> pages.

    A mapping is looked up by the full path, then the file name, then the stem,
    so ``{"bundle": [...]}`` answers for ``/anywhere/bundle.pdf``. A string
    value is a sidecar text, pages separated by form feeds.
    """

    def __init__(self, recorded: str | Sequence[str] | Mapping[str | Path, str | Sequence[str]], *, clean: bool = True):
        if isinstance(recorded, Mapping):
            self._by_file = {str(k): _split_pages(v) for k, v in recorded.items()}
            self._pages: list[str] | None = None
        else:
            self._by_file = {}
            self._pages = _split_pages(recorded)
        self.clean = clean

    @classmethod
    def from_sidecars(cls, paths: Sequence[Path]) -> ReplayEngine:
        """One recorded file per sidecar ``.txt`` (pages split by form feeds), keyed by stem."""
        return cls({Path(p).stem: Path(p).read_text("utf-8") for p in paths})

    def pages_for(self, path: Path | str | None) -> list[str]:
        if self._pages is not None:
            return self._pages
        p = Path(path or "")
        for key in (str(path), p.name, p.stem):
            if key in self._by_file:
                return self._by_file[key]
        raise KeyError(f"ReplayEngine has no recorded text for {path}")

    def read_page(self, page: LoadedPage, path: Path | str | None = None) -> PageText:
        pages = self.pages_for(path)
        raw = pages[page.index] if page.index < len(pages) else ""
        text = clean_ocr_text(raw) if self.clean else raw
        return PageText(index=page.index, text=text, raw_text=raw, path="ocr", engine="replay")

    def read_file(self, path: Path | str) -> OcrResult:
        """Every recorded page of ``path``; the file itself is never opened."""
        n = len(self.pages_for(path))
        pages = [self.read_page(LoadedPage(i, None, None, None), path) for i in range(n)]
        return OcrResult(file=str(path), pages=pages)


def stock_ocr(image, dpi: int | None = None, langs: str = "tha+eng") -> str:
    """Bare ``tesseract -l tha+eng`` on the unprocessed page: the baseline."""
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    config = f"--dpi {dpi}" if dpi else ""
    return pytesseract.image_to_string(image, lang=langs, config=config)
