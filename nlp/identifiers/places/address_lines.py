"""Address lines whose first part has no street word (issue 20, nineteenth round).

The address rules want a street word ("14 Tern Road") or a known building. Rural and island
addresses have neither: a farm or a house by its name ("at Low Gillerthwaite Farm, Ennerdale,
CA23 3AX") or a house number before a township's name ("9 Achmore, Lochcarron, IV54 8YN").
The line as a whole says it is an address: a name ending in a dwelling's word, or a number and
one or two capitalised words, then a comma and a town, before a postcode or after "at"/"lives
at" with a listed place as the town. The first part is taken as the ADDRESS; the town and the
postcode are the other rules'.

Precision: the dwelling word must be capitalised and end the name ("Hill Farm", not "the farm
shop"); the number must not be a quantity ("2 Tablets, Morning") - a postcode must follow or
"at" must come before and the town be listed; the words after the number may not be everyday
words unless a postcode follows. A house's name needs the postcode or the "at", or (twentieth
round) a person's name before it and a listed town after it ("Wilf Atkinson, High Fell Farm,
near Shap").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.places.postcodes import POSTCODE

_CAP = r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?"
DWELLINGS = (
    r"Farm|Farmhouse|Cottage|Cottages|House|Lodge|Barn|Croft|Mill|Grange|Bungalow|Steading|"
    r"Villa|Manse|Crofthouse|Schoolhouse|Hall"
)
# "at High Swinside Farm, Lorton", "Rose Cottage, Killyrover Road".
HOUSE_NAME = re.compile(
    rf"(?<![\w'’-])(?P<line>(?:{_CAP}[ \t]+){{1,3}}(?:{DWELLINGS}))"
    rf"[ \t]*,[ \t]*(?P<near>(?:near|nr\.?)[ \t]+)?(?P<town>{_CAP}(?:[ \t]+{_CAP})?)"
    r"(?=[ \t]*[,\n.]|[ \t]*$)"
)
# Twentieth round: a person's name and a comma before the house's name, in a list of people:
# "Wilf Atkinson, High Fell Farm, near Shap".
AFTER_A_NAME = re.compile(rf"(?<![\w'’-])(?P<first>{_CAP})[ \t]+{_CAP}[ \t]*,[ \t]*$")
# "at 11 Brogaig, Staffin", "4a Cnoc Mor, Tong".
# Round 63 (retired sets v67, v69, v77 and more): the town straight before its postcode with no
# comma ("165 Ashgrove, Craigavon BT84 5FA"), a line typed in lower case before a postcode ("118
# bayhead, easterhouse, g344dh", "11 canal side, truro tr23 0bj"), and a line with no comma
# between street and listed town before a postcode ("151 Canal Side Ipswich ip17 1hu").
POSTCODE_START = r"[ \t]+[A-Za-z]{1,2}\d"
NUMBER_NAME = re.compile(
    rf"(?<![\w/.,:£$-])(?P<line>\d{{1,4}}[A-Za-z]?[ \t]+{_CAP}(?:[ \t]+{_CAP})?)"
    rf"[ \t]*,[ \t]*(?P<town>{_CAP}(?:[ \t]+{_CAP})?)(?=[ \t]*[,\n.]|[ \t]*$|{POSTCODE_START})"
)
_LOW = r"[a-z][a-zà-ÿ'’]+"
LOWER_NUMBER_NAME = re.compile(
    rf"(?<![\w/.,:£$-])(?P<line>\d{{1,4}}[a-z]?[ \t]+{_LOW}(?:[ \t]+{_LOW})?)"
    rf"[ \t]*,[ \t]*(?P<town>{_LOW}(?:[ \t]+{_LOW})?)(?=[ \t]*,|{POSTCODE_START})"
)
NUMBER_NAME_TOWN = re.compile(
    rf"(?<![\w/.,:£$-])(?P<line>\d{{1,4}}[A-Za-z]?[ \t]+{_CAP}(?:[ \t]+{_CAP})?)"
    rf"[ \t]+(?P<town>{_CAP})(?={POSTCODE_START})"
)
AT_HOME = re.compile(r"(?i:\b(?:at|lives[ \t]+at|live[ \t]+at|living[ \t]+at|address))[ \t:]*$")
POSTCODE_AFTER = 40
COUNTS = frozenset(
    """days weeks months years hours hrs mins minutes times people patients calls visits tablets
    miles nights beds floors""".split()
)


def _postcode_follows(text: str, end: int) -> bool:
    tail = text[end : end + POSTCODE_AFTER]
    cut = tail.find("\n")
    return bool(POSTCODE.search(tail if cut == -1 else tail[:cut]))


def _a_first_name(word: str) -> bool:
    """A listed first name that is no everyday word ("Wilf", not "Meeting")."""
    low = word.lower()
    gaz = gazetteer()
    return low in gaz.first_names and low not in gaz.common_words


def address_lines(text: str) -> Iterator[Finding]:
    """A house's or farm's name, or a number and an unlisted name, opening an address line."""
    if text.isupper():
        return
    gaz = gazetteer()
    for pattern in (HOUSE_NAME, NUMBER_NAME, LOWER_NUMBER_NAME, NUMBER_NAME_TOWN):
        for m in pattern.finditer(text):
            line = m.group("line")
            postcode = _postcode_follows(text, m.end("town"))
            cued = bool(AT_HOME.search(text, max(0, m.start() - 16), m.start()))
            town_listed = m.group("town").lower() in gaz.places
            if pattern is not NUMBER_NAME and pattern is not HOUSE_NAME:
                if not postcode or (pattern is NUMBER_NAME_TOWN and not town_listed):
                    continue  # only before a postcode, and with no comma only a listed town
                if any(w.lower() in COUNTS for w in line.split()[1:]):
                    continue  # "2 weeks, leeds ls6 ...": a count, not a street
            elif pattern is NUMBER_NAME:
                words = [w.lower() for w in line.split()[1:]]
                everyday = any(w in gaz.english_words and w not in gaz.places for w in words)
                if not (postcode or (cued and town_listed and not everyday)):
                    continue
            elif not (postcode or cued):
                after_name = AFTER_A_NAME.search(text, max(0, m.start() - 40), m.start())
                if not (after_name and town_listed and _a_first_name(after_name.group("first"))):
                    continue
            yield Finding(m.start("line"), m.end("line"), "ADDRESS", 0.75, "address_line")
