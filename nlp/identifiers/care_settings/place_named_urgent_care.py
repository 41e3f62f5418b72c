"""An urgent care centre named by its place and what it is (issue 20, round 80).

Out-of-hours bases, walk-in and urgent treatment centres, minor injuries units and dental access
centres are named by the town or district they stand in: "Dewsbury OOH base", "the Beverley OOH
hub", "Skelmersdale out-of-hours centre", "Harehills walk-in", "Whitstable minor injuries",
"Kings Cross dental access centre", "ely miu". Writers of twenty sets mark the whole name as the
care setting (v4, v5, v9, v11, v13, v36, v46, v51, v53, v57, v71, v78, v81, v83, v89, v91, v94,
v108, v111 and others: about 100 names, against a handful left unmarked); the place rules found
only the town, and round 66's `town_services` only a listed town before the initials.

The place is read as round 78's teams read theirs (`place_named_teams.place_start`): a listed
place, with a point of the compass or a second place joined by "and"; a place no list holds
only before a name of two or more words ("Eastgate urgent treatment centre", not "Eastgate
UTC"), when it is no English word and no first name ("Zainab UTC" is a person and a centre).
A hospital before the same words ("Lewisham Hospital UTC") is the hospital rules' own, and
several writers mark the hospital alone. "Walk in" alone is a name only when no word of going
follows it ("people from Leeds walk in to the clinic" is a verb); "walk-in" with its hyphen is
always the noun.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.care_settings.place_named_teams import (
    listed_place,
    place_start,
    words_before,
)
from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated

_GAP = r"[ \t]+"
_CENTRE = r"cent(?:re|er)"
FACILITY = gated(
    re.compile(
        r"(?<![\w'’-])(?P<kind>"
        rf"(?:ooh|out[ \t-]+of[ \t-]+hours){_GAP}(?:base|hub|{_CENTRE}|clinic)|"
        rf"urgent{_GAP}(?:treatment|care){_GAP}{_CENTRE}|"
        rf"minor{_GAP}injur(?:y|ies)(?:{_GAP}(?:unit|clinic|{_CENTRE}))?|"
        rf"dental{_GAP}access{_GAP}{_CENTRE}|"
        rf"walk[ \t-]in(?P<named>{_GAP}(?:{_CENTRE}|clinic))?|"
        r"(?P<initials>utc|ucc|miu|wic)"
        r")(?![\w'’-])",
        re.IGNORECASE,
    )
)
# Words after a bare "walk in" that make it a verb: "walk in to", "walk in and sit down".
GOING = frozenset(
    """to into the and through off out on a an here there past from around round at for
    or up down""".split()
)
_NEXT_WORD = re.compile(r"[ \t]+(?P<word>[A-Za-z]+)")


def _walks_in(text: str, m: re.Match[str]) -> bool:
    """A bare "walk in", written apart, followed by a word of going: the verb, not a centre
    ("walk-in" with its hyphen is always the noun)."""
    if "-" in m.group("kind"):
        return False
    nxt = _NEXT_WORD.match(text, m.end())
    return nxt is not None and nxt.group("word").lower() in GOING


def place_named_urgent_care(text: str) -> Iterator[Finding]:
    """ "Dewsbury OOH base", "Harehills walk-in", "ely miu" (see the module)."""
    any_case = capitals_mean_little(text)
    g = gazetteer()
    for m in FACILITY.finditer(text):
        kind = m.group("kind")
        initials = m.group("initials")
        if initials and not (any_case or initials.isupper()):
            continue  # "utc" in a text written with capitals is no centre's initials
        bare_walk_in = kind.lower().startswith("walk") and not m.group("named")
        if bare_walk_in and _walks_in(text, m):
            continue
        before = words_before(text, m.start())
        strong = not (initials or bare_walk_in)
        start = place_start(before, any_case, strong)
        if start is None:
            continue
        place = text[start : m.start()].strip().lower()
        if place in g.first_names and not listed_place(place):
            continue
        yield Finding(start, m.end(), "CARE_SETTING", 0.8, "place_named_urgent_care")
