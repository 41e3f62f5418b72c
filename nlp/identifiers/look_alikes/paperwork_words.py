"""Words of paperwork that a guess takes for a person (issue 20, thirty-fourth round).

Letters, discharge summaries, forms, MAR charts and tables pasted into a story capitalise
words that name no one, and the guesses from capitals, the trained NER and a few layout rules
take them for people. Each kind below is a kind of document, not a list of strings seen:

- medicines: a word written before its strength ("Sertraline 50mg", "Lactulose 3.35g/5ml")
  or ending in an international non-proprietary name's stem ("-statin", "-prazole",
  "-cillin", "-xaban"), and the dose's time after a strength ("40mg OM"). A word once
  written before its strength is a medicine wherever else the text names it;
- the Welsh half of a bilingual form ("Rhif GIG / NHS No:", "Meddyg Teulu / GP:", "Tel /
  Ffôn:"): the words of NHS Wales's paperwork, and any words set against an English label
  across a slash;
- title-cased phrases of everyday words: a heading, a document's name, a service or a role
  ("Patient Information Leaflet 14", "Best Interests Assessor", "Wheelchair & Seating
  Service", "Medical Examiner Office"): an English word that no list knows as a name,
  capitalised after another such word, before a number, or in a phrase that ends in a
  service's word or a job title;
- a table's header row ("Description   Qty   Rate", "Date | Size | Exudate | Sig") and an
  everyday word alone in a table's cell ("| Squash |", "| Mod |");
- medical words by their endings ("Haemoglobin", "Microcytic", "Audiology").

Only guesses are judged (capitals, the NER, a repeat of a guess, a first name from the lists
only for the dose's time); a name after a title or a role cue is never dropped here, and a
word any name list holds is left alone.

Thirty-fourth round too: an address block's line that is its addressee ("Mr Tadeusz
Kowalski" above the street) is a person without the title, and a form's field word opening
an address line ("Address 87 ...", "Name Mr ...") is no part of it; an age the NER reads in a
measurement ("HR 92", "ESR 41"), a count ("7 nights", "20 missed") or a list's number
("(2)" alone on its line) is no age.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import ROLE_CUES, TITLE_CUES, gazetteer

GUESSES = frozenset(("capitals", "ner", "repeat", "chat_speaker", "comment_thread", "joined_name"))

# A medicine's strength written after it: "50mg", "3.75 mg", "3.35g/5ml", "100 micrograms".
STRENGTH = re.compile(
    r"[ \t]*\(?\d+(?:\.\d+)?[ \t]*(?:mg|mcg|micrograms?|µg|g|ml|mL|units?|iu|IU|%)(?![A-Za-z])"
)
# The times of a dose, after its strength: "40mg OM", "2.5mg BD", "10mg nocte".
DOSE_TIMES = frozenset("od om on bd bid tds tid qds qid prn nocte mane stat".split())
AFTER_STRENGTH = re.compile(
    r"\d(?:\.\d+)?[ \t]*(?:mg|mcg|micrograms?|g|ml|units?)[ \t]+(?:\w+[ \t]+)?$", re.IGNORECASE
)
# Stems of international non-proprietary names (WHO), long enough to end no English name.
INN_STEMS = (
    "statin",
    "prazole",
    "cillin",
    "xaban",
    "ipril",
    "opril",
    "lapril",
    "sartan",
    "olol",
    "azepam",
    "azolam",
    "zopiclone",
    "floxacin",
    "mycin",
    "cycline",
    "dronate",
    "gliptin",
    "gliflozin",
    "tidine",
    "triptan",
    "setron",
    "parin",
    "semide",
    "thiazide",
    "dipine",
    "oxetine",
    "triptyline",
    "pramine",
    "peridol",
    "apine",
    "profen",
    "codone",
    "morphine",
    "lukast",
    "terol",
    "asone",
    "olone",
    "traline",
    "talopram",
    "zepine",
    "etamol",
    "formin",
    "vastatin",
    "conazole",
    "nidazole",
    "tretin",
    "tinib",
    "ximab",
    "zumab",
    "mumab",
    "dopa",
    "pezil",
    "gabalin",
    "pentin",
    "tropium",
    "clovir",
    "lactulose",
)
# Endings of medical words ("Haemoglobin", "Microcytic", "Audiology", "Neuropathy").
MEDICAL_ENDINGS = (
    "globin",
    "cytic",
    "cytes",
    "ology",
    "itis",
    "ectomy",
    "otomy",
    "oscopy",
    "aemia",
    "emia",
    "plasty",
    "pathy",
    "algia",
    "gram",
    "graphy",
)
# The words of NHS Wales's bilingual paperwork (field labels, services, sign-offs). Round 46:
# the words of Welsh services, schemes, groups and clinics that people and letters name ("Cerdyn
# adborth", the "Iaith Gwaith" badge, "Mwy na Geiriau", "Dear Llais", "Merched y ...", "Clinig
# Clust, Trwyn a Gwddf", "Mind Cymru"), which the capitals rule took for people in twelve sets
# by different writers. Words that also name a setting ("Canolfan", "Ysbyty", "Bwrdd Iechyd",
# "Hafan y Wawr") are left out: a guessed person is all that finds some such names.
WELSH_PAPERWORK = frozenset(
    """rhif enw cyfeiriad dyddiad geni derbyn rhyddhau crynodeb meddyg teulu meddyginiaeth
    dilyniant ffôn ffon ffacs swyddog fferyllydd practis gwasanaeth gwasanaethau
    cwympiadau apwyntiad apwyntiadau cleifion allanol adran nyrs ymgynghorydd llythyr
    cyfeirnod annwyl cofion gywir diolch claf cleient cymdeithasol ebost e-bost
    amser lleoliad manylion llofnod arwyddwyd atgyfeirio atgyfeiriad cyswllt rheolwr
    gweithiwr cymorth asesiad diagnosis triniaeth alergeddau perthynas
    cymru iaith gwaith llais cerdyn adborth cyfeirio cyf clust trwyn gwddf mwy geiriau
    gofalwyr diwrnod merched""".split()
)
# The words that end a service's or a department's name ("Falls Service", "Examiner Office").
SERVICE_WORDS = frozenset(
    """service services office team department dept programme hub line desk unit clinic
    confirmation summary record form leaflet booklet letter report plan chart
    policy referral scheme procedure pathway strategy""".split()
)
# Roles that end a title-cased phrase ("Best Interests Assessor", "Dementia Navigator").
ROLE_ENDINGS = ("or", "er", "ist", "ian", "ant", "ent")
FUNCTION_WORDS = frozenset(
    """the a an my our your his her their this that at in on to from by of for with and or
    dear hi hello yours see re cc per via""".split()
)
CELL_GAP = re.compile(r"[ \t]*\|[ \t]*|\t+|[ \t]{2,}")
TITLE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+")


def without_paperwork_guesses(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without the guessed people that are paperwork's words, addressees' lines as
    people, and the NER's ages that are measurements or counts (see the module's docstring)."""
    medicines = _medicine_words(text, found)
    kept = []
    for f in found:
        if f.label == "PERSON" and _paperwork_person(text, f, medicines):
            continue
        if (
            f.label == "LOCATION"
            and f.source in GUESSES
            and text[f.start : f.end].lower() in medicines
        ):
            continue  # the model's place over a medicine's name
        if f.label == "AGE" and f.source == "ner" and _measured_number(text, f):
            continue
        if department_setting(text, f):
            continue
        f = cut_at_column_gap(text, without_post_nominals(text, f))
        if f.label == "ADDRESS" and f.source == "address_block":
            f = _address_line(text, f)
            if f is None:
                continue
        kept.append(f)
    addressees = [(f.start, f.end) for f in kept if f.source == "addressee"]
    if addressees:  # a street read from the addressee's line on ("Hall\n112 ...") starts below
        kept = [_below(text, f, addressees) for f in kept]
    return kept


