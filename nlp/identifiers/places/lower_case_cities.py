"""A large city typed in lower case after a word of place (issue 20, round 43).

`place_shapes.lower_case_places` and the token rules read a lower-case town after "in", "to" or
"from", but never one the word lists count as common English: a city named often enough is as
frequent to them as "bath" or "sale" ("leeds", "bristol", "newcastle"). Round 43 pooled the
misses of every development set and found such cities in lower case in three sets by different
writers ("a bus across leeds", "i work in leeds", "freeman hospital (newcastle)").

Only the places of the lists that are common words and name nothing else in lower case are
taken (`CITIES`, written out: "bath", "sale", "reading", "march", "hope", "deal" and the
rest of that list stay words), and only after a word of place or of living. A street, a team or
a setting named after the city ("london road", "leeds united", "bristol royal") is left to
the rules that read those.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.prefilter import gated

# The places of the word lists that are also common words, less those that are everyday words
# in lower case as well (bath, sale, reading, deal, hope, wells, street, york's neighbours
# "over" and "send"), first names ("stanley", "douglas"), and countries and counties.
CITIES = (
    "birmingham|bristol|cambridge|edinburgh|glasgow|leeds|liverpool|london|manchester|"
    "newcastle|oxford|york|derby|hull|lincoln"
)
LOWER_CASE_CITY = gated(
    re.compile(
        r"(?:(?<![\w'’-])(?:in|into|to|from|across|near|around|round|outside|via|towards|"
        r"live|lives|living|lived|based|moved)[ \t]+|\()"
        rf"(?P<city>{CITIES})(?![\w'’-])"
        r"(?![ \t]+(?:[a-z]+[ \t]+)?(?i:road|rd|street|st|lane|avenue|united|city|royal|general|"
        r"infirmary|hospital|teaching|university|children'?s|airport|station|council|"
        r"nightingale|road\b))"
    )
)


def lower_case_cities(text: str) -> Iterator[Finding]:
    """ "across leeds", "work in bristol" (see the module's docstring)."""
    for m in LOWER_CASE_CITY.finditer(text):
        yield Finding(m.start("city"), m.end("city"), "LOCATION", 0.7, "lower_case_city")
