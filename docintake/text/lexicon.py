"""The vocabulary the parser keys on, as data tables.

Everything Thai the parser matches lives here, so adding an OCR confusion or a
province code is a one-line change with its own test. ``fuzzy.py`` matches
against these tables with edit-distance tolerance; nothing here is a general
dictionary (a general spell corrector turns อัตถักษณ์ into อัปลักษณ์).
"""

from __future__ import annotations

# ------------------------------------------------------------------ labels
# canonical label -> forms seen in OCR output besides the canonical one.
# Tone-mark drops (ที่ -> ที) are handled by the matcher, not listed here.
LABELS: dict[str, tuple[str, ...]] = {
    "ที่": ("ท่",),  # both vowel and tone lost: still "ที่ <number>" before a number
    "เรื่อง": ("เรือง", "เร่ือง", "แรอง"),  # แรอง: เ read as แ, ื lost (seed 81)
    "เรียน": ("เรืยน",),
    "เสนอ": (),
    "อ้างถึง": ("อ้างถิง", "อางถึง"),
    # OCR drops the start of this long label on a crowded line: its tail is
    # still unmistakable in the letterhead.
    "สิ่งที่ส่งมาด้วย": ("ดังที่ส่งมาด้วย", "สิ่งที่ล่งมาด้วย", "ที่ส่งมาด้วย", "ส่งมาด้วย", "งมาด้วย"),
    "ลงวันที่": (),
    "ขอแสดงความนับถือ": (),
    "ส่วนราชการ": (),
    "บันทึกข้อความ": (),
    "วันที่": (),
    "เลขรับ": ("เลขที่รับ", "รับที่"),
    "เวลา": (),
    "จำนวน": (),
}

# วันที่ as the Thai model prints it in Latin letters on the receipt stamp's
# small print and on memo number lines (Tun, Jun, TUN: seeds 1, 3, 6, 7);
# matched as a whole word, any case.
DATE_LABEL_LATIN: tuple[str, ...] = ("tun", "jun")

# Labels that open a field under the letterhead, in the order a letter prints them.
FIELD_LABELS: tuple[str, ...] = ("เรื่อง", "เรียน", "เสนอ", "อ้างถึง", "สิ่งที่ส่งมาด้วย")

# --------------------------------------------------------------- urgency
URGENCY_WORDS: tuple[str, ...] = ("ด่วนที่สุด", "ด่วนมาก", "ด่วน")
# OCR readings of an urgency stamp seen in real scans -> canonical.
URGENCY_CONFUSIONS: dict[str, str] = {
    "ต่วนที่สุด": "ด่วนที่สุด",
    "ค้านที่สุด": "ด่วนที่สุด",
    "ด่านที่สุด": "ด่วนที่สุด",
    "ด่วนทีสุด": "ด่วนที่สุด",
    "ต่วนมาก": "ด่วนมาก",
    "ด่านมาก": "ด่วนมาก",
    "ค้านมาก": "ด่วนมาก",
    # The red stamp read letter for letter as Latin look-alikes (seeds 3, 6, 7).
    "AIUNAA": "ด่วนที่สุด",
}

