"""The organisations letters come from and go to.

A fixed world built from ``vocab.py``: the department, each province and its
districts, and for each district a municipality or two and a handful of SAOs.
Which tambons a district has is drawn from a generator seeded by the
district's name (crc32), so the world is the same for every corpus seed.
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass
from functools import lru_cache

from docintake.synth import vocab

DEPT_NAME = "กรมส่งเสริมการปกครองท้องถิ่น"


@dataclass(frozen=True)
class Org:
    level: str  # dept | prov | dist | muni | sao | pao
    name: str  # as the directory and other letters name it: "จังหวัดชัยภูมิ"
    office: str  # letterhead first line: "ศาลากลางจังหวัดชัยภูมิ"
    address: tuple[str, ...]  # further letterhead lines, Arabic digits
    prefix: str  # document-number prefix: "มท", "ชย"
    code: str  # document-number code: "0023.14", "73601"
    head: str  # the head's position: "ผู้ว่าราชการจังหวัดชัยภูมิ"
    province: str = ""
    district: str = ""
    phone: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class District:
    org: Org
    province: Org
    munis: tuple[Org, ...]
    saos: tuple[Org, ...]

    @property
    def laos(self) -> tuple[Org, ...]:
        return self.munis + self.saos


def _rng(name: str) -> random.Random:
    return random.Random(zlib.crc32(name.encode("utf-8")))


def _phone(code: str, name: str) -> str:
    """A stable, plausible land-line number: ``0 4481 1234`` (Arabic)."""
    r = _rng("tel" + name)
    area = vocab.AREA_CODES.get(code, "044")
    return f"0 {area[1:]}{r.randint(10, 99)} {r.randint(1000, 9999)}"


def department() -> Org:
    return Org("dept", DEPT_NAME, DEPT_NAME, ("ถนนนครราชสีมา เขตดุสิต กทม. 10300",), "มท", "0810.6",
               "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น", phone="0 2241 9000", aliases=("สถ.",))


@lru_cache(maxsize=None)
def province(code: str) -> Org:
    name, post, road, _ = vocab.PROVINCES[code]
    return Org("prov", f"จังหวัด{name}", f"ศาลากลางจังหวัด{name}", (f"{road} {code} {post}",), code, "0023.3",
               f"ผู้ว่าราชการจังหวัด{name}", province=name, phone=_phone(code, name))


def pao(code: str) -> Org:
    name, post, road, _ = vocab.PROVINCES[code]
    return Org("pao", f"องค์การบริหารส่วนจังหวัด{name}", f"สำนักงานองค์การบริหารส่วนจังหวัด{name}",
               (f"{road} {code} {post}",), code, f"7{zlib.crc32(name.encode()) % 9000 + 1000}",
               f"นายกองค์การบริหารส่วนจังหวัด{name}", province=name, aliases=(f"อบจ.{name}",))


@lru_cache(maxsize=None)
def district(code: str, dname: str) -> District:
    pname, post, _, districts = vocab.PROVINCES[code]
    r = _rng(code + dname)
    number = districts.index(dname) + 10 + r.randint(0, 5)
    road = r.choice(vocab.ROADS)
    dorg = Org("dist", f"อำเภอ{dname}", f"ที่ว่าการอำเภอ{dname}", (f"{road} {code} {post[:3]}{r.randint(10, 99)}",),
               code, f"0023.{number}", f"นายอำเภอ{dname}", pname, dname, _phone(code, dname), (f"อ.{dname}",))
    tambons = r.sample(vocab.TAMBONS, r.randint(4, 6))
    munis = [_lao(code, dname, "muni", _muni_name(dname, pname, tambons[0]), post, r)]
    if r.random() < 0.4:
        munis.append(_lao(code, dname, "muni", f"เทศบาลตำบล{tambons[1]}", post, r))
    saos = [_lao(code, dname, "sao", f"องค์การบริหารส่วนตำบล{t}", post, r) for t in tambons[len(munis):]]
    return District(dorg, province(code), tuple(munis), tuple(saos))


def _muni_name(dname: str, pname: str, tambon: str) -> str:
    if dname.startswith("เมือง"):
        return f"เทศบาลเมือง{pname}"
    return f"เทศบาลตำบล{dname}" if len(dname) % 2 else f"เทศบาลตำบล{tambon}"


def _lao(code: str, dname: str, level: str, name: str, post: str, r: random.Random) -> Org:
    pname = vocab.PROVINCES[code][0]
    if level == "muni":
        short = name.replace("เทศบาลตำบล", "ทต.").replace("เทศบาลเมือง", "ทม.")
        head = name.replace("เทศบาล", "นายกเทศมนตรี")
        office = f"สำนักงาน{name}"
    else:
        short = name.replace("องค์การบริหารส่วนตำบล", "อบต.")
        head = f"นายก{name}"
        office = f"ที่ทำการ{name}"
    addr = (f"อำเภอ{dname} จังหวัด{pname} {post[:3]}{r.randint(10, 99)}",)
    return Org(level, name, office, addr, code, f"7{r.randint(1000, 9999)}", head, pname, dname,
               _phone(code, name), (short, short.replace(".", ". ")))


def all_districts() -> list[District]:
    return [district(c, d) for c, (_, _, _, ds) in vocab.PROVINCES.items() for d in ds]


DIRECTORY_TYPES = {"prov": "province", "dist": "district", "muni": "municipality", "sao": "sao", "pao": "pao"}


def directory_rows(districts: list[District]) -> list[dict[str, str]]:
    """Rows of ``directory.csv`` for the given districts (and their provinces).

    An LAO's name is not unique (อบต.บ้านใหม่ in several provinces): an
    organisation is one (level, name, district, province), as in the registry."""
    rows: list[dict[str, str]] = []
    seen: set[tuple[str, str, str, str]] = set()

    def add(org: Org) -> None:
        if (org.level, org.name, org.district, org.province) not in seen:
            seen.add((org.level, org.name, org.district, org.province))
            rows.append({"name": org.name, "type": DIRECTORY_TYPES[org.level], "district": org.district,
                         "province": org.province, "aliases": ";".join(dict.fromkeys(org.aliases))})

    for d in districts:
        add(d.province)
        add(pao(d.province.prefix))
        add(d.org)
        for lao in d.laos:
            add(lao)
    return rows
