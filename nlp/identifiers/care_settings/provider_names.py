"""A practice or a care provider named by a found name and its kind (issue 20, round 44).

Practices and providers take a place's or a founder's name and a word of their service:
"registered at Pennine [Health]", "Haymarket [Health] gave info", "Dewi Sant [Health Park]",
"Hylton [Supported Living]", "Thistlebank [Support Services]". The name rules find the name
(often as a person) and stop before the service word, which alone is no name. Round 44 pooled
the misses of every development set and found such providers in six sets by different writers,
each marking the whole as the setting. A found name followed straight by one of these kinds,
written with its capital, becomes one care setting; "Health Board", "Health and Care
Partnership", "Health Visitor" and the like are a body or a role, never a provider's name, and
a kind after no found name ("Continuing Healthcare", "Public Health") stays a phrase, as does
a kind that goes on into a role or a condition ("Healthcare Assistant", "Long Term Health
Conditions").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding

KIND_AFTER = re.compile(
    r"[ \t]+(?:Health(?:[ \t]+Park)?|Health[Cc]are(?:[ \t]+Park)?|Supported[ \t]+Living"
    r"|Support[ \t]+Services|Home[ \t]?[Cc]are|Care[ \t]+Services"
    r"|Independent[ \t]+Living(?:[ \t]+Services?)?)(?![\w'’-])"
    # a body, a role, a condition or a setting the care rules name whole
    r"(?![ \t]+(?:Board|Visitors?|Visiting|Check|Trust|Authority|Cent(?:re|er)|Clinic"
    r"|(?:and|&)[ \t]+(?:Social[ \t]+)?(?:Care|Wellbeing)|Partnership|Service|Team|Hub"
    r"|Scotland|Wales|England|Ireland|Assistants?|Workers?|Support[ \t]+Workers?|Mana?ge?rs?"
    r"|Professionals?|Practitioners?|Nurses?|Staff|Conditions?|Needs|Records?)\b)"
)
NAMES = frozenset({"PERSON", "LOCATION", "CARE_SETTING"})


def provider_names(text: str, found: list[Finding]) -> Iterator[Finding]:
    """Found names widened over the kind of practice or provider written after them."""
    for f in found:
        if f.label not in NAMES or not text[f.start : f.start + 1].isupper():
            continue
        m = KIND_AFTER.match(text, f.end)
        if m is not None:
            yield Finding(f.start, m.end(), "CARE_SETTING", max(f.score, 0.75), "provider_name")