# ----------------------------------------------------------------- dates
MONTHS: tuple[str, ...] = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
MONTHS_ABBR: tuple[str, ...] = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)
# English month names and abbreviations (an English date in a Thai letter or
# its attachment: ``3 March 2025``): read sure, they are no handwritten Thai month.
ENGLISH_MONTHS: frozenset[str] = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})
# OCR readings of month names seen or expected (dropped tone marks are handled
# by the matcher) -> month number.
MONTH_CONFUSIONS: dict[str, int] = {
    "พฤษภคม": 5,
    "มิถุนายบ": 6,
    "กรกฏาคม": 7,  # ฏ for ฎ: also a common typing error
    "ธันวาคน": 12,
}
# Glyphs this OCR prints for a Thai consonant of an abbreviated month when the
# letters are small or handwritten (A.W. for ก.พ., 5.A. for ธ.ค., 1.8. for ก.ย.):
# Latin letter or digit -> the Thai consonants of similar shape it stands for.
# A month is read from them only when exactly one abbreviation fits.
MONTH_LOOKALIKES: dict[str, str] = {
    "A": "กคสตถด", "W": "พฟ", "w": "พฟ", "U": "มบนป", "u": "มบนป",
    "5": "ธ", "6": "ธ", "J": "ย", "Y": "ย", "8": "ย", "1": "ก",
}
# Thai letters this OCR prints for an abbreviated month's first consonant, none
# of which begins a month (seed 56: ``ถ.พ:`` for ก.พ., ก's loop read as ถ's;
# seed 113: ``ฟุ้ย.`` for พ.ย. on a red urgency stamp, ฟ is พ with a tail):
# printed -> the consonant it stands for.
MONTH_THAI_LOOKALIKES: dict[str, str] = {"ถ": "ก", "ภ": "ก", "ฟ": "พ"}
# Weaker look-alikes, of the handwriting a clerk or a stamp fills into a memo's
# date and a receipt stamp (analysis seeds 1-14: nen. for ก.พ., wen. for พ.ค.,
# wed. for พ.ย., nea. for ก.ค., an. for ส.ค., NA. for ม.ค.): a hump read as n or N, a closed bowl
# as a, ย's loop and tail as d. Each fits several months, so they are used
# only where a window of dates chooses among the readings (the letter's date
# for its receipt stamp, an anchor for its own date), never to read a month alone.
MONTH_HAND_LOOKALIKES: dict[str, str] = {"n": "กคพ", "N": "กม", "a": "คส", "d": "ย"}
# Glyphs this OCR prints for an abbreviation's handwritten dot, a small ring
# (Nene for ก.พ., Weds for พ.ย.): read as the dot where the above are used.
MONTH_HAND_DOTS = "e"
# Thai letters the stock model prints for a digit it cannot output, in a number's
# place (tuning seeds 1, 6, 7: ๗ -> ฒ, ฆ; ๗ is a loop with a tall stem, as these
# letters are; seeds 10, 12: ซ, the loop and the stem's notch, for the bold ๗ of
# a ด่วนภายใน stamp; seeds 6, 7: ซ for the day of an entry's ลงวันที่ ๗): read
# char -> the digit. Read so only where a number must stand (a cued day,
# ``ภายใน N วัน``, right after ลงวันที่), never in words (deadlines.py, entrydates.py).
# Seed 46: the repetition mark ๆ, drawn as ๗ is, for the count of ``ภายใน ๗ วัน``
# (where a mark that repeats the word before it cannot stand).
DIGIT_GLYPH_LOOKALIKES: dict[str, str] = {"ฒ": "๗", "ฆ": "๗", "ซ": "๗", "ๆ": "๗"}
# Words after ``วัน<weekday>ที่ <day>`` that make it a day of every month or
# of a month named elsewhere (``ของทุกเดือน``, ``ของเดือนนี้``, ``หน้า``): no
# damaged month name, so the weekday does not date it (parse.weekdays).
DAY_OF_SOME_MONTH = ("ของ", "ทุก", "นี้", "หน้า", "ถัด")
# Latin letters the model prints for the bold red digits of a ด่วนภายใน stamp
# (seed 6: ``od`` for ๒๖, ``ow`` for ๒๙ and ๑๙): letter -> every digit of that
# shape (o: a round digit, ๐ ๑ or ๒; d: a bowl with a stem on its right, ๖;
# w: a bowl with a wave, ๙). Read only where a stamp's day must stand, and only
# when the letter's date leaves one reading (urgency.py).
DIGIT_LATIN_LOOKALIKES: dict[str, str] = {"o": "๐๑๒", "O": "๐๑๒", "d": "๖", "w": "๙"}
# Letters this OCR prints before an abbreviated month's dot on receipt stamps
# (กล.ย. for ก.ย., เมล.ย. for เม.ย., ธ.คล. for ธ.ค.: seeds 1, 6, 7). No
# abbreviation has them, so dropping one before a dot cannot make another month.
MONTH_DOT_SPECKS = "ล"
# What this OCR prints for an abbreviated month's last dot (seed 57: ``ธ.คะ ๖๘``):
# sara a, a small mark at the baseline as the dot is; read as that dot only after
# the abbreviation's first dot (no month ends in ะ).
MONTH_LAST_DOT_LOOKALIKES = "ะ"
# The Buddhist era before a year (พ.ศ. ๒๕๖๘), and the Latin glyphs this OCR
# prints for its two consonants (tuning seeds: WA., wa,, W.A.): พ, then ศ.
ERA = "พ.ศ."
ERA_LOOKALIKES: tuple[str, str] = ("Ww", "Aa")
# Monday first, as datetime.date.weekday() counts.
WEEKDAYS: tuple[str, ...] = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")
WEEKDAY_ALIASES: dict[str, int] = {"พฤหัส": 3, "พฤหัสฯ": 3}

