"""UK postcodes, and the district a postcode names.

A full postcode points at a handful of addresses, so it is always an identifier; its outward
code ("LS6") names an area of thousands of households, which is what the anonymiser writes in
its place (`postcode_district`). The outward code's shape (OUTWARD) and the whole postcode's
(POSTCODE) are shared with the rules that read a postcode's surroundings: the address block
above it (nlp/identifiers/places/street_lines.py, nlp/identifiers/places/address_lines.py), a
district alone (nlp/identifiers/places/postcode_districts.py), a neighbourhood
(nlp/identifiers/places/neighbourhoods.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.places.eircodes import eircode_district

I = re.IGNORECASE  # noqa: E741 - short alias keeps the long patterns readable


# Postcodes: the full Royal Mail shape in any case, with or without the space.

OUTWARD = r"(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPS-UW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRV-Y])"  # noqa: E501
# The inward code may itself be split by a space ("n16 8 GT") when typed on a phone; then its
# letters must be capitals ("ward E39 as a suggestion" is no postcode). An address block wrapped
# by a narrow form may put the inward code on the next line ("Falkirk FK1\n1AA").
POSTCODE = re.compile(
    rf"(?<![\w])({OUTWARD})(?:[ \t-]{{0,3}}|[ \t]*\n[ \t]*(?=(?-i:[0-9][A-Z]{{2}})))"
    r"([0-9][ABD-HJLNP-UW-Z]{2}|(?-i:[0-9] [ABD-HJLNP-UW-Z]{2}))(?!\w)",
    I,
)


# Round 55: the outward code split after its area's letters, as a form's boxes or a hasty hand
# write it ("BS 26 2TH", "DD 14 1LT"; a retired set, v60). Only in capitals, and only where the
# letters name a postcode area (checked below), so "the M 25" or "a 12 3rd" stay words.
SPLIT_OUTWARD_POSTCODE = re.compile(
    r"(?<![\w])([A-PR-UWYZ][A-HK-Y]?) ([0-9]{1,2}[A-HJKPS-UW]?) ([0-9][ABD-HJLNP-UW-Z]{2})(?!\w)"
)


# Royal Mail's postcode areas (the letters before the first digit), with the Crown dependencies.
POSTCODE_AREAS = frozenset(
    """AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY
    E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE
    LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL
    SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV
    YO ZE""".split()
)
AREA = re.compile(r"[A-Za-z]{1,2}")


def postcodes(text: str) -> Iterator[Finding]:
    """Full postcodes whose area is one Royal Mail uses: a postcode's shape with no such area
    is something else ("HER DATE OF BIRTH IS 2ND APRIL" scanned as "I5 2ND")."""
    for m in POSTCODE.finditer(text):
        area = AREA.match(m.group(1))
        if area and area.group().upper() in POSTCODE_AREAS:
            yield Finding(m.start(), m.end(), "POSTCODE", 1.0, "uk_postcode")
    for m in SPLIT_OUTWARD_POSTCODE.finditer(text):
        if m.group(1) in POSTCODE_AREAS:
            yield Finding(m.start(), m.end(), "POSTCODE", 1.0, "uk_postcode")


def postcode_district(postcode: str) -> str:
    """The outward code ("LS6 2AB" -> "LS6"): it names an area of thousands of households.
    An Eircode gives its routing key ("F93 R6P8" -> "F93") for the same reason."""
    m = POSTCODE.fullmatch(postcode.strip())
    if m:
        return m.group(1).upper()
    # Spelt or spaced oddly ("L S 6 1 A B", "NE6. 5AB"): the inward code is the last three.
    packed = re.sub(r"[^A-Za-z0-9]", "", postcode).upper()
    m = POSTCODE.fullmatch(f"{packed[:-3]} {packed[-3:]}") if len(packed) > 4 else None
    return m.group(1).upper() if m else eircode_district(postcode)
