"""The place a council is named after (issue 20, round 71).

"Devon County Council", "Reading Borough Council", "bristol council", "LIVERPOOL CITY COUNCIL":
a council is named by the area it serves, and the area is an identifier like any town. The
place rules read a town on its own: at a sentence's start, in capitals, in lower case or when
the name is also an everyday word ("Reading", "Derby", "Lincoln"), the name needs a cue such
as "in" or "from", and "Council" is none. The thirtieth session's pooled development sets
held 17 such misses in eleven sets by different writers, each writer marking the place; the
writers who left "council" unmarked wrote "the council" or "Patient and Client Council",
with no place named.

The longest run of up to five words right before "Council" (or before "County", "Borough",
"City", "District", "Metropolitan Borough" or "Town" and then "Council") that names a listed
place or one of England's shire districts is read as the place, in the case the words are
written in: the place and "Council" both capitalised, both in capitals or both in lower case.
"The council", "Patient and Client Council" and "Arts Council" name no listed place and stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import _read, gazetteer
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.places.lower_case_cities import CITIES

_WORD = r"[A-Za-z][A-Za-z'’-]+"
_KINDS = r"(?:county|borough|city|district|metropolitan[ \t]+borough|town)"
COUNCIL_AREA = gated(
    re.compile(
        rf"(?<![\w'’-])(?P<town>{_WORD}(?:[ \t]+(?!{_KINDS}\b){_WORD}){{0,4}})[ \t]+"
        rf"(?P<kind>(?:{_KINDS}[ \t]+)?"
        r"council)(?![\w'’-])",
        re.IGNORECASE,
    )
)


def _same_case(place: str, kind: str) -> bool:
    """The place and "Council" written alike: capitalised, in capitals or in lower case."""
    if kind.isupper():
        return place.isupper()
    if kind.islower():
        return place.islower()
    return kind[0].isupper() and all(w[0].isupper() or w in JOINING for w in place.split())


def _everyday_in_lower_case(place: str) -> bool:
    """A place typed in lower case that is also an English word, other than the large cities
    named so often that the word lists hold them ("in march council tax goes up", "for sale
    council houses"; "hull council", "bristol council" stay places)."""
    return place.islower() and place in gazetteer().english_words and place not in LOWER_CITIES


LOWER_CITIES = frozenset(CITIES.split("|"))
# The small words inside a capitalised area's name ("Basingstoke and Deane", "Kingston upon
# Thames", "Vale of White Horse").
JOINING = frozenset("and of upon on the in under".split())


@lru_cache(maxsize=1)
def council_districts() -> frozenset[str]:
    """England's shire districts named after no listed town ("Swale", "Tendring", "Basingstoke
    and Deane"): a council's name, read only here, where "Council" follows. Alone, several are
    everyday words or names ("Hart", "Eden", "Craven")."""
    return _read("uk_council_districts.txt")


def _listed_end(words: list[str]) -> int:
    """How many of the last words name a listed place or district, longest first (0: none)."""
    places, districts = gazetteer().places, council_districts()
    for n in range(len(words), 0, -1):
        name = " ".join(words[-n:]).lower().replace("’", "'")
        if name in places or name in districts:
            return n
    return 0


def council_areas(text: str) -> Iterator[Finding]:
    """ "Devon County Council", "bristol council": the area a council is named after."""
    for m in COUNCIL_AREA.finditer(text):
        words = list(re.finditer(r"\S+", m.group("town")))
        n = _listed_end([w.group() for w in words])
        if not n:
            continue
        start = m.start("town") + words[-n].start()
        place = text[start : m.end("town")]
        if _same_case(place, m.group("kind")) and not _everyday_in_lower_case(place):
            yield Finding(start, m.end("town"), "LOCATION", 0.8, "council_area")