BE_OFFSET = 543

# ------------------------------------------------------------- deadlines
# Words right before a date that make it a deadline (absolute forms of DOMAIN.md:
# ให้แล้วเสร็จภายในวันที่, ภายในวัน<weekday>ที่, ก่อนวันที่, ไม่เกินวันที่, ด่วนภายใน).
DEADLINE_CUES: tuple[str, ...] = ("ภายใน", "ก่อน", "ไม่เกิน", "ไม่ช้ากว่า", "จนถึง")
# "ภายใน ๗ วัน นับแต่วันที่ได้รับหนังสือนี้": relative deadlines, unit -> days per unit.
RELATIVE_UNITS: dict[str, int] = {"วันทำการ": 1, "วัน": 1, "สัปดาห์": 7}
RELATIVE_FROM: tuple[str, ...] = ("นับแต่", "นับจาก", "นับตั้งแต่")
# นับ as OCR misreads it, its ั read as ุ (seed 52: ``นุบแต่วันที่ได้รับหนังสือนี้``), or with
# its น and ั lost (seed 109: ``ภายใน ๑๕`` / ``วัน บแต่ได้รับ``): no Thai word, and only
# ever read after ``ภายใน <count> <unit>``.
RELATIVE_FROM_LOOKALIKES: tuple[str, ...] = ("นุบแต่", "นุบจาก", "นุบตั้งแต่", "บแต่")
URGENT_BY = "ด่วนภายใน"
# ด่วน as OCR misreads it at the head of a stamp word (URGENCY_CONFUSIONS; seed 37: ต่วนภายใน).
URGENT_HEAD_LOOKALIKES: tuple[str, ...] = ("ต่วน", "ค้าน", "ด่าน")

