"""The directory of organisations: load, validate, and the names letters use for them.

``directory.csv`` has the columns ``name,type,district,province,aliases``;
type is one of province, district, municipality, sao, pao; aliases are
separated by ``;``. An alias shaped like a document-number office
(``ชย 0023.14``) tells routing which district issues letters with that code.
"""

from __future__ import annotations

import csv
import io
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from sqlite_utils import Database

from docintake.errors import InputFileError
from docintake.models import Model
from docintake.registry.vocab import ABBREVIATIONS, HEAD_OF_SUBTYPE, ORG_FORMS, ORG_TYPES
from docintake.text.fuzzy import key
from docintake.text.lexicon import PROVINCE_PREFIXES

OrgType = Literal["province", "district", "municipality", "sao", "pao"]
COLUMNS = ("name", "type", "district", "province", "aliases")
_OFFICE = re.compile(r"^[ก-ฮ]{1,3}\s?[\d.]+$")


class Organisation(Model):
    id: int | None = None
    name: str
    type: OrgType
    district: str = ""  # bare district name, "เมืองเพ็ญ"
    province: str = ""  # bare province name, "ชัยภูมิ"
    aliases: list[str] = Field(default_factory=list)


def compact(text: str) -> str:
    """Text as matching sees it: no spaces, abbreviations spelt out.

    >>> compact("นายก อบต. บ้านใหม่")
    'นายกองค์การบริหารส่วนตำบลบ้านใหม่'
    >>> compact("ทต.เมืองเพ็ญ")
    'เทศบาลตำบลเมืองเพ็ญ'
    """
    text = "".join(text.split())
    for short, full in _LONGEST_FIRST:
        if short in text:
            text = text.replace(short, full)
    return text


_LONGEST_FIRST = sorted(ABBREVIATIONS, key=lambda p: -len(p[0]))
_JUNK_ENDS = re.compile(r"^[^ก-๛A-Za-z0-9]+|[^ก-๛A-Za-z0-9]+$")


def trim(text: str) -> str:
    """Without the specks OCR leaves at either end (quotes, a full stop, a slash).

    >>> trim("'นายอำเภอ ทุกอำเภอ."), trim("/ที่ทำการ")
    ('นายอำเภอ ทุกอำเภอ', 'ที่ทำการ')
    """
    return _JUNK_ENDS.sub("", text)


@lru_cache(maxsize=65536)  # routing folds every directory name for every letter
def fold(text: str) -> str:
    """Text as routing compares it: ``compact``, specks at either end gone, and
    the marks OCR drops or adds ignored: tone marks (``อำเภ้อ``) and the circle
    of sara am (``น้ำพอง`` read ``น้าพอง``, ``ลำ`` read ``ล้า``). Both sides of a
    comparison are folded, so only the reading's noise is forgiven.

    >>> fold("ที่ว่าการอำเภ้อน้าพอง.") == fold("ที่ว่าการอำเภอน้ำพอง")
    True
    """
    return key(trim(compact(text))).replace("ำ", "า")


_FOLDED_FORMS = [(fold(form), kind, subtype) for form, kind, subtype in ORG_FORMS]
# A province's document-number prefix by its folded name (``fold("สงขลา")`` -> สข).
PREFIX_OF_PROVINCE = {fold(name): prefix for prefix, name in PROVINCE_PREFIXES.items()}


def folded_parts(folded: str) -> tuple[str | None, str]:
    """``name_parts`` of text that is already folded (its core folded too).

    >>> folded_parts(fold("ศาลากลางจังหวัดลำปาง."))
    ('จังหวัด', 'ลาปาง')
    """
    for form, _type, subtype in _FOLDED_FORMS:
        if folded.startswith(form) and len(folded) > len(form):
            return subtype, folded[len(form):]
    return None, folded


def name_parts(name: str) -> tuple[str | None, str]:
    """(subtype, core) of an organisation name.

    >>> name_parts("อบต.บ้านใหม่")
    ('อบต.', 'บ้านใหม่')
    >>> name_parts("เทศบาลตำบลเมืองเพ็ญ")
    ('ทต.', 'เมืองเพ็ญ')
    >>> name_parts("บ้านโคก")
    (None, 'บ้านโคก')
    """
    text = compact(name)
    for form, _type, subtype in ORG_FORMS:
        if text.startswith(form) and len(text) > len(form):
            return subtype, text[len(form):]
    return None, text


def place(name: str) -> str:
    """A district or province name without its อำเภอ/จังหวัด word.

    >>> place("อำเภอ เมืองเพ็ญ"), place("จ.ชัยภูมิ"), place("ชัยภูมิ")
    ('เมืองเพ็ญ', 'ชัยภูมิ', 'ชัยภูมิ')
    """
    return name_parts(name)[1] if name.strip() else ""


