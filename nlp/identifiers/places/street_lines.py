"""Addresses by their shape: a house number and a street, named houses and buildings, Welsh
street names, a house by its number alone, and the lines of an address block above a postcode.

Stories give an address as a line, seldom in full ("she lives at 14 Mill Lane", "Rose Cottage,
Mill Lane"), so these rules look for a line's parts in their order: a house number or a named
building, name words, a street suffix. The suffixes (STREET_SUFFIX) and the words that are
never a street's name (NOT_STREET_WORDS) are shared with streets written in words
(nlp/identifiers/places/worded_addresses.py) and spoken postcodes
(nlp/identifiers/spoken/spoken_postcodes.py). Fifth round (issue 20): flats by letter and Scottish
tenement positions ("3/2, 41 ..."), street names ending in a direction ("... Road West") and a
house by its number alone ("at no. 9").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.number_words import UNDER_100
from nlp.identifiers.core.prefilter import gated
from nlp.identifiers.places.postcodes import POSTCODE

I = re.IGNORECASE  # noqa: E741 - short alias keeps the long patterns readable


# Street lines: house number (optionally after "Flat 3,") then one to three name words then a
# street suffix. Name words may not be function words, so "2 hours down the road" is no address.

STREET_SUFFIX = (
    r"road|rd|street|st|avenue|ave|lane|ln|close|drive|crescent|grove|gardens|terrace|way|"
    r"place|court|walk|mews|square|row|hill|park|view|rise|green|parade|boulevard|vale|"
    r"fold|wynd|brae|gate|croft|meadows?|chase|end|yard|wharf|quay|circus|approach|highway|"
    r"mount|lea|broadway|parkway|heights|dale|ridge|drove|mead|embankment|causeway|"
    r"esplanade|promenade|"  # the seafront's streets (twenty-sixth round)
    r"range|brow|loan|garth|nook"  # the north's and Scotland's (round 39: "Audley Range")
)
# Before the house number: "Flat 3,", "Flat C," (a flat by letter), or a Scottish tenement's
# floor and door, "3/2," or "Flat 0/1,". After the suffix, a capitalised "North", "West" ... that
# is part of the street's name ("Dudley Road West").
# "c/o 14 High St" (care of: a hostel or a relative's address); a tenement's "2/1" may come
# without its comma ("2/1 14 Gardner St").
# Twenty-sixth round: a flat by its floor or its place in the house ("Top Floor Flat, 9 ...",
# "Basement Flat, ..."), and a room care of another address ("Room 18, c/o 40 Dockside Road":
# two prefixes in a row).
FLOOR_FLAT = (
    r"(?:(?:lower[ \t]+)?ground|first|second|third|top|upper|basement|garden|attic)"
    r"(?:[ \t-]+floor)?[ \t]+flat[ \t]*,?[ \t]+"
)
# Twenty-eighth round: Edinburgh writes a tenement flat by floor and door ("3F2, 19 Leith Walk",
# "flat 2F1"; "GF1", "PF3" for the ground and principal floors), as Glasgow writes "3/2".
TENEMENT = r"\d{1,2}/\d{1,2}|(?:\d{1,2}|g|p)f\d{1,2}"
# Round 84: a block of a hostel, a hall or an estate between the room and the street ("Room
# 39, Block C, 15 Ash Road"; v69, v73 and v119 mark the whole, none leaves a block out).
FLAT_PREFIX = (
    rf"(?:(?:flat|apartment|apt\.?|unit|room|block)\s*(?:{TENEMENT}|\d{{1,4}}[a-z]?|[a-z](?![\w'’]))"
    rf"\s*,?\s+|(?:{TENEMENT})\s*(?:,\s*|\s+)(?=\d)|c/o\s+|{FLOOR_FLAT})"
)
STREET_DIRECTION = r"\s+(?-i:North|South|East|West|Upper|Lower)(?![\w'’-]|\s+[A-Z])"
# Round 94: the north's streets named for the top of a bank, a moor or a hill ("117 bank top",
# "192 BANK TOP", "93 Bank Top"; v103, v121, v125, v139 mark all five); "top" after any other
# word is left ("1 formula top up", "40 on top of my job").
HIGH_STREET_TOP = r"(?<=bank[ \t])top|(?<=moor[ \t])top|(?<=hill[ \t])top|(?<=brow[ \t])top"
# A house number, or a range of them for a building on two or more plots ("27-29 Westgate
# Crescent", "118–120 Marine Esplanade"); never a date's tail ("DOB 1936-04-07 ATTENDED CANNOCK
# CHASE HOSPITAL" is no "04-07 ... Chase", round 97).
HOUSE_NUMBER = r"\d{1,4}[a-z]?[ \t]?[-–][ \t]?\d{1,4}[a-z]?|\d{1,4}(?:/\d{1,3})?[a-z]?"
ADDRESS = re.compile(
    rf"(?<![\w/])(?<!\d[-–.])(?:{FLAT_PREFIX}){{0,2}}"
    rf"(?:no\.?\s*)?({HOUSE_NUMBER})\s*,?\s+((?:[a-z][a-z'’-]*\s+){{1,3}}?)"
    rf"(?:{STREET_SUFFIX}|{HIGH_STREET_TOP})\b(?:{STREET_DIRECTION}|\.?)",
    I,
)
# "the key is at no. 14", "she lives at number 7", "I'm at number nine": a house by its number
# alone on its street, in figures or in words.
HOUSE_NUMBER_ONLY = re.compile(
    r"\b(?:lives?|living|lived|key\s+is|round|over)?\s*\b(?:at|from)\s+"
    rf"(?P<house>(?:no\.?|number)\s*\d{{1,3}}[a-z]?|number\s+{UNDER_100}(?![\w-]))"
    r"(?![\w/:]|\.\d|\s*(?:on|in)\s+the\s+(?:list|queue|waiting)|\s+(?:to|down|up)\b|\s*-)",
    I,
)
# HOUSE_NUMBER_ONLY's gate: each of its matches holds "at" or "from", spaces and "no" or
# "number" (its own words, in any case), which few texts have; the pattern itself tries its
# optional first words at every word of a text.
AT_NUMBER = re.compile(r"(?:at|from)\s+n(?:o|umber)", I)
# A flat, or a traveller site's pitch or a mooring's berth by its number ("it's Pitch 9").
FLAT_ONLY = re.compile(
    rf"(?<![\w])(?:flat|apartment|apt\.?|pitch|berth)\s*(?:{TENEMENT}|\d{{1,4}}[a-z]?)\b", I
)
FLAT_ONLY = gated(FLAT_ONLY)
# Round 82: a family's plot on a Gypsy or Traveller site by its number ("Pitch/plot: plot 16",
# "living with grandparents at Plot 5, Thornhill Traveller site"), as fourteen writers' sets
# mark it. "Plot" is also an allotment's or a graph's, so it is an address only where the text
# speaks of a site, a trailer or a caravan, and not of allotments.
SITE_PLOT = gated(re.compile(r"(?<![\w])plot\s*\d{1,4}[a-z]?\b", I))
SITE_LIVING = re.compile(
    r"\b(?:sites?|trailers?|caravans?|travell?ers?|gypsy|gypsies|pitch(?:es)?|chalets?|"
    r"stance|static|mobile\s+home|park\s+home)\b",
    I,
)
ALLOTMENTS = re.compile(r"\ballotments?\b", I)
# "Number 8, The Paddocks", "no. 3 The Limes": a house number said as a number, then a named
# close or row that carries no street suffix but its capitals and "The".
NUMBER_THEN_NAME = re.compile(
    r"(?<![\w])(?:number|no\.?)\s*\d{1,4}[a-z]?,?\s+(?-i:The\s+[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+)?)",
    I,
)
NUMBER_THEN_NAME = gated(NUMBER_THEN_NAME)
UNIT_WORDS = frozenset(
    """hours hour minutes minute mins days day weeks week months month years year miles mile
    times yards metres meters steps stone pounds people patients staff beds doors floors
    flights the a an my our his her their your this that these those""".split()
)


def _named_word(word: str) -> bool:
    """A word of a street's name: capitalised, and no unit, article or possessive."""
    bare = word.strip("'’-")
    return bare[:1].isupper() and bare.lower() not in UNIT_WORDS


