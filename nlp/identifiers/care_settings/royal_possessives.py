"""A hospital called by its royal possessive alone after a word of place (issue 20, round 91):
"she was in King's for six days", "referred to King's hepatology", "on shift at Kings till 8",
"the dental hospital at king's", "WENT TO KING'S BECAUSE".

King's College Hospital, Queen's Hospital and the Queen's Medical Centre are called "King's" and
"Queen's" by the people who use them. The older rule for that shape (`care_setting_kinds`'s
royal possessive) asks for a word of care within a few words, and a story that says "he is
scared of King's because they sent a bill" has none. Across 46 writers' sets, every "King's",
"Kings", "Queen's" or "Queens" after "at", "in", "to", "from", "into" or "of" is marked (72 of
72, three of them a university as a place), and the word-of-care rule left 24 of them in 13 sets.

What makes it a place here is the shape around it, not a word of care:

- a word of place before it, "the" allowed between ("at the Queens");
- after it the end, a mark, or a word that cannot carry the name on: a function word ("for",
  "because", "where"), a verb of telling or coming ("said", "rang", "comes"), a word of time
  ("today"), or a department ("hepatology", "maternity"). A place ("King's Cross", "King's
  Lynn", "Queens Park"), a college or a thing the monarch has ("the King's speech", "the
  Queen's funeral") carries the name on, so stays;
- written as a name: capitalised, or with its apostrophe in the case of the words before it
  ("at king's", "TO KING'S"); "kings" and "queens" in lower case are the plural nouns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.care_settings.hospital_units import SPECIALTIES
from nlp.identifiers.core.findings import Finding

ROYAL_AFTER_PLACE_WORD = re.compile(
    r"(?<![\w'’-])(?P<prep>at|in|to|from|into|of|AT|IN|TO|FROM|INTO|OF|At|In|To|From|Into|Of)"
    r"[ \t]+(?:(?:the|THE|The)[ \t]+)?"
    r"(?P<name>(?:King|Queen)(?:['’]s|s)|(?:king|queen)['’]s|(?:KING|QUEEN)(?:['’]S|S))"
    r"(?![\w'’-])"
)
NEXT_WORD = re.compile(r"[ \t]+(?P<word>[A-Za-z&]+)")
# Words after the name that leave it whole: it is the hospital, and they begin what is said of it.
TELLING_AND_TIME = frozenset(
    """said says say told tell tells rang rings phoned called calls comes came come sent wrote
    discharged admitted kept till til today tonight yesterday tomorrow again twice overnight
    now last next a&e ae ed""".split()
)
DEPARTMENTS = frozenset(
    w.lower() for w in re.findall(r"[A-Za-z]+", SPECIALTIES) if len(w) > 3
) | frozenset(
    """maternity paeds paediatrics outpatients dental renal liver cardiac neuro neurosurgery
    haematology hepatology oncology chemo dialysis fertility antenatal""".split()
)
LEAVES_IT_WHOLE = STOP_WORDS | TELLING_AND_TIME | DEPARTMENTS


def royal_possessives(text: str) -> Iterator[Finding]:
    """ "King's", "Queens" and their like as a hospital, after a word of place."""
    if "ing" not in text and "ueen" not in text and "ING" not in text and "UEEN" not in text:
        return
    for m in ROYAL_AFTER_PLACE_WORD.finditer(text):
        name = m.group("name")
        if name.isupper() != m.group("prep").isupper() and not name[1:].islower():
            continue  # "at KING'S" in a sentence of small letters: a shout, not a place
        following = NEXT_WORD.match(text, m.end("name"))
        if following and following.group("word").lower() not in LEAVES_IT_WHOLE:
            continue  # "King's Cross", "King's College", "the Queen's funeral"
        yield Finding(m.start("name"), m.end("name"), "CARE_SETTING", 0.75, "care_royal")
