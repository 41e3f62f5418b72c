"""A care home, hospital or surgery named by two everyday words, typed in lower case (issue 20,
round 41).

"willow court care home", "orwell view care home", "park end medical centre", "mile end
hospital": the name is two everyday words, the second of the kind that names houses and
streets (court, view, end, lodge, grange ...), and the kind of setting follows. Written with
capitals the capitals rules find these; typed in lower case, every word is an English one and
the lower-case setting rules (which take an unlisted or place word before the kind) leave
them. Round 41 pooled every development set's misses and found this kind in four sets by
different writers.

Look-alikes that must stay: a description before the kind ("the local hospital", "a good care
home", "the new health centre", "the car park hospital entrance" has no such tail), a single
word ("field hospital"), and any determiner or adjective first ("my", "the", "big", "old").

Round 102 (eight writers' sets, v154 and v155 among them, and the held-out stories: 17 names
the rules left, all found now): the kinds of
centre and practice that no other thing is called ("family practice", "health centre", "care
centre", "primary care centre"), after two words whose second is a street's ("falls road
health centre", "brook meadow care centre", "mill mews care centre"), or after one word of its
own, a listed place, a word made as houses' names are, or no English word ("woodhouse medical
practice", "elmwood family practice", "clophill primary care centre"); not after a describing
word or a common one ("the small family practice", "a student medical practice", "links
medical practice" stays).

Round 55: a care home typed in lower case with its house-like name alone ("discharged to cherry
tree house", "respite at bryn ivor lodge"; a retired set, v60), after a cue that someone was
placed there: a move, a discharge, respite, a stay. The name is one to three words before a
house's tail (house, lodge, court ...), none of them a function word, a describing word or a
possessive ("discharged to her son's house", "moved to a new house" stay).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.care_settings.typed_settings import _house_shaped
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated

NAME_TAILS = (
    r"court|view|end|lea|house|lodge|park|grange|bank|field|fields|side|hill|green|gardens|"
    r"manor|mount|dale|vale|brook|wood|croft|meadows?|haven|place|hall|heights|rise|cross|"
    r"road|street|lane|mews"
)
# Kinds no other thing is called: a practice of a family or a group, a health, medical or care
# centre (round 102), beside the hospitals, homes and surgeries of round 41.
CENTRE_KINDS = (
    r"medical[ \t]+centre|health[ \t]+centre|medical[ \t]+practice|family[ \t]+practice|"
    r"group[ \t]+practice|(?:primary[ \t]+|intermediate[ \t]+)?care[ \t]+centre"
)
KINDS = (
    r"care[ \t]+home|nursing[ \t]+home|residential[ \t]+home|hospital|surgery|"
    rf"dental[ \t]+practice|hospice|{CENTRE_KINDS}"
)
LOWER_NAMED = gated(
    re.compile(
        rf"(?<![\w'’-])(?P<name>(?P<first>[a-z]{{3,}})[ \t](?:{NAME_TAILS})[ \t]+(?:{KINDS}))"
        r"(?![\w'’-])"
    )
)
# Round 102: one word of its own before such a kind ("elmwood family practice", "grangetown
# family practice", "clophill primary care centre").
ONE_WORD_NAMED = gated(
    re.compile(rf"(?<![\w'’-])(?P<first>[a-z]{{4,}})[ \t]+(?:{CENTRE_KINDS})(?![\w'’-])")
)
HOUSE_TAILS = r"house|lodge|court|manor|grange|hall|haven|view|lea|mount"
PLACED_AT = gated(
    re.compile(
        r"(?<![\w'’-])(?:discharged|moved|transferred|admitted|placed|went|go|going|gone|"
        r"back)[ \t]+(?:in)?to[ \t]+|(?<![\w'’-])(?:respite|placement|placed|staying|stay|"
        r"lives|living)[ \t]+(?:at|in)[ \t]*:?[ \t]+|"
        # Round 75: a form's field ("placement: kingsley hall", "care home: thistle house",
        # "lives at: bryn ivor lodge"), years lived there ("been in woodlands view 4 years"),
        # the home named ("ring the home rosemary court", "the respite place ardmore house"),
        # and a carer's work there ("i work nights at bluebird lodge"; v13, v34, v60, v83,
        # v96, v100).
        r"(?<![\w'’-])(?:placement|(?:care|nursing|residential)[ \t]+home|current[ \t]+home)"
        r"[ \t]*:[ \t]*|(?<![\w'’-])(?:been|be|is|was|are|were)[ \t]+in[ \t]+|"
        r"(?<![\w'’-])the[ \t]+(?:home|respite[ \t]+place)[ \t]+|(?<![\w'’-])work(?:s|ed|ing)?"
        r"(?:[ \t]+(?:nights|days|lates|earlies|weekends))?[ \t]+at[ \t]+"
    )
)
LOWER_HOUSE_NAME = re.compile(
    rf"(?P<name>(?:[a-z]{{3,}}[ \t]+){{1,3}}(?:{HOUSE_TAILS}))(?![\w'’-])"
)
# Words that make a kind of house, not a name ("a halfway house", "the council house").
KINDS_OF_HOUSE = frozenset(
    """halfway safe family council foster group care nursing residential town country farm
    open guest boarding public court club respite magistrates crown county high youth
    coroners sheriff village church sports dining concert bingo school community scout
    function leisure market guild full plain clear sea""".split()
)
NOT_FIRST = frozenset(STOP_WORDS) | frozenset(
    """local new old big small main nearest nearby private general same other different good
    nice lovely great bad awful car rear front back top bottom far near""".split()
)


def _a_name_of_its_own(word: str, gaz) -> bool:  # noqa: ANN001 - the gazetteer's own type
    """A listed place, a word made as houses' names are, or a word no English list holds; not a
    describing word ("small family practice", "student medical practice" stay)."""
    if word in NOT_FIRST:
        return False
    if word in gaz.places or word in gaz.small_places:
        return True
    return _house_shaped(word, gaz) or word not in gaz.english_words


def lower_case_named_settings(text: str) -> Iterator[Finding]:
    """ "willow court care home", "mile end hospital" (see the module's docstring)."""
    for m in LOWER_NAMED.finditer(text):
        if m.group("first") in NOT_FIRST:
            continue
        yield Finding(m.start("name"), m.end("name"), "CARE_SETTING", 0.75, "lower_named_setting")
    gaz = None
    for m in ONE_WORD_NAMED.finditer(text):
        gaz = gaz or gazetteer()
        if _a_name_of_its_own(m.group("first"), gaz):
            yield Finding(m.start(), m.end(), "CARE_SETTING", 0.75, "lower_named_setting")
    for cue in PLACED_AT.finditer(text):
        m = LOWER_HOUSE_NAME.match(text, cue.end())
        words = m.group("name").split()[:-1] if m else []
        if m and not any(w in NOT_FIRST or w in KINDS_OF_HOUSE for w in words):
            yield Finding(m.start("name"), m.end("name"), "CARE_SETTING", 0.7, "lower_named_home")