# ------------------------------------------------------- agency prefixes
MINISTRY_PREFIXES: dict[str, str] = {
    "นร": "สำนักนายกรัฐมนตรี", "กห": "กระทรวงกลาโหม", "กค": "กระทรวงการคลัง",
    "กต": "กระทรวงการต่างประเทศ", "กก": "กระทรวงการท่องเที่ยวและกีฬา",
    "พม": "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์", "กษ": "กระทรวงเกษตรและสหกรณ์",
    "คค": "กระทรวงคมนาคม", "ทส": "กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม",
    "ดศ": "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม", "พน": "กระทรวงพลังงาน",
    "พณ": "กระทรวงพาณิชย์", "มท": "กระทรวงมหาดไทย", "ยธ": "กระทรวงยุติธรรม",
    "รง": "กระทรวงแรงงาน", "วธ": "กระทรวงวัฒนธรรม", "อว": "กระทรวงการอุดมศึกษา",
    "ศธ": "กระทรวงศึกษาธิการ", "สธ": "กระทรวงสาธารณสุข", "อก": "กระทรวงอุตสาหกรรม",
}
PROVINCE_PREFIXES: dict[str, str] = {
    "กบ": "กระบี่", "กท": "กรุงเทพมหานคร", "กจ": "กาญจนบุรี", "กส": "กาฬสินธุ์",
    "กพ": "กำแพงเพชร", "ขก": "ขอนแก่น", "จบ": "จันทบุรี", "ฉช": "ฉะเชิงเทรา",
    "ชบ": "ชลบุรี", "ชน": "ชัยนาท", "ชย": "ชัยภูมิ", "ชพ": "ชุมพร", "ชร": "เชียงราย",
    "ชม": "เชียงใหม่", "ตง": "ตรัง", "ตร": "ตราด", "ตก": "ตาก", "นย": "นครนายก",
    "นฐ": "นครปฐม", "นพ": "นครพนม", "นม": "นครราชสีมา", "นศ": "นครศรีธรรมราช",
    "นว": "นครสวรรค์", "นบ": "นนทบุรี", "นธ": "นราธิวาส", "นน": "น่าน", "บก": "บึงกาฬ",
    "บร": "บุรีรัมย์", "ปท": "ปทุมธานี", "ปข": "ประจวบคีรีขันธ์", "ปจ": "ปราจีนบุรี",
    "ปน": "ปัตตานี", "อย": "พระนครศรีอยุธยา", "พย": "พะเยา", "พง": "พังงา", "พท": "พัทลุง",
    "พจ": "พิจิตร", "พล": "พิษณุโลก", "พบ": "เพชรบุรี", "พช": "เพชรบูรณ์", "พร": "แพร่",
    "ภก": "ภูเก็ต", "มค": "มหาสารคาม", "มห": "มุกดาหาร", "มส": "แม่ฮ่องสอน", "ยส": "ยโสธร",
    "ยล": "ยะลา", "รอ": "ร้อยเอ็ด", "รน": "ระนอง", "รย": "ระยอง", "รบ": "ราชบุรี",
    "ลบ": "ลพบุรี", "ลป": "ลำปาง", "ลพ": "ลำพูน", "ลย": "เลย", "ศก": "ศรีสะเกษ",
    "สน": "สกลนคร", "สข": "สงขลา", "สต": "สตูล", "สป": "สมุทรปราการ", "สส": "สมุทรสงคราม",
    "สค": "สมุทรสาคร", "สก": "สระแก้ว", "สบ": "สระบุรี", "สห": "สิงห์บุรี", "สท": "สุโขทัย",
    "สพ": "สุพรรณบุรี", "สฎ": "สุราษฎร์ธานี", "สร": "สุรินทร์", "นค": "หนองคาย",
    "นภ": "หนองบัวลำภู", "อท": "อ่างทอง", "อจ": "อำนาจเจริญ", "อด": "อุดรธานี",
    "อต": "อุตรดิตถ์", "อน": "อุทัยธานี", "อบ": "อุบลราชธานี",
}
AGENCY_PREFIXES: frozenset[str] = frozenset(MINISTRY_PREFIXES) | frozenset(PROVINCE_PREFIXES)
# The highest section a code's dot numbers (``0023.14``: a provincial office's
# groups, then its districts; ``0810.6``: a department's divisions). No
# province has more than 32 districts (นครราชสีมา), so a section above this is
# a misread digit (seed 11: ``๐๐๒๓.๘๕`` for ๐๐๒๓.๑๕), not a unit.
MAX_CODE_SECTION = 40
# Departments that number their letters with their ministry's prefix: an entry
# citing "หนังสือกรมส่งเสริมการปกครองท้องถิ่น" cites a มท number.
DEPARTMENT_PREFIXES: dict[str, str] = {
    "กรมส่งเสริมการปกครองท้องถิ่น": "มท", "กรมการปกครอง": "มท", "กรมการพัฒนาชุมชน": "มท",
    "กรมที่ดิน": "มท", "กรมโยธาธิการและผังเมือง": "มท", "กรมป้องกันและบรรเทาสาธารณภัย": "มท",
}
# Prefix readings that are a known OCR confusion of a real prefix. Only pairs
# where the misreading is itself not a real prefix, so the fix is unambiguous.
PREFIX_CONFUSIONS: dict[str, str] = {
    "งท": "มท", "ฆท": "มท", "มห.": "มท", "ซย": "ชย", "ซม": "ชม", "ซร": "ชร",
}
# Thai letters OCR reads for one another in a prefix or a name (read -> meant,
# used either way round): pairs that differ by one small stroke, a tail (ข/ช, ถ/ภ),
# a notch (ซ/ช, ด/ต, บ/ป, ผ/พ, ฝ/ฟ), the tick inside ศ (ศร for สร, seed 5),
# or a head loop (ง/ม). A handwritten memo prefix is misread so most.
PREFIX_LETTER_CONFUSIONS: dict[str, str] = {
    "ง": "ม", "ซ": "ช", "ข": "ช", "ฃ": "ข", "ด": "ต", "ค": "ต",
    "บ": "ป", "ผ": "พ", "ฝ": "ฟ", "ถ": "ภ", "ศ": "ส",
}
# Latin letters this OCR prints for a handwritten prefix's Thai letters (seeds
# 1, 5, 6, 12: ``UA`` for นศ, ``UN`` for ขก, ``au`` for อบ): as ABBREV_LATIN_LOOKALIKES,
# and a bowl with a loop (ข) reads u too, ส/ศ's slanted loop A, or a (seeds 51,
# 124, 135: ``as`` for สร, ร's curl read s). Loose: a shape only narrows the
# prefixes, it never picks one alone.
PREFIX_LATIN_LOOKALIKES: dict[str, str] = {
    "a": "อส", "o": "อ", "u": "บปนข", "U": "บปนข", "n": "ทก", "N": "ทก", "A": "สศ", "s": "ร",
}
# The letter after the slash of a circular's number (``มท ๐๘๑๐.๔/ว ๒๘๕๙``:
# sent to many, DOMAIN.md). Right after a number it follows a slash and nothing
# else, so a ว glued to a number's last digit lost the slash between them.
CIRCULAR_MARK = "ว"
# Thai digits this OCR prints for a circular's ว (the seed: /๑ ๓๖๕ for
# /ว ๑๓๖๕; seed 7: /๖ ๓๙๖ for /ว ๓๙๖): such a lone digit before the running
# number cannot be told from a digit split off by a space.
WO_DIGIT_LOOKALIKES = "๑๖"
# Marks this OCR prints for a circular's ว, which no digit and no dirt looks
# like: ว's one curved stroke read as a bracket (seeds 3, 8, 10, 11:
# /) ๑๔๓๖ for /ว ๑๔๓๖, every time a circular). A dot there is leader: LEADER_DOTS.
WO_MARK_LOOKALIKES = ")"
# The most digits a running number has: the count restarts each year
# (DOMAIN.md), and no number of the corpora's truth has five; each of the
# three five-digit readings in seeds 42-131's OCR was wrong.
RUNNING_MAX_DIGITS = 4
# What is left of the dotted leader a running number is written in on
# (DOMAIN.md: ``ที่ ชย ๗๓๖๐๑/`` printed, the number by hand): a dot or colon
# right after a legible slash means nothing was printed between the slash and
# the hand, so no ว: an ordinary number. Seeds 1-14: no circular of 521 printed
# a lone dot there; seeds 5 and 12 printed ``/. ๓๕๖`` and ``/: ๓๔๘`` for
# ordinary numbers. (With the slash itself lost, ``๐๘๑๐.๖. ๑๖๕``, a dot may be
# the ว: ``circularmark.WO_AS_DOT``.)
LEADER_DOTS = ".:\u00b7\u2026"
# Glyphs this OCR prints for a number's slash and for nothing else there:
# between a code of a sender's whole shape (0023.13, an LAO's 76927) and the
# running number. Measured by aligning OCR and truth text of analysis seeds
# 8-15, 17-20 (some 1,500 slashes): lost 26 times, read as . or a space 4,
# as | once (seed 20: ``ลย 76927| 886``), as ป twice and, with a ๒ before it,
# as ป or ส twice (``๐๐๒๓.ป๑๒๕`` for ๐๐๒๓.๒/๑๒๕): ป and ส swallow a digit,
# so they are no slash's look-alike; | stood for nothing else between digits.
# Seed 100 read one as # after a speck letter (``๐๐๒๓.๑๓ร#ว ๑๖๓๙``): # stands
# for no digit or letter either (a hashtag's is glued to a word, never to digits).
SLASH_LOOKALIKES = "|#"
# The only Thai digits the stock Tesseract model can output (DOMAIN.md): a
# number it read alone (our digit reader unsure of it) comes out in these,
# whatever was printed. A running number is as likely any digit, so one of
# three or more digits all among these is rarely what was printed.
STOCK_OCR_DIGITS = "๐๑๒๓๕"
# Thai digits this OCR prints for another of similar shape: printed -> the
# digits it may stand for. Measured by aligning OCR and truth text of analysis
# seeds 8-15, 17, 18 (25,800 digits, 40 misread: ๘ as ๕ 7 times, ๔ as ๕ 6,
# ๖ as ๒ 3, ๗ as ๓ 2) and the stock model's substitutes for digits it cannot
# print (DOMAIN.md: ๑๖ -> ๑๐, ๒๕๖๘ -> ๒๕๒๕, ๒๐๖๙ -> ๒๐๒๕; ๓ and ๘ share a
# bowl). Used only where the letter's own check digit, a printed weekday,
# must choose among readings (parse.misreads), never to read a digit alone.
DIGIT_MISREADS: dict[str, str] = {
    "๕": "๘๔๙", "๒": "๖", "๐": "๖", "๓": "๗๘", "๘": "๓",
}

