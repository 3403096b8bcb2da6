"""A synthetic registry for the bench: 100,000 letters in chains, 1,000 LAOs.

Ten provinces of ten districts of ten LAOs (one ทต., nine อบต.). Department
circulars are forwarded by provinces, province letters by their districts,
and district letters reach one or two named LAOs or all of the district. Rows
are written in bulk (this is the registry's shape, not its ingest speed;
``bench`` measures that separately).
"""

from __future__ import annotations

import datetime as dt
import random

from sqlite_utils import Database

from docintake.models import Deadline, Letter
from docintake.registry import store
from docintake.registry.orgs import Organisation, save_orgs
from docintake.registry.tasks import UpstreamDeadline, build_task, task_row

PREFIXES = ("ชย", "ขก", "นม", "บร", "สร", "ศก", "อบ", "ยส", "รอ", "มค")
TOPICS = ("การขับเคลื่อนนโยบาย ๑ อปท. ๑ อัตลักษณ์ท้องถิ่น", "การจัดทำแผนพัฒนาท้องถิ่น",
          "การป้องกันและแก้ไขปัญหายาเสพติด", "การรายงานผลการเบิกจ่ายงบประมาณ", "การป้องกันโรคไข้เลือดออก",
          "การสำรวจข้อมูลผู้สูงอายุ", "การเตรียมการรับมือสาธารณภัย", "การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง")
START = dt.date(2023, 1, 1)
AS_OF = dt.date(2025, 6, 15)  # the bench's "today": tasks due before it are mostly done


def directory(provinces: int = 10, districts: int = 10, laos: int = 10) -> list[Organisation]:
    orgs = []
    for p in range(provinces):
        province = f"ทดสอบ{p + 1}"
        orgs.append(Organisation(name=f"จังหวัด{province}", type="province", province=province))
        for d in range(districts):
            district = f"เขต{p + 1}ที่{d + 1}"
            office = f"{PREFIXES[p % len(PREFIXES)]} 0023.{d + 10}"
            orgs.append(Organisation(name=f"อำเภอ{district}", type="district", district=district,
                                     province=province, aliases=[office]))
            orgs.append(Organisation(name=f"เทศบาลตำบล{district}", type="municipality",
                                     district=district, province=province))
            orgs += [Organisation(name=f"องค์การบริหารส่วนตำบลบ้าน{p + 1}x{d + 1}x{k}", type="sao",
                                  district=district, province=province) for k in range(1, laos)]
    return orgs


def _letter(doc_no: str, date: dt.date, deadline: dt.date, subject: str, issuer: str, to: str) -> Letter:
    return Letter(doc_no=doc_no, date=date, subject=subject, issuer=issuer, to=to,
                  kind="circular" if "/ว " in doc_no else "external",
                  deadlines=[Deadline(date=deadline, text=f"ให้แล้วเสร็จภายในวันที่ {deadline}")],
                  directives=[f"ให้ดำเนินการเรื่อง{subject} และรายงานผล"])


def generate(db: Database, letters: int = 100_000, seed: int = 1) -> dict[str, int]:
    """Fill an empty registry; returns row counts."""
    rng = random.Random(seed)
    actor = store.Actor("bench", dt.datetime(2025, 6, 15, 9, 0))
    with store.transaction(db):
        save_orgs(db, directory())
    orgs = {(o["type"], o["district"]): [] for o in db.query("SELECT * FROM organisations")}
    for o in db.query("SELECT id, type, district, province FROM organisations"):
        orgs[(o["type"], o["district"])].append(o)
    n_dept, n_prov = letters // 100, letters * 9 // 100
    with store.transaction(db):
        dept = [_dept_letter(i, rng) for i in range(n_dept)]
        dept_ids = _insert(db, dept, actor)
        prov = [_prov_letter(i, rng, dept) for i in range(n_prov)]
        prov_ids = _insert(db, [lt for lt, _ in prov], actor)
        _forwards(db, prov_ids, [dept_ids[parent] for _, parent in prov])
        dist = [_dist_letter(i, rng, prov) for i in range(letters - n_dept - n_prov)]
        dist_ids = _insert(db, [lt for lt, _, _ in dist], actor)
        _forwards(db, dist_ids, [prov_ids[parent] for _, parent, _ in dist])
        tasks = _tasks(db, rng, dist, dist_ids, prov, prov_ids, dept, dept_ids, orgs, actor)
    return {"letters": db["letters"].count, "laos": sum(len(v) for k, v in orgs.items() if k[0] in ("sao", "municipality")),
            "tasks": tasks}


