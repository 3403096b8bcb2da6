"""Document numbers as the project's OCR really prints them (lines copied
from the seed-1 dumps): which damage is repaired, with a note, and which
must stay unread because the repair would be a guess."""

import pytest

from docintake.parse.docno import read_doc_no

CASES = [
    # Seed 17: a hyphen-like speck after a legible ว, and a speck read as a
    # dot inside the code's four digits.
    ("hyphen-speck-after-wo", "ที่ มท ๐๘๑.๐.๕/ว- ๑๖๒๙", "มท 0810.5/ว 1629", "code_stray_dot_joined"),
    # Seeds 13, 18: a speck read as a dot inside the running number, which has no dot.
    ("dot-inside-running-before-office", "1 นศ ๐๐๒๓.๑๔/๒๔๐.๖ ที่ว่าการอำเภอร่อนพิบูลย์", "นศ 0023.14/2406",
     "running_stray_dot_joined"),
    ("dot-inside-running-before-date", "นม ๐๐๒๓.๒/๑๑.๘๐ ลงวันที่ ๒๖ มิถุนายน ๒๕๖๘", "นม 0023.2/1180",
     "running_stray_dot_joined"),
    ("dot-inside-arabic-running", "สำเนาหนังสือจังหวัดเชียงราย ด่วน ที่ ชร 0023.6/23.51", "ชร 0023.6/2351",
     "running_stray_dot_joined"),
    # Seed 124: a stop after the number too (a leader's dot), the prefix glued to the code.
    ("dot-inside-running-and-stop-after", "ที่ ลย0023.12/7.17. ที่ว่าการอำเภอด่านซ้าย", "ลย 0023.12/717",
     "running_stray_dot_joined"),
    # ... but a four-digit number is whole: a digit after its dot is debris, not joined.
    ("dot-after-whole-running", "ที่ รอ ๐๐๒๓.๑๖/๑๗๑๙.๕ ที่ว่าการอำเภอเสลภูมิ", "รอ 0023.16/1719", None),
    # A stray letter after a two-digit section: sections hold at most two digits.
    ("glued-letter-after-full-section", "ที่ พช ๐๐๒๓.๑๗ฒ/ว ๒๐๖๙ ที่ว่าการอำเภอวิเชียรบุรี",
     "พช 0023.17/ว 2069", "code_debris_dropped:ฒ"),
    # After a one-digit section the letter may be a digit OCR cannot print (๔ -> ฒ).
    ("glued-letter-may-be-digit", "ที่ พช ๐๐๒๓.๑ฒ/ว ๒๐๖๙", None, "code_malformed"),
    # A dot and a letter after a whole code (seed 6: ๐๘๑๐.๗.ฒ for ๐๘๑๐.๗): a
    # code has one section, so the letter cannot be one of its digits.
    ("dotted-letter-after-whole-code", "มท ๐๘๑๐.๗.ฒ/ว ๒๐๕๖ ลงวันที่ ๑๖ ตุลาคม ๒๕๖๖", "มท 0810.7/ว 2056",
     "code_debris_dropped:ฒ"),
    # Seed 11: the debris letter carries a tone mark of its own.
    ("dotted-letter-with-mark-after-whole-code", "ที่ มท ๐๘๑๐.๗.ญ่/ว ๓๐๘๘", "มท 0810.7/ว 3088",
     "code_debris_dropped:ญ่"),
    # Seed 5: a speck read as a dot inside an LAO's five-digit code; state
    # offices' codes start with 0 and put their dot after four digits.
    ("dot-inside-lao-code", "สน ๗๙.๗๙๕/๓๕๙ วันที่ ๒๒ ก.ย. ๒๕๖๘", "สน 79795/359", "code_stray_dot_joined"),
    ("dot-after-four-is-a-section", "ที่ ลป ๖๐๒๓.๔/๑๗๒๑", None, "code_implausible"),
    # Seed 9: a bracket-like speck after a legible ว.
    ("speck-after-circular-wo", "ท สข ๐๐๒๓.๑๔/ว) ๕๐๓ ที่ว่าการอำเภอเมืองสงขลา", "สข 0023.14/ว 503", None),
    # Seed 12: a colon speck after a legible ว is dirt, like a dot or a bracket.
    ("colon-after-legible-wo", "fl ลย ๐๐๒๓.๒/ว : ๕๓๒๔ ศาลากลางจังหวัดเลย", "ลย 0023.2/ว 5324", None),
    # Seed 12: two lone Arabic glyphs after a Thai-digit number, before วันที่: debris.
    ("two-other-script-glyphs-before-a-word", "it ลป ๗๑๘๗๓/๒๑๒ 1 7 วันที่ ๒๔ ก.ย. ๖๘", "ลป 71873/212",
     "running_debris_dropped"),
    ("dotted-letter-after-province-code", "ที่ พช ๐๐๒๓.๑.ญ/ว ๒๐๖๙", "พช 0023.1/ว 2069", "code_debris_dropped:ญ"),
    # ... but with no section before it, the letter may be the section's digit.
    ("dotted-letter-is-the-section", "ที่ พช ๐๐๒๓.ฒ/ว ๒๐๖๙", None, "code_malformed"),
    # A speck read as sara a between prefix and code.
    ("sara-a-after-prefix", "ชยะ0023.1/5719 ลงวันที่", "ชย 0023.1/5719", None),
    # A stray vowel mark on the prefix (ชูย).
    ("vowel-mark-on-prefix", "ที ชูย ๐๐๒๓.๑๖/๒๐๙๔ ทีว่าการอำเภอจัตุรัส", "ชย 0023.16/2094", None),
    # Arabic digits: ว is not read as "1", so the space splits one number.
    ("arabic-running-split", "ที่ นศ 0023.13/1 126 ที่ว่าการอำเภอทุ่งสง", "นศ 0023.13/1126",
     "running_split_joined"),
    # Thai digits: "/๑ ๓๖๕" may be "/ว ๑๓๖๕" -- stays unread.
    ("thai-running-split-stays-unread", "ชย ๐๐๒๓.๖/๑ ๓๖๕", None, "circular_or_digit"),
    # Seed 7: ว read as ๖ -- "/ว ๓๙๖" or a split "/๖๓๙๖"? Unread, like ๑.
    ("thai-lone-six-stays-unread", "มท ๐๘๑๐.๔/๖ ๓๙๖ ลงวันที่ ๒๓ พฤศจิกายน ๒๕๖๖", None, "circular_or_digit"),
    # Seeds 3, 8, 10, 11: ว's one curved stroke read as a bracket, every time a
    # circular: the bracket is the ว (lexicon.WO_MARK_LOOKALIKES).
    ("bracket-is-the-wo", "มท ๐๘๑๐.๖/) ๑๔๓๖ ลงวันที่ ๒๗ กุมภาพันธุ์ ๒๕๖๗", "มท 0810.6/ว 1436",
     "circular_read_as_mark"),
    # Seeds 5, 12: a dot or colon right after the slash is the leader line the
    # number was written in on: nothing printed there, so no ว (lexicon.LEADER_DOTS).
    ("leader-dot-is-no-wo", "ที่ รอ ๐๐๒๓.๑๘/. ๓๕๖ ที่ว่าการอำเภอเกษตรวิสัย", "รอ 0023.18/356", "leader_dots_dropped"),
    ("leader-colon-is-no-wo", "ที่ อด ๗๗๓๒๕/: ๓๔๘ ๑๙ ก.พ. ๖๗", "อด 77325/348", "leader_dots_dropped"),
    # Seed 22: a lone Arabic digit after a Thai-digit running number is debris before a Latin word too
    # (20 of 20 such on the analysis seeds were the number without it).
    ("other-script-digit-before-latin", "พช๗๓๓๒๖/๕๙๑ 0. WWM 6A. ๒๕๖๘", "พช 73326/591", "running_debris_dropped"),
    # Seed 29: two Arabic digits after a whole Thai-digit running number (a garbled วันที่).
    ("other-script-pair-after-whole-number", "ท นม ๗๖๒๘๕/๒๑๘ 73 วจิ้นทร๑๑ส.ค.๖๘", "นม 76285/218",
     "running_debris_dropped"),
    # ... but after one or two digits the pair may be the number's: mixed, unread.
    ("other-script-pair-after-short-number", "ท นม ๗๖๒๘๕/๒๑ 73 วจิ้นทร๑๑ส.ค.๖๘", None, "digits_mixed"),
    # Seed 23: the leader's dot glued to the handwritten number.
    ("leader-dot-glued-to-number", "ที่ อด ๗๖๓๘๒/.๔๖๗ วันที่ ๓๐ ส.ค. ๒๕๖๗", "อด 76382/467", "leader_dots_dropped"),
    # ... but a legible ว after the leader's dot keeps its circular.
    ("leader-dot-before-wo", "ที่ มท ๐๘๑๐.๖/.ว ๑๔๓๖", "มท 0810.6/ว 1436", "speck_dropped"),
    # A tick may be what is left of ว's stroke: ว or dirt cannot be told.
    ("lone-tick-stays-unread", "ที่ รอ ๐๐๒๓.๑๘/' ๓๕๖", None, "circular_or_speck"),
    # ... but a speck before a legible ว is dirt.
    ("speck-before-legible-wo", "ที่ มท 0810.3/)ว 2807", "มท 0810.3/ว 2807", "speck_dropped"),
    # ... and so is a speck read as a vowel under it (seed 10): ว carries no mark in a number.
    ("speck-as-vowel-on-wo", "N สข ๐๐๒๓.๒/วุ ๖๖๗๑ ศาลากลางจังหวัดสงขลา", "สข 0023.2/ว 6671", "speck_dropped"),
    # Seed 6: a slash glued after the running number (๑๕๗ read ๑๕/): a digit
    # read as a slash, or a stroke after the number? Unread.
    ("slash-glued-after-running", "ที่ พล ๗๘๒๑๗/๑๕/ วันที่ ๕ มิ.ย. ๒๕๖๘", None, "running_damaged"),
    # After four digits the number is whole (seed 7): the slash is a stroke.
    ("slash-glued-after-whole-running", "ที่ ลป ๐๐๒๓.๔/๓๕๐๕/ ศาลากลางจังหวัดลำปาง", "ลป 0023.4/3505", None),
    # The department's codes are 0xxx.x: a lost dot (๐๘๑๐๗) is not a number.
    ("ministry-code-lost-dot", "ที มท ๐๘๑๐๗/ว ๒๖๙๘ กรมส่งเสริมการปกครองท้องถิน", None, "code_implausible"),
    # A province's code is 0023.x or an LAO's five digits: "023.6" lost a digit.
    ("province-code-lost-digit", "พช 023.6/ว 3678 ลงวันที 18 ธันวาคม 2566", None, "code_implausible"),
    ("lao-code-ok", "ชร ๗๒๔๘๗/๒๔๘ วันที ๒๙ ส.ค. ๖๗", "ชร 72487/248", None),
    # Seed 11: no province has 85 districts: ๘๕ is a misread ๑๕, not a section.
    ("section-beyond-any-office", "ที่ อบ ๐๐๒๓.๘๕/๑๑๒ ที่ว่าการอำเภอเดชอุดม", None, "code_implausible"),
    ("district-section-ok", "ที่ นม ๐๐๒๓.๓๒/๑๑๒ ที่ว่าการอำเภอบัวลาย", "นม 0023.32/112", None),
    # A hyphen between prefix and code, as a dot there already was (seed 14 memo).
    ("hyphen-after-prefix", "ที่ ลย-๗๑๕๖๓/๗๐ วันที่ ๕ ต.ค. ๖๘", "ลย 71563/70", None),
    # The slash lost between code and a circular's ว: the ว still marks the split.
    ("slash-lost-before-wo", "ที่ มท ๐๘๑๐.๗ว ๒๙๖๗ ลงวันที่ ๑๒ พฤษภาคม", "มท 0810.7/ว 2967", "slash_lost"),
    # Seed 32: a sign glued after the running number, more digits in the same token:
    # the number runs on through damage (it was read as /ว 5, a wrong number).
    ("sign-glued-inside-running", "สข ๐๐๒๓.๒/ว ๕@๕“อ๑ ศาลากลางจังหวัดสงขลา", None, "running_damaged"),
    # Seed 35: a question mark right after a short running number: a glyph OCR could not read.
    ("question-mark-after-running", "ที่ พช ๗๔๙๙๖/ 6? 6", None, "running_damaged"),
    ("dot-after-running-kept", "ที่ มท ๐๘๑๐.๖/ว ๒๐๖๙. ลงวันที่ ๑ ก.ค. ๒๕๖๘", "มท 0810.6/ว 2069", None),
    # Seed 54: a quote glued after a short handwritten running number is its last digit's
    # tail (๑๒๓” for ๑๒๓๘): unread. After a four-digit number it is only a speck.
    ("quote-glued-after-running", "ที่ มค ๐๐๒๓.๑๗/ ๑๒๓” ที่ว่าการอำเภอวาปีปทุม", None, "running_damaged"),
    # seed 87: a digit read as a Thai letter inside a short running number (๑๗ฒ๔ for ๑๗๗๔)
    ("letter-inside-running", "ที่ ลย ๐๐๒๓.๑๗/๑๗ฒ๔ ลงวันที่ ๒๑ มิถุนายน ๒๕๖๖", None, "running_damaged"),
    # seed 82: ๕๖๐ read as ๐ alone; a running number never starts with 0
    ("running-number-zero", "ที่ สน ๐๐๒๓.๑๓/ว ๐ ที่ว่าการอำเภอพังโคน", None, "running_leading_zero"),
    ("running-number-leading-zero", "ที่ สน ๐๐๒๓.๑๓/๐๕๖ ที่ว่าการอำเภอพังโคน", None, "running_leading_zero"),
    ("quote-after-whole-running", "ที่ มค ๐๐๒๓.๑๗/๑๒๓๘” ที่ว่าการอำเภอวาปีปทุม", "มค 0023.17/1238", None),
    # Seed 33: a ๐-shaped letter glued to the circular's ว: a speck, no running number begins with 0.
    ("zero-shaped-letter-after-wo", "ที่ อบ ๐๐๒๓.๑๑/วอ ๖๙๓ ที่ว่าการอำเภอเมืองอุบลราชธานี", "อบ 0023.11/ว 693",
     "speck_dropped"),
    # Seed 30: a speck beside the code's dot (no code has two dots together).
    ("speck-beside-code-dot", "ที่ มค ๐๐๒๓..๑๓/๘๔๔ 7 ที่ว่าการอำเภอบรบือ", "มค 0023.13/844", "code_stray_dot_joined"),
    # Seed 67: the code's dot read as a comma.
    ("comma-for-code-dot", "มท ๐๘๑๐,๖/ว ๑๘๐๗ ลงวันที่ ๑๑ กันยายน ๒๕๖๖", "มท 0810.6/ว 1807", "code_comma_read_as_dot"),
    # ... or as a hyphen (seeds 80, 126, 128, 136).
    ("hyphen-for-code-dot", "ที่ มท ๐๘๑๐-๓/ว ๒๓๘๑ กรมส่งเสริมการปกครองท้องถิ่น", "มท 0810.3/ว 2381",
     "code_hyphen_read_as_dot"),
    ("hyphen-for-district-code-dot", ".ที่ ชย 0023-18/749 ที่ว่าการอำเภอภูเขียว", "ชย 0023.18/749", "code_hyphen_read_as_dot"),
    # The slash read twice (seeds 47, 80, 138), before a ว read as a bracket too.
    ("slash-read-twice", "ที่ มท ๐๘๑๐.๗//ว ๑๓๔๔", "มท 0810.7/ว 1344", "slash_read_twice"),
    ("slash-read-twice-before-a-bracket", "fi สข 0023.14//) 1262 ที่ว่าการอำเภอรัตภูมิ", "สข 0023.14/ว 1262",
     "slash_read_twice"),
    # Before a one-digit section the second dot may be a digit (0023.12, seed 65): in doubt.
    ("dot-or-digit-before-one-digit-section", "ที่ ลป ๐๐๒๓..๒/๒๔๔๒ ที่ว่าการอำเภอเกาะคา", None, "code_dot_or_digit"),
    # The code's dot read as a colon.
    ("code-dot-read-as-colon", "ที่ พช ๐๐๒๓:๑๕/ว ๘๘๔ ที่ว่าการอำเภอเมืองเพชรบูรณ์", "พช 0023.15/ว 884",
     "code_colon_read_as_dot"),
    # A digit of the other script glued to the next word (a garbled วันที่) is
    # not the running number's last digit.
    ("other-script-digit-glued-to-word", "ชม ๗๓๕๐๘/๙๖๔ 0งินท ๒๙ ๖๘", "ชม 73508/964", "running_debris_dropped"),
    # ... or one such glyph standing before the next word (seeds 3, 5, 8).
    ("other-script-glyph-before-word", "ลป 0023.14/574 ๙ ที่ว่าการอำเภอเมืองลำปาง", "ลป 0023.14/574",
     "running_debris_dropped"),
    ("other-script-glyph-before-memo-date", "มค๗๑๓๑๑/๓๙ 7 วันที่ ๒ ก.พ. ๒๕๖๗", "มค 71311/39",
     "running_debris_dropped"),
    ("other-script-glyph-and-comma", "ที่ ชม ๐๐๒๓.๔/๑๗๙ 7, ลงวันที่ ๒๓ มิถุนายน ๒๕๖๘", "ชม 0023.4/179",
     "running_debris_dropped"),
    # Several such digits are not one stray glyph: in doubt.
    ("other-script-group-stays-unread", "ที่ ชม ๐๐๒๓.๔/๑๗๙ 7๐ ลงวันที่", None, "split_or_debris"),
    # Seeds 1, 3, 5, 6, 9, 11: a circular's "/ว" read as a dot after a whole
    # code, maybe with a Latin glyph or two for the ว, and the space after ว
    # kept (an ordinary number's slash runs into its digits): a circular.
    ("wo-read-as-dot", "อ้างถึง หนังสือจังหวัดเลย ที่ ลย ๐๐๒๓.๓. ๒๙๐๓ ลงวันที่", "ลย 0023.3/ว 2903",
     "circular_read_as_dot"),
    ("wo-read-as-dot-and-of", "ด่วนที่สุด ที่ มท ๐๘๑๐.๖.of ๙๗๗", "มท 0810.6/ว 977", "circular_read_as_dot"),
    ("wo-read-as-dot-and-be", "ด่วนที่สุด ที่ มท ๐๘๑๐.๖.Be ๑๗๔๗", "มท 0810.6/ว 1747", "circular_read_as_dot"),
    ("wo-read-as-dot-and-bracket", "ที่ มท ๐๘๑๐.๘.oe) ๒๔๓๖", "มท 0810.8/ว 2436", "circular_read_as_dot"),
    # ... the dot read as a comma, with Latin glyphs for ว (seed 35); a comma alone is no ว.
    ("wo-read-as-comma-and-latin", "อ้างถึง หนังสือกระทรวงมหาดไทย ด่วนมาก ที่ มท 0810.6,On 1771", "มท 0810.6/ว 1771",
     "circular_read_as_dot"),
    # ... and a date's day after it is no running number.
    ("dot-then-date-day", "ที่ ชม ๐๐๒๓.๑๕. ๑๒ มิถุนายน ๒๕๖๘", None, "running_damaged"),
    # Arabic digits after a legible ว: ว is not read as a digit there, so a
    # lone 1 is a digit split off (seed 1 "/ว 1 235", seed 5 "/ว 1-350").
    ("arabic-running-split-after-wo", "ที่ มท 0810.6/ว 1-350 ลงวันที่", "มท 0810.6/ว 1350", "running_split_joined"),
    ("arabic-one-before-thai-digits", "ที่ พช ๐๐๒๓.๑๔/ว 1 ๔๔๐", None, "split_or_debris"),
    # Seed 9: the ที่ label glued to the prefix (ที่บร), tone mark kept or lost.
    ("label-glued-to-prefix", "อ้างถึง ๑. หนังสืออำเภอนางรอง ที่บร ๐๐๒๓.๑๕/๑๗๑๔", "บร 0023.15/1714", None),
    ("label-glued-without-tone", "ทีบร ๐๐๒๓.๑๕/๑๗๑๔", "บร 0023.15/1714", None),
    # Seed 37: a memo's วันที่ lost; the day before a garbled abbreviation and a
    # year (ก.ฟิ. for ก.พ.) is the date's, not the running number's.
    ("memo-day-before-garbled-month", "ชม ๗๙๗๗๘/๘๒๑ ๒๘ ก.ฟิ.๒๕๖๘", "ชม 79778/821", None),
    ("memo-day-before-month", "ชม ๗๙๗๗๘/๘๒๑ ๒๘ ก.พ. ๒๕๖๘", "ชม 79778/821", None),
    # Seed 39: one digit of the number's own script glued to the next word after a
    # whole running number is a speck (the other script's was already), not its last digit.
    # Seed 40: two one-digit sections: a sub-unit's code or a speck inside 0023.18? Unread.
    ("two-one-digit-sections", "อ้างถึง หนังสืออำเภองาว ที่ ลป 0023.1.8/191 ลงวันที่", None, "code_dot_or_section"),
    # Seed 41: a lone other-script digit after a memo's running number, specks of
    # any punctuation between it and the date's label: debris.
    ("other-script-digit-then-specks", "ชม ๗๑๒๐๗/๒๘ 7,+. วันที่ ๒ มิ.ย. ๖๘", "ชม 71207/28", "running_debris_dropped"),
    # Seed 44: two digits after a whole three-digit running number would make five
    # (no running number has): not joined, and, a group not one stray glyph, in doubt.
    ("two-digits-after-whole-number", "ท บร76702/485 00, จนท 18 68", None, "split_or_debris"),
    ("one-digit-after-three-joined", "ที่ ชย ๐๐๒๓.๑๔/๑๒๓ ๔ ลงวันที่", "ชย 0023.14/1234", None),
    ("same-script-digit-glued-to-word", "รอ 75639/453 7ฝ วันที่ 18 ต.ค. 2566", "รอ 75639/453", "running_debris_dropped"),
    ("digit-apart-is-joined", "ที่ บร ๐๐๒๓.๑/๗๘๑ ๖ ศาลากลางจังหวัดบุรีรัมย์", "บร 0023.1/7816", None),
    ("short-number-glued-digit-joined", "ที่ บร ๐๐๒๓.๑/๗๘ ๖ศาลากลางจังหวัดบุรีรัมย์", "บร 0023.1/786", None),
]


