"""Wards, suites and rooms named after a tree, a flower or a bird (issue 20, round 41).

Hospitals, hospices and care homes name their wards and rooms after trees and flowers ("Rowan
Ward", "Bluebell Room", "Lavender Suite"): every development set that holds one marks it as a
care setting, and most are found by the capitals and ward rules. Round 41 pooled the misses
of all the sets and found the same kind left in four sets by different writers, where those
rules cannot read it: typed in lower case ("room 9 oak ward", "moved mum to the sunflower
room"), with the word "Ward" first ("on Ward Cedar"), or with a lower-case "suite" after a
capitalised tree ("in your Oak suite"). The plant names are a public list of the trees and
flowers such wards take (a general word list, not names seen in a set).

Look-alikes that must stay: a plant with no ward's word ("the oak tree", "a rose garden"), a
room in a text without any word of care near ("the lavender room at the hotel"), a plant
after "Ward" in lower case ("ward rose"), and a person whose surname is Ward ("Holly Ward
said", found by the name rules, is left to them: a plant before "Ward" here needs a care cue
before it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.core.token_words import CARE_NEAR

PLANTS = (
    "oak|ash|elm|beech|birch|cedar|willow|rowan|hazel|holly|maple|pine|yew|larch|poplar|"
    "sycamore|chestnut|cherry|juniper|alder|aspen|hawthorn|magnolia|laurel|heather|lavender|"
    "daisy|tulip|poppy|iris|bluebell|primrose|sunflower|snowdrop|daffodil|orchid|jasmine|"
    "clover|foxglove|thistle|marigold|buttercup|honeysuckle|lilac|acorn|fern|myrtle|bramble|"
    "cowslip|camellia|wisteria|mulberry|hornbeam|linden|elder|blackthorn|sorrel|speedwell|"
    # Twenty-ninth session: birds and the gentle names of bereavement suites and children's
    # wards ("Kingfisher Ward", "Robin ward", "the Butterfly Suite", "the Dove Suite", "the
    # forget me not suite", "Rainbow Ward"): marked as care settings in all 52 places the
    # development sets name one (v10, v11, v31, v41, v45, v51, v56, v58, v59, v60, v87).
    "forget[ -]me[ -]not|dove|robin|wren|swan|kingfisher|puffin|heron|kestrel|skylark|lark|"
    "swallow|owl|butterfly|dragonfly|ladybird|rainbow|starlight|sunshine|meadow"
)
ROOM_WORDS = r"ward|suite|room|unit|lounge|wing|floor"
PLANT_THEN_WARD = gated(
    re.compile(
        rf"(?<![\w'’-])(?P<unit>(?i:{PLANTS})[ \t]+(?i:{ROOM_WORDS}))(?![\w-]|['’](?![sS]\b))",
    )
)
WARD_THEN_PLANT = gated(
    re.compile(
        r"(?<![\w'’-])(?i:on|to|from|in|onto|into|at)[ \t]+"
        rf"(?P<unit>(?:Ward|WARD)[ \t]+(?:{PLANTS.title()}|{PLANTS.upper()}))(?![\w'’-])"
    )
)
PLANT_AGAIN = re.compile(
    rf"(?<![\w'’-])(?i:on|to|from|onto|off)[ \t]+(?P<plant>(?i:{PLANTS}))"
    rf"(?![\w'’-]|[ \t]+(?i:{ROOM_WORDS}))"
)
# A cue before a plant and "ward" written with capitals, so that "Holly Ward said" stays a name.
# Round 75: a care home's form names the unit in its own field ("Unit: Primrose Floor") and a
# list names the room before it ("Room 31, Bluebell floor"; v56, v100).
LISTED = r"(?:unit|floor|wing)[ \t]*:|room\s+\d+[a-z]?[ \t]*,"
PLACED_BEFORE = re.compile(
    rf"(?i:\b(?:on|to|from|in|onto|into|at|the|your|room\s+\d+|{LISTED}))[ \t]+$"
)
LISTED_BEFORE = re.compile(rf"(?i:\b(?:{LISTED}))[ \t]+$")
NEAR_CHARS = 150


def _care_near(text: str, start: int, end: int) -> bool:
    return bool(CARE_NEAR.search(text[max(0, start - NEAR_CHARS) : end + NEAR_CHARS]))


def _listed(text: str, start: int) -> bool:
    """Whether a room's number or a form's field stands just before `start`."""
    return LISTED_BEFORE.search(text, max(0, start - 12), start) is not None


def plant_named_wards(text: str) -> Iterator[Finding]:
    """ "oak ward", "the sunflower room", "Ward Cedar" (see the module's docstring)."""
    for m in PLANT_THEN_WARD.finditer(text):
        s, e = m.start("unit"), m.end("unit")
        word = m.group("unit").split()[-1].lower()
        placed = PLACED_BEFORE.search(text, max(0, s - 12), s) is not None
        # "Holly Ward said" is a person's name, the name rules'; a lower-case "ward" after the
        # capitalised plant is the ward's own at a sentence's start or with "'s" ("Alder ward
        # was brilliant", "Elm ward's nurses"; second probes), as the name's never is.
        named = m.group("unit").split()[-1] != "ward"
        if word == "ward" and text[s].isupper() and not placed and named:
            continue  # "Holly Ward said": a person's name, the name rules'
        if word in ("room", "lounge") and not (placed and _care_near(text, s, e)):
            continue  # a room needs its care context: "the lavender room at the hotel" stays
        # Round 75: a plant and "Suite" or "Unit" both with capitals name the unit without a
        # cue ("the manager of Heron Suite"; v100); "Wing", like "Ward", is a surname too. A
        # floor needs a room's number or a form's field before it ("Room 31, Bluebell floor",
        # "unit: primrose floor"), or a capital, a cue and care near ("on Bluebell floor"):
        # "the oak floor" is a floor.
        titled = text[s].isupper() and m.group("unit").split()[-1][0].isupper()
        if word == "floor" and not (
            _listed(text, s) or (text[s].isupper() and placed and _care_near(text, s, e))
        ):
            continue
        if word != "ward" and not placed and not (titled and word in ("suite", "unit")):
            continue
        yield Finding(s, e, "CARE_SETTING", 0.75, "plant_ward")
    plants = set()
    for m in WARD_THEN_PLANT.finditer(text):
        plants.add(m.group("unit").split()[-1].lower())
        yield Finding(m.start("unit"), m.end("unit"), "CARE_SETTING", 0.75, "plant_ward")
    for m in PLANT_THEN_WARD.finditer(text):
        plants.add(m.group("unit").split()[0].lower())
    if plants:  # "on Ward Cedar" ... "the nurses on cedar": the ward again, by its plant alone
        for m in PLANT_AGAIN.finditer(text):
            if m.group("plant").lower() in plants:
                yield Finding(m.start("plant"), m.end("plant"), "CARE_SETTING", 0.7, "plant_ward")