# Round 45: a fare or a journey "each way" ("£27 each way", "30 quid each way", "3 hrs each
# way") read as a house number and a street named "... Way" in eight sets by different writers;
# money, hours and "each" or "either" name no street.
NOT_STREET_WORDS = frozenset(
    """the a an my our his her their your this that these those of in on at to for from by with
    and or but up down into onto over under past across along round around out off about
    hours hour minutes minute mins days day weeks week months month years year miles mile times
    yards metres meters steps stone pounds people patients staff beds doors floors flights
    more less than just only about nearly almost over under other same next last first
    each either both quid pound pence hrs hr""".split()
)


HOUSE_WORDS = (
    r"Cottages?|Farm(?:house)?|House|Barn|Lodge|Mill|Forge|Villa|Bungalow|Manor|Hall|Croft|"
    r"Grange|Rectory|Vicarage|Orchard|Stables|Coach\s+House|Mansions|Heights|Buildings|Flats|"
    r"Towers?|Apartments"
)
_CAP = r"[A-Z][a-z'’]+"
_SUFFIXES_CAPITALISED = "|".join(w.capitalize() for w in STREET_SUFFIX.split("|"))
# Welsh house and street names: "Ty Gwyn", "Bryn Awel", "Heol y Felin", "Ffordd yr Orsaf".
WELSH_HOUSE = rf"(?:T[yŷ]|Bryn|Pen|Plas|Hafod|Llys|Cartref|Awel)\s+(?:(?:y|yr)\s+)?{_CAP}"
_WCAP = r"[A-ZÂÊÎÔÛŴŶ][a-zâêîôûŵŷ'’]+"
WELSH_STREET_WORDS = (
    r"(?:Heol|Ffordd|Stryd|L[oô]n|Maes|Cae|Rhodfa|Cilgant|Clos|Teras|Gerddi|Cwrt|Llwybr)"
)
WELSH_STREET = rf"{WELSH_STREET_WORDS}(?:\s+(?:y|yr)\s+|['’]r\s+|\s+){_WCAP}(?:\s+{_WCAP})?"
# A building's name keeps to its line (thirtieth round): across a line break its first words
# took the surname of the addressee above ("Mrs Shirley Ashworth\nRose Cottage, 2 Back Lane"
# became an address "Ashworth\nRose Cottage, …", and the person was lost).
BUILDING = (
    rf"(?:(?:The\s+)?(?:{_CAP}[ \t]+){{0,2}}(?:{HOUSE_WORDS}|{_SUFFIXES_CAPITALISED})|{WELSH_HOUSE}"
    rf"|The\s+Old\s+{_CAP}(?:\s+{_CAP})?"  # "The Old Forge", "The Old Post Office"
    rf"|{_CAP}['’]s\s+{_CAP})"  # "Heron's Reach", "Miller's Rest": named for someone or something
)
# Streets named in one word, mostly in the north and Scotland: "Gallowgate", "Briggate".
COMPOUND_STREET = r"[A-Z][a-z]+(?:gate|gait|wynd|loan)\b"
STREET_LINE = (
    rf"(?:(?:\d{{1,4}}[a-z]?,?\s+)?(?:(?:{_CAP}\s+){{1,3}}(?:{_SUFFIXES_CAPITALISED})\b"
    rf"|{COMPOUND_STREET})|{WELSH_STREET})"
)
# "Rose Cottage, Mill Lane", "Flat 11, Harbour View, 2 Marine Parade", "Ty Gwyn, Heol y Felin":
# a flat or a named building, then a street line (capitals as written, for precision).
ADDRESS_CHAIN = re.compile(
    rf"(?<![\w])(?:(?:Flat|Apartment|Apt\.?|Unit)\s*\d{{1,4}}[A-Za-z]?,?\s+)?"
    rf"{BUILDING},?\s+{STREET_LINE}"
    rf"|(?<![\w])(?:Flat|Apartment|Apt\.?|Unit)\s*\d{{1,4}}[A-Za-z]?,?\s+{STREET_LINE}"
)


