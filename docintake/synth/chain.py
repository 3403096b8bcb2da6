"""Plan bundles: a forwarding chain, a single letter, a memo.

A chain is the seed's shape: the district's letter first, then the enclosed
copy of the province's letter, then the department's. Each lower letter
encloses a copy of the one above (same doc_no, date, urgency), letters are
dated in order, and each level sets its own, earlier deadline; sometimes
the district's deadline has already passed on the district letter's date.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from docintake.synth import thaifmt as tf
from docintake.synth import vocab, world
from docintake.synth.plan import DeadlineSpec, Plan, Ref
from docintake.synth.topics import TOPICS

FACES = ("Norasi", "Kinnari", "Garuda", "Loma", "Sawasdee", "Umpush", "Waree")
URGENCIES = ((None, 0.25), ("ด่วนที่สุด", 0.45), ("ด่วนมาก", 0.2), ("ด่วน", 0.1))
FORMS = ("done", "weekday", "before", "notlater", "within")
TIMES = ("10.00", "12.00", "15.00", "16.00", "16.30")


@dataclass
class Receipt:
    org: world.Org
    number: int
    date: dt.date
    time: str  # "11.05"


@dataclass
class BundlePlan:
    shape: str  # chain3 | chain2 | single | memo
    letters: list[Plan]
    receipt: Receipt | None
    district: world.District


def weekday(day: dt.date) -> dt.date:
    """Offices date letters on working days: move a weekend date to Monday."""
    return day + dt.timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)


def _urgency(rng: random.Random) -> str | None:
    return rng.choices([u for u, _ in URGENCIES], [w for _, w in URGENCIES])[0]


def _letter(rng: random.Random, level: str, org: world.Org, code: str, running: int, day: dt.date,
            circular: bool, **kw) -> Plan:
    thai = rng.random() < 0.85
    plan = Plan(level=level, org=org, date=day, doc_no=tf.doc_no(org.prefix, code, running, circular),
                circular=circular, urgency=_urgency(rng) if level != "memo" else None, thai=thai,
                hand_number=rng.random() < (0.15 if level == "dept" else 0.3),
                hand_date=rng.random() < 0.15, face="Laksaman" if rng.random() < 0.75 else rng.choice(FACES),
                **kw)
    if plan.urgency and rng.random() < 0.15:
        plan.urgent_by = (weekday(day + dt.timedelta(days=rng.randint(1, 5))), rng.choice(TIMES))
    return plan


def _deadline(rng: random.Random, day: dt.date, relative_base: dt.date | None = None) -> DeadlineSpec:
    if relative_base is not None:
        days = rng.choice((5, 7, 10, 15))
        return DeadlineSpec("relative", relative_base + dt.timedelta(days=days), days)
    return DeadlineSpec(rng.choice(FORMS), weekday(day))


def _prior_refs(rng: random.Random, issuer: str, prefix: str, code: str, before: dt.date, circular: bool) -> list[Ref]:
    refs = []
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        day = weekday(before - dt.timedelta(days=rng.randint(20, 240)))
        refs.append(Ref(issuer, tf.doc_no(prefix, code, rng.randint(100, 3000), circular), day, _urgency(rng)))
    return sorted(refs, key=lambda r: r.date)


def _copy(p: Plan, issuer: str) -> Ref:
    return Ref(issuer, p.doc_no, p.date, p.urgency)


def pick_district(rng: random.Random) -> world.District:
    code = rng.choice(sorted(vocab.PROVINCES))
    return world.district(code, rng.choice(vocab.PROVINCES[code][3]))


def _dist_to(rng: random.Random, d: world.District) -> tuple[str, tuple[world.Org, ...]]:
    """Whom a district letter addresses: the text after เรียน and the LAOs it reaches."""
    one = rng.choice(d.laos)
    forms = [(f"{d.munis[0].head} และนายกองค์การบริหารส่วนตำบล ทุกแห่ง", d.laos),
             ("นายกเทศมนตรี และนายกองค์การบริหารส่วนตำบล ทุกแห่ง", d.laos),
             ("นายกเทศมนตรีตำบล/นายกองค์การบริหารส่วนตำบล ทุกแห่ง", d.laos),
             (one.head, (one,))]
    return rng.choice(forms)


def plan_chain(rng: random.Random, levels: int, d: world.District) -> BundlePlan:
    """District -> province -> department (levels=3), or the top two or bottom two."""
    topic = rng.choice(sorted(TOPICS))
    dept, prov = world.department(), d.province
    d0 = weekday(dt.date(2023, 10, 2) + dt.timedelta(days=rng.randint(0, 800)))
    d1 = weekday(d0 + dt.timedelta(days=rng.randint(3, 12)))
    d2 = weekday(d1 + dt.timedelta(days=rng.randint(2, 10)))
    t0 = d0 + dt.timedelta(days=rng.randint(20, 40))
    t1 = max(t0 - dt.timedelta(days=rng.randint(2, 8)), d1 + dt.timedelta(days=5))
    low_to, low_reach = _dist_to(rng, d)
    mid_to, mid_reach = _prov_to(rng, d)
    receipt = _receipt(rng, d2, rng.choice(low_reach)) if rng.random() < 0.85 else None
    top = _letter(rng, "dept", dept, rng.choice(vocab.DEPT_CODES), rng.randint(900, 3200), d0, True,
                  to="ผู้ว่าราชการจังหวัด ทุกจังหวัด", topic=topic, attachments=rng.randint(0, 2))
    top.refs = _prior_refs(rng, *rng.choice(vocab.PRIOR_ISSUERS), d0, True)
    top.upper = "กระทรวงมหาดไทย" if top.refs else ""
    top.deadline = _deadline(rng, t0)
    mid = _letter(rng, "prov", prov, rng.choice(vocab.PROV_DIVISIONS), rng.randint(1000, 9800), d1,
                  rng.random() < 0.3, to=mid_to, topic=topic, upper=dept.name)
    mid.copy_of, mid.deadline = _copy(top, dept.name), _deadline(rng, t1)
    mid.refs = _prior_refs(rng, prov.name, prov.prefix, mid.doc_no.split()[1].split("/")[0], d1, mid.circular)
    low = _letter(rng, "dist", d.org, d.org.code, rng.randint(100, 2600), d2, rng.random() < 0.2,
                  to=low_to, topic=topic, upper=prov.name)
    low.copy_of = _copy(mid, prov.name)
    low.refs = _prior_refs(rng, d.org.name, d.org.prefix, d.org.code, d2, False)
    low.deadline = _dist_deadline(rng, t1, d2, receipt)
    letters = [low, mid, top] if levels == 3 else rng.choice(([low, mid], [mid, top]))
    if letters == [low, mid]:  # the province's own directive: no department copy in the bundle
        mid.copy_of, mid.attachments, mid.upper = None, 1, ""
    if letters[0] is not low:
        receipt = _receipt(rng, d1, rng.choice(mid_reach))
        mid.deadline = _dist_deadline(rng, t1, d1, receipt) if rng.random() < 0.3 else mid.deadline
    return BundlePlan(f"chain{len(letters)}", letters, receipt, d)


def _prov_to(rng: random.Random, d: world.District) -> tuple[str, tuple[world.Org, ...]]:
    """Whom a province letter to its districts addresses, and who in ``d`` receives it."""
    p = d.province.province
    city = tuple(m for m in d.munis if m.name == f"เทศบาลเมือง{p}")
    forms = [("นายอำเภอ ทุกอำเภอ", (d.org,)), (f"นายอำเภอ ทุกอำเภอ และนายกเทศมนตรีเมือง{p}", (d.org,) + city),
             (f"นายอำเภอ ทุกอำเภอ และนายกองค์การบริหารส่วนจังหวัด{p}", (d.org, world.pao(d.province.prefix)))]
    return rng.choice(forms)


def _dist_deadline(rng: random.Random, upper: dt.date, day: dt.date, receipt: Receipt | None) -> DeadlineSpec:
    roll = rng.random()
    if roll < 0.15:
        return _deadline(rng, day, receipt.date if receipt else day)
    if roll < 0.4:  # already past when the letter was signed (the seed has one)
        return _deadline(rng, day - dt.timedelta(days=rng.randint(1, 6)))
    return _deadline(rng, max(upper - dt.timedelta(days=rng.randint(1, 5)), day + dt.timedelta(days=2)))


def _receipt(rng: random.Random, after: dt.date, org: world.Org) -> Receipt:
    day = weekday(after + dt.timedelta(days=rng.randint(1, 6)))
    time = f"{rng.randint(8, 16):02d}.{rng.choice((0, 5, 10, 15, 20, 30, 40, 45, 50)):02d}"
    return Receipt(org, rng.randint(1, 2400), day, time)


def plan_single(rng: random.Random, d: world.District, short: bool = False) -> BundlePlan:
    """One letter: the district or province to LAOs, an LAO to the district, or a department circular."""
    topic = rng.choice(sorted(TOPICS))
    day = weekday(dt.date(2023, 10, 2) + dt.timedelta(days=rng.randint(0, 800)))
    who = rng.choices(("dist", "prov", "lao", "dept"), (0.4, 0.3, 0.2, 0.1))[0]
    to, reach = _dist_to(rng, d)
    receipt = _receipt(rng, day, rng.choice(reach)) if who in ("dist", "prov") and rng.random() < 0.8 else None
    if who == "dist":
        p = _letter(rng, "dist", d.org, d.org.code, rng.randint(100, 2600), day, rng.random() < 0.4,
                    to=to, topic=topic, upper=d.province.name)
    elif who == "prov":
        prov = d.province
        p = _letter(rng, "prov", prov, rng.choice(vocab.PROV_DIVISIONS), rng.randint(1000, 9800), day, True,
                    to=f"นายกองค์การบริหารส่วนจังหวัด{prov.province} นายกเทศมนตรี และนายกองค์การบริหารส่วนตำบล ทุกแห่ง",
                    topic=topic, target="องค์กรปกครองส่วนท้องถิ่น", upper=world.DEPT_NAME)
    elif who == "lao":
        lao = rng.choice(d.laos)
        p = _letter(rng, "lao", lao, lao.code, rng.randint(50, 999), day, False, to=d.org.head, topic=topic, upper=d.org.name, target="อำเภอ")
    else:
        p = _letter(rng, "dept", world.department(), rng.choice(vocab.DEPT_CODES), rng.randint(900, 3200), day,
                    True, to="ผู้ว่าราชการจังหวัด ทุกจังหวัด", topic=topic)
    p.attachments = 0 if short else rng.randint(0, 2)
    p.refs = [] if short else _prior_refs(rng, p.org.name, p.org.prefix, p.doc_no.split()[1].split("/")[0], day,
                                          p.circular)
    p.deadline = _dist_deadline(rng, day + dt.timedelta(days=rng.randint(7, 30)), day, receipt) \
        if rng.random() < 0.85 else None
    p.short = short
    return BundlePlan("single", [p], receipt, d)


def _memo_unit(unit: str, lao: world.Org) -> str:
    """``ส่วนราชการ`` must fit one line: long names use the short form (อบต.โคกกลาง)."""
    text = f"{unit} {lao.name}"
    return text if len(text) <= 44 or not lao.aliases else f"{unit} {lao.aliases[0]}"


def plan_memo(rng: random.Random, d: world.District, short: bool = False) -> BundlePlan:
    """An LAO's internal memo (บันทึกข้อความ): short dates, เสนอ sometimes."""
    lao = rng.choice(d.laos)
    day = weekday(dt.date(2023, 10, 2) + dt.timedelta(days=rng.randint(0, 800)))
    unit = rng.choice(vocab.LAO_UNITS)
    boss = rng.choice((lao.head, f"ปลัด{lao.name}"))
    p = _letter(rng, "memo", lao, lao.code, rng.randint(20, 999), day, False, to=boss,
                topic=rng.choice(sorted(TOPICS)), memo_unit=_memo_unit(unit, lao),
                memo_to_word="เสนอ" if rng.random() < 0.35 else "เรียน", upper=d.org.name if rng.random() < 0.5 else "")
    p.deadline = _deadline(rng, day + dt.timedelta(days=rng.randint(3, 20))) if rng.random() < 0.7 else None
    p.short = short
    return BundlePlan("memo", [p], None, d)