def test_glued_label_needs_a_known_prefix() -> None:
    """``ด่วนที่สุด Wt ๐๐๒๓...``: สุด after ที่ is the rest of a word, not a prefix."""
    assert read_doc_no("ด่วนที่สุด Wt ๐๐๒๓.๑๕/๓๙๕ ลงวันที่") is None


def test_dot_for_wo_only_after_a_whole_code() -> None:
    """"0023." has no section yet: the dot is not where a ว stood."""
    assert read_doc_no("ที่ ลย ๐๐๒๓. ๒๙๐๓ ลงวันที่") is None


# Slash (and perhaps ว) lost, only a space between a whole code and the running
# number before the date's label: seed 8 "0810.6 2207" was a circular, seed 3
# "๐๐๒๓.๑๘ ๘๒๕" was not; so unread, both readings named.
SPLIT_LOST = [
    ("reference", "ที่ มท 0810.6 2207 ลงวันที่ 8", ["มท 0810.6/2207", "มท 0810.6/ว 2207"]),
    ("memo-lao", "อบ ๗๘๐๘๙ ๓๘๐ จันที่ ๑๑ ๖๗", ["อบ 78089/380", "อบ 78089/ว 380"]),
    # seed 17: a letterhead's number, the issuing office's name after it
    ("letterhead-office-after", "ที่ อบ 0023.4 6578 ศาลากลางจังหวัดอุบลราชธานี", ["อบ 0023.4/6578", "อบ 0023.4/ว 6578"]),
    ("letterhead-department-after", "ที่ มท 0816.4 2382 กรมส่งเสริมการปกครองท้องถิ่น",
     ["มท 0816.4/2382", "มท 0816.4/ว 2382"]),
]