# "The Old Bakery on Quay Street": a named building, then "on" or "off" and its street, two
# identifiers with an ordinary word between.
BUILDING_ON_STREET = re.compile(
    rf"(?<![\w])(?P<building>{BUILDING})\s+(?:on|off|in)\s+(?P<street>{STREET_LINE})"
)
# Gates for the two patterns above, which try a building's name at every capital of a text
# and seldom find one. Each ends in a street line after a space (the second after "on", "off"
# or "in" too), and a pattern's end still matches where its match ended, so a text without a
# match of these tails cannot match them (their first "\s+" is one "\s" here: the last
# space of those the full pattern takes).
SPACE_THEN_STREET = re.compile(rf"\s{STREET_LINE}")
SPACE_ON_STREET = re.compile(rf"\s(?:on|off|in)\s+{STREET_LINE}")
# Welsh street names are streets without a number ("Heol y Parc", "Rhodfa'r Môr"), and
# after one ("12 Cilgant y Bryn"): the English suffix rule above cannot see them.
WELSH_STREET_LINE = re.compile(
    rf"(?<![\w])(?:\d{{1,4}}[a-z]?,?\s+)?{WELSH_STREET}(?![\w'’])"
    rf"|(?<![\w])\d{{1,4}}[a-z]?,?\s+{COMPOUND_STREET}"
)


