"""A mental health team by its own name before its initials (issue 20, rounds 100 and 101):
"Wakefield CAMHS", "North Somerset CAMHS", "Hollybank CAMHS", "Cedar House CAMHS", "riverbank
camhs", "Leyton Green CMHT", "FOYLE CMHT", "Dungannon East CMHT", "Heron Older People's CMHT".

Children's (CAMHS, CYPMHS) and adults' community teams (CMHT, and the crisis teams' CRHT) are
named by the town or district they serve, or by the house, base or bird they work from, written
before the service's initials. Round 100: five writers' sets mark a CAMHS's name whole as the
care setting (v71, v81, v107, v119, v151); the place rules found only the town, or nothing where
the name is a house's ("Hollybank", "Church View"). Round 101: five writers' sets mark a CMHT's
name no town list holds, or a town with a point of the compass after it (v104, v107, v110,
v118, v153: 13 names); `practice_names.town_services` reads only a listed town. Many more
writers mark only the town of "York CAMHS" as a place, which stays covered inside the longer
name.

The words before the initials (after "Older People's" or "Adult" for a community team), up to
three on their line, nearest first, read as a name when they are a listed place (with a point of
the compass before or after it: "North Somerset", "Dungannon East"), a house's name (two words
or more ending in a word houses are named by: "Cedar House", "Leyton Green", "Aylesbury Vale"),
or one word no common list holds ("Hollybank", "Riverside"). Where capitals tell a name, each
word is capitalised as one (not "LAC CAMHS", a looked-after children's team). Never a word that
says whose or which any such team is ("the", "my", "Community", "Tier 4", "Healthwatch CAMHS
report", "Adolescent", "NHS"), a possessive ("Kai's CAMHS worker"), a word with a hyphen ("the
on-call camhs team"), nor a sentence's first word ("Needs CAMHS liaison", "Said CAMHS worker"),
which the common list holds.
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

# The initials, and for an adults' community team whom it serves before them ("Heron Older
# People's CMHT"), which belongs to the name found before it.
KIND = gated(
    re.compile(
        r"(?<![\w'’-])(?:(?:older[ \t]+people['’]?s|older[ \t]+adults['’]?|adult)[ \t]+)?"
        r"(?:camhs|cypmhs|cmht|crht)(?![\w'’-])",
        re.IGNORECASE,
    )
)
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
    """Whether the words (in lower case, in the text's order) name one team: a point of the
    compass before or after a name ("North Somerset", "Dungannon East") names a team as the
    name alone does."""
    if len(words) > 1 and words[0] in COMPASS:
        return _a_name(words[1:])
    if len(words) > 1 and words[-1] in COMPASS:
        return _a_name(words[:-1])
    gaz = gazetteer()
    if " ".join(words) in gaz.places:
        return True
    if len(words) >= 2:
        return words[-1] in HOUSE_ENDINGS
    word = words[0]
    if word in gaz.small_places:
        return True
    return word not in gaz.common_words and word not in COMPASS


def named_mental_health_teams(text: str) -> Iterator[Finding]:
    """Mental health teams named by their place or their base before the service's initials."""
    any_case = None
    for m in KIND.finditer(text):
        if any_case is None:
            any_case = capitals_mean_little(text)
        words = _words_before(text, m.start(), any_case)
        for n in range(len(words), 0, -1):  # the longest run of the words that names a team
            if _a_name([w.group().lower() for w in words[-n:]]):
                yield Finding(words[-n].start(), m.end(), "CARE_SETTING", 0.75, "mh_team")
                break
