"""Whether a number whose ``ว`` OCR may have lost with its slash is a
circular, from whom the letter is addressed to. Pure.

``slashlost`` leaves such a number unread with both readings (``อบ 0023.4
6578``: ``/6578`` or ``/ว 6578``). A circular (หนังสือเวียน) is one text sent
to many, so what the letter says of its addressees can settle it:

- a memo (บันทึกข้อความ) goes to one official inside its own office:
  submitted (เสนอ) to a superior, or addressed (เรียน) to one official with
  no distribution (``lexicon.DISTRIBUTION_MARK``): ordinary. On the analysis
  seeds' truth no memo of 119 is a circular;
- an LAO's own letter (its five-digit code) addressed to one official with
  no distribution mark (an อบต. to its district chief): ordinary, as a memo
  to one is. On the truth of seeds 1-39 none of 106 such letters is a circular;
- a sender writing to the many ``lexicon.CIRCULAR_AUDIENCES`` names for it
  (the department to every province's governor): a circular.

Anything else (a province to every district: as often ordinary) stays
unread. A reading taken so is warned with the cue and the other reading,
at low confidence.
"""

from __future__ import annotations

import re

from docintake.parse.crosscheck import skeleton
from docintake.parse.docno import DocNoHit
from docintake.text import lexicon

CONFIDENCE = 0.6
# Problems that leave a number unread only for want of knowing whether a
# ว stood before its running number: lost with the slash (slashlost), or a
# speck where it stands (``/' ๓๕๖``: ว or dirt, docno). The two readings
# differ in ว alone.
WO_UNKNOWN = ("split_lost", "slash_lost_glued", "circular_or_speck")
# A lone ๑ or ๖ where ว stands (``/๑ ๓๖๕``): ว, or a digit split off? Only a
# circular's cue settles it (the glyph is the ว); that the letter is no
# circular leaves the digit-or-debris question open.
WO_OR_DIGIT = "circular_or_digit"


def _cue(memo: bool, to_label: str | None, to: str, issuer: str, lao: bool = False) -> tuple[bool, str] | None:
    """(circular?, the cue) the letter's addressee gives; None when it says
    nothing. ``lao``: the number's code is an LAO's (five digits).

    >>> _cue(True, "เรียน", "ปลัด เทศบาลตำบลท่าข้าม", "")
    (False, 'ordinary_as_memo_to_one: a memo to one official')
    >>> _cue(True, "เรียน", "ผู้อำนวยการกอง ทุกกอง", "") is None
    True
    >>> _cue(False, "เรียน", "ผู้ว่าราชการจังหวัด ทุกจังหวด", "กรมส่งเสริมการปกครองท้องถิน")[0]
    True
    >>> _cue(False, "เรียน", "ผูวาราซการจังหวด ทุกจังหวัด", "กรมส่งเสริมการปกครองท้องถิ่น")[0]  # the title garbled
    True
    >>> _cue(False, "เรียน", "นายอำเภอ ทุกอำเภอ", "ศาลากลางจังหวัดเชียงราย") is None
    True
    >>> _cue(False, "เรียน", "นายอำเภอสุวรรณภูมิ", "ที่ทำการองค์การบริหารส่วนตำบลบ้านนา", lao=True)[0]
    False
    >>> _cue(False, "เรียน", "นายอำเภอสุวรรณภูมิ", "ที่ว่าการอำเภอ", lao=False) is None
    True
    """
    audience = skeleton(to)
    if memo and to_label == "เสนอ":
        return False, "ordinary_as_submitted_memo: a memo submitted (เสนอ) to one superior"
    one = bool(audience) and skeleton(lexicon.DISTRIBUTION_MARK) not in audience
    if memo:
        return (False, "ordinary_as_memo_to_one: a memo to one official") if one else None
    if lao and one:
        return False, "ordinary_as_lao_to_one: an LAO's letter to one official"
    sender = skeleton(re.sub(r"^[^ก-๎]+", "", issuer))
    for addressees, office in lexicon.CIRCULAR_AUDIENCES.items():
        if sender.startswith(skeleton(office)) and skeleton(addressees) in audience:
            return True, f"circular_by_audience: {office}... to {addressees}"
    return None


def settle_lost_wo(hit: DocNoHit | None, *, memo: bool, to_label: str | None, to: str | None,
                   issuer: str | None) -> DocNoHit | None:
    """``hit`` read as circular or ordinary when it is unread only for a ว
    lost with its slash (``WO_UNKNOWN``) and the addressee tells (``_cue``);
    any other hit comes back as it was."""
    if hit is None or hit.canonical is not None or len(hit.candidates) != 2:
        return hit
    if not any(p in WO_UNKNOWN or p == WO_OR_DIGIT for p in hit.problems):
        return hit
    found = _cue(memo, to_label, to or "", issuer or "", lao=bool(re.fullmatch(r"[1-9][0-9]{4}", hit.code or "")))
    if found is None or (WO_OR_DIGIT in hit.problems and not found[0]):
        return hit
    circular, why = found
    wo = [c for c in hit.candidates if "/ว " in c]
    ordinary = [c for c in hit.candidates if "/ว " not in c]
    if len(wo) != 1 or len(ordinary) != 1:
        return hit  # both readings circular (split_or_debris): the cue says nothing of them
    (wo,), (ordinary,) = wo, ordinary
    hit.canonical, hit.circular = (wo, True) if circular else (ordinary, False)
    hit.problems.append(f"{why}, not {ordinary if circular else wo}")
    hit.confidence = CONFIDENCE
    return hit
