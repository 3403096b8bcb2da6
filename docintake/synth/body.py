"""The body of a letter: opening, directives, the deadline sentence, closing.

Sentence forms are data (the tuples below and ``topics.py``); this module
picks among them with the letter's own ``random.Random`` and keeps, for
every deadline it writes, the date it means (the ground truth).
"""

from __future__ import annotations

import datetime as dt
import random
import re

from docintake.models import Deadline
from docintake.synth import thaifmt as tf
from docintake.synth.plan import DeadlineSpec, Plan
from docintake.synth.spec import Para
from docintake.synth.topics import TOPICS
from docintake.synth.vocab import CLOSINGS

OPENINGS = (
    "ด้วย{upper}แจ้งว่า {bg}",
    "ตามที่ {upper}ได้แจ้งว่า {bg} นั้น",
    "{self}ได้รับแจ้งจาก{upper}ว่า {bg} รายละเอียดปรากฏตามสิ่งที่ส่งมาด้วย",
    "ด้วย{upper}ได้มีหนังสือแจ้งเรื่อง{subj} โดยแจ้งว่า {bg}",
)
OPENINGS_REF = (
    "ตามหนังสือที่อ้างถึง {upper}ได้แจ้งว่า {bg} นั้น",
    "ตามที่ได้แจ้งตามหนังสือที่อ้างถึง เรื่อง{subj} ความละเอียดแจ้งแล้ว นั้น",
)
OPENINGS_TOP = ("ด้วย{bg}", "ตามที่ {bg} นั้น", "ด้วยปรากฏว่า {bg}")
DIRECTING = (
    "{self}พิจารณาแล้ว จึงขอให้{target}ดำเนินการ ดังนี้",
    "เพื่อให้การดำเนินการเป็นไปด้วยความเรียบร้อย จึงขอให้{target}ถือปฏิบัติ ดังนี้",
    "ในการนี้ {self}ขอให้{target}ดำเนินการในส่วนที่เกี่ยวข้อง ดังนี้",
    "{self}ขอความร่วมมือ{target}ดำเนินการ ดังนี้",
)
REPORTING = {
    "dept": ("ให้จังหวัดรวบรวมผลการดำเนินงานและ{report} ส่งให้กรมส่งเสริมการปกครองท้องถิ่น {dl}",
             "ให้องค์กรปกครองส่วนท้องถิ่น{report} {dl}"),
    "prov": ("ขอให้อำเภอแจ้งองค์กรปกครองส่วนท้องถิ่น{report} และรวบรวมส่งให้จังหวัด {dl}",
             "ให้องค์กรปกครองส่วนท้องถิ่น{report} ให้จังหวัดทราบ {dl}"),
    "dist": ("{report} ให้อำเภอทราบ {dl} เพื่ออำเภอจะได้รวบรวมรายงานจังหวัดต่อไป",
             "จึงขอให้องค์กรปกครองส่วนท้องถิ่น{report} ส่งให้อำเภอ{dl}",
             "ขอให้{report} แล้วส่งให้อำเภอทราบ {dl} หากพ้นกำหนดจะถือว่าไม่มีข้อมูลรายงาน"),
    "provdirect": ("ขอให้องค์กรปกครองส่วนท้องถิ่น{report} ส่งให้จังหวัด {dl}",
                   "{report} ให้จังหวัดทราบ {dl}"),
    "lao": ("จึงขอความร่วมมือ{report} {dl}", "ขอได้โปรดแจ้งตอบ {dl}"),
    "memo": ("จึงขอให้แจ้งกองที่เกี่ยวข้อง{report} {dl}", "เห็นควรให้{report} {dl}"),
}
DEADLINE_FORMS = {
    "done": ("ให้แล้วเสร็จภายในวันที่ {d}", "ให้แล้วเสร็จภายใน วันที่ {d}"),
    "weekday": ("ภายในวัน{wd}ที่ {d}", "ให้แล้วเสร็จภายในวัน{wd}ที่ {d}"),
    "before": ("ก่อนวันที่ {d}",),
    "notlater": ("ไม่เกินวันที่ {d}", "ภายในไม่เกินวันที่ {d}"),
    "within": ("ภายในวันที่ {d}",),
    "relative": ("ภายใน {n} วัน นับแต่วันที่ได้รับหนังสือนี้", "ภายใน {n} วันนับแต่ได้รับหนังสือฉบับนี้"),
}


