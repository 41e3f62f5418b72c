"""A house's number and its street's name without a street's kind, before its town (issue 20,
round 78).

Many streets have no "Road" or "Lane" in their name: "4 The Paddocks, Ashbourne", "27 HOLLY
BANK SKIPTON", "152 Ashgrove, Walsall", "7 Ceann an Rubha, Tolastadh", "2 BRO DYFRDWY,
CORWEN", "48a Canal Side, IV3 8BE", "flat 6 31 westgate wf1 1jy". The address rules read a
numbered line by its street's kind word, so these were left, each a street and a number
pinning one house. Pooled over the development sets, 27 such lines were missed in seventeen
sets by different writers (312 with a kind word were caught).

A house number, then one to three words of the text's own case (a leading "the" allowed), then
a found town or postcode: the number and the words are one address. Or, after words that say
where someone lives ("I live at", "address:", "home is"), the same line closing a clause. Not
a number of anything else ("Ward 4", "room 12", "aged 84", "in 3 weeks"), not words of time,
measure or care ("2 tablets", "3 Harbour Ward"), and not a figure some other rule has
already read (an age, a phone's figures, a date).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.medicine_brands import MEDICINE_BRANDS
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.token_words import CARE_SUFFIX, MONTHS
from nlp.identifiers.look_alikes.paperwork_words import INN_STEMS

_W = r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]*"
LINE_BEFORE = re.compile(
    rf"(?P<flat>(?i:flat|apt|apartment)[ \t]*\d{{1,4}}[A-Za-z]?,?[ \t]+)?"
    rf"(?P<num>(?<![\w/.:£$€-])\d{{1,4}}[A-Za-z]?)(?![\w/.:-]),?[ \t]+"
    rf"(?P<name>(?i:the[ \t]+)?{_W}(?:[ \t]+{_W}){{0,2}}),?[ \t]+$"
)
LINE_AT_CUE = re.compile(
    r"(?i:\b(?:i|we)(?:[ \t]+(?:live|am|are)|['’](?:m|re))[ \t]+at|"
    r"\blives?[ \t]+(?:alone[ \t]+)?at|\bliving[ \t]+at|"
    r"\baddress(?:ed)?(?:[ \t]+is|[ \t]+to)?[ \t]*:?|\bhome[ \t]+is|\bposted[ \t]+to)[ \t]+"
    rf"(?P<flat>(?i:flat|apt|apartment)[ \t]*\d{{1,4}}[A-Za-z]?,?[ \t]+)?"
    rf"(?P<num>\d{{1,4}}[A-Za-z]?)(?![\w/.:-]),?[ \t]+"
    rf"(?P<name>(?i:the[ \t]+)?{_W}(?:[ \t]+{_W}){{0,2}})(?=[ \t]*(?:[.,;\n]|$))"
)
# What a number before such words counts, instead of a house.
NOT_HOUSE_WORDS = frozenset(
    """ward wards bay bed beds room rooms unit units floor level bus route platform page pages
    year years yr yrs month months week weeks wk wks day days hour hours hr hrs minute minutes
    min mins mile miles stone kg lb lbs times time tablets tablet pills doses dose visits
    calls people children kids sons daughters grandchildren patients residents am pm
    o'clock percent per cent pounds quid stairs steps flights""".split()
)
YEAR = re.compile(r"(?:19|20)\d\d")
NUMBER_BEFORE = re.compile(
    r"(?i:\b(?:ward|room|rm|bay|bed|unit|level|floor|platform|route|bus|no|number|page|aged?|"
    r"year|since|in|for|about|over|under|of|x|top|bottom|than|just|only|at\s+least)[ \t.:#]*)$"
)


# The small words inside a Gaelic, Welsh or older English street's name ("Ceann an Rubha",
# "Heol y Nant", "Bryn yr Eglwys"), written in lower case between its capitalised words.
CONNECTORS = frozenset("an na nan y yr o de la le upon".split())


def _one_case(words: list[str], case: str) -> bool:
    """The street's words written in the text's own case around them."""
    if case == "upper":
        return all(w.isupper() for w in words)
    if case == "lower":
        return all(w.islower() for w in words)
    inner = words[1:-1]
    return all(w[0].isupper() for w in (words[0], words[-1])) and all(
        w[0].isupper() or w in CONNECTORS for w in inner
    )


def _case_of(value: str) -> str:
    if value.isupper():
        return "upper"
    if value.islower():
        return "lower"
    return "title"


def _counted_thing(low: str) -> bool:
    """A word alone after a number that names what is counted: an everyday word, a plural,
    a medicine ("2 Paracetamol", "3 Sandwiches")."""
    g = gazetteer()
    return (
        low in g.common_words
        or low in MEDICINE_BRANDS
        or low.endswith(INN_STEMS)
        or (low.endswith("s") and low in g.english_words)
    )


def _street_words(name: str, case: str) -> bool:
    words = name.split()
    if words[0].lower() == "the":
        words = words[1:]
        if not words:
            return False
    if not _one_case(words, case) or words[-1] in CONNECTORS:
        return False  # "mae'n 20 munud o abergwaun": twenty minutes from a town
    if len(words) == 1 and name == words[0] and _counted_thing(words[0].lower()):
        return False  # "took 2 Paracetamol, Leeds": a count of something, not a street
    for w in words:
        low = w.lower().strip("'’")
        if low in CONNECTORS and w is not words[0] and w is not words[-1]:
            continue
        if low in STOP_WORDS or low in NOT_HOUSE_WORDS or low in CARE_SUFFIX or low in MONTHS:
            return False
        if low in MEDICINE_BRANDS:
            return False
    return True


def _covered(found: list[Finding], start: int, end: int) -> bool:
    """Another rule has read these characters as something other than a place or a name."""
    return any(
        f.start < end
        and f.end > start
        and f.label not in ("LOCATION", "PERSON", "ADDRESS", "CARE_SETTING")
        for f in found
    )


def numbered_house_lines(text: str, found: list[Finding]) -> Iterator[Finding]:
    """ "4 The Paddocks, Ashbourne", "I live at 12 Heather Bank." (see the module)."""
    for f in found:
        if f.label not in ("LOCATION", "POSTCODE"):
            continue
        m = LINE_BEFORE.search(text, max(0, f.start - 70), f.start)
        if m is None or NUMBER_BEFORE.search(text, max(0, m.start() - 14), m.start()):
            continue
        if YEAR.fullmatch(m.group("num")):
            continue  # "METHADONE 60ML 2019, CGL BARNET": a year, not a house
        if not _street_words(m.group("name"), _case_of(text[f.start : f.end])):
            continue
        start = m.start("flat") if m.group("flat") else m.start("num")
        if _covered(found, start, m.end("name")):
            continue
        yield Finding(start, m.end("name"), "ADDRESS", 0.75, "numbered_house_line")
    for m in LINE_AT_CUE.finditer(text):
        name = m.group("name")
        case = "title" if name[0].isupper() and not name.isupper() else _case_of(name)
        if case == "lower" and not text[m.start() : m.end()].islower():
            continue
        if not _street_words(name, case):
            continue
        start = m.start("flat") if m.group("flat") else m.start("num")
        if _covered(found, start, m.end("name")):
            continue
        yield Finding(start, m.end("name"), "ADDRESS", 0.75, "numbered_house_line")
