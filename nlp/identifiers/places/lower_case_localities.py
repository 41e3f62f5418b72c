"""A small place typed in lower case after the words that say where someone lives (issue 20,
round 41).

`place_shapes.lower_case_places` reads a lower-case town after a place preposition, but only
the towns of the larger list, and only where capitals carry meaning. A district or village of
the localities list ("glodwick", "bransholme", "levenshulme", "filton") typed in lower case is
left in every text: round 41 pooled the misses of every development set and found it in
three sets by different writers, each after a word of living ("we live glodwick", "we live on
bransholme", "i live levenshulme", "mum lives up the tops past heptonstall").

Only a listed place that is no English word is taken, and only right after such a cue
("i live near the park", "we live on benefits", "lives past caring" stay: the word after is
an English one); a town of the larger list that is a common word ("sale", "nelson") is left
as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated

LIVING_CUE = gated(
    re.compile(
        r"\b(?i:live|lives|living|lived|we['’]?re|stay|stays|staying|based)[ \t]+"
        r"(?:(?i:in|on|at|near|out\s+in|up\s+in|over\s+in|down\s+in|up\s+the\s+\w+\s+past|past)"
        r"[ \t]+)?(?=(?P<rest>[a-z][a-z'’-]+(?:[ -][a-z][a-z'’-]+){0,2}))"
    )
)


def lower_case_localities(text: str) -> Iterator[Finding]:
    """ "we live glodwick", "i live levenshulme" (see the module's docstring)."""
    gaz = gazetteer()
    for m in LIVING_CUE.finditer(text):
        words = re.split(r"([ -])", m.group("rest"))
        for size in (5, 3, 1):  # words with their separators: three, two or one words
            key = "".join(words[:size])
            if len(words) < size or not (key in gaz.small_places or key in gaz.places):
                continue
            if (
                " " not in key
                and "-" not in key
                and (key in gaz.common_words or key in gaz.english_words)
            ):
                break
            start = m.start("rest")
            yield Finding(start, start + len(key), "LOCATION", 0.7, "lower_case_place")
            break
