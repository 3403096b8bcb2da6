"""The เรียน line cut into addressees, and the head title each one opens with.

A letter to several kinds of office chains them: ``นายกองค์การบริหารส่วนจังหวัดX
นายกเทศมนตรี และนายกองค์การบริหารส่วนตำบล ทุกแห่ง``. They are cut at the
separators (และ, commas) and where a new head title starts. Titles are matched
on folded text (``orgs.fold``) and, where OCR put a stray letter in one
(``นายกองคศ์การบริหาร์ส่วนตำบล``), by edit distance against ``vocab.HEAD_TITLES``
only: never a general spell corrector. ``route.py`` reads and routes each piece.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from docintake.registry.orgs import fold
from docintake.registry.vocab import ADDRESSEE_SEPARATORS, HEAD_TITLES, LAO_TYPES, ORG_FORMS
from docintake.text.fuzzy import key

TITLE_THRESHOLD = 80
LONGER_TITLE_THRESHOLD = 90  # one letter wrong in a 15-17 letter title scores 93-94
# A word of the line is cut off as a new addressee by a fuzzy title only when its
# title is this long: short titles (นายอำเภอ, 8 letters) are a letter or two from
# a place name; the long ones are not.
CUT_TITLE_MIN_LENGTH = 12
# An LAO named after an officer's title that is not its head's (ปลัด, ผู้อำนวยการกอง...):
# the office is read, whose officer is a guess of the title's, so a little less sure.
OFFICER_CONFIDENCE = 0.9


def split_addressees(to: str) -> list[str]:
    """The เรียน line cut into addressees.

    >>> split_addressees("นายกเทศมนตรีตำบลเมืองเพ็ญ และนายกองค์การบริหารส่วนตำบลทุกแห่ง")
    ['นายกเทศมนตรีตำบลเมืองเพ็ญ', 'นายกองค์การบริหารส่วนตำบลทุกแห่ง']
    """
    pattern = "|".join(re.escape(s) for s in ADDRESSEE_SEPARATORS)
    parts = re.split(rf"\s*(?:{pattern})\s*", to.strip())
    return [p.strip() for part in parts for p in _cut_at_titles(part) if p.strip()]


# A new addressee may follow the last with a space or nothing at all (a wrapped line
# joined): ``นายกองค์การบริหารส่วนจังหวัดชัยภูมินายกเทศมนตรี และ...``.
# OCR may put a stray mark inside a title (นายก๋เทศมนตรี, นายุกเทศมนตรี: seed 5),
# so a mark may stand after any of its letters.
_MARK = "[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*"


def _loose(title: str) -> str:
    """``title`` as a pattern that lets a stray mark follow any letter."""
    return "".join(re.escape(ch) + ("" if key(ch) == "" else _MARK) for ch in title)


_TITLES = re.compile("|".join(sorted((_loose(t) for t, _, _ in HEAD_TITLES), key=len, reverse=True))
                     + r"|นายก\s*อบ[ตจ]\.")


def _cut_at_titles(part: str) -> list[str]:
    exact = list(_TITLES.finditer(part))
    cuts = {m.start() for m in exact if m.start() > 0}
    cuts |= set(_fuzzy_titles_at(part, [m.start() for m in _WORD.finditer(part)] + [m.end() for m in exact]))
    starts = [0, *sorted(cuts), len(part)]
    return [part[a:b] for a, b in zip(starts, starts[1:])]


_WORD = re.compile(r"(?<=\s)\S")


def _fuzzy_titles_at(part: str, places: list[int]) -> list[int]:
    """Which of ``places`` (the starts of words, the ends of titles read exactly)
    open a long head title a letter or two off: a new addressee starts there
    (``นายกเทศมนตรีนายกองคศ์การบริหาร์ส่วนตำบล ทุกิแห่ง``, the และ lost and the
    wrapped line joined). Never inside a word, so a name is never cut."""
    cuts = []
    for p in places:
        title = _fuzzy_title(fold(part[p:]), TITLE_THRESHOLD) if 0 < p < len(part) else None
        if title is not None and title[0] >= CUT_TITLE_MIN_LENGTH:
            cuts.append(p)
    return cuts


# What no Thai word starts with: a following vowel (ะ า ำ) or a mark above or below.
_NO_WORD_START = re.compile("[\u0e30-\u0e3a\u0e45-\u0e4e]")
_FOLDED_TITLES = sorted(((fold(t), k, s) for t, k, s in HEAD_TITLES), key=lambda t: -len(t[0]))


def read_title(text: str) -> tuple[int, str, str | None, float] | None:
    """(length, type, subtype, confidence) of the title at the start of a folded addressee."""
    exact = next(((len(t), kind, sub, 1.0) for t, kind, sub in _FOLDED_TITLES if text.startswith(t)), None)
    if exact is None:
        return _fuzzy_title(text, TITLE_THRESHOLD)
    # A longer title read with one letter wrong (นายกเทศมนตรีตำบส) holds a shorter one
    # exactly (นายกเทศมนตรี): the longer one says which kind of municipality, and its
    # misread tail is no part of the name that follows.
    longer = _fuzzy_title(text, LONGER_TITLE_THRESHOLD, longer_than=exact[0])
    return longer or exact


def _fuzzy_title(text: str, threshold: int, longer_than: int = 0) -> tuple[int, str, str | None, float] | None:
    # OCR noise inside a title (นายอdle เกอ), not at its first letter: that keeps
    # org names (องค์การ...) and markers (ทุก...) from passing for titles. A letter
    # lost or one or two added (นายกเทศมูนตรี) shift where the title ends.
    # Where it ends is where the fewest edits make it the title (a letter misread is one
    # edit, not a letter lost plus one added), the nearest its own length on a tie, then
    # where fewer letters differ (fuzz.ratio: a vowel OCR added, นายกเทศมนตีรี, is in the
    # title, not the name). Never before a vowel or mark: no name starts with one.
    best = None
    for title, kind, subtype in _FOLDED_TITLES:
        if text[:1] != title[:1] or len(title) <= longer_than:
            continue
        ends = [n for n in range(len(title) - 1, len(title) + 3) if not _NO_WORD_START.match(text[n:n + 1])]
        if not ends:
            continue
        n = min(ends, key=lambda n: (Levenshtein.distance(text[:n], title), abs(n - len(title)),
                                     -fuzz.ratio(text[:n], title)))
        score = fuzz.ratio(text[:n], title)
        if best is None or (score, len(title)) > (best[0], best[1]):
            best = (score, len(title), n, kind, subtype)
    if best is None or best[0] < threshold:
        return None
    score, _, n, kind, subtype = best
    return n, kind, subtype, score / 100


_LAO_FORMS = sorted(((fold(f), k, sub) for f, k, sub in ORG_FORMS if k in LAO_TYPES), key=lambda f: -len(f[0]))


def officer_of_lao(folded: str) -> tuple[int, str, str, float] | None:
    """(where the LAO's name starts, type, subtype, confidence) when a folded
    addressee opens with an officer's title that is no head title and names an LAO
    after it: ``ปลัดเทศบาลตำบลพาน`` (the municipal clerk: memos go to him),
    ``ผู้อำนวยการกองคลังองค์การบริหารส่วนตำบลดงบัง``. The letter is for that LAO;
    its name is matched on its own, not with the title glued on (one letter of
    OCR noise then spoilt the whole-line match).

    >>> officer_of_lao(fold("ปลัดเทศบาลตำบลพาน"))
    (14, 'municipality', 'ทต.', 0.9)
    >>> officer_of_lao(fold("เทศบาลตำบลพาน")) is None
    True
    """
    for form, kind, subtype in _LAO_FORMS:
        at = folded.find(form)
        if at > 0:
            return at + len(form), kind, subtype, OFFICER_CONFIDENCE
    return _officer_of_lao_fuzzy(folded)


def _officer_of_lao_fuzzy(folded: str) -> tuple[int, str, str, float] | None:
    """``officer_of_lao`` with one letter of the LAO's form misread, lost or added
    (ปลัดเทศปาลเมือง, ปลัดเทศบาลตำลท่าข้าม): the first place, after a title of at
    least two letters, where a form of nine letters or more is one edit away."""
    for at in range(2, len(folded)):
        for form, kind, subtype in _LAO_FORMS:
            if len(form) < 9 or folded[at] != form[0]:
                continue
            for n in (len(form), len(form) - 1, len(form) + 1):
                if Levenshtein.distance(folded[at:at + n], form, score_cutoff=1) <= 1:
                    return at + n, kind, subtype, round(OFFICER_CONFIDENCE * 0.9, 3)
    return None