@pytest.mark.parametrize(("line", "want"), [c[1:] for c in SPLIT_LOST], ids=[c[0] for c in SPLIT_LOST])
def test_number_without_its_split_names_both_readings(line: str, want: list[str]) -> None:
    hit = read_doc_no(line)
    assert hit is not None and hit.canonical is None and "split_lost" in hit.problems
    assert hit.candidates == want


def test_split_lost_needs_a_date_label_after() -> None:
    """A prefix and a postcode then digits (an address line) are no number,
    nor a code and a date's day before its month."""
    assert read_doc_no("ถนนบรรณาการ ชย ๓๖๐๐๐ ๐๔๔๘ ๑๑๒๒") is None
    assert read_doc_no("ถนนบรรณาการ ชย ๓๖๐๐๐ ๑๒ จังหวัดชัยภูมิ") is None  # a postcode is no code
    assert read_doc_no("ที่ ชย ๐๐๒๓.๑ ๑๕ มิถุนายน ๒๕๖๘") is None


def test_comma_alone_after_the_code_is_no_wo() -> None:
    # With Latin glyphs after it the comma is /ว read as one mark (seed 35); alone it says nothing.
    assert read_doc_no("ที่ มท ๐๘๑๐.๖, ๙๗๗") is None


@pytest.mark.parametrize(("line", "want", "problem"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_noisy_doc_no(line: str, want: str | None, problem: str | None) -> None:
    hit = read_doc_no(line)
    assert hit is not None
    assert hit.canonical == want
    if problem is not None:
        assert problem in hit.problems
    if want is not None and problem is not None:
        assert hit.confidence < 1.0  # a repaired number is never as sure as a clean one


# A hyphen OCR put inside a number's digits is read like the space it more
# often puts there (seed 3: ``0023.1-3``); a hyphen outside a number is not.
HYPHENS = [
    ("code-split-by-hyphen", "ที่ นศ ๐๐๒๓.๑-๓/๒๗๙", "นศ 0023.13/279"),
    ("running-split-by-hyphen", "ที่ ชย ๐๐๒๓.๑๔/๑๗-๐๙", "ชย 0023.14/1709"),
    ("dash-before-number", "- ชย ๐๐๒๓.๑๔/๑๗๐๙", "ชย 0023.14/1709"),
]


@pytest.mark.parametrize(("text", "want"), [c[1:] for c in HYPHENS], ids=[c[0] for c in HYPHENS])
def test_hyphen_inside_number(text: str, want: str) -> None:
    from docintake.parse.docno import canonical_doc_no

    assert canonical_doc_no(text) == want


def test_loose_number_with_dotted_debris_recovers() -> None:
    """Seed 6: a garbled prefix and debris after the code (``HM ๐๘๑๐.๖.อ/``):
    the department's code gives the prefix, the debris is dropped."""
    from docintake.parse.docno import read_doc_no_loose
    from docintake.parse.prefix import recover_prefix

    hit = read_doc_no_loose("“HM ๐๘๑๐.๖.อ/ว ๓๔๑ ลงวันที่ ๙ พฤษภาคม ๒๕๖๘")
    assert hit is not None and hit.code == "0810.6"
    read = recover_prefix(hit, "", "")
    assert read.canonical == "มท 0810.6/ว 341"
    assert "code_debris_dropped:อ" in read.problems


def test_loose_number_with_hyphen_keeps_code() -> None:
    from docintake.parse.docno import read_doc_no_loose

    hit = read_doc_no_loose("ที่ wa 0023.1-3/279 ที่ว่าการอำเภอทุ่งสง")
    assert hit is not None and hit.code == "0023.13" and hit.canonical is None


# Thai digits with an Arabic one among them: the OCR's stand-in for a Thai
# digit it cannot output (seed 3: ๗๔๓๕๘/๖๘๐ read ๓๕๓๕๕/6๕๐), so unread.
SCRIPTS = [
    ("arabic-among-thai", "ที ชม ๓๕๓๕๕/6๕๐ ที่ทำการองค์การบริหารส่วนตำบลควนลัง", None, True),
    ("all-thai", "ที่ ชม ๗๔๓๕๘/๖๘๐", "ชม 74358/680", False),
    ("all-arabic", "ที่ นม 76192/958 วันที่ 16 ก.ย. 68", "นม 76192/958", False),
    # printed Thai code, running number written in by hand in Arabic digits
    ("thai-code-arabic-running", "ที่ ชย ๐๐๒๓.๑๔/1709", "ชย 0023.14/1709", False),
    ("arabic-among-thai-code", "ที่ ชย ๐๐๒3.๑๔/๑๗๐๙", None, True),
]


@pytest.mark.parametrize(("text", "want", "mixed"), [c[1:] for c in SCRIPTS], ids=[c[0] for c in SCRIPTS])
def test_mixed_digit_scripts(text: str, want: str | None, mixed: bool) -> None:
    hit = read_doc_no(text)
    assert hit is not None and hit.canonical == want
    assert ("digits_mixed" in hit.problems) is mixed


# A second slash right after the running number: a digit read as a slash
# (seed 3: ๒๓/๓๐ for ๒๙๓๐), so the running number is not the part before it.
SLASHES = [
    ("digit-read-as-slash", "ที มท ๐๘๑๐.๓/ว ๒๓/๓๐ ;", None, True),
    ("date-after-number", "ที่ มท ๐๘๑๐.๓/ว ๒๙๓๐ ลงวันที่ ๕ ก.พ. ๒๕๖๗", "มท 0810.3/ว 2930", False),
]


@pytest.mark.parametrize(("text", "want", "damaged"), [c[1:] for c in SLASHES], ids=[c[0] for c in SLASHES])
def test_running_number_with_a_slash(text: str, want: str | None, damaged: bool) -> None:
    hit = read_doc_no(text)
    assert hit is not None and hit.canonical == want
    assert ("running_damaged" in hit.problems) is damaged


CANDIDATES = [
    ("lone-digit", "มท ๐๘๑๐.๔/๖ ๓๙๖ ลงวันที่", ["มท 0810.4/ว 396", "มท 0810.4/6396"]),
    ("lone-tick", "มท ๐๘๑๐.๖/' ๑๔๓๖ ลงวันที่", ["มท 0810.6/ว 1436", "มท 0810.6/1436"]),
    ("lone-digit-after-wo", "มท ๐๘๑๐.๔/ว ๑ ๔๔๐ ลงวันที่", ["มท 0810.4/ว 440", "มท 0810.4/ว 1440"]),
]


@pytest.mark.parametrize(("line", "want"), [c[1:] for c in CANDIDATES], ids=[c[0] for c in CANDIDATES])
def test_unread_number_names_both_readings(line: str, want: list[str]) -> None:
    """A number left unread for a lone glyph where ว stands says what it could be."""
    hit = read_doc_no(line)
    assert hit is not None and hit.canonical is None
    assert hit.candidates == want


# ")" where "/ว" stood, with no slash (seed 13): ว's curve read as a bracket
# (lexicon.WO_MARK_LOOKALIKES), the slash lost beside it; a circular.
@pytest.mark.parametrize(("line", "want"), [
    ("มท ๐๘๑๐.๖) ๑๕๔๘ ลงวันที่ ๓๐ A.A. ๒๕๖๗", "มท 0810.6/ว 1548"),
    ("ที่มท 0810.2) 1162 ลงวันที่ 3", "มท 0810.2/ว 1162"),
], ids=["thai-digits", "arabic-label-glued"])
def test_wo_mark_without_slash(line: str, want: str) -> None:
    hit = read_doc_no(line)
    assert hit is not None and hit.canonical == want
    assert {"slash_lost", "circular_read_as_mark"} <= set(hit.problems)


def test_other_letter_after_the_wo_is_no_number() -> None:
    # Only a ๐-shaped letter glued to ว is a speck (lexicon.ZERO_LOOKALIKE_LETTERS).
    hit = read_doc_no("ที่ อบ ๐๐๒๓.๑๑/วด ๖๙๓ ที่ว่าการอำเภอเมืองอุบลราชธานี")
    assert hit is None or hit.canonical is None
