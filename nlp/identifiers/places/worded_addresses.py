"""Street lines written the way people type or say them (issue 20, seventh round).

The address rules in nlp/identifiers/places/street_lines.py want a house number in digits before the
street ("14 Tern Road"), or capitals ("Rose Cottage, Mill Lane"). Messages and transcribed calls
give the same lines otherwise:

- the number in words ("seventeen hazel grove", "flat eight cobden court");
- a flat, house, unit, bay or pitch with its number, then a building's name and the street, in
  any case ("Flat 2, Orme House, Tidings Causeway", "pitch 7, Sandy Lane Caravan Park");
- a house on a street named "The ..." ("number 9 the avenue", "we live at 14 the green");
- a flat on its own after "from", "at" or "in" ("it's me from flat eleven");
- after a home cue, a street word too plain to trust elsewhere ("we live at 4 moss bank");
- a Traveller or caravan site named by its street or as a site (thirty-first round): "the Glen
  Road site", "Holmfield Lane Site", "Coldharbour Travellers Site". A family's pitch is their
  home, and the site's name is where they live (v6, v8, v17, v18 mark it whole with "site").

Thirty-third round, as a voicemail says a home: a house number's letter after a number in words
("fourteen a gladstone terrace"), a street that is a "place", "row", "walk" or "way" after a
number in words and a name word that is no everyday word ("forty four rosemount place"), and a
Welsh street after a number in words ("twelve heol y parc"), as the figures' rule takes "12
heol y bont".

Precision: the words between the number and the street word may not be function words or
units ("a ten minute drive", "two long roads"); without a cue, a number in words needs a street
word that is nearly always a street, and a name word that is no everyday word unless the
street word is one of the plainest ("road", "street", "lane").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.number_words import NUMBER, UNITS, as_int
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.places.street_lines import NOT_STREET_WORDS, STREET_SUFFIX

I = re.IGNORECASE  # noqa: E741 - short alias keeps the long patterns readable

HOUSE_NO = rf"(?:\d{{1,4}}[a-z]?|{NUMBER})"
NAME_WORD = r"[a-z][a-z'’-]*"
BUILDING_WORD = (
    r"(?:house|court|lodge|cottages?|mansions|buildings|towers?|heights|apartments|hall|"
    r"place|point|view|wharf|mill|works|chambers)"
)
SUFFIX = rf"(?:{STREET_SUFFIX}|causeway|brow|esplanade|promenade)"
# Streets called "The ...": "the crescent", "The Paddock".
THE_STREET = (
    r"(?:crescent|avenue|drive|close|grove|green|parade|mews|square|terrace|promenade|"
    r"esplanade|causeway|paddock|meadows|spinney|chase|glade|rise|crest|broadway|maltings|"
    r"orchard|willows|limes|laurels|beeches|coppice|boundary)"
)
SITE_TAIL = (
    r"(?:\s+(?:caravan|mobile\s+home|residential|holiday|travellers?['’]?|gypsy|council)"
    r"\s+(?:site|park))?"
)
# Sure street words, for a number in words with no cue before it.
PLAIN_SUFFIX = r"(?:street|road|lane|avenue|crescent|terrace|gardens|grove|mews|causeway)"
NAMED_SUFFIX = r"(?:close|drive|court|square|parade|boulevard|place|row|walk|way|wynd)"

# "flat ten cobden court", "Flat 2, Orme House, Tidings Causeway", "number 9 the avenue",
# "Bay 4, Sandy Lane Caravan Park", "Flat 3, 27 Northgate".
CUED_LINE = re.compile(
    rf"\b(?P<cue>flat|apartment|apt\.?|unit|bay|pitch|plot|house|number|no\.?)\s*"
    rf"(?P<num>{HOUSE_NO})(?![\w'’-])\s*,?\s+"
    rf"(?P<building>(?:{NAME_WORD}\s+){{1,2}}{BUILDING_WORD}\s*,?\s+)?"
    r"(?P<house>\d{1,4}[a-z]?\s*,?\s+)?"
    rf"(?P<street>the\s+(?:{NAME_WORD}\s+)?{THE_STREET}"
    rf"|(?:{NAME_WORD}\s+){{1,3}}{SUFFIX}|(?-i:[A-Z][a-z]+(?:way|gate|side|field|gait|wynd|loan)))"
    rf"(?![\w'’-]){SITE_TAIL}",
    I,
)
# "we live at 6 the crescent", "address is twelve the paddock": a home cue, then the number.
HOME_THE_STREET = re.compile(
    r"\b(?:live|lives|living|lived|staying|stays|moved|address(?:\s+is)?|home\s+is)"
    rf"(?:\s+(?:at|to|in))?\s+(?P<line>{HOUSE_NO},?\s+the\s+(?:{NAME_WORD}\s+)?{THE_STREET})"
    r"(?![\w'’-])",
    I,
)
HOME_THE_STREET = gated(HOME_THE_STREET)
# "WE LIVE AT 2 PRIMROSE BANK", "lives at 7 Moss Brow": after a home cue, street words that are
# too plain elsewhere ("the bank", "a brow") end a street line.
HOME_STREET_WORD = (
    r"(?:bank|brow|nook|garth|hollow|fields|holme|dene|pastures|copse|wood|common|"
    r"knoll|heath|bridge|moor|meadow|orchard|paddock|hey|lands)"
)
HOME_LINE = re.compile(
    r"\b(?:live|lives|living|lived|staying|stays|moved|address(?:\s+is)?|home\s+is)"
    rf"(?:\s+(?:at|to|in))?\s+(?P<line>{HOUSE_NO},?\s+(?P<name>(?:{NAME_WORD}\s+){{1,2}})"
    rf"{HOME_STREET_WORD})(?![\w'’-])",
    I,
)
HOME_LINE = gated(HOME_LINE)
_NUMBER_WORDS = "|".join(w for w in (*UNITS, "ten", "eleven", "twelve") if w != "one")
WORDED_LINE = re.compile(
    rf"(?<![\w'’-])(?P<num>{NUMBER})(?:\s+[a-h](?=\s))?\s+(?P<name>(?:{NAME_WORD}\s+){{1,3}})"
    rf"(?P<suffix>{PLAIN_SUFFIX}|{NAMED_SUFFIX})(?![\w'’-])",
    I,
)
WORDED_LINE = gated(WORDED_LINE)
# In capitals as written, any street word after a number in words ("at fourteen Kirk Wynd",
# "eleven Marsh Way"), and a flat in words in a named building ("Flat nine, Coleridge House"):
# the capitals and the number said aloud are the evidence (twelfth round; v10, v13).
_CAP_WORD = r"(?-i:[A-Z][a-z'’]+)"
_CAP_SUFFIX = "|".join(w.capitalize() for w in STREET_SUFFIX.split("|"))
CAPITAL_WORDED_LINE = re.compile(
    rf"(?<![\w'’-])(?P<num>{NUMBER})(?:\s+[a-h](?=\s))?\s+(?P<name>(?:{_CAP_WORD}\s+){{1,2}})"
    rf"(?-i:{_CAP_SUFFIX})(?![\w'’-])",
    I,
)
CAPITAL_WORDED_LINE = gated(CAPITAL_WORDED_LINE)
# "twelve heol y parc", "seven ffordd yr orsaf": a Welsh street after a number in words.
WORDED_WELSH_LINE = re.compile(
    rf"(?<![\w'’-])(?P<num>{NUMBER})\s+(?:heol|ffordd|stryd|l[oô]n|cilgant|rhodfa|teras|gerddi)"
    r"(?:\s+(?:y|yr)\s+|['’]r\s+|\s+)[^\W\d_]{3,}(?![\w'’])",
    I,
)
# Its hand-written gate (`prefilter.gated`'s `behind`): the street word and the name after it,
# where the number words it opens with are in most stories.
WELSH_STREET_AFTER_SPACE = re.compile(
    r"\s(?:heol|ffordd|stryd|l[oô]n|cilgant|rhodfa|teras|gerddi)(?:\s+(?:y|yr)\s+|['’]r\s+|\s+)"
    r"[^\W\d_]{3,}(?![\w'’])",
    I,
)
WORDED_WELSH_LINE = gated(WORDED_WELSH_LINE, behind=WELSH_STREET_AFTER_SPACE)
COUNTED_AFTER = re.compile(r"[ \t]+[a-z]+s\b")
FLAT_IN_BUILDING = re.compile(
    rf"\b(?:flat|apartment)\s+(?P<num>{NUMBER}),?\s+(?:{_CAP_WORD}\s+){{1,2}}"
    rf"(?=(?-i:[A-Z])){BUILDING_WORD}(?![\w'’-])",
    I,
)
FLAT_IN_BUILDING = gated(FLAT_IN_BUILDING)
# "from flat nine", "at flat 12b" is nlp/identifiers/places/street_lines.py's FLAT_ONLY; this is the
# words.
LONE_FLAT = re.compile(
    rf"\b(?:from|at|in|to|of|is|flat\s+is)\s+(?P<flat>flat\s+(?:{_NUMBER_WORDS}|"
    r"(?:twenty|thirty|forty|fifty)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))"
    r"(?![\w'’-]|\s+(?:days?|weeks?|months?|years?|hours?|minutes?|mins?|times?|pounds?|quid|"
    r"miles?|percent|per|of|out)\b)",
    I,
)
LONE_FLAT = gated(LONE_FLAT)
UNIT_WORDS = frozenset(
    """minute minutes hour hours mile miles day days week weeks month months year years
    second seconds metre metres yard yards foot feet step steps car cars bus
    times time storey bed bedroom bedrooms way page pages""".split()
)


def _plain_words(words: list[str]) -> bool:
    """Function words, units or numbers between a number and a street word: not a street."""
    return any(
        w.strip("'’-") in NOT_STREET_WORDS
        or w in UNIT_WORDS
        or w in STOP_WORDS
        or re.search(r"n['’]t$|['’](?:re|ve|ll|d|m)$", w)
        or (w[-2:] in ("'s", "’s") and w[:-2] in STOP_WORDS)  # "it's", not "john's"
        or as_int(w) is not None
        for w in words
    )


def cued_lines(text: str) -> Iterator[Finding]:
    for m in CUED_LINE.finditer(text):
        words = re.findall(r"[^\W\d_][\w'’-]*", m.group("street").lower())
        if words[0] == "the":
            if m.group("cue").lower() in ("bay", "pitch", "plot", "unit"):
                continue
            words = words[1:-1]
        elif len(words) == 1 and not m.group("house"):
            continue  # "number 4 Anyway": one capitalised word is a street after a house number
        else:
            words = words[:-1]
        if _plain_words(words):
            continue
        if as_int(m.group("num")) is None or as_int(m.group("num")) == 0:
            continue
        yield Finding(m.start(), m.end(), "ADDRESS", 0.8, "worded_address")


def worded_lines(text: str) -> Iterator[Finding]:
    common = gazetteer().common_words
    for m in WORDED_LINE.finditer(text):
        n = as_int(m.group("num"))
        words = m.group("name").lower().split()
        if n is None or n < 2 or _plain_words(words):
            continue
        plain = re.fullmatch(PLAIN_SUFFIX, m.group("suffix"), I)
        if not plain and all(w in common for w in words):
            continue
        if _counted_after(text, m.end(), common):
            continue  # "three Kestrel Way buses": a count of things named for the street
        yield Finding(m.start(), m.end(), "ADDRESS", 0.75, "worded_address")
    for m in WORDED_WELSH_LINE.finditer(text):
        if (as_int(m.group("num")) or 0) >= 1:
            yield Finding(m.start(), m.end(), "ADDRESS", 0.75, "worded_address")


def _counted_after(text: str, at: int, common: frozenset[str]) -> bool:
    """A plural of an everyday word right after the line ("buses", "stops"): what was counted,
    not a town after the street ("… gardens glenrothes")."""
    m = COUNTED_AFTER.match(text, at)
    if not m:
        return False
    word = m.group().strip().lower()
    return word[:-1] in common or (word.endswith("es") and word[:-2] in common)


def capital_worded_lines(text: str) -> Iterator[Finding]:
    for m in CAPITAL_WORDED_LINE.finditer(text):
        n = as_int(m.group("num"))
        if n is None or n < 2 or _plain_words(m.group("name").lower().split()):
            continue
        if COUNTED_AFTER.match(text, m.end()):
            continue  # "three Park Road buses": a count of things named for the street
        yield Finding(m.start(), m.end(), "ADDRESS", 0.75, "worded_address")
    for m in FLAT_IN_BUILDING.finditer(text):
        if as_int(m.group("num")):
            yield Finding(m.start(), m.end(), "ADDRESS", 0.75, "worded_address")


def home_the_streets(text: str) -> Iterator[Finding]:
    for m in HOME_LINE.finditer(text):
        if not _plain_words(m.group("name").lower().split()):
            yield Finding(m.start("line"), m.end("line"), "ADDRESS", 0.75, "worded_address")
    for m in HOME_THE_STREET.finditer(text):
        words = m.group("line").lower().split()[2:-1]  # between "the" and the street word
        if not _plain_words(words):
            yield Finding(m.start("line"), m.end("line"), "ADDRESS", 0.75, "worded_address")


def lone_flats(text: str) -> Iterator[Finding]:
    for m in LONE_FLAT.finditer(text):
        yield Finding(m.start("flat"), m.end("flat"), "ADDRESS", 0.7, "worded_address")


# A street's name then "site", or capitalised words then a Traveller or caravan "Site". The
# street word is capitalised ("Glen Road site"; "the ring road site" is a building site); a
# place with "site" ("the Wantage site" of a practice) is no street and stays a place.
_SITE_KIND = r"(?:Travellers['’]?|Traveller|Gypsy|Caravan)"
SITE_LINE = re.compile(
    rf"(?<![\w'’-])(?P<line>(?:[A-Z][\w'’-]*[ \t]+){{1,3}}"
    rf"(?:(?:{_CAP_SUFFIX}|Farm|Common|Fields?|Moor|Wood|Quarry|Brickyard)"
    rf"(?:[ \t]+{_SITE_KIND})?[ \t]+[Ss]ite|{_SITE_KIND}[ \t]+Site))(?![\w'’-])"
)


def site_lines(text: str) -> Iterator[Finding]:
    """ "the Glen Road site", "At Holmfield Lane Site": from the site's name, which has a word
    of its own before the street or site word ("The Lane site" names none)."""
    for m in SITE_LINE.finditer(text):
        words = list(re.finditer(r"\S+", m.group("line")))
        while words and words[0].group().lower() in STOP_WORDS:
            words.pop(0)
        if len(words) < 3:
            continue
        start = m.start("line") + words[0].start()
        yield Finding(start, m.end("line"), "ADDRESS", 0.8, "worded_address")


# Round 82: the same site typed in lower case or in capitals ("moved off pear tree lane site by
# the bailiffs", "hiya its florin off the tong road site", "AT PEAR TREE LANE SITE"): fifteen
# writers' sets mark a site named by its street, and one leaves one (a salmon farm's). A road's
# plain names ("the ring road site", "the main road site") and a building site's words are no
# Traveller site.
SITE_LINE_ONE_CASE = re.compile(
    r"(?<![\w'’-])(?P<line>(?:[a-z][\w'’-]*[ \t]+){1,3}"
    r"(?:road|lane|street|drove|farm|common|fields?|park|meadows?|way|close|drive|avenue)"
    r"(?:[ \t]+(?:travellers?['’]?|gypsy|caravan|council|transit))?[ \t]+site)(?![\w'’-])",
    I,
)
NOT_A_SITE_NAME = frozenset(
    """ring main relief link access service new old trunk slip high back bypass car coach bus
    train building construction works hospital school college""".split()
)


def one_case_site_lines(text: str) -> Iterator[Finding]:
    """ "pear tree lane site", "TONG ROAD SITE": a site's street name in one case."""
    for m in SITE_LINE_ONE_CASE.finditer(text):
        line = m.group("line")
        if not (line.islower() or line.isupper()):
            continue
        words = list(re.finditer(r"\S+", line))
        k = len(words) - 2  # the words before the street's word and "site", nearest first
        while k > 0 and words[k - 1].group().lower() not in STOP_WORDS:
            k -= 1
        if len(words) - k < 3 or words[k].group().lower() in NOT_A_SITE_NAME:
            continue
        start = m.start("line") + words[k].start()
        yield Finding(start, m.end("line"), "ADDRESS", 0.75, "worded_address")


def worded_address_findings(text: str) -> list[Finding]:
    """Street lines and flats in words or any case; overlaps are settled by the caller."""
    found = [*worded_lines(text), *home_the_streets(text), *capital_worded_lines(text)]
    if re.search(r"\b(?:flat|apartment|apt|unit|bay|pitch|plot|house|number|no)\b", text, I):
        found += [*cued_lines(text), *lone_flats(text)]
    if "ite" in text.lower() and re.search(r"[A-Za-z][ \t]+site\b", text, I):
        found += site_lines(text)
        found += one_case_site_lines(text)
    return found
