"""Hospitals called by two initials joined with "and" (issue 20, round 36).

Locally a hospital is often named by the initials of a long name said with "and" between
them: "the N and N" (Norfolk and Norwich), "the L and D" (Luton and Dunstable), "the RD and E"
(Royal Devon and Exeter). Said with "the" after a word of movement or place ("into", "to",
"at", "in", "from") and with a word of care near, such a pair is a care setting. A and E is a
department, not a hospital; "the B and B", "the Q and A", "the M and S" are no hospitals and
have no care near them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding

PAIR = re.compile(
    r"\b(?:in|into|to|at|from|up|down|round|outside|back)[ \t]+(?:to[ \t]+)?the[ \t]+"
    r"(?P<name>[A-Z]{1,2}[ \t]*(?:and|&)[ \t]*[A-Z]{1,2})(?![\w'’&])"
)
NOT_HOSPITALS = frozenset("a&e a&b b&b q&a m&s p&o g&t r&d r&b b&q d&t c&a s&p h&m".split())
CARE_NEAR = re.compile(
    r"\b(?:hospital|ward|admitted|doctors?|nurses?|consultant|clinic|appointment|op|operation|"
    r"scan|x-ray|discharged|breathing|chest|maternity|baby|born|pneumonia|fall|fell|broke|"
    r"broken|stroke|heart|ambulance|surgery|appendix|cancer|chemo|treatment|seen|sent)\b",
    re.IGNORECASE,
)
NEAR = 100


def initial_pairs(text: str) -> Iterator[Finding]:
    """ "into the N and N with pneumonia": a pair of initials for a hospital (docstring)."""
    if " and " not in text and "&" not in text:
        return
    for m in PAIR.finditer(text):
        key = re.sub(r"[ \t]+", "", m.group("name")).replace("and", "&").lower()
        if key in NOT_HOSPITALS:
            continue
        near = text[max(0, m.start() - NEAR) : m.end() + NEAR]
        if CARE_NEAR.search(near):
            yield Finding(m.start("name"), m.end("name"), "CARE_SETTING", 0.8, "initial_pair")