def _dept_letter(i: int, rng: random.Random) -> Letter:
    date = START + dt.timedelta(days=rng.randrange(900))
    return _letter(f"มท 0810.{rng.randint(1, 8)}/ว {i + 1}", date, date + dt.timedelta(days=30),
                   rng.choice(TOPICS), "กรมส่งเสริมการปกครองท้องถิ่น", "ผู้ว่าราชการจังหวัด ทุกจังหวัด")


def _prov_letter(i: int, rng: random.Random, dept: list[Letter]) -> tuple[Letter, int]:
    parent = rng.randrange(len(dept))
    up, p = dept[parent], rng.randrange(10)
    date = up.date + dt.timedelta(days=rng.randint(3, 10))
    letter = _letter(f"{PREFIXES[p]} 0023.{rng.randint(1, 6)}/{i + 1}", date, up.deadlines[0].date - dt.timedelta(days=5),
                     up.subject, f"ศาลากลางจังหวัดทดสอบ{p + 1}", "นายอำเภอ ทุกอำเภอ")
    return letter, parent


def _dist_letter(i: int, rng: random.Random, prov: list[tuple[Letter, int]]) -> tuple[Letter, int, str]:
    parent = rng.randrange(len(prov))
    up = prov[parent][0]
    p, d = PREFIXES.index(up.doc_no.split()[0]), rng.randrange(10)
    date = up.date + dt.timedelta(days=rng.randint(2, 10))
    district = f"เขต{p + 1}ที่{d + 1}"
    letter = _letter(f"{PREFIXES[p]} 0023.{d + 10}/{i + 1}", date, up.deadlines[0].date - dt.timedelta(days=5),
                     up.subject, f"ที่ว่าการอำเภอ{district}", "นายกองค์กรปกครองส่วนท้องถิ่น ทุกแห่ง")
    return letter, parent, district


def _insert(db: Database, letters: list[Letter], actor: store.Actor) -> list[int]:
    first = (db.conn.execute("SELECT COALESCE(MAX(id), 0) FROM letters").fetchone()[0]) + 1
    rows = [store.letter_columns(lt) | {"id": first + i, "placeholder": 0, "created_at": actor.stamp,
                                         "updated_at": actor.stamp} for i, lt in enumerate(letters)]
    db["letters"].insert_all(rows, batch_size=2000)
    return [r["id"] for r in rows]


def _forwards(db: Database, src: list[int], dst: list[int]) -> None:
    db.conn.executemany(
        "INSERT INTO edges (src, dst, kind, status, reason, confidence) VALUES (?, ?, ?, 'confirmed', ?, 0.95)",
        [(s, t, kind, "bench: encloses a copy") for s, t in zip(src, dst) for kind in ("encloses", "forwards")])


def _tasks(db, rng, dist, dist_ids, prov, prov_ids, dept, dept_ids, orgs, actor) -> int:
    count = 0
    rows, routings = [], []
    for (letter, parent, district), letter_id in zip(dist, dist_ids):
        laos = orgs[("municipality", district)] + orgs[("sao", district)]
        chosen = laos if rng.random() < 0.1 else rng.sample(laos, rng.choice((1, 1, 2)))
        p_letter, grand = prov[parent]
        upstream = [_up(dept[grand]), _up(p_letter)]
        chain = [dept[grand].doc_no, p_letter.doc_no, letter.doc_no]
        for org in chosen:
            task = build_task(letter, letter_id, org["id"], upstream, chain)
            done = task.deadline < AS_OF and rng.random() < 0.95
            rows.append(task_row(task) | {"status": "done" if done else "open",
                                          "created_at": actor.stamp, "updated_at": actor.stamp})
            routings.append((letter_id, org["id"], letter.to, "distribution", "bench", 0.9))
        if len(rows) > 5000:
            count += _flush(db, rows, routings)
    return count + _flush(db, rows, routings)


def _flush(db: Database, rows: list[dict], routings: list[tuple]) -> int:
    n = len(rows)
    db["tasks"].insert_all(rows, batch_size=2000)
    db.conn.executemany("INSERT INTO routings (letter_id, org_id, addressee, kind, reason, confidence) "
                        "VALUES (?, ?, ?, ?, ?, ?)", routings)
    rows.clear()
    routings.clear()
    return n


def _up(letter: Letter) -> UpstreamDeadline:
    return UpstreamDeadline(doc_no=letter.doc_no, date=letter.date, issuer=letter.issuer,
                            deadline=letter.deadlines[0].date)
