"""A hub named by a place or its own word (issue 20, round 93).

Health and care services now call many of their sites "hubs", and people name them as places:
"physio at Heathfield MSK Hub", "it all goes to the hub at Hulme Health Hub", "the Gateshead
Bowel Screening Hub", "collapse at Canalside Hub (day centre)", "Base: Ipswich Hub". The setting
rules knew the family hubs (`family_hubs`) and the vaccination hubs, and read the rest only
where a place list held the first word, leaving the kind behind ("Hulme Health"): 28 were
missed in 19 writers' sets.

Here one to three capitalised words, then any words that only say what the hub does
("Health", "MSK", "Recovery", "Bowel Screening", "Women's Health"), then "Hub", are a care
setting when one of the first words is a name: a listed place, or a word no list of common
English holds ("Canalside", "Possilpark"). A hub that only says what it does names none, and
writers leave it: "the Clinical Hub", "Family Support Hub", "Women's Health Hub - Referral
Form", "the Equipment Hub", "NHS 24 Mental Health Hub". Advocacy hubs are left as well: writers
mark the place in "Lancashire Advocacy Hub" as a location, or nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.look_alikes.clinical_words import CLINICAL_WORDS

_WORD = r"[A-Z][A-Za-z'’]*(?:-[A-Z][A-Za-z'’]*)*"
HUB = re.compile(
    rf"(?<![\w'’-])(?P<words>(?:{_WORD}[ \t]+(?:(?:and|&)[ \t]+)?){{1,6}})"
    r"(?P<hub>Hub|HUB|hub)(?![\w'’-])"
)
# Words that say what a hub does or whose it is, not which one.
HUB_KINDS = frozenset(
    """health care carers carer family families support clinical mental wellbeing well-being
    recovery screening bowel breast msk youth young people community women's womens men's mens
    carers' carer's
    referral referrals equipment monitoring remote digital virtual access booking triage
    discharge diagnostic diagnostics information advice advocacy vaccination vaccine covid
    food welcome admin national regional local central main new urgent treatment respiratory
    frailty dementia memory autism learning disability disabilities hearing eye cancer physio
    physiotherapy pain surgical therapy therapies day resource resources integrated
    neighbourhood primary outpatient outpatients employment housing homeless homelessness
    drug drugs alcohol sexual wellness children's childrens and & nhs hscp icb gp gps pcn
    bariatric obesity weight diabetes diabetic cardiac heart stroke renal kidney maternity
    paediatric paediatrics orthopaedic orthopaedics musculoskeletal rheumatology dermatology
    neurology ophthalmology audiology urology gynaecology oncology haematology palliative
    council county city borough district our your their my the this that""".split()
)
# The kinds whose hubs another rule reads or writers do not mark as settings.
LEFT_TO_OTHERS = frozenset({"family", "families", "advocacy", "vaccination", "vaccine", "covid"})


def service_hubs(text: str) -> Iterator[Finding]:
    """Hubs named by a place or a word of their own, with the words of their kind."""
    if "ub" not in text and "UB" not in text:
        return
    gaz = gazetteer()
    for m in HUB.finditer(text):
        words = list(re.finditer(r"\S+", m.group("words")))
        kinds = [w.group().lower() for w in words if w.group().lower() in HUB_KINDS]
        if any(k in LEFT_TO_OTHERS for k in kinds):
            continue
        names = [w for w in words if not _not_a_name(w.group())]
        if not names or not any(_names_one(w.group(), gaz) for w in names):
            continue
        if m.group("hub") == "hub" and len(names) < 2 and not kinds:
            continue  # "the Heaton hub": one word before a small "hub" is as often a place's
        start = m.start("words") + names[0].start()
        yield Finding(start, m.end("hub"), "CARE_SETTING", 0.8, "service_hub")


def _not_a_name(word: str) -> bool:
    low = word.lower().replace("’", "'")
    return low in HUB_KINDS or low in STOP_WORDS or low in CLINICAL_WORDS


def _names_one(word: str, gaz) -> bool:
    """A listed place, or a capitalised word not among the common words of English."""
    low = word.lower().replace("’", "'")
    if low in gaz.places or low in gaz.small_places:
        return True
    return word[:1].isupper() and word[1:].islower() and low not in gaz.common_words
