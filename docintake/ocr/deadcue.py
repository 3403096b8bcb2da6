"""Where a body deadline's date must stand: the lines whose deadline cue
Tesseract read but whose date after it (on the line, or wrapped onto the next)
the parser cannot read, with the tokens ``ocr.deadlook`` reads again and those
that stay as read (a label read whole, the sentence going on after a year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docintake.ocr import memomonth, monthlook
from docintake.ocr.tesseract import Token
from docintake.text import lexicon

CUE = re.compile("|".join(lexicon.DEADLINE_CUES))
NUM = "[0-9๐-๙]"
# ``ภายใน ๗ วัน``: a relative deadline, no date to look for
_RELATIVE = re.compile(f"^\\s*{NUM}+\\s*(?:{'|'.join(lexicon.RELATIVE_UNITS)})")
LABELS = ("วันที่",) + tuple(f"วัน{w}ที่" for w in lexicon.WEEKDAYS)
MAX_AFTER = 4  # tokens after the cue on its line: more are words, not a garbled date
_DATE = re.compile(
    f"{NUM}{{1,2}}\\s*(?:{'|'.join(map(re.escape, lexicon.MONTHS + lexicon.MONTHS_ABBR))})"
    f"\\s*(?:พ\\.\\s*ศ\\.)?\\s*{NUM}{{2,4}}")


@dataclass
class Head:
    cue: int  # token holding the cue
    cut: int  # prepared px where the ink to read starts (the cue's end)
    kept: str  # the cue token's text that stays (up to the cue's end when the label in it is read again)
    after: tuple[int, ...]  # tokens after the cue (and its label) on its line, up to a year read there
    below: tuple[int, ...]  # tokens of the next line up to its first year (empty: the date ends on the cue's line)
    label: tuple[int, ...] = ()  # a label Tesseract read whole as a token of its own: it stays as read
    stop: int | None = None  # prepared px where words that stay follow the date's year on the cue's line


def _cue_end(tok: Token, text: str) -> tuple[str, int] | None:
    """(the token's text up to the cue's end, prepared px where the rest starts): the
    label run into the cue (``ก่อนวั``) is read again only when it is not whole."""
    m = None
    for m in CUE.finditer(text):
        pass
    if m is None:
        return None
    rest = text[m.end():]
    if rest and rest[0] not in "ว" + lexicon.LABEL_WO_LOOKALIKES:
        return None  # ภายในกำหนด: the cue in a word, no date after it
    bare = memomonth.skeleton(rest)
    if not rest or bare in {memomonth.skeleton(lab) for lab in LABELS} or len(tok.boxes) != len(tok.text) or text != tok.text:
        return text, tok.box[0] + tok.box[2]
    return text[: m.end()], tok.boxes[m.end()][0]


def heads(toks: list[Token], texts: list[str]) -> list[Head]:
    """Lines with a deadline cue whose date after it the parser cannot read."""
    lines: dict[int, list[int]] = {}
    for i, t in enumerate(toks):
        lines.setdefault(t.line, []).append(i)
    out = []
    for line, members in lines.items():
        cued = [k for k in members if CUE.search(texts[k])]
        if not cued or (found := _cue_end(toks[cued[-1]], texts[cued[-1]])) is None:
            continue
        k = cued[-1]
        label, after, stop = _after_cue(toks, texts, members[members.index(k) + 1 :], found[0] == texts[k])
        rest = texts[k][len(found[0]) :] + " " + " ".join(texts[j] for j in after)
        if len(after) > MAX_AFTER or _RELATIVE.match(re.sub("^[^0-9๐-๙]*", "", rest)):
            continue
        below = () if _has_year(rest) else _up_to_year(lines.get(line + 1, []), texts)
        # a relative deadline wrapped after its cue (``ภายใน`` | ``๑๕ วัน นับแต่``) shows on the next line
        whole = rest + " " + " ".join(texts[j] for j in below or lines.get(line + 1, [])[:MAX_AFTER])
        cut = found[0] != texts[k]  # the label run into the cue lost letters (``ก่อนวั``): read it again
        if (cut or not _DATE.search(whole)) and not _RELATIVE.match(whole):
            start = toks[label[-1]].box[0] + toks[label[-1]].box[2] if label else found[1]
            out.append(Head(k, start, found[0], after, below, label, stop))
    return out


def _after_cue(toks: list[Token], texts: list[str], members: list[int], whole: bool):
    """(label, after, stop) of the tokens right of a cue on its line. A label read
    whole as a token of its own stays as read: the classifier may take its letters
    for digits (seed 107: วัน read as ๗, day ๗๙). Words after a year read there stay
    too: they are the sentence going on (seed 109: ``ตุลาคม ๒๕๖๗ หากพ้นกำหนด``)."""
    labels = {memomonth.skeleton(lab) for lab in LABELS}
    label = tuple(members[:1]) if whole and members and memomonth.skeleton(texts[members[0]]) in labels else ()
    after = members[len(label):]
    dated = _up_to_year(after, texts)
    if not dated or len(dated) == len(after):
        return label, tuple(after), None
    return label, dated, toks[after[len(dated)]].box[0]


def _has_year(text: str) -> bool:
    """The words end in a year (two digits or four) after something else: the date ends on this line."""
    words = [w.strip(".'<") for w in text.split()]
    if len(words) < 2 or not monthlook.YEAR.fullmatch(words[-1]):
        return False
    before = words[-2]  # two digits are a year after a month, not after the label (``วันที่ ๒๘.``)
    return len(words[-1]) == 4 or bool(re.search(NUM, before)) or not before.startswith(("วัน", "ที่", "ที"))


def _up_to_year(members: list[int], texts: list[str]) -> tuple[int, ...]:
    """The next line's tokens up to its first year (four digits, or two after letters), within ``MAX_AFTER``."""
    for n, k in enumerate(members[: MAX_AFTER + 1]):
        word = texts[k].strip(".'<")
        if re.fullmatch(f"{NUM}{{4}}", word) or n and re.fullmatch(f"{NUM}{{2}}", word) and re.search(
                "[ก-ฮ]", texts[members[n - 1]]):
            return tuple(members[: n + 1])
    return ()
