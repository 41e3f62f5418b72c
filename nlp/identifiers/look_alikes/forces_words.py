"""Words of the armed forces community that are no person, setting or place (issue 20, round
81).

Veterans, service families and the charities that help them write the services, regiments,
charities and operations they belong to: "ex-RAF, 88", "served with the Rifles", "Left 3 Para
five years ago", "the Legion got us the riser-recliner", "contacted Blesma", "the Armed Forces
Covenant", "deployed on Op Telic". The name list holds "Raf" (a short Rafael), and the capitals
rule and the NER read a capitalised regiment or operation as a name, so these were taken for
people in seven sets by different writers (v22, v27, v66, v67, v79, v110, v113: "RAF" alone
fifteen times); no set marks one as a person. A person guessed (by the capitals, the name list
or the NER, or repeated from such a guess) whose whole text is such a word is dropped, and so is
the NER's setting or place that is only such a word ("joined the RAF", "donations to Blesma"),
and an operation's name after "Op" or "Operation". A title before the word keeps it a name ("Mr
Gordons"), and so does a first name written as one ("Thank you Raf"; the service is written
"RAF"). An air station taken for a person ("RAF Valley", "raf coningsby": "Raf" and a surname to
the name list) is the place a family is posted to, as v79 marks it; the settings that carry
these words ("Blesma's Blackpool Centre", "Gordons Chemists") are other labels and stay.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer

# One entry a comma; the services and their short forms, the forces' charities and the
# Covenant, and the short names regiments are known by.
_ENTRIES = """
raf, ex-raf, raf regiment, rn, royal navy, royal marines, marines, legion, royal british legion,
rbl, blesma, ssafa, covenant, armed forces covenant, para, paras, rifles, fusiliers,
highlanders, argylls, gordons, mercians, gloucesters, cheshires, green howards, howards,
gurkhas, anglians, royal anglians, black watch, scots guards, welsh guards, irish guards,
grenadiers, coldstreams, sappers, gunners, reme, rlc, royal logistic corps
"""
FORCES_WORDS = frozenset(
    " ".join(e.split()) for e in _ENTRIES.replace("\n", " ").split(",") if e.strip()
)
GUESSES = frozenset(("capitals", "ner", "name_gazetteer", "repeat"))
LABELS = frozenset(("PERSON", "CARE_SETTING", "LOCATION"))
# Capitalised, as an operation's name is written: "post op" and "after my op." are surgery, and
# the name after them may be a nurse's ("post op. Sarah came").
OPERATION_BEFORE = re.compile(r"\b(?:Op|OP|Operation|OPERATION)[ \t]+$")
# "RAF Valley", "raf coningsby": an air station, where a family is posted (v79 marks it a place).
STATION = re.compile(r"(?:RAF|raf)[ \t]+[A-Za-z][a-z]+(?:[ \t]+[A-Z]?[a-z]+)?")
TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?[ \t]+$")


def _forces_word(text: str, f: Finding) -> bool:
    if f.label not in LABELS or f.source not in GUESSES:
        return False
    before = text[max(0, f.start - 12) : f.start]
    if OPERATION_BEFORE.search(before):
        # "Op Telic", "Operation Herrick": an operation; "Op Sarah" would be someone
        return text[f.start : f.end].lower() not in gazetteer().first_names
    span = text[f.start : f.end]
    low = " ".join(span.lower().split())
    if low.startswith("the "):
        low = low[4:]
    if span.istitle() and low in gazetteer().first_names:
        return False  # "Thank you Raf": the name, written as a name; the service is "RAF"
    return low in FORCES_WORDS and not TITLE_BEFORE.search(before)


def without_forces_words(text: str, found: list[Finding]) -> list[Finding]:
    """`found` without the people guessed over a service's, a regiment's, a forces charity's or
    an operation's name, and with an air station guessed as a person a place (see the
    module)."""
    out: list[Finding] = []
    changed = False
    for f in found:
        if _forces_word(text, f):
            changed = True
        elif (
            f.label == "PERSON" and f.source in GUESSES and STATION.fullmatch(text, f.start, f.end)
        ):
            out.append(Finding(f.start, f.end, "LOCATION", f.score, f.source))
            changed = True
        else:
            out.append(f)
    return out if changed else found