# -------------------------------------------------------------- offices
# Words an issuing office's name starts with (the letterhead's first line),
# words that make a line an LAO's name, and short forms on receipt stamps.
OFFICE_STARTS: tuple[str, ...] = (
    "ศาลากลางจังหวัด", "ที่ว่าการอำเภอ", "กรม", "กระทรวง", "สำนักงาน", "สำนัก",
    "องค์การบริหารส่วน", "เทศบาล", "ที่ทำการ", "ศูนย์", "กอง", "โรงเรียน", "โรงพยาบาล",
    "จังหวัด", "อำเภอ", "มหาวิทยาลัย", "สถาบัน", "คณะกรรมการ", "กรุงเทพมหานคร",
)
OFFICE_WORDS: tuple[str, ...] = ("องค์การบริหาร", "เทศบาล", "อบต.", "ทต.", "ทม.")
OFFICE_SHORT_FORMS: tuple[str, ...] = ("อ.", "จ.", "ทต.", "ทม.", "ทน.", "อบต.", "อบจ.")
# Letters this OCR prints for another inside an office's opening words, printed
# -> read. Measured on the analysis seeds' recorded OCR (2,300 อำเภอ): ภ read as
# ก 56 times (อำเกอ), as ถ 2, as ฏ 2; ก read as ถ 3 (ที่ว่าถาร, ถาร), as ภ 1
# (ศาลาภลาง). Used only to recognise the long opening words of OFFICE_STARTS
# (parse.office), never to change a name.
OFFICE_LETTER_CONFUSIONS: dict[str, str] = {"ภ": "กถฏ", "ก": "ถภ"}
# Opening words long enough to forgive one more letter misread, lost or added.
OFFICE_LONG_STARTS: tuple[str, ...] = tuple(w for w in OFFICE_STARTS if len(w) >= 10)
# Words an office's name puts a number after (สำนักงานเขตพื้นที่การศึกษา ... เขต 1): that
# number is the name's, not OCR debris after it.
NUMBERED_OFFICE_WORDS: tuple[str, ...] = ("เขต", "ภาค", "ที่", "ฉบับที่")
# Positions a signatory holds (the line under the name in parentheses).
POSITION_WORDS: tuple[str, ...] = (
    "ผู้ว่าราชการ", "รองผู้ว่าราชการ", "นายอำเภอ", "ปลัด", "อธิบดี", "รองอธิบดี",
    "ผู้อำนวยการ", "หัวหน้า", "ท้องถิ่นจังหวัด", "ท้องถิ่นอำเภอ", "นายก", "รองนายก",
    "ปลัดจังหวัด", "ผู้อำนวยการกอง", "เลขานุการ", "รักษาราชการแทน", "ปฏิบัติราชการแทน",
    "รักษาการแทน", "ผู้ช่วย", "เจ้าพนักงาน", "นักวิชาการ", "นักจัดการ",
)
# A contact block line starts with one of these.
CONTACT_LABELS: dict[str, tuple[str, ...]] = {
    "phone": ("โทร.", "โทร", "โทรศัพท์"),
    "fax": ("โทรสาร",),
    "email": ("ไปรษณีย์อิเล็กทรอนิกส์", "อีเมล", "อีเมล์", "e-mail", "E-mail", "Email", "email"),
}
UNIT_STARTS: tuple[str, ...] = (
    "สำนักงาน", "สำนัก", "กอง", "กลุ่มงาน", "กลุ่ม", "ฝ่าย", "งาน", "ส่วน", "ศูนย์", "ที่ทำการ",
)
# Name titles: a signatory's name in parentheses starts with one.
NAME_TITLES: tuple[str, ...] = (
    "นางสาว", "นาง", "นาย", "ว่าที่ร้อยตรี", "ว่าที่ ร.ต.", "ดร.", "ร.ต.", "พ.ต.อ.", "พันตำรวจเอก",
)
# Words after which a name follows (a place, an office, a person): the tone
# restorer leaves what follows alone, because names are not in its word list
# and a mark can turn one into common words (ทุ่งสง -> ทุ่งส่ง).
NAME_INTRODUCERS: tuple[str, ...] = (
    "จังหวัด", "อำเภอ", "ตำบล", "หมู่บ้าน", "ถนน", "เทศบาล", "เทศบาลตำบล", "เทศบาลเมือง",
    "เทศบาลนคร", "อบต", "อบจ", "นาย", "นาง", "นางสาว", "บ้าน",
)

