"""Turn a ``Plan`` into a ``LetterSpec``: every printed string plus the truth.

The truth ``Letter`` is built from the same values that were printed.
Fields whose truth depends on where lines wrap (subject, to, enclosure text)
are finished by ``finish_truth`` after layout.
"""

from __future__ import annotations

import random
import zlib

from docintake.models import Contact, Deadline, Enclosure, Letter, Reference, Signatory
from docintake.synth import thaifmt as tf
from docintake.synth import vocab
from docintake.synth.body import compose_body, fill
from docintake.synth.plan import Plan, Ref
from docintake.synth.spec import Field, LetterSpec, Run
from docintake.synth.topics import TOPICS

KIND_BY_LEVEL = {"memo": "memo"}
POSITIONS = {
    "dept": (("อธิบดีกรมส่งเสริมการปกครองท้องถิ่น",),
             ("รองอธิบดี ปฏิบัติราชการแทน", "อธิบดีกรมส่งเสริมการปกครองท้องถิ่น")),
    "prov": (("{head}",), ("รองผู้ว่าราชการจังหวัด ปฏิบัติราชการแทน", "{head}")),
    "dist": (("{head}",), ("ปลัดอำเภอ รักษาราชการแทน", "{head}"), ("ปลัดอำเภอ ปฏิบัติราชการแทน", "{head}")),
    "lao": (("{head}",), ("ปลัด{name} ปฏิบัติราชการแทน", "{head}")),
    "memo": (("หัวหน้าสำนักปลัด",), ("ผู้อำนวยการกองคลัง",), ("นักวิเคราะห์นโยบายและแผนชำนาญการ",), ("นักจัดการงานทั่วไป",)),
}
UNITS = {"dept": vocab.DEPT_UNITS, "prov": vocab.PROV_UNITS, "dist": vocab.DIST_UNITS,
         "lao": vocab.LAO_UNITS, "memo": vocab.LAO_UNITS}


def compose(plan: Plan, rng: random.Random) -> LetterSpec:
    kind = "memo" if plan.level == "memo" else ("circular" if plan.circular else "external")
    subject = fill(rng.choice(TOPICS[plan.topic]["subject"]), rng, plan)
    paras, deadlines = compose_body(plan, rng, subject)
    truth = Letter(kind=kind, doc_no=plan.doc_no, date=plan.date, urgency=plan.urgency,
                   references=[Reference(doc_no=r.doc_no, date=r.date, issuer=r.issuer, urgency=r.urgency)
                               for r in plan.refs])
    spec = LetterSpec(kind=kind, face=plan.face, thai=plan.thai, truth=truth, body=paras)
    spec.urgency = _urgency(plan, rng, deadlines)
    truth.deadlines = deadlines
    spec.number = _number(plan, spec)
    spec.date = _date(plan, rng, spec)
    truth.subject, truth.to = subject, plan.to
    if kind == "memo":
        _memo_header(plan, spec, subject)
    else:
        _letter_header(plan, spec, subject, rng)
    _signature(plan, spec, rng)
    spec.continued = rng.random() < 0.6
    return spec


def _urgency(plan: Plan, rng: random.Random, deadlines: list[Deadline]) -> list[Run]:
    """Red stamp lines; a ``ด่วนภายใน`` line is a deadline that comes first in the text."""
    if not plan.urgency:
        return []
    runs = [Run(plan.urgency, "red")]
    if plan.urgent_by:
        day, time = plan.urgent_by
        when = tf.thai_date(day, plan.thai, abbr=rng.random() < 0.5)
        text = f"ด่วนภายใน {when} เวลา {tf.digits(time, plan.thai)} น."
        runs.append(Run(text, "redsmall"))
        deadlines.insert(0, Deadline(date=day, text=text, time=time, source="urgency"))
    return runs


def _number(plan: Plan, spec: LetterSpec) -> list[Run]:
    printed = tf.printed_doc_no(plan.doc_no, plan.thai)
    lead = [Run("ที่", "label")] if spec.kind == "memo" else []
    if not plan.hand_number:
        return lead + [Run(printed if lead else f"ที่ {printed}")]
    head, running = printed.rsplit("/", 1)
    pre, sep = (head + "/ว", " ") if running.startswith("ว ") else (head + "/", "")
    spec.notes.append("handwritten running number")
    return lead + [Run(pre if lead else f"ที่ {pre}"), Run(running.removeprefix("ว "), "hand", sep=sep)]


def _date(plan: Plan, rng: random.Random, spec: LetterSpec) -> list[Run]:
    memo = spec.kind == "memo"
    text = tf.thai_date(plan.date, plan.thai, abbr=memo, short_year=memo and rng.random() < 0.8)
    lead = [Run("วันที่", "label", at_mm=100)] if memo else []
    if not plan.hand_date:
        return lead + [Run(text)]
    day, rest = text.split(" ", 1)
    spec.notes.append("handwritten date")
    return lead + [Run(day, "hand"), Run(rest)]


def _address(plan: Plan) -> list[str]:
    return [plan.org.office] + [tf.digits(a, plan.thai) for a in plan.org.address]


