"""Word lists shipped in `nlp/data/` and the small vocabularies the token rules share.

The lists are built by `nlp/data/build_lists.py` from open sources (listed with their licences
in `nlp/data/anonymisation_sources.md`): first names and surnames from Faker's person lists
in many locales plus the US census name tables; UK places from GeoNames, and the smaller
settlements and neighbourhoods of Great Britain from Ordnance Survey's Open Names
(`nlp/data/build_localities.py`); English word frequencies from wordfreq.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nlp.identifiers.core.medicine_brands import MEDICINE_BRANDS

DATA = Path(__file__).parents[2] / "data"


@dataclass(frozen=True)
class Gazetteer:
    first_names: frozenset[str]
    # The first names only the registered births list (`uk_first_names.txt`) holds, rarer or
    # newer than the others ("Gethin", "Ailidh", "Tariq"): they need capitals where the text
    # has them, and elsewhere must not be English words ("wen" typed for "when").
    registered_only_first_names: frozenset[str]
    # The older lists' first names alone, for rules that let a first name outweigh another
    # reading ("Old Tom", "Freeman Smith"): a rarer registered name does not.
    older_first_names: frozenset[str]
    surnames: frozenset[str]
    # First names that are also everyday words ("will", "hope", "may"): they need a cue.
    name_words: frozenset[str]
    # Pet forms that are everyday words ("Mo", "Dot", "Win", "Viv"): a name only with a
    # surname after them ("Mo Smith").
    pet_words: frozenset[str]
    places: frozenset[str]
    # The settlements only Ordnance Survey lists (villages, neighbourhoods). Only the place
    # finder reads them: so many are also a family name, a house's or a brand's ("Dilwyn
    # Price", "Penrhiw Farm", "buckfast") that they must not stop other rules, and in lower
    # case they need a cue.
    small_places: frozenset[str]
    large_places: frozenset[str]
    place_starts: frozenset[str]  # first words of the places, to skip most tokens quickly
    # Words common enough (Zipf >= 4) that, lower-cased, they read as ordinary English.
    common_words: frozenset[str]
    # A broad general-English list, for the residual-risk check of rare terms.
    english_words: frozenset[str]

    def is_name_part(self, word: str) -> bool:
        return word in self.first_names or word in self.surnames


# Letters that carry no accent to strip but are written for a plain one in ASCII spellings.
_PLAIN_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ı": "i", "ß": "ss"})


def without_accents(word: str) -> str:
    """ "joão" -> "joao", "łukasz" -> "lukasz", "gráinne" -> "grainne": how the name lists,
    which are ASCII, spell a name."""
    decomposed = unicodedata.normalize("NFKD", word.translate(_PLAIN_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class AccentBlindNames(frozenset):
    """A list of names that also holds each name written with accents (round 57).

    The name lists are built from ASCII sources ("joao", "ines", "lukasz", "grainne"), so a
    name typed with its accents in lower case or capitals ("joão da silva", "INÊS",
    "łukasz zielińska") was in no list, and only capitals or the NER could find it (missed
    in four writers' sets). A word with a letter outside ASCII is looked up without its
    accents as well; ASCII words cost nothing more. A word of two or three letters keeps its
    accents: Welsh writes short everyday words with them ("tîm", "tŷ", "sâl": team, house,
    ill) whose plain spellings are names ("Tim", "Sal")."""

    __slots__ = ()

    def __contains__(self, word: object) -> bool:
        if frozenset.__contains__(self, word):
            return True
        if not isinstance(word, str) or word.isascii() or len(word) < 4:
            return False  # Welsh "tîm", "tŷ", "sâl" are words, not "Tim", "Ty", "Sal"
        return frozenset.__contains__(self, without_accents(word))


def _read(name: str) -> frozenset[str]:
    """One entry a line; lines starting with "#" head the sections of hand-written lists."""
    lines = (line.strip() for line in (DATA / name).read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The word lists, loaded once per process."""
    # Settlements (GeoNames) and the larger areas people name: counties, unitary authorities,
    # boroughs, Welsh principal areas in English and Welsh, Scottish council areas.
    places = _read("uk_places.txt") | _read("uk_areas.txt")
    # Round 53: a place of two words or more is typed without its apostrophe as often as with
    # it ("Kings Lynn", "Bishops Stortford"); one word alone ("Kings") stays a word.
    places |= {p.replace("'", "") for p in places if "'" in p and " " in p}
    small_places = (
        _read("uk_localities.txt") | _read("ni_localities.txt") | _read("uk_districts.txt")
    ) - places
    common = _read("common_words.txt") | DOMAIN_WORDS
    # Pet forms ("Geoff", "Trev") join the first names unless they are everyday words too.
    pets = _read("short_first_names.txt")
    short = {n for n in pets if n not in common}
    first_names = _read("first_names.txt") | short
    # Names of babies registered in England and Wales, and elders' names of long-settled
    # communities that the registers miss (round 53), treated alike: rarer, so held to the
    # stricter tests of `token_people.first_name_ok`.
    # Round 93: adults' and elders' names of every community ("Delroy", "Hyacinth", "Dmytro").
    registered = (
        _read("uk_first_names.txt")
        | _read("community_first_names.txt")
        | _read("adult_first_names.txt")
    ) - first_names
    registered -= common  # not "PIP", "ESA", "Lewy"
    return Gazetteer(
        first_names=AccentBlindNames(first_names | registered),
        registered_only_first_names=AccentBlindNames(registered),
        older_first_names=AccentBlindNames(first_names),
        # Round 93: British, Irish and community surnames the Faker and census lists lack.
        surnames=AccentBlindNames(_read("surnames.txt") | _read("uk_surnames.txt")),
        name_words=_read("name_words.txt"),
        pet_words=frozenset(pets - first_names),
        places=places,
        small_places=small_places,
        large_places=(_read("uk_large_places.txt") | _read("uk_areas.txt")) & common - first_names,
        place_starts=_first_words(places | small_places),
        common_words=common,
        english_words=_read("english_words.txt") | DOMAIN_WORDS,
    )


def _first_words(places: frozenset[str]) -> frozenset[str]:
    """The words a listed place starts with, as the token view sees them: spaCy splits "'s"
    off "Bullen's Green" and "Maynard's Green", so such a place starts with "bullen" too
    (context probes, twenty-second session: Ordnance Survey lists some 300 such places)."""
    firsts = {re.split(r"[\s-]", p)[0] for p in places}
    return frozenset(firsts | {w[:-2] for w in firsts if w.endswith("'s")})


# Words of health and care that must never be taken for a name or a place.
DOMAIN_WORDS = frozenset(
    """nhs gp gps a&e ae ane 111 999 101 ambulance paramedic paramedics nurse nurses sister
    matron doctor doctors dr consultant registrar physio physiotherapist ot midwife midwives
    health visitor carer carers pharmacist pharmacy receptionist surgeon therapist psychiatrist
    psychologist cpn amhp social worker dentist optician hca manager ward wards hospital
    surgery clinic practice icu itu hdu ed mau amu cqc pals icb ccg trust council dementia
    healthwatch chi ni nhs111 dwp pip esa uc samaritans macmillan barnardos mencap mind
    allowance attendance benefit benefits lewy
    parkinson's alzheimer's down's crohn's huntington's asperger's
    tourette's addison's hodgkin's bell's graves' raynaud's ménière's meniere's guillain barre
    mental act covid covid-19 corona copd mri ct ecg xray x-ray ultrasound uti ibs adhd
    autism asd mnd ms bpd ptsd ocd iapt camhs crisis team dols dnacpr dnr resus
    nicu picu scbu sdec hrt handover handovers huddle
    monday tuesday wednesday thursday friday saturday sunday christmas easter""".split()
)

# Conditions named after people: "Parkinson's", "Down's syndrome" are not about a person here.
EPONYM_FOLLOWERS = frozenset(
    {"disease", "syndrome", "palsy", "sarcoma", "lymphoma", "disorder", "protocol"}
)
EPONYMS = frozenset(
    """parkinson alzheimer down crohn huntington asperger tourette addison hodgkin bell graves
    raynaud meniere ménière guillain barre barré cushing wilson hashimoto kawasaki lyme sjogren
    sjögren duchenne marfan paget perthes osgood legionnaire""".split()
)

# Words after which the next name-like word is a person: titles ("Dr Patel") and roles.
TITLE_CUES = frozenset(
    """dr doctor mr mrs ms miss mx prof professor sir dame rev reverend lady lord cllr
    councillor""".split()
)
ROLE_CUES = frozenset(
    """nurse sister matron midwife carer consultant surgeon manager paramedic physio therapist
    worker receptionist pharmacist dentist gp registrar advocate officer coordinator chaplain
    son daughter husband wife partner mum mother mam mom dad father brother sister nan nana
    nanna nanny gran granny grandma grandmother grandad granddad grandpa grandfather grandson
    granddaughter aunt auntie aunty uncle niece nephew cousin friend neighbour neighbor fiance
    fiancé fiancee boyfriend girlfriend stepson stepdaughter stepmum stepdad baby boy girl
    called named name's colleague mate pal bestie flatmate housemate mummy daddy mammy
    nain taid mamgu tadcu nani dadi bibi bibiji ammi abbu amma appa""".split()
) | frozenset(
    # Thirty-first round: the roles of community work, faith and housing, before a name as the
    # roles of care are ("the site warden, Ally", "our keyworker Dee", "the imam, Yusuf").
    """warden caretaker keyworker caseworker befriender mentor imam vicar priest interpreter
    volunteer gatherer""".split()  # round 58: a story gatherer's name under the notes
)
# Roles that an interpreting firm, a language or a heading's word follows as often as a name
# ("Arabic interpreter, Language Line", "VOLUNTEER SUMMARY"): after them a common word is no
# name unless it is a first name too.
WEAK_ROLE_CUES = frozenset("interpreter volunteer".split())
# Words that end a person cue without being a name ("the nurse in charge").
NOT_A_NAME = frozenset(
    """practitioner practitioners specialist assistant associate in charge who was is and or
    said says told came come team lead manager worker nurse support liaison on call named
    called the a an had has have did does from at to for with about when after before thank
    thanks""".split()
)
# Capitalised words that name a kind of person, a language, a people, a faith, a festival or a
# day, never one person or place: "translated from Gujarati", "speaks Amharic and some Arabic",
# "a Sudanese man", "during Navratri", "clinic Mon and Thurs", "on Fridays", "Dear Madam",
# "Caller rang back", "Befriender: Hi". Languages and peoples that are also
# common surnames ("English", "Welsh", "French", "Irish") or first names ("Shona", "Christian",
# "Roma") are left out; after a title ("Mr Ramadan") the word is still a name. Round 45: the
# words for someone's part in a form, a study or a household ("Section 2 – Referrer",
# "Participant chose to be called ...", "Toddler has a cough", "Signposted to the ombudsman"),
# which the capitals rule took for people in thirteen sets by different writers, and Scots
# "Ah'm", "A've", "Aye" (four sets). Round 54: a benefits claim's "Claimant" and "Appellant", a
# form's "Addr:", an urgent treatment centre by its initials ("UTC said go to A&E"; left
# unmarked in every one of its ten uses in the development sets).
NOT_IDENTIFIER_WORDS = frozenset(
    """arabic urdu punjabi pahari mirpuri bengali bangla sylheti gujarati hindi tamil telugu
    malayalam marathi nepali sinhala sinhalese pashto dari farsi persian kurdish kurmanji sorani
    turkish somali tigrinya amharic oromo eritrean ethiopian sudanese swahili yoruba igbo hausa
    twi akan lingala zulu xhosa afrikaans spanish portuguese italian dutch polish
    romanian bulgarian hungarian czech slovak slovakian lithuanian latvian estonian russian
    ukrainian belarusian albanian kosovan serbian croatian bosnian greek cypriot maltese
    cantonese mandarin chinese hakka vietnamese thai khmer burmese malay indonesian tagalog
    filipino japanese korean gaelic bsl makaton romani pakistani indian bangladeshi
    nigerian ghanaian somalian somalis afghan syrian iraqi iranian yemeni egyptian moroccan
    algerian libyan congolese zimbabwean kenyan ugandan jamaican caribbean african asian
    european brazilian colombian sikh hindu muslim jewish catholic protestant
    buddhist ramadan eid diwali vaisakhi hanukkah passover navratri
    mon tue tues wed weds thu thur thurs fri sat mondays tuesdays wednesdays thursdays fridays
    saturdays sundays
    madam sir councillor constituent caller callers signposter interviewer interpreter
    volunteer client mums dads gypsy traveller travellers deaf flu forum noticeboard scheme
    participant participants referrer referrers researcher researchers facilitator facilitators
    toddler toddlers teen teens teenager teenagers headteacher solicitor solicitors locum locums
    landlord landlady interpreters signposted signposting specialty
    nae naebody naethin tae wi hame oot aboot cannae dinnae didnae wisnae isnae couldnae
    wouldnae shouldnae widnae awfy bairn bairns wean weans och laddie lassie heid auld
    ah'm ah'd ah've ah'll a'm a'd a've a'll aye
    fae frae
    thankyou thanku thanx thnx thx hiya heya
    cymraeg gymraeg saesneg gaeilge gàidhlig gaidhlig cernewek
    română romana polski polsku português portugues español espanol français francais
    türkçe turkce русский українська
    ombudsman ombudsmen
    claimant claimants appellant appellants addr utc
    calpol nurofen gaviscon sudocrem piriton oramorph ventolin lemsip strepsils dioralyte
    movicol fybogel fortisip complan weetabix""".split()
)
# Round 45: medicines, dressings and vaccines by their brands (`medicine_brands.py`).
NOT_IDENTIFIER_WORDS |= MEDICINE_BRANDS

# Frequent Welsh words that are not English words (a few are given names: "Mae", "Beth",
# "Nain"): among other Welsh words they are Welsh, not names.
_WELSH_CORE = frozenset(
    """mae roedd oedd yw ydy ydw yn yr ac ar gyda mewn fe fo chi nhw dy ei ein eich eu braf
    iawn diolch fawr bore nos prynhawn croeso hefyd ond pan wedi ddim bod fod sut beth pwy
    ble meddai nyrs meddyg dydd heddiw ddoe yfory mamgu tadcu nain taid cariad hwyl bach
    mawr cefais fy gan ffôn nodyn dda angen gennych gen gwell byw oed nhad modryb siarad
    wythnos nesa adre dod""".split()
)
# Round 59: a broader hand-written list of frequent Welsh words (`nlp/data/welsh_words.txt`),
# from which English words and listed names were left out when it was made; a Welsh form or
# message took "Hoffech", "Cafodd", "Angen" and a hundred more for people.
WELSH_WORDS = _WELSH_CORE | _read("welsh_words.txt")
COUNTRIES = frozenset(
    """uk u.k. gb england scotland wales britain ireland europe england's the united kingdom
    northern ireland great britain poland romania india pakistan nigeria ghana jamaica
    bangladesh china spain france italy portugal germany lithuania latvia america usa us
    australia canada""".split()
)
