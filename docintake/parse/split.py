"""Bundle -> letters: where each letter starts and ends, with page spans.

A letter is anchored on its ``เรื่อง`` line: every letter has one, right
after its letterhead, and body text almost never starts a line with it.
The letterhead above the anchor (``ที่ <number>`` or ``บันทึกข้อความ``) is
the letter's head; the letter starts at its head, or at the top of the
head's page when nothing of the previous letter (closing, signature,
contact) stands above the head on that page. A letter runs until the next
one starts, across pages (``- ๒ -``). When OCR spoilt the labels, the
previous letter's closing and a date line under a head mark where a letter
starts instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docintake.parse.lines import Line, docno_line, is_memo_head, is_tail, label_of
from docintake.parse.months import month_number
from docintake.parse.thaidate import find_dates
from docintake.text.lexicon import FIELD_LABELS
from docintake.text.normalize import number_digits, thai_to_arabic_digits

HEAD_WINDOW = 16  # non-empty lines between a head and its เรื่อง line
FALLBACK_WINDOW = 6  # when the head line is unreadable: lines kept above เรื่อง
DATE_ABOVE = 2  # non-empty lines above เรื่อง where a letterhead's date line stands
LABELLESS_DATE_BELOW = 5  # non-empty lines from a head down to its date (office, address)
CLOSED_WITHIN = 15  # non-empty lines from a letter's foot to the next head (stamps, urgency, specks)


@dataclass
class Span:
    start: int  # index of the letter's first line in the bundle's lines
    head: int  # index of its ที่/บันทึกข้อความ line (or the first header line)
    subject: int  # index of its เรื่อง line
    end: int  # one past the last line
    first_page: int  # 0-based
    last_page: int


def _is_head(text: str) -> bool:
    """A letterhead's ``ที่ <number>`` line or a memo heading; a ``ที่ <number>
    ลงวันที่ ...`` line is a wrapped reference or enclosure, never a head."""
    return (docno_line(text) is not None and "ลงวัน" not in text) or is_memo_head(text)


def _is_labelled_head(text: str) -> bool:
    """A head with its label read (``ที่ ...`` or ``บันทึกข้อความ``), not a bare number."""
    at = docno_line(text)
    return (at is not None and at > 0 and "ลงวัน" not in text) or is_memo_head(text)


def _anchors(lines: list[Line]) -> list[tuple[int, int]]:
    """(head, subject) line indices of every letter, in order.

    A เรื่อง line followed by เรียน/เสนอ anchors a letter under the nearest
    head above it (or, with no readable head, the lines just above). Without
    an addressee after it (OCR lost it, or a body line starts with เรื่อง),
    it needs a labelled ``ที่``/``บันทึกข้อความ`` head above it, or (both
    labels lost) the previous letter's closing before it and a date line
    right above it. When no เรื่อง is read at all, a labelled head (or that
    closing and date) followed by เรียน/เสนอ anchors the letter on the line
    above the addressee.
    """
    out: list[tuple[int, int]] = []
    recent: list[int] = []  # non-empty line indices since the previous anchor
    for i, ln in enumerate(lines):
        if not ln.text.strip():
            continue
        if recent and label_of(ln.text, ("เรื่อง",)) is not None:
            # A letterhead is never split over pages: its head is on เรื่อง's page.
            window = [j for j in recent[-HEAD_WINDOW:] if lines[j].page == ln.page]
            addressed = _addressee_follows(lines, i) or _after_closing_and_date(lines, recent, window)
            head = _head_for(lines, window, addressed) if window else None
            if head is not None:
                out.append((head, i))
                recent = []
                continue
        elif len(recent) >= 2 and label_of(ln.text, ("เรียน", "เสนอ")) is not None \
                and lines[recent[-1]].page == ln.page:
            # เรื่อง unreadable ("as ขอเชิญ..."): a labelled head above and an
            # addressee below make the line above the addressee the subject.
            head = _head_above_addressee(lines, recent)
            if head is not None:
                # a date line right above is the letterhead's date, never a
                # subject: this line is เรื่อง misread as เรียน (เรียง ...)
                subject = i if _date_only(lines[recent[-1]].text) and head != recent[-1] else recent[-1]
                out.append((head, subject))
                recent = [] if subject == i else [i]
                continue
        recent.append(i)
    return out


def _head_above_addressee(lines: list[Line], recent: list[int]) -> int | None:
    """The head of a letter whose เรื่อง OCR lost (``recent[-1]`` is the line
    above its addressee): a labelled head, or (its ที่ garbled too: ``N ชย
    ๐๐๒๓.๑๗/๙๐๐``) the head read as for a lost addressee when the previous
    letter has closed and a date stands above that line."""
    above = [j for j in recent[-HEAD_WINDOW:-1] if lines[j].page == lines[recent[-1]].page]
    strong = [j for j in above if _is_labelled_head(lines[j].text)]
    if strong:
        return _earliest_of_group(lines, strong)
    if above and _after_closing_and_date(lines, recent[:-1], above):
        return _head_for(lines, above, True)
    return None


def _after_closing_and_date(lines: list[Line], recent: list[int], above: list[int]) -> bool:
    """A new letterhead with its labels lost (OCR read เรียน as ``Bau`` and ที่
    as ``1``, or เรื่อง as a speck): the previous letter has closed since the
    last anchor (a closing, signature or contact line, and no field label after
    it: a wrapped ``อ้างถึง`` entry citing ``... ลงวันที่ <date> / เรื่อง ...``
    stays inside its letter) and a date stands just above the subject line
    (``above`` ends right above it), as a letterhead prints it."""
    tails = [k for k, j in enumerate(recent) if is_tail(lines[j].text)]
    if not tails or not above:
        return False
    after = recent[tails[-1] + 1 :]
    if any(label_of(lines[j].text, FIELD_LABELS) is not None for j in after):
        return False
    return any(_dated(lines[j].text) for j in above[-DATE_ABOVE:] if j in after)


_BE_YEAR = re.compile(r"(?<![0-9])25[0-9]{2}(?![0-9])")


def _dated(text: str) -> bool:
    """A letterhead's date line, also when OCR spoilt its day or year (``๑๖
    เมษายน ๕๖๗``) or its month (``๒ ทพฤศจิกายน ๒๕๖๖``): a readable date, a
    month name or a Buddhist-Era year."""
    if find_dates(text) or _BE_YEAR.search(thai_to_arabic_digits(text)):
        return True
    return any(month_number(t) is not None for t in text.split() if len(t) > 3)


def _date_only(text: str) -> bool:
    """A line that is a date and nothing more (``๑๒ กถันยายน ๒๕๖๘``): no
    Thai word outside the date it reads as."""
    hits = find_dates(text)
    if len(hits) != 1:
        return False
    rest = text[: hits[0].start] + text[hits[0].end :]
    return _THAI_WORD.search(rest) is None


def _head_for(lines: list[Line], window: list[int], addressed: bool) -> int | None:
    if addressed:
        heads = [j for j in window if _is_head(lines[j].text)]
        return _earliest_of_group(lines, heads) if heads else _fallback_head(lines, window)
    strong = [j for j in window if _is_labelled_head(lines[j].text)]
    return _earliest_of_group(lines, strong) if strong else None


def _fallback_head(lines: list[Line], window: list[int]) -> int:
    """No readable head: the lines just above เรื่อง, after anything of the previous letter."""
    back = window[-FALLBACK_WINDOW:]
    tails = [k for k, j in enumerate(back) if is_tail(lines[j].text)]
    if tails and tails[-1] + 1 < len(back):
        return back[tails[-1] + 1]
    return back[0] if not tails else back[-1]


def _earliest_of_group(lines: list[Line], heads: list[int]) -> int:
    """The nearest head above เรื่อง; a memo's บันทึกข้อความ above its ที่ line
    belongs to the same letter."""
    head = heads[-1]
    for j in reversed(heads[:-1]):
        # counted in worded lines: OCR leaves a varying number of blank ones
        # between the heading, ส่วนราชการ and the ที่ line
        if is_memo_head(lines[j].text) and sum(bool(ln.text.strip()) for ln in lines[j:head]) <= 6:
            return j
    return head


def _addressee_follows(lines: list[Line], subject: int) -> bool:
    """เรียน/เสนอ within the next few non-empty lines (a subject wraps at most twice)."""
    seen = 0
    for ln in lines[subject + 1 :]:
        if not ln.text.strip():
            continue
        if label_of(ln.text, ("เรียน", "เสนอ")) is not None:
            return True
        seen += 1
        if seen == 4:
            return False
    return False


def _with_labelless(lines: list[Line], anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``anchors`` with the letters whose เรื่อง and เรียน OCR both lost: in
    the stretch before each anchor's head, a letterhead standing after a
    letter's closing (or, before the first anchor, followed by one) is one."""
    out: list[tuple[int, int]] = []
    bounds = [-1] + [subj for _, subj in anchors] + [len(lines)]
    for k in range(len(anchors) + 1):
        stop = anchors[k][0] if k < len(anchors) else len(lines)
        out += _labelless_in(lines, [j for j in range(bounds[k] + 1, stop) if lines[j].text.strip()], k == 0)
        if k < len(anchors):
            out.append(anchors[k])
    return out