def _below(text: str, f: Finding, addressees: list[tuple[int, int]]) -> Finding:
    for start, end in addressees:
        if f.source != "addressee" and start <= f.start < end < f.end:
            below = text.find("\n", end, f.end)
            if below != -1:
                return Finding(below + 1, f.end, f.label, f.score, f.source)
    return f


def _medicine_words(text: str, found: list[Finding]) -> set[str]:
    gaz = gazetteer()
    out = set()
    for f in found:
        if f.label != "PERSON" or f.source not in GUESSES:
            continue
        value = text[f.start : f.end]
        low = value.lower()
        if " " in value or low in gaz.first_names or low in gaz.surnames:
            continue
        if STRENGTH.match(text, f.end) or low.endswith(INN_STEMS):
            out.add(low)
    return out


def _paperwork_person(text: str, f: Finding, medicines: set[str]) -> bool:
    value = text[f.start : f.end]
    low = value.lower()
    if f.source in GUESSES and low in medicines:
        return True
    line_before = text[text.rfind("\n", 0, f.start) + 1 : f.start]
    if (
        f.source in GUESSES | {"name_gazetteer"}
        and low in DOSE_TIMES
        and AFTER_STRENGTH.search(line_before)
    ):
        return True  # "40mg OM"
    words = re.findall(r"[^\W\d_]+", low)
    if not words or f.source not in GUESSES | {"role_cue", "name_gazetteer"}:
        return False
    gaz = gazetteer()
    if f.source == "name_gazetteer":
        return _month_in_a_range(text, f, low)
    named = [w for w in words if w in gaz.first_names or w in gaz.surnames]
    if f.source == "role_cue":  # "Nurse Assessor", "Consultant Old Age Psychiatrist"
        following = _following_capitals(text, f.end, 1)
        return not named and (
            all(_role_word(w) for w in words)
            or bool(following and _role_word(following[0]))
            or (words[-1] in SERVICE_WORDS and all(w in gaz.english_words for w in words))
        )
    if any(w in WELSH_PAPERWORK for w in words) and all(
        w in WELSH_PAPERWORK or w not in gaz.first_names for w in words
    ):
        return True
    if not named and _bilingual_label(text, f, line_before):
        return True
    if named:
        return False
    if len(words) == 1 and low.endswith(MEDICAL_ENDINGS) and len(low) > 6:
        return True
    if _title_cased_phrase(text, f, words):
        return True
    return _table_word(text, f, words, line_before)


