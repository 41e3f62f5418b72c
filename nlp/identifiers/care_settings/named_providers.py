"""Two ways a care setting is named that the kind-word rules miss (issue 20, round 40).

- A practice or provider named "… Primary Care" after its place or its own words ("Bruce
  Grove Primary Care", "Modality Primary Care"): "Care" alone is no setting's kind to the
  token rules, and a street word inside the name ("Grove") makes the address rules take the
  first half. Not "NHS Primary Care", "Community Primary Care", nor "… Primary Care Team /
  Network / Trust / Services", which are services and bodies, not one place.
- A care home named in a story typed all in lower case ("nan is in the willows care home",
  "moved to the beeches nursing home"): the capitalised rule (`NAMED_HOME`) needs capitals.
  Only in a text whose capitals mean nothing, only after "the", and not when the word is a
  home's description ("the local care home", "the new nursing home", "the dementia care
  home": `token_words.GENERIC_CARE` and a few everyday adjectives).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.token_words import GENERIC_CARE

PRIMARY_CARE = re.compile(
    r"(?<![\w'’-])(?P<unit>(?:[A-Z][a-z'’]+[ \t]+){1,3}Primary[ \t]+Care)\b"
    r"(?![ \t]+(?:Team|Teams|Network|Networks|Trust|Service|Services|Centre|Center|Home|"
    r"Partnership|Board|Group|Strategy|Support|Provider|Providers|Staff|Practitioner))"
)
NOT_A_PROVIDER = frozenset(
    """nhs community integrated urgent the local your our my their his her general national
    improving out of in and for with""".split()
)
LOWER_HOME = re.compile(
    r"\bthe[ \t]+(?P<unit>(?P<name>[a-z][a-z'’]+(?:[ \t]+[a-z][a-z'’]+)?)[ \t]+"
    r"(?:care|nursing|residential)[ \t]+home)\b"
)
# Parts every match of the patterns above holds, looked for before each runs.
PRIMARY_GATE = re.compile("Primary")
HOME_GATE = re.compile("home")
DESCRIPTIONS = GENERIC_CARE | frozenset(
    """current last next present best worst only same different lovely nice good bad awful
    terrible council private residential respite short long term temporary permanent
    new proper right specialist dementia elderly people's peoples old people""".split()
)


def named_providers(text: str) -> Iterator[Finding]:
    """Care settings named "… Primary Care" and lower-case care homes (see the docstring)."""
    if PRIMARY_GATE.search(text):
        for m in PRIMARY_CARE.finditer(text):
            words = m.group("unit").split()
            while words and words[0].lower() in NOT_A_PROVIDER:
                words.pop(0)
            if len(words) > 2:  # a name of its own before "Primary Care"
                start = m.end("unit") - len(" ".join(words))
                if text[start : m.end("unit")].split() == words:
                    yield Finding(start, m.end("unit"), "CARE_SETTING", 0.8, "named_provider")
    if HOME_GATE.search(text) and capitals_mean_little(text):
        for m in LOWER_HOME.finditer(text):
            if not any(w in DESCRIPTIONS for w in m.group("name").split()):
                yield Finding(m.start("name"), m.end("unit"), "CARE_SETTING", 0.7, "named_provider")
