"""Letter texts shared by parser tests: one district letter to every SAO,
with blanks for what a test varies."""

# ``{urgent}``: an urgency line (with its newline) or ""; ``{letter_date}``: the
# date line; ``{body}``: the rest of the body's first sentence.
DISTRICT_LETTER = """{urgent}ที่ พช ๐๐๒๓.๑๔/๑๒๑๘ ที่ว่าการอำเภอหล่มสัก
ถนนพินิจ พช ๖๗๑๑๐
{letter_date}
เรื่อง การรายงานผล
เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง
ด้วยจังหวัดแจ้งว่า ขอให้รายงานผล {body}
ขอแสดงความนับถือ
(นายสมชาย ใจดี)
นายอำเภอหล่มสัก"""


def district_letter(body: str, letter_date: str, urgent: str = "") -> str:
    """The district letter with its blanks filled.

    >>> district_letter("ภายใน ๗ วัน", "๑ มีนาคม ๒๕๖๘").splitlines()[2]
    '๑ มีนาคม ๒๕๖๘'
    """
    return DISTRICT_LETTER.format(urgent=urgent, body=body, letter_date=letter_date)