# The English half of a bilingual label after a slash: "/ NHS No:", "/ Discharge Summary".
ENGLISH_HALF = re.compile(r"[ \t]*/[ \t]*((?:[A-Za-z&][\w&.'’]*[ \t]*){1,4})(?::|[ \t]*$)", re.M)
WELSH_HALF_BEFORE = re.compile(r"(?:^|[|:])[ \t]*(?:[A-Za-z][\w.'’]*[ \t]+){0,3}/[ \t]*$")


def _bilingual_label(text: str, f: Finding, line_before: str) -> bool:
    """ "Crynodeb Rhyddhau / Discharge Summary", "Tel / Ffôn:": a guess set against a label of
    everyday English words across a slash is the label's other language."""
    gaz = gazetteer()
    after = ENGLISH_HALF.match(text, f.end)
    if after:
        english = re.findall(r"[^\W\d_]+", after.group(1).lower())
        if english and all(w in gaz.english_words or w.isupper() for w in english):
            return not any(w in gaz.first_names for w in english)
    if WELSH_HALF_BEFORE.search(line_before) and text[f.end : f.end + 1] == ":":
        before = re.findall(r"[^\W\d_]+", line_before.lower())
        return bool(before) and all(w in gaz.english_words for w in before)
    return False


PREVIOUS_WORD = re.compile(r"([A-Z][\w'’]+)(?:[ \t]*(?:&|and|-)[ \t]*|[ \t]+)$")
NEXT_WORDS = re.compile(r"(?:[ \t]*(?:&|and)[ \t]*|[ \t]+)([A-Z][\w'’]+)")


