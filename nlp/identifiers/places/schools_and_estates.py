"""Schools and housing estates: places that narrow a child or a family to a few streets.

"St Anselm's RC High", "the school (hollins academy)", "year 8 at
Brackenfield", "we live on the hollybush estate", "lives Larkspur Hill estate". No list holds
them; their kind word ("Primary", "Academy", "estate") or a school year before "at" is the cue.
Written in lower case, the name must be no everyday word ("the local academy", "a council
estate" stay).

Places of worship narrow a family as a school does, and are where many community groups meet
(fifth round): "St Columba's Church", "St Brendan's church hall", "Holy Family Parish", and a
church named by its dedication alone, which is nothing else in a story: "from Holy Cross & St
Anne's", "the priest at sacred heart".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.identifiers.core.findings import Finding
from nlp.identifiers.core.letter_case import capitals_mean_little
from nlp.identifiers.core.name_gazetteer import gazetteer
from nlp.identifiers.core.prefilter import gated

_CAP = r"[A-Z][a-z'’]+"
SCHOOL_KIND = (
    r"(?:Primary|Academy|High|Secondary|Grammar|Infants?|Juniors?|Comprehensive|"
    r"Sixth\s+Form|Free\s+School|Prep)"
)
SCHOOL = re.compile(
    rf"(?<![\w'’-])(?!School\s)(?:St\.?\s+)?{_CAP}(?:\s+{_CAP}){{0,3}}"
    rf"(?:\s+(?:RC|CE|C\s?of\s?E|CofE|VA|VC))?\s+{SCHOOL_KIND}"
    r"(?:\s+School)?\b"
)
SCHOOL = gated(SCHOOL)
SCHOOL_ANY_CASE = re.compile(
    r"(?<![\w'’-])(?P<name>[a-z][a-z'’]+(?:\s+[a-z][a-z'’]+)?)\s+"
    r"(?:primary|academy|high\s+school|secondary\s+school|grammar\s+school|infants|juniors)\b",
    re.IGNORECASE,
)
SCHOOL_ANY_CASE = gated(SCHOOL_ANY_CASE)
SCHOOL_YEAR = re.compile(
    rf"\byear\s+\d{{1,2}}\s+(?:at|in)\s+(?P<name>{_CAP}(?:\s+{_CAP}){{0,2}})", re.IGNORECASE
)
SCHOOL_YEAR = gated(SCHOOL_YEAR)
ESTATE = re.compile(
    r"\b(?:on|in|from|off|near|live|lives|living|lived|at)\s+(?:the\s+)?"
    r"(?!(?:the|on|in)\s)(?P<name>[A-Za-z][a-z'’]+(?-i:(?:\s+[A-Z][a-z'’]+){0,2}))\s+estate\b",
    re.IGNORECASE,
)
ESTATE = gated(ESTATE)
WORSHIP_KIND = (
    r"(?:(?:Parish\s+|Methodist\s+|Baptist\s+|URC\s+)?(?i:church|chapel)(?:\s+(?i:hall|centre))?|"
    r"Cathedral|Mosque|Masjid|Gurdwara|Mandir|Temple|Synagogue|Parish(?:\s+Centre)?|Kirk)"
)
_SAINT = r"(?:St\.?|Saint)\s+[A-Z][a-z'’]+"
PLACE_OF_WORSHIP = re.compile(
    rf"(?<![\w'’-])(?:{_SAINT}|(?!(?:The|Dr|Mr|Mrs|Ms|Miss|Rev|Revd|Fr|Father|Canon|Pastor)\s)"
    rf"{_CAP}(?:\s+{_CAP}){{0,2}})"
    rf"(?:\s+(?:&|and)\s+{_SAINT})?\s+{WORSHIP_KIND}(?![\w'’])"
)
# Round 40: a mosque, gurdwara or mandir named as its own language names it, the kind first
# ("Masjid al-Noor", "Gurdwara Guru Nanak Darbar", "Mandir Shree Ram"): a word of the
# community's life alone ("the masjid") is none, and the words of a newsletter, an office or a
# committee after the name are no part of it.
KIND_FIRST_WORSHIP = re.compile(
    r"(?<![\w'’-])(?:Masjid|Gurdwara|Mandir)(?:[ \t]+|-[ei]-)"
    r"(?:(?:[Aa][lnr]|[Ee][lnr])-)?[A-Z][\w'’]*"
    r"(?:-[A-Za-z][\w'’]*)?(?:[ \t]+(?!(?:Newsletter|Bulletin|Office|Committee|Trust|Team|Page|"
    r"Youth|Women|Sisters|Brothers|Car|Hall)\b)(?:(?:[Aa][lnr]|[Ee][lnr])-)?[A-Z][\w'’]*"
    r"(?:-[A-Za-z][\w'’]*)?){0,2}"
)
# Round 58 (a retired set, v67, whose writer marks the venues where story gatherers meet
# people): a mosque named kind first in the Urdu way ("Masjid-e-Umar", above) or typed in lower
# case ("jamia masjid ghousia", "masjid al-noor"), where capitals mean nothing and the name is no
# everyday word; a Welsh school, named kind first ("Ysgol Gynradd Pen-y-groes", "Ysgol Bro
# Dinefwr"); a school by a name of two or three capitalised words and "School" ("Bishop Vaughan
# School"); a Sure Start children's centre by its place ("Sure Start Ardoyne"); and a library, a
# market or a leisure centre by a known place's name ("Bury Market", "MOSS SIDE LIBRARY").
LOWER_KIND_FIRST_WORSHIP = re.compile(
    r"(?<![\w'’-])(?:jamia[ \t]+)?(?:masjid|gurdwara|mandir)(?:[ \t]+|-[ei]-)"
    r"(?:(?:a[lnr]|e[lnr])-)?(?P<name>[a-z][\w'’]*)(?:[ \t]+(?P<second>[a-z][\w'’]*))?"
)
WELSH_SCHOOL = re.compile(
    r"(?<![\w'’-])Ysgol(?:[ \t]+(?:Gynradd|Gymraeg|Uwchradd|Gyfun|Feithrin|Bro|Y|Yr|y|yr))*"
    r"[ \t]+[A-Z][\w'’]*(?:-[a-z]{1,3}-[a-z]+)?(?:[ \t]+[A-Z][\w'’]*)?"
)
NAMED_SCHOOL = re.compile(rf"(?<![\w'’-])(?P<name>{_CAP}(?:\s+{_CAP}){{1,2}})\s+School\b")
SURE_START = re.compile(
    r"(?<![\w'’-])Sure\s+Start\s+(?!(?:Maternity|Grant|Children|Centre|Programme|Scheme)\b)"
    rf"{_CAP}(?:\s+(?!(?:Maternity|Grant|Children|Centre|Programme)\b){_CAP})?(?![\w'’-])"
)
# Round 61 (retired sets v44, v51 and v73): a school by one capitalised name and its kind
# ("Woodlands School"), the name no everyday word (in lower case, "misses school" and "the wee
# school" are a sentence's words, and so would be most); and a school named for a saint or Our
# Lady, in any case ("st bede's rc high", "Our Lady's High", "st ninian's high school"), which
# the care rules took for a saint's hospital or left.
ONE_WORD_SCHOOL = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][a-z'’]+)[ \t]+(?P<kind>School)(?![\w'’-])"
)
SAINT_SCHOOL = re.compile(
    r"(?<![\w'’-])(?i:(?:st\.?|saint)[ \t]+[a-z]+['’]s|our[ \t]+lady['’]s)"
    r"(?:[ \t]+(?i:rc|r\.c\.|ce|c[ \t]?of[ \t]?e))?[ \t]+"
    r"(?i:high(?![ \t]+(?:street|st\b|road|rd\b))(?:[ \t]+school)?|primary(?:[ \t]+school)?|"
    r"academy|grammar(?:[ \t]+school)?|secondary(?:[ \t]+school)?|school|juniors?|infants?)"
    r"(?![\w'’-])"
)
SAINT_SCHOOL = gated(SAINT_SCHOOL)
PLACE_VENUE = re.compile(
    r"(?<![\w'’-])(?P<place>[A-Za-z][a-z'’]+(?:[ -][A-Za-z][a-z'’]+)?)[ \t]+"
    r"(?:Library|Market|Leisure[ \t]+Centre|Sports[ \t]+Centre|Town[ \t]+Hall)(?![\w'’-])"
)
PLACE_VENUE_ANY_CASE = re.compile(PLACE_VENUE.pattern, re.IGNORECASE)
WORDS_OF_VENUES = re.compile(r"ysgol|school|sure start|library|market|centre|town hall")
WORDS_OF_VENUES = gated(WORDS_OF_VENUES)
# Dedications that name a church (and its school) and nothing else.
DEDICATION = re.compile(
    r"(?<![\w'’-])(?i:holy\s+(?:trinity|cross|family|rood|spirit|redeemer|name|ghost)|"
    r"sacred\s+heart|all\s+saints|christ\s+church|corpus\s+christi|"
    r"our\s+lady(?:\s+of\s+(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?)?)"
    rf"(?:\s+(?:&|and)\s+{_SAINT})?(?![\w'’-])"
)
PLACE_WORD_BEFORE = re.compile(r"\b(?:at|to|from|in|of)\s+(?:the\s+)?$", re.IGNORECASE)
# A national charity's local branch named by its town: "Wakefield Citizens Advice", "Bolton
# Carers Centre", "Hexham Foodbank"; and a named community hub with its kind in lower case:
# "the Moorgate youth hub", "Riverside family hub" (a "community centre" is left: people name
# the building's kind more than the place).
LOCAL_BRANCH = re.compile(
    rf"(?<![\w'’-])(?P<place>{_CAP}(?:[ -]{_CAP})?)\s+(?:Citizens\s+Advice(?:\s+Bureau)?|"
    r"Carers\s+(?:Centre|Center|Hub|Trust)|Food\s?[Bb]ank|Law\s+Centre)(?![\w'’])"
)
# Round 60: a community organisation or venue by its own kind of name ("Ocean Somali Community
# Association", "Polish Social and Cultural Association", "Christ Church Food Bank", "Edmonton
# Community Larder", "Brixton Soup Kitchen", "Caribbean Elders Lunch Club"; a retired set, v71,
# whose writer, like v67's, marks the places where people meet as places): capitalised words
# before the kind, in capitals too where capitals mean little.
COMMUNITY_KIND = (
    r"(?:Community|Welfare|Cultural|Residents['’]?|Tenants['’]?)\s+(?:Association|Centre|Center|"
    r"Hub|Larder|Kitchen|Hall|Project|Trust)|Food\s?[Bb]ank|Foodbank|Soup\s+Kitchen|"
    r"Lunch\s+Club|Community\s+Food\s+Hub|"
    # Round 62 (retired sets v58 and v75): the clubs where older people meet ("Station Road
    # Bowling Club", "Walker Social Club").
    r"(?:Bowling|Social|Cricket|Golf|Tennis|Snooker|Working\s+Men['’]?s|Miners['’]?|"
    r"Ex-?Servicemen['’]?s|Veterans['’]?)\s+Club"
)
COMMUNITY_PLACE = re.compile(
    rf"(?<![\w'’-])(?P<name>(?:{_CAP}[ \t]+(?:(?:and|&)[ \t]+)?){{1,4}}(?:{COMMUNITY_KIND}))"
    r"(?![\w'’-])"
)
COMMUNITY_PLACE_CAPS = re.compile(
    rf"(?<![\w'’-])(?P<name>(?:[A-Z][A-Z'’]+[ \t]+){{1,3}}(?P<kind>(?i:{COMMUNITY_KIND})))"
    r"(?![\w'’-])"
)
WORDS_OF_COMMUNITY = re.compile(r"association|food ?bank|larder|soup kitchen|club|centre")
WORDS_OF_COMMUNITY = gated(WORDS_OF_COMMUNITY)
NAMED_HUB = re.compile(
    rf"(?<![\w'’-])(?:{_CAP}\s+){{1,3}}(?:youth|family|wellbeing|recovery)\s+"
    r"(?:hub|club|café|cafe|project)\b"
)
# Round 61 (retired sets v52, v56 and v73, three writers: the youth clubs and projects young
# people and young carers name as where they go): the kind in capitals too ("Fusion Youth
# Club", "Springfield Young Carers Project", "Pilton Youth Hub"), and a name typed in lower case
# after a word of placing ("at northside youth club", "from springboard youth project"), where
# the name is no word of a description ("the local youth club", "the girls' youth club").
YOUTH_KIND = (
    r"(?i:youth|young[ \t]+carers['’]?|young[ \t]+people['’]?s?)[ \t]+"
    r"(?i:hub|club|café|cafe|project|centre|center|zone)(?![\w'’-])"
)
NAMED_YOUTH_PLACE = re.compile(
    rf"(?<![\w'’-])(?P<name>(?:{_CAP}[ \t]+(?:(?:and|&)[ \t]+)?){{1,3}}){YOUTH_KIND}"
)
LOWER_YOUTH_PLACE = re.compile(
    r"(?<![\w'’-])(?:at|from|to|the|down)[ \t]+(?P<name>[a-z][a-z'’]+(?:[ \t]+[a-z][a-z'’]+)?)"
    rf"[ \t]+{YOUTH_KIND}"
)
# Cheap tests that skip a pattern when its kind word is absent (most stories have none).
WORDS_OF_BRANCHES = re.compile(r"citizens|carers|food\s?bank|law centre")
WORDS_OF_BRANCHES = gated(WORDS_OF_BRANCHES)
WORDS_OF_HUBS = re.compile(r"hub|club|caf|project|centre|center|zone")
WORDS_OF_HUBS = gated(WORDS_OF_HUBS)
WORDS_OF_WORSHIP = re.compile(
    r"church|chapel|cathedral|mosque|masjid|gurdwara|mandir|temple|synagogue|parish|kirk"
)
WORDS_OF_WORSHIP = gated(WORDS_OF_WORSHIP)
WORDS_OF_DEDICATIONS = re.compile(r"holy|sacred|saints|christ|our lady")
WORDS_OF_DEDICATIONS = gated(WORDS_OF_DEDICATIONS)
NOT_NAMES = frozenset(
    """the a an my our his her their local council new old big same other nearest this that
    state private secondary primary high junior infant free special catholic church village
    housing industrial trading retail business national regional general""".split()
)
NOT_YOUTH_NAMES = NOT_NAMES | frozenset(
    """school church council weekly monthly girls boys lads lgbt lgbtq lgbtqia queer trans
    young youth carers mosque sports football evening after friday saturday sunday monday
    tuesday wednesday thursday summer holiday area street community""".split()
)
COMMUNITY_KIND_WORDS = frozenset(
    """community welfare cultural residents tenants association centre center hub larder
    kitchen hall project trust food bank foodbank soup lunch club bowling social cricket golf
    tennis snooker working men's mens miners miners' ex-servicemen's veterans veterans'""".split()
)
NOT_SCHOOL_NAMES = NOT_NAMES | frozenset(
    """sunday medical nursing dental business summer driving boarding forest hospital nursery
    language dance music art law grammar comprehensive secondary primary infant junior""".split()
)


def _named(name: str) -> bool:
    """A school's or estate's own name: capitalised, or in lower case no everyday word."""
    words = name.lower().split()
    if not words or words[0] in NOT_NAMES or words[0] in STOP_WORDS:
        return False
    if name[:1].isupper():
        return True
    common = gazetteer().common_words
    return all(w not in common for w in words)


def schools_and_estates(text: str) -> Iterator[Finding]:
    places = gazetteer().places
    low = text.lower()
    for m in LOCAL_BRANCH.finditer(text) if WORDS_OF_BRANCHES.search(low) else ():
        if m.group("place").lower() in places:
            yield Finding(m.start(), m.end(), "LOCATION", 0.8, "local_branch")
    if WORDS_OF_COMMUNITY.search(low):
        caps = [m for m in COMMUNITY_PLACE_CAPS.finditer(text) if m.group("kind").isupper()]
        for m in (*COMMUNITY_PLACE.finditer(text), *caps):
            words = m.group("name").lower().split()
            while words and (words[0] in STOP_WORDS or words[0] in NOT_NAMES):
                words = words[1:]  # "The Ocean ...": the name starts after "The"
            if any(w in STOP_WORDS and w not in ("and", "&") for w in words):
                continue  # "CLUB AT THE COMMUNITY CENTRE": words of a sentence, not a name
            if len(words) > len(COMMUNITY_KIND_WORDS & set(words)):
                start = m.end("name") - len(" ".join(m.group("name").split()[-len(words) :]))
                yield Finding(start, m.end("name"), "LOCATION", 0.75, "community_place")
    if WORDS_OF_HUBS.search(low):
        yield from _hubs(text)
    for m in PLACE_OF_WORSHIP.finditer(text) if WORDS_OF_WORSHIP.search(low) else ():
        if _named(m.group().split()[0]):
            yield Finding(m.start(), m.end(), "LOCATION", 0.8, "place_of_worship")
    for m in KIND_FIRST_WORSHIP.finditer(text) if WORDS_OF_WORSHIP.search(low) else ():
        yield Finding(m.start(), m.end(), "LOCATION", 0.8, "place_of_worship")
    if WORDS_OF_WORSHIP.search(low) and capitals_mean_little(text):
        english = gazetteer().english_words
        for m in LOWER_KIND_FIRST_WORSHIP.finditer(text):
            if m.group("name") in english:
                continue
            second = m.group("second")
            named = second and second not in english and second not in places
            end = m.end() if named else m.end("name")
            yield Finding(m.start(), end, "LOCATION", 0.75, "place_of_worship")
    if WORDS_OF_VENUES.search(low):
        yield from _venues(text, places)
    for m in SAINT_SCHOOL.finditer(text):
        yield Finding(m.start(), m.end(), "LOCATION", 0.8, "school")
    for m in DEDICATION.finditer(text) if WORDS_OF_DEDICATIONS.search(low) else ():
        if m.group()[:1].isupper() or PLACE_WORD_BEFORE.search(text, 0, m.start()):
            yield Finding(m.start(), m.end(), "LOCATION", 0.75, "place_of_worship")
    for m in SCHOOL.finditer(text):
        if _named(m.group().split()[0]):
            yield Finding(m.start(), m.end(), "LOCATION", 0.8, "school")
    for pattern in (SCHOOL_ANY_CASE, SCHOOL_YEAR, ESTATE):
        for m in pattern.finditer(text):
            start = m.start("name")
            name = m.group("name")
            if pattern is SCHOOL_ANY_CASE and " " in name and not _named(name):
                # Round 39: "go to kingsway academy": the two words the pattern took were "to
                # kingsway"; the name is the word after the small word.
                start = m.start("name") + len(name) - len(name.split()[-1])
                name = name.split()[-1]
            if _named(name):
                # Round 60: an estate's name with its kind word, as 34 of 40 development
                # spans mark it ("the Loxford Estate", "church end estate").
                end = m.end() if pattern in (SCHOOL_ANY_CASE, ESTATE) else m.end("name")
                yield Finding(start, end, "LOCATION", 0.75, "school_or_estate")


def _hubs(text: str) -> Iterator[Finding]:
    """Named hubs, and youth clubs and projects by their names (round 61)."""
    for m in NAMED_HUB.finditer(text):
        if _named(m.group().split()[0]):
            yield Finding(m.start(), m.end(), "LOCATION", 0.75, "named_hub")
    if "you" not in text.lower():
        return
    for m in NAMED_YOUTH_PLACE.finditer(text):
        words = m.group("name").split()
        while words and words[0].lower() in NOT_YOUTH_NAMES | STOP_WORDS:
            words = words[1:]  # "The Fusion Youth Club": the name starts after "The"
        if words and not any(w.lower() in NOT_YOUTH_NAMES for w in words if w != "&"):
            start = m.end("name") - len(" ".join(words)) - 1
            yield Finding(start, m.end(), "LOCATION", 0.75, "named_hub")
    for m in LOWER_YOUTH_PLACE.finditer(text):
        words = m.group("name").split()
        if any(w in STOP_WORDS or w in NOT_YOUTH_NAMES for w in words):
            continue
        yield Finding(m.start("name"), m.end(), "LOCATION", 0.7, "named_hub")


def _venues(text: str, places: frozenset[str]) -> Iterator[Finding]:
    """Welsh schools, schools by their names, Sure Start centres, and a place's library,
    market or leisure centre (round 58)."""
    small = gazetteer().small_places
    for m in WELSH_SCHOOL.finditer(text):
        yield Finding(m.start(), m.end(), "LOCATION", 0.8, "school")
    for m in NAMED_SCHOOL.finditer(text):
        words = m.group("name").lower().split()
        if not any(w in NOT_SCHOOL_NAMES or w in STOP_WORDS for w in words):
            yield Finding(m.start(), m.end(), "LOCATION", 0.75, "school")
    common = gazetteer().common_words
    for m in ONE_WORD_SCHOOL.finditer(text):
        name = m.group("name")
        if name[-2:] in ("'s", "’s"):
            continue  # "Her Grandson's School" in a title's capitals
        low = name.lower()
        if low in common or low in STOP_WORDS or low in NOT_SCHOOL_NAMES:
            continue
        yield Finding(m.start(), m.end(), "LOCATION", 0.7, "school")
    for m in SURE_START.finditer(text):
        name = m.group().split()[2].lower()
        if name in places or name in small or name not in common:  # not "Sure Start Play"
            yield Finding(m.start(), m.end(), "LOCATION", 0.8, "sure_start")
    venues = PLACE_VENUE_ANY_CASE if capitals_mean_little(text) else PLACE_VENUE
    for m in venues.finditer(text):
        place = m.group("place").lower()
        last = re.split(r"[ -]", place)[-1]
        if place in places or place in small:
            yield Finding(m.start(), m.end(), "LOCATION", 0.75, "place_venue")
        elif last != place and (last in places or last in small):  # "stall Bury Market"
            yield Finding(m.end("place") - len(last), m.end(), "LOCATION", 0.75, "place_venue")
