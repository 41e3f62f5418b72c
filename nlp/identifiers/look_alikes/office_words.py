"""Words of care's paperwork, equipment and messages taken for a person (issue 20, round 41).

Round 41 pooled the false findings of every development set and kept the kinds that three or
more writers share. Capitalised words that are never anyone's name were taken for people in
three to ten sets each: a message's heading ("[Voicemail, transcribed]", "Helpline call"),
an incident system ("raised on Datix"), a medicine's brand ("his Sinemet"), a blood test
("HbA1c 58"), a phone's translator ("Google Translate"), a letter's salutation ("Dear
Sirs"), a school's exams and roles ("GCSEs", "SENCo"), a language's variety ("Arabic
(Levantine)"), walking aids ("Zimmer frame", "wheelchair"), a shift's "Handover", a field
misread by a scanner ("Narne:"), a note's verbs and words at a line's start ("Rang the
clinic", "Ref on letter", "Story told by") and a day written short ("visit Sun.").

The list is of general words of care and office work, not of anything seen in a set. A
person or place finding is dropped only when it is the word and nothing more, and never
after a title ("Mr Porter", "Dr Story" stay people); "Sun" stays a person before a
capitalised word ("Sun Li").
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding

# "hbalc": the scanned-text reader (recogniser/scanned_text.py) restores a "1" between letters
# to "l", so the blood test reaches this filter as "HbAlc" (round 42: five sets).
OFFICE_WORDS = frozenset(
    """voicemail voicemails answerphone helpline helplines datix ulysses inphase
    sinemet madopar stalevo calpol gaviscon oramorph fortisip hba1c hbalc egfr
    sirs gcses gcse senco sendco levantine maghrebi romany zimmer zimmers rollator
    wheelchair wheelchairs handover handovers appointments postcode postcodes café cafe
    narne nane porter porters story rang ref eircode eircodes""".split()
)
TITLE_BEFORE = re.compile(
    r"\b(?i:mr|mrs|ms|miss|mx|dr|doctor|nurse|sister|prof|professor|father|rev)\.?[ \t]+$"
)
TRANSLATE = re.compile(r"\b(?i:google|microsoft|bing|deepl)[ \t]+$")
CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")


def _office_word(text: str, f: Finding) -> bool:
    value = text[f.start : f.end].lower().rstrip(".")
    before = text[max(0, f.start - 14) : f.start]
    if TITLE_BEFORE.search(before):
        return False
    if value == "translate":
        return bool(TRANSLATE.search(before))
    if value == "sun":  # "visit Sun.", "Sat/Sun": a day; "Sun Li" is a name
        return CAPITAL_AFTER.match(text, f.end) is None
    return value in OFFICE_WORDS


def without_office_words(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without people that are words of care's paperwork (see the module's docstring)."""
    return [f for f in found if not (f.label in ("PERSON", "LOCATION") and _office_word(text, f))]