def _title_cased_phrase(text: str, f: Finding, words: list[str]) -> bool:
    """An everyday word capitalised as part of a heading, a service's or a role's name."""
    gaz = gazetteer()
    if not all(w in gaz.english_words or w.endswith(DESCRIBING_ENDINGS) for w in words):
        return False  # "Clearview Neurodevelopmental Services", "Purbeck DN Team": a name
    if words[-1] in SERVICE_WORDS and len(words) > 1:
        return True  # "Seating Service", "Examiner Office"
    following = _following_capitals(text, f.end)
    if any(w in SERVICE_WORDS for w in following):
        return True  # "Wheelchair & Seating Service", "Booking Team"
    if following and _role_word(following[0]):
        return True  # "Rehabilitation Engineer", "Old Age Psychiatrist"
    if len(words) != 1 or words[0] not in gaz.english_words:
        return False
    if words[0] in DOCUMENT_PARTS and NUMBERED.match(text, f.end):
        return True  # "Annex 2", "Leaflet 14": a numbered part of a document
    if not words[0].endswith(NOUN_ENDINGS):
        return False  # "Gav & Tash", "Can Anil drive", "Beaconsfield Villas": names
    prev = PREVIOUS_WORD.search(text, max(0, f.start - 40), f.start)
    if not prev:
        return False
    before = prev.group(1).lower()
    if before in FUNCTION_WORDS or before in TITLE_CUES or before in gaz.first_names:
        return False
    if _role_word(words[0]):
        return True  # "Dementia Navigator", "Nurse Assessor": a role's name
    return (
        before in gaz.english_words
        and before not in ROLE_CUES
        and not before.endswith("ed")
        and len(before) > 2
    )


# Endings of describing words that a service's name carries ("Neurodevelopmental").
DESCRIBING_ENDINGS = ("al", "ic", "ology", "ary")
# Endings of everyday nouns made from verbs and other nouns ("Leaflet", "Disclaimer",
# "Enquiry", "Belongings", "Assessor"); a given name or a place rarely ends so.
NOUN_ENDINGS = (
    "er",
    "or",
    "let",
    "ment",
    "tion",
    "tions",
    "sion",
    "sions",
    "ence",
    "ance",
    "ship",
    "ness",
    "ity",
    "ings",
    "ery",
    "iry",
    "ure",
    "ist",
)
# Parts of a document that are numbered ("see Annex 2", "Patient Information Leaflet 14").
DOCUMENT_PARTS = frozenset(
    """annex annexe appendix leaflet booklet section schedule clause enclosure page form
    part table figure item paragraph""".split()
)
NUMBERED = re.compile(r"[ \t]+\d{1,3}(?:\.\d{1,2})?[a-z]?(?![\d])(?![ \t]*\d)")


def _following_capitals(text: str, pos: int, most: int = 3) -> list[str]:
    """The capitalised words straight after `pos`, joined by spaces, "&" or "and"."""
    out = []
    while len(out) < most:
        m = NEXT_WORDS.match(text, pos)
        if not m:
            break
        out.append(m.group(1).lower())
        pos = m.end()
    return out


def _role_word(word: str) -> bool:
    """A job's word that no list knows as a name: "assessor", "navigator", "psychiatrist"."""
    gaz = gazetteer()
    return (
        word.endswith(ROLE_ENDINGS)
        and len(word) > 5
        and (word in gaz.english_words or word.endswith(("ist", "ician")))
        and word not in gaz.surnames
        and word not in gaz.first_names
    )


