"""A children's and young people's mental health team by its own name (issue 20, round 100):
"Wakefield CAMHS", "North Somerset CAMHS", "Hollybank CAMHS", "Cedar House CAMHS", "riverbank
camhs".

CAMHS teams are named by the town or district they serve, or by the house or base they work
from, written before the service's initials. Four writers' sets mark such a name whole as the
care setting (v81, v107, v119, v151: 13 names the rules left); the place rules found only the
town, or nothing where the name is a house's ("Hollybank", "Church View"). Many more writers
mark only the town of "York CAMHS" as a place, which stays covered inside the longer name.

The words before "CAMHS" (or "CYPMHS") on its line, up to three, nearest first, read as a
name when they are a listed place (with a point of the compass: "North Somerset"), a house's
name (two words or more ending in a word houses are named by: "Cedar House", "Church View"), or
one word no common list holds ("Hollybank", "Riverbank"). Where
capitals tell a name, each word is capitalised as one (not "LAC CAMHS", a looked-after
children's team). Never a word that says whose or which any such team is ("the", "my",
"Community", "Tier 4", "Healthwatch CAMHS report"), a possessive ("Kai's CAMHS worker"), a
word with a hyphen ("the on-call camhs team"), nor a sentence's first word ("Needs CAMHS
liaison", "Said CAMHS worker"), which the common list holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.care_settings.sexual_and_gender_services import DESCRIBING
from nlp.identifiers.care_settings.typed_settings import HOUSE_NAME_WORDS, PLACE_ELEMENTS
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated

KIND = gated(re.compile(r"(?<![\w'’-])(?:camhs|cypmhs)(?![\w'’-])", re.IGNORECASE))
# Words that say whose or which such a team is, or the body that reports on it: never its name.
NOT_OWN = DESCRIBING | frozenset({"community", "tier", "healthwatch", "liaison", "crisis"})
COMPASS = frozenset("north south east west central mid".split())
HOUSE_ENDINGS = PLACE_ELEMENTS | HOUSE_NAME_WORDS
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _words_before(text: str, end: int, any_case: bool) -> list[re.Match]:
    """Up to three candidate name words before `end` on its line, in the text's order."""
    line_start = max(text.rfind("\n", 0, end) + 1, end - 80)
    words: list[re.Match] = []
    stop = end
    for word in reversed(list(_WORD.finditer(text, line_start, end))):
        low = word.group().lower()
        if text[word.end() : stop] not in (" ", "\t") or len(words) == 3:
            break
        if low in STOP_WORDS or low in NOT_OWN or not word.group().isalpha():
            break  # "Kai's CAMHS worker", "the on-call camhs team"
        if not any_case and not (word.group()[0].isupper() and word.group()[1:].islower()):
            break  # "LAC CAMHS", "referral to CAMHS"
        words.append(word)
        stop = word.start()
    return words[::-1]


def _a_name(words: list[str]) -> bool:
    """Whether the words (in lower case, in the text's order) name one team."""
    gaz = gazetteer()
    joined = " ".join(words)
    own = words[1:] if words[0] in COMPASS and len(words) > 1 else words
    if joined in gaz.places or " ".join(own) in gaz.places:
        return True
    if len(words) >= 2:
        return words[-1] in HOUSE_ENDINGS and words[0] not in COMPASS
    word = words[0]
    if word in gaz.small_places:
        return True
    return word not in gaz.common_words and word not in COMPASS


def camhs_teams(text: str) -> Iterator[Finding]:
    """CAMHS teams named by their place or their base before the service's initials."""
    any_case = None
    for m in KIND.finditer(text):
        if any_case is None:
            any_case = capitals_mean_little(text)
        words = _words_before(text, m.start(), any_case)
        for n in range(len(words), 0, -1):  # the longest run of the words that names a team
            if _a_name([w.group().lower() for w in words[-n:]]):
                yield Finding(words[-n].start(), m.end(), "CARE_SETTING", 0.75, "camhs_team")
                break