# ------------------------------------------------------------ structure
CLOSING = "ขอแสดงความนับถือ"
BODY_CLOSERS: tuple[str, ...] = ("จึงเรียนมาเพื่อ", "จึงเรียนมา", "จึงเรียน")
# A body's first line opens with one of these (so a line before it is not
# the addressee's second line, nor an enclosure's).
BODY_OPENINGS: tuple[str, ...] = ("ตามที่", "ด้วย", "ตามหนังสือ", "เนื่องด้วย", "เนื่องจาก", "อนุสนธิ")
# Sentence openers that start a new paragraph of the body.
PARAGRAPH_OPENERS: tuple[str, ...] = ("ทั้งนี้", "ในการนี้", "อนึ่ง", "ตามที่", "ด้วย", "จึง", "เพื่อให้", "หาก")
# How an addressee starts (the head of an office): a line under the subject
# opening so, after a Latin speck, is the เรียน line whose label OCR lost.
ADDRESSEE_OPENINGS: tuple[str, ...] = (
    "นายก", "ผู้ว่าราชการ", "นายอำเภอ", "ปลัด", "อธิบดี", "ท้องถิ่นจังหวัด", "ท้องถิ่นอำเภอ",
    "ผู้อำนวยการ", "ประธาน", "หัวหน้า", "ผู้บัญชาการ", "เลขาธิการ",
)
# สิ่งที่ส่งมาด้วย with all but its last letters lost at a damaged left edge
# (seed 110: ``าด้วย สำเนาหนังสือกรม...``): า opens no Thai word, so the line
# is the label's, when what follows opens as an enclosure does.
ENCLOSURE_HEADLESS: tuple[str, ...] = ("าด้วย",)
ENCLOSURE_OPENINGS: tuple[str, ...] = ("สำเนา", "๑.", "1.")  # a copy, or the first of a list
# How an addressee ends ("... ทุกแห่ง"): its wrapped second line ends so too.
ADDRESSEE_ENDINGS: tuple[str, ...] = ("ทุกแห่ง", "ทุกจังหวัด", "ทุกอำเภอ", "ทุกท่าน")
# "Every": an addressee with it is a distribution (นายอำเภอ ทุกอำเภอ), one
# text to many; without it a letter goes to the one office or official it names.
DISTRIBUTION_MARK = "ทุก"
# Senders and addressees that make a letter a circular (หนังสือเวียน: one text
# sent to many, numbered /ว): what the addressee says -> how the issuing
# office's name starts. Measured on the analysis seeds' truth (1-18 but 2, 4,
# 16): the department to every province's governor, 171 of 171 circulars; a
# province to every LAO, 38 of 38. A province to every district (54 of 175)
# or a district to every LAO (40 of 165) is as often not: no cue.
CIRCULAR_AUDIENCES: dict[str, str] = {"ทุกจังหวัด": "กรม", "ทุกแห่ง": "ศาลากลางจังหวัด"}
# Page-number lines printed at the top of continuation pages: "- ๒ -".
PAGE_NUMBER_PATTERN = r"^[-–—]\s*[0-9๐-๙]{1,2}\s*[-–—]$"
COUNT_UNITS: tuple[str, ...] = ("ชุด", "ฉบับ", "แผ่น", "เล่ม", "แผ่นซีดี", "แผ่น CD", "ไฟล์")
# Words ordinary text shares with urgency words, one or two edits away.
NOT_URGENCY: tuple[str, ...] = ("มากที่สุด", "ดีที่สุด", "ที่สุด", "ส่วนมาก", "ด้วยมาก", "ดวงมาก")

