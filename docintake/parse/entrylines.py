"""How the lines under อ้างถึง / สิ่งที่ส่งมาด้วย group into entries.

References and enclosures are numbered entries (``๑. หนังสือ...``). An entry
that names a letter (``หนังสือ<issuer> [urgency] ที่ <number> ลงวันที่ <date>``)
runs over as many wrapped lines as it takes to reach its date; the count of an
enclosure (``จำนวน ๑ ชุด``) may sit at the end of the entry, on a line of its
own, or (when OCR reorders the right-aligned column) before the entry's last
line. What an entry says about the letter it names is read in entries.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docintake.parse.docno import read_doc_no
from docintake.parse.entries import LETTER_WORD
from docintake.parse.lines import collapse, is_tail, join_wrapped
from docintake.parse.thaidate import find_dates
from docintake.text import lexicon
from docintake.text.normalize import thai_to_arabic_digits

# "๑." / "(๒)" / "๒:" opening an entry, perhaps after a speck (". ๑.": the
# label's own dot, ``อ้างถึง. ๑.``), or a speck read as a lone digit (``๑ ๒.``, seed 81).
ENTRY_NUMBER = re.compile(r"^[\s.,'|:;-]*(?:[0-9๐-๙]\s(?=[0-9๐-๙]{1,2}\.))?\(?([0-9๐-๙]{1,2})\s*[.),:]\s*")
# "จำนวน ๑ ชุด"; OCR reads จ้านวน / จํานวน and may put a dot after the digit.
_COUNT = re.compile(r"จ\S{0,2}นวน\s*([0-9๐-๙]+)\s*\.?\s*(" + "|".join(map(re.escape, lexicon.COUNT_UNITS)) + r")")
_LETTER = LETTER_WORD  # หนังสือ / สำเนาหนังสือ, marks tolerated
_MAX_ENTRY_LINES = 5
_LEAD_SPECKS = " .,'\"|:;-–—•*"
# A line that ends with a whole running number (two digits or more after the
# slash: a lone glyph there may be a circular's ว whose number wrapped), and
# a next line that starts with a digit: a printed number never wraps inside
# its digits (no truth page of any seed does), so that digit is the next
# line's own (a date's day, debris of a garbled ลงวันที่: ``/755`` then
# ``2 สิ่งวันที่``) and must not join the running number as an OCR split would.
_RUN_AT_END = re.compile(r"/\s?(?:ว\s?)?[0-9๐-๙]{2,}$")
_DIGIT_AT_START = re.compile(r"^[0-9๐-๙]")
_DIGIT_AT_END = re.compile(r"[0-9๐-๙]\s*$")
NUMBER_END = " ;"  # what stands between them instead: no digit group joins across it


@dataclass
class Entry:
    parts: list[str] = field(default_factory=list)
    count: str | None = None

    @property
    def text(self) -> str:
        """The entry as the contract prints it: wrapped lines joined, digits
        on either side of a line break kept apart (join_wrapped runs Thai
        digits together as it does Thai letters; a number never wraps inside
        its digits, see ``_RUN_AT_END``)."""
        out: list[str] = []
        for part in self.parts:
            if out and _DIGIT_AT_END.search(out[-1]) and _DIGIT_AT_START.match(part.strip()):
                out[-1] += " " + part
            else:
                out.append(part)
        return join_wrapped(out)

    @property
    def spaced(self) -> str:
        """Wrapped lines joined by spaces: word boundaries kept for matching,
        and a running number kept apart from digits on the next line."""
        parts = [collapse(p) for p in self.parts]
        out = parts[0] if parts else ""
        for prev, part in zip(parts, parts[1:]):
            ends = _RUN_AT_END.search(prev) and _DIGIT_AT_START.match(part)
            out += (NUMBER_END + " " if ends else " ") + part
        return collapse(out)

    def names_letter(self) -> bool:
        t = self.spaced
        return bool(_LETTER.match(t)) or read_doc_no(t) is not None

    def complete(self) -> bool:
        if self.names_letter():
            return bool(find_dates(self.spaced))
        return self.count is not None


def _take_count(text: str, entry: Entry) -> str:
    """Remove ``จำนวน N ชุด`` from a line, recording it on the entry."""
    m = _COUNT.search(text)
    if m is None:
        return text
    entry.count = f"{int(thai_to_arabic_digits(m.group(1)))} {m.group(2)}"
    return (text[: m.start()] + text[m.end() :]).strip()


def _split_numbered(text: str) -> tuple[bool, str]:
    m = ENTRY_NUMBER.match(text)
    return (True, text[m.end() :].strip()) if m else (False, text)


def new_entry(entries: list[Entry], text: str) -> None:
    """Open an entry with its first line (its number and a count on it dropped)."""
    entry = Entry()
    _, rest = _split_numbered(text)
    rest = _take_count(rest, entry).lstrip(_LEAD_SPECKS)  # "สิ่งที่ส่งมาด้วย .สำเนาหนังสือ..."
    if rest:
        entry.parts.append(rest)
    entries.append(entry)


def entry_continues(entries: list[Entry], text: str) -> bool:
    """Whether ``text`` belongs to the entry list: a new numbered entry, the
    count of the last one, or a wrapped line of it (taken in when so)."""
    last = entries[-1] if entries else None
    numbered, rest = _split_numbered(text)
    if is_tail(text):
        return False
    if numbered and (last is None or last.complete() or _LETTER.match(rest)):
        new_entry(entries, text)
        return True
    if last is None:
        return False
    if last.complete() and last.names_letter() and (m := _LOST_NUMBER.match(text)) is not None:
        new_entry(entries, text[m.end() :])  # "6 หนังสือ...": the entry's "๒." misread
        return True
    if _COUNT.search(text) and last.count is None:
        rest = _take_count(text, last)
        if rest:
            last.parts.append(rest)
        return True
    if not last.complete() and len(last.parts) < _MAX_ENTRY_LINES and _fits_entry(last, text):
        last.parts.append(_take_count(text, last))
        return True
    return False


# The next entry of a list of letters whose number OCR misread (``6`` for
# ``๒.``) or lost: a short speck, then หนังสือ, and after it ลงวันที่, a
# number, or the ที่ that ends a line whose number wraps to the next.
_LOST_NUMBER = re.compile(rf"^(?:\S{{1,3}}\s+)?(?={_LETTER.pattern}(?:.*\sท[ี]?[่]?$|.*ลงวัน|.*[0-9๐-๙]/))")


def _fits_entry(entry: Entry, text: str) -> bool:
    """A wrapped line of a letter entry (its urgency, ที่ <number>, ลงวันที่),
    or of a plain enclosure whose count is still to come on this line."""
    if entry.names_letter() or _COUNT.search(text):
        return True
    return read_doc_no(text) is not None or "ลงวัน" in text