# A head whose number OCR spoilt past reading (``1 มท 0810.2 1485``, ``NUN
# ๐๘๑๐๗/ว ๑๔๐๔``): a speck, a prefix and four digits of a code open the line;
# or the prefix read as digits (``fi 78 ๐๐๒๓.๑๖/๒๓๔``), then only a whole
# code with its dot and slash will do, a shape no body line opens with.
_NUMBERISH = re.compile(
    r"^(?:\S{1,3}\s+)?(?:[ก-ฮA-Za-z]{1,4}\.?\s?[0-9]{4}|[0-9]{1,3}\s+[0-9]{4}\.[0-9]{1,2}\s?/)"
)


def _labelless_in(lines: list[Line], stretch: list[int], first: bool) -> list[tuple[int, int]]:
    """(head, subject) of each labelless letterhead in ``stretch``: a head line
    (``ที่ <number>``, ``บันทึกข้อความ``, a spoilt number) with a date line a
    few lines below on its page, soon after a closing and no field label since
    (before the first anchor: with a closing further down); the first worded
    line under the date is taken for the subject, whatever OCR made of its label."""
    found: list[tuple[int, int]] = []
    floor = 0  # stretch index after the last letterhead found
    for n, h in enumerate(stretch):
        text = lines[h].text
        if n < floor or not _HEADISH.search(text) or not _head_like(text):
            continue
        below = [j for j in stretch[n + 1 :] if lines[j].page == lines[h].page]
        date = next((m for m, j in enumerate(below[:LABELLESS_DATE_BELOW]) if _dated(lines[j].text)), None)
        if date is None or date + 1 >= len(below):
            continue
        at_start = first and floor == 0
        if not _closed_before(lines, stretch[floor:n], at_start):
            continue
        if at_start and not any(is_tail(lines[j].text) for j in stretch[n + 1 :]):
            continue
        found.append((h, _worded(lines, below[date + 1 :])))
        floor = stretch.index(below[date + 1]) + 1
    return found