# A Welsh house or lane named with its article ("Pen y Bryn", "2 Tan y Bryn", "Bron yr Aur"):
# a head word of the landscape, "y"/"yr", a capitalised noun. No street suffix is needed: the
# article inside a capitalised name marks it, where "Bryn Jones" is a man.
# Thirty-first round: Cornish houses name themselves the same way with "an" ("Chy an Mor",
# "Parc an Dour", "Bos an Gwel"): a head word for a house, field or dwelling, "an", a noun.
WELSH_NAMED_PLACE = re.compile(
    r"(?<![\w'’])(?:\d{1,4}[a-z]?,?\s+)?"
    r"(?:(?:T[yŷ]|Bryn|Bron|Pen|Plas|Hafod|Llys|Maes|Cae|Glan|Nant|Tan|Bod|Coed|Pant|Gwern|Erw)"
    r"\s+(?:y|yr)|(?:Chy|Bos|Parc|Hendra|Ker)\s+an)"
    rf"\s+{_WCAP}(?![\w'’])"
)
# Gates for the two Welsh patterns, which try their optional house number at every figure
# and their words at every capital. A match of the first holds a Welsh street word, or a house
# number (its last figure) before a street in one word; one of the second ends in "y", "yr"
# or "an" after a space, then spaces and a capital.
WELSH_STREET_WORD = re.compile(rf"{WELSH_STREET_WORDS}|\d[a-z]?,?\s+{COMPOUND_STREET}")
WELSH_ARTICLE = re.compile(rf"\s(?:y|yr|an)\s+{_WCAP}")


# A street named without a house number: "the chemist on Bridge Street", "go home to Station
# Road", "the bus stop on Church Lane". Only the suffixes that are nearly always streets,
# capitalised as written, after one to three capitalised words ("Duke of York Terrace"); "St"
# before a capitalised word is a saint ("St Mary's"). A street's name stays on its line: in a
# letterhead the line above is the organisation's ("Kettering General Hospital" over "Rothwell
# Road"), not part of the street (25th round).
_NOT_STREET_START = "|".join(
    w.capitalize()
    for w in """at in on to from by of and or my our your his her their this that every any no
    wrong same long open one""".split()
)
BARE_STREET = re.compile(
    rf"(?<![\w'’-])(?!(?:{_NOT_STREET_START})\s)"
    rf"(?:\d{{1,4}}[a-z]?,?\s+)?{_CAP}(?:[ \t]+(?:of[ \t]+|upon[ \t]+)?{_CAP}){{0,2}}[ \t]+"
    r"(?:Road|Street|Lane|Avenue|Crescent|Drive|Terrace|Gardens|Close|Grove|Way|Place|Walk|Row|"
    r"Square|Parade|Mews|Rd|St(?!\.?\s+[A-Z]))\b(?![’'-])"
)
BARE_STREET = gated(BARE_STREET)


