"""A county written short before its name: "Co. Down", "Co Antrim", "Co. Durham" (issue 20,
thirty-eighth round).

Addresses in Northern Ireland and Ireland, and some in the north-east of England, give the
county as "Co." and its name. The place lists hold "Co Tyrone" as written without the dot,
and a county whose name is an everyday word ("Down", "Clare", "Cork", "Meath") is left by
the rules that want a capitalised word no list knows; the capitals rule then took "Co." for
a person. Only the thirty-two Irish counties and Durham are taken, with "Co" or "Co." before
them, so a firm's "& Co." ("Smith & Co. Down the road") is not: "&" or "and" before "Co"
stops it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.prefilter import gated

COUNTIES = (
    "Antrim|Armagh|Down|Fermanagh|Londonderry|Derry|Tyrone|Carlow|Cavan|Clare|Cork|Donegal|"
    "Dublin|Galway|Kerry|Kildare|Kilkenny|Laois|Leitrim|Limerick|Longford|Louth|Mayo|Meath|"
    "Monaghan|Offaly|Roscommon|Sligo|Tipperary|Waterford|Westmeath|Wexford|Wicklow|Durham"
)
COUNTY_SHORT = re.compile(
    rf"(?<![\w'’&.-])(?<!&[ \t])(?<!and[ \t])(?:Co\.?|CO\.?)[ \t]+(?:{COUNTIES}|{COUNTIES.upper()})"
    r"(?![\w'’-])"
)
COUNTY_SHORT = gated(COUNTY_SHORT)


def county_shortenings(text: str) -> Iterator[Finding]:
    """Each "Co." and county name, as one place."""
    for m in COUNTY_SHORT.finditer(text):
        yield Finding(m.start(), m.end(), "LOCATION", 0.85, "county_short")
