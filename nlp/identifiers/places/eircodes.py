"""Eircodes: the postcodes of the Republic of Ireland, which stories from Northern Ireland's
border give as often as a UK postcode (round 67, a retired set, v85: people living in Donegal,
Monaghan or Louth registered with a practice in the North; every one missed).

An Eircode is one address: a routing key naming a postal district ("F93", "D6W") and four
letters and figures for the building ("F93 R6P8"). Its shape alone is too loose ("A42" is a
road, "A4471DK" a prison number), so the routing key must be one An Post uses and the four
that follow must mix letters and figures; written without its space, it needs the word
"Eircode" before it. As a UK postcode is replaced by its outward code, an Eircode is replaced
by its routing key (`eircode_district`), which names an area of thousands of addresses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding

# An Post's routing keys (one per postal district).
ROUTING_KEYS = frozenset(
    """A41 A42 A45 A63 A67 A75 A81 A82 A83 A84 A85 A86 A91 A92 A94 A96 A98 C15
    D01 D02 D03 D04 D05 D06 D6W D07 D08 D09 D10 D11 D12 D13 D14 D15 D16 D17 D18 D20 D22 D24
    E21 E25 E32 E34 E41 E45 E53 E91 F12 F23 F26 F28 F31 F35 F42 F45 F52 F56 F91 F92 F93 F94
    H12 H14 H16 H18 H23 H53 H54 H62 H65 H71 H91 K32 K34 K36 K45 K56 K67 K78 N37 N39 N41 N91
    P12 P14 P17 P24 P25 P31 P32 P36 P43 P47 P51 P56 P61 P67 P72 P75 P81 P85
    R14 R21 R32 R35 R42 R45 R51 R56 R93 R95 T12 T23 T34 T45 T56
    V14 V15 V23 V31 V35 V42 V92 V93 V94 V95 W12 W23 W34 W91 X35 X42 X91
    Y14 Y21 Y25 Y34 Y35""".split()
)
# The building's four: writers do not keep to An Post's letters, so any letter or figure, as
# long as both kinds are there ("R6P8", "t1u0"; not "2024", not "ROAD").
_UNIQUE = r"(?=[A-Za-z]*[0-9])(?=[0-9]*[A-Za-z])[A-Za-z0-9]{4}"
EIRCODE = re.compile(
    rf"(?<![\w-])(?P<key>[A-Za-z][0-9][0-9Ww])[ \t]?(?P<unique>{_UNIQUE})(?![\w-])"
)
EIRCODE_CUE = re.compile(r"(?i:eir[ \t-]?code)[ \t]*(?:is|:|-)?[ \t]*$")


def eircodes(text: str) -> Iterator[Finding]:
    if not any(c.isdigit() for c in text):
        return
    for m in EIRCODE.finditer(text):
        if m.group("key").upper() not in ROUTING_KEYS:
            continue
        spaced = m.end("key") < m.start("unique")
        if spaced or EIRCODE_CUE.search(text, max(0, m.start() - 20), m.start()):
            yield Finding(m.start(), m.end(), "POSTCODE", 1.0, "eircode")


def eircode_district(value: str) -> str:
    """The routing key of an Eircode ("F93 R6P8" -> "F93"), or "" if `value` is none."""
    m = EIRCODE.fullmatch(value.strip())
    if m and m.group("key").upper() in ROUTING_KEYS:
        return m.group("key").upper()
    return ""
