"""The facts of one letter, decided before any wording: who, when, what number.

``chain.py`` makes plans (keeping a chain of letters consistent);
``compose.py`` turns a plan into words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from docintake.synth.world import Org


@dataclass(frozen=True)
class Ref:
    """Another letter named in this one (อ้างถึง, or the copy enclosed)."""

    issuer: str  # "จังหวัดชัยภูมิ"
    doc_no: str  # canonical
    date: dt.date
    urgency: str | None = None


@dataclass(frozen=True)
class DeadlineSpec:
    form: str  # done | weekday | before | notlater | within | relative
    date: dt.date  # resolved (for relative: base + days)
    days: int = 0  # relative only


@dataclass
class Plan:
    level: str  # dept | prov | dist | lao | memo
    org: Org
    to: str
    topic: str
    date: dt.date
    doc_no: str
    circular: bool = False
    urgency: str | None = None
    urgent_by: tuple[dt.date, str] | None = None  # ด่วนภายใน date, "16.30"
    deadline: DeadlineSpec | None = None
    refs: list[Ref] = field(default_factory=list)
    copy_of: Ref | None = None  # the upper letter, enclosed as a copy
    attachments: int = 0  # plain enclosures (forms, plans)
    thai: bool = True
    hand_number: bool = False
    hand_date: bool = False
    face: str = "Laksaman"
    upper: str = ""  # who told this office ("จังหวัดชัยภูมิ"), for the body's opening
    memo_unit: str = ""  # memo: ส่วนราชการ text
    memo_to_word: str = "เรียน"  # or เสนอ
    target: str = ""  # who the body asks to act, when not the level's usual one
    short: bool = False  # no numbered directives (fits one page)