# "12 heol y bont", "4 STRYD Y CASTELL": where capitals mean nothing, a house number first.
WELSH_STREET_ANY_CASE = re.compile(
    r"(?<![\w])\d{1,4}[a-z]?,?\s+(?:heol|ffordd|stryd|l[oô]n|cilgant|rhodfa|teras|gerddi)"
    r"(?:\s+(?:y|yr)\s+|['’]r\s+|\s+)[^\W\d_]{3,}(?![\w'’])",
    I,
)
# Round 54: a house number before a Welsh name of the land ("68 bryn teg", "86 MAES Y COED",
# "4 pen y bryn"), typed where capitals mean nothing: with the article, or with a word that no
# English list holds ("3 pen refills" is a count of pens).
WELSH_LAND_ANY_CASE = re.compile(
    r"(?<![\w])\d{1,4}[a-z]?,?\s+(?:maes|cae|clos|cwrt|bryn|bron|pen|tan|glan|nant|coed|pant|"
    r"llys|plas|hafod|t[yŷ])(?:\s+(?:y|yr)\s+(?P<after_article>[^\W\d_]{3,})|"
    r"\s+(?P<word>[^\W\d_]{3,}))(?![\w'’])",
    I,
)


# The lines of a letter's address block, or the comma-separated parts of a one-line address,
# right before a postcode: "Sea View / Barley Knap / Lower Wimbley / TA4 9QQ", "The
# Granary, Nettle Hollow, Great Wimbley, Suffolk IP14 9QQ". House names, hamlets and streets with
# no suffix are in no list, but their place before the postcode says what they are. A part
# counts only if every word is capitalised (or a number, or a joining word such as "y", "of").
BLOCK_PART = re.compile(
    r"(?:\d{1,4}[A-Za-z]?(?:/\d{1,3})?,?\s+)?"
    r"[A-ZÀ-ÝŴŶ][\w'’.-]*(?:\s+(?:(?:y|yr|of|upon|on|in|the|le|la|de|'r|’r)\s+)?[A-ZÀ-ÝŴŶ\d][\w'’.-]*){0,4}"
)
BLOCK_LINES = 5
BLOCK_CUE = re.compile(r"(?:^|\s)(?:to|at|is|address|from|on|in)\s*:?\s+(?P<rest>[^\s].*)$", I)
_STREET_OR_HOUSE = re.compile(rf"\b(?:{STREET_SUFFIX}|{HOUSE_WORDS})\b", I)


# Twenty-eighth round: a letter's caption above the addressee ("PRIVATE AND CONFIDENTIAL",
# "Strictly Private", "By email only", "Official - Sensitive") ends the block: it says how the
# letter is to be handled, not where anyone lives.
LETTER_CAPTION = re.compile(
    r"(?:(?:strictly[ \t]+)?(?:private|personal|confidential)"
    r"(?:[ \t]+(?:and|&)[ \t]+(?:confidential|private|personal))?(?:[ \t]+to[ \t]+addressee)?"
    r"|urgent|addressee[ \t]+only|without[ \t]+prejudice|by[ \t]+(?:e-?mail|hand|post)"
    r"(?:[ \t]+only)?|official(?:[ \t]*[-–][ \t]*sensitive)?)[ \t]*[.:]?",
    I,
)


def _block_part(part: str) -> bool:
    """An address part, not a closing word ("Thanks", "Kind Regards") on a line of its own,
    nor a letter's caption."""
    if not BLOCK_PART.fullmatch(part) or LETTER_CAPTION.fullmatch(part):
        return False
    gaz = gazetteer()
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", part)]
    everyday = all(w in gaz.common_words for w in words)
    return not everyday or bool(_STREET_OR_HOUSE.search(part)) or part.lower() in gaz.places


