"""A chain's shop or service named by the place of its branch (issue 20, round 42).

"Smile Studio Hartlepool", "Caring Hands Harrow", "Specsavers Kendal", "Boots, Westgate": a
dental, optical, pharmacy or home-care chain named with its branch's town or district is
one setting, and four sets by different writers mark the whole. The place rules find the
town; the chain's name alone names hundreds of shops and is left to the chain rules
(`care_setting_kinds.CHAIN`, which want a street or town after "on" or "in"). Only a found
place straight after a listed chain (a comma between them allowed) makes the setting; a
chain's name elsewhere ("my walking boots, Keswick") needs its capital, and the bank
("Lloyds, Headingley") is not listed without "Pharmacy".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding

CHAIN_BEFORE = re.compile(
    r"(?<![\w'’-])(?P<chain>Boots|Superdrug|Jhoots|Specsavers|Scrivens|Leightons|(?i:"
    r"(?:lloyds|well|rowlands|cohens|day[ \t]+lewis)[ \t]*pharmacy|day[ \t]+lewis|"
    r"vision[ \t]+express|optical[ \t]+express|mydentist|bupa[ \t]+dental(?:[ \t]+care)?|"
    r"smile[ \t]+studio|home[ \t]+instead|bluebird[ \t]+care|helping[ \t]+hands|caremark|"
    r"caring[ \t]+hands))[ \t]*,?[ \t]+$"
)
PLACES = ("LOCATION", "ADDRESS")


def chain_branches(text: str, found: list[Finding]) -> Iterator[Finding]:
    """A listed chain with a found place straight after it, as one care setting."""
    for f in found:
        if f.label not in PLACES:
            continue
        m = CHAIN_BEFORE.search(text, max(0, f.start - 24), f.start)
        if m is not None:
            yield Finding(m.start("chain"), f.end, "CARE_SETTING", 0.8, "chain_branch")
