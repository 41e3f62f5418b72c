"""UK identifiers found by pattern and checksum, without any language model.

Each function takes the raw text and returns `Finding`s. They are deliberately case- and
spacing-tolerant (stories typed on phones come in lower case, ALL CAPS or without spaces) and
validate what can be validated (NHS mod-11, NI prefixes) so that ordinary numbers in a story
(doses, durations, years, times) are not flagged.

Fifth round (issue 20): landlines with a five-digit area code grouped like a four-digit one's,
flats by letter and Scottish tenement positions ("3/2, 41 ..."), street names ending in a
direction ("... Road West"), a house by its number alone ("at no. 9"), short references after
their cue ("Ref: PALS 23-1187") and a system's initials with a year and serial ("CRM 2024-18842").
Answers to forms and call handlers are nlp/identifiers/form_answers.py's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from nlp.identifiers.findings import Finding
from nlp.identifiers.form_answers import form_answers
from nlp.identifiers.hurried_emails import hurried_emails
from nlp.identifiers.name_gazetteer import gazetteer
from nlp.identifiers.name_shapes import (
    initial_sign_offs,
    initialled_names,
    initials_before_an_age,
    patronymics,
    quoted_nicknames,
    spelled_out,
    titles_and_initials,
)
from nlp.identifiers.number_words import NUMBER, SPOKEN_DIGITS, UNDER_100, as_int, spoken_digits
from nlp.identifiers.prefilter import gated, gated_all
from nlp.identifiers.schools_and_estates import schools_and_estates
from nlp.identifiers.sign_offs import sign_off_names
from nlp.identifiers.social_handles import social_handles

I = re.IGNORECASE  # noqa: E741 - short alias keeps the long patterns readable


@lru_cache(maxsize=256)
def capitals_mean_little(text: str) -> bool:
    """Typed all in lower case or ALL CAPS: patterns that rely on capitals read any case.
    Several detectors ask this of the same text; the answer is kept for the last few texts."""
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return bool(letters) and (upper < 0.015 * len(letters) or upper > 0.6 * len(letters))


# ---------------------------------------------------------------------------------------------
# NHS numbers: 10 digits (3-3-4 with optional space or hyphen) and a valid mod-11 check digit.

NHS_CANDIDATE = re.compile(r"(?<![\w+/.-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w/-]|\.\d)")
# Typed by hand the groups drift: "943  476  5919", "943 4765 919", "943476 5919", "943-476 5919".
# Ten digits in two or three groups of at least three, split by up to two spaces or a hyphen;
# the mod-11 check digit (one in eleven random numbers passes) is what keeps precision. A
# leading zero is a phone number's trunk prefix ("01632 96012"), never this loose shape's.
NHS_LOOSE = re.compile(
    r"(?<![\w+/.:(-])(?<!\d )(?!0)(\d{3,7})(?:[ ]{1,2}|[ ]?-[ ]?)(\d{3,7})"
    r"(?:(?:[ ]{1,2}|[ ]?-[ ]?)(\d{3,4}))?(?![\w/-]|\.\d|[ -]\d)"
)


def is_valid_nhs_number(digits: str) -> bool:
    """The NHS mod-11 check: weights 10..2 on the first nine digits; 10 is never valid."""
    if len(digits) != 10 or not digits.isdigit() or len(set(digits)) == 1:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


# A number written right after its own name is that number even when a digit was mistyped (the
# check digit then fails) or the writer used a made-up or test number: "NHS no. 444 555 6662",
# "H&C number is 712 334 9081" (Northern Ireland's Health and Care number), "CHI: 1103 487 221",
# "NHS number 401.023.2137" (grouped with dots, as a phone number sometimes is).
HEALTH_NUMBER_CUE = re.compile(
    r"\b(?P<kind>nhs|h\s?&\s?c|health\s+(?:and|&)\s+care|chi)\s*"
    r"(?:number|no\.?|num|#)?(?:['’]s)?\s*(?:(?:is|was|given|:)\s*){0,2}:?\s*"
    r"(?P<id>\d(?:[ -]{0,2}\d|\.\d){9})(?![\w/-]|[ .-]\d)",
    I,
)
HEALTH_NUMBER_CUE = gated(HEALTH_NUMBER_CUE)


def nhs_numbers(text: str) -> Iterator[Finding]:
    for m in HEALTH_NUMBER_CUE.finditer(text):
        label = "NHS_NUMBER" if m.group("kind").lower() == "nhs" else "OTHER_ID"
        yield Finding(m.start("id"), m.end("id"), label, 0.9, "health_number_cue")
    for m in NHS_CANDIDATE.finditer(text):
        if is_valid_nhs_number(m.group(1) + m.group(3) + m.group(4)):
            yield Finding(m.start(), m.end(), "NHS_NUMBER", 1.0, "nhs_mod11")
    for m in NHS_LOOSE.finditer(text):
        digits = "".join(g for g in m.groups() if g)
        if len(digits) == 10 and is_valid_nhs_number(digits):
            yield Finding(m.start(), m.end(), "NHS_NUMBER", 0.95, "nhs_mod11")


# ---------------------------------------------------------------------------------------------
# National Insurance numbers: two prefix letters (D, F, I, Q, U, V never; O never second;
# BG, GB, KN, NK, NT, TN, ZZ never allocated), six digits in any grouping, suffix A-D.

# Not the tail of a longer reference joined by a dash or slash ("HD-OP-778203").
NI_CANDIDATE = re.compile(
    r"(?<![\w])(?<!\w[/-])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ -]?(\d{2})[ -]?(\d{2})[ -]?(\d{2})"
    r"(?:[ -]?([A-D]))?(?!\w)",
    I,
)
NI_BAD_PREFIXES = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def is_valid_ni_number(value: str) -> bool:
    compact = re.sub(r"[\s-]", "", value).upper()
    m = re.fullmatch(r"([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])\d{6}[A-D]?", compact)
    return bool(m) and m.group(1) not in NI_BAD_PREFIXES


def ni_numbers(text: str) -> Iterator[Finding]:
    for m in NI_CANDIDATE.finditer(text):
        if m.group(1).upper() in NI_BAD_PREFIXES:
            continue
        # Without the suffix letter the shape is weaker evidence (and rarer in the wild).
        yield Finding(m.start(), m.end(), "NI_NUMBER", 1.0 if m.group(5) else 0.7, "ni_prefix")


# ---------------------------------------------------------------------------------------------
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


def postcodes(text: str) -> Iterator[Finding]:
    for m in POSTCODE.finditer(text):
        yield Finding(m.start(), m.end(), "POSTCODE", 1.0, "uk_postcode")


def postcode_district(postcode: str) -> str:
    """The outward code ("LS6 2AB" -> "LS6"): it names an area of thousands of households."""
    m = POSTCODE.fullmatch(postcode.strip())
    if m:
        return m.group(1).upper()
    # Spelt or spaced oddly ("L S 6 1 A B", "NE6. 5AB"): the inward code is the last three.
    packed = re.sub(r"[^A-Za-z0-9]", "", postcode).upper()
    m = POSTCODE.fullmatch(f"{packed[:-3]} {packed[-3:]}") if len(packed) > 4 else None
    return m.group(1).upper() if m else ""


# ---------------------------------------------------------------------------------------------
# Phones: UK national (0...) or international (+44 / 0044, optional "(0)") with 9-10 national
# digits in any grouping of spaces, hyphens, dots or brackets. Ofcom's drama ranges
# (07700 900xxx, 0113 496 0xxx ...) are ordinary numbers to this rule.

# Between digit groups: up to two spaces, dashes or a bracket, or one dot ("01632.960.418"),
# never a dot and a space: that ends a sentence, and "… 0005. 07700 900123" is two numbers.
PHONE_CANDIDATE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)44[\s.-]?(?:\(0\)[\s.-]?)?|\(0|0)[1-9](?:(?:[\s)-]{0,2}|\.)\d){8,10}"
    r"(?![\w])"
)
# A five-digit area code with the local part grouped as a four-digit code's is ("01422 496
# 0183", "01743-496-0051"): one digit too many for the numbering plan, but written in a phone's
# three groups (area code, three, four) it is a phone number to whoever reads it.
OVERLONG_LANDLINE = re.compile(r"0[12]\d{3}([ -])\d{3}\1\d{4}")
# The same candidate held to the plan's length: where the overlong reading fails, a number
# followed by another ("... on 0131 496 0552 2. Home visit", a list's next item) is still the
# phone it starts with.
PHONE_IN_PLAN = re.compile(PHONE_CANDIDATE.pattern.replace("{8,10}", "{8,9}"))
INTERNATIONAL_PREFIX = re.compile(r"^(?:\+|00)44[\s.-]?(?:\(0\)[\s.-]?)?")


def _trunk_form(number: str) -> str:
    """ "+44 (0)1422 496 0183", "(01422) 496 0183" -> "01422 496 0183"."""
    number = INTERNATIONAL_PREFIX.sub("0", number)
    return re.sub(r"^\((0\d+)\)", r"\1", number)


# A number given as a phone number is one even with a digit too many or too few ("line is 01632
# 960 0011", "my direct line is 0161 49 6073"): after a phone cue, a trunk zero (or a letter
# "o" typed for it) and 9 to 12 digits in groups.
PHONE_CUE = re.compile(
    r"\b(?:phone|tel|telephone|mobile|mob|landline|line|number|no|contacted\s+on|call\s+me\s+on|"
    r"ring\s+me\s+on|reach\s+me\s+on|text\s+me\s+on)\b\.?(?:['’]s)?\s*(?:(?:is|was|:)\s*)?"
    r"(?P<phone>[0oO](?:[\s.-]{0,2}\d){9,12})(?![\w])",
    I,
)
# "o7700 900 318": the letter o typed for the trunk zero of a mobile or landline number.
LETTER_O_PHONE = re.compile(r"(?<![\w])[oO](?=[1-9])(?:[\s.-]{0,2}\d){9,10}(?![\w])")


def phones(text: str) -> Iterator[Finding]:
    for m in PHONE_CUE.finditer(text):
        yield Finding(m.start("phone"), m.end("phone"), "PHONE", 0.85, "uk_phone_cue")
    for m in LETTER_O_PHONE.finditer(text):
        yield Finding(m.start(), m.end(), "PHONE", 0.85, "uk_phone")
    for m in PHONE_CANDIDATE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        national = digits[2:] if m.group().lstrip("(").startswith(("+", "00")) else digits[1:]
        if national.startswith("0"):
            national = national[1:]  # "+44 (0)7700 ..." carries the trunk zero in brackets
        if national.startswith("44") and m.group().startswith("00"):
            national = national[2:]
        if len(national) in (9, 10):
            yield Finding(m.start(), m.end(), "PHONE", 0.95, "uk_phone")
        elif len(national) == 11 and OVERLONG_LANDLINE.fullmatch(_trunk_form(m.group())):
            yield Finding(m.start(), m.end(), "PHONE", 0.85, "uk_phone")
        elif shorter := PHONE_IN_PLAN.match(text, m.start()):
            yield Finding(shorter.start(), shorter.end(), "PHONE", 0.9, "uk_phone")
    for m in SPOKEN_DIGITS.finditer(text):
        # Read out in words: a trunk zero then nine or ten digits, as written in digits.
        digits = spoken_digits(m.group())
        if digits[:1] == "0" and digits[1:2] != "0" and len(digits) in (10, 11):
            yield Finding(m.start(), m.end(), "PHONE", 0.9, "uk_phone_words")


# ---------------------------------------------------------------------------------------------
# Street lines: house number (optionally after "Flat 3,") then one to three name words then a
# street suffix. Name words may not be function words, so "2 hours down the road" is no address.

STREET_SUFFIX = (
    r"road|rd|street|st|avenue|ave|lane|ln|close|drive|crescent|grove|gardens|terrace|way|"
    r"place|court|walk|mews|square|row|hill|park|view|rise|green|parade|boulevard|vale|"
    r"fold|wynd|brae|gate|croft|meadows?|chase|end|yard|wharf|quay|circus|approach|highway|"
    r"mount|lea|broadway|parkway|heights|dale|ridge|drove|mead|embankment|causeway"
)
# Before the house number: "Flat 3,", "Flat C," (a flat by letter), or a Scottish tenement's
# floor and door, "3/2," or "Flat 0/1,". After the suffix, a capitalised "North", "West" ... that
# is part of the street's name ("Dudley Road West").
# "c/o 14 High St" (care of: a hostel or a relative's address); a tenement's "2/1" may come
# without its comma ("2/1 14 Gardner St").
FLAT_PREFIX = (
    r"(?:(?:flat|apartment|apt\.?|unit|room)\s*(?:\d{1,4}[a-z]?|\d{1,2}/\d{1,2}|[a-z](?![\w'’]))"
    r"\s*,?\s+|\d{1,2}/\d{1,2}\s*(?:,\s*|\s+)(?=\d)|c/o\s+)"
)
STREET_DIRECTION = r"\s+(?-i:North|South|East|West|Upper|Lower)(?![\w'’-]|\s+[A-Z])"
ADDRESS = re.compile(
    rf"(?<![\w/])(?:{FLAT_PREFIX})?"
    r"(?:no\.?\s*)?(\d{1,4}(?:/\d{1,3})?[a-z]?)\s*,?\s+((?:[a-z][a-z'’-]*\s+){1,3}?)"
    rf"(?:{STREET_SUFFIX})\b(?:{STREET_DIRECTION}|\.?)",
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
# A flat, or a traveller site's pitch or a mooring's berth by its number ("it's Pitch 9").
FLAT_ONLY = re.compile(r"(?<![\w])(?:flat|apartment|apt\.?|pitch|berth)\s*\d{1,4}[a-z]?\b", I)
FLAT_ONLY = gated(FLAT_ONLY)
# "Number 8, The Paddocks", "no. 3 The Limes": a house number said as a number, then a named
# close or row that carries no street suffix but its capitals and "The".
NUMBER_THEN_NAME = re.compile(
    r"(?<![\w])(?:number|no\.?)\s*\d{1,4}[a-z]?,?\s+(?-i:The\s+[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+)?)",
    I,
)
NUMBER_THEN_NAME = gated(NUMBER_THEN_NAME)
NOT_STREET_WORDS = frozenset(
    """the a an my our his her their your this that these those of in on at to for from by with
    and or but up down into onto over under past across along round around out off about
    hours hour minutes minute mins days day weeks week months month years year miles mile times
    yards metres meters steps stone pounds people patients staff beds doors floors flights
    more less than just only about nearly almost over under other same next last first""".split()
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
WELSH_STREET = (
    r"(?:Heol|Ffordd|Stryd|L[oô]n|Maes|Cae|Rhodfa|Cilgant|Clos|Teras|Gerddi|Cwrt|Llwybr)"
    rf"(?:\s+(?:y|yr)\s+|['’]r\s+|\s+){_WCAP}(?:\s+{_WCAP})?"
)
BUILDING = (
    rf"(?:(?:The\s+)?(?:{_CAP}\s+){{0,2}}(?:{HOUSE_WORDS}|{_SUFFIXES_CAPITALISED})|{WELSH_HOUSE}"
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
# Welsh street names are streets without a number ("Heol y Parc", "Rhodfa'r Môr"), and
# after one ("12 Cilgant y Bryn"): the English suffix rule above cannot see them.
WELSH_STREET_LINE = re.compile(
    rf"(?<![\w])(?:\d{{1,4}}[a-z]?,?\s+)?{WELSH_STREET}(?![\w'’])"
    rf"|(?<![\w])\d{{1,4}}[a-z]?,?\s+{COMPOUND_STREET}"
)


# A Welsh house or lane named with its article ("Pen y Bryn", "2 Tan y Bryn", "Bron yr Aur"):
# a head word of the landscape, "y"/"yr", a capitalised noun. No street suffix is needed: the
# article inside a capitalised name marks it, where "Bryn Jones" is a man.
WELSH_NAMED_PLACE = re.compile(
    r"(?<![\w'’])(?:\d{1,4}[a-z]?,?\s+)?"
    r"(?:T[yŷ]|Bryn|Bron|Pen|Plas|Hafod|Llys|Maes|Cae|Glan|Nant|Tan|Bod|Coed|Pant|Gwern|Erw)"
    rf"\s+(?:y|yr)\s+{_WCAP}(?![\w'’])"
)


# A street named without a house number: "the chemist on Bridge Street", "go home to Station
# Road", "the bus stop on Church Lane". Only the suffixes that are nearly always streets,
# capitalised as written, after one to three capitalised words ("Duke of York Terrace"); "St"
# before a capitalised word is a saint ("St Mary's").
_NOT_STREET_START = "|".join(
    w.capitalize()
    for w in """at in on to from by of and or my our your his her their this that every any no
    wrong same long open one""".split()
)
BARE_STREET = re.compile(
    rf"(?<![\w'’-])(?!(?:{_NOT_STREET_START})\s)"
    rf"(?:\d{{1,4}}[a-z]?,?\s+)?{_CAP}(?:\s+(?:of\s+|upon\s+)?{_CAP}){{0,2}}\s+"
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


def _block_part(part: str) -> bool:
    """An address part, not a closing word ("Thanks", "Kind Regards") on a line of its own."""
    if not BLOCK_PART.fullmatch(part):
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
    for m in ADDRESS_CHAIN.finditer(text):
        yield Finding(m.start(), m.end(), "ADDRESS", 0.85, "uk_address")
    for m in BUILDING_ON_STREET.finditer(text):
        for part in ("building", "street"):
            yield Finding(m.start(part), m.end(part), "ADDRESS", 0.8, "uk_address")
    for m in WELSH_STREET_LINE.finditer(text):
        yield Finding(m.start(), m.end(), "ADDRESS", 0.8, "uk_address")
    for m in WELSH_NAMED_PLACE.finditer(text):
        yield Finding(m.start(), m.end(), "ADDRESS", 0.75, "uk_address")
    if capitals_mean_little(text):
        for m in WELSH_STREET_ANY_CASE.finditer(text):
            yield Finding(m.start(), m.end(), "ADDRESS", 0.75, "uk_address")
    for m in ADDRESS.finditer(text):
        words = m.group(2).lower().split()
        if any(w.strip("'’-") in NOT_STREET_WORDS for w in words):
            continue
        end = m.end() - 1 if m.group().endswith(".") else m.end()
        yield Finding(m.start(), end, "ADDRESS", 0.9, "uk_address")
    for m in BARE_STREET.finditer(text):
        yield Finding(m.start(), m.end(), "ADDRESS", 0.7, "uk_address")
    for m in FLAT_ONLY.finditer(text):
        yield Finding(m.start(), m.end(), "ADDRESS", 0.6, "uk_address")
    for m in NUMBER_THEN_NAME.finditer(text):
        yield Finding(m.start(), m.end(), "ADDRESS", 0.7, "uk_address")
    for m in HOUSE_NUMBER_ONLY.finditer(text):
        yield Finding(m.start("house"), m.end("house"), "ADDRESS", 0.6, "uk_address")


# ---------------------------------------------------------------------------------------------
# Dates of birth: a date (day first, or month and year, or a bare year) right after a birth cue.

MONTH = (
    r"(?:jan(?:uary)?|feb(?:r?uary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?:(?:19|20)\d{2}|['’]\d{2})"
DATE = (
    rf"(?:{DAY}[/.-][01]?\d[/.-](?:\d{{4}}|\d{{2}})"
    rf"|(?:19|20)\d{{2}}[/.-][01]?\d[/.-][0-3]?\d"  # ISO: "1951-11-04"
    rf"|[0-3]?\d\s[01]?\d\s(?:19|20)\d{{2}}"  # spoken or typed with spaces: "3 9 1947"
    rf"|{DAY}(?:\s+of)?\s+{MONTH},?\s+{YEAR}"
    rf"|{MONTH}\s+{DAY},?\s+{YEAR}"
    rf"|{MONTH},?\s+{YEAR}"
    rf"|(?:19|20)\d{{2}}|['’]\d{{2}})"
)
# "date of birth" as typed in a hurry or said: "date o birth", "date ov birth", "dat of brith".
BIRTH_WORD = r"(?:birth|brith|bith|birht|berth)"
BIRTH_CUE = (
    rf"\b(?:born|date?\s+(?:of|o|o['’]|ov|off)?\s*{BIRTH_WORD}|year\s+(?:of|o)\s+{BIRTH_WORD}|"
    r"yob|d\.?\s?o\.?\s?b\.?|birth\s*(?:date|year)|birthday|b\.)"
    r"[\s:,.–—-]*(?:(?:on|in|is|was|the|of|:|-)\s+){0,3}"
)
# Right after its cue a date may also be written as case notes and forms do: figures run
# together ("DOB 030451", "dob 03041951", day and month checked) or the month as an ordinal ("3rd
# of the 4th 1951").
RUN_TOGETHER_DATE = r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)?\d{2}"
ORDINAL_MONTH_DATE = rf"{DAY}\s+of\s+the\s+(?:0?[1-9]|1[0-2])(?:st|nd|rd|th)\s*,?\s*{YEAR}"
DOB = re.compile(
    rf"{BIRTH_CUE}(?P<date>{ORDINAL_MONTH_DATE}|{DATE}|{RUN_TOGETHER_DATE})(?![\w/])", I
)


# Twentieth round: the cue a few words before a full date set off by a dash, colon or bracket:
# "asked for her date of birth three times – 3rd May 1939". Only a whole date (day, month and
# year) so far from its cue: "date of birth on the form - 2023 version" stays.
FULL_DATE = (
    rf"(?:{DAY}[/.-][01]?\d[/.-](?:\d{{4}}|\d{{2}})|{DAY}(?:\s+of)?\s+{MONTH},?\s+(?:19|20)\d{{2}}"
    rf"|{MONTH}\s+{DAY},?\s+(?:19|20)\d{{2}})"
)
DOB_NEARBY = re.compile(
    rf"\b(?:date\s+of\s+{BIRTH_WORD}|d\.?o\.?b\b\.?)[^.!?\n:()–—-]{{1,40}}?"
    rf"[ \t]*[–—:(-][ \t]*(?P<date>{FULL_DATE})(?![\w/])",
    I,
)


# "Mum (1931–2023)", "Grandad (b.1940)", "born '58": a year of birth written as people do.
LIFESPAN = re.compile(
    r"\(\s*(?:b\.?\s*|born\s+)?(?P<date>(?:19|20)\d{2})\s*(?:[-–—]\s*(?:(?:19|20)\d{2})?\s*)?\)",
    I,
)


# "a 1961 baby", "a 1940s child" is an era; "a 1961 baby" names the year someone was born.
BIRTH_YEAR_BABY = re.compile(r"\b(?:a|an)\s+(?P<date>(?:19|20)\d{2})\s+(?:baby|babe)\b", I)
BIRTH_YEAR_BABY = gated(BIRTH_YEAR_BABY)


def dates_of_birth(text: str) -> Iterator[Finding]:
    for m in DOB.finditer(text):
        yield Finding(m.start("date"), m.end("date"), "DATE_OF_BIRTH", 0.95, "dob_cue")
    for m in DOB_NEARBY.finditer(text):
        yield Finding(m.start("date"), m.end("date"), "DATE_OF_BIRTH", 0.85, "dob_cue")
    for m in BIRTH_YEAR_BABY.finditer(text):
        yield Finding(m.start("date"), m.end("date"), "DATE_OF_BIRTH", 0.8, "dob_cue")
    for m in LIFESPAN.finditer(text):
        if _after_a_person(text, m.start()):
            yield Finding(m.start("date"), m.end("date"), "DATE_OF_BIRTH", 0.8, "dob_cue")


RELATIVES = re.compile(
    r"(?:mum|mam|mom|mother|dad|father|nan|nana|nanna|gran|granny|grandma|grandad|granddad|"
    r"grandpa|grandmother|grandfather|husband|wife|partner|son|daughter|brother|sister|aunt|"
    r"auntie|uncle)['’]?s?",
    I,
)


def _after_a_person(text: str, at: int) -> bool:
    """ "Mum (1931–2023)", "Olwen Parry (b.1940)": a relative, or a capitalised word inside a
    sentence, right before the brackets (not "Reports (2019-2020)" opening a sentence)."""
    m = re.search(r"([\w'’-]+)\s*$", text[max(0, at - 40) : at])
    if not m:
        return False
    word = m.group(1)
    if RELATIVES.fullmatch(word):
        return True
    before = text[: at - len(m.group(0))].rstrip()
    return word[:1].isupper() and bool(before) and before[-1] not in ".!?\n:;"


# Event dates (not identifiers) are generalised to month and year by the anonymiser.
EVENT_DATE = re.compile(
    rf"(?<![\w/])(?:(?P<d1>{DAY})[/.-](?P<m1>[01]?\d)[/.-](?P<y1>\d{{4}})"
    rf"|(?P<d2>{DAY})(?:\s+of)?\s+(?P<m2>{MONTH}),?\s+(?P<y2>(?:19|20)\d{{2}}))(?![\w/])",
    I,
)

# ---------------------------------------------------------------------------------------------
# Ages that narrow who someone is: "aged 92", "I'm 84", "84 years old", "Carly (88)".

AGE_UNIT_AFTER = (
    r"(?!\s*(?:%|am\b|pm\b|a\.m|p\.m|mg|mcg|ml|kg|g\b|cm|mm|miles?|weeks?|days?|hours?|hrs?|"
    r"minutes?|mins?|months?|times?|stone|st\b|lbs?|pounds?|o'?clock|:|\.\d|/|percent|"
    r"people|patients|beds|steps|calls|nights?|x\b|of\b|or\b|more\b|other\b|hundred\b))"
)
# An age in digits or in words ("84", "eighty-four").
N = rf"(?P<n>\d{{1,3}}|{NUMBER})"
AGES = (
    re.compile(rf"\b(?:aged|age|ages)\s*(?:of\s+)?:?\s*{N}\b{AGE_UNIT_AFTER}", I),
    re.compile(rf"\b{N}\s*(?:-|\s)?\s*(?:years?|yrs?|yr)\s*(?:-|\s)?\s*(?:old|auld|of\s+age)\b", I),
    re.compile(r"\b(?P<n>\d{1,3})\s*(?:yo|y/o|y\.o\.?)(?!\w)", I),
    # "a man of 79", "a lady of ninety", "a gentleman of 91": a person described by age.
    re.compile(
        r"\b(?:man|woman|lady|gentleman|gent|person|patient|boy|girl|lad|lass|child|chap|"
        rf"fellow|widow|widower|pensioner)\s+of\s+{N}\b{AGE_UNIT_AFTER}"
        r"(?!\s*(?:years?|yrs?|foot|feet|ft|inches|in\b|words|visits?))",
        I,
    ),
    # "she's 78", "they're 3", "she's still 17", "she's "only 78"", "she'd have been 90".
    re.compile(
        r"\b(?:i'?m|i\s+am|i\s+was|he'?s|she'?s|he\s+is|she\s+is|they\s+are|who\s+is|who'?s|"
        r"(?:he|she)\s+was(?=\s+still\b)|they['’]?re|we['’]re|you['’]?re|ur|"
        r"(?:would|he['’]d|she['’]d|i['’]d)\s+(?:have\s+)?(?:been|be)|"
        r"is\s+now|is\s+only|is\s+just|was\s+only|turned|turns|turning|reached|"
        r"at\s+the\s+age\s+of)\s+"
        rf"[\"“‘']?(?:just\s+|now\s+|only\s+|still\s+)?{N}\b{AGE_UNIT_AFTER}",
        I,
    ),
    # "He's 20 months.", "she's 6 weeks and": a baby's age without "old".
    re.compile(
        r"\b(?:he['’]?s|she['’]?s|he\s+is|she\s+is|they['’]?re|baby\s+is|baby['’]s)\s+"
        rf"(?:only\s+|just\s+)?{N}\s*(?:months?|weeks?|days?)(?=\s*(?:[.,;!?)]|$|and\b))",
        I,
    ),
    # "a gent 79 lives alone", "a man 86 who": a person described by a bare age.
    re.compile(
        r"\b(?:man|woman|lady|gentleman|gent|chap|fella|fellow|widow|widower|pensioner)\s+"
        rf"{N}\s+(?=(?:lives|lived|is|was|has|had|who|with|walked|waiting|cares)\b)",
        I,
    ),
    # "Carly Bartlett (88)": a bracketed number after a capitalised word and a space (not the
    # "1" of "alert(1)"), or after "then", "now", "aged" inside the brackets.
    re.compile(rf"(?<![\w'’])[A-Z][\w'’-]*\s+\(\s*{N}\s*\)"),
    # "my dad (79)", "her husband (82)": the same after a relative, written in lower case.
    re.compile(rf"\b{RELATIVES.pattern}\s+\(\s*{N}\s*\)", I),
    # "(my grandson, 4)", "(her sister, 70)": a relative and an age in brackets.
    re.compile(
        r"\(\s*(?:my|her|his|our|their)?\s*(?:grand|great-grand)?(?:son|daughter|child|"
        rf"{RELATIVES.pattern})\s*,\s*{N}\s*\)",
        I,
    ),
    # "Bill, 82, was left": a capitalised word, then the age between commas, then the sentence
    # goes on in lower case (not a list of numbers).
    re.compile(
        r"(?<![\w'’])(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|"
        r"April|May|June|July|August|September|October|November|December)\b)"
        rf"[A-Z][a-z'’-]+,\s*{N},\s+(?=[a-z])"
    ),
    re.compile(rf"\(\s*(?:then|now|aged?|age)\s+{N}\s*\)", I),
    re.compile(rf"\bat\s+{N},\s+(?:she|he|i|they|my|her|his|we)\b", I),
    # "At 19 I was diagnosed": without the comma only past the hours of a clock ("at 3 I was").
    re.compile(
        r"\bat\s+(?P<n>1[3-9]|[2-9]\d|1[01]\d)\s+(?:she|he|i|they|we)\s+"
        r"(?:was|were|had|got|became|lost|left|moved|started|found|joined|married)\b",
        I,
    ),
    re.compile(
        r"\b(?:he|she|who|they|mum|mom|mam|dad|son|daughter|wife|husband|partner|brother|sister"
        r"|uncle|aunt|auntie|nan|nana|gran|granny|grandad|grandma|grandson|granddaughter|father"
        r"|mother|child|baby|boy|girl|friend|neighbour)(?:-in-law)?(?:\s+(?:is|was|turned)|['’]s)\s+"
        rf"(?:now\s+|only\s+|just\s+)?{N}\b{AGE_UNIT_AFTER}(?!\s*(?:-|to)\s*\d)",
        I,
    ),
)
AGES = gated_all(AGES)


# A baby's or child's age: "20 months old", "six weeks old", "3-month-old". Numbers in words
# make the pattern slow, so it runs only where the cheap check finds "weeks old" and the like.
BABY_AGE = re.compile(
    rf"(?<![\d.,])\b{N}\s*(?:-|\s)?\s*(?:months?|weeks?|days?)\s*(?:-|\s)?\s*old\b", I
)
BABY_AGE_HINT = re.compile(r"(?:month|week|day)s?\s*(?:-|\s)?\s*old\b", I)
BABY_AGE_HINT = gated(BABY_AGE_HINT)


BABY_UNIT = re.compile(r"\s*(?:-|\s)?\s*(?:months?|weeks?|days?)\b", I)
# "I'm seventy... seventy-six", "he's 86 - 87 in May", "she's 90, no, 91": a speaker corrects
# or adds to an age.
AGE_CORRECTED = re.compile(
    rf"\s*(?:\.{{2,}}|…|—|–|-|,?\s*(?:no|sorry|i\s+mean|or)\s*[,.…—–-]?)\s*{N}\b{AGE_UNIT_AFTER}",
    I,
)


def ages(text: str) -> Iterator[Finding]:
    patterns = (*AGES, BABY_AGE) if BABY_AGE_HINT.search(text) else AGES
    for pattern in patterns:
        for m in pattern.finditer(text):
            n = as_int(m.group("n"))
            in_words = not m.group("n").isdigit()
            if n is not None and 0 < n <= 115 and not (in_words and n == 1):
                # A baby's age keeps its unit: "20 months" says more than "20".
                unit = BABY_UNIT.match(text, m.end("n"))
                end = unit.end() if unit else m.end("n")
                yield Finding(m.start("n"), end, "AGE", 0.85, "age_cue")
                again = AGE_CORRECTED.match(text, m.end("n"), min(len(text), m.end("n") + 40))
                if again and (as_int(again.group("n")) or 0) > 0:
                    yield Finding(again.start("n"), again.end("n"), "AGE", 0.8, "age_cue")


def age_band(age: int) -> str:
    if age < 18:
        return "under 18"
    if age >= 90:
        return "90+"
    low = age // 10 * 10
    return f"{low}-{low + 9}"


# ---------------------------------------------------------------------------------------------
# Other identifiers: hospital numbers, case and complaint references, CHI numbers.

ID_CUE = (
    r"(?:hospital|patient|unit|mrn|chi|case|complaint|pals|reference|ref|record|crn|"
    r"nhs\s+trust)\s*(?:number|no\.?|num|id|ref(?:erence)?|#)?\s*(?:is|was|:|#)?\s*"
)
OTHER_IDS = (
    re.compile(rf"\b{ID_CUE}(?P<id>[A-Z]{{0,4}}[/-]?\d{{5,12}}[A-Z]?)(?![\w])", I),
    # Hospital and CHI numbers written in groups: "J 448 7712", "MRN 00 4471 9320", "RX4 556 7721".
    re.compile(
        rf"\b{ID_CUE}(?P<id>(?:[A-Z]{{1,5}}\d?\s?)?\d{{2,6}}(?:\s\d{{2,6}}){{1,3}}[A-Z]?)(?![\w])",
        I,
    ),
    # Organisations' own reference formats: groups of letters and digits joined by slashes or
    # dashes, with a run of three or more digits ("BCU/COMP/22/0418", "2023-PALS-0914").
    re.compile(
        r"(?<![\w/.-])(?P<id>(?=[A-Z0-9/-]*\d{3})[A-Z0-9]{1,10}(?:[/-][A-Z0-9]{1,10}){1,4})"
        r"(?![\w/-]|\.\w)",
        I,
    ),
    re.compile(r"(?<![\w/])(?P<id>[A-Z]{2,6}/\d{2,4}/\d{2,8})(?![\w/])", I),
    re.compile(r"(?<![\w-])(?P<id>[A-Z]{2,5}-\d{4,10})(?![\w-])", I),
    re.compile(r"(?<![\w])(?P<id>[A-Z]{1,4}\d{6,10}[A-Z]?)(?![\w])", I),
    re.compile(r"(?<![\w.,/:+-])(?P<id>\d{7,12})(?![\w/:]|[.,]\d)"),
)
OTHER_IDS = gated_all(OTHER_IDS)


# A short reference after its own cue, with the team's or system's initials between: "Ref: PALS
# 23-1187", "our ref ASC/22-904", "case no. 24-00318". Two groups joined by a dash or a slash,
# the second of three or more digits, so neither a date ("12/03") nor a range ("3-4") is taken.
CUED_SHORT_REF = re.compile(
    r"\b(?:ref(?:erence)?|our\s+ref|case|complaint|pals)\s*(?:number|no\.?|#)?\s*[:#]?\s*"
    r"(?:(?-i:[A-Z]{2,6})[\s/]+)?(?P<id>\d{2,4}[-/]\d{3,6})(?![\w/-])",
    I,
)
CUED_SHORT_REF = gated(CUED_SHORT_REF)
# A system's initials, a year and a serial: "CRM 2024-18842", "DATIX 2023/0412", "LFR 2022-771".
INITIALS_YEAR_SERIAL = re.compile(
    r"(?<![\w/-])(?P<id>(?-i:[A-Z]{2,6})\s(?:19|20)\d{2}[-/]\d{3,7})(?![\w/-])"
)
INITIALS_YEAR_SERIAL = gated(INITIALS_YEAR_SERIAL)


NOT_A_REFERENCE = re.compile(
    r"\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?|\d{4}[/-]\d{2,4}|\d{1,4}[/-]\d{1,4}|"
    r"[A-Z]+(?:-[A-Z]+)*-\d{1,2}|\d+(?:[/-]\d{1,3})+",
    I,
)


# A prison number in the national format (one letter, four digits, two letters: "A1234BC"),
# written with or without a cue; in capitals only, as it is issued.
PRISON_NUMBER = re.compile(r"(?<![\w/-])(?P<id>[A-Z]\d{4}[A-Z]{2})(?![\w/-])")


def other_ids(text: str) -> Iterator[Finding]:
    for pattern in (CUED_SHORT_REF, INITIALS_YEAR_SERIAL, PRISON_NUMBER):
        for m in pattern.finditer(text):
            yield Finding(m.start("id"), m.end("id"), "OTHER_ID", 0.85, "id_pattern")
    for rank, pattern in enumerate(OTHER_IDS):
        score = 0.9 if rank < len(OTHER_IDS) - 1 else 0.5
        for m in pattern.finditer(text):
            value = m.group("id")
            if NOT_A_REFERENCE.fullmatch(value):
                continue  # dates, year ranges, "24/7", "COVID-19", "3-4-5"
            yield Finding(m.start("id"), m.end("id"), "OTHER_ID", score, "id_pattern")


def pattern_findings(text: str) -> list[Finding]:
    """Every identifier this module can find by pattern alone (overlaps not yet settled)."""
    found: list[Finding] = []
    for detector in (
        nhs_numbers,
        ni_numbers,
        postcodes,
        phones,
        addresses,
        dates_of_birth,
        ages,
        other_ids,
        hurried_emails,
        sign_off_names,
        initialled_names,
        initials_before_an_age,
        quoted_nicknames,
        initial_sign_offs,
        spelled_out,
        titles_and_initials,
        social_handles,
        schools_and_estates,
        form_answers,
        patronymics,
    ):
        found.extend(detector(text))
    return found