# Cheap first test for a head: a run of digits (a number) or the memo heading's ความ.
_HEADISH = re.compile("[0-9๐-๙]{3}|ความ")


def _head_like(text: str) -> bool:
    return _is_head(text) or (_NUMBERISH.match(number_digits(text)) is not None and "ลงวัน" not in text)


def _closed_before(lines: list[Line], before: list[int], at_start: bool) -> bool:
    """The previous letter's foot (closing, signature, contact) stands among
    the last lines before a head, with no field label after it; at the start
    of the bundle a short run of stamp lines needs none."""
    for j in reversed(before[-CLOSED_WITHIN:]):
        if is_tail(lines[j].text):
            return True
        if label_of(lines[j].text, FIELD_LABELS) is not None:
            return False
    return at_start and len(before) <= CLOSED_WITHIN


_THAI_WORD = re.compile("[ก-ฮ][ก-๎]{2,}")


def _worded(lines: list[Line], cands: list[int]) -> int:
    """The first of ``cands`` with a Thai word on it (not OCR dirt such as a
    lone ``๕`` under the date), else the first."""
    return next((j for j in cands[:3] if _THAI_WORD.search(lines[j].text)), cands[0])


def _start_of(lines: list[Line], head: int, prev_end_floor: int) -> int:
    """Extend a letter upwards from its head over its own page's top lines,
    unless something of the previous letter stands between."""
    page = lines[head].page
    j = head
    while j - 1 >= prev_end_floor and lines[j - 1].page == page:
        if is_tail(lines[j - 1].text):
            return j
        j -= 1
    return j


def split_lines(lines: list[Line]) -> list[Span]:
    """Letter spans of a bundle, in order; one span for text with no letterhead."""
    if not any(ln.text.strip() for ln in lines):
        return []
    anchors = _with_labelless(lines, _anchors(lines))
    if not anchors:
        return [_span(lines, 0, 0, 0, len(lines))]
    starts = [0]
    for k in range(1, len(anchors)):
        starts.append(_start_of(lines, anchors[k][0], anchors[k - 1][1] + 1))
    ends = starts[1:] + [len(lines)]
    return [_span(lines, s, h, subj, e) for s, (h, subj), e in zip(starts, anchors, ends)]


def _span(lines: list[Line], start: int, head: int, subject: int, end: int) -> Span:
    content = [ln.page for ln in lines[start:end] if ln.text.strip()] or [lines[start].page]
    return Span(start, head, subject, end, content[0], content[-1])
