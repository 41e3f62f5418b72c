"""Care settings by kind, for names no list holds (sixth round, issue 20).

Each pattern is a shape of naming, not a name seen:

- "the <Name>" after a word of place ("at the Maudsley", "to the Gilbert Bain") when the name
  is no everyday English word (or is a place) and a word of care is near;
- "the Royal <Place>" and "Royal <Place> Hospital" shortened ("the Royal Derby");
- "<Name> Centre/Hub/Clinic/Unit" after "the" with a care word near ("the Booth Centre");
- a pharmacy chain pinned to one branch by a street or town ("Boots on Broad Street"); the
  name alone ("went to Boots") names thousands of shops and stays;
- hospital initials without "the" after a word of place ("in LRI again", "at RVH");
- a drug and alcohol recovery service by its own name, "<Name> Recovery Hub/Service/Centre"
  ("Possilpark Recovery Hub", "Tanhouse Recovery Service"; thirty-first round, as v26 and v36
  mark them): the words say what it is, so no word of care need be near;
- a nickname in quotes told as what someone calls it, with a word of care near (St James's,
  "Jimmy's" as my dad called it; "the Death Star", as he calls it; seventeenth round);

Health boards and trusts ("NHS Lothian", "Western Health and Social Care Trust") are not marked,
as the development set's conventions list care settings (hospitals, surgeries, homes, hospices,
wards) and not the bodies that run them: a board covers a region of hundreds of thousands, and
marking it was tried and cost precision on a blind set whose writer followed those conventions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.care_settings.hospital_units import SPECIALTIES
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated, gated_all

CARE_WORDS = re.compile(
    r"\b(?:ward|wards|bed|admitted|admission|discharged?|transferred|nurses?|hospital|consultant|"
    r"doctors?|dr|gp|a&e|a\s*and\s*e|surgery|operation|scan|theatre|physio|patients?|clinic|"
    r"appointment|referr(?:al|ed)|waiting\s+list|x-?ray|bloods|midwife|chemo|oncology|"
    r"ambulance|paramedics?|out-of-hours|psychiatri\w*|mental\s+health|camhs|inpatient|"
    r"outpatients?|sectioned|treatment|therapy|therapist|counsell\w*|injection|eye|ivf|"
    r"fertility|dsn|diabetes|maternity|birth|labour|born|baby|neonatal|nicu|stroke|cancer)\b",
    re.IGNORECASE,
)
NEAR = 120
PLACE_WORD = r"(?:at|to|in|into|from|outside|up\s+to|down\s+to|not|or|and|via|for|under)"
_CAP = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
# "at the Maudsley", "to the Gilbert Bain", "in the Harplands": a name alone after "the".
THE_NAME = re.compile(
    rf"(?<![\w])(?i:{PLACE_WORD})\s+(?i:the)\s+(?P<name>{_CAP}(?:\s+{_CAP})?)(?![\w'’-])"
    r"(?!\s+(?:[A-Z]|(?i:road|street|lane|avenue|family|team|group|way|estate|park)\b))"
)
# "the Royal Derby", "the Royal Oldham", "the Royal Stoke": a royal hospital by its town.
ROYAL_PLACE = re.compile(rf"(?<![\w])(?i:the)\s+(?P<name>Royal\s+{_CAP})(?![\w'’-])")
ROYAL_PLACE = gated(ROYAL_PLACE)
# "the Booth Centre", "the Derby Autism Hub", "the Wortley Beck clinic".
THE_NAMED_KIND = re.compile(
    rf"(?<![\w])(?i:the)\s+(?P<name>{_CAP}(?:\s+{_CAP}){{0,2}}\s+"
    r"(?:Centre|Center|Hub|Clinic|clinic|Unit|unit|House|Lodge|Hall|Court))(?![\w'’-])"
)
THE_NAMED_KIND = gated(THE_NAMED_KIND)
# "Possilpark Recovery Hub", "Bridge Street Recovery Hub", "Harbour Lights Recovery Service".
NAMED_RECOVERY = re.compile(
    rf"(?<![\w'’-])(?P<name>(?:{_CAP}\s+){{1,3}}(?:Recovery|Addictions?)\s+"
    r"(?:Hub|Service|Centre|Center))(?![\w'’-])"
)
NAMED_RECOVERY = gated(NAMED_RECOVERY)
# Words that say whom or where a service is for, naming none ("the Local Recovery Hub").
GENERIC_SERVICE_WORDS = frozenset(
    """local community drug drugs alcohol adult adults young youth women's womens men's mens
    family integrated specialist county city district area regional national new""".split()
)
NOT_A_CENTRE = frozenset(
    """city town shopping leisure sports job jobcentre garden visitor call contact data test
    community civic arts conference business trade health medical science food""".split()
)
DEPARTMENT = frozenset(
    """stroke acute medical surgical assessment admissions discharge day outpatient outpatients
    intensive critical coronary cardiac cancer eye maternity birth birthing renal dialysis
    burns spinal trauma orthopaedic rehab rehabilitation respiratory neonatal children's
    childrens women's paediatric psychiatric mental health treatment diagnostic imaging scanning
    x-ray endoscopy chemotherapy chemo haematology oncology fracture minor injuries urgent
    emergency care palliative memory sexual wellbeing recovery dementia elderly older
    people's community continence incontinence district nursing prescription prescribing team
    service services""".split()
)
PHARMACY_CHAINS = (
    r"Boots|Superdrug|Jhoots|Day\s+Lewis|(?:Lloyds|Rowlands|Well|Cohens|Whitworths|Numark|Asda|"
    r"Tesco|Morrisons)\s*(?i:pharmacy)"
)
# A chain's name alone names thousands of shops; pinned to a street or town it names one branch:
# "Boots on Broad Street", "Superdrug in Kendal", "boots pharmacy on the high st". Round 45
# (four sets by different writers): the branch as people write it too, in lower case ("at
# boots in the arcade", "from lloyds on market street"), by a street typed in lower case or its
# town's shopping street or centre ("Boots on the high street"), and "Day Lewis" alone.
LOWER_CASE_CHAIN = (
    r"(?:(?<=\bat\s)|(?<=\bfrom\s)|(?<=\bto\s)|(?<=\binto\s)|(?<=\bin\s))"
    r"(?:boots|superdrug|lloyds|day\s+lewis)"
)
TOWN_SHOPS = (
    r"[a-z]+\s+(?:street|st|road|rd|lane|avenue|parade)\b|precinct\b|"
    r"(?:market|town)\s+(?:square|place|centre)\b|shopping\s+(?:centre|center|arcade)\b|"
    r"retail\s+park\b"
)
CHAIN = re.compile(
    rf"(?<![\w'’-])(?P<name>(?-i:{PHARMACY_CHAINS})|(?:boots|superdrug)(?=\s+(?:pharmacy|chemist))"
    rf"|{LOWER_CASE_CHAIN})(?:\s+(?:pharmacy|chemist))?"
    rf"(?=\s+(?:on|in|at|near|by)\s+(?:the\s+)?(?:(?-i:[A-Z])|{TOWN_SHOPS})|\s+(?-i:[A-Z][a-z]))",
    re.IGNORECASE,
)
# Lloyds is a bank too: in lower case and without "Pharmacy" it is the chemist only where a
# word of medicines is near ("her dosette box comes from lloyds on mill lane").
MEDICINE_WORDS = re.compile(
    r"\b(?:pharmac\w*|chemist|prescri\w*|blister|dosette|meds|medication|medicines?|tablets|"
    r"pills|inhalers?|insulin|jab|vaccin\w*)\b",
    re.IGNORECASE,
)
CHAIN = gated(CHAIN)
# "in LRI again", "at RVH", "to QEUH": a hospital's initials after a word of place.
BARE_INITIALS = re.compile(
    r"(?<![\w])(?P<prep>in|at|to|from|into)\s+(?P<abbr>[A-Z]{2,4}[HI])(?![\w&'’-])"
)
# "A&E at MRI", "went to MRI for a scan": Manchester's infirmary by the initials of the scan.
# Gone to or seen at without an article ("for an MRI", "the MRI showed" are the scan) and not
# followed by a word about a scan ("at MRI appointment", "to MRI department").
MRI_AFTER = re.compile(
    r"[ \t]+(?:scans?|appointments?|appt|results?|report|department|dept|machine|scanner|"
    r"unit|suite|room|slot|request|referral|waiting)\b",
    re.IGNORECASE,
)
# "the doctor at King's said", "the Children's – with sepsis", "take him Queens?": hospitals
# called by the possessive they are named for (King's College, Queen's Medical Centre, the
# Royal Hospital for Children), standing alone, with a word of care near. Not before another
# capitalised word ("King's Lynn", "Queen's Park"), nor before a noun ("the King's speech"):
# only before punctuation, the end, or a function word or verb of speech.
ROYAL_POSSESSIVE = re.compile(
    r"(?<![\w'’-])(?P<name>(?:King|Queen|Children|Women|Prince|Princess)['’]s|Kings|Queens)"
    r"(?=[ \t]*(?:[.,;:!?)–—-]|$)|[ \t]+(?P<next>[a-z]+)\b)",
    re.MULTILINE,
)
ROYAL_POSSESSIVE = gated(ROYAL_POSSESSIVE)
AFTER_POSSESSIVE = STOP_WORDS | frozenset(
    "said says told rang phoned called yesterday today tomorrow again twice".split()
)
# A setting's nickname in quotes, told as what someone calls it: St James's ("Jimmy's" as my
# dad called it), Queen Elizabeth University Hospital ("the Death Star", as he calls it).
_CALLER = r"(?:he|she|they|we|i|you|everyone|everybody|people|locals|staff|my\s+\w+|the\s+\w+)"
_QUOTED = r"[\"“‘'](?:the\s+|The\s+)?(?P<nick>[A-Z][^\"”’'\n]{1,30}?(?:['’]s)?)[\"”’']"
# The first pattern's hand-written gate (`prefilter.gated`'s `behind`): "it", "as" or
# "nicknamed" before an opening quote, where "called" and "known" are in many stories.
WORDS_BEFORE_QUOTE = re.compile(r"(?:it|as|nicknamed)\s+[\"“‘']", re.IGNORECASE)
QUOTED_NICKNAMES = (
    gated(
        re.compile(
            rf"(?:{_CALLER}\s+(?:always\s+)?(?:calls?|called)\s+it|known\s+as|nicknamed)\s+{_QUOTED}",
            re.IGNORECASE,
        ),
        behind=WORDS_BEFORE_QUOTE,
    ),
    re.compile(
        rf"{_QUOTED}\s*,?\s*as\s+{_CALLER}\s+(?:always\s+)?(?:calls?|called)\s+it",
        re.IGNORECASE,
    ),
)
QUOTED_NICKNAMES = gated_all(QUOTED_NICKNAMES)
NOT_HOSPITAL_INITIALS = frozenset(
    """MRI UTI BMI PPI TCI AKI ABI TBI RTI LRTI URTI SSI HAI CAUTI ICH SAH PPH BPH DGH OOH LMWH
    UFH DOH DOI FOI ROI KPI API CPI CHI NHSI PHI DHI CQI HI""".split()
)
# What may follow a place's name: a function word, a verb of saying, a word for the site.
NEXT_WORD = re.compile(r"[ \t]+([a-z][\w'’]*)")
ENDS_A_NAME = STOP_WORDS | frozenset(
    """said says told rang phoned called wrote site hospital unit ward clinic wing campus
    yesterday today tomorrow tonight again twice overnight now last next""".split()
)
CALENDAR = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Christmas|Easter"
)
NOT_A_NAME = frozenset(
    """nhs covid corona internet web news bbc itv government council police army navy queen king
    pandemic lockdown ombudsman coroner""".split()
) | frozenset(
    # Round 40: a supermarket or a chain shop named with "the" ("the Tesco in Andersonstown",
    # "the Asda near the clinic") is a shop, not a setting; "Tesco Pharmacy" is its own rule's.
    """tesco asda aldi lidl morrisons sainsbury's sainsburys waitrose co-op coop spar primark
    greggs argos poundland""".split()
)
LEADING = frozenset("the our this that a an your their my his her its every each any".split())


def _department(word: str) -> bool:
    """A word naming a department or specialty ("Stroke", "Cardiology"), not a place."""
    return word.lower() in DEPARTMENT or bool(re.fullmatch(SPECIALTIES, word, re.IGNORECASE))


def _near_care(text: str, start: int, end: int) -> bool:
    return bool(CARE_WORDS.search(text[max(0, start - NEAR) : end + NEAR]))


def _unusual(words: str) -> bool:
    """A name that is no common word, or a place: "Maudsley", "Gilbert Bain", "Derby"."""
    g = gazetteer()
    parts = [w.lower().replace("’", "'") for w in re.split(r"[\s-]+", words)]
    return any(w in g.places or w not in g.common_words for w in parts)


def care_setting_kind_findings(text: str) -> Iterator[Finding]:
    if text.isupper():
        return
    for m in THE_NAME.finditer(text):
        name, end = m.group("name"), m.end("name")
        last = name.split()[-1]
        if " " in name and CALENDAR.fullmatch(last):
            name, end = name[: -len(last)].rstrip(), end - len(last) - 1
        if CALENDAR.fullmatch(name) or name.lower() in NOT_A_NAME:
            continue
        parts = name.replace("’", "'").split()
        if any(_department(w) or CARE_WORDS.fullmatch(w) for w in parts):
            continue  # "the Outpatient Department", "the Stroke Unit": a department
        follow = NEXT_WORD.match(text, end)
        if follow and follow.group(1).lower() not in ENDS_A_NAME:
            continue  # "the Traveller support project": the capital is an adjective
        if name.lower() in gazetteer().places:
            continue  # "the Mansfield area": a town is a LOCATION, found as one
        if _unusual(name) and _near_care(text, m.start("name"), end):
            yield Finding(m.start("name"), end, "CARE_SETTING", 0.7, "care_kind")
    for m in ROYAL_PLACE.finditer(text):
        place = m.group("name").split()[-1].lower()
        if place in gazetteer().places or (
            _unusual(place) and _near_care(text, m.start("name"), m.end("name"))
        ):
            yield Finding(m.start("name"), m.end("name"), "CARE_SETTING", 0.75, "care_kind")
    for m in THE_NAMED_KIND.finditer(text):
        words = [w.lower().replace("’", "'") for w in m.group("name").split()[:-1]]
        if words[0] in NOT_A_CENTRE or any(_department(w) for w in words):
            continue  # "the Stroke Unit", "the Acute Medical Unit": a department, not a name
        if _near_care(text, m.start("name"), m.end("name")):
            yield Finding(m.start("name"), m.end("name"), "CARE_SETTING", 0.75, "care_kind")
    for m in NAMED_RECOVERY.finditer(text):
        start = m.start("name")
        for word in m.group("name").split()[:-2]:  # "The", "At": not the service's name
            if word.lower() not in STOP_WORDS and word.lower() not in NOT_A_CENTRE:
                break
            start = text.index(word, start) + len(word)
            start += len(text[start:]) - len(text[start:].lstrip())
        own = [w.lower() for w in text[start : m.end("name")].split()[:-2]]
        if own and not all(w in GENERIC_SERVICE_WORDS for w in own):
            yield Finding(start, m.end("name"), "CARE_SETTING", 0.8, "care_kind")
    for m in ROYAL_POSSESSIVE.finditer(text):
        if m.group("next") and m.group("next") not in AFTER_POSSESSIVE:
            continue
        if _near_care(text, m.start("name"), m.end("name")):
            yield Finding(m.start("name"), m.end("name"), "CARE_SETTING", 0.7, "care_kind")
    for pattern in QUOTED_NICKNAMES:
        for m in pattern.finditer(text):
            if _near_care(text, m.start("nick"), m.end("nick")):
                yield Finding(m.start("nick"), m.end("nick"), "CARE_SETTING", 0.7, "care_nickname")
    for m in CHAIN.finditer(text):
        if m.group("name").lower() == "lloyds" and not MEDICINE_WORDS.search(
            text, max(0, m.start() - NEAR), m.end() + NEAR
        ):
            continue
        yield Finding(m.start("name"), m.end("name"), "CARE_SETTING", 0.75, "care_chain")
    for m in BARE_INITIALS.finditer(text):
        abbr = m.group("abbr")
        scan = abbr in NOT_HOSPITAL_INITIALS and not (
            abbr == "MRI"
            and m.group("prep") in ("at", "to", "from")
            and not MRI_AFTER.match(text, m.end())
        )
        if not scan and _near_care(text, m.start("abbr"), m.end("abbr")):
            yield Finding(m.start("abbr"), m.end("abbr"), "CARE_SETTING", 0.7, "care_kind")