# ------------------------------------------------- terms of subjects (parse/terms.py)
# Long words and phrases of this domain's subjects (welfare, local finance,
# disaster, health, local development). A run of a subject whose letters are
# one of these, with the marks above and below differing (OCR drops and
# misplaces them: เบยยงชพ, เบียยังชีพ), is read as the term. Each has at least
# five letters besides its marks, so no other word shares them.
SUBJECT_TERMS: tuple[str, ...] = (
    "เบี้ยยังชีพ", "ผู้สูงอายุ", "ผู้พิการ", "ผู้ป่วยเอดส์", "ประจำปีงบประมาณ", "ปีงบประมาณ", "งบประมาณ",
    "องค์กรปกครองส่วนท้องถิ่น", "อัตลักษณ์ท้องถิ่น", "ท้องถิ่น", "ภาษีที่ดินและสิ่งปลูกสร้าง",
    "ความช่วยเหลือ", "ผู้ประสบภัย", "ภัยแล้ง", "เบิกจ่าย", "เงินอุดหนุน", "แผนพัฒนาท้องถิ่น",
    "คณะกรรมการ", "ไข้เลือดออก", "หมอกควัน", "สารสนเทศ", "ฐานข้อมูล", "ขยะมูลฝอย", "ท่องเที่ยว",
    "ขับเคลื่อน", "อุปโภคบริโภค", "ประชาสัมพันธ์", "สถานการณ์", "อุบัติเหตุ", "เทศกาล", "ดำเนินงาน",
    "เชิงปฏิบัติการ", "ฝึกอบรม", "เฝ้าระวัง", "มาตรการ", "ป้องกัน", "คุณสมบัติ", "ครัวเรือน",
)
# Abbreviations of local government in subjects and addressees (ทุก อปท.),
# and the Latin letters this OCR prints for their consonants (seeds 7-9:
# ``aun.``/``AUN.`` for อปท.): a round head with a tail reads a/o (อ), a bowl
# open at the top u (บ ป น), two stems joined at the top n (ท ก). A Latin
# dotted word is read as the one abbreviation whose consonants these allow.
LAO_ABBREVIATIONS: tuple[str, ...] = ("อปท.", "อบต.", "อบจ.", "ทต.", "ทม.", "ทน.")
ABBREV_LATIN_LOOKALIKES: dict[str, str] = {"a": "อ", "o": "อ", "u": "บปน", "n": "ทก"}
# The word before a meeting's ordinal and year (``ครั้งที่ ๒/๒๕๖๘``): an
# ``<n>/<BE year>`` in a subject numbers a session, and only this word stands before it.
SESSION_ORDINAL = "ครั้งที่"
# English phrases Thai subjects print in brackets after the Thai term. Read
# back when OCR kept the bracket and one word of two exactly and made
# garbage (digits, Thai letters, specks) of the other: ``(5๐80! Power)``.
BRACKETED_LATIN_TERMS: tuple[str, ...] = ("(Soft Power)", "(Smart City)", "(Zero Waste)", "(Big Data)")
# ------------------------------------------------- deadline cues, damaged
# Thai consonants this OCR prints for one another in a deadline cue (seed 8:
# ภ่อนวันที่ for ก่อนวันที่: ภ is ก with a tail; seed 112: ก่ฮนวันที่, ฮ is อ
# with a stroke on its head): a cue may carry either.
# No cue word misread so is a Thai word that stands before a date.
CUE_CONSONANT_LOOKALIKES: dict[str, str] = {"ก": "ภ", "ภ": "ก", "อ": "ฮ"}
# Letters this OCR prints for ๐: one glued to a circular's ว before its running
# number (``/วอ ๖๙๓``, seed 33) is a speck, as no running number begins with 0.
ZERO_LOOKALIKE_LETTERS = "อ"
# What this OCR prints for the ว that opens the วันที่ label after a cue
# (seed 22: ``ก่อนจันที่ ๒๗ พฤศจิกายน``; จ is ว with a loop).
LABEL_WO_LOOKALIKES = "จ"
# ... and for its น (seed 57: ``ภายโนวัยศุกร์ที่ ๒๙``): ย, น with its foot lost.
LABEL_NO_LOOKALIKES = "ย"
# The วันที่ label after a cue with its first letters lost at a damaged line
# start (seed 110: ``ภายใน`` ending a line, ``นที ๑๑ สิงหาคม`` opening the next).
LABEL_HEADLESS: tuple[str, ...] = ("ันที่", "นที่")
# Cues that make a date a deadline only with the วันที่ label between them:
# ไม่เกินวันที่ whose ไม่ OCR lost or set apart from it (seed 10: ``ภายในไม่``
# ending one line, debris between, ``เกินวันที่ ๑๗ กุมภาพันธ์`` opening another).
DEADLINE_LABEL_CUES: tuple[str, ...] = ("เกิน",)