def fill(template: str, rng: random.Random, plan: Plan) -> str:
    """Fill a topic template's number slots in the letter's digit style."""
    values = {
        "n": lambda: str(rng.randint(12, 980)), "m": lambda: str(rng.randint(2, 45)),
        "amt": lambda: f"{rng.randint(15, 9800) * 1000:,}", "pct": lambda: str(rng.randint(18, 85)),
        "q": lambda: str(rng.randint(1, 4)),
        "fy": lambda: str(tf.be_year(plan.date) + (1 if plan.date.month >= 10 else 0)),
        "prov": lambda: plan.org.province or "ชัยภูมิ",
    }
    text = re.sub(r"\{(\w+)\}", lambda m: tf.digits(values[m.group(1)](), plan.thai), template)
    return tf.digits(text, plan.thai) if not plan.thai else text


def deadline_date_text(day: dt.date, plan: Plan, rng: random.Random) -> str:
    if plan.level == "memo":
        return tf.thai_date(day, plan.thai, abbr=True, short_year=rng.random() < 0.8)
    style = rng.random()
    return tf.thai_date(day, plan.thai, abbr=style < 0.25, be_prefix=style > 0.85)


def deadline_phrase(dl: DeadlineSpec, plan: Plan, rng: random.Random) -> str:
    form = rng.choice(DEADLINE_FORMS[dl.form])
    return form.format(d=deadline_date_text(dl.date, plan, rng), wd=tf.weekday_name(dl.date),
                       n=tf.digits(dl.days, plan.thai))


def _names(plan: Plan, t: dict, rng: random.Random, subject: str) -> dict[str, str]:
    own = {"dept": plan.org.name, "prov": plan.org.name, "dist": plan.org.name}.get(plan.level, plan.org.name)
    target = {"dept": "จังหวัดแจ้งองค์กรปกครองส่วนท้องถิ่น", "prov": "อำเภอแจ้งองค์กรปกครองส่วนท้องถิ่นในพื้นที่",
              "dist": "องค์กรปกครองส่วนท้องถิ่น"}.get(plan.level, "หน่วยงานของท่าน")
    return {"self": own, "target": plan.target or target, "upper": plan.upper or "กระทรวงมหาดไทย",
            "subj": subject.split(" ประจำปี")[0],
            "bg": fill(rng.choice(t["background"]), rng, plan)}


def compose_body(plan: Plan, rng: random.Random, subject: str) -> tuple[list[Para], list[Deadline]]:
    """Paragraphs of the body and the deadlines they set, in text order."""
    t = TOPICS[plan.topic]
    names = _names(plan, t, rng, subject)
    paras = [Para(_opening(plan, names, rng))]
    items = _items(plan, t, rng)
    deadlines: list[Deadline] = []
    dl_sentence = _deadline_sentence(plan, t, rng, deadlines)
    if items and plan.level != "memo":
        paras.append(Para(rng.choice(DIRECTING).format(**names)))
        if dl_sentence and rng.random() < 0.6:
            items.append(dl_sentence)
            dl_sentence = ""
        paras += [Para(f"{tf.digits(i + 1, plan.thai)}. {text}") for i, text in enumerate(items)]
    if dl_sentence:
        lead = "ทั้งนี้ " if rng.random() < 0.4 and not dl_sentence.startswith(("จึง", "และ")) else ""
        paras.append(Para(lead + dl_sentence))
    paras.append(Para(rng.choice(CLOSINGS[plan.level])))
    return paras, deadlines


def _opening(plan: Plan, names: dict[str, str], rng: random.Random) -> str:
    if plan.level in ("dept", "lao", "memo") and not plan.upper:
        forms = OPENINGS_TOP
    elif plan.refs and rng.random() < 0.4:
        forms = OPENINGS_REF
    else:
        forms = OPENINGS
    return rng.choice(forms).format(**names)


def _items(plan: Plan, t: dict, rng: random.Random) -> list[str]:
    if plan.short or (plan.level in ("dist", "memo", "lao") and rng.random() < 0.6):
        return []
    k = rng.randint(1, min(3, len(t["action"])))
    return [fill(a, rng, plan) for a in rng.sample(t["action"], k)]


def _deadline_sentence(plan: Plan, t: dict, rng: random.Random, out: list[Deadline]) -> str:
    """The sentence asking for a report; records its deadline in ``out``."""
    report = fill(rng.choice(t["report"]), rng, plan)
    if plan.deadline is None:
        return f"ขอให้{report}" if rng.random() < 0.5 else ""
    phrase = deadline_phrase(plan.deadline, plan, rng)
    key = "provdirect" if plan.level == "prov" and plan.target else plan.level  # a province writing to LAOs
    sentence = rng.choice(REPORTING[key]).format(report=report, dl=phrase)
    out.append(Deadline(date=plan.deadline.date, text=" ".join(sentence.split()),
                        relative=plan.deadline.form == "relative"))
    return sentence
