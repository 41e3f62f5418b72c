"""Hospitals by their initials, derived from the list of names (issue 20, twelfth round).

Staff and families call a hospital by its initials: "Caller's husband at RIE, Ward 118", "back
from POW yesterday", "the LRI", "(NSECH, Ward 11)", "on ward 32 at lgi". Missed in v6, v8,
v10, v11, v12 and v13, each time with different initials, so no list of strings seen would
carry to the next writer. The initials are derived instead from every name in
nlp/data/care_setting_names.txt that carries a word of its kind ("Royal Infirmary of Edinburgh"
-> RIE and RIOE, "Leicester Royal Infirmary" -> LRI, "Prince of Wales" -> POW and PW), with
"Hospital" added where the name leaves it out.

Initials are short and collide with other abbreviations, so one is flagged only when it is
written as initials (in capitals, or in lower case by a writer who types everything so), is
three letters or more, is not an English word or an abbreviation of care ("GBH", "PRU",
"SMP"), and stands after a word of place or "the" or by a word of care.

Forty-third round: initials that no listed name gives, shaped as a hospital's ("BGH", "NSECH",
"TRI"), in capitals, straight after "the" or a word of being there, with care near (three
sets by different writers); and a listed hospital's initials in lower case straight after
"at", "to", "from", "in" or "into" in a text typed without capitals ("at qmc"), with no care
word needed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from nlp.identifiers.care_settings.care_setting_kinds import CARE_WORDS, NEAR, NOT_HOSPITAL_INITIALS
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import gazetteer

NAMES = Path(__file__).resolve().parents[2] / "data" / "care_setting_names.txt"
# A name says which kind of place it is by one of these; "Keir Hardie" or "Morriston" alone
# have no initials anyone uses. Round 67 (a retired set, v85, and v20, v21, v29, v57 and v68
# before it): Northern Ireland's area and acute hospitals go by their initials ("CAH" for
# Craigavon Area, "SWAH" for South West Acute).
KIND_WORDS = frozenset(
    """royal general infirmary hospital university memorial community district county city
    medical children's childrens women's queen king prince princess area acute""".split()
)
SKIPPED = frozenset("and the of upon on in & for".split())
TRAILING = frozenset("hospital infirmary general centre".split())
# Abbreviations of other things that initials of a listed name happen to spell.
OTHER_ABBREVIATIONS = (
    frozenset(
        """GBH STD PPH DGH COC CSR GOS MCP PRU PRT SGT MHW RHC RMC RSC SMP NDD UHC MKU JCU SJU QEB
    CHN EDG MMH NCH BCH DCH PCH RCH SCH WCH HHH AAH CCH CFH GCH LCH MCH NHH YCH ROH TOH NOH ODH
    PWH PHH IHH SHH THH WHH BHH DHH EHH FHH GHH KHH LHH MHH QHH CHH PAH DDH SPH""".split()
    )
    | NOT_HOSPITAL_INITIALS
)
# "a POW in Burma", "an RDE": an article makes the initials a thing, not a hospital.
ARTICLE_BEFORE = re.compile(r"\b(?:a|an)[ \t]+$", re.IGNORECASE)
CUE_BEFORE = re.compile(r"(?:\b(?:at|in|to|from|into|the|via)|[(,—–-])[ \t]*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def derived_initials() -> frozenset[str]:
    """Initials of every listed name with a word of its kind, with and without "of"."""
    found: set[str] = set()
    for line in NAMES.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "=")):
            continue
        words = line.replace("’", "'").split()
        lower = [w.lower() for w in words]
        if len(words) < 2 or not KIND_WORDS.intersection(lower):
            continue
        forms = [words] if lower[-1] in TRAILING else [words, [*words, "Hospital"]]
        for form in forms:
            for keep_of in (False, True):
                letters = "".join(
                    w[0].upper()
                    for w in form
                    if w.lower() not in SKIPPED or (keep_of and w.lower() == "of")
                )
                if len(letters) >= 3 and letters.isalpha():
                    found.add(letters)
    common = gazetteer().common_words
    return frozenset(a for a in found if a not in OTHER_ABBREVIATIONS and a.lower() not in common)


TOKEN = re.compile(r"(?<![\w&'’-])[A-Za-z]{3,6}(?![\w&'’-])")
# Round 43: initials no listed name gives, shaped as a hospital's ("BGH", "BRCH", "NSECH" end in
# the H of Hospital, "TRI" in the RI of Royal Infirmary), taken only in capitals, only straight
# after "the" or a word of going or being there, and only with a word of care near.
UNLISTED_SHAPE = re.compile(r"[A-Z]{2,4}H|[A-Z]RI")
UNLISTED_CUE = re.compile(r"(?:\b(?i:at|to|from|into|in|of)[ \t]+(?i:the[ \t]+)?|\bthe[ \t]+|\()$")
# Initials of that shape that name no hospital: the service itself, a hub, a charity, a body.
NOT_UNLISTED = frozenset(
    """NHS MASH NSPCC RSPH CAMH CAMHS BUPA DWP NASH CSH PATH BATH MATH OTH GOSH TCH ASH BMH
    PSH HMH DCH SEH YMH""".split()
)
# Beside CARE_WORDS, what happens at a hospital in a patient's words ("knee op at the BGH",
# "a blood test at the BGH").
MORE_CARE_WORDS = re.compile(
    r"\b(?i:op|ops|blood[ \t]+tests?|tests?|knee|hip|replaced|replacement|visiting|seen)\b"
)
# A listed hospital's initials in lower case straight after a word of being there ("at qmc",
# "to rgh"): the cue alone is enough in a text typed without capitals.
LOWER_CUE = re.compile(r"\b(?:at|to|from|into|in)[ \t]+(?:the[ \t]+)?$")


def hospital_initials(text: str) -> Iterator[Finding]:
    """Listed hospitals' initials after a word of place, "the" or a bracket, or by care words."""
    known = derived_initials()
    lower_ok: bool | None = None
    for m in TOKEN.finditer(text):
        word = m.group()
        if word.upper() not in known:
            if _unlisted_initials(text, m):
                yield Finding(m.start(), m.end(), "CARE_SETTING", 0.7, "hospital_initials")
            continue
        if not word.isupper():
            if not word.islower():
                continue
            if lower_ok is None:
                lower_ok = capitals_mean_little(text)
            if not lower_ok:
                continue
        before = text[max(0, m.start() - 12) : m.start()]
        if ARTICLE_BEFORE.search(before):
            continue
        cued = bool(CUE_BEFORE.search(before))
        near = CARE_WORDS.search(text[max(0, m.start() - NEAR) : m.end() + NEAR])
        if (near and (cued or word.isupper())) or (word.islower() and LOWER_CUE.search(before)):
            yield Finding(m.start(), m.end(), "CARE_SETTING", 0.75, "hospital_initials")


def _unlisted_initials(text: str, m: re.Match[str]) -> bool:
    """Initials in capitals shaped as a hospital's, after "the" or a word of being there, with
    a word of care near (`UNLISTED_SHAPE`)."""
    word = m.group()
    if not word.isupper() or not UNLISTED_SHAPE.fullmatch(word):
        return False
    if (
        word in NOT_UNLISTED
        or word in OTHER_ABBREVIATIONS
        or word.lower() in gazetteer().common_words
    ):
        return False
    if text.isupper() or not UNLISTED_CUE.search(text, max(0, m.start() - 12), m.start()):
        return False
    around = text[max(0, m.start() - NEAR) : m.end() + NEAR]
    return bool(CARE_WORDS.search(around) or MORE_CARE_WORDS.search(around))
