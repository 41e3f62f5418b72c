"""A town named in a hashtag (issue 20, round 79).

Posts shared from social media end on tags, and a town among them says where the writer lives:
"#Batley", "#birkenhead", "#WellsNextTheSea", and a town run together with who is posting,
"#worcestermums", "#keighleymums". Five writers' sets mark the town in such a tag (v12, v54,
v64, v109 and others; 14 of the tags that name something are marked, and no tag naming a
town is left unmarked), and the place rules, which read words, did not see it.

A tag that is a listed town with its spaces and hyphens run together is the town; a tag that
starts with a listed town and goes on with one English word ("mums", "life", "nhs") names the
town in its first part. A town that is an everyday word too ("#hope", "#reading", "#bath")
counts only written with its capital, as a name ("#Reading"), and never as a tag's first part.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated

# A tag is letters only: social media end it at a hyphen or an apostrophe.
HASHTAG = gated(re.compile(r"(?<![\w#])#(?P<tag>[A-Za-z]{3,40})(?![\w'’-])"))
_NOT_LETTERS = re.compile(r"[^a-z]")


@lru_cache(maxsize=1)
def _run_together_places() -> frozenset[str]:
    """The listed towns with spaces, hyphens and apostrophes taken out ("wellsnextthesea")."""
    return frozenset(_NOT_LETTERS.sub("", p) for p in gazetteer().places)


def hashtag_places(text: str) -> Iterator[Finding]:
    """ "#Batley", "#WellsNextTheSea", "#worcestermums" (see the module's docstring)."""
    if "#" not in text:
        return
    places = _run_together_places()
    common = gazetteer().common_words
    english = gazetteer().english_words
    for m in HASHTAG.finditer(text):
        tag = m.group("tag")
        low = tag.lower()
        if low in places:
            if low not in common or tag[0].isupper():
                yield Finding(m.start("tag"), m.end("tag"), "LOCATION", 0.75, "hashtag_place")
            continue
        for cut in range(len(low) - 3, 3, -1):
            head, rest = low[:cut], low[cut:]
            if head in places and head not in common and rest in english:
                yield Finding(
                    m.start("tag"), m.start("tag") + cut, "LOCATION", 0.75, "hashtag_place"
                )
                break