def _table_word(text: str, f: Finding, words: list[str], line_before: str) -> bool:
    """A guess in a table: a word of a header row (no figures on the line, at least two
    cells of everyday words), or an everyday word alone in a cell between bars or tabs."""
    if len(words) != 1:
        return False
    gaz = gazetteer()
    line_end = text.find("\n", f.end)
    line = text[text.rfind("\n", 0, f.start) + 1 : len(text) if line_end == -1 else line_end]
    cells = [c for c in CELL_GAP.split(line.strip(" \t|")) if c]
    if len(cells) < 2:
        return False
    value = text[f.start : f.end]
    alone = any(c == value for c in cells)
    if not alone:
        return False
    if not any(ch.isdigit() for ch in line):
        cell_words = [re.findall(r"[^\W\d_]+", c.lower()) for c in cells]
        if any(w in gaz.first_names for ws in cell_words for w in ws):
            return False
        everyday = sum(1 for ws in cell_words if ws and all(w in gaz.english_words for w in ws))
        return everyday >= max(1, len(cells) - 1) or everyday >= 2
    barred = "|" in line or "\t" in line
    return barred and words[0] in gaz.english_words


# A measurement's name before a number: "HR 92", "ESR 41", "SpO2: 96".
MEASURE_BEFORE = re.compile(
    r"(?<![\w])(?:HR|BP|RR|ESR|CRP|GCS|BM|SpO2|SATS|Sats|Temp|NEWS2?|EWS|Hb|MCV|INR|eGFR|WCC|Plt|PLT|"
    r"BMI|Na|K|Pulse|Resps)[ \t]*:?[ \t]*$"
)
COUNT_AFTER = re.compile(
    r"[ \t]*(?:nights?|packs?|points?|missed|tablets?|items?|doses?|sessions?|visits?|"
    r"times?|calls?|beds?)\b",
    re.IGNORECASE,
)
LIST_NUMBER = re.compile(r"\(\d{1,2}\)")


def _measured_number(text: str, f: Finding) -> bool:
    before = text[max(0, f.start - 12) : f.start]
    if MEASURE_BEFORE.search(before):
        return True
    if COUNT_AFTER.match(text, f.end):
        return True
    if re.search(r"\d[ \t]+[a-z]+[ \t]*\($", before):
        return True  # "2 packs (56)": the count said again
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    line = text[line_start : len(text) if line_end == -1 else line_end].strip()
    return bool(LIST_NUMBER.fullmatch(line))


FIELD_WORD = re.compile(r"(?:Name|Address|Addressee|To)[ \t]*:?[ \t]+(?=\S)")
BIRTH_FIELD = re.compile(r"(?:DOB|D\.O\.B\.?|Date[ \t]+of[ \t]+birth)\b", re.IGNORECASE)


def _address_line(text: str, f: Finding) -> Finding | None:
    """An address block's line as the convention marks it: an addressee's line is the person
    without the title, a field's word before the line is no part of it, and a birth date's
    line is no address."""
    start = f.start
    if BIRTH_FIELD.match(text, start):
        return None
    field = FIELD_WORD.match(text, start, f.end)
    if field:
        start = field.end()
    title = TITLE.match(text, start, f.end)
    if title and re.fullmatch(r"(?:[A-Z][\w'’.-]*[ \t]*){1,5}", text[title.end() : f.end]):
        return Finding(title.end(), f.end, "PERSON", 0.95, "addressee")
    if start == f.start:
        return f
    return Finding(start, f.end, f.label, f.score, f.source)


MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()
MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
RANGE_AFTER = re.compile(rf"[ \t]*(?:to|until|till|through|-|–|—)[ \t]*{MONTH_WORD}(?![\w])")
RANGE_BEFORE = re.compile(rf"(?<![\w]){MONTH_WORD}[ \t]*(?:to|until|till|through|-|–|—)[ \t]*$")
MEASURED_AFTER = re.compile(r"[ \t]+\d+(?:\.\d+)?[ \t]*(?:kg|st|lbs?|g|cm|mm|%|ml)\b")


def _is_month(low: str) -> bool:
    return any(m.startswith(low.rstrip(".")) and len(low.rstrip(".")) >= 3 for m in MONTH_NAMES)


def _month_in_a_range(text: str, f: Finding, low: str) -> bool:
    """A month found as a first name ("April", "Jan") where it bounds a period ("April to
    September", "Jan – Mar") or heads a month's measurement beside another month ("Jan
    61.2kg, Feb 58.0kg"): the month."""
    if not _is_month(low):
        return False
    if RANGE_AFTER.match(text, f.end) or RANGE_BEFORE.search(text, max(0, f.start - 16), f.start):
        return True
    if not MEASURED_AFTER.match(text, f.end):
        return False
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    months = re.findall(rf"(?<![\w]){MONTH_WORD}(?=[ \t]+\d)", line)
    return len(months) >= 2


