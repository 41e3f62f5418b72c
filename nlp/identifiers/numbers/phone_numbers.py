"""UK phone numbers: in figures in any grouping, after a phone cue, or read out in words.

People group a phone number every way ("0161 496 0000", "07700-900-123", "+44 (0)7700
900123"), so a candidate is judged by how many national digits it holds rather than by one
grouping; after a cue ("my direct line is ...") a digit too many or too few is still a phone
number. Fifth round (issue 20): landlines with a five-digit area code grouped like a four-digit
one's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.number_words import SPOKEN_DIGITS, spoken_digits
from nlp.identifiers.core.prefilter import gated

I = re.IGNORECASE  # noqa: E741 - short alias keeps the long patterns readable


# Phones: UK national (0...) or international (+44 / 0044, optional "(0)") with 9-10 national
# digits in any grouping of spaces, hyphens, dots or brackets. Ofcom's drama ranges
# (07700 900xxx, 0113 496 0xxx ...) are ordinary numbers to this rule.

# Between digit groups: up to two spaces, dashes or a bracket, or one dot ("01632.960.418"),
# never a dot and a space: that ends a sentence, and "… 0005. 07700 900123" is two numbers.
# Never a line break either (round 100): "Tel: 07700 900314", then "48 year old man" on the
# next line, read as one number of thirteen figures, and the age under it was lost (v150; nine
# numbers in the development sets took a list's next figure, a date or a house number so).
# Eighteenth session: the international access code written apart from the country code ("00
# 44 7700 900321").
# Round 57: a mobile's trunk zero typed apart from the rest ("now 0 7700 900 576"; a retired
# set, v64, in four messages).
PHONE_CANDIDATE = re.compile(
    r"(?<![\w+])(?:(?:\+|00[ \t]?)44[ \t.-]?(?:\(0\)[ \t.-]?)?|\(0|0(?:[ \t](?=7))?)[1-9]"
    r"(?:(?:[ \t)-]{0,2}|\.)\d){8,10}(?![\w])"
)
# A five-digit area code with the local part grouped as a four-digit code's is ("01422 496
# 0183", "01743-496-0051"): one digit too many for the numbering plan, but written in a phone's
# three groups (area code, three, four) it is a phone number to whoever reads it.
OVERLONG_LANDLINE = re.compile(r"0[12]\d{3}([ -])\d{3}\1\d{4}")
# The same candidate held to the plan's length: where the overlong reading fails, a number
# followed by another ("... on 0131 496 0552 2. Home visit", a list's next item) is still the
# phone it starts with.
PHONE_IN_PLAN = re.compile(PHONE_CANDIDATE.pattern.replace("{8,10}", "{8,9}"))
# Round 78: figures after a reference's letters and a hyphen are the reference's own ("INC-0719-
# 2231 23:31", "SIN-01342810-4440"; two writers' sets, v81 and v107, and no phone in the
# development sets is written so), unless the letters ask for a phone ("tel-07700 900123").
REFERENCE_LETTERS = re.compile(r"(?<![\w-])(?P<letters>[A-Za-z]+)-$")
PHONE_WORDS = frozenset("tel telephone phone mob mobile ph t m landline cell".split())
INTERNATIONAL_PREFIX = re.compile(r"^(?:\+|00[ \t]?)44[\s.-]?(?:\(0\)[\s.-]?)?")


def _trunk_form(number: str) -> str:
    """ "+44 (0)1422 496 0183", "(01422) 496 0183" -> "01422 496 0183"; and the whole number
    in brackets, "(01422 496 0183" as the candidate starts (twenty-sixth round)."""
    number = INTERNATIONAL_PREFIX.sub("0", number)
    if number.startswith("(") and not re.match(r"\(0\d+\)", number):
        return number[1:]
    return re.sub(r"^\((0\d+)\)", r"\1", number)


# A number given as a phone number is one even with a digit too many or too few ("line is 01632
# 960 0011", "my direct line is 0161 49 6073"): after a phone cue, a trunk zero (or a letter
# "o" typed for it) and 9 to 12 digits in groups.
PHONE_CUE = re.compile(
    r"\b(?:phone|tel|telephone|mobile|mob|landline|line|number|no|contacted\s+on|call\s+me\s+on|"
    r"ring\s+me\s+on|reach\s+me\s+on|text\s+me\s+on)\b\.?(?:['’]s)?\s*(?:(?:is|was|:)\s*)?"
    r"(?P<phone>[0oO](?:[ \t.-]{0,2}\d){9,12})(?![\w])",
    I,
)
PHONE_CUE = gated(PHONE_CUE)  # run over whole texts: see prefilter.py
# Round 80: a local number, given without its area code after words that only a phone takes
# ("new phone number is 9649 6514", "ring us back on 9649 6547", "TEL 9649 6010", "Best contact
# is 9649 6887"): seven or eight figures in two groups, the first not a zero, and not two years
# ("ring 2019 2020"). A bare "number" or "no" is no cue here (a bus pass or a case has one), and
# a helpline's six figures ("116 123") are no one's line.
LOCAL_PHONE_CUE = gated(
    re.compile(
        r"\b(?:(?:phone|tel|telephone|mobile|mob|landline)(?:\s+(?:number|no))?\.?\s*"
        r"(?:(?:is|was|:)\s*)?|contact(?:\s+(?:number|no))?\s*(?:is|:)\s*|"
        r"(?:ring|call|text|contact|reach)(?:\s+(?:me|us|him|her|them))?(?:\s+back)?"
        r"(?:\s+on)?\s+)"
        r"(?!(?:19|20)\d\d[ \t-](?:19|20)\d\d)(?P<phone>[1-9]\d{2,3}[ \t-]\d{4})"
        r"(?![\w/-]|\.\d|[ \t]*\d)",
        I,
    )
)
# "o7700 900 318": the letter o typed for the trunk zero of a mobile or landline number.
LETTER_O_PHONE = re.compile(r"(?<![\w])[oO](?=[1-9])(?:[ \t.-]{0,2}\d){9,10}(?![\w])")


# Thirty-fifth round: a switchboard's extension after the number ("01632 960447 ext. 3",
# "extension 40"; "x" only before three figures or more, "x 2214", not "x 2 tablets") belongs
# to it: a letter's secretary is reached by both together.
EXTENSION = re.compile(
    r"[ \t]*(?:,[ \t]*)?\(?(?:(?:ext|extn|extension)\.?[ \t]*\d{1,5}|x[ \t]?\d{3,5})\)?(?![\w/])",
    re.I,
)


# Round 50: Relay UK's prefix dialled before the number ("text relay: 18001 07700 900772"),
# which a deaf caller gives as how to reach them; the writers who write one mark it with the
# number (v16, v20).
RELAY_PREFIX = re.compile(r"(?<![\w])1800[12][ \t]$")


# Round 90: the country code written before a number that keeps its trunk zero ("(+44)
# 07700-900-845", "+44 07700 900311"; v131 in seven messages and forms), which the number
# found from its zero left out.
COUNTRY_CODE_BEFORE = re.compile(r"(?<![\w+(])(?:\(\+?44\)|\+44|0044)[ \t]?$")


# Twenty-fifth session: the international form without its "+" ("447700900011"), as text
# message services and exported spreadsheets write a sender: 44, then a landline's or a
# mobile's ten national figures, run together.
E164_WITHOUT_PLUS = re.compile(r"(?<![\w+.])44(?:[1-3]\d{9}|7[1-9]\d{8})(?![\w.])")


def phones(text: str) -> Iterator[Finding]:
    """Every phone number, with the extension that follows it and a text relay prefix or a
    country code before it."""
    for f in _phones(text):
        ext = EXTENSION.match(text, f.end) if "x" in text[f.end : f.end + 14].lower() else None
        relay = RELAY_PREFIX.search(text, max(0, f.start - 7), f.start)
        start = relay.start() if relay else f.start
        country = COUNTRY_CODE_BEFORE.search(text, max(0, f.start - 6), f.start)
        start = country.start() if country else start
        end = ext.end() if ext else f.end
        if (start, end) == (f.start, f.end):
            yield f
        else:
            yield Finding(start, end, f.label, f.score, f.source)


def _phones(text: str) -> Iterator[Finding]:
    for m in PHONE_CUE.finditer(text):
        yield Finding(m.start("phone"), m.end("phone"), "PHONE", 0.85, "uk_phone_cue")
    for m in LETTER_O_PHONE.finditer(text):
        yield Finding(m.start(), m.end(), "PHONE", 0.85, "uk_phone")
    for m in LOCAL_PHONE_CUE.finditer(text):
        yield Finding(m.start("phone"), m.end("phone"), "PHONE", 0.8, "local_phone_cue")
    for m in PHONE_CANDIDATE.finditer(text):
        glued = REFERENCE_LETTERS.search(text, max(0, m.start() - 12), m.start())
        if glued and glued.group("letters").lower() not in PHONE_WORDS:
            continue  # "INC-0719-2231": a reference's figures
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
    for m in E164_WITHOUT_PLUS.finditer(text):
        yield Finding(m.start(), m.end(), "PHONE", 0.85, "uk_phone")
    for m in SPOKEN_DIGITS.finditer(text):
        # Read out in words: a trunk zero then nine or ten digits, as written in digits.
        digits = spoken_digits(m.group())
        if digits[:1] == "0" and digits[1:2] != "0" and len(digits) in (10, 11):
            yield Finding(m.start(), m.end(), "PHONE", 0.9, "uk_phone_words")
