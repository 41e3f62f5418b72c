"""A home's or a neighbourhood place's kind, written in lower case after its name, is no part of
the name (issue 20, forty-ninth round; left outside by every writer who wrote one: homes in v8,
v9, v26, v35, v36, v37, v41, v47, v48, v50 and the free stories, the neighbourhood's places in
twenty-five sets).

"Larchmont nursing home", "Birch Court sheltered housing", "Ashby memory clinic", "Broadfield
Methodist church", "Kelham family hub": the capital letters are the name, and the kind after it
in lower case is the writer's description, which every set marks outside the name (when the kind
is capitalised, "Larchmont Nursing Home", it is part of the name and stays). The setting and
place rules took the kind in too, so the finding reached twice as far as the name: a false
finding by the measure, and a story with less left to read. Here such a finding ends at its
name; where the name left is only a faith's or a people's word ("the Baptist church", "the Polish
community centre") it names no place, and goes.

Only kinds no writer marked inside are cut: a lower-case "care home", "day centre", "hospice",
"supported living", "church hall" and "youth hub" after a name are marked both ways, and stay as
they are found. A name in lower case ("larchmont nursing home") is marked whole, and stays too.
"""

from __future__ import annotations

import re

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.look_alikes.community_words import COMMUNITY_WORDS

KIND_AFTER_NAME = re.compile(
    r"(?P<name>.*?[A-Z].*?)[ \t]+(?:nursing[ \t]+home|residential[ \t]+home|"
    r"memory[ \t]+clinic|sheltered[ \t]+(?:housing|flats?)|"
    # the places of a neighbourhood a story meets people in, named after their district
    r"(?:[A-Z][a-z]+[ \t]+)?church|mosque|library|food[ \t]+bank|family[ \t]+hub|"
    r"community[ \t]+(?:centre|hub|hall)|youth[ \t]+project|primary(?:[ \t]+school)?)",
    re.DOTALL,
)
# A name that is only a determiner or a relative's ("the nursing home", "Mum's nursing home")
# names nothing: such a finding is left as it is.
NOT_A_NAME = re.compile(r"(?i:the|a|an|my|our|his|her|their|your|this|that|\w+['’]s)")
# A church, a mosque or a centre named by its faith or its people ("the Baptist church", "the
# Polish community centre") names no place at all once its kind is cut: the finding goes.
DENOMINATIONS = frozenset(
    """baptist methodist anglican presbyterian evangelical elim quaker unitarian
    congregational reformed orthodox""".split()
)


def name_without_kind(text: str, f: Finding) -> Finding | None:
    """The setting or place `f` ending at its name when a lower-case kind follows it, or None
    when the name left is only a faith's or a people's word ("Baptist", "Polish")."""
    if f.label not in ("CARE_SETTING", "LOCATION"):
        return f
    m = KIND_AFTER_NAME.fullmatch(text, f.start, f.end)
    if m is None or NOT_A_NAME.fullmatch(m.group("name").strip()):
        return f
    name = m.group("name").strip().lower()
    if name in COMMUNITY_WORDS or name in DENOMINATIONS:
        return None
    return Finding(f.start, m.end("name"), f.label, f.score, f.source)


def without_kinds_after_names(text: str, found: list[Finding]) -> list[Finding]:
    """`found` with each setting or place cut back to its name (see the module's docstring)."""
    cut = (name_without_kind(text, f) for f in found)
    return [f for f in cut if f is not None]