# Letters after a name that are a qualification or a register, not the name: "S. Oakes RN",
# "Harry Kostopoulos FRCOphth", "Dr A. Khan MBChB MRCGP".
POST_NOMINALS = re.compile(
    r"(?:[ \t,]+(?:RN|RGN|RMN|RNLD|RSCN|RM|RHV|NMP|BSc|MSc|PhD|MD|MB|ChB|MBChB|MBBS|BDS|MRCP|MRCGP|"
    r"MRCS|MRCPsych|FRCS|FRCP|FRCGP|FRCOphth|FRCPsych|FRCA|FRCR|FRCOG|MRCOG|FRCPCH|MRCPCH|"
    r"DipHE|MCSP|HCPC|BA|MA|(?:\(Hons\)))(?![\w]))+$"
)


def without_post_nominals(text: str, f: Finding) -> Finding:
    """A person's span without the letters after the name."""
    if f.label != "PERSON":
        return f
    return _ended_before(f, POST_NOMINALS.search(text, f.start, f.end))


def _ended_before(f: Finding, found: re.Match[str] | None) -> Finding:
    """`f` cut where `found` starts inside it (unchanged when nothing was found, or at its
    start): what follows a name or a setting in the same span is not part of it."""
    if not found or found.start() <= f.start:
        return f
    return Finding(f.start, found.start(), f.label, f.score, f.source)


# Words that make a ward, unit, clinic or centre a kind of department rather than a named
# place: "the Virtual Ward", "the Combined Assessment Unit", "Diabetes in Pregnancy Clinic".
DEPARTMENT_WORDS = frozenset(
    """virtual combined assessment admissions admission decisions observation pregnancy
    acute medical surgical emergency urgent same day ambulatory discharge lounge
    booking outpatient outpatients fracture""".split()
)
# A specialty's letters before "clinic" in lower case ("the ENT clinic", "TIA clinic"): the
# department, in every hospital; a clinic named in capitals ("ENT Clinic B") is a place's.
SPECIALTY_CLINIC = re.compile(r"(?:the[ \t]+)?[A-Z]{2,4}[ \t]+clinic")
# Thirty-eighth round: an outpatients' department by its number ("Outpatients Department 2",
# "outpatients 2"), the same in every hospital and in no writer's marking.
OUTPATIENTS = re.compile(
    r"(?:the[ \t]+)?out-?patients?(?:[ \t]+department)?(?:[ \t]+\d{1,2}[A-Z]?)?", re.IGNORECASE
)
DEPARTMENT = re.compile(
    r"(?:the[ \t]+)?((?:[A-Za-z]+[ \t]+){1,3})(?:ward|unit|clinic|centre|center)",
    re.IGNORECASE,
)


def department_setting(text: str, f: Finding) -> bool:
    """A care setting whose every word before its kind says what kind of department it is."""
    if f.label != "CARE_SETTING" or f.source not in ("care_pattern", "repeat", "care_kind"):
        return False
    if OUTPATIENTS.fullmatch(text, f.start, f.end) or SPECIALTY_CLINIC.fullmatch(
        text, f.start, f.end
    ):
        return True
    m = DEPARTMENT.fullmatch(text, f.start, f.end)
    return bool(m) and all(w.lower() in DEPARTMENT_WORDS for w in m.group(1).split())


# A table's gap between cells: a tab or three spaces or more.
COLUMN_GAP = re.compile(r"\t|[ ]{3,}")


def cut_at_column_gap(text: str, f: Finding) -> Finding:
    """A care setting read across a table's gap ("... Surgery   Pharmacy: ...") ends at it."""
    if f.label != "CARE_SETTING":
        return f
    return _ended_before(f, COLUMN_GAP.search(text, f.start, f.end))