def short_name(org: Organisation | str) -> str:
    """The name clerks write: ``อบต.บ้านใหม่``, ``อำเภอเมืองเพ็ญ``.

    >>> short_name("องค์การบริหารส่วนตำบลบ้านใหม่")
    'อบต.บ้านใหม่'
    """
    name = org if isinstance(org, str) else org.name
    subtype, core = name_parts(name)
    return f"{subtype}{core}" if subtype else name


def forms_of(org: Organisation) -> list[str]:
    """Every compact form a letter may use for this organisation or its head (aliases too)."""
    forms: set[str] = set()
    for name in [org.name, *(a for a in org.aliases if not _OFFICE.match(a))]:
        subtype, core = name_parts(name)
        forms |= {compact(name), core}
        forms |= {form + core for form, _type, sub in ORG_FORMS if sub == subtype}
        if subtype in HEAD_OF_SUBTYPE:
            forms.add(HEAD_OF_SUBTYPE[subtype] + core)
    return sorted(f for f in forms if f)


def office_aliases(org: Organisation) -> list[str]:
    """Aliases that are document-number offices (``ชย 0023.14``), normalised to one space."""
    return [re.sub(r"^([ก-ฮ]+)\s?", r"\1 ", a.strip()) for a in org.aliases if _OFFICE.match(a.strip())]


# ----------------------------------------------------------------- the CSV


def parse_directory(text: str, source: str = "directory.csv") -> list[Organisation]:
    """Validate a directory CSV; every problem is reported with its line number."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in COLUMNS[:4] if c not in header]
    if missing:
        raise InputFileError(f"{source}: missing column(s) {', '.join(missing)}; "
                             f"the header must be {','.join(COLUMNS)}")
    orgs, problems, seen = [], [], set()
    for line, row in enumerate(reader, start=2):
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        org, problem = _row_to_org(row)
        key = org and (org.type, org.name, org.district, org.province)
        if problem is None and key in seen:
            problem = f"{org.name} ({org.type}) is listed twice"
        if problem:
            problems.append(f"line {line}: {problem}")
            continue
        seen.add(key)
        orgs.append(org)
    if problems:
        shown = "\n  ".join(problems[:10]) + ("\n  ..." if len(problems) > 10 else "")
        raise InputFileError(f"{source}: {len(problems)} row(s) need fixing:\n  {shown}")
    return orgs


def _row_to_org(row: dict[str, str]) -> tuple[Organisation | None, str | None]:
    name, kind = row.get("name", ""), row.get("type", "").lower()
    if not name:
        return None, "the name is empty"
    if kind not in ORG_TYPES:
        return None, f"type '{row.get('type', '')}' is not one of {', '.join(ORG_TYPES)}"
    district, province = place(row.get("district", "")), place(row.get("province", ""))
    if kind == "district" and not district:
        district = name_parts(name)[1]
    if kind in ("municipality", "sao") and not district:
        return None, f"{name}: a {kind} needs its district (routing sends district letters by it)"
    if kind != "province" and not province:
        return None, f"{name}: the province is empty"
    aliases = [a.strip() for a in row.get("aliases", "").split(";") if a.strip()]
    return Organisation(name=name, type=kind, district=district, province=province, aliases=aliases), None


def read_directory(path: Path) -> list[Organisation]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise InputFileError(f"{path}: no such file. Check the path and try again.") from exc
    except UnicodeDecodeError as exc:
        raise InputFileError(f"{path} is not UTF-8 (byte {exc.start}); save it as CSV UTF-8.") from exc
    return parse_directory(text, source=str(path))


# ---------------------------------------------------------------- database


def save_orgs(db: Database, orgs: list[Organisation]) -> int:
    """Add or update organisations (keyed by type, name, district, province); ids stay stable."""
    for org in orgs:
        db.conn.execute(
            "INSERT INTO organisations (name, type, district, province, aliases) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (type, name, district, province) DO UPDATE SET aliases = excluded.aliases",
            (org.name, org.type, org.district, org.province, _json(org.aliases)),
        )
    return len(orgs)


def load_orgs(db: Database) -> list[Organisation]:
    return [
        Organisation(id=r["id"], name=r["name"], type=r["type"], district=r["district"],
                     province=r["province"], aliases=json.loads(r["aliases"]))
        for r in db.query("SELECT * FROM organisations ORDER BY id")
    ]


def _json(value: list[str]) -> str:
    return json.dumps(value, ensure_ascii=False)
