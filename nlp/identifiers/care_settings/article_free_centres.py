"""A centre or unit named with no article before it, in a text typed in one case (issue 20,
round 83).

"first day at sunnyside day centre", "we'll need to go up to harmony birth centre", "dialysis
at riverside renal unit", "is that still at hafan derwen unit??". Typed without capitals, such
names are everyday words before the kind of place, and the lower-case rules take them only
when the name is a place or a person already found (`lower_case_kind_after`) or two words of a
house's kind (`lower_case_named_settings`). What marks them is grammar: "at", "to" or "from"
with no "the" or "my" before a centre or a unit makes it a proper name, as "at Ninewells" is.
Across the development sets 64 such names follow a preposition with no article; writers of
six sets (v43, v71, v107, v109, v114, v117) mark the 11 the rules missed, and none leaves one.

Left alone: a name word that is an everyday English word (`common_words`: "town", "city",
"job", "day", "test", and the function words), a kind of care or a clinical word ("renal",
"coronary", "plaster"); so "in town centre", "to resus unit", "at leisure centre" stay. Services and
clinics are left too: "referral to memory service", "sent to colposcopy clinic" are kinds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.core.token_words import GENERIC_CARE
from nlp.identifiers.look_alikes.clinical_words import CLINICAL_WORDS

# The kinds of centre told before "centre" or "unit" ("birth centre", "renal unit").
KIND_WORDS = (
    r"day|birth|renal|dialysis|kidney|satellite|neonatal|resource|family|medical|health|"
    r"dental|eye|memory|recovery|treatment|crisis|care|rehabilitation|rehab|cancer|children'?s"
)
ARTICLE_FREE_CENTRE = gated(
    re.compile(
        r"\b(?:at|to|from|into)[ \t]+"
        r"(?P<name>[a-z][a-z'’]+(?:[ \t]+[a-z][a-z'’]+)??)[ \t]+"  # one word first
        rf"(?:(?:{KIND_WORDS})[ \t]+)?(?:centre|center|unit)(?![\w'’-])"
    )
)
# Words of a centre's purpose that the everyday list lacks, and the endings of a specialty's
# words ("urological", "geriatric", "endoscopy").
PURPOSES = frozenset(
    """leisure vaccination vaccine plaster resus sexual spinal coronary dependency outpatient
    outpatients inpatient inpatients paediatric paediatrics children's childrens adolescent
    adolescents perinatal antenatal postnatal fertility ivf gum cardiac cardiothoracic
    neurosurgical neuro trauma burns stroke detox ambulatory obstetric obstetrics frailty
    admissions minors majors paeds ortho gastro plastics vascular ophthalmic bariatric
    observation medical surgical acute elderly""".split()
)
PURPOSE_ENDINGS = ("ology", "ological", "ologic", "iatric", "iatrics", "scopy", "therapy", "aedic")


def _not_a_name(word: str, common: frozenset[str]) -> bool:
    word = word.replace("’", "'")
    return (
        word in common  # the everyday list holds the function words too
        or word in GENERIC_CARE
        or word in CLINICAL_WORDS
        or word in PURPOSES
        or word.endswith(PURPOSE_ENDINGS)
    )


def article_free_centres(text: str) -> Iterator[Finding]:
    """Centres and units named after "at", "to", "from" with no article, typed in one case."""
    if not capitals_mean_little(text):
        return
    common = gazetteer().common_words
    for m in ARTICLE_FREE_CENTRE.finditer(text):
        if any(_not_a_name(w, common) for w in m.group("name").split()):
            continue
        yield Finding(m.start("name"), m.end(), "CARE_SETTING", 0.7, "article_free_centre")
