"""Streets and practices named without capitals: "the pharmacy on high st", "my gp at
lordship lane surgery".

Streets named without a number in text typed in lower case: "the pharmacy on high st",
"the clinic on king st", "the chemist on green lane", "at castle st medical".

The street rules read capitals ("High St", "Mill Lane") or a house number ("4 merton rd"); a
message typed all in lower case names its street with neither, yet "high st" with the town
elsewhere in the story says where the writer lives or is treated. Writers of several sets do
this (v6, v8, v10, v12). The cue is a preposition of place right before the street ("on",
"off", "at", "down", "near"), never "the" ("on the high street" is any high street), and the
name's words must be a street's: a word streets are commonly named after ("high", "church",
"king"), a place, a name, or a word in no English list; never a word such as "main", "back",
"same" ("on main road", "down back lane" are descriptions).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated

SUFFIX = r"st|street|rd|road|lane|ln|ave|avenue|close|crescent|drive|terrace|parade|gardens"
STREET = re.compile(
    r"(?<![\w'’-])(?:on|off|at|down|along|near|opposite|up)[ \t]+"
    rf"(?P<street>(?P<words>[a-z][a-z'’]+(?:[ \t][a-z][a-z'’]+)?)[ \t]+(?:{SUFFIX}))\.?"
    r"(?![\w'’-])",
    re.IGNORECASE,
)
# Words streets are named after that are also everyday words.
STREET_WORDS = frozenset(
    """high king kings queen queens church station mill green castle market park bridge new
    old north south east west school chapel victoria albert george princess prince manor
    water well hill grove abbey priory college union york oxford cambridge london""".split()
)
# Everyday words that describe a road rather than name it.
NOT_STREET = frozenset(
    """the a an this that my our your his her their same main back side busy quiet long short
    wrong right left next last other country dirt slip ring private bus dual one two fast
    each every any some no same""".split()
)


def typed_streets(text: str) -> Iterator[Finding]:
    """A street named without a number or capitals after a preposition of place."""
    if not capitals_mean_little(text):
        return
    gaz = gazetteer()
    for m in STREET.finditer(text):
        words = m.group("words").lower().split()
        if any(w in NOT_STREET for w in words):
            continue
        if all(_street_word(w, gaz) for w in words):
            yield Finding(m.start("street"), m.end("street"), "ADDRESS", 0.7, "typed_street")


# "my gp at lordship lane surgery", "the staff at bridgewater medical centre", "(mill lane
# surgery, west hampstead)": a practice's name typed in lower case, in any text (v6, v7, v12).
# After "at", "to", "from", "with", "gp" or a bracket; its words must be a street's, a place's
# or a rare word's, so "from knee surgery", "at my surgery", "to the local health centre" stay.
_WORD = r"(?!(?:at|to|from|with|the|my|our|his|her)[ \t])[a-z][a-z'’]+"
PRACTICE = re.compile(
    r"(?:(?<![\w'’-])(?P<cue>at|to|from|with|gp)[ \t]+|\([ \t]*)(?:the[ \t]+)?"
    rf"(?P<name>(?P<words>{_WORD}(?:[ \t]{_WORD}){{0,2}})[ \t]+"
    r"(?P<kind>surgery|medical[ \t]cent(?:re|er)|health[ \t]cent(?:re|er)|medical[ \t]practice))"
    r"(?![\w'’-]|[ \t]+(?:clinic|unit|department|dept|ward|team|list|waiting))"
)
PRACTICE = gated(PRACTICE)
SUFFIX_WORDS = frozenset(SUFFIX.split("|")) | {"way", "park", "hill", "green", "square", "row"}
NOT_PRACTICE = NOT_STREET | frozenset(
    """local village town city new old our their community family general private nhs gp
    doctors doctor dental dentist main central university student students""".split()
)


def typed_practices(text: str) -> Iterator[Finding]:
    """A practice named in lower case after a cue, by a street, a place or a rare word."""
    gaz = gazetteer()
    for m in PRACTICE.finditer(text):
        words = m.group("words").lower().split()
        if any(w in NOT_PRACTICE or w in STOP_WORDS for w in words):
            continue
        street = len(words) > 1 and words[-1] in SUFFIX_WORDS
        # "from cataract surgery", "to the bunion surgery" are operations: after those cues
        # only a street or a place names a practice; after "at", "gp" or a bracket, or before
        # "medical centre", any uncommon word ("bridgewater") does too.
        operation = m.group("kind") == "surgery" and m.group("cue") in ("from", "to", "with")
        rare = _never if operation else _uncommon
        if (
            street and all(_street_word(w, gaz) or w not in gaz.common_words for w in words[:-1])
        ) or all(w in gaz.places or rare(w, gaz) for w in words):
            yield Finding(m.start("name"), m.end("name"), "CARE_SETTING", 0.7, "typed_practice")


def _uncommon(word: str, gaz) -> bool:  # noqa: ANN001 - the gazetteer's own type
    return word not in gaz.common_words and word not in STREET_WORDS


def _never(word: str, gaz) -> bool:  # noqa: ANN001 - the gazetteer's own type
    return False


def _street_word(word: str, gaz) -> bool:  # noqa: ANN001 - the gazetteer's own type
    if word in STREET_WORDS or word in gaz.places or word in gaz.surnames:
        return True
    return word not in gaz.english_words and word not in gaz.common_words