def _letter_header(plan: Plan, spec: LetterSpec, subject: str, rng: random.Random) -> None:
    spec.office = _address(plan)
    spec.truth.issuer, spec.truth.address = spec.office[0], " ".join(spec.office[1:])
    spec.fields = [Field("เรื่อง", subject, "subject"), Field("เรียน", plan.to, "to")]
    spec.fields += _entries("อ้างถึง", [_ref_text(r, plan, rng, "หนังสือ") for r in plan.refs], "ref", "")
    encs, texts = _enclosures(plan, rng)
    spec.truth.enclosures = encs
    spec.fields += _entries("สิ่งที่ส่งมาด้วย", texts, "enc", "จำนวน {} ชุด", plan.thai)
    spec.closing = "ขอแสดงความนับถือ"


def _memo_header(plan: Plan, spec: LetterSpec, subject: str) -> None:
    spec.memo_unit = [Run("ส่วนราชการ", "label"), Run(plan.memo_unit)]
    spec.truth.issuer = plan.memo_unit
    spec.fields = [Field("เรื่อง", subject, "subject"), Field(plan.memo_to_word, plan.to, "to")]


def _ref_text(r: Ref, plan: Plan, rng: random.Random, word: str) -> str:
    urg = f" {r.urgency}" if r.urgency else ""
    date = tf.thai_date(r.date, plan.thai, abbr=rng.random() < 0.2)
    return f"{word}{r.issuer}{urg} ที่ {tf.printed_doc_no(r.doc_no, plan.thai)} ลงวันที่ {date}"


def _enclosures(plan: Plan, rng: random.Random) -> tuple[list[Enclosure], list[str]]:
    encs, texts = [], []
    if plan.copy_of:
        c = plan.copy_of
        texts.append(_ref_text(c, plan, rng, "สำเนาหนังสือ"))
        encs.append(Enclosure(text=texts[-1], doc_no=c.doc_no, date=c.date, issuer=c.issuer,
                              urgency=c.urgency, count="1 ชุด"))
    attachments = list(TOPICS[plan.topic]["attachment"])
    for name in rng.sample(attachments, min(plan.attachments, len(attachments))):
        texts.append(tf.digits(name, plan.thai))
        encs.append(Enclosure(text=texts[-1], count="1 ชุด"))
    return encs, texts


def _entries(label: str, texts: list[str], key: str, tail: str, thai: bool = True) -> list[Field]:
    numbered = len(texts) > 1
    return [Field(label if i == 0 else "", t, f"{key}{i}",
                  number=tf.digits(f"{i + 1}.", thai) if numbered else "",
                  tail=tail.format(tf.digits(1, thai)) if tail else "")
            for i, t in enumerate(texts)]


def _person(rng: random.Random) -> str:
    if rng.random() < 0.55:
        return f"{rng.choice(vocab.TITLES_M)}{rng.choice(vocab.FIRST_M)} {rng.choice(vocab.SURNAMES)}"
    return f"{rng.choice(vocab.TITLES_F)}{rng.choice(vocab.FIRST_F)} {rng.choice(vocab.SURNAMES)}"


def _signature(plan: Plan, spec: LetterSpec, rng: random.Random) -> None:
    name = _person(rng)
    lines = [p.format(head=plan.org.head, name=plan.org.name) for p in rng.choice(POSITIONS[plan.level])]
    spec.signer = [f"({name})"] + lines
    spec.truth.signatory = Signatory(name=name, position=" ".join(lines))
    if plan.level == "memo":
        return
    unit = rng.choice(UNITS[plan.level])
    phone = plan.org.phone or "0 4481 1234"
    email = f"saraban_{zlib.crc32(plan.org.name.encode()) % 10**8:08d}@dla.go.th"
    p = tf.digits(phone, plan.thai)
    contact = unit.split(" ") + (rng.choice(([f"โทร. {p}", f"โทรสาร {p}"], [f"โทร./โทรสาร {p}"])))
    contact.append(rng.choice(("ไปรษณีย์อิเล็กทรอนิกส์ ", "e-mail : ", "อีเมล ")) + email)
    spec.contact = contact
    spec.truth.contact = Contact(unit=unit, phone=phone, fax=phone, email=email)
    if plan.level == "prov" and rng.random() < 0.4:
        spec.footer = rng.choice(vocab.SLOGANS)
    if plan.level in ("dept", "prov") and rng.random() < 0.4:
        spec.qr_caption = rng.choice(("QR Code แบบรายงาน", "สแกน QR Code เพื่อรายงานผล", "QR Code ไลน์กลุ่มผู้ประสานงาน"))


def finish_truth(spec: LetterSpec, wrapped: dict[str, list[str]]) -> Letter:
    """Fill the fields whose text depends on line wrapping (join rule of the contract)."""
    t = spec.truth
    if "subject" in wrapped:
        t.subject = tf.join_wrapped(wrapped["subject"])
    if "issuer" in wrapped:
        t.issuer = tf.join_wrapped(wrapped["issuer"])
    if "to" in wrapped:
        t.to = tf.join_wrapped(wrapped["to"])
    for i, enc in enumerate(t.enclosures):
        if f"enc{i}" in wrapped:
            enc.text = tf.join_wrapped(wrapped[f"enc{i}"])
    return t