def _address_block(text: str, postcode_start: int) -> Iterator[Finding]:
    line_start = text.rfind("\n", 0, postcode_start) + 1
    pos = postcode_start
    # Parts on the postcode's own line, then whole lines above it.
    for _ in range(BLOCK_LINES):
        head = text[line_start:pos].rstrip(" \t,")
        part_start = max(head.rfind(","), -1) + 1 + line_start
        part = text[part_start : line_start + len(head)].strip()
        if not part:
            if head.strip():
                return
            break
        if not _block_part(part):
            # "Send it to The Granary, ...": the address starts after the sentence's last cue
            cued = BLOCK_CUE.search(part)
            if cued and _block_part(cued.group("rest")):
                offset = part_start + text[part_start:].index(part) + cued.start("rest")
                yield Finding(
                    offset, offset + len(cued.group("rest")), "ADDRESS", 0.7, "address_block"
                )
            return
        offset = text.index(part, part_start)
        yield Finding(offset, offset + len(part), "ADDRESS", 0.7, "address_block")
        pos = part_start
        if part_start == line_start:
            break
    for _ in range(BLOCK_LINES):
        if line_start == 0:
            return
        prev_start = text.rfind("\n", 0, line_start - 1) + 1
        line = text[prev_start : line_start - 1].strip().rstrip(",")
        if not line or not _block_part(line):
            return
        offset = text.index(line, prev_start)
        yield Finding(offset, offset + len(line), "ADDRESS", 0.7, "address_block")
        line_start = prev_start


def addresses(text: str) -> Iterator[Finding]:
    for m in POSTCODE.finditer(text):
        rest = text[m.end() : text.find("\n", m.end()) if "\n" in text[m.end() :] else len(text)]
        if not rest.strip(" \t.,"):
            yield from _address_block(text, m.start())
    if SPACE_THEN_STREET.search(text) is not None:
        for m in ADDRESS_CHAIN.finditer(text):
            yield Finding(m.start(), m.end(), "ADDRESS", 0.85, "uk_address")
        if SPACE_ON_STREET.search(text) is not None:
            for m in BUILDING_ON_STREET.finditer(text):
                for part in ("building", "street"):
                    yield Finding(m.start(part), m.end(part), "ADDRESS", 0.8, "uk_address")
    for m in WELSH_STREET_LINE.finditer(text) if WELSH_STREET_WORD.search(text) else ():
        yield Finding(m.start(), m.end(), "ADDRESS", 0.8, "uk_address")
    for m in WELSH_NAMED_PLACE.finditer(text) if WELSH_ARTICLE.search(text) else ():
        yield Finding(m.start(), m.end(), "ADDRESS", 0.75, "uk_address")
    if capitals_mean_little(text):
        for m in WELSH_STREET_ANY_CASE.finditer(text):
            yield Finding(m.start(), m.end(), "ADDRESS", 0.75, "uk_address")
        english = gazetteer().english_words
        for m in WELSH_LAND_ANY_CASE.finditer(text):
            if m.group("word") is None or m.group("word").lower() not in english:
                yield Finding(m.start(), m.end(), "ADDRESS", 0.7, "uk_address")
    little = None
    for m in ADDRESS.finditer(text):
        words = m.group(2).split()
        if any(w.strip("'’-").lower() in NOT_STREET_WORDS for w in words):
            # Round 39: an everyday word capitalised as a street's own ("17 Ashley Down Road",
            # "4 Over Lane") is its name's; in lower case ("3 down the road") or a unit
            # ("5 Minutes Walk") it is not.
            if little is None:
                little = capitals_mean_little(text)
            if little or not all(_named_word(w) for w in words):
                continue
        end = m.end() - 1 if m.group().endswith(".") else m.end()
        yield Finding(m.start(), end, "ADDRESS", 0.9, "uk_address")
    for m in BARE_STREET.finditer(text):
        yield Finding(m.start(), m.end(), "ADDRESS", 0.7, "uk_address")
    for m in FLAT_ONLY.finditer(text):
        yield Finding(m.start(), m.end(), "ADDRESS", 0.6, "uk_address")
    plots = SITE_PLOT.search(text) is not None
    if plots and SITE_LIVING.search(text) and not ALLOTMENTS.search(text):
        for m in SITE_PLOT.finditer(text):
            yield Finding(m.start(), m.end(), "ADDRESS", 0.6, "site_plot")
    for m in NUMBER_THEN_NAME.finditer(text):
        yield Finding(m.start(), m.end(), "ADDRESS", 0.7, "uk_address")
    for m in HOUSE_NUMBER_ONLY.finditer(text) if AT_NUMBER.search(text) else ():
        yield Finding(m.start("house"), m.end("house"), "ADDRESS", 0.6, "uk_address")
